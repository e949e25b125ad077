//! Typed fields: one enum per kind of item the user writes as text (story,
//! design answer, metric, opinion, narrative, interview details). Each enum
//! lists its fields in display and exchange order with the key the files and
//! templates use, the label a user reads and a hint of what belongs there;
//! each item reads and writes a field through one exhaustive match, so a new
//! field makes the compiler point at every place that must learn it.
//! The two checks of typed text a form needs (a date, a metric kind) live
//! here once, for the files and the editors alike.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

/// A field of one kind of item, as the editors, the `$EDITOR` template and
/// the exchange format know it.
pub trait TextField:
    Copy + Eq + fmt::Debug + fmt::Display + FromStr<Err = UnknownField> + 'static
{
    /// What the item is called in messages, with its article: "a story".
    const ITEM: &'static str;
    /// Every field, in display and exchange order.
    fn all() -> &'static [Self];
    /// The field's place in [`TextField::all`].
    fn index(self) -> usize;
    /// The key in the JSON files and drafts: `blast_radius`.
    fn key(self) -> &'static str;
    /// The name a user reads (a template heading, an editor row): `Blast radius`.
    fn label(self) -> &'static str;
    /// What belongs in the field, one line.
    fn hint(self) -> &'static str;
    /// Whether the text may run over several lines (Enter breaks the line)
    /// rather than being one line (Enter moves on).
    fn multiline(self) -> bool;
}

/// An item whose fields are all text the user types.
pub trait Fields {
    type Field: TextField;
    /// The field's text as the user typed it (a date or a kind as its text).
    fn get(&self, field: Self::Field) -> Cow<'_, str>;
    /// Sets the field from typed text; `Err` says what is wrong with it, and
    /// leaves the field as it was (a metric list keeps the lines that read).
    fn set(&mut self, field: Self::Field, text: String) -> Result<(), FieldError>;
}

/// A key that names no field of the item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    pub item: &'static str,
    pub key: String,
    /// Every key that would have been understood, in order.
    pub valid: Vec<&'static str>,
}

impl fmt::Display for UnknownField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a field of {} — the fields are: {}",
            self.key,
            self.item,
            self.valid.join(", ")
        )
    }
}

impl std::error::Error for UnknownField {}

/// Typed text a field cannot take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The line of the field's text at fault (1-based), when one line is.
    pub line: Option<usize>,
    /// What is wrong and how to write it, in a sentence.
    pub message: String,
}

impl FieldError {
    pub fn new(message: impl Into<String>) -> FieldError {
        FieldError {
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FieldError {}

impl From<FieldError> for String {
    fn from(e: FieldError) -> String {
        e.message
    }
}

/// Reads a day written `YYYY-MM-DD`; blank text is no date. The one check of
/// a date, for the files and the editors: `Err` completes "<the field> ...".
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, String> {
    match text.trim() {
        "" => Ok(None),
        day => NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| format!("`{day}` is not a date: write it as YYYY-MM-DD, e.g. 2026-12-10")),
    }
}

/// Declares a field enum: its variants in display and exchange order, each
/// with its key, label, `single` or `multi` line, and hint; then `ALL`,
/// `KEYS`, `FromStr` (by key), `Display` (the label) and [`TextField`].
macro_rules! text_fields {
    (@multi single) => { false };
    (@multi multi) => { true };
    (
        $(#[$meta:meta])*
        $name:ident, $item:literal,
        $( $variant:ident = $key:literal, $label:literal, $lines:ident, $hint:literal; )+
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every field, in display and exchange order.
            pub const ALL: [$name; [$($key),+].len()] = [$($name::$variant),+];
            /// Every key, in the order of [`Self::ALL`].
            pub const KEYS: [&'static str; [$($key),+].len()] = [$($key),+];

            /// The field's place in [`Self::ALL`] (and so its row in an editor).
            pub const fn index(self) -> usize {
                self as usize
            }

            /// The key in the JSON files and drafts.
            pub const fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// The name a user reads.
            pub const fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// What belongs in the field, one line.
            pub const fn hint(self) -> &'static str {
                match self { $($name::$variant => $hint),+ }
            }

            /// Whether Enter breaks the line (rather than moving on).
            pub const fn multiline(self) -> bool {
                match self { $($name::$variant => $crate::kit::field::text_fields!(@multi $lines)),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::kit::field::UnknownField;
            /// Reads a key (`blast_radius`); an unknown key is an error naming
            /// it and the keys there are.
            fn from_str(key: &str) -> Result<Self, Self::Err> {
                Self::ALL
                    .into_iter()
                    .find(|f| f.key() == key)
                    .ok_or_else(|| $crate::kit::field::UnknownField {
                        item: $item,
                        key: key.to_string(),
                        valid: Self::KEYS.to_vec(),
                    })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        /// A field is equal to its key, so `field == "role"` reads as it says.
        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.key() == *other
            }
        }

        impl $crate::kit::field::TextField for $name {
            const ITEM: &'static str = $item;
            fn all() -> &'static [Self] {
                &Self::ALL
            }
            fn index(self) -> usize {
                $name::index(self)
            }
            fn key(self) -> &'static str {
                $name::key(self)
            }
            fn label(self) -> &'static str {
                $name::label(self)
            }
            fn hint(self) -> &'static str {
                $name::hint(self)
            }
            fn multiline(self) -> bool {
                $name::multiline(self)
            }
        }
    };
}
pub(crate) use text_fields;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kit::{
        Design, DesignField, Metric, MetricField, Narrative, NarrativeField, Opinion, OpinionField,
        Profile, ProfileField, Story, StoryField,
    };

    /// Every variant reads back from its key, shows its label, and no two
    /// share a key or a label.
    fn round_trips<F: TextField>() {
        for (i, &field) in F::all().iter().enumerate() {
            assert_eq!(field.key().parse::<F>(), Ok(field), "{field:?}");
            assert_eq!(field.index(), i, "{field:?}");
            assert_eq!(field.to_string(), field.label(), "{field:?}");
            assert!(!field.hint().is_empty(), "{field:?} has a hint");
            let same_key = F::all().iter().filter(|f| f.key() == field.key()).count();
            let same_label = F::all()
                .iter()
                .filter(|f| f.label().eq_ignore_ascii_case(field.label()))
                .count();
            assert_eq!((same_key, same_label), (1, 1), "{field:?}");
        }
    }

    #[test]
    fn every_field_of_every_kind_reads_back_from_its_key_and_shows_its_label() {
        round_trips::<StoryField>();
        round_trips::<DesignField>();
        round_trips::<MetricField>();
        round_trips::<OpinionField>();
        round_trips::<NarrativeField>();
        round_trips::<ProfileField>();
        assert_eq!(
            StoryField::RootCause.to_string(),
            "How I found the root cause"
        );
        assert_eq!(StoryField::RootCause.key(), "root_cause");
    }

    fn names_the_unknown_key<F: TextField>(kind: &str) {
        let err = "blast_radus".parse::<F>().unwrap_err();
        let text = err.to_string();
        assert!(text.contains("`blast_radus`"), "{text}");
        assert!(text.contains(kind), "{text}");
        for &f in F::all() {
            assert!(text.contains(f.key()), "{text} names {}", f.key());
        }
    }

    #[test]
    fn an_unknown_key_is_an_error_naming_it_and_the_keys_there_are() {
        let err = "limts".parse::<OpinionField>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "`limts` is not a field of an opinion — the fields are: stance, over, because, \
             evidence, limits"
        );
        names_the_unknown_key::<StoryField>("of a story");
        names_the_unknown_key::<DesignField>("of a design answer");
        names_the_unknown_key::<MetricField>("of a metric");
        names_the_unknown_key::<OpinionField>("of an opinion");
        names_the_unknown_key::<NarrativeField>("of the platform narrative");
        names_the_unknown_key::<ProfileField>("of the interview details");
        // Keys are exact: a label is not a key.
        assert!("Blast radius".parse::<StoryField>().is_err());
    }

    /// A text every field of the kind takes back unchanged.
    fn sample<F: TextField>(field: F) -> String {
        match field.key() {
            "kind" => "mttr".into(),
            "interview_date" => "2026-12-10".into(),
            "metrics" => "MTTR: 42 min -> 11 min\nPages: 38/week -> 6/week".into(),
            _ if field.multiline() => format!("{} first line\nand a second", field.key()),
            _ => format!("{} in one line", field.key()),
        }
    }

    fn get_set_round_trip<T: Fields + Default>() {
        let mut item = T::default();
        for &field in <T::Field as TextField>::all() {
            let text = sample(field);
            item.set(field, text.clone()).unwrap();
            assert_eq!(item.get(field), text, "{field:?}");
        }
        // Each field kept its own text: no setter wrote another's slot.
        for &field in <T::Field as TextField>::all() {
            assert_eq!(item.get(field), sample(field), "{field:?}");
        }
    }

    #[test]
    fn every_field_of_every_kind_is_written_and_read_in_its_own_slot() {
        get_set_round_trip::<Story>();
        get_set_round_trip::<Design>();
        get_set_round_trip::<Metric>();
        get_set_round_trip::<Opinion>();
        get_set_round_trip::<Narrative>();
        get_set_round_trip::<Profile>();
    }

    #[test]
    fn a_date_is_checked_once_for_files_and_forms() {
        assert_eq!(
            parse_date(" 2026-12-10 "),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 10))
        );
        assert_eq!(parse_date("  "), Ok(None));
        assert_eq!(
            parse_date("next tuesday").unwrap_err(),
            "`next tuesday` is not a date: write it as YYYY-MM-DD, e.g. 2026-12-10"
        );
        let mut p = Profile::default();
        let err = p
            .set(ProfileField::InterviewDate, "2026-13-01".into())
            .unwrap_err();
        assert_eq!(
            err.message,
            "Interview date `2026-13-01` is not a date: write it as YYYY-MM-DD, e.g. 2026-12-10."
        );
        assert_eq!(
            p.interview_date, None,
            "a bad date leaves the field as it was"
        );
    }
}
