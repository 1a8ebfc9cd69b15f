//! The JSONL corpus file that `slant ingest` writes: one object per document with `id`,
//! `outlet`, `title`, `author`, `published`, `url`, `language`, every further metadata field in
//! name order, and `text` last. Reading it back with [`crate::read`] gives the same documents.

use crate::document::{Document, CORE_FIELDS};
use std::io::{self, Write};

/// Writes one document as one JSON line.
///
/// ```
/// use slant_corpus::{corpus_file::write_jsonl, Document, Metadata};
/// let doc = Document { meta: Metadata { id: "a1".into(), outlet: "Today.az".into(), ..Default::default() }, text: "Hi.".into() };
/// let mut out = Vec::new();
/// write_jsonl(&mut out, &doc).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), r#"{"id":"a1","outlet":"Today.az","title":"","author":"","published":"","url":"","language":"","text":"Hi."}"#.to_owned() + "\n");
/// ```
pub fn write_jsonl(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    out.write_all(b"{")?;
    for (i, field) in CORE_FIELDS.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        pair(out, field, doc.meta.get(field).unwrap_or_default())?;
    }
    for (k, v) in &doc.meta.extra {
        if k == "text" || CORE_FIELDS.contains(&k.as_str()) {
            continue;
        }
        out.write_all(b",")?;
        pair(out, k, v)?;
    }
    out.write_all(b",")?;
    pair(out, "text", &doc.text)?;
    out.write_all(b"}\n")
}

fn pair(out: &mut impl Write, key: &str, value: &str) -> io::Result<()> {
    serde_json::to_writer(&mut *out, key)?;
    out.write_all(b":")?;
    serde_json::to_writer(&mut *out, value)?;
    Ok(())
}
