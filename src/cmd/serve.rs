//! `playbook serve`: glue between the CLI, the rebuild thread and the HTTP server.

use super::{eprint_diags, EXIT_OK, EXIT_USAGE};
use playbook_preview::host_guard::HostGuard;
use playbook_preview::http::{self, StartError};
use playbook_preview::rebuild::Rebuilder;
use playbook_preview::watch::{self, ChangeKind};
use playbook_preview::Shared;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Build, serve, watch and rebuild until Ctrl-C.
pub(crate) fn run(root: &Path, host: &str, port: u16, allow_hosts: &[String], open: bool) -> i32 {
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
    let (tx, rx) = mpsc::channel::<Vec<ChangeKind>>();
    let _watcher = match watch::watch(root, tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    let rebuild_shared = shared.clone();
    std::thread::spawn(move || rebuild_loop(rebuilder, rx, rebuild_shared));

    let guard = HostGuard::new(host, allow_hosts);
    let all_interfaces = matches!(host, "0.0.0.0" | "::" | "[::]");
    let started = http::run(host, port, guard, shared, |local| {
        eprintln!("serving on http://{local}/  (Ctrl-C to stop)");
        if all_interfaces {
            eprintln!("warning: --host {host} makes the unpublished playbook visible to every machine on your network\n  = help: use the default --host 127.0.0.1 to keep it on this computer");
        }
        if open {
            let url = format!("http://{local}/");
            for opener in ["xdg-open", "open"] {
                if std::process::Command::new(opener)
                    .arg(&url)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .is_ok()
                {
                    break;
                }
            }
        }
    });
    match started {
        Ok(()) => {
            eprintln!("stopped");
            EXIT_OK
        }
        Err(StartError::PortInUse) => {
            eprintln!("error: port {port} on {host} is already in use\n  = help: stop the other server or choose another port, e.g. `playbook serve --port {}`", port.saturating_add(1));
            EXIT_USAGE
        }
        Err(StartError::Bind(e)) => {
            eprintln!(
                "error: cannot listen on {host}:{port}: {e}\n  = help: check --host and --port"
            );
            EXIT_USAGE
        }
        Err(StartError::Runtime(e)) => {
            eprintln!("error: cannot start the server runtime: {e}");
            EXIT_USAGE
        }
        Err(StartError::Stopped(e)) => {
            eprintln!("error: server stopped: {e}");
            EXIT_USAGE
        }
    }
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
