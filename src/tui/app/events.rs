//! Terminal events into the app: a key becomes an [`Action`] for the live
//! context (or text for the focused input), a paste goes to the input on
//! screen, a click or the wheel to what the last frame drew under it.

use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

use super::{App, Pane, Screen, ScreenId, Scroll, ScrollTo, Status, StatusKind};
use crate::tui::keymap::{Action, Context, action_for};

impl App {
    pub fn handle_event(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.handle_key(key),
            Event::Mouse(mouse) => self.handle_mouse(mouse),
            Event::Paste(text) => self.handle_paste(text),
            Event::Resize(w, h) => self.size = (*w, *h),
            _ => {}
        }
    }

    pub fn handle_key(&mut self, key: &KeyEvent) {
        let context = self.context();
        if let Some(action) = action_for(context, key) {
            // A new key press clears an old message, unless it is an error being read.
            if !matches!(
                self.overlays.status,
                Some(Status {
                    kind: StatusKind::Error,
                    ..
                })
            ) || action == Action::Back
            {
                self.overlays.status = None;
            }
            self.update(action);
            return;
        }
        match context {
            Context::Editor | Context::Form => self.editor_input(key),
            Context::Rehearse => self.rehearsal_input(key),
            Context::Quiz => self.quiz_input(key),
            Context::Troubleshoot => self.troubleshoot_input(key),
            Context::PostmortemSource => self.postmortem_input(key),
            Context::Filter => self.filter_input(key),
            _ => {}
        }
    }

    fn handle_paste(&mut self, text: &str) {
        if self.overlays.confirm.is_some() {
            return;
        }
        match self.context() {
            Context::Filter => self.filter_paste(text),
            Context::Quiz => self.quiz_paste(text),
            _ => {}
        }
        match self.screen.id() {
            ScreenId::Rehearse => self.rehearsal_paste(text),
            ScreenId::Troubleshoot => self.troubleshoot_paste(text),
            ScreenId::Postmortem => self.postmortem_paste(text),
            ScreenId::Editor | ScreenId::Form => self.editor_paste(text),
            _ => {}
        }
    }

    /// A click or the wheel, on what the last frame drew where it points.
    fn handle_mouse(&mut self, mouse: &MouseEvent) {
        if self.overlays.confirm.is_some() {
            return;
        }
        let at = (mouse.column, mouse.row).into();
        // The wheel scrolls what is under the pointer: a pane's text by
        // three rows, a list by one row.
        let wheel = match mouse.kind {
            MouseEventKind::ScrollDown => Some(1),
            MouseEventKind::ScrollUp => Some(-1),
            _ => None,
        };
        if let Some(help) = self.overlays.help {
            if let Some(step) = wheel {
                self.scroll(Scroll::Help(help.under), ScrollTo::By(3 * step));
            }
            return;
        }
        if self.screen.picker().is_some() {
            return;
        }
        let drawn = self.caches.last_frame.areas();
        if !drawn.drawn_for(self.screen.id()) {
            // A key changed the screen since the last frame: the click was
            // aimed at something no longer there.
            return;
        }
        let collection = match &self.screen {
            Screen::Items(view) => Some(view.kind),
            _ => None,
        };
        let on_detail = drawn.detail.is_some_and(|d| d.contains(at));
        let clicked = drawn.list.and_then(|list| list.entry_at(at));
        match (self.screen.id(), wheel) {
            (ScreenId::Stories, Some(step)) if on_detail => {
                self.scroll(Scroll::StoryDetail, ScrollTo::By(3 * step))
            }
            (ScreenId::Stories, Some(step)) => {
                let to = self.list().selected().saturating_add_signed(step as isize);
                self.move_selection(to);
            }
            (ScreenId::Designs | ScreenId::Metrics | ScreenId::Opinions, Some(step)) => {
                let Some(kind) = collection else { return };
                if on_detail {
                    self.scroll(Scroll::StepDetail(kind), ScrollTo::By(3 * step));
                } else if let Some(now) = self.selected_index(kind) {
                    self.select_item(kind, now.saturating_add_signed(step as isize));
                }
            }
            (ScreenId::Spoken, Some(step)) => self.scroll(Scroll::Spoken, ScrollTo::By(3 * step)),
            (ScreenId::Checklist, Some(step)) => {
                self.scroll(Scroll::Checklist, ScrollTo::By(3 * step))
            }
            (ScreenId::Rehearse, Some(step)) => {
                self.scroll(Scroll::RehearsalResult, ScrollTo::By(3 * step))
            }
            (_, Some(_)) => {}
            (_, None) if mouse.kind != MouseEventKind::Down(MouseButton::Left) => {}
            (ScreenId::Stories, None) => {
                if let Some(row) = clicked {
                    if let Some(view) = self.stories_view_mut() {
                        view.pane = Pane::List;
                    }
                    self.move_selection(row);
                }
            }
            (ScreenId::Designs | ScreenId::Metrics | ScreenId::Opinions, None) => {
                let Some(kind) = collection else { return };
                if let Some(row) = clicked {
                    if let Screen::Items(view) = &mut self.screen {
                        view.pane = Pane::List;
                    }
                    self.select_item(kind, row);
                }
            }
            (ScreenId::Home, None) => {
                if let Some(step) = drawn
                    .home_steps
                    .iter()
                    .position(|r| r.height > 0 && r.contains(at))
                {
                    self.places.step = step;
                    self.update(Action::Open);
                }
            }
            _ => {}
        }
    }
}
