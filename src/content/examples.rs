//! The example stories in `stories/`, embedded in the binary so an installed
//! sre-prep can show what a strong story looks like (and a weak one). They
//! are a read-only set of their own, never part of the user's kit: shown
//! marked as examples, never counted toward readiness, coverage or the cheat
//! sheet, and copied into the kit only when the user asks for one, as a
//! normal story of theirs.

use std::path::Path;

use crate::kit::Story;
use crate::kit::exchange::parse_import;

/// `(file name, JSON text)` of every example story.
pub const EXAMPLE_FILES: [(&str, &str); 4] = [
    (
        "alerting-redesign.json",
        include_str!("../../stories/alerting-redesign.json"),
    ),
    (
        "checkout-db-pool.json",
        include_str!("../../stories/checkout-db-pool.json"),
    ),
    (
        "bad-config-deploy.json",
        include_str!("../../stories/bad-config-deploy.json"),
    ),
    (
        "weak-example.json",
        include_str!("../../stories/weak-example.json"),
    ),
];

/// The id of the example that shows what not to do.
pub const WEAK_EXAMPLE_ID: &str = "weak-example";

/// The example stories, parsed. They are checked by the test suite, so a
/// parse failure here is a build defect, reported as such.
pub fn example_stories() -> Vec<Story> {
    EXAMPLE_FILES
        .iter()
        .flat_map(|(name, text)| {
            parse_import(text, Path::new(name))
                .unwrap_or_else(|e| panic!("built-in example {name} is broken: {e}"))
                .stories
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_parses_into_one_story_with_its_file_name_as_id() {
        let stories = example_stories();
        assert_eq!(stories.len(), EXAMPLE_FILES.len());
        for ((name, _), story) in EXAMPLE_FILES.iter().zip(&stories) {
            assert_eq!(format!("{}.json", story.id), *name);
            assert!(!story.title.is_empty());
        }
        assert!(stories.iter().any(|s| s.id == WEAK_EXAMPLE_ID));
    }
}
