//! `content/muscles/*.md`: one file per muscle group drawn on the body map.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::check;
use super::{ContentError, ContentErrors, Index, Parsed, SlugOverride};
use crate::domain::Muscle;
use crate::domain::muscles::{self, MUSCLE_SLUGS};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Front {
    /// Display name, such as "Hamstrings".
    name: Spanned<String>,
    /// One sentence: what it does when you run.
    summary: Spanned<String>,
    /// Calves, hamstrings, glutes and lower back.
    #[serde(default)]
    posterior_chain: bool,
}

impl SlugOverride for Front {
    fn slug_override(&self) -> Option<&Spanned<String>> {
        None
    }
}

pub fn validate(
    parsed: Vec<Parsed<Front>>,
    index: &Index,
    errors: &mut ContentErrors,
) -> Vec<Muscle> {
    let mut list: Vec<Muscle> = parsed
        .iter()
        .filter_map(|page| {
            let (file, front) = (&page.file, &page.front);
            if !muscles::is_muscle(&page.slug) {
                errors.push(file.error(format!(
                    "`{}` is not a body-map muscle; use one of: {}",
                    page.slug,
                    MUSCLE_SLUGS.join(", ")
                )));
                return None;
            }
            Some(Muscle {
                slug: page.slug.clone(),
                name: check::text(file, &front.name, "name", errors),
                summary: check::text(file, &front.summary, "summary", errors),
                posterior_chain: front.posterior_chain,
                html: check::body(file, index, errors).html,
            })
        })
        .collect();
    list.sort_by_key(|m| muscles::order(&m.slug));
    list
}

/// Every body-map muscle needs its page, or the map would link nowhere.
pub fn check_complete(dir: &Path, list: &[Muscle], errors: &mut ContentErrors) {
    for slug in MUSCLE_SLUGS {
        if !list.iter().any(|m| m.slug == *slug) {
            let path = dir.join("muscles").join(format!("{slug}.md"));
            errors.push(ContentError::new(
                &path,
                0,
                "missing muscle page: every body-map muscle needs one",
            ));
        }
    }
}
