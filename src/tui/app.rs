//! The app's state and the one place it changes: key -> [`Action`] ->
//! [`App::update`], which calls the store. Drawing only reads this state.

mod checklist;
mod drills;
mod leftover;
#[cfg(all(test, target_os = "linux"))]
mod loading_tests;
mod postmortem;
mod rehearse;
mod scored_kit;
mod steps;
mod troubleshoot;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

use super::editor::{EditorState, FIELDS};
use super::form::{FormEditor, FormKind};
use super::frame_areas::LastFrame;
use super::keymap::{Action, Context, action_for};
use super::layout;
use super::text_input::TextInput;
use super::theme::Theme;
use crate::content::examples::example_stories;
use crate::kit::{Kit, Story, template};
use crate::score::StoryScore;
use crate::store::{self, Draft, Folder, Listing, LoadProblem, Store, StoreError};
pub use checklist::CoverageCursor;
pub use drills::ReviewSession;
pub use postmortem::{DraftStep, PostmortemState};
pub use rehearse::{RehearsalState, RehearsalStep, TARGET_SECONDS};
pub use scored_kit::{ScoredKit, Sort};
pub use steps::{Picker, PickerKind, QuizQuestion, QuizState, StepsState};
pub use troubleshoot::{Finished, Round, TroubleshootState, best, due_label};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Stories,
    Editor,
    Spoken,
    Designs,
    Metrics,
    Opinions,
    /// The editor of a design, metric, opinion or the narrative.
    Form,
    Quiz,
    /// Step 4: the Linux & systems deck.
    Deck,
    Review,
    Rehearse,
    Checklist,
    Coverage,
    /// Step 4: the troubleshooting scenarios.
    Scenarios,
    /// A troubleshooting round, then its judgment.
    Troubleshoot,
    /// `P`: a story drafted from a postmortem.
    Postmortem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    List,
    Detail,
}

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
    LeaveForm,
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
    RestoreDraft {
        title: String,
    },
    /// Text left in `$EDITOR` by a session that ended while it was open.
    RestoreEditorText {
        what: String,
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
    /// Edit this text in `$EDITOR`, for the story with this id.
    ExternalEdit { id: String, text: String },
    /// Edit a design, metric, opinion or the narrative in `$EDITOR`.
    ExternalEditForm {
        kind: FormKind,
        index: Option<usize>,
        text: String,
    },
}

/// The stories screen's own state; the list itself (filter, sort, the
/// selected story) lives with the kit in [`ScoredKit`].
pub struct StoriesState {
    /// Showing the built-in examples rather than the user's stories.
    pub examples: bool,
    pub filtering: bool,
    /// The filter as typed, with its cursor (the list filters by its text).
    pub filter: TextInput,
    pub pane: Pane,
    pub detail_scroll: u16,
    /// The full score of the selected story (for the detail pane).
    pub detail: Option<(String, StoryScore)>,
}

pub struct App {
    pub theme: Theme,
    pub today: NaiveDate,
    pub data_dir: PathBuf,
    store: Option<Store>,
    /// Why the app cannot write (another instance holds the lock, ...).
    pub read_only: Option<String>,
    /// The kit with its scores and the stories list; changed only through
    /// [`App::change_kit`], so nothing derived from it can go stale.
    scored: ScoredKit,
    /// The built-in example stories, scored, in a list of their own: never
    /// in the kit, so never counted toward readiness, coverage or the cheat
    /// sheet. Read-only; `c` copies one into the kit.
    examples: ScoredKit,
    pub problems: Vec<LoadProblem>,
    pub screen: Screen,
    pub home_selected: usize,
    pub stories: StoriesState,
    pub editor: Option<EditorState>,
    pub spoken_scroll: u16,
    /// Help is open over this screen.
    pub help: Option<Context>,
    pub help_scroll: u16,
    pub confirm: Option<Confirm>,
    pub status: Option<Status>,
    pub size: (u16, u16),
    pub quit: bool,
    pub pending: Option<Pending>,
    draft: Option<Draft>,
    /// The `$EDITOR` file offered back by [`Confirm::RestoreEditorText`].
    leftover: Option<leftover::Leftover>,
    pub steps: StepsState,
    pub form: Option<FormEditor>,
    pub picker: Option<Picker>,
    pub quiz: Option<QuizState>,
    pub reviews: crate::drill::reviews::Reviews,
    /// The built-in cards and the user's own (`cards.json`).
    pub deck: Vec<crate::drill::deck::Card>,
    pub deck_selected: usize,
    pub review: Option<ReviewSession>,
    pub rehearsal: Option<RehearsalState>,
    scheduler: crate::drill::srs::Scheduler,
    readiness: Option<crate::readiness::Readiness>,
    pub coverage: CoverageCursor,
    pub troubleshoot: TroubleshootState,
    /// `P`: the postmortem being drafted from.
    pub postmortem: Option<PostmortemState>,
    /// While the first frame is drawn: the story and design files found.
    loading: Option<Loading>,
    /// Where the last frame drew what the mouse can point at.
    pub(crate) last_frame: LastFrame,
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
        let (mut store, read_only) = match Store::open_listing_first(data_dir, FIRST_FRAME_ENTRIES)
        {
            Ok(store) => (Some(store), None),
            Err(e @ StoreError::Locked { .. }) => (None, Some(format!("Read-only: {e}"))),
            Err(e) => (None, Some(format!("Read-only: {e}"))),
        };
        let mut app = App {
            theme,
            today,
            data_dir: data_dir.to_path_buf(),
            store: None,
            read_only,
            scored: ScoredKit::default(),
            examples: ScoredKit::default(),
            problems: Vec::new(),
            screen: Screen::Home,
            home_selected: 0,
            stories: StoriesState {
                examples: false,
                filtering: false,
                filter: TextInput::default(),
                pane: Pane::List,
                detail_scroll: 0,
                detail: None,
            },
            editor: None,
            spoken_scroll: 0,
            help: None,
            help_scroll: 0,
            confirm: None,
            status: None,
            size: (100, 30),
            quit: false,
            pending: None,
            draft: None,
            leftover: None,
            steps: StepsState::default(),
            form: None,
            picker: None,
            quiz: None,
            reviews: Default::default(),
            deck: Vec::new(),
            deck_selected: 0,
            review: None,
            rehearsal: None,
            readiness: None,
            coverage: CoverageCursor::default(),
            troubleshoot: TroubleshootState::default(),
            postmortem: None,
            scheduler: crate::drill::srs::Scheduler::new(),
            loading: None,
            last_frame: LastFrame::default(),
        };
        // The listing the store began as it opened (clearing temp files),
        // or, read-only, one begun here: the count now, the load later.
        let listing = store
            .as_mut()
            .and_then(Store::take_listing)
            .unwrap_or_else(|| {
                let mut listing = Listing::start(data_dir);
                listing.read(FIRST_FRAME_ENTRIES);
                listing
            });
        app.store = store;
        app.loading = Some(Loading { listing });
        app
    }

    /// Lists the rest of a folder too big to be counted for the first
    /// frame; true if there was some (the frame loop draws the count
    /// before [`App::finish_loading`] reads the kit).
    pub fn count_the_rest(&mut self) -> bool {
        match self.loading.as_mut() {
            Some(loading) if !loading.listing.is_complete() => {
                loading.listing.finish();
                true
            }
            _ => false,
        }
    }

    /// Reads the whole data directory (the second half of opening).
    pub fn finish_loading(&mut self) {
        let Some(loading) = self.loading.take() else {
            return;
        };
        let loaded = match self.store.as_mut() {
            Some(store) => store.load_listed(loading.listing),
            None => store::load_listed(&self.data_dir, loading.listing),
        };
        self.problems = loaded.problems;
        self.change_kit(|kit| *kit = loaded.kit);
        self.examples.change(|kit| kit.stories = example_stories());
        // Four built-in stories: scored at once, before they can be shown.
        self.examples.start_scoring();
        while self.examples.wait(usize::MAX) {}
        self.examples.select(0);
        self.load_reviews();
        self.load_deck();
        self.load_scenarios();
        if let Some(store) = self.store.as_mut()
            && let Some(draft) = store.load_draft(&mut self.problems)
        {
            let title = if draft.story.title.trim().is_empty() {
                "an untitled story".to_string()
            } else {
                format!("'{}'", draft.story.title)
            };
            self.confirm = Some(Confirm::RestoreDraft { title });
            self.draft = Some(draft);
        } else {
            self.offer_leftover_edit();
        }
    }

    /// Still reading the data directory (only ever true for the first frame).
    pub fn loading(&self) -> bool {
        self.loading.is_some()
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
        if self.stories.examples {
            &self.examples
        } else {
            &self.scored
        }
    }

    fn list_mut(&mut self) -> &mut ScoredKit {
        if self.stories.examples {
            &mut self.examples
        } else {
            &mut self.scored
        }
    }

    /// The selected story is a built-in example (read-only, not the user's).
    pub fn showing_examples(&self) -> bool {
        self.stories.examples
    }

    /// Stories on file (counted from the folder while loading: found so
    /// far until [`App::counted`]).
    pub fn story_count(&self) -> usize {
        self.loading.as_ref().map_or(self.kit().stories.len(), |l| {
            l.listing.found(Folder::Stories)
        })
    }

    pub fn design_count(&self) -> usize {
        self.loading.as_ref().map_or(self.kit().designs.len(), |l| {
            l.listing.found(Folder::Designs)
        })
    }

    /// The story and design files are all counted (false only while a big
    /// folder is still being listed, for the first frame).
    pub fn counted(&self) -> bool {
        self.loading
            .as_ref()
            .is_none_or(|l| l.listing.is_complete())
    }

    /// Nothing prepared yet: the welcome panel (never while still counting).
    pub fn first_run(&self) -> bool {
        match &self.loading {
            Some(l) => {
                l.listing.count(Folder::Stories) == Some(0)
                    && l.listing.count(Folder::Designs) == Some(0)
            }
            None => self.kit().is_empty(),
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
        self.readiness = None;
        self.refresh_detail();
        self.scored.start_scoring();
        let stories = self.kit().stories.len();
        self.coverage.story = self.coverage.story.min(stories.saturating_sub(1));
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
        if self.readiness.is_none() && self.scored.scoring_done() {
            self.refresh_readiness();
            return true;
        }
        false
    }

    pub fn scoring_done(&self) -> bool {
        self.scored.scoring_done() && self.readiness.is_some()
    }

    pub fn ready_count(&self) -> usize {
        self.scored.ready_count()
    }

    fn refresh_detail(&mut self) {
        let key = match self.selected_story() {
            None => None,
            Some(story) => match &self.stories.detail {
                Some((key, _)) if *key == detail_key(story) => return,
                _ => Some(detail_key(story)),
            },
        };
        self.stories.detail = key.zip(self.list_mut().score_selected());
    }

    /// The story selected on the stories screen: the user's, or an example
    /// while the examples are shown.
    pub fn selected_story(&self) -> Option<&Story> {
        self.list().selected_story()
    }

    /// Rows the message at the bottom takes, wrapped across `area` (0 when
    /// there is none): at most a third of it.
    pub fn status_rows(&self, area: Rect) -> u16 {
        let Some(status) = &self.status else {
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
        if self.confirm.is_some() {
            return Context::Confirm;
        }
        if self.help.is_some() {
            return Context::Help;
        }
        if self.picker.is_some() {
            return Context::Picker;
        }
        match self.screen {
            Screen::Home => Context::Home,
            Screen::Stories if self.stories.filtering => Context::Filter,
            Screen::Stories if self.stories.examples => Context::Examples,
            Screen::Stories => Context::Stories,
            Screen::Editor => Context::Editor,
            Screen::Spoken => Context::Spoken,
            Screen::Designs => Context::Designs,
            Screen::Metrics => Context::Metrics,
            Screen::Opinions => Context::Opinions,
            Screen::Form => Context::Form,
            Screen::Quiz => Context::Quiz,
            Screen::Deck => Context::Deck,
            Screen::Review => Context::Review,
            Screen::Rehearse => match self.rehearsal.as_ref().map(|r| r.step) {
                Some(RehearsalStep::Result) => Context::RehearseResult,
                Some(RehearsalStep::Rate) => Context::RehearseRate,
                _ => Context::Rehearse,
            },
            Screen::Checklist => Context::Checklist,
            Screen::Coverage => Context::Coverage,
            Screen::Scenarios => Context::Scenarios,
            Screen::Troubleshoot if self.troubleshoot_playing() => Context::Troubleshoot,
            Screen::Troubleshoot => Context::TroubleshootResult,
            Screen::Postmortem => self.postmortem_context(),
        }
    }

    fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            kind: StatusKind::Info,
            text: text.into(),
        });
    }

    fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            kind: StatusKind::Error,
            text: text.into(),
        });
    }

    /// At the start of an edit in a read-only app: say now, not at Ctrl-s,
    /// that it cannot be saved here.
    pub(super) fn say_edit_cannot_be_saved(&mut self) {
        // Why it is read-only is on home; here, what it means for this edit.
        if self.read_only.is_some() {
            self.error(
                "This window is read-only, so this edit cannot be saved here — you can still type and see the score.",
            );
        }
    }

    /// True when the app can write; otherwise says why, as an error.
    fn ensure_writable(&mut self) -> bool {
        if self.store.is_none() {
            let why = self
                .read_only
                .clone()
                .unwrap_or_else(|| "Read-only: the data directory could not be opened".into());
            self.error(format!("{why} — nothing was changed."));
        }
        self.store.is_some()
    }

    // ---- scrolling ----

    /// Where `pane` can scroll to at the current size: its text's last
    /// line at the bottom, and no further.
    pub fn scroll_limit(&self, pane: Scroll) -> u16 {
        let area = self.screen_area();
        match pane {
            Scroll::StoryDetail => super::screens::stories::detail_scroll_limit(self, area),
            Scroll::StepDetail(kind) => {
                super::screens::steps::detail_scroll_limit(self, kind, area)
            }
            Scroll::Checklist => super::screens::checklist::scroll_limit(self, area),
            Scroll::Spoken => super::screens::spoken::scroll_limit(self, area),
            Scroll::Help(under) => super::screens::help::scroll_limit(
                self,
                under,
                Rect::new(0, 0, self.size.0, self.size.1),
            ),
            Scroll::RehearsalResult => super::screens::rehearse::scroll_limit(self, area),
        }
    }

    fn scroll_position(&mut self, pane: Scroll) -> Option<&mut u16> {
        Some(match pane {
            Scroll::StoryDetail => &mut self.stories.detail_scroll,
            Scroll::StepDetail(_) | Scroll::Checklist => &mut self.steps.detail_scroll,
            Scroll::Spoken => &mut self.spoken_scroll,
            Scroll::Help(_) => &mut self.help_scroll,
            Scroll::RehearsalResult => &mut self.rehearsal.as_mut()?.result_scroll,
        })
    }

    /// Scrolls `pane`, never past the end of its text (nor the start).
    pub(super) fn scroll(&mut self, pane: Scroll, to: ScrollTo) {
        let limit = self.scroll_limit(pane);
        let Some(position) = self.scroll_position(pane) else {
            return;
        };
        // A resize may have left it past the end: count from what is shown.
        let now = i64::from((*position).min(limit));
        *position = match to {
            ScrollTo::By(rows) => (now + i64::from(rows)).clamp(0, i64::from(limit)) as u16,
            ScrollTo::Top => 0,
            ScrollTo::Bottom => limit,
        };
    }

    /// Rows a page scrolls: the height of the list or pane, less one.
    fn page_rows(&self) -> i32 {
        i32::from(self.size.1.saturating_sub(8)).max(1)
    }

    // ---- events ----

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
                self.status,
                Some(Status {
                    kind: StatusKind::Error,
                    ..
                })
            ) || action == Action::Back
            {
                self.status = None;
            }
            self.update(action);
            return;
        }
        match context {
            Context::Editor => {
                if let Some(editor) = self.editor.as_mut() {
                    // Enter in the title field moves on rather than breaking the line.
                    if editor.focus == 0 && key.code == KeyCode::Enter {
                        self.update(Action::NextField);
                        return;
                    }
                    if editor.inputs[editor.focus].input(*key) {
                        editor.rescore();
                    }
                }
            }
            Context::Form => self.form_input(key),
            Context::Rehearse => self.rehearsal_input(key),
            Context::Quiz => self.quiz_input(key),
            Context::Troubleshoot => self.troubleshoot_input(key),
            Context::PostmortemSource => self.postmortem_input(key),
            Context::Filter if self.stories.filter.handle_key(key) => {
                self.set_filter(self.stories.filter.text().to_string());
            }
            _ => {}
        }
    }

    fn handle_paste(&mut self, text: &str) {
        if self.context() == Context::Filter {
            if self.stories.filter.paste(text) {
                self.set_filter(self.stories.filter.text().to_string());
            }
            return;
        }
        if self.screen == Screen::Form && self.confirm.is_none() {
            self.form_paste(text);
            return;
        }
        if self.screen == Screen::Quiz && self.confirm.is_none() {
            self.quiz_paste(text);
            return;
        }
        if self.screen == Screen::Rehearse && self.confirm.is_none() {
            self.rehearsal_paste(text);
            return;
        }
        if self.screen == Screen::Troubleshoot && self.confirm.is_none() {
            self.troubleshoot_paste(text);
            return;
        }
        if self.screen == Screen::Postmortem && self.confirm.is_none() {
            self.postmortem_paste(text);
            return;
        }
        if let Some(editor) = self.editor.as_mut()
            && self.screen == Screen::Editor
            && self.confirm.is_none()
        {
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            if editor.inputs[editor.focus].insert_str(text) {
                editor.rescore();
            }
        }
    }

    /// A click or the wheel, on what the last frame drew where it points.
    fn handle_mouse(&mut self, mouse: &MouseEvent) {
        if self.confirm.is_some() {
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
        if let Some(under) = self.help {
            if let Some(step) = wheel {
                self.scroll(Scroll::Help(under), ScrollTo::By(3 * step));
            }
            return;
        }
        if self.picker.is_some() {
            return;
        }
        let drawn = self.last_frame.areas();
        if !drawn.drawn_for(&self.screen) {
            // A key changed the screen since the last frame: the click was
            // aimed at something no longer there.
            return;
        }
        let collection = match self.screen {
            Screen::Designs => Some(FormKind::Design),
            Screen::Metrics => Some(FormKind::Metric),
            Screen::Opinions => Some(FormKind::Opinion),
            _ => None,
        };
        let on_detail = drawn.detail.is_some_and(|d| d.contains(at));
        let clicked = drawn.list.and_then(|list| list.entry_at(at));
        match (self.screen, wheel) {
            (Screen::Stories, Some(step)) if on_detail => {
                self.scroll(Scroll::StoryDetail, ScrollTo::By(3 * step))
            }
            (Screen::Stories, Some(step)) => {
                let to = self.list().selected().saturating_add_signed(step as isize);
                self.move_selection(to);
            }
            (Screen::Designs | Screen::Metrics | Screen::Opinions, Some(step)) => {
                let Some(kind) = collection else { return };
                if on_detail {
                    self.scroll(Scroll::StepDetail(kind), ScrollTo::By(3 * step));
                } else if let Some(now) = self.selected_index(kind) {
                    self.select_item(kind, now.saturating_add_signed(step as isize));
                }
            }
            (Screen::Spoken, Some(step)) => self.scroll(Scroll::Spoken, ScrollTo::By(3 * step)),
            (Screen::Checklist, Some(step)) => {
                self.scroll(Scroll::Checklist, ScrollTo::By(3 * step))
            }
            (Screen::Rehearse, Some(step)) => {
                self.scroll(Scroll::RehearsalResult, ScrollTo::By(3 * step))
            }
            (_, Some(_)) => {}
            (_, None) if mouse.kind != MouseEventKind::Down(MouseButton::Left) => {}
            (Screen::Stories, None) => {
                if let Some(row) = clicked {
                    self.stories.pane = Pane::List;
                    self.move_selection(row);
                }
            }
            (Screen::Designs | Screen::Metrics | Screen::Opinions, None) => {
                let Some(kind) = collection else { return };
                if let Some(row) = clicked {
                    self.steps.pane = Pane::List;
                    self.select_item(kind, row);
                }
            }
            (Screen::Home, None) => {
                if let Some(step) = drawn
                    .home_steps
                    .iter()
                    .position(|r| r.height > 0 && r.contains(at))
                {
                    self.home_selected = step;
                    self.update(Action::Open);
                }
            }
            _ => {}
        }
    }

    // ---- actions ----

    pub fn update(&mut self, action: Action) {
        if action == Action::ForceQuit {
            self.force_quit();
            return;
        }
        if self.confirm.is_some() {
            self.answer(action == Action::Yes);
            return;
        }
        if let Some(under) = self.help {
            match action {
                Action::Back => self.help = None,
                Action::Down => self.scroll(Scroll::Help(under), ScrollTo::By(1)),
                Action::Up => self.scroll(Scroll::Help(under), ScrollTo::By(-1)),
                _ => {}
            }
            return;
        }
        if action == Action::Help {
            self.help = Some(self.context());
            self.help_scroll = 0;
            return;
        }
        if self.picker.is_some() {
            self.update_picker(action);
            return;
        }
        match self.screen {
            Screen::Home => self.update_home(action),
            Screen::Stories if self.stories.filtering => self.update_filter(action),
            Screen::Stories => self.update_stories(action),
            Screen::Editor => self.update_editor(action),
            Screen::Spoken => self.update_spoken(action),
            Screen::Designs => self.update_collection(FormKind::Design, action),
            Screen::Metrics => self.update_collection(FormKind::Metric, action),
            Screen::Opinions => self.update_collection(FormKind::Opinion, action),
            Screen::Form => self.update_form(action),
            Screen::Quiz => self.update_quiz(action),
            Screen::Deck => self.update_deck(action),
            Screen::Review => self.update_review(action),
            Screen::Rehearse => self.update_rehearsal(action),
            Screen::Checklist => self.update_checklist(action),
            Screen::Coverage => self.update_coverage(action),
            Screen::Scenarios => self.update_scenarios(action),
            Screen::Troubleshoot => self.update_troubleshoot(action),
            Screen::Postmortem => self.update_postmortem(action),
        }
    }

    fn update_home(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Up => self.home_selected = self.home_selected.saturating_sub(1),
            Action::Down => self.home_selected = (self.home_selected + 1).min(4),
            Action::Step(n) => {
                self.home_selected = usize::from(n - 1);
                self.open_step(n);
            }
            Action::Open => self.open_step(self.home_selected as u8 + 1),
            Action::NewStory => self.new_story(),
            Action::Examples => self.show_examples(true),
            Action::Narrative => self.open_narrative(),
            Action::RehearseAny => self.rehearse_any(),
            Action::Checklist => {
                self.steps.detail_scroll = 0;
                self.screen = Screen::Checklist;
            }
            Action::Profile => self.open_profile(),
            _ => {}
        }
    }

    fn open_step(&mut self, step: u8) {
        // Step 1 is the user's own stories, whatever was shown last.
        self.stories.examples = false;
        self.stories.pane = Pane::List;
        self.steps.pane = Pane::List;
        self.steps.detail_scroll = 0;
        self.screen = match step {
            1 => Screen::Stories,
            2 => Screen::Designs,
            3 => Screen::Metrics,
            4 => Screen::Deck,
            _ => Screen::Opinions,
        };
    }

    fn update_filter(&mut self, action: Action) {
        match action {
            Action::Open => self.stories.filtering = false,
            Action::Back => {
                self.stories.filtering = false;
                self.stories.filter.clear();
                self.set_filter(String::new());
            }
            _ => {}
        }
    }

    fn move_selection(&mut self, to: usize) {
        if self.list_mut().select(to) {
            self.stories.detail_scroll = 0;
            self.refresh_detail();
        }
    }

    fn set_filter(&mut self, filter: String) {
        self.list_mut().set_filter(filter);
        self.stories.detail_scroll = 0;
        self.refresh_detail();
    }

    fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(8)).max(1)
    }

    fn update_stories(&mut self, action: Action) {
        let detail = self.stories.pane == Pane::Detail;
        let selected = self.list().selected();
        let examples = self.stories.examples;
        match action {
            Action::Quit => self.quit = true,
            Action::Back if detail => self.stories.pane = Pane::List,
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
                self.stories.pane = if detail { Pane::List } else { Pane::Detail };
            }
            Action::NewStory => self.new_story(),
            Action::EditStory => {
                if let Some(story) = self.selected_story().cloned() {
                    self.editor = Some(EditorState::open(Some(story.id.clone()), story));
                    self.screen = Screen::Editor;
                    self.say_edit_cannot_be_saved();
                }
            }
            Action::EditInEditor => {
                if let Some(story) = self.selected_story() {
                    if self.store.is_none() {
                        self.ensure_writable();
                        return;
                    }
                    self.pending = Some(Pending::ExternalEdit {
                        id: story.id.clone(),
                        text: template::render(story),
                    });
                }
            }
            Action::DeleteStory => {
                if let Some(story) = self.selected_story() {
                    self.confirm = Some(Confirm::DeleteStory {
                        id: story.id.clone(),
                        title: story.title.clone(),
                    });
                }
            }
            Action::Rehearse if self.selected_story().is_some() => self.choose_rehearsal_question(),
            Action::SpokenAnswer if self.selected_story().is_some() => {
                self.spoken_scroll = 0;
                self.screen = Screen::Spoken;
            }
            Action::ToggleSort => {
                self.list_mut().toggle_sort();
                self.refresh_detail();
            }
            Action::Filter => {
                // Goes on from the filter in force, the cursor at its end.
                self.stories.filter = TextInput::new(self.list().filter());
                self.stories.filtering = true;
            }
            Action::Examples => self.show_examples(!examples),
            Action::CopyExample if examples => self.copy_example(),
            Action::FromPostmortem => self.open_postmortem(),
            _ => {}
        }
    }

    fn update_spoken(&mut self, action: Action) {
        match action {
            Action::Back => self.screen = Screen::Stories,
            Action::Quit => self.quit = true,
            Action::Up => self.scroll(Scroll::Spoken, ScrollTo::By(-1)),
            Action::Down => self.scroll(Scroll::Spoken, ScrollTo::By(1)),
            Action::PageUp => self.scroll(Scroll::Spoken, ScrollTo::By(-self.page_rows())),
            Action::PageDown => self.scroll(Scroll::Spoken, ScrollTo::By(self.page_rows())),
            _ => {}
        }
    }

    fn update_editor(&mut self, action: Action) {
        let Some(editor) = self.editor.as_mut() else {
            self.screen = Screen::Stories;
            return;
        };
        match action {
            Action::NextField => editor.focus = (editor.focus + 1) % FIELDS.len(),
            Action::PrevField => editor.focus = (editor.focus + FIELDS.len() - 1) % FIELDS.len(),
            Action::Save => self.save_editor(),
            Action::Back => {
                if editor.is_dirty() {
                    self.confirm = Some(Confirm::LeaveEditor);
                } else {
                    self.close_editor();
                }
            }
            _ => {}
        }
    }

    fn new_story(&mut self) {
        self.editor = Some(EditorState::open(None, Story::default()));
        self.screen = Screen::Editor;
        self.say_edit_cannot_be_saved();
    }

    fn close_editor(&mut self) {
        self.editor = None;
        self.screen = Screen::Stories;
    }

    /// Saves the editor's story through the store; on any error the text
    /// stays in the editor and the error is shown.
    fn save_editor(&mut self) {
        let Some(editor) = self.editor.as_ref() else {
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
        if !self.ensure_writable() {
            return;
        }
        let Some(store) = self.store.as_ref() else {
            return;
        };
        if editing.is_none() {
            story.id = store.new_id(Folder::Stories, &story.title, &Default::default());
        }
        match self.save_story_to_kit(story.clone()) {
            Ok(()) => {
                let (title, id) = (story.title.clone(), story.id.clone());
                if let Some(editor) = self.editor.as_mut() {
                    editor.editing = Some(id.clone());
                    editor.original = story;
                }
                self.select_story(&id);
                self.info(format!("Saved '{title}' to stories/{id}.json"));
            }
            Err(e) => self.error(format!("Not saved: {e}")),
        }
    }

    /// Saves a story through the store and puts it in the kit, replacing the
    /// one with its id or adding it. The error says why it was not saved.
    pub(super) fn save_story_to_kit(&mut self, story: Story) -> Result<(), String> {
        let Some(store) = self.store.as_ref() else {
            return Err(self
                .read_only
                .clone()
                .unwrap_or_else(|| "the data directory is read-only".into()));
        };
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

    fn select_story(&mut self, id: &str) {
        if self.scored.select_id(id) {
            self.refresh_detail();
        }
    }

    /// Shows the built-in examples on the stories screen (or the user's
    /// stories again).
    pub(super) fn show_examples(&mut self, on: bool) {
        self.screen = Screen::Stories;
        self.stories.examples = on;
        self.stories.filtering = false;
        self.stories.pane = Pane::List;
        self.stories.detail_scroll = 0;
        self.refresh_detail();
        if on {
            self.info(
                "Examples: built in and read-only, never counted as yours. c copies one into your stories to start from; x or Esc goes back to yours.",
            );
        }
    }

    /// Copies the selected example into the user's stories: from then on a
    /// normal story of theirs, to edit, rehearse — and counted like any.
    fn copy_example(&mut self) {
        let Some(example) = self.examples.selected_story().cloned() else {
            return;
        };
        if !self.ensure_writable() {
            return;
        }
        // Already copied, word for word: go to that copy.
        if let Some(copy) = self.kit().stories.iter().find(|s| **s == example) {
            let (id, title) = (copy.id.clone(), copy.title.clone());
            self.show_examples(false);
            self.select_story(&id);
            self.info(format!(
                "'{title}' is in your stories already, as stories/{id}.json — edit it there (e)."
            ));
            return;
        }
        let Some(store) = self.store.as_ref() else {
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
                    "Copied '{title}' into your stories as stories/{id}.json — it is yours now: make it your own (e), and it counts like any of your stories."
                ));
            }
            Ok(None) => self.error("The example was not copied: nothing new was written."),
            Err(e) => self.error(format!("The example was not copied: {e}")),
        }
    }

    fn answer(&mut self, yes: bool) {
        let Some(question) = self.confirm.take() else {
            return;
        };
        match (question, yes) {
            (Confirm::DeleteStory { id, title }, true) => {
                if !self.ensure_writable() {
                    return;
                }
                let Some(store) = self.store.as_ref() else {
                    return;
                };
                match store.delete(Folder::Stories, &id) {
                    Ok(to) => {
                        self.change_kit(|kit| kit.stories.retain(|s| s.id != id));
                        let shown = to
                            .strip_prefix(&self.data_dir)
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
            (Confirm::LeaveEditor, true) => self.close_editor(),
            (Confirm::QuitAndLoseText { .. }, true) => self.quit = true,
            (Confirm::QuitAndLoseText { back }, false) => self.confirm = back.map(|b| *b),
            (Confirm::EditAgain { retry, .. }, true) => self.pending = Some(retry),
            (Confirm::EditAgain { .. }, false) => {
                self.info("Your text from $EDITOR was dropped; what is saved is as it was.")
            }
            (Confirm::LeaveForm, true) => self.close_form(),
            (Confirm::AbandonRehearsal, true) => {
                self.rehearsal = None;
                self.screen = Screen::Stories;
                self.info("Rehearsal abandoned; nothing was kept.");
            }
            (Confirm::GiveUpRound, true) => self.finish_round(true),
            (Confirm::DeleteItem { kind, index, title }, true) => {
                self.delete_item(kind, index, &title)
            }
            (Confirm::RestoreDraft { .. }, true) => {
                if let Some(draft) = self.draft.take_if(|d| d.form.is_some()) {
                    self.restore_form_draft(draft);
                    self.discard_draft_file();
                    self.info("Your draft is back. Ctrl-s saves it.");
                } else if let Some(draft) = self.draft.take() {
                    let editing = (!draft.editing.is_empty()).then_some(draft.editing.clone());
                    let original = editing
                        .as_deref()
                        .and_then(|id| self.kit().story(id).cloned())
                        .unwrap_or_default();
                    let mut editor = EditorState::open(editing, draft.story);
                    // Dirty against what is saved, so leaving asks and saving writes.
                    editor.original = original;
                    self.editor = Some(editor);
                    self.screen = Screen::Editor;
                    self.discard_draft_file();
                    self.info("Your draft is back. Ctrl-s saves it.");
                }
            }
            (Confirm::RestoreEditorText { .. }, yes) => self.answer_leftover_edit(yes),
            (Confirm::RestoreDraft { .. }, false) => {
                self.draft = None;
                self.discard_draft_file();
                self.info("Draft moved to the trash.");
            }
            _ => {}
        }
    }

    fn discard_draft_file(&mut self) {
        if let Some(store) = self.store.as_ref()
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
            .confirm
            .take_if(|c| matches!(c, Confirm::EditAgain { .. }))
        {
            self.confirm = Some(Confirm::QuitAndLoseText {
                back: Some(Box::new(asked)),
            });
            return;
        }
        if self.store.is_none() {
            // Read-only: nothing may be written, not even a draft. Ask
            // first; a second Ctrl-c is the answer yes.
            if self.unsaved_draft().is_some()
                && !matches!(self.confirm, Some(Confirm::QuitAndLoseText { .. }))
            {
                self.confirm = Some(Confirm::QuitAndLoseText { back: None });
                return;
            }
        } else if let DraftOutcome::NotKept { why, .. } = self.keep_draft() {
            // Quitting would lose the text: stay, and say why.
            self.error(format!(
                "Could not keep your draft ({why}) — save with Ctrl-s or fix the problem first."
            ));
            return;
        }
        self.quit = true;
    }

    /// The unsaved text of the open story editor or form, as a draft.
    pub fn unsaved_draft(&self) -> Option<Draft> {
        self.form_draft().or_else(|| {
            self.editor
                .as_ref()
                .filter(|e| e.is_dirty())
                .map(|editor| Draft {
                    editing: editor.editing.clone().unwrap_or_default(),
                    story: editor.story(),
                    form: None,
                })
        })
    }

    /// Keeps the unsaved text as `draft.json`, offered back at the next
    /// start: what `Ctrl-c` does, and what ending by a signal or a lost
    /// terminal does.
    pub fn keep_draft(&self) -> DraftOutcome {
        let Some(draft) = self.unsaved_draft() else {
            return DraftOutcome::NothingUnsaved;
        };
        let result = match self.store.as_ref() {
            Some(store) => store.save_draft(&draft).map_err(|e| e.to_string()),
            None => Err(self
                .read_only
                .clone()
                .unwrap_or_else(|| "the data directory is read-only".into())),
        };
        match result {
            Ok(()) => DraftOutcome::Kept,
            Err(why) => DraftOutcome::NotKept {
                why,
                draft: Box::new(draft),
            },
        }
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

    /// Text from `$EDITOR` that could not be saved: it stays as it came
    /// back, to be fixed in the editor again (or dropped, if the user says).
    pub(super) fn ask_to_edit_again(&mut self, why: String, retry: Pending) {
        self.status = None;
        self.confirm = Some(Confirm::EditAgain { why, retry });
    }
}

/// Identifies a story's content for the detail cache.
fn detail_key(story: &Story) -> String {
    format!("{}:{}", story.id, super::scores::content_key(story))
}
