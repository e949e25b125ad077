//! Who the user is interviewing with, and when.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

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

/// Accepts `"2026-12-10"`, `""` or `null`; anything else is an error that says
/// which shape is wanted.
fn date_or_empty<'de, D: Deserializer<'de>>(de: D) -> Result<Option<NaiveDate>, D::Error> {
    let text: Option<String> = Option::deserialize(de)?;
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(day) => NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                serde::de::Error::custom(format!(
                    "interview_date `{day}` is not a date: write it as YYYY-MM-DD, e.g. 2026-12-10"
                ))
            }),
    }
}
