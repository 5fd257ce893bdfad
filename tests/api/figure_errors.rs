//! A figure that cannot be drawn stops `check` with `path:line: message`: one fixture per
//! rejection in `tests/fixtures/figures/exercises/`.

use std::process::Command;

use crate::helpers::repo_path;

/// Each problem: where it is reported, and words its message must contain.
const EXPECTED: &[(&str, &str)] = &[
    ("no-figure.md:1: ", "no figure"),
    ("unknown-joint.md:18: ", "unknown joint `left_kne`"),
    (
        "knee-out-of-range.md:18: ",
        "left_knee = -12 is outside its range, -5 to 150",
    ),
    (
        "knee-out-of-range.md:19: ",
        "left_knee = 160 is outside its range, -5 to 150",
    ),
    (
        "hand-off-the-floor.md:18: ",
        "left_hand: left hand is 82.5 cm off the floor",
    ),
    (
        "shoulders-off-the-bench.md:19: ",
        "shoulders: upper back is",
    ),
    (
        "start-and-end-the-same.md:19: ",
        "the end pose is the same as the start",
    ),
];

#[test]
fn check_rejects_each_figure_mistake_at_its_line() {
    let output = Command::new(env!("CARGO_BIN_EXE_runstrong"))
        .args(["check", "--content", "tests/fixtures/figures"])
        .current_dir(repo_path(""))
        .output()
        .expect("runstrong runs");
    assert!(!output.status.success(), "check must fail on these figures");
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (at, words) in EXPECTED {
        let prefix = format!("tests/fixtures/figures/exercises/{at}");
        assert!(
            stderr
                .lines()
                .any(|line| line.starts_with(&prefix) && line.contains(words)),
            "missing `{prefix}… {words}` in:\n{stderr}"
        );
    }
}
