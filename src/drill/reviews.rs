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
    /// Troubleshooting scenario id -> its schedule (FSRS, rated by the result).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scenarios: BTreeMap<String, CardState>,
    /// Every troubleshooting round played, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub troubleshooting: Vec<Attempt>,
}

/// One troubleshooting round: what was typed, and how it was judged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Attempt {
    pub date: Option<NaiveDate>,
    pub scenario: String,
    /// Every line as typed, in order (a replay file, one a line).
    pub lines: Vec<String>,
    pub commands: Vec<String>,
    pub hypotheses: Vec<String>,
    pub solved: bool,
    pub score: u8,
    pub seconds: u32,
    pub hints: u32,
    /// 1 Again, 2 Hard, 3 Good, 4 Easy: how the result scheduled the scenario.
    pub rating: u8,
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

    /// The troubleshooting rounds of one scenario, oldest first.
    pub fn attempts_of<'a>(&'a self, scenario: &'a str) -> impl Iterator<Item = &'a Attempt> + 'a {
        self.troubleshooting
            .iter()
            .filter(move |a| a.scenario == scenario)
    }

    /// The rehearsals of one story, oldest first.
    pub fn rehearsals_of<'a>(&'a self, story: &'a str) -> impl Iterator<Item = &'a Rehearsal> + 'a {
        self.rehearsals.iter().filter(move |r| r.story == story)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file written before troubleshooting rounds existed still loads, and
    /// a history without rounds is written without their keys, as before.
    #[test]
    fn troubleshooting_keys_are_optional_both_ways() {
        let old = r#"{ "settings": { "new_cards_per_day": 20 }, "cards": {}, "stories": {},
                       "rehearsals": [], "quiz_rounds": [] }"#;
        let reviews: Reviews = serde_json::from_str(old).expect("an older reviews file loads");
        assert!(reviews.troubleshooting.is_empty() && reviews.scenarios.is_empty());
        let written = serde_json::to_string(&reviews).unwrap();
        assert!(!written.contains("troubleshooting"), "{written}");
        assert!(!written.contains("scenarios"), "{written}");

        let mut with_round = reviews;
        with_round.troubleshooting.push(Attempt {
            scenario: "cert-expired".into(),
            solved: true,
            score: 91,
            ..Attempt::default()
        });
        let written = serde_json::to_string(&with_round).unwrap();
        let back: Reviews = serde_json::from_str(&written).unwrap();
        assert_eq!(back, with_round);
        assert_eq!(back.attempts_of("cert-expired").count(), 1);
    }
}
