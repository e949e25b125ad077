//! `cards.json`: the user's own Linux & systems cards, read here and handed
//! to the deck, which adds them to the built-in ones. A file that cannot be
//! read is reported and left alone; the built-in deck still loads.

use std::path::Path;

use super::files::CardsFile;
use super::{LoadProblem, load_file};
use crate::drill::deck::{self, Card};

pub const CARDS_FILE: &str = "cards.json";

/// The user's own cards from `dir` (none when there is no `cards.json`, or
/// when it cannot be read: then a problem is recorded).
pub fn load_user_cards(dir: &Path, problems: &mut Vec<LoadProblem>) -> Vec<Card> {
    // Read as every data file is: a FIFO or a device there is refused, not waited on.
    load_file::<CardsFile>(&dir.join(CARDS_FILE), problems)
        .map(|file| file.cards)
        .unwrap_or_default()
}

/// The built-in cards with the user's own from `dir` (one with a built-in id
/// replaces it).
pub fn load_deck(dir: &Path, problems: &mut Vec<LoadProblem>) -> Vec<Card> {
    deck::with_user_cards(load_user_cards(dir, problems))
}
