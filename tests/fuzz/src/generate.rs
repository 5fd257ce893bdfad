//! Turns a seed and an index into one hostile request, built by mutating a URL the site
//! really serves. The same seed and index always give the same bytes, so any failure can
//! be replayed with `--seed S --only I`.

/// splitmix64: tiny, fast and good enough to pick mutations.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64, index: u64) -> Self {
        let mut rng = Rng(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Payloads that must come back escaped wherever a page echoes them. The checker looks
/// for each one, unescaped, in every HTML body.
pub const SCRIPT_PAYLOADS: &[&str] = &[
    "<script>fz(1)</script>",
    "\"><svg onload=fz(2)>",
    "'><img src=x onerror=fz(3)>",
    "</title><b>fz4</b>",
];

/// Parameter names the site reads, plus some it does not.
const NAMES: &[&str] = &[
    "muscle",
    "equipment",
    "category",
    "level",
    "items",
    "gbp",
    "sort",
    "order",
    "max_price",
    "q",
    "start",
    "days",
    "page",
    "utm_source",
    "",
    "q[]",
    "__proto__",
];

const VALUES: &[&str] = &[
    "glutes",
    "calves",
    "hamstrings",
    "lower-back",
    "beginner",
    "advanced",
    "none",
    "resistance-band",
    "dumbbells",
    "price",
    "priority",
    "asc",
    "desc",
    "mon,thu",
    "mon,tue,wed,thu,fri,sat,sun",
    "MON",
    "2025-03-03",
    "2024-02-29",
    "2023-02-29",
    "9999-12-31",
    "262142-12-31",
    "+262143-12-31",
    "-262144-01-01",
    "0000-00-00",
    "2025-13-45",
    "0",
    "-1",
    "100",
    "49.99",
    "1e309",
    "NaN",
    "inf",
    "18446744073709551616",
    "99999999999999999999999999",
    "0x10",
    "",
    " ",
    "squat lunge",
    "\"calf raise\"",
    "calf*",
    "NEAR(a b)",
    "a OR b",
    "-",
    "^",
    "\\",
    "'",
    "\u{202e}gnp",
    "ünïcødé",
    "😀",
    "\0",
    "\r\nSet-Cookie: x=1",
];

/// Raw percent-encodings, valid and not, spliced into values and paths.
const ENCODINGS: &[&str] = &[
    "%", "%z", "%zz", "%ff", "%fe%ff", "%c0%ae", "%e2%82", "%00", "%0d%0a", "%2B", "+", "%25",
    "%2525", "&", "&&", "=", "==", "%3D", "%26", "#", "%23", ";", ",", "%2C",
];

const TRAVERSALS: &[&str] = &[
    "..",
    "../..",
    "%2e%2e",
    "%2E%2E",
    ".%2e",
    "%2e.",
    "%252e%252e",
    "%25252e",
    "..%2f..%2f",
    "..%5c..%5c",
    "..\\..\\",
    "\\",
    "%5c",
    "....//",
    "./",
    "//",
    "%2f",
    "%00",
    ";",
    "etc/passwd",
    "%2e%2e%2fCargo.toml",
    "..%c0%af",
    "~",
];

const METHODS: &[&str] = &[
    "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "MKCOL", "get",
    "Get", "M-SEARCH", "X", "GETT",
];

/// One generated request and what the checker may accept for it.
pub struct Request {
    pub bytes: Vec<u8>,
    pub method: String,
    /// The request is not valid HTTP framing; a bare parser reply or none is fine.
    pub malformed: bool,
}

/// Builds request `index` of `seed` from the site's own `corpus` of URLs.
pub fn request(rng: &mut Rng, corpus: &[String]) -> Request {
    if rng.chance(2) {
        return garbage(rng);
    }
    let mut malformed = false;
    let method = match rng.below(100) {
        0..=79 => "GET".to_string(),
        80..=89 => "HEAD".to_string(),
        _ => rng.pick(METHODS).to_string(),
    };
    let base = corpus[rng.below(corpus.len())].clone();
    let (path, query) = match base.split_once('?') {
        Some((p, q)) => (p.to_string(), Some(q.to_string())),
        None => (base, None),
    };
    let mut target: Vec<u8> = mutate_path(rng, path).into_bytes();
    let query = mutate_query(rng, query);
    if let Some(query) = query {
        target.push(b'?');
        target.extend_from_slice(query.as_bytes());
    }
    if rng.chance(3) {
        // Raw bytes the URI grammar forbids: the parser must refuse them cleanly.
        let at = rng.below(target.len() + 1);
        let byte = rng.pick(&[0x80u8, 0xc3, 0xff, b' ', b'"', b'<', 0x7f, 0x01]);
        target.insert(at, byte);
        malformed = true;
    }
    let version = match rng.below(100) {
        0..=89 => "HTTP/1.1",
        90..=96 => "HTTP/1.0",
        97 => "HTTP/2.0",
        _ => {
            malformed = true;
            "HTTP/1.1x"
        }
    };
    let mut bytes = Vec::with_capacity(target.len() + 256);
    bytes.extend_from_slice(method.as_bytes());
    bytes.push(b' ');
    bytes.extend_from_slice(&target);
    bytes.extend_from_slice(format!(" {version}\r\n").as_bytes());
    if !rng.chance(3) {
        bytes.extend_from_slice(b"Host: 127.0.0.1\r\n");
    }
    let body = headers(rng, &mut bytes, &mut malformed);
    bytes.extend_from_slice(b"Connection: close\r\n\r\n");
    bytes.extend_from_slice(&body);
    Request {
        bytes,
        method,
        malformed,
    }
}

fn mutate_path(rng: &mut Rng, path: String) -> String {
    let mut path = path;
    match rng.below(10) {
        0..=2 => {}
        3 => {
            let segment = rng.pick(TRAVERSALS);
            let at = insertion_point(rng, &path);
            path.insert_str(at, &format!("/{segment}/"));
        }
        4 => path.push_str(rng.pick(&["/", ".", ".bak", ".json", "%20", "~", "/..", "\\"])),
        5 => {
            let len = rng.pick(&[300usize, 2_100, 9_000, 20_000]);
            let unit = rng.pick(&["a", "/a", "%41", "../"]);
            while path.len() < len {
                path.push_str(unit);
            }
        }
        6 => path = path.to_uppercase(),
        7 => {
            let at = insertion_point(rng, &path);
            path.insert_str(at, rng.pick(ENCODINGS));
        }
        8 => {
            // Replace the last segment with something that names nothing.
            let cut = path.trim_end_matches('/').rfind('/').map_or(0, |i| i + 1);
            path.truncate(cut);
            path.push_str(&percent_encode(rng.pick(SCRIPT_PAYLOADS)));
        }
        _ => path = path.replace('/', rng.pick(&["//", "\\", "%2f", "/./"])),
    }
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    path
}

fn mutate_query(rng: &mut Rng, query: Option<String>) -> Option<String> {
    let mut pairs: Vec<String> = query
        .map(|q| q.split('&').map(str::to_string).collect())
        .unwrap_or_default();
    let additions = match rng.below(10) {
        0..=2 => 0,
        3..=7 => 1 + rng.below(3),
        8 => 10 + rng.below(40),
        _ => 1,
    };
    for _ in 0..additions {
        let name = rng.pick(NAMES).to_string();
        let value = value(rng);
        pairs.push(format!("{name}={value}"));
    }
    if !pairs.is_empty() && rng.chance(15) {
        // Repeat a parameter, sometimes with another value.
        let again = pairs[rng.below(pairs.len())].clone();
        pairs.push(again);
    }
    if rng.chance(3) {
        let len = rng.pick(&[2_049usize, 5_000, 9_000]);
        pairs.push(format!("q={}", "x".repeat(len)));
    }
    if pairs.is_empty() && rng.chance(90) {
        return None;
    }
    Some(pairs.join("&"))
}

fn value(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=3 => percent_encode(rng.pick(VALUES)),
        4..=6 => percent_encode(rng.pick(SCRIPT_PAYLOADS)),
        // Unencoded payloads: the characters a browser would have escaped.
        7 => rng
            .pick(SCRIPT_PAYLOADS)
            .replace(' ', "+")
            .replace(['"', '<', '>'], ""),
        8 => {
            let mut v = percent_encode(rng.pick(VALUES));
            let at = rng.below(v.len() + 1);
            v.insert_str(floor_char(&v, at), rng.pick(ENCODINGS));
            v
        }
        _ => "z".repeat(rng.pick(&[64usize, 500, 1_500])),
    }
}

/// Extra headers, and the body they announce.
fn headers(rng: &mut Rng, out: &mut Vec<u8>, malformed: &mut bool) -> Vec<u8> {
    let mut body = Vec::new();
    for _ in 0..rng.below(4) {
        let line: String = match rng.below(16) {
            0 => format!(
                "Range: {}",
                rng.pick(&[
                    "bytes=0-10",
                    "bytes=-5",
                    "bytes=99999999-",
                    "bytes=5-1",
                    "bytes=abc",
                    "bytes=0-1,2-3,4-5"
                ])
            ),
            1 => format!(
                "If-None-Match: {}",
                rng.pick(&["*", "\"0123456789abcdef0123\"", "W/\"x\"", "\"", ",,,"])
            ),
            2 => format!(
                "Accept-Encoding: {}",
                rng.pick(&[
                    "br",
                    "gzip;q=0",
                    "br;q=0, gzip",
                    "*",
                    "identity;q=0",
                    "gzip;q=nan",
                    "x,y,z"
                ])
            ),
            3 => format!(
                "Accept: {}",
                rng.pick(&["text/html", "*/*", "application/json", ";;;"])
            ),
            4 => format!("X-Forwarded-Proto: {}", rng.pick(&["https", "http", "<b>"])),
            5 => format!("User-Agent: {}", rng.pick(SCRIPT_PAYLOADS)),
            6 => format!(
                "Referer: http://127.0.0.1/{}",
                percent_encode(rng.pick(SCRIPT_PAYLOADS))
            ),
            7 => format!(
                "Cookie: session={}",
                "c".repeat(rng.pick(&[100usize, 4_000, 9_000]))
            ),
            8 => format!(
                "X-Long: {}",
                "h".repeat(rng.pick(&[1_000usize, 9_000, 20_000, 140_000]))
            ),
            9 => {
                let count = rng.pick(&[20usize, 90, 120]);
                (0..count)
                    .map(|i| format!("X-Many-{i}: {i}"))
                    .collect::<Vec<_>>()
                    .join("\r\n")
            }
            10 => {
                body = b"a=1&b=<script>fz(5)</script>".to_vec();
                format!("Content-Length: {}", body.len())
            }
            11 => "Content-Length: 100000000".to_string(),
            12 => {
                body = b"5\r\nhello\r\n0\r\n\r\n".to_vec();
                "Transfer-Encoding: chunked".to_string()
            }
            13 => "Expect: 100-continue".to_string(),
            // Broken framing stops at the parser, so it gets a small share.
            14 | 15 if rng.chance(25) => {
                *malformed = true;
                rng.pick(&[
                    "Bad Name: x",
                    "X-Bin: \x01\x02",
                    "NoColon",
                    ": empty",
                    "Content-Length: 5\r\nContent-Length: 6",
                ])
                .to_string()
            }
            _ => format!("Accept-Language: {}", rng.pick(&["en-GB", "*", "xx;q=2"])),
        };
        out.extend_from_slice(line.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    body
}

/// Bytes that are not HTTP at all.
fn garbage(rng: &mut Rng) -> Request {
    // An empty or blank request waits out the server's 5 s request timeout (408), so
    // those are rare to keep runs fast.
    let patient = rng.chance(5);
    let bytes = match rng.below(5) {
        0 if patient => Vec::new(),
        2 if patient => b"\r\n\r\n\r\n".to_vec(),
        1 => b"GET\r\n\r\n".to_vec(),
        3 => b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_vec(),
        _ => (0..1 + rng.below(512))
            .map(|_| rng.next_u64() as u8)
            .collect(),
    };
    Request {
        bytes,
        method: String::new(),
        malformed: true,
    }
}

fn insertion_point(rng: &mut Rng, path: &str) -> usize {
    let slashes: Vec<usize> = path.match_indices('/').map(|(i, _)| i).collect();
    if slashes.is_empty() {
        0
    } else {
        rng.pick(&slashes)
    }
}

fn floor_char(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Percent-encodes everything but unreserved characters, as a form would.
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
