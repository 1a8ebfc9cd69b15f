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

/// Reads back one line that [`write_jsonl`] wrote (`None` if it is not such a line). An empty
/// field is absent, as the readers treat it.
///
/// ```
/// use slant_corpus::{corpus_file::{read_jsonl, write_jsonl}, Document, Metadata};
/// let mut meta = Metadata { id: "a1".into(), outlet: "Today.az".into(), ..Default::default() };
/// meta.extra.insert("perspective".into(), "Azerbaijani".into());
/// let doc = Document { meta, text: "Hi.".into() };
/// let mut out = Vec::new();
/// write_jsonl(&mut out, &doc).unwrap();
/// assert_eq!(read_jsonl(std::str::from_utf8(&out).unwrap()), Some(doc));
/// ```
pub fn read_jsonl(line: &str) -> Option<Document> {
    let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(line).ok()?;
    let mut doc = Document {
        meta: Default::default(),
        text: String::new(),
    };
    for (k, v) in map {
        let serde_json::Value::String(v) = v else {
            return None;
        };
        if k == "text" {
            doc.text = v;
        } else if !v.is_empty() {
            doc.meta.set(&k, v);
        }
    }
    Some(doc)
}

fn pair(out: &mut impl Write, key: &str, value: &str) -> io::Result<()> {
    serde_json::to_writer(&mut *out, key)?;
    out.write_all(b":")?;
    serde_json::to_writer(&mut *out, value)?;
    Ok(())
}
