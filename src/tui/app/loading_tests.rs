//! Opening the app on a big kit: every story is scored once, whatever
//! screen shows it, and each folder of the data directory is listed once.

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::{App, ScreenId};
use crate::evaluate::scoring_count;
use crate::kit::{Design, Opinion, Story, StoryMetric};
use crate::store::Store;
use crate::store::listing::tests::{DirOpens, folders};
use crate::tui::theme::Theme;

/// A story worth scoring, with an id no other test uses.
fn story(prefix: &str, n: usize) -> Story {
    Story {
        id: format!("{prefix}-{n:03}"),
        title: format!("Outage {n}"),
        blast_radius: format!(
            "For {} minutes {}% of checkout requests failed.",
            10 + n,
            5 + n % 40
        ),
        role: "I was the incident commander and I made the rollback call.".into(),
        decision: "I decided to roll back rather than fix forward, because review took 20 minutes."
            .into(),
        fix: "I rolled back with kubectl rollout undo and added PgBouncer.".into(),
        root_cause: "I compared the pod count with the connection count.".into(),
        systemic_change: "I added an alert on connection saturation above 80%.".into(),
        metrics: vec![StoryMetric {
            name: "MTTR".into(),
            before: format!("{} min", 40 + n),
            after: "12 min".into(),
        }],
        ..Story::default()
    }
}

/// A data directory of `n` stories (and a design and an opinion), closed.
fn data_dir(prefix: &str, n: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let stories: Vec<Story> = (0..n).map(|i| story(prefix, i)).collect();
    store.save_stories(&stories).unwrap();
    store
        .save_designs(&[Design {
            id: format!("{prefix}-design"),
            prompt: "ci-cd".into(),
            title: "CI/CD".into(),
            real_system: "The pipeline I ran for 120 engineers.".into(),
            ..Design::default()
        }])
        .unwrap();
    store
        .save_opinions(&[Opinion {
            id: format!("{prefix}-opinion"),
            stance: "SLO-based alerting".into(),
            over: "CPU alerts".into(),
            because: "a page should mean a user is hurt".into(),
            ..Opinion::default()
        }])
        .unwrap();
    tmp
}

fn open(dir: &Path) -> App {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    App::open(dir, today, Theme { color: true })
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn key(app: &mut App, c: char) {
    app.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

#[test]
fn after_start_each_story_is_scored_once_for_the_list_the_detail_readiness_and_the_cheat_sheet() {
    const N: usize = 120;
    let tmp = data_dir("scored-once", N);
    let times_scored = || -> Vec<(usize, usize)> {
        (0..N)
            .map(|i| (i, scoring_count::of(&format!("scored-once-{i:03}"))))
            .filter(|&(_, times)| times != 1)
            .collect()
    };
    let mut app = open(tmp.path());
    while app.score_some(usize::MAX) {}
    // Home: the list's counts and the readiness line.
    assert!(screen(&app).contains("checks met"), "{}", screen(&app));
    let after_start = times_scored();
    assert!(
        after_start.is_empty(),
        "after start, stories scored other than once (story, times): {after_start:?}"
    );
    // The list and the selected story's detail.
    key(&mut app, '1');
    assert_eq!(app.screen(), ScreenId::Stories);
    let stories = screen(&app);
    assert!(stories.contains("Outage"), "{stories}");
    assert!(app.story_detail().is_some(), "the detail shows a score");
    // The checklist, and the cheat sheet written from it.
    key(&mut app, 'h');
    key(&mut app, 'c');
    assert_eq!(app.screen(), ScreenId::Checklist);
    key(&mut app, 'M');
    let sheet = std::fs::read_to_string(tmp.path().join("cheat-sheet.md")).unwrap();
    assert!(sheet.contains("Outage 7"), "{sheet}");
    let times = times_scored();
    assert!(
        times.is_empty(),
        "after the list, the detail, the checklist and the cheat sheet, stories scored other than once (story, times): {times:?}"
    );
}

#[test]
fn after_start_each_folder_of_the_data_directory_is_listed_once() {
    let tmp = data_dir("listed-once", 30);
    let opens = DirOpens::watch(&folders(tmp.path()));
    let mut app = open(tmp.path());
    while app.score_some(usize::MAX) {}
    assert_eq!(app.kit().stories.len(), 30);
    assert_eq!(app.kit().designs.len(), 1);
    for (dir, times) in opens.opened() {
        assert_eq!(times, 1, "{} listed {times} times", dir.display());
    }
    // Read-only (another sre-prep holds the lock): listed once too.
    let read_only = open(tmp.path());
    assert!(read_only.read_only().is_some());
    assert_eq!(read_only.kit().stories.len(), 30);
    for (dir, times) in opens.opened() {
        assert_eq!(
            times,
            1,
            "read-only: {} listed {times} times",
            dir.display()
        );
    }
}

#[test]
fn a_folder_too_big_to_count_for_the_first_frame_shows_no_number_until_it_is_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let stories = tmp.path().join("stories");
    std::fs::create_dir(&stories).unwrap();
    std::fs::create_dir(tmp.path().join("designs")).unwrap();
    let n = super::FIRST_FRAME_ENTRIES + 100;
    for i in 0..n {
        std::fs::write(
            stories.join(format!("big-{i:05}.json")),
            format!("{{ \"version\": 1, \"title\": \"Story {i}\" }}"),
        )
        .unwrap();
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let opens = DirOpens::watch(&folders(tmp.path()));
    let mut app = App::open_first_frame(tmp.path(), today, Theme { color: true });
    assert!(app.loading() && !app.counted());
    let first = screen(&app);
    assert!(!first.contains("First time here"), "{first}");
    assert!(
        !first.contains(" stories · reading…"),
        "no partial count: {first}"
    );
    assert!(app.count_the_rest());
    let counted = screen(&app);
    assert!(
        counted.contains(&format!("{n} stories · reading…")),
        "{counted}"
    );
    assert!(!app.count_the_rest(), "counted once");
    app.finish_loading();
    assert_eq!(app.kit().stories.len(), n);
    for (dir, times) in opens.opened() {
        assert_eq!(times, 1, "{} listed {times} times", dir.display());
    }
}

#[test]
fn saving_a_story_scores_that_story_again_and_no_other() {
    const N: usize = 30;
    let tmp = data_dir("edit-once", N);
    let mut app = open(tmp.path());
    while app.score_some(usize::MAX) {}
    key(&mut app, '1');
    let edited = app.selected_story().map(|s| s.id.clone()).unwrap();
    // A new title changes nothing the scorer reads: nothing is scored.
    key(&mut app, 'e');
    for c in " (renamed)".chars() {
        key(&mut app, c);
    }
    app.handle_key(&KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    while app.score_some(usize::MAX) {}
    assert!(app.status().is_some_and(|s| s.text.starts_with("Saved")));
    assert_eq!(scoring_count::of(&edited), 1, "a title is not scored");
    // A new sentence in the blast radius: that story is scored again.
    app.handle_key(&KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    for c in " About 1,200 customers saw errors.".chars() {
        key(&mut app, c);
    }
    app.handle_key(&KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    while app.score_some(usize::MAX) {}
    assert!(app.readiness().is_some());
    let scored: Vec<(String, usize)> = (0..N)
        .map(|i| format!("edit-once-{i:03}"))
        .map(|id| {
            let times = scoring_count::of(&id);
            (id, times)
        })
        .filter(|(id, times)| *times != if *id == edited { 2 } else { 1 })
        .collect();
    assert!(
        scored.is_empty(),
        "{edited} edited; scored otherwise than expected (story, times): {scored:?}"
    );
}
