//! Step 1, the stories screen: the list (the user's stories or the built-in
//! examples), its filter and sort, the detail pane, the story said out
//! loud, and each story written through the store or deleted to the trash.

use std::path::Path;

use crossterm::event::KeyEvent;

use super::{App, Confirm, Pane, Screen, Scroll, ScrollTo, StoriesView};
use crate::kit::{Kit, Story, template};
use crate::store::{self, Folder};
use crate::tui::editor::Editor;
use crate::tui::external_editor::EditTarget;
use crate::tui::keymap::{Action, Context, key_for, two_keys_for};
use crate::tui::text_input::TextInput;

impl App {
    fn stories_view(&self) -> StoriesView {
        self.screen.stories().cloned().unwrap_or_default()
    }

    pub(super) fn update_filter(&mut self, action: Action) {
        match action {
            Action::Open => self.set_filtering(false),
            Action::Back => {
                self.set_filtering(false);
                if let Some(view) = self.stories_view_mut() {
                    view.filter.clear();
                }
                self.set_filter(String::new());
            }
            _ => {}
        }
    }

    fn set_filtering(&mut self, on: bool) {
        if let Some(view) = self.stories_view_mut() {
            view.filtering = on;
        }
    }

    /// A key typed into the filter.
    pub(super) fn filter_input(&mut self, key: &KeyEvent) {
        let Some(view) = self.stories_view_mut() else {
            return;
        };
        if view.filter.handle_key(key) {
            let text = view.filter.text().to_string();
            self.set_filter(text);
        }
    }

    /// A paste into the filter.
    pub(super) fn filter_paste(&mut self, text: &str) {
        let Some(view) = self.stories_view_mut() else {
            return;
        };
        if view.filter.paste(text) {
            let text = view.filter.text().to_string();
            self.set_filter(text);
        }
    }

    pub(super) fn move_selection(&mut self, to: usize) {
        if self.list_mut().select(to) {
            if let Some(view) = self.stories_view_mut() {
                view.detail_scroll = 0;
            }
            self.refresh_detail();
        }
    }

    fn set_filter(&mut self, filter: String) {
        self.list_mut().set_filter(filter);
        if let Some(view) = self.stories_view_mut() {
            view.detail_scroll = 0;
        }
        self.refresh_detail();
    }

    pub(super) fn update_stories(&mut self, action: Action) {
        let view = self.stories_view();
        let detail = view.pane == Pane::Detail;
        let selected = self.list().selected();
        let examples = view.examples;
        let set_pane = |app: &mut App, pane: Pane| {
            if let Some(view) = app.stories_view_mut() {
                view.pane = pane;
            }
        };
        match action {
            Action::Quit => self.quit(),
            Action::Back if detail => set_pane(self, Pane::List),
            Action::Back => {
                if !self.list().filter().is_empty() {
                    self.set_filter(String::new());
                } else if examples {
                    self.show_examples(false);
                } else {
                    self.screen = Screen::Home;
                }
            }
            Action::Up if detail => self.scroll(Scroll::StoryDetail, ScrollTo::By(-1)),
            Action::Down if detail => self.scroll(Scroll::StoryDetail, ScrollTo::By(1)),
            Action::PageUp if detail => {
                self.scroll(Scroll::StoryDetail, ScrollTo::By(-self.page_rows()))
            }
            Action::PageDown if detail => {
                self.scroll(Scroll::StoryDetail, ScrollTo::By(self.page_rows()))
            }
            Action::Top if detail => self.scroll(Scroll::StoryDetail, ScrollTo::Top),
            Action::Bottom if detail => self.scroll(Scroll::StoryDetail, ScrollTo::Bottom),
            Action::Up => self.move_selection(selected.saturating_sub(1)),
            Action::Down => self.move_selection(selected + 1),
            Action::PageUp => self.move_selection(selected.saturating_sub(self.page())),
            Action::PageDown => self.move_selection(selected + self.page()),
            Action::Top => self.move_selection(0),
            Action::Bottom => self.move_selection(usize::MAX),
            Action::Open | Action::NextPane if self.selected_story().is_some() => {
                set_pane(self, if detail { Pane::List } else { Pane::Detail });
            }
            Action::NewStory => self.new_story(),
            Action::EditStory => {
                if let Some(story) = self.selected_story().cloned() {
                    self.open_story_editor(Editor::story(Some(story.id.clone()), story));
                    self.say_edit_cannot_be_saved();
                }
            }
            Action::EditInEditor => {
                if let Some(story) = self.selected_story() {
                    let (target, text) =
                        (EditTarget::Story(story.id.clone()), template::render(story));
                    self.edit_outside(target, text);
                }
            }
            Action::DeleteStory => {
                if let Some(story) = self.selected_story() {
                    let question = Confirm::DeleteStory {
                        id: story.id.clone(),
                        title: story.title.clone(),
                    };
                    self.ask(question);
                }
            }
            Action::Rehearse if self.selected_story().is_some() => self.choose_rehearsal_question(),
            Action::SpokenAnswer if self.selected_story().is_some() => {
                let stories = self.take_stories();
                self.screen = Screen::Spoken { scroll: 0, stories };
            }
            Action::ToggleSort => {
                self.list_mut().toggle_sort();
                self.refresh_detail();
            }
            Action::Filter => {
                // Goes on from the filter in force, the cursor at its end.
                let filter = Box::new(TextInput::new(self.list().filter()));
                if let Some(view) = self.stories_view_mut() {
                    view.filter = filter;
                }
                self.set_filtering(true);
            }
            Action::Examples => self.show_examples(!examples),
            Action::CopyExample if examples => self.copy_example(),
            Action::FromPostmortem => self.open_postmortem(),
            _ => {}
        }
    }

    pub(super) fn update_spoken(&mut self, action: Action) {
        match action {
            Action::Back => self.back_to_stories(),
            Action::Quit => self.quit(),
            Action::Up => self.scroll(Scroll::Spoken, ScrollTo::By(-1)),
            Action::Down => self.scroll(Scroll::Spoken, ScrollTo::By(1)),
            Action::PageUp => self.scroll(Scroll::Spoken, ScrollTo::By(-self.page_rows())),
            Action::PageDown => self.scroll(Scroll::Spoken, ScrollTo::By(self.page_rows())),
            _ => {}
        }
    }

    /// Saves a story through the store and puts it in the kit, replacing the
    /// one with its id or adding it. The error says why it was not saved.
    pub(super) fn save_story_to_kit(&mut self, story: Story) -> Result<(), String> {
        let store = self.storage.writable().map_err(|why| why.to_string())?;
        store.save_story(&story).map_err(|e| e.to_string())?;
        self.change_kit(
            |kit| match kit.stories.iter_mut().find(|s| s.id == story.id) {
                Some(slot) => *slot = story,
                None => {
                    kit.stories.push(story);
                    kit.stories.sort_by(|a, b| a.id.cmp(&b.id));
                }
            },
        );
        Ok(())
    }

    /// Moves a story to the trash (asked first, with [`Confirm::DeleteStory`]).
    pub(super) fn delete_story(&mut self, id: &str, title: &str) {
        let store = match self.storage.writable() {
            Ok(store) => store,
            Err(why) => return self.refuse(why),
        };
        match store.delete(Folder::Stories, id) {
            Ok(to) => {
                self.change_kit(|kit| kit.stories.retain(|s| s.id != id));
                let shown = to
                    .strip_prefix(self.data_dir())
                    .unwrap_or(&to)
                    .display()
                    .to_string();
                self.info(format!(
                    "Deleted '{title}' — it is in {shown} if you want it back."
                ));
            }
            Err(e) => self.error(format!("Not deleted: {e}")),
        }
    }

    pub(super) fn select_story(&mut self, id: &str) {
        if self.scored.select_id(id) {
            self.refresh_detail();
        }
    }

    /// Shows the built-in examples on the stories screen (or the user's
    /// stories again).
    pub(super) fn show_examples(&mut self, on: bool) {
        self.screen = Screen::Stories(StoriesView {
            examples: on,
            ..StoriesView::default()
        });
        self.refresh_detail();
        if on {
            self.info(format!(
                "Examples: built in and read-only, never counted as yours. {} copies one into your stories to start from; {} goes back to yours.",
                key_for(Context::Examples, Action::CopyExample),
                two_keys_for(Context::Examples, Action::Back)
            ));
        }
    }

    /// Copies the selected example into the user's stories: from then on a
    /// normal story of theirs, to edit, rehearse — and counted like any.
    fn copy_example(&mut self) {
        let Some(example) = self.caches.examples.selected_story().cloned() else {
            return;
        };
        if let Err(why) = self.storage.writable() {
            return self.refuse(why);
        }
        // Already copied, word for word: go to that copy.
        if let Some(copy) = self.kit().stories.iter().find(|s| **s == example) {
            let (id, title) = (copy.id.clone(), copy.title.clone());
            self.show_examples(false);
            self.select_story(&id);
            self.info(format!(
                "'{title}' is in your stories already, as stories/{id}.json — edit it there ({}).",
                key_for(Context::Stories, Action::EditStory)
            ));
            return;
        }
        let Ok(store) = self.storage.writable() else {
            return;
        };
        let title = example.title.clone();
        let incoming = Kit {
            stories: vec![example],
            ..Kit::default()
        };
        let result = self.scored.change(|kit| {
            let before: Vec<String> = kit.stories.iter().map(|s| s.id.clone()).collect();
            store::import_kit(store, kit, incoming, Path::new("the built-in example")).map(|_| {
                kit.stories
                    .iter()
                    .find(|s| !before.contains(&s.id))
                    .map(|s| s.id.clone())
            })
        });
        self.after_kit_change();
        match result {
            Ok(Some(id)) => {
                self.show_examples(false);
                self.select_story(&id);
                self.info(format!(
                    "Copied '{title}' into your stories as stories/{id}.json — it is yours now: make it your own ({}), and it counts like any of your stories.",
                    key_for(Context::Stories, Action::EditStory)
                ));
            }
            Ok(None) => self.error("The example was not copied: nothing new was written."),
            Err(e) => self.error(format!("The example was not copied: {e}")),
        }
    }
}
