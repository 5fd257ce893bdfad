//! The offline page, the service worker and the web app manifest, built with the other
//! pages that depend only on the site, so the server and the static export serve the
//! same files.

use askama::Template;
use sha2::{Digest, Sha256};

use super::{Caching, Pages, RenderedPage, page};
use crate::error::AppError;
pub use crate::views::offline::WORKER_PATH;
use crate::views::offline::{
    MANIFEST_PATH, OFFLINE_PATH, OfflinePage, ServiceWorker, manifest, shell,
};

pub const JAVASCRIPT: &str = "text/javascript; charset=utf-8";
pub const WEB_MANIFEST: &str = "application/manifest+json";

impl Pages {
    /// `/offline`, `/sw.js` and `/manifest.webmanifest`.
    pub(super) fn offline_files(&self) -> Result<Vec<RenderedPage>, AppError> {
        let offline = page(
            OFFLINE_PATH,
            &OfflinePage {
                meta: self.meta(
                    "Saved for offline",
                    "The programmes and plans saved on this device for use with no signal, and the pages kept from recent visits.",
                    OFFLINE_PATH,
                    "",
                ),
            },
        )?;
        let shell = shell();
        let worker = ServiceWorker::new(worker_version(&shell, &offline.body), &shell).render()?;
        Ok(vec![
            offline,
            RenderedPage::file(WORKER_PATH, JAVASCRIPT, worker).cached(Caching::Revalidate),
            RenderedPage::file(MANIFEST_PATH, WEB_MANIFEST, manifest()),
        ])
    }
}

/// A version that changes whenever anything the worker precaches does: the fingerprinted
/// paths of the shell (which change with the assets' contents) and the offline page.
fn worker_version(shell: &[String], offline_page: &str) -> String {
    let mut hash = Sha256::new();
    for path in shell {
        hash.update(path.as_bytes());
        hash.update(b"\n");
    }
    hash.update(offline_page.as_bytes());
    hash.finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_follows_every_path_of_the_shell_and_the_offline_page() {
        let shell = vec!["/static/site.aaaa.css".to_string(), "/offline".to_string()];
        let first = worker_version(&shell, "<p>offline</p>");
        let restyled = vec!["/static/site.bbbb.css".to_string(), "/offline".to_string()];
        assert_ne!(worker_version(&restyled, "<p>offline</p>"), first);
        assert_ne!(worker_version(&shell, "<p>reworded</p>"), first);
        assert_eq!(worker_version(&shell, "<p>offline</p>"), first);
    }
}
