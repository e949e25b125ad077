//! The words the evaluators look for, each with what it signals. Finding a
//! word is never enough on its own: every rule also asks for its context (a
//! first-person subject, a change verb, an incident, a number) in the same
//! sentence, and each kind of evidence counts once.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use super::text::{FUNCTION_WORDS, Token, TokenKind};

/// What a phrase signals. A phrase may signal several things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Tag {
    Affected,
    Failure,
    Severity,
    Scope,
    RoleName,
    Ownership,
    DecisionVerb,
    Alternative,
    Reason,
    Risk,
    Tech,
    FixAction,
    Mechanism,
    Investigate,
    EvidenceSource,
    Detection,
    Prevention,
    Mitigation,
    Process,
    ChangeVerb,
    Hedge,
    Vague,
    Direction,
    Comparative,
    Multiple,
    FirstPerson,
    We,
    Be,
    PassiveAction,
}

/// A set of tags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tags(u64);

impl Tags {
    pub fn has(self, tag: Tag) -> bool {
        self.0 & (1 << tag as u8) != 0
    }
    fn with(self, tag: Tag) -> Tags {
        Tags(self.0 | (1 << tag as u8))
    }
}

#[rustfmt::skip]
const AFFECTED: &[&str] = &[
    "user", "users", "customer", "customers", "client", "clients", "merchant", "merchants",
    "tenant", "tenants", "account", "accounts", "request", "requests", "transaction",
    "transactions", "order", "orders", "checkout", "checkouts", "payment", "payments", "session",
    "sessions", "login", "logins", "authorisation", "authorisations", "authorization",
    "authorizations", "call", "calls", "api calls", "query", "queries", "device", "devices",
    "subscriber", "subscribers", "visitor", "visitors", "shopper", "shoppers", "buyer", "buyers",
    "seller", "sellers", "driver", "drivers", "rider", "riders", "player", "players", "patient",
    "patients", "developer", "developers", "engineers", "team", "teams", "build", "builds",
    "deploy", "deploys", "deployments", "pipeline", "pipelines", "message", "messages", "email",
    "emails", "event", "events", "upload", "uploads", "page views", "traffic", "people",
    "households", "stores", "restaurants", "partners", "advertisers", "jobs", "writes", "reads",
    "member", "members", "employee", "employees", "staff", "student", "students", "courier",
    "couriers", "guest", "guests", "fans", "viewers", "listeners", "readers",
];

#[rustfmt::skip]
const FAILURE: &[&str] = &[
    "failed", "failing", "fail", "fails", "failure", "failures", "error", "errors", "errored",
    "5xx", "500s", "502s", "503s", "504s", "outage", "outages", "down", "downtime", "unavailable",
    "unreachable", "degraded", "degradation", "timeout", "timeouts", "timed out", "timing out",
    "latency", "slow", "slowed", "slowdown", "logged out", "lost", "dropped", "crashed", "crash",
    "crashing", "broke", "broken", "hung", "stuck", "stalled", "rejected", "couldn't", "could not",
    "unable", "missed", "delayed", "corrupted", "corruption", "data loss", "stale", "incident",
    "impact", "impacted", "affected", "hurt", "spiked", "spike", "abandoned", "blank", "went dark",
    "paged", "breach", "breached", "overloaded", "exhausted", "charged twice", "double charged",
    "double charging", "overcharged", "charged a second",
];

#[rustfmt::skip]
const SEVERITY: &[&str] = &[
    "sev1", "sev0", "sev2", "sev 1", "sev 0", "sev 2", "p0", "p1", "p2", "error budget", "slo",
    "slos", "sla", "slas", "revenue", "refunds", "refund", "credits", "penalty", "penalties",
    "abandoned", "cost us", "dollars", "major incident", "critical", "status page", "escalated",
    "escalation", "churn", "complaints", "support tickets", "tickets", "headlines", "press",
];

#[rustfmt::skip]
const SCOPE: &[&str] = &[
    "region", "regions", "zone", "zones", "availability zone", "datacenter", "datacenters",
    "data center", "data centers", "all", "every", "entire", "whole", "global", "globally",
    "worldwide", "customer-facing", "customer facing", "internal", "cluster", "clusters", "fleet",
    "endpoints", "services", "eu", "us", "apac", "emea", "europe", "asia", "country", "countries",
    "only", "partial", "nationwide",
];

#[rustfmt::skip]
const ROLE_NAME: &[&str] = &[
    "incident commander", "ic", "on call", "oncall", "tech lead", "technical lead", "team lead",
    "lead", "owner", "primary", "secondary", "responder", "first responder", "comms lead",
    "communications lead", "scribe", "sre", "escalation point", "manager", "architect",
    "point person", "dri", "engineer on call", "on-call engineer", "author",
];

#[rustfmt::skip]
const OWNERSHIP: &[&str] = &[
    "my call", "my decision", "owned", "ownership", "responsible", "accountable", "on the hook",
    "i led", "took charge", "took over", "took the lead", "my change", "my mistake", "my fault",
    "i caused", "my responsibility", "i was responsible",
];

#[rustfmt::skip]
const DECISION_VERB: &[&str] = &[
    "decided", "decide", "decision", "chose", "choose", "chosen", "choice", "opted", "picked",
    "went with", "made the call", "called for", "pushed for", "proposed", "recommended", "elected",
    "committed to", "settled on", "bet on", "prioritised", "prioritized", "my call", "the call",
    "judgement call", "judgment call", "traded", "judged",
];

#[rustfmt::skip]
const ALTERNATIVE: &[&str] = &[
    "instead of", "instead", "rather than", "alternative", "alternatives", "option", "options",
    "trade off", "tradeoff", "tradeoffs", "trade offs", "versus", "vs", "either",
    "choose between", "choice between", "decide between", "pick between",
    "considered", "weighed", "the other path", "other choice", "or wait",
];

#[rustfmt::skip]
const REASON: &[&str] = &[
    "because", "so that", "given that", "in order to", "the reason", "which meant", "to avoid",
    "which would have", "to keep", "to protect", "to limit", "so we could", "so i could",
    "otherwise", "as it would", "as that would", "the goal", "to stop",
];

#[rustfmt::skip]
const RISK: &[&str] = &[
    "risk", "risks", "risky", "downside", "downsides", "cost", "costs", "at the price of",
    "acceptable", "worst case", "safer", "safest", "gamble", "judged", "trade off", "tradeoff",
    "price", "exposure", "would have cost", "accepted", "guarantee", "no guarantee", "danger",
];

#[rustfmt::skip]
const TECH: &[&str] = &[
    "kubernetes", "k8s", "pod", "pods", "node", "nodes", "deployment", "kubectl", "helm",
    "terraform", "ansible", "postgres", "postgresql", "mysql", "redis", "memcached", "kafka",
    "rabbitmq", "nginx", "envoy", "haproxy", "istio", "linkerd", "dns", "tls", "ssl",
    "certificate", "certificates", "cert", "load balancer", "lb", "elb", "alb", "connection pool",
    "pool", "pgbouncer", "cache", "caches", "cdn", "queue", "queues", "config", "configuration",
    "feature flag", "flag", "replica", "replicas", "replication", "index", "indexes", "query",
    "schema", "migration", "thread pool", "threads", "heap", "gc", "garbage collection", "jvm",
    "memory", "cpu", "disk", "inode", "inodes", "file descriptor", "file descriptors", "ulimit",
    "iptables", "bgp", "route", "routes", "routing", "api", "endpoint", "retry", "retries",
    "circuit breaker", "rate limit", "rate limiter", "autoscaler", "hpa", "etcd", "consul",
    "vault", "prometheus", "grafana", "elasticsearch", "cassandra", "dynamodb", "s3", "ec2",
    "lambda", "gcp", "aws", "azure", "vpc", "subnet", "firewall", "proxy", "sidecar", "container",
    "containers", "docker", "image", "registry", "oom", "oomkilled", "oom killer", "kernel",
    "syscall", "socket", "sockets", "tcp", "udp", "http", "grpc", "ttl", "resolver", "coredns",
    "max_connections", "primary", "leader", "follower", "shard", "shards", "partition",
    "partitions", "consumer", "producer", "lag", "vacuum", "lock", "locks", "transaction mode",
    "session mode", "jwt", "token", "tokens", "signing key", "key", "keys", "verifier", "cron",
    "job", "batch", "rollout", "release", "binary", "build", "commit", "pipeline", "ci",
    "recording rules", "alert rules", "burn rate", "sli", "slis", "logs", "log", "daemonset",
    "statefulset", "ingress", "service mesh", "crd", "operator", "nfs", "ebs", "raid", "ssd",
    "filesystem", "ext4", "xfs", "swap", "page cache", "cgroup", "cgroups", "systemd", "journald",
    "ntp", "clock", "mtu", "vip", "anycast", "haproxy", "varnish", "php", "java", "golang", "go",
    "python", "node.js", "rails", "django", "spring", "netty", "tomcat", "gunicorn", "uwsgi",
    "sidekiq", "celery", "zookeeper", "hadoop", "spark", "flink", "bigquery", "snowflake",
    "webhook", "webhooks", "session", "sessions", "database", "db", "server", "servers", "host",
    "hosts", "instance", "instances", "vm", "vms", "network", "bandwidth", "storage", "volume",
    "volumes", "bucket", "buckets", "connection", "connections", "timeout", "timeouts",
    "health check", "readiness probe", "liveness probe", "probe", "canary", "version",
];

#[rustfmt::skip]
const FIX_ACTION: &[&str] = &[
    "rolled back", "roll back", "rollback", "reverted", "revert", "restarted", "restart", "scaled",
    "scale", "patched", "patch", "changed", "raised", "lowered", "capped", "cap", "added",
    "removed", "replaced", "migrated", "failed over", "failover", "drained", "increased",
    "decreased", "set", "configured", "rewrote", "rewritten", "fixed", "bumped", "tuned",
    "disabled", "enabled", "deployed", "pinned", "upgraded", "downgraded", "split", "moved",
    "throttled", "evicted", "killed", "cordoned", "flushed", "purged", "rotated", "renewed",
    "rebuilt", "resized", "sharded", "indexed", "cached", "shed", "blocked", "rerouted",
    "redirected", "switched", "turned off", "turned on", "put", "freed", "cleaned", "deleted",
    "truncated", "vacuumed", "rebalanced", "reindexed", "pushed", "applied", "wrote", "built",
    "limited", "shortened", "extended", "shed load", "failed back", "rolled out", "recreated",
    "restored", "re-enabled", "reenabled", "withdrew", "withdrawn", "cancelled", "canceled",
    "froze", "paused", "resized", "re-ran", "reran", "regenerated", "reissued", "re-issued",
    "issued", "pushed out", "increased", "shifted", "rerouted", "failed over", "rolled",
    "flipped", "toggled", "rolling back", "reverting", "restarting", "rebuilding",
    "redeploying", "recreating", "raising", "capping", "removing", "replacing", "disabling",
    "enabling", "rotating", "renewing", "draining", "failing over", "scaling", "patching",
    "purging", "flushing", "shedding", "blocking", "killing", "restoring", "upgrading",
    "downgrading", "reissuing", "re-issuing", "redeployed", "reloaded", "reloading",
];

#[rustfmt::skip]
const MECHANISM: &[&str] = &[
    "caused", "cause", "causing", "due to", "led to", "leading to", "ran out", "run out",
    "exhausted", "exhaustion", "leak", "leaked", "leaking", "saturated", "saturation", "deadlock",
    "deadlocked", "race", "race condition", "misconfigured", "misconfiguration", "hit the limit",
    "hit its limit", "limit", "limited to", "overflowed", "overflow", "filled up", "starved",
    "starvation", "contention", "crash loop", "crash looped", "crashlooping", "crash looping",
    "retry storm", "thundering herd", "cascading", "cascade", "expired", "bug", "regression",
    "which made", "triggered", "meant that", "mismatch", "drift", "flapping", "backlog",
    "too many", "so there was no", "without", "only loaded", "exceeded", "exceeding", "maxed out",
    "overran", "ran into", "failing", "had been failing", "typo", "slip", "mistake", "wrong",
    "missing", "silently", "renamed", "race", "raced", "dropped", "mismatched", "stale",
    "misrouted", "pointed at", "pointing at", "leaked", "held open", "never renewed",
    "not renewed", "filled", "full", "blocked", "lock", "locked", "deadlocks",
];

#[rustfmt::skip]
const INVESTIGATE: &[&str] = &[
    "found", "traced", "noticed", "compared", "correlated", "bisected", "profiled", "graphed",
    "checked", "dug", "grepped", "pulled", "queried", "reproduced", "spotted", "confirmed",
    "narrowed", "isolated", "ruled out", "suspected", "looked at", "inspected", "examined",
    "diffed", "replayed", "captured", "sampled", "measured", "attached", "strace", "tcpdump",
    "perf", "gdb", "bpftrace", "ebpf", "wireshark", "jstack", "pprof", "analysed", "analyzed",
    "joined", "matched", "discovered", "saw", "showed", "proved", "prove",
];

#[rustfmt::skip]
const EVIDENCE_SOURCE: &[&str] = &[
    "logs", "log", "graph", "graphs", "dashboard", "dashboards", "trace", "traces", "tracing",
    "metrics", "profile", "profiles", "flame graph", "heap dump", "core dump", "dump", "pcap",
    "packet capture", "timeline", "audit log", "error rate", "histogram", "exports", "spans",
    "query plan", "explain plan", "stack trace", "stack traces", "output", "timestamps",
    "error curve", "connection count", "pod count", "tickets",
];

#[rustfmt::skip]
const DETECTION: &[&str] = &[
    "alert", "alerts", "alerting", "slo", "slos", "sli", "slis", "probe", "probes", "synthetic",
    "synthetics", "monitoring", "monitor", "monitors", "dashboard", "dashboards", "paging",
    "health check", "health checks", "anomaly detection", "burn rate", "observability", "tracing",
    "heartbeat", "watchdog", "uptime check", "black box",
];

#[rustfmt::skip]
const PREVENTION: &[&str] = &[
    "ci check", "ci", "lint", "linter", "test", "tests", "testing", "guardrail", "guardrails",
    "policy", "admission controller", "canary", "canaries", "staged rollout",
    "progressive rollout", "progressive delivery", "feature flag", "feature flags", "validation",
    "pre deploy", "code review", "review gate", "quota", "quotas", "automation", "automated",
    "automatically", "capacity planning", "load test", "load testing", "preflight", "schema check",
    "contract test", "fuzzing", "budget", "pre commit",
];

#[rustfmt::skip]
const MITIGATION: &[&str] = &[
    "runbook", "runbooks", "playbook", "playbooks", "load shedding", "shed load", "rate limit",
    "rate limits", "rate limiting", "circuit breaker", "circuit breakers", "failover",
    "automatic rollback", "auto rollback", "autoscaling", "kill switch", "fallback",
    "retry budget", "graceful degradation", "bulkhead", "backpressure", "one command switch",
];

#[rustfmt::skip]
const PROCESS: &[&str] = &[
    "postmortem", "postmortems", "post mortem", "post mortems", "incident review",
    "incident reviews", "error budget policy", "error budget", "game day", "game days",
    "chaos engineering", "training", "on call rotation",
    "incident commander rotation", "ic rotation", "handbook", "documentation",
    "retrospective", "retrospectives", "blameless", "all hands", "action items", "review process",
    "design review", "launch review", "production readiness",
];

#[rustfmt::skip]
const CHANGE_VERB: &[&str] = &[
    "added", "add", "introduced", "built", "created", "wrote", "set up", "automated", "adopted",
    "enforced", "shipped", "rolled out", "put in place", "started", "now", "moved", "replaced",
    "made", "instituted", "established", "implemented", "launched", "require", "requires",
    "required", "mandated", "defined", "designed", "standardised", "standardized", "wired",
    "integrated", "gated", "rejects", "refuses", "fails the build", "presented", "trained",
    "since then", "ever since", "from then on", "no longer", "switched", "migrated", "deleted",
    "demoted", "cut",
];

#[rustfmt::skip]
const HEDGE: &[&str] = &[
    "it depends", "kind of", "sort of", "basically", "i think", "i guess", "maybe", "perhaps",
    "probably", "somewhat", "more or less", "to be honest", "pretty much", "i suppose",
    "hopefully", "i feel like", "i'd say", "arguably", "in a way", "kinda", "sorta",
    "i believe that", "not sure", "i'm not sure", "or something", "stuff like that",
];

#[rustfmt::skip]
const VAGUE: &[&str] = &[
    "a lot", "lots of", "many", "some time", "a while", "a few", "several", "a bunch of",
    "tons of", "numerous", "significant", "significantly", "huge", "massive", "massively",
    "various", "a number of", "much faster", "way better", "much better", "countless",
    "substantial", "substantially", "dramatically", "greatly", "plenty of", "a ton of", "some of",
    "improved things", "got better",
];

#[rustfmt::skip]
const DIRECTION: &[&str] = &[
    "reduced", "reduce", "cut", "dropped", "fell", "decreased", "lowered", "improved", "increased",
    "raised", "grew", "sped up", "shrank", "trimmed", "slashed", "saved", "boosted",
    "brought down", "went down", "went up",
];

#[rustfmt::skip]
const COMPARATIVE: &[&str] = &[
    "fewer", "less", "lower", "faster", "quicker", "shorter", "higher", "more", "smaller",
    "cheaper", "reduction", "drop", "decrease", "improvement", "increase", "speedup", "better",
    "slower", "savings",
];

#[rustfmt::skip]
const MULTIPLE: &[&str] = &[
    "halved", "doubled", "tripled", "quadrupled", "cut in half",
];

#[rustfmt::skip]
const FIRST_PERSON: &[&str] = &[
    "i", "i'm", "i've", "i'd", "i'll", "my", "me", "myself",
];
#[rustfmt::skip]
const WE: &[&str] = &[
    "we", "we're", "we've", "we'd", "we'll", "our", "us", "ourselves",
];
#[rustfmt::skip]
const BE: &[&str] = &[
    "was", "were", "got", "been", "being",
];
#[rustfmt::skip]
const PASSIVE_ACTION: &[&str] = &[
    "fixed", "resolved", "decided", "rolled back", "reverted", "restarted", "patched", "deployed",
    "changed", "mitigated", "identified", "found", "handled", "addressed", "escalated",
    "implemented", "added", "removed", "replaced", "scaled", "done", "made", "taken", "improved",
    "solved", "sorted out", "dealt with", "looked into", "investigated",
];

type Phrase = (Vec<String>, Tags);

/// What the lexicon knows of one word: the phrases it opens (longest first)
/// and whether it is a function word.
#[derive(Default)]
struct Entry {
    phrases: Vec<Phrase>,
    function_word: bool,
}

/// Phrases by their first word.
pub struct Lexicon {
    by_first: HashMap<String, Entry>,
}

/// Built once, on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon::build(&all_lists());
    for word in FUNCTION_WORDS {
        lexicon
            .by_first
            .entry(word.to_string())
            .or_default()
            .function_word = true;
    }
    lexicon
});

/// The hedges alone, found in a first pass.
static HEDGES: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::build(&[(Tag::Hedge, HEDGE)]));

fn all_lists() -> [(Tag, &'static [&'static str]); 28] {
    [
        (Tag::Affected, AFFECTED),
        (Tag::Failure, FAILURE),
        (Tag::Severity, SEVERITY),
        (Tag::Scope, SCOPE),
        (Tag::RoleName, ROLE_NAME),
        (Tag::Ownership, OWNERSHIP),
        (Tag::DecisionVerb, DECISION_VERB),
        (Tag::Alternative, ALTERNATIVE),
        (Tag::Reason, REASON),
        (Tag::Risk, RISK),
        (Tag::Tech, TECH),
        (Tag::FixAction, FIX_ACTION),
        (Tag::Mechanism, MECHANISM),
        (Tag::Investigate, INVESTIGATE),
        (Tag::EvidenceSource, EVIDENCE_SOURCE),
        (Tag::Detection, DETECTION),
        (Tag::Prevention, PREVENTION),
        (Tag::Mitigation, MITIGATION),
        (Tag::Process, PROCESS),
        (Tag::ChangeVerb, CHANGE_VERB),
        (Tag::Vague, VAGUE),
        (Tag::Direction, DIRECTION),
        (Tag::Comparative, COMPARATIVE),
        (Tag::Multiple, MULTIPLE),
        (Tag::FirstPerson, FIRST_PERSON),
        (Tag::We, WE),
        (Tag::Be, BE),
        (Tag::PassiveAction, PASSIVE_ACTION),
    ]
}

impl Lexicon {
    fn build(lists: &[(Tag, &[&str])]) -> Lexicon {
        let mut phrases: HashMap<Vec<String>, Tags> = HashMap::default();
        for &(tag, list) in lists {
            for phrase in list {
                // "customer-facing" and "customer facing" are the same phrase:
                // the matcher skips hyphens between words.
                let words: Vec<String> = phrase
                    .split([' ', '-'])
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect();
                let tags = phrases.entry(words).or_default();
                *tags = tags.with(tag);
            }
        }
        let mut by_first: HashMap<String, Entry> = HashMap::default();
        for (words, tags) in phrases {
            by_first
                .entry(words[0].clone())
                .or_default()
                .phrases
                .push((words, tags));
        }
        for entry in by_first.values_mut() {
            entry
                .phrases
                .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        Lexicon { by_first }
    }
}

/// A phrase found in the text.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub tags: Tags,
    /// Token range `[first, last)`.
    pub first: usize,
    pub last: usize,
}

/// The next token a phrase may continue with: hyphens between words and
/// hedges are skipped ("shed, basically, load" still reads "shed load").
fn next_word(tokens: &[Token], mut i: usize) -> Option<usize> {
    while i < tokens.len() {
        let token = &tokens[i];
        if token.masked || (token.kind == TokenKind::Symbol && token.lower == "-" && token.glued) {
            i += 1;
            continue;
        }
        return Some(i);
    }
    None
}

/// The owner in a possessive ("hpa's" → "hpa"); not a contraction with
/// "is" ("it's", "that's", "what's").
fn possessed(word: &str) -> Option<&str> {
    let stem = word.strip_suffix("'s")?;
    (stem.chars().count() >= 2
        && !matches!(
            stem,
            "it" | "that"
                | "what"
                | "there"
                | "here"
                | "let"
                | "he"
                | "she"
                | "who"
                | "where"
                | "how"
                | "this"
                | "which"
                | "everything"
                | "nothing"
                | "something"
                | "one"
        ))
    .then_some(stem)
}

/// Matches the lexicon at token `i`: the longest phrase wins ("incident
/// commander" is a role, not an incident).
fn match_at(lexicon: &Lexicon, tokens: &[Token], i: usize) -> Option<Hit> {
    let first = tokens[i].lower.as_ref();
    let candidates = match lexicon.by_first.get(first) {
        Some(entry) => &entry.phrases,
        // "the HPA's minReplicas": the possessive names the same piece of
        // technology as the word alone ("the hpa").
        None => {
            let stem = possessed(first)?;
            return lexicon
                .by_first
                .get(stem)?
                .phrases
                .iter()
                .find_map(|(words, tags)| {
                    (words.len() == 1 && tags.has(Tag::Tech)).then_some(Hit {
                        tags: Tags::default().with(Tag::Tech),
                        first: i,
                        last: i + 1,
                    })
                });
        }
    };
    let sentence = tokens[i].sentence;
    'phrases: for (words, tags) in candidates {
        let mut at = i;
        // The first word matched the map key already.
        for word in words.iter().skip(1) {
            match next_word(tokens, at + 1) {
                Some(next) => at = next,
                None => continue 'phrases,
            }
            let token = &tokens[at];
            if token.lower != *word || token.sentence != sentence {
                continue 'phrases;
            }
        }
        // Candidates are sorted longest first, so the first match is the longest.
        return Some(Hit {
            tags: *tags,
            first: i,
            last: at + 1,
        });
    }
    None
}

/// A fix verb told in the present ("I purge the queue", "we raise the
/// limit"): its past form is one of the lexicon's fix actions.
pub fn fix_verb_in_present(word: &str) -> bool {
    word.len() > 2
        && !word.ends_with("ed")
        && FIX_ACTION.iter().any(|past| {
            past.strip_prefix(word)
                .is_some_and(|end| end == "d" || end == "ed")
        })
}

/// Every phrase of the lexicon in `tokens`, in order. Hedges are found first
/// and masked on the tokens, so no other rule can see them: hedging can only
/// cost points.
pub fn scan(tokens: &mut [Token]) -> Vec<Hit> {
    let lexicon = &*LEXICON;
    for token in tokens.iter_mut().filter(|t| t.is_word()) {
        token.function = lexicon
            .by_first
            .get(token.lower.as_ref())
            .is_some_and(|e| e.function_word);
    }
    let mut hedges = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match match_at(&HEDGES, tokens, i) {
            Some(hit) => {
                for token in &mut tokens[hit.first..hit.last] {
                    token.masked = true;
                }
                hedges.push(hit);
                i = hit.last;
            }
            None => i += 1,
        }
    }
    let mut hits = Vec::new();
    let mut hedge = hedges.iter().peekable();
    for i in 0..tokens.len() {
        while let Some(h) = hedge.next_if(|h| h.first <= i) {
            hits.push(*h);
        }
        if tokens[i].masked {
            continue;
        }
        if let Some(hit) = match_at(lexicon, tokens, i) {
            hits.push(hit);
        }
    }
    hits.extend(hedge.copied());
    hits
}
