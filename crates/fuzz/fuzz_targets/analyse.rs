//! Any text through the analysis of a document: terms (1–3 words, in the language its words
//! suggest), quotes, the bundled
//! lexicons' matches and the names an actors lexicon is suggested from. Nothing may panic,
//! unigram counts add up to the tokens, and every quote piece and lexicon hit slices the text
//! at character boundaries, inside it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slant_corpus::segment::segment;
use slant_metrics::lexicon::matcher::Matcher;
use slant_metrics::lexicon::native;
use slant_metrics::lexicon::suggest::names_in;
use slant_metrics::quotes::{extract, Lists};
use slant_corpus::function_words::{guess, FunctionWords};
use slant_corpus::normalize::TokenForms;
use slant_metrics::terms::{count_terms, count_terms_in, TermOptions};
use std::sync::OnceLock;

const LEXICONS: [&str; 4] = [
    include_str!("../../../data/lexicons/loaded.toml"),
    include_str!("../../../data/lexicons/hedges.toml"),
    include_str!("../../../data/lexicons/boosters.toml"),
    include_str!("../../../data/lexicons/actors.toml"),
];

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let lexicons: Vec<_> = LEXICONS
            .iter()
            .map(|src| native::parse(src, "bundled").expect("bundled lexicon").0)
            .collect();
        Matcher::new(&lexicons).0
    })
}

fuzz_target!(|text: &str| {
    let seg = segment(text);
    let unigrams = TermOptions {
        max_n: 1,
        keep_stopwords: true,
        stem: false,
    };
    let doc = count_terms(text, &seg, &unigrams);
    let sum: u64 = doc.iter().map(|(_, t)| u64::from(t.count)).sum();
    assert_eq!(sum, seg.tokens.len() as u64, "unigram counts do not add up");
    let _ = count_terms(text, &seg, &TermOptions::default());
    // In the language the text's words suggest, as the report counts it: its function words
    // are stop words, and never a term alone.
    let language = FunctionWords::of_tag(guess(text));
    let forms = TokenForms::new(text, &seg);
    let doc = count_terms_in(text, &seg, &forms, &TermOptions::default(), language);
    if let Some(l) = language {
        for (key, _) in doc.iter().filter(|(k, _)| !k.contains(' ')) {
            assert!(!l.contains(key.as_bytes()), "function word {key:?} counted");
        }
    }
    let quotes = extract(text, &seg, Lists::default());
    for q in &quotes.quotes {
        for p in &q.pieces {
            assert!(
                text.get(p.start..p.end).is_some(),
                "quote piece {p:?} is not a slice"
            );
        }
        assert!((q.sentence as usize) < seg.sentences.len().max(1));
    }
    for hit in matcher().find(text, &seg) {
        let s = hit.span;
        assert!(
            text.get(s.start..s.end).is_some(),
            "hit {s:?} is not a slice"
        );
        assert!(hit.tokens.0 < hit.tokens.1 && hit.tokens.1 as usize <= seg.tokens.len());
    }
    // The names `slant lexicon actors` would suggest from: each one in the text, counted at
    // most once per sentence.
    for (name, seen) in names_in(text, &seg) {
        assert!(!name.is_empty());
        assert!(
            (seen.sentences + seen.openers) as usize <= seg.sentences.len(),
            "{name:?} counted in more sentences than there are"
        );
    }
});
