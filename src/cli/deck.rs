//! `sre-prep deck [--json]`: the built-in Linux & systems cards.

use std::fmt::Write as _;

use anyhow::Result;
use serde::Serialize;

use super::{EXIT_OK, Output};
use crate::drill::deck::{built_in, topics};

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    topic: &'a str,
    question: &'a str,
    answer: &'a str,
    /// Where the answer's numbers and defaults can be checked ("" if none).
    source: &'a str,
}

pub fn run(json: bool) -> Result<u8> {
    let cards = built_in();
    if json {
        let listed: Vec<Listed> = cards
            .iter()
            .map(|c| Listed {
                id: &c.id,
                topic: &c.topic,
                question: &c.question,
                answer: &c.answer,
                source: &c.source,
            })
            .collect();
        let mut out = Output::new();
        out.raw(serde_json::to_string_pretty(&listed)?.as_bytes());
        out.raw(b"\n");
        out.done()?;
        return Ok(EXIT_OK);
    }
    let mut out = String::new();
    let topics = topics(&cards);
    let _ = writeln!(out, "{} cards in {} topics", cards.len(), topics.len());
    for topic in topics {
        let in_topic: Vec<_> = cards.iter().filter(|c| c.topic == topic).collect();
        let _ = writeln!(out, "\n{topic} ({})", in_topic.len());
        for card in in_topic {
            let _ = writeln!(out, "  {:<28} {}", card.id, card.question);
        }
    }
    let mut stdout = Output::new();
    stdout.text(&out);
    stdout.done()?;
    Ok(EXIT_OK)
}
