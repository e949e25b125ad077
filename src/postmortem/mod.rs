//! From postmortem to story draft: a postmortem, incident review or
//! status-page write-up (Markdown, plain text, or text pasted from a wiki or
//! a web page) read into a story's beats, by meaning rather than by one
//! template. Pure: text in, draft out; nothing here touches the disk.
//!
//! - Headings of every style are read with the scorer's label table
//!   ([`crate::score::beats`]): Impact / What users saw -> blast radius;
//!   Root cause / Trigger / Contributing factors / Detection -> how the root
//!   cause was found; Resolution / Mitigation / Recovery -> fix; Action
//!   items / Remediation / Follow-up -> systemic change.
//! - Text under no such heading (a summary, a write-up with no headings at
//!   all, timeline entries) is read sentence by sentence with the scorer's
//!   lexicon, and fills the beats the headings left empty.
//! - Each field holds the document's own sentences, the strongest few when
//!   the section is long; nothing is reworded.
//! - The timeline gives time to detect, to mitigate and to resolve (the
//!   before-values of MTTD/MTTR-kind metrics, with the clock times they
//!   come from) and how long the impact lasted.
//! - The user's part is never invented: My role and Decision stay empty,
//!   and the actions and choices the document mentions become questions
//!   for the user to answer ("Who rolled back v2.3? Was that you?").

mod claims;
pub mod normalise;
pub mod timeline;

use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::Regex;

use crate::kit::{Story, StoryMetric};
use crate::score::beats;
use crate::score::lexicon::{self, Tag};
use crate::score::quantity;
use crate::score::text::{self, TokenKind};
pub use timeline::{Stretch, Timeline};

/// Why a text cannot be drafted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    /// A NUL byte or another sign of a binary file, at this byte.
    Binary {
        offset: usize,
    },
    /// Not UTF-8 from this byte on.
    NotText {
        offset: usize,
    },
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Empty => write!(f, "is empty — there is no postmortem to draft from"),
            InputError::Binary { offset } => write!(
                f,
                "looks like a binary file (byte {offset}), not a postmortem — give the postmortem as text: Markdown, plain text or HTML"
            ),
            InputError::NotText { offset } => write!(
                f,
                "byte {offset} is not UTF-8 text — save the postmortem as UTF-8 and try again"
            ),
        }
    }
}

/// The text of an input, or why it cannot be a postmortem.
pub fn text_of(bytes: &[u8]) -> Result<&str, InputError> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if let Some(offset) = sample.iter().position(|&b| b == 0) {
        return Err(InputError::Binary { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::NotText {
        offset: e.valid_up_to(),
    })?;
    let controls = text
        .chars()
        .take(64 * 1024)
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls > 8 && controls * 100 > text.len().min(64 * 1024) {
        let offset = text
            .char_indices()
            .find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
            .map_or(0, |(i, _)| i);
        return Err(InputError::Binary { offset });
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(text)
}

/// The four beats a postmortem can fill. My role and Decision are the
/// user's alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Beat {
    BlastRadius,
    Fix,
    RootCause,
    SystemicChange,
}

impl Beat {
    pub const ALL: [Beat; 4] = [
        Beat::BlastRadius,
        Beat::Fix,
        Beat::RootCause,
        Beat::SystemicChange,
    ];

    /// The story field it fills.
    pub fn field(self) -> &'static str {
        match self {
            Beat::BlastRadius => "blast_radius",
            Beat::Fix => "fix",
            Beat::RootCause => "root_cause",
            Beat::SystemicChange => "systemic_change",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Where a field's sentences came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub beat: Beat,
    /// The headings as the document writes them ("Root Causes"), or
    /// "text without a heading", "the timeline".
    pub from: Vec<String>,
    /// Sentences kept, of how many found for this beat.
    pub kept: usize,
    pub found: usize,
}

/// A story drafted from a postmortem.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryDraft {
    /// Role and decision empty; the prompts and the timeline in the notes.
    pub story: Story,
    /// "Claim your part": the actions and choices the document mentions,
    /// as questions for the user.
    pub claims: Vec<String>,
    pub sources: Vec<Source>,
    pub timeline: Option<Timeline>,
}

impl StoryDraft {
    pub fn source(&self, beat: Beat) -> Option<&Source> {
        self.sources.iter().find(|s| s.beat == beat)
    }

    /// Where a beat's sentences came from, for a person to read:
    /// `from "Root Causes", "Trigger"`, `from the timeline (5 of 9 sentences)`,
    /// `nothing in the document`.
    pub fn provenance(&self, beat: Beat) -> String {
        let Some(source) = self.source(beat) else {
            return "nothing in the document".to_string();
        };
        let from: Vec<String> = source
            .from
            .iter()
            .map(|f| match f.as_str() {
                "the timeline" | "text without a heading" => f.clone(),
                f => format!("\"{f}\""),
            })
            .collect();
        let mut out = format!("from {}", from.join(", "));
        if source.kept < source.found {
            let _ = write!(out, " ({} of {} sentences)", source.kept, source.found);
        }
        out
    }
}

/// What a part of the document is, by its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Beat(Beat),
    /// "Detection", "How we found out": read with the root cause.
    Detection,
    /// "Lessons learned": systemic change when nothing else says it.
    Lessons,
    Timeline,
    /// A summary, a background, text under no heading: read sentence by sentence.
    Prose,
    /// "Responders", "My role": the user's part, never filled for them.
    Role,
    /// "Decisions", "Trade-offs": the user's call, never filled for them.
    Decision,
    /// "What went well", "Authors", "Appendix": not a beat of the story.
    Aside,
}

/// The part a heading opens: the scorer's beat for it, told apart more
/// finely where a story keeps two fields for one beat (the fix and how the
/// root cause was found).
fn part_of(label: &str) -> Part {
    let words: String = label
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = words.split_whitespace().collect();
    let joined = words.join(" ");
    let has = |w: &[&str]| words.iter().any(|x| w.contains(x));
    match beats::label_beat(label) {
        Some(Some("blast_radius")) => Part::Beat(Beat::BlastRadius),
        Some(Some("fix")) => {
            if has(&[
                "cause",
                "causes",
                "caused",
                "trigger",
                "triggers",
                "factor",
                "factors",
                "why",
                "whys",
                "fault",
                "leadup",
                "lead",
                "wrong",
                "diagnosis",
                "investigation",
                "found",
                "technical",
            ]) {
                Part::Beat(Beat::RootCause)
            } else {
                Part::Beat(Beat::Fix)
            }
        }
        Some(Some("systemic_change")) if has(&["lessons"]) => Part::Lessons,
        Some(Some("systemic_change")) => Part::Beat(Beat::SystemicChange),
        Some(Some("role")) => Part::Role,
        Some(Some("decision")) => Part::Decision,
        Some(_) => match joined.as_str() {
            "timeline" | "incident timeline" | "timeline of events" | "chronology" => {
                Part::Timeline
            }
            "detection"
            | "how we found out"
            | "how it was detected"
            | "how we noticed"
            | "detection and response" => Part::Detection,
            "responders" | "people involved" => Part::Role,
            "what went well"
            | "what didn t go well"
            | "what did not go well"
            | "where we got lucky"
            | "how d we do"
            | "supporting information"
            | "appendix"
            | "glossary"
            | "references"
            | "related incidents"
            | "date"
            | "incident date"
            | "messaging"
            | "internal messaging"
            | "external messaging"
            | "status"
            | "notes"
            | "numbers"
            | "metrics"
            | "star"
            | "s"
            | "t"
            | "a"
            | "r" => Part::Aside,
            _ => Part::Prose,
        },
        None => Part::Prose,
    }
}

/// How squarely a heading names its beat, to rank its sentences: the
/// "Root cause" section says the cause better than "Leadup" or "Detection".
fn label_weight(beat: Beat, label: &str) -> u8 {
    let label = label.to_lowercase();
    match beat {
        Beat::RootCause if label.contains("cause") => 3,
        Beat::RootCause if label.contains("trigger") || label.contains("fault") => 2,
        Beat::RootCause if label.contains("factor") || label.contains("why") => 1,
        Beat::Fix if label.contains("resolution") || label.contains("fix") => 1,
        _ => 0,
    }
}

/// A section of the normalised text and the heading that opened it.
struct Section {
    part: Part,
    /// The heading as written, "" for text under none.
    label: String,
    start: usize,
    end: usize,
}

/// The heading words in the text between two sections: "## Root Causes" ->
/// "Root Causes", "**Impact:**" -> "Impact".
fn label_in(gap: &str) -> String {
    let line = gap
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.chars().any(char::is_alphabetic))
        .unwrap_or("");
    let line = line.trim_start_matches('#').trim();
    let cut = [":", "：", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| line.find(sep))
        .min()
        .unwrap_or(line.len());
    line[..cut].trim_matches(['*', '_', ' ']).trim().to_string()
}

fn sections(text: &str) -> Vec<Section> {
    let found = beats::sections(text);
    let mut out = Vec::with_capacity(found.len());
    let mut previous_end = 0;
    for s in found {
        let gap = &text[previous_end.min(s.start)..s.start];
        let label = label_in(gap);
        let mut part = if label.is_empty() {
            Part::Prose
        } else {
            part_of(&label)
        };
        // "What went wrong" beside "What went well" (the SRE book's lessons
        // learned) looks back at the response, not at the cause.
        let after_lessons = out
            .last()
            .is_some_and(|s: &Section| matches!(s.part, Part::Lessons | Part::Aside));
        if after_lessons && label.to_lowercase().starts_with("what went wrong") {
            part = Part::Aside;
        }
        // "Impact: ..." on the line of its label holds that paragraph; what
        // follows a blank line, under no label of its own, is read as prose.
        let body = &text[s.start..s.end];
        let inline = !label.is_empty()
            && body
                .split('\n')
                .next()
                .is_some_and(|first| !first.trim().is_empty());
        let cut = if inline { body.find("\n\n") } else { None };
        match cut {
            Some(at) if !body[at..].trim().is_empty() => {
                out.push(Section {
                    part,
                    label,
                    start: s.start,
                    end: s.start + at,
                });
                out.push(Section {
                    part: Part::Prose,
                    label: String::new(),
                    start: s.start + at,
                    end: s.end,
                });
            }
            _ => out.push(Section {
                part,
                label,
                start: s.start,
                end: s.end,
            }),
        }
        previous_end = s.end;
    }
    out
}

/// A sentence as the draft quotes it: one line, list markers, emphasis and
/// table bars taken off, nothing reworded. `None` for a heading or a
/// fragment too short to say anything.
pub fn clean_sentence(raw: &str) -> Option<String> {
    let mut t = raw.trim();
    if t.starts_with('#') {
        return None;
    }
    loop {
        let before = t;
        for marker in ["- ", "* ", "+ ", "> ", "| "] {
            t = t.strip_prefix(marker).unwrap_or(t).trim_start();
        }
        if t == before {
            break;
        }
    }
    // One pass: white space collapsed, emphasis marks and backticks dropped.
    let mut out = String::with_capacity(t.len());
    let mut words = 0;
    let mut in_word_has_letter = false;
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' => continue,
            '*' | '_' if chars.peek() == Some(&c) => {
                chars.next();
                continue;
            }
            c if c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                words += usize::from(in_word_has_letter);
                in_word_has_letter = false;
            }
            c => {
                in_word_has_letter |= c.is_alphabetic();
                out.push(c);
            }
        }
    }
    words += usize::from(in_word_has_letter);
    let out = out.trim_matches(['|', ' ']).to_string();
    if words == 0
        || (out.len() <= 5
            && matches!(
                out.to_lowercase().trim_end_matches('.'),
                "tbd" | "n/a" | "none" | "todo" | "done"
            ))
    {
        return None;
    }
    Some(out)
}

/// One sentence of the document, read.
struct Sentence {
    start: usize,
    end: usize,
    text: String,
    part: usize,
    list_item: bool,
    /// How strongly it speaks to each beat (by [`Beat::index`]).
    scores: [u8; 4],
    words: usize,
    has_quantity: bool,
    /// Fit for a field: not a question, not a choice the user may claim.
    usable: bool,
}

impl Sentence {
    fn best(&self) -> Option<(Beat, u8)> {
        // On a tie the later beat wins: a change beats a cause, a cause a fix.
        let mut best: Option<(Beat, u8)> = None;
        for beat in Beat::ALL {
            let s = self.scores[beat.index()];
            if s > 0 && best.is_none_or(|(_, b)| s >= b) {
                best = Some((beat, s));
            }
        }
        best
    }
}

fn bit(tag: Tag) -> u64 {
    1 << (tag as u8)
}

#[rustfmt::skip]
const FUTURE: &[&str] = &[
    " will ", "going forward", "in the future", "to prevent", "to avoid a repeat", "from now on",
    "since then", "have since", "has since", "action item", "follow-up", "follow up", "we plan",
    "planned", " are adding", "are working on", "is being", "no longer", "to ensure",
    "to make sure", "we are changing", "we're changing", "we've added", "we have added",
    "have updated", "have improved", "have tuned", "we tuned", "introduced new", "are improving",
    "are working to", "we are exploring",
];
/// Words that say something failed, beyond the lexicon's.
#[rustfmt::skip]
const FAILURE_CUES: &[&str] = &[
    " error", "error rate", " fail", " 5xx", " 500", " 502", " 503", " 504", " 429", " timeout",
    " timed out", " unavailable", " outage", " degraded", " latency", " could not", " couldn't",
    " unable", " lost ", " dropped", " crash", " stuck", " affected", " impacted", " rejected",
    " declined",
];
/// Ways a document says what was done to fix it, beyond the lexicon's verbs.
#[rustfmt::skip]
const FIX_CUES: &[&str] = &[
    "we mitigated", "mitigated by", "mitigated the", "by reverting", "by rolling back",
    "by failing over", "by restarting", "by scaling", "we fixed", "resolved by", "fixed by",
];
/// Words that say why it broke, beyond the lexicon's mechanisms.
#[rustfmt::skip]
const CAUSE_CUES: &[&str] = &[
    "the cause", "was caused", "caused by", "due to", "because of", " a bug", "misconfigur",
    " made it ", " meant to ", " missing ", "mistakenly", "accidentally", "by mistake",
    "identified as", "traced to", "the issue was", "the problem was",
];
#[rustfmt::skip]
const RECOVERY: &[&str] = &[
    "recovered", "restored", "stopped", "mitigated", "resolved", "back to normal",
    "returned to normal", "subsided",
];
#[rustfmt::skip]
const DETECTED: &[&str] = &[
    "paged", "alerted", "fired", "noticed", "detected", "page", "reported", "alert",
];

/// A list of phrases as one search (a sentence is read once, not once a phrase).
fn phrases(list: &[&str]) -> Regex {
    let alternatives: Vec<String> = list.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&alternatives.join("|")).expect("the phrases compile")
}

/// "between 00:31 UTC and 03:37 UTC": a stretch of time, as an impact says it.
static WINDOW_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:between|from) [^.;]{0,40}?\d{1,2}:\d{2}[^.;]{0,40}? (?:and|to|until) [^.;]{0,30}?\d{1,2}:\d{2}")
        .expect("the window pattern compiles")
});
static FUTURE_SET: LazyLock<Regex> = LazyLock::new(|| phrases(FUTURE));
static FIX_SET: LazyLock<Regex> = LazyLock::new(|| phrases(FIX_CUES));
static RECOVERY_SET: LazyLock<Regex> = LazyLock::new(|| phrases(RECOVERY));
static FAILURE_SET: LazyLock<Regex> = LazyLock::new(|| phrases(FAILURE_CUES));
static CAUSE_SET: LazyLock<Regex> = LazyLock::new(|| {
    let mut all = CAUSE_CUES.to_vec();
    all.extend(["root cause", " trigger"]);
    phrases(&all)
});
static DETECTED_SET: LazyLock<Regex> = LazyLock::new(|| {
    let spaced: Vec<String> = DETECTED.iter().map(|w| format!(" {w}")).collect();
    let list: Vec<&str> = spaced.iter().map(String::as_str).collect();
    phrases(&list)
});

/// How strongly a sentence speaks to each beat, from the scorer's lexicon.
fn beat_scores(tags: u64, lower: &str, has_quantity: bool) -> [u8; 4] {
    let has = |t: Tag| tags & bit(t) != 0;
    let padded = format!(" {lower} ");
    let future = FUTURE_SET.is_match(&padded);
    // "An incident channel" hurts no one; "error rate", "503s" do.
    let failure = FAILURE_SET.is_match(&padded)
        || (has(Tag::Failure) && !padded.contains("incident") && !padded.contains(" paged"));
    let mut blast = 0;
    if failure && (has(Tag::Affected) || WINDOW_TEXT.is_match(&padded)) {
        blast += 2;
    }
    if failure && has(Tag::Scope) {
        blast += 1;
    }
    if has(Tag::Severity) {
        blast += 1;
    }
    if has_quantity && (failure || has(Tag::Affected)) {
        blast += 1;
    }
    let mut fix = 0;
    if has(Tag::FixAction) {
        fix += 2;
    }
    if has(Tag::Mitigation) {
        fix += 1;
    }
    if RECOVERY_SET.is_match(&padded) {
        fix += 1;
    }
    if FIX_SET.is_match(&padded) {
        fix += 2;
    }
    let mut root = 0;
    if has(Tag::Mechanism) || CAUSE_SET.is_match(&padded) {
        root += 2;
    }
    if has(Tag::Investigate) {
        root += 1;
        if has(Tag::EvidenceSource) {
            root += 1;
        }
    }
    if has(Tag::Detection) && !has(Tag::ChangeVerb) {
        root += if DETECTED_SET.is_match(&padded) { 3 } else { 1 };
    }
    let mut systemic = 0;
    let lasting =
        has(Tag::Prevention) || has(Tag::Detection) || has(Tag::Mitigation) || has(Tag::Process);
    if has(Tag::ChangeVerb) && lasting {
        systemic += 2;
    }
    if future {
        systemic += 2;
        fix = 0;
        root = root.min(1);
    }
    if has(Tag::Prevention) || has(Tag::Process) {
        systemic += 1;
    }
    [blast, fix, root, systemic]
}

/// Reads every section into sentences (and the claims they hold).
fn read_sentences(
    text: &str,
    sections: &[Section],
    skip: Option<(usize, usize)>,
    found: &mut claims::Found,
) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (k, section) in sections.iter().enumerate() {
        let body = &text[section.start..section.end];
        let (mut tokens, spans) = text::tokenize(body);
        let hits = lexicon::scan(&mut tokens);
        let quantities = quantity::find_quantities(&tokens);
        let mut tags = vec![0u64; spans.len()];
        let mut hits_of: Vec<Vec<lexicon::Hit>> = vec![Vec::new(); spans.len()];
        for hit in &hits {
            let s = tokens[hit.first].sentence;
            for tag in TAGS {
                if hit.tags.has(tag) {
                    tags[s] |= bit(tag);
                }
            }
            if let Some(list) = hits_of.get_mut(s) {
                list.push(*hit);
            }
        }
        let mut with_quantity = vec![false; spans.len()];
        for q in &quantities {
            with_quantity[tokens[q.first].sentence] = true;
        }
        // A list item is one unit, whatever stops are inside it
        // ("- 09:15 Error rate climbs to 38%; merchants get 503s").
        let mut units: Vec<(usize, usize)> = Vec::new();
        for (i, span) in spans.iter().enumerate() {
            if span.first >= span.last {
                continue;
            }
            let start = tokens[span.first].start;
            let asks = |sp: &text::Sentence| tokens[sp.last - 1].lower == "?";
            if let Some(unit) = units.last_mut() {
                let previous = &spans[unit.1];
                let gap = &body[tokens[previous.last - 1].end..start];
                let opened_item =
                    matches!(tokens[spans[unit.0].first].lower.as_ref(), "-" | "*" | "+");
                // A question stays apart ("Why did it fail? The key expired.").
                if opened_item && !gap.contains('\n') && !asks(previous) && !asks(span) {
                    unit.1 = i;
                    continue;
                }
            }
            units.push((i, i));
        }
        for &(first_span, last_span) in &units {
            let (first, last) = (spans[first_span].first, spans[last_span].last);
            let (a, b) = (tokens[first].start, tokens[last - 1].end);
            let (start, end) = (section.start + a, section.start + b);
            if skip.is_some_and(|(s, e)| start < e && end > s) {
                continue;
            }
            let list_item = tokens[first].kind == TokenKind::Symbol
                && matches!(tokens[first].lower.as_ref(), "-" | "*" | "+");
            let Some(clean) = clean_sentence(&body[a..b]) else {
                continue;
            };
            let lower = clean.to_lowercase();
            let quantity = (first_span..=last_span).any(|i| with_quantity[i]);
            let words = clean.split_whitespace().count();
            if (words < 3 && !quantity) || is_metadata(&lower) {
                continue;
            }
            let unit_tags = (first_span..=last_span).fold(0, |t, i| t | tags[i]);
            let unit_hits: Vec<lexicon::Hit> = (first_span..=last_span)
                .flat_map(|i| hits_of[i].iter().copied())
                .collect();
            let choice = found.read(&tokens, first, last, &unit_hits, body, section.part, start);
            out.push(Sentence {
                start,
                end,
                scores: beat_scores(unit_tags, &lower, quantity),
                // A question asks, a choice is the user's to claim: neither
                // is a fact for a field.
                usable: !choice && !clean.ends_with('?'),
                text: clean,
                part: k,
                list_item,
                words,
                has_quantity: quantity,
            });
        }
    }
    out
}

/// "Owner: media platform", "Status: complete": a document's header, not a beat.
fn is_metadata(lower: &str) -> bool {
    let Some((key, _)) = lower.split_once(':') else {
        return false;
    };
    matches!(
        key.trim(),
        "owner"
            | "owners"
            | "reporter"
            | "reported by"
            | "author"
            | "authors"
            | "date"
            | "status"
            | "ticket"
            | "jira"
            | "incident id"
            | "id"
            | "link"
            | "links"
            | "slack channel"
            | "channel"
            | "bridge"
            | "editor"
            | "reviewer"
            | "reviewers"
            | "approver"
            | "approvers"
            | "last updated"
            | "document status"
            | "incident"
            | "incident owner"
            | "team"
    )
}

const TAGS: [Tag; 18] = [
    Tag::Affected,
    Tag::Failure,
    Tag::Severity,
    Tag::Scope,
    Tag::RoleName,
    Tag::DecisionVerb,
    Tag::Alternative,
    Tag::Tech,
    Tag::FixAction,
    Tag::Mechanism,
    Tag::Investigate,
    Tag::EvidenceSource,
    Tag::Detection,
    Tag::Prevention,
    Tag::Mitigation,
    Tag::Process,
    Tag::ChangeVerb,
    Tag::We,
];

/// The most sentences and words a drafted field keeps.
const MAX_SENTENCES: usize = 5;
const MAX_WORDS: usize = 110;

/// The title: a first-level heading near the top, a "Title:" line, or a
/// short first line; the "Postmortem:" in front of it goes.
fn find_title(text: &str) -> (String, Option<(usize, usize)>) {
    let mut at = 0;
    let mut seen = 0;
    let mut first: Option<(String, (usize, usize))> = None;
    let mut heading: Option<(String, (usize, usize))> = None;
    for line in text.split_inclusive('\n') {
        let (s, e) = (at, at + line.trim_end().len());
        at += line.len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 12 {
            break;
        }
        if let Some(h1) = t.strip_prefix("# ") {
            return (tidy_title(h1), Some((s, e)));
        }
        // A heading of another level that names something, not a date or a beat.
        if heading.is_none() && t.starts_with("##") {
            let words = t.trim_start_matches('#').trim();
            if words.split_whitespace().count() >= 3
                && !words.contains(':')
                && beats::label_beat(words).is_none()
            {
                heading = Some((tidy_title(words), (s, e)));
            }
        }
        if let Some(rest) = t
            .strip_prefix("Title:")
            .or_else(|| t.strip_prefix("**Title:**"))
        {
            return (tidy_title(rest), Some((s, e)));
        }
        if first.is_none() {
            let plain = !t.starts_with("##")
                && !t.starts_with("- ")
                && t.chars().count() <= 100
                && !t.ends_with('.')
                && !timeline::is_date(t)
                && beats::label_beat(t.trim_end_matches(':')).is_none()
                && !t.contains(": ");
            first = Some((if plain { tidy_title(t) } else { String::new() }, (s, e)));
        }
    }
    match heading.or(first) {
        Some((title, range)) if !title.is_empty() => (title, Some(range)),
        _ => (String::new(), None),
    }
}

fn tidy_title(raw: &str) -> String {
    let t = raw.trim().trim_matches(['*', '_', '#', ' ']).trim();
    let lower = t.to_lowercase();
    let mut out = t;
    for prefix in [
        "incident postmortem",
        "postmortem",
        "post-mortem",
        "post mortem",
        "post-incident review",
        "post incident review",
        "incident report",
        "incident review",
        "pir",
        "rca",
    ] {
        if lower.starts_with(prefix) {
            let rest = t[prefix.len()..].trim_start_matches([':', ' ', '-', '–', '—', '|']);
            if !rest.is_empty() && rest.len() + 2 < t.len() {
                out = rest;
            }
            break;
        }
    }
    clip_words(out.trim(), 90)
}

/// At most `max` characters, cut at a word and marked with "…".
fn clip_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// Drafts a story from a postmortem's text.
pub fn draft(raw: &str) -> StoryDraft {
    let text = normalise::normalise(raw);
    let (mut title, title_range) = find_title(&text);
    let sections = sections(&text);
    let mut found = claims::Found::default();
    let sentences = read_sentences(&text, &sections, title_range, &mut found);

    // Which sentences fill which beat: headings first, then text under no
    // heading for the beats still empty, then the timeline's entries.
    let mut chosen: [Vec<(usize, u8)>; 4] = Default::default();
    let mut from: [Vec<String>; 4] = Default::default();
    let note_from = |from: &mut [Vec<String>; 4], beat: Beat, label: &str| {
        let list = &mut from[beat.index()];
        if !list.iter().any(|l| l == label) {
            list.push(label.to_string());
        }
    };
    for (i, s) in sentences.iter().enumerate() {
        let section = &sections[s.part];
        let beat = match section.part {
            Part::Beat(beat) => beat,
            Part::Detection => Beat::RootCause,
            _ => continue,
        };
        if !s.usable {
            continue;
        }
        let weight = s.scores[beat.index()] + 1 + label_weight(beat, &section.label);
        chosen[beat.index()].push((i, weight));
        note_from(&mut from, beat, &section.label);
    }
    if chosen[Beat::SystemicChange.index()].is_empty() {
        for (i, s) in sentences.iter().enumerate() {
            if sections[s.part].part == Part::Lessons && s.usable {
                let beat = Beat::SystemicChange;
                chosen[beat.index()].push((i, s.scores[beat.index()] + 1));
                note_from(&mut from, beat, &sections[s.part].label);
            }
        }
    }
    for stage in [Part::Prose, Part::Timeline] {
        let empty: Vec<Beat> = Beat::ALL
            .into_iter()
            .filter(|b| chosen[b.index()].is_empty())
            .collect();
        for (i, s) in sentences.iter().enumerate() {
            if sections[s.part].part != stage || !s.usable {
                continue;
            }
            if let Some((beat, score)) = s.best()
                && score >= 2
                && empty.contains(&beat)
            {
                chosen[beat.index()].push((i, score));
                let label = match (stage, sections[s.part].label.as_str()) {
                    (Part::Timeline, _) => "the timeline",
                    (_, "") => "text without a heading",
                    (_, label) => label,
                };
                note_from(&mut from, beat, label);
            }
        }
    }

    let mut story = Story::default();
    let mut sources = Vec::new();
    for beat in Beat::ALL {
        let candidates = &chosen[beat.index()];
        if candidates.is_empty() {
            continue;
        }
        let kept = condense(&sentences, candidates);
        let field = compose(&sentences, &kept);
        sources.push(Source {
            beat,
            from: from[beat.index()].clone(),
            kept: kept.len(),
            found: candidates.len(),
        });
        match beat {
            Beat::BlastRadius => story.blast_radius = field,
            Beat::Fix => story.fix = field,
            Beat::RootCause => story.root_cause = field,
            Beat::SystemicChange => story.systemic_change = field,
        }
    }

    // The timeline: durations as before-values, the impact's length.
    let timeline_ranges: Vec<(usize, usize)> = sections
        .iter()
        .filter(|s| s.part == Part::Timeline)
        .map(|s| (s.start, s.end))
        .collect();
    let sentence_ranges: Vec<(usize, usize)> = sentences.iter().map(|s| (s.start, s.end)).collect();
    let timeline = timeline::read(&text, &timeline_ranges, &sentence_ranges, raw);
    if let Some(t) = &timeline {
        for (name, stretch) in [
            ("Time to detect (MTTD)", t.time_to_detect()),
            ("Time to mitigate (MTTR)", t.time_to_mitigate()),
            ("Time to resolve (MTTR)", t.time_to_resolve()),
        ] {
            if let Some(s) = stretch {
                story.metrics.push(StoryMetric {
                    name: name.to_string(),
                    before: format!("{} ({})", s.duration(), s.clock()),
                    after: String::new(),
                });
            }
        }
        if let Some(impact) = t.impact() {
            let line = format!(
                "By the postmortem's timeline the impact lasted {} ({}).",
                impact.duration(),
                impact.clock()
            );
            story.blast_radius = if story.blast_radius.is_empty() {
                line
            } else {
                format!("{}\n{line}", story.blast_radius)
            };
        }
    }

    // No timeline to work it out from, but the document says how long.
    if timeline.as_ref().and_then(Timeline::impact).is_none()
        && let Some((seconds, said)) = timeline::stated_duration(&text)
    {
        let line = format!(
            "The postmortem gives the impact as lasting {said} ({}).",
            timeline::duration_words(seconds)
        );
        story.blast_radius = if story.blast_radius.is_empty() {
            line
        } else {
            format!("{}\n{line}", story.blast_radius)
        };
    }

    if title.is_empty() {
        title = sentences
            .first()
            .map(|s| clip_words(&s.text, 60))
            .unwrap_or_else(|| "Story drafted from a postmortem".to_string());
    }
    story.id = crate::kit::ids::slug(&title, "postmortem-draft");
    story.title = title;
    let claims = found.claims(&story, timeline.as_ref());
    story.notes = notes(&claims, timeline.as_ref(), &sections, &sentences);
    StoryDraft {
        story,
        claims,
        sources,
        timeline,
    }
}

/// The strongest sentences for a beat, within the budget, in document order.
fn condense(sentences: &[Sentence], candidates: &[(usize, u8)]) -> Vec<usize> {
    let mut seen = std::collections::HashSet::new();
    let mut unique: Vec<(usize, u8)> = candidates
        .iter()
        .copied()
        .filter(|&(i, _)| seen.insert(sentences[i].text.to_lowercase()))
        .collect();
    unique.sort_by_key(|&(i, score)| {
        let s = &sentences[i];
        (
            std::cmp::Reverse(u16::from(score) * 2 + u16::from(s.has_quantity)),
            i,
        )
    });
    let mut kept = Vec::new();
    let mut words = 0;
    for (i, _) in unique {
        let w = sentences[i].words;
        if kept.len() == MAX_SENTENCES || (!kept.is_empty() && words + w > MAX_WORDS) {
            continue;
        }
        words += w;
        kept.push(i);
    }
    kept.sort_unstable();
    kept
}

/// The kept sentences as a field: prose joined, list items a line each.
fn compose(sentences: &[Sentence], kept: &[usize]) -> String {
    let mut out = String::new();
    let mut last_was_item = false;
    for (k, &i) in kept.iter().enumerate() {
        let s = &sentences[i];
        if s.list_item {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str("- ");
            out.push_str(&s.text);
        } else {
            if last_was_item {
                out.push('\n');
            } else if !out.is_empty() {
                out.push(' ');
            }
            // A clause cut at ";" goes on with the next sentence kept
            // ("lost power; the ingest API ..."), or ends the field.
            let clause = s.text.strip_suffix(';').map(str::trim_end);
            match clause {
                Some(text) if k + 1 == kept.len() => {
                    out.push_str(text);
                    out.push('.');
                }
                Some(_) => out.push_str(&s.text),
                None => {
                    out.push_str(&s.text);
                    if !s.text.ends_with(['.', '!', '?', ':', '…', ')', '"', '”']) {
                        out.push('.');
                    }
                }
            }
        }
        last_was_item = s.list_item;
    }
    out
}

/// The private notes of the draft: what it is, the prompts, the timeline,
/// and what the document says under headings that are the user's to tell.
fn notes(
    claims: &[String],
    timeline: Option<&Timeline>,
    sections: &[Section],
    sentences: &[Sentence],
) -> String {
    let mut out = String::from(
        "Drafted by sre-prep from a postmortem. My role and Decision are empty on purpose: the postmortem says what the team did, and only you know your part.\n",
    );
    if !claims.is_empty() {
        out.push_str("\nClaim your part:\n");
        for c in claims {
            let _ = writeln!(out, "- {c}");
        }
    }
    if let Some(t) = timeline {
        let moments = [
            (t.start, "impact began"),
            (t.detected, "first alert or page"),
            (t.mitigated, "mitigated"),
            (t.resolved, "resolved"),
        ];
        let mut lines = Vec::new();
        for (at, what) in moments {
            if let Some(e) = at.and_then(|i| t.events.get(i)) {
                let zone = e
                    .zone
                    .as_deref()
                    .map(|z| format!(" {z}"))
                    .unwrap_or_default();
                lines.push(format!(
                    "- {}{zone} {what}: {}",
                    e.shown,
                    clip_words(&e.text, 100)
                ));
            }
        }
        if !lines.is_empty() {
            out.push_str("\nTimeline (from the postmortem):\n");
            for l in lines {
                out.push_str(&l);
                out.push('\n');
            }
        }
    }
    for part in [Part::Role, Part::Decision] {
        for (k, section) in sections.iter().enumerate() {
            if section.part != part {
                continue;
            }
            let said: Vec<&str> = sentences
                .iter()
                .filter(|s| s.part == k)
                .take(6)
                .map(|s| s.text.as_str())
                .collect();
            if !said.is_empty() {
                let _ = write!(out, "\nThe postmortem's \"{}\" says: ", section.label);
                out.push_str(&said.join(" "));
                out.push('\n');
            }
        }
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_and_empty_input_are_refused() {
        assert_eq!(text_of(b""), Err(InputError::Empty));
        assert_eq!(text_of(b"  \n\t\n"), Err(InputError::Empty));
        assert_eq!(text_of(b"\xEF\xBB\xBF\n"), Err(InputError::Empty));
        assert_eq!(
            text_of(b"PK\x03\x04\x00\x00"),
            Err(InputError::Binary { offset: 4 })
        );
        assert_eq!(text_of(b"ok \xff"), Err(InputError::NotText { offset: 3 }));
        assert_eq!(
            text_of(b"Impact: users failed."),
            Ok("Impact: users failed.")
        );
    }

    #[test]
    fn headings_tell_the_cause_from_the_fix() {
        assert_eq!(part_of("Root Causes"), Part::Beat(Beat::RootCause));
        assert_eq!(part_of("Trigger"), Part::Beat(Beat::RootCause));
        assert_eq!(part_of("Contributing factors"), Part::Beat(Beat::RootCause));
        assert_eq!(part_of("Why it happened"), Part::Beat(Beat::RootCause));
        assert_eq!(part_of("Resolution"), Part::Beat(Beat::Fix));
        assert_eq!(part_of("Recovery"), Part::Beat(Beat::Fix));
        assert_eq!(part_of("What users saw"), Part::Beat(Beat::BlastRadius));
        assert_eq!(
            part_of("What we are doing about it"),
            Part::Beat(Beat::SystemicChange)
        );
        assert_eq!(part_of("How we found out"), Part::Detection);
        assert_eq!(part_of("Timeline"), Part::Timeline);
        assert_eq!(part_of("Decisions"), Part::Decision);
        assert_eq!(part_of("Summary"), Part::Prose);
    }

    #[test]
    fn titles_lose_their_postmortem_prefix() {
        assert_eq!(tidy_title("Postmortem: Checkout outage"), "Checkout outage");
        assert_eq!(tidy_title("Incident report — DNS"), "DNS");
        assert_eq!(tidy_title("Postmortem"), "Postmortem");
    }
}
