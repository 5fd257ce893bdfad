//! The rules that tie a programme to its exercises, each shown failing on a fixture at the
//! line that breaks it.

use crate::helpers::{content_copy, repo_path};

/// The bundled content plus the rule fixtures in `programs/`, loaded; every problem as
/// `programs/FILE:LINE: message`.
fn problems_with_fixtures() -> Vec<String> {
    let dir = content_copy();
    let fixtures = repo_path("tests/fixtures/rules/programs");
    for entry in std::fs::read_dir(&fixtures).expect("fixtures") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("file name");
        std::fs::copy(&path, dir.path().join("programs").join(name)).expect("copy fixture");
    }
    let errors = runstrong::content::load(dir.path()).expect_err("the fixtures break rules");
    errors
        .0
        .iter()
        .map(|e| {
            let path = e.path.strip_prefix(dir.path()).unwrap_or(&e.path);
            format!("{}:{}: {}", path.display(), e.line, e.message)
        })
        .collect()
}

const EXPECTED: &[&str] = &[
    "programs/too-hard.md:45: `tuck-jump` is advanced: too hard for a beginner programme in any week",
    "programs/too-soon.md:24: `squat-jump` is intermediate: a beginner programme may use it from week 2, not in week 1",
    "programs/too-soon-intermediate.md:24: `single-leg-squat` is advanced: an intermediate programme may use it from week 2, not in week 1",
    "programs/missing-side.md:24: `forward-lunge` is done one side at a time: add `per_side = true` to this item",
    "programs/harder-landings.md:31: week 2's landing load is 25, more than 10% above week 1's 20",
    "programs/restart-too-high.md:45: week 3 starts jumping again at a landing load of 30, above the 20 of week 1",
    "programs/one-to-two.md:31: week 2's landing load is 40, more than 10% above week 1's 20",
    "programs/no-next.md:14: next_programs must name at least one programme",
    "programs/bad-next.md:14: unknown programme `no-such-programme`",
    "programs/bad-next.md:14: next_programs cannot name the programme itself",
    "programs/missing-next-step.md:2: missing field `next_step`",
];

#[test]
fn each_programme_rule_is_reported_at_the_line_that_breaks_it() {
    let problems = problems_with_fixtures();
    for expected in EXPECTED {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "missing `{expected}` in:\n{}",
            problems.join("\n")
        );
    }
    // Nothing else: the rule holds only where it should, and the bundled content and
    // the fixture on the edge of every rule pass.
    assert_eq!(
        problems.len(),
        EXPECTED.len(),
        "unexpected problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_command_prints_the_same_lines() {
    let dir = content_copy();
    let fixture = repo_path("tests/fixtures/rules/programs/harder-landings.md");
    let target = dir.path().join("programs/harder-landings.md");
    std::fs::copy(fixture, &target).expect("copy fixture");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_runstrong"))
        .args(["check", "--content"])
        .arg(dir.path())
        .output()
        .expect("runstrong runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = format!("{}:31: week 2's landing load is 25", target.display());
    assert!(stderr.contains(&line), "{stderr}");
}
