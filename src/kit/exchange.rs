//! The exchange format: one JSON object holding a whole kit, as written by
//! `export --format json` and read by `import` (which also takes a file
//! holding a single story object).

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::format::{self, FORMAT_VERSION, FormatError};
use super::{Design, Kit, Metric, Narrative, Opinion, Profile, Story, StoryField};

#[derive(Serialize)]
struct ExchangeOut<'a> {
    version: u32,
    profile: &'a Profile,
    stories: &'a [Story],
    designs: &'a [Design],
    metrics: &'a [Metric],
    opinions: &'a [Opinion],
    narrative: &'a Narrative,
}

#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
#[derive(Default)]
struct ExchangeIn {
    #[allow(dead_code)] // checked before the strict parse, see `format::parse_file`
    version: u32,
    profile: Profile,
    stories: Vec<Story>,
    designs: Vec<Design>,
    metrics: Vec<Metric>,
    opinions: Vec<Opinion>,
    narrative: Narrative,
}

/// A key only a story object has: a file with any of them is one story.
/// Every story field but `metrics`, which a kit file also has.
fn story_only_key(key: &str) -> bool {
    match key.parse::<StoryField>() {
        Ok(field) => field != StoryField::Metrics,
        Err(_) => matches!(key, "id" | "questions"),
    }
}

/// The kit in the exchange format: pretty JSON, stable key order, trailing newline.
pub fn to_exchange_json(kit: &Kit) -> String {
    format::to_pretty_json(&ExchangeOut {
        version: FORMAT_VERSION,
        profile: &kit.profile,
        stories: &kit.stories,
        designs: &kit.designs,
        metrics: &kit.metrics,
        opinions: &kit.opinions,
        narrative: &kit.narrative,
    })
}

/// Reads a kit file or a single-story file. `path` is only used in messages.
pub fn parse_import(text: &str, path: &Path) -> Result<Kit, FormatError> {
    let keys = format::top_level_keys(text, path)?;
    if keys.iter().any(|k| story_only_key(k)) {
        let story: Story = format::parse_file(text, path, false)?;
        return Ok(Kit {
            stories: vec![story],
            ..Kit::default()
        });
    }
    let parsed: ExchangeIn = format::parse_file(text, path, true)?;
    Ok(Kit {
        profile: parsed.profile,
        stories: parsed.stories,
        designs: parsed.designs,
        metrics: parsed.metrics,
        opinions: parsed.opinions,
        narrative: parsed.narrative,
    })
}
