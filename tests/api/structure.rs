//! The shape of the code, checked from the source: which module may import which (the
//! table in the README, read from there so the two cannot drift apart), and the house
//! rules on function and file length and on `|safe` in templates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::helpers::repo_path;

const MAX_FUNCTION_LINES: usize = 60;
const MAX_FILE_LINES: usize = 400;

/// Module name to the modules it may use, from the README's layers table.
fn layers() -> BTreeMap<String, BTreeSet<String>> {
    let readme = std::fs::read_to_string(repo_path("README.md")).expect("README.md");
    let table = readme
        .split("<!-- layers: read by tests/api/structure.rs -->")
        .nth(1)
        .expect("the README has the layers table");
    let names = |cell: &str| -> BTreeSet<String> {
        cell.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    table
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .map(|row| {
            let cells: Vec<&str> = row.split('|').collect();
            let module = names(cells[1]).into_iter().next().expect("a module name");
            (module, names(cells[3]))
        })
        .collect()
}

/// A path as the repository names it, for messages.
fn shown(path: &Path) -> String {
    path.strip_prefix(repo_path(""))
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The lines of a file that are not test code: a file named `tests.rs` is all test
/// code, and so is everything from a `#[cfg(test)]` line on (test modules close files).
fn code_lines(path: &Path) -> Vec<String> {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return Vec::new();
    }
    std::fs::read_to_string(path)
        .expect("read source")
        .lines()
        .take_while(|line| line.trim() != "#[cfg(test)]")
        .map(str::to_string)
        .collect()
}

/// The top-level module a file of `src/` belongs to (`None` for `lib.rs` and `main.rs`).
fn top_module(src: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    match first.strip_suffix(".rs") {
        Some("lib" | "main") => None,
        Some(module) => Some(module.to_string()),
        None => Some(first.to_string()),
    }
}

/// The modules named by `crate::` paths in code (comments left out).
fn crate_imports(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or_default();
    code.match_indices("crate::")
        .map(|(at, _)| {
            code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

#[test]
fn modules_import_only_what_the_layers_table_allows() {
    let layers = layers();
    let src = repo_path("src");
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for path in rust_files(&src) {
        let Some(module) = top_module(&src, &path) else {
            continue;
        };
        seen.insert(module.clone());
        let Some(allowed) = layers.get(&module) else {
            problems.push(format!("{module} is not in the README's layers table"));
            continue;
        };
        for (n, line) in code_lines(&path).iter().enumerate() {
            for used in crate_imports(line) {
                if used != module && !allowed.contains(&used) {
                    problems.push(format!(
                        "{}:{}: {module} uses crate::{used}",
                        shown(&path),
                        n + 1
                    ));
                }
            }
        }
    }
    for module in layers.keys().filter(|m| !seen.contains(*m)) {
        problems.push(format!("the layers table names {module}, which src/ lacks"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_layers_never_loop_back() {
    let layers = layers();
    // Repeatedly remove modules whose allowed imports are all removed already: what is
    // left at the end sits on a cycle.
    let mut placed: BTreeSet<String> = BTreeSet::new();
    loop {
        let next: Vec<String> = layers
            .iter()
            .filter(|(m, uses)| !placed.contains(*m) && uses.iter().all(|u| placed.contains(u)))
            .map(|(m, _)| m.clone())
            .collect();
        if next.is_empty() {
            break;
        }
        placed.extend(next);
    }
    let cycle: Vec<&String> = layers.keys().filter(|m| !placed.contains(*m)).collect();
    assert!(
        cycle.is_empty(),
        "these modules import in a circle: {cycle:?}"
    );
    assert!(
        layers["domain"].is_empty(),
        "the domain imports nothing from presentation, HTTP or storage"
    );
    assert!(!layers["views"].contains("db"), "views never query");
}

/// (first line, length) of every function in `lines`, as rustfmt lays them out: the
/// body ends at the first `}` at the indentation the `fn` started at.
fn functions(lines: &[String]) -> Vec<(usize, String, usize)> {
    let mut out = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let mut signature = trimmed;
        for prefix in ["pub(crate) ", "pub(super) ", "pub ", "const ", "async "] {
            signature = signature.strip_prefix(prefix).unwrap_or(signature);
        }
        let Some(name) = signature.strip_prefix("fn ") else {
            continue;
        };
        // A declaration without a body (in a trait) ends in `;` before any `{`.
        let opens = lines[start..]
            .iter()
            .map(|l| l.trim_end())
            .find(|l| l.ends_with('{') || l.ends_with(';'));
        if opens.is_some_and(|l| l.ends_with(';')) {
            continue;
        }
        let closing = format!("{indent}}}");
        if let Some(end) = lines[start..].iter().position(|l| *l == closing) {
            let name = name.split(['(', '<']).next().unwrap_or_default();
            out.push((start + 1, name.to_string(), end + 1));
        }
    }
    out
}

#[test]
fn functions_and_files_stay_short() {
    let mut problems = Vec::new();
    for path in rust_files(&repo_path("src")) {
        let lines = code_lines(&path);
        if lines.len() > MAX_FILE_LINES {
            problems.push(format!(
                "{}: {} lines outside tests (at most {MAX_FILE_LINES})",
                shown(&path),
                lines.len()
            ));
        }
        for (line, name, length) in functions(&lines) {
            if length > MAX_FUNCTION_LINES {
                problems.push(format!(
                    "{}:{line}: fn {name} is {length} lines (at most {MAX_FUNCTION_LINES})",
                    shown(&path)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_length_rule_measures_functions_as_rustfmt_writes_them() {
    let source: Vec<String> = [
        "impl X {",
        "    pub fn short(&self) -> u8 {",
        "        1",
        "    }",
        "}",
        "trait Y {",
        "    fn declared(&self);",
        "}",
        "fn free() {",
        "    let x = 1;",
        "}",
    ]
    .map(str::to_string)
    .to_vec();
    assert_eq!(
        functions(&source),
        [(2, "short".to_string(), 3), (9, "free".to_string(), 3)]
    );
}

#[test]
fn templates_mark_safe_only_sanitised_html_and_json() {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for dir in ["templates", "templates/partials"] {
        for entry in std::fs::read_dir(repo_path(dir))
            .expect("templates")
            .flatten()
        {
            if entry.path().is_file() {
                files.push(entry.path());
            }
        }
    }
    for path in files {
        let text = std::fs::read_to_string(&path).expect("template");
        for (at, _) in text.match_indices("|safe") {
            let before = text[..at].trim_end();
            let expression = before.rsplit("{{").next().unwrap_or_default().trim();
            if !(expression.ends_with("html") || expression == "json") {
                problems.push(format!("{}: `{expression}|safe`", shown(&path)));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
