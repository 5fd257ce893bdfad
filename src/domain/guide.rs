//! The home equipment guide's pure logic: sorting, price filtering and the budget rule.

use super::{BuyingGuide, Equipment, decimal_pounds, price_range};

/// A home item with the facts the guide compares.
#[derive(Debug, Clone)]
pub struct GuideItem {
    pub slug: String,
    pub name: String,
    pub guide: BuyingGuide,
    /// Library exercises that need this item.
    pub unlocks: Vec<String>,
}

impl GuideItem {
    /// Pairs home kit with the exercises that need it; gym kit is left out.
    pub fn from_equipment(item: &Equipment, unlocks: Vec<String>) -> Option<Self> {
        Some(Self {
            slug: item.slug.clone(),
            name: item.name.clone(),
            guide: item.buying_guide.clone()?,
            unlocks,
        })
    }

    pub fn price(&self) -> String {
        price_range(self.guide.price_min, self.guide.price_max)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Price,
    Priority,
    Unlocks,
}

impl SortKey {
    pub const ALL: &[(SortKey, &str, &str)] = &[
        (SortKey::Priority, "priority", "Priority"),
        (SortKey::Price, "price", "Price"),
        (SortKey::Unlocks, "unlocks", "Exercises unlocked"),
    ];

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(_, s, _)| *s == slug)
            .map(|(k, _, _)| *k)
    }

    pub fn slug(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(k, _, _)| *k == self)
            .map_or("priority", |(_, s, _)| s)
    }
}

/// Sorts in place; ties are broken by name so the order is always the same.
pub fn sort(items: &mut [GuideItem], key: SortKey, descending: bool) {
    items.sort_by(|a, b| {
        let primary = match key {
            SortKey::Price => {
                (a.guide.price_min, a.guide.price_max).cmp(&(b.guide.price_min, b.guide.price_max))
            }
            SortKey::Priority => a.guide.priority.cmp(&b.guide.priority),
            SortKey::Unlocks => a.unlocks.len().cmp(&b.unlocks.len()),
        };
        let primary = if descending {
            primary.reverse()
        } else {
            primary
        };
        primary.then_with(|| a.name.cmp(&b.name))
    });
}

/// Keeps the items whose lowest price is within `max_pence`.
pub fn within_price(items: Vec<GuideItem>, max_pence: u32) -> Vec<GuideItem> {
    items
        .into_iter()
        .filter(|i| i.guide.price_min <= max_pence)
        .collect()
}

/// The budget rule, in words a runner reads on the page.
pub const BUDGET_RULE: &str = "We buy in order of priority, the star rating that says how much each item adds to a runner's training. When two items share a priority, the one that unlocks more exercises per pound comes first. Each item is bought at its lowest price; anything that no longer fits what is left is skipped, and cheaper items further down the list can still be bought.";

#[derive(Debug, Clone)]
pub struct BudgetPlan {
    pub picks: Vec<GuideItem>,
    pub skipped: Vec<GuideItem>,
    pub total: u32,
    pub left: u32,
}

/// Exercises unlocked per pound spent, for ranking and display.
pub fn unlocks_per_pound(item: &GuideItem) -> f64 {
    item.unlocks.len() as f64 / (f64::from(item.guide.price_min.max(1)) / 100.0)
}

/// Chooses what to buy with `budget` pence by [`BUDGET_RULE`].
pub fn plan_budget(mut items: Vec<GuideItem>, budget: u32) -> BudgetPlan {
    items.sort_by(|a, b| {
        b.guide
            .priority
            .cmp(&a.guide.priority)
            .then_with(|| unlocks_per_pound(b).total_cmp(&unlocks_per_pound(a)))
            .then_with(|| a.name.cmp(&b.name))
    });
    let mut left = budget;
    let (mut picks, mut skipped) = (Vec::new(), Vec::new());
    for item in items {
        if item.guide.price_min <= left {
            left -= item.guide.price_min;
            picks.push(item);
        } else {
            skipped.push(item);
        }
    }
    BudgetPlan {
        total: budget - left,
        left,
        picks,
        skipped,
    }
}

/// Parses a money amount typed by a runner: `20`, `20.5`, `£19.99`. Returns pence.
pub fn parse_pounds(text: &str) -> Result<u32, String> {
    let trimmed = text.trim();
    let digits = trimmed.strip_prefix('£').unwrap_or(trimmed);
    if digits.is_empty() {
        return Err("is empty: give an amount in pounds, such as 20".to_string());
    }
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if digits.starts_with('-') {
        return Err(format!(
            "\"{text}\" is negative: give an amount of £0 or more"
        ));
    }
    if whole.is_empty()
        || !all_digits(whole)
        || !all_digits(fraction)
        || fraction.len() > 2
        || whole.len() > 6
    {
        return Err(format!(
            "\"{text}\" is not an amount in pounds, such as 20 or 19.99"
        ));
    }
    let whole: u32 = whole
        .parse()
        .map_err(|_| format!("\"{text}\" is too large"))?;
    let pence: u32 = format!("{fraction:0<2}").parse().unwrap_or(0);
    Ok(whole * 100 + pence)
}

/// Pence as a plain number for form fields: `2000` is `20`, `1999` is `19.99`.
pub fn plain_pounds(pence: u32) -> String {
    if pence.is_multiple_of(100) {
        (pence / 100).to_string()
    } else {
        decimal_pounds(pence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(slug: &str, price: u32, priority: u8, unlocks: usize) -> GuideItem {
        GuideItem {
            slug: slug.into(),
            name: slug.into(),
            guide: BuyingGuide {
                price_min: price,
                price_max: price,
                price_note: None,
                prices_checked: "2026-11-28".into(),
                priority,
                best_for: String::new(),
                uses: vec![],
                alternatives: vec![],
                alternatives_note: String::new(),
                buying: vec![],
            },
            unlocks: (0..unlocks).map(|n| n.to_string()).collect(),
        }
    }

    #[test]
    fn budget_buys_by_priority_and_skips_what_does_not_fit() {
        let items = vec![
            item("ball", 995, 5, 4),
            item("band", 399, 4, 5),
            item("step", 1599, 1, 3),
        ];
        let plan = plan_budget(items, 2000);
        let bought: Vec<_> = plan.picks.iter().map(|i| i.slug.as_str()).collect();
        assert_eq!(bought, ["ball", "band"]);
        assert_eq!(plan.total, 1394);
        assert_eq!(plan.left, 606);
        assert_eq!(plan.skipped[0].slug, "step");
    }

    #[test]
    fn money_parses_strictly() {
        assert_eq!(parse_pounds("20"), Ok(2000));
        assert_eq!(parse_pounds("£19.9"), Ok(1990));
        assert_eq!(parse_pounds("0"), Ok(0));
        assert!(parse_pounds("-5").is_err());
        assert!(parse_pounds("").is_err());
        assert!(parse_pounds("ten").is_err());
        assert!(parse_pounds("1.234").is_err());
        assert!(parse_pounds("99999999").is_err());
        assert_eq!(plain_pounds(2000), "20");
        assert_eq!(plain_pounds(1999), "19.99");
    }

    #[test]
    fn sorting_is_stable_by_name() {
        let mut items = vec![item("b", 500, 3, 1), item("a", 500, 3, 2)];
        sort(&mut items, SortKey::Price, false);
        assert_eq!(items[0].slug, "a");
        sort(&mut items, SortKey::Unlocks, true);
        assert_eq!(items[0].slug, "a");
    }
}
