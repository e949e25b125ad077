//! The app ended from outside, in a real pseudo-terminal (see `pty/mod.rs`):
//! SIGTERM, SIGHUP and a closed terminal keep the unsaved text as the draft
//! Ctrl-c would keep, give the terminal back as it was, and release the lock;
//! text left in `$EDITOR` by an app that died is offered back at the next start.

mod pty;

use std::path::Path;

use pty::{BIN, Spawn, Term, locked, script};

fn app(tmp: &Path, data: &Path, env: Vec<(&str, String)>) -> Term {
    app_sized(tmp, data, env, 30)
}

fn app_sized(tmp: &Path, data: &Path, env: Vec<(&str, String)>, rows: u16) -> Term {
    let data = data.display().to_string();
    let term = Term::spawn(
        &[BIN, "--data-dir", &data],
        Spawn {
            rows,
            cols: 100,
            env,
            cwd: tmp,
        },
    );
    term.wait_for("the playbook");
    term
}

/// A new story, typed but not saved.
fn type_a_story(term: &mut Term) {
    term.send("1");
    term.wait_for("Stories (0)");
    term.send("n");
    term.wait_for("New story");
    term.send("Pager storm at 3am");
    term.send("\t");
    term.send("For 25 minutes 18% of logins failed.");
    term.wait_for("logins failed");
}

/// `needle` was written after the first `since` bytes of output.
fn wrote_after(term: &Term, since: usize, needle: &str) -> bool {
    let out = term.output();
    out.bytes[since..]
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

fn draft(data: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(data.join("draft.json"))
        .unwrap_or_else(|e| panic!("no draft.json in {}: {e}", data.display()));
    serde_json::from_str(&text).unwrap()
}

fn ended_by(signal: i32, code: u32) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut term = app(tmp.path(), &data, Vec::new());
    type_a_story(&mut term);
    assert!(locked(&data), "the app holds the lock while it runs");
    let since = term.output().bytes.len();

    term.signal(signal);
    let status = term.wait_exit();
    assert_eq!(status.exit_code(), code, "{status}");

    // What the app wrote as it ended: mouse tracking off, the alternate
    // screen left, the cursor shown.
    for (sequence, what) in [
        ("\x1b[?1000l", "mouse tracking off"),
        ("\x1b[?1006l", "SGR mouse reports off"),
        ("\x1b[?2004l", "bracketed paste off"),
        ("\x1b[?1049l", "the alternate screen left"),
        ("\x1b[?25h", "the cursor shown"),
    ] {
        assert!(wrote_after(&term, since, sequence), "not written: {what}");
    }
    {
        let out = term.output();
        let screen = out.screen.screen();
        assert!(!screen.alternate_screen());
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        assert!(!screen.hide_cursor());
        assert!(
            screen.contents().contains("unsaved text is kept"),
            "the app says where the text went:\n{}",
            screen.contents()
        );
    }
    assert_eq!(term.modes(), (true, true), "icanon and echo are back");

    let kept = draft(&data);
    assert_eq!(kept["draft"]["story"]["title"], "Pager storm at 3am");
    assert_eq!(
        kept["draft"]["story"]["blast_radius"],
        "For 25 minutes 18% of logins failed."
    );
    assert!(!locked(&data), "the lock is released");

    // The next start offers it back, as after Ctrl-c.
    let mut again = app(tmp.path(), &data, Vec::new());
    again.wait_for_all(&[
        "You quit while editing 'Pager storm at 3am'",
        "Restore that",
    ]);
    again.send("y");
    again.wait_for_all(&["Your draft is back", "Pager storm at 3am", "For 25 minutes"]);
}

#[test]
fn sigterm_while_editing_keeps_the_draft_and_gives_the_terminal_back() {
    ended_by(libc::SIGTERM, 128 + libc::SIGTERM as u32);
}

#[test]
fn sighup_while_editing_keeps_the_draft_and_gives_the_terminal_back() {
    ended_by(libc::SIGHUP, 128 + libc::SIGHUP as u32);
}

#[test]
fn sigterm_with_nothing_unsaved_writes_no_draft() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut term = app(tmp.path(), &data, Vec::new());
    term.signal(libc::SIGTERM);
    assert_eq!(term.wait_exit().exit_code(), 143);
    assert!(!data.join("draft.json").exists());
    assert!(!term.output().screen.screen().alternate_screen());
    assert!(!locked(&data));
}

#[test]
fn sigterm_in_a_read_only_app_prints_the_text_it_cannot_keep() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let holder = app(tmp.path(), &data, Vec::new());
    let mut term = app_sized(tmp.path(), &data, Vec::new(), 50);
    term.wait_for("Read-only");
    type_a_story(&mut term);

    term.signal(libc::SIGTERM);
    assert_eq!(term.wait_exit().exit_code(), 143);
    let screen = term.screen();
    assert!(
        screen.contains("your unsaved text could not be kept"),
        "{screen}"
    );
    assert!(
        screen.contains(r#""title": "Pager storm at 3am""#),
        "{screen}"
    );
    assert!(
        screen.contains(r#""blast_radius": "For 25 minutes 18% of logins failed.""#),
        "{screen}"
    );
    assert!(
        !data.join("draft.json").exists(),
        "nothing written while read-only"
    );
    drop(holder);
}

#[test]
fn closing_the_terminal_while_editing_keeps_the_draft() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut term = app(tmp.path(), &data, Vec::new());
    type_a_story(&mut term);

    term.hang_up();
    let status = term.wait_exit();
    assert_eq!(status.exit_code(), 129, "ended as by SIGHUP: {status}");

    let kept = draft(&data);
    assert_eq!(kept["draft"]["story"]["title"], "Pager storm at 3am");
    assert!(!locked(&data), "the lock is released");
}

/// A story on file, imported with the binary.
fn one_story(tmp: &Path, data: &Path) {
    let file = tmp.join("story.json");
    std::fs::write(
        &file,
        r#"{"id": "pool-exhaustion", "title": "Pool exhaustion", "fix": "I raised the pool."}"#,
    )
    .unwrap();
    let out = std::process::Command::new(BIN)
        .arg("--data-dir")
        .arg(data)
        .arg("import")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

/// An `$EDITOR` stand-in that adds a line to the file, says so on the
/// terminal, and waits for a line of input before exiting with `code`.
fn waiting_editor(tmp: &Path, code: i32) -> String {
    script(
        tmp,
        "waiting-editor",
        &format!(
            r#"printf 'I rolled back at 03:12.\n' >> "$1"
printf 'EDITOR-%s\n' OPEN
read line
exit {code}"#
        ),
    )
}

fn edit_files(data: &Path) -> Vec<String> {
    std::fs::read_dir(data)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".sre-prep-edit-"))
        .collect()
}

#[test]
fn text_left_in_editor_by_a_killed_app_is_offered_back() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    one_story(tmp.path(), &data);
    let editor = waiting_editor(tmp.path(), 0);
    let mut term = app(tmp.path(), &data, vec![("EDITOR", editor)]);
    term.send("1");
    term.wait_for("Pool exhaustion");
    term.send("E");
    term.wait_for("EDITOR-OPEN");

    // The app dies with the editor open: nothing of it runs again. Then
    // the editor (still on the terminal) is left.
    term.signal(libc::SIGKILL);
    term.send("\r");
    term.wait_exit();
    drop(term);
    let left = edit_files(&data);
    assert_eq!(left.len(), 1, "{left:?}");

    // The next start offers the text back; yes opens the editor on it.
    let saving_editor = script(tmp.path(), "saving-editor", "exit 0");
    let mut term = app(tmp.path(), &data, vec![("EDITOR", saving_editor)]);
    term.wait_for_all(&[
        "sre-prep ended while 'Pool exhaustion'",
        "Open that text again?",
    ]);
    term.send("y");
    term.wait_for("Saved 'Pool exhaustion' from your editor.");
    term.send("q");
    assert!(term.wait_exit().success());

    let saved = std::fs::read_to_string(data.join("stories/pool-exhaustion.json")).unwrap();
    assert!(saved.contains("I rolled back at 03:12."), "{saved}");
    assert!(
        edit_files(&data).is_empty(),
        "the leftover is no longer there"
    );
    let trash: Vec<String> = std::fs::read_dir(data.join("trash"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        trash
            .iter()
            .any(|n| n.starts_with("sre-prep-edit-story.pool-exhaustion.")),
        "a copy is in the trash: {trash:?}"
    );
}

#[test]
fn text_left_in_editor_can_be_sent_to_the_trash() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    one_story(tmp.path(), &data);
    std::fs::write(
        data.join(".sre-prep-edit-story.pool-exhaustion.Ab12Cd.md"),
        "# Title\nPool exhaustion\n",
    )
    .unwrap();
    let mut term = app(tmp.path(), &data, Vec::new());
    term.wait_for("Open that text again?");
    term.send("n");
    term.wait_for("The $EDITOR text was moved to trash");
    assert!(edit_files(&data).is_empty());
    assert_eq!(
        std::fs::read_to_string(data.join("trash/sre-prep-edit-story.pool-exhaustion.Ab12Cd.md"))
            .unwrap(),
        "# Title\nPool exhaustion\n"
    );
}

#[test]
fn sigterm_while_editor_is_open_waits_for_it_then_saves_and_ends() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    one_story(tmp.path(), &data);
    let editor = waiting_editor(tmp.path(), 0);
    let mut term = app(tmp.path(), &data, vec![("EDITOR", editor)]);
    term.send("1");
    term.wait_for("Pool exhaustion");
    term.send("E");
    term.wait_for("EDITOR-OPEN");

    term.signal(libc::SIGTERM);
    // The editor is the user's: it goes on until they leave it.
    term.send("\r");
    assert_eq!(term.wait_exit().exit_code(), 143);

    let saved = std::fs::read_to_string(data.join("stories/pool-exhaustion.json")).unwrap();
    assert!(saved.contains("I rolled back at 03:12."), "{saved}");
    assert!(!term.output().screen.screen().alternate_screen());
    assert_eq!(term.modes(), (true, true));
    assert!(edit_files(&data).is_empty());
    assert!(!locked(&data));
}

#[test]
fn an_editor_that_fails_as_the_app_is_ended_leaves_its_text_to_offer_back() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    one_story(tmp.path(), &data);
    let editor = waiting_editor(tmp.path(), 1);
    let mut term = app(tmp.path(), &data, vec![("EDITOR", editor)]);
    term.send("1");
    term.wait_for("Pool exhaustion");
    term.send("E");
    term.wait_for("EDITOR-OPEN");

    term.signal(libc::SIGHUP);
    term.send("\r");
    assert_eq!(term.wait_exit().exit_code(), 129);

    let left = edit_files(&data);
    assert_eq!(left.len(), 1, "{left:?}");
    let text = std::fs::read_to_string(data.join(&left[0])).unwrap();
    assert!(text.contains("I rolled back at 03:12."), "{text}");
    let again = app(tmp.path(), &data, Vec::new());
    again.wait_for("Open that text again?");
}
