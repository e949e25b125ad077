//! Reliability metrics known cold: each parsed with its unit, said as the
//! sentence an interviewer wants ("we went from 8 min to 90 s (-81%)", or
//! "I took it from ..." where the note says the user moved it), and
//! flagged when a number, an after, or matching units are missing. Plus the
//! step's checklist and the quiz's answer checking.

use super::{Check, Evaluation, check};
use crate::kit::{Metric, MetricKind};
use crate::score::facts::facts;
use crate::score::quantity::{Dim, Quantity, describe_change, parse_quantity};

/// One metric, read.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricReading {
    pub before: Option<Quantity>,
    pub after: Option<Quantity>,
    /// What to say in the interview.
    pub sentence: String,
    /// What is wrong with it, if anything.
    pub flags: Vec<String>,
}

pub fn read(metric: &Metric) -> MetricReading {
    let before = parse_quantity(&metric.before);
    let after = parse_quantity(&metric.after);
    let name = if metric.name.trim().is_empty() {
        "(unnamed metric)"
    } else {
        metric.name.trim()
    };
    let mut flags = Vec::new();
    if before.is_none() && after.is_none() {
        flags.push(
            "no number: give the value, e.g. \"8 min\", \"99.95%\", \"40 pages/week\"".to_string(),
        );
    }
    if !metric.before.trim().is_empty() && before.is_none() {
        flags.push(format!("before `{}` has no number", metric.before.trim()));
    }
    if !metric.after.trim().is_empty() && after.is_none() {
        flags.push(format!("after `{}` has no number", metric.after.trim()));
    }
    if before.is_some() && metric.after.trim().is_empty() {
        flags.push("a before without an after: where is it now?".to_string());
    }
    let sentence = match (&before, &after) {
        (Some(b), Some(a)) => {
            if !b.comparable(a) {
                flags.push(format!(
                    "units don't match: `{}` and `{}`",
                    metric.before.trim(),
                    metric.after.trim()
                ));
            }
            let change = describe_change(b, a)
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            format!(
                "{name}: {} from {} to {}{change}",
                if owned(metric) {
                    "I took it"
                } else {
                    "we went"
                },
                metric.before.trim(),
                metric.after.trim()
            )
        }
        (None, Some(_)) => format!("{name}: {}", metric.after.trim()),
        (Some(_), None) => format!("{name}: was {}", metric.before.trim()),
        (None, None) => format!("{name}: (no value yet)"),
    };
    MetricReading {
        before,
        after,
        sentence,
        flags,
    }
}

/// The user owns a metric when its note says, in the first person, what
/// they did to move it ("I moved paging to SLO burn rates"): then it is said
/// as "I took it from X to Y"; otherwise as the team's "we went from".
pub fn owned(metric: &Metric) -> bool {
    let note = facts(&metric.note);
    note.first_person && note.did_something
}

/// "99.9% over 30 days": a percentage target and a window.
fn slo_has_target_and_window(metric: &Metric) -> bool {
    let all = format!(
        "{} {} {} {}",
        metric.name, metric.before, metric.after, metric.note
    )
    .to_lowercase();
    let target = [&metric.after, &metric.before]
        .iter()
        .any(|v| parse_quantity(v).is_some_and(|q| q.dim == Dim::Percent));
    let window = [
        "day", "days", "week", "weeks", "month", "quarter", "28d", "30d", "7d", "rolling",
    ]
    .iter()
    .any(|w| {
        all.split(|c: char| !c.is_alphanumeric())
            .any(|word| word == *w)
    });
    target && window
}

fn before_and_after(metric: &Metric) -> bool {
    parse_quantity(&metric.before).is_some() && parse_quantity(&metric.after).is_some()
}

/// The step's checklist: what every candidate should know cold.
pub fn checklist(metrics: &[Metric]) -> Evaluation {
    let of_kind = |kind: MetricKind| metrics.iter().filter(move |m| m.kind == kind);
    let named = |m: &Metric| m.name.trim().to_string();
    let slo = of_kind(MetricKind::Slo).find(|m| slo_has_target_and_window(m));
    let mttd = of_kind(MetricKind::Mttd).find(|m| before_and_after(m));
    let mttr = of_kind(MetricKind::Mttr).find(|m| before_and_after(m));
    let oncall = of_kind(MetricKind::Oncall).find(|m| {
        parse_quantity(&m.after)
            .or_else(|| parse_quantity(&m.before))
            .is_some()
    });
    let checks: Vec<Check> = vec![
        check(
            "slo",
            "An SLO with its target and window",
            1,
            slo.is_some(),
            slo.map(named).unwrap_or_default(),
            "Add an SLO (kind slo) with its target and window: \"99.9% of checkout requests succeed, over 30 days\".",
        ),
        check(
            "mttd",
            "MTTD before and after",
            1,
            mttd.is_some(),
            mttd.map(named).unwrap_or_default(),
            "Add MTTD (kind mttd) with a before and an after: \"8 min -> 90 s\".",
        ),
        check(
            "mttr",
            "MTTR before and after",
            1,
            mttr.is_some(),
            mttr.map(named).unwrap_or_default(),
            "Add MTTR (kind mttr) with a before and an after: \"47 min -> 12 min\".",
        ),
        check(
            "oncall",
            "On-call load",
            1,
            oncall.is_some(),
            oncall.map(named).unwrap_or_default(),
            "Add your on-call load (kind oncall): \"pages per week 38 -> 6\".",
        ),
    ];
    Evaluation::from_checks(checks)
}

/// How a typed quiz answer compares with the value on file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Right,
    Wrong,
    /// The typed answer has no number in it.
    Unreadable,
}

/// Compares allowing unit changes (90 s = 1.5 min) and small rounding (5%);
/// a percentage of 99 or more (an SLO) must match to 0.01 points, since
/// 99.9% and 99.95% are different promises.
pub fn check_answer(expected: &str, typed: &str) -> Verdict {
    let (Some(want), Some(got)) = (parse_quantity(expected), parse_quantity(typed)) else {
        return Verdict::Unreadable;
    };
    let percent = want.dim == Dim::Percent || got.dim == Dim::Percent;
    let right = if percent {
        want.comparable(&got)
            && if want.value >= 99.0 {
                (want.value - got.value).abs() < 0.005
            } else {
                (want.value - got.value).abs() <= 0.5
            }
    } else {
        want.approx_eq(&got, 0.05)
    };
    if right {
        Verdict::Right
    } else {
        Verdict::Wrong
    }
}

/// One metric as a checklist, for the editor's live panel: a number, a
/// before and an after, units that match.
pub fn evaluate(metric: &Metric) -> Evaluation {
    let r = read(metric);
    let number = r.before.is_some() || r.after.is_some();
    let both = r.before.is_some() && r.after.is_some();
    let units = both && r.flags.iter().all(|f| !f.contains("units"));
    let mut evaluation = Evaluation::from_checks(vec![
        check(
            "number",
            "A number",
            1,
            number,
            r.sentence.clone(),
            "Give the value with its unit: \"8 min\", \"99.95%\", \"40 pages/week\".",
        ),
        check(
            "before_after",
            "Before and after",
            1,
            both,
            "from X to Y".into(),
            "Give both: where it was before your work, and where it is now.",
        ),
        check(
            "units",
            "Units that match",
            1,
            units,
            "comparable".into(),
            "Use the same kind of unit before and after (minutes and seconds mix; minutes and % do not).",
        ),
    ]);
    evaluation.flags = r.flags;
    evaluation
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(name: &str, kind: MetricKind, before: &str, after: &str, note: &str) -> Metric {
        Metric {
            id: String::new(),
            name: name.into(),
            kind,
            before: before.into(),
            after: after.into(),
            note: note.into(),
        }
    }

    #[test]
    fn a_metric_is_said_as_a_sentence_with_its_change() {
        let r = read(&m(
            "MTTD for P1 incidents",
            MetricKind::Mttd,
            "8 min",
            "90 s",
            "",
        ));
        assert_eq!(
            r.sentence,
            "MTTD for P1 incidents: we went from 8 min to 90 s (-81%, 5.3x less)"
        );
        assert!(r.flags.is_empty());
    }

    #[test]
    fn a_metric_the_note_says_you_moved_is_said_in_the_first_person() {
        let mine = read(&m(
            "MTTD for P1 incidents",
            MetricKind::Mttd,
            "8 min",
            "90 s",
            "I rebuilt the alerting on SLO burn rates.",
        ));
        assert_eq!(
            mine.sentence,
            "MTTD for P1 incidents: I took it from 8 min to 90 s (-81%, 5.3x less)"
        );
        let team = read(&m(
            "MTTD for P1 incidents",
            MetricKind::Mttd,
            "8 min",
            "90 s",
            "measured over 30 days",
        ));
        assert!(
            team.sentence.contains(": we went from 8 min"),
            "{}",
            team.sentence
        );
    }

    #[test]
    fn missing_numbers_afters_and_mismatched_units_are_flagged() {
        assert!(
            !read(&m("MTTR", MetricKind::Mttr, "slow", "fast", ""))
                .flags
                .is_empty()
        );
        let r = read(&m("MTTR", MetricKind::Mttr, "42 min", "", ""));
        assert!(
            r.flags.iter().any(|f| f.contains("without an after")),
            "{:?}",
            r.flags
        );
        let r = read(&m("MTTR", MetricKind::Mttr, "42 min", "12%", ""));
        assert!(
            r.flags.iter().any(|f| f.contains("units don't match")),
            "{:?}",
            r.flags
        );
    }

    #[test]
    fn the_checklist_wants_an_slo_with_window_mttd_mttr_and_oncall() {
        let mut metrics = vec![m("Checkout availability", MetricKind::Slo, "", "99.9%", "")];
        assert!(!checklist(&metrics).checks[0].met(), "no window yet");
        metrics[0].note = "over 30 days".into();
        metrics.push(m("MTTD", MetricKind::Mttd, "8 min", "90 s", ""));
        metrics.push(m("MTTR", MetricKind::Mttr, "47 min", "", ""));
        metrics.push(m("Pages per week", MetricKind::Oncall, "38", "6", ""));
        let e = checklist(&metrics);
        let met: Vec<bool> = e.checks.iter().map(Check::met).collect();
        assert_eq!(met, [true, true, false, true]);
        assert_eq!(e.score, 75);
    }

    #[test]
    fn quiz_answers_allow_units_and_rounding_but_not_other_values() {
        assert_eq!(check_answer("90 s", "1.5 min"), Verdict::Right);
        assert_eq!(check_answer("90 s", "9 min"), Verdict::Wrong);
        assert_eq!(check_answer("8 min", "8m"), Verdict::Right);
        assert_eq!(check_answer("47 min", "45 minutes"), Verdict::Right);
        assert_eq!(check_answer("99.95%", "99.9%"), Verdict::Wrong);
        assert_eq!(check_answer("99.95%", "99.95 %"), Verdict::Right);
        assert_eq!(check_answer("40 pages/week", "40"), Verdict::Right);
        assert_eq!(check_answer("8 min", "no idea"), Verdict::Unreadable);
    }
}
