//! The story editor: one multi-line input per field, in playbook order, with
//! the score recomputed as the user types.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::kit::Story;
use crate::kit::template::{metric_line, parse_metric_line};
use crate::score::{Dimension, StoryScore, score_story};

/// A field of the editor: its label, the story field it fills, a hint of
/// what belongs there, and the dimension it feeds (for the live advice).
pub struct FieldSpec {
    pub label: &'static str,
    pub field: &'static str,
    pub hint: &'static str,
    pub dimension: Option<Dimension>,
}

pub const FIELDS: [FieldSpec; 9] = [
    FieldSpec {
        label: "Title",
        field: "title",
        hint: "A name you will recognise: \"Checkout DB pool exhaustion\".",
        dimension: None,
    },
    FieldSpec {
        label: "Blast radius",
        field: "blast_radius",
        hint: "Who and what was hurt, how many, for how long, what it cost.",
        dimension: Some(Dimension::BlastRadius),
    },
    FieldSpec {
        label: "My role",
        field: "role",
        hint: "What I did, with \"I\": my incident role and my actions.",
        dimension: Some(Dimension::Role),
    },
    FieldSpec {
        label: "Decision",
        field: "decision",
        hint: "The call I made, the option I did not take, why, and the risk.",
        dimension: Some(Dimension::Decision),
    },
    FieldSpec {
        label: "Fix",
        field: "fix",
        hint: "What broke, technically, and the concrete change that fixed it.",
        dimension: Some(Dimension::Fix),
    },
    FieldSpec {
        label: "How I found the root cause",
        field: "root_cause",
        hint: "The first drill-down question: which graph, log or tool, what it showed.",
        dimension: Some(Dimension::Fix),
    },
    FieldSpec {
        label: "Systemic change",
        field: "systemic_change",
        hint: "What changed for good: detection, prevention, mitigation, process.",
        dimension: Some(Dimension::SystemicChange),
    },
    FieldSpec {
        label: "Before/after metrics",
        field: "metrics",
        hint: "One a line: name: before -> after   e.g. MTTR: 42 min -> 11 min",
        dimension: Some(Dimension::Numbers),
    },
    FieldSpec {
        label: "Notes",
        field: "notes",
        hint: "Private notes, never scored or spoken: likely follow-ups, caveats.",
        dimension: None,
    },
];

/// The label of a story field, as the editor and the detail pane head it.
pub fn field_label(field: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|f| f.field == field)
        .map_or("Notes", |f| f.label)
}

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
            .map(|spec| {
                if spec.field == "metrics" {
                    let lines: Vec<String> = story
                        .metrics
                        .iter()
                        .map(|m| metric_line(m).trim_start_matches("- ").to_string())
                        .collect();
                    text_input(&lines.join("\n"))
                } else {
                    text_input(story.text_field(spec.field).unwrap_or(""))
                }
            })
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
            match spec.field {
                "title" => story.title = text.replace('\n', " ").trim().to_string(),
                "blast_radius" => story.blast_radius = text.trim_end().to_string(),
                "role" => story.role = text.trim_end().to_string(),
                "decision" => story.decision = text.trim_end().to_string(),
                "fix" => story.fix = text.trim_end().to_string(),
                "root_cause" => story.root_cause = text.trim_end().to_string(),
                "systemic_change" => story.systemic_change = text.trim_end().to_string(),
                "metrics" => {
                    story.metrics = text
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .filter_map(|l| parse_metric_line(l).ok())
                        .collect();
                }
                _ => story.notes = text.trim_end().to_string(),
            }
        }
        story
    }

    /// What would stop a save: a title missing, a metric line that does not read.
    pub fn check(&self) -> Result<Story, String> {
        let metrics_index = FIELDS
            .iter()
            .position(|f| f.field == "metrics")
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
                .position(|f| f.field == "metrics")
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
    for text in [
        &mut s.blast_radius,
        &mut s.role,
        &mut s.decision,
        &mut s.fix,
        &mut s.root_cause,
        &mut s.systemic_change,
        &mut s.notes,
    ] {
        *text = text.trim_end().to_string();
    }
    s.title = s.title.replace('\n', " ").trim().to_string();
    s
}
