//! The authoring helpers on the real binary: `runstrong new` writes a skeleton that
//! `check` sends back line by line until it is filled in, and `check --format json`
//! gives the same problems to machines.

use std::path::Path;
use std::process::{Command, Output};

use crate::helpers::{content_copy, repo_path};

fn runstrong(args: &[&str], content: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_runstrong"))
        .args(args)
        .arg("--content")
        .arg(content)
        .output()
        .expect("runstrong runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Replaces each `key = ...` line's value, keeping the comment out.
fn fill(path: &Path, values: &[(&str, &str)]) {
    let source = std::fs::read_to_string(path).expect("read skeleton");
    let filled: Vec<String> = source
        .lines()
        .map(|line| {
            values
                .iter()
                .find(|(key, _)| line.starts_with(&format!("{key} = ")))
                .map_or_else(
                    || line.to_string(),
                    |(key, value)| format!("{key} = {value}"),
                )
        })
        .collect();
    std::fs::write(path, filled.join("\n") + "\n").expect("write");
}

/// A kind of page, its slug, and the values that fill its skeleton in.
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

#[test]
fn a_new_page_is_refused_line_by_line_until_filled_then_passes() {
    let dir = content_copy();
    let cases: [Case; 3] = [
        (
            "exercise",
            "wall-lean",
            &[
                ("name", "\"Wall lean\""),
                ("summary", "\"Lean into a wall on your toes.\""),
                ("primary", "[\"calves\"]"),
                ("steps", "[\"Stand facing a wall and lean into it.\"]"),
                ("cues", "[\"Tall body.\"]"),
                ("mistakes", "[\"Sagging hips. Keep a straight line.\"]"),
                ("why", "\"It loads the calves gently.\""),
                ("safety", "\"Stop if the Achilles hurts.\""),
            ],
        ),
        (
            "article",
            "calf-care",
            &[
                ("title", "\"Calf care\""),
                ("summary", "\"Looking after your calves.\""),
            ],
        ),
        (
            "program",
            "calf-starter",
            &[
                ("title", "\"Calf starter\""),
                ("summary", "\"A short calf block.\""),
                ("goal", "\"Stronger calves.\""),
                ("audience", "\"New runners.\""),
                ("warmup", "[\"March on the spot\"]"),
                ("next_step", "\"Retest your calf raises.\""),
                ("next_programs", "[\"home\"]"),
                ("focus", "\"Learn the raise.\""),
                ("exercise", "\"calf-raise\""),
            ],
        ),
    ];
    for (kind, slug, values) in cases {
        let made = runstrong(&["new", kind, slug], dir.path());
        assert!(made.status.success(), "{}", text(&made.stderr));
        // exercises/, articles/, programs/
        let file = dir.path().join(format!("{kind}s/{slug}.md"));
        assert!(file.is_file(), "{} written", file.display());
        let refused = runstrong(&["check"], dir.path());
        assert!(!refused.status.success());
        let problems = text(&refused.stderr);
        let own: Vec<&str> = problems
            .lines()
            .filter(|l| l.contains(&format!("{slug}.md:")))
            .collect();
        assert!(
            own.len() >= values.len().min(2),
            "{kind}: check points at the lines to fill: {problems}"
        );
        fill(&file, values);
        let passed = runstrong(&["check"], dir.path());
        assert!(
            passed.status.success(),
            "{kind} filled: {}",
            text(&passed.stderr)
        );
        // A second `new` never overwrites.
        let again = runstrong(&["new", kind, slug], dir.path());
        assert!(!again.status.success());
        assert!(text(&again.stderr).contains("already exists"));
    }
    let bad = runstrong(&["new", "exercise", "Not A Slug"], dir.path());
    assert!(!bad.status.success());
    assert!(text(&bad.stderr).contains("is not a slug"));
}

#[test]
fn check_speaks_json_for_editors_and_ci() {
    let broken = runstrong(
        &["check", "--format", "json"],
        &repo_path("tests/fixtures/broken"),
    );
    assert!(!broken.status.success());
    let report: serde_json::Value =
        serde_json::from_slice(&broken.stdout).expect("one JSON object");
    assert_eq!(report["ok"], false);
    let problems = report["problems"].as_array().expect("problems");
    assert!(!problems.is_empty());
    for problem in problems {
        assert!(problem["path"].as_str().is_some_and(|p| p.ends_with(".md")));
        assert!(problem["line"].as_u64().is_some_and(|l| l >= 1));
        assert!(problem["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    // The same problems as the text format, in the same order.
    let plain = runstrong(&["check"], &repo_path("tests/fixtures/broken"));
    assert_eq!(text(&plain.stderr).lines().count(), problems.len());

    let good = runstrong(&["check", "--format", "json"], &repo_path("content"));
    assert!(good.status.success());
    let report: serde_json::Value = serde_json::from_slice(&good.stdout).expect("json");
    assert_eq!(report["ok"], true);
    assert_eq!(report["problems"], serde_json::json!([]));
    let exercises = crate::helpers::content().exercises.len() as u64;
    assert_eq!(report["counts"]["exercises"], exercises);
}
