//! Bad input: each class of mistake an author can make, one test each.
//!
//! Every test checks what the author sees: the message, the file and
//! line:col, the offending source line with the caret under the problem, a
//! hint saying how to fix it, and exit code 1. The harness fails any test
//! whose run panicked.

use crate::support::Fixture;
use std::time::Duration;

const DE: &str = "content/markets/de.yaml";
const IE: &str = "content/markets/ie.yaml";
const COMPONENT: &str = "content/frameworks/launch/compliance.yaml";
const CHAPTER: &str = "content/story/01-first-market.md";
const RESEARCH: &str = "content/research/launch-study.md";
const GDPR: &str = "content/regulations/gdpr.yaml";

#[test]
fn malformed_yaml_points_at_the_bad_line() {
    let run = Fixture::skeleton()
        .replace(DE, "region: eu", "  region: eu")
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert!(e.message.starts_with("malformed YAML"), "{e}");
    assert_eq!(e.place(), format!("{DE}:3:9"));
    assert_eq!(e.source_line.as_deref(), Some("  region: eu"));
    assert!(e.help().contains("indentation"), "{e}");
}

#[test]
fn unterminated_front_matter_in_a_chapter_points_at_its_opening_line() {
    let run = Fixture::skeleton()
        .replace(CHAPTER, "---\nThe team met", "The team met")
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert!(e.message.contains("front matter is never closed"), "{e}");
    assert_eq!(e.place(), format!("{CHAPTER}:1:1"));
    assert_eq!(e.source_line.as_deref(), Some("---"));
    assert!(e.help().contains("`---`"), "{e}");
}

#[test]
fn impossible_date_is_rejected_with_a_date_format_hint() {
    let run = Fixture::skeleton()
        .replace(DE, "kickoff: 2026-03-02", "kickoff: 2027-02-30")
        .build();
    let e = run.only_error();
    assert_eq!(e.place(), format!("{DE}:9:10"));
    assert_eq!(e.underlined(), "2027-02-30");
    assert!(e.message.contains("date"), "{e}");
    assert!(e.help().contains("YYYY-MM-DD"), "{e}");
    e.assert_complete();
}

#[test]

fn text_where_a_number_belongs_asks_for_a_number() {
    let run = Fixture::skeleton()
        .replace(
            COMPONENT,
            "number: 1\ntitle: Compliance",
            "number: abc\ntitle: Compliance",
        )
        .build();
    let e = run.only_error();
    assert_eq!(e.place(), format!("{COMPONENT}:2:9"));
    assert_eq!(e.underlined(), "abc");
    assert!(e.message.contains("\"abc\""), "{e}");
    assert!(e.help().contains("number"), "{e}");
    e.assert_complete();
}

#[test]
fn missing_required_field_is_named_with_how_to_add_it() {
    let run = Fixture::skeleton()
        .replace(DE, "name: Germany\n", "")
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert_eq!(e.message, "missing field `name`");
    assert_eq!(e.place(), format!("{DE}:1:1"));
    assert!(e.help().contains("name: "), "{e}");
}

#[test]
fn unknown_field_suggests_the_nearest_field() {
    let run = Fixture::skeleton()
        .replace(DE, "region: eu", "regoin: eu")
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert_eq!(e.message, "unknown field `regoin`");
    assert_eq!(e.place(), format!("{DE}:3:1"));
    assert_eq!(e.underlined(), "regoin");
    assert!(e.help().contains("did you mean `region`?"), "{e}");
}

#[test]
fn duplicate_regulation_id_names_both_files() {
    let fixture = Fixture::skeleton();
    let copy = fixture.read(GDPR);
    let run = fixture
        .file("content/regulations/gdpr-copy.yaml", copy)
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert_eq!(e.message, "duplicate regulation id `gdpr`");
    assert_eq!(e.source_line.as_deref(), Some("id: gdpr"));
    let mut places = vec![e.place()];
    places.extend(
        e.notes
            .iter()
            .filter_map(|n| n.strip_prefix("also at ").map(String::from)),
    );
    places.sort();
    assert_eq!(
        places,
        [
            "content/regulations/gdpr-copy.yaml:1:1",
            "content/regulations/gdpr.yaml:1:1"
        ],
        "{e}"
    );
}

#[test]

fn duplicate_step_id_in_one_file_names_both_lines() {
    let run = Fixture::skeleton()
        .append(
            COMPONENT,
            "      - id: regulatory-mapping\n        number: 2\n        title: Mapping again\n        activities: []\n",
        )
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert_eq!(e.message, "duplicate step id `regulatory-mapping`");
    assert_eq!(
        e.place(),
        format!("{COMPONENT}:31:9"),
        "the second definition:\n{e}"
    );
    assert_eq!(
        e.notes,
        [format!("also at {COMPONENT}:12:9")],
        "the first definition:\n{e}"
    );
}

#[test]
fn broken_reference_suggests_nearest_id() {
    let run = Fixture::skeleton()
        .replace(
            RESEARCH,
            "[[step:regulatory-mapping]]",
            "[[step:regulatory-maping]]",
        )
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert_eq!(e.message, "broken reference `[[step:regulatory-maping]]`");
    assert_eq!(e.place(), format!("{RESEARCH}:11:16"));
    assert_eq!(e.underlined(), "[[step:regulatory-maping]]");
    assert!(
        e.help().contains("did you mean `regulatory-mapping`?"),
        "{e}"
    );
}

#[test]
fn file_that_is_not_utf8_is_named_with_the_place_of_the_first_bad_byte() {
    let run = Fixture::skeleton()
        .file(DE, b"id: de\nname: \xff\xfe\n")
        .build();
    let e = run.only_error();
    assert!(e.message.contains("not valid UTF-8"), "{e}");
    assert_eq!(e.place(), format!("{DE}:2:7"));
    assert!(e.help().contains("UTF-8"), "{e}");
}

#[test]
fn empty_file_is_named_with_a_hint() {
    let run = Fixture::skeleton().file(IE, "").build();
    let e = run.only_error();
    assert_eq!(e.message, format!("{IE} is empty"));
    assert_eq!(e.place(), format!("{IE}:1:1"));
    assert!(e.help().contains("delete the file"), "{e}");
}

#[test]
fn unknown_book_toml_key_suggests_the_right_key() {
    let run = Fixture::skeleton()
        .replace("book.toml", "base-url = \"/\"", "base-ulr = \"/\"")
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert!(e.message.contains("unknown field `base-ulr`"), "{e}");
    assert_eq!(e.place(), "book.toml:10:1");
    assert_eq!(e.underlined(), "base-ulr");
    assert!(e.help().contains("did you mean `base-url`?"), "{e}");
}

#[test]
fn broken_template_override_names_the_template_and_line() {
    let run = Fixture::skeleton()
        .file(
            "templates/step.html",
            "{% extends \"base.html\" %}\n{% block content %}\n{% if %}x{% endif %}\n{% endblock content %}\n",
        )
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert!(e.message.starts_with("template syntax error"), "{e}");
    assert_eq!(e.place(), "templates/step.html:3:7");
    assert_eq!(e.source_line.as_deref(), Some("{% if %}x{% endif %}"));
}

#[test]
fn yaml_alias_bomb_fails_fast_with_a_located_message() {
    // "Billion laughs": 9 levels of 9 aliases would expand to 9^9 strings.
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for name in 'b'..='i' {
        let refs = vec![format!("*{prev}"); 9].join(",");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        prev = name;
    }
    let run = Fixture::skeleton()
        .file("content/regulations/lol.yaml", bomb)
        .build();
    assert!(
        run.elapsed < Duration::from_secs(10),
        "took {:?}",
        run.elapsed
    );
    let e = run.only_error();
    e.assert_complete();
    assert_eq!(e.file.as_deref(), Some("content/regulations/lol.yaml"));
}

#[test]
fn unknown_owner_role_lists_the_roles() {
    let run = Fixture::skeleton()
        .replace(COMPONENT, "owner: legal", "owner: lawyer")
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert_eq!(e.message, "unknown role `lawyer`");
    assert_eq!(e.place(), format!("{COMPONENT}:25:17"));
    assert_eq!(e.underlined(), "owner: lawyer");
    assert!(e.help().contains("content/roles.yaml"), "{e}");
    assert!(e.help().contains("legal, localization, ops-lead"), "{e}");
}

#[test]
fn rule_naming_an_unknown_tag_suggests_a_known_tag() {
    let run = Fixture::skeleton()
        .replace(COMPONENT, "tags: [new-language]", "tags: [new-langauge]")
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert!(
        e.message.contains("applies to unknown tag `new-langauge`"),
        "{e}"
    );
    assert_eq!(e.place(), format!("{COMPONENT}:30:26"));
    assert_eq!(e.underlined(), "new-langauge");
    assert!(e.help().contains("did you mean `new-language`?"), "{e}");
}

#[test]
fn problems_in_two_files_are_reported_together_with_a_count() {
    let run = Fixture::skeleton()
        .replace(DE, "region: eu", "regoin: eu")
        .replace(GDPR, "name: GDPR", "name: GDPR\n  oops: 1")
        .build();
    run.assert_code(1);
    let files: Vec<String> = run.errors().iter().map(|e| e.place()).collect();
    assert_eq!(files, [format!("{DE}:3:1"), format!("{GDPR}:3:7")], "{run}");
    assert_eq!(run.count_line(), Some("2 errors, 0 warnings"), "{run}");
}

/// Four mistakes in one file are four errors in one run, each complete, in
/// `check` and `build` (issue #26: one per run meant three rounds of fixing).
#[test]
fn four_mistakes_in_one_file_are_reported_in_one_run() {
    let fixture = Fixture::skeleton()
        .replace(DE, "region: eu", "regoin: eu")
        .replace(DE, "tags: [new-language]", "tags: new-language")
        .replace(DE, "kickoff: 2026-03-02", "kickoff: March 1, 2027")
        .replace(DE, "{ value: 94,", "{ value: high,");
    for run in [fixture.check(), fixture.build()] {
        run.assert_code(1);
        let errors = run.errors();
        let got: Vec<(String, String)> = errors
            .iter()
            .map(|e| (e.place(), e.message.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (format!("{DE}:3:1"), "unknown field `regoin`".to_string()),
                (
                    format!("{DE}:6:7"),
                    "wrong type: string \"new-language\", expected a sequence (at `tags`)"
                        .to_string()
                ),
                (
                    format!("{DE}:9:10"),
                    "`kickoff` must be a date like 2027-03-01".to_string()
                ),
                (
                    format!("{DE}:13:28"),
                    "wrong type: string \"high\", expected f64 (at `actuals.launch-on-time.value`)"
                        .to_string()
                ),
            ],
            "{run}"
        );
        for e in &errors {
            e.assert_complete();
        }
        assert_eq!(errors[2].underlined(), "March 1, 2027", "the whole date");
        assert!(errors[2].help().contains("YYYY-MM-DD"), "{run}");
        assert!(errors[0].help().contains("did you mean `region`?"), "{run}");
        assert_eq!(run.count_line(), Some("4 errors, 0 warnings"), "{run}");
    }
}

/// A mistake inside a Markdown file's front matter is placed in the file,
/// and the others in it are found too.
#[test]
fn every_mistake_in_front_matter_is_reported() {
    let run = Fixture::skeleton()
        .replace(CHAPTER, "title:", "titel:")
        .replace(
            CHAPTER,
            "---\nThe team met",
            "reading: quick\n---\nThe team met",
        )
        .check();
    run.assert_code(1);
    let messages: Vec<String> = run.errors().iter().map(|e| e.message.clone()).collect();
    assert_eq!(
        messages,
        ["unknown field `titel`", "unknown field `reading`"],
        "{run}"
    );
    for e in run.errors() {
        e.assert_complete();
        assert!(e.place().starts_with(CHAPTER), "{e}");
    }
}

/// A web address in `[[…]]` gets a hint (write a link), not "unknown
/// reference kind `https`"; a `[[` written `\[[` is text (#26).
#[test]
fn a_web_address_in_double_brackets_gets_a_hint_and_an_escaped_one_is_text() {
    let run = Fixture::skeleton()
        .replace(
            DE,
            "see [[step:regulatory-mapping]].",
            "see [[https://www.bfdi.bund.de/]] and \\[[not a reference]].",
        )
        .check();
    let e = run.only_error();
    e.assert_complete();
    assert_eq!(
        e.message,
        "`[[https://www.bfdi.bund.de/]]` is a web address in `[[…]]`, which is for references to the playbook's own pages"
    );
    assert_eq!(e.underlined(), "[[https://www.bfdi.bund.de/]]");
    assert!(
        e.help()
            .starts_with("write a link as `[text](https://www.bfdi.bund.de/)`"),
        "{e}"
    );
    let fixed = Fixture::skeleton().replace(
        DE,
        "see [[step:regulatory-mapping]].",
        "see \\[[step:regulatory-mapping]] (written so) and [[step:regulatory-mapping]].",
    );
    fixed.check().assert_ok();
    let page = fixed.build_to_temp(&[]).page("markets/de/index.html");
    assert!(
        page.contains(
            "see [[step:regulatory-mapping]] (written so) and <a class=\"xref xref-step\""
        ),
        "{page}"
    );
}

#[test]
fn reference_problems_in_two_files_are_reported_together_with_a_count() {
    let run = Fixture::skeleton()
        .replace(COMPONENT, "owner: legal", "owner: lawyer")
        .replace(IE, "regulations: [gdpr]", "regulations: [gdrp]")
        .build();
    run.assert_code(1);
    for e in run.errors() {
        e.assert_complete();
    }
    let messages: Vec<String> = run.errors().iter().map(|e| e.message.clone()).collect();
    assert_eq!(
        messages,
        ["unknown role `lawyer`", "no regulation with id `gdrp`"],
        "{run}"
    );
    assert_eq!(run.count_line(), Some("2 errors, 0 warnings"), "{run}");
}

#[test]
fn check_reports_the_same_errors_as_build() {
    let fixture = Fixture::skeleton().replace(DE, "region: eu", "regoin: eu");
    let built = fixture.build();
    let checked = fixture.check();
    checked.assert_code(1);
    assert_eq!(checked.stderr.lines().next(), built.stderr.lines().next());
    assert_eq!(checked.only_error().place(), built.only_error().place());
}

#[test]
fn missing_roles_file_is_named_with_a_hint() {
    let run = Fixture::skeleton().remove("content/roles.yaml").build();
    let e = run.only_error();
    assert_eq!(e.message, "missing content/roles.yaml");
    assert!(e.help().contains("roles:"), "{e}");
}

#[test]
fn market_id_that_is_not_its_file_name_points_at_the_id() {
    let run = Fixture::skeleton()
        .replace(IE, "id: ie", "# Ireland\nid: irl")
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert_eq!(
        e.message,
        "market id `irl` does not match its file name `ie.yaml`"
    );
    assert_eq!(e.place(), format!("{IE}:2:1"));
    assert!(e.help().contains("rename the file to irl.yaml"), "{e}");
}

#[test]
fn component_listed_without_its_file_points_at_the_list_item() {
    const FW: &str = "content/frameworks/launch/framework.yaml";
    let run = Fixture::skeleton()
        .replace(
            FW,
            "components: [compliance]",
            "components: [compliance, compliants]",
        )
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert!(
        e.message
            .starts_with("component `compliants` is listed but"),
        "{e}"
    );
    assert_eq!(e.place(), format!("{FW}:4:26"));
    assert_eq!(e.underlined(), "compliants");
}

#[test]
fn two_roles_leading_launches_is_an_error_at_the_second_mark() {
    let run = Fixture::skeleton()
        .replace(
            "content/roles.yaml",
            "    title: Legal counsel\n",
            "    title: Legal counsel\n    leads_launch: true\n",
        )
        .build();
    let e = run.only_error();
    e.assert_complete();
    assert_eq!(e.message, "two roles lead launches: `ops-lead` and `legal`");
    assert_eq!(e.place(), "content/roles.yaml:7:5");
    assert!(e.help().contains("leads_launch: true"), "{e}");
}
