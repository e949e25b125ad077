//! `sre-prep draft` and `sre-prep import --postmortem`, run as a user runs
//! them: the real binary, exit codes, messages and files checked.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_sre-prep");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/postmortems")
        .join(name)
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env_remove("SRE_PREP_DATA_DIR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(bytes) = stdin {
        common::feed(&mut child, bytes);
    }
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn draft_prints_the_story_with_the_users_part_left_to_claim() {
    let path = fixture("no_headings.txt");
    let out = run(&["draft", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Draft: On Tuesday night"), "{text}");
    assert!(
        text.contains("My role — empty: only you know your part"),
        "{text}"
    );
    assert!(
        text.contains("Decision — empty: which call was yours?"),
        "{text}"
    );
    assert!(text.contains("Fix — from text without a heading\n  We rolled back the config at 00:21 and errors stopped by 00:33."), "{text}");
    assert!(
        text.contains("Time to detect (MTTD): 8 min (23:41 to 23:49 UTC) -> ?"),
        "{text}"
    );
    assert!(
        text.contains("Claim your part\n  - Who rolled back the config? Was that you?"),
        "{text}"
    );
    assert!(text.contains("Score as drafted: "), "{text}");
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn draft_needs_no_data_directory_and_creates_none() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("not-here");
    let path = fixture("google_sre.md");
    // No home, no data directory setting: every other command would stop here.
    let out = Command::new(BIN)
        .args(["draft", path.to_str().unwrap()])
        .env_clear()
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Autocomplete outage"));
    let out = run(
        &[
            "--data-dir",
            missing.to_str().unwrap(),
            "draft",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !missing.exists(),
        "draft wrote nothing, not even a directory"
    );
}

#[test]
fn draft_takes_no_lock_but_import_does() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_str().unwrap();
    let path = fixture("pagerduty.txt");
    let path = path.to_str().unwrap();
    // The app (or another writer) holds the data directory.
    let _held = sre_prep::store::Store::open(tmp.path()).unwrap();
    let out = run(&["--data-dir", dir, "draft", path], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(&["--data-dir", dir, "import", "--postmortem", path], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !tmp.path().join("stories").exists()
            || fs::read_dir(tmp.path().join("stories"))
                .unwrap()
                .next()
                .is_none()
    );
}

/// Exit 2 and one line on standard error that names the input and says what to do.
fn refused(args: &[&str], stdin: Option<&[u8]>, says: &str) {
    let out = run(args, stdin);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{args:?}: one line, got {err:?}");
    assert!(err.contains(says), "{args:?}: {err}");
    assert!(stdout(&out).is_empty(), "{args:?}: nothing drafted");
}

#[test]
fn binary_or_empty_input_is_refused_with_one_clear_line() {
    let tmp = tempfile::tempdir().unwrap();
    let binary = tmp.path().join("dump.png");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let empty = tmp.path().join("empty.md");
    fs::write(&empty, "").unwrap();
    let blank = tmp.path().join("blank.md");
    fs::write(&blank, "\n   \n\t\n").unwrap();
    let latin1 = tmp.path().join("latin1.txt");
    fs::write(&latin1, b"Impact: caf\xe9 orders failed").unwrap();
    let b = binary.to_str().unwrap();
    refused(
        &["draft", b],
        None,
        &format!("sre-prep: {b}: looks like a binary file (byte 8), not a postmortem"),
    );
    let e = empty.to_str().unwrap();
    refused(
        &["draft", e],
        None,
        &format!("sre-prep: {e}: is empty — there is no postmortem to draft from"),
    );
    refused(&["draft", blank.to_str().unwrap()], None, "is empty");
    refused(
        &["draft", "-"],
        Some(b""),
        "sre-prep: standard input: is empty",
    );
    refused(
        &["draft", "--json", "-"],
        Some(b"\x00\x01\x02"),
        "standard input: looks like a binary file",
    );
    refused(
        &["draft", latin1.to_str().unwrap()],
        None,
        "is not UTF-8 text — save the postmortem as UTF-8",
    );
    refused(
        &["draft", "/no/such/postmortem.md"],
        None,
        "/no/such/postmortem.md: could not be read",
    );
}

#[test]
fn draft_json_pipes_into_import() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_str().unwrap();
    let path = fixture("cloudflare_blog.md");
    let out = run(&["draft", "--json", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["role"], "");
    assert_eq!(json["decision"], "");
    assert_eq!(json["metrics"][0]["before"], "6 min (23:38 to 23:44 UTC)");
    let id = json["id"].as_str().unwrap().to_string();
    assert_eq!(
        id,
        "how-a-routing-change-took-down-our-eu-edge-for-68-minutes"
    );

    let imported = run(&["--data-dir", dir, "import", "-"], Some(&out.stdout));
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    let file = tmp.path().join("stories").join(format!("{id}.json"));
    let saved: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    for key in [
        "title",
        "blast_radius",
        "role",
        "decision",
        "fix",
        "root_cause",
        "systemic_change",
        "metrics",
        "notes",
    ] {
        assert_eq!(saved[key], json[key], "{key} made the trip unchanged");
    }
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn import_postmortem_saves_a_draft_per_file_or_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_str().unwrap();
    let a = fixture("atlassian.txt");
    let b = fixture("wiki_paste.html");
    let out = run(
        &[
            "--data-dir",
            dir,
            "import",
            "--postmortem",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "atlassian.txt: imported a draft (1 story) — My role and Decision are yours to write"
        ),
        "{text}"
    );
    let mut files: Vec<String> = fs::read_dir(tmp.path().join("stories"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "image-uploads-failing-inc-2291.json",
            "payments-api-returns-502s-after-a-tls-certificate-rotation.json"
        ]
    );
    let saved = fs::read_to_string(tmp.path().join("stories").join(&files[0])).unwrap();
    assert!(saved.contains("\"role\": \"\""), "{saved}");
    assert!(
        saved.contains("Who raised the proxy connection quota? Was that you?"),
        "{saved}"
    );

    // One unreadable file: nothing of this run is imported.
    let other = tempfile::tempdir().unwrap();
    let empty = other.path().join("empty.md");
    fs::write(&empty, "").unwrap();
    let out = run(
        &[
            "--data-dir",
            other.path().to_str().unwrap(),
            "import",
            "--postmortem",
            a.to_str().unwrap(),
            empty.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("empty.md: is empty"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("nothing was imported"));
    assert!(!other.path().join("stories").exists());

    let out = run(
        &[
            "--data-dir",
            dir,
            "import",
            "--postmortem",
            "--examples",
            a.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "the two do not mix");
}
