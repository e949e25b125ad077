//! Behavioural questions SRE interviews ask, in our words, each with a
//! stable id that stories link to. `core` marks those every candidate should
//! have a story for.

pub struct Question {
    pub id: &'static str,
    pub text: &'static str,
    pub core: bool,
    /// A drill-down an interviewer asks on this question whatever the story.
    pub probe: &'static str,
}

const fn q(id: &'static str, text: &'static str, core: bool, probe: &'static str) -> Question {
    Question {
        id,
        text,
        core,
        probe,
    }
}

pub const QUESTIONS: [Question; 22] = [
    q(
        "critical-incident",
        "Tell me about a critical incident you handled.",
        true,
        "What was the first thing you did when you were paged?",
    ),
    q(
        "outage-prevented",
        "Tell me about an outage you prevented before it happened.",
        true,
        "How did you know it was going to fail, and when?",
    ),
    q(
        "root-cause-unknown",
        "Tell me about an incident where you did not know the root cause at first.",
        true,
        "What did you rule out first, and how?",
    ),
    q(
        "outage-you-caused",
        "Tell me about an outage you caused.",
        true,
        "What would you do differently before making that change again?",
    ),
    q(
        "improved-reliability",
        "Tell me about a reliability improvement you championed.",
        true,
        "How did you get other teams to adopt it?",
    ),
    q(
        "velocity-vs-reliability",
        "Tell me about a time you had to balance shipping speed against reliability.",
        true,
        "Who disagreed with the balance you struck, and what did you tell them?",
    ),
    q(
        "pushed-back-launch",
        "Tell me about a time you pushed back on a risky launch.",
        true,
        "What would have convinced you to let it ship?",
    ),
    q(
        "disagreed-senior",
        "Tell me about a disagreement with a senior engineer or manager.",
        true,
        "How did it end, and what is your relationship with them now?",
    ),
    q(
        "reduced-toil",
        "Tell me about toil you eliminated.",
        true,
        "How did you measure the toil before you started?",
    ),
    q(
        "key-people-unavailable",
        "Tell me about a decision you had to make when the key people were unavailable.",
        false,
        "How did you communicate the decision to them afterwards?",
    ),
    q(
        "hardest-debugging",
        "What is the hardest problem you have ever debugged?",
        false,
        "Which tool or signal finally broke it open?",
    ),
    q(
        "learned-from-failure",
        "Tell me about a failure and what you learned from it.",
        false,
        "What do you do differently today because of it?",
    ),
    q(
        "championed-change",
        "Tell me about a change you drove across teams that you did not manage.",
        false,
        "Who resisted, and how did you bring them along?",
    ),
    q(
        "capacity-crisis",
        "Tell me about a time a system ran out of capacity.",
        false,
        "How did you forecast demand afterwards?",
    ),
    q(
        "bad-alerting",
        "Tell me about a time alerting failed you, too noisy or too quiet.",
        false,
        "How do you decide what deserves a page?",
    ),
    q(
        "postmortem-led",
        "Tell me about a postmortem you led.",
        false,
        "Which action item mattered most, and did it ship?",
    ),
    q(
        "migration",
        "Tell me about a risky migration you ran.",
        false,
        "What was your rollback plan at each step?",
    ),
    q(
        "on-call-improved",
        "Tell me how you made on-call better for your team.",
        false,
        "How did the team's page load change, in numbers?",
    ),
    q(
        "dependency-failure",
        "Tell me about an outage caused by a dependency you did not own.",
        false,
        "What did you change so your service degrades gracefully next time?",
    ),
    q(
        "security-incident",
        "Tell me about an incident with a security side to it.",
        false,
        "Who did you involve, and when?",
    ),
    q(
        "automation",
        "Tell me about something you automated that changed how the team worked.",
        false,
        "What broke when the automation itself failed?",
    ),
    q(
        "mentored",
        "Tell me about someone you mentored through their first incidents.",
        false,
        "What did you let them get wrong on purpose?",
    ),
];

pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::examples::example_stories;

    #[test]
    fn the_bank_has_unique_ids_enough_core_questions_and_covers_the_examples() {
        let mut ids: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), QUESTIONS.len());
        assert!(QUESTIONS.len() >= 20);
        assert!(QUESTIONS.iter().filter(|q| q.core).count() >= 8);
        for story in example_stories() {
            for id in &story.questions {
                assert!(
                    question(id).is_some(),
                    "{}: unknown question {id}",
                    story.id
                );
            }
        }
    }
}
