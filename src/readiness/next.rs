//! What to do next, as data: each unmet item of the checklist, and each step
//! of today's plan, is a [`NextStep`]. The core says *what* to do; each face
//! says *how* to get there — keys in the app, a command in the shell — by
//! turning every [`Place`] of the sentence into its own words.

use chrono::NaiveDate;

use crate::score::Dimension;

/// Where a step is done. The faces turn it into keys ("3, then r") or a
/// command ("run `sre-prep`, open step 3 and start the quiz").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Write a new incident story (step 1).
    NewStory,
    /// Add a design answer (step 2).
    NewDesign,
    /// Add a metric (step 3).
    NewMetric,
    /// The "know your metrics cold" quiz (step 3).
    MetricsQuiz,
    /// Review the trivia cards that are due (step 4).
    ReviewDueCards,
    /// Cram one topic of the deck, from the deck (step 4).
    CramTopic,
    /// Cram the weakest cards of the whole deck (step 4).
    CramWeakest,
    /// A troubleshooting round (step 4).
    Troubleshoot,
    /// Take a side in a classic debate (step 5).
    TakeSide,
    /// The platform narrative.
    Narrative,
    /// The coverage matrix: which story answers which question.
    CoverageMatrix,
    /// Rehearse one story, chosen in the list (step 1).
    RehearseStory,
    /// Rehearse stories (step 1).
    RehearseStories,
    /// Set the interview date.
    InterviewDate,
    /// The Markdown cheat sheet.
    CheatSheet,
}

impl Place {
    /// Every place, for the faces' tests: each must have its words.
    pub const ALL: [Place; 15] = [
        Place::NewStory,
        Place::NewDesign,
        Place::NewMetric,
        Place::MetricsQuiz,
        Place::ReviewDueCards,
        Place::CramTopic,
        Place::CramWeakest,
        Place::Troubleshoot,
        Place::TakeSide,
        Place::Narrative,
        Place::CoverageMatrix,
        Place::RehearseStory,
        Place::RehearseStories,
        Place::InterviewDate,
        Place::CheatSheet,
    ];
}

/// One thing to do next, with what the sentence needs to name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// Strengthen the weakest dimension of the strongest story not ready yet.
    StrengthenStory {
        story: String,
        dimension: Dimension,
        score: u8,
        advice: String,
    },
    WriteStory,
    /// Finish a design answer that is started; `advice` is its next check.
    CompleteDesign {
        design: String,
        advice: String,
    },
    /// Write one of the playbook's three design answers (a prompt id).
    WriteCoreDesign {
        prompt: String,
    },
    AddDesign,
    /// Add a metric: "an SLO with a value", "MTTD before and after"...
    AddMetric {
        what: &'static str,
    },
    TakeMetricsQuiz,
    /// Review the deck, and cram the weakest core topic.
    ReviewDeck {
        weakest_topic: String,
    },
    FinishOpinion {
        stance: String,
        advice: String,
    },
    TakeSide,
    ImproveNarrative {
        advice: String,
    },
    WriteNarrative,
    /// A ready story linked to a core question it does not fit yet.
    FitStory {
        story: String,
        question: String,
        needs: &'static str,
    },
    /// A core question no ready story answers.
    LinkStory {
        question: String,
        needs: Option<&'static str>,
    },
    RehearseStory {
        story: String,
    },
    GetStoryReady,
    PlayTroubleshooting,
    // Today's plan.
    LightReviewOnly,
    InterviewToday,
    RehearseTopStories,
    CramWeakestCards,
    ReadCheatSheet,
    InterviewDatePassed {
        date: NaiveDate,
        days_ago: i64,
    },
    RehearseDueStory {
        story: String,
    },
    ScenariosDue {
        count: usize,
    },
    CardsDue {
        count: usize,
        topics: Vec<String>,
    },
    AllMet,
}

/// A dimension as it reads inside a sentence: "your role", "the fix".
pub(super) fn dimension_phrase(d: Dimension) -> &'static str {
    match d {
        Dimension::BlastRadius => "the blast radius",
        Dimension::Role => "your role",
        Dimension::Decision => "the decision",
        Dimension::Fix => "the fix",
        Dimension::SystemicChange => "the systemic change",
        Dimension::Numbers => "the before/after numbers",
    }
}

impl NextStep {
    /// The step as a sentence, each [`Place`] in it said by `how` (which
    /// gives the whole aside, brackets included: "(3, then r)").
    pub fn sentence(&self, how: impl Fn(Place) -> String) -> String {
        match self {
            NextStep::StrengthenStory {
                story,
                dimension,
                score,
                advice,
            } => format!(
                "Strengthen {} in '{story}' ({score}/5): {advice}",
                dimension_phrase(*dimension)
            ),
            NextStep::WriteStory => {
                format!("Write another incident story {}.", how(Place::NewStory))
            }
            NextStep::CompleteDesign { design, advice } => {
                format!("Complete '{design}': {advice}")
            }
            NextStep::WriteCoreDesign { prompt } => format!(
                "Write the {prompt} design answer from a system you ran {}.",
                how(Place::NewDesign)
            ),
            NextStep::AddDesign => {
                format!("Add another design answer {}.", how(Place::NewDesign))
            }
            NextStep::AddMetric { what } => format!("Add {what} {}.", how(Place::NewMetric)),
            NextStep::TakeMetricsQuiz => format!(
                "Take the metrics quiz {} until you score 80% or more.",
                how(Place::MetricsQuiz)
            ),
            NextStep::ReviewDeck { weakest_topic } => format!(
                "Review the deck {}; cram {weakest_topic} {}.",
                how(Place::ReviewDueCards),
                how(Place::CramTopic)
            ),
            NextStep::FinishOpinion { stance, advice } => {
                format!("Finish '{stance}': {advice}")
            }
            NextStep::TakeSide => {
                format!("Take a side in a classic debate {}.", how(Place::TakeSide))
            }
            NextStep::ImproveNarrative { advice } => {
                format!("Narrative {}: {advice}", how(Place::Narrative))
            }
            NextStep::WriteNarrative => {
                format!("Write the platform narrative {}.", how(Place::Narrative))
            }
            NextStep::FitStory {
                story,
                question,
                needs,
            } => format!(
                "Make '{story}' fit '{question}' or link another story to it {}: {needs}",
                how(Place::CoverageMatrix)
            ),
            NextStep::LinkStory { question, needs } => format!(
                "Link a ready story to '{question}' in the coverage matrix {}, or write one for it{}.",
                how(Place::CoverageMatrix),
                needs.map(|n| format!(": it needs {n}")).unwrap_or_default()
            ),
            NextStep::RehearseStory { story } => {
                format!("Rehearse '{story}' {}.", how(Place::RehearseStory))
            }
            NextStep::GetStoryReady => "Get a story interview-ready first.".into(),
            NextStep::PlayTroubleshooting => format!(
                "Play a troubleshooting round {}: hypothesis first, mitigate, then prove the cause.",
                how(Place::Troubleshoot)
            ),
            NextStep::LightReviewOnly => "Light review only, nothing new.".into(),
            NextStep::InterviewToday => {
                "Interview today: sleep, water, and trust what you prepared.".into()
            }
            NextStep::RehearseTopStories => format!(
                "Rehearse your top stories out loud once each {}.",
                how(Place::RehearseStories)
            ),
            NextStep::CramWeakestCards => {
                format!("Cram your weakest cards {}.", how(Place::CramWeakest))
            }
            NextStep::ReadCheatSheet => {
                format!("Read the cheat sheet {}.", how(Place::CheatSheet))
            }
            NextStep::InterviewDatePassed { date, days_ago } => format!(
                "Your interview date {date} has passed ({} ago): set the date of your next interview {}, or clear it.",
                if *days_ago == 1 {
                    "1 day".to_string()
                } else {
                    format!("{days_ago} days")
                },
                how(Place::InterviewDate)
            ),
            NextStep::RehearseDueStory { story } => format!("Rehearse '{story}' (due)."),
            NextStep::ScenariosDue { count } => format!(
                "{count} troubleshooting scenario{} due again {}.",
                if *count == 1 { "" } else { "s" },
                how(Place::Troubleshoot)
            ),
            NextStep::CardsDue { count, topics } => format!(
                "{count} trivia cards due, most in {} {}.",
                topics.join(" and "),
                how(Place::ReviewDueCards)
            ),
            NextStep::AllMet => {
                "Everything is met: keep rehearsing and reviewing what comes due.".into()
            }
        }
    }
}
