//! `sre-prep troubleshoot --list [--json]` lists the troubleshooting
//! scenarios; `sre-prep troubleshoot ID --replay FILE [--json]` plays FILE
//! (one input a line, as typed in the app) against scenario ID and prints the
//! transcript and the judgment. Exit 0 when the replay solves the scenario,
//! 1 when it does not, 2 on bad input. Nothing is saved.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Result, bail};
use serde::Serialize;

use super::{EXIT_BAD_INPUT, EXIT_NOT_PASSED, EXIT_OK, Output, read_text, say};
use crate::drill::scenario::{Scenario, Step};
use crate::drill::troubleshoot::{
    Basis, Check, Entry, Judgment, Kind, Penalty, REPLAY_SECONDS_PER_LINE, play, replay_inputs,
};
use crate::store::LoadProblem;
use crate::store::scenarios::load_scenarios;

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    title: &'a str,
    symptom: &'a str,
}

fn load(data_dir: &Path) -> (Vec<Scenario>, Vec<LoadProblem>) {
    let mut problems = Vec::new();
    let scenarios = load_scenarios(data_dir, &mut problems);
    for problem in &problems {
        say(&problem.message);
    }
    (scenarios, problems)
}

pub fn list(data_dir: &Path, json: bool) -> Result<u8> {
    let (scenarios, problems) = load(data_dir);
    if json {
        let listed: Vec<Listed> = scenarios
            .iter()
            .map(|s| Listed {
                id: &s.id,
                title: &s.title,
                symptom: &s.symptom,
            })
            .collect();
        let mut stdout = Output::new();
        stdout.raw(serde_json::to_string_pretty(&listed)?.as_bytes());
        stdout.raw(b"\n");
        stdout.done()?;
    } else {
        let mut out = String::new();
        let width = scenarios.iter().map(|s| s.id.len()).max().unwrap_or(0);
        let _ = writeln!(out, "{} troubleshooting scenarios", scenarios.len());
        for s in &scenarios {
            let _ = writeln!(out, "  {:<width$}  {}", s.id, s.title);
        }
        let _ = writeln!(
            out,
            "\nPlay one in the app {}, or replay a file of typed lines:\n  sre-prep troubleshoot ID --replay FILE",
            super::check::how(crate::readiness::Place::Troubleshoot)
        );
        let mut stdout = Output::new();
        stdout.text(&out);
        stdout.done()?;
    }
    Ok(if problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_BAD_INPUT
    })
}

#[derive(Serialize)]
struct Replayed<'a> {
    scenario: &'a str,
    solved: bool,
    score: u8,
    steps: usize,
    commands: usize,
    seconds: u32,
    found: &'a [String],
    missed: &'a [String],
    checks: &'a [Check],
    penalties: &'a [Penalty],
    hints: usize,
    transcript: &'a [Entry],
    cause: &'a str,
    mitigations: Vec<&'a str>,
    follow_ups: &'a [String],
    model_path: &'a [Step],
}

pub fn replay(data_dir: &Path, id: &str, file: &Path, json: bool) -> Result<u8> {
    let (scenarios, _) = load(data_dir);
    let Some(scenario) = scenarios.iter().find(|s| s.id == id) else {
        bail!("there is no scenario `{id}` — `sre-prep troubleshoot --list` lists them");
    };
    let text = read_text(file)?;
    let played = play(scenario, &replay_inputs(&text));
    let j = &played.judgment;
    if json {
        let out = Replayed {
            scenario: &scenario.id,
            solved: j.solved,
            score: j.score,
            steps: j.steps,
            commands: j.commands,
            seconds: j.seconds,
            found: &j.found,
            missed: &j.missed,
            checks: &j.checks,
            penalties: &j.penalties,
            hints: j.hints,
            transcript: &played.transcript,
            cause: &scenario.cause.summary,
            mitigations: scenario
                .mitigations
                .iter()
                .map(|m| m.text.as_str())
                .collect(),
            follow_ups: &scenario.follow_ups,
            model_path: &scenario.model,
        };
        let mut stdout = Output::new();
        stdout.raw(serde_json::to_string_pretty(&out)?.as_bytes());
        stdout.raw(b"\n");
        stdout.done()?;
    } else {
        let mut stdout = Output::new();
        stdout.text(&render(scenario, &played.transcript, j));
        stdout.done()?;
    }
    Ok(if j.solved { EXIT_OK } else { EXIT_NOT_PASSED })
}

fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

fn render(scenario: &Scenario, transcript: &[Entry], j: &Judgment) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", scenario.id, scenario.title);
    let _ = writeln!(out, "{}", scenario.symptom);
    let _ = writeln!(
        out,
        "(a replay has no clock: each line counts as {REPLAY_SECONDS_PER_LINE} s)"
    );
    for entry in transcript {
        let _ = writeln!(out);
        let prompt = if entry.kind == Kind::Command {
            "$ "
        } else {
            ""
        };
        let basis = match &entry.basis {
            Some(Basis::Orienting) => "   · orienting".to_string(),
            Some(Basis::Tests(h)) => format!("   · tests \"{h}\""),
            Some(Basis::Verifies) => "   · checks the mitigation".to_string(),
            Some(Basis::Scan) => "   · no hypothesis behind it (a scan)".to_string(),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "[{}] {prompt}{}{basis}",
            clock(entry.seconds),
            entry.input
        );
        if entry.output.is_empty() {
            let _ = writeln!(out, "(no output)");
        } else {
            let _ = writeln!(out, "{}", entry.output);
        }
    }
    let _ = writeln!(
        out,
        "\n{} · score {}/100 · {} steps, {} commands · {}",
        if j.solved { "Solved" } else { "Not solved" },
        j.score,
        j.steps,
        j.commands,
        clock(j.seconds)
    );
    for check in &j.checks {
        let _ = writeln!(
            out,
            "  {}/{:<3} {} — {}",
            check.points, check.max, check.label, check.why
        );
    }
    for penalty in &j.penalties {
        let _ = writeln!(out, "  -{:<5} {}", penalty.points, penalty.why);
    }
    let clue = |id: &String| {
        scenario
            .clues
            .iter()
            .find(|c| &c.id == id)
            .map(|c| c.text.clone())
            .unwrap_or_else(|| id.clone())
    };
    let _ = writeln!(out, "\nFound:");
    if j.found.is_empty() {
        let _ = writeln!(out, "  nothing");
    }
    for id in &j.found {
        let _ = writeln!(out, "  ✓ {}", clue(id));
    }
    if !j.missed.is_empty() {
        let _ = writeln!(out, "Missed:");
        for id in &j.missed {
            let _ = writeln!(out, "  ✗ {}", clue(id));
        }
    }
    let _ = writeln!(out, "\nRoot cause: {}", scenario.cause.summary);
    let _ = writeln!(out, "\nMitigations that work:");
    for m in &scenario.mitigations {
        let _ = writeln!(out, "  - {}", m.text);
    }
    let _ = writeln!(out, "\nWhat the interviewer asks next:");
    for q in &scenario.follow_ups {
        let _ = writeln!(out, "  - {q}");
    }
    let _ = writeln!(out, "\nA model path:");
    for step in &scenario.model {
        let _ = writeln!(out, "  {}", step.input);
        let _ = writeln!(out, "      {}", step.why);
    }
    out
}
