//! The browser suite (axe-core, vnu, links, screenshots, print) needs Chromium, Java and
//! npm packages, so it has its own command rather than running inside `cargo test`.

use crate::helpers::repo_path;

#[test]
fn browser_suite_runs_separately_with_bash_tests_browser_run_sh() {
    assert!(repo_path("tests/browser/run.sh").is_file());
    let readme = std::fs::read_to_string(repo_path("README.md")).expect("README");
    assert!(
        readme.contains("bash tests/browser/run.sh"),
        "the README documents the browser suite"
    );
    if !std::path::Path::new("/usr/bin/chromium").exists() {
        println!(
            "Chromium is not installed: run the browser suite with `bash tests/browser/run.sh`."
        );
    }
}
