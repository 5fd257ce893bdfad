//! The search page.

use crate::db::Database;
use crate::db::search::{self, Hit, MAX_QUERY_CHARS};
use crate::error::AppError;
use crate::query::QueryParams;
use crate::views::PageMeta;
use crate::views::search::SearchPage;

/// Searches that show what the site covers, for the empty state.
const SUGGESTIONS: &[(&str, &str)] = &[
    ("hamstrings", "Hamstrings"),
    ("glute+bridge", "Glute bridge"),
    ("plyometric", "Plyometric drills"),
    ("swiss+ball", "Swiss ball"),
    ("knee+pain", "Knee pain"),
];

/// Reads `q`: at most [`MAX_QUERY_CHARS`] characters.
pub fn query(params: &QueryParams) -> Result<String, AppError> {
    let q = params.single("q")?.unwrap_or_default();
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(AppError::bad_request(format!(
            "The search is too long: use at most {MAX_QUERY_CHARS} characters."
        )));
    }
    Ok(q.to_string())
}

pub fn search_page(db: &Database, query: &str) -> Result<SearchPage, AppError> {
    let hits: Vec<Hit> = db.with(|conn| search::search(conn, query))?;
    let count_text = match hits.len() {
        0 => format!(
            "Nothing found for \u{201c}{query}\u{201d}. Check the spelling, or try a muscle, an exercise or a piece of kit."
        ),
        1 => format!("1 result for \u{201c}{query}\u{201d}."),
        n => format!("{n} results for \u{201c}{query}\u{201d}."),
    };
    Ok(SearchPage {
        meta: PageMeta::new(
            if query.is_empty() {
                "Search".to_string()
            } else {
                format!("Search: {query}")
            },
            "Search runstrong's articles, exercises, programmes, muscles and equipment.",
            "/search",
            "search",
        ),
        query: query.to_string(),
        count_text,
        hits,
        suggestions: SUGGESTIONS,
    })
}
