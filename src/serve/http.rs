//! The HTTP side of the preview (axum): which requests are answered, and with what.
//!
//! Every answer comes from the in-memory site ([`Live`]); nothing here opens a file, so
//! `content/`, the rest of the disk and symlinks out of the site cannot be reached whatever the
//! path. On top of that the path is resolved strictly ([`paths::resolve`]), only GET and HEAD
//! are answered, and while the preview listens on loopback a request whose `Host` is not a
//! loopback name is refused, so that a web page on another name cannot read the preview
//! through DNS rebinding. No CORS header is ever sent.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::watch;

use super::live::{Live, Shown};
use super::overlay;
use super::paths;
use super::reload;

/// What every handler shares.
pub struct App {
    /// The site being served.
    pub live: Arc<Live>,
    /// Turns true when the server stops.
    pub stopping: watch::Receiver<bool>,
    /// Refuse requests whose `Host` is not loopback (when listening on loopback only).
    pub loopback_only: bool,
}

/// The routes: the reload stream and script, and every other path from the site.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route(reload::EVENTS, get(events))
        .route(reload::SCRIPT_PATH, get(script))
        .fallback(file)
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// Refuse a `Host` that is not loopback, before any route runs.
async fn guard(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let host = request.headers().get(header::HOST).and_then(|h| h.to_str().ok());
    if app.loopback_only && !host.is_some_and(is_loopback_host) {
        let text = "sakip-site serve answers only to localhost, 127.0.0.1 and [::1] (the Host header names another host)\n";
        return plain(StatusCode::MISDIRECTED_REQUEST, text);
    }
    next.run(request).await
}

/// `localhost`, `127.x.y.z` or `[::1]`, with or without a port.
fn is_loopback_host(host: &str) -> bool {
    let (name, port) = split_port(host);
    let bracketed = name.strip_prefix('[').and_then(|n| n.strip_suffix(']'));
    let loopback = name.eq_ignore_ascii_case("localhost")
        || name.parse::<Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
        || bracketed.is_some_and(|n| n.parse::<Ipv6Addr>().is_ok_and(|ip| ip.is_loopback()));
    loopback && port.is_none_or(|p| p.parse::<u16>().is_ok())
}

/// `name[:port]`, where an IPv6 address is the name in brackets.
fn split_port(host: &str) -> (&str, Option<&str>) {
    let end = if host.starts_with('[') {
        host.find(']').map_or(host.len(), |i| i + 1)
    } else {
        host.find(':').unwrap_or(host.len())
    };
    let (name, rest) = host.split_at(end);
    // Anything after the name that is not `:port` makes a port that does not parse.
    (name, if rest.is_empty() { None } else { Some(rest.strip_prefix(':').unwrap_or(rest)) })
}

async fn events(State(app): State<Arc<App>>) -> impl IntoResponse {
    let builds = app.live.subscribe();
    reload::events(app.live.shown().build, builds, app.stopping.clone())
}

async fn script() -> Response {
    respond("reload.js", reload::SCRIPT.as_bytes().to_vec(), StatusCode::OK)
}

/// A file of the site, its `404.html`, or the page of the errors while no build has succeeded.
async fn file(State(app): State<Arc<App>>, method: Method, uri: axum::http::Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n");
        response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let key = match paths::resolve(uri.path()) {
        Ok(key) => key,
        Err(refused) => return plain(StatusCode::BAD_REQUEST, &format!("{refused}\n")),
    };
    let shown = app.live.shown();
    let Some(files) = &shown.files else {
        let errors = overlay::page(shown.overlay.as_deref().unwrap_or(""), app.live.lang());
        return page("index.html", errors.as_bytes(), StatusCode::SERVICE_UNAVAILABLE, &shown);
    };
    if let Some(bytes) = files.get(&key) {
        return page(&key, bytes, StatusCode::OK, &shown);
    }
    if files.contains_key(&format!("{key}/index.html")) {
        // `/indikator/iku-1` → `/indikator/iku-1/`: the page's relative links need the slash.
        let mut response = StatusCode::PERMANENT_REDIRECT.into_response();
        if let Ok(location) = HeaderValue::from_str(&format!("{}/", uri.path())) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        return response;
    }
    match files.get("404.html") {
        Some(bytes) => page("404.html", bytes, StatusCode::NOT_FOUND, &shown),
        None => plain(StatusCode::NOT_FOUND, "not found\n"),
    }
}

/// A file of the site; an HTML page gets the reload script and the overlay of the last rebuild.
fn page(key: &str, bytes: &[u8], status: StatusCode, shown: &Shown) -> Response {
    let body = if key.ends_with(".html") {
        reload::inject(bytes, shown.build, shown.overlay.as_deref())
    } else {
        bytes.to_vec()
    };
    respond(key, body, status)
}

fn respond(key: &str, body: Vec<u8>, status: StatusCode) -> Response {
    let mut response = (status, Body::from(body)).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&content_type(key)) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    // A preview is always the newest build: never from the browser's cache.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

fn plain(status: StatusCode, text: &str) -> Response {
    respond("error.txt", text.as_bytes().to_vec(), status)
}

/// The media type of a file by its extension; texts say they are UTF-8, as the site writes them.
fn content_type(key: &str) -> String {
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    let text = mime.type_() == mime_guess::mime::TEXT
        || matches!(mime.subtype().as_str(), "json" | "javascript" | "xml")
        || mime.suffix().is_some_and(|s| s == mime_guess::mime::XML || s == mime_guess::mime::JSON);
    if text { format!("{mime}; charset=utf-8") } else { mime.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_are_loopback_hosts() {
        for host in [
            "localhost",
            "localhost:1111",
            "LOCALHOST:80",
            "127.0.0.1",
            "127.0.0.1:1111",
            "127.1.2.3:9",
            "[::1]",
            "[::1]:1111",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.evil.example",
            "10.0.0.1:1111",
            "0.0.0.0:1111",
            "::1",
            "[::2]:1111",
            "[::1",
            "localhost:",
            "localhost:99999",
            "localhost:1111:1",
            "",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }

    #[test]
    fn types_by_extension() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("static/style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("static/cari.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("data/capaian.csv"), "text/csv; charset=utf-8");
        assert_eq!(content_type("data/capaian.json"), "application/json; charset=utf-8");
        assert_eq!(content_type("sitemap.xml"), "text/xml; charset=utf-8");
        assert_eq!(content_type("bukti/2023/tw1.pdf"), "application/pdf");
        assert_eq!(content_type("bukti/2023/foto.png"), "image/png");
        assert_eq!(content_type("bukti/2023/berkas"), "application/octet-stream");
    }
}
