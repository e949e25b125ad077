//! A rehearsal on screen: the question and the timer while typing from
//! memory; then the typed answer's score beside the saved story's, what was
//! forgotten, the follow-ups (each answer judged on the dimension it aimed
//! at, hedges called out), and the rating.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::content::questions::question;
use crate::score::Dimension;
use crate::tui::app::{App, RehearsalStep, TARGET_SECONDS};
use crate::tui::keymap::{Action, Context, key_for};
use crate::tui::layout;
use crate::tui::widgets::{clip, minutes, rating_buttons, safe, score_bar};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(r) = app.rehearsal.as_ref() else {
        return;
    };
    let t = app.theme;
    let head = head_lines(app, r);
    let (top, rest) = areas(&head, area);
    Paragraph::new(head)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .border_style(t.focused_border())
                .title(" Rehearsal "),
        )
        .render(top, buf);

    match r.step {
        RehearsalStep::Answer | RehearsalStep::FollowUp(_) => {
            let title = match r.step {
                RehearsalStep::FollowUp(i) => {
                    format!(
                        " Follow-up {} of {} — {} when done ",
                        i + 1,
                        r.follow_ups.len(),
                        key_for(Context::Rehearse, Action::Submit)
                    )
                }
                _ => format!(
                    " Your answer, from memory (the story stays hidden) — {} when done ",
                    key_for(Context::Rehearse, Action::Submit)
                ),
            };
            let block = Block::bordered()
                .border_style(t.focused_border())
                .title(clip(&title, usize::from(rest.width).saturating_sub(2)));
            let mut inner = block.inner(rest);
            block.render(rest, buf);
            // The follow-up question in full, wrapped above the answer.
            if let RehearsalStep::FollowUp(i) = r.step {
                let question = vec![Line::from(Span::styled(
                    safe(r.follow_ups.get(i).map_or("", |f| f.question.as_str())),
                    t.heading(),
                ))];
                let rows = layout::wrapped_rows(&question, inner.width)
                    .min(inner.height.saturating_sub(1));
                Paragraph::new(question)
                    .wrap(Wrap { trim: true })
                    .render(Rect::new(inner.x, inner.y, inner.width, rows), buf);
                inner = Rect::new(
                    inner.x,
                    inner.y + rows,
                    inner.width,
                    inner.height.saturating_sub(rows),
                );
            }
            (&r.input).render(inner, buf);
        }
        RehearsalStep::Result | RehearsalStep::Rate => {
            let block = Block::bordered().border_style(t.border());
            let lines = result_text(app, r);
            let scroll = layout::scroll_within(&lines, block.inner(rest), r.result_scroll);
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0))
                .block(block)
                .render(rest, buf);
        }
    }
}

/// How far the result scrolls before its last line reaches the bottom.
pub fn scroll_limit(app: &App, area: Rect) -> u16 {
    let Some(r) = app.rehearsal.as_ref() else {
        return 0;
    };
    let (_, rest) = areas(&head_lines(app, r), area);
    let inner = Block::bordered().inner(rest);
    layout::scroll_limit(&result_text(app, r), inner)
}

/// The box with the question and the timer, and the rest of the screen.
fn areas(head: &[Line], area: Rect) -> (Rect, Rect) {
    let body = layout::chrome(area).body;
    let rows = layout::wrapped_rows(head, body.width.saturating_sub(2));
    let [top, rest] =
        Layout::vertical([Constraint::Length(rows + 2), Constraint::Min(3)]).areas(body);
    (top, rest)
}

/// The question, the story, the timer, and why they were picked.
fn head_lines(app: &App, r: &crate::tui::app::RehearsalState) -> Vec<Line<'static>> {
    let t = app.theme;
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
    head
}

/// The typed answer's score beside the saved story's, what was forgotten,
/// and what comes next (the follow-ups, or the rating question first).
fn result_text(app: &App, r: &crate::tui::app::RehearsalState) -> Vec<Line<'static>> {
    let t = app.theme;
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
        // The follow-ups were answered last: their verdicts come first.
        lines.extend(follow_up_lines(r, t));
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
            format!(
                "{}: {} drill-down follow-up questions, aimed at the story's weakest points.",
                key_for(Context::RehearseResult, Action::Submit),
                r.follow_ups.len()
            ),
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
    lines
}

/// Each follow-up answer with its verdict: the dimension it aimed at, the
/// score there, the words that earned it, hedges and what was missing.
fn follow_up_lines(
    r: &crate::tui::app::RehearsalState,
    t: crate::tui::theme::Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if !r.follow_judged.is_empty() {
        lines.push(Line::from(Span::styled(
            "Follow-ups, each judged on what it asked",
            t.heading(),
        )));
        for (n, (asked, judged)) in r.follow_ups.iter().zip(&r.follow_judged).enumerate() {
            lines.push(Line::from(Span::styled(
                format!("{}. {}", n + 1, safe(&asked.question)),
                t.dim(),
            )));
            let mut spans = vec![
                Span::styled(format!("   {:<19}", judged.aims.label()), t.heading()),
                score_bar(judged.score, t),
                Span::styled(format!(" {}/5", judged.score), t.score(judged.score)),
            ];
            if let Some(words) = judged.evidence.first() {
                spans.push(Span::styled(
                    format!("  \u{201c}{}\u{201d}", clip(&safe(words), 30)),
                    t.good(),
                ));
            }
            lines.push(Line::from(spans));
            for flag in &judged.flags {
                lines.push(Line::from(Span::styled(
                    format!("   ! {}", safe(flag)),
                    t.bad(),
                )));
            }
            if let Some(tip) = &judged.advice {
                lines.push(Line::from(Span::styled(
                    format!("   › {}", safe(tip)),
                    t.warn(),
                )));
            }
        }
        lines.push(Line::from(""));
    }
    lines
}
