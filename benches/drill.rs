//! Budget: starting a review session with 10,000 review records is instant
//! (under 20 ms): read `reviews.json`, count what is due, build the queue.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use sre_prep::drill::deck::built_in;
use sre_prep::drill::reviews::Reviews;
use sre_prep::drill::srs::{CardState, ReviewEntry, due_counts, due_queue};
use sre_prep::store::Store;

fn session_start(c: &mut Criterion) {
    let cards = built_in();
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    // 10,000 review records spread over the deck.
    let per_card = 10_000 / cards.len() + 1;
    let mut states = BTreeMap::new();
    for (i, card) in cards.iter().enumerate() {
        let log = (0..per_card)
            .map(|n| ReviewEntry {
                day: Some(today - Duration::days((per_card - n) as i64)),
                rating: 1 + ((i + n) % 4) as u8,
                interval_days: 1 + (n % 30) as u32,
            })
            .collect();
        states.insert(
            card.id.clone(),
            CardState {
                stability: 3.0 + i as f32,
                difficulty: 5.0,
                due: Some(today + Duration::days((i % 7) as i64 - 3)),
                last_review: Some(today - Duration::days(1)),
                last_rating: 1 + (i % 4) as u8,
                reviews: per_card as u32,
                lapses: 1,
                log,
            },
        );
    }
    let tmp = tempfile::tempdir().unwrap();
    {
        let store = Store::open(tmp.path()).unwrap();
        store
            .save_reviews(&Reviews {
                cards: states,
                ..Reviews::default()
            })
            .unwrap();
    }
    let dir = tmp.path().to_path_buf();
    c.bench_function("start a review session, 10,000 review records", |b| {
        b.iter(|| {
            let mut store = Store::open(Path::new(&dir)).unwrap();
            let mut problems = Vec::new();
            let reviews = store.load_reviews(&mut problems);
            let counts = due_counts(cards.iter(), &reviews.cards, today);
            let queue = due_queue(&cards, &reviews.cards, today, 20);
            assert!(problems.is_empty());
            (counts, queue.len())
        })
    });
}

criterion_group!(benches, session_start);
criterion_main!(benches);
