//! Any bytes as a lexicon file of each kind, or as a `--speakers` gazetteer (the first byte
//! picks which): parsing never panics and reports problems with a line inside the file; a
//! lexicon that parses is linted, compiled into the matcher, and written as native TOML that
//! parses back with the same entries, which is what `slant lexicon import` promises; a
//! gazetteer that parses classifies names.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slant_metrics::lexicon::formats::parse;
use slant_metrics::lexicon::lint::lint;
use slant_metrics::lexicon::matcher::Matcher;
use slant_metrics::lexicon::native::{self, to_toml};
use slant_metrics::quotes::lexicon::Gazetteer;
use std::path::Path;

const KINDS: [&str; 6] = ["f.toml", "f.txt", "f.dic", "f.yml", "f.lc3", "speakers.tsv"];

fuzz_target!(|bytes: &[u8]| {
    let Some((&pick, rest)) = bytes.split_first() else {
        return;
    };
    let Ok(src) = std::str::from_utf8(rest) else {
        return;
    };
    let path = Path::new(KINDS[usize::from(pick) % KINDS.len()]);
    let lines = src.lines().count() + 1;
    if path.extension().is_some_and(|e| e == "tsv") {
        match Gazetteer::parse(src, "speakers.tsv") {
            Ok(g) => {
                for name in src.split(['\t', '\n', '|']).take(50) {
                    let _ = g.canonical(name);
                    let _ = g.group(name, name);
                }
            }
            Err(e) => assert!(
                e.line >= 1 && e.line <= lines,
                "error at line {}: {e:?}",
                e.line
            ),
        }
        // The linter reads any file the parser does, and points inside it.
        for p in Gazetteer::lint(src, "speakers.tsv") {
            assert!(p.line >= 1 && p.line <= lines, "{p}");
        }
        return;
    }
    let lex = match parse(path, src) {
        Ok((lex, problems)) => {
            for p in &problems {
                assert!(
                    p.line <= lines,
                    "problem at line {} of {lines}: {p:?}",
                    p.line
                );
            }
            lex
        }
        Err(p) => {
            assert!(
                p.line <= lines,
                "error at line {} of {lines}: {p:?}",
                p.line
            );
            return;
        }
    };
    let _ = lint(&lex);
    let _ = Matcher::new(std::slice::from_ref(&lex));
    let toml = to_toml(&lex);
    let (back, _) = native::parse(&toml, "imported.toml")
        .unwrap_or_else(|p| panic!("the TOML written does not parse: {p:?}\n{toml}"));
    assert_eq!(
        back.entry_count(),
        lex.entry_count(),
        "entries lost in TOML:\n{toml}"
    );
});
