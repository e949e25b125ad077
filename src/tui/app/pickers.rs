//! The pickers over a list: a design prompt to answer, a debate to take a
//! side on, a question to rehearse a story against.

use super::{App, Screen};
use crate::content::debates::DEBATES;
use crate::content::design_prompts::DESIGN_PROMPTS;
use crate::kit::{Design, Opinion, OpinionField};
use crate::tui::form::Item;
use crate::tui::keymap::Action;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerKind {
    /// A built-in design prompt, or the user's own (the last row).
    DesignPrompt,
    /// A classic debate to take a side on (first or second position).
    Debate,
    /// A behavioural question to rehearse this story against.
    Question {
        story: String,
        order: Vec<&'static str>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    pub selected: usize,
}

impl Picker {
    /// The rows the picker offers, as text.
    pub fn rows(&self) -> Vec<String> {
        match &self.kind {
            PickerKind::DesignPrompt => DESIGN_PROMPTS
                .iter()
                .map(|p| format!("{} — {}", p.title, p.brief))
                .chain(std::iter::once(
                    "Your own prompt — write it in the Prompt field".to_string(),
                ))
                .collect(),
            PickerKind::Question { order, .. } => order
                .iter()
                .filter_map(|id| crate::content::questions::question(id))
                .map(|q| format!("{}{}", if q.core { "* " } else { "  " }, q.text))
                .collect(),
            PickerKind::Debate => DEBATES
                .iter()
                .flat_map(|d| {
                    [
                        format!("{}: {} over {}", d.topic, d.one, d.other),
                        format!("{}: {} over {}", d.topic, d.other, d.one),
                    ]
                })
                .collect(),
        }
    }
}

impl App {
    /// The picker over the screen on show: it belongs to the list under it.
    fn picker_slot(&mut self) -> Option<&mut Option<Picker>> {
        match &mut self.screen {
            Screen::Stories(view) => Some(&mut view.picker),
            Screen::Items(view) => Some(&mut view.picker),
            _ => None,
        }
    }

    /// Opens a picker over the stories.
    pub(super) fn pick_for_stories(&mut self, picker: Picker) {
        if let Screen::Stories(view) = &mut self.screen {
            view.picker = Some(picker);
        }
    }

    pub(super) fn update_picker(&mut self, action: Action) {
        let Some(slot) = self.picker_slot() else {
            return;
        };
        let Some(picker) = slot.as_mut() else {
            return;
        };
        let rows = picker.rows().len();
        match action {
            Action::Up => picker.selected = picker.selected.saturating_sub(1),
            Action::Down => picker.selected = (picker.selected + 1).min(rows - 1),
            Action::Back => *slot = None,
            Action::Open => {
                let Some(picker) = slot.take() else {
                    return;
                };
                match picker.kind {
                    PickerKind::Question { story, order } => {
                        if let Some(&q) = order.get(picker.selected) {
                            self.start_rehearsal(&story, q, None);
                        }
                    }
                    PickerKind::DesignPrompt => {
                        let design = match DESIGN_PROMPTS.get(picker.selected) {
                            Some(p) => Design {
                                prompt: p.id.to_string(),
                                title: p.title.to_string(),
                                // An exercise with numbers starts from them.
                                requirements: p.scenario.to_string(),
                                ..Design::default()
                            },
                            None => Design::default(),
                        };
                        self.open_form(None, Item::Design(design));
                    }
                    PickerKind::Debate => {
                        let debate = &DEBATES[picker.selected / 2];
                        let (stance, over) = if picker.selected % 2 == 0 {
                            (debate.one, debate.other)
                        } else {
                            (debate.other, debate.one)
                        };
                        let opinion = Opinion {
                            stance: stance.to_string(),
                            over: over.to_string(),
                            ..Opinion::default()
                        };
                        self.open_form(None, Item::Opinion(opinion));
                        if let Some(form) = self.editor_mut() {
                            form.focus = OpinionField::Because.index();
                        }
                    }
                }
            }
            _ => {}
        }
    }
}
