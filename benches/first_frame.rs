//! Time to the first frame of the real binary, in a real pseudo-terminal:
//! each run spawns `sre-prep` on a data directory of N synthetic stories in
//! a fresh 100x30 terminal (TERM=xterm-256color) and times, from just before
//! the spawn, the read after which the screen shows the marker. After the
//! marker (and `--hold` seconds) the peak memory (VmHWM) is read from
//! /proc, then the app gets SIGTERM. Budget: 15 ms with 1,000 stories.
//!
//! ```text
//! cargo bench --bench first_frame -- [--stories 1000] [--runs 20] [--warmup 2]
//!     [--marker "Reliability metrics"] [--hold 0]
//! ```
//!
//! `--marker "checks met"` times instead until everything is read, scored
//! and the readiness checklist computed (the home screen's readiness line).

#[path = "../tests/pty/mod.rs"]
mod pty;
mod support;

use std::time::{Duration, Instant};

use pty::{BIN, Spawn, Term};
use sre_prep::store::Store;

struct Options {
    stories: usize,
    runs: usize,
    warmup: usize,
    marker: String,
    hold: f64,
}

fn options() -> Options {
    let mut options = Options {
        stories: 1000,
        runs: 20,
        warmup: 2,
        marker: "Reliability metrics".into(),
        hold: 0.0,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--stories" => options.stories = value().parse().expect("--stories N"),
            "--runs" => options.runs = value().parse().expect("--runs N"),
            "--warmup" => options.warmup = value().parse().expect("--warmup N"),
            "--marker" => options.marker = value(),
            "--hold" => options.hold = value().parse().expect("--hold SECONDS"),
            // What `cargo bench` passes to every bench.
            "--bench" => {}
            other => panic!("unknown option {other}; see benches/first_frame.rs"),
        }
    }
    options
}

/// Peak resident memory of `pid` in KiB (VmHWM).
fn peak_kib(pid: i32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// One run: milliseconds to the marker, and the peak memory in KiB.
fn run_once(data: &str, cwd: &std::path::Path, options: &Options) -> (f64, Option<u64>) {
    let start = Instant::now();
    let mut term = Term::spawn(
        &[BIN, "--data-dir", data],
        Spawn {
            rows: 30,
            cols: 100,
            env: Vec::new(),
            cwd,
        },
    );
    term.wait_for(&options.marker);
    // The first read after which the screen shows the marker.
    let seen = {
        let out = term.output();
        let mut screen = vt100::Parser::new(pty::size_of(30), pty::size_of(100), 0);
        let mut from = 0;
        out.reads
            .iter()
            .find(|(_, upto)| {
                screen.process(&out.bytes[from..*upto]);
                from = *upto;
                screen.screen().contents().contains(&options.marker)
            })
            .map(|(at, _)| *at)
            .expect("the marker was seen")
    };
    if options.hold > 0.0 {
        std::thread::sleep(Duration::from_secs_f64(options.hold));
    }
    let peak = peak_kib(term.pid());
    term.signal(libc::SIGTERM);
    term.wait_exit();
    (seen.duration_since(start).as_secs_f64() * 1000.0, peak)
}

fn main() {
    let options = options();
    let tmp = tempfile::tempdir().expect("a temp directory");
    let data_dir = tmp.path().join("data");
    {
        let store = Store::open(&data_dir).expect("a data directory");
        store
            .save_stories(&support::stories_only(options.stories).stories)
            .expect("writing the stories");
    }
    let data = data_dir.display().to_string();
    println!(
        "first_frame: {} stories, marker {:?}, {} runs after {} warm-up",
        options.stories, options.marker, options.runs, options.warmup
    );
    let mut times = Vec::new();
    let mut peak = 0;
    for i in 0..options.warmup + options.runs {
        let (ms, kib) = run_once(&data, tmp.path(), &options);
        if i < options.warmup {
            continue;
        }
        println!(
            "run {}: {ms:.1} ms, peak {} KiB",
            i - options.warmup + 1,
            kib.map_or("?".into(), |k| k.to_string())
        );
        times.push(ms);
        peak = peak.max(kib.unwrap_or(0));
    }
    times.sort_by(f64::total_cmp);
    let median = if times.len() % 2 == 1 {
        times[times.len() / 2]
    } else {
        (times[times.len() / 2 - 1] + times[times.len() / 2]) / 2.0
    };
    println!(
        "first_frame median_ms={median:.1} min_ms={:.1} max_ms={:.1} peak_rss_kib={peak} runs={}",
        times[0],
        times[times.len() - 1],
        times.len()
    );
}
