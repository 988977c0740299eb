//! The PDF printer: a checklist's standalone HTML printed to PDF by a
//! local headless Chromium (`--format pdf`), in its own process group with
//! a time limit ([`super::child`]), through a temporary folder that
//! `output` writes and removes.

use playbook_content::diag::Diagnostic;
use std::path::PathBuf;

/// Find a local Chromium.
pub(super) fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PLAYBOOK_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let names = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ];
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for n in names {
            let c = dir.join(n);
            if c.is_file() {
                return Some(c);
            }
        }
    }
    None
}

/// Print HTML to PDF with headless Chromium.
pub(super) fn print_pdf(html: &str) -> Result<Vec<u8>, Diagnostic> {
    let chromium = find_chromium().ok_or_else(|| {
        Diagnostic::error("no Chromium found to print the PDF")
            .help("install it (Debian/Ubuntu: `apt-get install chromium`), or set PLAYBOOK_CHROMIUM to its path; or use --format html and print from a browser")
    })?;
    let tmp = tempdir()?;
    let html_path = tmp.join("checklist.html");
    let pdf_path = tmp.join("checklist.pdf");
    playbook_output::write_file(&html_path, html.as_bytes())?;
    let mut cmd = std::process::Command::new(&chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--no-pdf-header-footer",
    ])
    .arg(format!("--user-data-dir={}", tmp.join("profile").display()))
    .arg(format!("--print-to-pdf={}", pdf_path.display()))
    .arg(format!("file://{}", html_path.display()))
    .stdin(std::process::Stdio::null())
    .stdout(std::process::Stdio::null())
    .stderr(std::process::Stdio::null());
    let timeout = pdf_timeout();
    let status = match super::child::run_with_timeout(cmd, timeout) {
        Ok(Some(status)) => status,
        Ok(None) => {
            playbook_output::remove_tree(&tmp);
            return Err(Diagnostic::error(format!(
                "Chromium did not finish printing the PDF within {} s and was stopped",
                timeout.as_secs()
            ))
            .help("try again; if it keeps hanging, print with --format html and a browser, or allow more time with PLAYBOOK_PDF_TIMEOUT=SECONDS"));
        }
        Err(e) => {
            playbook_output::remove_tree(&tmp);
            return Err(
                Diagnostic::error(format!("cannot run {}: {e}", chromium.display())).help(
                    "check that PLAYBOOK_CHROMIUM (or chromium on the PATH) is a working Chromium",
                ),
            );
        }
    };
    let pdf = std::fs::read(&pdf_path).map_err(|_| {
        Diagnostic::error(format!(
            "Chromium did not write a PDF (exit status {status})"
        ))
        .help("run the same command with --format html and open the file to see what failed")
    });
    playbook_output::remove_tree(&tmp);
    pdf
}

/// How long Chromium may take to print one checklist: 120 s, or
/// `PLAYBOOK_PDF_TIMEOUT` seconds.
fn pdf_timeout() -> std::time::Duration {
    let secs = std::env::var("PLAYBOOK_PDF_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|&s| s > 0)
        .unwrap_or(120);
    std::time::Duration::from_secs(secs)
}

fn tempdir() -> Result<PathBuf, Diagnostic> {
    let p = std::env::temp_dir().join(format!(
        "playbook-pdf-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    playbook_output::write_file(&p.join(".keep"), b"")?;
    Ok(p)
}
