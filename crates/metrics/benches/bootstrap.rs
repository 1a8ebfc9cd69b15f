//! The percentile bootstrap of lexicon rates: one group of 2,500 documents (a 100,000-article
//! corpus over 40 outlets), and one of 25,000 (a million articles), 1,000 replicates, with 24 lexicon series (six of them touched per
//! document) and 8 actor series with their own denominators (three per document), as the
//! report resamples them. The baseline resamples each part on its own, as the report did
//! before one resample served both. Asserts that both give the same intervals.
//!
//! Run: `cargo bench -p slant-metrics --bench bootstrap`.

#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use slant_corpus::rng::SplitMix64;
use slant_metrics::lexicon::bootstrap::{Bootstrap, Observations};

fn observations(docs: usize) -> (Observations, Observations) {
    let mut rng = SplitMix64::new(3);
    let (mut lexicon, mut actors) = (Observations::default(), Observations::default());
    for _ in 0..docs {
        let tokens = 300 + rng.below(900) as u64;
        let mut series: Vec<u32> = (0..6).map(|_| rng.below(24) as u32).collect();
        series.sort_unstable();
        series.dedup();
        lexicon.push(
            tokens,
            series.iter().map(|&s| (s, 1 + rng.below(4) as u64, 0)),
        );
        actors.push(
            tokens,
            (0..3).map(|a| (a * 2, rng.below(3) as u64, 20 + rng.below(80) as u64)),
        );
    }
    (lexicon, actors)
}

fn bench(c: &mut Criterion) {
    for docs in [2_500, 25_000] {
        let (lexicon, actors) = observations(docs);
        let (lex_own, actor_own) = (vec![false; 24], vec![true; 8]);
        let boot = Bootstrap::default();
        let parts = [(&lexicon, &lex_own[..]), (&actors, &actor_own[..])];
        assert_eq!(
            boot.rates_of("outlet", &parts),
            vec![
                boot.rates("outlet", &lexicon, &lex_own),
                boot.rates("outlet", &actors, &actor_own)
            ]
        );
        let mut g = c.benchmark_group(format!("bootstrap_group_{docs}_docs"));
        g.throughput(Throughput::Elements(docs as u64));
        g.sample_size(if docs > 10_000 { 10 } else { 20 });
        g.bench_function("baseline_each_part_resampled", |b| {
            b.iter(|| {
                black_box((
                    boot.rates("outlet", &lexicon, &lex_own),
                    boot.rates("outlet", &actors, &actor_own),
                ))
            })
        });
        g.bench_function("one_resample_for_both_parts", |b| {
            b.iter(|| black_box(boot.rates_of("outlet", &parts)))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
