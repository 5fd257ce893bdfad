//! Stopping and restarting without failing a request.
//!
//! In process: once draining, the server answers with `Connection: close`, and then stops.
//! Across processes: the test holds the listening socket, as systemd does with socket
//! activation, and hands it to each `runstrong serve` it starts. Clients keep requesting
//! pages, some on keep-alive connections and some one connection per request, while the
//! running instance gets SIGTERM (with request heads half-sent), exits, and the next one
//! starts on the same socket. Every request must get a whole 200, and every instance must
//! exit with status 0.
//!
//! `tests/gates/restart.sh` runs the same check longer and with more clients, through
//! `RUNSTRONG_RESTART_CLIENTS`, `RUNSTRONG_RESTART_SECONDS` and `RUNSTRONG_RESTART_ROUNDS`.

use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::fd::OwnedFd;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use runstrong::http::shutdown;
use runstrong::http::{Application, Settings};

use crate::helpers::repo_path;
use crate::load::{Connection, Counts, SetOnDrop, listening_line, load};

const PATHS: &[&str] = &[
    "/",
    "/articles/",
    "/exercises/",
    "/exercises/?muscle=hamstrings",
    "/programs/home/week/1",
    "/healthz",
];

/// Half-sent request heads open at each SIGTERM.
const HALF_SENT: usize = 8;

#[tokio::test]
async fn draining_asks_keep_alive_clients_to_reconnect_then_stops() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Application::build(Settings::local(
        repo_path("content"),
        dir.path().join("test.db"),
    ))
    .expect("application builds");
    let addr = SocketAddr::from(([127, 0, 0, 1], app.port()));
    let shutdown = app.shutdown();
    let server = tokio::spawn(app.run_until_stopped());

    let checks = tokio::task::spawn_blocking(move || {
        let mut kept = Connection::open(addr).expect("connect");
        let before = kept.get("/healthz").expect("answer before draining");
        (kept, before)
    });
    let (kept, before) = checks.await.expect("client");
    assert_eq!(before.status, 200);
    assert!(before.keep_alive, "keep-alive before draining");

    let drained = tokio::spawn(async move { shutdown.drain().await });
    let during = tokio::task::spawn_blocking(move || {
        wait_until_draining(addr);
        let mut kept = kept;
        let on_kept = kept.get("/exercises/").expect("answer while draining");
        let closed = kept.get("/").is_err();
        let fresh = Connection::open(addr)
            .and_then(|mut c| c.get("/articles/"))
            .expect("a new connection is still answered during the grace period");
        (on_kept, closed, fresh)
    });
    let (on_kept, closed, fresh) = during.await.expect("client");
    assert_eq!(on_kept.status, 200);
    assert!(!on_kept.keep_alive, "Connection: close while draining");
    assert!(closed, "the server closed the connection after saying so");
    assert_eq!(fresh.status, 200);
    assert!(!fresh.keep_alive);

    drained.await.expect("drain");
    server.await.expect("server task").expect("server");
    assert!(
        TcpStream::connect(addr).is_err(),
        "nothing listens once stopped"
    );
}

/// `serve` starts itself again with its allocator's settings (`src/cli/malloc.rs`).
/// It keeps its process id, so the socket a supervisor passed still reaches it.
#[test]
fn the_server_starts_again_with_the_allocator_settings_and_keeps_its_socket() {
    let dir = tempfile::tempdir().expect("temp dir");
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("address");
    let instance = Instance::start(&listener, &dir.path().join("test.db"));
    let environ = std::fs::read(format!("/proc/{}/environ", instance.0.id())).expect("environ");
    let environ = String::from_utf8_lossy(&environ);
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let expected = format!("_RJEM_MALLOC_CONF=oversize_threshold:131072,narenas:{cores}");
    assert!(
        environ.split('\0').any(|v| v == expected),
        "the server runs with {expected}"
    );
    let mut client = Connection::open(addr).expect("connect");
    assert_eq!(client.get("/healthz").expect("an answer").status, 200);
}

#[test]
fn restart_under_load_fails_no_request() {
    let setting = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let clients = setting("RUNSTRONG_RESTART_CLIENTS", 8).clamp(2, 256) as usize;
    let seconds = setting("RUNSTRONG_RESTART_SECONDS", 1).clamp(1, 120);
    let rounds = setting("RUNSTRONG_RESTART_ROUNDS", 2).clamp(1, 20);

    let dir = tempfile::tempdir().expect("temp dir");
    // The supervisor's socket: it outlives every instance.
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let start = |n: u64| Instance::start(&listener, &dir.path().join(format!("{n}.db")));

    let counts = Counts::default();
    let stop = AtomicBool::new(false);
    let mut restarts = Vec::new();
    let mut instance = start(0);
    let started = Instant::now();
    std::thread::scope(|scope| {
        // The clients stop however this ends: a panic below must fail the test, not
        // leave the scope waiting for them forever.
        let _stop_clients = SetOnDrop(&stop);
        for client in 0..clients {
            let (counts, stop) = (&counts, &stop);
            // Half keep their connection open, half open one per request, like a
            // proxy without upstream keep-alive.
            let keep_alive = client % 2 == 0;
            scope.spawn(move || load(addr, client, keep_alive, PATHS, counts, stop));
        }
        for round in 1..=rounds {
            std::thread::sleep(Duration::from_secs(seconds));
            restarts.push(restart(&mut instance, || start(round), addr, &counts));
        }
        std::thread::sleep(Duration::from_secs(seconds));
    });
    let last_exit = instance.terminate();

    let completed = counts.completed.load(Ordering::SeqCst);
    let failed = counts.failed.load(Ordering::SeqCst);
    println!(
        "restart under load: {clients} clients, {rounds} restarts, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    for (round, r) in restarts.iter().enumerate() {
        println!(
            "  restart {}: exit {:?} {} ms after SIGTERM; next instance serving {} ms after \
             SIGTERM and answering {} ms after it; {}/{HALF_SENT} half-sent requests \
             answered",
            round + 1,
            r.exit,
            r.exited.as_millis(),
            r.serving.as_millis(),
            r.first_answer.unwrap_or_default().as_millis(),
            r.half_sent_answered,
        );
    }
    println!("  last instance: exit {last_exit:?}");
    println!(
        "requests: {completed} completed with a whole 200, {failed} failed; slowest {} ms",
        counts.slowest_micros.load(Ordering::SeqCst) / 1000
    );
    for sample in counts.samples.lock().expect("samples").iter() {
        println!("  failure: {sample}");
    }

    assert_eq!(failed, 0, "requests failed during restarts");
    for r in &restarts {
        assert_eq!(r.exit, Some(0), "an instance exited badly after SIGTERM");
        assert_eq!(
            r.half_sent_answered, HALF_SENT,
            "half-sent requests dropped"
        );
        assert!(
            r.first_answer.is_some(),
            "the next instance answered nothing"
        );
    }
    assert_eq!(last_exit, Some(0));
}

#[test]
fn a_second_signal_while_draining_exits_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let mut instance = Instance::start(&listener, &dir.path().join("x.db"));
    instance.signal();
    wait_until_draining(addr);
    let signalled = Instant::now();
    instance.signal();
    assert_eq!(instance.wait(), Some(1), "a forced exit says so");
    assert!(
        signalled.elapsed() < shutdown::GRACE,
        "it exited {:?} after the second signal, as late as a graceful stop",
        signalled.elapsed()
    );
}

#[test]
fn a_passed_descriptor_that_is_not_a_socket_stops_start_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = serve_with_descriptor_3("3</dev/null", &dir.path().join("x.db"))
        .stdin(Stdio::null())
        .output()
        .expect("runstrong runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "it started: {stderr}");
    assert!(
        stderr.contains("runstrong: the socket passed in LISTEN_FDS is not a listening TCP socket"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&output.stdout).is_empty());
}

struct Restart {
    exit: Option<i32>,
    exited: Duration,
    serving: Duration,
    half_sent_answered: usize,
    /// When the next instance answered its first request; `None` if it answered nothing.
    first_answer: Option<Duration>,
}

/// SIGTERM with request heads half-sent, wait for the exit, start the next instance.
fn restart(
    instance: &mut Instance,
    start_next: impl FnOnce() -> Instance,
    addr: SocketAddr,
    counts: &Counts,
) -> Restart {
    let half_sent: Vec<TcpStream> = (0..HALF_SENT)
        .map(|_| {
            let stream = TcpStream::connect(addr).expect("connect");
            (&stream)
                .write_all(b"GET /articles/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .expect("write half a head");
            stream
        })
        .collect();
    // Let the server read what has arrived, so these are in its hands at the signal.
    std::thread::sleep(Duration::from_millis(100));
    let signalled = Instant::now();
    instance.signal();
    // Finish the heads once the server is draining, within its grace period.
    wait_until_draining(addr);
    let half_sent_answered = half_sent
        .into_iter()
        .map(Connection::from)
        .filter_map(|mut connection| connection.send("\r\n".into()).ok())
        .filter(|response| response.status == 200)
        .count();
    let exit = instance.wait();
    let exited = signalled.elapsed();
    *instance = start_next();
    let serving = signalled.elapsed();
    let before = counts.completed.load(Ordering::SeqCst);
    // Requests queued while no instance was running are answered by the new one.
    let deadline = Instant::now() + Duration::from_secs(30);
    while counts.completed.load(Ordering::SeqCst) == before && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(1));
    }
    Restart {
        exit,
        exited,
        serving,
        half_sent_answered,
        first_answer: (counts.completed.load(Ordering::SeqCst) > before)
            .then(|| signalled.elapsed()),
    }
}

/// Returns once a new connection is answered with `Connection: close`, the sign that the
/// server has begun to drain.
fn wait_until_draining(addr: SocketAddr) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let answer = Connection::open(addr).and_then(|mut c| c.get("/healthz"));
        if answer.is_ok_and(|r| !r.keep_alive) {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("the server did not begin draining after SIGTERM");
}

/// One `runstrong serve` given the shared socket by the systemd protocol: the socket at
/// descriptor 3, `LISTEN_FDS=1` and `LISTEN_PID` set to the server's own process id.
struct Instance(Child);

impl Instance {
    fn start(listener: &TcpListener, db: &Path) -> Self {
        let socket = OwnedFd::from(listener.try_clone().expect("dup socket"));
        let mut child = serve_with_descriptor_3("3<&0 0</dev/null", db)
            .stdin(Stdio::from(socket))
            .stdout(Stdio::piped())
            .spawn()
            .expect("runstrong starts");
        listening_line(&mut child);
        Self(child)
    }

    fn signal(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    }

    /// The exit code, or `None` if it had to be killed after 30 s.
    fn wait(&mut self) -> Option<i32> {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Some(status) = self.0.try_wait().expect("wait") {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
        None
    }

    fn terminate(&mut self) -> Option<i32> {
        self.signal();
        self.wait()
    }
}

/// `runstrong serve` started through a shell that first applies `redirect` (which sets
/// up descriptor 3) and then becomes the server, so `$$` is the server's process id.
fn serve_with_descriptor_3(redirect: &str, db: &Path) -> Command {
    let script = format!(r#"exec {redirect}; LISTEN_PID=$$ LISTEN_FDS=1 exec "$0" "$@""#);
    let mut command = Command::new("sh");
    command
        .args(["-c", &script, env!("CARGO_BIN_EXE_runstrong")])
        .args(["serve", "--workers", "2", "--db"])
        .arg(db)
        .arg("--content")
        .arg(repo_path("content"))
        .env("RUST_LOG", "warn");
    command
}

impl Drop for Instance {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}
