//! A reliability metric the user must know cold: "we went from X to Y".

use serde::{Deserialize, Serialize};

use super::format::objects_only;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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

// Read from a JSON object only, never from an array of values.
objects_only!(Metric);
