//! Oversized request heads: our own limits (header count and bytes) answer
//! with the German 431 page, below hyper's hard limits, which answer with
//! an empty 431 before the router sees the request.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dias_web::middleware::{MAX_REQUEST_HEADER_BYTES, MAX_REQUEST_HEADERS};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::TestApp;

const TITLE: &str = "Zu viele oder zu lange Kopfzeilen";

fn with_headers(path: &str, headers: &[(String, String)]) -> Request<Body> {
    let mut builder = Request::builder().uri(path);
    for (name, value) in headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    builder.body(Body::empty()).unwrap()
}

fn numbered(count: usize) -> Vec<(String, String)> {
    (0..count)
        .map(|i| (format!("x-test-{i}"), "wert".to_owned()))
        .collect()
}

#[tokio::test]
async fn too_many_or_too_large_headers_get_the_german_431_page() {
    let app = TestApp::new().await;
    let fine = app
        .request(with_headers("/", &numbered(MAX_REQUEST_HEADERS)))
        .await;
    assert_eq!(fine.status, StatusCode::OK);

    let many = app
        .request(with_headers("/", &numbered(MAX_REQUEST_HEADERS + 1)))
        .await;
    assert_eq!(many.status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    assert!(many.text("h1").contains(TITLE), "{}", many.body);
    assert!(many.body.contains("Cookies"), "{}", many.body);
    assert_eq!(many.attr("html", "lang").as_deref(), Some("de"));

    // One long cookie is counted in bytes, also on a page the cache knows.
    let cookie = vec![(
        "cookie".to_owned(),
        format!("a={}", "x".repeat(MAX_REQUEST_HEADER_BYTES)),
    )];
    let large = app.request(with_headers("/", &cookie)).await;
    assert_eq!(large.status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    assert!(large.text("h1").contains(TITLE), "{}", large.body);
    let large_post = app
        .request(
            Request::builder()
                .method("POST")
                .uri("/konto/anmelden")
                .header("cookie", &cookie[0].1)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        large_post.status,
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE
    );
}

/// Sends `head` (without the final CRLF) to a real server and returns the
/// whole answer.
async fn raw_exchange(address: SocketAddr, head: &str) -> String {
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream
        .write_all(format!("{head}Connection: close\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("the server answers")
        .unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn the_real_server_lets_our_limit_answer_before_hypers() {
    let app = TestApp::new().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let service = app
        .router
        .clone()
        .into_make_service_with_connect_info::<SocketAddr>();
    let server = tokio::spawn(async move { axum::serve(listener, service).await });

    // Above our count, below hyper's 100 header fields.
    let mut head = format!("GET / HTTP/1.1\r\nHost: {address}\r\n");
    for i in 0..MAX_REQUEST_HEADERS + 10 {
        head.push_str(&format!("X-Test-{i}: wert\r\n"));
    }
    let answer = raw_exchange(address, &head).await;
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
    assert!(answer.contains(TITLE), "{answer}");

    // Above our bytes, far below hyper's read buffer.
    let head = format!(
        "GET / HTTP/1.1\r\nHost: {address}\r\nCookie: a={}\r\n",
        "x".repeat(MAX_REQUEST_HEADER_BYTES)
    );
    let answer = raw_exchange(address, &head).await;
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
    assert!(answer.contains(TITLE), "{answer}");

    let ordinary = raw_exchange(address, &format!("GET / HTTP/1.1\r\nHost: {address}\r\n")).await;
    assert!(ordinary.starts_with("HTTP/1.1 200"), "{ordinary}");
    server.abort();
}
