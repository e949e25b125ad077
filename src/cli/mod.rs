//! The shell face of sre-prep: each subcommand is a thin function over the core
//! that prints plain text (or JSON) and returns the process exit code.

pub mod check;
pub mod deck;
pub mod draft;
pub mod export;
pub mod import;
pub mod score;
pub mod trash;
pub mod troubleshoot;

use std::io::{self, Write};
use std::path::Path;

use anyhow::{Result, anyhow};

use crate::printable;
use crate::store::read::{self, ReadError};

pub use crate::exit::{EXIT_BAD_INPUT, EXIT_NOT_PASSED, EXIT_OK};

/// Standard output of a command. Text for a person goes through
/// [`printable::multi_line`], so an escape sequence in the user's data never
/// reaches the terminal. A reader that went away (`| head`) ends the output
/// quietly and the command carries on with its work; any other failure (a
/// full disk) is kept for [`Output::finish`], after the work is done.
pub struct Output {
    out: io::StdoutLock<'static>,
    closed: bool,
    error: Option<io::Error>,
}

impl Default for Output {
    fn default() -> Self {
        Output {
            out: io::stdout().lock(),
            closed: false,
            error: None,
        }
    }
}

impl Output {
    pub fn new() -> Output {
        Output::default()
    }

    /// Text for a person, with user data in it.
    pub fn text(&mut self, text: &str) {
        self.raw(printable::multi_line(text).as_bytes());
    }

    /// One line of text for a person.
    pub fn line(&mut self, line: &str) {
        self.text(line);
        self.raw(b"\n");
    }

    /// Bytes as they are: JSON, which escapes control characters itself.
    pub fn raw(&mut self, bytes: &[u8]) {
        if self.closed || self.error.is_some() {
            return;
        }
        if let Err(e) = self.out.write_all(bytes) {
            self.failed(e);
        }
    }

    fn failed(&mut self, e: io::Error) {
        if e.kind() == io::ErrorKind::BrokenPipe {
            self.closed = true;
        } else {
            self.error = Some(e);
        }
    }

    /// Flushes. Fine when the reader went away; an error when the output
    /// could not be written (`> /dev/full`).
    pub fn finish(mut self) -> Result<(), io::Error> {
        if !self.closed
            && self.error.is_none()
            && let Err(e) = self.out.flush()
        {
            self.failed(e);
        }
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// [`Output::finish`], with the error in words.
    pub fn done(self) -> Result<()> {
        self.finish().map_err(|e| {
            anyhow!(
                "standard output could not be written: {e} — send the output somewhere with room"
            )
        })
    }
}

/// One line on standard error, `sre-prep: ` first, made safe to print (a
/// message can quote a file name, a key or an id from the user's files).
/// A standard error that cannot be written is not worth a panic.
pub fn say(message: &str) {
    let line = format!("sre-prep: {}\n", printable::one_line(message));
    let _ = io::stderr().lock().write_all(line.as_bytes());
}

/// For the commands that only read the data directory: it must exist (a
/// mistyped path must not look like an empty kit to a backup script), and
/// it is made private if others could read it (said on standard error).
pub fn existing_data_dir(data_dir: &Path) -> Result<()> {
    if let Some(made_private) = crate::store::check_data_dir(data_dir)? {
        say(&made_private.to_string());
    }
    Ok(())
}

/// Reads a file the user named, or standard input for `-`: only a regular
/// file (a FIFO or a device would never end), at most
/// [`read::MAX_INPUT_BYTES`].
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path == Path::new("-") {
        return read::read_stdin().map_err(|e| match e {
            ReadError::TooBig(_) => {
                anyhow!("standard input: {e} — split the kit into smaller files")
            }
            e => anyhow!("standard input: could not be read: {e}"),
        });
    }
    read::read_regular_file(path).map_err(|e| match e {
        ReadError::Io(e) => anyhow!("{}: could not be read: {e}", path.display()),
        ReadError::NotRegular(_) => anyhow!(
            "{}: {e} — sre-prep reads regular files (and standard input, as `-`)",
            path.display()
        ),
        ReadError::TooBig(_) => anyhow!("{}: {e} — split it into smaller files", path.display()),
    })
}

/// Reads a file the user named as UTF-8 text (a byte order mark is dropped).
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = read_input(path)?;
    crate::kit::format::decode_text(bytes).map_err(|at| {
        anyhow!(
            "{}: byte {at} is not UTF-8 text — save the file as UTF-8 and try again",
            path.display(),
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
    let deck = crate::store::cards::load_deck(data_dir, &mut problems);
    Everything {
        kit: loaded.kit,
        reviews,
        deck,
        problems,
    }
}
