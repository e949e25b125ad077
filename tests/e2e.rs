//! The real binary in a real terminal: a pseudo-terminal of 100x30 driven
//! from this process (see `pty/mod.rs`); keys go in as bytes, the screen
//! comes back through a terminal emulator. Nothing outside `cargo` is needed.

mod pty;

use std::path::Path;

use pty::{BIN, Spawn, Term};

/// `sh` prints a line on the normal screen, then becomes the app, so the
/// tests can see that screen come back after the app quits.
fn launch(tmp: &Path, data_dir: &Path, env: Vec<(&str, String)>) -> Term {
    let data = data_dir.display().to_string();
    let term = Term::spawn(
        &[
            "sh",
            "-c",
            r#"printf 'READY-%s\n' "$((1+1))"; exec "$0" "$@""#,
            BIN,
            "--data-dir",
            &data,
        ],
        Spawn {
            rows: 30,
            cols: 100,
            env,
            cwd: tmp,
        },
    );
    term.wait_for("Reliability metrics");
    term
}

/// After the app has exited: the normal screen with what was on it, the
/// mouse off, the cursor shown, and the terminal in cooked mode with echo.
fn assert_terminal_restored(term: &Term) {
    let out = term.output();
    let screen = out.screen.screen();
    assert!(
        !screen.alternate_screen(),
        "still on the alternate screen:\n{}",
        screen.contents()
    );
    assert!(
        screen.contents().contains("READY-2"),
        "the shell's screen is back:\n{}",
        screen.contents()
    );
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse tracking left on"
    );
    assert!(!screen.hide_cursor(), "the cursor is left hidden");
    assert!(!screen.bracketed_paste(), "bracketed paste left on");
    drop(out);
    assert_eq!(
        term.modes(),
        (true, true),
        "the terminal is left without icanon and echo"
    );
}

#[test]
fn write_a_story_in_a_real_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut term = launch(tmp.path(), &data, Vec::new());

    let home = term.wait_for("Reliability metrics");
    for step in [
        "1 Incident stories",
        "2 Design answers",
        "3 Reliability metrics",
        "4 Linux & systems",
        "5 Opinions",
    ] {
        assert!(home.contains(step), "missing {step}:\n{home}");
    }
    assert!(term.output().screen.screen().alternate_screen());
    term.send("1");
    term.wait_for("Stories (0)");
    term.send("n");
    term.wait_for("New story");
    term.send("Pager storm at 3am");
    term.wait_for("Pager storm at 3am");
    term.send("\t");
    term.send("For 25 minutes 18% of logins failed for 40,000 customers.");
    term.wait_for("logins failed");
    term.send("\x13"); // Ctrl-s
    term.wait_for("Saved 'Pager storm at 3am'");
    term.send("\x1b");
    term.wait_for("Stories (1)");
    term.send("q");

    let status = term.wait_exit();
    assert!(status.success(), "{status}");
    assert_terminal_restored(&term);
    let saved = std::fs::read_to_string(data.join("stories/pager-storm-at-3am.json")).unwrap();
    assert!(
        saved.contains("For 25 minutes 18% of logins failed for 40,000 customers."),
        "{saved}"
    );
}

#[test]
fn a_resize_redraws_and_a_tiny_terminal_is_told() {
    let tmp = tempfile::tempdir().unwrap();
    let mut term = launch(tmp.path(), &tmp.path().join("data"), Vec::new());
    term.resize(12, 40);
    term.wait_for("Terminal too small");
    term.resize(30, 100);
    term.wait_until("home redrawn at 100x30", |out| {
        let text = out.screen.screen().contents();
        text.contains("Reliability metrics") && !text.contains("Terminal too small")
    });
    term.send("q");
    assert!(term.wait_exit().success());
    assert_terminal_restored(&term);
}

#[test]
fn review_three_cards_in_a_real_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut term = launch(tmp.path(), &data, Vec::new());
    term.send("4");
    term.wait_for("mastery");
    term.send("r");
    term.wait_for("Say the answer out loud");
    for n in 0..3 {
        term.send(" ");
        term.wait_for("Easy (");
        term.send("3");
        term.wait_for(&format!("{} answered", n + 1));
    }
    term.send("\x1b");
    term.wait_for("Session over: 3 answers");
    term.send("q");
    assert!(term.wait_exit().success());

    let text = std::fs::read_to_string(data.join("reviews.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cards = json["reviews"]["cards"].as_object().unwrap();
    assert_eq!(cards.len(), 3, "{text}");
    for (id, state) in cards {
        let due = state["due"].as_str().unwrap_or_default();
        assert_eq!(due.len(), 10, "{id} has a due date: {state}");
        assert_eq!(state["last_rating"], 3, "{id}");
    }
}
