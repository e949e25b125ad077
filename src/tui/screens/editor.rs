//! The editor, on a story or an item: the fields in order, the focused one
//! open for typing, and beside them the live verdict — a story's score and
//! the advice for the focused field, or an item's check with its arithmetic
//! (and, for a design from a built-in prompt, what interviewers probe).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::content::design_prompts::prompt;
use crate::evaluate::Evaluation;
use crate::kit::DesignField;
use crate::score::StoryScore;
use crate::tui::app::App;
use crate::tui::editor::{Editor, Row, Verdict};
use crate::tui::form::FormKind;
use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::widgets::{clip, evaluation_lines, field_row, input_box, notes_lines, score_panel};

pub fn render(app: &App, editor: &Editor, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let l = layout::editor(area);
    let dirty = editor.is_dirty();
    let heading = match editor.kind() {
        None => format!(
            "{}{}",
            match &editor.editing {
                Some(id) => format!(" Editing stories/{id}.json "),
                None => " New story ".to_string(),
            },
            if dirty { " · unsaved " } else { "" }
        ),
        Some(kind) => format!(
            " {} {}{} ",
            if editor.editing.is_none() {
                "New"
            } else {
                "Editing the"
            },
            kind.noun(),
            if dirty { " · unsaved" } else { "" }
        ),
    };
    let block = Block::bordered().border_style(t.border()).title(heading);
    let inner = block.inner(l.fields);
    block.render(l.fields, buf);
    for (i, row) in editor.rows().iter().enumerate() {
        if i as u16 >= inner.height {
            break;
        }
        field_row(
            row.label,
            editor.inputs[i].lines(),
            i == editor.focus,
            usize::from(inner.width),
            t,
        )
        .render(Rect::new(inner.x, inner.y + i as u16, inner.width, 1), buf);
    }
    let row = editor.focused_row();
    input_box(
        row.label,
        row.hint,
        &editor.inputs[editor.focus],
        t,
        l.input,
        buf,
    );
    match &editor.verdict {
        Verdict::Score(score) => live_score(score, row, t, l.score, buf),
        Verdict::Evaluation(evaluation) => live_check(editor, evaluation, t, l.score, buf),
    }
}

/// A story's live score, and how the focused field scores.
fn live_score(score: &StoryScore, row: &Row, t: Theme, area: Rect, buf: &mut Buffer) {
    let mut lines = score_panel(score, t, false);
    if let Some(d) = row.dimension {
        let dim = score.dimensions.get(d);
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
        .render(area, buf);
}

/// An item's live check, with its arithmetic; for a design from a built-in
/// prompt, what interviewers probe stays in view above it.
fn live_check(editor: &Editor, evaluation: &Evaluation, t: Theme, area: Rect, buf: &mut Buffer) {
    let mut score_area = area;
    if editor.kind() == Some(FormKind::Design)
        && let Some(p) = prompt(
            editor.inputs[DesignField::Prompt.index()]
                .lines()
                .join(" ")
                .trim(),
        )
    {
        let probe = vec![Line::from(Span::styled(p.brief, t.dim()))];
        let block = Block::bordered()
            .border_style(t.border())
            .title(" What interviewers probe ");
        let rows = layout::wrapped_rows(&probe, block.inner(area).width) + 2;
        let rows = rows.min(area.height * 45 / 100);
        let [top, rest] =
            Layout::vertical([Constraint::Length(rows), Constraint::Min(3)]).areas(area);
        Paragraph::new(probe)
            .wrap(Wrap { trim: true })
            .block(block)
            .render(top, buf);
        score_area = rest;
    }
    // The arithmetic changes as the user types: it goes under the score.
    let mut lines = evaluation_lines(evaluation, t, true);
    let at = lines.len().min(1);
    lines.splice(at..at, notes_lines(evaluation, t, true));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .border_style(t.border())
                .title(" Live check "),
        )
        .render(score_area, buf);
}
