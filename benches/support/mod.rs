//! Synthetic prep kits for the benchmarks: realistic sizes and wording, made
//! deterministically from a count, so every benchmark measures the same data.
#![allow(dead_code)] // each benchmark uses only part of this

use sre_prep::kit::{Design, Kit, Metric, MetricKind, Opinion, Story, StoryMetric};

const SERVICES: [&str; 8] = [
    "checkout",
    "payments",
    "search",
    "login",
    "inventory",
    "billing",
    "gateway",
    "ledger",
];

/// A story of about 330 words, varied by `n`.
pub fn story(n: usize) -> Story {
    let service = SERVICES[n % SERVICES.len()];
    let pct = 5 + n % 40;
    let minutes = 10 + n % 50;
    Story {
        id: format!("incident-{n:05}"),
        title: format!("The {service} outage number {n}"),
        blast_radius: format!(
            "For {minutes} minutes about {pct}% of {service} requests failed, roughly {} customers saw errors and we burned {}% of the monthly error budget in the EU region.",
            1_000 + n * 13,
            10 + n % 70
        ),
        role: format!(
            "I was the incident commander for the {service} team. I ran the bridge, I assigned two engineers to the database and I made the rollback call myself."
        ),
        decision: "I decided to roll back rather than push a forward fix, because the diff touched the connection pool and a forward fix would have needed another 20 minutes of review. The risk was losing the new feature flag data, which I judged acceptable.".into(),
        fix: format!(
            "The new release raised the pool size from 20 to 80 per pod while the {service} deployment ran 40 pods, so PostgreSQL hit max_connections. I rolled back with kubectl rollout undo, then added PgBouncer in transaction mode with a server pool of 400."
        ),
        root_cause: "I compared the pod count graph with the database connection count and saw errors begin 30 seconds after the rollout passed 25 pods; the logs said too many clients.".into(),
        systemic_change: "I added a CI check that multiplies max replicas by pool size against the database budget, an alert on connection saturation above 80%, a runbook for load shedding and a quarterly game day.".into(),
        metrics: vec![
            StoryMetric {
                name: "Error rate".into(),
                before: format!("{pct}%"),
                after: "0.3%".into(),
            },
            StoryMetric {
                name: "MTTR".into(),
                before: format!("{minutes} min"),
                after: "12 min".into(),
            },
        ],
        questions: vec!["critical-incident".into()],
        notes: String::new(),
        ..Story::default()
    }
}

pub fn design(n: usize) -> Design {
    Design {
        id: format!("design-{n:05}"),
        prompt: ["ci-cd", "kubernetes", "multi-region"][n % 3].into(),
        title: format!("Design answer {n}"),
        real_system: "The build and deploy platform I ran for 120 engineers at my last company.".into(),
        requirements: "300 deploys a day, under 15 minutes from merge to production, rollback in one command.".into(),
        architecture: "Monorepo, Bazel remote cache, Buildkite agents on spot instances, Argo Rollouts canaries.".into(),
        scaling: "Peak 1,800 builds a day; 60 agents; cache hit rate 85% keeps p50 build at 6 minutes.".into(),
        failure_modes: "Cache poisoning, a stuck canary, a region down: each has a runbook and an automated guard.".into(),
        observability: "SLO: 99% of deploys finish in under 20 minutes over 28 days; alert on burn rate.".into(),
        tradeoffs: "I chose spot agents over reserved ones: 60% cheaper, at the price of retrying 2% of builds.".into(),
        ..Design::default()
    }
}

pub fn metric(n: usize) -> Metric {
    Metric {
        id: format!("metric-{n:05}"),
        name: format!("MTTD for P{} incidents, service {n}", 1 + n % 3),
        kind: MetricKind::ALL[n % MetricKind::ALL.len()],
        before: format!("{} min", 5 + n % 20),
        after: "90 s".into(),
        note: String::new(),
    }
}

pub fn opinion(n: usize) -> Opinion {
    Opinion {
        id: format!("opinion-{n:05}"),
        stance: format!("I believe in SLO-based alerting (take {n})"),
        over: "threshold alerts on CPU and memory".into(),
        because: "a page should mean a user is hurt, not that a machine is busy".into(),
        evidence:
            "When I moved the payments team to burn-rate alerts, false pages fell from 67% to 8%."
                .into(),
        limits:
            "For batch systems with no users in the loop, a simple freshness threshold is better."
                .into(),
    }
}

/// A kit with `n` stories and `n` of each other kind.
pub fn kit(n: usize) -> Kit {
    Kit {
        stories: (0..n).map(story).collect(),
        designs: (0..n).map(design).collect(),
        metrics: (0..n).map(metric).collect(),
        opinions: (0..n).map(opinion).collect(),
        ..Kit::default()
    }
}

/// A kit with `n` stories and nothing else.
pub fn stories_only(n: usize) -> Kit {
    Kit {
        stories: (0..n).map(story).collect(),
        ..Kit::default()
    }
}

/// Set in the environment of the small helper process below: the arguments
/// to run the binary with, separated by newlines.
const PEAK_HELPER: &str = "SRE_PREP_BENCH_PEAK_HELPER";

/// Call first in a bench's `main`: when this process is the helper, runs the
/// binary once, prints its peak memory in KiB, and returns true.
pub fn run_peak_helper() -> bool {
    let Some(args) = std::env::var_os(PEAK_HELPER) else {
        return false;
    };
    let args = args.to_string_lossy().into_owned();
    // Reaped by wait4 below, which also reports the child's resources.
    #[allow(clippy::zombie_processes)]
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_sre-prep"))
        .args(args.split('\n'))
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("starting sre-prep");
    let mut status = 0;
    // SAFETY: a zeroed rusage is valid; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert!(pid > 0, "wait4 failed");
    println!("{}", usage.ru_maxrss);
    true
}

/// Peak resident memory, in MB, of the binary run with `args`. Linux charges
/// a child the memory of the process it was started from (its old image, at
/// exec), so the binary is started by a fresh copy of this bench, which is
/// small, rather than by this process, which holds the benchmark's data.
pub fn peak_mb_of_binary(args: &[&str]) -> Result<f64, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = std::process::Command::new(exe)
        .env(PEAK_HELPER, args.join("\n"))
        .output()
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.trim()
        .parse::<f64>()
        .map(|kib| kib / 1024.0)
        .map_err(|_| {
            format!(
                "the helper said {text:?} {}",
                String::from_utf8_lossy(&out.stderr)
            )
        })
}
