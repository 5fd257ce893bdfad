//! `content/programs/*.md`: multi-week programs; front matter holds every week, the
//! Markdown body holds the reasoning.

use serde::Deserialize;
use toml::Spanned;

use super::check;
use super::program_rules;
use super::slug_override_from_field;
use super::source::SourceFile;
use super::{ContentErrors, Index, Parsed, final_slug};
use crate::domain::limits::{
    EXERCISES_PER_SESSION, MINUTES_PER_SESSION, PROGRAMME_WEEKS, SESSIONS_PER_WEEK,
};
use crate::domain::{Exercise, Level, Place, Program, ProgramLink, Session, SessionItem, Week};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Front {
    title: Spanned<String>,
    summary: Spanned<String>,
    /// What it builds.
    goal: Spanned<String>,
    /// Who it is for.
    audience: Spanned<String>,
    level: Level,
    place: Place,
    sessions_min: Spanned<u32>,
    sessions_max: Spanned<u32>,
    minutes_min: Spanned<u32>,
    minutes_max: Spanned<u32>,
    /// Difficulty out of 5.
    difficulty: Option<Spanned<u32>>,
    /// Printed at the top of every week.
    warmup: Spanned<Vec<String>>,
    weeks: Spanned<Vec<WeekFront>>,
    /// What to do after the last week: the deload or retest, and why.
    next_step: Spanned<String>,
    /// Slugs of the programmes that can follow; at least one, never itself.
    next_programs: Spanned<Vec<Spanned<String>>>,
    slug: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeekFront {
    title: Spanned<String>,
    focus: Spanned<String>,
    note: Option<Spanned<String>>,
    sessions: Spanned<Vec<SessionFront>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionFront {
    name: Spanned<String>,
    items: Spanned<Vec<ItemFront>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemFront {
    exercise: Spanned<String>,
    sets: Spanned<u32>,
    reps: Option<Spanned<u32>>,
    seconds: Option<Spanned<u32>>,
    #[serde(default)]
    per_side: bool,
    rest: Spanned<u32>,
    /// Effort target, rate of perceived exertion 1-10.
    rpe: Spanned<u32>,
    note: Option<Spanned<String>>,
}

slug_override_from_field!(Front);

pub fn validate(
    parsed: Vec<Parsed<Front>>,
    index: &Index,
    exercises: &[Exercise],
    errors: &mut ContentErrors,
) -> Vec<Program> {
    let mut list: Vec<Program> = parsed
        .iter()
        .map(|page| one(page, index, exercises, errors))
        .collect();
    resolve_next_titles(&mut list);
    list.sort_by(|a, b| a.title.cmp(&b.title));
    list
}

/// Names each next programme by its title; unknown slugs were reported by [`one`].
fn resolve_next_titles(list: &mut [Program]) {
    let titles: Vec<(String, String)> = list
        .iter()
        .map(|p| (p.slug.clone(), p.title.clone()))
        .collect();
    for program in list {
        program.next_programs.retain_mut(|link| {
            titles
                .iter()
                .find(|(slug, _)| *slug == link.slug)
                .map(|(_, title)| link.title.clone_from(title))
                .is_some()
        });
    }
}

/// What every week, session and item of one programme is checked against.
struct Checker<'a> {
    file: &'a SourceFile,
    index: &'a Index,
    exercises: &'a [Exercise],
    level: Level,
}

impl Checker<'_> {
    /// Every week, in order, with the rules that look across weeks.
    fn weeks(
        &self,
        weeks: &Spanned<Vec<WeekFront>>,
        sessions_max: usize,
        errors: &mut ContentErrors,
    ) -> Vec<Week> {
        let file = self.file;
        if !PROGRAMME_WEEKS.contains(&weeks.get_ref().len()) {
            errors.push(file.error_at(
                &weeks.span(),
                format!(
                    "a program needs {} to {} weeks",
                    PROGRAMME_WEEKS.start(),
                    PROGRAMME_WEEKS.end()
                ),
            ));
        }
        let checked: Vec<Week> = weeks
            .get_ref()
            .iter()
            .enumerate()
            .map(|(i, w)| self.week(w, i + 1, sessions_max, errors))
            .collect();
        let title_lines: Vec<usize> = weeks
            .get_ref()
            .iter()
            .map(|w| file.line_of(&w.title.span()))
            .collect();
        program_rules::landing_growth(file, &checked, &title_lines, self.exercises, errors);
        checked
    }
}

fn one(
    page: &Parsed<Front>,
    index: &Index,
    exercises: &[Exercise],
    errors: &mut ContentErrors,
) -> Program {
    let (file, f) = (&page.file, &page.front);
    let slug = final_slug(page);
    let (sessions_min, sessions_max) = check::bounds(
        file,
        (&f.sessions_min, &f.sessions_max),
        u32::from(*SESSIONS_PER_WEEK.start())..=u32::from(*SESSIONS_PER_WEEK.end()),
        "sessions",
        errors,
    );
    let (minutes_min, minutes_max) = check::bounds(
        file,
        (&f.minutes_min, &f.minutes_max),
        u32::from(*MINUTES_PER_SESSION.start())..=u32::from(*MINUTES_PER_SESSION.end()),
        "minutes",
        errors,
    );
    let checker = Checker {
        file,
        index,
        exercises,
        level: f.level,
    };
    let weeks = checker.weeks(&f.weeks, sessions_max as usize, errors);
    Program {
        title: check::text(file, &f.title, "title", errors),
        summary: check::text(file, &f.summary, "summary", errors),
        goal: check::text(file, &f.goal, "goal", errors),
        audience: check::text(file, &f.audience, "audience", errors),
        level: f.level,
        place: f.place,
        sessions_min: sessions_min as u8,
        sessions_max: sessions_max as u8,
        minutes_min: minutes_min as u16,
        minutes_max: minutes_max as u16,
        difficulty: f
            .difficulty
            .as_ref()
            .map(|d| check::range(file, d, 1, 5, "difficulty", errors) as u8),
        warmup: check::list(file, &f.warmup, "warmup", true, errors),
        weeks,
        next_step: check::text(file, &f.next_step, "next_step", errors),
        next_programs: next_programs(file, &f.next_programs, &slug, index, errors),
        html: check::body(file, index, errors).html,
        slug,
    }
}

/// The programmes that follow: at least one, each known, never the programme itself.
/// Titles are filled in once every programme is read.
fn next_programs(
    file: &SourceFile,
    value: &Spanned<Vec<Spanned<String>>>,
    own: &str,
    index: &Index,
    errors: &mut ContentErrors,
) -> Vec<ProgramLink> {
    let slugs = value.get_ref();
    if slugs.is_empty() {
        errors.push(file.error_at(
            &value.span(),
            "next_programs must name at least one programme to follow this one",
        ));
    }
    for slug in slugs.iter().filter(|s| s.get_ref() == own) {
        errors.push(file.error_at(
            &slug.span(),
            "next_programs cannot name the programme itself; use next_step to say repeat it",
        ));
    }
    check::references(file, slugs, index, "programs", "programme", errors)
        .into_iter()
        .map(|slug| ProgramLink {
            slug,
            title: String::new(),
        })
        .collect()
}

impl Checker<'_> {
    fn week(
        &self,
        w: &WeekFront,
        number: usize,
        sessions_max: usize,
        errors: &mut ContentErrors,
    ) -> Week {
        let file = self.file;
        let sessions = w.sessions.get_ref();
        let limit = sessions_max;
        if sessions.is_empty() {
            errors.push(file.error_at(&w.title.span(), "this week has no sessions"));
        } else if sessions.len() > limit {
            errors.push(file.error_at(
                &w.sessions.span(),
                format!(
                    "this week has {} sessions; the program allows at most {limit}",
                    sessions.len()
                ),
            ));
        }
        Week {
            title: check::text(file, &w.title, "week title", errors),
            focus: check::text(file, &w.focus, "week focus", errors),
            note: w
                .note
                .as_ref()
                .map(|n| check::text(file, n, "week note", errors)),
            sessions: sessions
                .iter()
                .map(|s| self.session(s, number, errors))
                .collect(),
        }
    }

    fn session(&self, s: &SessionFront, week: usize, errors: &mut ContentErrors) -> Session {
        let file = self.file;
        let items = s.items.get_ref();
        if items.is_empty() {
            errors.push(file.error_at(&s.name.span(), "this session has no exercises"));
        } else if items.len() > EXERCISES_PER_SESSION {
            errors.push(file.error_at(
                &s.name.span(),
                format!("a session holds at most {EXERCISES_PER_SESSION} exercises, so a week prints on one page"),
            ));
        }
        Session {
            name: check::text(file, &s.name, "session name", errors),
            items: items.iter().map(|i| self.item(i, week, errors)).collect(),
        }
    }

    fn item(&self, i: &ItemFront, week: usize, errors: &mut ContentErrors) -> SessionItem {
        let file = self.file;
        let exercise = check::references(
            file,
            std::slice::from_ref(&i.exercise),
            self.index,
            "exercises",
            "exercise",
            errors,
        )
        .remove(0);
        if let Some(found) = self.exercises.iter().find(|e| e.slug == exercise) {
            let span = i.exercise.span();
            program_rules::level(file, &span, found, self.level, week, errors);
            program_rules::per_side(file, &span, found, i.per_side, errors);
        }
        SessionItem {
            dose: check::dose(
                file,
                &i.sets,
                i.reps.as_ref(),
                i.seconds.as_ref(),
                i.per_side,
                errors,
            ),
            rest: check::rest(file, &i.rest, errors),
            rpe: check::range(file, &i.rpe, 1, 10, "rpe", errors) as u8,
            note: i
                .note
                .as_ref()
                .map(|n| check::text(file, n, "note", errors)),
            exercise,
        }
    }
}
