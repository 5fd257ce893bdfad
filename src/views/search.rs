//! The search page.

use askama::Template;

use super::PageMeta;
use crate::db::search::Hit;

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub meta: PageMeta,
    pub query: String,
    pub count_text: String,
    pub hits: Vec<Hit>,
    pub suggestions: &'static [(&'static str, &'static str)],
}
