//! Fix: technically specific — the mechanism that broke, the concrete change,
//! and how the root cause was found (the interviewer's first drill-down).

use std::collections::BTreeSet;

use super::analysis::{Analysis, Field, sentence_is_first_person};
use super::lexicon::Tag;
use super::quantity::Dim;
use super::text::{Sentence, TokenKind};
use super::{DimensionScore, Rule};

/// `max_connections`, `EMFILE`, `SIGKILL`, `OOMKilled`, `FATAL`: a name only a
/// system uses.
fn is_code_word(raw: &str) -> bool {
    let errno =
        raw.len() >= 4 && raw.starts_with('E') && raw.chars().all(|c| c.is_ascii_uppercase());
    raw.contains('_')
        || errno
        || raw.starts_with("SIG") && raw.len() > 4 && raw.chars().all(|c| c.is_ascii_uppercase())
        || matches!(
            raw,
            "FATAL"
                | "ERROR"
                | "PANIC"
                | "OOMKilled"
                | "CrashLoopBackOff"
                | "NXDOMAIN"
                | "SERVFAIL"
        )
}

/// A config key, an error name, a quoted message: `max_connections`, `EMFILE`, 'too many clients'.
fn code_like(f: &Field, s: &Sentence) -> Option<(usize, usize)> {
    let tokens = &f.tokens[s.first..s.last];
    for (offset, t) in tokens.iter().enumerate() {
        let i = s.first + offset;
        let raw = &f.text[t.start..t.end];
        if t.kind == TokenKind::Word && !t.masked && is_code_word(raw) {
            return Some((i, i + 1));
        }
        // A quoted phrase of two or more words, on one line.
        if t.kind == TokenKind::Symbol && matches!(raw, "'" | "\"" | "`" | "“" | "‘") {
            let close = match raw {
                "“" => "”",
                "‘" => "’",
                other => other,
            };
            if let Some(end) = tokens[offset + 1..]
                .iter()
                .position(|u| &f.text[u.start..u.end] == close)
                && end >= 2
            {
                return Some((i, i + end + 2));
            }
        }
    }
    None
}

pub fn score(a: &Analysis) -> DimensionScore {
    let mut d = DimensionScore::default();

    // How many distinct technical things are named, in sentences that count.
    let mut tech = BTreeSet::new();
    let mut tech_evidence = Vec::new();
    for (f, s) in a.sentences() {
        for hit in f.hits_in(s).iter().filter(|h| h.tags.has(Tag::Tech)) {
            let phrase = f.phrase(*hit);
            if tech.insert(phrase.clone()) && tech_evidence.len() < 3 {
                tech_evidence.push(f.evidence(
                    hit.first,
                    hit.last,
                    Rule::TechnicalDetail,
                    format!("names the technology ({phrase})"),
                ));
            }
        }
    }
    let tech_points: u8 = match tech.len() {
        0 => 0,
        1 | 2 => 1,
        _ => 2,
    };

    let specifics = a.first(|f, s| {
        if !f.has(s, Tag::Tech) {
            return None;
        }
        if let Some((first, last)) = code_like(f, s) {
            return Some(f.evidence(
                first,
                last,
                Rule::Specifics,
                "an exact name or message".into(),
            ));
        }
        // A size or setting: a number with a technical unit, or right after a
        // technical name ("max_connections 2,000", "a pool of 50").
        let tech_hits: Vec<_> = f
            .hits_in(s)
            .iter()
            .filter(|h| h.tags.has(Tag::Tech))
            .collect();
        let q = f.quantities_in(s).iter().find(|q| {
            matches!(q.dim, Dim::Bytes | Dim::Duration | Dim::Percent)
                || tech_hits.iter().any(|h| {
                    (h.first < q.last && h.last >= q.last)
                        || (h.last <= q.first && h.last + 2 >= q.first)
                })
        })?;
        Some(f.evidence_span(
            q.start,
            q.end,
            Rule::Specifics,
            "a concrete setting or size".into(),
        ))
    });
    let change = a.first(|f, s| {
        if !f.has(s, Tag::Tech) {
            return None;
        }
        let hit = f.find(s, Tag::FixAction)?;
        Some(f.evidence(
            hit.first,
            hit.last,
            Rule::ConcreteChange,
            format!("the change that fixed it ({})", f.phrase(hit)),
        ))
    });
    let mechanism = a.first(|f, s| {
        if !f.has(s, Tag::Tech) {
            return None;
        }
        let hit = f.find(s, Tag::Mechanism)?;
        Some(f.evidence(
            hit.first,
            hit.last,
            Rule::Mechanism,
            format!("what broke and why ({})", f.phrase(hit)),
        ))
    });
    let found = a.first(|f, s| {
        let hit = f.find(s, Tag::Investigate)?;
        let sources: BTreeSet<String> = f
            .hits_in(s)
            .iter()
            .filter(|h| h.tags.has(Tag::EvidenceSource) || h.tags.has(Tag::Tech))
            .map(|h| f.phrase(*h))
            .collect();
        let specific =
            sentence_is_first_person(f, s) || sources.len() >= 2 || !f.quantities_in(s).is_empty();
        (!sources.is_empty() && specific).then(|| {
            f.evidence(
                hit.first,
                hit.last,
                Rule::RootCauseFound,
                format!("how the root cause was found ({})", f.phrase(hit)),
            )
        })
    });

    d.score += tech_points;
    d.evidence.extend(tech_evidence);
    for evidence in [&specifics, &change, &mechanism, &found]
        .into_iter()
        .flatten()
    {
        d.score += 1;
        d.evidence.push(evidence.clone());
    }
    // Naming technology is not fixing anything: without a change, at most 1,
    // and only the evidence that earned it is shown.
    if change.is_none() && d.score > 1 {
        d.score = 1;
        d.evidence.truncate(1);
    }
    d.score = d.score.min(5);

    let tips = [
        (
            change.is_none(),
            "Say the concrete change you made: \"I rolled back to v41 and capped the deployment at 36 pods\".",
        ),
        (
            found.is_none(),
            "Say how you found the root cause: which graph, log or tool, and what it showed.",
        ),
        (
            mechanism.is_none(),
            "Explain the mechanism: what ran out or broke, and why (\"the pool of 50 per pod times 64 pods exceeded max_connections\").",
        ),
        (
            tech_points < 2,
            "Name the components involved: the service, the datastore, the config, the command.",
        ),
        (
            specifics.is_none(),
            "Give one exact detail: a config key, an error message, a setting and its value.",
        ),
    ];
    for (missing, tip) in tips {
        if missing {
            d.missing(tip);
        }
    }
    d
}
