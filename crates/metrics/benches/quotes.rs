//! Quote extraction throughput, in MB of cleaned text and documents per second, on the five
//! bundled articles repeated to 1,000 documents, with segmentation alone as the baseline (the
//! extractor works on its output), on the same text as one long document, and on run-on
//! sentences of 5,000 quotations. Asserts the quotes it finds, so a fast wrong answer cannot
//! pass.
//!
//! Run: `cargo bench -p slant-metrics --bench quotes`.

#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use slant_corpus::segment::segment;
use slant_metrics::quotes::{extract, Kind, Lists};

mod common;
use common::{cleaned_seeds, DOCS};

fn bench(c: &mut Criterion) {
    let texts = cleaned_seeds();
    let bytes: usize = texts.iter().map(String::len).sum();
    let segs: Vec<_> = texts.iter().map(|t| segment(t)).collect();
    for (name, throughput) in [
        ("quotes_mb", Throughput::Bytes(bytes as u64)),
        ("quotes_docs", Throughput::Elements(DOCS as u64)),
    ] {
        let mut g = c.benchmark_group(name);
        g.throughput(throughput);
        g.sample_size(20);
        g.bench_function("baseline_segment_only", |b| {
            b.iter(|| {
                let n: usize = texts.iter().map(|t| segment(t).sentences.len()).sum();
                assert!(n > 30 * DOCS);
                black_box(n)
            })
        });
        g.bench_function("extract_on_segmented", |b| {
            b.iter(|| {
                let direct: usize = texts
                    .iter()
                    .zip(&segs)
                    .map(|(t, s)| {
                        extract(t, s, Lists::default())
                            .quotes
                            .iter()
                            .filter(|q| q.kind == Kind::Direct)
                            .count()
                    })
                    .sum();
                assert!(direct >= DOCS * 4 / 5, "{direct}");
                black_box(direct)
            })
        });
        g.finish();
    }
    // The same text as one document: quotations are attributed using their neighbours,
    // and finding those must not grow with the length of the document.
    let long = texts.join("\n");
    let long_seg = segment(&long);
    let mut g = c.benchmark_group("quotes_mb");
    g.throughput(Throughput::Bytes(long.len() as u64));
    g.sample_size(10);
    g.bench_function("extract_one_long_document", |b| {
        b.iter(|| {
            let direct = extract(&long, &long_seg, Lists::default())
                .quotes
                .iter()
                .filter(|q| q.kind == Kind::Direct)
                .count();
            assert!(direct >= DOCS * 4 / 5, "{direct}");
            black_box(direct)
        })
    });
    g.finish();
    // One run-on sentence of 5,000 quotations, twice: joined by plain words after one verb
    // (each shares the verb of the first), and each attributed to "he" (each looks back for
    // the person). Neither may cost more per quotation than the long document above.
    let chain = format!(
        "Cruz called Trump a {}.",
        (0..5000)
            .map(|i| format!("“pathological liar number {i} who lies”"))
            .collect::<Vec<_>>()
            .join(" and a ")
    );
    let pronouns = "John Smith spoke at length. ".to_string()
        + &(0..5000)
            .map(|i| {
                format!(
                    "“Quote number {i} is here and it is long,” he said, and John Smith went on"
                )
            })
            .collect::<Vec<_>>()
            .join(" and ")
        + ".";
    let mut g = c.benchmark_group("quotes_run_on");
    g.sample_size(10);
    for (name, text) in [("chain_of_5000", &chain), ("he_said_5000", &pronouns)] {
        let seg = segment(text);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| {
                let quotes = extract(text, &seg, Lists::default()).quotes;
                let pieces: usize = quotes.iter().map(|q| q.pieces.len()).sum();
                assert_eq!(pieces, 5000);
                assert!(quotes
                    .iter()
                    .all(|q| q.speaker.contains("Cruz") || q.speaker.contains("Smith")));
                black_box(quotes.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
