//! The story as the answer to say out loud: the beats composed in playbook
//! order, the numbers emphasised, with the estimated speaking time.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::answer::compose;
use crate::tui::app::{App, Scroll};
use crate::tui::keymap::{Action, Context, key_for};
use crate::tui::layout;
use crate::tui::widgets::{minutes, safe};

pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let Some(lines) = spoken_text(app) else {
        return;
    };
    let block =
        Block::bordered()
            .border_style(app.theme.border())
            .title(if app.showing_examples() {
                " Say it out loud — an example "
            } else {
                " Say it out loud "
            });
    let inner = block.inner(area);
    let limit = layout::scroll_limit(&lines, inner);
    app.last_frame()
        .record(|a| a.scroll = Some((Scroll::Spoken, limit)));
    let scroll = scroll.min(limit);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .block(block)
        .render(area, buf);
}

/// The selected story as the answer to say, as drawn.
fn spoken_text(app: &App) -> Option<Vec<Line<'static>>> {
    let t = app.theme;
    let story = app.selected_story()?;
    let paragraphs = compose(story);
    let seconds = app.story_detail().map(|s| s.spoken_seconds).unwrap_or(0);
    let verdict = match seconds {
        0 => "nothing to say yet",
        s if s < 90 => "short: a strong answer takes two to three minutes",
        s if s > 180 => "long: cut to the three minutes an interviewer will listen",
        _ => "a good length",
    };
    let mut lines = vec![
        Line::from(Span::styled(safe(&story.title), t.title())),
        Line::from(Span::styled(
            format!("About {} to say — {verdict}.", minutes(seconds)),
            t.dim(),
        )),
        Line::from(""),
    ];
    if app.showing_examples() {
        lines.insert(
            1,
            Line::from(Span::styled(
                "EXAMPLE — built in and read-only, not your story; c on the examples copies it into yours.",
                t.warn(),
            )),
        );
    }
    if paragraphs.is_empty() {
        lines.push(Line::from(format!(
            "The story has no beats written yet: press {}, then {} to write them.",
            key_for(Context::Spoken, Action::Back),
            key_for(Context::Stories, Action::EditStory)
        )));
    }
    for p in paragraphs {
        lines.push(Line::from(Span::styled(p.beat, t.heading())));
        let spans: Vec<Span> = p
            .segments
            .into_iter()
            .map(|s| {
                let style = if s.emphasis {
                    t.emphasis()
                } else {
                    ratatui::style::Style::new()
                };
                Span::styled(safe(&s.text), style)
            })
            .collect();
        lines.push(Line::from(spans));
        lines.push(Line::from(""));
    }
    Some(lines)
}
