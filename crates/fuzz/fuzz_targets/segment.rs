//! slant's fast word and sentence scanners against unicode-segmentation, the reference they
//! must equal on any text: the same words at the same offsets, the same sentence bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slant_corpus::segment::word_indices;
use slant_corpus::sentence_bounds::sentence_bound_indices;
use unicode_segmentation::UnicodeSegmentation;

fuzz_target!(|text: &str| {
    let fast: Vec<(usize, &str)> = word_indices(text).collect();
    let uax: Vec<(usize, &str)> = text.unicode_word_indices().collect();
    assert_eq!(fast, uax, "words differ");
    let fast = sentence_bound_indices(text);
    let uax: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
    assert_eq!(fast, uax, "sentence bounds differ");
});
