//! A story rehearsal driven through `App::update`: question, typed answer,
//! comparison with the saved story, follow-ups, rating — and what is kept.

mod common;

use common::{ctrl, key, open, press, screen, type_text, with_examples};
use crossterm::event::KeyCode;
use sre_prep::tui::app::{RehearsalStep, ScreenId};

#[test]
fn a_rehearsal_is_scored_compared_followed_up_rated_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1og"); // by title, then the top: bad-config-deploy
    assert_eq!(app.selected_story().unwrap().id, "bad-config-deploy");
    press(&mut app, "r");
    assert!(app.picker().is_some(), "choose the question");
    key(&mut app, KeyCode::Enter); // the story's own first question: outage-you-caused
    assert_eq!(app.screen(), ScreenId::Rehearse);
    assert_eq!(app.rehearsal().unwrap().question, "outage-you-caused");
    let text = screen(&mut app, 100, 30);
    assert!(
        text.contains("Tell me about an outage you caused."),
        "{text}"
    );
    assert!(
        !text.contains("session-signing key"),
        "the story stays hidden while typing"
    );

    // A thin answer from memory: no numbers, no decision.
    type_text(
        &mut app,
        "I pushed a config change that logged users out. I rolled it back and I added a canary for config.",
    );
    ctrl(&mut app, 's');
    let r = app.rehearsal().unwrap();
    assert_eq!(r.step, RehearsalStep::Result);
    let forgotten: Vec<_> = r.forgotten().into_iter().map(|(d, _, _)| d.key()).collect();
    assert!(
        forgotten.contains(&"numbers") && forgotten.contains(&"decision"),
        "{forgotten:?}"
    );
    assert!(screen(&mut app, 100, 30).contains("forgotten"));

    key(&mut app, KeyCode::Enter);
    let n = app.rehearsal().unwrap().follow_ups.len();
    assert!((2..=3).contains(&n));
    for i in 0..n {
        assert_eq!(app.rehearsal().unwrap().step, RehearsalStep::FollowUp(i));
        type_text(&mut app, "An answer in a line or two.");
        ctrl(&mut app, 's');
    }
    assert_eq!(app.rehearsal().unwrap().step, RehearsalStep::Rate);
    press(&mut app, "3");
    assert_eq!(app.screen(), ScreenId::Stories);

    let text = std::fs::read_to_string(tmp.path().join("reviews.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rehearsal = &json["reviews"]["rehearsals"][0];
    assert_eq!(rehearsal["story"], "bad-config-deploy");
    assert_eq!(rehearsal["question"], "outage-you-caused");
    assert_eq!(rehearsal["date"], "2026-11-28");
    assert!(
        rehearsal["answer"]
            .as_str()
            .unwrap()
            .contains("rolled it back")
    );
    assert!(rehearsal["score"].as_u64().unwrap() < 60);
    assert_eq!(rehearsal["follow_ups"].as_array().unwrap().len(), n);
    assert_eq!(
        json["reviews"]["stories"]["bad-config-deploy"]["due"],
        "2026-11-30"
    );
    // The detail now shows the history.
    assert!(screen(&mut app, 120, 40).contains("Rehearsals"));
}

#[test]
fn r_from_home_picks_a_question_and_a_story() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "R");
    assert_eq!(app.screen(), ScreenId::Rehearse);
    let r = app.rehearsal().unwrap();
    // No story answers the core "outage you prevented" question yet.
    assert_eq!(r.question, "outage-prevented");
    assert!(r.picked.as_ref().unwrap().contains("no story answers"));
    key(&mut app, KeyCode::Esc);
    press(&mut app, "y");
    assert_eq!(app.screen(), ScreenId::Stories);
    assert!(
        !tmp.path().join("reviews.json").exists(),
        "an abandoned rehearsal keeps nothing"
    );
}

#[test]
fn the_question_picker_offers_the_whole_bank_and_its_probes() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1og");
    press(&mut app, "r");
    let rows = app.picker().map(|p| p.rows()).unwrap_or_default();
    assert_eq!(rows.len(), sre_prep::content::questions::QUESTIONS.len());
    assert!(rows.len() >= 40);
    // The story's own questions first, then the bank, new questions included.
    assert!(
        rows[0].contains("Tell me about an outage you caused."),
        "{rows:?}"
    );
    let last = rows.len() - 1;
    assert!(
        rows.iter()
            .any(|r| r.contains("a postmortem whose action items never happened")),
        "{rows:?}"
    );
    // Rehearse against a new question: it is asked, and its probe follows up.
    for _ in 0..last {
        press(&mut app, "j");
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.rehearsal().unwrap().question, "simplified");
    let text = screen(&mut app, 100, 30);
    assert!(
        text.contains("Tell me about something you removed or simplified."),
        "{text}"
    );
    type_text(
        &mut app,
        "I removed our second load balancer tier after I traced every client to the first one.",
    );
    ctrl(&mut app, 's');
    let follow_ups = &app.rehearsal().unwrap().follow_ups;
    assert!(
        follow_ups
            .iter()
            .any(|f| f.question == "What did you have to find out before you could remove it?"),
        "{follow_ups:?}"
    );
}
