//! What a typed statement is about: the words that name each area a
//! hypothesis can be about, how a statement is matched against a list of
//! words, and what an unmodelled command looks at.

use std::collections::BTreeSet;

use super::shell::shell_words;
use crate::drill::scenario::Match;

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
pub(super) fn words_of(text: &str) -> String {
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
pub(super) fn tool_tags(line: &str) -> Vec<&'static str> {
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
