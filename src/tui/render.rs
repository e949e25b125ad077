//! Drawing: a frame is drawn from `&App` and nothing else. No state changes
//! here.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::app::{App, Confirm, Picker, Screen, StatusKind};
use super::form::FormKind;
use super::keymap::{bindings, keys_label};
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::screens;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if layout::too_small(area) {
            let text = vec![
                Line::from("Terminal too small"),
                Line::from(format!(
                    "{}x{} — need at least {MIN_WIDTH}x{MIN_HEIGHT}",
                    area.width, area.height
                )),
                Line::from("Make the window larger, or press q to quit."),
            ];
            Paragraph::new(text)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true })
                .render(layout::centered(area, area.width, 3), buf);
            return;
        }
        let chrome = layout::chrome(area);
        header(self, chrome.header, buf);
        match self.screen {
            Screen::Home => screens::home::render(self, area, buf),
            Screen::Stories => screens::stories::render(self, area, buf),
            Screen::Editor => screens::editor::render(self, area, buf),
            Screen::Spoken => screens::spoken::render(self, chrome.body, buf),
            Screen::Designs => screens::steps::render(self, FormKind::Design, area, buf),
            Screen::Metrics => screens::steps::render(self, FormKind::Metric, area, buf),
            Screen::Opinions => screens::steps::render(self, FormKind::Opinion, area, buf),
            Screen::Form => screens::form::render(self, area, buf),
            Screen::Quiz => {
                screens::steps::render(self, FormKind::Metric, area, buf);
                screens::quiz::render(self, chrome.body, buf);
            }
            Screen::Deck => screens::deck::render(self, area, buf),
            Screen::Review => {
                screens::deck::render(self, area, buf);
                screens::deck::render_review(self, chrome.body, buf);
            }
            Screen::Rehearse => screens::rehearse::render(self, area, buf),
            Screen::Checklist => screens::checklist::render(self, area, buf),
            Screen::Coverage => screens::checklist::render_coverage(self, area, buf),
            Screen::Postmortem => screens::postmortem::render(self, area, buf),
        }
        footer(self, chrome.footer, buf);
        if let Some(picker) = &self.picker {
            picker_box(self, picker, chrome.body, buf);
        }
        if let Some(under) = self.help {
            screens::help::render(self, under, area, buf);
        }
        if let Some(confirm) = &self.confirm {
            confirm_box(self, confirm, area, buf);
        }
    }
}

fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let place = match app.screen {
        Screen::Home => "the playbook",
        Screen::Stories => "1 Incident stories",
        Screen::Editor => "story editor",
        Screen::Spoken => "say it out loud",
        Screen::Designs => "2 Design answers",
        Screen::Metrics => "3 Reliability metrics",
        Screen::Opinions => "5 Opinions",
        Screen::Form => match app.form.as_ref().map(|f| f.kind()) {
            Some(FormKind::Design) => "design editor",
            Some(FormKind::Metric) => "metric editor",
            Some(FormKind::Opinion) => "opinion editor",
            Some(FormKind::Profile) => "interview details",
            _ => "platform narrative",
        },
        Screen::Quiz => "metrics quiz",
        Screen::Deck => "4 Linux & systems",
        Screen::Review => "review",
        Screen::Rehearse => "rehearsal",
        Screen::Checklist => "readiness",
        Screen::Coverage => "question coverage",
        Screen::Postmortem => "story from a postmortem",
    };
    let left = Line::from(vec![
        Span::styled(" sre-prep ", t.title()),
        Span::styled(format!("· {place}"), t.heading()),
    ]);
    left.render(area, buf);
    let right = if app.read_only.is_some() {
        Span::styled("READ-ONLY ", t.bad())
    } else if let Some(days) = screens::home::days_left(app) {
        Span::styled(format!("{days} "), t.dim())
    } else {
        Span::raw("")
    };
    Line::from(right)
        .alignment(Alignment::Right)
        .render(area, buf);
}

/// The key hints of the live screen, or a message: a long message wraps
/// upwards over the bottom rows rather than being cut off.
fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    if let Some(status) = &app.status {
        let style = match status.kind {
            StatusKind::Info => t.info(),
            StatusKind::Error => t.error(),
        };
        let line = Line::from(Span::styled(
            format!(" {} ", super::widgets::safe(&status.text)),
            style,
        ));
        let rows = layout::wrapped_rows(std::slice::from_ref(&line), area.width).min(4);
        let rect = Rect::new(area.x, (area.y + 1).saturating_sub(rows), area.width, rows);
        Clear.render(rect, buf);
        Paragraph::new(line)
            .style(style)
            .wrap(Wrap { trim: false })
            .render(rect, buf);
        return;
    }
    let mut spans = Vec::new();
    for binding in bindings(app.context()) {
        let Some(hint) = binding.hint else { continue };
        let keys = match binding.action {
            super::keymap::Action::Step(_) => "1-5".to_string(),
            _ => binding.keys.first().map(|k| k.label()).unwrap_or_default(),
        };
        spans.push(Span::styled(format!(" {keys}"), t.key()));
        spans.push(Span::styled(format!(" {hint} "), t.dim()));
    }
    Line::from(spans).render(area, buf);
}

fn confirm_box(app: &App, confirm: &Confirm, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let question = match confirm {
        Confirm::DeleteStory { title, .. } => format!(
            "Delete '{}'? It goes to the trash folder, from where it can be moved back.",
            super::widgets::safe(title)
        ),
        Confirm::AbandonRehearsal => {
            "Abandon this rehearsal? Nothing of it will be kept.".to_string()
        }
        Confirm::LeaveEditor | Confirm::LeaveForm => {
            "Leave the editor without saving? Your changes will be lost.".to_string()
        }
        Confirm::DeleteItem { kind, title, .. } => format!(
            "Delete the {} '{}'? A copy goes to the trash folder.",
            kind.noun(),
            super::widgets::clip(title, 60)
        ),
        Confirm::RestoreDraft { title } => format!(
            "You quit while editing {}. Restore that draft? (n moves it to the trash)",
            super::widgets::safe(title)
        ),
    };
    let rect = layout::centered(area, 60, 7);
    Clear.render(rect, buf);
    let mut hints = Vec::new();
    for binding in bindings(super::keymap::Context::Confirm) {
        if let Some(hint) = binding.hint {
            hints.push(Span::styled(format!(" {} ", keys_label(binding)), t.key()));
            hints.push(Span::raw(format!("{hint}  ")));
        }
    }
    Paragraph::new(vec![
        Line::from(question),
        Line::from(""),
        Line::from(hints),
    ])
    .wrap(Wrap { trim: true })
    .block(
        Block::bordered()
            .border_style(t.focused_border())
            .title(" Confirm "),
    )
    .render(rect, buf);
}

fn picker_box(app: &App, picker: &Picker, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let rows = picker.rows();
    let title = match &picker.kind {
        super::app::PickerKind::DesignPrompt => " Pick a design prompt ",
        super::app::PickerKind::Debate => " Take a side ",
        super::app::PickerKind::Question { .. } => " Rehearse against which question? (* core) ",
    };
    let height = (rows.len() as u16 + 2).min(area.height);
    let rect = layout::centered(area, area.width.saturating_sub(4).min(110), height);
    Clear.render(rect, buf);
    let inner_rows = usize::from(rect.height.saturating_sub(2));
    let first = layout::list_offset(picker.selected, inner_rows);
    let width = usize::from(rect.width.saturating_sub(2));
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(inner_rows)
        .map(|(i, row)| {
            let text = super::widgets::clip(row, width);
            if i == picker.selected {
                Line::from(Span::styled(format!("{text:<width$}"), t.selected()))
            } else {
                Line::from(text)
            }
        })
        .collect();
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .border_style(t.focused_border())
                .title(title)
                .title_bottom(" Enter choose · Esc cancel "),
        )
        .render(rect, buf);
}
