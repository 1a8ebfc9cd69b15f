//! An HTML page as any bytes: decoded, laid out as text, its metadata read, then cleaned. Nothing
//! may panic; the layout has no carriage return or other control character but the line feed,
//! and every word the cleaner keeps is in the layout.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slant_corpus::clean::clean;
use slant_corpus::decode::decode;
use slant_corpus::html::to_text;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes) else { return };
    let page = to_text(&decoded.text);
    assert!(
        !page.text.chars().any(|c| c.is_control() && c != '\n'),
        "a control character in the layout"
    );
    let cleaned = clean(&page.text, None);
    for word in cleaned.text.split_whitespace() {
        assert!(page.text.contains(word), "cleaned word {word:?} is not in the layout");
    }
});
