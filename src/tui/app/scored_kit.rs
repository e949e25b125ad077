//! The kit together with everything derived from it: each story's score,
//! each design's and opinion's evaluation, the whole kit's evaluation (what
//! readiness and the cheat sheet read), and the stories list as shown
//! (filtered, sorted, one selected). They live in one owner so they cannot
//! drift apart: the kit changes only through [`ScoredKit::change`], which
//! rebuilds the rest before anyone can read it, and every read goes through
//! a method that answers `None` rather than indexing past the end.
//!
//! Scores are computed once per story content, on background threads
//! ([`crate::parallel::Background`]) started by [`ScoredKit::start_scoring`],
//! and taken in by [`ScoredKit::collect`] without ever waiting, so the frame
//! loop stays responsive while a big kit is scored.

use std::sync::Arc;

use crate::evaluate::{self, Evaluation, KitEvaluation, StoryBrief};
use crate::kit::{Kit, Story};
use crate::parallel::Background;
use crate::score::StoryScore;
use crate::tui::scores::{ScoreCache, Summary, content_key};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Score,
    Title,
}

/// What a background thread is given to do: an index into the kit.
#[derive(Debug, Clone, Copy)]
enum Work {
    Story(usize),
    Design(usize),
    Opinion(usize),
}

/// What it sends back.
enum Done {
    Story {
        index: usize,
        key: u64,
        brief: StoryBrief,
    },
    Design(usize, Evaluation),
    Opinion(usize, Evaluation),
}

/// The scoring under way.
struct Job {
    work: Background<Done>,
    /// The stories it scores (indices into `kit.stories`, ascending), in
    /// the order of its first items.
    stories: Vec<usize>,
}

pub struct ScoredKit {
    /// Shared with the scoring threads, which read it while the app draws.
    kit: Arc<Kit>,
    cache: ScoreCache,
    /// One per story in `kit.stories`, in the same order: its content key
    /// and score, once computed.
    scores: Vec<Option<(u64, Summary)>>,
    /// One per design in `kit.designs`.
    designs: Vec<Option<Evaluation>>,
    /// One per opinion in `kit.opinions`.
    opinions: Vec<Option<Evaluation>>,
    job: Option<Job>,
    /// The whole kit evaluated, once every story, design and opinion is.
    evaluation: Option<KitEvaluation>,
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
            kit: Arc::default(),
            cache: ScoreCache::default(),
            scores: Vec::new(),
            designs: Vec::new(),
            opinions: Vec::new(),
            job: None,
            evaluation: None,
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

    /// Changes the kit; the scores known for its stories' content and the
    /// list are rebuilt before this returns, and the selected story stays
    /// selected if it is still there. What is left to score is scored by
    /// [`ScoredKit::start_scoring`].
    pub fn change<R>(&mut self, edit: impl FnOnce(&mut Kit) -> R) -> R {
        // What the running scoring finished is kept (by content); the rest
        // is for the next one.
        self.collect();
        self.job = None;
        self.evaluation = None;
        let keep = self.selected_story().map(|s| s.id.clone());
        // Cloned only if a scoring thread still holds the old kit.
        let result = edit(Arc::make_mut(&mut self.kit));
        // Nothing is cached at start: skip hashing every story before the first frame.
        self.scores = if self.cache.is_empty() {
            vec![None; self.kit.stories.len()]
        } else {
            let scores: Vec<_> = self
                .kit
                .stories
                .iter()
                .map(|s| {
                    let key = content_key(s);
                    self.cache.get(key).map(|brief| (key, brief.summary))
                })
                .collect();
            self.cache
                .keep_only(scores.iter().flatten().map(|(key, _)| *key));
            scores
        };
        self.designs = vec![None; self.kit.designs.len()];
        self.opinions = vec![None; self.kit.opinions.len()];
        self.rebuild_view(keep.as_deref());
        result
    }

    /// Scores on background threads every story, design and opinion that
    /// has no score yet (nothing when scoring is under way or done).
    pub fn start_scoring(&mut self) {
        if self.job.is_some() || self.evaluation.is_some() {
            return;
        }
        let stories: Vec<usize> = (0..self.scores.len())
            .filter(|&i| self.scores[i].is_none())
            .collect();
        let mut items: Vec<Work> = stories.iter().map(|&i| Work::Story(i)).collect();
        items.extend(
            (0..self.designs.len())
                .filter(|&i| self.designs[i].is_none())
                .map(Work::Design),
        );
        items.extend(
            (0..self.opinions.len())
                .filter(|&i| self.opinions[i].is_none())
                .map(Work::Opinion),
        );
        if items.is_empty() {
            self.finish();
            return;
        }
        let kit = Arc::clone(&self.kit);
        let work = Background::spawn(items, move |&work: &Work| match work {
            Work::Story(index) => {
                let story = &kit.stories[index];
                Done::Story {
                    index,
                    key: content_key(story),
                    brief: StoryBrief::of(&evaluate::score(story)),
                }
            }
            Work::Design(i) => Done::Design(i, evaluate::design::evaluate(&kit.designs[i])),
            Work::Opinion(i) => Done::Opinion(i, evaluate::opinion::evaluate(&kit.opinions[i])),
        });
        self.job = Some(Job { work, stories });
    }

    /// Takes in the scores computed since the last call, never waiting;
    /// true if any came.
    pub fn collect(&mut self) -> bool {
        let Some(job) = self.job.as_mut() else {
            return false;
        };
        let done = job.work.ready();
        self.take_in(done)
    }

    /// Waits for up to `most` scores (for tests and benchmarks: the app
    /// never waits); true while some are still to come.
    pub fn wait(&mut self, most: usize) -> bool {
        if let Some(job) = self.job.as_mut() {
            let done = job.work.wait(most);
            self.take_in(done);
        }
        !self.scoring_done()
    }

    fn take_in(&mut self, done: Vec<(usize, Done)>) -> bool {
        let any = !done.is_empty();
        for (_, done) in done {
            match done {
                Done::Story { index, key, brief } => {
                    if let Some(slot) = self.scores.get_mut(index) {
                        *slot = Some((key, brief.summary));
                    }
                    self.cache.insert(key, brief);
                }
                Done::Design(i, evaluation) => {
                    if let Some(slot) = self.designs.get_mut(i) {
                        *slot = Some(evaluation);
                    }
                }
                Done::Opinion(i, evaluation) => {
                    if let Some(slot) = self.opinions.get_mut(i) {
                        *slot = Some(evaluation);
                    }
                }
            }
        }
        if self.job.as_ref().is_some_and(|job| job.work.is_done()) {
            self.job = None;
            self.finish();
        }
        any
    }

    /// Every score is in: the list is sorted by them, and the kit's
    /// evaluation is put together from them (nothing scored again).
    fn finish(&mut self) {
        let keep = self.selected_story().map(|s| s.id.clone());
        self.rebuild_view(keep.as_deref());
        let stories: Option<Vec<StoryBrief>> = self
            .scores
            .iter()
            .map(|slot| slot.and_then(|(key, _)| self.cache.get(key).cloned()))
            .collect();
        let designs: Option<Vec<Evaluation>> = self.designs.iter().cloned().collect();
        let opinions: Option<Vec<Evaluation>> = self.opinions.iter().cloned().collect();
        let (Some(stories), Some(designs), Some(opinions)) = (stories, designs, opinions) else {
            return;
        };
        let kit = &self.kit;
        self.evaluation = Some(KitEvaluation {
            stories,
            designs,
            metrics: kit.metrics.iter().map(evaluate::metric::read).collect(),
            metrics_checklist: evaluate::metric::checklist(&kit.metrics),
            opinions,
            narrative: evaluate::narrative::evaluate(&kit.narrative),
        });
    }

    /// Every story, design and opinion is scored, and the kit evaluated.
    pub fn scoring_done(&self) -> bool {
        self.evaluation.is_some()
    }

    /// The whole kit evaluated, once everything is scored.
    pub fn evaluation(&self) -> Option<&KitEvaluation> {
        self.evaluation.as_ref()
    }

    /// The full score of the selected story, for the detail pane. A story
    /// not scored yet keeps this score as its own (the background threads
    /// leave it), so it is not scored twice.
    pub fn score_selected(&mut self) -> Option<StoryScore> {
        let index = *self.view.get(self.selected)?;
        let story = self.kit.stories.get(index)?;
        let score = evaluate::score(story);
        if self.scores.get(index).is_some_and(Option::is_none) {
            let ours = match self.job.as_mut() {
                Some(job) => match job.stories.binary_search(&index) {
                    Ok(item) => job.work.claim(item),
                    Err(_) => true,
                },
                None => true,
            };
            if ours {
                let key = content_key(story);
                let brief = StoryBrief::of(&score);
                self.scores[index] = Some((key, brief.summary));
                self.cache.insert(key, brief);
                if self.job.as_ref().is_some_and(|job| job.work.is_done()) {
                    self.job = None;
                    self.finish();
                }
            }
        }
        Some(score)
    }

    /// Each story with its score, once computed, in file order.
    pub fn stories(&self) -> impl Iterator<Item = (&Story, Option<Summary>)> + '_ {
        self.kit
            .stories
            .iter()
            .zip(self.scores.iter().map(|slot| slot.map(|(_, s)| s)))
    }

    pub fn scored_count(&self) -> usize {
        self.scores.iter().flatten().count()
    }

    pub fn ready_count(&self) -> usize {
        self.scores
            .iter()
            .flatten()
            .filter(|(_, s)| s.ready())
            .count()
    }

    /// The score of the story with this id, once computed.
    pub fn summary_of(&self, id: &str) -> Option<Summary> {
        self.stories()
            .find(|(s, _)| s.id == id)
            .and_then(|(_, summary)| summary)
    }

    pub fn design_score(&self, index: usize) -> Option<u8> {
        self.designs.get(index)?.as_ref().map(|e| e.score)
    }

    pub fn opinion_scores(&self) -> impl Iterator<Item = u8> + '_ {
        self.opinions.iter().flatten().map(|e| e.score)
    }

    pub fn opinion_score(&self, index: usize) -> Option<u8> {
        self.opinions.get(index)?.as_ref().map(|e| e.score)
    }

    /// The score of row `i` of `kit.stories`, once computed.
    fn summary(&self, i: usize) -> Option<Summary> {
        self.scores.get(i).copied().flatten().map(|(_, s)| s)
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
                Some((row, story, self.summary(i)))
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
                std::cmp::Reverse(self.summary(i).map_or(0, |s| u16::from(s.total) + 1))
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
        scored.start_scoring();
        while scored.wait(10) {}
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
