//! Static assets compiled into the binary. Each is served under a fingerprinted name
//! (`/static/site.3f9a1c2b.css`), so it can be cached forever: a changed file gets a new
//! name, and pages always link the current one.
//!
//! Scripts are ES modules and may import their neighbours in the same folder
//! (`import { load } from "./storage.js"`). Such an import is rewritten to the
//! neighbour's fingerprinted URL before the importing file is fingerprinted itself, so a
//! change to a module renames every module that depends on it and no browser mixes an old
//! module with a new one. A dynamic `import("./name.js")` is rewritten the same way.
//! Scripts are then minified; `static/` keeps the readable source.
//!
//! Besides the files of `static/`, the catalogue holds the app icons, PNGs drawn from
//! `favicon.svg` ([`icons`]).
//!
//! All of this happens when the binary is built: `build.rs` runs `src/assets/compile/`
//! over `static/` and writes the catalogue, which is included below. Minifying and drawing
//! cost nothing at start-up, and the server carries neither the minifier nor the
//! renderer.

#[cfg(test)]
mod compile;
pub mod icons;

/// One asset under its fingerprinted URL.
#[derive(Debug)]
pub struct Asset {
    /// Plain name: `site.css`, `js/timer.js`, `icon-192.png`.
    pub name: &'static str,
    pub url: &'static str,
    pub content_type: &'static str,
    pub bytes: &'static [u8],
}

// `static ASSETS: &[Asset]`, sorted by name, written by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/assets.rs"));

fn find(name: &str) -> Option<&'static Asset> {
    ASSETS
        .binary_search_by(|asset| asset.name.cmp(name))
        .ok()
        .map(|i| &ASSETS[i])
}

/// The URL of an asset by its plain name. Panics at start-up, never on a request, if a
/// template names a file that is not in `static/` (a programming error caught by tests).
pub fn url(name: &str) -> &'static str {
    match find(name) {
        Some(asset) => asset.url,
        None => panic!("static/{name} is not embedded"),
    }
}

/// The bytes of an asset by its plain name, as served (imports rewritten), if there is one.
pub fn bytes(name: &str) -> Option<&'static [u8]> {
    find(name).map(|asset| asset.bytes)
}

/// Every asset, for serving and export.
pub fn all() -> impl Iterator<Item = &'static Asset> {
    ASSETS.iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_catalogue_is_the_one_static_makes() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static");
        let sources = compile::catalogue::read_sources(&folder).expect("static/");
        let built = compile::catalogue::build(&sources);
        let embedded: Vec<_> = all().map(|a| (a.name, a.url, a.content_type)).collect();
        let fresh: Vec<_> = built
            .iter()
            .map(|b| (b.name.as_str(), b.url.as_str(), b.content_type))
            .collect();
        assert_eq!(embedded, fresh);
        for (asset, made) in all().zip(&built) {
            assert_eq!(asset.bytes, made.bytes.as_slice(), "{}", asset.name);
        }
        assert!(url("js/timer.js").starts_with("/static/js/timer."));
        assert!(bytes("icon-192.png").is_some_and(|png| png.starts_with(b"\x89PNG")));
    }
}
