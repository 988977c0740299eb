//! CSV injection (OWASP): a checklist cell that a spreadsheet would run as a
//! formula — one starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return — is written with a `'` in front and quoted, in the CLI's CSV and
//! in the CSV the site publishes beside each checklist. The browser's
//! download (theme/checklist.js) is checked against the CLI's by
//! tests/browser/tests/csv-injection.test.js.

use crate::support::Fixture;

const DANGEROUS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The skeleton with a hostile text in every column a user writes:
/// framework, component, phase, step, activity and task titles, owners.
fn hostile() -> Fixture {
    let c = "content/frameworks/launch/compliance.yaml";
    Fixture::skeleton()
        .replace(
            "content/frameworks/launch/framework.yaml",
            "title: Market Launch Framework",
            "title: \"=Market Launch Framework\"",
        )
        .replace(c, "title: Compliance", "title: \"+Compliance\"")
        .replace(c, "title: Foundation", "title: \"-Foundation\"")
        .replace(c, "title: Regulatory Mapping", "title: \"@Regulatory Mapping\"")
        .replace(c, "- title: Mapping", "- title: \"\\tMapping\"")
        .replace(
            c,
            "              - title: Regulation inventory\n",
            "              - title: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"
                owner: legal
              - title: \"+1+1\"
                owner: legal
              - title: \"-2+3\"
                owner: legal
              - title: \"@SUM(A1)\"
                owner: legal
              - title: \"\\tTabbed\"
                owner: legal
              - title: \"\\rReturn\"
                owner: legal
              - title: Regulation inventory\n",
        )
        .replace(
            "content/markets/de.yaml",
            "team: { ops-lead: \"Jonas Weber\", legal: \"Anna Schmidt\" }",
            "team: { ops-lead: \"@Jonas Weber\", legal: \"=cmd|' /C calc'!A0\", localization: \"-Lena\" }",
        )
}

/// RFC 4180: rows of cells (quoted cells may hold commas, quotes, line breaks).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    // The byte-order mark tells a spreadsheet the file is UTF-8; it is not
    // part of the first cell.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let (mut row, mut cell) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(
        !quoted && cell.is_empty() && row.is_empty(),
        "the CSV ends mid-row"
    );
    rows
}

/// Every cell of every row is safe to open in a spreadsheet.
fn assert_every_cell_is_inert(csv: &str) -> Vec<Vec<String>> {
    let rows = parse_csv(csv);
    assert!(rows.len() > 1, "{csv}");
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), rows[0].len(), "row {i} has its cells: {row:?}");
        for cell in row {
            assert!(
                !cell.starts_with(DANGEROUS),
                "row {i}: cell {cell:?} would run as a formula\n{csv}"
            );
        }
    }
    // The raw text: a neutralised cell is quoted, the `'` inside the quotes.
    for line in csv.split("\r\n") {
        for d in DANGEROUS {
            assert!(
                !line.starts_with(d) && !line.contains(&format!(",{d}")),
                "{line:?}"
            );
        }
    }
    rows
}

#[test]
fn csv_cells_that_start_like_a_formula_are_neutralised() {
    let f = hostile();
    let run = f.run(&["checklist", "de", "--format", "csv"]);
    run.assert_ok();
    let rows = assert_every_cell_is_inert(&run.stdout);
    let col = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} not in {:?}", rows[0]))
    };
    let tasks: Vec<&str> = rows[1..].iter().map(|r| r[col("task")].as_str()).collect();
    for want in [
        "'=HYPERLINK(\"http://evil.example\",\"x\")",
        "'+1+1",
        "'-2+3",
        "'@SUM(A1)",
        "'\tTabbed",
        "'\rReturn",
        "Regulation inventory",
    ] {
        assert!(tasks.contains(&want), "task {want:?} in {tasks:?}");
    }
    let r = &rows[1];
    assert_eq!(r[col("framework")], "'=Market Launch Framework");
    assert_eq!(r[col("component")], "'+Compliance");
    assert_eq!(r[col("phase")], "'-Foundation");
    assert_eq!(r[col("step")], "'@Regulatory Mapping");
    assert_eq!(r[col("activity")], "'\tMapping");
    assert_eq!(r[col("owner")], "'=cmd|' /C calc'!A0");
    // A text that only looks odd further in is left as it is.
    assert_eq!(r[col("start")], "2026-03-02");
    assert_eq!(r[col("market")], "de");
}

#[test]
fn the_csv_published_with_the_site_is_neutralised_too() {
    let f = hostile();
    let cli = f.run(&["checklist", "de", "--format", "csv"]);
    cli.assert_ok();
    let built = f.build_to_temp(&[]);
    let site = crate::support::read_site_file(built.site(), "markets/de/checklist-de.csv");
    assert_eq!(site, cli.stdout);
    assert_every_cell_is_inert(&site);
}
