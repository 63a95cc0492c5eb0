//! The middleware stack, outermost first:
//! 1. [`observe`]: request id, access log, metrics, security headers;
//! 2. [`session`]: session cookie → principal, locale, CSRF token, the admin
//!    second-factor rule;
//! 3. [`header_limits`]: our limits on the request head (a German 431 page
//!    below hyper's hard limits, which answer an empty 431);
//! 4. [`error_pages`]: turns error markers into full pages;
//! 5. [`csrf`]: body limit (with a per-client count and a few permits for
//!    public uploads larger than `max_body_bytes`), Origin / Sec-Fetch-Site
//!    and token check on every state-changing request.

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use dias_core::crypto;
use dias_core::i18n;

use crate::context::{Ctx, RequestInfo};
use crate::error::{AppError, ErrorPage};
use crate::pages::ErrorTemplate;
use crate::state::AppState;

pub const CSRF_FIELD: &str = "_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";
pub const LANG_COOKIE: &str = "dias_lang";

/// Content Security Policy: nothing inline, nothing from elsewhere.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

pub fn session_cookie_name(state: &AppState) -> &'static str {
    if state.config.secure_cookies() {
        "__Host-dias_session"
    } else {
        "dias_session"
    }
}

/// `Set-Cookie` for a new session token.
pub fn session_cookie(state: &AppState, token: &str) -> HeaderValue {
    let secure = if state.config.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let value = format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        session_cookie_name(state),
        state.config.session_absolute_secs
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// `Set-Cookie` that removes the session cookie.
pub fn clear_session_cookie(state: &AppState) -> HeaderValue {
    let secure = if state.config.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let value = format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
        session_cookie_name(state)
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub fn lang_cookie(state: &AppState, locale: &str) -> HeaderValue {
    let secure = if state.config.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{LANG_COOKIE}={locale}; Path=/; SameSite=Lax; Max-Age=31536000{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The client address our reverse proxy reports: the rightmost entry of the
/// last `X-Forwarded-For` field. Exactly one trusted proxy is assumed; a
/// proxy that appends (`$proxy_add_x_forwarded_for`) keeps whatever the
/// client sent on the left, so only the rightmost entry is the proxy's own.
/// `None` when that entry is no address (then the socket address is used,
/// never an entry the client could have written).
fn forwarded_client(headers: &HeaderMap) -> Option<IpAddr> {
    headers
        .get_all("x-forwarded-for")
        .iter()
        .next_back()
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .and_then(|v| v.trim().parse().ok())
}

fn client_ip(req: &Request, trust_proxy: bool) -> IpAddr {
    if trust_proxy && let Some(ip) = forwarded_client(req.headers()) {
        return ip;
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]))
}

/// Request id, log line, metrics and security headers.
pub async fn observe(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let request_id = crypto::random_token()[..12].to_owned();
    let method = req.method().clone();
    // Private links carry their secret in the path; the log never does.
    let path = state.registry.loggable_path(req.uri().path()).into_owned();
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let mut response = next.run(req).await;
    let status = response.status();
    let elapsed = started.elapsed();
    state
        .metrics
        .observe(status.as_u16(), elapsed.as_micros() as u64);
    if !path.starts_with("/static/") {
        tracing::info!(request_id = %request_id, %method, %path, status = status.as_u16(), ms = elapsed.as_millis() as u64, "request");
    }
    let headers = response.headers_mut();
    let set = |headers: &mut HeaderMap, name: &'static str, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(headers, "content-security-policy", CSP);
    set(headers, "x-content-type-options", "nosniff");
    set(headers, "x-frame-options", "DENY");
    set(headers, "referrer-policy", "same-origin");
    set(headers, "cross-origin-opener-policy", "same-origin");
    set(headers, "cross-origin-resource-policy", "same-origin");
    set(
        headers,
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    );
    if state.config.secure_cookies() {
        set(
            headers,
            "strict-transport-security",
            "max-age=31536000; includeSubDomains",
        );
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        set(headers, "cache-control", "no-cache, private");
    }
    headers.append(header::VARY, HeaderValue::from_static("HX-Request"));
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        headers.insert("x-request-id", value);
    }
    response
}

#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Paths an admin without a second factor may still reach.
fn allowed_without_second_factor(path: &str) -> bool {
    path.starts_with("/konto/zweiter-faktor/")
        || path == "/konto/abmelden"
        || path.starts_with("/static/")
        || path == "/healthz"
}

/// Resolves the session, the principal and the locale.
pub async fn session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let cookie_name = session_cookie_name(&state);
    let token = cookie(req.headers(), cookie_name).map(str::to_owned);
    let mut clear_cookie = false;
    let mut session = None;
    let mut principal = None;
    if let Some(token) = &token {
        match dias_core::sessions::load(&state.db, token, state.session_timeouts()).await {
            Ok(Some(record)) => {
                match dias_core::accounts::active_user(&state.db, record.user_id).await {
                    Ok(Some(user)) => {
                        if !record.mfa_pending {
                            principal = dias_core::accounts::principal(&user);
                        }
                        session = Some(record);
                    }
                    Ok(None) => clear_cookie = true,
                    Err(e) => return AppError::Internal(e.to_string()).into_response(),
                }
            }
            Ok(None) => clear_cookie = true,
            Err(e) => return AppError::Internal(e.to_string()).into_response(),
        }
    }
    // German unless the person chose otherwise (profile or language button):
    // the portal is a German authority's, and its content is written in German.
    let locale = match (&principal, cookie(req.headers(), LANG_COOKIE)) {
        (Some(p), _) => i18n::normalize(&p.locale),
        (None, Some(lang)) => i18n::normalize(lang),
        (None, None) => i18n::DEFAULT_LOCALE,
    };
    let csrf = match &session {
        Some(s) => s.csrf_token.clone(),
        None => anonymous_csrf_token(&state, dias_core::time::now()),
    };
    let path = req.uri().path().to_owned();
    let must_enrol = principal
        .as_ref()
        .is_some_and(|p| p.role == dias_core::policy::Role::Admin && !p.totp_enabled);
    // One indexed count for the header badge, only for signed-in people and
    // not for assets.
    let unread_notifications = match &principal {
        Some(p) if !path.starts_with("/static/") => {
            dias_core::notifications::unread_count(&state.db, p.user_id)
                .await
                .unwrap_or(0)
        }
        _ => 0,
    };
    // The content module's menus come from its cache (no query per page).
    let site = match state.registry.site() {
        Some(site)
            if !["/static/", "/api/"].iter().any(|p| path.starts_with(p))
                && path != "/healthz"
                && path != "/metrics" =>
        {
            site.snapshot(&state.db).await
        }
        _ => std::sync::Arc::default(),
    };
    let info = RequestInfo {
        site,
        request_id,
        session,
        principal,
        locale,
        csrf,
        client_ip: client_ip(&req, state.config.trust_proxy_headers),
        htmx: req.headers().contains_key("hx-request"),
        unread_notifications,
    };
    req.extensions_mut().insert(info);
    let mut response = if must_enrol && !allowed_without_second_factor(&path) {
        crate::forms::see_other("/konto/zweiter-faktor/einrichten")
    } else {
        next.run(req).await
    };
    if clear_cookie && !response.headers().contains_key(header::SET_COOKIE) {
        response
            .headers_mut()
            .append(header::SET_COOKIE, clear_session_cookie(&state));
    }
    response
}

/// A signed, time-limited token for visitors without a session (sign-in and
/// registration forms), so that they get no cookie at all.
pub fn anonymous_csrf_token(state: &AppState, now: i64) -> String {
    let issued = now / 3600;
    let sig = crypto::sign(
        state.config.secret_key.expose().as_bytes(),
        &format!("csrf:{issued}"),
    );
    format!("a.{issued}.{sig}")
}

fn anonymous_token_valid(state: &AppState, token: &str, now: i64) -> bool {
    let mut parts = token.splitn(3, '.');
    let (Some("a"), Some(issued), Some(sig)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let Ok(issued) = issued.parse::<i64>() else {
        return false;
    };
    let age_hours = now / 3600 - issued;
    (0..=12).contains(&age_hours)
        && crypto::constant_time_eq(
            sig,
            &crypto::sign(
                state.config.secret_key.expose().as_bytes(),
                &format!("csrf:{issued}"),
            ),
        )
}

fn same_origin(state: &AppState, headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(origin) => {
            let host_origin = headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .map(|host| {
                    let scheme = if state.config.secure_cookies() {
                        "https"
                    } else {
                        "http"
                    };
                    format!("{scheme}://{host}")
                });
            origin == state.config.public_url || Some(origin.to_owned()) == host_origin
        }
    }
}

/// Rate-limit bucket of requests to public upload paths (before their body
/// is read); `upload_limit` (configuration) per client and hour.
pub const LARGE_BODY_BUCKET: &str = "large-body";

/// 503 with `Retry-After` when every large-body permit stayed taken: the
/// instance is busy, not the client too fast, so it may retry soon.
fn busy() -> Response {
    let mut response = AppError::TooManyRequests(BUSY_RETRY_SECS).into_response();
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    if let Some(page) = response.extensions_mut().get_mut::<ErrorPage>() {
        page.status = StatusCode::SERVICE_UNAVAILABLE;
    }
    response
}

const BUSY_RETRY_SECS: i64 = 10;

/// Body limit and CSRF protection for every state-changing request.
pub async fn csrf(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    if !same_origin(&state, req.headers()) {
        return AppError::Csrf.into_response();
    }
    let Some(info) = req.extensions().get::<RequestInfo>().cloned() else {
        return AppError::Csrf.into_response();
    };
    let default = state.config.max_body_bytes;
    let limit = state.registry.body_limit(
        req.uri().path(),
        info.principal.as_ref().map(|who| who.role),
        default,
    );
    // A body that announces more than the limit is refused on its headers,
    // before a byte of it is read: the client gets the 413 page at once
    // (a client that waits for `100 Continue` never sends the body).
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if announced.is_some_and(|bytes| bytes > limit as u64) {
        return AppError::PayloadTooLarge.into_response();
    }
    // A public upload path makes the server buffer up to its larger limit
    // for anybody: count the request per client before reading a byte, and
    // read only a few such bodies at once. The permit lives until the
    // handler has answered.
    let _permit = if limit > default
        && state.registry.body_limit(req.uri().path(), None, default) > default
    {
        if let Err(secs) = state.limits.check(
            LARGE_BODY_BUCKET,
            info.client_ip,
            state.config.upload_limit,
            3600,
        ) {
            return AppError::TooManyRequests(secs).into_response();
        }
        match state
            .limits
            .large_body_permit(crate::ratelimit::LARGE_BODY_WAIT)
            .await
        {
            Some(permit) => Some(permit),
            None => return busy(),
        }
    } else {
        None
    };
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => bytes,
        Err(_) => return AppError::PayloadTooLarge.into_response(),
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let from_header = parts
        .headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let from_form = if content_type.starts_with("application/x-www-form-urlencoded") {
        serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
            .ok()
            .and_then(|pairs| {
                pairs
                    .into_iter()
                    .find(|(k, _)| k == CSRF_FIELD)
                    .map(|(_, v)| v)
            })
    } else if from_header.is_none() && crate::upload::is_multipart(content_type) {
        // A body that is no readable form of ours (broken, or more parts
        // than any form has) is refused as such, not as a CSRF failure.
        match crate::upload::MultipartForm::parse(content_type, bytes.clone()).await {
            Some(form) => Some(form.text(CSRF_FIELD)).filter(|token| !token.is_empty()),
            None => {
                return AppError::BadRequest("error-upload-unreadable".into()).into_response();
            }
        }
    } else {
        None
    };
    let Some(token) = from_header.or(from_form) else {
        return AppError::Csrf.into_response();
    };
    let valid = match &info.session {
        Some(session) => crypto::constant_time_eq(&token, &session.csrf_token),
        None => anonymous_token_valid(&state, &token, dias_core::time::now()),
    };
    if !valid {
        return AppError::Csrf.into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// The one rule of every paginated list (`?seite=`): a value that is not
/// an integer from 1 to [`MAX_PAGE`](crate::components::MAX_PAGE) is a 400
/// ("Diese Seitenzahl gibt es nicht.") before any handler runs, and a page
/// beyond the list's last page — noted by
/// [`Pagination::new`](crate::components::Pagination::new) — turns the
/// list's 200 into a 404. Page 1 of an empty list stays a 200.
pub async fn pagination(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD)
        && let Some(query) = req.uri().query()
        && query.contains(crate::components::PAGE_PARAM)
    {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
        if pairs.iter().any(|(k, v)| {
            k == crate::components::PAGE_PARAM
                && !v.trim().is_empty()
                && crate::components::parse_page(v).is_none()
        }) {
            return AppError::BadRequest("error-page-number".into()).into_response();
        }
    }
    let (beyond, response) = crate::components::BEYOND_LAST
        .scope(std::cell::Cell::new(false), async move {
            let response = next.run(req).await;
            (
                crate::components::BEYOND_LAST.with(std::cell::Cell::get),
                response,
            )
        })
        .await;
    if beyond && response.status() == StatusCode::OK {
        return AppError::NotFound.into_response();
    }
    response
}

/// Header fields (values, counting a repeated name once per value) a
/// request may carry. hyper refuses more than 100 with an empty 431 before
/// the router sees the request; below that, [`header_limits`] answers with
/// the German page. Browsers send about 10–20.
pub const MAX_REQUEST_HEADERS: usize = 64;
/// Bytes of all header names and values of a request together (a cookie
/// jar grown too large for the site, a runaway client). hyper's own limit
/// is its read buffer of about 400 KB, far above.
pub const MAX_REQUEST_HEADER_BYTES: usize = 32 * 1024;

/// Whether a request head stays within [`MAX_REQUEST_HEADERS`] and
/// [`MAX_REQUEST_HEADER_BYTES`] (names, values and `: ` plus CRLF each).
pub fn headers_within_limits(headers: &HeaderMap) -> bool {
    headers.len() <= MAX_REQUEST_HEADERS
        && headers
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len() + 4)
            .sum::<usize>()
            <= MAX_REQUEST_HEADER_BYTES
}

/// 431 with the German error page for a request head beyond our limits;
/// runs before the page cache, so no request of that size gets a page.
pub async fn header_limits(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if headers_within_limits(req.headers()) {
        return next.run(req).await;
    }
    let (parts, _) = req.into_parts();
    let ctx = Ctx::from_parts(&parts, &state);
    let status = StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE;
    let mut response = status.into_response();
    response.extensions_mut().insert(ErrorPage {
        status,
        message: "error-headers-too-large",
        detail: None,
    });
    render_error_page(ctx, response)
}

/// Renders error markers as full pages, or as JSON for an API: `/api/…` and
/// a module's `/{module}/api/…` (not deeper, where `api` may be a slug).
pub async fn error_pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let ctx = Ctx::from_parts(&parts, &state);
    let response = next.run(Request::from_parts(parts, body)).await;
    render_error_page(ctx, response)
}

/// The page (or JSON) for a response carrying an [`ErrorPage`] marker;
/// other responses pass unchanged.
fn render_error_page(ctx: Ctx, response: Response) -> Response {
    let Some(error) = response.extensions().get::<ErrorPage>().cloned() else {
        return response;
    };
    let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
    let mut segments = ctx.path.trim_start_matches('/').split('/');
    let is_api = segments.next() == Some("api") || segments.next() == Some("api");
    let mut rendered = if is_api {
        (
            error.status,
            axum::Json(serde_json::json!({
                "error": ctx.t(error.message),
                "detail": error.detail.as_deref().map(|d| ctx.t(d)),
                "status": error.status.as_u16(),
                "request_id": ctx.info.request_id,
            })),
        )
            .into_response()
    } else {
        let template = ErrorTemplate {
            title: ctx.t(&format!("{}-title", error.message)),
            message: ctx.t(error.message),
            // Details are message ids where the core names the reason.
            detail: error.detail.as_deref().map(|d| ctx.t(d)),
            status: error.status.as_u16(),
            ctx,
        };
        match askama::Template::render(&template) {
            Ok(html) => (error.status, axum::response::Html(html)).into_response(),
            Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "error page failed").into_response(),
        }
    };
    if let Some(value) = retry_after {
        rendered.headers_mut().insert(header::RETRY_AFTER, value);
    }
    if is_api {
        // Scripts of other sites may read the public APIs, so they must be
        // able to read why a request failed too. `*` never lets a browser
        // send credentials along.
        rendered.headers_mut().insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            header::HeaderValue::from_static("*"),
        );
    }
    rendered
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(values: &[&str]) -> Option<IpAddr> {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        }
        forwarded_client(&headers)
    }

    #[test]
    fn the_client_is_the_address_our_proxy_added_last() {
        // nginx `$proxy_add_x_forwarded_for` keeps what the client sent.
        assert_eq!(
            forwarded(&["203.0.113.66, 198.51.100.7"]),
            Some("198.51.100.7".parse().unwrap())
        );
        assert_eq!(
            forwarded(&["203.0.113.66,2001:db8::5"]),
            Some("2001:db8::5".parse().unwrap())
        );
        assert_eq!(
            forwarded(&["198.51.100.7"]),
            Some("198.51.100.7".parse().unwrap())
        );
        // A second field (a client's own) before the proxy's last one.
        assert_eq!(
            forwarded(&["203.0.113.66", "198.51.100.7"]),
            Some("198.51.100.7".parse().unwrap())
        );
    }

    #[test]
    fn a_rightmost_entry_that_is_no_address_is_not_replaced_by_a_client_one() {
        assert_eq!(forwarded(&["203.0.113.66, unknown"]), None);
        assert_eq!(forwarded(&["203.0.113.66, "]), None);
        assert_eq!(forwarded(&[]), None);
    }
}
