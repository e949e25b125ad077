//! The shell commands, run as a user runs them: the real binary, a fresh data
//! directory each time, exit codes and messages checked.

use std::fs;
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

    // With only the examples "loaded", the stories are unmet and the cheat
    // sheet lists none of them.
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
    let out = Command::new("bash")
        .arg("-c")
        .arg("ulimit -f 1; trap '' XFSZ; exec \"$@\"")
        .arg("bash")
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
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
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
    assert!(text.starts_with("Score 0/100"), "{text}");
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
    let out = Command::new("setsid")
        .arg("--wait")
        .arg(BIN)
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
            "2 of 9 core questions covered; not yet: outage-prevented, root-cause-unknown, outage-you-caused"
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
