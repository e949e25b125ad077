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
        // serde_json says column 0 for an error before the first character.
        column: err.column().max(1),
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
    let (line, column) = (1, 1);
    if text.trim_start().starts_with('[') {
        // Serde would read an array as the fields in order: never what was meant.
        return Err(FormatError::Invalid {
            path: path.to_path_buf(),
            line,
            column,
            message: "this is a JSON array, and sre-prep reads an object `{ ... }` here".into(),
        });
    }
    let probe: VersionProbe = serde_json::from_str(text).map_err(|e| invalid(path, &e))?;
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

/// What the top-level `"version"` key of a JSON object holds, read from the
/// text without a second parse.
#[derive(Debug, PartialEq, Eq)]
enum DeclaredVersion {
    Absent,
    Number(u64),
    /// Not a plain whole number: the full check says why.
    Odd,
    /// The quick read could not tell (an escaped key, not an object).
    Unsure,
}

/// Reads the top-level `"version"` of `text`, skipping every nested value
/// and every string (so `{"title": "version", "version": 2}` is version 2).
/// Only called on text that parsed as JSON.
fn declared_version(text: &str) -> DeclaredVersion {
    let b = text.as_bytes();
    let mut i = skip_space(b, 0);
    if b.get(i) != Some(&b'{') {
        return DeclaredVersion::Unsure;
    }
    i += 1;
    loop {
        i = skip_space(b, i);
        match b.get(i) {
            Some(b'}') => return DeclaredVersion::Absent,
            Some(b'"') => {}
            _ => return DeclaredVersion::Unsure,
        }
        let Some(key_end) = string_end(b, i) else {
            return DeclaredVersion::Unsure;
        };
        let key = &b[i + 1..key_end - 1];
        if key.contains(&b'\\') {
            return DeclaredVersion::Unsure;
        }
        i = skip_space(b, key_end);
        if b.get(i) != Some(&b':') {
            return DeclaredVersion::Unsure;
        }
        i = skip_space(b, i + 1);
        let Some(value_end) = value_end(b, i) else {
            return DeclaredVersion::Unsure;
        };
        if key == b"version" {
            let value = &text[i..value_end];
            return match value.parse::<u64>() {
                Ok(v) if value.bytes().all(|c| c.is_ascii_digit()) => DeclaredVersion::Number(v),
                _ => DeclaredVersion::Odd,
            };
        }
        i = skip_space(b, value_end);
        match b.get(i) {
            Some(b',') => i += 1,
            Some(b'}') => return DeclaredVersion::Absent,
            _ => return DeclaredVersion::Unsure,
        }
    }
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

/// `b[start]` is an opening quote: the index just past the closing one.
fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// The index just past the JSON value starting at `b[start]`.
fn value_end(b: &[u8], start: usize) -> Option<usize> {
    match b.get(start)? {
        b'"' => string_end(b, start),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = start;
            while i < b.len() {
                match b[i] {
                    b'"' => {
                        i = string_end(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        _ => {
            let len = b[start..]
                .iter()
                .position(|c| matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                .unwrap_or(b.len() - start);
            Some(start + len)
        }
    }
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
                DeclaredVersion::Number(v) if (1..=u64::from(FORMAT_VERSION)).contains(&v) => {}
                DeclaredVersion::Absent if !version_required => {}
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

/// The bytes of a file as text: UTF-8, with a leading byte order mark (as
/// some Windows editors write) dropped. `Err` holds the offset of the first
/// byte that is not UTF-8.
pub fn decode_text(mut bytes: Vec<u8>) -> Result<String, usize> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| e.utf8_error().valid_up_to())
}

/// Reads a struct only from a JSON object. Serde's derive also accepts an
/// array of the field values in order, which nobody writes on purpose and
/// which reads a mistake as a story. Used through [`objects_only!`].
pub struct ObjectOnly<D>(pub D);

impl<'de, D: serde::Deserializer<'de>> serde::Deserializer<'de> for ObjectOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// For a struct deriving serde with `#[serde(remote = "Self")]`: the trait
/// impls, reading it from a JSON object only (see [`ObjectOnly`]).
macro_rules! objects_only {
    ($($ty:ty),* $(,)?) => {$(
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                <$ty>::serialize(self, serializer)
            }
        }
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <$ty>::deserialize($crate::kit::format::ObjectOnly(deserializer))
            }
        }
    )*};
}
pub(crate) use objects_only;

/// Pretty JSON with a trailing newline: how every file of the kit is written.
pub fn to_pretty_json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value)
        .expect("kit types serialize to JSON without fail: string keys, no floats");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kit::{Kit, Story};

    #[test]
    fn the_version_is_the_top_level_key_not_the_first_word_version() {
        use DeclaredVersion::*;
        for (text, want) in [
            (r#"{"title":"version","version":2}"#, Number(2)),
            (r#"{"notes":"say \"version\": 1","version":3}"#, Number(3)),
            (
                r#"{"nested":{"version":1},"list":[{"version":1}],"version":7}"#,
                Number(7),
            ),
            (r#"{ "version" : 1 , "title": "x" }"#, Number(1)),
            (r#"{"title":"version"}"#, Absent),
            (r#"{}"#, Absent),
            (r#"{"version":1.5}"#, Odd),
            (r#"{"version":"1"}"#, Odd),
            (r#"{"version":-1}"#, Odd),
            (r#"{"vers\u0069on":9}"#, Unsure),
            ("[1]", Unsure),
        ] {
            assert_eq!(declared_version(text), want, "{text}");
        }
    }

    #[test]
    fn a_newer_version_behind_a_title_saying_version_is_refused() {
        let path = Path::new("story.json");
        let err =
            parse_file::<Story>(r#"{"title":"version","version":2}"#, path, false).unwrap_err();
        assert!(
            matches!(err, FormatError::NewerVersion { found: 2, .. }),
            "{err}"
        );
        // An escaped key is read by the full check.
        let err =
            parse_file::<Story>(r#"{"title":"x","vers\u0069on":2}"#, path, false).unwrap_err();
        assert!(
            matches!(err, FormatError::NewerVersion { found: 2, .. }),
            "{err}"
        );
    }

    #[test]
    fn a_story_given_as_an_array_is_refused() {
        let path = Path::new("kit.json");
        let err = parse_file::<Story>(r#"["my-id", "DNS outage"]"#, path, false).unwrap_err();
        assert!(err.to_string().contains("this is a JSON array"), "{err}");
        let kit = r#"{"version":1,"stories":[["my-id","DNS outage"]]}"#;
        let err = crate::kit::exchange::parse_import(kit, path).unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
        let metric = r#"{"title":"x","metrics":[["MTTR","42 min","11 min"]]}"#;
        assert!(parse_file::<Story>(metric, path, false).is_err());
        // Objects still read, and write back the same.
        let kit = r#"{"version":1,"stories":[{"id":"a","metrics":[{"name":"MTTR"}]}]}"#;
        let parsed: Kit = crate::kit::exchange::parse_import(kit, path).unwrap();
        assert_eq!(parsed.stories[0].metrics[0].name, "MTTR");
        assert!(to_pretty_json(&parsed.stories[0]).contains("\"name\": \"MTTR\""));
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_bad_utf8_is_located() {
        assert_eq!(decode_text(b"\xEF\xBB\xBF{}".to_vec()).unwrap(), "{}");
        assert_eq!(decode_text(b"{}".to_vec()).unwrap(), "{}");
        assert_eq!(decode_text(b"ab\xff".to_vec()).unwrap_err(), 2);
    }
}
