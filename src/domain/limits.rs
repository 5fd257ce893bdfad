//! The size limits of a programme session and of a plan, in one place: content is checked
//! against them, the planner accepts requests within them, and the plan form shows them.
//! They keep a week on one printed page and a session within a runner's evening.

use std::ops::RangeInclusive;

/// Strength sessions in one week: a programme's week and a personal plan's.
pub const SESSIONS_PER_WEEK: RangeInclusive<u8> = 1..=3;
/// Minutes a session may take, warm-up included.
pub const MINUTES_PER_SESSION: RangeInclusive<u16> = 10..=120;
/// Exercises in one session, so a week of three sessions prints on one page.
pub const EXERCISES_PER_SESSION: usize = 6;
/// Weeks in a programme.
pub const PROGRAMME_WEEKS: RangeInclusive<usize> = 1..=16;
/// Furthest a race may be from a plan's start: a year of planning is plenty.
pub const MAX_RACE_DAYS: i64 = 365;
