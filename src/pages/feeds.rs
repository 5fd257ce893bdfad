//! Documents for machines about the pages: the sitemap, the Atom feed of articles and
//! robots.txt.

use askama::Template;

use super::live::LIVE_PAGES;
use super::{Deferred, HTML, Pages, RenderedPage, Rendering};
use crate::db::queries;
use crate::domain::Article;
use crate::error::AppError;
use crate::views::offline::OFFLINE_PATH;

#[derive(Template)]
#[template(path = "sitemap.xml")]
struct Sitemap<'a> {
    urls: &'a [String],
}

/// What `/sitemap.xml` becomes when the site outgrows one sitemap.
#[derive(Template)]
#[template(path = "sitemap_index.xml")]
struct SitemapIndex {
    sitemaps: Vec<String>,
}

/// The sitemap protocol's limit on the URLs in one file (its other limit, 50 MB, is far
/// beyond this many of the site's addresses).
pub const URLS_PER_SITEMAP: usize = 50_000;

const XML: &str = "application/xml; charset=utf-8";

/// The sitemap of `urls`: one file at `/sitemap.xml`, or, past `per_file` URLs, an
/// index there pointing at `/sitemaps/1.xml`, `/sitemaps/2.xml`, ...
pub fn sitemaps(
    site: &str,
    urls: &[String],
    per_file: usize,
) -> Result<Vec<RenderedPage>, AppError> {
    if urls.len() <= per_file {
        return Ok(vec![RenderedPage::file(
            "/sitemap.xml",
            XML,
            Sitemap { urls }.render()?,
        )]);
    }
    let mut files = Vec::new();
    let mut index = Vec::new();
    for (n, chunk) in urls.chunks(per_file).enumerate() {
        let path = format!("/sitemaps/{}.xml", n + 1);
        index.push(format!("{site}{path}"));
        files.push(RenderedPage::file(
            &path,
            XML,
            Sitemap { urls: chunk }.render()?,
        ));
    }
    files.push(RenderedPage::file(
        "/sitemap.xml",
        XML,
        SitemapIndex { sitemaps: index }.render()?,
    ));
    Ok(files)
}

#[derive(Template)]
#[template(path = "feed.xml")]
struct Feed<'a> {
    site: &'a str,
    updated: String,
    articles: &'a [Article],
}

/// The paths the sitemap lists: every page that depends only on the content (rendered or
/// deferred) but the 404 page and the offline page (which shows what one device holds),
/// and the live pages that answer without parameters. Sorted.
pub fn sitemap_paths<'a>(pages: &'a [RenderedPage], deferred: &'a [Deferred]) -> Vec<&'a str> {
    let mut paths: Vec<&str> = pages
        .iter()
        .filter(|p| p.is_html() && p.path != "/404.html" && p.path != OFFLINE_PATH)
        .map(|p| p.path.as_str())
        .chain(
            deferred
                .iter()
                .filter(|d| d.content_type == HTML)
                .map(|d| d.path.as_str()),
        )
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
        deferred: &[Deferred],
    ) -> Result<Vec<RenderedPage>, AppError> {
        let site = self.public_url.as_str();
        let urls: Vec<String> = sitemap_paths(pages, deferred)
            .iter()
            .map(|p| format!("{site}{p}"))
            .collect();
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
        let mut documents = sitemaps(site, &urls, URLS_PER_SITEMAP)?;
        documents.extend([
            RenderedPage::file(
                "/feed.atom",
                "application/atom+xml; charset=utf-8",
                feed.render()?,
            ),
            RenderedPage::file(
                "/robots.txt",
                "text/plain; charset=utf-8",
                format!("User-agent: *\nAllow: /\n\nSitemap: {site}/sitemap.xml\n"),
            ),
        ]);
        Ok(documents)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_past_the_limit_gets_a_sitemap_index() {
        let urls: Vec<String> = (1..=5).map(|n| format!("https://x.example/p{n}")).collect();
        let one = sitemaps("https://x.example", &urls, 5).expect("renders");
        assert_eq!(one.len(), 1);
        assert!(one[0].body.contains("<urlset"));
        let split = sitemaps("https://x.example", &urls, 2).expect("renders");
        let paths: Vec<&str> = split.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/sitemaps/1.xml",
                "/sitemaps/2.xml",
                "/sitemaps/3.xml",
                "/sitemap.xml"
            ]
        );
        let index = &split[3].body;
        assert!(index.contains("<sitemapindex"), "{index}");
        assert!(index.contains("<loc>https://x.example/sitemaps/3.xml</loc>"));
        assert_eq!(split[2].body.matches("<url>").count(), 1);
        let listed: usize = split[..3]
            .iter()
            .map(|d| d.body.matches("<url>").count())
            .sum();
        assert_eq!(listed, 5, "every URL in exactly one file");
    }
}
