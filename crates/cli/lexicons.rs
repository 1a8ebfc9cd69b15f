//! Finding and loading lexicons: the bundled ones (compiled in from `data/lexicons/`) and the
//! user's `--lexicon` files, each with the SHA-256 of its bytes for run.json.

use anyhow::{bail, Context};
use slant_metrics::lexicon::{formats, Lexicon, Problem, Severity};
use std::path::{Path, PathBuf};

/// The bundled lexicons: (path shown in messages, contents).
pub const BUNDLED: [(&str, &str); 4] = [
    (
        "data/lexicons/loaded.toml",
        include_str!("../../data/lexicons/loaded.toml"),
    ),
    (
        "data/lexicons/hedges.toml",
        include_str!("../../data/lexicons/hedges.toml"),
    ),
    (
        "data/lexicons/boosters.toml",
        include_str!("../../data/lexicons/boosters.toml"),
    ),
    (
        BUNDLED_ACTORS,
        include_str!("../../data/lexicons/actors.toml"),
    ),
];

/// Where the bundled `actors` lexicon comes from: the bundled corpus's story.
pub const BUNDLED_ACTORS: &str = "data/lexicons/actors.toml";

/// A lexicon ready for matching, with where it came from.
#[derive(Debug)]
pub struct Loaded {
    pub lexicon: Lexicon,
    /// Warnings and entry errors from parsing (not the full lint).
    pub problems: Vec<Problem>,
    pub path: String,
    pub sha256: String,
}

/// Reads a lexicon file of any supported format. A file that cannot be read or parsed at all is
/// an error naming the file (and line).
pub fn load(path: &Path) -> anyhow::Result<Loaded> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let Ok(src) = std::str::from_utf8(&bytes) else {
        bail!(
            "{}: not UTF-8 text; save the lexicon as UTF-8",
            path.display()
        );
    };
    parse(path, src)
}

/// Parses a lexicon's text; `path` gives its format, name and messages.
fn parse(path: &Path, src: &str) -> anyhow::Result<Loaded> {
    let (lexicon, problems) = formats::parse(path, src).map_err(|p| anyhow::anyhow!("{p}"))?;
    Ok(Loaded {
        lexicon,
        problems,
        path: path.display().to_string(),
        sha256: slant_report::run_info::sha256_hex(src.as_bytes()),
    })
}

/// The lexicons of a run: the bundled ones unless `no_defaults`, then the user's files in the
/// order given. A lexicon with the name of an earlier one replaces it (so `--lexicon my.toml`
/// with `name = "actors"` swaps in your own story's actors).
pub fn resolve(user: &[PathBuf], no_defaults: bool, quiet: bool) -> anyhow::Result<Vec<Loaded>> {
    let mut out: Vec<Loaded> = Vec::new();
    if !no_defaults {
        for (path, src) in BUNDLED {
            out.push(parse(Path::new(path), src)?);
        }
    }
    for p in user {
        let l = load(p)?;
        if let Some(i) = out.iter().position(|o| o.lexicon.name == l.lexicon.name) {
            if !quiet {
                eprintln!(
                    "slant: lexicon `{}` from {} replaces the one from {}",
                    l.lexicon.name, l.path, out[i].path
                );
            }
            out.remove(i);
        }
        out.push(l);
    }
    Ok(out)
}

/// Says on stderr how many entries of each lexicon cannot be used, pointing to the linter.
pub fn report_skipped(lexicons: &[Loaded], matcher_problems: &[Problem]) {
    for l in lexicons {
        let n = matcher_problems
            .iter()
            .filter(|p| p.severity == Severity::Error && p.origin == l.lexicon.origin)
            .count();
        if n > 0 {
            eprintln!(
                "slant: lexicon `{}`: {n} entr{} cannot match and {} left out; see `slant lexicon check {}`",
                l.lexicon.name,
                if n == 1 { "y" } else { "ies" },
                if n == 1 { "is" } else { "are" },
                l.path
            );
        }
    }
}
