//! `slant ingest INPUT... -o FILE`: clean, read metadata, segment, and write a corpus file.

use crate::args::IngestArgs;
use crate::input;
use crate::progress::Progress;
use anyhow::{bail, Context};
use slant_corpus::{corpus_file, Outcome};
use slant_report::corpus_file::ParquetCorpusWriter;
use std::collections::{BTreeSet, HashMap};
use std::io::BufRead;
use std::process::ExitCode;

enum Format {
    Jsonl,
    Parquet,
}

/// The most metadata fields a Parquet corpus file takes. Each is a column of every row: a
/// JSONL corpus whose rows each name a field of their own (3,000 rows took 221 MB and a
/// second) would grow as rows × fields.
const MAX_PARQUET_FIELDS: usize = 1_000;

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
            "{}: the corpus file must end in .jsonl or .parquet (Parquet compresses its columns)",
            args.output.display()
        ),
    };
    let opts = args.input_args.read_options();
    let progress = Progress::new(args.quiet);
    let mut written = 0usize;
    let mut skipped = 0usize;
    // Documents stream to the output as JSON lines: the corpus file itself, or for Parquet a
    // spill beside it, converted a row group at a time once every metadata field is known.
    // Memory holds one chunk of documents, whatever the corpus size.
    slant_report::output::write_file_atomically(&args.output, |tmp| -> anyhow::Result<()> {
        let spill = match format {
            Format::Jsonl => tmp.to_path_buf(),
            Format::Parquet => tmp.with_extension("spill.jsonl"),
        };
        let result = (|| -> anyhow::Result<()> {
            let file =
                std::fs::File::create(&spill).with_context(|| spill.display().to_string())?;
            let mut out = std::io::BufWriter::new(file);
            let mut seen: HashMap<String, String> = HashMap::new();
            let mut extras: BTreeSet<String> = BTreeSet::new();
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
                        Outcome::Ok(doc) => {
                            extras.extend(doc.meta.extra.keys().cloned());
                            if matches!(format, Format::Parquet)
                                && extras.len() > MAX_PARQUET_FIELDS
                            {
                                bail!(
                                    "{}: this row brings the metadata fields to over {max}; a Parquet corpus file keeps each field as a column of every row, so it takes at most {max}: write a .jsonl corpus file, or drop the fields that differ from row to row",
                                    rec.source,
                                    max = slant_report::terms::thousands(MAX_PARQUET_FIELDS as u64),
                                );
                            }
                            corpus_file::write_jsonl(&mut out, &doc)?;
                            written += 1;
                        }
                        Outcome::Skipped(s) => {
                            skipped += 1;
                            progress.warn(&input::skipped_line(&rec.source, &s.meta.id, &s.reason));
                        }
                    }
                }
            }
            if written == 0 {
                bail!(
                    "{}: no document could be read, nothing written (see the reasons above)",
                    args.inputs[0].display()
                );
            }
            out.into_inner()
                .map_err(|e| e.into_error())
                .and_then(|f| f.sync_all())
                .with_context(|| spill.display().to_string())?;
            if let Format::Parquet = format {
                progress.stage("writing Parquet");
                let mut w = ParquetCorpusWriter::create(tmp, extras)?;
                let reader = std::io::BufReader::new(
                    std::fs::File::open(&spill).with_context(|| spill.display().to_string())?,
                );
                for (i, line) in reader.lines().enumerate() {
                    let line = line.with_context(|| spill.display().to_string())?;
                    let doc = corpus_file::read_jsonl(&line).with_context(|| {
                        format!("{}:{}: not a corpus line", spill.display(), i + 1)
                    })?;
                    w.push(doc)?;
                }
                w.finish()?;
            }
            Ok(())
        })();
        if let Format::Parquet = format {
            let _ = std::fs::remove_file(&spill);
        }
        result
    })?;
    progress.finish();
    if !args.quiet {
        eprintln!(
            "slant: wrote {} to {} ({skipped} skipped)",
            slant_report::terms::plural(written as u64, "document"),
            args.output.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
