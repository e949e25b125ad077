//! Steps 2, 3 and 5: the lists of design answers, metrics and opinions —
//! moving through them, and each item read from the kit, written through
//! the store, or deleted to the trash.

use super::editing::Under;
use super::pickers::{Picker, PickerKind};
use super::{App, Confirm, ItemsView, Pane, Screen, Scroll, ScrollTo};
use crate::kit::{Metric, MetricField, Opinion, ids};
use crate::store::Folder;
use crate::tui::external_editor::EditTarget;
use crate::tui::form::{FormKind, Item};
use crate::tui::keymap::Action;

impl App {
    pub fn list_len(&self, kind: FormKind) -> usize {
        match kind {
            FormKind::Design => self.kit().designs.len(),
            FormKind::Metric => self.kit().metrics.len(),
            FormKind::Opinion => self.kit().opinions.len(),
            FormKind::Narrative | FormKind::Profile => 1,
        }
    }

    pub fn selected_index(&self, kind: FormKind) -> Option<usize> {
        let i = self.places.item(kind);
        (i < self.list_len(kind)).then_some(i)
    }

    pub(super) fn item_at(&self, kind: FormKind, index: usize) -> Option<Item> {
        Some(match kind {
            FormKind::Design => Item::Design(self.kit().designs.get(index)?.clone()),
            FormKind::Metric => Item::Metric(self.kit().metrics.get(index)?.clone()),
            FormKind::Opinion => Item::Opinion(self.kit().opinions.get(index)?.clone()),
            FormKind::Narrative => Item::Narrative(self.kit().narrative.clone()),
            FormKind::Profile => Item::Profile(self.kit().profile.clone()),
        })
    }

    pub fn item_title(&self, kind: FormKind, index: usize) -> String {
        match self.item_at(kind, index) {
            Some(Item::Design(d)) => d.title.clone(),
            Some(Item::Metric(m)) => m.name.clone(),
            Some(Item::Opinion(o)) => crate::evaluate::opinion::sentence(&o),
            _ => String::new(),
        }
    }

    /// Selects row `to` (or the last) of a list of designs, metrics or opinions.
    pub(super) fn select_item(&mut self, kind: FormKind, to: usize) {
        let last = self.list_len(kind).saturating_sub(1);
        let to = to.min(last);
        if self.places.item(kind) != to {
            *self.places.item_mut(kind) = to;
            if let Screen::Items(view) = &mut self.screen {
                view.detail_scroll = 0;
            }
        }
    }

    fn items_view_mut(&mut self) -> Option<&mut ItemsView> {
        match &mut self.screen {
            Screen::Items(view) => Some(view),
            _ => None,
        }
    }

    /// The list's view from the screen (on show, or under the form or quiz
    /// on show) if it lists `kind`, or a new one.
    pub(super) fn take_items(&mut self, kind: FormKind) -> ItemsView {
        match std::mem::replace(&mut self.screen, Screen::Home) {
            Screen::Items(view)
            | Screen::Editor {
                under: Under::Items(view),
                ..
            }
            | Screen::Quiz { items: view, .. }
                if view.kind == kind =>
            {
                view
            }
            other => {
                self.screen = other;
                ItemsView::new(kind)
            }
        }
    }

    /// Opens a picker over the list on show.
    fn open_picker(&mut self, kind: PickerKind) {
        if let Some(view) = self.items_view_mut() {
            view.picker = Some(Picker { kind, selected: 0 });
        }
    }

    pub(super) fn update_items(&mut self, kind: FormKind, action: Action) {
        let len = self.list_len(kind);
        let Some(view) = self.items_view_mut() else {
            return;
        };
        let detail = view.pane == Pane::Detail;
        let selected = self.places.item(kind);
        let select = |app: &mut App, to: usize| app.select_item(kind, to);
        let set_pane = |app: &mut App, pane: Pane| {
            if let Some(view) = app.items_view_mut() {
                view.pane = pane;
            }
        };
        match action {
            Action::Quit => self.quit(),
            Action::Back if detail => set_pane(self, Pane::List),
            Action::Back => self.screen = Screen::Home,
            Action::Up if detail => self.scroll(Scroll::StepDetail(kind), ScrollTo::By(-1)),
            Action::Down if detail => self.scroll(Scroll::StepDetail(kind), ScrollTo::By(1)),
            Action::PageUp if detail => {
                self.scroll(Scroll::StepDetail(kind), ScrollTo::By(-self.page_rows()))
            }
            Action::PageDown if detail => {
                self.scroll(Scroll::StepDetail(kind), ScrollTo::By(self.page_rows()))
            }
            Action::Top if detail => self.scroll(Scroll::StepDetail(kind), ScrollTo::Top),
            Action::Bottom if detail => self.scroll(Scroll::StepDetail(kind), ScrollTo::Bottom),
            Action::Up => select(self, selected.saturating_sub(1)),
            Action::Down => select(self, selected + 1),
            Action::PageUp => select(self, selected.saturating_sub(self.page())),
            Action::PageDown => select(self, selected + self.page()),
            Action::Top => select(self, 0),
            Action::Bottom => select(self, usize::MAX),
            Action::Open | Action::NextPane if len > 0 => {
                set_pane(self, if detail { Pane::List } else { Pane::Detail });
            }
            Action::NewItem => match kind {
                FormKind::Design => self.open_picker(PickerKind::DesignPrompt),
                FormKind::Metric => {
                    self.open_form(None, Item::Metric(Metric::default()));
                    // A new metric's kind starts empty (read as "other"), not pre-typed.
                    if let Some(form) = self.editor_mut() {
                        form.inputs[MetricField::Kind.index()] =
                            ratatui_textarea::TextArea::default();
                    }
                }
                _ => self.open_form(None, Item::Opinion(Opinion::default())),
            },
            Action::TakeSide => self.open_picker(PickerKind::Debate),
            Action::EditItem => {
                if let Some(i) = self.selected_index(kind)
                    && let Some(item) = self.item_at(kind, i)
                {
                    self.open_form(Some(i), item);
                }
            }
            Action::EditItemInEditor => {
                if let Err(why) = self.storage.writable() {
                    return self.refuse(why);
                }
                if let Some(i) = self.selected_index(kind)
                    && let Some(item) = self.item_at(kind, i)
                {
                    let target = EditTarget::Item {
                        kind,
                        index: Some(i),
                    };
                    self.edit_outside(target, item.template());
                }
            }
            Action::DeleteItem => {
                if let Some(i) = self.selected_index(kind) {
                    let title = self.item_title(kind, i);
                    self.ask(Confirm::DeleteItem {
                        kind,
                        index: i,
                        title,
                    });
                }
            }
            Action::Quiz => self.start_quiz(),
            _ => {}
        }
    }

    /// Writes `item` at `index` (or as a new one), keeping ids unique.
    pub(super) fn store_item(&mut self, index: Option<usize>, item: Item) -> Result<(), String> {
        let store = match self.storage.writable() {
            Ok(store) => store,
            Err(why) => return Err(format!("{why} — nothing was changed.")),
        };
        let saved = match item {
            Item::Design(mut d) => {
                if d.title.trim().is_empty() {
                    return Err(
                        "Give the design answer a title before saving (the first field).".into(),
                    );
                }
                if index.is_none() || d.id.is_empty() {
                    d.id = store.new_id(Folder::Designs, &d.title, &Default::default());
                }
                store.save_design(&d).map(|()| {
                    self.scored
                        .change(|kit| match kit.designs.iter_mut().find(|x| x.id == d.id) {
                            Some(slot) => *slot = d,
                            None => {
                                kit.designs.push(d);
                                kit.designs.sort_by(|a, b| a.id.cmp(&b.id));
                            }
                        })
                })
            }
            Item::Metric(mut m) => {
                if m.name.trim().is_empty() {
                    return Err("Name the metric before saving (the first field).".into());
                }
                let mut all = self.kit().metrics.clone();
                match index.filter(|&i| i < all.len()) {
                    Some(i) => all[i] = m,
                    None => {
                        let base = ids::slug(&m.name, "metric");
                        m.id = ids::unique_id(&base, |c| all.iter().any(|x| x.id == c));
                        all.push(m);
                    }
                }
                store
                    .save_metrics(&all)
                    .map(|()| self.scored.change(|kit| kit.metrics = all))
            }
            Item::Opinion(mut o) => {
                if o.stance.trim().is_empty() {
                    return Err("Say what you believe in before saving (the first field).".into());
                }
                let mut all = self.kit().opinions.clone();
                match index.filter(|&i| i < all.len()) {
                    Some(i) => all[i] = o,
                    None => {
                        let base = ids::slug(&o.stance, "opinion");
                        o.id = ids::unique_id(&base, |c| all.iter().any(|x| x.id == c));
                        all.push(o);
                    }
                }
                store
                    .save_opinions(&all)
                    .map(|()| self.scored.change(|kit| kit.opinions = all))
            }
            Item::Narrative(n) => store
                .save_narrative(&n)
                .map(|()| self.scored.change(|kit| kit.narrative = n)),
            Item::Profile(p) => {
                // A date already on file may have passed; a new one must not.
                if let Some(day) = p.interview_date
                    && day < self.today
                    && Some(day) != self.kit().profile.interview_date
                {
                    return Err(format!(
                        "Interview date {day} is in the past: give the date of your next interview (YYYY-MM-DD), or leave it empty."
                    ));
                }
                store
                    .save_profile(&p)
                    .map(|()| self.scored.change(|kit| kit.profile = p))
            }
        };
        saved.map_err(|e| format!("Not saved: {e}"))?;
        self.after_kit_change();
        Ok(())
    }

    pub(super) fn delete_item(&mut self, kind: FormKind, index: usize, title: &str) {
        let store = match self.storage.writable() {
            Ok(store) => store,
            Err(why) => return self.refuse(why),
        };
        let result = match kind {
            FormKind::Design => match self.kit().designs.get(index) {
                Some(d) => store.delete(Folder::Designs, &d.id).map(|_| {
                    self.scored.change(|kit| kit.designs.remove(index));
                }),
                None => return,
            },
            FormKind::Metric => {
                let Some(m) = self.kit().metrics.get(index).cloned() else {
                    return;
                };
                let mut all = self.kit().metrics.clone();
                all.remove(index);
                store
                    .trash_copy("metric", &m.id, &m)
                    .and_then(|_| store.save_metrics(&all))
                    .map(|()| self.scored.change(|kit| kit.metrics = all))
            }
            FormKind::Opinion => {
                let Some(o) = self.kit().opinions.get(index).cloned() else {
                    return;
                };
                let mut all = self.kit().opinions.clone();
                all.remove(index);
                store
                    .trash_copy("opinion", &o.id, &o)
                    .and_then(|_| store.save_opinions(&all))
                    .map(|()| self.scored.change(|kit| kit.opinions = all))
            }
            FormKind::Narrative | FormKind::Profile => return,
        };
        match result {
            Ok(()) => {
                self.after_kit_change();
                let last = self.list_len(kind).saturating_sub(1);
                let row = self.places.item_mut(kind);
                *row = (*row).min(last);
                self.info(format!(
                    "Deleted '{}' — a copy is in the trash folder.",
                    crate::tui::widgets::clip(title, 50)
                ));
            }
            Err(e) => self.error(format!("Not deleted: {e}")),
        }
    }
}
