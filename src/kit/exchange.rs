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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kit::{Fields, StoryMetric, TextField};

    /// The keys of a JSON object, in the order they are written.
    fn keys_in_order(json: &str) -> Vec<String> {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let serde_json::Value::Object(map) = value else {
            panic!("not an object: {json}");
        };
        // Read the order from the text itself: the map does not keep it.
        let mut keys: Vec<(usize, String)> = map
            .keys()
            .map(|k| {
                let at = json.find(&format!("\n  \"{k}\":")).unwrap();
                (at, k.clone())
            })
            .collect();
        keys.sort();
        keys.into_iter().map(|(_, k)| k).collect()
    }

    /// Writes `item` with every field typed and checks its keys, less
    /// `extra`, are the keys of `F::all()` in order.
    fn written_in_field_order<T, F>(mut item: T, extra: &[&str])
    where
        T: Fields<Field = F> + Serialize,
        F: TextField,
    {
        for &field in F::all() {
            let text = match field.key() {
                "kind" => "mttr".to_string(),
                "interview_date" => "2026-12-10".to_string(),
                "metrics" => "MTTR: 42 min -> 11 min".to_string(),
                key => format!("{key} text"),
            };
            item.set(field, text).unwrap();
        }
        let json = format::to_pretty_json(&item);
        let keys: Vec<String> = keys_in_order(&json)
            .into_iter()
            .filter(|k| !extra.contains(&k.as_str()))
            .collect();
        let want: Vec<&str> = F::all().iter().map(|f| f.key()).collect();
        assert_eq!(keys, want, "{json}");
    }

    #[test]
    fn each_kind_is_written_in_the_order_of_its_fields() {
        let story = Story {
            id: "dns".into(),
            questions: vec!["critical-incident".into()],
            ..Story::default()
        };
        written_in_field_order(story, &["id", "questions"]);
        let design = Design {
            id: "ci-cd".into(),
            ..Design::default()
        };
        written_in_field_order(design, &["id"]);
        written_in_field_order(Metric::default(), &["id"]);
        written_in_field_order(Opinion::default(), &["id"]);
        written_in_field_order(Narrative::default(), &[]);
        written_in_field_order(Profile::default(), &[]);
        // The ids and the story's questions have their places around them.
        let json = to_exchange_json(&Kit {
            stories: vec![Story {
                id: "dns".into(),
                title: "DNS".into(),
                metrics: vec![StoryMetric::default()],
                questions: vec!["q".into()],
                notes: "n".into(),
                ..Story::default()
            }],
            ..Kit::default()
        });
        let order: Vec<usize> = [
            "\"id\"",
            "\"title\"",
            "\"metrics\": [\n",
            "\"questions\"",
            "\"notes\"",
        ]
        .iter()
        .map(|k| json.find(k).unwrap())
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{json}");
    }

    #[test]
    fn a_file_with_a_story_key_is_one_story_and_a_kit_file_is_a_kit() {
        let path = Path::new("in.json");
        for field in StoryField::ALL {
            let text = match field {
                StoryField::Metrics => continue,
                _ => format!("{{ \"{}\": \"x\" }}", field.key()),
            };
            let kit = parse_import(&text, path).unwrap();
            assert_eq!(kit.stories.len(), 1, "{text}");
        }
        let kit = parse_import(r#"{ "version": 1, "metrics": [] }"#, path).unwrap();
        assert!(kit.stories.is_empty());
        let err = parse_import(r#"{ "version": 1, "blast_radus": "x" }"#, path).unwrap_err();
        assert!(err.to_string().contains("blast_radus"), "{err}");
    }
}
