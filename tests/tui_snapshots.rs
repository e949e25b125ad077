//! Every screen, drawn on ratatui's TestBackend and kept as a reviewed
//! snapshot: at 80x24 and larger, empty and with data, too small.

mod common;

use common::{key, open, press, screen, with_examples};
use crossterm::event::KeyCode;

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(r"/tmp/\.tmp[A-Za-z0-9]+", "[DATA]");
    s.add_filter(r"/tmp/tmp[A-Za-z0-9.]+", "[DATA]");
    s
}

#[test]
fn home_first_run() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    settings().bind(|| {
        insta::assert_snapshot!("home_first_run_80x24", screen(&mut app, 80, 24));
        insta::assert_snapshot!("home_first_run_120x40", screen(&mut app, 120, 40));
    });
}

#[test]
fn home_with_data_and_an_interview_date() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    std::fs::write(
        tmp.path().join("profile.json"),
        r#"{ "version": 1, "profile": { "interview_date": "2026-12-10", "company": "Acme", "target_role": "SRE" } }"#,
    )
    .unwrap();
    let mut app = open(tmp.path());
    settings().bind(|| {
        insta::assert_snapshot!("home_with_data_80x24", screen(&mut app, 80, 24));
        insta::assert_snapshot!("home_with_data_100x30", screen(&mut app, 100, 30));
    });
}

#[test]
fn stories_list_and_detail() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1");
    settings().bind(|| {
        insta::assert_snapshot!("stories_80x24", screen(&mut app, 80, 24));
        insta::assert_snapshot!("stories_120x40", screen(&mut app, 120, 40));
        // The weak example, its detail scrolled to the advice and warnings.
        press(&mut app, "G");
        key(&mut app, KeyCode::Enter);
        press(&mut app, "jjjjjjjjjjjj");
        insta::assert_snapshot!("stories_weak_detail_120x40", screen(&mut app, 120, 40));
    });
}

#[test]
fn editor_new_and_existing() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1n");
    common::type_text(&mut app, "DNS outage");
    key(&mut app, KeyCode::Tab);
    common::type_text(
        &mut app,
        "For 40 minutes 12% of lookups failed for EU customers.",
    );
    settings().bind(|| {
        insta::assert_snapshot!("editor_new_100x30", screen(&mut app, 100, 30));
        insta::assert_snapshot!("editor_new_80x24", screen(&mut app, 80, 24));
    });
}

#[test]
fn help_spoken_and_too_small() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1?");
    settings().bind(|| {
        insta::assert_snapshot!("help_stories_100x30", screen(&mut app, 100, 30));
        key(&mut app, KeyCode::Esc);
        press(&mut app, "s");
        insta::assert_snapshot!("spoken_100x30", screen(&mut app, 100, 30));
        insta::assert_snapshot!("too_small_50x12", screen(&mut app, 50, 12));
    });
}

#[test]
fn a_step_not_built_yet_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "3");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("3 Reliability metrics"), "{text}");
    assert!(text.contains("not built yet"), "{text}");
}
