//! `content/equipment/*.md`: home kit with the buying guide's figures, and gym kit.

use serde::Deserialize;
use toml::Spanned;

use super::check;
use super::slug_override_from_field;
use super::{ContentErrors, Index, Parsed, final_slug};
use crate::content::source::SourceFile;
use crate::domain::{BuyingGuide, Equipment, EquipmentKind};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Front {
    name: Spanned<String>,
    summary: Spanned<String>,
    kind: EquipmentKind,
    /// Lowest price found, in pounds.
    price_min: Option<Spanned<f64>>,
    /// Highest price found, in pounds (equal to `price_min` for one price).
    price_max: Option<Spanned<f64>>,
    /// Why the price varies, such as "depending on weight".
    price_note: Option<Spanned<String>>,
    /// When the prices were checked.
    prices_checked: Option<Spanned<toml::value::Datetime>>,
    /// How much it is worth buying, 1 to 5 stars.
    priority: Option<Spanned<u32>>,
    /// A short phrase for the comparison table.
    best_for: Option<Spanned<String>>,
    uses: Option<Spanned<Vec<String>>>,
    /// Household things that can stand in.
    alternatives: Option<Spanned<Vec<String>>>,
    alternatives_note: Option<Spanned<String>>,
    /// Sizes, resistance levels, weights.
    buying: Option<Spanned<Vec<String>>>,
    slug: Option<Spanned<String>>,
}

slug_override_from_field!(Front);

pub fn validate(
    parsed: Vec<Parsed<Front>>,
    index: &Index,
    errors: &mut ContentErrors,
) -> Vec<Equipment> {
    let mut list: Vec<Equipment> = parsed
        .iter()
        .map(|page| {
            let (file, f) = (&page.file, &page.front);
            let buying_guide = match f.kind {
                EquipmentKind::Home => buying_guide(file, f, errors),
                EquipmentKind::Gym => {
                    if f.price_min.is_some() || f.priority.is_some() || f.uses.is_some() {
                        errors.push(file.error(
                            "gym kit has no prices, priority or uses: those are for home kit",
                        ));
                    }
                    None
                }
            };
            Equipment {
                slug: final_slug(page),
                name: check::text(file, &f.name, "name", errors),
                summary: check::text(file, &f.summary, "summary", errors),
                kind: f.kind,
                buying_guide,
                html: check::body(file, index, errors).html,
            }
        })
        .collect();
    list.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    list
}

fn buying_guide(file: &SourceFile, f: &Front, errors: &mut ContentErrors) -> Option<BuyingGuide> {
    let missing = |key: &str, errors: &mut ContentErrors| {
        errors.push(file.error(format!("home kit needs `{key}`")));
    };
    let (Some(min), Some(max), Some(checked), Some(priority), Some(best_for)) = (
        &f.price_min,
        &f.price_max,
        &f.prices_checked,
        &f.priority,
        &f.best_for,
    ) else {
        for (key, present) in [
            ("price_min", f.price_min.is_some()),
            ("price_max", f.price_max.is_some()),
            ("prices_checked", f.prices_checked.is_some()),
            ("priority", f.priority.is_some()),
            ("best_for", f.best_for.is_some()),
        ] {
            if !present {
                missing(key, errors);
            }
        }
        return None;
    };
    let (Some(uses), Some(alternatives), Some(alternatives_note), Some(buying)) =
        (&f.uses, &f.alternatives, &f.alternatives_note, &f.buying)
    else {
        missing("uses, alternatives, alternatives_note and buying", errors);
        return None;
    };
    let price_min = pence(file, min, errors);
    let price_max = pence(file, max, errors);
    if price_max < price_min {
        errors.push(file.error_at(&max.span(), "price_max is lower than price_min"));
    }
    Some(BuyingGuide {
        price_min,
        price_max,
        price_note: f
            .price_note
            .as_ref()
            .map(|n| check::text(file, n, "price_note", errors)),
        prices_checked: check::date(file, checked, "prices_checked", errors),
        priority: check::range(file, priority, 1, 5, "priority", errors) as u8,
        best_for: check::text(file, best_for, "best_for", errors),
        uses: check::list(file, uses, "uses", true, errors),
        alternatives: check::list(file, alternatives, "alternatives", false, errors),
        alternatives_note: check::text(file, alternatives_note, "alternatives_note", errors),
        buying: check::list(file, buying, "buying", true, errors),
    })
}

/// Pounds with at most two decimals, as whole pence.
fn pence(file: &SourceFile, value: &Spanned<f64>, errors: &mut ContentErrors) -> u32 {
    let pounds = *value.get_ref();
    let pence = (pounds * 100.0).round();
    if !(0.01..=100_000.0).contains(&pounds) || (pounds * 100.0 - pence).abs() > 1e-6 {
        errors.push(file.error_at(
            &value.span(),
            format!("price {pounds} must be a positive amount in pounds with at most two decimals"),
        ));
        return 0;
    }
    pence as u32
}
