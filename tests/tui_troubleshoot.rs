//! The troubleshooting round driven through the app, as a user plays it:
//! from step 4 to the scenario list, a round typed line by line, the
//! judgment, what reviews.json keeps, and where the result shows up; and the
//! screens at 80x24, kept as reviewed snapshots.

mod common;

use common::{key, open, press, screen, today, type_text};
use crossterm::event::KeyCode;
use sre_prep::tui::app::{App, ScreenId};

const MODEL: [&str; 10] = [
    "what changed?",
    "uptime",
    "h the root filesystem is full and writes fail with ENOSPC",
    "df -h",
    "m take api-3 out of the load balancer",
    "du -xsh /",
    "h a deleted file is still held open by a process",
    "lsof +L1",
    "m restart orders-api so it closes the deleted file",
    "c logrotate deleted app.log.1 while java still holds it open, so its 38G are never freed",
];

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(r"⏱ \d+:\d\d", "⏱ m:ss");
    s.add_filter(r" in \d+:\d\d \(par", " in m:ss (par");
    s.add_filter(r"· \d+:\d\d ·", "· m:ss ·");
    s.add_filter(r"(?m)^(│ +)\d+:\d\d ", "$1 m:ss ");
    s
}

fn line(app: &mut App, text: &str) {
    type_text(app, text);
    key(app, KeyCode::Enter);
}

/// From home to the first scenario's round.
fn start(app: &mut App) {
    press(app, "4t");
    assert_eq!(app.screen(), ScreenId::Scenarios);
    key(app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Troubleshoot);
}

#[test]
fn a_round_is_played_judged_kept_and_counted_in_step_4_and_the_checklist() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "4");
    let deck = screen(&mut app, 80, 24);
    assert!(
        deck.contains("Troubleshooting (t): 0 of 16 scenarios solved, 0 due."),
        "{deck}"
    );
    press(&mut app, "t");
    let list = screen(&mut app, 80, 24);
    assert!(list.contains("16 scenarios · 0 solved · 0 due"), "{list}");
    assert!(list.contains("Disk full, but du finds nothing"), "{list}");
    assert!(
        list.contains("fails about 1 in 6 requests"),
        "the symptom: {list}"
    );
    key(&mut app, KeyCode::Enter);

    for (i, text) in MODEL.iter().enumerate() {
        line(&mut app, text);
        let shown = screen(&mut app, 80, 24);
        match i {
            3 => assert!(
                shown.contains("/dev/nvme0n1p1    50G   47G     0 100% /"),
                "{shown}"
            ),
            4 => assert!(shown.contains("api-3 is out of the pool"), "{shown}"),
            7 => assert!(
                shown.contains("java    2817 orders   47w   REG  259,1 40626311168"),
                "{shown}"
            ),
            _ => {}
        }
    }
    // The cause ends the round: the judgment, at once.
    let result = screen(&mut app, 80, 24);
    assert!(
        result.contains("Solved · 100/100 · 5 commands, 10 steps"),
        "{result}"
    );
    assert!(result.contains("again in 8 days"), "{result}");
    assert!(
        result.contains("✓ 15/15 Mitigated before digging while users hurt"),
        "{result}"
    );

    // Kept: the attempt and the schedule, in reviews.json.
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("reviews.json")).unwrap())
            .unwrap();
    let attempt = &saved["reviews"]["troubleshooting"][0];
    assert_eq!(attempt["scenario"], "disk-deleted-open");
    assert_eq!(attempt["date"], today().to_string());
    assert_eq!(attempt["solved"], true);
    assert_eq!(attempt["score"], 100);
    assert_eq!(attempt["rating"], 4);
    assert_eq!(attempt["lines"].as_array().unwrap().len(), 10);
    assert_eq!(
        attempt["commands"],
        serde_json::json!(["what changed?", "uptime", "df -h", "du -xsh /", "lsof +L1"])
    );
    assert_eq!(
        attempt["hypotheses"],
        serde_json::json!([
            "the root filesystem is full and writes fail with ENOSPC",
            "a deleted file is still held open by a process"
        ])
    );
    let due = (today() + chrono::Duration::days(8)).to_string();
    assert_eq!(
        saved["reviews"]["scenarios"]["disk-deleted-open"]["due"],
        due
    );

    // Back to the list: the best score and when it comes back.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Scenarios);
    let list = screen(&mut app, 80, 24);
    assert!(list.contains("16 scenarios · 1 solved · 0 due"), "{list}");
    assert!(
        list.contains(" ✓ 100  Disk full, but du finds nothing"),
        "{list}"
    );
    assert!(list.contains("in 8d"), "{list}");
    key(&mut app, KeyCode::Esc);
    assert!(
        screen(&mut app, 80, 24).contains("Troubleshooting (t): 1 of 16 scenarios solved"),
        "step 4 counts it"
    );
    // The checklist counts it too (1 of 3).
    key(&mut app, KeyCode::Esc);
    press(&mut app, "c");
    while app.score_some(usize::MAX) {}
    let checklist = screen(&mut app, 120, 80);
    assert!(
        checklist.contains("Troubleshooting: 3 scenarios solved in the last 14 days"),
        "{checklist}"
    );
    assert!(
        checklist.contains("1 of 3 scenarios solved (score 60+) in the last 14 days"),
        "{checklist}"
    );
}

#[test]
fn giving_up_keeps_an_unsolved_round_and_leaving_at_once_keeps_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    start(&mut app);
    // Nothing typed: Esc leaves without a trace.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Scenarios);
    assert!(!tmp.path().join("reviews.json").exists());

    key(&mut app, KeyCode::Enter);
    line(&mut app, "df -h");
    line(&mut app, "hint");
    assert!(
        screen(&mut app, 80, 24).contains("[hint 1 of 3, -8 points]"),
        "a hint on request"
    );
    key(&mut app, KeyCode::Esc);
    assert!(
        screen(&mut app, 80, 24).contains("Give up this round?"),
        "giving up asks"
    );
    press(&mut app, "y");
    let result = screen(&mut app, 80, 24);
    assert!(result.contains("Not solved (gave up) · 0/100"), "{result}");
    // The answer is shown after giving up: G goes to its end, g back to the
    // top, and j scrolls to the same end and stops there.
    press(&mut app, "G");
    let end = screen(&mut app, 80, 24);
    assert!(
        end.contains("c logrotate deleted app.log.1 while java still holds it open"),
        "{end}"
    );
    press(&mut app, "g");
    assert!(screen(&mut app, 80, 24).contains("Not solved (gave up)"));
    let mut all = String::new();
    let mut last = String::new();
    for _ in 0..200 {
        let now = screen(&mut app, 80, 24);
        if now == last {
            break;
        }
        all.push_str(&now);
        last = now;
        press(&mut app, "j");
    }
    assert!(all.contains("The root cause"), "{all}");
    assert!(all.contains("df -h  · no hypothesis: a scan"), "{all}");
    assert!(
        last.contains("c logrotate deleted app.log.1 while java still holds it open"),
        "the model path ends the judgment, at the bottom: {last}"
    );
    assert_eq!(end, last, "G and j end at the same place");

    let saved = std::fs::read_to_string(tmp.path().join("reviews.json")).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let attempt = &saved["reviews"]["troubleshooting"][0];
    assert_eq!(attempt["solved"], false);
    assert_eq!(attempt["hints"], 1);
    assert_eq!(attempt["rating"], 1, "unsolved is Again");
    assert_eq!(
        saved["reviews"]["scenarios"]["disk-deleted-open"]["due"],
        today().to_string(),
        "an unsolved scenario is due again at once"
    );
}

#[test]
fn wide_output_scrolls_sideways_history_recalls_and_a_paste_plays_each_line() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    start(&mut app);
    line(&mut app, "free -m");
    line(&mut app, "iostat -x 1 3");
    let before = screen(&mut app, 80, 24);
    assert!(
        before.contains("Device            r/s     rkB/s"),
        "{before}"
    );
    assert!(
        !before.contains("%util"),
        "iostat -x is wider than 80 columns"
    );
    // PgUp scrolls back to the first row, and no further.
    for _ in 0..5 {
        key(&mut app, KeyCode::PageUp);
    }
    let top = screen(&mut app, 80, 24);
    assert!(top.contains("│$ free -m"), "{top}");
    assert!(!top.contains("nvme0n1 "), "{top}");
    // The way back down is named by the keymap's key for it.
    assert!(top.contains(" rows · PgDn "), "{top}");
    key(&mut app, KeyCode::PageDown);
    key(&mut app, KeyCode::PageDown);
    assert!(
        screen(&mut app, 80, 24).contains("nvme0n1 "),
        "back at the bottom"
    );

    for _ in 0..10 {
        key(&mut app, KeyCode::Right);
    }
    let after = screen(&mut app, 80, 24);
    assert!(
        after.contains("aqu-sz  %util│"),
        "scrolled to the right edge, and no further: {after}"
    );
    assert!(after.contains("→ 119 columns · ← back"), "{after}");

    key(&mut app, KeyCode::Up);
    assert_eq!(app.round().unwrap().typed.text(), "iostat -x 1 3");
    common::ctrl(&mut app, 'u');
    app.handle_event(&crossterm::event::Event::Paste("uptime\ndf -i\nfre".into()));
    let round = app.round().unwrap();
    assert_eq!(round.inputs.len(), 4, "two pasted lines played");
    assert_eq!(round.typed.text(), "fre", "the unfinished line stays typed");
    assert!(screen(&mut app, 80, 24).contains("IUse%"), "df -i answered");

    // Output that starts with a bracket is still output: one row a line.
    common::ctrl(&mut app, 'u');
    line(&mut app, "dmesg | tail -2");
    let shown = screen(&mut app, 80, 24);
    assert!(!shown.contains('␊'), "{shown}");
    assert!(
        shown.contains("│[    6.284119] NET: Registered PF_PACKET protocol family"),
        "{shown}"
    );
    assert!(
        shown.contains("│[    9.771004] systemd-journald[389]: Received client request"),
        "{shown}"
    );
}

#[test]
fn scenario_screens_at_80x24() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    settings().bind(|| {
        press(&mut app, "4t");
        insta::assert_snapshot!("scenarios_80x24", screen(&mut app, 80, 24));
        key(&mut app, KeyCode::Enter);
        insta::assert_snapshot!("round_start_80x24", screen(&mut app, 80, 24));
        for text in &MODEL[..5] {
            line(&mut app, text);
        }
        type_text(&mut app, "du -xsh /");
        insta::assert_snapshot!("round_playing_80x24", screen(&mut app, 80, 24));
        key(&mut app, KeyCode::Enter);
        for text in &MODEL[6..] {
            line(&mut app, text);
        }
        insta::assert_snapshot!("round_judged_80x24", screen(&mut app, 80, 24));
    });
}

#[test]
fn the_footers_fit_at_80x24_and_60x18() {
    let tmp = tempfile::tempdir().unwrap();
    for (w, h) in [(80, 24), (60, 18)] {
        let mut app = open(tmp.path());
        press(&mut app, "4t");
        let list = screen(&mut app, w, h);
        assert!(list.lines().last().unwrap().ends_with("? help"), "{list}");
        key(&mut app, KeyCode::Enter);
        let round = screen(&mut app, w, h);
        assert!(
            round.lines().last().unwrap().ends_with("F1 help"),
            "{round}"
        );
        line(&mut app, "c a deleted file held open");
        let result = screen(&mut app, w, h);
        assert!(
            result.lines().last().unwrap().ends_with("? help"),
            "{result}"
        );
    }
}

#[test]
fn a_read_only_window_plays_but_keeps_nothing_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let _holder = sre_prep::store::Store::open(tmp.path()).unwrap();
    let mut app = open(tmp.path());
    assert!(app.read_only().is_some());
    start(&mut app);
    line(&mut app, "lsof +L1");
    line(&mut app, "c a deleted log file still held open by java");
    let result = screen(&mut app, 80, 24);
    assert!(result.contains("not saved"), "{result}");
    assert!(result.contains("This round was not kept"), "{result}");
    assert!(!tmp.path().join("reviews.json").exists());
}
