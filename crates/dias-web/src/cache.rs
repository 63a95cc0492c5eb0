//! A micro-cache of pages for visitors without a session: the rendered page
//! of a URL is reused for a few seconds. Under load this turns thousands of
//! identical renderings into one per URL and interval, while signed-in
//! people (who see their own state) always get fresh pages, and so does any
//! request that carries a cookie. Visitors may see
//! a page that is up to `page_cache_secs` old.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::context::RequestInfo;
use crate::state::AppState;

const MAX_ENTRIES: usize = 5_000;
/// Pages larger than this are not kept.
const MAX_BODY: usize = 2 * 1024 * 1024;
/// All kept pages together stay below this.
const MAX_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug)]
struct Entry {
    stored: Instant,
    content_type: HeaderValue,
    body: Bytes,
}

#[derive(Debug)]
struct Entries {
    map: HashMap<String, Entry>,
    /// Sum of the kept bodies' lengths.
    bytes: usize,
    /// When expired entries were last dropped.
    swept: Instant,
}

impl Entries {
    fn retain_fresh(&mut self, ttl: Duration) {
        self.map.retain(|_, e| e.stored.elapsed() < ttl);
        self.bytes = self.map.values().map(|e| e.body.len()).sum();
        self.swept = Instant::now();
    }
}

#[derive(Debug)]
pub struct PageCache {
    ttl: Duration,
    entries: RwLock<Entries>,
}

impl PageCache {
    pub fn new(ttl_secs: u64) -> Self {
        PageCache {
            ttl: Duration::from_secs(ttl_secs),
            entries: RwLock::new(Entries {
                map: HashMap::new(),
                bytes: 0,
                swept: Instant::now(),
            }),
        }
    }

    fn enabled(&self) -> bool {
        !self.ttl.is_zero()
    }

    fn get(&self, key: &str) -> Option<(HeaderValue, Bytes)> {
        let entries = self.entries.read().ok()?;
        let entry = entries.map.get(key)?;
        (entry.stored.elapsed() < self.ttl)
            .then(|| (entry.content_type.clone(), entry.body.clone()))
    }

    /// Keeps a page. Expired pages are dropped once per interval, so the
    /// cache holds about the pages of the last interval — not every page a
    /// crawler ever asked for — and never more than [`MAX_ENTRIES`] pages or
    /// [`MAX_BYTES`] in all.
    fn put(&self, key: String, content_type: HeaderValue, body: Bytes) {
        if body.len() > MAX_BODY {
            return;
        }
        let Ok(mut entries) = self.entries.write() else {
            return;
        };
        if entries.swept.elapsed() >= self.ttl
            || entries.map.len() >= MAX_ENTRIES
            || entries.bytes + body.len() > MAX_BYTES
        {
            entries.retain_fresh(self.ttl);
            if entries.map.len() >= MAX_ENTRIES || entries.bytes + body.len() > MAX_BYTES {
                entries.map.clear();
                entries.bytes = 0;
            }
        }
        entries.bytes += body.len();
        let entry = Entry {
            stored: Instant::now(),
            content_type,
            body,
        };
        if let Some(old) = entries.map.insert(key, entry) {
            entries.bytes -= old.body.len();
        }
    }

    /// Pages and bytes kept (expired ones included until the next sweep).
    pub fn size(&self) -> (usize, usize) {
        self.entries
            .read()
            .map(|e| (e.map.len(), e.bytes))
            .unwrap_or_default()
    }
}

fn cacheable_path(path: &str) -> bool {
    ![
        "/static/",
        "/konto",
        "/verwaltung",
        "/moderation",
        "/healthz",
        "/metrics",
        "/api/",
    ]
    .iter()
    .any(|prefix| path.starts_with(prefix))
}

pub async fn page_cache(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let cache = &state.page_cache;
    // Visitors get no cookie from the portal; a request that carries one
    // (an expired session, a module's pseudonymous participant cookie) may be
    // answered personally, so it is neither served from nor stored in the cache.
    let anonymous = req
        .extensions()
        .get::<RequestInfo>()
        .is_some_and(|i| i.session.is_none())
        && !req.headers().contains_key(header::COOKIE);
    if !cache.enabled()
        || req.method() != axum::http::Method::GET
        || !anonymous
        || !cacheable_path(req.uri().path())
    {
        return next.run(req).await;
    }
    let locale = req
        .extensions()
        .get::<RequestInfo>()
        .map(|i| i.locale)
        .unwrap_or("de");
    let key = format!(
        "{locale}|{}|{}",
        req.headers().contains_key("hx-request"),
        req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("")
    );
    if let Some((content_type, body)) = cache.get(&key) {
        let mut response = Body::from(body).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, content_type);
        response
            .headers_mut()
            .insert("x-cache", HeaderValue::from_static("hit"));
        return response;
    }
    let response = next.run(req).await;
    // A page that asks not to be stored (a private link's page) is not
    // kept here either.
    let storable = response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && !response
            .headers()
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("no-store") || v.contains("private"))
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    if !storable {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // A page too large to keep goes out as it is (buffering it would fail).
    if axum::body::HttpBody::size_hint(&body)
        .upper()
        .is_some_and(|n| n > MAX_BODY as u64)
    {
        return Response::from_parts(parts, body);
    }
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Some(content_type) = parts.headers.get(header::CONTENT_TYPE).cloned() {
        cache.put(key, content_type, bytes.clone());
    }
    parts
        .headers
        .insert("x-cache", HeaderValue::from_static("miss"));
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_expire_and_private_paths_are_never_cached() {
        let cache = PageCache::new(1);
        cache.put(
            "k".into(),
            HeaderValue::from_static("text/html"),
            Bytes::from_static(b"x"),
        );
        assert!(cache.get("k").is_some());
        assert!(!cacheable_path("/konto"));
        assert!(!cacheable_path("/verwaltung/benutzer"));
        assert!(cacheable_path("/beteiligung"));
        let off = PageCache::new(0);
        assert!(!off.enabled());
        std::thread::sleep(Duration::from_millis(1_050));
        assert!(cache.get("k").is_none());
    }

    fn page(len: usize) -> Bytes {
        Bytes::from(vec![b'x'; len])
    }

    #[test]
    fn expired_pages_are_dropped_once_per_interval_not_only_when_full() {
        let cache = PageCache::new(1);
        let html = HeaderValue::from_static("text/html");
        // A crawler: many distinct addresses, each asked for once.
        for i in 0..100 {
            cache.put(format!("old-{i}"), html.clone(), page(1_000));
        }
        assert_eq!(cache.size(), (100, 100_000));
        std::thread::sleep(Duration::from_millis(1_050));
        cache.put("new".into(), html.clone(), page(10));
        // The 100 expired pages are gone at the first store after the interval.
        assert_eq!(cache.size(), (1, 10));
        assert!(cache.get("new").is_some());
        // Storing a page again counts its bytes once.
        cache.put("new".into(), html, page(20));
        assert_eq!(cache.size(), (1, 20));
    }

    #[test]
    fn the_bytes_kept_stay_bounded_and_oversized_pages_are_not_kept() {
        let cache = PageCache::new(60);
        let html = HeaderValue::from_static("text/html");
        cache.put("huge".into(), html.clone(), page(MAX_BODY + 1));
        assert_eq!(cache.size(), (0, 0));
        let n = MAX_BYTES / MAX_BODY + 5;
        for i in 0..n {
            cache.put(format!("big-{i}"), html.clone(), page(MAX_BODY));
            assert!(cache.size().1 <= MAX_BYTES, "after {i}: {:?}", cache.size());
        }
        // The newest page is always kept.
        assert!(cache.get(&format!("big-{}", n - 1)).is_some());
    }
}
