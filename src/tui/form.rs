//! The editor for design answers, metrics, opinions and the narrative: the
//! item's fields in order, each a multi-line input with a hint, and the
//! evaluation recomputed as the user types.

use ratatui_textarea::TextArea;

use super::editor::text_input;

use crate::evaluate::{self, Evaluation};
use crate::kit::template::{parse_item, render_item};
use crate::kit::{
    Design, DesignField, Fields, Metric, MetricField, Narrative, NarrativeField, Opinion,
    OpinionField, Profile, ProfileField,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Design,
    Metric,
    Opinion,
    Narrative,
    Profile,
}

impl FormKind {
    pub fn noun(self) -> &'static str {
        match self {
            FormKind::Design => "design answer",
            FormKind::Metric => "metric",
            FormKind::Opinion => "opinion",
            FormKind::Narrative => "platform narrative",
            FormKind::Profile => "interview details",
        }
    }
}

/// A row of the form: the field's key (as in the files and drafts), label,
/// hint and whether Enter breaks the line — all from the kit's field enum.
#[derive(Clone, Copy)]
pub struct FormField {
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub multiline: bool,
}

/// The rows of a kind's form, from its field enum's `ALL`.
macro_rules! form_fields {
    ($field:ty) => {{
        let blank = FormField {
            key: "",
            label: "",
            hint: "",
            multiline: false,
        };
        let mut rows = [blank; <$field>::ALL.len()];
        let mut i = 0;
        while i < rows.len() {
            let f = <$field>::ALL[i];
            rows[i] = FormField {
                key: f.key(),
                label: f.label(),
                hint: f.hint(),
                multiline: f.multiline(),
            };
            i += 1;
        }
        rows
    }};
}

pub const DESIGN_FIELDS: [FormField; DesignField::ALL.len()] = form_fields!(DesignField);
pub const METRIC_FIELDS: [FormField; MetricField::ALL.len()] = form_fields!(MetricField);
pub const OPINION_FIELDS: [FormField; OpinionField::ALL.len()] = form_fields!(OpinionField);
pub const NARRATIVE_FIELDS: [FormField; NarrativeField::ALL.len()] = form_fields!(NarrativeField);
pub const PROFILE_FIELDS: [FormField; ProfileField::ALL.len()] = form_fields!(ProfileField);

pub fn fields(kind: FormKind) -> &'static [FormField] {
    match kind {
        FormKind::Design => &DESIGN_FIELDS,
        FormKind::Metric => &METRIC_FIELDS,
        FormKind::Opinion => &OPINION_FIELDS,
        FormKind::Narrative => &NARRATIVE_FIELDS,
        FormKind::Profile => &PROFILE_FIELDS,
    }
}

/// One of the items the form edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Design(Design),
    Metric(Metric),
    Opinion(Opinion),
    Narrative(Narrative),
    Profile(Profile),
}

impl Item {
    pub fn kind(&self) -> FormKind {
        match self {
            Item::Design(_) => FormKind::Design,
            Item::Metric(_) => FormKind::Metric,
            Item::Opinion(_) => FormKind::Opinion,
            Item::Narrative(_) => FormKind::Narrative,
            Item::Profile(_) => FormKind::Profile,
        }
    }

    /// A field's text by its key (one of `fields(self.kind())`); empty for
    /// a key the item does not have.
    pub fn get(&self, key: &str) -> String {
        fn read<T: Fields>(item: &T, key: &str) -> String {
            key.parse::<T::Field>()
                .map(|f| item.get(f).into_owned())
                .unwrap_or_default()
        }
        match self {
            Item::Design(d) => read(d, key),
            Item::Metric(m) => read(m, key),
            Item::Opinion(o) => read(o, key),
            Item::Narrative(n) => read(n, key),
            Item::Profile(p) => read(p, key),
        }
    }

    /// Sets a field from typed text; `Err` says what is wrong with it (or
    /// names a key the item does not have).
    pub fn set(&mut self, key: &str, value: String) -> Result<(), String> {
        fn write<T: Fields>(item: &mut T, key: &str, value: String) -> Result<(), String> {
            let field = key.parse::<T::Field>().map_err(|e| e.to_string())?;
            Ok(item.set(field, value)?)
        }
        match self {
            Item::Design(d) => write(d, key, value),
            Item::Metric(m) => write(m, key, value),
            Item::Opinion(o) => write(o, key, value),
            Item::Narrative(n) => write(n, key, value),
            Item::Profile(p) => write(p, key, value),
        }
    }

    /// The item as the `$EDITOR` template.
    pub fn template(&self) -> String {
        match self {
            Item::Design(d) => render_item(d),
            Item::Metric(m) => render_item(m),
            Item::Opinion(o) => render_item(o),
            Item::Narrative(n) => render_item(n),
            Item::Profile(p) => render_item(p),
        }
    }

    /// The template read back over this item, or what is wrong (with its line).
    pub fn from_template(&self, text: &str) -> Result<Item, String> {
        let read = match self {
            Item::Design(d) => parse_item(text, d).map(Item::Design),
            Item::Metric(m) => parse_item(text, m).map(Item::Metric),
            Item::Opinion(o) => parse_item(text, o).map(Item::Opinion),
            Item::Narrative(n) => parse_item(text, n).map(Item::Narrative),
            Item::Profile(p) => parse_item(text, p).map(Item::Profile),
        };
        read.map_err(|e| e.to_string())
    }

    pub fn evaluate(&self) -> Evaluation {
        match self {
            Item::Design(d) => evaluate::design::evaluate(d),
            Item::Metric(m) => evaluate::metric::evaluate(m),
            Item::Opinion(o) => evaluate::opinion::evaluate(o),
            Item::Narrative(n) => evaluate::narrative::evaluate(n),
            Item::Profile(p) => Evaluation::from_checks(vec![evaluate::check(
                "interview_date",
                "Interview date set",
                1,
                p.interview_date.is_some(),
                "home counts down to it and plans each day".into(),
                "Set the date (YYYY-MM-DD) so home can count down and plan the last days.",
            )]),
        }
    }
}

pub struct FormEditor {
    /// The item as opened (its id included).
    pub original: Item,
    /// Id of the item being edited; `None` for a new one.
    pub editing: Option<String>,
    pub inputs: Vec<TextArea<'static>>,
    pub focus: usize,
    pub evaluation: Evaluation,
}

impl FormEditor {
    pub fn open(editing: Option<String>, item: Item) -> FormEditor {
        let inputs = fields(item.kind())
            .iter()
            .map(|f| text_input(&item.get(f.key)))
            .collect();
        let evaluation = item.evaluate();
        FormEditor {
            original: item,
            editing,
            inputs,
            focus: 0,
            evaluation,
        }
    }

    pub fn kind(&self) -> FormKind {
        self.original.kind()
    }

    pub fn fields(&self) -> &'static [FormField] {
        fields(self.kind())
    }

    fn text(&self, i: usize) -> String {
        let text = self.inputs[i].lines().join("\n");
        text.trim_end().to_string()
    }

    /// The item as typed, or what is wrong with a field.
    pub fn item(&self) -> Result<Item, String> {
        let mut item = self.original.clone();
        for (i, f) in self.fields().iter().enumerate() {
            item.set(f.key, self.text(i))?;
        }
        Ok(item)
    }

    /// The item as typed, skipping fields that do not read (for live feedback).
    fn lenient_item(&self) -> Item {
        let mut item = self.original.clone();
        for (i, f) in self.fields().iter().enumerate() {
            let _ = item.set(f.key, self.text(i));
        }
        item
    }

    pub fn reevaluate(&mut self) {
        self.evaluation = self.lenient_item().evaluate();
    }

    /// Changed from what was opened (a blank new metric kind reads as "other").
    pub fn is_dirty(&self) -> bool {
        match self.item() {
            Ok(item) => item != self.original,
            Err(_) => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_metric_kind_must_be_one_of_the_six() {
        let mut item = Item::Metric(Metric::default());
        assert!(item.set("kind", "MTTD".into()).is_ok());
        assert_eq!(item.get("kind"), "mttd");
        let err = item.set("kind", "latency".into()).unwrap_err();
        assert!(err.contains("latency"), "{err}");
    }

    #[test]
    fn a_key_the_item_does_not_have_is_an_error_not_text_in_another_field() {
        // Before typed fields, any unknown key fell through to the last field.
        let mut item = Item::Opinion(Opinion::default());
        let err = item
            .set("limts", "until the error budget".into())
            .unwrap_err();
        assert!(
            err.contains("`limts` is not a field of an opinion"),
            "{err}"
        );
        assert!(err.contains("limits"), "{err}");
        assert_eq!(item, Item::Opinion(Opinion::default()), "nothing written");
        let mut item = Item::Profile(Profile::default());
        assert!(item.set("role", "SRE".into()).is_err());
        assert_eq!(item, Item::Profile(Profile::default()));
    }

    #[test]
    fn every_field_round_trips_through_get_and_set() {
        for kind in [
            FormKind::Design,
            FormKind::Metric,
            FormKind::Opinion,
            FormKind::Narrative,
            FormKind::Profile,
        ] {
            let mut item = match kind {
                FormKind::Design => Item::Design(Design::default()),
                FormKind::Metric => Item::Metric(Metric::default()),
                FormKind::Opinion => Item::Opinion(Opinion::default()),
                FormKind::Narrative => Item::Narrative(Narrative::default()),
                FormKind::Profile => Item::Profile(Profile::default()),
            };
            for f in fields(kind) {
                let value = match f.key {
                    "kind" => "oncall".to_string(),
                    "interview_date" => "2026-12-10".to_string(),
                    _ => format!("text of {}", f.key),
                };
                item.set(f.key, value.clone()).unwrap();
                assert_eq!(item.get(f.key), value, "{kind:?} {}", f.key);
            }
        }
    }
}
