//! Budget: `sre-prep check` over a data directory of 1,000 stories, 1,000
//! designs and 10,000 review records finishes in under 150 ms and under
//! 50 MB: measured in-process, then on the binary itself (its wall time, and
//! its peak memory as the kernel counts it for a waited-for child).

mod support;

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group};
use sre_prep::cli::load_everything;
use sre_prep::drill::deck::built_in;
use sre_prep::drill::reviews::Reviews;
use sre_prep::drill::srs::{CardState, ReviewEntry};
use sre_prep::readiness::{Inputs, assess};
use sre_prep::store::Store;

/// Writes the benchmark's data directory: used by this bench and, with
/// `SRE_PREP_BENCH_DIR` set, left behind for measuring the binary.
fn data_dir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let kit = support::kit(1000);
    store.save_stories(&kit.stories).unwrap();
    store.save_designs(&kit.designs).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let cards = built_in();
    let per_card = 10_000 / cards.len() + 1;
    let mut states = BTreeMap::new();
    for (i, card) in cards.iter().enumerate() {
        states.insert(
            card.id.clone(),
            CardState {
                stability: 3.0,
                difficulty: 5.0,
                due: Some(today + Duration::days((i % 5) as i64)),
                last_review: Some(today - Duration::days(1)),
                last_rating: 3,
                reviews: per_card as u32,
                lapses: 0,
                log: (0..per_card)
                    .map(|n| ReviewEntry {
                        day: Some(today - Duration::days(n as i64)),
                        rating: 3,
                        interval_days: 2,
                    })
                    .collect(),
            },
        );
    }
    store
        .save_reviews(&Reviews {
            cards: states,
            ..Reviews::default()
        })
        .unwrap();
    tmp
}

fn check(c: &mut Criterion) {
    let tmp = data_dir();
    if let Some(keep) = std::env::var_os("SRE_PREP_BENCH_DIR") {
        let _ = std::fs::remove_dir_all(&keep);
        std::fs::rename(tmp.path(), &keep).unwrap();
        std::fs::create_dir_all(tmp.path()).unwrap();
        return;
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.bench_function(
        "load and assess 1,000 stories, 1,000 designs, 10,000 reviews",
        |b| {
            b.iter(|| {
                let all = load_everything(tmp.path());
                assert!(all.problems.is_empty());
                assess(&Inputs {
                    kit: &all.kit,
                    reviews: &all.reviews,
                    deck: &all.deck,
                    today,
                })
                .score
            })
        },
    );
    group.bench_function("the binary: sre-prep check, same data", |b| {
        b.iter(|| {
            let status = std::process::Command::new(env!("CARGO_BIN_EXE_sre-prep"))
                .arg("--data-dir")
                .arg(tmp.path())
                .arg("check")
                .stdout(std::process::Stdio::null())
                .status()
                .unwrap();
            assert!(status.code().is_some_and(|c| c <= 1), "{status}");
        })
    });
    group.finish();
    let dir = tmp.path().display().to_string();
    match support::peak_mb_of_binary(&["--data-dir", &dir, "check"]) {
        Ok(mb) => println!("check/the binary: peak memory {mb:.1} MB"),
        Err(e) => println!("check/the binary: peak memory not measured: {e}"),
    }
}

criterion_group!(benches, check);

fn main() {
    if support::run_peak_helper() {
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
