//! What `playbook build` writes, and how it behaves around that: the pages
//! and machine-readable files, atomic replacement, reproducible output, the
//! base URL, links that resolve, backlinks, odd-but-legal input, and a golden
//! snapshot of one step page.

use crate::support::{
    assert_golden, broken_links, entries, read_site_file, read_tree, run_in, Fixture,
    DEFAULT_TIMEOUT,
};
use std::path::Path;
use std::time::Duration;

const STEP_PAGE: &str = "frameworks/launch/compliance/regulatory-mapping/index.html";
const CHAPTER_PAGE: &str = "story/first-market/index.html";

#[test]
fn build_writes_the_pages_and_machine_readable_files() {
    let built = Fixture::skeleton().build_to_temp(&[]);
    let site = built.site();
    for file in [
        "index.html",
        STEP_PAGE,
        CHAPTER_PAGE,
        "markets/de/index.html",
        "markets/de/checklist/index.html",
        "markets/ie/checklist/index.html",
        "playbook.json",
        "search-index.js",
        "404.html",
    ] {
        assert!(site.join(file).is_file(), "missing {file}:\n{}", built.run);
    }
    assert!(built.run.stderr.contains("built "), "{}", built.run);
    // The base URL (`/`) has no host, so there is no sitemap, and the
    // build says why and how to get one.
    assert!(!site.join("sitemap.xml").exists());
    assert!(
        built
            .run
            .stderr
            .contains("note: no sitemap.xml: its addresses must be absolute, and the base URL has no host; set [build] site-url"),
        "{}",
        built.run
    );
}

#[test]
fn playbook_json_has_the_tasks_and_the_markets() {
    let built = Fixture::skeleton().build_to_temp(&[]);
    let json: serde_json::Value =
        serde_json::from_str(&built.page("playbook.json")).expect("playbook.json is JSON");
    let markets: Vec<&str> = json["markets"]
        .as_array()
        .expect("a market list")
        .iter()
        .map(|m| m["id"].as_str().expect("market id"))
        .collect();
    assert_eq!(markets, ["de", "ie"]);
    let mut task_ids = Vec::new();
    collect_task_ids(&json["frameworks"], &mut task_ids);
    assert!(
        task_ids.contains(&"regulatory-mapping/regulation-inventory".to_string()),
        "task ids: {task_ids:?}"
    );
}

/// Every `id` of an object inside a `tasks` array, anywhere in the document.
fn collect_task_ids(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map {
                if k == "tasks" {
                    for t in child.as_array().into_iter().flatten() {
                        out.extend(t["id"].as_str().map(String::from));
                    }
                }
                collect_task_ids(child, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_task_ids(i, out)),
        _ => {}
    }
}

#[test]
fn failed_build_leaves_the_previous_site_byte_for_byte() {
    let fixture = Fixture::skeleton();
    fixture.build().assert_ok();
    let before = read_tree(&fixture.path("book"));
    assert!(before.contains_key("index.html"));

    let fixture = fixture.replace("content/markets/de.yaml", "region: eu", "regoin: eu");
    let failed = fixture.build();
    failed.assert_code(1);
    assert!(failed.stderr.contains("previous site"), "{failed}");

    let after = read_tree(&fixture.path("book"));
    let changed: Vec<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert!(changed.is_empty(), "the failed build changed: {changed:?}");
    assert_eq!(
        entries(fixture.root()),
        [
            ".gitignore",
            ".playbook-cache",
            "book",
            "book.toml",
            "content"
        ],
        "no staging or old folders may be left beside book/ (what lasts is in .playbook-cache)"
    );
}

/// The full-text index's files of a site, by path.
fn index_files(site: &Path) -> Vec<(String, Vec<u8>)> {
    read_tree(site)
        .into_iter()
        .filter(|(k, _)| k.starts_with("fulltext/"))
        .collect()
}

/// Asserts two sites' index files are the same, naming those that differ.
fn assert_same_index(a: &[(String, Vec<u8>)], b: &[(String, Vec<u8>)], what: &str) {
    let names = |x: &[(String, Vec<u8>)]| x.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    assert_eq!(names(a), names(b), "{what}: index files");
    let differ: Vec<&String> = a
        .iter()
        .zip(b)
        .filter(|(x, y)| x.1 != y.1)
        .map(|(x, _)| &x.0)
        .collect();
    assert!(
        differ.is_empty(),
        "{what}: these index files differ: {differ:?}"
    );
}

/// `playbook build` with `PLAYBOOK_PROFILE=1` (and `env`), and how many
/// pages it says it took from the index's cache.
fn build_counting_cached_pages(fixture: &Fixture, env: &[(&str, &str)]) -> usize {
    let mut env = env.to_vec();
    env.push(("PLAYBOOK_PROFILE", "1"));
    let run = fixture.run_env(&["build"], &env);
    run.assert_ok();
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("pages from the cache)"))
        .unwrap_or_else(|| panic!("no index profile line in {run}"));
    let before = line.split(" pages from the cache)").next().unwrap_or("");
    before
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count of cached pages in {line:?}"))
}

#[test]
fn a_rebuild_takes_unchanged_pages_from_the_index_cache_and_makes_the_same_index() {
    let fixture = Fixture::skeleton();
    assert_eq!(build_counting_cached_pages(&fixture, &[]), 0);
    assert!(
        fixture.path(".playbook-cache/index").is_file(),
        "the first build leaves the index's cache in the cache folder"
    );
    let first = index_files(&fixture.path("book"));
    // Nothing changed: all ten entity pages and the four learning pages come
    // from the cache, same index.
    assert_eq!(build_counting_cached_pages(&fixture, &[]), 14);
    assert_same_index(&index_files(&fixture.path("book")), &first, "unchanged");
    // One page's text changes: it alone is indexed again, and the index is
    // exactly the one a build without any cache makes.
    let fixture = fixture.replace(
        "content/research/launch-study.md",
        "launched on time more often.",
        "launched on time more often, from Zanzibar.",
    );
    assert_eq!(build_counting_cached_pages(&fixture, &[]), 13);
    let cached = index_files(&fixture.path("book"));
    assert_ne!(cached, first);
    let fresh = fixture.run_env(
        &["build", "--dest", "fresh"],
        &[("PLAYBOOK_NO_INDEX_CACHE", "1")],
    );
    fresh.assert_ok();
    assert!(
        !entries(fixture.root())
            .iter()
            .any(|e| e.starts_with(".fresh")),
        "nothing is left beside a --dest folder"
    );
    assert_same_index(
        &cached,
        &index_files(&fixture.path("fresh")),
        "one page changed",
    );
    let words = read_site_file(&fixture.path("book"), "fulltext/words.json");
    assert!(words.contains("\"zanzibar\""), "{words}");
    // The word goes again: gone from the index too, though the cache had it.
    let fixture = fixture.replace(
        "content/research/launch-study.md",
        "more often, from Zanzibar.",
        "more often.",
    );
    assert_eq!(build_counting_cached_pages(&fixture, &[]), 13);
    assert_same_index(&index_files(&fixture.path("book")), &first, "changed back");
}

#[test]
fn a_damaged_or_foreign_index_cache_is_ignored() {
    let fixture = Fixture::skeleton();
    fixture.build().assert_ok();
    let first = index_files(&fixture.path("book"));
    let cache = fixture.path(".playbook-cache/index");
    let good = std::fs::read(&cache).unwrap();
    let mut other_binary = good.clone();
    other_binary[12] ^= 0xff;
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last / 2] ^= 0x55;
    for (what, bytes) in [
        ("empty", Vec::new()),
        ("not a cache", b"<html>not a cache</html>".to_vec()),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("written by another build of playbook", other_binary),
        ("one byte changed", flipped),
    ] {
        std::fs::write(&cache, &bytes).unwrap();
        let cached = build_counting_cached_pages(&fixture, &[]);
        if what == "one byte changed" {
            assert_eq!(cached, 13, "only the damaged page is indexed again");
        } else {
            assert_eq!(cached, 0, "{what}: no page may come from it");
        }
        assert_same_index(&index_files(&fixture.path("book")), &first, what);
        // The build that ignored it wrote a good one.
        std::fs::write(&cache, &good).unwrap();
    }
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let fixture = Fixture::skeleton();
    let first = fixture.build_to_temp(&[]);
    let second = fixture.build_to_temp(&[]);
    let (a, b) = (read_tree(first.site()), read_tree(second.site()));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    let differ: Vec<&String> = a.keys().filter(|k| a[*k] != b[*k]).collect();
    assert!(
        differ.is_empty(),
        "these files differ between builds: {differ:?}"
    );
}

#[test]
fn build_writes_a_reproducible_full_text_index_of_the_entity_pages() {
    let fixture = Fixture::skeleton();
    let first = fixture.build_to_temp(&[]);
    let second = fixture.build_to_temp(&[]);
    for f in [
        "fulltext/manifest.json",
        "fulltext/facets.json",
        "fulltext/words.json",
    ] {
        assert!(first.site().join(f).is_file(), "{f} is missing");
    }
    // One page per entity: framework, component, step, metric, two markets,
    // regulation, expert, research, chapter; and the learning path's pages
    // (its page, the level, the combined assessment, the portfolio); no
    // index, checklist or print page.
    let manifest: serde_json::Value =
        serde_json::from_str(&first.page("fulltext/manifest.json")).unwrap();
    assert_eq!(manifest["pages"], 14, "{manifest}");
    // Fragments come in bundles of consecutive pages; every page has one.
    let mut page = 0;
    for n in manifest["bundles"].as_array().unwrap() {
        let f = format!("fulltext/pages/{page}.bin");
        let packed = std::fs::read(first.site().join(&f)).unwrap();
        let bundle: serde_json::Value =
            serde_json::from_reader(flate2::read::ZlibDecoder::new(&packed[..]))
                .unwrap_or_else(|e| panic!("{f} is zlib-compressed JSON: {e}"));
        assert_eq!(
            bundle.as_array().map(Vec::len),
            n.as_u64().map(|n| n as usize)
        );
        assert!(
            bundle
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["u"].is_string()),
            "{f}"
        );
        page += n.as_u64().unwrap();
    }
    assert_eq!(page, 14);
    let words = first.page("fulltext/words.json");
    for w in ["\"inventory\"", "\"privacy\"", "\"germany\""] {
        assert!(words.contains(w), "{w} in {words}");
    }
    // Served pages do not load the title index (it is for file:// only).
    let page = first.page("markets/de/index.html");
    assert!(!page.contains("search-index.js"), "{page}");
    assert!(first.site().join("search-index.js").is_file());
    let (a, b) = (index_files(first.site()), index_files(second.site()));
    for dir in ["pages/", "terms/"] {
        assert!(
            a.iter()
                .any(|(k, _)| k.starts_with(&format!("fulltext/{dir}"))),
            "no fulltext/{dir} files"
        );
    }
    assert_same_index(&a, &b, "two builds of the same input");
}

#[test]
fn base_url_path_goes_into_the_404_page_and_site_url_into_the_sitemap() {
    let fixture = Fixture::skeleton().replace(
        "book.toml",
        "base-url = \"/\"\n",
        "base-url = \"/\"\nsite-url = \"https://intranet.example/ops/playbook\"\n",
    );
    let built = fixture.build_to_temp(&["--base-url", "/ops/playbook/"]);
    // A sitemap's addresses are absolute (#26): the host from site-url.
    let sitemap = built.page("sitemap.xml");
    assert!(
        sitemap.contains(
            "<loc>https://intranet.example/ops/playbook/frameworks/launch/compliance/regulatory-mapping/</loc>"
        ),
        "{sitemap}"
    );
    assert!(!sitemap.contains("<loc>/"), "{sitemap}");
    assert!(!built.run.stderr.contains("no sitemap"), "{}", built.run);
    let run = Fixture::skeleton()
        .replace(
            "book.toml",
            "base-url = \"/\"\n",
            "base-url = \"/\"\nsite-url = \"/ops/playbook/\"\n",
        )
        .check();
    let e = run.only_error();
    assert_eq!(
        e.message,
        "site-url `/ops/playbook/` has no host: it is the site's full address"
    );
    e.assert_complete();
    let not_found = built.page("404.html");
    assert!(not_found.contains("href=\"/ops/playbook/\""));
    // Served at any depth: the sidebar's links too start from the base URL.
    assert!(
        not_found.contains("href=\"/ops/playbook/story/\"") && !not_found.contains("href=\"./"),
        "{not_found}"
    );
    let problems = broken_links(built.site());
    assert!(
        problems.is_empty(),
        "link problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn absolute_base_url_goes_into_the_sitemap() {
    let built = Fixture::skeleton().build_to_temp(&["--base-url", "https://intranet.example/ops"]);
    let sitemap = built.page("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://intranet.example/ops/markets/de/</loc>"),
        "{sitemap}"
    );
    let problems = broken_links(built.site());
    assert!(
        problems.is_empty(),
        "link problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_link_of_the_skeleton_site_is_relative_and_resolves() {
    let built = Fixture::skeleton().build_to_temp(&[]);
    let problems = broken_links(built.site());
    assert!(
        problems.is_empty(),
        "link problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_link_of_the_real_playbook_is_relative_and_resolves() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().expect("output folder");
    let dest = out.path().join("site");
    let elsewhere = tempfile::tempdir().expect("a working folder");
    let run = run_in(
        elsewhere.path(),
        &[
            "--root",
            repo.to_str().expect("utf-8 path"),
            "build",
            "--dest",
            dest.to_str().expect("utf-8 path"),
        ],
        DEFAULT_TIMEOUT,
    );
    run.assert_ok();
    assert!(dest.join("index.html").is_file());
    let problems = broken_links(&dest);
    assert!(
        problems.is_empty(),
        "{} link problems in the real playbook:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn step_page_lists_the_chapter_that_references_it() {
    let built = Fixture::skeleton().build_to_temp(&[]);
    let page = built.page(STEP_PAGE);
    let start = page
        .find("id=\"referenced-by\"")
        .unwrap_or_else(|| panic!("no Referenced by section:\n{page}"));
    let section = &page[start
        ..page[start..]
            .find("</section>")
            .map_or(page.len(), |e| start + e)];
    assert!(section.contains(">Referenced by<"), "{section}");
    assert!(
        section.contains("<a href=\"../../../../story/first-market/\">The First Market</a>"),
        "{section}"
    );
}

#[test]
fn labelled_cross_reference_shows_its_label() {
    let built = Fixture::skeleton().build_to_temp(&[]);
    let chapter = built.page(CHAPTER_PAGE);
    assert!(
        chapter.contains(
            "href=\"../../frameworks/launch/compliance/regulatory-mapping/\">the regulatory mapping</a>"
        ),
        "{chapter}"
    );
    assert!(
        !chapter.contains("[[step:"),
        "a reference was left unrendered"
    );
}

#[test]
fn unlabelled_cross_reference_shows_the_target_title() {
    let built = Fixture::skeleton().build_to_temp(&[]);
    let research = built.page("research/launch-study/index.html");
    assert!(
        research.contains(
            "href=\"../../frameworks/launch/compliance/regulatory-mapping/\">Regulatory Mapping</a>"
        ),
        "{research}"
    );
}

#[test]
fn page_description_is_plain_text_with_reference_titles() {
    let built = Fixture::skeleton().build_to_temp(&[]);
    let page = built.page(STEP_PAGE);
    let start = page
        .find("<meta name=\"description\" content=\"")
        .expect("a description")
        + 34;
    let description = &page[start..start + page[start..].find('"').expect("closing quote")];
    assert!(
        description.starts_with("List every rule that applies, starting with GDPR."),
        "{description}"
    );
    assert!(
        description.contains("Ask Ana Example before you start."),
        "{description}"
    );
    assert!(
        !description.contains("&gt;") && !description.contains("TIP"),
        "{description}"
    );
}

// Legal but odd input: it builds.

#[test]
fn symlink_loop_in_content_builds_with_a_warning() {
    let built = Fixture::skeleton()
        .symlink("content/frameworks/loop", "..")
        .build_to_temp(&[]);
    assert!(built.site().join(STEP_PAGE).is_file());
    let warnings = built.run.warnings();
    assert!(
        warnings.iter().any(|w| w.message.contains("symlink loop")),
        "{}",
        built.run
    );
}

#[test]
fn ten_megabyte_chapter_builds_in_reasonable_time() {
    let paragraph =
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. "
            .repeat(12);
    let mut body = String::with_capacity(10_500_000);
    while body.len() < 10_000_000 {
        body.push_str(&paragraph);
        body.push_str("\n\n");
    }
    body.push_str("The very last paragraph.\n");
    let chapter = format!(
        "---\ntitle: The Long Night\nact: 1\nact_title: Beginnings\nsection: 2\nsection_title: Endurance\nsummary: A very long chapter.\napplies: [\"step:regulatory-mapping\"]\n---\n{body}"
    );
    let built = Fixture::skeleton()
        .file("content/story/02-long-night.md", chapter)
        .build_to_temp(&[]);
    assert!(
        built.run.elapsed < Duration::from_secs(30),
        "took {:?}",
        built.run.elapsed
    );
    let page = built.page("story/long-night/index.html");
    assert!(page.contains("The very last paragraph."));
}

#[test]
fn html_special_characters_in_yaml_are_escaped_in_every_page() {
    let built = Fixture::skeleton()
        .replace(
            "content/frameworks/launch/compliance.yaml",
            "- title: Regulation inventory",
            r#"- title: "<script>alert(1)</script> & \"quotes\"""#,
        )
        .build_to_temp(&[]);
    let step = built.page(STEP_PAGE);
    assert!(
        step.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"),
        "{step}"
    );
    let site = read_tree(built.site());
    let raw: Vec<&String> = site
        .iter()
        .filter(|(p, bytes)| {
            p.ends_with(".html") && String::from_utf8_lossy(bytes).contains("<script>alert")
        })
        .map(|(p, _)| p)
        .collect();
    assert!(raw.is_empty(), "unescaped <script> in {raw:?}");
}

#[test]
fn a_name_that_closes_a_script_element_stays_data_on_the_status_page() {
    let name = "Germany</script><img src=x onerror=alert(1)><!-- \u{2028}";
    let built = Fixture::skeleton()
        .replace(
            "content/markets/de.yaml",
            "name: Germany",
            // YAML's own escape: a raw U+2028 is a line break to YAML.
            r#"name: "Germany</script><img src=x onerror=alert(1)><!-- \u2028""#,
        )
        .build_to_temp(&[]);
    let page = built.page("status/index.html");
    let open = r#"<script type="application/json" id="status-data">"#;
    let start = page.find(open).expect("the status page's data block") + open.len();
    let len = page[start..].find("</script>").unwrap();
    let data = &page[start..start + len];
    assert!(!data.contains('<') && !data.contains('\u{2028}'), "{data}");
    let parsed: serde_json::Value = serde_json::from_str(data).unwrap();
    let names: Vec<&str> = parsed
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l["name"].as_str())
        .collect();
    assert!(
        names.contains(&name),
        "the name comes back whole: {names:?}"
    );
}

#[test]
fn every_page_carries_the_content_security_policy_the_nginx_recipe_sends() {
    let built = Fixture::skeleton().build_to_temp(&[]);
    let conf = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/nginx/playbook.conf"),
    )
    .unwrap();
    let header = conf
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("add_header Content-Security-Policy \"")
        })
        .and_then(|l| l.split('"').next())
        .expect("the recipe sends a Content-Security-Policy header");
    for (path, bytes) in read_tree(built.site()) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let key = r#"<meta http-equiv="Content-Security-Policy" content=""#;
        let at = html
            .find(key)
            .unwrap_or_else(|| panic!("{path}: no policy"))
            + key.len();
        let policy = html[at..].split('"').next().unwrap().replace("&#39;", "'");
        assert!(
            policy.contains("script-src 'self' 'sha256-"),
            "{path}: {policy}"
        );
        assert_eq!(
            format!("{policy}; frame-ancestors 'self'"),
            header,
            "{path}: deploy/nginx/playbook.conf sends the pages' own policy"
        );
    }
}

// Golden snapshot.

#[test]
fn skeleton_step_page_matches_golden() {
    let built = Fixture::skeleton().build_to_temp(&[]);
    assert_golden("step.html", &read_site_file(built.site(), STEP_PAGE));
}

/// The sidebar of a page in `html` (between `<nav class="sidebar"` and `</nav>`).
fn sidebar_of(html: &str) -> &str {
    let start = html.find("<nav class=\"sidebar\"").expect("a sidebar");
    let end = start + html[start..].find("</nav>").expect("its end");
    &html[start..end]
}

#[test]
fn a_long_list_in_the_sidebar_shows_only_the_block_that_holds_the_page() {
    // 100 chapters: the sidebar of each lists 20 of them, the ones around it,
    // and links to the story index for the rest, so page size does not grow
    // with the number of chapters.
    let mut fixture = Fixture::skeleton();
    for n in 2..=100 {
        fixture = fixture.file(
            &format!("content/story/{n:03}-chapter-{n}.md"),
            format!(
                "---\ntitle: Chapter number {n}\nact: 1\nsection: {n}\n---\nText of chapter {n}.\n"
            ),
        );
    }
    let built = fixture.build_to_temp(&[]);
    let first = built.page("story/first-market/index.html");
    let side = sidebar_of(&first);
    assert!(side.contains(">1. The First Market</a>"), "{side}");
    assert!(side.contains(">20. Chapter number 20</a>"), "{side}");
    assert!(!side.contains(">21. Chapter number 21</a>"), "{side}");
    let more = "class=\"nav-more\" href=\"../../story/\">… 80 more</a>";
    assert!(side.contains(more), "{side}");

    let middle = built.page("story/chapter-45/index.html");
    let side = sidebar_of(&middle);
    let current = "aria-current=\"page\">45. Chapter number 45</a>";
    assert!(side.contains(current), "{side}");
    assert!(side.contains(">… 40 earlier</a>"), "{side}");
    assert!(side.contains(">… 40 more</a>"), "{side}");
    assert!(!side.contains(">40. Chapter number 40</a>"), "{side}");
    assert!(side.contains(">41. Chapter number 41</a>"), "{side}");
    assert!(side.contains(">60. Chapter number 60</a>"), "{side}");
    assert!(!side.contains(">61. Chapter number 61</a>"), "{side}");
    assert!(side.matches("<li>").count() < 30, "{side}");
}

/// Markets are listed by name, not by the ISO code their files are named by
/// (#26): Switzerland (`ch`) comes after Germany and Ireland in the
/// sidebar, the markets index, the home page and previous/next.
#[test]
fn markets_are_listed_by_name() {
    let built = Fixture::skeleton()
        .file(
            "content/markets/ch.yaml",
            "id: ch\nname: Switzerland\nregion: eu\nkickoff: 2027-06-01\n",
        )
        .build_to_temp(&[]);
    let names = |html: &str, from: &str, pattern: &str| -> Vec<String> {
        let html = &html[html.find(from).unwrap_or_else(|| panic!("no {from}"))..];
        ["Germany", "Ireland", "Switzerland"]
            .iter()
            .filter_map(|n| {
                html.find(&pattern.replace("{}", n))
                    .map(|at| (at, n.to_string()))
            })
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_values()
            .collect()
    };
    let want = ["Germany", "Ireland", "Switzerland"];
    let market = built.page("markets/ie/index.html");
    assert_eq!(
        names(&market, "class=\"sidebar\"", ">{}</a>"),
        want,
        "sidebar"
    );
    let index = built.page("markets/index.html");
    assert_eq!(names(&index, "<tbody>", ">{}</a>"), want, "markets index");
    let home = built.page("index.html");
    assert_eq!(
        names(&home, "market-grid", "</span> {}</a>"),
        want,
        "home page"
    );
    let de = built.page("markets/de/checklist/index.html");
    let next = &de[de.find("rel=\"next\"").expect("a next link")..];
    assert!(
        next[..next.find("</a>").unwrap()].contains("Ireland"),
        "after Germany's checklist comes Ireland, not Switzerland: {next}"
    );
}

/// A task's search snippet keeps its title, owner and text apart (#26):
/// the title is the sub-result's own label, the owner and the description
/// are separated, not "Regulation inventory Legal counsel List the rules".
#[test]
fn search_snippets_keep_a_tasks_title_owner_and_text_apart() {
    let built = Fixture::skeleton().build_to_temp(&[]);
    let mut sections = Vec::new();
    for entry in std::fs::read_dir(built.site().join("fulltext/pages")).unwrap() {
        let packed = std::fs::read(entry.unwrap().path()).unwrap();
        let bundle: serde_json::Value =
            serde_json::from_reader(flate2::read::ZlibDecoder::new(&packed[..])).unwrap();
        for page in bundle.as_array().unwrap() {
            for s in page["s"].as_array().unwrap() {
                sections.push((
                    s[0].as_str().unwrap().to_string(),
                    s[1].as_str().unwrap().to_string(),
                    s[2].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    let task = sections
        .iter()
        .find(|s| s.0 == "task-regulation-inventory")
        .expect("the task's section");
    assert_eq!(task.1, "Regulation inventory");
    assert_eq!(
        task.2,
        "Legal counsel · List the rules of the market. Done when each has an owner."
    );
}

/// Each `<a href="…">text</a>` inside `html[start..]` up to `end_tag`:
/// (href, text with tags removed).
fn anchors_in(html: &str, start: &str, end_tag: &str) -> Vec<(String, String)> {
    let Some(i) = html.find(start) else {
        return Vec::new();
    };
    let part = &html[i..];
    let part = &part[..part.find(end_tag).unwrap_or(part.len())];
    let mut out = Vec::new();
    for piece in part.split("<a ").skip(1) {
        let Some(h) = piece.find("href=\"") else {
            continue;
        };
        let href = &piece[h + 6..];
        let href = &href[..href.find('"').unwrap_or(0)];
        let body = &piece[piece.find('>').map_or(0, |g| g + 1)..];
        let body = &body[..body.find("</a>").unwrap_or(body.len())];
        // Previous/next links start with a `<span>` naming the direction.
        let body = body.rsplit("</span>").next().unwrap_or(body);
        out.push((href.to_string(), text_of(body)));
    }
    out
}

fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
}

#[test]
fn every_breadcrumb_and_previous_next_link_says_the_heading_of_the_page_it_opens() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().expect("output folder");
    let dest = out.path().join("site");
    let run = run_in(
        repo,
        &["build", "--dest", dest.to_str().expect("utf-8 path")],
        DEFAULT_TIMEOUT,
    );
    run.assert_ok();
    let files = read_tree(&dest);
    let heading = |rel: &str| -> Option<String> {
        let html = String::from_utf8_lossy(files.get(rel)?).into_owned();
        let i = html.find("<h1")?;
        let body = &html[i..];
        let body = &body[body.find('>')? + 1..body.find("</h1>")?];
        Some(text_of(body))
    };
    let mut checked = 0;
    let mut problems = Vec::new();
    for (rel, bytes) in &files {
        // The source site's pages (the editions under /de/ and /ja/ are
        // the same pages in another language).
        if !rel.ends_with("index.html") || rel.starts_with("de/") || rel.starts_with("ja/") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        let dir = Path::new(rel).parent().expect("a folder");
        // The trail starts at the home page, called "Home" there.
        let mut links: Vec<_> = anchors_in(&html, "<nav class=\"breadcrumbs\"", "</nav>")
            .into_iter()
            .skip(1)
            .collect();
        links.extend(anchors_in(&html, "<nav class=\"prev-next\"", "</nav>"));
        for (href, text) in links {
            if href.contains('#') {
                continue; // a section of a page (a metric's group)
            }
            let mut target = dir.to_path_buf();
            for part in href.split('/').filter(|p| !p.is_empty()) {
                if part == ".." {
                    target.pop();
                } else {
                    target.push(part);
                }
            }
            let target = target.join("index.html");
            let target = target.to_str().expect("utf-8").to_string();
            match heading(&target) {
                Some(h) if h == text => checked += 1,
                Some(h) => problems.push(format!(
                    "{rel}: link to {target} says {text:?}, its heading is {h:?}"
                )),
                None => problems.push(format!(
                    "{rel}: link to {target} ({text:?}) opens no page with a heading"
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked > 500, "only {checked} links checked");
}
