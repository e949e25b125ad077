//! Who the user is interviewing with, and when.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use super::field::{FieldError, Fields, parse_date, text_fields};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    /// `YYYY-MM-DD`; absent (or `""`) when the user has not set one.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "date_or_empty"
    )]
    pub interview_date: Option<NaiveDate>,
    pub company: String,
    pub target_role: String,
}

impl Profile {
    pub fn is_blank(&self) -> bool {
        self.interview_date.is_none()
            && self.company.trim().is_empty()
            && self.target_role.trim().is_empty()
    }
}

text_fields! {
    /// A field of the interview details.
    ProfileField, "the interview details",
    InterviewDate = "interview_date", "Interview date", single,
        "YYYY-MM-DD, e.g. 2026-12-10 (empty for none): home counts down to it.";
    Company = "company", "Company", single,
        "Where you are interviewing.";
    TargetRole = "target_role", "Target role", single,
        "The role: \"Senior SRE\", \"Platform engineer\".";
}

impl Fields for Profile {
    type Field = ProfileField;

    /// The date as `YYYY-MM-DD`, or empty when none is set.
    fn get(&self, field: ProfileField) -> Cow<'_, str> {
        match field {
            ProfileField::InterviewDate => self
                .interview_date
                .map_or(Cow::Borrowed(""), |d| Cow::Owned(d.to_string())),
            ProfileField::Company => Cow::Borrowed(&self.company),
            ProfileField::TargetRole => Cow::Borrowed(&self.target_role),
        }
    }

    /// A date that does not read is an error, and the date is left as it was.
    fn set(&mut self, field: ProfileField, text: String) -> Result<(), FieldError> {
        match field {
            ProfileField::InterviewDate => {
                self.interview_date = parse_date(&text)
                    .map_err(|e| FieldError::new(format!("{} {e}.", field.label())))?;
            }
            ProfileField::Company => self.company = text,
            ProfileField::TargetRole => self.target_role = text,
        }
        Ok(())
    }
}

/// Accepts `"2026-12-10"`, `""` or `null`; anything else is an error that says
/// which shape is wanted.
fn date_or_empty<'de, D: Deserializer<'de>>(de: D) -> Result<Option<NaiveDate>, D::Error> {
    let text: Option<String> = Option::deserialize(de)?;
    parse_date(text.as_deref().unwrap_or(""))
        .map_err(|e| serde::de::Error::custom(format!("interview_date {e}")))
}
