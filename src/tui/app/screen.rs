//! The screen on show, each variant owning its state: an editor exists only
//! while the editor is on screen, a quiz only in the quiz, and so on, so no
//! combination that cannot happen can be written down.
//!
//! A screen that returns to the list it was opened from with that list as
//! it was (the stories under the editor, a step's list under its form)
//! holds the list's view inside its own variant; leaving gives it back. The
//! rows the user left each list at outlive any visit and are in
//! [`Places`], as the stories' own selection is in the scored kit.

use super::checklist::CoverageCursor;
use super::drills::ReviewSession;
use super::editing::Under;
use super::pickers::Picker;
use super::postmortem::PostmortemState;
use super::quiz::QuizState;
use super::rehearse::RehearsalState;
use super::troubleshoot::Round;
use crate::tui::editor::Editor;
use crate::tui::form::FormKind;
use crate::tui::text_input::TextInput;

/// The screen on show and its state.
pub enum Screen {
    Home,
    Stories(StoriesView),
    /// The editor, on a story or an item, over what it returns to.
    Editor {
        editor: Box<Editor>,
        under: Under,
    },
    Spoken {
        scroll: u16,
        stories: StoriesView,
    },
    /// Design answers, metrics or opinions.
    Items(ItemsView),
    Quiz {
        quiz: Box<QuizState>,
        items: ItemsView,
    },
    /// Step 4: the Linux & systems deck.
    Deck,
    Review(ReviewSession),
    Rehearse {
        rehearsal: Box<RehearsalState>,
        stories: StoriesView,
    },
    Checklist {
        scroll: u16,
    },
    Coverage {
        cursor: CoverageCursor,
        checklist_scroll: u16,
    },
    /// Step 4: the troubleshooting scenarios.
    Scenarios,
    /// A troubleshooting round, then its judgment.
    Troubleshoot(Box<Round>),
    /// `P`: a story drafted from a postmortem.
    Postmortem {
        draft: Box<PostmortemState>,
        stories: StoriesView,
    },
}

/// Which screen is on show, without its state: for tests, the header and
/// anything that only asks "where am I?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenId {
    Home,
    Stories,
    /// The editor on a story.
    Editor,
    Spoken,
    Designs,
    Metrics,
    Opinions,
    /// The editor on a design answer, metric, opinion, the narrative or
    /// the interview details.
    Form,
    Quiz,
    Deck,
    Review,
    Rehearse,
    Checklist,
    Coverage,
    Scenarios,
    Troubleshoot,
    Postmortem,
}

impl Screen {
    pub fn id(&self) -> ScreenId {
        match self {
            Screen::Home => ScreenId::Home,
            Screen::Stories(_) => ScreenId::Stories,
            Screen::Editor { editor, .. } if editor.kind().is_none() => ScreenId::Editor,
            Screen::Editor { .. } => ScreenId::Form,
            Screen::Spoken { .. } => ScreenId::Spoken,
            Screen::Items(view) => match view.kind {
                FormKind::Design => ScreenId::Designs,
                FormKind::Metric => ScreenId::Metrics,
                _ => ScreenId::Opinions,
            },
            Screen::Quiz { .. } => ScreenId::Quiz,
            Screen::Deck => ScreenId::Deck,
            Screen::Review(_) => ScreenId::Review,
            Screen::Rehearse { .. } => ScreenId::Rehearse,
            Screen::Checklist { .. } => ScreenId::Checklist,
            Screen::Coverage { .. } => ScreenId::Coverage,
            Screen::Scenarios => ScreenId::Scenarios,
            Screen::Troubleshoot(_) => ScreenId::Troubleshoot,
            Screen::Postmortem { .. } => ScreenId::Postmortem,
        }
    }

    /// The stories view on screen or under the screen, if any.
    pub fn stories(&self) -> Option<&StoriesView> {
        match self {
            Screen::Stories(stories)
            | Screen::Editor {
                under: Under::Stories(stories),
                ..
            }
            | Screen::Spoken { stories, .. }
            | Screen::Rehearse { stories, .. }
            | Screen::Postmortem { stories, .. } => Some(stories),
            _ => None,
        }
    }

    /// The picker open over the screen, if any.
    pub fn picker(&self) -> Option<&Picker> {
        match self {
            Screen::Stories(view) => view.picker.as_ref(),
            Screen::Items(view) => view.picker.as_ref(),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    List,
    Detail,
}

/// The stories screen's own state; the list itself (filter, sort, the
/// selected story) lives with the kit in [`super::ScoredKit`].
#[derive(Debug, Clone, Default)]
pub struct StoriesView {
    /// Showing the built-in examples rather than the user's stories.
    pub examples: bool,
    pub filtering: bool,
    /// The filter as typed, with its cursor (the list filters by its text).
    pub filter: Box<TextInput>,
    pub pane: Pane,
    pub detail_scroll: u16,
    /// `r`: the question to rehearse the story against, being picked.
    pub picker: Option<Picker>,
}

/// A list of design answers, metrics or opinions on screen.
#[derive(Debug, Clone)]
pub struct ItemsView {
    pub kind: FormKind,
    pub pane: Pane,
    pub detail_scroll: u16,
    /// `n` on designs, `t` on opinions: a prompt or a debate being picked.
    pub picker: Option<Picker>,
}

impl ItemsView {
    pub fn new(kind: FormKind) -> ItemsView {
        ItemsView {
            kind,
            pane: Pane::List,
            detail_scroll: 0,
            picker: None,
        }
    }
}

/// Where the user left each list, kept across visits: coming back to a
/// step finds its list where it was.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Places {
    /// The highlighted step on home.
    pub step: usize,
    /// The selected row in designs, metrics, opinions.
    pub items: [usize; 3],
    /// The highlighted topic of the deck.
    pub topic: usize,
    /// The highlighted troubleshooting scenario.
    pub scenario: usize,
}

impl Places {
    pub fn item(&self, kind: FormKind) -> usize {
        self.items[slot(kind)]
    }

    pub fn item_mut(&mut self, kind: FormKind) -> &mut usize {
        &mut self.items[slot(kind)]
    }
}

fn slot(kind: FormKind) -> usize {
    match kind {
        FormKind::Design => 0,
        FormKind::Metric => 1,
        _ => 2,
    }
}
