//! A scraped page as any bytes: decoded (with no control character left but the line feed and
//! the tab, so that normalising again changes nothing), cleaned, its metadata read, its
//! language guessed, and segmented. Nothing may panic; the language is English, one with a
//! list or a script of its own, or none; every word of the cleaned text is on the page, and
//! every token and sentence slices the cleaned text at character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slant_corpus::clean::clean;
use slant_corpus::decode::{decode, normalize_text};
use slant_corpus::function_words::{guess, LANGUAGES, SCRIPT_LANGUAGES};
use slant_corpus::segment::segment;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes) else { return };
    assert!(
        !decoded
            .text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "a control character survived decoding"
    );
    let page = normalize_text(decoded.text.clone());
    assert_eq!(page, decoded.text, "normalising a decoded text changed it");
    let cleaned = clean(&page, None);
    for word in cleaned.text.split_whitespace() {
        assert!(
            page.contains(word),
            "cleaned word {word:?} is not on the page"
        );
    }
    let language = guess(&cleaned.text);
    assert!(
        language.is_empty()
            || language == "en"
            || LANGUAGES.iter().any(|(c, _)| *c == language)
            || SCRIPT_LANGUAGES.contains(&language),
        "{language:?}"
    );
    let seg = segment(&cleaned.text);
    for s in &seg.sentences {
        assert!(
            cleaned.text.get(s.start..s.end).is_some(),
            "sentence {s:?} is not a slice"
        );
    }
    for t in &seg.tokens {
        let word = cleaned
            .text
            .get(t.span.start..t.span.end)
            .expect("token slice");
        assert!(!word.is_empty());
        assert!((t.sentence as usize) < seg.sentences.len());
    }
});
