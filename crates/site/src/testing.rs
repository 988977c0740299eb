//! What the site's unit tests start from: the starter playbook
//! (`playbook init`'s files) written to a temporary folder and loaded.

use playbook_content::model::Playbook;

/// The starter playbook, loaded; the folder lives as long as the guard.
#[allow(clippy::disallowed_methods)] // a test's fixture, not the site
pub(crate) fn skeleton_playbook() -> (tempfile::TempDir, Playbook) {
    let tmp = tempfile::tempdir().unwrap();
    for (rel, text) in crate::skeleton::files() {
        let path = tmp.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    }
    let pb = playbook_plan::load_playbook(tmp.path()).unwrap();
    (tmp, pb)
}
