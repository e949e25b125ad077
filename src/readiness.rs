//! Readiness: the playbook's checklist, computed from a kit and its drill
//! history — every item met or not, why, and the next concrete thing to do.
//! Pure: "today" is passed in, never read from the clock.

use chrono::NaiveDate;
use serde::Serialize;

use crate::content::questions::QUESTIONS;
use crate::drill::deck::{CORE_TOPICS, Card};
use crate::drill::reviews::Reviews;
use crate::drill::srs::mastery;
use crate::evaluate::fit::{judge_links, need};
use crate::evaluate::{KitEvaluation, StoryBrief, evaluate_kit};
use crate::kit::{CORE_DESIGN_PROMPTS, Kit, MetricKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: &'static str,
    #[serde(skip)]
    pub label: &'static str,
    pub met: bool,
    pub detail: String,
    pub next: String,
    /// Share of the item done, 0 to 100 (for the score).
    #[serde(skip)]
    pub progress: u8,
    #[serde(skip)]
    pub weight: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Readiness {
    pub ready: bool,
    pub score: u8,
    pub items: Vec<Item>,
}

/// A dimension as it reads inside a sentence: "your role", "the fix".
fn dimension_phrase(d: crate::score::Dimension) -> &'static str {
    use crate::score::Dimension;
    match d {
        Dimension::BlastRadius => "the blast radius",
        Dimension::Role => "your role",
        Dimension::Decision => "the decision",
        Dimension::Fix => "the fix",
        Dimension::SystemicChange => "the systemic change",
        Dimension::Numbers => "the before/after numbers",
    }
}

fn pct(done: usize, of: usize) -> u8 {
    (done.min(of) * 100)
        .checked_div(of)
        .map_or(100, |p| p as u8)
}

fn item(
    id: &'static str,
    label: &'static str,
    weight: u8,
    progress: u8,
    met: bool,
    detail: String,
    next: String,
) -> Item {
    Item {
        id,
        label,
        met,
        detail,
        next: if met { String::new() } else { next },
        progress: if met { 100 } else { progress.min(99) },
        weight,
    }
}

/// Everything the checklist reads.
pub struct Inputs<'a> {
    pub kit: &'a Kit,
    pub reviews: &'a Reviews,
    pub deck: &'a [Card],
    pub today: NaiveDate,
}

pub fn assess(inputs: &Inputs) -> Readiness {
    let eval = evaluate_kit(inputs.kit);
    assess_evaluated(inputs, &eval)
}

pub fn assess_evaluated(inputs: &Inputs, eval: &KitEvaluation) -> Readiness {
    let Inputs {
        kit,
        reviews,
        deck,
        today,
    } = *inputs;
    let mut items = Vec::new();

    // stories
    let mut ranked: Vec<(usize, &StoryBrief)> = eval.stories.iter().enumerate().collect();
    ranked.sort_by_key(|(_, s)| std::cmp::Reverse(s.summary.total));
    let ready: Vec<usize> = ranked
        .iter()
        .filter(|(_, s)| s.summary.ready())
        .map(|(i, _)| *i)
        .collect();
    let title = |i: usize| format!("'{}'", kit.stories[i].title.trim());
    let not_ready = ranked.iter().find(|(_, s)| !s.summary.ready());
    let detail = match (ready.len(), not_ready) {
        (n, _) if n > 5 => format!(
            "{n} stories ready; the 5 strongest: {}",
            ready
                .iter()
                .take(5)
                .map(|&i| title(i))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (n, _) if n >= 3 => format!(
            "{n} stories ready: {}",
            ready
                .iter()
                .map(|&i| title(i))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (n, Some((i, s))) => {
            let (d, score) = s.summary.weakest();
            format!(
                "{n} of 3 stories ready: {} is at {}, {} {score}/5",
                title(*i),
                s.summary.total,
                dimension_phrase(d)
            )
        }
        (n, None) => format!("{n} of 3 stories ready"),
    };
    let next = match not_ready {
        Some((i, s)) => {
            let (d, score) = s.summary.weakest();
            let tip = s.weakest_advice.clone();
            format!(
                "Strengthen {} in {} ({score}/5): {tip}",
                dimension_phrase(d),
                title(*i)
            )
        }
        None => "Write another incident story (1, then n).".to_string(),
    };
    items.push(item(
        "stories",
        "3 interview-ready stories",
        20,
        pct(ready.len(), 3),
        ready.len() >= 3,
        detail,
        next,
    ));

    // designs
    let complete = |i: usize| {
        let e = &eval.designs[i];
        let real = e.checks.first().is_some_and(|c| c.met());
        let substantive = e.checks.iter().filter(|c| c.points > 0).count();
        real && substantive >= 5
    };
    let good: Vec<usize> = (0..kit.designs.len()).filter(|&i| complete(i)).collect();
    let missing_core: Vec<&str> = CORE_DESIGN_PROMPTS
        .iter()
        .copied()
        .filter(|p| !good.iter().any(|&i| kit.designs[i].prompt.trim() == *p))
        .collect();
    let met = good.len() >= 5 && missing_core.is_empty();
    let started = kit.designs.len() - good.len();
    let detail = format!(
        "{} of 5 design answers complete{}{}",
        good.len(),
        match started {
            0 => String::new(),
            n => format!(
                "; {n} more {} not complete yet (a complete one has the real system you ran and 5 of its 7 sections with content of their own)",
                if n == 1 {
                    "is started but"
                } else {
                    "are started but"
                }
            ),
        },
        if missing_core.is_empty() {
            String::new()
        } else {
            format!(
                "; of the playbook's minimum, missing: {}",
                missing_core.join(", ")
            )
        }
    );
    let finish = |i: usize| {
        format!(
            "Complete '{}': {}",
            kit.designs[i].title.trim(),
            eval.designs[i]
                .next()
                .map(|c| c.detail.clone())
                .unwrap_or_default()
        )
    };
    let next = match missing_core.first() {
        // A core prompt started but not complete: finish it, not write it.
        Some(p) => match (0..kit.designs.len()).find(|&i| kit.designs[i].prompt.trim() == *p) {
            Some(i) => finish(i),
            None => format!("Write the {p} design answer from a system you ran (2, then n)."),
        },
        None => match (0..kit.designs.len()).find(|&i| !complete(i)) {
            Some(i) => finish(i),
            None => "Add another design answer (2, then n).".to_string(),
        },
    };
    let progress = (u32::from(pct(good.len(), 5)) + u32::from(pct(3 - missing_core.len(), 3))) / 2;
    items.push(item(
        "designs",
        "5 design answers, the playbook's three among them",
        15,
        progress as u8,
        met,
        detail,
        next,
    ));

    // metrics
    let has = |kind: MetricKind, both: bool| {
        kit.metrics.iter().zip(&eval.metrics).any(|(m, r)| {
            m.kind == kind
                && if both {
                    r.before.is_some() && r.after.is_some()
                } else {
                    r.before.is_some() || r.after.is_some()
                }
        })
    };
    let parts = [
        ("an SLO with a value", has(MetricKind::Slo, false)),
        ("MTTD before and after", has(MetricKind::Mttd, true)),
        ("MTTR before and after", has(MetricKind::Mttr, true)),
        ("on-call load with a value", has(MetricKind::Oncall, false)),
    ];
    let done = parts.iter().filter(|(_, ok)| *ok).count();
    let missing: Vec<&str> = parts
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(name, _)| *name)
        .collect();
    items.push(item(
        "metrics",
        "Metrics: SLO, MTTD, MTTR, on-call",
        10,
        pct(done, 4),
        missing.is_empty(),
        if missing.is_empty() {
            "all four on file".to_string()
        } else {
            format!("{done} of 4; missing {}", missing.join(", "))
        },
        format!("Add {} (3, then n).", missing.first().unwrap_or(&"")),
    ));

    // metrics_drilled
    let last = reviews.last_quiz();
    let (met, detail) = match last {
        Some(round) => {
            let age = round
                .date
                .map(|d| (today - d).num_days())
                .unwrap_or(i64::MAX);
            let fresh = age <= 7;
            let when = match age {
                i64::MIN..=0 => "today".to_string(),
                1 => "yesterday".to_string(),
                i64::MAX => "on an unknown day".to_string(),
                days => format!("{days} days ago"),
            };
            (
                round.percent() >= 80 && fresh,
                format!("last quiz {}%, {when}", round.percent()),
            )
        }
        None => (false, "no quiz yet".to_string()),
    };
    items.push(item(
        "metrics_drilled",
        "Metrics known cold (quiz ≥ 80% this week)",
        5,
        last.map(|r| r.percent()).unwrap_or(0),
        met,
        detail,
        "Take the metrics quiz (3, then r) until you score 80% or more.".into(),
    ));

    // trivia
    let masteries: Vec<(&str, u8)> = CORE_TOPICS
        .iter()
        .map(|&t| {
            (
                t,
                mastery(deck.iter().filter(|c| c.topic == t), &reviews.cards, today),
            )
        })
        .collect();
    let weak: Vec<String> = masteries
        .iter()
        .filter(|(_, m)| *m < 80)
        .map(|(t, m)| format!("{t} {m}%"))
        .collect();
    let avg = masteries
        .iter()
        .map(|(_, m)| u32::from((*m).min(80)))
        .sum::<u32>()
        * 100
        / (80 * 6);
    items.push(item(
        "trivia",
        "Linux & systems: 80% recalled in each core topic",
        10,
        avg as u8,
        weak.is_empty(),
        if weak.is_empty() {
            "every core topic at 80% or more".into()
        } else {
            format!("below 80%: {}", weak.join(", "))
        },
        format!(
            "Review the deck (4, then r); cram {} (c).",
            masteries
                .iter()
                .min_by_key(|(_, m)| *m)
                .map(|(t, _)| *t)
                .unwrap_or("tcp")
        ),
    ));

    // opinions
    let solid = |i: usize| {
        let e = &eval.opinions[i];
        let ok = |id: &str| e.checks.iter().any(|c| c.id == id && c.points > 0);
        ok("stance") && ok("over") && ok("because") && ok("evidence") && e.flags.is_empty()
    };
    let good = (0..kit.opinions.len()).filter(|&i| solid(i)).count();
    let hedge_only = (0..kit.opinions.len())
        .filter(|&i| !eval.opinions[i].flags.is_empty())
        .count();
    items.push(item(
        "opinions",
        "3 opinions with stance, alternative, reason, evidence",
        10,
        pct(good, 3),
        good >= 3 && hedge_only == 0,
        format!(
            "{good} of 3 opinions complete{}",
            if hedge_only > 0 {
                format!("; {hedge_only} hedge without a stance")
            } else {
                String::new()
            }
        ),
        match (0..kit.opinions.len()).find(|&i| !solid(i)) {
            Some(i) => format!(
                "Finish '{}': {}",
                kit.opinions[i].stance.trim(),
                eval.opinions[i]
                    .next()
                    .map(|c| c.detail.clone())
                    .unwrap_or_default()
            ),
            None => "Take a side in a classic debate (5, then t).".into(),
        },
    ));

    // narrative
    let n = &eval.narrative;
    let ok = |id: &str| n.checks.iter().any(|c| c.id == id && c.points > 0);
    let met = ok("role") && ok("before_after");
    items.push(item(
        "narrative",
        "Platform narrative: first person, before/after numbers",
        5,
        n.score,
        met,
        if kit.narrative.text.trim().is_empty() {
            "not written".into()
        } else {
            format!("{}/100", n.score)
        },
        n.next()
            .map(|c| format!("Narrative (p): {}", c.detail))
            .unwrap_or_else(|| "Write the platform narrative (p).".into()),
    ));

    // coverage: a link counts where the story fits the question, and one
    // story counts for three core questions at most.
    let core: Vec<&str> = QUESTIONS.iter().filter(|q| q.core).map(|q| q.id).collect();
    let mut covered: Vec<&str> = Vec::new();
    // (story index, question, why) for each weak link to a core question.
    let mut weak: Vec<(usize, &str, String)> = Vec::new();
    let judged = crate::parallel::map(&ready, 32, |&i| judge_links(&kit.stories[i]));
    for (&i, links) in ready.iter().zip(judged) {
        for link in links.into_iter().filter(|l| l.core) {
            match link.verdict {
                Ok(()) => covered.push(link.question),
                Err(why) => weak.push((i, link.question, why)),
            }
        }
    }
    let uncovered: Vec<&str> = core
        .iter()
        .copied()
        .filter(|q| !covered.contains(q))
        .collect();
    // The weak links that leave a question uncovered are what to fix.
    weak.retain(|(_, q, _)| uncovered.contains(q));
    let mut detail = format!(
        "{} of {} core questions covered{}",
        core.len() - uncovered.len(),
        core.len(),
        if uncovered.is_empty() {
            String::new()
        } else {
            format!("; not yet: {}", uncovered.join(", "))
        }
    );
    for (i, q, why) in weak.iter().take(3) {
        detail.push_str(&format!(
            "; weak link {} -> {q}: {}",
            title(*i),
            why.trim_end_matches('.')
        ));
    }
    if weak.len() > 3 {
        detail.push_str(&format!(
            "; {} more weak links (see the coverage matrix)",
            weak.len() - 3
        ));
    }
    let next = match weak.first() {
        Some((i, q, _)) => format!(
            "Make {} fit '{q}' or link another story to it (c, then m): {}",
            title(*i),
            need(q).map_or("", |n| n.needs)
        ),
        None => format!(
            "Link a ready story to '{}' in the coverage matrix (c, then m), or write one for it{}.",
            uncovered.first().unwrap_or(&""),
            uncovered
                .first()
                .and_then(|q| need(q))
                .map(|n| format!(": it needs {}", n.needs))
                .unwrap_or_default()
        ),
    };
    items.push(item(
        "coverage",
        "Every core question answered by a ready story",
        10,
        pct(core.len() - uncovered.len(), core.len()),
        uncovered.is_empty(),
        detail,
        next,
    ));

    // rehearsed
    let stale: Vec<String> = ready
        .iter()
        .filter(|&&i| {
            let id = &kit.stories[i].id;
            let runs: Vec<_> = reviews.rehearsals_of(id).collect();
            let recent = runs
                .iter()
                .filter_map(|r| r.date)
                .max()
                .is_some_and(|d| (today - d).num_days() <= 7);
            runs.len() < 2 || !recent
        })
        .map(|&i| title(i))
        .collect();
    let rehearsed = ready.len() - stale.len();
    items.push(item(
        "rehearsed",
        "Each ready story rehearsed twice, last within 7 days",
        10,
        pct(rehearsed, ready.len().max(1)),
        !ready.is_empty() && stale.is_empty(),
        if ready.is_empty() {
            "no ready story to rehearse yet".into()
        } else {
            format!(
                "{rehearsed} of {} ready stories rehearsed enough",
                ready.len()
            )
        },
        match stale.first() {
            Some(t) => format!("Rehearse {t} (1, select it, r)."),
            None => "Get a story interview-ready first.".into(),
        },
    ));

    items.push(troubleshooting(reviews, today));

    let score = items
        .iter()
        .map(|i| u32::from(i.weight) * u32::from(i.progress))
        .sum::<u32>()
        / 100;
    Readiness {
        ready: items.iter().all(|i| i.met),
        score: score.min(100) as u8,
        items,
    }
}

/// Troubleshooting scenarios solved, recently enough to count.
pub const SCENARIOS_SOLVED: usize = 3;
pub const SCENARIO_DAYS: i64 = 14;
pub const SCENARIO_SCORE: u8 = 60;

/// Troubleshooting rounds: enough different scenarios solved well, lately.
fn troubleshooting(reviews: &Reviews, today: NaiveDate) -> Item {
    let recent = |d: Option<NaiveDate>| d.is_some_and(|d| (today - d).num_days() <= SCENARIO_DAYS);
    let mut solved: Vec<&str> = reviews
        .troubleshooting
        .iter()
        .filter(|a| a.solved && a.score >= SCENARIO_SCORE && recent(a.date))
        .map(|a| a.scenario.as_str())
        .collect();
    solved.sort_unstable();
    solved.dedup();
    let n = solved.len();
    let detail = match reviews.troubleshooting.last() {
        None => "no troubleshooting round played yet".to_string(),
        Some(last) => format!(
            "{n} of {SCENARIOS_SOLVED} scenarios solved (score {SCENARIO_SCORE}+) in the last {SCENARIO_DAYS} days; last round: {} {}, {}",
            last.scenario,
            if last.solved { "solved" } else { "not solved" },
            last.score
        ),
    };
    item(
        "troubleshooting",
        "Troubleshooting: 3 scenarios solved in the last 14 days",
        5,
        pct(n, SCENARIOS_SOLVED),
        n >= SCENARIOS_SOLVED,
        detail,
        "Play a troubleshooting round (4, then t): hypothesis first, mitigate, then prove the cause.".into(),
    )
}

/// Today's plan from what is unmet; the day before and the day of the
/// interview, a light review and nothing new.
pub fn plan(readiness: &Readiness, inputs: &Inputs, interview: Option<NaiveDate>) -> Vec<String> {
    let days = interview.map(|d| (d - inputs.today).num_days());
    // Cards due, and the topics with the most of them.
    let mut due_by_topic: Vec<(usize, &str)> = Vec::new();
    for card in inputs.deck {
        if inputs
            .reviews
            .cards
            .get(&card.id)
            .is_some_and(|s| s.is_due(inputs.today))
        {
            match due_by_topic.iter_mut().find(|(_, t)| *t == card.topic) {
                Some((n, _)) => *n += 1,
                None => due_by_topic.push((1, &card.topic)),
            }
        }
    }
    due_by_topic.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let due_cards: usize = due_by_topic.iter().map(|(n, _)| n).sum();
    let due_stories: Vec<&str> = inputs
        .kit
        .stories
        .iter()
        .filter(|s| {
            inputs
                .reviews
                .stories
                .get(&s.id)
                .is_some_and(|st| st.is_due(inputs.today))
        })
        .map(|s| s.title.as_str())
        .collect();
    if matches!(days, Some(0 | 1)) {
        let mut plan = vec![
            "Light review only, nothing new.".to_string(),
            "Rehearse your top stories out loud once each (1, then r).".to_string(),
            "Cram your weakest cards (4, then w).".to_string(),
            "Read the cheat sheet (sre-prep export --format md).".to_string(),
        ];
        if days == Some(0) {
            plan.insert(
                1,
                "Interview today: sleep, water, and trust what you prepared.".into(),
            );
        }
        return plan;
    }
    let mut plan: Vec<String> = Vec::new();
    if let (Some(day), Some(ago)) = (interview, days.filter(|d| *d < 0)) {
        plan.push(format!(
            "Your interview date {day} has passed ({} ago): set the date of your next interview (i on home), or clear it.",
            if ago == -1 {
                "1 day".to_string()
            } else {
                format!("{} days", -ago)
            }
        ));
    }
    plan.extend(
        readiness
            .items
            .iter()
            .filter(|i| !i.met)
            .take(3)
            .map(|i| i.next.clone()),
    );
    if let Some(title) = due_stories.first() {
        plan.push(format!("Rehearse '{title}' (due)."));
    }
    let due_scenarios = inputs
        .reviews
        .scenarios
        .values()
        .filter(|s| s.is_due(inputs.today))
        .count();
    if due_scenarios > 0 {
        plan.push(format!(
            "{due_scenarios} troubleshooting scenario{} due again (4, then t).",
            if due_scenarios == 1 { "" } else { "s" }
        ));
    }
    if due_cards > 0 {
        let topics: Vec<&str> = due_by_topic.iter().take(2).map(|(_, t)| *t).collect();
        plan.push(format!(
            "{due_cards} trivia cards due, most in {} (4, then r).",
            topics.join(" and ")
        ));
    }
    if plan.is_empty() {
        plan.push("Everything is met: keep rehearsing and reviewing what comes due.".into());
    }
    plan
}
