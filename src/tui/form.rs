//! The items the editor edits besides stories — design answers, metrics,
//! opinions, the narrative, the interview details — each read and written
//! field by field through the kit's field enums, and evaluated.

use crate::evaluate::{self, Evaluation};
use crate::kit::template::{parse_item, render_item};
use crate::kit::{Design, Fields, Metric, Narrative, Opinion, Profile};

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

    /// The kind as `draft.json` names it.
    pub fn draft_name(self) -> &'static str {
        match self {
            FormKind::Design => "design",
            FormKind::Metric => "metric",
            FormKind::Opinion => "opinion",
            FormKind::Narrative => "narrative",
            FormKind::Profile => "profile",
        }
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

    /// A field's text by its key (one of its kind's rows); empty for
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::editor::fields;

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
