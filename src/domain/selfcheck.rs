//! The posterior-chain self-check: the questions, what each answer suggests, and the pages
//! to read next. Pure: answers in, result out; nothing is stored.

/// One question with its answers, each answer carrying how strongly it points to a weak
/// posterior chain (0 none, 1 some, 2 clear).
pub struct Question {
    pub name: &'static str,
    pub text: &'static str,
    pub answers: &'static [(&'static str, &'static str, u8)],
    /// What a positive answer suggests, in plain words.
    pub meaning: &'static str,
    /// Pages to read when the answer scores above zero: (href, label).
    pub read: &'static [(&'static str, &'static str)],
}

pub const QUESTIONS: &[Question] = &[
    Question {
        name: "sitting",
        text: "How many hours a day do you spend sitting (work, travel, screens)?",
        answers: &[
            ("under-4", "Fewer than 4", 0),
            ("4-8", "4 to 8", 1),
            ("over-8", "More than 8", 2),
        ],
        meaning: "Long hours in a chair keep the hips bent, so the hip flexors shorten and the glutes get little work. Over time the front of the legs takes over.",
        read: &[
            (
                "/exercises/hip-flexor-stretch",
                "Kneeling hip flexor stretch",
            ),
            ("/exercises/glute-bridge", "Glute bridge"),
        ],
    },
    Question {
        name: "knee_pain",
        text: "Do your knees ache during or after runs?",
        answers: &[
            ("no", "No", 0),
            ("sometimes", "Sometimes", 1),
            ("often", "Often", 2),
        ],
        meaning: "Aching at the front of the knee is often runner's knee (patellofemoral pain). Strengthening the quadriceps and the hips is the best-supported treatment, so weak hips and thighs can be part of the picture.",
        read: &[
            ("/articles/runners-knee", "Runner's knee"),
            ("/exercises/lateral-step-down", "Lateral step-down"),
        ],
    },
    Question {
        name: "back_pain",
        text: "Does your lower back ache when you run?",
        answers: &[
            ("no", "No", 0),
            ("sometimes", "Sometimes", 1),
            ("often", "Often", 2),
        ],
        meaning: "When the glutes do too little, the lower back often does their share of the work and gets overused.",
        read: &[
            ("/muscles/lower-back", "The lower back"),
            ("/exercises/glute-bridge", "Glute bridge"),
        ],
    },
    Question {
        name: "glutes",
        text: "On hills or hard efforts, do you feel the work mostly in your lower back or hamstrings rather than your glutes?",
        answers: &[
            ("no", "No", 0),
            ("unsure", "Not sure", 1),
            ("yes", "Yes", 2),
        ],
        meaning: "Glutes that do not seem to fire are a common sign: other muscles pick up the slack.",
        read: &[
            ("/muscles/glutes", "What the glutes do"),
            (
                "/exercises/single-leg-glute-bridge",
                "Single-leg glute bridge",
            ),
            ("/exercises/banded-lateral-walk", "Banded lateral walk"),
        ],
    },
    Question {
        name: "hip_flexors",
        text: "Do the fronts of your hips feel tight, especially after sitting?",
        answers: &[
            ("no", "No", 0),
            ("sometimes", "Sometimes", 1),
            ("yes", "Yes", 2),
        ],
        meaning: "Tight hip flexors go with quad dominance and can limit how far your leg swings back behind you.",
        read: &[
            ("/muscles/hip-flexors", "The hip flexors"),
            (
                "/exercises/hip-flexor-stretch",
                "Kneeling hip flexor stretch",
            ),
        ],
    },
];

/// Answers by question, in question order; `None` when a question was not answered.
pub type Answers = Vec<Option<&'static str>>;

/// What the answers add up to.
pub struct Outcome {
    pub score: u8,
    pub max: u8,
    pub headline: &'static str,
    pub summary: &'static str,
    /// The meaning of every sign the runner reported.
    pub signs: Vec<&'static str>,
    /// Pages to read, without repeats.
    pub read: Vec<(&'static str, &'static str)>,
    pub program: (&'static str, &'static str),
}

/// Reads one answer, checking it is one of the offered values.
pub fn answer(question: &Question, value: Option<&str>) -> Result<&'static str, String> {
    match value {
        None => Err("Please choose an answer.".to_string()),
        Some(v) => question
            .answers
            .iter()
            .find(|(value, ..)| *value == v)
            .map(|(value, ..)| *value)
            .ok_or_else(|| "That is not one of the answers: please choose one.".to_string()),
    }
}

pub fn assess(answers: &[&'static str]) -> Outcome {
    let mut score = 0;
    let mut signs = Vec::new();
    let mut read: Vec<(&str, &str)> =
        vec![("/articles/posterior-chain", "The posterior chain explained")];
    for (question, given) in QUESTIONS.iter().zip(answers) {
        let points = question
            .answers
            .iter()
            .find(|(v, ..)| v == given)
            .map_or(0, |(.., p)| *p);
        score += points;
        if points > 0 {
            signs.push(question.meaning);
            for page in question.read {
                if !read.contains(page) {
                    read.push(*page);
                }
            }
        }
    }
    let max = QUESTIONS
        .iter()
        .map(|q| q.answers.iter().map(|(.., p)| *p).max().unwrap_or(0))
        .sum();
    let (headline, summary, program) = match score {
        0..=2 => (
            "Few signs of a weak posterior chain",
            "Your answers show few of the usual signs. Strength work still makes you a more robust, more economical runner, and one or two sessions a week keep it that way.",
            ("/programs/home", "The home programme"),
        ),
        3..=5 => (
            "Some signs of a weak posterior chain",
            "A few of your answers match the usual pattern of strong quadriceps and hip flexors with glutes and hamstrings that do less than they should. Targeted work once or twice a week usually helps within a month.",
            (
                "/programs/posterior-chain-4-week",
                "The four-week posterior chain programme",
            ),
        ),
        _ => (
            "Many signs of a weak posterior chain",
            "Several answers point the same way: the back of your body is probably under-used, and other muscles are covering for it. Start with the easier variations and build up over four weeks.",
            (
                "/programs/posterior-chain-4-week",
                "The four-week posterior chain programme",
            ),
        ),
    };
    Outcome {
        score,
        max,
        headline,
        summary,
        signs,
        read,
        program,
    }
}

/// When pain needs a professional rather than a program.
pub const SEE_A_PROFESSIONAL: &[&str] = &[
    "Pain that is sharp, or that stops you running or changes how you run.",
    "Pain that lasts more than two weeks or keeps coming back.",
    "A knee that swells, locks or gives way.",
    "Numbness, tingling or pain that spreads down a leg.",
    "Back pain with a fever, at night or at rest, or with any change in bladder or bowel control: see a doctor straight away.",
];

/// A strength test a runner can repeat every few weeks, with a rough target.
pub struct Benchmark {
    pub name: &'static str,
    /// The exercise it uses: (href, name).
    pub exercise: (&'static str, &'static str),
    pub how: &'static str,
    pub good: &'static str,
    /// What falling short suggests.
    pub short: &'static str,
    /// Where to start when you fall short: (href, title).
    pub start: (&'static str, &'static str),
}

/// Four tests that need a step, a chair and a watch.
pub const BENCHMARKS: &[Benchmark] = &[
    Benchmark {
        name: "Calf endurance",
        exercise: ("/exercises/single-leg-calf-raise", "Single-leg calf raise"),
        how: "Stand on one leg on the edge of a stair, fingertips on the wall for balance. Rise as high as you can, lower until the heel is just below the step, one rep every two seconds, until you can no longer reach full height. Count, then test the other leg.",
        good: "25 or more on each leg, with the two sides within a few reps of each other.",
        short: "Fewer than 20, or one leg well behind the other: your calves and Achilles are likely to tire before your mileage does.",
        start: (
            "/programs/calf-achilles-durability",
            "Calf and Achilles durability block",
        ),
    },
    Benchmark {
        name: "Side plank",
        exercise: ("/exercises/side-plank", "Side plank"),
        how: "Lie on your side with your elbow under your shoulder and your feet stacked, lift your hips until your body is one straight line, and hold until the hips start to sag. Time each side.",
        good: "45 to 60 seconds or more on each side, with both sides close.",
        short: "Under 30 seconds on either side: your trunk and hips may let the pelvis drop as you tire late in a run.",
        start: (
            "/programs/no-kit-beginner",
            "No-kit strength for new runners",
        ),
    },
    Benchmark {
        name: "Single-leg squat to a chair",
        exercise: ("/exercises/single-leg-squat", "Single-leg squat"),
        how: "Stand on one leg in front of a chair, arms forward. Sit down slowly until you touch the seat, then stand without pushing off with the other foot. Do five on each leg, facing a mirror or filmed from the front.",
        good: "Five smooth reps on each leg: the knee stays in line with the middle toes, the hips stay level and the trunk stays fairly upright.",
        short: "The knee falls inwards, the hip drops or twists, or you need the other foot to stand: hip and thigh control comes first.",
        start: (
            "/programs/no-kit-beginner",
            "No-kit strength for new runners",
        ),
    },
    Benchmark {
        name: "Single-leg glute bridge",
        exercise: (
            "/exercises/single-leg-glute-bridge",
            "Single-leg glute bridge",
        ),
        how: "Lie on your back with one knee bent and that foot flat, the other leg straight. Lift your hips until they line up with the knee and shoulders, lower under control and repeat at a steady pace until your form slips. Count each side.",
        good: "20 or more on each side, felt mostly in the glutes and hamstrings rather than the lower back.",
        short: "Fewer than 15, a cramping hamstring or a working lower back: the back of the chain is under-trained.",
        start: (
            "/programs/posterior-chain-4-week",
            "Four-week posterior chain block",
        ),
    },
];

/// How to read the benchmarks, in plain words.
pub const BENCHMARK_NOTE: &str = "These are rough targets that coaches and physiotherapists often use, not research norms, and age and training history shift them. The useful comparison is with yourself: retest every four weeks, at the same time of day and fresh, not after a hard run. A clear difference between your two sides matters more than the numbers. Warm up first, and skip any test that hurts.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_map_to_bands_and_pages() {
        let calm = assess(&["under-4", "no", "no", "no", "no"]);
        assert_eq!(calm.score, 0);
        assert!(calm.signs.is_empty());
        let weak = assess(&["over-8", "often", "sometimes", "yes", "yes"]);
        assert_eq!(weak.score, 9);
        assert_eq!(weak.max, 10);
        assert_eq!(weak.program.0, "/programs/posterior-chain-4-week");
        assert!(
            weak.read
                .contains(&("/muscles/glutes", "What the glutes do"))
        );
        let reads: Vec<_> = weak.read.iter().map(|(h, _)| *h).collect();
        let mut unique = reads.clone();
        unique.dedup();
        assert_eq!(reads.len(), unique.len());
    }

    #[test]
    fn every_benchmark_points_at_its_exercise_and_a_programme() {
        for b in BENCHMARKS {
            assert!(b.exercise.0.starts_with("/exercises/"), "{}", b.name);
            assert!(b.start.0.starts_with("/programs/"), "{}", b.name);
        }
    }

    #[test]
    fn answers_must_be_offered_values() {
        assert_eq!(answer(&QUESTIONS[0], Some("4-8")), Ok("4-8"));
        assert!(answer(&QUESTIONS[0], Some("<b>")).is_err());
        assert!(answer(&QUESTIONS[0], None).is_err());
    }
}
