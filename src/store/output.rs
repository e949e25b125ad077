//! Writing a file the user named (`export -o PATH`) the way `cp` or a shell
//! redirect would: a regular file (or a new one) is replaced atomically and
//! private to the user; a symlink is followed and its target replaced; a
//! device, a FIFO, a terminal or an open file named through `/proc` (such as
//! `/dev/stdout`) is written through — never replaced by a regular file.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::atomic;

/// Where the bytes went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// A regular file, replaced atomically (the target of any symlinks).
    Replaced(PathBuf),
    /// Written into what was already there: a device, FIFO or open file.
    Through,
}

/// Writes `bytes` to `path` as `cp` would (see the module's first lines).
pub fn write_output(path: &Path, bytes: &[u8]) -> io::Result<Written> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a directory — name a file",
        )),
        Ok(meta) if !meta.is_file() => write_through(path, bytes),
        // A regular file, a new file, or a symlink to one that does not exist yet.
        Ok(_) => replace(path, bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => replace(path, bytes),
        Err(e) => Err(e),
    }
}

fn replace(path: &Path, bytes: &[u8]) -> io::Result<Written> {
    match follow_links(path)? {
        Some(target) => {
            atomic::write_file_durably(&target, bytes)?;
            Ok(Written::Replaced(target))
        }
        None => write_through(path, bytes),
    }
}

/// Writes into the file that is there, as a shell redirect does.
fn write_through(path: &Path, bytes: &[u8]) -> io::Result<Written> {
    let mut file = OpenOptions::new().write(true).truncate(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()?;
    Ok(Written::Through)
}

/// The path at the end of `path`'s chain of symlinks, or `None` when a link
/// in `/proc` names an open file (`/dev/stdout` -> `/proc/self/fd/1`): that
/// is written through, not replaced.
fn follow_links(path: &Path) -> io::Result<Option<PathBuf>> {
    let mut current = path.to_path_buf();
    // The kernel's own limit on a chain of links.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let parent = atomic::parent_dir(&current);
                if fs::canonicalize(parent).is_ok_and(|p| p.starts_with("/proc")) {
                    return Ok(None);
                }
                let target = fs::read_link(&current)?;
                current = parent.join(target);
            }
            _ => return Ok(Some(current)),
        }
    }
    Err(io::Error::from_raw_os_error(libc::ELOOP))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    #[test]
    fn a_regular_file_is_replaced_and_a_symlink_is_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("backup.json");
        fs::write(&file, "old").unwrap();
        assert_eq!(
            write_output(&file, b"new").unwrap(),
            Written::Replaced(file.clone())
        );
        assert_eq!(fs::read(&file).unwrap(), b"new");
        assert_eq!(
            fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o600
        );

        // A relative link to a link to a file that does not exist yet.
        fs::create_dir(tmp.path().join("real")).unwrap();
        symlink("real/target.json", tmp.path().join("first")).unwrap();
        symlink("first", tmp.path().join("link.json")).unwrap();
        let written = write_output(&tmp.path().join("link.json"), b"through links").unwrap();
        assert_eq!(
            written,
            Written::Replaced(tmp.path().join("real/target.json"))
        );
        assert!(
            fs::symlink_metadata(tmp.path().join("link.json"))
                .unwrap()
                .file_type()
                .is_symlink(),
            "the link stays a link"
        );
        assert_eq!(
            fs::read(tmp.path().join("real/target.json")).unwrap(),
            b"through links"
        );
    }

    #[test]
    fn a_loop_of_links_and_a_directory_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        symlink("b", tmp.path().join("a")).unwrap();
        symlink("a", tmp.path().join("b")).unwrap();
        assert!(write_output(&tmp.path().join("a"), b"x").is_err());
        let err = write_output(tmp.path(), b"x").unwrap_err();
        assert!(err.to_string().contains("directory"), "{err}");
    }
}
