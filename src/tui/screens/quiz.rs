//! "Know your metrics cold": the app names a metric, the user types the
//! value, and it is checked allowing unit changes and small rounding.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::tui::app::{App, QuizState};
use crate::tui::keymap::{Action, Context, key_for};
use crate::tui::layout;
use crate::tui::widgets::safe;

/// The round alone on the screen: the metrics list and its detail, which
/// hold the answers, are not drawn until it is over.
pub fn render(app: &App, quiz: &QuizState, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    if !quiz.finished {
        Line::from(Span::styled(
            " Your metrics are hidden until the round is over.",
            t.dim(),
        ))
        .render(
            Rect::new(area.x, area.y, area.width, 1.min(area.height)),
            buf,
        );
    }
    let rect = layout::centered(area, 76, 14);
    Clear.render(rect, buf);
    let right = quiz.answers.iter().filter(|a| a.right).count();
    let mut lines = Vec::new();
    if quiz.finished {
        let percent = quiz.percent();
        lines.push(Line::from(Span::styled(
            format!(
                "Round over: {right} of {} right ({percent}%).",
                quiz.answers.len()
            ),
            t.heading(),
        )));
        lines.push(Line::from(""));
        // Answer n is to question n.
        for (q, a) in quiz
            .questions
            .iter()
            .zip(&quiz.answers)
            .filter(|(_, a)| !a.right)
        {
            lines.push(Line::from(Span::styled(
                format!(
                    "✗ {} ({}): {} — you said {}",
                    safe(&q.name),
                    a.asked,
                    safe(&a.expected),
                    safe(&a.typed)
                ),
                t.warn(),
            )));
        }
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!(
                "{} to go back to the metrics.",
                key_for(Context::Quiz, Action::Submit)
            ),
            t.dim(),
        )));
    } else if let Some(q) = quiz.questions.get(quiz.at) {
        lines.push(Line::from(Span::styled(
            format!(
                "Question {} of {} · {right} right so far",
                quiz.at + 1,
                quiz.questions.len()
            ),
            t.dim(),
        )));
        lines.push(Line::from(""));
        lines.push(Line::from(vec![
            Span::styled(safe(&quiz.shown_name(&q.name)), t.title()),
            Span::styled(
                format!(
                    " — {}?",
                    if q.asked == "after" {
                        "now (after your work)"
                    } else {
                        "before your work"
                    }
                ),
                t.heading(),
            ),
        ]));
        lines.push(Line::from(""));
        let mut answer = vec![Span::styled("> ", t.key())];
        if quiz.feedback.is_none() {
            answer.extend(quiz.typed.spans(Style::default(), t.key()));
        } else {
            answer.push(Span::raw(safe(quiz.typed.text())));
        }
        lines.push(Line::from(answer));
        lines.push(Line::from(""));
        match &quiz.feedback {
            Some((true, text)) => lines.push(Line::from(Span::styled(
                format!("✓ {}", safe(text)),
                t.good(),
            ))),
            Some((false, text)) => lines.push(Line::from(Span::styled(
                format!("✗ {}", safe(text)),
                t.bad(),
            ))),
            None => lines.push(Line::from(Span::styled(
                format!(
                    "Type the value with its unit (seconds and minutes convert), then {}.",
                    key_for(Context::Quiz, Action::Submit)
                ),
                t.dim(),
            ))),
        }
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .border_style(t.focused_border())
                .title(" Know your metrics cold "),
        )
        .render(rect, buf);
}
