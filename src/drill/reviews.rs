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
    pub quiz_rounds: Vec<QuizRound>,
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
}
