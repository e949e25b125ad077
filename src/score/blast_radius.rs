//! Blast radius: who and what was hurt, how many, for how long, at what cost,
//! and how far it reached.

use super::analysis::{Analysis, Field};
use super::lexicon::Tag;
use super::quantity::Dim;
use super::text::Sentence;
use super::{DimensionScore, Rule};

fn is_impact_sentence(f: &Field, s: &Sentence) -> bool {
    f.has(s, Tag::Failure)
}

pub fn score(a: &Analysis) -> DimensionScore {
    let mut d = DimensionScore::default();

    let who = a.first(|f, s| {
        let failure = f.find(s, Tag::Failure)?;
        let affected = f.find(s, Tag::Affected)?;
        // One span when the two are close ("18,000 customers saw a failed checkout"),
        // else the people alone.
        let (first, last) = if failure.first.abs_diff(affected.first) <= 6 {
            (
                failure.first.min(affected.first),
                failure.last.max(affected.last),
            )
        } else {
            (affected.first, affected.last)
        };
        Some(f.evidence(
            first,
            last,
            Rule::WhoWasHurt,
            format!(
                "names who was hurt ({}) and how ({})",
                f.phrase(affected),
                f.phrase(failure)
            ),
        ))
    });

    let how_many = a.first(|f, s| {
        if !is_impact_sentence(f, s) {
            return None;
        }
        f.quantities_in(s).iter().find_map(|q| {
            let next = f.tokens.get(q.last).map(|t| t.lower.as_ref());
            let counts_people = match &q.dim {
                Dim::Percent => next == Some("of"),
                Dim::Count(_) => f.hits_in(s).iter().any(|h| {
                    h.tags.has(Tag::Affected) && h.first + 1 >= q.last && h.first <= q.last + 2
                }),
                _ => false,
            };
            counts_people.then(|| {
                f.evidence_span(
                    q.start,
                    q.end,
                    Rule::HowMany,
                    "says how many were affected".into(),
                )
            })
        })
    });

    let how_long = a.first(|f, s| {
        let has_context = is_impact_sentence(f, s);
        f.quantities_in(s).iter().find_map(|q| {
            let before = q.first.checked_sub(1).map(|i| f.tokens[i].lower.as_ref());
            let framed = matches!(before, Some("for" | "lasted" | "lasting" | "over"));
            (q.dim == Dim::Duration && (has_context || framed)).then(|| {
                f.evidence_span(
                    q.start,
                    q.end,
                    Rule::HowLong,
                    "says how long it lasted".into(),
                )
            })
        })
    });

    let grounded = who.is_some() || how_many.is_some();
    let cost = a
        .first(|f, s| {
            if !is_impact_sentence(f, s) {
                return None;
            }
            if let Some(q) = f.quantities_in(s).iter().find(|q| q.dim == Dim::Money) {
                return Some(f.evidence_span(
                    q.start,
                    q.end,
                    Rule::Cost,
                    "puts a price on it".into(),
                ));
            }
            let hit = f.find(s, Tag::Severity)?;
            Some(f.evidence(
                hit.first,
                hit.last,
                Rule::Cost,
                format!("says how serious it was ({})", f.phrase(hit)),
            ))
        })
        .filter(|_| grounded);

    let extent = a
        .first(|f, s| {
            if !is_impact_sentence(f, s) && !f.has(s, Tag::Affected) {
                return None;
            }
            let hit = f.find(s, Tag::Scope)?;
            Some(f.evidence(
                hit.first,
                hit.last,
                Rule::Extent,
                format!("says how far it reached ({})", f.phrase(hit)),
            ))
        })
        .filter(|_| grounded);

    let advice = [
        (
            &who,
            "Say who was hurt and how: \"checkout requests failed for EU customers\".",
        ),
        (
            &how_many,
            "Put a number on the damage: \"31% of checkouts\", \"about 18,000 customers\".",
        ),
        (&how_long, "Say how long it lasted: \"for 47 minutes\"."),
        (
            &cost,
            "Say what it cost: money, orders, SLA credits or error budget burned (\"60% of the monthly error budget\").",
        ),
        (
            &extent,
            "Say how far it reached: which regions or services, customer-facing or internal.",
        ),
    ];
    for (evidence, tip) in advice {
        match evidence {
            Some(e) => {
                d.score += 1;
                d.evidence.push(e.clone());
            }
            None => d.missing(tip),
        }
    }
    d
}
