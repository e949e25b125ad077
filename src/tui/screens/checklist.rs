//! The readiness checklist with today's plan, and the coverage matrix.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::content::questions::QUESTIONS;
use crate::evaluate::fit::{Link, judge_links, need};
use crate::kit::Story;
use crate::readiness::Place;
use crate::tui::app::{App, CoverageCursor, Scroll};
use crate::tui::layout;
use crate::tui::next_step;
use crate::tui::widgets::{clip, pad, safe, total_bar};

pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let body = layout::chrome(area).body;
    let Some(lines) = checklist_text(app) else {
        Paragraph::new("Working out your readiness…")
            .style(t.dim())
            .render(body, buf);
        return;
    };
    let block = Block::bordered()
        .border_style(t.border())
        .title(" Am I ready? ");
    let inner = block.inner(body);
    let limit = layout::scroll_limit(&lines, inner);
    app.last_frame()
        .record(|a| a.scroll = Some((Scroll::Checklist, limit)));
    let scroll = scroll.min(limit);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .block(block)
        .render(body, buf);
}

/// The checklist as drawn, once it is worked out.
fn checklist_text(app: &App) -> Option<Vec<Line<'static>>> {
    let t = app.theme;
    let r = app.readiness()?;
    let mut head = vec![Span::styled("Readiness ", t.heading())];
    head.extend(total_bar(r.score, 10, t));
    head.push(Span::styled(
        if r.ready {
            "  ready".to_string()
        } else {
            "  not ready yet".to_string()
        },
        if r.ready { t.good() } else { t.warn() },
    ));
    if let Some(days) = crate::tui::widgets::days_left(&app.kit().profile, app.today) {
        head.push(Span::styled(format!(" · {days}"), t.emphasis()));
    }
    let mut lines = vec![Line::from(head), Line::from("")];
    for item in &r.items {
        let (mark, style) = if item.met {
            ("✓", t.good())
        } else {
            ("✗", t.bad())
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark} "), style),
            Span::styled(item.label, t.heading()),
        ]));
        lines.push(Line::from(Span::styled(
            format!("  {}", safe(&item.detail)),
            t.dim(),
        )));
        if let Some(next) = &item.next {
            lines.push(Line::from(Span::styled(
                format!("  › {}", safe(&next_step::say(next))),
                t.warn(),
            )));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled("Today", t.heading())));
    for step in app.today_plan() {
        lines.push(Line::from(format!("  • {}", safe(&next_step::say(&step)))));
    }
    Some(lines)
}

/// Questions down, stories across; a core question with no ready story is a gap.
pub fn render_coverage(app: &App, cursor: CoverageCursor, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let body = layout::chrome(area).body;
    let block = Block::bordered().border_style(t.border()).title(clip(
        " Coverage: which story answers which question (* core) ",
        usize::from(body.width).saturating_sub(2),
    ));
    let inner = block.inner(body);
    block.render(body, buf);
    // Each story with whether it is ready, from the cached scores: the
    // matrix never rescores, and never indexes one list by another's position.
    let stories: Vec<(&Story, bool)> = app
        .scored()
        .stories()
        .map(|(s, summary)| (s, summary.is_some_and(|s| s.ready())))
        .collect();
    // Each story's links judged: does the story fit the question? Judged
    // for the ready stories (a fitting link covers a question) and the
    // columns on screen; a story with no link costs nothing.
    let columns = (usize::from(inner.width).saturating_sub(24) / 4).clamp(1, 12);
    let first_story = layout::list_offset(cursor.story, columns, stories.len());
    let on_screen = first_story..first_story + columns;
    let links: Vec<Vec<Link>> = stories
        .iter()
        .enumerate()
        .map(|(i, (s, ready))| {
            if *ready || on_screen.contains(&i) {
                judge_links(s)
            } else {
                Vec::new()
            }
        })
        .collect();
    let link = |si: usize, q: &str| -> Option<&Link> {
        links
            .get(si)
            .and_then(|l| l.iter().find(|l| l.question == q))
    };
    // Below the grid: the story under the cursor and the legend, wrapped.
    let mut below = Vec::new();
    match stories.get(cursor.story) {
        Some((story, ready)) => below.push(Line::from(vec![
            Span::styled(format!("Story {}: ", cursor.story + 1), t.heading()),
            Span::raw(safe(&story.title)),
            Span::styled(
                if *ready {
                    "  (ready)"
                } else {
                    "  (not ready yet)"
                },
                t.dim(),
            ),
        ])),
        None => below.push(Line::from(Span::styled(
            format!(
                "No stories yet: write one {}, then link it to the questions it answers here.",
                next_step::how(Place::NewStory)
            ),
            t.warn(),
        ))),
    }
    let q = &QUESTIONS[cursor.question.min(QUESTIONS.len() - 1)];
    match link(cursor.story, q.id).map(|l| &l.verdict) {
        Some(Err(why)) => below.push(Line::from(vec![
            Span::styled("Weak link: ", t.bad()),
            Span::styled(safe(why), t.warn()),
        ])),
        Some(Ok(())) => {}
        None => {
            if let Some(n) = need(q.id)
                && !stories.is_empty()
            {
                below.push(Line::from(Span::styled(
                    format!("This question needs {}.", n.needs),
                    t.dim(),
                )));
            }
        }
    }
    below.push(Line::from(Span::styled(
        "● linked, ready story · ○ linked, story not ready · ◌ weak link: the story does not fit (why below) · red: a core question no ready story fits",
        t.dim(),
    )));
    let below_rows = layout::wrapped_rows(&below, inner.width);
    // Columns and rows page so the cursor is always on screen, and the last
    // page is full rather than trailing off into blank rows.
    let shown = stories.len().saturating_sub(first_story).min(columns);
    let label_width = usize::from(inner.width)
        .saturating_sub(4 * shown + 2)
        .clamp(20, 90);
    let rows = usize::from(inner.height.saturating_sub(1 + below_rows)).max(1);
    let first_question = layout::list_offset(cursor.question, rows, QUESTIONS.len());
    // Column headers: story numbers; the selected story's title below the grid.
    let mut header = vec![Span::raw(" ".repeat(label_width + 2))];
    for i in (first_story..stories.len()).take(columns) {
        let style = if i == cursor.story {
            t.selected()
        } else {
            t.heading()
        };
        header.push(Span::styled(format!("{:>3} ", i + 1), style));
    }
    let mut lines = vec![Line::from(header)];
    for (qi, q) in QUESTIONS.iter().enumerate().skip(first_question).take(rows) {
        let covered = stories
            .iter()
            .enumerate()
            .any(|(si, (_, ready))| *ready && link(si, q.id).is_some_and(|l| l.verdict.is_ok()));
        let gap = q.core && !covered;
        let label = format!(
            "{}{}",
            if q.core { "* " } else { "  " },
            clip(q.text, label_width)
        );
        let mut spans = vec![Span::styled(
            pad(&label, label_width + 2),
            if gap {
                t.bad()
            } else if qi == cursor.question {
                t.heading()
            } else {
                t.dim()
            },
        )];
        for (si, (_, ready)) in stories.iter().enumerate().skip(first_story).take(columns) {
            let judged = link(si, q.id);
            let (mark, style) = match (judged.map(|l| l.verdict.is_ok()), ready) {
                (Some(false), _) => (" ◌ ", t.warn()),
                (Some(true), true) => (" ● ", t.good()),
                (Some(true), false) => (" ○ ", t.good()),
                (None, _) => (" · ", t.dim()),
            };
            let style = if qi == cursor.question && si == cursor.story {
                t.selected()
            } else {
                style
            };
            spans.push(Span::styled(mark, style));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    let grid_rows = lines.len() as u16;
    Paragraph::new(lines).render(inner, buf);
    let top = (inner.y + grid_rows).min(inner.y + inner.height);
    Paragraph::new(below).wrap(Wrap { trim: false }).render(
        Rect::new(
            inner.x,
            top,
            inner.width,
            (inner.y + inner.height).saturating_sub(top),
        ),
        buf,
    );
}
