//! `sre-prep troubleshoot`, run as a script runs it: the real binary, a
//! fresh data directory, stdout, stderr and exit codes checked.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_sre-prep");

fn run(data_dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("SRE_PREP_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    common::feed(&mut child, stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const MODEL: &str = "what changed?
uptime
h the root filesystem is full and writes fail with ENOSPC
df -h
m take api-3 out of the load balancer
du -xsh /
h a deleted file is still held open by a process
lsof +L1
m restart orders-api so it closes the deleted file
c logrotate deleted app.log.1 while java still holds it open, so its 38G are never freed
";

#[test]
fn list_prints_every_scenario_as_text_and_json() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["troubleshoot", "--list"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("16 troubleshooting scenarios\n"), "{text}");
    assert!(
        text.contains("  disk-deleted-open   Disk full, but du finds nothing\n"),
        "{text}"
    );
    // The shell says how in commands, never with the app's keys.
    assert!(
        text.contains(
            "Play one in the app (run `sre-prep`, open step 4 and play a troubleshooting scenario)"
        ),
        "{text}"
    );
    assert!(!text.contains("then t)"), "{text}");

    let out = run(tmp.path(), &["troubleshoot", "--list", "--json"], "");
    assert_eq!(out.status.code(), Some(0));
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed = listed.as_array().unwrap();
    assert!(listed.len() >= 15);
    for item in listed {
        let keys: Vec<&str> = item
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["id", "symptom", "title"], "{item}");
    }
    let ids: Vec<&str> = listed.iter().map(|i| i["id"].as_str().unwrap()).collect();
    for id in [
        "disk-deleted-open",
        "inode-exhaustion",
        "fd-exhaustion",
        "memory-leak-oom",
        "cpu-throttling",
        "k8s-dns-ndots",
        "ephemeral-ports",
        "syn-backlog",
        "io-noisy-neighbour",
        "clock-skew-tls",
        "cert-expired",
        "mtu-black-hole",
        "runaway-cron",
        "swap-thrashing",
        "conntrack-full",
        "bad-deploy-one-az",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    // Nothing was written: listing is read-only.
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn a_model_replay_solves_and_prints_the_transcript_and_the_judgment() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("replay.txt");
    fs::write(&file, MODEL).unwrap();
    let data = tmp.path().join("data");
    let out = run(
        &data,
        &[
            "troubleshoot",
            "disk-deleted-open",
            "--replay",
            file.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "[2:00] $ df -h   · tests \"the root filesystem is full and writes fail with ENOSPC\"",
        "/dev/nvme0n1p1    50G   47G     0 100% /",
        "java    2817 orders   47w   REG  259,1 40626311168     0 524301 /var/log/orders-api/app.log.1 (deleted)",
        "Solved · score 100/100 · 10 steps, 5 commands · 5:00",
        "15/15  Mitigated before digging while users hurt",
        "Root cause: logrotate renamed app.log",
        "What the interviewer asks next:",
        "A model path:",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(!data.exists(), "a replay saves nothing");
}

#[test]
fn json_replay_has_the_judgment_keys_a_script_needs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        tmp.path(),
        &[
            "troubleshoot",
            "disk-deleted-open",
            "--replay",
            "-",
            "--json",
        ],
        MODEL,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["solved"], true);
    assert_eq!(j["score"], 100);
    assert_eq!(j["steps"], 10);
    assert_eq!(j["commands"], 5);
    let found: Vec<&str> = j["found"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(found.contains(&"deleted-open"), "{found:?}");
    assert!(
        j["missed"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v == "inodes-fine")
    );
    assert_eq!(j["transcript"][3]["input"], "df -h");
    assert_eq!(j["transcript"][3]["basis"], "tests");
    assert_eq!(j["checks"].as_array().unwrap().len(), 6);
    assert!(j["model_path"].as_array().unwrap().len() >= 5);
}

#[test]
fn a_scan_scores_lower_and_an_empty_replay_is_unsolved() {
    let tmp = tempfile::tempdir().unwrap();
    let scan = "uptime\ntop\nfree -m\nvmstat 1 5\niostat -x 1 3\ndf -h\ndf -i\nss -s\ndmesg -T\ndu -xsh /\nlsof +L1\nc a deleted file still held open by java\n";
    let out = run(
        tmp.path(),
        &[
            "troubleshoot",
            "disk-deleted-open",
            "--replay",
            "-",
            "--json",
        ],
        scan,
    );
    assert_eq!(out.status.code(), Some(0));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["solved"], true);
    let score = j["score"].as_u64().unwrap();
    assert!(score < 70, "a scan scored {score}");
    let hypotheses = j["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "hypotheses")
        .unwrap();
    assert_eq!(hypotheses["points"], 0);
    assert!(
        hypotheses["why"]
            .as_str()
            .unwrap()
            .contains("No hypothesis was stated"),
        "{hypotheses}"
    );

    let out = run(
        tmp.path(),
        &["troubleshoot", "cert-expired", "--replay", "-"],
        "",
    );
    assert_eq!(out.status.code(), Some(1), "unsolved exits 1");
    let text = stdout(&out);
    assert!(
        text.contains("Not solved · score 0/100 · 0 steps"),
        "{text}"
    );
}

#[test]
fn bad_ids_and_files_say_what_is_wrong_and_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        tmp.path(),
        &["troubleshoot", "no-such-thing", "--replay", "-"],
        "uptime\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "sre-prep: there is no scenario `no-such-thing` — `sre-prep troubleshoot --list` lists them\n"
    );

    let missing = tmp.path().join("nope.txt");
    let out = run(
        tmp.path(),
        &[
            "troubleshoot",
            "disk-deleted-open",
            "--replay",
            missing.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("nope.txt: could not be read"),
        "{}",
        stderr(&out)
    );

    // An ID without --replay is a usage error.
    let out = run(tmp.path(), &["troubleshoot", "disk-deleted-open"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--replay"), "{}", stderr(&out));
}

#[test]
fn a_users_scenario_is_listed_and_played_and_a_broken_one_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("scenarios.json"),
        r##"{ "version": 1, "scenarios": [
  { "id": "my-redis-maxmemory", "title": "Writes fail on the cache",
    "symptom": "The API logs OOM command not allowed when used memory > 'maxmemory'.",
    "users_hurting": true, "par_minutes": 10,
    "commands": [ { "example": "redis-cli info memory", "patterns": ["redis-cli( -h \\S+)? info memory"], "tags": ["memory"],
                    "output": ["# Memory", "used_memory_human:3.99G", "maxmemory_human:4.00G", "maxmemory_policy:noeviction"],
                    "clues": ["at-max"] } ],
    "clues": [ { "id": "at-max", "text": "used_memory is at maxmemory, with noeviction" } ],
    "cause": { "summary": "maxmemory reached with the noeviction policy.", "match": [["maxmemory", "eviction"]], "proof": ["at-max"] },
    "mitigations": [ { "match": [["evict", "allkeys-lru"]], "text": "Set an eviction policy", "effect": "Writes succeed." } ],
    "model": [ { "input": "redis-cli info memory", "why": "Look." } ] },
  { "id": "broken-one", "title": "Broken", "symptom": "x", "cause": { "summary": "y", "match": [["z"]], "proof": ["nope"] },
    "commands": [ { "example": "ls", "patterns": ["ls("], "tags": ["disk"], "output": "" } ], "model": [ { "input": "ls", "why": "" } ] }
] }"##,
    )
    .unwrap();
    let out = run(tmp.path(), &["troubleshoot", "--list", "--json"], "");
    assert_eq!(out.status.code(), Some(2), "a broken scenario is bad input");
    let err = stderr(&out);
    assert!(
        err.contains("scenarios.json: scenario `broken-one`: commands[0] (`ls`): pattern `ls(`"),
        "{err}"
    );
    assert!(err.contains("the other scenarios still load"), "{err}");
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"my-redis-maxmemory"), "{ids:?}");
    assert!(ids.contains(&"disk-deleted-open"), "{ids:?}");
    assert!(!ids.contains(&"broken-one"), "{ids:?}");

    let out = run(
        tmp.path(),
        &["troubleshoot", "my-redis-maxmemory", "--replay", "-"],
        "redis-cli info memory\nm set maxmemory-policy allkeys-lru\nc maxmemory reached with noeviction\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("maxmemory_policy:noeviction"), "{text}");
    assert!(text.contains("Solved ·"), "{text}");
}
