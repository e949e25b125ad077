//! `sre-prep trash` lists what was deleted; `sre-prep restore NAME` puts a
//! deleted story or design back (under a new id if its id was reused since).

use std::io;
use std::path::Path;

use anyhow::{Result, anyhow, bail};

use super::{EXIT_OK, Output};
use crate::store::Store;

pub fn list(data_dir: &Path) -> Result<u8> {
    super::existing_data_dir(data_dir)?;
    let trash = data_dir.join("trash");
    let mut names: Vec<String> = match std::fs::read_dir(&trash) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect(),
        // Nothing was ever deleted here.
        Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            return Err(anyhow!(
                "{}: the trash could not be listed ({e}) — check that it is a folder you can read",
                trash.display()
            ));
        }
    };
    names.sort();
    let (restorable, others): (Vec<String>, Vec<String>) = names
        .into_iter()
        .partition(|n| n.starts_with("story-") || n.starts_with("design-"));
    let mut out = Output::new();
    if restorable.is_empty() && others.is_empty() {
        out.line("The trash is empty.");
    }
    for name in &restorable {
        out.line(name.trim_end_matches(".json"));
    }
    if !others.is_empty() {
        out.line(&format!(
            "(and {} copies of deleted metrics, opinions or drafts, as JSON files in {})",
            others.len(),
            trash.display()
        ));
    }
    out.done()?;
    Ok(EXIT_OK)
}

pub fn restore(data_dir: &Path, name: &str) -> Result<u8> {
    super::existing_data_dir(data_dir)?;
    let store = Store::open(data_dir)?;
    match store.restore(name) {
        Ok(to) => {
            let mut out = Output::new();
            out.line(&format!("restored to {}", to.display()));
            out.done()?;
            Ok(EXIT_OK)
        }
        Err(e) => bail!("{e} — `sre-prep trash` lists what can be restored"),
    }
}
