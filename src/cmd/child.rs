//! Running a helper program (Chromium printing a PDF) with a time limit.

use std::process::{Command, ExitStatus};
use std::time::{Duration, Instant};

/// Run `cmd` and wait for it at most `timeout`. `Ok(None)` when it did not
/// finish in time: it was stopped, with every process it started (it runs
/// in a process group of its own, and the whole group is killed), so no
/// hung Chromium outlives the command.
pub(super) fn run_with_timeout(
    mut cmd: Command,
    timeout: Duration,
) -> std::io::Result<Option<ExitStatus>> {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd.spawn()?;
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(5);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            stop_group(&child);
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(100));
    }
}

fn stop_group(child: &std::process::Child) {
    #[cfg(unix)]
    {
        let pid = rustix::process::Pid::from_child(child);
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
    #[cfg(not(unix))]
    let _ = child;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_that_finishes_gives_its_status() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "exit 3"]);
        let status = run_with_timeout(cmd, Duration::from_secs(10))
            .unwrap()
            .unwrap();
        assert_eq!(status.code(), Some(3));
    }

    #[test]
    fn a_program_that_hangs_is_stopped_with_its_children() {
        let tmp = tempfile::tempdir().unwrap();
        let pidfile = tmp.path().join("child.pid");
        let mut cmd = Command::new("sh");
        // A child that would outlive its parent if only the parent were killed.
        cmd.args([
            "-c",
            &format!("sleep 60 & echo $! > {}; wait", pidfile.display()),
        ]);
        let t = Instant::now();
        assert!(run_with_timeout(cmd, Duration::from_millis(300))
            .unwrap()
            .is_none());
        assert!(t.elapsed() < Duration::from_secs(10));
        let pid: i32 = std::fs::read_to_string(&pidfile)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        // The grandchild is gone (or a zombie reaped by init shortly).
        let gone = (0..50).any(|_| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            let done = stat.is_empty() || stat.split(' ').nth(2) == Some("Z");
            if !done {
                std::thread::sleep(Duration::from_millis(20));
            }
            done
        });
        assert!(gone, "the hung program's child {pid} still runs");
    }
}
