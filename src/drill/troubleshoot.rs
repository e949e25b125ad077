//! The troubleshooting round, played: a scenario and the lines the candidate
//! typed (each with the second it was typed at) go in; the transcript and the
//! judgment come out. Pure: no clock, no disk — the same lines always give
//! the same verdict, in the app and in `sre-prep troubleshoot --replay`.
//!
//! A line is a command (answered from the scenario, else from the
//! healthy-host baseline), or `h <hypothesis>`, `m <mitigation>`,
//! `c <cause>`, or `hint`. The round ends when the cause is named.
//!
//! The judgment weighs the approach, not only the answer: orienting first
//! (what changed, the golden signals), commands that test a stated
//! hypothesis rather than a scan of every tool, a mitigation before the
//! digging while users hurt, the cause named with the evidence that proves
//! it, and the commands and time it took.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};
use serde::Serialize;

use super::scenario::{self, Baseline, Command, Match, ORIENTING, Scenario};
use super::srs::Rating;

/// Points a hint costs.
pub const HINT_COST: u8 = 8;
/// Points a wrong cause or a harmful action costs.
pub const WRONG_COST: u8 = 5;
/// The most an unsolved round scores.
pub const UNSOLVED_CAP: u8 = 40;
/// A hypothesis naming more areas than this is a scan in disguise.
pub const BROAD: usize = 3;
/// Commands counted as orienting at the start of a round.
pub const ORIENT_WITHIN: usize = 3;
/// While users hurt, a mitigation is expected within this many commands
/// (unless the scenario says otherwise).
pub const MITIGATE_WITHIN: u32 = 6;
/// A cause said in more words than this is a list, not a cause.
pub const CAUSE_WORDS: usize = 40;
/// A replay has no clock: each line counts as this many seconds.
pub const REPLAY_SECONDS_PER_LINE: u32 = 30;

/// One line as typed, and when (seconds since the round started).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub text: String,
    pub seconds: u32,
}

/// Lines from a replay file: one input a line, each counted as
/// [`REPLAY_SECONDS_PER_LINE`] seconds after the one before.
pub fn replay_inputs(text: &str) -> Vec<Input> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, line)| Input {
            text: line.to_string(),
            seconds: (i as u32 + 1) * REPLAY_SECONDS_PER_LINE,
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Command,
    Hypothesis,
    Mitigation,
    Cause,
    Hint,
    /// Typed after the round ended, or not understood.
    Note,
}

/// Why a command was run, as the judge reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "basis", content = "hypothesis")]
pub enum Basis {
    /// Among the first commands, looking at the golden signals or changes.
    Orienting,
    /// Tests this hypothesis (its text).
    Tests(String),
    /// Checks that a mitigation worked.
    Verifies,
    /// No stated hypothesis is about what it looks at.
    Scan,
}

/// One line of the transcript: what was typed and what came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub kind: Kind,
    pub input: String,
    pub seconds: u32,
    pub output: String,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
}

/// One part of the judgment, with the reason for its points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub id: &'static str,
    pub label: &'static str,
    pub points: u8,
    pub max: u8,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Penalty {
    pub points: u8,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgment {
    pub solved: bool,
    pub score: u8,
    /// Lines played: commands, hypotheses, mitigations, causes and hints.
    pub steps: usize,
    pub commands: usize,
    pub seconds: u32,
    /// Ids of the clues the candidate's commands showed, and of those they did not.
    pub found: Vec<String>,
    pub missed: Vec<String>,
    pub checks: Vec<Check>,
    pub penalties: Vec<Penalty>,
    pub hints: usize,
}

impl Judgment {
    /// How the round schedules the scenario's next practice.
    pub fn rating(&self) -> Rating {
        match (self.solved, self.score) {
            (false, _) => Rating::Again,
            (true, s) if s >= 85 => Rating::Easy,
            (true, s) if s >= 65 => Rating::Good,
            _ => Rating::Hard,
        }
    }
}

/// A round as played so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Played {
    pub transcript: Vec<Entry>,
    /// The cause was named: nothing more is played.
    pub over: bool,
    pub judgment: Judgment,
}

struct Compiled<'a> {
    command: &'a Command,
    patterns: Vec<Regex>,
}

fn compile_all(commands: &[Command]) -> Vec<Compiled<'_>> {
    commands
        .iter()
        .map(|command| Compiled {
            command,
            patterns: command
                .patterns
                .iter()
                .filter_map(|p| scenario::compile(p).ok())
                .collect(),
        })
        .collect()
}

fn the_baseline() -> &'static Baseline {
    static BASELINE: OnceLock<Baseline> = OnceLock::new();
    BASELINE.get_or_init(scenario::baseline)
}

/// What a command line resolved to.
struct Resolved<'a> {
    command: Option<&'a Command>,
    captures: Vec<String>,
}

fn resolve<'a>(compiled: &[Compiled<'a>], line: &str) -> Resolved<'a> {
    for c in compiled {
        for re in &c.patterns {
            if let Some(caps) = re.captures(line) {
                let captures = caps
                    .iter()
                    .map(|m| m.map(|m| m.as_str().to_string()).unwrap_or_default())
                    .collect();
                return Resolved {
                    command: Some(c.command),
                    captures,
                };
            }
        }
    }
    Resolved {
        command: None,
        captures: Vec::new(),
    }
}

/// Resolves a command line: the whole pipeline if a pattern names it,
/// else its first stage, with the later stages returned to filter the
/// output. Also returns the line the patterns saw.
fn lookup<'a>(compiled: &[Compiled<'a>], text: &str) -> (Resolved<'a>, String, Vec<String>) {
    let whole = scenario::normalize(text);
    let resolved = resolve(compiled, &whole);
    if resolved.command.is_some() {
        return (resolved, whole, Vec::new());
    }
    let mut stages = pipeline(text);
    let first = scenario::normalize(stages.first().map(String::as_str).unwrap_or(""));
    let filters = if stages.is_empty() {
        Vec::new()
    } else {
        stages.split_off(1)
    };
    (resolve(compiled, &first), first, filters)
}

/// Fills `{name}` from the variables and `{1}`..`{9}` from the captures;
/// any other braces are left as they are.
fn fill(text: &str, vars: &[(&str, &str)], captures: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = match name.parse::<usize>() {
                Ok(n) if (1..=9).contains(&n) => captures.get(n).map(String::as_str),
                _ => vars.iter().find(|(k, _)| *k == name).map(|(_, v)| *v),
            };
            value.map(|v| (v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Splits a shell line on `|`, keeping quoted text whole.
fn pipeline(line: &str) -> Vec<String> {
    let mut stages = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '|') => stages.push(std::mem::take(&mut current)),
            (None, '\'' | '"') => {
                quote = Some(c);
                current.push(c);
            }
            (Some(q), c) if c == q => {
                quote = None;
                current.push(c);
            }
            _ => current.push(c),
        }
    }
    stages.push(current);
    stages
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Shell words, with quotes taken off.
fn shell_words(stage: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in stage.chars() {
        match (quote, c) {
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (_, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// Applies the pipeline's later stages that change what is seen: `grep`
/// (`-i`, `-v`, `-E`, `-F`, `-w`, `-c`, `-e`), `head`/`tail` (`-n N`, `-N`)
/// and `wc -l`. Other stages pass the text through.
fn filter(text: &str, stages: &[String]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for stage in stages {
        let words = shell_words(stage);
        let Some(tool) = words.first().map(String::as_str) else {
            continue;
        };
        let args = &words[1..];
        match tool {
            "grep" | "egrep" | "fgrep" => {
                let (mut insensitive, mut invert, mut fixed, mut whole, mut count) =
                    (false, false, tool == "fgrep", false, false);
                let mut extended = tool == "egrep";
                let mut pattern: Option<String> = None;
                let mut i = 0;
                while i < args.len() {
                    let a = &args[i];
                    if a == "-e" {
                        pattern = args.get(i + 1).cloned();
                        i += 2;
                        continue;
                    }
                    if let Some(flags) = a.strip_prefix('-').filter(|f| !f.is_empty()) {
                        for f in flags.chars() {
                            match f {
                                'i' => insensitive = true,
                                'v' => invert = true,
                                'F' => fixed = true,
                                'E' => extended = true,
                                'w' => whole = true,
                                'c' => count = true,
                                _ => {}
                            }
                        }
                    } else if pattern.is_none() {
                        pattern = Some(a.clone());
                    }
                    i += 1;
                }
                let Some(pattern) = pattern else { continue };
                let mut source = if fixed {
                    regex::escape(&pattern)
                } else if extended {
                    pattern.clone()
                } else {
                    // Basic regular expressions: `\|` is alternation, `|` and `+` literal.
                    pattern
                        .replace("\\|", "\u{0}")
                        .replace('|', "\\|")
                        .replace('+', "\\+")
                        .replace('\u{0}', "|")
                };
                if whole {
                    source = format!(r"\b(?:{source})\b");
                }
                let Ok(re) = RegexBuilder::new(&source)
                    .case_insensitive(insensitive)
                    .build()
                else {
                    lines = vec![format!("grep: Invalid regular expression: {pattern}")];
                    continue;
                };
                lines.retain(|l| re.is_match(l) != invert);
                if count {
                    lines = vec![lines.len().to_string()];
                }
            }
            "head" | "tail" => {
                let mut n = 10usize;
                let mut i = 0;
                while i < args.len() {
                    let a = &args[i];
                    if a == "-n" {
                        n = args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(n);
                        i += 1;
                    } else if let Some(v) = a.strip_prefix("-n") {
                        n = v.parse().unwrap_or(n);
                    } else if let Some(v) = a.strip_prefix('-') {
                        n = v.parse().unwrap_or(n);
                    }
                    i += 1;
                }
                if tool == "head" {
                    lines.truncate(n);
                } else {
                    let skip = lines.len().saturating_sub(n);
                    lines.drain(..skip);
                }
            }
            "wc" if args.iter().any(|a| a == "-l") => {
                lines = vec![lines.len().to_string()];
            }
            _ => {}
        }
    }
    lines.join("\n")
}

/// Words that say what a hypothesis is about, by tag. Each starts a word of
/// the hypothesis ("throttl" matches "throttled").
const LEXICON: &[(&str, &[&str])] = &[
    (
        "cpu",
        &[
            "cpu",
            "load",
            "throttl",
            "quota",
            "cfs",
            "steal",
            "spinning",
            "busy",
            "run queue",
            "runqueue",
            "cores",
            "scheduler",
            "cpu.max",
            "saturat",
        ],
    ),
    (
        "memory",
        &[
            "memory",
            "mem ",
            "ram",
            "leak",
            "oom",
            "out of memory",
            "swap",
            "rss",
            "heap",
            "thrash",
            "page cache",
            "reclaim",
            "paging",
            "kswapd",
            "memory.max",
        ],
    ),
    (
        "disk",
        &[
            "disk",
            "space",
            "inode",
            "filesystem",
            "file system",
            "partition",
            "volume",
            "mount",
            "deleted",
            "unlinked",
            "no space",
            "enospc",
            "small files",
            "log file",
        ],
    ),
    (
        "io",
        &[
            "i/o",
            "io ",
            "iowait",
            "io wait",
            "iops",
            "noisy",
            "neighbo",
            "await",
            "disk latency",
            "slow disk",
            "ebs",
            "nvme",
            "block device",
            "queue depth",
            "burst",
            "storage",
        ],
    ),
    (
        "network",
        &[
            "network",
            "port",
            "tcp",
            "udp",
            "connection",
            "socket",
            "ephemeral",
            "time_wait",
            "time-wait",
            "timewait",
            "syn",
            "backlog",
            "accept queue",
            "listen queue",
            "mtu",
            "mss",
            "packet",
            "conntrack",
            "nat",
            "firewall",
            "iptables",
            "retransmi",
            "dropp",
            "fragment",
            "pmtu",
            "icmp",
            "route",
            "vpn",
            "tunnel",
            "keepalive",
            "keep-alive",
        ],
    ),
    (
        "dns",
        &[
            "dns",
            "resolv",
            "ndots",
            "lookup",
            "coredns",
            "kube-dns",
            "nxdomain",
            "search domain",
            "search path",
            "name resolution",
            "nameserver",
            "fqdn",
        ],
    ),
    (
        "tls",
        &[
            "tls",
            "ssl",
            "cert",
            "x509",
            "x.509",
            "handshake",
            "expir",
            "issuer",
            "chain",
            "not yet valid",
        ],
    ),
    (
        "time",
        &[
            "clock",
            "ntp",
            "chrony",
            "skew",
            "drift",
            "time sync",
            "timesync",
            "wrong time",
            "date",
        ],
    ),
    (
        "process",
        &[
            "process", "fork", "pid", "thread", "cron", "zombie", "runaway", "nproc", "spawn",
            "child", "pids.max",
        ],
    ),
    (
        "files",
        &[
            "fd",
            "file descriptor",
            "descriptor",
            "emfile",
            "too many open",
            "ulimit",
            "nofile",
            "open files",
            "file handle",
            "limitnofile",
            "deleted",
            "held open",
            "still open",
        ],
    ),
    (
        "k8s",
        &[
            "pod",
            "kubernetes",
            "k8s",
            "container",
            "kubelet",
            "cgroup",
            "node",
        ],
    ),
    (
        "change",
        &[
            "deploy",
            "release",
            "rollout",
            "roll out",
            "new version",
            "version",
            "change",
            "config",
            "canary",
            "build",
            "az",
            "availability zone",
            "zone",
            "upgrade",
            "rollback",
            "one az",
        ],
    ),
    ("kernel", &["kernel", "sysctl", "dmesg"]),
    (
        "http",
        &[
            "http",
            "5xx",
            "500",
            "502",
            "503",
            "504",
            "upstream",
            "load balancer",
            "lb ",
            "timeout",
            "error rate",
            "latency",
        ],
    ),
];

/// A statement as the word lists read it: lowercase, punctuation that ends
/// a word made a space, one space at the end (so "fd " matches "fd," too).
fn words_of(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::with_capacity(lower.len() + 1);
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        let ends_word = matches!(c, ',' | ';' | '!' | '?' | '(' | ')' | '"' | '\'' | '`')
            || (c == '.' && chars.peek().is_none_or(|n| n.is_whitespace()));
        out.push(if ends_word { ' ' } else { c });
    }
    out.push(' ');
    out
}

/// Where `needle` (lowercase) starts a word of `haystack` (lowercase).
fn starts_word(haystack: &str, needle: &str) -> bool {
    if needle.trim().is_empty() {
        return false;
    }
    haystack.match_indices(needle).any(|(at, _)| {
        haystack[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// True when every group of `m` has a word or phrase that starts a word of `text`.
pub fn matches(text: &str, m: &Match) -> bool {
    let text = words_of(text);
    !m.is_empty()
        && m.iter().all(|group| {
            group
                .iter()
                .any(|alt| starts_word(&text, &alt.to_lowercase()))
        })
}

/// The areas a hypothesis is about.
pub fn hypothesis_tags(text: &str) -> BTreeSet<&'static str> {
    let text = words_of(text);
    LEXICON
        .iter()
        .filter(|(_, words)| words.iter().any(|w| starts_word(&text, w)))
        .map(|(tag, _)| *tag)
        .collect()
}

/// What an unmodelled command looks at, by its name (and for `cat` and the
/// like, by the path it reads).
fn tool_tags(line: &str) -> Vec<&'static str> {
    let words = shell_words(line);
    let Some(tool) = words.first().map(|w| w.rsplit('/').next().unwrap_or(w)) else {
        return Vec::new();
    };
    let by_tool: &[(&[&str], &[&str])] = &[
        (&["uptime", "w"], &["overview", "cpu"]),
        (
            &["top", "htop", "atop", "glances"],
            &["overview", "cpu", "memory", "process"],
        ),
        (
            &["vmstat", "sar", "dstat"],
            &["overview", "cpu", "memory", "io"],
        ),
        (&["mpstat"], &["cpu"]),
        (&["pidstat", "perf"], &["cpu", "process"]),
        (
            &["iostat", "iotop", "blktrace", "biolatency"],
            &["io", "disk"],
        ),
        (&["free", "slabtop", "smem", "pmap"], &["memory"]),
        (
            &[
                "df", "du", "ncdu", "find", "ls", "stat", "tune2fs", "lsblk", "mount", "findmnt",
            ],
            &["disk"],
        ),
        (&["lsof"], &["files", "process", "network", "disk"]),
        (&["ulimit", "prlimit"], &["files", "process"]),
        (
            &[
                "ss",
                "netstat",
                "nstat",
                "ip",
                "ping",
                "tracepath",
                "traceroute",
                "mtr",
                "tcpdump",
                "iptables",
                "nft",
                "conntrack",
                "ethtool",
                "nc",
                "telnet",
                "arp",
            ],
            &["network"],
        ),
        (
            &["dig", "nslookup", "host", "getent", "resolvectl", "drill"],
            &["dns"],
        ),
        (&["openssl", "certbot"], &["tls"]),
        (&["curl", "wget", "ab", "hey", "wrk"], &["http", "network"]),
        (
            &[
                "date",
                "timedatectl",
                "chronyc",
                "ntpq",
                "ntpstat",
                "hwclock",
            ],
            &["time"],
        ),
        (&["dmesg"], &["overview", "kernel", "logs"]),
        (&["journalctl"], &["overview", "logs"]),
        (&["systemctl", "service"], &["process", "logs"]),
        (
            &[
                "ps", "pstree", "pgrep", "pkill", "kill", "strace", "ltrace", "gdb", "jstack",
                "crontab",
            ],
            &["process"],
        ),
        (
            &["kubectl", "crictl", "docker", "podman", "helm", "k9s"],
            &["k8s"],
        ),
        (&["sysctl"], &["kernel"]),
    ];
    if let Some((_, tags)) = by_tool.iter().find(|(names, _)| names.contains(&tool)) {
        return tags.to_vec();
    }
    if matches!(
        tool,
        "cat" | "less" | "more" | "tail" | "head" | "grep" | "zcat"
    ) {
        let paths: &[(&str, &[&str])] = &[
            ("/proc/pressure/cpu", &["cpu"]),
            ("/proc/pressure/memory", &["memory"]),
            ("/proc/pressure/io", &["io"]),
            ("/proc/meminfo", &["memory"]),
            ("/proc/loadavg", &["cpu"]),
            ("/proc/sys/fs/file", &["files"]),
            ("/proc/sys/net", &["network"]),
            ("/etc/resolv.conf", &["dns"]),
            ("/etc/hosts", &["dns"]),
            ("/sys/fs/cgroup", &["cpu", "memory", "k8s"]),
            ("/var/log", &["logs"]),
        ];
        for word in &words[1..] {
            if let Some((_, tags)) = paths.iter().find(|(p, _)| word.starts_with(p)) {
                return tags.to_vec();
            }
            if word.starts_with("/proc/") && (word.ends_with("/limits") || word.contains("/fd")) {
                return vec!["files", "process"];
            }
            if word.starts_with("/proc/") && word.ends_with("/status") {
                return vec!["process", "memory"];
            }
        }
    }
    Vec::new()
}

/// What the interviewer says to a command the scenario does not model.
pub const NOTHING_UNUSUAL: &str =
    "[interviewer] Assume that shows nothing unusual on this host. What were you testing with it?";

/// How many built-in scenarios other than `id` have a cause `text` names: a
/// list of every cause names several, one cause names none.
fn other_causes(id: &str, text: &str) -> usize {
    static CAUSES: OnceLock<Vec<(String, Match)>> = OnceLock::new();
    CAUSES
        .get_or_init(|| {
            scenario::built_in()
                .into_iter()
                .map(|s| (s.id, s.cause.matches))
                .collect()
        })
        .iter()
        .filter(|(other, m)| other != id && matches(text, m))
        .count()
}

/// Every clue of `proof` has been shown.
fn proven(proof: &[String], found: &[(String, usize)]) -> bool {
    !proof.is_empty() && proof.iter().all(|p| found.iter().any(|(id, _)| id == p))
}

struct Hypothesis {
    text: String,
    tags: BTreeSet<&'static str>,
    /// Names the cause (checked against the cause's words).
    right: bool,
}

/// Plays `inputs` against `scenario`: the transcript so far, whether the
/// round is over, and the judgment of what was done.
pub fn play(scenario: &Scenario, inputs: &[Input]) -> Played {
    let baseline = the_baseline();
    let mut vars: Vec<(&str, &str)> = scenario
        .vars
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    for (k, v) in &baseline.vars {
        if !vars.iter().any(|(name, _)| name == k) {
            vars.push((k.as_str(), v.as_str()));
        }
    }
    let mut compiled = compile_all(&scenario.commands);
    compiled.extend(compile_all(&baseline.commands));

    let mut transcript = Vec::new();
    let mut hypotheses: Vec<Hypothesis> = Vec::new();
    let mut commands = 0usize;
    // (clue id, command number that showed it)
    let mut found: Vec<(String, usize)> = Vec::new();
    let mut orient_overview: Option<usize> = None;
    let mut orient_change: Option<usize> = None;
    let mut mitigated: Option<(usize, String)> = None;
    let mut fixed = false;
    let mut hints = 0usize;
    let mut penalties: Vec<Penalty> = Vec::new();
    let mut cause_named: Option<(usize, bool)> = None; // (command count, proof seen)
    let mut right_hypothesis_first = false;
    let mut last_seconds = 0;
    let mut steps = 0usize;
    let mut over = false;

    for input in inputs {
        let text = input.text.trim();
        if text.is_empty() {
            continue;
        }
        if over {
            transcript.push(Entry {
                kind: Kind::Note,
                input: text.to_string(),
                seconds: input.seconds,
                output: "[interviewer] The round is over: the cause was named.".into(),
                basis: None,
            });
            continue;
        }
        last_seconds = input.seconds;
        let (head, rest) = match text.split_once(char::is_whitespace) {
            Some((h, r)) => (h, r.trim()),
            None => (text, ""),
        };
        let head_lower = head.to_lowercase();
        let mut entry = Entry {
            kind: Kind::Note,
            input: text.to_string(),
            seconds: input.seconds,
            output: String::new(),
            basis: None,
        };
        match head_lower.as_str() {
            "hint" | "hint?" if rest.is_empty() => {
                entry.kind = Kind::Hint;
                match scenario.hints.get(hints) {
                    Some(hint) => {
                        hints += 1;
                        steps += 1;
                        entry.output = format!(
                            "[hint {hints} of {}, -{HINT_COST} points] {hint}",
                            scenario.hints.len()
                        );
                    }
                    None => entry.output = "[interviewer] No more hints: you have them all.".into(),
                }
            }
            "h" | "m" | "c" if rest.is_empty() => {
                entry.output = match head_lower.as_str() {
                    "h" => "Say the hypothesis after h, e.g. `h the disk is full`.",
                    "m" => "Say the mitigation after m, e.g. `m roll back the deploy`.",
                    _ => "Say the cause after c, e.g. `c a deleted log file still held open`.",
                }
                .into();
            }
            "h" => {
                steps += 1;
                entry.kind = Kind::Hypothesis;
                let tags = hypothesis_tags(rest);
                let right = matches(rest, &scenario.cause.matches);
                entry.output = if tags.len() > BROAD {
                    format!(
                        "[interviewer] That names {} areas at once ({}). Which one do you test first?",
                        tags.len(),
                        tags.iter().copied().collect::<Vec<_>>().join(", ")
                    )
                } else if tags.is_empty() {
                    "[interviewer] Noted. What would you look at to test it? (It names no area the judge knows: say disk, memory, DNS, TLS, ...)".to_string()
                } else {
                    format!(
                        "[interviewer] Noted: a hypothesis about {}. How will you test it?",
                        tags.iter().copied().collect::<Vec<_>>().join(", ")
                    )
                };
                let proof_seen = proven(&scenario.cause.proof, &found);
                if right && tags.len() <= BROAD && !proof_seen {
                    right_hypothesis_first = true;
                }
                hypotheses.push(Hypothesis {
                    text: rest.to_string(),
                    tags,
                    right,
                });
            }
            "m" => {
                steps += 1;
                entry.kind = Kind::Mitigation;
                let accepted = scenario
                    .mitigations
                    .iter()
                    .find(|m| matches(rest, &m.matches));
                let harmful = scenario.harmful.iter().find(|h| matches(rest, &h.matches));
                entry.output = match (accepted, harmful) {
                    (None, Some(h)) => {
                        if !h.near {
                            penalties.push(Penalty {
                                points: WRONG_COST,
                                why: format!("harmful action `{rest}`: {}", h.why),
                            });
                        }
                        format!("[interviewer] {}", h.why)
                    }
                    (Some(m), _) => {
                        if mitigated.is_none() {
                            mitigated = Some((commands, rest.to_string()));
                        }
                        fixed |= m.fixes;
                        format!("[interviewer] Done. {}", m.effect)
                    }
                    (None, None) => "[interviewer] That would not relieve the symptom here. What is hurting users right now, and what stops it?".into(),
                };
            }
            "c" => {
                steps += 1;
                entry.kind = Kind::Cause;
                let words = rest.split_whitespace().count();
                let right = matches(rest, &scenario.cause.matches);
                let decoy = scenario.decoys.iter().find(|d| matches(rest, &d.matches));
                entry.output = if words > CAUSE_WORDS {
                    format!(
                        "[interviewer] That is {words} words. Name the one cause in a sentence."
                    )
                } else if right && other_causes(&scenario.id, rest) >= 2 {
                    "[interviewer] Which one is it? Name one cause, not a list.".to_string()
                } else if right {
                    let proof_seen = proven(&scenario.cause.proof, &found);
                    cause_named = Some((commands, proof_seen));
                    over = true;
                    if proof_seen {
                        "[interviewer] Yes, that is the root cause.".to_string()
                    } else {
                        "[interviewer] That is the root cause — but nothing you ran shows it yet. In the room I would ask: what proves it?".to_string()
                    }
                } else {
                    if !decoy.is_some_and(|d| d.near) {
                        penalties.push(Penalty {
                            points: WRONG_COST,
                            why: format!("wrong cause `{rest}`"),
                        });
                    }
                    match decoy {
                        Some(d) => format!("[interviewer] {}", d.why),
                        None => {
                            "[interviewer] Nothing you have seen shows that. What would prove it?"
                                .to_string()
                        }
                    }
                };
            }
            _ => {
                steps += 1;
                commands += 1;
                entry.kind = Kind::Command;
                let (resolved, first, filters) = lookup(&compiled, text);
                let tags: Vec<&str> = match resolved.command {
                    Some(c) => c.tags.iter().map(String::as_str).collect(),
                    None => tool_tags(&first),
                };
                let raw = match resolved.command {
                    Some(c) if fixed && !c.after_mitigation.is_empty() => {
                        c.after_mitigation.as_str()
                    }
                    Some(c) => c.output.as_str(),
                    None => NOTHING_UNUSUAL,
                };
                let filled = fill(raw, &vars, &resolved.captures);
                entry.output = if resolved.command.is_some() {
                    filter(&filled, &filters)
                } else {
                    filled
                };
                if let Some(c) = resolved.command
                    && !entry.output.trim().is_empty()
                {
                    for clue in &c.clues {
                        if !found.iter().any(|(id, _)| id == clue) {
                            found.push((clue.clone(), commands));
                        }
                    }
                }
                let orienting = tags.iter().any(|t| ORIENTING.contains(t));
                if tags.contains(&"overview") && orient_overview.is_none() {
                    orient_overview = Some(commands);
                }
                if tags.contains(&"change") && orient_change.is_none() {
                    orient_change = Some(commands);
                }
                let verifies = fixed
                    && resolved
                        .command
                        .is_some_and(|c| !c.after_mitigation.is_empty());
                let tested = hypotheses.iter().rev().find(|h| {
                    h.tags.len() <= BROAD
                        && !h.tags.is_empty()
                        && (tags.is_empty() || tags.iter().any(|t| h.tags.contains(t)))
                });
                entry.basis = Some(if orienting && commands <= ORIENT_WITHIN {
                    Basis::Orienting
                } else if let Some(h) = tested {
                    Basis::Tests(h.text.clone())
                } else if verifies {
                    Basis::Verifies
                } else {
                    Basis::Scan
                });
            }
        }
        transcript.push(entry);
    }

    let judgment = judge(
        scenario,
        Tally {
            transcript: &transcript,
            hypotheses: &hypotheses,
            commands,
            steps,
            seconds: last_seconds,
            found: &found,
            orient_overview,
            orient_change,
            mitigated: mitigated.as_ref(),
            cause_named,
            right_hypothesis_first,
            hints,
            penalties,
        },
    );
    Played {
        transcript,
        over,
        judgment,
    }
}

struct Tally<'a> {
    transcript: &'a [Entry],
    hypotheses: &'a [Hypothesis],
    commands: usize,
    steps: usize,
    seconds: u32,
    found: &'a [(String, usize)],
    orient_overview: Option<usize>,
    orient_change: Option<usize>,
    mitigated: Option<&'a (usize, String)>,
    cause_named: Option<(usize, bool)>,
    right_hypothesis_first: bool,
    hints: usize,
    penalties: Vec<Penalty>,
}

/// Commands in the model path.
pub fn model_commands(scenario: &Scenario) -> usize {
    scenario
        .model
        .iter()
        .filter(|s| {
            let head = s.input.split_whitespace().next().unwrap_or("");
            !matches!(head, "h" | "m" | "c" | "hint")
        })
        .count()
}

fn minutes(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

fn judge(scenario: &Scenario, t: Tally) -> Judgment {
    let solved = t.cause_named.is_some();
    let mut checks = Vec::new();

    // Orientation: the golden signals and what changed, first.
    let overview = t.orient_overview.filter(|&n| n <= ORIENT_WITHIN);
    let change = t.orient_change.filter(|&n| n <= ORIENT_WITHIN + 1);
    let first_commands: Vec<&str> = t
        .transcript
        .iter()
        .filter(|e| e.kind == Kind::Command)
        .take(ORIENT_WITHIN)
        .map(|e| e.input.as_str())
        .collect();
    let oriented: Vec<&str> = t
        .transcript
        .iter()
        .filter(|e| e.basis == Some(Basis::Orienting))
        .map(|e| e.input.as_str())
        .collect();
    let points = 5 * u8::from(overview.is_some()) + 5 * u8::from(change.is_some());
    let why = match (overview, change) {
        _ if t.commands == 0 => "No command was run.".to_string(),
        (Some(_), Some(_)) => format!(
            "You asked what changed and looked at the golden signals first ({}).",
            oriented.join(", ")
        ),
        (Some(_), None) => format!(
            "You looked at the signals first ({}), but did not ask what changed early (a deploy, a config push, a cron).",
            oriented.join(", ")
        ),
        (None, Some(_)) => "You asked what changed, but did not look at the golden signals (load, errors, latency: uptime, top, vmstat, dmesg) in your first three commands.".to_string(),
        (None, None) => format!(
            "Your first commands ({}) went straight to a guess: look at the golden signals and ask what changed first.",
            first_commands.join(", ")
        ),
    };
    checks.push(Check {
        id: "orient",
        label: "Oriented first: what changed, golden signals",
        points,
        max: 10,
        why,
    });

    // Hypotheses: each command tests one.
    let considered: Vec<&Entry> = t
        .transcript
        .iter()
        .filter(|e| e.kind == Kind::Command && e.basis != Some(Basis::Orienting))
        .collect();
    let justified = considered
        .iter()
        .filter(|e| matches!(e.basis, Some(Basis::Tests(_)) | Some(Basis::Verifies)))
        .count();
    let stated = t
        .hypotheses
        .iter()
        .filter(|h| h.tags.len() <= BROAD)
        .count();
    let share_points = if t.commands == 0 || stated == 0 {
        0
    } else if considered.is_empty() {
        15
    } else {
        (15 * justified / considered.len()) as u8
    };
    let right_points = if t.right_hypothesis_first { 5 } else { 0 };
    let broad = t.hypotheses.len() - stated;
    let mut why = if t.commands == 0 {
        "No command was run.".to_string()
    } else if stated == 0 {
        format!(
            "No hypothesis was stated{}: {} commands were a scan. Say `h <what you suspect>` before the commands that test it.",
            if broad > 0 {
                " that names fewer than four areas"
            } else {
                ""
            },
            t.commands
        )
    } else {
        format!(
            "{justified} of {} commands after orienting tested a hypothesis you had stated",
            considered.len()
        )
    };
    if stated > 0 {
        let scans: Vec<&str> = considered
            .iter()
            .filter(|e| e.basis == Some(Basis::Scan))
            .map(|e| e.input.as_str())
            .take(3)
            .collect();
        if !scans.is_empty() {
            why.push_str(&format!("; no hypothesis behind {}", scans.join(", ")));
        }
        why.push('.');
        why.push_str(if t.right_hypothesis_first {
            " You stated the right hypothesis before the proof."
        } else if t.hypotheses.iter().any(|h| h.right) {
            " You stated the right hypothesis only after the proof was on screen."
        } else {
            " None of your hypotheses was the cause."
        });
    }
    checks.push(Check {
        id: "hypotheses",
        label: "Commands justified by a hypothesis, not a scan",
        points: share_points + right_points,
        max: 20,
        why,
    });

    // Mitigation before digging, while users hurt.
    let within = if scenario.mitigate_within == 0 {
        MITIGATE_WITHIN
    } else {
        scenario.mitigate_within
    } as usize;
    let before_cause = |at: usize| t.cause_named.is_none_or(|(named, _)| at <= named);
    let (points, why) = match t.mitigated {
        None => (
            0,
            if scenario.users_hurting {
                "Users were hurting and nothing was done to stop it: mitigate first (`m <action>`), then dig.".to_string()
            } else {
                "No mitigation was stated: say what stops the damage (`m <action>`).".to_string()
            },
        ),
        Some((at, what)) if !scenario.users_hurting => {
            (15, format!("You mitigated (`{what}`) after {at} commands."))
        }
        Some((at, what)) if *at <= within && before_cause(*at) => (
            15,
            format!(
                "Users were hurting and you mitigated (`{what}`) after {at} commands, before digging for the cause."
            ),
        ),
        Some((at, what)) => (
            8,
            format!(
                "You mitigated (`{what}`), but only after {at} commands{}; while users hurt, stop the bleeding within {within}.",
                if before_cause(*at) {
                    ""
                } else {
                    " and after naming the cause"
                }
            ),
        ),
    };
    checks.push(Check {
        id: "mitigation",
        label: if scenario.users_hurting {
            "Mitigated before digging while users hurt"
        } else {
            "Mitigated"
        },
        points,
        max: 15,
        why,
    });

    // The cause.
    checks.push(Check {
        id: "cause",
        label: "Named the root cause",
        points: if solved { 30 } else { 0 },
        max: 30,
        why: if solved {
            "You named the root cause.".to_string()
        } else {
            "The root cause was not named (`c <cause>`).".to_string()
        },
    });

    // The evidence.
    let proof_names: Vec<&str> = scenario
        .clues
        .iter()
        .filter(|c| scenario.cause.proof.contains(&c.id))
        .map(|c| c.text.as_str())
        .collect();
    let (points, why) = match t.cause_named {
        Some((_, true)) => {
            let seen: Vec<&str> = t
                .found
                .iter()
                .filter(|(id, _)| scenario.cause.proof.contains(id))
                .filter_map(|(id, _)| scenario.clues.iter().find(|c| &c.id == id))
                .map(|c| c.text.as_str())
                .collect();
            (
                15,
                format!("You had the proof on screen: {}.", seen.join("; ")),
            )
        }
        Some((_, false)) => (
            0,
            format!(
                "You named the cause without the evidence that proves it: {}.",
                proof_names.join("; and ")
            ),
        ),
        None => (0, "No cause was named.".to_string()),
    };
    checks.push(Check {
        id: "evidence",
        label: "Named the cause with the evidence that proves it",
        points,
        max: 15,
        why,
    });

    // Economy: commands and time.
    let model = model_commands(scenario).max(1);
    let par = scenario.par_minutes.max(1) * 60;
    let (points, why) = if !solved {
        (0, "Counted only for a solved round.".to_string())
    } else {
        let n = t.commands;
        let command_points = if n <= model + 3 {
            6
        } else {
            let over = n - (model + 3);
            let span = 2 * model;
            (6 * span.saturating_sub(over) / span) as u8
        };
        let time_points = if t.seconds <= par {
            4
        } else if t.seconds <= 2 * par {
            2
        } else {
            0
        };
        (
            command_points + time_points,
            format!(
                "{n} commands (the model path takes {model}) in {} (par {}).",
                minutes(t.seconds),
                minutes(par)
            ),
        )
    };
    checks.push(Check {
        id: "economy",
        label: "Commands and time",
        points,
        max: 10,
        why,
    });

    let mut penalties = t.penalties;
    if t.hints > 0 {
        penalties.insert(
            0,
            Penalty {
                points: HINT_COST * t.hints as u8,
                why: format!("{} hint{}", t.hints, if t.hints == 1 { "" } else { "s" }),
            },
        );
    }
    let earned: i32 = checks.iter().map(|c| i32::from(c.points)).sum();
    let lost: i32 = penalties.iter().map(|p| i32::from(p.points)).sum();
    let mut score = (earned - lost).clamp(0, 100) as u8;
    if !solved {
        score = score.min(UNSOLVED_CAP);
    }
    let found: Vec<String> = scenario
        .clues
        .iter()
        .filter(|c| t.found.iter().any(|(id, _)| *id == c.id))
        .map(|c| c.id.clone())
        .collect();
    let missed = scenario
        .clues
        .iter()
        .filter(|c| !found.contains(&c.id))
        .map(|c| c.id.clone())
        .collect();
    Judgment {
        solved,
        score,
        steps: t.steps,
        commands: t.commands,
        seconds: t.seconds,
        found,
        missed,
        checks,
        penalties,
        hints: t.hints,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_start_words() {
        let m: Match = vec![vec!["delet".into()], vec!["open".into(), "held".into()]];
        assert!(matches("A deleted log still held by java", &m));
        assert!(
            !matches("undeleted files are open", &m),
            "mid-word does not count"
        );
        assert!(
            !matches("the file was deleted", &m),
            "every group must match"
        );
    }

    #[test]
    fn hypotheses_name_their_areas() {
        let tags = hypothesis_tags("the disk is full of a deleted log");
        assert!(tags.contains("disk"), "{tags:?}");
        let tags = hypothesis_tags("DNS lookups are slow because of ndots");
        assert_eq!(tags.into_iter().collect::<Vec<_>>(), ["dns"]);
        assert!(hypothesis_tags("cpu memory disk network dns tls").len() > BROAD);
    }

    #[test]
    fn pipes_filter_what_is_seen() {
        let text = "one OOM\ntwo\nthree oom\nfour";
        let grep = pipeline("dmesg | grep -i oom | tail -n 1");
        assert_eq!(filter(text, &grep[1..]), "three oom");
        assert_eq!(
            filter(text, &pipeline("x | grep -v oom")[1..]),
            "one OOM\ntwo\nfour"
        );
        assert_eq!(filter(text, &pipeline("x | head -2")[1..]), "one OOM\ntwo");
        assert_eq!(filter(text, &pipeline("x | wc -l")[1..]), "4");
        assert_eq!(
            filter(text, &pipeline("x | grep -E 'two|four'")[1..]),
            "two\nfour"
        );
        assert_eq!(
            filter(text, &pipeline(r"x | grep 'two\|four'")[1..]),
            "two\nfour"
        );
        assert_eq!(filter(text, &pipeline("x | grep -c o")[1..]), "4");
    }

    #[test]
    fn placeholders_are_filled_and_other_braces_kept() {
        let vars = [("host", "api-3")];
        let caps = vec!["dig x".to_string(), "x.example".to_string()];
        assert_eq!(
            fill("{host} asked {1}: {\"a\": {2}}", &vars, &caps),
            "api-3 asked x.example: {\"a\": {2}}"
        );
    }

    #[test]
    fn sudo_and_prompts_are_taken_out() {
        assert_eq!(scenario::normalize("$ sudo   lsof  +L1"), "lsof +L1");
        assert_eq!(scenario::normalize("sudo -i dmesg -T"), "dmesg -T");
    }
}

/// Every built-in scenario, played three ways: its model path, a scan of
/// every command it knows with no hypothesis, and giving up at once.
#[cfg(test)]
mod scenario_tests {
    use super::*;

    fn lines(inputs: &[&str]) -> Vec<Input> {
        replay_inputs(&inputs.join("\n"))
    }

    fn model(s: &Scenario) -> Vec<Input> {
        let steps: Vec<&str> = s.model.iter().map(|m| m.input.as_str()).collect();
        lines(&steps)
    }

    /// Every command the scenario answers, in order, then the model's cause.
    fn scan(s: &Scenario) -> Vec<Input> {
        let mut steps: Vec<&str> = s.commands.iter().map(|c| c.example.as_str()).collect();
        let cause = s
            .model
            .iter()
            .find(|m| m.input.starts_with("c "))
            .map(|m| m.input.as_str())
            .unwrap_or("c");
        steps.push(cause);
        lines(&steps)
    }

    #[test]
    fn there_are_fifteen_or_more_scenarios_that_hold_together() {
        let all = scenario::built_in();
        assert!(all.len() >= 15, "{} scenarios", all.len());
        let mut ids = BTreeSet::new();
        for s in &all {
            assert!(ids.insert(s.id.clone()), "{} twice", s.id);
            scenario::check(s).unwrap_or_else(|e| panic!("{}: {e}", s.id));
            assert!(s.hints.len() >= 2, "{}: hints", s.id);
            assert!(s.follow_ups.len() >= 3, "{}: follow-ups", s.id);
            assert!(!s.mitigations.is_empty(), "{}: mitigations", s.id);
            assert!(!s.decoys.is_empty(), "{}: decoys", s.id);
            assert!(s.par_minutes > 0, "{}: par", s.id);
        }
    }

    #[test]
    fn each_example_answers_with_its_own_output() {
        let baseline = scenario::baseline();
        for s in scenario::built_in().iter() {
            let compiled = {
                let mut c = compile_all(&s.commands);
                c.extend(compile_all(&baseline.commands));
                c
            };
            for command in s.commands.iter().chain(&baseline.commands) {
                let got = lookup(&compiled, &command.example).0.command;
                let own = s.commands.iter().any(|c| std::ptr::eq(c, command));
                // A baseline command the scenario overrides answers with the override.
                if own || !s.commands.iter().any(|c| c.example == command.example) {
                    assert!(
                        got.is_some_and(|g| std::ptr::eq(g, command)
                            || (!own && s.commands.iter().any(|c| std::ptr::eq(g, c)))),
                        "{}: `{}` is answered by `{}`",
                        s.id,
                        command.example,
                        got.map(|g| g.example.as_str()).unwrap_or("nothing")
                    );
                }
            }
        }
    }

    #[test]
    fn the_model_path_solves_each_scenario_with_a_high_score() {
        for s in scenario::built_in() {
            let played = play(&s, &model(&s));
            let j = &played.judgment;
            assert!(j.solved, "{}: {:#?}", s.id, played.transcript);
            assert!(
                j.score >= 90,
                "{}: model scores {}: {:#?}",
                s.id,
                j.score,
                j.checks
            );
            assert!(j.penalties.is_empty(), "{}: {:?}", s.id, j.penalties);
            for entry in &played.transcript {
                if entry.kind == Kind::Command {
                    assert_ne!(
                        entry.output, NOTHING_UNUSUAL,
                        "{}: the model runs `{}`, which the scenario does not answer",
                        s.id, entry.input
                    );
                    assert_ne!(
                        entry.basis,
                        Some(Basis::Scan),
                        "{}: `{}` is a scan",
                        s.id,
                        entry.input
                    );
                }
            }
            for proof in &s.cause.proof {
                assert!(
                    j.found.contains(proof),
                    "{}: model never shows {proof}",
                    s.id
                );
            }
        }
    }

    #[test]
    fn a_scan_of_every_command_without_hypotheses_scores_lower() {
        for s in scenario::built_in() {
            let model = play(&s, &model(&s)).judgment;
            let scan = play(&s, &scan(&s)).judgment;
            assert!(scan.solved, "{}: the scan names the cause too", s.id);
            assert!(
                scan.score + 25 <= model.score && scan.score < 70,
                "{}: scan {} vs model {}: {:#?}",
                s.id,
                scan.score,
                model.score,
                scan.checks
            );
            let hypotheses = scan.checks.iter().find(|c| c.id == "hypotheses").unwrap();
            assert_eq!(hypotheses.points, 0, "{}", s.id);
        }
    }

    #[test]
    fn giving_up_at_once_is_unsolved() {
        for s in scenario::built_in() {
            let played = play(&s, &[]);
            assert!(!played.judgment.solved, "{}", s.id);
            assert_eq!(played.judgment.score, 0, "{}", s.id);
            assert_eq!(played.judgment.missed.len(), s.clues.len(), "{}", s.id);
        }
    }

    #[test]
    fn each_model_cause_names_no_other_scenario() {
        let all = scenario::built_in();
        for s in &all {
            let cause = s.model.iter().find(|m| m.input.starts_with("c ")).unwrap();
            for other in all.iter().filter(|o| o.id != s.id) {
                assert!(
                    !matches(&cause.input[2..], &other.cause.matches),
                    "{}'s cause also names {}",
                    s.id,
                    other.id
                );
            }
        }
    }
}

/// Causes said the way candidates say them: each must be recognised for its
/// own scenario (and none of the wrong ones may pass).
#[cfg(test)]
mod phrasing_tests {
    use super::*;

    #[test]
    fn causes_in_a_candidates_words_are_recognised() {
        let said: &[(&str, &str, bool)] = &[
            (
                "disk-deleted-open",
                "java holds a deleted log file open",
                true,
            ),
            (
                "disk-deleted-open",
                "the rotated log was deleted but the JVM still has an open fd to it",
                true,
            ),
            ("disk-deleted-open", "the disk is full", false),
            (
                "inode-exhaustion",
                "out of inodes because of millions of php session files",
                true,
            ),
            ("inode-exhaustion", "the disk is full", false),
            (
                "fd-exhaustion",
                "search-api leaks sockets to elasticsearch",
                true,
            ),
            (
                "fd-exhaustion",
                "file descriptor leak: sockets stuck in CLOSE_WAIT",
                true,
            ),
            ("fd-exhaustion", "the ulimit is too low", false),
            (
                "memory-leak-oom",
                "report-worker has a memory leak and gets OOM killed",
                true,
            ),
            (
                "memory-leak-oom",
                "the template cache grows without bound",
                true,
            ),
            ("memory-leak-oom", "the host needs more RAM", false),
            (
                "swap-thrashing",
                "the host is thrashing swap because the exporter JVM took the RAM",
                true,
            ),
            (
                "runaway-cron",
                "overlapping cron runs hit the nproc limit",
                true,
            ),
            (
                "io-noisy-neighbour",
                "the reindex job saturates the disk",
                true,
            ),
            ("io-noisy-neighbour", "the CPU is overloaded", false),
            (
                "cpu-throttling",
                "CPU throttling from the new CPU limit",
                true,
            ),
            ("cpu-throttling", "the nodes are out of CPU", false),
            (
                "ephemeral-ports",
                "ran out of ephemeral ports because of TIME_WAIT",
                true,
            ),
            (
                "syn-backlog",
                "listen backlog overflow, too few gunicorn workers",
                true,
            ),
            ("syn-backlog", "a SYN flood attack", false),
            ("conntrack-full", "nf_conntrack table is full", true),
            ("mtu-black-hole", "MTU black hole on the VPN", true),
            (
                "mtu-black-hole",
                "PMTUD fails because ICMP is blocked on the tunnel",
                true,
            ),
            ("mtu-black-hole", "the database is slow", false),
            (
                "k8s-dns-ndots",
                "ndots 5 makes every lookup try the search domains",
                true,
            ),
            (
                "cert-expired",
                "certbot renewal failing since the token rotation",
                true,
            ),
            ("cert-expired", "the certificate expired", false),
            ("clock-skew-tls", "NTP is off on worker-7", true),
            ("clock-skew-tls", "clock skew on worker-7", true),
            (
                "clock-skew-tls",
                "the payments certificate is broken",
                false,
            ),
            (
                "bad-deploy-one-az",
                "bad deploy of v2.41.0 in us-east-1a",
                true,
            ),
            ("bad-deploy-one-az", "an AWS outage in us-east-1a", false),
        ];
        let all = scenario::built_in();
        for (id, text, right) in said {
            let s = all.iter().find(|s| s.id == *id).unwrap();
            let played = play(s, &replay_inputs(&format!("c {text}")));
            assert_eq!(played.judgment.solved, *right, "{id}: `{text}`");
        }
    }

    #[test]
    fn a_list_of_every_cause_is_not_a_cause() {
        let all = scenario::built_in();
        let s = all.iter().find(|s| s.id == "disk-deleted-open").unwrap();
        let salad = "c a deleted file held open, or inode exhaustion from session files, or an fd leak in close_wait, or ndots search dns";
        let played = play(s, &replay_inputs(salad));
        assert!(!played.judgment.solved);
        assert!(
            played.transcript[0].output.contains("Name one cause"),
            "{}",
            played.transcript[0].output
        );
    }

    #[test]
    fn a_broad_hypothesis_justifies_nothing() {
        let all = scenario::built_in();
        let s = all.iter().find(|s| s.id == "disk-deleted-open").unwrap();
        let lines = "h something with cpu, memory, disk, network or dns\ndf -h\nlsof +L1";
        let played = play(s, &replay_inputs(lines));
        assert!(played.transcript[0].output.contains("areas at once"));
        assert_eq!(played.transcript[1].basis, Some(Basis::Scan));
        assert_eq!(played.transcript[2].basis, Some(Basis::Scan));
    }
}

/// The judgment's parts, one at a time, on the first scenario.
#[cfg(test)]
mod judgment_tests {
    use super::*;

    fn disk() -> Scenario {
        scenario::built_in()
            .into_iter()
            .find(|s| s.id == "disk-deleted-open")
            .unwrap()
    }

    fn check<'a>(j: &'a Judgment, id: &str) -> &'a Check {
        j.checks.iter().find(|c| c.id == id).unwrap()
    }

    #[test]
    fn mitigating_late_while_users_hurt_earns_less_and_says_why() {
        let lines = "what changed?\nuptime\nh the root filesystem is full\ndf -h\ndf -i\ndu -xsh /\ndu -sh /var/log\nfree -m\nh a deleted file still held open\nlsof +L1\nm restart orders-api\nc a deleted log file held open by java";
        let j = play(&disk(), &replay_inputs(lines)).judgment;
        let m = check(&j, "mitigation");
        assert_eq!(m.points, 8, "{}", m.why);
        assert!(m.why.contains("only after 8 commands"), "{}", m.why);

        // When users are not hurting, a mitigation at any point earns it all.
        let mut calm = disk();
        calm.users_hurting = false;
        let j = play(&calm, &replay_inputs(lines)).judgment;
        assert_eq!(check(&j, "mitigation").points, 15);
        assert_eq!(check(&j, "mitigation").label, "Mitigated");
    }

    #[test]
    fn hints_wrong_causes_and_harm_cost_points_and_an_unsolved_round_is_capped() {
        let model: Vec<String> = disk().model.iter().map(|m| m.input.clone()).collect();
        let clean = play(&disk(), &replay_inputs(&model.join("\n"))).judgment;
        let mut noisy = model.clone();
        noisy.insert(2, "hint".into());
        noisy.insert(3, "c the inodes ran out".into());
        noisy.insert(4, "m reboot the host".into());
        let j = play(&disk(), &replay_inputs(&noisy.join("\n"))).judgment;
        assert!(j.solved);
        assert_eq!(j.hints, 1);
        let lost: u32 = j.penalties.iter().map(|p| u32::from(p.points)).sum();
        assert_eq!(lost, 8 + 5 + 5, "{:?}", j.penalties);
        assert!(j.score < clean.score);

        // Everything but the cause: capped.
        let unsolved: Vec<String> = model
            .iter()
            .filter(|l| !l.starts_with("c "))
            .cloned()
            .collect();
        let j = play(&disk(), &replay_inputs(&unsolved.join("\n"))).judgment;
        assert!(!j.solved);
        assert_eq!(j.score, UNSOLVED_CAP);
        assert_eq!(j.rating(), Rating::Again);
    }

    #[test]
    fn naming_the_cause_without_its_proof_loses_the_evidence_points() {
        let lines =
            "what changed?\nuptime\nc logrotate deleted the log but java still holds it open";
        let played = play(&disk(), &replay_inputs(lines));
        assert!(played.judgment.solved);
        let e = check(&played.judgment, "evidence");
        assert_eq!(e.points, 0);
        assert!(e.why.contains("lsof +L1"), "{}", e.why);
        assert!(played.transcript[2].output.contains("what proves it?"));
        // Lines after the cause are not played.
        let more = format!("{lines}\ndf -h");
        let played = play(&disk(), &replay_inputs(&more));
        assert_eq!(played.transcript[3].kind, Kind::Note);
        assert_eq!(played.judgment.commands, 2);
    }
}
