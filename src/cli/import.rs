//! `sre-prep import FILE...`: kit files or single-story files into the data
//! directory. Every file is read and checked before anything is written, so a
//! bad file imports nothing and a re-run after the fix makes no duplicates.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{EXIT_BAD_INPUT, EXIT_OK, read_text};
use crate::content::examples;
use crate::kit::Kit;
use crate::kit::exchange::parse_import;
use crate::store::{self, Store};

pub fn run(data_dir: &Path, files: &[PathBuf], with_examples: bool) -> Result<u8> {
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
    if failed {
        eprintln!(
            "sre-prep: nothing was imported — fix the file(s) above and run the import again"
        );
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
    let loaded = store.load();
    for problem in &loaded.problems {
        eprintln!("sre-prep: warning: {}", problem.message);
    }
    let mut kit = loaded.kit;
    for (source, incoming) in batches {
        let report = store::import_kit(&store, &mut kit, incoming, &source)?;
        println!("{}: imported {}", source.display(), report.summary());
        for note in &report.notes {
            println!("  {note}");
        }
    }
    Ok(EXIT_OK)
}
