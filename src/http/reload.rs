//! What triggers a reload of the served site: SIGHUP in production, and in watch mode
//! (`runstrong serve --watch`) any change under the content folder.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use actix_web::web;
use anyhow::Context;
use notify::{RecursiveMode, Watcher};
use tokio::signal::unix::{Signal, SignalKind, signal};

use super::served::ServedSite;

/// How long the content must stay unchanged after a change before the site is rebuilt:
/// an editor saving a file, or `git checkout`, changes several files in a burst.
pub const SETTLE: Duration = Duration::from_millis(150);

/// SIGHUP, caught from the moment [`Hangups::listen`] returns (before that, SIGHUP would
/// end the process, so the server listens for it before it announces itself).
pub struct Hangups(Signal);

impl Hangups {
    /// Must run inside the runtime.
    pub fn listen() -> std::io::Result<Self> {
        Ok(Self(signal(SignalKind::hangup())?))
    }

    /// Reloads the content at every SIGHUP, building on a blocking thread so requests go
    /// on being answered meanwhile.
    pub async fn reload_on_hangup(mut self, served: web::Data<ServedSite>) {
        while self.0.recv().await.is_some() {
            tracing::info!(signal = "SIGHUP", "reloading the content");
            let served = served.clone();
            let _ = actix_web::rt::task::spawn_blocking(move || served.reload()).await;
        }
    }
}

/// Watches `content` and reloads the site once it has been quiet for [`SETTLE`] after a
/// change. The watcher stops when the returned value is dropped.
pub fn watch_content(
    content: &Path,
    served: web::Data<ServedSite>,
) -> anyhow::Result<notify::RecommendedWatcher> {
    let (changed, changes) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !e.kind.is_access()) {
            let _ = changed.send(());
        }
    })
    .context("cannot watch the content folder")?;
    watcher
        .watch(content, RecursiveMode::Recursive)
        .with_context(|| format!("cannot watch {}", content.display()))?;
    std::thread::spawn(move || {
        while changes.recv().is_ok() {
            // Wait for the burst to end, then build once.
            while changes.recv_timeout(SETTLE).is_ok() {}
            served.reload();
        }
    });
    tracing::info!(folder = %content.display(), "watching the content: saved edits reload the site");
    Ok(watcher)
}
