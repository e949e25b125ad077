//! Readiness in the app: the checklist with today's plan, the coverage
//! matrix (questions down, stories across, a key to link them), and the
//! cheat sheet written to the data directory.

use super::{App, Screen, Scroll, ScrollTo};
use crate::content::questions::QUESTIONS;
use crate::evaluate::fit::judge_links;
use crate::readiness::{Inputs, NextStep, Place, Readiness, assess_evaluated, plan};
use crate::tui::keymap::Action;
use crate::tui::next_step;

/// The cursor in the coverage matrix.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CoverageCursor {
    pub question: usize,
    pub story: usize,
}

impl App {
    fn inputs(&self) -> Inputs<'_> {
        Inputs {
            kit: self.kit(),
            reviews: &self.practice.reviews,
            deck: &self.practice.deck,
            today: self.today,
        }
    }

    /// Computes the checklist from the kit's evaluation, once every story
    /// is scored (nothing is scored again here); cached until the kit or
    /// the drill history changes.
    pub(super) fn refresh_readiness(&mut self) {
        self.caches.readiness = self
            .scored
            .evaluation()
            .map(|eval| assess_evaluated(&self.inputs(), eval));
    }

    /// The checklist, once computed.
    pub fn readiness(&self) -> Option<&Readiness> {
        self.caches.readiness.as_ref()
    }

    /// Today's plan from what is unmet (light review the last two days).
    pub fn today_plan(&self) -> Vec<NextStep> {
        match &self.caches.readiness {
            Some(r) => plan(r, &self.inputs(), self.kit().profile.interview_date),
            None => Vec::new(),
        }
    }

    pub(super) fn update_checklist(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit(),
            Action::Back => self.screen = Screen::Home,
            Action::Down => self.scroll(Scroll::Checklist, ScrollTo::By(1)),
            Action::Up => self.scroll(Scroll::Checklist, ScrollTo::By(-1)),
            Action::PageDown => self.scroll(Scroll::Checklist, ScrollTo::By(self.page_rows())),
            Action::PageUp => self.scroll(Scroll::Checklist, ScrollTo::By(-self.page_rows())),
            Action::Top => self.scroll(Scroll::Checklist, ScrollTo::Top),
            Action::Bottom => self.scroll(Scroll::Checklist, ScrollTo::Bottom),
            Action::Coverage => {
                let Screen::Checklist { scroll } = self.screen else {
                    return;
                };
                self.screen = Screen::Coverage {
                    cursor: CoverageCursor::default(),
                    checklist_scroll: scroll,
                };
            }
            Action::CheatSheet => self.write_cheat_sheet(),
            Action::Profile => self.open_profile(),
            _ => {}
        }
    }

    pub(super) fn update_coverage(&mut self, action: Action) {
        let rows = QUESTIONS.len();
        let cols = self.kit().stories.len();
        let Screen::Coverage {
            cursor: c,
            checklist_scroll,
        } = &mut self.screen
        else {
            return;
        };
        match action {
            Action::Quit => self.quit(),
            Action::Back => {
                self.screen = Screen::Checklist {
                    scroll: *checklist_scroll,
                }
            }
            Action::Up => c.question = c.question.saturating_sub(1),
            Action::Down => c.question = (c.question + 1).min(rows - 1),
            Action::Left => c.story = c.story.saturating_sub(1),
            Action::Right => c.story = (c.story + 1).min(cols.saturating_sub(1)),
            Action::Toggle => self.toggle_link(),
            _ => {}
        }
    }

    /// Links (or unlinks) the story under the cursor to the question.
    fn toggle_link(&mut self) {
        let Some(cursor) = self.coverage() else {
            return;
        };
        let question = QUESTIONS[cursor.question].id;
        let Some(mut story) = self.kit().stories.get(cursor.story).cloned() else {
            self.error(format!(
                "No story to link yet: write one first {}.",
                next_step::how(Place::NewStory)
            ));
            return;
        };
        let linked = story.questions.iter().any(|q| q == question);
        if linked {
            story.questions.retain(|q| q != question);
        } else {
            story.questions.push(question.to_string());
        }
        let title = story.title.clone();
        let weak = judge_links(&story)
            .into_iter()
            .find(|l| l.question == question)
            .and_then(|l| l.verdict.err());
        match self.save_story_to_kit(story) {
            Ok(()) => match weak {
                Some(why) if !linked => self.info(format!(
                    "'{}' is linked to \u{201c}{}\u{201d} as a weak link: {why}",
                    title, QUESTIONS[cursor.question].text
                )),
                _ => self.info(format!(
                    "'{}' {} \u{201c}{}\u{201d}.",
                    title,
                    if linked {
                        "no longer answers"
                    } else {
                        "now answers"
                    },
                    QUESTIONS[cursor.question].text
                )),
            },
            Err(e) => self.error(format!("Not linked: {e}")),
        }
    }

    /// Writes `cheat-sheet.md` (private, atomic) in the data directory.
    fn write_cheat_sheet(&mut self) {
        if let Err(why) = self.storage.writable() {
            self.error(format!(
                "{why} — cheat-sheet.md was not written. `sre-prep export --format md` prints it without writing anything."
            ));
            return;
        }
        // The scores the checklist was worked out from: nothing is scored again.
        let (Some(eval), Some(readiness)) =
            (self.scored.evaluation(), self.caches.readiness.as_ref())
        else {
            self.info("Your kit is still being scored — write the cheat sheet again in a moment.");
            return;
        };
        let text = crate::cheatsheet::render(self.kit(), eval, readiness);
        let path = self.data_dir().join("cheat-sheet.md");
        match crate::store::atomic::write_file_durably(&path, text.as_bytes()) {
            Ok(()) => self.info(format!(
                "Cheat sheet written to {} — read it with less before the interview.",
                path.display()
            )),
            Err(e) => self.error(format!(
                "The cheat sheet was not written to {}: {e}",
                path.display()
            )),
        }
    }
}
