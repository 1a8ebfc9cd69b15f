//! What the metrics benchmarks share: the bundled articles, cleaned, repeated to a corpus.

use slant_corpus::{clean::clean, decode::decode};

/// Documents in each benchmark corpus.
pub const DOCS: usize = 1000;

/// The five bundled articles, decoded and cleaned as `slant report` does, repeated to
/// [`DOCS`] documents.
pub fn cleaned_seeds() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let cleaned: Vec<String> = files
        .iter()
        .map(|p| clean(&decode(&std::fs::read(p).unwrap()).unwrap().text, None).text)
        .collect();
    (0..DOCS)
        .map(|i| cleaned[i % cleaned.len()].clone())
        .collect()
}
