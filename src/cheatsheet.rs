//! The cheat sheet: one Markdown document to read before the interview —
//! each story as the answer to say (numbers in bold), the platform
//! narrative, the metrics as "from X to Y" (in the first person where the
//! user moved them), each opinion whole (stance, alternative, reason,
//! evidence, limits), the design answers' key points, and the readiness
//! checklist. Only the user's own kit: never the built-in examples. Plain
//! enough to read in `less`, and safe to: a control character in the user's
//! text is shown, never sent.

use std::fmt::Write as _;

use crate::answer::{NUMBERS_LEAD, compose, emphasise_numbers};
use crate::evaluate::KitEvaluation;
use crate::evaluate::opinion::sentence;
use crate::kit::Kit;
use crate::readiness::Readiness;

fn bold_numbers(text: &str) -> String {
    emphasise_numbers(text)
        .into_iter()
        .map(|s| {
            if s.emphasis {
                format!("**{}**", s.text)
            } else {
                s.text
            }
        })
        .collect()
}

/// A field's text on one line, for a list item.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first sentence of `text`, for a key point.
fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    match text.find(". ") {
        Some(i) => &text[..=i],
        None => text,
    }
}

pub fn render(kit: &Kit, eval: &KitEvaluation, readiness: &Readiness) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Interview cheat sheet");
    let p = &kit.profile;
    let mut who = Vec::new();
    if !p.target_role.trim().is_empty() {
        who.push(p.target_role.trim().to_string());
    }
    if !p.company.trim().is_empty() {
        who.push(format!("at {}", p.company.trim()));
    }
    if let Some(date) = p.interview_date {
        who.push(format!("on {date}"));
    }
    if !who.is_empty() {
        let _ = writeln!(out, "\n{}", who.join(" "));
    }
    let _ = writeln!(
        out,
        "\nReadiness {}/100{}",
        readiness.score,
        if readiness.ready { " — ready" } else { "" }
    );

    let _ = writeln!(out, "\n## Stories\n");
    let mut order: Vec<usize> = (0..kit.stories.len()).collect();
    order.sort_by(|&a, &b| {
        eval.stories[b]
            .summary
            .total
            .cmp(&eval.stories[a].summary.total)
    });
    if order.is_empty() {
        let _ = writeln!(out, "(none yet)");
    }
    for i in order {
        let story = &kit.stories[i];
        let score = &eval.stories[i];
        let _ = writeln!(
            out,
            "### {} ({}/100, about {} s to say)\n",
            story.title.trim(),
            score.summary.total,
            score.spoken_seconds
        );
        for paragraph in compose(story) {
            let text: String = paragraph
                .segments
                .iter()
                .map(|s| {
                    if s.emphasis {
                        format!("**{}**", s.text)
                    } else {
                        s.text.clone()
                    }
                })
                .collect();
            // The label says "The numbers" already: the spoken lead-in goes.
            let text = text.strip_prefix(NUMBERS_LEAD).unwrap_or(&text);
            let _ = writeln!(out, "- *{}*: {}", paragraph.beat, text.replace('\n', " "));
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "## Platform narrative\n");
    let narrative = kit.narrative.text.trim();
    if narrative.is_empty() {
        let _ = writeln!(out, "(not written yet)");
    } else {
        let paragraphs: Vec<String> = narrative
            .split("\n\n")
            .map(one_line)
            .filter(|p| !p.is_empty())
            .map(|p| bold_numbers(&p))
            .collect();
        let _ = writeln!(out, "{}", paragraphs.join("\n\n"));
    }

    let _ = writeln!(out, "\n## Metrics\n");
    if kit.metrics.is_empty() {
        let _ = writeln!(out, "(none yet)");
    }
    for reading in &eval.metrics {
        let _ = writeln!(out, "- {}", bold_numbers(&reading.sentence));
    }

    let _ = writeln!(out, "\n## Opinions\n");
    if kit.opinions.is_empty() {
        let _ = writeln!(out, "(none yet)");
    }
    for o in &kit.opinions {
        let _ = writeln!(out, "- {}", one_line(&sentence(o)));
        for (label, text) in [
            ("Evidence", &o.evidence),
            ("Where it stops holding", &o.limits),
        ] {
            let text = text.trim();
            let text = if text.is_empty() {
                "(not written yet)".to_string()
            } else {
                bold_numbers(&one_line(text))
            };
            let _ = writeln!(out, "  - {label}: {text}");
        }
    }

    let _ = writeln!(out, "\n## Design answers\n");
    if kit.designs.is_empty() {
        let _ = writeln!(out, "(none yet)\n");
    }
    for d in &kit.designs {
        let _ = writeln!(out, "### {} ({})\n", d.title.trim(), d.prompt.trim());
        for (label, text) in [
            ("Real system", &d.real_system),
            ("Architecture", &d.architecture),
            ("Scale", &d.scaling),
            ("Trade-off", &d.tradeoffs),
        ] {
            if !text.trim().is_empty() {
                let _ = writeln!(out, "- {label}: {}", bold_numbers(first_sentence(text)));
            }
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "## Readiness checklist\n");
    for item in &readiness.items {
        let _ = writeln!(
            out,
            "- [{}] {} — {}",
            if item.met { "x" } else { " " },
            item.label,
            item.detail
        );
    }
    // The sheet is read in a terminal (`less`, `cat`): no escape sequence
    // from a title or an answer may reach it.
    crate::printable::multi_line(&out).into_owned()
}
