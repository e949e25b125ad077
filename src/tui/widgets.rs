//! Small drawing helpers: score bars, text made safe for the terminal, and
//! story text with its evidence highlighted.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::keymap::{Action, Context, key_for};
use super::theme::Theme;

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
