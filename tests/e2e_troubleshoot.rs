//! One troubleshooting round played in a real terminal: the real binary in
//! a pseudo-terminal at 80x24 (the harness in `pty/mod.rs`), keys typed as
//! bytes, the screen read back through a terminal emulator.

mod pty;

use pty::{BIN, Spawn, Term};

#[test]
fn play_a_troubleshooting_round_in_a_real_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let data_arg = data.display().to_string();
    let mut term = Term::spawn(
        &[BIN, "--data-dir", &data_arg],
        Spawn {
            rows: 24,
            cols: 80,
            env: Vec::new(),
            cwd: tmp.path(),
        },
    );
    term.wait_for("Reliability metrics");
    term.send("4");
    term.wait_for("Troubleshooting (t): 0 of 16 scenarios solved");
    term.send("t");
    term.wait_for("16 scenarios · 0 solved · 0 due");
    term.send("\r");
    term.wait_for("a command · h hypothesis · m mitigation");

    term.send("what changed?\r");
    term.wait_for("copytruncate");
    term.send("uptime\r");
    term.wait_for("load average: 1.24, 1.31, 1.28");
    term.send("h the root filesystem is full\r");
    term.wait_for("a hypothesis about disk");
    term.send("df -h\r");
    term.wait_for("/dev/nvme0n1p1    50G   47G     0 100% /");
    term.send("m take api-3 out of the load balancer\r");
    term.wait_for("api-3 is out of the pool");
    term.send("h a deleted file is still held open by a process\r");
    term.send("lsof +L1\r");
    term.wait_for("40626311168");
    // The clock runs on its own.
    term.wait_until("the clock to tick", |out| {
        !out.screen.screen().contents().contains("⏱ 0:00")
    });
    term.send("c logrotate deleted app.log.1 but java still holds it open\r");
    let judged = term.wait_for("the judgment");
    assert!(judged.contains("Solved · "), "{judged}");
    assert!(judged.contains("Oriented first"), "{judged}");

    term.send("\x1b");
    term.wait_for(" ✓ ");
    term.wait_for("1 solved");
    term.send("q");
    let status = term.wait_exit();
    assert!(status.success(), "{status}");

    let reviews = std::fs::read_to_string(data.join("reviews.json")).unwrap();
    let reviews: serde_json::Value = serde_json::from_str(&reviews).unwrap();
    let attempt = &reviews["reviews"]["troubleshooting"][0];
    assert_eq!(attempt["scenario"], "disk-deleted-open");
    assert_eq!(attempt["solved"], true);
    assert!(attempt["seconds"].as_u64().unwrap() >= 1, "{attempt}");
    assert_eq!(attempt["commands"].as_array().unwrap().len(), 4);
}
