//! Thousands of random events — keys, resizes, pastes, mouse — through the
//! app over a small kit, with a frame drawn after each one and what a user
//! would notice checked: no panic, the selected item exists and is on
//! screen, what the app holds is what is on disk, nothing scrolls into a
//! blank pane. The RNG is seeded, so a failure names its seed and replays:
//! `SRE_PREP_SEED=<seed> cargo test --test tui_random`.

mod common;

use std::collections::VecDeque;
use std::path::Path;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use proptest::prelude::RngExt;
use proptest::test_runner::{RngAlgorithm, TestRng};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use sre_prep::content::questions::QUESTIONS;
use sre_prep::tui::app::{App, Confirm, Pending, ScreenId};
use sre_prep::tui::form::FormKind;
use sre_prep::tui::theme::Theme;

/// Steps per seed (a step is one event or a short sequence a user would
/// type: about 2.4 events), and the seeds run by default.
const STEPS: usize = 2000;
const SEEDS: [u64; 2] = [1, 2];

/// Keys with a meaning somewhere, and some without.
const KEYS: &[KeyCode] = &[
    KeyCode::Char('j'),
    KeyCode::Char('k'),
    KeyCode::Char('h'),
    KeyCode::Char('l'),
    KeyCode::Char('g'),
    KeyCode::Char('G'),
    KeyCode::Char('1'),
    KeyCode::Char('2'),
    KeyCode::Char('3'),
    KeyCode::Char('4'),
    KeyCode::Char('5'),
    KeyCode::Char('n'),
    KeyCode::Char('e'),
    KeyCode::Char('E'),
    KeyCode::Char('d'),
    KeyCode::Char('y'),
    KeyCode::Char('x'),
    KeyCode::Char('s'),
    KeyCode::Char('r'),
    KeyCode::Char('R'),
    KeyCode::Char('c'),
    KeyCode::Char('m'),
    KeyCode::Char('M'),
    KeyCode::Char('i'),
    KeyCode::Char('p'),
    KeyCode::Char('o'),
    KeyCode::Char('/'),
    KeyCode::Char('t'),
    KeyCode::Char('w'),
    KeyCode::Char('+'),
    KeyCode::Char('-'),
    KeyCode::Char('?'),
    KeyCode::Char(' '),
    KeyCode::Char('a'),
    KeyCode::Char('事'),
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::F(1),
];

const SIZES: &[(u16, u16)] = &[
    (80, 24),
    (60, 18),
    (59, 17),
    (61, 19),
    (100, 30),
    (120, 40),
    (200, 60),
    (40, 10),
    (80, 18),
    (60, 40),
];

const PASTES: &[&str] = &[
    "checkout failed for 12% of EU users",
    "事故対応: 支払いAPIが40分停止",
    "🔥 outage 🔥\r\nline two",
    "MTTR: 42 min -> 11 min",
    "",
    "\x1b]0;title\x07evil",
    "a very long line a very long line a very long line a very long line a very long line a very long line",
];

const TITLES: &[&str] = &[
    "DNS outage",
    "支払いAPIの障害対応と再発防止",
    "🔥 Pager storm 🔥",
    "a",
    "Zeta: the title that sorts last and is long enough to be clipped at 80 columns wide",
];

/// The small kit every run starts from: a CJK and an emoji title among them.
fn small_kit(dir: &Path) {
    let kit = r#"{ "version": 1,
      "stories": [
        { "id": "cjk", "title": "決済データベース接続プール枯渇 🔥", "blast_radius": "Checkout failed for 31% of EU customers for 47 minutes.",
          "role": "I was incident commander. I paged the DBA.", "decision": "I decided to shed load instead of failing over, because the host was healthy.",
          "fix": "I raised pool_max from 20 to 80.", "root_cause": "The pool wait graph in Grafana showed 3 s waits.",
          "systemic_change": "I added an alert on pool saturation.", "metrics": [ { "name": "MTTR", "before": "47 min", "after": "12 min" } ] },
        { "id": "plain", "title": "Plain story", "blast_radius": "Some users were affected." } ],
      "designs": [ { "id": "ci-cd", "prompt": "ci-cd", "title": "Monorepo CI/CD 🚀", "real_system": "The platform I ran for 120 engineers." } ],
      "metrics": [ { "id": "mttd", "name": "MTTD", "kind": "mttd", "before": "8 min", "after": "90 s", "note": "" },
                   { "id": "slo", "name": "Availability", "kind": "slo", "before": "99.5%", "after": "99.9%", "note": "" } ],
      "opinions": [ { "id": "slo-alerting", "stance": "SLO-based alerting", "over": "CPU alerts", "because": "pages should mean users hurt", "evidence": "", "limits": "" } ] }"#;
    let store = sre_prep::store::Store::open(dir).unwrap();
    let mut current = sre_prep::store::load(dir).kit;
    let incoming = sre_prep::kit::exchange::parse_import(kit, Path::new("kit.json")).unwrap();
    sre_prep::store::import_kit(&store, &mut current, incoming, Path::new("kit.json")).unwrap();
}

fn open(dir: &Path, size: (u16, u16)) -> App {
    let mut app = App::open(dir, common::today(), Theme { color: true });
    while app.score_some(usize::MAX) {}
    app.size = size;
    app
}

fn key_event(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl_event(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// What happened to a story deleted in the list: was it the first, the
/// last, the only one?
#[derive(Default, Debug)]
struct Deletes {
    first: usize,
    last: usize,
    only: usize,
    items: usize,
}

/// One random step: a single event, or a short sequence a user would type.
fn next_events(rng: &mut TestRng, app: &App) -> Vec<Event> {
    let roll = rng.random_range(0..100u32);
    match roll {
        0..=54 => vec![key_event(KEYS[rng.random_range(0..KEYS.len())])],
        // Delete what is selected, and say yes.
        55..=60 => vec![key_event(KeyCode::Char('d')), key_event(KeyCode::Char('y'))],
        // Delete the first, the last or another story.
        61..=66 => {
            let mut events = vec![
                key_event(KeyCode::Esc),
                key_event(KeyCode::Esc),
                key_event(KeyCode::Char('1')),
            ];
            match rng.random_range(0..3u32) {
                0 => events.push(key_event(KeyCode::Char('g'))),
                1 => events.push(key_event(KeyCode::Char('G'))),
                _ => events.push(key_event(KeyCode::Char('j'))),
            }
            events.push(key_event(KeyCode::Char('d')));
            events.push(key_event(KeyCode::Char('y')));
            events
        }
        // Write a story and save it.
        67..=69 => {
            let mut events = vec![key_event(KeyCode::Esc), key_event(KeyCode::Char('n'))];
            let title = TITLES[rng.random_range(0..TITLES.len())];
            events.extend(title.chars().map(|c| key_event(KeyCode::Char(c))));
            events.push(ctrl_event('s'));
            events.push(key_event(KeyCode::Esc));
            events
        }
        70..=74 => {
            let (w, h) = SIZES[rng.random_range(0..SIZES.len())];
            vec![Event::Resize(w, h)]
        }
        75..=79 => vec![Event::Paste(
            PASTES[rng.random_range(0..PASTES.len())].to_string(),
        )],
        80..=89 => {
            let kind = match rng.random_range(0..3u32) {
                0 => MouseEventKind::ScrollDown,
                1 => MouseEventKind::ScrollUp,
                _ => MouseEventKind::Down(MouseButton::Left),
            };
            vec![Event::Mouse(MouseEvent {
                kind,
                column: rng.random_range(0..app.size.0.max(1)),
                row: rng.random_range(0..app.size.1.max(1)),
                modifiers: KeyModifiers::NONE,
            })]
        }
        // Back out and go to a step (or home), to keep exploring.
        90..=95 => {
            let to = ['1', '2', '3', '4', '5', 'c'][rng.random_range(0..6)];
            vec![
                key_event(KeyCode::Esc),
                key_event(KeyCode::Char('n')),
                key_event(KeyCode::Esc),
                key_event(KeyCode::Esc),
                key_event(KeyCode::Char('y')),
                key_event(KeyCode::Esc),
                key_event(KeyCode::Char(to)),
            ]
        }
        96..=97 => vec![ctrl_event('s')],
        98 => vec![ctrl_event('c')],
        _ => vec![key_event(KeyCode::Char('q'))],
    }
}

/// The screen's text, each wide character once.
fn text_of(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            // A wide character's second cell holds a filler: skip it.
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        out.push('\n');
    }
    out
}

fn json_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
                .count()
        })
        .unwrap_or(0)
}

/// The first few columns of a title as the list shows them.
fn shown_prefix(title: &str) -> String {
    let title = if title.trim().is_empty() {
        "(untitled)"
    } else {
        title
    };
    sre_prep::tui::widgets::clip(title, 6)
        .trim_end_matches('…')
        .to_string()
}

/// What a user would notice is wrong, if anything.
fn check(app: &App, buffer: &Buffer, dir: &Path) -> Result<(), String> {
    let text = text_of(buffer);
    if let Some(c) = text.chars().find(|c| c.is_control() && *c != '\n') {
        return Err(format!("a control character reached the screen: {c:?}"));
    }
    // What the app holds is what is on disk.
    let on_disk = json_files(&dir.join("stories"));
    if on_disk != app.kit().stories.len() {
        return Err(format!(
            "{} stories in the app, {on_disk} files in stories/",
            app.kit().stories.len()
        ));
    }
    let designs = json_files(&dir.join("designs"));
    if designs != app.kit().designs.len() {
        return Err(format!(
            "{} designs in the app, {designs} files in designs/",
            app.kit().designs.len()
        ));
    }
    // The stories list (the user's, or the examples): a selection exactly
    // when something is shown.
    let list = app.list();
    if (list.shown() > 0) != app.selected_story().is_some() {
        return Err(format!(
            "{} stories shown but selected: {:?}",
            list.shown(),
            app.selected_story().map(|s| &s.id)
        ));
    }
    if list.shown() > 0 && list.selected() >= list.shown() {
        return Err(format!(
            "row {} selected of {}",
            list.selected(),
            list.shown()
        ));
    }
    if let Some(coverage) = app.coverage()
        && (coverage.question >= QUESTIONS.len()
            || coverage.story >= app.kit().stories.len().max(1))
    {
        return Err(format!("coverage cursor off the matrix: {coverage:?}"));
    }
    if app.places().topic >= app.deck_topics().len() {
        return Err(format!("deck row {} selected", app.places().topic));
    }
    let too_small = buffer.area.width < 60 || buffer.area.height < 18;
    if too_small {
        return if text.contains("Terminal too small") {
            Ok(())
        } else {
            Err("a too-small terminal is not told so".into())
        };
    }
    let first_row: String = text.lines().next().unwrap_or_default().to_string();
    if !first_row.starts_with(" sre-prep") {
        return Err(format!("the header is gone: {first_row:?}"));
    }
    let last_row = text.lines().last().unwrap_or_default();
    if last_row.trim().is_empty() {
        return Err("the footer row is blank".into());
    }
    let overlay = app.help().is_some() || app.confirm().is_some() || app.picker().is_some();
    if overlay || app.status().is_some() {
        return Ok(());
    }
    // The selected item is on screen.
    let selected_title = match app.screen() {
        ScreenId::Stories => app.selected_story().map(|s| s.title.clone()),
        ScreenId::Designs | ScreenId::Opinions | ScreenId::Metrics => {
            let kind = match app.screen() {
                ScreenId::Designs => FormKind::Design,
                ScreenId::Opinions => FormKind::Opinion,
                _ => FormKind::Metric,
            };
            let len = app.list_len(kind);
            let selected = app.selected_index(kind);
            if (len > 0) != selected.is_some() {
                return Err(format!("{len} items, selected {selected:?}"));
            }
            selected.map(|i| app.item_title(kind, i))
        }
        _ => None,
    };
    if let Some(title) = selected_title {
        let prefix = shown_prefix(&title);
        if !text.contains(&prefix) {
            return Err(format!("the selected {title:?} is not on screen:\n{text}"));
        }
    }
    // A detail pane scrolled past its end shows nothing but its border.
    if app.screen() == ScreenId::Stories && app.selected_story().is_some() {
        let detail = sre_prep::tui::layout::stories(app.screen_area()).detail;
        let inner_has_text = (detail.y + 1..detail.y + detail.height.saturating_sub(1)).any(|y| {
            (detail.x + 1..detail.x + detail.width.saturating_sub(1))
                .any(|x| !buffer[(x, y)].symbol().trim().is_empty())
        });
        if !inner_has_text {
            return Err(format!("the detail pane is blank:\n{text}"));
        }
    }
    Ok(())
}

/// `$EDITOR`, played by the test: the text back as it was, edited, broken,
/// or the editor failing.
fn play_editor(rng: &mut TestRng, app: &mut App) {
    // Quitting is for the loop below to see.
    let Some(pending) = app.pending.take_if(|p| *p != Pending::Quit) else {
        return;
    };
    let answer = |text: &str, rng: &mut TestRng| -> Result<String, String> {
        match rng.random_range(0..4u32) {
            0 => Ok(text.to_string()),
            1 => Ok(text.replacen("\n", " (edited)\n", 1)),
            2 => Ok(format!("# Nonsense heading\n{text}")),
            _ => Err("the editor exited with status 1; nothing was changed".into()),
        }
    };
    match pending {
        Pending::Edit { target, text } => {
            let result = answer(&text, rng);
            app.finish_external_edit(&target, result);
        }
        Pending::Quit => {}
    }
}

fn run(seed: u64) {
    let tmp = tempfile::tempdir().unwrap();
    small_kit(tmp.path());
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes);
    let mut app = open(tmp.path(), (80, 24));
    let mut recent: VecDeque<String> = VecDeque::new();
    let mut deletes = Deletes::default();
    let mut events = 0;
    for step in 0..STEPS {
        for event in next_events(&mut rng, &app) {
            events += 1;
            recent.push_back(format!("{step}: {event:?} on {:?}", app.screen()));
            if recent.len() > 40 {
                recent.pop_front();
            }
            // Count the deletes that matter: first, last, only.
            if let (Some(Confirm::DeleteStory { .. }), Event::Key(k)) = (app.confirm(), &event)
                && k.code == KeyCode::Char('y')
            {
                let list = app.scored();
                deletes.only += usize::from(list.shown() == 1);
                deletes.first += usize::from(list.shown() > 1 && list.selected() == 0);
                deletes.last +=
                    usize::from(list.shown() > 1 && list.selected() + 1 == list.shown());
            }
            if let (Some(Confirm::DeleteItem { .. }), Event::Key(k)) = (app.confirm(), &event)
                && k.code == KeyCode::Char('y')
            {
                deletes.items += 1;
            }
            app.handle_event(&event);
            play_editor(&mut rng, &mut app);
            // As the event loop does between events: score what changed.
            if !app.scoring_done() {
                app.score_some(25);
            }
            if app.quitting() {
                // Start again, as a user would.
                let size = app.size;
                drop(app);
                app = open(tmp.path(), size);
            }
            let (w, h) = app.size;
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal
                .draw(|frame| frame.render_widget(&app, frame.area()))
                .unwrap();
            if let Err(why) = check(&app, terminal.backend().buffer(), tmp.path()) {
                panic!(
                    "seed {seed}, step {step}: {why}\nlast events:\n{}",
                    recent.iter().cloned().collect::<Vec<_>>().join("\n")
                );
            }
        }
    }
    eprintln!("seed {seed}: {events} events, {deletes:?}");
    assert!(
        deletes.first > 0 && deletes.last > 0 && deletes.only > 0 && deletes.items > 0,
        "seed {seed} did not delete the first, the last and the only story, and an item: {deletes:?}"
    );
}

#[test]
fn random_events_never_break_what_the_user_sees() {
    let seeds: Vec<u64> = match std::env::var("SRE_PREP_SEED") {
        Ok(seed) => vec![seed.parse().expect("SRE_PREP_SEED is a number")],
        Err(_) => SEEDS.to_vec(),
    };
    for seed in seeds {
        run(seed);
    }
}
