//! Static export: every page and asset written as files, each with `.gz` and `.br`
//! siblings, so nginx or a CDN can serve the whole site.
//!
//! A page at `/articles/plyometrics` is written to `articles/plyometrics.html`, a list at
//! `/articles/` to `articles/index.html`, its second page (`/articles/?page=2`) to
//! `articles/page-2.html`; other files keep their names. A server maps
//! clean URLs back with a rule such as nginx's `try_files $uri $uri.html $uri/index.html`.
//! Pages that need the live server (search, the self-check, comparisons, budgets) are
//! exported for their common values with a notice saying where the live version is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;

use crate::http::cache::{PAGE_CACHE, Stored};
use crate::http::site::Site;
use crate::pages::live::{Answer, LIVE_PAGES};
use crate::pages::{HTML, Pages, Rendering, Source};

pub struct ExportSummary {
    pub files: usize,
    pub bytes: u64,
    pub millis: u128,
}

/// The file a URL path is written to, relative to the export folder.
pub fn file_for(path: &str) -> PathBuf {
    // A later page of a long list (`/muscles/glutes?page=2`) goes beside the first, as
    // `muscles/glutes/page-2.html`; a server maps `?page=N` back to it.
    if let Some((base, page)) = path.split_once("?page=") {
        let folder = base.trim_start_matches('/').trim_end_matches('/');
        return PathBuf::from(format!("{folder}/page-{page}.html"));
    }
    let relative = path.trim_start_matches('/');
    if relative.is_empty() || relative.ends_with('/') {
        PathBuf::from(format!("{relative}index.html"))
    } else if Path::new(relative).extension().is_some() {
        PathBuf::from(relative)
    } else {
        PathBuf::from(format!("{relative}.html"))
    }
}

/// Builds the site from `source` and writes it into `dir`. Each page is compressed and
/// written on every core: a large library is thousands of files, and writing them one
/// by one leaves the processor idle while the disk works, and the other way round.
pub fn export(dir: &Path, source: &Source) -> anyhow::Result<ExportSummary> {
    let started = Instant::now();
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let site = Site::build(source, Rendering::Everything)?;
    let saved = site.pages.as_saved_copies();
    let saved: Vec<(&str, Stored)> = saved_copies(&saved)?
        .into_iter()
        .map(|(path, html)| (path, Stored::new(HTML, html.into_bytes(), PAGE_CACHE)))
        .collect();
    // One file a path: a saved copy of a live page replaces a stored page of its path.
    let files: BTreeMap<&str, &Stored> = site
        .store
        .paths()
        .filter_map(|path| Some((path, site.store.get(path)?)))
        .chain(saved.iter().map(|(path, stored)| (*path, stored)))
        .collect();
    let written = crate::parallel::map(files.into_iter().collect(), |(path, stored)| {
        write(dir, &file_for(path), stored)
    });
    let mut summary = ExportSummary {
        files: 0,
        bytes: 0,
        millis: 0,
    };
    for sizes in written {
        for size in sizes? {
            summary.files += 1;
            summary.bytes += size;
        }
    }
    summary.millis = started.elapsed().as_millis();
    Ok(summary)
}

/// Pages served per request by the live site, rendered for their common values.
fn saved_copies(pages: &Pages) -> anyhow::Result<Vec<(&'static str, String)>> {
    let mut out = Vec::new();
    for page in LIVE_PAGES {
        let Some(query) = page.export else {
            continue;
        };
        match pages.live(page.kind, query) {
            Ok(Answer::Page(html)) => out.push((page.path, html)),
            Ok(Answer::Invalid(_)) => anyhow::bail!("the saved copy of {} is invalid", page.path),
            Err(error) => anyhow::bail!("cannot render {}: {error}", page.path),
        }
    }
    Ok(out)
}

/// Writes `stored` to `file` under `dir` with its `.gz` and `.br` siblings, and gives
/// the size of each.
fn write(dir: &Path, file: &Path, stored: &Stored) -> anyhow::Result<[u64; 3]> {
    let target = dir.join(file);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let sibling = |suffix: &str, bytes: &[u8]| -> anyhow::Result<u64> {
        let mut name = target.clone().into_os_string();
        name.push(suffix);
        std::fs::write(&name, bytes)
            .with_context(|| format!("cannot write {}", PathBuf::from(&name).display()))?;
        Ok(bytes.len() as u64)
    };
    Ok([
        sibling("", &stored.identity)?,
        sibling(".gz", stored.gzip_body())?,
        sibling(".br", stored.brotli_body())?,
    ])
}
