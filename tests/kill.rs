//! A writer killed with SIGKILL at any moment leaves only complete, parseable
//! files: 200 kills at random points while stories are being rewritten.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use sre_prep::kit::Story;
use sre_prep::store::{self, Store};

const CHILD_DIR_ENV: &str = "SRE_PREP_TEST_KILL_CHILD_DIR";
const STORIES: usize = 40;

/// The story a writer saves in round `round`: its fields agree with each
/// other, so a torn or mixed file is caught, not only an unparseable one.
fn story_for(slot: usize, round: usize) -> Story {
    let filler = "The pool ran dry under load. ".repeat(1 + (round * 7 + slot) % 60);
    Story {
        id: format!("story-{slot}"),
        title: format!("Story {slot} round {round}"),
        blast_radius: filler,
        notes: round.to_string(),
        ..Story::default()
    }
}

fn is_consistent(story: &Story) -> bool {
    let Ok(round) = story.notes.parse::<usize>() else {
        return false;
    };
    let Some(slot) = story
        .id
        .strip_prefix("story-")
        .and_then(|s| s.parse::<usize>().ok())
    else {
        return false;
    };
    *story == story_for(slot, round)
}

/// Run by the parent in a child process: rewrite stories until killed.
#[test]
#[ignore = "run only as the child of killed_writers_leave_only_complete_files"]
fn child_rewrites_stories_until_killed() {
    let Some(dir) = std::env::var_os(CHILD_DIR_ENV) else {
        return;
    };
    let store = Store::open(Path::new(&dir)).expect("the lock is free after the last kill");
    for round in 0.. {
        for slot in 0..STORIES {
            store.save_story(&story_for(slot, round)).unwrap();
        }
    }
}

#[test]
fn killed_writers_leave_only_complete_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir_all(&dir).unwrap();
    let mut seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64
        | 1;
    let mut next_random = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let me = std::env::current_exe().unwrap();
    let mut saw_files = 0;
    for kill in 0..200 {
        let mut child = Command::new(&me)
            .args([
                "--exact",
                "child_rewrites_stories_until_killed",
                "--ignored",
                "--nocapture",
            ])
            .env(CHILD_DIR_ENV, &dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let wait = Duration::from_micros(2_000 + next_random() % 30_000);
        let started = Instant::now();
        while started.elapsed() < wait {
            std::thread::sleep(Duration::from_micros(500));
        }
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert!(
            status.code().is_none(),
            "kill {kill}: the child must still have been writing"
        );

        let loaded = store::load(&dir);
        assert!(
            loaded.problems.is_empty(),
            "kill {kill}: {:?}",
            loaded.problems
        );
        for story in &loaded.kit.stories {
            assert!(is_consistent(story), "kill {kill}: torn story {}", story.id);
        }
        saw_files = saw_files.max(loaded.kit.stories.len());
    }
    assert_eq!(
        saw_files, STORIES,
        "the writers got far enough to write every story"
    );
    // The lock died with the last child.
    Store::open(&dir).expect("no lock is left behind by a killed process");
}
