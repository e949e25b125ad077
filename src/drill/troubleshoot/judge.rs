//! The judgment of a round: each part of the approach weighed and its
//! points explained — orienting, hypotheses, mitigation, the cause, its
//! evidence, commands and time — less the hints and mistakes.

use super::{
    BROAD, Basis, Check, Entry, HINT_COST, Hypothesis, Judgment, Kind, MITIGATE_WITHIN,
    ORIENT_WITHIN, Penalty, UNSOLVED_CAP,
};
use crate::drill::scenario::Scenario;

pub(super) struct Tally<'a> {
    pub(super) transcript: &'a [Entry],
    pub(super) hypotheses: &'a [Hypothesis],
    pub(super) commands: usize,
    pub(super) steps: usize,
    pub(super) seconds: u32,
    pub(super) found: &'a [(String, usize)],
    pub(super) orient_overview: Option<usize>,
    pub(super) orient_change: Option<usize>,
    pub(super) mitigated: Option<&'a (usize, String)>,
    pub(super) cause_named: Option<(usize, bool)>,
    pub(super) right_hypothesis_first: bool,
    pub(super) hints: usize,
    pub(super) penalties: Vec<Penalty>,
}

/// Commands in the model path.
pub fn model_commands(scenario: &Scenario) -> usize {
    scenario
        .model
        .iter()
        .filter(|s| {
            let head = s.input.split_whitespace().next().unwrap_or("");
            !matches!(head, "h" | "m" | "c" | "hint")
        })
        .count()
}

fn minutes(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

pub(super) fn judge(scenario: &Scenario, t: Tally) -> Judgment {
    let solved = t.cause_named.is_some();
    let mut checks = Vec::new();

    // Orientation: the golden signals and what changed, first.
    let overview = t.orient_overview.filter(|&n| n <= ORIENT_WITHIN);
    let change = t.orient_change.filter(|&n| n <= ORIENT_WITHIN + 1);
    let first_commands: Vec<&str> = t
        .transcript
        .iter()
        .filter(|e| e.kind == Kind::Command)
        .take(ORIENT_WITHIN)
        .map(|e| e.input.as_str())
        .collect();
    let oriented: Vec<&str> = t
        .transcript
        .iter()
        .filter(|e| e.basis == Some(Basis::Orienting))
        .map(|e| e.input.as_str())
        .collect();
    let points = 5 * u8::from(overview.is_some()) + 5 * u8::from(change.is_some());
    let why = match (overview, change) {
        _ if t.commands == 0 => "No command was run.".to_string(),
        (Some(_), Some(_)) => format!(
            "You asked what changed and looked at the golden signals first ({}).",
            oriented.join(", ")
        ),
        (Some(_), None) => format!(
            "You looked at the signals first ({}), but did not ask what changed early (a deploy, a config push, a cron).",
            oriented.join(", ")
        ),
        (None, Some(_)) => "You asked what changed, but did not look at the golden signals (load, errors, latency: uptime, top, vmstat, dmesg) in your first three commands.".to_string(),
        (None, None) => format!(
            "Your first commands ({}) went straight to a guess: look at the golden signals and ask what changed first.",
            first_commands.join(", ")
        ),
    };
    checks.push(Check {
        id: "orient",
        label: "Oriented first: what changed, golden signals",
        points,
        max: 10,
        why,
    });

    // Hypotheses: each command tests one.
    let considered: Vec<&Entry> = t
        .transcript
        .iter()
        .filter(|e| e.kind == Kind::Command && e.basis != Some(Basis::Orienting))
        .collect();
    let justified = considered
        .iter()
        .filter(|e| matches!(e.basis, Some(Basis::Tests(_)) | Some(Basis::Verifies)))
        .count();
    let stated = t
        .hypotheses
        .iter()
        .filter(|h| h.tags.len() <= BROAD)
        .count();
    let share_points = if t.commands == 0 || stated == 0 {
        0
    } else if considered.is_empty() {
        15
    } else {
        (15 * justified / considered.len()) as u8
    };
    let right_points = if t.right_hypothesis_first { 5 } else { 0 };
    let broad = t.hypotheses.len() - stated;
    let mut why = if t.commands == 0 {
        "No command was run.".to_string()
    } else if stated == 0 {
        format!(
            "No hypothesis was stated{}: {} commands were a scan. Say `h <what you suspect>` before the commands that test it.",
            if broad > 0 {
                " that names fewer than four areas"
            } else {
                ""
            },
            t.commands
        )
    } else {
        format!(
            "{justified} of {} commands after orienting tested a hypothesis you had stated",
            considered.len()
        )
    };
    if stated > 0 {
        let scans: Vec<&str> = considered
            .iter()
            .filter(|e| e.basis == Some(Basis::Scan))
            .map(|e| e.input.as_str())
            .take(3)
            .collect();
        if !scans.is_empty() {
            why.push_str(&format!("; no hypothesis behind {}", scans.join(", ")));
        }
        why.push('.');
        why.push_str(if t.right_hypothesis_first {
            " You stated the right hypothesis before the proof."
        } else if t.hypotheses.iter().any(|h| h.right) {
            " You stated the right hypothesis only after the proof was on screen."
        } else {
            " None of your hypotheses was the cause."
        });
    }
    checks.push(Check {
        id: "hypotheses",
        label: "Commands justified by a hypothesis, not a scan",
        points: share_points + right_points,
        max: 20,
        why,
    });

    // Mitigation before digging, while users hurt.
    let within = if scenario.mitigate_within == 0 {
        MITIGATE_WITHIN
    } else {
        scenario.mitigate_within
    } as usize;
    let before_cause = |at: usize| t.cause_named.is_none_or(|(named, _)| at <= named);
    let (points, why) = match t.mitigated {
        None => (
            0,
            if scenario.users_hurting {
                "Users were hurting and nothing was done to stop it: mitigate first (`m <action>`), then dig.".to_string()
            } else {
                "No mitigation was stated: say what stops the damage (`m <action>`).".to_string()
            },
        ),
        Some((at, what)) if !scenario.users_hurting => {
            (15, format!("You mitigated (`{what}`) after {at} commands."))
        }
        Some((at, what)) if *at <= within && before_cause(*at) => (
            15,
            format!(
                "Users were hurting and you mitigated (`{what}`) after {at} commands, before digging for the cause."
            ),
        ),
        Some((at, what)) => (
            8,
            format!(
                "You mitigated (`{what}`), but only after {at} commands{}; while users hurt, stop the bleeding within {within}.",
                if before_cause(*at) {
                    ""
                } else {
                    " and after naming the cause"
                }
            ),
        ),
    };
    checks.push(Check {
        id: "mitigation",
        label: if scenario.users_hurting {
            "Mitigated before digging while users hurt"
        } else {
            "Mitigated"
        },
        points,
        max: 15,
        why,
    });

    // The cause.
    checks.push(Check {
        id: "cause",
        label: "Named the root cause",
        points: if solved { 30 } else { 0 },
        max: 30,
        why: if solved {
            "You named the root cause.".to_string()
        } else {
            "The root cause was not named (`c <cause>`).".to_string()
        },
    });

    // The evidence.
    let proof_names: Vec<&str> = scenario
        .clues
        .iter()
        .filter(|c| scenario.cause.proof.contains(&c.id))
        .map(|c| c.text.as_str())
        .collect();
    let (points, why) = match t.cause_named {
        Some((_, true)) => {
            let seen: Vec<&str> = t
                .found
                .iter()
                .filter(|(id, _)| scenario.cause.proof.contains(id))
                .filter_map(|(id, _)| scenario.clues.iter().find(|c| &c.id == id))
                .map(|c| c.text.as_str())
                .collect();
            (
                15,
                format!("You had the proof on screen: {}.", seen.join("; ")),
            )
        }
        Some((_, false)) => (
            0,
            format!(
                "You named the cause without the evidence that proves it: {}.",
                proof_names.join("; and ")
            ),
        ),
        None => (0, "No cause was named.".to_string()),
    };
    checks.push(Check {
        id: "evidence",
        label: "Named the cause with the evidence that proves it",
        points,
        max: 15,
        why,
    });

    // Economy: commands and time.
    let model = model_commands(scenario).max(1);
    let par = scenario.par_minutes.max(1) * 60;
    let (points, why) = if !solved {
        (0, "Counted only for a solved round.".to_string())
    } else {
        let n = t.commands;
        let command_points = if n <= model + 3 {
            6
        } else {
            let over = n - (model + 3);
            let span = 2 * model;
            (6 * span.saturating_sub(over) / span) as u8
        };
        let time_points = if t.seconds <= par {
            4
        } else if t.seconds <= 2 * par {
            2
        } else {
            0
        };
        (
            command_points + time_points,
            format!(
                "{n} commands (the model path takes {model}) in {} (par {}).",
                minutes(t.seconds),
                minutes(par)
            ),
        )
    };
    checks.push(Check {
        id: "economy",
        label: "Commands and time",
        points,
        max: 10,
        why,
    });

    let mut penalties = t.penalties;
    if t.hints > 0 {
        penalties.insert(
            0,
            Penalty {
                points: HINT_COST * t.hints as u8,
                why: format!("{} hint{}", t.hints, if t.hints == 1 { "" } else { "s" }),
            },
        );
    }
    let earned: i32 = checks.iter().map(|c| i32::from(c.points)).sum();
    let lost: i32 = penalties.iter().map(|p| i32::from(p.points)).sum();
    let mut score = (earned - lost).clamp(0, 100) as u8;
    if !solved {
        score = score.min(UNSOLVED_CAP);
    }
    let found: Vec<String> = scenario
        .clues
        .iter()
        .filter(|c| t.found.iter().any(|(id, _)| *id == c.id))
        .map(|c| c.id.clone())
        .collect();
    let missed = scenario
        .clues
        .iter()
        .filter(|c| !found.contains(&c.id))
        .map(|c| c.id.clone())
        .collect();
    Judgment {
        solved,
        score,
        steps: t.steps,
        commands: t.commands,
        seconds: t.seconds,
        found,
        missed,
        checks,
        penalties,
        hints: t.hints,
    }
}
