//! Command-line arguments (clap derive). The commands, inputs and output files are the agreed
//! interface in `shared/design/interface.md`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Compare how news outlets cover the same story: which words each favours, whom each lets
/// speak, how much loaded language each uses.
#[derive(Debug, Parser)]
#[command(name = "slant", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse a corpus and write an outlet-by-outlet report folder.
    Report(ReportArgs),
    /// Clean, read metadata, segment and write a corpus file (.jsonl or .parquet).
    Ingest(IngestArgs),
    /// Tools for lexicon maintainers: check, import, show, coverage, actors.
    Lexicon(LexiconArgs),
    /// Generate a deterministic corpus of news-like articles, for benchmarks and scale tests.
    Synth(SynthArgs),
}

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Number of articles.
    #[arg(short = 'n', long, default_value_t = 10_000, value_name = "N")]
    pub articles: u64,
    /// Where to write: a `.jsonl` table, or a folder (manifest.csv and one .txt page each).
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Number of outlets (outlet k gets a share of articles proportional to 1/(k+1)).
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub outlets: usize,
    /// The seed: the same seed and options give the same bytes.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Mean words per article.
    #[arg(long, default_value_t = 520, value_name = "N")]
    pub mean_words: usize,
    /// No progress output.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct LexiconArgs {
    #[command(subcommand)]
    pub command: LexiconCommand,
}

#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// Lint lexicon files: problems as `file:line: level: message`; exit 1 on errors.
    Check {
        /// Lexicon files (.toml, .txt, .dic, .yml/.yaml, .lc3).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Convert a LIWC .dic, quanteda YAML, Lexicoder .lc3 or plain list into slant's TOML.
    Import {
        /// The file to convert.
        file: PathBuf,
        /// The .toml file to write.
        #[arg(short, long, value_name = "OUT.toml")]
        output: PathBuf,
        /// Name of the lexicon (default: the file name without extension).
        #[arg(long)]
        name: Option<String>,
    },
    /// Summarise a lexicon: provenance and, per category, entries, wildcards, phrases.
    Show {
        /// A lexicon file.
        file: PathBuf,
    },
    /// Suggest an `actors` lexicon for a corpus: the people, places and bodies the most
    /// documents name, one category per actor, to edit and then report with `--lexicon`.
    Actors {
        /// The corpus (any input kind; default: the bundled corpus).
        #[arg(default_value = "data/corpus")]
        input: PathBuf,
        /// The .toml file to write.
        #[arg(short, long, value_name = "OUT.toml")]
        output: PathBuf,
        /// How many actors.
        #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=200))]
        top: u16,
        #[command(flatten)]
        input_args: InputArgs,
    },
    /// Run a lexicon over a corpus and list, per entry, its hits (CSV on stdout): which entries
    /// earn their place and which never match.
    Coverage {
        /// A lexicon file.
        file: PathBuf,
        /// The corpus (any input kind; default: the bundled corpus).
        #[arg(default_value = "data/corpus")]
        input: PathBuf,
        #[command(flatten)]
        input_args: InputArgs,
    },
}

/// How to read an input: shared by `report` and `ingest`.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Column (or JSON field) holding the article text in a table.
    #[arg(long, default_value = "text", value_name = "COLUMN")]
    pub text_col: String,
    /// Column holding the document id in a table; without it, ids are 1-based row numbers.
    #[arg(long, default_value = "id", value_name = "COLUMN")]
    pub id_col: String,
    /// Column holding the outlet in a table.
    #[arg(long, default_value = "outlet", value_name = "COLUMN")]
    pub outlet_col: String,
    /// Field delimiter of a CSV/TSV table (default: sniffed among , ; TAB |). Write TAB as '\t'.
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// Run boilerplate cleaning on table and corpus-file text too (files are always cleaned).
    #[arg(long, conflicts_with = "no_clean")]
    pub clean: bool,
    /// Take file text as it is, without boilerplate cleaning.
    #[arg(long)]
    pub no_clean: bool,
    /// Skip documents larger than this many megabytes (with a reason in the listing).
    #[arg(long, default_value_t = 64, value_name = "MB", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_doc_mb: u64,
}

impl InputArgs {
    pub fn read_options(&self) -> slant_corpus::read::ReadOptions {
        slant_corpus::read::ReadOptions {
            text_col: self.text_col.clone(),
            id_col: self.id_col.clone(),
            outlet_col: self.outlet_col.clone(),
            delimiter: self.delimiter,
            clean: if self.clean {
                Some(true)
            } else if self.no_clean {
                Some(false)
            } else {
                None
            },
            max_doc_bytes: self.max_doc_mb.saturating_mul(1024 * 1024),
        }
    }
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "\\t" | "\t" | "tab" | "TAB" => Ok(b'\t'),
        _ if s.len() == 1 && s.is_ascii() => Ok(s.as_bytes()[0]),
        _ => Err(format!(
            "expected one ASCII character such as ',' ';' '|' or '\\t', found `{s}`"
        )),
    }
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A manifest folder, a folder of .txt pages, a .csv/.tsv/.jsonl table or a corpus file
    /// (.jsonl/.parquet from `slant ingest`). Default: the bundled corpus.
    #[arg(default_value = "data/corpus")]
    pub input: PathBuf,
    /// Output folder (default: reports/<input name>/). Replaced atomically.
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Metadata column to group documents by: outlet, author, published, published_month or
    /// published_year (from the date), any column of the input; several, comma-separated, group
    /// by their combination (`outlet,published_month`).
    #[arg(long, default_value = "outlet", value_name = "COLUMN")]
    pub by: String,
    /// No progress output.
    #[arg(short, long)]
    pub quiet: bool,
    /// Format of the tables: CSV for spreadsheets and notebooks, Parquet for large corpora.
    #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
    pub format: TableFormat,
    #[command(flatten)]
    pub input_args: InputArgs,
    #[command(flatten)]
    pub terms: TermArgs,
    /// Most groups drawn in each chart and given evidence on the page: those with the most
    /// documents. Every group stays in the tables. 0 = all.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub chart_groups: usize,
    /// A speaker gazetteer (name/word/title rules, see data/quotes/speakers.tsv) tried before the
    /// bundled one. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub speakers: Vec<PathBuf>,
    #[command(flatten)]
    pub lexicons: LexiconRunArgs,
}

/// Which lexicons a report matches, and how their rates are estimated.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Lexicons")]
pub struct LexiconRunArgs {
    /// A lexicon to match besides the bundled ones (.toml, .txt, .dic, .yml/.yaml, .lc3).
    /// Repeatable; one named like a bundled lexicon replaces it.
    #[arg(long, value_name = "PATH")]
    pub lexicon: Vec<PathBuf>,
    /// Leave out the bundled lexicons (loaded, hedges, boosters, actors).
    #[arg(long)]
    pub no_default_lexicons: bool,
    /// Use as actors the N names this corpus's documents mention most, instead of the bundled
    /// story's: what `slant lexicon actors --top N` suggests (two more passes over the input),
    /// written into the report folder as actors.toml.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=200))]
    pub auto_actors: Option<u16>,
    /// Bootstrap replicates of each rate's 95% interval (documents resampled, fixed seed).
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub bootstrap: usize,
    /// Groups with fewer documents than this are flagged as too small to compare.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub min_docs: u64,
}

/// What counts as a term, and how keyness is scored.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Terms and keyness")]
pub struct TermArgs {
    /// Leave out terms seen fewer times than this: in the group for terms.csv, in the whole
    /// corpus for keyness.csv.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub min_count: u64,
    /// Longest phrase counted, in words (1 = single words only).
    #[arg(long, default_value_t = 3, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=3))]
    pub max_words: u8,
    /// Group word forms by their English Snowball stem; each term is shown by its commonest form.
    #[arg(long)]
    pub stem: bool,
    /// Count stop words ("the", "of") as terms too. Phrases never start or end with one.
    #[arg(long)]
    pub keep_stopwords: bool,
    /// Strength of the informative prior of the log-odds: alpha_w = SCALE x the term's corpus count.
    #[arg(long, default_value_t = 1.0, value_name = "SCALE", value_parser = positive)]
    pub prior_scale: f64,
    /// Continuity correction of G2, as in quanteda's textstat_keyness.
    #[arg(long, value_enum, default_value_t = G2Correction::Default)]
    pub g2_correction: G2Correction,
    /// Most phrase entries (group × phrase of two or three words) held in memory. Above it,
    /// the phrases seen fewer than t times in their group are dropped, with t the smallest
    /// threshold that leaves half as many; single words never are. From the first prune on, a
    /// phrase new to a group is counted from its second sighting there. Prunes and the bound
    /// they put on phrase counts are recorded in run.json.
    #[arg(long, default_value_t = 500_000, value_name = "N")]
    pub max_phrases: usize,
    /// Terms per side in each group's keyness chart.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub chart_terms: usize,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// `.csv` files.
    Csv,
    /// `.parquet` files (typed columns, zstd).
    Parquet,
}

impl From<TableFormat> for slant_report::table::Format {
    fn from(f: TableFormat) -> Self {
        match f {
            TableFormat::Csv => Self::Csv,
            TableFormat::Parquet => Self::Parquet,
        }
    }
}

/// `--g2-correction`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum G2Correction {
    /// Yates when an expected count is below 5 (quanteda's default).
    Default,
    /// Yates always.
    Yates,
    /// Williams.
    Williams,
    /// None.
    None,
}

impl From<G2Correction> for slant_metrics::keyness::Correction {
    fn from(c: G2Correction) -> Self {
        use slant_metrics::keyness::Correction;
        match c {
            G2Correction::Default => Correction::Default,
            G2Correction::Yates => Correction::Yates,
            G2Correction::Williams => Correction::Williams,
            G2Correction::None => Correction::None,
        }
    }
}

fn positive(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x > 0.0 && x.is_finite() => Ok(x),
        _ => Err(format!(
            "expected a positive number such as 1 or 0.1, found `{s}`"
        )),
    }
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Inputs of any kind; their documents are written into one corpus file.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The corpus file to write: .jsonl or .parquet. Replaced atomically.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// No progress output.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub input_args: InputArgs,
}
