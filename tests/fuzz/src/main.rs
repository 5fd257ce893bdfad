//! A bounded fuzzer for the whole site.
//!
//! It starts the real server in this process on 127.0.0.1 (port 0), crawls it from the
//! home page to learn every URL it serves, then sends hostile variations of those URLs:
//! mangled paths and encodings, traversal attempts, odd methods and versions, huge and
//! repeated parameters and headers, bodies on GET, and script payloads in every value.
//! Each response must be a 2xx, 3xx or an expected 4xx, never a 5xx; carry the security
//! headers; be an HTML page in the site's layout when it is an error; and never contain a
//! payload unescaped. A panic anywhere in the server fails the run.
//!
//! ```sh
//! cargo run --release -p runstrong-fuzz -- --seeds 4 --requests 25000
//! cargo run --release -p runstrong-fuzz -- --seed S --only I    # replay one request
//! ```
//!
//! `bash tests/gates/fuzz.sh` runs it with the full run's settings, and CI runs the short
//! pass `bash tests/gates/fuzz.sh 1 5000`. Traffic goes to loopback only; the run is
//! bounded by `--requests` per seed and by `--max-seconds` overall. The last line is
//! `N passed, M failed`; the exit code is non-zero when anything failed.
//!
//! This is a crate of its own in the workspace (`tests/fuzz`, package `runstrong-fuzz`),
//! not a target of the site's package, so that `cargo test` never builds it.

mod generate;
mod http;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use generate::{Rng, SCRIPT_PAYLOADS};
use runstrong::http::{Application, Settings};

/// Statuses a hostile request may get.
const EXPECTED: &[u16] = &[200, 304, 308, 400, 404, 405, 413, 414, 431];
const MAX_CRAWL: usize = 400;

struct Options {
    first_seed: u64,
    seeds: u64,
    requests: u64,
    jobs: usize,
    max_seconds: u64,
    only: Option<u64>,
    content: PathBuf,
}

#[derive(Default)]
struct Tally {
    statuses: BTreeMap<u16, u64>,
    /// Bare 400/431 answers from the HTTP parser, before the application.
    parser: u64,
    no_reply: u64,
    passed: u64,
    failures: Vec<String>,
    failed: u64,
    slowest: Duration,
    /// Seed and index of the slowest request, to replay it.
    slowest_at: (u64, u64),
}

static PANICS: AtomicUsize = AtomicUsize::new(0);

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!(
                "{message}\n\nusage: fuzz [--seed N] [--seeds K] [--requests N] [--jobs N] [--max-seconds S] [--only INDEX] [--content DIR]"
            );
            return ExitCode::from(2);
        }
    };
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        default_hook(info);
    }));
    let addr = match start_server(&options.content) {
        Ok(addr) => addr,
        Err(message) => {
            eprintln!("fuzz: the server did not start: {message}");
            return ExitCode::FAILURE;
        }
    };
    let corpus = crawl(addr);
    println!(
        "fuzz: server on {addr}, {} URLs in the corpus",
        corpus.len()
    );
    let deadline = Instant::now() + Duration::from_secs(options.max_seconds);
    let mut total = Tally::default();
    let started = Instant::now();
    let mut sent = 0;
    for seed in options.first_seed..options.first_seed + options.seeds {
        let tally = run_seed(addr, &corpus, seed, &options, deadline);
        sent += tally.passed + tally.failed;
        report(&format!("seed {seed}"), &tally);
        merge(&mut total, tally);
        if Instant::now() >= deadline {
            println!("fuzz: stopped at the {} s time limit", options.max_seconds);
            break;
        }
    }
    if http::get(addr, "/healthz").map(|r| r.status) != Some(200) {
        total.failed += 1;
        total
            .failures
            .push("the server stopped answering /healthz".into());
    }
    let panics = PANICS.load(Ordering::SeqCst) as u64;
    total.failed += panics;
    println!(
        "fuzz: {sent} requests sent in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    report("total", &total);
    println!("panics: {panics}");
    for failure in total.failures.iter().take(20) {
        println!("FAILED {failure}");
    }
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn run_seed(
    addr: SocketAddr,
    corpus: &[String],
    seed: u64,
    options: &Options,
    deadline: Instant,
) -> Tally {
    let next = AtomicU64::new(0);
    let tally = Mutex::new(Tally::default());
    let indices: Box<dyn Fn() -> Option<u64> + Sync + '_> = match options.only {
        Some(only) => {
            let taken = AtomicUsize::new(0);
            Box::new(move || (taken.fetch_add(1, Ordering::SeqCst) == 0).then_some(only))
        }
        None => Box::new(|| {
            let i = next.fetch_add(1, Ordering::SeqCst);
            (i < options.requests).then_some(i)
        }),
    };
    std::thread::scope(|scope| {
        for _ in 0..options.jobs {
            scope.spawn(|| {
                while let Some(index) = indices() {
                    if Instant::now() >= deadline {
                        break;
                    }
                    let mut rng = Rng::new(seed, index);
                    let request = generate::request(&mut rng, corpus);
                    if options.only.is_some() {
                        println!("{}", String::from_utf8_lossy(&request.bytes));
                    }
                    let outcome = check(addr, &request);
                    let mut tally = tally.lock().unwrap_or_else(|e| e.into_inner());
                    record(&mut tally, outcome, seed, index);
                }
            });
        }
    });
    tally.into_inner().unwrap_or_else(|e| e.into_inner())
}

enum Outcome {
    Status(u16, Duration),
    Parser(u16),
    NoReply,
    Failed(String),
}

/// Sends one request and judges the answer.
fn check(addr: SocketAddr, request: &generate::Request) -> Outcome {
    let response = match http::exchange(
        addr,
        &request.bytes,
        request.method == "HEAD",
        Duration::from_secs(10),
    ) {
        Ok(Some(response)) => response,
        Ok(None) | Err(_) if request.malformed => return Outcome::NoReply,
        Ok(None) => return Outcome::Failed("no response".into()),
        Err(e) => return Outcome::Failed(format!("I/O error: {e}")),
    };
    let status = response.status;
    if status >= 500 {
        return Outcome::Failed(format!("status {status}"));
    }
    // A request that never finishes arriving times out with a 408.
    let timed_out = status == 408 && request.malformed;
    if !EXPECTED.contains(&status) && !timed_out {
        return Outcome::Failed(format!("unexpected status {status}"));
    }
    if response.header("content-security-policy").is_none() {
        // Only the HTTP layer answers without the application's headers, and only to
        // requests it cannot read (400, 431) or that never finish arriving (408).
        let parser_status = [400, 431].contains(&status) || timed_out;
        return if parser_status && response.body.is_empty() {
            Outcome::Parser(status)
        } else {
            Outcome::Failed(format!("status {status} without security headers"))
        };
    }
    if let Some(missing) = runstrong::http::headers::SECURITY_HEADERS
        .iter()
        .map(|(name, _)| name.to_ascii_lowercase())
        .find(|h| response.header(h).is_none())
    {
        return Outcome::Failed(format!("status {status} without {missing}"));
    }
    let html = response
        .header("content-type")
        .is_some_and(|t| t.starts_with("text/html"));
    let readable = response.header("content-encoding").is_none();
    if status >= 400 && request.method != "HEAD" && !response.body.is_empty() && !html {
        return Outcome::Failed(format!("status {status} is not an HTML page"));
    }
    if html && readable {
        let body = String::from_utf8_lossy(&response.body);
        if status >= 400 && request.method != "HEAD" && !body.contains("<nav aria-label=\"Main\">")
        {
            return Outcome::Failed(format!("status {status} page lacks the site layout"));
        }
        if let Some(payload) = SCRIPT_PAYLOADS.iter().find(|p| body.contains(*p)) {
            return Outcome::Failed(format!("payload {payload:?} echoed unescaped"));
        }
        if body.contains("panicked at") || body.contains("stack backtrace") {
            return Outcome::Failed("a stack trace in the page".into());
        }
    }
    Outcome::Status(status, response.elapsed)
}

fn record(tally: &mut Tally, outcome: Outcome, seed: u64, index: u64) {
    match outcome {
        Outcome::Status(status, elapsed) => {
            *tally.statuses.entry(status).or_default() += 1;
            if elapsed > tally.slowest {
                tally.slowest = elapsed;
                tally.slowest_at = (seed, index);
            }
            tally.passed += 1;
        }
        Outcome::Parser(status) => {
            *tally.statuses.entry(status).or_default() += 1;
            tally.parser += 1;
            tally.passed += 1;
        }
        Outcome::NoReply => {
            tally.no_reply += 1;
            tally.passed += 1;
        }
        Outcome::Failed(why) => {
            tally.failed += 1;
            if tally.failures.len() < 20 {
                tally.failures.push(format!(
                    "seed {seed} index {index}: {why} (replay: --seed {seed} --only {index})"
                ));
            }
        }
    }
}

fn merge(total: &mut Tally, tally: Tally) {
    for (status, count) in tally.statuses {
        *total.statuses.entry(status).or_default() += count;
    }
    total.parser += tally.parser;
    total.no_reply += tally.no_reply;
    total.passed += tally.passed;
    total.failed += tally.failed;
    if tally.slowest > total.slowest {
        total.slowest = tally.slowest;
        total.slowest_at = tally.slowest_at;
    }
    total.failures.extend(tally.failures);
}

fn report(label: &str, tally: &Tally) {
    let class = |c: u16| -> u64 {
        tally
            .statuses
            .iter()
            .filter(|(s, _)| **s / 100 == c)
            .map(|(_, n)| n)
            .sum()
    };
    let statuses: Vec<String> = tally
        .statuses
        .iter()
        .map(|(s, n)| format!("{s}:{n}"))
        .collect();
    println!(
        "{label}: {} requests; 2xx {} 3xx {} 4xx {} 5xx {}; by status {}; bare parser replies {}; \
         no reply (malformed input) {}; slowest {} ms (seed {} index {}); failures {}",
        tally.passed + tally.failed,
        class(2),
        class(3),
        class(4),
        class(5),
        statuses.join(" "),
        tally.parser,
        tally.no_reply,
        tally.slowest.as_millis(),
        tally.slowest_at.0,
        tally.slowest_at.1,
        tally.failed
    );
}

/// Starts the server on its own thread and returns where it listens.
fn start_server(content: &std::path::Path) -> Result<SocketAddr, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let settings = Settings {
        hsts: true,
        workers: Some(2),
        warm: true,
        ..Settings::local(content, dir.path().join("fuzz.db"))
    };
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _dir = dir;
        actix_web::rt::System::new().block_on(async move {
            match Application::build(settings) {
                Ok(app) => {
                    let _ = sender.send(Ok(app.port()));
                    let _ = app.run_until_stopped().await;
                }
                Err(e) => {
                    let _ = sender.send(Err(format!("{e:#}")));
                }
            }
        });
    });
    let port = receiver
        .recv_timeout(Duration::from_secs(120))
        .map_err(|e| e.to_string())??;
    Ok(SocketAddr::from(([127, 0, 0, 1], port)))
}

/// Every URL reachable from the home page, plus the parameterised pages.
fn crawl(addr: SocketAddr) -> Vec<String> {
    let mut seen: Vec<String> = [
        "/",
        "/healthz",
        "/robots.txt",
        "/sitemap.xml",
        "/feed.atom",
        "/plan",
        "/plan.ics",
        "/exercises/?muscle=glutes&level=beginner",
        "/search?q=calf+raise",
        "/equipment/compare?items=dumbbells,resistance-band",
        "/equipment/budget?gbp=50",
        "/equipment/?sort=price&order=desc&max_price=100",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut next = 0;
    while next < seen.len() && seen.len() < MAX_CRAWL {
        let url = seen[next].clone();
        next += 1;
        let Some(response) = http::get(addr, &url) else {
            continue;
        };
        let body = String::from_utf8_lossy(&response.body);
        for link in links(&body) {
            if seen.len() < MAX_CRAWL && !seen.contains(&link) {
                seen.push(link);
            }
        }
    }
    let programs: Vec<String> = seen
        .iter()
        .filter(|u| {
            u.starts_with("/programs/") && u.len() > 10 && !u[10..].contains(['/', '?', '.'])
        })
        .map(|u| format!("{u}.ics?start=2025-03-03&days=mon,wed,fri"))
        .collect();
    seen.extend(programs);
    seen
}

fn links(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    for marker in ["href=\"", "src=\""] {
        for (at, _) in body.match_indices(marker) {
            let rest = &body[at + marker.len()..];
            let Some(end) = rest.find('"') else { continue };
            let link = rest[..end].replace("&amp;", "&");
            let link = link.split('#').next().unwrap_or_default().to_string();
            if link.starts_with('/') && !link.starts_with("//") && !link.is_empty() {
                out.push(link);
            }
        }
    }
    out
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        first_seed: 1,
        seeds: 1,
        requests: 5_000,
        jobs: 4,
        max_seconds: 900,
        only: None,
        // The site's bundled content, two folders up from this crate.
        content: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content")),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: not a number: {value}"))
        };
        match flag.as_str() {
            "--seed" => options.first_seed = number()?,
            "--seeds" => options.seeds = number()?,
            "--requests" => options.requests = number()?,
            "--jobs" => options.jobs = number()?.clamp(1, 64) as usize,
            "--max-seconds" => options.max_seconds = number()?,
            "--only" => options.only = Some(number()?),
            "--content" => options.content = PathBuf::from(&value),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(options)
}
