//! Drills: what the user practised and how it went, kept in `reviews.json`.

pub mod deck;
pub mod follow_ups;
pub mod reviews;
pub mod scenario;
pub mod srs;
pub mod troubleshoot;
