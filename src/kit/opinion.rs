//! An opinion about reliability: "I believe in A over B because C".

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Opinion {
    pub id: String,
    pub stance: String,
    pub over: String,
    pub because: String,
    pub evidence: String,
    pub limits: String,
}
