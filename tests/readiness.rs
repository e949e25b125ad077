//! The readiness checklist, item by item, met and unmet, with "today" fixed.

use chrono::{Duration, NaiveDate};
use sre_prep::content::examples::example_stories;
use sre_prep::content::questions::QUESTIONS;
use sre_prep::drill::deck::{CORE_TOPICS, built_in};
use sre_prep::drill::reviews::{Attempt, QuizAnswer, QuizRound, Rehearsal, Reviews};
use sre_prep::drill::srs::CardState;
use sre_prep::kit::{Design, Kit, Metric, MetricKind, Narrative, Opinion};
use sre_prep::readiness::{Inputs, NextStep, Readiness, assess, plan};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn design(prompt: &str, n: usize) -> Design {
    Design {
        id: format!("design-{n}"),
        prompt: prompt.into(),
        title: format!("Design {n}"),
        real_system: "The build and deploy platform I ran for 120 engineers at a payments company, on Buildkite and Argo CD.".into(),
        requirements: "About 300 deploys a day across 40 services, under 15 minutes from merge to production, and a rollback in one command.".into(),
        architecture: "A monorepo with Bazel and a remote cache, Buildkite agents on spot instances, and Argo Rollouts doing canaries on Kubernetes.".into(),
        scaling: "Peak 1,800 builds a day on 60 agents; the cache hit rate of 85% keeps the p50 build at 6 minutes.".into(),
        failure_modes: "A poisoned cache entry, a stuck canary, the registry down, a region outage: each has a runbook and the canary rolls back automatically.".into(),
        observability: String::new(),
        tradeoffs: String::new(),
        ..Design::default()
    }
}

fn metric(kind: MetricKind, before: &str, after: &str) -> Metric {
    Metric {
        id: kind.as_str().into(),
        name: kind.as_str().to_uppercase(),
        kind,
        before: before.into(),
        after: after.into(),
        note: String::new(),
    }
}

fn opinion(n: usize) -> Opinion {
    Opinion {
        id: format!("o{n}"),
        stance: format!("SLO-based alerting, take {n}"),
        over: "threshold alerts on CPU".into(),
        because: "a page should mean a customer is hurt, not that a machine is busy".into(),
        evidence:
            "When I moved the payments team to burn-rate alerts, false pages fell from 67% to 8%."
                .into(),
        limits: String::new(),
    }
}

/// A kit and a history that meet every item.
fn everything() -> (Kit, Reviews) {
    let mut stories = example_stories();
    stories.retain(|s| s.id != "weak-example");
    // Every core question answered by one of the three strong stories, each
    // story saying what its three questions need.
    for story in &mut stories {
        let (questions, decision, root_cause) = match story.id.as_str() {
            "bad-config-deploy" => (
                [
                    "outage-you-caused",
                    "root-cause-unknown",
                    "disagreed-senior",
                ],
                " My manager wanted to keep the new key and raise the limit; I disagreed and showed her the session numbers.",
                " At first I thought the identity database was overloaded, and I ruled that out when its CPU stayed at 30%.",
            ),
            "checkout-db-pool" => (
                [
                    "critical-incident",
                    "outage-prevented",
                    "pushed-back-launch",
                ],
                " I pushed back on the launch of the new recommendations feature until the load test passed.",
                " Before the next sale I caught a second pool limit in the payments service, two weeks before it would have failed.",
            ),
            _ => (
                [
                    "reduced-toil",
                    "improved-reliability",
                    "velocity-vs-reliability",
                ],
                " Shipping the new alerts a month later was slower, but I judged the risk of a missed outage worse than the delay.",
                "",
            ),
        };
        story.questions = questions.iter().map(|q| q.to_string()).collect();
        story.decision.push_str(decision);
        story.root_cause.push_str(root_cause);
    }
    assert_eq!(
        stories.iter().map(|s| s.questions.len()).sum::<usize>(),
        QUESTIONS.iter().filter(|q| q.core).count()
    );
    let kit = Kit {
        stories,
        designs: vec![
            design("ci-cd", 1),
            design("kubernetes", 2),
            design("multi-region", 3),
            design("rate-limiter", 4),
            design("nalsd", 5),
        ],
        metrics: vec![
            metric(MetricKind::Slo, "99.5%", "99.9%"),
            metric(MetricKind::Mttd, "8 min", "90 s"),
            metric(MetricKind::Mttr, "47 min", "12 min"),
            metric(MetricKind::Oncall, "38 pages/week", "6 pages/week"),
        ],
        opinions: (1..=3).map(opinion).collect(),
        narrative: Narrative {
            text: "I led the move of 40 services onto our platform. Deploys went from 2 a week to 30 a day, and incidents from 9 a quarter to 2.".into(),
        },
        ..Kit::default()
    };
    let mut reviews = Reviews::default();
    reviews.quiz_rounds.push(QuizRound {
        date: Some(today() - Duration::days(2)),
        answers: vec![
            QuizAnswer {
                right: true,
                ..QuizAnswer::default()
            };
            5
        ],
    });
    for card in built_in()
        .iter()
        .filter(|c| CORE_TOPICS.contains(&c.topic.as_str()))
    {
        reviews.cards.insert(
            card.id.clone(),
            CardState {
                stability: 10.0,
                difficulty: 5.0,
                due: Some(today() + Duration::days(5)),
                last_review: Some(today() - Duration::days(1)),
                last_rating: 3,
                reviews: 3,
                ..CardState::default()
            },
        );
    }
    for story in &kit.stories {
        for days in [5, 1] {
            reviews.rehearsals.push(Rehearsal {
                date: Some(today() - Duration::days(days)),
                story: story.id.clone(),
                question: "critical-incident".into(),
                score: 80,
                ..Rehearsal::default()
            });
        }
    }
    for (days, scenario) in [
        (1, "disk-deleted-open"),
        (3, "k8s-dns-ndots"),
        (9, "conntrack-full"),
    ] {
        reviews.troubleshooting.push(Attempt {
            date: Some(today() - Duration::days(days)),
            scenario: scenario.into(),
            solved: true,
            score: 88,
            ..Attempt::default()
        });
    }
    (kit, reviews)
}

/// A next step in words, each place named by its `Place` variant: what the
/// core says, before a face says how to get there.
fn words(step: &NextStep) -> String {
    step.sentence(|place| format!("({place:?})"))
}

fn run(kit: &Kit, reviews: &Reviews) -> Readiness {
    let deck = built_in();
    assess(&Inputs {
        kit,
        reviews,
        deck: &deck,
        today: today(),
    })
}

#[test]
fn everything_met_is_ready_with_the_ten_ids() {
    let (kit, reviews) = everything();
    let r = run(&kit, &reviews);
    let ids: Vec<&str> = r.items.iter().map(|i| i.id).collect();
    assert_eq!(
        ids,
        [
            "stories",
            "designs",
            "metrics",
            "metrics_drilled",
            "trivia",
            "opinions",
            "narrative",
            "coverage",
            "rehearsed",
            "troubleshooting"
        ]
    );
    for item in &r.items {
        assert!(item.met, "{}: {}", item.id, item.detail);
    }
    assert!(r.ready);
    assert_eq!(r.score, 100);
}

/// Weakens one part and checks that exactly that item turns unmet.
fn only_unmet(id: &str, weaken: impl FnOnce(&mut Kit, &mut Reviews)) -> Readiness {
    let (mut kit, mut reviews) = everything();
    weaken(&mut kit, &mut reviews);
    let r = run(&kit, &reviews);
    let unmet: Vec<&str> = r.items.iter().filter(|i| !i.met).map(|i| i.id).collect();
    assert!(unmet.contains(&id), "{id} should be unmet: {unmet:?}");
    assert!(!r.ready);
    assert!(r.score < 100);
    let item = r.items.iter().find(|i| i.id == id).unwrap();
    assert!(item.next.is_some(), "{id} says what to do next");
    r
}

#[test]
fn stories_item() {
    let r = only_unmet("stories", |kit, _| {
        kit.stories[0].decision.clear();
        kit.stories[0].role = "We handled it.".into();
    });
    let item = r.items.iter().find(|i| i.id == "stories").unwrap();
    assert!(
        item.detail.starts_with("2 of 3 stories ready"),
        "{}",
        item.detail
    );
}

#[test]
fn designs_item() {
    let r = only_unmet("designs", |kit, _| {
        kit.designs.retain(|d| d.prompt != "multi-region")
    });
    assert!(
        r.items[1].detail.contains("multi-region"),
        "{}",
        r.items[1].detail
    );
}

#[test]
fn metrics_item() {
    only_unmet("metrics", |kit, _| {
        kit.metrics.retain(|m| m.kind != MetricKind::Mttr)
    });
}

#[test]
fn metrics_drilled_item() {
    only_unmet("metrics_drilled", |_, reviews| {
        reviews.quiz_rounds[0].date = Some(today() - Duration::days(10));
    });
    only_unmet("metrics_drilled", |_, reviews| {
        reviews.quiz_rounds[0].answers[0].right = false;
        reviews.quiz_rounds[0].answers[1].right = false;
    });
}

#[test]
fn trivia_item() {
    let r = only_unmet("trivia", |_, reviews| {
        reviews.cards.retain(|id, _| !id.starts_with("dns-"))
    });
    assert!(
        r.items[4].detail.contains("dns 0%"),
        "{}",
        r.items[4].detail
    );
}

#[test]
fn opinions_item() {
    only_unmet("opinions", |kit, _| kit.opinions[2].evidence.clear());
    only_unmet("opinions", |kit, _| {
        kit.opinions.push(Opinion {
            limits: "It depends on the team.".into(),
            ..Opinion::default()
        })
    });
}

#[test]
fn narrative_item() {
    only_unmet("narrative", |kit, _| {
        kit.narrative.text = "We built a platform that made things faster.".into()
    });
}

#[test]
fn coverage_item() {
    let r = only_unmet("coverage", |kit, _| {
        for s in &mut kit.stories {
            s.questions.retain(|q| q != "pushed-back-launch");
        }
    });
    assert!(r.items[7].detail.contains("pushed-back-launch"));
}

#[test]
fn one_strong_story_linked_to_every_core_question_does_not_cover_them() {
    let (mut kit, reviews) = everything();
    kit.stories.retain(|s| s.id == "checkout-db-pool");
    kit.stories[0].questions = QUESTIONS
        .iter()
        .filter(|q| q.core)
        .map(|q| q.id.to_string())
        .collect();
    let r = run(&kit, &reviews);
    let item = r.items.iter().find(|i| i.id == "coverage").unwrap();
    assert!(!item.met);
    // It fits three of them (the most one story counts for), not nine.
    assert!(
        item.detail
            .starts_with("3 of 9 core questions covered; not yet: outage-you-caused"),
        "{}",
        item.detail
    );
    assert!(
        item.detail.contains(
            "weak link 'Checkout database connection pool exhaustion during a sale' -> outage-you-caused: the story never says your change caused the outage"
        ),
        "{}",
        item.detail
    );
    assert!(item.detail.contains("more weak links"), "{}", item.detail);
    let next = words(item.next.as_ref().unwrap());
    assert!(next.contains("Make 'Checkout"), "{next}");
}

#[test]
fn rehearsed_item() {
    only_unmet("rehearsed", |_, reviews| reviews.rehearsals.truncate(5));
    only_unmet("rehearsed", |_, reviews| {
        for r in &mut reviews.rehearsals {
            r.date = r.date.map(|d| d - Duration::days(20));
        }
    });
}

#[test]
fn troubleshooting_item() {
    // Two scenarios solved recently are not enough.
    let r = only_unmet("troubleshooting", |_, reviews| {
        reviews.troubleshooting.truncate(2)
    });
    let item = r.items.iter().find(|i| i.id == "troubleshooting").unwrap();
    assert!(
        item.detail.starts_with("2 of 3 scenarios solved"),
        "{}",
        item.detail
    );
    assert_eq!(item.next, Some(NextStep::PlayTroubleshooting));
    // An old solve does not count, nor does a low score, nor the same scenario twice.
    only_unmet("troubleshooting", |_, reviews| {
        reviews.troubleshooting[2].date = Some(today() - Duration::days(15))
    });
    only_unmet("troubleshooting", |_, reviews| {
        reviews.troubleshooting[2].score = 45
    });
    only_unmet("troubleshooting", |_, reviews| {
        reviews.troubleshooting[2].scenario = "disk-deleted-open".into()
    });
    only_unmet("troubleshooting", |_, reviews| {
        reviews.troubleshooting[2].solved = false
    });
}

#[test]
fn the_weights_add_up_to_a_hundred() {
    let (kit, reviews) = everything();
    let r = run(&kit, &reviews);
    let total: u32 = r.items.iter().map(|i| u32::from(i.weight)).sum();
    assert_eq!(total, 100);
}

#[test]
fn the_plan_is_light_the_day_before_and_concrete_before_that() {
    let (mut kit, reviews) = everything();
    kit.designs.clear();
    let deck = built_in();
    let inputs = Inputs {
        kit: &kit,
        reviews: &reviews,
        deck: &deck,
        today: today(),
    };
    let r = assess(&inputs);
    let far = plan(&r, &inputs, Some(today() + Duration::days(12)));
    assert!(words(&far[0]).contains("ci-cd"), "{far:?}");
    // Some cards due today: the plan names how many and where.
    let mut reviews = reviews.clone();
    for (id, state) in reviews.cards.iter_mut() {
        if id.starts_with("dns-") || id.starts_with("memory-tlb") || id.starts_with("memory-swap") {
            state.due = Some(today());
        }
    }
    let inputs2 = Inputs {
        kit: &kit,
        reviews: &reviews,
        deck: &deck,
        today: today(),
    };
    let with_cards = plan(
        &assess(&inputs2),
        &inputs2,
        Some(today() + Duration::days(12)),
    );
    assert!(
        with_cards
            .iter()
            .any(|s| words(s).contains("17 trivia cards due, most in dns and memory")),
        "{with_cards:?}"
    );
    // A troubleshooting scenario due again is in the plan.
    let mut reviews3 = reviews.clone();
    reviews3.scenarios.insert(
        "cert-expired".into(),
        CardState {
            due: Some(today()),
            reviews: 1,
            last_rating: 1,
            ..CardState::default()
        },
    );
    let inputs3 = Inputs {
        kit: &kit,
        reviews: &reviews3,
        deck: &deck,
        today: today(),
    };
    let with_scenario = plan(
        &assess(&inputs3),
        &inputs3,
        Some(today() + Duration::days(12)),
    );
    assert!(
        with_scenario
            .iter()
            .any(|s| words(s) == "1 troubleshooting scenario due again (Troubleshoot)."),
        "{with_scenario:?}"
    );
    let eve = plan(&r, &inputs, Some(today() + Duration::days(1)));
    assert!(words(&eve[0]).contains("nothing new"), "{eve:?}");
    assert!(eve.iter().any(|s| words(s).contains("cheat sheet")));
}

#[test]
fn one_started_design_is_counted_as_started_not_as_nothing() {
    let (mut kit, reviews) = everything();
    kit.designs.truncate(1);
    kit.designs[0].architecture.clear();
    kit.designs[0].scaling.clear();
    kit.designs[0].failure_modes.clear();
    let r = run(&kit, &reviews);
    let item = r.items.iter().find(|i| i.id == "designs").unwrap();
    assert!(
        item.detail
            .starts_with("0 of 5 design answers complete; 1 more is started but not complete yet"),
        "{}",
        item.detail
    );
}

#[test]
fn five_designs_of_one_pasted_sentence_are_not_five_designs() {
    let (mut kit, reviews) = everything();
    let sentence = "The build and deploy platform I ran for 120 engineers at a payments company, on Buildkite and Argo CD, with 300 deploys a day.";
    for d in &mut kit.designs {
        for text in [
            &mut d.real_system,
            &mut d.requirements,
            &mut d.architecture,
            &mut d.scaling,
            &mut d.failure_modes,
            &mut d.observability,
            &mut d.tradeoffs,
        ] {
            *text = sentence.to_string();
        }
    }
    let r = run(&kit, &reviews);
    let item = r.items.iter().find(|i| i.id == "designs").unwrap();
    assert!(!item.met);
    assert!(
        item.detail
            .starts_with("0 of 5 design answers complete; 5 more are started"),
        "{}",
        item.detail
    );
    assert!(
        words(item.next.as_ref().unwrap()).contains("Repeats the Real system section"),
        "{:?}",
        item.next
    );
}

#[test]
fn a_quiz_taken_today_says_today() {
    let (kit, mut reviews) = everything();
    reviews.quiz_rounds[0].date = Some(today());
    let r = run(&kit, &reviews);
    let item = r.items.iter().find(|i| i.id == "metrics_drilled").unwrap();
    assert_eq!(item.detail, "last quiz 100%, today");
    reviews.quiz_rounds[0].date = Some(today() - Duration::days(1));
    let r = run(&kit, &reviews);
    let item = r.items.iter().find(|i| i.id == "metrics_drilled").unwrap();
    assert_eq!(item.detail, "last quiz 100%, yesterday");
}

#[test]
fn a_passed_interview_date_is_said_and_never_planned_as_the_day() {
    let (kit, reviews) = everything();
    let deck = built_in();
    let inputs = Inputs {
        kit: &kit,
        reviews: &reviews,
        deck: &deck,
        today: today(),
    };
    let r = assess(&inputs);
    let past = plan(&r, &inputs, Some(today() - Duration::days(351)));
    assert_eq!(
        words(&past[0]),
        "Your interview date 2025-12-12 has passed (351 days ago): set the date of your next interview (InterviewDate), or clear it."
    );
    assert!(
        !past.iter().any(|s| words(s).contains("Interview today")),
        "{past:?}"
    );
}
