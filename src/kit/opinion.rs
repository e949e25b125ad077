//! An opinion about reliability: "I believe in A over B because C".

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::field::{FieldError, Fields, text_fields};
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

text_fields! {
    /// A field of an opinion: the stance first, where it stops holding last.
    OpinionField, "an opinion",
    Stance = "stance", "I believe in", single,
        "Your side, committed: \"SLO-based alerting\".";
    Over = "over", "Over", single,
        "The alternative you would not pick: \"threshold alerts on CPU\".";
    Because = "because", "Because", multi,
        "The reason, in a sentence: the mechanism, not a slogan.";
    Evidence = "evidence", "Evidence", multi,
        "Something you lived through, ideally with a number.";
    Limits = "limits", "Where it stops holding", multi,
        "The honest \"it depends, and here is when\" — after the stance.";
}

impl Fields for Opinion {
    type Field = OpinionField;

    fn get(&self, field: OpinionField) -> Cow<'_, str> {
        Cow::Borrowed(match field {
            OpinionField::Stance => &self.stance,
            OpinionField::Over => &self.over,
            OpinionField::Because => &self.because,
            OpinionField::Evidence => &self.evidence,
            OpinionField::Limits => &self.limits,
        })
    }

    fn set(&mut self, field: OpinionField, text: String) -> Result<(), FieldError> {
        let slot = match field {
            OpinionField::Stance => &mut self.stance,
            OpinionField::Over => &mut self.over,
            OpinionField::Because => &mut self.because,
            OpinionField::Evidence => &mut self.evidence,
            OpinionField::Limits => &mut self.limits,
        };
        *slot = text;
        Ok(())
    }
}

// Read from a JSON object only, never from an array of values.
objects_only!(Opinion);
