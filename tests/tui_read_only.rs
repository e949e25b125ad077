//! A second window on a data directory another sre-prep holds is
//! read-only: it says so when an edit starts, asks before Ctrl-c or Esc
//! throws typed text away, and writes nothing at all — no story, no draft,
//! no drill history, no cheat sheet.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::{ctrl, key, open, press, screen, type_text, with_examples};
use crossterm::event::KeyCode;
use sre_prep::tui::app::ScreenId;

/// Every file under `dir`: its bytes and when it was last written.
fn tree(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut files = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(at) = todo.pop() {
        for entry in fs::read_dir(&at).unwrap() {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                todo.push(entry.path());
                files.insert(entry.path(), (Vec::new(), meta.modified().unwrap()));
            } else {
                files.insert(
                    entry.path(),
                    (fs::read(entry.path()).unwrap(), meta.modified().unwrap()),
                );
            }
        }
    }
    files
}

/// The text inside boxes, borders out and whitespace collapsed.
fn prose(text: &str) -> String {
    text.replace(['│', '┌', '┐', '└', '┘', '─'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn an_edit_started_read_only_is_told_at_once_it_cannot_be_saved() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let _first = sre_prep::store::Store::open(tmp.path()).unwrap();
    // A new story, an existing one, a design, the narrative, the interview date.
    for keys in ["n", "1e", "2n\n", "p", "i"] {
        let mut app = open(tmp.path());
        for c in keys.chars() {
            match c {
                '\n' => key(&mut app, KeyCode::Enter),
                c => press(&mut app, &c.to_string()),
            }
        }
        assert!(
            matches!(app.screen(), ScreenId::Editor | ScreenId::Form),
            "{keys}: {:?}",
            app.screen()
        );
        let text = prose(&screen(&mut app, 80, 24));
        assert!(
            text.contains("this edit cannot be saved here"),
            "{keys}: {text}"
        );
        // Still said while typing.
        type_text(&mut app, "some words");
        let text = prose(&screen(&mut app, 80, 24));
        assert!(
            text.contains("this edit cannot be saved here"),
            "{keys}: {text}"
        );
    }
}

#[test]
fn ctrl_c_and_esc_in_a_read_only_editor_ask_before_losing_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let _first = sre_prep::store::Store::open(tmp.path()).unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "n");
    type_text(&mut app, "Words I typed here");
    ctrl(&mut app, 'c');
    assert!(
        !app.quitting(),
        "Ctrl-c asks first: the text cannot be kept as a draft"
    );
    let text = prose(&screen(&mut app, 80, 24));
    assert!(text.contains("Quit and lose your unsaved text?"), "{text}");
    assert!(text.contains("read-only"), "{text}");
    press(&mut app, "n");
    assert!(!app.quitting());
    assert_eq!(app.screen(), ScreenId::Editor);
    assert_eq!(
        app.editor().unwrap().typed_story().unwrap().title,
        "Words I typed here"
    );
    // Esc asks too, and says why the changes cannot be saved.
    key(&mut app, KeyCode::Esc);
    let text = prose(&screen(&mut app, 80, 24));
    assert!(text.contains("cannot be saved here"), "{text}");
    press(&mut app, "n");
    assert_eq!(app.screen(), ScreenId::Editor);
    // Ctrl-c twice is yes.
    ctrl(&mut app, 'c');
    ctrl(&mut app, 'c');
    assert!(app.quitting());
    assert!(!tmp.path().join("draft.json").exists());

    // With nothing typed, Ctrl-c quits at once.
    let mut app = open(tmp.path());
    press(&mut app, "1");
    ctrl(&mut app, 'c');
    assert!(app.quitting());
}

#[test]
fn a_read_only_app_writes_nothing_at_all() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    fs::write(
        tmp.path().join("metrics.json"),
        r#"{ "version": 1, "metrics": [ { "id": "mttd", "name": "MTTD", "kind": "mttd", "before": "8 min", "after": "90 s" } ] }"#,
    )
    .unwrap();
    let _first = sre_prep::store::Store::open(tmp.path()).unwrap();
    let before = tree(tmp.path());
    let mut app = open(tmp.path());
    // The cheat sheet, from the checklist.
    press(&mut app, "cM");
    let text = prose(&screen(&mut app, 80, 24));
    assert!(text.contains("cheat-sheet.md was not written"), "{text}");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    // A story written and saved, one edited, one deleted, the examples.
    press(&mut app, "1n");
    type_text(&mut app, "A new story");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Esc);
    press(&mut app, "y");
    press(&mut app, "e");
    type_text(&mut app, " edited");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Esc);
    press(&mut app, "y");
    press(&mut app, "dy");
    press(&mut app, "x");
    // $EDITOR is refused before any temp file is made.
    press(&mut app, "E");
    assert!(app.pending.is_none());
    // A rehearsal to the end.
    press(&mut app, "r");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "I was incident commander and I rolled back.");
    ctrl(&mut app, 's');
    for _ in 0..5 {
        key(&mut app, KeyCode::Enter);
        ctrl(&mut app, 's');
    }
    press(&mut app, "3");
    key(&mut app, KeyCode::Esc);
    press(&mut app, "y");
    key(&mut app, KeyCode::Esc);
    // Cards reviewed, the daily limit changed.
    press(&mut app, "4+r 3");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    // A quiz round.
    press(&mut app, "3r");
    type_text(&mut app, "90 s");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Enter);
    // A metric deleted, an opinion from a debate, the narrative, the date.
    press(&mut app, "dy");
    key(&mut app, KeyCode::Esc);
    press(&mut app, "5t");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "a reason");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Esc);
    press(&mut app, "y");
    key(&mut app, KeyCode::Esc);
    press(&mut app, "p");
    type_text(&mut app, "I built it.");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Esc);
    press(&mut app, "y");
    press(&mut app, "i");
    type_text(&mut app, "2026-12-10");
    ctrl(&mut app, 's');
    // And Ctrl-c over typed text, answered yes.
    ctrl(&mut app, 'c');
    press(&mut app, "y");
    assert!(app.quitting());
    drop(app);
    let after = tree(tmp.path());
    assert!(!tmp.path().join("cheat-sheet.md").exists());
    let changed: Vec<&PathBuf> = after
        .iter()
        .filter(|(path, entry)| before.get(*path) != Some(entry))
        .map(|(path, _)| path)
        .chain(before.keys().filter(|p| !after.contains_key(*p)))
        .collect();
    assert!(changed.is_empty(), "written while read-only: {changed:?}");
}

#[test]
fn a_quiz_round_in_a_read_only_window_says_why_it_was_not_kept() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("metrics.json"),
        r#"{ "version": 1, "metrics": [ { "id": "mttd", "name": "MTTD", "kind": "mttd", "before": "8 min", "after": "90 s" } ] }"#,
    )
    .unwrap();
    let _first = sre_prep::store::Store::open(tmp.path()).unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "3r");
    type_text(&mut app, "90 s");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    let text = prose(&screen(&mut app, 100, 30));
    // The same reason every refused write gives: another sre-prep has it.
    assert!(
        text.contains("The round's result was not kept: Read-only:"),
        "{text}"
    );
    assert!(text.contains("another sre-prep is using"), "{text}");
}
