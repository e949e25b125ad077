//! Opinions with spine: a committed stance, the alternative it beats, the
//! reason, something lived through, and the honest limits — "it depends"
//! only after the stance, never instead of it.

use super::{Check, Evaluation, check};
use crate::kit::Opinion;
use crate::score::facts::facts;

/// "I believe in SLO-based alerting over threshold alerts because ...".
pub fn sentence(opinion: &Opinion) -> String {
    let mut s = format!("I believe in {}", opinion.stance.trim());
    if !opinion.over.trim().is_empty() {
        s.push_str(&format!(" over {}", opinion.over.trim()));
    }
    if !opinion.because.trim().is_empty() {
        s.push_str(&format!(
            " because {}",
            opinion.because.trim().trim_end_matches('.')
        ));
    }
    s.push('.');
    s
}

pub fn evaluate(opinion: &Opinion) -> Evaluation {
    let stance = facts(&opinion.stance);
    let because = facts(&opinion.because);
    let evidence = facts(&opinion.evidence);
    let limits = facts(&opinion.limits);

    let committed = stance.words >= 2 && stance.hedges.is_empty();
    let mut checks: Vec<Check> = vec![
        check(
            "stance",
            "A committed stance",
            25,
            committed,
            opinion.stance.trim().to_string(),
            if opinion.stance.trim().is_empty() {
                "Take a side: what do you believe in? (\"SLO-based alerting\")"
            } else {
                "Commit to the stance without hedging: drop \"maybe\", \"kind of\", \"it depends\"."
            },
        ),
        check(
            "over",
            "The alternative it beats",
            15,
            !opinion.over.trim().is_empty(),
            format!("over {}", opinion.over.trim()),
            "Name what you would not do: \"over threshold alerts on CPU\".",
        ),
        check(
            "because",
            "The reason",
            20,
            because.words >= 5,
            "a reason".into(),
            "Say why in a sentence: the mechanism, not a slogan.",
        ),
    ];
    let evidence_points = if evidence.first_hand && evidence.words >= 8 {
        if evidence.has_number() { 25 } else { 15 }
    } else {
        0
    };
    checks.push(Check {
        id: "evidence",
        label: "Something you lived through",
        points: evidence_points,
        of: 25,
        detail: match evidence_points {
            25 => "first-hand, with a number".into(),
            15 => "Add the number from what you lived through: \"false pages fell from 67% to 8%\".".into(),
            _ => "Back it with something you lived through, first-hand: \"when I moved the payments team to ...\".".into(),
        },
    });
    checks.push(check(
        "limits",
        "Where it stops holding",
        15,
        limits.words >= 5,
        "honest limits".into(),
        "Say where it stops holding — the honest \"it depends, and here is when\".",
    ));
    let mut evaluation = Evaluation::from_checks(checks);
    let depends = [&stance, &because, &evidence, &limits]
        .iter()
        .flat_map(|f| &f.hedges)
        .chain(&facts(&opinion.over).hedges)
        .any(|h| h.to_lowercase().contains("depends"));
    if depends && !committed {
        evaluation.flags.push(
            "\"It depends\" with no stance loses the room: commit first, then say when it stops holding.".into(),
        );
    }
    evaluation
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> Opinion {
        Opinion {
            id: "slo-alerting".into(),
            stance: "SLO-based alerting".into(),
            over: "threshold alerts on CPU and memory".into(),
            because: "a page should mean a customer is hurt, not that a machine is busy".into(),
            evidence: "When I moved the payments team to burn-rate alerts, false pages fell from 67% to 8%.".into(),
            limits: "For batch jobs with no users waiting, a simple freshness threshold works better.".into(),
        }
    }

    #[test]
    fn a_full_opinion_scores_100_and_reads_as_one_sentence() {
        let e = evaluate(&good());
        assert_eq!(e.score, 100, "{e:#?}");
        assert_eq!(
            sentence(&good()),
            "I believe in SLO-based alerting over threshold alerts on CPU and memory because a page should mean a customer is hurt, not that a machine is busy."
        );
    }

    #[test]
    fn each_missing_part_costs_points() {
        let full = evaluate(&good()).score;
        let weakened = [
            Opinion {
                stance: "maybe SLOs, kind of".into(),
                ..good()
            },
            Opinion {
                over: String::new(),
                ..good()
            },
            Opinion {
                because: "it is better".into(),
                ..good()
            },
            Opinion {
                evidence: "Google does it.".into(),
                ..good()
            },
            Opinion {
                evidence:
                    "When I moved the payments team to burn-rate alerts, false pages fell a lot."
                        .into(),
                ..good()
            },
            Opinion {
                limits: String::new(),
                ..good()
            },
        ];
        for o in weakened {
            assert!(evaluate(&o).score < full, "{o:?}");
        }
    }

    #[test]
    fn it_depends_without_a_stance_is_called_out() {
        let o = Opinion {
            stance: String::new(),
            limits: "It depends on the team and the system.".into(),
            ..Opinion::default()
        };
        let e = evaluate(&o);
        assert!(e.flags.iter().any(|f| f.contains("It depends")), "{e:?}");
        assert!(e.score < 20);
    }
}
