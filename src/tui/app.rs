//! The app's state and the one place it changes: key -> [`Action`] ->
//! [`App::update`], which calls the store. Drawing only reads this state.

mod checklist;
mod drills;
mod postmortem;
mod rehearse;
mod steps;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

use super::editor::{EditorState, FIELDS};
use super::form::{FormEditor, FormKind};
use super::keymap::{Action, Context, action_for};
use super::layout;
use super::scores::{ScoreCache, Summary};
use super::theme::Theme;
use crate::content::examples::example_stories;
use crate::kit::{Kit, Story, template};
use crate::score::{StoryScore, score_story};
use crate::store::{self, Draft, Folder, LoadProblem, Store, StoreError};
pub use checklist::CoverageCursor;
pub use drills::ReviewSession;
pub use postmortem::{DraftStep, PostmortemState};
pub use rehearse::{RehearsalState, RehearsalStep, TARGET_SECONDS};
pub use steps::{Picker, PickerKind, QuizState, StepsState};

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
    /// `P`: a story drafted from a postmortem.
    Postmortem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Score,
    Title,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    List,
    Detail,
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
    AbandonRehearsal,
    RestoreDraft {
        title: String,
    },
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

pub struct StoriesState {
    /// Indices into `kit.stories`, filtered and sorted.
    pub view: Vec<usize>,
    /// Position in `view`.
    pub selected: usize,
    pub sort: Sort,
    pub filter: String,
    pub filtering: bool,
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
    pub kit: Kit,
    pub problems: Vec<LoadProblem>,
    cache: ScoreCache,
    /// Per story in `kit.stories`: its score, once computed.
    pub summaries: Vec<Option<Summary>>,
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
    pub steps: StepsState,
    pub form: Option<FormEditor>,
    pub picker: Option<Picker>,
    pub quiz: Option<QuizState>,
    pub reviews: crate::drill::reviews::Reviews,
    /// Evaluation scores of `kit.designs` and `kit.opinions`, once computed.
    pub design_scores: Vec<Option<u8>>,
    pub opinion_scores: Vec<Option<u8>>,
    /// The built-in cards and the user's own (`cards.json`).
    pub deck: Vec<crate::drill::deck::Card>,
    pub deck_selected: usize,
    pub review: Option<ReviewSession>,
    pub rehearsal: Option<RehearsalState>,
    scheduler: crate::drill::srs::Scheduler,
    readiness: Option<crate::readiness::Readiness>,
    pub coverage: CoverageCursor,
    /// `P`: the postmortem being drafted from.
    pub postmortem: Option<PostmortemState>,
    /// While the first frame is drawn: story and design files counted.
    loading: Option<(usize, usize)>,
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
        let (store, read_only) = match Store::open(data_dir) {
            Ok(store) => (Some(store), None),
            Err(e @ StoreError::Locked { .. }) => (None, Some(format!("Read-only: {e}"))),
            Err(e) => (None, Some(format!("Read-only: {e}"))),
        };
        let mut app = App {
            theme,
            today,
            data_dir: data_dir.to_path_buf(),
            store,
            read_only,
            kit: Kit::default(),
            problems: Vec::new(),
            cache: ScoreCache::default(),
            summaries: Vec::new(),
            screen: Screen::Home,
            home_selected: 0,
            stories: StoriesState {
                view: Vec::new(),
                selected: 0,
                sort: Sort::Score,
                filter: String::new(),
                filtering: false,
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
            steps: StepsState::default(),
            form: None,
            picker: None,
            quiz: None,
            reviews: Default::default(),
            design_scores: Vec::new(),
            opinion_scores: Vec::new(),
            deck: Vec::new(),
            deck_selected: 0,
            review: None,
            rehearsal: None,
            readiness: None,
            coverage: CoverageCursor::default(),
            postmortem: None,
            scheduler: crate::drill::srs::Scheduler::new(),
            loading: None,
        };
        let count = |dir: &str| {
            std::fs::read_dir(data_dir.join(dir))
                .map(|entries| {
                    entries
                        .flatten()
                        .filter(|e| {
                            let name = e.file_name();
                            let name = name.to_string_lossy();
                            name.ends_with(".json") && !name.starts_with('.')
                        })
                        .count()
                })
                .unwrap_or(0)
        };
        app.loading = Some((count("stories"), count("designs")));
        app
    }

    /// Reads the whole data directory (the second half of opening).
    pub fn finish_loading(&mut self) {
        if self.loading.take().is_none() {
            return;
        }
        self.reload();
        self.load_reviews();
        self.load_deck();
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
        }
    }

    /// Still reading the data directory (only ever true for the first frame).
    pub fn loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Stories on file (counted from the folder while loading).
    pub fn story_count(&self) -> usize {
        self.loading
            .map_or(self.kit.stories.len(), |(stories, _)| stories)
    }

    pub fn design_count(&self) -> usize {
        self.loading
            .map_or(self.kit.designs.len(), |(_, designs)| designs)
    }

    /// Nothing prepared yet: the welcome panel.
    pub fn first_run(&self) -> bool {
        match self.loading {
            Some((stories, designs)) => stories == 0 && designs == 0,
            None => self.kit.is_empty(),
        }
    }

    /// Reads the data directory again.
    fn reload(&mut self) {
        let loaded = match self.store.as_mut() {
            Some(store) => store.load(),
            None => store::load(&self.data_dir),
        };
        self.kit = loaded.kit;
        self.problems = loaded.problems;
        self.kit_changed();
    }

    /// After the kit changed: reuse cached scores, rebuild the list.
    fn kit_changed(&mut self) {
        // Nothing is cached at start: skip hashing every story before the first frame.
        self.summaries = if self.cache.is_empty() {
            vec![None; self.kit.stories.len()]
        } else {
            self.kit.stories.iter().map(|s| self.cache.get(s)).collect()
        };
        self.design_scores = vec![None; self.kit.designs.len()];
        self.opinion_scores = vec![None; self.kit.opinions.len()];
        self.readiness = None;
        self.refresh_view();
    }

    /// Scores up to `budget` stories not scored yet (called between events
    /// after the first frame); true while work remains.
    pub fn score_some(&mut self, budget: usize) -> bool {
        let mut done = 0;
        let mut changed = false;
        for (i, story) in self.kit.stories.iter().enumerate() {
            if self.summaries[i].is_some() {
                continue;
            }
            if done == budget {
                if changed {
                    self.refresh_view();
                }
                return true;
            }
            let score = score_story(story);
            self.summaries[i] = Some(self.cache.insert(story, &score));
            done += 1;
            changed = true;
        }
        if changed {
            self.refresh_view();
        }
        if self.evaluate_some(budget.saturating_sub(done)) {
            return true;
        }
        if self.readiness.is_none() {
            self.refresh_readiness();
        }
        false
    }

    pub fn scoring_done(&self) -> bool {
        self.summaries.iter().all(Option::is_some)
            && self.design_scores.iter().all(Option::is_some)
            && self.opinion_scores.iter().all(Option::is_some)
            && self.readiness.is_some()
    }

    pub fn ready_count(&self) -> usize {
        self.summaries
            .iter()
            .flatten()
            .filter(|s| s.ready())
            .count()
    }

    /// Filter and sort the stories list, keeping the selected story selected.
    fn refresh_view(&mut self) {
        let keep = self.selected_story().map(|s| s.id.clone());
        let needle = self.stories.filter.to_lowercase();
        let mut view: Vec<usize> = (0..self.kit.stories.len())
            .filter(|&i| {
                needle.is_empty() || self.kit.stories[i].title.to_lowercase().contains(&needle)
            })
            .collect();
        match self.stories.sort {
            Sort::Title => view.sort_by(|&a, &b| {
                self.kit.stories[a]
                    .title
                    .to_lowercase()
                    .cmp(&self.kit.stories[b].title.to_lowercase())
            }),
            Sort::Score => view.sort_by_key(|&i| {
                std::cmp::Reverse(
                    self.summaries[i]
                        .map(|s| u16::from(s.total) + 1)
                        .unwrap_or(0),
                )
            }),
        }
        self.stories.view = view;
        self.stories.selected = keep
            .and_then(|id| {
                self.stories
                    .view
                    .iter()
                    .position(|&i| self.kit.stories[i].id == id)
            })
            .unwrap_or(0)
            .min(self.stories.view.len().saturating_sub(1));
        self.refresh_detail();
    }

    fn refresh_detail(&mut self) {
        let fresh = match self.selected_story() {
            None => None,
            Some(story) => match &self.stories.detail {
                Some((key, _)) if *key == detail_key(story) => return,
                _ => Some((detail_key(story), score_story(story))),
            },
        };
        self.stories.detail = fresh;
    }

    pub fn selected_story(&self) -> Option<&Story> {
        self.stories
            .view
            .get(self.stories.selected)
            .map(|&i| &self.kit.stories[i])
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
            Context::PostmortemSource => self.postmortem_input(key),
            Context::Filter => {
                match key.code {
                    KeyCode::Char(c)
                        if !key
                            .modifiers
                            .contains(crossterm::event::KeyModifiers::CONTROL) =>
                    {
                        self.stories.filter.push(c);
                    }
                    KeyCode::Backspace => {
                        self.stories.filter.pop();
                    }
                    _ => return,
                }
                self.stories.selected = 0;
                self.refresh_view();
            }
            _ => {}
        }
    }

    fn handle_paste(&mut self, text: &str) {
        if self.screen == Screen::Form && self.confirm.is_none() {
            self.form_paste(text);
            return;
        }
        if self.screen == Screen::Rehearse && self.confirm.is_none() {
            self.rehearsal_paste(text);
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

    fn handle_mouse(&mut self, mouse: &MouseEvent) {
        if self.confirm.is_some() || self.help.is_some() {
            return;
        }
        match (self.screen, mouse.kind) {
            (Screen::Stories, MouseEventKind::ScrollDown) => self.update(Action::Down),
            (Screen::Stories, MouseEventKind::ScrollUp) => self.update(Action::Up),
            (
                Screen::Spoken | Screen::Designs | Screen::Metrics | Screen::Opinions,
                MouseEventKind::ScrollDown,
            ) => self.update(Action::Down),
            (
                Screen::Spoken | Screen::Designs | Screen::Metrics | Screen::Opinions,
                MouseEventKind::ScrollUp,
            ) => self.update(Action::Up),
            (Screen::Stories, MouseEventKind::Down(MouseButton::Left)) => {
                let area = Rect::new(0, 0, self.size.0, self.size.1);
                let list = layout::stories(area).list_rows;
                if list.contains((mouse.column, mouse.row).into()) {
                    let row = usize::from(mouse.row - list.y);
                    let first =
                        layout::list_offset(self.stories.selected, usize::from(list.height));
                    let index = first + row;
                    if index < self.stories.view.len() {
                        self.stories.selected = index;
                        self.stories.pane = Pane::List;
                        self.stories.detail_scroll = 0;
                        self.refresh_detail();
                    }
                }
            }
            (Screen::Home, MouseEventKind::Down(MouseButton::Left)) => {
                let area = Rect::new(0, 0, self.size.0, self.size.1);
                let reserved = super::screens::home::reserved_rows(self, area);
                if let Some(step) =
                    layout::home_step_at(area, self.first_run(), reserved, mouse.column, mouse.row)
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
                Action::Down => self.help_scroll = self.help_scroll.saturating_add(1),
                Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                _ => {}
            }
            let _ = under;
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
            Action::LoadExamples => self.load_examples(),
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
                self.refresh_view();
            }
            _ => {}
        }
    }

    fn move_selection(&mut self, to: usize) {
        let last = self.stories.view.len().saturating_sub(1);
        let to = to.min(last);
        if to != self.stories.selected {
            self.stories.selected = to;
            self.stories.detail_scroll = 0;
            self.refresh_detail();
        }
    }

    fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(8)).max(1)
    }

    fn update_stories(&mut self, action: Action) {
        let detail = self.stories.pane == Pane::Detail;
        let selected = self.stories.selected;
        match action {
            Action::Quit => self.quit = true,
            Action::Back if detail => self.stories.pane = Pane::List,
            Action::Back => {
                if !self.stories.filter.is_empty() {
                    self.stories.filter.clear();
                    self.refresh_view();
                } else {
                    self.screen = Screen::Home;
                }
            }
            Action::Up if detail => {
                self.stories.detail_scroll = self.stories.detail_scroll.saturating_sub(1)
            }
            Action::Down if detail => {
                self.stories.detail_scroll = self.stories.detail_scroll.saturating_add(1)
            }
            Action::PageUp if detail => {
                self.stories.detail_scroll = self
                    .stories
                    .detail_scroll
                    .saturating_sub(self.page() as u16)
            }
            Action::PageDown if detail => {
                self.stories.detail_scroll = self
                    .stories
                    .detail_scroll
                    .saturating_add(self.page() as u16)
            }
            Action::Top if detail => self.stories.detail_scroll = 0,
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
                self.stories.sort = match self.stories.sort {
                    Sort::Score => Sort::Title,
                    Sort::Title => Sort::Score,
                };
                self.refresh_view();
            }
            Action::Filter => self.stories.filtering = true,
            Action::LoadExamples => self.load_examples(),
            Action::FromPostmortem => self.open_postmortem(),
            _ => {}
        }
    }

    fn update_spoken(&mut self, action: Action) {
        match action {
            Action::Back => self.screen = Screen::Stories,
            Action::Quit => self.quit = true,
            Action::Up => self.spoken_scroll = self.spoken_scroll.saturating_sub(1),
            Action::Down => self.spoken_scroll = self.spoken_scroll.saturating_add(1),
            Action::PageUp => {
                self.spoken_scroll = self.spoken_scroll.saturating_sub(self.page() as u16)
            }
            Action::PageDown => {
                self.spoken_scroll = self.spoken_scroll.saturating_add(self.page() as u16)
            }
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
        match self.kit.stories.iter_mut().find(|s| s.id == story.id) {
            Some(slot) => *slot = story,
            None => {
                self.kit.stories.push(story);
                self.kit.stories.sort_by(|a, b| a.id.cmp(&b.id));
            }
        }
        self.kit_changed();
        Ok(())
    }

    fn select_story(&mut self, id: &str) {
        if let Some(pos) = self
            .stories
            .view
            .iter()
            .position(|&i| self.kit.stories[i].id == id)
        {
            self.stories.selected = pos;
            self.refresh_detail();
        }
    }

    fn load_examples(&mut self) {
        if !self.ensure_writable() {
            return;
        }
        let Some(store) = self.store.as_ref() else {
            return;
        };
        let incoming = Kit {
            stories: example_stories(),
            ..Kit::default()
        };
        let mut kit = std::mem::take(&mut self.kit);
        let result = store::import_kit(
            store,
            &mut kit,
            incoming,
            Path::new("the built-in examples"),
        );
        self.kit = kit;
        match result {
            Ok(report) if report.stories == 0 => {
                self.info("The example stories are already here.");
            }
            Ok(report) => {
                self.kit_changed();
                self.screen = Screen::Stories;
                self.info(format!(
                    "Loaded {} example stories — compare the strong ones with 'Weak example'.",
                    report.stories
                ));
            }
            Err(e) => self.error(format!("Examples not loaded: {e}")),
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
                        self.kit.stories.retain(|s| s.id != id);
                        self.kit_changed();
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
            (Confirm::LeaveForm, true) => self.close_form(),
            (Confirm::AbandonRehearsal, true) => {
                self.rehearsal = None;
                self.screen = Screen::Stories;
                self.info("Rehearsal abandoned; nothing was kept.");
            }
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
                        .and_then(|id| self.kit.story(id).cloned())
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
        let draft = self.form_draft().or_else(|| {
            self.editor
                .as_ref()
                .filter(|e| e.is_dirty())
                .map(|editor| Draft {
                    editing: editor.editing.clone().unwrap_or_default(),
                    story: editor.story(),
                    form: None,
                })
        });
        if let Some(draft) = draft
            && let Some(store) = self.store.as_ref()
            && let Err(e) = store.save_draft(&draft)
        {
            // Quitting would lose the text: stay, and say why.
            self.error(format!(
                "Could not keep your draft ({e}) — save with Ctrl-s or fix the problem first."
            ));
            return;
        }
        self.quit = true;
    }

    /// The text came back from `$EDITOR`: parse, validate, save — or keep
    /// the text and say what is wrong.
    pub fn finish_external_edit(&mut self, id: &str, result: Result<String, String>) {
        let text = match result {
            Ok(text) => text,
            Err(e) => {
                self.error(e);
                return;
            }
        };
        let Some(base) = self.kit.story(id).cloned() else {
            self.error(format!(
                "The story `{id}` is gone; your text was not saved."
            ));
            return;
        };
        match template::parse(&text, &base) {
            Ok(story) if story == base => self.info("No changes."),
            Ok(story) if story.title.trim().is_empty() => {
                self.keep_external_text(id, text, "the Title is empty".into());
            }
            Ok(story) => {
                let title = story.title.clone();
                match self.save_story_to_kit(story) {
                    Ok(()) => {
                        self.info(format!("Saved '{title}' from your editor."));
                    }
                    Err(e) => self.keep_external_text(id, text, format!("not saved: {e}")),
                }
            }
            Err(e) => self.keep_external_text(id, text, e.to_string()),
        }
    }

    /// Keeps text from `$EDITOR` that could not be saved, as the draft of an
    /// editor opened on it, so not a word is lost.
    fn keep_external_text(&mut self, id: &str, text: String, why: String) {
        let base = self.kit.story(id).cloned().unwrap_or_default();
        let mut salvaged = base.clone();
        salvaged.notes = format!(
            "{}\n\n[text from $EDITOR that could not be read]\n{text}",
            base.notes
        )
        .trim()
        .to_string();
        let mut editor = EditorState::open(Some(id.to_string()), salvaged);
        editor.original = base;
        editor.focus = FIELDS.iter().position(|f| f.field == "notes").unwrap_or(8);
        self.editor = Some(editor);
        self.screen = Screen::Editor;
        self.error(format!("Your $EDITOR text could not be read ({why}). It is kept in Notes here — fix and Ctrl-s, or Esc to drop it."));
    }
}

/// Identifies a story's content for the detail cache.
fn detail_key(story: &Story) -> String {
    format!("{}:{}", story.id, super::scores::content_key(story))
}
