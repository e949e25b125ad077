//! The built-in deck as a user meets it: `sre-prep deck --json` lists every
//! card with its source, and every card's answer, follow-up and source fit
//! the review card in an 80x24 terminal with the rating buttons visible.

mod common;

use std::collections::BTreeMap;
use std::process::{Command, Stdio};

use common::{key, open, press, screen};
use crossterm::event::KeyCode;
use sre_prep::tui::app::ScreenId;

const BIN: &str = env!("CARGO_BIN_EXE_sre-prep");

#[test]
fn deck_json_lists_300_cards_with_the_new_topics_and_their_sources() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["deck", "--json", "--data-dir"])
        .arg(tmp.path())
        .env_remove("SRE_PREP_DATA_DIR")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cards: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).expect("deck --json prints a JSON array");
    assert!(cards.len() >= 300, "{} cards", cards.len());
    let mut per_topic: BTreeMap<String, usize> = BTreeMap::new();
    for card in &cards {
        for field in ["id", "topic", "question", "answer", "source"] {
            assert!(card[field].is_string(), "{card}: no {field}");
        }
        *per_topic
            .entry(card["topic"].as_str().unwrap_or_default().to_string())
            .or_default() += 1;
    }
    for topic in [
        "tcp",
        "processes",
        "fds",
        "dns",
        "memory",
        "cpu",
        "slo",
        "networking",
        "linux-admin",
        "kubernetes",
        "observability",
    ] {
        assert!(
            per_topic.get(topic).copied().unwrap_or(0) >= 15,
            "{topic}: {per_topic:?}"
        );
    }
    let burn = cards
        .iter()
        .find(|c| c["id"] == "slo-burn-14x")
        .expect("the 14.4x card is listed");
    assert!(
        burn["answer"]
            .as_str()
            .unwrap_or_default()
            .contains("13.44x")
    );
    assert!(
        burn["source"]
            .as_str()
            .unwrap_or_default()
            .contains("SRE workbook")
    );
}

/// Reviews every card of every topic (cram, Space, Easy) at 80x24 and reads
/// the screen: the question, the follow-up, the source and the four rating
/// buttons are all on it, so no answer is too long for a small terminal.
#[test]
fn every_card_fits_the_review_screen_at_80x24() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "4");
    assert_eq!(app.screen(), ScreenId::Deck);
    let topics = app.deck_topics();
    let mut seen = 0;
    for (i, topic) in topics.iter().enumerate() {
        // The selection stays where it was after a session ends; go to the top.
        for _ in 0..topics.len() {
            press(&mut app, "k");
        }
        for _ in 0..i {
            press(&mut app, "j");
        }
        press(&mut app, "c");
        assert_eq!(app.screen(), ScreenId::Review, "cramming {topic}");
        let mut guard = 0;
        while let Some(&index) = app.review().and_then(|r| r.queue.front()) {
            guard += 1;
            assert!(guard <= 100, "the {topic} session never ends");
            let card = app.deck()[index].clone();
            assert_eq!(card.topic, *topic);
            press(&mut app, " ");
            let text = screen(&mut app, 80, 24);
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let start: String = card
                .question
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                flat.contains(&start),
                "{}: question missing\n{text}",
                card.id
            );
            if !card.follow_up.is_empty() {
                assert!(
                    flat.contains("Next they ask:"),
                    "{}: follow-up missing\n{text}",
                    card.id
                );
            }
            if !card.source.is_empty() {
                assert!(
                    flat.contains("Source:"),
                    "{}: source missing\n{text}",
                    card.id
                );
            }
            assert!(
                flat.contains("4 Easy"),
                "{}: the rating buttons are cut off at 80x24\n{text}",
                card.id
            );
            press(&mut app, "4");
            seen += 1;
        }
        if app.screen() == ScreenId::Review {
            key(&mut app, KeyCode::Esc);
        }
        assert_eq!(app.screen(), ScreenId::Deck, "after cramming {topic}");
    }
    assert_eq!(seen, app.deck().len(), "every card was reviewed once");
}
