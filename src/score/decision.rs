//! Decision: a call I made under uncertainty — the options, the reason, the
//! risk weighed. Reasons and options count only next to a decision.

use super::analysis::{Analysis, first_person_before};
use super::lexicon::Tag;
use super::{DimensionScore, Rule};

pub fn score(a: &Analysis) -> DimensionScore {
    let mut d = DimensionScore::default();

    let mine = a.first(|f, s| {
        let hit = f
            .hits_in(s)
            .iter()
            .copied()
            .find(|h| h.tags.has(Tag::DecisionVerb) && first_person_before(f, h.first, 2))?;
        let first = (0..hit.first)
            .rev()
            .take(4)
            .find(|&i| matches!(f.tokens[i].lower.as_ref(), "i" | "i'd" | "i've" | "my"))
            .unwrap_or(hit.first);
        Some(f.evidence(
            first,
            hit.last,
            Rule::MyDecision,
            format!("a decision you made ({})", f.phrase(hit)),
        ))
    });
    let someone = mine.clone().or_else(|| {
        a.first(|f, s| {
            let hit = f.find(s, Tag::DecisionVerb)?;
            Some(f.evidence(
                hit.first,
                hit.last,
                Rule::TeamDecision,
                format!("a decision, but not clearly yours ({})", f.phrase(hit)),
            ))
        })
    });

    let Some(statement) = someone else {
        d.missing("Name the decision you made and its alternative: \"I decided to shed load rather than fail over the database\".");
        return d;
    };
    d.score += if mine.is_some() { 2 } else { 1 };
    d.evidence.push(statement);

    let with = |tag: Tag, rule: Rule, why: &str| {
        a.first(|f, s| {
            let hit = f.find(s, tag)?;
            Some(f.evidence(
                hit.first,
                hit.last,
                rule,
                format!("{why} ({})", f.phrase(hit)),
            ))
        })
    };
    let alternative = with(
        Tag::Alternative,
        Rule::Alternative,
        "the option you did not take",
    );
    let reason = with(Tag::Reason, Rule::Reason, "why you chose it");
    let risk = with(Tag::Risk, Rule::Risk, "the risk you weighed");

    if mine.is_none() {
        d.missing("Make the decision yours: \"I decided\", \"I made the call\" — not \"we decided\" or \"it was decided\".");
    }
    for (evidence, tip) in [
        (
            alternative,
            "Name the option you did not take: \"... instead of failing over\", \"rather than waiting for the vendor\".",
        ),
        (
            reason,
            "Say why, with \"because\": the fact that tipped it.",
        ),
        (
            risk,
            "Say what risk you accepted and why it was acceptable: \"the risk was ..., which I judged acceptable because ...\".",
        ),
    ] {
        match evidence {
            Some(e) => {
                d.score += 1;
                d.evidence.push(e);
            }
            None => d.missing(tip),
        }
    }
    d
}
