//! One module a screen, each drawing from `&App`.

pub mod checklist;
pub mod deck;
pub mod editor;
pub mod help;
pub mod home;
pub mod postmortem;
pub mod quiz;
pub mod rehearse;
pub mod spoken;
pub mod steps;
pub mod stories;
pub mod troubleshoot;
