//! Stories: the list (score bar, weakest dimension) and the detail — every
//! field with its evidence highlighted in its dimension's colour, the six
//! bars, the advice, the warnings and the spoken length.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::kit::{Fields, Story, StoryField};
use crate::score::{Dimension, StoryScore, metric_line};
use crate::tui::app::{App, Pane, Scroll, Sort, StoriesView};
use crate::tui::frame_areas::ListRows;
use crate::tui::keymap::{Action, Context, key_for};
use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, clip, highlighted, safe, score_panel, total_bar};

/// Short name of a dimension for a narrow list column.
fn short(d: Dimension) -> &'static str {
    match d {
        Dimension::BlastRadius => "blast radius",
        Dimension::Role => "role",
        Dimension::Decision => "decision",
        Dimension::Fix => "fix",
        Dimension::SystemicChange => "systemic",
        Dimension::Numbers => "numbers",
    }
}

pub fn render(app: &App, s: &StoriesView, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let l = layout::stories(area);
    let list = app.list();
    let examples = app.showing_examples();

    let sort = match list.sort() {
        Sort::Score => "by score",
        Sort::Title => "by title",
    };
    let title = if s.filtering {
        // The filter being typed, with its cursor.
        let mut spans = vec![Span::raw(" /")];
        spans.extend(s.filter.spans(Style::default(), Style::default()));
        spans.push(Span::raw(format!(" · {} shown ", list.shown())));
        Line::from(spans)
    } else if !list.filter().is_empty() {
        Line::from(format!(
            " /{} · {} shown ",
            safe(list.filter()),
            list.shown()
        ))
    } else if examples {
        Line::from(format!(
            " Examples ({}) · built in, read-only ",
            list.shown()
        ))
    } else {
        Line::from(format!(" Stories ({}) · {sort} ", list.shown()))
    };
    let border = if s.pane == Pane::List {
        t.focused_border()
    } else {
        t.border()
    };
    Block::bordered()
        .border_style(border)
        .title(title)
        .render(l.list, buf);

    let rows = usize::from(l.list_rows.height);
    let width = usize::from(l.list_rows.width);
    if !examples && app.kit().stories.is_empty() {
        Paragraph::new(vec![
            Line::from("No stories yet."),
            Line::from(vec![
                Span::styled(key_for(Context::Stories, Action::NewStory), t.key()),
                Span::raw(" write one · "),
                Span::styled(key_for(Context::Stories, Action::Examples), t.key()),
                Span::raw(" see the examples"),
            ]),
        ])
        .wrap(Wrap { trim: true })
        .render(l.list_rows, buf);
    } else if list.shown() == 0 {
        Line::from(Span::styled("No title matches the filter.", t.dim())).render(l.list_rows, buf);
    }
    let first = layout::list_offset(list.selected(), rows, list.shown());
    app.last_frame().record(|a| {
        a.list = Some(ListRows {
            rows: l.list_rows,
            first,
            len: list.shown(),
        });
        a.detail = Some(l.detail);
    });
    for (row, story, summary) in list.rows(first, rows) {
        let y = l.list_rows.y + (row - first) as u16;
        let rect = Rect::new(l.list_rows.x, y, l.list_rows.width, 1);
        let (mut spans, weakest) = match summary {
            Some(summary) => {
                let (d, score) = summary.weakest();
                let weak = if summary.total == 100 {
                    String::new()
                } else {
                    format!(" {} {score}/5", short(d))
                };
                (total_bar(summary.total, 5, t), weak)
            }
            // As wide as the bar and its total, so the titles line up.
            None => (vec![Span::styled(" scoring…", t.dim())], String::new()),
        };
        // An example says so on its row, where a story of the user's shows
        // its weakest dimension (the detail shows the example's).
        let (weakest, style) = if examples {
            (" example".to_string(), t.warn())
        } else {
            (weakest, t.dim())
        };
        let title_width = width.saturating_sub(11 + widgets::width(&weakest));
        let title = if story.title.trim().is_empty() {
            "(untitled)"
        } else {
            story.title.as_str()
        };
        spans.push(Span::raw(format!(
            " {}",
            widgets::pad(&clip(title, title_width), title_width)
        )));
        spans.push(Span::styled(weakest, style));
        let line = Line::from(spans);
        if row == list.selected() {
            Paragraph::new(line).style(t.selected()).render(rect, buf);
        } else {
            line.render(rect, buf);
        }
    }

    let border = if s.pane == Pane::Detail {
        t.focused_border()
    } else {
        t.border()
    };
    let block = Block::bordered().border_style(border).title(if examples {
        " Example — read-only "
    } else {
        " Detail "
    });
    match detail_text(app) {
        Some(lines) => {
            let inner = block.inner(l.detail);
            let scroll = layout::scroll_within(&lines, inner, s.detail_scroll);
            let limit = layout::scroll_limit(&lines, inner);
            app.last_frame()
                .record(|a| a.scroll = Some((Scroll::StoryDetail, limit)));
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0))
                .block(block)
                .render(l.detail, buf);
        }
        None => {
            Paragraph::new(Line::from(Span::styled(
                "Select a story to see its score and the words that earned it.",
                t.dim(),
            )))
            .wrap(Wrap { trim: true })
            .block(block)
            .render(l.detail, buf);
        }
    }
}

/// The selected story's detail, as drawn (`None` with nothing selected).
fn detail_text(app: &App) -> Option<Vec<Line<'static>>> {
    match (app.selected_story(), app.story_detail()) {
        (Some(story), Some(score)) => Some(detail_lines(app, story, score, app.theme)),
        _ => None,
    }
}

/// The spans of a field that earned points or were flagged, with their styles.
pub fn marks_for(field: &str, score: &StoryScore, t: Theme) -> Vec<(usize, usize, Style)> {
    let mut marks: Vec<(usize, usize, Style)> = score
        .warnings
        .iter()
        .filter(|w| w.field == field)
        .map(|w| (w.start, w.end, t.flagged()))
        .collect();
    for d in Dimension::ALL {
        for e in &score.dimensions.get(d).evidence {
            if e.field == field {
                marks.push((e.start, e.end, t.evidence(d)));
            }
        }
    }
    marks
}

/// "▃▅▇" for rehearsal scores out of 100.
pub fn sparkline(scores: &[u8]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    scores
        .iter()
        .map(|&s| BARS[(usize::from(s.min(100)) * 7 + 50) / 100])
        .collect()
}

fn detail_lines(app: &App, story: &Story, score: &StoryScore, t: Theme) -> Vec<Line<'static>> {
    let title = if story.title.trim().is_empty() {
        "(untitled)"
    } else {
        &story.title
    };
    let mut lines = vec![Line::from(Span::styled(safe(title), t.title()))];
    if app.showing_examples() {
        lines.push(Line::from(vec![
            Span::styled("EXAMPLE", t.warn().add_modifier(ratatui::style::Modifier::BOLD)),
            Span::styled(
                " — built in and read-only; it never counts toward your readiness, coverage or cheat sheet. ",
                t.dim(),
            ),
            Span::styled(key_for(Context::Examples, Action::CopyExample), t.key()),
            Span::styled(" copies it into your stories, as your own to edit.", t.dim()),
        ]));
    } else {
        lines.push(rehearsal_line(app, story, t));
    }
    lines.push(Line::from(""));
    lines.extend(score_panel(score, t, true));
    lines.extend(field_lines(story, score, t));
    lines
}

/// The story's rehearsal history and when it is due next.
fn rehearsal_line(app: &App, story: &Story, t: Theme) -> Line<'static> {
    let history: Vec<u8> = app
        .reviews()
        .rehearsals_of(&story.id)
        .map(|r| r.score)
        .collect();
    let rehearsed = match (
        history.last(),
        app.reviews().stories.get(&story.id).and_then(|s| s.due),
    ) {
        (None, _) => format!(
            "Not rehearsed yet — press {} to rehearse it against a question.",
            key_for(Context::Stories, Action::Rehearse)
        ),
        (Some(last), due) => {
            let next = match due.map(|d| (d - app.today).num_days()) {
                Some(d) if d <= 0 => " · due now".to_string(),
                Some(1) => " · next tomorrow".to_string(),
                Some(d) => format!(" · next in {d} days"),
                None => String::new(),
            };
            format!(
                "Rehearsals {} ({}, last {last}/100){next}",
                sparkline(&history),
                history.len()
            )
        }
    };
    Line::from(Span::styled(rehearsed, t.dim()))
}

/// Every field with its evidence highlighted, the metrics, the warnings
/// and the private notes.
fn field_lines(story: &Story, score: &StoryScore, t: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for field in StoryField::beats() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(field.label(), t.heading())));
        let text = story.get(field);
        if text.trim().is_empty() {
            lines.push(Line::from(Span::styled("(empty)", t.dim())));
        } else {
            lines.extend(highlighted(
                &text,
                &marks_for(field.key(), score, t),
                Style::new(),
            ));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        StoryField::Metrics.label(),
        t.heading(),
    )));
    if story.metrics.is_empty() {
        lines.push(Line::from(Span::styled("(none)", t.dim())));
    }
    for (i, m) in story.metrics.iter().enumerate() {
        let line = metric_line(&m.name, &m.before, &m.after);
        lines.extend(highlighted(
            &line,
            &marks_for(&format!("metrics[{i}]"), score, t),
            Style::new(),
        ));
    }
    if !score.warnings.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled("Warnings", t.heading())));
        for w in score.warnings.iter().take(20) {
            let what = match w.kind {
                crate::score::WarningKind::Hedge => "hedge: commit to it",
                crate::score::WarningKind::Vague => "vague: give the number",
                crate::score::WarningKind::We => "\"we\": say \"I\" where you acted",
                crate::score::WarningKind::Passive => "passive: who did it?",
            };
            lines.push(Line::from(vec![
                Span::styled(format!("! \"{}\" ", clip(&w.text, 30)), t.flagged()),
                Span::styled(format!("in {} — {what}", field_label_or(&w.field)), t.dim()),
            ]));
        }
    }
    if !story.notes.trim().is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            "Notes (private, not scored)",
            t.heading(),
        )));
        lines.extend(highlighted(&story.notes, &[], t.dim()));
    }
    lines
}

/// A field's heading inside a sentence: "in how I found the root cause".
fn field_label_or(field: &str) -> String {
    let label = match field.parse::<StoryField>() {
        Ok(beat) if beat.is_beat() => beat.label(),
        _ => return field.to_string(),
    };
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
