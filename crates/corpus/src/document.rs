//! The document model shared by every stage.

use std::collections::BTreeMap;

/// The metadata fields every document has, whatever the input kind. Empty string = unknown.
pub const CORE_FIELDS: [&str; 7] = [
    "id",
    "outlet",
    "title",
    "author",
    "published",
    "url",
    "language",
];

/// Metadata of one document: the core fields plus any further columns of the input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Unique id within the corpus.
    pub id: String,
    /// The outlet (publisher) the document comes from.
    pub outlet: String,
    /// Headline.
    pub title: String,
    /// Byline, as names separated by `; ` where there are several.
    pub author: String,
    /// Publication date, ISO 8601 `YYYY-MM-DD`, or empty.
    pub published: String,
    /// Where the page was fetched from.
    pub url: String,
    /// Language tag such as `en`.
    pub language: String,
    /// Every further metadata column, by name (sorted, so output order is deterministic).
    pub extra: BTreeMap<String, String>,
}

impl Metadata {
    /// Mends mojibake in the outlet, title and author (see [`crate::mojibake`]), so that a
    /// garbled row's outlet groups with the rows that name it correctly. Ids and addresses are
    /// kept as given.
    pub fn mend_mojibake(&mut self) {
        for field in [&mut self.outlet, &mut self.title, &mut self.author] {
            if let std::borrow::Cow::Owned(mended) = crate::mojibake::mend(field) {
                *field = mended;
            }
        }
    }

    /// Reads a field by column name: a core field or an extra one.
    pub fn get(&self, column: &str) -> Option<&str> {
        let value = match column {
            "id" => &self.id,
            "outlet" => &self.outlet,
            "title" => &self.title,
            "author" => &self.author,
            "published" => &self.published,
            "url" => &self.url,
            "language" => &self.language,
            other => return self.extra.get(other).map(String::as_str),
        };
        Some(value.as_str())
    }

    /// Sets a field by column name: a core field or an extra one.
    pub fn set(&mut self, column: &str, value: String) {
        match column {
            "id" => self.id = value,
            "outlet" => self.outlet = value,
            "title" => self.title = value,
            "author" => self.author = value,
            "published" => self.published = value,
            "url" => self.url = value,
            "language" => self.language = value,
            other => {
                self.extra.insert(other.to_string(), value);
            }
        }
    }

    /// Fills every empty core field from `inferred`; values already present win.
    pub fn fill_from(&mut self, inferred: &Metadata) {
        for (mine, theirs) in [
            (&mut self.outlet, &inferred.outlet),
            (&mut self.title, &inferred.title),
            (&mut self.author, &inferred.author),
            (&mut self.published, &inferred.published),
            (&mut self.url, &inferred.url),
            (&mut self.language, &inferred.language),
        ] {
            if mine.trim().is_empty() && !theirs.is_empty() {
                mine.clone_from(theirs);
            }
        }
        for (k, v) in &inferred.extra {
            self.extra.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
}

/// A document ready for analysis: metadata and the cleaned body text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Metadata, from the input and inferred from the text.
    pub meta: Metadata,
    /// The cleaned body: paragraphs separated by one blank line (`\n\n`). All offsets that slant
    /// reports are byte offsets into this string.
    pub text: String,
}

/// A document that could not be analysed, with the reason, so that nothing is silently lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Whatever metadata was known (at least the id).
    pub meta: Metadata,
    /// Why it was skipped, as a sentence a user can act on.
    pub reason: String,
}

/// What became of one input document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Read, decoded and cleaned.
    Ok(Document),
    /// Not analysed, and why.
    Skipped(Skipped),
}

impl Outcome {
    /// The metadata of the document, analysed or not.
    pub fn meta(&self) -> &Metadata {
        match self {
            Outcome::Ok(d) => &d.meta,
            Outcome::Skipped(s) => &s.meta,
        }
    }
}

/// An outcome with where its document came from (a file path, or `table.csv:12` for a row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The file, or the table file and line.
    pub source: String,
    /// What became of the document.
    pub outcome: Outcome,
}
