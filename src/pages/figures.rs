//! Each exercise's figure as files of its own, beside its page:
//!
//! - `/exercises/{slug}/figure.{hash}.css`: the figure's keyframes, fingerprinted by their
//!   content, so the page links the current ones and they can be cached for a year;
//! - `/exercises/{slug}/figure.svg`: the animated drawing as a file, moving through that
//!   stylesheet when opened by itself (open data's `figure`);
//! - `/exercises/{slug}/still.svg`: the figure's key pose as an image, coloured by
//!   attributes, shown beside the exercise in programme weeks and plans.
//!
//! Like the exercise pages, they are made when first asked for (and all at once for the
//! export), from the exercise's poses: the same data feeds the page, the files and the
//! JSON API.

use sha2::{Digest, Sha256};

use super::{Caching, Pages, RenderedPage};
use crate::db::queries;
use crate::domain::Exercise;
use crate::error::AppError;
use crate::views::figure;

pub const SVG: &str = "image/svg+xml";
pub const CSS: &str = "text/css; charset=utf-8";

/// One of an exercise's figure files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureFile {
    /// The keyframes, named by the hash of their content.
    Keyframes(String),
    Animated,
    Still,
}

impl FigureFile {
    pub fn content_type(&self) -> &'static str {
        match self {
            FigureFile::Keyframes(_) => CSS,
            FigureFile::Animated | FigureFile::Still => SVG,
        }
    }

    /// Only the fingerprinted stylesheet never changes under its address.
    pub fn caching(&self) -> Caching {
        match self {
            FigureFile::Keyframes(_) => Caching::Fingerprinted,
            FigureFile::Animated | FigureFile::Still => Caching::Page,
        }
    }
}

/// The exercise slug and figure file `path` names, if it names one.
pub fn requested(path: &str) -> Option<(&str, FigureFile)> {
    let (slug, file) = path.strip_prefix("/exercises/")?.split_once('/')?;
    let file = match file {
        "figure.svg" => FigureFile::Animated,
        "still.svg" => FigureFile::Still,
        other => FigureFile::Keyframes(
            other
                .strip_prefix("figure.")?
                .strip_suffix(".css")?
                .to_string(),
        ),
    };
    Some((slug, file))
}

/// The figure's keyframes and the fingerprinted address they are served at.
pub fn keyframes(exercise: &Exercise) -> (String, String) {
    let css = figure::keyframes_css(&exercise.slug, &exercise.figure);
    let hash: String = Sha256::digest(css.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect();
    (format!("{}/figure.{hash}.css", exercise.url()), css)
}

/// The animated drawing's file: its open-data address.
pub fn animated_url(exercise: &Exercise) -> String {
    format!("{}/figure.svg", exercise.url())
}

/// The key pose as an image, for lists.
pub fn still_url(exercise: &Exercise) -> String {
    format!("{}/still.svg", exercise.url())
}

/// All three files of `exercise`.
pub fn files(exercise: &Exercise) -> Vec<RenderedPage> {
    let (css_url, css) = keyframes(exercise);
    vec![
        RenderedPage::file(animated_url(exercise), SVG, animated(exercise, &css_url)),
        RenderedPage::file(
            still_url(exercise),
            SVG,
            figure::still_file(&exercise.figure),
        ),
        RenderedPage::file(css_url, CSS, css).cached(Caching::Fingerprinted),
    ]
}

fn animated(exercise: &Exercise, css_url: &str) -> String {
    figure::standalone_svg(&exercise.slug, &exercise.figure, css_url)
}

impl Pages {
    /// The figure file at `slug` and `file`, if the exercise exists (and, for the
    /// keyframes, the hash is the current one: an old address is gone, never answered
    /// with new content that would then be cached for a year).
    pub fn figure_file(&self, slug: &str, file: &FigureFile) -> Result<Option<String>, AppError> {
        let Some(exercise) = self.db.with(|conn| queries::exercise(conn, slug))? else {
            return Ok(None);
        };
        Ok(match file {
            FigureFile::Animated => Some(animated(&exercise, &keyframes(&exercise).0)),
            FigureFile::Still => Some(figure::still_file(&exercise.figure)),
            FigureFile::Keyframes(hash) => {
                let (url, css) = keyframes(&exercise);
                url.ends_with(&format!("figure.{hash}.css")).then_some(css)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_files_are_known_by_their_names() {
        assert_eq!(
            requested("/exercises/squat/figure.svg"),
            Some(("squat", FigureFile::Animated))
        );
        assert_eq!(
            requested("/exercises/squat/still.svg"),
            Some(("squat", FigureFile::Still))
        );
        assert_eq!(
            requested("/exercises/squat/figure.1a2b3c4d.css"),
            Some(("squat", FigureFile::Keyframes("1a2b3c4d".into())))
        );
        assert_eq!(requested("/exercises/squat"), None);
        assert_eq!(requested("/exercises/squat/other.txt"), None);
        assert_eq!(requested("/muscles/glutes/figure.svg"), None);
    }
}
