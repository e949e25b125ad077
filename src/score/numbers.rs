//! Numbers: before and after. A pair outscores a lone number; two distinct
//! pairs score highest; the change is worked out where the units agree.

use std::collections::HashSet;

use super::analysis::{Analysis, Field, FieldKind};
use super::lexicon::Tag;
use super::quantity::{Dim, Quantity, describe_change};
use super::{DimensionScore, Evidence, Rule};

/// A before/after pair found in a field.
pub(crate) struct Pair<'q> {
    pub before: &'q Quantity,
    pub after: &'q Quantity,
}

/// Words that may stand before a number without breaking a pattern.
fn is_approx(word: &str) -> bool {
    matches!(
        word,
        "about"
            | "around"
            | "roughly"
            | "approximately"
            | "nearly"
            | "almost"
            | "over"
            | "under"
            | "just"
            | "~"
            | "only"
            | "below"
            | "above"
            | "some"
            | "a"
            | "an"
            | "to"
    )
}

/// The quantity whose first token is `i` (quantities are sorted by position).
fn starting_at<'q>(f: &'q Field<'_>, i: usize) -> Option<&'q Quantity> {
    let at = f.quantities.partition_point(|q| q.first < i);
    f.quantities.get(at).filter(|q| q.first == i)
}

/// The last quantity ending at or before token `i`, if it ends within `reach` tokens of it.
fn ending_before<'q>(f: &'q Field<'_>, i: usize, reach: usize) -> Option<&'q Quantity> {
    let at = f.quantities.partition_point(|q| q.last <= i);
    at.checked_sub(1)
        .map(|k| &f.quantities[k])
        .filter(|q| q.last + reach >= i)
}

/// The quantity starting within `reach` tokens after token `i`, skipping approximations.
fn quantity_after<'q>(f: &'q Field<'_>, i: usize, reach: usize) -> Option<&'q Quantity> {
    for j in i..=i + reach {
        if let Some(q) = starting_at(f, j) {
            return Some(q);
        }
        let t = f.tokens.get(j)?;
        if !(is_approx(&t.lower) || t.masked) {
            return None;
        }
    }
    None
}

pub(crate) fn pairs_in<'q>(f: &'q Field<'_>) -> Vec<Pair<'q>> {
    let mut pairs = Vec::new();
    for (i, t) in f.tokens.iter().enumerate() {
        if t.masked {
            continue;
        }
        match t.lower.as_ref() {
            // "from 8 minutes to 90 seconds", "went from 38 a week to 6"
            "from" => {
                let Some(before) = quantity_after(f, i + 1, 2) else {
                    continue;
                };
                let to = (before.last..(before.last + 4).min(f.tokens.len()))
                    .find(|&k| f.tokens[k].lower == "to" && f.tokens[k].sentence == t.sentence);
                let Some(to) = to else { continue };
                if let Some(after) = quantity_after(f, to + 1, 2) {
                    pairs.push(Pair { before, after });
                } else if let Some(after) = (to + 1..=to + 3).find_map(|k| starting_at(f, k)) {
                    pairs.push(Pair { before, after });
                }
                // "8%, down from 67%" is read below; "from" after "down"/"up" is not a new pair.
            }
            // "67% -> 8%"
            "->" => {
                let before = ending_before(f, i, 2);
                let after = quantity_after(f, i + 1, 1);
                if let (Some(before), Some(after)) = (before, after) {
                    pairs.push(Pair { before, after });
                }
            }
            // "8%, down from 67%"
            "down" | "up" => {
                if f.tokens.get(i + 1).is_none_or(|n| n.lower != "from") {
                    continue;
                }
                let after = ending_before(f, i, 3);
                let before = quantity_after(f, i + 2, 1);
                if let (Some(before), Some(after)) = (before, after) {
                    pairs.push(Pair { before, after });
                }
            }
            _ => {}
        }
    }
    // "down from" also matched "from": keep one pair per (before, after).
    pairs.dedup_by(|a, b| std::ptr::eq(a.before, b.before) && std::ptr::eq(a.after, b.after));
    pairs.retain(|p| p.before.first != p.after.first);
    pairs
}

/// "cut by 40%", "3x faster", "a 60% reduction", "halved".
pub(crate) fn relative_change(f: &Field) -> Option<Evidence> {
    for s in f.counting_sentences() {
        for hit in f.hits_in(s) {
            if hit.tags.has(Tag::Multiple) {
                return Some(f.evidence(
                    hit.first,
                    hit.last,
                    Rule::RelativeChange,
                    format!("a change by a factor ({})", f.phrase(*hit)),
                ));
            }
        }
        for q in f.quantities_in(s) {
            if !matches!(q.dim, Dim::Percent | Dim::Ratio) {
                continue;
            }
            let by = q.first > 0 && f.tokens[q.first - 1].lower == "by";
            let directed = by && f.has(s, Tag::Direction);
            let compared = f.hits_in(s).iter().any(|h| {
                h.tags.has(Tag::Comparative) && h.first >= q.last && h.first <= q.last + 1
            });
            if directed || compared {
                let end = if compared {
                    f.tokens[q.last.min(f.tokens.len() - 1)].end
                } else {
                    q.end
                };
                return Some(f.evidence_span(
                    q.start,
                    end.max(q.end),
                    Rule::RelativeChange,
                    "a change, but without the before and after".into(),
                ));
            }
        }
    }
    None
}

pub fn score(a: &Analysis) -> DimensionScore {
    let mut d = DimensionScore::default();

    // Distinct pairs: the same before/after said twice counts once.
    let mut seen: HashSet<(u64, u64)> = HashSet::new();
    let mut pair_evidence = Vec::new();
    for f in &a.fields {
        if f.kind == FieldKind::Prose && !f.sentences.iter().any(|s| s.counts) {
            continue;
        }
        for pair in pairs_in(f) {
            if f.kind == FieldKind::Prose
                && !f.sentences[f.tokens[pair.before.first].sentence].counts
            {
                continue;
            }
            let key = (pair.before.value.to_bits(), pair.after.value.to_bits());
            if !seen.insert(key) {
                continue;
            }
            let (start, end) = (
                pair.before.start.min(pair.after.start),
                pair.before.end.max(pair.after.end),
            );
            let shown = |q: &Quantity| f.text[q.start..q.end].to_string();
            let why = match describe_change(pair.before, pair.after) {
                Some(change) => format!(
                    "before/after: {} -> {} ({change})",
                    shown(pair.before),
                    shown(pair.after)
                ),
                None => format!(
                    "before/after: {} -> {} (the units differ, so the change cannot be worked out)",
                    shown(pair.before),
                    shown(pair.after)
                ),
            };
            pair_evidence.push(f.evidence_span(start, end, Rule::BeforeAfter, why));
        }
    }

    let relative = a.prose().find_map(relative_change);
    let mut values: HashSet<u64> = HashSet::new();
    let mut lone = None;
    for f in a.prose() {
        for q in &f.quantities {
            if !f.sentences[f.tokens[q.first].sentence].counts {
                continue;
            }
            values.insert(q.value.to_bits());
            if lone.is_none() {
                lone = Some(f.evidence_span(q.start, q.end, Rule::Figure, "a figure".into()));
            }
        }
    }

    d.score = match (pair_evidence.len(), &relative, values.len()) {
        (n, _, _) if n >= 2 => 5,
        (1, _, _) => 4,
        (0, Some(_), _) => 3,
        (0, None, n) if n >= 3 => 2,
        (0, None, n) if n >= 1 => 1,
        _ => 0,
    };
    let pairs = pair_evidence.len();
    d.evidence.extend(pair_evidence);
    if pairs == 0 {
        if let Some(e) = relative {
            d.evidence.push(e);
        } else if let Some(e) = lone {
            d.evidence.push(e);
        }
    }
    match pairs {
        0 => d.missing("Give a before and after: \"time to detect went from 8 minutes to 90 seconds\", \"false pages 67% -> 8%\"."),
        1 => d.missing("Add a second before/after pair on another metric: MTTR, pages per week, error rate, cost."),
        _ => {}
    }
    d
}
