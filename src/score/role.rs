//! Role: what *I* did. First-person actions, an incident role, ownership;
//! "we" where "I" belongs and the passive voice cost a point each.

use std::collections::BTreeSet;

use super::analysis::{Analysis, Field, first_person_before};
use super::lexicon::Tag;
use super::speaker::{Speaker, line_start, someone_elses};
use super::text::{Sentence, TokenKind};
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

/// A verb of action in the past tense: what a note line without a subject
/// opens with when it tells what the speaker did ("- Renewed it by hand"),
/// unlike advice in the imperative ("- Decide what lag is acceptable").
fn is_past_action(word: &str) -> bool {
    is_action_verb(word) && (word.ends_with("ed") || PAST_ACTION_VERBS.contains(&word))
}

/// The verbs of [`ACTION_VERBS`] that are in the past tense and do not end in -ed.
const PAST_ACTION_VERBS: &[&str] = &[
    "led", "ran", "wrote", "built", "made", "took", "drove", "found", "chose", "set", "cut", "put",
    "kept", "brought", "began", "got", "gave", "shed", "sent", "spent", "split", "shut", "paid",
    "held", "told", "taught", "caught", "saw", "rewrote", "undid", "dug",
];

/// Words after "I" that are no action: states, thoughts, modals.
const NOT_ACTIONS: &[&str] = &[
    "dunno",
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

/// Verbs that say, at the head of a note line with no subject, that the
/// speaker is the one writing the notes: "- Owned the cost project".
const OWNING_OPENERS: &[&str] = &["owned", "led", "drove", "ran", "volunteered"];

/// Distinct actions the speaker took: "I rolled back", "I then paged",
/// "I withdrew and accepted", "I had to renegotiate", "The on-call (the
/// author) paused", and in notes written without a subject ("- Renewed it
/// by hand", "My role: owned the project"), the verb that opens the line.
fn own_actions(a: &Analysis, speaker: &Speaker, d: &mut DimensionScore) -> usize {
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
            || f.counting_sentences().any(|s| {
                let t = &f.tokens[line_start(f, s)];
                t.is_word() && OWNING_OPENERS.contains(&t.lower.as_ref())
            })
    });
    for (n, field) in a.prose().enumerate() {
        for s in field.counting_sentences() {
            // A note line that opens with a past-tense verb, or the words
            // after a label about the speaker ("My role: owned the
            // project"): the speaker's own action.
            let opener = label_end(field, s).unwrap_or_else(|| line_start(field, s));
            let t = &field.tokens[opener];
            if (speaks || field.beat == Some("role"))
                && t.is_word()
                && is_past_action(&t.lower)
                && (t.lower.len() > 3 || matches!(t.lower.as_ref(), "ran" | "led"))
                && !took_a_while(field, opener, s.last)
            {
                push(d, field, opener, opener + 1, &t.lower.clone());
            }
            let subjects = (s.first..s.last)
                .filter(|&i| {
                    let t = &field.tokens[i];
                    !t.masked && matches!(t.lower.as_ref(), "i" | "i've" | "i'd")
                })
                .map(|i| (i, i + 1))
                .chain(speaker.subjects_in(n, s));
            for (i, after) in subjects.collect::<Vec<_>>() {
                let Some(j) = verb_after(field, after, s.last) else {
                    continue;
                };
                let verb = field.tokens[j].lower.clone();
                push(d, field, i, j + 1, &verb);
                // "I withdrew and accepted the latency": the verbs it joins.
                for k in j + 1..(j + 8).min(s.last.saturating_sub(1)) {
                    if field.tokens[k].lower == "and" && is_action_verb(&field.tokens[k + 1].lower)
                    {
                        push(d, field, k + 1, k + 2, &field.tokens[k + 1].lower.clone());
                    }
                }
            }
        }
    }
    verbs.len()
}

/// "Took a few hours": how long something lasted, not a deed.
fn took_a_while(f: &Field, opener: usize, last: usize) -> bool {
    f.tokens[opener].lower == "took"
        && f.tokens[opener + 1..last.min(opener + 5)].iter().any(|t| {
            matches!(
                t.lower.as_ref(),
                "hours" | "minutes" | "days" | "weeks" | "ages" | "forever" | "while"
            )
        })
}

/// The verb the subject ending before token `from` did: after at most two
/// adverbs ("I then quickly paged"), or after "had to" ("I had to
/// renegotiate"). `None` for a state, a thought or a modal.
fn verb_after(f: &Field, from: usize, last: usize) -> Option<usize> {
    let mut j = from;
    let mut skipped = 0;
    while j < last && skipped <= 2 {
        let next = &f.tokens[j];
        if next.masked || !next.is_word() || ADVERBS.contains(&next.lower.as_ref()) {
            // "I had to go back": "had" was skipped, "to" leads to the verb.
            if next.lower == "had" && f.tokens.get(j + 1).is_some_and(|t| t.lower == "to") {
                j += 1;
            }
            j += 1;
            skipped += 1;
            continue;
        }
        // "The IC re-energised the breakers": the verb after its prefix.
        if matches!(next.lower.as_ref(), "re" | "pre" | "un" | "de" | "co")
            && f.tokens
                .get(j + 1)
                .is_some_and(|t| t.lower == "-" && t.glued)
            && f.tokens.get(j + 2).is_some_and(|t| t.glued && t.is_word())
        {
            j += 2;
            continue;
        }
        // The hit that covers `j`, if any: hits are in order and do not overlap.
        let k = f.hits.partition_point(|h| h.first <= j);
        let titled = k > 0 && f.hits[k - 1].last > j && f.hits[k - 1].tags.has(Tag::RoleName);
        let after_had_to =
            j >= 2 && f.tokens[j - 1].lower == "to" && f.tokens[j - 2].lower == "had";
        // "I had rolled back", but not "I had two options".
        let after_had = j > from
            && matches!(f.tokens[j - 1].lower.as_ref(), "had" | "have")
            && !(is_past_action(&next.lower) || next.lower.ends_with("en"));
        return (!titled
            && !after_had
            && (acts(&next.lower) || (after_had_to && next.lower == "go")))
            .then_some(j);
    }
    None
}

/// Where the words after a label about the speaker start ("My role:
/// owned ...", "Me: storage on-call"), if sentence `s` opens with one.
fn label_end(f: &Field, s: &Sentence) -> Option<usize> {
    let colon = (s.first..s.last.min(s.first + 4)).find(|&i| f.tokens[i].lower == ":")?;
    let label: Vec<&str> = f.tokens[s.first..colon]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.lower.as_ref())
        .collect();
    (matches!(
        label.as_slice(),
        ["role"] | ["my", "role"] | ["me"] | ["my", "part"]
    ) && colon + 1 < s.last)
        .then_some(colon + 1)
}

/// Running the incident said as a deed, not a title: "I ran the
/// incident", "I took incident command".
const RUNNING_THE_INCIDENT: &[&[&str]] = &[
    &["ran", "the", "incident"],
    &["ran", "the", "response"],
    &["ran", "incident", "command"],
    &["ran", "the", "bridge"],
    &["ran", "the", "war", "room"],
    &["led", "the", "incident"],
    &["led", "the", "response"],
    &["led", "incident", "response"],
    &["took", "incident", "command"],
    &["took", "command"],
    &["took", "the", "incident"],
    &["coordinated", "the", "response"],
];

/// Owning the thing or the outcome in words the lexicon leaves to role:
/// "I own the billing pipeline", "the gating work was mine", "explaining
/// that gap was on me".
const MINE: &[&[&str]] = &[
    &["i", "own"],
    &["was", "mine"],
    &["were", "mine"],
    &["is", "mine"],
    &["was", "on", "me"],
    &["is", "on", "me"],
    &["fell", "to", "me"],
];

/// Where one of `phrases` starts in sentence `s`, and its length.
fn find_phrase(f: &Field, s: &Sentence, phrases: &[&[&str]]) -> Option<(usize, usize)> {
    (s.first..s.last).find_map(|i| {
        phrases.iter().find_map(|p| {
            let end = i + p.len();
            (end <= s.last
                && f.tokens[i..end]
                    .iter()
                    .map(|t| t.lower.as_ref())
                    .eq(p.iter().copied()))
            .then_some((i, end))
        })
    })
}

/// "I was the DBRE running the schema change": a title the lexicon does
/// not know, said as an acronym right after "I was the".
fn titled(f: &Field, s: &Sentence) -> Option<(usize, usize)> {
    (s.first..s.last.saturating_sub(3)).find_map(|i| {
        let t = |k: usize| f.tokens[i + k].lower.as_ref();
        let title = &f.tokens[i + 3];
        let word = &f.text[title.start..title.end];
        (t(0) == "i"
            && matches!(t(1), "was" | "am")
            && t(2) == "the"
            && (2..=5).contains(&word.len())
            && word.chars().all(|c| c.is_ascii_uppercase()))
        .then_some((i + 3, i + 4))
    })
}

/// Credit given to a named colleague: "Credit to Ines from the payments
/// team", "Marta deserves most of the credit". Service credits paid to
/// customers are no credit to anyone.
fn credit(f: &Field, s: &Sentence) -> Option<(usize, usize)> {
    let i = (s.first..s.last).find(|&i| f.tokens[i].lower == "credit")?;
    let named = |k: usize| {
        let t = &f.tokens[k];
        let word = &f.text[t.start..t.end];
        k != s.first
            && t.is_word()
            && t.lower != "i"
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).any(char::is_lowercase)
    };
    let money = f.tokens[i.saturating_sub(3).max(s.first)..i]
        .iter()
        .any(|t| t.kind == TokenKind::Number || matches!(t.lower.as_ref(), "sla" | "service"));
    if money {
        return None;
    }
    let after = (i + 1..(i + 6).min(s.last)).find(|&k| named(k));
    let before = (i.saturating_sub(5).max(s.first)..i)
        .rev()
        .find(|&k| named(k));
    match (before, after) {
        (_, Some(k)) => Some((i, k + 1)),
        (Some(k), None) => Some((k, i + 1)),
        (None, None) => None,
    }
}

/// The words from token `first` to `last`, lowercased: what the evidence says.
fn phrase(f: &Field, first: usize, last: usize) -> String {
    f.tokens[first..last]
        .iter()
        .filter(|t| t.is_word() && !t.masked)
        .map(|t| t.lower.as_ref())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn score(a: &Analysis) -> DimensionScore {
    let mut d = DimensionScore::default();
    let speaker = Speaker::read(a);
    let actions = own_actions(a, &speaker, &mut d);
    let sentences = || {
        a.prose()
            .enumerate()
            .flat_map(|(n, f)| f.counting_sentences().map(move |s| (n, f, s)))
    };

    let role = sentences().find_map(|(n, f, s)| {
        if !speaker.speaks_in(n, f, s) {
            return None;
        }
        let (first, last) = f
            .hits_in(s)
            .iter()
            .find(|h| h.tags.has(Tag::RoleName) && !someone_elses(f, h.first))
            .map(|h| (h.first, h.last))
            .or_else(|| find_phrase(f, s, RUNNING_THE_INCIDENT))
            .or_else(|| titled(f, s))?;
        Some(f.evidence(
            first,
            last,
            Rule::IncidentRole,
            format!("names your role ({})", phrase(f, first, last)),
        ))
    });
    // Owning the outcome or the hard call: "the rollback call was mine",
    // "I decided", "I took incident command".
    let ownership = sentences().find_map(|(n, f, s)| {
        let hit = f
            .hits_in(s)
            .iter()
            .find(|h| {
                h.tags.has(Tag::Ownership)
                    || (h.tags.has(Tag::DecisionVerb)
                        && (first_person_before(f, h.first, 2) || f.beat == Some("role")))
            })
            .map(|h| (h.first, h.last));
        // "was mine", "on me" say who by themselves.
        let (first, last) = match hit {
            Some((first, last))
                if speaker.speaks_in(n, f, s) || first_person_before(f, first, 1) =>
            {
                (first, last)
            }
            _ => find_phrase(f, s, MINE)?,
        };
        Some(f.evidence(
            first,
            last,
            Rule::Ownership,
            format!("owns the outcome or the call ({})", phrase(f, first, last)),
        ))
    });
    let credit = sentences().find_map(|(_, f, s)| {
        let (first, last) = credit(f, s)?;
        Some(f.evidence(
            first,
            last,
            Rule::CreditToOthers,
            format!("gives credit to others ({})", phrase(f, first, last)),
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
        // One deed and a named role is the rubric's "named role with actions".
        1 if role.is_some() => 4,
        1 => 2 + u8::from(named),
        _ if role.is_some() && (ownership.is_some() || credit.is_some() || actions >= 4) => 5,
        // Many deeds of one's own say who did the work as plainly as a title.
        _ => 3 + u8::from(named || actions >= 4),
    };
    for evidence in [&role, &ownership, &credit].into_iter().flatten() {
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
