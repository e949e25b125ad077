//! Story scores for the lists, cached by content so a big list never
//! rescores every frame, and computed after the first frame is drawn.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::kit::Story;
pub use crate::score::Summary;
use crate::score::{StoryScore, score_story};

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

#[derive(Debug, Default)]
pub struct ScoreCache {
    by_content: HashMap<u64, Summary>,
}

impl ScoreCache {
    pub fn is_empty(&self) -> bool {
        self.by_content.is_empty()
    }

    pub fn get(&self, story: &Story) -> Option<Summary> {
        self.by_content.get(&content_key(story)).copied()
    }

    pub fn insert(&mut self, story: &Story, score: &StoryScore) -> Summary {
        let summary = Summary::of(score);
        self.by_content.insert(content_key(story), summary);
        summary
    }

    /// Scores up to `budget` stories that have no score yet; true when some
    /// are still left for the next call.
    pub fn fill(&mut self, stories: &[Story], budget: usize) -> bool {
        let mut done = 0;
        for story in stories {
            let key = content_key(story);
            if self.by_content.contains_key(&key) {
                continue;
            }
            if done == budget {
                return true;
            }
            self.by_content
                .insert(key, Summary::of(&score_story(story)));
            done += 1;
        }
        false
    }

    /// How many of `stories` have a score.
    pub fn scored(&self, stories: &[Story]) -> usize {
        stories.iter().filter(|s| self.get(s).is_some()).count()
    }
}
