//! `/equipment/compare?items=a,b` (two to five items side by side) and
//! `/equipment/budget?gbp=N` (what to buy first).

use super::alternatives_text;
use crate::db::{ExerciseFilter, queries};
use crate::domain::guide::{self, GuideItem};
use crate::domain::{page_path, pounds};
use crate::error::AppError;
use crate::pages::Pages;
use crate::params::{QueryParams, unknown_value};
use crate::views::equipment::{BudgetPage, BudgetRow, ComparePage, CompareRow, Skipped};
use crate::views::format::long_date;

/// How many items the comparison shows at once.
const COMPARE_MIN: usize = 2;
const COMPARE_MAX: usize = 5;

impl Pages {
    /// `/equipment/compare?items=a,b`.
    pub fn equipment_compare(&self, params: &QueryParams) -> Result<ComparePage, AppError> {
        let wanted = params.list("items");
        let (items, _) = self.guide_items()?;
        let valid: Vec<&str> = items.iter().map(|i| i.slug.as_str()).collect();
        let mut problems: Vec<String> = wanted
            .iter()
            .filter(|w| !valid.contains(&w.as_str()))
            .map(|w| unknown_value("item", w, &valid))
            .collect();
        if !(COMPARE_MIN..=COMPARE_MAX).contains(&wanted.len()) {
            problems.push(format!(
                "items: choose {COMPARE_MIN} to {COMPARE_MAX} different items to compare (you chose {}).",
                wanted.len()
            ));
        }
        if !problems.is_empty() {
            return Err(AppError::BadRequest(problems));
        }
        let chosen: Vec<&GuideItem> = wanted
            .iter()
            .filter_map(|w| items.iter().find(|i| &i.slug == w))
            .collect();
        let names: Vec<String> = chosen.iter().map(|i| i.name.clone()).collect();
        Ok(ComparePage {
            meta: self.live_only(self.meta(
                "Compare equipment",
                "Home equipment for runners side by side: price, priority, uses and alternatives.",
                format!("/equipment/compare?items={}", wanted.join(",")),
                "equipment",
            )),
            caption: names.join(" compared with "),
            names,
            rows: compare_rows(&chosen),
            choices: items
                .iter()
                .map(|i| (i.slug.clone(), i.name.clone(), wanted.contains(&i.slug)))
                .collect(),
        })
    }

    /// `/equipment/budget?gbp=N`.
    pub fn equipment_budget(&self, params: &QueryParams) -> Result<BudgetPage, AppError> {
        let budget = match params.single("gbp")? {
            None => {
                return Err(AppError::bad_request(
                    "gbp is missing or empty: give your budget in pounds, such as gbp=20.",
                ));
            }
            Some(text) => guide::parse_pounds(text)
                .map_err(|why| AppError::bad_request(format!("gbp {why}")))?,
        };
        let (items, _) = self.guide_items()?;
        let plan = guide::plan_budget(items, budget);
        let bought: Vec<&str> = plan.picks.iter().map(|i| i.slug.as_str()).collect();
        let unlocked = self
            .db
            .with(|conn| queries::exercises(conn, &ExerciseFilter::default()))?
            .iter()
            .filter(|x| {
                !x.equipment.is_empty() && x.equipment.iter().all(|e| bought.contains(&e.as_str()))
            })
            .count();
        Ok(BudgetPage {
            meta: self.live_only(self.meta(
                format!("What to buy with £{}", guide::plain_pounds(budget)),
                "Which home equipment to buy first for your budget, by priority and exercises unlocked per pound.",
                format!("/equipment/budget?gbp={}", guide::plain_pounds(budget)),
                "equipment",
            )),
            budget: guide::plain_pounds(budget),
            rule: guide::BUDGET_RULE,
            picks: plan.picks.iter().map(budget_row).collect(),
            skipped: plan
                .skipped
                .iter()
                .map(|i| Skipped {
                    href: page_path("equipment", &i.slug),
                    name: i.name.clone(),
                    price: pounds(i.guide.price_min),
                })
                .collect(),
            total: pounds(plan.total),
            left: pounds(plan.left),
            unlocked,
        })
    }
}

/// The comparison's rows: one fact of every chosen item per row.
fn compare_rows(chosen: &[&GuideItem]) -> Vec<CompareRow> {
    let cells = |f: &dyn Fn(&GuideItem) -> String| chosen.iter().map(|i| f(i)).collect::<Vec<_>>();
    vec![
        CompareRow::new(
            "Price",
            cells(&|i| {
                let note = i
                    .guide
                    .price_note
                    .as_deref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default();
                format!("{}{note}", i.price())
            }),
        ),
        CompareRow::new(
            "Priority",
            cells(&|i| format!("{} out of 5", i.guide.priority)),
        ),
        CompareRow::new("Best for", cells(&|i| i.guide.best_for.clone())),
        CompareRow::new(
            "Exercises it unlocks",
            cells(&|i| i.unlocks.len().to_string()),
        ),
        CompareRow::new(
            "What you can do with it",
            cells(&|i| i.guide.uses.join("; ")),
        ),
        CompareRow::new("Household alternatives", cells(&alternatives_text)),
        CompareRow::new(
            "Prices checked",
            cells(&|i| long_date(&i.guide.prices_checked)),
        ),
    ]
}

fn budget_row(item: &GuideItem) -> BudgetRow {
    BudgetRow {
        href: page_path("equipment", &item.slug),
        name: item.name.clone(),
        priority: item.guide.priority,
        price: pounds(item.guide.price_min),
        unlocks: item.unlocks.len(),
        per_pound: format!("{:.2}", guide::unlocks_per_pound(item)),
    }
}
