//! The editor for design answers, metrics, opinions and the narrative: the
//! item's fields in order, each a multi-line input with a hint, and the
//! evaluation recomputed as the user types.

use ratatui_textarea::TextArea;

use super::editor::text_input;

use crate::evaluate::{self, Evaluation};
use crate::kit::{Design, Metric, MetricKind, Narrative, Opinion, Profile};

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

pub struct FormField {
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
}

const fn field(key: &'static str, label: &'static str, hint: &'static str) -> FormField {
    FormField { key, label, hint }
}

pub const DESIGN_FIELDS: [FormField; 9] = [
    field(
        "title",
        "Title",
        "A name for this answer: \"Monorepo CI/CD at Acme\".",
    ),
    field(
        "prompt",
        "Prompt",
        "ci-cd, kubernetes, multi-region, another built-in id, or your own words.",
    ),
    field(
        "real_system",
        "Real system",
        "Where you built or ran it, first-hand: the system, the scale, your part.",
    ),
    field(
        "requirements",
        "Requirements & questions",
        "What it must do, with numbers, and the questions you would ask first.",
    ),
    field(
        "architecture",
        "Architecture",
        "The components and how they connect.",
    ),
    field(
        "scaling",
        "Scaling & capacity",
        "A capacity estimate with numbers: rps, storage, nodes, headroom.",
    ),
    field(
        "failure_modes",
        "Failure modes",
        "What fails, and what happens then.",
    ),
    field(
        "observability",
        "Observability & SLOs",
        "The SLO with its target and window, and the alerts on it.",
    ),
    field(
        "tradeoffs",
        "Trade-offs",
        "What you chose over what, and why.",
    ),
];

pub const METRIC_FIELDS: [FormField; 5] = [
    field(
        "name",
        "Name",
        "What it measures: \"MTTD for P1 incidents\".",
    ),
    field(
        "kind",
        "Kind",
        "One of: slo, sli, mttd, mttr, oncall, other.",
    ),
    field(
        "before",
        "Before",
        "The value before your work, with its unit: \"8 min\", \"99.5%\", \"38 pages/week\".",
    ),
    field(
        "after",
        "After",
        "The value now: \"90 s\". For an SLO: the target, e.g. \"99.9%\".",
    ),
    field(
        "note",
        "Note",
        "Context: the window (\"over 30 days\"), how it is measured, what changed it.",
    ),
];

pub const OPINION_FIELDS: [FormField; 5] = [
    field(
        "stance",
        "I believe in",
        "Your side, committed: \"SLO-based alerting\".",
    ),
    field(
        "over",
        "Over",
        "The alternative you would not pick: \"threshold alerts on CPU\".",
    ),
    field(
        "because",
        "Because",
        "The reason, in a sentence: the mechanism, not a slogan.",
    ),
    field(
        "evidence",
        "Evidence",
        "Something you lived through, ideally with a number.",
    ),
    field(
        "limits",
        "Where it stops holding",
        "The honest \"it depends, and here is when\" — after the stance.",
    ),
];

pub const NARRATIVE_FIELDS: [FormField; 1] = [field(
    "text",
    "Platform narrative",
    "How your platform work improved developer velocity and reliability — in the first person, with numbers before and after.",
)];

pub const PROFILE_FIELDS: [FormField; 3] = [
    field(
        "interview_date",
        "Interview date",
        "YYYY-MM-DD, e.g. 2026-12-10 (empty for none): home counts down to it.",
    ),
    field("company", "Company", "Where you are interviewing."),
    field(
        "target_role",
        "Target role",
        "The role: \"Senior SRE\", \"Platform engineer\".",
    ),
];

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

    pub fn get(&self, key: &str) -> String {
        match self {
            Item::Design(d) => match key {
                "title" => d.title.clone(),
                "prompt" => d.prompt.clone(),
                other => crate::evaluate::design::section_text(d, other).to_string(),
            },
            Item::Metric(m) => match key {
                "name" => m.name.clone(),
                "kind" => m.kind.as_str().to_string(),
                "before" => m.before.clone(),
                "after" => m.after.clone(),
                _ => m.note.clone(),
            },
            Item::Opinion(o) => match key {
                "stance" => o.stance.clone(),
                "over" => o.over.clone(),
                "because" => o.because.clone(),
                "evidence" => o.evidence.clone(),
                _ => o.limits.clone(),
            },
            Item::Narrative(n) => n.text.clone(),
            Item::Profile(p) => match key {
                "interview_date" => p.interview_date.map(|d| d.to_string()).unwrap_or_default(),
                "company" => p.company.clone(),
                _ => p.target_role.clone(),
            },
        }
    }

    /// Sets a field from typed text; `Err` says what is wrong with it.
    pub fn set(&mut self, key: &str, value: String) -> Result<(), String> {
        match self {
            Item::Design(d) => {
                let slot = match key {
                    "title" => &mut d.title,
                    "prompt" => &mut d.prompt,
                    "real_system" => &mut d.real_system,
                    "requirements" => &mut d.requirements,
                    "architecture" => &mut d.architecture,
                    "scaling" => &mut d.scaling,
                    "failure_modes" => &mut d.failure_modes,
                    "observability" => &mut d.observability,
                    _ => &mut d.tradeoffs,
                };
                *slot = value;
            }
            Item::Metric(m) => match key {
                "name" => m.name = value,
                "kind" => {
                    let wanted = value.trim().to_lowercase();
                    m.kind = MetricKind::ALL
                        .into_iter()
                        .find(|k| {
                            k.as_str() == wanted || (wanted.is_empty() && *k == MetricKind::Other)
                        })
                        .ok_or_else(|| {
                            format!(
                                "Kind `{}` is not one of slo, sli, mttd, mttr, oncall, other.",
                                value.trim()
                            )
                        })?;
                }
                "before" => m.before = value,
                "after" => m.after = value,
                _ => m.note = value,
            },
            Item::Opinion(o) => {
                let slot = match key {
                    "stance" => &mut o.stance,
                    "over" => &mut o.over,
                    "because" => &mut o.because,
                    "evidence" => &mut o.evidence,
                    _ => &mut o.limits,
                };
                *slot = value;
            }
            Item::Narrative(n) => n.text = value,
            Item::Profile(p) => match key {
                "interview_date" => {
                    let day = value.trim();
                    p.interview_date = if day.is_empty() {
                        None
                    } else {
                        Some(chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
                            format!("Interview date `{day}` is not a date: write it as YYYY-MM-DD, e.g. 2026-12-10.")
                        })?)
                    };
                }
                "company" => p.company = value,
                _ => p.target_role = value,
            },
        }
        Ok(())
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
