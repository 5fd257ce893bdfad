//! New content without a restart.
//!
//! Watch mode (in process): a saved edit is served within a second or two; a broken edit
//! leaves the last good site up with a banner naming the problem at its `path:line`, and
//! the fix clears it; open pages are told to reload over server-sent events; none of it
//! reaches production pages.
//!
//! SIGHUP (across processes, on the `runstrong` binary): under load from clients, the
//! content is edited and the server signalled; every request gets a whole 200, the pages
//! change and carry new ETags, and `/healthz` reports the new version. Broken content on
//! SIGHUP is logged and the old site stays.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::helpers::{TestApp, content_copy, spawn_app, spawn_app_configured};
use crate::load::{Connection, Counts, SetOnDrop, listening_line, load};

const ARTICLE: &str = "articles/plyometrics.md";

/// Replaces the article's title line in the content at `dir`.
fn retitle(dir: &Path, title: &str) {
    let path = dir.join(ARTICLE);
    let text = std::fs::read_to_string(&path).expect("read article");
    let retitled: String = text
        .lines()
        .map(|line| match line.starts_with("title = ") {
            true => format!("title = \"{title}\""),
            false => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&path, retitled + "\n").expect("write article");
}

/// Waits up to `seconds` for `check` to hold, asking every 50 ms.
async fn eventually(app: &TestApp, path: &str, seconds: u64, check: impl Fn(&str) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    loop {
        let page = app.get(path).await;
        if check(&page.body) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{path} never changed as expected: {}",
            page.text("h1")
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn watch_mode_serves_an_edit_and_keeps_the_site_up_through_a_broken_one() {
    let dir = content_copy();
    let app = spawn_app_configured(dir.path(), |s| runstrong::http::Settings {
        watch: true,
        ..s
    })
    .await;
    let page = app.ok("/articles/plyometrics").await;
    assert!(page.body.contains("/static/js/watch."), "the reload script");
    assert!(
        page.attrs(".watch-banner", "role").is_empty(),
        "no banner yet"
    );

    let saved = Instant::now();
    retitle(dir.path(), "Jumping for runners, edited");
    eventually(&app, "/articles/plyometrics", 5, |body| {
        body.contains("Jumping for runners, edited")
    })
    .await;
    println!(
        "an edit was served {} ms after it was saved",
        saved.elapsed().as_millis()
    );

    // A broken file: the last good site stays, and every page says what is wrong.
    let broken = dir.path().join("exercises/squat.md");
    let good = std::fs::read_to_string(&broken).expect("read");
    std::fs::write(&broken, good.replacen("sets = ", "sets = \"three\" #", 1)).expect("break");
    eventually(&app, "/", 5, |body| body.contains("watch-banner")).await;
    let home = app.ok("/").await;
    let banner = home.text(".watch-banner");
    assert!(banner.contains("exercises/squat.md:"), "{banner}");
    assert_eq!(home.attrs(".watch-banner", "role"), ["alert"]);
    let article = app.ok("/articles/plyometrics").await;
    assert!(
        article.body.contains("Jumping for runners, edited"),
        "last good site"
    );
    assert!(
        article.body.contains("watch-banner"),
        "the banner is on every page"
    );
    assert_eq!(app.ok("/exercises/squat").await.status, 200);

    // The fix clears the banner.
    std::fs::write(&broken, &good).expect("fix");
    eventually(&app, "/", 5, |body| !body.contains("watch-banner")).await;
}

#[tokio::test]
async fn watch_mode_tells_open_pages_to_reload() {
    let dir = content_copy();
    let app = spawn_app_configured(dir.path(), |s| runstrong::http::Settings {
        watch: true,
        ..s
    })
    .await;
    let mut events = app
        .client
        .get(format!("{}/_watch/events", app.address))
        .send()
        .await
        .expect("event stream");
    assert_eq!(events.status(), 200);
    assert!(
        events.headers()["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/event-stream")
    );
    retitle(dir.path(), "Told to reload");
    let chunk = tokio::time::timeout(Duration::from_secs(10), events.chunk())
        .await
        .expect("an event within ten seconds")
        .expect("the stream stays open")
        .expect("a chunk");
    assert_eq!(&chunk[..], b"event: reload\ndata: rebuilt\n\n");
}

#[tokio::test]
async fn production_pages_know_nothing_of_watch_mode() {
    let app = spawn_app().await;
    let page = app.ok("/").await;
    assert!(!page.body.contains("watch"), "no reload script or banner");
    assert_eq!(app.get("/_watch/events").await.status, 404);
    assert!(!page.header("etag").is_empty(), "pages keep their ETags");
}

/// A `runstrong serve` process on a free port, its standard error kept.
struct Server {
    child: Child,
    addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(content: &Path, db: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_runstrong"))
            .args(["serve", "--addr", "127.0.0.1:0", "--workers", "2"])
            .arg("--content")
            .arg(content)
            .arg("--db")
            .arg(db)
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runstrong starts");
        let line = listening_line(&mut child);
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("did not start: {line:?}"));
        let log = Arc::new(Mutex::new(Vec::new()));
        let stderr = BufReader::new(child.stderr.take().expect("stderr"));
        let kept = log.clone();
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                kept.lock().expect("log").push(line);
            }
        });
        Self { child, addr, log }
    }

    fn hang_up(&self) {
        let status = Command::new("kill")
            .args(["-HUP", &self.child.id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    }

    fn get(&self, path: &str) -> (u16, String) {
        let mut connection = Connection::open(self.addr).expect("connect");
        let response = connection.get_and_close(path).expect("answer");
        (response.status, response.head)
    }

    fn version(&self) -> String {
        let mut connection = Connection::open(self.addr).expect("connect");
        let body = connection.body("/healthz").expect("health");
        body.lines().nth(1).unwrap_or_default().to_string()
    }

    /// Waits up to ten seconds for a log line containing `text`.
    fn wait_for_log(&self, text: &str) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let log = self.log.lock().expect("log").clone();
            if log.iter().any(|line| line.contains(text)) {
                return log;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("no log line says {text:?}");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn etag(head: &str) -> String {
    head.lines()
        .find_map(|l| l.strip_prefix("etag:"))
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[test]
fn sighup_swaps_in_new_content_under_load_and_refuses_broken_content() {
    let dir = content_copy();
    let db = tempfile::tempdir().expect("temp dir");
    let server = Server::start(dir.path(), &db.path().join("site.db"));
    let before = server.get("/articles/plyometrics");
    let version = server.version();
    let counts = Counts::default();
    let stop = AtomicBool::new(false);
    let paths = [
        "/",
        "/articles/plyometrics",
        "/exercises/",
        "/exercises/squat",
        "/exercises/?muscle=hamstrings",
        "/healthz",
    ];
    std::thread::scope(|scope| {
        let _stop_clients = SetOnDrop(&stop);
        for client in 0..6 {
            let (counts, stop, paths) = (&counts, &stop, &paths);
            scope.spawn(move || load(server.addr, client, client % 2 == 0, paths, counts, stop));
        }
        std::thread::sleep(Duration::from_millis(500));
        retitle(dir.path(), "Plyometrics, reloaded");
        server.hang_up();
        server.wait_for_log("content reloaded");
        std::thread::sleep(Duration::from_millis(500));
    });
    let (completed, failed) = (
        counts.completed.load(Ordering::SeqCst),
        counts.failed.load(Ordering::SeqCst),
    );
    println!("SIGHUP under load: {completed} requests completed, {failed} failed");
    assert_eq!(failed, 0, "{:?}", counts.samples.lock().expect("samples"));
    assert!(completed > 100, "the load ran: {completed}");
    let after = server.get("/articles/plyometrics");
    assert_eq!(after.0, 200);
    assert_ne!(
        etag(&after.1),
        etag(&before.1),
        "the edited page has a new ETag"
    );
    let new_version = server.version();
    assert_ne!(new_version, version, "healthz reports the new version");

    // Broken content: logged at its line, and the site stays as it was.
    let broken = dir.path().join("exercises/squat.md");
    let good = std::fs::read_to_string(&broken).expect("read");
    std::fs::write(&broken, good.replacen("sets = ", "sets = \"three\" #", 1)).expect("break");
    server.hang_up();
    server.wait_for_log("reload refused");
    let log = server.wait_for_log("exercises/squat.md:");
    assert!(
        log.iter()
            .any(|line| line.contains("exercises/squat.md:") && line.contains("invalid type")),
        "the problem is logged at its path and line: {log:?}"
    );
    assert_eq!(
        server.version(),
        new_version,
        "the old site is still served"
    );
    assert_eq!(server.get("/exercises/squat").0, 200);
    assert_eq!(server.get("/articles/plyometrics").0, 200);
}
