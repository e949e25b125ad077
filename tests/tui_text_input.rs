//! The one-line inputs as drawn: the stories filter, the metrics quiz's
//! answer and the troubleshooting prompt each show a cursor that moves, and
//! text typed or pasted in the middle lands there.

mod common;

use std::fs;

use common::{key, open, press, screen, type_text, with_examples};
use crossterm::event::{Event, KeyCode};
use sre_prep::tui::app::ScreenId;

fn left(app: &mut sre_prep::tui::app::App, times: usize) {
    for _ in 0..times {
        key(app, KeyCode::Left);
    }
}

#[test]
fn the_filter_is_edited_in_the_middle_and_shows_its_cursor() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1/");
    type_text(&mut app, "chckout");
    assert!(screen(&mut app, 80, 24).contains("/chckout▏ · 0 shown"));
    left(&mut app, 5);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("/ch▏ckout · 0 shown"), "{text}");
    type_text(&mut app, "e");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("/che▏ckout · 1 shown"), "{text}");
    assert!(text.contains("Checkout database connection pool"), "{text}");
    key(&mut app, KeyCode::Home);
    assert!(screen(&mut app, 80, 24).contains("/▏checkout · 1 shown"));
    // Delete takes the character after the cursor; a paste goes in there.
    key(&mut app, KeyCode::Delete);
    app.handle_event(&Event::Paste("C".into()));
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("/C▏heckout · 1 shown"), "{text}");
    // Enter keeps the filter; the cursor is gone; / goes on from its end.
    key(&mut app, KeyCode::Enter);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("/Checkout · 1 shown"), "{text}");
    press(&mut app, "/");
    key(&mut app, KeyCode::Backspace);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("/Checkou▏ · 1 shown"), "{text}");
}

#[test]
fn the_quiz_answer_is_edited_in_the_middle_and_shows_its_cursor() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("metrics.json"),
        r#"{ "version": 1, "metrics": [ { "id": "mttd", "name": "MTTD", "kind": "mttd", "before": "8 min", "after": "90 s" } ] }"#,
    )
    .unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "3r");
    assert_eq!(app.screen(), ScreenId::Quiz);
    type_text(&mut app, "9 s");
    assert!(screen(&mut app, 80, 24).contains("> 9 s▏"));
    left(&mut app, 2);
    assert!(screen(&mut app, 80, 24).contains("> 9▏ s"));
    type_text(&mut app, "0");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("> 90▏ s"), "{text}");
    key(&mut app, KeyCode::End);
    app.handle_event(&Event::Paste("ec".into()));
    assert!(screen(&mut app, 80, 24).contains("> 90 sec▏"));
    key(&mut app, KeyCode::Enter);
    // The answer checked is the text as edited; no cursor once answered.
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("> 90 sec"), "{text}");
    assert!(!text.contains('▏'), "{text}");
    let quiz = app.quiz().unwrap();
    assert_eq!(quiz.answers[0].typed, "90 sec");
}

#[test]
fn the_troubleshooting_line_is_edited_in_the_middle_and_shows_its_cursor() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "4t");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Troubleshoot);
    type_text(&mut app, "uptme");
    // Left and Right scroll the output here; Home and End move the cursor.
    key(&mut app, KeyCode::Home);
    assert!(screen(&mut app, 80, 24).contains("> ▏uptme"));
    key(&mut app, KeyCode::End);
    // Ctrl-b moves back a character, as in a shell.
    for _ in 0..2 {
        common::ctrl(&mut app, 'b');
    }
    assert!(screen(&mut app, 80, 24).contains("> upt▏me"));
    type_text(&mut app, "i");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("> upti▏me"), "{text}");
    key(&mut app, KeyCode::Enter);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("$ uptime"), "{text}");
    assert!(text.contains("load average"), "{text}");
    assert!(text.contains("> ▏"), "the line is empty again: {text}");
}
