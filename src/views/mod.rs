//! One askama template struct per page, plus the small view models and display formatting
//! that keep logic out of the templates. Views hold what a page shows; they never query
//! anything: page builders ([`crate::pages`]) fill them. Every page carries a
//! [`PageMeta`] that `_layout.html` reads.

pub mod articles;
pub mod bodymap;
pub mod equipment;
pub mod exercises;
pub mod figure;
pub mod format;
pub mod offline;
pub mod plan;
pub mod programs;
pub mod search;
pub mod selfcheck;
pub mod structured;
pub mod training;

use askama::Template;

/// What the layout needs to know about a page.
pub struct PageMeta {
    pub title: String,
    pub description: String,
    /// Canonical path, such as `/exercises/squat`.
    pub path: String,
    /// Absolute canonical URL; error pages have none.
    pub canonical: Option<String>,
    /// Navigation section this page belongs to, for `aria-current`.
    pub section: &'static str,
    pub css: &'static str,
    /// Print styles, linked with `media="print"`: they never hold up a page on screen.
    pub print_css: &'static str,
    pub icon: &'static str,
    /// Open Graph type: `website` or `article`.
    pub og_type: &'static str,
    /// schema.org description of the page, as JSON-LD, where a type fits.
    pub json_ld: Option<String>,
    /// A message shown above the content, such as where the live version of a page is.
    pub notice: Option<String>,
    /// The neighbouring pages of a long list, for `<link rel="prev|next">`.
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// Main navigation: (href, label, section).
const NAV: &[(&str, &str, &str)] = &[
    ("/articles/", "Articles", "articles"),
    ("/exercises/", "Exercises", "exercises"),
    ("/programs/", "Programmes", "programs"),
    ("/equipment/", "Equipment", "equipment"),
    ("/search", "Search", "search"),
];

impl PageMeta {
    /// A page with no canonical URL (error pages); see [`Self::at`].
    pub fn new(
        title: impl Into<String>,
        description: impl Into<String>,
        path: impl Into<String>,
        section: &'static str,
    ) -> Self {
        Self {
            title: title.into(),
            description: description.into(),
            path: path.into(),
            canonical: None,
            section,
            css: crate::assets::url("site.css"),
            print_css: crate::assets::url("print.css"),
            icon: crate::assets::url("favicon.svg"),
            og_type: "website",
            json_ld: None,
            notice: None,
            prev: None,
            next: None,
        }
    }

    /// Gives the page its canonical URL on the site served at `site_url`.
    pub fn at(mut self, site_url: &str) -> Self {
        self.canonical = Some(format!("{site_url}{}", self.path));
        self
    }

    /// Adds structured data, marking the page as an article for Open Graph when asked.
    pub fn with_json_ld(mut self, json: String, og_type: &'static str) -> Self {
        self.json_ld = Some(json);
        self.og_type = og_type;
        self
    }

    /// Names the neighbours of this page of a long list.
    pub fn paged(mut self, pager: Option<&Pager>) -> Self {
        if let Some(pager) = pager {
            self.prev = pager.prev.clone();
            self.next = pager.next.clone();
        }
        self
    }

    pub fn is_current(&self, section: &str) -> bool {
        self.section == section
    }

    pub fn nav(&self) -> &'static [(&'static str, &'static str, &'static str)] {
        NAV
    }
}

/// Links between the pages of a long list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    /// "Page 2 of 5".
    pub label: String,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// (number, href, current) for every page.
    pub links: Vec<(usize, String, bool)>,
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub meta: PageMeta,
    pub heading: String,
    pub problems: Vec<String>,
    pub advice: String,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub meta: PageMeta,
    pub articles: Vec<crate::domain::Article>,
}
