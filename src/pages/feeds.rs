//! Documents for machines about the pages: the sitemap, the Atom feed of articles and
//! robots.txt.

use askama::Template;

use super::live::LIVE_PAGES;
use super::{Pages, RenderedPage, Rendering};
use crate::db::queries;
use crate::domain::Article;
use crate::error::AppError;
use crate::views::offline::OFFLINE_PATH;

#[derive(Template)]
#[template(path = "sitemap.xml")]
struct Sitemap {
    urls: Vec<String>,
}

#[derive(Template)]
#[template(path = "feed.xml")]
struct Feed<'a> {
    site: &'a str,
    updated: String,
    articles: &'a [Article],
}

/// A document that is not an HTML page.
pub(super) fn document(path: &str, content_type: &'static str, body: String) -> RenderedPage {
    RenderedPage {
        path: path.to_string(),
        content_type,
        body,
    }
}

/// The paths the sitemap lists: every page that depends only on the content (rendered or
/// deferred) but the 404 page and the offline page (which shows what one device holds),
/// and the live pages that answer without parameters. Sorted.
pub fn sitemap_paths<'a>(pages: &'a [RenderedPage], deferred: &'a [String]) -> Vec<&'a str> {
    let mut paths: Vec<&str> = pages
        .iter()
        .filter(|p| p.is_html() && p.path != "/404.html" && p.path != OFFLINE_PATH)
        .map(|p| p.path.as_str())
        .chain(deferred.iter().map(String::as_str))
        .chain(LIVE_PAGES.iter().filter(|p| p.in_sitemap).map(|p| p.path))
        .collect();
    paths.sort_unstable();
    paths
}

impl Pages {
    /// Every page the site serves, as paths: the sitemap's, the offline page, then the
    /// example queries of the pages rendered per request.
    pub fn urls(&self) -> Result<Vec<String>, AppError> {
        let site = self.render_static(Rendering::DeferExercises)?;
        let mut urls: Vec<String> = sitemap_paths(&site.pages, &site.deferred)
            .into_iter()
            .map(str::to_string)
            .collect();
        urls.push(OFFLINE_PATH.to_string());
        for page in LIVE_PAGES {
            for query in page.examples.iter().filter(|q| !q.is_empty()) {
                urls.push(format!("{}?{query}", page.path));
            }
        }
        Ok(urls)
    }

    /// The sitemap (of `pages` and `deferred`), the feed and robots.txt.
    pub(super) fn feeds(
        &self,
        pages: &[RenderedPage],
        deferred: &[String],
    ) -> Result<Vec<RenderedPage>, AppError> {
        let site = self.public_url.as_str();
        let sitemap = Sitemap {
            urls: sitemap_paths(pages, deferred)
                .iter()
                .map(|p| format!("{site}{p}"))
                .collect(),
        };
        let articles = self.db.with(queries::articles)?;
        let feed = Feed {
            site,
            updated: articles
                .iter()
                .map(|a| a.updated.clone())
                .max()
                .unwrap_or_default(),
            articles: &articles,
        };
        Ok(vec![
            document(
                "/sitemap.xml",
                "application/xml; charset=utf-8",
                sitemap.render()?,
            ),
            document(
                "/feed.atom",
                "application/atom+xml; charset=utf-8",
                feed.render()?,
            ),
            document(
                "/robots.txt",
                "text/plain; charset=utf-8",
                format!("User-agent: *\nAllow: /\n\nSitemap: {site}/sitemap.xml\n"),
            ),
        ])
    }
}
