//! `reviews.json`: the history of drills — card reviews keyed by the card's
//! stable id, metrics quiz rounds, and the drill settings — with every field
//! defaulted so later drills add to the file without breaking it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::srs::CardState;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Reviews {
    pub settings: DrillSettings,
    /// Card id -> its memory state, due day and review log.
    pub cards: BTreeMap<String, CardState>,
    /// Story id -> its rehearsal schedule (FSRS, like a card).
    pub stories: BTreeMap<String, CardState>,
    /// Every rehearsal, oldest first.
    pub rehearsals: Vec<Rehearsal>,
    pub quiz_rounds: Vec<QuizRound>,
}

/// One timed rehearsal of a story against a behavioural question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rehearsal {
    pub date: Option<NaiveDate>,
    pub question: String,
    pub story: String,
    /// What the user typed, from memory.
    pub answer: String,
    /// The typed answer's total score.
    pub score: u8,
    pub duration_seconds: u32,
    pub follow_ups: Vec<FollowUpAnswer>,
    /// 1 Again, 2 Hard, 3 Good, 4 Easy.
    pub rating: u8,
}

/// A drill-down question, the answer typed to it, and how the answer was
/// judged. The judgement was added later: every field defaults, so a
/// `reviews.json` written before it still loads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FollowUpAnswer {
    pub question: String,
    pub answer: String,
    /// The story dimension the question probes (`fix`, `numbers`, ...).
    #[serde(default)]
    pub aims: String,
    /// The answer's score on that dimension, 0 to 5.
    #[serde(default)]
    pub score: u8,
    /// Hedges ("it depends") and vague amounts in the answer, one a line.
    #[serde(default)]
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DrillSettings {
    /// New cards introduced per day at most.
    pub new_cards_per_day: u32,
}

impl Default for DrillSettings {
    fn default() -> DrillSettings {
        DrillSettings {
            new_cards_per_day: 20,
        }
    }
}

/// One round of "know your metrics cold".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuizRound {
    pub date: Option<NaiveDate>,
    pub answers: Vec<QuizAnswer>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuizAnswer {
    pub metric: String,
    /// `before` or `after`.
    pub asked: String,
    pub expected: String,
    pub typed: String,
    pub right: bool,
}

impl QuizRound {
    /// Share of right answers, 0 to 100.
    pub fn percent(&self) -> u8 {
        if self.answers.is_empty() {
            return 0;
        }
        let right = self.answers.iter().filter(|a| a.right).count();
        ((right * 100 + self.answers.len() / 2) / self.answers.len()) as u8
    }
}

impl Reviews {
    pub fn last_quiz(&self) -> Option<&QuizRound> {
        self.quiz_rounds.last()
    }

    /// The rehearsals of one story, oldest first.
    pub fn rehearsals_of<'a>(&'a self, story: &'a str) -> impl Iterator<Item = &'a Rehearsal> + 'a {
        self.rehearsals.iter().filter(move |r| r.story == story)
    }
}
