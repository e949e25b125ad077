//! The story and design folders, each listed once: the same listing counts
//! the files for the app's first frame, clears the temp files a killed
//! writer left (for the holder of the lock), and names the files loading
//! reads. It is read as far as asked: a folder of 20,000 stories takes a
//! few milliseconds to list, so the app's first frame is drawn after the
//! first entries, and the rest is read after it, from the same listing.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{TEMP_PREFIX, TEMP_SUFFIX};
use super::files::Folder;

/// The `*.json` files of the story and design folders, as far as read.
#[derive(Debug)]
pub struct Listing {
    stories: FolderListing,
    designs: FolderListing,
    /// Temp files found are removed: only for the holder of the lock (no
    /// live writer owns them then).
    clear: bool,
}

#[derive(Debug)]
struct FolderListing {
    /// The `*.json` names read so far, unsorted.
    names: Vec<OsString>,
    /// Open while entries are left to read.
    rest: Option<fs::ReadDir>,
    /// Why the folder could not be listed (a missing folder is empty).
    error: Option<io::Error>,
}

impl FolderListing {
    fn open(path: &Path) -> FolderListing {
        let (rest, error) = match fs::read_dir(path) {
            Ok(dir) => (Some(dir), None),
            Err(e) if e.kind() == io::ErrorKind::NotFound => (None, None),
            Err(e) => (None, Some(e)),
        };
        FolderListing {
            names: Vec::new(),
            rest,
            error,
        }
    }

    /// Reads up to `budget` more entries: hidden and temp files skipped
    /// (temp files removed when `clear`).
    fn read(&mut self, budget: usize, clear: bool) {
        let Some(dir) = self.rest.as_mut() else {
            return;
        };
        for _ in 0..budget {
            let entry = match dir.next() {
                None => {
                    self.rest = None;
                    return;
                }
                // The stream ends after an error; the entry is skipped.
                Some(Err(_)) => continue,
                Some(Ok(entry)) => entry,
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
            self.names.push(name);
        }
    }
}

impl Listing {
    /// Lists both folders of the data directory `dir` whole, changing nothing.
    pub fn of(dir: &Path) -> Listing {
        let mut listing = Listing::start(dir);
        listing.finish();
        listing
    }

    /// Opens both folders of `dir` for listing, reading nothing yet.
    pub fn start(dir: &Path) -> Listing {
        Listing::open(dir, false)
    }

    /// [`Listing::start`], removing the temp files a killed writer left as
    /// they are found. Only for the holder of the lock.
    pub(super) fn start_clearing(dir: &Path) -> Listing {
        Listing::open(dir, true)
    }

    fn open(dir: &Path, clear: bool) -> Listing {
        Listing {
            stories: FolderListing::open(&dir.join(Folder::Stories.dir_name())),
            designs: FolderListing::open(&dir.join(Folder::Designs.dir_name())),
            clear,
        }
    }

    /// Reads up to `budget` more entries of each folder; true when both
    /// are listed whole.
    pub fn read(&mut self, budget: usize) -> bool {
        self.stories.read(budget, self.clear);
        self.designs.read(budget, self.clear);
        self.is_complete()
    }

    /// Reads the rest of both folders.
    pub fn finish(&mut self) {
        self.read(usize::MAX);
    }

    pub fn is_complete(&self) -> bool {
        self.stories.rest.is_none() && self.designs.rest.is_none()
    }

    fn folder(&self, folder: Folder) -> &FolderListing {
        match folder {
            Folder::Stories => &self.stories,
            Folder::Designs => &self.designs,
        }
    }

    /// How many files of `folder` loading will read, once it is listed
    /// whole (0 when it could not be listed: loading says why).
    pub fn count(&self, folder: Folder) -> Option<usize> {
        let listed = self.folder(folder);
        listed.rest.is_none().then_some(listed.names.len())
    }

    /// How many files of `folder` have been found so far.
    pub fn found(&self, folder: Folder) -> usize {
        self.folder(folder).names.len()
    }

    /// The files of `folder` (in `folder_path`), sorted by name; the
    /// folder is listed to its end first.
    pub(super) fn paths(&mut self, folder: Folder, folder_path: &Path) -> io::Result<Vec<PathBuf>> {
        let clear = self.clear;
        let listed = match folder {
            Folder::Stories => &mut self.stories,
            Folder::Designs => &mut self.designs,
        };
        listed.read(usize::MAX, clear);
        if let Some(e) = listed.error.take() {
            return Err(e);
        }
        let mut names = std::mem::take(&mut listed.names);
        // Byte order of the names: the order of the paths, without
        // comparing paths component by component.
        names.sort_unstable_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
        Ok(names.iter().map(|name| folder_path.join(name)).collect())
    }
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
        assert_eq!(listing.count(crate::store::Folder::Stories), Some(1));
        assert_eq!(listing.count(crate::store::Folder::Designs), Some(0));
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

    #[test]
    fn a_listing_read_in_part_counts_nothing_until_it_is_whole() {
        let tmp = tempfile::tempdir().unwrap();
        {
            let store = crate::store::Store::open(tmp.path()).unwrap();
            let stories: Vec<crate::kit::Story> = (0..40)
                .map(|n| crate::kit::Story {
                    id: format!("s{n:02}"),
                    title: format!("Story {n}"),
                    ..Default::default()
                })
                .collect();
            store.save_stories(&stories).unwrap();
        }
        let stale = tmp.path().join("stories/.sre-prep-x2.tmp");
        std::fs::write(&stale, b"half a story").unwrap();
        let opens = DirOpens::watch(&folders(tmp.path()));
        let mut store = crate::store::Store::open_listing_first(tmp.path(), 10).unwrap();
        let mut listing = store.take_listing().unwrap();
        assert!(!listing.is_complete());
        assert_eq!(listing.count(crate::store::Folder::Stories), None);
        assert!(listing.found(crate::store::Folder::Stories) <= 10);
        assert_eq!(listing.count(crate::store::Folder::Designs), Some(0));
        listing.finish();
        assert_eq!(listing.count(crate::store::Folder::Stories), Some(40));
        assert!(
            !stale.exists(),
            "the temp file is cleared as the listing ends"
        );
        let loaded = store.load_listed(listing);
        assert_eq!(loaded.kit.stories.len(), 40);
        assert_eq!(loaded.kit.stories[0].id, "s00", "sorted by file name");
        assert_eq!(loaded.kit.stories[39].id, "s39");
        for (dir, times) in opens.opened() {
            assert_eq!(times, 1, "{} listed {times} times", dir.display());
        }
    }
}
