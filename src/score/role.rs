//! Role: what *I* did. First-person actions, an incident role, ownership;
//! "we" where "I" belongs and the passive voice cost a point each.

use std::collections::BTreeSet;

use super::analysis::{Analysis, first_person_before, sentence_is_first_person};
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

pub fn score(a: &Analysis) -> DimensionScore {
    let mut d = DimensionScore::default();

    // Distinct first-person actions: "I rolled back", "I then paged".
    let mut verbs = BTreeSet::new();
    for field in a.prose() {
        for (i, t) in field.tokens.iter().enumerate() {
            if t.masked || !t.is_word() || !matches!(t.lower.as_ref(), "i" | "i've" | "i'd") {
                continue;
            }
            if !field.sentences[t.sentence].counts {
                continue;
            }
            let mut j = i + 1;
            let mut skipped = 0;
            while let Some(next) = field.tokens.get(j) {
                if next.sentence != t.sentence || skipped > 2 {
                    break;
                }
                if next.masked || !next.is_word() || ADVERBS.contains(&next.lower.as_ref()) {
                    j += 1;
                    skipped += 1;
                    continue;
                }
                if is_action_verb(&next.lower)
                    && verbs.insert(next.lower.clone())
                    && verbs.len() <= 6
                {
                    d.evidence.push(field.evidence(
                        i,
                        j + 1,
                        Rule::FirstPersonAction,
                        format!("something you did yourself (\"{}\")", next.lower),
                    ));
                }
                break;
            }
        }
    }
    let action_points = verbs.len().min(3) as u8;
    d.score += action_points;

    let role = a.first(|f, s| {
        if !sentence_is_first_person(f, s) {
            return None;
        }
        let hit = f.find(s, Tag::RoleName)?;
        Some(f.evidence(
            hit.first,
            hit.last,
            Rule::IncidentRole,
            format!("names your role ({})", f.phrase(hit)),
        ))
    });
    let ownership = a.first(|f, s| {
        let hit = f.find(s, Tag::Ownership)?;
        if !(sentence_is_first_person(f, s) || first_person_before(f, hit.first, 1)) {
            return None;
        }
        Some(f.evidence(
            hit.first,
            hit.last,
            Rule::Ownership,
            format!("says what you owned ({})", f.phrase(hit)),
        ))
    });
    for evidence in [&role, &ownership].into_iter().flatten() {
        d.score += 1;
        d.evidence.push(evidence.clone());
    }

    // What costs a point: a team where a person belongs, or no actor at all.
    let (mut i_count, mut we_count) = (0usize, 0usize);
    for field in a.prose() {
        for t in field.tokens.iter().filter(|t| !t.masked && t.is_word()) {
            match t.lower.as_ref() {
                "i" | "i'm" | "i've" | "i'd" | "i'll" => i_count += 1,
                "we" | "we're" | "we've" | "we'd" | "we'll" => we_count += 1,
                _ => {}
            }
        }
    }
    let too_much_we = we_count >= 2 && we_count > i_count;
    let passive = super::warnings::passive_count(a) > 0;
    let penalty = u8::from(too_much_we) + u8::from(passive);
    d.score = d.score.min(5).saturating_sub(penalty);

    if too_much_we {
        d.missing(&format!(
            "You say \"we\" {we_count} times and \"I\" {i_count}: interviewers hire you, not the team — say \"I\" where you acted."
        ));
    }
    if passive {
        d.missing("Replace the passive (\"it was fixed\") with who did it: \"I fixed it\".");
    }
    if action_points == 0 {
        d.missing("Say what you did yourself, with \"I\" and a verb: \"I rolled back the release\", \"I paged the database team\".");
    } else if action_points < 3 {
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
