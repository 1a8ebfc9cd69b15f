//! The bare baseline of the scale benchmark: one core scanning a JSONL corpus's texts with
//! unicode-segmentation's `unicode_words()`, and with slant's `word_indices` (same words).
//! Prints one JSON line per tokeniser with bytes, words and seconds of the scan alone.
//!
//! `cargo run --release -p slant-corpus --example unicode_words_scan -- CORPUS.jsonl`

use slant_corpus::segment::word_indices;
use std::io::BufRead;
use unicode_segmentation::UnicodeSegmentation;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: unicode_words_scan CORPUS.jsonl")?;
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let mut texts = Vec::new();
    for line in file.lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        texts.push(v["text"].as_str().unwrap_or_default().to_string());
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let t = std::time::Instant::now();
    let uax: usize = texts.iter().map(|t| t.unicode_words().count()).sum();
    let uax_s = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    let fast: usize = texts.iter().map(|t| word_indices(t).count()).sum();
    let fast_s = t.elapsed().as_secs_f64();
    assert_eq!(uax, fast, "the tokenisers disagree");
    println!(r#"{{"tool":"unicode_words","bytes":{bytes},"words":{uax},"seconds":{uax_s}}}"#);
    println!(
        r#"{{"tool":"slant_word_indices","bytes":{bytes},"words":{fast},"seconds":{fast_s}}}"#
    );
    Ok(())
}
