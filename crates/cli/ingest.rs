//! `slant ingest INPUT... -o FILE`: clean, read metadata, segment, and write a corpus file.

use crate::args::IngestArgs;
use crate::input;
use crate::progress::Progress;
use anyhow::{bail, Context};
use slant_corpus::read::Compression;
use slant_corpus::{corpus_file, Outcome};
use slant_report::corpus_file::ParquetCorpusWriter;
use std::collections::{BTreeSet, HashMap};
use std::fs::File;
use std::io::{BufRead, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

enum Format {
    /// JSON lines, compressed as the name says (`.jsonl.gz`, `.jsonl.zst`) or not.
    Jsonl(Option<Compression>),
    Parquet,
}

/// Where JSON lines go: the file, through a compressor if asked for.
enum Sink {
    Plain(BufWriter<File>),
    Gzip(BufWriter<flate2::write::GzEncoder<File>>),
    Zstd(BufWriter<zstd::stream::write::Encoder<'static, File>>),
}

impl Sink {
    fn create(path: &Path, compression: Option<Compression>) -> std::io::Result<Sink> {
        let file = File::create(path)?;
        Ok(match compression {
            None => Sink::Plain(BufWriter::new(file)),
            // The gzip header's time stays 0, so the same corpus writes the same bytes.
            Some(Compression::Gzip) => Sink::Gzip(BufWriter::new(flate2::write::GzEncoder::new(
                file,
                flate2::Compression::default(),
            ))),
            Some(Compression::Zstd) => {
                Sink::Zstd(BufWriter::new(zstd::stream::write::Encoder::new(file, 3)?))
            }
        })
    }

    /// Writes out what is buffered and the compressor's end, and returns the file.
    fn finish(self) -> std::io::Result<File> {
        match self {
            Sink::Plain(w) => w.into_inner().map_err(|e| e.into_error()),
            Sink::Gzip(w) => w.into_inner().map_err(|e| e.into_error())?.finish(),
            Sink::Zstd(w) => w.into_inner().map_err(|e| e.into_error())?.finish(),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Plain(w) => w.write(buf),
            Sink::Gzip(w) => w.write(buf),
            Sink::Zstd(w) => w.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Plain(w) => w.flush(),
            Sink::Gzip(w) => w.flush(),
            Sink::Zstd(w) => w.flush(),
        }
    }
}

/// The most metadata fields a Parquet corpus file takes. Each is a column of every row: a
/// JSONL corpus whose rows each name a field of their own (3,000 rows took 221 MB and a
/// second) would grow as rows × fields.
const MAX_PARQUET_FIELDS: usize = 1_000;

pub fn run(args: &IngestArgs) -> anyhow::Result<ExitCode> {
    let format = match slant_corpus::read::extension(&args.output) {
        (ext, compression) if ext == "jsonl" || ext == "ndjson" => Format::Jsonl(compression),
        (ext, None) if ext == "parquet" => Format::Parquet,
        _ => bail!(
            "{}: the corpus file must end in .jsonl (or .jsonl.gz, .jsonl.zst) or .parquet (which compresses its columns)",
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
            Format::Jsonl(_) => tmp.to_path_buf(),
            Format::Parquet => tmp.with_extension("spill.jsonl"),
        };
        let result = (|| -> anyhow::Result<()> {
            let compression = match format {
                Format::Jsonl(c) => c,
                Format::Parquet => None,
            };
            let mut out =
                Sink::create(&spill, compression).with_context(|| spill.display().to_string())?;
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
            out.finish()
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
