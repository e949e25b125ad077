//! Importing a kit into the data directory. Import adds; it never overwrites:
//! an id that is taken gets a new one (and a message), and a narrative or
//! profile field the user already has is kept.

use std::collections::BTreeSet;
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
/// same import twice does not make copies.
fn skip_identical<T: HasId + PartialEq>(
    incoming: &mut Vec<T>,
    existing: &[T],
    noun: &str,
    source: &Path,
    notes: &mut Vec<String>,
) {
    incoming.retain(|item| {
        let same = existing.iter().any(|mine| mine == item);
        if same {
            notes.push(format!(
                "{}: {noun} `{}` is already here, word for word — skipped",
                source.display(),
                item.id()
            ));
        }
        !same
    });
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
        let id = ids::unique_id(&base, |candidate| {
            pending.contains(candidate) || taken(candidate)
        });
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

/// Adds `incoming` (read from `source`) to the data directory and to `kit`,
/// which must be what the store holds now.
pub fn import_kit(
    store: &Store,
    kit: &mut Kit,
    mut incoming: Kit,
    source: &Path,
) -> Result<ImportReport, StoreError> {
    let mut report = ImportReport::default();

    let notes = &mut report.notes;

    skip_identical(&mut incoming.stories, &kit.stories, "story", source, notes);
    skip_identical(&mut incoming.designs, &kit.designs, "design", source, notes);
    skip_identical(&mut incoming.metrics, &kit.metrics, "metric", source, notes);
    skip_identical(
        &mut incoming.opinions,
        &kit.opinions,
        "opinion",
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
        store.save_stories(&incoming.stories)?;
        report.stories = incoming.stories.len();
        kit.stories.append(&mut incoming.stories);
        kit.stories.sort_by(|a, b| a.id.cmp(&b.id));
    }
    if !incoming.designs.is_empty() {
        store.save_designs(&incoming.designs)?;
        report.designs = incoming.designs.len();
        kit.designs.append(&mut incoming.designs);
        kit.designs.sort_by(|a, b| a.id.cmp(&b.id));
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
    Ok(report)
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
