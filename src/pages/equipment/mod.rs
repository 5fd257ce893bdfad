//! The equipment guide: the comparison table ([`guide`]), one page per item, and the
//! side-by-side comparison and budget ([`compare`]). What an item unlocks is derived
//! here, once, from the exercises that need it.

mod compare;
mod guide;

use super::{Pages, RenderedPage, page};
use crate::db::{DbError, queries};
use crate::domain::guide::GuideItem;
use crate::domain::{Equipment, Exercise};
use crate::error::AppError;
use crate::params::QueryParams;
use crate::views::equipment::EquipmentItemPage;
use crate::views::structured;

/// An item and the exercises it unlocks (slugs, by name).
pub struct Unlocking {
    pub item: Equipment,
    pub unlocks: Vec<String>,
}

impl Pages {
    /// Every item of equipment, home and gym, with what it unlocks.
    pub(super) fn equipment_unlocking(&self) -> Result<Vec<Unlocking>, AppError> {
        Ok(self.db.with(|conn| {
            queries::equipment(conn)?
                .into_iter()
                .map(|item| {
                    let unlocks = queries::exercises_using(conn, &item.slug)?
                        .into_iter()
                        .map(|x| x.slug)
                        .collect();
                    Ok(Unlocking { item, unlocks })
                })
                .collect::<Result<Vec<_>, DbError>>()
        })?)
    }

    /// Home kit with its buying guide and what it unlocks, and all equipment.
    fn guide_items(&self) -> Result<(Vec<GuideItem>, Vec<Equipment>), AppError> {
        let all = self.equipment_unlocking()?;
        let items = all
            .iter()
            .filter_map(|u| GuideItem::from_equipment(&u.item, u.unlocks.clone()))
            .collect();
        Ok((items, all.into_iter().map(|u| u.item).collect()))
    }

    /// The guide's table and every item's page.
    pub(super) fn equipment_pages(&self) -> Result<Vec<RenderedPage>, AppError> {
        let mut pages = vec![page(
            "/equipment/",
            &self.equipment_guide(&QueryParams::parse("")?)?,
        )?];
        let (_, all) = self.guide_items()?;
        for item in &all {
            pages.push(self.equipment_item(item)?);
        }
        Ok(pages)
    }

    fn equipment_item(&self, item: &Equipment) -> Result<RenderedPage, AppError> {
        let path = item.url();
        let (exercises, substitutes, programs) = self.db.with(|conn| {
            let exercises = queries::exercises_using(conn, &item.slug)?;
            let substitutes = substitutes_for(conn, &exercises, &item.slug)?;
            let programs = queries::programs_using_equipment(conn, &item.slug)?;
            Ok((exercises, substitutes, programs))
        })?;
        let meta = self.meta(&item.name, &item.summary, &path, "equipment");
        let template = EquipmentItemPage {
            meta: match &item.buying_guide {
                Some(guide) => meta.with_json_ld(
                    structured::product(item, guide, &self.public_url),
                    "website",
                ),
                None => meta,
            },
            programs,
            item: item.clone(),
            exercises,
            substitutes,
        };
        page(path, &template)
    }
}

/// Substitutes named by the exercises an item unlocks that do not need the item.
fn substitutes_for(
    conn: &rusqlite::Connection,
    unlocked: &[Exercise],
    slug: &str,
) -> Result<Vec<Exercise>, DbError> {
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

/// The household alternatives of an item, for tables.
fn alternatives_text(item: &GuideItem) -> String {
    if item.guide.alternatives.is_empty() {
        "None".to_string()
    } else {
        item.guide.alternatives.join("; ")
    }
}
