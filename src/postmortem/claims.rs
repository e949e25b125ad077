//! "Claim your part": a postmortem says what the team did, in its own voice.
//! The actions, choices and incident roles it mentions become questions for
//! the user ("Who rolled back v2.3? Was that you?"); nothing is turned into
//! "I" for them.

use std::collections::HashSet;

use super::{Part, Timeline};
use crate::kit::Story;
use crate::score::lexicon::{Hit, Tag};
use crate::score::text::{Token, TokenKind};

/// Questions of each kind the draft asks at most.
const MAX_ACTIONS: usize = 6;
const MAX_CHOICES: usize = 3;

/// What the document mentions, as it is read.
#[derive(Default)]
pub(super) struct Found {
    /// (priority, position, the action as the document words it).
    actions: Vec<(u8, usize, String)>,
    choices: Vec<(u8, usize, String)>,
    roles: Vec<String>,
    seen: HashSet<String>,
}

#[rustfmt::skip]
const ROLES: &[&str] = &[
    "incident commander", "ic", "on call", "oncall", "engineer on call", "on call engineer",
    "tech lead", "technical lead", "comms lead", "communications lead", "scribe",
    "first responder", "point person", "dri",
];

#[rustfmt::skip]
const CHOICE_WORDS: &[&str] = &[
    "instead of", "instead", "rather than", "considered", "weighed", "trade off", "tradeoff",
    "trade offs", "tradeoffs", "versus", "vs",
];

/// Words that end the object of an action: "rolled back v2.3 | at 14:20".
#[rustfmt::skip]
const STOP: &[&str] = &[
    "and", "but", "which", "that", "because", "after", "before", "when", "while", "so", "then",
    "once", "until", "within", "at", "as", "since", "due", "causing", "leading", "resulting",
    "following", "by", "during", "via", "in", "on", "for", "with", "across", "around", "who",
    "where", "if", "without", "instead", "rather", "than", "to", "from", "into",
];
/// Words that may open the object: "failed over | to us-west-2".
const OPENERS: &[&str] = &["to", "from", "back", "over", "off", "out", "up", "down"];
#[rustfmt::skip]
const NOT_DONE: &[&str] = &[
    "will", "would", "should", "could", "must", "plan", "plans", "to", "not", "never", "didn't",
    "don't", "cannot", "can't", "shall", "may", "might", "need", "needs", "unable",
];
/// Investigation verbs worth asking about ("found", "traced"), not "saw".
#[rustfmt::skip]
const INVESTIGATE_VERBS: &[&str] = &[
    "found", "traced", "noticed", "correlated", "bisected", "profiled", "reproduced", "spotted",
    "confirmed", "narrowed", "isolated", "ruled", "inspected", "examined", "diffed", "checked",
    "discovered", "dug", "grepped", "queried", "analysed", "analyzed", "identified",
];
/// A token range.
struct Span {
    first: usize,
    last: usize,
}

/// Things done in an incident that the lexicon does not count as fixes.
#[rustfmt::skip]
const MORE_ACTIONS: &[&str] = &[
    "restored", "cancelled", "canceled", "declared", "paged", "escalated", "reran", "promoted",
    "recycled", "rebooted", "redeployed", "unblocked", "expanded", "provisioned", "reconfigured",
    "cleared", "silenced", "acknowledged", "coordinated", "mitigated", "determined",
];

/// Past tenses of fixing verbs that do not end in "-ed".
const PAST: &[&str] = &["built", "wrote", "rewrote", "rewritten", "shed", "rebuilt"];
/// Words that open a noun phrase.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "its", "their", "this", "that", "these", "those", "all", "every",
    "each", "both", "one", "two", "three", "four", "five", "some", "his", "her", "my",
];
/// Who can be asked "was that you?".
#[rustfmt::skip]
const PEOPLE: &[&str] = &[
    "we", "i", "team", "teams", "engineer", "engineers", "oncall", "sre", "sres", "responder",
    "responders", "commander", "ic", "operator", "operators", "developer", "developers", "admin",
    "admins", "lead", "someone", "staff", "support", "dba", "dbas", "you", "owner", "manager",
    "us", "our", "they",
];
/// Words that open a clause, so the subject starts after them.
#[rustfmt::skip]
const BOUNDARIES: &[&str] = &[
    "and", "then", "at", "by", "after", "when", "while", "before", "because", "since", "as", "if",
    "once", "until", "where", "that", "which", "so", "but",
];
#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "it", "this", "that", "they", "these", "those", "which", "he", "she", "them", "itself",
];
const AUTOMATIC: &[&str] = &["automatically", "automated", "autoscaler", "autoscaling"];

fn words(body: &str, tokens: &[Token], from: usize, to: usize) -> String {
    if from >= to {
        return String::new();
    }
    let raw = &body[tokens[from].start..tokens[to - 1].end];
    raw.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("**", "")
        .replace('`', "")
}

/// Is token `i` part of a name ("v2.3", "us-west-2", "/charge") rather than punctuation?
fn inside_name(tokens: &[Token], i: usize, last: usize) -> bool {
    let t = &tokens[i];
    matches!(t.lower.as_ref(), "-" | "_" | "." | "/" | ":")
        && t.glued
        && i + 1 < last
        && tokens[i + 1].glued
        && tokens[i + 1].kind != TokenKind::Symbol
        && !(t.lower == ":" && tokens[i - 1].kind == TokenKind::Number)
}

/// The object of an action: the words after it, up to a stop.
fn object_after(tokens: &[Token], from: usize, last: usize) -> usize {
    let mut j = from;
    let mut words = 0;
    while j < last && words < 6 {
        let t = &tokens[j];
        let lower = t.lower.as_ref();
        if t.masked {
            j += 1;
            continue;
        }
        if t.kind == TokenKind::Symbol && !inside_name(tokens, j, last) {
            break;
        }
        // A clock time ends it: "at | 14:20".
        if t.kind == TokenKind::Number
            && tokens.get(j + 1).is_some_and(|n| n.lower == ":" && n.glued)
        {
            break;
        }
        if t.is_word() && STOP.contains(&lower) && !(j == from && OPENERS.contains(&lower)) {
            break;
        }
        if t.is_word() || t.kind == TokenKind::Number {
            words += 1;
        }
        j += 1;
    }
    // "the", "a" at the end say nothing.
    while j > from
        && matches!(
            tokens[j - 1].lower.as_ref(),
            "the" | "a" | "an" | "of" | "to"
        )
    {
        j -= 1;
    }
    j
}

impl Found {
    /// Reads one sentence (`tokens[first..last]` of `body`) for actions,
    /// choices and roles. `hits` are the lexicon's hits in it.
    /// Whether the sentence holds a choice the user may have made (it is
    /// then asked about, not put in a field).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn read(
        &mut self,
        tokens: &[Token],
        first: usize,
        last: usize,
        hits: &[Hit],
        body: &str,
        part: Part,
        position: usize,
    ) -> bool {
        let priority = match part {
            Part::Beat(super::Beat::SystemicChange) | Part::Lessons => 1,
            Part::Aside => 2,
            _ => 0,
        };
        let sentence = &tokens[first..last];
        let automatic = sentence
            .iter()
            .any(|t| AUTOMATIC.contains(&t.lower.as_ref()));
        let mut choice = false;
        for hit in hits {
            if tokens[hit.first].masked {
                continue;
            }
            if hit.tags.has(Tag::DecisionVerb) {
                choice = true;
            }
            let named = hit.tags.has(Tag::Alternative) || hit.tags.has(Tag::RoleName);
            let phrase = if named {
                words(body, tokens, hit.first, hit.last).to_lowercase()
            } else {
                String::new()
            };
            let normal = phrase.replace('-', " ");
            // "instead of" in a root cause is how it broke, not a call someone made.
            if CHOICE_WORDS.contains(&normal.as_str())
                && !matches!(part, Part::Beat(super::Beat::RootCause) | Part::Detection)
                && sentence.iter().any(|t| PEOPLE.contains(&t.lower.as_ref()))
            {
                choice = true;
            }
            if hit.tags.has(Tag::RoleName)
                && ROLES.contains(&normal.as_str())
                && !self.roles.contains(&phrase)
            {
                self.roles.push(phrase.clone());
            }
            if (hit.tags.has(Tag::FixAction) || hit.tags.has(Tag::Investigate)) && !automatic {
                let investigates = hit.tags.has(Tag::Investigate);
                let fixes = hit.tags.has(Tag::FixAction);
                self.action(
                    tokens,
                    (first, last),
                    (hit.first, hit.last),
                    (investigates, fixes),
                    body,
                    priority,
                    position,
                );
            }
        }
        // Actions the lexicon does not list as fixes: "restored", "declared".
        if !automatic {
            for i in first..last {
                if MORE_ACTIONS.contains(&tokens[i].lower.as_ref())
                    && !hits.iter().any(|h| {
                        h.first <= i
                            && i < h.last
                            && (h.tags.has(Tag::FixAction) || h.tags.has(Tag::Investigate))
                    })
                {
                    self.action(
                        tokens,
                        (first, last),
                        (i, i + 1),
                        (false, true),
                        body,
                        priority,
                        position,
                    );
                }
            }
        }
        if choice || part == Part::Decision {
            let said = super::clean_sentence(&words(body, tokens, first, last)).unwrap_or_default();
            let quote = super::clip_words(&said, 140);
            if !quote.is_empty() && self.seen.insert(quote.to_lowercase()) {
                let priority = if part == Part::Decision {
                    0
                } else {
                    priority + 1
                };
                self.choices.push((priority, position, quote));
            }
        }
        choice
    }

    #[allow(clippy::too_many_arguments)]
    fn action(
        &mut self,
        tokens: &[Token],
        (first, last): (usize, usize),
        (hit_first, hit_last): (usize, usize),
        (investigates, fixes): (bool, bool),
        body: &str,
        priority: u8,
        position: usize,
    ) {
        let hit = Span {
            first: hit_first,
            last: hit_last,
        };
        let head = tokens[hit.first].lower.as_ref();
        // Done, not planned: a past tense ("rolled back", "found"), not
        // "rollback" or "restart the pods" (a noun, a plan, an order).
        let investigates = investigates && INVESTIGATE_VERBS.contains(&head);
        let fixes = fixes && (head.ends_with("ed") || PAST.contains(&head));
        if !investigates && !fixes {
            return;
        }
        let before = hit.first.saturating_sub(3).max(first);
        if tokens[before..hit.first]
            .iter()
            .any(|t| NOT_DONE.contains(&t.lower.as_ref()))
        {
            return;
        }
        // "rate-limited": the word glued before the verb is part of it.
        let mut verb_start = hit.first;
        if verb_start >= first + 2
            && tokens[verb_start - 1].lower == "-"
            && tokens[verb_start - 1].glued
            && tokens[verb_start].glued
            && tokens[verb_start - 2].is_word()
        {
            verb_start -= 2;
        }
        let verb = words(body, tokens, verb_start, hit.last);
        let multiword = hit.last - hit.first > 1;
        // Adverbs between the subject and the verb: "then", "quickly".
        let mut j = verb_start;
        while j > first
            && (tokens[j - 1].lower.ends_with("ly")
                || matches!(
                    tokens[j - 1].lower.as_ref(),
                    "then"
                        | "also"
                        | "eventually"
                        | "since"
                        | "already"
                        | "now"
                        | "have"
                        | "has"
                        | "had"
                        | "just"
                        | "soon"
                ))
        {
            j -= 1;
        }
        let be = j > first
            && matches!(
                tokens[j - 1].lower.as_ref(),
                "was" | "were" | "been" | "got" | "is" | "are" | "being"
            );
        let mut subject_end = if be { j - 1 } else { j };
        // "a sonnet has been discovered": the auxiliary is no part of the subject.
        while subject_end > first
            && matches!(
                tokens[subject_end - 1].lower.as_ref(),
                "has" | "have" | "had" | "was" | "were" | "is" | "are"
            )
        {
            subject_end -= 1;
        }
        // The subject: back to the start of the clause.
        let mut k = subject_end;
        while k > first {
            let t = &tokens[k - 1];
            let boundary = (t.kind == TokenKind::Symbol && !inside_name(tokens, k - 1, last))
                || (t.kind == TokenKind::Number
                    && !(t.glued && k >= first + 2 && inside_name(tokens, k - 2, last)))
                || BOUNDARIES.contains(&t.lower.as_ref());
            if boundary {
                break;
            }
            k -= 1;
        }
        let opens_sentence = tokens[first..k].iter().all(|t| {
            t.kind != TokenKind::Word
                || matches!(t.lower.as_ref(), "utc" | "gmt" | "at" | "am" | "pm")
        });
        let subject_tokens = &tokens[k..subject_end];
        let subject = words(body, tokens, k, subject_end);
        let lower_subject = subject.to_lowercase();
        let person = subject_tokens
            .iter()
            .any(|t| PEOPLE.contains(&t.lower.as_ref()))
            || lower_subject.contains("on-call")
            || lower_subject.contains("on call");
        let end = object_after(tokens, hit.last, last);
        let object = words(body, tokens, hit.last, end);
        let next_is_object = tokens.get(hit.last).is_some_and(|t| {
            hit.last < last
                && t.kind != TokenKind::Symbol
                && !(t.is_word() && STOP.contains(&t.lower.as_ref()))
        });
        let opener = tokens
            .get(hit.last)
            .is_some_and(|t| hit.last < last && OPENERS.contains(&t.lower.as_ref()));
        // Passive, or a headline without "was" ("Proxy quota raised"):
        // the subject is what was acted on.
        let passive = be || (!subject.is_empty() && !person && !next_is_object);
        let phrase = if passive {
            let n = subject.split_whitespace().count();
            if n == 0 || n > 6 || person || PRONOUNS.contains(&subject.to_lowercase().as_str()) {
                return;
            }
            let subject = lower_first(&subject);
            if opener && !object.is_empty() {
                format!("{verb} {subject} {object}")
            } else {
                format!("{verb} {subject}")
            }
        } else {
            // A thing did it ("the resize replaced ..."), or no one is named
            // in the middle of a sentence: no one to ask about.
            if subject.is_empty() && !opens_sentence {
                return;
            }
            // "Raised the quota", "Rolled back v4.0": a note of what was
            // done. "Pinned trust stores need ..." opens with an adjective.
            if subject.is_empty()
                && !tokens.get(hit.last).is_some_and(|t| {
                    hit.last < last
                        && (DETERMINERS.contains(&t.lower.as_ref())
                            || OPENERS.contains(&t.lower.as_ref())
                            || t.kind == TokenKind::Number
                            || body[t.start..t.end]
                                .chars()
                                .any(|c| c.is_ascii_digit() || c.is_uppercase()))
                })
                && !multiword
            {
                return;
            }
            if !subject.is_empty() && !person {
                return;
            }
            if (object.is_empty() && !multiword)
                || PRONOUNS.contains(&object.to_lowercase().as_str())
            {
                return;
            }
            if object.is_empty() {
                verb.clone()
            } else {
                format!("{verb} {object}")
            }
        };
        let phrase = lower_first(&phrase);
        // One question an action: "drained one node" and "drained node" ask the same.
        let rest = phrase.get(verb.len()..).unwrap_or("").to_lowercase();
        let thing = rest
            .split_whitespace()
            .find(|w| !DETERMINERS.contains(w) && !w.chars().all(|c| c.is_ascii_digit()))
            .unwrap_or("");
        if self.seen.insert(format!("{} {thing}", head)) {
            self.actions.push((priority, position, phrase));
        }
    }

    /// The questions, most useful first.
    pub(super) fn claims(&self, story: &Story, timeline: Option<&Timeline>) -> Vec<String> {
        let mut out = Vec::new();
        let mut actions = self.actions.clone();
        actions.sort();
        for (_, _, phrase) in actions.iter().take(MAX_ACTIONS) {
            out.push(format!("Who {phrase}? Was that you?"));
        }
        let mut choices = self.choices.clone();
        choices.sort();
        for (_, _, quote) in choices.iter().take(MAX_CHOICES) {
            out.push(format!(
                "The document mentions: \u{201c}{quote}\u{201d} — was that your call, and why?"
            ));
        }
        if !self.roles.is_empty() {
            let named: Vec<String> = self
                .roles
                .iter()
                .take(4)
                .map(|r| format!("the {r}"))
                .collect();
            out.push(format!(
                "The document names {} — were you one of them? Say which in My role, and what you did.",
                named.join(", ")
            ));
        }
        if actions.is_empty() && choices.is_empty() {
            out.push(
                "The document names no one's actions: what did you do during this incident, and which call was yours?"
                    .to_string(),
            );
        }
        if !story.root_cause.is_empty() {
            out.push(
                "How was the root cause found — which graph, log or tool showed it? If you found it, say how."
                    .to_string(),
            );
        }
        if timeline.is_some() && !story.metrics.is_empty() {
            let befores: Vec<String> = story
                .metrics
                .iter()
                .map(|m| {
                    let value = m.before.split(" (").next().unwrap_or(&m.before);
                    format!(
                        "{} {value}",
                        m.name.split(" (").next().unwrap_or(&m.name).to_lowercase()
                    )
                })
                .collect();
            out.push(format!(
                "The timeline gives the before-values ({}). What are they now, after the changes? Add each after-value.",
                befores.join(", ")
            ));
        }
        out
    }
}

fn lower_first(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    let mut chars = text.chars();
    match chars.next() {
        // "Rolled back" opens a sentence; "DNS" and "CoreDNS" stay as they are.
        Some(c)
            if c.is_uppercase()
                && first_word.chars().skip(1).all(|c| !c.is_uppercase())
                && first_word.chars().count() > 1 =>
        {
            c.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}
