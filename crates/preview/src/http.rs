//! The dev server's HTTP side: files from the in-memory site (so nothing
//! outside the site can ever be served), the site's 404 page, no caching,
//! and `/__playbook/events`, a Server-Sent Events stream of rebuilds.

use super::host_guard::HostGuard;
use super::{Event, Shared, LIVE_JS};
use axum::body::Body;
use axum::extract::State as AxState;
use axum::http::{header, HeaderValue, Request, Response, StatusCode};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use futures_util::stream::Stream;
use std::convert::Infallible;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::StreamExt;

/// The router: events, the live-reload script, then every other path from
/// memory; a request whose `Host` the guard does not allow gets 403 first.
pub fn router(shared: Shared, guard: HostGuard) -> Router {
    Router::new()
        .route("/__playbook/events", get(events))
        .route("/__playbook/live.js", get(live_js))
        .fallback(get(file))
        .with_state(shared)
        .layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::new(guard),
            check_host,
        ))
}

async fn check_host(
    AxState(guard): AxState<std::sync::Arc<HostGuard>>,
    req: Request<Body>,
    next: axum::middleware::Next,
) -> Response<Body> {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| req.uri().authority().map(|a| a.as_str()));
    if guard.allows(host) {
        return next.run(req).await;
    }
    respond(
        StatusCode::FORBIDDEN,
        "text/plain; charset=utf-8",
        Body::from(
            "403: this preview answers only to localhost and the address it listens on.\n\
             Open it at that address, or start it with `playbook serve --allow-host NAME`.\n",
        ),
    )
}

/// Why the server could not start.
#[derive(Debug)]
pub enum StartError {
    /// Another program listens on that port.
    PortInUse,
    /// Binding failed for another reason (a bad `--host`, no permission).
    Bind(std::io::Error),
    /// The async runtime could not start.
    Runtime(std::io::Error),
    /// The server stopped with an error.
    Stopped(std::io::Error),
}

/// Bind `host:port` and serve `shared` until Ctrl-C. `on_listening` is told
/// the address actually bound (port 0 picks a free one) before the first
/// request is answered. This is the only place that starts tokio and axum.
pub fn run(
    host: &str,
    port: u16,
    guard: HostGuard,
    shared: Shared,
    on_listening: impl FnOnce(std::net::SocketAddr),
) -> Result<(), StartError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(StartError::Runtime)?;
    rt.block_on(async move {
        let addr = format!("{}:{port}", bracket_v6(host));
        let listener = match tokio::net::TcpListener::bind(&addr).await {
            Ok(l) => l,
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                return Err(StartError::PortInUse)
            }
            Err(e) => return Err(StartError::Bind(e)),
        };
        let local = listener.local_addr().map_err(StartError::Bind)?;
        on_listening(local);
        let app = router(shared, guard);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(StartError::Stopped)
    })
}

/// `::1` → `[::1]`, so `host:port` parses.
fn bracket_v6(host: &str) -> String {
    if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]")
    } else {
        host.to_string()
    }
}

async fn live_js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        LIVE_JS,
    )
}

async fn events(
    AxState(shared): AxState<Shared>,
) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>>> {
    let rx = shared.events.subscribe();
    let hello = {
        let s = shared.state.read().unwrap_or_else(|e| e.into_inner());
        serde_json::json!({"generation": s.generation, "error": s.error}).to_string()
    };
    let first = tokio_stream::once(Ok(SseEvent::default().event("hello").data(hello)));
    let rest = BroadcastStream::new(rx).filter_map(|ev| match ev {
        Ok(Event::Reload(g)) => Some(Ok(SseEvent::default().event("reload").data(g.to_string()))),
        Ok(Event::Error(json)) => Some(Ok(SseEvent::default().event("build-error").data(json))),
        Err(_) => None,
    });
    Sse::new(first.chain(rest)).keep_alive(KeepAlive::default())
}

/// Decode `%XX` escapes; `None` if the result is not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Map a request path to a key of the in-memory site, refusing anything that
/// tries to leave it (`..`, encoded or not, backslashes, NUL).
pub fn site_key(path: &str) -> Option<String> {
    let decoded = percent_decode(path)?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// MIME type by extension.
pub fn mime(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "csv" => "text/csv; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "ico" => "image/x-icon",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

fn respond(status: StatusCode, content_type: &str, body: Body) -> Response<Body> {
    let mut r = Response::new(body);
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    r
}

async fn file(AxState(shared): AxState<Shared>, req: Request<Body>) -> Response<Body> {
    let site = {
        let s = shared.state.read().unwrap_or_else(|e| e.into_inner());
        s.site.clone()
    };
    let raw = req.uri().path().to_string();
    let Some(key) = site_key(&raw) else {
        return respond(
            StatusCode::BAD_REQUEST,
            "text/plain; charset=utf-8",
            Body::from("bad path\n"),
        );
    };
    // Pages may need rendering: do it off the async runtime.
    match tokio::task::spawn_blocking(move || lookup(&site, &key, &raw)).await {
        Ok(r) => r,
        Err(_) => respond(
            StatusCode::INTERNAL_SERVER_ERROR,
            "text/plain; charset=utf-8",
            Body::from("internal error\n"),
        ),
    }
}

/// Answer a request for site path `key` (`raw` as asked, for the redirect).
fn lookup(site: &super::Site, key: &str, raw: &str) -> Response<Body> {
    let candidates = if key.is_empty() {
        vec!["index.html".to_string()]
    } else {
        vec![key.to_string(), format!("{key}/index.html")]
    };
    for (i, c) in candidates.iter().enumerate() {
        match site.get(c) {
            Ok(Some(bytes)) => {
                if i == 1 && !raw.ends_with('/') {
                    // A folder without its slash: redirect so relative links resolve.
                    let mut r = respond(
                        StatusCode::MOVED_PERMANENTLY,
                        "text/plain; charset=utf-8",
                        Body::empty(),
                    );
                    if let Ok(v) = HeaderValue::from_str(&format!("{raw}/")) {
                        r.headers_mut().insert(header::LOCATION, v);
                    }
                    return r;
                }
                return respond(StatusCode::OK, mime(c), Body::from(bytes.to_vec()));
            }
            Ok(None) => {}
            Err(d) => {
                // A template failed on this page: show why, as text.
                return respond(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "text/plain; charset=utf-8",
                    Body::from(d.render_text()),
                );
            }
        }
    }
    match site.get("404.html") {
        Ok(Some(b)) => respond(
            StatusCode::NOT_FOUND,
            "text/html; charset=utf-8",
            Body::from(b.to_vec()),
        ),
        _ => respond(
            StatusCode::NOT_FOUND,
            "text/plain; charset=utf-8",
            Body::from("not found\n"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_is_refused_plain_and_encoded() {
        assert_eq!(site_key("/markets/de/"), Some("markets/de".into()));
        assert_eq!(site_key("/../etc/passwd"), None);
        assert_eq!(site_key("/%2e%2e/etc/passwd"), None);
        assert_eq!(site_key("/a/%2E%2E/%2E%2E/x"), None);
        assert_eq!(site_key("/a\\..\\b"), None);
        assert_eq!(site_key("/a%00b"), None);
    }

    #[test]
    fn percent_decoding_handles_utf8_and_rejects_junk() {
        assert_eq!(percent_decode("/caf%C3%A9"), Some("/café".into()));
        assert_eq!(percent_decode("/%ff"), None);
    }

    #[test]
    fn mime_types_are_right() {
        assert_eq!(mime("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(mime("theme/style.css"), "text/css; charset=utf-8");
        assert_eq!(mime("theme/favicon.svg"), "image/svg+xml");
        assert_eq!(mime("theme/search.js"), "text/javascript; charset=utf-8");
        assert_eq!(mime("fulltext/manifest.json"), "application/json");
        assert_eq!(mime("x.wasm"), "application/wasm");
        assert_eq!(
            mime("fulltext/terms/0123456789abcdef.bin"),
            "application/octet-stream"
        );
    }
}
