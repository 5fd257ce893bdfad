//! The muscle groups: the list, and one page per muscle with the exercises that train it.

use super::paging::{LINKS_PER_PAGE, Which, page_href, slice};
use super::{Deferred, Pages, RenderedPage, page};
use crate::db::queries;
use crate::domain::Muscle;
use crate::error::AppError;
use crate::views::bodymap::BodyMap;
use crate::views::exercises::{MusclePage, MusclesPage};

impl Pages {
    /// The muscle list and every muscle's page, the later pages of each left to render
    /// on request as `which` says.
    pub(super) fn muscle_pages(
        &self,
        which: Which,
    ) -> Result<(Vec<RenderedPage>, Vec<Deferred>), AppError> {
        let muscles = self.db.with(queries::muscles)?;
        let mut pages = vec![page(
            "/muscles/",
            &MusclesPage {
                meta: self.meta(
                    "Muscles",
                    "What each muscle group does when you run, and the exercises that train it.",
                    "/muscles/",
                    "exercises",
                ),
                muscles: muscles.clone(),
            },
        )?];
        let mut deferred = Vec::new();
        for muscle in &muscles {
            let (rendered, count) = self.muscle_page(muscle, &muscles, which)?;
            deferred.extend(which.deferred_after_first(&muscle.url(), count));
            pages.extend(rendered);
        }
        Ok((pages, deferred))
    }

    /// The pages `which` selects of one muscle's page (its exercises, main movers first,
    /// a page of links at a time), and how many it has.
    pub(super) fn muscle_page(
        &self,
        muscle: &Muscle,
        all: &[Muscle],
        which: Which,
    ) -> Result<(Vec<RenderedPage>, usize), AppError> {
        let path = muscle.url();
        let trained = self
            .db
            .with(|conn| queries::exercise_links_for_muscle(conn, &muscle.slug))?;
        let pages = slice(trained.len(), LINKS_PER_PAGE, 1)?.pages;
        let mut rendered = Vec::new();
        for number in which.numbers(pages) {
            let shown = slice(trained.len(), LINKS_PER_PAGE, number)?;
            let pager = shown.pager(&path, "");
            let (primary, secondary): (Vec<_>, Vec<_>) = trained[shown.range.clone()]
                .iter()
                .cloned()
                .partition(|(_, is_primary)| *is_primary);
            let template = MusclePage {
                meta: self
                    .meta(
                        &muscle.name,
                        &muscle.summary,
                        page_href(&path, "", number),
                        "exercises",
                    )
                    .paged(pager.as_ref()),
                map: BodyMap::new(std::slice::from_ref(&muscle.slug), &[], all),
                primary: primary.into_iter().map(|(e, _)| e).collect(),
                secondary: secondary.into_iter().map(|(e, _)| e).collect(),
                muscle: muscle.clone(),
                first: number == 1,
                pager,
            };
            rendered.push(page(page_href(&path, "", number), &template)?);
        }
        Ok((rendered, pages))
    }
}
