//! Story scores for the app, cached by content: each story is scored once
//! (after the first frame, on background threads), and its score is shared
//! by the list, readiness and the cheat sheet; a story edited or added is
//! the only one scored again.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::evaluate::StoryBrief;
use crate::kit::Story;
pub use crate::score::Summary;

/// A fingerprint of everything the scorer reads in a story.
pub fn content_key(story: &Story) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    for text in [
        &story.blast_radius,
        &story.role,
        &story.decision,
        &story.fix,
        &story.root_cause,
        &story.systemic_change,
    ] {
        text.hash(&mut h);
    }
    for m in &story.metrics {
        (&m.name, &m.before, &m.after).hash(&mut h);
    }
    h.finish()
}

/// What readiness and the lists keep of each story's score, by
/// [`content_key`].
#[derive(Debug, Default)]
pub struct ScoreCache {
    by_content: HashMap<u64, StoryBrief>,
}

impl ScoreCache {
    pub fn is_empty(&self) -> bool {
        self.by_content.is_empty()
    }

    pub fn get(&self, key: u64) -> Option<&StoryBrief> {
        self.by_content.get(&key)
    }

    pub fn insert(&mut self, key: u64, brief: StoryBrief) {
        self.by_content.insert(key, brief);
    }

    /// Forgets the scores of content no story has any more.
    pub fn keep_only(&mut self, keys: impl Iterator<Item = u64>) {
        let keep: std::collections::HashSet<u64> = keys.collect();
        self.by_content.retain(|key, _| keep.contains(key));
    }
}
