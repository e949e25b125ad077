//! The story and design folders, each listed once: the same listing counts
//! the files for the app's first frame, clears the temp files a killed
//! writer left (for the holder of the lock), and names the files loading
//! reads. A folder of 20,000 stories costs a few milliseconds to list, so
//! it is not listed again between the first frame and the load.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{TEMP_PREFIX, TEMP_SUFFIX};
use super::files::Folder;

/// The `*.json` files of the story and design folders.
#[derive(Debug)]
pub struct Listing {
    stories: io::Result<Vec<OsString>>,
    designs: io::Result<Vec<OsString>>,
}

impl Listing {
    /// Lists both folders of the data directory `dir`, changing nothing.
    pub fn of(dir: &Path) -> Listing {
        Listing::read(dir, false)
    }

    /// Lists both folders and removes the temp files a killed writer left
    /// in them. Only for the holder of the lock: no live writer owns them.
    pub(super) fn clearing_temp_files(dir: &Path) -> Listing {
        Listing::read(dir, true)
    }

    fn read(dir: &Path, clear: bool) -> Listing {
        Listing {
            stories: list_folder(&dir.join(Folder::Stories.dir_name()), clear),
            designs: list_folder(&dir.join(Folder::Designs.dir_name()), clear),
        }
    }

    /// How many files of `folder` loading will read (0 when it could not
    /// be listed: loading says why).
    pub fn count(&self, folder: Folder) -> usize {
        self.names(folder).as_ref().map_or(0, Vec::len)
    }

    fn names(&self, folder: Folder) -> &io::Result<Vec<OsString>> {
        match folder {
            Folder::Stories => &self.stories,
            Folder::Designs => &self.designs,
        }
    }

    /// The files of `folder` (in `folder_path`), sorted by name.
    pub(super) fn paths(&mut self, folder: Folder, folder_path: &Path) -> io::Result<Vec<PathBuf>> {
        let slot = match folder {
            Folder::Stories => &mut self.stories,
            Folder::Designs => &mut self.designs,
        };
        let mut names = std::mem::replace(slot, Ok(Vec::new()))?;
        // Byte order of the names: the order of the paths, without
        // comparing paths component by component.
        names.sort_unstable_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
        Ok(names.iter().map(|name| folder_path.join(name)).collect())
    }
}

/// The `*.json` names in a folder, unsorted; hidden and temp files skipped
/// (temp files removed when `clear`).
fn list_folder(path: &Path, clear: bool) -> io::Result<Vec<OsString>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(path)? {
        let Ok(entry) = entry else {
            continue;
        };
        let name = entry.file_name();
        let bytes = name.as_encoded_bytes();
        if clear
            && bytes.starts_with(TEMP_PREFIX.as_bytes())
            && bytes.ends_with(TEMP_SUFFIX.as_bytes())
        {
            let _ = fs::remove_file(entry.path());
            continue;
        }
        // The directory entry knows its type: no stat per file. A FIFO or a
        // device named `*.json` is kept, to be reported (never read) by `load_file`.
        if bytes.starts_with(b".")
            || !bytes.ends_with(b".json")
            || entry.file_type().is_ok_and(|t| t.is_dir())
        {
            continue;
        }
        names.push(name);
    }
    Ok(names)
}

#[cfg(all(test, target_os = "linux"))]
pub(crate) mod tests {
    use std::collections::HashMap;
    use std::path::{Path, PathBuf};

    /// Counts, through the kernel (inotify), how many times directories are
    /// opened: every listing opens its directory once, whatever code does it.
    pub(crate) struct DirOpens {
        fd: i32,
        watches: HashMap<i32, PathBuf>,
    }

    impl DirOpens {
        pub(crate) fn watch(dirs: &[PathBuf]) -> DirOpens {
            // SAFETY: plain system calls; the descriptor is closed on drop.
            let fd = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
            assert!(fd >= 0, "inotify: {}", std::io::Error::last_os_error());
            let mut watches = HashMap::new();
            for dir in dirs {
                let path = std::ffi::CString::new(dir.as_os_str().as_encoded_bytes()).unwrap();
                // SAFETY: `path` is a valid C string for the call.
                let wd = unsafe { libc::inotify_add_watch(fd, path.as_ptr(), libc::IN_OPEN) };
                assert!(
                    wd >= 0,
                    "watching {}: {}",
                    dir.display(),
                    std::io::Error::last_os_error()
                );
                watches.insert(wd, dir.clone());
            }
            DirOpens { fd, watches }
        }

        /// How many times each watched directory itself (not a file in it)
        /// was opened since the last call.
        pub(crate) fn opened(&self) -> HashMap<PathBuf, usize> {
            let mut counts: HashMap<PathBuf, usize> =
                self.watches.values().map(|d| (d.clone(), 0)).collect();
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                // SAFETY: reads at most `buf.len()` bytes into `buf`.
                let n = unsafe { libc::read(self.fd, buf.as_mut_ptr().cast(), buf.len()) };
                if n <= 0 {
                    break;
                }
                let mut at = 0;
                while at < n as usize {
                    // SAFETY: the kernel wrote whole events; read_unaligned
                    // copes with the byte buffer's alignment.
                    let event: libc::inotify_event =
                        unsafe { std::ptr::read_unaligned(buf.as_ptr().add(at).cast()) };
                    assert_eq!(
                        event.mask & libc::IN_Q_OVERFLOW,
                        0,
                        "inotify queue overflow"
                    );
                    // An event of the directory itself has no name.
                    if event.len == 0
                        && event.mask & libc::IN_OPEN != 0
                        && let Some(dir) = self.watches.get(&event.wd)
                    {
                        *counts.entry(dir.clone()).or_default() += 1;
                    }
                    at += std::mem::size_of::<libc::inotify_event>() + event.len as usize;
                }
            }
            counts
        }
    }

    impl Drop for DirOpens {
        fn drop(&mut self) {
            // SAFETY: our own descriptor, closed once.
            unsafe { libc::close(self.fd) };
        }
    }

    /// The folders of `data_dir` the listing reads.
    pub(crate) fn folders(data_dir: &Path) -> Vec<PathBuf> {
        vec![data_dir.join("stories"), data_dir.join("designs")]
    }

    #[test]
    fn open_and_load_list_each_folder_once_and_clear_temp_files() {
        let tmp = tempfile::tempdir().unwrap();
        {
            let store = crate::store::Store::open(tmp.path()).unwrap();
            let story = crate::kit::Story {
                id: "a".into(),
                title: "A".into(),
                ..Default::default()
            };
            store.save_story(&story).unwrap();
        }
        let stale = tmp.path().join("stories/.sre-prep-x1.tmp");
        std::fs::write(&stale, b"half a story").unwrap();
        std::fs::create_dir(tmp.path().join("stories/dir.json")).unwrap();
        let opens = DirOpens::watch(&folders(tmp.path()));
        let mut store = crate::store::Store::open(tmp.path()).unwrap();
        assert!(!stale.exists(), "the killed writer's temp file is cleared");
        let listing = store.take_listing().unwrap();
        assert_eq!(listing.count(crate::store::Folder::Stories), 1);
        assert_eq!(listing.count(crate::store::Folder::Designs), 0);
        let loaded = store.load_listed(listing);
        assert_eq!(loaded.kit.stories.len(), 1);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        for (dir, times) in opens.opened() {
            assert_eq!(times, 1, "{} listed {times} times", dir.display());
        }
        // A later load reads the folder as it is then.
        std::fs::remove_file(tmp.path().join("stories/a.json")).unwrap();
        assert!(store.load().kit.stories.is_empty());
        assert_eq!(opens.opened()[&tmp.path().join("stories")], 1);
    }
}
