//! What can go wrong in the data directory, in words a user can act on.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum StoreError {
    /// Another sre-prep holds the data directory's lock.
    Locked { dir: PathBuf },
    /// The file exists but could not be read when loading: it is never written over.
    Unreadable { path: PathBuf },
    /// The operating system refused a read or write.
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// No such story or design.
    NotFound { what: &'static str, id: String },
    /// The data directory does not exist (for a command that only reads it).
    NoDataDir { dir: PathBuf },
    /// The data directory is a file, or a folder above it is.
    NotADirectory { dir: PathBuf, above: bool },
}

impl StoreError {
    pub fn io(action: &'static str, path: &Path, source: io::Error) -> StoreError {
        StoreError::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Locked { dir } => write!(
                f,
                "another sre-prep is using {} (an open app or a running import) — close it and try again, or use another --data-dir",
                dir.display()
            ),
            StoreError::Unreadable { path } => write!(
                f,
                "{} could not be read when loading, so it is not written over — fix or move that file, then restart sre-prep",
                path.display()
            ),
            StoreError::Io {
                action,
                path,
                source,
            } => {
                let advice = match source.kind() {
                    io::ErrorKind::PermissionDenied => "check the permissions of that path",
                    io::ErrorKind::StorageFull | io::ErrorKind::FileTooLarge => {
                        "free some disk space and try again; the old file is unchanged"
                    }
                    _ => "the old file, if any, is unchanged; try again",
                };
                write!(f, "{action} {}: {source} — {advice}", path.display())
            }
            StoreError::NotFound { what, id } => write!(f, "no {what} with id `{id}`"),
            StoreError::NoDataDir { dir } => write!(
                f,
                "{}: there is no data directory here yet — run `sre-prep` to start your kit (or `sre-prep import`), or pass --data-dir DIR if your kit is elsewhere",
                dir.display()
            ),
            StoreError::NotADirectory { dir, above } => write!(
                f,
                "{}: {} — pass --data-dir with the directory that holds your kit (or move that file away)",
                dir.display(),
                if *above {
                    "cannot be a directory: a folder above it is a file"
                } else {
                    "is a file, not a directory"
                }
            ),
        }
    }
}

// No `source()`: the message already says what the operating system said,
// in its place, and a chain would print it a second time.
impl std::error::Error for StoreError {}
