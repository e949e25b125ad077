//! Drills: what the user practised and how it went, kept in `reviews.json`.

pub mod reviews;
