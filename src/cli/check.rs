//! `sre-prep check [--json]`: the readiness checklist for the shell. Exit 0
//! when ready, 1 when not, 2 when a data file cannot be read (named).

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

use serde::Serialize;

use super::{EXIT_BAD_INPUT, EXIT_NOT_PASSED, EXIT_OK, Output, load_everything, say};
use crate::readiness::{Inputs, NextStep, Place, Readiness, assess, plan};

/// `check --json`: `{"ready", "score", "items": [{"id", "met", "detail", "next"}]}`.
#[derive(Serialize)]
struct CheckJson<'a> {
    ready: bool,
    score: u8,
    items: Vec<ItemJson<'a>>,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    id: &'a str,
    met: bool,
    detail: &'a str,
    /// What to do next, in the shell's words; empty when met.
    next: String,
}

/// How to get to a place of the app from the shell: the app and where to go
/// in it, or the command that does it. Never a key: a key means nothing
/// until the app is open.
pub(crate) fn how(place: Place) -> String {
    let in_app = |step: &str, then: &str| format!("(run `sre-prep`, open step {step}{then})");
    match place {
        Place::NewStory => "(run `sre-prep` and open step 1, or draft one from a postmortem: `sre-prep import --postmortem FILE`)".into(),
        Place::NewDesign => in_app("2", " and add one"),
        Place::NewMetric => in_app("3", " and add one"),
        Place::MetricsQuiz => in_app("3", " and start the quiz"),
        Place::ReviewDueCards => in_app("4", " and review what is due"),
        Place::CramTopic => "(in step 4 of `sre-prep`, select the topic and cram it)".into(),
        Place::CramWeakest => in_app("4", " and cram the weakest cards"),
        Place::Troubleshoot => in_app("4", " and play a troubleshooting scenario"),
        Place::TakeSide => in_app("5", " and take a side"),
        Place::Narrative => "(run `sre-prep` and open the platform narrative)".into(),
        Place::CoverageMatrix => {
            "(run `sre-prep`, open the checklist and its coverage matrix)".into()
        }
        Place::RehearseStory => in_app("1", ", select the story and rehearse it"),
        Place::RehearseStories => in_app("1", " and rehearse each"),
        Place::InterviewDate => "(run `sre-prep` and set the interview date)".into(),
        Place::CheatSheet => "(`sre-prep export --format md`)".into(),
    }
}

/// A next step as the shell says it.
fn say_step(step: &NextStep) -> String {
    step.sentence(how)
}

pub fn run(data_dir: &Path, json: bool) -> Result<u8> {
    super::existing_data_dir(data_dir)?;
    let all = load_everything(data_dir);
    if !all.problems.is_empty() {
        for problem in &all.problems {
            say(&problem.message);
        }
        return Ok(EXIT_BAD_INPUT);
    }
    let today = chrono::Local::now().date_naive();
    let inputs = Inputs {
        kit: &all.kit,
        reviews: &all.reviews,
        deck: &all.deck,
        today,
    };
    let readiness = assess(&inputs);
    let mut out = Output::new();
    if json {
        let json = CheckJson {
            ready: readiness.ready,
            score: readiness.score,
            items: readiness
                .items
                .iter()
                .map(|i| ItemJson {
                    id: i.id,
                    met: i.met,
                    detail: &i.detail,
                    next: i.next.as_ref().map(say_step).unwrap_or_default(),
                })
                .collect(),
        };
        out.raw(serde_json::to_string_pretty(&json)?.as_bytes());
        out.raw(b"\n");
    } else {
        out.text(&render(
            &readiness,
            &plan(&readiness, &inputs, all.kit.profile.interview_date),
        ));
    }
    out.done()?;
    Ok(if readiness.ready {
        EXIT_OK
    } else {
        EXIT_NOT_PASSED
    })
}

fn render(readiness: &Readiness, plan: &[NextStep]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Readiness {}/100 — {}",
        readiness.score,
        if readiness.ready {
            "ready"
        } else {
            "not ready yet"
        }
    );
    for item in &readiness.items {
        let _ = writeln!(
            out,
            "\n[{}] {}",
            if item.met { "x" } else { " " },
            item.label
        );
        let _ = writeln!(out, "    {}", item.detail);
        if let Some(next) = &item.next {
            let _ = writeln!(out, "    next: {}", say_step(next));
        }
    }
    let _ = writeln!(out, "\nToday:");
    for step in plan {
        let _ = writeln!(out, "  - {}", say_step(step));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_is_said_as_the_app_or_a_command_never_a_key() {
        for place in Place::ALL {
            let said = how(place);
            assert!(said.contains("`sre-prep"), "{place:?}: {said}");
            assert!(!said.contains(", then "), "{place:?}: {said}");
        }
    }
}
