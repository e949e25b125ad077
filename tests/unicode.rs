//! Pasted text scores as its plain ASCII twin: a byte-order mark, CRLF line
//! ends and the punctuation word processors put in (curly quotes, en and em
//! dashes, the non-breaking hyphen and space, the ellipsis, the arrow) change
//! no level and no total. Checked on every text of the calibration corpus,
//! both ways: ASCII made fancy, and fancy made ASCII.

#[allow(dead_code)]
#[path = "corpus/load.rs"]
mod load;

use std::sync::LazyLock;

use proptest::prelude::*;
use sre_prep::score::{Dimension, StoryScore, score_story, score_text};

/// The levels and total a user sees.
fn levels(score: &StoryScore) -> (u8, [u8; 6]) {
    (
        score.total,
        Dimension::ALL.map(|d| score.dimensions.get(d).score),
    )
}

/// What a word processor does to plain text: curly quotes, dashes, the
/// non-breaking hyphen inside words, the ellipsis, the arrow, non-breaking
/// spaces after figures, CRLF, a BOM.
fn fancy(text: &str) -> String {
    let mut out = String::from("\u{feff}");
    let chars: Vec<char> = text.chars().collect();
    let mut open_double = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = i.checked_sub(1).map(|k| chars[k]);
        let next = chars.get(i + 1).copied();
        match c {
            '\'' => out.push('\u{2019}'),
            '"' => {
                out.push(if open_double { '\u{201c}' } else { '\u{201d}' });
                open_double = !open_double;
            }
            '-' if next == Some('>') => {
                out.push('\u{2192}');
                i += 1;
            }
            '-' if prev.is_some_and(char::is_alphanumeric)
                && next.is_some_and(char::is_alphanumeric) =>
            {
                out.push('\u{2011}')
            }
            '-' if prev == Some(' ') && next == Some(' ') => out.push('\u{2013}'),
            '.' if next == Some('.') && chars.get(i + 2) == Some(&'.') => {
                out.push('\u{2026}');
                i += 2;
            }
            ' ' if prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(char::is_alphabetic) =>
            {
                out.push('\u{a0}')
            }
            '\n' => out.push_str("\r\n"),
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// The reverse: pasted punctuation written the plain way.
fn plain(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2010}', '\u{2011}'], "-")
        .replace(['\u{2013}', '\u{2014}'], "-")
        .replace('\u{2026}', "...")
        .replace('\u{2192}', "->")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn every_corpus_text_scores_as_its_ascii_twin() {
    let mut checked = 0;
    for entry in load::entries() {
        match &entry.written {
            load::Written::Text(text) => {
                let ascii = plain(text);
                let want = levels(&score_text(&ascii));
                assert_eq!(
                    levels(&score_text(text)),
                    want,
                    "{}: as written vs plain",
                    entry.id
                );
                assert_eq!(
                    levels(&score_text(&fancy(&ascii))),
                    want,
                    "{}: made fancy vs plain",
                    entry.id
                );
            }
            load::Written::Story(story) => {
                let mut ascii = (**story).clone();
                let mut pasted = (**story).clone();
                for (a, p) in [
                    (&mut ascii.blast_radius, &mut pasted.blast_radius),
                    (&mut ascii.role, &mut pasted.role),
                    (&mut ascii.decision, &mut pasted.decision),
                    (&mut ascii.fix, &mut pasted.fix),
                    (&mut ascii.root_cause, &mut pasted.root_cause),
                    (&mut ascii.systemic_change, &mut pasted.systemic_change),
                ] {
                    *a = plain(a);
                    *p = fancy(a);
                }
                let want = levels(&score_story(&ascii));
                assert_eq!(levels(&score_story(story)), want, "{}", entry.id);
                assert_eq!(levels(&score_story(&pasted)), want, "{}", entry.id);
            }
        }
        checked += 1;
    }
    assert!(checked >= 300, "only {checked} corpus texts");
}

/// The corpus's free-text sentences, in plain ASCII: read once for every case.
static SENTENCES: LazyLock<Vec<String>> = LazyLock::new(|| {
    load::entries()
        .iter()
        .filter_map(|e| match &e.written {
            load::Written::Text(t) => Some(plain(t)),
            load::Written::Story(_) => None,
        })
        .flat_map(|t| {
            t.split_inclusive(". ")
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
});

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any mix of the corpus's sentences, made fancy, scores as it was.
    #[test]
    fn fancy_punctuation_changes_nothing(picks in prop::collection::vec(any::<prop::sample::Index>(), 1..6)) {
        let sentences = &*SENTENCES;
        let text: String = picks.iter().map(|i| sentences[i.index(sentences.len())].as_str()).collect::<Vec<_>>().join("\n");
        prop_assert_eq!(levels(&score_text(&fancy(&text))), levels(&score_text(&text)));
    }
}
