//! Editing in `$VISUAL` / `$EDITOR` (else `vi`): the terminal is suspended
//! (mouse off, alternate screen left, raw mode off), the editor runs on a
//! private temp file in the data directory, and the terminal is resumed and
//! redrawn — never initialised a second time. The temp file's name says what
//! it edits, so text left by a session that died while the editor was open
//! can be offered back at the next start.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use super::app::Pending;
use super::form::FormKind;

/// Every `$EDITOR` temp file starts with this, in the data directory.
pub const EDIT_FILE_PREFIX: &str = ".sre-prep-edit-";
const EDIT_FILE_SUFFIX: &str = ".md";

/// Gives the terminal to another program and takes it back.
pub trait Handover {
    fn suspend(&mut self) -> io::Result<()>;
    fn resume(&mut self) -> io::Result<()>;
}

/// The editor command: `$VISUAL`, then `$EDITOR`, then `vi`; split on spaces
/// so `code --wait` works.
pub fn editor_command() -> Vec<String> {
    for var in ["VISUAL", "EDITOR"] {
        if let Ok(value) = std::env::var(var) {
            let parts: Vec<String> = value.split_whitespace().map(str::to_string).collect();
            if !parts.is_empty() {
                return parts;
            }
        }
    }
    vec!["vi".to_string()]
}

/// What a `$EDITOR` session edits; written into its temp file's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    Story(String),
    Item {
        kind: FormKind,
        index: Option<usize>,
    },
}

const KINDS: [(FormKind, &str); 5] = [
    (FormKind::Design, "design"),
    (FormKind::Metric, "metric"),
    (FormKind::Opinion, "opinion"),
    (FormKind::Narrative, "narrative"),
    (FormKind::Profile, "profile"),
];

impl EditTarget {
    /// The work that opens `$EDITOR` on `text` for this target.
    pub fn pending(self, text: String) -> Pending {
        Pending::Edit { target: self, text }
    }

    /// `story.ID`, `metric.3`, `narrative.new`.
    fn tag(&self) -> String {
        match self {
            EditTarget::Story(id) => format!("story.{id}"),
            EditTarget::Item { kind, index } => {
                let name = KINDS
                    .iter()
                    .find(|(k, _)| k == kind)
                    .map_or("item", |(_, name)| name);
                match index {
                    Some(i) => format!("{name}.{i}"),
                    None => format!("{name}.new"),
                }
            }
        }
    }

    /// Reads the target back from a temp file's name (None for a name this
    /// version did not write).
    pub fn from_file_name(name: &str) -> Option<EditTarget> {
        let inner = name
            .strip_prefix(EDIT_FILE_PREFIX)?
            .strip_suffix(EDIT_FILE_SUFFIX)?;
        // `tempfile` adds a random part between the prefix and the suffix.
        let (tag, _random) = inner.rsplit_once('.')?;
        let (kind, key) = tag.split_once('.')?;
        if kind == "story" {
            return (!key.is_empty()).then(|| EditTarget::Story(key.to_string()));
        }
        let kind = KINDS.iter().find(|(_, n)| *n == kind)?.0;
        let index = match key {
            "new" => None,
            n => Some(n.parse().ok()?),
        };
        Some(EditTarget::Item { kind, index })
    }
}

/// `$EDITOR` temp files in the data directory: left there only by a session
/// that ended while the editor was open (oldest first).
pub fn leftover_files(data_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(data_dir) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(EDIT_FILE_PREFIX)
                && name.ends_with(EDIT_FILE_SUFFIX)
                && e.file_type().is_ok_and(|t| t.is_file())
        })
        .map(|e| {
            let modified = e
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (modified, e.path())
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, path)| path).collect()
}

/// What came back from an editor session.
#[derive(Debug)]
pub struct Edited {
    /// The saved text, or what went wrong (said to the user).
    pub text: Result<String, String>,
    /// Taking the terminal back; an error here ends the app.
    pub resumed: io::Result<()>,
}

/// Runs `command` on a temp file holding `text` for `target`. When `ending()`
/// says the app is being ended (a signal arrived while the editor was open)
/// and the editor did not exit cleanly, the file is left in place, to be
/// offered back at the next start.
pub fn edit(
    terminal: &mut impl Handover,
    command: &[String],
    data_dir: &Path,
    target: &EditTarget,
    text: &str,
    ending: &dyn Fn() -> bool,
) -> Edited {
    let not_started = |message: String| Edited {
        text: Err(message),
        resumed: Ok(()),
    };
    let Some((program, args)) = command.split_first() else {
        return not_started("no editor command: set $VISUAL or $EDITOR".into());
    };
    let mut file = match tempfile::Builder::new()
        .prefix(&format!("{EDIT_FILE_PREFIX}{}.", target.tag()))
        .suffix(EDIT_FILE_SUFFIX)
        .tempfile_in(data_dir)
    {
        Ok(file) => file,
        Err(e) => {
            return not_started(format!(
                "could not create a temp file in {}: {e}",
                data_dir.display()
            ));
        }
    };
    if let Err(e) = file.write_all(text.as_bytes()).and_then(|()| file.flush()) {
        return not_started(format!(
            "could not write the temp file {}: {e}",
            file.path().display()
        ));
    }

    if let Err(e) = terminal.suspend() {
        // Half suspended is no state to run an editor in: take it back.
        return Edited {
            text: Err(format!("could not hand the terminal to the editor: {e}")),
            resumed: terminal.resume(),
        };
    }
    let status = Command::new(program).args(args).arg(file.path()).status();
    let resumed = terminal.resume();

    let text = match status {
        Ok(s) if s.success() => std::fs::read_to_string(file.path()).map_err(|e| {
            format!(
                "could not read back the edited text from {}: {e}",
                file.path().display()
            )
        }),
        Ok(s) if ending() => {
            let kept = file.keep().map(|(_, path)| path);
            Err(match kept {
                Ok(path) => format!(
                    "{} ended ({s}) as sre-prep was closing; its file {} is offered back at the next start",
                    command.join(" "),
                    path.display()
                ),
                Err(e) => format!("{} ended ({s}): {e}", command.join(" ")),
            })
        }
        Ok(s) => Err(format!(
            "{} exited with {s}; nothing was changed",
            command.join(" ")
        )),
        Err(e) => Err(format!(
            "could not start `{}` ({e}) — set $VISUAL or $EDITOR to your editor",
            command.join(" ")
        )),
    };
    Edited { text, resumed }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records what the app did with the terminal; can fail to take it back.
    #[derive(Default)]
    struct FakeTerminal {
        calls: Vec<&'static str>,
        resume_fails: bool,
    }

    impl Handover for FakeTerminal {
        fn suspend(&mut self) -> io::Result<()> {
            self.calls.push("suspend");
            Ok(())
        }
        fn resume(&mut self) -> io::Result<()> {
            self.calls.push("resume");
            if self.resume_fails {
                Err(io::Error::other("the terminal is gone"))
            } else {
                Ok(())
            }
        }
    }

    /// An editor stand-in: `sh -c SCRIPT` with the file as `$1`.
    fn sh(script: &str) -> Vec<String> {
        vec!["sh".into(), "-c".into(), script.into(), "sh".into()]
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        leftover_files(dir)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn the_terminal_is_suspended_and_resumed_around_the_editor() {
        let tmp = tempfile::tempdir().unwrap();
        let mut terminal = FakeTerminal::default();
        let edited = edit(
            &mut terminal,
            &sh(r#"printf 'more\n' >> "$1""#),
            tmp.path(),
            &EditTarget::Story("pager-storm".into()),
            "# Title\nPager storm\n",
            &|| false,
        );
        assert_eq!(terminal.calls, ["suspend", "resume"]);
        assert_eq!(edited.text.unwrap(), "# Title\nPager storm\nmore\n");
        assert!(edited.resumed.is_ok());
        assert!(leftovers(tmp.path()).is_empty(), "the temp file is gone");
    }

    #[test]
    fn a_terminal_that_cannot_be_taken_back_is_reported_and_the_text_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let mut terminal = FakeTerminal {
            resume_fails: true,
            ..FakeTerminal::default()
        };
        let edited = edit(
            &mut terminal,
            &sh(r#"printf 'kept\n' > "$1""#),
            tmp.path(),
            &EditTarget::Story("pager-storm".into()),
            "",
            &|| false,
        );
        let error = edited.resumed.unwrap_err();
        assert_eq!(error.to_string(), "the terminal is gone");
        assert_eq!(edited.text.unwrap(), "kept\n");
    }

    #[test]
    fn an_editor_ended_by_a_closing_app_leaves_its_file_to_offer_back() {
        let tmp = tempfile::tempdir().unwrap();
        let edited = edit(
            &mut FakeTerminal::default(),
            &sh(r#"printf 'half written\n' > "$1"; exit 1"#),
            tmp.path(),
            &EditTarget::Item {
                kind: FormKind::Metric,
                index: Some(3),
            },
            "",
            &|| true,
        );
        let message = edited.text.unwrap_err();
        assert!(
            message.contains("offered back at the next start"),
            "{message}"
        );
        let left = leftover_files(tmp.path());
        assert_eq!(left.len(), 1);
        assert_eq!(std::fs::read_to_string(&left[0]).unwrap(), "half written\n");
        let name = left[0].file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(
            EditTarget::from_file_name(&name),
            Some(EditTarget::Item {
                kind: FormKind::Metric,
                index: Some(3)
            })
        );
    }

    #[test]
    fn a_failed_editor_outside_shutdown_changes_nothing_and_leaves_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let edited = edit(
            &mut FakeTerminal::default(),
            &sh("exit 3"),
            tmp.path(),
            &EditTarget::Story("a".into()),
            "",
            &|| false,
        );
        let message = edited.text.unwrap_err();
        assert!(message.contains("nothing was changed"), "{message}");
        assert!(leftovers(tmp.path()).is_empty());
    }

    #[test]
    fn targets_round_trip_through_file_names() {
        for target in [
            EditTarget::Story("db-pool-exhaustion".into()),
            EditTarget::Story("v1.2-rollout".into()),
            EditTarget::Item {
                kind: FormKind::Narrative,
                index: None,
            },
            EditTarget::Item {
                kind: FormKind::Design,
                index: Some(12),
            },
        ] {
            let name = format!(
                "{EDIT_FILE_PREFIX}{}.aB3xYz{EDIT_FILE_SUFFIX}",
                target.tag()
            );
            assert_eq!(EditTarget::from_file_name(&name), Some(target), "{name}");
        }
        assert_eq!(
            EditTarget::from_file_name(".sre-prep-edit-aB3xYz.md"),
            None,
            "a name from an older version names no target"
        );
    }
}
