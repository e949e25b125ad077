//! The platform narrative: how the user's platform work improved developer
//! velocity and reliability.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::field::{FieldError, Fields, text_fields};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Narrative {
    pub text: String,
}

text_fields! {
    /// The narrative's one field.
    NarrativeField, "the platform narrative",
    Text = "text", "Platform narrative", multi,
        "How your platform work improved developer velocity and reliability — in the first person, with numbers before and after.";
}

impl Fields for Narrative {
    type Field = NarrativeField;

    fn get(&self, field: NarrativeField) -> Cow<'_, str> {
        match field {
            NarrativeField::Text => Cow::Borrowed(&self.text),
        }
    }

    fn set(&mut self, field: NarrativeField, text: String) -> Result<(), FieldError> {
        match field {
            NarrativeField::Text => self.text = text,
        }
        Ok(())
    }
}
