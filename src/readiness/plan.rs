//! Today's plan: the first unmet items of the checklist and what came due;
//! the day before and the day of the interview, a light review and nothing
//! new.

use chrono::NaiveDate;

use super::{Inputs, NextStep, Readiness};

/// Today's plan from what is unmet and what is due.
pub fn plan(readiness: &Readiness, inputs: &Inputs, interview: Option<NaiveDate>) -> Vec<NextStep> {
    let days = interview.map(|d| (d - inputs.today).num_days());
    // Cards due, and the topics with the most of them.
    let mut due_by_topic: Vec<(usize, &str)> = Vec::new();
    for card in inputs.deck {
        if inputs
            .reviews
            .cards
            .get(&card.id)
            .is_some_and(|s| s.is_due(inputs.today))
        {
            match due_by_topic.iter_mut().find(|(_, t)| *t == card.topic) {
                Some((n, _)) => *n += 1,
                None => due_by_topic.push((1, &card.topic)),
            }
        }
    }
    due_by_topic.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let due_cards: usize = due_by_topic.iter().map(|(n, _)| n).sum();
    let due_stories: Vec<&str> = inputs
        .kit
        .stories
        .iter()
        .filter(|s| {
            inputs
                .reviews
                .stories
                .get(&s.id)
                .is_some_and(|st| st.is_due(inputs.today))
        })
        .map(|s| s.title.as_str())
        .collect();
    if matches!(days, Some(0 | 1)) {
        let mut plan = vec![
            NextStep::LightReviewOnly,
            NextStep::RehearseTopStories,
            NextStep::CramWeakestCards,
            NextStep::ReadCheatSheet,
        ];
        if days == Some(0) {
            plan.insert(1, NextStep::InterviewToday);
        }
        return plan;
    }
    let mut plan: Vec<NextStep> = Vec::new();
    if let (Some(date), Some(ago)) = (interview, days.filter(|d| *d < 0)) {
        plan.push(NextStep::InterviewDatePassed {
            date,
            days_ago: -ago,
        });
    }
    plan.extend(
        readiness
            .items
            .iter()
            .filter_map(|i| i.next.clone())
            .take(3),
    );
    if let Some(title) = due_stories.first() {
        plan.push(NextStep::RehearseDueStory {
            story: title.to_string(),
        });
    }
    let due_scenarios = inputs
        .reviews
        .scenarios
        .values()
        .filter(|s| s.is_due(inputs.today))
        .count();
    if due_scenarios > 0 {
        plan.push(NextStep::ScenariosDue {
            count: due_scenarios,
        });
    }
    if due_cards > 0 {
        plan.push(NextStep::CardsDue {
            count: due_cards,
            topics: due_by_topic
                .iter()
                .take(2)
                .map(|(_, t)| t.to_string())
                .collect(),
        });
    }
    if plan.is_empty() {
        plan.push(NextStep::AllMet);
    }
    plan
}
