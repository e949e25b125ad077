//! `P` on the stories screen: a story drafted from a postmortem. The user
//! types a file path or pastes the text; the draft is shown beside its score
//! with the "claim your part" questions, then opened in the story editor.
//! Nothing is saved until the user saves it there.

use std::path::{Path, PathBuf};

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::{App, Screen};
use crate::kit::{Story, StoryField};
use crate::postmortem::{self, InputError, StoryDraft};
use crate::score::{StoryScore, score_story};
use crate::tui::editor::{Editor, Subject, text_input};
use crate::tui::keymap::{self, Action, Context};

/// A postmortem larger than this is no postmortem (and would not be read).
const MAX_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftStep {
    /// Typing a path or pasting the text.
    Source,
    /// The draft beside its score.
    Review,
}

pub struct PostmortemState {
    pub step: DraftStep,
    pub input: TextArea<'static>,
    pub draft: Option<StoryDraft>,
    pub score: Option<StoryScore>,
    /// Where the draft came from: a file's name, or "pasted text".
    pub from: String,
    pub scroll: u16,
}

/// What the input holds: a path to read, or the postmortem itself.
enum Source {
    File(PathBuf),
    Text(String),
}

fn source_of(typed: &str) -> Source {
    let trimmed = typed.trim();
    let one_line = !trimmed.contains('\n');
    if one_line {
        let expanded = match trimmed.strip_prefix("~/") {
            Some(rest) => std::env::var_os("HOME")
                .map(|home| Path::new(&home).join(rest))
                .unwrap_or_else(|| PathBuf::from(trimmed)),
            None => PathBuf::from(trimmed),
        };
        let looks_like_path = !trimmed.contains(' ')
            && (trimmed.contains('/')
                || [".md", ".txt", ".html", ".htm", ".rst", ".markdown"]
                    .iter()
                    .any(|ext| trimmed.to_lowercase().ends_with(ext)));
        if expanded.is_file() || looks_like_path {
            return Source::File(expanded);
        }
    }
    Source::Text(typed.to_string())
}

impl App {
    fn postmortem_mut(&mut self) -> Option<&mut PostmortemState> {
        match &mut self.screen {
            Screen::Postmortem { draft, .. } => Some(draft),
            _ => None,
        }
    }

    /// `P`: an empty input for a path or the text.
    pub(super) fn open_postmortem(&mut self) {
        let draft = PostmortemState {
            step: DraftStep::Source,
            input: text_input(""),
            draft: None,
            score: None,
            from: String::new(),
            scroll: 0,
        };
        let stories = self.take_stories();
        self.screen = Screen::Postmortem {
            draft: Box::new(draft),
            stories,
        };
    }

    pub(super) fn postmortem_input(&mut self, key: &KeyEvent) {
        if let Some(p) = self.postmortem_mut()
            && p.step == DraftStep::Source
        {
            p.input.input(*key);
        }
    }

    pub(super) fn postmortem_paste(&mut self, text: &str) {
        if let Some(p) = self.postmortem_mut()
            && p.step == DraftStep::Source
        {
            p.input
                .insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
        }
    }

    pub(super) fn update_postmortem(&mut self, action: Action) {
        let Some(p) = self.postmortem_mut() else {
            return;
        };
        match (p.step, action) {
            (DraftStep::Source, Action::Back) => self.back_to_stories(),
            (DraftStep::Source, Action::DraftIt) => self.draft_postmortem(),
            (DraftStep::Review, Action::Back) => {
                p.step = DraftStep::Source;
                p.draft = None;
                p.score = None;
            }
            (DraftStep::Review, Action::OpenDraft) => self.open_draft_in_editor(),
            (DraftStep::Review, Action::Up) => p.scroll = p.scroll.saturating_sub(1),
            (DraftStep::Review, Action::Down) => p.scroll = p.scroll.saturating_add(1),
            (DraftStep::Review, Action::PageUp) => {
                let page = self.page() as u16;
                if let Some(p) = self.postmortem_mut() {
                    p.scroll = p.scroll.saturating_sub(page);
                }
            }
            (DraftStep::Review, Action::PageDown) => {
                let page = self.page() as u16;
                if let Some(p) = self.postmortem_mut() {
                    p.scroll = p.scroll.saturating_add(page);
                }
            }
            (DraftStep::Review, Action::Top) => p.scroll = 0,
            _ => {}
        }
    }

    /// Reads the path or takes the text, and drafts; on a bad input the
    /// input stays as typed and the message says what to do.
    fn draft_postmortem(&mut self) {
        let Some(p) = self.postmortem() else {
            return;
        };
        let typed = p.input.lines().join("\n");
        let (bytes, from) = match source_of(&typed) {
            Source::File(path) => {
                let shown = path.display().to_string();
                match std::fs::metadata(&path) {
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        self.error(format!(
                            "No file at {shown} — check the path, or paste the postmortem's text instead."
                        ));
                        return;
                    }
                    Ok(meta) if meta.len() > MAX_BYTES => {
                        self.error(format!(
                            "{shown} is {} MB: too large for a postmortem — give the postmortem itself.",
                            meta.len() / (1024 * 1024)
                        ));
                        return;
                    }
                    _ => {}
                }
                match std::fs::read(&path) {
                    Ok(bytes) => {
                        let name = path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or(shown);
                        (bytes, name)
                    }
                    Err(e) => {
                        self.error(format!(
                            "Could not read {shown}: {e} — check the path and its permissions."
                        ));
                        return;
                    }
                }
            }
            Source::Text(text) => (text.into_bytes(), "pasted text".to_string()),
        };
        let draft = match postmortem::text_of(&bytes) {
            Ok(text) => postmortem::draft(text),
            Err(InputError::Empty) if from == "pasted text" => {
                self.error(format!(
                    "Type the path of a postmortem file, or paste its text, then {}.",
                    keymap::key_for(Context::PostmortemSource, Action::DraftIt)
                ));
                return;
            }
            Err(e) => {
                self.error(format!("{from}: {e}"));
                return;
            }
        };
        let score = score_story(&draft.story);
        if let Some(p) = self.postmortem_mut() {
            p.draft = Some(draft);
            p.score = Some(score);
            p.from = from;
            p.scroll = 0;
            p.step = DraftStep::Review;
        }
    }

    /// The draft into the story editor as a new story, on My role: unsaved
    /// until Ctrl-s, and kept as a draft if the app is quit before that.
    fn open_draft_in_editor(&mut self) {
        let Some(draft) = self.postmortem_mut().and_then(|p| p.draft.take()) else {
            return;
        };
        let mut editor = Editor::story(None, draft.story);
        // Measured against an empty story: leaving asks, quitting keeps it.
        editor.original = Subject::Story(Story::default());
        editor.focus_on(StoryField::Role);
        self.open_story_editor(editor);
        self.info(format!(
            "Drafted from the postmortem — write My role and Decision yourself (the questions are in Notes). Nothing is saved until {}.",
            keymap::key_for(Context::Editor, Action::Save)
        ));
    }
}
