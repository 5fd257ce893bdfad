//! Static export: every page and asset written as files, each with `.gz` and `.br`
//! siblings, so nginx or a CDN can serve the whole site.
//!
//! A page at `/articles/plyometrics` is written to `articles/plyometrics.html`, a list at
//! `/articles/` to `articles/index.html`; other files keep their names. A server maps
//! clean URLs back with a rule such as nginx's `try_files $uri $uri.html $uri/index.html`.
//! Pages that need the live server (search, the self-check, comparisons, budgets) are
//! exported for their common values with a notice saying where the live version is.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use askama::Template;

use crate::query::QueryParams;
use crate::site::{equipment, search, selfcheck};
use crate::startup::{Settings, prepare};
use crate::state::AppState;
use crate::store::Stored;

pub struct ExportSummary {
    pub files: usize,
    pub bytes: u64,
    pub millis: u128,
}

/// The file a URL path is written to, relative to the export folder.
pub fn file_for(path: &str) -> PathBuf {
    let relative = path.trim_start_matches('/');
    if relative.is_empty() || relative.ends_with('/') {
        PathBuf::from(format!("{relative}index.html"))
    } else if Path::new(relative).extension().is_some() {
        PathBuf::from(relative)
    } else {
        PathBuf::from(format!("{relative}.html"))
    }
}

pub fn export(dir: &Path, settings: &Settings) -> anyhow::Result<ExportSummary> {
    let started = Instant::now();
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let public_url = settings
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", settings.addr));
    let state = prepare(settings, public_url.trim_end_matches('/').to_string())?;
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    state.pages.warm(threads);
    let mut summary = ExportSummary {
        files: 0,
        bytes: 0,
        millis: 0,
    };
    for path in state.pages.paths() {
        if let Some(stored) = state.pages.get(path) {
            write(dir, &file_for(path), stored, &mut summary)?;
        }
    }
    for (path, html) in live_pages(&state, &public_url)? {
        let stored = Stored::new(
            crate::state::HTML,
            html.into_bytes(),
            crate::store::PAGE_CACHE,
        );
        write(dir, &file_for(path), &stored, &mut summary)?;
    }
    summary.millis = started.elapsed().as_millis();
    Ok(summary)
}

/// Pages served per request by the live site, rendered for their common values.
fn live_pages(state: &AppState, public_url: &str) -> anyhow::Result<Vec<(&'static str, String)>> {
    let notice = |path: &str| {
        Some(format!(
            "This is a saved copy. For live results with your own choices, use {public_url}{path}"
        ))
    };
    let render_err = |e: crate::error::AppError| anyhow::anyhow!("{e}");
    let mut search_page = search::search_page(&state.db, "").map_err(render_err)?;
    search_page.meta.notice = notice("/search");
    let (mut check_page, _) =
        selfcheck::self_check_page(&QueryParams::parse("").map_err(render_err)?)
            .map_err(render_err)?;
    check_page.meta.notice = notice("/self-check");
    let mut compare = equipment::compare_page(
        &state.db,
        &QueryParams::parse("items=swiss-ball,exercise-bands").map_err(render_err)?,
    )
    .map_err(render_err)?;
    compare.meta.notice = notice("/equipment/compare");
    let mut budget = equipment::budget_page(
        &state.db,
        &QueryParams::parse("gbp=20").map_err(render_err)?,
    )
    .map_err(render_err)?;
    budget.meta.notice = notice("/equipment/budget");
    let plan_content = crate::site::plan::PlanContent::load(&state.db).map_err(render_err)?;
    let mut plan = crate::site::plan::plan_page(&plan_content, Default::default(), None)
        .map_err(render_err)?;
    plan.meta.notice = notice("/plan");
    Ok(vec![
        ("/plan", plan.render()?),
        ("/search", search_page.render()?),
        ("/self-check", check_page.render()?),
        ("/equipment/compare", compare.render()?),
        ("/equipment/budget", budget.render()?),
    ])
}

fn write(
    dir: &Path,
    file: &Path,
    stored: &Stored,
    summary: &mut ExportSummary,
) -> anyhow::Result<()> {
    let target = dir.join(file);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let mut sibling = |suffix: &str, bytes: &[u8]| -> anyhow::Result<()> {
        let mut name = target.clone().into_os_string();
        name.push(suffix);
        std::fs::write(&name, bytes)
            .with_context(|| format!("cannot write {}", PathBuf::from(&name).display()))?;
        summary.files += 1;
        summary.bytes += bytes.len() as u64;
        Ok(())
    };
    sibling("", &stored.identity)?;
    sibling(".gz", stored.gzip_body())?;
    sibling(".br", stored.brotli_body())?;
    Ok(())
}
