//! Budget: scoring reads at least 20 MB/s of story text and stays linear in
//! length — a 6 MB paste scores in well under a second. Then the peak memory
//! of `sre-prep score` on that paste, measured on the binary.

mod support;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use sre_prep::score::{score_story, score_text};

/// Story prose of about `bytes` bytes, made of the synthetic stories' beats.
fn paste(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 2_000);
    let mut n = 0;
    while text.len() < bytes {
        let s = support::story(n);
        for beat in [
            &s.blast_radius,
            &s.role,
            &s.decision,
            &s.fix,
            &s.root_cause,
            &s.systemic_change,
        ] {
            text.push_str(beat);
            text.push(' ');
        }
        text.push_str("\n\n");
        n += 1;
    }
    text
}

fn throughput(c: &mut Criterion) {
    let mut group = c.benchmark_group("score free text");
    group.sample_size(10);
    for size in [60_000usize, 600_000, 6_000_000] {
        let text = paste(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            b.iter(|| score_text(text))
        });
    }
    group.finish();
}

fn one_story(c: &mut Criterion) {
    let story = support::story(7);
    c.bench_function("score one structured story", |b| {
        b.iter(|| score_story(&story))
    });
}

/// Peak memory of the binary scoring the 6 MB paste.
fn binary_peak() {
    let tmp = tempfile::tempdir().expect("a temp directory");
    let file = tmp.path().join("paste.txt");
    std::fs::write(&file, paste(6_000_000)).expect("writing the paste");
    let file = file.display().to_string();
    match support::peak_mb_of_binary(&["score", &file]) {
        Ok(mb) => println!("score/the binary on a 6 MB paste: peak memory {mb:.1} MB"),
        Err(e) => println!("score/the binary: peak memory not measured: {e}"),
    }
}

criterion_group!(benches, throughput, one_story);

fn main() {
    if support::run_peak_helper() {
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
    binary_peak();
}
