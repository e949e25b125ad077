//! The data store never loses a word: private files, strict reading, corrupt
//! files left alone, deletes recoverable, one writer at a time.

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use sre_prep::kit::{Kit, Metric, MetricKind, Story};
use sre_prep::store::{self, Folder, Store, StoreError};

fn story(id: &str, title: &str) -> Story {
    Story {
        id: id.into(),
        title: title.into(),
        blast_radius: format!("{title}: 12% of checkouts failed for 20 minutes"),
        ..Story::default()
    }
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn files_are_private_to_the_owner() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kit");
    let store = Store::open(&dir).unwrap();
    store.save_story(&story("dns", "DNS outage")).unwrap();
    store
        .save_metrics(&[Metric {
            id: "mttr".into(),
            name: "MTTR".into(),
            kind: MetricKind::Mttr,
            before: "42 min".into(),
            after: "11 min".into(),
            note: String::new(),
        }])
        .unwrap();
    for sub in ["", "stories", "designs", "trash"] {
        assert_eq!(mode(&dir.join(sub)), 0o700, "directory {sub:?}");
    }
    assert_eq!(mode(&dir.join("stories/dns.json")), 0o600);
    assert_eq!(mode(&dir.join("metrics.json")), 0o600);
}

#[test]
fn a_saved_story_reads_back_equal_and_pretty_with_version_first() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let mut s = story("dns", "DNS outage — ünïcode “quotes” 🚨");
    s.metrics.push(sre_prep::kit::StoryMetric {
        name: "MTTD".into(),
        before: "8 min".into(),
        after: "90 s".into(),
    });
    store.save_story(&s).unwrap();
    let text = fs::read_to_string(tmp.path().join("stories/dns.json")).unwrap();
    assert!(
        text.starts_with("{\n  \"version\": 1,\n  \"id\": \"dns\",\n"),
        "{text}"
    );
    assert!(text.ends_with("}\n"));
    let loaded = store.load();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.kit.stories, vec![s]);
}

#[test]
fn a_corrupt_file_is_reported_left_byte_identical_and_never_written_over() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    store.save_story(&story("good", "Good story")).unwrap();
    let bad = tmp.path().join("stories/broken.json");
    let bad_bytes = b"{\n  \"title\": \"half a story\",\n  \"fix\": \"I rolled ba";
    fs::write(&bad, bad_bytes).unwrap();
    let bad_metrics = tmp.path().join("metrics.json");
    fs::write(&bad_metrics, b"not json at all").unwrap();

    let loaded = store.load();
    assert_eq!(loaded.kit.stories.len(), 1, "the good story still loads");
    assert_eq!(loaded.kit.stories[0].id, "good");
    assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
    let story_problem = loaded.problems.iter().find(|p| p.path == bad).unwrap();
    assert!(story_problem.message.contains("broken.json"));
    assert!(
        story_problem.message.contains("line 3"),
        "{}",
        story_problem.message
    );

    // Saving over it is refused; a new story with the same title gets another id.
    let err = store.save_story(&story("broken", "Broken")).unwrap_err();
    assert!(matches!(err, StoreError::Unreadable { .. }), "{err}");
    assert!(err.to_string().contains("broken.json"));
    assert_eq!(
        store.new_id(Folder::Stories, "Broken", &BTreeSet::new()),
        "broken-2"
    );
    let err = store.save_metrics(&[]).unwrap_err();
    assert!(err.to_string().contains("metrics.json"), "{err}");

    assert_eq!(fs::read(&bad).unwrap(), bad_bytes);
    assert_eq!(fs::read(&bad_metrics).unwrap(), b"not json at all");
}

#[test]
fn an_unknown_key_names_the_key_the_file_and_the_line() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("stories")).unwrap();
    let path = tmp.path().join("stories/typo.json");
    let text = "{\n  \"title\": \"Typo\",\n  \"sytemic_change\": \"added a canary\"\n}\n";
    fs::write(&path, text).unwrap();
    let loaded = store::load(tmp.path());
    assert!(loaded.kit.stories.is_empty());
    let message = &loaded.problems[0].message;
    assert!(message.contains("typo.json"), "{message}");
    assert!(message.contains("`sytemic_change`"), "{message}");
    assert!(message.contains("line 3"), "{message}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("stories")).unwrap();
    let path = tmp.path().join("stories/future.json");
    let text = "{ \"version\": 2, \"title\": \"From the future\", \"hologram\": true }";
    fs::write(&path, text).unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let loaded = store.load();
    let message = &loaded.problems[0].message;
    assert!(message.contains("newer sre-prep"), "{message}");
    assert!(message.contains("future.json"), "{message}");
    assert!(store.save_story(&story("future", "x")).is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn deleting_moves_the_file_to_the_trash_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    store.save_story(&story("dns", "DNS outage")).unwrap();
    store.save_story(&story("tls", "TLS expiry")).unwrap();
    let original = fs::read(tmp.path().join("stories/dns.json")).unwrap();

    let trashed = store.delete(Folder::Stories, "dns").unwrap();
    assert!(trashed.starts_with(tmp.path().join("trash")));
    assert_eq!(
        fs::read(&trashed).unwrap(),
        original,
        "recoverable as it was"
    );
    assert!(!tmp.path().join("stories/dns.json").exists());
    let ids: Vec<String> = store.load().kit.stories.into_iter().map(|s| s.id).collect();
    assert_eq!(ids, ["tls"]);

    // Deleting twice, or something that never was, says so.
    let err = store.delete(Folder::Stories, "dns").unwrap_err();
    assert_eq!(err.to_string(), "no story with id `dns`");
    assert!(store.delete(Folder::Stories, "../etc/passwd").is_err());
}

#[test]
fn a_second_writer_is_refused_at_once_while_the_lock_is_held() {
    let tmp = tempfile::tempdir().unwrap();
    let first = Store::open(tmp.path()).unwrap();
    // Were the lock waited for, this call would never return while `first`
    // holds it: returning at all is the proof, with no clock involved.
    let err = Store::open(tmp.path()).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }));
    assert!(err.to_string().contains("another sre-prep"), "{err}");
    drop(first);
    Store::open(tmp.path()).expect("the lock goes with its holder");
}

#[test]
fn readers_do_not_need_the_lock() {
    let tmp = tempfile::tempdir().unwrap();
    let writer = Store::open(tmp.path()).unwrap();
    writer.save_story(&story("dns", "DNS outage")).unwrap();
    let loaded = store::load(tmp.path());
    assert_eq!(loaded.kit.stories.len(), 1);
}

#[test]
fn a_missing_directory_loads_as_an_empty_kit_without_creating_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nothing-here");
    let loaded = store::load(&dir);
    assert_eq!(loaded.kit, Kit::default());
    assert!(loaded.problems.is_empty());
    assert!(!dir.exists());
}

#[test]
fn stale_temp_files_are_ignored_by_readers_and_cleared_by_the_next_writer() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let store = Store::open(tmp.path()).unwrap();
        store.save_story(&story("dns", "DNS outage")).unwrap();
    }
    let stale = tmp.path().join("stories/.sre-prep-abc123.tmp");
    fs::write(&stale, b"{\"title\": \"half").unwrap();
    let loaded = store::load(tmp.path());
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.kit.stories.len(), 1);
    let _store = Store::open(tmp.path()).unwrap();
    assert!(!stale.exists());
}

#[test]
fn the_file_name_is_the_id() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("stories")).unwrap();
    fs::write(
        tmp.path().join("stories/renamed.json"),
        "{ \"id\": \"old-name\", \"title\": \"Renamed by hand\" }",
    )
    .unwrap();
    let loaded = store::load(tmp.path());
    assert_eq!(loaded.kit.stories[0].id, "renamed");
}

#[test]
fn interview_date_must_be_a_date_and_may_be_empty() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("profile.json"),
        "{ \"version\": 1, \"profile\": { \"interview_date\": \"next tuesday\" } }",
    )
    .unwrap();
    let loaded = store::load(tmp.path());
    assert!(
        loaded.problems[0].message.contains("YYYY-MM-DD"),
        "{}",
        loaded.problems[0].message
    );
    fs::write(
        tmp.path().join("profile.json"),
        "{ \"version\": 1, \"profile\": { \"interview_date\": \"\", \"company\": \"Acme\" } }",
    )
    .unwrap();
    let loaded = store::load(tmp.path());
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.kit.profile.company, "Acme");
    assert_eq!(loaded.kit.profile.interview_date, None);
}

#[test]
fn a_deleted_story_can_be_restored_even_when_its_id_was_reused() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    store
        .save_story(&story("dns-outage", "DNS outage"))
        .unwrap();
    let original = fs::read(tmp.path().join("stories/dns-outage.json")).unwrap();
    let trashed = store.delete(Folder::Stories, "dns-outage").unwrap();
    let name = trashed.file_stem().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("story-dns-outage-"), "{name}");

    // A new story took the id meanwhile: the restored one gets another.
    store
        .save_story(&story("dns-outage", "Another DNS outage"))
        .unwrap();
    let back = store.restore(&name).unwrap();
    assert_eq!(back, tmp.path().join("stories/dns-outage-2.json"));
    assert_eq!(fs::read(&back).unwrap(), original, "byte for byte");
    assert!(!trashed.exists());
    assert_eq!(store.load().kit.stories.len(), 2);

    let err = store.restore("story-nothing-20260101-000000").unwrap_err();
    assert!(
        err.to_string().contains("no trashed story or design"),
        "{err}"
    );
    assert!(store.restore("../stories/dns-outage").is_err());
}

/// Runs `work` on a thread and fails if it has not finished within two
/// minutes (generous: it takes milliseconds), instead of hanging the suite.
fn within_two_minutes<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let (sent, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sent.send(work());
    });
    received
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("still waiting after two minutes: something read a FIFO")
}

/// Makes a FIFO at `path` with the system call, not the `mkfifo` command: a
/// child process forked while another test holds a data directory's lock
/// shares that lock until it execs, so a test reopening its directory
/// right then would find it locked.
fn mkfifo(path: &Path) {
    let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: `c_path` is a valid NUL-terminated path for the whole call.
    let made = unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) };
    assert_eq!(made, 0, "{}", std::io::Error::last_os_error());
}

#[test]
fn a_fifo_or_a_device_in_the_data_directory_is_reported_never_read() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let store = Store::open(tmp.path()).unwrap();
        store.save_story(&story("dns", "DNS outage")).unwrap();
    }
    mkfifo(&tmp.path().join("metrics.json"));
    mkfifo(&tmp.path().join("stories/fifo.json"));
    // /dev/null, not an endless device: a build that reads devices must fail
    // this test, not take the machine's memory.
    std::os::unix::fs::symlink("/dev/null", tmp.path().join("stories/null.json")).unwrap();
    std::os::unix::fs::symlink("/dev/null", tmp.path().join("cards.json")).unwrap();

    let dir = tmp.path().to_path_buf();
    let (loaded, mut problems) = within_two_minutes(move || {
        let loaded = store::load(&dir);
        let mut problems = loaded.problems.clone();
        sre_prep::store::cards::load_deck(&dir, &mut problems);
        (loaded, problems)
    });
    assert_eq!(loaded.kit.stories.len(), 1, "the good story still loads");
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(messages.len(), 4, "{messages:#?}");
    assert!(messages[0].ends_with("cards.json: is a device, not a regular file — move it out of the data directory; it was left as it is"), "{messages:#?}");
    assert!(messages[1].contains("metrics.json: is a FIFO (named pipe), not a regular file"));
    assert!(messages[2].contains("fifo.json: is a FIFO (named pipe)"));
    assert!(messages[3].contains("null.json: is a device"));
}

#[test]
fn a_byte_order_mark_is_dropped_and_an_array_is_not_a_story() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("stories")).unwrap();
    fs::write(
        tmp.path().join("stories/bom.json"),
        b"\xEF\xBB\xBF{ \"version\": 1, \"title\": \"From Notepad\" }",
    )
    .unwrap();
    fs::write(
        tmp.path().join("stories/array.json"),
        r#"["array", "Fields in order"]"#,
    )
    .unwrap();
    fs::write(
        tmp.path().join("metrics.json"),
        r#"{ "version": 1, "metrics": [ ["mttr", "MTTR", "mttr", "42 min", "11 min", ""] ] }"#,
    )
    .unwrap();
    let loaded = store::load(tmp.path());
    let titles: Vec<&str> = loaded
        .kit
        .stories
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, ["From Notepad"]);
    assert!(loaded.kit.metrics.is_empty());
    assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
    assert!(
        loaded.problems[0]
            .message
            .contains("array.json: line 1, column 1: this is a JSON array"),
        "{}",
        loaded.problems[0].message
    );
    assert!(
        loaded.problems[1]
            .message
            .contains("invalid type: sequence, expected struct Metric"),
        "{}",
        loaded.problems[1].message
    );
}

#[test]
fn a_story_file_whose_title_says_version_is_still_read_by_its_version() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("stories")).unwrap();
    let path = tmp.path().join("stories/v.json");
    fs::write(&path, r#"{"title":"version","version":2}"#).unwrap();
    let loaded = store::load(tmp.path());
    assert!(loaded.kit.stories.is_empty());
    assert!(
        loaded.problems[0]
            .message
            .contains("newer sre-prep (format version 2"),
        "{}",
        loaded.problems[0].message
    );
}

#[test]
fn opening_a_file_as_the_data_directory_is_one_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("kit");
    fs::write(&file, "not a directory").unwrap();
    let err = Store::open(&file).unwrap_err();
    assert!(
        matches!(err, StoreError::NotADirectory { above: false, .. }),
        "{err}"
    );
    let err = Store::open(&file.join("inside")).unwrap_err();
    assert!(
        matches!(err, StoreError::NotADirectory { above: true, .. }),
        "{err}"
    );
    assert!(
        err.to_string().contains("a folder above it is a file"),
        "{err}"
    );
    assert!(
        std::error::Error::source(&err).is_none(),
        "said once, not chained"
    );
    assert!(matches!(
        store::check_data_dir(&tmp.path().join("missing")),
        Err(StoreError::NoDataDir { .. })
    ));
}

#[test]
fn an_existing_data_directory_others_can_read_is_made_private() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kit");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    let store = Store::open(&dir).unwrap();
    let made = store.made_private().expect("the user is told");
    assert_eq!(made.was, 0o755);
    assert_eq!(mode(&dir), 0o700);
    drop(store);
    assert!(Store::open(&dir).unwrap().made_private().is_none());
}

#[test]
fn many_imported_items_with_one_title_get_ids_counting_up() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    store.save_story(&story("outage", "Outage")).unwrap();
    let incoming = Kit {
        stories: (0..500)
            .map(|n| Story {
                title: "Outage".into(),
                notes: n.to_string(),
                ..Story::default()
            })
            .collect(),
        ..Kit::default()
    };
    let mut kit = store::load(tmp.path()).kit;
    let report = store::import_kit(&store, &mut kit, incoming, Path::new("kit.json")).unwrap();
    assert_eq!(report.stories, 500);
    let ids: BTreeSet<String> = kit.stories.iter().map(|s| s.id.clone()).collect();
    let want: BTreeSet<String> = std::iter::once("outage".to_string())
        .chain((2..=501).map(|n| format!("outage-{n}")))
        .collect();
    assert_eq!(ids, want);
}
