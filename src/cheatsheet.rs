//! The cheat sheet: one Markdown document to read before the interview —
//! each story as the answer to say (numbers in bold), the metrics as "from X
//! to Y", the opinions in a line each, the design answers' key points, and
//! the readiness checklist. Plain enough to read in `less`, and safe to: a
//! control character in the user's text is shown, never sent.

use std::fmt::Write as _;

use crate::answer::{compose, emphasise_numbers};
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
            let _ = writeln!(out, "- *{}*: {}", paragraph.beat, text.replace('\n', " "));
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "## Metrics\n");
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
        let _ = writeln!(out, "- {}", sentence(o));
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
