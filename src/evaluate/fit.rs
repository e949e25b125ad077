//! Does a story answer the behavioural question it is linked to? Each core
//! question states what it needs — an outage *you caused* needs a story in
//! which your own change caused it; a disagreement needs a disagreement;
//! an outage prevented needs a failure caught before it happened — and the
//! story's words are checked for it with the scorer's text tools (sentences,
//! the lexicon's tags, first person, hedges masked). A link that does not
//! fit is a weak link, with the reason and what to say instead. One story
//! counts for at most three core questions: interviewers expect a
//! different story for each.

use std::hash::{Hash, Hasher};

use crate::content::questions::{QUESTIONS, question};
use crate::kit::{Story, StoryField};
use crate::score::facts::facts;
use crate::score::lexicon::{Tag, scan};
use crate::score::text::{judge_sentences, tokenize};

/// Core questions one story may count for.
pub const MAX_CORE_PER_STORY: usize = 3;

/// One sentence of a story, read once.
struct Sentence {
    field: StoryField,
    /// Its words, lowercased, hedges left out, between single spaces and
    /// with a space at each end: " my deploy caused it ".
    words: String,
    /// A hash of each word, sorted, once each: most phrases are ruled out
    /// by a word the sentence does not have, without searching it.
    vocabulary: Vec<u64>,
    /// Every tag the lexicon found in it.
    tags: Vec<Tag>,
    /// "I", "my", "me": the speaker.
    mine: bool,
    /// "I" or "we": a first-hand account.
    first_hand: bool,
}

fn word_hash(word: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    word.hash(&mut h);
    h.finish()
}

/// Words that deny what follows them: "it was not my change".
const NEGATIONS: &[&str] = &[
    "not", "never", "no", "wasn't", "isn't", "didn't", "hadn't", "nor", "neither",
];

impl Sentence {
    fn has_tag(&self, tag: Tag) -> bool {
        self.tags.contains(&tag)
    }

    /// Where `phrase` (lowercase words) starts in `words`, each time.
    fn positions<'a>(&'a self, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
        let bytes = self.words.as_bytes();
        let said = phrase
            .split(' ')
            .all(|w| self.vocabulary.binary_search(&word_hash(w)).is_ok());
        let mut from = 0;
        std::iter::from_fn(move || {
            if !said {
                return None;
            }
            loop {
                let at = self.words[from..].find(phrase)? + from;
                from = at + 1;
                // Whole words only: a space on each side ("ran" is not in "rant").
                let end = at + phrase.len();
                if at > 0 && bytes[at - 1] == b' ' && bytes.get(end) == Some(&b' ') {
                    return Some(at);
                }
            }
        })
    }

    fn has(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| self.positions(p).next().is_some())
    }

    /// One of `phrases`, not negated by a "not", "never", "wasn't" ... in
    /// the four words before it.
    fn has_said(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| {
            self.positions(p).any(|at| {
                !self.words[..at]
                    .split(' ')
                    .rev()
                    .filter(|w| !w.is_empty())
                    .take(4)
                    .any(|w| NEGATIONS.contains(&w) || w.ends_with("n't"))
            })
        })
    }
}

/// A story's prose (the six beats; never the title or the private notes),
/// sentence by sentence. Keyword salad does not count, as in the scorer.
pub struct Reading {
    sentences: Vec<Sentence>,
    /// A before/after pair: in the metrics or said in the prose.
    before_after: bool,
    /// The systemic change says, in the first person, what was changed.
    changed_it_myself: bool,
}

impl Reading {
    pub fn of(story: &Story) -> Reading {
        let mut sentences = Vec::new();
        let in_metrics = story
            .metrics
            .iter()
            .any(|m| !m.before.trim().is_empty() && !m.after.trim().is_empty());
        let mut pairs = false;
        for field in StoryField::beats() {
            let text = story.prose(field).unwrap_or_default();
            if text.trim().is_empty() {
                continue;
            }
            let (mut tokens, mut spans) = tokenize(text);
            let hits = scan(&mut tokens);
            judge_sentences(&tokens, &mut spans);
            for (n, span) in spans.iter().enumerate() {
                if !span.counts {
                    continue;
                }
                let mut words = String::from(" ");
                let mut vocabulary: Vec<u64> = Vec::new();
                let (mut mine, mut first_hand) = (false, false);
                for t in tokens[span.first..span.last]
                    .iter()
                    .filter(|t| t.is_word() && !t.masked)
                {
                    let word = t.lower.as_ref();
                    words.push_str(word);
                    words.push(' ');
                    vocabulary.push(word_hash(word));
                    mine |= matches!(word, "i" | "i'm" | "i've" | "i'd" | "my" | "me");
                    first_hand |= matches!(word, "we" | "we're" | "we've" | "we'd" | "our");
                }
                let mut tags = Vec::new();
                for hit in hits.iter().filter(|h| tokens[h.first].sentence == n) {
                    for tag in ALL_TAGS {
                        if hit.tags.has(tag) && !tags.contains(&tag) {
                            tags.push(tag);
                        }
                    }
                }
                vocabulary.sort_unstable();
                vocabulary.dedup();
                sentences.push(Sentence {
                    field,
                    words,
                    vocabulary,
                    tags,
                    mine,
                    first_hand: first_hand || mine,
                });
            }
            // Said in the prose, when the metrics do not hold a pair.
            if !in_metrics && !pairs {
                let said = facts(text);
                pairs = !said.pairs.is_empty() || said.relative_change;
            }
        }
        // "I added ...", "I moved ...": a change the speaker made, for good.
        let changed_it_myself = sentences.iter().any(|s| {
            s.field == StoryField::SystemicChange
                && s.mine
                && (s.has_tag(Tag::ChangeVerb) || s.has_tag(Tag::FixAction))
        });
        Reading {
            sentences,
            before_after: in_metrics || pairs,
            changed_it_myself,
        }
    }

    fn any(&self, test: impl Fn(&Sentence) -> bool) -> bool {
        self.sentences.iter().any(test)
    }

    fn has(&self, phrases: &[&str]) -> bool {
        self.any(|s| s.has(phrases))
    }
}

/// The tags a fit rule may ask about.
const ALL_TAGS: [Tag; 7] = [
    Tag::Failure,
    Tag::Affected,
    Tag::Investigate,
    Tag::Alternative,
    Tag::Reason,
    Tag::FixAction,
    Tag::ChangeVerb,
];

/// What a core question needs of a story, and how it is checked.
pub struct Need {
    pub question: &'static str,
    /// What the story must show, in a few words: "your own change caused the outage".
    pub needs: &'static str,
    /// Why a story that does not show it is a weak link, and what to say.
    pub missing: &'static str,
    check: fn(&Reading) -> bool,
}

const CAUSED: &[&str] = &[
    "caused",
    "broke",
    "took down",
    "brought down",
    "knocked out",
    "triggered",
    "led to",
    "took out",
    "logged out",
];
const MY_CHANGE: &[&str] = &[
    "my change",
    "my deploy",
    "my deployment",
    "my config",
    "my configuration",
    "my commit",
    "my migration",
    "my script",
    "my release",
    "my push",
    "my rollout",
    "my pr",
    "my pull request",
    "my patch",
    "my typo",
    "my bug",
    "my code",
    "my query",
    "my command",
    "my upgrade",
];
const OUR_CHANGE: &[&str] = &[
    "our change",
    "our deploy",
    "our deployment",
    "our config",
    "our commit",
    "our migration",
    "our release",
    "our rollout",
    "a change we",
    "we pushed",
    "we deployed",
    "we shipped",
    "we caused",
];
const I_CHANGED: &[&str] = &[
    "i pushed",
    "i deployed",
    "i shipped",
    "i merged",
    "i ran",
    "i changed",
    "i rolled out",
    "i released",
    "i applied",
    "i introduced",
    "i upgraded",
    "i deleted",
    "i dropped",
    "i migrated",
    "i misconfigured",
    "i typed",
    "i made a change",
];

fn my_change_caused_it(r: &Reading) -> bool {
    r.any(|s| {
        s.mine
            && (s.has_said(&["i caused", "my fault", "my mistake"])
                || (s.has_said(MY_CHANGE) && (s.has_said(CAUSED) || s.has_tag(Tag::Failure)))
                || (s.has_said(I_CHANGED) && s.has_said(CAUSED)))
    })
}

fn incident(r: &Reading) -> bool {
    r.any(|s| s.has_tag(Tag::Failure)) && r.any(|s| s.mine)
}

fn prevented(r: &Reading) -> bool {
    r.any(|s| {
        s.first_hand
            && (s.has_said(&[
                "prevented",
                "averted",
                "headed off",
                "near miss",
                "forestalled",
            ]) || (s.has_said(&[
                "caught",
                "spotted",
                "noticed",
                "predicted",
                "forecast",
                "projected",
                "flagged",
                "stopped",
                "warned",
                "detected",
                "foresaw",
                "anticipated",
            ]) && s.has(&["before", "in time", "ahead of", "would have"])))
    })
}

fn unknown_cause(r: &Reading) -> bool {
    r.any(|s| {
        matches!(s.field, StoryField::Fix | StoryField::RootCause)
            && s.first_hand
            && s.has_tag(Tag::Investigate)
    }) && r.any(|s| {
        !s.has(&["straight away", "right away", "immediately", "at once"]) && s.has(UNSURE)
    })
}

/// Words of a cause not known at first.
const UNSURE: &[&str] = &[
    "at first",
    "initially",
    "first thought",
    "we thought",
    "i thought",
    "suspected",
    "ruled out",
    "rule out",
    "turned out",
    "assumed",
    "hypothesis",
    "hypotheses",
    "theory",
    "theories",
    "red herring",
    "not obvious",
    "unclear",
    "no idea",
    "mystery",
    "misled",
    "dead end",
    "wrong lead",
    "puzzled",
    "could not explain",
    "couldn't explain",
    "did not know",
    "didn't know",
    "not the cause",
    "wasn't the cause",
];

fn improvement(r: &Reading) -> bool {
    r.changed_it_myself && r.before_after
}

const SPEED: &[&str] = &[
    "ship",
    "shipping",
    "shipped",
    "launch",
    "launches",
    "release",
    "releases",
    "deploy",
    "deploys",
    "deployment",
    "deployments",
    "velocity",
    "speed",
    "faster",
    "deadline",
    "feature",
    "features",
    "roadmap",
    "freeze",
    "delivery",
    "cadence",
    "time to market",
];
const SAFETY: &[&str] = &[
    "reliability",
    "reliable",
    "risk",
    "risks",
    "risky",
    "outage",
    "outages",
    "incident",
    "incidents",
    "slo",
    "slos",
    "error budget",
    "stability",
    "availability",
    "safe",
    "safer",
    "safely",
    "error rate",
    "errors",
    "canary",
    "rollback",
    "quality",
];

/// Speed and reliability in one sentence, weighed there: in the decision,
/// or with an alternative or a reason beside them.
fn speed_against_reliability(r: &Reading) -> bool {
    r.any(|s| {
        s.has(SPEED)
            && s.has(SAFETY)
            && (s.field == StoryField::Decision
                || s.has_tag(Tag::Alternative)
                || s.has_tag(Tag::Reason))
    })
}

fn pushed_back(r: &Reading) -> bool {
    r.any(|s| {
        s.first_hand
            && s.has_said(&[
                "pushed back",
                "push back",
                "objected",
                "blocked",
                "delayed",
                "postponed",
                "held back",
                "halted",
                "vetoed",
                "refused",
                "said no",
                "argued against",
                "paused",
                "no go",
                "called off",
                "pulled",
            ])
            && s.has(&[
                "launch",
                "launches",
                "release",
                "rollout",
                "go live",
                "ship",
                "shipping",
                "migration",
                "cutover",
                "cut over",
                "deadline",
                "feature",
                "deploy",
                "deployment",
            ])
    })
}

fn disagreement(r: &Reading) -> bool {
    r.any(|s| {
        s.first_hand
            && s.has_said(&[
                "disagreed",
                "disagree",
                "disagreement",
                "pushed back",
                "push back",
                "argued",
                "objected",
                "challenged",
                "overruled",
                "debated",
                "convinced",
                "persuaded",
                "pushback",
                "conflict",
            ])
    }) && r.has(&[
        "manager",
        "director",
        "vp",
        "cto",
        "ceo",
        "principal",
        "staff engineer",
        "senior engineer",
        "architect",
        "tech lead",
        "head of",
        "boss",
        "leadership",
        "skip level",
        "executive",
        "senior",
    ])
}

fn toil(r: &Reading) -> bool {
    r.before_after
        && r.has(&[
            "toil",
            "manual",
            "manually",
            "by hand",
            "repetitive",
            "tickets",
            "pages",
            "paged",
            "false positives",
            "noise",
            "interrupts",
            "chore",
            "chores",
            "click ops",
            "copy paste",
            "hours a week",
            "on call load",
        ])
}

/// What each core question needs.
pub const NEEDS: [Need; 9] = [
    Need {
        question: "critical-incident",
        needs: "an incident that hurt users or the business, and what you did in it",
        missing: "the story names no incident: say what broke and for whom (\"checkout failed for 31% of EU customers\") and what you did.",
        check: incident,
    },
    Need {
        question: "outage-prevented",
        needs: "a failure you saw coming and stopped before it happened",
        missing: "the story does not say you stopped a failure before it happened: say what would have broken and when you caught it (\"I caught the disk filling two days before it would have stopped writes\").",
        check: prevented,
    },
    Need {
        question: "root-cause-unknown",
        needs: "a root cause you did not know at first, and how you found it",
        missing: "the story does not show a cause you did not know: say what you suspected or ruled out first, and what finally showed the cause.",
        check: unknown_cause,
    },
    Need {
        question: "outage-you-caused",
        needs: "an outage your own change caused, said in the first person",
        missing: "the story never says your change caused the outage: say it plainly (\"my config push logged everyone out\").",
        check: my_change_caused_it,
    },
    Need {
        question: "improved-reliability",
        needs: "a lasting change you made, with its before and after",
        missing: "say what you changed for good, in the first person, and its before and after (\"I added a CI check; config incidents went from 4 a quarter to 0\").",
        check: improvement,
    },
    Need {
        question: "velocity-vs-reliability",
        needs: "shipping speed weighed against reliability, and the call you made",
        missing: "the story weighs no shipping speed against reliability: say what would have shipped faster, what it risked, and what you chose.",
        check: speed_against_reliability,
    },
    Need {
        question: "pushed-back-launch",
        needs: "a launch or release you pushed back on",
        missing: "the story has no launch you pushed back on: say what was about to ship, what you objected to, and what happened.",
        check: pushed_back,
    },
    Need {
        question: "disagreed-senior",
        needs: "a disagreement with someone senior to you",
        missing: "the story has no disagreement with someone senior: say who (your manager, the principal engineer), what each of you argued, and how it ended.",
        check: disagreement,
    },
    Need {
        question: "reduced-toil",
        needs: "manual, repetitive work you removed, with how much less of it there is",
        missing: "the story names no toil: say what manual or repetitive work it was and how much less there is now (\"38 pages a week down to 6\").",
        check: toil,
    },
];

/// What `question` needs of a story (`None` for a question that is not core).
pub fn need(question: &str) -> Option<&'static Need> {
    NEEDS.iter().find(|n| n.question == question)
}

/// Whether a story fits a question: `Err` says why it is a weak link.
pub fn fits(reading: &Reading, question: &str) -> Result<(), String> {
    let Some(need) = need(question) else {
        return Ok(());
    };
    if (need.check)(reading) {
        return Ok(());
    }
    if need.question == "outage-you-caused"
        && reading
            .any(|s| s.has_said(OUR_CHANGE) && (s.has_said(CAUSED) || s.has_tag(Tag::Failure)))
    {
        return Err("the story says the change was the team's (\"our\", \"we\"): an outage you caused needs your own change — say \"my deploy took checkout down\".".into());
    }
    Err(need.missing.to_string())
}

/// One link of a story to a behavioural question, judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub question: &'static str,
    pub core: bool,
    /// `Ok` when it counts; else why it is a weak link.
    pub verdict: Result<(), String>,
}

/// Every link of a story, in the order it was linked, judged: a core link
/// that fits counts, up to three per story; a link to an unknown question
/// is left out.
pub fn judge_links(story: &Story) -> Vec<Link> {
    if story.questions.is_empty() {
        return Vec::new();
    }
    let reading = Reading::of(story);
    let mut counted = 0;
    let mut links: Vec<Link> = Vec::new();
    for id in &story.questions {
        let Some(q) = question(id) else { continue };
        if links.iter().any(|l| l.question == q.id) {
            continue;
        }
        // A link that does not fit says why; one that fits past the third
        // says that the story counts for three already.
        let mut verdict = fits(&reading, q.id);
        if q.core && verdict.is_ok() {
            if counted == MAX_CORE_PER_STORY {
                let first: Vec<&str> = links
                    .iter()
                    .filter(|l| l.core && l.verdict.is_ok())
                    .map(|l| l.question)
                    .collect();
                verdict = Err(format!(
                    "this story already counts for {MAX_CORE_PER_STORY} core questions ({}): interviewers expect a different story here — write or link another one.",
                    first.join(", ")
                ));
            } else {
                counted += 1;
            }
        }
        links.push(Link {
            question: q.id,
            core: q.core,
            verdict,
        });
    }
    links
}

/// The core questions, in the bank's order.
pub fn core_questions() -> impl Iterator<Item = &'static str> {
    QUESTIONS.iter().filter(|q| q.core).map(|q| q.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::examples::example_stories;

    fn example(id: &str) -> Story {
        example_stories()
            .into_iter()
            .find(|s| s.id == id)
            .expect("an example")
    }

    fn verdict(story: &Story, question: &str) -> Result<(), String> {
        fits(&Reading::of(story), question)
    }

    #[test]
    fn every_core_question_states_what_it_needs() {
        let core: Vec<&str> = core_questions().collect();
        let needed: Vec<&str> = NEEDS.iter().map(|n| n.question).collect();
        assert_eq!(core, needed);
    }

    #[test]
    fn the_examples_fit_the_core_questions_they_answer() {
        for story in example_stories() {
            for id in &story.questions {
                assert_eq!(verdict(&story, id), Ok(()), "{} -> {id}", story.id);
            }
        }
    }

    #[test]
    fn an_outage_you_caused_needs_your_change_to_have_caused_it() {
        let checkout = example("checkout-db-pool");
        let why = verdict(&checkout, "outage-you-caused").unwrap_err();
        assert!(why.contains("never says your change caused"), "{why}");
        let mut ours = checkout.clone();
        ours.role = "Our deploy caused the outage; I was the incident commander.".into();
        let why = verdict(&ours, "outage-you-caused").unwrap_err();
        assert!(why.contains("the team's"), "{why}");
        let mut mine = checkout.clone();
        mine.role = "My deploy caused the outage, and I was the incident commander.".into();
        assert_eq!(verdict(&mine, "outage-you-caused"), Ok(()));
        let mut denied = checkout;
        denied.role =
            "It was not my change that broke checkout; I was the incident commander.".into();
        assert!(verdict(&denied, "outage-you-caused").is_err());
    }

    #[test]
    fn a_disagreement_and_a_prevention_need_their_own_words() {
        let alerting = example("alerting-redesign");
        assert!(verdict(&alerting, "disagreed-senior").is_err());
        assert!(verdict(&alerting, "outage-prevented").is_err());
        let mut argued = alerting.clone();
        argued.decision.push_str(
            " My manager wanted to keep the threshold alerts for another quarter; I disagreed and showed him the six months of pages.",
        );
        assert_eq!(verdict(&argued, "disagreed-senior"), Ok(()));
        let mut caught = alerting;
        caught.decision.push_str(
            " I caught the disk on the ledger database filling two days before it would have stopped writes.",
        );
        assert_eq!(verdict(&caught, "outage-prevented"), Ok(()));
    }

    #[test]
    fn a_hedge_never_makes_a_fit() {
        let mut story = example("checkout-db-pool");
        story.role = "I kind of caused it, basically.".into();
        // "caused" with the speaker: a hedge around it changes nothing.
        assert_eq!(verdict(&story, "outage-you-caused"), Ok(()));
        // "I think" is a hedge, not the speaker: no first-hand disagreement.
        story.role = "Maybe the manager disagreed, I think.".into();
        assert!(verdict(&story, "disagreed-senior").is_err());
    }

    #[test]
    fn one_story_counts_for_three_core_questions_at_most() {
        let mut story = example("bad-config-deploy");
        story.decision.push_str(
            " My manager wanted to ride it out; I disagreed, and the rollback went ahead.",
        );
        story.questions = core_questions().map(String::from).collect();
        let links = judge_links(&story);
        assert_eq!(links.len(), 9);
        let counted: Vec<&str> = links
            .iter()
            .filter(|l| l.verdict.is_ok())
            .map(|l| l.question)
            .collect();
        assert_eq!(counted.len(), MAX_CORE_PER_STORY, "{links:#?}");
        assert!(counted.contains(&"critical-incident"));
        assert!(counted.contains(&"outage-you-caused"));
        assert!(
            !counted.contains(&"disagreed-senior"),
            "the fourth fit is over the cap"
        );
        let capped = links
            .iter()
            .filter_map(|l| l.verdict.as_ref().err())
            .filter(|why| why.contains("already counts for 3"))
            .count();
        assert!(capped >= 1, "{links:#?}");
    }
}
