//! The readiness checklist says what to do next; each face says how. The
//! shell names commands (a key means nothing there), the app names its keys.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{open, press, screen, with_examples};
use regex::Regex;

const BIN: &str = env!("CARGO_BIN_EXE_sre-prep");

fn sre_prep(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("SRE_PREP_DATA_DIR")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// An app key hint: "(1, then n)", "(c)", "(1, select it, r)", "(i on home)".
fn key_hints(text: &str) -> Vec<String> {
    let hint = Regex::new(r"\([0-9A-Za-z](?:, [^)]*| on home)?\)").expect("a regex");
    hint.find_iter(text)
        .map(|m| m.as_str().to_string())
        .collect()
}

/// The examples as the user's stories, nothing else, and an interview date
/// long past: most items unmet, and the plan says the date has passed.
fn kit_with_gaps(dir: &Path) {
    with_examples(dir);
    std::fs::write(
        dir.join("profile.json"),
        r#"{ "version": 1, "profile": { "interview_date": "2020-01-15" } }"#,
    )
    .expect("profile.json written");
}

#[test]
fn check_names_commands_never_app_keys() {
    let empty = tempfile::tempdir().expect("a temp dir");
    let gaps = tempfile::tempdir().expect("a temp dir");
    kit_with_gaps(gaps.path());
    for dir in [empty.path(), gaps.path()] {
        let out = sre_prep(dir, &["check"]);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert!(text.contains("next: "), "{text}");
        assert_eq!(key_hints(&text), Vec::<String>::new(), "{text}");
        assert!(
            text.contains(
                "Take the metrics quiz (run `sre-prep`, open step 3 and start the quiz) until you score 80% or more."
            ),
            "{text}"
        );

        let out = sre_prep(dir, &["check", "--json"]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let items = json["items"].as_array().expect("items");
        for item in items {
            let next = item["next"].as_str().expect("next is text");
            assert_eq!(item["met"] == true, next.is_empty(), "{item}");
            assert_eq!(key_hints(next), Vec::<String>::new(), "{item}");
        }
    }
    let text = String::from_utf8_lossy(&sre_prep(empty.path(), &["check"]).stdout).into_owned();
    assert!(
        text.contains("next: Write another incident story (run `sre-prep` and open step 1, or draft one from a postmortem: `sre-prep import --postmortem FILE`)."),
        "{text}"
    );
    let text = String::from_utf8_lossy(&sre_prep(gaps.path(), &["check"]).stdout).into_owned();
    for said in [
        "  - Your interview date 2020-01-15 has passed (",
        "set the date of your next interview (run `sre-prep` and set the interview date), or clear it.",
        "(run `sre-prep`, open step 4 and play a troubleshooting scenario)",
        "(run `sre-prep`, open step 1, select the story and rehearse it)",
    ] {
        assert!(text.contains(said), "{said:?} in:\n{text}");
    }
}

#[test]
fn the_app_checklist_names_the_keys_of_the_keymap() {
    let tmp = tempfile::tempdir().expect("a temp dir");
    kit_with_gaps(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "c");
    let text = screen(&mut app, 200, 60);
    for said in [
        "› Take the metrics quiz (3, then r) until you score 80% or more.",
        "› Review the deck (4, then r); cram tcp (c).",
        "› Play a troubleshooting round (4, then t): hypothesis first",
        "› Take a side in a classic debate (5, then t).",
        "in the coverage matrix (c, then m)",
        "(1, select it, r).",
        "set the date of your next interview (i on home), or clear it.",
    ] {
        assert!(text.contains(said), "{said:?} in:\n{text}");
    }
    assert!(!text.contains("run `sre-prep`"), "{text}");
}
