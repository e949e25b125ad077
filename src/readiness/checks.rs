//! The assessors: one function per item of the checklist, each judging one
//! part of the playbook from the kit, its evaluation and the drill history.
//! Their ids, labels and weights are in [`super::CHECKLIST`].

use chrono::NaiveDate;

use super::{Inputs, NextStep, Verdict};
use crate::content::questions::QUESTIONS;
use crate::drill::deck::{CORE_TOPICS, Card};
use crate::drill::reviews::Reviews;
use crate::drill::srs::mastery;
use crate::evaluate::fit::{judge_links, need};
use crate::evaluate::{KitEvaluation, StoryBrief};
use crate::kit::{CORE_DESIGN_PROMPTS, Kit, MetricKind};

/// Stories ready for an interview, to have.
const STORIES_NEEDED: usize = 3;
/// Complete design answers, to have (the playbook's core prompts among them).
const DESIGNS_NEEDED: usize = 5;
/// Sections of a design answer with content of their own, to be complete.
const DESIGN_SECTIONS_NEEDED: usize = 5;
/// Solid opinions, to have.
const OPINIONS_NEEDED: usize = 3;
/// Days within which a quiz or a rehearsal is recent.
const RECENT_DAYS: i64 = 7;
/// The percentage a topic or a quiz must reach.
const KNOWN_COLD: u8 = 80;

/// Troubleshooting scenarios solved, recently enough to count.
pub const SCENARIOS_SOLVED: usize = 3;
pub const SCENARIO_DAYS: i64 = 14;
pub const SCENARIO_SCORE: u8 = 60;

fn pct(done: usize, of: usize) -> u8 {
    (done.min(of) * 100)
        .checked_div(of)
        .map_or(100, |p| p as u8)
}

/// What every assessor reads, worked out once: the inputs, the kit's
/// evaluation, and the stories ranked by score.
pub(super) struct Judged<'a> {
    kit: &'a Kit,
    reviews: &'a Reviews,
    deck: &'a [Card],
    today: NaiveDate,
    eval: &'a KitEvaluation,
    /// Every story (index into the kit) with its brief, strongest first.
    ranked: Vec<(usize, &'a StoryBrief)>,
    /// The ready stories, strongest first.
    ready: Vec<usize>,
}

impl<'a> Judged<'a> {
    pub(super) fn new(inputs: &Inputs<'a>, eval: &'a KitEvaluation) -> Self {
        let mut ranked: Vec<(usize, &StoryBrief)> = eval.stories.iter().enumerate().collect();
        ranked.sort_by_key(|(_, s)| std::cmp::Reverse(s.summary.total));
        let ready = ranked
            .iter()
            .filter(|(_, s)| s.summary.ready())
            .map(|(i, _)| *i)
            .collect();
        Judged {
            kit: inputs.kit,
            reviews: inputs.reviews,
            deck: inputs.deck,
            today: inputs.today,
            eval,
            ranked,
            ready,
        }
    }

    /// A story's title as the user wrote it, trimmed.
    fn title(&self, i: usize) -> String {
        self.kit.stories[i].title.trim().to_string()
    }

    /// A story's title in quotes, for a sentence.
    fn quoted(&self, i: usize) -> String {
        format!("'{}'", self.title(i))
    }
}

/// Three stories ready; else the strongest one not ready, and what it lacks.
pub(super) fn stories(j: &Judged) -> Verdict {
    let not_ready = j.ranked.iter().find(|(_, s)| !s.summary.ready());
    let titles = |n: usize| {
        j.ready
            .iter()
            .take(n)
            .map(|&i| j.quoted(i))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let detail = match (j.ready.len(), not_ready) {
        (n, _) if n > 5 => format!("{n} stories ready; the 5 strongest: {}", titles(5)),
        (n, _) if n >= STORIES_NEEDED => format!("{n} stories ready: {}", titles(n)),
        (n, Some((i, s))) => {
            let (d, score) = s.summary.weakest();
            format!(
                "{n} of {STORIES_NEEDED} stories ready: {} is at {}, {} {score}/5",
                j.quoted(*i),
                s.summary.total,
                super::next::dimension_phrase(d)
            )
        }
        (n, None) => format!("{n} of {STORIES_NEEDED} stories ready"),
    };
    let next = match not_ready {
        Some((i, s)) => {
            let (dimension, score) = s.summary.weakest();
            NextStep::StrengthenStory {
                story: j.title(*i),
                dimension,
                score,
                advice: s.weakest_advice.clone(),
            }
        }
        None => NextStep::WriteStory,
    };
    Verdict {
        met: j.ready.len() >= STORIES_NEEDED,
        progress: pct(j.ready.len(), STORIES_NEEDED),
        detail,
        next,
    }
}

/// Five complete design answers, the playbook's core prompts among them.
pub(super) fn designs(j: &Judged) -> Verdict {
    let (kit, eval) = (j.kit, j.eval);
    let complete = |i: usize| {
        let e = &eval.designs[i];
        let real = e.checks.first().is_some_and(|c| c.met());
        let substantive = e.checks.iter().filter(|c| c.points > 0).count();
        real && substantive >= DESIGN_SECTIONS_NEEDED
    };
    let good: Vec<usize> = (0..kit.designs.len()).filter(|&i| complete(i)).collect();
    let missing_core: Vec<&str> = CORE_DESIGN_PROMPTS
        .iter()
        .copied()
        .filter(|p| !good.iter().any(|&i| kit.designs[i].prompt.trim() == *p))
        .collect();
    let started = kit.designs.len() - good.len();
    let detail = format!(
        "{} of {DESIGNS_NEEDED} design answers complete{}{}",
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
    let finish = |i: usize| NextStep::CompleteDesign {
        design: kit.designs[i].title.trim().to_string(),
        advice: eval.designs[i]
            .next()
            .map(|c| c.detail.clone())
            .unwrap_or_default(),
    };
    let next = match missing_core.first() {
        // A core prompt started but not complete: finish it, not write it.
        Some(p) => match (0..kit.designs.len()).find(|&i| kit.designs[i].prompt.trim() == *p) {
            Some(i) => finish(i),
            None => NextStep::WriteCoreDesign {
                prompt: p.to_string(),
            },
        },
        None => match (0..kit.designs.len()).find(|&i| !complete(i)) {
            Some(i) => finish(i),
            None => NextStep::AddDesign,
        },
    };
    let core = CORE_DESIGN_PROMPTS.len();
    let progress = (u32::from(pct(good.len(), DESIGNS_NEEDED))
        + u32::from(pct(core - missing_core.len(), core)))
        / 2;
    Verdict {
        met: good.len() >= DESIGNS_NEEDED && missing_core.is_empty(),
        progress: progress as u8,
        detail,
        next,
    }
}

/// An SLO, MTTD and MTTR before and after, and the on-call load.
pub(super) fn metrics(j: &Judged) -> Verdict {
    let has = |kind: MetricKind, both: bool| {
        j.kit.metrics.iter().zip(&j.eval.metrics).any(|(m, r)| {
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
    let missing: Vec<&'static str> = parts
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(name, _)| *name)
        .collect();
    Verdict {
        met: missing.is_empty(),
        progress: pct(done, parts.len()),
        detail: if missing.is_empty() {
            "all four on file".to_string()
        } else {
            format!("{done} of 4; missing {}", missing.join(", "))
        },
        next: NextStep::AddMetric {
            what: missing.first().copied().unwrap_or_default(),
        },
    }
}

/// The last metrics quiz at 80% or more, within the week.
pub(super) fn metrics_drilled(j: &Judged) -> Verdict {
    let last = j.reviews.last_quiz();
    let (met, detail) = match last {
        Some(round) => {
            let age = round
                .date
                .map(|d| (j.today - d).num_days())
                .unwrap_or(i64::MAX);
            let fresh = age <= RECENT_DAYS;
            let when = match age {
                i64::MIN..=0 => "today".to_string(),
                1 => "yesterday".to_string(),
                i64::MAX => "on an unknown day".to_string(),
                days => format!("{days} days ago"),
            };
            (
                round.percent() >= KNOWN_COLD && fresh,
                format!("last quiz {}%, {when}", round.percent()),
            )
        }
        None => (false, "no quiz yet".to_string()),
    };
    Verdict {
        met,
        progress: last.map(|r| r.percent()).unwrap_or(0),
        detail,
        next: NextStep::TakeMetricsQuiz,
    }
}

/// Each core topic of the deck recalled at 80% or more.
pub(super) fn trivia(j: &Judged) -> Verdict {
    let masteries: Vec<(&str, u8)> = CORE_TOPICS
        .iter()
        .map(|&t| {
            (
                t,
                mastery(
                    j.deck.iter().filter(|c| c.topic == t),
                    &j.reviews.cards,
                    j.today,
                ),
            )
        })
        .collect();
    let weak: Vec<String> = masteries
        .iter()
        .filter(|(_, m)| *m < KNOWN_COLD)
        .map(|(t, m)| format!("{t} {m}%"))
        .collect();
    let avg = masteries
        .iter()
        .map(|(_, m)| u32::from((*m).min(KNOWN_COLD)))
        .sum::<u32>()
        * 100
        / (u32::from(KNOWN_COLD) * CORE_TOPICS.len() as u32);
    Verdict {
        met: weak.is_empty(),
        progress: avg as u8,
        detail: if weak.is_empty() {
            "every core topic at 80% or more".into()
        } else {
            format!("below 80%: {}", weak.join(", "))
        },
        next: NextStep::ReviewDeck {
            weakest_topic: masteries
                .iter()
                .min_by_key(|(_, m)| *m)
                .map(|(t, _)| *t)
                .unwrap_or("tcp")
                .to_string(),
        },
    }
}

/// Three opinions with a stance, an alternative, a reason and evidence, and
/// none that only hedges.
pub(super) fn opinions(j: &Judged) -> Verdict {
    let (kit, eval) = (j.kit, j.eval);
    let solid = |i: usize| {
        let e = &eval.opinions[i];
        let ok = |id: &str| e.checks.iter().any(|c| c.id == id && c.points > 0);
        ok("stance") && ok("over") && ok("because") && ok("evidence") && e.flags.is_empty()
    };
    let good = (0..kit.opinions.len()).filter(|&i| solid(i)).count();
    let hedge_only = (0..kit.opinions.len())
        .filter(|&i| !eval.opinions[i].flags.is_empty())
        .count();
    Verdict {
        met: good >= OPINIONS_NEEDED && hedge_only == 0,
        progress: pct(good, OPINIONS_NEEDED),
        detail: format!(
            "{good} of {OPINIONS_NEEDED} opinions complete{}",
            if hedge_only > 0 {
                format!("; {hedge_only} hedge without a stance")
            } else {
                String::new()
            }
        ),
        next: match (0..kit.opinions.len()).find(|&i| !solid(i)) {
            Some(i) => NextStep::FinishOpinion {
                stance: kit.opinions[i].stance.trim().to_string(),
                advice: eval.opinions[i]
                    .next()
                    .map(|c| c.detail.clone())
                    .unwrap_or_default(),
            },
            None => NextStep::TakeSide,
        },
    }
}

/// The platform narrative in the first person, with before/after numbers.
pub(super) fn narrative(j: &Judged) -> Verdict {
    let n = &j.eval.narrative;
    let ok = |id: &str| n.checks.iter().any(|c| c.id == id && c.points > 0);
    Verdict {
        met: ok("role") && ok("before_after"),
        progress: n.score,
        detail: if j.kit.narrative.text.trim().is_empty() {
            "not written".into()
        } else {
            format!("{}/100", n.score)
        },
        next: n
            .next()
            .map(|c| NextStep::ImproveNarrative {
                advice: c.detail.clone(),
            })
            .unwrap_or(NextStep::WriteNarrative),
    }
}

/// Every core question answered by a ready story that fits it; one story
/// counts for three core questions at most.
pub(super) fn coverage(j: &Judged) -> Verdict {
    let core: Vec<&str> = QUESTIONS.iter().filter(|q| q.core).map(|q| q.id).collect();
    let mut covered: Vec<&str> = Vec::new();
    // (story index, question, why) for each weak link to a core question.
    let mut weak: Vec<(usize, &str, String)> = Vec::new();
    let judged = crate::parallel::map(&j.ready, 32, |&i| judge_links(&j.kit.stories[i]));
    for (&i, links) in j.ready.iter().zip(judged) {
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
            j.quoted(*i),
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
        Some((i, q, _)) => NextStep::FitStory {
            story: j.title(*i),
            question: q.to_string(),
            needs: need(q).map_or("", |n| n.needs),
        },
        None => NextStep::LinkStory {
            question: uncovered.first().copied().unwrap_or_default().to_string(),
            needs: uncovered.first().and_then(|q| need(q)).map(|n| n.needs),
        },
    };
    Verdict {
        met: uncovered.is_empty(),
        progress: pct(core.len() - uncovered.len(), core.len()),
        detail,
        next,
    }
}

/// Each ready story rehearsed twice, the last time within the week.
pub(super) fn rehearsed(j: &Judged) -> Verdict {
    let stale: Vec<usize> = j
        .ready
        .iter()
        .copied()
        .filter(|&i| {
            let id = &j.kit.stories[i].id;
            let runs: Vec<_> = j.reviews.rehearsals_of(id).collect();
            let recent = runs
                .iter()
                .filter_map(|r| r.date)
                .max()
                .is_some_and(|d| (j.today - d).num_days() <= RECENT_DAYS);
            runs.len() < 2 || !recent
        })
        .collect();
    let rehearsed = j.ready.len() - stale.len();
    Verdict {
        met: !j.ready.is_empty() && stale.is_empty(),
        progress: pct(rehearsed, j.ready.len().max(1)),
        detail: if j.ready.is_empty() {
            "no ready story to rehearse yet".into()
        } else {
            format!(
                "{rehearsed} of {} ready stories rehearsed enough",
                j.ready.len()
            )
        },
        next: match stale.first() {
            Some(&i) => NextStep::RehearseStory { story: j.title(i) },
            None => NextStep::GetStoryReady,
        },
    }
}

/// Troubleshooting rounds: enough different scenarios solved well, lately.
pub(super) fn troubleshooting(j: &Judged) -> Verdict {
    let (reviews, today) = (j.reviews, j.today);
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
    Verdict {
        met: n >= SCENARIOS_SOLVED,
        progress: pct(n, SCENARIOS_SOLVED),
        detail,
        next: NextStep::PlayTroubleshooting,
    }
}
