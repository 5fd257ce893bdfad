//! What makes the site installable and usable with no signal: the web app manifest, the
//! service worker and the offline page. The manifest's colours are read from the
//! stylesheet's palette and its icons come from the asset catalogue, so neither is typed
//! twice; the worker's source is `templates/sw.js`, filled in when the site is built.

use askama::Template;
use serde_json::json;

use super::PageMeta;
use crate::assets::{self, icons};

/// Where the offline page is served; the worker shows it for a page it does not hold.
pub const OFFLINE_PATH: &str = "/offline";
/// Where the worker is served: at the root, so that its scope is the whole site.
pub const WORKER_PATH: &str = "/sw.js";
pub const MANIFEST_PATH: &str = "/manifest.webmanifest";
/// Pages the worker keeps from visits, besides what the runner saves: about 1 to 2 MB.
pub const VISITED_PAGES: usize = 60;

#[derive(Template)]
#[template(path = "offline.html")]
pub struct OfflinePage {
    pub meta: PageMeta,
}

/// The service worker script.
#[derive(Template)]
#[template(path = "sw.js", escape = "none")]
pub struct ServiceWorker {
    /// Changes whenever anything the worker precaches does.
    pub version: String,
    /// The shell to precache, as a JSON array of paths.
    pub shell: String,
    pub visited_pages: usize,
}

impl ServiceWorker {
    pub fn new(version: String, shell: &[String]) -> Self {
        Self {
            version,
            shell: json!(shell).to_string(),
            visited_pages: VISITED_PAGES,
        }
    }
}

/// What the worker precaches: the stylesheets, every script, the icons and the offline
/// page. Sorted, so the same site always lists the same shell.
pub fn shell() -> Vec<String> {
    let icon_names = std::iter::once(icons::SOURCE).chain(icons::ICONS.iter().map(|i| i.name));
    let mut shell: Vec<String> = assets::all()
        .map(|asset| asset.url)
        .filter(|url| url.ends_with(".css") || url.ends_with(".js"))
        .chain(icon_names.map(assets::url))
        .map(str::to_string)
        .chain(std::iter::once(OFFLINE_PATH.to_string()))
        .collect();
    shell.sort();
    shell
}

/// The web app manifest, as JSON.
pub fn manifest() -> String {
    let css = String::from_utf8_lossy(assets::bytes("site.css").unwrap_or_default());
    let colour = |name: &str| {
        palette_colour(&css, name)
            .unwrap_or_else(|| panic!("static/site.css defines no {name} colour in :root"))
    };
    let icon_list: Vec<_> = icons::ICONS
        .iter()
        .map(|icon| {
            json!({
                "src": assets::url(icon.name),
                "sizes": format!("{0}x{0}", icon.size),
                "type": "image/png",
                "purpose": if icon.maskable { "maskable" } else { "any" },
            })
        })
        .collect();
    json!({
        "id": "/",
        "name": "runstrong: strength for runners",
        "short_name": "runstrong",
        "description": "Strength work for runners: exercises, programmes and weekly plans to print or follow on the phone, also with no signal.",
        "lang": "en-GB",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        // The header band's colour, so the window's title bar continues it.
        "theme_color": colour("--card"),
        "background_color": colour("--bg"),
        "icons": icon_list,
    })
    .to_string()
}

/// The value of the custom property `name` in the stylesheet's first rule (`:root`, the
/// light palette), when it is a hex colour.
fn palette_colour(css: &str, name: &str) -> Option<String> {
    let root = without_comments(css.split('}').next()?);
    let value = root.split(&format!("{name}:")).nth(1)?.trim_start();
    let end = value.find(|c: char| !(c == '#' || c.is_ascii_hexdigit()))?;
    let colour = &value[..end];
    (colour.starts_with('#') && matches!(colour.len(), 4 | 7)).then(|| colour.to_string())
}

/// `css` with its `/* … */` comments left out (they may name the properties too).
fn without_comments(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_colours_come_from_the_first_rule() {
        let css = "/* a */ :root { /* On --bg: 4.5 */ --bg: #fbfaf8; --card: #f1efea;\n --x: red; }\n@media (prefers-color-scheme: dark) { :root { --bg: #15181c; } }";
        assert_eq!(palette_colour(css, "--bg").as_deref(), Some("#fbfaf8"));
        assert_eq!(palette_colour(css, "--card").as_deref(), Some("#f1efea"));
        assert_eq!(palette_colour(css, "--x"), None);
        assert_eq!(palette_colour(css, "--missing"), None);
    }

    #[test]
    fn the_manifest_reads_the_real_palette_and_names_every_icon() {
        let manifest: serde_json::Value =
            serde_json::from_str(&manifest()).expect("the manifest is JSON");
        for key in ["theme_color", "background_color"] {
            assert!(manifest[key].as_str().is_some_and(|c| c.starts_with('#')));
        }
        assert_eq!(manifest["icons"].as_array().map(Vec::len), Some(3));
    }

    #[test]
    fn the_shell_holds_the_stylesheet_the_icons_and_the_offline_page() {
        let shell = shell();
        for name in [
            "site.css",
            "favicon.svg",
            "icon-192.png",
            "icon-maskable-512.png",
        ] {
            assert!(shell.iter().any(|url| url == assets::url(name)), "{name}");
        }
        assert!(shell.iter().any(|url| url == OFFLINE_PATH));
    }
}
