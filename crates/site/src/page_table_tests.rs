//! The page table (`playbook_content::page_kinds`) against what the site
//! makes of it: the starter playbook's pages in reading order, their URLs,
//! and a built-in template for every kind of page.

use crate::testing::skeleton_playbook;
use playbook_content::page_kinds::Reading::Not;
use playbook_content::page_kinds::*;

#[test]
fn every_page_of_the_reading_order_is_there_once_and_children_are_read_after_their_parent() {
    let (_tmp, pb) = skeleton_playbook();
    let order = reading_order(&pb);
    let mut seen = std::collections::HashSet::new();
    for p in &order {
        assert!(seen.insert(*p), "{p:?} twice");
    }
    for k in PAGE_KINDS.iter().filter(|k| k.reading != Not) {
        for p in pages_of(&pb, k.kind) {
            assert!(seen.contains(&p), "{p:?} is not in reading order");
        }
    }
    let pos = |p: Page| order.iter().position(|q| *q == p).unwrap();
    let market = Page {
        kind: PageKind::Market,
        idx: 0,
    };
    let checklist = Page {
        kind: PageKind::MarketChecklist,
        idx: 0,
    };
    assert_eq!(pos(checklist), pos(market) + 1);
    assert_eq!(
        order[0],
        Page {
            kind: PageKind::Home,
            idx: 0
        }
    );
}

#[test]
fn urls_follow_the_patterns() {
    let (_tmp, pb) = skeleton_playbook();
    for k in PAGE_KINDS {
        for p in pages_of(&pb, k.kind) {
            let u = url(&pb, p);
            let fixed: String = k.url_pattern.split('<').next().unwrap_or("").into();
            let fixed = fixed.trim_end_matches(".html");
            assert!(u.starts_with(fixed), "{}: {u} vs {}", k.name, k.url_pattern);
        }
    }
    let de = pb.markets.position(|m| m.id == "de").unwrap();
    assert_eq!(
        url(
            &pb,
            Page {
                kind: PageKind::MarketChecklist,
                idx: de.index()
            }
        ),
        "markets/de/checklist/"
    );
    assert_eq!(
        path(
            &pb,
            Page {
                kind: PageKind::NotFound,
                idx: 0
            }
        ),
        "404.html"
    );
}

#[test]
fn every_template_named_is_built_in() {
    for k in PAGE_KINDS {
        assert!(
            crate::render::BUILTIN_TEMPLATES
                .iter()
                .any(|(n, _)| *n == k.template),
            "{} uses {}, which is not a built-in template",
            k.name,
            k.template
        );
    }
}
