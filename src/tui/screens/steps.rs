//! Steps 2, 3 and 5: the lists of design answers, metrics and opinions, each
//! with a detail that shows its evaluation — what is met, what to add.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::content::design_prompts::{DESIGN_PROMPTS, prompt};
use crate::evaluate::design::{SECTIONS, section_text};
use crate::evaluate::metric::{checklist, read};
use crate::evaluate::opinion::sentence;
use crate::evaluate::{design, opinion};
use crate::tui::app::{App, ItemsView, Pane, Scroll};
use crate::tui::form::FormKind;
use crate::tui::frame_areas::ListRows;
use crate::tui::keymap::{Action, Context, key_for};
use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::widgets::{
    clip, core_coverage, evaluation_lines, highlighted, notes_lines, safe, total_bar,
};

pub fn render(app: &App, view: &ItemsView, area: Rect, buf: &mut Buffer) {
    let kind = view.kind;
    let t = app.theme;
    let l = layout::stories(area);
    let len = app.list_len(kind);
    let selected = app.selected_index(kind);
    let title = match kind {
        FormKind::Design => format!(" Design answers ({len} of 5-7) "),
        FormKind::Metric => format!(" Metrics ({len}) "),
        _ => format!(" Opinions ({len}) "),
    };
    let border = if view.pane == Pane::List {
        t.focused_border()
    } else {
        t.border()
    };
    Block::bordered()
        .border_style(border)
        .title(clip(&title, usize::from(l.list.width).saturating_sub(2)))
        .render(l.list, buf);

    let rows = usize::from(l.list_rows.height);
    let width = usize::from(l.list_rows.width);
    if len == 0 {
        let hint = match kind {
            FormKind::Design => format!(
                "No design answers yet. {} picks one of {} prompts (CI/CD, Kubernetes, multi-region, NALSD, ...).",
                key_for(Context::Designs, Action::NewItem),
                DESIGN_PROMPTS.len()
            ),
            FormKind::Metric => format!(
                "No metrics yet. {} adds one: an SLO, MTTD and MTTR before and after, on-call load.",
                key_for(Context::Metrics, Action::NewItem)
            ),
            _ => format!(
                "No opinions yet. {} takes a side in a classic SRE debate; {} writes your own.",
                key_for(Context::Opinions, Action::TakeSide),
                key_for(Context::Opinions, Action::NewItem)
            ),
        };
        Paragraph::new(hint)
            .wrap(Wrap { trim: true })
            .style(t.dim())
            .render(l.list_rows, buf);
    }
    let first = layout::list_offset(selected.unwrap_or(0), rows, len);
    app.last_frame().record(|a| {
        a.list = Some(ListRows {
            rows: l.list_rows,
            first,
            len,
        });
        a.detail = Some(l.detail);
    });
    for row in (first..len).take(rows) {
        let y = l.list_rows.y + (row - first) as u16;
        let rect = Rect::new(l.list_rows.x, y, l.list_rows.width, 1);
        let mut spans: Vec<Span> = match kind {
            FormKind::Design => match app.scored().design_score(row) {
                Some(score) => total_bar(score, 5, t),
                None => vec![Span::styled("  …      ", t.dim())],
            },
            FormKind::Opinion => match app.scored().opinion_score(row) {
                Some(score) => total_bar(score, 5, t),
                None => vec![Span::styled("  …      ", t.dim())],
            },
            _ => {
                let m = &app.kit().metrics[row];
                let r = read(m);
                vec![
                    Span::styled(format!("{:<7}", m.kind.as_str()), t.dim()),
                    Span::styled(
                        if r.flags.is_empty() { " ✓ " } else { " ! " },
                        if r.flags.is_empty() {
                            t.good()
                        } else {
                            t.warn()
                        },
                    ),
                ]
            }
        };
        let text = match kind {
            FormKind::Metric => {
                let m = &app.kit().metrics[row];
                format!("{}  {} -> {}", m.name, m.before, m.after)
            }
            _ => app.item_title(kind, row),
        };
        spans.push(Span::raw(format!(
            " {}",
            clip(&text, width.saturating_sub(11))
        )));
        let line = Line::from(spans);
        if Some(row) == selected {
            Paragraph::new(line).style(t.selected()).render(rect, buf);
        } else {
            line.render(rect, buf);
        }
    }

    let border = if view.pane == Pane::Detail {
        t.focused_border()
    } else {
        t.border()
    };
    let block = Block::bordered().border_style(border).title(" Detail ");
    let lines = detail_text(app, kind);
    let inner = block.inner(l.detail);
    let scroll = layout::scroll_within(&lines, inner, view.detail_scroll);
    let limit = layout::scroll_limit(&lines, inner);
    app.last_frame()
        .record(|a| a.scroll = Some((Scroll::StepDetail(kind), limit)));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .block(block)
        .render(l.detail, buf);
}

/// The detail pane of a list of designs, metrics or opinions, as drawn.
fn detail_text(app: &App, kind: FormKind) -> Vec<Line<'static>> {
    let t = app.theme;
    let selected = app.selected_index(kind);
    let mut lines = match (kind, selected) {
        (FormKind::Metric, _) => metrics_detail(app, selected, t),
        (_, None) => vec![Line::from(Span::styled("Nothing selected.", t.dim()))],
        (FormKind::Design, Some(i)) => design_detail(app, i, t),
        (_, Some(i)) => opinion_detail(app, i, t),
    };
    if kind == FormKind::Design {
        let (_, core) = core_coverage(app.kit());
        lines.insert(
            0,
            Line::from(Span::styled(
                format!("Playbook minimum: {core}"),
                t.heading(),
            )),
        );
        lines.insert(1, Line::from(""));
    }
    lines
}

fn design_detail(app: &App, i: usize, t: Theme) -> Vec<Line<'static>> {
    let Some(d) = app.kit().designs.get(i) else {
        return Vec::new();
    };
    let mut lines = vec![Line::from(Span::styled(safe(&d.title), t.title()))];
    match prompt(d.prompt.trim()) {
        Some(p) => {
            lines.push(Line::from(Span::styled(
                format!("Prompt: {}", p.title),
                t.heading(),
            )));
            lines.push(Line::from(Span::styled(
                format!("Interviewers probe: {}", p.brief),
                t.dim(),
            )));
        }
        None => lines.push(Line::from(Span::styled(
            format!("Your prompt: {}", safe(&d.prompt)),
            t.heading(),
        ))),
    }
    lines.push(Line::from(""));
    let evaluation = design::evaluate(d);
    lines.extend(evaluation_lines(&evaluation, t, false));
    lines.extend(notes_lines(&evaluation, t, false));
    for (section, label) in SECTIONS {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(label, t.heading())));
        let text = section_text(d, section);
        if text.trim().is_empty() {
            lines.push(Line::from(Span::styled("(empty)", t.dim())));
        } else {
            lines.extend(highlighted(text, &[], ratatui::style::Style::new()));
        }
    }
    lines
}

fn opinion_detail(app: &App, i: usize, t: Theme) -> Vec<Line<'static>> {
    let Some(o) = app.kit().opinions.get(i) else {
        return Vec::new();
    };
    let mut lines = vec![
        Line::from(Span::styled(safe(&sentence(o)), t.title())),
        Line::from(""),
    ];
    lines.extend(evaluation_lines(&opinion::evaluate(o), t, false));
    for (label, text) in [
        ("Evidence", &o.evidence),
        ("Where it stops holding", &o.limits),
    ] {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(label, t.heading())));
        if text.trim().is_empty() {
            lines.push(Line::from(Span::styled("(empty)", t.dim())));
        } else {
            lines.extend(highlighted(text, &[], ratatui::style::Style::new()));
        }
    }
    lines
}

fn metrics_detail(app: &App, selected: Option<usize>, t: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(m) = selected.and_then(|i| app.kit().metrics.get(i)) {
        let r = read(m);
        lines.push(Line::from(Span::styled("Say it like this", t.heading())));
        lines.push(Line::from(Span::styled(safe(&r.sentence), t.emphasis())));
        for flag in &r.flags {
            lines.push(Line::from(Span::styled(
                format!("! {}", safe(flag)),
                t.warn(),
            )));
        }
        if !m.note.trim().is_empty() {
            lines.push(Line::from(Span::styled(safe(&m.note), t.dim())));
        }
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled("Know these cold", t.heading())));
    lines.extend(
        evaluation_lines(&checklist(&app.kit().metrics), t, false)
            .into_iter()
            .skip(1),
    );
    lines.push(Line::from(""));
    let last = match app.reviews().last_quiz() {
        Some(round) => {
            let when = round
                .date
                .map(|d| match (app.today - d).num_days() {
                    0 => "today".to_string(),
                    1 => "yesterday".to_string(),
                    n => format!("{n} days ago"),
                })
                .unwrap_or_default();
            format!(
                "Last quiz: {}% right, {when}. Press {} for another round.",
                round.percent(),
                key_for(Context::Metrics, Action::Quiz)
            )
        }
        None => format!(
            "No quiz yet: press {} to be asked your numbers.",
            key_for(Context::Metrics, Action::Quiz)
        ),
    };
    lines.push(Line::from(Span::styled(last, t.dim())));
    lines
}
