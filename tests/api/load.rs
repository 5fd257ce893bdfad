//! Load from plain TCP clients for the restart and reload tests: whole responses read
//! off keep-alive or one-shot connections, every failure counted and a few kept to say
//! what went wrong.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The address a `runstrong serve` child announces on its first line of output.
pub fn listening_line(child: &mut std::process::Child) -> String {
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read");
    assert!(line.starts_with("listening on"), "did not start: {line:?}");
    line
}

/// Sets its flag when dropped, so client threads stop however a test ends.
pub struct SetOnDrop<'a>(pub &'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

#[derive(Default)]
pub struct Counts {
    pub completed: AtomicU64,
    pub failed: AtomicU64,
    /// The longest any request took, sent to answered, in microseconds.
    pub slowest_micros: AtomicU64,
    /// The first few failures, to say what went wrong.
    pub samples: std::sync::Mutex<Vec<String>>,
}

impl Counts {
    fn fail(&self, what: String) {
        self.failed.fetch_add(1, Ordering::SeqCst);
        let mut samples = self.samples.lock().expect("samples");
        if samples.len() < 10 {
            samples.push(what);
        }
    }
}

/// Requests `paths` in turn until `stop`, on one kept connection or a new one each time.
pub fn load(
    addr: SocketAddr,
    client: usize,
    keep_alive: bool,
    paths: &[&str],
    counts: &Counts,
    stop: &AtomicBool,
) {
    let mut connection: Option<Connection> = None;
    let mut n = client;
    while !stop.load(Ordering::SeqCst) {
        n += 1;
        let path = paths[n % paths.len()];
        let reused = connection.is_some();
        let sent = Instant::now();
        let result = match connection.take() {
            Some(open) => Ok(open),
            None => Connection::open(addr),
        }
        .and_then(|mut open| {
            let response = if keep_alive {
                open.get(path)
            } else {
                open.get_and_close(path)
            }?;
            Ok((open, response))
        });
        match result {
            Ok((open, response)) if response.status == 200 => {
                counts.completed.fetch_add(1, Ordering::SeqCst);
                let micros = sent.elapsed().as_micros().try_into().unwrap_or(u64::MAX);
                counts.slowest_micros.fetch_max(micros, Ordering::SeqCst);
                if response.keep_alive && keep_alive {
                    connection = Some(open);
                }
            }
            Ok((_, response)) => counts.fail(format!("{path}: status {}", response.status)),
            Err(error) => counts.fail(format!("{path} (reused connection: {reused}): {error}")),
        }
    }
}

pub struct Response {
    pub status: u16,
    /// The server will keep the connection open for another request.
    pub keep_alive: bool,
    /// The head, lowercased.
    pub head: String,
    pub body: Vec<u8>,
}

/// A client connection that reads whole responses, so it can be reused.
pub struct Connection {
    stream: TcpStream,
    buffer: Vec<u8>,
}

impl From<TcpStream> for Connection {
    fn from(stream: TcpStream) -> Self {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
        Self {
            stream,
            buffer: Vec::new(),
        }
    }
}

impl Connection {
    pub fn open(addr: SocketAddr) -> std::io::Result<Self> {
        TcpStream::connect_timeout(&addr, Duration::from_secs(5)).map(Self::from)
    }

    pub fn get(&mut self, path: &str) -> std::io::Result<Response> {
        self.send(format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
    }

    pub fn get_and_close(&mut self, path: &str) -> std::io::Result<Response> {
        self.send(format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        ))
    }

    /// The body of `path`, as text.
    pub fn body(&mut self, path: &str) -> std::io::Result<String> {
        let response = self.get_and_close(path)?;
        Ok(String::from_utf8_lossy(&response.body).into_owned())
    }

    pub fn send(&mut self, request: String) -> std::io::Result<Response> {
        self.stream.write_all(request.as_bytes())?;
        self.read_response()
    }

    /// Reads one response with a `Content-Length` body, whole.
    fn read_response(&mut self) -> std::io::Result<Response> {
        let broken = |what: &str| std::io::Error::other(what.to_string());
        let head_end = loop {
            if let Some(end) = self.buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break end + 4;
            }
            self.fill().map_err(|e| match self.buffer.is_empty() {
                true => broken(&format!("closed before any response byte ({e})")),
                false => broken(&format!("closed inside the response head ({e})")),
            })?;
        };
        let head = String::from_utf8_lossy(&self.buffer[..head_end]).to_ascii_lowercase();
        let status = head
            .get(9..12)
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| broken("no status line"))?;
        let header = |name: &str| {
            head.lines()
                .find_map(|line| line.strip_prefix(name).map(|v| v.trim().to_string()))
        };
        let length: usize = header("content-length:")
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| broken("no content-length"))?;
        while self.buffer.len() < head_end + length {
            self.fill()
                .map_err(|e| broken(&format!("closed inside the body ({e})")))?;
        }
        let body = self.buffer[head_end..head_end + length].to_vec();
        self.buffer.drain(..head_end + length);
        Ok(Response {
            status,
            keep_alive: header("connection:").as_deref() != Some("close"),
            head,
            body,
        })
    }

    fn fill(&mut self) -> std::io::Result<()> {
        let mut chunk = [0u8; 16 * 1024];
        match self.stream.read(&mut chunk)? {
            0 => Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                self.buffer.extend_from_slice(&chunk[..n]);
                Ok(())
            }
        }
    }
}
