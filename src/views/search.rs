//! The search page.

use askama::Template;

use super::{PageMeta, Pager};

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub meta: PageMeta,
    pub query: String,
    /// The longest search accepted, for the input's `maxlength`.
    pub max_chars: usize,
    pub count_text: String,
    pub hits: Vec<HitView>,
    pub suggestions: &'static [(&'static str, &'static str)],
    pub pager: Option<Pager>,
}

/// One result: the page and the snippet around the matched words.
pub struct HitView {
    pub kind: String,
    pub url: String,
    pub title: String,
    /// Plain text in pieces, each marked when it matched; the template escapes the text
    /// and wraps matches in `<mark>`.
    pub snippet: Vec<(String, bool)>,
}
