//! The story as the answer to say out loud: the beats composed in playbook
//! order into one spoken answer, with the numbers marked for emphasis.

use crate::kit::Story;
use crate::score::quantity::find_quantities;
use crate::score::text::tokenize;

/// A piece of the spoken answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    /// A number to land with weight ("from 8 minutes to 90 seconds").
    pub emphasis: bool,
}

/// One paragraph of the answer: a beat of the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// What this part of the answer does, for the reader ("Impact").
    pub beat: &'static str,
    pub segments: Vec<Segment>,
}

/// Splits `text` into plain and emphasised segments at its quantities.
pub fn emphasise_numbers(text: &str) -> Vec<Segment> {
    let (tokens, _) = tokenize(text);
    let mut segments = Vec::new();
    let mut at = 0;
    for q in find_quantities(&tokens) {
        if q.start > at {
            segments.push(Segment {
                text: text[at..q.start].to_string(),
                emphasis: false,
            });
        }
        segments.push(Segment {
            text: text[q.start..q.end].to_string(),
            emphasis: true,
        });
        at = q.end;
    }
    if at < text.len() {
        segments.push(Segment {
            text: text[at..].to_string(),
            emphasis: false,
        });
    }
    segments
}

/// How the spoken answer leads into its numbers; a written page that heads
/// the paragraph "The numbers" leaves it out.
pub const NUMBERS_LEAD: &str = "In numbers: ";

/// The before/after metrics said as one sentence.
fn metrics_sentence(story: &Story) -> Option<String> {
    let said: Vec<String> = story
        .metrics
        .iter()
        .filter(|m| !m.before.trim().is_empty() && !m.after.trim().is_empty())
        .map(|m| {
            format!(
                "{} went from {} to {}",
                m.name.trim(),
                m.before.trim(),
                m.after.trim()
            )
        })
        .collect();
    match said.len() {
        0 => None,
        1 => Some(format!("{NUMBERS_LEAD}{}.", said[0])),
        _ => {
            let (last, rest) = said.split_last()?;
            Some(format!("{NUMBERS_LEAD}{}, and {}.", rest.join(", "), last))
        }
    }
}

/// The story composed into the answer to say, beat by beat. Empty beats are
/// left out; the private notes are never part of it.
pub fn compose(story: &Story) -> Vec<Paragraph> {
    let beats: [(&'static str, &str); 6] = [
        ("Impact", &story.blast_radius),
        ("My role", &story.role),
        ("The decision", &story.decision),
        ("The fix", &story.fix),
        ("How I found it", &story.root_cause),
        ("What changed for good", &story.systemic_change),
    ];
    let mut paragraphs: Vec<Paragraph> = beats
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(beat, text)| Paragraph {
            beat,
            segments: emphasise_numbers(text.trim()),
        })
        .collect();
    if let Some(sentence) = metrics_sentence(story) {
        paragraphs.push(Paragraph {
            beat: "The numbers",
            segments: emphasise_numbers(&sentence),
        });
    }
    paragraphs
}

/// The composed answer as plain text, one paragraph a beat.
pub fn plain_text(paragraphs: &[Paragraph]) -> String {
    paragraphs
        .iter()
        .map(|p| {
            p.segments
                .iter()
                .map(|s| s.text.as_str())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kit::StoryMetric;

    #[test]
    fn beats_come_in_playbook_order_with_numbers_emphasised_and_no_notes() {
        let story = Story {
            fix: "I capped the pool at 400.".into(),
            blast_radius: "31% of checkouts failed.".into(),
            notes: "private".into(),
            metrics: vec![
                StoryMetric {
                    name: "MTTR".into(),
                    before: "47 min".into(),
                    after: "12 min".into(),
                },
                StoryMetric {
                    name: "Errors".into(),
                    before: "31%".into(),
                    after: "0.3%".into(),
                },
            ],
            ..Story::default()
        };
        let answer = compose(&story);
        let beats: Vec<&str> = answer.iter().map(|p| p.beat).collect();
        assert_eq!(beats, ["Impact", "The fix", "The numbers"]);
        assert_eq!(
            answer[0].segments[0],
            Segment {
                text: "31%".into(),
                emphasis: true
            }
        );
        let text = plain_text(&answer);
        assert!(text.contains(
            "In numbers: MTTR went from 47 min to 12 min, and Errors went from 31% to 0.3%."
        ));
        assert!(!text.contains("private"));
    }
}
