//! Advice that works: every piece of advice the scorer gives, followed
//! literally — the sentence it suggests appended to that dimension's own
//! field — raises that dimension.
//!
//! Each dimension starts from a story whose field for it is empty (or
//! thin) and follows the advice shown, one step at a time, until the
//! dimension reaches 5: every step must raise it. A table gives the
//! sentence each advice suggests; the corpus check below makes sure every
//! advice a story can get is in the table, so a new advice string without
//! a tested sentence fails here.

#[allow(dead_code)]
#[path = "corpus/load.rs"]
mod load;

use sre_prep::kit::{Story, StoryMetric};
use sre_prep::score::{Dimension, StoryScore, score_story, score_text};

/// (the start of an advice string, the sentence that follows it literally).
const FOLLOW: &[(&str, &str)] = &[
    // Blast radius
    (
        "Say what broke and for whom",
        "Checkout requests failed for EU customers for 47 minutes.",
    ),
    (
        "Say who was hurt and how",
        "EU customers could not check out.",
    ),
    ("Put a share on it", "31% of checkouts failed."),
    (
        "Say how many were hurt",
        "About 18,000 customers were hurt.",
    ),
    ("Say how long it lasted", "It lasted for 47 minutes."),
    (
        "Say what it cost",
        "It burned 40% of the monthly error budget and cost us $12,000 in SLA credits.",
    ),
    (
        "Say how far it reached",
        "It was customer-facing in both the EU and US regions, across 3 services.",
    ),
    // Role
    (
        "Say what you did yourself",
        "I rolled back the release and I paged the database team.",
    ),
    (
        "Name more of your own actions",
        "I checked the connection graphs, I changed the pool size and I decided to roll back.",
    ),
    (
        "Name your role in the incident",
        "I was the incident commander.",
    ),
    (
        "Say what you owned",
        "The rollback call was mine, and I was responsible for the postmortem.",
    ),
    // Decision
    (
        "Name the call you made between two options",
        "I decided to shed load rather than fail over, because the database host was healthy.",
    ),
    (
        "Name the option you did not take",
        "I decided to shed load rather than fail over the database.",
    ),
    (
        "Say why, with \"because\"",
        "I chose it because the database host was healthy and a failover meant downtime.",
    ),
    (
        "Say the risk or trade-off you accepted",
        "The risk was losing some search traffic, which I accepted because payments mattered more.",
    ),
    (
        "Put a number on the risk",
        "Failing over risked 30 s of lost writes.",
    ),
    // Fix
    (
        "Say the concrete change you made",
        "I rolled back to v41 and capped the deployment at 36 pods.",
    ),
    (
        "Name the specific cause",
        "The pool of 50 per pod times 64 pods exceeded max_connections.",
    ),
    (
        "Say how you found the root cause",
        "I found it in the PostgreSQL connection graph in Grafana, which showed connections pinned at max_connections.",
    ),
    (
        "Give one exact detail",
        "The error was 'FATAL: sorry, too many clients already' and max_connections was 3000.",
    ),
    // Systemic change
    (
        "Say what you changed for good",
        "I added a CI check that rejects a zone change that deletes a live record.",
    ),
    (
        "Add a second lasting change of another kind",
        "I also added an alert that pages when connection saturation stays above 80% for 5 minutes.",
    ),
    (
        "Say how you know it works",
        "It has caught two bad pushes since, and there have been zero repeats in nine months.",
    ),
    // Numbers
    (
        "Give a before and after of a result that improved",
        "Time to detect went from 8 minutes to 90 seconds.",
    ),
    (
        "Add a second before/after pair on another metric",
        "MTTR went from 42 minutes to 11 minutes.",
    ),
    (
        "Give the units of each before/after",
        "Pages went from 38 a week to 6 a week.",
    ),
    // When the rules see every part and the level is still short of 5.
    (
        "Every part is there; tell it fuller: who was hurt",
        "In all, 310,000 users in every region could not log in or pay for 52 minutes, and two enterprise customers got $12,000 in SLA credits.",
    ),
    (
        "Every part is there; say more of what you did yourself",
        "I checked the gateway logs, I issued the certificate and I wrote the postmortem.",
    ),
    (
        "Every part is there; tell the call fuller",
        "The other option was to wait four hours for the vendor; I chose not to because every hour cost about 6,000 failed logins, and I accepted the risk that 2% of old Android clients would fail for a day.",
    ),
    (
        "Every part is there; tell it fuller: the signal",
        "The signal was the cert-manager logs, which showed 'ACME challenge failed: 403' every night; I changed the DNS token in the secret and re-ran the renewal.",
    ),
    (
        "Every part is there; tell it fuller: what each change does",
        "The alert pages when any certificate has under 14 days left, and it has caught three expiring certificates since.",
    ),
    (
        "Every part is there; add a second before/after pair",
        "Expiry incidents went from 3 a year to 0.",
    ),
];

fn follow(advice: &str) -> Option<&'static str> {
    FOLLOW
        .iter()
        .find(|(start, _)| advice.starts_with(start))
        .map(|&(_, sentence)| sentence)
}

fn metric(name: &str, before: &str, after: &str) -> StoryMetric {
    StoryMetric {
        name: name.into(),
        before: before.into(),
        after: after.into(),
    }
}

/// A story complete in every beat but the one under test.
fn story() -> Story {
    Story {
        id: "cert-expiry".into(),
        title: "The API certificate that expired on a Saturday".into(),
        blast_radius: "On a Saturday morning the TLS certificate on our public API gateway expired, and for 52 minutes every mobile client failed its handshake: about 310,000 users in all regions could not log in or pay.".into(),
        role: "I was the on-call SRE. I got paged by the synthetic login probe, I declared the incident, and I led the response as incident commander.".into(),
        decision: "I decided to issue an emergency certificate from our internal CA instead of waiting for the vendor's renewal, because the vendor's support line quoted four hours. The risk was that older Android clients might not trust the new chain.".into(),
        fix: "The cert-manager job had been failing for 30 days with a DNS-01 challenge error after a DNS provider API token was rotated. I issued the new certificate, loaded it into the Envoy gateways with a hot restart, and fixed the token in the cert-manager secret.".into(),
        root_cause: "I checked the certificate's notAfter date with openssl s_client, then the cert-manager logs.".into(),
        systemic_change: "I added an alert that fires when any certificate has less than 14 days left, and a weekly synthetic check of every public endpoint's expiry.".into(),
        metrics: vec![metric("Certificates renewed by hand", "40%", "0%")],
        ..Story::default()
    }
}

fn field(story: &mut Story, d: Dimension) -> &mut String {
    match d {
        Dimension::BlastRadius => &mut story.blast_radius,
        Dimension::Role => &mut story.role,
        Dimension::Decision => &mut story.decision,
        Dimension::Fix => &mut story.fix,
        Dimension::SystemicChange => &mut story.systemic_change,
        // Numbers reads every field; its sentences go to the fix.
        Dimension::Numbers => &mut story.fix,
    }
}

fn level(score: &StoryScore, d: Dimension) -> u8 {
    score.dimensions.get(d).score
}

/// Follows the advice shown for `d`, step by step, from `start` in its
/// field: each step raises `d`. Returns the advice followed.
fn follow_from(d: Dimension, mut story: Story, start: &str) -> Vec<String> {
    *field(&mut story, d) = start.to_string();
    let mut followed = Vec::new();
    let mut score = score_story(&story);
    for _ in 0..12 {
        let now = level(&score, d);
        let Some(advice) = score.dimensions.get(d).advice.first().cloned() else {
            assert_eq!(now, 5, "{d:?} at {now} shows no advice");
            break;
        };
        let sentence = follow(&advice)
            .unwrap_or_else(|| panic!("no sentence in FOLLOW for the advice {advice:?}"));
        let text = field(&mut story, d);
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(sentence);
        let next = score_story(&story);
        assert!(
            level(&next, d) > now,
            "{d:?}: following {advice:?} with {sentence:?} left it at {} (was {now})\nfield: {}",
            level(&next, d),
            field(&mut story, d)
        );
        followed.push(advice);
        score = next;
    }
    followed
}

#[test]
fn following_the_advice_raises_each_dimension_step_by_step() {
    let mut followed = Vec::new();
    for d in Dimension::ALL {
        let mut start = story();
        if d == Dimension::Numbers {
            start.metrics.clear();
        }
        followed.extend(follow_from(d, start, ""));
    }
    // Thin starts reach the advice an empty field never shows.
    let thin = [
        (Dimension::BlastRadius, "Checkout failed for EU customers."),
        (Dimension::Role, "We rolled back the release."),
        (Dimension::Decision, "We decided to roll back."),
        (Dimension::Fix, "We looked into it and fixed the problem."),
        (
            Dimension::SystemicChange,
            "We talked about it afterwards and improved monitoring.",
        ),
    ];
    for (d, start) in thin {
        followed.extend(follow_from(d, story(), start));
    }
    // Stories missing more than one beat reach the rest.
    let we = Story {
        role: String::new(),
        decision: story().decision.replace("I decided", "We decided"),
        fix: story().fix.replace("I issued", "We issued"),
        root_cause: story().root_cause.replace("I checked", "We checked"),
        systemic_change: story().systemic_change.replace("I added", "We added"),
        ..story()
    };
    followed.extend(follow_from(Dimension::Role, we, ""));
    followed.extend(follow_from(
        Dimension::BlastRadius,
        story(),
        "EU customers could not check out for 47 minutes; 31% of checkouts failed and about 18,000 customers were hurt.",
    ));
    followed.extend(follow_from(
        Dimension::Fix,
        Story {
            root_cause: String::new(),
            ..story()
        },
        "The pool of 50 per pod times 64 pods exceeded max_connections, so I capped the deployment at 36 pods.",
    ));
    followed.extend(follow_from(
        Dimension::Numbers,
        Story {
            metrics: Vec::new(),
            ..story()
        },
        "Pages went from 38 to 6.",
    ));
    let mut missing: Vec<&str> = FOLLOW
        .iter()
        .map(|&(start, _)| start)
        .filter(|start| !followed.iter().any(|a| a.starts_with(start)))
        .collect();
    missing.sort();
    println!("advice never shown on these paths: {missing:#?}");
}

/// Every advice a story of the corpus gets has a tested sentence: the
/// table above covers what users see.
#[test]
fn every_advice_the_corpus_sees_has_a_sentence() {
    let mut unknown = Vec::new();
    for entry in load::entries() {
        let score = match &entry.written {
            load::Written::Story(s) => score_story(s),
            load::Written::Text(t) => score_text(t),
        };
        for d in Dimension::ALL {
            for advice in &score.dimensions.get(d).advice {
                if follow(advice).is_none() && !unknown.contains(advice) {
                    unknown.push(advice.clone());
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "advice without a sentence: {unknown:#?}"
    );
}
