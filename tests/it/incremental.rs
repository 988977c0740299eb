//! A build after an edit takes what did not change from the playbook's
//! caches (`.playbook-cache/`), renders again only what the edit can
//! change, and makes exactly the site a cold build makes.

use crate::support::{read_tree, Fixture};

/// A research page long enough for its rendering to be kept, linking to a
/// step by reference and to another page by path.
const LINKING: &str = r#"---
id: long-study
title: A longer study
summary: Long enough to keep.
---
Teams that ran [[step:regulatory-mapping]] first, as [the launch study](launch-study.md)
found, launched on time more often. The rest of this text is here to make it long
enough for the cache, which leaves short texts out because rendering them costs less.

```yaml
market: de
kickoff: 2025-06-02
```
"#;

/// A research page with no links at all.
const PLAIN: &str = r#"---
id: plain-study
title: A plain study
summary: No links.
---
This page links nowhere. Its text is long enough for the Markdown cache to keep its
rendering between builds, so an edit elsewhere never renders it again; an edit here
renders it alone. A second sentence makes sure of the length, whatever the
threshold's exact value is today.
"#;

/// `playbook build` (caches on); the Markdown cache's counts from its log:
/// (taken from the cache, rendered).
fn build_counting(fixture: &Fixture) -> (usize, usize) {
    let run = fixture.run_env(&["build"], &[("PLAYBOOK_PROFILE", "1")]);
    run.assert_ok();
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("Markdown: "))
        .unwrap_or_else(|| panic!("no Markdown cache line in {}", run.stderr));
    let nums: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    (nums[0], nums[1])
}

/// The site the cached build made is the one a cold build makes.
fn assert_same_as_cold(fixture: &Fixture, what: &str) {
    fixture
        .run_env(&["build", "--dest", "cold"], &[("PLAYBOOK_NO_CACHE", "1")])
        .assert_ok();
    let cached = read_tree(&fixture.path("book"));
    let cold = read_tree(&fixture.path("cold"));
    let names =
        |t: &std::collections::BTreeMap<String, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&cached), names(&cold), "{what}: the same files");
    let differ: Vec<&String> = cached
        .iter()
        .filter(|(k, v)| cold.get(*k) != Some(v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        differ.is_empty(),
        "{what}: these files differ from a cold build's: {differ:?}"
    );
}

#[test]
fn an_edit_renders_again_only_the_texts_it_can_change_and_the_site_is_a_cold_builds() {
    let fixture = Fixture::skeleton()
        .file("content/research/long-study.md", LINKING)
        .file("content/research/plain-study.md", PLAIN);
    let (hits, first) = build_counting(&fixture);
    assert_eq!(hits, 0, "nothing to take on the first build");
    assert!(first >= 2, "both long texts rendered: {first}");
    assert!(fixture.path(".playbook-cache/markdown.table").is_file());

    // Nothing changed: every rendering comes from the cache.
    assert_eq!(build_counting(&fixture), (first, 0));
    assert_same_as_cold(&fixture, "unchanged");

    // The linked step's title changes: the text linking to it renders
    // again (it shows the title), the plain one does not.
    let fixture = fixture.replace(
        "content/frameworks/launch/compliance.yaml",
        "title: Regulatory Mapping",
        "title: Mapping the Rules",
    );
    assert_eq!(build_counting(&fixture), (first - 1, 1));
    let page = String::from_utf8(
        read_tree(&fixture.path("book"))["research/long-study/index.html"].clone(),
    )
    .unwrap();
    assert!(
        page.contains("Mapping the Rules"),
        "the new title is on the page"
    );
    assert_same_as_cold(&fixture, "a linked title changed");

    // The plain page's text is edited: it alone renders again.
    let fixture = fixture.replace(
        "content/research/plain-study.md",
        "This page links nowhere.",
        "This page still links nowhere.",
    );
    assert_eq!(build_counting(&fixture), (first - 1, 1));
    assert_same_as_cold(&fixture, "a text edited");

    // The page a relative link goes to moves (its id, so its URL): the
    // link's answer changes, and the text holding it renders again.
    let fixture = fixture
        .replace(
            "content/research/launch-study.md",
            "id: launch-study",
            "id: late-launches",
        )
        .replace(
            "content/story/01-first-market.md",
            "[[research:launch-study]]",
            "[[research:late-launches]]",
        )
        .replace(
            "content/story/learning-path.yaml",
            "[[research:launch-study]]",
            "[[research:late-launches]]",
        );
    let (_, rendered) = build_counting(&fixture);
    assert!(
        rendered >= 1,
        "the text linking to the moved page renders again"
    );
    let page = String::from_utf8(
        read_tree(&fixture.path("book"))["research/long-study/index.html"].clone(),
    )
    .unwrap();
    assert!(
        page.contains("research/late-launches/"),
        "the link follows the page"
    );
    assert_same_as_cold(&fixture, "a linked page moved");
}

#[test]
fn a_damaged_markdown_cache_is_a_miss_and_the_site_is_right() {
    let fixture = Fixture::skeleton().file("content/research/plain-study.md", PLAIN);
    let (_, first) = build_counting(&fixture);
    let data = fixture.path(".playbook-cache/markdown.data");
    let mut bytes = std::fs::read(&data).unwrap();
    for b in bytes.iter_mut() {
        *b ^= 0x5a;
    }
    std::fs::write(&data, bytes).unwrap();
    assert_eq!(
        build_counting(&fixture),
        (0, first),
        "every entry damaged: none used"
    );
    assert_same_as_cold(&fixture, "after a damaged cache");
    std::fs::write(fixture.path(".playbook-cache/markdown.table"), b"garbage").unwrap();
    assert_eq!(build_counting(&fixture), (0, first));
    assert_eq!(
        build_counting(&fixture),
        (first, 0),
        "the build rewrote a good cache"
    );
}
