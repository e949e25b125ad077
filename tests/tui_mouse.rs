//! The mouse, against what the last frame drew: a click or the wheel at a
//! row picks what was shown on that row, at 80x24 and at 160x48.

mod common;

use std::path::Path;

use common::{fit_kit, open, press, screen};
use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use sre_prep::kit::{Kit, Story};
use sre_prep::tui::app::{App, ScreenId};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16) {
    app.handle_event(&Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }));
}

fn click(app: &mut App, column: u16, row: u16) {
    mouse(app, MouseEventKind::Down(MouseButton::Left), column, row);
}

/// Fourteen stories, "Story 01" to "Story 14": more than a short list shows.
fn many_stories(dir: &Path) {
    let store = sre_prep::store::Store::open(dir).unwrap();
    let mut kit = Kit::default();
    let incoming = Kit {
        stories: (1..=14)
            .map(|i| Story {
                id: format!("s{i:02}"),
                title: format!("Story {i:02}"),
                blast_radius: format!("{i} customers could not log in."),
                ..Story::default()
            })
            .collect(),
        ..Kit::default()
    };
    sre_prep::store::import_kit(&store, &mut kit, incoming, Path::new("test")).unwrap();
}

fn rows(text: &str) -> Vec<Vec<char>> {
    text.lines().map(|l| l.chars().collect()).collect()
}

/// Where `needle` is first on screen: (column, row) of its first character.
fn find(text: &str, needle: &str) -> Option<(u16, u16)> {
    let needle: Vec<char> = needle.chars().collect();
    for (y, row) in rows(text).iter().enumerate() {
        if let Some(x) = row.windows(needle.len()).position(|w| w == needle) {
            return Some((x as u16, y as u16));
        }
    }
    None
}

/// The first line of text inside the pane titled "Detail".
fn detail_first_line(text: &str) -> String {
    let (x, y) = find(text, "┌ Detail").unwrap_or_else(|| panic!("no detail pane:\n{text}"));
    let all = rows(text);
    let row = &all[usize::from(y) + 1];
    row[usize::from(x) + 1..]
        .iter()
        .take_while(|c| **c != '│')
        .collect::<String>()
        .trim_end()
        .to_string()
}

#[test]
fn a_click_on_a_story_row_selects_the_story_drawn_there() {
    for (w, h) in SIZES {
        let tmp = tempfile::tempdir().unwrap();
        many_stories(tmp.path());
        let mut app = open(tmp.path());
        // To the end of the list: at 80x24 it shows its last page.
        press(&mut app, "1G");
        let text = screen(&mut app, w, h);
        for wanted in ["Story 11", "Story 13"] {
            let (x, y) = find(&text, wanted).unwrap_or_else(|| panic!("{wanted}:\n{text}"));
            click(&mut app, x, y);
            let after = screen(&mut app, w, h);
            assert_eq!(detail_first_line(&after), wanted, "at {w}x{h}:\n{after}");
        }
        // Below the last story, or on the border: nothing changes.
        let before = screen(&mut app, w, h);
        let (x, y) = find(&before, "┌ Stories").unwrap();
        click(&mut app, x + 3, y);
        assert_eq!(screen(&mut app, w, h), before);
    }
}

#[test]
fn the_wheel_scrolls_the_detail_under_it_and_moves_the_list_under_it() {
    for (w, h) in SIZES {
        let tmp = tempfile::tempdir().unwrap();
        fit_kit(tmp.path());
        let mut app = open(tmp.path());
        press(&mut app, "1g");
        let before = screen(&mut app, w, h);
        let title = detail_first_line(&before);
        let (x, y) = find(&before, "┌ Detail").unwrap();
        mouse(&mut app, MouseEventKind::ScrollDown, x + 5, y + 3);
        let after = screen(&mut app, w, h);
        assert_ne!(
            detail_first_line(&after),
            title,
            "the detail scrolled at {w}x{h}:\n{after}"
        );
        let (x, y) = find(&before, "┌ Stories").unwrap();
        mouse(&mut app, MouseEventKind::ScrollDown, x + 5, y + 1);
        mouse(&mut app, MouseEventKind::ScrollUp, x + 5, y + 1);
        mouse(&mut app, MouseEventKind::ScrollDown, x + 5, y + 1);
        let moved = screen(&mut app, w, h);
        let second = app.selected_story().unwrap().title.clone();
        assert_ne!(second, title);
        assert_eq!(detail_first_line(&moved), second, "at {w}x{h}:\n{moved}");
    }
}

#[test]
fn a_click_on_a_playbook_step_opens_that_step() {
    for (w, h) in SIZES {
        for (step, header) in [
            ("Reliability metrics", "sre-prep · 3 Reliability metrics"),
            ("Opinions", "sre-prep · 5 Opinions"),
        ] {
            let tmp = tempfile::tempdir().unwrap();
            fit_kit(tmp.path());
            let mut app = open(tmp.path());
            let text = screen(&mut app, w, h);
            let (x, y) = find(&text, step).unwrap_or_else(|| panic!("{step}:\n{text}"));
            click(&mut app, x, y);
            let after = screen(&mut app, w, h);
            assert!(
                after.lines().next().unwrap().contains(header),
                "at {w}x{h}:\n{after}"
            );
        }
    }
}

#[test]
fn a_click_on_a_metric_row_selects_the_metric_drawn_there() {
    for (w, h) in SIZES {
        let tmp = tempfile::tempdir().unwrap();
        fit_kit(tmp.path());
        let mut app = open(tmp.path());
        press(&mut app, "3");
        let text = screen(&mut app, w, h);
        // The detail says the selected metric as a sentence.
        assert!(!text.contains("Pages per week: we went from"), "{text}");
        let (x, y) = find(&text, "Pages per week").unwrap_or_else(|| panic!("{text}"));
        click(&mut app, x, y);
        let after = screen(&mut app, w, h);
        assert!(
            after.contains("Pages per week: we went from 38 to 6"),
            "at {w}x{h}:\n{after}"
        );
    }
}

#[test]
fn a_click_before_the_new_screen_is_drawn_is_not_read_against_the_old_one() {
    let tmp = tempfile::tempdir().unwrap();
    fit_kit(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1");
    let stories = screen(&mut app, 80, 24);
    let (_, y) = find(&stories, "┌ Stories").unwrap();
    // Keys go back home: a click before home is drawn, on the row where
    // the stories screen showed its second story (and home a step).
    press(&mut app, "h");
    click(&mut app, 10, y + 2);
    assert_eq!(app.screen(), ScreenId::Home, "the click opened nothing");
    // Keys open the metrics, a list like the stories: a click before it is
    // drawn selects nothing.
    press(&mut app, "3");
    click(&mut app, 10, y + 2);
    let metrics = screen(&mut app, 80, 24);
    assert!(
        metrics.contains("Checkout availability: we went from"),
        "the first metric is still selected:\n{metrics}"
    );
    // Once drawn, the same click selects the metric drawn there.
    click(&mut app, 10, y + 2);
    let after = screen(&mut app, 80, 24);
    assert!(after.contains("MTTD for P1 incidents: we went"), "{after}");
}
