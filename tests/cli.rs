//! The shell commands, run as a user runs them: the real binary, a fresh data
//! directory each time, exit codes and messages checked.

mod common;

use std::fs;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

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

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn example_paths() -> Vec<String> {
    let mut paths: Vec<String> =
        fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("stories"))
            .unwrap()
            .map(|e| e.unwrap().path().display().to_string())
            .filter(|p| p.ends_with(".json"))
            .collect();
    paths.sort();
    paths
}

/// A kit with something in every part of the exchange format.
const FULL_KIT: &str = r#"{
  "version": 1,
  "profile": { "interview_date": "2026-12-10", "company": "Acme", "target_role": "Senior SRE" },
  "stories": [ { "id": "db-pool-exhaustion", "title": "DB pool exhaustion", "blast_radius": "31% of checkouts failed for 47 minutes",
                 "metrics": [ { "name": "MTTR", "before": "42 min", "after": "11 min" } ], "questions": [ "critical-incident" ] } ],
  "designs": [ { "id": "ci-cd", "prompt": "ci-cd", "title": "Monorepo CI", "real_system": "The build farm I ran at Acme" } ],
  "metrics": [ { "id": "mttd-p1", "name": "MTTD for P1 incidents", "kind": "mttd", "before": "8 min", "after": "90 s", "note": "" } ],
  "opinions": [ { "id": "slo-alerting", "stance": "SLO-based alerting", "over": "threshold alerts", "because": "pages should mean users hurt" } ],
  "narrative": { "text": "I moved 40 services onto the platform; deploys went from weekly to 30 a day." }
}
"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn export_import_export_is_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let kit = write(tmp.path(), "kit.json", FULL_KIT);
    let first_dir = tmp.path().join("first");
    let mut args = vec!["import", kit.to_str().unwrap()];
    let examples = example_paths();
    args.extend(examples.iter().map(String::as_str));
    let out = sre_prep(&first_dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));

    let first = sre_prep(&first_dir, &["export"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let exported = write(tmp.path(), "export.json", &stdout(&first));

    let second_dir = tmp.path().join("second");
    let out = sre_prep(&second_dir, &["import", exported.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let second = sre_prep(&second_dir, &["export"]);
    assert_eq!(stdout(&first), stdout(&second));

    // And everything made it: one of each kind, the examples, the profile.
    let text = stdout(&second);
    for needle in [
        "\"interview_date\": \"2026-12-10\"",
        "\"db-pool-exhaustion\"",
        "\"alerting-redesign\"",
        "\"weak-example\"",
        "\"prompt\": \"ci-cd\"",
        "\"kind\": \"mttd\"",
        "\"stance\": \"SLO-based alerting\"",
        "weekly to 30 a day",
    ] {
        assert!(text.contains(needle), "missing {needle}");
    }
}

#[test]
fn importing_the_examples_then_exporting_shows_them() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let mut args = vec!["import"];
    let examples = example_paths();
    args.extend(examples.iter().map(String::as_str));
    let out = sre_prep(&dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("imported 1 story"));
    let export = stdout(&sre_prep(&dir, &["export"]));
    for title in [
        "Paging on symptoms",
        "Checkout database connection pool exhaustion",
        "A config push that logged everyone out",
        "Weak example",
    ] {
        assert!(export.contains(title), "missing {title}");
    }
}

#[test]
fn the_examples_are_listed_never_counted_and_count_once_copied_on_purpose() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let titles = [
        "Paging on symptoms",
        "Checkout database connection pool exhaustion",
        "A config push that logged everyone out",
        "Weak example",
    ];
    // --examples lists the built-in set: nothing is copied, nothing written.
    let out = sre_prep(&dir, &["import", "--examples"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = stdout(&out);
    assert!(
        listed.starts_with("The example stories are built in and read-only: they are not copied into your stories and never count toward your readiness, coverage or cheat sheet."),
        "{listed}"
    );
    for id in [
        "alerting-redesign",
        "checkout-db-pool",
        "bad-config-deploy",
        "weak-example",
    ] {
        assert!(listed.contains(&format!("  {id}")), "{listed}");
    }
    assert!(listed.contains("sre-prep import --example ID"), "{listed}");
    assert!(!dir.join("stories").exists(), "nothing was written");

    // With only the examples "loaded" (and a data directory, so `check`
    // has a kit to judge), the stories are unmet and the cheat sheet lists
    // none of them.
    fs::create_dir_all(&dir).unwrap();
    let check = sre_prep(&dir, &["check", "--json"]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    let json: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(json["items"][0]["id"], "stories");
    assert_eq!(json["items"][0]["met"], false);
    assert_eq!(json["items"][0]["detail"], "0 of 3 stories ready");
    let sheet = stdout(&sre_prep(&dir, &["export", "--format", "md"]));
    assert!(sheet.contains("## Stories\n\n(none yet)"), "{sheet}");
    for title in titles {
        assert!(
            !sheet.contains(title),
            "{title} in the cheat sheet:\n{sheet}"
        );
    }

    // Copied on purpose, an example is a story of the user's like any other.
    let out = sre_prep(&dir, &["import", "--example", "checkout-db-pool"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("the built-in example `checkout-db-pool`: imported 1 story"),
        "{}",
        stdout(&out)
    );
    assert!(dir.join("stories/checkout-db-pool.json").is_file());
    let json: serde_json::Value =
        serde_json::from_slice(&sre_prep(&dir, &["check", "--json"]).stdout).unwrap();
    let detail = json["items"][0]["detail"].as_str().unwrap();
    assert!(detail.starts_with("1 of 3 stories ready"), "{detail}");
    let sheet = stdout(&sre_prep(&dir, &["export", "--format", "md"]));
    assert!(
        sheet.contains("### Checkout database connection pool exhaustion during a sale"),
        "{sheet}"
    );
    assert!(!sheet.contains("Paging on symptoms"), "{sheet}");

    // An id that is not an example: nothing is copied, the ids are named.
    let out = sre_prep(&dir, &["import", "--example", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("there is no built-in example `nope` — the examples are: alerting-redesign, checkout-db-pool, bad-config-deploy, weak-example"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unknown_key_is_rejected_naming_file_key_and_line_and_nothing_is_imported() {
    let tmp = tempfile::tempdir().unwrap();
    let good = write(tmp.path(), "good.json", "{ \"title\": \"Fine\" }");
    let bad = write(
        tmp.path(),
        "typo.json",
        "{\n  \"title\": \"Typo\",\n  \"sytemic_change\": \"canary\"\n}\n",
    );
    let dir = tmp.path().join("data");
    let out = sre_prep(
        &dir,
        &["import", good.to_str().unwrap(), bad.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("typo.json"), "{err}");
    assert!(err.contains("`sytemic_change`"), "{err}");
    assert!(err.contains("line 3"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert!(!dir.join("stories/fine.json").exists());
}

#[test]
fn a_kit_from_a_newer_version_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let kit = write(
        tmp.path(),
        "future.json",
        "{ \"version\": 7, \"stories\": [], \"holograms\": [] }",
    );
    let out = sre_prep(&tmp.path().join("data"), &["import", kit.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("newer sre-prep (format version 7"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_id_clash_on_import_gets_a_new_id_and_a_message_and_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let first = write(
        tmp.path(),
        "a.json",
        "{ \"id\": \"dns\", \"title\": \"DNS outage\" }",
    );
    let second = write(
        tmp.path(),
        "b.json",
        "{ \"id\": \"dns\", \"title\": \"Another DNS outage\" }",
    );
    assert!(
        sre_prep(&dir, &["import", first.to_str().unwrap()])
            .status
            .success()
    );
    let before = fs::read(dir.join("stories/dns.json")).unwrap();
    let out = sre_prep(&dir, &["import", second.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("story `dns` exists already — imported as `dns-2`"),
        "{}",
        stdout(&out)
    );
    assert_eq!(fs::read(dir.join("stories/dns.json")).unwrap(), before);
    let moved = fs::read_to_string(dir.join("stories/dns-2.json")).unwrap();
    assert!(moved.contains("Another DNS outage"));

    // The same file again is already here word for word: no copy.
    let out = sre_prep(&dir, &["import", first.to_str().unwrap()]);
    assert!(
        stdout(&out).contains("already here, word for word"),
        "{}",
        stdout(&out)
    );
    assert!(!dir.join("stories/dns-3.json").exists());
}

#[test]
fn import_keeps_the_users_narrative_and_profile() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let kit = write(tmp.path(), "kit.json", FULL_KIT);
    assert!(
        sre_prep(&dir, &["import", kit.to_str().unwrap()])
            .status
            .success()
    );
    let other = write(
        tmp.path(),
        "other.json",
        r#"{ "version": 1, "profile": { "company": "Globex" }, "narrative": { "text": "Something else." },
             "metrics": [ { "id": "mttd-p1", "name": "MTTD again", "kind": "mttd" } ] }"#,
    );
    let out = sre_prep(&dir, &["import", other.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(text.contains("kept yours"), "{text}");
    assert!(text.contains("kept your company"), "{text}");
    assert!(text.contains("metric `mttd-p1` exists already"), "{text}");
    let export = stdout(&sre_prep(&dir, &["export"]));
    assert!(export.contains("\"company\": \"Acme\""));
    assert!(!export.contains("Something else."));
    assert!(export.contains("\"id\": \"mttd-p1-2\""));
}

#[test]
fn a_second_writer_is_refused_while_another_holds_the_data_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let _held = sre_prep::store::Store::open(tmp.path()).unwrap();
    let out = sre_prep(tmp.path(), &["import", "--example", "checkout-db-pool"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("another sre-prep is using"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stderr(&out).lines().count(), 1, "one clear line");
    assert!(!tmp.path().join("stories/checkout-db-pool.json").exists());
}

#[test]
fn a_write_that_fails_leaves_the_old_file_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let small = write(
        tmp.path(),
        "small.json",
        r#"{ "version": 1, "metrics": [ { "id": "mttr", "name": "MTTR", "kind": "mttr", "before": "42 min", "after": "11 min" } ] }"#,
    );
    assert!(
        sre_prep(&dir, &["import", small.to_str().unwrap()])
            .status
            .success()
    );
    let before = fs::read(dir.join("metrics.json")).unwrap();

    let many: Vec<String> = (0..40)
        .map(|i| format!(r#"{{ "name": "Metric number {i}", "kind": "other", "before": "{i} min", "after": "1 min" }}"#))
        .collect();
    let big = write(
        tmp.path(),
        "big.json",
        &format!("{{ \"version\": 1, \"metrics\": [ {} ] }}", many.join(",")),
    );
    // A 1 KiB file-size limit makes the write of the new metrics.json fail with EFBIG.
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 1; trap '' XFSZ; exec \"$@\"")
        .arg("sh")
        .arg(BIN)
        .args(["import", big.to_str().unwrap(), "--data-dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("metrics.json"), "{err}");
    assert!(err.contains("unchanged"), "{err}");
    assert_eq!(fs::read(dir.join("metrics.json")).unwrap(), before);
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn export_to_a_file_is_private_and_warns_about_unreadable_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert!(
        sre_prep(&dir, &["import", "--example", "alerting-redesign"])
            .status
            .success()
    );
    fs::write(dir.join("stories/broken.json"), "{ oops").unwrap();
    let out_file = tmp.path().join("backup.json");
    let out = sre_prep(&dir, &["export", "-o", out_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("broken.json"), "{}", stderr(&out));
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(&out_file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(
        fs::read_to_string(&out_file)
            .unwrap()
            .contains("alerting-redesign")
    );
}

#[test]
fn usage_errors_exit_2_and_help_and_version_exit_0() {
    let tmp = tempfile::tempdir().unwrap();
    let out = sre_prep(tmp.path(), &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let out = sre_prep(tmp.path(), &["import"]);
    assert_eq!(out.status.code(), Some(2), "import needs a file");
    let out = sre_prep(tmp.path(), &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("import"));
    let out = sre_prep(tmp.path(), &["--version"]);
    assert!(stdout(&out).starts_with("sre-prep "));
    let out = sre_prep(tmp.path(), &["import", "/no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/no/such/file.json"));
}

#[test]
fn garbage_input_never_panics() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("empty.json", &b""[..]),
        ("binary.json", &[0xff, 0xfe, 0x00, 0x9f][..]),
        ("array.json", &b"[1,2,3]"[..]),
        ("deep.json", "[".repeat(100_000).as_bytes()),
        ("wrongtype.json", &b"{\"title\": 42}"[..]),
        ("nullversion.json", &b"{\"version\": null}"[..]),
        ("negversion.json", &b"{\"version\": -1}"[..]),
    ] {
        let path = tmp.path().join(name);
        fs::write(&path, bytes).unwrap();
        let out = sre_prep(
            &tmp.path().join("data"),
            &["import", path.to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(name), "{name}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{name}");
    }
}

// ---- sre-prep score ----

fn score_cmd(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    common::feed(&mut child, stdin.unwrap_or("").as_bytes());
    child.wait_with_output().unwrap()
}

#[test]
fn score_json_has_the_contracted_shape() {
    let story = Path::new(env!("CARGO_MANIFEST_DIR")).join("stories/checkout-db-pool.json");
    let out = score_cmd(&["score", "--json", story.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["total"].as_u64().unwrap() >= 75);
    assert!(json["words"].as_u64().unwrap() > 200);
    assert!(json["spoken_seconds"].as_u64().unwrap() > 60);
    for d in [
        "blast_radius",
        "role",
        "decision",
        "fix",
        "systemic_change",
        "numbers",
    ] {
        let dim = &json["dimensions"][d];
        assert!(dim["score"].as_u64().unwrap() <= 5, "{d}");
        assert!(dim["advice"].is_array(), "{d}");
        for e in dim["evidence"].as_array().unwrap() {
            for key in ["field", "start", "end", "text", "rule", "why"] {
                assert!(!e[key].is_null(), "{d} evidence lacks {key}");
            }
        }
    }
    assert!(json["warnings"].is_array());
    let pairs: Vec<&str> = json["dimensions"]["numbers"]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert!(pairs.contains(&"31% -> 0.3%"), "{pairs:?}");
}

#[test]
fn score_reads_free_text_from_stdin_and_prints_a_readable_report() {
    let out = score_cmd(
        &["score", "-"],
        Some("I was on call and handled a lot of incidents. It depends, basically."),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    // The classic vague answer: a named role and nothing else.
    let total: u32 = text
        .strip_prefix("Score ")
        .and_then(|t| t.split('/').next())
        .and_then(|n| n.parse().ok())
        .expect("the report starts with the score");
    assert!(total <= 10, "{text}");
    assert!(text.contains("Before/after numbers"), "{text}");
    assert!(text.contains("\"a lot\""), "{text}");
    assert!(text.contains("hedge"), "{text}");
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
}

#[test]
fn score_of_an_empty_story_is_zero_with_advice() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = write(tmp.path(), "empty.json", "{}");
    let out = score_cmd(&["score", "--json", empty.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["total"], 0);
    assert!(
        !json["dimensions"]["fix"]["advice"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn score_refuses_what_is_not_one_story_with_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let cases = [
        (
            "kit.json",
            FULL_KIT.replace(
                "\"stories\": [",
                "\"stories\": [ { \"title\": \"second\" },",
            ),
        ),
        (
            "typo.json",
            "{ \"title\": \"x\", \"fixx\": \"y\" }".to_string(),
        ),
        ("array.json", "[1, 2]".to_string()),
        ("broken.json", "{ \"title\": ".to_string()),
    ];
    for (name, text) in cases {
        let path = write(tmp.path(), name, &text);
        let out = score_cmd(&["score", path.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(err.contains(name), "{name}: {err}");
    }
    let out = score_cmd(&["score", "/no/such/story.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/no/such/story.txt"));
}

#[test]
fn score_never_panics_on_any_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..30 {
        let bytes: Vec<u8> = (0..(round * 37 % 400))
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed % 256) as u8
            })
            .collect();
        for name in ["noise.txt", "noise.json"] {
            let path = tmp.path().join(name);
            fs::write(&path, &bytes).unwrap();
            let out = score_cmd(&["score", path.to_str().unwrap()], None);
            assert!(matches!(out.status.code(), Some(0) | Some(2)), "{name}");
            assert!(
                !stderr(&out).contains("panicked"),
                "{name}: {}",
                stderr(&out)
            );
        }
    }
}

// ---- sre-prep check and the cheat sheet ----

#[test]
fn check_reports_the_nine_items_and_exits_1_when_not_ready() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    // A kit meeting what a kit alone can meet: stories, designs, metrics, opinions, narrative.
    let design = |id: &str, prompt: &str| {
        format!(
            r#"{{ "id": "{id}", "prompt": "{prompt}", "title": "{id}",
             "real_system": "The build and deploy platform I ran for 120 engineers at a payments company, on Buildkite and Argo CD.",
             "requirements": "About 300 deploys a day across 40 services, under 15 minutes from merge to production, and a rollback in one command.",
             "architecture": "A monorepo with Bazel and a remote cache, Buildkite agents on spot instances, and Argo Rollouts doing canaries on Kubernetes.",
             "scaling": "Peak 1,800 builds a day on 60 agents; the cache hit rate of 85% keeps the p50 build at 6 minutes.",
             "failure_modes": "A poisoned cache entry, a stuck canary, the registry down, a region outage: each has a runbook and automatic rollback." }}"#
        )
    };
    let opinion = |n: u32| {
        format!(
            r#"{{ "id": "o{n}", "stance": "SLO-based alerting {n}", "over": "threshold alerts", "because": "a page should mean a customer is hurt, not a busy machine",
             "evidence": "When I moved the payments team to burn-rate alerts, false pages fell from 67% to 8%." }}"#
        )
    };
    let kit = format!(
        r#"{{ "version": 1,
          "designs": [ {}, {}, {}, {}, {} ],
          "metrics": [ {{ "name": "Availability", "kind": "slo", "after": "99.9%" }}, {{ "name": "MTTD", "kind": "mttd", "before": "8 min", "after": "90 s" }},
                       {{ "name": "MTTR", "kind": "mttr", "before": "47 min", "after": "12 min" }}, {{ "name": "Pages", "kind": "oncall", "before": "38", "after": "6" }} ],
          "opinions": [ {}, {}, {} ],
          "narrative": {{ "text": "I led the move of 40 services onto our platform. Deploys went from 2 a week to 30 a day, and incidents from 9 a quarter to 2." }} }}"#,
        design("a", "ci-cd"),
        design("b", "kubernetes"),
        design("c", "multi-region"),
        design("d", "rate-limiter"),
        design("e", "nalsd"),
        opinion(1),
        opinion(2),
        opinion(3)
    );
    let path = write(tmp.path(), "kit.json", &kit);
    let mut args = vec!["import", path.to_str().unwrap()];
    let examples = example_paths();
    args.extend(examples.iter().map(String::as_str));
    assert!(sre_prep(&dir, &args).status.success());

    let out = sre_prep(&dir, &["check", "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["ready"], false);
    assert!(json["score"].as_u64().unwrap() > 40);
    let items = json["items"].as_array().unwrap();
    let state: Vec<(String, bool)> = items
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_string(),
                i["met"].as_bool().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("stories", true),
        ("designs", true),
        ("metrics", true),
        ("metrics_drilled", false),
        ("trivia", false),
        ("opinions", true),
        ("narrative", true),
        ("coverage", false),
        ("rehearsed", false),
    ];
    for ((id, met), (want_id, want_met)) in state.iter().zip(expected) {
        assert_eq!((id.as_str(), *met), (want_id, want_met), "{items:#?}");
    }
    for item in items {
        for key in ["id", "met", "detail", "next"] {
            assert!(!item[key].is_null(), "{key}");
        }
    }
    let human = sre_prep(&dir, &["check"]);
    assert!(
        stdout(&human).contains("[ ] Linux & systems"),
        "{}",
        stdout(&human)
    );
    assert!(stdout(&human).contains("Today:"));
}

#[test]
fn check_exits_2_naming_an_unreadable_file() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("stories")).unwrap();
    fs::write(tmp.path().join("stories/bad.json"), "{ nope").unwrap();
    let out = sre_prep(tmp.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.json"), "{}", stderr(&out));
}

#[test]
fn the_cheat_sheet_of_the_examples() {
    // The examples copied into a kit on purpose (as files), as a user's own.
    let tmp = tempfile::tempdir().unwrap();
    let mut args = vec!["import"];
    let examples = example_paths();
    args.extend(examples.iter().map(String::as_str));
    assert!(sre_prep(tmp.path(), &args).status.success());
    let out = sre_prep(tmp.path(), &["export", "--format", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    // The readiness line carries no date; the whole sheet is stable.
    insta::assert_snapshot!("cheat_sheet_examples", text);
}

#[test]
fn the_app_without_a_terminal_says_so_and_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    // A new session has no controlling terminal, even when the tests run in one.
    let mut command = Command::new(BIN);
    // SAFETY: setsid is async-signal-safe, as a pre_exec hook must be.
    unsafe {
        command.pre_exec(|| {
            if libc::setsid() == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = command
        .arg("--data-dir")
        .arg(tmp.path().join("data"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("needs a terminal"),
        "{}",
        stderr(&out)
    );
    assert!(
        !tmp.path().join("data").exists(),
        "nothing is created when the app cannot start"
    );
}

#[test]
fn trash_lists_and_restore_brings_back() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(
        sre_prep(tmp.path(), &["import", "--example", "weak-example"])
            .status
            .success()
    );
    assert!(stdout(&sre_prep(tmp.path(), &["trash"])).contains("The trash is empty."));
    {
        let store = sre_prep::store::Store::open(tmp.path()).unwrap();
        store
            .delete(sre_prep::store::Folder::Stories, "weak-example")
            .unwrap();
    }
    let listed = stdout(&sre_prep(tmp.path(), &["trash"]));
    let name = listed.lines().next().unwrap().to_string();
    assert!(name.starts_with("story-weak-example-"), "{listed}");
    let out = sre_prep(tmp.path(), &["restore", &name]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(tmp.path().join("stories/weak-example.json").exists());
    let out = sre_prep(tmp.path(), &["restore", "story-gone-20260101-000000"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("sre-prep trash"), "{}", stderr(&out));
}

// ---- output files and output streams ----

/// Runs `cmd` with its output captured, and fails (killing it) if it has not
/// ended within two minutes: a command that waits forever on a FIFO or
/// reads an endless device is a failure, not a hung test suite. The limit
/// is generous; a working command ends in well under a second.
fn finishes(mut cmd: Command) -> Output {
    use std::io::Read;
    use std::time::{Duration, Instant};
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    let mut pipes = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipes.0.read_to_end(&mut bytes);
        bytes
    });
    let err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipes.1.read_to_end(&mut bytes);
        bytes
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running after two minutes: it waits for input that never ends");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

fn command(data_dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("SRE_PREP_DATA_DIR")
        .stdin(Stdio::null());
    cmd
}

/// A pipe whose reader is already gone: the first write to it fails with
/// EPIPE, as when `| head -1` has read its line.
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    fs::symlink_metadata(path).unwrap().file_type().is_fifo()
}

#[test]
fn export_to_a_bare_relative_name_writes_the_file_and_succeeds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert!(
        sre_prep(
            &dir,
            &[
                "import",
                "--example",
                "checkout-db-pool",
                "--example",
                "alerting-redesign",
                "--example",
                "bad-config-deploy",
                "--example",
                "weak-example"
            ]
        )
        .status
        .success()
    );
    let out = command(&dir, &["export", "-o", "out.json"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let written = fs::read_to_string(tmp.path().join("out.json")).unwrap();
    assert!(written.contains("checkout-db-pool"), "{written}");
}

#[test]
fn export_through_a_symlink_replaces_its_target_and_keeps_the_link() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert!(
        sre_prep(
            &dir,
            &[
                "import",
                "--example",
                "checkout-db-pool",
                "--example",
                "alerting-redesign",
                "--example",
                "bad-config-deploy",
                "--example",
                "weak-example"
            ]
        )
        .status
        .success()
    );
    fs::create_dir(tmp.path().join("backups")).unwrap();
    let target = tmp.path().join("backups/kit.json");
    fs::write(&target, "last week's backup").unwrap();
    let link = tmp.path().join("latest.json");
    symlink("backups/kit.json", &link).unwrap();

    let out = sre_prep(&dir, &["export", "-o", link.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    let written = fs::read_to_string(&target).unwrap();
    assert!(written.contains("checkout-db-pool"), "{written}");
    assert_eq!(
        fs::metadata(&target).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn export_to_a_fifo_writes_through_it_and_leaves_it_a_fifo() {
    use std::io::Read;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert!(
        sre_prep(
            &dir,
            &[
                "import",
                "--example",
                "checkout-db-pool",
                "--example",
                "alerting-redesign",
                "--example",
                "bad-config-deploy",
                "--example",
                "weak-example"
            ]
        )
        .status
        .success()
    );
    let fifo = tmp.path().join("to-backup");
    mkfifo(&fifo);
    let reading = fifo.clone();
    let (sent, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut text = String::new();
        let _ = fs::File::open(&reading).and_then(|mut f| f.read_to_string(&mut text));
        let _ = sent.send(text);
    });
    let out = finishes(command(&dir, &["export", "-o", fifo.to_str().unwrap()]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(is_fifo(&fifo), "the FIFO was replaced by a file");
    let text = received
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("the reader of the FIFO got the export");
    assert!(text.contains("checkout-db-pool"), "{text}");
}

#[test]
fn export_to_a_link_to_standard_output_writes_to_it() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert!(
        sre_prep(
            &dir,
            &[
                "import",
                "--example",
                "checkout-db-pool",
                "--example",
                "alerting-redesign",
                "--example",
                "bad-config-deploy",
                "--example",
                "weak-example"
            ]
        )
        .status
        .success()
    );
    let link = tmp.path().join("stdout");
    symlink("/proc/self/fd/1", &link).unwrap();

    // Standard output a pipe.
    let out = sre_prep(&dir, &["export", "-o", link.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("checkout-db-pool"),
        "{}",
        stdout(&out)
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    // Standard output a regular file, as after `> file`.
    let file = tmp.path().join("redirected.json");
    let out = command(&dir, &["export", "-o", link.to_str().unwrap()])
        .stdout(fs::File::create(&file).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains("checkout-db-pool")
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    // `-o -` is standard output too.
    let out = sre_prep(&dir, &["export", "-o", "-", "--format", "md"]);
    assert!(stdout(&out).starts_with("# Interview cheat sheet"));
}

#[test]
fn export_to_a_device_writes_through_it() {
    use std::os::unix::fs::{FileTypeExt, symlink};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert!(
        sre_prep(
            &dir,
            &[
                "import",
                "--example",
                "checkout-db-pool",
                "--example",
                "alerting-redesign",
                "--example",
                "bad-config-deploy",
                "--example",
                "weak-example"
            ]
        )
        .status
        .success()
    );
    // A link in a temp dir, so a wrong rename replaces the link, never /dev/null.
    let link = tmp.path().join("discard");
    symlink("/dev/null", &link).unwrap();
    let out = sre_prep(&dir, &["export", "-o", link.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link to the device was replaced by a file"
    );
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // A directory is named as such.
    let out = sre_prep(&dir, &["export", "-o", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
}

#[test]
fn a_reader_that_goes_away_never_stops_an_import_half_way() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let a = write(tmp.path(), "a.json", "{ \"title\": \"DNS outage\" }");
    let b = write(tmp.path(), "b.json", "{ \"title\": \"TLS expiry\" }");
    // `sre-prep import a.json b.json | true`
    let out = command(&dir, &["import", a.to_str().unwrap(), b.to_str().unwrap()])
        .stdout(closed_pipe())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "a closed pipe ends output quietly");
    assert!(dir.join("stories/dns-outage.json").is_file());
    assert!(dir.join("stories/tls-expiry.json").is_file(), "b.json too");
}

#[test]
fn every_command_ends_quietly_when_its_reader_goes_away() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert!(
        sre_prep(
            &dir,
            &[
                "import",
                "--example",
                "checkout-db-pool",
                "--example",
                "alerting-redesign",
                "--example",
                "bad-config-deploy",
                "--example",
                "weak-example"
            ]
        )
        .status
        .success()
    );
    let story = Path::new(env!("CARGO_MANIFEST_DIR")).join("stories/checkout-db-pool.json");
    let story = story.to_str().unwrap();
    for args in [
        &["deck"][..],
        &["deck", "--json"],
        &["check"],
        &["check", "--json"],
        &["export"],
        &["export", "--format", "md"],
        &["score", story],
        &["score", "--json", story],
        &["trash"],
    ] {
        let out = command(&dir, args)
            .stdout(closed_pipe())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(0) | Some(1)),
            "{args:?}: {:?} {}",
            out.status,
            stderr(&out)
        );
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[test]
fn a_full_standard_output_is_an_error_and_the_import_still_happens() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let full = || {
        fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let out = command(
        &dir,
        &[
            "import",
            "--example",
            "checkout-db-pool",
            "--example",
            "alerting-redesign",
            "--example",
            "bad-config-deploy",
            "--example",
            "weak-example",
        ],
    )
    .stdout(full())
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("standard output could not be written"),
        "{err}"
    );
    assert!(err.contains("the import itself is done"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(dir.join("stories/checkout-db-pool.json").is_file());

    for args in [&["check"][..], &["deck"], &["export"], &["trash"]] {
        let out = command(&dir, args).stdout(full()).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with("sre-prep: standard output could not be written: No space left"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

// ---- escape sequences in the user's data ----

const TITLE_SEQ: &str = "\u{1b}]0;pwned\u{7}";
const CLIPBOARD_SEQ: &str = "\u{1b}]52;c;cm0gLXJmIH4=\u{7}";

/// Neither an escape nor a bell reaches the terminal, and what was there is
/// shown (`␛`).
fn assert_shown_safely(what: &str, text: &str) {
    assert!(
        !text.contains(['\u{1b}', '\u{7}', '\u{9b}']),
        "{what}: a control character got through: {text:?}"
    );
    assert!(
        text.contains("␛]"),
        "{what}: the sequence is not shown: {text}"
    );
}

/// JSON text with the two sequences in it, as a file would hold them.
fn json_escaped(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

#[test]
fn import_messages_show_escape_sequences_instead_of_sending_them() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    // An id that is not usable is echoed in a note.
    let story = write(
        tmp.path(),
        "evil.json",
        &format!(
            "{{ \"id\": {}, \"title\": {} }}",
            json_escaped(&format!("x{CLIPBOARD_SEQ}")),
            json_escaped(&format!("Outage {TITLE_SEQ}"))
        ),
    );
    let out = sre_prep(&dir, &["import", story.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_shown_safely("import note", &stdout(&out));

    // An unknown key is named in the parse error.
    let typo = write(
        tmp.path(),
        "typo.json",
        &format!("{{ \"title\": \"x\", {}: 1 }}", json_escaped(TITLE_SEQ)),
    );
    let out = sre_prep(&dir, &["import", typo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_shown_safely("parse error", &stderr(&out));

    // A file name with an escape in it.
    let named = write(
        tmp.path(),
        &format!("name{TITLE_SEQ}.json"),
        "{ \"title\": \"Fine\" }",
    );
    let out = sre_prep(&dir, &["import", named.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_shown_safely("file name", &stdout(&out));
}

#[test]
fn check_shows_escape_sequences_in_opinions_and_broken_files_safely() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let kit = write(
        tmp.path(),
        "kit.json",
        &format!(
            "{{ \"version\": 1, \"opinions\": [ {{ \"stance\": {} }} ] }}",
            json_escaped(&format!("Canaries {TITLE_SEQ}{CLIPBOARD_SEQ}"))
        ),
    );
    assert!(
        sre_prep(&dir, &["import", kit.to_str().unwrap()])
            .status
            .success()
    );
    let out = sre_prep(&dir, &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_shown_safely("check", &stdout(&out));
    assert!(
        stdout(&out).contains("Canaries ␛]0;pwned␇"),
        "{}",
        stdout(&out)
    );

    fs::write(
        dir.join("stories/typo.json"),
        format!("{{ {}: 1 }}", json_escaped(CLIPBOARD_SEQ)),
    )
    .unwrap();
    let out = sre_prep(&dir, &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert_shown_safely("check error", &stderr(&out));
}

#[test]
fn the_markdown_export_shows_escape_sequences_safely_and_json_escapes_them() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let story = write(
        tmp.path(),
        "story.json",
        &format!(
            "{{ \"title\": {}, \"fix\": {} }}",
            json_escaped(&format!("Outage {TITLE_SEQ}")),
            json_escaped(&format!("I rolled back.\r\nThen {CLIPBOARD_SEQ} fixed it."))
        ),
    );
    assert!(
        sre_prep(&dir, &["import", story.to_str().unwrap()])
            .status
            .success()
    );
    let out = sre_prep(&dir, &["export", "--format", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_shown_safely("export --format md", &stdout(&out));
    assert!(
        stdout(&out).contains("### Outage ␛]0;pwned␇"),
        "{}",
        stdout(&out)
    );

    let file = tmp.path().join("sheet.md");
    let out = sre_prep(
        &dir,
        &["export", "--format", "md", "-o", file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_shown_safely("export --format md -o", &fs::read_to_string(&file).unwrap());

    let json = stdout(&sre_prep(&dir, &["export"]));
    assert!(!json.contains('\u{1b}'));
    assert!(json.contains("Outage \\u001b]0;pwned\\u0007"), "{json}");
}

#[test]
fn score_shows_escape_sequences_safely() {
    let tmp = tempfile::tempdir().unwrap();
    let text = write(
        tmp.path(),
        "answer.txt",
        &format!("I rolled back{TITLE_SEQ} the release. It depends{CLIPBOARD_SEQ}, basically."),
    );
    let out = score_cmd(&["score", text.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stdout(&out).contains(['\u{1b}', '\u{7}']),
        "{}",
        stdout(&out)
    );

    let typo = write(
        tmp.path(),
        "typo.json",
        &format!("{{ \"title\": \"x\", {}: 1 }}", json_escaped(TITLE_SEQ)),
    );
    let out = score_cmd(&["score", typo.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert_shown_safely("score error", &stderr(&out));
}

#[test]
fn trash_and_restore_show_escape_sequences_in_names_safely() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(
        sre_prep(
            tmp.path(),
            &[
                "import",
                "--example",
                "checkout-db-pool",
                "--example",
                "alerting-redesign",
                "--example",
                "bad-config-deploy",
                "--example",
                "weak-example"
            ]
        )
        .status
        .success()
    );
    fs::write(
        tmp.path()
            .join(format!("trash/story-x{TITLE_SEQ}-20260101-000000.json")),
        "{}",
    )
    .unwrap();
    let out = sre_prep(tmp.path(), &["trash"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_shown_safely("trash", &stdout(&out));

    let out = sre_prep(tmp.path(), &["restore", &format!("story-{CLIPBOARD_SEQ}")]);
    assert_eq!(out.status.code(), Some(2));
    assert_shown_safely("restore", &stderr(&out));
}

// ---- input that never ends or is not a file ----

#[test]
fn a_fifo_or_a_device_given_to_import_is_refused_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let fifo = tmp.path().join("kit.json");
    mkfifo(&fifo);
    let out = finishes(command(&dir, &["import", fifo.to_str().unwrap()]));
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("kit.json: is a FIFO (named pipe), not a regular file"),
        "{err}"
    );
    assert!(err.contains("standard input, as `-`"), "{err}");

    // An endless device; the address space is capped so that a build that
    // reads it anyway fails here instead of taking the machine's memory.
    let mut capped = Command::new("bash");
    capped
        .arg("-c")
        .arg("ulimit -v 2000000; exec \"$@\"")
        .arg("bash")
        .arg(BIN)
        .args(["import", "/dev/zero", "--data-dir"])
        .arg(&dir)
        .stdin(Stdio::null());
    let out = finishes(capped);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/dev/zero: is a device, not a regular file"),
        "{}",
        stderr(&out)
    );
    // Standard input stays: `-`.
    let out = score_cmd(&["score", "-"], Some("I rolled back the release."));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_fifo_inside_the_data_directory_is_reported_and_nothing_waits_on_it() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert!(
        sre_prep(
            &dir,
            &[
                "import",
                "--example",
                "checkout-db-pool",
                "--example",
                "alerting-redesign",
                "--example",
                "bad-config-deploy",
                "--example",
                "weak-example"
            ]
        )
        .status
        .success()
    );
    mkfifo(&dir.join("metrics.json"));
    let elsewhere = tmp.path().join("pipe");
    mkfifo(&elsewhere);
    symlink(&elsewhere, dir.join("stories/linked.json")).unwrap();

    let out = finishes(command(&dir, &["check"]));
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("metrics.json: is a FIFO"), "{err}");
    assert!(err.contains("linked.json: is a FIFO"), "{err}");

    let story = write(tmp.path(), "new.json", "{ \"title\": \"DNS outage\" }");
    let out = finishes(command(&dir, &["import", story.to_str().unwrap()]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning:"), "{}", stderr(&out));
    assert!(dir.join("stories/dns-outage.json").is_file());
    // The lock went with the import.
    sre_prep::store::Store::open(&dir).expect("the lock is free");
    assert!(is_fifo(&dir.join("metrics.json")), "left as it was");
}

#[test]
fn a_file_bigger_than_the_cap_is_refused_with_its_size() {
    let tmp = tempfile::tempdir().unwrap();
    let huge = tmp.path().join("huge.json");
    // Sparse: no disk space used.
    fs::File::create(&huge)
        .unwrap()
        .set_len(sre_prep::store::read::MAX_INPUT_BYTES + 1)
        .unwrap();
    let out = finishes(command(
        &tmp.path().join("data"),
        &["import", huge.to_str().unwrap()],
    ));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("huge.json: is 513 MiB, more than the 512 MiB sre-prep reads"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_byte_order_mark_is_accepted_and_dropped() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let path = tmp.path().join("bom.json");
    fs::write(&path, b"\xEF\xBB\xBF{ \"title\": \"Saved by Notepad\" }").unwrap();
    let out = sre_prep(&dir, &["import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.join("stories/saved-by-notepad.json").is_file());
    let out = score_cmd(&["score", "--json", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn the_version_read_is_the_top_level_key_and_an_array_is_no_story() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let newer = write(
        tmp.path(),
        "newer.json",
        r#"{"title":"version","version":2}"#,
    );
    let out = sre_prep(&dir, &["import", newer.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("newer sre-prep (format version 2"),
        "{}",
        stderr(&out)
    );
    let array = write(
        tmp.path(),
        "array.json",
        r#"{"version":1,"stories":[["my-id","DNS outage"]]}"#,
    );
    let out = sre_prep(&dir, &["import", array.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("array.json: line 1"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.join("stories").exists(), "nothing was imported");
}

fn many_stories(n: usize, big_at: Option<usize>) -> String {
    let stories: Vec<String> = (0..n)
        .map(|i| {
            let fix = if Some(i) == big_at {
                "I rolled back. ".repeat(200)
            } else {
                "I rolled back.".to_string()
            };
            format!(r#"{{ "id": "story-{i:02}", "title": "Story {i}", "fix": "{fix}" }}"#)
        })
        .collect();
    format!(
        "{{ \"version\": 1, \"stories\": [ {} ] }}",
        stories.join(", ")
    )
}

#[test]
fn a_re_import_says_in_one_line_what_was_already_there() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let kit = write(tmp.path(), "kit.json", &many_stories(30, None));
    assert!(
        sre_prep(&dir, &["import", kit.to_str().unwrap()])
            .status
            .success()
    );
    let out = sre_prep(&dir, &["import", kit.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text,
        format!(
            "{0}: imported nothing new\n  {0}: 30 stories are already here, word for word — skipped (`story-00`, `story-01`, `story-02` and 27 more)\n",
            kit.display()
        )
    );
}

#[test]
fn a_partial_import_says_what_was_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    // The 10th story is too big for a 1 KiB file-size limit: 9 are written.
    let kit = write(tmp.path(), "kit.json", &many_stories(30, Some(9)));
    let later = write(tmp.path(), "later.json", "{ \"title\": \"Later\" }");
    let out = Command::new("bash")
        .arg("-c")
        .arg("ulimit -f 1; trap '' XFSZ; exec \"$@\"")
        .arg("bash")
        .arg(BIN)
        .args(["import", kit.to_str().unwrap(), later.to_str().unwrap()])
        .arg("--data-dir")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("story-09.json"), "{err}");
    assert!(
        err.contains(
            "kit.json: 9 stories written before that error; the rest of it was not imported"
        ),
        "{err}"
    );
    assert!(err.contains("later.json: not imported"), "{err}");
    assert_eq!(fs::read_dir(dir.join("stories")).unwrap().count(), 9);
    assert_eq!(err.matches("os error").count(), 1, "said once: {err}");

    // The same import again, without the limit, adds the rest.
    let out = sre_prep(&dir, &["import", kit.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("imported 21 stories"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("9 stories are already here"));
}

// ---- the data directory ----

#[test]
fn a_data_dir_that_is_a_file_gets_one_clear_line_from_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "not-a-dir", "hello");
    for args in [
        &["check"][..],
        &["export"],
        &["trash"],
        &[
            "import",
            "--example",
            "checkout-db-pool",
            "--example",
            "alerting-redesign",
            "--example",
            "bad-config-deploy",
            "--example",
            "weak-example",
        ],
        &["restore", "story-x"],
    ] {
        let out = sre_prep(&file, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert_eq!(
            err,
            format!(
                "sre-prep: {}: is a file, not a directory — pass --data-dir with the directory that holds your kit (or move that file away)\n",
                file.display()
            ),
            "{args:?}"
        );
    }
    assert_eq!(fs::read_to_string(&file).unwrap(), "hello");
}

#[test]
fn os_errors_are_said_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("stories"), "a file where a folder belongs").unwrap();
    let out = sre_prep(
        &dir,
        &[
            "import",
            "--example",
            "checkout-db-pool",
            "--example",
            "alerting-redesign",
            "--example",
            "bad-config-deploy",
            "--example",
            "weak-example",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("stories: File exists"), "{err}");
    assert_eq!(err.matches("os error").count(), 1, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn reading_a_data_dir_that_does_not_exist_says_so_and_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("mistyped");
    for args in [
        &["export"][..],
        &["export", "--format", "md"],
        &["check"],
        &["check", "--json"],
        &["trash"],
        &["restore", "story-x"],
    ] {
        let out = sre_prep(&missing, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}: a backup script gets nothing");
        let err = stderr(&out);
        assert!(
            err.contains("mistyped: there is no data directory here yet — run `sre-prep` to start"),
            "{args:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1);
        assert!(!missing.exists(), "{args:?} created it");
    }
    // The trash of a data directory that is there but cannot be listed.
    let dir = tmp.path().join("data");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("trash"), "").unwrap();
    let out = sre_prep(&dir, &["trash"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("the trash could not be listed"));
}

#[test]
fn a_data_dir_others_can_read_is_made_private_and_the_user_told() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    for args in [
        &[
            "import",
            "--example",
            "checkout-db-pool",
            "--example",
            "alerting-redesign",
            "--example",
            "bad-config-deploy",
            "--example",
            "weak-example",
        ][..],
        &["check"],
        &["export"],
    ] {
        fs::create_dir_all(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        let out = sre_prep(&dir, args);
        assert!(matches!(out.status.code(), Some(0) | Some(1)), "{args:?}");
        assert_eq!(
            fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
            0o700,
            "{args:?}"
        );
        assert!(
            stderr(&out).contains("was readable by other users (mode 755); it is now 700"),
            "{args:?}: {}",
            stderr(&out)
        );
        // Once private, nothing more is said.
        assert_eq!(stderr(&sre_prep(&dir, args)), "", "{args:?}");
    }
    // The app says it too, before it takes the screen (here it has none).
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o750)).unwrap();
    let out = Command::new("setsid")
        .arg("--wait")
        .arg(BIN)
        .arg("--data-dir")
        .arg(&dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("(mode 750); it is now 700"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
        0o700
    );
}

#[test]
fn the_cheat_sheet_is_complete_and_says_i_where_the_user_moved_the_number() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let kit = r#"{ "version": 1,
      "stories": [ { "id": "pool", "title": "DB pool exhaustion", "blast_radius": "31% of checkouts failed for 47 minutes.",
                     "metrics": [ { "name": "MTTR", "before": "42 min", "after": "11 min" } ] } ],
      "metrics": [
        { "id": "mttd", "name": "MTTD for P1 incidents", "kind": "mttd", "before": "8 min", "after": "90 s", "note": "I rebuilt the alerting on SLO burn rates." },
        { "id": "pages", "name": "Pages per week", "kind": "oncall", "before": "38", "after": "6", "note": "the whole rotation" } ],
      "opinions": [
        { "id": "slo", "stance": "SLO-based alerting", "over": "threshold alerts", "because": "a page should mean a customer is hurt",
          "evidence": "When I moved the payments team to burn-rate alerts, false pages fell from 67% to 8%.",
          "limits": "A batch system with no users waiting is better served by a deadline alert." },
        { "id": "canary", "stance": "Canaries", "over": "big-bang deploys", "because": "a bad build meets 1% of traffic first" } ],
      "narrative": { "text": "I led the move of 40 services onto our platform.\n\nDeploys went from 2 a week to 30 a day." } }"#;
    let path = write(tmp.path(), "kit.json", kit);
    assert!(
        sre_prep(&dir, &["import", path.to_str().unwrap()])
            .status
            .success()
    );
    let out = sre_prep(&dir, &["export", "--format", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let sheet = stdout(&out);
    for wanted in [
        "- *The numbers*: MTTR went from **42 min** to **11 min**.",
        "## Platform narrative\n\nI led the move of **40 services** onto our platform.\n\nDeploys went from **2 a week** to **30 a day**.\n\n## Metrics",
        "- MTTD for P1 incidents: I took it from **8 min** to **90 s** (-**81%**, **5.3x** less)",
        "- Pages per week: we went from **38** to **6**",
        "- I believe in SLO-based alerting over threshold alerts because a page should mean a customer is hurt.\n  - Evidence: When I moved the payments team to burn-rate alerts, false pages fell from **67%** to **8%**.\n  - Where it stops holding: A batch system with no users waiting is better served by a deadline alert.",
        "- I believe in Canaries over big-bang deploys because a bad build meets 1% of traffic first.\n  - Evidence: (not written yet)\n  - Where it stops holding: (not written yet)",
    ] {
        assert!(sheet.contains(wanted), "missing {wanted:?} in:\n{sheet}");
    }
    assert!(!sheet.contains("In numbers:"), "{sheet}");
}

#[test]
fn check_sees_through_one_story_on_every_question_and_designs_of_one_pasted_sentence() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    // One strong story (an example, copied as the user's), linked to all nine core questions.
    let mut story: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("stories/checkout-db-pool.json"),
        )
        .unwrap(),
    )
    .unwrap();
    story["questions"] = serde_json::json!([
        "critical-incident",
        "outage-prevented",
        "root-cause-unknown",
        "outage-you-caused",
        "improved-reliability",
        "velocity-vs-reliability",
        "pushed-back-launch",
        "disagreed-senior",
        "reduced-toil"
    ]);
    let pasted = "The build and deploy platform I ran for 120 engineers at a payments company, on Buildkite and Argo CD, with 300 deploys a day.";
    let designs: Vec<serde_json::Value> = ["ci-cd", "kubernetes", "multi-region", "rate-limiter", "nalsd"]
        .iter()
        .map(|p| {
            serde_json::json!({ "id": p, "prompt": p, "title": p, "real_system": pasted, "requirements": pasted,
              "architecture": pasted, "scaling": pasted, "failure_modes": pasted, "observability": pasted, "tradeoffs": pasted })
        })
        .collect();
    let kit = serde_json::json!({ "version": 1, "stories": [story], "designs": designs });
    let path = write(tmp.path(), "kit.json", &kit.to_string());
    assert!(
        sre_prep(&dir, &["import", path.to_str().unwrap()])
            .status
            .success()
    );

    let out = sre_prep(&dir, &["check", "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = |id: &str| {
        json["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert!(
        item("stories")["detail"]
            .as_str()
            .unwrap()
            .starts_with("1 of 3 stories ready"),
        "{}",
        item("stories")["detail"]
    );
    let coverage = item("coverage");
    assert_eq!(coverage["met"], false);
    let detail = coverage["detail"].as_str().unwrap();
    assert!(
        detail.starts_with(
            "3 of 9 core questions covered; not yet: outage-prevented, outage-you-caused"
        ),
        "{detail}"
    );
    assert!(
        detail.contains("weak link 'Checkout database connection pool exhaustion during a sale' -> outage-you-caused: the story never says your change caused the outage"),
        "{detail}"
    );
    assert!(
        coverage["next"].as_str().unwrap().starts_with("Make 'Checkout database connection pool exhaustion during a sale' fit 'outage-prevented'"),
        "{}",
        coverage["next"]
    );
    let designs = item("designs");
    assert_eq!(designs["met"], false);
    assert!(
        designs["detail"]
            .as_str()
            .unwrap()
            .starts_with("0 of 5 design answers complete; 5 more are started but not complete yet"),
        "{}",
        designs["detail"]
    );
    assert!(
        designs["next"].as_str().unwrap().contains(
            "Repeats the Real system section (100% the same words), so it counts as empty"
        ),
        "{}",
        designs["next"]
    );
    // The shell's checklist says the same, in words.
    let human = stdout(&sre_prep(&dir, &["check"]));
    assert!(
        human.contains("weak link 'Checkout database connection pool exhaustion during a sale' -> outage-prevented"),
        "{human}"
    );
}
