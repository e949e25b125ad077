//! Spaced repetition with FSRS (the `fsrs` crate): each card's memory state,
//! its due day and its review log, kept in `reviews.json` by the card's id.
//! Days are the unit: "today" is passed in, never read from the clock here.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use fsrs::{FSRS, MemoryState, NextStates};
use serde::{Deserialize, Serialize};

use super::deck::Card;

/// The recall probability FSRS schedules for.
pub const DESIRED_RETENTION: f32 = 0.9;

/// Again, Hard, Good, Easy: the four answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    pub fn from_number(n: u8) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| *r as u8 == n)
    }

    pub fn label(self) -> &'static str {
        match self {
            Rating::Again => "Again",
            Rating::Hard => "Hard",
            Rating::Good => "Good",
            Rating::Easy => "Easy",
        }
    }
}

/// One review of a card.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewEntry {
    pub day: Option<NaiveDate>,
    /// 1 Again, 2 Hard, 3 Good, 4 Easy.
    pub rating: u8,
    /// Days until the card was next due.
    pub interval_days: u32,
}

/// Where a card stands.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CardState {
    pub stability: f32,
    pub difficulty: f32,
    pub due: Option<NaiveDate>,
    pub last_review: Option<NaiveDate>,
    pub last_rating: u8,
    pub reviews: u32,
    pub lapses: u32,
    pub log: Vec<ReviewEntry>,
}

impl CardState {
    fn memory(&self) -> Option<MemoryState> {
        (self.reviews > 0).then_some(MemoryState {
            stability: self.stability,
            difficulty: self.difficulty,
        })
    }

    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.due.is_none_or(|due| due <= today)
    }

    /// Recalled: reviewed, last answered Good or Easy, and not overdue.
    pub fn recalled(&self, today: NaiveDate) -> bool {
        self.reviews > 0
            && self.last_rating >= Rating::Good as u8
            && self.due.is_none_or(|d| d >= today)
    }

    /// Still being learnt: last answered Again.
    pub fn learning(&self) -> bool {
        self.reviews > 0 && self.last_rating == Rating::Again as u8
    }
}

/// The scheduler: FSRS with its default parameters.
pub struct Scheduler {
    fsrs: FSRS,
}

impl Default for Scheduler {
    fn default() -> Scheduler {
        Scheduler::new()
    }
}

impl Scheduler {
    pub fn new() -> Scheduler {
        // Empty parameters mean the crate's defaults, which are always valid.
        let fsrs = FSRS::new(&[]).unwrap_or_default();
        Scheduler { fsrs }
    }

    fn next_states(&self, state: Option<&CardState>, today: NaiveDate) -> Option<NextStates> {
        let memory = state.and_then(CardState::memory);
        let elapsed = state
            .and_then(|s| s.last_review)
            .map(|last| (today - last).num_days().max(0) as u32)
            .unwrap_or(0);
        self.fsrs
            .next_states(memory, DESIRED_RETENTION, elapsed)
            .ok()
    }

    /// Days until due for each answer (Again is 0: the card comes back
    /// within the session).
    pub fn intervals(&self, state: Option<&CardState>, today: NaiveDate) -> [u32; 4] {
        let Some(next) = self.next_states(state, today) else {
            return [0, 1, 1, 1];
        };
        let days = |interval: f32| (interval.round() as u32).max(1);
        let mut out = [
            0,
            days(next.hard.interval),
            days(next.good.interval),
            days(next.easy.interval),
        ];
        // Keep the buttons in order even after rounding.
        out[2] = out[2].max(out[1]);
        out[3] = out[3].max(out[2]);
        out
    }

    /// Applies an answer to a card's state.
    pub fn review(&self, state: Option<&CardState>, rating: Rating, today: NaiveDate) -> CardState {
        let mut next_state = state.cloned().unwrap_or_default();
        let intervals = self.intervals(state, today);
        if let Some(next) = self.next_states(state, today) {
            let chosen = match rating {
                Rating::Again => next.again,
                Rating::Hard => next.hard,
                Rating::Good => next.good,
                Rating::Easy => next.easy,
            };
            next_state.stability = chosen.memory.stability;
            next_state.difficulty = chosen.memory.difficulty;
        }
        let interval = intervals[rating as usize - 1];
        next_state.due = Some(today + Duration::days(i64::from(interval)));
        next_state.last_review = Some(today);
        next_state.last_rating = rating as u8;
        next_state.reviews += 1;
        if rating == Rating::Again && state.is_some_and(|s| s.reviews > 0) {
            next_state.lapses += 1;
        }
        next_state.log.push(ReviewEntry {
            day: Some(today),
            rating: rating as u8,
            interval_days: interval,
        });
        next_state
    }
}

/// New, learning and due-for-review counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DueCounts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

pub fn due_counts<'c>(
    cards: impl Iterator<Item = &'c Card>,
    states: &BTreeMap<String, CardState>,
    today: NaiveDate,
) -> DueCounts {
    let mut counts = DueCounts::default();
    for card in cards {
        match states.get(&card.id) {
            None => counts.new += 1,
            Some(s) if s.learning() => counts.learning += 1,
            Some(s) if s.is_due(today) => counts.review += 1,
            _ => {}
        }
    }
    counts
}

/// Share of cards reviewed and currently recalled, 0 to 100.
pub fn mastery<'c>(
    cards: impl Iterator<Item = &'c Card>,
    states: &BTreeMap<String, CardState>,
    today: NaiveDate,
) -> u8 {
    let (mut total, mut recalled) = (0usize, 0usize);
    for card in cards {
        total += 1;
        recalled += usize::from(states.get(&card.id).is_some_and(|s| s.recalled(today)));
    }
    (recalled * 100).checked_div(total).map_or(0, |m| m as u8)
}

/// Cards first seen today (they count against the daily limit of new cards).
pub fn new_today(states: &BTreeMap<String, CardState>, today: NaiveDate) -> usize {
    states
        .values()
        .filter(|s| s.log.first().and_then(|e| e.day) == Some(today))
        .count()
}

/// The cards to review now, in order: learning and due cards first (most
/// overdue first), then new cards up to `new_allowed`.
pub fn due_queue(
    cards: &[Card],
    states: &BTreeMap<String, CardState>,
    today: NaiveDate,
    new_allowed: usize,
) -> Vec<usize> {
    let mut due: Vec<(NaiveDate, usize)> = Vec::new();
    let mut fresh = Vec::new();
    for (i, card) in cards.iter().enumerate() {
        match states.get(&card.id) {
            None => fresh.push(i),
            Some(s) if s.learning() || s.is_due(today) => due.push((s.due.unwrap_or(today), i)),
            _ => {}
        }
    }
    due.sort();
    let mut queue: Vec<usize> = due.into_iter().map(|(_, i)| i).collect();
    // New cards take turns across topics, so a session is not all one topic.
    let mut seen_in_topic: std::collections::HashMap<&str, usize> =
        std::collections::HashMap::new();
    let mut ranked: Vec<(usize, usize)> = fresh
        .into_iter()
        .map(|i| {
            let n = seen_in_topic.entry(cards[i].topic.as_str()).or_default();
            *n += 1;
            (*n, i)
        })
        .collect();
    ranked.sort();
    queue.extend(ranked.into_iter().map(|(_, i)| i).take(new_allowed));
    queue
}

/// Cram: every card of `topic` (all topics when `None`), weakest first —
/// never seen, then last answered Again, then lowest stability — due or not.
pub fn cram_queue(
    cards: &[Card],
    states: &BTreeMap<String, CardState>,
    topic: Option<&str>,
) -> Vec<usize> {
    let mut queue: Vec<(u8, f32, usize)> = cards
        .iter()
        .enumerate()
        .filter(|(_, c)| topic.is_none_or(|t| c.topic == t))
        .map(|(i, c)| match states.get(&c.id) {
            None => (0, 0.0, i),
            Some(s) => (s.last_rating.min(4), s.stability, i),
        })
        .collect();
    queue.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    queue.into_iter().map(|(_, _, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn a_new_card_gets_the_crates_known_first_intervals() {
        // fsrs 6 default parameters: first stabilities 0.212, 1.2931, 2.3065, 8.2956 days.
        let s = Scheduler::new();
        assert_eq!(s.intervals(None, day(1)), [0, 1, 2, 8]);
        let good = s.review(None, Rating::Good, day(1));
        assert!((good.stability - 2.3065).abs() < 1e-3, "{}", good.stability);
        assert_eq!(good.due, Some(day(3)));
    }

    #[test]
    fn intervals_are_ordered_again_hard_good_easy() {
        let s = Scheduler::new();
        let mut state: Option<CardState> = None;
        let mut today = day(1);
        for rating in [
            Rating::Good,
            Rating::Hard,
            Rating::Easy,
            Rating::Again,
            Rating::Good,
            Rating::Good,
        ] {
            let i = s.intervals(state.as_ref(), today);
            assert!(i[0] <= i[1] && i[1] <= i[2] && i[2] <= i[3], "{i:?}");
            let next = s.review(state.as_ref(), rating, today);
            today = next.due.unwrap().max(today);
            state = Some(next);
        }
        let state = state.unwrap();
        assert_eq!(state.reviews, 6);
        assert_eq!(state.lapses, 1);
        assert_eq!(state.log.len(), 6);
    }

    #[test]
    fn good_answers_grow_the_interval() {
        let s = Scheduler::new();
        let mut state = s.review(None, Rating::Good, day(1));
        let mut last = 0;
        for _ in 0..4 {
            let today = state.due.unwrap();
            let interval = s.intervals(Some(&state), today)[2];
            assert!(interval > last, "{interval} <= {last}");
            last = interval;
            state = s.review(Some(&state), Rating::Good, today);
        }
    }
}
