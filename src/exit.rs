//! The process exit codes, shared by both faces and `main`: the shell and the
//! app end the same way without either knowing the other.

/// Everything went as asked.
pub const EXIT_OK: u8 = 0;
/// A check ran and did not pass.
pub const EXIT_NOT_PASSED: u8 = 1;
/// Bad input, bad usage, or a file that could not be read or written.
pub const EXIT_BAD_INPUT: u8 = 2;
