//! Ingest throughput: MB of raw scraped text per second on one core, for the stages of
//! `slant ingest` (decode, clean, segment) on the bundled seeds, and a bare `unicode_words()`
//! scan as the baseline. Each stage asserts its result so a fast wrong answer cannot pass.
//!
//! The `tokenise` group measures word tokenisation on 1,000 generated news articles
//! (`slant synth`, seed 1, 4.5 MB, curly quotes in nearly every article) against the baseline
//! of unicode-segmentation's `unicode_word_indices`, which gives the same tokens (asserted), and
//! sentence boundaries against `split_sentence_bound_indices` (same bounds, asserted).
//!
//! The `html` group lays the same five pages out from HTML (each line a paragraph, inside a
//! page with a menu, scripts, styles and a footer, as sites serve them), against cleaning
//! their text alone.
//!
//! Run: `cargo bench -p slant-corpus --bench ingest`.

#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use slant_corpus::segment::{sentences, word_indices};
use slant_corpus::sentence_bounds::sentence_bound_indices;
use slant_corpus::synth::{Synth, SynthOptions};
use slant_corpus::{clean::clean, decode::decode, html, segment::segment};
use unicode_segmentation::UnicodeSegmentation;

fn pages() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("ingest");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("baseline_unicode_words", |b| {
        b.iter(|| {
            let n: usize = pages
                .iter()
                .map(|p| std::str::from_utf8(p).unwrap().unicode_words().count())
                .sum();
            assert!(n > 3000);
            black_box(n)
        })
    });
    g.bench_function("decode_clean_segment", |b| {
        b.iter(|| {
            let mut tokens = 0;
            for p in &pages {
                let text = decode(p).unwrap().text;
                let c = clean(&text, None);
                tokens += segment(&c.text).tokens.len();
            }
            assert!(tokens > 2800 && tokens < 3100, "{tokens}");
            black_box(tokens)
        })
    });
    g.bench_function("clean_only", |b| {
        let texts: Vec<String> = pages.iter().map(|p| decode(p).unwrap().text).collect();
        b.iter(|| {
            let kept: usize = texts.iter().map(|t| clean(t, None).text.len()).sum();
            assert!(kept > 19_000);
            black_box(kept)
        })
    });
    g.finish();
}

fn tokenise(c: &mut Criterion) {
    let synth = Synth::new(SynthOptions::default());
    let texts: Vec<String> = (0..1000).map(|i| synth.article(i).text).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let want: usize = texts.iter().map(|t| t.unicode_word_indices().count()).sum();
    let same = texts
        .iter()
        .all(|t| word_indices(t).eq(t.unicode_word_indices()));
    assert!(same, "word_indices must give exactly the UAX #29 words");
    let mut g = c.benchmark_group("tokenise");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("baseline_unicode_word_indices", |b| {
        b.iter(|| {
            let n: usize = texts.iter().map(|t| t.unicode_word_indices().count()).sum();
            assert_eq!(n, want);
            black_box(n)
        })
    });
    g.bench_function("word_indices", |b| {
        b.iter(|| {
            let n: usize = texts.iter().map(|t| word_indices(t).count()).sum();
            assert_eq!(n, want);
            black_box(n)
        })
    });
    // Sentence boundaries: unicode-segmentation against slant's fast path (same bounds).
    let bounds: usize = texts
        .iter()
        .map(|t| t.split_sentence_bound_indices().count())
        .sum();
    let same = texts.iter().all(|t| {
        sentence_bound_indices(t)
            .into_iter()
            .eq(t.split_sentence_bound_indices())
    });
    assert!(
        same,
        "sentence_bound_indices must give exactly the UAX #29 bounds"
    );
    g.bench_function("baseline_split_sentence_bound_indices", |b| {
        b.iter(|| {
            let n: usize = texts
                .iter()
                .map(|t| t.split_sentence_bound_indices().count())
                .sum();
            assert_eq!(n, bounds);
            black_box(n)
        })
    });
    g.bench_function("sentence_bound_indices", |b| {
        b.iter(|| {
            let n: usize = texts.iter().map(|t| sentence_bound_indices(t).len()).sum();
            assert_eq!(n, bounds);
            black_box(n)
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| {
            let n: usize = texts.iter().map(|t| sentences(t).len()).sum();
            assert!(n > 1000);
            black_box(n)
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            let n: usize = texts.iter().map(|t| segment(t).tokens.len()).sum();
            assert!(n > want / 2);
            black_box(n)
        })
    });
    g.finish();
}

/// A bundled page as a site would serve it: its lines as paragraphs, inside a head with
/// scripts and styles, a menu and a footer.
fn as_html(text: &str) -> String {
    let escape = |l: &str| l.replace('&', "&amp;").replace('<', "&lt;");
    let body: String = text
        .lines()
        .map(|l| format!("<p class=\"body\">{}</p>\n", escape(l)))
        .collect();
    let script = "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>\n".repeat(20);
    let menu: String = (0..40)
        .map(|i| format!("<li><a href=\"/s/{i}\">Section {i}</a></li>"))
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story</title>\
         <meta property=\"og:title\" content=\"Story\"><style>.body{{margin:0}}</style>{script}</head>\
         <body><nav><ul>{menu}</ul></nav><article>{body}</article>\
         <footer><p>&copy; 2025 The Courier. All rights reserved.</p></footer></body></html>"
    )
}

fn html(c: &mut Criterion) {
    let texts: Vec<String> = pages().iter().map(|p| decode(p).unwrap().text).collect();
    let htmls: Vec<String> = texts.iter().map(|t| as_html(t)).collect();
    let bytes: usize = htmls.iter().map(String::len).sum();
    let mut g = c.benchmark_group("html");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("baseline_clean_text", |b| {
        b.iter(|| {
            let kept: usize = texts.iter().map(|t| clean(t, None).text.len()).sum();
            assert!(kept > 19_000);
            black_box(kept)
        })
    });
    g.bench_function("layout", |b| {
        b.iter(|| {
            let laid: usize = htmls.iter().map(|h| html::to_text(h).text.len()).sum();
            assert!(laid > 20_000);
            black_box(laid)
        })
    });
    g.bench_function("layout_clean", |b| {
        b.iter(|| {
            let kept: usize = htmls
                .iter()
                .map(|h| clean(&html::to_text(h).text, None).text.len())
                .sum();
            assert!(kept > 19_000, "{kept}");
            black_box(kept)
        })
    });
    g.finish();
}

criterion_group!(benches, bench, tokenise, html);
criterion_main!(benches);
