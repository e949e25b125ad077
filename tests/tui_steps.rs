//! Steps 2, 3 and 5 and the narrative, driven through `App::update`: items
//! added with keys land on disk; the quiz keeps its round.

mod common;

use std::fs;

use common::{ctrl, key, open, press, screen, type_text};
use crossterm::event::KeyCode;
use sre_prep::tui::app::{Confirm, ScreenId};
use sre_prep::tui::external_editor::EditTarget;

#[test]
fn a_metric_and_an_opinion_added_through_keys_are_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "3n");
    assert_eq!(app.screen(), ScreenId::Form);
    type_text(&mut app, "MTTD for P1 incidents");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "mttd");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "8 min");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "90 s");
    ctrl(&mut app, 's');
    let metrics = fs::read_to_string(tmp.path().join("metrics.json")).unwrap();
    assert!(
        metrics.contains("\"name\": \"MTTD for P1 incidents\""),
        "{metrics}"
    );
    assert!(metrics.contains("\"kind\": \"mttd\""), "{metrics}");
    assert!(metrics.contains("\"after\": \"90 s\""), "{metrics}");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Metrics);
    let text = screen(&mut app, 120, 40);
    assert!(
        text.contains("MTTD for P1 incidents: we went from 8 min to 90 s (-81%, 5.3x less)"),
        "{text}"
    );

    key(&mut app, KeyCode::Esc);
    press(&mut app, "5t");
    key(&mut app, KeyCode::Enter); // the first side of the first debate
    assert_eq!(app.form().unwrap().focus, 2, "straight to 'because'");
    type_text(
        &mut app,
        "a page should mean a customer is hurt, not that a machine is busy",
    );
    key(&mut app, KeyCode::Tab);
    type_text(
        &mut app,
        "When I moved the payments team to burn-rate alerts, false pages fell from 67% to 8%.",
    );
    key(&mut app, KeyCode::Tab);
    type_text(
        &mut app,
        "For batch jobs with no users waiting, a freshness threshold is better.",
    );
    assert_eq!(app.form().unwrap().evaluation().unwrap().score, 100);
    ctrl(&mut app, 's');
    let opinions = fs::read_to_string(tmp.path().join("opinions.json")).unwrap();
    assert!(
        opinions.contains("\"stance\": \"SLO-based (burn-rate) alerting\""),
        "{opinions}"
    );
    assert!(
        opinions.contains("false pages fell from 67% to 8%"),
        "{opinions}"
    );
}

#[test]
fn a_design_starts_from_a_prompt_and_a_textbook_answer_is_called_out() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "2n");
    assert!(app.picker().is_some());
    press(&mut app, "j");
    key(&mut app, KeyCode::Enter); // Kubernetes
    let form = app.form().unwrap();
    let expected = sre_prep::kit::Design {
        prompt: "kubernetes".into(),
        title: "A Kubernetes cluster for a given workload".into(),
        ..Default::default()
    };
    assert_eq!(
        form.check().unwrap(),
        sre_prep::tui::editor::Subject::Item(sre_prep::tui::form::Item::Design(expected))
    );
    ctrl(&mut app, 's');
    let path = tmp
        .path()
        .join("designs/a-kubernetes-cluster-for-a-given-workload.json");
    assert!(path.exists());
    let text = screen(&mut app, 120, 40);
    assert!(
        text.contains("textbook") || text.contains("Ground it"),
        "{text}"
    );
    key(&mut app, KeyCode::Esc);
    let text = screen(&mut app, 120, 40);
    assert!(
        text.contains("Playbook minimum: ci-cd ✗ kubernetes ✓ multi-region ✗"),
        "{text}"
    );
}

#[test]
fn the_quiz_checks_answers_with_units_and_keeps_the_round() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("metrics.json"),
        r#"{ "version": 1, "metrics": [ { "id": "mttd", "name": "MTTD", "kind": "mttd", "before": "8 min", "after": "90 s" } ] }"#,
    )
    .unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "3r");
    assert_eq!(app.screen(), ScreenId::Quiz);
    let quiz = app.quiz().unwrap();
    assert_eq!(quiz.questions.len(), 2);
    let first_expected = quiz.questions[0].expected.clone();
    // Answer the first right in other units, the second wrong.
    type_text(
        &mut app,
        if first_expected == "90 s" {
            "1.5 min"
        } else {
            "480 s"
        },
    );
    key(&mut app, KeyCode::Enter);
    assert!(app.quiz().unwrap().feedback.as_ref().unwrap().0);
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "3 hours");
    key(&mut app, KeyCode::Enter);
    assert!(!app.quiz().unwrap().feedback.as_ref().unwrap().0);
    key(&mut app, KeyCode::Enter);
    assert!(app.quiz().unwrap().finished);
    let reviews = fs::read_to_string(tmp.path().join("reviews.json")).unwrap();
    assert!(reviews.contains("\"date\": \"2026-11-28\""), "{reviews}");
    assert!(reviews.contains("\"typed\": \"3 hours\""), "{reviews}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenId::Metrics);
    assert!(screen(&mut app, 120, 40).contains("Last quiz: 50% right, today"));
}

#[test]
fn the_narrative_is_edited_from_home_with_p() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "p");
    assert_eq!(app.screen(), ScreenId::Form);
    type_text(
        &mut app,
        "I led the move of 40 services to our platform. Deploys went from 2 a week to 30 a day, and incidents from 9 a quarter to 2.",
    );
    ctrl(&mut app, 's');
    let text = fs::read_to_string(tmp.path().join("narrative.json")).unwrap();
    assert!(
        text.contains("Deploys went from 2 a week to 30 a day"),
        "{text}"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Home);
    assert!(screen(&mut app, 100, 30).contains("Platform narrative p: 28 words"));
}

#[test]
fn deleting_a_metric_keeps_a_copy_in_the_trash() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("metrics.json"),
        r#"{ "version": 1, "metrics": [ { "id": "mttr", "name": "MTTR", "kind": "mttr", "before": "47 min", "after": "12 min" } ] }"#,
    )
    .unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "3d");
    assert!(matches!(app.confirm(), Some(Confirm::DeleteItem { .. })));
    press(&mut app, "y");
    assert!(app.kit().metrics.is_empty());
    let trashed: Vec<_> = fs::read_dir(tmp.path().join("trash"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(trashed.len(), 1);
    assert!(fs::read_to_string(&trashed[0]).unwrap().contains("47 min"));
}

#[test]
fn an_opinion_edited_in_the_external_editor_is_saved_or_kept() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("opinions.json"),
        r#"{ "version": 1, "opinions": [ { "id": "canary", "stance": "canary releases", "over": "blue/green" } ] }"#,
    )
    .unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "5");
    let text = "# I believe in\ncanary releases\n# Over\nblue/green\n# Because\nthey limit the blast radius of a bad change to a few percent of users\n";
    let opinion = EditTarget::Item {
        kind: sre_prep::tui::form::FormKind::Opinion,
        index: Some(0),
    };
    app.finish_external_edit(&opinion, Ok(text.to_string()));
    let saved = fs::read_to_string(tmp.path().join("opinions.json")).unwrap();
    assert!(saved.contains("they limit the blast radius"), "{saved}");

    let typo = "# I believe in\ncanary releases\n# Becuase\nmy precious words\n";
    app.finish_external_edit(&opinion, Ok(typo.to_string()));
    // Not saved, not put inside a field: the same text is offered back to fix.
    assert_eq!(app.screen(), ScreenId::Opinions);
    assert!(
        matches!(app.confirm(), Some(sre_prep::tui::app::Confirm::EditAgain { why, .. }) if why.contains("Becuase"))
    );
    press(&mut app, "y");
    match app.pending.take() {
        Some(sre_prep::tui::app::Pending::Edit { target, text }) => {
            assert_eq!(target, opinion);
            assert_eq!(text, typo);
        }
        other => panic!("{other:?}"),
    }
    let saved_after = fs::read_to_string(tmp.path().join("opinions.json")).unwrap();
    assert_eq!(saved_after, saved, "nothing written by the failed edit");
}

#[test]
fn a_nalsd_answer_starts_from_its_numbers_and_the_live_panel_checks_the_arithmetic() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "2n");
    press(&mut app, "jjj");
    key(&mut app, KeyCode::Enter); // NALSD
    let item = app.form().unwrap().check().unwrap();
    let sre_prep::tui::editor::Subject::Item(sre_prep::tui::form::Item::Design(design)) = item
    else {
        panic!("a design form");
    };
    assert_eq!(design.prompt, "nalsd");
    assert!(
        design
            .requirements
            .contains("users view 50,000 photos per second, 200 KB each"),
        "{}",
        design.requirements
    );
    // Nothing written yet: what to work out is named, the answer is not given.
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Arithmetic"), "{text}");
    assert!(text.contains("· To work out: read"), "{text}");
    assert!(!text.contains("10 GB/s"), "{text}");

    for _ in 0..5 {
        key(&mut app, KeyCode::Tab); // to Scaling & capacity
    }
    type_text(
        &mut app,
        "Reads: 50,000 req/s x 200 KB = 10 GB/s. Storage: 40 TB/day x 365 days = 1.46 PB.",
    );
    let notes: Vec<String> = app
        .form()
        .unwrap()
        .evaluation()
        .unwrap()
        .notes
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert!(
        notes.contains(
            &"Your sum: 50,000 req/s × 200 KB = 10 GB/s — your 10 GB/s agrees.".to_string()
        ),
        "{notes:?}"
    );
    assert!(
        notes.contains(
            &"Your sum: 40 TB/day × 365 days = 14.6 PB, not 1.46 PB (10x more).".to_string()
        ),
        "{notes:?}"
    );
    // On screen, wrapped in the panel: marked ✓ and !.
    let text = screen(&mut app, 100, 30);
    assert!(
        text.contains("✓ Your sum: 50,000 req/s × 200 KB = 10"),
        "{text}"
    );
    assert!(
        text.contains("! Your sum: 40 TB/day × 365 days ="),
        "{text}"
    );
    assert!(text.contains("14.6 PB, not 1.46 PB (10x more)."), "{text}");
    // The same notes in an 80x24 terminal, under the score.
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("✓ Your sum: 50,000 req/s ×"), "{text}");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Esc);
    let text = screen(&mut app, 120, 60);
    assert!(
        text.contains("Arithmetic"),
        "the detail shows it too: {text}"
    );
    assert!(text.contains("not 1.46 PB (10x more)"), "{text}");
}

#[test]
fn enter_in_the_interview_details_moves_to_the_next_field() {
    // Each of the interview details is one line: Enter moves on, as in a
    // metric or a title, rather than putting a line break into the date.
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "i");
    assert_eq!(app.screen(), ScreenId::Form);
    type_text(&mut app, "2026-12-10\nAcme\nSenior SRE\n");
    ctrl(&mut app, 's');
    let profile = fs::read_to_string(tmp.path().join("profile.json")).unwrap();
    for line in [
        "\"interview_date\": \"2026-12-10\"",
        "\"company\": \"Acme\"",
        "\"target_role\": \"Senior SRE\"",
    ] {
        assert!(profile.contains(line), "{profile}");
    }
}
