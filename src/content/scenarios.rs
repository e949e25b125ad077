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
];
