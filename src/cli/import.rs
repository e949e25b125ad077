//! `sre-prep import FILE...`: kit files or single-story files into the data
//! directory. Every file is read and checked before anything is written, so a
//! bad file imports nothing and a re-run after the fix makes no duplicates.
//! If a write fails part of the way, the user is told what was written.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{EXIT_BAD_INPUT, EXIT_OK, Output, read_text, say};
use crate::content::examples;
use crate::kit::Kit;
use crate::kit::exchange::parse_import;
use crate::store::{self, ImportError, ImportReport, Store};

/// At most this many notes (ids that changed, fields kept) are printed for
/// one file; a count says how many more there were.
const MAX_NOTES: usize = 20;

pub fn run(data_dir: &Path, files: &[PathBuf], with_examples: bool) -> Result<u8> {
    let mut batches: Vec<(PathBuf, Kit)> = Vec::new();
    let mut failed = false;
    for path in files {
        match read_text(path).and_then(|text| Ok(parse_import(&text, path)?)) {
            Ok(kit) => batches.push((path.clone(), kit)),
            Err(e) => {
                say(&format!("{e:#}"));
                failed = true;
            }
        }
    }
    if failed {
        say("nothing was imported — fix the file(s) above and run the import again");
        return Ok(EXIT_BAD_INPUT);
    }
    if with_examples {
        let stories = examples::example_stories();
        batches.push((
            PathBuf::from("the built-in examples"),
            Kit {
                stories,
                ..Kit::default()
            },
        ));
    }

    let mut store = Store::open(data_dir)?;
    if let Some(made_private) = store.made_private() {
        say(&made_private.to_string());
    }
    let loaded = store.load();
    for problem in &loaded.problems {
        say(&format!("warning: {}", problem.message));
    }
    let mut kit = loaded.kit;
    // Printing never stops the import: a closed or full standard output is
    // dealt with once every file is in.
    let mut out = Output::new();
    let mut batches = batches.into_iter();
    while let Some((source, incoming)) = batches.next() {
        match store::import_kit(&store, &mut kit, incoming, &source) {
            Ok(report) => print_report(&mut out, &source, &report),
            Err(ImportError { written, error }) => {
                let _ = out.finish();
                say(&error.to_string());
                say(&partial_message(&source, &written));
                for (rest, _) in batches {
                    say(&format!("{}: not imported", rest.display()));
                }
                return Ok(EXIT_BAD_INPUT);
            }
        }
    }
    if let Err(e) = out.finish() {
        say(&format!(
            "standard output could not be written: {e} — the import itself is done; `sre-prep export` shows your kit"
        ));
        return Ok(EXIT_BAD_INPUT);
    }
    Ok(EXIT_OK)
}

fn print_report(out: &mut Output, source: &Path, report: &ImportReport) {
    out.line(&format!(
        "{}: imported {}",
        source.display(),
        report.summary()
    ));
    for note in report.notes.iter().take(MAX_NOTES) {
        out.line(&format!("  {note}"));
    }
    if report.notes.len() > MAX_NOTES {
        out.line(&format!(
            "  … and {} more notes like these",
            report.notes.len() - MAX_NOTES
        ));
    }
}

/// What a failed import had written, so the user knows where things stand.
fn partial_message(source: &Path, written: &ImportReport) -> String {
    let again = "run the same import again once that is fixed (what is already there is skipped)";
    if *written == ImportReport::default() {
        format!(
            "{}: nothing from it was imported — {again}",
            source.display()
        )
    } else {
        format!(
            "{}: {} written before that error; the rest of it was not imported — {again}",
            source.display(),
            written.summary()
        )
    }
}
