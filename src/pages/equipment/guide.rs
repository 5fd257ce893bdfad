//! `/equipment/`: home kit compared, sorted by `sort` and `order`, filtered by `max_price`.

use super::alternatives_text;
use crate::domain::guide::{self, GuideItem, SortKey};
use crate::domain::{EquipmentKind, page_path, pounds};
use crate::error::AppError;
use crate::pages::Pages;
use crate::params::{QueryParams, unknown_value};
use crate::views::equipment::{EquipmentPage, GuideRow};
use crate::views::format::{long_date, stars};

/// The guide's parameters, checked.
struct GuideQuery {
    sort: SortKey,
    descending: bool,
    /// The highest lowest-price shown, in pence.
    max_price: Option<u32>,
}

impl GuideQuery {
    /// Reads `sort`, `order` and `max_price`, naming every bad value.
    fn read(params: &QueryParams) -> Result<Self, AppError> {
        let sort_valid: Vec<&str> = SortKey::ALL.iter().map(|(_, s, _)| *s).collect();
        let mut problems = Vec::new();
        let sort = match params.single("sort")? {
            None => SortKey::Priority,
            Some(s) => SortKey::from_slug(s).unwrap_or_else(|| {
                problems.push(unknown_value("sort", s, &sort_valid));
                SortKey::Priority
            }),
        };
        let descending = match params.single("order")? {
            None => sort != SortKey::Price,
            Some("desc") => true,
            Some("asc") => false,
            Some(other) => {
                problems.push(unknown_value("order", other, &["asc", "desc"]));
                true
            }
        };
        let max_price = match params.single("max_price")? {
            None => None,
            Some(text) => guide::parse_pounds(text)
                .map_err(|why| problems.push(format!("max_price {why}")))
                .ok(),
        };
        if params.pairs_named("max_price") && max_price.is_none() && problems.is_empty() {
            problems.push("max_price is empty: give an amount in pounds, such as 10.".to_string());
        }
        if !problems.is_empty() {
            return Err(AppError::BadRequest(problems));
        }
        Ok(Self {
            sort,
            descending,
            max_price,
        })
    }

    fn sort_label(&self) -> &'static str {
        match (self.sort, self.descending) {
            (SortKey::Priority, true) => "priority, highest first",
            (SortKey::Priority, false) => "priority, lowest first",
            (SortKey::Price, true) => "price, dearest first",
            (SortKey::Price, false) => "price, cheapest first",
            (SortKey::Unlocks, true) => "exercises unlocked, most first",
            (SortKey::Unlocks, false) => "exercises unlocked, fewest first",
        }
    }
}

impl Pages {
    /// `/equipment/` with optional `sort`, `order` and `max_price`.
    pub fn equipment_guide(&self, params: &QueryParams) -> Result<EquipmentPage, AppError> {
        let query = GuideQuery::read(params)?;
        let (items, all) = self.guide_items()?;
        let total = items.len();
        let mut items = match query.max_price {
            Some(max) => guide::within_price(items, max),
            None => items,
        };
        guide::sort(&mut items, query.sort, query.descending);
        let count_text = match query.max_price {
            Some(max) => format!(
                "{} of {total} items start at or below {}.",
                items.len(),
                pounds(max)
            ),
            None => format!("{total} items, sorted by {}.", query.sort_label()),
        };
        Ok(EquipmentPage {
            meta: self.meta(
                "Home equipment guide",
                "Home kit for runners, from exercise bands to a Swiss ball, compared by price, priority and the exercises each unlocks.",
                "/equipment/",
                "equipment",
            ),
            checked: items
                .first()
                .map(|i| long_date(&i.guide.prices_checked))
                .unwrap_or_default(),
            sorts: SortKey::ALL.iter().map(|(_, s, l)| (*s, *l)).collect(),
            sort: query.sort.slug(),
            order: if query.descending { "desc" } else { "asc" },
            max_price: query.max_price.map(guide::plain_pounds).unwrap_or_default(),
            filtered: query.max_price.is_some() || !params.is_empty(),
            count_text,
            rows: items.iter().map(guide_row).collect(),
            gym: all
                .into_iter()
                .filter(|e| e.kind == EquipmentKind::Gym)
                .collect(),
        })
    }
}

fn guide_row(item: &GuideItem) -> GuideRow {
    GuideRow {
        href: page_path("equipment", &item.slug),
        name: item.name.clone(),
        price: item.price(),
        price_min: item.guide.price_min,
        priority: item.guide.priority,
        stars: stars(item.guide.priority),
        best_for: item.guide.best_for.clone(),
        unlocks: item.unlocks.len(),
        alternatives: alternatives_text(item),
    }
}
