//! Time to the first frame of the real binary, in a real pseudo-terminal:
//! each run spawns `sre-prep` on a data directory of N synthetic stories in
//! a fresh 100x30 terminal (TERM=xterm-256color) and times, from just before
//! the spawn, the read after which the screen shows the marker. After the
//! marker (and `--hold` seconds) the peak memory (VmHWM) is read from
//! /proc, then the app gets SIGTERM.
//!
//! ```text
//! cargo bench --bench first_frame -- [--stories 1000] [--runs 20] [--warmup 2]
//!     [--marker "Reliability metrics"] [--hold 0] [--versus-check] [--bin PATH]
//! ```
//!
//! `--bin` times another build of `sre-prep` (an older one, to compare).
//!
//! `--marker "checks met"` times instead until everything is read, scored
//! and the readiness checklist computed (the home screen's readiness line).
//!
//! `--versus-check` also times `sre-prep check` on the same data directory
//! (the binary's wall time, each run right after one of the app's, so both
//! see the same machine load) and prints the ratio of
//! the two medians: the app is to have everything scored (`--marker "checks
//! met"`) in at most 1.3 times what `check` takes.
//!
//! Budgets: the first frame under 15 ms with 1,000 stories and under 10 ms
//! with 20,000 (`--stories 20000`); with 5,000 stories, everything scored in
//! at most 1.3x `check` (`--stories 5000 --marker "checks met" --versus-check`).

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
    versus_check: bool,
    bin: String,
}

fn options() -> Options {
    let mut options = Options {
        stories: 1000,
        runs: 20,
        warmup: 2,
        marker: "Reliability metrics".into(),
        hold: 0.0,
        versus_check: false,
        bin: BIN.into(),
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
            "--versus-check" => options.versus_check = true,
            "--bin" => options.bin = value(),
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
        &[&options.bin, "--data-dir", data],
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

/// One run of `sre-prep check` on the same data: its wall time in ms.
fn check_once(bin: &str, data: &str) -> f64 {
    let start = Instant::now();
    let status = std::process::Command::new(bin)
        .args(["--data-dir", data, "check"])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("running sre-prep check");
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    assert!(status.code().is_some_and(|c| c <= 1), "check: {status}");
    ms
}

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    if times.len() % 2 == 1 {
        times[times.len() / 2]
    } else {
        (times[times.len() / 2 - 1] + times[times.len() / 2]) / 2.0
    }
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
        "first_frame: {} stories, marker {:?}, {} runs after {} warm-up, {}",
        options.stories, options.marker, options.runs, options.warmup, options.bin
    );
    let mut times = Vec::new();
    let mut checks = Vec::new();
    let mut peak = 0;
    for i in 0..options.warmup + options.runs {
        let (ms, kib) = run_once(&data, tmp.path(), &options);
        // Alternated with the app's runs, so both see the same machine load.
        let check = options
            .versus_check
            .then(|| check_once(&options.bin, &data));
        if i < options.warmup {
            continue;
        }
        checks.extend(check);
        println!(
            "run {}: {ms:.1} ms, peak {} KiB{}",
            i - options.warmup + 1,
            kib.map_or("?".into(), |k| k.to_string()),
            check.map_or(String::new(), |c| format!("; check {c:.1} ms"))
        );
        times.push(ms);
        peak = peak.max(kib.unwrap_or(0));
    }
    let app = median(&mut times);
    println!(
        "first_frame median_ms={app:.1} min_ms={:.1} max_ms={:.1} peak_rss_kib={peak} runs={}",
        times[0],
        times[times.len() - 1],
        times.len()
    );
    if options.versus_check {
        let check = median(&mut checks);
        println!(
            "check median_ms={check:.1} min_ms={:.1} max_ms={:.1} runs={}",
            checks[0],
            checks[checks.len() - 1],
            checks.len()
        );
        println!("app/check ratio={:.2} (budget 1.3)", app / check);
    }
}
