//! A postmortem's timeline: clock times read from a Timeline section, from
//! lines that open with a time, or from sentences that name one ("At 16:45
//! UTC, ..."); each entry told apart by what it says happened (impact began,
//! first alert or page, mitigated, resolved). From them: time to detect,
//! to mitigate and to resolve, and how long the impact lasted — UTC clock
//! times across midnight included.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::{Captures, Regex};

/// A clock time: "23:41", "23:41:05", "10:02 AM", "14:02Z", "16:45 UTC".
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b|T)(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\s?(?P<ampm>[ap]\.?m)\b\.?)?(?:\s?\(?(?P<zone>UTC|GMT|Z|PST|PDT|PT|EST|EDT|ET|CST|CDT|CT|MST|MDT|MT|CET|CEST|BST|IST|JST|AEST|AEDT)\b\)?)?",
    )
    .expect("the clock pattern compiles")
});

const MONTHS: &str = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

/// "2024-05-14", "May 14, 2024", "14 May 2024", "Mar 3".
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?P<y>\d{{4}})-(?P<mo>\d{{2}})-(?P<d>\d{{2}})|(?P<m1>{MONTHS})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}}))?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTHS})\b\.?(?:,?\s+(?P<y2>\d{{4}}))?)"
    ))
    .expect("the date pattern compiles")
});

/// "All times UTC", "all times are in PT", "Timeline (UTC)".
static DOC_ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:all times(?: are| shown| given| listed)?(?: in)?|times (?:are )?in|timeline|\btimes?)\W{0,3}\(?(UTC|GMT|PST|PDT|PT|EST|EDT|ET|CST|CDT|CT|MST|MDT|MT|CET|CEST|BST|IST|JST|AEST|AEDT)\b")
        .expect("compiles")
});

/// Two times that bound a stretch: "between 23:41 and 00:33", "from 14:02 to 14:40", "14:02–14:40".
static WINDOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:between|from)\s+[^,;.]{0,40}?$|^\s*(?:UTC|GMT|Z)?\s*(?:and|to|until|till|through|-|–|—)\s*(?:about\s+|approximately\s+)?$")
        .expect("compiles")
});

/// "(lasting 3 hours and 06 minutes)", as GitHub's availability reports head
/// each incident.
static LASTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\blasting\s+(?:about\s+|approximately\s+)?(?:(\d{1,3})\s*(?:hours?|hrs?|h)\b(?:,?\s*(?:and\s+)?(\d{1,2})\s*(?:minutes?|mins?)\b)?|(\d{1,4})\s*(?:minutes?|mins?)\b)")
        .expect("the lasting pattern compiles")
});

/// How long the document says the impact lasted, in seconds, and its words
/// ("3 hour and 06 minutes").
pub fn stated_duration(text: &str) -> Option<(i64, String)> {
    let c = LASTING.captures(text)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
    let seconds = match (n(1), n(2), n(3)) {
        (Some(h), m, _) => h * 3600 + m.unwrap_or(0) * 60,
        (None, _, Some(m)) => m * 60,
        _ => return None,
    };
    let words = c.get(0)?.as_str()["lasting".len()..].trim().to_string();
    (seconds > 0).then_some((seconds, words))
}

/// A short cell or line that is a date.
pub fn is_date(text: &str) -> bool {
    DATE.find(text.trim())
        .is_some_and(|m| m.start() == 0 && m.end() + 2 >= text.trim().len())
}

fn zone_offset_minutes(zone: &str) -> i64 {
    match zone.to_ascii_uppercase().as_str() {
        "PST" => -8 * 60,
        "PDT" | "MST" => -7 * 60,
        "MDT" | "CST" => -6 * 60,
        "CDT" | "EST" => -5 * 60,
        "EDT" => -4 * 60,
        "CET" | "BST" => 60,
        "CEST" => 120,
        "IST" => 330,
        "JST" => 540,
        "AEST" => 600,
        "AEDT" => 660,
        _ => 0,
    }
}

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| n.starts_with(m))
        .map(|i| i as u32 + 1)
}

fn date_of(c: &Captures, year_before: Option<i32>) -> Option<NaiveDate> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = |name: &str| {
        c.name(name)
            .and_then(|m| m.as_str().parse::<i32>().ok())
            .or(year_before)
            .unwrap_or(2001)
    };
    if let (Some(y), Some(mo), Some(d)) = (num("y"), num("mo"), num("d")) {
        return NaiveDate::from_ymd_opt(y as i32, mo, d);
    }
    if let (Some(m), Some(d)) = (c.name("m1"), num("d1")) {
        return NaiveDate::from_ymd_opt(year("y1"), month_number(m.as_str())?, d);
    }
    if let (Some(m), Some(d)) = (c.name("m2"), num("d2")) {
        return NaiveDate::from_ymd_opt(year("y2"), month_number(m.as_str())?, d);
    }
    None
}

/// What an entry of the timeline says happened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// "OUTAGE BEGINS", "errors start", the first time of a window.
    pub start: bool,
    /// "errors climb", "latency spiked": a start unless it comes after an alert.
    pub maybe_start: bool,
    pub detect: bool,
    pub recovered: bool,
    pub mitigating: bool,
    pub resolved: bool,
    pub impact_end: bool,
}

#[rustfmt::skip]
const START: &[&str] = &[
    "incident begins", "incident began", "incident starts", "incident started", "impact begins",
    "impact began", "impact starts", "impact started", "start of impact", "impact start",
    "outage begins", "outage began", "outage starts", "outage started", "outage start",
    "errors begin", "errors began", "errors start", "errors started", "first errors",
    "first error", "began failing", "begin failing", "start failing", "started failing",
    "starts failing", "begins failing", "impact begin",
];
#[rustfmt::skip]
const START_VERB: &[&str] = &[
    "begin", "begins", "began", "beginning", "start", "starts", "started", "starting", "spike",
    "spikes", "spiked", "climb", "climbs", "climbed", "rise", "rises", "rose", "jump", "jumps",
    "jumped", "increase", "increases", "increased", "onset", "elevated",
];
#[rustfmt::skip]
const FAILURE: &[&str] = &[
    "error", "errors", "5xx", "500s", "502s", "503s", "504s", "fail", "fails", "failing", "failed",
    "failure", "failures", "timeout", "timeouts", "unavailable", "outage", "degraded",
    "degradation", "latency", "slow", "unable", "impact", "crash", "crashes", "crashing", "down",
];
#[rustfmt::skip]
const DETECT: &[&str] = &[
    "alert", "alerts", "alerted", "alerting", "paged", "page", "pages", "pager", "pagerduty",
    "opsgenie", "detected", "detect", "detects", "detection", "noticed", "notices", "notice",
    "reported", "reports", "report", "on call", "oncall", "ticket", "tickets", "escalated",
    "fired", "fires", "notified", "flagged", "observed", "observes",
];
#[rustfmt::skip]
const RECOVERED: &[&str] = &[
    "mitigated", "mitigation complete", "mitigation completed", "mitigation applied", "recovered",
    "recovers", "restored", "back to normal", "returned to normal", "returns to normal",
    "return to normal", "back to baseline", "returned to baseline", "returns to baseline",
    "subsided", "subside", "subsides", "stabilized", "stabilised", "stable", "impact ends",
    "impact ended", "end of impact", "outage ends", "outage ended", "errors stop",
    "errors stopped", "errors stops", "error rate drops", "healthy",
];
#[rustfmt::skip]
const MITIGATING: &[&str] = &[
    "rolled back", "roll back", "rollback", "reverted", "revert", "reverts", "failed over",
    "fail over", "failover", "restarted", "restart", "drained", "disabled", "hotfix",
    "fix deployed", "deployed fix", "deployed a fix", "patch deployed",
];
/// A mitigation said but not done yet.
#[rustfmt::skip]
const UNDERWAY: &[&str] = &[
    "in progress", "started", "starting", "starts", "begins", "begin", "beginning", "underway",
    "being", "initiated", "will", "planned", "considering", "considered", "decision", "decided",
    "instead",
];
#[rustfmt::skip]
const RESOLVED: &[&str] = &[
    "resolved", "resolves", "incident closed", "closed", "all clear", "fully recovered",
    "incident ends", "incident ended", "incident over", "incident resolved",
];
#[rustfmt::skip]
const IMPACT_END: &[&str] = &[
    "impact ends", "impact ended", "end of impact", "outage ends", "outage ended",
    "impact resolved",
];

/// A list of phrases as one search over words joined by single spaces:
/// " alert " is found in " the alert fired ", not in " alerting ".
fn words_of(list: &[&str]) -> Regex {
    let alternatives: Vec<String> = list.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&format!(" (?:{}) ", alternatives.join("|"))).expect("the phrases compile")
}

macro_rules! phrase_sets {
    ($($name:ident = $list:expr;)*) => {
        $(static $name: LazyLock<Regex> = LazyLock::new(|| words_of($list));)*
    };
}

phrase_sets! {
    START_SET = START;
    START_VERB_SET = START_VERB;
    FAILURE_SET = FAILURE;
    DETECT_SET = DETECT;
    RECOVERED_SET = RECOVERED;
    MITIGATING_SET = MITIGATING;
    UNDERWAY_SET = UNDERWAY;
    RESOLVED_SET = RESOLVED;
    IMPACT_END_SET = IMPACT_END;
    COMPLETES_SET = &["complete", "completed", "completes", "finished", "done"];
}

/// What `text` says happened at its time.
pub fn marks(text: &str) -> Marks {
    let mut words = String::with_capacity(text.len() + 2);
    words.push(' ');
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        words.push_str(&w.to_lowercase());
        words.push(' ');
    }
    // A status page is where we told users, not how we learned.
    let words = words.replace(" status page ", " ");
    let has = |set: &Regex| set.is_match(&words);
    let recovered = has(&RECOVERED_SET);
    let mitigating = has(&MITIGATING_SET) && !has(&UNDERWAY_SET);
    let detect = has(&DETECT_SET);
    Marks {
        start: has(&START_SET),
        maybe_start: has(&START_VERB_SET)
            && has(&FAILURE_SET)
            && !recovered
            && !mitigating
            && !detect,
        detect,
        recovered: recovered || (mitigating && has(&COMPLETES_SET)),
        mitigating,
        resolved: has(&RESOLVED_SET) && !words.contains(" not resolved "),
        impact_end: has(&IMPACT_END_SET),
    }
}

/// One entry: when, as written, and what happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Seconds on one clock for the whole timeline (UTC where zones are named).
    pub at: i64,
    /// The time as the document writes it: "23:41", "10:02 AM".
    pub shown: String,
    pub zone: Option<String>,
    pub text: String,
    pub marks: Marks,
    /// Where the entry is in the text the drafter read.
    pub start: usize,
    pub end: usize,
}

/// The timeline and the moments that matter, as indices into `events`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    pub events: Vec<Event>,
    pub start: Option<usize>,
    pub detected: Option<usize>,
    pub mitigated: Option<usize>,
    pub resolved: Option<usize>,
    pub impact_end: Option<usize>,
}

/// A stretch of time between two entries, as the draft says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stretch {
    pub seconds: i64,
    pub from: String,
    pub to: String,
    /// "UTC" when both ends are in one named zone.
    pub zone: Option<String>,
}

impl Stretch {
    /// "8 min", "134 min", "45 s": one quantity the scorer and the quiz read.
    pub fn duration(&self) -> String {
        duration_words(self.seconds)
    }

    /// "23:41 to 23:49 UTC".
    pub fn clock(&self) -> String {
        match &self.zone {
            Some(z) => format!("{} to {} {z}", self.from, self.to),
            None => format!("{} to {}", self.from, self.to),
        }
    }
}

/// One quantity, in the unit a person would say.
pub fn duration_words(seconds: i64) -> String {
    if seconds < 120 {
        format!("{seconds} s")
    } else if seconds < 48 * 3600 {
        format!("{} min", (seconds + 30) / 60)
    } else {
        format!("{} h", (seconds + 1800) / 3600)
    }
}

impl Timeline {
    fn stretch(&self, from: Option<usize>, to: Option<usize>) -> Option<Stretch> {
        let (a, b) = (&self.events[from?], &self.events[to?]);
        let seconds = b.at - a.at;
        if seconds <= 0 {
            return None;
        }
        let zone = match (&a.zone, &b.zone) {
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => Some(x.to_uppercase()),
            _ => None,
        };
        Some(Stretch {
            seconds,
            from: a.shown.clone(),
            to: b.shown.clone(),
            zone,
        })
    }

    pub fn time_to_detect(&self) -> Option<Stretch> {
        self.stretch(self.start, self.detected)
    }
    pub fn time_to_mitigate(&self) -> Option<Stretch> {
        self.stretch(self.start, self.mitigated)
    }
    pub fn time_to_resolve(&self) -> Option<Stretch> {
        if self.resolved.is_some() && self.resolved == self.mitigated {
            return None;
        }
        self.stretch(self.start, self.resolved)
    }
    pub fn impact(&self) -> Option<Stretch> {
        self.stretch(self.start, self.impact_end)
    }

    /// Picks the moments: see the module comment.
    fn find_moments(&mut self) {
        let e = &self.events;
        let explicit = e.iter().position(|x| x.marks.start);
        let first_detect = e.iter().position(|x| x.marks.detect);
        let guessed = e
            .iter()
            .position(|x| x.marks.maybe_start)
            .filter(|&i| first_detect.is_none_or(|d| i < d));
        let Some(start) = explicit
            .or(guessed)
            .or(if e.is_empty() { None } else { Some(0) })
        else {
            return;
        };
        let t0 = e[start].at;
        let after = |i: &usize, floor: i64| e[*i].at > t0 && e[*i].at >= floor;
        let detected = (0..e.len()).find(|i| e[*i].marks.detect && after(i, t0));
        let floor = detected.map_or(t0, |d| e[d].at);
        let mitigated = (0..e.len())
            .find(|i| e[*i].marks.recovered && after(i, floor))
            .or_else(|| (0..e.len()).find(|i| e[*i].marks.mitigating && after(i, floor)));
        let floor = mitigated.map_or(t0, |m| e[m].at);
        let resolved = (0..e.len()).find(|i| e[*i].marks.resolved && after(i, floor));
        let impact_end = (0..e.len())
            .find(|i| e[*i].marks.impact_end && after(i, t0))
            .or(mitigated)
            .or(resolved);
        self.start = Some(start);
        self.detected = detected;
        self.mitigated = mitigated;
        self.resolved = resolved;
        self.impact_end = impact_end;
    }
}

/// A time found in a piece of text, before it is placed on the timeline.
struct Found {
    seconds_of_day: i64,
    shown: String,
    zone: Option<String>,
    date: Option<NaiveDate>,
    /// Byte range of the time in the piece.
    start: usize,
    end: usize,
}

fn clocks_in(piece: &str, year: Option<i32>) -> Vec<Found> {
    let dates: Vec<(usize, NaiveDate)> = DATE
        .captures_iter(piece)
        .filter_map(|c| Some((c.get(0)?.start(), date_of(&c, year)?)))
        .collect();
    CLOCK
        .captures_iter(piece)
        .filter_map(|c| {
            let all = c.get(0)?;
            let mut h: i64 = c["h"].parse().ok()?;
            let m: i64 = c["m"].parse().ok()?;
            let s: i64 = c.name("s").map_or(Some(0), |s| s.as_str().parse().ok())?;
            if let Some(ampm) = c.name("ampm") {
                let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
                if h > 12 || h == 0 {
                    return None;
                }
                h = match (pm, h) {
                    (false, 12) => 0,
                    (true, 12) => 12,
                    (true, h) => h + 12,
                    (false, h) => h,
                };
            }
            let zone = c.name("zone").map(|z| z.as_str().to_uppercase());
            let start = all.start() + usize::from(all.as_str().starts_with(['T', 't']));
            let shown = piece[start..c.name("zone").map_or(all.end(), |z| z.start())]
                .trim()
                .trim_end_matches(['(', ' '])
                .to_string();
            let date = dates
                .iter()
                .rev()
                .find(|(at, _)| *at < start)
                .map(|(_, d)| *d);
            Some(Found {
                seconds_of_day: h * 3600 + m * 60 + s,
                shown,
                zone,
                date,
                start,
                end: all.end(),
            })
        })
        .collect()
}

/// Text after a time, with the separators between them taken off.
fn after_time(piece: &str, end: usize) -> &str {
    piece[end..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '|' | ',' | ')' | '*' | '_' | '.')
    })
}

/// The zone the document's times are in: where it says so ("All times
/// UTC", "Time (AEST)"), else the zone its times name most often.
fn doc_zone(text: &str) -> Option<String> {
    if let Some(zone) = DOC_ZONE.captures(text).and_then(|c| c.get(1)) {
        return Some(zone.as_str().to_uppercase());
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for c in CLOCK.captures_iter(text).take(10_000) {
        if let Some(z) = c.name("zone") {
            let z = z.as_str().to_uppercase();
            match counts.iter_mut().find(|(name, _)| *name == z) {
                Some((_, n)) => *n += 1,
                None => counts.push((z, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(z, _)| z)
}

/// Builds the timeline. `entries` are the line ranges of Timeline sections;
/// `lines` every line of the text; `sentences` its sentences. The first
/// source that yields two or more times is used.
pub fn read(
    text: &str,
    entries: &[(usize, usize)],
    sentences: &[(usize, usize)],
    original: &str,
) -> Option<Timeline> {
    let doc_zone = doc_zone(original);
    let year = DATE.captures_iter(text).find_map(|c| {
        c.name("y")
            .or(c.name("y1"))
            .or(c.name("y2"))
            .and_then(|y| y.as_str().parse().ok())
    });

    // The first source that gives two times: Timeline sections, lines that
    // open with a time, sentences that name one (each read only if needed).
    for source in 0..3 {
        let pieces: Vec<Piece> = match source {
            0 => entries
                .iter()
                .flat_map(|&(a, b)| line_pieces(text, a, b, true))
                .collect(),
            1 => line_pieces(text, 0, text.len(), false),
            _ => sentence_pieces(text, sentences),
        };
        let timeline = place(text, &pieces, doc_zone.as_deref(), year);
        if timeline.events.len() >= 2 {
            return Some(timeline);
        }
    }
    None
}

/// A piece of text holding one entry (or two, for a window).
struct Piece {
    start: usize,
    end: usize,
    /// A line holding only a date: it dates the entries below it.
    date_only: bool,
    /// A sentence of prose rather than a line of a timeline: its words
    /// around the time say what happened.
    prose: bool,
}

/// Lines of `text[a..b]` that open with a time (or, inside a Timeline
/// section, hold one near their start), and date lines.
fn line_pieces(text: &str, a: usize, b: usize, section: bool) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut at = a;
    for line in text[a..b].split_inclusive('\n') {
        let content = line.trim_end();
        let body = content.trim_start_matches(['-', '*', '#', ' ', '|', '_', '>']);
        let (start, end) = (at + content.len() - body.len(), at + content.len());
        at += line.len();
        if body.is_empty() {
            continue;
        }
        match CLOCK.find(body) {
            Some(m) if m.start() <= if section { 40 } else { 24 } => {
                // Outside a Timeline section only a line that opens with its
                // time (after a date) is an entry.
                let before = body[..m.start()].trim_end_matches([',', ' ', '-', 'T', '*']);
                let before = before.strip_suffix(" at").unwrap_or(before).trim();
                if section
                    || before.is_empty()
                    || before.eq_ignore_ascii_case("at")
                    || is_date(before)
                {
                    pieces.push(Piece {
                        start,
                        end,
                        date_only: false,
                        prose: false,
                    });
                }
            }
            None if is_date(
                body.split(" (")
                    .next()
                    .unwrap_or("")
                    .trim_end_matches([':', '*', ' ']),
            ) =>
            {
                pieces.push(Piece {
                    start,
                    end,
                    date_only: true,
                    prose: false,
                })
            }
            _ => {}
        }
    }
    pieces
}

fn sentence_pieces(text: &str, sentences: &[(usize, usize)]) -> Vec<Piece> {
    sentences
        .iter()
        .filter(|&&(a, b)| CLOCK.is_match(&text[a..b]))
        .map(|&(a, b)| Piece {
            start: a,
            end: b,
            date_only: false,
            prose: true,
        })
        .collect()
}

/// Splits a sentence into the clause each time belongs to: at ", ", "; ",
/// " and ", " but ", " then ", a short clause joined to the next.
fn clauses(piece: &str) -> Vec<(usize, usize)> {
    let mut cuts = vec![0];
    for sep in [", ", "; ", " and ", " but ", " then ", " while "] {
        let mut at = 0;
        while let Some(i) = piece[at..].find(sep) {
            cuts.push(at + i);
            at += i + sep.len();
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (k, &c) in cuts.iter().enumerate() {
        let end = cuts.get(k + 1).copied().unwrap_or(piece.len());
        out.push((c, end));
    }
    out
}

fn words_besides_time(text: &str) -> usize {
    let without = CLOCK.replace_all(text, " ");
    without
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.to_lowercase().as_str(),
                    "at" | "on"
                        | "by"
                        | "around"
                        | "about"
                        | "approximately"
                        | "and"
                        | "then"
                        | "but"
                        | "while"
                        | "utc"
                        | "gmt"
                )
                && !w.chars().all(|c| c.is_ascii_digit())
        })
        .count()
}

/// Puts the times of `pieces` on one clock, in order, and picks the moments.
fn place(text: &str, pieces: &[Piece], doc_zone: Option<&str>, year: Option<i32>) -> Timeline {
    let mut events: Vec<Event> = Vec::new();
    let mut day: i64 = 0;
    let mut last_local: Option<i64> = None;
    let mut last_zone: Option<String> = None;
    let mut all_dated = true;
    for piece in pieces {
        let body = &text[piece.start..piece.end];
        if piece.date_only {
            if let Some(c) = DATE.captures(body)
                && let Some(d) = date_of(&c, year)
            {
                day = i64::from(d.num_days_from_ce());
                last_local = None;
            }
            continue;
        }
        let found = clocks_in(body, year);
        if found.is_empty() {
            continue;
        }
        // Two times that bound a stretch open and close the impact.
        let window = found.len() >= 2 && {
            let between = &body[found[0].end..found[1].start];
            let before = &body[..found[0].start];
            WINDOW.is_match(between)
                || (WINDOW.is_match(before) && between.split_whitespace().count() <= 3)
        };
        let sentence_like = piece.prose || found.len() > 1 || found[0].start > 24;
        let clause_list = if sentence_like {
            clauses(body)
        } else {
            Vec::new()
        };
        for (n, f) in found.iter().enumerate() {
            if window && n > 1 {
                break;
            }
            let mut description = if window {
                body.to_string()
            } else if sentence_like {
                // The clause that holds this time, and the next ones until
                // it says something.
                let c = clause_list
                    .iter()
                    .position(|&(a, b)| f.start >= a && f.start < b)
                    .unwrap_or(0);
                let mut end = clause_list[c].1;
                let mut j = c;
                while words_besides_time(&body[clause_list[c].0..end]) < 3
                    && j + 1 < clause_list.len()
                {
                    j += 1;
                    if found
                        .iter()
                        .any(|g| g.start >= clause_list[j].0 && g.start < clause_list[j].1)
                    {
                        break;
                    }
                    end = clause_list[j].1;
                }
                body[clause_list[c].0..end]
                    .trim_start_matches([',', ';', ' '])
                    .trim_start_matches("and ")
                    .trim_start_matches("but ")
                    .trim_start_matches("then ")
                    .to_string()
            } else if found[0].start <= 24 {
                after_time(body, f.end).to_string()
            } else {
                body.to_string()
            };
            // A time on a line of its own: a status page writes the update
            // on the line above it, a timeline ("**14:02**") on the line below.
            if description
                .trim_matches(['*', '_', ' ', '(', ')'])
                .is_empty()
            {
                let line_start = text[..piece.start].rfind('\n').unwrap_or(0);
                let above = text[..line_start].rsplit('\n').next().unwrap_or("").trim();
                let next = text[piece.end..].trim_start().lines().next().unwrap_or("");
                let entry = |line: &str| CLOCK.find(line).is_some_and(|m| m.start() <= 24);
                if !above.is_empty() && !entry(above) {
                    description = above.to_string();
                } else if !entry(next) {
                    description = next.to_string();
                }
            }
            let mut marks = if window {
                Marks::default()
            } else {
                marks(&description)
            };
            if window {
                marks.start = n == 0;
                marks.impact_end = n == 1;
            }
            if f.zone.is_some() {
                last_zone = f.zone.clone();
            }
            let zone = f
                .zone
                .clone()
                .or_else(|| last_zone.clone())
                .or_else(|| doc_zone.map(str::to_string));
            let local = f.seconds_of_day;
            match f.date {
                Some(d) => {
                    day = i64::from(d.num_days_from_ce());
                }
                None => {
                    all_dated = false;
                    // Past midnight: a time well before the one above it.
                    if let Some(last) = last_local
                        && local < last
                        && last - local >= 6 * 3600
                    {
                        day += 1;
                    }
                }
            }
            last_local = Some(local);
            let offset = zone.as_deref().map_or(0, zone_offset_minutes);
            events.push(Event {
                at: day * 86_400 + local - offset * 60,
                shown: f.shown.clone(),
                zone,
                text: super::clean_sentence(description.trim()).unwrap_or_default(),
                marks,
                start: piece.start,
                end: piece.end,
            });
        }
    }
    if all_dated {
        events.sort_by_key(|e| e.at);
    }
    let mut timeline = Timeline {
        events,
        ..Timeline::default()
    };
    timeline.find_moments();
    timeline
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeline(text: &str) -> Timeline {
        read(text, &[(0, text.len())], &[], text).expect("a timeline")
    }

    #[test]
    fn entries_are_told_apart_by_what_they_say() {
        let t = timeline(
            "- 14:02 Deploy of v2.3 starts\n- 14:05 Errors begin on checkout\n- 14:12 PagerDuty pages the on-call\n- 14:31 Rollback complete, error rate back to normal\n- 15:10 Incident resolved\n",
        );
        assert_eq!(t.start, Some(1));
        assert_eq!(t.time_to_detect().unwrap().duration(), "7 min");
        assert_eq!(t.time_to_mitigate().unwrap().duration(), "26 min");
        assert_eq!(t.time_to_resolve().unwrap().clock(), "14:05 to 15:10");
        assert_eq!(t.impact().unwrap().duration(), "26 min");
    }

    #[test]
    fn midnight_is_crossed_and_zones_named() {
        let t = timeline(
            "All times UTC.\n- 23:41 A config push lowers the pool limit\n- 23:49 The SLO burn alert pages the on-call\n- 00:21 We rolled back the config\n- 00:33 Error rate back to normal\n",
        );
        let ttd = t.time_to_detect().unwrap();
        assert_eq!(
            (ttd.duration(), ttd.clock()),
            ("8 min".to_string(), "23:41 to 23:49 UTC".to_string())
        );
        assert_eq!(t.time_to_mitigate().unwrap().duration(), "52 min");
    }

    #[test]
    fn a_window_in_prose_bounds_the_impact() {
        let text = "Between 23:41 and 00:33 UTC, about 30% of checkout requests failed.";
        let t = read(text, &[], &[(0, text.len())], text).unwrap();
        assert_eq!(t.impact().unwrap().duration(), "52 min");
    }

    #[test]
    fn a_stated_duration_is_read() {
        assert_eq!(
            stated_duration("March 01 12:01 UTC (lasting 3 hour and 06 minutes)"),
            Some((11_160, "3 hour and 06 minutes".to_string()))
        );
        assert_eq!(
            stated_duration("(lasting 53 minutes)").map(|d| d.0),
            Some(3180)
        );
        assert_eq!(stated_duration("everlasting 5 minutes of fame"), None);
    }

    #[test]
    fn am_pm_and_named_zones_convert() {
        let t = timeline("- 11:50 PM PST errors begin\n- 12:10 AM PST paged\n");
        assert_eq!(t.time_to_detect().unwrap().duration(), "20 min");
        let t = timeline("- 2024-03-02 23:50 UTC errors begin\n- 2024-03-03 08:00 CET paged\n");
        assert_eq!(t.time_to_detect().unwrap().duration(), "430 min");
    }
}
