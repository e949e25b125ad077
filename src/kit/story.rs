//! An incident story: the five playbook beats, how the root cause was found,
//! the before/after numbers, and which behavioural questions it answers.

use serde::{Deserialize, Serialize};

use super::format::{VersionKey, objects_only};

/// One before/after figure a story can quote ("MTTR: 42 min -> 11 min").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", default, deny_unknown_fields)]
pub struct StoryMetric {
    pub name: String,
    pub before: String,
    pub after: String,
}

/// An incident story, in the order the playbook tells it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", default, deny_unknown_fields)]
pub struct Story {
    /// Accepts the `"version"` key the store writes at the top of each story
    /// file (so a newer file is refused rather than misread); never written
    /// from here, so the exchange format has no version inside a story.
    #[serde(rename = "version", skip_serializing)]
    pub file_version: VersionKey,
    pub id: String,
    pub title: String,
    pub blast_radius: String,
    pub role: String,
    pub decision: String,
    pub fix: String,
    pub root_cause: String,
    pub systemic_change: String,
    pub metrics: Vec<StoryMetric>,
    pub questions: Vec<String>,
    pub notes: String,
}

/// The story's prose fields in playbook order, with their JSON names.
/// Scoring, the editor and the cheat sheet all walk this one list.
pub const STORY_TEXT_FIELDS: [&str; 6] = [
    "blast_radius",
    "role",
    "decision",
    "fix",
    "root_cause",
    "systemic_change",
];

impl Story {
    /// The text of a prose field by its JSON name, or `None` for an unknown name.
    pub fn text_field(&self, name: &str) -> Option<&str> {
        Some(match name {
            "title" => &self.title,
            "blast_radius" => &self.blast_radius,
            "role" => &self.role,
            "decision" => &self.decision,
            "fix" => &self.fix,
            "root_cause" => &self.root_cause,
            "systemic_change" => &self.systemic_change,
            "notes" => &self.notes,
            _ => return None,
        })
    }

    /// The prose beats (in playbook order) with nothing written in them.
    pub fn empty_beats(&self) -> Vec<&'static str> {
        STORY_TEXT_FIELDS
            .iter()
            .copied()
            .filter(|f| self.text_field(f).unwrap_or("").trim().is_empty())
            .collect()
    }

    /// True when nothing at all has been written.
    pub fn is_blank(&self) -> bool {
        self.title.trim().is_empty()
            && STORY_TEXT_FIELDS
                .iter()
                .all(|f| self.text_field(f).unwrap_or("").trim().is_empty())
            && self.metrics.is_empty()
            && self.notes.trim().is_empty()
    }
}

// Read from a JSON object only, never from an array of values.
objects_only!(StoryMetric, Story);
