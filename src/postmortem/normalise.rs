//! A postmortem as the drafter reads it: HTML pasted from a wiki turned into
//! plain lines, headings of every style (`#`, underlined, bold, numbered,
//! `Label:`) written one way (`## Label`), tables and bullets as list items,
//! links as their words. Words are never changed: only the markup around them.

use std::sync::LazyLock;

use regex::Regex;

use crate::score::beats::label_beat;

/// Markup that only HTML has: two of these make a text HTML.
static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(?:p|h[1-6]|li|ul|ol|div|br|table|tr|td|th|span|strong|b|em|a|section|article|body|html|pre|code|blockquote|header|main)\b[^>]*>")
        .expect("the tag pattern compiles")
});

/// `[words](url)` and `![alt](url)`.
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(!?)\[([^\]\n]*)\]\([^)\n]*\)").expect("compiles"));

/// "1.", "2.3", "IV." before a heading.
static NUMBERING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d+(?:\.\d+)*[.)]?|[IVX]{1,4}[.)])\s+").expect("compiles"));

/// "(s)", "(optional)", "(UTC)" in a heading.
static PARENTHESES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\([^)]*\)").expect("compiles"));

/// A numbered list item: "1. ", "2) ".
static NUMBERED_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}[.)]\s+").expect("compiles"));

/// A line that opens with a clock time or a date and a time: a timeline entry.
static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\*\*|__)?(?:\d{4}-\d{2}-\d{2}[ T,]*|[A-Z][a-z]{2,8}\.? \d{1,2},? (?:\d{4},? )?)?\d{1,2}:\d{2}\b")
        .expect("compiles")
});

/// "the public API.We mitigated": a sentence run into the next, as pages
/// pasted from the web often have them.
static RUN_ON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([a-z)\]]{2}|[A-Z]{2,})\.([A-Z][a-z])").expect("compiles"));

/// "Resolved - ", "Monitoring - ": a status page's update labels.
static STATUS_UPDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Investigating|Identified|Monitoring|Update|Updated|Resolved|Verifying|Completed|In progress|Scheduled)\s+[-–—]\s+")
        .expect("compiles")
});

/// "Severity: SEV-1": a short key and value on a line of their own.
static KEY_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\*\*|__)?[A-Za-z][A-Za-z /'()-]{0,30}(?::\*\*|:__|\*\*:|:)\s+\S")
        .expect("compiles")
});

/// The text with its markup normalised; see the module comment.
pub fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = if HTML_TAG.find_iter(&text).take(2).count() == 2 {
        html_to_text(&text)
    } else {
        text
    };
    let text: String = text
        .chars()
        .filter_map(|c| match c {
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\t' => Some(' '),
            '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => None,
            c => Some(c),
        })
        .collect();
    lines(&text)
}

/// Is `line` a row of dashes or equals signs (an underline or a rule)?
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3
        && [b'=', b'-', b'~', b'^']
            .iter()
            .any(|&u| t.bytes().all(|b| b == u))
        || (t.len() >= 3 && t.bytes().all(|b| b == b'*' || b == b' ') && t.contains("***"))
}

fn is_table_separator(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|')
        && t.contains('-')
        && t.bytes()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'+'))
}

/// The words of a heading line with its markup, numbering, bracketed
/// asides and closing punctuation taken off: "## 2. Root Cause(s):" -> "Root Cause".
fn heading_words(line: &str) -> String {
    let mut t = line.trim().trim_start_matches('#').trim();
    for wrap in ["**", "__"] {
        if let Some(inner) = t.strip_prefix(wrap) {
            t = inner;
        }
        t = t.trim_end_matches(':');
        if let Some(inner) = t.strip_suffix(wrap) {
            t = inner;
        }
    }
    let t = NUMBERING.replace(t.trim(), "");
    let t = PARENTHESES.replace_all(&t, "");
    t.trim()
        .trim_end_matches([':', '?', '.', '：', ' '])
        .trim_start_matches(['*', '_'])
        .trim_end_matches(['*', '_'])
        .trim()
        .to_string()
}

/// Markdown heading level of a line, 0 when it is none.
fn md_level(line: &str) -> usize {
    let t = line.trim_start();
    let level = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&level) && t[level..].starts_with(' ') {
        level
    } else {
        0
    }
}

/// A line that is all bold: "**Impact**", "__Root cause:__".
fn is_bold_line(line: &str) -> bool {
    let t = line.trim();
    (t.starts_with("**") && (t.ends_with("**") || t.ends_with("**:")) && t.len() > 4)
        || (t.starts_with("__") && (t.ends_with("__") || t.ends_with("__:")) && t.len() > 4)
}

/// A table row as one list item: the clock time or date cells, then the
/// longest cell (the description; owners, priorities and ticket ids go).
fn table_row(line: &str) -> String {
    let cells: Vec<&str> = line
        .trim()
        .trim_matches('|')
        .split('|')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let mut keep: Vec<&str> = cells
        .iter()
        .copied()
        .filter(|c| c.len() <= 30 && (ENTRY.is_match(c) || super::timeline::is_date(c)))
        .collect();
    if let Some(longest) = cells
        .iter()
        .copied()
        .filter(|c| !keep.contains(c))
        .max_by_key(|c| c.chars().count())
    {
        keep.push(longest);
    }
    format!("- {}", keep.join(" "))
}

fn lines(text: &str) -> String {
    let all: Vec<&str> = text.split('\n').collect();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut i = 0;
    while i < all.len() {
        let raw = all[i];
        let next = all.get(i + 1).copied().unwrap_or("");
        let trimmed = raw.trim();
        i += 1;
        if trimmed.is_empty() {
            out.push('\n');
            continue;
        }
        // Tables: separators go, a header row (the row above one) goes.
        if is_table_separator(trimmed) {
            continue;
        }
        if trimmed.starts_with('|') {
            if !is_table_separator(next) {
                out.push_str(&table_row(trimmed));
                out.push('\n');
            }
            continue;
        }
        let underlined = !trimmed.starts_with('-') && is_rule(next) && trimmed.len() <= 80;
        let level = md_level(trimmed);
        let bold = is_bold_line(trimmed);
        // A list item or a timeline entry is no heading; a heading is short.
        let item = trimmed.starts_with(['-', '*', '+', '|', '>']) && !bold && level == 0
            || trimmed.as_bytes().first().is_some_and(u8::is_ascii_digit)
                && trimmed
                    .as_bytes()
                    .windows(2)
                    .any(|w| w[0] == b':' && w[1].is_ascii_digit());
        if !item
            && trimmed.len() <= 120
            && trimmed.chars().count() <= 80
            && trimmed.split_whitespace().count() <= 10
            && (level > 0 || bold || underlined || !trimmed.contains(": "))
        {
            let words = heading_words(trimmed);
            let known = !words.is_empty() && label_beat(&words).is_some();
            let styled = level > 0 || underlined || (bold && words.split_whitespace().count() <= 8);
            if known || styled {
                if underlined {
                    i += 1; // the underline
                }
                let hashes = if level > 0 {
                    level
                } else if underlined && next.trim().starts_with('=') {
                    1
                } else {
                    2
                };
                out.push('\n');
                out.push_str(&"#".repeat(hashes));
                out.push(' ');
                out.push_str(if known {
                    &words
                } else {
                    trimmed.trim_start_matches('#').trim()
                });
                out.push_str("\n\n");
                continue;
            }
        }
        if is_rule(trimmed) {
            out.push('\n');
            continue;
        }
        let mut line = trimmed.to_string();
        if let Some(rest) = line.strip_prefix("> ") {
            line = rest.to_string();
        }
        for bullet in ["• ", "◦ ", "▪ ", "‣ ", "· ", "+ "] {
            if let Some(rest) = line.strip_prefix(bullet) {
                line = format!("- {rest}");
            }
        }
        if line.contains('.') && RUN_ON.is_match(&line) {
            line = RUN_ON.replace_all(&line, "$1. $2").into_owned();
        }
        if STATUS_UPDATE.is_match(&line) {
            line = STATUS_UPDATE.replace(&line, "").into_owned();
        }
        // "Severity: SEV-2 | Owner: media": one field a line.
        if line.contains(" | ") && !line.starts_with('|') {
            line = line.replace(" | ", "\n\n");
        }
        if NUMBERED_ITEM.is_match(&line) {
            line = NUMBERED_ITEM.replace(&line, "- ").into_owned();
        }
        if !line.starts_with("- ") && !line.starts_with("* ") && ENTRY.is_match(&line) {
            line = format!("- {line}");
        }
        if line.contains("](") {
            line = LINK
                .replace_all(&line, |c: &regex::Captures| {
                    // An image, or a footnote marker ("[163](#fn)"), says nothing.
                    if &c[1] == "!" || c[2].chars().all(|ch| ch.is_ascii_digit()) {
                        String::new()
                    } else {
                        c[2].to_string()
                    }
                })
                .into_owned();
        }
        out.push_str(&line);
        out.push('\n');
        // "Severity: SEV-1" over "Duration: 52 min": each its own sentence.
        if KEY_VALUE.is_match(&line)
            && line.split_whitespace().count() <= 8
            && !next.trim().is_empty()
        {
            out.push('\n');
        }
    }
    out
}

/// Plain text from HTML: block elements become lines, headings `#` lines,
/// bold `**`, list items and table rows list lines; scripts, styles and
/// comments go; entities are decoded.
fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut bold_open = false;
    while let Some(open) = rest.find('<') {
        let words = decode_entities(&rest[..open]);
        // Bold must hug its words to read as a heading: "** Impact **" is none.
        out.push_str(if bold_open {
            words.trim_start()
        } else {
            &words
        });
        bold_open = false;
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else {
            out.push_str(&decode_entities(rest));
            rest = "";
            break;
        };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match name.as_str() {
            "script" | "style" | "head" | "title" if !closing => {
                let end = format!("</{name}");
                let at = rest.to_ascii_lowercase().find(&end);
                if name == "title"
                    && let Some(at) = at
                {
                    out.push_str("\n# ");
                    out.push_str(decode_entities(&rest[..at]).trim());
                    out.push_str("\n\n");
                }
                rest = at.map_or("", |at| {
                    let tail = &rest[at..];
                    tail.find('>').map_or("", |g| &tail[g + 1..])
                });
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                if closing {
                    out.push_str("\n\n");
                } else {
                    let level = usize::from(name.as_bytes()[1] - b'0');
                    out.push_str("\n\n");
                    out.push_str(&"#".repeat(level));
                    out.push(' ');
                }
            }
            "strong" | "b" => {
                if closing {
                    let kept = out.trim_end_matches([' ', '\n']).len();
                    out.truncate(kept);
                } else {
                    bold_open = true;
                }
                out.push_str("**");
            }
            "br" => out.push('\n'),
            "li" if !closing => out.push_str("\n- "),
            "tr" if !closing => out.push_str("\n|"),
            "td" | "th" if closing => out.push_str(" |"),
            "p" | "div" | "section" | "article" | "ul" | "ol" | "table" | "blockquote" | "pre"
            | "header" | "main" | "footer" | "dt" | "dd" | "dl" | "tr" | "li" | "thead"
            | "tbody" | "body" | "html" | "hr" | "nav" => out.push_str("\n\n"),
            _ => {}
        }
    }
    out.push_str(&decode_entities(rest));
    out.replace("****", "")
}

/// `&amp;`, `&#39;`, `&#x2014;` and the other entities a page is likely to hold.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "mdash" => '—',
                "ndash" => '–',
                "rsquo" => '’',
                "lsquo" => '‘',
                "ldquo" => '“',
                "rdquo" => '”',
                "hellip" => '…',
                "rarr" => '→',
                "times" => '×',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code).filter(|c| !c.is_control() || *c == '\n')?
                }
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_every_style_become_one_style() {
        let text = "Impact\n======\nUsers failed.\n\n**Root Cause(s):**\nA bad config.\n\n## 3. Action Items\n- Add a check.\n\nHow'd We Do?\nWell.\n\n4. Resolution:\nRolled back.";
        let n = normalise(text);
        assert!(n.contains("# Impact\n"), "{n}");
        assert!(n.contains("## Root Cause\n"), "{n}");
        assert!(n.contains("## Action Items\n"), "{n}");
        assert!(n.contains("## How'd We Do\n"), "{n}");
        assert!(n.contains("## Resolution\n"), "{n}");
        assert!(!n.contains("====="), "{n}");
    }

    #[test]
    fn html_becomes_lines_and_entities_words() {
        let html = "<html><head><style>p{}</style></head><body><h2>Impact</h2><p>Checkout &amp; login failed for 30&nbsp;% of users.</p><ul><li>EU</li><li>US</li></ul><p><strong>Resolution:</strong> we rolled back.</p></body></html>";
        let n = normalise(html);
        assert!(n.contains("## Impact\n"), "{n}");
        assert!(
            n.contains("Checkout & login failed for 30 % of users."),
            "{n}"
        );
        assert!(n.contains("- EU\n"), "{n}");
        assert!(n.contains("**Resolution:** we rolled back."), "{n}");
        assert!(!n.contains("p{}"), "{n}");
    }

    #[test]
    fn tables_keep_times_and_descriptions() {
        let text =
            "| Time | Event | Owner |\n|---|---|---|\n| 14:02 | Deploy of v2.3 starts | alice |";
        let n = normalise(text);
        assert_eq!(n.trim(), "- 14:02 Deploy of v2.3 starts");
    }

    #[test]
    fn entities_decode_and_unknown_ones_stay() {
        assert_eq!(
            decode_entities("a &lt;b&gt; &#8594; &#x2014; &bogus; &"),
            "a <b> → — &bogus; &"
        );
    }
}
