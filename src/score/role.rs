//! Role: what *I* did. First-person actions, an incident role, ownership;
//! "we" where "I" belongs and the passive voice cost a point each.

use std::collections::BTreeSet;

use super::analysis::{Analysis, Field, first_person_before, sentence_is_first_person};
use super::lexicon::Tag;
use super::{DimensionScore, Rule};

/// Words that may stand between "I" and the verb without breaking the link.
const ADVERBS: &[&str] = &[
    "personally",
    "then",
    "also",
    "quickly",
    "immediately",
    "first",
    "eventually",
    "finally",
    "later",
    "myself",
    "had",
    "have",
    "directly",
    "initially",
    "manually",
    "alone",
    "still",
    "actually",
    "carefully",
    "instead",
    "next",
];

/// Common verbs of action that do not end in -ed.
const ACTION_VERBS: &[&str] = &[
    "led",
    "ran",
    "wrote",
    "built",
    "made",
    "took",
    "drove",
    "found",
    "chose",
    "set",
    "cut",
    "put",
    "kept",
    "brought",
    "began",
    "got",
    "gave",
    "shed",
    "sent",
    "spent",
    "split",
    "shut",
    "paid",
    "held",
    "told",
    "taught",
    "caught",
    "saw",
    "rewrote",
    "undid",
    "dug",
    "run",
    "lead",
    "write",
    "build",
    "make",
    "own",
    "drive",
    "take",
    "fix",
    "roll",
    "page",
    "declare",
    "coordinate",
    "decide",
    "choose",
    "push",
    "propose",
    "present",
    "ship",
    "cap",
    "add",
    "remove",
    "replace",
    "restart",
    "revert",
    "migrate",
    "design",
    "automate",
    "moved",
];

fn is_action_verb(word: &str) -> bool {
    ACTION_VERBS.contains(&word)
        || (word.len() >= 5
            && word.ends_with("ed")
            && !matches!(
                word,
                "need"
                    | "speed"
                    | "indeed"
                    | "seed"
                    | "feed"
                    | "hundred"
                    | "tired"
                    | "bored"
                    | "scared"
                    | "worried"
                    | "interested"
                    | "excited"
                    | "involved"
                    | "supposed"
                    | "used"
                    | "based"
            ))
}

/// Words after "I" that are no action: states, thoughts, modals.
const NOT_ACTIONS: &[&str] = &[
    "am",
    "was",
    "were",
    "have",
    "had",
    "has",
    "think",
    "thought",
    "know",
    "knew",
    "feel",
    "felt",
    "believe",
    "guess",
    "need",
    "needed",
    "want",
    "wanted",
    "can",
    "could",
    "would",
    "will",
    "should",
    "must",
    "might",
    "may",
    "don't",
    "didn't",
    "do",
    "did",
    "wasn't",
    "couldn't",
    "wouldn't",
    "can't",
    "hope",
    "learned",
    "learnt",
    "like",
    "liked",
    "remember",
    "mean",
    "suppose",
    "wonder",
    "saw",
    "see",
    "got",
    "get",
    "am",
    "also",
    "just",
    "really",
    "not",
    "never",
    "still",
    "only",
    "personally",
    "myself",
    "and",
    "or",
    "but",
    "to",
];

/// An action verb after "I": a known one, or in a story told in the present
/// ("I take incident command", "I sample the edge logs") any verb that is
/// not a state, a thought or a modal.
fn acts(word: &str) -> bool {
    is_action_verb(word)
        || (word.len() >= 3
            && word.chars().all(char::is_alphabetic)
            && !NOT_ACTIONS.contains(&word)
            && !word.ends_with("ly")
            && !crate::score::text::is_function_word(word))
}

/// Distinct actions the speaker took: "I rolled back", "I then paged",
/// "I withdrew and accepted", and in notes written without a subject
/// ("- Renewed it by hand"), the verb that opens the line.
fn own_actions(a: &Analysis, d: &mut DimensionScore) -> usize {
    let mut verbs = BTreeSet::new();
    let mut push =
        |d: &mut DimensionScore, field: &Field, first: usize, last: usize, verb: &str| {
            if verbs.insert(verb.to_string()) && verbs.len() <= 6 {
                d.evidence.push(field.evidence(
                    first,
                    last,
                    Rule::FirstPersonAction,
                    format!("something you did yourself (\"{verb}\")"),
                ));
            }
        };
    let speaks = a.prose().any(|f| {
        f.tokens
            .iter()
            .any(|t| matches!(t.lower.as_ref(), "i" | "my" | "me"))
    });
    for field in a.prose() {
        for s in field.counting_sentences() {
            // A note line that opens with a past-tense verb: the speaker's own action.
            let opener = &field.tokens[s.first];
            if speaks && opener.is_word() && is_action_verb(&opener.lower) && opener.lower.len() > 3
            {
                push(d, field, s.first, s.first + 1, &opener.lower.clone());
            }
            for i in s.first..s.last {
                let t = &field.tokens[i];
                if t.masked || !matches!(t.lower.as_ref(), "i" | "i've" | "i'd") {
                    continue;
                }
                let mut j = i + 1;
                let mut skipped = 0;
                while j < s.last && skipped <= 2 {
                    let next = &field.tokens[j];
                    if next.masked || !next.is_word() || ADVERBS.contains(&next.lower.as_ref()) {
                        j += 1;
                        skipped += 1;
                        continue;
                    }
                    if acts(&next.lower) {
                        push(d, field, i, j + 1, &next.lower.clone());
                        // "I withdrew and accepted the latency": the verbs it joins.
                        for k in j + 1..(j + 8).min(s.last.saturating_sub(1)) {
                            if field.tokens[k].lower == "and"
                                && is_action_verb(&field.tokens[k + 1].lower)
                            {
                                push(d, field, k + 1, k + 2, &field.tokens[k + 1].lower.clone());
                            }
                        }
                    }
                    break;
                }
            }
        }
    }
    verbs.len()
}

pub fn score(a: &Analysis) -> DimensionScore {
    let mut d = DimensionScore::default();
    let actions = own_actions(a, &mut d);

    let role = a.first(|f, s| {
        if !sentence_is_first_person(f, s) {
            return None;
        }
        // "I raised it with my manager", "our incident commander paged
        // me": a role of someone else's.
        let hit = f.hits_in(s).iter().copied().find(|h| {
            h.tags.has(Tag::RoleName)
                && !f.tokens[s.first..h.first]
                    .iter()
                    .rev()
                    .find(|t| !t.masked)
                    .is_some_and(|t| {
                        matches!(t.lower.as_ref(), "my" | "our" | "their" | "his" | "her")
                    })
        })?;
        Some(f.evidence(
            hit.first,
            hit.last,
            Rule::IncidentRole,
            format!("names your role ({})", f.phrase(hit)),
        ))
    });
    // Owning the outcome or the hard call: "the rollback call was mine",
    // "I decided", "I took incident command".
    let ownership = a.first(|f, s| {
        let hit = f.hits_in(s).iter().copied().find(|h| {
            h.tags.has(Tag::Ownership)
                || (h.tags.has(Tag::DecisionVerb) && first_person_before(f, h.first, 2))
        })?;
        if !(sentence_is_first_person(f, s) || first_person_before(f, hit.first, 1)) {
            return None;
        }
        Some(f.evidence(
            hit.first,
            hit.last,
            Rule::Ownership,
            format!("owns the outcome or the call ({})", f.phrase(hit)),
        ))
    });

    // Only a team: "we" acted, nobody in particular.
    let team = a.prose().find_map(|f| {
        let i = f.tokens.iter().position(|t| {
            !t.masked && matches!(t.lower.as_ref(), "we" | "we've" | "we'd" | "team" | "our")
        })?;
        Some(f.evidence(
            i,
            i + 1,
            Rule::TeamAction,
            format!("the team acted, not you ({})", f.tokens[i].lower),
        ))
    });
    // Owning the thing ("I owned the logging platform", "the call was
    // mine") names a role as well as a title does.
    let named = role.is_some() || ownership.is_some();
    d.score = match actions {
        0 if role.is_some() => 2,
        0 if team.is_some() => 1,
        0 => 0,
        1 => 2 + u8::from(named) + u8::from(role.is_some() && ownership.is_some()),
        _ if role.is_some() && (ownership.is_some() || actions >= 4) => 5,
        _ => 3 + u8::from(named),
    };
    for evidence in [&role, &ownership].into_iter().flatten() {
        d.evidence.push(evidence.clone());
    }
    if d.score == 1
        && let Some(e) = team
    {
        d.evidence.push(e);
    }

    if actions == 0 {
        d.missing("Say what you did yourself, with \"I\" and a verb: \"I rolled back the release\", \"I paged the database team\".");
    } else if actions < 2 {
        // One action is 2; a second makes 3; more raise nothing until the role is named.
        d.missing("Name more of your own actions, each with \"I\": what you checked, changed and decided.");
    }
    if role.is_none() {
        d.missing("Name your role in the incident: \"I was the incident commander\" or \"I was on call\".");
    }
    if ownership.is_none() {
        d.missing("Say what you owned: \"the rollback call was mine\", \"I was responsible for the postmortem\".");
    }
    d
}
