//! Lexicon matching throughput, in MB of cleaned text and documents per second, on the five
//! bundled articles repeated to 1,000 documents (segmented beforehand, as in a report).
//!
//! - `bundled`: the four bundled lexicons (about 1,100 entries) in one automaton.
//! - `entries_5000`: 5,000 entries: the bundled `loaded` plus words, two-word phrases and
//!   trailing-`*` prefixes drawn from the corpus vocabulary, so many of them hit.
//! - `baseline_token_set`: the naive alternative for the same 5,000 entries: normalise each
//!   token and look it up in a hash set. It only finds one-word, exact entries.
//!
//! Each asserts its hit count, so a fast wrong answer cannot pass.
//!
//! Run: `cargo bench -p slant-metrics --bench lexicon`.

#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use rustc_hash::FxHashSet;
use slant_corpus::segment::segment;
use slant_metrics::lexicon::matcher::Matcher;
use slant_metrics::lexicon::{formats, normalise, Category, Entry, Lexicon};
use std::path::Path;

mod common;
use common::{cleaned_seeds, DOCS};

fn bundled() -> Vec<Lexicon> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lexicons");
    ["loaded", "hedges", "boosters", "actors"]
        .iter()
        .map(|n| {
            let p = dir.join(format!("{n}.toml"));
            formats::parse(&p, &std::fs::read_to_string(&p).unwrap())
                .unwrap()
                .0
        })
        .collect()
}

/// 5,000 entries: `loaded` and then corpus words, phrases and prefixes.
fn five_thousand(texts: &[String]) -> Lexicon {
    let mut lex = bundled().remove(0);
    let have = lex.entry_count();
    let mut seen = FxHashSet::default();
    let mut extra = Vec::new();
    'outer: for t in texts.iter().take(5) {
        let seg = segment(t);
        let words: Vec<&str> = seg.tokens.iter().map(|k| k.span.slice(t)).collect();
        for (i, w) in words.iter().enumerate() {
            let candidates = [
                w.to_string(),
                format!("{} {}", w, words.get(i + 1).unwrap_or(&"x")),
                format!("{}*", w.chars().take(5).collect::<String>()),
            ];
            for c in candidates {
                if seen.insert(c.to_lowercase())
                    && !c.contains(|ch: char| !ch.is_alphanumeric() && ch != ' ' && ch != '*')
                {
                    extra.push(Entry::new(c, 0));
                    if have + extra.len() == 5000 {
                        break 'outer;
                    }
                }
            }
        }
    }
    let mut n = 0;
    while have + extra.len() < 5000 {
        extra.push(Entry::new(format!("synthetic{n} phrase"), 0));
        n += 1;
    }
    lex.categories.push(Category {
        name: "corpus".into(),
        entries: extra,
        ..Category::default()
    });
    lex
}

fn bench(c: &mut Criterion) {
    let texts = cleaned_seeds();
    let bytes: usize = texts.iter().map(String::len).sum();
    let segs: Vec<_> = texts.iter().map(|t| segment(t)).collect();
    let big = five_thousand(&texts);
    assert_eq!(
        big.categories
            .iter()
            .map(|x| x.entries.len())
            .sum::<usize>(),
        5000
    );
    let (m_big, _) = Matcher::new(std::slice::from_ref(&big));
    let (m_bundled, _) = Matcher::new(&bundled());
    let single: FxHashSet<String> = big
        .categories
        .iter()
        .flat_map(|c| &c.entries)
        .filter(|e| !e.text.contains([' ', '*']))
        .map(|e| normalise(&e.text, false))
        .collect();
    for (name, throughput) in [
        ("lexicon_mb", Throughput::Bytes(bytes as u64)),
        ("lexicon_docs", Throughput::Elements(DOCS as u64)),
    ] {
        let mut g = c.benchmark_group(name);
        g.throughput(throughput);
        g.sample_size(20);
        g.bench_function("baseline_token_set", |b| {
            b.iter(|| {
                let n: usize = texts
                    .iter()
                    .zip(&segs)
                    .map(|(t, s)| {
                        s.tokens
                            .iter()
                            .filter(|k| single.contains(&normalise(k.span.slice(t), false)))
                            .count()
                    })
                    .sum();
                assert!(n > 100 * DOCS, "{n}");
                black_box(n)
            })
        });
        g.bench_function("entries_5000", |b| {
            b.iter(|| {
                let n: usize = texts
                    .iter()
                    .zip(&segs)
                    .map(|(t, s)| m_big.find(t, s).len())
                    .sum();
                assert!(n > 100 * DOCS, "{n}");
                black_box(n)
            })
        });
        g.bench_function("bundled", |b| {
            b.iter(|| {
                let n: usize = texts
                    .iter()
                    .zip(&segs)
                    .map(|(t, s)| m_bundled.find(t, s).len())
                    .sum();
                assert!(n > 50 * DOCS, "{n}");
                black_box(n)
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
