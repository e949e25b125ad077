//! The one editor, for a story and for a design answer, a metric, an
//! opinion, the narrative or the interview details alike: the fields in
//! their typed order, each a multi-line input with a hint, and the live
//! verdict — the story's score, the item's evaluation — recomputed as the
//! user types.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::form::{FormKind, Item};
use crate::evaluate::Evaluation;
use crate::kit::template::parse_metric_line;
use crate::kit::{
    DesignField, Fields, MetricField, NarrativeField, OpinionField, ProfileField, Story, StoryField,
};
use crate::score::{Dimension, StoryScore, score_story};
use crate::store::{Draft, FormDraft};

/// A row of the editor: the field's key (as in the files and drafts), its
/// label, a hint of what belongs there, whether Enter breaks the line, and
/// the story dimension it feeds (for the live advice) — all from the kit's
/// field enums.
#[derive(Clone, Copy)]
pub struct Row {
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub multiline: bool,
    pub dimension: Option<Dimension>,
}

/// The story editor's rows: every story field, in [`StoryField::ALL`] order.
pub const STORY_ROWS: [Row; StoryField::ALL.len()] = {
    let blank = Row {
        key: "",
        label: "",
        hint: "",
        multiline: false,
        dimension: None,
    };
    let mut rows = [blank; StoryField::ALL.len()];
    let mut i = 0;
    while i < rows.len() {
        let field = StoryField::ALL[i];
        rows[i] = Row {
            key: field.key(),
            label: field.label(),
            hint: field.hint(),
            multiline: field.multiline(),
            dimension: Dimension::of_field(field),
        };
        i += 1;
    }
    rows
};

/// The rows of an item's editor, from its field enum's `ALL`.
macro_rules! form_fields {
    ($field:ty) => {{
        let blank = Row {
            key: "",
            label: "",
            hint: "",
            multiline: false,
            dimension: None,
        };
        let mut rows = [blank; <$field>::ALL.len()];
        let mut i = 0;
        while i < rows.len() {
            let f = <$field>::ALL[i];
            rows[i] = Row {
                key: f.key(),
                label: f.label(),
                hint: f.hint(),
                multiline: f.multiline(),
                dimension: None,
            };
            i += 1;
        }
        rows
    }};
}

pub const DESIGN_FIELDS: [Row; DesignField::ALL.len()] = form_fields!(DesignField);
pub const METRIC_FIELDS: [Row; MetricField::ALL.len()] = form_fields!(MetricField);
pub const OPINION_FIELDS: [Row; OpinionField::ALL.len()] = form_fields!(OpinionField);
pub const NARRATIVE_FIELDS: [Row; NarrativeField::ALL.len()] = form_fields!(NarrativeField);
pub const PROFILE_FIELDS: [Row; ProfileField::ALL.len()] = form_fields!(ProfileField);

pub fn fields(kind: FormKind) -> &'static [Row] {
    match kind {
        FormKind::Design => &DESIGN_FIELDS,
        FormKind::Metric => &METRIC_FIELDS,
        FormKind::Opinion => &OPINION_FIELDS,
        FormKind::Narrative => &NARRATIVE_FIELDS,
        FormKind::Profile => &PROFILE_FIELDS,
    }
}

/// What the editor edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Story(Story),
    Item(Item),
}

/// The live verdict on what is typed.
pub enum Verdict {
    /// A story's score, dimension by dimension.
    Score(Box<StoryScore>),
    /// A design answer's, metric's, opinion's ... evaluation.
    Evaluation(Evaluation),
}

pub struct Editor {
    /// What was opened (its id included), to tell whether anything changed.
    pub original: Subject,
    /// The story's id or the item's index being edited; `None` for a new one.
    pub editing: Option<String>,
    pub inputs: Vec<TextArea<'static>>,
    pub focus: usize,
    pub verdict: Verdict,
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

impl Editor {
    /// The editor on a story (`editing` its id; `None` for a new story).
    pub fn story(editing: Option<String>, story: Story) -> Editor {
        Editor::open(editing, Subject::Story(story))
    }

    /// The editor on an item (`editing` its index; `None` for a new one).
    pub fn item(editing: Option<String>, item: Item) -> Editor {
        Editor::open(editing, Subject::Item(item))
    }

    fn open(editing: Option<String>, subject: Subject) -> Editor {
        let inputs = match &subject {
            Subject::Story(story) => StoryField::ALL
                .iter()
                .map(|&f| text_input(&story.get(f)))
                .collect(),
            Subject::Item(item) => fields(item.kind())
                .iter()
                .map(|f| text_input(&item.get(f.key)))
                .collect(),
        };
        let verdict = verdict_of(&subject);
        Editor {
            original: subject,
            editing,
            inputs,
            focus: 0,
            verdict,
        }
    }

    /// The item's kind; `None` on a story.
    pub fn kind(&self) -> Option<FormKind> {
        match &self.original {
            Subject::Story(_) => None,
            Subject::Item(item) => Some(item.kind()),
        }
    }

    pub fn rows(&self) -> &'static [Row] {
        match self.kind() {
            None => &STORY_ROWS,
            Some(kind) => fields(kind),
        }
    }

    pub fn focused_row(&self) -> &'static Row {
        &self.rows()[self.focus]
    }

    /// Puts the cursor in `field` of a story.
    pub fn focus_on(&mut self, field: StoryField) {
        self.focus = field.index();
    }

    fn text(&self, index: usize) -> String {
        self.inputs[index].lines().join("\n")
    }

    /// The story as typed (on a story). Metric lines that do not parse are
    /// left out here (they are reported by [`Editor::check`]).
    pub fn typed_story(&self) -> Option<Story> {
        let Subject::Story(original) = &self.original else {
            return None;
        };
        let mut story = Story {
            id: original.id.clone(),
            questions: original.questions.clone(),
            ..Story::default()
        };
        for (i, &field) in StoryField::ALL.iter().enumerate() {
            let text = self.text(i);
            let text = if field.multiline() {
                text.trim_end()
            } else {
                text.trim()
            };
            // A metric line that does not read is left out (the lines that
            // read are kept); `check` reports it.
            let _ = story.set(field, text.to_string());
        }
        Some(story)
    }

    /// The item as typed (on an item), or what is wrong with a field.
    fn typed_item(&self, original: &Item) -> Result<Item, String> {
        let mut item = original.clone();
        for (i, f) in fields(item.kind()).iter().enumerate() {
            item.set(f.key, self.text(i).trim_end().to_string())?;
        }
        Ok(item)
    }

    /// What is typed, or what would stop a save: a story's title missing or
    /// a metric line that does not read; an item's field that does not read.
    pub fn check(&self) -> Result<Subject, String> {
        match &self.original {
            Subject::Story(_) => {
                let metrics = StoryField::Metrics.index();
                for (n, line) in self.inputs[metrics].lines().iter().enumerate() {
                    if line.trim().is_empty() {
                        continue;
                    }
                    parse_metric_line(line)
                        .map_err(|e| format!("Before/after metrics, line {}: {e}", n + 1))?;
                }
                let story = self.typed_story().unwrap_or_default();
                if story.title.is_empty() {
                    return Err("Give the story a title before saving (the first field).".into());
                }
                Ok(Subject::Story(story))
            }
            Subject::Item(original) => self.typed_item(original).map(Subject::Item),
        }
    }

    /// What is typed, skipping what does not read (for the live verdict).
    fn lenient(&self) -> Subject {
        match &self.original {
            Subject::Story(_) => Subject::Story(self.typed_story().unwrap_or_default()),
            Subject::Item(original) => {
                let mut item = original.clone();
                for (i, f) in fields(item.kind()).iter().enumerate() {
                    let _ = item.set(f.key, self.text(i).trim_end().to_string());
                }
                Subject::Item(item)
            }
        }
    }

    /// Works the verdict out again after an edit.
    pub fn reevaluate(&mut self) {
        self.verdict = verdict_of(&self.lenient());
    }

    /// Changed from what was opened (a blank new metric kind reads as
    /// "other"; a metric line that does not read is a change).
    pub fn is_dirty(&self) -> bool {
        match &self.original {
            Subject::Story(original) => {
                let typed_lines = self.inputs[StoryField::Metrics.index()]
                    .lines()
                    .iter()
                    .filter(|l| !l.trim().is_empty())
                    .count();
                self.typed_story().as_ref() != Some(&normalised(original))
                    || typed_lines != original.metrics.len()
            }
            Subject::Item(original) => match self.typed_item(original) {
                Ok(item) => item != *original,
                Err(_) => true,
            },
        }
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.inputs.len();
    }

    pub fn previous_field(&mut self) {
        let n = self.inputs.len();
        self.focus = (self.focus + n - 1) % n;
    }

    /// A key typed into the focused field: Enter moves on from a one-line
    /// field rather than breaking the line.
    pub fn type_key(&mut self, key: &KeyEvent) {
        if key.code == KeyCode::Enter && !self.focused_row().multiline {
            self.next_field();
            return;
        }
        if self.inputs[self.focus].input(*key) {
            self.reevaluate();
        }
    }

    pub fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if self.inputs[self.focus].insert_str(text) {
            self.reevaluate();
        }
    }

    /// The unsaved text, as a draft for `draft.json` (`None` when nothing
    /// changed).
    pub fn draft(&self) -> Option<Draft> {
        if !self.is_dirty() {
            return None;
        }
        Some(match self.kind() {
            None => Draft {
                editing: self.editing.clone().unwrap_or_default(),
                story: self.typed_story().unwrap_or_default(),
                form: None,
            },
            Some(kind) => {
                let fields: BTreeMap<String, String> = self
                    .rows()
                    .iter()
                    .zip(&self.inputs)
                    .map(|(f, input)| (f.key.to_string(), input.lines().join("\n")))
                    .collect();
                Draft {
                    form: Some(FormDraft {
                        kind: kind.draft_name().to_string(),
                        index: self.editing.as_deref().and_then(|i| i.parse().ok()),
                        fields,
                    }),
                    ..Draft::default()
                }
            }
        })
    }

    /// The story's live score (on a story).
    pub fn score(&self) -> Option<&StoryScore> {
        match &self.verdict {
            Verdict::Score(score) => Some(score),
            Verdict::Evaluation(_) => None,
        }
    }

    /// The item's live evaluation (on an item).
    pub fn evaluation(&self) -> Option<&Evaluation> {
        match &self.verdict {
            Verdict::Evaluation(evaluation) => Some(evaluation),
            Verdict::Score(_) => None,
        }
    }
}

fn verdict_of(subject: &Subject) -> Verdict {
    match subject {
        Subject::Story(story) => Verdict::Score(Box::new(score_story(story))),
        Subject::Item(item) => Verdict::Evaluation(item.evaluate()),
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

#[cfg(test)]
mod tests {
    use crossterm::event::KeyModifiers;

    use super::*;
    use crate::kit::{Metric, MetricField};

    fn press(editor: &mut Editor, code: KeyCode) {
        editor.type_key(&KeyEvent::new(code, KeyModifiers::NONE));
    }

    fn typed(editor: &mut Editor, text: &str) {
        for c in text.chars() {
            press(editor, KeyCode::Char(c));
        }
    }

    #[test]
    fn a_story_and_a_metric_are_edited_alike_field_by_field() {
        let mut story = Editor::story(None, Story::default());
        let mut metric = Editor::item(None, Item::Metric(Metric::default()));
        assert_eq!(story.rows().len(), StoryField::ALL.len());
        assert_eq!(metric.rows().len(), MetricField::ALL.len());
        for editor in [&mut story, &mut metric] {
            assert!(!editor.is_dirty(), "opened, nothing typed");
            typed(editor, "MTTD");
            // The first field is one line: Enter moves on, not a line break.
            press(editor, KeyCode::Enter);
            assert_eq!(editor.focus, 1);
            assert!(editor.is_dirty());
            assert_eq!(editor.inputs[0].lines(), ["MTTD"]);
        }
        // The second field of a story is many lines: Enter breaks the line.
        typed(&mut story, "For 26 minutes");
        press(&mut story, KeyCode::Enter);
        typed(&mut story, "9% of payments failed.");
        assert_eq!(story.focus, 1);
        let typed_story = story.typed_story().unwrap();
        assert_eq!(typed_story.title, "MTTD");
        assert_eq!(
            typed_story.blast_radius,
            "For 26 minutes\n9% of payments failed."
        );
        assert!(story.score().is_some_and(|s| s.total > 0));
        assert!(metric.evaluation().is_some() && metric.score().is_none());
    }

    #[test]
    fn what_would_stop_a_save_is_said_for_a_story_and_an_item() {
        let story = Editor::story(None, Story::default());
        assert_eq!(
            story.check().unwrap_err(),
            "Give the story a title before saving (the first field)."
        );
        let mut metric = Editor::item(None, Item::Metric(Metric::default()));
        metric.focus = MetricField::Kind.index();
        // As the app opens a new metric: its kind empty, not pre-typed.
        metric.inputs[metric.focus] = TextArea::default();
        typed(&mut metric, "latency");
        let err = metric.check().unwrap_err();
        assert!(err.contains("latency"), "{err}");
        // Its unsaved text is a draft of the metric form, field by field.
        let draft = metric.draft().unwrap();
        let form = draft.form.unwrap();
        assert_eq!(form.kind, "metric");
        assert_eq!(form.fields.get("kind").map(String::as_str), Some("latency"));
    }
}
