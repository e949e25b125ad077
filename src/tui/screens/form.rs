//! The editor of a design answer, a metric, an opinion or the narrative:
//! the fields, the focused one open for typing, the evaluation beside it
//! (and, for a design from a built-in prompt, what interviewers probe).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::content::design_prompts::prompt;
use crate::kit::DesignField;
use crate::tui::app::App;
use crate::tui::form::FormKind;
use crate::tui::layout;
use crate::tui::screens::steps::{evaluation_lines, notes_lines};
use crate::tui::widgets::{field_row, input_box};

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
    input_box(f.label, f.hint, &form.inputs[form.focus], t, l.input, buf);

    // A design from a built-in prompt: what interviewers probe stays in
    // view above the live check while the answer is written.
    let mut score_area = l.score;
    if form.kind() == FormKind::Design
        && let Some(p) = fields
            .iter()
            .position(|f| f.key == DesignField::Prompt.key())
            .and_then(|i| prompt(form.inputs[i].lines().join(" ").trim()))
    {
        let probe = vec![Line::from(Span::styled(p.brief, t.dim()))];
        let block = Block::bordered()
            .border_style(t.border())
            .title(" What interviewers probe ");
        let rows = layout::wrapped_rows(&probe, block.inner(l.score).width) + 2;
        let rows = rows.min(l.score.height * 45 / 100);
        let [top, rest] =
            Layout::vertical([Constraint::Length(rows), Constraint::Min(3)]).areas(l.score);
        Paragraph::new(probe)
            .wrap(Wrap { trim: true })
            .block(block)
            .render(top, buf);
        score_area = rest;
    }
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
        .render(score_area, buf);
}
