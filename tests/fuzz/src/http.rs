//! A deliberately small HTTP/1.1 client over a raw socket, so the fuzzer can send bytes
//! that no well-behaved client library would: invalid UTF-8, bad framing, huge heads.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// Most bytes read from one response; every page is far smaller.
const MAX_RESPONSE: usize = 4 * 1024 * 1024;

pub struct Response {
    pub status: u16,
    /// Header names lowercased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub elapsed: Duration,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `raw` on a fresh connection and reads until the response is complete (by its
/// `Content-Length`; a HEAD, 204 or 304 response has no body) or the server closes. `None` when no
/// status line came back at all.
pub fn exchange(
    addr: SocketAddr,
    raw: &[u8],
    head: bool,
    timeout: Duration,
) -> std::io::Result<Option<Response>> {
    let started = Instant::now();
    let mut stream = TcpStream::connect_timeout(&addr, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    // The server may answer and close before reading everything (a 413 or 431), so a
    // failed write is not an error in itself: what matters is what comes back.
    let _ = stream.write_all(raw);
    let mut received = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                received.extend_from_slice(&chunk[..n]);
                if received.len() > MAX_RESPONSE || complete(&received, head) {
                    break;
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            // A reset after the response was sent still leaves a usable response.
            Err(e) if !received.is_empty() && e.kind() == ErrorKind::ConnectionReset => break,
            Err(e) => return Err(e),
        }
    }
    Ok(parse(&received, started.elapsed()))
}

/// Whether `bytes` hold a whole final response.
fn complete(bytes: &[u8], head: bool) -> bool {
    let Some(response) = parse(bytes, Duration::ZERO) else {
        return false;
    };
    let expected = if head || response.status == 304 || response.status == 204 {
        Some(0)
    } else {
        response
            .header("content-length")
            .and_then(|v| v.parse::<usize>().ok())
    };
    expected.is_some_and(|len| response.body.len() >= len)
}

fn parse(mut bytes: &[u8], elapsed: Duration) -> Option<Response> {
    // Skip interim responses such as `100 Continue`.
    while bytes.starts_with(b"HTTP/1.1 1") {
        let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
        bytes = &bytes[end + 4..];
    }
    let split = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&bytes[..split]);
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Some(Response {
        status,
        headers,
        body: bytes[split + 4..].to_vec(),
        elapsed,
    })
}

/// A plain GET, for discovering the site before fuzzing it.
pub fn get(addr: SocketAddr, target: &str) -> Option<Response> {
    let raw = format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    exchange(addr, raw.as_bytes(), false, Duration::from_secs(10))
        .ok()
        .flatten()
}
