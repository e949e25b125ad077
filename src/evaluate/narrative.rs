//! The platform narrative: how the user's platform work improved developer
//! velocity and reliability — in the first person, with numbers before and
//! after for both.

use super::{Check, Evaluation, check};
use crate::kit::Narrative;
use crate::score::facts::{facts, figure_about};

const VELOCITY: &[&str] = &[
    "deploy",
    "deploys",
    "deployments",
    "deployment frequency",
    "lead time",
    "build",
    "builds",
    "build time",
    "ci",
    "pipeline",
    "releases",
    "release",
    "merge",
    "merges",
    "cycle time",
    "onboarding",
    "provisioning",
    "time to production",
    "developers",
    "engineers",
];
const RELIABILITY: &[&str] = &[
    "incident",
    "incidents",
    "mttr",
    "mttd",
    "change failure rate",
    "failure rate",
    "outage",
    "outages",
    "pages",
    "availability",
    "slo",
    "error rate",
    "errors",
    "rollbacks",
    "rollback",
    "downtime",
    "sev1",
    "sev1s",
    "uptime",
];

pub fn evaluate(narrative: &Narrative) -> Evaluation {
    let f = facts(&narrative.text);
    let velocity = figure_about(&narrative.text, VELOCITY);
    let reliability = figure_about(&narrative.text, RELIABILITY);
    let pairs = f.pairs.len();
    let checks: Vec<Check> = vec![
        check("role", "Your role, in the first person", 25, f.first_person, "first person".into(),
            "Say what you built or changed, with \"I\": \"I moved 40 services onto ...\"."),
        check("velocity", "Developer velocity, with a number", 25, velocity.is_some(), velocity.unwrap_or_default(),
            "Give a velocity number: deploys a day, lead time, build time, time to onboard."),
        check("reliability", "Reliability, with a number", 25, reliability.is_some(), reliability.unwrap_or_default(),
            "Give a reliability number: incidents a quarter, MTTR, change-failure rate, availability."),
        Check {
            id: "before_after",
            label: "Before and after",
            points: match pairs { 0 => 0, 1 => 12, _ => 25 },
            of: 25,
            detail: match pairs {
                0 => "Say each number as a before and after: \"lead time went from 3 days to 2 hours\".".into(),
                1 => format!("{} — add a second before/after", f.pairs[0]),
                _ => f.pairs.join("; "),
            },
        },
    ];
    Evaluation::from_checks(checks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numbered_first_person_narrative_scores_high_and_a_vague_one_low() {
        let good = Narrative {
            text: "I led the move of 40 services onto our Kubernetes platform. Deploys went from 2 a week to 30 a day, \
                   and lead time from 3 days to 2 hours. Incidents caused by changes fell from 9 a quarter to 2, \
                   and MTTR went from 50 minutes to 15 minutes."
                .into(),
        };
        let e = evaluate(&good);
        assert!(e.score >= 90, "{e:#?}");
        let vague = Narrative {
            text:
                "We built a platform that made things a lot faster and more reliable for everyone."
                    .into(),
        };
        let v = evaluate(&vague);
        assert!(v.score < 30, "{v:#?}");
        let no_reliability = Narrative {
            text: "I led the move of 40 services onto our platform. Deploys went from 2 a week to 30 a day.".into(),
        };
        assert!(!evaluate(&no_reliability).checks[2].met());
    }
}
