//! What weakens an answer however good its content: hedges, vague amounts,
//! "we" where "I" belongs, and the passive voice.

use serde::Serialize;

use super::analysis::{Analysis, Field};
use super::lexicon::Tag;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// "it depends", "kind of", "basically", "I think maybe"
    Hedge,
    /// "a lot of", "many", "some time" where a number belongs
    Vague,
    /// "we" where the interviewer wants "I"
    We,
    /// "it was fixed": who fixed it?
    Passive,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub kind: WarningKind,
    pub field: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// At most this many warnings of one kind are listed (all are counted).
const MAX_LISTED: usize = 100;

fn warning(f: &Field, first: usize, last: usize, kind: WarningKind) -> Warning {
    let (start, end) = (f.tokens[first].start, f.tokens[last - 1].end);
    Warning {
        kind,
        field: f.name.clone(),
        text: f.text[start..end].to_string(),
        start: start + f.offset,
        end: end + f.offset,
    }
}

/// `(first, last)` token ranges of passive constructions with no "I" as subject.
fn passives<'f>(f: &'f Field<'_>) -> impl Iterator<Item = (usize, usize)> + 'f {
    f.hits.windows(2).filter_map(|w| {
        let (be, action) = (w[0], w[1]);
        let adjacent = action.first == be.last
            || (action.first == be.last + 1
                && matches!(
                    f.tokens[be.last].lower.as_ref(),
                    "then" | "quickly" | "finally" | "eventually" | "also"
                ));
        if !(be.tags.has(Tag::Be) && action.tags.has(Tag::PassiveAction) && adjacent) {
            return None;
        }
        let subject = be.first.checked_sub(1).map(|i| f.tokens[i].lower.as_ref());
        if matches!(subject, Some("i" | "i've")) {
            return None;
        }
        // "was fixed by me" names the actor.
        let by_me = f.tokens.get(action.last).is_some_and(|t| t.lower == "by")
            && f.tokens
                .get(action.last + 1)
                .is_some_and(|t| t.lower == "me");
        (!by_me).then_some((be.first, action.last))
    })
}

/// All warnings, and the points they cost the total.
pub fn find(a: &Analysis) -> (Vec<Warning>, u8) {
    let mut out = Vec::new();
    let (mut hedges, mut vague) = (0usize, 0usize);
    let listed = |out: &mut Vec<Warning>, w: Warning, n: &mut usize| {
        *n += 1;
        if *n <= MAX_LISTED {
            out.push(w);
        }
    };
    for f in a.prose() {
        for hit in &f.hits {
            if hit.tags.has(Tag::Hedge) {
                listed(
                    &mut out,
                    warning(f, hit.first, hit.last, WarningKind::Hedge),
                    &mut hedges,
                );
            } else if hit.tags.has(Tag::Vague) {
                listed(
                    &mut out,
                    warning(f, hit.first, hit.last, WarningKind::Vague),
                    &mut vague,
                );
            }
        }
    }
    let (mut i_count, mut we_tokens) = (0usize, Vec::new());
    for f in a.prose() {
        for (i, t) in f.tokens.iter().enumerate() {
            if t.masked || !t.is_word() {
                continue;
            }
            match t.lower.as_ref() {
                "i" | "i'm" | "i've" | "i'd" | "i'll" => i_count += 1,
                "we" | "we're" | "we've" | "we'd" | "we'll" => we_tokens.push((f, i)),
                _ => {}
            }
        }
    }
    if we_tokens.len() >= 2 && we_tokens.len() > i_count {
        for (f, i) in we_tokens.into_iter().take(MAX_LISTED) {
            out.push(warning(f, i, i + 1, WarningKind::We));
        }
    }
    let mut passive = 0;
    for f in a.prose() {
        for (first, last) in passives(f) {
            listed(
                &mut out,
                warning(f, first, last, WarningKind::Passive),
                &mut passive,
            );
        }
    }
    let penalty = (hedges * 2 + vague).min(10) as u8;
    (out, penalty)
}
