//! The Linux & systems deck: cards written by us, embedded in the binary,
//! plus the user's own cards from `cards.json` in the data directory.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::kit::format::{self, FormatError};

/// One card. The id is stable: editing the wording keeps its review history.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Card {
    pub id: String,
    pub topic: String,
    pub question: String,
    pub answer: String,
    /// What an interviewer would ask next (may be empty).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub follow_up: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct DeckFile {
    #[allow(dead_code)] // checked by `format::parse_file`
    version: u32,
    cards: Vec<Card>,
}

/// The six core topics every SRE interview reaches, then the others.
pub const CORE_TOPICS: [&str; 6] = ["tcp", "processes", "fds", "dns", "memory", "cpu"];

const BUILT_IN: &str = include_str!("../content/deck.json");

/// The built-in cards. The deck is checked by the test suite, so a broken
/// deck is a build defect.
pub fn built_in() -> Vec<Card> {
    parse(BUILT_IN, Path::new("src/content/deck.json"))
        .unwrap_or_else(|e| panic!("the built-in deck is broken: {e}"))
}

/// Reads a deck file (the built-in one, or the user's `cards.json`).
pub fn parse(text: &str, path: &Path) -> Result<Vec<Card>, FormatError> {
    let file: DeckFile = format::parse_file(text, path, false)?;
    Ok(file.cards)
}

/// The built-in cards with the user's own from `cards.json` in `dir` (one
/// with a built-in id replaces it). A file that cannot be read is reported
/// in `problems` and left alone; the built-in deck still loads.
pub fn with_user_cards(dir: &Path, problems: &mut Vec<crate::store::LoadProblem>) -> Vec<Card> {
    let mut deck = built_in();
    // Read as every data file is: a FIFO or a device there is refused, not waited on.
    let path = dir.join("cards.json");
    if let Some(file) = crate::store::load_file::<DeckFile>(&path, problems) {
        for card in file.cards {
            match deck.iter_mut().find(|c| c.id == card.id) {
                Some(slot) => *slot = card,
                None => deck.push(card),
            }
        }
    }
    deck
}

/// Topics in deck order: the core six first.
pub fn topics(cards: &[Card]) -> Vec<String> {
    let mut topics: Vec<String> = CORE_TOPICS.iter().map(|t| t.to_string()).collect();
    for card in cards {
        if !topics.contains(&card.topic) {
            topics.push(card.topic.clone());
        }
    }
    topics.retain(|t| cards.iter().any(|c| &c.topic == t));
    topics
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn the_deck_is_big_enough_unique_and_complete() {
        let cards = built_in();
        assert!(cards.len() >= 150, "{} cards", cards.len());
        let mut per_topic: BTreeMap<&str, usize> = BTreeMap::new();
        for card in &cards {
            *per_topic.entry(card.topic.as_str()).or_default() += 1;
            assert!(
                !card.question.trim().is_empty() && !card.answer.trim().is_empty(),
                "{}",
                card.id
            );
            assert!(
                card.id.starts_with(&format!("{}-", card.topic)),
                "{}",
                card.id
            );
        }
        for topic in CORE_TOPICS {
            assert!(
                per_topic.get(topic).copied().unwrap_or(0) >= 15,
                "{topic}: {per_topic:?}"
            );
        }
        assert!(per_topic.len() >= 10, "{per_topic:?}");
        let ids: BTreeSet<&str> = cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), cards.len(), "duplicate ids");
        let questions: BTreeSet<String> = cards.iter().map(|c| c.question.to_lowercase()).collect();
        assert_eq!(questions.len(), cards.len(), "duplicate questions");
    }
}
