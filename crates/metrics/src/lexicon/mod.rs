//! Lexicons of loaded language, hedges, boosters and actors: the model, its file formats, a
//! linter, and a multi-pattern matcher over normalised tokens.
//!
//! - [`native`]: the TOML format maintainers edit, and writing it back out.
//! - [`formats`]: plain word lists, LIWC `.dic`, quanteda YAML and Lexicoder `.lc3`.
//! - [`lint`]: what `slant lexicon check` reports, each problem with its line.
//! - [`matcher`]: one Aho–Corasick automaton over all lexicons, longest match first, never
//!   inside a word, every hit with its byte span and sentence.
//! - [`bootstrap`]: rates per 1,000 tokens with document-resampling intervals.
//! - [`suggest`]: an `actors` lexicon for a corpus, from the names it mentions most.
//!
//! Entries are normalised exactly as text tokens are (see [`normalise`]): lower-cased unless
//! the entry is case-sensitive, curly apostrophes and hyphens folded, a possessive `'s`
//! dropped. An entry is one or more words separated by spaces; a trailing `*` lets its last
//! word be a prefix.
//!
//! ```
//! use slant_metrics::lexicon::{formats::parse_plain, matcher::Matcher};
//! let (lex, problems) = parse_plain("# loaded\nregime\nso-called\nslam*\n", "loaded.txt");
//! assert!(problems.is_empty());
//! let m = Matcher::new(std::slice::from_ref(&lex)).0;
//! let text = "The so-called experts slammed the regime's plan.";
//! let seg = slant_corpus::segment::segment(text);
//! let hits: Vec<&str> = m.find(text, &seg).iter().map(|h| h.span.slice(text)).collect();
//! assert_eq!(hits, ["so-called", "slammed", "regime's"]);
//! ```

pub mod actors;
pub mod bootstrap;
pub mod formats;
pub mod lint;
pub mod matcher;
pub mod native;
pub mod suggest;

use slant_corpus::normalize::{normalize_cased_into, normalize_into};
use slant_corpus::segment::{segment, white_space_gap};
use std::fmt;

/// A lexicon: named categories of entries, with provenance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// Its name, as it appears in the `lexicon` column of reports.
    pub name: String,
    /// Version of the list.
    pub version: String,
    /// What it measures.
    pub description: String,
    /// Where it comes from: method, papers, the lists it was imported from.
    pub source: String,
    /// Terms of reuse.
    pub licence: String,
    /// The file it was read from, for messages.
    pub origin: String,
    /// Categories in file order; a phrase listed in two counts for the first.
    pub categories: Vec<Category>,
    /// Phrases that never count for any category ("crime scene").
    pub exclude: Vec<Entry>,
}

/// One category of a lexicon.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Category {
    /// Its name, as it appears in the `category` column.
    pub name: String,
    /// What belongs in it.
    pub description: String,
    /// Line where it is declared (0 when unknown).
    pub line: usize,
    /// Its entries.
    pub entries: Vec<Entry>,
    /// Phrases that never count for this category.
    pub exclude: Vec<Entry>,
}

/// One entry as written in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// The text as written, trailing `*` included.
    pub text: String,
    /// 1-based line in the file (0 when unknown).
    pub line: usize,
    /// Matched with its capitalisation ("US" but not "us").
    pub case_sensitive: bool,
}

impl Lexicon {
    /// Entries over all categories (exclusions not counted).
    pub fn entry_count(&self) -> usize {
        self.categories.iter().map(|c| c.entries.len()).sum()
    }
}

impl Entry {
    /// A case-insensitive entry.
    pub fn new(text: impl Into<String>, line: usize) -> Self {
        Entry {
            text: text.into(),
            line,
            case_sensitive: false,
        }
    }
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Suspicious but usable.
    Warning,
    /// The entry (or file) cannot be used as written.
    Error,
}

/// A problem found in a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// How bad.
    pub severity: Severity,
    /// The file.
    pub origin: String,
    /// 1-based line (0 when the problem is about the whole file).
    pub line: usize,
    /// What is wrong, and how to fix it.
    pub message: String,
}

impl Problem {
    /// An error at a line.
    pub fn error(origin: &str, line: usize, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            origin: origin.to_string(),
            line,
            message: message.into(),
        }
    }

    /// A warning at a line.
    pub fn warning(origin: &str, line: usize, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(origin, line, message)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.line > 0 {
            write!(
                f,
                "{}:{}: {level}: {}",
                self.origin, self.line, self.message
            )
        } else {
            write!(f, "{}: {level}: {}", self.origin, self.message)
        }
    }
}

impl std::error::Error for Problem {}

/// An entry compiled for matching: normalised words, the last a prefix when `wildcard`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pattern {
    /// Normalised words.
    pub words: Vec<String>,
    /// Whether the last word is a prefix.
    pub wildcard: bool,
    /// Whether case was kept.
    pub case_sensitive: bool,
}

impl Pattern {
    /// The words joined by single spaces: the string the automaton looks for.
    pub fn key(&self) -> String {
        self.words.join(" ")
    }

    /// Whether `other` (a concrete phrase or a narrower prefix) is matched by this pattern.
    pub fn covers(&self, other: &Pattern) -> bool {
        let n = self.words.len();
        if !self.wildcard || other.words.len() != n || self.case_sensitive != other.case_sensitive {
            return false;
        }
        self.words[..n - 1] == other.words[..n - 1]
            && other.words[n - 1].starts_with(&self.words[n - 1])
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.key(), if self.wildcard { "*" } else { "" })
    }
}

/// Normalises one token's text for matching: curly apostrophes and hyphen variants folded to
/// ASCII, lower-cased unless `keep_case`, a final possessive `'s` or `'` dropped.
///
/// ```
/// use slant_metrics::lexicon::normalise;
/// assert_eq!(normalise("Kremlin’s", false), "kremlin");
/// assert_eq!(normalise("Pro‐Russian", true), "Pro-Russian");
/// ```
pub fn normalise(token: &str, keep_case: bool) -> String {
    let mut out = String::with_capacity(token.len());
    normalise_into(&mut out, token, keep_case);
    out
}

/// [`normalise`], appending to `out` without allocating: the corpus's normalisation
/// ([`slant_corpus::normalize`]), which counting terms uses too.
pub fn normalise_into(out: &mut String, token: &str, keep_case: bool) {
    if keep_case {
        normalize_cased_into(out, token);
    } else {
        normalize_into(out, token);
    }
}

/// Whether the gap between two tokens is a single hyphen: the tokenizer joins letter compounds
/// ("far-right") into one token but splits at a hyphen beside a digit ("2-faced").
pub(crate) fn is_hyphen(gap: &str) -> bool {
    matches!(gap, "-" | "\u{2010}" | "\u{2011}")
}

/// Compiles an entry, or says why it can never match.
///
/// The entry is cut into words by the same tokenizer as article text, so an entry matches
/// exactly the token sequences it reads as. Problems found on the way that still leave a
/// usable pattern come back as warnings.
pub fn compile(entry: &Entry, origin: &str) -> (Option<Pattern>, Vec<Problem>) {
    let mut problems = Vec::new();
    let text = entry.text.trim();
    let err = |m: String| (None, vec![Problem::error(origin, entry.line, m)]);
    if text.is_empty() {
        return err("empty entry".into());
    }
    let wildcard = text.ends_with('*');
    let body = text.trim_end_matches('*');
    if text.len() - body.len() > 1 {
        return err(format!("`{text}`: write one `*` at the end"));
    }
    if body.contains('*') {
        return err(format!(
            "`{text}`: a wildcard `*` may only end an entry (`disgrace*`), it cannot stand inside or before a word"
        ));
    }
    let seg = segment(body);
    if seg.tokens.is_empty() {
        return err(format!("`{text}` has no word in it, so it can never match"));
    }
    let mut words: Vec<String> = Vec::with_capacity(seg.tokens.len());
    for (i, t) in seg.tokens.iter().enumerate() {
        let word = normalise(t.span.slice(body), entry.case_sensitive);
        if i > 0 {
            let gap = &body[seg.tokens[i - 1].span.end..t.span.start];
            if is_hyphen(gap) {
                // "2-faced": the tokenizer splits at a hyphen next to a digit; text is laid
                // out the same way, so the entry stays one word with its hyphen.
                if let Some(w) = words.last_mut() {
                    w.push('-');
                    w.push_str(&word);
                }
                continue;
            }
            if !white_space_gap(gap) {
                return err(format!(
                    "`{text}` is cut into words at `{}`, and a phrase only matches words separated by spaces, so it can never match",
                    gap.trim()
                ));
            }
        }
        words.push(word);
    }
    let (first, last) = (
        seg.tokens[0].span.start,
        seg.tokens[seg.tokens.len() - 1].span.end,
    );
    let lead = body[..first].trim();
    let mut tail = body[last..].trim();
    if wildcard && matches!(tail, "-" | "'") {
        if let Some(w) = words.last_mut() {
            w.push_str(tail);
        }
        tail = "";
    }
    // A symbol after the last word changes its meaning ("a+", "c++"): matching the bare word
    // would count every "a".
    if tail.contains([
        '+', '=', '&', '%', '$', '@', '~', '^', '|', '<', '>', '/', '\\', '#',
    ]) {
        return err(format!(
            "`{text}` ends in `{tail}`, which is not part of a word: it would match every `{}`, so it is left out",
            words.join(" ")
        ));
    }
    let dropped: String = lead
        .chars()
        .chain(tail.chars())
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .collect();
    if !dropped.is_empty() {
        problems.push(Problem::warning(
            origin,
            entry.line,
            format!(
                "`{text}` matches as `{}`: `{dropped}` is not part of a word",
                words.join(" ")
            ),
        ));
    }
    if words.iter().any(String::is_empty) {
        return err(format!("`{text}` has no word in it, so it can never match"));
    }
    if wildcard && words.len() == 1 && words[0].chars().count() < 3 {
        problems.push(Problem::warning(
            origin,
            entry.line,
            format!(
                "`{text}` matches every word that starts with `{}`",
                words[0]
            ),
        ));
    }
    let pattern = Pattern {
        words,
        wildcard,
        case_sensitive: entry.case_sensitive,
    };
    (Some(pattern), problems)
}

#[cfg(test)]
mod tests;
