//! Design answers: each section present and substantive, specific
//! (components, numbers, a capacity estimate), saying something of its own
//! (a section that repeats another counts as empty), and the whole grounded
//! in a system the user built or ran — "from real systems, not textbooks".

use std::collections::BTreeSet;

use super::design_arithmetic::{self, Verdict, Worked};
use super::{Check, Evaluation, Note, NoteKind};
use crate::content::design_prompts::scenario;
use crate::kit::{Design, DesignField};
use crate::score::facts::{Facts, facts};
use crate::score::text::{TokenKind, is_function_word, tokenize};

/// The sections of a design answer (key, label), in the order it is told:
/// the fields of [`DesignField::ALL`] that are sections. A new section
/// field that is not counted here fails to compile.
pub const SECTIONS: [(&str, &str); 7] = {
    let mut sections = [("", ""); 7];
    let (mut i, mut n) = (0, 0);
    while i < DesignField::ALL.len() {
        let field = DesignField::ALL[i];
        if field.is_section() {
            sections[n] = (field.key(), field.label());
            n += 1;
        }
        i += 1;
    }
    assert!(n == sections.len(), "every design section is in SECTIONS");
    sections
};

/// A section's text by its key; empty for a key that is no field.
pub fn section_text<'d>(design: &'d Design, section: &str) -> &'d str {
    section
        .parse::<DesignField>()
        .map_or("", |field| design.text(field))
}

/// Substantive: enough words to say something.
const SUBSTANTIVE_WORDS: usize = 15;

/// Whether a section is specific, and what to add when it is not.
/// `sums_agree`: the section holds sums of the user's that all check out
/// with their units, which is a capacity estimate even when written as bare
/// arithmetic (a line the scorer's keyword-salad guard does not count).
fn specific(section: &str, text: &str, f: &Facts, sums_agree: bool) -> (bool, &'static str) {
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
            f.has_measure() || sums_agree,
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
    let (worked, notes) = arithmetic(design);
    let mut checks = Vec::new();
    let mut first_hand_anywhere = false;
    let mut grounded = false;
    let mut earlier: Vec<(&'static str, BTreeSet<String>)> = Vec::new();
    for (section, label) in SECTIONS {
        let text = section_text(design, section);
        let words = content_words(text);
        if let Some((other, share)) = repeats(&words, &earlier) {
            // Pasting one text into every section is not seven sections.
            let (_, tip) = specific(section, "", &Facts::default(), false);
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
        let sums: Vec<&Worked> = worked
            .iter()
            .filter(|w| w.section == section && w.what == "Your sum")
            .collect();
        let sums_agree = !sums.is_empty() && sums.iter().all(|w| w.agrees());
        let (is_specific, tip) = specific(section, text, &f, sums_agree);
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
    evaluation.notes = notes;
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

/// The arithmetic the answer states, checked, and for a prompt with numbers
/// what the bill of materials still lacks.
pub fn arithmetic(design: &Design) -> (Vec<Worked>, Vec<Note>) {
    let sections: Vec<(&'static str, &str)> = SECTIONS
        .iter()
        .map(|&(section, _)| (section, section_text(design, section)))
        .collect();
    let given = scenario(design.prompt.trim());
    let worked = design_arithmetic::check(&sections, given);
    let mut notes: Vec<Note> = worked
        .iter()
        .map(|w| Note {
            kind: match w.verdict {
                Verdict::Agrees | Verdict::Rounded { .. } => NoteKind::Agrees,
                Verdict::Off { .. } => NoteKind::Off,
                Verdict::NotYet => NoteKind::ToDo,
            },
            what: w.what.clone(),
            text: w.line(),
        })
        .collect();
    if given.is_some() {
        let missing = design_arithmetic::bill_of_materials(&sections);
        if !missing.is_empty() {
            notes.push(Note {
                kind: NoteKind::ToDo,
                what: "Bill of materials".into(),
                text: format!(
                    "Bill of materials: count the {}, each with the sum that gives it.",
                    join_and(&missing)
                ),
            });
        }
    }
    (worked, notes)
}

fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
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

    #[test]
    fn the_evaluation_shows_the_arithmetic_beside_the_answer() {
        let mut d = good();
        d.scaling = "Each build pulls 2 GB of cache: 1,800 builds a day × 2 GB = 3.6 TB a day from the cache, about 42 MB/s on average.".into();
        let e = evaluate(&d);
        assert_eq!(
            e.notes,
            vec![Note {
                kind: NoteKind::Agrees,
                what: "Your sum".into(),
                text:
                    "Your sum: 1,800 builds a day × 2 GB = 3.6 TB a day — your 3.6 TB a day agrees."
                        .into()
            }]
        );
        d.scaling = d.scaling.replace("3.6 TB", "36 TB");
        let e = evaluate(&d);
        assert_eq!(e.notes[0].kind, NoteKind::Off);
        assert!(
            e.notes[0]
                .text
                .contains("= 3.6 TB a day, not 36 TB a day (10x less)"),
            "{:?}",
            e.notes
        );
        // Notes are worth no points: the score is the checks'.
        assert_eq!(e.score, evaluate(&good()).score);
    }

    #[test]
    fn a_nalsd_answer_is_told_what_is_left_to_work_out() {
        let mut d = good();
        d.prompt = "nalsd".into();
        let e = evaluate(&d);
        let text: Vec<&str> = e.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(
            text,
            [
                "Read bandwidth: not estimated yet — photos per second × bytes each.",
                "Write bandwidth: not estimated yet — photos per second × bytes each.",
                "Storage: not estimated yet — bytes written a day × days kept (× copies).",
                "Bill of materials: count the machines, disks and network links, each with the sum that gives it.",
            ]
        );
        d.scaling = "Peak egress: 50,000 photos/s × 200 KB = 10 GB/s = 80 Gbit/s, on 4 x 25 Gbit/s NICs per region. \
            Uploads: 20 million × 2 MB = 40 TB a day. Storage: 40 TB/day × 365 days = 14.6 PB; × 3 copies = 43.8 PB, \
            so 43.8 PB / 16 TB per disk = 2,738 disks in 2,738 / 24 = 114 machines."
            .into();
        let e = evaluate(&d);
        assert!(!e.notes.is_empty());
        assert!(
            e.notes.iter().all(|n| n.kind == NoteKind::Agrees),
            "{:#?}",
            e.notes
        );
    }

    #[test]
    fn a_scaling_section_of_bare_sums_that_check_out_is_specific() {
        let mut d = good();
        d.scaling = "Reads: 50,000 req/s x 200 KB = 10 GB/s = 80 Gbit/s. Storage: 40 TB/day x 365 days = 14.6 PB.".into();
        let check = |e: &Evaluation| {
            e.checks
                .iter()
                .find(|c| c.id == "scaling")
                .cloned()
                .unwrap()
        };
        assert!(check(&evaluate(&d)).met(), "{:?}", check(&evaluate(&d)));
        // The same sums, wrong: the section is not credited for them.
        d.scaling = d
            .scaling
            .replace("= 14.6 PB", "= 1.46 PB")
            .replace("= 10 GB/s = 80", "= 1 GB/s = 8");
        assert!(!check(&evaluate(&d)).met(), "{:?}", check(&evaluate(&d)));
    }
}
