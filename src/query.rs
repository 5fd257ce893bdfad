//! Query-string reading shared by every page that takes parameters. Values are decoded
//! once; a parameter given twice with different values is an error rather than a guess.

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
