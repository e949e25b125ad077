//! One line of typed text with a cursor: the stories filter, the metrics
//! quiz's answer, the troubleshooting prompt. The editing is
//! ratatui-textarea's (as in the story editor), held to one line: Enter,
//! Tab and a pasted line break never split it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui_textarea::TextArea;

use super::widgets::safe;

/// Drawn where the cursor is.
pub const CURSOR: &str = "▏";

/// The input's own keys, for the help of a screen with one.
pub const KEYS_HELP: &str = "In the line: ←/→ and Home/End move the cursor; Backspace and Delete delete; Ctrl-w deletes a word, Ctrl-u to the start, Ctrl-k to the end; paste works.";

/// As [`KEYS_HELP`], where ← and → scroll something else.
pub const KEYS_HELP_NO_ARROWS: &str = "In the line: Home/End (Ctrl-a/Ctrl-e) and Ctrl-b/Ctrl-f move the cursor; Backspace and Delete delete; Ctrl-w deletes a word, Ctrl-u to the start, Ctrl-k to the end; paste works.";

#[derive(Debug, Clone, Default)]
pub struct TextInput {
    area: TextArea<'static>,
}

impl PartialEq for TextInput {
    fn eq(&self, other: &TextInput) -> bool {
        self.text() == other.text() && self.cursor() == other.cursor()
    }
}

impl Eq for TextInput {}

impl TextInput {
    /// `text` (on one line), with the cursor at its end.
    pub fn new(text: &str) -> TextInput {
        let mut input = TextInput::default();
        input.paste(text);
        input
    }

    pub fn text(&self) -> &str {
        self.area.lines().first().map_or("", String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }

    /// Characters before the cursor.
    pub fn cursor(&self) -> usize {
        self.area.cursor().1
    }

    /// Replaces the text, the cursor at its end.
    pub fn set(&mut self, text: &str) {
        *self = TextInput::new(text);
    }

    /// The text, leaving the input empty.
    pub fn take(&mut self) -> String {
        let text = self.text().to_string();
        self.clear();
        text
    }

    pub fn clear(&mut self) {
        *self = TextInput::default();
    }

    /// Edits with `key`; true when the text changed (a cursor move alone
    /// is false). Keys that mean nothing on one line are left alone, so
    /// the caller can give them a meaning.
    pub fn handle_key(&mut self, key: &KeyEvent) -> bool {
        let before = self.text().to_string();
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Char(c) if !ctrl && !alt && !c.is_control() => self.area.insert_char(c),
            // As in a shell: Ctrl-u deletes to the start of the line (the
            // text area's own Ctrl-u undoes).
            KeyCode::Char('u') if ctrl => {
                self.area.delete_line_by_head();
            }
            // The text area's keys that stay on the line: Ctrl-a/e/b/f/h/d/
            // k/w, Alt-b/f/d, and the keys below.
            KeyCode::Char('a' | 'e' | 'b' | 'f' | 'h' | 'd' | 'k' | 'w') if ctrl => {
                self.area.input(*key);
            }
            KeyCode::Char('b' | 'f' | 'd') if alt => {
                self.area.input(*key);
            }
            KeyCode::Backspace
            | KeyCode::Delete
            | KeyCode::Left
            | KeyCode::Right
            | KeyCode::Home
            | KeyCode::End => {
                self.area.input(*key);
            }
            _ => return false,
        }
        self.text() != before
    }

    /// Inserts `text` at the cursor, its line breaks and tabs as spaces
    /// and other control characters left out; true when the text changed.
    pub fn paste(&mut self, text: &str) -> bool {
        let flat: String = text
            .replace("\r\n", " ")
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        !flat.is_empty() && self.area.insert_str(flat)
    }

    /// The text before and after the cursor.
    pub fn split(&self) -> (&str, &str) {
        let text = self.text();
        let at = text
            .char_indices()
            .nth(self.cursor())
            .map_or(text.len(), |(i, _)| i);
        text.split_at(at)
    }

    /// The text as drawn: made safe, with the cursor mark at the cursor.
    pub fn spans(&self, text: Style, cursor: Style) -> Vec<Span<'static>> {
        let (before, after) = self.split();
        vec![
            Span::styled(safe(before), text),
            Span::styled(CURSOR, cursor),
            Span::styled(safe(after), text),
        ]
    }

    /// As [`TextInput::spans`], in `width` columns: as much of the text as
    /// fits around the cursor, which is always shown.
    pub fn spans_within(&self, width: usize, text: Style, cursor: Style) -> Vec<Span<'static>> {
        let chars: Vec<char> = safe(self.text()).chars().collect();
        let at = self.cursor().min(chars.len());
        // Room for the text and the cursor mark.
        let room = width.saturating_sub(1);
        let start = at.saturating_sub(room);
        let end = (start + room).min(chars.len());
        vec![
            Span::styled(chars[start..at].iter().collect::<String>(), text),
            Span::styled(CURSOR, cursor),
            Span::styled(chars[at..end].iter().collect::<String>(), text),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(input: &mut TextInput, code: KeyCode) -> bool {
        input.handle_key(&KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn ctrl(input: &mut TextInput, c: char) -> bool {
        input.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
    }

    fn typed(input: &mut TextInput, text: &str) {
        for c in text.chars() {
            press(input, KeyCode::Char(c));
        }
    }

    fn shown(input: &TextInput) -> String {
        let (before, after) = input.split();
        format!("{before}|{after}")
    }

    #[test]
    fn typing_inserts_at_the_cursor_which_moves_left_right_home_and_end() {
        let mut input = TextInput::default();
        typed(&mut input, "chckout");
        assert_eq!(shown(&input), "chckout|");
        for _ in 0..5 {
            assert!(!press(&mut input, KeyCode::Left), "a move changes no text");
        }
        assert_eq!(shown(&input), "ch|ckout");
        typed(&mut input, "e");
        assert_eq!(shown(&input), "che|ckout");
        press(&mut input, KeyCode::Home);
        assert_eq!(shown(&input), "|checkout");
        press(&mut input, KeyCode::Right);
        assert_eq!(input.cursor(), 1);
        press(&mut input, KeyCode::End);
        assert_eq!(shown(&input), "checkout|");
        // Past either end the cursor stays put.
        press(&mut input, KeyCode::Right);
        assert_eq!(shown(&input), "checkout|");
        press(&mut input, KeyCode::Home);
        press(&mut input, KeyCode::Left);
        assert_eq!(shown(&input), "|checkout");
    }

    #[test]
    fn backspace_deletes_before_the_cursor_and_delete_after_it() {
        let mut input = TextInput::new("database");
        press(&mut input, KeyCode::Left);
        press(&mut input, KeyCode::Left);
        assert!(press(&mut input, KeyCode::Backspace));
        assert_eq!(shown(&input), "datab|se");
        assert!(press(&mut input, KeyCode::Delete));
        assert_eq!(shown(&input), "datab|e");
        press(&mut input, KeyCode::Home);
        assert!(!press(&mut input, KeyCode::Backspace), "nothing before");
        press(&mut input, KeyCode::End);
        assert!(!press(&mut input, KeyCode::Delete), "nothing after");
        assert_eq!(input.text(), "databe");
    }

    #[test]
    fn wide_and_accented_characters_are_one_step_each() {
        let mut input = TextInput::new("決済é");
        press(&mut input, KeyCode::Left);
        assert_eq!(shown(&input), "決済|é");
        press(&mut input, KeyCode::Backspace);
        assert_eq!(shown(&input), "決|é");
    }

    #[test]
    fn the_line_never_breaks() {
        let mut input = TextInput::new("a");
        assert!(!press(&mut input, KeyCode::Enter));
        assert!(!press(&mut input, KeyCode::Tab));
        assert!(!ctrl(&mut input, 'm'));
        assert!(!ctrl(&mut input, 'j'));
        assert!(input.paste("b\nc\r\nd\te\u{1b}f"));
        assert_eq!(input.text(), "ab c d ef");
        assert_eq!(input.cursor(), 9);
    }

    #[test]
    fn paste_goes_in_at_the_cursor() {
        let mut input = TextInput::new("pool exhaustion");
        for _ in 0.."exhaustion".len() {
            press(&mut input, KeyCode::Left);
        }
        input.paste("connection ");
        assert_eq!(shown(&input), "pool connection |exhaustion");
    }

    #[test]
    fn shell_keys_delete_words_and_to_either_end() {
        let mut input = TextInput::new("kubectl get pods");
        assert!(ctrl(&mut input, 'w'));
        assert_eq!(shown(&input), "kubectl get |");
        press(&mut input, KeyCode::Left);
        press(&mut input, KeyCode::Left);
        assert!(ctrl(&mut input, 'k'));
        assert_eq!(shown(&input), "kubectl ge|");
        assert!(ctrl(&mut input, 'u'));
        assert_eq!(shown(&input), "|");
        assert!(!ctrl(&mut input, 'c'), "Ctrl-c is not the input's");
    }

    #[test]
    fn take_empties_and_set_puts_the_cursor_at_the_end() {
        let mut input = TextInput::new("one");
        assert_eq!(input.take(), "one");
        assert!(input.is_empty());
        input.set("two words");
        assert_eq!(shown(&input), "two words|");
    }

    #[test]
    fn drawn_with_the_cursor_where_it_is_and_kept_in_view_when_narrow() {
        let mut input = TextInput::new("abcdefghij");
        for _ in 0..3 {
            press(&mut input, KeyCode::Left);
        }
        let text = |spans: Vec<Span>| {
            spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
        };
        let plain = Style::default();
        assert_eq!(text(input.spans(plain, plain)), "abcdefg▏hij");
        // Five columns: four characters and the cursor, which stays in view.
        assert_eq!(text(input.spans_within(5, plain, plain)), "defg▏");
        press(&mut input, KeyCode::Home);
        assert_eq!(text(input.spans_within(5, plain, plain)), "▏abcd");
    }
}
