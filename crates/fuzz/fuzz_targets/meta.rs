//! Any line through each reader of metadata the cleaner calls on a page's lines: dates,
//! bylines, datelines, stamps and copyright lines. Nothing may panic, a date is a real ISO date
//! found at a range of the line, and a dateline is a piece of the line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slant_corpus::meta::{
    after_dateline, copyright_holder, dateline, find_date, is_stamp_line, looks_like_name,
    name_with_handle, name_with_stamp, parse_byline, parse_iso_date, title_case_if_shouting,
};

fuzz_target!(|line: &str| {
    if let Some((date, at)) = find_date(line) {
        assert!(
            line.get(at.clone()).is_some(),
            "date range {at:?} is not a slice"
        );
        assert_eq!(
            parse_iso_date(&date).as_deref(),
            Some(date.as_str()),
            "not an ISO date"
        );
    }
    if let Some(iso) = parse_iso_date(line) {
        assert_eq!(
            Some(iso.as_str()),
            line.trim().get(..10),
            "read as another date"
        );
    }
    if let Some(place) = dateline(line) {
        assert!(line.contains(place));
    }
    if let Some(rest) = after_dateline(line) {
        assert!(line.contains(rest));
    }
    let _ = is_stamp_line(line);
    if let Some(name) = parse_byline(line) {
        assert!(!name.trim().is_empty(), "an empty author from {line:?}");
        let _ = title_case_if_shouting(&name);
    }
    // A byline without "By": the name is on the line, before the handle or the time.
    if let Some(name) = name_with_stamp(line) {
        assert!(line.contains(name.as_str()), "{name:?} is not on {line:?}");
    }
    if let Some(name) = name_with_handle(line) {
        assert!(!name.trim().is_empty(), "an empty author from {line:?}");
        assert!(!name.contains('@'), "{name:?} holds the handle");
    }
    let _ = looks_like_name(line);
    let _ = copyright_holder(line);
});
