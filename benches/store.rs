//! Budgets: loading a data directory of 1,000 stories under 50 ms; importing
//! 1,000 stories (each file fsynced) under 1 s; importing again a kit of
//! 100,000 stories that are all there already under 1 s (it was quadratic:
//! a minute).

mod support;

use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use sre_prep::kit::Kit;
use sre_prep::store::{self, Store};

fn load_1000_stories(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    {
        let store = Store::open(tmp.path()).unwrap();
        store
            .save_stories(&support::stories_only(1000).stories)
            .unwrap();
    }
    c.bench_function("load a data directory of 1,000 stories", |b| {
        b.iter(|| {
            let loaded = store::load(tmp.path());
            assert_eq!(loaded.kit.stories.len(), 1000);
            loaded
        })
    });
}

fn import_1000_stories(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("import 1,000 stories, each fsynced", |b| {
        b.iter_batched(
            || (tempfile::tempdir().unwrap(), support::stories_only(1000)),
            |(tmp, incoming)| {
                let store = Store::open(tmp.path()).unwrap();
                let mut kit = Kit::default();
                let report =
                    store::import_kit(&store, &mut kit, incoming, Path::new("bench")).unwrap();
                assert_eq!(report.stories, 1000);
                tmp
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn reimport_100k_stories(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    // The kit as loaded, and the same stories coming in again: every one is
    // skipped, so nothing touches the disk and the matching is what is timed.
    let here = support::stories_only(100_000);
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("import again 100,000 stories already there", |b| {
        b.iter_batched(
            || (here.clone(), here.stories.clone()),
            |(mut kit, stories)| {
                let incoming = Kit {
                    stories,
                    ..Kit::default()
                };
                let report =
                    store::import_kit(&store, &mut kit, incoming, Path::new("bench")).unwrap();
                assert_eq!(report.stories, 0);
                assert_eq!(report.notes.len(), 1, "one line for all of them");
                kit
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(
    benches,
    load_1000_stories,
    import_1000_stories,
    reimport_100k_stories
);
criterion_main!(benches);
