//! The terminal face of sre-prep. Everything that touches the terminal lives
//! under this module.

use std::path::Path;

use anyhow::Result;
use crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::cli::EXIT_OK;
use crate::store::Store;

/// Opens the app on `data_dir` and returns the exit code when the user quits.
pub fn run(data_dir: &Path) -> Result<u8> {
    let mut store = Store::open(data_dir)?;
    let loaded = store.load();
    let mut lines = vec![
        Line::from("sre-prep — the interactive coach is being built."),
        Line::from(""),
        Line::from(format!("Data directory: {}", store.dir().display())),
        Line::from(format!(
            "{} stories, {} designs, {} metrics, {} opinions loaded.",
            loaded.kit.stories.len(),
            loaded.kit.designs.len(),
            loaded.kit.metrics.len(),
            loaded.kit.opinions.len()
        )),
    ];
    for problem in &loaded.problems {
        lines.push(Line::from(format!("! {}", problem.message)));
    }
    lines.push(Line::from(""));
    lines.push(Line::from("Press q to quit."));
    ratatui::run(|terminal| -> Result<u8> {
        loop {
            terminal.draw(|frame| {
                let text = Paragraph::new(lines.clone())
                    .block(Block::bordered().title(" sre-prep "))
                    .wrap(Wrap { trim: false });
                frame.render_widget(text, frame.area());
            })?;
            if let Event::Key(key) = event::read()?
                && key.kind == KeyEventKind::Press
                && matches!(key.code, KeyCode::Char('q') | KeyCode::Esc)
            {
                return Ok(EXIT_OK);
            }
        }
    })
}
