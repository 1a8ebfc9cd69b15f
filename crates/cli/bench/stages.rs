//! Per-stage single-core throughput on a corpus file: `cargo run --release --example stages -- CORPUS.jsonl`.
#![allow(missing_docs, clippy::unwrap_used)]
use slant_corpus::normalize::TokenForms;
use slant_corpus::read::{self, ReadOptions};
use slant_corpus::segment::{segment, sentences, word_indices};
use slant_corpus::Outcome;
use slant_metrics::quotes;
use slant_metrics::terms::{count_terms_of, Pruning, TermOptions, TermTable};
use std::time::Instant;

fn main() {
    let only = std::env::args().nth(2);
    let path = std::env::args().nth(1).unwrap();
    let opts = ReadOptions::default();
    let t = Instant::now();
    let src = read::open(std::path::Path::new(&path), &opts).unwrap();
    let docs: Vec<_> = read::documents(src, opts.max_doc_bytes)
        .filter_map(|r| match r.unwrap().outcome {
            Outcome::Ok(d) => Some(d),
            _ => None,
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "read {} docs {:.1} MB in {:.2}s",
        docs.len(),
        mb,
        t.elapsed().as_secs_f64()
    );
    let time = |name: &str, f: &mut dyn FnMut() -> usize| {
        if only.as_deref().is_some_and(|o| !name.starts_with(o)) {
            return;
        }
        let t = Instant::now();
        let n = f();
        let s = t.elapsed().as_secs_f64();
        println!("{name:<24} {:>8.1} MB/s  ({n})", mb / s);
    };
    time("sentence_bounds", &mut || {
        docs.iter()
            .map(|d| slant_corpus::sentence_bounds::sentence_bound_indices(&d.text).len())
            .sum()
    });
    time("sentences", &mut || {
        docs.iter().map(|d| sentences(&d.text).len()).sum()
    });
    time("word_indices", &mut || {
        docs.iter().map(|d| word_indices(&d.text).count()).sum()
    });
    time("segment", &mut || {
        docs.iter().map(|d| segment(&d.text).tokens.len()).sum()
    });
    let segs: Vec<_> = docs.iter().map(|d| segment(&d.text)).collect();
    // Normalised once per document, as `slant report` does, for counting and matching.
    time("token forms", &mut || {
        docs.iter()
            .zip(&segs)
            .map(|(d, s)| TokenForms::new(&d.text, s).len())
            .sum()
    });
    let forms: Vec<_> = docs
        .iter()
        .zip(&segs)
        .map(|(d, s)| TokenForms::new(&d.text, s))
        .collect();
    let topts = TermOptions::default();
    let count = |i: usize| count_terms_of(&docs[i].text, &segs[i], &forms[i], &topts);
    time("count_terms", &mut || {
        (0..docs.len()).map(|i| count(i).len()).sum()
    });
    let terms: Vec<_> = (0..docs.len()).map(count).collect();
    let mut table = TermTable::new(&topts);
    let mut terms = Some(terms);
    // In batches of 128 documents, pruned to the default cap, as `slant report` folds them.
    let mut pruning = Pruning::default();
    time("table add", &mut || {
        let mut docs_terms = terms.take().unwrap().into_iter().zip(&docs).enumerate();
        loop {
            let batch: Vec<_> = docs_terms
                .by_ref()
                .take(128)
                .map(|(i, (dt, d))| (d.meta.outlet.as_str(), i as u32, dt))
                .collect();
            if batch.is_empty() {
                break;
            }
            table.add_batch(batch);
            table.prune(500_000, &mut pruning);
        }
        table.entries()
    });
    let lexicons: Vec<_> = ["loaded", "hedges", "boosters", "actors"]
        .iter()
        .map(|n| {
            let src = std::fs::read_to_string(format!("data/lexicons/{n}.toml")).unwrap();
            slant_metrics::lexicon::native::parse(&src, n).unwrap().0
        })
        .collect();
    let (matcher, _) = slant_metrics::lexicon::matcher::Matcher::new(&lexicons);
    time("lexicon find", &mut || {
        docs.iter()
            .zip(&segs)
            .zip(&forms)
            .map(|((d, s), f)| matcher.find_in(&d.text, s, f).len())
            .sum()
    });
    time("quotes", &mut || {
        docs.iter()
            .zip(&segs)
            .map(|(d, s)| {
                quotes::extract(&d.text, s, quotes::Lists::default())
                    .quotes
                    .len()
            })
            .sum()
    });
}
