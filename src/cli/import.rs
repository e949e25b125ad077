//! `sre-prep import FILE...`: kit files or single-story files into the data
//! directory. Every file is read and checked before anything is written, so a
//! bad file imports nothing and a re-run after the fix makes no duplicates.
//! If a write fails part of the way, the user is told what was written.
//!
//! The example stories are built in and read-only: `--examples` lists them
//! (it copies nothing: they are not the user's and never count toward
//! readiness), and `--example ID` copies one on purpose, as a normal story
//! of the user's to make their own.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{EXIT_BAD_INPUT, EXIT_OK, Output, read_text, say};
use crate::content::examples;
use crate::kit::exchange::parse_import;
use crate::kit::{Kit, Story};
use crate::score::score_story;
use crate::store::{self, ImportError, ImportReport, Store};

/// At most this many notes (ids that changed, fields kept) are printed for
/// one file; a count says how many more there were.
const MAX_NOTES: usize = 20;

pub fn run(
    data_dir: &Path,
    files: &[PathBuf],
    list_examples: bool,
    copy_examples: &[String],
) -> Result<u8> {
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
    let built_in = examples::example_stories();
    for id in copy_examples {
        match built_in.iter().find(|s| s.id == *id) {
            Some(story) => batches.push((
                PathBuf::from(format!("the built-in example `{id}`")),
                Kit {
                    stories: vec![story.clone()],
                    ..Kit::default()
                },
            )),
            None => {
                let ids: Vec<&str> = built_in.iter().map(|s| s.id.as_str()).collect();
                say(&format!(
                    "there is no built-in example `{id}` — the examples are: {}",
                    ids.join(", ")
                ));
                failed = true;
            }
        }
    }
    if failed {
        say(
            "nothing was imported — fix the file(s) or example id(s) above and run the import again",
        );
        return Ok(EXIT_BAD_INPUT);
    }
    if list_examples {
        let mut listing = Output::new();
        listing.text(&example_list(&built_in));
        if let Err(e) = listing.finish() {
            say(&format!("standard output could not be written: {e}"));
            return Ok(EXIT_BAD_INPUT);
        }
    }
    if batches.is_empty() {
        return Ok(EXIT_OK);
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
        let copies: Vec<String> = incoming
            .stories
            .iter()
            .filter(|s| built_in.iter().any(|e| same_words(e, s)))
            .map(|s| s.id.clone())
            .collect();
        match store::import_kit(&store, &mut kit, incoming, &source) {
            Ok(report) => {
                print_report(&mut out, &source, &report);
                if report.stories > 0 {
                    for id in copies {
                        out.line(&format!(
                            "  `{id}` is a built-in example, copied as your own story: make it yours (edit it in the app); it counts toward readiness like any of your stories"
                        ));
                    }
                }
            }
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

/// The same story whatever its id.
fn same_words(a: &Story, b: &Story) -> bool {
    Story {
        id: b.id.clone(),
        ..a.clone()
    } == *b
}

/// What `--examples` prints: the examples, and how to read or copy one.
fn example_list(built_in: &[Story]) -> String {
    let mut out = String::from(
        "The example stories are built in and read-only: they are not copied into your stories and never count toward your readiness, coverage or cheat sheet.\n",
    );
    let width = built_in.iter().map(|s| s.id.len()).max().unwrap_or(0);
    for story in built_in {
        out.push_str(&format!(
            "  {:<width$}  {} ({}/100)\n",
            story.id,
            story.title,
            score_story(story).total
        ));
    }
    out.push_str(
        "Read them in the app (x on home), or start from one as your own story: sre-prep import --example ID\n",
    );
    out
}
