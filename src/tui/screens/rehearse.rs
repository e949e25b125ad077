//! A rehearsal on screen: the question and the timer while typing from
//! memory; then the typed answer's score beside the saved story's, what was
//! forgotten, the follow-ups, and the rating.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::content::questions::question;
use crate::score::Dimension;
use crate::tui::app::{App, RehearsalStep, TARGET_SECONDS};
use crate::tui::layout;
use crate::tui::widgets::{minutes, rating_buttons, safe, score_bar};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(r) = app.rehearsal.as_ref() else {
        return;
    };
    let t = app.theme;
    let body = layout::chrome(area).body;
    let q = question(r.question).map(|q| q.text).unwrap_or(r.question);
    let title = app
        .kit()
        .story(&r.story_id)
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let elapsed = r.elapsed_seconds();
    let timer_style = if elapsed > TARGET_SECONDS.1 {
        t.bad()
    } else if elapsed >= TARGET_SECONDS.0 {
        t.good()
    } else {
        t.key()
    };
    let mut head = vec![
        Line::from(Span::styled(format!("\u{201c}{q}\u{201d}"), t.title())),
        Line::from(vec![
            Span::styled(format!("Story: {} · ", safe(&title)), t.dim()),
            Span::styled(format!("⏱ {} ", minutes(elapsed)), timer_style),
            Span::styled("(aim for 2:00-3:00)", t.dim()),
        ]),
    ];
    if let Some(why) = &r.picked {
        head.push(Line::from(Span::styled(
            format!("Picked for you: {}", safe(why)),
            t.dim(),
        )));
    }
    let [top, rest] = Layout::vertical([
        Constraint::Length(head.len() as u16 + 2),
        Constraint::Min(3),
    ])
    .areas(body);
    Paragraph::new(head)
        .wrap(Wrap { trim: true })
        .block(
            Block::bordered()
                .border_style(t.focused_border())
                .title(" Rehearsal "),
        )
        .render(top, buf);

    match r.step {
        RehearsalStep::Answer | RehearsalStep::FollowUp(_) => {
            let label = match r.step {
                RehearsalStep::FollowUp(i) => format!(
                    " Follow-up {} of {}: {} ",
                    i + 1,
                    r.follow_ups.len(),
                    r.follow_ups.get(i).map(String::as_str).unwrap_or("")
                ),
                _ => " Your answer, from memory (the story stays hidden) — Ctrl-s when done "
                    .to_string(),
            };
            let block = Block::bordered()
                .border_style(t.focused_border())
                .title(label);
            let inner = block.inner(rest);
            block.render(rest, buf);
            (&r.input).render(inner, buf);
        }
        RehearsalStep::Result | RehearsalStep::Rate => {
            let mut lines = Vec::new();
            if let Some(typed) = &r.typed {
                lines.push(Line::from(vec![
                    Span::styled("You said ", t.heading()),
                    Span::styled(format!("{}/100", typed.total), t.total(typed.total)),
                    Span::styled(
                        format!(
                            " in {} ({} words) · the saved story scores ",
                            minutes(r.duration_seconds),
                            typed.words
                        ),
                        t.dim(),
                    ),
                    Span::styled(format!("{}/100", r.saved.total), t.total(r.saved.total)),
                ]));
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled(
                    format!("{:<22}{:<9}{}", "", "said", "on file"),
                    t.dim(),
                )));
                for d in Dimension::ALL {
                    let said = typed.dimensions.get(d).score;
                    let file = r.saved.dimensions.get(d).score;
                    let mut spans = vec![
                        Span::styled(format!("{:<22}", d.label()), t.heading()),
                        score_bar(said, t),
                        Span::raw("    "),
                        score_bar(file, t),
                    ];
                    if said < file {
                        spans.push(Span::styled("  forgotten", t.bad()));
                    }
                    lines.push(Line::from(spans));
                }
                let forgotten = r.forgotten();
                lines.push(Line::from(""));
                if forgotten.is_empty() {
                    lines.push(Line::from(Span::styled(
                        "Nothing dropped compared with the story on file.",
                        t.good(),
                    )));
                } else {
                    for (d, _, _) in forgotten {
                        if let Some(tip) = typed.dimensions.get(d).advice.first() {
                            lines.push(Line::from(Span::styled(
                                format!("› {}: {tip}", d.label()),
                                t.warn(),
                            )));
                        }
                    }
                }
            }
            if r.step == RehearsalStep::Result {
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled(
                    format!("Enter: {} drill-down follow-up questions, aimed at the story's weakest points.", r.follow_ups.len()),
                    t.dim(),
                )));
            } else {
                // The question comes first, so it is on screen even at 80x24.
                let state = app.reviews.stories.get(&r.story_id);
                let intervals = app.scheduler_intervals(state);
                let ask = vec![
                    Line::from(Span::styled(
                        "How did it go? This schedules the next rehearsal of this story.",
                        t.heading(),
                    )),
                    rating_buttons(intervals, t),
                    Line::from(""),
                ];
                lines.splice(0..0, ask);
            }
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((r.result_scroll, 0))
                .block(Block::bordered().border_style(t.border()))
                .render(rest, buf);
        }
    }
}
