//! The files `runstrong new` writes: every key of a section, in the order
//! `content/README.md` documents them, with a comment saying what goes there. The text
//! values are left empty and the required lists hold nothing, so `runstrong check`
//! points at each line still to fill in; once filled, the file passes.

/// The kinds of page `runstrong new` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Exercise,
    Article,
    Program,
}

impl Kind {
    /// The content folder the page goes in.
    pub fn section(self) -> &'static str {
        match self {
            Kind::Exercise => "exercises",
            Kind::Article => "articles",
            Kind::Program => "programs",
        }
    }
}

/// The new file for a page of `kind`; `today` is `YYYY-MM-DD`.
pub fn skeleton(kind: Kind, today: &str) -> String {
    match kind {
        Kind::Exercise => EXERCISE.to_string(),
        Kind::Article => ARTICLE.replace("{today}", today),
        Kind::Program => PROGRAM.to_string(),
    }
}

const EXERCISE: &str = r#"+++
# Every key is documented in content/README.md, "Exercises".
name = ""                 # e.g. "Glute bridge"
summary = ""              # one line for lists
category = "strength"     # strength, plyometric, core or mobility
level = "beginner"        # beginner, intermediate or advanced
equipment = []            # equipment slugs; [] for bodyweight
primary = []              # muscles doing most of the work, e.g. ["glutes"]
secondary = []            # muscles helping
sets = 2
reps = 10                 # or seconds = 30 for a hold (then delete reps)
per_side = false          # true when done one leg or one arm at a time
rest = 60                 # seconds between sets
steps = []                # how to do it, one step a line
cues = []                 # short coaching cues
mistakes = []             # a common mistake and its fix, one a line
why = ""                  # why it helps runners
safety = ""               # who should take care, and when to stop
easier = []               # exercise slugs
harder = []               # exercise slugs
substitutes = []          # what to do instead without the equipment
+++
"#;

const ARTICLE: &str = r#"+++
# Every key is documented in content/README.md, "Articles".
title = ""                # the page's title and heading
summary = ""              # one or two sentences for lists and the page description
updated = {today}         # when it was last revised
order = 100               # position in the article list, lower first
+++
## A first heading

Write the article in Markdown. Link other pages by their file:
[plyometrics](@/articles/plyometrics.md).
"#;

const PROGRAM: &str = r#"+++
# Every key is documented in content/README.md, "Programmes".
title = ""
summary = ""              # one line
goal = ""                 # what it builds
audience = ""             # who it is for
level = "beginner"        # beginner, intermediate or advanced
place = "home"            # home, gym or anywhere
sessions_min = 1
sessions_max = 2
minutes_min = 20
minutes_max = 30
warmup = []               # printed on every week, one line each
next_step = ""            # the deload or retest at the end, and why
next_programs = []        # programme slugs that follow, e.g. ["home"]

[[weeks]]
title = "Week 1: "
focus = ""

[[weeks.sessions]]
name = "Session A"

[[weeks.sessions.items]]
exercise = ""             # an exercise slug
sets = 2
reps = 10                 # or seconds = 30
rest = 60
rpe = 6                   # effort, 1 to 10 (see articles/effort.md)
+++
How the programme works, in a few short paragraphs.
"#;
