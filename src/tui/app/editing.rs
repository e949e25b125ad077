//! The editor on screen, for a story or an item alike: opening it over the
//! list it returns to, typing, saving through the store, leaving (asked
//! first when something is unsaved), its unsaved text as a draft and back
//! from `draft.json`, and text back from `$EDITOR`.

use super::{App, Confirm, ItemsView, Pending, Screen, StoriesView};
use crate::kit::{Design, Metric, Narrative, Opinion, Story, template};
use crate::store::{Draft, Folder};
use crate::tui::editor::{Editor, Subject, fields};
use crate::tui::external_editor::EditTarget;
use crate::tui::form::{FormKind, Item};
use crate::tui::keymap::Action;

/// What the editor returns to when it is left.
pub enum Under {
    /// The stories, as they were (a story's editor).
    Stories(StoriesView),
    /// The list of the item's kind, as it was.
    Items(ItemsView),
    /// An item opened from home or the checklist (or restored from a
    /// draft): a design, metric or opinion goes to its list, the narrative
    /// and the interview details to home.
    Elsewhere,
}

impl App {
    /// Opens the editor on a story, over the stories it returns to.
    pub(super) fn open_story_editor(&mut self, editor: Editor) {
        let stories = self.take_stories();
        self.screen = Screen::Editor {
            editor: Box::new(editor),
            under: Under::Stories(stories),
        };
    }

    /// Opens the editor on `item` (at `index` of its list, `None` for a new
    /// one), over the list it returns to.
    pub(super) fn open_form(&mut self, index: Option<usize>, item: Item) {
        let editing = index.map(|i| i.to_string());
        self.open_item_editor(Editor::item(editing, item));
        self.say_edit_cannot_be_saved();
    }

    fn open_item_editor(&mut self, editor: Editor) {
        let under = match (&self.screen, editor.kind()) {
            (Screen::Items(view), Some(kind)) if view.kind == kind => {
                Under::Items(self.take_items(kind))
            }
            _ => Under::Elsewhere,
        };
        self.screen = Screen::Editor {
            editor: Box::new(editor),
            under,
        };
    }

    pub(super) fn open_narrative(&mut self) {
        self.open_form(Some(0), Item::Narrative(self.kit().narrative.clone()));
    }

    pub(super) fn open_profile(&mut self) {
        self.open_form(Some(0), Item::Profile(self.kit().profile.clone()));
    }

    pub(super) fn new_story(&mut self) {
        self.open_story_editor(Editor::story(None, Story::default()));
        self.say_edit_cannot_be_saved();
    }

    pub(super) fn editor_mut(&mut self) -> Option<&mut Editor> {
        match &mut self.screen {
            Screen::Editor { editor, .. } => Some(editor),
            _ => None,
        }
    }

    fn editor_on_screen(&self) -> Option<&Editor> {
        match &self.screen {
            Screen::Editor { editor, .. } => Some(editor),
            _ => None,
        }
    }

    /// Back to what the editor was opened over.
    pub(super) fn close_editor(&mut self) {
        let Screen::Editor { editor, under } = std::mem::replace(&mut self.screen, Screen::Home)
        else {
            return;
        };
        self.screen = match (under, editor.kind()) {
            (Under::Stories(stories), _) => Screen::Stories(stories),
            (Under::Items(view), _) => Screen::Items(view),
            (
                Under::Elsewhere,
                Some(kind @ (FormKind::Design | FormKind::Metric | FormKind::Opinion)),
            ) => Screen::Items(ItemsView::new(kind)),
            (Under::Elsewhere, _) => Screen::Home,
        };
    }

    pub(super) fn update_editor(&mut self, action: Action) {
        let Some(editor) = self.editor_mut() else {
            return;
        };
        match action {
            Action::NextField => editor.next_field(),
            Action::PrevField => editor.previous_field(),
            Action::Save => self.save_editor(),
            Action::Back => {
                if editor.is_dirty() {
                    self.ask(Confirm::LeaveEditor);
                } else {
                    self.close_editor();
                }
            }
            _ => {}
        }
    }

    pub(super) fn editor_input(&mut self, key: &crossterm::event::KeyEvent) {
        if let Some(editor) = self.editor_mut() {
            editor.type_key(key);
        }
    }

    pub(super) fn editor_paste(&mut self, text: &str) {
        if let Some(editor) = self.editor_mut() {
            editor.paste(text);
        }
    }

    /// Saves what is typed through the store; on any error the text stays
    /// in the editor and the error is shown.
    fn save_editor(&mut self) {
        let Some(editor) = self.editor_on_screen() else {
            return;
        };
        let typed = editor.check();
        let editing = editor.editing.clone();
        let focus = editor.focus;
        match typed {
            Err(message) => self.error(message),
            Ok(Subject::Story(story)) => self.save_story_from_editor(story, editing.is_none()),
            Ok(Subject::Item(item)) => self.save_item_from_editor(item, editing, focus),
        }
    }

    fn save_story_from_editor(&mut self, mut story: Story, new: bool) {
        let store = match self.storage.writable() {
            Ok(store) => store,
            Err(why) => return self.refuse(why),
        };
        if new {
            story.id = store.new_id(Folder::Stories, &story.title, &Default::default());
        }
        match self.save_story_to_kit(story.clone()) {
            Ok(()) => {
                let (title, id) = (story.title.clone(), story.id.clone());
                if let Some(editor) = self.editor_mut() {
                    editor.editing = Some(id.clone());
                    editor.original = Subject::Story(story);
                }
                self.select_story(&id);
                self.info(format!("Saved '{title}' to stories/{id}.json"));
            }
            Err(e) => self.error(format!("Not saved: {e}")),
        }
    }

    fn save_item_from_editor(&mut self, item: Item, editing: Option<String>, focus: usize) {
        let index = editing.as_deref().and_then(|i| i.parse::<usize>().ok());
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
        if let Some(editor) = self.editor_mut() {
            *editor = Editor::item(new_index.map(|i| i.to_string()), saved);
            editor.focus = focus;
        }
        self.info(format!("Saved the {}.", item.kind().noun()));
    }

    /// The editor's unsaved text, as a draft.
    pub(super) fn editor_draft(&self) -> Option<Draft> {
        self.editor_on_screen()?.draft()
    }

    /// A draft from `draft.json` back in the editor.
    pub(super) fn restore_draft(&mut self, draft: Draft) {
        match draft.form {
            Some(form) => {
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
                let mut editor = Editor::item(form.index.map(|i| i.to_string()), base);
                for (i, f) in fields(kind).iter().enumerate() {
                    if let Some(text) = form.fields.get(f.key) {
                        editor.inputs[i] = ratatui_textarea::TextArea::new(
                            text.split('\n').map(str::to_string).collect(),
                        );
                        editor.inputs[i].set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
                    }
                }
                editor.reevaluate();
                self.open_item_editor(editor);
            }
            None => {
                let editing = (!draft.editing.is_empty()).then_some(draft.editing.clone());
                let original = editing
                    .as_deref()
                    .and_then(|id| self.kit().story(id).cloned())
                    .unwrap_or_default();
                let mut editor = Editor::story(editing, draft.story);
                // Dirty against what is saved, so leaving asks and saving writes.
                editor.original = Subject::Story(original);
                self.open_story_editor(editor);
            }
        }
    }

    /// `$EDITOR` on what is selected: a story, or an item of a list.
    pub(super) fn edit_outside(&mut self, target: EditTarget, text: String) {
        match self.storage.writable() {
            Ok(_) => self.pending = Some(Pending::Edit { target, text }),
            Err(why) => self.refuse(why),
        }
    }

    /// The text came back from `$EDITOR`: parse, validate, save — or ask
    /// to edit the same text again, so not a word is lost.
    pub fn finish_external_edit(&mut self, target: &EditTarget, result: Result<String, String>) {
        let text = match result {
            Ok(text) => text,
            Err(e) => {
                self.error(e);
                return;
            }
        };
        let why = match target {
            EditTarget::Story(id) => {
                let Some(base) = self.kit().story(id).cloned() else {
                    self.error(format!(
                        "The story `{id}` is gone; your text was not saved."
                    ));
                    return;
                };
                match template::parse(&text, &base) {
                    Ok(story) if story == base => {
                        self.info("No changes.");
                        return;
                    }
                    Ok(story) if story.title.trim().is_empty() => "the Title is empty".to_string(),
                    Ok(story) => {
                        let title = story.title.clone();
                        match self.save_story_to_kit(story) {
                            Ok(()) => {
                                self.info(format!("Saved '{title}' from your editor."));
                                return;
                            }
                            Err(e) => format!("not saved: {e}"),
                        }
                    }
                    Err(e) => e.to_string(),
                }
            }
            EditTarget::Item { kind, index } => {
                let Some(base) = index.and_then(|i| self.item_at(*kind, i)) else {
                    self.error("That item is gone; your text was not saved.");
                    return;
                };
                match base.from_template(&text) {
                    Ok(item) if item == base => {
                        self.info("No changes.");
                        return;
                    }
                    Ok(item) => match self.store_item(*index, item) {
                        Ok(()) => {
                            self.info("Saved from your editor.");
                            return;
                        }
                        Err(e) => e,
                    },
                    Err(why) => why,
                }
            }
        };
        self.ask_to_edit_again(
            why,
            Pending::Edit {
                target: target.clone(),
                text,
            },
        );
    }
}
