//! A story from a postmortem: the input for a file path or pasted text; then
//! the draft (the "claim your part" questions first, each field with where it
//! came from) beside its score.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::postmortem::Beat;
use crate::tui::app::{App, DraftStep, PostmortemState};
use crate::tui::keymap::{Action, Context, key_for};
use crate::tui::layout;
use crate::tui::widgets::{safe, score_panel};

pub fn render(app: &App, p: &PostmortemState, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let body = layout::chrome(area).body;
    match p.step {
        DraftStep::Source => {
            let help = vec![
                Line::from(Span::styled(
                    "Type the path of a postmortem (Markdown, text or HTML), or paste its text.",
                    t.heading(),
                )),
                Line::from(Span::styled(
                    format!(
                        "{} drafts a story from it. Nothing is saved until you save the story; My role and Decision are left to you.",
                        key_for(Context::PostmortemSource, Action::DraftIt)
                    ),
                    t.dim(),
                )),
            ];
            let rows = layout::wrapped_rows(&help, body.width.saturating_sub(2)) + 2;
            let [top, rest] =
                Layout::vertical([Constraint::Length(rows), Constraint::Min(3)]).areas(body);
            Paragraph::new(help)
                .wrap(Wrap { trim: true })
                .block(
                    Block::bordered()
                        .border_style(t.border())
                        .title(" Draft a story from a postmortem "),
                )
                .render(top, buf);
            let block = Block::bordered()
                .border_style(t.focused_border())
                .title(" File path or postmortem text ");
            let inner = block.inner(rest);
            block.render(rest, buf);
            (&p.input).render(inner, buf);
        }
        DraftStep::Review => {
            let (Some(draft), Some(score)) = (p.draft.as_ref(), p.score.as_ref()) else {
                return;
            };
            let score_width = if body.width >= 100 { 40 } else { 30 };
            let [left, right] =
                Layout::horizontal([Constraint::Min(30), Constraint::Length(score_width)])
                    .areas(body);
            let story = &draft.story;
            let mut lines = vec![Line::from(Span::styled(
                "Claim your part — only you know what you did",
                t.heading(),
            ))];
            for claim in &draft.claims {
                lines.push(Line::from(vec![
                    Span::styled("› ", t.key()),
                    Span::styled(safe(claim), t.warn()),
                ]));
            }
            lines.push(Line::from(""));
            lines.push(Line::from(vec![
                Span::styled("Title", t.heading()),
                Span::raw(format!(" {}", safe(&story.title))),
            ]));
            let mut field = |label: &str, beat: Option<Beat>, text: &str| {
                lines.push(Line::from(""));
                let from = match beat {
                    Some(beat) => draft.provenance(beat),
                    None if label == "My role" => "empty: what did you do?".to_string(),
                    None => "empty: which call was yours, and why?".to_string(),
                };
                lines.push(Line::from(vec![
                    Span::styled(label.to_string(), t.heading()),
                    Span::styled(format!(" · {}", safe(&from)), t.dim()),
                ]));
                for line in text.lines() {
                    lines.push(Line::from(safe(line)));
                }
            };
            field("Blast radius", Some(Beat::BlastRadius), &story.blast_radius);
            field("My role", None, "");
            field("Decision", None, "");
            field("Fix", Some(Beat::Fix), &story.fix);
            field(
                "How I found the root cause",
                Some(Beat::RootCause),
                &story.root_cause,
            );
            field(
                "Systemic change",
                Some(Beat::SystemicChange),
                &story.systemic_change,
            );
            lines.push(Line::from(""));
            lines.push(Line::from(vec![
                Span::styled("Before/after metrics", t.heading()),
                Span::styled(
                    if story.metrics.is_empty() {
                        " · no clock times to work them out from"
                    } else {
                        " · from the timeline; the after-values are yours"
                    },
                    t.dim(),
                ),
            ]));
            for m in &story.metrics {
                lines.push(Line::from(format!(
                    "{}: {} -> ?",
                    safe(&m.name),
                    safe(&m.before)
                )));
            }
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((p.scroll, 0))
                .block(
                    Block::bordered()
                        .border_style(t.focused_border())
                        .title(format!(" Draft from {} · not saved ", safe(&p.from))),
                )
                .render(left, buf);
            let mut panel = score_panel(score, t, false);
            panel.push(Line::from(""));
            panel.push(Line::from(Span::styled(
                "My role and Decision score when you write them, in your words, with \"I\".",
                t.dim(),
            )));
            Paragraph::new(panel)
                .wrap(Wrap { trim: false })
                .block(
                    Block::bordered()
                        .border_style(t.border())
                        .title(" Score as drafted "),
                )
                .render(right, buf);
        }
    }
}
