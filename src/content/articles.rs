//! `content/articles/*.md`: explanations a runner reads.

use serde::Deserialize;
use toml::Spanned;

use super::check;
use super::slug_override_from_field;
use super::{ContentErrors, Index, Parsed, final_slug};
use crate::domain::Article;

/// Words a runner reads in a minute, for the reading-time estimate.
const WORDS_PER_MINUTE: usize = 200;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Front {
    /// Page title and `h1`.
    title: Spanned<String>,
    /// One or two sentences for lists and the meta description.
    summary: Spanned<String>,
    /// When the article was last revised.
    updated: Spanned<toml::value::Datetime>,
    /// Position in the article list, lower first.
    #[serde(default = "default_order")]
    order: i64,
    /// Overrides the file name as the slug.
    slug: Option<Spanned<String>>,
}

fn default_order() -> i64 {
    100
}

slug_override_from_field!(Front);

pub fn validate(
    parsed: Vec<Parsed<Front>>,
    index: &Index,
    errors: &mut ContentErrors,
) -> Vec<Article> {
    let mut articles: Vec<Article> = parsed
        .iter()
        .map(|page| {
            let (file, front) = (&page.file, &page.front);
            let rendered = check::body(file, index, errors);
            Article {
                slug: final_slug(page),
                title: check::text(file, &front.title, "title", errors),
                summary: check::text(file, &front.summary, "summary", errors),
                updated: check::date(file, &front.updated, "updated", errors),
                order: front.order,
                reading_minutes: rendered.words.div_ceil(WORDS_PER_MINUTE).max(1),
                html: rendered.html,
                toc: rendered.toc,
            }
        })
        .collect();
    articles.sort_by(|a, b| (a.order, &a.title).cmp(&(b.order, &b.title)));
    articles
}
