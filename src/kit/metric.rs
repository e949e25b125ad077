//! A reliability metric the user must know cold: "we went from X to Y".

use std::borrow::Cow;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};

use super::field::{FieldError, Fields, text_fields};
use super::format::objects_only;

/// Read through [`MetricKind::from_str`], the one check of a kind for the
/// files and the editors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricKind {
    Slo,
    Sli,
    Mttd,
    Mttr,
    Oncall,
    #[default]
    Other,
}

impl MetricKind {
    pub const ALL: [MetricKind; 6] = [
        MetricKind::Slo,
        MetricKind::Sli,
        MetricKind::Mttd,
        MetricKind::Mttr,
        MetricKind::Oncall,
        MetricKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MetricKind::Slo => "slo",
            MetricKind::Sli => "sli",
            MetricKind::Mttd => "mttd",
            MetricKind::Mttr => "mttr",
            MetricKind::Oncall => "oncall",
            MetricKind::Other => "other",
        }
    }
}

impl FromStr for MetricKind {
    type Err = String;

    /// Reads a kind by its name, in any case (`MTTD`, ` mttd `). `Err`
    /// completes "<the field> ...": "`latency` is not one of slo, sli, ...".
    fn from_str(text: &str) -> Result<MetricKind, String> {
        let wanted = text.trim().to_lowercase();
        MetricKind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = MetricKind::ALL.iter().map(|k| k.as_str()).collect();
                format!("`{}` is not one of {}", text.trim(), names.join(", "))
            })
    }
}

impl<'de> Deserialize<'de> for MetricKind {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let text = String::deserialize(de)?;
        text.parse()
            .map_err(|e| serde::de::Error::custom(format!("kind {e}")))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", default, deny_unknown_fields)]
pub struct Metric {
    pub id: String,
    pub name: String,
    pub kind: MetricKind,
    pub before: String,
    pub after: String,
    pub note: String,
}

text_fields! {
    /// A field of a metric.
    MetricField, "a metric",
    Name = "name", "Name", single,
        "What it measures: \"MTTD for P1 incidents\".";
    Kind = "kind", "Kind", single,
        "One of: slo, sli, mttd, mttr, oncall, other.";
    Before = "before", "Before", single,
        "The value before your work, with its unit: \"8 min\", \"99.5%\", \"38 pages/week\".";
    After = "after", "After", single,
        "The value now: \"90 s\". For an SLO: the target, e.g. \"99.9%\".";
    Note = "note", "Note", multi,
        "Context: the window (\"over 30 days\"), how it is measured, what changed it.";
}

impl Fields for Metric {
    type Field = MetricField;

    fn get(&self, field: MetricField) -> Cow<'_, str> {
        Cow::Borrowed(match field {
            MetricField::Name => &self.name,
            MetricField::Kind => self.kind.as_str(),
            MetricField::Before => &self.before,
            MetricField::After => &self.after,
            MetricField::Note => &self.note,
        })
    }

    /// A blank kind is `other`; a kind that does not read is an error, and
    /// the kind is left as it was.
    fn set(&mut self, field: MetricField, text: String) -> Result<(), FieldError> {
        let slot = match field {
            MetricField::Name => &mut self.name,
            MetricField::Kind => {
                self.kind = if text.trim().is_empty() {
                    MetricKind::Other
                } else {
                    text.parse()
                        .map_err(|e| FieldError::new(format!("{} {e}.", field.label())))?
                };
                return Ok(());
            }
            MetricField::Before => &mut self.before,
            MetricField::After => &mut self.after,
            MetricField::Note => &mut self.note,
        };
        *slot = text;
        Ok(())
    }
}

// Read from a JSON object only, never from an array of values.
objects_only!(Metric);

#[cfg(test)]
mod tests {
    use super::*;

    fn read(kind: &str) -> Result<Metric, String> {
        serde_json::from_str(&format!(r#"{{ "name": "MTTD", "kind": {kind} }}"#))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_kind_is_read_by_one_rule_in_files_and_forms() {
        // Files: the names in any case; an unknown one is an error naming it.
        assert_eq!(read(r#""mttd""#).unwrap().kind, MetricKind::Mttd);
        assert_eq!(read(r#""MTTD""#).unwrap().kind, MetricKind::Mttd);
        let err = read(r#""latency""#).unwrap_err();
        assert!(
            err.starts_with("kind `latency` is not one of slo, sli, mttd, mttr, oncall, other"),
            "{err}"
        );
        // Forms: the same, and a blank kind is `other`.
        let mut m = Metric::default();
        m.set(MetricField::Kind, " Oncall ".into()).unwrap();
        assert_eq!(m.kind, MetricKind::Oncall);
        let err = m.set(MetricField::Kind, "latency".into()).unwrap_err();
        assert_eq!(
            err.message,
            "Kind `latency` is not one of slo, sli, mttd, mttr, oncall, other."
        );
        assert_eq!(
            m.kind,
            MetricKind::Oncall,
            "a bad kind leaves the kind as it was"
        );
        m.set(MetricField::Kind, "  ".into()).unwrap();
        assert_eq!(m.kind, MetricKind::Other);
        // Written back in lower case, as before.
        assert!(
            serde_json::to_string(&m)
                .unwrap()
                .contains(r#""kind":"other""#)
        );
    }
}
