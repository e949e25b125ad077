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
