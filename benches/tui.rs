//! Budgets: drawing the stories screen with 1,000 stories at 200x60 under
//! 2 ms; a keystroke in the editor (with live rescoring) handled and drawn
//! under 5 ms; with 5,000 stories, the app has everything scored and the
//! checklist worked out in at most 1.3x what `check` takes to load and
//! assess the same data (both in-process here; the binaries are compared by
//! `cargo bench --bench first_frame -- --stories 5000 --marker "checks met"
//! --versus-check`); the first frame with 20,000 stories (the lock, one
//! listing of the folders, the frame drawn) under 10 ms — in-process here,
//! the real binary in a terminal in benches/first_frame.rs.

mod support;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sre_prep::cli::load_everything;
use sre_prep::readiness::{Inputs, assess};
use sre_prep::store::Store;
use sre_prep::tui::app::App;
use sre_prep::tui::theme::Theme;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// A data directory of `n` synthetic stories.
fn data_dir(n: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    store
        .save_stories(&support::stories_only(n).stories)
        .unwrap();
    tmp
}

fn app_with(n: usize) -> (tempfile::TempDir, App) {
    let tmp = data_dir(n);
    let mut app = App::open(tmp.path(), today(), Theme { color: true });
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

/// The app opened on 5,000 stories until everything is scored and the
/// checklist worked out, beside what `check` does with the same data.
fn open_and_score(c: &mut Criterion) {
    let tmp = data_dir(5000);
    let mut group = c.benchmark_group("5,000 stories");
    group.sample_size(10);
    group.bench_function("the app: open, everything scored, checklist", |b| {
        b.iter(|| {
            let mut app = App::open(tmp.path(), today(), Theme { color: true });
            while app.score_some(usize::MAX) {}
            app.readiness().map(|r| r.score)
        })
    });
    group.bench_function("check: load and assess", |b| {
        b.iter(|| {
            let all = load_everything(tmp.path());
            assess(&Inputs {
                kit: &all.kit,
                reviews: &all.reviews,
                deck: &all.deck,
                today: today(),
            })
            .score
        })
    });
    group.finish();
}

/// The first frame with 20,000 stories: the lock, the folders listed (and
/// counted), the home screen drawn at 100x30.
fn first_frame(c: &mut Criterion) {
    let tmp = data_dir(20_000);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    c.bench_function("first frame, 20,000 stories: open and draw (100x30)", |b| {
        b.iter(|| {
            let app = App::open_first_frame(tmp.path(), today(), Theme { color: true });
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .unwrap()
                .area
        })
    });
}

criterion_group!(
    benches,
    draw_stories,
    editor_keystroke,
    open_and_score,
    first_frame
);
criterion_main!(benches);
