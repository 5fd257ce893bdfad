//! Static assets compiled into the binary. Each is served under a fingerprinted name
//! (`/static/site.3f9a1c2b.css`), so it can be cached forever: a changed file gets a new
//! name, and pages always link the current one.

use std::collections::HashMap;
use std::sync::OnceLock;

use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};

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
    /// Plain name (`site.css`) to asset.
    by_name: HashMap<String, Asset>,
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let by_name = Files::iter()
            .filter_map(|name| {
                let file = Files::get(&name)?;
                let bytes = file.data.into_owned();
                let url = format!("/static/{}", fingerprinted(&name, &bytes));
                let content_type = content_type(&name);
                Some((
                    name.to_string(),
                    Asset {
                        url,
                        content_type,
                        bytes,
                    },
                ))
            })
            .collect();
        Catalogue { by_name }
    })
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

/// Every asset, for serving and export.
pub fn all() -> impl Iterator<Item = &'static Asset> {
    catalogue().by_name.values()
}
