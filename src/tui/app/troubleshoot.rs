//! Step 4's troubleshooting round: the list of scenarios (scheduled like
//! cards), a round in progress — a line typed, played through the core's
//! engine, its output shown — and the judgment, saved with the schedule in
//! `reviews.json` the moment the round ends.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent};

use super::{App, Confirm, Screen};
use crate::drill::reviews::{Attempt, Reviews};
use crate::drill::scenario::Scenario;
use crate::drill::srs::CardState;
use crate::drill::troubleshoot::{Input, Kind, Played, play};
use crate::store::scenarios::load_scenarios;
use crate::tui::keymap::{self, Action, Context};
use crate::tui::text_input::TextInput;

/// A round being played, or just judged.
pub struct Round {
    /// Index into the scenarios.
    pub scenario: usize,
    pub inputs: Vec<Input>,
    /// The transcript and judgment of `inputs` (played again after each line).
    pub played: Played,
    /// The line being typed.
    pub typed: TextInput,
    pub started: Instant,
    /// Transcript rows scrolled up from the bottom, and columns to the right.
    pub scroll: u16,
    pub hscroll: u16,
    /// Where Up/Down is in the lines already typed.
    pub recall: Option<usize>,
    /// Set when the round is over: the result screen.
    pub finished: Option<Finished>,
    /// The result screen's scroll.
    pub result_scroll: u16,
}

/// How the round ended and what was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    pub gave_up: bool,
    /// Seconds on the clock at the end.
    pub seconds: u32,
    /// Days until the scenario comes back.
    pub next_days: u32,
    /// The attempt is in reviews.json.
    pub saved: bool,
}

impl Round {
    fn new(scenario: usize, s: &Scenario) -> Round {
        Round {
            scenario,
            inputs: Vec::new(),
            played: play(s, &[]),
            typed: TextInput::default(),
            started: Instant::now(),
            scroll: 0,
            hscroll: 0,
            recall: None,
            finished: None,
            result_scroll: 0,
        }
    }

    /// Seconds on the clock: running while playing, stopped at the end.
    pub fn seconds(&self) -> u32 {
        match &self.finished {
            Some(f) => f.seconds,
            None => self.started.elapsed().as_secs() as u32,
        }
    }

    pub fn commands(&self) -> usize {
        self.played
            .transcript
            .iter()
            .filter(|e| e.kind == Kind::Command)
            .count()
    }
}

/// When a scenario is next due, as the list says it.
pub fn due_label(state: Option<&CardState>, today: chrono::NaiveDate) -> String {
    match state.and_then(|s| s.due) {
        None => "new".to_string(),
        Some(due) if due <= today => "due".to_string(),
        Some(due) => format!("in {}d", (due - today).num_days()),
    }
}

/// The best score and whether it was ever solved, from the attempts.
pub fn best(reviews: &Reviews, id: &str) -> Option<(bool, u8)> {
    reviews
        .attempts_of(id)
        .map(|a| (a.solved, a.score))
        .max_by_key(|&(solved, score)| (solved, score))
}

impl App {
    pub(super) fn load_scenarios(&mut self) {
        let mut problems = Vec::new();
        self.practice.scenarios = load_scenarios(self.storage.dir(), &mut problems);
        self.add_problems(problems);
    }

    /// True while a round's clock runs.
    pub fn troubleshoot_ticking(&self) -> bool {
        self.round().is_some_and(|r| r.finished.is_none())
    }

    fn round_mut(&mut self) -> Option<&mut Round> {
        match &mut self.screen {
            Screen::Troubleshoot(round) => Some(round),
            _ => None,
        }
    }

    pub(super) fn open_troubleshoot(&mut self) {
        if self.practice.scenarios.is_empty() {
            self.load_scenarios();
        }
        self.screen = Screen::Scenarios;
    }

    pub(super) fn update_scenarios(&mut self, action: Action) {
        let n = self.practice.scenarios.len();
        let selected = self.places.scenario;
        match action {
            Action::Quit => self.quit(),
            Action::Back => self.screen = Screen::Deck,
            Action::Up => self.places.scenario = selected.saturating_sub(1),
            Action::Down => self.places.scenario = (selected + 1).min(n.saturating_sub(1)),
            Action::PageUp => self.places.scenario = selected.saturating_sub(self.page()),
            Action::PageDown => {
                self.places.scenario = (selected + self.page()).min(n.saturating_sub(1))
            }
            Action::Top => self.places.scenario = 0,
            Action::Bottom => self.places.scenario = n.saturating_sub(1),
            Action::Open => self.start_round(selected),
            Action::PlayDue => {
                // The most overdue scenario first, then the first new one.
                let due = self
                    .practice
                    .scenarios
                    .iter()
                    .enumerate()
                    .filter_map(|(i, s)| {
                        let due = self
                            .practice
                            .reviews
                            .scenarios
                            .get(&s.id)
                            .and_then(|st| st.due)?;
                        (due <= self.today).then_some((due, i))
                    })
                    .min()
                    .map(|(_, i)| i);
                let fresh = || {
                    self.practice
                        .scenarios
                        .iter()
                        .position(|s| !self.practice.reviews.scenarios.contains_key(&s.id))
                };
                match due.or_else(fresh) {
                    Some(i) => {
                        self.places.scenario = i;
                        self.start_round(i);
                    }
                    None => self.info(format!(
                        "No scenario is due and none is new. Pick one with {}/{} and {} to play it anyway.",
                        keymap::key_for(Context::Scenarios, Action::Down),
                        keymap::key_for(Context::Scenarios, Action::Up),
                        keymap::key_for(Context::Scenarios, Action::Open),
                    )),
                }
            }
            _ => {}
        }
    }

    /// How far the round on show can scroll, as last drawn (no limit yet
    /// before it is drawn: the draw keeps the text in view).
    fn round_scroll_limit(&self) -> u16 {
        self.limit_as_drawn(|areas| areas.round_scroll.unwrap_or(0))
    }

    fn start_round(&mut self, index: usize) {
        let Some(s) = self.practice.scenarios.get(index) else {
            return;
        };
        self.screen = Screen::Troubleshoot(Box::new(Round::new(index, s)));
    }

    pub(super) fn update_troubleshoot(&mut self, action: Action) {
        let size = self.size;
        let page = size.1.saturating_sub(12).max(1);
        let Some(round) = self.round_mut() else {
            return;
        };
        if round.finished.is_some() {
            let most = self.round_scroll_limit();
            let Some(round) = self.round_mut() else {
                return;
            };
            match action {
                Action::Back | Action::Open => self.screen = Screen::Scenarios,
                Action::Quit => self.quit(),
                Action::Up => round.result_scroll = round.result_scroll.saturating_sub(1),
                Action::Down => round.result_scroll = (round.result_scroll + 1).min(most),
                Action::PageUp => round.result_scroll = round.result_scroll.saturating_sub(page),
                Action::PageDown => {
                    round.result_scroll = round.result_scroll.saturating_add(page).min(most)
                }
                Action::Top => round.result_scroll = 0,
                Action::Bottom => round.result_scroll = most,
                _ => {}
            }
            return;
        }
        match action {
            Action::RunLine => {
                let line = round.typed.take();
                self.submit_line(&line);
            }
            Action::GiveUp => {
                if round.inputs.is_empty() {
                    self.screen = Screen::Scenarios;
                } else {
                    self.ask(Confirm::GiveUpRound);
                }
            }
            Action::PageUp => {
                let most = self.round_scroll_limit();
                if let Some(round) = self.round_mut() {
                    round.scroll = round.scroll.saturating_add(page).min(most);
                }
            }
            Action::PageDown => round.scroll = round.scroll.saturating_sub(page),
            Action::ScrollLeft => round.hscroll = round.hscroll.saturating_sub(20),
            Action::ScrollRight => {
                // No further than the widest output line's end.
                let widest = round
                    .played
                    .transcript
                    .iter()
                    .filter(|e| e.kind == Kind::Command)
                    .flat_map(|e| e.output.lines())
                    .map(|l| l.chars().count())
                    .max()
                    .unwrap_or(0);
                let view = usize::from(size.0.saturating_sub(2));
                let most = widest.saturating_sub(view).min(usize::from(u16::MAX)) as u16;
                round.hscroll = round.hscroll.saturating_add(20).min(most);
            }
            Action::Earlier | Action::Later => {
                let typed: Vec<&str> = round.inputs.iter().map(|i| i.text.as_str()).collect();
                if typed.is_empty() {
                    return;
                }
                let at = match (action, round.recall) {
                    (Action::Earlier, None) => Some(typed.len() - 1),
                    (Action::Earlier, Some(i)) => Some(i.saturating_sub(1)),
                    (_, Some(i)) if i + 1 < typed.len() => Some(i + 1),
                    _ => None,
                };
                round.recall = at;
                round.typed.set(at.map_or("", |i| typed[i]));
            }
            _ => {}
        }
    }

    /// Plays one typed line; ends the round when the cause is named.
    fn submit_line(&mut self, line: &str) {
        let Screen::Troubleshoot(round) = &mut self.screen else {
            return;
        };
        let text = line.trim();
        if text.is_empty() {
            return;
        }
        round.inputs.push(Input {
            text: text.to_string(),
            seconds: round.started.elapsed().as_secs() as u32,
        });
        round.recall = None;
        round.scroll = 0;
        round.hscroll = 0;
        let scenario = &self.practice.scenarios[round.scenario];
        round.played = play(scenario, &round.inputs);
        if round.played.over {
            self.finish_round(false);
        }
    }

    /// Ends the round: judges it, keeps the attempt, schedules the scenario.
    pub(super) fn finish_round(&mut self, gave_up: bool) {
        let today = self.today;
        let Screen::Troubleshoot(round) = &mut self.screen else {
            return;
        };
        let seconds = round.started.elapsed().as_secs() as u32;
        let scenario = &self.practice.scenarios[round.scenario];
        let judgment = &round.played.judgment;
        let rating = judgment.rating();
        let by_kind = |kind: Kind| -> Vec<String> {
            round
                .played
                .transcript
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| e.input.clone())
                .collect()
        };
        let attempt = Attempt {
            date: Some(today),
            scenario: scenario.id.clone(),
            lines: round.inputs.iter().map(|i| i.text.clone()).collect(),
            commands: by_kind(Kind::Command),
            hypotheses: by_kind(Kind::Hypothesis)
                .into_iter()
                .map(|h| {
                    h.split_once(' ')
                        .map_or(h.clone(), |(_, rest)| rest.trim().to_string())
                })
                .collect(),
            solved: judgment.solved,
            score: judgment.score,
            seconds: seconds.max(judgment.seconds),
            hints: judgment.hints as u32,
            rating: rating as u8,
        };
        let next = self.practice.scheduler.review(
            self.practice.reviews.scenarios.get(&scenario.id),
            rating,
            today,
        );
        let next_days = next
            .due
            .map(|d| (d - today).num_days().max(0) as u32)
            .unwrap_or(0);
        let mut reviews = self.practice.reviews.clone();
        reviews.scenarios.insert(scenario.id.clone(), next);
        reviews.troubleshooting.push(attempt);
        round.finished = Some(Finished {
            gave_up,
            seconds: seconds.max(judgment.seconds),
            next_days,
            saved: false,
        });
        match self.keep_reviews(reviews) {
            Ok(()) => {
                if let Some(f) = self.round_mut().and_then(|r| r.finished.as_mut()) {
                    f.saved = true;
                }
            }
            Err(e) => self.error(format!("This round was not kept: {e}")),
        }
    }

    pub(super) fn troubleshoot_input(&mut self, key: &KeyEvent) {
        let Some(round) = self.round_mut() else {
            return;
        };
        if round.finished.is_some() {
            return;
        }
        // Tab completes nothing here: it types a space. Left and Right
        // scroll the output sideways (the keymap has them first); Home,
        // End, Ctrl-a, Ctrl-e move the cursor.
        let edited = match key.code {
            KeyCode::Tab => round.typed.paste(" "),
            _ => round.typed.handle_key(key),
        };
        if edited {
            // An edited line is a new one: Up starts again from the last.
            round.recall = None;
        }
    }

    /// A paste: every full line is played, the rest stays typed.
    pub(super) fn troubleshoot_paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let mut parts: Vec<&str> = text.split('\n').collect();
        let last = parts.pop().unwrap_or("");
        for part in parts {
            let line = match self.round_mut() {
                Some(round) if round.finished.is_none() => {
                    round.typed.paste(part);
                    round.typed.take()
                }
                _ => return,
            };
            self.submit_line(&line);
        }
        if let Some(round) = self.round_mut()
            && round.finished.is_none()
        {
            round.typed.paste(last);
        }
    }
}
