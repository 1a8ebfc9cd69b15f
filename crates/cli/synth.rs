//! `slant synth -n N -o OUT`: a deterministic corpus of generated news-like articles, for
//! benchmarks and for trying slant at scale. Written as a JSONL table (one article per line,
//! the `ingest` columns) or, for a path without `.jsonl`, a manifest folder of `.txt` pages.

use crate::args::SynthArgs;
use crate::progress::Progress;
use anyhow::Context;
use rayon::prelude::*;
use slant_corpus::synth::{Synth, SynthArticle, SynthOptions};
use slant_corpus::{corpus_file, Document, Metadata};
use std::io::Write;
use std::process::ExitCode;

/// Articles generated in parallel before they are written in order.
const CHUNK: u64 = 4096;

pub fn run(args: &SynthArgs) -> anyhow::Result<ExitCode> {
    let synth = Synth::new(SynthOptions {
        seed: args.seed,
        outlets: args.outlets,
        mean_words: args.mean_words,
    });
    let progress = Progress::new(args.quiet);
    progress.stage("generating");
    let jsonl = args
        .output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    let bytes = if jsonl {
        let mut total = 0u64;
        slant_report::output::write_file_atomically(&args.output, |tmp| -> anyhow::Result<()> {
            let file = std::fs::File::create(tmp).with_context(|| tmp.display().to_string())?;
            let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
            for_chunks(&synth, args.articles, &progress, |a| {
                total += a.text.len() as u64;
                corpus_file::write_jsonl(&mut out, &document(a))
            })?;
            out.flush()?;
            Ok(())
        })?;
        total
    } else {
        write_folder(&synth, args, &progress)?
    };
    progress.finish();
    if !args.quiet {
        eprintln!(
            "slant: wrote {} articles from {} outlets ({:.1} MB of text) to {}",
            args.articles,
            synth.outlets().len().min(args.articles as usize),
            bytes as f64 / 1e6,
            args.output.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Generates articles `0..n` in parallel chunks and hands them to `write` in order.
fn for_chunks(
    synth: &Synth,
    n: u64,
    progress: &Progress,
    mut write: impl FnMut(&SynthArticle) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut start = 0;
    while start < n {
        let end = (start + CHUNK).min(n);
        let chunk: Vec<SynthArticle> = (start..end)
            .into_par_iter()
            .map(|i| synth.article(i))
            .collect();
        for a in &chunk {
            write(a)?;
        }
        progress.inc(end - start);
        start = end;
    }
    Ok(())
}

fn document(a: &SynthArticle) -> Document {
    Document {
        meta: Metadata {
            id: a.id.clone(),
            outlet: a.outlet.clone(),
            title: a.title.clone(),
            author: a.author.clone(),
            published: a.published.clone(),
            language: "en".into(),
            ..Metadata::default()
        },
        text: a.text.clone(),
    }
}

/// A manifest folder: `manifest.csv` and one `.txt` page per article, written atomically.
fn write_folder(synth: &Synth, args: &SynthArgs, progress: &Progress) -> anyhow::Result<u64> {
    let staging = slant_report::output::Staging::new(&args.output)?;
    let dir = staging.path();
    let mut manifest = csv::Writer::from_path(dir.join("manifest.csv"))?;
    manifest.write_record(["id", "file", "outlet", "title", "author", "published"])?;
    let mut total = 0u64;
    let mut failure: Option<anyhow::Error> = None;
    for_chunks(synth, args.articles, progress, |a| {
        total += a.text.len() as u64;
        let file = format!("{}.txt", a.id);
        std::fs::write(dir.join(&file), &a.text)?;
        if let Err(e) = manifest.write_record([
            a.id.as_str(),
            &file,
            &a.outlet,
            &a.title,
            &a.author,
            &a.published,
        ]) {
            failure.get_or_insert(e.into());
        }
        Ok(())
    })
    .with_context(|| dir.display().to_string())?;
    if let Some(e) = failure {
        return Err(e);
    }
    manifest.flush()?;
    drop(manifest);
    staging.commit()?;
    Ok(total)
}
