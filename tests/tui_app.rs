//! The app driven through `App::update` with key events, as a user would,
//! with the files on disk checked after each step.

mod common;

use std::fs;

use common::{ctrl, key, open, press, screen, type_text, with_examples};
use crossterm::event::KeyCode;
use sre_prep::tui::app::{Confirm, Pending, ScreenId};
use sre_prep::tui::external_editor::EditTarget;

#[test]
fn a_new_story_typed_and_saved_lands_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "1n");
    assert_eq!(app.screen(), ScreenId::Editor);
    type_text(&mut app, "DNS outage at Acme");
    key(&mut app, KeyCode::Enter); // Enter in the title moves to the next field
    type_text(
        &mut app,
        "For 40 minutes 12% of checkouts failed.\nEU only.",
    );
    // The score panel follows the typing.
    assert!(
        app.editor()
            .unwrap()
            .score()
            .unwrap()
            .dimensions
            .blast_radius
            .score
            >= 3
    );
    ctrl(&mut app, 's');
    let text = fs::read_to_string(tmp.path().join("stories/dns-outage-at-acme.json")).unwrap();
    assert!(text.contains("\"title\": \"DNS outage at Acme\""), "{text}");
    assert!(
        text.contains("For 40 minutes 12% of checkouts failed.\\nEU only."),
        "{text}"
    );
    assert!(app.status().unwrap().text.contains("Saved"));

    // Saving again edits the same file, not a copy.
    type_text(&mut app, " More.");
    ctrl(&mut app, 's');
    assert_eq!(fs::read_dir(tmp.path().join("stories")).unwrap().count(), 1);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Stories);
    assert!(screen(&mut app, 100, 30).contains("DNS outage at Acme"));
}

#[test]
fn a_story_without_a_title_or_with_a_bad_metric_is_not_saved_and_keeps_its_text() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "n");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "words I do not want to lose");
    ctrl(&mut app, 's');
    assert!(app.status().unwrap().text.contains("title"));
    for _ in 0..7 {
        key(&mut app, KeyCode::BackTab);
    }
    assert_eq!(app.editor().unwrap().focus, 3);
    for _ in 0..3 {
        key(&mut app, KeyCode::BackTab);
    }
    type_text(&mut app, "Title");
    for _ in 0..7 {
        key(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "MTTR went down");
    ctrl(&mut app, 's');
    let status = &app.status().unwrap().text;
    assert!(status.contains("metrics, line 1"), "{status}");
    assert!(!tmp.path().join("stories/title.json").exists());
    assert_eq!(
        app.editor().unwrap().typed_story().unwrap().blast_radius,
        "words I do not want to lose"
    );
}

#[test]
fn leaving_with_unsaved_changes_asks_first() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1e");
    type_text(&mut app, " (edited)");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.confirm(), Some(&Confirm::LeaveEditor));
    press(&mut app, "n");
    assert_eq!(app.screen(), ScreenId::Editor, "n keeps editing");
    key(&mut app, KeyCode::Esc);
    press(&mut app, "y");
    assert_eq!(app.screen(), ScreenId::Stories);
    let text = fs::read_to_string(tmp.path().join("stories/alerting-redesign.json")).unwrap();
    assert!(!text.contains("(edited)"));

    // Opening and leaving without a change does not ask.
    press(&mut app, "e");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.confirm(), None);
    assert_eq!(app.screen(), ScreenId::Stories);
}

#[test]
fn deleting_asks_then_moves_the_file_to_the_trash() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1");
    let id = app.selected_story().unwrap().id.clone();
    press(&mut app, "d");
    assert!(matches!(app.confirm(), Some(Confirm::DeleteStory { .. })));
    key(&mut app, KeyCode::Esc);
    assert!(
        tmp.path().join(format!("stories/{id}.json")).exists(),
        "Esc keeps it"
    );
    press(&mut app, "dy");
    assert!(!tmp.path().join(format!("stories/{id}.json")).exists());
    let trashed: Vec<String> = fs::read_dir(tmp.path().join("trash"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(trashed.iter().any(|n| n.contains(&id)), "{trashed:?}");
    assert_eq!(app.kit().stories.len(), 3);
    assert!(app.status().unwrap().text.contains("trash"));
}

#[test]
fn ctrl_c_in_the_editor_keeps_a_draft_that_is_offered_back() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "n");
    type_text(&mut app, "Half-written story");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Only the first sentence so far.");
    ctrl(&mut app, 'c');
    assert!(app.quitting());
    assert!(tmp.path().join("draft.json").exists());
    drop(app);

    let mut app = open(tmp.path());
    assert!(matches!(app.confirm(), Some(Confirm::RestoreDraft { .. })));
    assert!(screen(&mut app, 100, 30).contains("Half-written story"));
    press(&mut app, "y");
    assert_eq!(app.screen(), ScreenId::Editor);
    let story = app.editor().unwrap().typed_story().unwrap();
    assert_eq!(story.blast_radius, "Only the first sentence so far.");
    assert!(
        !tmp.path().join("draft.json").exists(),
        "taken back into the editor"
    );
    ctrl(&mut app, 's');
    assert!(tmp.path().join("stories/half-written-story.json").exists());
}

#[test]
fn filter_and_sort_the_list() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1/pool");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.scored().shown(), 1);
    assert_eq!(app.selected_story().unwrap().id, "checkout-db-pool");
    key(&mut app, KeyCode::Esc); // clears the filter
    assert_eq!(app.scored().shown(), 4);
    // By score the weak example is last; by title it moves up.
    let last = |app: &sre_prep::tui::app::App| {
        let list = app.scored();
        list.rows(0, list.shown())
            .last()
            .map(|(_, s, _)| s.id.clone())
            .unwrap()
    };
    assert_eq!(last(&app), "weak-example");
    press(&mut app, "o");
    let first = app.scored().rows(0, 1).next().map(|(_, s, _)| s.id.clone());
    assert_eq!(first.as_deref(), Some("bad-config-deploy"));
}

#[test]
fn files_that_cannot_be_read_are_shown_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let bad = tmp.path().join("stories/broken.json");
    fs::write(&bad, "{ \"title\": \"half").unwrap();
    let mut app = open(tmp.path());
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("could not be read"), "{text}");
    assert!(text.contains("broken.json"), "{text}");
    // A new story titled like it does not overwrite it.
    press(&mut app, "n");
    type_text(&mut app, "Broken");
    ctrl(&mut app, 's');
    assert_eq!(fs::read_to_string(&bad).unwrap(), "{ \"title\": \"half");
    assert!(tmp.path().join("stories/broken-2.json").exists());
}

#[test]
fn a_file_that_cannot_be_read_is_named_on_the_smallest_screen() {
    // At 80x24 on a first run the welcome and the steps leave a few rows:
    // which file is broken, and what to do, must be among them.
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("stories")).unwrap();
    fs::write(
        tmp.path().join("stories/broken.json"),
        "{ \"title\": \"half",
    )
    .unwrap();
    let mut app = open(tmp.path());
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("could not be read"), "{text}");
    assert!(text.contains("broken.json"), "{text}");
    assert!(text.contains("fix the file"), "{text}");
}

#[test]
fn a_second_instance_is_read_only_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let _first = sre_prep::store::Store::open(tmp.path()).unwrap();
    let mut app = open(tmp.path());
    assert!(screen(&mut app, 100, 30).contains("READ-ONLY"));
    press(&mut app, "1dy");
    let status = &app.status().unwrap().text;
    assert!(status.contains("another sre-prep"), "{status}");
    assert_eq!(fs::read_dir(tmp.path().join("stories")).unwrap().count(), 4);
}

#[test]
fn text_from_files_never_reaches_the_terminal_raw() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("stories")).unwrap();
    fs::write(
        tmp.path().join("stories/evil.json"),
        "{ \"title\": \"Evil \\u001b[2J\\u001b]0;pwned\\u0007 title\", \"fix\": \"rm \\u001b[31mred\" }",
    )
    .unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "1");
    let text = screen(&mut app, 100, 30);
    assert!(text.contains("Evil"), "{text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
}

#[test]
fn text_back_from_the_external_editor_is_saved_or_kept() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1");
    let story = app.selected_story().unwrap().clone();
    let mut text = sre_prep::kit::template::render(&story);
    text = text.replace("# Notes\n", "# Notes\nAsk me about the burn-rate maths.\n");
    app.finish_external_edit(&EditTarget::Story(story.id.clone()), Ok(text));
    let saved = fs::read_to_string(tmp.path().join(format!("stories/{}.json", story.id))).unwrap();
    assert!(saved.contains("Ask me about the burn-rate maths."));

    // A heading with a typo is not silently dropped, nor put inside a field:
    // the app says what is wrong and offers the same text back to fix.
    let on_disk =
        fs::read_to_string(tmp.path().join(format!("stories/{}.json", story.id))).unwrap();
    let broken = "# Title\nX\n# Blast radus\nthe words I typed\n".to_string();
    app.finish_external_edit(&EditTarget::Story(story.id.clone()), Ok(broken.clone()));
    assert_eq!(
        app.screen(),
        ScreenId::Stories,
        "no editor opened on a salvaged copy"
    );
    assert!(
        matches!(app.confirm(), Some(Confirm::EditAgain { why, .. }) if why.contains("Blast radus"))
    );
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Blast radus"), "{text}");
    assert!(text.contains("to fix it?"), "{text}");
    press(&mut app, "y");
    assert_eq!(
        app.pending,
        Some(Pending::Edit {
            target: EditTarget::Story(story.id.clone()),
            text: broken.clone()
        }),
        "the editor opens on the failed text, as it was"
    );
    // Still wrong: the latest text is what comes back, not a copy appended.
    app.pending = None;
    let still = broken.replace("the words I typed", "the words I typed, and more");
    app.finish_external_edit(&EditTarget::Story(story.id.clone()), Ok(still.clone()));
    press(&mut app, "y");
    assert_eq!(
        app.pending,
        Some(Pending::Edit {
            target: EditTarget::Story(story.id.clone()),
            text: still
        })
    );
    app.pending = None;
    // Fixed this time: saved.
    let fixed = sre_prep::kit::template::render(&app.kit().story(&story.id).unwrap().clone())
        .replace("# Notes\n", "# Notes\nFixed in the editor.\n");
    app.finish_external_edit(&EditTarget::Story(story.id.clone()), Ok(fixed));
    let saved = fs::read_to_string(tmp.path().join(format!("stories/{}.json", story.id))).unwrap();
    assert!(saved.contains("Fixed in the editor."), "{saved}");
    assert!(!saved.contains("Blast radus"), "{saved}");

    // Dropped on n: the story on disk is untouched and E starts from it, clean.
    let before = fs::read_to_string(tmp.path().join(format!("stories/{}.json", story.id))).unwrap();
    app.finish_external_edit(&EditTarget::Story(story.id.clone()), Ok(broken));
    press(&mut app, "n");
    assert_eq!(
        fs::read_to_string(tmp.path().join(format!("stories/{}.json", story.id))).unwrap(),
        before
    );
    assert_ne!(before, on_disk);
    press(&mut app, "E");
    let Some(Pending::Edit { text, .. }) = app.pending.take() else {
        panic!("E asks for the editor");
    };
    assert_eq!(text.matches("# Title").count(), 1, "{text}");
    assert!(!text.contains("Blast radus"), "{text}");
}

#[test]
fn mouse_click_selects_a_row_and_wheel_scrolls() {
    use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1");
    // Clicks land on what the last frame drew.
    common::screen(&mut app, 100, 30);
    let click = |row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 5,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    app.handle_event(&click(4)); // header, border, rows 2.. : row 4 is the third story
    assert_eq!(app.scored().selected(), 2);
    app.handle_event(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 5,
        row: 4,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(app.scored().selected(), 3);
}

#[test]
fn no_color_draws_without_colour() {
    use ratatui::style::Color;
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = sre_prep::tui::app::App::open(
        tmp.path(),
        common::today(),
        sre_prep::tui::theme::Theme { color: false },
    );
    while app.score_some(usize::MAX) {}
    press(&mut app, "1");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!(
            cell.fg,
            Color::Reset,
            "a coloured cell: {:?}",
            cell.symbol()
        );
        assert_eq!(
            cell.bg,
            Color::Reset,
            "a coloured cell: {:?}",
            cell.symbol()
        );
    }
    // The selected row is still marked (reverse video).
    let selected_row_marked = buffer
        .content()
        .iter()
        .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED));
    assert!(selected_row_marked);
}

#[test]
fn linking_a_story_to_a_question_in_the_coverage_matrix_saves_it() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "cm");
    assert_eq!(app.screen(), ScreenId::Coverage);
    press(&mut app, "j"); // outage-prevented (core, not covered by the examples)
    key(&mut app, KeyCode::Char(' '));
    let story = &app.kit().stories[0];
    assert!(story.questions.iter().any(|q| q == "outage-prevented"));
    let on_disk =
        fs::read_to_string(tmp.path().join(format!("stories/{}.json", story.id))).unwrap();
    assert!(on_disk.contains("outage-prevented"), "{on_disk}");
    key(&mut app, KeyCode::Char(' '));
    assert!(
        !app.kit().stories[0]
            .questions
            .iter()
            .any(|q| q == "outage-prevented"),
        "toggles back"
    );
}

#[test]
fn the_interview_date_is_set_from_home_and_counted_down() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "i");
    type_text(&mut app, "next week");
    ctrl(&mut app, 's');
    assert!(app.status().unwrap().text.contains("YYYY-MM-DD"));
    for _ in 0..9 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026-12-10");
    ctrl(&mut app, 's');
    let profile = fs::read_to_string(tmp.path().join("profile.json")).unwrap();
    assert!(
        profile.contains("\"interview_date\": \"2026-12-10\""),
        "{profile}"
    );
    key(&mut app, KeyCode::Esc);
    while app.score_some(usize::MAX) {}
    let text = screen(&mut app, 100, 30);
    assert!(text.contains("12 days to your interview"), "{text}");
    assert!(text.contains("Today:"), "{text}");
}

#[test]
fn the_first_frame_counts_files_and_the_kit_is_read_right_after() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = sre_prep::tui::app::App::open_first_frame(
        tmp.path(),
        common::today(),
        sre_prep::tui::theme::Theme { color: true },
    );
    assert!(app.loading());
    assert_eq!(app.story_count(), 4);
    assert!(app.kit().stories.is_empty(), "nothing parsed yet");
    let first = screen(&mut app, 100, 30);
    assert!(first.contains("4 stories · reading…"), "{first}");
    assert!(
        !first.contains("First time here"),
        "not the welcome panel: there are stories"
    );
    app.finish_loading();
    assert!(!app.loading());
    assert_eq!(app.kit().stories.len(), 4);
    while app.score_some(usize::MAX) {}
    assert!(screen(&mut app, 100, 30).contains("3 of 3-5 stories interview-ready"));
}

#[test]
fn deleting_the_only_story_then_the_last_leaves_a_working_list() {
    // The steps of the crash report: a fresh data dir, one story, delete it.
    let tmp = tempfile::tempdir().unwrap();
    let mut app = open(tmp.path());
    press(&mut app, "n");
    type_text(&mut app, "Only story");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Stories);
    press(&mut app, "dy");
    assert!(app.kit().stories.is_empty());
    assert!(app.selected_story().is_none());
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("No stories yet."), "{text}");
    assert!(text.contains("Deleted 'Only story'"), "{text}");
    assert!(!tmp.path().join("stories/only-story.json").exists());

    // With examples: the story that sorts last (by score and by id), selected and deleted.
    drop(app);
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1G");
    let last = app.selected_story().unwrap().id.clone();
    assert_eq!(last, "weak-example");
    press(&mut app, "dy");
    assert_eq!(app.kit().stories.len(), 3);
    let now = app.selected_story().unwrap().title.clone();
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains(&now[..20]),
        "the new selection is shown: {text}"
    );
    press(&mut app, "ody"); // by title, delete the first
    press(&mut app, "Gdy"); // and the last
    assert_eq!(app.kit().stories.len(), 1);
    press(&mut app, "dy");
    assert!(app.kit().stories.is_empty());
    assert!(screen(&mut app, 80, 24).contains("No stories yet."));
}

#[test]
fn ctrl_c_while_asked_to_edit_again_asks_before_losing_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1");
    let id = app.selected_story().unwrap().id.clone();
    app.finish_external_edit(
        &EditTarget::Story(id.clone()),
        Ok("# Titel\nmy words\n".to_string()),
    );
    assert!(matches!(app.confirm(), Some(Confirm::EditAgain { .. })));
    ctrl(&mut app, 'c');
    assert!(!app.quitting());
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("lose the text from your editor"), "{text}");
    press(&mut app, "n");
    assert!(
        matches!(app.confirm(), Some(Confirm::EditAgain { .. })),
        "no: back to the question it interrupted"
    );
    ctrl(&mut app, 'c');
    ctrl(&mut app, 'c');
    assert!(app.quitting());
}

#[test]
fn leaving_the_editor_returns_to_the_stories_as_they_were() {
    // The stories' view (the detail pane, scrolled) travels with the editor
    // and comes back when it is left.
    let tmp = tempfile::tempdir().unwrap();
    with_examples(tmp.path());
    let mut app = open(tmp.path());
    press(&mut app, "1j");
    let selected = app.selected_story().unwrap().id.clone();
    key(&mut app, KeyCode::Enter);
    press(&mut app, "jjj");
    let before = screen(&mut app, 100, 30);
    press(&mut app, "e");
    assert_eq!(app.screen(), ScreenId::Editor);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Stories);
    assert_eq!(app.selected_story().unwrap().id, selected);
    assert_eq!(
        screen(&mut app, 100, 30),
        before,
        "the same pane, scrolled as it was"
    );
}

#[test]
fn a_step_left_for_home_is_found_again_at_the_row_it_was_left() {
    let tmp = tempfile::tempdir().unwrap();
    let store = sre_prep::store::Store::open(tmp.path()).unwrap();
    store
        .save_opinions(
            &["canaries", "error budgets", "blameless reviews"].map(|s| sre_prep::kit::Opinion {
                id: s.replace(' ', "-"),
                stance: s.to_string(),
                over: "the alternative".into(),
                ..Default::default()
            }),
        )
        .unwrap();
    drop(store);
    let mut app = open(tmp.path());
    press(&mut app, "5jj");
    assert_eq!(
        app.selected_index(sre_prep::tui::form::FormKind::Opinion),
        Some(2)
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Home);
    assert_eq!(app.places().step, 4, "home shows step 5 as the one left");
    press(&mut app, "5");
    assert_eq!(
        app.selected_index(sre_prep::tui::form::FormKind::Opinion),
        Some(2)
    );
    // And a form opened over the list gives it back as it was.
    press(&mut app, "e");
    assert_eq!(app.screen(), ScreenId::Form);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenId::Opinions);
    assert_eq!(
        app.selected_index(sre_prep::tui::form::FormKind::Opinion),
        Some(2)
    );
}
