//! The home page and the articles.

use super::{Pages, RenderedPage, page};
use crate::domain::Article;
use crate::error::AppError;
use crate::views::articles::{ArticlePage, ArticlesPage};
use crate::views::{HomePage, structured};

/// Articles listed on the home page and under each article.
const FEATURED: usize = 3;

impl Pages {
    /// The home page, the article list and every article.
    pub(super) fn articles(&self) -> Result<Vec<RenderedPage>, AppError> {
        let articles = self.db.with(crate::db::queries::articles)?;
        let mut pages = vec![self.home(&articles)?, self.articles_index(&articles)?];
        for article in &articles {
            pages.push(self.article_page(article, &articles)?);
        }
        Ok(pages)
    }

    fn home(&self, articles: &[Article]) -> Result<RenderedPage, AppError> {
        let template = HomePage {
            meta: self.meta(
                "Stronger legs for runners",
                "Strength training for runners: why the posterior chain matters, an exercise library with a body map, printable four-week programmes and a home equipment guide.",
                "/",
                "home",
            ),
            articles: articles.iter().take(FEATURED).cloned().collect(),
        };
        page("/", &template)
    }

    fn articles_index(&self, articles: &[Article]) -> Result<RenderedPage, AppError> {
        let template = ArticlesPage {
            meta: self.meta(
                "Articles",
                "Plain explanations of the posterior chain, plyometrics, running mechanics, free weights and fitting strength work into a running week.",
                "/articles/",
                "articles",
            ),
            articles: articles.to_vec(),
        };
        page("/articles/", &template)
    }

    fn article_page(&self, article: &Article, all: &[Article]) -> Result<RenderedPage, AppError> {
        let path = article.url();
        let template = ArticlePage {
            meta: self
                .meta(&article.title, &article.summary, &path, "articles")
                .with_json_ld(structured::article(article, &self.public_url), "article"),
            article: article.clone(),
            others: all
                .iter()
                .filter(|a| a.slug != article.slug)
                .take(FEATURED)
                .cloned()
                .collect(),
        };
        page(path, &template)
    }
}
