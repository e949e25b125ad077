//! The story editor: opening it over the stories, typing, saving through
//! the store, its unsaved text as a draft, and a story's text back from
//! `$EDITOR`.

use crossterm::event::{KeyCode, KeyEvent};

use super::{App, Confirm, Pending, Screen};
use crate::kit::{Story, template};
use crate::store::{Draft, Folder};
use crate::tui::editor::{EditorState, FIELDS};
use crate::tui::keymap::Action;

impl App {
    /// Opens `editor` over the stories, which it returns to.
    pub(super) fn open_editor(&mut self, editor: EditorState) {
        let stories = self.take_stories();
        self.screen = Screen::Editor {
            editor: Box::new(editor),
            stories,
        };
    }

    fn editor_mut(&mut self) -> Option<&mut EditorState> {
        match &mut self.screen {
            Screen::Editor { editor, .. } => Some(editor),
            _ => None,
        }
    }

    pub(super) fn new_story(&mut self) {
        self.open_editor(EditorState::open(None, Story::default()));
        self.say_edit_cannot_be_saved();
    }

    pub(super) fn update_editor(&mut self, action: Action) {
        let Some(editor) = self.editor_mut() else {
            return;
        };
        match action {
            Action::NextField => editor.focus = (editor.focus + 1) % FIELDS.len(),
            Action::PrevField => editor.focus = (editor.focus + FIELDS.len() - 1) % FIELDS.len(),
            Action::Save => self.save_editor(),
            Action::Back => {
                if editor.is_dirty() {
                    self.ask(Confirm::LeaveEditor);
                } else {
                    self.back_to_stories();
                }
            }
            _ => {}
        }
    }

    /// A key typed into the focused field.
    pub(super) fn editor_input(&mut self, key: &KeyEvent) {
        let Some(editor) = self.editor_mut() else {
            return;
        };
        // Enter in the title field moves on rather than breaking the line.
        if editor.focus == 0 && key.code == KeyCode::Enter {
            self.update(Action::NextField);
            return;
        }
        if editor.inputs[editor.focus].input(*key) {
            editor.rescore();
        }
    }

    pub(super) fn editor_paste(&mut self, text: &str) {
        let Some(editor) = self.editor_mut() else {
            return;
        };
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if editor.inputs[editor.focus].insert_str(text) {
            editor.rescore();
        }
    }

    /// Saves the editor's story through the store; on any error the text
    /// stays in the editor and the error is shown.
    fn save_editor(&mut self) {
        let Some(editor) = self.editor() else {
            return;
        };
        let mut story = match editor.check() {
            Ok(story) => story,
            Err(message) => {
                self.error(message);
                return;
            }
        };
        let editing = editor.editing.clone();
        let store = match self.storage.writable() {
            Ok(store) => store,
            Err(why) => return self.refuse(why),
        };
        if editing.is_none() {
            story.id = store.new_id(Folder::Stories, &story.title, &Default::default());
        }
        match self.save_story_to_kit(story.clone()) {
            Ok(()) => {
                let (title, id) = (story.title.clone(), story.id.clone());
                if let Some(editor) = self.editor_mut() {
                    editor.editing = Some(id.clone());
                    editor.original = story;
                }
                self.select_story(&id);
                self.info(format!("Saved '{title}' to stories/{id}.json"));
            }
            Err(e) => self.error(format!("Not saved: {e}")),
        }
    }

    /// The story editor's unsaved text, as a draft.
    pub(super) fn story_draft(&self) -> Option<Draft> {
        self.editor().filter(|e| e.is_dirty()).map(|editor| Draft {
            editing: editor.editing.clone().unwrap_or_default(),
            story: editor.story(),
            form: None,
        })
    }

    /// A story's draft from `draft.json` back in the editor.
    pub(super) fn restore_story_draft(&mut self, draft: Draft) {
        let editing = (!draft.editing.is_empty()).then_some(draft.editing.clone());
        let original = editing
            .as_deref()
            .and_then(|id| self.kit().story(id).cloned())
            .unwrap_or_default();
        let mut editor = EditorState::open(editing, draft.story);
        // Dirty against what is saved, so leaving asks and saving writes.
        editor.original = original;
        self.open_editor(editor);
    }

    /// The text came back from `$EDITOR`: parse, validate, save — or ask
    /// to edit the same text again, so not a word is lost.
    pub fn finish_external_edit(&mut self, id: &str, result: Result<String, String>) {
        let text = match result {
            Ok(text) => text,
            Err(e) => {
                self.error(e);
                return;
            }
        };
        let Some(base) = self.kit().story(id).cloned() else {
            self.error(format!(
                "The story `{id}` is gone; your text was not saved."
            ));
            return;
        };
        let why = match template::parse(&text, &base) {
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
        };
        self.ask_to_edit_again(
            why,
            Pending::ExternalEdit {
                id: id.to_string(),
                text,
            },
        );
    }
}
