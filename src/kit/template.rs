//! A story as a plain-text template for `$EDITOR`: one heading per field in
//! playbook order, the user's words under each. Parsing it back is strict: an
//! unknown heading or a bad metric line is an error naming the line, so
//! nothing typed is silently dropped.

use std::fmt::Write as _;

use super::field::{Fields, TextField};
use super::{Story, StoryField, StoryMetric};

/// One metric as a template line: `- MTTR: 42 min -> 11 min`.
pub fn metric_line(metric: &StoryMetric) -> String {
    format!("- {}: {} -> {}", metric.name, metric.before, metric.after)
}

/// Reads `name: before -> after` (a leading `- ` allowed).
pub fn parse_metric_line(line: &str) -> Result<StoryMetric, String> {
    let line = line.trim().trim_start_matches(['-', '*']).trim();
    let (name, values) = line
        .split_once(':')
        .ok_or("write a metric as `name: before -> after`, e.g. `MTTR: 42 min -> 11 min`")?;
    let (before, after) = values
        .split_once("->")
        .or_else(|| values.split_once('→'))
        .ok_or("a metric needs `before -> after`, e.g. `MTTR: 42 min -> 11 min`")?;
    let metric = StoryMetric {
        name: name.trim().to_string(),
        before: before.trim().to_string(),
        after: after.trim().to_string(),
    };
    if metric.name.is_empty() {
        return Err("the metric has no name before the `:`".into());
    }
    Ok(metric)
}

/// Renders the story as the template: a `# Label` heading per field of
/// [`StoryField::ALL`], the metrics as `- name: before -> after` lines.
pub fn render(story: &Story) -> String {
    let mut out = String::new();
    for field in StoryField::ALL {
        let _ = writeln!(out, "# {}", field.label());
        if field == StoryField::Metrics {
            for metric in &story.metrics {
                let _ = writeln!(out, "{}", metric_line(metric));
            }
        } else {
            let text = story.get(field);
            if !text.is_empty() {
                let _ = writeln!(out, "{}", text.trim_end());
            }
        }
        out.push('\n');
    }
    out
}

/// What went wrong reading the template back, with its line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Reads the template into `base` (whose id and questions are kept).
pub fn parse(text: &str, base: &Story) -> Result<Story, TemplateError> {
    let mut story = Story {
        id: base.id.clone(),
        questions: base.questions.clone(),
        ..Story::default()
    };
    for (field, first_line, text) in sections::<StoryField>(text)? {
        story.set(field, text).map_err(|e| TemplateError {
            line: first_line + e.line.unwrap_or(1) - 1,
            message: e.message,
        })?;
    }
    Ok(story)
}

/// The template's sections, in the order of `F::all()`: for each field
/// whose heading appears, the line its text starts on (1-based, in `text`)
/// and that text, trimmed.
fn sections<F: TextField>(text: &str) -> Result<Vec<(F, usize, String)>, TemplateError> {
    let labels: Vec<&str> = F::all().iter().map(|f| f.label()).collect();
    Ok(F::all()
        .iter()
        .zip(read_sections(text, &labels)?)
        .filter_map(|(&field, section)| section.map(|(line, text)| (field, line, text)))
        .collect())
}

/// A design answer, metric, opinion, the narrative or the interview details
/// as a template: `# Label` then the text, for each field in order.
pub fn render_item<T: Fields>(item: &T) -> String {
    let fields: Vec<(&str, String)> = <T::Field as TextField>::all()
        .iter()
        .map(|&f| (f.label(), item.get(f).into_owned()))
        .collect();
    render_fields(&fields)
}

/// Reads a template of [`render_item`] back into a copy of `base`: every
/// field takes its section's text (a missing section empties the field);
/// a heading or a value that does not read is an error naming its line.
pub fn parse_item<T: Fields + Clone>(text: &str, base: &T) -> Result<T, TemplateError> {
    let found = sections::<T::Field>(text)?;
    let mut item = base.clone();
    for &field in <T::Field as TextField>::all() {
        let (line, value) = found
            .iter()
            .find(|(f, _, _)| *f == field)
            .map_or((1, String::new()), |(_, line, text)| (*line, text.clone()));
        item.set(field, value).map_err(|e| TemplateError {
            line: line + e.line.unwrap_or(1) - 1,
            message: e.message,
        })?;
    }
    Ok(item)
}

/// Any item as a template: `# Label` then its text, for each field.
pub fn render_fields(fields: &[(&str, String)]) -> String {
    let mut out = String::new();
    for (label, value) in fields {
        let _ = writeln!(out, "# {label}");
        if !value.is_empty() {
            let _ = writeln!(out, "{}", value.trim_end());
        }
        out.push('\n');
    }
    out
}

/// Reads a template of `labels` back: one text per label, in order. Unknown
/// or repeated headings and text before the first heading are errors naming
/// the line.
pub fn parse_fields(text: &str, labels: &[&str]) -> Result<Vec<String>, TemplateError> {
    Ok(read_sections(text, labels)?
        .into_iter()
        .map(|section| section.map(|(_, text)| text).unwrap_or_default())
        .collect())
}

/// One entry per label: `None` when its heading is absent, else the line
/// its text starts on (its first line with words on it, 1-based) and the
/// text, trimmed. Unknown or repeated headings and text before the first
/// heading are errors naming the line.
fn read_sections(
    text: &str,
    labels: &[&str],
) -> Result<Vec<Option<(usize, String)>>, TemplateError> {
    let mut bodies: Vec<Option<Vec<(usize, &str)>>> = vec![None; labels.len()];
    let mut current: Option<usize> = None;
    for (n, line) in text.lines().enumerate() {
        let number = n + 1;
        if let Some(heading) = line.strip_prefix("# ") {
            let heading = heading.trim();
            let Some(i) = labels.iter().position(|l| l.eq_ignore_ascii_case(heading)) else {
                return Err(TemplateError {
                    line: number,
                    message: format!(
                        "unknown heading `# {heading}` — the headings are: {}",
                        labels.join(", ")
                    ),
                });
            };
            if bodies[i].is_some() {
                return Err(TemplateError {
                    line: number,
                    message: format!("`# {heading}` appears twice — merge the two parts"),
                });
            }
            bodies[i] = Some(Vec::new());
            current = Some(i);
        } else if let Some(i) = current {
            if let Some(lines) = bodies[i].as_mut() {
                lines.push((number, line));
            }
        } else if !line.trim().is_empty() {
            return Err(TemplateError {
                line: number,
                message: format!(
                    "`{}` comes before any heading — put it under one of the `# ...` headings",
                    line.trim()
                ),
            });
        }
    }
    Ok(bodies
        .into_iter()
        .map(|body| {
            body.map(|lines| {
                let first = lines
                    .iter()
                    .find(|(_, l)| !l.trim().is_empty())
                    .map_or(1, |(n, _)| *n);
                let text: Vec<&str> = lines.iter().map(|(_, l)| *l).collect();
                (first, text.join("\n").trim().to_string())
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> Story {
        Story {
            id: "dns".into(),
            title: "DNS outage".into(),
            blast_radius: "12% of lookups failed\nfor 20 minutes.".into(),
            role: "I was on call.".into(),
            metrics: vec![StoryMetric {
                name: "MTTR".into(),
                before: "42 min".into(),
                after: "11 min".into(),
            }],
            questions: vec!["critical-incident".into()],
            notes: "# not a heading inside notes? it is one, so avoid it".replace("# ", "#"),
            ..Story::default()
        }
    }

    #[test]
    fn render_then_parse_gives_the_story_back() {
        let s = story();
        assert_eq!(parse(&render(&s), &s).unwrap(), s);
    }

    #[test]
    fn an_unknown_heading_names_its_line() {
        let text = "# Title\nX\n\n# Blast radus\nsomething\n";
        let err = parse(text, &Story::default()).unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.message.contains("Blast radus"), "{err}");
    }

    #[test]
    fn a_bad_metric_line_names_its_line() {
        let text = "# Before/after metrics\n- MTTR: 42 min -> 11 min\n- pages went down\n";
        let err = parse(text, &Story::default()).unwrap_err();
        assert_eq!(err.line, 3);
    }

    #[test]
    fn fields_render_and_parse_back() {
        let fields = [
            ("I believe in", "SLOs".to_string()),
            ("Because", "two\nlines".to_string()),
        ];
        let text = render_fields(&fields);
        assert_eq!(
            parse_fields(&text, &["I believe in", "Because"]).unwrap(),
            ["SLOs", "two\nlines"]
        );
        let err = parse_fields("# Becuase\nx", &["I believe in", "Because"]).unwrap_err();
        assert_eq!(err.line, 1);
    }

    #[test]
    fn text_before_any_heading_is_an_error_not_lost() {
        let err = parse("stray words\n# Title\nX\n", &Story::default()).unwrap_err();
        assert_eq!(err.line, 1);
    }

    use std::fmt::Debug;

    use proptest::prelude::*;

    use crate::kit::{Design, Metric, MetricKind, Narrative, Opinion, Profile, TextField};

    /// What the user may type into a field that the template gives back:
    /// any words over several lines (blank ones too), trimmed at both ends,
    /// no line opening with `# ` (that line is a heading).
    fn prose() -> impl Strategy<Value = String> {
        proptest::collection::vec("[a-zA-Z0-9#%:>.,'()/ -]{0,24}", 1..5).prop_map(|lines| {
            lines
                .join("\n")
                .trim()
                .lines()
                .map(|l| {
                    if l.starts_with("# ") {
                        format!("x{l}")
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    /// Metric lines as the editor shows them: `name: before -> after`.
    fn metric_lines() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            (
                "[A-Za-z][A-Za-z0-9 ()]{0,12}",
                "[0-9a-z %.]{0,8}",
                "[0-9a-z %./>-]{0,8}",
            ),
            0..4,
        )
        .prop_map(|metrics| {
            metrics
                .iter()
                .map(|(name, before, after)| {
                    format!("{}: {} -> {}", name.trim(), before.trim(), after.trim())
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    /// The text typed into each field of a kind, in `F::all()` order: the
    /// metrics, a kind or a date where a field takes one; one line where
    /// the field is one line.
    #[derive(Debug, Clone)]
    struct Typed {
        prose: Vec<String>,
        metrics: String,
        kind: MetricKind,
        date: Option<chrono::NaiveDate>,
    }

    /// More texts than any kind has fields.
    fn typed() -> impl Strategy<Value = Typed> {
        (
            proptest::collection::vec(prose(), 16),
            metric_lines(),
            proptest::sample::select(MetricKind::ALL.to_vec()),
            proptest::option::of((2000i32..2100, 1u32..366)),
        )
            .prop_map(|(prose, metrics, kind, day)| Typed {
                prose,
                metrics,
                kind,
                date: day.and_then(|(y, d)| chrono::NaiveDate::from_yo_opt(y, d)),
            })
    }

    impl Typed {
        fn text<F: TextField>(&self, i: usize, field: F) -> String {
            match field.key() {
                "metrics" => self.metrics.clone(),
                "kind" => self.kind.as_str().to_string(),
                "interview_date" => self.date.map(|d| d.to_string()).unwrap_or_default(),
                _ if field.multiline() => self.prose[i].clone(),
                // Joined into one line, it must still not open with `# `.
                _ => {
                    let line = self.prose[i].replace('\n', " ");
                    if line.starts_with("# ") {
                        format!("x{line}")
                    } else {
                        line
                    }
                }
            }
        }

        /// An item with every field typed.
        fn item<T: Fields + Default>(&self) -> T {
            let mut item = T::default();
            for (i, &field) in <T::Field as TextField>::all().iter().enumerate() {
                item.set(field, self.text(i, field)).unwrap();
                assert_eq!(item.get(field), self.text(i, field), "{field:?}");
            }
            item
        }
    }

    fn item_round_trips<T: Fields + Default + Clone + PartialEq + Debug>(typed: &Typed) {
        let item: T = typed.item();
        let text = render_item(&item);
        // Every field has its heading, in order.
        let headings: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("# ")).collect();
        let labels: Vec<&str> = <T::Field as TextField>::all()
            .iter()
            .map(|f| f.label())
            .collect();
        assert_eq!(headings, labels);
        assert_eq!(parse_item(&text, &T::default()).unwrap(), item, "{text}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn every_field_of_every_kind_comes_back_from_its_template(typed in typed()) {
            let mut story: Story = typed.item();
            story.id = "dns".into();
            story.questions = vec!["critical-incident".into()];
            let text = render(&story);
            let headings: Vec<&str> =
                text.lines().filter_map(|l| l.strip_prefix("# ")).collect();
            let labels: Vec<&str> = StoryField::ALL.iter().map(|f| f.label()).collect();
            prop_assert_eq!(headings, labels);
            prop_assert_eq!(parse(&text, &story).unwrap(), story);

            item_round_trips::<Design>(&typed);
            item_round_trips::<Metric>(&typed);
            item_round_trips::<Opinion>(&typed);
            item_round_trips::<Narrative>(&typed);
            item_round_trips::<Profile>(&typed);
        }
    }

    #[test]
    fn a_value_a_field_cannot_take_names_its_line_in_the_template() {
        let base = Metric::default();
        let mut text = render_item(&base);
        text = text.replace("# Kind\nother\n", "# Kind\n\nlatency\n");
        let err = parse_item(&text, &base).unwrap_err();
        assert_eq!(
            (err.line, err.message.as_str()),
            (
                5,
                "Kind `latency` is not one of slo, sli, mttd, mttr, oncall, other."
            ),
            "{text}"
        );
        let err = parse_item("# Interview date\nsoon\n", &Profile::default()).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("`soon` is not a date"), "{err}");
    }
}
