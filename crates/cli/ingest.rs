//! `slant ingest INPUT... -o FILE`: clean, read metadata, segment, and write a corpus file.

use crate::args::IngestArgs;
use crate::input;
use crate::progress::Progress;
use anyhow::{bail, Context};
use slant_corpus::{corpus_file, Document, Outcome};
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

enum Format {
    Jsonl,
    Parquet,
}

pub fn run(args: &IngestArgs) -> anyhow::Result<ExitCode> {
    let format = match args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("jsonl") | Some("ndjson") => Format::Jsonl,
        Some("parquet") => Format::Parquet,
        _ => bail!(
            "{}: the corpus file must end in .jsonl or .parquet",
            args.output.display()
        ),
    };
    let opts = args.input_args.read_options();
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut docs: Vec<Document> = Vec::new();
    let mut skipped = 0usize;
    let mut jsonl = Vec::new();
    let progress = Progress::new(args.quiet);
    for path in &args.inputs {
        let (_, records) = input::records(path, &opts)?;
        for rec in records {
            let rec = rec?;
            progress.inc(1);
            let id = rec.outcome.meta().id.clone();
            if let Some(first) = seen.insert(id.clone(), rec.source.clone()) {
                bail!("{}: duplicate id `{id}` (also in {first}); ids must be unique across all inputs", rec.source);
            }
            match rec.outcome {
                Outcome::Ok(doc) => match format {
                    Format::Jsonl => corpus_file::write_jsonl(&mut jsonl, &doc)?,
                    Format::Parquet => docs.push(doc),
                },
                Outcome::Skipped(s) => {
                    skipped += 1;
                    progress.warn(&input::skipped_line(&rec.source, &s.meta.id, &s.reason));
                }
            }
        }
    }
    let written = seen.len() - skipped;
    if written == 0 {
        bail!(
            "{}: no document could be read, nothing written (see the reasons above)",
            args.inputs[0].display()
        );
    }
    progress.stage("writing");
    slant_report::output::write_file_atomically(&args.output, |tmp| -> anyhow::Result<()> {
        match format {
            Format::Jsonl => {
                let mut f =
                    std::fs::File::create(tmp).with_context(|| tmp.display().to_string())?;
                f.write_all(&jsonl)?;
                f.sync_all()?;
            }
            Format::Parquet => slant_report::corpus_file::write_parquet(tmp, &docs)?,
        }
        Ok(())
    })?;
    progress.finish();
    if !args.quiet {
        eprintln!(
            "slant: wrote {written} documents to {} ({skipped} skipped)",
            args.output.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
