//! `playbook serve`: build into memory, serve over HTTP, watch the sources,
//! rebuild on change and tell every open page to reload — or to show the
//! error overlay while the last good site keeps being served.
//!
//! - [`watch`]: file events → debounced, filtered, classified [`ChangeKind`]s.
//! - [`rebuild`]: the rebuild policy; runs the same pipeline as `build`, in memory.
//! - [`http`]: the axum server: static files from memory, the SSE event stream.
//!
//! Serving never touches `book/`: the site lives in memory.

pub mod http;
pub mod rebuild;
pub mod watch;

use crate::diag::Diagnostics;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use tokio::sync::broadcast;

/// A built site held in memory.
#[derive(Debug, Default)]
pub struct Site {
    /// Path inside the site → bytes.
    pub files: HashMap<String, Arc<[u8]>>,
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

/// The script injected into every page in serve mode (never into `build` output).
pub fn reload_script(generation: u64) -> String {
    format!(
        "<script>window.PLAYBOOK_GENERATION={generation};</script><script src=\"/__playbook/live.js\"></script>"
    )
}

/// The live-reload client: SSE, scroll keeping, error overlay.
pub const LIVE_JS: &str = include_str!("live.js");
