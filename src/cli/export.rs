//! `sre-prep export [--format json|md] [-o FILE]`: the whole kit in the
//! exchange format, to standard output or to a file written as `cp` would
//! (a regular file replaced atomically and private; a device or FIFO written
//! through).

use std::path::Path;

use anyhow::{Result, anyhow};

use super::{EXIT_BAD_INPUT, EXIT_OK, Output, say};
use crate::kit::exchange::to_exchange_json;
use crate::store::{self, output};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The exchange format: one JSON object that `import` reads back.
    Json,
    /// A Markdown cheat sheet to read before the interview.
    Md,
}

pub fn run(data_dir: &Path, format: ExportFormat, to: Option<&Path>) -> Result<u8> {
    // A mistyped directory must not export as an empty kit: a backup script
    // would save nothing and say nothing.
    super::existing_data_dir(data_dir)?;
    let text;
    let problems;
    match format {
        ExportFormat::Json => {
            let loaded = store::load(data_dir);
            text = to_exchange_json(&loaded.kit);
            problems = loaded.problems;
        }
        ExportFormat::Md => {
            let all = super::load_everything(data_dir);
            text = cheat_sheet(&all, chrono::Local::now().date_naive());
            problems = all.problems;
        }
    }
    match to {
        Some(path) if path != Path::new("-") => {
            output::write_output(path, text.as_bytes())
                .map_err(|e| anyhow!("{}: could not be written ({e})", path.display()))?;
        }
        _ => {
            // Both formats are safe as they are: JSON escapes control
            // characters, and the cheat sheet is made safe when it is written.
            let mut out = Output::new();
            out.raw(text.as_bytes());
            out.done()?;
        }
    }
    if problems.is_empty() {
        return Ok(EXIT_OK);
    }
    for problem in &problems {
        say(&problem.message);
    }
    say("the export is missing the file(s) above — fix them and export again");
    Ok(EXIT_BAD_INPUT)
}

/// The Markdown cheat sheet of everything in the data directory.
pub fn cheat_sheet(all: &super::Everything, today: chrono::NaiveDate) -> String {
    let eval = crate::evaluate::evaluate_kit(&all.kit);
    let inputs = crate::readiness::Inputs {
        kit: &all.kit,
        reviews: &all.reviews,
        deck: &all.deck,
        today,
    };
    let readiness = crate::readiness::assess_evaluated(&inputs, &eval);
    crate::cheatsheet::render(&all.kit, &eval, &readiness)
}
