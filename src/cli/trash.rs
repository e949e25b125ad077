//! `sre-prep trash` lists what was deleted; `sre-prep restore NAME` puts a
//! deleted story or design back (under a new id if its id was reused since).

use std::path::Path;

use anyhow::{Result, bail};

use super::EXIT_OK;
use crate::store::Store;

pub fn list(data_dir: &Path) -> Result<u8> {
    let trash = data_dir.join("trash");
    let mut names: Vec<String> = match std::fs::read_dir(&trash) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    let (restorable, others): (Vec<String>, Vec<String>) = names
        .into_iter()
        .partition(|n| n.starts_with("story-") || n.starts_with("design-"));
    if restorable.is_empty() && others.is_empty() {
        println!("The trash is empty.");
    }
    for name in &restorable {
        println!("{}", name.trim_end_matches(".json"));
    }
    if !others.is_empty() {
        println!(
            "(and {} copies of deleted metrics, opinions or drafts, as JSON files in {})",
            others.len(),
            trash.display()
        );
    }
    Ok(EXIT_OK)
}

pub fn restore(data_dir: &Path, name: &str) -> Result<u8> {
    let store = Store::open(data_dir)?;
    match store.restore(name) {
        Ok(to) => {
            println!("restored to {}", to.display());
            Ok(EXIT_OK)
        }
        Err(e) => bail!("{e} — `sre-prep trash` lists what can be restored"),
    }
}
