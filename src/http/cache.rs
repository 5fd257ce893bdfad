//! Response bodies rendered once and served many times: the pages of a site by path
//! ([`PageStore`]) and pages rendered for query parameters ([`ResponseCache`]). Each body
//! is kept with its gzip and brotli versions and a strong ETag computed from its bytes,
//! so identical content gives identical ETags on every instance. Each coding has its own ETag (`"…"`, `"…-gzip"`,
//! `"…-br"`), because a strong ETag names exact bytes; a revalidation with any of them is
//! current, since all three come from the same page.
//!
//! Compression is the slow part of start-up, so it is not done before the server
//! listens: each compressed body is made once, on first need, and a background thread
//! ([`PageStore::warm`]) makes the rest straight after start-up.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use sha2::{Digest, Sha256};

use crate::error::AppError;
use crate::pages::live::Answer;

/// A response body ready to send in any encoding the client accepts.
pub struct Stored {
    pub identity: Bytes,
    gzip: OnceLock<Bytes>,
    brotli: OnceLock<Bytes>,
    headers: PreparedHeaders,
}

/// The header values every response for one body shares.
struct PreparedHeaders {
    /// One per [`Encoding`], in its order.
    etags: [(String, HeaderValue); 3],
    cache_control: HeaderValue,
    content_type: HeaderValue,
}

/// How long browsers may reuse a page before revalidating with its ETag.
pub const PAGE_CACHE: &str = "public, max-age=300";
/// Revalidated on every use: the service worker, whose address never changes.
pub const NO_CACHE: &str = "no-cache";
/// Fingerprinted assets never change under the same URL.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

impl Stored {
    pub fn new(content_type: &'static str, body: Vec<u8>, cache_control: &'static str) -> Self {
        let digest = Sha256::digest(&body);
        let etag: String = digest.iter().take(10).map(|b| format!("{b:02x}")).collect();
        let tagged = |encoding: Encoding| {
            let tag = match encoding.name() {
                Some(name) => format!("\"{etag}-{name}\""),
                None => format!("\"{etag}\""),
            };
            // Hex digits and a coding name are always a valid header value.
            let value =
                HeaderValue::from_str(&tag).unwrap_or_else(|_| HeaderValue::from_static("\"\""));
            (tag, value)
        };
        let headers = PreparedHeaders {
            etags: Encoding::ALL.map(tagged),
            cache_control: HeaderValue::from_static(cache_control),
            content_type: HeaderValue::from_static(content_type),
        };
        Self {
            headers,
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
            identity: Bytes::from(body),
        }
    }

    /// Answers `req` with this body: 304 when the client's copy is current, otherwise the
    /// best encoding it accepts.
    pub fn respond(&self, req: &HttpRequest) -> HttpResponse {
        let encoding = preferred_encoding(req);
        let current = not_modified(req, &self.headers.etags);
        let mut response = if current {
            HttpResponse::NotModified()
        } else {
            HttpResponse::Ok()
        };
        // Header values are built once per body, not parsed again on every request.
        let etag = self.headers.etags[encoding as usize].1.clone();
        response
            .insert_header((header::ETAG, etag))
            .insert_header((header::CACHE_CONTROL, self.headers.cache_control.clone()))
            .insert_header((header::VARY, HeaderValue::from_static("Accept-Encoding")));
        if current {
            return response.finish();
        }
        response.insert_header((header::CONTENT_TYPE, self.headers.content_type.clone()));
        let body = match encoding {
            Encoding::Brotli => self.brotli_body(),
            Encoding::Gzip => self.gzip_body(),
            Encoding::Identity => &self.identity,
        };
        if let Some(name) = encoding.name() {
            response.insert_header((header::CONTENT_ENCODING, HeaderValue::from_static(name)));
        }
        response.body(body.clone())
    }
}

impl Stored {
    pub fn gzip_body(&self) -> &Bytes {
        self.gzip.get_or_init(|| Bytes::from(gzip(&self.identity)))
    }

    pub fn brotli_body(&self) -> &Bytes {
        self.brotli
            .get_or_init(|| Bytes::from(brotli(&self.identity)))
    }
}

/// Rendered pages by path.
#[derive(Default)]
pub struct PageStore {
    pages: HashMap<String, Stored>,
}

impl PageStore {
    pub fn insert(&mut self, path: String, stored: Stored) {
        self.pages.insert(path, stored);
    }

    pub fn get(&self, path: &str) -> Option<&Stored> {
        self.pages.get(path)
    }

    /// The stored answer to `path?query`: a later page of a long list is stored under
    /// its query; other queries (tracking tags, say) do not change a stored page. A page
    /// number that was not stored is a page that does not exist.
    pub fn lookup(&self, path: &str, query: &str) -> Option<&Stored> {
        if query.is_empty() || query == "page=1" {
            return self.get(path);
        }
        if let Some(page) = self.get(&format!("{path}?{query}")) {
            return Some(page);
        }
        if query.split('&').any(|pair| pair.starts_with("page=")) {
            return None;
        }
        self.get(path)
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.pages.keys().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// Compresses every body not yet compressed, one after another: run in the
    /// background, it leaves the other cores to the requests.
    pub fn warm(&self) {
        for page in self.pages.values() {
            page.gzip_body();
            page.brotli_body();
        }
    }
}

/// Most bytes of rendered pages the cache keeps (their compressed copies, made when first
/// asked for, add about half again): some twenty-five exercise pages. At a thousand
/// exercises a crawler touches tens of megabytes of pages; this keeps the server's
/// memory flat whatever the library size or what clients send. A page evicted is
/// rendered again in about a millisecond, and a bigger cache measured worse: at 4 MB the
/// server ended a crawl 10 MB larger, as freed pages stayed with the allocator.
const RESPONSE_BYTES: usize = 1024 * 1024;

/// Pages rendered per request, keyed by path and query: pages with query parameters, and
/// pages deferred to their first request. When full, it starts afresh: simple, and
/// memory stays bounded whatever clients send.
#[derive(Default)]
pub struct ResponseCache {
    entries: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    by_key: HashMap<String, Arc<Stored>>,
    /// Bytes of the uncompressed bodies held.
    bytes: usize,
}

impl ResponseCache {
    /// Answers `req` from the cache by `key`, or with what `render` makes of it, which is kept
    /// for next time when it is a page. A request whose answer shows its problems is
    /// checked, and answered with a 400, every time.
    pub fn respond(
        &self,
        req: &HttpRequest,
        key: String,
        (content_type, cache_control): (&'static str, &'static str),
        render: impl FnOnce() -> Result<Answer, AppError>,
    ) -> Result<HttpResponse, AppError> {
        if let Some(hit) = self.get(&key) {
            return Ok(hit.respond(req));
        }
        match render()? {
            Answer::Page(body) => {
                let stored = Stored::new(content_type, body.into_bytes(), cache_control);
                Ok(self.insert(key, stored).respond(req))
            }
            Answer::Invalid(body) => Ok(HttpResponse::BadRequest()
                .content_type(content_type)
                .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
                .body(body)),
        }
    }

    fn get(&self, key: &str) -> Option<Arc<Stored>> {
        self.entries
            .lock()
            .ok()
            .and_then(|entries| entries.by_key.get(key).cloned())
    }

    fn insert(&self, key: String, stored: Stored) -> Arc<Stored> {
        let size = stored.identity.len();
        let stored = Arc::new(stored);
        if let Ok(mut entries) = self.entries.lock() {
            if entries.bytes + size > RESPONSE_BYTES {
                entries.by_key.clear();
                entries.bytes = 0;
            }
            entries.bytes += size;
            if let Some(replaced) = entries.by_key.insert(key, stored.clone()) {
                entries.bytes -= replaced.identity.len();
            }
        }
        stored
    }
}

/// Whether `If-None-Match` names this body in any coding.
fn not_modified(req: &HttpRequest, etags: &[(String, HeaderValue)]) -> bool {
    req.headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',').any(|tag| {
                let tag = tag.trim();
                tag == "*"
                    || etags
                        .iter()
                        .any(|(etag, _)| tag.trim_start_matches("W/") == etag)
            })
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    const ALL: [Encoding; 3] = [Encoding::Identity, Encoding::Gzip, Encoding::Brotli];

    /// The `Content-Encoding` value, also the ETag suffix.
    fn name(self) -> Option<&'static str> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some("gzip"),
            Encoding::Brotli => Some("br"),
        }
    }
}

/// Picks brotli, then gzip, honouring `q=0` refusals.
fn preferred_encoding(req: &HttpRequest) -> Encoding {
    let Some(accept) = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
    else {
        return Encoding::Identity;
    };
    let accepts = |name: &str| {
        accept.split(',').any(|part| {
            let mut pieces = part.split(';');
            let coding = pieces.next().unwrap_or_default().trim();
            let refused = pieces.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            coding.eq_ignore_ascii_case(name) && !refused
        })
    };
    if accepts("br") {
        Encoding::Brotli
    } else if accepts("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    // Quality 6 with a 128 KiB window: for our pages, within half a per cent of quality 9
    // at a tenth of the time. Quality 9 picks a hasher whose 32 MB table is zeroed for
    // every body, which cost 3.7 ms a page and left that much memory with each thread.
    let params = brotli::enc::BrotliEncoderParams {
        quality: 6,
        lgwin: 17,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out
}
