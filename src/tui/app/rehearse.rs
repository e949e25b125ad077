//! Story rehearsal: a question, a timer, the answer typed from memory and
//! scored like a story, what was forgotten, two or three drill-down
//! follow-ups, and a rating that schedules the story's next rehearsal.

use std::time::Instant;

use ratatui_textarea::TextArea;

use super::{App, Confirm, Picker, PickerKind, Screen, Scroll, ScrollTo};
use crate::content::questions::{QUESTIONS, question};
use crate::drill::follow_ups::{self, FollowUp, Judged};
use crate::drill::reviews::{FollowUpAnswer, Rehearsal};
use crate::drill::srs::Rating;
use crate::score::{Dimension, StoryScore, score_story, score_text};
use crate::tui::editor::{Editor, text_input};
use crate::tui::keymap::{self, Action, Context};

/// A behavioural answer should take about two to three minutes.
pub const TARGET_SECONDS: (u32, u32) = (120, 180);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RehearsalStep {
    Answer,
    Result,
    FollowUp(usize),
    Rate,
}

pub struct RehearsalState {
    pub story_id: String,
    pub question: &'static str,
    pub step: RehearsalStep,
    pub input: TextArea<'static>,
    pub started: Instant,
    pub answer: String,
    pub duration_seconds: u32,
    pub typed: Option<StoryScore>,
    pub saved: StoryScore,
    pub follow_ups: Vec<FollowUp>,
    pub follow_answers: Vec<String>,
    /// Each follow-up answer judged on the dimension its question aims at.
    pub follow_judged: Vec<Judged>,
    pub result_scroll: u16,
    /// Why the app picked this question and story (for `R`).
    pub picked: Option<String>,
}

impl RehearsalState {
    pub fn elapsed_seconds(&self) -> u32 {
        match self.step {
            RehearsalStep::Answer => self.started.elapsed().as_secs() as u32,
            _ => self.duration_seconds,
        }
    }

    /// Dimensions the typed answer scored lower on than the saved story.
    pub fn forgotten(&self) -> Vec<(Dimension, u8, u8)> {
        let Some(typed) = &self.typed else {
            return Vec::new();
        };
        Dimension::ALL
            .iter()
            .map(|&d| {
                (
                    d,
                    self.saved.dimensions.get(d).score,
                    typed.dimensions.get(d).score,
                )
            })
            .filter(|(_, saved, typed)| typed < saved)
            .collect()
    }
}

impl App {
    /// True while a timer is on screen, so the loop redraws every second.
    pub fn ticking(&self) -> bool {
        self.troubleshoot_ticking()
            || self
                .rehearsal()
                .is_some_and(|r| r.step == RehearsalStep::Answer)
    }

    /// `r` on a story: choose the question, the story's own first.
    pub(super) fn choose_rehearsal_question(&mut self) {
        let Some(story) = self.selected_story() else {
            return;
        };
        let mut order: Vec<&'static str> = story
            .questions
            .iter()
            .filter_map(|id| question(id).map(|q| q.id))
            .collect();
        let rest: Vec<&'static str> = QUESTIONS
            .iter()
            .map(|q| q.id)
            .filter(|id| !order.contains(id))
            .collect();
        order.extend(rest);
        let picker = Picker {
            kind: PickerKind::Question {
                story: story.id.clone(),
                order,
            },
            selected: 0,
        };
        self.pick_for_stories(picker);
    }

    /// `R` from home: a story whose rehearsal is due, else a core question
    /// no story answers yet, else the weakest-scored story.
    pub(super) fn rehearse_any(&mut self) {
        if self.kit().stories.is_empty() {
            self.error(format!(
                "Write a story first {}: a rehearsal needs a story to tell.",
                crate::tui::next_step::how(crate::readiness::Place::NewStory)
            ));
            return;
        }
        let due = self.kit().stories.iter().find(|s| {
            self.practice
                .reviews
                .stories
                .get(&s.id)
                .is_some_and(|state| state.is_due(self.today))
        });
        let (story, question_id, why) = if let Some(story) = due {
            let q = first_question(story);
            (
                story.id.clone(),
                q.id,
                format!("'{}' is due for rehearsal", story.title),
            )
        } else if let Some(q) = QUESTIONS.iter().find(|q| {
            q.core
                && !self
                    .kit()
                    .stories
                    .iter()
                    .any(|s| s.questions.iter().any(|id| id == q.id))
        }) {
            let story = self
                .scored
                .stories()
                .max_by_key(|(_, summary)| summary.map_or(0, |s| s.total))
                .map(|(s, _)| s.id.clone())
                .unwrap_or_default();
            (
                story,
                q.id,
                "no story answers this core question yet — try your strongest".to_string(),
            )
        } else {
            let weakest = self
                .scored
                .stories()
                .min_by_key(|(_, summary)| summary.map_or(0, |s| s.total))
                .map(|(s, _)| s.clone())
                .unwrap_or_default();
            let q = first_question(&weakest);
            (
                weakest.id.clone(),
                q.id,
                format!("'{}' is your weakest story", weakest.title),
            )
        };
        // A story with empty beats cannot be told: finish it first.
        if let Some(unfinished) = self
            .kit()
            .story(&story)
            .filter(|s| !s.empty_beats().is_empty())
        {
            let missing = unfinished.empty_beats();
            let title = if unfinished.title.trim().is_empty() {
                "This story".to_string()
            } else {
                format!("'{}'", unfinished.title.trim())
            };
            let names: Vec<&str> = missing.iter().map(|f| f.label()).collect();
            let mut editor = Editor::story(Some(unfinished.id.clone()), unfinished.clone());
            editor.focus_on(missing[0]);
            self.select_story(&story);
            self.open_story_editor(editor);
            self.info(format!(
                "{title} was picked ({why}), but it has empty beats — {}. Finish it first: a rehearsal needs the whole story.",
                names.join(", ")
            ));
            self.say_edit_cannot_be_saved();
            return;
        }
        self.start_rehearsal(&story, question_id, Some(why));
    }

    pub(super) fn start_rehearsal(
        &mut self,
        story_id: &str,
        question_id: &'static str,
        picked: Option<String>,
    ) {
        let Some(story) = self.kit().story(story_id) else {
            return;
        };
        let saved = score_story(story);
        let follow_ups = follow_ups::choose(&saved, question_id);
        let rehearsal = RehearsalState {
            story_id: story_id.to_string(),
            question: question_id,
            step: RehearsalStep::Answer,
            input: text_input(""),
            started: Instant::now(),
            answer: String::new(),
            duration_seconds: 0,
            typed: None,
            saved,
            follow_ups,
            follow_answers: Vec::new(),
            follow_judged: Vec::new(),
            result_scroll: 0,
            picked,
        };
        let stories = self.take_stories();
        self.screen = Screen::Rehearse {
            rehearsal: Box::new(rehearsal),
            stories,
        };
    }

    fn rehearsal_mut(&mut self) -> Option<&mut RehearsalState> {
        match &mut self.screen {
            Screen::Rehearse { rehearsal, .. } => Some(rehearsal),
            _ => None,
        }
    }

    pub(super) fn rehearsal_input(&mut self, key: &crossterm::event::KeyEvent) {
        if let Some(r) = self.rehearsal_mut()
            && matches!(r.step, RehearsalStep::Answer | RehearsalStep::FollowUp(_))
        {
            r.input.input(*key);
        }
    }

    pub(super) fn rehearsal_paste(&mut self, text: &str) {
        if let Some(r) = self.rehearsal_mut()
            && matches!(r.step, RehearsalStep::Answer | RehearsalStep::FollowUp(_))
        {
            r.input
                .insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
        }
    }

    pub(super) fn update_rehearsal(&mut self, action: Action) {
        let Some(r) = self.rehearsal_mut() else {
            return;
        };
        match (r.step, action) {
            (_, Action::Back) => self.ask(Confirm::AbandonRehearsal),
            (RehearsalStep::Answer, Action::Submit) => {
                r.answer = r.input.lines().join("\n").trim().to_string();
                if r.answer.is_empty() {
                    self.error(format!(
                        "Type your answer first — as you would say it — then {}.",
                        keymap::key_for(Context::Rehearse, Action::Submit)
                    ));
                    return;
                }
                r.duration_seconds = r.started.elapsed().as_secs() as u32;
                r.typed = Some(score_text(&r.answer));
                r.step = RehearsalStep::Result;
            }
            (RehearsalStep::Result, Action::Submit) => {
                r.input = text_input("");
                r.result_scroll = 0;
                r.step = if r.follow_ups.is_empty() {
                    RehearsalStep::Rate
                } else {
                    RehearsalStep::FollowUp(0)
                };
            }
            (RehearsalStep::Result | RehearsalStep::Rate, Action::Down) => {
                self.scroll(Scroll::RehearsalResult, ScrollTo::By(1))
            }
            (RehearsalStep::Result | RehearsalStep::Rate, Action::Up) => {
                self.scroll(Scroll::RehearsalResult, ScrollTo::By(-1))
            }
            (RehearsalStep::FollowUp(i), Action::Submit) => {
                let answer = r.input.lines().join("\n").trim().to_string();
                if let Some(asked) = r.follow_ups.get(i) {
                    r.follow_judged.push(follow_ups::judge(&answer, asked.aims));
                }
                r.follow_answers.push(answer);
                r.input = text_input("");
                r.result_scroll = 0;
                r.step = if i + 1 < r.follow_ups.len() {
                    RehearsalStep::FollowUp(i + 1)
                } else {
                    RehearsalStep::Rate
                };
            }
            (RehearsalStep::Rate, Action::Rate(n)) => {
                if let Some(rating) = Rating::from_number(n) {
                    self.finish_rehearsal(rating);
                }
            }
            _ => {}
        }
    }

    /// Keeps the rehearsal in `reviews.json`, schedules the story's next one,
    /// and links the question to the story if it was not yet.
    fn finish_rehearsal(&mut self, rating: Rating) {
        let Some(r) = self.rehearsal() else {
            return;
        };
        let record = Rehearsal {
            date: Some(self.today),
            question: r.question.to_string(),
            story: r.story_id.clone(),
            answer: r.answer.clone(),
            score: r.typed.as_ref().map(|s| s.total).unwrap_or(0),
            duration_seconds: r.duration_seconds,
            follow_ups: r
                .follow_ups
                .iter()
                .zip(&r.follow_answers)
                .zip(&r.follow_judged)
                .map(|((q, a), judged)| FollowUpAnswer {
                    question: q.question.clone(),
                    answer: a.clone(),
                    aims: judged.aims.key().to_string(),
                    score: judged.score,
                    flags: judged.flags.clone(),
                })
                .collect(),
            rating: rating as u8,
        };
        let story_id = r.story_id.clone();
        let question_id = r.question;
        let mut reviews = self.practice.reviews.clone();
        let next =
            self.practice
                .scheduler
                .review(reviews.stories.get(&story_id), rating, self.today);
        let days = next.due.map(|d| (d - self.today).num_days()).unwrap_or(0);
        reviews.stories.insert(story_id.clone(), next);
        reviews.rehearsals.push(record);
        if let Err(e) = self.keep_reviews(reviews) {
            self.error(format!(
                "The rehearsal was not kept: {e} — it is still on screen; try the rating again."
            ));
            return;
        }
        // Rehearsing a story against a question means it answers it.
        let mut unlinked = String::new();
        if let Some(mut story) = self.kit().story(&story_id).cloned()
            && !story.questions.iter().any(|q| q == question_id)
        {
            story.questions.push(question_id.to_string());
            if let Err(e) = self.save_story_to_kit(story) {
                unlinked = format!(" The question was not linked to the story: {e}");
            }
        }
        self.back_to_stories();
        self.select_story(&story_id);
        let when = match days {
            0 => "again today".to_string(),
            1 => "tomorrow".to_string(),
            d => format!("in {d} days"),
        };
        self.info(format!(
            "Rehearsal kept. Next rehearsal of this story {when}.{unlinked}"
        ));
    }
}

/// The first behavioural question a story answers, else the first of the bank.
fn first_question(story: &crate::kit::Story) -> &'static crate::content::questions::Question {
    story
        .questions
        .iter()
        .find_map(|id| question(id))
        .unwrap_or(&QUESTIONS[0])
}
