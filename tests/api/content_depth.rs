//! The conventions the bundled content keeps beyond what `check` enforces: enough depth,
//! a variation for every exercise with links that agree, and calf work shared out.

use std::collections::BTreeSet;

use runstrong::domain::{Category, Exercise, Level};

use crate::helpers::content;

fn exercise<'a>(all: &'a [Exercise], slug: &str) -> &'a Exercise {
    all.iter()
        .find(|e| e.slug == slug)
        .unwrap_or_else(|| panic!("no exercise {slug}"))
}

#[test]
fn the_library_is_deep_enough() {
    let content = content();
    assert!(content.exercises.len() >= 75, "{}", content.exercises.len());
    assert!(content.articles.len() >= 12, "{}", content.articles.len());
    assert!(content.programs.len() >= 8, "{}", content.programs.len());
    for slug in [
        "eccentric-heel-drop",
        "bent-knee-heel-drop",
        "isometric-calf-hold",
        "seated-soleus-raise",
        "tibialis-raise",
        "hip-hike",
        "hip-airplane",
        "copenhagen-plank-short",
        "copenhagen-plank-long",
        "lateral-step-down",
        "clamshell",
        "side-lying-hip-abduction",
        "single-leg-balance-reach",
        "wall-sit",
        "spanish-squat",
        "single-leg-bridge-hold",
        "bulgarian-split-squat",
        "reverse-lunge",
        "kettlebell-deadlift",
        "kettlebell-swing",
        "box-jump",
        "drop-landing",
        "a-skip",
        "high-knees",
        "heel-flicks",
        "strides",
    ] {
        exercise(&content.exercises, slug);
    }
    let tibialis = exercise(&content.exercises, "tibialis-raise");
    assert_eq!(tibialis.primary, ["shins"]);
}

#[test]
fn every_exercise_has_a_variation_and_the_links_agree() {
    let all = content().exercises;
    let mut both = 0;
    for e in &all {
        assert!(
            !e.easier.is_empty() || !e.harder.is_empty(),
            "{} has no easier or harder variation",
            e.slug
        );
        if !e.easier.is_empty() && !e.harder.is_empty() {
            both += 1;
        }
        for harder in &e.harder {
            assert!(
                exercise(&all, harder).easier.contains(&e.slug),
                "{} lists {harder} as harder, but {harder} does not list it as easier",
                e.slug
            );
        }
        for easier in &e.easier {
            assert!(
                exercise(&all, easier).harder.contains(&e.slug),
                "{} lists {easier} as easier, but {easier} does not list it as harder",
                e.slug
            );
        }
    }
    assert!(
        both * 10 >= all.len() * 6,
        "{both} of {} exercises have both an easier and a harder variation",
        all.len()
    );
    // The single-leg calf raise leads to loaded and springier calf work, not back to a
    // beginner drill.
    let raise = exercise(&all, "single-leg-calf-raise");
    assert!(!raise.harder.contains(&"pogo-hop".to_string()));
    assert!(
        raise
            .harder
            .contains(&"weighted-single-leg-calf-raise".to_string())
    );
}

#[test]
fn programmes_share_out_the_calf_work_and_dose_every_side() {
    let content = content();
    let calf_work = |slug: &str| {
        let e = exercise(&content.exercises, slug);
        e.category == Category::Strength && e.primary.iter().any(|m| m == "calves")
    };
    let with_calves: BTreeSet<&str> = content
        .programs
        .iter()
        .filter(|p| {
            p.weeks
                .iter()
                .flat_map(|w| &w.sessions)
                .flat_map(|s| &s.items)
                .any(|i| calf_work(&i.exercise))
        })
        .map(|p| p.slug.as_str())
        .collect();
    assert!(with_calves.len() >= 3, "calf work in {with_calves:?}");
    for program in &content.programs {
        for item in program
            .weeks
            .iter()
            .flat_map(|w| &w.sessions)
            .flat_map(|s| &s.items)
        {
            if exercise(&content.exercises, &item.exercise).dose.per_side {
                assert!(item.dose.per_side, "{}: {}", program.slug, item.exercise);
            }
        }
    }
}

#[test]
fn effort_targets_match_the_effort_article() {
    for program in content().programs {
        let rpes = |weeks: &[runstrong::domain::Week]| -> Vec<u8> {
            weeks
                .iter()
                .flat_map(|w| &w.sessions)
                .flat_map(|s| &s.items)
                .map(|i| i.rpe)
                .collect()
        };
        let all = rpes(&program.weeks);
        let most = if program.level == Level::Beginner {
            7
        } else {
            8
        };
        assert!(
            all.iter().all(|&r| (5..=most).contains(&r)),
            "{}: RPE {all:?}, at most {most}",
            program.slug
        );
        // Week 1 finds the loads at RPE 6; only the maintenance session, which builds
        // nothing, starts where it stays.
        if program.slug != "in-season-maintenance" {
            let first = rpes(&program.weeks[..1]);
            assert!(
                first.iter().all(|&r| r == 6),
                "{}: week 1 at RPE {first:?}",
                program.slug
            );
        }
    }
}
