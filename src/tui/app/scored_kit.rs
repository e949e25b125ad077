//! The kit together with everything derived from it: each story's score,
//! each design's and opinion's score, and the stories list as shown
//! (filtered, sorted, one selected). They live in one owner so they cannot
//! drift apart: the kit changes only through [`ScoredKit::change`], which
//! rebuilds the rest before anyone can read it, and every read goes through
//! a method that answers `None` rather than indexing past the end.

use crate::kit::{Kit, Story};
use crate::score::score_story;
use crate::tui::scores::{ScoreCache, Summary};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Score,
    Title,
}

pub struct ScoredKit {
    kit: Kit,
    cache: ScoreCache,
    /// One per story in `kit.stories`, in the same order.
    summaries: Vec<Option<Summary>>,
    /// One per design in `kit.designs`.
    design_scores: Vec<Option<u8>>,
    /// One per opinion in `kit.opinions`.
    opinion_scores: Vec<Option<u8>>,
    /// Indices into `kit.stories`: the stories shown, filtered and sorted.
    view: Vec<usize>,
    /// Position in `view`; 0 when nothing is shown.
    selected: usize,
    sort: Sort,
    filter: String,
}

impl Default for ScoredKit {
    fn default() -> Self {
        ScoredKit {
            kit: Kit::default(),
            cache: ScoreCache::default(),
            summaries: Vec::new(),
            design_scores: Vec::new(),
            opinion_scores: Vec::new(),
            view: Vec::new(),
            selected: 0,
            sort: Sort::Score,
            filter: String::new(),
        }
    }
}

impl ScoredKit {
    pub fn kit(&self) -> &Kit {
        &self.kit
    }

    /// Changes the kit; the scores and the list are rebuilt before this
    /// returns, and the selected story stays selected if it is still there.
    pub fn change<R>(&mut self, edit: impl FnOnce(&mut Kit) -> R) -> R {
        let keep = self.selected_story().map(|s| s.id.clone());
        let result = edit(&mut self.kit);
        // Nothing is cached at start: skip hashing every story before the first frame.
        self.summaries = if self.cache.is_empty() {
            vec![None; self.kit.stories.len()]
        } else {
            self.kit.stories.iter().map(|s| self.cache.get(s)).collect()
        };
        self.design_scores = vec![None; self.kit.designs.len()];
        self.opinion_scores = vec![None; self.kit.opinions.len()];
        self.rebuild_view(keep.as_deref());
        result
    }

    /// Scores up to `budget` stories, designs and opinions not scored yet;
    /// true while some are left.
    pub fn score_some(&mut self, mut budget: usize) -> bool {
        let mut changed = false;
        for (story, slot) in self.kit.stories.iter().zip(self.summaries.iter_mut()) {
            if slot.is_some() {
                continue;
            }
            if budget == 0 {
                break;
            }
            *slot = Some(self.cache.insert(story, &score_story(story)));
            budget -= 1;
            changed = true;
        }
        if changed {
            let keep = self.selected_story().map(|s| s.id.clone());
            self.rebuild_view(keep.as_deref());
        }
        for (design, slot) in self.kit.designs.iter().zip(self.design_scores.iter_mut()) {
            if slot.is_none() && budget > 0 {
                *slot = Some(crate::evaluate::design::evaluate(design).score);
                budget -= 1;
            }
        }
        for (opinion, slot) in self.kit.opinions.iter().zip(self.opinion_scores.iter_mut()) {
            if slot.is_none() && budget > 0 {
                *slot = Some(crate::evaluate::opinion::evaluate(opinion).score);
                budget -= 1;
            }
        }
        !self.scoring_done()
    }

    pub fn scoring_done(&self) -> bool {
        self.summaries.iter().all(Option::is_some)
            && self.design_scores.iter().all(Option::is_some)
            && self.opinion_scores.iter().all(Option::is_some)
    }

    /// Each story with its score, once computed, in file order.
    pub fn stories(&self) -> impl Iterator<Item = (&Story, Option<Summary>)> + '_ {
        self.kit.stories.iter().zip(self.summaries.iter().copied())
    }

    pub fn scored_count(&self) -> usize {
        self.summaries.iter().flatten().count()
    }

    pub fn ready_count(&self) -> usize {
        self.summaries
            .iter()
            .flatten()
            .filter(|s| s.ready())
            .count()
    }

    /// The score of the story with this id, once computed.
    pub fn summary_of(&self, id: &str) -> Option<Summary> {
        self.stories()
            .find(|(s, _)| s.id == id)
            .and_then(|(_, summary)| summary)
    }

    pub fn design_score(&self, index: usize) -> Option<u8> {
        self.design_scores.get(index).copied().flatten()
    }

    pub fn opinion_scores(&self) -> impl Iterator<Item = u8> + '_ {
        self.opinion_scores.iter().flatten().copied()
    }

    pub fn opinion_score(&self, index: usize) -> Option<u8> {
        self.opinion_scores.get(index).copied().flatten()
    }

    // ---- the stories list as shown ----

    /// How many stories the list shows (after the filter).
    pub fn shown(&self) -> usize {
        self.view.len()
    }

    /// The selected row of the list.
    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn selected_story(&self) -> Option<&Story> {
        self.view
            .get(self.selected)
            .and_then(|&i| self.kit.stories.get(i))
    }

    /// Up to `count` rows of the list from `first`: (row, story, score).
    pub fn rows(
        &self,
        first: usize,
        count: usize,
    ) -> impl Iterator<Item = (usize, &Story, Option<Summary>)> + '_ {
        self.view
            .iter()
            .enumerate()
            .skip(first)
            .take(count)
            .filter_map(|(row, &i)| {
                let story = self.kit.stories.get(i)?;
                Some((row, story, self.summaries.get(i).copied().flatten()))
            })
    }

    /// Selects row `row` (or the last one); true if the selection moved.
    pub fn select(&mut self, row: usize) -> bool {
        let row = row.min(self.view.len().saturating_sub(1));
        let moved = row != self.selected;
        self.selected = row;
        moved
    }

    /// Selects the story with this id if the list shows it.
    pub fn select_id(&mut self, id: &str) -> bool {
        match self.row_of(id) {
            Some(row) => {
                self.selected = row;
                true
            }
            None => false,
        }
    }

    fn row_of(&self, id: &str) -> Option<usize> {
        self.view
            .iter()
            .position(|&i| self.kit.stories.get(i).is_some_and(|s| s.id == id))
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    pub fn toggle_sort(&mut self) {
        self.sort = match self.sort {
            Sort::Score => Sort::Title,
            Sort::Title => Sort::Score,
        };
        let keep = self.selected_story().map(|s| s.id.clone());
        self.rebuild_view(keep.as_deref());
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Shows only titles containing `filter` (any case); the selected story
    /// stays selected if it is still shown, else the top one is.
    pub fn set_filter(&mut self, filter: String) {
        let keep = self.selected_story().map(|s| s.id.clone());
        self.filter = filter;
        self.selected = 0;
        self.rebuild_view(keep.as_deref());
    }

    /// Filters and sorts the list; `keep` stays selected if still shown.
    fn rebuild_view(&mut self, keep: Option<&str>) {
        let needle = self.filter.to_lowercase();
        let stories = &self.kit.stories;
        let mut view: Vec<usize> = (0..stories.len())
            .filter(|&i| needle.is_empty() || stories[i].title.to_lowercase().contains(&needle))
            .collect();
        match self.sort {
            Sort::Title => view.sort_by_cached_key(|&i| stories[i].title.to_lowercase()),
            Sort::Score => view.sort_by_key(|&i| {
                std::cmp::Reverse(
                    self.summaries
                        .get(i)
                        .copied()
                        .flatten()
                        .map_or(0, |s| u16::from(s.total) + 1),
                )
            }),
        }
        self.view = view;
        let kept = keep.and_then(|id| self.row_of(id));
        self.selected = kept
            .unwrap_or(self.selected)
            .min(self.view.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(id: &str, title: &str) -> Story {
        Story {
            id: id.to_string(),
            title: title.to_string(),
            ..Story::default()
        }
    }

    #[test]
    fn removing_the_selected_last_story_selects_the_one_before() {
        let mut scored = ScoredKit::default();
        scored.change(|kit| kit.stories = vec![story("a", "A"), story("b", "B")]);
        while scored.score_some(10) {}
        scored.toggle_sort();
        assert!(scored.select_id("b"));
        scored.change(|kit| kit.stories.retain(|s| s.id != "b"));
        assert_eq!(scored.selected_story().map(|s| s.id.as_str()), Some("a"));
        scored.change(|kit| kit.stories.clear());
        assert_eq!(scored.shown(), 0);
        assert!(scored.selected_story().is_none());
        assert_eq!(scored.rows(0, 10).count(), 0);
    }
}
