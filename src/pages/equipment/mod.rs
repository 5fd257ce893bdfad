//! The equipment guide: the comparison table ([`guide`]), one page per item, and the
//! side-by-side comparison and budget ([`compare`]). What an item unlocks is derived
//! here, once, from the exercises that need it.

mod compare;
mod guide;

use super::paging::{LINKS_PER_PAGE, Which, page_href, slice};
use super::{Deferred, Pages, RenderedPage, page};
use crate::db::{DbError, queries};
use crate::domain::Equipment;
use crate::domain::guide::GuideItem;
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
                    let unlocks = queries::exercise_links_using(conn, &item.slug)?
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

    /// The guide's table and every item's page, the later pages of each left to render
    /// on request as `which` says.
    pub(super) fn equipment_pages(
        &self,
        which: Which,
    ) -> Result<(Vec<RenderedPage>, Vec<Deferred>), AppError> {
        let mut pages = vec![page(
            "/equipment/",
            &self.equipment_guide(&QueryParams::parse("")?)?,
        )?];
        let mut deferred = Vec::new();
        let (_, all) = self.guide_items()?;
        for item in &all {
            let (rendered, count) = self.equipment_item(item, which)?;
            deferred.extend(which.deferred_after_first(&item.url(), count));
            pages.extend(rendered);
        }
        Ok((pages, deferred))
    }

    /// The pages `which` selects of one item's page (what it unlocks, a page of links at
    /// a time; the first page also says what to do without it and which programmes use
    /// it), and how many it has.
    pub(super) fn equipment_item(
        &self,
        item: &Equipment,
        which: Which,
    ) -> Result<(Vec<RenderedPage>, usize), AppError> {
        let path = item.url();
        let (exercises, substitutes, programs) = self.db.with(|conn| {
            Ok((
                queries::exercise_links_using(conn, &item.slug)?,
                queries::substitutes_without(conn, &item.slug)?,
                queries::programs_using_equipment(conn, &item.slug)?,
            ))
        })?;
        let mut rendered = Vec::new();
        let count = slice(exercises.len(), LINKS_PER_PAGE, 1)?.pages;
        for number in which.numbers(count) {
            let shown = slice(exercises.len(), LINKS_PER_PAGE, number)?;
            let pager = shown.pager(&path, "");
            let meta = self
                .meta(
                    &item.name,
                    &item.summary,
                    page_href(&path, "", number),
                    "equipment",
                )
                .paged(pager.as_ref());
            let first = number == 1;
            let template = EquipmentItemPage {
                meta: match (&item.buying_guide, first) {
                    (Some(guide), true) => meta.with_json_ld(
                        structured::product(item, guide, &self.public_url),
                        "website",
                    ),
                    _ => meta,
                },
                programs: if first { programs.clone() } else { Vec::new() },
                item: item.clone(),
                unlocked: exercises.len(),
                exercises: exercises[shown.range].to_vec(),
                substitutes: if first {
                    substitutes.clone()
                } else {
                    Vec::new()
                },
                first,
                pager,
            };
            rendered.push(page(page_href(&path, "", number), &template)?);
        }
        Ok((rendered, count))
    }
}

/// The household alternatives of an item, for tables.
fn alternatives_text(item: &GuideItem) -> String {
    if item.guide.alternatives.is_empty() {
        "None".to_string()
    } else {
        item.guide.alternatives.join("; ")
    }
}
