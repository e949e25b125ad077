//! Budgets: drawing the stories screen with 1,000 stories at 200x60 under
//! 2 ms; a keystroke in the editor (with live rescoring) handled and drawn
//! under 5 ms.

mod support;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sre_prep::store::Store;
use sre_prep::tui::app::App;
use sre_prep::tui::theme::Theme;

fn app_with(n: usize) -> (tempfile::TempDir, App) {
    let tmp = tempfile::tempdir().unwrap();
    {
        let store = Store::open(tmp.path()).unwrap();
        store
            .save_stories(&support::stories_only(n).stories)
            .unwrap();
    }
    let mut app = App::open(
        tmp.path(),
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        Theme { color: true },
    );
    while app.score_some(usize::MAX) {}
    (tmp, app)
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
}

fn draw_stories(c: &mut Criterion) {
    let (_tmp, mut app) = app_with(1000);
    key(&mut app, KeyCode::Char('1'));
    app.size = (200, 60);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("draw the stories screen, 1,000 stories, 200x60", |b| {
        b.iter(|| {
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .unwrap()
                .area
        })
    });
}

fn editor_keystroke(c: &mut Criterion) {
    let (_tmp, mut app) = app_with(1000);
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Tab);
    app.size = (100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut n = 0u32;
    c.bench_function("editor keystroke: handle, rescore, draw (100x30)", |b| {
        b.iter(|| {
            n += 1;
            // Type and erase, so the text stays the same size.
            let code = if n.is_multiple_of(2) {
                KeyCode::Backspace
            } else {
                KeyCode::Char('x')
            };
            key(&mut app, code);
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .unwrap()
                .area
        })
    });
}

criterion_group!(benches, draw_stories, editor_keystroke);
criterion_main!(benches);
