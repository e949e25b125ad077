//! sre-prep: a terminal coach for Site Reliability Engineering interviews.
//!
//! The core (`kit`, `store`, `score`, `content`) is plain Rust with no
//! terminal code; `cli` and `tui` are two thin faces on it.

pub mod answer;
pub mod cheatsheet;
pub mod cli;
pub mod content;
pub mod drill;
pub mod evaluate;
pub mod exit;
pub mod kit;
pub mod parallel;
pub mod postmortem;
pub mod printable;
pub mod readiness;
pub mod score;
pub mod store;
pub mod tui;
