//! Programmes: the list, each programme's overview, its printable weeks and the print-all
//! page.

use super::weeks::{programme_week, week_summary};
use super::{Pages, RenderedPage, page};
use crate::db::{DbError, queries};
use crate::domain::{Exercise, Program};
use crate::error::AppError;
use crate::views::programs::{
    ProgramPage, ProgramPrintPage, ProgramSummary, ProgramsPage, WeekPage, WeekSummary,
};

impl Pages {
    /// The programme list, and every programme's overview, weeks and print page.
    pub(super) fn program_pages(&self) -> Result<Vec<RenderedPage>, AppError> {
        let (programs, exercises) = self.db.with(|conn| {
            let programs = queries::programs(conn)?
                .into_iter()
                .map(|p| {
                    let equipment = queries::program_equipment(conn, &p.slug)?;
                    Ok(ProgramSummary::new(p, equipment))
                })
                .collect::<Result<Vec<_>, DbError>>()?;
            Ok((programs, queries::exercises_in_programs(conn)?))
        })?;
        let mut pages = Vec::new();
        for summary in &programs {
            pages.extend(self.one_program(summary, &exercises)?);
        }
        pages.push(page(
            "/programs/",
            &ProgramsPage {
                meta: self.meta(
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

    fn one_program(
        &self,
        summary: &ProgramSummary,
        exercises: &[Exercise],
    ) -> Result<Vec<RenderedPage>, AppError> {
        let program = &summary.program;
        let mut pages = Vec::new();
        for (i, week) in program.weeks.iter().enumerate() {
            let number = i + 1;
            let path = program.week_url(number);
            let template = WeekPage {
                meta: self.meta(
                    format!("{}: week {number}", program.title),
                    format!("Week {number} of {}: {}", program.title, week.focus),
                    &path,
                    "programs",
                ),
                program: program.clone(),
                w: programme_week(number, week, exercises),
            };
            pages.push(page(path, &template)?);
        }
        pages.push(self.print_page(program, exercises)?);
        pages.push(self.overview(summary, exercises)?);
        Ok(pages)
    }

    fn print_page(
        &self,
        program: &Program,
        exercises: &[Exercise],
    ) -> Result<RenderedPage, AppError> {
        let path = program.print_url();
        let print = ProgramPrintPage {
            meta: self.meta(
                format!("{}: print all weeks", program.title),
                format!("Every week of {}, one printed page each.", program.title),
                &path,
                "programs",
            ),
            program: program.clone(),
            weeks: program
                .weeks
                .iter()
                .enumerate()
                .map(|(i, w)| programme_week(i + 1, w, exercises))
                .collect(),
        };
        page(path, &print)
    }

    fn overview(
        &self,
        summary: &ProgramSummary,
        exercises: &[Exercise],
    ) -> Result<RenderedPage, AppError> {
        let program = &summary.program;
        let weeks: Vec<WeekSummary> = program
            .weeks
            .iter()
            .enumerate()
            .map(|(i, w)| week_summary(i + 1, w, exercises))
            .collect();
        let path = program.url();
        let template = ProgramPage {
            meta: self.meta(&program.title, &program.summary, &path, "programs"),
            p: ProgramSummary::new(program.clone(), summary.equipment.clone()),
            has_contacts: weeks.iter().any(|w| w.contacts > 0),
            weeks,
            usual_days: super::calendar::example_days(program.sessions_max as usize),
        };
        page(path, &template)
    }
}
