//! The data directory: one JSON file per story and design, one file each for
//! metrics, opinions, the narrative, the profile and review history; a trash
//! folder for deletes. Every write is atomic and private, one process writes
//! at a time, and a file that could not be read is never written over.

pub mod atomic;
pub mod cards;
pub mod error;
pub mod files;
pub mod import;
pub mod listing;
pub mod location;
pub mod lock;
pub mod output;
pub mod read;
pub mod scenarios;

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use error::StoreError;
pub use files::Folder;
pub use import::{ImportError, ImportReport, import_kit};
pub use listing::Listing;
pub use location::{DATA_DIR_ENV, resolve_data_dir};

use crate::drill::reviews::Reviews;
use crate::kit::format::{self, FORMAT_VERSION};
use crate::kit::{Design, Kit, Metric, Narrative, Opinion, Profile, Story, ids};
use files::{
    DRAFT_FILE, DraftFile, HasId, ItemFile, METRICS_FILE, MetricsFile, NARRATIVE_FILE,
    NarrativeFile, OPINIONS_FILE, OpinionsFile, PROFILE_FILE, ProfileFile, REVIEWS_FILE,
    ReviewsFile, TRASH_DIR,
};
pub use files::{Draft, FormDraft};
use lock::{DirLock, LockFailure};

/// A file that could not be read while loading; it was left untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    pub path: PathBuf,
    /// One line naming the file, what is wrong and what to do.
    pub message: String,
}

/// What loading a data directory found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub kit: Kit,
    pub problems: Vec<LoadProblem>,
}

/// Reads a whole data directory without locking it (readers never need to:
/// every write is an atomic rename). A missing directory is an empty kit.
pub fn load(dir: &Path) -> Loaded {
    load_listed(dir, Listing::of(dir))
}

/// [`load`], reading the story and design files `listing` found (made of
/// `dir` just before, for the first frame): the folders are not listed again.
pub fn load_listed(dir: &Path, mut listing: Listing) -> Loaded {
    let mut loaded = Loaded::default();
    let problems = &mut loaded.problems;
    loaded.kit.stories = load_folder::<Story>(dir, Folder::Stories, &mut listing, problems);
    loaded.kit.designs = load_folder::<Design>(dir, Folder::Designs, &mut listing, problems);
    if let Some(file) = load_file::<MetricsFile>(&dir.join(METRICS_FILE), problems) {
        loaded.kit.metrics = file.metrics;
    }
    if let Some(file) = load_file::<OpinionsFile>(&dir.join(OPINIONS_FILE), problems) {
        loaded.kit.opinions = file.opinions;
    }
    if let Some(file) = load_file::<NarrativeFile>(&dir.join(NARRATIVE_FILE), problems) {
        loaded.kit.narrative = file.narrative;
    }
    if let Some(file) = load_file::<ProfileFile>(&dir.join(PROFILE_FILE), problems) {
        loaded.kit.profile = file.profile;
    }
    loaded
}

/// Reads one JSON file of the data directory. `None` when it does not exist
/// or could not be read (then a problem is recorded).
pub fn load_file<T: DeserializeOwned>(path: &Path, problems: &mut Vec<LoadProblem>) -> Option<T> {
    let bytes = match read::read_regular_file(path) {
        Ok(bytes) => bytes,
        Err(e) if e.is_not_found() => return None,
        Err(read::ReadError::Io(e)) => {
            problems.push(LoadProblem {
                path: path.to_path_buf(),
                message: format!(
                    "{}: could not be read ({e}) — check its permissions; it was left as it is",
                    path.display()
                ),
            });
            return None;
        }
        Err(e) => {
            problems.push(LoadProblem {
                path: path.to_path_buf(),
                message: format!(
                    "{}: {e} — move it out of the data directory; it was left as it is",
                    path.display()
                ),
            });
            return None;
        }
    };
    let text = match format::decode_text(bytes) {
        Ok(text) => text,
        Err(at) => {
            problems.push(LoadProblem {
                path: path.to_path_buf(),
                message: format!(
                    "{}: byte {at} is not UTF-8 text — fix the file (or move it away); it was left as it is",
                    path.display(),
                ),
            });
            return None;
        }
    };
    match format::parse_file(&text, path, false) {
        Ok(value) => Some(value),
        Err(e) => {
            problems.push(LoadProblem {
                path: path.to_path_buf(),
                message: e.to_string(),
            });
            None
        }
    }
}

/// Reads and parses files on every core: a big folder loads in a fraction
/// of the time. Results keep the order of `paths`.
fn load_many<T: DeserializeOwned + Send>(paths: &[PathBuf]) -> Vec<(Option<T>, Vec<LoadProblem>)> {
    crate::parallel::map(paths, 64, |path| {
        let mut problems = Vec::new();
        let item = load_file::<T>(path, &mut problems);
        (item, problems)
    })
}

fn load_folder<T: DeserializeOwned + HasId + Send>(
    dir: &Path,
    folder: Folder,
    listing: &mut Listing,
    problems: &mut Vec<LoadProblem>,
) -> Vec<T> {
    let folder_path = dir.join(folder.dir_name());
    let paths = match listing.paths(folder, &folder_path) {
        Ok(paths) => paths,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            problems.push(LoadProblem {
                path: folder_path.clone(),
                message: format!(
                    "{}: could not list the folder ({e}) — check its permissions",
                    folder_path.display()
                ),
            });
            return Vec::new();
        }
    };
    let mut items = Vec::with_capacity(paths.len());
    for (path, (item, mut found)) in paths.iter().zip(load_many::<T>(&paths)) {
        problems.append(&mut found);
        if let Some(mut item) = item {
            // The file name is the id: a user who renames a file renames the item.
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
            item.set_id(stem.unwrap_or_default());
            items.push(item);
        }
    }
    items
}

/// An existing data directory that others could read, made private.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MadePrivate {
    pub dir: PathBuf,
    /// The permission bits it had (`0o755`).
    pub was: u32,
    /// Why it could not be changed, if it could not.
    pub failed: Option<String>,
}

impl std::fmt::Display for MadePrivate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.failed {
            None => write!(
                f,
                "{} was readable by other users (mode {:o}); it is now {:o}, private to you",
                self.dir.display(),
                self.was,
                self.was & 0o700
            ),
            Some(why) => write!(
                f,
                "warning: {} is readable by other users (mode {:o}) and could not be made private ({why}) — run `chmod 700` on it",
                self.dir.display(),
                self.was
            ),
        }
    }
}

/// Checks that the data directory exists and is a directory (one clear
/// error instead of one per file), and makes it private to the owner (0700)
/// if others could read it. Returns what was changed, for the user.
pub fn check_data_dir(dir: &Path) -> Result<Option<MadePrivate>, StoreError> {
    use std::os::unix::fs::PermissionsExt;
    let meta = match fs::metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(StoreError::NoDataDir {
                dir: dir.to_path_buf(),
            });
        }
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
            return Err(StoreError::NotADirectory {
                dir: dir.to_path_buf(),
                above: true,
            });
        }
        Err(e) => return Err(StoreError::io("reading the data directory", dir, e)),
    };
    if !meta.is_dir() {
        return Err(StoreError::NotADirectory {
            dir: dir.to_path_buf(),
            above: false,
        });
    }
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 == 0 {
        return Ok(None);
    }
    let failed = fs::set_permissions(dir, fs::Permissions::from_mode(mode & 0o700))
        .err()
        .map(|e| e.to_string());
    Ok(Some(MadePrivate {
        dir: dir.to_path_buf(),
        was: mode,
        failed,
    }))
}

/// An id is used as a file name: it must stay inside its folder.
fn is_safe_file_stem(id: &str) -> bool {
    !id.is_empty() && !id.starts_with('.') && !id.contains(['/', '\\', '\0']) && id.len() <= 200
}

/// The data directory, open for writing: holds the lock for as long as it lives.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    _lock: DirLock,
    /// Files that failed to load. Writing over them could lose the user's
    /// words, so every save to one of these paths is refused.
    unreadable: BTreeSet<PathBuf>,
    made_private: Option<MadePrivate>,
    /// The story and design folders as listed when opening, until taken
    /// by [`Store::take_listing`].
    listing: Option<Listing>,
}

impl Store {
    /// Creates the directory (0700) if needed and takes its lock at once, or
    /// fails with [`StoreError::Locked`] when another process has it.
    /// An existing directory readable by others is made private (see
    /// [`Store::made_private`]).
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        Store::open_listing_first(dir, usize::MAX)
    }

    /// [`Store::open`], listing the story and design folders only as far as
    /// `first` entries each, for a first frame drawn before a big folder is
    /// listed: the rest (and the temp files in it) is read as the listing
    /// ([`Store::take_listing`]) is finished or loaded.
    pub fn open_listing_first(dir: &Path, first: usize) -> Result<Store, StoreError> {
        let made_private = match check_data_dir(dir) {
            Ok(made_private) => made_private,
            Err(StoreError::NoDataDir { .. }) => {
                atomic::create_private_dir(dir)
                    .map_err(|e| StoreError::io("creating the data directory", dir, e))?;
                None
            }
            Err(e) => return Err(e),
        };
        let lock = match DirLock::try_acquire(dir) {
            Ok(lock) => lock,
            Err(LockFailure::Held) => {
                return Err(StoreError::Locked {
                    dir: dir.to_path_buf(),
                });
            }
            Err(LockFailure::Io(e)) => {
                return Err(StoreError::io("locking the data directory", dir, e));
            }
        };
        for sub in [
            Folder::Stories.dir_name(),
            Folder::Designs.dir_name(),
            TRASH_DIR,
        ] {
            let path = dir.join(sub);
            atomic::create_private_dir(&path).map_err(|e| StoreError::io("creating", &path, e))?;
        }
        atomic::remove_stale_temp_files(dir);
        // The folders' temp files are cleared by their listing.
        let mut listing = Listing::start_clearing(dir);
        listing.read(first);
        Ok(Store {
            dir: dir.to_path_buf(),
            _lock: lock,
            unreadable: BTreeSet::new(),
            made_private,
            listing: Some(listing),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Set when opening found the directory readable by others and made it
    /// private: the user should be told.
    pub fn made_private(&self) -> Option<&MadePrivate> {
        self.made_private.as_ref()
    }

    /// The listing of the story and design folders made when opening (the
    /// one that clears their temp files), once: to count the files for a
    /// first frame, then to load them with [`Store::load_listed`] without
    /// listing the folders again. Only valid until something is written.
    pub fn take_listing(&mut self) -> Option<Listing> {
        self.listing.take()
    }

    /// Loads everything, remembering which files could not be read.
    pub fn load(&mut self) -> Loaded {
        let listing = Listing::of(&self.dir);
        self.load_listed(listing)
    }

    /// [`Store::load`] from a listing of the folders just made.
    pub fn load_listed(&mut self, listing: Listing) -> Loaded {
        let loaded = load_listed(&self.dir, listing);
        self.unreadable = loaded.problems.iter().map(|p| p.path.clone()).collect();
        loaded
    }

    /// Files that could not be read at the last load, and so will not be written.
    pub fn unreadable(&self) -> impl Iterator<Item = &Path> {
        self.unreadable.iter().map(PathBuf::as_path)
    }

    pub fn path_of(&self, folder: Folder, id: &str) -> PathBuf {
        self.dir.join(folder.dir_name()).join(format!("{id}.json"))
    }

    /// A fresh id for a new story or design titled `title`: a slug, unique
    /// among the files on disk (unreadable ones included) and `pending`.
    pub fn new_id(&self, folder: Folder, title: &str, pending: &BTreeSet<String>) -> String {
        let base = ids::slug(title, folder.noun());
        ids::unique_id(&base, |candidate| {
            pending.contains(candidate) || self.path_of(folder, candidate).exists()
        })
    }

    fn check_writable(&self, path: &Path) -> Result<(), StoreError> {
        if self.unreadable.contains(path) {
            return Err(StoreError::Unreadable {
                path: path.to_path_buf(),
            });
        }
        Ok(())
    }

    fn item_path<T: HasId>(&self, folder: Folder, item: &T) -> Result<PathBuf, StoreError> {
        let id = item.id();
        if !is_safe_file_stem(id) {
            return Err(StoreError::io(
                "saving",
                &self.dir.join(folder.dir_name()).join(id),
                io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("`{id}` is not a usable {} id", folder.noun()),
                ),
            ));
        }
        let path = self.path_of(folder, id);
        self.check_writable(&path)?;
        Ok(path)
    }

    /// Writes items to their own files; the folder is fsynced once at the end.
    fn save_items<T: HasId + Serialize>(
        &self,
        folder: Folder,
        items: &[T],
    ) -> Result<(), StoreError> {
        self.save_items_counted(folder, items, &mut 0)
    }

    /// [`Store::save_items`], counting in `written` the items whose file is
    /// in place, so a failure part of the way can say what was written.
    fn save_items_counted<T: HasId + Serialize>(
        &self,
        folder: Folder,
        items: &[T],
        written: &mut usize,
    ) -> Result<(), StoreError> {
        let folder_path = self.dir.join(folder.dir_name());
        let sync = || {
            atomic::sync_dir(&folder_path).map_err(|e| StoreError::io("syncing", &folder_path, e))
        };
        for item in items {
            let saved = self.item_path(folder, item).and_then(|path| {
                let text = format::to_pretty_json(&ItemFile {
                    version: FORMAT_VERSION,
                    item,
                });
                atomic::write_file(&path, text.as_bytes())
                    .map_err(|e| StoreError::io("saving", &path, e))
            });
            if let Err(e) = saved {
                // What was written before the failure is made durable too.
                if *written > 0 {
                    let _ = sync();
                }
                return Err(e);
            }
            *written += 1;
        }
        sync()
    }

    pub fn save_story(&self, story: &Story) -> Result<(), StoreError> {
        self.save_items(Folder::Stories, std::slice::from_ref(story))
    }

    pub fn save_stories(&self, stories: &[Story]) -> Result<(), StoreError> {
        self.save_items(Folder::Stories, stories)
    }

    pub fn save_design(&self, design: &Design) -> Result<(), StoreError> {
        self.save_items(Folder::Designs, std::slice::from_ref(design))
    }

    pub fn save_designs(&self, designs: &[Design]) -> Result<(), StoreError> {
        self.save_items(Folder::Designs, designs)
    }

    /// Moves a story or design file to `trash/`, from where it can be moved
    /// back by hand. Returns where it went.
    pub fn delete(&self, folder: Folder, id: &str) -> Result<PathBuf, StoreError> {
        let from = self.path_of(folder, id);
        if !is_safe_file_stem(id) || !from.is_file() {
            return Err(StoreError::NotFound {
                what: folder.noun(),
                id: id.to_string(),
            });
        }
        let trash = self.dir.join(TRASH_DIR);
        atomic::create_private_dir(&trash).map_err(|e| StoreError::io("creating", &trash, e))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let base = format!("{}-{id}-{stamp}", folder.noun());
        let name = ids::unique_id(&base, |candidate| {
            trash.join(format!("{candidate}.json")).exists()
        });
        let to = trash.join(format!("{name}.json"));
        fs::rename(&from, &to).map_err(|e| StoreError::io("moving to the trash", &from, e))?;
        for dir in [trash.as_path(), from.parent().unwrap_or(&self.dir)] {
            atomic::sync_dir(dir).map_err(|e| StoreError::io("syncing", dir, e))?;
        }
        Ok(to)
    }

    /// Writes one of the top-level files (`metrics.json`, ...), atomically.
    pub fn save_file<T: Serialize>(&self, name: &str, value: &T) -> Result<(), StoreError> {
        let path = self.dir.join(name);
        self.check_writable(&path)?;
        atomic::write_file_durably(&path, format::to_pretty_json(value).as_bytes())
            .map_err(|e| StoreError::io("saving", &path, e))
    }

    pub fn save_metrics(&self, metrics: &[Metric]) -> Result<(), StoreError> {
        self.save_file(
            METRICS_FILE,
            &MetricsFile {
                version: FORMAT_VERSION,
                metrics: metrics.to_vec(),
            },
        )
    }

    pub fn save_opinions(&self, opinions: &[Opinion]) -> Result<(), StoreError> {
        self.save_file(
            OPINIONS_FILE,
            &OpinionsFile {
                version: FORMAT_VERSION,
                opinions: opinions.to_vec(),
            },
        )
    }

    pub fn save_narrative(&self, narrative: &Narrative) -> Result<(), StoreError> {
        self.save_file(
            NARRATIVE_FILE,
            &NarrativeFile {
                version: FORMAT_VERSION,
                narrative: narrative.clone(),
            },
        )
    }

    pub fn save_profile(&self, profile: &Profile) -> Result<(), StoreError> {
        self.save_file(
            PROFILE_FILE,
            &ProfileFile {
                version: FORMAT_VERSION,
                profile: profile.clone(),
            },
        )
    }

    /// Keeps the editor's unsaved text so the next start can offer it back.
    pub fn save_draft(&self, draft: &Draft) -> Result<(), StoreError> {
        self.save_file(
            DRAFT_FILE,
            &DraftFile {
                version: FORMAT_VERSION,
                draft: draft.clone(),
            },
        )
    }

    /// The draft left by the last session, if any (a draft that cannot be
    /// read is reported like any other file and left alone).
    pub fn load_draft(&mut self, problems: &mut Vec<LoadProblem>) -> Option<Draft> {
        let path = self.dir.join(DRAFT_FILE);
        let before = problems.len();
        let draft = load_file::<DraftFile>(&path, problems).map(|f| f.draft);
        if problems.len() > before {
            self.unreadable.insert(path);
        }
        draft
    }

    /// Moves a file of the data directory (text left in `$EDITOR`) to the
    /// trash under its own name, without the leading dot; returns where.
    pub fn move_to_trash(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let trash = self.dir.join(TRASH_DIR);
        atomic::create_private_dir(&trash).map_err(|e| StoreError::io("creating", &trash, e))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().trim_start_matches('.').to_string())
            .unwrap_or_default();
        let to = trash.join(name);
        if to.exists() {
            return Err(StoreError::io(
                "moving to the trash",
                path,
                io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "the trash already has that name",
                ),
            ));
        }
        fs::rename(path, &to).map_err(|e| StoreError::io("moving to the trash", path, e))?;
        atomic::sync_dir(&self.dir).map_err(|e| StoreError::io("syncing", &self.dir, e))?;
        Ok(to)
    }

    /// Moves the draft to the trash (it is never simply deleted).
    pub fn discard_draft(&self) -> Result<(), StoreError> {
        let from = self.dir.join(DRAFT_FILE);
        if !from.exists() {
            return Ok(());
        }
        let trash = self.dir.join(TRASH_DIR);
        atomic::create_private_dir(&trash).map_err(|e| StoreError::io("creating", &trash, e))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let to = trash.join(format!("draft-{stamp}.json"));
        fs::rename(&from, &to).map_err(|e| StoreError::io("moving to the trash", &from, e))?;
        atomic::sync_dir(&self.dir).map_err(|e| StoreError::io("syncing", &self.dir, e))
    }

    /// The drill history; empty when there is none yet.
    pub fn load_reviews(&mut self, problems: &mut Vec<LoadProblem>) -> Reviews {
        let path = self.dir.join(REVIEWS_FILE);
        let before = problems.len();
        let reviews = load_file::<ReviewsFile>(&path, problems).map(|f| f.reviews);
        if problems.len() > before {
            self.unreadable.insert(path);
        }
        reviews.unwrap_or_default()
    }

    pub fn save_reviews(&self, reviews: &Reviews) -> Result<(), StoreError> {
        self.save_file(
            REVIEWS_FILE,
            &ReviewsFile {
                version: FORMAT_VERSION,
                reviews: reviews.clone(),
            },
        )
    }

    /// Keeps a copy of a metric or opinion being removed from its list in
    /// `trash/`, so a delete can be undone by hand.
    pub fn trash_copy<T: Serialize>(
        &self,
        noun: &str,
        id: &str,
        item: &T,
    ) -> Result<PathBuf, StoreError> {
        let trash = self.dir.join(TRASH_DIR);
        atomic::create_private_dir(&trash).map_err(|e| StoreError::io("creating", &trash, e))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let safe_id = ids::slug(id, noun);
        let base = format!("{noun}-{safe_id}-{stamp}");
        let name = ids::unique_id(&base, |candidate| {
            trash.join(format!("{candidate}.json")).exists()
        });
        let path = trash.join(format!("{name}.json"));
        atomic::write_file_durably(&path, format::to_pretty_json(item).as_bytes())
            .map_err(|e| StoreError::io("saving", &path, e))?;
        Ok(path)
    }

    /// Puts a deleted story or design back from `trash/` (by the trash file's
    /// name, with or without `.json`). Its old id is used if it is free, else
    /// a new one. Returns where it went.
    pub fn restore(&self, name: &str) -> Result<PathBuf, StoreError> {
        let name = name.trim_end_matches(".json");
        let from = self.dir.join(TRASH_DIR).join(format!("{name}.json"));
        let not_found = || StoreError::NotFound {
            what: "trashed story or design",
            id: name.to_string(),
        };
        if !is_safe_file_stem(name) || !from.is_file() {
            return Err(not_found());
        }
        let (folder, rest) = if let Some(rest) = name.strip_prefix("story-") {
            (Folder::Stories, rest)
        } else if let Some(rest) = name.strip_prefix("design-") {
            (Folder::Designs, rest)
        } else {
            return Err(not_found());
        };
        // "<id>-YYYYMMDD-HHMMSS", perhaps with "-2" after it: the id is what
        // comes before the date.
        let parts: Vec<&str> = rest.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let stamp_at = (1..parts.len().saturating_sub(1))
            .rev()
            .find(|&i| digits(parts[i], 8) && digits(parts[i + 1], 6));
        let id = match stamp_at {
            Some(i) => parts[..i].join("-"),
            None => rest.to_string(),
        };
        let id = ids::unique_id(&id, |candidate| self.path_of(folder, candidate).exists());
        let to = self.path_of(folder, &id);
        fs::rename(&from, &to).map_err(|e| StoreError::io("restoring", &from, e))?;
        for dir in [self.dir.join(TRASH_DIR), self.dir.join(folder.dir_name())] {
            atomic::sync_dir(&dir).map_err(|e| StoreError::io("syncing", &dir, e))?;
        }
        Ok(to)
    }
}
