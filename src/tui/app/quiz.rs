//! Step 3's quiz, "know your metrics cold": each metric's before and after
//! asked in turn, checked with units, the round kept in `reviews.json`.

use chrono::Datelike;
use crossterm::event::KeyEvent;

use super::{App, Screen};
use crate::drill::reviews::{QuizAnswer, QuizRound};
use crate::evaluate::metric::{Verdict, check_answer};
use crate::tui::form::FormKind;
use crate::tui::keymap::Action;
use crate::tui::text_input::TextInput;

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

impl App {
    pub(super) fn start_quiz(&mut self) {
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
        let quiz = QuizState {
            questions,
            at: 0,
            typed: TextInput::default(),
            answers: Vec::new(),
            feedback: None,
            finished: false,
        };
        let items = self.take_items(FormKind::Metric);
        self.screen = Screen::Quiz {
            quiz: Box::new(quiz),
            items,
        };
    }

    fn quiz_mut(&mut self) -> Option<&mut QuizState> {
        match &mut self.screen {
            Screen::Quiz { quiz, .. } => Some(quiz),
            _ => None,
        }
    }

    /// Back to the metrics, as they were under the quiz.
    fn close_quiz(&mut self) {
        let items = self.take_items(FormKind::Metric);
        self.screen = Screen::Items(items);
    }

    pub(super) fn quiz_input(&mut self, key: &KeyEvent) {
        let Some(quiz) = self.quiz_mut() else {
            return;
        };
        if quiz.feedback.is_some() || quiz.finished {
            return;
        }
        quiz.typed.handle_key(key);
    }

    /// A paste into the answer being typed.
    pub(super) fn quiz_paste(&mut self, text: &str) {
        if let Some(quiz) = self.quiz_mut()
            && quiz.feedback.is_none()
            && !quiz.finished
        {
            quiz.typed.paste(text);
        }
    }

    pub(super) fn update_quiz(&mut self, action: Action) {
        let Some(quiz) = self.quiz_mut() else {
            return;
        };
        match action {
            Action::Submit if quiz.finished => self.close_quiz(),
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
        let today = self.today;
        let Some(quiz) = self.quiz_mut() else {
            return;
        };
        if quiz.finished || quiz.answers.is_empty() {
            self.close_quiz();
            return;
        }
        quiz.finished = true;
        quiz.feedback = None;
        let round = QuizRound {
            date: Some(today),
            answers: quiz.answers.clone(),
        };
        let percent = round.percent();
        let mut reviews = self.practice.reviews.clone();
        reviews.quiz_rounds.push(round);
        match self.keep_reviews(reviews) {
            Ok(()) => self.info(format!("Round kept: {percent}% right.")),
            Err(e) => self.error(format!("The round's result was not kept: {e}")),
        }
    }
}
