//! Development aid: `clean_dir ingest DIR -o OUT.jsonl` cleans every `.txt` page of a folder
//! with the cleaner alone (no manifest), for quick measurement loops. With `EXPLAIN=<id prefix>`
//! it prints the cleaner's decision for every line of the matching pages instead (with
//! `EXPLAIN_FULL=1`, each line whole).

#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = &args[2];
    let out = &args[4];
    let explain = std::env::var("EXPLAIN").ok();
    // EXPLAIN_FULL=1 prints each line whole rather than its first 110 characters.
    let width = if std::env::var_os("EXPLAIN_FULL").is_some() {
        usize::MAX
    } else {
        110
    };
    let mut f = std::fs::File::create(out).expect("create output");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    for p in names {
        if p.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let bytes = std::fs::read(&p).expect("read");
        let text = slant_corpus::decode::decode(&bytes)
            .map(|d| d.text)
            .unwrap_or_default();
        let id = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if let Some(prefix) = &explain {
            if id.starts_with(prefix.as_str()) {
                println!("== {id}");
                for d in slant_corpus::clean::explain(&text, None) {
                    let t: String = d.text.chars().take(width).collect();
                    println!(
                        "{} {:>5} {:>7.1} {t}",
                        if d.kept { "K" } else { " " },
                        d.class,
                        d.score
                    );
                }
            }
            continue;
        }
        let c = slant_corpus::clean::clean(&text, None);
        let obj = serde_json::json!({"id": id, "text": c.text, "title": c.meta.title, "author": c.meta.author, "published": c.meta.published, "outlet": c.meta.outlet, "extra": c.meta.extra});
        writeln!(f, "{obj}").expect("write");
    }
}
