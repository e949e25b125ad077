//! Keys as the user meets them: help where text is typed or a list is
//! picked from, and text that names a key naming the one that works there.

mod common;

use std::fs;

use common::{key, open, press, screen, type_text};
use crossterm::event::KeyCode;
use sre_prep::tui::app::ScreenId;

fn with_a_metric(dir: &std::path::Path) {
    fs::write(
        dir.join("metrics.json"),
        r#"{ "version": 1, "metrics": [ { "id": "mttd", "name": "MTTD", "kind": "mttd", "before": "8 min", "after": "90 s" } ] }"#,
    )
    .unwrap();
}

#[test]
fn f1_shows_the_quiz_keys_and_closing_it_keeps_the_typed_answer() {
    let tmp = tempfile::tempdir().unwrap();
    with_a_metric(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "3r");
    assert_eq!(app.screen(), ScreenId::Quiz);
    type_text(&mut app, "90 s");
    key(&mut app, KeyCode::F(1));
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Keys"), "{text}");
    assert!(text.contains("check the answer, then go on"), "{text}");
    assert!(text.contains("Home/End move the cursor"), "{text}");
    key(&mut app, KeyCode::Esc);
    let text = screen(&mut app, 80, 24);
    assert!(!text.contains("check the answer, then go on"), "{text}");
    assert!(text.contains("90 s"), "{text}");
    assert!(text.contains("F1 help"), "{text}");
}

#[test]
fn f1_shows_the_filter_keys_and_a_question_mark_is_typed_into_the_filter() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "1/?");
    assert_eq!(app.list().filter(), "?");
    key(&mut app, KeyCode::F(1));
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Keys"), "{text}");
    assert!(text.contains("F1"), "{text}");
    // The help is as tall as its wrapped lines: the last is not cut off.
    assert!(text.contains("paste works."), "{text}");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.list().filter(), "?", "closing help keeps the filter");
    assert!(screen(&mut app, 80, 24).contains("F1 help"));
}

#[test]
fn question_mark_shows_the_picker_keys_over_the_picker() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "5t");
    assert!(app.picker().is_some());
    assert!(screen(&mut app, 100, 30).contains("? help"));
    press(&mut app, "?");
    let text = screen(&mut app, 100, 30);
    assert!(text.contains("Keys"), "{text}");
    assert!(text.contains("Enter/l  open"), "{text}");
    key(&mut app, KeyCode::Esc);
    assert!(
        app.picker().is_some(),
        "closing help leaves the picker open"
    );
    assert!(screen(&mut app, 100, 30).contains("Take a side"));
}

#[test]
fn too_small_names_the_key_that_quits_on_the_screen_underneath() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    let text = screen(&mut app, 50, 10);
    assert!(text.contains("press q to quit"), "{text}");
    // In the editor q is typed into the text: Ctrl-c quits there.
    press(&mut app, "n");
    assert_eq!(app.screen(), ScreenId::Editor);
    let text = screen(&mut app, 50, 10);
    assert!(text.contains("press Ctrl-c to quit"), "{text}");
    assert!(!text.contains("press q"), "{text}");
}
