//! `sre-prep score [--json] FILE`: scores one story. A `.json` file is one
//! story object of the exchange format; anything else is free text.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use super::{EXIT_OK, read_text};
use crate::kit::Story;
use crate::kit::exchange::parse_import;
use crate::score::{Dimension, StoryScore, score_story, score_text};

/// Reads and scores `path` (`-` for standard input).
pub fn score_file(path: &Path) -> Result<StoryScore> {
    let text = read_text(path)?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json {
        return Ok(score_text(&text));
    }
    let kit = parse_import(&text, path)?;
    match <[Story; 1]>::try_from(kit.stories) {
        Ok([story]) => Ok(score_story(&story)),
        Err(stories) => anyhow::bail!(
            "{}: holds {} stories, not one story object — score one story at a time (a file like those in stories/)",
            path.display(),
            stories.len()
        ),
    }
}

pub fn run(path: &Path, json: bool) -> Result<u8> {
    let score = score_file(path)?;
    if json {
        println!("{}", to_json(&score));
    } else {
        print!("{}", render(&score));
    }
    Ok(EXIT_OK)
}

#[derive(Serialize)]
struct Json<'a> {
    total: u8,
    words: usize,
    spoken_seconds: u32,
    dimensions: &'a crate::score::Dimensions,
    warnings: &'a [crate::score::Warning],
}

/// The `--json` shape (a contract other tools rely on).
pub fn to_json(score: &StoryScore) -> String {
    serde_json::to_string_pretty(&Json {
        total: score.total,
        words: score.words,
        spoken_seconds: score.spoken_seconds,
        dimensions: &score.dimensions,
        warnings: &score.warnings,
    })
    .expect("a score serializes: plain numbers and strings")
}

fn bar(score: u8) -> String {
    let filled = usize::from(score.min(5));
    format!("{}{}", "■".repeat(filled), "□".repeat(5 - filled))
}

fn minutes(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Shortens `text` to at most `max` characters for one line of output.
fn clip(text: &str, max: usize) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= max {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The human report, readable in 80 columns.
pub fn render(score: &StoryScore) -> String {
    let mut out = String::new();
    let penalty = score.penalty();
    let _ = writeln!(
        out,
        "Score {}/100 · {} words · about {} spoken{}",
        score.total,
        score.words,
        minutes(score.spoken_seconds),
        match score.spoken_seconds {
            0 => "",
            s if s > 180 => " (long: aim for 2-3 minutes)",
            s if s < 60 => " (short: a strong answer takes 2-3 minutes)",
            _ => "",
        }
    );
    if penalty > 0 {
        let _ = writeln!(
            out,
            "(-{penalty} for hedges and vague amounts, see warnings)"
        );
    }
    for dimension in Dimension::ALL {
        let d = score.dimensions.get(dimension);
        let _ = writeln!(
            out,
            "\n{:<22}{} {}/5",
            dimension.label(),
            bar(d.score),
            d.score
        );
        for e in &d.evidence {
            let _ = writeln!(out, "  + \"{}\" — {}", clip(&e.text, 40), clip(&e.why, 30));
        }
        for tip in &d.advice {
            let _ = writeln!(out, "  > {}", tip);
        }
    }
    if !score.warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings");
        for w in &score.warnings {
            let what = match w.kind {
                crate::score::WarningKind::Hedge => "hedge",
                crate::score::WarningKind::Vague => "vague amount: give the number",
                crate::score::WarningKind::We => "\"we\": say \"I\" where you acted",
                crate::score::WarningKind::Passive => "passive: who did it?",
            };
            let _ = writeln!(out, "  ! \"{}\" in {} — {what}", clip(&w.text, 30), w.field);
        }
    }
    out
}
