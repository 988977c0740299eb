//! `playbook serve`: build into memory, serve over HTTP, watch the sources,
//! rebuild on change and tell every open page to reload — or to show the
//! error overlay while the last good site keeps being served.
//!
//! - [`watch`]: file events → debounced, filtered, classified [`watch::ChangeKind`]s.
//! - [`rebuild`]: the rebuild policy; runs the same pipeline as `build`, in memory.
//! - [`http`]: the axum server: static files from memory, the SSE event stream;
//!   the only place that starts tokio and axum.
//! - [`host_guard`]: which `Host` headers are answered (DNS rebinding).
//!
//! Serving never touches `book/`: the site lives in memory.

pub mod host_guard;
pub mod http;
pub mod rebuild;
pub mod watch;

use playbook_content::diag::Diagnostics;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use tokio::sync::broadcast;

/// A site held in memory: the files rendered so far, and (while this
/// generation is current) a renderer thread that makes the rest on request.
/// A rebuild therefore costs loading and resolving the playbook; each page
/// is rendered when a browser first asks for it, then kept.
#[derive(Debug, Default)]
pub struct Site {
    files: RwLock<HashMap<String, Arc<[u8]>>>,
    renderer: Option<std::sync::Mutex<std::sync::mpsc::Sender<rebuild::RenderRequest>>>,
    /// Every file has been rendered (the whole site was needed once).
    complete: std::sync::atomic::AtomicBool,
    /// Number of HTML pages, once known.
    pages: std::sync::OnceLock<usize>,
    /// Where the renderer thread sends the page count when its units are ready.
    pages_from: std::sync::Mutex<Option<std::sync::mpsc::Receiver<usize>>>,
}

impl Site {
    /// A site rendered on request by the thread behind `renderer`, which
    /// sends the number of pages on `pages` once it has prepared the site.
    pub fn on_demand(
        renderer: std::sync::mpsc::Sender<rebuild::RenderRequest>,
        pages: std::sync::mpsc::Receiver<usize>,
    ) -> Site {
        Site {
            files: RwLock::default(),
            renderer: Some(std::sync::Mutex::new(renderer)),
            complete: std::sync::atomic::AtomicBool::new(false),
            pages: std::sync::OnceLock::new(),
            pages_from: std::sync::Mutex::new(Some(pages)),
        }
    }

    /// Number of HTML pages (waits until the renderer has prepared the site).
    pub fn pages(&self) -> usize {
        *self.pages.get_or_init(|| {
            let rx = self
                .pages_from
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take();
            rx.and_then(|rx| rx.recv().ok()).unwrap_or(0)
        })
    }

    fn cached(&self, path: &str) -> Option<Arc<[u8]>> {
        self.files
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
            .cloned()
    }

    /// The file at `path` (rendering it, and what is made with it, if
    /// needed). Blocks while rendering: call it off the async runtime.
    pub fn get(&self, path: &str) -> Result<Option<Arc<[u8]>>, Diagnostics> {
        use std::sync::atomic::Ordering;
        if let Some(b) = self.cached(path) {
            return Ok(Some(b));
        }
        if self.complete.load(Ordering::Acquire) {
            return Ok(None);
        }
        let Some(tx) = &self.renderer else {
            return Ok(None);
        };
        let (reply, answer) = std::sync::mpsc::sync_channel(1);
        let sent = tx
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .send(rebuild::RenderRequest {
                path: path.to_string(),
                reply,
            });
        if sent.is_err() {
            return Ok(None);
        }
        let (files, whole) = match answer.recv() {
            Ok(r) => r?,
            Err(_) => return Ok(None),
        };
        {
            let mut m = self.files.write().unwrap_or_else(|e| e.into_inner());
            for f in files {
                m.entry(f.path).or_insert_with(|| Arc::from(f.bytes));
            }
        }
        if whole {
            self.complete.store(true, Ordering::Release);
        }
        Ok(self.cached(path))
    }
}

/// What the server knows right now: the last good site and the current error, if any.
#[derive(Debug, Default)]
pub struct State {
    /// The last site that built.
    pub site: Arc<Site>,
    /// Increases on each successful rebuild; pages carry the generation they were built at.
    pub generation: u64,
    /// Diagnostics of the last failed rebuild, as JSON, until a rebuild succeeds.
    pub error: Option<String>,
}

/// An event sent to open pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A new site is ready: reload.
    Reload(u64),
    /// The last rebuild failed: show these diagnostics (JSON).
    Error(String),
}

/// Shared between the HTTP server and the rebuild thread.
#[derive(Clone)]
pub struct Shared {
    /// Current state.
    pub state: Arc<RwLock<State>>,
    /// Event fan-out to SSE clients.
    pub events: broadcast::Sender<Event>,
}

impl Shared {
    /// A fresh shared state.
    pub fn new() -> Self {
        let (events, _) = broadcast::channel(64);
        Shared {
            state: Arc::new(RwLock::new(State::default())),
            events,
        }
    }

    /// Publish a new good site and notify pages.
    pub fn publish(&self, site: Site) -> u64 {
        let generation = {
            let mut s = self.state.write().unwrap_or_else(|e| e.into_inner());
            s.generation += 1;
            s.site = Arc::new(site);
            s.error = None;
            s.generation
        };
        let _ = self.events.send(Event::Reload(generation));
        generation
    }

    /// Keep the last good site, remember and broadcast the error.
    pub fn fail(&self, diags: &Diagnostics) {
        let json = diags.render_json();
        {
            let mut s = self.state.write().unwrap_or_else(|e| e.into_inner());
            s.error = Some(json.clone());
        }
        let _ = self.events.send(Event::Error(json));
    }
}

impl Default for Shared {
    fn default() -> Self {
        Self::new()
    }
}

/// The script injected into every page in serve mode (never into `build`
/// output): a script file, with the site's generation as an attribute, so
/// the page's Content-Security-Policy (own scripts only) lets it run.
pub fn reload_script(generation: u64) -> String {
    format!("<script src=\"/__playbook/live.js\" data-generation=\"{generation}\"></script>")
}

/// The live-reload client: SSE, scroll keeping, error overlay.
pub const LIVE_JS: &str = include_str!("live.js");
