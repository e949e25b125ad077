//! The troubleshooting round, played: a scenario and the lines the candidate
//! typed (each with the second it was typed at) go in; the transcript and the
//! judgment come out. Pure: no clock, no disk — the same lines always give
//! the same verdict, in the app and in `sre-prep troubleshoot --replay`.
//!
//! A line is a command (answered from the scenario, else from the
//! healthy-host baseline), or `h <hypothesis>`, `m <mitigation>`,
//! `c <cause>`, or `hint`. The round ends when the cause is named.
//!
//! The judgment weighs the approach, not only the answer: orienting first
//! (what changed, the golden signals), commands that test a stated
//! hypothesis rather than a scan of every tool, a mitigation before the
//! digging while users hurt, the cause named with the evidence that proves
//! it, and the commands and time it took.

mod judge;
mod shell;
#[cfg(test)]
mod tests;
mod words;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use super::scenario::{self, Baseline, Command, Match, ORIENTING, Scenario};
use super::srs::Rating;
pub use judge::model_commands;
use judge::{Tally, judge};
use shell::{filter, pipeline};
use words::tool_tags;
pub use words::{hypothesis_tags, matches};

/// Points a hint costs.
pub const HINT_COST: u8 = 8;
/// Points a wrong cause or a harmful action costs.
pub const WRONG_COST: u8 = 5;
/// The most an unsolved round scores.
pub const UNSOLVED_CAP: u8 = 40;
/// A hypothesis naming more areas than this is a scan in disguise.
pub const BROAD: usize = 3;
/// Commands counted as orienting at the start of a round.
pub const ORIENT_WITHIN: usize = 3;
/// While users hurt, a mitigation is expected within this many commands
/// (unless the scenario says otherwise).
pub const MITIGATE_WITHIN: u32 = 6;
/// A cause said in more words than this is a list, not a cause.
pub const CAUSE_WORDS: usize = 40;
/// A replay has no clock: each line counts as this many seconds.
pub const REPLAY_SECONDS_PER_LINE: u32 = 30;

/// One line as typed, and when (seconds since the round started).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub text: String,
    pub seconds: u32,
}

/// Lines from a replay file: one input a line, each counted as
/// [`REPLAY_SECONDS_PER_LINE`] seconds after the one before.
pub fn replay_inputs(text: &str) -> Vec<Input> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, line)| Input {
            text: line.to_string(),
            seconds: (i as u32 + 1) * REPLAY_SECONDS_PER_LINE,
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Command,
    Hypothesis,
    Mitigation,
    Cause,
    Hint,
    /// Typed after the round ended, or not understood.
    Note,
}

/// Why a command was run, as the judge reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "basis", content = "hypothesis")]
pub enum Basis {
    /// Among the first commands, looking at the golden signals or changes.
    Orienting,
    /// Tests this hypothesis (its text).
    Tests(String),
    /// Checks that a mitigation worked.
    Verifies,
    /// No stated hypothesis is about what it looks at.
    Scan,
}

/// One line of the transcript: what was typed and what came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub kind: Kind,
    pub input: String,
    pub seconds: u32,
    pub output: String,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
}

/// One part of the judgment, with the reason for its points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub id: &'static str,
    pub label: &'static str,
    pub points: u8,
    pub max: u8,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Penalty {
    pub points: u8,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgment {
    pub solved: bool,
    pub score: u8,
    /// Lines played: commands, hypotheses, mitigations, causes and hints.
    pub steps: usize,
    pub commands: usize,
    pub seconds: u32,
    /// Ids of the clues the candidate's commands showed, and of those they did not.
    pub found: Vec<String>,
    pub missed: Vec<String>,
    pub checks: Vec<Check>,
    pub penalties: Vec<Penalty>,
    pub hints: usize,
}

impl Judgment {
    /// How the round schedules the scenario's next practice.
    pub fn rating(&self) -> Rating {
        match (self.solved, self.score) {
            (false, _) => Rating::Again,
            (true, s) if s >= 85 => Rating::Easy,
            (true, s) if s >= 65 => Rating::Good,
            _ => Rating::Hard,
        }
    }
}

/// A round as played so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Played {
    pub transcript: Vec<Entry>,
    /// The cause was named: nothing more is played.
    pub over: bool,
    pub judgment: Judgment,
}

struct Compiled<'a> {
    command: &'a Command,
    patterns: Vec<Regex>,
}

fn compile_all(commands: &[Command]) -> Vec<Compiled<'_>> {
    commands
        .iter()
        .map(|command| Compiled {
            command,
            patterns: command
                .patterns
                .iter()
                .filter_map(|p| scenario::compile(p).ok())
                .collect(),
        })
        .collect()
}

fn the_baseline() -> &'static Baseline {
    static BASELINE: OnceLock<Baseline> = OnceLock::new();
    BASELINE.get_or_init(scenario::baseline)
}

/// What a command line resolved to.
struct Resolved<'a> {
    command: Option<&'a Command>,
    captures: Vec<String>,
}

fn resolve<'a>(compiled: &[Compiled<'a>], line: &str) -> Resolved<'a> {
    for c in compiled {
        for re in &c.patterns {
            if let Some(caps) = re.captures(line) {
                let captures = caps
                    .iter()
                    .map(|m| m.map(|m| m.as_str().to_string()).unwrap_or_default())
                    .collect();
                return Resolved {
                    command: Some(c.command),
                    captures,
                };
            }
        }
    }
    Resolved {
        command: None,
        captures: Vec::new(),
    }
}

/// Resolves a command line: the whole pipeline if a pattern names it,
/// else its first stage, with the later stages returned to filter the
/// output. Also returns the line the patterns saw.
fn lookup<'a>(compiled: &[Compiled<'a>], text: &str) -> (Resolved<'a>, String, Vec<String>) {
    let whole = scenario::normalize(text);
    let resolved = resolve(compiled, &whole);
    if resolved.command.is_some() {
        return (resolved, whole, Vec::new());
    }
    let mut stages = pipeline(text);
    let first = scenario::normalize(stages.first().map(String::as_str).unwrap_or(""));
    let filters = if stages.is_empty() {
        Vec::new()
    } else {
        stages.split_off(1)
    };
    (resolve(compiled, &first), first, filters)
}

/// Fills `{name}` from the variables and `{1}`..`{9}` from the captures;
/// any other braces are left as they are.
fn fill(text: &str, vars: &[(&str, &str)], captures: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = match name.parse::<usize>() {
                Ok(n) if (1..=9).contains(&n) => captures.get(n).map(String::as_str),
                _ => vars.iter().find(|(k, _)| *k == name).map(|(_, v)| *v),
            };
            value.map(|v| (v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What the interviewer says to a command the scenario does not model.
pub const NOTHING_UNUSUAL: &str =
    "[interviewer] Assume that shows nothing unusual on this host. What were you testing with it?";

/// How many built-in scenarios other than `id` have a cause `text` names: a
/// list of every cause names several, one cause names none.
fn other_causes(id: &str, text: &str) -> usize {
    static CAUSES: OnceLock<Vec<(String, Match)>> = OnceLock::new();
    CAUSES
        .get_or_init(|| {
            scenario::built_in()
                .into_iter()
                .map(|s| (s.id, s.cause.matches))
                .collect()
        })
        .iter()
        .filter(|(other, m)| other != id && matches(text, m))
        .count()
}

/// Every clue of `proof` has been shown.
fn proven(proof: &[String], found: &[(String, usize)]) -> bool {
    !proof.is_empty() && proof.iter().all(|p| found.iter().any(|(id, _)| id == p))
}

pub(super) struct Hypothesis {
    pub(super) text: String,
    pub(super) tags: BTreeSet<&'static str>,
    /// Names the cause (checked against the cause's words).
    pub(super) right: bool,
}

/// Plays `inputs` against `scenario`: the transcript so far, whether the
/// round is over, and the judgment of what was done.
pub fn play(scenario: &Scenario, inputs: &[Input]) -> Played {
    let baseline = the_baseline();
    let mut vars: Vec<(&str, &str)> = scenario
        .vars
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    for (k, v) in &baseline.vars {
        if !vars.iter().any(|(name, _)| name == k) {
            vars.push((k.as_str(), v.as_str()));
        }
    }
    let mut compiled = compile_all(&scenario.commands);
    compiled.extend(compile_all(&baseline.commands));

    let mut transcript = Vec::new();
    let mut hypotheses: Vec<Hypothesis> = Vec::new();
    let mut commands = 0usize;
    // (clue id, command number that showed it)
    let mut found: Vec<(String, usize)> = Vec::new();
    let mut orient_overview: Option<usize> = None;
    let mut orient_change: Option<usize> = None;
    let mut mitigated: Option<(usize, String)> = None;
    let mut fixed = false;
    let mut hints = 0usize;
    let mut penalties: Vec<Penalty> = Vec::new();
    let mut cause_named: Option<(usize, bool)> = None; // (command count, proof seen)
    let mut right_hypothesis_first = false;
    let mut last_seconds = 0;
    let mut steps = 0usize;
    let mut over = false;

    for input in inputs {
        let text = input.text.trim();
        if text.is_empty() {
            continue;
        }
        if over {
            transcript.push(Entry {
                kind: Kind::Note,
                input: text.to_string(),
                seconds: input.seconds,
                output: "[interviewer] The round is over: the cause was named.".into(),
                basis: None,
            });
            continue;
        }
        last_seconds = input.seconds;
        let (head, rest) = match text.split_once(char::is_whitespace) {
            Some((h, r)) => (h, r.trim()),
            None => (text, ""),
        };
        let head_lower = head.to_lowercase();
        let mut entry = Entry {
            kind: Kind::Note,
            input: text.to_string(),
            seconds: input.seconds,
            output: String::new(),
            basis: None,
        };
        match head_lower.as_str() {
            "hint" | "hint?" if rest.is_empty() => {
                entry.kind = Kind::Hint;
                match scenario.hints.get(hints) {
                    Some(hint) => {
                        hints += 1;
                        steps += 1;
                        entry.output = format!(
                            "[hint {hints} of {}, -{HINT_COST} points] {hint}",
                            scenario.hints.len()
                        );
                    }
                    None => entry.output = "[interviewer] No more hints: you have them all.".into(),
                }
            }
            "h" | "m" | "c" if rest.is_empty() => {
                entry.output = match head_lower.as_str() {
                    "h" => "Say the hypothesis after h, e.g. `h the disk is full`.",
                    "m" => "Say the mitigation after m, e.g. `m roll back the deploy`.",
                    _ => "Say the cause after c, e.g. `c a deleted log file still held open`.",
                }
                .into();
            }
            "h" => {
                steps += 1;
                entry.kind = Kind::Hypothesis;
                let tags = hypothesis_tags(rest);
                let right = matches(rest, &scenario.cause.matches);
                entry.output = if tags.len() > BROAD {
                    format!(
                        "[interviewer] That names {} areas at once ({}). Which one do you test first?",
                        tags.len(),
                        tags.iter().copied().collect::<Vec<_>>().join(", ")
                    )
                } else if tags.is_empty() {
                    "[interviewer] Noted. What would you look at to test it? (It names no area the judge knows: say disk, memory, DNS, TLS, ...)".to_string()
                } else {
                    format!(
                        "[interviewer] Noted: a hypothesis about {}. How will you test it?",
                        tags.iter().copied().collect::<Vec<_>>().join(", ")
                    )
                };
                let proof_seen = proven(&scenario.cause.proof, &found);
                if right && tags.len() <= BROAD && !proof_seen {
                    right_hypothesis_first = true;
                }
                hypotheses.push(Hypothesis {
                    text: rest.to_string(),
                    tags,
                    right,
                });
            }
            "m" => {
                steps += 1;
                entry.kind = Kind::Mitigation;
                let accepted = scenario
                    .mitigations
                    .iter()
                    .find(|m| matches(rest, &m.matches));
                let harmful = scenario.harmful.iter().find(|h| matches(rest, &h.matches));
                entry.output = match (accepted, harmful) {
                    (None, Some(h)) => {
                        if !h.near {
                            penalties.push(Penalty {
                                points: WRONG_COST,
                                why: format!("harmful action `{rest}`: {}", h.why),
                            });
                        }
                        format!("[interviewer] {}", h.why)
                    }
                    (Some(m), _) => {
                        if mitigated.is_none() {
                            mitigated = Some((commands, rest.to_string()));
                        }
                        fixed |= m.fixes;
                        format!("[interviewer] Done. {}", m.effect)
                    }
                    (None, None) => "[interviewer] That would not relieve the symptom here. What is hurting users right now, and what stops it?".into(),
                };
            }
            "c" => {
                steps += 1;
                entry.kind = Kind::Cause;
                let words = rest.split_whitespace().count();
                let right = matches(rest, &scenario.cause.matches);
                let decoy = scenario.decoys.iter().find(|d| matches(rest, &d.matches));
                entry.output = if words > CAUSE_WORDS {
                    format!(
                        "[interviewer] That is {words} words. Name the one cause in a sentence."
                    )
                } else if right && other_causes(&scenario.id, rest) >= 2 {
                    "[interviewer] Which one is it? Name one cause, not a list.".to_string()
                } else if right {
                    let proof_seen = proven(&scenario.cause.proof, &found);
                    cause_named = Some((commands, proof_seen));
                    over = true;
                    if proof_seen {
                        "[interviewer] Yes, that is the root cause.".to_string()
                    } else {
                        "[interviewer] That is the root cause — but nothing you ran shows it yet. In the room I would ask: what proves it?".to_string()
                    }
                } else {
                    if !decoy.is_some_and(|d| d.near) {
                        penalties.push(Penalty {
                            points: WRONG_COST,
                            why: format!("wrong cause `{rest}`"),
                        });
                    }
                    match decoy {
                        Some(d) => format!("[interviewer] {}", d.why),
                        None => {
                            "[interviewer] Nothing you have seen shows that. What would prove it?"
                                .to_string()
                        }
                    }
                };
            }
            _ => {
                steps += 1;
                commands += 1;
                entry.kind = Kind::Command;
                let (resolved, first, filters) = lookup(&compiled, text);
                let tags: Vec<&str> = match resolved.command {
                    Some(c) => c.tags.iter().map(String::as_str).collect(),
                    None => tool_tags(&first),
                };
                let raw = match resolved.command {
                    Some(c) if fixed && !c.after_mitigation.is_empty() => {
                        c.after_mitigation.as_str()
                    }
                    Some(c) => c.output.as_str(),
                    None => NOTHING_UNUSUAL,
                };
                let filled = fill(raw, &vars, &resolved.captures);
                entry.output = if resolved.command.is_some() {
                    filter(&filled, &filters)
                } else {
                    filled
                };
                if let Some(c) = resolved.command
                    && !entry.output.trim().is_empty()
                {
                    for clue in &c.clues {
                        if !found.iter().any(|(id, _)| id == clue) {
                            found.push((clue.clone(), commands));
                        }
                    }
                }
                let orienting = tags.iter().any(|t| ORIENTING.contains(t));
                if tags.contains(&"overview") && orient_overview.is_none() {
                    orient_overview = Some(commands);
                }
                if tags.contains(&"change") && orient_change.is_none() {
                    orient_change = Some(commands);
                }
                let verifies = fixed
                    && resolved
                        .command
                        .is_some_and(|c| !c.after_mitigation.is_empty());
                let tested = hypotheses.iter().rev().find(|h| {
                    h.tags.len() <= BROAD
                        && !h.tags.is_empty()
                        && (tags.is_empty() || tags.iter().any(|t| h.tags.contains(t)))
                });
                entry.basis = Some(if orienting && commands <= ORIENT_WITHIN {
                    Basis::Orienting
                } else if let Some(h) = tested {
                    Basis::Tests(h.text.clone())
                } else if verifies {
                    Basis::Verifies
                } else {
                    Basis::Scan
                });
            }
        }
        transcript.push(entry);
    }

    let judgment = judge(
        scenario,
        Tally {
            transcript: &transcript,
            hypotheses: &hypotheses,
            commands,
            steps,
            seconds: last_seconds,
            found: &found,
            orient_overview,
            orient_change,
            mitigated: mitigated.as_ref(),
            cause_named,
            right_hypothesis_first,
            hints,
            penalties,
        },
    );
    Played {
        transcript,
        over,
        judgment,
    }
}
