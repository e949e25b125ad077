//! Step 4: the Linux & systems deck — topics with due counts and mastery,
//! and review sessions scheduled by FSRS, saved after every answer.

use std::collections::VecDeque;

use super::{App, Screen};
use crate::drill::deck::{self, Card};
use crate::drill::reviews::Reviews;
use crate::drill::srs::{Rating, cram_queue, due_queue, new_today};
use crate::tui::keymap::{self, Action, Context};

/// How far back an Again card goes in the queue: it returns within the
/// session, after a few other cards.
const AGAIN_GAP: usize = 3;

/// A review in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewSession {
    /// Indices into the deck still to show; the front is on screen.
    pub queue: VecDeque<usize>,
    pub revealed: bool,
    /// Cramming a topic (`Some`) or reviewing what is due (`None`).
    pub cram: Option<String>,
    pub answered: usize,
    pub again: usize,
}

impl App {
    /// `reviews.json`: the drill history of every step.
    pub(super) fn load_reviews(&mut self) {
        let mut problems = Vec::new();
        self.practice.reviews = self.storage.load_reviews(&mut problems);
        self.add_problems(problems);
    }

    pub(super) fn load_deck(&mut self) {
        let mut problems = Vec::new();
        self.practice.deck = crate::store::cards::load_deck(self.storage.dir(), &mut problems);
        self.add_problems(problems);
    }

    /// Days until due for each answer, for the buttons.
    pub fn scheduler_intervals(&self, state: Option<&crate::drill::srs::CardState>) -> [u32; 4] {
        self.practice.scheduler.intervals(state, self.today)
    }

    pub fn deck_topics(&self) -> Vec<String> {
        deck::topics(&self.practice.deck)
    }

    pub fn cards_in<'a>(&'a self, topic: &'a str) -> impl Iterator<Item = &'a Card> + 'a {
        self.practice.deck.iter().filter(move |c| c.topic == topic)
    }

    /// New cards still allowed today.
    pub fn new_cards_left(&self) -> usize {
        let reviews = &self.practice.reviews;
        (reviews.settings.new_cards_per_day as usize)
            .saturating_sub(new_today(&reviews.cards, self.today))
    }

    pub(super) fn update_deck(&mut self, action: Action) {
        let topics = self.deck_topics();
        let deck = &self.practice.deck;
        let cards = &self.practice.reviews.cards;
        match action {
            Action::Quit => self.quit(),
            Action::Back => self.screen = Screen::Home,
            Action::Up => self.places.topic = self.places.topic.saturating_sub(1),
            Action::Down => {
                self.places.topic = (self.places.topic + 1).min(topics.len().saturating_sub(1))
            }
            Action::ReviewDue => {
                let queue = due_queue(deck, cards, self.today, self.new_cards_left());
                if queue.is_empty() {
                    self.info(format!(
                        "Nothing is due, and today's new cards are done. Press {} to cram a topic anyway.",
                        keymap::key_for(Context::Deck, Action::Cram)
                    ));
                    return;
                }
                self.start_review(queue, None);
            }
            Action::Cram => {
                let Some(topic) = topics.get(self.places.topic).cloned() else {
                    return;
                };
                let queue = cram_queue(deck, cards, Some(&topic));
                self.start_review(queue, Some(topic));
            }
            Action::Troubleshoot => self.open_troubleshoot(),
            Action::CramWeakest => {
                let mut queue = cram_queue(deck, cards, None);
                queue.truncate(20);
                self.start_review(queue, Some("the weakest cards".to_string()));
            }
            Action::MoreNewCards | Action::FewerNewCards => {
                let now = self.practice.reviews.settings.new_cards_per_day;
                let next = if action == Action::MoreNewCards {
                    (now + 5).min(200)
                } else {
                    now.saturating_sub(5)
                };
                let mut reviews = self.practice.reviews.clone();
                reviews.settings.new_cards_per_day = next;
                match self.keep_reviews(reviews) {
                    Ok(()) => self.info(format!("Up to {next} new cards a day.")),
                    Err(e) => self.error(format!("Review not kept: {e}")),
                }
            }
            _ => {}
        }
    }

    fn start_review(&mut self, queue: Vec<usize>, cram: Option<String>) {
        self.screen = Screen::Review(ReviewSession {
            queue: queue.into(),
            revealed: false,
            cram,
            answered: 0,
            again: 0,
        });
    }

    /// Writes `reviews.json` and keeps it as the drill history (the
    /// checklist is worked out again); the error says why it was not kept.
    pub(super) fn keep_reviews(&mut self, reviews: Reviews) -> Result<(), String> {
        let store = self.storage.writable().map_err(|why| why.to_string())?;
        store.save_reviews(&reviews).map_err(|e| e.to_string())?;
        self.practice.reviews = reviews;
        self.caches.readiness = None;
        Ok(())
    }

    pub(super) fn update_review(&mut self, action: Action) {
        let Screen::Review(session) = &mut self.screen else {
            return;
        };
        match action {
            Action::Back => self.end_review(),
            Action::Reveal => session.revealed = true,
            Action::Rate(n) if session.revealed => {
                let (Some(&index), Some(rating)) = (session.queue.front(), Rating::from_number(n))
                else {
                    return;
                };
                let card_id = self.practice.deck[index].id.clone();
                let next = self.practice.scheduler.review(
                    self.practice.reviews.cards.get(&card_id),
                    rating,
                    self.today,
                );
                let mut reviews = self.practice.reviews.clone();
                reviews.cards.insert(card_id, next);
                if let Err(e) = self.keep_reviews(reviews) {
                    self.error(format!("Review not kept: {e}"));
                    return;
                }
                let Screen::Review(session) = &mut self.screen else {
                    return;
                };
                session.queue.pop_front();
                session.answered += 1;
                session.revealed = false;
                if rating == Rating::Again {
                    session.again += 1;
                    let at = AGAIN_GAP.min(session.queue.len());
                    session.queue.insert(at, index);
                }
                if session.queue.is_empty() {
                    self.end_review();
                }
            }
            _ => {}
        }
    }

    fn end_review(&mut self) {
        if let Screen::Review(session) = std::mem::replace(&mut self.screen, Screen::Deck) {
            self.info(format!(
                "Session over: {} answers, {} Again. Everything is saved.",
                session.answered, session.again
            ));
        }
    }
}
