//! The cleaner on page templates of other typical sites (not the bundled corpus's): each
//! `fixtures/templates/NAME.txt` page must clean to exactly `NAME.expected.txt`, with the
//! metadata the page states.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use slant_corpus::clean::clean;
use std::path::Path;

fn check(name: &str) -> slant_corpus::clean::Cleaned {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/templates");
    let page = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    let want = std::fs::read_to_string(dir.join(format!("{name}.expected.txt"))).unwrap();
    let got = clean(&page, None);
    assert_eq!(got.text, want.trim_end(), "{name}: cleaned text differs");
    got
}

#[test]
fn wordpress_blog_with_comments() {
    let c = check("wordpress_blog");
    assert_eq!(
        c.meta.title,
        "City council approves new budget after long debate"
    );
    assert_eq!(c.meta.published, "2024-03-03");
    assert_eq!(c.meta.outlet, "My Local Paper");
}

#[test]
fn wire_story_with_dateline_and_read_next() {
    let c = check("wire_story");
    assert_eq!(c.meta.author, "Tom Hardy; Anna Berg");
    assert_eq!(c.meta.published, "2023-11-12");
    assert_eq!(
        c.meta.extra.get("dateline").map(String::as_str),
        Some("LISBON")
    );
    assert_eq!(
        c.meta.title,
        "Storm floods coastal towns as rivers burst their banks"
    );
}

#[test]
fn news_portal_with_cookie_banner_standfirst_and_newsletter() {
    let c = check("news_portal");
    assert_eq!(c.meta.author, "Jane Roe");
    assert_eq!(c.meta.published, "2024-05-14");
    assert_eq!(c.meta.title, "Why the ceasefire talks stalled again");
    assert!(c.meta.extra["standfirst"].starts_with("Negotiators left the capital without a deal"));
}
