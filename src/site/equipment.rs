//! The equipment guide: comparison table, item pages, side-by-side comparison, budget.

use crate::db::{Database, queries};
use crate::domain::guide::{self, GuideItem, SortKey};
use crate::domain::{Equipment, EquipmentKind, Exercise, pounds};
use crate::error::AppError;
use crate::query::{QueryParams, unknown_value};
use crate::views::equipment::{
    BudgetPage, BudgetRow, ComparePage, CompareRow, EquipmentItemPage, EquipmentPage, GuideRow,
};
use crate::views::{PageMeta, long_date, stars};

use super::{RenderedPage, page};

/// How many items the comparison shows at once.
const COMPARE_MIN: usize = 2;
const COMPARE_MAX: usize = 5;

/// Home kit with what each unlocks, and all equipment.
fn load(db: &Database) -> Result<(Vec<GuideItem>, Vec<Equipment>), AppError> {
    Ok(db.with(|conn| {
        let all = queries::equipment(conn)?;
        let mut items = Vec::new();
        for e in &all {
            let unlocks = queries::exercises_using(conn, &e.slug)?
                .into_iter()
                .map(|x| x.slug)
                .collect();
            items.extend(GuideItem::from_equipment(e, unlocks));
        }
        Ok((items, all))
    })?)
}

pub fn render_static(db: &Database) -> Result<Vec<RenderedPage>, AppError> {
    let mut pages = vec![page(
        "/equipment/",
        &guide_page(db, &QueryParams::parse("")?)?,
    )];
    let (_, all) = load(db)?;
    db.with(|conn| {
        for item in &all {
            let path = format!("/equipment/{}", item.slug);
            let exercises = queries::exercises_using(conn, &item.slug)?;
            let substitutes = substitutes_for(conn, &exercises, &item.slug)?;
            let template = EquipmentItemPage {
                meta: match &item.buying_guide {
                    Some(guide) => PageMeta::new(&item.name, &item.summary, &path, "equipment")
                        .with_json_ld(crate::views::structured::product(item, guide), "website"),
                    None => PageMeta::new(&item.name, &item.summary, &path, "equipment"),
                },
                programs: queries::programs_using_equipment(conn, &item.slug)?,
                item: item.clone(),
                exercises,
                substitutes,
            };
            pages.push(page(path, &template));
        }
        Ok(())
    })?;
    pages.into_iter().collect()
}

/// Substitutes named by the exercises an item unlocks that do not need the item.
fn substitutes_for(
    conn: &rusqlite::Connection,
    unlocked: &[Exercise],
    slug: &str,
) -> Result<Vec<Exercise>, crate::db::DbError> {
    let mut out: Vec<Exercise> = Vec::new();
    for exercise in unlocked {
        for sub in &exercise.substitutes {
            if out.iter().any(|e| &e.slug == sub) {
                continue;
            }
            if let Some(found) = queries::exercise(conn, sub)?
                && !found.equipment.iter().any(|e| e == slug)
            {
                out.push(found);
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// `/equipment/` with optional `sort`, `order` and `max_price`.
pub fn guide_page(db: &Database, params: &QueryParams) -> Result<EquipmentPage, AppError> {
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
        Some(text) => match guide::parse_pounds(text) {
            Ok(pence) => Some(pence),
            Err(why) => {
                problems.push(format!("max_price {why}"));
                None
            }
        },
    };
    if params.pairs_named("max_price") && max_price.is_none() && problems.is_empty() {
        problems.push("max_price is empty: give an amount in pounds, such as 10.".to_string());
    }
    if !problems.is_empty() {
        return Err(AppError::BadRequest(problems));
    }
    let (items, all) = load(db)?;
    let total = items.len();
    let mut items = match max_price {
        Some(max) => guide::within_price(items, max),
        None => items,
    };
    guide::sort(&mut items, sort, descending);
    let checked = items
        .first()
        .map(|i| long_date(&i.guide.prices_checked))
        .unwrap_or_default();
    let count_text = match max_price {
        Some(max) => format!(
            "{} of {total} items start at or below {}.",
            items.len(),
            pounds(max)
        ),
        None => format!("{total} items, sorted by {}.", sort_label(sort, descending)),
    };
    Ok(EquipmentPage {
        meta: PageMeta::new(
            "Home equipment guide",
            "Exercise bands, resistance tubes, an aerobic step, a Swiss ball and a medicine ball compared by price, priority and the exercises each unlocks.",
            "/equipment/",
            "equipment",
        ),
        checked,
        sorts: SortKey::ALL.iter().map(|(_, s, l)| (*s, *l)).collect(),
        sort: sort.slug(),
        order: if descending { "desc" } else { "asc" },
        max_price: max_price.map(guide::plain_pounds).unwrap_or_default(),
        filtered: max_price.is_some() || !params.is_empty(),
        count_text,
        rows: items.iter().map(guide_row).collect(),
        gym: all
            .into_iter()
            .filter(|e| e.kind == EquipmentKind::Gym)
            .collect(),
    })
}

fn sort_label(key: SortKey, descending: bool) -> &'static str {
    match (key, descending) {
        (SortKey::Priority, true) => "priority, highest first",
        (SortKey::Priority, false) => "priority, lowest first",
        (SortKey::Price, true) => "price, dearest first",
        (SortKey::Price, false) => "price, cheapest first",
        (SortKey::Unlocks, true) => "exercises unlocked, most first",
        (SortKey::Unlocks, false) => "exercises unlocked, fewest first",
    }
}

fn guide_row(item: &GuideItem) -> GuideRow {
    GuideRow {
        slug: item.slug.clone(),
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

fn alternatives_text(item: &GuideItem) -> String {
    if item.guide.alternatives.is_empty() {
        "None".to_string()
    } else {
        item.guide.alternatives.join("; ")
    }
}

/// `/equipment/compare?items=a,b`.
pub fn compare_page(db: &Database, params: &QueryParams) -> Result<ComparePage, AppError> {
    let wanted = params.list("items");
    let (items, _) = load(db)?;
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
    let cells = |f: &dyn Fn(&GuideItem) -> String| chosen.iter().map(|i| f(i)).collect::<Vec<_>>();
    let rows = vec![
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
    ];
    let names: Vec<String> = chosen.iter().map(|i| i.name.clone()).collect();
    Ok(ComparePage {
        meta: PageMeta::new(
            "Compare equipment",
            "Home equipment for runners side by side: price, priority, uses and alternatives.",
            format!("/equipment/compare?items={}", wanted.join(",")),
            "equipment",
        ),
        caption: names.join(" compared with "),
        names,
        rows,
        choices: items
            .iter()
            .map(|i| (i.slug.clone(), i.name.clone(), wanted.contains(&i.slug)))
            .collect(),
    })
}

/// `/equipment/budget?gbp=N`.
pub fn budget_page(db: &Database, params: &QueryParams) -> Result<BudgetPage, AppError> {
    let budget = match params.single("gbp")? {
        None => {
            return Err(AppError::bad_request(
                "gbp is missing or empty: give your budget in pounds, such as gbp=20.",
            ));
        }
        Some(text) => {
            guide::parse_pounds(text).map_err(|why| AppError::bad_request(format!("gbp {why}")))?
        }
    };
    let (items, all) = load(db)?;
    let plan = guide::plan_budget(items, budget);
    let bought: Vec<&str> = plan.picks.iter().map(|i| i.slug.as_str()).collect();
    let unlocked = db
        .with(|conn| queries::exercises(conn, &Default::default()))?
        .iter()
        .filter(|x| {
            !x.equipment.is_empty() && x.equipment.iter().all(|e| bought.contains(&e.as_str()))
        })
        .count();
    let home_slugs: Vec<&str> = all
        .iter()
        .filter(|e| e.kind == EquipmentKind::Home)
        .map(|e| e.slug.as_str())
        .collect();
    debug_assert!(bought.iter().all(|b| home_slugs.contains(b)));
    Ok(BudgetPage {
        meta: PageMeta::new(
            format!("What to buy with £{}", guide::plain_pounds(budget)),
            "Which home equipment to buy first for your budget, by priority and exercises unlocked per pound.",
            format!("/equipment/budget?gbp={}", guide::plain_pounds(budget)),
            "equipment",
        ),
        budget: guide::plain_pounds(budget),
        rule: guide::BUDGET_RULE,
        picks: plan
            .picks
            .iter()
            .map(|i| BudgetRow {
                slug: i.slug.clone(),
                name: i.name.clone(),
                priority: i.guide.priority,
                price: pounds(i.guide.price_min),
                unlocks: i.unlocks.len(),
                per_pound: format!("{:.2}", guide::unlocks_per_pound(i)),
            })
            .collect(),
        skipped: plan
            .skipped
            .iter()
            .map(|i| (i.slug.clone(), i.name.clone(), pounds(i.guide.price_min)))
            .collect(),
        total: pounds(plan.total),
        left: pounds(plan.left),
        unlocked,
    })
}
