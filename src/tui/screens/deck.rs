//! Step 4: the deck's topics with their due counts and mastery, and the
//! review card: question, answer on Space, four buttons with their intervals.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::drill::deck::CORE_TOPICS;
use crate::drill::srs::{due_counts, mastery};
use crate::tui::app::{App, ReviewSession};
use crate::tui::keymap::{Action, Context, key_for};
use crate::tui::layout;
use crate::tui::widgets::{clip, pad, rating_buttons, safe, total_bar};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let body = layout::chrome(area).body;
    let topics = app.deck_topics();
    // A shorter mastery bar when the table would not fit its row.
    let cells = if body.width >= 66 { 10 } else { 5 };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{} cards", app.deck().len()), t.heading()),
            Span::styled(
                format!(
                    " · {} new cards a day ({} left today) · core topics need 80% recalled",
                    app.reviews().settings.new_cards_per_day,
                    app.new_cards_left()
                ),
                t.dim(),
            ),
        ]),
        Line::from(""),
        Line::from(Span::styled(
            format!(
                "  {:<14}{:>6}{:>6}{:>6}{:>8}   mastery",
                "topic", "new", "learn", "due", "cards"
            ),
            t.dim(),
        )),
    ];
    for (i, topic) in topics.iter().enumerate() {
        let counts = due_counts(app.cards_in(topic), &app.reviews().cards, app.today);
        let m = mastery(app.cards_in(topic), &app.reviews().cards, app.today);
        let n = app.cards_in(topic).count();
        let core = if CORE_TOPICS.contains(&topic.as_str()) {
            "*"
        } else {
            " "
        };
        let mut spans = vec![Span::raw(format!(
            "{core} {}{:>6}{:>6}{:>6}{:>8}   ",
            pad(&clip(topic, 14), 14),
            counts.new,
            counts.learning,
            counts.review,
            n
        ))];
        spans.extend(total_bar(m, cells, t));
        spans.push(Span::raw("%"));
        let line = Line::from(spans);
        lines.push(if i == app.places().topic {
            line.style(t.selected())
        } else {
            line
        });
    }
    lines.push(Line::from(""));
    let scenarios = app.scenarios();
    let solved = scenarios
        .iter()
        .filter(|s| crate::tui::app::best(app.reviews(), &s.id).is_some_and(|(ok, _)| ok))
        .count();
    let due = app
        .reviews()
        .scenarios
        .values()
        .filter(|s| s.is_due(app.today))
        .count();
    lines.push(Line::from(Span::styled(
        format!(
            "* core topic. Troubleshooting ({}): {solved} of {} scenarios solved, {due} due.",
            key_for(Context::Deck, Action::Troubleshoot),
            scenarios.len()
        ),
        t.dim(),
    )));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .border_style(t.border())
                .title(" 4 Linux & systems "),
        )
        .render(body, buf);
}

pub fn render_review(app: &App, session: &ReviewSession, area: Rect, buf: &mut Buffer) {
    let Some(&index) = session.queue.front() else {
        return;
    };
    let t = app.theme;
    let card = &app.deck()[index];
    let state = app.reviews().cards.get(&card.id);
    let rect = layout::centered(area, 90, area.height.min(22));
    Clear.render(rect, buf);
    let mode = match &session.cram {
        Some(topic) => format!("cramming {topic}"),
        None => "due cards".to_string(),
    };
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "{} · {} left · {} answered · {}",
                card.topic,
                session.queue.len(),
                session.answered,
                mode
            ),
            t.dim(),
        )),
        Line::from(""),
        Line::from(Span::styled(safe(&card.question), t.title())),
        Line::from(""),
    ];
    if session.revealed {
        lines.push(Line::from(safe(&card.answer)));
        if !card.follow_up.is_empty() || !card.source.is_empty() {
            lines.push(Line::from(""));
        }
        if !card.follow_up.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("Next they ask: {}", safe(&card.follow_up)),
                t.dim(),
            )));
        }
        if !card.source.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("Source: {}", safe(&card.source)),
                t.dim(),
            )));
        }
        lines.push(Line::from(""));
        let intervals = app.scheduler_intervals(state);
        lines.push(rating_buttons(intervals, t));
    } else {
        lines.push(Line::from(Span::styled(
            format!(
                "Say the answer out loud, then press {}.",
                key_for(Context::Review, Action::Reveal)
            ),
            t.dim(),
        )));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .border_style(t.focused_border())
                .title(" Review "),
        )
        .render(rect, buf);
}
