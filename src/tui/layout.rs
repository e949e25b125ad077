//! Where things go on screen. Drawing uses these functions and records
//! what it drew where (`frame_areas`), so a click lands on what was drawn.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this, the app says the terminal is too small instead of drawing.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// A title line, the screen, and the footer of key hints.
pub struct Chrome {
    pub header: Rect,
    pub body: Rect,
    pub footer: Rect,
}

pub fn chrome(area: Rect) -> Chrome {
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Chrome {
        header,
        body,
        footer,
    }
}

/// Rows of the welcome panel shown on an empty data directory: its text
/// wraps onto more rows on a narrow terminal.
pub fn welcome_rows(width: u16) -> u16 {
    if width >= 100 { 9 } else { 12 }
}

/// The rectangles of the five playbook steps on the home screen, leaving
/// `reserved` rows at the bottom (for the narrative, warnings, problems).
pub fn home_steps(area: Rect, first_run: bool, reserved: u16) -> [Rect; 5] {
    let body = chrome(area).body;
    let top = if first_run {
        body.y + welcome_rows(area.width).min(body.height)
    } else {
        body.y + 1
    };
    let bottom = (body.y + body.height).saturating_sub(reserved).max(top);
    // Three rows a step when there is room, two, or one (title only).
    let free = bottom.saturating_sub(top);
    let per = match free {
        f if f >= 15 => 3,
        f if f >= 10 => 2,
        _ => 1,
    };
    let mut steps = [Rect::default(); 5];
    for (i, rect) in steps.iter_mut().enumerate() {
        let y = top + per * i as u16;
        let height = per.min(bottom.saturating_sub(y));
        *rect = Rect::new(body.x, y, body.width, height);
    }
    steps
}

/// Rows `lines` take when wrapped at `width` columns, word by word as a
/// wrapping paragraph draws them.
pub fn wrapped_rows(lines: &[ratatui::text::Line], width: u16) -> u16 {
    let rows = ratatui::widgets::Paragraph::new(lines.to_vec())
        .wrap(ratatui::widgets::Wrap { trim: false })
        .line_count(width.max(1));
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// How far text of `rows` rows scrolls in a pane of `height` rows: to
/// where its last row is at the bottom, and no further.
pub fn max_scroll(rows: u16, height: u16) -> u16 {
    rows.saturating_sub(height)
}

/// How far `lines` scroll in the rows of `inner`, wrapped to its width.
pub fn scroll_limit(lines: &[ratatui::text::Line], inner: Rect) -> u16 {
    max_scroll(wrapped_rows(lines, inner.width), inner.height)
}

/// `scroll`, held to where the last of `lines` is at the bottom of `inner`
/// (a resize can leave a scroll position past the new end).
pub fn scroll_within(lines: &[ratatui::text::Line], inner: Rect, scroll: u16) -> u16 {
    scroll.min(scroll_limit(lines, inner))
}

/// The part of the terminal the screens draw in: all of it, less the rows
/// a wrapped message takes beyond the footer's own.
pub fn screen_area(area: Rect, status_rows: u16) -> Rect {
    let extra = status_rows.saturating_sub(1);
    Rect::new(
        area.x,
        area.y,
        area.width,
        area.height.saturating_sub(extra),
    )
}

/// The stories screen: the list beside the detail on a wide terminal, above
/// it on a narrow one.
pub struct StoriesLayout {
    pub list: Rect,
    /// The rows inside the list's border where stories are drawn.
    pub list_rows: Rect,
    pub detail: Rect,
}

pub fn stories(area: Rect) -> StoriesLayout {
    let body = chrome(area).body;
    let (list, detail) = if body.width >= 100 {
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
                .areas(body);
        (list, detail)
    } else {
        let list_height = (body.height / 3).clamp(5, 12);
        let [list, detail] =
            Layout::vertical([Constraint::Length(list_height), Constraint::Min(3)]).areas(body);
        (list, detail)
    };
    let list_rows = Rect::new(
        list.x + 1,
        list.y + 1,
        list.width.saturating_sub(2),
        list.height.saturating_sub(2),
    );
    StoriesLayout {
        list,
        list_rows,
        detail,
    }
}

/// The first row shown of a list of `len` rows in `height` rows: the list
/// pages, so the selected row is always visible and clicks map back without
/// state; the last page ends at the last row, never in blank space.
pub fn list_offset(selected: usize, height: usize, len: usize) -> usize {
    if height == 0 {
        return 0;
    }
    ((selected / height) * height).min(len.saturating_sub(height))
}

/// The editor: fields and the focused input on the left, the live score on
/// the right (below on a narrow terminal).
pub struct EditorLayout {
    pub fields: Rect,
    pub input: Rect,
    pub score: Rect,
}

pub fn editor(area: Rect) -> EditorLayout {
    let body = chrome(area).body;
    let score_width = if body.width >= 100 { 40 } else { 30 };
    let [left, score] =
        Layout::horizontal([Constraint::Min(30), Constraint::Length(score_width)]).areas(body);
    let [fields, input] =
        Layout::vertical([Constraint::Length(11), Constraint::Min(4)]).areas(left);
    EditorLayout {
        fields,
        input,
        score,
    }
}

/// A box centred in `area`, at most `width` x `height`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
