//! Text left in `$EDITOR` by a session that ended while the editor was open
//! (killed, crashed, or closed with its terminal): offered back at the next
//! start by opening the editor on it again, or moved to the trash. Never
//! deleted, and only touched by the app that holds the data directory's lock.

use std::path::Path;

use super::{App, Confirm};
use crate::tui::external_editor::{EditTarget, leftover_files};
use crate::tui::form::FormKind;

impl App {
    /// Offers the oldest leftover `$EDITOR` file back; one whose story or
    /// item is gone is moved to the trash, and the user is told where.
    pub(super) fn offer_leftover_edit(&mut self) {
        if self.storage.writable().is_err() {
            // Another sre-prep holds the lock and may be editing it now.
            return;
        }
        let Some(path) = leftover_files(self.data_dir()).into_iter().next() else {
            return;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let target = EditTarget::from_file_name(&name);
        match target.as_ref().and_then(|t| self.describe_target(t)) {
            Some(what) => {
                self.ask(Confirm::RestoreEditorText { what, path, target });
            }
            None => {
                if let Some(shown) = self.trash_leftover(&path) {
                    self.info(format!(
                        "Text left open in $EDITOR by an earlier session is kept in {shown} (what it edited is no longer here)."
                    ));
                }
            }
        }
    }

    /// Words for the story or item a leftover file was editing, if it is
    /// still there.
    fn describe_target(&self, target: &EditTarget) -> Option<String> {
        match target {
            EditTarget::Story(id) => self.kit().story(id).map(|s| format!("'{}'", s.title)),
            EditTarget::Item { kind, index } => {
                let exists = match (kind, index) {
                    (FormKind::Narrative | FormKind::Profile, _) => true,
                    (_, None) => false,
                    (FormKind::Design, Some(i)) => *i < self.kit().designs.len(),
                    (FormKind::Metric, Some(i)) => *i < self.kit().metrics.len(),
                    (FormKind::Opinion, Some(i)) => *i < self.kit().opinions.len(),
                };
                exists.then(|| match index {
                    Some(i) => format!("the {} '{}'", kind.noun(), self.item_title(*kind, *i)),
                    None => format!("the {}", kind.noun()),
                })
            }
        }
    }

    /// Yes: the editor opens on the text again (the file goes to the trash,
    /// so it is kept whatever happens next). No: it goes to the trash.
    pub(super) fn answer_leftover_edit(
        &mut self,
        path: &Path,
        target: Option<EditTarget>,
        yes: bool,
    ) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                self.error(format!(
                    "Could not read {} ({e}); it was left where it is.",
                    path.display()
                ));
                return;
            }
        };
        let Some(shown) = self.trash_leftover(path) else {
            return;
        };
        match target {
            Some(target) if yes => {
                self.pending = Some(target.pending(text));
                self.info(format!("Your $EDITOR text is back (a copy is in {shown})."));
            }
            _ => self.info(format!("The $EDITOR text was moved to {shown}.")),
        }
    }

    /// Moves a leftover file to the trash; its path there, for the user.
    fn trash_leftover(&mut self, path: &Path) -> Option<String> {
        let store = self.storage.writable().ok()?;
        match store.move_to_trash(path) {
            Ok(to) => Some(
                to.strip_prefix(self.data_dir())
                    .unwrap_or(&to)
                    .display()
                    .to_string(),
            ),
            Err(e) => {
                self.error(format!(
                    "Could not move {} to the trash: {e}",
                    path.display()
                ));
                None
            }
        }
    }
}
