//! The shape of each file in the data directory. Story and design files are
//! the story or design object of the exchange format with `"version"` first;
//! the other files wrap their content as `{ "version": 1, "<name>": ... }`.

use serde::{Deserialize, Serialize};

use crate::drill::deck::Card;
use crate::drill::reviews::Reviews;
use crate::kit::{Design, Metric, Narrative, Opinion, Profile, Story};

pub const STORIES_DIR: &str = "stories";
pub const DESIGNS_DIR: &str = "designs";
pub const TRASH_DIR: &str = "trash";
pub const METRICS_FILE: &str = "metrics.json";
pub const OPINIONS_FILE: &str = "opinions.json";
pub const NARRATIVE_FILE: &str = "narrative.json";
pub const PROFILE_FILE: &str = "profile.json";
pub const REVIEWS_FILE: &str = "reviews.json";
pub const DRAFT_FILE: &str = "draft.json";

/// A story or design as written to its own file: the version, then the object.
#[derive(Serialize)]
pub struct ItemFile<'a, T: Serialize> {
    pub version: u32,
    #[serde(flatten)]
    pub item: &'a T,
}

macro_rules! envelope {
    ($(#[$doc:meta])* $name:ident, $key:ident: $ty:ty) => {
        $(#[$doc])*
        #[derive(Debug, Default, Serialize, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct $name {
            pub version: u32,
            pub $key: $ty,
        }
    };
}

envelope!(/// `metrics.json`
    MetricsFile, metrics: Vec<Metric>);
envelope!(/// `opinions.json`
    OpinionsFile, opinions: Vec<Opinion>);
envelope!(/// `narrative.json`
    NarrativeFile, narrative: Narrative);
envelope!(/// `profile.json`
    ProfileFile, profile: Profile);
envelope!(/// `reviews.json`
    ReviewsFile, reviews: Reviews);
envelope!(/// `cards.json`: the user's own Linux & systems cards
    CardsFile, cards: Vec<Card>);
envelope!(/// `draft.json`: the editor's text when the app was quit mid-edit
    DraftFile, draft: Draft);

/// A story (or another item) being edited when the app was quit, offered
/// back at the next start.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Draft {
    /// The id of the story being edited; empty for a new story.
    pub editing: String,
    pub story: Story,
    /// A design, metric, opinion or narrative draft instead of a story.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<FormDraft>,
}

/// The typed fields of a design, metric, opinion or the narrative.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FormDraft {
    /// `design`, `metric`, `opinion` or `narrative`.
    pub kind: String,
    /// Index of the item edited in its list, if it was not new.
    pub index: Option<usize>,
    /// Field key -> typed text.
    pub fields: std::collections::BTreeMap<String, String>,
}

/// Stories and designs: the two kinds kept one file each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    Stories,
    Designs,
}

impl Folder {
    pub fn dir_name(self) -> &'static str {
        match self {
            Folder::Stories => STORIES_DIR,
            Folder::Designs => DESIGNS_DIR,
        }
    }

    /// The word for one item, in messages and trash file names.
    pub fn noun(self) -> &'static str {
        match self {
            Folder::Stories => "story",
            Folder::Designs => "design",
        }
    }
}

/// Uniform access to the id of what the store keeps, and the title an id is
/// made from.
pub trait HasId {
    fn id(&self) -> &str;
    fn set_id(&mut self, id: String);
    fn title(&self) -> &str;
}

impl HasId for Story {
    fn id(&self) -> &str {
        &self.id
    }
    fn set_id(&mut self, id: String) {
        self.id = id;
    }
    fn title(&self) -> &str {
        &self.title
    }
}

impl HasId for Design {
    fn id(&self) -> &str {
        &self.id
    }
    fn set_id(&mut self, id: String) {
        self.id = id;
    }
    fn title(&self) -> &str {
        if self.title.trim().is_empty() {
            &self.prompt
        } else {
            &self.title
        }
    }
}

impl HasId for Metric {
    fn id(&self) -> &str {
        &self.id
    }
    fn set_id(&mut self, id: String) {
        self.id = id;
    }
    fn title(&self) -> &str {
        &self.name
    }
}

impl HasId for Opinion {
    fn id(&self) -> &str {
        &self.id
    }
    fn set_id(&mut self, id: String) {
        self.id = id;
    }
    fn title(&self) -> &str {
        &self.stance
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::MetricsFile;
    use crate::kit::format::parse_file;

    #[test]
    fn a_data_file_given_as_an_array_is_refused() {
        let err =
            parse_file::<MetricsFile>("[1, []]", Path::new("metrics.json"), false).unwrap_err();
        assert!(err.to_string().contains("this is a JSON array"), "{err}");
    }
}
