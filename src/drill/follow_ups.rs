//! Drill-down follow-ups after a rehearsal: aimed at the story's weakest
//! dimensions, plus the probe that belongs to the question.

use crate::content::questions::question;
use crate::score::{Dimension, StoryScore};

/// What an interviewer asks when a dimension is thin.
pub fn for_dimension(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::BlastRadius => {
            "How many users were affected, for how long — and how do you know?"
        }
        Dimension::Role => "What exactly did you do yourself, as opposed to the team?",
        Dimension::Decision => {
            "What would you have done if that decision had turned out wrong — if the rollback had failed?"
        }
        Dimension::Fix => "How exactly did you find the root cause?",
        Dimension::SystemicChange => {
            "What did you change so it cannot happen again, and did it ship?"
        }
        Dimension::Numbers => "How did you know it was fixed — which metric, before and after?",
    }
}

/// Two or three follow-ups: the weakest dimensions first (three when the
/// story is under 60), then the question's own probe.
pub fn choose(score: &StoryScore, question_id: &str) -> Vec<String> {
    let mut dims: Vec<(u8, usize, Dimension)> = Dimension::ALL
        .iter()
        .enumerate()
        .map(|(i, &d)| (score.dimensions.get(d).score, i, d))
        .collect();
    dims.sort();
    let weak = if score.total < 60 { 3 } else { 2 };
    let mut out: Vec<String> = dims
        .iter()
        .take(weak)
        .map(|&(_, _, d)| for_dimension(d).to_string())
        .collect();
    if let Some(q) = question(question_id)
        && out.len() < 3
    {
        out.push(q.probe.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kit::Story;
    use crate::score::score_story;

    #[test]
    fn a_story_without_numbers_gets_a_numbers_follow_up() {
        let story = Story {
            blast_radius: "Checkout failed for EU customers during the sale.".into(),
            role: "I was the incident commander. I ran the bridge and I made the rollback call.".into(),
            decision: "I decided to roll back instead of fixing forward, because the diff was large.".into(),
            fix: "I rolled back the release with kubectl rollout undo after I found the pool exhaustion in the PostgreSQL logs.".into(),
            systemic_change: "I added a CI check on pool size and an alert on connection saturation.".into(),
            ..Story::default()
        };
        let score = score_story(&story);
        assert_eq!(score.dimensions.numbers.score, 0);
        let follow_ups = choose(&score, "critical-incident");
        assert!(
            follow_ups.iter().any(|f| f.contains("which metric")),
            "{follow_ups:?}"
        );
        assert!(follow_ups.len() >= 2 && follow_ups.len() <= 3);
    }

    #[test]
    fn the_question_probe_joins_when_there_is_room() {
        let story = crate::content::examples::example_stories().remove(0);
        let follow_ups = choose(&score_story(&story), "outage-you-caused");
        assert_eq!(follow_ups.len(), 3);
        assert!(follow_ups[2].contains("differently"), "{follow_ups:?}");
    }
}
