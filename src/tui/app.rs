//! The app's shared state and the one place it changes: key -> [`Action`]
//! -> [`App::update`], which hands the action to the screen on show (its
//! state is in its [`Screen`] variant) and calls the store. Drawing only
//! reads this state.

mod checklist;
mod drills;
mod editing;
mod events;
mod items;
mod leftover;
#[cfg(all(test, target_os = "linux"))]
mod loading_tests;
mod pickers;
mod postmortem;
mod quiz;
mod rehearse;
mod scored_kit;
mod screen;
mod scrolling;
mod storage;
mod stories;
mod troubleshoot;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use ratatui::layout::Rect;

use super::editor::Editor;
use super::external_editor::EditTarget;
use super::form::FormKind;
use super::frame_areas::LastFrame;
use super::keymap::{Action, Context, key_for};
use super::layout;
use super::theme::Theme;
use crate::content::examples::example_stories;
use crate::drill::deck::Card;
use crate::drill::reviews::Reviews;
use crate::drill::scenario::Scenario;
use crate::kit::{Kit, Story};
use crate::readiness::Readiness;
use crate::score::StoryScore;
use crate::store::{Draft, Folder, Listing, LoadProblem};
pub use checklist::CoverageCursor;
pub use drills::ReviewSession;
use editing::Under;
pub use pickers::{Picker, PickerKind};
pub use postmortem::{DraftStep, PostmortemState};
pub use quiz::{QuizQuestion, QuizState};
pub use rehearse::{RehearsalState, RehearsalStep, TARGET_SECONDS};
pub use scored_kit::{ScoredKit, Sort};
pub use screen::{ItemsView, Pane, Places, Screen, ScreenId, StoriesView};
pub use storage::{ReadOnly, Storage};
pub use troubleshoot::{Finished, Round, best, due_label};

/// A pane whose text scrolls, each stopping where its last line reaches
/// the bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    StoryDetail,
    StepDetail(FormKind),
    Checklist,
    Spoken,
    Help(Context),
    RehearsalResult,
}

/// How to scroll: by rows (up is negative), or to an end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScrollTo {
    By(i32),
    Top,
    Bottom,
}

/// A question waiting for y/n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    DeleteStory {
        id: String,
        title: String,
    },
    DeleteItem {
        kind: FormKind,
        index: usize,
        title: String,
    },
    /// Esc in the editor with something unsaved.
    LeaveEditor,
    /// Ctrl-c where unsaved text cannot be kept (a read-only app, or text
    /// back from `$EDITOR` that could not be read); `back` is the question
    /// it interrupted, asked again on "no".
    QuitAndLoseText {
        back: Option<Box<Confirm>>,
    },
    /// Text back from `$EDITOR` could not be read: edit it again (the same
    /// text, to fix) or drop it — as `crontab -e` and `visudo` ask.
    EditAgain {
        why: String,
        retry: Pending,
    },
    AbandonRehearsal,
    /// The text being edited when the app last ended, kept in `draft.json`.
    RestoreDraft {
        title: String,
        draft: Box<Draft>,
    },
    /// Text left in `$EDITOR` by a session that ended while it was open:
    /// the file, and what it was editing (`None` for a file whose name
    /// does not say, from an older version).
    RestoreEditorText {
        what: String,
        path: PathBuf,
        target: Option<EditTarget>,
    },
    GiveUpRound,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
}

/// What became of the editor's unsaved text as the app ended.
#[derive(Debug)]
pub enum DraftOutcome {
    NothingUnsaved,
    /// Written to `draft.json`.
    Kept,
    NotKept {
        why: String,
        draft: Box<Draft>,
    },
}

/// Work the event loop must do outside the app: it owns the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// End the app.
    Quit,
    /// Edit this text in `$EDITOR`, for a story or an item.
    Edit { target: EditTarget, text: String },
}

/// Help open over a screen, and how far it is scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Help {
    pub under: Context,
    pub scroll: u16,
}

/// What is drawn over the screen: the message at the bottom, a question
/// waiting for y/n, the help.
#[derive(Debug, Default)]
struct Overlays {
    status: Option<Status>,
    confirm: Option<Confirm>,
    help: Option<Help>,
}

/// The drill material and its history: the cards, the troubleshooting
/// scenarios, `reviews.json`, and the scheduler that plans them.
struct Practice {
    /// The built-in cards and the user's own (`cards.json`).
    deck: Vec<Card>,
    /// The built-in scenarios and the user's own (`scenarios.json`).
    scenarios: Vec<Scenario>,
    reviews: Reviews,
    scheduler: crate::drill::srs::Scheduler,
}

/// Worked out once and kept until what they come from changes.
#[derive(Default)]
struct Caches {
    /// The checklist, once every story is scored; cleared when the kit or
    /// the drill history changes.
    readiness: Option<Readiness>,
    /// The built-in example stories, scored, in a list of their own: never
    /// in the kit, so never counted toward readiness, coverage or the cheat
    /// sheet. Read-only; `c` copies one into the kit.
    examples: ScoredKit,
    /// The full score of the selected story (for the detail pane), keyed
    /// by the story's content.
    story_detail: Option<(String, StoryScore)>,
    /// Where the last frame drew what the mouse can point at (written as
    /// the frame is drawn).
    last_frame: LastFrame,
}

/// Opening the data directory: counted for the first frame, then read.
enum Load {
    /// The story and design files found so far, read right after the
    /// first frame.
    Counting(Loading),
    /// Read; the files that could not be.
    Done(Vec<LoadProblem>),
}

pub struct App {
    pub theme: Theme,
    pub today: NaiveDate,
    /// The data directory: writable, or read-only and why.
    storage: Storage,
    /// The kit with its scores and the stories list; changed only through
    /// [`App::change_kit`], so nothing derived from it can go stale.
    scored: ScoredKit,
    caches: Caches,
    practice: Practice,
    load: Load,
    /// The screen on show, with its state.
    screen: Screen,
    places: Places,
    overlays: Overlays,
    pub size: (u16, u16),
    /// What the event loop is to do next outside the app: quit, or run `$EDITOR`.
    pub pending: Option<Pending>,
}

/// Entries of each folder listed before the first frame: a kit of a
/// thousand stories is counted whole in it, and a bigger one does not hold
/// it back (its count comes in the next frame, from the same listing).
const FIRST_FRAME_ENTRIES: usize = 1024;

/// The data directory as counted for the first frame, read right after it.
struct Loading {
    /// The folders as listed for the count, finished and read by the load,
    /// so they are listed once.
    listing: Listing,
}

impl App {
    /// Opens the data directory: takes the lock if it can (else read-only,
    /// and says why), loads everything, offers back a draft.
    pub fn open(data_dir: &Path, today: NaiveDate, theme: Theme) -> App {
        let mut app = App::open_first_frame(data_dir, today, theme);
        app.finish_loading();
        app
    }

    /// Opens just enough for the first frame: the lock and a count of the
    /// story and design files. [`App::finish_loading`] reads the rest right
    /// after that frame is drawn, before any key is handled.
    pub fn open_first_frame(data_dir: &Path, today: NaiveDate, theme: Theme) -> App {
        let mut storage = Storage::open(data_dir, FIRST_FRAME_ENTRIES);
        // The listing the store began as it opened (clearing temp files),
        // or, read-only, one begun here: the count now, the load later.
        let listing = storage.take_listing(FIRST_FRAME_ENTRIES);
        App {
            theme,
            today,
            storage,
            scored: ScoredKit::default(),
            caches: Caches::default(),
            practice: Practice {
                deck: Vec::new(),
                scenarios: Vec::new(),
                reviews: Reviews::default(),
                scheduler: crate::drill::srs::Scheduler::new(),
            },
            load: Load::Counting(Loading { listing }),
            screen: Screen::Home,
            places: Places::default(),
            overlays: Overlays::default(),
            size: (100, 30),
            pending: None,
        }
    }

    /// Lists the rest of a folder too big to be counted for the first
    /// frame; true if there was some (the frame loop draws the count
    /// before [`App::finish_loading`] reads the kit).
    pub fn count_the_rest(&mut self) -> bool {
        match &mut self.load {
            Load::Counting(loading) if !loading.listing.is_complete() => {
                loading.listing.finish();
                true
            }
            _ => false,
        }
    }

    /// Reads the whole data directory (the second half of opening).
    pub fn finish_loading(&mut self) {
        let Load::Counting(loading) = std::mem::replace(&mut self.load, Load::Done(Vec::new()))
        else {
            return;
        };
        let loaded = self.storage.load_listed(loading.listing);
        self.load = Load::Done(loaded.problems);
        self.change_kit(|kit| *kit = loaded.kit);
        let examples = &mut self.caches.examples;
        examples.change(|kit| kit.stories = example_stories());
        // Four built-in stories: scored at once, before they can be shown.
        examples.start_scoring();
        while examples.wait(usize::MAX) {}
        examples.select(0);
        self.load_reviews();
        self.load_deck();
        self.load_scenarios();
        let mut problems = Vec::new();
        let draft = match &mut self.storage {
            Storage::Writable(store) => store.load_draft(&mut problems),
            Storage::ReadOnly { .. } => None,
        };
        self.add_problems(problems);
        if let Some(draft) = draft {
            let title = if draft.story.title.trim().is_empty() {
                "an untitled story".to_string()
            } else {
                format!("'{}'", draft.story.title)
            };
            self.overlays.confirm = Some(Confirm::RestoreDraft {
                title,
                draft: Box::new(draft),
            });
        } else {
            self.offer_leftover_edit();
        }
    }

    /// Files of the data directory that could not be read.
    pub fn problems(&self) -> &[LoadProblem] {
        match &self.load {
            Load::Done(problems) => problems,
            Load::Counting(_) => &[],
        }
    }

    fn add_problems(&mut self, more: Vec<LoadProblem>) {
        if let Load::Done(problems) = &mut self.load {
            problems.extend(more);
        }
    }

    /// Still reading the data directory (only ever true for the first frame).
    pub fn loading(&self) -> bool {
        matches!(self.load, Load::Counting(_))
    }

    /// The kit as loaded and saved.
    pub fn kit(&self) -> &Kit {
        self.scored.kit()
    }

    /// The kit's scores and the user's stories list.
    pub fn scored(&self) -> &ScoredKit {
        &self.scored
    }

    /// The list the stories screen shows: the user's stories, or the
    /// built-in examples.
    pub fn list(&self) -> &ScoredKit {
        if self.showing_examples() {
            &self.caches.examples
        } else {
            &self.scored
        }
    }

    fn list_mut(&mut self) -> &mut ScoredKit {
        if self.showing_examples() {
            &mut self.caches.examples
        } else {
            &mut self.scored
        }
    }

    /// The stories screen shows the built-in examples (read-only, not the
    /// user's).
    pub fn showing_examples(&self) -> bool {
        self.screen.stories().is_some_and(|s| s.examples)
    }

    /// The counting of the story and design folders, while loading.
    fn counting(&self) -> Option<&Listing> {
        match &self.load {
            Load::Counting(loading) => Some(&loading.listing),
            Load::Done(_) => None,
        }
    }

    /// Stories on file (counted from the folder while loading: found so
    /// far until [`App::counted`]).
    pub fn story_count(&self) -> usize {
        self.counting()
            .map_or(self.kit().stories.len(), |l| l.found(Folder::Stories))
    }

    pub fn design_count(&self) -> usize {
        self.counting()
            .map_or(self.kit().designs.len(), |l| l.found(Folder::Designs))
    }

    /// The story and design files are all counted (false only while a big
    /// folder is still being listed, for the first frame).
    pub fn counted(&self) -> bool {
        self.counting().is_none_or(Listing::is_complete)
    }

    /// Nothing prepared yet: the welcome panel (never while still counting).
    pub fn first_run(&self) -> bool {
        match self.counting() {
            Some(l) => l.count(Folder::Stories) == Some(0) && l.count(Folder::Designs) == Some(0),
            None => self.kit().is_empty(),
        }
    }

    // ---- what the screens read ----

    /// Which screen is on show.
    pub fn screen(&self) -> ScreenId {
        self.screen.id()
    }

    /// The screen on show, with its state (for drawing).
    pub fn shown(&self) -> &Screen {
        &self.screen
    }

    /// Where the user left each list.
    pub fn places(&self) -> &Places {
        &self.places
    }

    pub fn status(&self) -> Option<&Status> {
        self.overlays.status.as_ref()
    }

    pub fn confirm(&self) -> Option<&Confirm> {
        self.overlays.confirm.as_ref()
    }

    pub fn help(&self) -> Option<&Help> {
        self.overlays.help.as_ref()
    }

    /// The app is to end.
    pub fn quitting(&self) -> bool {
        self.pending == Some(Pending::Quit)
    }

    fn quit(&mut self) {
        self.pending = Some(Pending::Quit);
    }

    pub fn reviews(&self) -> &Reviews {
        &self.practice.reviews
    }

    pub fn deck(&self) -> &[Card] {
        &self.practice.deck
    }

    pub fn scenarios(&self) -> &[Scenario] {
        &self.practice.scenarios
    }

    /// Where the last frame drew what the mouse can point at.
    pub(crate) fn last_frame(&self) -> &LastFrame {
        &self.caches.last_frame
    }

    /// The full score of the selected story, for the detail pane.
    pub fn story_detail(&self) -> Option<&StoryScore> {
        self.caches.story_detail.as_ref().map(|(_, score)| score)
    }

    pub fn picker(&self) -> Option<&Picker> {
        self.screen.picker()
    }

    /// The editor on a story, on screen.
    pub fn editor(&self) -> Option<&Editor> {
        match &self.screen {
            Screen::Editor { editor, .. } if editor.kind().is_none() => Some(editor),
            _ => None,
        }
    }

    /// The editor on an item (a design answer, metric, opinion, the
    /// narrative, the interview details), on screen.
    pub fn form(&self) -> Option<&Editor> {
        match &self.screen {
            Screen::Editor { editor, .. } if editor.kind().is_some() => Some(editor),
            _ => None,
        }
    }

    pub fn quiz(&self) -> Option<&QuizState> {
        match &self.screen {
            Screen::Quiz { quiz, .. } => Some(quiz),
            _ => None,
        }
    }

    pub fn review(&self) -> Option<&ReviewSession> {
        match &self.screen {
            Screen::Review(session) => Some(session),
            _ => None,
        }
    }

    pub fn rehearsal(&self) -> Option<&RehearsalState> {
        match &self.screen {
            Screen::Rehearse { rehearsal, .. } => Some(rehearsal),
            _ => None,
        }
    }

    pub fn postmortem(&self) -> Option<&PostmortemState> {
        match &self.screen {
            Screen::Postmortem { draft, .. } => Some(draft),
            _ => None,
        }
    }

    /// The troubleshooting round on screen.
    pub fn round(&self) -> Option<&Round> {
        match &self.screen {
            Screen::Troubleshoot(round) => Some(round),
            _ => None,
        }
    }

    /// The cursor of the coverage matrix, while it is on screen.
    pub fn coverage(&self) -> Option<CoverageCursor> {
        match &self.screen {
            Screen::Coverage { cursor, .. } => Some(*cursor),
            _ => None,
        }
    }

    /// The stories view from the screen (on show, or under the screen on
    /// show), or a new one: for a screen that returns to the stories.
    fn take_stories(&mut self) -> StoriesView {
        match std::mem::replace(&mut self.screen, Screen::Home) {
            Screen::Stories(stories)
            | Screen::Editor {
                under: Under::Stories(stories),
                ..
            }
            | Screen::Spoken { stories, .. }
            | Screen::Rehearse { stories, .. }
            | Screen::Postmortem { stories, .. } => stories,
            other => {
                self.screen = other;
                StoriesView::default()
            }
        }
    }

    /// Back to the stories, as they were under the screen on show.
    fn back_to_stories(&mut self) {
        let stories = self.take_stories();
        self.screen = Screen::Stories(stories);
    }

    fn stories_view_mut(&mut self) -> Option<&mut StoriesView> {
        match &mut self.screen {
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

    /// Changes the kit: scores and the stories list are rebuilt with it
    /// (by [`ScoredKit::change`]), then what the app keeps beside them.
    pub(super) fn change_kit<R>(&mut self, edit: impl FnOnce(&mut Kit) -> R) -> R {
        let result = self.scored.change(edit);
        self.after_kit_change();
        result
    }

    /// After `self.scored.change` (called directly where a borrow of the
    /// store is held): the checklist is worked out again, the detail and
    /// the coverage cursor follow the kit, and what is not scored yet is
    /// scored in the background (the detail's story first, here: its score
    /// is the one the list and readiness use).
    pub(super) fn after_kit_change(&mut self) {
        self.caches.readiness = None;
        self.refresh_detail();
        self.scored.start_scoring();
        let stories = self.kit().stories.len();
        if let Screen::Coverage { cursor, .. } = &mut self.screen {
            cursor.story = cursor.story.min(stories.saturating_sub(1));
        }
    }

    /// Takes in the scores the background threads have finished, and works
    /// out the checklist once all are in. Never waits (the frame loop
    /// calls it between events); true when there is something new to draw.
    pub fn collect_scores(&mut self) -> bool {
        // Started by `after_kit_change`; here too, so a change that missed
        // it is scored all the same.
        self.scored.start_scoring();
        let new = self.scored.collect();
        self.after_scores() || new
    }

    /// Waits for up to `budget` more scores from the background threads,
    /// as [`App::collect_scores`] takes them; true while work remains. For
    /// tests and benchmarks: the frame loop never waits.
    pub fn score_some(&mut self, budget: usize) -> bool {
        self.scored.start_scoring();
        self.scored.wait(budget);
        self.after_scores();
        !self.scoring_done()
    }

    /// The checklist, from the kit's evaluation once everything is scored.
    fn after_scores(&mut self) -> bool {
        if self.caches.readiness.is_none() && self.scored.scoring_done() {
            self.refresh_readiness();
            return true;
        }
        false
    }

    pub fn scoring_done(&self) -> bool {
        self.scored.scoring_done() && self.caches.readiness.is_some()
    }

    pub fn ready_count(&self) -> usize {
        self.scored.ready_count()
    }

    fn refresh_detail(&mut self) {
        let key = match self.selected_story() {
            None => None,
            Some(story) => match &self.caches.story_detail {
                Some((key, _)) if *key == detail_key(story) => return,
                _ => Some(detail_key(story)),
            },
        };
        self.caches.story_detail = key.zip(self.list_mut().score_selected());
    }

    /// The story selected on the stories screen: the user's, or an example
    /// while the examples are shown.
    pub fn selected_story(&self) -> Option<&Story> {
        self.list().selected_story()
    }

    /// Rows the message at the bottom takes, wrapped across `area` (0 when
    /// there is none): at most a third of it.
    pub fn status_rows(&self, area: Rect) -> u16 {
        let Some(status) = &self.overlays.status else {
            return 0;
        };
        let line = ratatui::text::Line::from(format!(" {} ", super::widgets::safe(&status.text)));
        let most = (area.height / 3).max(1);
        layout::wrapped_rows(&[line], area.width).clamp(1, most)
    }

    /// Where the screens are drawn in `area`: above a long message.
    pub fn screen_area_in(&self, area: Rect) -> Rect {
        layout::screen_area(area, self.status_rows(area))
    }

    /// Where the screens are drawn in the terminal (for the mouse and for
    /// scrolling, which must agree with the frame).
    pub fn screen_area(&self) -> Rect {
        self.screen_area_in(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// The screen whose keys are live now.
    pub fn context(&self) -> Context {
        if self.overlays.confirm.is_some() {
            return Context::Confirm;
        }
        if self.overlays.help.is_some() {
            return Context::Help;
        }
        if self.screen.picker().is_some() {
            return Context::Picker;
        }
        match &self.screen {
            Screen::Home => Context::Home,
            Screen::Stories(view) if view.filtering => Context::Filter,
            Screen::Stories(view) if view.examples => Context::Examples,
            Screen::Stories(_) => Context::Stories,
            Screen::Editor { editor, .. } if editor.kind().is_none() => Context::Editor,
            Screen::Editor { .. } => Context::Form,
            Screen::Spoken { .. } => Context::Spoken,
            Screen::Items(view) => match view.kind {
                FormKind::Design => Context::Designs,
                FormKind::Metric => Context::Metrics,
                _ => Context::Opinions,
            },
            Screen::Quiz { .. } => Context::Quiz,
            Screen::Deck => Context::Deck,
            Screen::Review(_) => Context::Review,
            Screen::Rehearse { rehearsal, .. } => match rehearsal.step {
                RehearsalStep::Result => Context::RehearseResult,
                RehearsalStep::Rate => Context::RehearseRate,
                _ => Context::Rehearse,
            },
            Screen::Checklist { .. } => Context::Checklist,
            Screen::Coverage { .. } => Context::Coverage,
            Screen::Scenarios => Context::Scenarios,
            Screen::Troubleshoot(round) if round.finished.is_none() => Context::Troubleshoot,
            Screen::Troubleshoot(_) => Context::TroubleshootResult,
            Screen::Postmortem { draft, .. } => match draft.step {
                DraftStep::Review => Context::PostmortemDraft,
                DraftStep::Source => Context::PostmortemSource,
            },
        }
    }

    fn info(&mut self, text: impl Into<String>) {
        self.overlays.status = Some(Status {
            kind: StatusKind::Info,
            text: text.into(),
        });
    }

    fn error(&mut self, text: impl Into<String>) {
        self.overlays.status = Some(Status {
            kind: StatusKind::Error,
            text: text.into(),
        });
    }

    fn ask(&mut self, question: Confirm) {
        self.overlays.confirm = Some(question);
    }

    /// At the start of an edit in a read-only app: say now, not at Ctrl-s,
    /// that it cannot be saved here.
    pub(super) fn say_edit_cannot_be_saved(&mut self) {
        // Why it is read-only is on home; here, what it means for this edit.
        if self.storage.read_only().is_some() {
            self.error(
                "This window is read-only, so this edit cannot be saved here — you can still type and see the score.",
            );
        }
    }

    /// Says why a change was refused: this window cannot write.
    pub(super) fn refuse(&mut self, why: ReadOnly) {
        self.error(format!("{why} — nothing was changed."));
    }

    /// Why this window cannot write, if it cannot (shown on home and in
    /// the header).
    pub fn read_only(&self) -> Option<&str> {
        self.storage.read_only()
    }

    /// The data directory.
    pub fn data_dir(&self) -> &Path {
        self.storage.dir()
    }

    // ---- actions ----

    pub fn update(&mut self, action: Action) {
        if action == Action::ForceQuit {
            self.force_quit();
            return;
        }
        if self.overlays.confirm.is_some() {
            self.answer(action == Action::Yes);
            return;
        }
        if let Some(help) = self.overlays.help {
            match action {
                Action::Back => self.overlays.help = None,
                Action::Down => self.scroll(Scroll::Help(help.under), ScrollTo::By(1)),
                Action::Up => self.scroll(Scroll::Help(help.under), ScrollTo::By(-1)),
                _ => {}
            }
            return;
        }
        if action == Action::Help {
            self.overlays.help = Some(Help {
                under: self.context(),
                scroll: 0,
            });
            return;
        }
        if self.screen.picker().is_some() {
            self.update_picker(action);
            return;
        }
        match &self.screen {
            Screen::Home => self.update_home(action),
            Screen::Stories(view) if view.filtering => self.update_filter(action),
            Screen::Stories(_) => self.update_stories(action),
            Screen::Editor { .. } => self.update_editor(action),
            Screen::Spoken { .. } => self.update_spoken(action),
            Screen::Items(view) => self.update_items(view.kind, action),
            Screen::Quiz { .. } => self.update_quiz(action),
            Screen::Deck => self.update_deck(action),
            Screen::Review(_) => self.update_review(action),
            Screen::Rehearse { .. } => self.update_rehearsal(action),
            Screen::Checklist { .. } => self.update_checklist(action),
            Screen::Coverage { .. } => self.update_coverage(action),
            Screen::Scenarios => self.update_scenarios(action),
            Screen::Troubleshoot(_) => self.update_troubleshoot(action),
            Screen::Postmortem { .. } => self.update_postmortem(action),
        }
    }

    fn update_home(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit(),
            Action::Up => self.places.step = self.places.step.saturating_sub(1),
            Action::Down => self.places.step = (self.places.step + 1).min(4),
            Action::Step(n) => {
                self.places.step = usize::from(n - 1);
                self.open_step(n);
            }
            Action::Open => self.open_step(self.places.step as u8 + 1),
            Action::NewStory => self.new_story(),
            Action::Examples => self.show_examples(true),
            Action::Narrative => self.open_narrative(),
            Action::RehearseAny => self.rehearse_any(),
            Action::Checklist => self.screen = Screen::Checklist { scroll: 0 },
            Action::Profile => self.open_profile(),
            _ => {}
        }
    }

    fn open_step(&mut self, step: u8) {
        self.screen = match step {
            // Step 1 is the user's own stories, whatever was shown last.
            1 => Screen::Stories(StoriesView::default()),
            2 => Screen::Items(ItemsView::new(FormKind::Design)),
            3 => Screen::Items(ItemsView::new(FormKind::Metric)),
            4 => Screen::Deck,
            _ => Screen::Items(ItemsView::new(FormKind::Opinion)),
        };
        // The user's stories, not the examples, are listed now.
        self.refresh_detail();
    }

    fn answer(&mut self, yes: bool) {
        let Some(question) = self.overlays.confirm.take() else {
            return;
        };
        match (question, yes) {
            (Confirm::DeleteStory { id, title }, true) => self.delete_story(&id, &title),
            (Confirm::LeaveEditor, true) => self.close_editor(),
            (Confirm::QuitAndLoseText { .. }, true) => self.quit(),
            (Confirm::QuitAndLoseText { back }, false) => self.overlays.confirm = back.map(|b| *b),
            (Confirm::EditAgain { retry, .. }, true) => self.pending = Some(retry),
            (Confirm::EditAgain { .. }, false) => {
                self.info("Your text from $EDITOR was dropped; what is saved is as it was.")
            }
            (Confirm::AbandonRehearsal, true) => {
                self.back_to_stories();
                self.info("Rehearsal abandoned; nothing was kept.");
            }
            (Confirm::GiveUpRound, true) => self.finish_round(true),
            (Confirm::DeleteItem { kind, index, title }, true) => {
                self.delete_item(kind, index, &title)
            }
            (Confirm::RestoreDraft { draft, .. }, true) => {
                self.restore_draft(*draft);
                self.discard_draft_file();
                self.info(format!(
                    "Your draft is back. {} saves it.",
                    key_for(Context::Editor, Action::Save)
                ));
            }
            (Confirm::RestoreEditorText { path, target, .. }, yes) => {
                self.answer_leftover_edit(&path, target, yes)
            }
            (Confirm::RestoreDraft { .. }, false) => {
                self.discard_draft_file();
                self.info("Draft moved to the trash.");
            }
            _ => {}
        }
    }

    fn discard_draft_file(&mut self) {
        if let Ok(store) = self.storage.writable()
            && let Err(e) = store.discard_draft()
        {
            self.error(format!(
                "The draft file could not be moved to the trash: {e}"
            ));
        }
    }

    /// Quits now. An editor with unsaved text leaves it as a draft, offered
    /// back at the next start.
    fn force_quit(&mut self) {
        // Text from $EDITOR waiting to be fixed is not a draft: ask.
        if let Some(asked) = self
            .overlays
            .confirm
            .take_if(|c| matches!(c, Confirm::EditAgain { .. }))
        {
            self.ask(Confirm::QuitAndLoseText {
                back: Some(Box::new(asked)),
            });
            return;
        }
        if self.storage.read_only().is_some() {
            // Read-only: nothing may be written, not even a draft. Ask
            // first; a second Ctrl-c is the answer yes.
            if self.unsaved_draft().is_some()
                && !matches!(self.overlays.confirm, Some(Confirm::QuitAndLoseText { .. }))
            {
                self.ask(Confirm::QuitAndLoseText { back: None });
                return;
            }
        } else if let DraftOutcome::NotKept { why, .. } = self.keep_draft() {
            // Quitting would lose the text: stay, and say why.
            self.error(format!(
                "Could not keep your draft ({why}) — save with {} or fix the problem first.",
                key_for(Context::Editor, Action::Save)
            ));
            return;
        }
        self.quit();
    }

    /// The unsaved text of the open story editor or form, as a draft.
    pub fn unsaved_draft(&self) -> Option<Draft> {
        self.editor_draft()
    }

    /// Keeps the unsaved text as `draft.json`, offered back at the next
    /// start: what `Ctrl-c` does, and what ending by a signal or a lost
    /// terminal does.
    pub fn keep_draft(&self) -> DraftOutcome {
        let Some(draft) = self.unsaved_draft() else {
            return DraftOutcome::NothingUnsaved;
        };
        let result = match self.storage.writable() {
            Ok(store) => store.save_draft(&draft).map_err(|e| e.to_string()),
            Err(why) => Err(why.to_string()),
        };
        match result {
            Ok(()) => DraftOutcome::Kept,
            Err(why) => DraftOutcome::NotKept {
                why,
                draft: Box::new(draft),
            },
        }
    }

    /// Text from `$EDITOR` that could not be saved: it stays as it came
    /// back, to be fixed in the editor again (or dropped, if the user says).
    pub(super) fn ask_to_edit_again(&mut self, why: String, retry: Pending) {
        self.overlays.status = None;
        self.ask(Confirm::EditAgain { why, retry });
    }
}

/// Identifies a story's content for the detail cache.
fn detail_key(story: &Story) -> String {
    format!("{}:{}", story.id, super::scores::content_key(story))
}
