//! Fits the scorer's calibration model (`src/score/calibration.rs`) to the
//! free texts of the training split of the calibration corpus (`tests/corpus/`) and writes its
//! weights to `src/score/weights.rs`.
//!
//! `cargo run --release --example train_scorer` — deterministic: the same
//! corpus and rules give the same weights. The held-out split (ids divisible
//! by 3) is never read for fitting. Prints, per dimension, five-fold
//! cross-validated agreement on the training split, the rules alone against
//! rules plus model, and the weights.
//!
//! `-- --check` fits and compares with the weights in the repo without
//! writing: exit 1 when they differ (the rules changed since the last fit).

#[allow(dead_code)]
#[path = "../tests/corpus/load.rs"]
mod load;

use std::fmt::Write as _;
use std::process::ExitCode;

use load::{Written, mae, spearman};
use sre_prep::score::calibration::{FEATURE_NAMES, FEATURES, LEARNED, level};
use sre_prep::score::{Dimension, text_calibration_inputs};

/// Ridge penalties tried; the one with the lowest cross-validated MAE wins.
const PENALTIES: [f64; 6] = [1.0, 3.0, 10.0, 30.0, 100.0, 300.0];
const FOLDS: usize = 5;
const WEIGHTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/score/weights.rs");

type Row = [f32; FEATURES];

/// A ridge regression fitted on standardised inputs, returned in the
/// inputs' own units: a weight per input, then the intercept.
fn fit(rows: &[&Row], ys: &[f64], penalty: f64) -> [f64; FEATURES + 1] {
    let n = rows.len() as f64;
    let mut mean = [0.0; FEATURES];
    let mut sd = [0.0; FEATURES];
    for j in 0..FEATURES {
        mean[j] = rows.iter().map(|r| f64::from(r[j])).sum::<f64>() / n;
        let var = rows
            .iter()
            .map(|r| (f64::from(r[j]) - mean[j]).powi(2))
            .sum::<f64>()
            / n;
        sd[j] = if var > 1e-12 { var.sqrt() } else { 0.0 };
    }
    let z = |r: &Row, j: usize| {
        if sd[j] == 0.0 {
            0.0
        } else {
            (f64::from(r[j]) - mean[j]) / sd[j]
        }
    };
    // Normal equations with the intercept last and unpenalised.
    const K: usize = FEATURES + 1;
    let mut a = [[0.0f64; K]; K];
    let mut b = [0.0f64; K];
    for (r, &y) in rows.iter().zip(ys) {
        let mut v = [1.0f64; K];
        for (j, slot) in v.iter_mut().enumerate().take(FEATURES) {
            *slot = z(r, j);
        }
        for i in 0..K {
            b[i] += v[i] * y;
            for j in 0..K {
                a[i][j] += v[i] * v[j];
            }
        }
    }
    for (i, row) in a.iter_mut().enumerate().take(FEATURES) {
        row[i] += penalty;
    }
    let w = solve(a, b);
    // Back to the inputs' units.
    let mut out = [0.0; K];
    out[FEATURES] = w[FEATURES];
    for j in 0..FEATURES {
        if sd[j] > 0.0 {
            out[j] = w[j] / sd[j];
            out[FEATURES] -= w[j] * mean[j] / sd[j];
        }
    }
    out
}

/// Gaussian elimination with partial pivoting; the penalty keeps the
/// system well-conditioned.
fn solve<const K: usize>(mut a: [[f64; K]; K], mut b: [f64; K]) -> [f64; K] {
    for col in 0..K {
        let pivot = (col..K)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let p = a[col][col];
        if p.abs() < 1e-12 {
            continue;
        }
        for row in 0..K {
            if row != col {
                let f = a[row][col] / p;
                let pivot_row = a[col];
                for (cell, &above) in a[row].iter_mut().zip(&pivot_row).skip(col) {
                    *cell -= f * above;
                }
                b[row] -= f * b[col];
            }
        }
    }
    let mut x = [0.0; K];
    for i in 0..K {
        if a[i][i].abs() > 1e-12 {
            x[i] = b[i] / a[i][i];
        }
    }
    x
}

fn as_f32(w: &[f64; FEATURES + 1]) -> [f32; FEATURES + 1] {
    w.map(|x| x as f32)
}

/// The levels the scorer would give with weights `w`.
fn predict(w: &[f32; FEATURES + 1], row: &Row) -> f64 {
    let rule = row[0] as u8;
    let has_evidence = row[1] > 0.0;
    f64::from(level(rule, has_evidence, row, w))
}

/// Five-fold cross-validated levels on the training split.
fn cross_validate(rows: &[Row], ys: &[f64], penalty: f64) -> Vec<f64> {
    let mut out = vec![0.0; rows.len()];
    for fold in 0..FOLDS {
        let (train_rows, train_ys): (Vec<&Row>, Vec<f64>) = rows
            .iter()
            .zip(ys)
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, (r, &y))| (r, y))
            .unzip();
        let w = as_f32(&fit(&train_rows, &train_ys, penalty));
        for (i, row) in rows.iter().enumerate() {
            if i % FOLDS == fold {
                out[i] = predict(&w, row);
            }
        }
    }
    out
}

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    // Free text only: structured stories keep the rules' level (see
    // `calibration`), so they are not fitted.
    let train: Vec<_> = load::entries()
        .into_iter()
        .filter(|e| !e.held_out && matches!(e.written, Written::Text(_)))
        .collect();
    let inputs: Vec<[Row; 6]> = train
        .iter()
        .filter_map(|e| match &e.written {
            Written::Story(_) => None,
            Written::Text(t) => Some(text_calibration_inputs(t)),
        })
        .collect();
    println!("Training split, free text: {} texts\n", train.len());
    println!(
        "| dimension | penalty | rules MAE | rules Spearman | model MAE (5-fold) | model Spearman (5-fold) |"
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    let mut weights = Vec::new();
    for (k, d) in Dimension::ALL.into_iter().enumerate() {
        let rows: Vec<Row> = inputs.iter().map(|x| x[k]).collect();
        let ys: Vec<f64> = train.iter().map(|e| e.mean(k)).collect();
        let rules: Vec<f64> = rows.iter().map(|r| f64::from(r[0])).collect();
        if !LEARNED.contains(&d) {
            // Left to the rules: the identity (the rule level, weight 1).
            println!(
                "| {} | rules only | {:.2} | {:.2} | | |",
                d.key(),
                mae(&rules, &ys),
                spearman(&rules, &ys)
            );
            let mut identity = [0.0; FEATURES + 1];
            identity[0] = 1.0;
            weights.push(identity);
            continue;
        }
        let (penalty, cv) = PENALTIES
            .iter()
            .map(|&p| (p, cross_validate(&rows, &ys, p)))
            .min_by(|a, b| mae(&a.1, &ys).total_cmp(&mae(&b.1, &ys)))
            .expect("penalties to try");
        println!(
            "| {} | {penalty} | {:.2} | {:.2} | {:.2} | {:.2} |",
            d.key(),
            mae(&rules, &ys),
            spearman(&rules, &ys),
            mae(&cv, &ys),
            spearman(&cv, &ys)
        );
        let all: Vec<&Row> = rows.iter().collect();
        weights.push(as_f32(&fit(&all, &ys, penalty)));
    }
    println!();
    for (d, w) in Dimension::ALL.iter().zip(&weights) {
        let mut line = format!("{}:", d.key());
        for (name, x) in FEATURE_NAMES.iter().zip(w) {
            if x.abs() >= 0.005 {
                let _ = write!(line, " {name} {x:+.2};");
            }
        }
        let _ = write!(line, " intercept {:+.2}", w[FEATURES]);
        println!("{line}");
    }

    let mut source = String::from(
        "// Written by `cargo run --release --example train_scorer`: do not edit by hand.\n\
         //! The calibration model's weights, one row per dimension in `Dimension::ALL`\n\
         //! order: a weight per input of `calibration::FEATURE_NAMES`, then the intercept.\n\n\
         use super::calibration::FEATURES;\n\n\
         #[rustfmt::skip]\n\
         pub const WEIGHTS: [[f32; FEATURES + 1]; 6] = [\n",
    );
    for w in &weights {
        let cells: Vec<String> = w.iter().map(|x| format!("{x:?}")).collect();
        let _ = writeln!(source, "    [{}],", cells.join(", "));
    }
    source += "];\n";
    let current = std::fs::read_to_string(WEIGHTS).unwrap_or_default();
    if check {
        if current == source {
            println!("\nsrc/score/weights.rs is up to date");
            ExitCode::SUCCESS
        } else {
            println!("\nsrc/score/weights.rs differs from a fresh fit: run without --check");
            ExitCode::FAILURE
        }
    } else {
        match std::fs::write(WEIGHTS, &source) {
            Ok(()) => {
                println!("\nwrote src/score/weights.rs");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("cannot write {WEIGHTS}: {e}");
                ExitCode::FAILURE
            }
        }
    }
}
