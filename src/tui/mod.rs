//! The terminal face of sre-prep. Everything that touches the terminal lives
//! under this module; the rest of the crate knows nothing of it.

pub mod app;
pub mod editor;
pub mod external_editor;
pub mod form;
pub mod keymap;
pub mod layout;
mod render;
pub mod scores;
pub mod screens;
pub mod theme;
pub mod widgets;

use std::io::stdout;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context as _, Result};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::cli::EXIT_OK;
use app::{App, Pending};
use theme::Theme;

/// Stories scored between two looks at the keyboard, after the first frame.
const SCORING_BATCH: usize = 25;

/// Opens the app on `data_dir` and returns the exit code when the user quits.
pub fn run(data_dir: &Path) -> Result<u8> {
    // Our hook first, so ratatui's (installed by init) runs before it and the
    // terminal is restored before anything is printed.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        previous(info);
    }));
    let mut terminal = ratatui::try_init().context(
        "the app needs a terminal (run sre-prep in one, or use a subcommand: sre-prep --help); starting it failed",
    )?;
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = event_loop(&mut terminal, data_dir);
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, data_dir: &Path) -> Result<u8> {
    let today = chrono::Local::now().date_naive();
    // Draw first: the first frame needs only counts of files; everything
    // else is read right after it, before any key is handled.
    let mut app = App::open_first_frame(data_dir, today, Theme::from_env());
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    loop {
        terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
        if app.loading() {
            app.finish_loading();
            continue;
        }
        if app.quit {
            return Ok(EXIT_OK);
        }
        match app.pending.take() {
            Some(Pending::ExternalEdit { id, text }) => {
                let result = external_editor::edit(terminal, data_dir, &text);
                app.finish_external_edit(&id, result);
                continue;
            }
            Some(Pending::ExternalEditForm { kind, index, text }) => {
                let result = external_editor::edit(terminal, data_dir, &text);
                app.finish_external_edit_form(kind, index, result);
                continue;
            }
            None => {}
        }
        // While scores are missing, look for keys without waiting, score a
        // batch, and redraw; otherwise wait for the next event.
        let busy = !app.scoring_done();
        let timeout = if busy {
            Duration::ZERO
        } else if app.ticking() {
            Duration::from_secs(1)
        } else {
            Duration::from_secs(3600)
        };
        if event::poll(timeout)? {
            let event = event::read()?;
            app.handle_event(&event);
            // Drain what is already queued before drawing again (fast typing, pastes).
            while !app.quit && app.pending.is_none() && event::poll(Duration::ZERO)? {
                app.handle_event(&event::read()?);
            }
        } else if busy {
            app.score_some(SCORING_BATCH);
        }
    }
}
