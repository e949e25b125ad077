//! A writer killed with SIGKILL at any moment leaves only complete, parseable
//! files: 200 kills at random points while stories are being rewritten. The
//! stories are written once before the kills, and each kill waits until its
//! writer has begun rewriting them, so the test checks atomicity, not the
//! machine's speed.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use sre_prep::kit::Story;
use sre_prep::store::{self, Store};

const CHILD_DIR_ENV: &str = "SRE_PREP_TEST_KILL_CHILD_DIR";
/// The first round a child writes: distinct for every child.
const CHILD_ROUND_ENV: &str = "SRE_PREP_TEST_KILL_CHILD_ROUND";
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

/// The round a story file was written in.
fn round_of(path: &Path) -> Option<usize> {
    let text = fs::read_to_string(path).ok()?;
    let story: Story = serde_json::from_str(&text).ok()?;
    story.notes.parse().ok()
}

/// Run by the parent in a child process: rewrite stories until killed.
#[test]
#[ignore = "run only as the child of killed_writers_leave_only_complete_files"]
fn child_rewrites_stories_until_killed() {
    let Some(dir) = std::env::var_os(CHILD_DIR_ENV) else {
        return;
    };
    let store = Store::open(Path::new(&dir)).expect("the lock is free after the last kill");
    let first: usize = std::env::var(CHILD_ROUND_ENV)
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(0);
    for round in first.. {
        for slot in 0..STORIES {
            store.save_story(&story_for(slot, round)).unwrap();
        }
    }
}

#[test]
fn killed_writers_leave_only_complete_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    {
        let store = Store::open(&dir).unwrap();
        for slot in 0..STORIES {
            store.save_story(&story_for(slot, 0)).unwrap();
        }
    }
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
    let first_story = dir.join("stories/story-0.json");
    for kill in 0..200 {
        let first_round = (kill + 1) * 1_000_000;
        let mut child = Command::new(&me)
            .args([
                "--exact",
                "child_rewrites_stories_until_killed",
                "--ignored",
                "--nocapture",
            ])
            .env(CHILD_DIR_ENV, &dir)
            .env(CHILD_ROUND_ENV, first_round.to_string())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Until the child has begun rewriting (its round in the first story),
        // however slow the machine; then a random moment of its writing.
        let started = Instant::now();
        while round_of(&first_story).is_none_or(|round| round < first_round) {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "kill {kill}: the child wrote nothing in 60 s"
            );
            std::thread::sleep(Duration::from_micros(500));
        }
        let wait = Duration::from_micros(next_random() % 30_000);
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
        assert_eq!(loaded.kit.stories.len(), STORIES, "kill {kill}");
        for story in &loaded.kit.stories {
            assert!(is_consistent(story), "kill {kill}: torn story {}", story.id);
        }
    }
    // The lock died with the last child.
    Store::open(&dir).expect("no lock is left behind by a killed process");
}
