//! Chooses the weekdays for strength work. The same weekdays repeat every week, so the
//! rules are checked on the week as a circle (Sunday is next to Monday): two leg sessions
//! on Sunday and Monday would be back to back across the change of week.

use chrono::Weekday;

use super::input::RunningWeek;
use crate::domain::labels::weekday_name;

/// One strength session in the weekly pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub day: Weekday,
    /// A leg (or jumping) session; `false` means upper body and core only.
    pub lower: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeeklyPattern {
    /// Monday first.
    pub slots: Vec<Slot>,
    /// Which rule won, when the request could not all be met.
    pub notices: Vec<String>,
}

impl WeeklyPattern {
    pub fn slot(&self, day: Weekday) -> Option<Slot> {
        self.slots.iter().copied().find(|s| s.day == day)
    }

    pub fn lower_count(&self) -> usize {
        self.slots.iter().filter(|s| s.lower).count()
    }
}

fn names(days: &[Weekday]) -> String {
    let names: Vec<&str> = days.iter().map(|d| weekday_name(*d)).collect();
    match names.as_slice() {
        [] => "no day".to_string(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Why a day cannot take a leg session, if it cannot.
pub fn leg_block(week: &RunningWeek, day: Weekday, plyometric: bool) -> Option<&'static str> {
    if week.long_run == Some(day.succ()) {
        Some("the day before the long run")
    } else if week.hard.contains(&day.succ()) {
        Some("the day before a hard session")
    } else if plyometric && week.long_run == Some(day.pred()) {
        Some("the day after the long run (jumping drills)")
    } else {
        None
    }
}

/// Picks up to `wanted` days: leg sessions where the rules allow, then upper-body
/// sessions on free days for any that are left.
pub fn weekly_pattern(week: &RunningWeek, wanted: usize, plyometric: bool) -> WeeklyPattern {
    let mut notices = Vec::new();
    let clashes: Vec<Weekday> = week
        .days
        .iter()
        .copied()
        .filter(|d| week.rest.contains(d))
        .collect();
    if !clashes.is_empty() {
        notices.push(format!(
            "Rest days win: {} {} both a training day and a rest day, so no session is planned there.",
            names(&clashes),
            if clashes.len() == 1 { "is" } else { "are" }
        ));
    }
    let available: Vec<Weekday> = week
        .days
        .iter()
        .copied()
        .filter(|d| !week.rest.contains(d))
        .collect();
    let allowed: Vec<Weekday> = available
        .iter()
        .copied()
        .filter(|d| leg_block(week, *d, plyometric).is_none())
        .collect();
    let lower = best_days(week, &allowed, wanted);
    if lower.len() < wanted {
        notices.push(shortfall(
            week,
            &available,
            &allowed,
            wanted,
            lower.len(),
            plyometric,
        ));
    }
    let mut slots: Vec<Slot> = lower.iter().map(|&day| Slot { day, lower: true }).collect();
    let mut spare: Vec<Weekday> = available
        .iter()
        .copied()
        .filter(|d| !lower.contains(d))
        .collect();
    spare.sort_by_key(|d| (week.is_demanding(*d), d.num_days_from_monday()));
    let upper: Vec<Weekday> = spare.into_iter().take(wanted - lower.len()).collect();
    if !upper.is_empty() {
        notices.push(format!(
            "Upper body and core only on {}: that keeps your legs fresh for the run that follows, and makes {} sessions a week.",
            names(&upper),
            lower.len() + upper.len()
        ));
    }
    slots.extend(upper.iter().map(|&day| Slot { day, lower: false }));
    slots.sort_by_key(|s| s.day.num_days_from_monday());
    WeeklyPattern { slots, notices }
}

/// Says which rule limited the number of leg sessions.
fn shortfall(
    week: &RunningWeek,
    available: &[Weekday],
    allowed: &[Weekday],
    wanted: usize,
    placed: usize,
    plyometric: bool,
) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if available.len() < wanted {
        return format!(
            "One session a day wins: you have {} free for strength work, so there {} {placed} leg session{} a week instead of {wanted}.",
            names(available),
            if placed == 1 { "is" } else { "are" },
            plural(placed)
        );
    }
    if allowed.len() < wanted {
        let blocked: Vec<String> = available
            .iter()
            .filter_map(|d| {
                leg_block(week, *d, plyometric).map(|why| format!("{} is {why}", weekday_name(*d)))
            })
            .collect();
        return format!(
            "No leg session the day before a long run or hard session wins: {}. That leaves {placed} leg session{} a week instead of {wanted}.",
            blocked.join("; "),
            plural(placed)
        );
    }
    format!(
        "48 hours between leg sessions wins: {} cannot hold {wanted} leg sessions without two on consecutive days, so there {} {placed}.",
        names(allowed),
        if placed == 1 { "is" } else { "are" }
    )
}

/// The largest set of at most `wanted` days from `allowed` with no two next to each other
/// (Sunday and Monday count as next to each other). Among equals: more easy days, then
/// days spread further apart, then earlier in the week, so the answer is always the same.
fn best_days(week: &RunningWeek, allowed: &[Weekday], wanted: usize) -> Vec<Weekday> {
    let allowed_mask: u8 = allowed
        .iter()
        .fold(0, |m, d| m | 1 << d.num_days_from_monday());
    for count in (1..=wanted.min(7)).rev() {
        let mut best: Option<(u8, (usize, u32))> = None;
        for mask in 0u8..128 {
            if mask & !allowed_mask != 0 || mask.count_ones() as usize != count {
                continue;
            }
            let sunday_then_monday = mask & 1 != 0 && mask & 1 << 6 != 0;
            if mask & (mask >> 1) != 0 || sunday_then_monday {
                continue;
            }
            let days = days_of(mask);
            let easy = days.iter().filter(|d| !week.is_demanding(**d)).count();
            let score = (easy, smallest_gap(&days));
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((mask, score));
            }
        }
        if let Some((mask, _)) = best {
            return days_of(mask);
        }
    }
    Vec::new()
}

fn days_of(mask: u8) -> Vec<Weekday> {
    (0u8..7)
        .filter(|i| mask & 1 << i != 0)
        .filter_map(|i| Weekday::try_from(i).ok())
        .collect()
}

/// Fewest days between two chosen days, going round the week.
fn smallest_gap(days: &[Weekday]) -> u32 {
    let n: Vec<u32> = days.iter().map(|d| d.num_days_from_monday()).collect();
    (0..n.len())
        .map(|i| (n[(i + 1) % n.len()] + 7 - n[i] - 1) % 7 + 1)
        .min()
        .unwrap_or(7)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Weekday::*;

    fn week(days: &[Weekday], long_run: Option<Weekday>, hard: &[Weekday]) -> RunningWeek {
        RunningWeek {
            days: days.to_vec(),
            long_run,
            hard: hard.to_vec(),
            rest: vec![],
        }
    }

    #[test]
    fn three_sessions_spread_over_the_week() {
        let pattern = weekly_pattern(&week(&[Mon, Tue, Wed, Thu, Fri], None, &[]), 3, false);
        let days: Vec<Weekday> = pattern.slots.iter().map(|s| s.day).collect();
        assert_eq!(days, [Mon, Wed, Fri]);
        assert!(pattern.notices.is_empty());
    }

    #[test]
    fn sunday_and_monday_are_neighbours() {
        let pattern = weekly_pattern(&week(&[Mon, Sun], None, &[]), 2, false);
        assert_eq!(pattern.lower_count(), 1);
        assert!(
            pattern.notices[0].contains("48 hours"),
            "{:?}",
            pattern.notices
        );
    }

    #[test]
    fn three_sessions_on_one_day_become_one() {
        let pattern = weekly_pattern(&week(&[Wed], None, &[]), 3, false);
        assert_eq!(
            pattern.slots,
            [Slot {
                day: Wed,
                lower: true
            }]
        );
        assert!(pattern.notices[0].starts_with("One session a day wins"));
    }

    #[test]
    fn every_day_before_a_hard_run_gets_upper_body_only() {
        // Hard sessions on Tuesday and Thursday, long run on Saturday.
        let pattern = weekly_pattern(&week(&[Mon, Wed, Fri], Some(Sat), &[Tue, Thu]), 2, false);
        assert_eq!(pattern.lower_count(), 0);
        assert_eq!(pattern.slots.len(), 2);
        assert!(pattern.notices[0].contains("the day before a hard session"));
        assert!(pattern.notices[1].starts_with("Upper body and core only"));
    }

    #[test]
    fn easy_days_are_preferred() {
        let pattern = weekly_pattern(&week(&[Tue, Thu], None, &[Tue]), 1, false);
        assert_eq!(pattern.slots[0].day, Thu);
    }
}
