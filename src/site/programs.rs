//! Program overview, week and print pages.

use crate::db::{Database, ExerciseFilter, queries};
use crate::domain::{Exercise, Program};
use crate::error::AppError;
use crate::views::PageMeta;
use crate::views::programs::{
    ProgramPage, ProgramPrintPage, ProgramSummary, ProgramsPage, WeekPage, WeekSummary, WeekView,
};

use super::{RenderedPage, page};

pub fn render_static(db: &Database) -> Result<Vec<RenderedPage>, AppError> {
    let (programs, exercises) = db.with(|conn| {
        let programs = queries::programs(conn)?
            .into_iter()
            .map(|p| {
                let equipment = queries::program_equipment(conn, &p.slug)?;
                Ok(ProgramSummary::new(p, equipment))
            })
            .collect::<Result<Vec<_>, crate::db::DbError>>()?;
        Ok((
            programs,
            queries::exercises(conn, &ExerciseFilter::default())?,
        ))
    })?;
    let mut pages = Vec::new();
    for summary in &programs {
        pages.extend(program_pages(summary, &exercises)?);
    }
    pages.push(page(
        "/programs/",
        &ProgramsPage {
            meta: PageMeta::new(
                "Training programmes",
                "Four-week strength programmes for runners: posterior chain, plyometrics, at home and in the gym, each week printable on one page.",
                "/programs/",
                "programs",
            ),
            programs,
        },
    )?);
    Ok(pages)
}

fn program_pages(
    summary: &ProgramSummary,
    exercises: &[Exercise],
) -> Result<Vec<RenderedPage>, AppError> {
    let program = &summary.program;
    let base = format!("/programs/{}", program.slug);
    let mut pages = Vec::new();
    for (i, week) in program.weeks.iter().enumerate() {
        let number = i + 1;
        let path = format!("{base}/week/{number}");
        let template = WeekPage {
            meta: PageMeta::new(
                format!("{}: week {number}", program.title),
                format!("Week {number} of {}: {}", program.title, week.focus),
                &path,
                "programs",
            ),
            program: program.clone(),
            w: WeekView::new(number, week, exercises),
        };
        pages.push(page(path, &template)?);
    }
    let print = ProgramPrintPage {
        meta: PageMeta::new(
            format!("{}: print all weeks", program.title),
            format!("Every week of {}, one printed page each.", program.title),
            format!("{base}/print"),
            "programs",
        ),
        program: program.clone(),
        weeks: weeks(program, exercises),
    };
    pages.push(page(format!("{base}/print"), &print)?);
    let week_summaries: Vec<WeekSummary> = program
        .weeks
        .iter()
        .enumerate()
        .map(|(i, w)| WeekSummary::new(i + 1, w, exercises))
        .collect();
    let overview = ProgramPage {
        meta: PageMeta::new(&program.title, &program.summary, &base, "programs"),
        p: ProgramSummary::new(program.clone(), summary.equipment.clone()),
        has_contacts: week_summaries.iter().any(|w| w.contacts > 0),
        weeks: week_summaries,
    };
    pages.push(page(base, &overview)?);
    Ok(pages)
}

fn weeks(program: &Program, exercises: &[Exercise]) -> Vec<WeekView> {
    program
        .weeks
        .iter()
        .enumerate()
        .map(|(i, w)| WeekView::new(i + 1, w, exercises))
        .collect()
}
