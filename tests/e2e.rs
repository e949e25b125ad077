//! The real binary in a real terminal: tmux gives it a pseudo-terminal at
//! 100x30; keys go in with send-keys, the screen comes back with
//! capture-pane. `.ci/run` installs tmux.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_sre-prep");

struct Tmux {
    session: String,
}

impl Tmux {
    fn start(name: &str) -> Tmux {
        let session = format!("sre-prep-e2e-{name}-{}", std::process::id());
        let status = Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                &session,
                "-x",
                "100",
                "-y",
                "30",
                "bash --norc --noprofile",
            ])
            .env("PS1", "$ ")
            .env("TERM", "xterm-256color")
            .status()
            .expect("tmux is needed for the end-to-end tests (.ci/run installs it)");
        assert!(status.success(), "tmux could not start a session");
        Tmux { session }
    }

    fn keys(&self, keys: &[&str]) {
        let status = Command::new("tmux")
            .args(["send-keys", "-t", &self.session])
            .args(keys)
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn text(&self, text: &str) {
        let status = Command::new("tmux")
            .args(["send-keys", "-t", &self.session, "-l", text])
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text` (or fails, showing the screen).
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited 10 s for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A key on its own, then a pause, so an Esc is not read as Alt+next key.
    fn key_alone(&self, key: &str) {
        self.keys(&[key]);
        std::thread::sleep(Duration::from_millis(150));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .status();
    }
}

fn launch(tmux: &Tmux, data_dir: &Path) {
    tmux.text(&format!("'{BIN}' --data-dir '{}'", data_dir.display()));
    tmux.keys(&["Enter"]);
}

#[test]
fn write_a_story_in_a_real_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let tmux = Tmux::start("story");
    tmux.text("echo READY-$((1+1))");
    tmux.keys(&["Enter"]);
    tmux.wait_for("READY-2");
    launch(&tmux, &data);

    let home = tmux.wait_for("Reliability metrics");
    for step in [
        "1 Incident stories",
        "2 Design answers",
        "3 Reliability metrics",
        "4 Linux & systems",
        "5 Opinions",
    ] {
        assert!(home.contains(step), "missing {step}:\n{home}");
    }
    tmux.key_alone("1");
    tmux.wait_for("Stories (0)");
    tmux.key_alone("n");
    tmux.wait_for("New story");
    tmux.text("Pager storm at 3am");
    tmux.key_alone("Tab");
    tmux.text("For 25 minutes 18% of logins failed for 40,000 customers.");
    tmux.wait_for("logins failed");
    tmux.key_alone("C-s");
    tmux.wait_for("Saved 'Pager storm at 3am'");
    tmux.key_alone("Escape");
    tmux.wait_for("Stories (1)");
    tmux.key_alone("q");

    // Back at the shell: the alternate screen is gone and the terminal is sane.
    tmux.text("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo -e -icanon -e -echo; echo CHECKED-$((40+2))");
    tmux.keys(&["Enter"]);
    let after = tmux.wait_for("CHECKED-42");
    assert!(
        after.contains("READY-2"),
        "the shell's screen is back:\n{after}"
    );
    let modes: Vec<&str> = after
        .lines()
        .filter(|l| l.ends_with("icanon") || l.ends_with("echo"))
        .collect();
    assert!(
        modes.contains(&"icanon") && modes.contains(&"echo"),
        "terminal not restored: {modes:?}\n{after}"
    );
    assert!(
        !modes.contains(&"-icanon") && !modes.contains(&"-echo"),
        "{modes:?}"
    );

    let saved = std::fs::read_to_string(data.join("stories/pager-storm-at-3am.json")).unwrap();
    assert!(
        saved.contains("For 25 minutes 18% of logins failed for 40,000 customers."),
        "{saved}"
    );
}

#[test]
fn a_resize_redraws_and_a_tiny_terminal_is_told() {
    let tmp = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("resize");
    launch(&tmux, &tmp.path().join("data"));
    tmux.wait_for("Reliability metrics");
    let status = Command::new("tmux")
        .args(["resize-window", "-t", &tmux.session, "-x", "40", "-y", "12"])
        .status()
        .unwrap();
    assert!(status.success());
    tmux.wait_for("Terminal too small");
    Command::new("tmux")
        .args([
            "resize-window",
            "-t",
            &tmux.session,
            "-x",
            "100",
            "-y",
            "30",
        ])
        .status()
        .unwrap();
    tmux.wait_for("Reliability metrics");
    tmux.key_alone("q");
}

#[test]
fn review_three_cards_in_a_real_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let tmux = Tmux::start("review");
    launch(&tmux, &data);
    tmux.wait_for("Reliability metrics");
    tmux.key_alone("4");
    tmux.wait_for("mastery");
    tmux.key_alone("r");
    tmux.wait_for("Say the answer out loud");
    for n in 0..3 {
        tmux.key_alone("Space");
        tmux.wait_for("Easy (");
        tmux.key_alone("3");
        tmux.wait_for(&format!("{} answered", n + 1));
    }
    tmux.key_alone("Escape");
    tmux.wait_for("Session over: 3 answers");
    tmux.key_alone("q");
    std::thread::sleep(Duration::from_millis(200));

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
