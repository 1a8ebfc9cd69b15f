//! `run.json`: what was run on what, so a report can be traced and reproduced.

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The contents of `run.json`. It holds no times, so re-runs write identical files.
#[derive(Debug, Clone, Serialize)]
pub struct RunInfo {
    /// `slant` and its version.
    pub tool: String,
    /// The input path as given.
    pub input: String,
    /// The input kind (manifest folder, plain folder, table, corpus file).
    pub input_kind: String,
    /// The parameters of the run, by name.
    pub parameters: std::collections::BTreeMap<String, String>,
    /// Lexicons used, with content hashes.
    pub lexicons: Vec<LexiconInfo>,
    /// Counts of documents, sentences and tokens.
    pub counts: Counts,
}

/// A lexicon that took part in a run.
#[derive(Debug, Clone, Serialize)]
pub struct LexiconInfo {
    /// Its name.
    pub name: String,
    /// The file it was loaded from.
    pub path: String,
    /// SHA-256 of the file's bytes.
    pub sha256: String,
}

/// Totals of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    /// Input documents seen.
    pub documents: usize,
    /// Documents analysed.
    pub analysed: usize,
    /// Documents skipped, each listed in `documents.csv` with its reason.
    pub skipped: usize,
    /// Sentences in analysed documents.
    pub sentences: usize,
    /// Tokens in analysed documents.
    pub tokens: usize,
    /// Thresholds of the prunes of rare phrases (`--max-phrases`), in order; empty when the term
    /// table never outgrew its cap.
    pub phrase_prunes: Vec<u64>,
    /// How many times the memory of phrases seen once (kept from the first prune on) filled
    /// and let its older half go, in the shard where it did so most.
    pub phrase_memory_turnovers: u64,
    /// The most a phrase count in terms.csv and keyness.csv can fall short after those prunes.
    pub phrase_undercount_bound: u64,
    /// Analysed documents by language: the primary subtag of the input's `language` (`en`,
    /// `de`…) or the one guessed from the text, `unknown` where neither is known.
    pub languages: std::collections::BTreeMap<String, usize>,
}

impl Counts {
    /// Counts one analysed document of language `tag` in [`Counts::languages`].
    pub fn add_language(&mut self, tag: &str) {
        let primary = slant_corpus::function_words::primary_subtag(tag);
        let key = if primary.is_empty() {
            "unknown".to_string()
        } else {
            primary
        };
        *self.languages.entry(key).or_insert(0) += 1;
    }
}

/// Hex SHA-256 of some bytes, for lexicon and input fingerprints.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl RunInfo {
    /// Serialises as pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into());
        s.push('\n');
        s
    }
}
