//! Quantities with units, read from text: "8 min", "90secs", "99.95%",
//! "$240,000", "2.4x", "12,000 users", "40 pages/week", "3 per quarter".
//! Shared by the story scorer, the metrics step and the metrics quiz.

use super::text::{Token, TokenKind, is_function_word, tokenize};

/// What a quantity measures. Values are kept in a base unit: seconds for
/// time, bytes for sizes, the plain number otherwise.
#[derive(Debug, Clone, PartialEq)]
pub enum Dim {
    Duration,
    Percent,
    Money,
    Ratio,
    Bytes,
    /// A count of something, with the thing counted when it was named ("pages").
    Count(Option<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// In the base unit of `dim` (seconds, bytes, ...).
    pub value: f64,
    pub dim: Dim,
    /// "per week" as seconds (604,800), for rates.
    pub per: Option<f64>,
    /// Byte span in the text it was read from.
    pub start: usize,
    pub end: usize,
    /// Token range `[first, last)`.
    pub first: usize,
    pub last: usize,
    /// The base units in one of the unit written: 60 for "minutes", 1 for
    /// a bare number.
    pub unit: f64,
}

const MINUTE: f64 = 60.0;
const HOUR: f64 = 3600.0;
const DAY: f64 = 86_400.0;
const WEEK: f64 = 7.0 * DAY;

/// Seconds in one of a time unit's words, any common spelling or typo.
pub fn seconds_in(word: &str) -> Option<f64> {
    Some(match word {
        "ns" | "nanosecond" | "nanoseconds" => 1e-9,
        "us" | "µs" | "microsecond" | "microseconds" => 1e-6,
        "ms" | "msec" | "msecs" | "millisecond" | "milliseconds" | "millis" => 1e-3,
        "s" | "sec" | "secs" | "second" | "seconds" | "seconde" | "secods" | "seconsd" => 1.0,
        "m" | "min" | "mins" | "minute" | "minutes" | "minuts" | "mintues" | "minues" => MINUTE,
        "h" | "hr" | "hrs" | "hour" | "hours" | "hous" => HOUR,
        "d" | "day" | "days" => DAY,
        "w" | "wk" | "wks" | "week" | "weeks" => WEEK,
        "month" | "months" | "mo" | "mos" => 30.0 * DAY,
        "quarter" | "quarters" | "qtr" => 91.0 * DAY,
        "sprint" | "sprints" => 14.0 * DAY,
        "y" | "yr" | "yrs" | "year" | "years" => 365.0 * DAY,
        _ => return None,
    })
}

fn bytes_in(word: &str) -> Option<f64> {
    Some(match word {
        "kb" | "kilobytes" => 1e3,
        "mb" | "megabytes" | "meg" | "megs" => 1e6,
        "gb" | "gigabytes" | "gig" | "gigs" => 1e9,
        "tb" | "terabytes" => 1e12,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        "tib" => 1024f64.powi(4),
        _ => return None,
    })
}

pub(crate) fn number_word(word: &str) -> Option<f64> {
    Some(match word {
        "zero" | "none" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// Words after a number that are not the thing counted.
fn is_count_noun(word: &str) -> bool {
    word.chars().all(char::is_alphabetic)
        && word.chars().count() > 1
        && !is_function_word(word)
        && !matches!(
            word,
            "th" | "st"
                | "nd"
                | "rd"
                | "xx"
                | "times"
                | "percent"
                | "more"
                | "less"
                | "fewer"
                | "and"
                | "or"
                | "in"
                | "at"
                | "am"
                | "pm"
                | "per"
                | "every"
                | "vs"
                | "versus"
                // "9,600-odd", "40-ish", "300-plus": the figure rounded.
                | "odd"
                | "ish"
                | "plus"
        )
}

fn singular(noun: &str) -> String {
    noun.strip_suffix('s')
        .filter(|stem| stem.len() > 2 && !noun.ends_with("ss"))
        .unwrap_or(noun)
        .to_string()
}

fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text.chars().filter(|&c| c != ',').collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Visible token after `i` (skipping hedges, and a glued hyphen as in "26-minute").
fn after(tokens: &[Token], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while tokens.get(j).is_some_and(|t| t.masked) {
        j += 1;
    }
    if let Some(t) = tokens.get(j)
        && t.kind == TokenKind::Symbol
        && t.lower == "-"
        && t.glued
        && tokens.get(j + 1).is_some_and(|n| n.glued && n.is_word())
    {
        j += 1;
    }
    (j < tokens.len() && tokens[j].sentence == tokens[i].sentence).then_some(j)
}

/// Reads a rate suffix at `j` ("/week", "per quarter", "a week"): seconds and the last token.
fn rate_at(tokens: &[Token], j: usize) -> Option<(f64, usize)> {
    let t = tokens.get(j)?;
    let joiner =
        t.lower == "/" || matches!(t.lower.as_ref(), "per" | "a" | "an" | "each" | "every");
    if !joiner {
        return None;
    }
    let k = after(tokens, j)?;
    seconds_in(&tokens[k].lower).map(|s| (s, k))
}

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// True when the number at `i` is part of a clock time, a date or a name.
fn is_clock_or_date(tokens: &[Token], i: usize) -> bool {
    let next = tokens.get(i + 1);
    let glued_next = |s: &str| next.is_some_and(|t| t.glued && t.lower == s);
    // 16:24, 9:37AM, 14:05:33
    if glued_next(":")
        && tokens
            .get(i + 2)
            .is_some_and(|t| t.glued && t.kind == TokenKind::Number)
    {
        return true;
    }
    // 9am, 9 pm, 2:14 a.m.
    if next.is_some_and(|t| matches!(t.lower.as_ref(), "am" | "pm" | "utc" | "gmt")) {
        return true;
    }
    if i > 0 {
        let prev = &tokens[i - 1];
        // "September 5", "on Sept 12"
        if prev.is_word() && MONTHS.contains(&prev.lower.as_ref()) && !prev.glued {
            return true;
        }
        // us-east-1, eu-west-2: a number glued to a hyphen glued to a word.
        if token_is(prev, "-") && prev.glued && tokens[i].glued && i >= 2 && tokens[i - 2].is_word()
        {
            return true;
        }
    }
    // "5 September", "12th of March"
    if let Some(n) = next
        && n.is_word()
        && MONTHS.contains(&n.lower.as_ref())
        && n.lower != "may"
        && n.lower != "mar"
    {
        return true;
    }
    false
}

fn token_is(t: &Token, s: &str) -> bool {
    t.lower == s
}

/// A number word on either side of a change, "from nine incidents a
/// quarter to one", "from 11 days to under one": a count, as a digit
/// would be there.
fn counted_from_to(tokens: &[Token], i: usize) -> bool {
    const NEAR: &[&str] = &[
        "about", "around", "under", "over", "roughly", "just", "nearly", "almost", "below",
        "above", "only", "~",
    ];
    let sentence = tokens[i].sentence;
    let Some(before) = (0..i)
        .rev()
        .take(3)
        .find(|&k| !NEAR.contains(&tokens[k].lower.as_ref()))
    else {
        return false;
    };
    match tokens[before].lower.as_ref() {
        "from" => true,
        "to" => (0..before)
            .rev()
            .take(10)
            .take_while(|&k| tokens[k].sentence == sentence)
            .any(|k| tokens[k].lower == "from"),
        _ => false,
    }
}

/// Reads a quantity starting at token `i`, if there is one.
pub fn quantity_at(tokens: &[Token], i: usize) -> Option<Quantity> {
    if let Some(q) = time_in_words(tokens, i) {
        return Some(q);
    }
    let token = &tokens[i];
    let mut first = i;
    let mut money = false;
    // A currency sign before the number.
    let (mut value, mut last) =
        if token.kind == TokenKind::Symbol && matches!(token.lower.as_ref(), "$" | "€" | "£") {
            let n = after(tokens, i)?;
            if tokens[n].kind != TokenKind::Number || !tokens[n].glued {
                return None;
            }
            money = true;
            (parse_number(&tokens[n].lower)?, n)
        } else if token.kind == TokenKind::Number {
            // Part of an identifier (v2.3, sha1) or a version: not a quantity.
            if token.glued && i > 0 {
                let prev = &tokens[i - 1];
                if prev.is_word() || matches!(prev.lower.as_ref(), "." | "_" | ":" | "/") {
                    return None;
                }
            }
            // A clock time ("16:24", "9:37AM"), a day of a month ("September 5",
            // "5 Sept"), or the tail of a name ("us-east-1"): not a quantity.
            if is_clock_or_date(tokens, i) {
                return None;
            }
            (parse_number(&token.lower)?, i)
        } else if token.is_word() {
            let v = number_word(&token.lower)?;
            if token.lower == "dozen" {
                if i == 0 || tokens[i - 1].lower != "a" {
                    return None;
                }
                first = i - 1;
            }
            (v, i)
        } else {
            return None;
        };
    let is_word_number = tokens[last].is_word();

    // Multipliers: 1.2k, 2.1 million, $2m.
    if let Some(j) = after(tokens, last) {
        let factor = match tokens[j].lower.as_ref() {
            "k" if tokens[j].glued => Some(1e3),
            "thousand" => Some(1e3),
            "million" | "millions" | "mn" => Some(1e6),
            "m" if money => Some(1e6),
            "billion" | "bn" => Some(1e9),
            "b" if money => Some(1e9),
            _ => None,
        };
        if let Some(f) = factor {
            value *= f;
            last = j;
        }
    }

    // A range with its unit after the second figure ("62-75 s", "20–30
    // minutes", "5-10%"): one quantity, its middle.
    if !money
        && !is_word_number
        && let Some(dash) = after(tokens, last)
        && matches!(tokens[dash].lower.as_ref(), "-" | "\u{2013}")
        && let Some(n) = after(tokens, dash)
        && tokens[n].kind == TokenKind::Number
        && let Some(upper) = parse_number(&tokens[n].lower)
        && upper > value
        && let Some(u) = after(tokens, n)
        && {
            let w = tokens[u].lower.as_ref();
            seconds_in(w).is_some_and(|_| w != "m" || tokens[u].glued)
                || bytes_in(w).is_some()
                || matches!(w, "%" | "percent")
        }
    {
        value = (value + upper) / 2.0;
        last = n;
    }

    // "40-odd seconds", "300-plus users": the figure rounded, then its unit.
    if let Some(j) = after(tokens, last)
        && tokens[j].glued
        && matches!(tokens[j].lower.as_ref(), "odd" | "ish" | "plus")
    {
        last = j;
    }
    let mut dim = if money { Dim::Money } else { Dim::Count(None) };
    let mut per = None;
    let mut unit = 1.0;
    if let Some(j) = after(tokens, last) {
        let word = tokens[j].lower.as_ref();
        let glued = tokens[j].glued;
        if word == "%" || word == "percent" || word == "pct" {
            dim = Dim::Percent;
            last = j;
        } else if word == "per" && tokens.get(j + 1).is_some_and(|t| t.lower == "cent") && !money {
            dim = Dim::Percent;
            last = j + 1;
        } else if money {
            // "$240,000" needs nothing more.
        } else if let Some(s) = seconds_in(word) {
            // "m" alone is minutes only when glued ("5m") or clearly a time.
            if word != "m" || glued {
                dim = Dim::Duration;
                value *= s;
                unit = s;
                last = j;
            }
        } else if let Some(b) = bytes_in(word) {
            dim = Dim::Bytes;
            value *= b;
            unit = b;
            last = j;
        } else if word == "x" && glued {
            dim = Dim::Ratio;
            last = j;
        } else if word == "times" {
            // "3 times faster" is a ratio; "38 times a week" a count of times.
            let next = after(tokens, j).map(|k| tokens[k].lower.as_ref());
            if matches!(
                next,
                Some(
                    "faster"
                        | "more"
                        | "fewer"
                        | "less"
                        | "slower"
                        | "higher"
                        | "lower"
                        | "cheaper"
                        | "as"
                )
            ) {
                dim = Dim::Ratio;
            } else {
                dim = Dim::Count(Some("time".into()));
            }
            last = j;
        } else if matches!(word, "rps" | "qps") {
            dim = Dim::Count(Some("request".into()));
            per = Some(1.0);
            last = j;
        } else if is_count_noun(word)
            && !tokens[j].masked
            // "40 merchant-facing endpoints": the word is half an adjective.
            && !tokens.get(j + 1).is_some_and(|n| n.glued && n.lower == "-")
        {
            dim = Dim::Count(Some(singular(word)));
            last = j;
        }
    }
    // "2 hours 40 minutes", "2h 40m": one duration. Not "1h and 5m", which
    // names two windows.
    if dim == Dim::Duration {
        let mut at = last;
        while let Some(n) = after(tokens, at) {
            let Some(part) = (tokens[n].kind == TokenKind::Number)
                .then(|| parse_number(&tokens[n].lower))
                .flatten()
            else {
                break;
            };
            let Some(u) = after(tokens, n) else { break };
            let word = tokens[u].lower.as_ref();
            match seconds_in(word) {
                Some(smaller) if smaller < unit && (word != "m" || tokens[u].glued) => {
                    value += part * smaller;
                    last = u;
                    at = u;
                }
                _ => break,
            }
        }
    }
    if per.is_none()
        && !matches!(dim, Dim::Percent | Dim::Ratio)
        && let Some(j) = after(tokens, last)
        && let Some((seconds, k)) = rate_at(tokens, j)
    {
        per = Some(seconds);
        last = k;
    }

    // A number word counts only with a unit ("two weeks"), not as a count
    // ("one valid key", "two engineers"): too many false figures otherwise.
    if is_word_number
        && matches!(dim, Dim::Count(_))
        && per.is_none()
        && token.lower != "zero"
        && token.lower != "none"
        && !counted_from_to(tokens, i)
    {
        return None;
    }
    // Digits glued to letters that are no unit ("5xx", "3rd") are a name.
    if dim == Dim::Count(None) && tokens.get(last + 1).is_some_and(|t| t.glued && t.is_word()) {
        return None;
    }
    // A bare year ("in 2023") is not a quantity.
    if dim == Dim::Count(None) && per.is_none() && !money {
        let raw = &tokens[i].lower;
        if !is_word_number
            && raw.len() == 4
            && raw.chars().all(|c| c.is_ascii_digit())
            && (1900.0..=2099.0).contains(&value)
        {
            return None;
        }
    }
    Some(Quantity {
        value,
        dim,
        per,
        start: tokens[first].start,
        end: tokens[last].end,
        first,
        last: last + 1,
        unit,
    })
}

/// A time said in words, as results are told: "under a second", "within
/// a minute", "half an hour", "an hour and a half". Only after a word that
/// bounds it ("under", "within", "less than") or with "half": "for about
/// an hour" is how long harm lasted, read as such by blast radius, and
/// "once a day" is no figure at all.
fn time_in_words(tokens: &[Token], i: usize) -> Option<Quantity> {
    let word = |k: usize| tokens.get(k).map(|t| t.lower.as_ref());
    let unit_at = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.is_word())
            .and_then(|t| match t.lower.as_ref() {
                "second" | "minute" | "hour" | "day" | "week" => seconds_in(&t.lower),
                _ => None,
            })
    };
    let (share, article) = match word(i)? {
        "half" => (0.5, i + 1),
        "a" | "an" => (1.0, i),
        _ => return None,
    };
    if !matches!(word(article), Some("a" | "an")) {
        return None;
    }
    let u = after(tokens, article)?;
    let unit = unit_at(u)?;
    let measured = share < 1.0
        || i.checked_sub(1)
            .is_some_and(|b| matches!(word(b), Some("under" | "within" | "below" | "than")));
    if !measured {
        return None;
    }
    let mut last = u;
    let mut value = share;
    // "an hour and a half"
    if share == 1.0
        && let Some(and) = after(tokens, u)
        && word(and) == Some("and")
        && let Some(a) = after(tokens, and)
        && word(a) == Some("a")
        && let Some(h) = after(tokens, a)
        && word(h) == Some("half")
    {
        value = 1.5;
        last = h;
    }
    Some(Quantity {
        value: value * unit,
        dim: Dim::Duration,
        per: None,
        start: tokens[i].start,
        end: tokens[last].end,
        first: i,
        last: last + 1,
        unit,
    })
}

/// Every quantity in `tokens`, in order, none overlapping.
pub fn find_quantities(tokens: &[Token]) -> Vec<Quantity> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].masked
            && let Some(q) = quantity_at(tokens, i)
        {
            i = q.last;
            found.push(q);
            continue;
        }
        i += 1;
    }
    found
}

/// The first quantity in a short text such as a metric value ("8 min", "99.95%").
pub fn parse_quantity(text: &str) -> Option<Quantity> {
    let (tokens, _) = tokenize(text);
    find_quantities(&tokens).into_iter().next()
}

impl Quantity {
    /// Whether two quantities measure the same thing, so they can be compared.
    pub fn comparable(&self, other: &Quantity) -> bool {
        let dims = match (&self.dim, &other.dim) {
            (Dim::Count(a), Dim::Count(b)) => match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            },
            // A bare number takes the unit of the other side: "from 38 to 6 pages".
            (Dim::Count(None), _) | (_, Dim::Count(None)) => true,
            (a, b) => a == b,
        };
        let rates = match (self.per, other.per) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            _ => true,
        };
        dims && rates
    }

    /// The value, a bare number read in the unit of `other`: in "3 minutes,
    /// down from 11" the 11 is minutes.
    pub fn in_unit_of(&self, other: &Quantity) -> f64 {
        if self.dim == Dim::Count(None)
            && self.per.is_none()
            && matches!(other.dim, Dim::Duration | Dim::Bytes)
        {
            self.value * other.unit
        } else {
            self.value
        }
    }

    /// Value per second for rates, so "40/week" and "6 a day" compare.
    pub(crate) fn normalised(&self) -> f64 {
        match self.per {
            Some(seconds) if seconds > 0.0 => self.value / seconds,
            _ => self.value,
        }
    }

    /// Equal within `tolerance` (a fraction: 0.05 is 5%), allowing unit
    /// changes: 90 s equals 1.5 min.
    pub fn approx_eq(&self, other: &Quantity, tolerance: f64) -> bool {
        if !self.comparable(other) {
            return false;
        }
        // A rate compares with a bare number as said: "40/week" and "40".
        let (a, b) = if self.per.is_some() && other.per.is_some() {
            (self.normalised(), other.normalised())
        } else {
            (self.value, other.value)
        };
        if a == b {
            return true;
        }
        (a - b).abs() <= tolerance * a.abs().max(b.abs())
    }
}

/// How a value changed from `before` to `after`, in words: "-81%, 5.3x less".
/// `None` when the two cannot be compared.
pub fn describe_change(before: &Quantity, after: &Quantity) -> Option<String> {
    if !before.comparable(after) {
        return None;
    }
    let (b, a) = if before.per.is_some() && after.per.is_some() {
        (before.normalised(), after.normalised())
    } else {
        (before.in_unit_of(after), after.in_unit_of(before))
    };
    let mut parts = Vec::new();
    if before.dim == Dim::Percent && after.dim == Dim::Percent {
        let points = a - b;
        parts.push(format!("{:+} points", round_to(points, 2)));
    }
    if b != 0.0 {
        let change = (a - b) / b * 100.0;
        // "+0%" says nothing: a small relative change of a percentage is in its points.
        if change.abs() >= 0.5 || before.dim != Dim::Percent {
            parts.push(format!("{:+}%", round_to(change, 0)));
        }
    }
    if a > 0.0 && b > 0.0 {
        let (factor, word) = if a < b {
            (b / a, "less")
        } else {
            (a / b, "more")
        };
        if factor >= 1.5 {
            parts.push(format!("{}x {word}", round_to(factor, 1)));
        }
    } else if a == 0.0 && b > 0.0 {
        parts.push("down to none".into());
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn round_to(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    let rounded = (value * scale).round() / scale;
    if rounded == 0.0 { 0.0 } else { rounded }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        parse_quantity(text).unwrap_or_else(|| panic!("no quantity in {text:?}"))
    }

    #[test]
    fn units_and_typos_are_read() {
        assert_eq!(q("8 min").value, 480.0);
        assert_eq!(q("90secs").value, 90.0);
        assert_eq!(q("90 s").dim, Dim::Duration);
        assert_eq!(q("1.5 hours").value, 5400.0);
        assert_eq!(q("26-minute outage").value, 1560.0);
        assert_eq!(q("99.95%").value, 99.95);
        assert_eq!(q("99.95%").dim, Dim::Percent);
        assert_eq!(q("12 per cent").dim, Dim::Percent);
        assert_eq!(q("$240,000").value, 240_000.0);
        assert_eq!(q("$240,000").dim, Dim::Money);
        assert_eq!(q("$2.5m").value, 2_500_000.0);
        assert_eq!(q("2.4x").dim, Dim::Ratio);
        assert_eq!(q("12,000 users").value, 12_000.0);
        assert_eq!(q("12,000 users").dim, Dim::Count(Some("user".into())));
        assert_eq!(q("1.2k requests").value, 1200.0);
        assert_eq!(q("2.1 million sessions").value, 2_100_000.0);
        assert_eq!(q("40 pages/week").per, Some(WEEK));
        assert_eq!(q("3 per quarter").per, Some(91.0 * DAY));
        assert_eq!(q("38 times a week").per, Some(WEEK));
        assert_eq!(q("5m").value, 300.0);
        assert_eq!(q("512 MiB").value, 512.0 * 1024.0 * 1024.0);
        assert_eq!(q("two weeks").value, 2.0 * WEEK);
        assert_eq!(q("zero").value, 0.0);
    }

    #[test]
    fn years_versions_and_words_are_not_quantities() {
        assert_eq!(parse_quantity("back in 2023"), None);
        assert_eq!(parse_quantity("release v2.3"), None);
        assert_eq!(parse_quantity("one of the engineers"), None);
        assert_eq!(parse_quantity("p99"), None);
        assert_eq!(parse_quantity("5xx errors"), None);
        assert_eq!(parse_quantity("the old one valid"), None);
        assert!(
            parse_quantity("2023 requests").is_some(),
            "a count, not a year"
        );
        assert!(parse_quantity("2,000 connections").is_some());
    }

    #[test]
    fn unit_changes_compare_equal() {
        assert!(q("90 s").approx_eq(&q("1.5 min"), 0.05));
        assert!(!q("90 s").approx_eq(&q("9 min"), 0.05));
        assert!(q("40 pages/week").approx_eq(&q("40 per week"), 0.0));
        assert!(!q("40%").approx_eq(&q("40 min"), 0.5));
        assert!(q("99.95%").approx_eq(&q("99.9%"), 0.001));
    }

    #[test]
    fn changes_are_described() {
        assert_eq!(
            describe_change(&q("8 min"), &q("90 s")).unwrap(),
            "-81%, 5.3x less"
        );
        assert_eq!(
            describe_change(&q("67%"), &q("8%")).unwrap(),
            "-59 points, -88%, 8.4x less"
        );
        assert_eq!(
            describe_change(&q("4"), &q("0")).unwrap(),
            "-100%, down to none"
        );
        assert_eq!(describe_change(&q("8 min"), &q("40%")), None);
    }
}
