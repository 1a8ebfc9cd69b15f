//! Term counting throughput, in MB of cleaned text and documents per second.
//!
//! The texts are the five bundled articles, cleaned, repeated to 1,000 documents. Measured:
//! segmentation plus term counting (unigrams, bigrams, trigrams) on one core and in parallel
//! with rayon, the pooling of per-document counts into group tables, and as the baseline a
//! naive unigram count: `unicode_words()`, `to_lowercase()` and a `std::collections::HashMap`.
//! And the fold at the phrase cap: 8,000 generated articles of 40 outlets (36 MB) folded into a
//! table in batches of 128, as `slant report` folds them, under its default cap, which they
//! pass: phrases are pruned and then admitted on their second sighting, and the table is as
//! large as a large corpus's, so that its lookups miss the cache as they do there.
//! Each benchmark asserts its result, so a fast wrong answer cannot pass.
//!
//! Run: `cargo bench -p slant-metrics --bench terms`.

#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;
use slant_corpus::segment::segment;
use slant_corpus::synth::{Synth, SynthOptions};
use slant_metrics::keyness::{keyness, KeynessOptions};
use slant_metrics::terms::{count_terms, Pruning, TermOptions, TermTable};
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

mod common;
use common::{cleaned_seeds, DOCS};

fn bench(c: &mut Criterion) {
    let texts = cleaned_seeds();
    let bytes: usize = texts.iter().map(String::len).sum();
    let opts = TermOptions::default();
    let count_plane = |n: u32| assert!(n >= 200 * 5, "{n}");

    for (name, throughput) in [
        ("terms_mb", Throughput::Bytes(bytes as u64)),
        ("terms_docs", Throughput::Elements(DOCS as u64)),
    ] {
        let mut g = c.benchmark_group(name);
        g.throughput(throughput);
        g.sample_size(20);
        g.bench_function("baseline_naive_unigrams", |b| {
            b.iter(|| {
                let mut plane = 0;
                for t in &texts {
                    let mut m: HashMap<String, u32> = HashMap::new();
                    for w in t.unicode_words() {
                        *m.entry(w.to_lowercase()).or_default() += 1;
                    }
                    plane += m.get("plane").copied().unwrap_or(0);
                }
                count_plane(plane);
                black_box(plane)
            })
        });
        g.bench_function("segment_only_1core", |b| {
            b.iter(|| {
                let tokens: usize = texts.iter().map(|t| segment(t).tokens.len()).sum();
                assert!(tokens > 500 * DOCS, "{tokens}");
                black_box(tokens)
            })
        });
        g.bench_function("segment_count_1core", |b| {
            b.iter(|| {
                let mut plane = 0;
                for t in &texts {
                    plane += count_terms(t, &segment(t), &opts).count("plane");
                }
                count_plane(plane);
                black_box(plane)
            })
        });
        g.bench_function("segment_count_rayon", |b| {
            b.iter(|| {
                let plane: u32 = texts
                    .par_iter()
                    .map(|t| count_terms(t, &segment(t), &opts).count("plane"))
                    .sum();
                count_plane(plane);
                black_box(plane)
            })
        });
        g.finish();
    }

    let docs: Vec<_> = texts
        .iter()
        .map(|t| count_terms(t, &segment(t), &opts))
        .collect();
    let mut g = c.benchmark_group("pool_and_score");
    g.throughput(Throughput::Elements(DOCS as u64));
    g.sample_size(10);
    g.bench_function("pool_5_groups", |b| {
        b.iter(|| {
            let mut table = TermTable::new(&opts);
            for (i, d) in docs.iter().enumerate() {
                table.add(&format!("g{}", i % 5), i as u32, d.clone());
            }
            assert_eq!(table.groups().count(), 5);
            black_box(table)
        })
    });
    let mut table = TermTable::new(&opts);
    for (i, d) in docs.iter().enumerate() {
        table.add(&format!("g{}", i % 5), i as u32, d.clone());
    }
    g.bench_function("keyness_5_groups", |b| {
        b.iter(|| {
            let rows = keyness(&table, &KeynessOptions::default());
            assert!(rows.len() > 1000);
            black_box(rows.len())
        })
    });
    g.finish();

    fold_at_the_cap(c, &opts);
}

/// Generated articles folded into a table under a phrase cap they exceed.
fn fold_at_the_cap(c: &mut Criterion, opts: &TermOptions) {
    const ARTICLES: u64 = 8000;
    // `slant report`'s default `--max-phrases`, which about 4,000 of these articles reach.
    const CAP: usize = 500_000;
    let synth = Synth::new(SynthOptions {
        outlets: 40,
        ..SynthOptions::default()
    });
    let outlets = synth.outlets();
    let (docs, sizes): (Vec<(&str, slant_metrics::terms::DocTerms)>, Vec<usize>) = (0..ARTICLES)
        .into_par_iter()
        .map(|i| {
            let a = synth.article(i);
            let terms = count_terms(&a.text, &segment(&a.text), opts);
            let outlet = outlets.iter().find(|o| **o == a.outlet).unwrap();
            ((outlet.as_str(), terms), a.text.len())
        })
        .unzip();
    // A word's count is exact whatever the prunes: the truth to check the fold against.
    let said: u64 = docs.iter().map(|(_, d)| u64::from(d.count("said"))).sum();
    assert!(said > 0);
    let bytes: usize = sizes.iter().sum();
    let mut g = c.benchmark_group("fold_at_cap");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("8000_articles_40_groups", |b| {
        b.iter_batched(
            || docs.clone(),
            |docs| {
                let mut table = TermTable::new(opts);
                let mut pruning = Pruning::default();
                let mut docs = docs.into_iter().enumerate();
                loop {
                    let batch: Vec<_> = docs
                        .by_ref()
                        .take(128)
                        .map(|(i, (outlet, d))| (outlet, i as u32, d))
                        .collect();
                    if batch.is_empty() {
                        break;
                    }
                    table.add_batch(batch);
                    table.prune(CAP, &mut pruning);
                }
                assert!(!pruning.thresholds.is_empty(), "never pruned");
                assert!(table.phrase_entries() <= CAP);
                let counted: u64 = table
                    .groups()
                    .filter_map(|(name, _)| table.term(name, "said"))
                    .map(|s| s.count)
                    .sum();
                assert_eq!(counted, said);
                // (Returned, so that it is dropped outside the timing.)
                table
            },
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
