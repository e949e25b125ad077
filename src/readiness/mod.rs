//! Readiness: the playbook's checklist, computed from a kit and its drill
//! history — every item met or not, why, and the next thing to do (as a
//! [`NextStep`]: what, never which key). One small assessor per item, in
//! [`checks`]; their weights in one table, [`CHECKLIST`]. Pure: "today" is
//! passed in, never read from the clock.

mod checks;
pub mod next;
mod plan;

use chrono::NaiveDate;

use crate::drill::deck::Card;
use crate::drill::reviews::Reviews;
use crate::evaluate::{KitEvaluation, evaluate_kit};
use crate::kit::Kit;
pub use checks::{SCENARIO_DAYS, SCENARIO_SCORE, SCENARIOS_SOLVED};
pub use next::{NextStep, Place};
pub use plan::plan;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: &'static str,
    pub label: &'static str,
    pub met: bool,
    pub detail: String,
    /// What to do next; `None` when the item is met.
    pub next: Option<NextStep>,
    /// Share of the item done, 0 to 100 (for the score).
    pub progress: u8,
    pub weight: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    pub ready: bool,
    pub score: u8,
    pub items: Vec<Item>,
}

/// Everything the checklist reads.
pub struct Inputs<'a> {
    pub kit: &'a Kit,
    pub reviews: &'a Reviews,
    pub deck: &'a [Card],
    pub today: NaiveDate,
}

/// What one assessor found.
struct Verdict {
    met: bool,
    /// Share done, 0 to 100 (capped at 99 while unmet).
    progress: u8,
    detail: String,
    next: NextStep,
}

/// One item of the checklist: what it is, what it weighs in the score, and
/// the function that judges it.
pub struct Assessor {
    pub id: &'static str,
    pub label: &'static str,
    /// Points of the score out of 100; the weights of [`CHECKLIST`] sum to 100.
    pub weight: u8,
    assess: fn(&checks::Judged) -> Verdict,
}

/// The checklist, in the order it is shown, with each item's weight.
pub const CHECKLIST: [Assessor; 10] = [
    Assessor {
        id: "stories",
        label: "3 interview-ready stories",
        weight: 20,
        assess: checks::stories,
    },
    Assessor {
        id: "designs",
        label: "5 design answers, the playbook's three among them",
        weight: 15,
        assess: checks::designs,
    },
    Assessor {
        id: "metrics",
        label: "Metrics: SLO, MTTD, MTTR, on-call",
        weight: 10,
        assess: checks::metrics,
    },
    Assessor {
        id: "metrics_drilled",
        label: "Metrics known cold (quiz ≥ 80% this week)",
        weight: 5,
        assess: checks::metrics_drilled,
    },
    Assessor {
        id: "trivia",
        label: "Linux & systems: 80% recalled in each core topic",
        weight: 10,
        assess: checks::trivia,
    },
    Assessor {
        id: "opinions",
        label: "3 opinions with stance, alternative, reason, evidence",
        weight: 10,
        assess: checks::opinions,
    },
    Assessor {
        id: "narrative",
        label: "Platform narrative: first person, before/after numbers",
        weight: 5,
        assess: checks::narrative,
    },
    Assessor {
        id: "coverage",
        label: "Every core question answered by a ready story",
        weight: 10,
        assess: checks::coverage,
    },
    Assessor {
        id: "rehearsed",
        label: "Each ready story rehearsed twice, last within 7 days",
        weight: 10,
        assess: checks::rehearsed,
    },
    Assessor {
        id: "troubleshooting",
        label: "Troubleshooting: 3 scenarios solved in the last 14 days",
        weight: 5,
        assess: checks::troubleshooting,
    },
];

impl Assessor {
    fn item(&self, judged: &checks::Judged) -> Item {
        let Verdict {
            met,
            progress,
            detail,
            next,
        } = (self.assess)(judged);
        Item {
            id: self.id,
            label: self.label,
            met,
            detail,
            next: (!met).then_some(next),
            progress: if met { 100 } else { progress.min(99) },
            weight: self.weight,
        }
    }
}

pub fn assess(inputs: &Inputs) -> Readiness {
    let eval = evaluate_kit(inputs.kit);
    assess_evaluated(inputs, &eval)
}

pub fn assess_evaluated(inputs: &Inputs, eval: &KitEvaluation) -> Readiness {
    let judged = checks::Judged::new(inputs, eval);
    let items: Vec<Item> = CHECKLIST.iter().map(|a| a.item(&judged)).collect();
    let score = items
        .iter()
        .map(|i| u32::from(i.weight) * u32::from(i.progress))
        .sum::<u32>()
        / 100;
    Readiness {
        ready: items.iter().all(|i| i.met),
        score: score.min(100) as u8,
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weights_sum_to_100_and_each_item_is_in_the_table_once() {
        let total: u32 = CHECKLIST.iter().map(|a| u32::from(a.weight)).sum();
        assert_eq!(total, 100);
        let ids: Vec<&str> = CHECKLIST.iter().map(|a| a.id).collect();
        assert_eq!(
            ids,
            [
                "stories",
                "designs",
                "metrics",
                "metrics_drilled",
                "trivia",
                "opinions",
                "narrative",
                "coverage",
                "rehearsed",
                "troubleshooting"
            ]
        );
        // Each assessor judges its own item: on an empty kit, every item
        // says something of its own.
        let kit = Kit::default();
        let reviews = Reviews::default();
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
        let inputs = Inputs {
            kit: &kit,
            reviews: &reviews,
            deck: &[],
            today,
        };
        let r = assess(&inputs);
        let mut details: Vec<&str> = r.items.iter().map(|i| i.detail.as_str()).collect();
        details.sort_unstable();
        details.dedup();
        assert_eq!(details.len(), CHECKLIST.len(), "{details:#?}");
        let mut labels: Vec<&str> = CHECKLIST.iter().map(|a| a.label).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), CHECKLIST.len());
    }
}
