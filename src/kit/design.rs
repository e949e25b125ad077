//! An infrastructure design answer, grounded in a system the user built or ran.

use serde::{Deserialize, Serialize};

use super::format::{VersionKey, objects_only};

/// The playbook's minimum: the three prompts the readiness check asks for.
/// A minimum, not a ranking: NALSD and the other built-in prompts are as
/// real a design round (see `content::design_prompts`).
pub const CORE_DESIGN_PROMPTS: [&str; 3] = ["ci-cd", "kubernetes", "multi-region"];

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", default, deny_unknown_fields)]
pub struct Design {
    /// See [`crate::kit::Story::file_version`].
    #[serde(rename = "version", skip_serializing)]
    pub file_version: VersionKey,
    pub id: String,
    /// A built-in prompt id (`ci-cd`, `kubernetes`, `multi-region`, ...) or the user's own words.
    pub prompt: String,
    pub title: String,
    pub real_system: String,
    pub requirements: String,
    pub architecture: String,
    pub scaling: String,
    pub failure_modes: String,
    pub observability: String,
    pub tradeoffs: String,
}

// Read from a JSON object only, never from an array of values.
objects_only!(Design);
