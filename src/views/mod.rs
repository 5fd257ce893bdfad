//! One askama template struct per page, plus the small view models that keep logic out
//! of the templates. Every page carries a [`PageMeta`] that `_layout.html` reads.

pub mod articles;
pub mod bodymap;
pub mod equipment;
pub mod library;
pub mod plan;
pub mod programs;

use askama::Template;

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
}

/// Main navigation: (href, label, section).
const NAV: &[(&str, &str, &str)] = &[
    ("/articles/", "Articles", "articles"),
    ("/exercises/", "Exercises", "exercises"),
    ("/programs/", "Programs", "programs"),
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
        }
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
