//! The arrows between the crate's top-level modules point one way: the two
//! faces (`cli`, `tui`) use the core and the store; the store knows the
//! kit's types and nothing of the faces; the core never touches the store or
//! the disk; only `tui` and `main.rs` know the terminal; no two modules lean
//! on each other. This test reads `src/` and fails, naming the file, on any
//! arrow that runs the wrong way.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;

/// The faces: they may use everything below them, never each other.
const FACES: [&str; 2] = ["cli", "tui"];

/// The judging core and its pure helpers: data in, verdict out.
const CORE: [&str; 12] = [
    "kit",
    "score",
    "evaluate",
    "drill",
    "readiness",
    "content",
    "cheatsheet",
    "postmortem",
    "answer",
    "printable",
    "parallel",
    "exit",
];

/// Where the terminal crates may be named.
const TERMINAL_OK: [&str; 2] = ["tui", "main"];

/// One source file: the top-level module it belongs to, and its code with
/// comments and string literals blanked out (a comment or a message that
/// names a module is no arrow).
struct Source {
    path: PathBuf,
    module: String,
    code: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The code of a Rust file with comments and the insides of string and char
/// literals replaced by spaces.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_'))
        {
            // A raw string: r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.push('"');
            j += 1;
            while j < chars.len() {
                if chars[j] == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                out.push(blank(chars[j]));
                j += 1;
            }
            out.push('"');
            i = j;
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if let Some(&ch) = chars.get(i) {
                    out.push(blank(ch));
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else if c == '\'' {
            // A char literal ('"', '\'', '\u{7f}'), or a lifetime ('a).
            let close = if next == Some('\\') {
                (i + 3..chars.len().min(i + 12)).find(|&j| chars[j] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match close {
                Some(j) => {
                    out.push_str("' '");
                    i = j + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn read_sources(src: &Path) -> Vec<Source> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(src).expect("under src");
            let first = relative
                .components()
                .next()
                .expect("a path")
                .as_os_str()
                .to_string_lossy();
            let module = first.trim_end_matches(".rs").to_string();
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            Source {
                path: relative.to_path_buf(),
                module,
                code: code_only(&text),
            }
        })
        .collect()
}

/// The top-level modules a file names: `crate::x`, `$crate::x`,
/// `crate::{x, y::z}`, and `sre_prep::x` (the binary reaches the library
/// by its name).
fn named_modules(code: &str) -> BTreeSet<String> {
    let path = Regex::new(r"\b(?:crate|sre_prep)\s*::\s*([a-z_][a-z0-9_]*)").expect("a regex");
    let group = Regex::new(r"\b(?:crate|sre_prep)\s*::\s*\{").expect("a regex");
    let mut found: BTreeSet<String> = path.captures_iter(code).map(|c| c[1].to_string()).collect();
    for m in group.find_iter(code) {
        // The items of the group at its own depth: `a`, `b` of `{a, b::{c}}`.
        let mut depth = 1;
        let mut item = String::new();
        let mut at_start = true;
        for c in code[m.end()..].chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 1 => {
                    at_start = true;
                    item.clear();
                    continue;
                }
                _ => {}
            }
            if depth == 0 {
                break;
            }
            if depth == 1 && at_start {
                if c.is_alphanumeric() || c == '_' {
                    item.push(c);
                } else if !item.is_empty() {
                    found.insert(std::mem::take(&mut item));
                    at_start = false;
                }
            }
        }
        if !item.is_empty() {
            found.insert(item);
        }
    }
    found.retain(|m| m != "self");
    found
}

/// A file that reads or writes files itself.
fn touches_the_disk(code: &str) -> Option<&'static str> {
    let direct = Regex::new(r"\bstd\s*::\s*(?:os\s*::\s*unix\s*::\s*)?fs\b").expect("a regex");
    let grouped = Regex::new(r"\bstd\s*::\s*\{[^;]*\bfs\b").expect("a regex");
    let temp = Regex::new(r"\btempfile\s*::").expect("a regex");
    if direct.is_match(code) || grouped.is_match(code) {
        Some("std::fs")
    } else if temp.is_match(code) {
        Some("tempfile")
    } else {
        None
    }
}

fn names_the_terminal(code: &str) -> Option<&'static str> {
    let re = Regex::new(r"\b(ratatui|crossterm|ratatui_textarea)\s*::").expect("a regex");
    re.captures(code).map(|c| match &c[1] {
        "ratatui" => "ratatui",
        "crossterm" => "crossterm",
        _ => "ratatui_textarea",
    })
}

/// Every arrow that runs the wrong way in the tree at `src`, one line each.
fn wrong_arrows(src: &Path) -> Vec<String> {
    let sources = read_sources(src);
    let modules: BTreeSet<String> = sources.iter().map(|s| s.module.clone()).collect();
    let mut wrong = Vec::new();
    // module -> the modules it names, and one file that does it.
    let mut uses: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for s in &sources {
        let at = s.path.display();
        for named in named_modules(&s.code) {
            if named == s.module || !modules.contains(&named) {
                continue;
            }
            uses.entry(s.module.clone())
                .or_default()
                .entry(named.clone())
                .or_insert_with(|| s.path.clone());
            let module = s.module.as_str();
            if FACES.contains(&module) && FACES.contains(&named.as_str()) {
                wrong.push(format!("{at}: the face `{module}` uses the face `{named}`"));
            }
            if CORE.contains(&module) && ["store", "cli", "tui"].contains(&named.as_str()) {
                wrong.push(format!("{at}: the core module `{module}` uses `{named}`"));
            }
            if module == "store" && FACES.contains(&named.as_str()) {
                wrong.push(format!("{at}: the store uses the face `{named}`"));
            }
        }
        if CORE.contains(&s.module.as_str())
            && let Some(what) = touches_the_disk(&s.code)
        {
            wrong.push(format!(
                "{at}: the core module `{}` touches the disk ({what})",
                s.module
            ));
        }
        if !TERMINAL_OK.contains(&s.module.as_str())
            && let Some(what) = names_the_terminal(&s.code)
        {
            wrong.push(format!("{at}: `{}` names {what}", s.module));
        }
    }
    for cycle in cycles(&uses) {
        let mut line = String::from("modules that lean on each other:");
        for (i, module) in cycle.iter().enumerate() {
            let next = &cycle[(i + 1) % cycle.len()];
            let file = &uses[module][next];
            line.push_str(&format!(" {module} -> {next} ({})", file.display()));
            if i + 1 < cycle.len() {
                line.push(';');
            }
        }
        wrong.push(line);
    }
    wrong
}

/// The cycles of the graph, one for each group of modules that reach each
/// other (a strongly connected component of two or more), as a path
/// around it.
fn cycles(uses: &BTreeMap<String, BTreeMap<String, PathBuf>>) -> Vec<Vec<String>> {
    let nodes: BTreeSet<&String> = uses
        .keys()
        .chain(uses.values().flat_map(|m| m.keys()))
        .collect();
    let reaches = |from: &String, to: &String| -> Option<Vec<String>> {
        // The shortest path from `from` to `to` (breadth first).
        let mut seen: BTreeMap<&String, Option<&String>> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([from]);
        seen.insert(from, None);
        while let Some(at) = queue.pop_front() {
            for next in uses.get(at).into_iter().flat_map(|m| m.keys()) {
                if seen.contains_key(next) {
                    continue;
                }
                seen.insert(next, Some(at));
                if next == to {
                    let mut path = vec![next.clone()];
                    let mut back = at;
                    while back != from {
                        path.push(back.clone());
                        back = seen[back].expect("a step back");
                    }
                    path.push(from.clone());
                    path.reverse();
                    path.pop();
                    return Some(path);
                }
                queue.push_back(next);
            }
        }
        None
    };
    let mut done: BTreeSet<String> = BTreeSet::new();
    let mut found = Vec::new();
    for &node in &nodes {
        if done.contains(node) {
            continue;
        }
        // The shortest way out of `node` and back, through any neighbour.
        let best = uses
            .get(node)
            .into_iter()
            .flat_map(|m| m.keys())
            .filter_map(|next| {
                reaches(next, node).map(|mut back| {
                    back.insert(0, node.clone());
                    back
                })
            })
            .min_by_key(Vec::len);
        if let Some(cycle) = best {
            done.extend(cycle.iter().cloned());
            found.push(cycle);
        }
    }
    found
}

#[test]
fn every_arrow_between_the_top_level_modules_points_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let wrong = wrong_arrows(&src);
    assert!(
        wrong.is_empty(),
        "arrows that run the wrong way:\n{}",
        wrong.join("\n")
    );
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
    fs::write(path, text).expect("a file");
}

#[test]
fn each_kind_of_wrong_arrow_is_found_and_named() {
    let tmp = tempfile::tempdir().expect("a temp dir");
    let src = tmp.path();
    write(src, "lib.rs", "pub mod cli;\npub mod tui;\n");
    write(src, "main.rs", "use sre_prep::tui;\nuse ratatui::Frame;\n");
    write(
        src,
        "tui/mod.rs",
        "use crate::cli::EXIT_OK;\nuse ratatui::Terminal;\n",
    );
    write(src, "cli/mod.rs", "pub const EXIT_OK: u8 = 0;\n");
    write(
        src,
        "drill/deck.rs",
        "use std::{io, fs};\npub fn f(p: &crate::store::LoadProblem) {}\n",
    );
    write(
        src,
        "store/mod.rs",
        "use crate::{drill::deck, kit};\nuse crossterm::event;\n",
    );
    write(src, "kit/format.rs", "fn f() { std::fs::read(\"x\"); }\n");
    // Comments, strings and chars are no arrows.
    write(
        src,
        "score/mod.rs",
        "// crate::store::load\n/* crate::tui */\nconst A: &str = \"crate::cli std::fs ratatui::x\";\nconst B: char = '\"';\nconst C: &str = r#\"crate::store\"#;\nuse crate::kit::Story;\n",
    );
    let wrong = wrong_arrows(src);
    let expected = [
        "tui/mod.rs: the face `tui` uses the face `cli`",
        "drill/deck.rs: the core module `drill` uses `store`",
        "drill/deck.rs: the core module `drill` touches the disk (std::fs)",
        "kit/format.rs: the core module `kit` touches the disk (std::fs)",
        "store/mod.rs: `store` names crossterm",
        "modules that lean on each other: drill -> store (drill/deck.rs); store -> drill (store/mod.rs)",
    ];
    for line in expected {
        assert!(
            wrong.iter().any(|w| w == line),
            "missing {line:?} in:\n{}",
            wrong.join("\n")
        );
    }
    // The terminal in main and tui is fine; the score module's comments and
    // strings name nothing.
    assert_eq!(wrong.len(), expected.len(), "{}", wrong.join("\n"));
}

/// Inside the app: the update (`tui/app.rs`, `tui/app/`) never calls the
/// drawing code (it reads what the last frame recorded), and no screen's
/// drawing imports another screen's.
#[test]
fn the_update_never_draws_and_no_screen_uses_another() {
    let tui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut files = vec![tui.join("app.rs")];
    rust_files(&tui.join("app"), &mut files);
    let mut wrong = Vec::new();
    for path in &files {
        let code = code_only(&fs::read_to_string(path).expect("readable source"));
        if code.contains("screens::") {
            wrong.push(format!("{}: the update calls drawing code", path.display()));
        }
    }
    let mut screens = Vec::new();
    rust_files(&tui.join("screens"), &mut screens);
    let names: Vec<String> = screens
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|n| n != "mod")
        .collect();
    for path in &screens {
        let code = code_only(&fs::read_to_string(path).expect("readable source"));
        let own = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        for name in &names {
            if Some(name) == own.as_ref() {
                continue;
            }
            let by_super = format!("super::{name}::");
            let by_path = format!("screens::{name}::");
            let by_list = Regex::new(&format!(r"super::\{{[^}}]*\b{name}\b"))
                .expect("a pattern from a module name");
            if code.contains(&by_super) || code.contains(&by_path) || by_list.is_match(&code) {
                wrong.push(format!("{}: uses the screen {name}", path.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
