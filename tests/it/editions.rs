//! Language editions: each `[book] languages` entry is the same site under
//! `<lang>/`, with its translations laid over the texts, its own interface
//! words, `<html lang>`, a switcher to the same page in the other editions,
//! `hreflang` alternates, and a note on every page not wholly translated.

use crate::support::{broken_links, read_site_file, Fixture};
use sha2::{Digest, Sha256};

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The skeleton in English and German, with Germany's market file
/// translated (name and summary) from its current text.
fn german() -> Fixture {
    let fx = Fixture::skeleton().replace(
        "book.toml",
        "description = ",
        "languages = [\"de\"]\ndescription = ",
    );
    let hash = sha256(fx.read("content/markets/de.yaml").as_bytes());
    fx.file(
        "content/i18n/de/markets/de.yaml",
        format!(
            "source:\n  sha256: {hash}\n  translated: 2026-12-01\nentries:\n  market:de:\n    name: Deutschland\n    summary: Unser erster EU-Markt; siehe [[step:regulatory-mapping|Regulierungsübersicht]].\n"
        ),
    )
}

#[test]
fn the_german_edition_is_the_same_site_under_de_with_the_translation_and_german_words() {
    let built = german().build_to_temp(&[]);
    let page = built.page("de/markets/de/index.html");
    assert!(page.contains("<html lang=\"de\""), "{}", &page[..200]);
    assert!(
        page.contains("<h1>Deutschland</h1>") || page.contains(">Deutschland</h1>"),
        "translated name"
    );
    assert!(page.contains("Unser erster EU-Markt"), "translated summary");
    assert!(
        page.contains(">Regulierungsübersicht</a>"),
        "the reference keeps its target, with the translated label"
    );
    assert!(
        page.contains("Zum Inhalt springen"),
        "interface words in German"
    );
    // The English site is unchanged in language and words.
    let en = built.page("markets/de/index.html");
    assert!(en.contains("<html lang=\"en\""));
    assert!(en.contains("Skip to content") && en.contains(">Germany</h1>"));
    // Every page of the English site is in the edition.
    let tree = crate::support::read_tree(built.site());
    for p in tree
        .keys()
        .filter(|p| p.ends_with("index.html") && !p.starts_with("de/"))
    {
        assert!(tree.contains_key(&format!("de/{p}")), "de/{p} missing");
    }
    assert_eq!(broken_links(built.site()), Vec::<String>::new());
}

#[test]
fn the_switcher_goes_to_the_same_page_in_the_other_edition() {
    let built = german().build_to_temp(&[]);
    let site = built.site();
    for (page, other) in [
        ("markets/de/index.html", "de/markets/de/index.html"),
        ("de/markets/de/index.html", "markets/de/index.html"),
        ("de/index.html", "index.html"),
    ] {
        let html = built.page(page);
        let nav = html
            .split("<nav class=\"editions\"")
            .nth(1)
            .and_then(|s| s.split("</nav>").next())
            .unwrap_or_else(|| panic!("{page} has no language switcher"));
        let href = nav
            .split("href=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
            .find(|h| nav.contains(&format!("href=\"{h}\" hreflang")))
            .unwrap_or_else(|| panic!("{page}: no link to another edition in {nav}"));
        let from = site.join(page);
        let target = from.parent().unwrap().join(href).join("index.html");
        let target = target
            .canonicalize()
            .unwrap_or_else(|e| panic!("{page} → {href}: {e}"));
        assert_eq!(
            target,
            site.join(other).canonicalize().unwrap(),
            "{page} → {href}"
        );
        assert!(
            nav.contains("aria-current=\"true\""),
            "{page}: the current language is marked"
        );
    }
}

#[test]
fn pages_say_what_is_not_translated_or_stale() {
    let built = german().build_to_temp(&[]);
    // Ireland's file has no German translation.
    let ie = built.page("de/markets/ie/index.html");
    assert!(
        ie.contains("Diese Seite ist noch nicht übersetzt"),
        "untranslated note"
    );
    // Germany's file is wholly translated (its name and summary are all the
    // text it has): no note.
    assert!(!built
        .page("de/markets/de/index.html")
        .contains("translation-note"));
    // Translated in part: the page says so.
    let partly = german()
        .replace(
            "content/i18n/de/markets/de.yaml",
            "    summary: Unser",
            "    x_summary: Unser",
        )
        .replace(
            "content/i18n/de/markets/de.yaml",
            "    x_summary",
            "    #summary",
        )
        .build_to_temp(&[]);
    assert!(partly
        .page("de/markets/de/index.html")
        .contains("Teile dieser Seite sind noch nicht übersetzt"));
    // The English site carries no such note.
    assert!(!built
        .page("markets/ie/index.html")
        .contains("translation-note"));

    // Edit the English source after the translation: the page says so, with the day.
    let stale = german()
        .replace(
            "content/markets/de.yaml",
            "currency: EUR",
            "currency: EUR\n# edited",
        )
        .build_to_temp(&[]);
    let page = stale.page("de/markets/de/index.html");
    assert!(
        page.contains("Die englische Seite wurde nach dieser Übersetzung (2026-12-01) geändert"),
        "stale note"
    );
}

#[test]
fn hreflang_alternates_and_one_sitemap_cover_every_edition() {
    let built = german().build_to_temp(&["--base-url", "https://ops.example/playbook/"]);
    let page = built.page("de/markets/de/index.html");
    assert!(page.contains(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://ops.example/playbook/markets/de/\">"
    ));
    assert!(page.contains(
        "<link rel=\"alternate\" hreflang=\"de\" href=\"https://ops.example/playbook/de/markets/de/\">"
    ));
    let sitemap = built.page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://ops.example/playbook/de/markets/de/</loc>"));
    assert!(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"https://ops.example/playbook/de/markets/de/\"/>"));
    assert!(
        !built.site().join("de/sitemap.xml").exists(),
        "one sitemap, at the root"
    );
}

#[test]
fn the_playbook_overrides_an_interface_word_and_a_single_language_site_has_no_switcher() {
    let built = german()
        .file(
            "templates/i18n/de.ftl",
            "skip-to-content = Direkt zum Inhalt\n",
        )
        .build_to_temp(&[]);
    let page = built.page("de/index.html");
    assert!(page.contains("Direkt zum Inhalt"));
    assert!(
        page.contains("Startseite") || page.contains("Menü"),
        "other words stay built in"
    );

    let plain = Fixture::skeleton().build_to_temp(&[]);
    assert!(!plain.page("index.html").contains("class=\"editions\""));
    assert!(!plain.site().join("de").exists());
}

#[test]
fn each_edition_has_its_own_search_index() {
    let built = german().build_to_temp(&[]);
    assert!(built.site().join("de/fulltext/manifest.json").is_file());
    assert!(built.site().join("fulltext/manifest.json").is_file());
    let titles = built.page("de/search-index.js");
    assert!(
        titles.contains("Deutschland"),
        "the German title index has the German name"
    );
}

#[test]
fn a_broken_string_table_override_is_an_error_at_its_line() {
    let run = german()
        .file("templates/i18n/de.ftl", "menu = Navigation\n= kein Name\n")
        .build();
    run.assert_code(1);
    let e = run.errors().into_iter().next().expect("an error");
    assert_eq!(e.file.as_deref(), Some("templates/i18n/de.ftl"), "{e}");
    assert_eq!(e.line, 2, "{e}");
}

#[test]
fn the_japanese_edition_is_searchable_by_pairs_of_characters() {
    let fx = Fixture::skeleton().replace(
        "book.toml",
        "description = ",
        "languages = [\"ja\"]\ndescription = ",
    );
    let hash = sha256(fx.read("content/markets/de.yaml").as_bytes());
    let built = fx
        .file(
            "content/i18n/ja/markets/de.yaml",
            format!("source:\n  sha256: {hash}\n  translated: 2026-12-01\nentries:\n  market:de:\n    name: ドイツ\n    summary: 個人情報保護委員会に相当する監督機関への届出。\n"),
        )
        .build_to_temp(&[]);
    let page = built.page("ja/markets/de/index.html");
    assert!(page.contains("<html lang=\"ja\""));
    // The edition's full-text index holds the pairs a Japanese query is
    // split into, not whole runs of text.
    let index: String = crate::support::read_tree(&built.site().join("ja/fulltext"))
        .into_values()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    for pair in ["個人", "情報", "委員"] {
        assert!(index.contains(pair), "the Japanese index lacks {pair}");
    }
    assert!(
        !index.contains("個人情報保護委員会"),
        "a run of Japanese text was indexed as one word"
    );
}

#[test]
fn a_checklist_in_german_in_every_text_format() {
    let fx = german();
    let md = fx.run(&["checklist", "de", "--lang", "de"]);
    md.assert_ok();
    let md = &md.stdout;
    assert!(
        md.starts_with("# Launch-Checkliste: Deutschland (de)"),
        "{md}"
    );
    assert!(
        md.contains("## März 2026"),
        "month headings in German: {md}"
    );
    assert!(md.contains("fällig 2026-"), "{md}");
    assert!(md.contains("Aufgabe"), "{md}");

    let csv = fx.run(&["checklist", "de", "--lang", "de", "--format", "csv"]);
    csv.assert_ok();
    assert!(
        csv.stdout
            .starts_with("\u{feff}Markt,Aufgaben-ID,Framework,"),
        "{}",
        csv.stdout
    );
    let header = csv.stdout.lines().next().unwrap();
    assert_eq!(
        header.split(',').count(),
        22,
        "as many columns as the English"
    );

    let ics = fx.run(&["checklist", "de", "--lang", "de", "--format", "ics"]);
    ics.assert_ok();
    assert!(
        ics.stdout
            .contains("X-WR-CALNAME:Checkliste: Launch Deutschland"),
        "{}",
        ics.stdout
    );

    let html = fx.run(&["checklist", "de", "--lang", "de", "--format", "html"]);
    html.assert_ok();
    assert!(html.stdout.contains("<html lang=\"de\""));
    assert!(html
        .stdout
        .contains("<h1>Launch-Checkliste: Deutschland</h1>"));
    assert!(html.stdout.contains("Abgenommen von"));

    // The English checklist is as it was.
    let en = fx.run(&["checklist", "de"]);
    assert!(
        en.stdout.starts_with("# Launch checklist: Germany (de)"),
        "{}",
        en.stdout
    );
    assert!(en.stdout.contains("## March 2026"));
}

#[test]
fn a_language_the_playbook_does_not_have_is_a_usage_error_naming_those_it_has() {
    let run = german().run(&["checklist", "de", "--lang", "dee"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("`dee` is not a language of this playbook"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `--lang de`?"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("it has en, de"), "{}", run.stderr);
}

#[test]
fn a_playbook_written_in_german_shows_german_titles_that_rust_writes_too() {
    // No editions: the source language itself is German. A market
    // checklist's title is written by Rust (previous/next links name it).
    let fixture =
        Fixture::skeleton().replace("book.toml", "language = \"en\"", "language = \"de\"");
    fixture.build().assert_ok();
    let site = crate::support::read_tree(&fixture.path("book"));
    let pages: Vec<(&String, String)> = site
        .iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| (k, String::from_utf8_lossy(v).into_owned()))
        .collect();
    let english: Vec<&&String> = pages
        .iter()
        .filter(|(_, t)| t.contains("launch checklist") || t.contains(" self-assessment<"))
        .map(|(k, _)| k)
        .collect();
    assert!(
        english.is_empty(),
        "English titles Rust wrote, on {english:?}"
    );
    assert!(
        pages.iter().any(|(_, t)| t.contains("Launch-Checkliste")),
        "the German title is there instead"
    );
    let markets = read_site_file(&fixture.path("book"), "markets/index.html");
    assert!(markets.contains("<title>Märkte") && markets.contains("lang=\"de\""));
}

#[test]
fn a_german_checklist_gives_phase_windows_and_a_markets_own_work_in_german() {
    let fx = Fixture::skeleton().replace(
        "book.toml",
        "description = ",
        "languages = [\"de\"]\ndescription = ",
    );
    let market = fx.read("content/markets/de.yaml");
    let fx = fx.file(
        "content/markets/de.yaml",
        format!("{market}tasks:\n  - step: regulatory-mapping\n    title: Register the data protection officer\n    owner: legal\n"),
    );
    let csv = fx.run(&["checklist", "de", "--lang", "de", "--format", "csv"]);
    csv.assert_ok();
    let rows: Vec<Vec<&str>> = csv.stdout.lines().map(|l| l.split(',').collect()).collect();
    let column = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
    };
    let (window, activity, task) = (
        column("Phasenfenster").expect("a phase window column"),
        column("Aktivität").expect("an activity column"),
        column("Aufgabe").expect("a task column"),
    );
    for row in &rows[1..] {
        assert!(
            row[window].starts_with("Woche") || row[window].starts_with("Monat"),
            "a phase window in English: {row:?}"
        );
    }
    let own = rows
        .iter()
        .find(|r| r[task] == "Register the data protection officer")
        .expect("the market's own task is on its list");
    assert_eq!(own[activity], "Marktspezifisch");
    let md = fx.run(&["checklist", "de", "--lang", "de"]);
    assert!(!md.stdout.contains("Market-specific"), "{}", md.stdout);
    // In English, the words are as they were.
    let en = fx.run(&["checklist", "de", "--format", "csv"]);
    assert!(en.stdout.contains(",Weeks 1–2,"), "{}", en.stdout);
    assert!(en.stdout.contains(",Market-specific,"), "{}", en.stdout);
}
