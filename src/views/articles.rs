//! Article pages.

use askama::Template;

use super::PageMeta;
use crate::domain::Article;

#[derive(Template)]
#[template(path = "articles.html")]
pub struct ArticlesPage {
    pub meta: PageMeta,
    pub articles: Vec<Article>,
}

#[derive(Template)]
#[template(path = "article.html")]
pub struct ArticlePage {
    pub meta: PageMeta,
    pub article: Article,
    pub others: Vec<Article>,
}
