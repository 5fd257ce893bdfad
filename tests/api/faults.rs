//! Faults at start-up: a database path that cannot be written, a locked or corrupt
//! database file, broken content. Each either stops `runstrong serve` with one clear line
//! and a non-zero exit before anything is served, or, where the fault cannot matter
//! (the database is rebuilt from content at every start), is simply handled.
//! Also: two instances on the same content serve identical bytes and ETags.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::{content_copy, repo_path, spawn_app};

/// Starts `runstrong serve` on a free port with `db` and `content`.
fn serve(db: &Path, content: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_runstrong"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .arg("--content")
        .arg(content)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runstrong starts")
}

/// Waits (bounded) for a server that must refuse to start; returns its stderr.
fn refuses_to_start(db: &Path, content: &Path) -> String {
    let mut child = serve(db, content);
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("runstrong kept running with db {}", db.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = child.wait_with_output().expect("output");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert!(!status.success(), "exit status {status}");
    assert!(
        !stdout.contains("listening on"),
        "it announced a listener: {stdout}"
    );
    let at = stderr
        .find("runstrong: ")
        .unwrap_or_else(|| panic!("no `runstrong: ` error line in:\n{stderr}"));
    stderr[at..].to_string()
}

/// Waits for a server that must start, fetches its home page, then stops it.
fn starts_and_serves(db: &Path, content: &Path) {
    let mut child = serve(db, content);
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("read");
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .map(str::to_string);
    let status = url.as_ref().map(|url| {
        let host = url.trim_start_matches("http://");
        let mut stream = std::net::TcpStream::connect(host).expect("connect");
        std::io::Write::write_all(
            &mut stream,
            b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
        .expect("write");
        let mut answer = String::new();
        std::io::Read::read_to_string(&mut stream, &mut answer).expect("read");
        answer.lines().next().unwrap_or_default().to_string()
    });
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        status.as_deref(),
        Some("HTTP/1.1 200 OK"),
        "it did not serve: {line}"
    );
}

#[test]
fn a_missing_database_folder_stops_start_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("no-such-folder").join("site.db");
    let error = refuses_to_start(&db, &repo_path("content"));
    assert!(error.contains("does not exist"), "{error}");
}

#[test]
fn a_database_path_under_a_file_stops_start_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("plain-file");
    std::fs::write(&file, "not a folder").expect("write");
    let error = refuses_to_start(&file.join("site.db"), &repo_path("content"));
    assert!(error.contains("not a folder"), "{error}");
}

#[test]
fn a_read_only_database_folder_stops_start_up() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("read-only");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    // An administrator ignores permission bits, but nobody can create files in /proc.
    let db = if std::fs::write(folder.join("probe"), "x").is_ok() {
        Path::new("/proc").join(format!("runstrong-{}.db", std::process::id()))
    } else {
        folder.join("site.db")
    };
    let error = refuses_to_start(&db, &repo_path("content"));
    assert!(error.contains("cannot build the database"), "{error}");
}

#[test]
fn a_database_path_that_is_a_folder_stops_start_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("site.db");
    std::fs::create_dir(&db).expect("mkdir");
    std::fs::write(db.join("keep"), "x").expect("write");
    let error = refuses_to_start(&db, &repo_path("content"));
    assert!(error.contains("cannot replace"), "{error}");
}

#[test]
fn a_corrupt_database_file_is_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("site.db");
    let mut junk = b"SQLite format 3\0".to_vec();
    junk.extend((0..8192u32).map(|i| (i * 31 % 251) as u8));
    std::fs::write(&db, junk).expect("write");
    starts_and_serves(&db, &repo_path("content"));
}

#[test]
fn a_database_locked_by_another_process_does_not_block_start_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("site.db");
    // Another program holds an exclusive lock on the old file. The new database is built
    // beside it and renamed over it, so the lock holder keeps its old copy.
    let holder = rusqlite::Connection::open(&db).expect("open");
    holder
        .execute_batch("CREATE TABLE t(x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);")
        .expect("lock");
    starts_and_serves(&db, &repo_path("content"));
    drop(holder);
}

#[test]
fn broken_content_stops_start_up_with_the_file_and_line() {
    let content = content_copy();
    let article = std::fs::read_dir(content.path().join("articles"))
        .expect("articles")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .expect("an article");
    std::fs::write(&article, b"+++\ntitle = \"unterminated\n+++\nbody\n").expect("write");
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("site.db");
    let mut child = serve(&db, content.path());
    let output = {
        let deadline = Instant::now() + Duration::from_secs(60);
        while child.try_wait().expect("wait").is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = child.kill();
        child.wait_with_output().expect("output")
    };
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let name = article
        .file_name()
        .expect("name")
        .to_string_lossy()
        .to_string();
    assert!(stderr.contains(&format!("{name}:")), "{stderr}");
    assert!(!String::from_utf8_lossy(&output.stdout).contains("listening"));
    assert!(!db.exists(), "a failed start leaves no database behind");
}

#[test]
fn content_that_is_not_utf8_stops_start_up() {
    let content = content_copy();
    let article = content.path().join("articles").join("binary.md");
    std::fs::write(&article, b"+++\ntitle = \"\xff\xfe\"\n+++\n").expect("write");
    let dir = tempfile::tempdir().expect("temp dir");
    let error = refuses_to_start(&dir.path().join("site.db"), content.path());
    assert!(error.contains("binary.md"), "{error}");
}

#[tokio::test]
async fn two_instances_serve_identical_pages_and_etags() {
    let (first, second) = (spawn_app().await, spawn_app().await);
    let mut paths = vec!["/".to_string()];
    paths.extend(
        first
            .ok("/")
            .await
            .attrs("a[href^='/'], link[href^='/']", "href"),
    );
    paths.extend(
        [
            "/articles/",
            "/exercises/",
            "/programs/",
            "/equipment/",
            "/muscles/",
            "/exercises/?muscle=glutes",
            "/search?q=calf",
            "/sitemap.xml",
            "/feed.atom",
        ]
        .map(String::from),
    );
    paths.sort();
    paths.dedup();
    let mut compared = 0;
    for path in &paths {
        let (a, b) = (first.get(path).await, second.get(path).await);
        assert_eq!(a.status, b.status, "{path}");
        assert_eq!(a.body, b.body, "{path}: bodies differ");
        assert_eq!(a.header("etag"), b.header("etag"), "{path}: ETags differ");
        compared += 1;
    }
    assert!(compared > 10, "only {compared} pages compared");
}
