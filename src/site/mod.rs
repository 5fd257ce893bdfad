//! Builds every page from the database. Pages that do not depend on the request are
//! rendered once at start-up by [`render_static`]; the same functions render filtered and
//! parameterised pages per request, so a page looks the same whichever way it was made.

pub mod equipment;
pub mod feeds;
pub mod library;
pub mod plan;
pub mod programs;
pub mod search;
pub mod selfcheck;

use askama::Template;

use crate::db::{Database, queries};
use crate::error::AppError;
use crate::state::HTML;
use crate::views::articles::{ArticlePage, ArticlesPage};
use crate::views::{HomePage, PageMeta};

/// A rendered page or document and the path it is served at.
pub struct RenderedPage {
    pub path: String,
    pub content_type: &'static str,
    pub body: String,
}

impl RenderedPage {
    pub fn is_html(&self) -> bool {
        self.content_type == HTML
    }
}

fn page(path: impl Into<String>, template: &impl Template) -> Result<RenderedPage, AppError> {
    Ok(RenderedPage {
        path: path.into(),
        content_type: HTML,
        body: template.render()?,
    })
}

/// Every page whose content depends only on `content/`.
pub fn render_static(db: &Database) -> Result<Vec<RenderedPage>, AppError> {
    let mut pages = Vec::new();
    db.with(|conn| {
        let articles = queries::articles(conn)?;
        pages.push(home(&articles));
        pages.push(articles_index(&articles));
        for article in &articles {
            pages.push(article_page(article, &articles));
        }
        Ok(())
    })?;
    let mut pages: Vec<RenderedPage> = pages.into_iter().collect::<Result<_, _>>()?;
    pages.extend(library::render_static(db)?);
    pages.extend(programs::render_static(db)?);
    pages.extend(equipment::render_static(db)?);
    pages.push(page(
        "/404.html",
        &crate::error::error_page(&AppError::NotFound),
    )?);
    pages.extend(feeds::render_static(db, &pages)?);
    Ok(pages)
}

fn home(articles: &[crate::domain::Article]) -> Result<RenderedPage, AppError> {
    let template = HomePage {
        meta: PageMeta::new(
            "Stronger legs for runners",
            "Strength training for runners: why the posterior chain matters, an exercise library with a body map, printable four-week programmes and a home equipment guide.",
            "/",
            "home",
        ),
        articles: articles.iter().take(3).cloned().collect(),
    };
    page("/", &template)
}

fn articles_index(articles: &[crate::domain::Article]) -> Result<RenderedPage, AppError> {
    let template = ArticlesPage {
        meta: PageMeta::new(
            "Articles",
            "Plain explanations of the posterior chain, plyometrics, running mechanics, free weights and fitting strength work into a running week.",
            "/articles/",
            "articles",
        ),
        articles: articles.to_vec(),
    };
    page("/articles/", &template)
}

fn article_page(
    article: &crate::domain::Article,
    all: &[crate::domain::Article],
) -> Result<RenderedPage, AppError> {
    let path = format!("/articles/{}", article.slug);
    let template = ArticlePage {
        meta: PageMeta::new(&article.title, &article.summary, &path, "articles")
            .with_json_ld(crate::views::structured::article(article), "article"),
        article: article.clone(),
        others: all
            .iter()
            .filter(|a| a.slug != article.slug)
            .take(3)
            .cloned()
            .collect(),
    };
    page(path, &template)
}
