//! The asset catalogue as `build.rs` makes it: every file of `static/` under a
//! fingerprinted name, scripts minified after their imports are rewritten, and the app
//! icons drawn. `src/assets.rs` says what the rules are; this is the half that runs when the
//! binary is built, compiled here too so that `cargo test` checks it.

use std::collections::HashMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::super::icons;
use super::{draw, script};

/// One asset as built: its plain name, fingerprinted URL, type and bytes.
pub struct Built {
    pub name: String,
    pub url: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// Every file under `dir` by its name relative to it (`site.css`, `js/timer.js`).
pub fn read_sources(dir: &Path) -> std::io::Result<HashMap<String, Vec<u8>>> {
    let mut sources = HashMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let relative = path.strip_prefix(dir).unwrap_or(&path);
            let name: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            sources.insert(name.join("/"), std::fs::read(&path)?);
        }
    }
    Ok(sources)
}

/// The catalogue of `sources` (as [`read_sources`] reads them), by plain name.
pub fn build(sources: &HashMap<String, Vec<u8>>) -> Vec<Built> {
    let mut by_name = HashMap::new();
    for name in sources.keys() {
        add(name, sources, &mut by_name, &mut Vec::new());
    }
    if let Some(svg) = sources.get(icons::SOURCE) {
        for icon in &icons::ICONS {
            let bytes = draw::render(svg, icon);
            let built = Built {
                name: icon.name.to_string(),
                url: format!("/static/{}", fingerprinted(icon.name, &bytes)),
                content_type: content_type(icon.name),
                bytes,
            };
            by_name.insert(icon.name.to_string(), built);
        }
    }
    let mut all: Vec<Built> = by_name.into_values().collect();
    all.sort_by(|a, b| a.name.cmp(&b.name));
    all
}

/// Fingerprints `name`, after the modules it imports.
fn add(
    name: &str,
    sources: &HashMap<String, Vec<u8>>,
    done: &mut HashMap<String, Built>,
    visiting: &mut Vec<String>,
) {
    if done.contains_key(name) {
        return;
    }
    assert!(
        !visiting.iter().any(|v| v == name),
        "static/{name} imports itself through {visiting:?}"
    );
    let Some(source) = sources.get(name) else {
        panic!("a module imports static/{name}, which does not exist");
    };
    let mut bytes = source.clone();
    if name.ends_with(".js") {
        visiting.push(name.to_string());
        let text = String::from_utf8_lossy(source).into_owned();
        let folder = name.rsplit_once('/').map_or("", |(folder, _)| folder);
        let mut rewritten = text.clone();
        for import in imports(&text) {
            let target = match folder {
                "" => import.clone(),
                folder => format!("{folder}/{import}"),
            };
            add(&target, sources, done, visiting);
            rewritten = rewritten.replace(
                &format!("\"./{import}\""),
                &format!("\"{}\"", done[&target].url),
            );
        }
        visiting.pop();
        bytes = script::minified(name, &rewritten).into_bytes();
    }
    let url = format!("/static/{}", fingerprinted(name, &bytes));
    done.insert(
        name.to_string(),
        Built {
            name: name.to_string(),
            url,
            content_type: content_type(name),
            bytes,
        },
    );
}

/// The neighbours a module imports: every `"./name.js"` string of an `import` or
/// `export` statement, and of a dynamic `import("./name.js")` anywhere.
fn imports(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in source.lines().map(str::trim_start) {
        let statement = line.starts_with("import ") || line.starts_with("export ");
        let quote = if statement { "\"./" } else { "import(\"./" };
        let mut rest = line;
        while let Some(start) = rest.find(quote) {
            let after = &rest[start + quote.len()..];
            let Some(end) = after.find('"') else {
                break;
            };
            let module = &after[..end];
            if module.ends_with(".js") && !module.contains('/') {
                found.push(module.to_string());
            }
            rest = &after[end..];
        }
    }
    found
}

/// `site.css` with its contents' hash becomes `site.1a2b3c4d.css`.
fn fingerprinted(name: &str, bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    let short: String = hash.iter().take(4).map(|b| format!("{b:02x}")).collect();
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{short}.{ext}"),
        None => format!("{name}.{short}"),
    }
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("ico") => "image/x-icon",
        Some("png") => "image/png",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_of_neighbours_are_found_and_nothing_else() {
        let source = "import { a } from \"./storage.js\";\nimport \"./clock.js\";\nexport { b } from \"./b.js\";\nconst s = \"./not-an-import.js\";\nimport x from \"https://example.com/x.js\";\n  if (form) import(\"./save.js\").then(run, () => {});\n";
        assert_eq!(
            imports(source),
            ["storage.js", "clock.js", "b.js", "save.js"]
        );
    }

    #[test]
    fn an_import_points_at_the_fingerprinted_neighbour() {
        let sources = HashMap::from([
            (
                "js/a.js".to_string(),
                b"import { b } from \"./b.js\";\nexport const a = b;\n".to_vec(),
            ),
            ("js/b.js".to_string(), b"export const b = 1;\n".to_vec()),
        ]);
        let mut done = HashMap::new();
        add("js/a.js", &sources, &mut done, &mut Vec::new());
        let b_url = done["js/b.js"].url.clone();
        assert!(b_url.starts_with("/static/js/b.") && b_url.ends_with(".js"));
        let a = String::from_utf8(done["js/a.js"].bytes.clone()).expect("utf-8");
        assert!(a.contains(&format!("\"{b_url}\"")), "{a}");
        // A change to b renames a as well.
        let first_a = done["js/a.js"].url.clone();
        let mut changed = sources.clone();
        changed.insert("js/b.js".to_string(), b"export const b = 2;\n".to_vec());
        let mut again = HashMap::new();
        add("js/a.js", &changed, &mut again, &mut Vec::new());
        assert_ne!(again["js/a.js"].url, first_a);
    }
}
