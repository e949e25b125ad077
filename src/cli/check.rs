//! `sre-prep check [--json]`: the readiness checklist for the shell. Exit 0
//! when ready, 1 when not, 2 when a data file cannot be read (named).

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

use super::{EXIT_BAD_INPUT, EXIT_NOT_PASSED, EXIT_OK, Output, load_everything, say};
use crate::readiness::{Inputs, Readiness, assess, plan};

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
        out.raw(serde_json::to_string_pretty(&readiness)?.as_bytes());
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

fn render(readiness: &Readiness, plan: &[String]) -> String {
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
        if !item.met {
            let _ = writeln!(out, "    next: {}", item.next);
        }
    }
    let _ = writeln!(out, "\nToday:");
    for step in plan {
        let _ = writeln!(out, "  - {step}");
    }
    out
}
