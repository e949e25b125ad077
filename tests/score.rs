//! The scorer, judged the way an interviewer would: golden pairs (a strong
//! story and the same story with one dimension weakened), the examples, the
//! classic weak answer, and properties that keep it honest.

use proptest::prelude::*;
use sre_prep::content::examples::{WEAK_EXAMPLE_ID, example_stories};
use sre_prep::kit::{Story, StoryMetric};
use sre_prep::score::{Dimension, DimensionScore, StoryScore, score_story, score_text};

fn metric(name: &str, before: &str, after: &str) -> StoryMetric {
    StoryMetric {
        name: name.into(),
        before: before.into(),
        after: after.into(),
    }
}

/// A strong story of our own, unlike the examples: a certificate expiry.
fn strong() -> Story {
    Story {
        id: "cert-expiry".into(),
        title: "The API certificate that expired on a Saturday".into(),
        blast_radius: "On a Saturday morning the TLS certificate on our public API gateway expired, and for 52 minutes every mobile client failed its handshake: about 310,000 users in all regions could not log in or pay, and we breached the 99.9% availability SLA for two enterprise customers.".into(),
        role: "I was the on-call SRE. I got paged by the synthetic login probe, I declared the incident, and I led the response as incident commander until the fix was out.".into(),
        decision: "I decided to issue an emergency certificate from our internal CA and push it to the gateways instead of waiting for the vendor's renewal, because the vendor's support line quoted four hours. The risk was that older Android clients might not trust the new chain, which I judged acceptable for a short window.".into(),
        fix: "The cert-manager job that should have renewed the certificate had been failing for 30 days with a DNS-01 challenge error after a DNS provider API token was rotated. I issued the new certificate, loaded it into the Envoy gateways with a hot restart, and then fixed the token in the cert-manager secret so renewals worked again.".into(),
        root_cause: "I checked the certificate's notAfter date with openssl s_client, then looked at the cert-manager logs, which showed 'ACME challenge failed: 403 Forbidden' every night for a month.".into(),
        systemic_change: "I added an alert that fires when any certificate has less than 14 days left, and a weekly synthetic check of every public endpoint's expiry. We moved all certificates to automated renewal with a CI test that validates the DNS token, and the postmortem action items all shipped within two weeks.".into(),
        metrics: vec![
            metric("Certificates renewed by hand", "40%", "0%"),
            metric("Expiry incidents per year", "3", "0"),
        ],
        ..Story::default()
    }
}

/// Whether `d` gives a point by `rule` for exactly the words `text`.
fn shows(d: &DimensionScore, rule: &str, text: &str) -> bool {
    d.evidence.iter().any(|e| e.rule == rule && e.text == text)
}

/// The systemic-change verdict on a story whose only field is the one about
/// what lasts (read by the rules, no calibration).
fn systemic_in_field(text: &str) -> DimensionScore {
    let story = Story {
        systemic_change: text.into(),
        ..Story::default()
    };
    score_story(&story).dimensions.systemic_change
}

/// Whether `d` gives any point by `rule`.
fn cites(d: &DimensionScore, rule: &str) -> bool {
    d.evidence.iter().any(|e| e.rule == rule)
}

/// Whether any point of `d` is given for a reason that contains `why`.
fn gives(d: &DimensionScore, why: &str) -> bool {
    d.evidence.iter().any(|e| e.why.contains(why))
}

fn dim(score: &StoryScore, d: Dimension) -> u8 {
    score.dimensions.get(d).score
}

/// The weakened story scores strictly lower on `d` and on the total.
fn assert_weaker(d: Dimension, weakened: Story) {
    let full = score_story(&strong());
    let weak = score_story(&weakened);
    assert!(
        dim(&weak, d) < dim(&full, d),
        "{d:?}: weakened {} is not below full {}",
        dim(&weak, d),
        dim(&full, d)
    );
    assert!(
        weak.total < full.total,
        "{d:?}: total {} vs {}",
        weak.total,
        full.total
    );
}

#[test]
fn the_strong_story_scores_high_on_every_dimension() {
    let score = score_story(&strong());
    for d in Dimension::ALL {
        assert!(
            dim(&score, d) >= 4,
            "{d:?} = {}: {:#?}",
            dim(&score, d),
            score.dimensions.get(d)
        );
    }
    assert!(score.total >= 85, "total {}", score.total);
}

#[test]
fn golden_blast_radius() {
    assert_weaker(
        Dimension::BlastRadius,
        Story {
            blast_radius: "The certificate expired and some users had problems for a while.".into(),
            ..strong()
        },
    );
}

#[test]
fn golden_role() {
    // The team instead of me, everywhere: the role is what the whole story says I did.
    let to_we = |text: &str| text.replace("I ", "we ").replace("I'", "we'");
    let s = strong();
    assert_weaker(
        Dimension::Role,
        Story {
            role: "We were on call. The team got paged and the incident was handled.".into(),
            decision: to_we(&s.decision),
            fix: to_we(&s.fix),
            root_cause: to_we(&s.root_cause),
            systemic_change: to_we(&s.systemic_change),
            ..s
        },
    );
}

#[test]
fn golden_decision() {
    assert_weaker(
        Dimension::Decision,
        Story {
            decision: "We issued a new certificate from our internal CA.".into(),
            ..strong()
        },
    );
}

#[test]
fn golden_fix() {
    assert_weaker(
        Dimension::Fix,
        Story {
            fix: "The certificate was renewed and things went back to normal.".into(),
            root_cause: "We looked into it.".into(),
            ..strong()
        },
    );
}

#[test]
fn golden_systemic_change() {
    assert_weaker(
        Dimension::SystemicChange,
        Story {
            systemic_change: "We talked about it afterwards and agreed to be more careful.".into(),
            ..strong()
        },
    );
}

#[test]
fn golden_numbers() {
    assert_weaker(
        Dimension::Numbers,
        Story {
            metrics: vec![],
            ..strong()
        },
    );
}

#[test]
fn one_pair_beats_lone_numbers_and_two_pairs_beat_one() {
    let lone = score_text("I cut our pages to 6 a week and MTTD to 90 seconds.");
    let one = score_text("I cut our pages from 38 a week to 6 a week.");
    let two = score_text(
        "I cut our pages from 38 a week to 6, and MTTD went from 8 minutes to 90 seconds.",
    );
    let n = |s: &StoryScore| dim(s, Dimension::Numbers);
    assert!(n(&lone) < n(&one), "{} vs {}", n(&lone), n(&one));
    assert!(n(&one) < n(&two), "{} vs {}", n(&one), n(&two));
    assert_eq!(n(&two), 5);
    let why = &two.dimensions.numbers.evidence[1].why;
    assert!(why.contains("-81%") && why.contains("5.3x less"), "{why}");
}

#[test]
fn the_classic_pair() {
    let vague = score_text("I was on call and handled a lot of incidents");
    assert!(vague.total <= 10, "vague answer scored {}", vague.total);
    assert_eq!(dim(&vague, Dimension::Numbers), 0);
    assert!(vague.warnings.iter().any(|w| w.text == "a lot"));

    let specific = score_text(
        "Our payments API paged the on-call rotation 38 times a week and 67% of the pages were false positives, \
         so real outages hit customers before anyone noticed: in March 9% of card payments failed for 26 minutes. \
         I was the on-call lead. I decided to move paging to SLO burn-rate alerts instead of tuning 140 threshold alerts, \
         because thresholds on CPU told us a machine was busy, not that a customer was hurt. \
         I wrote the Prometheus recording rules and deleted 112 alert rules after I traced 70% of pages to 9 noisy rules in the PagerDuty exports. \
         I added a CI check that rejects any paging rule without a runbook link. \
         False-positive pages went from 67% to 8%, and time to detect went from 8 minutes to 90 seconds.",
    );
    assert_eq!(dim(&specific, Dimension::Numbers), 5);
    assert!(
        specific.total >= 70,
        "specific story scored {}",
        specific.total
    );
}

#[test]
fn the_examples_score_as_labelled() {
    for story in example_stories() {
        let score = score_story(&story);
        if story.id == WEAK_EXAMPLE_ID {
            assert!(score.total <= 25, "{} scored {}", story.id, score.total);
        } else {
            assert!(score.total >= 75, "{} scored {}", story.id, score.total);
        }
    }
}

#[test]
fn a_textbook_paragraph_scores_low() {
    let score = score_text(
        "Postmortems should be blameless and produce action items that are tracked to completion. \
         Runbooks help on-call engineers respond quickly and consistently. SLOs with error budgets align \
         product and reliability goals, and alerting should be based on symptoms rather than causes. \
         Canary deployments reduce the risk of bad releases because they expose a change to a small share of traffic first.",
    );
    assert!(score.total <= 15, "textbook scored {}", score.total);
    assert_eq!(dim(&score, Dimension::SystemicChange), 0);
    assert_eq!(dim(&score, Dimension::Role), 0);
}

#[test]
fn an_empty_story_scores_zero_with_advice_everywhere() {
    let score = score_story(&Story::default());
    assert_eq!(score.total, 0);
    assert_eq!(score.words, 0);
    for d in Dimension::ALL {
        assert!(
            !score.dimensions.get(d).advice.is_empty(),
            "{d:?} has no advice"
        );
    }
}

#[test]
fn we_and_the_passive_are_flagged_and_cost_role_points() {
    let i = score_text(
        "I rolled back the release. I paged the database team. I was the incident commander.",
    );
    let we = score_text(
        "We rolled back the release. We paged the database team. The incident was handled.",
    );
    assert!(dim(&we, Dimension::Role) < dim(&i, Dimension::Role));
    let kinds: Vec<_> = we
        .warnings
        .iter()
        .map(|w| format!("{:?}", w.kind))
        .collect();
    assert!(kinds.contains(&"We".to_string()), "{kinds:?}");
    assert!(kinds.contains(&"Passive".to_string()), "{kinds:?}");
}

#[test]
fn evidence_points_at_its_own_words() {
    let story = strong();
    let score = score_story(&story);
    for d in Dimension::ALL {
        for e in &score.dimensions.get(d).evidence {
            let text = match e.field.as_str() {
                f if f.starts_with("metrics[") => continue,
                f => story.text_field(f).unwrap(),
            };
            assert_eq!(&text[e.start..e.end], e.text, "{d:?} {e:?}");
        }
    }
}

#[test]
fn a_change_after_the_incident_counts_and_a_lesson_does_not() {
    // "After incident" places the change after the outage; it is not the
    // change that caused it.
    let after = score_text(
        "The queue grew to 1.2 million messages and 380 orders shipped twice. \
         After incident I add dead-letter queue with maxReceiveCount 5 and CloudWatch alarm on \
         ApproximateAgeOfOldestMessage more than 15 minutes.",
    );
    let systemic = &after.dimensions.systemic_change;
    assert!(systemic.score >= 2, "{systemic:?}");
    assert!(
        systemic
            .evidence
            .iter()
            .any(|e| e.why.contains("changed for good")),
        "{systemic:?}"
    );
    // A personal lesson is no systemic change, however "always" it sounds.
    let lesson = score_text(
        "The flag went on during the sale and checkout failed for 20 minutes. \
         I learned to always ask who is about to flip a flag before a peak.",
    );
    assert_eq!(lesson.dimensions.systemic_change.score, 0, "{lesson:?}");
}

fn blast(text: &str) -> StoryScore {
    score_story(&Story {
        blast_radius: text.into(),
        ..Story::default()
    })
}

#[test]
fn durations_said_in_words_or_softened_count() {
    for (text, said) in [
        (
            "Users saw a blank page for about 50 minutes after the deploy.",
            "50 minutes",
        ),
        (
            "API latency went up for about an hour.",
            "for about an hour",
        ),
        (
            "Android users of our app couldn't log in for most of a day.",
            "for most of a day",
        ),
    ] {
        let score = blast(text);
        let evidence = &score.dimensions.blast_radius.evidence;
        assert!(
            evidence
                .iter()
                .any(|e| e.rule == "how_long" && e.text == said),
            "{text}: {evidence:?}"
        );
        assert!(score.dimensions.blast_radius.score >= 2, "{text}");
    }
    // Time to be paged is no duration of the impact.
    let paged = blast("I was paged for an hour of toil.");
    assert!(
        paged
            .dimensions
            .blast_radius
            .evidence
            .iter()
            .all(|e| e.rule != "how_long"),
        "{paged:?}"
    );
}

#[test]
fn the_root_cause_field_tells_the_cause() {
    let story = Story {
        fix:
            "I rewrote the erasure job to delete in batches of 1,000 rows with a PostgreSQL cursor."
                .into(),
        root_cause: "pg_stat_activity showed long-running DELETEs from the job's database user."
            .into(),
        ..Story::default()
    };
    let fix = score_story(&story).dimensions.fix;
    assert!(shows(&fix, "mechanism", "pg_stat_activity"), "{fix:?}");
    assert!(fix.score >= 3, "{fix:?}");
    // Without it, the concrete change alone is a 2.
    let alone = score_story(&Story {
        root_cause: String::new(),
        ..story
    });
    assert!(alone.dimensions.fix.score < fix.score, "{alone:?}");
}

#[test]
fn a_message_in_right_single_quotes_is_an_exact_detail() {
    // What naive smart quoting makes of 'signature validation failed'.
    let story = Story {
        fix: "I uploaded the new certificate to the auth proxy config and restarted it.".into(),
        root_cause: "The auth proxy logs showed \u{2019}signature validation failed\u{2019} for every SAML assertion."
            .into(),
        ..Story::default()
    };
    let fix = score_story(&story).dimensions.fix;
    assert!(
        fix.evidence
            .iter()
            .any(|e| e.text == "\u{2019}signature validation failed\u{2019}"),
        "{fix:?}"
    );
}

#[test]
fn lasting_changes_are_read_clause_by_clause_with_their_track_record() {
    let story = Story {
        systemic_change: "A page fires when replica replay lag exceeds 60 s for 5 minutes; a monthly game day \
                          kills a primary in staging. A synthetic probe performs a handshake from every PoP \
                          and pages after two consecutive failures. The lag alert has fired twice since, both \
                          times fixed before any failover was needed."
            .into(),
        ..Story::default()
    };
    let systemic = score_story(&story).dimensions.systemic_change;
    assert_eq!(systemic.score, 5, "{systemic:?}");
    assert!(
        systemic
            .evidence
            .iter()
            .any(|e| e.why == "evidence the change works"
                && e.text.starts_with("The lag alert has fired twice since")),
        "{systemic:?}"
    );
    let probe = score_story(&Story {
        systemic_change: "A synthetic probe performs a handshake from every PoP and pages after two consecutive failures.".into(),
        ..Story::default()
    })
    .dimensions
    .systemic_change;
    assert_eq!(
        probe.score, 3,
        "a concrete change, said by what it does: {probe:?}"
    );
}

#[test]
fn two_courses_compared_are_a_call_weighed() {
    let story = Story {
        decision:
            "The targeted patch was riskier because I was hand-editing under pressure, but a full \
                   revert would have reopened an exposure security considered urgent."
                .into(),
        ..Story::default()
    };
    let decision = score_story(&story).dimensions.decision;
    assert!(cites(&decision, "alternative"), "{decision:?}");
    assert!(decision.score >= 2, "{decision:?}");
}

#[test]
fn real_writing_is_read() {
    let score = score_text(
        "I RESTARTED the pods after I noticed the OOM kills. Error rate went from 12,000/min to 90/min. \
         MTTR went from 2 hrs to 90secs. Back in 2023 I was on call.",
    );
    let pairs: Vec<&str> = score
        .dimensions
        .numbers
        .evidence
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert!(
        pairs.contains(&"from 12,000/min to 90/min") || pairs.iter().any(|p| p.contains("12,000")),
        "{pairs:?}"
    );
    assert!(pairs.iter().any(|p| p.contains("90secs")), "{pairs:?}");
    assert!(
        !pairs.iter().any(|p| p.contains("2023")),
        "a year is not a figure: {pairs:?}"
    );
}

// ---- properties ----

const SENTENCES: &[&str] = &[
    "I was the incident commander for the checkout outage.",
    "For 47 minutes 31% of checkouts failed for about 18,000 customers in the EU region.",
    "I decided to shed load instead of failing over, because the database host was healthy.",
    "The risk was a worse browsing experience, which I judged acceptable.",
    "The pool of 50 per pod times 64 pods exceeded max_connections on PostgreSQL.",
    "I capped the deployment at 36 pods and put PgBouncer in front of the database.",
    "I found it by comparing the pod count graph with the connection count.",
    "I added a CI check and an alert on connection saturation.",
    "We wrote a runbook and ran a game day every quarter.",
    "Checkout errors went from 31% to 0.3%.",
    "We rolled back the release.",
    "The team handled it.",
];

const HEDGES: &[&str] = &[
    "basically",
    "kind of",
    "I think",
    "maybe",
    "sort of",
    "it depends",
    "probably",
];

const KEYWORDS: &[&str] = &[
    "SLO",
    "alert",
    "runbook",
    "postmortem",
    "canary",
    "because",
    "instead",
    "decided",
    "customers",
    "outage",
    "failed",
    "Kubernetes",
    "rollback",
    "CI",
    "guardrail",
    "region",
    "risk",
    "traced",
    "logs",
    "dashboard",
    "automated",
    "added",
    "now",
    "error",
    "budget",
    "incident",
    "commander",
    "PostgreSQL",
    "pods",
    "caused",
];

fn story_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SENTENCES), 1..8).prop_map(|s| s.join(" "))
}

/// Pieces that rules read in many tokens at once (clock times with seconds,
/// ranges, pairs, labels, list marks, brackets, the author's mark), glued
/// in any order: where an index slice can go wrong, a random string seldom
/// reaches.
const PIECES: &[&str] = &[
    "14:02:10",
    "9:37AM",
    "1:54PM",
    "12:30",
    "00:00:00",
    ":",
    "-",
    "->",
    "→",
    "–",
    "from",
    "to",
    "until",
    "and",
    "12,000",
    "3.5",
    "0",
    "%",
    "ms",
    "s",
    "min",
    "h",
    "$",
    "€",
    "k",
    "×",
    "…",
    "(",
    ")",
    "(the author)",
    "(me)",
    "Impact.",
    "Root cause:",
    "**Fix.**",
    "Follow-ups (all shipped).",
    "Author:",
    "Me:",
    "My role:",
    "- ",
    "* ",
    "1.",
    "#",
    "I",
    "The IC",
    "The on-call",
    "Credit to",
    "Ines",
    "had",
    "re",
    "?",
    "not sure",
    "every Monday",
    "job",
    "with",
    "no",
    "p99",
    "us-east-1",
    "2024-03-01",
    "v1.2.3",
    "\u{feff}",
    "\r\n",
    "\n",
    "\n\n",
    ".",
    ",",
    ";",
    "'",
    "\"",
];

fn pieces_text() -> impl Strategy<Value = String> {
    let glue = prop::sample::select(&[" ", "", "\n", ": ", ". "][..]);
    prop::collection::vec((prop::sample::select(PIECES), glue), 1..40).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(piece, glue)| format!("{piece}{glue}"))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_char_boundaries_inside_the_text(text in "\\PC{0,200}") {
        let score = score_text(&text);
        for d in Dimension::ALL {
            for e in &score.dimensions.get(d).evidence {
                prop_assert!(e.end <= text.len() && e.start < e.end);
                prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
                prop_assert_eq!(&text[e.start..e.end], e.text.as_str());
            }
        }
        for w in &score.warnings {
            prop_assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
            prop_assert_eq!(&text[w.start..w.end], w.text.as_str());
        }
    }

    #[test]
    fn scoring_is_deterministic_and_bounded(text in story_text()) {
        let a = score_text(&text);
        let b = score_text(&text);
        prop_assert_eq!(&a, &b);
        prop_assert!(a.total <= 100);
        for d in Dimension::ALL {
            prop_assert!(a.dimensions.get(d).score <= 5);
        }
    }

    #[test]
    fn no_panic_on_any_unicode(text in any::<String>()) {
        let _ = score_text(&text);
    }

    #[test]
    fn pieces_read_many_tokens_at_once_never_panic_and_cite_their_own_words(
        text in pieces_text(),
        name in pieces_text(),
        before in pieces_text(),
        after in pieces_text(),
    ) {
        let score = score_text(&text);
        for d in Dimension::ALL {
            for e in &score.dimensions.get(d).evidence {
                prop_assert_eq!(&text[e.start..e.end], e.text.as_str());
            }
        }
        let story = Story {
            fix: text.clone(),
            metrics: vec![metric(&name, &before, &after)],
            ..Default::default()
        };
        let scored = score_story(&story);
        prop_assert!(scored.total <= 100);
    }

    #[test]
    fn adding_a_hedge_never_raises_the_score(text in story_text(), at in any::<prop::sample::Index>(), hedge in prop::sample::select(HEDGES)) {
        let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
        prop_assume!(!spaces.is_empty());
        let pos = spaces[at.index(spaces.len())];
        let hedged = format!("{} {hedge}{}", &text[..pos], &text[pos..]);
        let before = score_text(&text);
        let after = score_text(&hedged);
        prop_assert!(after.total <= before.total, "{} -> {}: {}", before.total, after.total, hedged);
    }

    #[test]
    fn turning_i_into_we_never_raises_role(text in story_text(), which in any::<prop::sample::Index>()) {
        let positions: Vec<usize> = text.match_indices("I ").map(|(i, _)| i).filter(|&i| i == 0 || text.as_bytes()[i - 1] == b' ').collect();
        prop_assume!(!positions.is_empty());
        let pos = positions[which.index(positions.len())];
        let we = format!("{}we{}", &text[..pos], &text[pos + 1..]);
        let before = score_text(&text);
        let after = score_text(&we);
        prop_assert!(after.dimensions.role.score <= before.dimensions.role.score, "{}", we);
        let all_we = text.replace("I ", "we ");
        prop_assert!(score_text(&all_we).dimensions.role.score <= before.dimensions.role.score);
    }

    #[test]
    fn appending_a_pair_never_lowers_numbers(text in story_text(), a in 2u32..500, b in 1u32..500) {
        let before = score_text(&text);
        let more = format!("{text}\nMTTR went from {a} minutes to {b} minutes.");
        let after = score_text(&more);
        prop_assert!(after.dimensions.numbers.score >= before.dimensions.numbers.score);
        // A result that improved is a before/after pair (3); one that got
        // worse is a figure of the incident, never a result.
        if b < a {
            prop_assert!(after.dimensions.numbers.score >= 3);
        }
    }

    #[test]
    fn keyword_stuffing_stays_capped(words in prop::collection::vec(prop::sample::select(KEYWORDS), 4..60)) {
        let salad = words.join(" ");
        let score = score_text(&salad);
        prop_assert!(score.total <= 20, "{} scored {}", salad, score.total);
        let repeated = format!("{salad}. ").repeat(5);
        prop_assert!(score_text(&repeated).total <= 20);
        // Cut into short "sentences" of four to eight keywords.
        let sentences: Vec<String> = words.chunks(4 + words.len() % 5).map(|c| c.join(" ")).collect();
        let chopped = sentences.join(". ");
        prop_assert!(score_text(&chopped).total <= 20, "{} scored {}", chopped, score_text(&chopped).total);
    }

    #[test]
    fn repeating_a_story_never_raises_it(text in story_text()) {
        let once = score_text(&text);
        let twice = score_text(&format!("{text} {text} {text}"));
        prop_assert!(twice.total <= once.total, "{} -> {}", once.total, twice.total);
    }
}

#[test]
fn a_trade_off_accepted_stands_in_for_the_reason_not_for_both() {
    let weighed = Story {
        decision: "We could gate releases on synthetic checks or on live canary metrics. \
                   Live metrics catch more but risk false rollbacks on quiet services. \
                   I chose live metrics."
            .into(),
        ..Story::default()
    };
    let decision = score_story(&weighed).dimensions.decision;
    // The call, the options and the risk: the trade-off says why.
    assert_eq!(decision.score, 4, "{decision:?}");
    assert!(
        !decision.advice.iter().any(|a| a.starts_with("Say why")),
        "no tip asks for a reason the trade-off already gives: {:?}",
        decision.advice
    );
    // Without the trade-off, the call and its options alone are a 2.
    let bare = score_story(&Story {
        decision: "We could gate releases on synthetic checks or on live canary metrics. \
                   I chose live metrics."
            .into(),
        ..Story::default()
    });
    assert_eq!(bare.dimensions.decision.score, 2, "{bare:?}");
}

#[test]
fn a_call_told_in_a_postmortems_voice_weighs_options() {
    let text = "Response\nThe on-call engineer considered scaling the origin image servers, \
                but each scale-out step takes 7 minutes. She turned shielding on instead.";
    let decision = score_text(text).dimensions.decision;
    // The option the engineer weighed is found though nobody says "I".
    assert!(
        shows(&decision, "alternative", "considered"),
        "{decision:?}"
    );
    // Advice in general weighs nothing.
    let general = score_text(
        "You should always consider scaling the origin servers, but each step takes 7 minutes.",
    );
    assert!(
        general.dimensions.decision.evidence.is_empty(),
        "{general:?}"
    );
}

#[test]
fn a_value_set_is_a_setting_not_a_result() {
    for text in [
        "We pushed a config change raising maxThreads from 200 to 800.",
        "I changed maximumPoolSize from 200 to 20.",
        "The consumer prefetch count went from 1000 to 50.",
        // The verb that sets may come well before the pair.
        "I ran rs.reconfig() to set the us-west-2 member's priority from 1 to 0.",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(!cites(&numbers, "before_after"), "{text}: {numbers:?}");
    }
    // A measured result with the same shape still counts.
    let result = score_text("p99 latency went from 800 ms to 120 ms after the fix.");
    assert!(
        result
            .dimensions
            .numbers
            .evidence
            .iter()
            .any(|e| e.rule == "before_after"),
        "{result:?}"
    );
}

#[test]
fn action_items_still_to_do_are_proposals() {
    let planned = Story {
        systemic_change: "- Review connection limits per service before the next rollout \
                          (owner: platform team, to be scheduled).\n\
                          - Consider a staged rollout for proxy policy changes."
            .into(),
        ..Story::default()
    };
    assert_eq!(
        score_story(&planned).dimensions.systemic_change.score,
        1,
        "a plan is a proposal"
    );
    let done = Story {
        systemic_change: "- Added a staged rollout for proxy policy changes: 5% of proxies \
                          first, for an hour."
            .into(),
        ..Story::default()
    };
    assert!(score_story(&done).dimensions.systemic_change.score >= 3);
}

#[test]
fn a_mechanism_named_by_what_it_does_counts() {
    for (change, named) in [
        ("A stuck rotation now pages the team.", "A stuck rotation"),
        (
            "Unsigned images are now rejected at admission.",
            "Unsigned images",
        ),
    ] {
        let systemic = systemic_in_field(change);
        // One concrete change; what it does is no evidence that it works.
        assert_eq!(systemic.score, 3, "{change}: {systemic:?}");
        assert!(
            systemic.evidence.iter().any(|e| e.text == named),
            "{change}: {systemic:?}"
        );
    }
    // A setting named in code, set for good, in the change's own field.
    let setting = score_story(&Story {
        systemic_change: "Set idle_in_transaction_session_timeout to 10 minutes cluster-wide."
            .into(),
        ..Story::default()
    });
    assert_eq!(setting.dimensions.systemic_change.score, 3, "{setting:?}");
    // "By default" tells how things were.
    let default = score_text(
        "Vault backdates notBefore by only 30 seconds by default, so pods on a slow node \
         rejected fresh certificates.",
    );
    assert_eq!(default.dimensions.systemic_change.score, 0, "{default:?}");
}

#[test]
fn things_counted_and_places_after_all_are_impact() {
    let story = Story {
        blast_radius: "For 41 minutes all alerting for the 30 production services in our EU \
                       cluster was blind. Roughly 2.1 million objects were affected and \
                       support got 300+ tickets."
            .into(),
        ..Story::default()
    };
    let blast = score_story(&story).dimensions.blast_radius;
    // "all" is no place; what follows it is.
    assert!(
        blast
            .evidence
            .iter()
            .any(|e| e.rule == "extent" && e.text != "all"),
        "{blast:?}"
    );
    assert!(cites(&blast, "how_many"), "{blast:?}");
    assert!(blast.score >= 4, "{blast:?}");
    let objects = score_story(&Story {
        blast_radius: "Attachments returned 404 in the web app. Roughly 2.1 million objects \
                       were affected."
            .into(),
        ..Story::default()
    });
    assert!(
        objects
            .dimensions
            .blast_radius
            .evidence
            .iter()
            .any(|e| e.rule == "how_many" && e.text == "2.1 million objects"),
        "{objects:?}"
    );
    let cost = score_text(
        "Ingestion went from 1.1 TB/day to 7.9 TB/day for 4 days. \
         That cost us about $8,400 in overage.",
    );
    assert!(
        cost.dimensions
            .blast_radius
            .evidence
            .iter()
            .any(|e| e.rule == "cost"),
        "{cost:?}"
    );
}

#[test]
fn the_fix_field_is_concrete_with_a_figure_or_a_quoted_name() {
    for fix in [
        "Turned on the 'verify later' flag for signup.",
        "Split the test suite into 8 parallel shards balanced by test timings.",
    ] {
        let story = Story {
            fix: fix.into(),
            ..Story::default()
        };
        let scored = score_story(&story).dimensions.fix;
        assert!(
            scored
                .evidence
                .iter()
                .any(|e| e.why.starts_with("the concrete change")),
            "{fix}: {scored:?}"
        );
    }
    // A root-cause field that says the cause in a full sentence tells it.
    let told = score_story(&Story {
        fix: "Split the test suite into 8 parallel shards balanced by test timings.".into(),
        root_cause: "Profiling the pipeline steps showed most of the time went to integration \
                     tests and to installing dependencies from scratch on every run."
            .into(),
        ..Story::default()
    });
    let alone = score_story(&Story {
        fix: "Split the test suite into 8 parallel shards balanced by test timings.".into(),
        ..Story::default()
    });
    assert!(
        told.dimensions.fix.score > alone.dimensions.fix.score,
        "{told:?}"
    );
}

#[test]
fn owning_the_thing_names_a_role() {
    let story = Story {
        role: "I owned the logging platform. I traced the gaps to the buffer, and I rolled \
               the new config out node pool by node pool."
            .into(),
        ..Story::default()
    };
    let role = score_story(&story).dimensions.role;
    assert!(role.score >= 4, "{role:?}");
    let without = score_story(&Story {
        role: "I traced the gaps to the buffer, and I rolled the new config out node pool by \
               node pool."
            .into(),
        ..Story::default()
    });
    assert!(without.dimensions.role.score < role.score, "{without:?}");
}

#[test]
fn a_choice_said_with_the_option_it_beat() {
    let over = score_story(&Story {
        decision: "I picked gp3 over io2 because it met the IOPS we needed.".into(),
        ..Story::default()
    })
    .dimensions
    .decision;
    assert!(shows(&over, "alternative", "over io2"), "{over:?}");
    assert_eq!(
        over.score, 3,
        "the call, the option it beat and why: {over:?}"
    );
    // The option taken may take a few words.
    let long = score_story(&Story {
        decision: "I chose multi-window burn rates over simple error-rate thresholds because \
                   they page on what users feel."
            .into(),
        ..Story::default()
    })
    .dimensions
    .decision;
    assert!(shows(&long, "alternative", "over simple"), "{long:?}");
    let alone = score_story(&Story {
        decision: "I picked gp3 because it met the IOPS we needed.".into(),
        ..Story::default()
    });
    assert_eq!(alone.dimensions.decision.score, 2, "{alone:?}");
}

#[test]
fn lasting_changes_said_in_other_words_count() {
    let systemic = |text: &str| score_text(text).dimensions.systemic_change;
    let named = |text: &str, phrase: &str| {
        let s = systemic(text);
        assert!(
            s.evidence
                .iter()
                .any(|e| e.text == phrase && e.why.contains("changed for good")),
            "{text}: {s:?}"
        );
    };
    // A change said with what it makes true from then on.
    named(
        "Then I moved marketing sends to a separate SES account so they can't take \
         transactional mail down with them.",
        "marketing sends",
    );
    assert_eq!(
        systemic("Then I moved marketing sends to a separate SES account.").score,
        0
    );
    // The thing moved to a new state, after the incident.
    named(
        "Afterwards, production access moved to read-only roles by default.",
        "production access",
    );
    // "Since 20 November" is a date, and what gets done since is the mechanism.
    named(
        "Since 20 November all our certificates get renewed before the 30-day mark.",
        "certificates",
    );
    // Rolled out, and rebuilt from one shape to another.
    named(
        "We rolled out NodeLocal DNSCache as a DaemonSet, so pods query a cache on their own \
         node.",
        "DaemonSet",
    );
    named(
        "I redesigned our alerting from static thresholds to SLO-based burn-rate alerts.",
        "alerting",
    );
    // A setting written as code, assigned, in a change added.
    named(
        "Then I added lifecycle { ignore_changes = [desired_capacity] } to the module.",
        "ignore_changes",
    );
    // A filter is a mechanism, and "per-service" does not make it followed.
    named(
        "I added a vendor exclusion filter that drops DEBUG lines from prod at intake.",
        "filter",
    );
    named(
        "Afterwards: per-service daily ingest quota with a warning at 80%.",
        "quota",
    );
}

#[test]
fn the_incident_told_is_no_lasting_change() {
    for text in [
        // Writing into a table is not writing a check.
        "So every one of the 182 runs read yesterday's orders and wrote them into its own \
         historical partition. Within 50 minutes every day from January to June showed the \
         same revenue, and the finance dashboard was wrong.",
        // Shipping the fix is not a lasting change.
        "I shipped it through the normal pipeline with an expedited review from Marta.",
        // A process followed is not a process made.
        "The change followed our standard change-management process.",
        // "had since" is before the telling.
        "The disk had since been freed, and the backup job was fine.",
        // Traffic moved during the incident.
        "I moved traffic from us-east-1 to us-west-2 while the primary recovered.",
    ] {
        let s = score_text(text).dimensions.systemic_change;
        assert_eq!(s.score, 0, "{text}: {s:?}");
    }
}

#[test]
fn a_setting_assigned_in_the_change_field_is_no_keyword_salad() {
    let systemic =
        systemic_in_field("Set idle_in_transaction_session_timeout = '10min' cluster-wide.");
    assert_eq!(systemic.score, 3, "{systemic:?}");
    assert_eq!(
        systemic.evidence[0].text,
        "idle_in_transaction_session_timeout"
    );
}

#[test]
fn a_risk_is_weighed_with_a_course_not_told_as_damage() {
    let decision = |text: &str| {
        score_story(&Story {
            decision: text.into(),
            ..Story::default()
        })
        .dimensions
        .decision
    };
    // "lost" in a sentence about the damage is no risk accepted.
    let damage = decision(
        "I decided to roll back rather than fail over, because the rollback was one command. \
         About 3,400 users lost a day of workouts.",
    );
    assert_eq!(damage.score, 3, "{damage:?}");
    assert!(!cites(&damage, "risk"), "{damage:?}");
    // Said of the course, it is.
    let weighed = decision(
        "I decided to roll back rather than fail over, because the rollback was one command, \
         but it meant losing 3,400 users' workouts from that day.",
    );
    assert!(weighed.score >= 4, "{weighed:?}");
    // "During" opens no option weighed by its cost.
    let during = decision(
        "During a quarterly cost review I noticed our EBS line had grown, so I went digging.",
    );
    assert!(
        during
            .evidence
            .iter()
            .all(|e| e.rule != "risk" && e.rule != "alternative"),
        "{during:?}"
    );
}

#[test]
fn options_laid_side_by_side_in_the_decision_section_are_weighed() {
    let text = "Impact: every PUT to the object store failed for 85 minutes.\n\
                On the table:\n\
                - Raise the full ratio to 0.97: writes back in a minute. But only 2% headroom \
                on the hot disks.\n\
                - Abort the abandoned uploads: frees 120 TB, but garbage collection takes hours.\n\
                Newsrooms could not wait hours, so I raised the ratio straight away.";
    let decision = score_text(text).dimensions.decision;
    assert!(
        decision
            .evidence
            .iter()
            .any(|e| e.rule == "alternative" && e.why == "the options weighed"),
        "{decision:?}"
    );
    // One course with its cost is no set of options.
    let one = score_story(&Story {
        decision: "I raised the full ratio to 0.97. But only 2% headroom was left.".into(),
        ..Story::default()
    })
    .dimensions
    .decision;
    assert!(!cites(&one, "alternative"), "{one:?}");
}

#[test]
fn a_call_told_in_the_fix_is_read_with_the_option_it_beat() {
    let story = Story {
        fix: "We migrated the replica volumes to gp3. I picked gp3 over io2 because it met the \
              IOPS we needed at a fifth of the price."
            .into(),
        ..Story::default()
    };
    let decision = score_story(&story).dimensions.decision;
    assert!(decision.score >= 3, "{decision:?}");
    assert!(
        decision.evidence.iter().all(|e| e.field == "fix"),
        "{decision:?}"
    );
    // An action told in the fix is no call.
    let action = score_story(&Story {
        fix: "I rolled back the deploy because the error rate had doubled.".into(),
        ..Story::default()
    });
    assert_eq!(action.dimensions.decision.score, 0, "{action:?}");
}

#[test]
fn the_whole_of_those_hurt_is_how_far_it_reached() {
    let story = Story {
        blast_radius: "For 7 hours every customer, about 46,000 accounts, saw an empty invoice \
                       history."
            .into(),
        ..Story::default()
    };
    let blast = score_story(&story).dimensions.blast_radius;
    assert!(shows(&blast, "extent", "every customer"), "{blast:?}");
    assert_eq!(blast.score, 4, "{blast:?}");
}

#[test]
fn failures_counted_that_rose_are_impact_and_a_bare_figure_takes_its_partners_unit() {
    let pairs = |text: &str| {
        score_text(text)
            .dimensions
            .numbers
            .evidence
            .into_iter()
            .filter(|e| e.rule == "before_after")
            .map(|e| e.why)
            .collect::<Vec<_>>()
    };
    // More 429 responses, more failovers: worse, so impact, not a result.
    for text in [
        "After cutover, 429 responses went from 0.2% to 11% of partner traffic.",
        "Primary failovers went from 0 to 14 in one hour.",
    ] {
        assert!(pairs(text).is_empty(), "{text}: {:?}", pairs(text));
    }
    // "3 minutes, down from 11": the 11 is minutes, and it improved.
    assert_eq!(
        pairs("At the last game day we regained access in 3 minutes, down from 11."),
        ["before/after: 11 -> 3 minutes (-73%, 3.7x less)"]
    );
    assert_eq!(
        pairs("The worst-case replay window is 15 minutes instead of 60."),
        ["before/after: 60 -> 15 minutes (-75%, 4x less)"]
    );
}

#[test]
fn in_an_improvement_project_the_change_made_is_what_lasts() {
    let change = "\n\nI move those deploys to Argo Rollouts canaries: 1%, then 10%, then 100%, \
                  with an analysis step that aborts the rollout if the canary's 5xx ratio is \
                  worse than the stable pods'.";
    let lasting = |opening: &str| {
        score_text(&format!("{opening}{change}"))
            .dimensions
            .systemic_change
            .evidence
            .iter()
            .any(|e| e.why.contains("changed for good"))
    };
    assert!(lasting(
        "I own the deploy pipeline for our edge gateway, and this project was mine."
    ));
    // The same words in an incident are what was done that day.
    assert!(!lasting(
        "I was on call for our edge gateway when a release broke checkout."
    ));
}

#[test]
fn an_after_label_opens_what_lasts() {
    let text = "- Impact: every write failed for 85 minutes.\n\
                - On the table: raise the ratio, but only 2% headroom is left; abort the \
                uploads, but garbage collection takes hours.\n\
                - After: a nearfull alert per disk at 80%, not just cluster-wide.";
    let systemic = score_text(text).dimensions.systemic_change;
    assert!(
        systemic
            .evidence
            .iter()
            .any(|e| e.field == "after" || e.text.contains("alert")),
        "{systemic:?}"
    );
}

#[test]
fn a_setting_in_time_and_the_pronoun_us_are_no_impact() {
    let blast = |text: &str| score_text(text).dimensions.blast_radius;
    let timeout =
        blast("The backfill failed twice, so I raised the Airflow task timeout from 2 h to 6 h.");
    assert!(!cites(&timeout, "how_long"), "{timeout:?}");
    let pronoun =
        blast("The outage tool would give us timelines out of the box, but the migration failed.");
    assert!(!cites(&pronoun, "extent"), "{pronoun:?}");
    // The region still is one.
    let region = blast("Checkout failed for customers in the US for 40 minutes.");
    assert!(shows(&region, "extent", "US"), "{region:?}");
}

#[test]
fn a_metric_line_can_show_the_change_at_work() {
    let mut story = Story {
        systemic_change: "I added an alert on replica lag above 60 s. I also added a CI check \
                          that rejects schema changes without a lock timeout."
            .into(),
        ..Story::default()
    };
    assert_eq!(
        score_story(&story).dimensions.systemic_change.score,
        4,
        "two concrete changes"
    );
    story.metrics = vec![metric(
        "Replication incidents",
        "3 in the prior year",
        "0 in the 12 months since",
    )];
    let systemic = score_story(&story).dimensions.systemic_change;
    assert_eq!(systemic.score, 5, "{systemic:?}");
    assert!(
        systemic
            .evidence
            .iter()
            .any(|e| e.field == "metrics[0]" && e.why == "evidence the change works"),
        "{systemic:?}"
    );
}

#[test]
fn looking_into_it_and_picking_it_up_are_no_calls() {
    for text in [
        // Taking a task on is no choice between options.
        "I picked that up because nobody else owned the tracing setup.",
        // Looking is what comes before a call.
        "So we looked at it as a team, because the graphs made no sense.",
        "So we, you know, we looked at it as a team, because the graphs made no sense.",
        // Pushing a change is an action; pushing for one would be a call.
        "I pushed a config change because the flag had to go out that day.",
        // A meeting is no call.
        "I was on the call, watching the dashboards, because I knew the service.",
        // A count compared is no option not taken.
        "I checked the bundle with openssl: one certificate in the chain instead of two.",
    ] {
        let decision = score_text(text).dimensions.decision;
        assert!(
            decision
                .evidence
                .iter()
                .all(|e| !matches!(e.rule, "my_decision" | "team_decision" | "alternative")),
            "{text}: {decision:?}"
        );
        assert_eq!(decision.score, 0, "{text}: {decision:?}");
    }
    // A real pick still is one.
    let picked = score_story(&Story {
        decision: "I picked a rollback over failing over, because a rollback took one command."
            .into(),
        ..Story::default()
    })
    .dimensions
    .decision;
    assert_eq!(picked.score, 3, "{picked:?}");
}

#[test]
fn a_wish_for_later_is_a_proposal_even_with_no_mechanism_named() {
    for wish in [
        "I think we should have a backup provider, so I raised that with my manager.",
        "We're looking at replacing the bastion with SSM Session Manager at some point.",
        "Then in the meeting we discuss to add a second payment provider for the future.",
    ] {
        let text = format!(
            "Our SMS provider had an outage and verification codes were late for an hour. \
             We contacted the provider and waited for them to fix it. {wish}"
        );
        let systemic = score_text(&text).dimensions.systemic_change;
        assert_eq!(systemic.score, 1, "{wish}: {systemic:?}");
        assert!(
            systemic
                .evidence
                .iter()
                .any(|e| e.why.contains("not shipped") && wish.contains(e.text.as_str())),
            "{wish}: {systemic:?}"
        );
    }
}

#[test]
fn an_option_weighed_in_the_incident_is_no_proposal() {
    let text = "The renewal job held row locks for seconds and checkout timed out. \
                I could kill the job, which clears the locks, or I could raise the lock timeout. \
                I killed the job and re-ran it at night in batches of 500. \
                Checkout errors stopped within a minute.";
    let systemic = score_text(text).dimensions.systemic_change;
    assert_eq!(systemic.score, 0, "{systemic:?}");
    assert!(systemic.evidence.is_empty(), "{systemic:?}");
}

#[test]
fn championing_a_change_is_not_shipping_it() {
    let systemic = systemic_in_field("I championed adding monitoring around secrets.");
    assert_eq!(systemic.score, 1, "{systemic:?}");
    let added = systemic_in_field(
        "I added an alert on reads of production secrets outside the deploy role.",
    );
    assert!(added.score >= 3);
}

#[test]
fn the_fix_and_its_result_are_not_what_lasts() {
    for text in [
        "Every now and then the load balancer sent a request down a socket the app had closed. \
         I raised the app's keep-alive timeout above the load balancer's.",
        "The service ran out of heap under the Monday peak. \
         We increased the heap size and added more instances, and after that it was much more stable.",
    ] {
        let systemic = score_text(text).dimensions.systemic_change;
        assert!(
            !systemic.evidence.iter().any(|e| e.why.contains("for good")),
            "{text}: {systemic:?}"
        );
    }
    // Said after the fix, the same change lasts.
    let after = score_text(
        "The service ran out of heap under the Monday peak. We restarted it. \
         After that we added an alert on heap above 85% that pages the on-call.",
    );
    assert!(
        after
            .dimensions
            .systemic_change
            .evidence
            .iter()
            .any(|e| e.why.contains("for good")),
        "{after:?}"
    );
}

/// Whether free text `text` gets a lasting change whose evidence is `named`.
fn lasts(text: &str, named: &str) -> bool {
    score_text(text)
        .dimensions
        .systemic_change
        .evidence
        .iter()
        .any(|e| e.why.contains("for good") && e.text == named)
}

#[test]
fn a_change_told_as_what_came_next_or_what_runs_from_then_on_lasts() {
    let story = "Every failed refund leaked one pool client until the pod hung. \
                 I moved the release into a finally block.";
    // What came after the incident, with any verb of change.
    assert!(lasts(
        &format!(
            "{story} After that I put the pool stats into our metrics and set an alert \
             if waiting clients stay above zero for a minute."
        ),
        "alert"
    ));
    // Something that now runs on a schedule.
    assert!(lasts(
        &format!(
            "{story} I made the restore test a weekly job that alerts when the newest order is older than a day."
        ),
        "test"
    ));
    // A change told with what it does from then on, in the present.
    assert!(lasts(
        &format!(
            "{story} We changed the backup script so it clears the snapshot after each upload."
        ),
        "script"
    ));
    // Told in the past, the same words are what the fix did then.
    assert!(!lasts(
        &format!("{story} We changed the backup script so it pointed at the new bucket."),
        "script"
    ));
}

#[test]
fn a_migration_led_counts_with_figures_after_its_new_home() {
    let text = "I led our move from self-hosted Prometheus to Grafana Mimir: 14 clusters, \
                9 million active series. I ran both side by side for six weeks and moved \
                teams over one at a time.";
    let systemic = score_text(text).dimensions.systemic_change;
    assert!(
        systemic.evidence.iter().any(|e| e.why.contains("for good")),
        "{systemic:?}"
    );
    // A setting moved between two figures is no redesign.
    let setting = "The pool ran dry at the peak. I changed maximumPoolSize from 200 to 20.";
    assert_eq!(score_text(setting).dimensions.systemic_change.score, 0);
}

#[test]
fn a_report_teams_now_get_is_a_mechanism() {
    assert!(lasts(
        "I owned the compute-cost project for our EKS clusters. The monthly bill went \
         from $182k to $131k. Teams now get a monthly report on their requests against usage.",
        "report"
    ));
}

#[test]
fn two_changes_joined_by_and_we_are_two() {
    let text = "The cache policy now lives in Terraform with a test that fails if a \
                marketing parameter is in the cache key, and we turned on Origin Shield \
                so one regional cache absorbs misses.";
    let systemic = systemic_in_field(text);
    assert_eq!(systemic.score, 4, "{systemic:?}");
    // One point of evidence in each clause.
    let second = text.find("and we turned").unwrap();
    assert!(
        systemic.evidence.iter().any(|e| e.end <= second),
        "{systemic:?}"
    );
    assert!(
        systemic.evidence.iter().any(|e| e.start > second),
        "{systemic:?}"
    );
}

#[test]
fn a_mechanism_described_before_its_noun_is_concrete() {
    let systemic = |text: &str| systemic_in_field(text).score;
    assert_eq!(systemic("We now run a weekly restore drill."), 3);
    assert_eq!(systemic("We now run a better process."), 2);
    // In the field about what lasts, ", and" starts another change.
    assert_eq!(
        systemic(
            "Broker restarts are now a standing step of the monthly chaos drill, \
             and the Kafka client version is pinned in our base image."
        ),
        4
    );
}

#[test]
fn a_terse_results_line_with_arrows_is_read() {
    let text = "I moved the checks into the routes repo and added a pre-merge job. \
                Results: median detection 17 min → 2.5 min; false pages 3/week → 0.2/week.";
    let numbers = score_text(text).dimensions.numbers;
    assert!(
        shows(&numbers, "before_after", "17 min → 2.5 min"),
        "{numbers:?}"
    );
    assert!(
        shows(&numbers, "before_after", "3/week → 0.2/week"),
        "{numbers:?}"
    );
}

#[test]
fn a_role_of_someone_else_is_not_yours() {
    let theirs = score_text("I raised the missing backup provider with my manager.");
    assert!(
        !cites(&theirs.dimensions.role, "incident_role"),
        "{theirs:?}"
    );
    let yours = score_text("I was the incident commander and I paged the database team.");
    assert!(cites(&yours.dimensions.role, "incident_role"), "{yours:?}");
}

#[test]
fn the_part_of_the_product_that_broke_says_how_far_it_reached() {
    let story = Story {
        blast_radius:
            "Attachments older than 30 days returned 404 in the web app for about 9 hours.".into(),
        ..Story::default()
    };
    let blast = score_story(&story).dimensions.blast_radius;
    assert!(shows(&blast, "extent", "the web app"), "{blast:?}");
    assert_eq!(blast.score, 3, "{blast:?}");
    // Outside the damage's own field, a place in the product is where the
    // speaker looked, not how far it reached.
    let text = score_text("I checked the error logs in the web app and found a 404 spike.");
    assert!(!cites(&text.dimensions.blast_radius, "extent"), "{text:?}");
}

#[test]
fn courses_weighed_by_name_in_any_section_are_the_options() {
    let text = "Impact\nAll invoice writes failed for 2 hours.\n\nResolution\nThe incident \
                commander (me) weighed restoring to a new cluster from the 04:00 backup against \
                fixing in place. A restore would have taken three hours and lost writes. We \
                fixed in place and dropped the slot.";
    let decision = score_text(text).dimensions.decision;
    assert!(cites(&decision, "alternative"), "{decision:?}");
    // A course used instead of another in the fix is no weighing.
    let fix_only = score_text(
        "Impact\nAll invoice writes failed for 2 hours.\n\nResolution\nWe moved the volume to \
         gp3 instead of gp2 and dropped the slot.",
    )
    .dimensions
    .decision;
    assert!(!cites(&fix_only, "alternative"), "{fix_only:?}");
}

#[test]
fn the_reason_after_courses_weighed_one_by_one_is_read() {
    let text = "The call I had to make was whether to turn retries off. If I turned them off, \
                about 6% of payments would fail at the cut-off. If I left them on, we would keep \
                double-charging. I turned retries off, because a failed payment is something \
                the customer can retry.";
    let decision = score_text(text).dimensions.decision;
    assert!(shows(&decision, "reason", "because"), "{decision:?}");
    assert!(cites(&decision, "alternative"), "{decision:?}");
}

#[test]
fn a_course_compared_with_the_one_taken_is_the_option_not_taken() {
    for text in [
        "First I moved the feed queries from the replica to the primary, because a stale feed \
         is worse for users than a little more load on the primary.",
        "I changed the volume to gp3 with 4,000 IOPS; making the gp2 volume bigger was also \
         possible, but then we pay for disk we don't need.",
    ] {
        let decision = score_text(text).dimensions.decision;
        assert!(cites(&decision, "alternative"), "{text}: {decision:?}");
    }
    let plain =
        score_text("I restarted the primary because it was stuck, and it was better than before.")
            .dimensions
            .decision;
    assert!(!cites(&plain, "alternative"), "{plain:?}");
}

#[test]
fn an_impact_told_but_not_measured_names_its_words() {
    let blast = score_story(&Story {
        blast_radius: "Checkout was broken for some of our customers.".into(),
        ..Story::default()
    })
    .dimensions
    .blast_radius;
    assert_eq!(blast.score, 1, "{blast:?}");
    assert!(
        shows(&blast, "who_was_hurt", "Checkout was broken"),
        "{blast:?}"
    );
    // Being on call, or handling incidents, is no damage done.
    let on_call = score_text("I was on call and handled a lot of incidents.")
        .dimensions
        .blast_radius;
    assert!(on_call.evidence.is_empty(), "{on_call:?}");
    assert_eq!(on_call.score, 0, "{on_call:?}");
    // Members charged twice, and what it cost, are measured impact.
    let charged = score_text("About 2,300 members were charged twice, around £64k in total.")
        .dimensions
        .blast_radius;
    assert!(cites(&charged, "how_many"), "{charged:?}");
    assert!(cites(&charged, "cost"), "{charged:?}");
}

#[test]
fn a_cost_is_the_price_of_its_own_figure_not_any_figure_beside_a_price_word() {
    let blast = |text: &str| score_text(text).dimensions.blast_radius;
    // The price's own figure is what it cost.
    for text in [
        "It burned 40% of the monthly error budget and checkout failed for 20 minutes.",
        "The outage used 3 hours of our error budget.",
        "We paid out 1,200 in refunds after checkout failed for 20 minutes.",
    ] {
        assert!(cites(&blast(text), "cost"), "{text}: {:?}", blast(text));
    }
    // The budget's window is not what was spent of it.
    let window = blast(
        "For 22 minutes roughly 35% of login attempts failed: 19% of the 28-day error budget \
         of our 99.9% login SLO.",
    );
    let spent: Vec<&str> = window
        .evidence
        .iter()
        .filter(|e| e.rule == "cost")
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(spent, ["19%"], "{window:?}");
    // How long and how many are not what it cost, however near "orders".
    let delayed = blast("About 3,000 orders were delayed for 70 minutes in two cities.");
    assert!(!cites(&delayed, "cost"), "{delayed:?}");
    assert!(
        cites(&delayed, "how_long") && cites(&delayed, "how_many"),
        "{delayed:?}"
    );
}

#[test]
fn a_team_that_acted_is_the_words_behind_role_one() {
    let role = score_text("We restarted the service and it was fine.")
        .dimensions
        .role;
    assert_eq!(role.score, 1, "{role:?}");
    assert!(shows(&role, "team_action", "We"), "{role:?}");
    let nobody = score_text("The service was restarted and it was fine.")
        .dimensions
        .role;
    assert_eq!(nobody.score, 0, "{nobody:?}");
    assert!(nobody.evidence.is_empty(), "{nobody:?}");
}

#[test]
fn the_course_taken_after_the_options_is_the_fix() {
    let fix = score_text(
        "Going from 12 to 60 pods would take eight minutes and would move the bottleneck, so I \
         switched on the CDN origin shield for the image host.",
    )
    .dimensions
    .fix;
    assert!(shows(&fix, "concrete_change", "switched"), "{fix:?}");
    // The options alone are no fix.
    let weighed = score_text("Going from 12 to 60 pods would take eight minutes.")
        .dimensions
        .fix;
    assert!(!cites(&weighed, "concrete_change"), "{weighed:?}");
}

#[test]
fn a_hyphenated_name_is_no_fix_and_a_possessive_still_names_the_thing() {
    let split = score_text("We had a split-brain in Redis for 11 minutes.")
        .dimensions
        .fix;
    assert!(!cites(&split, "concrete_change"), "{split:?}");
    let cron = score_text("I wrote a CronJob that patches the HPA's minReplicas to 40 at 11:50.")
        .dimensions
        .fix;
    assert!(
        cron.evidence
            .iter()
            .any(|e| e.rule == "concrete_change" && e.why.starts_with("the concrete change")),
        "{cron:?}"
    );
}

#[test]
fn a_change_made_so_it_cannot_happen_again_lasts() {
    let pinned = score_text(
        "Then later we pinned the chart version in the Helm values so it wouldn't happen again.",
    )
    .dimensions
    .systemic_change;
    assert!(cites(&pinned, "prevention"), "{pinned:?}");
    let again = score_text(
        "We pinned the chart version in the Helm values. It happened again the next day.",
    )
    .dimensions
    .systemic_change;
    assert!(!cites(&again, "prevention"), "{again:?}");
}

#[test]
fn number_words_on_either_side_of_a_change_are_counts() {
    for text in [
        "Critical patch rollout went from 11 days to under one.",
        "Drift-related incidents went from nine in two quarters to one.",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(cites(&numbers, "before_after"), "{text}: {numbers:?}");
    }
    // Outside a change, a number word with no unit is no figure.
    let moved = score_text("I went from one team to another.")
        .dimensions
        .numbers;
    assert!(!cites(&moved, "before_after"), "{moved:?}");
    let engineers = score_text("Two engineers joined the call.")
        .dimensions
        .numbers;
    assert!(engineers.evidence.is_empty(), "{engineers:?}");
}

#[test]
fn a_fix_told_in_the_present_or_with_its_purpose_is_read() {
    for (text, verb) in [
        (
            "The analytics lead confirms they can backfill, so I purge the RabbitMQ queue at 12:06.",
            "I purge",
        ),
        (
            "I shipped the HTTP client flag with a 30-second idle timeout on our pool so that our \
             side would always close first.",
            "I shipped",
        ),
    ] {
        let fix = score_text(text).dimensions.fix;
        assert!(shows(&fix, "concrete_change", verb), "{text}: {fix:?}");
    }
    // "I need", "I think": no fix verb in the present.
    let thinking = score_text("I think the RabbitMQ queue is the problem.")
        .dimensions
        .fix;
    assert!(!cites(&thinking, "concrete_change"), "{thinking:?}");
}

#[test]
fn hardening_with_no_content_is_a_hint() {
    let why = |text: &str| -> Vec<String> {
        score_text(text)
            .dimensions
            .systemic_change
            .evidence
            .into_iter()
            .map(|e| e.why)
            .collect()
    };
    let hinted =
        why("We fixed a few issues from chaos testing. It made the system more resilient overall.");
    assert_eq!(
        hinted,
        ["a lasting change hinted, with no content"],
        "{hinted:?}"
    );
    // The hardening that caused the outage hints at nothing lasting.
    let cause = why("A hardening script caused the outage for 40 minutes.");
    assert!(cause.is_empty(), "{cause:?}");
}

#[test]
fn something_set_up_or_put_in_place_is_made() {
    for text in [
        "The origin went down for 20 minutes. The team also set up some dashboards.",
        "The origin went down for 20 minutes. We put some dashboards in place.",
    ] {
        let systemic = score_text(text).dimensions.systemic_change;
        assert!(
            systemic
                .evidence
                .iter()
                .any(|e| e.why.contains("dashboards")),
            "{text}: {systemic:?}"
        );
    }
    // A value set is no mechanism set up.
    let set = score_text(
        "The origin went down for 20 minutes. I set the timeout on the dashboards to 30 s.",
    )
    .dimensions
    .systemic_change;
    assert!(set.evidence.is_empty(), "{set:?}");
}

#[test]
fn a_mechanism_said_at_work_on_every_case_lasts() {
    let systemic = score_text(
        "Our warehouse bill tripled in a quarter. I shrank the BI warehouse to Medium. \
         A CI check on our Terraform rejects any warehouse with AUTO_SUSPEND above 300 seconds.",
    )
    .dimensions
    .systemic_change;
    assert!(
        systemic
            .evidence
            .iter()
            .any(|e| e.why.starts_with("prevention that changed for good")),
        "{systemic:?}"
    );
    // What a check did once, in the incident, is no change.
    let once = score_text("Our warehouse bill tripled in a quarter. The CI check failed twice.")
        .dimensions
        .systemic_change;
    assert!(once.evidence.is_empty(), "{once:?}");
}

#[test]
fn what_came_after_carries_its_paragraph() {
    let systemic = score_text(
        "Login broke for 50 minutes for 60,000 sessions. I put the old key back.\n\n\
         The part I'm glad about is what came after. I rewrote the rotation as three separate \
         steps scheduled days apart. We've rotated six times since, and nobody noticed.",
    )
    .dimensions
    .systemic_change;
    let why: Vec<&str> = systemic.evidence.iter().map(|e| e.why.as_str()).collect();
    assert!(why.iter().any(|w| w.contains("(steps)")), "{why:?}");
    assert!(why.contains(&"evidence the change works"), "{why:?}");
}

#[test]
fn a_mechanism_not_had_or_a_catch_that_might_have_been_is_nothing() {
    let systemic = score_text(
        "A bot token leaked and paging broke for three hours. We did not have token rotation \
         in place to avoid this. I think if we'd had those controls we'd have caught it in minutes.",
    )
    .dimensions
    .systemic_change;
    assert!(
        !systemic
            .evidence
            .iter()
            .any(|e| e.why.contains("changed for good") || e.why == "evidence the change works"),
        "{systemic:?}"
    );
}

#[test]
fn a_fix_agreed_in_the_retro_or_promised_is_a_proposal() {
    for text in [
        "Quotes failed for 70 minutes. In the retro we agreed the right fix was to alert on 429s from Secret Manager.",
        "Fix: I re-ran the rollup.\nFollow-up: we'll add a test for the aggregation rules to the config repo.",
    ] {
        let systemic = score_text(text).dimensions.systemic_change;
        let why: Vec<&str> = systemic.evidence.iter().map(|e| e.why.as_str()).collect();
        assert!(
            !why.is_empty() && why.iter().all(|w| w.contains("not shipped")),
            "{text}: {why:?}"
        );
    }
}

#[test]
fn a_rotation_set_up_is_a_process_made() {
    let systemic = score_text(
        "Our big incidents had no clear leader. So I set up an incident commander rotation.",
    )
    .dimensions
    .systemic_change;
    assert!(
        systemic.evidence.iter().any(|e| e.why.contains("rotation")),
        "{systemic:?}"
    );
}

#[test]
fn settings_named_as_dotted_names_or_options_are_no_result() {
    for text in [
        "- net.core.somaxconn: 128 → 4096",
        "- uWSGI --listen: 100 → 4096",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(!cites(&numbers, "before_after"), "{text}: {numbers:?}");
    }
    // A dotted version before a result is still a result.
    let result = score_text("Release 2.4 cut the p99 from 900 ms to 200 ms.")
        .dimensions
        .numbers;
    assert!(cites(&result, "before_after"), "{result:?}");
}

#[test]
fn none_since_against_a_count_before_is_a_pair() {
    let numbers = score_text(
        "We've had no disk-full pages on those hosts in the seven months since, \
         against four in the month before.",
    )
    .dimensions
    .numbers;
    let why: Vec<&str> = numbers.evidence.iter().map(|e| e.why.as_str()).collect();
    assert!(
        why.contains(&"before/after: four before -> none since"),
        "{why:?}"
    );
    assert!(
        why.contains(&"a result that held: no repeat since"),
        "{why:?}"
    );
    // With no count before, it is a result that held and nothing more.
    let held = score_text("There were no outages in the months since, compared with before.")
        .dimensions
        .numbers;
    assert!(!cites(&held, "before_after"), "{held:?}");
}

#[test]
fn where_a_figure_sits_or_goes_back_to_is_its_after() {
    for text in [
        "The p99 connect time was 3.2 seconds. Afterwards the p99 connect time sits around 35 ms.",
        "During the incident p99 latency climbed to 600 ms and stayed there. Then p99 latency goes back to about 40 ms.",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(
            numbers
                .evidence
                .iter()
                .any(|e| e.why.starts_with("before/after, told in two sentences")),
            "{text}: {numbers:?}"
        );
    }
}

#[test]
fn a_wish_in_words_of_its_own_is_a_proposal() {
    for text in [
        "Pods could not start for ten minutes. We add cache and then problem is solved. Also we think to add alert for this.",
        "Sends were 45 minutes late. I changed the key. I'd have liked an alert on throttled requests, but we never got to it.",
    ] {
        let systemic = score_text(text).dimensions.systemic_change;
        assert!(
            !systemic
                .evidence
                .iter()
                .any(|e| e.why.contains("(alert)") && e.why.contains("for good")),
            "{text}: {systemic:?}"
        );
    }
    // With nothing shipped, the wish is the rubric's proposal.
    let wished = score_text(
        "Sends were 45 minutes late. I'd have liked an alert on throttled requests, but we never got to it.",
    )
    .dimensions
    .systemic_change;
    assert!(
        wished
            .evidence
            .iter()
            .any(|e| e.why == "a change proposed, not shipped (alert)"),
        "{wished:?}"
    );
    // Thinking about a thing is no wish for it.
    let thought =
        score_text("I still think about that whenever I see one shard behaving differently.")
            .dimensions
            .systemic_change;
    assert!(thought.evidence.is_empty(), "{thought:?}");
}

#[test]
fn the_items_of_a_list_of_changes_go_with_the_line_that_opens_it() {
    let systemic = score_text(
        "The primary ran out of disk and writes stopped for 40 minutes. I purged the old binlogs.\n\
         After that we made these changes:\n\
         - binlog_expire_logs_seconds from 30 days to 3 days\n\
         - binlogs moved to their own volume",
    )
    .dimensions
    .systemic_change;
    assert!(
        gives(
            &systemic,
            "prevention that changed for good (binlog_expire_logs_seconds)"
        ),
        "{systemic:?}"
    );
    // A list that no line about what lasts opens is what was found.
    let checked = score_text(
        "The primary ran out of disk and writes stopped for 40 minutes.\n\
         What I checked:\n\
         - binlog_expire_logs_seconds was 30 days",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&checked, "changed for good"), "{checked:?}");
}

#[test]
fn a_plan_or_a_need_that_is_a_thing_or_a_rule_is_no_wish() {
    let systemic = score_text(
        "Writes were down for three hours.\n\
         Stays fixed: the Terraform module refuses single-AZ databases for prod (a CI check fails the plan).",
    )
    .dimensions
    .systemic_change;
    assert!(
        gives(&systemic, "prevention that changed for good (ci check)"),
        "{systemic:?}"
    );
    let planned = score_text(
        "Writes were down for three hours. I restored the volume. Our plan is to add a CI check next quarter.",
    )
    .dimensions
    .systemic_change;
    let why: Vec<&str> = planned.evidence.iter().map(|e| e.why.as_str()).collect();
    assert!(
        !why.is_empty() && why.iter().all(|w| w.contains("not shipped")),
        "{why:?}"
    );
}

#[test]
fn a_count_of_nodes_is_capacity_not_a_result() {
    let numbers =
        score_text("Ahead of the sale I added a node to the cache tier, going from 6 to 7 nodes.")
            .dimensions
            .numbers;
    assert!(!cites(&numbers, "before_after"), "{numbers:?}");
    let pages = score_text("After the new alert rules, pages went from 6 to 1 a week.")
        .dimensions
        .numbers;
    assert!(cites(&pages, "before_after"), "{pages:?}");
}

#[test]
fn what_a_pair_measures_may_be_named_further_back_in_its_sentence() {
    let worse = score_text(
        "The remote cache hit rate for CI did drop a bit after that change, from about 78% to 71%.",
    )
    .dimensions
    .numbers;
    assert!(!cites(&worse, "before_after"), "{worse:?}");
    let better = score_text(
        "The remote cache hit rate for CI did rise a bit after that change, from about 71% to 78%.",
    )
    .dimensions
    .numbers;
    assert!(cites(&better, "before_after"), "{better:?}");
}

#[test]
fn a_postmortem_author_in_the_third_person_is_the_speaker() {
    let marked = score_text(
        "Detection and response: the delivery alert paged the on-call engineer (the author) at \
         09:31. The on-call paused the consumer rather than rolling back the migration, because \
         the pricing service already wrote the new column.",
    )
    .dimensions
    .role;
    assert!(
        shows(&marked, "incident_role", "on-call engineer"),
        "{marked:?}"
    );
    assert!(
        shows(&marked, "first_person_action", "The on-call paused"),
        "{marked:?}"
    );
    assert!(marked.score >= 4, "{marked:?}");
    // Without the mark the on-call engineer is somebody else.
    let unmarked = score_text(
        "Detection and response: the delivery alert paged the on-call engineer at 09:31. The \
         on-call paused the consumer rather than rolling back the migration, because the \
         pricing service already wrote the new column.",
    )
    .dimensions
    .role;
    assert!(!cites(&unmarked, "incident_role"), "{unmarked:?}");
    assert!(!cites(&unmarked, "first_person_action"), "{unmarked:?}");
    assert!(unmarked.score <= 1, "{unmarked:?}");
}

#[test]
fn an_author_line_names_the_roles_the_author_then_acts_in() {
    let text = "Postmortem: Row C power loss\nAuthor: M. Okafor (infrastructure on-call, \
                incident commander)\n\nResponse\nThe IC re-energised the B breakers one at a \
                time. The IC then drained the batch nodes.";
    let role = score_text(text).dimensions.role;
    assert!(
        shows(&role, "first_person_action", "The IC re-energised"),
        "{role:?}"
    );
    assert!(
        shows(&role, "first_person_action", "The IC then drained"),
        "{role:?}"
    );
    assert!(cites(&role, "incident_role"), "{role:?}");
    let anonymous = score_text(&text.replace("Author", "Reviewer"))
        .dimensions
        .role;
    assert!(!cites(&anonymous, "first_person_action"), "{anonymous:?}");
}

#[test]
fn note_lines_in_the_past_tense_are_deeds_and_in_the_imperative_are_advice() {
    let notes = score_text(
        "- Owned the compute-cost project for two quarters.\n- Found the waste with \
         Prometheus.\n- Ran VPA in recommendation mode for a month.\n",
    )
    .dimensions
    .role;
    for verb in ["Owned", "Found", "Ran"] {
        assert!(
            shows(&notes, "first_person_action", verb),
            "{verb}: {notes:?}"
        );
    }
    assert!(notes.score >= 3, "{notes:?}");
    let advice = score_text(
        "How I'd approach replication lag:\n- Decide what lag each reader can take.\n- \
         Measure it with a heartbeat table.\n- Alert on sustained lag.\n",
    )
    .dimensions
    .role;
    assert!(!cites(&advice, "first_person_action"), "{advice:?}");
}

#[test]
fn credit_to_a_named_colleague_completes_the_role() {
    let text = "I was on call for the data platform. I froze the flapping member and I \
                reconfigured its priority to 0.";
    let without = score_text(text).dimensions.role;
    let with = score_text(&format!(
        "{text} Credit to Ines from payments, who watched the order queue for me."
    ))
    .dimensions
    .role;
    assert!(
        shows(&with, "credit_to_others", "Credit to Ines"),
        "{with:?}"
    );
    assert_eq!(with.score, 5, "{with:?}");
    assert!(without.score < with.score, "{without:?}");
    // Credits paid to customers are no credit to a colleague.
    let paid = score_text(&format!(
        "{text} We issued $12,000 in service credits to Acme and Globex."
    ))
    .dimensions
    .role;
    assert!(!cites(&paid, "credit_to_others"), "{paid:?}");
    assert_eq!(paid.score, without.score, "{paid:?}");
}

#[test]
fn running_the_incident_and_owning_it_are_said_in_many_ways() {
    let ran = score_text("I ran the incident and I sent the links by hand.")
        .dimensions
        .role;
    assert!(shows(&ran, "incident_role", "ran the incident"), "{ran:?}");
    let tests = score_text("I ran the tests and I sent the links by hand.")
        .dimensions
        .role;
    assert!(!cites(&tests, "incident_role"), "{tests:?}");
    let mine = score_text(
        "The gating work was mine from the first proposal to the last squad. I renegotiated \
         two SLOs.",
    )
    .dimensions
    .role;
    assert!(shows(&mine, "ownership", "was mine"), "{mine:?}");
    let titled = score_text("I was the DBRE running the schema change, and I killed the session.")
        .dimensions
        .role;
    assert!(shows(&titled, "incident_role", "DBRE"), "{titled:?}");
    let first = score_text("I was the first to notice, and I killed the session.")
        .dimensions
        .role;
    assert!(!cites(&first, "incident_role"), "{first:?}");
}

#[test]
fn having_something_is_no_deed_and_a_product_name_is_no_role() {
    let had = score_text("I had two options and a bad feeling.")
        .dimensions
        .role;
    assert!(!cites(&had, "first_person_action"), "{had:?}");
    let rolled = score_text("I had rolled back the release by then.")
        .dimensions
        .role;
    assert!(
        shows(&rolled, "first_person_action", "I had rolled"),
        "{rolled:?}"
    );
    let product = score_text("I think we should move to SSM Session Manager one day.")
        .dimensions
        .role;
    assert!(!cites(&product, "incident_role"), "{product:?}");
}

#[test]
fn a_metric_of_things_with_something_good_is_coverage() {
    let numbers = |m: StoryMetric| {
        score_story(&Story {
            metrics: vec![m],
            ..Default::default()
        })
        .dimensions
        .numbers
    };
    let covered = numbers(metric("paging alerts with a runbook", "35%", "100%"));
    assert!(
        shows(&covered, "before_after", "35% -> 100%"),
        "{covered:?}"
    );
    assert_eq!(covered.score, 3, "{covered:?}");
    let gap = numbers(metric("pages with no runbook", "65%", "0%"));
    assert_eq!(gap.score, 3, "{gap:?}");
    // More paging alerts, with nothing good about them, is no result.
    let noisier = numbers(metric("paging alerts", "35", "100"));
    assert!(!cites(&noisier, "before_after"), "{noisier:?}");
}

#[test]
fn a_metric_not_measured_before_is_a_result_without_its_baseline() {
    let story = Story {
        metrics: vec![metric("median time to mitigate", "not measured", "31 min")],
        ..Default::default()
    };
    let numbers = score_story(&story).dimensions.numbers;
    assert!(shows(&numbers, "figure", "31 min"), "{numbers:?}");
    assert_eq!(numbers.score, 2, "{numbers:?}");
    let empty = Story {
        metrics: vec![metric("median time to mitigate", "not measured", "unknown")],
        ..Default::default()
    };
    assert_eq!(score_story(&empty).dimensions.numbers.score, 0);
}

#[test]
fn a_change_the_speaker_is_not_sure_of_is_no_shipped_change() {
    let base = "The host certificates expired and nobody could SSH in. I renewed them by hand \
                through the console.";
    let sure = systemic_in_field("After that we added a Nagios check for certificate expiry.");
    assert!(sure.score >= 3, "{sure:?}");
    let asked = systemic_in_field(
        "After that I think somebody added a Nagios check for certificate expiry?",
    );
    assert!(asked.score <= 1, "{asked:?}");
    let doubted = systemic_in_field(
        "After that somebody added a Nagios check for certificate expiry. I'm honestly not a \
         hundred percent sure it's still there.",
    );
    assert!(doubted.score <= 1, "{doubted:?}");
    // In free text too: the doubted check is cited as a proposal.
    let text = score_text(&format!(
        "{base} After that I think somebody added a Nagios check for certificate expiry?"
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&text, "proposed, not shipped (check)"), "{text:?}");
    assert_eq!(text.score, 1, "{text:?}");
}

#[test]
fn a_job_told_by_what_it_does_on_a_schedule_lasts() {
    let project = "I own the capacity programme for our GKE clusters, about 600 services. ";
    let scheduled = score_text(&format!(
        "{project}Every Monday a job recomputes the recommendations and comments on any \
         service whose requests have drifted."
    ));
    assert!(
        shows(&scheduled.dimensions.systemic_change, "prevention", "job"),
        "{scheduled:?}"
    );
    // How things stood, early in an incident story, is no change made.
    let before = score_text(
        "Every night a backup job copies the database to S3. On Tuesday the copy filled the \
         disk and the primary stopped taking writes for 40 minutes. I freed space and \
         restarted it, and I was on call that night.",
    );
    assert_eq!(before.dimensions.systemic_change.score, 0, "{before:?}");
}

#[test]
fn a_clock_range_with_seconds_is_one_range() {
    // Two clocks with seconds were read as four overlapping ones, and the
    // scorer panicked on any text with "14:02:10".
    for (text, range) in [
        (
            "Between 14:02:10 and 14:49:55 UTC every checkout failed.",
            "14:02:10 and 14:49:55",
        ),
        (
            "Checkout failed for all users 14:02:10-14:49:55 UTC.",
            "14:02:10-14:49:55",
        ),
        (
            "Checkout failed for all users 14:02-14:49 UTC.",
            "14:02-14:49",
        ),
    ] {
        let blast = score_text(text).dimensions.blast_radius;
        assert!(shows(&blast, "how_long", range), "{text}: {blast:?}");
    }
}

/// The why of the first piece of evidence for `d` by `rule`, if any.
fn why_of<'d>(d: &'d DimensionScore, rule: &str) -> Option<&'d str> {
    d.evidence
        .iter()
        .find(|e| e.rule == rule)
        .map(|e| e.why.as_str())
}

#[test]
fn a_result_told_against_what_it_used_to_be_is_a_pair() {
    for (text, why) in [
        (
            "Local disk per Prometheus sits around 310 GB, where it used to be 1.6 TB.",
            "before/after: 1.6 TB -> 310 GB",
        ),
        (
            "Failover used to take about four minutes; in the last three drills it took 40 \
             seconds.",
            "before/after: four minutes -> 40 seconds",
        ),
        (
            "On-call gets far fewer pages: before it was around 25 pages per week, now it is \
             maybe 5.",
            "before/after: 25 pages per week -> 5",
        ),
        (
            "Test coverage used to be 35%; now it is 90%.",
            "before/after: 35% -> 90%",
        ),
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(
            why_of(&numbers, "before_after").is_some_and(|w| w.starts_with(why)),
            "{text}: {numbers:?}"
        );
        assert_eq!(numbers.score, 3, "{text}: {numbers:?}");
    }
    // What it used to be, with no figure now, is no pair; nor a time that
    // grew ("used to take 2.5 hours; by October it took 5" is how bad it got).
    for text in [
        "Local disk per Prometheus sits around 310 GB, where it used to be a mess.",
        "The nightly run used to take about 2.5 hours; by October it took just over 5 hours.",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(!cites(&numbers, "before_after"), "{text}: {numbers:?}");
        assert!(numbers.score <= 2, "{text}: {numbers:?}");
    }
}

#[test]
fn a_terse_result_line_with_an_aside_is_a_pair() {
    // The aside in brackets sat between the figure and the arrow, and a
    // line of nouns and prepositions ("per", "across") was read as keyword
    // salad, which no rule counts.
    let numbers = score_text(
        "- Write downtime per failover: 48 min (2021, manual) → 31 s median across 14 drills.",
    )
    .dimensions
    .numbers;
    assert!(
        why_of(&numbers, "before_after")
            .is_some_and(|w| w.starts_with("before/after: 48 min -> 31 s")),
        "{numbers:?}"
    );
    assert_eq!(numbers.score, 3, "{numbers:?}");
}

#[test]
fn a_change_made_before_the_incident_is_how_things_stood() {
    let incident = "In June a release went through that pipeline and checkout failed for 35 \
                    minutes for 8% of users. We rolled back.";
    let before = score_text(&format!(
        "Over the previous quarter I'd led the move to progressive delivery: Argo Rollouts \
         with an automated canary step. {incident}"
    ))
    .dimensions
    .systemic_change;
    assert_eq!(before.score, 0, "{before:?}");
    let after = score_text(&format!(
        "{incident} After the outage I led the move to progressive delivery: Argo Rollouts \
         with an automated canary step that blocks bad releases."
    ))
    .dimensions
    .systemic_change;
    assert!(
        shows(&after, "prevention", "progressive delivery"),
        "{after:?}"
    );
    // The rules read one concrete change (a 3); the calibration model may
    // set a short answer's level one lower, never to nothing.
    assert!(after.score >= 2, "{after:?}");
}

#[test]
fn the_project_of_an_improvement_story_is_a_change_made() {
    let led = score_text(
        "I led the migration of our self-managed Kafka to Amazon MSK at a payments processor. \
         We had 9 brokers on EC2.",
    )
    .dimensions
    .systemic_change;
    assert!(
        gives(
            &led,
            "the project that changed things for good (migration of our self - managed kafka"
        ),
        "{led:?}"
    );
    assert!(led.score >= 2, "{led:?}");
    let wished = score_text(
        "I'd like to lead a migration of our self-managed Kafka to Amazon MSK next year. We \
         have 9 brokers on EC2.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&wished, "the project"), "{wished:?}");
    assert!(wished.score <= 1, "{wished:?}");
}

#[test]
fn a_price_the_speaker_accepted_is_a_call() {
    let fix = "I set both request and limit to 6 GiB on that deployment, so the autoscaler had \
               to add nodes.";
    // This sentence once sent the decision reader into endless recursion
    // (a stack overflow): the call asked for the risk, the risk for the call.
    let accepted = score_text(&format!(
        "{fix} That was a cost increase I accepted for the day."
    ))
    .dimensions
    .decision;
    assert!(
        shows(&accepted, "my_decision", "I accepted"),
        "{accepted:?}"
    );
    assert!(accepted.score >= 2, "{accepted:?}");
    let approved = score_text(&format!("{fix} The change was accepted by the CAB."))
        .dimensions
        .decision;
    assert_eq!(approved.score, 0, "{approved:?}");
}

#[test]
fn the_incident_commander_of_a_postmortem_makes_the_call() {
    let options = "Two mitigations were on the table: wait for the vendor, or ship an emergency \
                   build in offline mode.";
    let ic = score_text(&format!(
        "{options} The IC chose the emergency build, accepting the loss of a day of experiment \
         data."
    ))
    .dimensions
    .decision;
    assert!(gives(&ic, "the call (chose)"), "{ic:?}");
    assert!(ic.score >= 3, "{ic:?}");
    let vendor = score_text(&format!(
        "{options} The vendor restarted its endpoints an hour later."
    ))
    .dimensions
    .decision;
    assert!(vendor.score <= 1, "{vendor:?}");
}

#[test]
fn i_dunno_is_no_deed() {
    let role = score_text("I dunno, it was late. I restarted the pod.")
        .dimensions
        .role;
    assert!(
        shows(&role, "first_person_action", "I restarted"),
        "{role:?}"
    );
    assert!(
        !role.evidence.iter().any(|e| e.text.contains("dunno")),
        "{role:?}"
    );
}

#[test]
fn a_note_line_that_opens_with_a_past_verb_is_the_fix_made() {
    // Notes with no "I" anywhere: the line that says what was done is the
    // speaker's, as an interviewer reads it.
    let notes = score_text(
        "- Config deploy broke Google Pay in the Android app\n- Rolled back the config\n- Root \
         cause: bad config",
    )
    .dimensions
    .fix;
    assert!(shows(&notes, "concrete_change", "Rolled back"), "{notes:?}");
    assert_eq!(notes.score, 2, "{notes:?}");
    // Advice in the imperative fixed nothing.
    let advice = score_text(
        "- Config deploys can break payment methods\n- Roll back the config\n- Review config \
         changes",
    )
    .dimensions
    .fix;
    assert_eq!(advice.score, 0, "{advice:?}");
}

#[test]
fn a_result_told_as_today_against_the_old_figure_is_a_pair() {
    let told = score_text("The old monthly bill was about $34k. Today's invoice is around $22k.")
        .dimensions
        .numbers;
    assert!(
        gives(&told, "before/after, told in two sentences: $34k -> $22k"),
        "{told:?}"
    );
    // Two figures of two sentences, nothing said of then and now: no pair.
    let apart = score_text("The monthly bill was about $34k. The invoice is around $22k.")
        .dimensions
        .numbers;
    assert!(!cites(&apart, "before_after"), "{apart:?}");
}

#[test]
fn a_report_weighs_courses_in_its_own_words() {
    // A postmortem's resolution section: the courses laid out, the reason
    // and the risk accepted in the passive of a report.
    let resolution = score_text(
        "Resolution: Two options were considered. Trimming the rule tables was fast but meant \
         choosing suppliers to drop. Moving the tables to S3 removed the limit but needed a day \
         of work. Because every hour of delay meant more underpriced quotes, the team first \
         shipped a trimmed chart. The risk of a quote for a removed supplier was accepted.",
    )
    .dimensions
    .decision;
    assert!(cites(&resolution, "alternative"), "{resolution:?}");
    assert!(cites(&resolution, "reason"), "{resolution:?}");
    assert!(resolution.score >= 3, "{resolution:?}");
    let judged = score_text(
        "The on-call engineer raised the full ratio to 0.97 to restore writes. This was judged \
         safer than deleting customer snapshots to free space.",
    )
    .dimensions
    .decision;
    assert!(judged.score >= 2, "{judged:?}");
    let posed = score_text(
        "The question on the call was how to refill the gap. A full re-sync takes 9 hours and \
         hammers the primary; a targeted backfill takes 40 minutes but trusts updated_at. I went \
         with the backfill.",
    )
    .dimensions
    .decision;
    assert!(gives(&posed, "the options weighed"), "{posed:?}");
    assert!(cites(&posed, "my_decision"), "{posed:?}");
    assert!(posed.score >= 1, "{posed:?}");
    // The same facts with no course weighed: no call.
    let told = score_text(
        "Resolution: The team shipped a trimmed chart. The on-call engineer raised the full \
         ratio to 0.97 to restore writes.",
    )
    .dimensions
    .decision;
    assert_eq!(told.score, 0, "{told:?}");
}

#[test]
fn rolling_back_named_as_the_course_not_taken_is_an_alternative() {
    let weighed = score_text(
        "I widened ip_local_port_range on the hosts, because rolling back the refactor would've \
         taken the whole release train back with it.",
    )
    .dimensions
    .decision;
    assert!(gives(&weighed, "the options weighed"), "{weighed:?}");
    assert!(cites(&weighed, "reason"), "{weighed:?}");
    assert!(weighed.score >= 2, "{weighed:?}");
    let plain = score_text("I widened ip_local_port_range on the hosts.")
        .dimensions
        .decision;
    assert_eq!(plain.score, 0, "{plain:?}");
}

#[test]
fn a_change_promised_in_the_future_is_a_plan() {
    let incident = "The payments API was down for 25 minutes and nobody got paged. I found it with \
                    amtool and set continue: true on the route.";
    let promised = score_text(&format!(
        "{incident} So going forward, every Alertmanager config change will be tested in CI \
         with route tests. We're going to have a dead man's switch."
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&promised, "wished for, not shipped"), "{promised:?}");
    assert_eq!(promised.score, 1, "{promised:?}");
    let shipped = score_text(&format!(
        "{incident} Since then every Alertmanager config change is tested in CI with route \
         tests, and a dead man's switch pages us if the watchdog alert stops."
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&shipped, "changed for good (ci)"), "{shipped:?}");
    assert!(shipped.score >= 2, "{shipped:?}");
}

#[test]
fn a_change_someone_else_made_as_the_story_opens_is_the_setting() {
    let opening = "Someone on the payments team added a route in Alertmanager near the top of \
                   the tree that sent every payments alert to Slack. The payments API was down \
                   for 25 minutes and nobody got paged. I was on call; I found it with amtool \
                   and set continue: true on the route.";
    let setting = score_text(opening).dimensions.systemic_change;
    assert!(setting.evidence.is_empty(), "{setting:?}");
    assert_eq!(setting.score, 0, "{setting:?}");
    let made = score_text(&format!(
        "{opening} Afterwards I added a CI job that runs amtool route tests for every critical \
         alert."
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&made, "changed for good (ci)"), "{made:?}");
    assert!(made.score >= 2, "{made:?}");
}

#[test]
fn a_one_year_validity_is_no_evidence_that_a_change_works() {
    // "no" and "year" in one sentence once read as "no repeat in a year".
    let story = "I added an alert on certificate expiry after the outage. Turns out, no, the \
                 host certificates had a one-year validity and expired that day.";
    let lasting = score_text(story).dimensions.systemic_change;
    assert!(!gives(&lasting, "evidence the change works"), "{lasting:?}");
    let held = score_text(
        "I added an alert on certificate expiry after the outage. No certificate has expired in \
         the year since.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&held, "evidence the change works"), "{held:?}");
}

#[test]
fn a_result_that_fell_from_where_it_climbed_is_a_pair() {
    let numbers = score_text(
        "Memory went flat at about 180 meg, where before it climbed to the 1 gig limit every \
         five hours.",
    )
    .dimensions
    .numbers;
    assert!(
        why_of(&numbers, "before_after")
            .is_some_and(|w| w.starts_with("before/after: 1 gig -> 180 meg")),
        "{numbers:?}"
    );
    // A range after the old figure: its unit is the range's.
    let range = score_text(
        "Failover used to take about four minutes; in the last three drills it took 35 to 40 \
         seconds.",
    )
    .dimensions
    .numbers;
    assert!(
        why_of(&range, "before_after").is_some_and(|w| w.contains("-> 40 seconds")),
        "{range:?}"
    );
    // A climb told with its figures is how bad it got.
    let climbed = score_text("Memory climbed from 180 meg to the 1 gig limit every five hours.")
        .dimensions
        .numbers;
    assert!(!cites(&climbed, "before_after"), "{climbed:?}");
}

#[test]
fn settings_listed_under_the_changes_made_are_no_results() {
    let changes = score_text(
        "- I was on call; the data nodes were above the high watermark\n- changes I made that \
         night:\n  - ILM delete phase 30d → 14d\n  - replicas on old indices 1 → 0\n- green \
         about 40 min after I started",
    )
    .dimensions
    .numbers;
    assert!(!cites(&changes, "before_after"), "{changes:?}");
    assert!(changes.score <= 2, "{changes:?}");
    // The same list under a results line is a list of results.
    let results = score_text(
        "- I was on call; the data nodes were above the high watermark\n- results after a \
         month:\n  - time to green 40 min → 5 min\n  - red-cluster pages 6 → 0",
    )
    .dimensions
    .numbers;
    assert!(cites(&results, "before_after"), "{results:?}");
    // Ports per node are capacity, not a result.
    let ports = score_text("SNAT allocation went from 1,024 to 512 ports per node.")
        .dimensions
        .numbers;
    assert!(!cites(&ports, "before_after"), "{ports:?}");
}

#[test]
fn the_fix_said_with_what_it_makes_true_now_is_the_fix() {
    let fix = score_text(
        "The payroll export ran twice when the clocks went back. For the fix I moved the \
         schedule to UTC, so it now runs at 01:30 UTC all year.",
    )
    .dimensions
    .fix;
    assert!(shows(&fix, "concrete_change", "moved"), "{fix:?}");
    assert!(fix.score >= 2, "{fix:?}");
    // A change told as what lasts, with nothing saying it was the fix, is
    // left to systemic change.
    let lasting = score_text(
        "The payroll export ran twice when the clocks went back. Since then every job is \
         scheduled in UTC.",
    )
    .dimensions
    .fix;
    assert_eq!(lasting.score, 0, "{lasting:?}");
}

#[test]
fn before_as_a_time_is_no_old_figure() {
    // "before" opens what a figure used to be only as a state ("before
    // incident it was around 12 ms"), not as a time in the incident.
    let time = score_text("The canary caught it at 7 minutes, before the US stage at +10.")
        .dimensions
        .numbers;
    assert!(!cites(&time, "before_after"), "{time:?}");
    let state = score_text("p99 is now 9 ms, before incident it was around 12 ms.")
        .dimensions
        .numbers;
    assert!(
        why_of(&state, "before_after")
            .is_some_and(|w| w.starts_with("before/after: 12 ms -> 9 ms")),
        "{state:?}"
    );
}

#[test]
fn how_things_run_today_is_a_lasting_change() {
    // A present-tense story tells what lasts as what runs today.
    let today = score_text(
        "It's a Thursday night and I'm on call. Ops restarts the Redis cache cluster and every \
         shard comes back empty, so every miss goes to MySQL and product pages time out. I turn \
         on the flag that serves a static category page and run the warm-up job by hand. \
         Today the cache client coalesces misses: one request per key goes to the database. \
         Entries are refreshed a little before their TTL runs out, with random jitter.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&today, "changed for good"), "{today:?}");
    // "no longer" said of the incident is no change made.
    let then = score_text(
        "The platform team released version 4.0 of the chart. When catalog-search was upgraded, \
         the Service's selector no longer matched the pods' labels and search returned 503s. \
         The on-call ran helm rollback and the endpoints came back.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&then, "changed for good"), "{then:?}");
}

#[test]
fn a_thing_put_back_is_no_change_made() {
    let put_back = score_text(
        "The new memcached nodes came up empty and Postgres hit 100% CPU. I re-added the old 8 \
         nodes to the mcrouter pool and the hit rate went back to 93% within three minutes.",
    )
    .dimensions
    .systemic_change;
    assert!(put_back.evidence.is_empty(), "{put_back:?}");
    let added = score_text(
        "The new memcached nodes came up empty and Postgres hit 100% CPU. Afterwards I added \
         request coalescing to the cache client.",
    )
    .dimensions
    .systemic_change;
    assert!(shows(&added, "prevention", "cache"), "{added:?}");
}

#[test]
fn a_figure_of_a_later_period_shows_the_change_works() {
    let later = score_text(
        "The HPA flapped between 12 and 40 pods all afternoon. Afterwards we raised the CPU \
         request to 1 core and moved the HPA to a requests-per-second metric from Prometheus. \
         In the following month the HPA made about 30 scaling changes a day.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&later, "evidence the change works"), "{later:?}");
    // A value raised is a change made, not a topic raised for later.
    assert!(!gives(&later, "proposed"), "{later:?}");
    // A later period in a plan is no evidence.
    let planned = score_text(
        "The HPA flapped between 12 and 40 pods all afternoon. Afterwards we moved the HPA to a \
         requests-per-second metric from Prometheus. From next quarter any service over 40 \
         scaling changes a day will be flagged in review.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&planned, "evidence the change works"), "{planned:?}");
}

#[test]
fn the_first_run_against_the_last_is_a_pair() {
    let drills = score_text(
        "We run a quarterly single-table restore drill. The first drill took 190 minutes; after \
         we added 6-hourly differential backups, the last one took 48 minutes.",
    )
    .dimensions
    .numbers;
    assert!(
        why_of(&drills, "before_after")
            .is_some_and(|w| w.starts_with("before/after: 190 minutes -> 48 minutes")),
        "{drills:?}"
    );
    let now = score_text(
        "I set up a weekly restore test. The first run took 68 minutes; after we moved the \
         restore target to a newer instance class it's about 40.",
    )
    .dimensions
    .numbers;
    assert!(
        why_of(&now, "before_after")
            .is_some_and(|w| w.starts_with("before/after: 68 minutes -> 40")),
        "{now:?}"
    );
    // First and last of the incident, getting worse, is no result.
    let worse =
        score_text("The first alert fired after 12 minutes and the last one after 40 minutes.")
            .dimensions
            .numbers;
    assert!(!cites(&worse, "before_after"), "{worse:?}");
}

#[test]
fn a_result_against_the_old_figure_may_carry_its_noun() {
    let drills = score_text(
        "Since then we run a failover drill every quarter. Time until writes succeed again has \
         been 38 seconds in every drill, against nearly three hours in January.",
    )
    .dimensions
    .numbers;
    assert!(
        why_of(&drills, "before_after")
            .is_some_and(|w| w.starts_with("before/after: three hours -> 38 seconds")),
        "{drills:?}"
    );
}

#[test]
fn a_mechanism_counted_at_work_up_to_now_shows_it_works() {
    let counted = score_text(
        "A bulk UPDATE with a wrong predicate overwrote 38,214 customers' emails. Afterwards \
         we added a CI check that rejects any bulk write without a declared row count. The \
         runner has rolled back four statements whose counts didn't match.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&counted, "evidence the change works"), "{counted:?}");
    let once = score_text(
        "A bulk UPDATE with a wrong predicate overwrote 38,214 customers' emails. Afterwards \
         we added a CI check that rejects any bulk write without a declared row count. The \
         deploy has rolled back the config.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&once, "evidence the change works"), "{once:?}");
}

#[test]
fn now_in_code_is_no_time() {
    // "now()" in a query quoted from the incident places nothing after it.
    let query = score_text(
        "On 12 March a one-off script anonymised closed accounts. Its predicate was `WHERE id \
         IN (SELECT id FROM account_closures WHERE closed_at < now() - interval '2 years')`, \
         and it matched 38,214 active customers.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&query, "changed for good"), "{query:?}");
}

#[test]
fn a_section_on_where_things_stand_is_what_lasts() {
    let stand = score_text(
        "What happened\nA one-off script overwrote the contact details of 38,214 customers.\n\n\
         Where things stand\nBulk writes to customer tables can only be run through the \
         `bulkops` runner.",
    )
    .dimensions
    .systemic_change;
    // A tool quoted as code is named: the change is concrete.
    assert!(
        why_of(&stand, "prevention").is_some_and(|w| w.contains("changed for good (bulkops)")),
        "{stand:?}"
    );
    // Under a section on what happened, the same words are the setting.
    let setting = score_text(
        "What happened\nA one-off script overwrote the contact details of 38,214 customers. \
         Bulk writes to customer tables could be run by any engineer.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&setting, "changed for good"), "{setting:?}");
}

#[test]
fn a_ticket_the_change_reads_is_no_ticket_opened() {
    let reads = systemic_in_field(
        "The bulkops runner compares the affected row count with the count declared in the \
         change ticket and rolls back on a mismatch.",
    );
    assert!(!gives(&reads, "proposed"), "{reads:?}");
    assert!(gives(&reads, "changed for good"), "{reads:?}");
    let opened = score_text(
        "A script overwrote 38,214 rows. Afterwards I opened a ticket to add a row-count check to the bulk \
         runner.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&opened, "proposed"), "{opened:?}");
}

#[test]
fn versions_retention_set_and_a_rise_against_normal_are_no_results() {
    for text in [
        "During the upgrade of the cluster from 1.24 to 1.25 every replica was drained at once.",
        "After, we configure Curator to keep 7 days instead of 14 for every index.",
        "Around 11:40 the app's connection count went 180 → 1,500 (≈8× normal) and listing \
         pages started timing out.",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(!cites(&numbers, "before_after"), "{text}: {numbers:?}");
    }
    // A fall, or a figure back to normal, is still a result.
    for text in [
        "After the fix, the connection count went 1,500 → 180 and p99 is back to normal.",
        "We moved the nightly export to a replica; lock waits went from 40 minutes to 0.",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(cites(&numbers, "before_after"), "{text}: {numbers:?}");
    }
}

#[test]
fn a_version_upgrade_a_rollout_step_a_forecast_and_longer_pauses_are_no_results() {
    for text in [
        // Versions: whole numbers, told "from ... to" right after the upgrade.
        "We upgraded Postgres from 13 to 15 across all 24 services over two quarters.",
        // How far a rollout had gone is a step of the change.
        "I moved the new pool config from 8% of traffic to 100% over the afternoon.",
        // What a model expects, or what will be, is no result yet.
        "Our model shows retry amplification dropping from 27x to 1.1x during a brown-out.",
        "Phase 1 will cut checkout p99 from 2.4 s to 300 ms once it ships next quarter.",
        // Longer pauses are the harm.
        "A week later full GC pauses went from around 1 second to 8 seconds under the peak.",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(!cites(&numbers, "before_after"), "{text}: {numbers:?}");
    }
    // The same shapes that are results stay results: a count in a sentence
    // about releases, a share of traffic that fell, a pair measured.
    for text in [
        "Services more than one patch release behind went from 37 to 4 in the quarter.",
        "On the next move the share of traffic still reaching the old address went 12% \
         → 0.4% within the first hour.",
        "After the fix full GC pauses went from 8 seconds to 200 ms.",
        "We measured it in the game day: failover took 40 seconds, down from 9 minutes.",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(cites(&numbers, "before_after"), "{text}: {numbers:?}");
    }
}

#[test]
fn the_old_count_then_none_since_is_a_pair() {
    let held = score_text(
        "Afterwards any write to production customer tables needs a second engineer's approval. \
         We'd had five data-fix incidents the year before; there have been none in the 11 \
         months since.",
    )
    .dimensions
    .numbers;
    assert!(
        why_of(&held, "before_after")
            .is_some_and(|w| w == "before/after: five before -> none since"),
        "{held:?}"
    );
    // A count with no "before" beside it is no old figure.
    let lone = score_text(
        "Afterwards any write to production customer tables needs a second engineer's approval. \
         Five engineers reviewed it; there have been no incidents in the 11 months since.",
    )
    .dimensions
    .numbers;
    assert!(!cites(&lone, "before_after"), "{lone:?}");
}

#[test]
fn fewer_incidents_since_the_change_show_it_works() {
    let fewer = score_text(
        "Nine deploys broke production in 2022. Afterwards I added a canary stage that rejects a \
         build whose 5xx ratio is above the stable pods'. Customer incidents after a deploy \
         went from nine in 2022 to two in 2023.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&fewer, "evidence the change works"), "{fewer:?}");
    let more = score_text(
        "Nine deploys broke production in 2022. Afterwards I added a canary stage that rejects a \
         build whose 5xx ratio is above the stable pods'. Customer incidents after a deploy \
         went from two in 2022 to nine in 2023.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&more, "evidence the change works"), "{more:?}");
}

#[test]
fn a_further_change_said_with_also_lasts() {
    let also = score_text(
        "The test namespaces' StorageClass had reclaimPolicy: Retain, so every deleted namespace \
         left its EBS volumes behind. I wrote a script that snapshotted and deleted them after a \
         14-day grace period. I also switched the CI StorageClass to reclaimPolicy: Delete.",
    )
    .dimensions
    .systemic_change;
    assert!(cites(&also, "prevention"), "{also:?}");
    // "also" of the incident, by no one of ours, is no change made.
    let setting = score_text(
        "The test namespaces' StorageClass had reclaimPolicy: Retain, so every deleted namespace \
         left its EBS volumes behind. I wrote a script that snapshotted and deleted them after a \
         14-day grace period. The old clusters also switched the StorageClass on every upgrade.",
    )
    .dimensions
    .systemic_change;
    assert!(!cites(&setting, "prevention"), "{setting:?}");
}

#[test]
fn monitoring_improved_is_a_change_made() {
    let improved = score_text(
        "Inode exhaustion on the web nodes. Resolved the issue by cleaning up files and moving \
         sessions to Redis. Improved monitoring with inode alerts.",
    )
    .dimensions
    .systemic_change;
    assert!(cites(&improved, "detection"), "{improved:?}");
}

#[test]
fn a_thing_named_in_what_lasts_is_the_mechanism() {
    let named = systemic_in_field("Apps now ask Sentinel where to write.");
    assert!(gives(&named, "changed for good (sentinel)"), "{named:?}");
    // A day is no thing that changed.
    let day = systemic_in_field("Apps now ask Monday where to write.");
    assert!(!gives(&day, "changed for good (monday)"), "{day:?}");
}

#[test]
fn a_project_label_or_a_cadence_names_the_project() {
    let labelled = score_text(
        "- Project: error-budget release gating for checkout and payments.\n- My part: wrote \
         the Prometheus rules and the pipeline stage.\n- Rolled out to 12 services.",
    )
    .dimensions
    .systemic_change;
    assert!(
        gives(
            &labelled,
            "the project that changed things for good (error - budget release gating for checkout"
        ),
        "{labelled:?}"
    );
    let proposed = score_text(
        "- Proposal: error-budget release gating for checkout and payments.\n- My part: wrote \
         the Prometheus rules and the pipeline stage.\n- Rolled out to 12 services.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&proposed, "the project"), "{proposed:?}");

    let game_days = |opening: &str| {
        score_text(&format!(
            "{opening}\n- GD1, DB failover: the app took 9 min to recover.\n- GD2, added latency \
             on the tax API: the cart exhausted its thread pool."
        ))
        .dimensions
        .systemic_change
    };
    let quarterly = game_days("Quarterly game days, what I ran");
    assert!(
        gives(
            &quarterly,
            "the project that changed things for good (quarterly game days)"
        ),
        "{quarterly:?}"
    );
    let once = game_days("Game days, what I ran");
    assert!(!gives(&once, "the project"), "{once:?}");

    let started = score_text(
        "I started our monthly chaos game days at a booking company. The first one was in March.",
    )
    .dimensions
    .systemic_change;
    assert!(
        gives(&started, "the project that changed things for good"),
        "{started:?}"
    );
    let failing = score_text(
        "Checkout started failing during the monthly game days at a booking company. The first \
         one was in March.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&failing, "the project"), "{failing:?}");
}

#[test]
fn the_permanent_work_is_what_lasts() {
    let work = |which: &str| {
        score_text(&format!(
            "The {which} work took two weeks, and I led it with Hana and Sergei: a default \
             Sidecar resource in every namespace limiting egress to the namespace itself, \
             istio-system and an explicit list of dependencies; meshConfig.discoverySelectors so \
             istiod ignores the preview namespaces entirely; and an alert on \
             pilot_proxy_convergence_time."
        ))
        .dimensions
        .systemic_change
    };
    let permanent = work("permanent");
    assert!(
        gives(&permanent, "changed for good (sidecar)"),
        "{permanent:?}"
    );
    let first = work("first");
    assert!(!gives(&first, "changed for good"), "{first:?}");
}

#[test]
fn a_note_that_opens_with_its_verb_is_the_speakers_change() {
    let built = score_text(
        "- Problem: migrations ran inside the deploy and took exclusive locks; one ALTER \
         blocked logins for 6 min\n- Built a migration linter step in CI that flags CREATE \
         INDEX without CONCURRENTLY\n- Index builds: CREATE INDEX CONCURRENTLY, outside a \
         transaction\n- Renames: expand and contract\n- Most teams on board;\n- a couple of \
         people still override it",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&built, "changed for good (linter)"), "{built:?}");
    // A release noted first is how the incident started.
    let release = score_text(
        "- Rolled out a new kernel to the nodes\n- some nodes had network issues after, lots of \
         timeouts\n- rolled back to the previous one, issues stopped",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&release, "changed for good"), "{release:?}");
}

#[test]
fn a_fix_that_has_held_lasts_when_nothing_else_is_said_to() {
    let fix = |rest: &str| {
        score_text(&format!(
            "Impact: apps sharing the ops database got 'too many clients' for about 3 minutes \
             every hour.\nFix: the cron minute now comes from fqdn_rand(60) on each host, and \
             PgBouncer sits in front for the cron users. Cron connection peak went to ~150{rest}"
        ))
        .dimensions
        .systemic_change
    };
    let held = fix(", with no 'too many clients' errors since.");
    assert!(gives(&held, "changed for good"), "{held:?}");
    assert!(gives(&held, "evidence the change works"), "{held:?}");
    // Without evidence that it held, the fix is the fix.
    let fixed = fix(".");
    assert!(!gives(&fixed, "changed for good"), "{fixed:?}");
    // A section on what lasts says it there: a follow-up not done yet is a wish.
    let wished = fix(
        ", with no 'too many clients' errors since.\nFollow-up: a per-role connection limit, not \
         done yet.",
    );
    assert!(!gives(&wished, "changed for good"), "{wished:?}");
    assert!(gives(&wished, "proposed, not shipped"), "{wished:?}");
}

#[test]
fn the_fix_may_stand_in_what_changed() {
    let told = "Summary\nThe renewal job ran twice for US tenants and charged 18,400 customers \
                twice.\n\nWhat happened\nThe scheduler matched wall-clock time, so 01:30 \
                occurred twice when the clocks fell back.\n\n";
    let changed = score_text(&format!(
        "{told}What changed\n- We added a unique constraint on (subscription_id, period_start) so \
         a second run cannot insert a duplicate invoice.\n"
    ))
    .dimensions
    .fix;
    assert!(cites(&changed, "concrete_change"), "{changed:?}");
    let untold = score_text(told).dimensions.fix;
    assert!(!cites(&untold, "concrete_change"), "{untold:?}");
}

#[test]
fn a_timeout_changed_and_an_http_status_are_no_results() {
    let timeout = score_text("The pricing timeout was also dropped from 30s to 5s.").dimensions;
    assert!(!cites(&timeout.numbers, "before_after"), "{timeout:?}");
    assert!(!cites(&timeout.blast_radius, "how_long"), "{timeout:?}");
    let latency = score_text("Pricing p99 latency dropped from 30s to 5s.")
        .dimensions
        .numbers;
    assert!(cites(&latency, "before_after"), "{latency:?}");

    let status = score_text(
        "Pricing started answering 503 and every layer above it retried. Now pricing gets 64 \
         calls per request.",
    )
    .dimensions
    .numbers;
    assert!(!cites(&status, "before_after"), "{status:?}");
}

#[test]
fn a_figure_that_stayed_is_where_a_result_held() {
    let stayed = score_text(
        "About 18% of new stream starts failed during the final. At the next final, stream \
         start failures stayed under 0.5%.",
    )
    .dimensions
    .numbers;
    assert!(
        why_of(&stayed, "before_after")
            .is_some_and(|w| w.starts_with("before/after, told in two sentences: 18% -> 0.5%")),
        "{stayed:?}"
    );
    // Where something stayed is no figure; a bare count takes no unit
    // across sentences.
    for text in [
        "Zone 2 lost 3 fraud-scoring instances. All fraud calls stayed in zone 1 after that.",
        "The cluster had 1,100 shards without a replica. It is now yellow for nine hours at most.",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(!cites(&numbers, "before_after"), "{text}: {numbers:?}");
    }
}

#[test]
fn a_setting_a_look_back_or_a_latency_is_no_outage_length() {
    for text in [
        "Customers could not check out. The default 3-second cut-over lock timeout applies.",
        "In the two years before, we had three regional outages that stopped checkout.",
        "During the outage p99 latency failed over 20 milliseconds.",
    ] {
        let blast = score_text(text).dimensions.blast_radius;
        assert!(!cites(&blast, "how_long"), "{text}: {blast:?}");
    }
    for text in [
        "Customers could not check out for 40 minutes.",
        "Billing under-counted requests for about two months before anyone noticed the failure.",
    ] {
        let blast = score_text(text).dimensions.blast_radius;
        assert!(cites(&blast, "how_long"), "{text}: {blast:?}");
    }
}

#[test]
fn a_reports_decision_and_a_reason_after_as() {
    let report = score_text(
        "The provider's status page confirmed an outage. Decision taken to fail over rather \
         than wait, as no ETA was given.",
    )
    .dimensions
    .decision;
    assert!(gives(&report, "the call (decision)"), "{report:?}");
    assert!(gives(&report, "why (as)"), "{report:?}");
    let soon = score_text(
        "The provider's status page confirmed an outage. We waited, as soon as the ETA was \
         given we failed over.",
    )
    .dimensions
    .decision;
    assert!(!gives(&soon, "why (as)"), "{soon:?}");
}

#[test]
fn a_habit_knowledge_or_takeaway_is_a_lesson_not_a_change() {
    let story = |last: &str| {
        score_text(&format!(
            "Big files over the VPN hung for two days for about 80 people. We found the tunnel \
             dropped large packets and lowered the MTU on the tunnel interface. {last}"
        ))
        .dimensions
        .systemic_change
    };
    for lesson in [
        "Now I always check MTU first when the VPN acts up.",
        "The firewall team now knows why ICMP matters.",
        "The big thing I took away is to read the MTU check first.",
        "What I took from it is, like, always double-check which tunnel you're on.",
    ] {
        let d = story(lesson);
        assert!(!gives(&d, "changed for good"), "{lesson}: {d:?}");
    }
    // A check that runs for everyone is a change, not a habit.
    let check = story("Now a synthetic check sends a 1400-byte ping over the tunnel every minute.");
    assert!(gives(&check, "changed for good"), "{check:?}");
}

#[test]
fn a_mechanism_word_said_as_a_verb_or_a_guess_is_no_change() {
    let told = |last: &str| {
        score_text(&format!(
            "We had 230 services on a vulnerable Spring version for six days. I patched the 11 \
             exposed ones that night. Afterwards we got better at tracking dependencies. {last}"
        ))
        .dimensions
        .systemic_change
    };
    let verb = told(
        "I think if it happened again we'd be faster, though I never really got to test that.",
    );
    assert!(!gives(&verb, "changed for good (test)"), "{verb:?}");
    assert!(!gives(&verb, "evidence the change works"), "{verb:?}");
    let noun = told("Now a nightly test fails the build when a pinned version is vulnerable.");
    assert!(gives(&noun, "changed for good (test)"), "{noun:?}");
}

#[test]
fn what_brought_service_back_is_the_fix() {
    let story = |middle: &str| {
        score_text(&format!(
            "Leeds could not open big files for about two hours. I found the firewall dropped \
             ICMP. {middle} About 80 people were stuck."
        ))
        .dimensions
        .systemic_change
    };
    let restored = story(
        "I add an MSS clamp of 1350 on the tunnel interface and within a couple of minutes SMB \
         copies are flowing again.",
    );
    assert!(!gives(&restored, "changed for good"), "{restored:?}");
    let next =
        story("I add an MSS clamp of 1350 on the tunnel interface. Copies came back at once.");
    assert!(!gives(&next, "changed for good"), "{next:?}");
    // Placed after the incident, the same change lasts.
    let after = story(
        "Afterwards I added an alert on the tunnel's dropped packets and copies have been \
         flowing again since.",
    );
    assert!(gives(&after, "changed for good"), "{after:?}");
}

#[test]
fn a_later_test_told_as_held_is_evidence() {
    let told = |last: &str| {
        score_text(&format!(
            "A GC pause in inventory parked every storefront thread; 18% of page views failed \
             for 27 minutes. Afterwards I added a default deadline to our shared gRPC client \
             library and an alert on calls without one. {last}"
        ))
        .dimensions
        .systemic_change
    };
    let held = told(
        "Two months later inventory had another GC episode: the error rate peaked at 0.3% \
         instead of 18%.",
    );
    assert!(gives(&held, "evidence the change works"), "{held:?}");
    let harm = told("Three weeks later: pods OOMKilled repeatedly, restarting every 6 hours.");
    assert!(!gives(&harm, "evidence the change works"), "{harm:?}");
}

#[test]
fn a_change_told_by_what_it_spares_or_after_that_lasts() {
    let nobody = score_text(
        "Every storefront thread waited on inventory for 27 minutes. The deadlines live in an \
         interceptor in our shared client library, so nobody has to remember them.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&nobody, "changed for good"), "{nobody:?}");
    let image = score_text(
        "About 2% of requests failed for three days on the new node pool. I set gc_thresh3 \
         with a DaemonSet, and after we put the same values in the node image so new nodes have \
         them from the start.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&image, "changed for good"), "{image:?}");
    let after_that = score_text(
        "Password reset emails were delayed for three hours when the provider throttled our \
         domain. We moved marketing to its own subdomain after that.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&after_that, "changed for good"), "{after_that:?}");
    // A move during the incident is the fix.
    let during = score_text(
        "Password reset emails were delayed for three hours when the provider throttled our \
         domain. We moved marketing to another domain for the day.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&during, "changed for good"), "{during:?}");
}

#[test]
fn how_it_runs_now_in_its_own_field_is_the_change() {
    let now = systemic_in_field("Marketing now sends from a separate subdomain.");
    assert_eq!(now.score, 3, "{now:?}");
    assert!(
        gives(&now, "changed for good (sends from a separate subdomain)"),
        "{now:?}"
    );
    let wish = systemic_in_field("Marketing should send from a separate subdomain.");
    assert!(!gives(&wish, "changed for good"), "{wish:?}");
}

#[test]
fn an_action_item_to_continue_is_a_plan_and_more_replicas_are_the_fix() {
    let item = systemic_in_field("Continue the reliability hardening initiative in Q3.");
    assert!(!gives(&item, "changed for good"), "{item:?}");
    let replicas = score_text(
        "The ingress ran out of worker connections for half an hour during the sale. I raised \
         the limit to 16384 and we added a couple more controller replicas.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&replicas, "changed for good"), "{replicas:?}");
}

#[test]
fn changes_tuned_after_that_last() {
    let tuned = score_text(
        "Terraform apply failed on a stale state lock for 40 minutes during the incident. I \
         force-unlocked it.\n\nAfter that we tuned a bunch of stuff. We put -lock-timeout=5m on \
         the CI applies so they wait for a lock, and we moved the DynamoDB lock table to \
         on-demand.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&tuned, "changed for good"), "{tuned:?}");
}

#[test]
fn what_lasts_may_follow_a_fix_label() {
    let story = |last: &str| {
        score_text(&format!(
            "The bucket was public for 41 days and 46,000 customers' exports were readable.\n\nThe \
             fix itself: move the exports to a locked-down bucket and delete the copies. The part \
             that matters long-term is that we then enforced the public access prevention policy \
             for the whole organisation, and we turned on usage logs for every bucket.\n\n{last}"
        ))
        .dimensions
        .systemic_change
    };
    // The last paragraph alone reads as a wish ("the outcome I wanted").
    let held = story(
        "Results, since people always ask: public buckets went from 23 to 1. In the year since, \
         two attempts to make a bucket public were rejected outright by the policy, and \
         developers came to us asking how to share data properly instead, which honestly is the \
         outcome I wanted.",
    );
    assert!(gives(&held, "changed for good"), "{held:?}");
    assert!(gives(&held, "evidence the change works"), "{held:?}");
}

#[test]
fn pairs_told_before_and_after_or_in_order_and_settings_said_twice() {
    let before_after = score_text(
        "Result: before, the on-call had around 30 pages per week with manual steps, after it \
         was around 18.",
    )
    .dimensions
    .numbers;
    assert!(
        gives(&before_after, "30 pages per week -> 18"),
        "{before_after:?}"
    );
    let in_order = score_text(
        "The next advisory took 50 minutes to inventory and 7 hours to patch fully, against 5 \
         hours and 19 hours this time.",
    )
    .dimensions
    .numbers;
    assert!(gives(&in_order, "5 hours -> 50 minutes"), "{in_order:?}");
    assert!(gives(&in_order, "19 hours -> 7 hours"), "{in_order:?}");
    let twice = score_text(
        "We took the CI job timeout from 60 minutes down to 20, sorry, yeah, down from 60 to 20. \
         The apply went through: max_size from 10 to 40, desired from 6 to 20.",
    )
    .dimensions
    .numbers;
    assert!(!cites(&twice, "before_after"), "{twice:?}");
    // The same figures as a result still count.
    let result = score_text("Deploys took 60 minutes; now they take 20 minutes.")
        .dimensions
        .numbers;
    assert!(cites(&result, "before_after"), "{result:?}");
}

#[test]
fn a_change_made_before_turning_a_feature_back_on_is_the_fix() {
    let story = |fix: &str| {
        score_text(&format!(
            "Search failed for 18% of requests for about 70 minutes. A new facet on a \
             high-cardinality field filled the heap. I paused indexing and dropped the facet \
             with a flag. {fix}"
        ))
        .dimensions
        .systemic_change
    };
    let back_on = story(
        "Then we added docValues to the seller field and did a full reindex overnight before \
         turning the facet back on.",
    );
    assert!(!gives(&back_on, "changed for good"), "{back_on:?}");
    let lasting = story(
        "Afterwards we added a CI check that rejects a facet on any field without docValues.",
    );
    assert!(gives(&lasting, "changed for good"), "{lasting:?}");
}

#[test]
fn since_as_a_reason_holds_no_result_and_hyphens_join_a_setting() {
    let reason = score_text(
        "Prepending our AS a few more times might not have helped at all, since those routes \
         were already preferred.",
    )
    .dimensions
    .numbers;
    assert!(!gives(&reason, "no repeat since"), "{reason:?}");
    let time = score_text("We have had no repeat since.")
        .dimensions
        .numbers;
    assert!(gives(&time, "no repeat since"), "{time:?}");
    let month_ends =
        score_text("It has been through two month-ends since without a single restart.")
            .dimensions
            .numbers;
    assert!(gives(&month_ends, "no repeat since"), "{month_ends:?}");

    let hyphened = score_text("I raised conntrack max-per-core from 32768 to 131072.")
        .dimensions
        .numbers;
    assert!(!cites(&hyphened, "before_after"), "{hyphened:?}");
    let keepalive = score_text("- upstream keepalive 0 → 64").dimensions.numbers;
    assert!(!cites(&keepalive, "before_after"), "{keepalive:?}");
}

#[test]
fn figures_spelled_out_are_figures() {
    let spelled =
        score_text("Longest pause went from fourteen seconds to about sixty milliseconds.")
            .dimensions
            .numbers;
    assert!(
        gives(&spelled, "fourteen seconds -> sixty milliseconds"),
        "{spelled:?}"
    );
    let vague = score_text("Longest pause went from several seconds to a few milliseconds.")
        .dimensions
        .numbers;
    assert!(!cites(&vague, "before_after"), "{vague:?}");
}

#[test]
fn a_range_is_one_figure_and_a_setting_set_is_no_result() {
    let range = score_story(&Story {
        metrics: vec![metric(
            "time to recover from an instance failure",
            "2h (actual outage)",
            "62-75 s across 4 drills",
        )],
        ..Story::default()
    })
    .dimensions
    .numbers;
    assert!(gives(&range, "2h -> 62-75 s"), "{range:?}");

    let heap = score_text(
        "As part of our search capacity improvement initiative, I raised the Elasticsearch heap \
         from 31 GB to 40 GB on all data nodes.",
    )
    .dimensions
    .numbers;
    assert!(!cites(&heap, "before_after"), "{heap:?}");
    let retries = score_text(
        "The proxy had retries 3 on the search backend. I lowered retries to 1 and reloaded it.",
    )
    .dimensions
    .numbers;
    assert!(!cites(&retries, "before_after"), "{retries:?}");
    assert!(!gives(&retries, "a result, but without"), "{retries:?}");
    // A result the sentence measures still counts.
    let latency = score_text("Search p99 latency dropped from 3 s to 40 ms.")
        .dimensions
        .numbers;
    assert!(cites(&latency, "before_after"), "{latency:?}");
}

#[test]
fn a_section_on_the_speakers_part_is_read_for_what_lasts() {
    let star = score_text(
        "Situation: I joined the platform team at a fintech.\n\n\
         Task: I led SLO adoption for the internal API platform, starting with our gateway.\n\n\
         Action: I wrote SLIs for the gateway.",
    )
    .dimensions
    .systemic_change;
    assert!(
        gives(&star, "adoption for the internal api platform"),
        "{star:?}"
    );
    // A structured story's role field still says who the speaker was.
    let role = score_story(&Story {
        role: "I led SLO adoption for the internal API platform.".into(),
        ..Story::default()
    })
    .dimensions
    .systemic_change;
    assert_eq!(role.score, 0, "{role:?}");
}

#[test]
fn a_thing_made_told_in_the_present_has_shipped() {
    let present = score_text(
        "The replica lag grew to 25 minutes every evening. I set replica_parallel_workers to 8. \
         We also make a dashboard for the lag.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&present, "(dashboard)"), "{present:?}");
    // Not a thing made by no one: "the StatefulSet made a fresh volume".
    let made = score_text(
        "I deleted the PVC and the pod so the StatefulSet made a fresh volume in another zone.",
    )
    .dimensions
    .systemic_change;
    assert_eq!(made.score, 0, "{made:?}");
}

#[test]
fn changes_told_before_harm_begins_set_it_up() {
    let set_up = score_text(
        "Last quarter I drove a platform standardization effort for deployments. I moved 40 \
         services onto a single shared GitLab CI deploy template and added a mandatory 5-minute \
         job timeout as a cost guardrail. A week after rollout, the search-api release got \
         stuck and every new deploy failed. We ran helm rollback and rolled forward by hand.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&set_up, "timeout"), "{set_up:?}");
    assert!(!gives(&set_up, "ci"), "{set_up:?}");
    // A change made after the harm still counts.
    let after = score_text(
        "At 09:40 the order API started timing out on publish. I raised the watermark and \
         rolled back the consumer deploy. Afterwards I added an alert on per-queue depth \
         growth.",
    )
    .dimensions
    .systemic_change;
    assert!(cites(&after, "detection"), "{after:?}");
}

#[test]
fn what_holds_from_now_on_in_the_passive_and_an_alert_set() {
    let capped = score_text(
        "Our CI hosts kept running out of space on /tmp and builds were failing. I moved /tmp \
         to a tmpfs with size=8G, so it is capped and wiped on every reboot.",
    )
    .dimensions
    .systemic_change;
    assert!(capped.score >= 2, "{capped:?}");
    let alert = systemic_in_field("Finally I set the disk usage alert threshold to 85%.");
    assert!(cites(&alert, "detection"), "{alert:?}");
}

#[test]
fn a_change_to_come_or_under_way_is_a_plan() {
    let future = systemic_in_field(
        "All renames will go through moved blocks from now on. prevent_destroy is being \
         rolled out on every critical resource.",
    );
    assert_eq!(future.score, 1, "{future:?}");
    assert!(gives(&future, "not shipped"), "{future:?}");
    // "now" said of how things run is in place.
    let now = systemic_in_field("A CI check now rejects any rename without a moved block.");
    assert!(now.score >= 3, "{now:?}");
}

#[test]
fn a_problem_that_went_away_was_fixed_not_prevented() {
    let went_away = score_text(
        "A container of ours kept failing with fork: Resource temporarily unavailable. \
         Zombie processes from a healthcheck hit the pids limit. I added tini as PID 1 \
         (docker run --init) and it went away.",
    )
    .dimensions
    .systemic_change;
    assert_eq!(went_away.score, 0, "{went_away:?}");
    let talk = score_text(
        "We had a CORS problem after a backend change and the frontend did not talk to the API.",
    )
    .dimensions
    .systemic_change;
    assert_eq!(talk.score, 0, "{talk:?}");
}

#[test]
fn a_sentence_opening_a_list_is_no_heading() {
    let options = score_text(
        "Node 2 went over its vm_memory_high_watermark of 0.4 and publishers blocked.\n\n\
         I had two options: raise the watermark or purge label-render. Purging meant losing \
         label jobs, so I raised the watermark with rabbitmqctl set_vm_memory_high_watermark \
         0.6 and asked the owner to roll back the consumer deploy.",
    )
    .dimensions
    .fix;
    assert!(cites(&options, "concrete_change"), "{options:?}");
}

#[test]
fn the_call_made_in_free_text_tells_the_fix_too() {
    let decisions = score_text(
        "Summary. Pods on 14 nodes failed DNS lookups because the conntrack tables were full.\n\n\
         Decisions. The options were to raise nf_conntrack_max or roll back the event-forwarder. \
         The IC raised nf_conntrack_max to 1048576 on the affected nodes as a stopgap, then we \
         rolled back the event-forwarder DaemonSet.",
    )
    .dimensions
    .fix;
    assert!(cites(&decisions, "concrete_change"), "{decisions:?}");
}

#[test]
fn times_said_in_words_after_a_bound_are_figures() {
    let second = score_text(
        "After that the longest GC pause was under a second, against 35 seconds before.",
    )
    .dimensions
    .numbers;
    assert!(cites(&second, "before_after"), "{second:?}");
    let half = score_text(
        "Ingestion lag at the evening peak, which used to sit around 15 minutes, is now \
         consistently under half a minute.",
    )
    .dimensions
    .numbers;
    assert!(cites(&half, "before_after"), "{half:?}");
    // How long harm lasted stays blast radius's, read in its own words.
    let hour = score_text("API latency went up for about an hour.").dimensions;
    assert!(!cites(&hour.numbers, "before_after"), "{hour:?}");
}

#[test]
fn compound_durations_and_first_then_now() {
    let compound = score_text("MTTR went from 2h 40m to 45m.")
        .dimensions
        .numbers;
    assert!(gives(&compound, "2h 40m -> 45m"), "{compound:?}");
    let restore = score_text(
        "The largest restore took 11 hours on the first attempt; after moving to \
         process-max=8 it takes 2 hours 40 minutes.",
    )
    .dimensions
    .numbers;
    assert!(
        gives(&restore, "11 hours -> 2 hours 40 minutes"),
        "{restore:?}"
    );
    let down = score_text(
        "We re-ran the test two weeks later: errors lasted ~15 s on all four services, down \
         from 20 minutes on the worst two.",
    )
    .dimensions
    .numbers;
    assert!(gives(&down, "20 minutes -> 15 s"), "{down:?}");
    let said_aloud = score_text("But the hit rate climbed from like 20% to 85% within minutes.")
        .dimensions
        .numbers;
    assert!(gives(&said_aloud, "20% -> 85%"), "{said_aloud:?}");
}

#[test]
fn harm_told_as_pairs_is_impact_not_a_result() {
    for text in [
        "Impact: ClientTLSNegotiationErrorCount on the load balancer went from 0 to about \
         14,000 per hour.",
        "After the 2.14 release, outbound connections per second went from 300 to 4,000.",
        "- Primary changes: 0 → 14 in one hour",
        "- Connections: 4k (normal) -> ~19k",
        "Over the incident 9,400 confirmation emails were delayed by up to 70 minutes.",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(numbers.score <= 1, "{text}: {numbers:?}");
        assert!(!cites(&numbers, "before_after"), "{text}: {numbers:?}");
    }
    for text in [
        "The new policy tightened the maximum connections per upstream cluster from 1,024 to 128.",
        "So I owned the 1.21 → 1.22 upgrade for the commerce clusters.",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(!cites(&numbers, "before_after"), "{text}: {numbers:?}");
    }
    // A result that improved in the same words still counts.
    let result = score_text("After the fix, errors per hour went from 14,000 to 20.")
        .dimensions
        .numbers;
    assert!(cites(&result, "before_after"), "{result:?}");
}

#[test]
fn vs_with_a_stop_and_a_noted_call_in_the_call_section() {
    let noted = score_text(
        "- Call: buy extra data packs (minutes, recurring cost) vs. wait for a fix to cut \
         usage (hours, everyone blocked). Bought packs to unblock, accepted roughly one extra \
         month of cost.",
    )
    .dimensions
    .decision;
    assert!(gives(&noted, "the call (bought)"), "{noted:?}");
    assert!(gives(&noted, "the option not taken (vs)"), "{noted:?}");
    assert!(noted.score >= 3, "{noted:?}");
}

#[test]
fn statuses_versions_and_settings_are_no_figures_of_the_incident() {
    for text in [
        "At about 09:12 our registry started returning 502s and I got paged.",
        "The gateway answers 429 Too Many Requests with a Retry-After header.",
        "We started the failover runbook for our Kubernetes 1.27 clusters.",
        "Older kernels default max_user_watches to 8192.",
        "At the nearfull ratio, 0.85 by default, Ceph warns.",
        "We had one build server. One day it was down because of a disk problem.",
        "Everyone on the team is on call for a full week, 24/7.",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert_eq!(numbers.score, 0, "{text}: {numbers:?}");
    }
    // A figure of the incident beside them still counts.
    let impact = score_text("Our registry returned 502s for 40 minutes.")
        .dimensions
        .numbers;
    assert_eq!(impact.score, 1, "{impact:?}");
    assert!(gives(&impact, "a figure of the incident"), "{impact:?}");
}

#[test]
fn where_a_figure_was_measured_is_no_setting() {
    let start = score_text("Median pod start on new nodes went from 7 minutes to 55 seconds.")
        .dimensions
        .numbers;
    assert!(gives(&start, "7 minutes -> 55 seconds"), "{start:?}");
    let pool = score_text("We raised the pool size on the primary from 20 to 50.")
        .dimensions
        .numbers;
    assert!(!cites(&pool, "before_after"), "{pool:?}");
}

#[test]
fn a_result_then_what_it_used_to_be_after_a_stop_or_a_dash() {
    for (text, pair) in [
        (
            "The same string now fails in about 0.02 ms; it used to pin a core for 40 seconds.",
            "40 seconds -> 0.02 ms",
        ),
        (
            "The same string now fails in about 0.02 ms \u{2014} it used to pin a core for \
             40-odd seconds.",
            "40-odd seconds -> 0.02 ms",
        ),
        (
            "Median time to acknowledge was around 25 minutes. After 2 months the median time \
             to acknowledge became 6 minutes.",
            "25 minutes -> 6 minutes",
        ),
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(gives(&numbers, pair), "{text}: {numbers:?}");
    }
    // How it broke is no result: "became" with nothing placing it after.
    let broke =
        score_text("Heap sizes were around 16 GB. Above 32 GB object references became 8 bytes.")
            .dimensions
            .numbers;
    assert!(!cites(&broke, "before_after"), "{broke:?}");
}

#[test]
fn open_action_items_and_things_left_as_they_were_are_no_lasting_change() {
    let items = score_text(
        "The flag SDK fell back to its code defaults for 40 minutes.\n\nAction items.\n\
         - AI-1: Review code defaults of payment-related flags. Owner: Payments. Status: open.\n\
         - AI-2: Evaluate a readiness gate on flag initialization. Owner: Platform. Status: open.",
    )
    .dimensions
    .systemic_change;
    assert!(items.score <= 1, "{items:?}");
    assert!(!gives(&items, "changed for good"), "{items:?}");
    for text in [
        "We\u{2019}re meaning to add a config check so nobody bumps that value again.",
        "Follow-ups: None. The ticket was closed, and the VMs are configured the same as they \
         were before.",
    ] {
        let lasting = systemic_in_field(text);
        assert!(lasting.score <= 1, "{text}: {lasting:?}");
    }
    // "of now" is no time after the incident.
    let now = score_text(
        "Every assertion the IdP signed carried an expiry five minutes after its own idea of \
         now, so logins failed for an hour.",
    )
    .dimensions
    .systemic_change;
    assert_eq!(now.score, 0, "{now:?}");
}

#[test]
fn a_review_that_deletes_alerts_and_a_default_changed_are_lasting() {
    let review = score_text(
        "I also set up a 30-minute review every Monday with the outgoing and incoming on-call, \
         where we go through every page from the past week and decide whether each alert \
         stays, gets tuned or gets deleted.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&review, "changed for good"), "{review:?}");
    let default = systemic_in_field("We changed the default for card-payments-enabled to true.");
    assert!(gives(&default, "changed for good (default)"), "{default:?}");
}

#[test]
fn timeouts_counted_as_a_share_and_a_figure_back_where_it_was() {
    let timeouts = score_text("DNS timeouts went from 2.4% at peak to 0.003%.")
        .dimensions
        .numbers;
    assert!(gives(&timeouts, "2.4% -> 0.003%"), "{timeouts:?}");
    let setting = score_text("We cut the timeout from 30s to 5s.")
        .dimensions
        .numbers;
    assert!(!cites(&setting, "before_after"), "{setting:?}");
    let back = score_text(
        "From 09:10 to 13:40, 27% of Android sessions failed the TLS handshake. We fixed the \
         chain. Android handshake failures are back at 0.05%.",
    )
    .dimensions
    .numbers;
    assert!(gives(&back, "27% -> 0.05%"), "{back:?}");
}

#[test]
fn what_a_result_is_set_against_may_stand_a_few_words_off() {
    for (text, pair) in [
        (
            "In the three incidents since, responders paged the right teams within 5 minutes, \
             against an average of about 40 minutes in the year before.",
            "40 minutes -> 5 minutes",
        ),
        (
            "In a game day, detection took under 3 minutes via the agent-restart alert, against \
             21 minutes via the SLO alert on the day.",
            "21 minutes -> 3 minutes",
        ),
        (
            "Tickets per SEV1 went from roughly 2,400 on that first incident to about 900 on \
             average.",
            "2,400 -> 900",
        ),
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(gives(&numbers, pair), "{text}: {numbers:?}");
    }
    for text in [
        "We gave it a 250 GB volume instead of the 100 GB one.",
        "Availability was 97% against our usual 99%.",
    ] {
        let numbers = score_text(text).dimensions.numbers;
        assert!(!cites(&numbers, "before_after"), "{text}: {numbers:?}");
    }
}

#[test]
fn practices_named_in_a_keyword_list_are_hardening_with_no_content() {
    let listed = score_text(
        "Handled the Kafka lag incident. Consumer lag, rebalancing, partitions, offsets, \
         Burrow, Grafana, runbooks, chaos engineering, game days, blameless postmortems, SLOs.",
    )
    .dimensions
    .systemic_change;
    assert!(listed.score >= 1, "{listed:?}");
    assert!(gives(&listed, "keyword list"), "{listed:?}");
    let tools_only = score_text(
        "Handled the Kafka lag incident. Consumer lag, rebalancing, partitions, offsets, \
         Burrow, Grafana, JMX, Prometheus, Kubernetes, Helm, Terraform.",
    )
    .dimensions
    .systemic_change;
    assert_eq!(tools_only.score, 0, "{tools_only:?}");
    // A story repeated is no keyword list: it earns nothing more.
    let story = "The nightly export filled the disk and the API went read-only for an hour. \
                 I cleared the old exports and restarted it.";
    let twice = score_text(&format!("{story} {story}"))
        .dimensions
        .systemic_change;
    assert_eq!(twice.score, 0, "{twice:?}");
}

#[test]
fn a_lesson_told_as_advice_is_no_lasting_change() {
    let advice = score_text(
        "- load test ran against prod by mistake\n- the script had the wrong base URL\n\
         - we stopped the test\n- lesson learned: always double check the target before you hit run",
    )
    .dimensions
    .systemic_change;
    assert_eq!(advice.score, 0, "{advice:?}");
    let built = score_text(
        "- load test ran against prod by mistake\n- the script had the wrong base URL\n\
         - we stopped the test\n- lesson learned: we now run a preflight check in CI that \
         rejects any load test whose target is a production host",
    )
    .dimensions
    .systemic_change;
    assert!(built.score >= 2, "{built:?}");
    assert!(gives(&built, "changed for good"), "{built:?}");
}

#[test]
fn a_fix_that_worked_an_option_weighed_and_an_adverb_are_no_lasting_change() {
    for text in [
        "The service used many threads and the CPU limit was low, so Kubernetes throttled it. \
         We removed the CPU limit from the deployment and now it is better, the latency is ok.",
        "Password reset emails went to spam for a day. We contacted the provider, they moved us \
         to another IP pool and it was fine after that.",
    ] {
        let lasting = score_text(text).dimensions.systemic_change;
        assert_eq!(lasting.score, 0, "{text}: {lasting:?}");
    }
    let kept = score_text(
        "The CPU limit was too low, so Kubernetes throttled the service. We removed the limit. \
         Since then an admission policy rejects any deployment with a CPU limit under 2 cores.",
    )
    .dimensions
    .systemic_change;
    assert!(kept.score >= 2, "{kept:?}");
    let adverb = score_text(
        "Afterwards I added PgBouncer in transaction mode to the staging environment so it \
         behaves like production. It certainly catches this class of thing now.",
    )
    .dimensions
    .systemic_change;
    assert!(
        adverb.evidence.iter().all(|e| e.text != "certainly"),
        "{adverb:?}"
    );
    assert!(
        adverb.evidence.iter().any(|e| e.text == "PgBouncer"),
        "{adverb:?}"
    );
    let option = score_text(
        "Option one: flip the whole group to on-demand. Option two: add on-demand capacity in \
         smaller batches across more instance types. I went with two, and the fleet was back \
         to full size in 25 minutes.",
    )
    .dimensions
    .systemic_change;
    assert_eq!(option.score, 0, "{option:?}");
    // "project-management" names a product, not a project the speaker led.
    let compound = score_text(
        "We ran a project-management SaaS with the primary in us-east-1 and a read replica in \
         eu-west-1. New EU users got not-found errors after signup until I pinned their reads \
         to the primary.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&compound, "project"), "{compound:?}");
}

#[test]
fn a_label_for_what_lasts_counts_inside_a_paragraph() {
    for text in [
        "Results: dropped packets went from about 2,000 a minute at peak to zero. Lasting \
         changes: an alert on NAT allocation failures per gateway.",
        "The job ran fine after the restart. Follow-ups: an alert on NAT allocation failures \
         per gateway.",
    ] {
        let lasting = score_text(text).dimensions.systemic_change;
        assert!(lasting.score >= 2, "{text}: {lasting:?}");
        assert!(
            lasting.evidence.iter().any(|e| e.text == "alert"),
            "{text}: {lasting:?}"
        );
    }
}

#[test]
fn what_a_change_made_will_do_is_no_wish() {
    let made = score_text(
        "Afterwards we changed those VMs to makestep 1 -1 so chronyd will step any time, and \
         there's a resume hook that runs a burst and then a makestep.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&made, "changed for good"), "{made:?}");
    let wished = score_text("We should move the jobs to UTC so they will run once.")
        .dimensions
        .systemic_change;
    assert!(
        wished
            .evidence
            .iter()
            .all(|e| e.why.contains("not shipped")),
        "{wished:?}"
    );
}

#[test]
fn what_the_situation_or_background_says_is_how_things_stood() {
    let text = "Background: As part of a clean-up programme we standardised cache maintenance. \
                A runbook automation now runs nightly and clears stale keys on every Redis \
                endpoint.\nWhat happened: the automation flushed the shared Redis that also \
                held the job queue, and 40,000 queued jobs were lost.\nFix: I restored the \
                queue from the last snapshot.";
    let lasting = score_text(text).dimensions.systemic_change;
    assert_eq!(lasting.score, 0, "{lasting:?}");
    // The same sentence told after the incident is what lasts.
    let after = score_text(
        "What happened: a script flushed the shared Redis that also held the job queue.\n\
         Follow-ups: a runbook automation now runs nightly and checks that no queue lives on \
         a cache instance.",
    )
    .dimensions
    .systemic_change;
    assert!(after.score >= 2, "{after:?}");
}

#[test]
fn a_label_with_a_note_in_brackets_is_read_by_its_note() {
    let story = |label: &str| {
        score_text(&format!(
            "Summary: search was down for 95 minutes for 38% of requests.\n\n{label}: \
             anonymous search responses are cacheable at the CDN for 60 s; per-IP rate \
             limits on /search; an alert on Elasticsearch search rejections.\n"
        ))
        .dimensions
        .systemic_change
    };
    // The note makes all three lines changes made. How high the section
    // scores is the model's: a terse section of concrete changes that it
    // sets two levels below the rules' 4 is rated 0.94 on average on the
    // training split, so only "more than a plan" is asked of it here.
    let done = story("Corrective actions (completed)");
    assert!(done.score >= 2, "{done:?}");
    assert_eq!(
        done.evidence
            .iter()
            .filter(|e| e.why.contains("changed for good"))
            .count(),
        3,
        "{done:?}"
    );
    for open in [
        "Follow-ups (planned)",
        "Action items (open)",
        "Remediation (not started)",
    ] {
        let planned = story(open);
        assert!(planned.score < done.score, "{open}: {planned:?}");
        assert!(!gives(&planned, "changed for good"), "{open}: {planned:?}");
        assert!(gives(&planned, "not shipped"), "{open}: {planned:?}");
    }
}

#[test]
fn what_runs_afterwards_told_in_the_present_lasts() {
    let incident = "The gateway dropped 22% of connections for 12 minutes. I raised somaxconn \
                    on the live nodes and restarted the gateway in batches.\n\n";
    for after in [
        "Afterwards the launch checklist staggers push notifications over 10 minutes.",
        "Afterwards somaxconn=8192 went into the base image.",
        "We also alert on any listen overflow on an edge service.",
    ] {
        let lasting = score_text(&format!("{incident}{after}"))
            .dimensions
            .systemic_change;
        assert!(gives(&lasting, "changed for good"), "{after}: {lasting:?}");
    }
    // Told inside the incident, the same words are the story, not what lasts.
    let during = score_text(
        "Afterwards I restarted the gateway in batches, and the errors stopped. It was a big \
         step forward.",
    )
    .dimensions
    .systemic_change;
    assert_eq!(during.score, 0, "{during:?}");
}

#[test]
fn harm_that_stopped_work_is_no_evidence_a_change_works() {
    let text = "I led the move of sshd settings into a single Salt state for all 2,400 hosts, \
                with a shared template and a review process. It was a big step forward. When \
                it went out in the weekly highstate it set AllowGroups to a group the older \
                hosts lacked, and sshd denied every login, including our automation accounts. \
                Deploys stopped for about four hours. We reverted the state and ran the \
                highstate again.";
    let lasting = score_text(text).dimensions.systemic_change;
    assert!(!gives(&lasting, "works"), "{lasting:?}");
    assert!(lasting.score <= 2, "{lasting:?}");
}

#[test]
fn talking_about_a_change_now_is_still_a_wish() {
    let talk = score_text(
        "It's 14:05 and our probes show packet loss to South America. The best path now goes \
         through a network that has never shown up there. I write an as-path filter and the \
         loss stops. It's about 20 minutes of timeouts for 6% of API calls. We're now talking \
         about adding BGP monitoring so next time we hear it from an alert.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&talk, "changed for good"), "{talk:?}");
    assert!(gives(&talk, "not shipped"), "{talk:?}");
}

#[test]
fn a_change_taken_away_again_did_not_last() {
    let pilot = "- Context: 3 high-traffic services, ~60 deploys/week between them\n\
                 - My role: proposed and ran a 6-week pilot of automated canary analysis; wrote \
                 the pipeline stage and the analysis config myself\n\
                 - Design: each deploy starts a canary and a fresh baseline, compared on 5xx rate \
                 and p99 latency\n\
                 - Tuned the failure threshold after week 1: first version flagged 6 of 20 healthy \
                 deploys\n\
                 - Results during the pilot: 4 bad deploys auto-rolled back at the canary stage; \
                 median detection went from ~20 min to ~8 min\n";
    let kept = score_text(&format!(
        "{pilot}- Since then the stage runs on every deploy of the three services\n"
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&kept, "changed for good"), "{kept:?}");
    let ended = score_text(&format!(
        "{pilot}- Pilot ended when I moved teams; the stage was removed from the pipelines and \
         deploys went back to the manual 10% canary\n"
    ))
    .dimensions
    .systemic_change;
    assert!(!gives(&ended, "changed for good"), "{ended:?}");
    assert!(ended.score < kept.score, "{ended:?} against {kept:?}");
}

#[test]
fn a_guardrail_ending_an_experiment_is_no_change_taken_away() {
    let game_days = "I started our quarterly chaos game days, where I was a senior SRE on the \
                     reliability team. Each one has a hypothesis written beforehand and one \
                     person holding the abort button; we inject AZ faults with AWS FIS, with \
                     stop conditions tied to the checkout error-rate alarm. Of 23 findings \
                     across five game days, 19 are fixed.";
    let guarded = score_text(&format!(
        "{game_days} One game day did cause a 90-second blip on a partner API, and the stop \
         condition ended the experiment on its own."
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&guarded, "for good"), "{guarded:?}");
    assert!(guarded.score >= 2, "{guarded:?}");
    // Ended by the people who ran it: the practice did not last.
    let ended = score_text(&format!(
        "{game_days} After the blip leadership ended the experiment, and we have not run one since."
    ))
    .dimensions
    .systemic_change;
    assert!(!gives(&ended, "for good"), "{ended:?}");
    assert!(ended.score < guarded.score, "{ended:?} against {guarded:?}");
}

#[test]
fn best_practice_told_in_general_is_a_wish_not_a_change_made() {
    // The textbook answer: what one ought to do, no incident, nothing built.
    let text = "When a site-to-site VPN goes down, the first step is to check the tunnel status \
                on both ends and read the IKE logs. Best practice is to always configure both \
                tunnels the provider offers and run BGP over them so traffic fails over \
                automatically, and to alarm on the state of each tunnel.";
    let lasting = score_text(text).dimensions.systemic_change;
    assert!(!gives(&lasting, "for good"), "{lasting:?}");
    assert!(lasting.score <= 1, "{lasting:?}");
    // Done by the speaker, the same mechanism is a change that shipped.
    let done = score_text(
        "Our VPN to the cloud provider went down for 40 minutes and took the order sync with \
         it. Since then we run BGP over both tunnels the provider offers, so traffic fails over \
         automatically, and an alarm pages on the state of each tunnel.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&done, "for good"), "{done:?}");
    assert!(done.score > lasting.score, "{done:?} against {lasting:?}");
}

#[test]
fn the_incidents_own_mitigation_is_no_evidence_a_change_works() {
    // c47-007 of the corpus: the rollback "stopped the bleeding".
    let text = "Last year our organisation finally switched off TLS 1.0 and 1.1 on the public API, which had sat on the security team's roadmap for ages. I was the engineer who made the change on the load balancer: I swapped the listener's security policy for one that only negotiates TLS 1.2 and 1.3. We had announced it to customers three months ahead.\n\nWhat we hadn't properly catalogued was a fleet of older handheld barcode scanners used by two of our logistics customers in their warehouses. They ran an old Android build whose HTTP client only offered TLS 1.0, and the moment the policy changed they started failing the handshake. Warehouse staff just saw 'connection error' and couldn't book in deliveries for most of a morning shift, roughly 400 devices across six sites.\n\nI rolled the policy back on that listener within about an hour, once the account manager rang us, which stopped the bleeding. Then, rather than keep the whole API on old protocols for two customers, we stood up a separate hostname with its own listener on the legacy policy, restricted to those customers' source IP ranges, and pointed the scanners at it with a configuration push. The main API went back to TLS 1.2 minimum a week later.\n\nThe lesson I took away: look at the access logs for the negotiated protocol version before changing anything. The legacy endpoint is still there; the customers are meant to be replacing the scanners this year.";
    let lasting = score_text(text).dimensions.systemic_change;
    assert!(!gives(&lasting, "works"), "{lasting:?}");
}

#[test]
fn follow_ups_put_off_are_no_change() {
    let story = |follow_ups: &str| {
        score_text(&format!(
            "Impact: for 55 minutes 38% of checkout attempts failed in the UK.\n\
             Fix: I switched checkout to authorise-later with an existing feature flag.\n\
             Follow-ups: {follow_ups}\n"
        ))
        .dimensions
        .systemic_change
    };
    let done = story("we added a synthetic probe that pages when provider latency passes 2 s.");
    assert!(gives(&done, "changed for good"), "{done:?}");
    let put_off = story("None yet; the review got pushed back after the sale.");
    assert!(!gives(&put_off, "changed for good"), "{put_off:?}");
    assert!(!gives(&put_off, "a change, but vague"), "{put_off:?}");
    assert!(put_off.score < done.score, "{put_off:?}");
}

#[test]
fn what_a_project_ended_up_building_is_what_lasts() {
    // c48-025 of the corpus: "What we ended up building ... was three parts."
    let text = "OK so this is a longer one, and it's kind of a project more than an incident, but it started with an incident, so let me give you the background. I was at a fintech, a lending platform, Postgres 12 at the time, maybe a 4 TB primary, and we had this setup where the Rails app ran migrations as part of the deploy, just rails db:migrate in a pre-deploy job, and it mostly worked. Until one day somebody added an index on the loan_payments table without CONCURRENTLY, and a plain CREATE INDEX takes a SHARE lock, which blocks writes, for, I think it was 11 minutes, and payment processing basically stopped. Actually it was worse than that, because the pre-deploy job had a timeout and it got killed and retried, so it happened twice. Anyway, that's the trigger.\n\nSo my manager asked me to look at 'making migrations safe', which was very vague, and I spent the first few weeks honestly just reading: the strong_migrations gem, how other companies did it, the Postgres docs on which lock each form of ALTER TABLE takes. The thing that really surprised me was lock queueing. Even an ALTER that only needs its ACCESS EXCLUSIVE lock for a millisecond will wait behind a long-running SELECT, and while it waits, every other query on that table queues behind it. So a 'fast' migration can still cause an outage if some analytics query happens to be running at that moment. That was the key insight for the design, I think.\n\nWhat we ended up building, me and one other engineer, Ruth, over about a quarter, was three parts. First, strong_migrations in the app, so the unsafe stuff, like adding an index without CONCURRENTLY, changing a column type, adding a NOT NULL constraint directly, fails in CI with an explanation of the safe way to do it. Second, a wrapper around the migration runner that sets lock_timeout to a few seconds and a statement_timeout per migration, and retries with backoff if it can't get the lock, up to a limit, and then fails the deploy cleanly instead of sitting in the lock queue. Third, and this took the longest, helpers for the expand/contract pattern, like adding a check constraint as NOT VALID and then validating it separately, which only needs a weaker lock, and backfills in batches of 10k rows with sleeps so the replicas don't fall behind.\n\nThere was a debate about whether to take migrations out of the deploy entirely and make them a separate step a human triggers. Some people liked that because you get a person watching it. I pushed back, because in my experience the manual step becomes the bottleneck and people start batching changes, which makes each one riskier. So we kept them in the deploy but with the timeouts. I'm still not 100% sure that was right, to be honest, there are arguments both ways.\n\nAs for results, I don't have exact numbers in my head, but we didn't have another migration-related lock incident in the year and a half I was still there, and developers complained a lot less because we got rid of the Friday migration freeze. Oh, and one side thing, we found a bunch of foreign keys without indexes while doing all this, but that's a whole other story.";
    let lasting = score_text(text).dimensions.systemic_change;
    assert!(gives(&lasting, "changed for good"), "{lasting:?}");
    assert!(lasting.score >= 3, "{lasting:?}");
}

#[test]
fn a_mechanism_used_again_or_triggered_by_another_is_read_for_what_it_is() {
    // A process used again is no change made.
    let used = score_text(
        "We moved tenant rate limits to a shared Redis limiter through our normal change \
         process, and large tenants got 429s because the per-pod value carried over. I changed \
         the tenant limit from 500 to 5000 and the 429s stopped. We've used the same staged \
         rollout for two more limiter changes since then without any problems.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&used, "changed for good"), "{used:?}");
    // "Jobs triggered by webhooks" says how a mechanism starts, not harm done.
    let led = score_text(
        "We had about 40 runbooks in Confluence, most of them out of date. I led the effort to \
         turn the top few into automated remediation: Rundeck jobs triggered by Alertmanager \
         webhooks.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&led, "changed things for good"), "{led:?}");
}

#[test]
fn what_a_mechanism_does_these_days_is_in_place() {
    let text = "It's a Wednesday and I'm on call. Calls to pricing-api start timing out for 40% \
                of the EU warehouses, because the DNS job wrote a retired load balancer's \
                address. I stop the job's timer, delete the record with nsupdate and flush the \
                EU resolvers.\n\nThese days the job only publishes relationships whose status \
                is active, refuses any run that would change more than five records without a \
                human approving it, and posts every change into the team's channel.";
    let lasting = score_text(text).dimensions.systemic_change;
    assert!(gives(&lasting, "changed for good"), "{lasting:?}");
    // A check that "would" catch something, wished for, is still a wish.
    let wished = score_text(
        "It's a Wednesday and I'm on call. Calls to pricing-api start timing out for 40% of \
         the EU warehouses. I delete the record and flush the resolvers.\n\nWe should add a \
         check that would refuse any run changing more than five records.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&wished, "changed for good"), "{wished:?}");
}

#[test]
fn the_cause_at_work_and_a_cycle_that_repeats_are_not_what_lasts() {
    let blocking = score_text(
        "Our Node API got really slow because someone used crypto.scryptSync in the login \
         route, which blocks the event loop for every request. We switched it to the async \
         scrypt and it was fine.",
    )
    .dimensions
    .systemic_change;
    assert_eq!(blocking.score, 0, "{blocking:?}");
    let cycle = score_text(
        "- Node.js service, memory creeping up until OOMKilled, then repeat\n\
         - I took heap snapshots on a canary pod and compared them\n\
         - Fix: delete the entry in res.on('close')\n",
    )
    .dimensions
    .systemic_change;
    assert_eq!(cycle.score, 0, "{cycle:?}");
    // Said of the time after, "no repeat" still places a change after.
    let held = score_text(
        "Memory crept up until the pods were OOMKilled. I fixed the leak in the request map. \
         We added an alert on heap growth per pod, and there has been no repeat since.",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&held, "changed for good"), "{held:?}");
}

#[test]
fn a_change_followed_by_service_settling_is_the_fix() {
    let text = "Pods of our exchange-rate service were OOMKilled every 6 hours for a week, \
                because the client leaked a connection on every 503. I added defer \
                resp.Body.Close() on every path and switched to a client with a 5-second \
                Timeout. Restarts went from about 4 per pod per day to zero.";
    let lasting = score_text(text).dimensions.systemic_change;
    assert!(!gives(&lasting, "changed for good"), "{lasting:?}");
}

#[test]
fn a_setting_nobody_touched_since_is_no_change_that_lasts() {
    let told = |opening: &str| {
        score_text(&format!(
            "{opening} And one night it hit the ceiling: free storage went to zero and the \
             orders API failed 60% of writes for 90 minutes. I raised the maximum and paused \
             the backfill that was filling the disk."
        ))
        .dimensions
        .systemic_change
    };
    // How things stood before the outage, and stayed: not a change made.
    let setting =
        told("We had Postgres on RDS with storage autoscaling, and nobody touched it since.");
    assert_eq!(setting.score, 0, "{setting:?}");
    let no_one =
        told("We had Postgres on RDS with storage autoscaling, and no one revisited it since.");
    assert_eq!(no_one.score, 0, "{no_one:?}");
    // A change made after the outage, in place since, still counts.
    let made = told(
        "We had Postgres on RDS with storage autoscaling. Since then an alert pages us at 80% \
         of the autoscaling maximum.",
    );
    assert!(made.score >= 2, "{made:?}");
}

/// The start of an incident story, for the systemic-change cases below.
const A_502_INCIDENT: &str = "The payments API returned 502s for 40 minutes after a deploy. \
    I was on call; I rolled the release back and found the connection pool had been cut from \
    200 to 20.";

#[test]
fn a_modal_in_what_the_speaker_made_is_no_wish() {
    // "would" says what the check does, inside the thing made.
    let made = systemic_in_field(
        "I added a policy check to our Terraform pipeline that fails a plan if reserved \
         concurrency would leave less than 30% unreserved.",
    );
    assert_eq!(made.score, 3, "{made:?}");
    assert!(gives(&made, "changed for good (policy)"), "{made:?}");
    // A document asking for it, or a wish from the start, is still a wish.
    for wish in [
        "I wrote a proposal that we would add a policy check to the Terraform pipeline.",
        "We should have added a check that would fail the plan.",
    ] {
        let d = systemic_in_field(wish);
        assert!(d.score <= 1, "{wish}: {d:?}");
        assert!(gives(&d, "proposed, not shipped"), "{wish}: {d:?}");
    }
}

#[test]
fn a_doubt_or_talk_about_a_wish_leaves_the_change_beside_it_shipped() {
    let cases = [
        // "not sure that happened" doubts the load testing, not the alert.
        (
            "Afterwards we added an alert on the session count at 80% of maxconn. And we said \
             we should do load testing before the next promotion, I'm honestly not sure that \
             happened.",
            "changed for good (alert)",
        ),
        // "we agreed an escalation path" is talk in a clause of its own.
        (
            "Afterwards we built Grafana dashboards showing the budget remaining, and we agreed \
             an escalation path to the head of engineering.",
            "changed for good (dashboards)",
        ),
        // A comma, then the speaker and what they built: a clause of its own.
        (
            "Afterwards I ran workshops with each team, we built Grafana dashboards showing the \
             budget remaining, and we agreed an escalation path to the head of engineering.",
            "changed for good (dashboards)",
        ),
    ];
    for (lasting, why) in cases {
        let d = score_text(&format!("{A_502_INCIDENT} {lasting}"))
            .dimensions
            .systemic_change;
        assert!(gives(&d, why), "{lasting}: {d:?}");
        assert!(!gives(&d, "proposed, not shipped"), "{lasting}: {d:?}");
    }
}

#[test]
fn a_project_introduced_is_the_change_it_made() {
    let d = score_text(
        "I led the introduction of an error-budget policy for our payments organisation, about \
         six teams. Before that, reliability arguments were mostly opinions. It has worked \
         reasonably well: the first freeze happened two months in.",
    )
    .dimensions
    .systemic_change;
    assert!(
        gives(
            &d,
            "the project that changed things for good (introduction of an error"
        ),
        "{d:?}"
    );
    assert!(d.score >= 2, "{d:?}");
}

#[test]
fn a_catch_that_would_have_happened_is_no_evidence_it_works() {
    let two = "We added a CI check that rejects zone changes deleting live records, and an \
               alert on the NXDOMAIN rate.";
    let would = systemic_in_field(&format!(
        "{two} We talked about canary releases, which would have caught it."
    ));
    assert_eq!(would.score, 4, "{would:?}");
    assert!(!gives(&would, "evidence the change works"), "{would:?}");
    let did = systemic_in_field(&format!("{two} It has caught two bad pushes since."));
    assert_eq!(did.score, 5, "{did:?}");
}

#[test]
fn a_design_signed_off_with_its_rollout_ahead_is_a_proposal() {
    let design = "Health checks were a mess across our 80 services, and a database failover \
                  turned into a restart storm. So I designed our health-check standard. Every \
                  service exposes /livez and /readyz, and a policy in CI rejects any manifest \
                  whose liveness probe points at /readyz.";
    let ahead = score_text(&format!(
        "{design} The RFC was approved by the architecture group in May, and we are planning to \
         start the rollout with the payments services next quarter."
    ))
    .dimensions
    .systemic_change;
    assert!(ahead.score <= 1, "{ahead:?}");
    assert!(
        gives(&ahead, "a design approved, not yet shipped"),
        "{ahead:?}"
    );
    // Rolled out: the policy is in place.
    let done = score_text(&format!(
        "{design} The RFC was approved by the architecture group in May, and the rollout \
         finished in August."
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&done, "changed for good (policy)"), "{done:?}");
    assert!(done.score > ahead.score, "{done:?}");
}

#[test]
fn a_repeat_told_against_the_first_time_shows_the_change_works() {
    let incident = "The checkout API returned 503s for 40 minutes. I rolled back the release. \
                    Afterwards I added a CI check that rejects any config without a timeout, and \
                    an alert on queue age.";
    let works = |end: &str| {
        let d = score_text(&format!("{incident} {end}"))
            .dimensions
            .systemic_change;
        gives(&d, "evidence the change works")
    };
    assert!(works(
        "Three weeks later the consumers broke again; the queue-age alert paged in 6 minutes, \
         compared with 38 minutes the first time."
    ));
    // A test on purpose breaks nothing: "broke" is no harm done there.
    assert!(works(
        "In a June game day we broke the path on purpose and detected it in under 2 minutes, \
         against 6 hours in the incident."
    ));
    assert!(works(
        "The next rotation in September caused zero failed logins, against 30% in March."
    ));
    // The harm come back and caught by what was made.
    assert!(works(
        "Two months later a bad config broke the consumers again, and the queue-age alert \
         caught it within minutes."
    ));
    // Still the incident: "the next morning", and a figure that is no repeat.
    assert!(!works(
        "The next morning the error rate was still 2% instead of 0.1%."
    ));
    assert!(!works(
        "The error rate was 2% instead of 0.1% for the whole hour."
    ));
}

#[test]
fn a_check_that_has_since_failed_changes_shows_it_works() {
    let incident = "A bad baseline denied the workers' SQS calls for two hours. I added the two \
                    actions to the boundary. Afterwards I built a pre-merge job that replays 30 \
                    days of CloudTrail actions against every proposed boundary and fails the \
                    merge if any would be denied.";
    let works = |end: &str| {
        let d = score_text(&format!("{incident} {end}"))
            .dimensions
            .systemic_change;
        gives(&d, "evidence the change works")
    };
    assert!(works("The job has since failed two baseline changes."));
    assert!(works(
        "In its first quarter eleven bad releases were stopped at the 5% step."
    ));
    // Failing on its own is harm, not a catch.
    assert!(!works(
        "The job failed twice that week because of a timeout."
    ));
    assert!(!works("The release failed at 14:20."));
}

#[test]
fn things_made_listed_in_one_clause_are_each_a_change() {
    let listed = score_text(
        "A zone push deleted the record for our API and 12% of requests failed for 40 minutes. \
         I restored the record. Afterwards we shipped a pre-merge job that resolves every \
         critical name against the candidate zone, a canary replica that takes zone changes \
         first, and a synthetic probe that pages on any NXDOMAIN.",
    )
    .dimensions
    .systemic_change;
    let changes = listed
        .evidence
        .iter()
        .filter(|e| e.why.contains("changed for good"))
        .count();
    assert!(changes >= 3, "{listed:?}");
    // What one check looks for is not a second change: "without a timeout
    // and a retry limit".
    let one = score_text(
        "The checkout API returned 503s for 40 minutes. I rolled back the release. Afterwards I \
         added a CI check that rejects any config without a timeout and a retry limit.",
    )
    .dimensions
    .systemic_change;
    let changes = one
        .evidence
        .iter()
        .filter(|e| e.why.contains("changed for good"))
        .count();
    assert_eq!(changes, 1, "{one:?}");
}

#[test]
fn a_thing_made_weeks_later_or_after_this_is_a_change_whatever_its_name() {
    let incident = "CPU steal on the web tier hit 40% and p99 latency tripled for two hours. I \
                    moved the busiest hosts first.";
    let systemic = |end: &str| {
        score_text(&format!("{incident} {end}"))
            .dimensions
            .systemic_change
    };
    let moved = systemic("Then the next week we moved the whole tier to m5s.");
    assert!(moved.score >= 2, "{moved:?}");
    assert!(
        moved
            .evidence
            .iter()
            .any(|e| e.why.contains("changed for good") || e.why.contains("a change, but vague")),
        "{moved:?}"
    );
    let created = systemic("After this we created the private zone internal.example.com instead.");
    assert!(created.score >= 2, "{created:?}");
    // Nothing made: a denial, another team putting back what was there,
    // and no thing named.
    for end in [
        "Honestly we didn't put anything in place to stop it creeping back after this.",
        "The platform team re-enabled the old hosts the following week.",
        "The following week we moved some of them back.",
    ] {
        let none = systemic(end);
        assert_eq!(none.score, 0, "{end}: {none:?}");
    }
}

#[test]
fn not_having_tested_it_since_is_no_evidence_it_works() {
    let incident = "A CI key leaked into a job log and was used to read two buckets. I disabled the \
                    key. Afterwards we switched the pipelines to Workload Identity Federation, so \
                    CI gets short-lived credentials per job.";
    let works = |end: &str| {
        let d = score_text(&format!("{incident} {end}"))
            .dimensions
            .systemic_change;
        gives(&d, "evidence the change works")
    };
    assert!(works("We haven't had a leaked credential since."));
    assert!(!works("Honestly we haven't re-tested it since..."));
    // The same, pasted with an ellipsis character.
    assert!(!works(
        "Honestly we haven\u{2019}t re-tested it since\u{2026}"
    ));
}

#[test]
fn a_change_told_as_what_came_after_counts_whatever_its_verb() {
    let incident = "Our checkout API returned 503s for 20 minutes and 8% of orders failed. I was on \
                    call and rolled back the release.";
    let systemic = |end: &str| {
        score_text(&format!("{incident} {end}"))
            .dimensions
            .systemic_change
    };
    for end in [
        "After that we fixed the retry logic in the app so it backs off properly and adds some \
         randomness.",
        "After this we make rule that all scripts must be review by two person.",
        "- Later: job moved into the cluster with a sidecar, port exception removed",
        "Longer term we tightened up our Redis configuration and monitoring a bit.",
        "After the incident we moved the batch to the evening.",
        "After, we moved this queue to a quorum queue with delivery-limit 5 and a dead letter \
         exchange.",
    ] {
        let d = systemic(end);
        assert!(d.score >= 1 && !d.evidence.is_empty(), "{end}: {d:?}");
        assert!(!gives(&d, "wished for"), "{end}: {d:?}");
    }
    // Service coming back, and a fix with nothing named, are no change.
    for end in [
        "After that it was fine.",
        "Later the errors stopped.",
        "After that we fixed it.",
        "After, it was fine.",
    ] {
        let d = systemic(end);
        assert_eq!(d.score, 0, "{end}: {d:?}");
    }
}

#[test]
fn a_rollback_in_the_incident_is_not_a_change_undone() {
    let incident = "A rename of our hostnames made certbot ask for 600 new certificates at once, \
                    and about 140 internal tools served certificate errors for most of a day. I \
                    reverted the nginx config through Ansible, so the boxes went back to the old \
                    certificates under the old names.";
    let later = "Later we added a step to the Ansible role that checks certbot succeeded before \
                 it touches nginx.";
    let d = score_text(&format!("{incident} {later}"))
        .dimensions
        .systemic_change;
    assert!(d.score >= 2, "{d:?}");
    assert!(gives(&d, "changed for good"), "{d:?}");
    // What was built and then given up is still undone.
    let given_up = "Afterwards I built a canary stage in the pipeline for the nginx role. The \
                    pilot ended when I moved teams, and deploys went back to the manual canary.";
    let d = score_text(&format!("{incident} {given_up}"))
        .dimensions
        .systemic_change;
    assert!(!gives(&d, "changed for good"), "{d:?}");
}

#[test]
fn a_change_told_in_the_present_after_the_incident_was_made() {
    let incident = "Our auth service failed over its database and every mobile client retried at \
                    the same second, so logins failed for 9 minutes. I was on call and put a rate \
                    limit on the gateway.";
    let systemic = |end: &str| {
        score_text(&format!("{incident} {end}"))
            .dimensions
            .systemic_change
    };
    for end in [
        "Later we release new SDK version with full jitter on every retry.",
        "After, I write a small script that reads the maintenance notice from the metadata \
         server and moves the primary role before the migration.",
        "After this, the health check path comes from the same Terraform variable that the \
         application config uses, so they cannot be different anymore.",
    ] {
        let d = systemic(end);
        assert!(d.score >= 2, "{end}: {d:?}");
        assert!(gives(&d, "changed for good"), "{end}: {d:?}");
    }
    // A thought, a noun and a plan are no change made.
    for end in [
        "I still think about that whenever I see one shard behaving differently from the rest.",
        "Later the change was approved at the weekly CAB.",
        "Later we will release a new SDK with jitter.",
    ] {
        let d = systemic(end);
        assert!(!gives(&d, "changed for good"), "{end}: {d:?}");
    }
}

#[test]
fn a_project_named_before_its_word_is_the_project() {
    let project = |opening: &str| {
        score_text(&format!(
            "{opening} We had 46 RDS Postgres instances and no one had tested how the clients \
             behaved when one failed over."
        ))
        .dimensions
        .systemic_change
    };
    for opening in [
        "The improvement I'd talk about is the production failover programme I led at a \
         travel-booking company.",
        "One project I'm proud of is the failover drill programme I ran.",
    ] {
        let d = project(opening);
        assert!(
            gives(&d, "the project that changed things for good"),
            "{opening}: {d:?}"
        );
    }
    // A project with nothing said of what it worked on names nothing.
    let d = project("The improvement I'd talk about is the big programme I led last year.");
    assert!(
        !gives(&d, "the project that changed things for good"),
        "{d:?}"
    );
}

#[test]
fn proposed_and_led_is_done_not_only_asked_for() {
    let incident = "Our checkout API returned 503s for 20 minutes and 8% of orders failed. I was on \
                    call and rolled back the release that had cut the connection pool to 5.";
    let systemic = |end: &str| {
        score_text(&format!("{incident} {end}"))
            .dimensions
            .systemic_change
    };
    let led =
        systemic("After that I proposed and built a CI check that rejects any pool size under 50.");
    assert!(led.score >= 2, "{led:?}");
    assert!(
        !gives(&led, "wished for") && !gives(&led, "proposed"),
        "{led:?}"
    );
    let asked = systemic("After that I proposed a CI check that rejects any pool size under 50.");
    assert!(asked.score <= 1, "{asked:?}");
    assert!(
        gives(&asked, "proposed") || gives(&asked, "wished for"),
        "{asked:?}"
    );
}

#[test]
fn a_new_thing_deployed_is_a_change_a_new_version_is_a_release() {
    let incident = "All backends were marked down in three regions for 26 minutes because the \
                    health check queried the primary database during a reindex. I turned the \
                    health checks off.";
    let systemic = |end: &str| {
        score_text(&format!("{incident} {end}"))
            .dimensions
            .systemic_change
    };
    let endpoint =
        systemic("On the 17th we deployed a new health endpoint that doesn't touch the database.");
    assert!(endpoint.score >= 2, "{endpoint:?}");
    assert!(
        endpoint
            .evidence
            .iter()
            .any(|e| e.text.contains("endpoint")),
        "{endpoint:?}"
    );
    let release = systemic("On the 17th we deployed a new version of the API.");
    assert_eq!(release.score, 0, "{release:?}");
}

#[test]
fn what_the_speaker_made_counts_whatever_its_name() {
    let incident = "Payouts to 3,000 merchants were a day late because the ledger export \
                    silently skipped rows. I re-ran the export by hand.";
    let systemic = |end: &str| {
        score_text(&format!("{incident} {end}"))
            .dimensions
            .systemic_change
    };
    let made = systemic("Then I wrote a reconciler that compares the two ledgers every hour.");
    assert!(made.score >= 2, "{made:?}");
    // Made by no one who tells it, or a thing made by the system.
    for end in [
        "The warehouse shipped two boxes to some of them.",
        "The rows had been created by an old batch job.",
    ] {
        let d = systemic(end);
        assert_eq!(d.score, 0, "{end}: {d:?}");
    }
}

#[test]
fn a_thing_for_handling_incidents_is_not_an_incident() {
    let systemic = |text: &str| score_text(text).dimensions.systemic_change;
    for text in [
        "Last year I built the incident bot we use in Slack. It opens the channel, pages the \
         secondary and posts the service's runbook as a checklist.",
        "I set up an incident commander rotation for the platform group, with a two-page guide \
         for the role.",
    ] {
        let d = systemic(text);
        assert!(d.score >= 2, "{text}: {d:?}");
    }
    // The change that set off an incident is still no lasting change.
    let caused = systemic(
        "I rolled out the new retry policy to every service, and it caused an incident the same \
         afternoon: 12% of logins failed for 40 minutes.",
    );
    assert_eq!(caused.score, 0, "{caused:?}");
}

#[test]
fn a_setting_with_a_dotted_name_is_read_in_a_list_of_follow_ups() {
    let text = "On 12 March the billing consumer skipped seven minutes of usage events, about \
                52,000 of them, after its group ID changed. I reset the offsets and replayed \
                them.\n\nAction items:\n- Set auto.offset.reset=none for billing consumers \
                (done).\n- Add a review step for group.id changes (in progress).";
    let d = score_text(text).dimensions.systemic_change;
    assert!(d.score >= 2, "{d:?}");
    assert!(
        d.evidence.iter().any(|e| e.text == "auto.offset.reset"),
        "{d:?}"
    );
}

#[test]
fn a_mechanism_told_at_work_in_its_own_field_is_a_change() {
    // A mechanism that opens a ticket is at work, not a ticket asked for.
    let at_work = systemic_in_field(
        "Alerts at 30 and 14 days open a ticket in the owner team's queue; at 7 days it pages.",
    );
    assert!(gives(&at_work, "changed for good"), "{at_work:?}");
    assert!(!gives(&at_work, "not shipped"), "{at_work:?}");
    let asked = systemic_in_field("I opened a ticket to add an alert on certificate expiry.");
    assert!(!gives(&asked, "changed for good"), "{asked:?}");
    // A rule said with its condition is concrete.
    let rule = systemic_in_field(
        "Any new system must register a collector before it gets production access.",
    );
    assert!(gives(&rule, "changed for good"), "{rule:?}");
    assert!(!gives(&rule, "vague"), "{rule:?}");
    // "the agreed policy" is settled, not talk.
    let agreed = systemic_in_field(
        "A CI test fails if a cacheable route returns a Cache-Control header outside the agreed policy.",
    );
    assert!(gives(&agreed, "changed for good"), "{agreed:?}");
}

#[test]
fn may_the_month_is_no_wish() {
    let month = systemic_in_field(
        "In May we added a CI check that rejects any zone change deleting a live record.",
    );
    assert!(gives(&month, "changed for good"), "{month:?}");
    let wish = systemic_in_field(
        "We may add a CI check that rejects any zone change deleting a live record.",
    );
    assert!(gives(&wish, "not shipped"), "{wish:?}");
    assert!(!gives(&wish, "changed for good"), "{wish:?}");
}

#[test]
fn an_old_system_switched_off_is_a_change() {
    // Said without what took its place, it is a change, if a vague one.
    let off =
        systemic_in_field("Once most users had moved over, we switched off the old login service.");
    assert_eq!(off.score, 2, "{off:?}");
    assert!(gives(&off, "(old login service)"), "{off:?}");
    let again = systemic_in_field("We switched it off and on again.");
    assert_eq!(again.score, 0, "{again:?}");
}

#[test]
fn improved_monitoring_somewhere_is_still_vague() {
    let vague = systemic_in_field("We improved monitoring on the storage network.");
    assert!(gives(&vague, "vague"), "{vague:?}");
    assert!(!gives(&vague, "changed for good"), "{vague:?}");
    let concrete = systemic_in_field(
        "We added monitoring that pages when an iSCSI path has been down for 30 seconds.",
    );
    assert!(gives(&concrete, "changed for good"), "{concrete:?}");
}

#[test]
fn changes_told_after_the_fix_in_other_words_count() {
    let systemic = |text: &str| score_text(text).dimensions.systemic_change;
    for text in [
        // "since" between "we've" and its verb is a time, not a reason.
        "We ran a DR failover drill to the other region and failing back took six hours. \
         We've since added a fail-back step to the quarterly drill plan.",
        // "Then", once service is back.
        "Checkout hung for 40 minutes on three pods starved of CPU credits. I drained those \
         nodes and the complaints stopped. Then I changed the latency alert to fire on the \
         fleet-wide p99 above 800 ms.",
        // "To keep it that way".
        "The CDN hit ratio was 12% and the origin returned 503s for 22 minutes. I set \
         s-maxage=30 with stale-while-revalidate. To keep it that way, a CI test on the API \
         fails if a cacheable route returns Set-Cookie.",
        // Told in the present, a week on.
        "The IdP was down and the break-glass credentials sat behind SSO. The matchmaking \
         queue backed up because the node pool could not grow. I pushed the node pool change \
         through CI and the queue drained. The next week I move the break-glass credentials into sealed \
         envelopes kept in two offices.",
        // A label that turns to how what was built runs.
        "Most of our host crashes had warnings in the BMC log days before. I proposed the \
         remediation loop and led it. How it works: an agent on every hypervisor reads the \
         BMC event log, and a hard signal drains the host automatically.",
    ] {
        let s = systemic(text);
        assert!(gives(&s, "changed for good"), "{text}: {s:?}");
    }
    // A change made before service came back is the fix.
    let fix = systemic(
        "Checkout hung for 40 minutes on three pods. Then I changed the pool size to 40 and the \
         complaints stopped.",
    );
    assert!(!gives(&fix, "changed for good"), "{fix:?}");
}

#[test]
fn what_stood_before_the_incident_is_no_change() {
    let s = score_text(
        "We run the collector as a gateway, and we had tail sampling set up with a \
         five percent policy. People started saying traces were missing spans. I raised \
         num_traces from 50,000 to 200,000 and things were better.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&s, "changed for good"), "{s:?}");
}

#[test]
fn list_items_that_demote_alerts_or_set_a_rule_are_changes() {
    let s = score_text(
        "On-call load rebalancing\n\n- Problem: one engineer took 58% of night pages\n- I \
         exported 6 months of pages and broke them down by hour\n- Demoted 11 alerts that never \
         needed action to next-business-day tickets\n- New rule: half a day off after any week \
         with 3 or more night pages\n- Result: her share of night pages went from 58% to 21%",
    )
    .dimensions
    .systemic_change;
    assert!(gives(&s, "changed for good"), "{s:?}");
}

#[test]
fn an_action_item_labelled_done_is_a_change_made() {
    let incident = "Uploads failed for 9% of applicants for 50 minutes after a column overflowed. \
                    I clamped the dates and uploads recovered.";
    let done = score_text(&format!(
        "{incident} Actions\nDone: the schema linter rejects TIMESTAMP for new columns."
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&done, "changed for good"), "{done:?}");
    assert!(done.evidence.iter().any(|e| e.text == "linter"), "{done:?}");
    // Still to do, it is a wish, not a change made.
    let open = score_text(&format!(
        "{incident} Actions\nWe should make the schema linter reject TIMESTAMP for new columns."
    ))
    .dimensions
    .systemic_change;
    assert!(!gives(&open, "changed for good"), "{open:?}");
    assert!(gives(&open, "not shipped"), "{open:?}");
    assert_eq!(open.score, 1, "{open:?}");
}

#[test]
fn a_ticket_rotation_set_up_is_no_ticket_asked_for() {
    let incident = "Pages went unanswered for 35 minutes while the on-call engineer worked \
                    through 40 tickets, and checkout errors reached 6%. I restarted the stuck \
                    workers and errors stopped.";
    let rotation = score_text(&format!(
        "{incident} Afterwards I set up a separate ticket rotation so the on-call engineer \
         no longer works tickets."
    ))
    .dimensions
    .systemic_change;
    assert!(!gives(&rotation, "proposed"), "{rotation:?}");
    assert!(rotation.score >= 2, "{rotation:?}");
    let asked = score_text(&format!(
        "{incident} Afterwards I opened a ticket to add a separate rotation."
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&asked, "not shipped"), "{asked:?}");
    assert_eq!(asked.score, 1, "{asked:?}");
}

#[test]
fn a_figure_that_has_held_since_shows_the_change_works() {
    let story = "Uploads failed for 9% of applicants for 50 minutes after a column overflowed. \
                 I clamped the dates and uploads recovered. Since then I added a CI check that \
                 rejects TIMESTAMP columns and an alert when upload failures exceed 5% for 5 \
                 minutes.";
    let held = score_text(&format!(
        "{story} Upload failures have stayed under 0.1% a day for 14 months."
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&held, "evidence the change works"), "{held:?}");
    assert!(
        held.evidence
            .iter()
            .any(|e| e.why.contains("works") && e.text.contains("stayed under 0.1%")),
        "{held:?}"
    );
    assert_eq!(held.score, 5, "{held:?}");
    // A figure that held during the incident shows nothing at work.
    let during = score_text(&format!(
        "{story} During those 50 minutes downloads stayed under 0.1% errors."
    ))
    .dimensions
    .systemic_change;
    assert!(!gives(&during, "evidence the change works"), "{during:?}");
}

#[test]
fn a_runbook_or_an_alert_updated_is_a_change_made() {
    let incident = "Checkout failed for 12% of requests for 40 minutes. I rolled back the \
                    release that had dropped the connection pool to 5, and errors stopped.";
    for (line, thing) in [
        (
            "We updated the runbook with the new restart steps.",
            "runbook",
        ),
        (
            "I tightened the alert on pool saturation to fire at 80%.",
            "alert",
        ),
        ("I extended the smoke test to open 20 connections.", "test"),
    ] {
        let s = score_text(&format!("{incident} {line}"))
            .dimensions
            .systemic_change;
        assert!(gives(&s, "changed for good"), "{line}: {s:?}");
        assert!(s.evidence.iter().any(|e| e.text == thing), "{line}: {s:?}");
    }
    // A record or a setting updated is as often the fix itself.
    let fix = score_text(
        "Checkout failed for 12% of requests for 40 minutes. I updated the DNS record to the \
         new load balancer and errors stopped.",
    )
    .dimensions
    .systemic_change;
    assert_eq!(fix.score, 0, "{fix:?}");
    // Running the tests changes nothing.
    let ran = score_text(&format!(
        "{incident} I ran the smoke tests again to be sure."
    ))
    .dimensions
    .systemic_change;
    assert_eq!(ran.score, 0, "{ran:?}");
}

#[test]
fn a_setting_turned_on_across_the_fleet_afterwards_is_a_change_made() {
    let incident = "Checkout failed for 12% of requests for 40 minutes when the pool ran dry \
                    under the sale's traffic. I rolled back the release that had dropped the \
                    connection pool to 5, and errors stopped.";
    let fleet = score_text(&format!(
        "{incident} I enabled autoscaling on the pool for every service."
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&fleet, "changed for good"), "{fleet:?}");
    assert!(fleet.score >= 2, "{fleet:?}");
    // Said while service was down, it is how service came back.
    let during = score_text(
        "Checkout failed for 12% of requests for 40 minutes when the pool ran dry under the \
         sale's traffic. I enabled load shedding for every endpoint and errors stopped. Then I \
         rolled back the release that had dropped the connection pool to 5. I read the pool \
         metrics to confirm the cause, and wrote up the timeline for the team that evening.",
    )
    .dimensions
    .systemic_change;
    assert!(!gives(&during, "changed for good"), "{during:?}");
}

#[test]
fn a_change_the_speaker_got_merged_is_a_change_made() {
    let incident = "Checkout failed for 12% of requests for 40 minutes. I rolled back the \
                    release that had dropped the connection pool to 5, and errors stopped.";
    let merged = score_text(&format!(
        "{incident} I got a lint rule merged that rejects pool sizes under 50."
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&merged, "changed for good"), "{merged:?}");
    assert!(
        merged.evidence.iter().any(|e| e.text == "lint"),
        "{merged:?}"
    );
    let codified = score_text(&format!(
        "{incident} We then codified the pool settings in Terraform with validation."
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&codified, "changed for good"), "{codified:?}");
    // Paged is no change got through.
    let paged = score_text(&format!("{incident} I got paged again the next night."))
        .dimensions
        .systemic_change;
    assert_eq!(paged.score, 0, "{paged:?}");
}

#[test]
fn a_result_held_over_months_shows_what_the_story_built() {
    let project = "Deploys broke production about once a week, mostly from changes merged late \
                   on Fridays, and customers saw errors for an hour or more each time. The \
                   release captain cuts a branch at 10:00 each day. The branch soaks in staging \
                   for four hours behind a canary, and a bot posts the list of merges in the \
                   train.";
    let held = score_text(&format!(
        "{project} Over the next two quarters the change failure rate fell from 21% to 4%."
    ))
    .dimensions
    .systemic_change;
    assert!(gives(&held, "changed for good"), "{held:?}");
    assert!(held.evidence.iter().any(|e| e.text == "canary"), "{held:?}");
    assert!(gives(&held, "evidence the change works"), "{held:?}");
    assert!(held.score >= 3, "{held:?}");
    // The same figures on one afternoon show no change that lasts.
    let afternoon = score_text(&format!(
        "{project} That afternoon the change failure rate fell from 21% to 4%."
    ))
    .dimensions
    .systemic_change;
    assert_eq!(afternoon.score, 0, "{afternoon:?}");
    // A wish beside it is still the rubric's proposal: nothing was made.
    let wished = score_text(&format!(
        "{project} We should add a freeze on Fridays. Over the next two quarters the change \
         failure rate fell from 21% to 4%."
    ))
    .dimensions
    .systemic_change;
    assert!(!gives(&wished, "changed for good"), "{wished:?}");
}

#[test]
fn a_test_made_mandatory_or_a_follow_up_told_as_it_was_is_a_change_made() {
    let incident = "Checkout failed for 12% of requests for 40 minutes. I rolled back the \
                    release that had dropped the connection pool to 5, and errors stopped.";
    for (line, thing) in [
        ("I made load tests mandatory for pool changes.", "tests"),
        (
            "The follow-up was a CI check rejecting pool sizes under 50.",
            "CI check",
        ),
        (
            "Since that day every release runs a connection load test in staging.",
            "load test",
        ),
    ] {
        let s = score_text(&format!("{incident} {line}"))
            .dimensions
            .systemic_change;
        assert!(gives(&s, "changed for good"), "{line}: {s:?}");
        assert!(s.evidence.iter().any(|e| e.text == thing), "{line}: {s:?}");
    }
    // A call made is no test made mandatory; a follow-up still to come is
    // a wish.
    for line in [
        "I made the call to roll back since it was required.",
        "The follow-up was supposed to be a CI check rejecting pool sizes under 50.",
    ] {
        let s = score_text(&format!("{incident} {line}"))
            .dimensions
            .systemic_change;
        assert!(!gives(&s, "changed for good"), "{line}: {s:?}");
    }
}

/// Answers where the random search once found a hedge that raised the
/// score (a hedge between "I" and its verb hid the verb, and the fix's
/// evidence moved): every hedge, at every space.
#[test]
fn a_hedge_anywhere_in_these_answers_never_raises_the_score() {
    for text in [
        "The risk was a worse browsing experience, which I judged acceptable. We rolled back \
         the release. The team handled it. We wrote a runbook and ran a game day every quarter.",
        "The team handled it. Checkout errors went from 31% to 0.3%.",
    ] {
        let before = score_text(text).total;
        for (pos, _) in text.match_indices(' ') {
            for hedge in HEDGES {
                let hedged = format!("{} {hedge}{}", &text[..pos], &text[pos..]);
                let after = score_text(&hedged).total;
                assert!(after <= before, "{before} -> {after}: {hedged}");
            }
        }
    }
}

/// The systemic-change verdict on a free text.
fn systemic_of(text: &str) -> DimensionScore {
    score_text(text).dimensions.systemic_change
}

#[test]
fn a_change_told_before_the_story_turns_to_what_lasts_is_the_fix() {
    let incident = "The staging refresh skipped masking one Sunday and about 6,000 customers got \
                    test text messages on Monday. I stopped the staging notification workers, \
                    revoked the SMS provider key that staging used, added the new column to the \
                    masking configuration and re-ran the masking by hand.";
    // The story turns to what lasts: the key revoked and the column added
    // are the clean-up, the check is what changed for good.
    let turned = systemic_of(&format!(
        "{incident} Afterwards we put a check into the pipeline that stops the refresh when the \
         masking job exits with an error."
    ));
    assert!(gives(&turned, "changed for good"), "{turned:?}");
    assert!(
        !turned.evidence.iter().any(|e| e.text == "key"),
        "{turned:?}"
    );
    assert!(!gives(&turned, "evidence the change works"), "{turned:?}");
    // A wish where the story turns leaves the changes told before it as
    // they were read.
    let wished = systemic_of(&format!(
        "{incident} Longer term we're talking about moving staging to synthetic data."
    ));
    assert!(
        wished.evidence.iter().any(|e| e.text == "key"),
        "{wished:?}"
    );
    // The fix's success, told before the turn, is no evidence that the
    // lasting change works.
    let crash = systemic_of(
        "Pricing pods crashed in a loop for 30 minutes after a config push. I reverted the \
         change in the config service, which stopped the crash loop within minutes. Afterwards \
         I changed the library so a failed reload keeps the old config.",
    );
    assert!(
        crash.evidence.iter().any(|e| e.text == "library"),
        "{crash:?}"
    );
    assert!(!gives(&crash, "evidence the change works"), "{crash:?}");
}

#[test]
fn what_has_changed_labels_the_section_about_what_lasts() {
    for label in ["What's changed", "What we changed", "What has changed"] {
        let s = systemic_of(&format!(
            "Checkout failed for 20 minutes. I rolled back the deploy.\n{label}: our incident \
             policy caps anyone's hands-on time at 6 hours."
        ));
        assert!(gives(&s, "changed for good"), "{label}: {s:?}");
    }
}

#[test]
fn more_tests_added_are_a_change_but_more_servers_are_capacity() {
    let base = "Our edge worker broke the site for a bit once because of a bug with cookies. We \
                rolled it back and added more";
    for thing in ["tests", "alerts", "checks"] {
        let s = systemic_of(&format!("{base} {thing}."));
        assert!(s.score >= 2, "{thing}: {s:?}");
        assert!(s.evidence.iter().any(|e| e.text == thing), "{thing}: {s:?}");
    }
    let servers = systemic_of(&format!("{base} servers."));
    assert_eq!(servers.score, 0, "{servers:?}");
}

#[test]
fn a_wish_goes_on_through_and_to_and_talk_of_a_change_is_a_wish() {
    for line in [
        "We want to move to Metric Streams eventually, and to put a budget alert on the \
         CloudWatch line.",
        "We're discussing moving the locale into the URL.",
    ] {
        let s = systemic_of(&format!(
            "Checkout failed for 20 minutes. I rolled back the deploy.\nFollow-up: {line}"
        ));
        assert_eq!(s.score, 1, "{line}: {s:?}");
        assert!(!gives(&s, "changed for good"), "{line}: {s:?}");
    }
}

#[test]
fn what_a_change_made_should_do_is_no_wish_but_a_write_up_of_what_should_be_is() {
    let made = systemic_of(
        "Checkout failed for 20 minutes. I rolled back the deploy. Going forward we changed the \
         teardown so it deletes the namespaces first, which should delete the load balancers \
         before the cluster goes.",
    );
    assert!(
        made.evidence.iter().any(|e| e.text == "teardown"),
        "{made:?}"
    );
    assert!(gives(&made, "changed for good"), "{made:?}");
    let written = systemic_of(
        "Alerts were silenced for a week and nobody noticed the disk filling. I removed the \
         silence. Afterwards I wrote up that silences should have a maximum length of 24 hours.",
    );
    assert_eq!(written.score, 1, "{written:?}");
}

#[test]
fn what_no_longer_happens_or_now_runs_after_a_story_told_in_the_past_is_a_change() {
    let breach = "Our CI provider was breached and we rotated 97 secrets over two days. I led the \
                  rotation with security, production keys first.";
    for line in [
        "Database and payment credentials no longer live in CI at all.",
        "The deploy job fetches them from Secrets Manager at run time.",
    ] {
        let s = systemic_of(&format!("{breach} {line}"));
        assert!(s.score >= 2, "{line}: {s:?}");
        assert!(!s.evidence.is_empty(), "{line}: {s:?}");
    }
    // A thing named by a verb-like noun is not at work: "alerts stopped".
    let quiet = systemic_of(&format!("{breach} The noon timeout alerts stopped."));
    assert_eq!(quiet.score, 0, "{quiet:?}");
    // What a library no longer does is the cause, told as it happened.
    let cause = systemic_of(
        "After go-live some partner calls began returning 404, which we traced to Spring \
         Framework 6 no longer matching trailing slashes by default. I rolled back.",
    );
    assert_eq!(cause.score, 0, "{cause:?}");
}

#[test]
fn what_might_have_been_is_no_wish() {
    let s = systemic_of(
        "Pages kept waking people for nothing. We put some rules in place for new alerts and \
         looked at how often the old ones would have fired.",
    );
    assert!(s.score >= 2, "{s:?}");
    assert!(!gives(&s, "wished for"), "{s:?}");
    assert!(!gives(&s, "proposed"), "{s:?}");
}

#[test]
fn a_programme_signed_off_and_put_on_the_roadmap_is_a_plan() {
    for text in [
        "Plaintext credentials sat in state files across 140 workspaces. I drove a seven-point \
         remediation programme: migrate all database credentials to Secrets Manager and add \
         policy checks that block secrets in plans. I presented the programme to the \
         architecture board, secured sign-off, and put every item on the Q3 roadmap with an \
         owner and a due date.",
        "After the scare where a cleanup role could have deleted our backup bucket, I designed \
         an immutable backup setup: backups are copied to a separate account with Object Lock \
         in compliance mode. The security team has signed off on the design and it's on the \
         roadmap for next quarter.",
    ] {
        let s = systemic_of(text);
        assert_eq!(s.score, 1, "{text}: {s:?}");
        assert!(!gives(&s, "changed for good"), "{text}: {s:?}");
    }
}

#[test]
fn a_question_unanswered_is_no_harm_that_hides_what_was_built() {
    let s = systemic_of(
        "For years getting a Kafka topic meant filing a ticket. So I built a thing where teams \
         put a YAML file in a repo and CI checks it, and once it is merged Argo syncs it as a \
         KafkaTopic. The ACL side isn't done: we got stuck on how to migrate the existing ACLs \
         without an outage, and the ticket is still open.",
    );
    assert!(gives(&s, "changed for good"), "{s:?}");
}

#[test]
fn a_result_counted_since_is_evidence_and_an_hour_and_a_quarter_is_not_months() {
    let changes = "Postgres backends were OOM-killed three times in 50 minutes when month-end \
                   reports ran. I set work_mem back to 16MB. What changed for good: the \
                   reporting role has its own work_mem and a PgBouncer pool capped at four \
                   connections, and memory changes need a review note.";
    let held = systemic_of(&format!(
        "{changes} Across the four month-ends since there have been no OOM kills."
    ));
    assert!(gives(&held, "evidence the change works"), "{held:?}");
    let impact = systemic_of(
        "Between 18:40 and 19:55, so an hour and a quarter, 4,812 customers were charged twice, \
         about 236,000 euros, against none the week before. Afterwards I added an idempotency \
         key to every charge request.",
    );
    assert!(!gives(&impact, "evidence the change works"), "{impact:?}");
}
