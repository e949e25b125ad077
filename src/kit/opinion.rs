//! An opinion about reliability: "I believe in A over B because C".

use serde::{Deserialize, Serialize};

use super::format::objects_only;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", default, deny_unknown_fields)]
pub struct Opinion {
    pub id: String,
    pub stance: String,
    pub over: String,
    pub because: String,
    pub evidence: String,
    pub limits: String,
}

// Read from a JSON object only, never from an array of values.
objects_only!(Opinion);
