//! Budget: a 1 MB postmortem drafts in well under a second (`sre-prep draft`
//! and `P` read the whole text before they show anything), and drafting
//! stays linear in length.

use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sre_prep::postmortem::draft;

const MB: usize = 1024 * 1024;

fn fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/postmortems");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("the test postmortems are there")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a test postmortem reads"))
        .collect()
}

/// The ten test postmortems, one after the other, until `bytes` long: a
/// document with hundreds of headings of every style.
fn many_postmortems(bytes: usize) -> String {
    let all = fixtures();
    let mut text = String::with_capacity(bytes + 10_000);
    let mut n = 0;
    while text.len() < bytes {
        text.push_str(&all[n % all.len()]);
        text.push_str(&format!("\n\nIncident {n} ends here.\n\n"));
        n += 1;
    }
    text
}

/// One postmortem that is a timeline of `bytes`: an entry a minute, days
/// long, across many midnights.
fn long_timeline(bytes: usize) -> String {
    let mut text = String::from("# A very long incident\n\nAll times UTC.\n\n## Timeline\n\n");
    let mut minute = 23 * 60;
    let events = [
        "Error rate on /checkout climbs to 12% for EU customers",
        "The on-call engineer is paged by the burn-rate alert",
        "We rolled back the deploy of checkout v2.3 to v2.2",
        "Error rate back to normal after the rollback",
        "Engineers trace the errors to the connection pool limit",
    ];
    let mut n = 0;
    while text.len() < bytes {
        text.push_str(&format!(
            "- {:02}:{:02} {}\n",
            (minute / 60) % 24,
            minute % 60,
            events[n % events.len()]
        ));
        minute += 1;
        n += 1;
    }
    text
}

fn one_megabyte(c: &mut Criterion) {
    let mut group = c.benchmark_group("draft a postmortem");
    group.sample_size(10);
    for (name, text) in [
        ("ten styles, 1 MB", many_postmortems(MB)),
        ("one timeline, 1 MB", long_timeline(MB)),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| draft(text))
        });
    }
    group.finish();
}

fn linear(c: &mut Criterion) {
    let mut group = c.benchmark_group("draft grows with length");
    group.sample_size(10);
    for size in [100 * 1024, 400 * 1024] {
        let text = many_postmortems(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            b.iter(|| draft(text))
        });
    }
    group.finish();
}

fn one_postmortem(c: &mut Criterion) {
    let text = &fixtures()[3];
    c.bench_function("draft one postmortem (google_sre.md)", |b| {
        b.iter(|| draft(text))
    });
}

criterion_group!(benches, one_megabyte, linear, one_postmortem);
criterion_main!(benches);
