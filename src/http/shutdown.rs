//! Graceful shutdown: how the server stops without failing a request.
//!
//! On SIGTERM or SIGINT ([`Signals`]) the server drains ([`Shutdown::drain`]):
//!
//! 1. Every response from then on says `Connection: close` ([`close_when_draining`]), so a
//!    client on a keep-alive connection finishes its request and opens a new connection,
//!    which reaches the next instance when the listening socket is shared.
//! 2. For [`GRACE`] it goes on accepting and answering, so a request whose head is still
//!    arriving gets its answer instead of a closed connection.
//! 3. It stops accepting. Connections still queued stay in the kernel's queue for whoever
//!    holds the socket next: the supervisor that handed the socket over (systemd socket
//!    activation, see [`crate::startup::inherited_listener`]) keeps it open across the
//!    restart. After [`SETTLE`], every connection already accepted has reached a worker.
//! 4. It stops gracefully: actix-web finishes the responses in progress, closes idle
//!    connections and exits once they are done (or after the shutdown timeout).
//!
//! A second signal while draining exits at once, with status 1, dropping open connections.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{ServerHandle, ServiceRequest, ServiceResponse};
use actix_web::http::ConnectionType;
use actix_web::middleware::Next;
use actix_web::{Error, web};
use tokio::signal::unix::{Signal, SignalKind, signal};
use tokio::time::sleep;

/// How long a draining server keeps answering new requests before it stops accepting.
pub const GRACE: Duration = Duration::from_secs(1);

/// Time for connections accepted just before accepting stopped to reach a worker and have
/// their request read: actix drops any still queued for a worker when it stops. Usually
/// microseconds; the margin is for a loaded machine, and costs only a short wait for
/// connections queued for the next instance.
pub const SETTLE: Duration = Duration::from_millis(250);

/// Set once the server has begun to drain; shared by every worker.
#[derive(Debug, Default)]
pub struct Draining(AtomicBool);

impl Draining {
    pub fn begin(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Middleware: once draining, ask the client to close the connection after this
/// response, so no request is ever sent on a connection the server is about to close.
pub async fn close_when_draining(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let draining = req.app_data::<web::Data<Draining>>().cloned();
    let mut response = next.call(req).await?;
    if draining.is_some_and(|flag| flag.is_set()) {
        response
            .response_mut()
            .head_mut()
            .set_connection_type(ConnectionType::Close);
    }
    Ok(response)
}

/// A running server's way to stop: what SIGTERM triggers, also callable from tests.
#[derive(Clone)]
pub struct Shutdown {
    server: ServerHandle,
    draining: web::Data<Draining>,
}

impl Shutdown {
    pub fn new(server: ServerHandle, draining: web::Data<Draining>) -> Self {
        Self { server, draining }
    }

    /// Steps 1 to 4 of the module docs; returns once the server has stopped.
    pub async fn drain(&self) {
        self.draining.begin();
        sleep(GRACE).await;
        self.server.pause().await;
        sleep(SETTLE).await;
        self.server.stop(true).await;
    }
}

/// SIGTERM and SIGINT, caught from the moment [`Signals::listen`] returns. Until then
/// either signal kills the process without draining, so the server listens for them
/// before it announces that it is serving.
pub struct Signals {
    term: Signal,
    interrupt: Signal,
}

impl Signals {
    /// Must run inside the runtime.
    pub fn listen() -> std::io::Result<Self> {
        Ok(Self {
            term: signal(SignalKind::terminate())?,
            interrupt: signal(SignalKind::interrupt())?,
        })
    }

    async fn next(&mut self) -> &'static str {
        tokio::select! {
            _ = self.term.recv() => "SIGTERM",
            _ = self.interrupt.recv() => "SIGINT",
        }
    }

    /// Waits for the first signal, then drains; a second signal exits at once.
    pub async fn drain_on_signal(mut self, shutdown: Shutdown) {
        let name = self.next().await;
        tracing::info!(signal = name, "draining: finishing requests, then stopping");
        tokio::select! {
            () = shutdown.drain() => tracing::info!("drained; stopped"),
            name = self.next() => {
                // Not `stop(false)`: actix handles no command while a graceful stop is
                // waiting for its workers.
                tracing::warn!(signal = name, "second signal: exiting without draining");
                std::process::exit(1);
            }
        }
    }
}
