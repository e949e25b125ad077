//! The parts of a shell line the round understands: the stages of a
//! pipeline, quoted words, and the filters (`grep`, `head`, `tail`,
//! `wc -l`) that change what a command's output shows.

use regex::RegexBuilder;

/// Splits a shell line on `|`, keeping quoted text whole.
pub(super) fn pipeline(line: &str) -> Vec<String> {
    let mut stages = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '|') => stages.push(std::mem::take(&mut current)),
            (None, '\'' | '"') => {
                quote = Some(c);
                current.push(c);
            }
            (Some(q), c) if c == q => {
                quote = None;
                current.push(c);
            }
            _ => current.push(c),
        }
    }
    stages.push(current);
    stages
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Shell words, with quotes taken off.
pub(super) fn shell_words(stage: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in stage.chars() {
        match (quote, c) {
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (_, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// Applies the pipeline's later stages that change what is seen: `grep`
/// (`-i`, `-v`, `-E`, `-F`, `-w`, `-c`, `-e`), `head`/`tail` (`-n N`, `-N`)
/// and `wc -l`. Other stages pass the text through.
pub(super) fn filter(text: &str, stages: &[String]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for stage in stages {
        let words = shell_words(stage);
        let Some(tool) = words.first().map(String::as_str) else {
            continue;
        };
        let args = &words[1..];
        match tool {
            "grep" | "egrep" | "fgrep" => {
                let (mut insensitive, mut invert, mut fixed, mut whole, mut count) =
                    (false, false, tool == "fgrep", false, false);
                let mut extended = tool == "egrep";
                let mut pattern: Option<String> = None;
                let mut i = 0;
                while i < args.len() {
                    let a = &args[i];
                    if a == "-e" {
                        pattern = args.get(i + 1).cloned();
                        i += 2;
                        continue;
                    }
                    if let Some(flags) = a.strip_prefix('-').filter(|f| !f.is_empty()) {
                        for f in flags.chars() {
                            match f {
                                'i' => insensitive = true,
                                'v' => invert = true,
                                'F' => fixed = true,
                                'E' => extended = true,
                                'w' => whole = true,
                                'c' => count = true,
                                _ => {}
                            }
                        }
                    } else if pattern.is_none() {
                        pattern = Some(a.clone());
                    }
                    i += 1;
                }
                let Some(pattern) = pattern else { continue };
                let mut source = if fixed {
                    regex::escape(&pattern)
                } else if extended {
                    pattern.clone()
                } else {
                    // Basic regular expressions: `\|` is alternation, `|` and `+` literal.
                    pattern
                        .replace("\\|", "\u{0}")
                        .replace('|', "\\|")
                        .replace('+', "\\+")
                        .replace('\u{0}', "|")
                };
                if whole {
                    source = format!(r"\b(?:{source})\b");
                }
                let Ok(re) = RegexBuilder::new(&source)
                    .case_insensitive(insensitive)
                    .build()
                else {
                    lines = vec![format!("grep: Invalid regular expression: {pattern}")];
                    continue;
                };
                lines.retain(|l| re.is_match(l) != invert);
                if count {
                    lines = vec![lines.len().to_string()];
                }
            }
            "head" | "tail" => {
                let mut n = 10usize;
                let mut i = 0;
                while i < args.len() {
                    let a = &args[i];
                    if a == "-n" {
                        n = args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(n);
                        i += 1;
                    } else if let Some(v) = a.strip_prefix("-n") {
                        n = v.parse().unwrap_or(n);
                    } else if let Some(v) = a.strip_prefix('-') {
                        n = v.parse().unwrap_or(n);
                    }
                    i += 1;
                }
                if tool == "head" {
                    lines.truncate(n);
                } else {
                    let skip = lines.len().saturating_sub(n);
                    lines.drain(..skip);
                }
            }
            "wc" if args.iter().any(|a| a == "-l") => {
                lines = vec![lines.len().to_string()];
            }
            _ => {}
        }
    }
    lines.join("\n")
}
