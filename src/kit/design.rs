//! An infrastructure design answer, grounded in a system the user built or ran.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::field::{FieldError, Fields, text_fields};
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
    pub title: String,
    /// A built-in prompt id (`ci-cd`, `kubernetes`, `multi-region`, ...) or the user's own words.
    pub prompt: String,
    pub real_system: String,
    pub requirements: String,
    pub architecture: String,
    pub scaling: String,
    pub failure_modes: String,
    pub observability: String,
    pub tradeoffs: String,
}

text_fields! {
    /// A field of a design answer, in the order it is told.
    DesignField, "a design answer",
    Title = "title", "Title", single,
        "A name for this answer: \"Monorepo CI/CD at Acme\".";
    Prompt = "prompt", "Prompt", single,
        "ci-cd, kubernetes, multi-region, another built-in id, or your own words.";
    RealSystem = "real_system", "Real system", multi,
        "Where you built or ran it, first-hand: the system, the scale, your part.";
    Requirements = "requirements", "Requirements & questions", multi,
        "What it must do, with numbers, and the questions you would ask first.";
    Architecture = "architecture", "Architecture", multi,
        "The components and how they connect.";
    Scaling = "scaling", "Scaling & capacity", multi,
        "A capacity estimate with numbers: rps, storage, nodes, headroom.";
    FailureModes = "failure_modes", "Failure modes", multi,
        "What fails, and what happens then.";
    Observability = "observability", "Observability & SLOs", multi,
        "The SLO with its target and window, and the alerts on it.";
    Tradeoffs = "tradeoffs", "Trade-offs", multi,
        "What you chose over what, and why.";
}

impl DesignField {
    /// A section of the answer, judged on its own: every field but the
    /// title and the prompt.
    pub const fn is_section(self) -> bool {
        match self {
            DesignField::Title | DesignField::Prompt => false,
            DesignField::RealSystem
            | DesignField::Requirements
            | DesignField::Architecture
            | DesignField::Scaling
            | DesignField::FailureModes
            | DesignField::Observability
            | DesignField::Tradeoffs => true,
        }
    }
}

impl Design {
    /// A field's text, borrowed.
    pub fn text(&self, field: DesignField) -> &str {
        match field {
            DesignField::Title => &self.title,
            DesignField::Prompt => &self.prompt,
            DesignField::RealSystem => &self.real_system,
            DesignField::Requirements => &self.requirements,
            DesignField::Architecture => &self.architecture,
            DesignField::Scaling => &self.scaling,
            DesignField::FailureModes => &self.failure_modes,
            DesignField::Observability => &self.observability,
            DesignField::Tradeoffs => &self.tradeoffs,
        }
    }
}

impl Fields for Design {
    type Field = DesignField;

    fn get(&self, field: DesignField) -> Cow<'_, str> {
        Cow::Borrowed(self.text(field))
    }

    fn set(&mut self, field: DesignField, text: String) -> Result<(), FieldError> {
        let slot = match field {
            DesignField::Title => &mut self.title,
            DesignField::Prompt => &mut self.prompt,
            DesignField::RealSystem => &mut self.real_system,
            DesignField::Requirements => &mut self.requirements,
            DesignField::Architecture => &mut self.architecture,
            DesignField::Scaling => &mut self.scaling,
            DesignField::FailureModes => &mut self.failure_modes,
            DesignField::Observability => &mut self.observability,
            DesignField::Tradeoffs => &mut self.tradeoffs,
        };
        *slot = text;
        Ok(())
    }
}

// Read from a JSON object only, never from an array of values.
objects_only!(Design);
