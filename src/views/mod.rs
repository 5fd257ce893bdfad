//! One askama template struct per page, plus the small view models that keep logic out
//! of the templates. Every page carries a [`PageMeta`] that `_layout.html` reads.

pub mod articles;
pub mod bodymap;
pub mod equipment;
pub mod figure;
pub mod library;
pub mod plan;
pub mod programs;
pub mod search;
pub mod selfcheck;
pub mod structured;

use std::sync::OnceLock;

use askama::Template;

/// The public URL of the site, for canonical links and Open Graph tags. Set once at
/// start-up from the settings; every page of a process shares it.
static SITE_URL: OnceLock<String> = OnceLock::new();

/// Records the public URL (the first call wins: one process serves one site).
pub fn set_site_url(url: &str) {
    let _ = SITE_URL.set(url.trim_end_matches('/').to_string());
}

pub fn site_url() -> &'static str {
    SITE_URL
        .get()
        .map_or("http://127.0.0.1:8080", String::as_str)
}

/// What the layout needs to know about a page.
pub struct PageMeta {
    pub title: String,
    pub description: String,
    /// Canonical path, such as `/exercises/squat`.
    pub path: String,
    /// Navigation section this page belongs to, for `aria-current`.
    pub section: &'static str,
    pub css: &'static str,
    pub icon: &'static str,
    /// Open Graph type: `website` or `article`.
    pub og_type: &'static str,
    /// schema.org description of the page, as JSON-LD, where a type fits.
    pub json_ld: Option<String>,
    /// A message shown above the content, such as where the live version of a page is.
    pub notice: Option<String>,
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
            section,
            css: crate::assets::url("site.css"),
            icon: crate::assets::url("favicon.svg"),
            og_type: "website",
            json_ld: None,
            notice: None,
        }
    }

    /// Adds structured data, marking the page as an article for Open Graph when asked.
    pub fn with_json_ld(mut self, json: String, og_type: &'static str) -> Self {
        self.json_ld = Some(json);
        self.og_type = og_type;
        self
    }

    pub fn canonical(&self) -> String {
        format!("{}{}", site_url(), self.path)
    }

    pub fn is_current(&self, section: &str) -> bool {
        self.section == section
    }

    pub fn nav(&self) -> &'static [(&'static str, &'static str, &'static str)] {
        NAV
    }
}

/// Days of the week as query values and labels.
pub const WEEKDAYS: &[(&str, &str)] = &[
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
];

/// `2026-11-28` as `28 November 2026`; other text unchanged.
pub fn long_date(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%-d %B %Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// Filled and empty stars for a 1-5 rating, for sighted readers; the number is always
/// written beside them.
pub fn stars(rating: u8) -> String {
    let filled = usize::from(rating.min(5));
    format!("{}{}", "★".repeat(filled), "☆".repeat(5 - filled))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_stars_read_well() {
        assert_eq!(long_date("2026-11-28"), "28 November 2026");
        assert_eq!(stars(4), "★★★★☆");
        assert_eq!(stars(9), "★★★★★");
    }
}
