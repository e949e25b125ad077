//! Drill-down follow-ups after a rehearsal: aimed at the story's weakest
//! dimensions, plus the probe that belongs to the question — and each
//! answer judged on the dimension its question aims at ("how did you find
//! the root cause?" on the fix, "which metric?" on the numbers), with
//! hedges, "it depends" and vague amounts called out.

use crate::content::questions::question;
use crate::score::{Dimension, StoryScore, WarningKind, score_text};

/// A drill-down question and the dimension of the story it probes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub question: String,
    pub aims: Dimension,
}

/// The dimension a question's own probe aims at ("What did you rule out
/// first?" is about how the cause was found: the fix).
pub fn probe_aims(question_id: &str) -> Dimension {
    match question_id {
        "critical-incident"
        | "improved-reliability"
        | "key-people-unavailable"
        | "championed-change"
        | "security-incident" => Dimension::Role,
        "outage-prevented" | "root-cause-unknown" | "hardest-debugging" | "automation" => {
            Dimension::Fix
        }
        "outage-you-caused" | "learned-from-failure" | "postmortem-led" | "dependency-failure" => {
            Dimension::SystemicChange
        }
        "reduced-toil" | "capacity-crisis" | "on-call-improved" => Dimension::Numbers,
        _ => Dimension::Decision,
    }
}

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
pub fn choose(score: &StoryScore, question_id: &str) -> Vec<FollowUp> {
    let mut dims: Vec<(u8, usize, Dimension)> = Dimension::ALL
        .iter()
        .enumerate()
        .map(|(i, &d)| (score.dimensions.get(d).score, i, d))
        .collect();
    dims.sort();
    let weak = if score.total < 60 { 3 } else { 2 };
    let mut out: Vec<FollowUp> = dims
        .iter()
        .take(weak)
        .map(|&(_, _, d)| FollowUp {
            question: for_dimension(d).to_string(),
            aims: d,
        })
        .collect();
    if let Some(q) = question(question_id)
        && out.len() < 3
    {
        out.push(FollowUp {
            question: q.probe.to_string(),
            aims: probe_aims(q.id),
        });
    }
    out
}

/// A follow-up answer, judged on the dimension its question aims at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    pub aims: Dimension,
    /// 0 to 5, as the story scorer gives the dimension.
    pub score: u8,
    /// The words that earned the points.
    pub evidence: Vec<String>,
    /// What would have made it a full answer.
    pub advice: Option<String>,
    /// Hedges ("it depends" first of all) and vague amounts, each a line.
    pub flags: Vec<String>,
}

/// Judges a typed follow-up answer on `aims`, with the story scorer (the
/// same rules as a story's dimension; hedges are invisible to them and
/// only ever called out).
pub fn judge(answer: &str, aims: Dimension) -> Judged {
    if answer.trim().is_empty() {
        return Judged {
            aims,
            score: 0,
            evidence: Vec::new(),
            advice: Some("No answer: an interviewer takes silence as \"I don't know\".".into()),
            flags: Vec::new(),
        };
    }
    let score = score_text(answer);
    let dimension = score.dimensions.get(aims);
    let mut flags = Vec::new();
    for w in &score.warnings {
        let said = w.text.trim();
        match w.kind {
            WarningKind::Hedge if said.eq_ignore_ascii_case("it depends") => flags.insert(
                0,
                "\"it depends\": say on what, then commit to what you would do.".to_string(),
            ),
            WarningKind::Hedge => flags.push(format!("hedge \"{said}\": say it without it.")),
            WarningKind::Vague => flags.push(format!("vague \"{said}\": give the number.")),
            WarningKind::We | WarningKind::Passive => {}
        }
    }
    Judged {
        aims,
        score: dimension.score,
        evidence: dimension.evidence.iter().map(|e| e.text.clone()).collect(),
        advice: dimension.advice.first().cloned(),
        flags,
    }
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
            follow_ups
                .iter()
                .any(|f| f.question.contains("which metric") && f.aims == Dimension::Numbers),
            "{follow_ups:?}"
        );
        assert!(follow_ups.len() >= 2 && follow_ups.len() <= 3);
    }

    #[test]
    fn the_question_probe_joins_when_there_is_room() {
        let story = crate::content::examples::example_stories().remove(0);
        let follow_ups = choose(&score_story(&story), "outage-you-caused");
        assert_eq!(follow_ups.len(), 3);
        assert!(
            follow_ups[2].question.contains("differently"),
            "{follow_ups:?}"
        );
        assert_eq!(follow_ups[2].aims, Dimension::SystemicChange);
    }

    #[test]
    fn a_follow_up_answer_is_judged_on_what_it_was_asked() {
        let hedged = judge(
            "It depends, but basically I would do the same thing again.",
            probe_aims("root-cause-unknown"),
        );
        assert_eq!(hedged.aims, Dimension::Fix);
        assert_eq!(hedged.score, 0);
        assert_eq!(
            hedged.flags,
            [
                "\"it depends\": say on what, then commit to what you would do.",
                "hedge \"basically\": say it without it."
            ]
        );
        assert!(hedged.advice.is_some());
        let found = judge(
            "I ruled out the network first: packet loss in the mesh dashboard was flat. Then I found the pool exhaustion in the PostgreSQL logs, FATAL: sorry, too many clients already, because the autoscaler had grown the deployment to 64 pods. I capped the deployment at 36 pods.",
            Dimension::Fix,
        );
        assert!(found.score >= 3, "{found:?}");
        assert!(
            found.flags.iter().all(|f| f.starts_with("vague")),
            "no hedge: {found:?}"
        );
        assert!(!found.evidence.is_empty());
        // The same answer says nothing about the numbers.
        assert!(judge("I ruled out the network first.", Dimension::Numbers).score <= 1);
    }
}
