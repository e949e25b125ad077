//! Importing a kit into the data directory. Import adds; it never overwrites:
//! an id that is taken gets a new one (and a message), and a narrative or
//! profile field the user already has is kept. Every step is linear in the
//! number of items, so a kit of 100,000 stories imports (and re-imports) in
//! seconds, not minutes.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::Path;

use super::files::HasId;
use super::{Folder, Store, StoreError};
use crate::kit::{Kit, ids};

/// What an import did, for the user to read.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub stories: usize,
    pub designs: usize,
    pub metrics: usize,
    pub opinions: usize,
    pub narrative: bool,
    pub profile: bool,
    /// Ids that changed, things kept rather than overwritten: one line each.
    pub notes: Vec<String>,
}

impl ImportReport {
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        for (n, one, many) in [
            (self.stories, "story", "stories"),
            (self.designs, "design", "designs"),
            (self.metrics, "metric", "metrics"),
            (self.opinions, "opinion", "opinions"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {}", if n == 1 { one } else { many }));
            }
        }
        if self.narrative {
            parts.push("the narrative".into());
        }
        if self.profile {
            parts.push("the profile".into());
        }
        if parts.is_empty() {
            "nothing new".into()
        } else {
            parts.join(", ")
        }
    }
}

/// Drops incoming items that are already here word for word, so running the
/// same import twice does not make copies. One note says how many.
fn skip_identical<T: HasId + PartialEq>(
    incoming: &mut Vec<T>,
    existing: &[T],
    (one, many): (&str, &str),
    source: &Path,
    notes: &mut Vec<String>,
) {
    // Equal items have equal ids: compare each with the few sharing its id.
    let mut by_id: HashMap<&str, Vec<&T>> = HashMap::with_capacity(existing.len());
    for mine in existing {
        by_id.entry(mine.id()).or_default().push(mine);
    }
    let mut skipped = Vec::new();
    incoming.retain(|item| {
        let same = by_id
            .get(item.id())
            .is_some_and(|mine| mine.contains(&item));
        if same {
            skipped.push(item.id().to_string());
        }
        !same
    });
    const NAMED: usize = 3;
    let named: Vec<String> = skipped
        .iter()
        .take(NAMED)
        .map(|id| format!("`{id}`"))
        .collect();
    let more = match skipped.len().saturating_sub(NAMED) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    match skipped.len() {
        0 => {}
        1 => notes.push(format!(
            "{}: {one} {} is already here, word for word — skipped",
            source.display(),
            named.join("")
        )),
        n => notes.push(format!(
            "{}: {n} {many} are already here, word for word — skipped ({}{more})",
            source.display(),
            named.join(", ")
        )),
    }
}

/// Gives each incoming item an id that `taken` says is free (and that no
/// earlier item of this import has), noting every id that had to change.
fn assign_ids<T: HasId>(
    items: &mut [T],
    noun: &str,
    taken: impl Fn(&str) -> bool,
    source: &Path,
    notes: &mut Vec<String>,
) {
    let mut pending = BTreeSet::new();
    // The next suffix to try for a base: many items with one title (and no
    // id) do not each count up again from `-2`.
    let mut next_suffix: HashMap<String, u32> = HashMap::new();
    for item in items.iter_mut() {
        let wanted = item.id().to_string();
        let usable = ids::is_valid_id(&wanted);
        let base = if usable {
            wanted.clone()
        } else if !wanted.trim().is_empty() {
            ids::slug(&wanted, noun)
        } else {
            ids::slug(item.title(), noun)
        };
        let free = |candidate: &str| !pending.contains(candidate) && !taken(candidate);
        let id = if free(&base) {
            base
        } else {
            let n = next_suffix.entry(base.clone()).or_insert(2);
            loop {
                let candidate = format!("{base}-{n}");
                *n += 1;
                if free(&candidate) {
                    break candidate;
                }
            }
        };
        if !wanted.trim().is_empty() && id != wanted {
            let why = if usable {
                "exists already"
            } else {
                "is not a usable id (lowercase letters, digits and dashes)"
            };
            notes.push(format!(
                "{}: {noun} `{wanted}` {why} — imported as `{id}`",
                source.display()
            ));
        }
        pending.insert(id.clone());
        item.set_id(id);
    }
}

/// An import that stopped at an error: what was written before it (already
/// in the data directory and in the kit), and the error.
#[derive(Debug)]
pub struct ImportError {
    pub written: ImportReport,
    pub error: StoreError,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.error)?;
        if self.written != ImportReport::default() {
            write!(f, " (written before it: {})", self.written.summary())?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}

/// Adds `incoming` (read from `source`) to the data directory and to `kit`,
/// which must be what the store holds now.
pub fn import_kit(
    store: &Store,
    kit: &mut Kit,
    incoming: Kit,
    source: &Path,
) -> Result<ImportReport, ImportError> {
    let mut report = ImportReport::default();
    match import_into(store, kit, incoming, source, &mut report) {
        Ok(()) => Ok(report),
        Err(error) => Err(ImportError {
            written: report,
            error,
        }),
    }
}

/// The import itself; `report` counts what is written as it goes, so a
/// failure part of the way says what is already in the data directory.
fn import_into(
    store: &Store,
    kit: &mut Kit,
    mut incoming: Kit,
    source: &Path,
    report: &mut ImportReport,
) -> Result<(), StoreError> {
    let notes = &mut report.notes;

    skip_identical(
        &mut incoming.stories,
        &kit.stories,
        ("story", "stories"),
        source,
        notes,
    );
    skip_identical(
        &mut incoming.designs,
        &kit.designs,
        ("design", "designs"),
        source,
        notes,
    );
    skip_identical(
        &mut incoming.metrics,
        &kit.metrics,
        ("metric", "metrics"),
        source,
        notes,
    );
    skip_identical(
        &mut incoming.opinions,
        &kit.opinions,
        ("opinion", "opinions"),
        source,
        notes,
    );
    let on_disk = |folder: Folder| move |id: &str| store.path_of(folder, id).exists();
    assign_ids(
        &mut incoming.stories,
        "story",
        on_disk(Folder::Stories),
        source,
        notes,
    );
    assign_ids(
        &mut incoming.designs,
        "design",
        on_disk(Folder::Designs),
        source,
        notes,
    );
    let metric_ids: BTreeSet<&str> = kit.metrics.iter().map(|m| m.id.as_str()).collect();
    assign_ids(
        &mut incoming.metrics,
        "metric",
        |id| metric_ids.contains(id),
        source,
        notes,
    );
    let opinion_ids: BTreeSet<&str> = kit.opinions.iter().map(|o| o.id.as_str()).collect();
    assign_ids(
        &mut incoming.opinions,
        "opinion",
        |id| opinion_ids.contains(id),
        source,
        notes,
    );

    if !incoming.stories.is_empty() {
        let saved =
            store.save_items_counted(Folder::Stories, &incoming.stories, &mut report.stories);
        kit.stories.extend(incoming.stories.drain(..report.stories));
        kit.stories.sort_by(|a, b| a.id.cmp(&b.id));
        saved?;
    }
    if !incoming.designs.is_empty() {
        let saved =
            store.save_items_counted(Folder::Designs, &incoming.designs, &mut report.designs);
        kit.designs.extend(incoming.designs.drain(..report.designs));
        kit.designs.sort_by(|a, b| a.id.cmp(&b.id));
        saved?;
    }
    if !incoming.metrics.is_empty() {
        let mut all = kit.metrics.clone();
        all.extend(incoming.metrics.iter().cloned());
        store.save_metrics(&all)?;
        report.metrics = incoming.metrics.len();
        kit.metrics = all;
    }
    if !incoming.opinions.is_empty() {
        let mut all = kit.opinions.clone();
        all.extend(incoming.opinions.iter().cloned());
        store.save_opinions(&all)?;
        report.opinions = incoming.opinions.len();
        kit.opinions = all;
    }

    let theirs = incoming.narrative.text.trim();
    if !theirs.is_empty() {
        if kit.narrative.text.trim().is_empty() {
            store.save_narrative(&incoming.narrative)?;
            kit.narrative = incoming.narrative;
            report.narrative = true;
        } else if kit.narrative.text.trim() != theirs {
            report.notes.push(format!(
                "{}: you have a platform narrative already — kept yours; the imported one was not used",
                source.display()
            ));
        }
    }

    let (profile, profile_notes) = merge_profile(&kit.profile, &incoming.profile, source);
    report.notes.extend(profile_notes);
    if profile != kit.profile {
        store.save_profile(&profile)?;
        kit.profile = profile;
        report.profile = true;
    }
    Ok(())
}

/// Fills the fields the user has not set; keeps theirs where both differ.
fn merge_profile(
    mine: &crate::kit::Profile,
    theirs: &crate::kit::Profile,
    source: &Path,
) -> (crate::kit::Profile, Vec<String>) {
    let mut merged = mine.clone();
    let mut notes = Vec::new();
    let mut kept = |field: &str| {
        notes.push(format!(
            "{}: kept your {field}; the imported one differs and was not used",
            source.display()
        ))
    };
    match (mine.interview_date, theirs.interview_date) {
        (None, Some(day)) => merged.interview_date = Some(day),
        (Some(a), Some(b)) if a != b => kept("interview date"),
        _ => {}
    }
    for (field, mine_text, theirs_text, slot) in [
        (
            "company",
            &mine.company,
            &theirs.company,
            &mut merged.company,
        ),
        (
            "target role",
            &mine.target_role,
            &theirs.target_role,
            &mut merged.target_role,
        ),
    ] {
        if theirs_text.trim().is_empty() {
            continue;
        }
        if mine_text.trim().is_empty() {
            *slot = theirs_text.clone();
        } else if mine_text.trim() != theirs_text.trim() {
            kept(field);
        }
    }
    (merged, notes)
}
