//! Text from the user's files, made safe to print: a control character
//! (the start of an escape sequence that could retitle the terminal, write
//! the clipboard or clear the screen) never reaches the terminal. Each one is
//! shown as a visible stand-in of one column — `␛` for ESC, `␇` for BEL, `␍`
//! for a carriage return — so the user sees what is in the file. Both faces
//! use this: the CLI for everything it prints, the TUI for every string it draws.

use std::borrow::Cow;

/// For one line of output (a message, a list entry, a cell on screen):
/// every control character becomes its visible stand-in, a newline `␊`
/// included; a tab becomes a space.
pub fn one_line(text: &str) -> Cow<'_, str> {
    shown(text, false)
}

/// For multi-line text (a report, the Markdown cheat sheet): newlines and
/// tabs are kept, a carriage return before a newline is dropped, and every
/// other control character becomes its visible stand-in.
pub fn multi_line(text: &str) -> Cow<'_, str> {
    shown(text, true)
}

fn shown(text: &str, multi: bool) -> Cow<'_, str> {
    let kept = |c: char| !c.is_control() || (multi && matches!(c, '\n' | '\t'));
    if text.chars().all(kept) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if multi && chars.peek() == Some(&'\n') => {}
            '\t' if !multi => out.push(' '),
            c if kept(c) => out.push(c),
            c => out.push(stand_in(c)),
        }
    }
    Cow::Owned(out)
}

/// The Unicode "control picture" of a C0 control or DEL (`␛`, `␇`, `␡`);
/// the replacement character for the C1 controls, which have none.
fn stand_in(c: char) -> char {
    match u32::from(c) {
        code @ 0x00..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}'),
        0x7f => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVIL: &str = "Outage\x1b]0;pwned\x07 and \x1b]52;c;Y2F0\x07\x1b[2J\u{9b}31m\x7f";

    #[test]
    fn no_control_character_survives_and_each_is_shown() {
        for shown in [one_line(EVIL), multi_line(EVIL)] {
            assert!(!shown.chars().any(char::is_control), "{shown:?}");
            assert_eq!(shown, "Outage␛]0;pwned␇ and ␛]52;c;Y2F0␇␛[2J\u{FFFD}31m␡");
        }
    }

    #[test]
    fn one_line_shows_newlines_and_multi_line_keeps_them() {
        let text = "first\r\nsecond\tcolumn\rover";
        assert_eq!(one_line(text), "first␍␊second column␍over");
        assert_eq!(multi_line(text), "first\nsecond\tcolumn␍over");
    }

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        let text = "DNS outage — ünïcode “quotes” 🚨\n";
        assert!(matches!(multi_line(text), Cow::Borrowed(t) if t == text));
        assert!(matches!(one_line("plain"), Cow::Borrowed("plain")));
    }

    #[test]
    fn every_character_keeps_one_column() {
        let controls: String = (0u8..0x20).map(char::from).chain(['\x7f']).collect();
        assert_eq!(
            one_line(&controls).chars().count(),
            controls.chars().count()
        );
    }
}
