//! Systemic change: what changed for good beyond this incident — detection,
//! prevention, mitigation, process. Each kind counts once, and only when the
//! sentence says it was changed ("I added", "now", "we adopted").

use super::analysis::Analysis;
use super::lexicon::Tag;
use super::{DimensionScore, Rule};

pub fn score(a: &Analysis) -> DimensionScore {
    let mut d = DimensionScore::default();
    let kinds = [
        (
            Tag::Detection,
            Rule::Detection,
            "detection",
            "Add how you now detect it earlier: an alert on the symptom, an SLO, a probe.",
        ),
        (
            Tag::Prevention,
            Rule::Prevention,
            "prevention",
            "Add what now prevents a repeat: a CI check, a guardrail, a canary, automation.",
        ),
        (
            Tag::Mitigation,
            Rule::Mitigation,
            "mitigation",
            "Add what now limits the damage: a runbook, load shedding, a kill switch, automatic rollback.",
        ),
        (
            Tag::Process,
            Rule::Process,
            "process",
            "Add what changed in how the team works: postmortem action items that shipped, an error budget policy, a game day.",
        ),
    ];
    let mut found = 0;
    let mut tips = Vec::new();
    for (tag, rule, kind, tip) in kinds {
        let evidence = a.first(|f, s| {
            f.find(s, Tag::ChangeVerb)?;
            let hit = f.find(s, tag)?;
            Some(f.evidence(
                hit.first,
                hit.last,
                rule,
                format!("{kind} that changed for good ({})", f.phrase(hit)),
            ))
        });
        match evidence {
            Some(e) => {
                found += 1;
                d.evidence.push(e);
            }
            None => tips.push(tip),
        }
    }
    d.score = match found {
        0 => 0,
        n => (n + 1) as u8,
    };
    if found == 0 {
        d.missing("Say what you changed for good so it cannot happen again, with a verb: \"I added a CI check that ...\", \"paging now ...\".");
    }
    for tip in tips {
        d.missing(tip);
    }
    d
}
