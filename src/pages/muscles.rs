//! The muscle groups: the list, and one page per muscle with the exercises that train it.

use super::{Pages, RenderedPage, page};
use crate::db::queries;
use crate::domain::Muscle;
use crate::error::AppError;
use crate::views::bodymap::BodyMap;
use crate::views::exercises::{MusclePage, MusclesPage};

impl Pages {
    /// The muscle list and every muscle's page.
    pub(super) fn muscle_pages(&self) -> Result<Vec<RenderedPage>, AppError> {
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
        for muscle in &muscles {
            pages.push(self.muscle_page(muscle, &muscles)?);
        }
        Ok(pages)
    }

    fn muscle_page(&self, muscle: &Muscle, all: &[Muscle]) -> Result<RenderedPage, AppError> {
        let path = muscle.url();
        let (primary, secondary): (Vec<_>, Vec<_>) = self
            .db
            .with(|conn| queries::exercises_for_muscle(conn, &muscle.slug))?
            .into_iter()
            .partition(|(_, is_primary)| *is_primary);
        let template = MusclePage {
            meta: self.meta(&muscle.name, &muscle.summary, &path, "exercises"),
            map: BodyMap::new(std::slice::from_ref(&muscle.slug), &[], all),
            primary: primary.into_iter().map(|(e, _)| e).collect(),
            secondary: secondary.into_iter().map(|(e, _)| e).collect(),
            muscle: muscle.clone(),
        };
        page(path, &template)
    }
}
