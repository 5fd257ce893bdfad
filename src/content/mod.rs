//! Reads `content/`, the single source of truth that people edit, and validates it into
//! the checked types of [`crate::domain`].
//!
//! Loading runs in passes so that one run reports every problem: read and split every
//! file ([`source`]), deserialise each front matter into its section's struct (unknown
//! keys are errors), give each page its slug and URL, then render Markdown and check every
//! cross-reference (muscles, equipment, exercises, internal links) against what exists.
//! Each problem is a [`ContentError`] printed as `path:line: message`.

mod articles;
mod check;
mod equipment;
pub mod error;
mod exercises;
mod figure;
mod muscles;
mod program_rules;
mod programs;
pub mod skeleton;
pub mod source;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::domain::{Article, Equipment, Exercise, Muscle, Program};
pub use check::is_slug;
pub use error::{ContentError, ContentErrors};
use source::SourceFile;

/// Every validated page of the site.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub articles: Vec<Article>,
    pub muscles: Vec<Muscle>,
    pub exercises: Vec<Exercise>,
    pub equipment: Vec<Equipment>,
    pub programs: Vec<Program>,
    /// A short hash of every content file's name and bytes: equal content, equal version.
    pub version: String,
}

/// A file whose front matter parsed: the file, its front matter and its slug.
pub(crate) struct Parsed<F> {
    pub file: SourceFile,
    pub front: F,
    pub slug: String,
}

/// Slugs of every section, for cross-reference checks.
#[derive(Default)]
pub(crate) struct Index {
    pub slugs: HashMap<&'static str, HashSet<String>>,
    /// `articles/plyometrics.md` to `/articles/plyometrics`.
    pub links: HashMap<String, String>,
}

impl Index {
    pub fn has(&self, section: &str, slug: &str) -> bool {
        self.slugs
            .get(section)
            .is_some_and(|slugs| slugs.contains(slug))
    }
}

/// Reads and validates everything under `dir`.
pub fn load(dir: &Path) -> Result<Content, ContentErrors> {
    let mut errors = ContentErrors::default();
    if !dir.is_dir() {
        errors.push(ContentError::new(dir, 0, "content folder not found"));
        return errors.into_result(Content::default());
    }

    let articles = parse_section::<articles::Front>(dir, "articles", &mut errors);
    let muscles = parse_section::<muscles::Front>(dir, "muscles", &mut errors);
    let exercises = parse_section::<exercises::Front>(dir, "exercises", &mut errors);
    let equipment = parse_section::<equipment::Front>(dir, "equipment", &mut errors);
    let programs = parse_section::<programs::Front>(dir, "programs", &mut errors);

    let files: Vec<&SourceFile> = (articles.iter().map(|p| &p.file))
        .chain(muscles.iter().map(|p| &p.file))
        .chain(exercises.iter().map(|p| &p.file))
        .chain(equipment.iter().map(|p| &p.file))
        .chain(programs.iter().map(|p| &p.file))
        .collect();
    let version = version(&files, dir);
    let mut index = Index::default();
    register(&mut index, "articles", &articles, &mut errors);
    register(&mut index, "muscles", &muscles, &mut errors);
    register(&mut index, "exercises", &exercises, &mut errors);
    register(&mut index, "equipment", &equipment, &mut errors);
    register(&mut index, "programs", &programs, &mut errors);

    let mut content = Content {
        articles: articles::validate(articles, &index, &mut errors),
        muscles: muscles::validate(muscles, &index, &mut errors),
        exercises: exercises::validate(exercises, &index, &mut errors),
        equipment: Vec::new(),
        programs: Vec::new(),
        version,
    };
    content.equipment = equipment::validate(equipment, &index, &mut errors);
    content.programs = programs::validate(programs, &index, &content.exercises, &mut errors);
    muscles::check_complete(dir, &content.muscles, &mut errors);
    errors.into_result(content)
}

/// The content's version: the start of a hash over every file's path (relative to the
/// content folder) and digest, in path order.
fn version(files: &[&SourceFile], dir: &Path) -> String {
    use sha2::{Digest, Sha256};
    let mut files: Vec<(&Path, &[u8; 32])> = files
        .iter()
        .map(|f| (f.path.strip_prefix(dir).unwrap_or(&f.path), &f.digest))
        .collect();
    files.sort();
    let mut hash = Sha256::new();
    for (path, digest) in files {
        hash.update(path.to_string_lossy().as_bytes());
        hash.update([0]);
        hash.update(digest);
    }
    hash.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads every `*.md` file of one section, in file-name order.
fn parse_section<F: DeserializeOwned + Send>(
    dir: &Path,
    section: &str,
    errors: &mut ContentErrors,
) -> Vec<Parsed<F>> {
    let folder = dir.join(section);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    paths.sort();
    let parsed = in_parallel(paths, errors, |path, errors| {
        let result = SourceFile::read(&path).and_then(|file| {
            let front: F = file.front_matter()?;
            Ok((file, front))
        });
        match result {
            Ok((file, front)) => Some(Parsed {
                slug: file.stem.clone(),
                file,
                front,
            }),
            Err(error) => {
                errors.push(error);
                None
            }
        }
    });
    parsed.into_iter().flatten().collect()
}

/// Maps `work` over `items` on every core, in order. Reading a large library is mostly
/// parsing TOML and rendering Markdown, file by file; each file's problems are added to
/// `errors` in the items' order.
pub(crate) fn in_parallel<T: Send, R: Send>(
    items: Vec<T>,
    errors: &mut ContentErrors,
    work: impl Fn(T, &mut ContentErrors) -> R + Sync,
) -> Vec<R> {
    let done = crate::parallel::map(items, |item| {
        let mut found = ContentErrors::default();
        let out = work(item, &mut found);
        (out, found)
    });
    done.into_iter()
        .map(|(out, found)| {
            errors.0.extend(found.0);
            out
        })
        .collect()
}

/// Front matter that may override the file-name slug.
pub(crate) trait SlugOverride {
    fn slug_override(&self) -> Option<&toml::Spanned<String>>;
}

/// Implements [`SlugOverride`] for front matter with an optional `slug` field.
macro_rules! slug_override_from_field {
    ($front:ty) => {
        impl $crate::content::SlugOverride for $front {
            fn slug_override(&self) -> Option<&toml::Spanned<String>> {
                self.slug.as_ref()
            }
        }
    };
}
pub(crate) use slug_override_from_field;

/// Assigns slugs and URLs, reporting invalid and duplicate slugs.
fn register<F: SlugOverride>(
    index: &mut Index,
    section: &'static str,
    parsed: &[Parsed<F>],
    errors: &mut ContentErrors,
) {
    let mut seen: BTreeMap<String, &Path> = BTreeMap::new();
    let mut slugs = HashSet::with_capacity(parsed.len());
    // Pages named by their file come first, so a clash is reported at the `slug` line
    // that caused it rather than at an innocent file.
    let (named, overridden): (Vec<_>, Vec<_>) = parsed
        .iter()
        .partition(|page| page.front.slug_override().is_none());
    for page in named.into_iter().chain(overridden) {
        let (slug, line) = match page.front.slug_override() {
            Some(s) => (s.get_ref().clone(), page.file.line_of(&s.span())),
            None => (page.slug.clone(), 1),
        };
        if !check::is_slug(&slug) {
            errors.push(ContentError::new(
                &page.file.path,
                line,
                format!("invalid slug `{slug}`: use lowercase letters, digits and single hyphens"),
            ));
        }
        if let Some(other) = seen.get(&slug) {
            errors.push(ContentError::new(
                &page.file.path,
                line,
                format!(
                    "duplicate slug `{slug}`: already used by {}",
                    other.display()
                ),
            ));
        } else {
            seen.insert(slug.clone(), &page.file.path);
        }
        let file_name = format!("{section}/{}.md", page.file.stem);
        index
            .links
            .insert(file_name, crate::domain::page_path(section, &slug));
        slugs.insert(slug);
    }
    index.slugs.insert(section, slugs);
}

/// The validated slug of a page (the override, if any, else the file stem).
pub(crate) fn final_slug<F: SlugOverride>(page: &Parsed<F>) -> String {
    page.front
        .slug_override()
        .map_or_else(|| page.slug.clone(), |s| s.get_ref().clone())
}
