//! Long lists in pages of a fixed size, so every page stays inside the first-visit
//! budget however large the library grows. The page is the `page` query parameter (1 is
//! the bare address); each page links the others and names its neighbours with `rel`.

use std::ops::Range;

use crate::error::AppError;
use crate::params::QueryParams;
use crate::views::Pager;

/// Exercises on one page of the library or of search results.
pub const CARDS_PER_PAGE: usize = 48;
/// Exercise links on one page of a muscle's or an item's page.
pub const LINKS_PER_PAGE: usize = 60;

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slice {
    /// From 1.
    pub page: usize,
    pub pages: usize,
    /// The items on this page.
    pub range: Range<usize>,
}

/// Reads `page`: a whole number from 1; absent is 1.
pub fn page_param(params: &QueryParams) -> Result<usize, AppError> {
    match params.single("page")? {
        None => Ok(1),
        Some(text) => match text.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n),
            _ => Err(AppError::bad_request(format!(
                "page \"{text}\" is not a page number: use 1, 2, 3 and so on."
            ))),
        },
    }
}

/// Page `page` of `total` items, `per_page` at a time. An empty list has one, empty,
/// page; a page past the end does not exist.
pub fn slice(total: usize, per_page: usize, page: usize) -> Result<Slice, AppError> {
    let pages = total.div_ceil(per_page).max(1);
    if page == 0 || page > pages {
        return Err(AppError::NotFound);
    }
    let start = (page - 1) * per_page;
    Ok(Slice {
        page,
        pages,
        range: start..(start + per_page).min(total),
    })
}

/// The address of page `page` of the list at `path` with the query `base` (without
/// `page`): page 1 is the address without it.
pub fn page_href(path: &str, base: &str, page: usize) -> String {
    match (base.is_empty(), page) {
        (true, 1) => path.to_string(),
        (false, 1) => format!("{path}?{base}"),
        (true, n) => format!("{path}?page={n}"),
        (false, n) => format!("{path}?{base}&page={n}"),
    }
}

/// Which pages of a paged list to render: the server renders the first at start-up and
/// the later ones when they are first asked for, since their number grows with the
/// library; the export renders them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    All,
    First,
    Only(usize),
}

impl Which {
    /// The page numbers this selects of a list of `pages` pages: none for a page past
    /// the end.
    pub fn numbers(self, pages: usize) -> std::ops::RangeInclusive<usize> {
        match self {
            Which::All => 1..=pages,
            Which::First => 1..=1,
            Which::Only(n) if (1..=pages).contains(&n) => n..=n,
            // Empty on purpose: no such page.
            #[allow(clippy::reversed_empty_ranges)]
            Which::Only(_) => 1..=0,
        }
    }

    /// The pages left out at start-up, as [`Which::First`] leaves them: every later page
    /// of the list at `path` with `pages` pages.
    pub fn deferred_after_first(self, path: &str, pages: usize) -> Vec<super::Deferred> {
        if self != Which::First {
            return Vec::new();
        }
        (2..=pages)
            .map(|n| super::Deferred {
                path: page_href(path, "", n),
                content_type: super::HTML,
            })
            .collect()
    }
}

impl Slice {
    /// The links between the pages, or `None` when everything fits on one.
    pub fn pager(&self, path: &str, base: &str) -> Option<Pager> {
        (self.pages > 1).then(|| Pager {
            label: format!("Page {} of {}", self.page, self.pages),
            prev: (self.page > 1).then(|| page_href(path, base, self.page - 1)),
            next: (self.page < self.pages).then(|| page_href(path, base, self.page + 1)),
            links: (1..=self.pages)
                .map(|n| (n, page_href(path, base, n), n == self.page))
                .collect(),
        })
    }

    /// Every page's address, for the pages rendered at start-up.
    pub fn all_hrefs(pages: usize, path: &str) -> Vec<(usize, String)> {
        (1..=pages).map(|n| (n, page_href(path, "", n))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_into_whole_pages() {
        assert_eq!(slice(0, 10, 1).expect("one empty page").range, 0..0);
        let last = slice(25, 10, 3).expect("page 3 of 3");
        assert_eq!((last.pages, last.range), (3, 20..25));
        assert!(matches!(slice(25, 10, 4), Err(AppError::NotFound)));
    }

    #[test]
    fn page_one_is_the_bare_address() {
        assert_eq!(page_href("/exercises/", "", 1), "/exercises/");
        assert_eq!(
            page_href("/exercises/", "level=beginner", 2),
            "/exercises/?level=beginner&page=2"
        );
        let pager = slice(25, 10, 2)
            .expect("page 2")
            .pager("/muscles/glutes", "")
            .expect("three pages");
        assert_eq!(pager.prev.as_deref(), Some("/muscles/glutes"));
        assert_eq!(pager.next.as_deref(), Some("/muscles/glutes?page=3"));
        assert_eq!(pager.label, "Page 2 of 3");
    }

    #[test]
    fn the_first_page_is_rendered_now_and_the_rest_later() {
        assert_eq!(Which::All.numbers(3), 1..=3);
        assert_eq!(Which::First.numbers(3), 1..=1);
        assert_eq!(Which::Only(2).numbers(3), 2..=2);
        assert!(Which::Only(4).numbers(3).is_empty());
        let later: Vec<String> = Which::First
            .deferred_after_first("/muscles/glutes", 3)
            .into_iter()
            .map(|d| d.path)
            .collect();
        assert_eq!(later, ["/muscles/glutes?page=2", "/muscles/glutes?page=3"]);
        assert!(
            Which::All
                .deferred_after_first("/muscles/glutes", 3)
                .is_empty()
        );
    }
}
