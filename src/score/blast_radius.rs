//! Blast radius: who or what was hurt, and how much. The rubric counts the
//! facets an interviewer can measure — the share of traffic hurt, how many
//! users or orders, which regions or services, how long, what it cost — in
//! sentences about the damage. How fast someone was paged, how often
//! updates went out, and dates or clock times by themselves are not impact.

use super::analysis::{Analysis, Field};
use super::lexicon::{Hit, Tag};
use super::quantity::{Dim, Quantity};
use super::text::{Sentence, TokenKind};
use super::{DimensionScore, Evidence, Rule};

/// Words that make a sentence about the response, not the damage.
const RESPONSE: &[&str] = &[
    "paged",
    "alerted",
    "alert",
    "alerts",
    "detected",
    "noticed",
    "acknowledged",
    "acked",
    "updates",
    "update",
    "posted",
    "declared",
    "joined",
    "responded",
    "escalated",
    "bridge",
    "woke",
    "page",
];

/// Words right before a duration that make it a response time, not how long it hurt.
const RESPONSE_LEAD: &[&str] = &["within", "every", "after", "took", "in", "under", "later"];

fn words_in<'t>(f: &'t Field, s: &Sentence) -> impl Iterator<Item = &'t str> {
    f.tokens[s.first..s.last]
        .iter()
        .filter(|t| !t.masked)
        .map(|t| t.lower.as_ref())
}

/// A sentence about the damage: a failure, the people it hurt, or what it
/// cost ("about $8,400 in overage"), not what a fix saved.
fn is_impact(f: &Field, s: &Sentence) -> bool {
    let hits = f.hits_in(s);
    // "the on-call engineer" holds no "call" that was hurt.
    let in_a_role = |h: &Hit| {
        hits.iter()
            .any(|r| r.tags.has(Tag::RoleName) && r.first <= h.first && h.last <= r.last)
    };
    // "I handled a lot of incidents" says nothing of what broke.
    hits.iter().any(|h| {
        h.tags.has(Tag::Failure) && !matches!(f.phrase(*h).as_str(), "incident" | "incidents")
    }) || hits
        .iter()
        .any(|h| h.tags.has(Tag::Affected) && !in_a_role(h))
        || f.has(s, Tag::Severity)
        || (words_in(f, s).any(|w| COST_WORDS.contains(&w))
            && !words_in(f, s).any(|w| SAVED.contains(&w)))
}

/// Things an incident reaches, counted: "2.1 million objects", "300+ tickets".
const COUNTED: &[&str] = &[
    "tickets",
    "objects",
    "files",
    "records",
    "rows",
    "services",
    "projects",
    "repositories",
    "repos",
    "sites",
    "websites",
    "domains",
    "stores",
    "clinics",
    "schools",
    "hospitals",
    "shops",
    "listings",
    "photos",
    "images",
    "invoices",
    "documents",
    "attachments",
    "notifications",
    "calls",
    "databases",
    "tables",
    "apps",
    "mailboxes",
    "workspaces",
    "organisations",
    "organizations",
    "companies",
    "businesses",
    "brands",
    "vehicles",
    "flights",
    "shipments",
    "parcels",
    "packages",
    "items",
    "products",
];

/// Words of what an incident cost.
const COST_WORDS: &[&str] = &[
    "cost",
    "overage",
    "credits",
    "penalty",
    "penalties",
    "refunds",
    "refunded",
    "bill",
    "invoice",
];

/// Words of what a change saved: a result, not the damage.
const SAVED: &[&str] = &[
    "saved", "saving", "savings", "saves", "reduced", "cut", "down", "lower", "cheaper",
];

fn is_response(f: &Field, s: &Sentence) -> bool {
    words_in(f, s).any(|w| RESPONSE.contains(&w))
}

fn span(f: &Field, q: &Quantity, rule: Rule, why: &str) -> Evidence {
    f.evidence_span(q.start, q.end, rule, why.to_string())
}

/// "31% of checkouts", "an error rate of 31%": a share of the traffic.
fn share(f: &Field, s: &Sentence) -> Option<Evidence> {
    f.quantities_in(s).iter().find_map(|q| {
        if q.dim != Dim::Percent {
            return None;
        }
        let near: Vec<&str> = f.tokens[q.first.saturating_sub(4)..(q.last + 3).min(s.last)]
            .iter()
            .map(|t| t.lower.as_ref())
            .collect();
        // "40% of the monthly error budget" is a cost, not a share.
        if near.contains(&"budget") {
            return None;
        }
        let of_people = f.tokens.get(q.last).is_some_and(|t| t.lower == "of");
        (of_people || f.has(s, Tag::Failure))
            .then(|| span(f, q, Rule::HowMany, "the share that was hurt"))
    })
}

/// "18,000 customers", "2.1 million sessions", "42,000 customers got ... late".
fn count(f: &Field, s: &Sentence) -> Option<Evidence> {
    f.quantities_in(s).iter().find_map(|q| {
        let Dim::Count(_) = q.dim else { return None };
        let people = f
            .hits_in(s)
            .iter()
            .any(|h| h.tags.has(Tag::Affected) && h.first + 1 >= q.last && h.first <= q.last + 3);
        // "2.1 million objects", "300+ tickets", "5,000 projects": what it
        // reached, counted, in a sentence about the damage.
        let counted = |w: &str| {
            COUNTED
                .iter()
                .any(|c| c.trim_end_matches('s') == w.trim_end_matches('s'))
        };
        let things = matches!(&q.dim, Dim::Count(Some(unit)) if counted(unit))
            || f.tokens[q.last..(q.last + 3).min(s.last)]
                .iter()
                .any(|t| counted(&t.lower));
        (people || things).then(|| span(f, q, Rule::HowMany, "how many were hurt"))
    })
}

/// "for 47 minutes", "a 26-minute outage", "from 9:37AM to 1:54PM".
fn duration(f: &Field, s: &Sentence) -> Option<Evidence> {
    let response = is_response(f, s);
    let found = f.quantities_in(s).iter().find_map(|q| {
        if q.dim != Dim::Duration || q.per.is_some() {
            return None;
        }
        // "raised the task timeout from 2 h to 6 h", "the record TTL was 300
        // seconds": a setting, not how long anyone was hurt.
        // Its name may stand a few words back ("the pricing timeout was
        // also dropped from 30s to 5s") or inside a name written as code
        // (`perTryTimeout`, `lock_timeout`).
        if f.tokens[q.first.saturating_sub(8).max(s.first)..q.first]
            .iter()
            .any(|t| {
                SETTINGS.contains(&t.lower.as_ref())
                    || (t.lower.len() > 8 && t.lower.ends_with("timeout"))
            })
        {
            return None;
        }
        // "the default 3-second cut-over lock timeout": the setting named after.
        if f.tokens[q.last..(q.last + 6).min(s.last)]
            .iter()
            .any(|t| SETTINGS.contains(&t.lower.as_ref()))
        {
            return None;
        }
        // "In the two years before", "over the previous 12 months": a span
        // of history that incidents are counted in, not an outage's length.
        // Not "for about two months before anyone noticed".
        let before = q.first.checked_sub(1).map(|i| f.tokens[i].lower.as_ref());
        let after = f.tokens.get(q.last).map(|t| t.lower.as_ref());
        let looking_back = matches!(after, Some("ago" | "earlier"))
            || (before == Some("the") && matches!(after, Some("before" | "prior")))
            || matches!(before, Some("previous" | "past" | "prior" | "last"));
        // "20 milliseconds", "a 2-second pause": a latency, not how long
        // anyone was hurt.
        if looking_back || q.value < 1.0 {
            return None;
        }
        // "for about 50 minutes": an approximation between "for" and the figure.
        let lead = (1..=3)
            .filter_map(|k| q.first.checked_sub(k))
            .map(|i| f.tokens[i].lower.as_ref())
            .find(|w| !APPROXIMATELY.contains(w));
        let framed = matches!(lead, Some("for" | "lasted" | "lasting" | "over" | "of"))
            || f.tokens.get(q.last).is_some_and(|t| {
                matches!(t.lower.as_ref(), "outage" | "incident" | "of" | "-")
                    || (t.lower == "-"
                        && f.tokens
                            .get(q.last + 1)
                            .is_some_and(|n| n.lower == "outage"))
            });
        let led_by_response = before.is_some_and(|w| RESPONSE_LEAD.contains(&w));
        (framed || (!response && !led_by_response && f.has(s, Tag::Failure)))
            .then(|| span(f, q, Rule::HowLong, "how long it lasted"))
    });
    // A clock range or a duration in words beside the response ("paged
    // from 14:02 to 14:05", "paged for an hour") is no impact.
    found.or_else(|| {
        if response {
            None
        } else {
            clock_range(f, s).or_else(|| duration_in_words(f, s))
        }
    })
}

/// Settings measured in time.
const SETTINGS: &[&str] = &[
    "timeout",
    "timeouts",
    "ttl",
    "interval",
    "intervals",
    "retention",
    "cooldown",
    "expiry",
    "deadline",
    "lease",
    "backoff",
];

/// Words that soften a figure without changing what it measures.
const APPROXIMATELY: &[&str] = &[
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "~",
    "≈",
    "some",
    "just",
    "well",
];

/// A duration said in words: "for about an hour", "for most of a day",
/// "for the whole morning".
fn duration_in_words(f: &Field, s: &Sentence) -> Option<Evidence> {
    let tokens = &f.tokens[s.first..s.last];
    let unit = |w: &str| {
        matches!(
            w,
            "hour"
                | "day"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "week"
                | "weekend"
                | "shift"
        )
    };
    for (i, t) in tokens.iter().enumerate() {
        if t.lower != "for" || t.masked {
            continue;
        }
        let rest: Vec<&str> = tokens[i + 1..]
            .iter()
            .take(6)
            .map(|t| t.lower.as_ref())
            .filter(|w| !APPROXIMATELY.contains(w))
            .collect();
        let span_words = match rest.as_slice() {
            ["an" | "a" | "half" | "one", u, ..] if unit(u) => 2,
            ["half", "a" | "an", u, ..] if unit(u) => 3,
            ["most" | "much" | "all", "of", "a" | "an" | "the", u, ..] if unit(u) => 4,
            ["the" | "a", "whole" | "entire" | "full", u, ..] if unit(u) => 3,
            _ => continue,
        };
        // The span runs from "for" to the unit, approximations included.
        let mut last = i + 1;
        let mut seen = 0;
        while last < tokens.len() && seen < span_words {
            if !APPROXIMATELY.contains(&tokens[last].lower.as_ref()) {
                seen += 1;
            }
            last += 1;
        }
        return Some(f.evidence(
            s.first + i,
            s.first + last,
            Rule::HowLong,
            "how long it lasted".into(),
        ));
    }
    None
}

/// Two clock times joined by "-", "to" or "until" ("9:37AM-1:54PM", "from 14:02 to 14:49 UTC").
fn clock_range(f: &Field, s: &Sentence) -> Option<Evidence> {
    let tokens = &f.tokens[s.first..s.last];
    let clock_at = |i: usize| {
        tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
            && tokens.get(i + 1).is_some_and(|t| t.glued && t.lower == ":")
            && tokens
                .get(i + 2)
                .is_some_and(|t| t.glued && t.kind == TokenKind::Number)
    };
    // Each clock as a token range, read left to right so that "14:02:10"
    // (with seconds) is one clock, not two that overlap.
    let mut clocks: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if clock_at(i) {
            // "14:02:10": the minutes open a clock of their own.
            let end = if clock_at(i + 2) { i + 5 } else { i + 3 };
            clocks.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    for w in clocks.windows(2) {
        let ((first, after_first), (second, after_second)) = (w[0], w[1]);
        let between = &tokens[after_first..second];
        let joined = between.len() <= 3
            && between
                .iter()
                .any(|t| matches!(t.lower.as_ref(), "-" | "to" | "until" | "till" | "and"));
        if joined {
            let (start, end) = (tokens[first].start, tokens[after_second - 1].end);
            return Some(f.evidence_span(
                start,
                end,
                Rule::HowLong,
                "how long it lasted (a clock range)".into(),
            ));
        }
    }
    None
}

/// "$240,000 of orders", "40% of the monthly error budget", "$12,000 in SLA credits".
fn cost(f: &Field, s: &Sentence) -> Option<Evidence> {
    if let Some(q) = f.quantities_in(s).iter().find(|q| q.dim == Dim::Money) {
        return Some(span(f, q, Rule::Cost, "what it cost"));
    }
    // The figure must be the price's own ("40% of the monthly error
    // budget", "3,000 in refunds"), not any figure of a sentence that names
    // one: "3,000 orders were delayed for 70 minutes" cost nothing it says.
    // A duration is a cost only as the error budget spent ("3 hours of our
    // error budget"), not as its window ("19% of the 28-day error budget").
    let priced = ["budget", "credits", "refunds", "revenue", "penalty"];
    let price_near = |q: &Quantity| {
        let spent = q.dim != Dim::Duration || f.tokens.get(q.last).is_some_and(|t| t.lower == "of");
        spent
            && (q.last..s.last.min(q.last + 8))
                .chain(q.first.saturating_sub(8).max(s.first)..q.first)
                .map(|i| &f.tokens[i])
                .filter(|t| !t.masked)
                .any(|t| match q.dim {
                    Dim::Duration => t.lower == "budget",
                    _ => priced.contains(&t.lower.as_ref()),
                })
    };
    f.quantities_in(s)
        .iter()
        .find(|q| matches!(q.dim, Dim::Percent | Dim::Duration | Dim::Count(_)) && price_near(q))
        .map(|q| span(f, q, Rule::Cost, "the error budget or money it cost"))
}

/// "the EU region", "customer-facing", "every tenant", "the checkout service".
fn extent(f: &Field, s: &Sentence) -> Option<Evidence> {
    // "only", "all" and "every" alone are no place: the first hit that is,
    // or the whole of those hurt ("every customer", "all tenants").
    let hits = f.hits_in(s);
    let whole_of = |h: &Hit| {
        hits.iter()
            .find(|a| a.tags.has(Tag::Affected) && (a.first == h.last || a.first == h.last + 1))
            .map(|a| a.last)
    };
    let hit = hits.iter().find_map(|h| {
        if !h.tags.has(Tag::Scope) {
            return None;
        }
        match f.phrase(*h).as_str() {
            "all" | "every" => whole_of(h).map(|last| (*h, last)),
            "only" => None,
            // "give us timelines": the pronoun, not the region.
            "us" if &f.text[f.tokens[h.first].start..f.tokens[h.first].end] != "US"
                && f.tokens.get(h.last).is_none_or(|n| n.lower != "-") =>
            {
                None
            }
            _ => Some((*h, h.last)),
        }
    });
    let (hit_first, last) = hit
        .map(|(h, last)| (h.first, last))
        // Only where the text is about the damage: in passing, "in the app"
        // is where the speaker looked.
        .or_else(|| {
            (f.beat == Some("blast_radius"))
                .then(|| where_it_broke(f, s))
                .flatten()
        })?;
    let phrase = f.text[f.tokens[hit_first].start..f.tokens[last - 1].end].to_lowercase();
    Some(f.evidence(
        hit_first,
        last,
        Rule::Extent,
        format!("how far it reached ({phrase})"),
    ))
}

/// The part of the product that broke, said as a place: "returned 404 in
/// the web app", "stale on the home page", "across our public APIs".
fn where_it_broke(f: &Field, s: &Sentence) -> Option<(usize, usize)> {
    const PLACES: &[&str] = &[
        "app",
        "apps",
        "service",
        "services",
        "api",
        "apis",
        "site",
        "website",
        "page",
        "pages",
        "portal",
        "storefront",
        "frontend",
        "checkout",
    ];
    let word = |i: usize| f.tokens[i].lower.as_ref();
    (s.first..s.last).find_map(|i| {
        if !matches!(word(i), "in" | "on" | "across") {
            return None;
        }
        let mut k = i + 1;
        if k < s.last && matches!(word(k), "the" | "our" | "their" | "every" | "all") {
            k += 1;
        }
        (k..s.last.min(k + 3))
            .find(|&j| PLACES.contains(&word(j)))
            .filter(|&j| (k..j).all(|m| f.tokens[m].is_word()))
            .map(|j| (i + 1, j + 1))
    })
}

/// "customers could not check out": who was hurt, and how.
fn who(f: &Field, s: &Sentence) -> Option<Evidence> {
    let affected = f.hits_in(s).iter().copied().find(|h| {
        h.tags.has(Tag::Affected)
            && !matches!(
                f.phrase(*h).as_str(),
                "team" | "teams" | "engineers" | "developers" | "build" | "builds"
            )
    })?;
    let failure = f.find(s, Tag::Failure)?;
    let (first, last) = if failure.first.abs_diff(affected.first) <= 6 {
        (
            failure.first.min(affected.first),
            failure.last.max(affected.last),
        )
    } else {
        (affected.first, affected.last)
    };
    Some(f.evidence(
        first,
        last,
        Rule::WhoWasHurt,
        format!(
            "who was hurt ({}) and how ({})",
            f.phrase(affected),
            f.phrase(failure)
        ),
    ))
}

pub fn score(a: &Analysis) -> DimensionScore {
    let mut d = DimensionScore::default();
    // In its own field or section every sentence tells the impact ("It
    // lasted for 47 minutes."); elsewhere only sentences that say what failed
    // or who was hurt.
    let impact: Vec<(&Field, &Sentence)> = a
        .sentences()
        .filter(|(f, s)| f.beat == Some("blast_radius") || is_impact(f, s))
        .collect();
    let first = |rule: fn(&Field, &Sentence) -> Option<Evidence>| {
        impact.iter().find_map(|&(f, s)| rule(f, s))
    };
    let facets = [
        (
            first(share),
            "Put a share on it: \"31% of checkouts failed\", \"18% of requests\".",
        ),
        (
            first(count),
            "Say how many were hurt: \"about 18,000 customers\", \"2.1 million sessions\".",
        ),
        (
            first(duration),
            "Say how long it lasted: \"for 47 minutes\", \"from 09:37 to 13:54 UTC\".",
        ),
        (
            first(cost),
            "Say what it cost: money, orders, SLA credits or error budget burned (\"40% of the monthly error budget\").",
        ),
        (
            first(extent),
            "Say how far it reached: which regions, services or tenants, customer-facing or internal.",
        ),
    ];
    let who = first(who);
    let measured = facets.iter().filter(|(e, _)| e.is_some()).count();
    d.score = match measured {
        0 if impact.is_empty() => 0,
        0 => 1,
        1 => 2,
        2 => 3,
        3 => 4,
        _ if who.is_some() => 5,
        _ => 4,
    };
    if let Some(e) = &who {
        d.evidence.push(e.clone());
    } else if measured == 0
        && let Some(&(f, s)) = impact.first()
    {
        // The level an impact told but not measured earns: the words that
        // tell it.
        d.evidence.push(f.evidence(
            s.first,
            s.last,
            Rule::WhoWasHurt,
            "an impact told, not measured".into(),
        ));
    } else if measured >= 4 {
        d.missing("Say who was hurt and how: \"EU customers could not check out\".");
    }
    for (evidence, tip) in facets {
        match evidence {
            Some(e) => d.evidence.push(e),
            None => d.missing(tip),
        }
    }
    if d.score == 0 {
        d.advice.insert(
            0,
            "Say what broke and for whom: \"checkout requests failed for EU customers for 47 minutes\".".into(),
        );
    }
    d
}
