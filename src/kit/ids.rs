//! Ids are slugs of a title: lowercase ASCII letters, digits and dashes, safe
//! as a file name, unique within their kind.

/// The longest id we make; long titles are cut at a word boundary.
const MAX_ID_LEN: usize = 60;

/// `"DB pool exhaustion (checkout)"` -> `"db-pool-exhaustion-checkout"`.
/// Never empty: a title with no usable characters gives `fallback`.
pub fn slug(title: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > MAX_ID_LEN {
        let cut = out[..MAX_ID_LEN].rfind('-').unwrap_or(MAX_ID_LEN);
        out.truncate(cut);
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        fallback.to_string()
    } else {
        trimmed.to_string()
    }
}

/// True when `id` is already a slug we could have made (so it is safe as a file name).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN + 8
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `base`, or `base-2`, `base-3`, ... : the first that `taken` says is free.
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .expect("an unbounded range always yields a free id")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_dashed_and_never_empty() {
        assert_eq!(
            slug("DB pool exhaustion (checkout)", "story"),
            "db-pool-exhaustion-checkout"
        );
        assert_eq!(
            slug("  --Ünïcode  ünd 99.95% SLO!! ", "story"),
            "n-code-nd-99-95-slo"
        );
        assert_eq!(slug("日本語", "story"), "story");
        assert_eq!(slug("", "design"), "design");
        let long = slug(&"word ".repeat(40), "story");
        assert!(long.len() <= MAX_ID_LEN && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn valid_ids_reject_paths_and_odd_characters() {
        assert!(is_valid_id("db-pool-2"));
        for bad in [
            "", "../etc", "a/b", "Caps", "-lead", "trail-", "a b", "x.json",
        ] {
            assert!(!is_valid_id(bad), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn unique_ids_count_up_from_two() {
        let taken = ["dns", "dns-2"];
        assert_eq!(unique_id("dns", |c| taken.contains(&c)), "dns-3");
        assert_eq!(unique_id("tls", |c| taken.contains(&c)), "tls");
    }
}
