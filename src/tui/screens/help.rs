//! Help: every key of the screen underneath, read from the same table that
//! drives the keys and the footer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::tui::app::{App, Help};
use crate::tui::keymap::{self, Action, Context, bindings, keys_label};
use crate::tui::layout;
use crate::tui::text_input;

pub fn render(app: &App, help: Help, area: Rect, buf: &mut Buffer) {
    let (under, scroll) = (help.under, help.scroll);
    let t = app.theme;
    let lines = help_text(app, under);
    let rect = help_rect(&lines, area);
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_style(t.focused_border())
        .title(" Keys ")
        .title_bottom(format!(
            " {} closes ",
            keymap::two_keys_for(Context::Help, Action::Back)
        ));
    let inner = block.inner(rect);
    let limit = layout::scroll_limit(&lines, inner);
    app.last_frame().record(|a| a.help_scroll = Some(limit));
    let scroll = scroll.min(limit);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .block(block)
        .render(rect, buf);
}

/// Room for the lines and a description that wraps, within the screen.
fn help_rect(lines: &[Line], area: Rect) -> Rect {
    let width = area.width.min(76);
    // A row to spare as before, or more where long lines wrap.
    let wrapped = layout::wrapped_rows(lines, width.saturating_sub(2)) + 2;
    let height = (lines.len() as u16 + 3)
        .max(wrapped)
        .min(area.height.saturating_sub(2));
    layout::centered(area, width, height)
}

/// Every key of the screen underneath, as drawn.
fn help_text(app: &App, under: Context) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut lines = Vec::new();
    let mut steps_done = false;
    for binding in bindings(under) {
        let (keys, what) = match binding.action {
            Action::Step(_) if steps_done => continue,
            Action::Step(_) => {
                steps_done = true;
                ("1-5".to_string(), binding.action.describe())
            }
            action => (keys_label(binding), action.describe()),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{keys:>16}  "), t.key()),
            Span::raw(what),
        ]));
    }
    let typing = match under {
        Context::Editor => Some(
            "In a field: type as usual; Enter breaks the line (in Title it moves on); Ctrl-u undoes, Ctrl-r redoes; paste works.",
        ),
        Context::Filter | Context::Quiz => Some(text_input::KEYS_HELP),
        // ← and → scroll the output sideways there.
        Context::Troubleshoot => Some(text_input::KEYS_HELP_NO_ARROWS),
        _ => None,
    };
    if let Some(typing) = typing {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(typing, t.dim())));
    }
    lines
}
