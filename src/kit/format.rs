//! Reading the JSON files of the prep kit: strict (an unknown key is an error
//! naming the key and line, never silently dropped), and refusing any file
//! written by a newer build.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};

/// The version of the file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Lets a story or design object carry its file's `"version"` key. The value
/// is checked by [`parse_file`] before the strict parse; here it is accepted
/// and dropped, so two items are equal whatever file they came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VersionKey;

impl<'de> Deserialize<'de> for VersionKey {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(de)?;
        Ok(VersionKey)
    }
}

/// Why a file of the kit could not be read. Every variant names the file and
/// says what to do; the file itself is left untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// Not JSON, or JSON of the wrong shape (an unknown key among them).
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// Written by a newer sre-prep.
    NewerVersion { path: PathBuf, found: u64 },
}

impl FormatError {
    pub fn path(&self) -> &Path {
        match self {
            FormatError::Invalid { path, .. } | FormatError::NewerVersion { path, .. } => path,
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Invalid {
                path,
                line,
                column,
                message,
            } => {
                let advice = if message.starts_with("unknown field") {
                    "fix or remove that key (see the file format in the README), then try again"
                } else {
                    "fix the file (or move it away), then try again"
                };
                write!(
                    f,
                    "{}: line {line}, column {column}: {message} — {advice}",
                    path.display()
                )
            }
            FormatError::NewerVersion { path, found } => write!(
                f,
                "{}: written by a newer sre-prep (format version {found}; this build reads up to {FORMAT_VERSION}) — upgrade sre-prep to read it; the file was left as it is",
                path.display()
            ),
        }
    }
}

impl std::error::Error for FormatError {}

fn invalid(path: &Path, err: &serde_json::Error) -> FormatError {
    // serde_json appends " at line L column C"; we say where in our own words.
    let text = err.to_string();
    let message = match text.rsplit_once(" at line ") {
        Some((head, _)) => head.to_string(),
        None => text,
    };
    FormatError::Invalid {
        path: path.to_path_buf(),
        line: err.line(),
        column: err.column(),
        message,
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    version: Option<serde_json::Value>,
}

/// Checks the `version` key (if any) before the strict parse, so a newer file
/// is reported as newer rather than as a pile of unknown keys.
fn check_version(text: &str, path: &Path, required: bool) -> Result<(), FormatError> {
    let probe: VersionProbe = serde_json::from_str(text).map_err(|e| invalid(path, &e))?;
    let (line, column) = (1, 1);
    match probe.version {
        None if required => Err(FormatError::Invalid {
            path: path.to_path_buf(),
            line,
            column,
            message: "missing key `version` (this build writes `\"version\": 1`)".into(),
        }),
        None => Ok(()),
        Some(serde_json::Value::Number(n)) => match n.as_u64() {
            Some(v) if v >= 1 && v <= u64::from(FORMAT_VERSION) => Ok(()),
            Some(v) if v > u64::from(FORMAT_VERSION) => Err(FormatError::NewerVersion {
                path: path.to_path_buf(),
                found: v,
            }),
            _ => Err(FormatError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: format!("`version` is {n}, which no sre-prep ever wrote"),
            }),
        },
        Some(other) => Err(FormatError::Invalid {
            path: path.to_path_buf(),
            line,
            column,
            message: format!("`version` should be a whole number, not {other}"),
        }),
    }
}

/// The `"version"` a file declares, read straight from the text. In a file
/// that parsed strictly, `"version"` followed by `:` can only be the
/// top-level key (no other object of the format has one). `Err(())` when the
/// value is not a plain whole number (the full check then says why).
fn declared_version(text: &str) -> Option<Result<u64, ()>> {
    let at = text.find("\"version\"")?;
    let rest = text[at + 9..].trim_start().strip_prefix(':')?.trim_start();
    let digits: &str = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    Some(digits.parse::<u64>().map_err(|_| ()))
}

/// Parses one file of the kit strictly (an unknown key is an error), and
/// refuses a file written by a newer build.
pub fn parse_file<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    version_required: bool,
) -> Result<T, FormatError> {
    match serde_json::from_str::<T>(text) {
        Ok(value) => {
            match declared_version(text) {
                Some(Ok(v)) if (1..=u64::from(FORMAT_VERSION)).contains(&v) => {}
                None if !version_required => {}
                // Newer, zero, missing where required, or odd: the full check says which.
                _ => check_version(text, path, version_required)?,
            }
            Ok(value)
        }
        // A newer file is reported as newer, not as a pile of unknown keys.
        Err(e) => {
            check_version(text, path, version_required)?;
            Err(invalid(path, &e))
        }
    }
}

/// The top-level keys of a JSON object, for telling a kit file from a story file.
pub fn top_level_keys(text: &str, path: &Path) -> Result<Vec<String>, FormatError> {
    let keys: BTreeMap<String, IgnoredAny> =
        serde_json::from_str(text).map_err(|e| invalid(path, &e))?;
    Ok(keys.into_keys().collect())
}

/// Pretty JSON with a trailing newline: how every file of the kit is written.
pub fn to_pretty_json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value)
        .expect("kit types serialize to JSON without fail: string keys, no floats");
    text.push('\n');
    text
}
