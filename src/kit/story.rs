//! An incident story: the five playbook beats, how the root cause was found,
//! the before/after numbers, and which behavioural questions it answers.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::field::{FieldError, Fields, text_fields};
use super::format::{VersionKey, objects_only};
use super::template::parse_metric_line;

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

text_fields! {
    /// A field of a story the user writes, in playbook order: the order of
    /// the editor, the `$EDITOR` template, the detail view and the files.
    StoryField, "a story",
    Title = "title", "Title", single,
        "A name you will recognise: \"Checkout DB pool exhaustion\".";
    BlastRadius = "blast_radius", "Blast radius", multi,
        "Who and what was hurt, how many, for how long, what it cost.";
    Role = "role", "My role", multi,
        "What I did, with \"I\": my incident role and my actions.";
    Decision = "decision", "Decision", multi,
        "The call I made, the option I did not take, why, and the risk.";
    Fix = "fix", "Fix", multi,
        "What broke, technically, and the concrete change that fixed it.";
    RootCause = "root_cause", "How I found the root cause", multi,
        "The first drill-down question: which graph, log or tool, what it showed.";
    SystemicChange = "systemic_change", "Systemic change", multi,
        "What changed for good: detection, prevention, mitigation, process.";
    Metrics = "metrics", "Before/after metrics", multi,
        "One a line: name: before -> after   e.g. MTTR: 42 min -> 11 min";
    Notes = "notes", "Notes", multi,
        "Private notes, never scored or spoken: likely follow-ups, caveats.";
}

impl StoryField {
    /// A prose beat of the playbook, scored and spoken: not the title, the
    /// metrics (a list, scored as numbers) or the private notes.
    pub const fn is_beat(self) -> bool {
        match self {
            StoryField::BlastRadius
            | StoryField::Role
            | StoryField::Decision
            | StoryField::Fix
            | StoryField::RootCause
            | StoryField::SystemicChange => true,
            StoryField::Title | StoryField::Metrics | StoryField::Notes => false,
        }
    }

    /// The prose beats in playbook order. Scoring, the editor, the detail
    /// view and the cheat sheet all walk this one list.
    pub fn beats() -> impl Iterator<Item = StoryField> {
        StoryField::ALL.into_iter().filter(|f| f.is_beat())
    }
}

impl Fields for Story {
    type Field = StoryField;

    /// The metrics read as their lines, `MTTR: 42 min -> 11 min`, one a line.
    fn get(&self, field: StoryField) -> Cow<'_, str> {
        let text = match field {
            StoryField::Title => &self.title,
            StoryField::BlastRadius => &self.blast_radius,
            StoryField::Role => &self.role,
            StoryField::Decision => &self.decision,
            StoryField::Fix => &self.fix,
            StoryField::RootCause => &self.root_cause,
            StoryField::SystemicChange => &self.systemic_change,
            StoryField::Metrics => {
                let lines: Vec<String> = self
                    .metrics
                    .iter()
                    .map(|m| format!("{}: {} -> {}", m.name, m.before, m.after))
                    .collect();
                return Cow::Owned(lines.join("\n"));
            }
            StoryField::Notes => &self.notes,
        };
        Cow::Borrowed(text)
    }

    /// The title is one line (a line break becomes a space). The metrics
    /// are read a line each (blank lines skipped); a line that does not read
    /// is an error naming it, and the lines that read are kept.
    fn set(&mut self, field: StoryField, text: String) -> Result<(), FieldError> {
        let slot = match field {
            StoryField::Title => {
                self.title = text.replace('\n', " ");
                return Ok(());
            }
            StoryField::BlastRadius => &mut self.blast_radius,
            StoryField::Role => &mut self.role,
            StoryField::Decision => &mut self.decision,
            StoryField::Fix => &mut self.fix,
            StoryField::RootCause => &mut self.root_cause,
            StoryField::SystemicChange => &mut self.systemic_change,
            StoryField::Metrics => {
                let mut first_error = None;
                self.metrics = text
                    .lines()
                    .enumerate()
                    .filter(|(_, line)| !line.trim().is_empty())
                    .filter_map(|(n, line)| match parse_metric_line(line) {
                        Ok(metric) => Some(metric),
                        Err(message) => {
                            first_error.get_or_insert(FieldError {
                                line: Some(n + 1),
                                message,
                            });
                            None
                        }
                    })
                    .collect();
                return first_error.map_or(Ok(()), Err);
            }
            StoryField::Notes => &mut self.notes,
        };
        *slot = text;
        Ok(())
    }
}

impl Story {
    /// The text of a field written as prose, borrowed; `None` for the
    /// metrics, which are a list.
    pub fn prose(&self, field: StoryField) -> Option<&str> {
        match self.get(field) {
            Cow::Borrowed(text) => Some(text),
            Cow::Owned(_) => None,
        }
    }

    /// The text of a prose field by its key, for a caller holding a key (the
    /// field an evidence span names); `None` for an unknown key and for the
    /// metrics.
    pub fn text_field(&self, key: &str) -> Option<&str> {
        self.prose(key.parse().ok()?)
    }

    /// The prose beats (in playbook order) with nothing written in them.
    pub fn empty_beats(&self) -> Vec<StoryField> {
        StoryField::beats()
            .filter(|&f| self.get(f).trim().is_empty())
            .collect()
    }

    /// True when nothing at all has been written.
    pub fn is_blank(&self) -> bool {
        StoryField::ALL
            .into_iter()
            .all(|f| self.get(f).trim().is_empty())
    }
}

// Read from a JSON object only, never from an array of values.
objects_only!(StoryMetric, Story);
