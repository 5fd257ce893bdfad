//! The closed vocabularies of the site. Each knows its slug (used in URLs, filters and
//! content files) and its label (what a runner reads).

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $slug:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn from_slug(slug: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.slug() == slug)
            }
        }
    };
}

vocabulary!(
    /// How demanding an exercise or program is.
    Level {
        Beginner => "beginner", "Beginner";
        Intermediate => "intermediate", "Intermediate";
        Advanced => "advanced", "Advanced";
    }
);

vocabulary!(
    /// The kind of training an exercise is.
    Category {
        Strength => "strength", "Strength";
        Plyometric => "plyometric", "Plyometric";
        Core => "core", "Core";
        Mobility => "mobility", "Mobility";
    }
);

vocabulary!(
    /// How hard a jumping drill lands.
    Impact {
        Low => "low", "Low impact";
        Moderate => "moderate", "Moderate impact";
        High => "high", "High impact";
    }
);

impl Impact {
    /// How much one foot contact of this impact counts towards a week's landing load.
    ///
    /// Tendons and bones feel how hard each landing is, not only how many there are: a
    /// bound lands with several times the force of a pogo hop. Counting contacts alone
    /// would let a programme swap small hops for big jumps and call it no change, so the
    /// weekly growth rule counts each contact by this weight (low 1, moderate 2, high 3).
    /// This is the one place the weights are set.
    pub const fn weight(self) -> u32 {
        match self {
            Impact::Low => 1,
            Impact::Moderate => 2,
            Impact::High => 3,
        }
    }
}

vocabulary!(
    /// Where a program is done.
    Place {
        Home => "home", "At home";
        Gym => "gym", "In a gym";
        Anywhere => "anywhere", "Anywhere";
    }
);

vocabulary!(
    /// Home kit is in the buying guide; gym kit is only named.
    EquipmentKind {
        Home => "home", "Home";
        Gym => "gym", "Gym";
    }
);

/// Days of the week as query values and labels, Monday first (chrono's order).
pub const WEEKDAYS: &[(&str, &str)] = &[
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
];

/// A weekday's query value: `mon` ... `sun`.
pub fn weekday_slug(day: chrono::Weekday) -> &'static str {
    WEEKDAYS[day.num_days_from_monday() as usize].0
}

/// A weekday's name: `Monday` ... `Sunday`.
pub fn weekday_name(day: chrono::Weekday) -> &'static str {
    WEEKDAYS[day.num_days_from_monday() as usize].1
}

/// A weekday from its query value (`mon` ... `sun`).
pub fn weekday_from_slug(slug: &str) -> Option<chrono::Weekday> {
    let index = WEEKDAYS.iter().position(|(v, _)| *v == slug)?;
    chrono::Weekday::try_from(index as u8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harder_landings_weigh_more() {
        let weights: Vec<u32> = Impact::ALL.iter().map(|i| i.weight()).collect();
        assert_eq!(weights, [1, 2, 3]);
    }
}
