//! What `slant lexicon check` reports: every problem with the line to fix.
//!
//! Errors are entries that cannot work as written (a `*` inside a word, no word at all, a
//! phrase the tokenizer cuts at punctuation); a report skips them and says so. Warnings are
//! entries that work but probably not as meant: duplicates, entries already covered by a
//! wildcard, exclusions that contain no entry, empty categories, bare prefixes, entries made
//! only of the commonest words ("the", "of the"), entries holding an invisible character,
//! entries in mojibake (`dÃ©tente`, which mended texts never hold).

use super::{compile, Entry, Lexicon, Pattern, Problem};
use rustc_hash::{FxHashMap, FxHashSet};

/// Articles, pronouns, prepositions, conjunctions and forms of "be": no lexicon of loaded,
/// hedging or emotive language means one of these alone. (Modal verbs such as "may" and
/// "could" are hedges, so the stopword list as a whole is not used.)
const COMMONEST: [&str; 36] = [
    "the", "a", "an", "of", "to", "in", "and", "or", "but", "is", "are", "was", "were", "be",
    "been", "it", "its", "that", "this", "for", "on", "with", "as", "at", "by", "from", "he",
    "she", "they", "we", "i", "you", "his", "her", "their", "our",
];

/// The first character of an entry that shows as nothing, and what it is: matching drops a
/// soft hyphen, a word joiner or a byte-order mark inside a word, and a zero-width space
/// cuts a word in two, so none is what its maintainer meant to type.
fn invisible(text: &str) -> Option<(char, &'static str)> {
    text.chars().find_map(|c| {
        let what = match c {
            '\u{ad}' => "soft hyphen",
            '\u{200b}' => "zero-width space",
            '\u{2060}' => "word joiner",
            '\u{feff}' => "byte-order mark",
            _ => return None,
        };
        Some((c, what))
    })
}

/// Every problem of a lexicon's entries, sorted by line.
pub fn lint(lex: &Lexicon) -> Vec<Problem> {
    let origin = lex.origin.as_str();
    let mut problems = Vec::new();
    // First place each pattern was seen: (category index, line).
    let mut seen: FxHashMap<Pattern, (usize, usize)> = FxHashMap::default();
    let mut compiled: Vec<Vec<(Pattern, &Entry)>> = Vec::new();
    for (ci, cat) in lex.categories.iter().enumerate() {
        if cat.entries.is_empty() {
            problems.push(Problem::warning(
                origin,
                cat.line,
                format!("category `{}` has no entries", cat.name),
            ));
        }
        let mut mine = Vec::new();
        for e in &cat.entries {
            if let Some((c, what)) = invisible(&e.text) {
                problems.push(Problem::warning(
                    origin,
                    e.line,
                    format!(
                        "`{}` holds an invisible {what} (U+{:04X}), as text copied from a page or a PDF may: delete it",
                        e.text.trim().escape_debug(),
                        u32::from(c)
                    ),
                ));
            }
            if let std::borrow::Cow::Owned(mended) = slant_corpus::mojibake::mend(&e.text) {
                problems.push(Problem::warning(
                    origin,
                    e.line,
                    format!(
                        "`{}` looks like UTF-8 read as Windows-1252 (mojibake) and matches nothing, as texts are mended when read: write `{}`, and save the file as UTF-8",
                        e.text.trim(),
                        mended.trim()
                    ),
                ));
            }
            let (p, found) = compile(e, origin);
            problems.extend(found);
            let Some(p) = p else { continue };
            match seen.get(&p) {
                Some(&(cj, line)) if cj == ci => problems.push(Problem::warning(
                    origin,
                    e.line,
                    format!("`{}` repeats line {line}", e.text.trim()),
                )),
                Some(&(cj, line)) => problems.push(Problem::warning(
                    origin,
                    e.line,
                    format!(
                        "`{}` is also in category `{}` (line {line}); its matches count for `{}` only",
                        e.text.trim(),
                        lex.categories[cj].name,
                        lex.categories[cj].name
                    ),
                )),
                None => {
                    seen.insert(p.clone(), (ci, e.line));
                    mine.push((p, e));
                }
            }
        }
        // The wildcards by their last word's prefix: an entry asks only those whose prefix
        // starts its own last word ([`Pattern::covers`]), not every entry, and the first of
        // them is named.
        let mut wilds: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (k, (w, _)) in mine.iter().enumerate() {
            if let Some(last) = w.words.last().filter(|_| w.wildcard) {
                wilds.entry(last.as_str()).or_default().push(k);
            }
        }
        let covering = |k: usize, p: &Pattern| {
            prefixes(p.words.last()?)
                .filter_map(|pre| wilds.get(pre))
                .flatten()
                .copied()
                .filter(|&j| j != k && mine[j].0.covers(p))
                .min()
        };
        for (k, (p, e)) in mine.iter().enumerate() {
            if !p.wildcard
                && p.words
                    .iter()
                    .all(|w| COMMONEST.contains(&w.to_lowercase().as_str()))
            {
                problems.push(Problem::warning(
                    origin,
                    e.line,
                    format!(
                        "`{}` is among the commonest words of English: it matches in nearly every sentence and would swamp the category's rate",
                        e.text.trim()
                    ),
                ));
            }
            if let Some((_, w)) = covering(k, p).map(|j| &mine[j]) {
                problems.push(Problem::warning(
                    origin,
                    e.line,
                    format!(
                        "`{}` is already matched by `{}` (line {})",
                        e.text.trim(),
                        w.text.trim(),
                        w.line
                    ),
                ));
            }
        }
        compiled.push(mine);
    }
    let all: Vec<&Pattern> = compiled.iter().flatten().map(|(p, _)| p).collect();
    let mut check_exclusions = |excl: &[Entry], scope: &[&Pattern], whose: &str| {
        let scope = Scope::of(scope);
        for x in excl {
            let (p, found) = compile(x, origin);
            problems.extend(found);
            let Some(p) = p else { continue };
            if !scope.occurs_in(&p.words) {
                problems.push(Problem::warning(
                    origin,
                    x.line,
                    format!(
                        "exclusion `{}` contains no entry of {whose}, so it never changes a count",
                        x.text.trim()
                    ),
                ));
            }
        }
    };
    check_exclusions(&lex.exclude, &all, "this lexicon");
    for (cat, mine) in lex.categories.iter().zip(&compiled) {
        let scope: Vec<&Pattern> = mine.iter().map(|(p, _)| p).collect();
        check_exclusions(&cat.exclude, &scope, &format!("category `{}`", cat.name));
    }
    problems.sort_by_key(|p| p.line);
    problems
}

/// The entries an exclusion is checked against, by their first word (case folded), with the
/// one-word wildcards apart by their prefix: an exclusion looks up its own words rather than
/// reading every entry.
struct Scope<'a> {
    by_first: FxHashMap<String, Vec<&'a Pattern>>,
    prefixes: FxHashSet<String>,
}

impl<'a> Scope<'a> {
    fn of(patterns: &[&'a Pattern]) -> Self {
        let mut scope = Scope {
            by_first: FxHashMap::default(),
            prefixes: FxHashSet::default(),
        };
        for p in patterns {
            let Some(first) = p.words.first().map(|w| w.to_lowercase()) else {
                continue;
            };
            if p.wildcard && p.words.len() == 1 {
                scope.prefixes.insert(first);
            } else {
                scope.by_first.entry(first).or_default().push(p);
            }
        }
        scope
    }

    /// Whether an entry matches somewhere inside the word sequence `words` (case folded).
    fn occurs_in(&self, words: &[String]) -> bool {
        let words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        (0..words.len()).any(|k| {
            let t = words[k].as_str();
            prefixes(t).any(|pre| self.prefixes.contains(pre))
                || self
                    .by_first
                    .get(t)
                    .is_some_and(|ps| ps.iter().any(|p| occurs_at(p, &words[k..])))
        })
    }
}

/// The prefixes of a word, one character and longer, the word itself last.
fn prefixes(word: &str) -> impl Iterator<Item = &str> {
    let ends = word.char_indices().skip(1).map(|(i, _)| i);
    ends.chain([word.len()]).map(move |end| &word[..end])
}

/// Whether pattern `p` matches at the start of the case-folded words `words`.
fn occurs_at(p: &Pattern, words: &[String]) -> bool {
    let n = p.words.len();
    n <= words.len()
        && p.words.iter().zip(words).enumerate().all(|(i, (w, t))| {
            let w = w.to_lowercase();
            if p.wildcard && i == n - 1 {
                t.starts_with(&w)
            } else {
                *t == w
            }
        })
}
