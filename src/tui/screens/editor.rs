//! The story editor: the fields in playbook order, the focused one open for
//! typing, and the score panel updating as the user types.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::tui::app::App;
use crate::tui::editor::EditorState;
use crate::tui::editor::FIELDS;
use crate::tui::layout;
use crate::tui::widgets::{clip, field_row, input_box, score_panel};

pub fn render(app: &App, editor: &EditorState, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let l = layout::editor(area);

    let heading = match &editor.editing {
        Some(id) => format!(" Editing stories/{id}.json "),
        None => " New story ".to_string(),
    };
    let dirty = if editor.is_dirty() {
        " · unsaved "
    } else {
        ""
    };
    let block = Block::bordered()
        .border_style(t.border())
        .title(format!("{heading}{dirty}"));
    let inner = block.inner(l.fields);
    block.render(l.fields, buf);
    for (i, spec) in FIELDS.iter().enumerate() {
        if i as u16 >= inner.height {
            break;
        }
        field_row(
            spec.label,
            editor.inputs[i].lines(),
            i == editor.focus,
            usize::from(inner.width),
            t,
        )
        .render(Rect::new(inner.x, inner.y + i as u16, inner.width, 1), buf);
    }

    let spec = editor.focused_spec();
    input_box(
        spec.label,
        spec.hint,
        &editor.inputs[editor.focus],
        t,
        l.input,
        buf,
    );

    let mut lines = score_panel(&editor.score, t, false);
    if let Some(d) = spec.dimension {
        let dim = editor.score.dimensions.get(d);
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!("{} {}/5", d.label(), dim.score),
            t.heading(),
        )));
        match dim.advice.first() {
            Some(tip) => lines.push(Line::from(Span::styled(format!("› {tip}"), t.warn()))),
            None => lines.push(Line::from(Span::styled("✓ full marks", t.good()))),
        }
        for e in dim.evidence.iter().take(4) {
            lines.push(Line::from(Span::styled(
                format!("+ \"{}\"", clip(&e.text, 24)),
                t.evidence(d),
            )));
        }
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .border_style(t.border())
                .title(" Live score "),
        )
        .render(l.score, buf);
}
