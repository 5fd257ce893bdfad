//! Query-string reading shared by every page that takes parameters. Values are decoded
//! once; a parameter given twice with different values is an error rather than a guess.
//! Dates and weekdays, which several pages take, are read here too.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::domain::labels::{WEEKDAYS, weekday_from_slug};
use crate::error::AppError;

/// Longest query string any page accepts.
pub const MAX_QUERY_LEN: usize = 2048;

pub struct QueryParams {
    pairs: Vec<(String, String)>,
}

impl QueryParams {
    pub fn parse(query: &str) -> Result<Self, AppError> {
        if query.len() > MAX_QUERY_LEN {
            return Err(AppError::bad_request(format!(
                "The address is too long: queries are limited to {MAX_QUERY_LEN} characters."
            )));
        }
        let pairs = form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.trim().to_string()))
            .collect();
        Ok(Self { pairs })
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.iter().all(|(_, v)| v.is_empty())
    }

    /// Whether any of `names` has a non-empty value.
    pub fn has_any(&self, names: &[&str]) -> bool {
        self.pairs
            .iter()
            .any(|(k, v)| !v.is_empty() && names.contains(&k.as_str()))
    }

    /// Whether `name` appears at all, even with an empty value.
    pub fn pairs_named(&self, name: &str) -> bool {
        self.pairs.iter().any(|(k, _)| k == name)
    }

    /// The one value of `name`; empty values count as absent.
    pub fn single(&self, name: &str) -> Result<Option<&str>, AppError> {
        let mut values = self
            .pairs
            .iter()
            .filter(|(k, v)| k == name && !v.is_empty())
            .map(|(_, v)| v.as_str());
        let first = values.next();
        if values.any(|other| Some(other) != first) {
            return Err(AppError::bad_request(format!(
                "`{name}` was given more than once: give one value."
            )));
        }
        Ok(first)
    }

    /// Every value of `name`, whether repeated (`days=mon&days=thu`) or comma-separated
    /// (`days=mon,thu`), lowercased, in order, without duplicates.
    pub fn list(&self, name: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (_, value) in self.pairs.iter().filter(|(k, _)| k == name) {
            for part in value
                .split(',')
                .map(|p| p.trim().to_lowercase())
                .filter(|p| !p.is_empty())
            {
                if !out.contains(&part) {
                    out.push(part);
                }
            }
        }
        out
    }
}

/// Builds an error naming a bad value and the valid ones.
pub fn unknown_value(name: &str, value: &str, valid: &[&str]) -> String {
    format!(
        "Unknown {name} \"{value}\". Valid values: {}.",
        valid.join(", ")
    )
}

/// The years a date may fall in: ample for any training plan, and far from the end of
/// chrono's calendar, so adding a plan's weeks to a date can never overflow.
pub const DATE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

/// A calendar date typed as `YYYY-MM-DD` in [`DATE_YEARS`]; impossible dates such as
/// 2027-02-30 are errors.
pub fn parse_date(name: &str, text: &str) -> Result<NaiveDate, String> {
    // chrono's `%Y` also takes a sign and more digits (`+262142-12-31`); the length rules
    // those out.
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|_| text.len() == "YYYY-MM-DD".len())
        .ok_or_else(|| format!("{name} \"{text}\" is not a real date in the form YYYY-MM-DD."))?;
    if DATE_YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(format!(
            "{name} \"{text}\" is outside the years {} to {}.",
            DATE_YEARS.start(),
            DATE_YEARS.end()
        ))
    }
}

/// Weekdays from their query values (`mon` ... `sun`), Monday first and without repeats,
/// and a problem for each value that is not a day.
pub fn weekdays(values: &[String]) -> (Vec<Weekday>, Vec<String>) {
    let valid: Vec<&str> = WEEKDAYS.iter().map(|(v, _)| *v).collect();
    let mut days = Vec::new();
    let mut problems = Vec::new();
    for value in values {
        match weekday_from_slug(value) {
            Some(day) => days.push(day),
            None => problems.push(unknown_value("day", value, &valid)),
        }
    }
    days.sort_by_key(Weekday::num_days_from_monday);
    days.dedup();
    (days, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_accept_commas_and_repeats() {
        let q = QueryParams::parse("days=mon,Thu&days=fri&days=mon").expect("short query");
        assert_eq!(q.list("days"), ["mon", "thu", "fri"]);
    }

    #[test]
    fn conflicting_repeats_are_errors() {
        let q = QueryParams::parse("muscle=glutes&muscle=calves").expect("short query");
        assert!(q.single("muscle").is_err());
        let q = QueryParams::parse("muscle=glutes&muscle=glutes&level=").expect("short query");
        assert_eq!(q.single("muscle").ok().flatten(), Some("glutes"));
        assert_eq!(q.single("level").ok().flatten(), None);
    }
}
