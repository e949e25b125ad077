//! The readiness checklist's next steps as the app says them: each place
//! named by the keys that lead there, read from the keymap ("(3, then r)"),
//! so a hint can never name a key that does something else.

use crate::readiness::{NextStep, Place};
use crate::tui::keymap::{self, Action, Context};

/// The first key bound to `action` on the screen `context`.
fn key(context: Context, action: Action) -> String {
    keymap::key_for(context, action)
}

/// The key of a playbook step on home ("3").
fn step(n: u8) -> String {
    key(Context::Home, Action::Step(n))
}

/// A playbook step from home, then `action` on its screen: "(3, then r)".
fn step_then(n: u8, context: Context, action: Action) -> String {
    format!("({}, then {})", step(n), key(context, action))
}

/// The keys that lead to `place`, from home.
pub fn how(place: Place) -> String {
    match place {
        Place::NewStory => step_then(1, Context::Stories, Action::NewStory),
        Place::NewDesign => step_then(2, Context::Designs, Action::NewItem),
        Place::NewMetric => step_then(3, Context::Metrics, Action::NewItem),
        Place::MetricsQuiz => step_then(3, Context::Metrics, Action::Quiz),
        Place::ReviewDueCards => step_then(4, Context::Deck, Action::ReviewDue),
        Place::CramTopic => format!("({})", key(Context::Deck, Action::Cram)),
        Place::CramWeakest => step_then(4, Context::Deck, Action::CramWeakest),
        Place::Troubleshoot => step_then(4, Context::Deck, Action::Troubleshoot),
        Place::TakeSide => step_then(5, Context::Opinions, Action::TakeSide),
        Place::Narrative => format!("({})", key(Context::Home, Action::Narrative)),
        Place::CoverageMatrix => format!(
            "({}, then {})",
            key(Context::Home, Action::Checklist),
            key(Context::Checklist, Action::Coverage)
        ),
        Place::RehearseStory => format!(
            "({}, select it, {})",
            step(1),
            key(Context::Stories, Action::Rehearse)
        ),
        Place::RehearseStories => step_then(1, Context::Stories, Action::Rehearse),
        Place::InterviewDate => format!("({} on home)", key(Context::Home, Action::Profile)),
        // Also what the shell says: the app writes the sheet from the
        // checklist, and reading it is for `less`.
        Place::CheatSheet => "(sre-prep export --format md)".into(),
    }
}

/// A next step as the app says it.
pub fn say(step: &NextStep) -> String {
    step.sentence(how)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_is_reached_by_keys_that_are_bound() {
        for place in Place::ALL {
            let hint = how(place);
            assert!(hint.starts_with('(') && hint.ends_with(')'), "{hint}");
            // A key missing from the keymap fails `key_for`'s assertion.
            assert!(hint.len() < 32, "{place:?}: {hint}");
        }
        assert_eq!(how(Place::MetricsQuiz), "(3, then r)");
        assert_eq!(how(Place::CoverageMatrix), "(c, then m)");
        assert_eq!(how(Place::RehearseStory), "(1, select it, r)");
        assert_eq!(how(Place::InterviewDate), "(i on home)");
    }
}
