//! The arithmetic of a design answer, worked beside the user's own figures:
//! every "a × b = c" the user writes is recomputed with its units, and the
//! two sums every capacity estimate rests on are worked from the numbers
//! given — requests per second × size per request = bandwidth, bytes a day ×
//! retention (× copies) = storage — and set beside the figure the user wrote.
//! A worked figure is only shown beside one of the user's: the app checks
//! an estimate, it never does it for them.
//!
//! Units: sizes in bytes (KB, MB, GB, TB, PB are powers of 1,000; KiB, MiB,
//! ... of 1,024), bits where the unit says so (Gbit, Gbps, GbE, and a capital
//! prefix with a small b such as "Gb/s"; "gb" typed in lower case is read
//! as bytes), durations in seconds, rates per second ("/day", "a day", "per
//! hour", "rps", "qps"). "12k", "1.5M", "20 million" and "10^5" are numbers.
//! Pure: text in, worked lines out.

/// One sum, worked.
#[derive(Debug, Clone, PartialEq)]
pub struct Worked {
    /// "Your sum", "Bandwidth (photos)", "Storage", "Bill of materials".
    pub what: String,
    /// The sum: "50,000 photos per second × 200 KB = 10 GB/s". Empty when
    /// there is nothing to work yet.
    pub working: String,
    /// The user's figure as written ("10 GB/s"), when there is one.
    pub yours: Option<String>,
    /// The section the user's figure is in ("" when there is none).
    pub section: &'static str,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// Within 2% of the worked figure.
    Agrees,
    /// Within 30%: a rounded estimate. `percent` is how far the user's
    /// figure is above (positive) or below (negative) the worked one.
    Rounded { percent: i32 },
    /// Further off: the worked figure is `factor` times the user's.
    Off { factor: f64 },
    /// The sum can be worked from the numbers given, but the user has not
    /// written its result yet; or the answer lacks what the sum needs.
    NotYet,
}

impl Worked {
    /// True when the user's figure agrees with the arithmetic (rounded or not).
    pub fn agrees(&self) -> bool {
        matches!(self.verdict, Verdict::Agrees | Verdict::Rounded { .. })
    }

    /// The line to show: the sum and what it says of the user's figure.
    pub fn line(&self) -> String {
        let yours = self.yours.as_deref().unwrap_or("");
        match self.verdict {
            Verdict::Agrees => format!("{}: {} — your {yours} agrees.", self.what, self.working),
            Verdict::Rounded { percent } => format!(
                "{}: {} — your {yours} is {}% {}: fine for an estimate.",
                self.what,
                self.working,
                percent.abs(),
                if percent > 0 { "up" } else { "down" }
            ),
            Verdict::Off { factor } => {
                let (times, way) = if factor >= 1.0 {
                    (factor, "more")
                } else {
                    (1.0 / factor, "less")
                };
                format!(
                    "{}: {}, not {yours} ({}x {way}).{}",
                    self.what,
                    self.working,
                    number(times),
                    hint(times)
                )
            }
            Verdict::NotYet => format!("{}: {}", self.what, self.working),
        }
    }
}

/// What a factor off usually means.
fn hint(times: f64) -> &'static str {
    let near = |x: f64| (times / x - 1.0).abs() < 0.05;
    if near(8.0) {
        " Bits or bytes?"
    } else if near(1e3) || near(1e6) || near(1e9) {
        " A unit prefix (KB, MB, GB)?"
    } else if near(60.0) || near(3600.0) || near(86_400.0) {
        " Per second, minute, hour or day?"
    } else {
        ""
    }
}

/// Base dimensions: bytes and seconds, with their exponents. Counts
/// (requests, machines, copies) and money have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Dims {
    bytes: i8,
    secs: i8,
}

impl Dims {
    const NONE: Dims = Dims { bytes: 0, secs: 0 };
    const BYTES: Dims = Dims { bytes: 1, secs: 0 };
    const BANDWIDTH: Dims = Dims { bytes: 1, secs: -1 };
    const RATE: Dims = Dims { bytes: 0, secs: -1 };
    const TIME: Dims = Dims { bytes: 0, secs: 1 };

    fn times(self, other: Dims) -> Dims {
        Dims {
            bytes: self.bytes + other.bytes,
            secs: self.secs + other.secs,
        }
    }

    fn over(self, other: Dims) -> Dims {
        Dims {
            bytes: self.bytes - other.bytes,
            secs: self.secs - other.secs,
        }
    }
}

/// A number read from the text, with its units.
#[derive(Debug, Clone, PartialEq)]
struct Figure<'t> {
    /// In base units: bytes, seconds, per second.
    value: f64,
    dims: Dims,
    /// The period of a rate as written ("/day": 86,400 s), when not per second.
    per: Option<f64>,
    /// The unit as written after the number, and how many base units one of
    /// it is, to show a worked figure in the user's own unit.
    unit: Option<(&'t str, f64)>,
    /// As written: "50,000 photos per second".
    text: &'t str,
    start: usize,
    end: usize,
    /// Index of the first and one past the last token.
    first: usize,
    last: usize,
    /// The thing counted or described ("photos", "disks").
    noun: Option<&'t str>,
    /// Said of one of something: "per disk", "each", "/machine".
    per_unit: bool,
    /// A plain number: no unit, no noun, no rate.
    bare: bool,
    /// Which section of the answer, and which sentence in it.
    section: usize,
    sentence: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok<'t> {
    Num(f64),
    Word(&'t str),
    Sym(char),
    /// End of a sentence.
    Break,
}

#[derive(Debug, Clone, PartialEq)]
struct Token<'t> {
    tok: Tok<'t>,
    start: usize,
    end: usize,
    /// No space before it.
    glued: bool,
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = 0;
    let mut glued = false;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c == '\n' {
            out.push(Token {
                tok: Tok::Break,
                start,
                end: end_of(i + 1),
                glued: false,
            });
            glued = false;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            glued = false;
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            // 12,000 / 1.92 / 86400: commas only between groups of three.
            let mut j = i;
            let mut digits = String::new();
            while j < chars.len() {
                let ch = chars[j].1;
                if ch.is_ascii_digit() {
                    digits.push(ch);
                    j += 1;
                } else if ch == ','
                    && (1..=3).all(|k| chars.get(j + k).is_some_and(|x| x.1.is_ascii_digit()))
                    && !chars.get(j + 4).is_some_and(|x| x.1.is_ascii_digit())
                    && !digits.contains('.')
                {
                    j += 1;
                } else if ch == '.'
                    && !digits.contains('.')
                    && chars.get(j + 1).is_some_and(|x| x.1.is_ascii_digit())
                {
                    digits.push('.');
                    j += 1;
                } else {
                    break;
                }
            }
            if let Ok(value) = digits.parse::<f64>() {
                out.push(Token {
                    tok: Tok::Num(value),
                    start,
                    end: end_of(j),
                    glued,
                });
            }
            glued = true;
            i = j;
            continue;
        }
        if c.is_alphabetic() || c == 'µ' {
            // "x3" is "× 3".
            if (c == 'x' || c == 'X')
                && chars.get(i + 1).is_some_and(|x| x.1.is_ascii_digit())
                && !glued
            {
                out.push(Token {
                    tok: Tok::Sym('×'),
                    start,
                    end: end_of(i + 1),
                    glued,
                });
                glued = true;
                i += 1;
                continue;
            }
            let mut j = i;
            while j < chars.len() && (chars[j].1.is_alphanumeric() || chars[j].1 == 'µ') {
                j += 1;
            }
            let word = &text[start..end_of(j)];
            out.push(Token {
                tok: Tok::Word(word),
                start,
                end: end_of(j),
                glued,
            });
            glued = true;
            i = j;
            continue;
        }
        // A full stop, "!" or "?" before a space or the end ends a sentence.
        if matches!(c, '.' | '!' | '?') && chars.get(i + 1).is_none_or(|x| x.1.is_whitespace()) {
            out.push(Token {
                tok: Tok::Break,
                start,
                end: end_of(i + 1),
                glued,
            });
            glued = true;
            i += 1;
            continue;
        }
        out.push(Token {
            tok: Tok::Sym(c),
            start,
            end: end_of(i + 1),
            glued,
        });
        glued = true;
        i += 1;
    }
    out
}

const MINUTE: f64 = 60.0;
const HOUR: f64 = 3_600.0;
const DAY: f64 = 86_400.0;
const YEAR: f64 = 365.0 * DAY;

/// A short ASCII word in lower case, without allocating: `None` for a word
/// too long or not ASCII to be a unit, a joiner or an operator.
fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// The word is one of `words` (given in lower case), in any case.
fn one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Seconds in a time unit; `glued` allows the one-letter "m" for minutes.
fn seconds_in(word: &str, glued: bool) -> Option<f64> {
    if word == "µs" {
        return Some(1e-6);
    }
    let mut buf = [0u8; 16];
    Some(match lower_ascii(word, &mut buf)? {
        "ns" | "nanosecond" | "nanoseconds" => 1e-9,
        "us" | "microsecond" | "microseconds" => 1e-6,
        "ms" | "msec" | "millisecond" | "milliseconds" => 1e-3,
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "m" if glued => MINUTE,
        "min" | "mins" | "minute" | "minutes" => MINUTE,
        "h" | "hr" | "hrs" | "hour" | "hours" => HOUR,
        "d" | "day" | "days" => DAY,
        "w" | "wk" | "week" | "weeks" => 7.0 * DAY,
        "month" | "months" => 30.0 * DAY,
        "y" | "yr" | "yrs" | "year" | "years" => YEAR,
        _ => return None,
    })
}

/// A size or bit unit: bytes in one, and whether it is per second already
/// ("Gbps"). Case matters for the bit/byte distinction (see the module doc).
fn size_unit(word: &str) -> Option<(f64, bool)> {
    let mut buf = [0u8; 16];
    let lower = lower_ascii(word, &mut buf)?;
    let prefix = |p: &str| -> Option<f64> {
        Some(match p {
            "" => 1.0,
            "k" => 1e3,
            "m" => 1e6,
            "g" => 1e9,
            "t" => 1e12,
            "p" => 1e15,
            "e" => 1e18,
            _ => return None,
        })
    };
    let binary = |p: &str| -> Option<f64> {
        Some(match p {
            "k" => 1024.0,
            "m" => 1024f64.powi(2),
            "g" => 1024f64.powi(3),
            "t" => 1024f64.powi(4),
            "p" => 1024f64.powi(5),
            _ => return None,
        })
    };
    if matches!(lower, "byte" | "bytes") {
        return Some((1.0, false));
    }
    if matches!(lower, "bit" | "bits") {
        return Some((1.0 / 8.0, false));
    }
    let named = [
        ("kilobytes", 1e3),
        ("megabytes", 1e6),
        ("gigabytes", 1e9),
        ("terabytes", 1e12),
        ("petabytes", 1e15),
    ];
    if let Some(&(_, f)) = named.iter().find(|(n, _)| *n == lower) {
        return Some((f, false));
    }
    if let Some(p) = lower.strip_suffix("bps") {
        return prefix(p).map(|f| (f / 8.0, true));
    }
    if let Some(p) = lower.strip_suffix("be") {
        // 10GbE, 25GbE
        return prefix(p).filter(|_| !p.is_empty()).map(|f| (f / 8.0, true));
    }
    if let Some(p) = lower.strip_suffix("bit") {
        return prefix(p)
            .filter(|_| !p.is_empty())
            .map(|f| (f / 8.0, false));
    }
    if let Some(p) = lower.strip_suffix("ib") {
        return binary(p).map(|f| (f, false));
    }
    if word.len() == 2 || word == "B" {
        let mut cs = word.chars();
        let (first, last) = (cs.next()?, word.chars().last()?);
        if word == "B" {
            return Some((1.0, false));
        }
        let f = prefix(lower.get(..1)?).filter(|&f| f > 1.0)?;
        if !matches!(last, 'b' | 'B') {
            return None;
        }
        // "Gb" (capital prefix, small b) is bits; "GB", "kB", "gb" are bytes.
        let bits = first.is_uppercase() && last == 'b';
        return Some((if bits { f / 8.0 } else { f }, false));
    }
    None
}

fn multiplier(word: &str) -> Option<f64> {
    Some(match word {
        "k" | "K" | "thousand" => 1e3,
        "M" | "mn" | "million" | "millions" => 1e6,
        "bn" | "billion" | "billions" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Words that stand for "per second" on their own.
fn per_second_word(word: &str) -> bool {
    let mut buf = [0u8; 16];
    matches!(
        lower_ascii(word, &mut buf).unwrap_or(""),
        "rps" | "qps" | "tps" | "iops" | "ops" | "wps"
    )
}

/// Words after a number that are not the thing counted.
fn is_filler(word: &str) -> bool {
    let mut buf = [0u8; 16];
    matches!(
        lower_ascii(word, &mut buf).unwrap_or(""),
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "per"
            | "each"
            | "every"
            | "is"
            | "are"
            | "was"
            | "x"
            | "times"
            | "plus"
            | "minus"
            | "divided"
            | "multiplied"
            | "over"
            | "under"
            | "from"
            | "than"
            | "as"
            | "so"
            | "that"
            | "which"
            | "gives"
            | "equals"
            | "makes"
    )
}

const HARDWARE: &[&str] = &[
    "disk", "drive", "ssd", "hdd", "nvme", "machine", "server", "node", "host", "box", "instance",
    "nic", "port", "link", "core", "cpu", "vm", "pod", "rack", "volume", "ram", "memory", "card",
    "uplink",
];

fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    match w.strip_suffix("es") {
        Some(stem) if stem.ends_with('x') || stem.ends_with("ss") => return stem.to_string(),
        _ => {}
    }
    match w.strip_suffix('s') {
        Some(stem) if stem.len() > 1 && !w.ends_with("ss") => stem.to_string(),
        _ => w,
    }
}

fn is_hardware(noun: &str) -> bool {
    HARDWARE.contains(&singular(noun).as_str())
}

fn word_at<'t>(tokens: &[Token<'t>], i: usize) -> Option<&'t str> {
    match tokens.get(i)?.tok {
        Tok::Word(w) => Some(w),
        _ => None,
    }
}

fn sym_at(tokens: &[Token<'_>], i: usize) -> Option<char> {
    match tokens.get(i)?.tok {
        Tok::Sym(c) => Some(c),
        _ => None,
    }
}

/// Reads a rate suffix at `j`: "/s", "/day", "per second", "a day", "each
/// hour". Returns the period in seconds and the next token.
fn rate_suffix(tokens: &[Token<'_>], j: usize) -> Option<(f64, usize)> {
    let joiner = sym_at(tokens, j) == Some('/')
        || word_at(tokens, j).is_some_and(|w| one_of(w, &["per", "a", "an", "each", "every"]));
    if !joiner {
        return None;
    }
    let unit = word_at(tokens, j + 1)?;
    seconds_in(unit, false).map(|s| (s, j + 2))
}

/// Reads the figure that starts with the number at `i`.
fn figure_at<'t>(text: &'t str, tokens: &[Token<'t>], i: usize) -> Option<Figure<'t>> {
    let Tok::Num(mut value) = tokens.get(i)?.tok else {
        return None;
    };
    // A number glued to a letter before it is part of a name: p99, gp3, r6g.
    if i > 0 && tokens[i].glued && word_at(tokens, i - 1).is_some() {
        return None;
    }
    let money = i > 0 && tokens[i].glued && sym_at(tokens, i - 1) == Some('$');
    let start = if money {
        tokens[i - 1].start
    } else {
        tokens[i].start
    };
    let mut j = i + 1;
    // 10^5
    if sym_at(tokens, j) == Some('^')
        && tokens.get(j).is_some_and(|t| t.glued)
        && let Some(Tok::Num(exp)) = tokens.get(j + 1).map(|t| &t.tok)
    {
        value = value.powf(*exp);
        j += 2;
    }
    let mut dims = Dims::NONE;
    let mut per = None;
    let mut noun = None;
    let mut per_unit = false;
    let mut bare = true;
    if let Some(w) = word_at(tokens, j)
        && let Some(m) = multiplier(w)
        && (tokens[j].glued || w.len() > 2)
    {
        value *= m;
        j += 1;
    }
    let unit_start = j;
    let mut label_end = j;
    let mut unit_factor = 1.0;
    if sym_at(tokens, j) == Some('%') && tokens[j].glued {
        value /= 100.0;
        unit_factor = 0.01;
        bare = false;
        j += 1;
    } else if let Some(w) = word_at(tokens, j) {
        if w.eq_ignore_ascii_case("x") && tokens[j].glued {
            // "3x": a ratio.
            bare = false;
            j += 1;
        } else if w.eq_ignore_ascii_case("percent") {
            value /= 100.0;
            unit_factor = 0.01;
            bare = false;
            j += 1;
        } else if let Some((bytes, per_sec)) = size_unit(w) {
            value *= bytes;
            unit_factor = bytes;
            dims = if per_sec {
                Dims::BANDWIDTH
            } else {
                Dims::BYTES
            };
            bare = false;
            j += 1;
        } else if let Some(secs) = seconds_in(w, tokens[j].glued) {
            value *= secs;
            unit_factor = secs;
            dims = Dims::TIME;
            bare = false;
            j += 1;
        } else if per_second_word(w) {
            dims = Dims::RATE;
            bare = false;
            j += 1;
        }
        label_end = j;
    }
    // "2 TB of logs", "200 KB photos", "50,000 photos", "16 TB disks".
    if word_at(tokens, j).is_some_and(|w| w.eq_ignore_ascii_case("of"))
        && dims != Dims::NONE
        && word_at(tokens, j + 1).is_some_and(|w| !is_filler(w))
    {
        noun = word_at(tokens, j + 1);
        j += 2;
    } else if let Some(w) = word_at(tokens, j)
        && !is_filler(w)
        && w.chars().all(char::is_alphabetic)
        && w.chars().count() > 1
        && seconds_in(w, false).is_none()
    {
        noun = Some(w);
        bare = false;
        j += 1;
        label_end = j;
    }
    if let Some((secs, next)) = rate_suffix(tokens, j) {
        value /= secs;
        unit_factor /= secs;
        dims = dims.over(Dims::TIME);
        if secs != 1.0 {
            per = Some(secs);
        }
        bare = false;
        j = next;
        label_end = j;
        // "25 Gbit/s NICs", "40 TB a day of logs"
        if noun.is_none() {
            if word_at(tokens, j).is_some_and(|w| w.eq_ignore_ascii_case("of"))
                && let Some(w) = word_at(tokens, j + 1).filter(|w| !is_filler(w))
            {
                noun = Some(w);
                j += 2;
            } else if let Some(w) = word_at(tokens, j).filter(|w| {
                !is_filler(w) && w.chars().all(char::is_alphabetic) && w.chars().count() > 1
            }) {
                noun = Some(w);
                j += 1;
            }
        }
    } else if (sym_at(tokens, j) == Some('/')
        || word_at(tokens, j).is_some_and(|w| w.eq_ignore_ascii_case("per")))
        && let Some(w) = word_at(tokens, j + 1)
        && !is_filler(w)
    {
        // "per disk", "/machine"
        per_unit = true;
        if noun.is_none() {
            noun = Some(w);
        }
        j += 2;
    } else if word_at(tokens, j).is_some_and(|w| w.eq_ignore_ascii_case("each"))
        && tokens
            .get(j + 1)
            .is_none_or(|t| !matches!(t.tok, Tok::Word(_)))
    {
        per_unit = true;
        j += 1;
    }
    if money {
        bare = false;
    }
    let end = tokens[j - 1].end;
    let unit = (unit_start < label_end && !money).then(|| {
        let from = tokens[unit_start].start;
        let to = tokens[label_end - 1].end;
        let label = text[from..to].trim();
        (label, unit_factor)
    });
    Some(Figure {
        value,
        dims,
        per,
        unit: unit.filter(|(l, _)| !l.is_empty()),
        text: &text[start..end],
        start,
        end,
        first: i,
        last: j,
        noun,
        per_unit,
        bare,
        section: 0,
        sentence: 0,
    })
}

/// Every figure in a text, with the sentence it is in.
fn figures<'t>(text: &'t str, tokens: &[Token<'t>], section: usize) -> Vec<Figure<'t>> {
    let mut out = Vec::new();
    let mut sentence = 0;
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].tok == Tok::Break {
            sentence += 1;
            i += 1;
            continue;
        }
        if let Some(mut f) = figure_at(text, tokens, i) {
            f.section = section;
            f.sentence = sentence;
            i = f.last.max(i + 1);
            out.push(f);
        } else {
            i += 1;
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Times,
    Over,
    Plus,
    Minus,
}

/// An operator at `j`, and the token after it.
fn operator_at(tokens: &[Token<'_>], j: usize) -> Option<(Op, usize)> {
    let t = tokens.get(j)?;
    match &t.tok {
        Tok::Sym('×' | '*' | '·' | '⋅') => Some((Op::Times, j + 1)),
        Tok::Sym('/' | '÷') => Some((Op::Over, j + 1)),
        Tok::Sym('+') => Some((Op::Plus, j + 1)),
        // A minus only with spaces around it: "26-minute" is a word.
        Tok::Sym('-' | '−') if !t.glued && tokens.get(j + 1).is_some_and(|n| !n.glued) => {
            Some((Op::Minus, j + 1))
        }
        Tok::Word(w) => match lower_ascii(w, &mut [0u8; 16]).unwrap_or("") {
            "x" => Some((Op::Times, j + 1)),
            "times" => Some((Op::Times, j + 1)),
            "plus" => Some((Op::Plus, j + 1)),
            "minus" => Some((Op::Minus, j + 1)),
            "multiplied" | "divided"
                if word_at(tokens, j + 1).is_some_and(|b| b.eq_ignore_ascii_case("by")) =>
            {
                let op = if w.eq_ignore_ascii_case("divided") {
                    Op::Over
                } else {
                    Op::Times
                };
                Some((op, j + 2))
            }
            _ => None,
        },
        _ => None,
    }
}

/// An equals sign (or "is", "≈", "->") at `j`, and the token after it and
/// any "about".
fn equals_at(tokens: &[Token<'_>], j: usize) -> Option<usize> {
    let t = tokens.get(j)?;
    let mut next = match &t.tok {
        Tok::Sym('=' | '≈' | '≃' | '→' | '~' | '≅') => {
            let mut k = j + 1;
            // "==", "=>", "~=", "->" read as one.
            while tokens
                .get(k)
                .is_some_and(|n| n.glued && matches!(n.tok, Tok::Sym('=' | '>' | '~')))
            {
                k += 1;
            }
            k
        }
        Tok::Sym('-')
            if tokens
                .get(j + 1)
                .is_some_and(|n| n.glued && n.tok == Tok::Sym('>')) =>
        {
            j + 2
        }
        Tok::Word(w) if one_of(w, &["is", "equals", "gives", "makes"]) => j + 1,
        _ => return None,
    };
    while let Some(t) = tokens.get(next) {
        let about = match &t.tok {
            Tok::Sym('~' | '≈') => true,
            Tok::Word(w) => one_of(
                w,
                &[
                    "about",
                    "roughly",
                    "around",
                    "approximately",
                    "approx",
                    "nearly",
                    "almost",
                ],
            ),
            _ => false,
        };
        if !about {
            break;
        }
        next += 1;
    }
    Some(next)
}

/// A value with its dims, and the bare numbers in it that could stand for a
/// period ("× 86,400"), by their index in the product.
#[derive(Debug, Clone, PartialEq)]
struct Term {
    factors: Vec<(Op, usize)>,
}

/// "a × b = c", "= d × e = f": a chain of terms separated by equals signs.
#[derive(Debug, Clone, PartialEq)]
struct Chain {
    /// Each link: the figures of the left-hand side (with their operators)
    /// and the figure written after the equals sign.
    links: Vec<(Term, usize)>,
}

/// Finds the chains of explicit arithmetic in a section's figures.
fn chains(tokens: &[Token<'_>], figs: &[Figure<'_>]) -> Vec<Chain> {
    // Figures are in token order: find one by its first token.
    let by_first = |token: usize| figs.binary_search_by_key(&token, |f| f.first).ok();
    let mut out = Vec::new();
    let mut k = 0;
    while k < figs.len() {
        let mut term = Term {
            factors: vec![(Op::Times, k)],
        };
        let mut links = Vec::new();
        let mut at = figs[k].last;
        let mut last_fig = k;
        loop {
            if let Some((op, next)) = operator_at(tokens, at)
                && let Some(f) = by_first(next)
            {
                term.factors.push((op, f));
                at = figs[f].last;
                last_fig = f;
                continue;
            }
            if let Some(next) = equals_at(tokens, at)
                && let Some(f) = by_first(next)
            {
                links.push((term.clone(), f));
                term = Term {
                    factors: vec![(Op::Times, f)],
                };
                at = figs[f].last;
                last_fig = f;
                continue;
            }
            // "…= 14.6 PB; × 3 copies = 43.8 PB": go on from the last result.
            if !links.is_empty() {
                let mut skip = at;
                while tokens.get(skip).is_some_and(|t| {
                    matches!(t.tok, Tok::Sym(',' | ';' | ':'))
                        || matches!(&t.tok, Tok::Word(w) if one_of(w, &["and", "then"]))
                }) {
                    skip += 1;
                }
                if skip > at
                    && let Some((op, next)) = operator_at(tokens, skip)
                    && let Some(f) = by_first(next)
                {
                    term.factors.push((op, f));
                    at = figs[f].last;
                    last_fig = f;
                    continue;
                }
            }
            break;
        }
        if !links.is_empty() {
            out.push(Chain { links });
        }
        k = last_fig + 1;
    }
    out
}

/// The value and dims of a term, with the bare factors read as seconds
/// where `as_time` says so: `(index, seconds in one)`. `None` when a sum
/// adds unlike units.
fn evaluate_term(
    term: &Term,
    figs: &[Figure<'_>],
    as_time: Option<(usize, f64)>,
) -> Option<(f64, Dims)> {
    let mut total: Option<(f64, Dims)> = None;
    let mut product: Option<(f64, Dims, f64)> = None; // value, dims, sign
    let flush = |total: &mut Option<(f64, Dims)>, p: (f64, Dims, f64)| -> Option<()> {
        *total = Some(match *total {
            None => (p.0 * p.2, p.1),
            Some((v, d)) if d == p.1 => (v + p.0 * p.2, d),
            Some(_) => return None,
        });
        Some(())
    };
    for (idx, &(op, f)) in term.factors.iter().enumerate() {
        let fig = &figs[f];
        let (value, dims) = match as_time {
            Some((at, secs)) if at == idx => (fig.value * secs, Dims::TIME),
            _ => (fig.value, fig.dims),
        };
        match (op, product) {
            (Op::Times, Some((v, d, s))) if idx > 0 => {
                product = Some((v * value, d.times(dims), s));
            }
            (Op::Over, Some((v, d, s))) if value != 0.0 => {
                product = Some((v / value, d.over(dims), s));
            }
            (Op::Over, _) => return None,
            (Op::Plus | Op::Minus, Some(p)) => {
                flush(&mut total, p)?;
                let sign = if op == Op::Minus { -1.0 } else { 1.0 };
                product = Some((value, dims, sign));
            }
            (_, _) => product = Some((value, dims, 1.0)),
        }
    }
    flush(&mut total, product?)?;
    total
}

/// Periods a bare number may stand for: a minute, an hour, a day, a week,
/// 28 and 30 days, a year (and the usual roundings of them: 100,000 s a day).
const PERIODS: [f64; 7] = [MINUTE, HOUR, DAY, 7.0 * DAY, 28.0 * DAY, 30.0 * DAY, YEAR];

fn could_be_period(value: f64) -> bool {
    PERIODS.iter().any(|p| (value / p - 1.0).abs() <= 0.2)
}

/// Compares worked values with the user's figure: every reading of both
/// whose dims agree, the closest. `None` when no reading is comparable.
/// Returns the ratio worked / written (the same in any reading) and which
/// of the worked values matched.
fn compare(readings: &[(f64, Dims)], written: &Figure<'_>) -> Option<(f64, usize)> {
    let mut theirs = vec![(written.value, written.dims)];
    if let Some(period) = written.per {
        // "691 TB/day" read as 691 TB in each day.
        theirs.push((written.value * period, written.dims.times(Dims::TIME)));
    }
    let mut best: Option<(f64, usize)> = None;
    for (k, &(v, d)) in readings.iter().enumerate() {
        for &(w, wd) in &theirs {
            if d != wd || w == 0.0 || v == 0.0 || !v.is_finite() || !w.is_finite() {
                continue;
            }
            let ratio = v / w;
            if best.is_none_or(|(b, _)| ratio.ln().abs() < b.ln().abs()) {
                best = Some((ratio, k));
            }
        }
    }
    best
}

fn verdict(ratio: f64) -> Verdict {
    let off = 1.0 / ratio - 1.0; // how far the user's figure is from the worked one
    if off.abs() <= 0.02 {
        Verdict::Agrees
    } else if off.abs() <= 0.30 {
        Verdict::Rounded {
            percent: (off * 100.0).round() as i32,
        }
    } else {
        Verdict::Off { factor: ratio }
    }
}

/// The worked value in the unit the user wrote theirs in: their number
/// times the ratio, with their unit.
fn in_their_unit(written: &Figure<'_>, ratio: f64, dims: Dims) -> String {
    match &written.unit {
        Some((label, factor)) => format!("{} {label}", number(written.value / factor * ratio)),
        None if written.dims == Dims::NONE => number(written.value * ratio),
        None => with_unit(written.value * ratio, dims),
    }
}

/// A number as people write it: 3 significant figures, thousands separated.
pub fn number(v: f64) -> String {
    let a = v.abs();
    let s = if a >= 100.0 {
        let rounded = v.round() as i64;
        let digits = rounded.unsigned_abs().to_string();
        let mut out = String::new();
        for (n, c) in digits.chars().enumerate() {
            if n > 0 && (digits.len() - n).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        if rounded < 0 {
            out.insert(0, '-');
        }
        return out;
    } else if a >= 10.0 {
        format!("{v:.1}")
    } else if a >= 1.0 {
        format!("{v:.2}")
    } else if a == 0.0 {
        "0".to_string()
    } else {
        let decimals = (2 - a.log10().floor() as i32).clamp(0, 12) as usize;
        format!("{v:.decimals$}")
    };
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A value in the unit that reads best for its dims.
fn with_unit(value: f64, dims: Dims) -> String {
    let scaled = |v: f64, units: &[&str]| -> String {
        let mut v = v;
        let mut k = 0;
        while v.abs() >= 1000.0 && k + 1 < units.len() {
            v /= 1000.0;
            k += 1;
        }
        format!("{} {}", number(v), units[k])
    };
    match (dims.bytes, dims.secs) {
        (1, 0) => scaled(value, &["B", "KB", "MB", "GB", "TB", "PB", "EB"]),
        (1, -1) => format!(
            "{} ({})",
            scaled(value, &["B/s", "KB/s", "MB/s", "GB/s", "TB/s", "PB/s"]),
            scaled(
                value * 8.0,
                &["bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"]
            )
        ),
        (0, -1) => format!("{}/s", number(value)),
        (0, 1) if value >= DAY => format!("{} days", number(value / DAY)),
        (0, 1) if value >= HOUR => format!("{} h", number(value / HOUR)),
        (0, 1) if value >= MINUTE => format!("{} min", number(value / MINUTE)),
        (0, 1) => format!("{} s", number(value)),
        (0, 0) => number(value),
        (b, s) => format!("{} (bytes^{b} s^{s})", number(value)),
    }
}

/// The sections of a design answer the checker reads, by name.
pub type Sections<'a> = [(&'static str, &'a str)];

struct Read<'t> {
    /// The name of each section.
    names: Vec<&'static str>,
    figs: Vec<Figure<'t>>,
    chains: Vec<Chain>,
    /// The words of each sentence that holds a figure, of each section.
    words: Vec<Vec<Vec<&'t str>>>,
    /// Figures that are part of a sum the user wrote.
    in_sums: Vec<bool>,
}

fn read<'t>(sections: &[(&'static str, &'t str)]) -> Read<'t> {
    let mut figs = Vec::new();
    let mut chains_all = Vec::new();
    let mut words = Vec::new();
    for (s, (_, text)) in sections.iter().enumerate() {
        // No digit, no figure: nothing in the section is read.
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            words.push(Vec::new());
            continue;
        }
        let tokens = tokenize(text);
        let section_figs = figures(text, &tokens, s);
        let offset = figs.len();
        for mut chain in chains(&tokens, &section_figs) {
            for (term, result) in &mut chain.links {
                for (_, f) in &mut term.factors {
                    *f += offset;
                }
                *result += offset;
            }
            chains_all.push(chain);
        }
        // The words of the sentences that hold a figure, in lower case.
        let with_figures: Vec<usize> = section_figs.iter().map(|f| f.sentence).collect();
        let mut sentences: Vec<Vec<&str>> = vec![Vec::new()];
        for t in &tokens {
            match &t.tok {
                Tok::Break => sentences.push(Vec::new()),
                Tok::Word(w) if with_figures.contains(&(sentences.len() - 1)) => {
                    if let Some(last) = sentences.last_mut() {
                        last.push(w);
                    }
                }
                _ => {}
            }
        }
        figs.extend(section_figs);
        words.push(sentences);
    }
    let mut in_sums = vec![false; figs.len()];
    for chain in &chains_all {
        for (term, result) in &chain.links {
            in_sums[*result] = true;
            for &(_, f) in &term.factors {
                in_sums[f] = true;
            }
        }
    }
    Read {
        names: sections.iter().map(|&(name, _)| name).collect(),
        figs,
        chains: chains_all,
        words,
        in_sums,
    }
}

/// The words of the sentence a figure is in.
fn sentence_words<'r, 't>(r: &'r Read<'t>, f: &Figure<'_>) -> &'r [&'t str] {
    r.words
        .get(f.section)
        .and_then(|s| s.get(f.sentence))
        .map_or(&[], Vec::as_slice)
}

/// A word starts with one of `stems` (given in lower case), in any case.
fn has_any(words: &[&str], stems: &[&str]) -> bool {
    words.iter().any(|w| {
        stems
            .iter()
            .any(|s| w.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)))
    })
}

/// Checks every "a × b = c" the user wrote.
/// `results` gets each figure checked as a result, and whether it agreed.
fn explicit(r: &Read<'_>, out: &mut Vec<Worked>, results: &mut Vec<(usize, bool)>) {
    for chain in &r.chains {
        for (term, result) in &chain.links {
            let written = &r.figs[*result];
            if let [(_, only)] = term.factors[..] {
                // A conversion ("10 GB/s = 80 Gbit/s") is worth checking; a
                // restatement ("3 = 3") or an SLO beside its budget is not.
                let only = &r.figs[only];
                if only.dims == Dims::NONE
                    || only.dims != written.dims
                    || only.unit.as_ref().map(|u| &u.0) == written.unit.as_ref().map(|u| &u.0)
                {
                    continue;
                }
            }
            let mut readings = Vec::new();
            if let Some(direct) = evaluate_term(term, &r.figs, None) {
                readings.push(direct);
            }
            // A bare number may stand for a period: "× 86,400" seconds in a
            // day, or "40 TB/day × 365" days of the rate before it.
            let period_before =
                |idx: usize| term.factors[..idx].iter().find_map(|&(_, f)| r.figs[f].per);
            for (idx, &(op, f)) in term.factors.iter().enumerate() {
                if idx == 0 || !r.figs[f].bare || !matches!(op, Op::Times | Op::Over) {
                    continue;
                }
                let mut as_time = Vec::new();
                if could_be_period(r.figs[f].value) {
                    as_time.push((idx, 1.0));
                }
                if let Some(period) = period_before(idx) {
                    as_time.push((idx, period));
                }
                readings.extend(
                    as_time
                        .into_iter()
                        .filter_map(|t| evaluate_term(term, &r.figs, Some(t))),
                );
            }
            let Some((ratio, k)) = compare(&readings, written) else {
                continue;
            };
            let lhs: Vec<String> = term
                .factors
                .iter()
                .enumerate()
                .map(|(idx, &(op, f))| {
                    let sign = match op {
                        _ if idx == 0 => "",
                        Op::Times => "× ",
                        Op::Over => "/ ",
                        Op::Plus => "+ ",
                        Op::Minus => "- ",
                    };
                    format!("{sign}{}", r.figs[f].text.trim())
                })
                .collect();
            let v = verdict(ratio);
            results.push((*result, !matches!(v, Verdict::Off { .. })));
            out.push(Worked {
                what: "Your sum".into(),
                working: format!(
                    "{} = {}",
                    lhs.join(" "),
                    in_their_unit(written, ratio, readings[k].1)
                ),
                yours: Some(written.text.trim().to_string()),
                section: r.names[written.section],
                verdict: v,
            });
        }
    }
}

/// The user's figures that could be the result of a derived sum: same
/// dims, not said of one disk or machine, not one of the sum's inputs, and
/// not from the given scenario.
/// Words that say a figure is about writes or reads.
const WRITE_WORDS: [&str; 16] = [
    "upload", "write", "ingest", "new", "store", "insert", "put", "log", "add", "creat", "arriv",
    "receiv", "send", "sent", "produc", "record",
];
const READ_WORDS: [&str; 10] = [
    "view", "read", "serve", "get", "fetch", "download", "load", "quer", "look", "egress",
];
const STORAGE_WORDS: [&str; 17] = [
    "storage",
    "store",
    "stored",
    "data",
    "total",
    "raw",
    "usable",
    "retain",
    "retention",
    "kept",
    "keep",
    "cop",
    "replica",
    "footprint",
    "need",
    "hold",
    "year",
];

const BANDWIDTH_WORDS: [&str; 11] = [
    "bandwidth",
    "egress",
    "ingress",
    "throughput",
    "network",
    "traffic",
    "peak",
    "total",
    "wire",
    "transfer",
    "nic",
];

/// Whether a sentence is about writes (`Some(true)`), reads (`Some(false)`)
/// or neither or both.
fn direction(words: &[&str]) -> Option<bool> {
    match (has_any(words, &WRITE_WORDS), has_any(words, &READ_WORDS)) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// The user's figures that could be the result of a derived sum: same
/// dims, not said of one disk or machine, not one of the sum's inputs, not
/// from the given scenario, and not said of reads when the sum is of writes
/// (or the other way). The flag says whether the sentence names what the
/// figure is (a total of bytes said as storage, bytes a second said as
/// bandwidth or traffic); one that does not is only taken when it comes
/// close: "57.6 PB" of disks is capacity, not need, and "the origin sees
/// 120 MB/s" behind a cache is not the traffic at the edge.
fn candidates(r: &Read<'_>, d: &Derived, given: Option<usize>) -> Vec<(usize, bool)> {
    let dims = d.values[0].1;
    r.figs
        .iter()
        .enumerate()
        .filter(|(k, f)| {
            f.dims == dims
                && !f.per_unit
                && !f.noun.is_some_and(is_hardware)
                && !d.inputs.contains(k)
                && Some(f.section) != given
        })
        .filter_map(|(k, f)| {
            let words = sentence_words(r, f);
            let dir = direction(words);
            if d.writes.is_some() && dir.is_some() && dir != d.writes {
                return None;
            }
            let said = if dims == Dims::BYTES {
                has_any(words, &STORAGE_WORDS)
            } else {
                has_any(words, &BANDWIDTH_WORDS)
            };
            Some((k, said))
        })
        .collect()
}

/// A sum worked from the numbers given, to set beside the user's figure.
struct Derived {
    what: String,
    /// The inputs: "50,000 photos per second × 200 KB each".
    working: String,
    /// The worked values, each with how it is reached from the one before
    /// ("" for the first, "× 3 copies" for storage with copies).
    values: Vec<(f64, Dims, String)>,
    inputs: Vec<usize>,
    /// Of writes (`Some(true)`), of reads (`Some(false)`), or either.
    writes: Option<bool>,
    /// What to say when the user has no figure of this kind: never the number.
    not_yet: String,
}

/// The user's figure nearest to a derived sum, with the ratio and which of
/// its values matched; `taken` figures are already matched to another sum.
fn nearest(
    r: &Read<'_>,
    d: &Derived,
    given: Option<usize>,
    taken: &[usize],
) -> Vec<(usize, f64, usize)> {
    let readings: Vec<(f64, Dims)> = d.values.iter().map(|v| (v.0, v.1)).collect();
    candidates(r, d, given)
        .into_iter()
        .filter(|(k, _)| !taken.contains(k))
        .filter_map(|(k, said)| {
            let (ratio, which) = compare(&readings, &r.figs[k])?;
            let close = !matches!(verdict(ratio), Verdict::Off { .. });
            (said || close).then_some((k, ratio, which))
        })
        .collect()
}

fn report(
    r: &Read<'_>,
    d: &Derived,
    matched: Option<(usize, f64, usize)>,
    explicit_results: &[(usize, bool)],
    out: &mut Vec<Worked>,
) {
    let dims = d.values[0].1;
    let Some((k, ratio, which)) = matched else {
        out.push(Worked {
            what: d.what.clone(),
            working: d.not_yet.clone(),
            yours: None,
            section: "",
            verdict: Verdict::NotYet,
        });
        return;
    };
    let v = verdict(ratio);
    // The user's own sum already says it: it agrees with this one too, or
    // it is wrong in itself (fix that first).
    let agrees = !matches!(v, Verdict::Off { .. });
    if explicit_results
        .iter()
        .any(|&(e, own_agrees)| e == k && (agrees || !own_agrees))
    {
        return;
    }
    let written = &r.figs[k];
    let mut working = d.working.clone();
    let mut last = String::new();
    for (value, dims, step) in &d.values[..=which] {
        if !step.is_empty() {
            working.push_str(&format!("; {step}"));
        }
        last = with_unit(*value, *dims);
        working.push_str(&format!(" = {last}"));
    }
    let theirs = in_their_unit(written, ratio, dims);
    if last != theirs
        && !last.starts_with(&format!("{theirs} ("))
        && !last.ends_with(&format!("({theirs})"))
    {
        working.push_str(&format!(" = {theirs}"));
    }
    out.push(Worked {
        what: d.what.clone(),
        working,
        yours: Some(written.text.trim().to_string()),
        section: r.names[written.section],
        verdict: v,
    });
}

/// Sets each derived sum beside the user's nearest figure, one figure to
/// one sum, the closest pairs first: a read and a write bandwidth are not
/// both compared with the one bandwidth the user wrote.
fn settle(
    r: &Read<'_>,
    derived: &[Derived],
    given: Option<usize>,
    explicit_results: &[(usize, bool)],
    out: &mut Vec<Worked>,
) {
    let mut options: Vec<(usize, usize, f64, usize)> = derived
        .iter()
        .enumerate()
        .flat_map(|(i, d)| {
            nearest(r, d, given, &[])
                .into_iter()
                .map(move |(k, ratio, which)| (i, k, ratio, which))
        })
        .collect();
    options.sort_by(|a, b| a.2.ln().abs().total_cmp(&b.2.ln().abs()));
    let mut matched: Vec<Option<(usize, f64, usize)>> = vec![None; derived.len()];
    let mut taken = Vec::new();
    for (i, k, ratio, which) in options {
        if matched[i].is_none() && !taken.contains(&k) {
            matched[i] = Some((k, ratio, which));
            taken.push(k);
        }
    }
    for (d, m) in derived.iter().zip(matched) {
        report(r, d, m, explicit_results, out);
    }
}

/// More rate × size pairs than an answer needs: a paste of a log is not
/// worked sentence by sentence.
const MAX_PAIRS: usize = 12;

/// Works the sums of a design answer. `sections` are the user's sections by
/// name; `given` is the scenario of the prompt, if it has one (read for its
/// numbers, never as one of the user's figures).
pub fn check(sections: &Sections, given: Option<&str>) -> Vec<Worked> {
    let mut all: Vec<(&'static str, &str)> = sections.to_vec();
    let given_index = given.map(|g| {
        all.push(("scenario", g));
        all.len() - 1
    });
    let r = read(&all);
    let mut out = Vec::new();
    let mut explicit_results = Vec::new();
    explicit(&r, &mut out, &mut explicit_results);

    let in_explicit = |k: usize| r.in_sums[k];
    // Bandwidth: a rate and a size per item said in the same sentence.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut used = Vec::new();
    for (k, rate) in r.figs.iter().enumerate() {
        if rate.dims != Dims::RATE || in_explicit(k) {
            continue;
        }
        if pairs.len() == MAX_PAIRS {
            break;
        }
        // Figures are in text order: the sentence's are around this one.
        let same_sentence = |f: &Figure| f.section == rate.section && f.sentence == rate.sentence;
        let from = (0..k)
            .rev()
            .take_while(|&s| same_sentence(&r.figs[s]))
            .last()
            .unwrap_or(k);
        let to = (k..r.figs.len())
            .take_while(|&s| same_sentence(&r.figs[s]))
            .last()
            .unwrap_or(k);
        let size = r.figs[from..=to]
            .iter()
            .enumerate()
            .map(|(s, f)| (s + from, f))
            .filter(|(s, f)| {
                f.dims == Dims::BYTES
                    && f.section == rate.section
                    && f.sentence == rate.sentence
                    && !f.noun.is_some_and(is_hardware)
                    && !used.contains(s)
                    && !in_explicit(*s)
            })
            .min_by_key(|(_, f)| f.first.abs_diff(rate.first));
        if let Some((s, _)) = size {
            used.push(s);
            // The scenario pasted into the answer says the same again.
            let same = pairs
                .iter()
                .any(|&(a, b)| r.figs[a].value == rate.value && r.figs[b].value == r.figs[s].value);
            if !same {
                pairs.push((k, s));
            }
        }
    }
    let mut ingest: Vec<(f64, String, Vec<usize>)> = Vec::new();
    let mut bandwidths = Vec::new();
    for &(k, s) in &pairs {
        let (rate, size) = (&r.figs[k], &r.figs[s]);
        let thing = rate
            .noun
            .filter(|n| !per_second_word(n))
            .unwrap_or("requests")
            .to_lowercase();
        let working = format!("{} × {}", rate.text.trim(), size.text.trim());
        let bandwidth = rate.value * size.value;
        let writes = direction(sentence_words(&r, rate));
        let what = match writes {
            Some(true) => "Write bandwidth",
            Some(false) => "Read bandwidth",
            None => "Bandwidth",
        };
        bandwidths.push(Derived {
            what: what.into(),
            working: working.clone(),
            values: vec![(bandwidth, Dims::BANDWIDTH, String::new())],
            inputs: vec![k, s],
            writes,
            not_yet: format!("not estimated yet — {thing} per second × bytes each."),
        });
        if writes == Some(true) {
            ingest.push((bandwidth, working, vec![k, s]));
        }
    }
    settle(&r, &bandwidths, given_index, &explicit_results, &mut out);
    // Bytes written a day, said as such: "40 TB a day of logs".
    for (k, f) in r.figs.iter().enumerate() {
        if f.dims == Dims::BANDWIDTH
            && f.per.is_some_and(|p| p >= HOUR)
            && !f.per_unit
            && !in_explicit(k)
            && direction(sentence_words(&r, f)) == Some(true)
        {
            ingest.push((f.value, f.text.trim().to_string(), vec![k]));
        }
    }

    // Storage: bytes written × how long they are kept (× copies).
    let keep_words = [
        "keep",
        "kept",
        "retain",
        "retention",
        "stored",
        "store",
        "history",
        "hold",
    ];
    let retention = r.figs.iter().enumerate().find(|(k, f)| {
        f.dims == Dims::TIME
            && f.value >= DAY
            && !in_explicit(*k)
            && has_any(sentence_words(&r, f), &keep_words)
    });
    let copies = r.figs.iter().find(|f| {
        f.dims == Dims::NONE
            && (2.0..=10.0).contains(&f.value)
            && f.noun.is_some_and(|n| {
                matches!(
                    singular(n).as_str(),
                    "copie" | "copy" | "replica" | "replication"
                )
            })
    });
    if let (Some((rk, keep)), Some((rate, working, inputs))) = (retention, ingest.first()) {
        let raw = rate * keep.value;
        let mut values = vec![(raw, Dims::BYTES, String::new())];
        if let Some(c) = copies {
            values.push((raw * c.value, Dims::BYTES, format!("× {}", c.text.trim())));
        }
        let mut inputs = inputs.clone();
        inputs.push(rk);
        let derived = Derived {
            what: "Storage".into(),
            working: format!("{working} × {}", keep.text.trim()),
            values,
            inputs,
            writes: None,
            not_yet: "not estimated yet — bytes written a day × days kept (× copies).".into(),
        };
        settle(&r, &[derived], given_index, &explicit_results, &mut out);
    }
    if given.is_none() {
        // Without an exercise to work, a sum not written is not a gap.
        out.retain(|w| w.verdict != Verdict::NotYet);
    }
    out
}

/// What a bill of materials still lacks: machines, disks, network.
pub fn bill_of_materials(sections: &Sections) -> Vec<&'static str> {
    let r = read(sections);
    let counted = |stems: &[&str]| {
        r.figs.iter().any(|f| {
            f.noun
                .is_some_and(|n| stems.contains(&singular(n).as_str()))
        })
    };
    let mut missing = Vec::new();
    if !counted(&["machine", "server", "node", "host", "instance", "vm", "box"]) {
        missing.push("machines");
    }
    if !counted(&["disk", "drive", "ssd", "hdd", "nvme"]) {
        missing.push("disks");
    }
    let network = r.figs.iter().any(|f| f.dims == Dims::BANDWIDTH)
        && counted(&["nic", "link", "port", "uplink", "card"])
        || r.figs
            .iter()
            .any(|f| f.dims == Dims::BANDWIDTH && (f.per_unit || f.noun.is_some_and(is_hardware)));
    if !network {
        missing.push("network links");
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Vec<Worked> {
        check(&[("scaling", text)], None)
    }

    fn lines(worked: &[Worked]) -> Vec<String> {
        worked.iter().map(Worked::line).collect()
    }

    #[test]
    fn the_nalsd_scenario_is_worked_and_the_right_answers_agree() {
        let s = crate::content::design_prompts::scenario("nalsd").unwrap();
        // The arithmetic check reads it: read and write bandwidth and storage
        // are waiting to be worked, and none of them is given away.
        let worked = check(&[("scaling", "")], Some(s));
        let what: Vec<&str> = worked.iter().map(|w| w.what.as_str()).collect();
        assert_eq!(what, ["Read bandwidth", "Write bandwidth", "Storage"]);
        assert!(worked.iter().all(|w| w.verdict == Verdict::NotYet));
        // And the right answers agree with it.
        let worked = check(
            &[(
                "scaling",
                "Peak read bandwidth: 10 GB/s. Uploads: 463 MB/s on average. Storage after a year: 14.6 PB before copies.",
            )],
            Some(s),
        );
        assert!(worked.iter().all(|w| w.agrees()), "{worked:#?}");
    }

    #[test]
    fn requests_per_second_times_kilobytes_is_megabytes_per_second() {
        let w = one("Peak: 12,000 req/s × 20 KB = 240 MB/s.");
        assert_eq!(w.len(), 1, "{w:#?}");
        assert_eq!(w[0].verdict, Verdict::Agrees);
        assert_eq!(
            w[0].line(),
            "Your sum: 12,000 req/s × 20 KB = 240 MB/s — your 240 MB/s agrees."
        );
        let w = one("12k rps * 20KB = 24 MB/s");
        assert!(matches!(w[0].verdict, Verdict::Off { factor } if (factor - 10.0).abs() < 1e-9));
        assert_eq!(
            w[0].line(),
            "Your sum: 12k rps × 20KB = 240 MB/s, not 24 MB/s (10x more)."
        );
    }

    #[test]
    fn gigabytes_a_day_times_retention_days_is_terabytes() {
        let w = one("We ingest 500 GB/day × 90 days = 45 TB of logs.");
        assert_eq!(w[0].verdict, Verdict::Agrees, "{w:#?}");
        assert_eq!(w[0].working, "500 GB/day × 90 days = 45 TB");
        let w = one("500 GB/day x 90 days = 4.5 TB");
        assert!(
            w[0].line().contains("= 45 TB, not 4.5 TB (10x more)"),
            "{:?}",
            lines(&w)
        );
    }

    #[test]
    fn a_bare_86400_reads_as_seconds_in_a_day() {
        let w = one("8 GB/s × 86,400 = 691 TB/day, and 8 GB/s × 100,000 s = 800 TB/day");
        assert_eq!(w.len(), 2, "{w:#?}");
        assert_eq!(w[0].verdict, Verdict::Agrees, "{:?}", lines(&w));
        assert_eq!(w[0].working, "8 GB/s × 86,400 = 691 TB/day");
        // A day rounded up to 100,000 s is the user's own sum, worked as written.
        assert_eq!(w[1].verdict, Verdict::Agrees, "{:?}", lines(&w));
    }

    #[test]
    fn bits_and_bytes_and_the_hint_when_they_are_mixed_up() {
        let w = one("10 GB/s = 80 Gbit/s = 80 Gbps");
        assert!(
            w.iter().all(|w| w.verdict == Verdict::Agrees),
            "{:?}",
            lines(&w)
        );
        let w = one("10 GB/s = 10 Gbps");
        assert!(
            w[0].line().ends_with("(8x more). Bits or bytes?"),
            "{:?}",
            lines(&w)
        );
        // Lower-case "gb" typed fast is bytes; "Gb" is bits.
        let w = one("2 x 5 gb = 10 GB, 2 x 5 Gb = 10 Gb");
        assert!(
            w.iter().all(|w| w.verdict == Verdict::Agrees),
            "{:?}",
            lines(&w)
        );
    }

    #[test]
    fn chains_go_on_from_the_last_result() {
        let w = one(
            "40 TB/day × 365 days = 14.6 PB; × 3 copies = 43.8 PB. 43.8 PB / 16 TB per disk = 2,738 disks",
        );
        assert_eq!(w.len(), 3, "{:?}", lines(&w));
        assert!(
            w.iter().all(|w| w.verdict == Verdict::Agrees),
            "{:?}",
            lines(&w)
        );
        assert_eq!(w[1].working, "14.6 PB × 3 copies = 43.8 PB");
        assert_eq!(w[2].working, "43.8 PB / 16 TB per disk = 2,738 disks");
    }

    #[test]
    fn a_rounded_estimate_is_fine_and_says_how_far() {
        let w = one("50,000 req/s x 200 KB = 12 GB/s");
        assert_eq!(w[0].verdict, Verdict::Rounded { percent: 20 });
        assert!(
            w[0].line().contains("is 20% up: fine for an estimate"),
            "{}",
            w[0].line()
        );
        let w = one("1,157 req/s is 100 million a day");
        assert_eq!(w[0].verdict, Verdict::Agrees, "{:?}", lines(&w));
    }

    #[test]
    fn prose_with_numbers_is_not_arithmetic() {
        assert!(one("").is_empty());
        assert!(one("We run 3 regions with 40 nodes each, PostgreSQL 15 on gp3 volumes, p99 under 200 ms.").is_empty());
        assert!(one("On 2026-12-10 the 26-minute outage hit 9% of requests.").is_empty());
        assert!(one("The SLO is 99.9% = 43 minutes a month").is_empty());
    }

    #[test]
    fn bandwidth_is_worked_beside_the_users_figure() {
        let given = "At peak, users view 50,000 photos per second, 200 KB each.";
        let w = check(
            &[("scaling", "Peak egress is 10 GB/s, about 80 Gbit/s.")],
            Some(given),
        );
        assert_eq!(w.len(), 1, "{w:#?}");
        assert_eq!(w[0].what, "Read bandwidth");
        assert_eq!(w[0].verdict, Verdict::Agrees);
        assert_eq!(
            w[0].working,
            "50,000 photos per second × 200 KB each = 10 GB/s (80 Gbit/s)"
        );
        // Wrong by a factor of 8: the user wrote bits as bytes.
        let w = check(&[("scaling", "Peak egress is 80 GB/s.")], Some(given));
        assert!(
            w[0].line()
                .ends_with("not 80 GB/s (8x less). Bits or bytes?"),
            "{}",
            w[0].line()
        );
        // Not written yet: the app does not give the answer away.
        let w = check(&[("scaling", "")], Some(given));
        assert_eq!(w[0].verdict, Verdict::NotYet);
        assert!(!w[0].line().contains("10 GB"), "{}", w[0].line());
    }

    #[test]
    fn storage_is_bytes_a_day_times_days_kept_and_copies() {
        let given = "They upload 20 million photos a day, 2 MB each. Photos are kept for 1 year.";
        let w = check(
            &[(
                "scaling",
                "Storage after a year: 43.8 PB with three copies.",
            )],
            Some(given),
        );
        let storage = w.iter().find(|w| w.what == "Storage").unwrap();
        // No "copies" figure in the user's words: compared raw.
        assert!(
            matches!(storage.verdict, Verdict::Off { .. }),
            "{:?}",
            lines(&w)
        );
        let w = check(
            &[("scaling", "Storage after a year is 44 PB: I keep 3 copies.")],
            Some(given),
        );
        let storage = w.iter().find(|w| w.what == "Storage").unwrap();
        assert!(storage.agrees(), "{:?}", lines(&w));
        assert!(
            storage
                .working
                .ends_with("× 1 year = 14.6 PB; × 3 copies = 43.8 PB"),
            "{}",
            storage.working
        );
        // Upload bandwidth in the user's own unit.
        let w = check(&[("scaling", "Uploads come to 40 TB a day.")], Some(given));
        let bw = &w[0];
        assert_eq!(bw.verdict, Verdict::Agrees, "{:?}", lines(&w));
        assert!(
            bw.working
                .ends_with("= 463 MB/s (3.7 Gbit/s) = 40 TB a day"),
            "{}",
            bw.working
        );
    }

    #[test]
    fn a_worked_nalsd_answer_checks_out_line_by_line() {
        let given = "At peak, users view 50,000 photos per second, 200 KB each. They upload 20 million photos a day, 2 MB each. Photos are kept for 1 year.";
        let scaling = "Reads: 50,000 req/s × 200 KB = 10 GB/s = 80 Gbit/s at peak. \
            Writes: 20 million × 2 MB = 40 TB a day. \
            Storage: 40 TB/day × 365 days = 14.6 PB, × 3 copies = 43.8 PB. \
            Disks: 43.8 PB / 16 TB per disk = 2,738 disks; at 24 disks per machine that is 2,738 / 24 = 114 machines.";
        let w = check(&[("scaling", scaling)], Some(given));
        let l = lines(&w);
        assert!(w.iter().all(Worked::agrees), "{l:#?}");
        assert!(w.len() >= 6, "{l:#?}");
        // The implicit sums add nothing the user's own sums did not show.
        assert!(w.iter().all(|w| w.what == "Your sum"), "{l:#?}");
    }

    #[test]
    fn a_bill_of_materials_names_machines_disks_and_network() {
        assert_eq!(
            bill_of_materials(&[(
                "scaling",
                "2,738 disks in 114 machines, each with 2 x 25 Gbit/s NICs"
            )]),
            Vec::<&str>::new()
        );
        assert_eq!(
            bill_of_materials(&[("scaling", "We need 114 servers.")]),
            vec!["disks", "network links"]
        );
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(number(10_000_000.0), "10,000,000");
        assert_eq!(number(14.6), "14.6");
        assert_eq!(number(1.92), "1.92");
        assert_eq!(number(463.0), "463");
        assert_eq!(number(0.4629), "0.463");
        assert_eq!(number(2.0), "2");
        assert_eq!(with_unit(1e10, Dims::BANDWIDTH), "10 GB/s (80 Gbit/s)");
        assert_eq!(with_unit(1.46e16, Dims::BYTES), "14.6 PB");
    }

    const GIVEN: &str = "At peak, users view 50,000 photos per second, 200 KB each. They upload 20 million photos a day, 2 MB each. Photos are kept for 1 year.";

    #[test]
    fn a_read_figure_is_not_set_beside_the_write_bandwidth() {
        let w = check(
            &[(
                "scaling",
                "Peak read bandwidth is 1 GB/s. Storage is about 15 PB raw, 44 PB with 3 replicas.",
            )],
            Some(GIVEN),
        );
        assert_eq!(
            lines(&w),
            vec![
                "Read bandwidth: 50,000 photos per second × 200 KB each = 10 GB/s (80 Gbit/s), not 1 GB/s (10x more).",
                "Write bandwidth: not estimated yet — photos per second × bytes each.",
                "Storage: 20 million photos a day × 2 MB each × 1 year = 14.6 PB; × 3 replicas = 43.8 PB — your 44 PB agrees.",
            ]
        );
    }

    #[test]
    fn fleet_capacity_is_not_taken_for_the_storage_needed() {
        let w = check(
            &[(
                "scaling",
                "The fleet: 300 machines with 12 x 16 TB disks = 192 TB each; 300 x 192 TB = 57.6 PB.",
            )],
            Some(GIVEN),
        );
        let storage = w.iter().find(|w| w.what == "Storage").unwrap();
        assert_eq!(storage.verdict, Verdict::NotYet, "{:?}", lines(&w));
        assert_eq!(
            w[0].line(),
            "Your sum: 12 × 16 TB disks = 192 TB — your 192 TB each agrees."
        );
    }

    #[test]
    fn days_of_a_daily_rate_and_figures_without_spaces() {
        let w = check(
            &[(
                "scaling",
                "50k QPS at 200KB is 10GB/s, so 80Gbps; 40 TB/day x 365 = 14.6 PB.",
            )],
            Some(GIVEN),
        );
        assert_eq!(
            lines(&w),
            vec![
                "Your sum: 40 TB/day × 365 = 14.6 PB — your 14.6 PB agrees.",
                "Read bandwidth: 50,000 photos per second × 200 KB each = 10 GB/s (80 Gbit/s) — your 10GB/s agrees.",
                "Write bandwidth: 20 million photos a day × 2 MB each = 463 MB/s (3.7 Gbit/s) = 40 TB/day — your 40 TB/day agrees.",
            ]
        );
    }

    #[test]
    fn a_figure_after_a_cache_is_not_taken_for_the_traffic_at_the_edge() {
        let w = one(
            "20,000 req/s of 60 KB objects; at a 90% hit ratio the origin sees 2,000 req/s, 120 MB/s.",
        );
        assert!(w.is_empty(), "{:?}", lines(&w));
        // Said as the edge's traffic, it is checked.
        let w = one("20,000 req/s of 60 KB objects. Peak egress at the edge is 120 MB/s.");
        assert_eq!(
            lines(&w),
            vec![
                "Bandwidth: 20,000 req/s × 60 KB objects = 1.2 GB/s (9.6 Gbit/s) = 1,200 MB/s, not 120 MB/s (10x more)."
            ]
        );
    }

    /// Its speed is measured in `benches/evaluate.rs` (a paste of 2,000
    /// sentences), not here.
    #[test]
    fn a_long_paste_tells_each_wrong_sum_once() {
        let sentence =
            "At peak we serve 50,000 req/s of 200 KB each, 10 GB/s of egress, kept for 90 days. ";
        let text = sentence.repeat(2_000);
        let single = lines(&one(sentence));
        assert_eq!(single.len(), 1, "{single:?}");
        assert_eq!(lines(&one(&text)), single);
    }

    #[test]
    fn a_wrong_sum_is_told_once() {
        let w = check(
            &[("scaling", "Storage: 40 TB/day x 365 days = 1.46 PB.")],
            Some(GIVEN),
        );
        let about: Vec<String> = lines(&w)
            .into_iter()
            .filter(|l| l.contains("1.46 PB"))
            .collect();
        assert_eq!(
            about,
            ["Your sum: 40 TB/day × 365 days = 14.6 PB, not 1.46 PB (10x more)."]
        );
        // Right in itself but from other numbers than the scenario's: the
        // derived sum says so.
        let w = check(
            &[("scaling", "Storage: 4 TB/day × 365 days = 1.46 PB.")],
            Some(GIVEN),
        );
        assert_eq!(w[0].verdict, Verdict::Agrees);
        assert!(
            lines(&w)
                .iter()
                .any(|l| l.starts_with("Storage: ") && l.ends_with("not 1.46 PB (10x more).")),
            "{:?}",
            lines(&w)
        );
    }

    #[test]
    fn numbers_too_big_to_work_are_left_alone() {
        let w = one("10^999 req/s × 20 KB = 240 MB/s");
        assert!(w.is_empty(), "{:?}", lines(&w));
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_without_a_panic(
            text in "[0-9a-zA-Z ,.=×x*/^%$~µ→>\\-]{0,200}",
            given in proptest::option::of("[0-9a-zA-Z ,.=x/]{0,80}"),
        ) {
            let w = check(&[("scaling", &text), ("requirements", &text)], given.as_deref());
            for worked in &w {
                let line = worked.line();
                proptest::prop_assert!(!line.is_empty());
                proptest::prop_assert!(!line.contains("NaN"), "{}", line);
            }
            let _ = bill_of_materials(&[("scaling", &text)]);
        }
    }
}
