//! Budget: evaluating a whole kit of 1,000 stories and 1,000 of each other
//! kind (designs, metrics, opinions) stays under 100 ms.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use sre_prep::evaluate::{design, design_arithmetic, evaluate_kit, opinion};

fn whole_kit(c: &mut Criterion) {
    let kit = support::kit(1000);
    let mut group = c.benchmark_group("evaluate");
    group.sample_size(20);
    group.bench_function(
        "a kit of 1,000 stories, designs, metrics and opinions",
        |b| b.iter(|| evaluate_kit(&kit)),
    );
    group.finish();
    let d = support::design(3);
    c.bench_function("evaluate one design answer", |b| {
        b.iter(|| design::evaluate(&d))
    });
    let o = support::opinion(3);
    c.bench_function("evaluate one opinion", |b| b.iter(|| opinion::evaluate(&o)));
    // A long paste is read in linear time: 2,000 sentences of figures.
    let paste =
        "At peak we serve 50,000 req/s of 200 KB each, 10 GB/s of egress, kept for 90 days. "
            .repeat(2_000);
    c.bench_function("design arithmetic on a 2,000-sentence paste", |b| {
        b.iter(|| design_arithmetic::check(&[("scaling", paste.as_str())], None))
    });
}

criterion_group!(benches, whole_kit);
criterion_main!(benches);
