//! The prep kit: everything the user prepares, as plain data. The store reads
//! and writes it; scoring, drills and readiness read it.

pub mod design;
pub mod exchange;
pub mod field;
pub mod format;
pub mod ids;
pub mod metric;
pub mod narrative;
pub mod opinion;
pub mod profile;
pub mod story;
pub mod template;

pub use design::{CORE_DESIGN_PROMPTS, Design, DesignField};
pub use field::{FieldError, Fields, TextField, UnknownField};
pub use metric::{Metric, MetricField, MetricKind};
pub use narrative::{Narrative, NarrativeField};
pub use opinion::{Opinion, OpinionField};
pub use profile::{Profile, ProfileField};
pub use story::{Story, StoryField, StoryMetric};

/// Everything the user has prepared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Kit {
    pub profile: Profile,
    pub stories: Vec<Story>,
    pub designs: Vec<Design>,
    pub metrics: Vec<Metric>,
    pub opinions: Vec<Opinion>,
    pub narrative: Narrative,
}

impl Kit {
    /// True when the user has prepared nothing yet (the first-run screen).
    pub fn is_empty(&self) -> bool {
        self.profile.is_blank()
            && self.stories.is_empty()
            && self.designs.is_empty()
            && self.metrics.is_empty()
            && self.opinions.is_empty()
            && self.narrative.text.trim().is_empty()
    }

    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id)
    }
}
