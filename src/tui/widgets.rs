//! Small drawing helpers: score bars, text made safe for the terminal,
//! story text with its evidence highlighted, and the panels more than one
//! screen draws (a story's score, an evaluation and its arithmetic, the
//! interview countdown).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use chrono::NaiveDate;

use super::keymap::{Action, Context, key_for};
use super::theme::Theme;
use crate::evaluate::{Evaluation, NoteKind};
use crate::kit::{CORE_DESIGN_PROMPTS, Kit, Profile};
use crate::score::{Dimension, StoryScore};

/// Text from a file, made safe to draw: control characters (escape
/// sequences among them) never reach the terminal; tabs become spaces.
pub fn safe(text: &str) -> String {
    crate::printable::one_line(text).into_owned()
}

/// "■■■□□" for a score out of 5.
pub fn score_bar(score: u8, theme: Theme) -> Span<'static> {
    let filled = usize::from(score.min(5));
    Span::styled(
        format!("{}{}", "■".repeat(filled), "□".repeat(5 - filled)),
        theme.score(score),
    )
}

/// "▰▰▰▱▱  72" for a total out of 100, `cells` wide bar.
pub fn total_bar(total: u8, cells: usize, theme: Theme) -> Vec<Span<'static>> {
    let filled = (usize::from(total.min(100)) * cells + 50) / 100;
    vec![
        Span::styled("▰".repeat(filled), theme.total(total)),
        Span::styled("▱".repeat(cells - filled), theme.dim()),
        Span::styled(format!(" {total:>3}"), theme.total(total)),
    ]
}

/// `text` as lines, with byte ranges styled (the first style wins where
/// ranges overlap). Ranges not on char boundaries are ignored.
pub fn highlighted(text: &str, marks: &[(usize, usize, Style)], base: Style) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut line_start = 0;
    for raw_line in text.split('\n') {
        let line_end = line_start + raw_line.len();
        let mut spans = Vec::new();
        let mut at = line_start;
        let mut inside: Vec<&(usize, usize, Style)> = marks
            .iter()
            .filter(|(s, e, _)| *s < line_end && *e > line_start && s < e)
            .filter(|(s, e, _)| text.is_char_boundary(*s) && text.is_char_boundary(*e))
            .collect();
        inside.sort_by_key(|(s, _, _)| *s);
        for (s, e, style) in inside {
            let (s, e) = ((*s).max(at), (*e).min(line_end));
            if s >= e {
                continue;
            }
            if s > at {
                spans.push(Span::styled(safe(&text[at..s]), base));
            }
            spans.push(Span::styled(safe(&text[s..e]), base.patch(*style)));
            at = e;
        }
        if at < line_end {
            spans.push(Span::styled(safe(&text[at..line_end]), base));
        }
        lines.push(Line::from(spans));
        line_start = line_end + 1;
    }
    lines
}

/// One row of an editor's field list: marker, label, word count, preview.
pub fn field_row(
    label: &str,
    lines: &[String],
    focused: bool,
    width: usize,
    theme: Theme,
) -> Line<'static> {
    let words: usize = lines.iter().map(|l| l.split_whitespace().count()).sum();
    let preview = lines
        .iter()
        .find(|l| !l.trim().is_empty())
        .cloned()
        .unwrap_or_default();
    // Narrow: the label (cut if it must) and the word count, no preview.
    let label_width = 27.min(width.saturating_sub(9));
    let label = pad(&clip(label, label_width), label_width);
    Line::from(vec![
        Span::styled(if focused { "▸ " } else { "  " }, theme.key()),
        Span::styled(
            label,
            if focused {
                theme.selected()
            } else {
                theme.heading()
            },
        ),
        Span::styled(format!("{words:>4}w "), theme.dim()),
        Span::styled(clip(&preview, width.saturating_sub(40)), theme.dim()),
    ])
}

/// The four answer buttons, each with the interval it would give:
/// " 1 Again (again today)   2 Hard (1 day) ...".
pub fn rating_buttons(intervals: [u32; 4], theme: Theme) -> Line<'static> {
    let mut buttons = Vec::new();
    for (rating, days) in crate::drill::srs::Rating::ALL.iter().zip(intervals) {
        let when = match days {
            0 => "again today".to_string(),
            1 => "1 day".to_string(),
            d => format!("{d} days"),
        };
        let key = key_for(Context::Review, Action::Rate(*rating as u8));
        buttons.push(Span::styled(format!(" {key} "), theme.key()));
        buttons.push(Span::raw(format!("{} ({when})  ", rating.label())));
    }
    Line::from(buttons)
}

/// A field open for typing: a box with the field's name on top and its
/// hint below — on the bottom border if it fits there, else wrapped inside
/// the box under the text, never cut.
pub fn input_box(
    label: &str,
    hint: &str,
    input: &ratatui_textarea::TextArea<'_>,
    theme: Theme,
    area: ratatui::layout::Rect,
    buf: &mut ratatui::buffer::Buffer,
) {
    use ratatui::layout::Rect;
    use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
    let hint = format!(" {hint} ");
    let fits = width(&hint) + 2 <= usize::from(area.width);
    let mut block = Block::bordered()
        .border_style(theme.focused_border())
        .title(clip(
            &format!(" {label} "),
            usize::from(area.width.saturating_sub(2)),
        ));
    if fits {
        block = block.title_bottom(Line::from(Span::styled(hint.clone(), theme.dim())));
    }
    let inner = block.inner(area);
    block.render(area, buf);
    let mut text_area = inner;
    if !fits && inner.height >= 2 {
        // Wrapped under the text if that leaves rows to type in, else
        // abbreviated on one row.
        let room = inner.height / 2;
        let mut lines = vec![Line::from(Span::styled(
            hint.trim().to_string(),
            theme.dim(),
        ))];
        let mut rows = crate::tui::layout::wrapped_rows(&lines, inner.width);
        if rows > room {
            lines = vec![Line::from(Span::styled(
                clip(hint.trim(), usize::from(inner.width)),
                theme.dim(),
            ))];
            rows = 1;
        }
        let at = inner.y + inner.height - rows;
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(Rect::new(inner.x, at, inner.width, rows), buf);
        text_area = Rect::new(inner.x, inner.y, inner.width, inner.height - rows);
    }
    input.render(text_area, buf);
}

/// "2:45" for a number of seconds.
pub fn minutes(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Columns `text` takes on screen: a CJK character or an emoji takes two.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts `text` to `width` columns, with an ellipsis when cut; measured on
/// screen, so wide characters count twice and are never cut in half.
pub fn clip(text: &str, width: usize) -> String {
    let text = safe(text);
    if self::width(&text) <= width {
        return text;
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut cut = String::new();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        cut.push(c);
    }
    if width > 0 {
        cut.push('…');
    }
    cut
}

/// `text` followed by spaces up to `width` columns (on screen).
pub fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(self::width(text));
    format!("{text}{}", " ".repeat(fill))
}

/// The score panel: total, spoken length, six bars with their first advice.
pub fn score_panel(score: &StoryScore, t: Theme, advice: bool) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(vec![
        Span::styled("Score ", t.heading()),
        Span::styled(
            format!("{}/100", score.total),
            t.total(score.total)
                .add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::styled(
            format!(
                " · {} words · ~{} spoken",
                score.words,
                minutes(score.spoken_seconds)
            ),
            t.dim(),
        ),
    ])];
    let penalty = score.penalty();
    if penalty > 0 {
        lines.push(Line::from(Span::styled(
            format!("  -{penalty} for hedges and vague amounts"),
            t.warn(),
        )));
    }
    for d in Dimension::ALL {
        let dim = score.dimensions.get(d);
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<21}", d.label()),
                t.evidence(d)
                    .remove_modifier(ratatui::style::Modifier::UNDERLINED),
            ),
            score_bar(dim.score, t),
            Span::styled(format!(" {}", dim.score), t.score(dim.score)),
        ]));
        if advice && let Some(tip) = dim.advice.first() {
            lines.push(Line::from(Span::styled(format!("  › {tip}"), t.dim())));
        }
    }
    lines
}

/// The lines of an evaluation: score, flags, then each check met or not.
/// `compact` shows the advice of the first unmet check only (the next thing
/// to do), for the narrow live panel of the editor.
pub fn evaluation_lines(e: &Evaluation, t: Theme, compact: bool) -> Vec<Line<'static>> {
    let next = e.next().map(|c| c.id);
    let mut lines = vec![Line::from(vec![
        Span::styled("Score ", t.heading()),
        Span::styled(format!("{}/100", e.score), t.total(e.score)),
    ])];
    for flag in &e.flags {
        lines.push(Line::from(Span::styled(
            format!("! {}", safe(flag)),
            t.bad(),
        )));
    }
    for c in &e.checks {
        let (mark, style) = if c.met() {
            ("✓", t.good())
        } else if c.points > 0 {
            ("◐", t.warn())
        } else {
            ("✗", t.bad())
        };
        let detail = if compact && !c.met() && Some(c.id) != next {
            String::new()
        } else {
            format!(": {}", safe(&c.detail))
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark} "), style),
            Span::styled(c.label.to_string(), t.heading()),
            Span::styled(detail, if c.met() { t.dim() } else { t.warn() }),
        ]));
    }
    lines
}

/// The arithmetic an answer states, checked: each sum with ✓ when the
/// answer's figure agrees, ! when it does not. `compact` (the editor's
/// live panel) folds what is still to work out into one line.
pub fn notes_lines(e: &Evaluation, t: Theme, compact: bool) -> Vec<Line<'static>> {
    if e.notes.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::from(Span::styled("Arithmetic", t.heading()))];
    let mut to_do = Vec::new();
    for n in &e.notes {
        let (mark, mark_style, style) = match n.kind {
            NoteKind::Agrees => ("✓", t.good(), t.dim()),
            NoteKind::Off => ("!", t.bad(), t.warn()),
            NoteKind::ToDo if compact => {
                to_do.push(n.what.to_lowercase());
                continue;
            }
            NoteKind::ToDo => ("·", t.dim(), t.dim()),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark} "), mark_style),
            Span::styled(safe(&n.text), style),
        ]));
    }
    if !to_do.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("· ", t.dim()),
            Span::styled(format!("To work out: {}.", to_do.join(", ")), t.dim()),
        ]));
    }
    lines
}

/// "ci-cd ✓ kubernetes ✗ multi-region ✗": the three prompts the playbook
/// asks for at the least (a minimum, not a ranking).
pub fn core_coverage(kit: &Kit) -> (usize, String) {
    let mut covered = 0;
    let parts: Vec<String> = CORE_DESIGN_PROMPTS
        .iter()
        .map(|p| {
            let has = kit.designs.iter().any(|d| d.prompt.trim() == *p);
            covered += usize::from(has);
            format!("{p} {}", if has { "✓" } else { "✗" })
        })
        .collect();
    (covered, parts.join(" "))
}

/// "12 days to your interview at Acme" (or `None` without a date).
pub fn days_left(profile: &Profile, today: NaiveDate) -> Option<String> {
    let date = profile.interview_date?;
    let days = (date - today).num_days();
    let at = if profile.company.trim().is_empty() {
        String::new()
    } else {
        format!(" at {}", clip(&profile.company, 20))
    };
    Some(match days {
        0 => format!("interview{at} today"),
        1 => format!("1 day to your interview{at}"),
        d if d > 1 => format!("{d} days to your interview{at}"),
        -1 => format!("interview date{at} passed yesterday — i sets the next"),
        d => format!(
            "interview date{at} passed {} days ago — i sets the next",
            -d
        ),
    })
}

/// "12 days left" (or "interview today"), for a narrow header.
pub fn days_left_short(profile: &Profile, today: NaiveDate) -> Option<String> {
    let date = profile.interview_date?;
    Some(match (date - today).num_days() {
        0 => "interview today".to_string(),
        1 => "1 day left".to_string(),
        d if d > 1 => format!("{d} days left"),
        _ => "interview date passed".to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        let evil = "ok\x1b[2J\x1b]0;pwned\x07 done\r";
        let shown = safe(evil);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        assert!(shown.starts_with("ok"));
    }

    #[test]
    fn clipping_measures_what_the_terminal_shows() {
        // Four CJK characters take eight columns.
        assert_eq!(width("事故対応"), 8);
        assert_eq!(clip("事故対応", 8), "事故対応");
        assert_eq!(clip("事故対応", 7), "事故対…");
        assert_eq!(
            width(&clip("事故対応", 6)),
            5,
            "a wide character is never cut in half"
        );
        assert_eq!(clip("🔥🔥🔥 outage", 6), "🔥🔥…");
        assert_eq!(pad("事故", 6), "事故  ");
        assert_eq!(clip("abc", 0), "");
    }

    #[test]
    fn highlights_split_lines_and_respect_boundaries() {
        let text = "I rolled back\nMTTR 8 min";
        let style = Style::new().underlined();
        let lines = highlighted(text, &[(2, 8, style), (19, 24, style)], Style::new());
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].spans[1].content, "rolled");
        assert_eq!(lines[1].spans[1].content, "8 min");
    }
}
