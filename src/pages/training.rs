//! `/log`, "Your training": rendered once at start-up like the articles, and so listed in
//! the sitemap. Nothing about a runner's training is ever sent here.

use super::{Pages, RenderedPage, page};
use crate::error::AppError;
use crate::views::training::{LOG_PATH, TrainingLogPage};

impl Pages {
    pub(super) fn training_log(&self) -> Result<RenderedPage, AppError> {
        let template = TrainingLogPage {
            meta: self.meta(
                "Your training",
                "The sets and loads you have recorded on this device, by date, with a chart per exercise; export, import or clear them. Nothing leaves your browser.",
                LOG_PATH,
                "",
            ),
        };
        page(LOG_PATH, &template)
    }
}
