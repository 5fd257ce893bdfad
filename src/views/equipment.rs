//! The equipment guide pages.

use askama::Template;

use super::{PageMeta, Pager};
use crate::domain::{Equipment, ExerciseLink, Program};

#[derive(Template)]
#[template(path = "equipment.html")]
pub struct EquipmentPage {
    pub meta: PageMeta,
    pub checked: String,
    pub sorts: Vec<(&'static str, &'static str)>,
    pub sort: &'static str,
    pub order: &'static str,
    pub max_price: String,
    pub filtered: bool,
    pub count_text: String,
    pub rows: Vec<GuideRow>,
    pub gym: Vec<Equipment>,
}

/// One row of the comparison table.
pub struct GuideRow {
    /// The item's page.
    pub href: String,
    pub name: String,
    pub price: String,
    pub price_min: u32,
    pub priority: u8,
    pub stars: String,
    pub best_for: String,
    pub unlocks: usize,
    pub alternatives: String,
}

#[derive(Template)]
#[template(path = "equipment_item.html")]
pub struct EquipmentItemPage {
    pub meta: PageMeta,
    pub item: Equipment,
    /// How many exercises need it, and this page's share of them.
    pub unlocked: usize,
    pub exercises: Vec<ExerciseLink>,
    pub substitutes: Vec<ExerciseLink>,
    pub programs: Vec<Program>,
    /// The first page carries the buying guide; later ones only the list.
    pub first: bool,
    pub pager: Option<Pager>,
}

#[derive(Template)]
#[template(path = "compare.html")]
pub struct ComparePage {
    pub meta: PageMeta,
    pub caption: String,
    pub names: Vec<String>,
    pub rows: Vec<CompareRow>,
    pub choices: Vec<(String, String, bool)>,
}

pub struct CompareRow {
    pub label: &'static str,
    pub cells: Vec<String>,
    pub differs: bool,
}

impl CompareRow {
    pub fn new(label: &'static str, cells: Vec<String>) -> Self {
        let differs = cells.windows(2).any(|pair| pair[0] != pair[1]);
        Self {
            label,
            cells,
            differs,
        }
    }
}

#[derive(Template)]
#[template(path = "budget.html")]
pub struct BudgetPage {
    pub meta: PageMeta,
    pub budget: String,
    pub rule: &'static str,
    pub picks: Vec<BudgetRow>,
    pub skipped: Vec<Skipped>,
    pub total: String,
    pub left: String,
    pub unlocked: usize,
}

pub struct BudgetRow {
    /// The item's page.
    pub href: String,
    pub name: String,
    pub priority: u8,
    pub price: String,
    pub unlocks: usize,
    pub per_pound: String,
}

/// An item the budget could not stretch to.
pub struct Skipped {
    pub href: String,
    pub name: String,
    /// Its lowest price.
    pub price: String,
}
