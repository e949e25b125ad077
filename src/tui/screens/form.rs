//! The editor of a design answer, a metric, an opinion or the narrative:
//! the fields, the focused one open for typing, the evaluation beside it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::screens::steps::{evaluation_lines, notes_lines};
use crate::tui::widgets::field_row;

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
        field_row(
            f.label,
            form.inputs[i].lines(),
            i == form.focus,
            usize::from(inner.width),
            t,
        )
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

    // The arithmetic changes as the user types: it goes under the score.
    let mut lines = evaluation_lines(&form.evaluation, t, true);
    let at = lines.len().min(1);
    lines.splice(at..at, notes_lines(&form.evaluation, t, true));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .border_style(t.border())
                .title(" Live check "),
        )
        .render(l.score, buf);
}
