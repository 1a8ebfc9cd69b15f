//! `slant report [INPUT] [-o DIR] [--by COLUMN]`: the main job.
//!
//! Records stream in from the reader; analysed documents are segmented and counted in parallel
//! batches and folded into the per-group tables in input order, so the result never depends on
//! thread timing.

use crate::args::ReportArgs;
use crate::input;
use crate::lexicons;
use crate::progress::Progress;
use anyhow::bail;
use rayon::prelude::*;
use slant_corpus::function_words::FunctionWords;
use slant_corpus::normalize::TokenForms;
use slant_corpus::segment::segment;
use slant_corpus::{Document, Metadata, Outcome, Record};
use slant_metrics::keyness::{keyness_each, KeyRow, KeynessOptions};
use slant_metrics::lexicon::actors::{actor_cells, ActorCell};
use slant_metrics::lexicon::bootstrap::Bootstrap;
use slant_metrics::lexicon::matcher::{Hit, Matcher};
use slant_metrics::lexicon::Lexicon;
use slant_metrics::quotes::lexicon::Gazetteer;
use slant_metrics::quotes::{self, DocQuotes};
use slant_metrics::terms::{count_terms_in, DocTerms, Pruning, TermOptions, TermTable};
use slant_metrics::DocCounts;
use slant_report::charts::Drawn;
use slant_report::documents::{DocumentRow, DocumentTable};
use slant_report::evidence::QuoteEvidenceBuilder;
use slant_report::evidence::{Limits, LoadedEvidence};
use slant_report::html::{self, Page, Skipped};
use slant_report::lexicons::{self as lexout, HitRow, HitWriter, Quotations, Tally};
use slant_report::output::Staging;
use slant_report::quotes::{
    shared_evidence, shared_speakers, unplaced, write_quote_charts, write_speakers, QuoteCounter,
    QuoteSpill, QuoteTable, QuoteTally, SHARED_SPEAKERS,
};
use slant_report::run_info::{Counts, LexiconInfo, RunInfo};
use slant_report::summary::{self, Shown, Summaries};
use slant_report::table::Format;
use slant_report::terms::{chart_rows, write_keyness_charts, write_terms, KeynessTable};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};

/// Documents analysed together in parallel: at most this many, and no more once their texts
/// hold [`BATCH_BYTES`]. Three batches are in memory at once (read, analysed, folded), so the
/// byte bound keeps long documents from multiplying the peak: their term counts take about
/// 23 bytes per byte of text when most phrases are new, and 4 MiB batches of 26 KB documents
/// peaked at 234 MB against 170 MB with 1 MiB, in the same time (see the bench record).
/// (Generated news, about 4.6 KB an article, fills a batch by count: 0.6 MB.)
/// Skipped documents named on stderr as they are read; the rest are counted, and all are in
/// `documents.csv`.
const SKIPPED_NAMED: usize = 20;

const BATCH: usize = 128;
const BATCH_BYTES: usize = 1 << 20;

/// Everything gathered from the documents, in input order.
struct Gathered {
    /// `documents.csv`, written as documents are folded.
    documents: DocumentTable,
    /// Sample sizes per group.
    summaries: Summaries,
    /// The first skipped documents, for the page.
    skipped: Vec<Skipped>,
    /// Lines naming the documents whose analysis failed in the latest folded batch, to print.
    failures: Vec<String>,
    /// Ids of analysed documents, by ordinal: what keyness examples point to.
    ids: Ids,
    terms: TermTable,
    /// Quotes of analysed documents, spilled to the staging folder in input order.
    quotes: QuoteSpill,
    /// Who is who: canonical names and speaker groups.
    gazetteer: Gazetteer,
    counts: Counts,
    by_seen: bool,
    /// Metadata columns beyond the core ones (of the first analysed documents), to name when
    /// no document has a value in the `--by` column.
    columns: std::collections::BTreeSet<String>,
    /// The loaded-language evidence of the page, bounded.
    evidence: LoadedEvidence,
    tally: Tally,
    pruning: Pruning,
}

/// The lexicons of a run, compiled.
struct LexiconSet {
    lexicons: Vec<Lexicon>,
    matcher: Matcher,
    loaded: Option<u16>,
    actors: Option<u16>,
}

/// Where `--auto-actors` writes the actors it suggested, in the report folder.
const AUTO_ACTORS: &str = "actors.toml";

/// `--auto-actors N`: the actors `slant lexicon actors --top N` suggests for the input, in
/// place of any other `actors` lexicon but one the user gave, which is an error beside it.
/// Returns the lexicon's file text.
fn auto_actors(
    args: &ReportArgs,
    n: usize,
    loaded: &mut Vec<lexicons::Loaded>,
) -> anyhow::Result<String> {
    if let Some(l) = loaded
        .iter()
        .find(|l| l.lexicon.name == "actors" && l.path != lexicons::BUNDLED_ACTORS)
    {
        anyhow::bail!(
            "{}: a lexicon named `actors` and --auto-actors both give the actors; use one",
            l.path
        );
    }
    let s = crate::lexicon::suggest_actors(
        &args.input,
        std::path::Path::new(AUTO_ACTORS),
        n,
        &args.input_args,
    )?;
    loaded.retain(|l| l.lexicon.name != "actors");
    loaded.push(lexicons::Loaded {
        lexicon: s.lexicon,
        problems: Vec::new(),
        path: AUTO_ACTORS.to_string(),
        sha256: slant_report::run_info::sha256_hex(s.toml.as_bytes()),
    });
    if !args.quiet {
        eprintln!("slant: actors from this corpus's names (--auto-actors):");
        for line in &s.listing {
            eprintln!("  {line}");
        }
    }
    Ok(s.toml)
}

pub fn run(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let opts = args.input_args.read_options();
    let term_opts = TermOptions {
        max_n: usize::from(args.terms.max_words),
        keep_stopwords: args.terms.keep_stopwords,
        stem: args.terms.stem,
    };
    let la = &args.lexicons;
    let mut loaded = lexicons::resolve(&la.lexicon, la.no_default_lexicons, args.quiet)?;
    let auto_actors = match la.auto_actors {
        Some(n) => Some(auto_actors(args, usize::from(n), &mut loaded)?),
        None => None,
    };
    let lexicon_list: Vec<Lexicon> = loaded.iter().map(|l| l.lexicon.clone()).collect();
    let (matcher, problems) = Matcher::new(&lexicon_list);
    if !args.quiet {
        lexicons::report_skipped(&loaded, &problems);
    }
    let tally = Tally::new(&lexicon_list);
    let set = LexiconSet {
        loaded: tally.loaded(),
        actors: tally.actors(),
        lexicons: lexicon_list,
        matcher,
    };
    let (kind, records) = input::records(&args.input, &opts)?;
    let progress = Progress::new(args.quiet);
    progress.stage("analysing");
    // The report is staged from the start: lexicon hits stream into it as documents are
    // analysed. A failure drops the staging folder, so nothing half-written is left.
    let out_dir = args
        .output
        .clone()
        .unwrap_or_else(|| default_output(&args.input));
    let staging = Staging::new(&out_dir)?;
    let dir = staging.path().to_path_buf();
    let format: Format = args.format.into();
    let table = |stem: &str| dir.join(format.file(stem));
    if let Some(toml) = &auto_actors {
        std::fs::write(dir.join(AUTO_ACTORS), toml).map_err(|e| {
            anyhow::anyhow!("{}: cannot write: {e}", dir.join(AUTO_ACTORS).display())
        })?;
    }
    let mut hits = HitWriter::create(&table("lexicon_hits"))?;
    let mut g = Gathered {
        documents: DocumentTable::create(&table("documents"))?,
        summaries: Summaries::default(),
        skipped: Vec::new(),
        failures: Vec::new(),
        ids: Ids::default(),
        terms: TermTable::new(&term_opts),
        quotes: QuoteSpill::create(&dir.join(".quotes.spill"))?,
        gazetteer: speakers_gazetteer(args)?,
        counts: Counts::default(),
        by_seen: false,
        columns: Default::default(),
        evidence: LoadedEvidence::new(set.loaded, Limits::default()),
        tally,
        pruning: Pruning::default(),
    };
    // Records, analysed or skipped, go through in batches so that documents.csv keeps input
    // order. A thread of its own reads the next batch while this one is analysed.
    let mut pending: Option<Ready> = None;
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel(0);
        scope.spawn(move || read_batches(records, &tx));
        let mut named = 0;
        for (batch, failed) in rx {
            for rec in &batch {
                progress.inc(1);
                g.counts.documents += 1;
                if let Outcome::Skipped(s) = &rec.outcome {
                    // The first skipped documents are named here; every one is a row of
                    // documents.csv, with its reason.
                    named += 1;
                    if named <= SKIPPED_NAMED {
                        progress.warn(&input::skipped_line(&rec.source, &s.meta.id, &s.reason));
                    } else if named == SKIPPED_NAMED + 1 {
                        progress.warn(
                            "slant: more documents skipped; documents.csv lists each with its \
                             reason (status `skipped`)",
                        );
                    }
                }
            }
            if let Some(e) = failed {
                return Err(e);
            }
            step(
                &mut g,
                &mut hits,
                &mut pending,
                batch,
                args,
                &term_opts,
                &set,
            )?;
            for line in g.failures.drain(..) {
                progress.warn(&line);
            }
        }
        Ok(())
    })?;
    if let Some(items) = pending {
        fold(&mut g, &mut hits, items, args, &set)?;
    }
    for line in g.failures.drain(..) {
        progress.warn(&line);
    }
    g.terms.shrink_to_fit();
    hits.finish()?;
    if g.counts.analysed > 0 && !g.by_seen {
        if args.by.contains("published_") {
            bail!(
                "{}: no analysed document has a `published` date, so none can be grouped by `{}`",
                args.input.display(),
                args.by
            );
        }
        bail!("{}: no metadata column `{}` to group by; use --by with a column of the input (outlet, author, published, published_month, published_year, or a manifest column; several joined by commas)", args.input.display(), args.by);
    }

    let key_opts = KeynessOptions {
        min_count: args.terms.min_count,
        prior_scale: args.terms.prior_scale,
        correction: args.terms.g2_correction.into(),
    };
    g.documents.finish()?;
    let summaries = std::mem::take(&mut g.summaries).finish();
    let boot = Bootstrap {
        reps: la.bootstrap,
        ..Bootstrap::default()
    };
    // Quotes are read back from the spill one by one, on one thread, then the term table is
    // written, while keyness and the bootstrap share the other cores; the two branches read
    // and write different things.
    progress.stage("writing quotes and terms | scoring keyness, bootstrapping rates");
    let shown = Shown::pick(&summaries, args.chart_groups);
    // Once quotes and terms are written, keyness scores groups on every core.
    let written = AtomicBool::new(false);
    let (quoted, scored) = rayon::join(
        || -> anyhow::Result<_> {
            let done = (|| -> anyhow::Result<_> {
                let quoted = write_quotes(&mut g.quotes, &g.gazetteer, &table("quotes"))?;
                write_terms(&table("terms"), &g.terms, args.terms.min_count)?;
                Ok(quoted)
            })();
            written.store(true, Relaxed);
            done
        },
        || -> anyhow::Result<_> {
            let at_once = || match written.load(Relaxed) {
                true => rayon::current_num_threads(),
                false => 1,
            };
            let keyed = write_keyness(
                &g.terms,
                &g.ids,
                (&key_opts, &shown),
                (args, &at_once),
                &table("keyness"),
            )?;
            let rates = g
                .tally
                .finish(&set.lexicons, &summaries, &boot, la.min_docs);
            Ok((keyed, rates))
        },
    );
    let (tally, quote_evidence) = quoted?;
    // The speakers two or more of the shown groups quote: the chart's columns and the page's
    // list.
    let shown_groups = shown.rows.iter().map(|s| s.group.as_str());
    let shared = shared_speakers(&tally.speakers, shown_groups.clone(), SHARED_SPEAKERS);
    let shared_evidence = shared_evidence(&tally, &shared, shown_groups);
    let QuoteTally {
        speakers,
        groups: group_quotes,
        ..
    } = &tally;
    let ((key_rows, keyness_rows), rates) = scored?;
    if keyness_rows == 0 && g.counts.analysed > 0 {
        let groups = summaries.iter().filter(|s| s.documents > 0).count();
        let unnamed = summaries
            .iter()
            .all(|s| s.documents == 0 || s.group == "(none)");
        if groups < 2 && unnamed {
            eprintln!("slant: {}", no_group_hint(&args.by, &g.columns));
        } else if groups < 2 {
            eprintln!(
                "slant: keyness compares groups, and all analysed documents share one `{}`; keyness.csv has no rows",
                args.by
            );
        } else {
            eprintln!(
                "slant: no group uses a term at least {} times (--min-count) or clearly avoids one; keyness.csv has no rows",
                args.terms.min_count
            );
        }
    }
    let dir = dir.as_path();
    summary::write(
        &table("summary"),
        &summaries,
        group_quotes,
        &rates,
        la.min_docs,
    )?;
    lexout::write_rates(&table("lexicon_rates"), &rates.rows)?;
    if set.actors.is_some() {
        lexout::write_actor_rates(&table("actor_loaded"), &rates.actors)?;
    }
    progress.stage("writing tables and charts");
    // What the page and charts call the groups: "outlet", "outlet × published month".
    let by_label = label_of(&args.by);
    let cut = shown.note(&by_label, format);
    // Tables and charts read the same results and write different files: in parallel.
    let (tables, charts) = rayon::join(
        || -> anyhow::Result<()> {
            write_speakers(&table("speakers"), speakers)?;
            Ok(())
        },
        || -> anyhow::Result<Vec<Drawn>> {
            let charts = dir.join("charts");
            std::fs::create_dir_all(&charts)?;
            // Each chart is its own file: the four kinds are drawn side by side, and listed in
            // this order.
            type Draw<'d> = &'d (dyn Fn() -> Result<Vec<Drawn>, slant_report::ReportError> + Sync);
            let kinds: [Draw<'_>; 4] = [
                &|| {
                    summary::write_chart(&charts, &shown, &by_label, la.min_docs, format)
                        .map(|d| vec![d])
                },
                &|| {
                    let top = args.terms.chart_terms;
                    write_keyness_charts(&charts, &key_rows, &by_label, top, cut.as_deref())
                },
                &|| {
                    write_quote_charts(
                        &charts,
                        &shown,
                        speakers,
                        group_quotes,
                        &shared_evidence,
                        (&by_label, la.min_docs, format),
                    )
                },
                &|| {
                    lexout::write_charts(
                        &charts,
                        &rates,
                        &shown,
                        &set.lexicons,
                        &by_label,
                        la.min_docs,
                        format,
                    )
                },
            ];
            let drawn: Vec<Vec<Drawn>> = kinds
                .par_iter()
                .map(|draw| draw())
                .collect::<Result<_, _>>()?;
            Ok(drawn.into_iter().flatten().collect())
        },
    );
    tables?;
    let drawn = charts?;

    let t = &args.terms;
    let mut parameters = BTreeMap::from([
        ("by".to_string(), args.by.clone()),
        ("format".to_string(), format.extension().to_string()),
        (
            "clean".to_string(),
            // (`auto`: files are cleaned, table and corpus-file text is taken as it is.)
            match opts.clean {
                Some(true) => "true",
                Some(false) => "false",
                None => "auto",
            }
            .to_string(),
        ),
        ("max_doc_bytes".to_string(), opts.max_doc_bytes.to_string()),
        ("min_count".to_string(), t.min_count.to_string()),
        ("max_words".to_string(), t.max_words.to_string()),
        ("max_phrases".to_string(), t.max_phrases.to_string()),
        ("stem".to_string(), t.stem.to_string()),
        ("keep_stopwords".to_string(), t.keep_stopwords.to_string()),
        ("prior_scale".to_string(), t.prior_scale.to_string()),
        (
            "speakers".to_string(),
            args.speakers
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(","),
        ),
        (
            "g2_correction".to_string(),
            key_opts.correction.name().to_string(),
        ),
        ("bootstrap".to_string(), la.bootstrap.to_string()),
        ("bootstrap_seed".to_string(), boot.seed.to_string()),
        ("min_docs".to_string(), la.min_docs.to_string()),
        ("chart_groups".to_string(), args.chart_groups.to_string()),
        (
            "default_lexicons".to_string(),
            (!la.no_default_lexicons).to_string(),
        ),
    ]);
    if let Some(n) = la.auto_actors {
        parameters.insert("auto_actors".to_string(), n.to_string());
    }
    let info = RunInfo {
        tool: format!("slant {}", env!("CARGO_PKG_VERSION")),
        input: args.input.display().to_string(),
        input_kind: input::kind_name(kind).to_string(),
        parameters,
        lexicons: loaded
            .iter()
            .map(|l| LexiconInfo {
                name: l.lexicon.name.clone(),
                path: l.path.clone(),
                sha256: l.sha256.clone(),
            })
            .collect(),
        counts: Counts {
            phrase_prunes: g.pruning.thresholds.clone(),
            phrase_memory_turnovers: g.pruning.turnovers,
            phrase_undercount_bound: g.pruning.undercount_bound(),
            ..g.counts.clone()
        },
    };
    std::fs::write(dir.join("run.json"), info.to_json())?;
    let bundled_actors = info
        .lexicons
        .iter()
        .any(|l| l.name == "actors" && l.path == crate::lexicons::BUNDLED_ACTORS);
    progress.stage("writing the page");
    let evidence = g
        .evidence
        .finish(&set.lexicons)
        .with_quotes(quote_evidence, shared_evidence);
    let skipped = std::mem::take(&mut g.skipped);
    html::write(
        dir,
        &Page {
            info: &info,
            by: &by_label,
            min_docs: la.min_docs,
            groups: &summaries,
            shown: &shown,
            quotes: group_quotes,
            unplaced: &unplaced(speakers),
            loaded: &rates.loaded,
            loaded_quoted: &rates.loaded_quoted,
            loaded_own: &rates.loaded_own,
            actors: (&rates.actors, bundled_actors),
            skipped: &skipped,
            charts: &drawn,
            evidence: &evidence,
            format,
        },
    )?;
    let written = staging.commit()?;
    progress.finish();
    let other_story = lexout::mostly_unnamed(&rates.actors).filter(|_| bundled_actors);
    if let (Some((unnamed, all)), false) = (other_story, args.quiet) {
        eprintln!(
            "slant: {} of the bundled story's {all} actors are never named here ({}); \
             --auto-actors 8 uses this corpus's own",
            unnamed.len(),
            unnamed.join(", ")
        );
    }
    if !args.quiet {
        eprintln!(
            "slant: {} analysed, {} skipped; report in {}",
            slant_report::terms::plural(g.counts.analysed as u64, "document"),
            g.counts.skipped,
            written.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Streams the quotes back from the spill, their speakers resolved against the whole corpus,
/// into `quotes.csv`, the speaker counts and the page's evidence; then removes the spill.
fn write_quotes(
    spill: &mut QuoteSpill,
    gazetteer: &Gazetteer,
    path: &std::path::Path,
) -> anyhow::Result<(QuoteTally, QuoteEvidenceBuilder)> {
    let mut quote_table = QuoteTable::create(path)?;
    let mut counter = QuoteCounter::default();
    let mut evidence = QuoteEvidenceBuilder::new(Limits::default());
    let mut row = 0u64;
    spill.replay(gazetteer, |r| {
        quote_table.row(r)?;
        counter.add(row, r);
        evidence.count(row, r);
        row += 1;
        Ok(())
    })?;
    let tally = counter.finish();
    // A second pass fetches the few quotes the page shows.
    let wanted = evidence.wanted(&tally);
    spill.replay_rows(gazetteer, &wanted, |row, r| {
        evidence.example(row, r);
        Ok(())
    })?;
    spill.remove()?;
    quote_table.finish()?;
    Ok((tally, evidence))
}

/// Scores keyness group by group into `keyness.csv`; returns the rows the charts of the
/// `shown` groups use and how many rows were written.
fn write_keyness<'a>(
    terms: &'a TermTable,
    ids: &Ids,
    (key_opts, shown): (&KeynessOptions, &Shown),
    (args, at_once): (&ReportArgs, &dyn Fn() -> usize),
    path: &std::path::Path,
) -> anyhow::Result<(Vec<KeyRow<'a>>, usize)> {
    // keyness.csv is written group by group as groups are scored; only the rows the charts
    // can use stay in memory, and only for the groups that are drawn.
    let mut keyness_table = KeynessTable::create(path)?;
    let mut key_rows = Vec::new();
    let mut keyness_rows = 0usize;
    let doc_id = |ordinal: u32| ids.get(ordinal);
    // One group at a time while quotes are written on the other core, then `at_once`. (At
    // 41,000 and 100,000 articles, two groups at once from the start gave the same stage time
    // and about 10 MB more at peak, medians of three.) Rows go to the file as they are
    // rendered: one group's CSV, rendered whole first, was 20 MB at 41,000 articles.
    keyness_each(
        terms,
        key_opts,
        at_once,
        |rows| rows,
        |rows| {
            keyness_table.write_group(&rows, &doc_id)?;
            keyness_rows += rows.len();
            if rows.first().is_some_and(|r| shown.contains(r.group)) {
                key_rows.extend(chart_rows(rows, args.terms.chart_terms));
            }
            Ok::<(), slant_report::ReportError>(())
        },
    )?;
    keyness_table.finish()?;
    Ok((key_rows, keyness_rows))
}

/// The bundled speaker gazetteer, with the user's `--speakers` rules in front.
fn speakers_gazetteer(args: &ReportArgs) -> anyhow::Result<quotes::lexicon::Gazetteer> {
    let bundled = include_str!("../../data/quotes/speakers.tsv");
    let mut g = quotes::lexicon::Gazetteer::default();
    for path in &args.speakers {
        let src = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        g.extend(&src, &path.display().to_string())?;
    }
    g.extend(bundled, "data/quotes/speakers.tsv")?;
    Ok(g)
}

/// How many analysed documents' metadata columns are gathered for [`no_group_hint`].
const COLUMNS_FROM: usize = 1000;

/// What to say when no analysed document has a value in the `--by` column, so that all are one
/// group: where the column's value comes from, and the input's other columns.
fn no_group_hint(by: &str, columns: &std::collections::BTreeSet<String>) -> String {
    let mut hint = format!(
        "no analysed document has a value in `{by}`, so all are one group and keyness.csv has no rows; "
    );
    if by == "outlet" {
        hint.push_str("name the table column that holds the outlet with --outlet-col, put each outlet's pages in a folder of its own, or group by another column with --by");
    } else {
        hint.push_str("group by another column with --by");
    }
    if !columns.is_empty() {
        let names: Vec<&String> = columns.iter().collect();
        hint.push_str(&format!(
            " (this input's other columns: {})",
            slant_corpus::read::column_list(&names)
        ));
    }
    hint
}

/// The value of the `--by` column, or `(none)`. Several columns, comma-separated, give their
/// values joined by " · " ("Caliber.az · 2025-01").
fn group_of(meta: &Metadata, by: &str) -> String {
    let one = |column: &str| {
        by_value(meta, column)
            .filter(|g| !g.is_empty())
            .unwrap_or("(none)")
    };
    match by_columns(meta, by) {
        None => one(by).to_string(),
        Some(columns) => columns.map(one).collect::<Vec<_>>().join(" · "),
    }
}

/// The `--by` columns as the page and charts name them: "outlet × published month".
fn label_of(by: &str) -> String {
    by.split(',')
        .map(str::trim)
        .map(|p| match p {
            "published_month" => "published month",
            "published_year" => "published year",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" × ")
}

/// Whether a document has a value, possibly empty, for the `--by` column (any of them, for a
/// list).
fn has_by_value(meta: &Metadata, by: &str) -> bool {
    match by_columns(meta, by) {
        None => by_value(meta, by).is_some(),
        Some(mut columns) => columns.any(|c| by_value(meta, c).is_some()),
    }
}

/// The columns of a comma-separated `--by`, unless the input has a column of that very name.
fn by_columns<'a>(meta: &Metadata, by: &'a str) -> Option<impl Iterator<Item = &'a str>> {
    (by.contains(',') && meta.get(by).is_none()).then(|| by.split(',').map(str::trim))
}

/// A metadata column's value; `published_year` and `published_month` are derived from an ISO
/// `published` date ("2025", "2025-01") unless the input has columns of those names.
fn by_value<'m>(meta: &'m Metadata, column: &str) -> Option<&'m str> {
    if let Some(v) = meta.get(column) {
        return Some(v);
    }
    let len = match column {
        "published_year" => 4,
        "published_month" => 7,
        _ => return None,
    };
    // Dates are normalised to YYYY-MM-DD on reading, or left empty.
    meta.published
        .get(..len)
        .filter(|_| meta.published.len() == 10)
}

/// What the analysis of one document gives.
type Analysed = (DocCounts, DocTerms, DocQuotes, LexiconPart, Voices);

/// A document's quotations, for whose words its lexicon hits are in, and how many of its
/// tokens are inside a direct quotation.
struct Voices {
    quotations: Quotations,
    quoted_tokens: usize,
}

/// A record of a batch after analysis, in input order.
enum Item {
    /// A document and what its analysis gave.
    Analysed(String, Document, Box<Analysed>),
    /// A document that could not be read (`false`) or analysed (`true`), with where it came
    /// from.
    Skipped(String, slant_corpus::Skipped, bool),
}

/// A batch analysed and waiting to be folded.
type Ready = Vec<Item>;

/// A batch of records, and the error that ended the input after them, if one did.
type Batch = (Vec<Record>, Option<anyhow::Error>);

/// Sends the records in batches of [`BATCH`] records or [`BATCH_BYTES`] of text (the last may
/// be shorter, or empty), ending at the first error, which goes with the records read before
/// it. Stops when nobody receives.
fn read_batches(records: input::Records, tx: &std::sync::mpsc::SyncSender<Batch>) {
    let mut batch = Vec::with_capacity(BATCH);
    let mut bytes = 0;
    for rec in records {
        match rec {
            Ok(rec) => {
                if let Outcome::Ok(doc) = &rec.outcome {
                    bytes += doc.text.len();
                }
                batch.push(rec);
            }
            Err(e) => {
                let _ = tx.send((batch, Some(e)));
                return;
            }
        }
        if batch.len() == BATCH || bytes >= BATCH_BYTES {
            bytes = 0;
            let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
            if tx.send((full, None)).is_err() {
                return;
            }
        }
    }
    let _ = tx.send((batch, None));
}

/// Analyses `batch` while the previous batch (`pending`) is folded into `g`, then leaves
/// `batch` pending. Folding one batch while the next is analysed keeps every core busy; the
/// fold still takes batches, and documents within them, in input order.
#[allow(clippy::too_many_arguments)]
fn step(
    g: &mut Gathered,
    hits_out: &mut HitWriter,
    pending: &mut Option<Ready>,
    batch: Vec<Record>,
    args: &ReportArgs,
    term_opts: &TermOptions,
    set: &LexiconSet,
) -> anyhow::Result<()> {
    let previous = pending.take();
    let (analysed, folded) = rayon::join(
        || analyse(batch, term_opts, set),
        || previous.map_or(Ok(()), |items| fold(g, hits_out, items, args, set)),
    );
    folded?;
    *pending = Some(analysed);
    Ok(())
}

/// Segments and counts a batch in parallel; the items keep the batch's order.
fn analyse(batch: Vec<Record>, term_opts: &TermOptions, set: &LexiconSet) -> Vec<Item> {
    batch
        .into_par_iter()
        .map(|rec| match rec.outcome {
            Outcome::Skipped(s) => Item::Skipped(rec.source, s, false),
            Outcome::Ok(doc) => {
                let analysed = guarded(|| {
                    let seg = segment(&doc.text);
                    let forms = TokenForms::new(&doc.text, &seg);
                    let doc_quotes = quotes::extract(&doc.text, &seg, quotes::Lists::default());
                    let quotations = Quotations::new(&doc_quotes.quotes);
                    let voices = Voices {
                        quoted_tokens: quotations.quoted_tokens(&seg.tokens),
                        quotations,
                    };
                    (
                        DocCounts::from_segmented(&seg),
                        count_terms_in(
                            &doc.text,
                            &seg,
                            &forms,
                            term_opts,
                            FunctionWords::of_tag(&doc.meta.language),
                        ),
                        doc_quotes,
                        lexicon_part(&doc.text, &seg, &forms, set),
                        voices,
                    )
                });
                match analysed {
                    Ok(analysis) => Item::Analysed(rec.source, doc, Box::new(analysis)),
                    Err(reason) => Item::Skipped(
                        rec.source,
                        slant_corpus::Skipped {
                            meta: doc.meta,
                            reason,
                        },
                        true,
                    ),
                }
            }
        })
        .collect()
}

thread_local! {
    /// Whether this thread is inside [`guarded`], and where its latest panic there happened.
    static GUARDED: std::cell::RefCell<(bool, Option<String>)> =
        const { std::cell::RefCell::new((false, None)) };
}

/// Runs the analysis of one document so that a bug it meets costs that document, not the
/// run: a panic becomes the reason the document is listed as skipped, with where in slant it
/// happened, and is named on one line like any skipped document rather than printed with a
/// backtrace. (The fuzz targets look for such bugs; this is the net for any they have not
/// found.)
fn guarded<T>(analyse: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let quiet = GUARDED.with(|g| {
                let mut g = g.borrow_mut();
                if g.0 {
                    g.1 = info
                        .location()
                        .map(|l| format!("{}:{}", l.file(), l.line()));
                }
                g.0
            });
            if !quiet {
                default(info);
            }
        }));
    });
    GUARDED.with(|g| *g.borrow_mut() = (true, None));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(analyse));
    let location = GUARDED.with(|g| std::mem::take(&mut *g.borrow_mut()).1);
    result.map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = location.map(|l| format!(" at {l}")).unwrap_or_default();
        format!("slant failed while analysing it ({what}{at}); please report this document")
    })
}

/// Folds an analysed batch into `g` in input order, writing each document's lexicon hits to
/// `hits_out`.
fn fold(
    g: &mut Gathered,
    hits_out: &mut HitWriter,
    items: Vec<Item>,
    args: &ReportArgs,
    set: &LexiconSet,
) -> anyhow::Result<()> {
    let mut batch_terms: Vec<(String, u32, DocTerms)> = Vec::with_capacity(items.len());
    for item in items {
        let (source, doc, (c, terms, doc_quotes, lex, voices)) = match item {
            Item::Analysed(source, doc, analysis) => (source, doc, *analysis),
            Item::Skipped(source, slant_corpus::Skipped { meta, reason }, failed) => {
                // (Skipped when read, and named then, or when its analysis failed, named
                // once the batch is folded.)
                g.counts.skipped += 1;
                if failed {
                    g.failures
                        .push(input::skipped_line(&source, &meta.id, &reason));
                }
                if g.skipped.len() < html::SKIPPED_SHOWN {
                    g.skipped.push(Skipped {
                        id: meta.id.clone(),
                        source: source.clone(),
                        reason: reason.clone(),
                    });
                }
                let row = DocumentRow {
                    group: group_of(&meta, &args.by),
                    source,
                    skipped: Some(reason),
                    sentences: 0,
                    tokens: 0,
                    text_bytes: 0,
                    quoted_tokens: 0,
                    meta,
                };
                g.summaries.add(&row);
                g.documents.row(&row)?;
                continue;
            }
        };
        g.by_seen |= has_by_value(&doc.meta, &args.by);
        if g.counts.analysed < COLUMNS_FROM {
            g.columns.extend(doc.meta.extra.keys().cloned());
        }
        let group = group_of(&doc.meta, &args.by);
        let ordinal = g.ids.push(&doc.meta.id);
        batch_terms.push((group.clone(), ordinal, terms));
        let mut hits: Vec<HitRow> = lex
            .hits
            .into_iter()
            .zip(lex.rendered)
            .map(|(hit, (matched, context))| HitRow {
                voice: voices.quotations.voice(hit.span),
                hit,
                matched,
                context,
            })
            .collect();
        g.tally.add(
            &group,
            (c.tokens as u64, voices.quoted_tokens as u64),
            &hits,
            &lex.cells,
        );
        hits_out.write_doc(
            &mut hits,
            &set.lexicons,
            (&doc.meta.id, &doc.meta.outlet, &group),
        )?;
        g.evidence.add(ordinal, &doc.meta.id, &group, &hits);
        g.quotes.add(
            (&doc.meta.id, &doc.meta.outlet, &group),
            doc_quotes,
            &g.gazetteer,
        )?;
        g.counts.analysed += 1;
        g.counts.add_language(&doc.meta.language);
        g.counts.sentences += c.sentences;
        g.counts.tokens += c.tokens;
        let row = DocumentRow {
            group,
            source,
            skipped: None,
            sentences: c.sentences,
            tokens: c.tokens,
            text_bytes: doc.text.len(),
            quoted_tokens: voices.quoted_tokens,
            meta: doc.meta,
        };
        g.summaries.add(&row);
        g.documents.row(&row)?;
    }
    g.terms.add_batch(
        batch_terms
            .iter_mut()
            .map(|(group, ordinal, terms)| (group.as_str(), *ordinal, std::mem::take(terms)))
            .collect(),
    );
    g.terms.prune(args.terms.max_phrases, &mut g.pruning);
    Ok(())
}

/// The ids of analysed documents, by ordinal, in one string.
#[derive(Default)]
struct Ids {
    text: String,
    ends: Vec<usize>,
}

impl Ids {
    /// Adds an id; returns its ordinal.
    fn push(&mut self, id: &str) -> u32 {
        self.text.push_str(id);
        self.ends.push(self.text.len());
        u32::try_from(self.ends.len() - 1).unwrap_or(u32::MAX)
    }

    /// The id of an ordinal (empty if there is none).
    fn get(&self, ordinal: u32) -> &str {
        let i = ordinal as usize;
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..end]
    }
}

/// One document's lexicon hits, with matched text and context rendered while the text is at
/// hand, and its actor cells.
struct LexiconPart {
    hits: Vec<Hit>,
    rendered: Vec<(String, String)>,
    cells: Vec<ActorCell>,
}

fn lexicon_part(
    text: &str,
    seg: &slant_corpus::segment::Segmented,
    forms: &TokenForms,
    set: &LexiconSet,
) -> LexiconPart {
    let hits = set.matcher.find_in(text, seg, forms);
    let cells = match (set.loaded, set.actors) {
        (Some(l), Some(a)) => actor_cells(&hits, seg, l, a),
        (None, Some(a)) => actor_cells(&hits, seg, u16::MAX, a),
        _ => Vec::new(),
    };
    let rendered = hits
        .iter()
        .map(|h| {
            (
                h.span.slice(text).to_string(),
                lexout::context(text, seg, h.sentence, h.span),
            )
        })
        .collect();
    LexiconPart {
        hits,
        rendered,
        cells,
    }
}

/// `reports/<input name>/`: the folder's name, or the file's name without extension (and
/// without a compression suffix: `corpus.jsonl.gz` → `corpus`).
fn default_output(input: &std::path::Path) -> PathBuf {
    let name = input
        .canonicalize()
        .ok()
        .and_then(|p| {
            let p = match slant_corpus::read::extension(&p).1 {
                Some(_) => p.with_extension(""),
                None => p,
            };
            p.file_stem().map(|s| s.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "report".into());
    PathBuf::from("reports").join(name)
}

#[cfg(test)]
mod tests {
    use super::guarded;

    #[test]
    fn a_panic_in_one_documents_analysis_becomes_its_skip_reason() {
        assert_eq!(guarded(|| 42), Ok(42));
        let line = line!() + 1;
        let failed = guarded(|| -> u32 { panic!("byte range starts at 212 but ends at 211") });
        assert_eq!(
            failed,
            Err(format!(
                "slant failed while analysing it (byte range starts at 212 but ends at 211 at \
                 {}:{line}); please report this document",
                file!()
            ))
        );
        // A later document that analyses is not given the earlier one's place.
        assert_eq!(guarded(|| 7), Ok(7));
        let failed = guarded(|| -> u32 { panic!("again") }).unwrap_err();
        assert!(failed.contains("(again at "), "{failed}");
    }
}
