//! A regulation's sources, key dates and watch list: what the page shows
//! (each date with its source link and the day it was checked,
//! "unconfirmed", every external link marked `rel="external"`), what
//! `playbook.json` carries, and what `check` says of a wrong source id or
//! a source checked after the page's review.

use crate::support::{links, Fixture};

const GDPR: &str = "content/regulations/gdpr.yaml";

/// The skeleton's GDPR page with sources, deadlines, obligation sources and
/// a watch list.
const SOURCED: &str = r#"id: gdpr
name: GDPR
official_name: Regulation (EU) 2016/679 (General Data Protection Regulation)
jurisdiction: European Union
in_force: "25 May 2018"
link: https://eur-lex.europa.eu/eli/reg/2016/679/oj
reviewed: 2026-01-10
summary: The EU's data protection law.
sources:
  - id: oj-2016-679
    title: "Regulation (EU) 2016/679, OJ L 119, 4.5.2016"
    url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
    checked: 2026-01-10
  - id: edpb
    title: European Data Protection Board
    url: https://www.edpb.europa.eu/
    checked: 2026-01-09
in_force_source: oj-2016-679
deadlines:
  - id: application
    date: 2018-05-25
    what: The Regulation applies (Art. 99(2)).
    source: oj-2016-679
  - id: guidelines
    date: 2027-01-01
    what: Guidelines expected on [[regulation:gdpr]] breach notification.
    source: edpb
    confirmed: false
obligations:
  - topic: Breach notification
    text: Notify the supervisory authority within 72 hours of becoming aware of a personal data breach.
    sources: [oj-2016-679]
watch:
  - what: A proposal would amend the Regulation.
    sources: [edpb]
    confirmed: false
"#;

#[test]
fn the_page_shows_key_dates_with_sources_a_watch_list_and_the_sources() {
    let fx = Fixture::skeleton().file(GDPR, SOURCED);
    fx.check().assert_ok();
    let built = fx.build_to_temp(&[]);
    let page = built.page("regulations/gdpr/index.html");

    // Key dates: a row per deadline, anchored, dated, with its source.
    assert!(
        page.contains(r#"<h2 id="key-dates">Key dates</h2>"#),
        "{page}"
    );
    let row = page
        .split(r#"<tr id="deadline-guidelines">"#)
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .expect("a row for the guidelines deadline");
    assert!(row.contains(r#"<time datetime="2027-01-01">"#), "{row}");
    assert!(row.contains(">unconfirmed</span>"), "{row}");
    assert!(
        row.contains(r#"<a href="https://www.edpb.europa.eu/" rel="external">European Data Protection Board</a>"#),
        "{row}"
    );
    assert!(
        row.contains(r#"checked <time datetime="2026-01-09">"#),
        "{row}"
    );
    assert!(
        row.contains(r#"href="../gdpr/""#) || row.contains("regulations/gdpr/"),
        "the what's Markdown link: {row}"
    );
    let confirmed = page
        .split(r#"<tr id="deadline-application">"#)
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .expect("a row for the application deadline");
    assert!(!confirmed.contains("unconfirmed"), "{confirmed}");

    // The in-force date's source, an obligation's source, the watch list, the sources.
    assert!(
        page.contains(r#"checked <time datetime="2026-01-10">2026-01-10</time>)"#),
        "{page}"
    );
    assert!(page.contains(r#"<p class="muted">Source: <a href="https://eur-lex.europa.eu/eli/reg/2016/679/oj" rel="external">"#), "{page}");
    let watch = page
        .split(r#"<h2 id="watch">Watch</h2>"#)
        .nth(1)
        .and_then(|w| w.split("</ul>").next())
        .expect("a watch list");
    assert!(
        watch.contains("A proposal would amend the Regulation."),
        "{watch}"
    );
    assert!(watch.contains(">unconfirmed</span>"), "{watch}");
    assert!(page.contains(r#"<li id="source-edpb">"#), "{page}");

    // The on-page contents name the new sections.
    for id in ["#key-dates", "#obligations", "#watch", "#sources"] {
        assert!(
            page.contains(&format!(r#"<a href="{id}">"#)),
            "{id} in the contents"
        );
    }

    // Every link to another site is marked external.
    let tags: Vec<&str> = page.split("<a ").skip(1).collect();
    for tag in tags.iter().filter(|t| t.starts_with("href=\"http")) {
        let open = tag.split('>').next().unwrap_or("");
        assert!(open.contains(r#"rel="external""#), "{open}");
    }
    assert!(links(&page)
        .iter()
        .any(|l| l == "https://www.edpb.europa.eu/"));

    // playbook.json carries them.
    let json: serde_json::Value =
        serde_json::from_str(&built.page("playbook.json")).expect("playbook.json is JSON");
    let gdpr = json["regulations"]
        .as_array()
        .and_then(|a| a.iter().find(|g| g["id"] == "gdpr"))
        .expect("gdpr in playbook.json");
    assert_eq!(gdpr["in_force_source"], "oj-2016-679");
    assert_eq!(gdpr["deadlines"][1]["id"], "guidelines");
    assert_eq!(gdpr["deadlines"][1]["source"], "edpb");
    assert_eq!(gdpr["deadlines"][1]["confirmed"], false);
    assert_eq!(gdpr["sources"][1]["checked"], "2026-01-09");
    assert_eq!(gdpr["obligations"][0]["sources"][0], "oj-2016-679");
    assert_eq!(gdpr["watch"][0]["sources"][0], "edpb");
}

#[test]
fn an_unknown_source_id_is_an_error_at_its_place_with_the_nearest_id() {
    let run = Fixture::skeleton()
        .file(
            GDPR,
            SOURCED.replace("    source: edpb\n", "    source: edbp\n"),
        )
        .check();
    let e = run.only_error();
    e.assert_complete();
    assert_eq!(e.message, "no source with id `edbp` in this regulation");
    assert_eq!(e.place(), format!("{GDPR}:27:13"));
    assert_eq!(e.underlined(), "edbp");
    assert_eq!(e.help(), "did you mean `edpb`?");
}

#[test]
fn a_source_checked_after_the_review_is_a_warning_and_the_check_passes() {
    let run = Fixture::skeleton()
        .file(
            GDPR,
            SOURCED.replace("checked: 2026-01-09", "checked: 2026-02-01"),
        )
        .check();
    run.assert_ok();
    let w = run.warnings();
    assert_eq!(w.len(), 1, "{run}");
    assert_eq!(w[0].place(), format!("{GDPR}:17:14"));
    assert!(
        w[0].message.contains("after the page's `reviewed` date"),
        "{}",
        w[0]
    );
}
