//! `P` on the stories screen, driven through the app: a postmortem from a
//! file path or pasted text, the draft beside its score with the questions
//! to claim one's part, then the story editor — nothing saved until Ctrl-s.

mod common;

use std::fs;
use std::path::Path;

use common::{ctrl, key, open, press, screen, type_text, with_examples};
use crossterm::event::{Event, KeyCode};
use sre_prep::tui::app::{DraftStep, ScreenId};
use sre_prep::tui::keymap::Context;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/postmortems")
        .join(name)
        .display()
        .to_string()
}

fn story_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir.join("stories"))
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_file_path_is_drafted_shown_with_its_score_and_saved_only_from_the_editor() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let before = story_files(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1P");
    assert_eq!(app.screen(), ScreenId::Postmortem);
    assert_eq!(app.context(), Context::PostmortemSource);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Type the path of a postmortem"), "{text}");
    assert!(text.contains("Ctrl-s draft it"), "{text}");

    type_text(&mut app, &fixture("no_headings.txt"));
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::PostmortemDraft);
    let text = screen(&mut app, 100, 60);
    assert!(
        text.contains("Draft from no_headings.txt · not saved"),
        "{text}"
    );
    assert!(text.contains("Claim your part"), "{text}");
    assert!(
        text.contains("Who rolled back the config? Was that you?"),
        "{text}"
    );
    assert!(text.contains("My role · empty: what did you do?"), "{text}");
    assert!(text.contains("Score as drafted"), "{text}");
    assert!(
        text.contains("Time to detect (MTTD): 8 min (23:41 to 23:49 UTC) -> ?"),
        "{text}"
    );
    assert_eq!(story_files(tmp.path()), before, "drafting writes nothing");

    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Editor);
    let editor = app.editor().unwrap();
    assert_eq!(editor.editing, None, "a new story");
    assert_eq!(
        editor.focused_row().key,
        "role",
        "the editor opens on My role"
    );
    let story = editor.typed_story().unwrap();
    assert_eq!((story.role.as_str(), story.decision.as_str()), ("", ""));
    assert_eq!(
        story.fix,
        "We rolled back the config at 00:21 and errors stopped by 00:33."
    );
    assert!(
        story
            .notes
            .contains("Who rolled back the config? Was that you?")
    );
    assert_eq!(
        story_files(tmp.path()),
        before,
        "opening the editor writes nothing"
    );

    type_text(
        &mut app,
        "I was the on-call engineer; I rolled back the config at 00:21.",
    );
    ctrl(&mut app, 's');
    let after = story_files(tmp.path());
    let new: Vec<&String> = after.iter().filter(|f| !before.contains(f)).collect();
    assert_eq!(new.len(), 1, "{after:?}");
    let saved = fs::read_to_string(tmp.path().join("stories").join(new[0])).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(
        saved["role"],
        "I was the on-call engineer; I rolled back the config at 00:21."
    );
    assert_eq!(saved["decision"], "");
    assert_eq!(saved["metrics"][0]["name"], "Time to detect (MTTD)");
    assert_eq!(saved["metrics"][0]["before"], "8 min (23:41 to 23:49 UTC)");
}

#[test]
fn pasted_text_is_drafted_and_leaving_the_editor_asks_first() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "1P");
    let pasted = fs::read_to_string(fixture("wiki_paste.html")).unwrap();
    app.handle_event(&Event::Paste(pasted.replace('\n', "\r\n")));
    ctrl(&mut app, 's');
    let text = screen(&mut app, 100, 40);
    assert!(
        text.contains("Draft from pasted text · not saved"),
        "{text}"
    );
    assert!(
        text.contains("Who raised the proxy connection quota? Was that you?"),
        "{text}"
    );
    assert!(
        text.contains("Blast radius · from \"Customer impact\""),
        "{text}"
    );

    // Esc goes back to the input, still holding the text.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::PostmortemSource);
    assert!(app.postmortem().unwrap().input.lines().len() > 10);
    ctrl(&mut app, 's');
    press(&mut app, "e");
    assert_eq!(app.screen(), ScreenId::Editor);
    key(&mut app, KeyCode::Esc);
    assert!(
        app.confirm().is_some(),
        "an unsaved draft is not dropped without asking"
    );
    press(&mut app, "y");
    assert_eq!(app.screen(), ScreenId::Stories);
    assert!(story_files(tmp.path()).is_empty(), "nothing was saved");
}

#[test]
fn a_bad_path_or_an_empty_input_says_what_to_do_and_keeps_the_input() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "1P");
    ctrl(&mut app, 's');
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("Type the path of a postmortem file, or paste its text, then Ctrl-s."),
        "{text}"
    );
    assert_eq!(app.context(), Context::PostmortemSource);

    type_text(&mut app, "/no/such/postmortem.md");
    ctrl(&mut app, 's');
    let text = screen(&mut app, 100, 30);
    assert!(
        text.contains("No file at /no/such/postmortem.md — check the path"),
        "{text}"
    );
    assert_eq!(app.postmortem().unwrap().step, DraftStep::Source);

    let binary = tmp.path().join("core.bin");
    fs::write(&binary, b"\x7fELF\x02\x01\x01\x00\x00").unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "1P");
    type_text(&mut app, &binary.display().to_string());
    ctrl(&mut app, 's');
    let text = screen(&mut app, 100, 30);
    assert!(
        text.contains("core.bin: looks like a binary file"),
        "{text}"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Stories);
}

#[test]
fn the_draft_view_at_80x24() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "1P");
    type_text(&mut app, &fixture("no_headings.txt"));
    ctrl(&mut app, 's');
    insta::assert_snapshot!("postmortem_draft_80x24", screen(&mut app, 80, 24));
    // Scrolled down to the fields.
    press(&mut app, "jjjjjjjjjjjj");
    insta::assert_snapshot!("postmortem_draft_scrolled_80x24", screen(&mut app, 80, 24));
}
