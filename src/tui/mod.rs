//! The terminal face of sre-prep. Everything that touches the terminal lives
//! under this module; the rest of the crate knows nothing of it.

pub mod app;
pub mod editor;
pub mod external_editor;
pub mod form;
pub mod frame_areas;
pub mod keymap;
pub mod layout;
pub mod next_step;
mod render;
pub mod scores;
pub mod screens;
pub mod text_input;
pub mod theme;
pub mod widgets;

use std::io::{self, Write as _, stdout};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use crossterm::cursor::Show;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGHUP, SIGTERM};

use crate::exit::EXIT_OK;
use app::{App, DraftOutcome, Pending};
use external_editor::Handover;
use theme::Theme;

/// While the kit is scored on background threads: how often the frame loop
/// takes in their results when no key comes, and how often at most it draws
/// the progress they make (a key is drawn at once).
const SCORES_CHECK: Duration = Duration::from_millis(10);
const SCORES_REDRAW: Duration = Duration::from_millis(50);

/// The longest the app waits for a key before looking for a signal.
const SIGNAL_CHECK: Duration = Duration::from_millis(200);

/// How the event loop ended.
enum Ending {
    /// The user quit (`q`, `Ctrl-c`).
    Quit,
    /// SIGTERM or SIGHUP (the terminal was closed).
    Signal(i32),
}

/// Opens the app on `data_dir` and returns the exit code when the user quits.
/// A signal (SIGTERM, SIGHUP) or a lost terminal ends it the way `Ctrl-c`
/// does: unsaved editor text is kept as a draft, the terminal is restored,
/// and the lock is released as the process ends.
pub fn run(data_dir: &Path) -> Result<u8> {
    let signals = Signals::watch().context("watching for SIGTERM and SIGHUP")?;
    // Our hook first, so ratatui's (installed by init, once) runs before it
    // and the terminal is restored before anything is printed.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        previous(info);
    }));
    let mut terminal = ratatui::try_init().context(
        "the app needs a terminal (run sre-prep in one, or use a subcommand: sre-prep --help); starting it failed",
    )?;
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    let today = chrono::Local::now().date_naive();
    // Draw first: the first frame needs only counts of files; everything
    // else is read right after it, before any key is handled.
    let mut app = App::open_first_frame(data_dir, today, Theme::from_env());
    let ending = event_loop(&mut terminal, &mut app, data_dir, &signals);
    // A terminal that fails once a signal has arrived is the signal's doing
    // (SIGHUP: it was closed).
    let ending = match (ending, signals.received()) {
        (Err(_), Some(signal)) => Ok(Ending::Signal(signal)),
        (ending, _) => ending,
    };
    // Anything but a quit by the user keeps what Ctrl-c would have kept.
    let draft = match ending {
        Ok(Ending::Quit) => DraftOutcome::NothingUnsaved,
        _ => app.keep_draft(),
    };
    restore_terminal();
    // Not dropped: its drop shows the cursor again, which restore_terminal
    // has done, and on a closed terminal it fails and prints with eprintln!,
    // which panics when standard error is gone.
    std::mem::forget(terminal);
    report_draft(&draft, data_dir);
    match ending? {
        Ending::Quit => Ok(EXIT_OK),
        Ending::Signal(signal) => {
            let name = if signal == SIGHUP {
                "SIGHUP"
            } else {
                "SIGTERM"
            };
            let _ = writeln!(io::stderr(), "sre-prep: ended by {name}.");
            // The shell's convention for a death by signal: 128 + its number.
            Ok(u8::try_from(128 + signal).unwrap_or(u8::MAX))
        }
    }
}

/// Mouse and paste modes off, the alternate screen left, raw mode off, the
/// cursor shown. Errors are ignored: the terminal may be gone (SIGHUP).
fn restore_terminal() {
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
    let _ = crossterm::terminal::disable_raw_mode();
}

/// Says on standard error where unsaved text went when the app did not end
/// by a quit; text that could not be kept is printed there, so it is not lost.
fn report_draft(draft: &DraftOutcome, data_dir: &Path) {
    let mut err = io::stderr();
    match draft {
        DraftOutcome::NothingUnsaved => {}
        DraftOutcome::Kept => {
            let _ = writeln!(
                err,
                "sre-prep: your unsaved text is kept in {} and offered back at the next start.",
                data_dir.join(crate::store::files::DRAFT_FILE).display()
            );
        }
        DraftOutcome::NotKept { why, draft } => {
            // A story as the object `sre-prep import` reads; a form as its fields.
            let (text, how) = match &draft.form {
                None => (
                    serde_json::to_string_pretty(&draft.story),
                    " (saved to a file, `sre-prep import FILE` reads it)",
                ),
                Some(form) => (serde_json::to_string_pretty(form), ""),
            };
            let _ = writeln!(
                err,
                "sre-prep: your unsaved text could not be kept ({why}); here it is{how}:\n{}",
                text.unwrap_or_default()
            );
        }
    }
}

/// SIGTERM and SIGHUP, noted by a handler and acted on by the event loop.
struct Signals {
    received: Arc<AtomicUsize>,
    ids: Vec<signal_hook::SigId>,
}

impl Signals {
    fn watch() -> io::Result<Signals> {
        let received = Arc::new(AtomicUsize::new(0));
        let mut ids = Vec::new();
        for signal in [SIGTERM, SIGHUP] {
            let value = usize::try_from(signal).unwrap_or(usize::MAX);
            ids.push(signal_hook::flag::register_usize(
                signal,
                Arc::clone(&received),
                value,
            )?);
        }
        Ok(Signals { received, ids })
    }

    /// The signal that asked the app to end, if one did.
    fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// The app's terminal, handed to `$EDITOR` and taken back without being
/// initialised again (ratatui's init would stack another panic hook).
struct Tty<'a>(&'a mut DefaultTerminal);

impl Handover for Tty<'_> {
    fn suspend(&mut self) -> io::Result<()> {
        execute!(
            stdout(),
            DisableMouseCapture,
            DisableBracketedPaste,
            LeaveAlternateScreen,
            Show
        )?;
        crossterm::terminal::disable_raw_mode()
    }

    fn resume(&mut self) -> io::Result<()> {
        crossterm::terminal::enable_raw_mode()?;
        execute!(
            stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        )?;
        // The editor drew over the screen: blank it, and draw a blank frame
        // so the next one is drawn whole. (`Terminal::clear` would ask the
        // terminal where its cursor is, and fail where no answer comes.)
        execute!(stdout(), Clear(ClearType::All))?;
        self.0.draw(|_| {})?;
        Ok(())
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    data_dir: &Path,
    signals: &Signals,
) -> Result<Ending> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    let mut redraw = true;
    // Scores taken in and not drawn yet, and when the last frame was drawn.
    let mut new_scores = false;
    let mut drawn = Instant::now();
    loop {
        if let Some(signal) = signals.received() {
            return Ok(Ending::Signal(signal));
        }
        if redraw {
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
            new_scores = false;
            drawn = Instant::now();
        }
        redraw = true;
        if app.loading() {
            // A folder too big to count for the first frame is counted
            // (and that drawn) before the kit is read.
            if !app.count_the_rest() {
                app.finish_loading();
            }
            continue;
        }
        if app.quitting() {
            return Ok(Ending::Quit);
        }
        if let Some(pending) = app.pending.take() {
            let (target, text) = match pending {
                Pending::Quit => return Ok(Ending::Quit),
                Pending::Edit { target, text } => (target, text),
            };
            let edited = external_editor::edit(
                &mut Tty(terminal),
                &external_editor::editor_command(),
                data_dir,
                &target,
                &text,
                &|| signals.received().is_some(),
            );
            app.finish_external_edit(&target, edited.text);
            edited
                .resumed
                .context("could not take the terminal back after $EDITOR")?;
            continue;
        }
        // While scores are missing (they are computed on background
        // threads), take in what is done every SCORES_CHECK or after a key,
        // and draw it every SCORES_REDRAW (and once all are in); otherwise
        // wait for the next event, looking for a signal every SIGNAL_CHECK
        // (and redrawing a running timer).
        let busy = !app.scoring_done();
        let timeout = if busy { SCORES_CHECK } else { SIGNAL_CHECK };
        if event::poll(timeout)? {
            let event = event::read()?;
            app.handle_event(&event);
            // Drain what is already queued before drawing again (fast typing, pastes).
            while app.pending.is_none() && event::poll(Duration::ZERO)? {
                app.handle_event(&event::read()?);
            }
            app.collect_scores();
        } else if busy {
            new_scores |= app.collect_scores();
            redraw = new_scores && (app.scoring_done() || drawn.elapsed() >= SCORES_REDRAW);
        } else {
            redraw = app.ticking();
        }
    }
}
