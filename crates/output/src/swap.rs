//! The operating-system calls behind an atomic swap, kept apart so the rest
//! of `output` reads as plain file handling.

use std::path::Path;

/// Exchange the folders at `a` and `b` in one step: at no moment is either
/// path missing or a mix of the two. On Linux this is
/// `renameat2(RENAME_EXCHANGE)`; where the file system or the system lacks
/// it, two renames (the destination is missing for a moment in between).
pub(super) fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            // Not supported here (an old kernel, some network file
            // systems): fall back to two renames.
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    let aside = a.with_extension("swap");
    std::fs::rename(b, &aside)?;
    if let Err(e) = std::fs::rename(a, b) {
        let _ = std::fs::rename(&aside, b);
        return Err(e);
    }
    std::fs::rename(&aside, a)
}

/// Whether the process `pid` has ended (so what it left behind may go).
/// Where this cannot be known, `false`: a leftover is kept, never a
/// running build's folder removed.
pub(super) fn process_is_gone(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return false;
        };
        matches!(
            rustix::process::test_kill_process(pid),
            Err(e) if e == rustix::io::Errno::SRCH
        )
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchange_swaps_two_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        std::fs::create_dir(&a).unwrap();
        std::fs::create_dir(&b).unwrap();
        std::fs::write(a.join("new"), "").unwrap();
        std::fs::write(b.join("old"), "").unwrap();
        exchange(&a, &b).unwrap();
        assert!(b.join("new").is_file() && a.join("old").is_file());
    }

    #[test]
    fn this_process_is_not_gone_and_a_made_up_one_is() {
        assert!(!process_is_gone(std::process::id()));
        assert!(process_is_gone(4_000_000));
    }
}
