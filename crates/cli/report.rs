//! `slant report [INPUT] [-o DIR] [--by COLUMN]`: the main job.

use crate::args::ReportArgs;
use crate::input;
use anyhow::bail;
use slant_corpus::segment::segment;
use slant_corpus::Outcome;
use slant_metrics::DocCounts;
use slant_report::documents::{self, DocumentRow};
use slant_report::output::Staging;
use slant_report::run_info::{Counts, RunInfo};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let opts = args.input_args.read_options();
    let (kind, records) = input::records(&args.input, &opts)?;
    let mut rows = Vec::new();
    let mut counts = Counts::default();
    let mut by_seen = false;
    for rec in records {
        let rec = rec?;
        counts.documents += 1;
        let group_of = |m: &slant_corpus::Metadata| m.get(&args.by).map(str::to_string);
        match rec.outcome {
            Outcome::Ok(doc) => {
                let seg = segment(&doc.text);
                let c = DocCounts::from_segmented(&seg);
                counts.analysed += 1;
                counts.sentences += c.sentences;
                counts.tokens += c.tokens;
                let group = group_of(&doc.meta);
                by_seen |= group.is_some();
                rows.push(DocumentRow {
                    group: group
                        .filter(|g| !g.is_empty())
                        .unwrap_or_else(|| "(none)".into()),
                    source: rec.source,
                    skipped: None,
                    sentences: c.sentences,
                    tokens: c.tokens,
                    text_bytes: doc.text.len(),
                    meta: doc.meta,
                });
            }
            Outcome::Skipped(s) => {
                counts.skipped += 1;
                input::warn_skipped(&rec.source, &s.meta.id, &s.reason);
                rows.push(DocumentRow {
                    group: group_of(&s.meta)
                        .filter(|g| !g.is_empty())
                        .unwrap_or_else(|| "(none)".into()),
                    source: rec.source,
                    skipped: Some(s.reason),
                    sentences: 0,
                    tokens: 0,
                    text_bytes: 0,
                    meta: s.meta,
                });
            }
        }
    }
    if counts.analysed > 0 && !by_seen {
        bail!("{}: no metadata column `{}` to group by; use --by with a column of the input (outlet, author, published, or a manifest column)", args.input.display(), args.by);
    }
    let out_dir = args
        .output
        .clone()
        .unwrap_or_else(|| default_output(&args.input));
    let staging = Staging::new(&out_dir)?;
    documents::write(&staging.path().join("documents.csv"), &rows)?;
    let mut parameters = BTreeMap::new();
    parameters.insert("by".to_string(), args.by.clone());
    parameters.insert("clean".to_string(), format!("{:?}", opts.clean));
    parameters.insert("max_doc_bytes".to_string(), opts.max_doc_bytes.to_string());
    let info = RunInfo {
        tool: format!("slant {}", env!("CARGO_PKG_VERSION")),
        input: args.input.display().to_string(),
        input_kind: input::kind_name(kind).to_string(),
        parameters,
        lexicons: Vec::new(),
        counts: counts.clone(),
    };
    std::fs::write(staging.path().join("run.json"), info.to_json())?;
    let written = staging.commit()?;
    if !args.quiet {
        eprintln!(
            "slant: {} documents analysed, {} skipped; report in {}",
            counts.analysed,
            counts.skipped,
            written.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `reports/<input name>/`: the folder's name, or the file's name without extension.
fn default_output(input: &std::path::Path) -> PathBuf {
    let name = input
        .canonicalize()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "report".into());
    PathBuf::from("reports").join(name)
}
