//! Step 4 through `App::update`: reviewing cards writes their FSRS state to
//! `reviews.json`, an Again card comes back within the session, state
//! survives a restart, cram works when nothing is due.

mod common;

use std::fs;

use common::{key, open, press};
use crossterm::event::KeyCode;
use sre_prep::drill::reviews::Reviews;
use sre_prep::tui::app::ScreenId;

fn reviews_on_disk(dir: &std::path::Path) -> Reviews {
    #[derive(serde::Deserialize)]
    struct File {
        reviews: Reviews,
    }
    let text = fs::read_to_string(dir.join("reviews.json")).unwrap();
    serde_json::from_str::<File>(&text).unwrap().reviews
}

#[test]
fn reviewing_writes_due_dates_and_again_comes_back() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "4r");
    assert_eq!(app.screen(), ScreenId::Review);
    let first = *app.review().unwrap().queue.front().unwrap();
    press(&mut app, "3"); // not revealed yet: ignored
    assert_eq!(app.review().unwrap().answered, 0);
    press(&mut app, " 1"); // Again
    press(&mut app, " 3"); // Good
    press(&mut app, " 4"); // Easy
    let session = app.review().unwrap();
    assert_eq!(session.answered, 3);
    assert!(
        session.queue.contains(&first),
        "the Again card is still in this session"
    );

    let reviews = reviews_on_disk(tmp.path());
    assert_eq!(reviews.cards.len(), 3);
    let days: Vec<u32> = reviews
        .cards
        .values()
        .map(|c| c.log[0].interval_days)
        .collect();
    assert!(
        days.contains(&0) && days.contains(&2) && days.contains(&8),
        "{days:?}"
    );
    for state in reviews.cards.values() {
        assert!(state.due.is_some());
    }
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Deck);

    // After a restart: three cards are no longer new; the Again one is learning.
    drop(app);
    let app = open(tmp.path());
    let counts =
        sre_prep::drill::srs::due_counts(app.deck().iter(), &app.reviews().cards, common::today());
    assert_eq!(counts.new, app.deck().len() - 3);
    assert_eq!(counts.learning, 1);
    assert_eq!(app.new_cards_left(), 17);
}

#[test]
fn the_daily_limit_of_new_cards_can_be_changed_and_cram_ignores_it() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "4---");
    assert_eq!(reviews_on_disk(tmp.path()).settings.new_cards_per_day, 5);
    press(&mut app, "r");
    assert_eq!(app.review().unwrap().queue.len(), 5);
    key(&mut app, KeyCode::Esc);
    press(&mut app, "jjj"); // dns
    press(&mut app, "c");
    let session = app.review().unwrap();
    assert_eq!(session.cram.as_deref(), Some("dns"));
    assert_eq!(session.queue.len(), 16);
    assert!(session.queue.iter().all(|&i| app.deck()[i].topic == "dns"));
    key(&mut app, KeyCode::Esc);
    press(&mut app, "w");
    let session = app.review().unwrap();
    assert_eq!(session.queue.len(), 20);
    assert_eq!(session.cram.as_deref(), Some("the weakest cards"));
}

#[test]
fn users_own_cards_join_the_deck_and_a_broken_file_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("cards.json"),
        r#"{ "version": 1, "cards": [ { "id": "mine-bgp", "topic": "networking", "question": "What is BGP?", "answer": "The routing protocol between autonomous systems." } ] }"#,
    )
    .unwrap();
    let app = open(tmp.path());
    assert!(app.deck().iter().any(|c| c.id == "mine-bgp"));
    assert!(app.deck_topics().contains(&"networking".to_string()));

    fs::write(
        tmp.path().join("cards.json"),
        "{ \"cards\": [ { \"id\": 1 } ] }",
    )
    .unwrap();
    let app = open(tmp.path());
    assert!(
        app.problems()
            .iter()
            .any(|p| p.message.contains("cards.json"))
    );
    assert_eq!(app.deck().len(), sre_prep::drill::deck::built_in().len());
}
