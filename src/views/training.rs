//! "Your training" (`/log`): the same page for everyone. What a runner has done is kept by
//! their browser and never reaches the server, so the page's script fills it in; without
//! the script the page explains what it would show and where the record lives.

use askama::Template;

use super::PageMeta;

/// Where the page is served; week pages and plans link it.
pub const LOG_PATH: &str = "/log";

#[derive(Template)]
#[template(path = "log.html")]
pub struct TrainingLogPage {
    pub meta: PageMeta,
}
