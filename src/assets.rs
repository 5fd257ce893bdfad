//! Static assets compiled into the binary. Each is served under a fingerprinted name
//! (`/static/site.3f9a1c2b.css`), so it can be cached forever: a changed file gets a new
//! name, and pages always link the current one.
//!
//! Scripts are ES modules and may import their neighbours in the same folder
//! (`import { load } from "./storage.js"`). Such an import is rewritten to the
//! neighbour's fingerprinted URL before the importing file is fingerprinted itself, so a
//! change to a module renames every module that depends on it and no browser mixes an old
//! module with a new one. A dynamic `import("./name.js")` is rewritten the same way.
//! Lines of a module that hold only a `//` comment are for people reading `static/` and
//! are not sent (so no line inside a template literal may start with `//`); every other
//! byte is served as written.
//!
//! Besides the files of `static/`, the catalogue holds the app icons, PNGs drawn from
//! `favicon.svg` when it is built ([`icons`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};

pub mod icons;
mod script;

#[derive(RustEmbed)]
#[folder = "static/"]
struct Files;

/// One asset under its fingerprinted URL.
pub struct Asset {
    pub url: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

struct Catalogue {
    /// Plain name (`site.css`, `js/timer.js`) to asset.
    by_name: HashMap<String, Asset>,
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let sources: HashMap<String, Vec<u8>> = Files::iter()
            .filter_map(|name| Some((name.to_string(), Files::get(&name)?.data.into_owned())))
            .collect();
        let mut by_name = HashMap::new();
        for name in sources.keys() {
            add(name, &sources, &mut by_name, &mut Vec::new());
        }
        if let Some(svg) = sources.get(icons::SOURCE) {
            for icon in &icons::ICONS {
                let bytes = icons::render(svg, icon);
                let asset = Asset {
                    url: format!("/static/{}", fingerprinted(icon.name, &bytes)),
                    content_type: content_type(icon.name),
                    bytes,
                };
                by_name.insert(icon.name.to_string(), asset);
            }
        }
        Catalogue { by_name }
    })
}

/// Fingerprints `name`, after the modules it imports.
fn add(
    name: &str,
    sources: &HashMap<String, Vec<u8>>,
    done: &mut HashMap<String, Asset>,
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
        Asset {
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

/// The URL of an asset by its plain name. Panics at start-up, never on a request, if a
/// template names a file that is not in `static/` (a programming error caught by tests).
pub fn url(name: &str) -> &'static str {
    match catalogue().by_name.get(name) {
        Some(asset) => &asset.url,
        None => panic!("static/{name} is not embedded"),
    }
}

/// The bytes of an asset by its plain name, as served (imports rewritten), if there is one.
pub fn bytes(name: &str) -> Option<&'static [u8]> {
    catalogue()
        .by_name
        .get(name)
        .map(|asset| asset.bytes.as_slice())
}

/// Every asset, for serving and export.
pub fn all() -> impl Iterator<Item = &'static Asset> {
    catalogue().by_name.values()
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
