//! Helpers shared by the TUI tests: an app on a temp data directory, keys,
//! and the screen as text.
#![allow(dead_code)] // each test file uses part of this

use std::path::Path;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sre_prep::tui::app::App;
use sre_prep::tui::theme::Theme;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// An app on `dir`, with every story scored (as after the first frames).
pub fn open(dir: &Path) -> App {
    let mut app = App::open(dir, today(), Theme { color: true });
    while app.score_some(usize::MAX) {}
    app
}

pub fn key(app: &mut App, code: KeyCode) {
    app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

pub fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        key(app, KeyCode::Char(c));
    }
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        if c == '\n' {
            key(app, KeyCode::Enter);
        } else {
            key(app, KeyCode::Char(c));
        }
    }
}

/// The screen as lines of text, trailing spaces cut, each wide character
/// once (so a line is as wide on screen as the terminal).
pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&*app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        let mut x = 0;
        while x < width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            // A wide character (CJK, emoji) fills two cells: write it once.
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Copies the example stories into `dir` through the real import.
pub fn with_examples(dir: &Path) {
    let store = sre_prep::store::Store::open(dir).unwrap();
    let mut kit = sre_prep::kit::Kit::default();
    let incoming = sre_prep::kit::Kit {
        stories: sre_prep::content::examples::example_stories(),
        ..Default::default()
    };
    sre_prep::store::import_kit(&store, &mut kit, incoming, Path::new("examples")).unwrap();
}

/// The examples, a CJK story, an emoji design, four metrics (eight quiz
/// questions), an opinion, and an interview in 12 days at Acme.
pub fn fit_kit(dir: &Path) {
    with_examples(dir);
    let kit = r#"{ "version": 1,
      "stories": [ { "id": "cjk", "title": "決済データベース接続プール枯渇 🔥",
        "blast_radius": "Checkout failed for 31% of EU customers for 47 minutes, about 12,000 orders.",
        "role": "I was incident commander: I paged the DBA and I ran the call.",
        "decision": "I decided to shed load instead of failing over, because the primary was healthy.",
        "fix": "I raised pool_max from 20 to 80 on the checkout service.",
        "root_cause": "The pool wait graph in Grafana showed 3 s waits.",
        "systemic_change": "I added an alert on pool saturation.",
        "metrics": [ { "name": "MTTR", "before": "47 min", "after": "12 min" } ] } ],
      "designs": [ { "id": "ci-cd", "prompt": "ci-cd", "title": "🚀 Monorepo CI/CD",
        "real_system": "The build and deploy platform I ran for 120 engineers at a payments company." } ],
      "metrics": [
        { "id": "slo", "name": "Checkout availability", "kind": "slo", "before": "99.5%", "after": "99.9%", "note": "30 days" },
        { "id": "mttd", "name": "MTTD for P1 incidents", "kind": "mttd", "before": "8 min", "after": "90 s", "note": "" },
        { "id": "mttr", "name": "MTTR", "kind": "mttr", "before": "47 min", "after": "12 min", "note": "" },
        { "id": "pages", "name": "Pages per week", "kind": "oncall", "before": "38", "after": "6", "note": "" } ],
      "opinions": [ { "id": "slo-alerting", "stance": "SLO-based alerting", "over": "CPU alerts",
        "because": "a page should mean a customer is hurt", "evidence": "False pages fell from 67% to 8% when I moved us.", "limits": "" } ] }"#;
    let store = sre_prep::store::Store::open(dir).unwrap();
    let mut current = sre_prep::store::load(dir).kit;
    let incoming = sre_prep::kit::exchange::parse_import(kit, Path::new("kit.json")).unwrap();
    sre_prep::store::import_kit(&store, &mut current, incoming, Path::new("kit.json")).unwrap();
    std::fs::write(
        dir.join("profile.json"),
        r#"{ "version": 1, "profile": { "interview_date": "2026-12-10", "company": "Acme", "target_role": "SRE" } }"#,
    )
    .unwrap();
}

/// Give a child process its stdin and close it. A program that stops
/// before reading (a bad argument, a missing file) closes the pipe first;
/// that is no failure of the test, whose checks are on what it printed.
pub fn feed(child: &mut std::process::Child, bytes: &[u8]) {
    use std::io::Write as _;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    match stdin.write_all(bytes) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("writing stdin: {e}"),
        _ => {}
    }
}
