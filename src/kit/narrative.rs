//! The platform narrative: how the user's platform work improved developer
//! velocity and reliability.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Narrative {
    pub text: String,
}
