//! Design answers: each section present and substantive, specific
//! (components, numbers, a capacity estimate), saying something of its own
//! (a section that repeats another counts as empty), and the whole grounded
//! in a system the user built or ran — "from real systems, not textbooks".

use std::collections::BTreeSet;

use super::{Check, Evaluation};
use crate::kit::Design;
use crate::score::facts::{Facts, facts};
use crate::score::text::{TokenKind, is_function_word, tokenize};

/// The sections of a design answer, in the order it is told.
pub const SECTIONS: [(&str, &str); 7] = [
    ("real_system", "Real system"),
    ("requirements", "Requirements & questions"),
    ("architecture", "Architecture"),
    ("scaling", "Scaling & capacity"),
    ("failure_modes", "Failure modes"),
    ("observability", "Observability & SLOs"),
    ("tradeoffs", "Trade-offs"),
];

pub fn section_text<'d>(design: &'d Design, section: &str) -> &'d str {
    match section {
        "real_system" => &design.real_system,
        "requirements" => &design.requirements,
        "architecture" => &design.architecture,
        "scaling" => &design.scaling,
        "failure_modes" => &design.failure_modes,
        "observability" => &design.observability,
        _ => &design.tradeoffs,
    }
}

/// Substantive: enough words to say something.
const SUBSTANTIVE_WORDS: usize = 15;

/// Whether a section is specific, and what to add when it is not.
fn specific(section: &str, text: &str, f: &Facts) -> (bool, &'static str) {
    match section {
        "real_system" => (
            f.first_hand && (!f.tech.is_empty() || f.has_number()),
            "Say where you built or ran it, first-hand: \"the deploy platform I ran for 120 engineers at ...\".",
        ),
        "requirements" => (
            f.has_number() || text.contains('?'),
            "Pin the requirements with numbers or the questions you would ask: \"how many deploys a day?\", \"300 deploys/day, rollback in 5 min\".",
        ),
        "architecture" => (
            f.tech.len() >= 3,
            "Name the components and how they connect: the services, stores, queues, load balancers.",
        ),
        "scaling" => (
            f.has_measure(),
            "Give a capacity estimate with numbers: requests per second, storage per day, nodes, headroom.",
        ),
        "failure_modes" => (
            f.tech.len() >= 2 || f.has_number(),
            "Name what fails and what happens then: a zone, the database primary, a bad deploy, a dependency.",
        ),
        "observability" => (
            f.mechanisms.contains("detection") && f.has_number(),
            "Give the SLO with its target and window, and the alert on it: \"99.9% of deploys under 20 min over 28 days\".",
        ),
        _ => (
            f.alternative || f.reason,
            "Say what you chose over what, and why: \"spot agents rather than reserved, because ...\".",
        ),
    }
}

/// A section whose content words are mostly (this share or more) the words
/// of an earlier section repeats it, and counts as empty.
const REPEAT_SHARE: usize = 60;

/// The content words of a text (numbers included, the little words of
/// English left out), lowercased: what two sections are compared on.
fn content_words(text: &str) -> BTreeSet<String> {
    let (tokens, _) = tokenize(text);
    tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number || (t.is_word() && !is_function_word(&t.lower)))
        .map(|t| t.lower.to_string())
        .collect()
}

/// The earlier section `words` repeats, if any, and how much of it (percent).
fn repeats<'a>(
    words: &BTreeSet<String>,
    earlier: &'a [(&'static str, BTreeSet<String>)],
) -> Option<(&'a str, usize)> {
    if words.is_empty() {
        return None;
    }
    earlier
        .iter()
        .filter(|(_, other)| !other.is_empty())
        .map(|(label, other)| {
            (
                *label,
                words.intersection(other).count() * 100 / words.len(),
            )
        })
        .filter(|(_, share)| *share >= REPEAT_SHARE)
        .min_by_key(|(_, share)| std::cmp::Reverse(*share))
}

pub fn evaluate(design: &Design) -> Evaluation {
    let mut checks = Vec::new();
    let mut first_hand_anywhere = false;
    let mut grounded = false;
    let mut earlier: Vec<(&'static str, BTreeSet<String>)> = Vec::new();
    for (section, label) in SECTIONS {
        let text = section_text(design, section);
        let words = content_words(text);
        if let Some((other, share)) = repeats(&words, &earlier) {
            // Pasting one text into every section is not seven sections.
            let (_, tip) = specific(section, "", &Facts::default());
            checks.push(Check {
                id: section,
                label,
                points: 0,
                of: 2,
                detail: format!(
                    "Repeats the {other} section ({share}% the same words), so it counts as empty: say what belongs in {label}. {tip}"
                ),
            });
            earlier.push((label, words));
            continue;
        }
        earlier.push((label, words));
        let f = facts(text);
        first_hand_anywhere |= f.first_hand;
        let substantive =
            f.words >= SUBSTANTIVE_WORDS || (section == "real_system" && f.words >= 6);
        let (is_specific, tip) = specific(section, text, &f);
        if section == "real_system" {
            grounded = substantive && is_specific;
        }
        let points = u8::from(substantive) + u8::from(is_specific);
        let detail = if text.trim().is_empty() {
            format!("Empty. {tip}")
        } else if !substantive {
            format!("Only {} words: say more. {tip}", f.words)
        } else if !is_specific {
            tip.to_string()
        } else {
            format!("{} words, specific", f.words)
        };
        checks.push(Check {
            id: section,
            label,
            points,
            of: 2,
            detail,
        });
    }
    let mut evaluation = Evaluation::from_checks(checks);
    if !grounded {
        // A textbook answer, however complete, is capped.
        evaluation.score = evaluation.score.min(40);
        evaluation.flags.push(if first_hand_anywhere {
            "Ground it: fill in the real system you built or ran — interviewers want answers from real systems, not textbooks.".into()
        } else {
            "This reads like a textbook: no system you built or ran. Start from the real one (\"At ... I ran ...\").".into()
        });
    }
    evaluation
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> Design {
        Design {
            prompt: "ci-cd".into(),
            title: "Monorepo CI/CD".into(),
            real_system: "The build and deploy platform I ran for 120 engineers at a payments company, on Buildkite and Argo CD.".into(),
            requirements: "About 300 deploys a day across 40 services, under 15 minutes from merge to production, and a rollback in one command. I would ask: how many teams, and is there a change freeze?".into(),
            architecture: "A monorepo with Bazel and a remote cache, Buildkite agents on spot instances, images pushed to a registry, and Argo Rollouts doing canaries on Kubernetes.".into(),
            scaling: "Peak 1,800 builds a day on 60 agents; the cache hit rate of 85% keeps the p50 build at 6 minutes and each agent handles about 30 builds a day.".into(),
            failure_modes: "A poisoned cache entry, a stuck canary, the registry down, a region outage: each has a runbook and the canary rolls back automatically on error rate.".into(),
            observability: "The SLO is 99% of deploys finishing in under 20 minutes over 28 days, with a burn-rate alert, and dashboards for queue time per agent pool.".into(),
            tradeoffs: "I chose spot agents rather than reserved ones because they cost 60% less, at the price of retrying about 2% of builds.".into(),
            ..Design::default()
        }
    }

    #[test]
    fn a_first_hand_specific_answer_scores_high() {
        let e = evaluate(&good());
        assert!(e.score >= 90, "{e:#?}");
        assert!(e.flags.is_empty());
    }

    #[test]
    fn each_weak_section_costs_its_points() {
        let full = evaluate(&good()).score;
        for (section, _) in SECTIONS {
            let mut weak = good();
            match section {
                "real_system" => weak.real_system = "Something I know.".into(),
                "requirements" => weak.requirements = "It should be fast and reliable and easy for teams to use every single day.".into(),
                "architecture" => weak.architecture = "A few stages that take the code, check it and then hand it on to wherever it runs next.".into(),
                "scaling" => weak.scaling = "It scales horizontally by adding more agents when the queue gets longer than usual.".into(),
                "failure_modes" => weak.failure_modes = "".into(),
                "observability" => weak.observability = "We watch it closely and look at it when people complain that things are slow.".into(),
                _ => weak.tradeoffs = "It is a good design overall and it works well for most of the teams.".into(),
            }
            let e = evaluate(&weak);
            let check = e.checks.iter().find(|c| c.id == section).unwrap();
            assert!(!check.met(), "{section}: {check:?}");
            assert!(e.score < full, "{section}: {} !< {full}", e.score);
        }
    }

    #[test]
    fn no_section_of_a_good_answer_reads_as_a_repeat() {
        let e = evaluate(&good());
        for c in &e.checks {
            assert!(!c.detail.contains("Repeats"), "{}: {}", c.id, c.detail);
        }
    }

    #[test]
    fn one_text_pasted_into_every_section_counts_once() {
        let text = good().real_system;
        let pasted = Design {
            prompt: "ci-cd".into(),
            title: "Pasted".into(),
            real_system: text.clone(),
            requirements: text.clone(),
            architecture: text.clone(),
            scaling: text.clone(),
            failure_modes: format!("{text} Really."),
            observability: text.replace("I ran", "that I ran"),
            tradeoffs: text,
            ..Design::default()
        };
        let e = evaluate(&pasted);
        let with_points: Vec<&str> = e
            .checks
            .iter()
            .filter(|c| c.points > 0)
            .map(|c| c.id)
            .collect();
        assert_eq!(with_points, ["real_system"], "{e:#?}");
        let arch = e.checks.iter().find(|c| c.id == "architecture").unwrap();
        assert!(
            arch.detail
                .starts_with("Repeats the Real system section (100% the same words)"),
            "{}",
            arch.detail
        );
        assert!(e.score < 20, "{}", e.score);
    }

    #[test]
    fn a_textbook_answer_is_capped_and_called_out() {
        let mut textbook = good();
        textbook.real_system = String::new();
        for text in [
            &mut textbook.architecture,
            &mut textbook.tradeoffs,
            &mut textbook.failure_modes,
        ] {
            *text = text.replace("I chose", "One chooses");
        }
        let e = evaluate(&textbook);
        assert!(e.score <= 40, "{}", e.score);
        assert!(!e.flags.is_empty());
    }
}
