//! Where the last frame drew what the mouse can point at. Drawing records
//! it as it lays the screen out; the mouse reads it back, so a click lands
//! on what the user saw, and nothing works the layout out a second time.

use std::cell::Cell;

use ratatui::layout::{Position, Rect};

use super::app::{ScreenId, Scroll};

/// A list as drawn: the rows inside its border, the entry on the first of
/// them, and how many entries there are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListRows {
    pub rows: Rect,
    pub first: usize,
    pub len: usize,
}

impl ListRows {
    /// The entry drawn at `at`, if one is.
    pub fn entry_at(&self, at: Position) -> Option<usize> {
        if !self.rows.contains(at) {
            return None;
        }
        let entry = self.first + usize::from(at.y - self.rows.y);
        (entry < self.len).then_some(entry)
    }
}

/// What one frame drew where.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// The screen drawn (none when the terminal was too small): a click
    /// that comes before the next screen is drawn is not read against it.
    screen: Option<ScreenId>,
    /// A list of stories, designs, metrics or opinions.
    pub list: Option<ListRows>,
    /// The pane beside the list with the selected entry's text.
    pub detail: Option<Rect>,
    /// The five playbook steps on home (empty rectangles when not drawn).
    pub home_steps: [Rect; 5],
    /// The pane of text on show and how far it can scroll: its last line
    /// at the bottom.
    pub scroll: Option<(Scroll, u16)>,
    /// How far the help over the screen can scroll.
    pub help_scroll: Option<u16>,
    /// How far a troubleshooting round's transcript (back from the newest
    /// line) or its judgment can scroll.
    pub round_scroll: Option<u16>,
}

impl Areas {
    /// True when these areas were drawn for `screen`.
    pub fn drawn_for(&self, screen: ScreenId) -> bool {
        self.screen == Some(screen)
    }

    /// How far `pane` could scroll as last drawn (0 when it was drawn with
    /// nothing to scroll).
    pub fn scroll_limit(&self, pane: Scroll) -> u16 {
        match pane {
            Scroll::Help(_) => self.help_scroll.unwrap_or(0),
            pane => self
                .scroll
                .filter(|(drawn, _)| *drawn == pane)
                .map_or(0, |(_, limit)| limit),
        }
    }
}

/// The areas of the last frame, kept by the app and written while it is
/// drawn from `&App` (a `Cell`: drawing changes nothing else).
#[derive(Debug, Default)]
pub struct LastFrame(Cell<Areas>);

impl LastFrame {
    /// A new frame begins, of `screen` (none: nothing to point at).
    pub fn start(&self, screen: Option<ScreenId>) {
        self.0.set(Areas {
            screen,
            ..Areas::default()
        });
    }

    /// Notes where something was drawn in this frame.
    pub fn record(&self, note: impl FnOnce(&mut Areas)) {
        let mut areas = self.0.get();
        note(&mut areas);
        self.0.set(areas);
    }

    pub fn areas(&self) -> Areas {
        self.0.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_maps_to_the_entry_drawn_there_and_blank_rows_to_none() {
        let list = ListRows {
            rows: Rect::new(1, 2, 30, 5),
            first: 10,
            len: 12,
        };
        assert_eq!(list.entry_at(Position::new(1, 2)), Some(10));
        assert_eq!(list.entry_at(Position::new(5, 3)), Some(11));
        // Below the last entry, on the border, beside the list.
        assert_eq!(list.entry_at(Position::new(5, 4)), None);
        assert_eq!(list.entry_at(Position::new(5, 1)), None);
        assert_eq!(list.entry_at(Position::new(31, 2)), None);
    }

    #[test]
    fn a_frame_forgets_the_areas_of_the_one_before() {
        let frame = LastFrame::default();
        frame.start(Some(ScreenId::Stories));
        frame.record(|a| a.detail = Some(Rect::new(0, 0, 5, 5)));
        assert!(frame.areas().drawn_for(ScreenId::Stories));
        assert!(!frame.areas().drawn_for(ScreenId::Home));
        frame.start(None);
        assert_eq!(frame.areas().detail, None);
        assert!(!frame.areas().drawn_for(ScreenId::Stories));
    }
}
