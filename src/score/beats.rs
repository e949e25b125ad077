//! Labelled text: answers written as "Impact: ... Fix: ... Result: ...",
//! STAR ("Situation/Task/Action/Result"), or a postmortem with headings
//! (Summary, Impact, Root cause, Resolution, Action items). A label says
//! which beat the text under it serves, so each dimension reads its own
//! section: "Fix: I looked into it and fixed the problem" is judged as a fix
//! even when the rest of the answer is strong.

use std::sync::LazyLock;

use regex::Regex;

/// A part of a text and the story beat its label names (`None`: a label
/// such as "Situation" or "Result" that may hold any beat, or no label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub beat: Option<&'static str>,
    /// Under a label that sets the scene ("Situation", "Background",
    /// "Context"): how things stood before the story, not what came of it.
    pub setting: bool,
    /// Under a label whose note says the work is still to do ("Action
    /// items (open)", "Follow-ups (planned)"): what it lists are plans.
    pub to_do: bool,
    /// Byte range of the section's text, the label left out.
    pub start: usize,
    pub end: usize,
}

/// What a label means: the story field it stands for, or `None` for a
/// label that may hold any beat.
fn beat_of(label: &str) -> Option<Option<&'static str>> {
    named_beat(label).or_else(|| label_by_words(&plain(label)))
}

/// A label read as a space-separated lowercase phrase, a note in brackets
/// and a leading "the"/"my" left out.
fn plain(label: &str) -> String {
    // "Follow-up (all shipped)": a note in brackets says nothing of the beat.
    let label = match (label.find('('), label.rfind(')')) {
        (Some(open), Some(close))
            if open > 0 && close > open && label[close + 1..].trim().is_empty() =>
        {
            &label[..open]
        }
        _ => label,
    };
    let label: String = label
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    label
        .trim_start_matches("the ")
        .trim_start_matches("my ")
        .to_string()
}

/// The beat of a label this reader knows by name ("Impact", "Root cause",
/// "What we changed"); `None` for any other.
fn named_beat(label: &str) -> Option<Option<&'static str>> {
    Some(match plain(label).as_str() {
        "impact" | "customer impact" | "user impact" | "blast radius" | "business impact"
        | "what users saw" | "what customers saw" | "scope" | "severity" | "damage" | "cost"
        | "costs" | "financial impact" => Some("blast_radius"),
        "role" | "task" | "my part" | "responsibility" | "responsibilities" | "who i was"
        | "part" | "me" | "author" | "authors" => Some("role"),
        "decision"
        | "decisions"
        | "key decision"
        | "the call"
        | "call"
        | "trade off"
        | "trade offs"
        | "tradeoff"
        | "tradeoffs"
        | "options"
        | "choice"
        | "judgement call"
        | "judgment call"
        | "on the table"
        | "options on the table"
        | "choices"
        | "alternatives"
        | "the options"
        | "what i weighed" => Some("decision"),
        "fix"
        | "the fix"
        | "resolution"
        | "mitigation"
        | "recovery"
        | "root cause"
        | "root causes"
        | "cause"
        | "trigger"
        | "diagnosis"
        | "investigation"
        | "how i found it"
        | "how we found it"
        | "how i found the root cause"
        | "contributing factors"
        | "why it happened"
        | "what went wrong"
        | "technical details"
        | "remediation steps"
        | "resolution and recovery"
        | "mitigation and resolution" => Some("fix"),
        "what changed"
        | "what s changed"
        | "what has changed"
        | "what we changed"
        | "what i changed"
        | "what we ve changed"
        | "what i ve changed"
        | "action items"
        | "follow up"
        | "follow ups"
        | "followup"
        | "followups"
        | "prevention"
        | "remediation"
        | "what we are doing about it"
        | "what we're doing about it"
        | "next steps"
        | "long term fix"
        | "long term fixes"
        | "systemic change"
        | "systemic changes"
        | "changes"
        | "afterwards"
        | "after"
        | "aftermath"
        | "improvements"
        | "lasting change"
        | "lasting changes"
        | "what changed for good"
        | "corrective actions"
        | "preventive actions"
        | "preventative actions"
        | "lessons learned"
        | "lessons" => Some("systemic_change"),
        "situation" | "action" | "actions" | "result" | "results" | "outcome" | "outcomes"
        | "summary" | "background" | "context" | "timeline" | "detection" | "what happened"
        | "incident" | "overview" | "details" | "notes" | "star" | "s" | "t" | "a" | "r"
        | "numbers" | "metrics" | "status" | "description" => None,
        // Postmortem templates (Google SRE book, Atlassian, PagerDuty,
        // GitHub and Cloudflare write-ups), read by `postmortem::draft`.
        // Written as `beat_of` sees them: punctuation is a space.
        "customer facing impact"
        | "user facing impact"
        | "impact assessment"
        | "who was affected"
        | "affected users"
        | "affected services"
        | "scope of impact"
        | "impact and duration" => Some("blast_radius"),
        "root cause analysis"
        | "root cause and trigger"
        | "triggers"
        | "contributing factor"
        | "causes"
        | "fault"
        | "five whys"
        | "leadup"
        | "lead up"
        | "what caused it"
        | "why did it happen"
        | "how we fixed it"
        | "how it was fixed"
        | "resolution steps"
        | "recovery steps"
        | "mitigation steps"
        | "mitigation and recovery"
        | "workaround" => Some("fix"),
        "action item"
        | "follow up actions"
        | "follow up items"
        | "remediations"
        | "corrective action"
        | "preventive measures"
        | "preventing recurrence"
        | "what we are changing"
        | "what we re changing"
        | "what we will do"
        | "what we re doing about it"
        | "what we re doing to prevent this"
        | "what we are doing to prevent this"
        | "remediation and follow up"
        | "remediation and follow up steps"
        | "future work" => Some("systemic_change"),
        "how we found out"
        | "how it was detected"
        | "how we noticed"
        | "detection and response"
        | "response"
        | "incident response"
        | "incident timeline"
        | "timeline of events"
        | "chronology"
        | "what went well"
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
        | "responders"
        | "people involved"
        | "messaging"
        | "internal messaging"
        | "external messaging"
        | "executive summary"
        | "incident summary"
        | "tl dr"
        | "tldr"
        | "introduction"
        | "conclusion" => None,
        _ => return None,
    })
}

/// A label the table does not list, read by its words: "What stuck",
/// "What I changed afterwards", "Customer-facing damage". Short labels
/// only: a long line ending in a colon is a sentence.
fn label_by_words(label: &str) -> Option<Option<&'static str>> {
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    // "I had two options:", "We found three things:": a sentence that
    // opens a list, its subject first, is no heading.
    if words.len() > 1
        && matches!(
            words[0],
            "i" | "we" | "they" | "it" | "there" | "he" | "she"
        )
    {
        return None;
    }
    let any = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if any(&[
        "stuck",
        "stays",
        "guardrails",
        "safeguards",
        "hardening",
        "forward",
        "recurrence",
        "place",
        "now",
        "output",
        "deliverable",
        "deliverables",
        "shipped",
        "afterwards",
        "afterward",
        "prevention",
        "prevent",
        "preventing",
        "lasting",
        "systemic",
        "follow",
        "followups",
        "improvements",
        "lessons",
        "since",
        "good",
        "longer",
        "term",
        // "What we built", "What I delivered".
        "built",
        "delivered",
        // "Where things stand", "Today".
        "stand",
        "today",
        "nowadays",
    ]) {
        Some(Some("systemic_change"))
    } else if any(&["impact", "affected", "blast", "damage"]) {
        Some(Some("blast_radius"))
    } else if any(&[
        "decision",
        "decisions",
        "tradeoff",
        "tradeoffs",
        "trade",
        "options",
    ]) {
        Some(Some("decision"))
    } else if any(&[
        "fix",
        "cause",
        "causes",
        "resolution",
        "mitigation",
        "diagnosis",
        "recovery",
        "repair",
        "found",
    ]) {
        Some(Some("fix"))
    } else if any(&["role", "responsibility"]) {
        Some(Some("role"))
    } else if any(&["result", "results", "outcome", "numbers", "metrics"]) {
        Some(None)
    } else {
        None
    }
}

/// What a label means to the scorer: `Some(beat)` for a label it knows
/// (`Some(None)` for one that may hold any beat), `None` for words that are
/// no label. The postmortem drafter reads headings with this same table.
pub fn label_beat(label: &str) -> Option<Option<&'static str>> {
    beat_of(label)
}

/// A label that sets the scene: what it holds is how things stood.
fn sets_the_scene(label: &str) -> bool {
    matches!(
        plain(label).as_str(),
        "situation" | "background" | "context"
    )
}

/// A label whose note in brackets says the work is still to do: "Action
/// items (open)", "Follow-ups (planned)", "Remediation (not started)".
fn still_to_do(label: &str) -> bool {
    let Some(note) = label.find('(').and_then(|open| {
        label[open + 1..]
            .find(')')
            .map(|close| &label[open + 1..open + 1 + close])
    }) else {
        return false;
    };
    let note = note.to_lowercase();
    let words: Vec<&str> = note
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "planned" | "open" | "todo" | "proposed" | "pending" | "outstanding" | "backlog"
        )
    }) || words.windows(2).any(|p| {
        matches!(
            p,
            ["to", "do"]
                | ["in", "progress"]
                | ["not", "started" | "done" | "yet" | "shipped" | "scheduled"]
        )
    })
}

/// A label at the start of a line: "Fix:", "**Root cause:**", "## Impact",
/// "Action items -", or a bold or heading line of its own.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?mR)^[ \t\x{feff}]*(?:[-*•][ \t]+)?(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*([A-Za-z][A-Za-z '’/&\x{2010}\x{2011}-]{0,40}?(?:[ \t]*\([^()\n]{1,30}\))?)[ \t]*(?:\*\*|__)?[ \t]*(?::\*\*|:__|\*\*:|:|：|[ \t][-–—][ \t]|$)",
    )
    .expect("the label pattern compiles")
});

/// A label closed by a full stop, as some postmortems write them: "Impact.
/// For 2 h 10 min ...", "**Summary.** ...", "Follow-ups (all shipped)." on
/// a line of its own. Read only for the labels [`named_beat`] knows: a
/// sentence of a few words at the start of a line is no label.
static DOT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?mR)^[ \t\x{feff}]*(?:\*\*|__)?([A-Z][A-Za-z '’/&\x{2010}\x{2011}-]{0,40}?(?:[ \t]*\([^)\n]{0,30}\))?)\.(?:\*\*|__)?(?:[ \t]+|[ \t]*$)",
    )
    .expect("the full-stop label pattern compiles")
});

/// A label inside a paragraph, after a sentence's end, as pasted answers
/// run them together: "... went to zero. Lasting changes: an alert on ...".
/// Read only for the labels [`named_beat`] knows to name what lasts.
static MID_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.!?][ \t]+([A-Z][A-Za-z '’/&\x{2010}\x{2011}-]{1,40}?)[ \t]*:[ \t]+")
        .expect("the mid-paragraph label pattern compiles")
});

/// Underlined headings: a line followed by `===` or `---`.
static UNDERLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?mR)^[ \t]*(=+|-{3,})[ \t]*$").expect("compiles"));

/// A line that is a heading of its own: short, ending in ":" or marked up.
static HEADING_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mR)^[ \t\x{feff}]*(?:#{1,6}[ \t]+[^\n]{1,60}|\*\*[^\n*]{1,60}\*\*:?|[A-Z][^\n.!?]{0,50}:)[ \t]*$")
        .expect("the heading pattern compiles")
});

/// Headings with no mark-up: a short line of its own ("Response (written
/// by the incident commander)", "What happened next") after a blank line
/// and before text, starting with a capital and not ending a sentence.
/// As byte ranges of the line.
fn plain_headings(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut after_blank = false;
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        let next_has_text = lines.get(i + 1).is_some_and(|n| !n.trim().is_empty());
        if after_blank
            && next_has_text
            && trimmed.chars().next().is_some_and(char::is_uppercase)
            && trimmed.chars().count() <= 60
            && trimmed.split_whitespace().count() <= 8
            && !trimmed.ends_with(['.', '!', '?', ',', ';', ':', '"', '\u{201d}', '\u{2026}'])
        {
            out.push((start, start + line.len()));
        }
        after_blank = trimmed.is_empty();
        start += line.len() + 1;
    }
    out
}

/// A label found in a text, before it is turned into sections.
struct Label {
    /// Where the label starts.
    at: usize,
    /// Where the text it labels starts.
    content: usize,
    beat: Option<&'static str>,
    /// Followed by text on its own line: it holds that paragraph only.
    inline: bool,
    /// Sets the scene ([`sets_the_scene`]).
    setting: bool,
    /// Its note says the work is still to do ([`still_to_do`]).
    to_do: bool,
}

/// The sections of `text`, in order; a text without recognised labels is
/// one section with no beat. A label followed by text on its line ("Impact:
/// 140 services ...") holds that paragraph; a heading on a line of its own
/// holds everything up to the next heading, known or not.
pub fn sections(text: &str) -> Vec<Section> {
    let mut labels: Vec<Label> = Vec::new();
    for m in HEADING_LINE.find_iter(text) {
        let name = m
            .as_str()
            .trim()
            .trim_start_matches('#')
            .trim_matches(|c: char| c == '*' || c == '_' || c == ':' || c.is_whitespace());
        // An unknown heading still ends the section before it; a known one
        // the label pattern cannot read ("**Follow-up (all shipped)**")
        // opens its beat's.
        labels.push(Label {
            at: m.start(),
            content: m.end(),
            beat: beat_of(name).flatten(),
            inline: false,
            setting: sets_the_scene(name),
            to_do: still_to_do(name),
        });
    }
    for (start, end) in plain_headings(text) {
        let name = text[start..end].trim();
        if !labels.iter().any(|l| l.at == start) {
            labels.push(Label {
                at: start,
                content: end,
                beat: beat_of(name).flatten(),
                inline: false,
                setting: sets_the_scene(name),
                to_do: still_to_do(name),
            });
        }
    }
    for caps in LABEL.captures_iter(text) {
        let (Some(all), Some(name)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let Some(beat) = beat_of(name.as_str()) else {
            continue;
        };
        // A line of its own must look like a heading: short, nothing else on it.
        let mut end = all.end();
        // Only the next line can underline it: search no further (a search
        // to the end of the text for every label is quadratic).
        let limit = text[end..]
            .match_indices('\n')
            .nth(1)
            .map_or(text.len(), |(i, _)| end + i);
        if let Some(m) = UNDERLINE.find_at(&text[..limit], end) {
            let gap = &text[end..m.start()];
            if gap.trim().is_empty() && gap.matches('\n').count() <= 1 {
                end = m.end();
            }
        }
        let rest_of_line = text[all.end()..].split('\n').next().unwrap_or("");
        let inline = !rest_of_line.trim().is_empty() && end == all.end();
        labels.retain(|l| l.at != all.start());
        labels.push(Label {
            at: all.start(),
            content: end,
            beat,
            inline,
            setting: sets_the_scene(name.as_str()),
            to_do: still_to_do(name.as_str()),
        });
    }
    for caps in DOT_LABEL.captures_iter(text) {
        let (Some(all), Some(name)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let Some(beat) = named_beat(name.as_str()) else {
            continue;
        };
        if labels.iter().any(|l| l.at == all.start()) {
            continue;
        }
        let rest_of_line = text[all.end()..].split('\n').next().unwrap_or("");
        labels.push(Label {
            at: all.start(),
            content: all.end(),
            beat,
            inline: !rest_of_line.trim().is_empty(),
            setting: sets_the_scene(name.as_str()),
            to_do: still_to_do(name.as_str()),
        });
    }
    for caps in MID_LABEL.captures_iter(text) {
        let (Some(all), Some(name)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        // Only what lasts: "The trigger:", "Options:", "Cause:" are as
        // often a way of telling inside a paragraph as a section of it.
        if named_beat(name.as_str()) != Some(Some("systemic_change")) {
            continue;
        }
        labels.push(Label {
            at: name.start(),
            content: all.end(),
            beat: Some("systemic_change"),
            inline: true,
            setting: false,
            to_do: false,
        });
    }
    labels.sort_by_key(|l| l.at);
    // One label is not a structure ("Note: ..."): need one that names a beat.
    if labels.iter().all(|l| l.beat.is_none()) {
        return vec![Section {
            beat: None,
            setting: false,
            to_do: false,
            start: 0,
            end: text.len(),
        }];
    }
    let mut out = Vec::new();
    if labels[0].at > 0 && !text[..labels[0].at].trim().is_empty() {
        out.push(Section {
            beat: None,
            setting: false,
            to_do: false,
            start: 0,
            end: labels[0].at,
        });
    }
    for (k, label) in labels.iter().enumerate() {
        let &Label {
            content,
            beat,
            inline,
            setting,
            to_do,
            ..
        } = label;
        let next = labels.get(k + 1).map_or(text.len(), |next| next.at);
        let end = if inline {
            text[content..next].find('\n').map_or(next, |i| content + i)
        } else {
            next
        };
        if content < end {
            out.push(Section {
                beat,
                setting,
                to_do,
                start: content,
                end,
            });
        }
        // What follows an inline label's paragraph, up to the next label, serves any beat.
        if end < next && !text[end..next].trim().is_empty() {
            out.push(Section {
                beat: None,
                setting: false,
                to_do: false,
                start: end,
                end: next,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn beats(text: &str) -> Vec<(Option<&'static str>, String)> {
        sections(text)
            .into_iter()
            .map(|s| (s.beat, text[s.start..s.end].trim().to_string()))
            .collect()
    }

    #[test]
    fn labels_open_sections_for_their_beats() {
        let text = "Situation: checkout failed.\nFix: I looked into it and fixed the problem.\n**Root cause:** the pool ran out.\n## Action items\nI added an alert.";
        assert_eq!(
            beats(text),
            vec![
                (None, "checkout failed.".to_string()),
                (
                    Some("fix"),
                    "I looked into it and fixed the problem.".to_string()
                ),
                (Some("fix"), "the pool ran out.".to_string()),
                (Some("systemic_change"), "I added an alert.".to_string()),
            ]
        );
    }

    #[test]
    fn a_label_for_what_lasts_may_open_inside_a_paragraph() {
        let text = "Drops went from 2,000 a minute to zero. Lasting changes: an alert on NAT \
                    allocation failures.\nMonth-end has passed five times since.";
        assert_eq!(
            beats(text),
            vec![
                (None, "Drops went from 2,000 a minute to zero.".to_string()),
                (
                    Some("systemic_change"),
                    "an alert on NAT allocation failures.".to_string()
                ),
                (None, "Month-end has passed five times since.".to_string()),
            ]
        );
        // Other labels inside a paragraph are a way of telling, not sections.
        let told = "It kept failing. The trigger: a store gateway that ran out of memory. \
                    Options: wait or roll back.";
        assert_eq!(beats(told), vec![(None, told.to_string())]);
    }

    #[test]
    fn an_inline_label_holds_its_paragraph_only() {
        let text = "Checkout broke at midnight.\nImpact: 140 services, all regions.\nI was on call and rolled back.\nWhat shipped afterwards:\n- an alert";
        assert_eq!(
            beats(text),
            vec![
                (None, "Checkout broke at midnight.".to_string()),
                (
                    Some("blast_radius"),
                    "140 services, all regions.".to_string()
                ),
                (None, "I was on call and rolled back.".to_string()),
                (Some("systemic_change"), "- an alert".to_string()),
            ]
        );
    }

    #[test]
    fn prose_without_labels_is_one_section() {
        let text = "We rolled back: the errors stopped. Note: nothing else.";
        assert_eq!(beats(text), vec![(None, text.to_string())]);
    }

    #[test]
    fn an_unmarked_heading_ends_the_section_before_it() {
        let text = "Root cause\nThe pool ran out.\n\nResponse (written by the incident commander)\nI chose to drain the nodes.\n";
        let got: Vec<(Option<&str>, &str)> = sections(text)
            .iter()
            .map(|s| (s.beat, text[s.start..s.end].trim()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("fix"), "The pool ran out."),
                (None, "I chose to drain the nodes."),
            ]
        );
        // A short sentence of its own is no heading: it ends with a full stop,
        // or with an ellipsis, typed or pasted.
        for trail in ["It worked.", "It worked...", "It worked\u{2026}"] {
            let text = format!("Fix: I reverted the key.\n\n{trail}\nThen we slept.\n");
            assert_eq!(sections(&text).len(), 2, "{trail}");
        }
    }

    #[test]
    fn a_known_heading_the_label_pattern_cannot_read_opens_its_beat() {
        let text = "Resolution\nI raised the full ratio.\n\nFollow-up (all shipped)\n- An alert on the fullest OSD above 80%.\n";
        assert_eq!(
            beats(text),
            vec![
                (Some("fix"), "I raised the full ratio.".to_string()),
                (
                    Some("systemic_change"),
                    "- An alert on the fullest OSD above 80%.".to_string()
                ),
            ]
        );
        let bold =
            "**Root cause**\nThe pool ran out.\n**What's in place now (since May)**\nA pool alert.";
        assert_eq!(
            beats(bold).last(),
            Some(&(Some("systemic_change"), "A pool alert.".to_string()))
        );
    }

    #[test]
    fn labels_for_what_lasts_in_words_of_their_own() {
        for label in [
            "What's in place now",
            "Stays fixed",
            "Output",
            "Guardrails",
            "Where things stand",
            "Today",
            "What we built",
            "What I delivered",
        ] {
            assert_eq!(label_beat(label), Some(Some("systemic_change")), "{label}");
        }
    }

    #[test]
    fn a_known_label_closed_by_a_full_stop_opens_its_beat() {
        let text = "Impact. 18,400 orders in DE/AT were charged the wrong VAT.\n\n**Root cause.** The quota was full.\n\nFollow-ups (all shipped).\n- An alert on quota use above 90%.\n";
        assert_eq!(
            beats(text),
            vec![
                (
                    Some("blast_radius"),
                    "18,400 orders in DE/AT were charged the wrong VAT.".to_string()
                ),
                (Some("fix"), "The quota was full.".to_string()),
                (
                    Some("systemic_change"),
                    "- An alert on quota use above 90%.".to_string()
                ),
            ]
        );
        // A short sentence at the start of a line is no label.
        let prose = "It was fixed. Nobody noticed.\nWe moved on. Then it broke again.";
        assert_eq!(beats(prose), vec![(None, prose.to_string())]);
    }

    #[test]
    fn a_bulleted_label_is_a_label() {
        let text = "- Impact: 31% of checkouts failed\n- Options: fail over, or shed load\n";
        let beats: Vec<Option<&str>> = sections(text).iter().map(|s| s.beat).collect();
        assert_eq!(beats, vec![Some("blast_radius"), Some("decision")]);
    }

    #[test]
    fn underlined_headings_count() {
        let text = "Impact\n======\nEU users failed to log in.\n\nResolution\n----------\nI reverted the key.";
        assert_eq!(
            beats(text),
            vec![
                (
                    Some("blast_radius"),
                    "EU users failed to log in.".to_string()
                ),
                (Some("fix"), "I reverted the key.".to_string()),
            ]
        );
    }
}
