//! Home: the five-step playbook with progress, the platform narrative, the
//! days left, and on an empty data directory a warm first-run panel.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::tui::app::App;
use crate::tui::keymap::{Action, Context, key_for};
use crate::tui::layout;
use crate::tui::widgets::{self, clip, safe};

pub struct Step {
    pub title: &'static str,
    pub why: &'static str,
}

pub const STEPS: [Step; 5] = [
    Step {
        title: "1 Incident stories",
        why: "Three to five stories told as blast radius, my role, decision, fix, what changed — with numbers.",
    },
    Step {
        title: "2 Design answers",
        why: "Five to seven designs from systems you really ran: CI/CD, Kubernetes, multi-region and more.",
    },
    Step {
        title: "3 Reliability metrics",
        why: "Your SLOs, MTTD and MTTR before and after, on-call load — every one a \"from X to Y\".",
    },
    Step {
        title: "4 Linux & systems",
        why: "TCP, processes, file descriptors, DNS, memory, CPU — drilled until you recall them.",
    },
    Step {
        title: "5 Opinions",
        why: "\"I believe in A over B because C\", backed by something you lived through.",
    },
];

/// Progress of a step: a mark, a line of words (and a shorter one for a
/// single narrow row), and a fraction for the gauge.
struct Progress {
    mark: &'static str,
    text: String,
    short: String,
    ratio: f64,
}

fn progress(app: &App, step: usize) -> Progress {
    if app.loading() && (step > 0 || !app.counted()) {
        return Progress {
            mark: "·",
            text: "reading…".into(),
            short: "reading…".into(),
            ratio: 0.0,
        };
    }
    match step {
        0 => {
            let total = app.story_count();
            let ready = app.ready_count();
            let scored = app.scored().scored_count();
            let (text, short) = if app.loading() {
                let text = format!("{total} stories · reading…");
                (text.clone(), text)
            } else if total == 0 {
                (
                    format!(
                        "no stories yet — press {} to write one",
                        key_for(Context::Home, Action::NewStory)
                    ),
                    format!(
                        "none yet — {} writes one",
                        key_for(Context::Home, Action::NewStory)
                    ),
                )
            } else if scored < total {
                (
                    format!("{total} stories · scoring {scored}/{total}…"),
                    format!("scoring {scored}/{total}…"),
                )
            } else {
                (
                    format!("{ready} of 3-5 stories interview-ready · {total} written"),
                    format!("{ready} of 3-5 ready · {total} written"),
                )
            };
            Progress {
                mark: if ready >= 3 {
                    "✓"
                } else if total > 0 {
                    "◐"
                } else {
                    "○"
                },
                text,
                short,
                ratio: (ready as f64 / 3.0).min(1.0),
            }
        }
        1 => {
            let n = app.design_count();
            let (core, coverage) = widgets::core_coverage(app.kit());
            let done = n >= 5 && core == 3;
            Progress {
                mark: if done {
                    "✓"
                } else if n > 0 {
                    "◐"
                } else {
                    "○"
                },
                text: format!("{n} of 5-7 designs · {coverage}"),
                short: format!("{n} of 5-7 · {core} of 3 core prompts"),
                ratio: ((n.min(5) + core) as f64 / 8.0).min(1.0),
            }
        }
        2 => {
            let e = crate::evaluate::metric::checklist(&app.kit().metrics);
            let met = e.checks.iter().filter(|c| c.met()).count();
            let (quiz, quiz_short) = match app.reviews().last_quiz() {
                Some(round) => (
                    format!(" · last quiz {}%", round.percent()),
                    format!(" · quiz {}%", round.percent()),
                ),
                None => (String::new(), String::new()),
            };
            Progress {
                mark: if met == e.checks.len() {
                    "✓"
                } else if met > 0 || !app.kit().metrics.is_empty() {
                    "◐"
                } else {
                    "○"
                },
                text: format!("{met} of {} must-knows{quiz}", e.checks.len()),
                short: format!("{met}/{} must-knows{quiz_short}", e.checks.len()),
                ratio: met as f64 / e.checks.len() as f64,
            }
        }
        3 => {
            use crate::drill::deck::CORE_TOPICS;
            use crate::drill::srs::{due_counts, mastery};
            let masteries: Vec<u8> = CORE_TOPICS
                .iter()
                .map(|t| mastery(app.cards_in(t), &app.reviews().cards, app.today))
                .collect();
            let met = masteries.iter().filter(|&&m| m >= 80).count();
            let due = due_counts(app.deck().iter(), &app.reviews().cards, app.today);
            let lowest = masteries.iter().min().copied().unwrap_or(0);
            let due_new = format!(
                "{} due, {} new",
                due.review + due.learning,
                app.new_cards_left().min(due.new)
            );
            Progress {
                mark: if met == CORE_TOPICS.len() {
                    "✓"
                } else if app.reviews().cards.is_empty() {
                    "○"
                } else {
                    "◐"
                },
                text: format!("{met} of 6 core topics recalled (lowest {lowest}%) · {due_new}"),
                short: format!("{met}/6 topics · {due_new}"),
                ratio: masteries.iter().map(|&m| f64::from(m.min(80))).sum::<f64>() / (80.0 * 6.0),
            }
        }
        _ => {
            let n = app.kit().opinions.len();
            let strong = app.scored().opinion_scores().filter(|&s| s >= 80).count();
            Progress {
                mark: if strong >= 3 {
                    "✓"
                } else if n > 0 {
                    "◐"
                } else {
                    "○"
                },
                text: format!("{strong} of 3 opinions with spine · {n} written"),
                short: format!("{strong} of 3 strong · {n} written"),
                ratio: (strong as f64 / 3.0).min(1.0),
            }
        }
    }
}

/// `text` cut where it fits in `width` columns — after a " · " if it can,
/// else after a word — and the rest.
fn split_to_fit(text: &str, width: usize) -> (String, String) {
    let cut_at = |separator: &str| {
        text.match_indices(separator)
            .map(|(at, _)| at)
            .take_while(|&at| widgets::width(&text[..at]) <= width)
            .last()
            .map(|at| {
                (
                    text[..at].to_string(),
                    text[at + separator.len()..].to_string(),
                )
            })
    };
    cut_at(" · ")
        .or_else(|| cut_at(" "))
        .unwrap_or_else(|| (clip(text, width), String::new()))
}

fn gauge(ratio: f64, cells: usize) -> String {
    let filled = ((ratio * cells as f64).round() as usize).min(cells);
    format!("{}{}", "█".repeat(filled), "░".repeat(cells - filled))
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let body = layout::chrome(area).body;
    let first_run = app.first_run();

    if first_run {
        let rows = layout::welcome_rows(area.width).min(body.height);
        let rect = Rect::new(body.x, body.y, body.width, rows);
        let dir = safe(&app.data_dir().display().to_string());
        let welcome = vec![
            Line::from(Span::styled(
                "Welcome. sre-prep coaches you for SRE interviews.",
                t.heading(),
            )),
            Line::from(
                "Prepare the five steps below; every incident story is scored the way an interviewer listens, with the words that earned each point.",
            ),
            Line::from(vec![
                Span::raw("Everything stays on this machine, as private JSON in "),
                Span::styled(dir, t.emphasis()),
            ]),
            Line::from(""),
            Line::from(vec![
                Span::styled(
                    format!(" {} ", key_for(Context::Home, Action::NewStory)),
                    t.key(),
                ),
                Span::raw("write your first incident story"),
            ]),
            Line::from(vec![
                Span::styled(
                    format!(" {} ", key_for(Context::Home, Action::Examples)),
                    t.key(),
                ),
                Span::raw(
                    "see the example stories (read-only): what a strong one looks like, and a weak one",
                ),
            ]),
        ];
        Paragraph::new(welcome)
            .wrap(Wrap { trim: true })
            .block(
                Block::bordered()
                    .border_style(t.focused_border())
                    .title(" First time here "),
            )
            .render(rect, buf);
    } else {
        Line::from(Span::styled(" Your playbook, in order", t.heading()))
            .render(Rect::new(body.x, body.y, body.width, 1), buf);
    }

    let extra = bottom_lines(app);
    let reserved = rows_for(&extra, app, area);
    let steps = layout::home_steps(area, first_run, reserved);
    app.last_frame().record(|a| a.home_steps = steps);
    // The gauge repeats the words: it goes first when the terminal is narrow.
    let gauge_cells = if area.width >= 80 { 10 } else { 0 };
    for (i, (step, rect)) in STEPS.iter().zip(steps).enumerate() {
        if rect.height == 0 {
            continue;
        }
        let p = progress(app, i);
        let selected = i == app.places().step;
        let title_style = if selected { t.selected() } else { t.heading() };
        let mark_style = match p.mark {
            "✓" => t.good(),
            "◐" => t.warn(),
            _ => t.dim(),
        };
        let mut first = vec![
            Span::styled(format!(" {} ", p.mark), mark_style),
            Span::styled(format!(" {:<22}", step.title), title_style),
            Span::raw(" "),
        ];
        if gauge_cells > 0 {
            first.push(Span::raw(" "));
            first.push(Span::styled(gauge(p.ratio, gauge_cells), mark_style));
            first.push(Span::raw(" "));
        }
        let indent: usize = first.iter().map(|s| s.width()).sum();
        let width = usize::from(rect.width);
        let room = width.saturating_sub(indent);
        // The words whole on the first row; else wrapped onto the next row
        // (the step's description gives way); else the short form.
        let mut rows: Vec<Line> = Vec::new();
        let text = if widgets::width(&p.text) <= room {
            p.text.clone()
        } else if rect.height >= 2 {
            let (head, rest) = split_to_fit(&p.text, room);
            let rest = if widgets::width(&rest) <= room {
                format!("{}{rest}", " ".repeat(indent))
            } else {
                format!("      {}", clip(&rest, width.saturating_sub(6)))
            };
            rows.push(Line::from(Span::styled(rest, t.dim())));
            head
        } else {
            clip(&p.short, room)
        };
        first.push(Span::styled(safe(&text), t.dim()));
        rows.insert(0, Line::from(first));
        if rows.len() < usize::from(rect.height) {
            let why = clip(step.why, width.saturating_sub(6));
            rows.push(Line::from(Span::styled(format!("      {why}"), t.dim())));
        }
        for (row, line) in rows.into_iter().take(usize::from(rect.height)).enumerate() {
            line.render(Rect::new(rect.x, rect.y + row as u16, rect.width, 1), buf);
        }
    }

    // Below the steps: the narrative, readiness, and anything that went wrong.
    let last = steps[4];
    let top = (last.y + last.height + 1).min(body.y + body.height);
    let rows = (body.y + body.height).saturating_sub(top);
    Paragraph::new(extra)
        .wrap(Wrap { trim: false })
        .render(Rect::new(body.x, top, body.width, rows), buf);
}

/// Rows for `lines` at the bottom, leaving the steps at least one row each.
fn rows_for(lines: &[Line], app: &App, area: Rect) -> u16 {
    let body = layout::chrome(area).body;
    let wanted = layout::wrapped_rows(lines, body.width) + 1;
    let top = if app.first_run() {
        layout::welcome_rows(area.width)
    } else {
        1
    };
    wanted.min(body.height.saturating_sub(top + 5))
}

/// The read-only and unreadable files, then the narrative and readiness, as lines.
fn bottom_lines(app: &App) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut extra: Vec<Line> = Vec::new();
    let words = app.kit().narrative.text.split_whitespace().count();
    if app.loading() {
        extra.push(Line::from(Span::styled("   reading your kit…", t.dim())));
        return extra;
    }
    // What could not be read comes first: on a small screen the lines
    // below it are the ones cut.
    if let Some(why) = app.read_only() {
        extra.push(Line::from(Span::styled(
            format!("   {}", safe(why)),
            t.bad(),
        )));
    }
    if !app.problems().is_empty() {
        extra.push(Line::from(Span::styled(
            format!(
                "   {} file(s) could not be read and were left untouched:",
                app.problems().len()
            ),
            t.bad(),
        )));
        for problem in app.problems().iter().take(3) {
            extra.push(Line::from(Span::styled(
                format!("   · {}", safe(&problem.message)),
                t.warn(),
            )));
        }
        if app.problems().len() > 3 {
            extra.push(Line::from(Span::styled(
                format!(
                    "   … and {} more (sre-prep export lists them all)",
                    app.problems().len() - 3
                ),
                t.warn(),
            )));
        }
    }
    extra.push(Line::from(vec![
        Span::styled("   Platform narrative ", t.heading()),
        Span::styled(key_for(Context::Home, Action::Narrative), t.key()),
        Span::styled(
            if words == 0 {
                ": not written yet — how your platform work changed velocity and reliability, with numbers".to_string()
            } else {
                let e = crate::evaluate::narrative::evaluate(&app.kit().narrative);
                let next = e.next().map(|c| format!(" · next: {}", c.label.to_lowercase())).unwrap_or_default();
                format!(": {words} words, {}/100{next}", e.score)
            },
            t.dim(),
        ),
    ]));
    match app.readiness() {
        Some(r) => {
            let met = r.items.iter().filter(|i| i.met).count();
            extra.push(Line::from(vec![
                Span::styled("   Readiness ", t.heading()),
                Span::styled(key_for(Context::Home, Action::Checklist), t.key()),
                Span::styled(
                    format!(": {}/100 · {met} of {} checks met", r.score, r.items.len()),
                    t.dim(),
                ),
            ]));
            if app.kit().profile.interview_date.is_some() {
                for step in app.today_plan().into_iter().take(3) {
                    extra.push(Line::from(Span::styled(
                        format!("   Today: {}", safe(&crate::tui::next_step::say(&step))),
                        t.emphasis(),
                    )));
                }
            } else if !app.first_run() {
                extra.push(Line::from(vec![
                    Span::styled("   Interview date ", t.heading()),
                    Span::styled(key_for(Context::Home, Action::Profile), t.key()),
                    Span::styled(
                        ": not set — set it for a countdown and a daily plan",
                        t.dim(),
                    ),
                ]));
            }
        }
        None if !app.kit().stories.is_empty() => extra.push(Line::from(vec![
            Span::styled("   Readiness: ", t.heading()),
            Span::styled("scoring your stories…", t.dim()),
        ])),
        None => {}
    }
    extra
}
