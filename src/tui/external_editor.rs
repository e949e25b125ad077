//! Editing a story in `$VISUAL` / `$EDITOR` (else `vi`): leave the alternate
//! screen, edit a private temp file in the data directory, come back, redraw.

use std::io::{Write, stdout};
use std::path::Path;
use std::process::Command;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

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

/// Runs the editor on `text` and returns what was saved, or a message saying
/// what went wrong (the terminal is restored either way).
pub fn edit(terminal: &mut DefaultTerminal, data_dir: &Path, text: &str) -> Result<String, String> {
    let mut file = tempfile::Builder::new()
        .prefix(".sre-prep-edit-")
        .suffix(".md")
        .tempfile_in(data_dir)
        .map_err(|e| {
            format!(
                "could not create a temp file in {}: {e}",
                data_dir.display()
            )
        })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("could not write the temp file: {e}"))?;

    let command = editor_command();
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    let status = Command::new(&command[0])
        .args(&command[1..])
        .arg(file.path())
        .status();
    let reopened = ratatui::try_init().map_err(|e| format!("could not restart the terminal: {e}"));
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    if let Ok(new_terminal) = reopened {
        *terminal = new_terminal;
        let _ = terminal.clear();
    }

    match status {
        Ok(s) if s.success() => std::fs::read_to_string(file.path())
            .map_err(|e| format!("could not read back the edited text: {e}")),
        Ok(s) => Err(format!(
            "{} exited with {s}; nothing was changed",
            command.join(" ")
        )),
        Err(e) => Err(format!(
            "could not start `{}` ({e}) — set $VISUAL or $EDITOR to your editor",
            command.join(" ")
        )),
    }
}
