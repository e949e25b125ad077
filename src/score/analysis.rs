//! A story read once: each field tokenized, split into sentences, its
//! lexicon phrases and quantities found. Every dimension reads this.

use super::lexicon::{self, Hit, Tag};
use super::quantity::{self, Quantity};
use super::text::{self, Sentence, Token};
use super::{Evidence, Rule};

/// Whether a field is prose (a story beat, free text) or one before/after
/// metric line, which only the numbers dimension reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Prose,
    Metric,
}

pub struct Field<'a> {
    pub name: String,
    pub kind: FieldKind,
    /// The story beat this text stands for (`fix`, `decision`, ...): the
    /// story field itself, or the section a label opened in free text.
    /// `None` for text that may serve any beat.
    pub beat: Option<&'static str>,
    /// Text under a label that sets the scene ("Situation", "Background"):
    /// how things stood before the story.
    pub setting: bool,
    /// Text under a label whose note says the work is still to do
    /// ("Action items (open)"): plans, not changes made.
    pub to_do: bool,
    /// Where `text` starts in the field the user wrote: evidence spans are
    /// given in that field's text.
    pub offset: usize,
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    pub sentences: Vec<Sentence>,
    pub hits: Vec<Hit>,
    pub quantities: Vec<Quantity>,
    /// Told by its speaker: "I" or "we" said at least twice (hedges aside).
    /// Read once here, not per sentence by the rules that ask.
    pub told_by_speaker: bool,
}

impl<'a> Field<'a> {
    pub fn new(name: impl Into<String>, kind: FieldKind, text: &'a str) -> Field<'a> {
        let name = name.into();
        let beat = name
            .parse::<crate::kit::StoryField>()
            .ok()
            .filter(|f| f.is_beat())
            .map(|f| f.key());
        Field::section(name, kind, text, 0, beat)
    }

    /// A part of a field's text, starting at byte `offset`, standing for `beat`.
    pub fn section(
        name: impl Into<String>,
        kind: FieldKind,
        text: &'a str,
        offset: usize,
        beat: Option<&'static str>,
    ) -> Field<'a> {
        let (mut tokens, mut sentences) = text::tokenize(text);
        let hits = lexicon::scan(&mut tokens);
        text::judge_sentences(&tokens, &mut sentences);
        let quantities = quantity::find_quantities(&tokens);
        let told_by_speaker = tokens
            .iter()
            .filter(|t| !t.masked && matches!(t.lower.as_ref(), "i" | "we"))
            .nth(1)
            .is_some();
        Field {
            name: name.into(),
            kind,
            beat,
            setting: false,
            to_do: false,
            offset,
            text,
            tokens,
            sentences,
            hits,
            quantities,
            told_by_speaker,
        }
    }

    /// Hits inside sentence `s`.
    pub fn hits_in(&self, s: &Sentence) -> &[Hit] {
        let from = self.hits.partition_point(|h| h.first < s.first);
        let to = self.hits.partition_point(|h| h.first < s.last);
        &self.hits[from..to]
    }

    /// Quantities inside sentence `s`.
    pub fn quantities_in(&self, s: &Sentence) -> &[Quantity] {
        let from = self.quantities.partition_point(|q| q.first < s.first);
        let to = self.quantities.partition_point(|q| q.first < s.last);
        &self.quantities[from..to]
    }

    /// The first hit with `tag` in sentence `s`.
    pub fn find(&self, s: &Sentence, tag: Tag) -> Option<Hit> {
        self.hits_in(s).iter().copied().find(|h| h.tags.has(tag))
    }

    pub fn has(&self, s: &Sentence, tag: Tag) -> bool {
        self.find(s, tag).is_some()
    }

    /// The words of a hit, lowercased, hedges left out: what makes two hits
    /// the same evidence.
    pub fn phrase(&self, hit: Hit) -> String {
        self.tokens[hit.first..hit.last]
            .iter()
            .filter(|t| t.lower != "-" && !t.masked)
            .map(|t| t.lower.as_ref())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Sentences that count (not keyword salad).
    pub fn counting_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(|s| s.counts)
    }

    /// Evidence for a token range.
    pub fn evidence(&self, first: usize, last: usize, rule: Rule, why: String) -> Evidence {
        let start = self.tokens[first].start;
        let end = self.tokens[last - 1].end;
        self.evidence_span(start, end, rule, why)
    }

    pub fn evidence_span(&self, start: usize, end: usize, rule: Rule, why: String) -> Evidence {
        Evidence {
            field: self.name.clone(),
            start: start + self.offset,
            end: end + self.offset,
            text: self.text[start..end].to_string(),
            rule: rule.name(),
            why,
        }
    }
}

/// The fields one dimension reads: in a structured story, its own beats
/// (the fix is judged on the fix and root cause, not on words that happen to
/// be in the blast radius); in free text, the one text.
pub struct Analysis<'f, 'a> {
    pub fields: Vec<&'f Field<'a>>,
}

impl<'f, 'a> Analysis<'f, 'a> {
    /// The fields named in `home` (all prose when `None`), metric lines, and free text.
    pub fn of(all: &'f [Field<'a>], home: Option<&[&str]>) -> Analysis<'f, 'a> {
        let fields = all
            .iter()
            .filter(|f| {
                f.kind == FieldKind::Metric
                    || home.is_none_or(|names| f.beat.is_none_or(|beat| names.contains(&beat)))
            })
            .collect();
        Analysis { fields }
    }

    pub fn prose(&self) -> impl Iterator<Item = &'f Field<'a>> + '_ {
        self.fields
            .iter()
            .copied()
            .filter(|f| f.kind == FieldKind::Prose)
    }

    /// Every counting prose sentence with its field.
    pub fn sentences(&self) -> impl Iterator<Item = (&'f Field<'a>, &'f Sentence)> + '_ {
        self.prose()
            .flat_map(|f| f.counting_sentences().map(move |s| (f, s)))
    }

    /// The first counting prose sentence for which `rule` gives evidence.
    pub fn first<F>(&self, mut rule: F) -> Option<Evidence>
    where
        F: FnMut(&Field<'a>, &Sentence) -> Option<Evidence>,
    {
        self.sentences().find_map(|(f, s)| rule(f, s))
    }

    /// Words in the prose and metric lines: what would be said out loud.
    pub fn words(&self) -> usize {
        self.fields
            .iter()
            .map(|f| {
                f.tokens
                    .iter()
                    .filter(|t| t.is_word() || t.kind == text::TokenKind::Number)
                    .count()
            })
            .sum()
    }
}

/// True for a first-person-singular subject right before token `i`
/// (a few adverbs may stand between: "I then quickly rolled back").
pub fn first_person_before(field: &Field, i: usize, reach: usize) -> bool {
    let mut j = i;
    let mut steps = 0;
    while j > 0 && steps <= reach {
        j -= 1;
        let t = &field.tokens[j];
        if t.sentence != field.tokens[i].sentence {
            return false;
        }
        if t.masked || !t.is_word() {
            continue;
        }
        if matches!(t.lower.as_ref(), "i" | "i've" | "i'd" | "my") {
            return true;
        }
        steps += 1;
    }
    false
}

/// True when sentence `s` has a first-person-singular word in it.
pub fn sentence_is_first_person(field: &Field, s: &Sentence) -> bool {
    field.tokens[s.first..s.last].iter().any(|t| {
        !t.masked
            && matches!(
                t.lower.as_ref(),
                "i" | "i'm" | "i've" | "i'd" | "my" | "me" | "myself"
            )
    })
}

/// A negation or a hypothetical within `reach` words before token `i`, in
/// its sentence: "we did not have backoff to avoid this", "the job that
/// should have renewed it". What follows was not done.
pub fn negated_before(field: &Field, i: usize, reach: usize) -> bool {
    let sentence = field.tokens[i].sentence;
    field.tokens[..i]
        .iter()
        .rev()
        .take_while(|t| t.sentence == sentence)
        .take(reach)
        .any(|t| {
            matches!(
                t.lower.as_ref(),
                "not"
                    | "didn't"
                    | "don't"
                    | "no"
                    | "never"
                    | "without"
                    | "wasn't"
                    | "weren't"
                    | "should"
                    | "could"
                    | "would"
                    | "shouldn't"
                    | "couldn't"
                    | "wouldn't"
                    | "lacked"
                    | "missing"
                    | "skipped"
                    | "skipping"
                    | "n't"
            )
        })
}
