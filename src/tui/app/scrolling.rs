//! Scrolling a pane of text: never past its last line (worked out at the
//! current size from the text as drawn), nor before its first.

use ratatui::layout::Rect;

use super::{App, Screen, Scroll, ScrollTo};

impl App {
    /// Where `pane` can scroll to at the current size: its text's last
    /// line at the bottom, and no further.
    pub fn scroll_limit(&self, pane: Scroll) -> u16 {
        let area = self.screen_area();
        match pane {
            Scroll::StoryDetail => crate::tui::screens::stories::detail_scroll_limit(self, area),
            Scroll::StepDetail(kind) => {
                crate::tui::screens::steps::detail_scroll_limit(self, kind, area)
            }
            Scroll::Checklist => crate::tui::screens::checklist::scroll_limit(self, area),
            Scroll::Spoken => crate::tui::screens::spoken::scroll_limit(self, area),
            Scroll::Help(under) => crate::tui::screens::help::scroll_limit(
                self,
                under,
                Rect::new(0, 0, self.size.0, self.size.1),
            ),
            Scroll::RehearsalResult => crate::tui::screens::rehearse::scroll_limit(self, area),
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
