//! Numbers: results before and after, as the rubric counts them. A figure
//! of how bad the incident was is not a result; neither is a setting changed
//! as part of the fix ("pool 200 -> 20") nor a pair that got worse. Two
//! improved pairs with units score highest; the change is worked out where
//! the units agree.

use std::collections::HashSet;

use super::analysis::{Analysis, Field, FieldKind};
use super::lexicon::Tag;
use super::quantity::{Dim, Quantity, describe_change, number_word};
use super::systemic_change::{BULLETS, since_is_time};
use super::text::{Sentence, Token, TokenKind, written_as_code};
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
            // "climbed from like 20% to 85%", said aloud.
            | "like"
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

/// The figures of a metric line, "NAME: BEFORE -> AFTER": the first on
/// each side of the arrow ("3 in the prior year -> 0 in the 12 months
/// since"), either missing when its side has none ("not measured"). `None`
/// for a field that is no metric line or has no arrow.
fn metric_sides<'q>(f: &'q Field<'_>) -> Option<(Option<&'q Quantity>, Option<&'q Quantity>)> {
    if f.kind != FieldKind::Metric {
        return None;
    }
    let arrow = f.tokens.iter().rposition(|t| t.lower == "->")?;
    let colon = f.tokens[..arrow]
        .iter()
        .rposition(|t| t.lower == ":")
        .map_or(0, |c| c + 1);
    let before = f
        .quantities
        .iter()
        .find(|q| q.first >= colon && q.last <= arrow);
    let after = f.quantities.iter().find(|q| q.first > arrow);
    Some((before, after))
}

pub(crate) fn pairs_in<'q>(f: &'q Field<'_>) -> Vec<Pair<'q>> {
    let mut pairs = Vec::new();
    if f.kind == FieldKind::Metric {
        if let Some((Some(before), Some(after))) = metric_sides(f) {
            pairs.push(Pair { before, after });
        }
        return pairs;
    }
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
                // "from roughly 2,400 on that first incident to about 900":
                // a few words may say where the first figure stood.
                let is_to =
                    |k: &usize| f.tokens[*k].lower == "to" && f.tokens[*k].sentence == t.sentence;
                let end = f.tokens.len();
                let to = (before.last..(before.last + 4).min(end))
                    .find(is_to)
                    .or_else(|| {
                        (before.last..(before.last + 6).min(end))
                            .take_while(|&k| f.tokens[k].kind != TokenKind::Number)
                            .find(is_to)
                    });
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
                // "48 min (2021, manual) → 31 s": the aside is skipped.
                let end = match i.checked_sub(1).map(|k| f.tokens[k].lower.as_ref()) {
                    Some(")") => (i.saturating_sub(8)..i)
                        .rev()
                        .find(|&k| f.tokens[k].lower == "(")
                        .unwrap_or(i),
                    _ => i,
                };
                let before = ending_before(f, end, 2);
                let after = quantity_after(f, i + 1, 1);
                if let (Some(before), Some(after)) = (before, after) {
                    pairs.push(Pair { before, after });
                }
            }
            // "under 10 minutes instead of about 3 hours", "30% against 95%
            // before", "140 vs 497": the result first, then what it replaced.
            "instead" | "against" | "vs" | "versus" | "compared" => {
                let skip = match t.lower.as_ref() {
                    "instead" if f.tokens.get(i + 1).is_some_and(|n| n.lower == "of") => 2,
                    "compared"
                        if f.tokens
                            .get(i + 1)
                            .is_some_and(|n| matches!(n.lower.as_ref(), "with" | "to")) =>
                    {
                        2
                    }
                    "instead" | "compared" => continue,
                    _ => 1,
                };
                // "30 scaling changes a day, against roughly 400": a figure's
                // noun may stand between it and the word.
                let after = ending_before(f, i, 3).or_else(|| {
                    // "detection took under 3 minutes via the agent-restart
                    // alert, against 21 minutes": or where it was measured.
                    ending_before(f, i, 9).filter(|q| {
                        f.tokens[q.last..i]
                            .iter()
                            .all(|t| t.kind != TokenKind::Number && t.sentence == q_sentence(f, q))
                    })
                });
                // "against an average of about 40 minutes in the year before".
                // Not after "instead of": "a 250 GB volume instead of the
                // 100 GB" sizes a setting. Not "against our usual 99%": the
                // harm told against what is normal.
                let said_of = if t.lower == "instead" {
                    0
                } else {
                    f.tokens[(i + skip).min(f.tokens.len())..]
                        .iter()
                        .take(4)
                        .take_while(|n| {
                            matches!(
                                n.lower.as_ref(),
                                "a" | "an" | "the" | "our" | "average" | "median" | "mean" | "of"
                            )
                        })
                        .count()
                };
                let before = quantity_after(f, i + skip + said_of, 2);
                // "took 50 minutes to inventory and 7 hours to patch, against
                // 5 hours and 19 hours this time": two results, then what
                // each replaced, in the same order.
                if let (Some(before), Some(after)) = (before, after)
                    && let Some((first, second)) = told_in_order(f, after, before)
                {
                    pairs.extend([first, second]);
                    continue;
                }
                if let (Some(before), Some(after)) = (before, after)
                    && f.tokens[after.first].sentence == t.sentence
                    && before.comparable(after)
                {
                    pairs.push(Pair { before, after });
                }
            }
            // "310 GB, where it used to be 1.6 TB"; "failover used to take
            // about four minutes; in the last three drills it took 40 seconds".
            "used" if f.tokens.get(i + 1).is_some_and(|n| n.lower == "to") => {
                pairs.extend(told_against_the_old(f, i, next_quantity(f, i + 2, 6)));
            }
            // "zero failed logins, before it was 100%", "flat at 180 MB, where
            // before it climbed to 1 GB", "before it was 25 pages a week, now 5".
            "before" if before_opens_a_state(f, i) => {
                pairs.extend(told_against_the_old(f, i, next_quantity(f, i + 1, 8)));
            }
            // "The first drill took 3 h 10 m; ... the last one took 48 minutes."
            "first" => pairs.extend(first_then_last(f, i)),
            // "8%, down from 67%"
            "down" | "up" => {
                if f.tokens.get(i + 1).is_none_or(|n| n.lower != "from") {
                    continue;
                }
                let before = quantity_after(f, i + 2, 1);
                // "errors lasted ~15 s on all four services, down from 20
                // minutes": the figure on the same scale, a few words back.
                let same_scale = |q: &&Quantity| before.is_none_or(|b| b.comparable(q));
                let after = ending_before(f, i, 3).filter(same_scale).or_else(|| {
                    f.quantities
                        .iter()
                        .rev()
                        .filter(|q| q.last <= i && q.last + 10 >= i)
                        .filter(|q| q_sentence(f, q) == t.sentence)
                        .find(same_scale)
                });
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

/// Two results joined by "and", then the two figures they replaced joined
/// by "and" (`last_after` ends the first pair of figures, `first_before`
/// opens the second): each result pairs with the figure in its place.
fn told_in_order<'q>(
    f: &'q Field<'_>,
    last_after: &'q Quantity,
    first_before: &'q Quantity,
) -> Option<(Pair<'q>, Pair<'q>)> {
    let sentence = q_sentence(f, last_after);
    let at = f
        .quantities
        .iter()
        .position(|q| std::ptr::eq(q, last_after))?;
    let first_after = f.quantities[..at]
        .last()
        .filter(|q| q_sentence(f, q) == sentence)?;
    let at = f
        .quantities
        .iter()
        .position(|q| std::ptr::eq(q, first_before))?;
    let last_before = f
        .quantities
        .get(at + 1)
        .filter(|q| q_sentence(f, q) == sentence)?;
    let joined = |a: &Quantity, b: &Quantity| {
        b.first > a.last
            && b.first - a.last <= 6
            && f.tokens[a.last..b.first].iter().any(|t| t.lower == "and")
            && !f.tokens[a.last..b.first]
                .iter()
                .any(|t| t.kind == TokenKind::Number)
    };
    (joined(first_after, last_after)
        && joined(first_before, last_before)
        && first_before.comparable(first_after)
        && last_before.comparable(last_after))
    .then_some((
        Pair {
            before: first_before,
            after: first_after,
        },
        Pair {
            before: last_before,
            after: last_after,
        },
    ))
}

/// The figure `q` opens with, as written ("60" of "60 minutes").
fn leading_figure<'t>(f: &Field<'t>, q: &Quantity) -> &'t str {
    let text = &f.text[q.start..q.end];
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(text.len());
    &text[..end]
}

/// The sentence of quantity `q`'s first token.
fn q_sentence(f: &Field, q: &Quantity) -> usize {
    f.tokens[q.first].sentence
}

/// "The first drill took 3 h 10 m; ... the last one took 48 minutes", "the
/// first run took 68 minutes; ... it's about 40": a figure of the first run
/// of something, then a figure on the same scale of the last, latest or
/// present one, in the same sentence or the next, when it went the right
/// way. `word` is the token of "first".
fn first_then_last<'q>(f: &'q Field<'_>, word: usize) -> Option<Pair<'q>> {
    let sentence = f.tokens[word].sentence;
    // "the first run took 68 minutes", or "took 11 hours on the first attempt".
    let before = next_quantity(f, word + 1, 6)
        .or_else(|| ending_before(f, word, 4).filter(|q| q_sentence(f, q) == sentence))?;
    let last = (before.last..f.tokens.len())
        .take_while(|&k| f.tokens[k].sentence <= sentence + 1)
        .find(|&k| {
            matches!(
                f.tokens[k].lower.as_ref(),
                "last" | "latest" | "recent" | "now" | "today" | "it's" | "takes" | "runs"
            )
        })?;
    let after = next_quantity(f, last + 1, 6).filter(|q| before.comparable(q))?;
    let pair = Pair { before, after };
    went_the_right_way(f, &pair).then_some(pair)
}

/// The first quantity starting within `reach` tokens from token `i`, in
/// the sentence of token `i`: "used to climb to the 1.5 GiB limit".
fn next_quantity<'q>(f: &'q Field<'_>, i: usize, reach: usize) -> Option<&'q Quantity> {
    let sentence = f.tokens.get(i)?.sentence;
    let at = f.quantities.partition_point(|q| q.first < i);
    f.quantities
        .get(at)
        .filter(|q| q.first <= i + reach && f.tokens[q.first].sentence == sentence)
}

/// "before" at token `i` opens what a figure used to be, a state ("before
/// incident it was around 12 ms", "where before it climbed"), not a time
/// ("at 7 minutes, before the US stage at +10").
fn before_opens_a_state(f: &Field, i: usize) -> bool {
    // "Result: before, the on-call had around 30 pages a week; after, 18".
    f.tokens
        .get(i + 1)
        .is_some_and(|n| matches!(n.lower.as_ref(), "," | ":"))
        || i.checked_sub(1)
            .is_some_and(|k| matches!(f.tokens[k].lower.as_ref(), "where" | "whereas" | "while"))
        || f.tokens.get(i + 1).is_some_and(|n| n.lower == "it")
        || f.tokens[i + 1..f.tokens.len().min(i + 9)]
            .iter()
            .any(|n| matches!(n.lower.as_ref(), "was" | "were" | "had" | "used" | "is"))
}

/// The pair of an old figure `before`, told at token `word` ("used",
/// "before"), and the result said before or after it, when the result went
/// the right way.
fn told_against_the_old<'q>(
    f: &'q Field<'_>,
    word: usize,
    before: Option<&'q Quantity>,
) -> Option<Pair<'q>> {
    let before = before?;
    result_then_before(f, word, before)
        .or_else(|| before_then_result(f, before))
        .filter(|p| went_the_right_way(f, p))
}

/// A result said first, then what it replaced: "310 GB, where it used to
/// be 1.6 TB", "zero failed logins, before it was 100%", "now fails in
/// 0.02 ms; it used to pin a core for 40 seconds". `word` is the token of
/// "used" or "before"; the result ends just before its clause ("where",
/// "whereas", "while", a comma, a semicolon or a dash).
fn result_then_before<'q>(f: &'q Field<'_>, word: usize, before: &'q Quantity) -> Option<Pair<'q>> {
    let sentence = f.tokens[word].sentence;
    let joint = (word.saturating_sub(3)..word).rev().find(|&k| {
        let t = &f.tokens[k];
        matches!(
            t.lower.as_ref(),
            "where" | "whereas" | "while" | "," | ";" | "\u{2014}" | "\u{2013}"
        ) || (t.lower == "-" && !t.glued)
    })?;
    // A semicolon ends the sentence before; the result stands in it.
    let told_in = [sentence, f.tokens[joint].sentence];
    let after = ending_before(f, joint, 4)
        .filter(|q| told_in.contains(&f.tokens[q.first].sentence) && before.comparable(q))?;
    Some(Pair { before, after })
}

/// What it was, then the result, marked as now: "before it was around 25
/// pages per week, now it is maybe 5", "a bad swap used to stay live for
/// over an hour; that one was reverted in under 3 minutes". The result is
/// the first figure on the same scale after a "now" (or a semicolon) in
/// the same sentence, or in the next sentence when it says "now".
fn before_then_result<'q>(f: &'q Field<'_>, before: &'q Quantity) -> Option<Pair<'q>> {
    let sentence = f.tokens[before.first].sentence;
    // The next sentence reads on after a semicolon, or when it says "now".
    let next_reads_on = f
        .sentences
        .get(sentence)
        .is_some_and(|s| f.tokens[s.last - 1].lower == ";")
        || marked_next(f, sentence + 1);
    let mut marked = false;
    for k in before.last..f.tokens.len() {
        let t = &f.tokens[k];
        if t.sentence > sentence + 1 || (t.sentence > sentence && !next_reads_on) {
            return None;
        }
        if t.sentence > sentence
            || matches!(
                t.lower.as_ref(),
                "now" | "today" | "nowadays" | ";" | "after" | "afterwards"
            )
        {
            marked = true;
        }
        if let Some(q) = starting_at(f, k)
            && marked
            && before.comparable(q)
        {
            // "35 to 40 seconds": a bare figure takes the unit of the one
            // on the same scale that follows it in the sentence.
            let same_scale = f.quantities.iter().find(|r| {
                r.first >= q.first
                    && f.tokens[r.first].sentence == t.sentence
                    && r.dim == before.dim
            });
            let after = match q.dim {
                Dim::Count(None) => same_scale.unwrap_or(q),
                _ => q,
            };
            return Some(Pair { before, after });
        }
    }
    None
}

/// A pair told as what it used to be: when nothing says which way is
/// better, a figure that fell is the result ("the run used to take 2.5
/// hours; by October it took 5" is how bad it got, not a result).
fn went_the_right_way(f: &Field, p: &Pair) -> bool {
    let first = p.before.first.min(p.after.first);
    let s = &f.sentences[f.tokens[first].sentence];
    let (before, after) = comparable_values(p.before, p.after);
    polarity(f, s.first, first) != Better::Unknown || after < before
}

/// Sentence `n` of `f` tells the present: "now", "today", "these days".
fn marked_next(f: &Field, n: usize) -> bool {
    f.sentences.get(n).is_some_and(|s| {
        let w = &f.tokens[s.first..s.last];
        w.iter()
            .any(|t| matches!(t.lower.as_ref(), "now" | "today" | "nowadays"))
            || w.windows(2)
                .any(|p| p[0].lower == "these" && p[1].lower == "days")
    })
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

/// Which way is better for the figure a pair measures, read from the words
/// before it in its sentence (or the metric's name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Better {
    Lower,
    Higher,
    Unknown,
}

fn polarity_of_word(word: &str) -> Better {
    match word {
        "error" | "errors" | "latency" | "p99" | "p95" | "p50" | "p999" | "time" | "mttr"
        | "mttd" | "mtta" | "mttm" | "page" | "pages" | "paging" | "alerts" | "alert" | "false"
        | "incident" | "incidents" | "cost" | "costs" | "bill" | "spend" | "spending" | "toil"
        | "failure" | "failures" | "failed" | "tickets" | "lag" | "backlog" | "downtime"
        | "outage" | "outages" | "restarts" | "rollbacks" | "escalations" | "noise" | "5xx"
        | "timeouts" | "duration" | "minutes" | "hours" | "wait" | "queue" | "churn"
        | "complaints" | "crashes" | "ooms" | "evictions" | "retries" | "waste" | "invoice"
        | "interrupts" | "wake" | "wakeups" | "recovery" | "detect" | "resolve" | "rate"
        | "throttled" | "throttling" | "rejected" | "rejections" | "dropped" | "drops"
        | "failovers" | "elections" | "flaps" | "misses" | "violations" | "breaches" | "loss"
        | "lost" | "pause" | "pauses" | "stall" | "stalls" | "jitter" => Better::Lower,
        "availability" | "uptime" | "success" | "coverage" | "throughput" | "frequency"
        | "deploys" | "deployments" | "releases" | "hit" | "satisfaction" | "headroom"
        | "capacity" | "savings" | "saved" | "velocity" | "adoption" => Better::Higher,
        _ => Better::Unknown,
    }
}

/// The polarity of the figure measured in tokens `[from, to)`: the last word
/// with a known polarity wins ("success rate" is higher-better).
fn polarity(f: &Field, from: usize, to: usize) -> Better {
    let mut found = Better::Unknown;
    for (i, t) in f.tokens.iter().enumerate().take(to).skip(from) {
        // "429 responses", "503s": a status code of failure counted.
        if t.kind == TokenKind::Number && http_error_status(&t.lower) {
            found = Better::Lower;
            continue;
        }
        if t.masked || !t.is_word() {
            continue;
        }
        // A metric's name that counts the things with something good
        // ("paging alerts with a runbook") measures coverage; without it
        // ("services without an owner"), a gap.
        if f.kind == FieldKind::Metric {
            let no = f.tokens.get(i + 1).is_some_and(|n| n.lower == "no");
            match t.lower.as_ref() {
                "with" | "having" if !no => {
                    found = Better::Higher;
                    continue;
                }
                "without" | "with" | "lacking" | "missing" => {
                    found = Better::Lower;
                    continue;
                }
                _ => {}
            }
        }
        let p = polarity_of_word(&t.lower);
        // "error rate", "success rate": the noun before "rate" decides.
        if p == Better::Unknown || (t.lower == "rate" && found != Better::Unknown) {
            continue;
        }
        found = p;
    }
    found
}

/// Words that say a figure rose during an incident: "error rate rose from".
const ROSE: &[&str] = &[
    "rose",
    "spiked",
    "jumped",
    "climbed",
    "grew",
    "soared",
    "ballooned",
    "exploded",
    "surged",
    "degraded",
    "worsened",
    "peaked",
    "slowed",
];

/// Words before a pair that make it a setting changed, not a result.
const SETTING_WORDS: &[&str] = &[
    "desired",
    "keepalive",
    "keepalives",
    "hashsize",
    "pool",
    "limit",
    "limits",
    "timeout",
    "size",
    "replicas",
    "ttl",
    "threshold",
    "max",
    "min",
    "maximum",
    "minimum",
    "setting",
    "heap",
    "max_connections",
    "workers",
    "threads",
    "buffer",
    "quota",
    "memory",
    "cpu",
    "retention",
    "interval",
    "window",
    "batch",
    "maxconn",
    "connections",
    "shards",
    "partitions",
    "nodes",
    "fleet",
    "prefetch",
    "burst",
    "pods",
    "instances",
    "concurrency",
    "parallelism",
];

/// Verbs that set a value rather than measure one.
const SET_VERBS: &[&str] = &[
    "set",
    "configure",
    "raise",
    "lower",
    "bump",
    "tune",
    "keep",
    "setting",
    "raising",
    "raised",
    "bumped",
    "bumping",
    "changed",
    "changing",
    "lowered",
    "lowering",
    "scaled",
    "scaling",
    "tuned",
    "resized",
    "configured",
    "patched",
    "tightened",
    "loosened",
];

/// "upgraded the cluster from 1.24 to 1.25", "upgraded Postgres from 13
/// to 15": two versions, not a result. Both figures bare counts, in a
/// sentence about an upgrade or a version: less than one apart with a
/// fraction, or any two told "from ... to" right after "upgraded" (a few
/// words back, the thing upgraded between), not "upgrades went from 2 to 0".
fn versions(f: &Field, s: &Sentence, pair: &Pair) -> bool {
    // "the 1.21 → 1.22 upgrade": the noun after a version is no unit.
    let count = |q: &Quantity| matches!(q.dim, Dim::Count(_));
    let fraction = |q: &Quantity| count(q) && q.value.fract() != 0.0;
    let is_upgrade = |t: &Token| {
        matches!(
            t.lower.as_ref(),
            "upgrade"
                | "upgraded"
                | "upgrading"
                | "upgrades"
                | "version"
                | "versions"
                | "release"
                | "downgrade"
                | "downgraded"
        )
    };
    let near = s.first.max(pair.before.first.saturating_sub(4));
    (fraction(pair.before)
        && fraction(pair.after)
        && (pair.after.value - pair.before.value).abs() < 1.0
        && f.tokens[s.first..s.last].iter().any(is_upgrade))
        || (count(pair.before)
            && count(pair.after)
            && pair.before.first > 0
            && f.tokens[pair.before.first - 1].lower == "from"
            && f.tokens[near..pair.before.first].iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "upgraded" | "upgrading" | "downgraded" | "downgrading"
                )
            })
            // "upgrades went from 2 to 0": a count that moved.
            && !f.tokens[near..pair.before.first].iter().any(|t| {
                ROSE.contains(&t.lower.as_ref())
                    || matches!(
                        t.lower.as_ref(),
                        "went" | "dropped" | "fell" | "cut" | "reduced" | "increased"
                    )
            }))
}

/// "moved from 8% of traffic to 100%", "ramped the canary from 5% to
/// 50%": how far a rollout had gone, a step of the change, not a result.
/// A share that rose: one that fell ("the share of traffic still reaching
/// the old address went 12% → 0.4%") may well be a result.
fn rollout_stage(f: &Field, s: &Sentence, pair: &Pair) -> bool {
    pair.before.dim == Dim::Percent
        && pair.after.dim == Dim::Percent
        && pair.after.value > pair.before.value
        && f.tokens[s.first..s.last].iter().any(|t| {
            matches!(
                t.lower.as_ref(),
                "traffic"
                    | "rollout"
                    | "rolled"
                    | "ramp"
                    | "ramped"
                    | "ramping"
                    | "canary"
                    | "canaries"
                    | "fleet"
            )
        })
}

/// The sentence tells a figure against what is normal: "(≈8× normal)",
/// "four times the usual", not "back to normal".
fn against_normal(f: &Field, s: &Sentence) -> bool {
    (s.first..s.last).any(|i| {
        matches!(f.tokens[i].lower.as_ref(), "normal" | "usual" | "baseline")
            && i.checked_sub(1).is_some_and(|b| {
                let w = f.tokens[b].lower.as_ref();
                matches!(w, "×" | "x" | "times")
                    || (w == "the"
                        && b.checked_sub(1).is_some_and(|c| {
                            matches!(f.tokens[c].lower.as_ref(), "×" | "x" | "times")
                        }))
            })
    })
}

/// Whether the words in `[from, to)` just before a figure name a setting:
/// a setting noun, a name written as code (`max_connections`,
/// `maxThreads`, `spark.executor.memory`), or a verb that sets a value.
fn names_a_setting(f: &Field, from: usize, to: usize) -> bool {
    let lead = &f.tokens[from..to];
    let code_like = |t: &crate::score::text::Token| written_as_code(&f.text[t.start..t.end]);
    just_before(lead).any(code_like)
        || setting_noun_before(lead)
        || lead.iter().any(|t| SET_VERBS.contains(&t.lower.as_ref()))
        || code_name_before(f, from, to)
}

/// A dotted name or a command-line option among the last six tokens of
/// `[from, to)`: "max.poll.interval.ms was standardised from 300000".
fn code_name_before(f: &Field, from: usize, to: usize) -> bool {
    (to.saturating_sub(6).max(from)..to).any(|i| option_or_dotted_name(f, i))
}

/// "raise the Elasticsearch heap from 31 GB to 40 GB": a verb that sets a
/// value in `[from, to)` and a setting's name right before the figure — a
/// setting changed, whatever the sentence says is better.
fn set_on_a_setting(f: &Field, from: usize, to: usize) -> bool {
    let lead = &f.tokens[from..to];
    lead.iter().any(|t| SET_VERBS.contains(&t.lower.as_ref())) && setting_noun_before(lead)
}

/// A setting's noun ([`SETTING_WORDS`]) among the last four words of
/// `lead`, but not one that only says where a figure was measured:
/// "median pod start on new nodes went from 7 minutes to 55 seconds".
fn setting_noun_before(lead: &[Token]) -> bool {
    let words: Vec<&str> = lead
        .iter()
        .map(|t| t.lower.as_ref())
        .filter(|w| *w != "-")
        .collect();
    let n = words.len();
    (n.saturating_sub(4)..n).any(|k| {
        SETTING_WORDS.contains(&words[k])
            && !words[k.saturating_sub(2)..k]
                .iter()
                .any(|w| matches!(*w, "on" | "in" | "across" | "per"))
    })
}

/// The last four words of `lead`, nearest first, where a setting's name
/// stands. "conntrack max-per-core from 32768 to 131072": a hyphen joins a
/// name's words, it is no word of its own.
fn just_before<'l, 't>(lead: &'l [Token<'t>]) -> impl Iterator<Item = &'l Token<'t>> {
    lead.iter().rev().filter(|t| t.lower != "-").take(4)
}

/// Three digits starting with 4 or 5: an HTTP status of failure ("429", "503").
fn http_error_status(word: &str) -> bool {
    word.len() == 3 && word.starts_with(['4', '5']) && word.chars().all(|c| c.is_ascii_digit())
}

/// "pricing started answering 503", "a 502 from the load balancer": an
/// HTTP status, a name of a failure, not a count of anything.
fn status_code(f: &Field, q: &Quantity) -> bool {
    let text = &f.text[q.start..q.end];
    let before = q
        .first
        .checked_sub(1)
        .map_or("", |i| f.tokens[i].lower.as_ref());
    q.dim == Dim::Count(None)
        && http_error_status(text)
        && matches!(
            before,
            "answering"
                | "answered"
                | "returned"
                | "returning"
                | "returns"
                | "return"
                | "http"
                | "status"
                | "code"
                | "with"
                | "threw"
                | "throwing"
                | "serving"
                | "served"
                | "got"
                | "getting"
                | "sent"
                | "sending"
                | "a"
                | "an"
                | "the"
        )
}

/// A figure that is no amount of anything in the incident: an HTTP status
/// ("returning 503s", "429 Too Many Requests"), a version ("our Kubernetes
/// 1.27 clusters"), a setting's value ("maxconn to 10000",
/// "max_user_watches to 8192", "0.85 by default"), "24/7", or "One day"
/// opening a sentence ("One day it was down": once, not a duration).
fn no_amount(f: &Field, q: &Quantity) -> bool {
    let t = &f.tokens;
    let number = t[q.first].lower.as_ref();
    let after = |k: usize| t.get(q.first + k);
    let raw = |x: &Token| &f.text[x.start..x.end];
    let opens = |x: &Token| raw(x).starts_with(|c: char| c.is_uppercase());
    let status = http_error_status(number)
        && (status_code(f, q)
            || after(1).is_some_and(|n| n.glued && n.lower == "s")
            || after(1).is_some_and(|n| !n.glued && n.is_word() && opens(n)));
    let sentence_start = f.sentences[t[q.first].sentence].first;
    let version = raw(&t[q.first]).contains('.')
        && q.first > sentence_start
        && t[q.first - 1].is_word()
        && opens(&t[q.first - 1]);
    // The name right before the value, past "to", "=", "is" and the like.
    let named = t[sentence_start..q.first].iter().rev().find(|x| {
        !matches!(
            x.lower.as_ref(),
            "to" | "=" | ":" | "of" | "at" | "is" | "was" | "from"
        )
    });
    let setting = named
        .is_some_and(|x| written_as_code(raw(x)) || PURE_SETTINGS.contains(&x.lower.as_ref()))
        || code_name_before(f, sentence_start, q.first)
        || (t.get(q.last).is_some_and(|x| x.lower == "by")
            && t.get(q.last + 1).is_some_and(|x| x.lower == "default"));
    let all_week = number == "24"
        && after(1).is_some_and(|n| n.glued && n.lower == "/")
        && after(2).is_some_and(|n| n.glued && n.lower == "7");
    let once = q.first == sentence_start && number == "one" && q.dim == Dim::Duration;
    status || version || setting || all_week || once
}

/// Nouns of values that only configure: a timeout cut from 30 s to 5 s is
/// a setting changed, though a shorter time reads as better.
const PURE_SETTINGS: &[&str] = &[
    "timeout",
    "timeouts",
    "ttl",
    "interval",
    "retention",
    "threshold",
    "quota",
    "limit",
    "limits",
    "max_connections",
    "maxconn",
    "prefetch",
    "concurrency",
    "parallelism",
    "attempts",
    "retries",
];

/// The words in `[from, to)` just before a figure name a value that only
/// configures ([`PURE_SETTINGS`]), not a rate or count that limits hit.
/// Failures counted by a setting's plural are no setting: "DNS timeouts
/// went from 2.4% to 0.003%" measures timeouts, as a share.
fn names_a_pure_setting(f: &Field, from: usize, to: usize, figure: &Quantity) -> bool {
    (from..to).any(|i| {
        let word = f.tokens[i].lower.as_ref();
        let failures =
            matches!(word, "timeouts" | "retries" | "attempts") && figure.dim == Dim::Percent;
        PURE_SETTINGS.contains(&word)
            && !failures
            // "the error rate over the limit": no setting.
            && !f.tokens[i + 1..to].iter().any(|t| t.kind == TokenKind::Number)
    })
}

/// The byte `at` sits in a list item under a line that announces changes
/// made: "- changes I made that night:" over "  - watermark.low 85% →
/// 90%", "Tuned:" over "- ILM delete phase 30d → 14d". Settings, not results.
fn listed_under_changes(f: &Field, at: usize) -> bool {
    let before = &f.text[..at.min(f.text.len())];
    let mut lines = before.rsplit('\n');
    let item = lines.next().unwrap_or("");
    // A list mark, pasted dashes included ("  – watermark.low 85% → 90%").
    let is_item = |line: &str| {
        line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .starts_with(BULLETS)
    };
    if !is_item(item) {
        return false;
    }
    for line in lines {
        if is_item(line) && !line.trim_end().ends_with(':') {
            continue;
        }
        let head = line.trim_end().to_lowercase();
        return head.ends_with(':')
            && head.split(|c: char| !c.is_alphanumeric()).any(|w| {
                matches!(
                    w,
                    "changes" | "changed" | "tuned" | "tuning" | "settings" | "config" | "set"
                )
            });
    }
    false
}

/// Token `i` is the dot inside a dotted name (`net.core.somaxconn`) or the
/// dashes of a command-line option (`--listen`): a setting's name.
fn option_or_dotted_name(f: &Field, i: usize) -> bool {
    let t = &f.tokens;
    let glued_to_next = |k: usize| t.get(k + 1).is_some_and(|n| t[k].end == n.start);
    match t[i].lower.as_ref() {
        "." => {
            i > 0
                && t[i - 1].end == t[i].start
                && t[i - 1].is_word()
                && glued_to_next(i)
                && t[i + 1].is_word()
        }
        "-" => {
            i > 0
                && t[i - 1].lower == "-"
                && t[i - 1].end == t[i].start
                && glued_to_next(i)
                && t[i + 1].is_word()
        }
        _ => false,
    }
}

/// Units that count capacity: "going from 6 to 7 nodes", "from 40 pods to
/// 12" size the system, they measure no result.
const CAPACITY_UNITS: &[&str] = &[
    "node",
    "nodes",
    "replica",
    "replicas",
    "pod",
    "pods",
    "shard",
    "shards",
    "partition",
    "partitions",
    "instance",
    "instances",
    "worker",
    "workers",
    "thread",
    "threads",
    "broker",
    "brokers",
    "server",
    "servers",
    "vms",
    "host",
    "hosts",
    "machines",
    "cores",
    "vcpus",
    "ports",
];

/// The figure `after` counts capacity: its unit, or the word after it, is
/// one of [`CAPACITY_UNITS`].
fn counts_capacity(f: &Field, after: &Quantity) -> bool {
    f.tokens[after.first..(after.last + 1).min(f.tokens.len())]
        .iter()
        .any(|t| CAPACITY_UNITS.contains(&t.lower.as_ref()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PairKind {
    /// A result that improved.
    Result,
    /// How bad it got: a figure that worsened during the incident.
    Impact,
    /// A setting changed as part of the fix ("pool 200 -> 20").
    Setting,
    /// A result foreseen, not measured: "our model shows retries dropping
    /// from 27x to 1.1x", "it will cut p99 from 2 s to 300 ms".
    Foreseen,
}

/// The pair is told as what a forecast or model expects, or what will be:
/// no result yet. Read from the start of its sentence (or metric name) to
/// the pair.
fn foreseen(f: &Field, s: &Sentence, pair: &Pair) -> bool {
    let words: Vec<&str> = f.tokens[s.first..pair.before.first]
        .iter()
        .filter(|t| !t.masked && t.is_word())
        .map(|t| t.lower.as_ref())
        .collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "will"
                | "projected"
                | "projection"
                | "projections"
                | "forecast"
                | "forecasts"
                | "forecasted"
                | "predicted"
                | "predicts"
                | "prediction"
                | "predictions"
                | "modelled"
                | "modeled"
        )
    }) || words
        .windows(2)
        .any(|w| w[0] == "model" && matches!(w[1], "shows" | "says" | "suggests" | "estimates"))
}

fn classify_pair(f: &Field, pair: &Pair) -> PairKind {
    let sentence = f.tokens[pair.before.first].sentence;
    let s = &f.sentences[sentence];
    let from = s.first.max(pair.before.first.saturating_sub(8));
    if foreseen(f, s, pair) {
        return PairKind::Foreseen;
    }
    let (before, after) = comparable_values(pair.before, pair.after);
    let lowered = after < before;
    let raised = after > before;
    // "The remote cache hit rate for CI did drop a bit, from about 78% to
    // 71%": in a sentence with no figure before the pair, what it measures
    // may be named further back.
    let first_figure = !f.tokens[s.first..pair.before.first]
        .iter()
        .any(|t| t.kind == TokenKind::Number);
    let better = if f.kind == FieldKind::Metric || first_figure {
        polarity(f, s.first, pair.before.first)
    } else {
        polarity(f, from, pair.before.first)
    };
    // A config setting: a setting's name right before the pair, or a verb
    // that sets one ("raising maxThreads from 200 to 800", "scaled the
    // fleet down from 12 nodes to 4"), and no measure of outcome.
    // A verb that sets may come further back: "set the us-west-2 member's
    // priority from 1 to 0".
    let set_from = s.first.max(pair.before.first.saturating_sub(12));
    // "The pricing timeout was also dropped from 30s to 5s": a value that
    // only configures, whichever way it moved.
    if names_a_pure_setting(
        f,
        s.first.max(pair.before.first.saturating_sub(6)),
        pair.before.first,
        pair.before,
    ) || set_on_a_setting(f, set_from, pair.before.first)
    {
        return PairKind::Setting;
    }
    if better == Better::Unknown
        && (names_a_setting(f, set_from, pair.before.first)
            || counts_capacity(f, pair.after)
            || listed_under_changes(f, pair.before.start)
            || versions(f, s, pair)
            || rollout_stage(f, s, pair))
    {
        return PairKind::Setting;
    }
    // How bad it got, where the story tells the harm: its impact section
    // ("Impact: errors went from 0 to about 14,000 per hour"), or after the
    // change that started it ("After the 2.14 release, outbound
    // connections went from 300 to 4,000").
    let improved = matches!(
        (better, lowered, raised),
        (Better::Lower, true, _) | (Better::Higher, _, true)
    );
    // Something that was not there at all and then was ("primary changes:
    // 0 → 14 in one hour"), with nothing saying more is better, is harm.
    let from_none = before == 0.0 && raised && better == Better::Unknown;
    // "4k (normal) -> ~19k": a rise from what is normal.
    let from_normal = raised
        && better == Better::Unknown
        && f.tokens[pair.before.last..pair.after.first.max(pair.before.last)]
            .iter()
            .any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "normal" | "usual" | "baseline" | "typical"
                )
            });
    let from_none = from_none || from_normal;
    if !improved && (f.beat == Some("blast_radius") || after_the_change(f, s)) || from_none {
        return PairKind::Impact;
    }
    // "the connection count went 180 → 1,500 (≈8× normal)": a rise told
    // against what is normal is harm.
    if better == Better::Unknown && raised && against_normal(f, s) {
        return PairKind::Impact;
    }
    match better {
        Better::Lower if raised => PairKind::Impact,
        Better::Higher if lowered => PairKind::Impact,
        // "flat at 180 MB, where before it climbed to the 1 GB limit": the
        // rise was the old state; a figure that fell is no harm done.
        Better::Unknown
            if f.kind == FieldKind::Prose
                && !lowered
                && f.tokens[s.first..s.last]
                    .iter()
                    .any(|t| ROSE.contains(&t.lower.as_ref())) =>
        {
            PairKind::Impact
        }
        _ => PairKind::Result,
    }
}

/// Sentence `s` opens after the release that set the incident off: "After
/// the 2.14 release, ...", "After the upgrade ...". Not "since the rollout"
/// or "after the migration", which tell results as often as harm.
fn after_the_change(f: &Field, s: &Sentence) -> bool {
    let opening = opening_words(f, s, 5);
    opening.first() == Some(&"after")
        && opening.get(1) == Some(&"the")
        && opening[2..].iter().any(|w| {
            matches!(
                *w,
                "release" | "deploy" | "deployment" | "upgrade" | "update"
            )
        })
}

/// The two values on one scale: a rate on one side only ("38 a week to 6")
/// is read as the same rate on both.
fn comparable_values(before: &Quantity, after: &Quantity) -> (f64, f64) {
    if before.per.is_some() && after.per.is_some() {
        (before.normalised(), after.normalised())
    } else {
        (before.in_unit_of(after), after.in_unit_of(before))
    }
}

/// "zero repeats in 9 months", "no page since", "has not recurred".
fn sustained(f: &Field) -> Option<Evidence> {
    f.counting_sentences()
        .find(|s| sustained_in(f, s))
        .map(|s| {
            f.evidence(
                s.first,
                s.last,
                Rule::Figure,
                "a result that held: no repeat since".into(),
            )
        })
}

/// "since" at word `i` tells a time ("none since", "two month-ends since
/// without a restart"), not a reason ("since a lost write here is", "since
/// versioning was on").
fn since_a_time(w: &[&str], i: usize) -> bool {
    since_is_time(w, i)
        || w.get(i + 1).is_some_and(|n| {
            matches!(
                *n,
                "without" | "have" | "has" | "been" | "with" | "in" | "on" | "across" | "and"
            )
        })
}

/// Sentence `s` says a result held: no repeat over a period.
fn sustained_in(f: &Field, s: &Sentence) -> bool {
    let words = &f.tokens[s.first..s.last];
    let has = |list: &[&str]| words.iter().any(|t| list.contains(&t.lower.as_ref()));
    let none = has(&["zero", "no", "not", "none", "0", "never", "without"]);
    // "since" as a time ("none since", "in the nine months since"), not as
    // "because" ("might not have helped, since those routes ...").
    let lower: Vec<&str> = words.iter().map(|t| t.lower.as_ref()).collect();
    let since = (0..lower.len()).any(|i| lower[i] == "since" && since_a_time(&lower, i));
    let again = since
        || has(&[
            "repeat",
            "repeats",
            "recurred",
            "recurrence",
            "recurrences",
            "again",
            "repeated",
            "reoccurred",
            "happened",
            "regressions",
            "incidents",
            "outages",
        ]);
    let period = since
        || f.quantities_in(s).iter().any(|q| q.dim == Dim::Duration)
        || has(&["ever", "year", "quarter"]);
    none && again && period
}

/// A result that held, told against its baseline: "no disk-full pages in
/// the seven months since, against four in the month before", or the
/// baseline first: "we'd had five incidents the year before; there have
/// been none in the 11 months since" — a pair.
fn held_against_before(f: &Field) -> Option<Evidence> {
    let is_count =
        |t: &Token| t.kind == TokenKind::Number || number_word(&t.lower).is_some_and(|n| n > 0.0);
    let is_before = |t: &Token| {
        matches!(
            t.lower.as_ref(),
            "before" | "prior" | "previous" | "preceding" | "earlier"
        )
    };
    for s in f.counting_sentences() {
        if !sustained_in(f, s) {
            continue;
        }
        // A clause before a semicolon reads on: "five the year before; none since".
        let n = f.tokens[s.first].sentence;
        let start = n
            .checked_sub(1)
            .map(|p| &f.sentences[p])
            .filter(|p| f.tokens[p.last - 1].lower == ";")
            .map_or(s.first, |p| p.first);
        let words = &f.tokens[start..s.last];
        // "none since, against four before"
        let against = words
            .iter()
            .position(|t| matches!(t.lower.as_ref(), "against" | "versus" | "vs" | "compared"))
            .and_then(|a| {
                let rest = &words[a + 1..];
                let c = rest.iter().take(4).position(is_count)?;
                rest.iter().any(is_before).then_some(&rest[c])
            });
        // "We'd had five incidents the year before; there have been none in
        // the 11 months since": the old count first, then none.
        let first = || {
            let none = words
                .iter()
                .position(|t| matches!(t.lower.as_ref(), "none" | "zero" | "no" | "0" | "never"))?;
            words[..none].iter().enumerate().find_map(|(i, t)| {
                (is_count(t) && words[i + 1..none].iter().take(9).any(is_before)).then_some(t)
            })
        };
        if let Some(t) = against.or_else(first) {
            return Some(f.evidence(
                start,
                s.last,
                Rule::BeforeAfter,
                format!(
                    "before/after: {} before -> none since",
                    &f.text[t.start..t.end]
                ),
            ));
        }
    }
    None
}

/// The first `n` words of sentence `s`, lowercase.
fn opening_words<'f>(f: &'f Field, s: &Sentence, n: usize) -> Vec<&'f str> {
    f.tokens[s.first..s.last]
        .iter()
        .filter(|t| t.is_word())
        .take(n)
        .map(|t| t.lower.as_ref())
        .collect()
}

/// Sentence `s` opens on the present: "Today's invoice ...", "These days
/// ...", "Nowadays ...".
fn opens_with_today(f: &Field, s: &Sentence) -> bool {
    let opening = opening_words(f, s, 2);
    matches!(opening.first(), Some(&("today" | "today's" | "nowadays")))
        || opening == ["these", "days"]
}

/// Sentence `s` tells how things were: "The old monthly bill was $34k",
/// "Back then a typical item sat open for five months".
fn tells_the_past(f: &Field, s: &Sentence) -> bool {
    f.tokens[s.first..s.last].iter().any(|t| {
        matches!(
            t.lower.as_ref(),
            "old" | "previously" | "then" | "used" | "before" | "formerly"
        )
    })
}

/// A result without its baseline: "MTTR is now 11 minutes", "dropped to 8%".
fn lone_result<'q>(f: &'q Field, s: &Sentence) -> Option<&'q Quantity> {
    let words = &f.tokens[s.first..s.last];
    if words.iter().any(|t| ROSE.contains(&t.lower.as_ref())) {
        return None;
    }
    // "Today's invoice runs around $22k", "These days it takes 4 minutes".
    let today = opens_with_today(f, s);
    f.quantities_in(s).iter().find(|q| {
        let before: Vec<&str> = f.tokens[s.first.max(q.first.saturating_sub(3))..q.first]
            .iter()
            .map(|t| t.lower.as_ref())
            .collect();
        // The word before the figure, past "about", "around", "under".
        let lead = f.tokens[s.first..q.first]
            .iter()
            .rev()
            .map(|t| t.lower.as_ref())
            .find(|w| *w == "to" || !is_approx(w));
        // "p99 connect time sits around 35 ms": where it stays now.
        let settled = f.tokens[s.first..q.first].iter().any(|t| {
            matches!(
                t.lower.as_ref(),
                "sits"
                    | "stays"
                    | "stay"
                    | "stayed"
                    | "remain"
                    | "remains"
                    | "remained"
                    | "hovers"
                    | "hovered"
                    | "settles"
                    | "settled"
            )
        });
        // "delayed by up to 70 minutes": at most, how bad it got.
        let at_most = q.first >= 3
            && f.tokens[q.first - 2].lower == "up"
            && matches!(
                f.tokens[q.first - 3].lower.as_ref(),
                "by" | "for" | "of" | "with" | "lasting"
            );
        let to_after_direction = lead == Some("to")
            && !at_most
            && f.tokens[s.first..q.first].iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "reduced"
                        | "dropped"
                        | "fell"
                        | "cut"
                        | "down"
                        | "decreased"
                        | "lowered"
                        | "improved"
                        | "brought"
                        | "shrank"
                        | "sped"
                        | "went"
                        | "trimmed"
                        | "increased"
                        | "raised"
                        | "grew"
                        | "up"
                        | "back"
                        | "drops"
                        | "falls"
                        | "goes"
                        | "comes"
                        | "came"
                        | "got"
                )
            });
        let now = before.contains(&"now") || before.contains(&"under") && before.contains(&"now");
        // "Android handshake failures are back at 0.05%": where it is again.
        let back_at = lead == Some("at") && before.windows(2).any(|p| p == ["back", "at"]);
        // "After 2 months the median time to acknowledge became 6 minutes",
        // not "object references became 8 bytes" (how it broke).
        let became = matches!(lead, Some("became" | "becomes"))
            && f.tokens[s.first..q.first].iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "after" | "within" | "since" | "now" | "afterwards"
                )
            });
        // "set minReplicas to 30" sets a value; it is not a result.
        // "I lowered retries to 1": a value that only configures, set.
        let setting = (polarity(f, s.first, q.first) == Better::Unknown
            && names_a_setting(f, s.first.max(q.first.saturating_sub(4)), q.first))
            || names_a_pure_setting(f, s.first.max(q.first.saturating_sub(4)), q.first, q)
            || set_on_a_setting(f, s.first.max(q.first.saturating_sub(8)), q.first);
        // "fraud calls stayed in zone 1": where, not how much.
        let settled = settled && q.dim != Dim::Count(None);
        (to_after_direction || now || settled || today || became || back_at) && !setting
    })
}

pub fn score(a: &Analysis) -> DimensionScore {
    let mut d = DimensionScore::default();

    // Distinct improved pairs: the same before/after said twice counts once.
    let mut seen: HashSet<(u64, u64)> = HashSet::new();
    let mut pair_evidence = Vec::new();
    let mut with_units = 0;
    let mut setting = false;
    for f in &a.fields {
        if f.kind == FieldKind::Prose && !f.sentences.iter().any(|s| s.counts) {
            continue;
        }
        // The figures of settings changed in this field, as written: "the CI
        // job timeout from 60 minutes down to 20 — sorry, down from 60 to 20"
        // says one setting twice.
        let mut settings_said: HashSet<(&str, &str)> = HashSet::new();
        for pair in pairs_in(f) {
            if f.kind == FieldKind::Prose
                && !f.sentences[f.tokens[pair.before.first].sentence].counts
            {
                continue;
            }
            let figures = (
                leading_figure(f, pair.before),
                leading_figure(f, pair.after),
            );
            let kind = match classify_pair(f, &pair) {
                PairKind::Result if settings_said.contains(&figures) => PairKind::Setting,
                kind => kind,
            };
            let key = (pair.before.value.to_bits(), pair.after.value.to_bits());
            if kind != PairKind::Result {
                if kind == PairKind::Setting {
                    settings_said.insert(figures);
                }
                setting |= kind == PairKind::Setting;
                continue;
            }
            if !seen.insert(key) {
                continue;
            }
            if pair.before.dim != Dim::Count(None) || pair.after.dim != Dim::Count(None) {
                with_units += 1;
            }
            pair_evidence.push(pair_evidence_of(f, &pair));
        }
    }

    // A pair told in two sentences: "67% of alerts were false positives ...
    // the false positive rate dropped to 8%".
    let mut lone = Vec::new();
    for f in a.prose() {
        let in_pairs: HashSet<usize> = pairs_in(f)
            .iter()
            .flat_map(|p| [p.before.first, p.after.first])
            .collect();
        for s in f.counting_sentences() {
            if let Some(q) = lone_result(f, s)
                && !in_pairs.contains(&q.first)
            {
                lone.push((f, s, q));
            }
        }
    }
    let mut lone_evidence = Vec::new();
    // A metric line with nothing measured before: "median time to
    // mitigate: not measured -> 31 min".
    for f in &a.fields {
        if let Some((None, Some(q))) = metric_sides(f) {
            lone_evidence.push(f.evidence_span(
                q.start,
                q.end,
                Rule::Figure,
                "a result, but without the figure before".into(),
            ));
        }
    }
    for &(f, s, q) in &lone {
        let today = opens_with_today(f, s);
        let earlier = f.quantities.iter().find(|b| {
            b.last <= s.first
                && !status_code(f, b)
                && b.comparable(q)
                // Across sentences a bare number takes no unit: "1,100
                // shards" is no baseline for "nine hours"; "zero" is none
                // of anything.
                && (b.dim == q.dim
                    || q.value == 0.0
                    || matches!((&b.dim, &q.dim), (Dim::Count(_), Dim::Count(_))))
                && b.value != q.value
                // "retries 3 with retry-on ...": a setting is no baseline.
                && !names_a_pure_setting(
                    f,
                    f.sentences[q_sentence(f, b)].first.max(b.first.saturating_sub(3)),
                    b.first,
                    b,
                )
                && (shares_a_word(f, b, s)
                    // "The old monthly bill was about $34k. Today's invoice
                    // runs around $22k": a measure with a unit, the sentence before.
                    || (f.tokens[b.first].sentence + 1 == f.tokens[s.first].sentence
                        && !matches!(b.dim, Dim::Count(_))
                        && today
                        && tells_the_past(f, &f.sentences[f.tokens[b.first].sentence])))
                && !seen.contains(&(b.value.to_bits(), q.value.to_bits()))
        });
        match earlier {
            Some(b) if improved(f, b, q, s) => {
                seen.insert((b.value.to_bits(), q.value.to_bits()));
                with_units += usize::from(q.dim != Dim::Count(None));
                let why = match describe_change(b, q) {
                    Some(change) => format!(
                        "before/after, told in two sentences: {} -> {} ({change})",
                        &f.text[b.start..b.end],
                        &f.text[q.start..q.end]
                    ),
                    None => format!(
                        "before/after, told in two sentences: {} -> {}",
                        &f.text[b.start..b.end],
                        &f.text[q.start..q.end]
                    ),
                };
                pair_evidence.push(f.evidence_span(q.start, q.end, Rule::BeforeAfter, why));
            }
            _ => lone_evidence.push(f.evidence_span(
                q.start,
                q.end,
                Rule::Figure,
                "a result, but without the figure before".into(),
            )),
        }
    }

    let relative = a.prose().find_map(relative_change);
    let held = a.prose().find_map(sustained);
    // "none since, against four before" is a pair and a result that held.
    pair_evidence.extend(a.prose().find_map(held_against_before));
    let mut any_figure = None;
    for f in a.prose() {
        for q in &f.quantities {
            if f.sentences[f.tokens[q.first].sentence].counts && !no_amount(f, q) {
                any_figure = Some(f.evidence_span(
                    q.start,
                    q.end,
                    Rule::Figure,
                    "a figure of the incident, not a result".into(),
                ));
                break;
            }
        }
        if any_figure.is_some() {
            break;
        }
    }

    let pairs = pair_evidence.len();
    let results_without_baseline = !lone_evidence.is_empty() || relative.is_some();
    d.score = match pairs {
        n if n >= 2 && with_units >= 1 => 5,
        n if n >= 2 => 4,
        1 if held.is_some() || results_without_baseline => 4,
        1 => 3,
        _ if results_without_baseline || held.is_some() => 2,
        _ if any_figure.is_some() || setting => 1,
        _ => 0,
    };
    d.evidence.extend(pair_evidence);
    if d.score < 5 {
        d.evidence.extend(lone_evidence.into_iter().take(1));
        if let Some(e) = held {
            d.evidence.push(e);
        }
        if pairs == 0
            && let Some(e) = relative
        {
            d.evidence.push(e);
        }
    }
    if d.score == 1
        && let Some(e) = any_figure
    {
        d.evidence.push(e);
    }
    match pairs {
        0 => d.missing("Give a before and after of a result that improved: \"time to detect went from 8 minutes to 90 seconds\", \"false pages 67% -> 8%\"."),
        1 => d.missing("Add a second before/after pair on another metric: MTTR, pages per week, error rate, cost."),
        _ if d.score < 5 => d.missing("Give the units of each before/after: \"38 pages a week -> 6\", \"45 min -> 12 min\"."),
        _ => {}
    }
    d
}

fn pair_evidence_of(f: &Field, pair: &Pair) -> Evidence {
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
    f.evidence_span(start, end, Rule::BeforeAfter, why)
}

/// True when sentence `s` shares a content word with the words around `q`.
fn shares_a_word(f: &Field, q: &Quantity, s: &Sentence) -> bool {
    let around = &f.tokens[q.first.saturating_sub(4)..(q.last + 4).min(f.tokens.len())];
    let here = &f.tokens[s.first..s.last];
    around.iter().any(|t| {
        t.is_word() && !t.function && t.lower.len() > 3 && here.iter().any(|u| u.lower == t.lower)
    })
}

/// A later figure is better than an earlier one, for what the sentence measures.
fn improved(f: &Field, before: &Quantity, after: &Quantity, s: &Sentence) -> bool {
    let (b, a) = comparable_values(before, after);
    match polarity(f, s.first, s.last) {
        Better::Lower => a < b,
        Better::Higher => a > b,
        Better::Unknown => true,
    }
}
