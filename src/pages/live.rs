//! Pages answered per request, from their query parameters: the one list of them
//! ([`LIVE_PAGES`]) that the routes, the sitemap, the static export and the page budget
//! (`runstrong urls`) all read, and [`Pages::live`], which renders any of them.

use askama::Template;

use super::Pages;
use crate::error::AppError;
use crate::params::QueryParams;

/// Which page builder answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiveKind {
    Exercises,
    Equipment,
    Compare,
    Budget,
    Search,
    SelfCheck,
    Plan,
}

/// A page rendered per request.
pub struct LivePage {
    pub kind: LiveKind,
    /// The path routed to it.
    pub path: &'static str,
    /// Listed in the sitemap: its bare path is a page in its own right that is not
    /// already rendered at start-up.
    pub in_sitemap: bool,
    /// The static export holds a saved copy for this query.
    pub export: Option<&'static str>,
    /// Queries that exercise it, for the page budget and smoke tests.
    pub examples: &'static [&'static str],
}

/// The plan the examples ask for: a home programme around a week with a Sunday long run,
/// followed by `$extra`.
macro_rules! plan_example {
    ($extra:literal) => {
        concat!(
            "program=home&place=home&equipment=swiss-ball,exercise-bands,resistance-tubes,",
            "medicine-ball&days=mon,wed,fri&long_run=sun&hard=tue&start=2026-12-07",
            $extra,
            "&sessions=3&minutes=30"
        )
    };
}

pub const LIVE_PAGES: &[LivePage] = &[
    LivePage {
        kind: LiveKind::Exercises,
        path: "/exercises/",
        in_sitemap: false,
        export: None,
        examples: &["muscle=hamstrings&equipment=none"],
    },
    LivePage {
        kind: LiveKind::Equipment,
        path: "/equipment/",
        in_sitemap: false,
        export: None,
        examples: &["sort=price&order=desc"],
    },
    LivePage {
        kind: LiveKind::Compare,
        path: "/equipment/compare",
        in_sitemap: false,
        export: Some("items=swiss-ball,exercise-bands"),
        examples: &["items=swiss-ball,exercise-bands,resistance-tubes"],
    },
    LivePage {
        kind: LiveKind::Budget,
        path: "/equipment/budget",
        in_sitemap: false,
        export: Some("gbp=20"),
        examples: &["gbp=30"],
    },
    LivePage {
        kind: LiveKind::Search,
        path: "/search",
        in_sitemap: true,
        export: Some(""),
        examples: &["q=hamstring"],
    },
    LivePage {
        kind: LiveKind::SelfCheck,
        path: "/self-check",
        in_sitemap: true,
        export: Some(""),
        examples: &[""],
    },
    LivePage {
        kind: LiveKind::Plan,
        path: "/plan",
        in_sitemap: true,
        export: Some(""),
        examples: &[
            plan_example!(""),
            plan_example!("&race=2027-11-20"),
            concat!(plan_example!("&race=2027-11-20"), "&part=2"),
        ],
    },
];

/// A live page's answer: the page, or the page showing what was wrong with the request
/// (sent as a bad request and never cached).
pub enum Answer {
    Page(String),
    Invalid(String),
}

impl Pages {
    /// Renders the live page `kind` for `query`.
    pub fn live(&self, kind: LiveKind, query: &str) -> Result<Answer, AppError> {
        let params = || QueryParams::parse(query);
        let html = match kind {
            LiveKind::Exercises => self.exercise_list(&params()?)?.render()?,
            LiveKind::Equipment => self.equipment_guide(&params()?)?.render()?,
            LiveKind::Compare => self.equipment_compare(&params()?)?.render()?,
            LiveKind::Budget => self.equipment_budget(&params()?)?.render()?,
            LiveKind::Search => self.search(&params()?)?.render()?,
            LiveKind::SelfCheck => {
                let (page, valid) = self.self_check(&params()?);
                let html = page.render()?;
                return Ok(if valid {
                    Answer::Page(html)
                } else {
                    Answer::Invalid(html)
                });
            }
            LiveKind::Plan => return self.plan(query),
        };
        Ok(Answer::Page(html))
    }
}
