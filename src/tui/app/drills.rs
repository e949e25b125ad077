//! Step 4: the Linux & systems deck — topics with due counts and mastery,
//! and review sessions scheduled by FSRS, saved after every answer.

use std::collections::VecDeque;

use super::{App, Screen};
use crate::drill::deck::{self, Card};
use crate::drill::srs::{Rating, cram_queue, due_queue, new_today};
use crate::tui::keymap::{self, Action, Context};

/// How far back an Again card goes in the queue: it returns within the
/// session, after a few other cards.
const AGAIN_GAP: usize = 3;

/// A review in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewSession {
    /// Indices into `App::deck` still to show; the front is on screen.
    pub queue: VecDeque<usize>,
    pub revealed: bool,
    /// Cramming a topic (`Some`) or reviewing what is due (`None`).
    pub cram: Option<String>,
    pub answered: usize,
    pub again: usize,
}

impl App {
    pub(super) fn load_deck(&mut self) {
        let mut problems = Vec::new();
        self.deck = crate::store::cards::load_deck(&self.data_dir, &mut problems);
        self.problems.extend(problems);
    }

    /// Days until due for each answer, for the buttons.
    pub fn scheduler_intervals(&self, state: Option<&crate::drill::srs::CardState>) -> [u32; 4] {
        self.scheduler.intervals(state, self.today)
    }

    pub fn deck_topics(&self) -> Vec<String> {
        deck::topics(&self.deck)
    }

    pub fn cards_in<'a>(&'a self, topic: &'a str) -> impl Iterator<Item = &'a Card> + 'a {
        self.deck.iter().filter(move |c| c.topic == topic)
    }

    /// New cards still allowed today.
    pub fn new_cards_left(&self) -> usize {
        (self.reviews.settings.new_cards_per_day as usize)
            .saturating_sub(new_today(&self.reviews.cards, self.today))
    }

    pub(super) fn update_deck(&mut self, action: Action) {
        let topics = self.deck_topics();
        match action {
            Action::Quit => self.quit = true,
            Action::Back => self.screen = Screen::Home,
            Action::Up => self.deck_selected = self.deck_selected.saturating_sub(1),
            Action::Down => {
                self.deck_selected = (self.deck_selected + 1).min(topics.len().saturating_sub(1))
            }
            Action::ReviewDue => {
                let queue = due_queue(
                    &self.deck,
                    &self.reviews.cards,
                    self.today,
                    self.new_cards_left(),
                );
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
                let Some(topic) = topics.get(self.deck_selected).cloned() else {
                    return;
                };
                let queue = cram_queue(&self.deck, &self.reviews.cards, Some(&topic));
                self.start_review(queue, Some(topic));
            }
            Action::Troubleshoot => self.open_troubleshoot(),
            Action::CramWeakest => {
                let mut queue = cram_queue(&self.deck, &self.reviews.cards, None);
                queue.truncate(20);
                self.start_review(queue, Some("the weakest cards".to_string()));
            }
            Action::MoreNewCards | Action::FewerNewCards => {
                let now = self.reviews.settings.new_cards_per_day;
                let next = if action == Action::MoreNewCards {
                    (now + 5).min(200)
                } else {
                    now.saturating_sub(5)
                };
                let mut reviews = self.reviews.clone();
                reviews.settings.new_cards_per_day = next;
                if self.save_reviews(reviews) {
                    self.info(format!("Up to {next} new cards a day."));
                }
            }
            _ => {}
        }
    }

    fn start_review(&mut self, queue: Vec<usize>, cram: Option<String>) {
        self.review = Some(ReviewSession {
            queue: queue.into(),
            revealed: false,
            cram,
            answered: 0,
            again: 0,
        });
        self.screen = Screen::Review;
    }

    /// Writes `reviews` and keeps it on success; says why on failure.
    fn save_reviews(&mut self, reviews: crate::drill::reviews::Reviews) -> bool {
        let result = match self.store.as_ref() {
            Some(store) => store.save_reviews(&reviews).map_err(|e| e.to_string()),
            None => Err(self.read_only.clone().unwrap_or_else(|| "read-only".into())),
        };
        match result {
            Ok(()) => {
                self.reviews = reviews;
                self.readiness = None;
                true
            }
            Err(e) => {
                self.error(format!("Review not kept: {e}"));
                false
            }
        }
    }

    pub(super) fn update_review(&mut self, action: Action) {
        let Some(session) = self.review.as_mut() else {
            self.screen = Screen::Deck;
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
                let card_id = self.deck[index].id.clone();
                let next =
                    self.scheduler
                        .review(self.reviews.cards.get(&card_id), rating, self.today);
                let mut reviews = self.reviews.clone();
                reviews.cards.insert(card_id, next);
                if !self.save_reviews(reviews) {
                    return;
                }
                let Some(session) = self.review.as_mut() else {
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
        if let Some(session) = self.review.take() {
            self.info(format!(
                "Session over: {} answers, {} Again. Everything is saved.",
                session.answered, session.again
            ));
        }
        self.screen = Screen::Deck;
    }
}
