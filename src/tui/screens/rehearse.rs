//! A rehearsal on screen: the question and the timer while typing from
//! memory; then the typed answer's score beside the saved story's, what was
//! forgotten, the follow-ups (each answer judged on the dimension it aimed
//! at, hedges called out), and the rating.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::content::questions::question;
use crate::drill::follow_ups::{FollowUp, Judged};
use crate::score::{Dimension, StoryScore};
use crate::tui::app::{App, RehearsalState, RehearsalStep, Scroll, TARGET_SECONDS};
use crate::tui::keymap::{Action, Context, key_for};
use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::widgets::{clip, minutes, rating_buttons, safe, score_bar};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(r) = app.rehearsal() else {
        return;
    };
    let head = head_lines(app, r);
    let (top, rest) = areas(&head, area);
    head_box(app, head, top, buf);
    match r.step {
        RehearsalStep::Answer | RehearsalStep::FollowUp(_) => answer_box(app, r, rest, buf),
        RehearsalStep::Result | RehearsalStep::Rate => result_box(app, r, rest, buf),
    }
}

/// The question and the timer, in the box at the top.
fn head_box(app: &App, head: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    Paragraph::new(head)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .border_style(app.theme.focused_border())
                .title(" Rehearsal "),
        )
        .render(area, buf);
}

/// The answer being typed: to the question, or to a follow-up shown whole
/// above it.
fn answer_box(app: &App, r: &RehearsalState, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .border_style(app.theme.focused_border())
        .title(clip(
            &answer_title(r),
            usize::from(area.width).saturating_sub(2),
        ));
    let mut inner = block.inner(area);
    block.render(area, buf);
    if let RehearsalStep::FollowUp(i) = r.step {
        inner = follow_up_question(app, r, i, inner, buf);
    }
    (&r.input).render(inner, buf);
}

/// The answer box's title: which answer, and the key that ends it.
fn answer_title(r: &RehearsalState) -> String {
    let done = key_for(Context::Rehearse, Action::Submit);
    match r.step {
        RehearsalStep::FollowUp(i) => format!(
            " Follow-up {} of {} — {done} when done ",
            i + 1,
            r.follow_ups.len()
        ),
        _ => format!(" Your answer, from memory (the story stays hidden) — {done} when done "),
    }
}

/// Follow-up `i` in full, wrapped at the top of `inner`; the rows left
/// below it for the answer.
fn follow_up_question(
    app: &App,
    r: &RehearsalState,
    i: usize,
    inner: Rect,
    buf: &mut Buffer,
) -> Rect {
    let question = vec![Line::from(Span::styled(
        safe(r.follow_ups.get(i).map_or("", |f| f.question.as_str())),
        app.theme.heading(),
    ))];
    let rows = layout::wrapped_rows(&question, inner.width).min(inner.height.saturating_sub(1));
    Paragraph::new(question)
        .wrap(Wrap { trim: true })
        .render(Rect::new(inner.x, inner.y, inner.width, rows), buf);
    Rect::new(
        inner.x,
        inner.y + rows,
        inner.width,
        inner.height.saturating_sub(rows),
    )
}

/// The result, scrolled as far as the user scrolled it.
fn result_box(app: &App, r: &RehearsalState, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered().border_style(app.theme.border());
    let lines = result_text(app, r);
    let inner = block.inner(area);
    let limit = layout::scroll_limit(&lines, inner);
    app.last_frame()
        .record(|a| a.scroll = Some((Scroll::RehearsalResult, limit)));
    let scroll = r.result_scroll.min(limit);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .block(block)
        .render(area, buf);
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
fn head_lines(app: &App, r: &RehearsalState) -> Vec<Line<'static>> {
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
fn result_text(app: &App, r: &RehearsalState) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut lines = Vec::new();
    if let Some(typed) = &r.typed {
        lines.push(said_line(r, typed, t));
        lines.push(Line::from(""));
        // The follow-ups were answered last: their verdicts come first.
        lines.extend(follow_up_lines(r, t));
        lines.extend(dimension_lines(r, typed, t));
        lines.push(Line::from(""));
        lines.extend(forgotten_lines(r, typed, t));
    }
    if r.step == RehearsalStep::Result {
        lines.push(Line::from(""));
        lines.push(next_line(r, t));
    } else {
        // The question comes first, so it is on screen even at 80x24.
        lines.splice(0..0, rating_question(app, r));
    }
    lines
}

/// "You said 62/100 in 2:10 (310 words) · the saved story scores 85/100".
fn said_line(r: &RehearsalState, typed: &StoryScore, t: Theme) -> Line<'static> {
    Line::from(vec![
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
    ])
}

/// Each dimension as said beside as on file, marked where it was forgotten.
fn dimension_lines(r: &RehearsalState, typed: &StoryScore, t: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        format!("{:<22}{:<9}{}", "", "said", "on file"),
        t.dim(),
    ))];
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
    lines
}

/// The advice for each dimension said worse than on file, or that none was.
fn forgotten_lines(r: &RehearsalState, typed: &StoryScore, t: Theme) -> Vec<Line<'static>> {
    let forgotten = r.forgotten();
    if forgotten.is_empty() {
        return vec![Line::from(Span::styled(
            "Nothing dropped compared with the story on file.",
            t.good(),
        ))];
    }
    forgotten
        .into_iter()
        .filter_map(|(d, _, _)| {
            let tip = typed.dimensions.get(d).advice.first()?;
            Some(Line::from(Span::styled(
                format!("› {}: {tip}", d.label()),
                t.warn(),
            )))
        })
        .collect()
}

/// What the key for the follow-ups brings.
fn next_line(r: &RehearsalState, t: Theme) -> Line<'static> {
    Line::from(Span::styled(
        format!(
            "{}: {} drill-down follow-up questions, aimed at the story's weakest points.",
            key_for(Context::RehearseResult, Action::Submit),
            r.follow_ups.len()
        ),
        t.dim(),
    ))
}

/// How did it go, with the rating keys and when each brings the story back.
fn rating_question(app: &App, r: &RehearsalState) -> Vec<Line<'static>> {
    let t = app.theme;
    let state = app.reviews().stories.get(&r.story_id);
    let intervals = app.scheduler_intervals(state);
    vec![
        Line::from(Span::styled(
            "How did it go? This schedules the next rehearsal of this story.",
            t.heading(),
        )),
        rating_buttons(intervals, t),
        Line::from(""),
    ]
}

/// Each follow-up answer with its verdict: the dimension it aimed at, the
/// score there, the words that earned it, hedges and what was missing.
fn follow_up_lines(r: &RehearsalState, t: Theme) -> Vec<Line<'static>> {
    if r.follow_judged.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::from(Span::styled(
        "Follow-ups, each judged on what it asked",
        t.heading(),
    ))];
    for (n, (asked, judged)) in r.follow_ups.iter().zip(&r.follow_judged).enumerate() {
        lines.extend(judged_lines(n + 1, asked, judged, t));
    }
    lines.push(Line::from(""));
    lines
}

/// Follow-up `n`: the question, the score on what it aimed at with the
/// words that earned it, then hedges and advice.
fn judged_lines(n: usize, asked: &FollowUp, judged: &Judged, t: Theme) -> Vec<Line<'static>> {
    let mut score = vec![
        Span::styled(format!("   {:<19}", judged.aims.label()), t.heading()),
        score_bar(judged.score, t),
        Span::styled(format!(" {}/5", judged.score), t.score(judged.score)),
    ];
    if let Some(words) = judged.evidence.first() {
        score.push(Span::styled(
            format!("  \u{201c}{}\u{201d}", clip(&safe(words), 30)),
            t.good(),
        ));
    }
    let mut lines = vec![
        Line::from(Span::styled(
            format!("{n}. {}", safe(&asked.question)),
            t.dim(),
        )),
        Line::from(score),
    ];
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
    lines
}
