//! Scrolling a pane of text: never past its last line, nor before its
//! first. How far a pane can scroll is what the last frame drew of it
//! (`frame_areas`): the update never works the layout out again.

use super::{App, Screen, Scroll, ScrollTo};
use crate::tui::frame_areas::Areas;

impl App {
    /// Where `pane` can scroll to, as last drawn: its text's last line at
    /// the bottom, and no further. Before the screen on show is drawn (keys
    /// typed faster than frames) there is no limit yet: the draw keeps the
    /// text in view, and the next scroll counts from what it shows.
    pub fn scroll_limit(&self, pane: Scroll) -> u16 {
        self.limit_as_drawn(|areas| areas.scroll_limit(pane))
    }

    /// A scroll limit read from the last frame, if it was of the screen on
    /// show; no limit yet otherwise.
    pub(super) fn limit_as_drawn(&self, read: impl FnOnce(&Areas) -> u16) -> u16 {
        let areas = self.last_frame().areas();
        if areas.drawn_for(self.screen()) {
            read(&areas)
        } else {
            u16::MAX
        }
    }

    fn scroll_position(&mut self, pane: Scroll) -> Option<&mut u16> {
        match (pane, &mut self.screen) {
            (Scroll::Help(_), _) => self.overlays.help.as_mut().map(|h| &mut h.scroll),
            (Scroll::StoryDetail, Screen::Stories(view)) => Some(&mut view.detail_scroll),
            (Scroll::StepDetail(_), Screen::Items(view)) => Some(&mut view.detail_scroll),
            (Scroll::Checklist, Screen::Checklist { scroll }) => Some(scroll),
            (Scroll::Spoken, Screen::Spoken { scroll, .. }) => Some(scroll),
            (Scroll::RehearsalResult, Screen::Rehearse { rehearsal, .. }) => {
                Some(&mut rehearsal.result_scroll)
            }
            _ => None,
        }
    }

    /// Scrolls `pane`, never past the end of its text (nor the start).
    pub(super) fn scroll(&mut self, pane: Scroll, to: ScrollTo) {
        let limit = self.scroll_limit(pane);
        let Some(position) = self.scroll_position(pane) else {
            return;
        };
        // A resize may have left it past the end: count from what is shown.
        let now = i64::from((*position).min(limit));
        *position = match to {
            ScrollTo::By(rows) => (now + i64::from(rows)).clamp(0, i64::from(limit)) as u16,
            ScrollTo::Top => 0,
            ScrollTo::Bottom => limit,
        };
    }

    /// Rows a page scrolls: the height of the list or pane, less one.
    pub(super) fn page_rows(&self) -> i32 {
        i32::from(self.size.1.saturating_sub(8)).max(1)
    }

    pub(super) fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(8)).max(1)
    }
}
