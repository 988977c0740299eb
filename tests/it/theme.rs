//! Themes users can extend, as mdBook and Zola users expect: new templates
//! and partials, overrides, `base.html` blocks, `additional-css` /
//! `additional-js`, `[extra]`, `init --theme`, and loud failures.

use crate::support::*;

/// The skeleton with `[build]` and `[extra]` additions in book.toml.
fn with_book_toml(build: &str, extra: &str) -> Fixture {
    Fixture::skeleton().replace(
        "book.toml",
        "base-url = \"/\"\n",
        &format!("base-url = \"/\"\n{build}\n{extra}"),
    )
}

#[test]
fn a_playbook_adds_a_partial_overrides_a_page_and_reads_extra() {
    let fx = with_book_toml("", "[extra]\nnotice = \"Internal use only\"\n")
        .file(
            "templates/partials/notice.html",
            "<p class=\"notice\">{{ extra.notice }}</p>",
        )
        .file(
            "templates/index.html",
            "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>{% include \"partials/notice.html\" %}{% endblock content %}",
        );
    let built = fx.build_to_temp(&[]);
    let home = built.page("index.html");
    assert!(
        home.contains("<p class=\"notice\">Internal use only</p>"),
        "{home}"
    );
    // Other pages keep the built-in templates.
    assert!(built.page("markets/de/index.html").contains("Germany"));
}

#[test]
fn base_blocks_can_be_filled_by_a_page_template() {
    let fx = Fixture::skeleton().file(
        "templates/search.html",
        "{% extends \"base.html\" %}{% block head %}<meta name=\"x-team\" content=\"ops\">{% endblock head %}\
         {% block footer %}<footer class=\"footer\"><p>Ops only</p></footer>{% endblock footer %}\
         {% block content %}<h1>Search</h1>{% endblock content %}",
    );
    let page = fx.build_to_temp(&[]).page("search/index.html");
    assert!(
        page.contains("<meta name=\"x-team\" content=\"ops\">"),
        "{page}"
    );
    assert!(
        page.contains("<p>Ops only</p>") && !page.contains("built with Playbook"),
        "{page}"
    );
    assert!(
        page.contains("theme/search.js"),
        "the scripts block keeps its default"
    );
}

#[test]
fn additional_css_and_js_and_theme_files_are_published_and_linked_from_every_page() {
    let fx = with_book_toml(
        "additional-css = [\"theme/brand.css\"]\nadditional-js = [\"scripts/hello.js\"]",
        "",
    )
    .file("theme/brand.css", ".brand { color: teal }\n")
    .file("scripts/hello.js", "console.log('hello');\n")
    .file(
        "theme/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let built = fx.build_to_temp(&[]);
    let site = built.site();
    assert!(read_site_file(site, "theme/brand.css").contains("teal"));
    assert!(read_site_file(site, "scripts/hello.js").contains("hello"));
    assert!(read_site_file(site, "theme/logo.svg").contains("<svg"));
    let deep = built.page("frameworks/launch/compliance/regulatory-mapping/index.html");
    assert!(
        deep.contains("href=\"../../../../theme/brand.css\""),
        "{deep}"
    );
    assert!(
        deep.contains("src=\"../../../../scripts/hello.js\""),
        "{deep}"
    );
    assert!(broken_links(site).is_empty(), "{:?}", broken_links(site));
}

#[test]
fn an_additional_file_outside_the_playbook_or_missing_is_an_error() {
    let run = with_book_toml("additional-css = [\"../outside.css\"]", "").build();
    let e = run.only_error();
    assert!(
        e.message.contains("not a path inside the playbook"),
        "{run}"
    );
    assert_eq!(e.place().split(':').next(), Some("book.toml"));
    let run = with_book_toml("additional-js = [\"scripts/missing.js\"]", "").build();
    let e = run.only_error();
    assert!(
        e.message.contains("cannot read scripts/missing.js"),
        "{run}"
    );
}

#[test]
fn an_override_that_drops_what_search_needs_gets_a_warning() {
    let fx = Fixture::skeleton().file(
        "templates/base.html",
        "<!DOCTYPE html><html lang=\"en\"><head><title>{{ page.title }}</title></head><body>{% block content %}{% endblock content %}</body></html>",
    );
    let run = fx.build();
    run.assert_ok();
    let warnings = run.warnings();
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("templates/base.html")
                && w.message.contains("data-search-body")),
        "{run}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("theme/search.js")),
        "{run}"
    );
    let check = fx.check();
    assert!(
        check.stderr.contains("data-search-body"),
        "check warns too: {check}"
    );
}

#[test]
fn a_template_that_exists_but_cannot_be_read_is_an_error_not_the_built_in() {
    let run = Fixture::skeleton()
        .file("templates/.keep", "")
        .symlink("templates/step.html", "/nonexistent/step.html")
        .build();
    run.assert_code(1);
    assert!(
        run.stderr.contains("cannot read") && run.stderr.contains("step.html"),
        "{run}"
    );
}

#[test]
fn init_theme_copies_the_built_in_theme_and_builds_the_same_site() {
    let fx = Fixture::empty();
    fx.run(&["init", "plain"]).assert_ok();
    fx.run(&["init", "themed", "--theme"]).assert_ok();
    assert!(fx.path("themed/templates/base.html").is_file());
    assert!(fx.path("themed/templates/step.html").is_file());
    assert!(fx.path("themed/theme/style.css").is_file());
    assert!(!fx.path("plain/templates").exists());
    let plain = fx.path("plain");
    let themed = fx.path("themed");
    run_in(&plain, &["build"], DEFAULT_TIMEOUT).assert_ok();
    let run = run_in(&themed, &["build"], DEFAULT_TIMEOUT);
    run.assert_ok();
    assert!(
        run.warnings().is_empty(),
        "the copies keep every hook: {run}"
    );
    assert_eq!(
        read_tree(&plain.join("book")),
        read_tree(&themed.join("book")),
        "copies of the built-in theme make the same site"
    );
}
