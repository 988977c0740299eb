//! `playbook serve`: glue between the CLI, the rebuild thread and the HTTP server.

use super::{eprint_diags, EXIT_OK, EXIT_USAGE};
use crate::serve::rebuild::Rebuilder;
use crate::serve::watch::{self, ChangeKind};
use crate::serve::{http, Shared};
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Build, serve, watch and rebuild until Ctrl-C.
pub fn run(root: &Path, host: &str, port: u16, open: bool) -> i32 {
    if !root.join("book.toml").exists() {
        eprintln!("error: no book.toml in {}\n  = help: run from the playbook's root, pass --root DIR, or create one with `playbook init DIR`", root.display());
        return EXIT_USAGE;
    }
    let shared = Shared::new();
    let mut rebuilder = Rebuilder::new(root);
    let t = Instant::now();
    match rebuilder.rebuild(&[ChangeKind::Config], 1) {
        Ok(Some(site)) => {
            let n = site.pages();
            shared.publish(site);
            eprintln!(
                "ready: {n} pages (each rendered when first asked for) in {} ms",
                t.elapsed().as_millis()
            );
        }
        Ok(None) => {}
        Err(d) => {
            eprint_diags(&d);
            eprintln!("the playbook has errors; serving an error page until they are fixed");
            shared.fail(&d);
        }
    }
    let build_dir = crate::config::Config::load(root)
        .map(|c| c.build.build_dir)
        .unwrap_or_else(|_| "book".into());
    let (tx, rx) = mpsc::channel::<Vec<ChangeKind>>();
    let _watcher = match watch::watch(root, &build_dir, tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    let rebuild_shared = shared.clone();
    std::thread::spawn(move || rebuild_loop(rebuilder, rx, rebuild_shared));

    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the server runtime: {e}");
            return EXIT_USAGE;
        }
    };
    rt.block_on(async move {
        let addr = format!("{host}:{port}");
        let listener = match tokio::net::TcpListener::bind(&addr).await {
            Ok(l) => l,
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                eprintln!("error: port {port} on {host} is already in use\n  = help: stop the other server or choose another port, e.g. `playbook serve --port {}`", port.saturating_add(1));
                return EXIT_USAGE;
            }
            Err(e) => {
                eprintln!("error: cannot listen on {addr}: {e}\n  = help: check --host and --port");
                return EXIT_USAGE;
            }
        };
        let local = listener.local_addr().map(|a| a.to_string()).unwrap_or(addr);
        eprintln!("serving on http://{local}/  (Ctrl-C to stop)");
        if open {
            let url = format!("http://{local}/");
            for opener in ["xdg-open", "open"] {
                if std::process::Command::new(opener).arg(&url).stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().is_ok() {
                    break;
                }
            }
        }
        let app = http::router(shared);
        let server = axum::serve(listener, app).with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        });
        if let Err(e) = server.await {
            eprintln!("error: server stopped: {e}");
            return EXIT_USAGE;
        }
        eprintln!("stopped");
        EXIT_OK
    })
}

fn rebuild_loop(mut rebuilder: Rebuilder, rx: mpsc::Receiver<Vec<ChangeKind>>, shared: Shared) {
    while let Ok(mut changes) = rx.recv() {
        // Coalesce a burst of saves into one rebuild.
        while let Ok(more) = rx.recv_timeout(Duration::from_millis(2)) {
            changes.extend(more);
        }
        changes.sort();
        changes.dedup();
        let t = Instant::now();
        let generation = shared.state.read().map(|s| s.generation).unwrap_or(0) + 1;
        match rebuilder.rebuild(&changes, generation) {
            Ok(Some(site)) => {
                shared.publish(site);
                eprintln!("rebuilt ({changes:?}) in {} ms", t.elapsed().as_millis());
            }
            Ok(None) => {
                // Same text as the site being served. After a failed rebuild
                // the error is cleared by publishing again, so this only
                // happens while the current site is good.
            }
            Err(d) => {
                eprint_diags(&d);
                eprintln!("rebuild failed; still serving the last good site");
                shared.fail(&d);
            }
        }
    }
}
