//! The calendar of a plan: its weeks, and with a race date the phases counted back from
//! race day and the taper's limits on which sessions happen at all.

use chrono::{Duration, NaiveDate};

/// Training phases, counted back from the race.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    BaseStrength,
    Strength,
    Power,
    Taper,
}

impl Phase {
    pub fn label(self) -> &'static str {
        match self {
            Phase::BaseStrength => "Base strength",
            Phase::Strength => "Strength",
            Phase::Power => "Power",
            Phase::Taper => "Taper",
        }
    }

    pub fn purpose(self) -> &'static str {
        match self {
            Phase::BaseStrength => {
                "Build the habit and the tissues: learn each movement and add load slowly."
            }
            Phase::Strength => "Heavier work at the same effort: the main strength block.",
            Phase::Power => "Keep the strength and sharpen it: crisp reps, full rest.",
            Phase::Taper => {
                "Fewer, lighter sessions so your legs arrive fresh: nothing new, nothing maximal."
            }
        }
    }
}

/// Days before the race that make up the taper, and the race week within it.
pub const TAPER_DAYS: i64 = 10;
pub const RACE_WEEK_DAYS: i64 = 7;
/// No strength work in the last days before the race.
pub const FRESH_DAYS: i64 = 3;
/// Weeks of the power and strength phases before the taper; base strength is the rest.
const POWER_WEEKS: i64 = 3;
const STRENGTH_WEEKS: i64 = 4;

/// One plan week: seven days from the start (the last may be shorter before a race).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekSpan {
    pub number: usize,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    pub phase: Option<Phase>,
}

impl WeekSpan {
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let (starts, ends) = (self.starts, self.ends);
        (0..7)
            .map(move |d| starts + Duration::days(d))
            .filter(move |d| *d <= ends)
    }
}

/// The plan's weeks: the program's length without a race; with one, every week from the
/// start until the day before the race.
pub fn week_spans(
    start: NaiveDate,
    race: Option<NaiveDate>,
    program_weeks: usize,
) -> Vec<WeekSpan> {
    let last = match race {
        Some(race) => race - Duration::days(1),
        None => start + Duration::weeks(program_weeks as i64) - Duration::days(1),
    };
    let mut spans = Vec::new();
    let mut starts = start;
    while starts <= last {
        let ends = (starts + Duration::days(6)).min(last);
        spans.push(WeekSpan {
            number: spans.len() + 1,
            starts,
            ends,
            phase: race.map(|race| phase(starts, race)),
        });
        starts += Duration::weeks(1);
    }
    spans
}

/// The phase of a week starting on `starts`: by how far the race is from that day.
pub fn phase(starts: NaiveDate, race: NaiveDate) -> Phase {
    let days = (race - starts).num_days();
    if days <= TAPER_DAYS {
        Phase::Taper
    } else if days <= TAPER_DAYS + 7 * POWER_WEEKS {
        Phase::Power
    } else if days <= TAPER_DAYS + 7 * (POWER_WEEKS + STRENGTH_WEEKS) {
        Phase::Strength
    } else {
        Phase::BaseStrength
    }
}

/// Where a session date sits in the run-up to the race.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RaceCountdown {
    Training,
    /// The last ten days, before race week.
    Taper,
    RaceWeek,
}

pub fn countdown(date: NaiveDate, race: Option<NaiveDate>) -> RaceCountdown {
    let Some(race) = race else {
        return RaceCountdown::Training;
    };
    match (race - date).num_days() {
        days if days <= RACE_WEEK_DAYS => RaceCountdown::RaceWeek,
        days if days <= TAPER_DAYS => RaceCountdown::Taper,
        _ => RaceCountdown::Training,
    }
}

/// Which session dates go ahead in the run-up to a race: all before the taper; at most one
/// in the taper days before race week and one in race week, none in the last
/// [`FRESH_DAYS`]. Ask about every date of the plan, in order, on one `Taper`: the taper
/// can span two plan weeks.
#[derive(Debug, Default)]
pub struct Taper {
    taken_before_race_week: bool,
    taken_in_race_week: bool,
}

impl Taper {
    pub fn keeps(&mut self, date: NaiveDate, race: Option<NaiveDate>) -> bool {
        match (race, countdown(date, race)) {
            (_, RaceCountdown::Training) => true,
            (_, RaceCountdown::Taper) => !std::mem::replace(&mut self.taken_before_race_week, true),
            (Some(race), RaceCountdown::RaceWeek) if (race - date).num_days() > FRESH_DAYS => {
                !std::mem::replace(&mut self.taken_in_race_week, true)
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("valid test date")
    }

    #[test]
    fn without_a_race_the_plan_is_the_program_length() {
        let spans = week_spans(date("2026-12-02"), None, 4);
        assert_eq!(spans.len(), 4);
        assert_eq!(spans[3].ends, date("2026-12-29"));
        assert!(spans.iter().all(|s| s.phase.is_none()));
    }

    #[test]
    fn phases_count_back_from_the_race() {
        let race = date("2027-04-25");
        let spans = week_spans(date("2027-01-04"), Some(race), 4);
        assert_eq!(spans.last().map(|s| s.ends), Some(date("2027-04-24")));
        let phases: Vec<Phase> = spans.iter().filter_map(|s| s.phase).collect();
        assert_eq!(phases.first(), Some(&Phase::BaseStrength));
        assert_eq!(phases.last(), Some(&Phase::Taper));
        assert!(
            phases.windows(2).all(|w| w[0] as u8 <= w[1] as u8),
            "{phases:?}"
        );
    }

    #[test]
    fn a_race_in_nine_days_is_all_taper() {
        let race = date("2026-12-11");
        let spans = week_spans(date("2026-12-02"), Some(race), 4);
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[1].ends, date("2026-12-10"));
        assert_eq!(spans[0].phase, Some(Phase::Taper));
        let mut taper = Taper::default();
        let kept: Vec<NaiveDate> = spans
            .iter()
            .flat_map(|s| s.dates())
            .filter(|d| taper.keeps(*d, Some(race)))
            .collect();
        // One in the taper days before race week, one early in race week.
        assert_eq!(kept, [date("2026-12-02"), date("2026-12-04")]);
    }
}
