//! What a short text says, read with the story scorer's tools: first person,
//! hedges, technical names, figures and before/after pairs. The design,
//! metric, opinion and narrative evaluators are built on these facts.

use std::collections::BTreeSet;

use super::analysis::{Field, FieldKind, sentence_is_first_person};
use super::lexicon::Tag;
use super::numbers::{pairs_in, relative_change};
use super::quantity::{Dim, Quantity, describe_change};

/// The facts of one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Words, hedges left out.
    pub words: usize,
    /// "I" (or "my", "me") in a sentence that counts.
    pub first_person: bool,
    /// "I" or "we" — a first-hand account, of a person or a team.
    pub first_hand: bool,
    /// A change said with a verb in the past or "now": "we built", "I moved".
    pub did_something: bool,
    pub hedges: Vec<String>,
    /// Distinct technical names (components, tools, settings).
    pub tech: BTreeSet<String>,
    pub quantities: Vec<Quantity>,
    /// Before/after pairs, described: "8 min -> 90 s (-81%, 5.3x less)".
    pub pairs: Vec<String>,
    /// "cut by 40%", "3x faster".
    pub relative_change: bool,
    /// Each kind of systemic mechanism named (detection, prevention, ...).
    pub mechanisms: BTreeSet<&'static str>,
    pub alternative: bool,
    pub reason: bool,
}

impl Facts {
    pub fn has_number(&self) -> bool {
        !self.quantities.is_empty()
    }
    /// A figure that is a duration, a rate, money, a percentage or a size: a
    /// capacity or performance number rather than a bare count.
    pub fn has_measure(&self) -> bool {
        self.quantities.iter().any(|q| {
            q.per.is_some()
                || matches!(
                    q.dim,
                    Dim::Duration | Dim::Percent | Dim::Money | Dim::Bytes | Dim::Ratio
                )
        }) || self.quantities.len() >= 2
    }
}

/// Reads the facts of `text`.
pub fn facts(text: &str) -> Facts {
    let field = Field::new("text", FieldKind::Prose, text);
    // Every word counts toward length (a stance is a noun phrase, which the
    // keyword-salad guard would drop); every other fact needs a real sentence.
    let mut facts = Facts {
        words: field
            .tokens
            .iter()
            .filter(|t| t.is_word() && !t.masked)
            .count(),
        ..Facts::default()
    };
    for s in field.counting_sentences() {
        if sentence_is_first_person(&field, s) {
            facts.first_person = true;
            facts.first_hand = true;
        }
        let hits = field.hits_in(s);
        if hits.iter().any(|h| h.tags.has(Tag::We)) {
            facts.first_hand = true;
        }
        if hits
            .iter()
            .any(|h| h.tags.has(Tag::ChangeVerb) || h.tags.has(Tag::FixAction))
            && facts.first_hand
        {
            facts.did_something = true;
        }
        for h in hits {
            if h.tags.has(Tag::Tech) {
                facts.tech.insert(field.phrase(*h));
            }
            for (tag, kind) in [
                (Tag::Detection, "detection"),
                (Tag::Prevention, "prevention"),
                (Tag::Mitigation, "mitigation"),
                (Tag::Process, "process"),
            ] {
                if h.tags.has(tag) {
                    facts.mechanisms.insert(kind);
                }
            }
            facts.alternative |= h.tags.has(Tag::Alternative);
            facts.reason |= h.tags.has(Tag::Reason);
        }
        facts
            .quantities
            .extend(field.quantities_in(s).iter().cloned());
    }
    for h in field.hits.iter().filter(|h| h.tags.has(Tag::Hedge)) {
        facts
            .hedges
            .push(text[field.tokens[h.first].start..field.tokens[h.last - 1].end].to_string());
    }
    for pair in pairs_in(&field) {
        if !field.sentences[field.tokens[pair.before.first].sentence].counts {
            continue;
        }
        let shown = |q: &Quantity| text[q.start..q.end].to_string();
        let change = describe_change(pair.before, pair.after)
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        facts.pairs.push(format!(
            "{} -> {}{change}",
            shown(pair.before),
            shown(pair.after)
        ));
    }
    facts.relative_change = relative_change(&field).is_some();
    facts
}

/// The first sentence of `text` that mentions one of `topics` (lowercase
/// words or phrases) together with a figure: "deploys went from 2 to 30 a day".
pub fn figure_about(text: &str, topics: &[&str]) -> Option<String> {
    let field = Field::new("text", FieldKind::Prose, text);
    field.counting_sentences().find_map(|s| {
        if field.quantities_in(s).is_empty() {
            return None;
        }
        let words: Vec<&str> = field.tokens[s.first..s.last]
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.lower.as_ref())
            .collect();
        let joined = format!(" {} ", words.join(" "));
        topics
            .iter()
            .any(|topic| joined.contains(&format!(" {topic} ")))
            .then(|| text[field.tokens[s.first].start..field.tokens[s.last - 1].end].to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_of_a_first_hand_sentence() {
        let f = facts(
            "I moved our 40 services to Argo CD; deploys went from weekly to 30 a day and lead time from 3 days to 2 hours.",
        );
        assert!(f.first_person && f.first_hand && f.did_something);
        assert!(
            f.pairs.iter().any(|p| p.starts_with("3 days -> 2 hours")),
            "{:?}",
            f.pairs
        );
        assert!(f.has_measure());
    }

    #[test]
    fn facts_of_a_textbook_sentence() {
        let f = facts("A pipeline should build, test and deploy every commit, maybe.");
        assert!(!f.first_hand);
        assert_eq!(f.hedges, ["maybe"]);
        assert!(f.pairs.is_empty());
    }
}
