//! Steps 2, 3 and 5 and the narrative: lists of design answers, metrics and
//! opinions, their editor, the prompt and debate pickers, and the metrics
//! quiz. Same conventions as the stories: key -> action -> update -> store.

use std::collections::BTreeMap;

use chrono::Datelike;

use crossterm::event::{KeyCode, KeyEvent};

use super::{App, Confirm, Pane, Pending, Screen, Scroll, ScrollTo};
use crate::content::debates::DEBATES;
use crate::content::design_prompts::DESIGN_PROMPTS;
use crate::drill::reviews::{QuizAnswer, QuizRound};
use crate::evaluate::metric::{Verdict, check_answer};
use crate::kit::{Design, Metric, MetricField, Narrative, Opinion, OpinionField, ids};
use crate::store::{Draft, Folder, FormDraft};
use crate::tui::form::{FormEditor, FormKind, Item, fields};
use crate::tui::keymap::Action;
use crate::tui::text_input::TextInput;

/// Selection and scrolling in the lists of steps 2, 3 and 5.
#[derive(Debug, Clone, Default)]
pub struct StepsState {
    /// Selected row in designs, metrics, opinions.
    pub selected: [usize; 3],
    pub pane: Pane,
    pub detail_scroll: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerKind {
    /// A built-in design prompt, or the user's own (the last row).
    DesignPrompt,
    /// A classic debate to take a side on (first or second position).
    Debate,
    /// A behavioural question to rehearse this story against.
    Question {
        story: String,
        order: Vec<&'static str>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    pub selected: usize,
}

impl Picker {
    /// The rows the picker offers, as text.
    pub fn rows(&self) -> Vec<String> {
        match &self.kind {
            PickerKind::DesignPrompt => DESIGN_PROMPTS
                .iter()
                .map(|p| format!("{} — {}", p.title, p.brief))
                .chain(std::iter::once(
                    "Your own prompt — write it in the Prompt field".to_string(),
                ))
                .collect(),
            PickerKind::Question { order, .. } => order
                .iter()
                .filter_map(|id| crate::content::questions::question(id))
                .map(|q| format!("{}{}", if q.core { "* " } else { "  " }, q.text))
                .collect(),
            PickerKind::Debate => DEBATES
                .iter()
                .flat_map(|d| {
                    [
                        format!("{}: {} over {}", d.topic, d.one, d.other),
                        format!("{}: {} over {}", d.topic, d.other, d.one),
                    ]
                })
                .collect(),
        }
    }
}

/// One question of the quiz: a metric's value, copied when the round
/// starts (the round never points back into the kit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizQuestion {
    pub metric_id: String,
    pub name: String,
    /// `before` or `after`.
    pub asked: &'static str,
    pub expected: String,
}

/// A round of "know your metrics cold".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizState {
    pub questions: Vec<QuizQuestion>,
    pub at: usize,
    /// The answer being typed.
    pub typed: TextInput,
    pub answers: Vec<QuizAnswer>,
    /// Shown after an answer until Enter moves on: right?, what to say.
    pub feedback: Option<(bool, String)>,
    pub finished: bool,
}

impl QuizState {
    /// A metric's name as the round shows it: any value the round asks for
    /// cut out, so "MTTR (was 47 min)" gives nothing away.
    pub fn shown_name(&self, name: &str) -> String {
        let mut shown = name.to_string();
        for q in &self.questions {
            let value = q.expected.trim();
            if !value.is_empty() {
                shown = shown.replace(value, "…");
            }
        }
        shown
    }

    /// Share of right answers, rounded as the saved round rounds it.
    pub fn percent(&self) -> u8 {
        QuizRound {
            date: None,
            answers: self.answers.clone(),
        }
        .percent()
    }
}

fn slot(kind: FormKind) -> usize {
    match kind {
        FormKind::Design => 0,
        FormKind::Metric => 1,
        _ => 2,
    }
}

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
    pub(super) fn load_reviews(&mut self) {
        let mut problems = Vec::new();
        self.reviews = match self.store.as_mut() {
            Some(store) => store.load_reviews(&mut problems),
            None => crate::store::load_file::<crate::store::files::ReviewsFile>(
                &self.data_dir.join(crate::store::files::REVIEWS_FILE),
                &mut problems,
            )
            .map(|f| f.reviews)
            .unwrap_or_default(),
        };
        self.problems.extend(problems);
    }

    pub fn list_len(&self, kind: FormKind) -> usize {
        match kind {
            FormKind::Design => self.kit().designs.len(),
            FormKind::Metric => self.kit().metrics.len(),
            FormKind::Opinion => self.kit().opinions.len(),
            FormKind::Narrative | FormKind::Profile => 1,
        }
    }

    pub fn selected_index(&self, kind: FormKind) -> Option<usize> {
        let i = self.steps.selected[slot(kind)];
        (i < self.list_len(kind)).then_some(i)
    }

    fn item_at(&self, kind: FormKind, index: usize) -> Option<Item> {
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
        if self.steps.selected[slot(kind)] != to {
            self.steps.selected[slot(kind)] = to;
            self.steps.detail_scroll = 0;
        }
    }

    pub(super) fn update_collection(&mut self, kind: FormKind, action: Action) {
        let len = self.list_len(kind);
        let detail = self.steps.pane == Pane::Detail;
        let selected = self.steps.selected[slot(kind)];
        let select = |app: &mut App, to: usize| app.select_item(kind, to);
        match action {
            Action::Quit => self.quit = true,
            Action::Back if detail => self.steps.pane = Pane::List,
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
                self.steps.pane = if detail { Pane::List } else { Pane::Detail };
            }
            Action::NewItem => match kind {
                FormKind::Design => {
                    self.picker = Some(Picker {
                        kind: PickerKind::DesignPrompt,
                        selected: 0,
                    })
                }
                FormKind::Metric => {
                    self.open_form(None, Item::Metric(Metric::default()));
                    // A new metric's kind starts empty (read as "other"), not pre-typed.
                    if let Some(form) = self.form.as_mut() {
                        form.inputs[MetricField::Kind.index()] =
                            ratatui_textarea::TextArea::default();
                    }
                }
                _ => self.open_form(None, Item::Opinion(Opinion::default())),
            },
            Action::TakeSide => {
                self.picker = Some(Picker {
                    kind: PickerKind::Debate,
                    selected: 0,
                })
            }
            Action::EditItem => {
                if let Some(i) = self.selected_index(kind)
                    && let Some(item) = self.item_at(kind, i)
                {
                    self.open_form(Some(i), item);
                }
            }
            Action::EditItemInEditor => {
                if self.store.is_none() {
                    self.ensure_writable();
                    return;
                }
                if let Some(i) = self.selected_index(kind)
                    && let Some(item) = self.item_at(kind, i)
                {
                    self.pending = Some(Pending::ExternalEditForm {
                        kind,
                        index: Some(i),
                        text: template_of(&item),
                    });
                }
            }
            Action::DeleteItem => {
                if let Some(i) = self.selected_index(kind) {
                    self.confirm = Some(Confirm::DeleteItem {
                        kind,
                        index: i,
                        title: self.item_title(kind, i),
                    });
                }
            }
            Action::Quiz => self.start_quiz(),
            _ => {}
        }
    }

    pub(super) fn update_picker(&mut self, action: Action) {
        let Some(picker) = self.picker.as_mut() else {
            return;
        };
        let rows = picker.rows().len();
        match action {
            Action::Up => picker.selected = picker.selected.saturating_sub(1),
            Action::Down => picker.selected = (picker.selected + 1).min(rows - 1),
            Action::Back => self.picker = None,
            Action::Open => {
                let picker = picker.clone();
                self.picker = None;
                match picker.kind {
                    PickerKind::Question { story, order } => {
                        if let Some(&q) = order.get(picker.selected) {
                            self.start_rehearsal(&story, q, None);
                        }
                    }
                    PickerKind::DesignPrompt => {
                        let design = match DESIGN_PROMPTS.get(picker.selected) {
                            Some(p) => Design {
                                prompt: p.id.to_string(),
                                title: p.title.to_string(),
                                // An exercise with numbers starts from them.
                                requirements: p.scenario.to_string(),
                                ..Design::default()
                            },
                            None => Design::default(),
                        };
                        self.open_form(None, Item::Design(design));
                    }
                    PickerKind::Debate => {
                        let debate = &DEBATES[picker.selected / 2];
                        let (stance, over) = if picker.selected % 2 == 0 {
                            (debate.one, debate.other)
                        } else {
                            (debate.other, debate.one)
                        };
                        let opinion = Opinion {
                            stance: stance.to_string(),
                            over: over.to_string(),
                            ..Opinion::default()
                        };
                        self.open_form(None, Item::Opinion(opinion));
                        if let Some(form) = self.form.as_mut() {
                            form.focus = OpinionField::Because.index();
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn open_form(&mut self, index: Option<usize>, item: Item) {
        let editing = index.map(|i| i.to_string());
        self.form = Some(FormEditor::open(editing, item));
        self.screen = Screen::Form;
        self.say_edit_cannot_be_saved();
    }

    pub(super) fn open_narrative(&mut self) {
        self.open_form(Some(0), Item::Narrative(self.kit().narrative.clone()));
    }

    pub(super) fn open_profile(&mut self) {
        self.open_form(Some(0), Item::Profile(self.kit().profile.clone()));
    }

    /// Where the form returns to.
    fn form_home(kind: FormKind) -> Screen {
        match kind {
            FormKind::Design => Screen::Designs,
            FormKind::Metric => Screen::Metrics,
            FormKind::Opinion => Screen::Opinions,
            FormKind::Narrative | FormKind::Profile => Screen::Home,
        }
    }

    pub(super) fn close_form(&mut self) {
        let back = self
            .form
            .as_ref()
            .map(|f| Self::form_home(f.kind()))
            .unwrap_or(Screen::Home);
        self.form = None;
        self.screen = back;
    }

    pub(super) fn form_input(&mut self, key: &KeyEvent) {
        let Some(form) = self.form.as_mut() else {
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
        let Some(form) = self.form.as_mut() else {
            return;
        };
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if form.inputs[form.focus].insert_str(text) {
            form.reevaluate();
        }
    }

    pub(super) fn update_form(&mut self, action: Action) {
        let Some(form) = self.form.as_mut() else {
            self.screen = Screen::Home;
            return;
        };
        let n = form.inputs.len();
        match action {
            Action::NextField => form.focus = (form.focus + 1) % n,
            Action::PrevField => form.focus = (form.focus + n - 1) % n,
            Action::Back => {
                if form.is_dirty() {
                    self.confirm = Some(Confirm::LeaveForm);
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
        let Some(form) = self.form.as_ref() else {
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
        if let Some(form) = self.form.as_mut() {
            let focus = form.focus;
            *form = FormEditor::open(new_index.map(|i| i.to_string()), saved);
            form.focus = focus;
        }
        self.info(format!("Saved the {}.", item.kind().noun()));
    }

    /// Writes `item` at `index` (or as a new one), keeping ids unique.
    fn store_item(&mut self, index: Option<usize>, item: Item) -> Result<(), String> {
        if !self.ensure_writable() {
            return Err(self
                .status
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default());
        }
        let Some(store) = self.store.as_ref() else {
            return Err("read-only".into());
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
        if !self.ensure_writable() {
            return;
        }
        let Some(store) = self.store.as_ref() else {
            return;
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
                let s = slot(kind);
                self.steps.selected[s] =
                    self.steps.selected[s].min(self.list_len(kind).saturating_sub(1));
                self.info(format!(
                    "Deleted '{}' — a copy is in the trash folder.",
                    crate::tui::widgets::clip(title, 50)
                ));
            }
            Err(e) => self.error(format!("Not deleted: {e}")),
        }
    }

    /// The form's unsaved text as a draft, for Ctrl-c.
    pub(super) fn form_draft(&self) -> Option<Draft> {
        let form = self.form.as_ref().filter(|f| f.is_dirty())?;
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
        self.form = Some(editor);
        self.screen = Screen::Form;
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

    // ---- the metrics quiz ----

    fn start_quiz(&mut self) {
        let mut questions = Vec::new();
        for m in &self.kit().metrics {
            for (asked, value) in [("after", &m.after), ("before", &m.before)] {
                if crate::score::quantity::parse_quantity(value).is_some() {
                    questions.push(QuizQuestion {
                        metric_id: m.id.clone(),
                        name: m.name.clone(),
                        asked,
                        expected: value.trim().to_string(),
                    });
                }
            }
        }
        if questions.is_empty() {
            self.error(
                "No metric has a value to quiz yet: add one with n (e.g. MTTD 8 min -> 90 s).",
            );
            return;
        }
        // A different order each day, the same within a day.
        let shift = (self.today.ordinal() as usize) % questions.len();
        questions.rotate_left(shift);
        self.quiz = Some(QuizState {
            questions,
            at: 0,
            typed: TextInput::default(),
            answers: Vec::new(),
            feedback: None,
            finished: false,
        });
        self.screen = Screen::Quiz;
    }

    pub(super) fn quiz_input(&mut self, key: &KeyEvent) {
        let Some(quiz) = self.quiz.as_mut() else {
            return;
        };
        if quiz.feedback.is_some() || quiz.finished {
            return;
        }
        quiz.typed.handle_key(key);
    }

    /// A paste into the answer being typed.
    pub(super) fn quiz_paste(&mut self, text: &str) {
        if let Some(quiz) = self.quiz.as_mut()
            && quiz.feedback.is_none()
            && !quiz.finished
        {
            quiz.typed.paste(text);
        }
    }

    pub(super) fn update_quiz(&mut self, action: Action) {
        let Some(quiz) = self.quiz.as_mut() else {
            self.screen = Screen::Metrics;
            return;
        };
        match action {
            Action::Submit if quiz.finished => {
                self.quiz = None;
                self.screen = Screen::Metrics;
            }
            Action::Submit if quiz.feedback.is_some() => {
                quiz.feedback = None;
                quiz.typed.clear();
                quiz.at += 1;
                if quiz.at >= quiz.questions.len() {
                    self.finish_quiz();
                }
            }
            Action::Submit => {
                let Some(question) = quiz.questions.get(quiz.at).cloned() else {
                    self.finish_quiz();
                    return;
                };
                let QuizQuestion {
                    metric_id,
                    name,
                    asked,
                    expected,
                } = question;
                let verdict = check_answer(&expected, quiz.typed.text());
                if verdict == Verdict::Unreadable && !quiz.typed.text().trim().is_empty() {
                    quiz.feedback = None;
                    let typed = quiz.typed.text().to_string();
                    self.error(format!("`{typed}` has no number in it — type the value with its unit, e.g. \"90 s\"."));
                    return;
                }
                let right = verdict == Verdict::Right;
                let name = quiz.shown_name(&name);
                quiz.answers.push(QuizAnswer {
                    metric: metric_id,
                    asked: asked.to_string(),
                    expected: expected.clone(),
                    typed: quiz.typed.text().trim().to_string(),
                    right,
                });
                let text = if right {
                    format!("Right: {name}, {asked}, is {expected}.")
                } else {
                    format!("Not quite: {name}, {asked}, is {expected}.")
                };
                quiz.feedback = Some((right, text));
            }
            Action::Back => self.finish_quiz(),
            _ => {}
        }
    }

    /// Ends the round; a round with answers is kept in `reviews.json`.
    fn finish_quiz(&mut self) {
        let Some(quiz) = self.quiz.as_mut() else {
            return;
        };
        if quiz.finished || quiz.answers.is_empty() {
            self.quiz = None;
            self.screen = Screen::Metrics;
            return;
        }
        quiz.finished = true;
        quiz.feedback = None;
        let round = QuizRound {
            date: Some(self.today),
            answers: quiz.answers.clone(),
        };
        let percent = round.percent();
        let mut reviews = self.reviews.clone();
        reviews.quiz_rounds.push(round);
        let saved = match self.store.as_ref() {
            Some(store) => store.save_reviews(&reviews).map_err(|e| e.to_string()),
            None => Err("read-only: the result was not kept".into()),
        };
        match saved {
            Ok(()) => {
                self.reviews = reviews;
                self.readiness = None;
                self.info(format!("Round kept: {percent}% right."));
            }
            Err(e) => self.error(format!("The round's result was not kept: {e}")),
        }
    }
}

/// An item as the `$EDITOR` template.
fn template_of(item: &Item) -> String {
    item.template()
}
