//! `scenarios.json`: the user's own troubleshooting scenarios, read here and
//! handed to the core, which checks each one and adds it to the built-in
//! ones. A file or a scenario that cannot be read is reported and left alone.

use std::path::Path;

use super::{LoadProblem, load_file};
use crate::drill::scenario::{self, Scenario, ScenarioFile};

pub const SCENARIOS_FILE: &str = "scenarios.json";

/// The built-in scenarios and the user's own from `dir` (one with a built-in
/// id replaces it).
pub fn load_scenarios(dir: &Path, problems: &mut Vec<LoadProblem>) -> Vec<Scenario> {
    let path = dir.join(SCENARIOS_FILE);
    let user = load_file::<ScenarioFile>(&path, problems)
        .map(|file| file.scenarios)
        .unwrap_or_default();
    let (all, found) = scenario::with_user(user, &path);
    problems.extend(found.into_iter().map(|message| LoadProblem {
        path: path.clone(),
        message,
    }));
    all
}
