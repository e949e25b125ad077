//! Fits the scorer's calibration model (`src/score/calibration.rs`) to the
//! free texts of the training split of the calibration corpus (`tests/corpus/`) and writes its
//! weights to `src/score/weights.rs`.
//!
//! `cargo run --release --example train_scorer` — deterministic: the same
//! corpus and rules give the same weights. The held-out split (ids divisible
//! by 3) is never read for fitting. Prints, per dimension, cross-validated
//! agreement (one fold per batch, so each fold's writer and topics are
//! new to the fit) on the training split, the rules alone against
//! rules plus model, and the strongest weights. Every fold's fit comes
//! from one inverse of the whole split's system per penalty and term scale
//! (`cross_validate`), so the whole fit takes minutes, not hours: about 23
//! on a 2-core machine.
//!
//! The model is a ridge regression of the raters' mean on the rules' level,
//! a few counts, and (for the dimensions that read them) whether each of the
//! words and word pairs said in at least `MIN_TEXTS` training texts is
//! there. It is solved in its dual form (one equation per text), which
//! stays small however many terms there are.
//!
//! `-- --check` fits and compares with the weights in the repo without
//! writing: exit 1 when they differ (the rules or the corpus changed since
//! the last fit). `TRAIN_DUMP=FILE` also writes the inputs and the raters'
//! mean as CSV, to try model changes outside Rust; `TRAIN_ONLY=KEY` fits one
//! dimension and prints its row, writing nothing; `TRAIN_CV=FILE` writes each
//! text's out-of-fold level per learned dimension (id, dimension, raters'
//! mean, rules' level, model's level), to read where the model misses;
//! `TRAIN_AT=SCALE,PENALTY` (with `TRAIN_ONLY`) fits at that one setting, so
//! two versions of the rules compare without the chosen setting moving.

#[allow(dead_code)]
#[path = "../tests/corpus/load.rs"]
mod load;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::process::ExitCode;

use load::{Written, mae, spearman};
use sre_prep::score::calibration::{
    FEATURE_NAMES, FEATURES, LEVELS, PLACES, learned, level, never_negative, reach, reads_levels,
    reads_places, reads_terms,
};
use sre_prep::score::{Dimension, text_calibration_inputs, text_terms};

/// Ridge penalties tried; the pair with the lowest cross-validated MAE wins.
/// Up to 10,000: words weighed as much as the counts (a term scale of 1)
/// want a strong pull to zero, and a grid that stopped at 100 left systemic
/// change at its edge.
const PENALTIES: [f64; 9] = [
    1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1_000.0, 3_000.0, 10_000.0,
];
/// How much a term's column counts beside a count's, after both are
/// standardised (0: terms not read). Smaller is a stronger pull to zero.
const TERM_SCALES: [f64; 6] = [0.0, 0.1, 0.2, 0.3, 0.5, 1.0];
/// Moves of the model's output before it is rounded to a level: the
/// raters' level is a median judgement, the fit a mean one.
const SHIFTS: [f64; 9] = [-0.4, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4];
/// For a dimension whose fit does not weigh each middle level of the rules
/// on its own (before/after numbers, see `reads_levels`), a shift per
/// middle level, chosen after the fit: the raters' level is no straight
/// line in the rules' (a rule's 1 often stays a 1, its 2 and 3 are often
/// told more than the rules read), and a per-level shift bends it without
/// a weight per level in the fit.
const LEVEL_SHIFTS: [f64; 9] = [-0.4, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4];
/// A term is weighed when at least this many training texts say it...
const MIN_TEXTS: usize = 8;
/// ...and not when nearly every text does (it tells nothing apart).
const MAX_SHARE: f64 = 0.9;
const WEIGHTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/score/weights.rs");

/// The words and word pairs each text says, both ways round: a term
/// column is nearly all zeros, so the fit reads it through these lists.
struct Terms {
    /// The texts (ascending) that say each term of the vocabulary.
    by_term: Vec<Vec<usize>>,
    /// The terms each text says.
    by_text: Vec<Vec<usize>>,
}

/// Inputs as columns: one `Vec` per input of `FEATURE_NAMES`, a value per
/// text; and, for the dimensions that read them, the terms.
struct Columns<'v> {
    values: &'v [Vec<f64>],
    /// How much each input counts after standardising (0 leaves it out).
    scale: Vec<f64>,
    terms: Option<&'v Terms>,
    /// How much every term counts after standardising (0: not read).
    term_scale: f64,
}

/// A fitted model in the inputs' own units: a weight per input, then one
/// per term when the dimension reads terms.
struct Fit {
    weights: Vec<f64>,
    intercept: f64,
}

/// `x · y`, summed in four lanes so the compiler can vectorise it.
fn dot(x: &[f64], y: &[f64]) -> f64 {
    let mut lanes = [0.0; 4];
    let (xc, yc) = (x.chunks_exact(4), y.chunks_exact(4));
    let tail: f64 = xc
        .remainder()
        .iter()
        .zip(yc.remainder())
        .map(|(a, b)| a * b)
        .sum();
    for (a, b) in xc.zip(yc) {
        for i in 0..4 {
            lanes[i] += a[i] * b[i];
        }
    }
    lanes[0] + lanes[1] + lanes[2] + lanes[3] + tail
}

/// The terms' part of the kernel of the rows `rows` (ascending), each term
/// column standardised over those rows with scale 1: `Zₜ Zₜᵀ`. It is the
/// same for every penalty and term scale, so a fold computes it once.
struct TermKernel {
    /// Each text's place in `rows` (`usize::MAX` when not there).
    place: Vec<usize>,
    mean: Vec<f64>,
    /// 1 / variance over the rows (0 for a term the rows all say or none
    /// does: it is left out).
    inv_var: Vec<f64>,
    gram: Vec<Vec<f64>>,
}

/// For 0/1 columns, `Σⱼ (cₐⱼ - mⱼ)(c_bⱼ - mⱼ)/vⱼ` is `Sₐ_b - uₐ - u_b + C`
/// with `S` summed over the terms both texts say, `uₐ = Σⱼ cₐⱼ mⱼ/vⱼ` and
/// `C = Σⱼ mⱼ²/vⱼ`: only the texts saying a term are visited.
fn term_kernel(terms: &Terms, rows: &[usize]) -> TermKernel {
    let n = rows.len();
    let mut place = vec![usize::MAX; terms.by_text.len()];
    for (i, &r) in rows.iter().enumerate() {
        place[r] = i;
    }
    let t = terms.by_term.len();
    let (mut mean, mut inv_var) = (vec![0.0; t], vec![0.0; t]);
    let mut shared = vec![vec![0.0; n]; n];
    let mut u = vec![0.0; n];
    let mut c = 0.0;
    for (j, texts) in terms.by_term.iter().enumerate() {
        let here: Vec<usize> = texts
            .iter()
            .map(|&r| place[r])
            .filter(|&p| p != usize::MAX)
            .collect();
        let m = here.len() as f64 / n as f64;
        let var = m * (1.0 - m);
        if var <= 1e-12 {
            continue;
        }
        let w = 1.0 / var;
        (mean[j], inv_var[j]) = (m, w);
        c += w * m * m;
        for (x, &a) in here.iter().enumerate() {
            u[a] += w * m;
            // `here` ascends, so `b <= a`: the lower triangle.
            for &b in &here[..=x] {
                shared[a][b] += w;
            }
        }
    }
    let mut gram = shared;
    for a in 0..n {
        for b in 0..=a {
            let g = gram[a][b] - u[a] - u[b] + c;
            gram[a][b] = g;
            gram[b][a] = g;
        }
    }
    TermKernel {
        place,
        mean,
        inv_var,
        gram,
    }
}

/// The ridge system of the rows `rows` of `cols`, each column standardised
/// over those rows and multiplied by its scale: the kernel `Z Zᵀ` plus the
/// terms' part and `penalty` on its diagonal. `kernel` is the terms' part
/// for these rows, when terms are read.
struct System<'t> {
    /// The system's matrix, `Z Zᵀ + s² Zₜ Zₜᵀ + λI`.
    matrix: Vec<Vec<f64>>,
    /// Z, row-major over the `used` inputs.
    z: Vec<Vec<f64>>,
    used: Vec<usize>,
    mean: Vec<f64>,
    factor: Vec<f64>,
    terms: Option<(&'t Terms, &'t TermKernel)>,
}

fn system<'t>(
    cols: &Columns<'t>,
    rows: &[usize],
    penalty: f64,
    kernel: Option<&'t TermKernel>,
) -> System<'t> {
    let n = rows.len();
    let p = cols.values.len();
    let mut mean = vec![0.0; p];
    let mut factor = vec![0.0; p];
    for j in 0..p {
        if cols.scale[j] == 0.0 {
            continue;
        }
        let c = &cols.values[j];
        mean[j] = rows.iter().map(|&r| c[r]).sum::<f64>() / n as f64;
        let var = rows.iter().map(|&r| (c[r] - mean[j]).powi(2)).sum::<f64>() / n as f64;
        if var > 1e-12 {
            factor[j] = cols.scale[j] / var.sqrt();
        }
    }
    let used: Vec<usize> = (0..p).filter(|&j| factor[j] != 0.0).collect();
    let z: Vec<Vec<f64>> = rows
        .iter()
        .map(|&r| {
            used.iter()
                .map(|&j| (cols.values[j][r] - mean[j]) * factor[j])
                .collect()
        })
        .collect();
    let terms = match (cols.terms, kernel) {
        (Some(t), Some(k)) if cols.term_scale > 0.0 => Some((t, k)),
        _ => None,
    };
    let s2 = cols.term_scale * cols.term_scale;
    let mut matrix = vec![vec![0.0; n]; n];
    for a in 0..n {
        for b in 0..=a {
            let mut v = dot(&z[a], &z[b]);
            if let Some((_, tk)) = terms {
                v += s2 * tk.gram[a][b];
            }
            matrix[a][b] = v;
            matrix[b][a] = v;
        }
        matrix[a][a] += penalty;
    }
    System {
        matrix,
        z,
        used,
        mean,
        factor,
        terms,
    }
}

/// Ridge regression on the rows `rows` of `cols`, each column standardised
/// over those rows and multiplied by its scale, the intercept unpenalised:
/// solved through the rows' kernel, `(Z Zᵀ + λI) α = y - ȳ`, `w = Zᵀ α`.
/// `kernel` is the terms' part for these rows, when terms are read.
fn fit(
    cols: &Columns,
    rows: &[usize],
    ys: &[f64],
    penalty: f64,
    kernel: Option<&TermKernel>,
) -> Fit {
    let n = rows.len();
    let p = cols.values.len();
    let System {
        matrix,
        z,
        used,
        mean,
        factor,
        terms,
    } = system(cols, rows, penalty, kernel);
    let s2 = cols.term_scale * cols.term_scale;
    let y_mean = rows.iter().map(|&r| ys[r]).sum::<f64>() / n as f64;
    let centred: Vec<f64> = rows.iter().map(|&r| ys[r] - y_mean).collect();
    let alpha = cholesky_solve(matrix, centred);
    let width = p + cols.terms.map_or(0, |t| t.by_term.len());
    let mut weights = vec![0.0; width];
    let mut intercept = y_mean;
    for (u, &j) in used.iter().enumerate() {
        let w_std: f64 = z.iter().zip(&alpha).map(|(row, a)| row[u] * a).sum();
        weights[j] = w_std * factor[j];
        intercept -= weights[j] * mean[j];
    }
    if let Some((t, tk)) = terms {
        // w = s²/v · Σₐ (cₐ - m) αₐ, over the texts that say the term.
        let alpha_sum: f64 = alpha.iter().sum();
        for (j, texts) in t.by_term.iter().enumerate() {
            if tk.inv_var[j] == 0.0 {
                continue;
            }
            let said: f64 = texts
                .iter()
                .map(|&r| tk.place[r])
                .filter(|&i| i != usize::MAX)
                .map(|i| alpha[i])
                .sum();
            let w = s2 * tk.inv_var[j] * (said - tk.mean[j] * alpha_sum);
            weights[p + j] = w;
            intercept -= w * tk.mean[j];
        }
    }
    Fit { weights, intercept }
}

/// Overwrites the lower triangle of a symmetric positive definite `a`
/// with its Cholesky factor `L` (`a = L Lᵀ`); the upper triangle is left
/// as it was and never read.
fn cholesky_factor(a: &mut [Vec<f64>]) {
    for j in 0..a.len() {
        let d = (a[j][j] - dot(&a[j][..j], &a[j][..j])).max(1e-12).sqrt();
        a[j][j] = d;
        let row_j = a[j][..j].to_vec();
        for row_i in a.iter_mut().skip(j + 1) {
            let s = row_i[j] - dot(&row_i[..j], &row_j);
            row_i[j] = s / d;
        }
    }
}

/// Solves `a x = b` for a symmetric positive definite `a` (the penalty
/// makes it so).
fn cholesky_solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    cholesky_factor(&mut a);
    for i in 0..n {
        let s = b[i] - dot(&a[i][..i], &b[..i]);
        b[i] = s / a[i][i];
    }
    for i in (0..n).rev() {
        let mut s = b[i];
        for k in i + 1..n {
            s -= a[k][i] * b[k];
        }
        b[i] = s / a[i][i];
    }
    b
}

/// The inverse of a symmetric positive definite `a`, through its Cholesky
/// factor `L`: `a⁻¹ = L⁻ᵀ L⁻¹`.
fn spd_inverse(mut a: Vec<Vec<f64>>) -> Vec<Vec<f64>> {
    let n = a.len();
    cholesky_factor(&mut a);
    // `m[c]` is column c of L⁻¹ (rows c.. of it are the only nonzero ones),
    // kept as a row so each step is one contiguous dot product.
    let mut m = vec![vec![0.0; n]; n];
    for (c, col) in m.iter_mut().enumerate() {
        col[c] = 1.0 / a[c][c];
        for r in c + 1..n {
            col[r] = -dot(&a[r][c..r], &col[c..r]) / a[r][r];
        }
    }
    let mut inverse = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let v = dot(&m[i][i..], &m[j][i..]);
            inverse[i][j] = v;
            inverse[j][i] = v;
        }
    }
    inverse
}

/// Fits, then leaves out the inputs that must not weigh negative for `d`
/// and do, one at a time, until none is left.
fn fit_within_laws(
    d: Dimension,
    cols: &mut Columns,
    rows: &[usize],
    ys: &[f64],
    penalty: f64,
    kernel: Option<&TermKernel>,
) -> Fit {
    loop {
        let f = fit(cols, rows, ys, penalty, kernel);
        let worst = never_negative(d)
            .iter()
            .copied()
            .filter(|&j| f.weights[j] < 0.0)
            .min_by(|&a, &b| f.weights[a].total_cmp(&f.weights[b]));
        match worst {
            Some(j) => cols.scale[j] = 0.0,
            None => return f,
        }
    }
}

/// The levels the scorer would give with the model's outputs `raw`
/// moved by `shift[rule]`, the shift for the rules' level.
fn levels(d: Dimension, values: &[Vec<f64>], raw: &[f64], shift: &[f64; 6]) -> Vec<f64> {
    raw.iter()
        .enumerate()
        .map(|(r, x)| {
            let rule = values[0][r] as u8;
            let has_evidence = values[1][r] > 0.0;
            f64::from(level(
                rule,
                has_evidence,
                (x + shift[usize::from(rule.min(5))]) as f32,
                reach(d, rule),
            ))
        })
        .collect()
}

/// A shift per middle level of the rules (1 to 4; 0 and 5 keep `shift`),
/// each chosen from `LEVEL_SHIFTS` on the texts the rules gave that level,
/// lowest cross-validated MAE first. One level up in the rules adds
/// `per_level` (the fit's weight on the rules' level) to the output, so no
/// shift may fall below the one under it by more than that: a rule level
/// gained (one more improved pair) then never lowers the output.
fn level_shifts(
    d: Dimension,
    values: &[Vec<f64>],
    raw: &[f64],
    ys: &[f64],
    shift: f64,
    per_level: f64,
) -> [f64; 6] {
    let mut shifts = [shift; 6];
    for l in 1..=4 {
        let rows: Vec<usize> = (0..raw.len())
            .filter(|&r| values[0][r] as usize == l)
            .collect();
        let error = |s: f64| -> f64 {
            let mut at = shifts;
            at[l] = s;
            let cv = levels(d, values, raw, &at);
            rows.iter().map(|&r| (cv[r] - ys[r]).abs()).sum()
        };
        let mut best = (error(shift), shift);
        for &s in &LEVEL_SHIFTS {
            let e = error(s);
            if e < best.0 - 1e-9 {
                best = (e, s);
            }
        }
        shifts[l] = best.1.max(shifts[l - 1] - per_level);
    }
    shifts[5] = shifts[5].max(shifts[4] - per_level);
    shifts
}

/// Cross-validated outputs of the model (before rounding) on the training
/// split, fold `fold_of[i]` for text `i`, for each (term scale, penalty)
/// of `tries`.
///
/// Each try is fitted once on every training text, which also settles the
/// inputs the laws leave out. Every fold then reads the same columns,
/// standardised over the whole split (standardising reads no rater's
/// level), and its fit without the fold's texts comes from the inverse of
/// the whole split's system `A`: for the kept rows `T` and the fold's `G`,
/// `A_TT⁻¹ = B_TT - B_TG B_GG⁻¹ B_GT` with `B = A⁻¹`. One inverse per try
/// instead of one solve per try and fold: the same fits, far faster.
fn cross_validate<'v>(
    d: Dimension,
    columns: &dyn Fn(f64) -> Columns<'v>,
    kernel: Option<&'v TermKernel>,
    ys: &[f64],
    tries: &[(f64, f64)],
    fold_of: &[usize],
) -> Vec<Vec<f64>> {
    let n = ys.len();
    let all: Vec<usize> = (0..n).collect();
    let folds = fold_of.iter().max().map_or(0, |m| m + 1);
    let members: Vec<Vec<usize>> = (0..folds)
        .map(|f| (0..n).filter(|&i| fold_of[i] == f).collect())
        .collect();
    let mut out = vec![vec![0.0; n]; tries.len()];
    for (&(term_scale, penalty), raw) in tries.iter().zip(out.iter_mut()) {
        let mut cols = columns(term_scale);
        fit_within_laws(d, &mut cols, &all, ys, penalty, kernel);
        let a = system(&cols, &all, penalty, kernel).matrix;
        let b = spd_inverse(a.clone());
        for group in &members {
            if group.is_empty() {
                continue;
            }
            let in_group = |r: usize| fold_of[r] == fold_of[group[0]];
            let kept = n - group.len();
            let y_mean = (0..n).filter(|&r| !in_group(r)).map(|r| ys[r]).sum::<f64>() / kept as f64;
            // v: the kept rows' centred levels, 0 on the fold's rows.
            let v: Vec<f64> = (0..n)
                .map(|r| if in_group(r) { 0.0 } else { ys[r] - y_mean })
                .collect();
            // u = -B_GG⁻¹ B_GT v, so that x = B [v; u] is 0 on G and
            // A_TT⁻¹ v on T.
            let bgv: Vec<f64> = group.iter().map(|&g| dot(&b[g], &v)).collect();
            let bgg: Vec<Vec<f64>> = group
                .iter()
                .map(|&g| group.iter().map(|&h| b[g][h]).collect())
                .collect();
            let u = cholesky_solve(bgg, bgv);
            let mut full = v;
            for (&g, &x) in group.iter().zip(&u) {
                full[g] = -x;
            }
            let alpha: Vec<f64> = (0..n)
                .map(|r| if in_group(r) { 0.0 } else { dot(&b[r], &full) })
                .collect();
            // The fold's outputs: ȳ + K_GT α, where off the diagonal the
            // system is the kernel itself.
            for &g in group {
                raw[g] = y_mean + dot(&a[g], &alpha);
            }
        }
    }
    out
}

/// What every dimension's fit reads.
#[derive(Clone, Copy)]
struct Data<'a> {
    texts: &'a [(&'a load::Entry, &'a str)],
    inputs: &'a [[[f32; FEATURES]; 6]],
    terms: &'a Terms,
    /// The terms' part of the kernel over every training text, when a
    /// dimension reads terms.
    kernel: Option<&'a TermKernel>,
    fold_of: &'a [usize],
}

/// One dimension's fit: its row of the table, its out-of-fold levels (for
/// `TRAIN_CV`) and the model.
struct Fitted {
    row: String,
    folds: String,
    fit: Fit,
}

/// Chooses the penalty, term scale and shift for dimension `d` (`k` in
/// `Dimension::ALL`) by cross validation, one fold per batch, then fits it
/// on every training text.
fn fit_dimension(k: usize, d: Dimension, data: Data) -> Fitted {
    let Data {
        texts,
        inputs,
        terms,
        kernel,
        fold_of,
    } = data;
    let n = texts.len();
    let all: Vec<usize> = (0..n).collect();
    let ys: Vec<f64> = texts.iter().map(|(e, _)| e.mean(k)).collect();
    let values: Vec<Vec<f64>> = (0..FEATURES)
        .map(|j| inputs.iter().map(|x| f64::from(x[k][j])).collect())
        .collect();
    let rules = values[0].clone();
    if !learned(d) {
        // Left to the rules: the identity (the rule level, weight 1).
        let mut weights = vec![0.0; FEATURES];
        weights[0] = 1.0;
        return Fitted {
            row: format!(
                "| {} | rules only | | | {:.2} | {:.2} | | |",
                d.key(),
                mae(&rules, &ys),
                spearman(&rules, &ys)
            ),
            folds: String::new(),
            fit: Fit {
                weights,
                intercept: 0.0,
            },
        };
    }
    let scales: &[f64] = if reads_terms(d) {
        &TERM_SCALES
    } else {
        &TERM_SCALES[..1]
    };
    let read_terms = reads_terms(d).then_some(terms);
    let columns = |term_scale: f64| Columns {
        scale: (0..FEATURES)
            .map(|j| {
                let unread = if j >= PLACES {
                    !reads_places(d)
                } else {
                    j >= LEVELS && !reads_levels(d)
                };
                if unread { 0.0 } else { 1.0 }
            })
            .collect(),
        values: &values,
        terms: read_terms,
        term_scale,
    };
    // `TRAIN_AT=SCALE,PENALTY` fits at that setting alone, to compare two
    // versions of the rules without the choice of setting moving too.
    let at: Option<(f64, f64)> = std::env::var("TRAIN_AT").ok().and_then(|v| {
        let (s, p) = v.split_once(',')?;
        Some((s.trim().parse().ok()?, p.trim().parse().ok()?))
    });
    let tries: Vec<(f64, f64)> = scales
        .iter()
        .flat_map(|&s| PENALTIES.iter().map(move |&p| (s, p)))
        .filter(|t| at.is_none_or(|a| a == *t))
        .collect();
    let kernel = read_terms.and(kernel);
    let raws = cross_validate(d, &columns, kernel, &ys, &tries, fold_of);
    let mut best: Option<(f64, f64, f64, f64, Vec<f64>)> = None;
    for (&(term_scale, penalty), raw) in tries.iter().zip(&raws) {
        for &shift in &SHIFTS {
            let cv = levels(d, &values, raw, &[shift; 6]);
            let e = mae(&cv, &ys);
            if best.as_ref().is_none_or(|b| e < b.0 - 1e-9) {
                best = Some((e, penalty, term_scale, shift, cv));
            }
        }
    }
    let (_, penalty, term_scale, shift, mut cv) = best.expect("penalties to try");
    let mut cols = columns(term_scale);
    let mut f = fit_within_laws(d, &mut cols, &all, &ys, penalty, kernel);
    f.intercept += shift;
    if !reads_levels(d) {
        // The middle levels' shifts ride on the level inputs the fit left
        // at zero: the output is the same as shifting it before rounding.
        let k = tries
            .iter()
            .position(|&t| t == (term_scale, penalty))
            .unwrap_or(0);
        let shifts = level_shifts(d, &values, &raws[k], &ys, shift, f.weights[0]);
        for (w, s) in f.weights[LEVELS..LEVELS + 4].iter_mut().zip(&shifts[1..5]) {
            *w = s - shift;
        }
        cv = levels(d, &values, &raws[k], &shifts);
    }
    let mut folds = String::new();
    for (((e, _), y), (r, c)) in texts.iter().zip(&ys).zip(rules.iter().zip(&cv)) {
        let _ = writeln!(folds, "{},{},{y},{r},{c}", e.id, d.key());
    }
    let row = format!(
        "| {} | {penalty} | {term_scale} | {shift:+} | {:.2} | {:.2} | {:.2} | {:.2} |",
        d.key(),
        mae(&rules, &ys),
        spearman(&rules, &ys),
        mae(&cv, &ys),
        spearman(&cv, &ys)
    );
    Fitted { row, folds, fit: f }
}

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    // Free text only: structured stories keep the rules' level (see
    // `calibration`), so they are not fitted.
    let entries = load::entries();
    let mut texts: Vec<(&load::Entry, &str)> = Vec::new();
    for e in &entries {
        if let (false, Written::Text(t)) = (e.held_out, &e.written) {
            texts.push((e, t.as_str()));
        }
    }
    let inputs: Vec<[[f32; FEATURES]; 6]> = texts
        .iter()
        .map(|(_, t)| text_calibration_inputs(t))
        .collect();
    let said: Vec<BTreeSet<String>> = texts.iter().map(|(_, t)| text_terms(t)).collect();
    let n = texts.len();
    // One fold per batch: each batch has its own writer and topics, so a
    // fold's texts are as new to the fit as a stranger's answer would be.
    let batches: Vec<&str> = texts.iter().map(|(e, _)| e.batch()).collect();
    let mut names = batches.clone();
    names.sort_unstable();
    names.dedup();
    let fold_of: Vec<usize> = batches
        .iter()
        .map(|b| names.binary_search(b).unwrap_or(0))
        .collect();
    let mut in_texts: BTreeMap<&str, usize> = BTreeMap::new();
    for terms in &said {
        for t in terms {
            *in_texts.entry(t.as_str()).or_default() += 1;
        }
    }
    let vocabulary: Vec<&str> = in_texts
        .iter()
        .filter(|&(_, &c)| c >= MIN_TEXTS && (c as f64) <= MAX_SHARE * n as f64)
        .map(|(&t, _)| t)
        .collect();
    let mut terms = Terms {
        by_term: vec![Vec::new(); vocabulary.len()],
        by_text: vec![Vec::new(); n],
    };
    for (r, s) in said.iter().enumerate() {
        for (j, t) in vocabulary.iter().enumerate() {
            if s.contains(*t) {
                terms.by_term[j].push(r);
                terms.by_text[r].push(j);
            }
        }
    }
    println!(
        "Training split, free text: {n} texts; {} terms said in at least {MIN_TEXTS}\n",
        vocabulary.len()
    );
    if let Some(path) = std::env::var_os("TRAIN_DUMP") {
        let mut out = String::new();
        for ((e, _), x) in texts.iter().zip(&inputs) {
            for (k, row) in x.iter().enumerate() {
                let cells: Vec<String> = row.iter().map(|v| format!("{v}")).collect();
                let _ = writeln!(out, "{},{k},{},{}", e.id, e.mean(k), cells.join(","));
            }
        }
        if let Err(err) = std::fs::write(&path, out) {
            eprintln!("cannot write {}: {err}", path.to_string_lossy());
        }
    }
    println!(
        "| dimension | penalty | term scale | shift | rules MAE | rules Spearman | model MAE (by batch) | model Spearman (by batch) |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    // Each dimension is fitted on its own (its inputs, its raters' mean),
    // so they run side by side; the output is the same as one at a time.
    let all: Vec<usize> = (0..n).collect();
    let kernel = Dimension::ALL
        .into_iter()
        .any(reads_terms)
        .then(|| term_kernel(&terms, &all));
    let data = Data {
        texts: &texts,
        inputs: &inputs,
        terms: &terms,
        kernel: kernel.as_ref(),
        fold_of: &fold_of,
    };
    // `TRAIN_ONLY=systemic_change`: that dimension's row alone, to try a
    // rule change in minutes; nothing is written.
    let only = std::env::var("TRAIN_ONLY").ok();
    let fitted: Vec<Fitted> = std::thread::scope(|scope| {
        let handles: Vec<_> = Dimension::ALL
            .into_iter()
            .enumerate()
            .filter(|(_, d)| only.as_deref().is_none_or(|o| o == d.key()))
            .map(|(k, d)| scope.spawn(move || fit_dimension(k, d, data)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a dimension's fit panicked"))
            .collect()
    });
    let mut fits: Vec<Fit> = Vec::new();
    // Out-of-fold levels, one line per text and dimension, for `TRAIN_CV`.
    let mut folds_out = String::new();
    for f in fitted {
        println!("{}", f.row);
        folds_out += &f.folds;
        fits.push(f.fit);
    }
    if let Some(path) = std::env::var_os("TRAIN_CV")
        && let Err(err) = std::fs::write(&path, &folds_out)
    {
        eprintln!("cannot write {}: {err}", path.to_string_lossy());
    }
    if only.is_some() {
        return ExitCode::SUCCESS;
    }
    println!();
    for (d, f) in Dimension::ALL.iter().zip(&fits) {
        let mut line = format!("{}:", d.key());
        for (name, x) in FEATURE_NAMES.iter().zip(&f.weights) {
            if x.abs() >= 0.005 {
                let _ = write!(line, " {name} {x:+.2};");
            }
        }
        let _ = write!(line, " intercept {:+.2}", f.intercept);
        let mut strongest: Vec<(&str, f64)> = vocabulary
            .iter()
            .zip(&f.weights[FEATURES.min(f.weights.len())..])
            .map(|(t, w)| (*t, *w))
            .collect();
        strongest.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(b.0)));
        if !strongest.is_empty() {
            let _ = write!(line, "\n  terms:");
            for (t, w) in strongest.iter().take(12) {
                let _ = write!(line, " {t:?} {w:+.2};");
            }
        }
        println!("{line}");
    }

    let mut source = String::from(
        "// Written by `cargo run --release --example train_scorer`: do not edit by hand.\n\
         //! The calibration model's weights: one row per dimension in `Dimension::ALL`\n\
         //! order, a weight per input of `calibration::FEATURE_NAMES` then the\n\
         //! intercept; and the words and word pairs it weighs, sorted, with a\n\
         //! weight per dimension.\n\n\
         use super::calibration::FEATURES;\n\n\
         #[rustfmt::skip]\n\
         pub const WEIGHTS: [[f32; FEATURES + 1]; 6] = [\n",
    );
    for f in &fits {
        let mut cells: Vec<String> = f.weights[..FEATURES]
            .iter()
            .map(|x| format!("{:?}", *x as f32))
            .collect();
        cells.push(format!("{:?}", f.intercept as f32));
        let _ = writeln!(source, "    [{}],", cells.join(", "));
    }
    source += "];\n\n#[rustfmt::skip]\npub const TERMS: &[(&str, [f32; 6])] = &[\n";
    for (i, t) in vocabulary.iter().enumerate() {
        let w: Vec<f32> = fits
            .iter()
            .map(|f| f.weights.get(FEATURES + i).map_or(0.0, |w| *w as f32))
            .collect();
        if w.iter().all(|x| x.abs() < 1e-4) {
            continue;
        }
        let cells: Vec<String> = w.iter().map(|x| format!("{x:?}")).collect();
        let _ = writeln!(source, "    ({t:?}, [{}]),", cells.join(", "));
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
