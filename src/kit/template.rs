//! A story as a plain-text template for `$EDITOR`: one heading per field in
//! playbook order, the user's words under each. Parsing it back is strict: an
//! unknown heading or a bad metric line is an error naming the line, so
//! nothing typed is silently dropped.

use std::fmt::Write as _;

use super::{Story, StoryMetric};

/// Headings in playbook order, with the field each one fills.
pub const HEADINGS: [(&str, &str); 9] = [
    ("Title", "title"),
    ("Blast radius", "blast_radius"),
    ("My role", "role"),
    ("Decision", "decision"),
    ("Fix", "fix"),
    ("How I found the root cause", "root_cause"),
    ("Systemic change", "systemic_change"),
    ("Before/after metrics", "metrics"),
    ("Notes", "notes"),
];

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

/// Renders the story as the template.
pub fn render(story: &Story) -> String {
    let mut out = String::new();
    for (heading, field) in HEADINGS {
        let _ = writeln!(out, "# {heading}");
        if field == "metrics" {
            for metric in &story.metrics {
                let _ = writeln!(out, "{}", metric_line(metric));
            }
        } else {
            let text = story.text_field(field).unwrap_or("");
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
    let mut current: Option<&str> = None;
    let mut seen: Vec<&str> = Vec::new();
    let mut body: Vec<(usize, &str)> = Vec::new();

    let mut flush = |field: Option<&str>,
                     body: &mut Vec<(usize, &str)>|
     -> Result<(), TemplateError> {
        let Some(field) = field else {
            if let Some((line, text)) = body.iter().find(|(_, t)| !t.trim().is_empty()) {
                return Err(TemplateError {
                    line: *line,
                    message: format!(
                        "`{}` comes before any heading — put it under one of the `# ...` headings",
                        text.trim()
                    ),
                });
            }
            body.clear();
            return Ok(());
        };
        let lines: Vec<&str> = body.iter().map(|(_, t)| *t).collect();
        let text = lines.join("\n").trim().to_string();
        match field {
            "metrics" => {
                for (line, raw) in body.iter() {
                    if raw.trim().is_empty() {
                        continue;
                    }
                    let metric = parse_metric_line(raw).map_err(|message| TemplateError {
                        line: *line,
                        message,
                    })?;
                    story.metrics.push(metric);
                }
            }
            "title" => story.title = text.replace('\n', " "),
            "blast_radius" => story.blast_radius = text,
            "role" => story.role = text,
            "decision" => story.decision = text,
            "fix" => story.fix = text,
            "root_cause" => story.root_cause = text,
            "systemic_change" => story.systemic_change = text,
            _ => story.notes = text,
        }
        body.clear();
        Ok(())
    };

    for (n, line) in text.lines().enumerate() {
        let number = n + 1;
        if let Some(heading) = line.strip_prefix("# ") {
            let heading = heading.trim();
            match HEADINGS
                .iter()
                .find(|(h, _)| h.eq_ignore_ascii_case(heading))
            {
                Some((_, field)) => {
                    if seen.contains(field) {
                        return Err(TemplateError {
                            line: number,
                            message: format!("`# {heading}` appears twice — merge the two parts"),
                        });
                    }
                    flush(current, &mut body)?;
                    seen.push(field);
                    current = Some(field);
                }
                None => {
                    let known: Vec<&str> = HEADINGS.iter().map(|(h, _)| *h).collect();
                    return Err(TemplateError {
                        line: number,
                        message: format!(
                            "unknown heading `# {heading}` — the headings are: {}",
                            known.join(", ")
                        ),
                    });
                }
            }
        } else {
            body.push((number, line));
        }
    }
    flush(current, &mut body)?;
    Ok(story)
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
    let mut values: Vec<Option<Vec<&str>>> = vec![None; labels.len()];
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
            if values[i].is_some() {
                return Err(TemplateError {
                    line: number,
                    message: format!("`# {heading}` appears twice — merge the two parts"),
                });
            }
            values[i] = Some(Vec::new());
            current = Some(i);
        } else if let Some(i) = current {
            if let Some(lines) = values[i].as_mut() {
                lines.push(line);
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
    Ok(values
        .into_iter()
        .map(|lines| {
            lines
                .map(|l| l.join("\n").trim().to_string())
                .unwrap_or_default()
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
}
