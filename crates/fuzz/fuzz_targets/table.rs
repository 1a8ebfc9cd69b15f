//! Any bytes as a table (CSV, TSV, JSONL; plain, or gzip-compressed whole, or as a `.gz` file
//! that is not gzip) or as a folder's `manifest.csv` (the first byte picks which): reading
//! never panics, every row becomes a document or a skipped one with its reason,
//! and an error names the file. (The CLI prints an error on one line, escaping the line breaks
//! that input text brings into it.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use slant_corpus::read::{documents, open, ReadOptions};
use slant_corpus::Outcome;

const KINDS: [&str; 7] = [
    "t.csv",
    "t.tsv",
    "t.jsonl",
    "manifest.csv",
    "z.jsonl.gz",
    "z.csv.gz",
    "raw.jsonl.gz",
];

fuzz_target!(|bytes: &[u8]| {
    let Some((&pick, rest)) = bytes.split_first() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let name = KINDS[usize::from(pick) % KINDS.len()];
    let file = dir.path().join(name);
    if name.starts_with("z.") {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(rest).expect("compress");
        std::fs::write(&file, gz.finish().expect("compress")).expect("write input");
    } else {
        std::fs::write(&file, rest).expect("write input");
    }
    // One article beside the manifest, for rows that name it.
    std::fs::write(
        dir.path().join("a.txt"),
        "Officials said the talks would go on.\n",
    )
    .expect("write article");
    let input = if name == "manifest.csv" {
        dir.path().to_path_buf()
    } else {
        file
    };
    let opts = ReadOptions {
        clean: Some(pick & 0x80 != 0),
        ..ReadOptions::default()
    };
    let source = match open(&input, &opts) {
        Ok(s) => s,
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains(name), "error does not name the file: {msg}");
            return;
        }
    };
    for record in documents(source, opts.max_doc_bytes) {
        match record {
            Ok(r) => match r.outcome {
                Outcome::Ok(doc) => assert!(!doc.text.trim().is_empty()),
                Outcome::Skipped(s) => assert!(!s.reason.is_empty()),
            },
            Err(e) => {
                let msg = e.to_string();
                assert!(msg.contains(name), "error does not name the file: {msg}");
                break;
            }
        }
    }
});
