//! `sre-prep export [--format json|md] [-o FILE]`: the whole kit in the
//! exchange format, to standard output or atomically to a private file.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::kit::exchange::to_exchange_json;
use crate::store::{self, atomic};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The exchange format: one JSON object that `import` reads back.
    Json,
    /// A Markdown cheat sheet to read before the interview.
    Md,
}

pub fn run(data_dir: &Path, format: ExportFormat, output: Option<&Path>) -> Result<u8> {
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
    match output {
        Some(path) if path != Path::new("-") => {
            atomic::write_file_durably(path, text.as_bytes())
                .with_context(|| format!("{}: could not be written", path.display()))?;
        }
        _ => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
                .context("writing to standard output")?;
        }
    }
    if problems.is_empty() {
        return Ok(EXIT_OK);
    }
    for problem in &problems {
        eprintln!("sre-prep: {}", problem.message);
    }
    eprintln!("sre-prep: the export is missing the file(s) above — fix them and export again");
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
