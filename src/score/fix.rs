//! Fix: the concrete change that resolved it and the specific cause, then
//! how the root cause was found (the interviewer's first drill-down) and
//! technical precision, as the rubric counts them. Naming technology is not a
//! fix, and "fixed the problem" earns one point wherever it stands.

use std::collections::BTreeSet;

use super::analysis::{Analysis, Field, negated_before, sentence_is_first_person};
use super::lexicon::{Hit, Tag, fix_verb_in_present};
use super::quantity::Dim;
use super::text::{Sentence, TokenKind};
use super::{DimensionScore, Evidence, Rule};

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
        // A straight quote glued to the word before it closes a quote: it
        // opens none (`mode("overwrite").partitionBy("dt")`), as a curly one
        // would not.
        let closes = t.glued
            && offset > 0
            && matches!(tokens[offset - 1].kind, TokenKind::Word | TokenKind::Number);
        // A right single quote opening a phrase ("showed ’bad signature’")
        // is what naive smart quoting makes of a straight one.
        if t.kind == TokenKind::Symbol
            && !closes
            && matches!(raw, "'" | "\"" | "`" | "“" | "‘" | "’")
        {
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

/// Technology words too general to make a change concrete.
const GENERIC_TECH: &[&str] = &[
    "service",
    "server",
    "servers",
    "release",
    "config",
    "configuration",
    "api",
    "version",
    "build",
    "job",
    "pipeline",
    "commit",
    "host",
    "hosts",
    "instance",
    "instances",
    "logs",
    "log",
    "network",
    "database",
    "db",
    "storage",
    "application",
    "app",
    "system",
    "code",
    "deploy",
    "deployment",
    "rollout",
    "binary",
    "image",
    "change",
];

/// Fix words that say nothing of what was done.
const EMPTY_FIX: &[&str] = &[
    "fixed",
    "resolved",
    "solved",
    "addressed",
    "handled",
    "mitigated",
];

/// A named version, a quoted message, a setting and its value: precision.
fn precise(f: &Field, s: &Sentence) -> Option<Evidence> {
    if let Some((first, last)) = code_like(f, s) {
        return Some(f.evidence(
            first,
            last,
            Rule::Specifics,
            "an exact name or message".into(),
        ));
    }
    // v41, 1.2.3, 14.2: a version glued to a letter or with two dots.
    for i in s.first..s.last {
        let raw = &f.text[f.tokens[i].start..f.tokens[i].end];
        let version =
            raw.len() >= 2 && raw.starts_with('v') && raw[1..].chars().all(|c| c.is_ascii_digit());
        if version {
            return Some(f.evidence(i, i + 1, Rule::Specifics, "a named version".into()));
        }
    }
    let tech: Vec<_> = f
        .hits_in(s)
        .iter()
        .filter(|h| h.tags.has(Tag::Tech))
        .collect();
    let q = f.quantities_in(s).iter().find(|q| {
        q.dim == Dim::Bytes
            || tech.iter().any(|h| {
                (h.first < q.last && h.last >= q.last)
                    || (h.last <= q.first && h.last + 3 >= q.first)
            })
    })?;
    Some(f.evidence_span(
        q.start,
        q.end,
        Rule::Specifics,
        "a concrete setting or size".into(),
    ))
}

/// A form of "to be" right before token `i`: "are issued", "was restarted".
fn passive_before(f: &Field, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|k| {
        f.tokens[k].sentence == f.tokens[i].sentence
            && matches!(
                f.tokens[k].lower.as_ref(),
                "is" | "are" | "was" | "were" | "be" | "been" | "being" | "get" | "gets"
            )
    })
}

/// Verbs after "I" that find, tell or coordinate rather than change anything.
const NOT_A_CHANGE: &[&str] = &[
    "found",
    "checked",
    "confirmed",
    "noticed",
    "saw",
    "looked",
    "traced",
    "compared",
    "pulled",
    "queried",
    "suspected",
    "asked",
    "told",
    "called",
    "paged",
    "declared",
    "led",
    "was",
    "had",
    "joined",
    "opened",
    "watched",
    "waited",
    "needed",
    "wanted",
    "learned",
    "realised",
    "realized",
    "verified",
    "assigned",
    "escalated",
    "noted",
    "posted",
    "wrote",
    "spent",
    "started",
    "tried",
    "decided",
    "took",
    "got",
    "thought",
    "knew",
    "used",
];

/// Whether the word ending before token `i` goes on with a hyphen into
/// another word: "split-brain", "restart-loop".
fn hyphenated(f: &Field, i: usize) -> bool {
    matches!(
        (f.tokens.get(i), f.tokens.get(i + 1)),
        (Some(dash), Some(next)) if dash.lower == "-" && dash.glued && next.glued && next.is_word()
    )
}

/// "I flipped the kill switch", "we drained the node": the speaker's own
/// action, a change when it is not looking, telling or coordinating.
fn own_change(f: &Field, s: &Sentence) -> Option<(usize, usize, String)> {
    (s.first..s.last.saturating_sub(1)).find_map(|i| {
        let t = &f.tokens[i];
        // "The team I think handled it": the "I" of a hedge is nobody acting.
        if t.masked || !matches!(t.lower.as_ref(), "i" | "we") {
            return None;
        }
        // A hedge between them ("I basically judged") is not said: the
        // verb is the next word that counts.
        let at = (i + 1..s.last).find(|&k| !f.tokens[k].masked)?;
        let v = &f.tokens[at];
        let verb = v.lower.as_ref();
        (v.is_word()
            && ((verb.len() > 4 && verb.ends_with("ed")) || fix_verb_in_present(verb))
            && !NOT_A_CHANGE.contains(&verb)
            && !negated_before(f, at, 3))
        .then(|| (i, at + 1, verb.to_string()))
    })
}

/// Distinct specific technical names in a sentence.
fn specific_tech(f: &Field, s: &Sentence) -> Vec<String> {
    f.hits_in(s)
        .iter()
        .filter(|h| h.tags.has(Tag::Tech))
        .map(|h| f.phrase(*h))
        .filter(|p| !GENERIC_TECH.contains(&p.as_str()))
        .collect()
}

/// The first specific technical name in a sentence, as its hit.
fn first_specific_tech(f: &Field, s: &Sentence) -> Option<Hit> {
    f.hits_in(s)
        .iter()
        .copied()
        .find(|h| h.tags.has(Tag::Tech) && !GENERIC_TECH.contains(&f.phrase(*h).as_str()))
}

/// In the story's root-cause field, a sentence naming a specific component
/// tells the cause ("pg_locks showed API queries waiting on the locks the
/// job held"); in the fix's own field or section, one that says why ("...
/// in a single transaction, so transactions held row locks for minutes").
/// The component or exact name given, as the words that earned it.
fn told_as_cause(f: &Field, s: &Sentence) -> Option<(usize, usize, String)> {
    let why = || {
        f.tokens[s.first..s.last].iter().any(|t| {
            !t.masked
                && matches!(
                    t.lower.as_ref(),
                    "so" | "because" | "which" | "since" | "meant" | "means" | "treats"
                )
        })
    };
    let told = match f.beat {
        Some("root_cause") => true,
        Some("fix") => why(),
        _ => false,
    };
    if !told {
        return None;
    }
    // An exact name ("pg_stat_activity") before a kind of thing ("the job").
    code_like(f, s)
        .map(|(first, last)| {
            let words = f.text[f.tokens[first].start..f.tokens[last - 1].end].to_string();
            (first, last, words)
        })
        .or_else(|| first_specific_tech(f, s).map(|h| (h.first, h.last, f.phrase(h))))
        .or_else(|| {
            // A root-cause field that says it in a full sentence ("Profiling
            // the pipeline steps showed most of the time went to integration
            // tests") tells the cause even without a component's name.
            let words = f.tokens[s.first..s.last]
                .iter()
                .filter(|t| t.is_word() && !t.masked)
                .count();
            (f.beat == Some("root_cause") && words >= 10).then(|| {
                let last = (s.first + 6).min(s.last);
                let said = f.text[f.tokens[s.first].start..f.tokens[last - 1].end].to_string();
                (s.first, last, format!("{said} ..."))
            })
        })
}

pub fn score(a: &Analysis) -> DimensionScore {
    let mut d = DimensionScore::default();
    let sentences: Vec<_> = a.sentences().collect();

    // The change: a fix verb; concrete when its sentence names something specific.
    let mut generic_change = None;
    let mut empty_change = None;
    let mut concrete_change = None;
    // The speaker's own sentences first: "a clean-up deleted the record" is
    // the failure, "I recreated the record" the fix.
    // Someone tells what they did: "I" or "we" acting, not "how I'd approach it".
    let speaker = sentences.iter().any(|&(f, s)| {
        f.tokens[s.first..s.last]
            .iter()
            .any(|t| matches!(t.lower.as_ref(), "i" | "we" | "i've" | "we've"))
    });
    let mut ordered: Vec<_> = sentences.clone();
    ordered.sort_by_key(|&(f, s)| {
        !super::analysis::sentence_is_first_person(f, s)
            && !f.tokens[s.first..s.last].iter().any(|t| t.lower == "we")
    });
    for &(f, s) in &ordered {
        let home = f.beat == Some("fix");
        let w: Vec<&str> = f.tokens[s.first..s.last]
            .iter()
            .map(|t| t.lower.as_ref())
            .collect();
        // Someone did it: "I", "we", the team — or a note line of the speaker's
        // ("Rebuilding the bundle fixed it"). General advice ("tune
        // max_standby_streaming_delay") fixed nothing.
        // A list item that opens with a past-tense verb is a note of the
        // speaker's even in notes with no "I" at all: "- Rolled back the config".
        let note = super::speaker::line_start(f, s) > s.first
            && f.tokens[s.first].lower.len() == 1
            && w.get(1).is_some_and(|x| x.len() > 4 && x.ends_with("ed"));
        let done_by_someone = home
            || note
            || (speaker
                && (w
                    .iter()
                    .any(|x| matches!(*x, "i" | "we" | "my" | "our" | "team" | "they"))
                    || w.first()
                        .is_some_and(|x| x.ends_with("ing") || x.ends_with("ed"))));
        // What changed for good afterwards is the systemic change, not the fix.
        // ("For the fix I moved the schedule to UTC, so it now runs at 01:30
        // UTC all year": the fix, with what it makes true after "so".)
        let named_the_fix = w
            .windows(2)
            .any(|p| matches!(p[0], "the" | "a") && p[1] == "fix");
        let until_so = w
            .iter()
            .position(|x| matches!(*x, "so" | "which"))
            .unwrap_or(w.len());
        let lasting = !home
            && !named_the_fix
            && w[..until_so].iter().any(|x| {
                matches!(
                    *x,
                    "afterwards"
                        | "afterward"
                        | "since"
                        | "now"
                        | "forward"
                        | "follow"
                        | "permanently"
                        | "later"
                )
            });
        // Words after "so" or "because" give a purpose ("so that our side
        // would always close first"), not another option.
        let purpose = w
            .iter()
            .position(|x| matches!(*x, "so" | "because"))
            .unwrap_or(w.len());
        // An option weighed ("I can roll the rotation back, which means
        // re-issuing every certificate") is not the change made.
        let weighing = !home
            && w[..purpose].iter().any(|x| {
                matches!(
                    *x,
                    "could" | "can" | "whether" | "option" | "options" | "would" | "either"
                )
            });
        // "..., so I switched on the origin shield": after the options, the
        // course taken.
        let taken = weighing
            .then(|| {
                (s.first..s.last.saturating_sub(1)).rev().find(|&i| {
                    matches!(f.tokens[i].lower.as_ref(), "so" | "instead")
                        && matches!(f.tokens[i + 1].lower.as_ref(), "i" | "we")
                })
            })
            .flatten();
        if !done_by_someone || lasting || (weighing && taken.is_none()) {
            continue;
        }
        let from = taken.unwrap_or(s.first);
        let found = f
            .hits_in(s)
            .iter()
            .copied()
            .find(|h| {
                h.first >= from
                    && h.tags.has(Tag::FixAction)
                    && !negated_before(f, h.first, 3)
                    // "before any certificates are issued": a description, not an act.
                    && (home || !passive_before(f, h.first))
                    // "a split-brain", "a restart-loop": a name, not an act.
                    && !hyphenated(f, h.last)
            })
            .map(|h| (h.first, h.last, f.phrase(h)))
            .or_else(|| own_change(f, s).filter(|c| c.0 >= from));
        let Some((first, last, phrase)) = found else {
            continue;
        };
        // In the fix's own field or section, a figure makes the change
        // concrete too ("split the test suite into 8 parallel shards"); a
        // quoted name ("the 'verify later' flag") already does, as code.
        let concrete = !specific_tech(f, s).is_empty()
            || code_like(f, s).is_some()
            || (home && !f.quantities_in(s).is_empty());
        let e = |why: String| f.evidence(first, last, Rule::ConcreteChange, why);
        if concrete && !EMPTY_FIX.contains(&phrase.as_str()) {
            concrete_change = Some(e(format!("the concrete change ({phrase})")));
            break;
        } else if EMPTY_FIX.contains(&phrase.as_str()) {
            empty_change.get_or_insert_with(|| e(format!("says it was fixed ({phrase}), not how")));
        } else {
            generic_change.get_or_insert_with(|| e(format!("a generic action ({phrase})")));
        }
    }
    // A structured story's fix field is the fix: named components there are
    // the change even without a verb ("a verifier that compared checksums").
    if concrete_change.is_none() {
        concrete_change = sentences.iter().find_map(|&(f, s)| {
            if f.beat != Some("fix") {
                return None;
            }
            let hit = first_specific_tech(f, s)?;
            (specific_tech(f, s).len() >= 2 || code_like(f, s).is_some()).then(|| {
                f.evidence(
                    hit.first,
                    hit.last,
                    Rule::ConcreteChange,
                    format!("the change, in the fix's own words ({})", f.phrase(hit)),
                )
            })
        });
    }
    // "went back to normal", "recovered": it ended, no fix named.
    let ended = sentences.iter().find_map(|&(f, s)| {
        let i = (s.first..s.last).find(|&i| {
            matches!(
                f.tokens[i].lower.as_ref(),
                "normal" | "recovered" | "stabilised" | "stabilized" | "resolved"
            )
        })?;
        Some(f.evidence(
            i,
            i + 1,
            Rule::ConcreteChange,
            "says it ended, not how".into(),
        ))
    });

    // The cause: what broke and why; specific when it names the component.
    let mut vague_cause = None;
    let mut cause = None;
    for &(f, s) in &sentences {
        // A failure named with its component, or a reason given for it, is
        // a cause too ("the renewal job had been failing", "the pods were
        // throttled because the quota was 500m").
        let hit = f
            .find(s, Tag::Mechanism)
            .or_else(|| f.find(s, Tag::Reason))
            .or_else(|| f.find(s, Tag::Failure))
            .map(|h| (h.first, h.last, f.phrase(h)))
            .or_else(|| told_as_cause(f, s));
        let Some((first, last, phrase)) = hit else {
            continue;
        };
        let e = f.evidence(
            first,
            last,
            Rule::Mechanism,
            format!("what broke and why ({phrase})"),
        );
        // A root-cause field that shows how it was seen, or measures it
        // ("Profiling the pipeline steps showed most of the time went to
        // integration tests"), is specific without a component's name.
        let shown = f.beat == Some("root_cause")
            && (f.find(s, Tag::Investigate).is_some() || !f.quantities_in(s).is_empty());
        if !specific_tech(f, s).is_empty() || code_like(f, s).is_some() || shown {
            cause = Some(e);
            break;
        }
        vague_cause.get_or_insert(e);
    }
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
    let exact = a.first(precise);

    d.score = match (&concrete_change, &generic_change, &cause) {
        (Some(_), _, Some(_)) => 3 + u8::from(found.is_some()) + u8::from(exact.is_some()),
        (Some(_), _, None) => 2,
        (None, Some(_), Some(_)) => 2,
        (None, Some(_), None) if vague_cause.is_some() => 2,
        _ if generic_change.is_some()
            || empty_change.is_some()
            || ended.is_some()
            || cause.is_some() =>
        {
            1
        }
        _ => 0,
    };
    for e in [
        &concrete_change,
        &generic_change.clone().filter(|_| concrete_change.is_none()),
        &empty_change.clone().filter(|_| d.score <= 1),
        &ended
            .clone()
            .filter(|_| d.score == 1 && empty_change.is_none()),
        &cause
            .clone()
            .or(vague_cause.clone())
            .filter(|_| d.score > 0),
        &found.clone().filter(|_| d.score >= 3),
        &exact.clone().filter(|_| d.score >= 3),
    ]
    .into_iter()
    .flatten()
    {
        d.evidence.push(e.clone());
    }

    let tips = [
        (
            concrete_change.is_none(),
            "Say the concrete change you made: \"I rolled back to v41 and capped the deployment at 36 pods\".",
        ),
        (
            cause.is_none(),
            "Name the specific cause: what ran out or broke, and why (\"the pool of 50 per pod times 64 pods exceeded max_connections\").",
        ),
        (
            found.is_none(),
            "Say how you found the root cause: which graph, log or tool, and what it showed.",
        ),
        (
            exact.is_none(),
            "Give one exact detail: a config key, an error message, a version, a setting and its value.",
        ),
    ];
    for (missing, tip) in tips {
        if missing {
            d.missing(tip);
        }
    }
    d
}
