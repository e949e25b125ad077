//! A writer killed with SIGKILL at any moment leaves only complete, parseable
//! files: 200 kills at random points while stories are being rewritten.
//!
//! Every story file exists before the first kill, and each kill comes only
//! once the writer is seen rewriting, so every kill tests atomicity however
//! fast or loaded the machine is: after each one, all the files are there,
//! each one whole.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use sre_prep::kit::Story;
use sre_prep::store::{self, Store};

const CHILD_DIR_ENV: &str = "SRE_PREP_TEST_KILL_CHILD_DIR";
/// The first round the child writes: each child starts above every round
/// written before it, so the parent can see that this one is writing.
const CHILD_ROUND_ENV: &str = "SRE_PREP_TEST_KILL_CHILD_ROUND";
const STORIES: usize = 40;
const KILLS: usize = 200;
/// Rounds each child is given before the next child's rounds begin.
const ROUNDS_PER_CHILD: usize = 1_000_000;

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

fn round_of(story: &Story) -> Option<usize> {
    let round = story.notes.parse::<usize>().ok()?;
    let slot = story
        .id
        .strip_prefix("story-")
        .and_then(|s| s.parse::<usize>().ok())?;
    (*story == story_for(slot, round)).then_some(round)
}

/// Run by the parent in a child process: rewrite stories until killed.
#[test]
#[ignore = "run only as the child of killed_writers_leave_only_complete_files"]
fn child_rewrites_stories_until_killed() {
    let Some(dir) = std::env::var_os(CHILD_DIR_ENV) else {
        return;
    };
    let first: usize = std::env::var(CHILD_ROUND_ENV)
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(0);
    let store = Store::open(Path::new(&dir)).expect("the lock is free after the last kill");
    for round in first.. {
        for slot in 0..STORIES {
            store.save_story(&story_for(slot, round)).unwrap();
        }
    }
}

/// The round in the first story's file, once it parses whole.
fn first_story_round(dir: &Path) -> Option<usize> {
    let text = fs::read_to_string(dir.join("stories/story-0.json")).ok()?;
    let story: Story = serde_json::from_str(&text).ok()?;
    round_of(&story)
}

#[test]
fn killed_writers_leave_only_complete_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    // Every file is there before the first kill: what is checked is that a
    // rewrite never leaves a file torn or missing, not how far a child got.
    {
        let store = Store::open(&dir).unwrap();
        let first: Vec<Story> = (0..STORIES).map(|slot| story_for(slot, 0)).collect();
        store.save_stories(&first).unwrap();
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
    for kill in 0..KILLS {
        let first_round = (kill + 1) * ROUNDS_PER_CHILD;
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
        // Wait (however long the machine takes) until this child has
        // rewritten the first story, so it is mid-way through its writes...
        let deadline = Instant::now() + Duration::from_secs(120);
        while first_story_round(&dir).is_none_or(|r| r < first_round) {
            if let Some(status) = child.try_wait().unwrap() {
                panic!("kill {kill}: the writer ended by itself ({status})");
            }
            assert!(
                Instant::now() < deadline,
                "kill {kill}: the writer wrote nothing in two minutes"
            );
            std::thread::sleep(Duration::from_micros(200));
        }
        // ...then kill it at a random point among the writes that follow.
        std::thread::sleep(Duration::from_micros(next_random() % 5_000));
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
        assert_eq!(
            loaded.kit.stories.len(),
            STORIES,
            "kill {kill}: a file went missing"
        );
        for story in &loaded.kit.stories {
            let round = round_of(story);
            assert!(round.is_some(), "kill {kill}: torn story {}", story.id);
        }
    }
    // The lock died with the last child.
    Store::open(&dir).expect("no lock is left behind by a killed process");
}
