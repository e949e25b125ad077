//! Evaluators for steps 2, 3 and 5 and the platform narrative: each a
//! checklist of what an interviewer listens for, met or not and why, built on
//! the story scorer's text tools (quantities, first person, hedges).

pub mod design;
pub mod design_arithmetic;
pub mod fit;
pub mod metric;
pub mod narrative;
pub mod opinion;

use serde::Serialize;

use crate::kit::{Kit, Story};
use crate::parallel;
use crate::score::{StoryScore, Summary, score_story};

/// One thing an interviewer listens for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub id: &'static str,
    pub label: &'static str,
    /// Points earned of `of`.
    pub points: u8,
    pub of: u8,
    /// What earned it, or the one thing to add.
    pub detail: String,
}

impl Check {
    pub fn met(&self) -> bool {
        self.points >= self.of
    }
}

/// A checklist with a 0-100 score.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub score: u8,
    pub checks: Vec<Check>,
    /// Called out regardless of points: hedging with no stance, a textbook answer.
    pub flags: Vec<String>,
    /// Worked beside the answer, worth no points: the arithmetic it states,
    /// checked (design answers).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// A worked sum beside an answer, and whether the answer's figure agrees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub kind: NoteKind,
    /// What the sum is of: "Read bandwidth", "Storage", "Your sum".
    pub what: String,
    /// The sum worked, and what it says of the answer's figure.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// The user's figure agrees with the arithmetic.
    Agrees,
    /// It does not: the worked figure is shown beside it.
    Off,
    /// Something to work out that the answer does not state yet.
    ToDo,
}

impl Evaluation {
    /// Scores the checks: points earned over points possible, out of 100.
    pub fn from_checks(checks: Vec<Check>) -> Evaluation {
        let earned: u32 = checks.iter().map(|c| u32::from(c.points)).sum();
        let possible: u32 = checks.iter().map(|c| u32::from(c.of)).sum();
        let score = (earned * 100 + possible / 2)
            .checked_div(possible)
            .map_or(0, |v| v as u8);
        Evaluation {
            score,
            checks,
            flags: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The first thing still missing.
    pub fn next(&self) -> Option<&Check> {
        self.checks.iter().find(|c| !c.met())
    }
}

/// A check worth `of` points, met (all points) or not (none).
pub fn check(
    id: &'static str,
    label: &'static str,
    of: u8,
    met: bool,
    good: String,
    missing: &str,
) -> Check {
    Check {
        id,
        label,
        points: if met { of } else { 0 },
        of,
        detail: if met { good } else { missing.to_string() },
    }
}

/// What readiness and the cheat sheet need of a story's score, without the
/// evidence: a kit of 1,000 stories is evaluated without holding 1,000 full
/// scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryBrief {
    pub summary: Summary,
    pub spoken_seconds: u32,
    /// The advice for the weakest dimension.
    pub weakest_advice: String,
}

impl StoryBrief {
    pub fn of(score: &StoryScore) -> StoryBrief {
        let summary = Summary::of(score);
        let (weakest, _) = summary.weakest();
        StoryBrief {
            summary,
            spoken_seconds: score.spoken_seconds,
            weakest_advice: score
                .dimensions
                .get(weakest)
                .advice
                .first()
                .cloned()
                .unwrap_or_default(),
        }
    }
}

/// Everything in a kit, evaluated: what readiness and the screens read.
#[derive(Debug, Clone, Default)]
pub struct KitEvaluation {
    pub stories: Vec<StoryBrief>,
    pub designs: Vec<Evaluation>,
    pub metrics: Vec<metric::MetricReading>,
    pub metrics_checklist: Evaluation,
    pub opinions: Vec<Evaluation>,
    pub narrative: Evaluation,
}

/// Scores a story of a kit: [`score_story`]. The app's scoring and
/// [`evaluate_kit`] go through here, so tests can count how many times each
/// story is scored.
pub fn score(story: &Story) -> StoryScore {
    #[cfg(test)]
    scoring_count::note(story);
    score_story(story)
}

/// Evaluates a whole kit, spreading the work over the machine's cores.
pub fn evaluate_kit(kit: &Kit) -> KitEvaluation {
    KitEvaluation {
        stories: parallel::map(&kit.stories, 32, |s| StoryBrief::of(&score(s))),
        designs: parallel::map(&kit.designs, 32, design::evaluate),
        metrics: kit.metrics.iter().map(metric::read).collect(),
        metrics_checklist: metric::checklist(&kit.metrics),
        opinions: parallel::map(&kit.opinions, 32, opinion::evaluate),
        narrative: narrative::evaluate(&kit.narrative),
    }
}

/// How many times each story has been scored in this test process, by id
/// (tests that count give their stories ids no other test uses).
#[cfg(test)]
pub(crate) mod scoring_count {
    use std::collections::HashMap;
    use std::sync::Mutex;

    static SCORED: Mutex<Option<HashMap<String, usize>>> = Mutex::new(None);

    pub(super) fn note(story: &crate::kit::Story) {
        let mut scored = SCORED.lock().unwrap_or_else(|e| e.into_inner());
        *scored
            .get_or_insert_default()
            .entry(story.id.clone())
            .or_default() += 1;
    }

    /// Times the story with this id was scored.
    pub(crate) fn of(id: &str) -> usize {
        let scored = SCORED.lock().unwrap_or_else(|e| e.into_inner());
        scored
            .as_ref()
            .and_then(|m| m.get(id))
            .copied()
            .unwrap_or(0)
    }
}
