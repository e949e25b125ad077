//! `reviews.json`: the history of drills — metrics quiz rounds so far — with
//! every field defaulted so later drills add to the file without breaking it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Reviews {
    pub quiz_rounds: Vec<QuizRound>,
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
