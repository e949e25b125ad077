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

/// The nine core questions first (their ids are kept: stories and rehearsal
/// history link to them), then the rest. A probe asks for what happened,
/// not for the answer the interviewer hopes to hear.
pub const QUESTIONS: [Question; 42] = [
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
        "How did you measure whether it worked, and who else had to change how they worked?",
    ),
    q(
        "velocity-vs-reliability",
        "Tell me about a time you had to balance shipping speed against reliability.",
        true,
        "Who else had a stake in that balance, and how did you settle it with them?",
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
        "How big was the toil before you started, and how do you know?",
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
        "How did the other teams react when you first proposed it?",
    ),
    q(
        "capacity-crisis",
        "Tell me about a time a system ran out of capacity.",
        false,
        "What told you capacity was running out, and how early?",
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
        "How could you undo each step, and did you need to?",
    ),
    q(
        "on-call-improved",
        "Tell me how you made on-call better for your team.",
        false,
        "What did on-call look like before and after, in numbers?",
    ),
    q(
        "dependency-failure",
        "Tell me about an outage caused by a dependency you did not own.",
        false,
        "What did your service do while the dependency was down, and what does it do now?",
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
        "What happens when the automation itself fails?",
    ),
    q(
        "mentored",
        "Tell me about someone you mentored through their first incidents.",
        false,
        "What could they do at the end that they could not at the start, and how did you see it?",
    ),
    q(
        "conflicting-priorities",
        "Tell me about a time you had two urgent priorities and could not do both.",
        false,
        "How did you decide, and who did you tell?",
    ),
    q(
        "ambiguity",
        "Tell me about a problem you took on when nobody could say what done looked like.",
        false,
        "What did you do in the first week?",
    ),
    q(
        "time-you-were-wrong",
        "Tell me about a time you were wrong about something technical.",
        false,
        "When did you realise, and what did you do next?",
    ),
    q(
        "missed-deadline",
        "Tell me about a deadline you missed.",
        false,
        "When did you know it would slip, and who did you tell?",
    ),
    q(
        "explained-to-executives",
        "Tell me about explaining an incident to executives or customers.",
        false,
        "What did they ask, and what did you answer?",
    ),
    q(
        "cost-reduction",
        "Tell me about a time you cut infrastructure cost.",
        false,
        "What did the savings cost in reliability or effort, if anything?",
    ),
    q(
        "onboarded-on-call",
        "Tell me how you brought new engineers onto an on-call rotation.",
        false,
        "How did you judge that someone was ready to be on call alone?",
    ),
    q(
        "security-tradeoff",
        "Tell me about a hard trade-off between security and reliability or speed.",
        false,
        "Who made the final call, and what did it cost?",
    ),
    q(
        "migration-went-badly",
        "Tell me about a migration that went badly.",
        false,
        "At what point did you know, and what did you do then?",
    ),
    q(
        "postmortem-changed-nothing",
        "Tell me about a postmortem whose action items never happened, and what you did about it.",
        false,
        "Why did the action items stall?",
    ),
    q(
        "said-no",
        "Tell me about a time you said no to another team's request.",
        false,
        "What did they do next, and what did you offer them, if anything?",
    ),
    q(
        "inherited-system",
        "Tell me about a system you inherited that nobody understood.",
        false,
        "What did you learn about it first, and how?",
    ),
    q(
        "slo-negotiation",
        "Tell me about setting or changing an SLO with a product team.",
        false,
        "What number did you start from, and where did you end up?",
    ),
    q(
        "data-loss",
        "Tell me about an incident where data was lost or at risk.",
        false,
        "How did you find out what was affected, and who did you tell?",
    ),
    q(
        "game-day",
        "Tell me about a game day or failure test you ran.",
        false,
        "What did you expect to happen, and what actually happened?",
    ),
    q(
        "tech-debt",
        "Tell me about technical debt you chose to pay down.",
        false,
        "What did you not do in order to make time for it?",
    ),
    q(
        "feedback-received",
        "Tell me about critical feedback you received.",
        false,
        "What did you do with it in the month after?",
    ),
    q(
        "long-incident",
        "Tell me about an incident that went on for many hours or days.",
        false,
        "How was the response organised as it went on?",
    ),
    q(
        "build-vs-buy",
        "Tell me about a time you chose between building a tool and buying one.",
        false,
        "What would have made you choose the other way?",
    ),
    q(
        "simplified",
        "Tell me about something you removed or simplified.",
        false,
        "What did you have to find out before you could remove it?",
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
        assert!(QUESTIONS.len() >= 40);
        for q in &QUESTIONS {
            assert!(q.text.ends_with('.') || q.text.ends_with('?'), "{}", q.id);
            assert!(q.probe.ends_with('?'), "{}", q.id);
        }
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

    #[test]
    fn the_nine_core_questions_keep_their_ids_and_come_first() {
        let core: Vec<&str> = QUESTIONS.iter().filter(|q| q.core).map(|q| q.id).collect();
        assert_eq!(
            core,
            [
                "critical-incident",
                "outage-prevented",
                "root-cause-unknown",
                "outage-you-caused",
                "improved-reliability",
                "velocity-vs-reliability",
                "pushed-back-launch",
                "disagreed-senior",
                "reduced-toil",
            ]
        );
        assert!(QUESTIONS[..9].iter().all(|q| q.core));
    }

    #[test]
    fn the_questions_the_review_asked_for_are_in_the_bank() {
        for id in [
            "conflicting-priorities",
            "ambiguity",
            "time-you-were-wrong",
            "missed-deadline",
            "explained-to-executives",
            "cost-reduction",
            "onboarded-on-call",
            "security-tradeoff",
            "migration-went-badly",
            "postmortem-changed-nothing",
        ] {
            assert!(question(id).is_some(), "{id}");
        }
        // The mentoring probe no longer assumes what the mentor did.
        let probe = question("mentored").map(|q| q.probe).unwrap_or_default();
        assert!(!probe.contains("on purpose"), "{probe}");
    }
}
