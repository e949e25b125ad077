//! Decision: a judgement call between alternatives, as the rubric reads it.
//! A call needs no "decided": "failing over risked 30 s of writes, so I
//! rolled back" names the alternative, the risk and the choice. Reasons and
//! alternatives count only in or right after a sentence that makes a call,
//! and a negated or hypothetical reason ("we did not have backoff to avoid
//! this") is no reason.

use super::analysis::{Analysis, Field, first_person_before, negated_before};
use super::lexicon::{Hit, Tag};
use super::text::{Sentence, TokenKind};
use super::{DimensionScore, Evidence, Rule};

/// Phrases that make a call without a decision verb.
const CALL_MARKERS: &[&[&str]] = &[
    &["so", "i"],
    &["so", "we"],
    &["which", "is", "why", "i"],
    &["first", "instinct"],
    &["my", "instinct"],
    &["i", "prioritised"],
    &["i", "prioritized"],
    &["i", "went", "with"],
    &["i", "opted"],
    &["i", "preferred"],
    &["i", "insisted"],
    &["i", "argued"],
    &["i", "recommended"],
    &["i", "pushed"],
    &["whether", "to"],
    &["i", "called"],
];

/// Words that say a choice was weighed: "failing over risked 30 s of writes".
const RISK_WORDS: &[&str] = &[
    "wrong",
    "expense",
    "mixed",
    "slower",
    "lost",
    "blind",
    "exposed",
    "risked",
    "risking",
    "risk",
    "risks",
    "risky",
    "downside",
    "downsides",
    "trade",
    "tradeoff",
    "trade-off",
    "accepted",
    "accepting",
    "cost",
    "costs",
    "price",
    "gamble",
    "worst",
    "exposure",
    "acceptable",
    "sacrificed",
    "meant",
    "lose",
    "losing",
];

/// Risk words that also tell the damage ("3,400 users lost a day of
/// workouts"): a risk only in a sentence that weighs a course.
const WEAK_RISK_WORDS: &[&str] = &[
    "wrong", "expense", "mixed", "slower", "lost", "blind", "exposed", "cost", "costs", "price",
    "worst", "meant", "lose", "losing",
];

/// A sentence that weighs a course: the call, options, or a course set
/// against what it would cost ("but", "would", "instead"). In the
/// decision's own field too, "3,400 users lost a day of workouts" is damage.
fn weighs(f: &Field, s: &Sentence) -> bool {
    call(f, s).is_some()
        || tagged_hit(f, s, Tag::Alternative).is_some()
        || words(f, s).iter().any(|x| {
            matches!(
                *x,
                "but"
                    | "would"
                    | "could"
                    | "instead"
                    | "rather"
                    | "accept"
                    | "accepted"
                    | "accepting"
                    | "if"
                    | "than"
                    | "meant"
                    | "means"
            )
        })
}

/// Courses laid side by side in the decision's own field or section, each
/// set against its cost: "- Raise the ratio: writes back in a minute. But only
/// 2% headroom. - Abort the uploads: frees 120 TB, but GC takes hours."
fn laid_side_by_side(f: &Field, s: &Sentence) -> bool {
    let contrasted = |t: &Sentence| {
        words(f, t)
            .iter()
            .any(|x| matches!(*x, "but" | "whereas" | "however"))
    };
    if f.beat != Some("decision") || !contrasted(s) {
        return false;
    }
    let k = f.sentences.partition_point(|t| t.first < s.first);
    let near = f.sentences[k.saturating_sub(3)..(k + 4).min(f.sentences.len())]
        .iter()
        .filter(|t| t.counts && t.first != s.first && contrasted(t));
    near.count() >= 1
}

/// Words that say a call was checked later.
const CHECKED: &[&[&str]] = &[
    &["in", "hindsight"],
    &["looking", "back"],
    &["turned", "out"],
    &["right", "call"],
    &["proved"],
    &["paid", "off"],
    &["confirmed", "that"],
    &["was", "vindicated"],
    &["later", "showed"],
];

fn has_phrase(words: &[&str], phrase: &[&str]) -> Option<usize> {
    words.windows(phrase.len()).position(|w| w == phrase)
}

fn words<'t>(f: &'t Field, s: &Sentence) -> Vec<&'t str> {
    f.tokens[s.first..s.last]
        .iter()
        .filter(|t| !t.masked)
        .map(|t| t.lower.as_ref())
        .collect()
}

/// Words that give the reason for a call, besides the lexicon's ("because").
const REASON_WORDS: &[&str] = &[
    "since",
    "given",
    "meant",
    "means",
    "mattered",
    "outweighed",
    "worth",
    "so",
];

/// ", as no ETA was given", ", as the replica was hours behind": "as"
/// after a comma opening a clause with its own verb gives a reason; not
/// "as soon as", "such as", "as well", "as a result".
fn as_a_reason(f: &Field, s: &Sentence) -> Option<usize> {
    (s.first + 1..s.last).find(|&i| {
        f.tokens[i].lower == "as"
            && f.tokens[i - 1].lower == ","
            && f.tokens.get(i + 1).is_some_and(|n| {
                !matches!(
                    n.lower.as_ref(),
                    "soon" | "well" | "a" | "far" | "long" | "much" | "if"
                )
            })
            && f.tokens[i + 1..(i + 6).min(s.last)].iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "was"
                        | "were"
                        | "is"
                        | "are"
                        | "had"
                        | "has"
                        | "would"
                        | "could"
                        | "did"
                        | "didn't"
                        | "wasn't"
                        | "couldn't"
                )
            })
    })
}

/// "I", "we", "my team", "the on-call engineer": someone made the call. A
/// call in general advice ("decide what lag is acceptable") is nobody's.
/// Whose call it was is the role's business; a postmortem's "the on-call
/// engineer considered scaling out, but ..." weighs options all the same.
fn personal(f: &Field, s: &Sentence) -> bool {
    f.beat == Some("decision")
        || (f.told_by_speaker && !generic(f, s))
        || f.tokens[s.first..s.last].iter().any(|t| {
            !t.masked
                && matches!(
                    t.lower.as_ref(),
                    "i" | "we"
                        | "my"
                        | "our"
                        | "me"
                        | "us"
                        | "i'd"
                        | "we'd"
                        | "i'm"
                        | "we're"
                        | "team"
                        | "engineer"
                        | "engineers"
                        | "on-call"
                        | "oncall"
                        | "commander"
                        | "ic"
                        | "author"
                        | "they"
                        | "he"
                        | "she"
                )
        })
        // A report's voice: "Decision taken to fail over rather than wait".
        || f.tokens[s.first..s.last]
            .iter()
            .find(|t| !t.masked && t.is_word())
            .is_some_and(|t| t.lower == "decision")
}

/// Advice in general, not a call of that day: "you should decide ...",
/// "always pick ...".
fn generic(f: &Field, s: &Sentence) -> bool {
    f.tokens[s.first..s.last].iter().any(|t| {
        !t.masked
            && matches!(
                t.lower.as_ref(),
                "you" | "your" | "should" | "always" | "generally" | "typically" | "usually"
            )
    })
}

/// "so we need to rotate it" is a consequence; "so I rolled back", "so I
/// sample the logs instead" a call.
fn acted(word: &str) -> bool {
    !matches!(
        word,
        "need"
            | "needed"
            | "needs"
            | "have"
            | "had"
            | "has"
            | "must"
            | "should"
            | "could"
            | "would"
            | "can"
            | "will"
            | "was"
            | "were"
            | "am"
            | "are"
            | "is"
            | "got"
            | "get"
            | "couldn't"
            | "didn't"
            | "don't"
            | "wasn't"
            | "lost"
            | "saw"
            | "see"
            | "noticed"
    )
}

/// Verbs of looking into a thing: what was done before any call.
fn looked(word: &str) -> bool {
    matches!(
        word,
        "looked"
            | "checked"
            | "started"
            | "went"
            | "dug"
            | "found"
            | "asked"
            | "investigated"
            | "began"
            | "spent"
            | "waited"
            | "joined"
            | "looking"
    )
}

/// "I" or "we" followed by a verb of action: the token of the pronoun.
fn first_person_acts(f: &Field, s: &Sentence) -> Option<usize> {
    (s.first..s.last).find(|&i| {
        matches!(f.tokens[i].lower.as_ref(), "i" | "we")
            && f.tokens.get(i + 1).is_some_and(|n| {
                n.is_word() && n.sentence == f.tokens[i].sentence && acted(&n.lower)
            })
    })
}

/// The first token of sentence `s` in `list`, not negated, if any.
fn word_in(f: &Field, s: &Sentence, list: &[&str]) -> Option<usize> {
    (s.first..s.last).find(|&i| {
        let t = &f.tokens[i];
        // "so" and "as" open a reason only inside a sentence, after a clause.
        let inner = i > s.first + 2;
        !t.masked
            && list.contains(&t.lower.as_ref())
            && (inner || !matches!(t.lower.as_ref(), "so" | "as"))
            && !negated_before(f, i, 4)
            && !f
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == super::text::TokenKind::Number)
    })
}

/// Words that weigh one course against another.
const COMPARED: &[&str] = &[
    "riskier", "safer", "faster", "slower", "quicker", "cheaper", "costlier", "simpler", "harder",
    "easier",
];

/// Courses of a response, named as things one could do.
const COURSES: &[&str] = &[
    "rollback",
    "revert",
    "failover",
    "restart",
    "restore",
    "hotfix",
    "patch",
    "rebuild",
    "redeploy",
    "roll-forward",
    "workaround",
    "rolling",
    "reverting",
    "restoring",
    "redeploying",
    "rebuilding",
];

/// Options laid side by side: "I could raise max_connections, or I could
/// cap the autoscaler", "two ways to go", "either ... or", or two courses
/// compared ("riskier ..., but a revert would have ...").
fn options(f: &Field, s: &Sentence) -> Option<Evidence> {
    let w = words(f, s);
    let could = w
        .iter()
        .any(|x| matches!(*x, "could" | "can" | "either" | "whether"));
    let or = w.contains(&"or");
    // "two options", "two real options", "the other path".
    let two = w.windows(3).any(|p| {
        matches!(p[0], "two" | "three" | "both" | "the" | "other")
            && p[1..].iter().any(|x| {
                matches!(
                    *x,
                    "ways"
                        | "options"
                        | "choices"
                        | "paths"
                        | "approaches"
                        | "alternatives"
                        | "levers"
                        | "option"
                        | "choice"
                        | "path"
                        | "mitigations"
                        | "courses"
                )
            })
    }) || (w.windows(3).any(|p| p == ["on", "the", "table"]) && or);
    // "I could have used allocate_empty_primary, but ...": the road not taken.
    let not_taken = w
        .windows(2)
        .any(|p| matches!(p[0], "could" | "might") && p[1] == "have")
        && w.iter().any(|x| matches!(*x, "but" | "instead"));
    // "Failing over meant 30 s of lost writes": an option weighed by its cost.
    let gerund = w.first().is_some_and(|x| {
        x.len() > 5
            && x.ends_with("ing")
            && !matches!(
                *x,
                "during"
                    | "nothing"
                    | "something"
                    | "everything"
                    | "morning"
                    | "evening"
                    | "according"
                    | "anything"
            )
    }) && w.iter().any(|x| {
        matches!(
            *x,
            "meant" | "would" | "risked" | "risks" | "means" | "cost"
        )
    });
    if gerund {
        return Some(f.evidence(
            s.first,
            s.last,
            Rule::Alternative,
            "an option weighed by what it would cost".into(),
        ));
    }
    // "The targeted patch was riskier ..., but a full revert would have
    // reopened the exposure": two courses compared.
    // So are a course and what it would cost ("the rollback took three
    // minutes but would also pull the invoice fix").
    let would = w
        .iter()
        .any(|x| matches!(*x, "would" | "would've" | "wouldn't"));
    let course = w.iter().any(|x| COURSES.contains(x)) && would;
    let compared = (course || w.iter().any(|x| COMPARED.contains(x)))
        && (would
            || w.iter()
                .any(|x| matches!(*x, "but" | "while" | "whereas" | "than")));
    // "Making gp2 bigger was also possible, but ...": another course named.
    let also_possible = w
        .windows(2)
        .any(|p| p[0] == "also" && matches!(p[1], "possible" | "an" | "viable"));
    // "..., because a stale feed is worse for users than a little more load
    // on the primary": the course taken compared with the other.
    // "better than before" compares a time, not a course.
    let because_than = w.iter().position(|x| *x == "because").is_some_and(|b| {
        w[b..].iter().any(|x| matches!(*x, "worse" | "better"))
            && w[b..].windows(2).any(|p| {
                p[0] == "than"
                    && !matches!(
                        p[1],
                        "before" | "usual" | "normal" | "expected" | "ever" | "planned" | "it"
                    )
            })
    });
    // "The options were a hotfix ... or skipping the offset": options of
    // that day, told in the past, are someone's even unnamed.
    let then = w.iter().any(|x| matches!(*x, "were" | "was" | "had"));
    if laid_side_by_side(f, s) {
        return Some(f.evidence(
            s.first,
            s.last,
            Rule::Alternative,
            "the options weighed".into(),
        ));
    }
    // "The call was whether to move traffic to the secondary CDN": doing
    // it or not, two courses.
    // "The question on the call was how to refill the gap": a call posed.
    let question = w.iter().position(|x| *x == "question").is_some_and(|q| {
        w[q..].windows(2).take(6).any(|p| {
            matches!(p[0], "was" | "is" | "became")
                && matches!(p[1], "how" | "whether" | "which" | "what")
        })
    });
    let whether_to = w.windows(2).any(|p| p == ["whether", "to"]) || question;
    if !((could && or)
        || two
        || not_taken
        || compared
        || whether_to
        || also_possible
        || because_than)
        || !(personal(f, s)
            || ((two || question) && then)
            || (compared && then && judged_in_a_report(&w)))
    {
        return None;
    }
    Some(f.evidence(
        s.first,
        s.last,
        Rule::Alternative,
        "the options weighed".into(),
    ))
}

/// "This was judged safer than deleting snapshots": a report's passive
/// for a call someone made.
fn judged_in_a_report(w: &[&str]) -> bool {
    w.windows(2).any(|p| {
        matches!(p[0], "was" | "were" | "is")
            && matches!(p[1], "judged" | "considered" | "deemed" | "thought")
    })
}

/// The first decision verb of sentence `s` that makes a choice: not
/// "picked that up" nor "I was on the call".
fn decision_verb(f: &Field, s: &Sentence) -> Option<Hit> {
    // "picked that up", "is picked up by a controller": no choice.
    let picked_up = |h: &Hit| {
        f.phrase(*h).starts_with("pick")
            && f.tokens[h.last..(h.last + 3).min(s.last)]
                .iter()
                .any(|t| t.lower == "up")
    };
    // "I was on the call", "joined the call": a meeting, not a choice.
    let a_meeting = |h: &Hit| {
        f.phrase(*h) == "the call"
            && h.first.checked_sub(1).is_some_and(|b| {
                matches!(
                    f.tokens[b].lower.as_ref(),
                    "on" | "joined" | "join" | "into" | "in" | "from" | "during" | "off"
                )
            })
    };
    f.hits_in(s)
        .iter()
        .copied()
        .find(|h| h.tags.has(Tag::DecisionVerb) && !picked_up(h) && !a_meeting(h))
}

/// In the decision's own section, a note that opens with what was done is
/// the call, as notes are written: "Went in-region multi-AZ", "Bought data
/// packs to unblock".
fn noted_call(f: &Field, s: &Sentence) -> Option<(Evidence, bool)> {
    let i = (s.first..s.last).find(|&i| f.tokens[i].is_word() && !f.tokens[i].masked)?;
    let verb = f.tokens[i].lower.as_ref();
    let done =
        matches!(
            verb,
            "went" | "chose" | "took" | "kept" | "bought" | "let" | "held" | "left" | "stayed"
        ) || (verb.len() > 4 && verb.ends_with("ed") && !matches!(verb, "needed" | "wanted"));
    done.then(|| {
        (
            f.evidence(i, i + 1, Rule::MyDecision, format!("the call ({verb})")),
            true,
        )
    })
}

/// The call itself: a decision verb, or a marker such as "so I".
fn call(f: &Field, s: &Sentence) -> Option<(Evidence, bool)> {
    if !personal(f, s) {
        return None;
    }
    if let Some(hit) = decision_verb(f, s) {
        let mine = first_person_before(f, hit.first, 3)
            || words(f, s).first() == Some(&"i")
            || matches!(f.phrase(hit).as_str(), "my call" | "my decision");
        return Some((
            f.evidence(
                hit.first,
                hit.last,
                if mine {
                    Rule::MyDecision
                } else {
                    Rule::TeamDecision
                },
                format!("the call ({})", f.phrase(hit)),
            ),
            mine,
        ));
    }
    let w = words(f, s);
    for marker in CALL_MARKERS {
        if let Some(at) = has_phrase(&w, marker) {
            // "so we need to rotate it" is a consequence; "so I rolled back" a call.
            // "so we looked at it", "so I went digging": looking is no call.
            // "I pushed for a rollback", "I pushed back": advocacy; "I pushed
            // a config change" is an action.
            if *marker == ["i", "pushed"]
                && !w
                    .get(at + 2)
                    .is_some_and(|v| matches!(*v, "for" | "to" | "back" | "hard"))
            {
                continue;
            }
            let verb = w[at + 2..].iter().find(|v| {
                v.chars().all(char::is_alphabetic)
                    && !matches!(
                        **v,
                        "i" | "we"
                            | "you"
                            | "know"
                            | "like"
                            | "um"
                            | "uh"
                            | "er"
                            | "then"
                            | "also"
                            | "just"
                            | "basically"
                            | "actually"
                    )
            });
            if marker[0] == "so" && !verb.is_some_and(|v| acted(v) && !looked(v)) {
                continue;
            }
            // Map back to a token range: markers are plain words, so count visible tokens.
            let visible: Vec<usize> = (s.first..s.last).filter(|&i| !f.tokens[i].masked).collect();
            let (first, last) = (visible[at], visible[at + marker.len() - 1] + 1);
            let mine = marker.contains(&"i") || marker.contains(&"my");
            return Some(the_call_made(
                f,
                first,
                last,
                mine,
                format!("the call ({})", marker.join(" ")),
            ));
        }
    }
    // "I sample the edge logs instead", "we failed over rather than wait":
    // an action taken over another is a call; so is any action in the
    // decision's own field or section.
    let alternative = tagged_hit(f, s, Tag::Alternative).is_some();
    if (alternative || f.beat == Some("decision"))
        && let Some(i) = first_person_acts(f, s)
    {
        let mine = f.tokens[i].lower == "i";
        let rule = if mine {
            Rule::MyDecision
        } else {
            Rule::TeamDecision
        };
        return Some((f.evidence(i, i + 2, rule, "the call".into()), mine));
    }
    accepted_a_price(f, s)
}

/// A price the speaker took on, which is a call made with its trade-off:
/// "That was a cost increase I accepted for the day", "we accepted a few
/// minutes of stale reads". Not "the change was accepted by the CAB".
fn accepted_a_price(f: &Field, s: &Sentence) -> Option<(Evidence, bool)> {
    let w = words(f, s);
    let at = w.iter().enumerate().position(|(i, x)| {
        matches!(*x, "accepted" | "accepting" | "accept")
            && i.checked_sub(1).is_some_and(|b| matches!(w[b], "i" | "we"))
    })?;
    // What was given up, named (as `risk_in` reads it in a sentence that
    // weighs, which this one does; `risk_in` itself asks for a call).
    let price = f
        .hits_in(s)
        .iter()
        .any(|h| h.tags.has(Tag::Risk) && !negated_before(f, h.first, 6))
        || w.iter()
            .any(|x| RISK_WORDS.contains(x) || WEAK_RISK_WORDS.contains(x));
    if !price {
        return None;
    }
    let mine = w[at - 1] == "i";
    let visible: Vec<usize> = (s.first..s.last).filter(|&i| !f.tokens[i].masked).collect();
    let (first, last) = (visible[at - 1], visible[at] + 1);
    Some(the_call_made(
        f,
        first,
        last,
        mine,
        "the call, made with its price".into(),
    ))
}

/// The evidence of a call in tokens `[first, last)`, the speaker's own
/// (`mine`) or the team's, and whose it is.
fn the_call_made(
    f: &Field,
    first: usize,
    last: usize,
    mine: bool,
    why: String,
) -> (Evidence, bool) {
    let rule = if mine {
        Rule::MyDecision
    } else {
        Rule::TeamDecision
    };
    (f.evidence(first, last, rule, why), mine)
}

/// "I picked gp3 over io2": a choice said with the option it beat.
fn preferred_over(f: &Field, s: &Sentence) -> Option<Evidence> {
    let hit = decision_verb(f, s)?;
    // "chose multi-window burn rates over simple thresholds": the option
    // may take a few words, but not a clause.
    let over = (hit.last..(hit.last + 8).min(s.last))
        .take_while(|&i| !matches!(f.tokens[i].lower.as_ref(), "," | ";" | ":" | "because"))
        .find(|&i| f.tokens[i].lower == "over")?;
    let next = f.tokens.get(over + 1)?;
    (next.sentence == f.tokens[over].sentence
        && next.is_word()
        && !matches!(next.lower.as_ref(), "the" | "a"))
    .then(|| {
        f.evidence(
            over,
            over + 2,
            Rule::Alternative,
            format!(
                "the option not taken ({} {})",
                f.tokens[over].lower, next.lower
            ),
        )
    })
}

/// The first hit of `tag` in sentence `s` that no negation comes before.
fn tagged_hit(f: &Field, s: &Sentence, tag: Tag) -> Option<Hit> {
    f.hits_in(s).iter().copied().find(|h| {
        h.tags.has(tag)
            && !negated_before(f, h.first, 6)
            // "one certificate in the chain instead of two": a count, no option.
            && !(tag == Tag::Alternative
                && f.tokens.get(h.last).is_some_and(|t| {
                    t.kind == TokenKind::Number
                        || matches!(t.lower.as_ref(), "one" | "two" | "three" | "four" | "five")
                }))
    })
}

fn tagged(f: &Field, s: &Sentence, tag: Tag, rule: Rule, why: &str) -> Option<Evidence> {
    let hit = tagged_hit(f, s, tag)?;
    Some(f.evidence(
        hit.first,
        hit.last,
        rule,
        format!("{why} ({})", f.phrase(hit)),
    ))
}

fn risk_in(f: &Field, s: &Sentence) -> Option<Evidence> {
    // "meant to be a cleanup step" is a plan, "12% at the worst" a figure.
    let not_a_risk = |i: usize| {
        let next = f.tokens.get(i + 1).map(|n| n.lower.as_ref());
        let before = i.checked_sub(1).map(|b| f.tokens[b].lower.as_ref());
        match f.tokens[i].lower.as_ref() {
            "meant" => next == Some("to"),
            "worst" => before == Some("the"),
            // "a quarterly cost review" names a meeting, not a price.
            "cost" | "costs" => matches!(
                next,
                Some(
                    "review"
                        | "reviews"
                        | "report"
                        | "reports"
                        | "explorer"
                        | "center"
                        | "centre"
                        | "allocation"
                )
            ),
            _ => false,
        }
    };
    // Words that also tell the damage count only where a course is weighed.
    let weighed = std::cell::OnceCell::new();
    let counts = |first: usize, last: usize| {
        !not_a_risk(first)
            && (last - first > 1
                || !WEAK_RISK_WORDS.contains(&f.tokens[first].lower.as_ref())
                || *weighed.get_or_init(|| weighs(f, s)))
    };
    if let Some(hit) = f
        .hits_in(s)
        .iter()
        .find(|h| h.tags.has(Tag::Risk) && !negated_before(f, h.first, 6) && !not_a_risk(h.first))
    {
        return Some(f.evidence(
            hit.first,
            hit.last,
            Rule::Risk,
            format!("the risk weighed ({})", f.phrase(*hit)),
        ));
    }
    let i = (s.first..s.last).find(|&i| {
        let t = &f.tokens[i];
        !t.masked && RISK_WORDS.contains(&t.lower.as_ref()) && counts(i, i + 1)
    })?;
    Some(f.evidence(
        i,
        i + 1,
        Rule::Risk,
        format!("the risk weighed ({})", f.tokens[i].lower),
    ))
}

/// Marks as the call's context the sentences at `near` (clipped to the
/// story) that belong to field `f`.
fn mark_near(
    context: &mut [bool],
    sentences: &[(&Field, &Sentence)],
    f: &Field,
    near: std::ops::Range<usize>,
) {
    let near = near.start.min(sentences.len())..near.end.min(sentences.len());
    for (slot, (g, _)) in context[near.clone()].iter_mut().zip(&sentences[near]) {
        *slot |= std::ptr::eq(*g, f);
    }
}

pub fn score(a: &Analysis) -> DimensionScore {
    let mut d = DimensionScore::default();
    // Another beat's fields come last: the decision's own words are its
    // evidence first.
    let mut sentences: Vec<(&Field, &Sentence)> = a.sentences().collect();
    sentences.sort_by_key(|(f, _)| f.beat.is_some_and(|b| b != "decision"));

    // Sentences where a call is made, and the one after each (its reason may follow).
    let mut the_call: Option<(Evidence, bool)> = None;
    let mut context = vec![false; sentences.len()];
    for (k, &(f, s)) in sentences.iter().enumerate() {
        let home = f.beat == Some("decision");
        if f.beat.is_some() && !home {
            // Another beat's field or section ("Fix: ... I picked gp3 over
            // io2 because ...") holds a call only when the speaker makes it
            // with the option it beat, in one sentence.
            if let Some(c) = call(f, s).filter(|c| c.1)
                && (tagged_hit(f, s, Tag::Alternative).is_some()
                    || preferred_over(f, s).is_some()
                    || options(f, s).is_some())
            {
                if the_call.as_ref().is_none_or(|(_, mine)| !mine) {
                    the_call = Some(c);
                }
                context[k] = true;
            }
            // "The incident commander weighed restoring from backup against
            // fixing in place": courses weighed by name, in any section.
            let weighed_by_name = f.hits_in(s).iter().any(|h| {
                matches!(
                    f.phrase(*h).as_str(),
                    "weighed" | "choose between" | "decide between"
                )
            });
            if weighed_by_name && personal(f, s) && tagged_hit(f, s, Tag::Alternative).is_some() {
                mark_near(&mut context, &sentences, f, k..k + 3);
            }
            // "Resolution: Two options were considered. Trimming the tables
            // was fast but ...": courses laid out, in a postmortem's own words.
            if options(f, s).is_some() {
                mark_near(&mut context, &sentences, f, k..k + 3);
            }
            continue;
        }
        let c = call(f, s).or_else(|| home.then(|| noted_call(f, s)).flatten());
        // "The on-call engineer considered scaling out, but ...": an option
        // named by the one who weighed it.
        let named = personal(f, s) && tagged_hit(f, s, Tag::Alternative).is_some();
        let weighed = c.is_some() || named || options(f, s).is_some();
        if let Some(c) = c
            && the_call.as_ref().is_none_or(|(_, mine)| !mine && c.1)
        {
            the_call = Some(c);
        }
        if weighed {
            // The sentence before and the two after, in the same field.
            mark_near(&mut context, &sentences, f, k.saturating_sub(1)..k + 3);
        }
        if home {
            context[k] = true;
        }
    }
    // Courses weighed one after another ("If I turned them off, ... If I
    // left them on, ...") keep the call's sentences going: the reason may
    // come two sentences after the last of them.
    for k in 0..sentences.len() {
        let (f, s) = sentences[k];
        if context[k] && f.beat.is_none_or(|b| b == "decision") && weighs(f, s) {
            mark_near(&mut context, &sentences, f, k + 1..k + 3);
        }
    }
    let find = |rule: &dyn Fn(&Field, &Sentence) -> Option<Evidence>| {
        sentences
            .iter()
            .zip(&context)
            .filter(|(_, c)| **c)
            .find_map(|(&(f, s), _)| rule(f, s))
    };
    let alternative = find(&|f, s| {
        tagged(
            f,
            s,
            Tag::Alternative,
            Rule::Alternative,
            "the option not taken",
        )
        .or_else(|| options(f, s))
        .or_else(|| preferred_over(f, s))
    });
    let reason = find(&|f, s| {
        tagged(f, s, Tag::Reason, Rule::Reason, "why")
            .or_else(|| {
                word_in(f, s, REASON_WORDS).map(|i| {
                    f.evidence(
                        i,
                        i + 1,
                        Rule::Reason,
                        format!("why ({})", f.tokens[i].lower),
                    )
                })
            })
            .or_else(|| {
                as_a_reason(f, s).map(|i| f.evidence(i, i + 1, Rule::Reason, "why (as)".into()))
            })
    });
    let risk = find(&risk_in);
    let quantified = find(&|f, s| {
        let r = risk_in(f, s)?;
        let q = f.quantities_in(s).first()?;
        Some(f.evidence_span(
            q.start,
            q.end,
            Rule::Risk,
            format!("the risk, quantified ({})", r.text),
        ))
    })
    .or_else(|| {
        find(&|f, s| {
            let w = words(f, s);
            CHECKED.iter().find_map(|p| {
                has_phrase(&w, p).map(|_| {
                    f.evidence(
                        s.first,
                        s.last,
                        Rule::Risk,
                        format!("the call checked against what happened ({})", p.join(" ")),
                    )
                })
            })
        })
    });

    let made = the_call.is_some() || alternative.is_some();
    // A trade-off accepted says why, or what was given up: "live metrics
    // catch more but risk false rollbacks" is the reason for choosing them;
    // "accepting the fee" names the course not taken. It stands in for one
    // missing part, not both.
    let traded = risk.is_some() && (alternative.is_some() || reason.is_some());
    d.score = match (
        made,
        alternative.is_some() || traded,
        reason.is_some() || traded,
    ) {
        (false, _, _) => 0,
        (true, true, true) if risk.is_some() && quantified.is_some() => 5,
        (true, true, true) if risk.is_some() => 4,
        (true, true, true) => 3,
        (true, true, false) | (true, false, true) => 2,
        (true, false, false) => 1,
    };
    // Whose call it was is the role's business: the rubric's decision levels
    // do not depend on it, so no advice here would raise this dimension.
    if let Some((e, _mine)) = &the_call {
        d.evidence.push(e.clone());
    }
    let parts = [
        (
            alternative,
            "Name the option you did not take: \"... rather than fail over the database\".",
        ),
        (
            reason,
            "Say why, with \"because\": the fact that tipped the call.",
        ),
        (
            risk,
            "Say the risk or trade-off you accepted: \"the risk was ..., which I accepted because ...\".",
        ),
        (
            quantified,
            "Put a number on the risk, or say how the call held up afterwards: \"failing over risked 30 s of lost writes\".",
        ),
    ];
    // A part the trade-off stands in for is told: no tip asks for it again.
    let stood_in = |k: usize| traded && k < 2;
    for (k, (evidence, tip)) in parts.into_iter().enumerate() {
        match evidence {
            Some(e) if d.score > 0 => d.evidence.push(e),
            None if stood_in(k) => {}
            _ => d.missing(tip),
        }
    }
    if d.score == 0 {
        d.advice.insert(
            0,
            "Name the call you made between two options, and why: \"I decided to shed load rather than fail over, because ...\".".into(),
        );
    }
    d
}
