//! Troubleshooting scenarios as data: a broken host or service, the
//! commands it answers (with the output the real tools print), the clues in
//! that output, the root cause and the evidence that proves it, the
//! mitigations that relieve it, the interviewer's hints and follow-ups, and a
//! model path. Built-in scenarios are written by us and embedded; the user's
//! own come from `scenarios.json`, read by the store and handed in here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::content::scenarios::{BASELINE, BUILT_IN};
use crate::kit::format;

/// What a command looks at, and what a hypothesis is about: a command is
/// justified by a hypothesis that shares one of these with it.
pub const TAGS: [&str; 16] = [
    "overview", "change", "cpu", "memory", "disk", "io", "network", "dns", "tls", "time",
    "process", "files", "logs", "kernel", "k8s", "http",
];

/// Tags of the commands that orient: the golden signals and recent changes.
pub const ORIENTING: [&str; 2] = ["overview", "change"];

/// One command the scenario answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Command {
    /// The command as a candidate would type it (it must match a pattern).
    pub example: String,
    /// Regular expressions, each matched against the whole command line
    /// (its first stage, before any `|`), with `sudo` and extra spaces taken
    /// out. Capture groups can be used in the output as `{1}`, `{2}`, ...
    pub patterns: Vec<String>,
    /// What the command looks at (see [`TAGS`]).
    pub tags: Vec<String>,
    /// What the real tool prints (a string, or a list of lines). `{host}`
    /// and the scenario's other variables are filled in.
    #[serde(deserialize_with = "text_or_lines")]
    pub output: String,
    /// Ids of the clues this output shows.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub clues: Vec<String>,
    /// What it prints once a mitigation that removes the fault has been
    /// applied (if different).
    #[serde(
        skip_serializing_if = "String::is_empty",
        deserialize_with = "text_or_lines"
    )]
    pub after_mitigation: String,
}

/// A text written as one string or as a list of lines (easier to read and
/// edit for a command's output).
fn text_or_lines<'de, D: serde::Deserializer<'de>>(de: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Text {
        One(String),
        Lines(Vec<String>),
    }
    Ok(match Text::deserialize(de)? {
        Text::One(text) => text,
        Text::Lines(lines) => lines.join("\n"),
    })
}

/// Something an output shows that points at the cause.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Clue {
    pub id: String,
    pub text: String,
}

/// Words a statement must hold: every group must match, and a group matches
/// when one of its words or phrases starts a word of the statement
/// ("delet" matches "deleted").
pub type Match = Vec<Vec<String>>;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Cause {
    /// The root cause in a few sentences, shown after the round.
    pub summary: String,
    /// What a statement of the cause must say.
    #[serde(rename = "match")]
    pub matches: Match,
    /// Clue ids that together prove the cause.
    pub proof: Vec<String>,
}

/// A wrong cause a candidate may name, or a harmful action, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Answer {
    #[serde(rename = "match")]
    pub matches: Match,
    pub why: String,
    /// Close, or harmless: said back without costing points (the symptom
    /// named as the cause, an action that does not help but does no harm).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub near: bool,
}

/// A mitigation that relieves the symptom.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Mitigation {
    #[serde(rename = "match")]
    pub matches: Match,
    /// The mitigation in the interviewer's words (listed after the round).
    pub text: String,
    /// What happens when it is applied.
    pub effect: String,
    /// It removes the fault (not only the users' pain): later commands
    /// print their `after_mitigation` output.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub fixes: bool,
}

/// One step of the model path: a line as typed, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Step {
    pub input: String,
    pub why: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    /// The opening, as the user or the pager says it.
    pub symptom: String,
    /// Users are hurting now: mitigating comes before digging.
    pub users_hurting: bool,
    /// While users hurt, a mitigation is expected within this many commands.
    pub mitigate_within: u32,
    /// A fair time for the whole round, in minutes.
    pub par_minutes: u32,
    /// Values for `{name}` in outputs (`host`, `time`, `date`, ...); the
    /// baseline's defaults fill in the rest.
    pub vars: BTreeMap<String, String>,
    /// Tried first, in order; then the healthy-host baseline.
    pub commands: Vec<Command>,
    pub clues: Vec<Clue>,
    pub cause: Cause,
    /// Plausible wrong causes, each with what rules it out.
    pub decoys: Vec<Answer>,
    pub mitigations: Vec<Mitigation>,
    /// Actions that make things worse (or do nothing), each with why.
    pub harmful: Vec<Answer>,
    /// From a nudge to nearly the answer; each costs points.
    pub hints: Vec<String>,
    /// What the interviewer asks after the cause is found.
    pub follow_ups: Vec<String>,
    /// A good path through the scenario, to compare with the user's.
    pub model: Vec<Step>,
}

/// Commands every scenario answers unless it says otherwise: a healthy host.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Baseline {
    pub vars: BTreeMap<String, String>,
    pub commands: Vec<Command>,
}

/// `scenarios.json` in the data directory: the user's own scenarios.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScenarioFile {
    #[allow(dead_code)] // checked by `format::parse_file`
    version: u32,
    pub scenarios: Vec<Scenario>,
}

/// The built-in scenarios. They are checked by the test suite, so a broken
/// one is a build defect.
pub fn built_in() -> Vec<Scenario> {
    BUILT_IN
        .iter()
        .map(|(name, text)| {
            let path = Path::new("src/content/scenarios").join(name);
            let scenario: Scenario = format::parse_file(text, &path, false)
                .unwrap_or_else(|e| panic!("a built-in scenario is broken: {e}"));
            scenario
        })
        .collect()
}

/// The healthy-host commands and default variables.
pub fn baseline() -> Baseline {
    format::parse_file(
        BASELINE,
        Path::new("src/content/scenarios/baseline.json"),
        false,
    )
    .unwrap_or_else(|e| panic!("the scenario baseline is broken: {e}"))
}

/// The built-in scenarios with the user's own (one with a built-in id
/// replaces it). A user scenario that does not hold together is left out,
/// and why is returned, naming `path` and the scenario.
pub fn with_user(user: Vec<Scenario>, path: &Path) -> (Vec<Scenario>, Vec<String>) {
    let mut all = built_in();
    let mut problems = Vec::new();
    for scenario in user {
        if let Err(why) = check(&scenario) {
            problems.push(format!(
                "{}: scenario `{}`: {why} — fix it; the other scenarios still load",
                path.display(),
                scenario.id
            ));
            continue;
        }
        match all.iter_mut().find(|s| s.id == scenario.id) {
            Some(slot) => *slot = scenario,
            None => all.push(scenario),
        }
    }
    (all, problems)
}

/// Checks that a scenario holds together: an id, a symptom, patterns that
/// compile and match their own example, known tags, clues that exist, a
/// cause with its words and proof, and a model path.
pub fn check(s: &Scenario) -> Result<(), String> {
    if !s
        .id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || s.id.is_empty()
    {
        return Err(format!(
            "the id `{}` should be lowercase letters, digits and dashes",
            s.id
        ));
    }
    for (what, text) in [
        ("title", &s.title),
        ("symptom", &s.symptom),
        ("cause.summary", &s.cause.summary),
    ] {
        if text.trim().is_empty() {
            return Err(format!("`{what}` is empty"));
        }
    }
    let clue_ids: BTreeSet<&str> = s.clues.iter().map(|c| c.id.as_str()).collect();
    for (i, command) in s.commands.iter().enumerate() {
        let at = format!("commands[{i}] (`{}`)", command.example);
        if command.patterns.is_empty() {
            return Err(format!("{at} has no pattern"));
        }
        let mut matched = false;
        for pattern in &command.patterns {
            let re = compile(pattern).map_err(|e| format!("{at}: pattern `{pattern}`: {e}"))?;
            matched |= re.is_match(&normalize(&command.example));
        }
        if !matched {
            return Err(format!("{at}: no pattern matches the example"));
        }
        for tag in &command.tags {
            if !TAGS.contains(&tag.as_str()) {
                return Err(format!(
                    "{at}: unknown tag `{tag}` (one of: {})",
                    TAGS.join(", ")
                ));
            }
        }
        for clue in &command.clues {
            if !clue_ids.contains(clue.as_str()) {
                return Err(format!("{at}: no clue `{clue}` in `clues`"));
            }
        }
    }
    if s.cause.matches.is_empty() || s.cause.matches.iter().any(Vec::is_empty) {
        return Err("`cause.match` needs at least one group of words, none empty".into());
    }
    if s.cause.proof.is_empty() {
        return Err("`cause.proof` names no clue".into());
    }
    for clue in &s.cause.proof {
        if !clue_ids.contains(clue.as_str()) {
            return Err(format!("`cause.proof`: no clue `{clue}` in `clues`"));
        }
    }
    for m in &s.mitigations {
        if m.matches.is_empty() || m.matches.iter().any(Vec::is_empty) {
            return Err(format!("mitigation `{}`: `match` is empty", m.text));
        }
    }
    if s.model.is_empty() {
        return Err("`model` (the model path) is empty".into());
    }
    Ok(())
}

/// A command pattern, anchored at both ends.
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&format!("^(?:{pattern})$"))
}

/// A command line as the patterns see it: trimmed, a leading prompt and
/// `sudo` taken out, runs of spaces made one.
pub fn normalize(line: &str) -> String {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    if matches!(words.first(), Some(&"$") | Some(&"#")) {
        words.remove(0);
    }
    while words.first() == Some(&"sudo") {
        words.remove(0);
        // `sudo -i`, `sudo -E` and the like
        while words.first().is_some_and(|w| w.starts_with('-')) {
            words.remove(0);
        }
    }
    words.join(" ")
}
