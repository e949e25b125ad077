//! Every screen, drawn on ratatui's TestBackend and kept as a reviewed
//! snapshot: at 80x24 and larger, empty and with data, too small.

mod common;

use common::{key, open, press, screen, with_examples};
use crossterm::event::KeyCode;

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(r"/tmp/\.tmp[A-Za-z0-9]+", "[DATA]");
    s.add_filter(r"/tmp/tmp[A-Za-z0-9.]+", "[DATA]");
    s
}

#[test]
fn home_first_run() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    settings().bind(|| {
        insta::assert_snapshot!("home_first_run_80x24", screen(&mut app, 80, 24));
        insta::assert_snapshot!("home_first_run_120x40", screen(&mut app, 120, 40));
    });
}

#[test]
fn home_with_data_and_an_interview_date() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    std::fs::write(
        tmp.path().join("profile.json"),
        r#"{ "version": 1, "profile": { "interview_date": "2026-12-10", "company": "Acme", "target_role": "SRE" } }"#,
    )
    .unwrap();
    let mut app = open(tmp.path());
    settings().bind(|| {
        insta::assert_snapshot!("home_with_data_80x24", screen(&mut app, 80, 24));
        insta::assert_snapshot!("home_with_data_100x30", screen(&mut app, 100, 30));
    });
}

#[test]
fn stories_list_and_detail() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1");
    settings().bind(|| {
        insta::assert_snapshot!("stories_80x24", screen(&mut app, 80, 24));
        insta::assert_snapshot!("stories_120x40", screen(&mut app, 120, 40));
        // The weak example, its detail scrolled to the advice and warnings.
        press(&mut app, "G");
        key(&mut app, KeyCode::Enter);
        press(&mut app, "jjjjjjjjjjjj");
        insta::assert_snapshot!("stories_weak_detail_120x40", screen(&mut app, 120, 40));
    });
}

#[test]
fn editor_new_and_existing() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1n");
    common::type_text(&mut app, "DNS outage");
    key(&mut app, KeyCode::Tab);
    common::type_text(
        &mut app,
        "For 40 minutes 12% of lookups failed for EU customers.",
    );
    settings().bind(|| {
        insta::assert_snapshot!("editor_new_100x30", screen(&mut app, 100, 30));
        insta::assert_snapshot!("editor_new_80x24", screen(&mut app, 80, 24));
    });
}

#[test]
fn help_spoken_and_too_small() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1?");
    settings().bind(|| {
        insta::assert_snapshot!("help_stories_100x30", screen(&mut app, 100, 30));
        key(&mut app, KeyCode::Esc);
        press(&mut app, "s");
        insta::assert_snapshot!("spoken_100x30", screen(&mut app, 100, 30));
        insta::assert_snapshot!("too_small_50x12", screen(&mut app, 50, 12));
    });
}

#[test]
fn the_deck_and_a_review_card() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "4");
    settings().bind(|| {
        insta::assert_snapshot!("deck_80x24", screen(&mut app, 80, 24));
        press(&mut app, "r");
        insta::assert_snapshot!("review_question_100x30", screen(&mut app, 100, 30));
        press(&mut app, " ");
        insta::assert_snapshot!("review_answer_100x30", screen(&mut app, 100, 30));
    });
}

/// A kit with something in every step, from the exchange format.
fn full_kit(dir: &std::path::Path) {
    with_examples(dir);
    let kit = r#"{ "version": 1,
      "designs": [ { "id": "ci-cd", "prompt": "ci-cd", "title": "Monorepo CI/CD",
        "real_system": "The build and deploy platform I ran for 120 engineers at a payments company, on Buildkite and Argo CD.",
        "requirements": "About 300 deploys a day across 40 services, under 15 minutes from merge to production, and a rollback in one command.",
        "architecture": "A monorepo with Bazel and a remote cache, Buildkite agents on spot instances, and Argo Rollouts doing canaries on Kubernetes.",
        "scaling": "Peak 1,800 builds a day on 60 agents; the cache hit rate of 85% keeps the p50 build at 6 minutes.",
        "failure_modes": "", "observability": "", "tradeoffs": "" } ],
      "metrics": [ { "id": "slo", "name": "Checkout availability", "kind": "slo", "before": "99.5%", "after": "99.9%", "note": "over 30 days" },
                   { "id": "mttd", "name": "MTTD for P1 incidents", "kind": "mttd", "before": "8 min", "after": "90 s", "note": "" },
                   { "id": "mttr", "name": "MTTR", "kind": "mttr", "before": "47 min", "after": "", "note": "" } ],
      "opinions": [ { "id": "slo-alerting", "stance": "SLO-based alerting", "over": "threshold alerts on CPU",
        "because": "a page should mean a customer is hurt, not that a machine is busy",
        "evidence": "When I moved the payments team to burn-rate alerts, false pages fell from 67% to 8%.", "limits": "" } ],
      "narrative": { "text": "I led the move of 40 services to our platform. Deploys went from 2 a week to 30 a day." } }"#;
    let store = sre_prep::store::Store::open(dir).unwrap();
    let mut current = sre_prep::store::load(dir).kit;
    let incoming =
        sre_prep::kit::exchange::parse_import(kit, std::path::Path::new("kit.json")).unwrap();
    sre_prep::store::import_kit(
        &store,
        &mut current,
        incoming,
        std::path::Path::new("kit.json"),
    )
    .unwrap();
}

#[test]
fn steps_two_three_and_five() {
    let tmp = tempfile::tempdir().unwrap();
    full_kit(tmp.path());
    let mut app = open(tmp.path());
    settings().bind(|| {
        insta::assert_snapshot!("home_full_kit_100x30", screen(&mut app, 100, 30));
        press(&mut app, "2");
        insta::assert_snapshot!("designs_100x30", screen(&mut app, 100, 30));
        press(&mut app, "e");
        insta::assert_snapshot!("design_editor_100x30", screen(&mut app, 100, 30));
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Esc);
        press(&mut app, "3");
        insta::assert_snapshot!("metrics_80x24", screen(&mut app, 80, 24));
        press(&mut app, "r");
        insta::assert_snapshot!("quiz_100x30", screen(&mut app, 100, 30));
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Esc);
        press(&mut app, "5");
        insta::assert_snapshot!("opinions_100x30", screen(&mut app, 100, 30));
        press(&mut app, "t");
        insta::assert_snapshot!("debates_picker_100x30", screen(&mut app, 100, 30));
    });
}

#[test]
fn a_rehearsal_result() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1r");
    key(&mut app, KeyCode::Enter);
    common::type_text(
        &mut app,
        "I was incident commander. Checkout failed for 47 minutes for 31% of EU customers. I decided to shed load instead of failing over the database, because the host was healthy.",
    );
    common::ctrl(&mut app, 's');
    let text = screen(&mut app, 100, 30);
    // The answer took a moment in the test; on a slow machine a second.
    let mut settings = settings();
    settings.add_filter(r"(⏱ |in )\d+:\d\d", "${1}M:SS");
    settings.bind(|| insta::assert_snapshot!("rehearsal_result_100x30", text));
}

#[test]
fn the_checklist_and_the_coverage_matrix() {
    let tmp = tempfile::tempdir().unwrap();
    full_kit(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "c");
    settings().bind(|| {
        insta::assert_snapshot!("checklist_100x30", screen(&mut app, 100, 30));
        press(&mut app, "m");
        insta::assert_snapshot!("coverage_120x40", screen(&mut app, 120, 40));
    });
}

/// Every screen at 80x24, at the smallest size (60x18) and large, with a
/// CJK story title and an emoji design title in the kit: reviewed so that
/// nothing is cut mid-word, no footer is cut, no text overlaps a border.
#[test]
fn every_screen_at_three_sizes_with_wide_titles() {
    let tmp = tempfile::tempdir().unwrap();
    common::fit_kit(tmp.path());
    let mut app = open(tmp.path());
    let mut settings = settings();
    settings.add_filter(r"⏱ \d+:\d\d", "⏱ M:SS");
    let shoot = |app: &mut sre_prep::tui::app::App, name: &str| {
        settings.bind(|| {
            for (w, h) in [(80, 24), (60, 18), (160, 48)] {
                insta::assert_snapshot!(format!("fit_{name}_{w}x{h}"), screen(app, w, h));
            }
        });
    };
    shoot(&mut app, "home");
    press(&mut app, "1/決済");
    key(&mut app, KeyCode::Enter);
    shoot(&mut app, "stories_cjk");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Enter);
    // The end of the detail at 80x24 (a larger terminal shows all of it).
    screen(&mut app, 80, 24);
    press(&mut app, "G");
    shoot(&mut app, "story_detail_end");
    key(&mut app, KeyCode::Esc);
    press(&mut app, "d");
    shoot(&mut app, "confirm_delete");
    key(&mut app, KeyCode::Esc);
    press(&mut app, "e");
    shoot(&mut app, "editor");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    press(&mut app, "2");
    shoot(&mut app, "designs");
    key(&mut app, KeyCode::Esc);
    press(&mut app, "4");
    shoot(&mut app, "deck");
    key(&mut app, KeyCode::Esc);
    press(&mut app, "cj");
    shoot(&mut app, "checklist");
    press(&mut app, "m");
    shoot(&mut app, "coverage");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    press(&mut app, "1/決済");
    key(&mut app, KeyCode::Enter);
    press(&mut app, "r");
    key(&mut app, KeyCode::Enter);
    common::type_text(&mut app, "I was incident commander.");
    common::ctrl(&mut app, 's');
    key(&mut app, KeyCode::Enter);
    shoot(&mut app, "follow_up");
}
