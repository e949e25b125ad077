//! Quantities as the metrics step and the quiz read them: any value written
//! with a unit reads back as itself, and the same duration in other units
//! compares equal.

use proptest::prelude::*;
use sre_prep::evaluate::metric::{Verdict, check_answer};
use sre_prep::score::quantity::{Dim, parse_quantity};

const TIME_UNITS: &[(&str, f64)] = &[
    ("ms", 0.001),
    ("s", 1.0),
    ("sec", 1.0),
    ("secs", 1.0),
    ("seconds", 1.0),
    ("min", 60.0),
    ("mins", 60.0),
    ("minutes", 60.0),
    ("h", 3600.0),
    ("hours", 3600.0),
    ("days", 86_400.0),
];

proptest! {
    #[test]
    fn a_value_with_a_unit_reads_back_as_itself(whole in 0u32..100_000, cents in 0u32..100, unit in prop::sample::select(TIME_UNITS), glued in any::<bool>()) {
        let value = f64::from(whole) + f64::from(cents) / 100.0;
        let text = format!("{value}{}{}", if glued { "" } else { " " }, unit.0);
        let q = parse_quantity(&text).unwrap();
        prop_assert_eq!(q.dim, Dim::Duration);
        prop_assert!((q.value - value * unit.1).abs() <= 1e-6 * (value * unit.1).max(1.0), "{} read as {}", text, q.value);
    }

    #[test]
    fn the_same_duration_in_other_units_is_a_right_answer(seconds in 1u32..1_000_000) {
        let minutes = f64::from(seconds) / 60.0;
        let expected = format!("{seconds} s");
        prop_assert_eq!(check_answer(&expected, &format!("{minutes:.4} min")), Verdict::Right);
        prop_assert_eq!(check_answer(&expected, &format!("{}s", seconds * 3)), Verdict::Wrong);
    }

    #[test]
    fn percentages_and_thousands_read_back(whole in 0u32..100, hundredths in 0u32..100, thousands in 1u32..999) {
        let pct = format!("{whole}.{hundredths:02}%");
        let q = parse_quantity(&pct).unwrap();
        prop_assert_eq!(q.dim, Dim::Percent);
        prop_assert!((q.value - (f64::from(whole) + f64::from(hundredths) / 100.0)).abs() < 1e-9);
        let big = format!("{thousands},500 users");
        prop_assert_eq!(parse_quantity(&big).unwrap().value, f64::from(thousands) * 1000.0 + 500.0);
    }
}
