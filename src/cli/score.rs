//! `sre-prep score [--json] FILE`: scores one story. A `.json` file is one
//! story object of the exchange format; anything else is free text.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use super::{EXIT_OK, Output, read_text};
use crate::kit::Story;
use crate::kit::format;

/// Keys only a kit file has.
const KIT_KEYS: [&str; 5] = ["stories", "designs", "opinions", "narrative", "profile"];
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
    let keys = format::top_level_keys(&text, path)?;
    if keys.iter().any(|k| KIT_KEYS.contains(&k.as_str())) {
        anyhow::bail!(
            "{}: is a whole kit (the exchange format), not one story object — score one story at a time, a file like those in stories/",
            path.display()
        );
    }
    let story: Story = format::parse_file(&text, path, false)?;
    Ok(score_story(&story))
}

pub fn run(path: &Path, json: bool) -> Result<u8> {
    let score = score_file(path)?;
    let mut out = Output::new();
    if json {
        out.raw(to_json(&score).as_bytes());
        out.raw(b"\n");
    } else {
        out.text(&render(&score));
    }
    out.done()?;
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

/// Breaks `text` into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The human report, readable in 80 columns.
pub fn render(score: &StoryScore) -> String {
    let mut out = String::new();
    let penalty = score.penalty();
    let _ = writeln!(
        out,
        "Score {}/100 · {} words · ~{} spoken{}",
        score.total,
        score.words,
        minutes(score.spoken_seconds),
        match score.spoken_seconds {
            0 => "",
            s if s > 180 => " (long: aim for 2-3 min)",
            s if s < 60 => " (short: aim for 2-3 min)",
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
            for (n, line) in wrap(tip, 76).iter().enumerate() {
                let _ = writeln!(out, "  {} {line}", if n == 0 { ">" } else { " " });
            }
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
