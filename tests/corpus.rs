//! The calibration corpus: texts written for this project, each rated 0-5 per
//! dimension by two independent raters who applied the rubric blind. This
//! test scores every text, measures how far the scorer is from the mean of
//! the two raters (and how far the raters are from each other), prints the
//! table the README quotes, and fails if agreement on the held-out split
//! falls below the floors below.
//!
//! Reproduce the README's table: `cargo test --release --test corpus -- --nocapture`.

// Shared with `examples/train_scorer.rs`, which uses what this test does not.
#[allow(dead_code)]
#[path = "corpus/load.rs"]
mod load;

use std::fs;

use load::{Written, bias, held_out, mae, ranks, spearman};
use sre_prep::score::{
    Dimension, StoryScore, score_story, score_text, story_calibration_inputs,
    text_calibration_inputs,
};

/// One rated text.
struct Item {
    id: String,
    held_out: bool,
    score: StoryScore,
    /// The rules' level per dimension, before the calibration model.
    rules: [f64; 6],
    /// Per rater, the six ratings in `Dimension::ALL` order.
    ratings: Vec<[f64; 6]>,
}

impl Item {
    fn mean(&self, d: usize) -> f64 {
        self.ratings.iter().map(|r| r[d]).sum::<f64>() / self.ratings.len() as f64
    }
    fn scored(&self, d: usize) -> f64 {
        f64::from(self.score.dimensions.get(Dimension::ALL[d]).score)
    }
}

fn load() -> Vec<Item> {
    load::entries()
        .into_iter()
        .map(|e| Item {
            score: match &e.written {
                Written::Story(story) => score_story(story),
                Written::Text(text) => score_text(text),
            },
            rules: match &e.written {
                Written::Story(story) => story_calibration_inputs(story),
                Written::Text(text) => text_calibration_inputs(text),
            }
            .map(|x| f64::from(x[0])),
            id: e.id,
            held_out: e.held_out,
            ratings: e.ratings,
        })
        .collect()
}

/// Agreement of one split: per dimension (scorer vs rater mean, rater vs rater), and the total.
struct Agreement {
    n: usize,
    /// Per dimension: the rules alone (before the calibration model), MAE and Spearman.
    rules: Vec<(f64, f64)>,
    dims: Vec<(String, f64, f64, f64, f64, f64)>,
    total_spearman: f64,
    raters_total_spearman: f64,
}

fn agreement(items: &[&Item]) -> Agreement {
    let mut dims = Vec::new();
    let mut rules = Vec::new();
    for (d, dim) in Dimension::ALL.iter().enumerate() {
        let alone: Vec<f64> = items.iter().map(|i| i.rules[d]).collect();
        let mean: Vec<f64> = items.iter().map(|i| i.mean(d)).collect();
        rules.push((mae(&alone, &mean), spearman(&alone, &mean)));
        let scorer: Vec<f64> = items.iter().map(|i| i.scored(d)).collect();
        let mean: Vec<f64> = items.iter().map(|i| i.mean(d)).collect();
        let a: Vec<f64> = items.iter().map(|i| i.ratings[0][d]).collect();
        let b: Vec<f64> = items.iter().map(|i| i.ratings[1][d]).collect();
        dims.push((
            dim.key().to_string(),
            mae(&scorer, &mean),
            spearman(&scorer, &mean),
            bias(&scorer, &mean),
            mae(&a, &b),
            spearman(&a, &b),
        ));
    }
    let total: Vec<f64> = items.iter().map(|i| f64::from(i.score.total)).collect();
    let rated: Vec<f64> = items
        .iter()
        .map(|i| (0..6).map(|d| i.mean(d)).sum())
        .collect();
    let a: Vec<f64> = items.iter().map(|i| i.ratings[0].iter().sum()).collect();
    let b: Vec<f64> = items.iter().map(|i| i.ratings[1].iter().sum()).collect();
    Agreement {
        n: items.len(),
        rules,
        dims,
        total_spearman: spearman(&total, &rated),
        raters_total_spearman: spearman(&a, &b),
    }
}

fn table(name: &str, a: &Agreement) -> String {
    let mut out = format!(
        "{name} ({} texts)\n\n| dimension | MAE | Spearman | bias | rules alone: MAE | rules alone: Spearman | raters' MAE | raters' Spearman |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n",
        a.n
    );
    for ((key, mae, rho, bias, rmae, rrho), (alone_mae, alone_rho)) in a.dims.iter().zip(&a.rules) {
        out += &format!(
            "| {key} | {mae:.2} | {rho:.2} | {bias:+.2} | {alone_mae:.2} | {alone_rho:.2} | {rmae:.2} | {rrho:.2} |\n"
        );
    }
    out += &format!(
        "| total | | {:.2} | | | | | {:.2} |\n",
        a.total_spearman, a.raters_total_spearman
    );
    out
}

#[test]
fn the_scorer_agrees_with_the_raters_on_the_held_out_split() {
    let items = load();
    assert!(
        items.len() >= MIN_TEXTS,
        "the corpus has {} texts",
        items.len()
    );
    let train: Vec<&Item> = items.iter().filter(|i| !i.held_out).collect();
    let held: Vec<&Item> = items.iter().filter(|i| i.held_out).collect();
    let (t, h) = (agreement(&train), agreement(&held));
    println!("{}", table("Training split", &t));
    println!("{}", table("Held-out split", &h));

    if let Some(path) = std::env::var_os("CORPUS_DUMP") {
        // The training split, one line a text: id, then scorer and rater mean per dimension.
        let mut out = String::new();
        for i in &train {
            out += &i.id;
            for d in 0..6 {
                out += &format!(",{},{}", i.scored(d), i.mean(d));
            }
            out += "\n";
        }
        fs::write(path, out).expect("CORPUS_DUMP is writable");
    }
    if std::env::var_os("CORPUS_WORST").is_some() {
        // The texts the scorer misjudges most, to read when tuning (train only).
        for (d, dim) in Dimension::ALL.iter().enumerate() {
            let mut worst: Vec<&&Item> = train.iter().collect();
            worst.sort_by(|a, b| {
                (b.scored(d) - b.mean(d))
                    .abs()
                    .total_cmp(&(a.scored(d) - a.mean(d)).abs())
            });
            for i in worst.iter().take(8) {
                println!(
                    "{:16} {}: scorer {} raters {:?}",
                    dim.key(),
                    i.id,
                    i.scored(d),
                    i.ratings.iter().map(|r| r[d]).collect::<Vec<_>>()
                );
            }
        }
    }

    // Floors: what the scorer reaches on the held-out split today (see the
    // README); a change that makes agreement worse fails here.
    for (key, mae, rho, bias, _, _) in &h.dims {
        let (max_mae, min_rho, max_bias) = FLOORS
            .iter()
            .find(|(k, ..)| k == key)
            .map(|&(_, m, r, b)| (m, r, b))
            .expect("a floor for every dimension");
        assert!(*mae <= max_mae, "{key}: MAE {mae:.2} > {max_mae}");
        assert!(*rho >= min_rho, "{key}: Spearman {rho:.2} < {min_rho}");
        assert!(bias.abs() <= max_bias, "{key}: bias {bias:+.2}");
    }
    assert!(
        h.total_spearman >= TOTAL_FLOOR,
        "total Spearman {:.2}",
        h.total_spearman
    );
}

/// (dimension, max MAE, min Spearman, max |bias|) on the held-out split:
/// what the scorer measured when these floors were set (MAE + 0.05,
/// Spearman - 0.05, |bias| + 0.1, and never looser than the floors before),
/// so a change that makes agreement worse fails. The goal (MAE <=
/// 0.6, Spearman >= 0.75 on every dimension, total >= 0.9, |bias| <= 0.3)
/// is met on every dimension; systemic change (0.591) is the nearest to its
/// edge; see the README.
const FLOORS: &[(&str, f64, f64, f64)] = &[
    ("blast_radius", 0.57, 0.82, 0.16),
    ("role", 0.57, 0.78, 0.22),
    ("decision", 0.59, 0.81, 0.11),
    ("fix", 0.63, 0.75, 0.12),
    ("systemic_change", 0.64, 0.78, 0.13),
    ("numbers", 0.63, 0.82, 0.11),
];
const TOTAL_FLOOR: f64 = 0.90;
const MIN_TEXTS: usize = 4020;

#[test]
fn a_batch_read_while_writing_rules_is_never_held_out() {
    // The batches of `dev/`, by their file names.
    let dev: Vec<String> = fs::read_dir(std::path::Path::new(load::CORPUS).join("dev"))
        .expect("tests/corpus/dev")
        .map(|e| e.expect("dev entry").path())
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .collect();
    assert!(dev.len() >= 5, "{dev:?}");
    let entries = load::entries();
    let read: Vec<&load::Entry> = entries
        .iter()
        .filter(|e| dev.iter().any(|b| b == e.batch()))
        .collect();
    assert!(read.len() >= 250, "{} texts in dev/", read.len());
    // Every third id is there, and none of them is held out.
    assert!(read.iter().any(|e| held_out(&e.id)));
    assert!(read.iter().all(|e| !e.held_out));
    // In `texts/` every third text still is.
    assert!(entries.iter().any(|e| e.held_out && e.batch() == "c61"));
}

#[test]
fn the_held_out_split_is_every_third_text() {
    assert!(held_out("c1-003"));
    assert!(held_out("c4-054"));
    assert!(!held_out("c2-001"));
    assert!(!held_out("c2-055"));
}

#[test]
fn spearman_handles_ties_and_order() {
    assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]) - 1.0).abs() < 1e-9);
    assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-9);
    assert_eq!(ranks(&[5.0, 1.0, 5.0]), vec![2.5, 1.0, 2.5]);
}
