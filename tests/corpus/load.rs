//! Reading the calibration corpus: the texts and the two raters' ratings.
//! Shared by `tests/corpus.rs` (the agreement tables) and
//! `examples/train_scorer.rs` (the calibration model's fit).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use sre_prep::kit::{Story, StoryMetric};
use sre_prep::score::Dimension;

pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

/// What was written: a structured story or free text.
pub enum Written {
    Story(Box<Story>),
    Text(String),
}

/// One rated text.
pub struct Entry {
    pub id: String,
    pub held_out: bool,
    pub written: Written,
    /// Per rater, the six ratings in `Dimension::ALL` order.
    pub ratings: Vec<[f64; 6]>,
}

impl Entry {
    /// The batch the text belongs to: "c7" for "c7-012". Each batch had its
    /// own writer and topics.
    pub fn batch(&self) -> &str {
        self.id.split('-').next().unwrap_or("")
    }

    /// The raters' mean on dimension `d` (its index in `Dimension::ALL`).
    pub fn mean(&self, d: usize) -> f64 {
        self.ratings.iter().map(|r| r[d]).sum::<f64>() / self.ratings.len() as f64
    }
}

/// The held-out split, fixed before any tuning: every third text of a batch
/// (ids ending in a number divisible by 3).
pub fn held_out(id: &str) -> bool {
    id.rsplit('-')
        .next()
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| n % 3 == 0)
}

fn text_of(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn story_of(v: &Value) -> Story {
    Story {
        title: text_of(v, "title"),
        blast_radius: text_of(v, "blast_radius"),
        role: text_of(v, "role"),
        decision: text_of(v, "decision"),
        fix: text_of(v, "fix"),
        root_cause: text_of(v, "root_cause"),
        systemic_change: text_of(v, "systemic_change"),
        metrics: v
            .get("metrics")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .map(|m| StoryMetric {
                        name: text_of(m, "name"),
                        before: text_of(m, "before"),
                        after: text_of(m, "after"),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        ..Story::default()
    }
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every rated text of the corpus (`texts/` and `dev/`), batch by batch,
/// in id order.
pub fn entries() -> Vec<Entry> {
    // ratings[id] = one array per rater
    let mut ratings: BTreeMap<String, Vec<[f64; 6]>> = BTreeMap::new();
    let mut files: Vec<_> = fs::read_dir(Path::new(CORPUS).join("ratings"))
        .expect("tests/corpus/ratings")
        .map(|e| e.expect("ratings entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for path in files {
        let v = read_json(&path);
        let Some(map) = v.get("ratings").and_then(Value::as_object) else {
            panic!("{}: no \"ratings\" object", path.display());
        };
        for (id, r) in map {
            let mut six = [0.0; 6];
            for (slot, d) in six.iter_mut().zip(Dimension::ALL) {
                let n = r
                    .get(d.key())
                    .and_then(Value::as_f64)
                    .unwrap_or_else(|| panic!("{}: {id} has no {}", path.display(), d.key()));
                assert!(
                    (0.0..=5.0).contains(&n),
                    "{}: {id} {}",
                    path.display(),
                    d.key()
                );
                *slot = n;
            }
            ratings.entry(id.clone()).or_default().push(six);
        }
    }

    let mut entries = Vec::new();
    // `texts/` keeps every third text out of the fit; `dev/` holds batches
    // read while the rules were written, so none of its texts can stand
    // for unseen text: all of them are training texts.
    let mut files: Vec<(PathBuf, bool)> = Vec::new();
    for (dir, may_hold_out) in [("texts", true), ("dev", false)] {
        files.extend(
            fs::read_dir(Path::new(CORPUS).join(dir))
                .unwrap_or_else(|e| panic!("tests/corpus/{dir}: {e}"))
                .map(|e| e.expect("corpus entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .map(|p| (p, may_hold_out)),
        );
    }
    files.sort();
    for (path, may_hold_out) in files {
        let v = read_json(&path);
        for t in v["texts"].as_array().expect("a \"texts\" list") {
            let id = text_of(t, "id");
            let written = match t["kind"].as_str() {
                Some("story") => Written::Story(Box::new(story_of(&t["story"]))),
                _ => Written::Text(text_of(t, "text")),
            };
            let r = ratings.remove(&id).unwrap_or_default();
            assert_eq!(r.len(), 2, "{id}: expected two raters, found {}", r.len());
            entries.push(Entry {
                held_out: may_hold_out && held_out(&id),
                id,
                written,
                ratings: r,
            });
        }
    }
    assert!(
        ratings.is_empty(),
        "ratings for unknown texts: {:?}",
        ratings.keys().collect::<Vec<_>>()
    );
    entries
}

/// Ranks with ties averaged.
pub fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut out = vec![0.0; xs.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && xs[order[j + 1]] == xs[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            out[k] = rank;
        }
        i = j + 1;
    }
    out
}

pub fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let cov: f64 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
    if va == 0.0 || vb == 0.0 {
        return 0.0;
    }
    cov / (va * vb).sqrt()
}

pub fn spearman(a: &[f64], b: &[f64]) -> f64 {
    pearson(&ranks(a), &ranks(b))
}

pub fn mae(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum::<f64>() / a.len() as f64
}

pub fn bias(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x - y).sum::<f64>() / a.len() as f64
}
