//! The story editor: one multi-line input per field, in playbook order, with
//! the score recomputed as the user types.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::kit::template::parse_metric_line;
use crate::kit::{Fields, Story, StoryField};
use crate::score::{Dimension, StoryScore, score_story};

/// A field of the editor: its label, the story field it fills, a hint of
/// what belongs there, and the dimension it feeds (for the live advice).
#[derive(Clone, Copy)]
pub struct FieldSpec {
    pub label: &'static str,
    pub field: StoryField,
    pub hint: &'static str,
    pub dimension: Option<Dimension>,
}

impl FieldSpec {
    const fn of(field: StoryField) -> FieldSpec {
        FieldSpec {
            label: field.label(),
            field,
            hint: field.hint(),
            dimension: Dimension::of_field(field),
        }
    }
}

/// The editor's rows: every story field, in [`StoryField::ALL`] order.
pub const FIELDS: [FieldSpec; StoryField::ALL.len()] = {
    let mut fields = [FieldSpec::of(StoryField::Title); StoryField::ALL.len()];
    let mut i = 0;
    while i < fields.len() {
        fields[i] = FieldSpec::of(StoryField::ALL[i]);
        i += 1;
    }
    fields
};

pub struct EditorState {
    /// The id of the story being edited; `None` for a new story.
    pub editing: Option<String>,
    /// The story as it was opened, to tell whether anything changed.
    pub original: Story,
    pub inputs: Vec<TextArea<'static>>,
    pub focus: usize,
    /// The live score of what is typed.
    pub score: StoryScore,
}

/// A multi-line input holding `text`, wrapping words, the cursor after the
/// text. Every editor field is one.
pub fn text_input(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.split('\n').map(str::to_string).collect()
    };
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(ratatui::style::Style::default());
    // Open with the cursor after the text, ready to add to it.
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area
}

impl EditorState {
    pub fn open(editing: Option<String>, story: Story) -> EditorState {
        let inputs = FIELDS
            .iter()
            .map(|spec| text_input(&story.get(spec.field)))
            .collect();
        let score = score_story(&story);
        EditorState {
            editing,
            original: story,
            inputs,
            focus: 0,
            score,
        }
    }

    fn text(&self, index: usize) -> String {
        self.inputs[index].lines().join("\n")
    }

    /// The story as typed. Metric lines that do not parse are left out here
    /// (they are reported by [`EditorState::check`]).
    pub fn story(&self) -> Story {
        let mut story = Story {
            id: self.original.id.clone(),
            questions: self.original.questions.clone(),
            ..Story::default()
        };
        for (i, spec) in FIELDS.iter().enumerate() {
            let text = self.text(i);
            let text = if spec.field.multiline() {
                text.trim_end()
            } else {
                text.trim()
            };
            // A metric line that does not read is left out (the lines that
            // read are kept); `check` reports it.
            let _ = story.set(spec.field, text.to_string());
        }
        story
    }

    /// What would stop a save: a title missing, a metric line that does not read.
    pub fn check(&self) -> Result<Story, String> {
        let metrics_index = FIELDS
            .iter()
            .position(|f| f.field == StoryField::Metrics)
            .unwrap_or(7);
        for (n, line) in self.inputs[metrics_index].lines().iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            parse_metric_line(line)
                .map_err(|e| format!("Before/after metrics, line {}: {e}", n + 1))?;
        }
        let story = self.story();
        if story.title.is_empty() {
            return Err("Give the story a title before saving (the first field).".into());
        }
        Ok(story)
    }

    pub fn is_dirty(&self) -> bool {
        let now = self.story();
        let metrics_text_changed = {
            let i = FIELDS
                .iter()
                .position(|f| f.field == StoryField::Metrics)
                .unwrap_or(7);
            let typed: Vec<&str> = self.inputs[i]
                .lines()
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .collect();
            typed.len() != self.original.metrics.len()
        };
        now != normalised(&self.original) || metrics_text_changed
    }

    /// Rescores after an edit.
    pub fn rescore(&mut self) {
        self.score = score_story(&self.story());
    }

    pub fn focused_spec(&self) -> &'static FieldSpec {
        &FIELDS[self.focus]
    }
}

/// The story as the editor would give it back untouched (trailing spaces
/// trimmed), so merely opening and leaving is not a change.
fn normalised(story: &Story) -> Story {
    let mut s = story.clone();
    for field in StoryField::ALL {
        if field == StoryField::Metrics {
            continue;
        }
        let text = s.get(field);
        let text = if field.multiline() {
            text.trim_end().to_string()
        } else {
            text.replace('\n', " ").trim().to_string()
        };
        let _ = s.set(field, text);
    }
    s
}
