//! The data directory as the app holds it: writable (this app has its lock)
//! or read-only (and why). Every write asks [`Storage::writable`], so the
//! question "may this window write?" is answered in one place.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::store::{self, Listing, LoadProblem, Loaded, Store};

pub enum Storage {
    /// This app holds the data directory's lock.
    Writable(Store),
    /// Another sre-prep holds the lock, or the directory could not be
    /// opened for writing: everything is shown, nothing is written.
    ReadOnly { dir: PathBuf, why: String },
}

/// Why nothing can be written: "Read-only: ..." as the user is told it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOnly(pub String);

impl fmt::Display for ReadOnly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Storage {
    /// Takes the lock if it can (listing the story and design folders as
    /// far as `first` entries each), else opens read-only and says why.
    pub fn open(dir: &Path, first: usize) -> Storage {
        match Store::open_listing_first(dir, first) {
            Ok(store) => Storage::Writable(store),
            Err(e) => Storage::ReadOnly {
                dir: dir.to_path_buf(),
                why: format!("Read-only: {e}"),
            },
        }
    }

    /// The store to write with, or why this window cannot write.
    pub fn writable(&self) -> Result<&Store, ReadOnly> {
        match self {
            Storage::Writable(store) => Ok(store),
            Storage::ReadOnly { why, .. } => Err(ReadOnly(why.clone())),
        }
    }

    /// Why this window cannot write, if it cannot.
    pub fn read_only(&self) -> Option<&str> {
        match self {
            Storage::Writable(_) => None,
            Storage::ReadOnly { why, .. } => Some(why),
        }
    }

    pub fn dir(&self) -> &Path {
        match self {
            Storage::Writable(store) => store.dir(),
            Storage::ReadOnly { dir, .. } => dir,
        }
    }

    /// The listing begun as the store opened (it cleared the temp files),
    /// or, read-only, one begun here and read as far as `first` entries.
    pub fn take_listing(&mut self, first: usize) -> Listing {
        match self {
            Storage::Writable(store) => store.take_listing(),
            Storage::ReadOnly { .. } => None,
        }
        .unwrap_or_else(|| {
            let mut listing = Listing::start(self.dir());
            listing.read(first);
            listing
        })
    }

    /// Reads the data directory from `listing` (the writable store also
    /// remembers which files could not be read, so it never overwrites them).
    pub fn load_listed(&mut self, listing: Listing) -> Loaded {
        match self {
            Storage::Writable(store) => store.load_listed(listing),
            Storage::ReadOnly { dir, .. } => store::load_listed(dir, listing),
        }
    }

    /// `reviews.json`: through the store when writable, else read as is.
    pub fn load_reviews(
        &mut self,
        problems: &mut Vec<LoadProblem>,
    ) -> crate::drill::reviews::Reviews {
        match self {
            Storage::Writable(store) => store.load_reviews(problems),
            Storage::ReadOnly { dir, .. } => store::load_file::<store::files::ReviewsFile>(
                &dir.join(store::files::REVIEWS_FILE),
                problems,
            )
            .map(|f| f.reviews)
            .unwrap_or_default(),
        }
    }
}
