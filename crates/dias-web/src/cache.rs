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

#[derive(Debug)]
struct Entry {
    stored: Instant,
    content_type: HeaderValue,
    body: Bytes,
}

#[derive(Debug)]
pub struct PageCache {
    ttl: Duration,
    entries: RwLock<HashMap<String, Entry>>,
}

impl PageCache {
    pub fn new(ttl_secs: u64) -> Self {
        PageCache {
            ttl: Duration::from_secs(ttl_secs),
            entries: RwLock::new(HashMap::new()),
        }
    }

    fn enabled(&self) -> bool {
        !self.ttl.is_zero()
    }

    fn get(&self, key: &str) -> Option<(HeaderValue, Bytes)> {
        let entries = self.entries.read().ok()?;
        let entry = entries.get(key)?;
        (entry.stored.elapsed() < self.ttl)
            .then(|| (entry.content_type.clone(), entry.body.clone()))
    }

    fn put(&self, key: String, content_type: HeaderValue, body: Bytes) {
        let Ok(mut entries) = self.entries.write() else {
            return;
        };
        if entries.len() >= MAX_ENTRIES {
            let ttl = self.ttl;
            entries.retain(|_, e| e.stored.elapsed() < ttl);
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(
            key,
            Entry {
                stored: Instant::now(),
                content_type,
                body,
            },
        );
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
}
