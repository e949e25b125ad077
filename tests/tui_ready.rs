//! Readiness you can trust (issue 13), through the app's keys: examples kept
//! apart from the user's stories, coverage that fits, designs judged on
//! distinct content, a quiz that hides what it asks, judged follow-ups,
//! `R` and unfinished stories, past interview dates.

mod common;

use std::fs;

use crossterm::event::KeyCode;
use sre_prep::tui::app::{RehearsalStep, ScreenId};

use common::{ctrl, key, open, press, screen, type_text, with_examples};

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(r"/tmp/\.tmp[A-Za-z0-9]+", "[DATA]");
    s.add_filter(r"/tmp/tmp[A-Za-z0-9.]+", "[DATA]");
    // A typed answer takes a moment in a test; on a slow machine a second.
    s.add_filter(r"(⏱ |in )\d+:\d\d", "${1}M:SS");
    s
}

/// Words of the screen, joined: text that wraps reads as one line.
fn prose(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || "│┌┐└┘─".contains(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn readiness_item(app: &sre_prep::tui::app::App, id: &str) -> sre_prep::readiness::Item {
    app.readiness()
        .expect("worked out")
        .items
        .iter()
        .find(|i| i.id == id)
        .expect("an item")
        .clone()
}

#[test]
fn the_examples_are_shown_marked_and_never_counted_until_one_is_copied() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    let home = screen(&mut app, 80, 24);
    assert!(
        prose(&home).contains("x see the example stories (read-only)"),
        "{home}"
    );
    press(&mut app, "x");
    assert_eq!(app.screen(), ScreenId::Stories);
    assert!(app.showing_examples());
    let text = screen(&mut app, 100, 30);
    assert!(
        text.contains("1 Incident stories · examples (read-only)"),
        "{text}"
    );
    assert!(
        text.contains("Examples (4) · built in, read-only"),
        "{text}"
    );
    assert_eq!(
        text.matches(" example │").count(),
        4,
        "each row says so:\n{text}"
    );
    assert!(
        text.contains("EXAMPLE — built in and read-only; it never counts toward"),
        "{text}"
    );
    assert!(text.contains("Example — read-only"), "{text}");
    settings().bind(|| insta::assert_snapshot!("examples_marked_100x30", text));

    // Never in the kit, never counted.
    assert!(app.kit().stories.is_empty());
    assert!(!tmp.path().join("stories").read_dir().unwrap().any(|_| true));
    while app.score_some(usize::MAX) {}
    let stories = readiness_item(&app, "stories");
    assert!(!stories.met);
    assert_eq!(stories.detail, "0 of 3 stories ready");
    assert_eq!(
        readiness_item(&app, "coverage").detail.split(';').next(),
        Some("0 of 9 core questions covered")
    );

    // Read-only: the editing keys do nothing to an example.
    let selected = app.selected_story().unwrap().id.clone();
    press(&mut app, "edr");
    assert_eq!(app.screen(), ScreenId::Stories);
    assert!(app.editor().is_none() && app.confirm().is_none() && app.picker().is_none());
    // Saying it out loud is marked as an example too.
    press(&mut app, "s");
    let spoken = screen(&mut app, 80, 24);
    assert!(spoken.contains("say it out loud · an example"), "{spoken}");
    assert!(
        prose(&spoken).contains("EXAMPLE — built in and read-only, not your story"),
        "{spoken}"
    );
    key(&mut app, KeyCode::Esc);

    // Copied on purpose, it is the user's own: on disk, editable, counted.
    press(&mut app, "c");
    assert!(!app.showing_examples(), "back to the user's stories");
    assert_eq!(app.kit().stories.len(), 1);
    assert_eq!(app.kit().stories[0].id, selected);
    assert!(
        tmp.path()
            .join(format!("stories/{selected}.json"))
            .is_file()
    );
    let status = app.status().unwrap().text.clone();
    assert!(
        status.starts_with("Copied '") && status.contains("it is yours now"),
        "{status}"
    );
    let text = screen(&mut app, 100, 30);
    assert!(text.contains("Stories (1)"), "{text}");
    assert!(!text.contains(" example │"), "{text}");
    while app.score_some(usize::MAX) {}
    assert!(
        readiness_item(&app, "stories")
            .detail
            .starts_with("1 of 3 stories ready")
    );
    press(&mut app, "e");
    assert_eq!(
        app.screen(),
        ScreenId::Editor,
        "a copy edits like any story"
    );
    key(&mut app, KeyCode::Esc);

    // Copying the same example again finds the copy rather than making another.
    press(&mut app, "x");
    let row = (0..4)
        .find(|_| {
            let same = app.selected_story().unwrap().id == selected;
            if !same {
                press(&mut app, "j");
            }
            same
        })
        .is_some();
    assert!(row);
    press(&mut app, "c");
    assert_eq!(app.kit().stories.len(), 1);
    assert!(
        app.status()
            .unwrap()
            .text
            .contains("is in your stories already"),
        "{:?}",
        app.status()
    );
}

#[test]
fn the_cheat_sheet_written_in_the_app_holds_no_example() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "x");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Home);
    press(&mut app, "cM");
    let sheet = fs::read_to_string(tmp.path().join("cheat-sheet.md")).unwrap();
    assert!(sheet.contains("## Stories\n\n(none yet)"), "{sheet}");
    assert!(!sheet.contains("Paging on symptoms"), "{sheet}");
}

#[test]
fn a_link_that_does_not_fit_is_weak_and_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    // Story 1 in file order is the alerting redesign: link it to every core question.
    press(&mut app, "cm");
    assert_eq!(app.coverage().unwrap().story, 0);
    for row in 0..9 {
        while app.coverage().unwrap().question < row {
            press(&mut app, "j");
        }
        let linked = app.kit().stories[0]
            .questions
            .iter()
            .any(|q| q == sre_prep::content::questions::QUESTIONS[row].id);
        if !linked {
            key(&mut app, KeyCode::Char(' '));
        }
    }
    assert!(app.kit().stories[0].questions.len() >= 9);
    // The cursor on "a disagreement with a senior engineer": a weak link.
    press(&mut app, "k");
    let text = screen(&mut app, 120, 40);
    assert!(text.contains(" ◌ "), "{text}");
    assert!(
        prose(&text).contains("Weak link: the story has no disagreement with someone senior"),
        "{text}"
    );
    // Linking it again: the message says so too.
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char(' '));
    let status = app.status().unwrap().text.clone();
    assert!(
        status.starts_with("'Paging on symptoms: rebuilding alerting for the payments API' is linked to \u{201c}Tell me about a disagreement with a senior engineer or manager.\u{201d} as a weak link: the story has no disagreement"),
        "{status}"
    );
    key(&mut app, KeyCode::Esc);
    while app.score_some(usize::MAX) {}
    let coverage = readiness_item(&app, "coverage");
    assert!(!coverage.met);
    assert!(
        coverage.detail.contains("weak link 'Paging on symptoms: rebuilding alerting for the payments API' -> outage-prevented"),
        "{}",
        coverage.detail
    );
    let text = prose(&screen(&mut app, 120, 60));
    assert!(text.contains("weak link 'Paging on symptoms"), "{text}");
}

#[test]
fn a_design_pasted_into_every_section_counts_once_and_shows_what_interviewers_probe() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "2n");
    key(&mut app, KeyCode::Enter); // the CI/CD prompt
    assert_eq!(app.screen(), ScreenId::Form);
    for (w, h) in [(80, 24), (160, 45)] {
        let text = screen(&mut app, w, h);
        for part in [
            "What interviewers probe",
            "From merge to production:",
            "the team grows.",
        ] {
            assert!(text.contains(part), "{w}x{h}: {part}\n{text}");
        }
    }
    let sentence = "The build and deploy platform I ran for 120 engineers at a payments company, on Buildkite and Argo CD, with 300 deploys a day.";
    key(&mut app, KeyCode::Tab); // prompt
    for _ in 0..7 {
        key(&mut app, KeyCode::Tab);
        type_text(&mut app, sentence);
    }
    ctrl(&mut app, 's');
    assert_eq!(app.kit().designs.len(), 1);
    // The live check says so (its column at 160x45), as the evaluation does.
    let text = screen(&mut app, 160, 45);
    assert!(text.contains("so it counts as empty"), "{text}");
    let check = app.form().unwrap().evaluation().unwrap().clone();
    let requirements = check
        .checks
        .iter()
        .find(|c| c.id == "requirements")
        .unwrap();
    assert_eq!(requirements.points, 0);
    assert!(
        requirements.detail.starts_with(
            "Repeats the Real system section (100% the same words), so it counts as empty"
        ),
        "{}",
        requirements.detail
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    while app.score_some(usize::MAX) {}
    let designs = readiness_item(&app, "designs");
    assert!(
        designs
            .detail
            .starts_with("0 of 5 design answers complete; 1 more is started but not complete yet"),
        "{}",
        designs.detail
    );
}

/// Four metrics whose notes and one name hold values the quiz asks for.
fn quiz_kit(dir: &std::path::Path) {
    fs::write(
        dir.join("metrics.json"),
        r#"{ "version": 1, "metrics": [
          { "id": "slo", "name": "Checkout availability", "kind": "slo", "before": "99.5%", "after": "99.95%", "note": "30 days; we went from 99.5% to 99.95%" },
          { "id": "mttd", "name": "MTTD for P1 incidents", "kind": "mttd", "before": "8 min", "after": "90 s", "note": "I rebuilt alerting: 8 min -> 90 s" },
          { "id": "mttr", "name": "MTTR (was 47 min)", "kind": "mttr", "before": "47 min", "after": "12 min", "note": "" },
          { "id": "pages", "name": "Pages per week", "kind": "oncall", "before": "38 pages/week", "after": "6 pages/week", "note": "" } ] }"#,
    )
    .unwrap();
}

#[test]
fn no_value_the_quiz_asks_is_on_screen_during_the_round() {
    let tmp = tempfile::tempdir().unwrap();
    quiz_kit(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "3");
    // Before the round the values are there to learn.
    assert!(screen(&mut app, 160, 45).contains("8 min"));
    press(&mut app, "r");
    assert_eq!(app.screen(), ScreenId::Quiz);
    let values: Vec<String> = app
        .quiz()
        .unwrap()
        .questions
        .iter()
        .map(|q| q.expected.clone())
        .collect();
    assert_eq!(values.len(), 8);
    let asked = values.len();
    for n in 0..asked {
        let current = app.quiz().unwrap().questions[n].expected.clone();
        for (w, h) in [(160, 45), (80, 24)] {
            let text = screen(&mut app, w, h);
            for value in &values {
                assert!(
                    !text.contains(value.as_str()),
                    "{value} shown at {w}x{h}, question {n}:\n{text}"
                );
            }
            assert!(
                text.contains(&format!("Question {} of {asked}", n + 1)),
                "{text}"
            );
        }
        type_text(&mut app, "1 s");
        key(&mut app, KeyCode::Enter);
        // The answer to this question is told; no other value is shown.
        for (w, h) in [(160, 45), (80, 24)] {
            let text = screen(&mut app, w, h);
            assert!(text.contains(current.as_str()), "{text}");
            for value in values
                .iter()
                .filter(|v| !v.contains(current.as_str()) && !current.contains(v.as_str()))
            {
                assert!(
                    !text.contains(value.as_str()),
                    "{value} shown after question {n} at {w}x{h}:\n{text}"
                );
            }
        }
        key(&mut app, KeyCode::Enter);
    }
    assert!(app.quiz().unwrap().finished);
    // The name with a value in it was shown without it.
    assert!(!values.is_empty());
}

#[test]
fn follow_up_answers_are_judged_shown_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1og"); // by title: the config push, first
    assert_eq!(app.selected_story().unwrap().id, "bad-config-deploy");
    press(&mut app, "r");
    key(&mut app, KeyCode::Enter);
    type_text(
        &mut app,
        "I pushed a config change that logged users out. I rolled it back and I added a canary for config.",
    );
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Enter);
    let asked = app.rehearsal().unwrap().follow_ups.clone();
    assert!((2..=3).contains(&asked.len()));
    for i in 0..asked.len() {
        assert_eq!(app.rehearsal().unwrap().step, RehearsalStep::FollowUp(i));
        if i == 0 {
            type_text(
                &mut app,
                "It depends, but basically I would do the same thing again.",
            );
        } else {
            type_text(
                &mut app,
                "Failed logins went from 35% to 0.5% within 6 minutes of my revert, and config incidents went from 4 a quarter to 0.",
            );
        }
        ctrl(&mut app, 's');
    }
    assert_eq!(app.rehearsal().unwrap().step, RehearsalStep::Rate);
    let judged = app.rehearsal().unwrap().follow_judged.clone();
    assert_eq!(judged.len(), asked.len());
    assert_eq!(judged[0].aims, asked[0].aims);
    assert_eq!(judged[0].score, 0);
    assert_eq!(
        judged[0].flags[0],
        "\"it depends\": say on what, then commit to what you would do."
    );
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("Follow-ups, each judged on what it asked"),
        "{text}"
    );
    assert!(
        prose(&text).contains("! \"it depends\": say on what, then commit to what you would do."),
        "{text}"
    );
    settings().bind(|| insta::assert_snapshot!("rehearsal_follow_ups_judged_80x24", text));
    settings().bind(|| {
        insta::assert_snapshot!(
            "rehearsal_follow_ups_judged_100x40",
            screen(&mut app, 100, 40)
        )
    });

    press(&mut app, "3");
    assert_eq!(app.screen(), ScreenId::Stories);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(tmp.path().join("reviews.json")).unwrap())
            .unwrap();
    let kept = &json["reviews"]["rehearsals"][0]["follow_ups"];
    assert_eq!(kept.as_array().unwrap().len(), asked.len());
    assert_eq!(kept[0]["aims"], asked[0].aims.key());
    assert_eq!(kept[0]["score"], 0);
    assert_eq!(
        kept[0]["flags"][0],
        "\"it depends\": say on what, then commit to what you would do."
    );
    assert_eq!(kept[1]["aims"], asked[1].aims.key());
    assert_eq!(kept[1]["score"], u64::from(judged[1].score));
}

#[test]
fn a_reviews_file_from_before_the_judged_follow_ups_still_loads() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    fs::write(
        tmp.path().join("reviews.json"),
        r#"{ "version": 1, "reviews": { "rehearsals": [ { "date": "2026-11-20", "question": "critical-incident",
          "story": "checkout-db-pool", "answer": "An answer.", "score": 40, "duration_seconds": 90,
          "follow_ups": [ { "question": "How exactly did you find the root cause?", "answer": "Logs." } ], "rating": 3 } ] } }"#,
    )
    .unwrap();
    let app = open(tmp.path());
    assert!(app.problems().is_empty(), "{:?}", app.problems());
    let old = &app.reviews().rehearsals[0].follow_ups[0];
    assert_eq!(old.answer, "Logs.");
    assert_eq!((old.aims.as_str(), old.score, old.flags.len()), ("", 0, 0));
}

#[test]
fn r_sends_the_user_to_finish_a_story_with_empty_beats() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("stories")).unwrap();
    fs::write(
        tmp.path().join("stories/idea.json"),
        r#"{ "version": 1, "title": "The DNS outage, to write up" }"#,
    )
    .unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "R");
    assert!(app.rehearsal().is_none(), "no rehearsal of an empty story");
    assert_eq!(app.screen(), ScreenId::Editor);
    let editor = app.editor().unwrap();
    assert_eq!(editor.editing.as_deref(), Some("idea"));
    assert_eq!(editor.focus, 1, "the first empty beat: the blast radius");
    let status = app.status().unwrap().text.clone();
    assert!(
        status.starts_with("'The DNS outage, to write up' was picked")
            && status.contains("but it has empty beats — Blast radius, My role, Decision, Fix, How I found the root cause, Systemic change. Finish it first"),
        "{status}"
    );

    // With whole stories beside it, the weakest whole story is rehearsed.
    drop(app);
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "R");
    // The pick (a core question nothing answers, the strongest story) is whole.
    assert_eq!(app.screen(), ScreenId::Rehearse, "{:?}", app.status());
    let r = app.rehearsal().unwrap();
    assert!(
        app.kit()
            .story(&r.story_id)
            .unwrap()
            .empty_beats()
            .is_empty()
    );
}

#[test]
fn a_past_interview_date_is_refused_and_a_passed_one_never_counted_down() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "i");
    type_text(&mut app, "2025-12-12");
    ctrl(&mut app, 's');
    let status = app.status().unwrap().text.clone();
    assert!(
        status.contains(
            "Interview date 2025-12-12 is in the past: give the date of your next interview"
        ),
        "{status}"
    );
    assert!(!tmp.path().join("profile.json").exists(), "nothing saved");

    // A date that passed while on file (written before): marked passed, never counted down.
    drop(app);
    fs::write(
        tmp.path().join("profile.json"),
        r#"{ "version": 1, "profile": { "interview_date": "2025-12-12", "company": "Acme", "target_role": "SRE" } }"#,
    )
    .unwrap();
    let mut app = open(tmp.path());
    let text = prose(&screen(&mut app, 100, 30));
    assert!(
        text.contains("interview date at Acme passed 351 days ago — i sets the next"),
        "{text}"
    );
    assert!(
        text.contains("Today: Your interview date 2025-12-12 has passed (351 days ago)"),
        "{text}"
    );
    assert!(!text.contains("days to your interview"), "{text}");
    // Editing the company keeps the old date: only a new date is refused.
    press(&mut app, "i");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, " Corp");
    ctrl(&mut app, 's');
    let profile = fs::read_to_string(tmp.path().join("profile.json")).unwrap();
    assert!(profile.contains("Acme Corp"), "{profile}");
}
