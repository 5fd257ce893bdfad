//! Starting the real server for a test, and reading what it serves.

use std::path::{Path, PathBuf};

use runstrong::content::Content;
use runstrong::http::{Application, Settings};
use scraper::{Html, Selector};

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    /// Keeps the database folder alive for the server's lifetime.
    _dir: tempfile::TempDir,
}

pub struct Page {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// Text of every element matching `selector`, whitespace collapsed.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let selector = Selector::parse(selector).expect("valid selector");
        self.html()
            .select(&selector)
            .map(|e| {
                e.text()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    pub fn text(&self, selector: &str) -> String {
        self.texts(selector).join(" ")
    }

    /// Values of `attribute` on every element matching `selector`.
    pub fn attrs(&self, selector: &str, attribute: &str) -> Vec<String> {
        let selector = Selector::parse(selector).expect("valid selector");
        self.html()
            .select(&selector)
            .filter_map(|e| e.value().attr(attribute).map(str::to_string))
            .collect()
    }

    /// The whole visible text of the page, whitespace collapsed.
    pub fn all_text(&self) -> String {
        self.text("body")
    }
}

/// One calendar event as a test reads it.
pub struct CalendarEvent {
    pub uid: String,
    pub date: chrono::NaiveDate,
    pub summary: String,
    pub description: String,
}

/// Parses a served iCalendar file with the icalendar crate's parser; every event of the
/// site is an all-day event.
pub fn calendar_events(page: &Page) -> Vec<CalendarEvent> {
    use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
    let calendar: Calendar = page.body.parse().expect("valid iCalendar");
    calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(CalendarEvent {
                uid: e.get_uid().unwrap_or_default().to_string(),
                date: match (e.get_start(), e.get_end()) {
                    (Some(DatePerhapsTime::Date(start)), Some(DatePerhapsTime::Date(end)))
                        if start.succ_opt() == Some(end) =>
                    {
                        start
                    }
                    other => panic!("one whole day, DTEND the day after DTSTART: {other:?}"),
                },
                summary: e.get_summary().unwrap_or_default().to_string(),
                description: e.get_description().unwrap_or_default().to_string(),
            }),
            _ => None,
        })
        .collect()
}

pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The bundled content, validated, for computing what pages should show.
pub fn content() -> Content {
    runstrong::content::load(&repo_path("content")).expect("bundled content is valid")
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(&repo_path("content")).await
}

pub async fn spawn_app_with(content: &Path) -> TestApp {
    spawn_app_configured(content, |settings| settings).await
}

/// The server for `content`, with its settings changed by `configure` (watch mode, say).
pub async fn spawn_app_configured(
    content: &Path,
    configure: impl FnOnce(Settings) -> Settings,
) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = configure(Settings::local(content, dir.path().join("test.db")));
    let app = Application::build(settings).expect("application builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp {
        address,
        client,
        _dir: dir,
    }
}

impl TestApp {
    pub async fn get(&self, path: &str) -> Page {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = self.client.get(format!("{}{path}", self.address));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("request succeeds");
        Page {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.text().await.expect("body"),
        }
    }

    /// The fingerprinted stylesheet URL the pages link.
    pub async fn stylesheet(&self) -> String {
        self.ok("/")
            .await
            .attrs("link[rel=stylesheet]", "href")
            .remove(0)
    }

    /// Gets a page and asserts it is a 200.
    pub async fn ok(&self, path: &str) -> Page {
        let page = self.get(path).await;
        assert_eq!(page.status, 200, "GET {path}: {}", page.body);
        page
    }
}

/// A copy of the bundled content that a test can change.
pub fn content_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&repo_path("content"), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}
