//! How much of an exercise: sets of repetitions or of timed work.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dose {
    pub sets: u32,
    pub amount: Amount,
    /// The reps or time are for each side.
    pub per_side: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Amount {
    Reps(u32),
    Seconds(u32),
}

impl Amount {
    /// (reps, seconds): exactly one is present.
    pub fn split(self) -> (Option<u32>, Option<u32>) {
        match self {
            Amount::Reps(n) => (Some(n), None),
            Amount::Seconds(n) => (None, Some(n)),
        }
    }
}

impl Dose {
    /// `2 × 15`, `2 × 30 s`, `3 × 8 each side`.
    pub fn label(&self) -> String {
        let amount = match self.amount {
            Amount::Reps(reps) => reps.to_string(),
            Amount::Seconds(seconds) => format!("{seconds} s"),
        };
        let side = if self.per_side { " each side" } else { "" };
        format!("{} × {amount}{side}", self.sets)
    }

    /// Words for screen readers and plain text: `2 sets of 15 reps`.
    pub fn words(&self) -> String {
        let sets = plural(self.sets, "set", "sets");
        let amount = match self.amount {
            Amount::Reps(reps) => plural(reps, "rep", "reps"),
            Amount::Seconds(seconds) => plural(seconds, "second", "seconds"),
        };
        let side = if self.per_side { " each side" } else { "" };
        format!("{sets} of {amount}{side}")
    }
}

/// `1 set`, `2 sets`.
pub fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Rest in words: `45 s`, `2 min`, `1 min 30 s`.
pub fn rest_label(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_naturally() {
        let dose = Dose {
            sets: 2,
            amount: Amount::Reps(15),
            per_side: false,
        };
        assert_eq!(dose.label(), "2 × 15");
        assert_eq!(dose.words(), "2 sets of 15 reps");
        let hold = Dose {
            sets: 1,
            amount: Amount::Seconds(30),
            per_side: true,
        };
        assert_eq!(hold.label(), "1 × 30 s each side");
        assert_eq!(hold.words(), "1 set of 30 seconds each side");
        assert_eq!(rest_label(45), "45 s");
        assert_eq!(rest_label(120), "2 min");
        assert_eq!(rest_label(90), "1 min 30 s");
    }
}
