//! `sre-prep draft [--json] FILE` prints a story drafted from a postmortem
//! (no data directory, no lock, nothing written); `sre-prep import
//! --postmortem FILE...` saves the drafts as new stories.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{EXIT_BAD_INPUT, EXIT_OK, read_input};
use crate::kit::format;
use crate::kit::{Kit, Story, StoryField};
use crate::postmortem::{self, Beat, StoryDraft};
use crate::score::{Dimension, score_story};
use crate::store::{self, Store};

/// How a file is named in messages: standard input for `-`.
fn name_of(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads and drafts one postmortem; the error names the file and says what to do.
pub fn draft_file(path: &Path) -> Result<StoryDraft> {
    let bytes = read_input(path)?;
    let text =
        postmortem::text_of(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", name_of(path)))?;
    Ok(postmortem::draft(text))
}

pub fn run(path: &Path, json: bool) -> Result<u8> {
    let draft = draft_file(path)?;
    if json {
        print!("{}", format::to_pretty_json(&draft.story));
    } else {
        print!("{}", render(&draft, &name_of(path)));
    }
    Ok(EXIT_OK)
}

/// `import --postmortem`: every file is read and drafted before anything is
/// written; one that cannot be read imports nothing.
pub fn import(data_dir: &Path, files: &[PathBuf]) -> Result<u8> {
    let mut drafts: Vec<(PathBuf, StoryDraft)> = Vec::new();
    let mut failed = false;
    for path in files {
        match draft_file(path) {
            Ok(draft) => drafts.push((path.clone(), draft)),
            Err(e) => {
                eprintln!("sre-prep: {e:#}");
                failed = true;
            }
        }
    }
    if failed {
        eprintln!(
            "sre-prep: nothing was imported — fix the file(s) above and run the import again"
        );
        return Ok(EXIT_BAD_INPUT);
    }
    let mut store = Store::open(data_dir)?;
    let loaded = store.load();
    for problem in &loaded.problems {
        eprintln!("sre-prep: warning: {}", problem.message);
    }
    let mut kit = loaded.kit;
    for (path, draft) in drafts {
        let claims = draft.claims.len();
        let incoming = Kit {
            stories: vec![draft.story],
            ..Kit::default()
        };
        let source = PathBuf::from(name_of(&path));
        let report = store::import_kit(&store, &mut kit, incoming, &source)?;
        println!(
            "{}: imported a draft ({}) — My role and Decision are yours to write; {claims} questions to claim your part are in its notes",
            source.display(),
            report.summary()
        );
        for note in &report.notes {
            println!("  {note}");
        }
    }
    Ok(EXIT_OK)
}

/// Text from a file, safe to print: no control characters but line breaks.
fn safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Breaks `text` into lines of at most `width` characters, at spaces,
/// keeping its own line breaks.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let needed =
                line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
            if needed > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

fn block(out: &mut String, heading: &str, body: &str) {
    let _ = writeln!(out, "\n{heading}");
    for line in wrap(&safe(body), 76) {
        let _ = writeln!(out, "  {line}");
    }
}

/// The draft as text for the terminal, 80 columns.
pub fn render(draft: &StoryDraft, source: &str) -> String {
    let story: &Story = &draft.story;
    let mut out = String::new();
    let _ = writeln!(out, "Draft: {}", safe(&story.title));
    let _ = writeln!(
        out,
        "(from {} — nothing is saved; `sre-prep import --postmortem FILE` saves it)",
        safe(source)
    );
    let field = |out: &mut String, label: &str, beat: Beat, text: &str| {
        if text.is_empty() {
            let _ = writeln!(out, "\n{label} — {}", draft.provenance(beat));
        } else {
            block(out, &format!("{label} — {}", draft.provenance(beat)), text);
        }
    };
    field(
        &mut out,
        StoryField::BlastRadius.label(),
        Beat::BlastRadius,
        &story.blast_radius,
    );
    let _ = writeln!(
        out,
        "\n{} — empty: only you know your part (see \"Claim your part\")",
        StoryField::Role
    );
    let _ = writeln!(
        out,
        "\n{} — empty: which call was yours? (see \"Claim your part\")",
        StoryField::Decision
    );
    field(&mut out, StoryField::Fix.label(), Beat::Fix, &story.fix);
    field(
        &mut out,
        StoryField::RootCause.label(),
        Beat::RootCause,
        &story.root_cause,
    );
    field(
        &mut out,
        StoryField::SystemicChange.label(),
        Beat::SystemicChange,
        &story.systemic_change,
    );
    if story.metrics.is_empty() {
        let _ = writeln!(
            out,
            "\n{} — no clock times to work them out from",
            StoryField::Metrics
        );
    } else {
        let _ = writeln!(
            out,
            "\n{} — from the timeline; the after-values are yours",
            StoryField::Metrics
        );
        for m in &story.metrics {
            let _ = writeln!(out, "  {}: {} -> ?", safe(&m.name), safe(&m.before));
        }
    }
    if !draft.claims.is_empty() {
        let _ = writeln!(out, "\nClaim your part");
        for claim in &draft.claims {
            for (n, line) in wrap(&safe(claim), 74).iter().enumerate() {
                let _ = writeln!(out, "  {} {line}", if n == 0 { "-" } else { " " });
            }
        }
    }
    let score = score_story(story);
    let (weakest, points) = score.weakest();
    let _ = writeln!(
        out,
        "\nScore as drafted: {}/100 · weakest: {} {points}/5{}",
        score.total,
        weakest.label(),
        if matches!(weakest, Dimension::Role | Dimension::Decision) {
            " (yours to write)"
        } else {
            ""
        }
    );
    out
}
