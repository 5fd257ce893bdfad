//! The search page.

use super::Pages;
use super::paging::{page_param, slice};
use crate::db::search::{self, MAX_QUERY_CHARS};
use crate::error::AppError;
use crate::params::QueryParams;
use crate::views::search::{HitView, SearchPage};

/// Results on one page.
const RESULTS_PER_PAGE: usize = 30;

/// Searches that show what the site covers, for the empty state.
const SUGGESTIONS: &[(&str, &str)] = &[
    ("hamstrings", "Hamstrings"),
    ("glute+bridge", "Glute bridge"),
    ("plyometric", "Plyometric drills"),
    ("swiss+ball", "Swiss ball"),
    ("knee+pain", "Knee pain"),
];

/// Reads the search words, `q`: at most [`MAX_QUERY_CHARS`] characters.
fn search_words(params: &QueryParams) -> Result<String, AppError> {
    let q = params.single("q")?.unwrap_or_default();
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(AppError::bad_request(format!(
            "The search is too long: use at most {MAX_QUERY_CHARS} characters."
        )));
    }
    Ok(q.to_string())
}

impl Pages {
    /// Writes the full-text index now rather than at the first search ([`crate::db`]
    /// says why it waits).
    pub fn prepare_search(&self) -> Result<(), AppError> {
        Ok(self.db.prepare_search()?)
    }

    /// `/search?q=`: one page of the results for `q`, or the empty search with
    /// suggestions.
    pub fn search(&self, params: &QueryParams) -> Result<SearchPage, AppError> {
        let query = search_words(params)?;
        let number = page_param(params)?;
        let total = self.db.with_search(|conn| search::count(conn, &query))?;
        let shown = slice(total, RESULTS_PER_PAGE, number)?;
        let hits = self.db.with_search(|conn| {
            search::search(conn, &query, shown.range.start, RESULTS_PER_PAGE)
        })?;
        let base = form_urlencoded::Serializer::new(String::new())
            .append_pair("q", &query)
            .finish();
        let pager = shown.pager("/search", &base);
        let count_text = match total {
            0 => format!(
                "Nothing found for \u{201c}{query}\u{201d}. Check the spelling, or try a muscle, an exercise or a piece of kit."
            ),
            1 => format!("1 result for \u{201c}{query}\u{201d}."),
            n => format!("{n} results for \u{201c}{query}\u{201d}."),
        };
        Ok(SearchPage {
            meta: self
                .live_only(self.meta(
                    if query.is_empty() {
                        "Search".to_string()
                    } else {
                        format!("Search: {query}")
                    },
                    "Search runstrong's articles, exercises, programmes, muscles and equipment.",
                    "/search",
                    "search",
                ))
                .paged(pager.as_ref()),
            query,
            max_chars: MAX_QUERY_CHARS,
            count_text,
            hits: hits
                .into_iter()
                .map(|hit| HitView {
                    kind: hit.kind,
                    url: hit.url,
                    title: hit.title,
                    snippet: hit.snippet,
                })
                .collect(),
            suggestions: SUGGESTIONS,
            pager,
        })
    }
}
