//! Systemic change: what changed for good, so the incident cannot recur or
//! is caught earlier — as the rubric counts it. A change must have shipped
//! (a proposal earns one point), be concrete to count fully ("an alert on
//! connection saturation above 80%", not "improved monitoring"), and not be
//! the change that caused the incident. Two concrete changes score 4;
//! evidence that they work (a repeat caught, incidents at zero) makes 5.
//! Phrasing does not matter: "a pre-merge job that resolves every name"
//! counts like "I added a CI check".

use std::collections::BTreeSet;

use super::analysis::{Analysis, Field, FieldKind, negated_before};
use super::lexicon::Tag;
use super::quantity::number_word;
use super::text::{Sentence, continues_a_dotted_name, written_as_code};
use super::{DimensionScore, Evidence, Rule};

/// What the evidence line says of a sentence that shows a change at work.
pub const WORKS: &str = "evidence the change works";

/// Nouns of lasting mechanisms the lexicon's tags do not cover.
const MECHANISM_NOUNS: &[&str] = &[
    "job",
    "check",
    "checks",
    "gate",
    "gates",
    "safeguard",
    "safeguards",
    "guard",
    "alarm",
    "alarms",
    "webhook",
    "probe",
    "checklist",
    "drill",
    "drills",
    "limit",
    "limits",
    "rule",
    "rules",
    "script",
    "tooling",
    "tool",
    "step",
    "steps",
    "rota",
    "pgbouncer",
    "replica",
    "review",
    "reviews",
    "budget",
    "quota",
    "quotas",
    "template",
    "library",
    "sidecar",
    "controller",
    "operator",
    "dashboard",
    "dashboards",
    "runbook",
    "runbooks",
    "policy",
    "policies",
    "process",
    "procedure",
    "procedures",
    "canary",
    "backoff",
    "jitter",
    "breaker",
    "timeout",
    "timeouts",
    "retries",
    "autoscaling",
    "cronjob",
    "cron",
    "queue",
    "dlq",
    "filter",
    "filters",
    "linter",
    "hook",
    "allowlist",
    "denylist",
    "report",
    "reports",
    "default",
    "defaults",
];

/// Words that make a sentence a wish, not a change that shipped.
const PROPOSAL: &[&str] = &[
    "should",
    "would",
    "could",
    "will",
    "plan",
    "planned",
    "planning",
    "want",
    "wanted",
    "hope",
    "proposed",
    "propose",
    "suggested",
    "suggest",
    "recommend",
    "recommended",
    "might",
    "may",
    "need",
    "needs",
    "consider",
    "considering",
    "backlog",
    "roadmap",
    "ticket",
    "eventually",
    "someday",
    "going",
    "gonna",
    "we'll",
    "i'll",
    "tbd",
    "todo",
    "pending",
    "talked",
    "discussed",
    "maybe",
    "perhaps",
    "idea",
];

/// Word `i` of `w` makes a wish ([`PROPOSAL`]). "plan" and "need" only as
/// a wish's verbs ("we plan to", "we need a runbook", "it needs to be
/// added"), not as a thing or a rule in place: "the CI check fails the
/// plan", "anything touching payments needs a second approver".
fn proposal_word(w: &[&str], i: usize) -> bool {
    let before = i.checked_sub(1).map(|b| w[b]);
    let next = w.get(i + 1).copied();
    match w[i] {
        "plan" => {
            matches!(next, Some("to" | "is" | "was"))
                || before.is_some_and(|b| PERSONAL.contains(&b))
        }
        "need" | "needs" => {
            before.is_some_and(|b| {
                PERSONAL.contains(&b) || matches!(b, "still" | "will" | "would" | "'d")
            }) || w[i + 1..]
                .windows(2)
                .next()
                .is_some_and(|p| p == ["to", "be"])
        }
        // "A separate ticket rotation", "the ticket queue": what kind of
        // thing, not a ticket asked for.
        "ticket" if next.is_some_and(|n| TICKET_THINGS.contains(&n)) => false,
        // "I opened a ticket to add ...", not "the count declared in the
        // change ticket", nor "alerts at 30 days open a ticket in the
        // owner's queue" (a mechanism at work).
        "ticket" => {
            let by_a_mechanism = w[i.saturating_sub(3)..i].iter().enumerate().any(|(k, b)| {
                matches!(
                    *b,
                    "open" | "opens" | "raise" | "raises" | "file" | "files" | "cut" | "cuts"
                ) && !w[..i.saturating_sub(3) + k]
                    .last()
                    .is_some_and(|p| PERSONAL.contains(p))
            });
            !by_a_mechanism
                && w[i.saturating_sub(3)..i].iter().any(|b| {
                    matches!(
                        *b,
                        "a" | "opened"
                            | "filed"
                            | "raised"
                            | "created"
                            | "logged"
                            | "jira"
                            | "wrote"
                    )
                })
        }
        // "In May the canary stopped a BIOS update": the month, not a wish.
        "may"
            if before.is_some_and(|b| {
                matches!(
                    b,
                    "in" | "since"
                        | "until"
                        | "by"
                        | "from"
                        | "of"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "through"
                        | "during"
                )
            }) || next.is_some_and(is_figure) =>
        {
            false
        }
        // "We're meaning to add a config check".
        "meaning" => next == Some("to"),
        // "Going forward we changed the teardown": from then on, said of a
        // thing made, not "going to" nor "improved resilience going
        // forward".
        "going"
            if next == Some("forward")
                && w.iter().enumerate().any(|(k, v)| {
                    MADE.contains(v)
                        && w[k.saturating_sub(5)..k]
                            .iter()
                            .any(|p| matches!(*p, "i" | "we"))
                }) =>
        {
            false
        }
        _ if named_as_a_thing(w, i) => false,
        // "fix pending", "pending approval", not "a pending maintenance
        // event".
        "pending" => next.is_none_or(|n| {
            !n.chars().all(char::is_alphabetic) || matches!(n, "approval" | "review" | "sign")
        }),
        // "we changed those VMs to makestep 1 -1 so chronyd will step any
        // time": what a change made does from then on.
        // "refuses any run that would change more than five records": what
        // a mechanism at work stops, not a wish.
        "would" | "could" | "might"
            if matches!(before, Some("that" | "which"))
                && w[..i].iter().any(|x| ACTS.contains(x)) =>
        {
            false
        }
        "will" | "would" | "could" | "might" | "may" | "should" if inside_what_was_made(w, i) => {
            false
        }
        // "tiny tenants would otherwise page us over three failed
        // requests": what would happen without the change, not a wish.
        "would" | "could" | "might" if next == Some("otherwise") => false,
        // "looked at how often the old ones would have fired": what might
        // have been, not a wish; but "would have liked".
        "would" | "could" | "might"
            if next == Some("have")
                && w.get(i + 2).is_some_and(|v| {
                    (v.ends_with("ed") || matches!(*v, "been" | "caught" | "seen" | "run"))
                        && !matches!(*v, "liked" | "loved" | "wanted" | "preferred" | "needed")
                }) =>
        {
            false
        }
        "will" | "would" | "could" | "might" | "may" => {
            !w[..i].iter().rposition(|x| *x == "so").is_some_and(|so| {
                i - so <= 6
                    && w[..so].iter().any(|v| {
                        SWITCHED.contains(v)
                            || CREATED.contains(v)
                            || matches!(*v, "changed" | "set" | "moved")
                    })
            })
        }
        _ if asked_then_done(w, i) => false,
        x => PROPOSAL.contains(&x),
    }
}

/// What "ticket" names the kind of: "a ticket rotation", "the ticket
/// queue".
const TICKET_THINGS: &[&str] = &[
    "rotation", "queue", "queues", "duty", "shift", "triage", "volume", "load", "routing",
    "workflow", "template", "form", "system",
];

/// "Done: the linter rejects ...", "- Shipped: a page on upload failures",
/// "Actions done: ...": an action item labelled as shipped.
fn done_label(w: &[&str]) -> bool {
    let start = w.iter().position(|x| !bullet(x)).unwrap_or(w.len());
    w[start..w.len().min(start + 3)]
        .windows(2)
        .any(|p| matches!(p[0], "done" | "shipped" | "completed" | "implemented") && p[1] == ":")
}

/// Word `i` of `w` says what kind of thing follows it: "replays the log
/// against every proposed boundary", "the recommended settings", "the
/// planned maintenance". A thing under review or in a plan, not a wish.
fn named_as_a_thing(w: &[&str], i: usize) -> bool {
    matches!(w[i], "proposed" | "planned" | "suggested" | "recommended")
        && i.checked_sub(1).is_some_and(|b| {
            matches!(
                w[b],
                "the" | "every" | "each" | "any" | "a" | "all" | "its" | "their"
            )
        })
        && w.get(i + 1)
            .is_some_and(|n| n.chars().all(char::is_alphabetic) && !PERSONAL.contains(n))
}

/// Verbs of making a change, in the present.
const MAKES_NOW: &[&str] = &[
    "add",
    "build",
    "change",
    "configure",
    "create",
    "deploy",
    "enable",
    "fix",
    "install",
    "introduce",
    "make",
    "migrate",
    "move",
    "put",
    "release",
    "replace",
    "schedule",
    "set",
    "switch",
    "turn",
    "write",
];

/// "we add", "I write": the speaker making a change, told in the present as
/// a fluent non-native speaker may ("Later we release new SDK version with
/// full jitter", "After, I write a small script that ..."), from word
/// `from` of `w` on. Not "the change" (a noun), nor "I see" or "I think".
fn made_by_us_now(w: &[&str], from: usize) -> bool {
    (from.max(1)..w.len()).any(|k| matches!(w[k - 1], "we" | "i") && MAKES_NOW.contains(&w[k]))
}

/// Word `i` of `w` asks for a change the speaker then made: "I proposed
/// and led the move to Puppet", "I proposed the remediation loop and led
/// it" are done, not only asked for.
fn asked_then_done(w: &[&str], i: usize) -> bool {
    matches!(w[i], "proposed" | "suggested" | "pitched")
        && w[i + 1..].windows(2).take(8).any(|p| {
            p[0] == "and"
                && matches!(
                    p[1],
                    "led" | "built" | "ran" | "drove" | "shipped" | "implemented" | "delivered"
                )
        })
}

/// A word of [`WISH`] said as a wish ([`named_as_a_thing`] is not, nor
/// [`asked_then_done`]).
fn wish_word(w: &[&str], i: usize) -> bool {
    WISH.contains(&w[i])
        && !named_as_a_thing(w, i)
        && !asked_then_done(w, i)
        // "we changed the teardown so it deletes the namespaces first,
        // which should delete the load balancers": what the change made
        // is meant to do, not a wish.
        && (w[i] != "should" || !inside_what_was_made(w, i))
}

/// Past verbs of a thing made or set for good, as the speaker tells it:
/// "I added", "we set", "Jonas and I lowered".
const MADE: &[&str] = &[
    "added",
    "built",
    "wrote",
    "introduced",
    "created",
    "implemented",
    "shipped",
    "deployed",
    "installed",
    "configured",
    "enabled",
    "automated",
    "enforced",
    "established",
    "launched",
    "adopted",
    "defined",
    "set",
    "put",
    "changed",
    "moved",
    "switched",
    "migrated",
    "lowered",
    "tightened",
    "capped",
    "replaced",
    "rewrote",
    "wired",
    "turned",
];

/// Word `i` of `w`, a modal, says what a thing the speaker made does, not a
/// wish: "I added a policy check that fails a plan if the change would
/// leave less than 30% unreserved", "I built the templates into the bot so
/// the comms lead could publish with one command". The sentence opens
/// with the speaker making it, and a "that", "which", "so", "if" or "when"
/// between the verb and the modal starts the clause the modal belongs to.
/// Not a document made to ask for it ("I wrote a proposal that we would
/// ...").
fn inside_what_was_made(w: &[&str], i: usize) -> bool {
    let Some(made) = w[..i].iter().position(|x| MADE.contains(x)) else {
        return false;
    };
    let by_us = w[..made].iter().any(|x| PERSONAL.contains(x));
    let clause = w[made + 1..i].iter().any(|x| {
        matches!(
            *x,
            "that" | "which" | "so" | "if" | "when" | "whenever" | "unless"
        )
    });
    // "I wrote up that silences should have a maximum length": a proposal
    // written, like "a doc that".
    let a_request = w[made + 1..i].iter().any(|x| {
        matches!(
            *x,
            "proposal" | "doc" | "document" | "rfc" | "ticket" | "suggestion"
        )
    }) || (w[made] == "wrote"
        && matches!(w.get(made + 1), Some(&("up" | "that" | "down"))));
    let wished_first = (0..made).any(|k| proposal_word(w, k) || wish_word(w, k));
    by_us && clause && !a_request && !wished_first
}

/// The first word of an action item still to do: "Review connection limits
/// per service", "Consider a staged rollout". Said in what lasts, a plan.
const TO_DO: &[&str] = &[
    "add",
    "review",
    "consider",
    "investigate",
    "explore",
    "evaluate",
    "audit",
    "document",
    "create",
    "implement",
    "improve",
    "update",
    "ensure",
    "define",
    "assess",
    "look",
    "build",
    "write",
    "introduce",
    "automate",
    "adopt",
    "enable",
    "track",
    "schedule",
    "monitor",
    "test",
    "clarify",
    "discuss",
    "revisit",
    "extend",
    "make",
    "continue",
    "migrate",
    "replace",
    "remove",
    "require",
    "establish",
    "standardise",
    "standardize",
];

/// Words that mark an action item as done: "Add a team label (done)".
const DONE: &[&str] = &["done", "shipped", "completed", "finished", "live", "merged"];

/// Markers of a change that happened.
const SHIPPED: &[&str] = &[
    "improved",
    "enabled",
    "configured",
    "extended",
    "upgraded",
    "wrote",
    "deployed",
    "turned",
    "put",
    "created",
    "set",
    "built",
    "introduced",
    "added",
    "changed",
    "now",
    "replaced",
    "moved",
    "made",
    "rolled",
    "shipped",
    "installed",
    "wired",
    "hooked",
    "have",
    "has",
    "got",
    "tightened",
    "lowered",
    "raised",
    "capped",
    "split",
    "rewrote",
    // "The permanent work took two weeks, and I led it: a default Sidecar
    // resource in every namespace ...": work done.
    "took",
    "led",
    "finished",
    "completed",
];

fn words<'t>(f: &'t Field, s: &Sentence) -> Vec<&'t str> {
    let mut w: Vec<&str> = f.tokens[s.first..s.last]
        .iter()
        .filter(|t| !t.masked)
        .map(|t| t.lower.as_ref())
        .collect();
    // "since the NLB doesn't see status codes" gives a reason, not a time
    // after the change: read it as "because". "every now and then" and
    // "now()" are no "now".
    for i in 0..w.len() {
        if w[i] == "since" && !since_is_time(&w, i) {
            w[i] = "because";
        }
        // "closed_at < now() - interval '2 years'" is code, not a time.
        if w[i] == "now"
            && (i.checked_sub(1).is_some_and(|k| w[k] == "every")
                || w.get(i + 1..i + 3) == Some(&["and", "then"][..])
                || w.get(i + 1) == Some(&"("))
        {
            w[i] = "then";
        }
    }
    w
}

/// The days of the week.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The months by name.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The word is a figure: it starts with a digit ("30", "2022", "1.5x").
fn is_figure(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
}

/// Token `i` of `f` opens a setting's dotted name ("auto.offset.reset",
/// "net.core.somaxconn"), which the tokenizer splits.
fn starts_a_dotted_name(f: &Field, i: usize) -> bool {
    f.tokens.get(i).is_some_and(|t| !t.glued) && continues_a_dotted_name(&f.tokens, i + 2)
}

/// Where the name that token `i` opens ends, within `[i, last)`: past
/// every glued dot and word of a dotted name, else after token `i`.
fn end_of_name(f: &Field, i: usize, last: usize) -> usize {
    let mut end = i + 1;
    while end + 1 < last && continues_a_dotted_name(&f.tokens, end + 1) {
        end += 2;
    }
    end
}

/// The text `[start, end)` of `f` is quoted as code: "the `bulkops` runner".
fn in_backticks(f: &Field, start: usize, end: usize) -> bool {
    f.text[..start].ends_with('`') && f.text[end..].starts_with('`')
}

/// "Since" after things counted: "across the four month-ends since",
/// "in the 12 deploys since" — a time.
fn counted_since(w: &[&str], i: usize) -> bool {
    const COUNTS: &[&str] = &[
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "dozen",
    ];
    i >= 2
        && w[i - 1].len() > 3
        && w[i - 1].ends_with('s')
        && w[i.saturating_sub(5)..i - 1]
            .iter()
            .any(|x| is_figure(x) || COUNTS.contains(x))
}

/// "in the seven months since", "since then", "since the rollout": the
/// time after a change, not a reason.
pub(crate) fn since_is_time(w: &[&str], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| w[k]);
    let next = w.get(i + 1).copied();
    let after_next = w.get(i + 2).copied();
    // "the disk had since been freed": a time before the telling.
    if before == Some("had") {
        return false;
    }
    // "Since 20 November", "since March", "since last year": a date.
    const SHORT: &[&str] = &[
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "last", "q1", "q2", "q3", "q4",
    ];
    if next.is_some_and(|n| is_figure(n) || MONTHS.contains(&n) || SHORT.contains(&n)) {
        return true;
    }
    // "The check has since failed two builds", "it's since paged twice",
    // "we've since added fail-back to the drill plan".
    if matches!(
        before,
        Some("has" | "have" | "it's" | "we've" | "i've" | "they've" | "we" | "i")
    ) && next.is_some_and(|n| n.ends_with("ed") || matches!(n, "caught" | "been" | "run"))
    {
        return true;
    }
    matches!(
        before,
        Some(
            "ever"
                | "months"
                | "weeks"
                | "years"
                | "days"
                | "quarters"
                | "month"
                | "week"
                | "year"
                | "day"
                | "quarter"
                | "time"
        )
    ) || counted_since(w, i)
        || next.is_none_or(|n| {
            matches!(
                n,
                "then" | "." | "," | ";" | ")" | "..." | "…" | "launch" | "rollout"
            )
        })
        || (matches!(next, Some("the" | "its" | "our" | "that" | "this"))
            && matches!(
                after_next,
                Some(
                    "change"
                    | "changes"
                    | "fix"
                    | "rollout"
                    | "launch"
                    | "migration"
                    | "switch"
                    | "incident"
                    | "outage"
                    | "move"
                    | "cutover"
                    | "release"
                    | "redesign"
                    // "since that day", "since that point": a time.
                    | "day"
                    | "night"
                    | "week"
                    | "month"
                    | "point"
                    | "morning"
                    | "evening"
                )
            ))
}

/// Sentence `s` cut at its semicolons.
fn clauses(f: &Field, s: &Sentence) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = s.first;
    for i in s.first..s.last {
        // "..., and added an alert on ...": a second change, its own clause.
        let and_then =
            f.tokens[i].lower == "," && f.tokens.get(i + 1).is_some_and(|t| t.lower == "and") && {
                // "..., and we turned on Origin Shield": the subject may come first.
                let k = i
                    + 2
                    + usize::from(
                        f.tokens
                            .get(i + 2)
                            .is_some_and(|t| matches!(t.lower.as_ref(), "we" | "i")),
                    );
                f.tokens.get(k).is_some_and(|t| {
                    CREATED.contains(&t.lower.as_ref()) || SHIPPED.contains(&t.lower.as_ref())
                })
                    // "..., and we agreed an escalation path", "..., and we
                    // said we should load test": talk, or a wish, in a
                    // clause of its own is judged on its own.
                    || (k == i + 3
                        && f.tokens.get(k).is_some_and(|t| {
                            let v = t.lower.as_ref();
                            MAYBE_LATER.contains(&v) || PROPOSAL.contains(&v) || v == "said"
                        }))
            };
        // "I ran workshops with each team, we built Grafana dashboards":
        // a comma, then the speaker and a verb done; not after a lead-in
        // ("Later, um, we put an alert on ...").
        let then_we = f.tokens[i].lower == ","
            && (first..i).filter(|&k| f.tokens[k].is_word()).count() >= 5
            && f.tokens
                .get(i + 1)
                .is_some_and(|t| matches!(t.lower.as_ref(), "we" | "i"))
            && f.tokens.get(i + 2).is_some_and(|t| {
                let v = t.lower.as_ref();
                MADE.contains(&v) || CREATED.contains(&v) || (v.len() > 4 && v.ends_with("ed"))
            });
        // In the section about what lasts, every ", and" may start another
        // change: "..., and the Kafka client version is pinned".
        // Not "We want to move to Metric Streams, and to put a budget alert
        // on the bill": an infinitive goes on with the clause's verb.
        let and_in_home = f.beat == Some("systemic_change")
            && f.tokens[i].lower == ","
            && f.tokens.get(i + 1).is_some_and(|t| t.lower == "and")
            && f.tokens.get(i + 2).is_none_or(|t| t.lower != "to");
        if f.tokens[i].lower == ";" || and_then || and_in_home || then_we {
            if first < i {
                out.push(Sentence {
                    first,
                    last: i + 1,
                    counts: s.counts,
                    salad: s.salad,
                });
            }
            // The next clause starts after ", and" (or the comma).
            first = if f.tokens[i].lower == ";" || then_we {
                i + 1
            } else {
                i + 2
            };
        }
    }
    if first < s.last {
        out.push(Sentence {
            first,
            last: s.last,
            counts: s.counts,
            salad: s.salad,
        });
    }
    out
}

/// The first lasting practice named in a sentence of keyword salad (a
/// list of terms with no grammar, which no rule counts).
fn named_in_a_list(a: &Analysis) -> Option<Evidence> {
    a.prose().find_map(|f| {
        f.sentences
            .iter()
            .filter(|s| s.salad && a_list(f, s) && !caused_it(&words(f, s)))
            .find_map(|s| mechanism(f, s))
            .map(|(first, last, _)| {
                f.evidence(
                    first,
                    last,
                    Rule::Prevention,
                    "named in a keyword list only".into(),
                )
            })
    })
}

/// A sentence shaped as a list: two or more separators between its terms
/// ("runbooks, chaos engineering, game days"), not a terse line of prose
/// ("CI runners on spot instances kept dying mid-build").
fn a_list(f: &Field, s: &Sentence) -> bool {
    f.tokens[s.first..s.last]
        .iter()
        .filter(|t| matches!(t.lower.as_ref(), "," | "/" | ";" | "|" | "•" | "+" | "&"))
        .count()
        >= 2
}

/// The mechanism a sentence names, as a token range and its kind.
fn mechanism(f: &Field, s: &Sentence) -> Option<(usize, usize, &'static str)> {
    for hit in f.hits_in(s) {
        if negated_before(f, hit.first, 3) {
            continue;
        }
        if followed(f, hit.first) || said_as_a_verb(f, hit.first, hit.last) {
            continue;
        }
        let kind = if hit.tags.has(Tag::Detection) {
            "detection"
        } else if hit.tags.has(Tag::Prevention) {
            "prevention"
        } else if hit.tags.has(Tag::Mitigation) {
            "mitigation"
        } else if hit.tags.has(Tag::Process) {
            "process"
        } else {
            continue;
        };
        return Some((hit.first, hit.last, kind));
    }
    (s.first..s.last).find_map(|i| {
        let t = &f.tokens[i];
        (!t.masked
            && MECHANISM_NOUNS.contains(&t.lower.as_ref())
            // "We changed the default for card-payments-enabled", not
            // "read-only roles by default" (how) nor "a default Sidecar
            // resource" (what kind).
            && !(matches!(t.lower.as_ref(), "default" | "defaults")
                && (i.checked_sub(1).is_some_and(|b| f.tokens[b].lower == "by")
                    || f.tokens.get(i + 1).is_some_and(|n| n.is_word() && !n.function)))
            && !followed(f, i)
            && !said_as_a_verb(f, i, i + 1)
            // "We did not have token rotation in place".
            && !negated_before(f, i, 3))
        .then_some((i, i + 1, "prevention"))
    })
}

/// "I never really got to test that", "we wanted to check whether": a
/// mechanism's word said as the verb after "to", not a thing built.
fn said_as_a_verb(f: &Field, first: usize, last: usize) -> bool {
    let word = |i: usize| f.tokens.get(i).map_or("", |t| t.lower.as_ref());
    last == first + 1
        && matches!(
            word(first),
            "test" | "check" | "monitor" | "alert" | "log" | "probe" | "verify" | "page" | "limit"
        )
        && first.checked_sub(1).is_some_and(|b| word(b) == "to")
        && matches!(
            word(last),
            "that" | "it" | "this" | "them" | "whether" | "if" | "the" | "what" | "how"
        )
}

/// "using an established playbook", "followed our standard change process",
/// "we've used the same staged rollout since":
/// a mechanism followed is not a change made.
fn followed(f: &Field, first: usize) -> bool {
    let word = |i: usize| f.tokens[i].lower.as_ref();
    first
        .checked_sub(1)
        .is_some_and(|i| matches!(word(i), "per" | "via"))
        || (first.saturating_sub(6)..first)
            .rev()
            .map(word)
            .take_while(|w| !matches!(*w, "," | "." | ";" | ":" | "and"))
            .any(|w| matches!(w, "using" | "following" | "followed" | "used"))
}

/// Concrete: the mechanism is said with what it does or watches ("an alert
/// on connection saturation", "a job that resolves every name"), or with a
/// figure or an exact name; not "improved monitoring".
fn concrete(f: &Field, s: &Sentence, first: usize, last: usize) -> bool {
    let after: Vec<&str> = f.tokens[last..s.last.min(last + 4)]
        .iter()
        .map(|t| t.lower.as_ref())
        .collect();
    // "improved monitoring on the storage network" is the rubric's vague
    // change: a practice in general needs what it does ("monitoring that
    // pages when ..."), not only where.
    let general = last == first + 1
        && matches!(
            f.tokens[first].lower.as_ref(),
            "monitoring"
                | "alerting"
                | "observability"
                | "logging"
                | "visibility"
                | "testing"
                | "process"
                | "processes"
                | "documentation"
                | "communication"
                | "tooling"
        );
    let qualified = after.first().is_some_and(|w| {
        if general {
            return matches!(
                *w,
                "that" | "which" | "when" | "if" | "whenever" | "so" | "before"
            );
        }
        matches!(
            *w,
            "that"
                | "which"
                | "on"
                | "for"
                | "when"
                | "if"
                | "to"
                | "with"
                | "at"
                | "in"
                | "of"
                | "so"
                | "before"
                | "whenever"
                | "against"
                | "per"
                | "from"
                | "into"
                | "onto"
                | "="
        ) || SWITCHED.contains(w)
    }) && after.len() >= 2;
    let tech = f
        .hits_in(s)
        .iter()
        .filter(|h| h.tags.has(Tag::Tech))
        .count()
        >= 2;
    // What it does, right after it or further on ("a check rejects ...",
    // "a synthetic probe performs a handshake from every PoP and pages
    // after two failures").
    // "a weekly job compares ... and flags ...", "kubectl apply is blocked by
    // RBAC": what it does, said anywhere in the clause.
    let acts = f.tokens[s.first..s.last]
        .iter()
        .any(|t| ACTS.contains(&t.lower.as_ref()) || ACTED.contains(&t.lower.as_ref()));
    // A tool or setting named as written: "Flagger", "RBAC",
    // `idle_in_transaction_session_timeout`.
    let named =
        f.beat == Some("systemic_change") && (s.first + 1..s.last).any(|i| named_thing(f, i));
    // A rule said with its condition or its cadence: "any new system must
    // register a collector before it gets production access", "escalate to
    // the platform lead weekly".
    let ruled = f.tokens[s.first..s.last].iter().any(|t| {
        let w = t.lower.as_ref();
        CADENCES.contains(&w)
            || matches!(
                w,
                "must" | "cannot" | "can't" | "automatically" | "automatic" | "unless" | "whenever"
            )
    });
    qualified
        || (tech && !general)
        || acts
        || ruled
        || named
        || (described(f, s, first) && !general)
        || !f.quantities_in(s).is_empty()
}

/// How often a thing runs: "a weekly job", "I made the restore test
/// nightly".
const CADENCES: &[&str] = &[
    "weekly",
    "daily",
    "nightly",
    "monthly",
    "hourly",
    "quarterly",
];

/// A mechanism with two words of its own before it: "the monthly chaos-day
/// checklist", "a delivery-receipt failure-rate alert". Not "a better
/// process", "our monitoring".
fn described(f: &Field, s: &Sentence, first: usize) -> bool {
    const PLAIN: &[&str] = &[
        "a",
        "an",
        "the",
        "our",
        "my",
        "their",
        "its",
        "some",
        "more",
        "better",
        "new",
        "improved",
        "this",
        "that",
        "of",
        "on",
        "in",
        "to",
        "for",
        "with",
        "and",
        "any",
        "all",
        "proper",
        "extra",
        "additional",
        "basic",
        "general",
        "overall",
        "stronger",
        "further",
        "few",
    ];
    // Hedges ("a, I think, CI check") are no description.
    let before: Vec<_> = f.tokens[s.first..first]
        .iter()
        .rev()
        .filter(|t| !t.masked)
        .take(2)
        .collect();
    before.len() == 2
        && before
            .iter()
            .all(|t| t.is_word() && !PLAIN.contains(&t.lower.as_ref()))
}

/// Token `i` names a thing as written: a capitalised name inside a sentence,
/// an acronym, or a code-like name.
fn named_thing(f: &Field, i: usize) -> bool {
    let t = &f.tokens[i];
    let raw = &f.text[t.start..t.end];
    let starts_sentence = i == 0
        || matches!(
            f.tokens[i - 1].lower.as_ref(),
            "." | ":" | ";" | "-" | "*" | "(" | "\"" | "•"
        );
    !t.masked
        && raw.chars().count() > 2
        && raw.chars().any(char::is_alphabetic)
        && (raw.contains('_')
            || in_backticks(f, t.start, t.end)
            || (!starts_sentence && raw.chars().next().is_some_and(char::is_uppercase))
            || raw
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase))
}

/// Names that are no mechanism (besides the [`WEEKDAYS`] and [`MONTHS`]):
/// the metrics a change is judged by, SQL's keywords ("ADD CONSTRAINT"),
/// common acronyms of places and parts ("the tax API", "one AZ", "EU").
const NOT_A_MECHANISM: &[&str] = &[
    "mttr", "mttd", "mtta", "mtbf", "rto", "rpo", "sla", "add", "alter", "select", "update",
    "delete", "insert", "create", "drop", "not", "valid", "set", "cab", "i'm", "i've", "i'd",
    "i'll", "api", "apis", "db", "az", "azs", "cpu", "ip", "os", "vm", "vms", "aws", "gcp", "eu",
    "us", "uk", "apac", "emea", "utc", "gb", "mb", "tb",
];

/// Token `i` names a thing as written ([`named_thing`]) that can be a
/// mechanism: "through Sentinel", not "on Monday" or "reduced MTTR".
fn named_mechanism(f: &Field, i: usize) -> bool {
    let shouted = |j: usize| {
        f.tokens.get(j).is_some_and(|t| {
            let raw = &f.text[t.start..t.end];
            raw.chars().count() > 1 && raw.chars().all(|c| c.is_ascii_uppercase())
        })
    };
    named_thing(f, i)
        && !NOT_A_MECHANISM.contains(&f.tokens[i].lower.as_ref())
        && !MONTHS.contains(&f.tokens[i].lower.as_ref())
        && !WEEKDAYS.contains(&f.tokens[i].lower.as_ref())
        // "VALIDATE CONSTRAINT": a statement quoted, not a thing named.
        && !(shouted(i) && (shouted(i + 1) || (i > 0 && shouted(i - 1))))
}

/// What a lasting mechanism does, said in the passive: "is blocked by RBAC".
const ACTED: &[&str] = &[
    "renewed",
    "rotated",
    "tested",
    "reviewed",
    "scanned",
    "audited",
    "approved",
    "blocked",
    "rejected",
    "enforced",
    "gated",
    "denied",
    "validated",
    "required",
    "paged",
    "alerted",
    "flagged",
];

/// What a lasting mechanism does, said as its verb.
const ACTS: &[&str] = &[
    "pages",
    "alerts",
    "fires",
    "rejects",
    "refuses",
    "blocks",
    "fails",
    "checks",
    "runs",
    "compares",
    "verifies",
    "performs",
    "catches",
    "stops",
    "aborts",
    "requires",
    "prevents",
    "detects",
    "warns",
    "enforces",
    "denies",
    "resolves",
    "validates",
    "kills",
    "drains",
    "throttles",
    "caps",
    "flags",
    "notifies",
    "reports",
    "opens",
    "raises",
    "decides",
    "assigns",
    "quarantines",
    "escalates",
    "revokes",
    "rotates",
    "renews",
    "halts",
];

/// Words of the speaker or their team.
const PERSONAL: &[&str] = &[
    "i", "we", "our", "us", "my", "team", "i'd", "we'd", "me", "we're", "i'm", "we've", "i've",
    "we'll", "i'll",
];

/// The marks that open a list item.
pub(super) const BULLETS: [char; 6] = ['-', '*', '•', '+', '\u{2013}', '\u{2014}'];

/// Word `w` is a list item's mark alone ("-", "•").
fn bullet(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(|c| BULLETS.contains(&c)) && chars.next().is_none()
}

/// An action item still to do: it opens with a plain verb ("Review ...",
/// "Consider ...") and nothing says it is done (the caller rules out "now").
/// An item's own label ("- AI-1: Review ...", "3: Add ...") is passed
/// over, and an item marked "Status: open" is still to do.
fn to_do(w: &[&str]) -> bool {
    let labelled = w.iter().take(6).position(|x| *x == ":").filter(|&colon| {
        w[..colon]
            .iter()
            .any(|x| x.chars().any(|c| c.is_ascii_digit()))
    });
    let first = w[labelled.map_or(0, |c| c + 1)..]
        .iter()
        .find(|x| !bullet(x));
    let open = w
        .windows(3)
        .any(|p| p == ["status", ":", "open"] || p == ["status", ":", "todo"]);
    (first.is_some_and(|x| TO_DO.contains(x)) || open) && !w.iter().any(|x| DONE.contains(x))
}

/// Words that make a sentence a wish wherever it stands: "we should store
/// everything in UTC", "it stays on the backlog", "I championed adding
/// monitoring", "in hindsight a runbook step would have avoided it".
const WISH: &[&str] = &[
    "should",
    "should've",
    "propose",
    "proposed",
    "suggest",
    "suggested",
    "recommend",
    "recommended",
    "backlog",
    "roadmap",
    "eventually",
    "someday",
    "hindsight",
    "champion",
    "championed",
    "advocate",
    "advocated",
    "keen",
    "tbd",
    "todo",
];

/// Words of talk about a change, a wish only after the incident: "in the
/// meeting we discuss to add a second provider", "we're looking at
/// replacing it at some point".
const MAYBE_LATER: &[&str] = &[
    "discuss",
    "discussing",
    "talk",
    "raised",
    "looking",
    "agreed",
];

/// Word `i` of `w` puts a change off for later ([`MAYBE_LATER`]): "I
/// raised it with the team", not "we raised the CPU request to 1 core",
/// which sets a value.
fn maybe_later(w: &[&str], i: usize) -> bool {
    match w[i] {
        // "we talked about a canary", not "the frontend couldn't talk to the API".
        "talk" | "talking" | "thinking" => w.get(i + 1) == Some(&"about"),
        // "the limit was raised in the base image" sets a value too, but
        // "it was raised as a standard change" or "with the team" is talk.
        "raised" => {
            !w[i + 1..]
                .windows(2)
                .take(6)
                .any(|p| p[0] == "to" && is_figure(p[1]))
                && (!passive(w, i) || matches!(w.get(i + 1), Some(&("as" | "with" | "at"))))
        }
        // "outside the agreed policy": a thing settled, not talk.
        "agreed" => !i
            .checked_sub(1)
            .is_some_and(|b| matches!(w[b], "the" | "an" | "our" | "their" | "its")),
        x => MAYBE_LATER.contains(&x),
    }
}

/// Word `i` of `w` is a participle after a form of "be": "was raised".
fn passive(w: &[&str], i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|b| matches!(w[b], "was" | "were" | "is" | "are" | "been" | "be" | "got"))
}

/// Words that place a wish after the incident, in what should last: "for
/// the future", "going forward", "at some point", "in the team meeting".
/// Without one, "I could raise the limit" weighs an option in the incident.
const AFTERWARDS: &[&str] = &[
    "future",
    "forward",
    "afterwards",
    "afterward",
    "later",
    "after",
    "point",
    "next",
    "meeting",
    "retro",
    "retrospective",
    "postmortem",
    "post-mortem",
    "list",
    "manager",
    "lesson",
    "again",
    "often",
];

/// Verbs that say what a wish would change: "should have a backup
/// provider", "talked about having shorter TTLs", "discuss to add a second
/// payment provider".
const WISHED_CHANGE: &[&str] = &[
    "add",
    "adding",
    "have",
    "having",
    "had",
    "store",
    "storing",
    "test",
    "testing",
    "replace",
    "replacing",
    "go",
    "going",
    "move",
    "moving",
    "use",
    "using",
    "build",
    "building",
    "set",
    "automate",
    "automating",
    "stagger",
    "staggered",
    "switch",
    "switching",
    "track",
    "tracking",
    "alert",
    "alerting",
    "monitor",
    "monitoring",
    "introduce",
    "introducing",
    "run",
    "running",
    "enforce",
    "require",
    "block",
    "pin",
    "split",
    "migrate",
    "migrating",
    "rotate",
    "limit",
    "cap",
    "document",
    "write",
    "get",
    "keep",
    "put",
    "make",
    "scanning",
    "avoided",
    "prevented",
    "caught",
];

/// A wish said in a phrase of its own: "we think to add alert", "I'd have
/// liked an alert", "we never got to it", "not done yet".
fn wished_aloud(w: &[&str]) -> bool {
    w.windows(2).any(|p| {
        matches!(
            p,
            ["think", "to"]
                | ["thinking", "to" | "of" | "about"]
                | ["i'd" | "we'd", "like" | "have" | "love"]
                // "a per-role connection limit, not done yet", "yet to ship".
                | ["not", "done" | "yet" | "shipped" | "started" | "built"]
                | ["yet", "to"]
                // "the follow-up was supposed to be a CI check".
                | ["supposed", "to"]
                // "Best practice is to alarm on each tunnel": advice in
                // general, the textbook's wish.
                | ["best", "practice" | "practices"]
        )
    }) || w
        .windows(3)
        .any(|p| matches!(p, ["never", "got", "to" | "round" | "around"]))
}

/// A wish for a change after the incident, said by the speaker (or in the
/// section about what lasts): the rubric's one point for a proposal. `late`
/// is true for the last third of a free text, where a story turns to what
/// comes next; `planned` for an action item still to do; `named` when the
/// sentence names the mechanism wished for.
fn wish(w: &[&str], home: bool, late: bool, planned: bool, named: bool) -> bool {
    let strong = (0..w.len()).any(|i| wish_word(w, i))
        || w.windows(2).any(|p| {
            matches!(
                p,
                ["action", "item" | "items"]
                    | ["some", "point"]
                    | ["pushed", "for"]
                    | ["got", "to" | "round" | "around"]
            )
        })
        || wished_aloud(w);
    let weak = planned || (0..w.len()).any(|i| proposal_word(w, i) || maybe_later(w, i));
    let after = home || late || w.iter().any(|x| AFTERWARDS.contains(x));
    let personal = home || w.iter().any(|x| PERSONAL.contains(x) || *x == "hindsight");
    personal
        && (strong || (weak && after))
        && (named || w.iter().any(|x| WISHED_CHANGE.contains(x)))
}

/// The mechanism of a clause that says what something does from now on
/// without naming it with a noun: "DLQ depth > 0 now pages the team" — the
/// words before the verb.
fn acting_subject(f: &Field, s: &Sentence) -> Option<(usize, usize, &'static str)> {
    let word = |i: usize| f.tokens[i].lower.as_ref();
    // "it certainly catches this class of thing now": "certainly" is no
    // subject.
    let adverb = |w: &str| {
        matches!(
            w,
            "now" | "always" | "automatically" | "-" | "also" | "still"
        ) || (w.len() > 4 && w.ends_with("ly"))
    };
    // "... now pages the team", in the passive "... are now rejected", or
    // as a state "comms lead is now a required role".
    let filler = |w: &str| adverb(w) || matches!(w, "a" | "an");
    let verb = (s.first..s.last).find(|&i| {
        ACTS.contains(&word(i))
            || (ACTED.contains(&word(i))
                && (s.first..i)
                    .rev()
                    .find(|&k| !filler(word(k)))
                    .is_some_and(|k| matches!(word(k), "is" | "are" | "get" | "gets")))
    })?;
    let mut end = verb;
    while end > s.first
        && (filler(word(end - 1)) || matches!(word(end - 1), "is" | "are" | "get" | "gets"))
    {
        end -= 1;
    }
    let first = (s.first..end)
        .rev()
        .take_while(|&i| {
            !matches!(
                word(i),
                "," | ":" | ";" | "and" | "then" | "it" | "that" | "which" | "since" | "after"
            ) && !is_figure(word(i))
        })
        .last()?;
    let first = (first..end).find(|&i| !adverb(word(i)))?;
    // What the verb does says the kind: it tells someone, it stops
    // something, or it is a step of how the work is done.
    let kind = match word(verb) {
        "pages" | "alerts" | "fires" | "warns" | "notifies" | "reports" | "detects" | "catches"
        | "flags" | "paged" | "alerted" | "flagged" | "checks" | "compares" | "verifies"
        | "scanned" | "audited" | "opens" | "raises" | "escalates" => "detection",
        "rejects" | "refuses" | "blocks" | "fails" | "stops" | "aborts" | "prevents" | "denies"
        | "enforces" | "validates" | "requires" | "blocked" | "rejected" | "enforced" | "gated"
        | "denied" | "validated" | "revokes" | "rotates" | "renews" | "halts" => "prevention",
        "kills" | "drains" | "throttles" | "caps" | "resolves" => "mitigation",
        _ => "process",
    };
    (first < end && end - first <= 5).then_some((first, end, kind))
}

/// What "incident" or "outage" names when it comes first: a thing made
/// for handling incidents ("the incident bot", "an incident commander
/// rotation", "outage drills"), not harm.
const INCIDENT_THINGS: &[&str] = &[
    "bot",
    "bots",
    "channel",
    "channels",
    "commander",
    "commanders",
    "process",
    "processes",
    "response",
    "review",
    "reviews",
    "runbook",
    "runbooks",
    "playbook",
    "playbooks",
    "template",
    "templates",
    "tooling",
    "tool",
    "tools",
    "management",
    "rotation",
    "drill",
    "drills",
    "trend",
    "trends",
    "data",
    "postmortem",
    "postmortems",
    "timeline",
    "timelines",
    "workflow",
    "workflows",
    "training",
    "role",
    "roles",
    "severity",
    "declaration",
    "programme",
    "program",
    "report",
    "reports",
    "simulation",
    "simulations",
    "-",
];

/// The change that caused the outage is no systemic change. "After the
/// incident" places a change after it, not as its cause.
fn caused_it(w: &[&str]) -> bool {
    // "set up a rule to clean up old stuff, and it was too broad, so it
    // deleted files we still needed": the harm the change did.
    let harm = |x: &str| matches!(x, "caused" | "triggered" | "broke" | "deleted");
    let so_it_harmed = w
        .windows(3)
        .any(|p| p[0] == "so" && matches!(p[1], "it" | "they") && harm(p[2]));
    so_it_harmed
        || w.iter().enumerate().any(|(i, x)| {
            let after_it = w[..i]
                .iter()
                .rev()
                .take(2)
                .any(|b| matches!(*b, "after" | "following" | "post" | "since"));
            // "decide whether each alert stays or gets deleted": what a
            // review does, not harm done.
            let what_it_does = (*x == "deleted"
                && i.checked_sub(1)
                    .is_some_and(|b| matches!(w[b], "gets" | "get" | "be")))
                // "Rundeck jobs triggered by Alertmanager webhooks": how a
                // mechanism starts, not harm.
                || (*x == "triggered"
                    && w
                        .get(i + 1)
                        .is_some_and(|n| matches!(*n, "by" | "on" | "when" | "whenever" | "from")));
            // "The next rotation caused zero failed logins": no harm.
            let none_done = w
                .get(i + 1)
                .is_some_and(|n| matches!(*n, "zero" | "no" | "none" | "nothing"));
            // "I built the incident bot", "an outage drill": a thing for
            // incidents, not one.
            let for_incidents = w.get(i + 1).is_some_and(|n| INCIDENT_THINGS.contains(n));
            (matches!(*x, "caused" | "causing" | "triggered" | "broke" | "deleted")
                && !what_it_does
                && !none_done)
                || (matches!(*x, "outage" | "incident") && !after_it && !for_incidents)
        }) && !w
            .iter()
            .any(|x| matches!(*x, "now" | "since" | "prevent" | "prevents" | "so"))
        // "in a game day we broke the path on purpose": a test, not harm.
        && !w
            .iter()
            .any(|x| matches!(*x, "purpose" | "deliberately" | "intentionally"))
        // "a grant change broke the backup user again, and the size alert
        // caught it": the harm come back, caught by what was made.
        && !w.iter().skip_while(|x| !matches!(**x, "broke" | "caused" | "triggered")).any(|x| {
            matches!(*x, "caught" | "detected" | "flagged" | "paged" | "fired" | "alerted")
        })
}

/// A clause that says nothing changed: "the VMs are configured the same
/// as they were before", "the job is unchanged", "no changes were made",
/// "nobody touched it since".
fn left_as_it_was(w: &[&str]) -> bool {
    let not_revisited = |x: &str| {
        matches!(
            x,
            "touched" | "revisited" | "looked" | "updated" | "reviewed" | "changed"
        )
    };
    w.windows(3).any(|p| {
        p == ["the", "same", "as"]
            || p == ["as", "it", "was"]
            || p == ["as", "they", "were"]
            || (p[0] == "no" && p[1] == "one" && not_revisited(p[2]))
    }) || w.iter().any(|x| matches!(*x, "unchanged" | "untouched"))
        || w.windows(2)
            .any(|p| matches!(p[0], "nobody" | "never" | "noone") && not_revisited(p[1]))
        || w.windows(2).any(|p| {
            matches!(p[0], "no" | "nothing") && matches!(p[1], "changes" | "changed" | "change")
        })
}

/// A lesson the speaker took ("I learned to always check the flag", "the
/// lesson for me was ...", "the big thing I took away"), a habit of theirs
/// ("now I always check MTU first") or knowledge someone gained ("the
/// firewall team now knows why ICMP matters"): not a change that shipped.
fn personal_lesson(w: &[&str]) -> bool {
    // "Now I always check MTU first": a habit of the speaker's, not a
    // mechanism anyone else can rely on.
    let habit = w.windows(2).enumerate().any(|(i, p)| {
        p[0] == "i"
            && (matches!(p[1], "always" | "never")
                || (p[1] == "make" && w.get(i + 2) == Some(&"sure")))
    });
    // "the firewall team now knows why ICMP matters": knowledge gained.
    let knows = w.iter().any(|x| {
        matches!(
            *x,
            "knows" | "know" | "aware" | "understands" | "understand" | "remembers"
        )
    }) && w.contains(&"now");
    // "The big thing I took away personally is to read the GC log first".
    let took_away = w
        .windows(2)
        .any(|p| matches!(p[0], "took" | "take") && p[1] == "away")
        // "What I took from it is: always double-check the environment".
        || w.windows(3).any(|p| {
            matches!(p[0], "took" | "take" | "taken")
                && p[1] == "from"
                && matches!(p[2], "it" | "this" | "that")
        })
        || w.iter().any(|x| matches!(*x, "takeaway" | "takeaways"));
    // "Lesson learned: always double check the target before you hit
    // run": advice to oneself, with nothing built.
    let advice = w
        .iter()
        .any(|x| matches!(*x, "lesson" | "lessons" | "learned" | "learnt"))
        && w.iter()
            .any(|x| matches!(*x, "always" | "never" | "careful" | "remember" | "double"))
        && !w.iter().any(|x| *x == "now" || CREATED.contains(x));
    habit
        || knows
        || advice
        || (took_away
            || w.iter().any(|x| {
                matches!(
                    *x,
                    "learned"
                        | "learnt"
                        | "lesson"
                        | "lessons"
                        | "taught"
                        | "realised"
                        | "realized"
                )
            }))
            && w.iter().enumerate().any(|(i, x)| {
                // "I mean", "I guess": a filler, not the speaker's own lesson.
                let filler = *x == "i" && matches!(w.get(i + 1), Some(&("mean" | "guess")));
                matches!(*x, "i" | "me" | "my" | "myself") && !filler
            })
}

/// Words that place a sentence after the incident, in what lasts.
const LASTING: &[&str] = &[
    "now",
    "since",
    "afterwards",
    "afterward",
    "permanently",
    "forward",
    "ongoing",
    "anymore",
    "follow",
    "post",
    "always",
    "whenever",
    "repeat",
];

/// Word `i` of `w` places its sentence after the incident ([`LASTING`]):
/// "post" and "follow" only as "post-incident", "follow-up", not "I ran
/// POST _cluster/reroute", "we follow the runbook".
fn lasting_word(w: &[&str], i: usize) -> bool {
    let next = |k: usize| w.get(i + k).copied();
    match w[i] {
        "post" => {
            next(1) == Some("-")
                && matches!(
                    next(2),
                    Some("incident" | "mortem" | "outage" | "review" | "incidents")
                )
        }
        "follow" => {
            next(1) == Some("up") || (next(1) == Some("-") && matches!(next(2), Some("up" | "ups")))
        }
        // "Today the cache client coalesces misses", "these days a job
        // does it": how things run now, not "today's invoice".
        "today" => i == 0,
        "nowadays" => true,
        // "After, we migrate this queue to quorum queues": "after" said
        // alone, opening the clause, is afterwards.
        "after" => {
            w[..i]
                .iter()
                .all(|b| bullet(b) || matches!(*b, "and" | "so" | "then"))
                && matches!(next(1), Some("," | ":" | "-"))
        }
        // "five minutes after its own idea of now", "pinned for now",
        // "until now": no time after the incident.
        "now" => {
            !i.checked_sub(1)
                .is_some_and(|b| matches!(w[b], "of" | "until" | "till" | "by" | "for" | "than"))
                && !recovered(&w[i + 1..])
        }
        // "The permanent work took two weeks".
        "permanent" => true,
        // "Longer term we tightened our Redis alerts", "the long-term fix".
        "term" => {
            let before = w[..i].iter().rev().find(|b| **b != "-");
            matches!(before, Some(&("long" | "longer")))
        }
        // "going forward", not "a big step forward".
        "forward" => !i
            .checked_sub(1)
            .is_some_and(|b| matches!(w[b], "step" | "steps" | "leap" | "way" | "fast")),
        "days" => i.checked_sub(1).is_some_and(|b| w[b] == "these"),
        // "no repeat since", not "memory creeping up until OOMKilled, then
        // repeat".
        "repeat" => w[..i]
            .iter()
            .any(|b| matches!(*b, "no" | "zero" | "not" | "never" | "without")),
        // "a restart no longer happens by hand", not "the selector no
        // longer matched": what is true now.
        "longer" => {
            // "credentials no longer live in CI": a plain present verb.
            i.checked_sub(1).is_some_and(|b| w[b] == "no")
                && next(1).is_some_and(|v| {
                    matches!(
                        v,
                        "is" | "are" | "can" | "has" | "have" | "needs" | "need" | "depends"
                    ) || (v.ends_with('s') && !v.ends_with("ss") && v.len() > 3)
                        || (v.len() > 2
                            && v.chars().all(|c| c.is_ascii_lowercase())
                            && !v.ends_with("ed")
                            && !v.ends_with("ing")
                            && !matches!(
                                v,
                                "had"
                                    | "could"
                                    | "would"
                                    | "was"
                                    | "were"
                                    | "did"
                                    | "than"
                                    | "the"
                                    | "a"
                                    | "an"
                                    | "in"
                                    | "on"
                                    | "at"
                                    | "worked"
                                    | "ran"
                                    | "went"
                                    | "got"
                                    | "made"
                                    | "kept"
                                    | "came"
                                    | "took"
                            ))
                })
        }
        x => LASTING.contains(&x),
    }
}

/// Words that say "from then on" only beside a change made: "every deploy",
/// "after that" also tell the incident itself.
const LASTING_WITH_A_CHANGE: &[&str] = &[
    "every", "any", "all", "each", "after", "later", "again", "longer",
];

/// "so it wouldn't happen again", "to prevent a recurrence": a change
/// made for the time after.
fn never_again(w: &[&str]) -> bool {
    // "To keep it that way, a CI test fails ...".
    let kept = w.windows(4).any(|p| {
        matches!(p[0], "keep" | "keeps" | "stays" | "stay")
            && matches!(p[1], "it" | "them" | "things" | "that")
            && p[2..] == ["that", "way"]
    }) || w
        .windows(3)
        .any(|p| matches!(p[0], "stays" | "stay") && p[1..] == ["that", "way"]);
    kept || w.iter().any(|x| matches!(*x, "recurrence" | "recurring"))
        || w.windows(2).enumerate().any(|(i, p)| {
            matches!(p[0], "happen" | "happens" | "happening" | "occur" | "recur")
                && p[1] == "again"
                && w[..i].iter().rev().take(6).any(|v| {
                    matches!(
                        *v,
                        "so" | "prevent"
                            | "stop"
                            | "never"
                            | "won't"
                            | "wouldn't"
                            | "can't"
                            | "cannot"
                            | "doesn't"
                            | "don't"
                            | "not"
                    )
                })
        })
}

/// A change made next, told as what came after the incident ("After that I
/// put the pool stats into our metrics and set an alert") or as something
/// that now runs on a schedule ("I made the restore test a weekly job").
fn made_next(w: &[&str]) -> bool {
    let changed = |v: &&str| {
        CREATED.contains(v)
            || matches!(
                *v,
                "put"
                    | "set"
                    | "made"
                    | "moved"
                    | "turned"
                    | "changed"
                    | "switched"
                    | "scheduled"
                    | "configured"
                    | "enabled"
                    | "hooked"
                    | "tuned"
                    | "fixed"
                    | "make"
                    | "deployed"
                    | "replaced"
                    | "rewrote"
                    | "reworked"
                    | "migrated"
            )
    };
    // Told in the present, as a fluent non-native speaker may: "Later we
    // release new SDK version with full jitter", "After this we add alert
    // on the queue". Said by "we" or "I", not a noun ("the change").
    let changed_now = |from: usize| made_by_us_now(w, from);
    // "Later: job moved into the cluster", "- Later we ...".
    let opening = w.iter().position(|x| !bullet(x)).unwrap_or(0);
    w.iter().enumerate().any(|(i, x)| match *x {
        "after" => {
            let then = match w.get(i + 1) {
                Some(&("that" | "this" | "it" | "everything")) => Some(i + 2),
                // "After the incident we moved ...", "after the review".
                Some(&"the") => matches!(
                    w.get(i + 2),
                    Some(&("incident" | "outage" | "review" | "postmortem" | "retro"))
                )
                .then_some(i + 3),
                _ => None,
            };
            then.is_some_and(|t| w[t.min(w.len())..].iter().any(changed) || changed_now(t))
        }
        "later" if i == opening => w[i + 1..].iter().any(changed) || changed_now(i + 1),
        // "I made the restore test a weekly job", not "when that state
        // went out in the weekly highstate, it set ...": the change first.
        x if CADENCES.contains(&x) => w[..i].iter().any(changed),
        _ => false,
    })
}

/// "Then I changed the panel to histogram_quantile", "and then we moved
/// the API to port 8081": a change the speaker made next, opening its
/// clause with "then".
fn then_changed(w: &[&str]) -> bool {
    let rest: Vec<&str> = w
        .iter()
        .copied()
        .skip_while(|x| bullet(x) || matches!(*x, "and" | "so"))
        .collect();
    rest.first() == Some(&"then")
        && matches!(rest.get(1), Some(&("i" | "we")))
        && rest.get(2).is_some_and(|v| {
            SWITCHED.contains(v)
                || CREATED.contains(v)
                || matches!(*v, "replaced" | "rewrote" | "reworked")
        })
}

/// "We also took the key out of the templates", "I also switched the
/// StorageClass": a further change, said with "also" by the one who made it.
fn also_changed(w: &[&str]) -> bool {
    w.iter().position(|x| *x == "also").is_some_and(|a| {
        w[..a].iter().any(|x| PERSONAL.contains(x))
            && w[a + 1..].first().is_some_and(|v| {
                CREATED.contains(v)
                    || SWITCHED.contains(v)
                    || matches!(
                        *v,
                        "took"
                            | "set"
                            | "made"
                            | "make"
                            | "changed"
                            | "moved"
                            | "put"
                            | "turned"
                            | "raised"
                            | "lowered"
                            | "capped"
                            | "limited"
                    )
            })
    })
}

/// Nothing done yet, or put off: "Follow-ups: None yet; the review got
/// pushed back after the sale", "postponed to Q3".
fn put_off(w: &[&str]) -> bool {
    let first = w.iter().find(|x| !bullet(x));
    let none = first.is_some_and(|x| matches!(*x, "none" | "nothing"))
        && w.iter()
            .any(|x| matches!(*x, "yet" | "so" | "planned" | "done"));
    none || w
        .windows(3)
        .any(|p| matches!(p[0], "got" | "was" | "been") && p[1] == "pushed" && p[2] == "back")
        || w.iter().any(|x| {
            matches!(
                *x,
                "postponed" | "deferred" | "deprioritised" | "deprioritized"
            )
        })
}

/// What was built was taken away again: "the pilot ended when I moved
/// teams", "the project was shelved", "deploys went back to the manual
/// canary" (not "latency went back to normal").
fn undone(w: &[&str]) -> bool {
    // "The pilot ended", "we scrapped the initiative" — not "the stop
    // condition ended the experiment on its own", a guardrail at work.
    let ended = w.iter().enumerate().any(|(i, x)| {
        matches!(
            *x,
            "ended" | "abandoned" | "dropped" | "scrapped" | "cancelled" | "canceled" | "shelved"
        ) && w.iter().enumerate().any(|(j, n)| {
            matches!(*n, "pilot" | "experiment" | "trial" | "initiative")
                && (j < i
                    || w[i.saturating_sub(3)..i].iter().any(|b| {
                        matches!(
                            *b,
                            "i" | "we" | "they" | "leadership" | "management" | "was" | "were"
                        )
                    }))
        })
    });
    let back = w.windows(3).enumerate().any(|(i, p)| {
        matches!(p[0], "went" | "go" | "going" | "reverted" | "returned")
            && p[1] == "back"
            && p[2] == "to"
            && w[i + 3..]
                .iter()
                .take(3)
                .any(|x| matches!(*x, "manual" | "old" | "previous" | "hand" | "doing"))
    });
    ended || back
}

/// A design's document signed off: "the RFC was approved by the
/// architecture group", "policy document written and presented to
/// leadership".
fn design_signed_off(w: &[&str]) -> bool {
    w.iter().any(|x| {
        matches!(
            *x,
            "rfc"
                | "rfcs"
                | "proposal"
                | "design"
                | "document"
                | "doc"
                | "adr"
                | "programme"
                | "program"
        )
    }) && w.iter().any(|x| {
        matches!(
            *x,
            "approved" | "presented" | "accepted" | "signed" | "endorsed" | "ratified"
        )
    })
}

/// The rollout is still to come: "we are planning to start the rollout
/// next quarter", "the rollout plan puts the top 50 jobs in the first
/// phase", "waiting for VP sign-off before rollout". Not what is left of a
/// rollout under way ("the remaining teams follow next quarter").
fn awaits_rollout(w: &[&str]) -> bool {
    let rollout = w.iter().any(|x| {
        matches!(
            *x,
            "rollout" | "roll" | "implementation" | "adoption" | "launch" | "migration" | "roadmap"
        )
    });
    let ahead = w.iter().any(|x| {
        matches!(
            *x,
            "planning"
                | "plan"
                | "next"
                | "once"
                | "phase"
                | "before"
                | "waiting"
                | "pending"
                | "due"
        )
    });
    let under_way = w.iter().any(|x| {
        matches!(
            *x,
            "remaining" | "rest" | "already" | "finished" | "completed" | "done"
        )
    });
    let waiting = w
        .windows(2)
        .any(|p| p[0] == "waiting" && matches!(p[1], "for" | "on"));
    (rollout && ahead || waiting) && !under_way
}

/// A story told in the present tense ("It's Saturday morning and the disk
/// alert fires ... I log in"): its present forms outnumber its past ones
/// three to one.
fn told_in_present(a: &Analysis) -> bool {
    let (mut present, mut past) = (0usize, 0usize);
    for (f, s) in a.sentences() {
        for w in words(f, s) {
            match w {
                "is" | "are" | "am" | "it's" | "i'm" | "we're" | "there's" | "that's" | "does"
                | "goes" | "says" | "shows" => present += 1,
                "was" | "were" | "did" | "went" | "said" | "showed" | "had" => past += 1,
                _ => {}
            }
        }
    }
    present >= 4 && present >= 3 * past
}

/// "We alert on any maintenance event", "we also page on lag": the team's
/// mechanism told as what it does, in the present.
fn we_do_now(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        *x == "we"
            && w[i + 1..]
                .iter()
                .find(|v| !matches!(**v, "also" | "now" | "only" | "automatically" | "always"))
                .is_some_and(|v| {
                    ACTS.iter()
                        .any(|a| a.strip_suffix('s').is_some_and(|base| base == *v))
                })
    })
}

/// A thing at work in the present, told after a story in the past: "the
/// deploy job fetches them from Secrets Manager", "a nightly job checks
/// every bucket's policy". Its verb is one only a mechanism does,
/// early in the clause, with a subject that is not the speaker, and not
/// the cause ("because ... blocks").
fn at_work_now(w: &[&str]) -> bool {
    // Verbs only: not "alerts", "pages", "checks", "reports", "runs",
    // "stops", which are as often things ("the noon timeout alerts
    // stopped"), nor what a fix did ("kills", "drains", "resolves").
    const AS_OFTEN_A_THING: &[&str] = &[
        "pages", "alerts", "fires", "fails", "checks", "runs", "performs", "stops", "resolves",
        "kills", "drains", "caps", "flags", "reports", "opens", "raises", "decides", "assigns",
    ];
    let at_work = |x: &&str| {
        ACTS.contains(x) && !AS_OFTEN_A_THING.contains(x) || matches!(*x, "fetches" | "pulls")
    };
    let Some(verb) = w.iter().take(8).position(at_work) else {
        return false;
    };
    verb > 0
        && !w[..verb].iter().any(|x| {
            PERSONAL.contains(x)
                || matches!(
                    *x,
                    "because" | "if" | "when" | "until" | "that" | "which" | "who"
                )
        })
        && !w.contains(&"because")
}

/// Participles that do not end in "-ed", for [`before_the_story`].
const PARTICIPLES: &[&str] = &[
    "built",
    "led",
    "made",
    "set",
    "put",
    "written",
    "done",
    "run",
    "been",
    "taken",
    "begun",
    "brought",
    "drawn",
    "given",
    "grown",
    "held",
    "kept",
    "rewritten",
    "split",
    "spent",
    "won",
];

/// A change told in the past perfect ("Over the previous quarter I'd led
/// the move to progressive delivery", "the change that added the endpoint
/// had been held back in review"): it was in place before the incident, so
/// it is how things stood, not what changed because of it. Not "we had two
/// options" (no participle), nor "it had since been freed".
fn before_the_story(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        let had = matches!(
            *x,
            "had" | "i'd" | "we'd" | "they'd" | "he'd" | "she'd" | "it'd" | "hadn't"
        );
        let Some(verb) = w[i + 1..].iter().find(|v| {
            !matches!(
                **v,
                "already"
                    | "just"
                    | "recently"
                    | "previously"
                    | "also"
                    | "all"
                    | "both"
                    | "ever"
                    | "long"
                    | "quietly"
            )
        }) else {
            return false;
        };
        // "we had tail sampling set up", "we had alerts in place": how
        // things stood.
        let had_in_place = *x == "had"
            && w[i + 1..].windows(2).take(5).any(|p| {
                p == ["set", "up"]
                    || p == ["in", "place"]
                    || matches!(p[1], "configured" | "enabled" | "installed")
            });
        had_in_place
            || had && (PARTICIPLES.contains(verb) || (verb.ends_with("ed") && verb.len() > 3))
    }) && !w.iter().any(|x| {
        matches!(*x, "since" | "afterwards" | "afterward")
            // "We'd just upgraded to 1.24, so the nodes were on containerd
            // now": the story's own now.
            || (*x == "now" && !w.windows(2).any(|p| had_word(p[0]) && matches!(p[1], "just" | "recently")))
    })
}

fn had_word(x: &str) -> bool {
    matches!(x, "had" | "i'd" | "we'd" | "they'd")
}

/// Harm beginning, told as it started: "customers started reporting
/// missing attachments", "pods began to be OOMKilled", "the orders API was
/// down for two hours", "the release got stuck". A change told before it
/// in a story that opens with changes is what set the incident up, not
/// what changed for good after it. Not "we started migrating", nor a
/// later repeat told as the change at work.
fn harm_begins(w: &[&str]) -> bool {
    let started = w.iter().enumerate().any(|(i, x)| {
        matches!(*x, "started" | "began" | "starts" | "begins")
            && w.get(i + 1).is_some_and(|n| {
                matches!(
                    *n,
                    "failing"
                        | "erroring"
                        | "reporting"
                        | "returning"
                        | "timing"
                        | "crashing"
                        | "dropping"
                        | "rejecting"
                        | "seeing"
                        | "getting"
                        | "throwing"
                        | "piling"
                        | "to"
                ) && (*n != "to"
                    || w.get(i + 2).is_some_and(|v| {
                        matches!(
                            *v,
                            "fail" | "be" | "time" | "crash" | "drop" | "return" | "error" | "see"
                        )
                    }))
            })
    });
    // "The orders API was down for two hours", not "costs went down,
    // maybe by half" nor "429s were down to 0.3%".
    let down = w.iter().enumerate().any(|(i, x)| {
        let before = i.checked_sub(1).map(|b| w[b]);
        let said_down = *x == "down"
            && matches!(before, Some("was" | "were" | "went" | "is" | "are"))
            && matches!(w.get(i + 1), None | Some(&("for" | ".")));
        // Not "we got stuck on how to migrate the ACLs": a question
        // unanswered, no harm.
        let on_a_question = w.get(i + 1) == Some(&"on")
            && matches!(
                w.get(i + 2),
                Some(&("how" | "what" | "whether" | "which" | "who"))
            );
        said_down
            || *x == "stuck"
                && matches!(before, Some("got" | "was" | "were" | "is" | "are"))
                && !on_a_question
    });
    let stopped = w.windows(2).any(|p| {
        p[0] == "stopped"
            && matches!(
                p[1],
                "accepting" | "working" | "serving" | "responding" | "loading" | "resolving"
            )
    });
    // "sshd denied logins for everyone", "deploys stopped for about four
    // hours": the service refused, or the work halted for a while.
    // Not "Denied requests alert in the security channel": a thing named.
    let refused = w.windows(2).enumerate().any(|(i, p)| {
        (p[0] == "denied"
            && i > 0
            && matches!(p[1], "logins" | "access" | "connections" | "requests"))
            || (p[0] == "stopped" && p[1] == "for")
    });
    (started || down || stopped || refused) && !works_in(w)
}

/// A change under way, not yet in place: "prevent_destroy is being rolled
/// out on every critical resource".
fn in_progress(w: &[&str]) -> bool {
    w.windows(3).any(|p| {
        matches!(p[0], "is" | "are")
            && p[1] == "being"
            && (p[2].ends_with("ed") || p[2].ends_with("en") || p[2] == "built")
    })
}

/// A change the speaker is not sure of: asked ("I think somebody added a
/// Nagios check?") or doubted in the next sentence ("I'm not a hundred
/// percent sure it's still there"). By the rubric, no more than a proposal.
fn unsure(f: &Field, s: &Sentence) -> bool {
    let n = f.tokens[s.first].sentence;
    // The question mark ends the sentence, inside it or right after it.
    let end = f.sentences[n].last;
    let asked =
        (end.saturating_sub(1)..(end + 1).min(f.tokens.len())).any(|i| f.tokens[i].lower == "?");
    // "not a hundred percent sure", "no idea whether", "don't know if".
    let doubted = |k: usize| {
        f.sentences.get(k).is_some_and(|t| {
            let w: Vec<&str> = f.tokens[t.first..t.last]
                .iter()
                .map(|t| t.lower.as_ref())
                .collect();
            w.iter().enumerate().any(|(i, x)| {
                let before = &w[i.saturating_sub(5)..i];
                (*x == "sure" && before.contains(&"not"))
                    || (matches!(*x, "whether" | "if")
                        && (before.ends_with(&["no", "idea"])
                            || before.ends_with(&["don't", "know"])))
            })
        })
    };
    // The next sentence doubts this one unless it first tells a change or
    // a wish of its own: "And we said we should load test, I'm honestly not
    // sure that happened" doubts its own wish.
    let doubted_next = doubted(n + 1)
        && f.sentences.get(n + 1).is_some_and(|t| {
            let w: Vec<&str> = f.tokens[t.first..t.last]
                .iter()
                .map(|t| t.lower.as_ref())
                .collect();
            let doubt = w
                .iter()
                .position(|x| matches!(*x, "sure" | "whether" | "if"))
                .unwrap_or(w.len());
            !(0..doubt).any(|i| {
                PROPOSAL.contains(&w[i])
                    || wish_word(&w, i)
                    || MAYBE_LATER.contains(&w[i])
                    || CREATED.contains(&w[i])
                    || w[i] == "said"
            })
        });
    asked || doubted(n) || doubted_next
}

/// A mechanism told as what it does on a schedule, in the present: "Every
/// Monday a job recomputes the recommendations", "each night a drill
/// restores the newest backup". Read only where a story tells its present
/// (an improvement project, or the last third of a free text), since
/// "every night a backup job runs" may be how things stood before.
fn on_a_schedule(w: &[&str]) -> bool {
    let scheduled = w.windows(2).any(|p| {
        matches!(p[0], "every" | "each")
            && (WEEKDAYS.contains(&p[1])
                || matches!(
                    p[1],
                    "day"
                        | "night"
                        | "morning"
                        | "week"
                        | "hour"
                        | "month"
                        | "quarter"
                        | "sprint"
                        | "release"
                        | "deploy"
                ))
    });
    scheduled
        && w.windows(2).any(|p| {
            matches!(
                p[0],
                "job" | "check" | "script" | "report" | "bot" | "drill" | "test" | "workflow"
            ) && p[1].len() > 3
                && p[1].ends_with('s')
                && !p[1].ends_with("ss")
                && !matches!(p[1], "runs" | "was" | "has" | "does" | "takes" | "needs")
        })
}

/// A thing said at work on every case from now on: "a CI check rejects any
/// warehouse with AUTO_SUSPEND above 300 seconds", "it pages whenever lag
/// passes a minute". Not "the check failed on every node" (what happened).
fn acts_on_every(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        ACTS.contains(x)
            // "because someone used scryptSync, which blocks the event loop
            // for every request": the cause at work, not a mechanism.
            && !w[..i].contains(&"because")
            && w[i + 1..]
                .iter()
                .take(8)
                .any(|y| matches!(*y, "any" | "every" | "each" | "whenever" | "unless"))
    })
}

/// A word of [`LASTING_WITH_A_CHANGE`] in a sentence with a change made.
/// "after" and "later" must come before it: "after that we added an alert"
/// is what came next, "we added instances, and after that it was stable"
/// is the fix and its result.
fn from_then_on(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| match *x {
        "after" | "later" => w[i + 1..]
            .iter()
            .any(|v| CREATED.contains(v) || matches!(*v, "rolled" | "moved" | "made" | "set")),
        x => LASTING_WITH_A_CHANGE.contains(&x),
    })
}

/// "Marketing now sends from a separate subdomain": in the story's own
/// section on what lasts, what a clause says runs now is the change, named
/// by the words after "now" (up to six).
fn how_it_runs_now(f: &Field, s: &Sentence) -> Option<(usize, usize, &'static str)> {
    let now = (s.first..s.last).find(|&i| f.tokens[i].lower == "now")?;
    let words: Vec<usize> = (now + 1..s.last)
        .filter(|&i| f.tokens[i].is_word())
        .take(6)
        .collect();
    let (&first, &last) = (words.first()?, words.last()?);
    (words.len() >= 2).then_some((first, last + 1, "process"))
}

/// "Any new system must register a collector before it gets production
/// access": in the story's own section on what lasts, a rule laid on a
/// kind of thing is the change, named by who it binds (up to five words).
fn a_rule_for(f: &Field, s: &Sentence) -> Option<(usize, usize, &'static str)> {
    let word = |i: usize| f.tokens[i].lower.as_ref();
    let modal = (s.first..s.last).find(|&i| matches!(word(i), "must" | "cannot" | "can't"))?;
    let first = (s.first..modal)
        .rev()
        .take_while(|&i| f.tokens[i].is_word() && !matches!(word(i), "and" | "that" | "which"))
        .take(5)
        .last()?;
    let personal = (first..modal).any(|i| PERSONAL.contains(&word(i)) || word(i) == "you");
    (!personal && modal - first >= 2).then_some((first, modal, "process"))
}

/// Words that say service came back, right at the start of `w`: "(now)
/// it is better", "(now) everything is ok", "it was fine (after that)" —
/// the fix worked, nothing is said to last.
fn recovered(w: &[&str]) -> bool {
    w.iter().take(4).any(|x| {
        matches!(
            *x,
            "better" | "fine" | "ok" | "okay" | "stable" | "normal" | "healthy" | "good"
        )
    })
}

/// "We moved marketing to its own subdomain after that": a change made,
/// placed after the incident by the words that end the clause.
fn changed_after_that(w: &[&str]) -> bool {
    let mut words: Vec<&str> = w
        .iter()
        .copied()
        .filter(|x| x.chars().any(char::is_alphanumeric))
        .collect();
    // "We also turned on tag immutability after that, and we, uh, ...":
    // the next clause's opening and a filler are not the clause's end.
    while words.len() > 2
        && matches!(
            words[words.len() - 1],
            "and" | "we" | "i" | "uh" | "um" | "er" | "then" | "also"
        )
    {
        words.pop();
    }
    let tail = |t: &[&str]| {
        words.ends_with(t) && {
            // "... and it was fine after that": the fix worked.
            let before = &words[..words.len() - t.len()];
            !recovered(&before[before.len().saturating_sub(3)..])
        }
    };
    (tail(&["after", "that"])
        || tail(&["after", "this"])
        || tail(&["after", "the", "incident"])
        || tail(&["after", "the", "outage"]))
        && words.iter().enumerate().any(|(i, v)| {
            CREATED.contains(v)
                || SWITCHED.contains(v)
                || (matches!(*v, "turned" | "switched") && words.get(i + 1) == Some(&"on"))
                || matches!(*v, "enabled" | "set" | "put" | "made" | "configured")
        })
}

/// Verbs that create a lasting mechanism: "I added a CI check".
const CREATED: &[&str] = &[
    "add",
    "ship",
    "build",
    "introduce",
    "create",
    "automate",
    "adopt",
    "enforce",
    "added",
    "introduced",
    "built",
    "created",
    "wrote",
    "implemented",
    "adopted",
    "instituted",
    "automated",
    "established",
    "launched",
    "shipped",
    "installed",
    "enforced",
    "mandated",
    "defined",
    "standardised",
    "standardized",
    "wired",
    "integrated",
    "codified",
];

/// Service came back in these words: "copies are flowing again", "the
/// site recovered", "error rates went back to normal".
fn brought_back(w: &[&str]) -> bool {
    let again = w.windows(2).any(|p| {
        (p[1] == "again"
            && matches!(
                p[0],
                "flowing" | "working" | "serving" | "loading" | "succeeding" | "healthy" | "green"
            ))
            || p == ["came", "back"]
    });
    // "before turning the facet back on": the feature restored.
    let back_on = w.iter().enumerate().any(|(i, x)| {
        matches!(*x, "turning" | "turned" | "switched" | "switching")
            && w[i + 1..].windows(2).take(4).any(|p| p == ["back", "on"])
    });
    // "and it went away", "and it was fine": the problem ended there.
    let ended = w.windows(2).any(|p| {
        (matches!(p[0], "went" | "go" | "goes") && p[1] == "away")
            || matches!(p[0], "was" | "were") && p[1] == "fine"
    }) || w.contains(&"disappeared");
    // "failures dropped to normal right after", "the 429s stopped",
    // "errors cleared within a minute".
    let settled = w.windows(2).any(|p| {
        p[0] == "to"
            && matches!(p[1], "normal" | "baseline" | "zero")
            && w.iter().any(|x| {
                matches!(
                    *x,
                    "dropped" | "fell" | "returned" | "went" | "came" | "settled"
                )
            })
    }) || w.windows(2).any(|p| {
        matches!(
            p[0],
            "errors"
                | "failures"
                | "timeouts"
                | "alerts"
                | "429s"
                | "5xx"
                | "502s"
                | "503s"
                | "complaints"
                | "crashes"
                | "restarts"
        ) && matches!(p[1], "stopped" | "cleared" | "subsided" | "vanished")
    });
    again
        || back_on
        || ended
        || settled
        || w.windows(3).any(|p| p == ["back", "to", "normal"])
        || w.iter().any(|x| matches!(*x, "recovered" | "recovering"))
}

/// A mechanism created in these words: "I added a CI check", "we rolled
/// out NodeLocal DNSCache". Not "the task wrote into the partition" nor "I
/// shipped the fix", nor "we added more instances".
fn created_in(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        let next = w.get(i + 1).copied();
        match *x {
            "wrote" => matches!(next, Some("a" | "an" | "the" | "our" | "new" | "up")),
            "shipped" => !matches!(next, Some("it" | "the" | "through" | "a" | "an")),
            "rolled" | "roll" => next == Some("out"),
            // "we deployed a new health endpoint that doesn't touch the
            // database", not "deployed a new version" (a release).
            "deployed" => {
                let new = w[i + 1..].iter().take(2).position(|v| *v == "new");
                new.is_some_and(|n| {
                    !w.get(i + 2 + n).is_some_and(|v| {
                        matches!(
                            *v,
                            "version"
                                | "versions"
                                | "release"
                                | "build"
                                | "image"
                                | "config"
                                | "binary"
                                | "revision"
                                | "deploy"
                                | "code"
                        )
                    })
                })
            }
            // "set up some dashboards", "put a page in place".
            // "set the disk usage alert threshold to 85%": an alert set.
            "set" | "sets" => {
                next == Some("up")
                    || w[i + 1..].iter().take(4).any(|v| {
                        matches!(
                            *v,
                            "alert" | "alerts" | "alarm" | "alarms" | "probe" | "probes"
                        )
                    })
            }
            "put" | "puts" => w[i + 1..].windows(2).take(6).any(|p| p == ["in", "place"]),
            // "I made load tests mandatory for pool changes".
            "made" | "make"
                if w[i.saturating_sub(3)..i]
                    .iter()
                    .any(|s| matches!(*s, "i" | "we"))
                    && w[i + 1..].iter().take(5).any(|v| {
                        matches!(*v, "mandatory" | "compulsory" | "obligatory" | "required")
                    }) =>
            {
                true
            }
            // "Improved monitoring with inode alerts."
            "improved" => true,
            // "- Demoted 11 alerts that never needed action to tickets".
            "demoted" | "downgraded" => true,
            // "- New rule: half a day off after any week with 3 night pages".
            "new" => {
                w[..i].iter().all(|b| bullet(b))
                    && w.get(i + 2) == Some(&":")
                    && matches!(
                        next,
                        Some(
                            "rule" | "policy" | "alert" | "check" | "process" | "runbook" | "gate"
                        )
                    )
            }
            // "We also make a dashboard for the lag", not "made a call".
            "made" | "make" | "makes" => {
                // "After this we make rule that ...": an article left out.
                matches!(
                    next,
                    Some("a" | "an" | "new" | "rule" | "policy" | "runbook" | "checklist")
                ) && w[i.saturating_sub(3)..i]
                    .iter()
                    .any(|s| matches!(*s, "i" | "we"))
                    && !w[i + 1..].iter().take(3).any(|v| {
                        matches!(
                            *v,
                            "call"
                                | "decision"
                                | "choice"
                                | "mistake"
                                | "note"
                                | "point"
                                | "guess"
                                | "series"
                                | "few"
                                | "couple"
                                | "lot"
                                | "change"
                                | "changes"
                        )
                    })
            }
            // "added more instances": capacity for the fix, not a mechanism;
            // "re-added the old nodes", "added them back": put back.
            "added" | "add" => {
                // "added a couple more controller replicas"; but "added
                // more tests", "extra alerts": more of a thing kept to run.
                let more = w[i + 1..].iter().take(4).enumerate().any(|(k, v)| {
                    matches!(*v, "more" | "extra")
                        && !w[i + 2 + k..]
                            .iter()
                            .take(2)
                            .any(|t| KEPT_THINGS.contains(t) || MORE_CHECKS.contains(t))
                });
                let re_added = i >= 2 && w[i - 1] == "-" && w[i - 2] == "re";
                let back = w[i + 1..].iter().take(5).any(|v| *v == "back");
                !(more || re_added || back)
            }
            // "What we ended up building ... was three parts".
            "building" | "writing" | "adding" | "introducing" | "automating" => {
                i >= 2 && w[i - 2..i] == ["ended", "up"]
            }
            x => CREATED.contains(&x),
        }
    }) || redesigned(w)
        || kept_thing_updated(w)
        || got_through(w)
}

/// A clause that opens on the time after the incident: "Afterwards, I
/// ...", "After that we ...", "Going forward ...", "Longer term ...", "As a
/// follow-up ...". Not "Since then": what follows it is as often the
/// evidence for a change told before.
fn turns_to_what_lasts(w: &[&str]) -> bool {
    let w: Vec<&str> = w
        .iter()
        .copied()
        .skip_while(|x| bullet(x) || matches!(*x, "and" | "so" | "then" | "but"))
        .take(4)
        .collect();
    matches!(
        w.as_slice(),
        ["afterwards" | "afterward", ..]
            | ["after", "that" | "this", ..]
            | [
                "after",
                "the",
                "incident" | "outage" | "postmortem" | "review",
                ..,
            ]
            | ["going", "forward", ..]
            | ["long" | "longer", "term", ..]
            | ["long" | "longer", "-", "term", ..]
            | ["as", "a", "follow", ..]
            | ["in", "the", "follow", ..]
    )
}

/// Things of which "more" is a lasting change, beside [`KEPT_THINGS`]:
/// "added more checks", "extra validation".
const MORE_CHECKS: &[&str] = &[
    "checks",
    "check",
    "validation",
    "validations",
    "guardrails",
    "safeguards",
    "logging",
];

/// A span of months told against a time before or after: "in the 10
/// months since", "over the next two quarters", "against four in the
/// previous twelve months" — a result that held, not one minute's.
fn over_months(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        let span = matches!(
            *x,
            "month" | "months" | "quarter" | "quarters" | "year" | "years"
        );
        // Not "an hour and a quarter".
        let a_quarter_hour =
            *x == "quarter" && i >= 2 && matches!(w[i - 1], "a" | "an") && w[i - 2] == "and";
        span && !a_quarter_hour
            && w[i.saturating_sub(4)..w.len().min(i + 5)].iter().any(|y| {
                matches!(
                    *y,
                    "since"
                        | "next"
                        | "following"
                        | "previous"
                        | "prior"
                        | "before"
                        | "after"
                        | "later"
                )
            })
    })
}

/// A result that moved, with its figures: "the change failure rate fell
/// from 21% to 4%", "tickets dropped from about 65 a week to 24",
/// "declared incidents: 4/month → 13/month" (arrows are read as "->").
fn result_moved(w: &[&str]) -> bool {
    let moved = w.iter().any(|x| {
        matches!(
            *x,
            "->" | "fell"
                | "dropped"
                | "halved"
                | "against"
                | "compared"
                | "versus"
                | "vs"
                | "rose"
                | "improved"
                | "cut"
                | "reduced"
                | "down"
        )
    });
    moved && w.iter().filter(|x| is_figure(x)).count() >= 2
}

/// Things kept to run after an incident: a runbook, an alert, a test.
/// Updating one is a change that lasts, where updating a config or a
/// record is as often the fix.
const KEPT_THINGS: &[&str] = &[
    "runbook",
    "runbooks",
    "playbook",
    "playbooks",
    "documentation",
    "docs",
    "wiki",
    "alert",
    "alerts",
    "alerting",
    "alarm",
    "alarms",
    "dashboard",
    "dashboards",
    "monitoring",
    "test",
    "tests",
    "checklist",
    "checklists",
    "slo",
    "slos",
    "linter",
    "lint",
    "procedure",
    "procedures",
    "onboarding",
];

/// "We updated the runbook with the new steps", "I tightened the alert on
/// pool saturation", "I extended the smoke test to open 20 connections":
/// a thing kept to run, updated (its name within five words of the verb).
/// Not "the alerts were tuned" by someone before the story (see
/// `before_the_story`), nor "tests" run during the incident ("I ran the
/// tests"): the verb must be one that changes the thing.
fn kept_thing_updated(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        matches!(
            *x,
            "updated"
                | "update"
                | "tuned"
                | "tightened"
                | "extended"
                | "expanded"
                | "revised"
                | "rewrote"
                | "reworked"
                | "changed"
                | "amended"
                | "adjusted"
                | "documented"
        ) && w[i + 1..]
            .iter()
            .take(5)
            .take_while(|y| !matches!(**y, "," | ";" | "." | "because"))
            .any(|y| KEPT_THINGS.contains(y))
    })
}

/// "We turned on deletion protection for all production databases", "I
/// enabled autoscaling for every service": a setting switched on across
/// the fleet, not for the one thing that broke. Read late in a story only:
/// early, it is as often the change that set the incident up ("I enabled
/// hedged reads for all request types").
fn turned_on_everywhere(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        let switched_on = matches!(*x, "enabled" | "enable")
            || (matches!(*x, "turned" | "switched" | "turn") && w.get(i + 1) == Some(&"on"));
        switched_on
            && w[..i].iter().any(|b| matches!(*b, "i" | "we"))
            && w[i + 1..]
                .iter()
                .take(10)
                .any(|y| matches!(*y, "all" | "every" | "each" | "default"))
            && !w[i + 1..].iter().take(4).any(|y| *y == "back")
    })
}

/// "I got a lint rule merged", "we got the policy approved and rolled
/// out": a change the speaker carried through.
fn got_through(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        *x == "got"
            && w[..i].last().is_some_and(|b| matches!(*b, "i" | "we"))
            && w[i + 1..]
                .iter()
                .take(6)
                .any(|y| matches!(*y, "merged" | "approved" | "adopted" | "accepted"))
    })
}

/// "We also make a dashboard for the lag", "I add an alert on it": the
/// speaker making a thing, told in the present, as stories in the present
/// tense tell what shipped.
fn made_in_the_present(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        matches!(
            *x,
            "make" | "add" | "build" | "create" | "introduce" | "write" | "install" | "automate"
        ) && w[i.saturating_sub(2)..i]
            .iter()
            .any(|s| matches!(*s, "i" | "we"))
    })
}

/// A thing rebuilt into a new shape: "I redesigned our alerting from static
/// thresholds to burn-rate alerts", "we moved the scaling to a metric off
/// the queue time" — not traffic moved during the incident, nor a thing
/// moved back.
fn redesigned(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        let digit = |y: &&str| is_figure(y);
        // A setting moved between figures ("from 200 to 20") is no redesign;
        // figures after the new shape ("to Mimir — 14 clusters") are fine.
        let from = w[i + 1..].iter().take(8).position(|y| *y == "from");
        let to = from.and_then(|f| {
            w[i + 1 + f..]
                .iter()
                .take(14 - f)
                .position(|y| *y == "to")
                .map(|t| i + 1 + f + t)
        });
        (SWITCHED.contains(x) || matches!(*x, "redesigned" | "reworked" | "replaced" | "rebuilt"))
            && to.is_some_and(|t| !w[i + 1..(t + 2).min(w.len())].iter().any(digit))
            && !w[i + 1..].iter().take(4).any(|y| {
                matches!(
                    *y,
                    "back" | "traffic" | "load" | "users" | "requests" | "it" | "them" | "over"
                )
            })
    })
}

/// A story about an improvement project, not an incident: its opening says
/// the speaker led, owned or ran a project, migration or redesign ("I led
/// our move from Thanos to Mimir", "Owned the compute-cost project"). The
/// sentence that says so, and the word that names the project.
fn improvement_project<'a>(a: &'a Analysis) -> Option<(&'a Field<'a>, &'a Sentence, usize)> {
    a.sentences().take(5).find_map(|(f, s)| {
        let w = words(f, s);
        if before_the_story(&w) {
            return None;
        }
        // "- Project: error-budget release gating" says so by its label.
        let labelled = w
            .iter()
            .skip_while(|x| bullet(x))
            .take(2)
            .eq(["project", ":"].iter());
        let led = labelled
            || w.iter().any(|x| {
                matches!(
                    *x,
                    "led"
                        | "lead"
                        | "owned"
                        | "own"
                        | "ran"
                        | "run"
                        | "drove"
                        | "championed"
                )
            })
            // "I started our quarterly chaos game days", not "checkout
            // started failing".
            || w.windows(2).any(|p| matches!(p[0], "i" | "we") && p[1] == "started");
        // "We ran a project-management SaaS": a compound's first word
        // names no project.
        let project = w.iter().enumerate().position(|(i, x)| {
            w.get(i + 1) != Some(&"-")
                && matches!(
                    *x,
                    "project"
                        | "effort"
                        | "migration"
                        | "move"
                        | "initiative"
                        | "programme"
                        | "program"
                        | "redesign"
                        | "overhaul"
                        | "rollout"
                        | "pipeline"
                        | "adoption"
                        | "game"
                        | "introduction"
                        | "consolidation"
                        | "rewrite"
                        | "automation"
                        // "I was asked to lead moving everything to UTC".
                        | "moving"
                        | "migrating"
                        | "replacing"
                        | "rewriting"
                        | "consolidating"
                        | "introducing"
                        | "building"
                )
        })?;
        let at = (s.first..s.last)
            .filter(|&i| !f.tokens[i].masked)
            .nth(project)?;
        led.then_some((f, s, at))
    })
}

/// Tokens `[first, last)` as the lowercase words an evidence line quotes.
fn phrase_of(f: &Field, first: usize, last: usize) -> String {
    f.tokens[first..last]
        .iter()
        .map(|t| t.lower.as_ref())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where the words before a project's word (`head`) start when they say
/// what it worked on: "the production failover programme I led" names
/// its project as well as "the move to Puppet". Up to four words after
/// the article, one of them a name, a tool or a mechanism.
fn worked_on_before(f: &Field, s: &Sentence, head: usize) -> Option<usize> {
    let start = (s.first..head)
        .rev()
        .take_while(|&i| {
            let t = &f.tokens[i];
            !t.masked
                && (t.is_word() || t.lower == "-")
                && !PERSONAL.contains(&t.lower.as_ref())
                && !matches!(
                    t.lower.as_ref(),
                    "the"
                        | "a"
                        | "an"
                        | "this"
                        | "that"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "is"
                        | "was"
                        | "of"
                        | "about"
                        | "on"
                )
        })
        .take(4)
        .last()?;
    let kinds = [
        Tag::Tech,
        Tag::Detection,
        Tag::Prevention,
        Tag::Mitigation,
        Tag::Process,
    ];
    (start..head)
        .any(|i| {
            named_thing(f, i)
                || MECHANISM_NOUNS.contains(&f.tokens[i].lower.as_ref())
                || f.hits_in(s)
                    .iter()
                    .any(|h| h.first <= i && i < h.last && kinds.iter().any(|&k| h.tags.has(k)))
        })
        .then_some(start)
}

/// The project of an improvement story, as a change that shipped: "I led
/// the migration of our self-managed Kafka to Amazon MSK" — the project
/// is the lasting change, concrete when it names what moved where or a
/// thing by name. Not when it is only wished for ("I'd like to lead a
/// migration").
fn the_project_itself(f: &Field, s: &Sentence, at: usize) -> Option<Evidence> {
    let w = words(f, s);
    let wished = (0..w.len()).any(|i| proposal_word(&w, i) || wish_word(&w, i))
        || wished_aloud(&w)
        || w.iter()
            .any(|x| matches!(*x, "want" | "wanted" | "hope" | "plan" | "will"));
    if wished || caused_it(&w) {
        return None;
    }
    // "Project: error-budget release gating": the name follows the label.
    let at = if f.tokens.get(at + 1).is_some_and(|t| t.lower == ":") {
        at + 2
    } else {
        at
    };
    let last = (at + 1..s.last)
        .take_while(|&i| !matches!(f.tokens[i].lower.as_ref(), "," | ";" | ":" | "." | "and"))
        .last()
        .map_or(at + 1, |i| i + 1);
    // "Quarterly game days, what I ran": a practice on a cadence is
    // concrete by its cadence.
    let recurring = (at.saturating_sub(2).max(s.first)..at).any(|i| {
        matches!(
            f.tokens[i].lower.as_ref(),
            "weekly" | "monthly" | "quarterly" | "annual" | "yearly" | "recurring" | "regular"
        )
    });
    let worked_on = worked_on_before(f, s, at);
    let named = (at + 1..last).any(|i| named_thing(f, i))
        || (at + 1..last).any(|i| matches!(f.tokens[i].lower.as_ref(), "to" | "for" | "from"))
        || worked_on.is_some();
    let at = if recurring {
        at.saturating_sub(1).max(s.first)
    } else {
        worked_on.unwrap_or(at)
    };
    if !(named && last - at >= 3 || recurring && last - at >= 2) {
        return None;
    }
    let phrase = phrase_of(f, at, last);
    Some(f.evidence(
        at,
        last,
        Rule::Process,
        format!("the project that changed things for good ({phrase})"),
    ))
}

/// A change the speaker made in a project, present tense or past: "I move
/// those deploys to canaries", "we replaced the script with kured".
fn made_for_the_project(w: &[&str]) -> bool {
    w.windows(3).any(|p| {
        matches!(p[0], "i" | "we")
            && p[1..].iter().any(|v| {
                SWITCHED.contains(v)
                    || CREATED.contains(v)
                    || matches!(
                        *v,
                        "replace"
                            | "replaced"
                            | "builds"
                            | "adds"
                            | "writes"
                            | "put"
                            | "wire"
                            | "turn"
                            | "turned"
                            | "enable"
                            | "enabled"
                            | "rolled"
                            | "roll"
                    )
            })
    })
}

/// A change said with what it makes true from then on: "moved marketing
/// sends to a separate account so they can't take transactional mail down".
fn so_it_lasts(w: &[&str]) -> bool {
    // "..., so nobody has to remember": no one's memory is needed any more.
    let nobody_needed = |rest: &[&str]| {
        (matches!(rest.first(), Some(&("nobody" | "noone")))
            || rest.get(..2) == Some(&["no", "one"][..]))
            && rest
                .iter()
                .take(5)
                .any(|y| matches!(*y, "remember" | "has" | "needs" | "have"))
    };
    w.iter().enumerate().any(|(i, x)| {
        if *x != "so" {
            return false;
        }
        let rest = &w[i + 1..];
        let changed = |extra: &[&str]| {
            w.iter()
                .take(i)
                .any(|v| SWITCHED.contains(v) || CREATED.contains(v) || extra.contains(v))
        };
        nobody_needed(rest)
            // "we put the same values in the node image so new nodes have it".
            || (matches!(rest.first(), Some(&("new" | "future")))
                && changed(&["put", "baked", "set"]))
            || (changed(&[])
                && (does_from_now_on(rest)
                    || rest.iter().take(5).any(|y| {
                        matches!(
                            *y,
                            "can't"
                                | "cannot"
                                | "won't"
                                | "never"
                                | "always"
                                | "only"
                                | "longer"
                                | "automatically"
                        )
                    })))
    })
}

/// "it clears the snapshot after each upload", "they page the on-call": a
/// thing said in the present to do something, as it does from now on. Not
/// "it pointed at the replica" (what the fix did then).
fn does_from_now_on(w: &[&str]) -> bool {
    let (Some(&subject), Some(&verb)) = (w.first(), w.get(1)) else {
        return false;
    };
    // "so it is capped and wiped on every reboot": what is done to it from
    // now on, in the present passive.
    let passive = matches!(verb, "is" | "are")
        && w.get(2)
            .is_some_and(|p| p.len() > 4 && (p.ends_with("ed") || p.ends_with("en")));
    matches!(subject, "it" | "they") && passive
        || matches!(subject, "it" | "they")
            && verb.len() > 2
            && verb.chars().all(|c| c.is_ascii_lowercase())
            && !verb.ends_with("ed")
            && !matches!(
                verb,
                "was"
                    | "were"
                    | "would"
                    | "could"
                    | "did"
                    | "had"
                    | "went"
                    | "got"
                    | "came"
                    | "ran"
                    | "took"
                    | "made"
                    | "kept"
                    | "might"
                    | "should"
                    | "wasn't"
                    | "didn't"
                    | "the"
                    | "all"
                    | "also"
            )
}

/// Verbs that move a thing to a new state for good: "production access moved
/// to read-only roles".
const SWITCHED: &[&str] = &[
    "renamed",
    "moved",
    "switched",
    "migrated",
    "changed",
    "converted",
    "swapped",
    "pointed",
    "move",
    "switch",
    "migrate",
    "change",
    "moves",
    "switches",
];

/// The thing a clause about what lasts moves to a new state, when no noun
/// names a mechanism: "production access moved to read-only roles", "we
/// moved the scaling to a metric off the queue time".
fn switched(f: &Field, s: &Sentence) -> Option<(usize, usize, &'static str)> {
    let word = |i: usize| f.tokens[i].lower.as_ref();
    let verb = (s.first..s.last).find(|&i| {
        SWITCHED.contains(&word(i))
            && (i + 1..s.last.min(i + 9))
                .any(|k| matches!(word(k), "to" | "from" | "onto" | "into"))
            && !(i + 1..s.last.min(i + 3)).any(|k| matches!(word(k), "back" | "traffic"))
    });
    let Some(verb) = verb else {
        return retired(f, s);
    };
    let stop = |w: &str| matches!(w, "," | ":" | ";" | "and" | "then" | "that" | "which");
    let subject: Vec<usize> = (s.first..verb)
        .rev()
        .take_while(|&i| !stop(word(i)))
        .filter(|&i| !bullet(word(i)))
        .collect();
    let personal = subject
        .iter()
        .any(|&i| PERSONAL.contains(&word(i)) || word(i) == "they");
    if !personal && !subject.is_empty() && subject.len() <= 5 {
        let first = *subject.last()?;
        let first = (first..verb).find(|&i| !matches!(word(i), "afterwards" | "now" | "later"))?;
        return (first < verb).then_some((first, verb, "prevention"));
    }
    let first = verb + 1;
    let last = (first..s.last).find(|&i| matches!(word(i), "to" | "from" | "onto" | "into"))?;
    let first = (first..last).find(|&i| !matches!(word(i), "the" | "a" | "an" | "our" | "its"))?;
    // "we switched it to the async call": a pronoun names nothing.
    (first < last && !a_pronoun(f, first, last)).then_some((first, last, "prevention"))
}

/// The old thing a clause about what lasts retires: "we switched off the
/// old login service", "the legacy cron host was decommissioned". Not
/// "we switched it off and on again".
fn retired(f: &Field, s: &Sentence) -> Option<(usize, usize, &'static str)> {
    let word = |i: usize| f.tokens[i].lower.as_ref();
    // Where the retired thing's words start: after "retired", after
    // "switched off".
    let first = (s.first..s.last).find_map(|i| {
        if matches!(word(i), "retired" | "decommissioned") {
            Some(i + 1)
        } else {
            (matches!(word(i), "switched" | "turned" | "shut")
                && i + 1 < s.last
                && matches!(word(i + 1), "off" | "down"))
            .then_some(i + 2)
        }
    })?;
    let first =
        (first..s.last).find(|&i| !matches!(word(i), "the" | "a" | "an" | "our" | "its"))?;
    let last = (first..s.last)
        .take_while(|&i| {
            f.tokens[i].is_word()
                && !matches!(
                    word(i),
                    "and" | "to" | "for" | "in" | "on" | "after" | "when" | "once"
                )
        })
        .take(4)
        .last()?
        + 1;
    (last > first && !a_pronoun(f, first, last)).then_some((first, last, "prevention"))
}

/// Tokens `[first, last)` are a pronoun alone ("it", "them"), which names
/// nothing changed.
fn a_pronoun(f: &Field, first: usize, last: usize) -> bool {
    last == first + 1
        && matches!(
            f.tokens[first].lower.as_ref(),
            "it" | "them" | "this" | "that"
        )
}

/// True when the text between two sentences starts a new paragraph. The
/// items of a list go with the line that opens it ("After that we made
/// these changes:" and a bullet a change): a new line that starts a bullet
/// after a line ending in a colon, or after another bullet, is no new
/// paragraph; a blank line always is.
fn new_paragraph(f: &Field, previous: &Sentence, s: &Sentence) -> bool {
    let end = f.tokens[previous.last - 1].end;
    let gap = &f.text[end..f.tokens[s.first].start];
    if !gap.contains('\n') {
        return false;
    }
    let blank = gap.split('\n').skip(1).any(|line| line.trim().is_empty())
        && gap.matches('\n').count() >= 2;
    // A bullet, after any indent (or a byte-order mark on the first line).
    let is_bullet = |line: &str| {
        line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .starts_with(BULLETS)
    };
    let bullet = f.text[end..]
        .split_once('\n')
        .is_some_and(|(_, line)| is_bullet(line));
    let opens_list = f.text[..end].trim_end().ends_with(':')
        || f.text[..end].rsplit('\n').next().is_some_and(is_bullet);
    blank || !(bullet && opens_list)
}

fn works_in(w: &[&str]) -> bool {
    // "stopped a bad push", not "stopped accepting writes".
    let caught = w.iter().enumerate().any(|(i, x)| {
        matches!(
            *x,
            "caught" | "catches" | "blocked" | "prevented" | "flagged" | "stopped" | "rejected"
        ) && !w.get(i + 1).is_some_and(|n| {
            n.ends_with("ing")
                // "the dashboards caught up".
                || *n == "up"
                // "Deploys stopped for about four hours": harm, not a catch.
                || matches!(*n, "-" | "for" | "when" | "until" | "because" | ".")
        })
            // "I rolled the policy back, which stopped the bleeding": the
            // incident's own mitigation.
            && !w[i + 1..].windows(2).take(2).any(|p| p == ["the", "bleeding"])
            && !w.windows(2).any(|p| p == ["rolled", "back"] || p == ["roll", "back"])
            // "unsigned images are now rejected": what it does, not a catch;
            // "the blocked sessions": a thing, not a catch.
            && !i.checked_sub(1).is_some_and(|b| {
                matches!(
                    w[b],
                    "is" | "are" | "be" | "now" | "get" | "gets" | "the" | "those" | "these" | "all"
                )
            })
            // "canary releases, which would have caught it": a wish.
            && !w[i.saturating_sub(3)..i].iter().any(|b| {
                matches!(*b, "would" | "could" | "might" | "should" | "would've" | "could've")
            })
    });
    // "The lag alert has fired twice since", "in Q2 it rolled back 9 bad
    // releases": the mechanism acting again, later.
    let acted_later = w.iter().enumerate().any(|(i, x)| {
        matches!(
            *x,
            "fired" | "paged" | "alerted" | "refused" | "aborted" | "saved"
        ) || (*x == "rolled" && w.get(i + 1) == Some(&"back"))
    }) && w.iter().any(|x| {
        matches!(
            *x,
            "since" | "later" | "again" | "twice" | "times" | "next" | "q1" | "q2" | "q3" | "q4"
        )
    });
    let none_since = w.iter().enumerate().any(|(i, x)| {
        matches!(
            *x,
            "zero" | "no" | "never" | "not" | "none" | "0" | "nobody"
        )
        // "we haven't had a repeat since", not "we haven't re-tested it
        // since".
        || (matches!(*x, "haven't" | "hasn't" | "didn't" | "hadn't")
            && w.get(i + 1).is_some_and(|n| {
                matches!(
                    *n,
                    "had" | "seen" | "been" | "hit" | "happened" | "recurred" | "needed" | "lost"
                        | "paged" | "missed"
                )
            }))
    }) && w.iter().enumerate().any(|(i, x)| {
        matches!(
            *x,
            "since" | "recurred" | "repeat" | "repeats" | "recurrence" | "again"
        ) || (matches!(*x, "months" | "quarters" | "year")
            // "a one-year validity": a figure of the thing, not a time since.
            && i.checked_sub(1).is_none_or(|b| w[b] != "-")
            // "in the nine months", "for a year", not "a one-year validity".
            && w[i.saturating_sub(3)..i].iter().any(|b| {
                matches!(
                    *b,
                    "in" | "for" | "past" | "last" | "over" | "since" | "per" | "this" | "a"
                )
                    || is_figure(b)
            }))
    });
    // "The runner has rolled back four statements whose counts didn't
    // match": the mechanism at work, counted up to now.
    let counted_so_far = w.windows(2).enumerate().any(|(i, p)| {
        matches!(p[0], "has" | "have")
            && (matches!(
                p[1],
                "caught"
                    | "blocked"
                    | "rejected"
                    | "stopped"
                    | "flagged"
                    | "fired"
                    | "paged"
                    | "aborted"
                    | "refused"
                    | "prevented"
                    | "saved"
            ) || (p[1] == "rolled" && w.get(i + 2) == Some(&"back")))
            && w[i + 2..].iter().take(4).any(|x| {
                is_figure(x)
                    || number_word(x).is_some_and(|n| n > 0.0)
                    || matches!(*x, "several" | "dozens" | "twice")
            })
    });
    // "Customer incidents after a deploy went from nine in 2022 to two in
    // 2023": fewer incidents since the change.
    let count = |x: &str| number_word(x).or_else(|| x.replace(',', "").parse::<f64>().ok());
    let fewer_incidents = w.iter().any(|x| {
        matches!(
            *x,
            "incidents" | "outages" | "pages" | "repeats" | "recurrences" | "failures" | "sev1s"
        )
    }) && w.iter().enumerate().any(|(i, x)| {
        *x == "from"
            && w.get(i + 1).and_then(|v| count(v)).is_some_and(|old| {
                w[i + 2..]
                    .iter()
                    .take(5)
                    .position(|v| *v == "to")
                    .is_some_and(|t| {
                        w.get(i + 3 + t)
                            .and_then(|v| count(v))
                            .is_some_and(|new| new < old)
                    })
            })
    });
    // "In the following month the HPA made about 30 scaling changes a day,
    // against roughly 400 on the bad day": a figure of a later period.
    // "Two months later inventory had another GC episode: the error rate
    // peaked at 0.3% instead of 18%".
    let later_period = w.windows(2).any(|p| {
        (matches!(p[0], "following" | "next")
            && matches!(
                p[1],
                "month" | "months" | "quarter" | "quarters" | "year" | "weeks" | "drill" | "drills"
                    | "peak" | "season" | "sale"
            ))
            || (matches!(p[0], "months" | "weeks" | "year" | "years" | "quarter" | "quarters")
                && p[1] == "later"
                // Told as held, not as the harm again ("3 weeks later: pods
                // OOMKilled repeatedly").
                && w.iter().any(|x| {
                    matches!(
                        *x,
                        "instead" | "versus" | "vs" | "zero" | "never" | "stayed" | "held"
                            | "down"
                    )
                }))
    }) && w
        .iter()
        .any(|x| is_figure(x) || matches!(*x, "no" | "zero" | "never"))
        // "from next quarter any change over it will be blocked": a plan.
        && !w.iter().any(|x| matches!(*x, "will" | "going" | "won't") || x.ends_with("'ll"));
    // "Since then upload failures have stayed under 0.1% a day for 14
    // months": a figure that has held since the change.
    let held_since = w.iter().enumerate().any(|(i, x)| {
        matches!(*x, "stayed" | "remained" | "held" | "stays" | "remains")
            && w.get(i + 1).is_some_and(|n| {
                matches!(*n, "under" | "below" | "above" | "within" | "at" | "flat")
            })
    }) && w.iter().any(|x| is_figure(x))
        && (w.contains(&"since")
            || w.windows(2).any(|p| {
                (p[0] == "for" || is_figure(p[0]) || number_word(p[0]).is_some())
                    && matches!(p[1], "months" | "weeks" | "quarters" | "years")
            }));
    // "if we'd had those controls we'd have caught it": what might have been.
    // ("it blocked two PRs that would have repeated this" is a catch).
    // "if it happened again we'd be faster": a guess, not a repeat caught.
    let might_have = w.contains(&"if")
        && w.iter().any(|x| {
            matches!(
                *x,
                "we'd" | "i'd" | "it'd" | "would" | "could" | "might" | "they'd"
            )
        });
    (caught
        || acted_later
        || none_since
        || later_period
        || held_since
        || counted_so_far
        || fewer_incidents
        || repeat_compared(w)
        || failed_a_change(w)
        || stopped_bad_ones(w))
        && !might_have
        // "We should add alerts on blocked requests", "We also plan to try
        // jemalloc 5.3 next quarter": a wish shows nothing at work.
        && !(0..w.len()).any(|i| {
            wish_word(w, i)
                || (proposal_word(w, i)
                    // "which is the outcome I wanted", "it would have
                    // repeated this": no wish.
                    && !matches!(
                        w[i],
                        "would" | "could" | "might" | "may" | "want" | "wanted" | "idea" | "ticket"
                    ))
        })
}

/// A later test or repeat of the harm, told against the first time: "When
/// the same vendor had a regional problem again in March, failover took 2
/// minutes instead of the 55 it took me by hand", "in a June game day we
/// detected a broken path in under 2 minutes, against 6 hours in the
/// incident", "In the Black Friday load test the group scaled out with zero
/// premature terminations".
fn repeat_compared(w: &[&str]) -> bool {
    let figure_near = |i: usize| {
        w[i..].iter().take(4).any(|x| {
            is_figure(x)
                || number_word(x).is_some()
                || matches!(*x, "hours" | "minutes" | "days" | "weeks" | "half")
        })
    };
    let later = w.iter().enumerate().any(|(i, x)| {
        matches!(
            *x,
            "again" | "later" | "since" | "another" | "similar" | "drill" | "drills" | "rehearsal"
        ) || (*x == "next"
            // "the next morning" is still the incident.
            && !w
                .get(i + 1)
                .is_some_and(|n| matches!(*n, "morning" | "day" | "hour" | "minute" | "step")))
            || (*x == "game" && w.get(i + 1).is_some_and(|n| n.starts_with("day")))
            || (*x == "load" && w.get(i + 1).is_some_and(|n| n.starts_with("test")))
            // "... compared with 38 minutes the first time": this is a later one.
            || (*x == "first" && w.get(i + 1) == Some(&"time") && i > 0 && w[i - 1] == "the")
    });
    let against_before = w.iter().enumerate().any(|(i, x)| {
        (matches!(*x, "against" | "versus" | "vs") && figure_near(i + 1))
            || (matches!(*x, "instead" | "rather")
                && w.get(i + 1).is_some_and(|n| matches!(*n, "of" | "than")))
            || (*x == "compared" && w.get(i + 1).is_some_and(|n| matches!(*n, "with" | "to")))
            || (*x == "first" && w.get(i + 1) == Some(&"time") && i > 0 && w[i - 1] == "the")
    });
    let none_of_it = w.windows(2).any(|p| {
        matches!(p[0], "zero" | "without") && !matches!(p[1], "-" | "downtime" | "." | ",")
            || p[0] == "nobody" && matches!(p[1], "noticed" | "was" | "had")
    });
    later && (against_before || none_of_it)
}

/// The check made has since failed a change that would have done harm:
/// "The simulator job has since failed two baseline changes", "Two weeks
/// later the docs-snippet check failed a release".
fn failed_a_change(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        let later = w[..i]
            .iter()
            .any(|b| matches!(*b, "since" | "later" | "twice" | "again"))
            || w[i + 1..]
                .iter()
                .take(6)
                .any(|n| matches!(*n, "since" | "twice"));
        matches!(*x, "failed" | "fails" | "rejected" | "blocked")
            && later
            && w[i + 1..].iter().take(4).any(|n| {
                matches!(
                    *n,
                    "build"
                        | "builds"
                        | "release"
                        | "releases"
                        | "deploy"
                        | "deploys"
                        | "deployment"
                        | "deployments"
                        | "change"
                        | "changes"
                        | "merge"
                        | "merges"
                        | "pr"
                        | "prs"
                        | "plan"
                        | "plans"
                        | "push"
                        | "pushes"
                        | "migration"
                        | "migrations"
                        | "commit"
                        | "commits"
                        | "rollout"
                        | "rollouts"
                )
            })
    })
}

/// "eleven bad releases aborted at the 5% step", "it blocked two bad
/// pushes": the mechanism stopping bad changes.
fn stopped_bad_ones(w: &[&str]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        matches!(
            *x,
            "aborted" | "aborts" | "blocked" | "blocks" | "rejected" | "caught" | "stopped"
        ) && w[i.saturating_sub(4)..(i + 4).min(w.len())]
            .iter()
            .any(|n| matches!(*n, "bad" | "broken" | "faulty"))
            && w.iter()
                .any(|n| is_figure(n) || number_word(n).is_some_and(|v| v > 0.0))
    })
}

/// A week or more after the incident, with the speaker making something
/// then: "Then the next week we moved the whole tier to m5s", "a month
/// later I replaced the cron job".
fn weeks_later(w: &[&str]) -> bool {
    let later = w.windows(2).any(|p| {
        matches!(
            p,
            [
                "next" | "following",
                "week" | "sprint" | "month" | "quarter"
            ] | ["week" | "weeks" | "month" | "months", "later" | "after"]
        )
    });
    // "The next week I move the break-glass credentials ...": told in the
    // present, as it happened.
    later
        && (made_by_us_now(w, 0)
            || w.iter().enumerate().any(|(i, x)| {
                MADE.contains(x)
                    && w[i.saturating_sub(2)..i]
                        .iter()
                        .any(|b| matches!(*b, "i" | "we"))
            }))
}

/// The thing the speaker made in clause `s`: the words after its verb
/// ("we created the private zone internal.example.com"), up to the first
/// word that ends the name, at most four. With `by_speaker`, only when
/// "I" or "we" stands just before the verb.
fn object_made(f: &Field, s: &Sentence, by_speaker: bool) -> Option<(usize, usize, &'static str)> {
    let verb = (s.first..s.last).find(|&i| {
        let v = f.tokens[i].lower.as_ref();
        MADE.contains(&v) || CREATED.contains(&v)
    })?;
    // Unless words place it after the incident, the speaker says they made
    // it: "I built the incident bot we use", not "the warehouse shipped two
    // boxes" nor "when an object was created".
    if by_speaker
        && !(s.first..verb)
            .rev()
            .take(3)
            .any(|i| matches!(f.tokens[i].lower.as_ref(), "i" | "we"))
    {
        return None;
    }
    // "we didn't put anything in place".
    if negated_before(f, verb, 3) {
        return None;
    }
    let first = (verb + 1..s.last).find(|&i| {
        let t = &f.tokens[i];
        t.is_word() && !t.function && !matches!(t.lower.as_ref(), "new" | "own" | "another")
    })?;
    // "we moved some of them to 01:00": no thing named.
    if matches!(
        f.tokens[first].lower.as_ref(),
        "some"
            | "them"
            | "it"
            | "anything"
            | "everything"
            | "something"
            | "things"
            | "stuff"
            | "most"
            | "all"
            | "one"
            | "those"
            | "these"
            | "that"
            | "this"
            | "up"
            | "out"
            | "in"
    ) {
        return None;
    }
    let last = (first..s.last)
        .take(4)
        .take_while(|&i| f.tokens[i].is_word() && !f.tokens[i].function)
        .last()?
        + 1;
    Some((first, last, "prevention"))
}

/// The point for a concrete change of `kind` named by tokens
/// `[first, last)` of `f` and said as `phrase`.
fn changed_for_good(f: &Field, first: usize, last: usize, kind: &str, phrase: &str) -> Evidence {
    let rule = match kind {
        "detection" => Rule::Detection,
        "mitigation" => Rule::Mitigation,
        "process" => Rule::Process,
        _ => Rule::Prevention,
    };
    f.evidence(
        first,
        last,
        rule,
        format!("{kind} that changed for good ({phrase})"),
    )
}

/// The items of a list of things made in clause `s`, each after the first
/// opening with "a", "an" or "another" after a comma or "and": "we shipped
/// a pre-merge job that resolves every name, a canary replica that takes
/// zone changes first, and a synthetic probe with an SLO alert". None when
/// the clause lists nothing.
fn listed_items(f: &Field, s: &Sentence) -> Vec<Sentence> {
    let opens = |i: usize| {
        matches!(f.tokens[i].lower.as_ref(), "," | "and")
            && f.tokens
                .get(i + 1)
                .is_some_and(|t| matches!(t.lower.as_ref(), "a" | "an" | "another"))
    };
    let splits: Vec<usize> = (s.first..s.last).filter(|&i| opens(i)).collect();
    if splits.is_empty() {
        return Vec::new();
    }
    let starts: Vec<usize> = std::iter::once(s.first)
        .chain(splits.iter().map(|i| i + 1))
        .collect();
    let ends = splits.iter().copied().chain(std::iter::once(s.last));
    starts
        .into_iter()
        .zip(ends)
        .map(|(first, last)| Sentence {
            first,
            last,
            counts: s.counts,
            salad: s.salad,
        })
        .collect()
}

pub fn score(a: &Analysis) -> DimensionScore {
    let mut d = DimensionScore::default();
    let mut concrete_changes: Vec<Evidence> = Vec::new();
    let mut phrases = BTreeSet::new();
    let mut vague: Option<Evidence> = None;
    let mut proposal: Option<Evidence> = None;
    let mut works: Option<Evidence> = None;
    // A line that shows a change at work, and things named as done that
    // nothing placed after the incident (see below the loop).
    let mut shown_at_work: Option<Evidence> = None;
    let mut candidates: Vec<Evidence> = Vec::new();
    let mut candidate_phrases = BTreeSet::new();
    let mut undone_later = false;
    // "The RFC was approved in May ... we are planning to start the rollout
    // next quarter": everything told as built is still a design.
    let mut rollout_ahead = false;
    let mut signed_off: Option<Evidence> = None;
    // "It made the system more resilient", "hardening" with nothing said
    // of what shipped: the rubric's "hardening" with no content.
    let mut hinted: Option<Evidence> = None;

    // A paragraph that turns to what lasts ("Afterwards I made three
    // changes.") carries its following sentences with it.
    let mut lasting_paragraph = false;
    // Clauses, not sentences: "a page fires when replay lag exceeds 60 s;
    // a monthly game day kills a primary" is two changes.
    let clauses: Vec<(&Field, Sentence)> = a
        .sentences()
        .flat_map(|(f, s)| clauses(f, s).into_iter().map(move |c| (f, c)))
        .collect();
    let all = clauses.len();
    // Each clause's words, read once for the passes below.
    let said: Vec<Vec<&str>> = clauses.iter().map(|(f, c)| words(f, c)).collect();
    // Where harm begins, when the story opens with changes: those are what
    // set the incident up ("I moved 40 services onto a shared deploy
    // template ... A week after rollout the release got stuck").
    let onset = clauses
        .iter()
        .enumerate()
        .skip(1)
        .take_while(|&(at, (f, _))| {
            f.beat != Some("systemic_change") && {
                let w = &said[at];
                !((0..w.len()).any(|i| lasting_word(w, i)) || changed_after_that(w))
            }
        })
        .find(|&(at, _)| harm_begins(&said[at]))
        .map_or(0, |(at, _)| at);
    let led_project = improvement_project(a);
    let project = led_project.is_some();
    // The project an improvement story is about is itself a change made.
    // Not when it is what set the incident up.
    let set_up_harm = |f: &Field, at: usize| {
        clauses
            .iter()
            .position(|(g, c)| std::ptr::eq(*g, f) && c.first <= at && at < c.last)
            .is_some_and(|told| told < onset)
    };
    if let Some(e) = led_project
        .filter(|&(f, _, at)| !set_up_harm(f, at))
        .and_then(|(f, s, at)| the_project_itself(f, s, at))
    {
        concrete_changes.push(e);
    }
    let in_present = told_in_present(a);
    // Where a free text turns to what lasts ("Afterwards, ...", "Going
    // forward ..."), or its first section about what lasts: a change told
    // before it, and not itself placed after the incident, is the fix.
    let turn = if project {
        None
    } else {
        clauses
            .iter()
            .enumerate()
            .skip(onset.max(1))
            .find(|&(at, (f, _))| {
                let w = &said[at];
                // Not "Longer term we're talking about ...": a wish after the
                // changes made leaves them as they were told.
                f.beat.is_none()
                    && turns_to_what_lasts(w)
                    && !(0..w.len())
                        .any(|i| proposal_word(w, i) || wish_word(w, i) || maybe_later(w, i))
            })
            .map(|(at, _)| at)
    };
    // Service has come back in an earlier clause ("... and the complaints
    // stopped"): a change made "then" is made after the fix.
    let mut restored = false;
    let mut previous: Option<(&Field, &Sentence)> = None;
    for (at, (f, s)) in clauses.iter().enumerate() {
        let (f, s) = (*f, s);
        let late = f.beat.is_none() && at * 3 >= all * 2;
        let w = &said[at];
        if let Some((pf, ps)) = previous
            && (!std::ptr::eq(pf, f) || new_paragraph(f, ps, s))
        {
            lasting_paragraph = false;
        }
        previous = Some((f, s));
        let home = f.beat == Some("systemic_change");
        // "Pilot ended when I moved teams; deploys went back to the manual
        // canary": what was built did not last.
        // Not "the boxes went back to the old certificates" while nothing
        // had been built yet: the incident's own rollback.
        if (late || home) && undone(w) && (!concrete_changes.is_empty() || vague.is_some()) {
            undone_later = true;
        }
        if (late || home || project) && awaits_rollout(w) {
            rollout_ahead = true;
        }
        if (late || home || project) && design_signed_off(w) {
            signed_off.get_or_insert_with(|| {
                f.evidence(
                    s.first,
                    s.last,
                    Rule::Prevention,
                    "a design approved, not yet shipped".into(),
                )
            });
        }
        // A bullet of a list that a line about what lasts opens ("After
        // that we made these changes:").
        let lasting_item = lasting_paragraph && w.first().is_some_and(|x| bullet(x));
        // In an improvement project the change made is the story: "I move
        // those deploys to canaries", "we rolled the agent to every node".
        // Words that place the clause after the incident; "every", "any"
        // (`from_then_on`) only weakly: "a route that sent every payments
        // alert to Slack" is the setting.
        // In a story told in the present ("the best path now goes through
        // our transit"), "now" before the last third is the incident's.
        let placed_after = (0..w.len())
            .any(|i| lasting_word(w, i) && (w[i] != "now" || !in_present || late || home))
            || (restored && then_changed(w))
            || changed_after_that(w)
            || (late && weeks_later(w))
            || never_again(w)
            || made_next(w)
            || so_it_lasts(w);
        // "I add an MSS clamp on the tunnel and within minutes copies are
        // flowing again": what brought service back is the fix, not what
        // lasts, unless words place it after.
        // "... and restarted the auth pods. Logins came back immediately."
        // Asked only of a clause that creates something: most create nothing.
        let restoring = || {
            !placed_after
                && f.tokens.get(s.first).is_some_and(|t| {
                    f.sentences
                        .get(t.sentence..)
                        .is_some_and(|rest| rest.iter().take(2).any(|x| brought_back(&words(f, x))))
                })
        };
        restored |= brought_back(w);
        // "Option two: add on-demand in smaller batches": a choice weighed
        // in the incident, not a thing made.
        let weighed = w
            .iter()
            .skip_while(|x| bullet(x))
            .take(3)
            .any(|x| matches!(*x, "option" | "alternative" | "choice"));
        let created =
            (created_in(w) || (project && made_for_the_project(w))) && !weighed && !restoring();
        // Late in a story, what the team does now: "We also alert on any
        // maintenance event", "we page on replay lag". It places the clause
        // after the incident and says the mechanism is in place.
        let late_at_work = late && we_do_now(w);
        let at_work_late = late && !in_present && at_work_now(w);
        let marked = placed_after
            || (created && from_then_on(w))
            || acts_on_every(w)
            || ((project || late) && on_a_schedule(w))
            // "The part I'm glad about is what came after."
            || w.windows(2).any(|p| p == ["came", "after"])
            // "How it works: an agent on every hypervisor parses ...": what
            // was built, as it runs.
            || w.iter().skip_while(|x| bullet(x)).take(4).eq(["how", "it", "works", ":"].iter())
            // "Done: the schema linter rejects TIMESTAMP for new columns": an
            // action item marked as shipped.
            || done_label(w)
            // Late in a story told freely, a change made beside the fix: "I
            // also switched the CI StorageClass to reclaimPolicy: Delete".
            || (late && also_changed(w))
            || (late && turned_on_everywhere(w))
            || late_at_work
            || at_work_late;
        // "I'd led the move to canaries" before the incident, or anything
        // under "Situation:" or "Background:": how things stood.
        if !home && (f.setting || before_the_story(w) || at < onset && !placed_after) {
            continue;
        }
        // A change someone else made, in the first third of an incident told
        // freely, with nothing placing it after, is how the story starts
        // ("Someone on the payments team added a route in Alertmanager ..."),
        // not what lasts.
        let early = f.beat.is_none() && !project && at * 3 < all;
        // A note that opens with its verb ("- Built a migration linter step
        // in CI") is the speaker's own, as notes are written.
        // A release ("- rolled out new kernel to the nodes") is how an
        // incident starts, not a change made after it.
        let note = w.first().is_some_and(|x| bullet(x))
            && w.get(1).is_some_and(|v| {
                (v.len() > 4 && v.ends_with("ed") || CREATED.contains(v))
                    && !matches!(
                        *v,
                        "rolled" | "deployed" | "upgraded" | "pushed" | "shipped" | "released"
                    )
            });
        let by_someone_else = !note && !w.iter().any(|x| PERSONAL.contains(x) && *x != "team");
        if early && by_someone_else && created && !placed_after {
            continue;
        }
        if (marked || created) && !caused_it(w) {
            lasting_paragraph = true;
        }
        // Told before the story turns to what lasts: the incident's part.
        let before_turn = turn.is_some_and(|t| at < t);
        if !concrete_changes.is_empty()
            && works.is_none()
            && !before_turn
            && works_in(w)
            && !caused_it(w)
        {
            works = Some(f.evidence(s.first, s.last, Rule::Process, WORKS.into()));
        }
        if shown_at_work.is_none()
            && over_months(w)
            && (works_in(w) || result_moved(w))
            && !caused_it(w)
        {
            shown_at_work = Some(f.evidence(s.first, s.last, Rule::Process, WORKS.into()));
        }
        // In a sentence about what lasts, the component changed is the
        // mechanism even when it has no name of its own ("login moves to its
        // own node pool", "security now gets the edge logs").
        let found = mechanism(f, s)
            .or_else(|| {
                (home || marked || created || lasting_item)
                    .then(|| {
                        f.hits_in(s)
                            .iter()
                            .find(|h| h.tags.has(Tag::Tech) && !followed(f, h.first))
                            .map(|h| (h.first, h.last, "prevention"))
                    })
                    .flatten()
            })
            .or_else(|| {
                (home || marked || lasting_paragraph || late)
                    .then(|| acting_subject(f, s).or_else(|| switched(f, s)))
                    .flatten()
            })
            .or_else(|| {
                // "Set idle_in_transaction_session_timeout = '10min'": the setting named.
                (home || marked || created || lasting_item)
                    .then(|| {
                        (s.first..s.last)
                            .find(|&i| {
                                let t = &f.tokens[i];
                                written_as_code(&f.text[t.start..t.end])
                                    || in_backticks(f, t.start, t.end)
                                    || starts_a_dotted_name(f, i)
                            })
                            // "Apps now discover the master through Sentinel":
                            // the thing named is what changed.
                            .or_else(|| {
                                (home || created || lasting_item)
                                    .then(|| (s.first..s.last).find(|&i| named_mechanism(f, i)))
                                    .flatten()
                            })
                            .map(|i| (i, end_of_name(f, i, s.last), "prevention"))
                    })
                    .flatten()
            })
            .or_else(|| {
                home.then(|| how_it_runs_now(f, s).or_else(|| a_rule_for(f, s)))
                    .flatten()
            })
            // "After this we created the private zone internal.example.com":
            // what was made, whatever its name.
            .or_else(|| created.then(|| object_made(f, s, !placed_after)).flatten())
            // "Afterwards we changed the teardown so it deletes the
            // namespaces first": the thing changed, named by what it now
            // does.
            .or_else(|| {
                (marked && so_it_lasts(w))
                    .then(|| object_made(f, s, false))
                    .flatten()
            });
        // "(owner: platform team, to be scheduled)"
        let to_be = w.windows(3).any(|p| {
            p[..2] == ["to", "be"]
                && matches!(
                    p[2],
                    "scheduled"
                        | "decided"
                        | "confirmed"
                        | "agreed"
                        | "planned"
                        | "prioritised"
                        | "prioritized"
                        | "assigned"
                        | "done"
                        | "added"
                        | "written"
                )
        });
        let planned = f.to_do || to_be || to_do(w) || put_off(w);
        // Asked about only where something was made: most clauses make nothing.
        let unsure = created_in(w) && unsure(f, s);
        let wishful = unsure
            || (planned
                || (0..w.len())
                    .any(|i| proposal_word(w, i) || wish_word(w, i) || maybe_later(w, i))
                || wished_aloud(w)
                || in_progress(w))
                // "We now page on it" is in place; "will go through moved
                // blocks from now on" is still to come.
                && (!w
                    .iter()
                    .enumerate()
                    .any(|(i, x)| *x == "now" && (i == 0 || w[i - 1] != "from"))
                    // "We're now talking about adding BGP monitoring".
                    || (0..w.len())
                        .any(|i| matches!(w[i], "talking" | "thinking") && maybe_later(w, i)));
        if let Some(i) = (s.first..s.last).find(|&i| {
            matches!(
                f.tokens[i].lower.as_ref(),
                "resilient" | "resilience" | "robust" | "hardening" | "hardened" | "sturdier"
            )
        }) && !caused_it(w)
        {
            hinted.get_or_insert_with(|| {
                f.evidence(
                    i,
                    i + 1,
                    Rule::Prevention,
                    "a lasting change hinted, with no content".into(),
                )
            });
        }
        let Some((first, last, kind)) = found else {
            // "We should store everything in UTC going forward": a wish
            // with no mechanism named is still the rubric's proposal.
            if wishful
                && !weighed
                && !personal_lesson(w)
                && (unsure || wish(w, home, late, planned, false))
            {
                proposal.get_or_insert_with(|| {
                    f.evidence(
                        s.first,
                        s.last,
                        Rule::Prevention,
                        "a change wished for, not shipped".into(),
                    )
                });
            }
            continue;
        };
        if personal_lesson(w) || left_as_it_was(w) {
            // "I learned to always ask who is about to flip a flag": a
            // lesson, by the rubric no systemic change.
            continue;
        }
        let phrase = phrase_of(f, first, last);
        if wishful {
            // Advice in general ("postmortems should be blameless") is not
            // even a wish of yours, and "I could raise the limit" weighs an
            // option in the incident.
            if !weighed && (unsure || wish(w, home, late, planned, true)) {
                proposal.get_or_insert_with(|| {
                    f.evidence(
                        first,
                        last,
                        Rule::Prevention,
                        format!("a change proposed, not shipped ({phrase})"),
                    )
                });
            }
            continue;
        }
        // What lasts: its own field or section, a sentence or paragraph about
        // afterwards, or a mechanism created ("I added a CI check").
        let the_fix = before_turn && !home && !marked;
        let lasting = !the_fix && (home || marked || lasting_paragraph || created);
        // In a paragraph about what was built, a mechanism said at work
        // ("any failure pages the on-call") is running: it shipped.
        let at_work = lasting_paragraph && w.iter().any(|x| ACTS.contains(x));
        let shipped = home
            || (created && made_in_the_present(w))
            || at_work
            || lasting_item
            || f.has(s, Tag::ChangeVerb)
            || w.iter().any(|x| SHIPPED.contains(x))
            || w.iter().any(|x| x.ends_with("ed") && x.len() > 4)
            || w.contains(&"now")
            // "These days the job only publishes active records": in place.
            || w.contains(&"nowadays")
            // "... so they cannot be different anymore": so it stays.
            || w.contains(&"anymore")
            // "After, I write a small script that moves the primary role":
            // placed after the incident and said by the speaker, in
            // whatever tense, it was done (a wish went no further).
            || (placed_after && made_by_us_now(w, 0))
            // "Later we release new SDK version with full jitter": a change
            // told as what came after, in whatever tense.
            || made_next(w)
            || w.windows(2).any(|p| p == ["these", "days"])
            || late_at_work
            || at_work_late
            // "Afterwards the launch checklist staggers pushes over 10
            // minutes": what runs, told after the incident; not "ships the
            // change to replicas afterwards".
            || w
                .iter()
                .find(|x| !bullet(x))
                .is_some_and(|x| matches!(*x, "afterwards" | "afterward"))
                && !w.iter().any(|x| {
                    matches!(*x, "said" | "say" | "says") || x.ends_with("'d") || x.ends_with("’d")
                })
            // "we change the backup script so it clears the snapshot": told
            // with what it does from then on, the change is in place.
            || so_it_lasts(w)
            // "The follow-up was a CI check rejecting pool sizes under 50",
            // "the permanent fix was a minimum enforced in the template".
            || placed_after
                && w.windows(2).any(|p| {
                    matches!(p[0], "up" | "ups" | "fix" | "change" | "changes" | "solution")
                        && matches!(p[1], "was" | "were")
                });
        if !home && caused_it(w) {
            continue;
        }
        if !lasting || !shipped {
            // A concrete thing named in the second half of the story (or in
            // an improvement project) that nothing places after the
            // incident or tells as shipped: kept in case the story shows a
            // change at work ("no expiry outages in the 10 months since"),
            // which says something was made. The result line itself names
            // no change.
            if (project || at * 2 >= all)
                && !works_in(w)
                && !result_moved(w)
                && concrete(f, s, first, last)
                && candidate_phrases.insert(phrase.clone())
            {
                candidates.push(changed_for_good(f, first, last, kind, &phrase));
            }
            continue;
        }
        // "Every Monday a job recomputes ...": told by what it does, and when.
        if concrete(f, s, first, last) || ((project || late) && on_a_schedule(w)) {
            if phrases.insert(phrase.clone()) {
                concrete_changes.push(changed_for_good(f, first, last, kind, &phrase));
            }
            // "I added a CI check that rejects X, and an alert on queue
            // age": more things made, listed in the same clause.
            for rest in listed_items(f, s) {
                if let Some((first, last, kind)) = mechanism(f, &rest)
                    && concrete(f, &rest, first, last)
                {
                    let phrase = phrase_of(f, first, last);
                    if phrases.insert(phrase.clone()) {
                        concrete_changes.push(changed_for_good(f, first, last, kind, &phrase));
                    }
                }
            }
            // "... and it has caught two bad pushes since", in the same sentence.
            if works.is_none() && works_in(w) {
                works = Some(f.evidence(s.first, s.last, Rule::Process, WORKS.into()));
            }
        } else {
            vague.get_or_insert_with(|| {
                f.evidence(
                    first,
                    last,
                    Rule::Prevention,
                    format!("a change, but vague ({phrase})"),
                )
            });
        }
    }

    // "Result: no expiry outages in the 10 months since, against four in
    // the previous twelve": a story that shows a change at work, where no
    // clause was placed after the incident and nothing was wished for or
    // told vaguely, made the concrete things it names in its second half.
    if concrete_changes.is_empty()
        && vague.is_none()
        && proposal.is_none()
        && let Some(shown) = shown_at_work.clone()
        && !candidates.is_empty()
    {
        concrete_changes = candidates;
        works = Some(shown);
    }

    // "Results over the next quarter: SLA breaches 3 -> 0": a result that
    // held over months, told beside the changes made, shows they work.
    if works.is_none() && !concrete_changes.is_empty() {
        works = shown_at_work;
    }

    // A design signed off whose rollout is still ahead is the proposal.
    let design_ahead = signed_off.filter(|_| rollout_ahead);
    if undone_later || design_ahead.is_some() {
        concrete_changes.clear();
        vague = None;
        works = None;
    }
    if design_ahead.is_some() {
        proposal = design_ahead;
    }

    // A before/after line of the story's that shows the change at work:
    // "certificate-related incidents: 3 in the prior year -> 0 in the 12
    // months since", "deletions blocked by the admission policy: 3 in 5 months".
    if works.is_none() && !concrete_changes.is_empty() {
        works = a
            .fields
            .iter()
            .filter(|f| f.kind == FieldKind::Metric)
            .find_map(|f| {
                f.sentences
                    .iter()
                    .find(|s| works_in(&words(f, s)))
                    .map(|s| f.evidence(s.first, s.last, Rule::Process, WORKS.into()))
            });
    }

    // "Postmortems, runbooks, chaos engineering, game days": practices that
    // last, named in a keyword list that no rule counts, with nothing said
    // of what was built. Raters read that as the rubric's "hardening" with
    // no content.
    if hinted.is_none() && proposal.is_none() && vague.is_none() && concrete_changes.is_empty() {
        hinted = named_in_a_list(a);
    }

    let n = concrete_changes.len();
    d.score = match n {
        0 if vague.is_some() => 2,
        0 if proposal.is_some() || hinted.is_some() => 1,
        0 => 0,
        1 if works.is_some() => 4,
        1 => 3,
        _ if works.is_some() => 5,
        _ => 4,
    };
    d.evidence.extend(concrete_changes);
    if n == 0 {
        d.evidence.extend(vague.or(proposal).or(hinted));
    }
    if d.score >= 4
        && let Some(e) = works.clone()
    {
        d.evidence.push(e);
    }
    match n {
        0 => d.missing("Say what you changed for good, concretely, and that it shipped: \"I added a CI check that rejects a zone change that deletes a live record\"."),
        1 => d.missing("Add a second lasting change of another kind: detection (an alert on the symptom), prevention (a check, a guardrail), mitigation (a runbook, a kill switch)."),
        _ => {}
    }
    if works.is_none() {
        d.missing("Say how you know it works: \"it has caught two bad pushes since\", \"zero repeats in nine months\".");
    }
    d
}
