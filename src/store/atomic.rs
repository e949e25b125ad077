//! Atomic, private file writes: a temp file in the same directory, fsync,
//! rename over the target, fsync the directory. A write that fails leaves the
//! old file exactly as it was.

use std::fs::{self, DirBuilder, File};
use std::io::{self, Write};
use std::os::unix::fs::DirBuilderExt;
use std::path::Path;

/// Temp files start with this, so loading skips them and a later writer can
/// clear the ones a killed process left behind.
pub const TEMP_PREFIX: &str = ".sre-prep-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// Writes `bytes` to `path` atomically, mode 0600. The directory is not
/// fsynced here: call [`sync_dir`] once after a batch of writes.
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_dir(path);
    // tempfile creates the file 0600 with O_EXCL, so it is private from the first byte.
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The directory `path` is in: `.` for a bare name like `out.json` (whose
/// parent is the empty path).
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Makes the renames inside `dir` durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// [`write_file`] then [`sync_dir`]: one durable, atomic write.
pub fn write_file_durably(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_file(path, bytes)?;
    sync_dir(parent_dir(path))
}

/// Creates `dir` (and its parents) private to the owner: 0700.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

/// Removes temp files a killed writer left in `dir`. Only called while
/// holding the data directory's lock, so no live writer owns them.
pub fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
            let _ = fs::remove_file(entry.path());
        }
    }
}
