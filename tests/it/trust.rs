//! Trust: no command loses a user's file, and faults leave a working site.
//!
//! Each test is a mistake or an accident a real user meets: an output folder
//! pointed at their own files or at the playbook's sources, a build killed
//! half-way, a disk that fills up, a printer that hangs, a batch of
//! checklists where several fail.

use crate::support::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A folder of the user's own files, beside the playbook.
fn users_folder(root: &Path) -> PathBuf {
    let mine = root.join("my-notes");
    std::fs::create_dir_all(mine.join("drafts")).unwrap();
    std::fs::write(mine.join("todo.txt"), "call the DPC").unwrap();
    std::fs::write(mine.join("drafts/plan.md"), "# Plan").unwrap();
    mine
}

#[test]
fn a_folder_of_the_users_files_is_refused_and_left_as_it_was() {
    let fx = Fixture::skeleton();
    let mine = users_folder(fx.root());
    let before = read_tree(&mine);
    for _ in 0..2 {
        let run = fx.run(&["build", "--dest", "my-notes"]);
        run.assert_code(2);
        assert!(run.stderr.contains("is not a site Playbook built"), "{run}");
        assert!(run.stderr.contains("--force"), "{run}");
        assert_eq!(read_tree(&mine), before, "the user's folder changed");
    }
    assert_eq!(
        entries(fx.root()),
        [".gitignore", "book.toml", "content", "my-notes"],
        "nothing may appear beside the user's folder"
    );
}

#[test]
fn force_replaces_a_folder_of_other_files_only_when_asked() {
    let fx = Fixture::skeleton();
    let mine = users_folder(fx.root());
    fx.run(&["build", "--dest", "my-notes", "--force"])
        .assert_ok();
    assert!(mine.join("index.html").is_file());
    assert!(
        !mine.join("todo.txt").exists(),
        "--force replaces the folder"
    );
    assert!(mine.join(".playbook-site").is_file());
    // From now on it is Playbook's site: no --force needed.
    fx.run(&["build", "--dest", "my-notes"]).assert_ok();
    let help = fx.run(&["build", "--help"]);
    assert!(help.stdout.contains("DELETE"), "{help}");
}

#[test]
fn the_playbooks_own_folders_are_refused_even_with_force() {
    let fx = Fixture::skeleton();
    let sources_before = read_tree(fx.root());
    let outside = fx.root().parent().unwrap().to_str().unwrap().to_string();
    for dest in [
        "content",
        "content/markets",
        "templates",
        "theme",
        ".",
        "./",
        outside.as_str(),
        "/",
    ] {
        for force in [false, true] {
            let mut args = vec!["build", "--dest", dest];
            if force {
                args.push("--force");
            }
            let run = fx.run(&args);
            run.assert_code(2);
            assert!(
                run.stderr.contains("refusing to write the site"),
                "{dest}: {run}"
            );
        }
    }
    assert_eq!(read_tree(fx.root()), sources_before, "a source changed");
    let home = fx.run_env(
        &["build", "--dest", fx.root().join("home").to_str().unwrap()],
        &[("HOME", fx.root().join("home").to_str().unwrap())],
    );
    home.assert_code(2);
    assert!(home.stderr.contains("home folder"), "{home}");
}

#[test]
fn checklist_output_never_lands_on_a_source_file() {
    let fx = Fixture::skeleton();
    let before = fx.read("content/markets/de.yaml");
    let run = fx.run(&["checklist", "de", "-o", "content/markets/de.yaml"]);
    run.assert_code(2);
    assert!(run.stderr.contains("refusing to write"), "{run}");
    assert_eq!(fx.read("content/markets/de.yaml"), before);
}

#[test]
fn nothing_lasting_is_left_beside_a_dest_folder() {
    let fx = Fixture::skeleton();
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("site");
    for _ in 0..3 {
        fx.run(&["build", "--dest", dest.to_str().unwrap()])
            .assert_ok();
    }
    assert_eq!(entries(out.path()), ["site"]);
    assert!(
        fx.path(".playbook-cache").is_dir(),
        "what lasts is in the root's cache folder"
    );
}

/// A copy of the real playbook's sources, big enough that a build takes a
/// while (so a kill lands in every stage of it).
fn real_playbook() -> Fixture {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fx = Fixture::empty().file("book.toml", std::fs::read(repo.join("book.toml")).unwrap());
    copy_tree(&repo.join("content"), &fx.path("content"));
    fx
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one() {
    let fx = real_playbook();
    let market = "content/markets/de.yaml";
    let original = fx.read(market);
    let edited = original.replacen("name: Germany", "name: Germany (edited)", 1);
    assert_ne!(original, edited, "the edit must apply");
    // The two sites a kill may leave.
    fx.build().assert_ok();
    let site_a = read_tree(&fx.path("book"));
    std::fs::write(fx.path(market), &edited).unwrap();
    let t = Instant::now();
    fx.build().assert_ok();
    let full = t.elapsed();
    let site_b = read_tree(&fx.path("book"));
    assert_ne!(site_a, site_b);

    let versions = [(&original, &site_a), (&edited, &site_b)];
    let mut last = &site_b;
    let (mut kept_old, mut got_new) = (0, 0);
    // Kills spread from the first moment of a build to well after it would
    // have ended; on a loaded machine builds slow down, so the delays keep
    // growing until kills have landed both before and after a swap.
    let mut i = 0u32;
    while i < 24 || (got_new == 0 && i < 60) {
        i += 1;
        let (text, site) = versions[(i % 2) as usize];
        std::fs::write(fx.path(market), text).unwrap();
        let mut child = std::process::Command::new(BIN)
            .arg("build")
            .current_dir(fx.root())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the whole build, from its first moment to
        // well after it would have ended.
        let at = full.mul_f64(f64::from(i) / 12.0 * if i > 24 { 2.0 } else { 1.0 });
        std::thread::sleep(at);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = read_tree(&fx.path("book"));
        if &now == last {
            kept_old += 1;
        } else if &now == site {
            got_new += 1;
            last = site;
        } else {
            let differ: Vec<_> = now
                .keys()
                .chain(last.keys())
                .filter(|k| now.get(*k) != last.get(*k) && now.get(*k) != site.get(*k))
                .take(5)
                .collect();
            panic!("kill {i} after {at:?} left a mix of sites: {differ:?}");
        }
    }
    eprintln!("{i} kills: {kept_old} left the previous site, {got_new} the new one");
    assert!(
        kept_old > 0 && got_new > 0,
        "kills must land both before and after the swap: {kept_old} old, {got_new} new"
    );
    // The next build succeeds and cleans up what the killed ones left.
    std::fs::write(fx.path(market), &edited).unwrap();
    fx.build().assert_ok();
    assert_eq!(read_tree(&fx.path("book")), site_b);
    assert_eq!(
        entries(fx.root()),
        [".playbook-cache", "book", "book.toml", "content"],
        "killed builds' staging folders are cleaned up"
    );
}

/// A small tmpfs mounted for one test, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    /// `None` where this machine does not let the test mount one (not root).
    fn mount(bytes: u64) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}")])
            .arg("tmpfs")
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(SmallDisk { dir })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status();
    }
}

/// Bytes a tree takes on a tmpfs (whole pages per file).
fn disk_size(tree: &std::collections::BTreeMap<String, Vec<u8>>) -> u64 {
    tree.values()
        .map(|b| (b.len() as u64).div_ceil(4096).max(1) * 4096)
        .sum()
}

#[test]
fn a_full_disk_is_one_clear_error_and_the_previous_site_stays() {
    let fx = Fixture::skeleton();
    let probe = fx.build_to_temp(&[]);
    let size = disk_size(&read_tree(probe.site()));
    // Room for one site, not for the second copy a rebuild stages.
    let Some(disk) = SmallDisk::mount(size + size / 2) else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    let dest = disk.dir.path().join("site");
    let dest_s = dest.to_str().unwrap();
    fx.run(&["build", "--dest", dest_s]).assert_ok();
    let before = read_tree(&dest);
    let fx = fx.replace(
        "content/markets/de.yaml",
        "name: Germany",
        "name: Deutschland",
    );
    let run = fx.run(&["build", "--dest", dest_s]);
    run.assert_code(1);
    let errors = run.errors();
    assert_eq!(errors.len(), 1, "one error, not one per file:\n{run}");
    assert!(errors[0].message.contains("the disk is full"), "{run}");
    assert_eq!(read_tree(&dest), before, "the previous site changed");
    assert_eq!(entries(disk.dir.path()), ["site"], "no staging folder left");
}

#[test]
fn a_hung_pdf_printer_is_stopped_after_the_timeout() {
    let fx = Fixture::skeleton();
    let fake = fx.path("hang.sh");
    std::fs::write(&fake, "#!/bin/sh\nsleep 600\n").unwrap();
    std::fs::set_permissions(&fake, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let t = Instant::now();
    let run = fx.run_env(
        &["checklist", "de", "--format", "pdf", "-o", "de.pdf"],
        &[
            ("PLAYBOOK_CHROMIUM", fake.to_str().unwrap()),
            ("PLAYBOOK_PDF_TIMEOUT", "1"),
        ],
    );
    assert!(
        t.elapsed() < Duration::from_secs(30),
        "took {:?}",
        t.elapsed()
    );
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("did not finish printing the PDF within 1 s"),
        "{run}"
    );
    assert!(!fx.path("de.pdf").exists());
}

#[test]
fn checklist_all_reports_every_market_that_failed() {
    let fx = Fixture::skeleton();
    // A folder where each market's Markdown file must go: both writes fail.
    std::fs::create_dir_all(fx.path("out/checklist-de.md")).unwrap();
    std::fs::create_dir_all(fx.path("out/checklist-ie.md")).unwrap();
    let run = fx.run(&["checklist", "--all", "--format", "md,csv", "-o", "out"]);
    run.assert_code(1);
    let errors = run.errors();
    assert_eq!(errors.len(), 2, "{run}");
    assert!(
        errors.iter().any(|e| e.message.starts_with("de (md)")),
        "{run}"
    );
    assert!(
        errors.iter().any(|e| e.message.starts_with("ie (md)")),
        "{run}"
    );
    assert!(run.stderr.contains("2 of 4 checklists failed"), "{run}");
    assert!(
        fx.path("out/checklist-de.csv").is_file(),
        "the others are written"
    );
}
