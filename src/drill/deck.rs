//! The Linux & systems deck: cards written by us, embedded in the binary,
//! plus the user's own cards (read from `cards.json` by the store).

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
    /// Where a number, default or flag in the answer can be checked, such as
    /// "tcp(7)" or "RFC 5681 §3.1" (may be empty).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
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

/// Reads the text of a deck file (the built-in one, or one shaped like `cards.json`).
pub fn parse(text: &str, path: &Path) -> Result<Vec<Card>, FormatError> {
    let file: DeckFile = format::parse_file(text, path, false)?;
    Ok(file.cards)
}

/// The built-in cards with the user's own (one with a built-in id replaces
/// it). The store reads the user's `cards.json` and hands its cards here.
pub fn with_user_cards(user: Vec<Card>) -> Vec<Card> {
    let mut deck = built_in();
    for card in user {
        match deck.iter_mut().find(|c| c.id == card.id) {
            Some(slot) => *slot = card,
            None => deck.push(card),
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

    /// The five topics issue 16 added, each with at least 15 cards.
    const NEW_TOPICS: [&str; 5] = [
        "slo",
        "networking",
        "linux-admin",
        "kubernetes",
        "observability",
    ];

    fn card<'a>(cards: &'a [Card], id: &str) -> &'a Card {
        cards
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("no card {id}"))
    }

    #[test]
    fn the_deck_is_big_enough_unique_and_complete() {
        let cards = built_in();
        assert!(cards.len() >= 300, "{} cards", cards.len());
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
        for topic in CORE_TOPICS.iter().chain(NEW_TOPICS.iter()) {
            assert!(
                per_topic.get(topic).copied().unwrap_or(0) >= 15,
                "{topic}: {per_topic:?}"
            );
        }
        assert!(per_topic.len() >= 15, "{per_topic:?}");
        let ids: BTreeSet<&str> = cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), cards.len(), "duplicate ids");
        let questions: BTreeSet<String> = cards.iter().map(|c| c.question.to_lowercase()).collect();
        assert_eq!(questions.len(), cards.len(), "duplicate questions");
    }

    #[test]
    fn every_new_card_has_a_follow_up_and_a_source() {
        let cards = built_in();
        for card in cards
            .iter()
            .filter(|c| NEW_TOPICS.contains(&c.topic.as_str()))
        {
            assert!(
                !card.follow_up.trim().is_empty(),
                "{}: no follow-up",
                card.id
            );
            assert!(!card.source.trim().is_empty(), "{}: no source", card.id);
        }
    }

    /// A number in an answer is a claim a reader may want to check.
    #[test]
    fn every_card_that_states_a_number_names_its_source() {
        let cards = built_in();
        let unsourced: Vec<&str> = cards
            .iter()
            .filter(|c| c.answer.chars().any(|ch| ch.is_ascii_digit()))
            .filter(|c| c.source.trim().is_empty())
            .map(|c| c.id.as_str())
            .collect();
        assert!(unsourced.is_empty(), "no source: {unsourced:?}");
    }

    #[test]
    fn the_extra_subjects_have_cards() {
        let cards = built_in();
        for needle in [
            "eBPF",
            "bpftrace -e",
            "/proc/pressure/",
            "memory.high",
            "memory.min",
            "recovery point objective",
            "recovery time objective",
        ] {
            assert!(
                cards.iter().any(|c| c.answer.contains(needle)),
                "no card explains {needle}"
            );
        }
    }

    /// Each correction asked for in issue 16, as the words its answer must
    /// hold; a corrected card also names where its numbers come from.
    #[test]
    fn the_corrected_cards_state_the_precise_facts() {
        let cards = built_in();
        let corrections: [(&str, &[&str]); 10] = [
            (
                "processes-nice",
                &["cpu.weight", "autogroup", "one scheduling group"],
            ),
            (
                "processes-pid1",
                &[
                    "SIGKILL",
                    "parent namespace",
                    "10 s",
                    "137",
                    "no graceful shutdown",
                ],
            ),
            (
                "tcp-nagle",
                &["delayed ACK", "40 ms", "TCP_DELACK_MIN", "200 ms"],
            ),
            (
                "dns-dig",
                &["getent ahosts", "getaddrinfo()", "gethostbyname2()"],
            ),
            ("http-tls-curl", &["cumulative", "difference of two"]),
            (
                "triage-vmstat",
                &["rate columns", "since boot", "instantaneous"],
            ),
            (
                "dns-udp-tcp",
                &[
                    "UDP is still the default",
                    "RFC 7766",
                    "mandatory",
                    "EDNS0",
                    "TC bit",
                ],
            ),
            ("processes-d-state", &["TASK_KILLABLE", "2.6.25", "SIGKILL"]),
            (
                "storage-nfs-hang",
                &["2.6.25", "SIGKILL", "intr", "ignored"],
            ),
            (
                "tcp-slow-start",
                &[
                    "retransmission timeout",
                    "one segment",
                    "10 segments",
                    "RFC 5681",
                ],
            ),
        ];
        for (id, facts) in corrections {
            let card = card(&cards, id);
            for fact in facts {
                assert!(
                    card.answer.contains(fact),
                    "{id} lacks {fact:?}: {}",
                    card.answer
                );
            }
            assert!(!card.source.is_empty(), "{id} names no source");
        }
        // What the old wording got wrong is gone.
        assert!(
            !card(&cards, "tcp-nagle")
                .answer
                .contains("tens of milliseconds")
        );
        assert!(
            !card(&cards, "dns-udp-tcp")
                .answer
                .contains("increasingly by default")
        );
        assert!(
            !card(&cards, "tcp-slow-start")
                .answer
                .contains("(and after a timeout) the congestion window begins small, 10 segments")
        );
    }

    /// "43.2" for 43.2, "13.44" for 13.44: the way the cards write numbers.
    fn figure(x: f64) -> String {
        let s = format!("{:.2}", (x * 100.0).round() / 100.0);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }

    /// The SLO cards' arithmetic, recomputed: a card cannot drift from it.
    #[test]
    fn the_slo_figures_are_recomputed() {
        let cards = built_in();
        let minutes = |days: f64| days * 24.0 * 60.0;
        let hours = |days: f64| days * 24.0;
        let checks: Vec<(&str, String)> = vec![
            (
                "slo-nines-30d",
                format!("{} minutes", figure(minutes(30.0) * 0.001)),
            ),
            (
                "slo-nines-30d",
                format!("{} minutes", figure(minutes(30.0) * 0.0001)),
            ),
            (
                "slo-nines-28d",
                format!("{} minutes", figure(minutes(28.0) * 0.001)),
            ),
            // 14.4x = 2% of a 30-day budget in 1 hour; 13.44x over 28 days.
            ("slo-burn-14x", figure(0.02 * hours(30.0) / 1.0)),
            ("slo-burn-14x", figure(0.02 * hours(28.0) / 1.0)),
            ("slo-burn-14x", format!("{}%", figure(14.4 * 0.1))),
            // 6x = 5% in 6 hours; 1x = 10% in 3 days.
            (
                "slo-burn-6x-1x",
                format!("= {}", figure(0.05 * hours(30.0) / 6.0)),
            ),
            ("slo-burn-6x-1x", format!("= {}", figure(0.10 * 30.0 / 3.0))),
            (
                "slo-burn-rate",
                format!("{} hours", figure(hours(30.0) / 14.4)),
            ),
            (
                "slo-partial-outage",
                format!("≈ {:.0}%", 0.05 * 120.0 / (minutes(30.0) * 0.001) * 100.0),
            ),
            ("slo-early-burn", figure(0.8 * 30.0 / 10.0)),
            ("slo-serial-deps", format!("≈ {:.3}", 0.999_f64.powi(3))),
        ];
        for (id, expected) in checks {
            let card = card(&cards, id);
            assert!(
                card.answer.contains(&expected),
                "{id} should state {expected}: {}",
                card.answer
            );
        }
    }

    #[test]
    fn a_users_card_may_name_its_source() {
        let text = r#"{ "version": 1, "cards": [ { "id": "mine-bgp", "topic": "networking",
            "question": "Which port does BGP use?", "answer": "TCP 179.",
            "follow_up": "Who starts the session?", "source": "RFC 4271 §8" } ] }"#;
        let cards = parse(text, Path::new("cards.json")).expect("a card with a source loads");
        assert_eq!(cards[0].source, "RFC 4271 §8");
        let without = r#"{ "version": 1, "cards": [ { "id": "mine-arp", "topic": "networking",
            "question": "What does ARP do?", "answer": "Maps IPv4 to MAC." } ] }"#;
        let cards = parse(without, Path::new("cards.json")).expect("source is optional");
        assert_eq!(cards[0].source, "");
    }
}
