//! `sre-prep import FILE...`: kit files or single-story files into the data
//! directory. Every file is read and checked before anything is written, so a
//! bad file imports nothing and a re-run after the fix makes no duplicates.
//!
//! The example stories are built in and read-only: `--examples` lists them
//! (it copies nothing: they are not the user's and never count toward
//! readiness), and `--example ID` copies one on purpose, as a normal story
//! of the user's to make their own.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{EXIT_BAD_INPUT, EXIT_OK, read_text};
use crate::content::examples;
use crate::kit::exchange::parse_import;
use crate::kit::{Kit, Story};
use crate::score::score_story;
use crate::store::{self, Store};

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
                eprintln!("sre-prep: {e:#}");
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
                eprintln!(
                    "sre-prep: there is no built-in example `{id}` — the examples are: {}",
                    ids.join(", ")
                );
                failed = true;
            }
        }
    }
    if failed {
        eprintln!(
            "sre-prep: nothing was imported — fix the file(s) or example id(s) above and run the import again"
        );
        return Ok(EXIT_BAD_INPUT);
    }
    if list_examples {
        print!("{}", example_list(&built_in));
    }
    if batches.is_empty() {
        return Ok(EXIT_OK);
    }

    let mut store = Store::open(data_dir)?;
    let loaded = store.load();
    for problem in &loaded.problems {
        eprintln!("sre-prep: warning: {}", problem.message);
    }
    let mut kit = loaded.kit;
    for (source, incoming) in batches {
        let copies: Vec<String> = incoming
            .stories
            .iter()
            .filter(|s| built_in.iter().any(|e| same_words(e, s)))
            .map(|s| s.id.clone())
            .collect();
        let report = store::import_kit(&store, &mut kit, incoming, &source)?;
        println!("{}: imported {}", source.display(), report.summary());
        for note in &report.notes {
            println!("  {note}");
        }
        if report.stories > 0 {
            for id in copies {
                println!(
                    "  `{id}` is a built-in example, copied as your own story: make it yours (edit it in the app); it counts toward readiness like any of your stories"
                );
            }
        }
    }
    Ok(EXIT_OK)
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
