//! One module a screen, each drawing from `&App`.

pub mod editor;
pub mod help;
pub mod home;
pub mod spoken;
pub mod stories;
