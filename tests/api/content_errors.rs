//! A bad content file stops `check` and start-up with `path:line: message`.

use std::process::Command;

use runstrong::http::{Application, Settings};

use crate::helpers::repo_path;

const EXPECTED: &[&str] = &[
    "tests/fixtures/broken/articles/broken-link.md:8: broken internal link `@/articles/no-such-page.md`: no such content file",
    "tests/fixtures/broken/articles/duplicate.md:5: duplicate slug `good`",
    "tests/fixtures/broken/articles/missing-summary.md:2: missing field `summary`",
    "tests/fixtures/broken/articles/unknown-key.md:5: unknown field `colour`",
];

#[test]
fn check_reports_each_problem_at_its_line() {
    let output = Command::new(env!("CARGO_BIN_EXE_runstrong"))
        .args(["check", "--content", "tests/fixtures/broken"])
        .current_dir(repo_path(""))
        .output()
        .expect("runstrong runs");
    assert!(
        !output.status.success(),
        "check must fail on broken content"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    for expected in EXPECTED {
        assert!(
            stderr.lines().any(|line| line.starts_with(expected)),
            "missing `{expected}` in:\n{stderr}"
        );
    }
}

#[test]
fn check_passes_on_the_bundled_content() {
    let output = Command::new(env!("CARGO_BIN_EXE_runstrong"))
        .args(["check", "--content", "content"])
        .current_dir(repo_path(""))
        .output()
        .expect("runstrong runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("content OK"));
}

#[tokio::test]
async fn the_server_refuses_to_start_with_the_same_messages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("site.db");
    let settings = Settings::local("tests/fixtures/broken", db.clone());
    let error = match Application::build(settings) {
        Ok(_) => panic!("start-up must fail on broken content"),
        Err(error) => format!("{error:#}"),
    };
    for expected in EXPECTED {
        assert!(
            error.contains(expected),
            "missing `{expected}` in:\n{error}"
        );
    }
    assert!(!db.exists(), "no database is left behind by a failed start");
}
