//! The editor of a design answer, a metric, an opinion or the narrative:
//! the fields, the focused one open for typing, the evaluation beside it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::screens::steps::evaluation_lines;
use crate::tui::widgets::clip;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(form) = app.form.as_ref() else {
        return;
    };
    let t = app.theme;
    let l = layout::editor(area);
    let fields = form.fields();
    let new = form.editing.is_none();
    let heading = format!(
        " {} {}{} ",
        if new { "New" } else { "Editing the" },
        form.kind().noun(),
        if form.is_dirty() { " · unsaved" } else { "" }
    );
    let block = Block::bordered().border_style(t.border()).title(heading);
    let inner = block.inner(l.fields);
    block.render(l.fields, buf);
    for (i, f) in fields.iter().enumerate() {
        if i as u16 >= inner.height {
            break;
        }
        let lines = form.inputs[i].lines();
        let words: usize = lines.iter().map(|l| l.split_whitespace().count()).sum();
        let preview = lines
            .iter()
            .find(|l| !l.trim().is_empty())
            .cloned()
            .unwrap_or_default();
        let focused = i == form.focus;
        let width = usize::from(inner.width);
        Line::from(vec![
            Span::styled(if focused { "▸ " } else { "  " }, t.key()),
            Span::styled(
                format!("{:<27}", f.label),
                if focused { t.selected() } else { t.heading() },
            ),
            Span::styled(format!("{words:>4}w "), t.dim()),
            Span::styled(clip(&preview, width.saturating_sub(40)), t.dim()),
        ])
        .render(Rect::new(inner.x, inner.y + i as u16, inner.width, 1), buf);
    }
    let f = &fields[form.focus];
    let block = Block::bordered()
        .border_style(t.focused_border())
        .title(format!(" {} ", f.label))
        .title_bottom(Line::from(Span::styled(format!(" {} ", f.hint), t.dim())));
    let inner = block.inner(l.input);
    block.render(l.input, buf);
    (&form.inputs[form.focus]).render(inner, buf);

    Paragraph::new(evaluation_lines(&form.evaluation, t, true))
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .border_style(t.border())
                .title(" Live check "),
        )
        .render(l.score, buf);
}
