//! `playbook serve` (placeholder until the dev server lands).
pub fn run(_root: &std::path::Path, _host: &str, _port: u16, _open: bool) -> i32 {
    eprintln!("error: serve is not built yet");
    2
}
