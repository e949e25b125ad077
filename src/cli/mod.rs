//! The shell face of sre-prep: each subcommand is a thin function over the core
//! that prints plain text (or JSON) and returns the process exit code.

pub mod check;
pub mod deck;
pub mod draft;
pub mod export;
pub mod import;
pub mod score;
pub mod trash;

use std::io::{self, Read};
use std::path::Path;

use anyhow::{Context, Result};

/// Everything went as asked.
pub const EXIT_OK: u8 = 0;
/// A check ran and did not pass.
pub const EXIT_NOT_PASSED: u8 = 1;
/// Bad input, bad usage, or a file that could not be read or written.
pub const EXIT_BAD_INPUT: u8 = 2;

/// Reads a file the user named, or standard input for `-`.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        return Ok(bytes);
    }
    std::fs::read(path).with_context(|| format!("{}: could not be read", path.display()))
}

/// Reads a file the user named as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = read_input(path)?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}: byte {} is not UTF-8 text — save the file as UTF-8 and try again",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Everything the checklist and the cheat sheet read from a data directory,
/// without taking its lock, and the files that could not be read.
pub struct Everything {
    pub kit: crate::kit::Kit,
    pub reviews: crate::drill::reviews::Reviews,
    pub deck: Vec<crate::drill::deck::Card>,
    pub problems: Vec<crate::store::LoadProblem>,
}

pub fn load_everything(data_dir: &Path) -> Everything {
    let loaded = crate::store::load(data_dir);
    let mut problems = loaded.problems;
    let reviews = crate::store::load_file::<crate::store::files::ReviewsFile>(
        &data_dir.join(crate::store::files::REVIEWS_FILE),
        &mut problems,
    )
    .map(|f| f.reviews)
    .unwrap_or_default();
    let deck = crate::drill::deck::with_user_cards(data_dir, &mut problems);
    Everything {
        kit: loaded.kit,
        reviews,
        deck,
        problems,
    }
}
