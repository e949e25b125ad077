//! One writer at a time: an exclusive `flock` on the data directory itself,
//! released by the kernel when the process ends, however it ends.

use std::fs::{File, TryLockError};
use std::io;
use std::path::Path;

/// Held for as long as the process may write to the data directory.
#[derive(Debug)]
pub struct DirLock {
    _dir: File,
}

pub enum LockFailure {
    /// Another process holds the lock.
    Held,
    Io(io::Error),
}

impl DirLock {
    /// Takes the lock at once or fails: never waits.
    pub fn try_acquire(dir: &Path) -> Result<DirLock, LockFailure> {
        let handle = File::open(dir).map_err(LockFailure::Io)?;
        match handle.try_lock() {
            Ok(()) => Ok(DirLock { _dir: handle }),
            Err(TryLockError::WouldBlock) => Err(LockFailure::Held),
            Err(TryLockError::Error(e)) => Err(LockFailure::Io(e)),
        }
    }
}
