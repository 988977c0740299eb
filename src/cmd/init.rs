//! `playbook init DIR`: a small new playbook that builds and shows every kind.

use super::{EXIT_OK, EXIT_USAGE};
use std::path::Path;

pub(super) fn run(dir: &Path, theme: bool) -> i32 {
    let mut files = crate::skeleton::files();
    if theme {
        files.extend(crate::skeleton::theme_files());
    }
    match crate::output::write_new_files(dir, &files) {
        Ok(()) => {
            println!(
                "created a new playbook in {}\n\nnext:\n  cd {}\n  playbook serve      # preview with live reload\n  playbook build      # write the site to book/",
                dir.display(),
                dir.display()
            );
            EXIT_OK
        }
        Err(d) => {
            eprint!("{}", d.render_text());
            EXIT_USAGE
        }
    }
}
