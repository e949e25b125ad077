//! Step 4's troubleshooting round on screen: the scenarios with when each is
//! due and its best score; a round — the symptom, the clock, the transcript
//! of commands and what they printed (wide output scrolls sideways), the
//! line being typed; then the judgment, why, and the model path.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::drill::troubleshoot::{Basis, Kind};
use crate::tui::app::{App, Round, best, due_label};
use crate::tui::keymap::{self, Action, Context};
use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::widgets::{clip, minutes, safe};

/// Output text made safe to draw, tabs expanded to the next multiple of 8
/// (as a terminal shows them: `ss -s`, `du` and `sysctl` print tabs).
fn expand(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    for c in text.chars() {
        if c == '\t' {
            let next = (column / 8 + 1) * 8;
            out.extend(std::iter::repeat_n(' ', next - column));
            column = next;
        } else {
            out.push(c);
            column += 1;
        }
    }
    safe(&out)
}

/// Words of `text` in lines of at most `width` columns.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(10);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let needed =
                line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
            if !line.is_empty() && needed > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

const INTRO: &str = "Type commands as you would on the host (uptime, df -h, ss -s, dmesg -T | tail ...), or say what you think: h <hypothesis>, m <mitigation>, c <root cause>. A hint costs points. The clock runs, and the approach is judged: orient first, test hypotheses, mitigate while users hurt, then prove the cause.";

/// `text` wrapped to fit `width` after an `indent`-column margin: `first`
/// (as wide as the margin) leads the first line, spaces the others.
fn indented(
    text: &str,
    first: &str,
    indent: usize,
    width: usize,
    style: Style,
) -> Vec<Line<'static>> {
    wrap(text, width.saturating_sub(indent).max(10))
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 {
                first.to_string()
            } else {
                " ".repeat(indent)
            };
            Line::from(Span::styled(format!("{lead}{l}"), style))
        })
        .collect()
}

pub fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let body = layout::chrome(area).body;
    let scenarios = app.scenarios();
    let chosen = app.places().scenario;
    let solved = scenarios
        .iter()
        .filter(|s| best(app.reviews(), &s.id).is_some_and(|(ok, _)| ok))
        .count();
    let due = scenarios
        .iter()
        .filter(|s| due_label(app.reviews().scenarios.get(&s.id), app.today) == "due")
        .count();
    let selected = scenarios.get(chosen);
    let symptom_rows = selected
        .map(|s| wrap(&s.symptom, usize::from(body.width.saturating_sub(2))).len() as u16)
        .unwrap_or(1)
        .min(7);
    let [list_area, symptom_area] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(symptom_rows + 2)]).areas(body);

    let block = Block::bordered()
        .border_style(t.border())
        .title(" 4 Troubleshooting ");
    let inner = block.inner(list_area);
    block.render(list_area, buf);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} scenarios", scenarios.len()), t.heading()),
        Span::styled(
            format!(" · {solved} solved · {due} due · hypothesis first, mitigate, prove the cause"),
            t.dim(),
        ),
    ])];
    let rows = usize::from(inner.height.saturating_sub(1));
    let first = layout::list_offset(chosen, rows, scenarios.len());
    let width = usize::from(inner.width);
    for (i, s) in scenarios.iter().enumerate().skip(first).take(rows) {
        let (mark, score) = match best(app.reviews(), &s.id) {
            Some((true, score)) => ("✓", format!("{score:>3}")),
            Some((false, score)) => ("✗", format!("{score:>3}")),
            None => ("·", "  -".to_string()),
        };
        let when = due_label(app.reviews().scenarios.get(&s.id), app.today);
        let title_width = width.saturating_sub(4 + 4 + 8);
        let text = format!(
            " {mark} {score}  {:<title_width$}{when:>7}",
            clip(&safe(&s.title), title_width)
        );
        let style = if i == chosen {
            t.selected()
        } else if when == "due" {
            t.warn()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    Paragraph::new(lines).render(inner, buf);

    if let Some(s) = selected {
        let text: Vec<Line> = wrap(
            &safe(&s.symptom),
            usize::from(symptom_area.width.saturating_sub(2)),
        )
        .into_iter()
        .map(Line::from)
        .collect();
        Paragraph::new(text)
            .block(
                Block::bordered()
                    .border_style(t.border())
                    .title(format!(" {} ", safe(&s.id))),
            )
            .render(symptom_area, buf);
    }
}

/// The transcript as screen rows: `true` marks command output, which keeps
/// its columns (no wrapping) and scrolls sideways.
fn transcript_rows(round: &Round, width: usize, t: Theme) -> Vec<(Line<'static>, bool)> {
    let mut rows: Vec<(Line<'static>, bool)> = Vec::new();
    for entry in &round.played.transcript {
        let (prompt, style) = match entry.kind {
            Kind::Command => ("$ ", t.key()),
            Kind::Hypothesis | Kind::Mitigation | Kind::Cause | Kind::Hint => ("> ", t.title()),
            Kind::Note => ("> ", t.dim()),
        };
        for (i, line) in wrap(&safe(&entry.input), width.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { prompt } else { "  " };
            rows.push((
                Line::from(Span::styled(format!("{lead}{line}"), style)),
                false,
            ));
        }
        if entry.output.is_empty() {
            rows.push((Line::from(Span::styled("(no output)", t.dim())), false));
            continue;
        }
        // The interviewer's words wrap; what a tool prints keeps its columns.
        let prose = entry.kind != Kind::Command
            || ["[interviewer]", "[dashboard]", "[hint"]
                .iter()
                .any(|p| entry.output.starts_with(p));
        if prose {
            let style = if entry.output.starts_with("[hint") {
                t.warn()
            } else {
                t.info()
            };
            for line in wrap(&entry.output, width) {
                rows.push((Line::from(Span::styled(expand(&line), style)), false));
            }
        } else {
            for line in entry.output.split('\n') {
                rows.push((Line::from(expand(line)), true));
            }
        }
    }
    rows
}

/// The symptom, the transcript and the input line of a round.
fn round_areas(body: Rect, symptom_rows: usize) -> [Rect; 3] {
    let symptom_rows = (symptom_rows as u16).min(6);
    Layout::vertical([
        Constraint::Length(symptom_rows + 2),
        Constraint::Min(3),
        Constraint::Length(3),
    ])
    .areas(body)
}

pub fn render_round(app: &App, round: &Round, area: Rect, buf: &mut Buffer) {
    if round.finished.is_some() {
        render_result(app, round, area, buf);
        return;
    }
    let t = app.theme;
    let body = layout::chrome(area).body;
    let Some(scenario) = app.scenarios().get(round.scenario) else {
        return;
    };
    let symptom = wrap(
        &safe(&scenario.symptom),
        usize::from(body.width.saturating_sub(2)),
    );
    let [top, middle, bottom] = round_areas(body, symptom.len());

    let clock = format!(
        " ⏱ {} · {} commands ",
        minutes(round.seconds()),
        round.commands()
    );
    Paragraph::new(symptom.into_iter().map(Line::from).collect::<Vec<_>>())
        .scroll((0, 0))
        .block(
            Block::bordered()
                .border_style(t.border())
                .title(format!(" {} ", safe(&scenario.title)))
                .title(Line::from(Span::styled(clock, t.key())).right_aligned()),
        )
        .render(top, buf);

    let block = Block::bordered().border_style(t.border());
    let inner = block.inner(middle);
    block.render(middle, buf);
    let width = usize::from(inner.width);
    let rows = transcript_rows(round, width, t);
    let height = usize::from(inner.height);
    // Back from the newest line, no further than the first at the top.
    let most = u16::try_from(rows.len().saturating_sub(height)).unwrap_or(u16::MAX);
    app.last_frame().record(|a| a.round_scroll = Some(most));
    let end = rows
        .len()
        .saturating_sub(usize::from(round.scroll.min(most)));
    let start = end.saturating_sub(height);
    let hscroll = usize::from(round.hscroll);
    let visible: Vec<Line> = if rows.is_empty() {
        wrap(INTRO, width)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, t.dim())))
            .collect()
    } else {
        rows[start..end]
            .iter()
            .map(|(line, scrolls)| {
                if *scrolls && hscroll > 0 {
                    let text: String = line
                        .spans
                        .iter()
                        .map(|s| s.content.as_ref())
                        .collect::<String>()
                        .chars()
                        .skip(hscroll)
                        .collect();
                    Line::from(text)
                } else {
                    line.clone()
                }
            })
            .collect()
    };
    Paragraph::new(visible).render(inner, buf);

    let hint = if round.scroll > 0 {
        let down = keymap::key_for(Context::Troubleshoot, Action::PageDown);
        format!(" scrolled up {} rows · {down} ", round.scroll)
    } else if hscroll > 0 {
        let back = keymap::key_for(Context::Troubleshoot, Action::ScrollLeft);
        format!(" → {hscroll} columns · {back} back ")
    } else {
        " a command · h hypothesis · m mitigation · c cause · hint ".to_string()
    };
    let input_width = usize::from(bottom.width.saturating_sub(4));
    let mut prompt = vec![Span::styled("> ", t.key())];
    prompt.extend(
        round
            .typed
            .spans_within(input_width, Style::default(), t.key()),
    );
    Paragraph::new(Line::from(prompt))
        .block(
            Block::bordered()
                .border_style(t.focused_border())
                .title(Span::styled(hint, t.dim())),
        )
        .render(bottom, buf);
}

fn render_result(app: &App, round: &Round, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let body = layout::chrome(area).body;
    let Some(scenario) = app.scenarios().get(round.scenario) else {
        return;
    };
    let lines = result_lines(app, round, usize::from(body.width.saturating_sub(2)));
    let most = layout::wrapped_rows(&lines, body.width.saturating_sub(2))
        .saturating_sub(body.height.saturating_sub(2));
    app.last_frame().record(|a| a.round_scroll = Some(most));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((round.result_scroll.min(most), 0))
        .block(
            Block::bordered()
                .border_style(t.focused_border())
                .title(format!(" {} — the judgment ", safe(&scenario.title))),
        )
        .render(body, buf);
}

/// The judgment as lines `width` columns wide.
fn result_lines(app: &App, round: &Round, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let Some(scenario) = app.scenarios().get(round.scenario) else {
        return Vec::new();
    };
    let Some(finished) = round.finished.as_ref() else {
        return Vec::new();
    };
    let j = &round.played.judgment;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let verdict = if j.solved {
        Span::styled("Solved", t.good())
    } else if finished.gave_up {
        Span::styled("Not solved (gave up)", t.bad())
    } else {
        Span::styled("Not solved", t.bad())
    };
    lines.push(Line::from(vec![
        verdict,
        Span::styled(format!(" · {}/100", j.score), t.total(j.score)),
        Span::styled(
            format!(
                " · {} commands, {} steps · {} · {}",
                j.commands,
                j.steps,
                minutes(finished.seconds),
                if finished.saved {
                    format!("again in {} days", finished.next_days)
                } else {
                    "not saved".to_string()
                }
            ),
            t.dim(),
        ),
    ]));
    lines.push(Line::from(""));
    for check in &j.checks {
        let style = if check.points == check.max {
            t.good()
        } else if check.points == 0 {
            t.bad()
        } else {
            t.warn()
        };
        let mark = if check.points == check.max {
            "✓"
        } else {
            "✗"
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{mark} {:>2}/{:<2} ", check.points, check.max),
                style,
            ),
            Span::styled(check.label.to_string(), t.heading()),
        ]));
        lines.extend(indented(&safe(&check.why), "        ", 8, width, t.dim()));
    }
    for penalty in &j.penalties {
        lines.extend(indented(
            &safe(&penalty.why),
            &format!("  −{:<2}    ", penalty.points),
            8,
            width,
            t.bad(),
        ));
    }
    let clue_text = |id: &String| {
        scenario
            .clues
            .iter()
            .find(|c| &c.id == id)
            .map(|c| safe(&c.text))
            .unwrap_or_else(|| id.clone())
    };
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled("What you found", t.heading())));
    if j.found.is_empty() {
        lines.push(Line::from(Span::styled("  nothing yet", t.dim())));
    }
    for id in &j.found {
        lines.extend(indented(&clue_text(id), "  ✓ ", 4, width, t.good()));
    }
    for id in &j.missed {
        lines.extend(indented(&clue_text(id), "  ✗ ", 4, width, t.dim()));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled("The root cause", t.heading())));
    lines.push(Line::from(safe(&scenario.cause.summary)));
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "Mitigations that work",
        t.heading(),
    )));
    for m in &scenario.mitigations {
        lines.extend(indented(&safe(&m.text), "  • ", 4, width, Style::new()));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "What the interviewer asks next",
        t.heading(),
    )));
    for q in &scenario.follow_ups {
        lines.extend(indented(&safe(q), "  ? ", 4, width, Style::new()));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled("Your path", t.heading())));
    for entry in &round.played.transcript {
        let why = match &entry.basis {
            Some(Basis::Orienting) => ("orienting".to_string(), t.good()),
            Some(Basis::Tests(h)) => (format!("tests \"{}\"", safe(h)), t.good()),
            Some(Basis::Verifies) => ("checks the mitigation".to_string(), t.good()),
            Some(Basis::Scan) => ("no hypothesis: a scan".to_string(), t.warn()),
            None => (String::new(), t.dim()),
        };
        let prompt = if entry.kind == Kind::Command {
            "$ "
        } else {
            ""
        };
        let mut spans = vec![Span::styled(
            format!(
                "  {:>5} {prompt}{}",
                minutes(entry.seconds),
                safe(&entry.input)
            ),
            Style::new(),
        )];
        if !why.0.is_empty() {
            spans.push(Span::styled(format!("  · {}", why.0), why.1));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled("A model path", t.heading())));
    for step in &scenario.model {
        lines.extend(indented(&safe(&step.input), "  ", 2, width, t.key()));
        lines.extend(indented(&safe(&step.why), "      ", 6, width, t.dim()));
    }
    lines
}
