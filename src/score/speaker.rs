//! Who the speaker of a story is: "I", and, in a postmortem told in the
//! third person, its author and the roles the author took. Role reads it.

use std::collections::BTreeSet;

use super::analysis::{Analysis, Field, sentence_is_first_person};
use super::lexicon::Tag;
use super::text::{Sentence, Token, TokenKind};

/// Words in brackets by which a postmortem's author points at themselves:
/// "The on-call engineer (the author) paused the consumer".
const SELF_MARKS: &[&[&str]] = &[
    &["the", "author"],
    &["me"],
    &["myself"],
    &["that's", "me"],
    &["that", "was", "me"],
    &["yours", "truly"],
    &["the", "writer"],
];

/// The same incident role in other words: "incident commander" and "IC",
/// "on-call engineer" and "the on-call".
fn role_key(phrase: &str) -> &str {
    if phrase == "ic" || phrase.contains("commander") {
        "incident commander"
    } else if phrase.contains("call") {
        "on call"
    } else {
        phrase
    }
}

/// Who the speaker is. Besides "I": the author of a postmortem told in the
/// third person ("The on-call SRE (the author) acted as incident
/// commander", "The author reverted the header", a line "Author: M. Okafor
/// (on call, incident commander)" or "Me: storage on-call"), and from then
/// on the role they took ("The IC re-energised the breakers").
pub(super) struct Speaker {
    /// Per prose field: the token ranges of subjects that are the speaker
    /// (the verb it did follows).
    subjects: Vec<Vec<(usize, usize)>>,
    /// Per prose field: the first token of each sentence about the speaker
    /// told without "I".
    sentences: Vec<BTreeSet<usize>>,
}

impl Speaker {
    pub(super) fn read(a: &Analysis) -> Speaker {
        let fields: Vec<&Field> = a.prose().collect();
        let mut subjects = vec![Vec::new(); fields.len()];
        let mut sentences = vec![BTreeSet::new(); fields.len()];
        let mut roles = BTreeSet::new();
        for (n, f) in fields.iter().enumerate() {
            // Token ranges about the speaker: the field or section about
            // the speaker's role ("Author: M. Okafor (on call)") and what
            // follows.
            let mut mine = Vec::new();
            if f.beat == Some("role") {
                mine.extend(f.sentences.iter().map(|s| (s.first, s.last)));
            }
            for (i, t) in f.tokens.iter().enumerate() {
                if t.masked {
                    continue;
                }
                if t.lower == "(" {
                    if let Some(end) = self_mark(f, i + 1, f.tokens.len()) {
                        subjects[n].push((i, end));
                        mine.push(sentence_of(f, i));
                    }
                } else if t.lower == "author"
                    && f.tokens.get(i + 1).is_some_and(|t| t.lower == ":")
                    && f.text[t.start..].starts_with('A')
                {
                    // "Status: complete. Author: platform on-call engineer".
                    mine.push(sentence_of(f, i));
                } else if t.lower == "author"
                    && i > 0
                    && f.tokens[i - 1].lower == "the"
                    && f.tokens.get(i + 1).is_none_or(|t| t.lower != ")")
                {
                    subjects[n].push((i - 1, i + 1));
                    mine.push(sentence_of(f, i));
                }
            }
            // Each range is a whole sentence.
            for (first, last) in mine {
                if !sentences[n].insert(first) {
                    continue;
                }
                let from = f.hits.partition_point(|h| h.first < first);
                let to = f.hits.partition_point(|h| h.first < last);
                for h in &f.hits[from..to] {
                    if h.tags.has(Tag::RoleName) && !someone_elses(f, h.first) {
                        roles.insert(role_key(&f.phrase(*h)).to_string());
                    }
                }
            }
        }
        // "The IC instead re-energised the breakers": a sentence or line
        // whose subject is a role the author took.
        for (n, f) in fields.iter().enumerate() {
            for h in f.hits.iter().filter(|h| h.tags.has(Tag::RoleName)) {
                let Some(the) = (0..h.first).rev().find(|&k| !f.tokens[k].masked) else {
                    continue;
                };
                let s = &f.sentences[f.tokens[h.first].sentence];
                let opens =
                    f.tokens[the].lower == "the" && (line_start(f, s) == the || opens_line(f, the));
                // "The on-call SRE (the author)": the mark is the subject.
                let marked = f.tokens[h.last..s.last]
                    .iter()
                    .take(3)
                    .any(|t| t.lower == "(");
                if opens && !marked && roles.contains(role_key(&f.phrase(*h))) {
                    subjects[n].push((the, h.last));
                    sentences[n].insert(s.first);
                }
            }
        }
        for subjects in &mut subjects {
            subjects.sort_unstable();
        }
        Speaker {
            subjects,
            sentences,
        }
    }

    /// Whether sentence `s` of the `n`th prose field is about the speaker:
    /// said with "I", in the field or section about the speaker's role, or
    /// about the author told in the third person.
    pub(super) fn speaks_in(&self, n: usize, f: &Field, s: &Sentence) -> bool {
        sentence_is_first_person(f, s)
            || f.beat == Some("role")
            || self.sentences[n].contains(&s.first)
    }

    /// The subjects in sentence `s` of the `n`th prose field that are the
    /// speaker told without "I", as token ranges: the verb follows each.
    pub(super) fn subjects_in(
        &self,
        n: usize,
        s: &Sentence,
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mine = &self.subjects[n];
        let from = mine.partition_point(|&(first, _)| first < s.first);
        let to = mine.partition_point(|&(first, _)| first < s.last);
        let last = s.last;
        mine[from..to]
            .iter()
            .copied()
            .filter(move |&(_, end)| end < last)
    }
}

/// Whether token `i` is the first thing on its line (after a list mark or
/// markup).
fn opens_line(f: &Field, i: usize) -> bool {
    let before = &f.text[..f.tokens[i].start];
    let line = before.rsplit('\n').next().unwrap_or(before);
    line.chars()
        .all(|c| c.is_whitespace() || matches!(c, '*' | '#' | '-' | '_' | '•' | '>'))
}

/// The token range of the sentence token `i` is in.
fn sentence_of(f: &Field, i: usize) -> (usize, usize) {
    let s = &f.sentences[f.tokens[i].sentence];
    (s.first, s.last)
}

/// The end of a self mark ("the author)") starting at token `i`, or `None`.
fn self_mark(f: &Field, i: usize, last: usize) -> Option<usize> {
    SELF_MARKS.iter().find_map(|mark| {
        let end = i + mark.len();
        (end < last
            && f.tokens[i..end]
                .iter()
                .map(|t| t.lower.as_ref())
                .eq(mark.iter().copied())
            && f.tokens[end].lower == ")")
            .then_some(end + 1)
    })
}

/// "I raised it with my manager", "our incident commander paged me": a
/// role of someone else's. "SSM Session Manager": a product's name.
pub(super) fn someone_elses(f: &Field, at: usize) -> bool {
    let s = &f.sentences[f.tokens[at].sentence];
    let before = f.tokens[s.first..at].iter().rev().find(|t| !t.masked);
    let capital = |t: &Token| {
        f.text[t.start..t.end]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    before.is_some_and(|t| {
        matches!(t.lower.as_ref(), "my" | "our" | "their" | "his" | "her")
            || (t.is_word() && t.lower != "i" && capital(t) && capital(&f.tokens[at]))
    })
}

/// The first word of sentence `s`, after a list item's mark ("- ", "2. ").
pub(super) fn line_start(f: &Field, s: &Sentence) -> usize {
    (s.first..s.last)
        .find(|&i| f.tokens[i].is_word())
        .filter(|&i| {
            f.tokens[s.first..i]
                .iter()
                .all(|t| t.kind != TokenKind::Word && t.lower.len() <= 2)
        })
        .unwrap_or(s.first)
}
