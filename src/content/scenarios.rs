//! The built-in troubleshooting scenarios, one JSON file each, and the
//! healthy-host baseline every scenario falls back on. Written by us; the
//! outputs follow the real tools' formats (field names and units), with
//! values made up for each fault.

/// Commands a healthy host answers, and default values for `{host}` & co.
pub const BASELINE: &str = include_str!("scenarios/baseline.json");

/// `(file name, text)` of each scenario, in the order they are listed.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "disk-deleted-open.json",
        include_str!("scenarios/disk-deleted-open.json"),
    ),
    (
        "inode-exhaustion.json",
        include_str!("scenarios/inode-exhaustion.json"),
    ),
    (
        "fd-exhaustion.json",
        include_str!("scenarios/fd-exhaustion.json"),
    ),
    (
        "memory-leak-oom.json",
        include_str!("scenarios/memory-leak-oom.json"),
    ),
    (
        "swap-thrashing.json",
        include_str!("scenarios/swap-thrashing.json"),
    ),
    (
        "runaway-cron.json",
        include_str!("scenarios/runaway-cron.json"),
    ),
    (
        "io-noisy-neighbour.json",
        include_str!("scenarios/io-noisy-neighbour.json"),
    ),
    (
        "cpu-throttling.json",
        include_str!("scenarios/cpu-throttling.json"),
    ),
    (
        "ephemeral-ports.json",
        include_str!("scenarios/ephemeral-ports.json"),
    ),
    (
        "syn-backlog.json",
        include_str!("scenarios/syn-backlog.json"),
    ),
    (
        "conntrack-full.json",
        include_str!("scenarios/conntrack-full.json"),
    ),
    (
        "mtu-black-hole.json",
        include_str!("scenarios/mtu-black-hole.json"),
    ),
    (
        "k8s-dns-ndots.json",
        include_str!("scenarios/k8s-dns-ndots.json"),
    ),
    (
        "cert-expired.json",
        include_str!("scenarios/cert-expired.json"),
    ),
    (
        "clock-skew-tls.json",
        include_str!("scenarios/clock-skew-tls.json"),
    ),
    (
        "bad-deploy-one-az.json",
        include_str!("scenarios/bad-deploy-one-az.json"),
    ),
];
