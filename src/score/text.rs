//! Text analysis shared by every evaluator: tokens with byte spans, sentences,
//! and the guard that keeps keyword salad from counting as prose.
//!
//! One pass over the text, no backtracking: scoring stays linear in length.

use std::borrow::Cow;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (any script), digits after a letter, `_`, inner apostrophes.
    Word,
    /// Digits with inner `,` or `.` (`12,000`, `99.95`).
    Number,
    /// Anything else that is not white space: `%`, `$`, `->`, `-`, `.`, ...
    Symbol,
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub kind: TokenKind,
    /// Byte span in the analysed text; always on char boundaries.
    pub start: usize,
    pub end: usize,
    /// Lowercased text (`->`, `=>` and `→` all read `->`): borrowed from the
    /// text when it is lowercase already, so most tokens allocate nothing.
    pub lower: Cow<'a, str>,
    /// No white space between this token and the one before.
    pub glued: bool,
    /// Part of a hedge ("kind of", "basically"): invisible to every rule, so
    /// hedging can only ever cost points.
    pub masked: bool,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
    /// One of the little words every English sentence is made of (set by
    /// the lexicon scan).
    pub function: bool,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

#[derive(Debug, Clone)]
pub struct Sentence {
    /// Token range `[first, last)`.
    pub first: usize,
    pub last: usize,
    /// False for keyword salad and for a sentence said before: see
    /// [`judge_sentences`].
    pub counts: bool,
    /// Keyword salad: a list of terms with (almost) no grammar, or one
    /// that repeats its words.
    pub salad: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Lowercase, with typographic apostrophes made plain; borrowed when the
/// word is plain lowercase ASCII already.
fn lowercase_word(raw: &str) -> Cow<'_, str> {
    if raw.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        return Cow::Borrowed(raw);
    }
    let lower = raw.to_lowercase();
    Cow::Owned(if lower.contains('\u{2019}') {
        lower.replace('\u{2019}', "'")
    } else {
        lower
    })
}

/// Typographic punctuation pasted from a word processor or a web page reads
/// as its plain equivalent, so it can never change a score.
fn plain_symbol(raw: &str) -> &str {
    match raw {
        "=>" | "→" | "⟶" | "➔" => "->",
        "\u{2010}" | "\u{2011}" | "\u{2012}" | "\u{2013}" | "\u{2014}" | "\u{2212}" => "-",
        "\u{201c}" | "\u{201d}" | "\u{201e}" | "\u{ab}" | "\u{bb}" => "\"",
        "\u{2018}" | "\u{2019}" | "\u{201a}" => "'",
        "\u{2026}" => "...",
        "\u{d7}" => "x",
        "\u{2248}" => "~",
        "\u{ff05}" => "%",
        other => other,
    }
}

/// Splits `text` into tokens and sentences.
pub fn tokenize(text: &str) -> (Vec<Token<'_>>, Vec<Sentence>) {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let mut sentences = Vec::new();
    let mut sentence_start = 0usize;
    let mut chars = text.char_indices().peekable();
    let mut glued = false;
    let mut newlines_in_gap = 0usize;

    let mut end_sentence = |tokens: &mut Vec<Token>, sentences: &mut Vec<Sentence>| {
        if tokens.len() > sentence_start {
            sentences.push(Sentence {
                first: sentence_start,
                last: tokens.len(),
                counts: true,
                salad: false,
            });
            sentence_start = tokens.len();
        }
    };

    while let Some(&(start, c)) = chars.peek() {
        // A byte-order mark or a zero-width space pasted with the text is white space.
        if c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}') {
            if c == '\n' {
                newlines_in_gap += 1;
            }
            chars.next();
            glued = false;
            continue;
        }
        // A blank line, or a new line that opens a list item, ends a sentence.
        if newlines_in_gap >= 2
            || (newlines_in_gap == 1
                && matches!(
                    c,
                    '-' | '*'
                        | '•'
                        | '#'
                        | '\u{2013}'
                        | '\u{2014}'
                        | '\u{2010}'
                        | '\u{2011}'
                        | '‣'
                        | '◦'
                        | '▪'
                        | '·'
                ))
        {
            end_sentence(&mut tokens, &mut sentences);
        }
        newlines_in_gap = 0;

        let (kind, end) = if c.is_ascii_digit() {
            let mut end = start + c.len_utf8();
            chars.next();
            while let Some(&(i, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    chars.next();
                    end = i + 1;
                } else if d == ',' || d == '.' {
                    // Only an inner separator: `12,000`, `99.95`, not `5,` or `5.`
                    let mut ahead = chars.clone();
                    ahead.next();
                    match ahead.peek() {
                        Some(&(_, n)) if n.is_ascii_digit() => {
                            chars.next();
                            end = i + 1;
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            (TokenKind::Number, end)
        } else if is_word_char(c) {
            let mut end = start + c.len_utf8();
            chars.next();
            while let Some(&(i, d)) = chars.peek() {
                if is_word_char(d) {
                    chars.next();
                    end = i + d.len_utf8();
                } else if is_apostrophe(d) {
                    let mut ahead = chars.clone();
                    ahead.next();
                    match ahead.peek() {
                        Some(&(_, n)) if n.is_alphabetic() => {
                            chars.next();
                            end = i + d.len_utf8();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            (TokenKind::Word, end)
        } else {
            chars.next();
            let mut end = start + c.len_utf8();
            if (c == '-' || c == '=')
                && let Some(&(i, '>')) = chars.peek()
            {
                chars.next();
                end = i + 1;
            }
            (TokenKind::Symbol, end)
        };

        let raw = &text[start..end];
        let lower = match kind {
            TokenKind::Word => lowercase_word(raw),
            TokenKind::Symbol => Cow::Borrowed(plain_symbol(raw)),
            _ => Cow::Borrowed(raw),
        };
        let sentence = sentences.len();
        tokens.push(Token {
            kind,
            start,
            end,
            lower,
            glued,
            masked: false,
            sentence,
            function: false,
        });
        glued = true;

        if kind == TokenKind::Symbol && matches!(raw, "." | "!" | "?" | ";" | "\u{2026}") {
            let next_is_space = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
            // "standby vs. staying in-region": the stop of an abbreviation.
            let abbreviation = raw == "."
                && tokens.len() >= 2
                && matches!(
                    tokens[tokens.len() - 2].lower.as_ref(),
                    "vs" | "approx" | "incl" | "cf"
                );
            if next_is_space && !abbreviation {
                end_sentence(&mut tokens, &mut sentences);
            }
        }
    }
    end_sentence(&mut tokens, &mut sentences);
    (tokens, sentences)
}

/// Little words every English sentence is made of. Keyword salad has none.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "across", "after", "against", "all", "an", "and", "any", "are", "as", "at",
    "back", "be", "been", "before", "between", "but", "by", "could", "did", "do", "down", "during",
    "each", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is",
    "it", "it's", "its", "me", "my", "no", "not", "of", "off", "on", "once", "one", "only", "or",
    "our", "out", "over", "per", "she", "since", "so", "some", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
    "until", "up", "us", "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "why", "will", "with", "within", "without", "would", "you", "your",
];

/// A name written as code: `max_connections`, `maxThreads`,
/// `spark.executor.memory` (not "e.g.").
pub fn written_as_code(raw: &str) -> bool {
    let dotted = raw.contains('.') && {
        let parts: Vec<&str> = raw.split('.').collect();
        parts.iter().all(|p| p.chars().any(char::is_alphabetic))
            && parts.iter().any(|p| p.len() >= 3)
    };
    raw.contains('_')
        || dotted
        || raw
            .chars()
            .zip(raw.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// Token `k` continues the dotted name before it, which the tokenizer
/// splits ("auto.offset.reset" is three words and two dots): a word glued
/// to a dot glued to a word.
pub fn continues_a_dotted_name(tokens: &[Token<'_>], k: usize) -> bool {
    k >= 2
        && tokens.get(k).is_some_and(|t| t.is_word() && t.glued)
        && tokens[k - 1].lower == "."
        && tokens[k - 1].glued
        && tokens[k - 2].is_word()
}

pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.binary_search(&word).is_ok()
}

/// Marks sentences that are keyword salad (call after the lexicon scan,
/// which marks function words and hedges), which no rule may count: a long
/// sentence with (almost) no function words, one that repeats its content
/// words, or one said before in the same text. Hedge tokens are left out, so adding a hedge never changes a verdict.
pub fn judge_sentences(tokens: &[Token<'_>], sentences: &mut [Sentence]) {
    let mut content_words: Vec<&str> = Vec::new();
    let mut said = std::collections::HashSet::new();
    for sentence in sentences.iter_mut() {
        // A sentence said twice counts once: repeating a story earns nothing.
        let mut hasher = std::hash::DefaultHasher::new();
        for token in &tokens[sentence.first..sentence.last] {
            if !token.masked {
                std::hash::Hash::hash(token.lower.as_ref(), &mut hasher);
            }
        }
        if !said.insert(std::hash::Hasher::finish(&hasher)) {
            sentence.counts = false;
            continue;
        }
        content_words.clear();
        let (mut words, mut function) = (0usize, 0usize);
        for (i, token) in tokens[sentence.first..sentence.last].iter().enumerate() {
            let at = sentence.first + i;
            // "idle_in_transaction_session_timeout = 10min",
            // "auto.offset.reset=none": a setting assigned is a statement,
            // its "=" a word of grammar.
            let assigns = token.lower == "="
                && i > 0
                // Each part of a dotted name still counts as a word:
                // keywords glued with dots must not pass for prose.
                && (written_as_code(&tokens[at - 1].lower) || continues_a_dotted_name(tokens, at - 1));
            // "detection 17 min -> 2.5 min": an arrow to a figure says
            // "went to", a word of grammar in a terse note.
            let went_to = token.lower == "->"
                && tokens[sentence.first + i + 1..sentence.last]
                    .iter()
                    .find(|t| !t.masked && !matches!(t.lower.as_ref(), "~" | "≈" | "<" | ">"))
                    .is_some_and(|t| t.kind == TokenKind::Number);
            if assigns || went_to {
                words += 1;
                function += 1;
            }
            if !token.is_word() || token.masked {
                continue;
            }
            words += 1;
            if token.function {
                function += 1;
            } else {
                content_words.push(&token.lower);
            }
        }
        let content = content_words.len();
        content_words.sort_unstable();
        content_words.dedup();
        let repeated = content - content_words.len();
        let salad = (words >= 4 && function == 0) || (words >= 8 && function * 100 < words * 12);
        let stuffed = content >= 4 && repeated * 2 > content;
        sentence.salad = salad || stuffed;
        sentence.counts = !sentence.salad;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
            .0
            .into_iter()
            .map(|t| t.lower.into_owned())
            .collect()
    }

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn tokens_keep_numbers_units_and_arrows_apart() {
        assert_eq!(
            words("MTTD: 8 min -> 90secs; 12,000 users, 99.95% SLO → ok"),
            [
                "mttd", ":", "8", "min", "->", "90", "secs", ";", "12,000", "users", ",", "99.95",
                "%", "slo", "->", "ok"
            ]
        );
        assert_eq!(
            words("don’t I'm on-call"),
            ["don't", "i'm", "on", "-", "call"]
        );
        assert_eq!(
            words("v2.3 max_connections 5."),
            ["v2", ".", "3", "max_connections", "5", "."]
        );
    }

    #[test]
    fn sentences_end_at_stops_blank_lines_and_list_items_not_decimals() {
        let (_, sentences) =
            tokenize("Rate was 99.95% today. Next one!\n- item one\n- item two\n\nlast");
        assert_eq!(sentences.len(), 5);
        let (_, sentences) = tokenize("a line wrapped\nin the middle");
        assert_eq!(sentences.len(), 1);
    }

    #[test]
    fn spans_point_at_the_text() {
        let text = "Ünïcode — 90 s";
        let (tokens, _) = tokenize(text);
        for t in &tokens {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        assert_eq!(&text[tokens[0].start..tokens[0].end], "Ünïcode");
    }

    #[test]
    fn keyword_salad_does_not_count_but_terse_notes_do() {
        for (text, counts) in [
            (
                "SLO alert canary runbook postmortem rollback customers outage",
                false,
            ),
            ("SLO SLO SLO SLO because because", false),
            (
                "I rolled back the release and the errors stopped within a minute",
                true,
            ),
            (
                "Capped deployment at 36 pods, added PgBouncer transaction mode, server pool of 400",
                true,
            ),
            ("Rolled back.", true),
            ("SLO canary because runbook added", false),
            ("Added the SLO alert", true),
            // The "=" after a dotted setting's name is grammar.
            (
                "- Set auto.offset.reset=none for billing consumers (done).",
                true,
            ),
            (
                "Set net.core.somaxconn and net.ipv4.tcp_max_syn_backlog on every node (done).",
                true,
            ),
        ] {
            let (mut tokens, mut sentences) = tokenize(text);
            crate::score::lexicon::scan(&mut tokens);
            judge_sentences(&tokens, &mut sentences);
            assert_eq!(sentences[0].counts, counts, "{text}");
        }
    }
}
