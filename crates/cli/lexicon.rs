//! `slant lexicon check|import|show|coverage|actors`: tools for the people who maintain lexicons.

use crate::args::{LexiconArgs, LexiconCommand};
use crate::input;
use crate::lexicons::load;
use anyhow::{bail, Context};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use slant_corpus::segment::segment;
use slant_corpus::Outcome;
use slant_metrics::lexicon::lint::lint;
use slant_metrics::lexicon::matcher::{Hit, Matcher};
use slant_metrics::lexicon::suggest::{actors_lexicon, names_in, Actor, NameTally};
use slant_metrics::lexicon::{compile, native, Lexicon, Problem, Severity};
use slant_metrics::quotes::lexicon::Gazetteer;
use slant_report::terms::{plural, thousands};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: &LexiconArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        LexiconCommand::Check { files } => check(files),
        LexiconCommand::Import { file, output, name } => import(file, output, name.as_deref()),
        LexiconCommand::Show { file } => show(file),
        LexiconCommand::Actors {
            input,
            output,
            top,
            input_args,
        } => actors(input, output, usize::from(*top), input_args),
        LexiconCommand::Coverage {
            file,
            input,
            input_args,
        } => coverage(file, input, input_args),
    }
}

/// Lints each file; problems go to stdout as `file:line: level: message`. Exit 1 on errors.
fn check(files: &[std::path::PathBuf]) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut errors = 0usize;
    for f in files {
        // A speaker gazetteer (`--speakers`) is checked as one.
        if f.extension().is_some_and(|e| e == "tsv") {
            errors += check_gazetteer(f, &mut out)?;
            continue;
        }
        let loaded = match load(f) {
            Ok(l) => l,
            Err(e) => {
                writeln!(out, "{}", crate::one_line(&crate::chain_message(&e)))?;
                errors += 1;
                continue;
            }
        };
        let mut problems = loaded.problems;
        problems.extend(lint(&loaded.lexicon));
        problems.sort_by_key(|p| p.line);
        problems.dedup();
        let e = print_problems(&problems, &mut out)?;
        errors += e;
        let lex = &loaded.lexicon;
        writeln!(
            out,
            "{}: `{}`: {}; {}, {}",
            loaded.path,
            lex.name,
            size(lex),
            plural(e as u64, "error"),
            plural((problems.len() - e) as u64, "warning")
        )?;
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints each problem on a line of its own; the number of errors among them.
fn print_problems(problems: &[Problem], out: &mut impl Write) -> std::io::Result<usize> {
    for p in problems {
        writeln!(out, "{}", crate::one_line(&p.to_string()))?;
    }
    Ok(problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count())
}

/// Lints a speaker gazetteer ([`Gazetteer::lint`]) as [`check`] lints a lexicon; the number
/// of errors.
fn check_gazetteer(path: &std::path::Path, out: &mut impl Write) -> anyhow::Result<usize> {
    let shown = path.display().to_string();
    let src = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(src) => src,
            Err(e) => {
                writeln!(out, "{shown}: error: not UTF-8 text ({e})")?;
                return Ok(1);
            }
        },
        Err(e) => {
            writeln!(out, "{shown}: error: {e}")?;
            return Ok(1);
        }
    };
    let problems = Gazetteer::lint(&src, &shown);
    let e = print_problems(&problems, out)?;
    let rules = src
        .lines()
        .filter(|l| {
            ["name\t", "word\t", "title\t"]
                .iter()
                .any(|k| l.starts_with(k))
        })
        .count();
    writeln!(
        out,
        "{shown}: speaker gazetteer: {}; {}, {}",
        plural(rules as u64, "rule"),
        plural(e as u64, "error"),
        plural((problems.len() - e) as u64, "warning")
    )?;
    Ok(e)
}

/// Converts any supported format into the native TOML, written atomically.
fn import(
    file: &std::path::Path,
    output: &std::path::Path,
    name: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let mut loaded = load(file)?;
    if let Some(n) = name {
        loaded.lexicon.name = n.to_string();
    }
    for p in &loaded.problems {
        eprintln!("{}", crate::one_line(&p.to_string()));
    }
    write_atomically(output, &native::to_toml(&loaded.lexicon))?;
    let lex = &loaded.lexicon;
    eprintln!(
        "slant: wrote {} (`{}`: {}); edit its version, source and licence, then run `slant lexicon check {}`",
        output.display(),
        lex.name,
        size(lex),
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to `output` through a temporary file beside it: all or nothing.
fn write_atomically(output: &std::path::Path, text: &str) -> anyhow::Result<()> {
    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("{}: cannot write here", dir.display()))?;
    tmp.write_all(text.as_bytes())?;
    tmp.persist(output)
        .with_context(|| format!("{}: cannot write", output.display()))?;
    Ok(())
}

/// Prints what a lexicon holds.
fn show(file: &std::path::Path) -> anyhow::Result<ExitCode> {
    let loaded = load(file)?;
    let lex = &loaded.lexicon;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}  (from {})", lex.name, loaded.path)?;
    for (k, v) in [
        ("version", &lex.version),
        ("description", &lex.description),
        ("source", &lex.source),
        ("licence", &lex.licence),
    ] {
        if !v.is_empty() {
            writeln!(out, "  {k:<12} {v}")?;
        }
    }
    writeln!(out, "  {:<12} {}", "sha256", loaded.sha256)?;
    writeln!(out)?;
    writeln!(
        out,
        "  {:<24} {:>7} {:>9} {:>7} {:>6} {:>8}  examples",
        "category", "entries", "wildcard", "phrase", "cased", "exclude"
    )?;
    for c in &lex.categories {
        let compiled: Vec<_> = c
            .entries
            .iter()
            .filter_map(|e| compile(e, &lex.origin).0)
            .collect();
        let examples: Vec<&str> = c.entries.iter().take(5).map(|e| e.text.as_str()).collect();
        writeln!(
            out,
            "  {:<24} {:>7} {:>9} {:>7} {:>6} {:>8}  {}",
            c.name,
            c.entries.len(),
            compiled.iter().filter(|p| p.wildcard).count(),
            compiled.iter().filter(|p| p.words.len() > 1).count(),
            compiled.iter().filter(|p| p.case_sensitive).count(),
            c.exclude.len(),
            examples.join(", ")
        )?;
        if !c.description.is_empty() {
            writeln!(out, "  {:<24} {}", "", c.description)?;
        }
    }
    if !lex.exclude.is_empty() {
        let ex: Vec<&str> = lex.exclude.iter().map(|e| e.text.as_str()).collect();
        writeln!(out, "\n  excluded everywhere: {}", ex.join(", "))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Per entry: hits, documents, and the forms matched.
#[derive(Default)]
struct EntryUse {
    hits: u64,
    docs: u64,
    forms: BTreeMap<String, u64>,
}

/// Runs one lexicon over a corpus and prints, per entry, how often it hit: CSV on stdout,
/// most-used first, entries that never hit last (candidates for pruning).
fn coverage(
    file: &std::path::Path,
    input_path: &std::path::Path,
    input_args: &crate::args::InputArgs,
) -> anyhow::Result<ExitCode> {
    let loaded = load(file)?;
    let lex: &Lexicon = &loaded.lexicon;
    let (matcher, _) = Matcher::new(std::slice::from_ref(lex));
    let mut uses: BTreeMap<(u16, u32), EntryUse> = BTreeMap::new();
    let docs = in_batches(input_path, input_args, |batch| {
        let found: Vec<Vec<(Hit, String)>> = batch
            .par_iter()
            .map(|(_, text)| {
                let seg = segment(text);
                matcher
                    .find(text, &seg)
                    .into_iter()
                    .map(|h| (h, h.span.slice(text).to_lowercase()))
                    .collect()
            })
            .collect();
        for hits in found {
            let mut seen = std::collections::BTreeSet::new();
            for (h, form) in hits {
                let u = uses.entry((h.category, h.entry)).or_default();
                u.hits += 1;
                *u.forms.entry(form).or_default() += 1;
                if seen.insert((h.category, h.entry)) {
                    u.docs += 1;
                }
            }
        }
    })?;
    let mut rows = Vec::new();
    for (ci, c) in lex.categories.iter().enumerate() {
        for (ei, e) in c.entries.iter().enumerate() {
            let key = (
                u16::try_from(ci).unwrap_or(u16::MAX),
                u32::try_from(ei).unwrap_or(u32::MAX),
            );
            rows.push((uses.remove(&key).unwrap_or_default(), c.name.as_str(), e));
        }
    }
    rows.sort_by(|a, b| b.0.hits.cmp(&a.0.hits).then(a.2.line.cmp(&b.2.line)));
    let mut w = csv::Writer::from_writer(std::io::stdout().lock());
    w.write_record([
        "lexicon",
        "category",
        "entry",
        "line",
        "hits",
        "documents",
        "forms",
    ])?;
    let unused = rows.iter().filter(|r| r.0.hits == 0).count();
    for (u, cat, e) in &rows {
        let mut forms: Vec<(&String, &u64)> = u.forms.iter().collect();
        forms.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let forms: Vec<String> = forms
            .iter()
            .take(5)
            .map(|(f, n)| format!("{f} {n}"))
            .collect();
        w.write_record([
            lex.name.as_str(),
            cat,
            e.text.as_str(),
            &e.line.to_string(),
            &u.hits.to_string(),
            &u.docs.to_string(),
            &forms.join("; "),
        ])?;
    }
    w.flush()?;
    eprintln!(
        "slant: `{}` over {}: {} of {} entries hit at least once; {unused} never did",
        lex.name,
        plural(docs, "document"),
        rows.len() - unused,
        rows.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// "3 entries in 1 category".
fn size(lex: &Lexicon) -> String {
    format!(
        "{} in {}",
        plural(lex.entry_count() as u64, "entry"),
        plural(lex.categories.len() as u64, "category")
    )
}

/// Reads a corpus and hands its analysable documents to `f`, (outlet, text) 256 at a time;
/// returns how many there were.
fn in_batches(
    input_path: &std::path::Path,
    input_args: &crate::args::InputArgs,
    mut f: impl FnMut(&[(String, String)]),
) -> anyhow::Result<u64> {
    let (_, records) = input::records(input_path, &input_args.read_options())?;
    let mut docs = 0u64;
    let mut batch = Vec::with_capacity(256);
    for rec in records {
        if let Outcome::Ok(doc) = rec?.outcome {
            docs += 1;
            batch.push((doc.meta.outlet, doc.text));
            if batch.len() == 256 {
                f(&batch);
                batch.clear();
            }
        }
    }
    f(&batch);
    Ok(docs)
}

/// An actor's figures in the corpus, as the report will count them.
#[derive(Debug, Default)]
struct ActorUse {
    sentences: u64,
    docs: u64,
    outlets: BTreeSet<usize>,
}

/// Suggests an `actors` lexicon: the names the most documents mention, found in a first pass
/// over the corpus, then counted exactly as the report counts them (the lexicon's own matches)
/// in a second, which ranks them.
pub fn suggest_actors(
    input_path: &std::path::Path,
    output: &std::path::Path,
    top: usize,
    input_args: &crate::args::InputArgs,
) -> anyhow::Result<Suggested> {
    let mut tally = NameTally::default();
    in_batches(input_path, input_args, |batch| {
        let names: Vec<_> = batch
            .par_iter()
            .map(|(_, text)| names_in(text, &segment(text)))
            .collect();
        for n in names {
            tally.add(n);
        }
    })?;
    if tally.is_empty() {
        bail!(
            "{}: no names found in {}; nothing to suggest",
            input_path.display(),
            plural(tally.docs, "document")
        );
    }
    // Twice as many candidates as wanted: the exact count may reorder them.
    let candidates = tally.suggest(top * 2);
    let lex = actors_lexicon(&candidates, &[], "");
    let (matcher, _) = Matcher::new(std::slice::from_ref(&lex));
    let mut uses: Vec<ActorUse> = candidates.iter().map(|_| ActorUse::default()).collect();
    // Outlets by number, in the order first seen.
    let mut outlets: FxHashMap<String, usize> = FxHashMap::default();
    let docs = in_batches(input_path, input_args, |batch| {
        let found: Vec<Vec<Hit>> = batch
            .par_iter()
            .map(|(_, text)| matcher.find(text, &segment(text)))
            .collect();
        for ((outlet, _), hits) in batch.iter().zip(found) {
            let o = match outlets.get(outlet) {
                Some(&o) => o,
                None => {
                    let o = outlets.len();
                    outlets.insert(outlet.clone(), o);
                    o
                }
            };
            let (mut sentences, mut named) = (BTreeSet::new(), BTreeSet::new());
            for h in hits {
                let u = &mut uses[usize::from(h.category)];
                if sentences.insert((h.category, h.sentence)) {
                    u.sentences += 1;
                }
                if named.insert(h.category) {
                    u.docs += 1;
                    u.outlets.insert(o);
                }
            }
        }
    })?;
    let mut ranked: Vec<(Actor, ActorUse)> = candidates
        .into_iter()
        .zip(uses)
        .filter(|(_, u)| u.docs > 0)
        .collect();
    ranked.sort_by(|a, b| {
        (b.1.docs, b.1.sentences)
            .cmp(&(a.1.docs, a.1.sentences))
            .then_with(|| a.0.name.cmp(&b.0.name))
    });
    ranked.truncate(top);
    let (actors, uses): (Vec<Actor>, Vec<ActorUse>) = ranked.into_iter().unzip();
    let with_outlet = outlets.keys().filter(|o| !o.is_empty()).count();
    let describe = |(a, u): (&Actor, &ActorUse)| {
        let mut d = format!(
            "{}: named in {} of {}",
            a.name,
            plural(u.sentences, "sentence"),
            plural(u.docs, "document")
        );
        if with_outlet > 1 {
            d.push_str(&format!(
                ", by {} of {with_outlet} outlets",
                u.outlets.len()
            ));
        }
        d.push('.');
        if !a.may_be.is_empty() {
            d.push_str(&format!(
                " A surname alone, which the corpus gives to {}: move it to one of them or keep \
                 it apart.",
                slant_report::quotes::and_list(&a.may_be)
            ));
        }
        d
    };
    let source = format!(
        "Suggested by `slant lexicon actors` from {} ({}): the names the most documents mention.",
        input_path.display(),
        plural(docs, "document")
    );
    let descriptions: Vec<String> = actors.iter().zip(&uses).map(describe).collect();
    let mut lex = actors_lexicon(&actors, &descriptions, &source);
    lex.origin = output.display().to_string();
    let header = format!(
        "# Actors suggested by `slant lexicon actors` for {input}: the {k} names that the most\n\
         # of its {docs} mention ({names} names found), each counted as the report will. Edit\n\
         # it before you report with it: a country's capital, seat of government and short\n\
         # forms are already one actor with it (data/quotes/place_names.tsv); merge what else\n\
         # is one actor (a country and its leaders), split what is not (a \"White House\" that\n\
         # is the race, not the country), drop what is no actor (the outlet's own name, a news\n\
         # agency), and list other forms of a name. Names are matched as written\n\
         # (case_sensitive); a surname alone counts for the person whose category lists it.\n\
         # Then:\n\
         #   slant lexicon check {out}\n\
         #   slant report {input} --lexicon {out}\n",
        input = input_path.display(),
        k = actors.len(),
        docs = plural(docs, "document"),
        names = thousands(tally.len() as u64),
        out = output.display(),
    );
    let listing = lex
        .categories
        .iter()
        .zip(actors.iter().zip(&uses))
        .map(|(c, (a, u))| {
            format!(
                "{}: {} ({})",
                c.name,
                a.entries.join(", "),
                plural(u.docs, "document")
            )
        })
        .collect();
    Ok(Suggested {
        toml: header + &native::to_toml(&lex),
        lexicon: lex,
        listing,
    })
}

/// A suggested `actors` lexicon.
pub struct Suggested {
    pub lexicon: Lexicon,
    /// The file's text: a header that says how to use it, then the lexicon.
    pub toml: String,
    /// One line per actor: its category, entries and documents.
    pub listing: Vec<String>,
}

/// `slant lexicon actors`: writes the suggested lexicon and lists its actors on stdout.
fn actors(
    input_path: &std::path::Path,
    output: &std::path::Path,
    top: usize,
    input_args: &crate::args::InputArgs,
) -> anyhow::Result<ExitCode> {
    let suggested = suggest_actors(input_path, output, top, input_args)?;
    write_atomically(output, &suggested.toml)?;
    let mut out = std::io::stdout().lock();
    for line in &suggested.listing {
        writeln!(out, "{line}")?;
    }
    let actors = &suggested.lexicon.categories;
    eprintln!(
        "slant: wrote {} ({} actors); edit it, then `slant lexicon check {}` and `slant report {} --lexicon {}`",
        output.display(),
        actors.len(),
        output.display(),
        input_path.display(),
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}
