//! Built-in text written by us: the example stories (and, as the app grows,
//! the playbook, behavioural questions and the trivia deck).

pub mod debates;
pub mod design_prompts;
pub mod examples;
pub mod questions;
pub mod scenarios;
