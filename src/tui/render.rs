//! Drawing: a frame is drawn from `&App` and nothing else. No state changes
//! here.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::app::{App, Confirm, Picker, Screen, ScreenId, StatusKind};
use super::form::FormKind;
use super::keymap::{self, Action, Context, bindings, keys_label};
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::screens;
use super::widgets;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.last_frame().start(None);
        if layout::too_small(area) {
            let text = vec![
                Line::from("Terminal too small"),
                Line::from(format!(
                    "{}x{} — need at least {MIN_WIDTH}x{MIN_HEIGHT}",
                    area.width, area.height
                )),
                Line::from(format!(
                    "Make the window larger, or press {} to quit.",
                    quit_key(self.context())
                )),
            ];
            Paragraph::new(text)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true })
                .render(layout::centered(area, area.width, 3), buf);
            return;
        }
        // A long message takes rows from the bottom of the screen rather
        // than being drawn over it.
        let status_rows = self.status_rows(area);
        let full = area;
        let area = self.screen_area_in(full);
        let chrome = layout::chrome(area);
        self.last_frame().start(Some(self.screen()));
        header(self, chrome.header, buf);
        match self.shown() {
            Screen::Home => screens::home::render(self, area, buf),
            Screen::Stories(view) => screens::stories::render(self, view, area, buf),
            Screen::Editor { editor, .. } => screens::editor::render(self, editor, area, buf),
            Screen::Spoken { scroll, .. } => {
                screens::spoken::render(self, *scroll, chrome.body, buf)
            }
            Screen::Items(view) => screens::steps::render(self, view, area, buf),
            // Alone on the screen: the metrics list would show the answers.
            Screen::Quiz { quiz, .. } => screens::quiz::render(self, quiz, chrome.body, buf),
            Screen::Deck => screens::deck::render(self, area, buf),
            Screen::Review(session) => {
                screens::deck::render(self, area, buf);
                screens::deck::render_review(self, session, chrome.body, buf);
            }
            Screen::Rehearse { .. } => screens::rehearse::render(self, area, buf),
            Screen::Checklist { scroll } => screens::checklist::render(self, *scroll, area, buf),
            Screen::Coverage { cursor, .. } => {
                screens::checklist::render_coverage(self, *cursor, area, buf)
            }
            Screen::Scenarios => screens::troubleshoot::render_list(self, area, buf),
            Screen::Troubleshoot(round) => {
                screens::troubleshoot::render_round(self, round, area, buf)
            }
            Screen::Postmortem { draft, .. } => screens::postmortem::render(self, draft, area, buf),
        }
        match self.status() {
            Some(status) => {
                let rows = Rect::new(full.x, chrome.footer.y, full.width, status_rows.max(1));
                status_line(self, status, rows, buf);
            }
            None => footer(self, chrome.footer, buf),
        }
        let area = full;
        if let Some(picker) = self.picker() {
            picker_box(self, picker, chrome.body, buf);
        }
        if let Some(help) = self.help() {
            screens::help::render(self, *help, area, buf);
        }
        if let Some(confirm) = self.confirm() {
            confirm_box(self, confirm, area, buf);
        }
    }
}

/// The key that quits on `context`'s screen: `q` where it quits, else
/// Ctrl-c (which keeps unsaved editor text as a draft).
fn quit_key(context: Context) -> String {
    let quit = if keymap::has(context, Action::Quit) {
        Action::Quit
    } else {
        Action::ForceQuit
    };
    keymap::key_for(context, quit)
}

fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let place = match app.screen() {
        ScreenId::Home => "the playbook",
        ScreenId::Stories if app.showing_examples() => "1 Incident stories · examples (read-only)",
        ScreenId::Stories => "1 Incident stories",
        ScreenId::Editor => "story editor",
        ScreenId::Spoken if app.showing_examples() => "say it out loud · an example",
        ScreenId::Spoken => "say it out loud",
        ScreenId::Designs => "2 Design answers",
        ScreenId::Metrics => "3 Reliability metrics",
        ScreenId::Opinions => "5 Opinions",
        ScreenId::Form => match app.form().and_then(|f| f.kind()) {
            Some(FormKind::Design) => "design editor",
            Some(FormKind::Metric) => "metric editor",
            Some(FormKind::Opinion) => "opinion editor",
            Some(FormKind::Profile) => "interview details",
            _ => "platform narrative",
        },
        ScreenId::Quiz => "metrics quiz",
        ScreenId::Deck => "4 Linux & systems",
        ScreenId::Review => "review",
        ScreenId::Rehearse => "rehearsal",
        ScreenId::Checklist => "readiness",
        ScreenId::Coverage => "question coverage",
        ScreenId::Scenarios => "4 Troubleshooting",
        ScreenId::Troubleshoot => "troubleshooting round",
        ScreenId::Postmortem => "story from a postmortem",
    };
    let left = format!(" sre-prep · {place}");
    let width = usize::from(area.width);
    // The right side in the longest form that leaves the left whole, else
    // shorter, else not at all: the two never run into each other.
    let room = width.saturating_sub(widgets::width(&left) + 2);
    let (right, style) = if app.read_only().is_some() {
        ("READ-ONLY ".to_string(), t.bad())
    } else {
        let candidates = [
            widgets::days_left(&app.kit().profile, app.today),
            widgets::days_left_short(&app.kit().profile, app.today),
        ];
        let fitting = candidates
            .into_iter()
            .flatten()
            .map(|text| format!("{text} "))
            .find(|text| widgets::width(text) <= room);
        (fitting.unwrap_or_default(), t.dim())
    };
    let left_width = width.saturating_sub(widgets::width(&right));
    let place = widgets::clip(&format!("· {place}"), left_width.saturating_sub(10));
    Line::from(vec![
        Span::styled(" sre-prep ", t.title()),
        Span::styled(place, t.heading()),
    ])
    .render(area, buf);
    Line::from(Span::styled(right, style))
        .alignment(Alignment::Right)
        .render(area, buf);
}

/// A message in place of the key hints, wrapped over as many rows as the
/// screen gave it.
fn status_line(app: &App, status: &super::app::Status, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let style = match status.kind {
        StatusKind::Info => t.info(),
        StatusKind::Error => t.error(),
    };
    Clear.render(area, buf);
    Paragraph::new(Line::from(Span::styled(
        format!(" {} ", widgets::safe(&status.text)),
        style,
    )))
    .style(style)
    .wrap(Wrap { trim: false })
    .render(area, buf);
}

/// The key hints of the live screen. When they do not all fit, the first
/// ones are kept and the last says where the rest are: "? help".
fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let mut spans = Vec::new();
    for (keys, hint) in keymap::footer_hints(app.context(), usize::from(area.width)) {
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
        Confirm::LeaveEditor if app.read_only().is_some() => {
            "Leave the editor? This window is read-only: your changes cannot be saved here and will be lost.".to_string()
        }
        Confirm::LeaveEditor => {
            "Leave the editor without saving? Your changes will be lost.".to_string()
        }
        Confirm::QuitAndLoseText { back: Some(_) } => {
            format!("Quit and lose the text from your editor that could not be read? ({} again quits too.)", keymap::key_for(Context::Confirm, Action::ForceQuit))
        }
        Confirm::QuitAndLoseText { back: None } => {
            format!("Quit and lose your unsaved text? This window is read-only, so it cannot be kept as a draft. ({} again quits too.)", keymap::key_for(Context::Confirm, Action::ForceQuit))
        }
        Confirm::EditAgain { why, .. } => format!(
            "Your text from $EDITOR could not be saved: {}. Open it again to fix it? ({} drops it; what is saved stays as it was)",
            super::widgets::safe(why),
            keymap::key_for(Context::Confirm, Action::No)
        ),
        Confirm::DeleteItem { kind, title, .. } => format!(
            "Delete the {} '{}'? A copy goes to the trash folder.",
            kind.noun(),
            super::widgets::clip(title, 60)
        ),
        Confirm::GiveUpRound => {
            "Give up this round? It is kept as not solved, and the answer is shown.".to_string()
        }
        Confirm::RestoreDraft { title, .. } => format!(
            "You quit while editing {}. Restore that draft? ({} moves it to the trash)",
            super::widgets::safe(title),
            keymap::key_for(Context::Confirm, Action::No)
        ),
        Confirm::RestoreEditorText { what, .. } => format!(
            "sre-prep ended while {} was open in $EDITOR. Open that text again? ({} moves it to the trash)",
            super::widgets::safe(what),
            keymap::key_for(Context::Confirm, Action::No)
        ),
    };
    let mut hints = Vec::new();
    for binding in bindings(Context::Confirm) {
        if let Some(hint) = binding.hint {
            hints.push(Span::styled(format!(" {} ", keys_label(binding)), t.key()));
            hints.push(Span::raw(format!("{hint}  ")));
        }
    }
    let lines = vec![Line::from(question), Line::from(""), Line::from(hints)];
    // As tall as the question needs, so a long title is never cut off.
    let width = area.width.min(60);
    let rows = layout::wrapped_rows(&lines, width.saturating_sub(2)) + 2;
    let rect = layout::centered(area, width, rows.max(7));
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
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
    let first = layout::list_offset(picker.selected, inner_rows, rows.len());
    let width = usize::from(rect.width.saturating_sub(2));
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(inner_rows)
        .map(|(i, row)| {
            let text = super::widgets::clip(row, width);
            if i == picker.selected {
                Line::from(Span::styled(
                    super::widgets::pad(&text, width),
                    t.selected(),
                ))
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
                .title_bottom(format!(
                    " {} choose · {} cancel ",
                    keymap::key_for(Context::Picker, Action::Open),
                    keymap::key_for(Context::Picker, Action::Back)
                )),
        )
        .render(rect, buf);
}
