//! Term counting throughput, in MB of cleaned text and documents per second.
//!
//! The texts are the five bundled articles, cleaned, repeated to 1,000 documents. Measured:
//! segmentation plus term counting (unigrams, bigrams, trigrams) on one core and in parallel
//! with rayon, the pooling of per-document counts into group tables, and as the baseline a
//! naive unigram count: `unicode_words()`, `to_lowercase()` and a `std::collections::HashMap`.
//! Each benchmark asserts its result, so a fast wrong answer cannot pass.
//!
//! Run: `cargo bench -p slant-metrics --bench terms`.

#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;
use slant_corpus::segment::segment;
use slant_metrics::keyness::{keyness, KeynessOptions};
use slant_metrics::terms::{count_terms, TermOptions, TermTable};
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
