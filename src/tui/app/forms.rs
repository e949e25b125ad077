//! The form editor of a design answer, a metric, an opinion, the narrative
//! or the interview details: opening it, typing, saving through the store,
//! its unsaved text as a draft, and its text back from `$EDITOR`.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent};

use super::{App, Confirm, ItemsView, Pending, Screen};
use crate::kit::{Design, Metric, Narrative, Opinion};
use crate::store::{Draft, FormDraft};
use crate::tui::form::{FormEditor, FormKind, Item, fields};
use crate::tui::keymap::Action;

fn draft_kind(kind: FormKind) -> &'static str {
    match kind {
        FormKind::Design => "design",
        FormKind::Metric => "metric",
        FormKind::Opinion => "opinion",
        FormKind::Narrative => "narrative",
        FormKind::Profile => "profile",
    }
}

impl App {
    /// Opens the form on `item` (at `index` of its list, `None` for a new
    /// one), over the list it returns to.
    pub(super) fn open_form(&mut self, index: Option<usize>, item: Item) {
        let editing = index.map(|i| i.to_string());
        self.show_form(FormEditor::open(editing, item));
        self.say_edit_cannot_be_saved();
    }

    fn show_form(&mut self, form: FormEditor) {
        let items = match &self.screen {
            Screen::Items(view) if view.kind == form.kind() => Some(self.take_items(form.kind())),
            _ => None,
        };
        self.screen = Screen::Form {
            form: Box::new(form),
            items,
        };
    }

    pub(super) fn form_mut(&mut self) -> Option<&mut FormEditor> {
        match &mut self.screen {
            Screen::Form { form, .. } => Some(form),
            _ => None,
        }
    }

    pub(super) fn open_narrative(&mut self) {
        self.open_form(Some(0), Item::Narrative(self.kit().narrative.clone()));
    }

    pub(super) fn open_profile(&mut self) {
        self.open_form(Some(0), Item::Profile(self.kit().profile.clone()));
    }

    /// Back to the list the form was opened over; a design, metric or
    /// opinion opened from elsewhere (a draft restored) goes to its list,
    /// the narrative and the interview details to home.
    pub(super) fn close_form(&mut self) {
        let Screen::Form { form, items } = std::mem::replace(&mut self.screen, Screen::Home) else {
            return;
        };
        self.screen = match (items, form.kind()) {
            (Some(view), _) => Screen::Items(view),
            (None, kind @ (FormKind::Design | FormKind::Metric | FormKind::Opinion)) => {
                Screen::Items(ItemsView::new(kind))
            }
            (None, FormKind::Narrative | FormKind::Profile) => Screen::Home,
        };
    }

    pub(super) fn form_input(&mut self, key: &KeyEvent) {
        let Some(form) = self.form_mut() else {
            return;
        };
        // Single-line fields move on with Enter.
        let single = !form.fields()[form.focus].multiline;
        if single && key.code == KeyCode::Enter {
            form.focus = (form.focus + 1) % form.inputs.len();
            return;
        }
        if form.inputs[form.focus].input(*key) {
            form.reevaluate();
        }
    }

    pub(super) fn form_paste(&mut self, text: &str) {
        let Some(form) = self.form_mut() else {
            return;
        };
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if form.inputs[form.focus].insert_str(text) {
            form.reevaluate();
        }
    }

    pub(super) fn update_form(&mut self, action: Action) {
        let Some(form) = self.form_mut() else {
            return;
        };
        let n = form.inputs.len();
        match action {
            Action::NextField => form.focus = (form.focus + 1) % n,
            Action::PrevField => form.focus = (form.focus + n - 1) % n,
            Action::Back => {
                if form.is_dirty() {
                    self.ask(Confirm::LeaveForm);
                } else {
                    self.close_form();
                }
            }
            Action::Save => self.save_form(),
            _ => {}
        }
    }

    /// Saves the form's item through the store; on an error the text stays.
    fn save_form(&mut self) {
        let Some(form) = self.form() else {
            return;
        };
        let item = match form.item() {
            Ok(item) => item,
            Err(message) => {
                self.error(message);
                return;
            }
        };
        let index = form
            .editing
            .as_deref()
            .and_then(|i| i.parse::<usize>().ok());
        if let Err(message) = self.store_item(index, item.clone()) {
            self.error(message);
            return;
        }
        // Reopen on what was saved, so it is no longer "unsaved", at the same field.
        let new_index = match &item {
            Item::Design(d) => self.kit().designs.iter().position(|x| x.id == d.id),
            _ => index.or_else(|| Some(self.list_len(item.kind()).saturating_sub(1))),
        };
        let saved = new_index
            .and_then(|i| self.item_at(item.kind(), i))
            .unwrap_or_else(|| item.clone());
        if let Some(form) = self.form_mut() {
            let focus = form.focus;
            *form = FormEditor::open(new_index.map(|i| i.to_string()), saved);
            form.focus = focus;
        }
        self.info(format!("Saved the {}.", item.kind().noun()));
    }

    /// The form's unsaved text as a draft, for Ctrl-c.
    pub(super) fn form_draft(&self) -> Option<Draft> {
        let form = self.form().filter(|f| f.is_dirty())?;
        let fields: BTreeMap<String, String> = form
            .fields()
            .iter()
            .zip(&form.inputs)
            .map(|(f, input)| (f.key.to_string(), input.lines().join("\n")))
            .collect();
        Some(Draft {
            form: Some(FormDraft {
                kind: draft_kind(form.kind()).to_string(),
                index: form.editing.as_deref().and_then(|i| i.parse().ok()),
                fields,
            }),
            ..Draft::default()
        })
    }

    pub(super) fn restore_form_draft(&mut self, draft: Draft) {
        let Some(form) = draft.form else { return };
        let kind = match form.kind.as_str() {
            "design" => FormKind::Design,
            "metric" => FormKind::Metric,
            "opinion" => FormKind::Opinion,
            "profile" => FormKind::Profile,
            _ => FormKind::Narrative,
        };
        let base = form
            .index
            .and_then(|i| self.item_at(kind, i))
            .unwrap_or(match kind {
                FormKind::Design => Item::Design(Design::default()),
                FormKind::Metric => Item::Metric(Metric::default()),
                FormKind::Opinion => Item::Opinion(Opinion::default()),
                FormKind::Narrative => Item::Narrative(Narrative::default()),
                FormKind::Profile => Item::Profile(Default::default()),
            });
        let mut editor = FormEditor::open(form.index.map(|i| i.to_string()), base);
        for (i, f) in fields(kind).iter().enumerate() {
            if let Some(text) = form.fields.get(f.key) {
                editor.inputs[i] =
                    ratatui_textarea::TextArea::new(text.split('\n').map(str::to_string).collect());
                editor.inputs[i].set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
            }
        }
        editor.reevaluate();
        self.show_form(editor);
    }

    /// Text back from `$EDITOR` for a design, metric, opinion or narrative.
    pub fn finish_external_edit_form(
        &mut self,
        kind: FormKind,
        index: Option<usize>,
        result: Result<String, String>,
    ) {
        let text = match result {
            Ok(text) => text,
            Err(e) => {
                self.error(e);
                return;
            }
        };
        let Some(base) = index.and_then(|i| self.item_at(kind, i)) else {
            self.error("That item is gone; your text was not saved.");
            return;
        };
        let parsed = base.from_template(&text);
        let why = match parsed {
            Ok(item) if item == base => {
                self.info("No changes.");
                return;
            }
            Ok(item) => match self.store_item(index, item) {
                Ok(()) => {
                    self.info("Saved from your editor.");
                    return;
                }
                Err(e) => e,
            },
            Err(why) => why,
        };
        self.ask_to_edit_again(why, Pending::ExternalEditForm { kind, index, text });
    }
}

/// An item as the `$EDITOR` template.
pub(super) fn template_of(item: &Item) -> String {
    item.template()
}
