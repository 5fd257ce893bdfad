//! Restart under load: does SIGTERM drain what the server has accepted?
//!
//! Starts the `runstrong` binary given with `--bin` on a free loopback port, keeps
//! several clients requesting pages in a loop (one request per connection, the way a
//! reverse proxy without upstream keep-alive talks to it), and part-way through:
//!
//! 1. opens connections that have sent half a request head;
//! 2. sends SIGTERM; finishes those heads; waits for the process to exit;
//! 3. starts a new instance on the same port and keeps the load going.
//!
//! It counts, for every request a client tried: completed with a full 200; refused
//! (nothing listening during the handover); closed unanswered (the connection was still
//! queued, or its request head incomplete, when the signal came: not one response byte,
//! so a proxy or client may safely retry); failed (the server began answering but the
//! response was not a whole 200). Failed must be 0 and both instances must exit with
//! status 0; the other counts are reported. Loopback only; bounded by `--seconds`.
//!
//! ```sh
//! cargo build --release && cargo run --release --example restart -- --bin target/release/runstrong
//! ```

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const PATHS: &[&str] = &["/", "/articles/", "/exercises/", "/programs/", "/healthz"];
const IN_FLIGHT: usize = 20;

#[derive(Default)]
struct Counts {
    completed: AtomicU64,
    refused: AtomicU64,
    /// Connected, then closed without a single byte of response.
    reset: AtomicU64,
    /// Some of a response, but not a whole 200.
    failed: AtomicU64,
}

fn main() -> ExitCode {
    let mut bin = None;
    let mut content = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut clients = 8;
    let mut seconds = 3u64;
    let mut args = std::env::args().skip(1);
    while let (Some(flag), Some(value)) = (args.next(), args.next()) {
        match flag.as_str() {
            "--bin" => bin = Some(PathBuf::from(value)),
            "--content" => content = PathBuf::from(value),
            "--clients" => clients = value.parse().unwrap_or(8).clamp(1, 64),
            "--seconds" => seconds = value.parse().unwrap_or(3).clamp(1, 60),
            _ => {
                eprintln!("unknown flag {flag}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(bin) = bin else {
        eprintln!("usage: restart --bin PATH [--content DIR] [--clients N] [--seconds S]");
        return ExitCode::from(2);
    };
    match run(&bin, &content, clients, seconds) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("restart: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(bin: &Path, content: &Path, clients: usize, seconds: u64) -> Result<bool, String> {
    let port = {
        let probe = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
        probe.local_addr().map_err(|e| e.to_string())?.port()
    };
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let start = |name: &str| start_instance(bin, content, &dir.path().join(name), addr);
    let mut first = start("first.db")?;
    let counts = Counts::default();
    let stop = AtomicBool::new(false);
    let hard_stop = Instant::now() + Duration::from_secs(4 * seconds + 120);
    let report = std::thread::scope(|scope| -> Result<String, String> {
        for client in 0..clients {
            let (counts, stop) = (&counts, &stop);
            scope.spawn(move || load(addr, client, counts, stop, hard_stop));
        }
        // However the restart goes, the clients stop when it is over.
        let result = restart(&mut first, &start, addr, seconds, &stop);
        stop.store(true, Ordering::SeqCst);
        result
    });
    if let Ok(None) = first.try_wait() {
        let _ = first.kill();
        let _ = first.wait();
    }
    let report = report?;
    let completed = counts.completed.load(Ordering::SeqCst);
    let refused = counts.refused.load(Ordering::SeqCst);
    let reset = counts.reset.load(Ordering::SeqCst);
    let failed = counts.failed.load(Ordering::SeqCst);
    println!("{report}");
    println!(
        "requests: {completed} completed; {refused} refused while no instance listened; \
         {reset} connections closed unanswered at SIGTERM, still queued and never read by \
         the server (a proxy retries these like refusals); {failed} failed after the \
         server began answering"
    );
    let exits_ok = report.ends_with("ok");
    let failures = failed + u64::from(!exits_ok);
    println!("{completed} passed, {failures} failed");
    Ok(failures == 0)
}

/// SIGTERM with requests in flight, then a new instance on the same port.
fn restart(
    first: &mut Child,
    start: &dyn Fn(&str) -> Result<Child, String>,
    addr: SocketAddr,
    seconds: u64,
    stop: &AtomicBool,
) -> Result<String, String> {
    std::thread::sleep(Duration::from_secs(seconds));
    let pending: Vec<TcpStream> = (0..IN_FLIGHT).filter_map(|_| half_request(addr)).collect();
    let opened = pending.len();
    // Let the server start reading them, so they are in its hands when the signal lands.
    std::thread::sleep(Duration::from_millis(300));
    let signalled = Instant::now();
    signal(first)?;
    std::thread::sleep(Duration::from_millis(100));
    let drained = pending.into_iter().filter(finish_request).count();
    let first_exit = wait_exit(first, Duration::from_secs(30))?;
    let exited_after = signalled.elapsed();
    let mut second = start("second.db")?;
    let serving_after = signalled.elapsed();
    std::thread::sleep(Duration::from_secs(seconds));
    stop.store(true, Ordering::SeqCst);
    signal(&second)?;
    let second_exit = wait_exit(&mut second, Duration::from_secs(30))?;
    Ok(format!(
        "partial request heads open at SIGTERM: {opened}, answered after it: {drained} \
         (actix counts a connection whose head has not fully arrived as idle and closes it)\n\
         first instance: exit {first_exit} {:.0} ms after SIGTERM; second serving {:.0} ms after SIGTERM; second exit {second_exit}\n{}",
        exited_after.as_secs_f64() * 1000.0,
        serving_after.as_secs_f64() * 1000.0,
        if first_exit == 0 && second_exit == 0 {
            "ok"
        } else {
            "FAILED"
        },
    ))
}

fn start_instance(
    bin: &Path,
    content: &Path,
    db: &Path,
    addr: SocketAddr,
) -> Result<Child, String> {
    let mut child = Command::new(bin)
        .args([
            "serve",
            "--addr",
            &addr.to_string(),
            "--workers",
            "2",
            "--db",
        ])
        .arg(db)
        .arg("--content")
        .arg(content)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    if !line.starts_with("listening on") {
        let _ = child.kill();
        return Err(format!("the server did not start: {line:?}"));
    }
    Ok(child)
}

fn signal(child: &Child) -> Result<(), String> {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .map_err(|e| e.to_string())?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| "kill failed".into())
}

fn wait_exit(child: &mut Child, limit: Duration) -> Result<i32, String> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            return Ok(status.code().unwrap_or(-1));
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            return Err("the server did not exit after SIGTERM".into());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn load(addr: SocketAddr, client: usize, counts: &Counts, stop: &AtomicBool, hard_stop: Instant) {
    let mut n = client;
    while !stop.load(Ordering::SeqCst) && Instant::now() < hard_stop {
        n += 1;
        let path = PATHS[n % PATHS.len()];
        match TcpStream::connect_timeout(&addr, Duration::from_secs(2)) {
            Err(_) => {
                counts.refused.fetch_add(1, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(2));
            }
            Ok(stream) => {
                let request =
                    format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                let _ = (&stream).write_all(request.as_bytes());
                let counter = match answer(&stream) {
                    Answer::Complete => &counts.completed,
                    Answer::Nothing => &counts.reset,
                    Answer::Broken => &counts.failed,
                };
                counter.fetch_add(1, Ordering::SeqCst);
            }
        }
    }
}

/// A connection with most of a request head sent.
fn half_request(addr: SocketAddr) -> Option<TcpStream> {
    let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok()?;
    (&stream)
        .write_all(b"GET /articles/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .ok()?;
    Some(stream)
}

fn finish_request(stream: &TcpStream) -> bool {
    let mut writer = stream;
    writer.write_all(b"Connection: close\r\n\r\n").is_ok()
        && matches!(answer(stream), Answer::Complete)
}

enum Answer {
    /// A 200 with every byte of its body.
    Complete,
    /// Not one byte came back.
    Nothing,
    Broken,
}

fn answer(mut stream: &TcpStream) -> Answer {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(15)));
    let mut bytes = Vec::new();
    let read = stream.read_to_end(&mut bytes);
    if bytes.is_empty() {
        return Answer::Nothing;
    }
    if read.is_ok() && complete_ok(&bytes) {
        Answer::Complete
    } else {
        Answer::Broken
    }
}

/// Whether `bytes` are a 200 response with every byte of its body.
fn complete_ok(bytes: &[u8]) -> bool {
    let Some(split) = bytes.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&bytes[..split]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    head.starts_with("http/1.1 200") && length == Some(bytes.len() - split - 4)
}
