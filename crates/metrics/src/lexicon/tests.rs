//! Table tests of the lexicon format, linter and matcher.

use super::formats::{parse, parse_plain};
use super::lint::lint;
use super::matcher::Matcher;
use super::native::{self, to_toml};
use super::{Lexicon, Severity};
use slant_corpus::segment::segment;
use std::path::Path;

fn native_lex(src: &str) -> Lexicon {
    let (lex, problems) = native::parse(src, "t.toml").expect("parses");
    let errors: Vec<_> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    lex
}

/// `(matched text, category)` of every hit of the lexicons in `text`.
fn hits(lexicons: &[Lexicon], text: &str) -> Vec<(String, String)> {
    let (m, problems) = Matcher::new(lexicons);
    assert!(problems.is_empty(), "{problems:?}");
    let seg = segment(text);
    m.find(text, &seg)
        .iter()
        .map(|h| {
            let lex = &lexicons[h.lexicon as usize];
            (
                h.span.slice(text).to_string(),
                lex.categories[h.category as usize].name.clone(),
            )
        })
        .collect()
}

/// Problems as `slant lexicon check` prints them, one line each.
fn lines(problems: &[super::Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// What `slant lexicon check` prints for a lexicon's entries.
fn linted(lex: &Lexicon) -> Vec<String> {
    lines(&lint(lex))
}

/// The matched text of every hit of one lexicon in `text`.
fn matched(lex: &Lexicon, text: &str) -> Vec<String> {
    hits(std::slice::from_ref(lex), text)
        .into_iter()
        .map(|(m, _)| m)
        .collect()
}

const LOADED: &str = r#"
name = "loaded"
version = "1"
source = "test"
licence = "CC0-1.0"
exclude = ["crime scene"]

[categories.pejorative]
entries = """
regime
thug*          # a comment
radical
radical left
war
"""
case_sensitive = ["Nazi"]
exclude = ["regime change"]

[categories.emotive]
entries = ["slam*", "slammed", "crime", "shocking", "so-called", "2-faced"]
"#;

#[test]
fn matching_table() {
    let lex = native_lex(LOADED);
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("The regime fell.", &[("regime", "pejorative")]),
        // Never inside a word, wildcard only at the end of the last word.
        ("An award for warfare, not war.", &[("war", "pejorative")]),
        (
            "Thugs and thuggery.",
            &[("Thugs", "pejorative"), ("thuggery", "pejorative")],
        ),
        // Longest match first.
        ("The radical left won.", &[("radical left", "pejorative")]),
        // Phrases never cross punctuation or sentences.
        ("Radical, left.", &[("Radical", "pejorative")]),
        ("It was radical. Left it.", &[("radical", "pejorative")]),
        // Exclusions: lexicon-wide and per category.
        ("A crime scene. A crime.", &[("crime", "emotive")]),
        ("They want regime change.", &[]),
        // Case-sensitive entries.
        ("A Nazi, a nazi.", &[("Nazi", "pejorative")]),
        // An exact entry beats a wildcard over the same word, in its own category.
        (
            "He slammed it; they slam it.",
            &[("slammed", "emotive"), ("slam", "emotive")],
        ),
        // Possessives, curly apostrophes, hyphen compounds.
        (
            "The regime’s so-called law.",
            &[("regime’s", "pejorative"), ("so-called", "emotive")],
        ),
        ("SHOCKING news.", &[("SHOCKING", "emotive")]),
        // A hyphen beside a digit splits tokens; the entry still matches the compound.
        ("A 2-faced deal, not 2 faced.", &[("2-faced", "emotive")]),
    ];
    for (text, want) in cases {
        let got = hits(std::slice::from_ref(&lex), text);
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn case_sensitive_phrases_compounds_and_wildcards() {
    let lex = native_lex(
        r#"
name = "cased"
version = "1"
source = "test"
licence = "CC0-1.0"

[categories.names]
case_sensitive = ["White House", "US 2-Faced", "Kremlin*", "Nazi-era"]
"#,
    );
    let cases: &[(&str, &[&str])] = &[
        // A phrase's words are compared with their case, one by one, with the space between.
        ("The White House said.", &["White House"]),
        ("A white house. A White house.", &[]),
        // A hyphen between a digit and a word splits them into two tokens; the entry's
        // hyphen still has to be there, and the case of both sides still counts.
        ("The US 2-Faced policy.", &["US 2-Faced"]),
        ("The US 2-faced policy.", &[]),
        // A cased wildcard: the prefix keeps its case.
        (
            "Kremlin’s men, Kremlinology, kremlin.",
            &["Kremlin’s", "Kremlinology"],
        ),
        ("The Nazi-era law, the nazi-era law.", &["Nazi-era"]),
    ];
    for (text, want) in cases {
        assert_eq!(matched(&lex, text), *want, "{text}");
    }
}

/// A wildcard whose prefix ends in a hyphen reaches over a hyphen that the tokenizer splits
/// at (before a digit) and takes the compound whole, as an exact entry such as `2-faced` does.
#[test]
fn a_hyphen_wildcard_takes_the_whole_compound() {
    let (lex, _) = parse_plain("anti-*\n", "anti.txt");
    assert_eq!(
        matched(&lex, "The anti-2020 camp, the anti-war camp, anti 2020."),
        ["anti-2020", "anti-war"]
    );
}

#[test]
fn an_exclusion_drops_only_the_entries_it_overlaps() {
    let lex = native_lex(LOADED);
    // "crime scene" is excluded lexicon-wide; "war" just before or after it is still a hit,
    // and "crime" inside it is not.
    for text in [
        "A war crime scene.",
        "The crime scene war.",
        "A crime scene.",
    ] {
        let got = hits(std::slice::from_ref(&lex), text);
        let want: Vec<(String, String)> = if text.contains("war") {
            vec![("war".to_string(), "pejorative".to_string())]
        } else {
            Vec::new()
        };
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_large_lexicon_matches_as_a_small_one_does() {
    // Past 2,000 distinct entries the matcher builds an NFA rather than a DFA; the hits must
    // not depend on which.
    let filler: Vec<String> = (0..2_100).map(|i| format!("\"filler{i} word\"")).collect();
    let large = format!(
        "{LOADED}\n[categories.filler]\nentries = [{}]\n",
        filler.join(", ")
    );
    let (small, large) = (native_lex(LOADED), native_lex(&large));
    let text = "Thugs and the radical left slammed the regime’s so-called war, \
                a Nazi, a nazi, regime change and a crime scene. Filler7 word, filler2099 word.";
    let got = hits(std::slice::from_ref(&large), text);
    let mut want = hits(std::slice::from_ref(&small), text);
    want.push(("Filler7 word".to_string(), "filler".to_string()));
    want.push(("filler2099 word".to_string(), "filler".to_string()));
    assert_eq!(want.len(), 9, "{want:?}");
    assert_eq!(got, want);
}

#[test]
fn lexicons_match_independently() {
    let a = parse_plain("regime\n", "a.txt").0;
    let b = parse_plain("regime change\n", "b.txt").0;
    let got = hits(&[a, b], "A regime change.");
    assert_eq!(
        got,
        [
            ("regime".to_string(), "a".to_string()),
            ("regime change".to_string(), "b".to_string())
        ]
    );
}

#[test]
fn hit_spans_and_sentences() {
    let lex = native_lex(LOADED);
    let text = "Calm start.\n\nThen the radical left thugs came.";
    let seg = segment(text);
    let (m, _) = Matcher::new(std::slice::from_ref(&lex));
    let found = m.find(text, &seg);
    assert_eq!(found.len(), 2);
    assert_eq!(
        &text[found[0].span.start..found[0].span.end],
        "radical left"
    );
    assert_eq!(found[0].sentence, 1);
    assert_eq!(found[0].tokens.1 - found[0].tokens.0, 2);
}

#[test]
fn native_keeps_lines_of_every_entry() {
    let lex = native_lex(LOADED);
    let pej = &lex.categories[0];
    let lines: Vec<(String, usize)> = pej
        .entries
        .iter()
        .map(|e| (e.text.clone(), e.line))
        .collect();
    assert_eq!(lines[0], ("regime".to_string(), 10));
    assert_eq!(lines[1], ("thug*".to_string(), 11));
    assert_eq!(lines[5], ("Nazi".to_string(), 16));
    assert!(pej.entries[5].case_sensitive);
    assert_eq!(lex.categories[1].entries[2].line, 20);
    assert_eq!(lex.exclude[0].line, 6);
}

#[test]
fn native_errors_name_the_line() {
    let e = native::parse(
        "name = \"x\"\n[categories.a]\nentries = [\"a\",\n",
        "bad.toml",
    )
    .expect_err("syntax error");
    assert!(e.to_string().starts_with("bad.toml:"), "{e}");
    assert!(e.line >= 3, "{e}");
    let e = native::parse("[categories.a]\nentries = [\"a\"]\n", "x.toml").expect_err("no name");
    assert!(e.to_string().contains("no `name`"), "{e}");
    let (_, problems) = native::parse(
        "name = \"x\"\nlicense = \"MIT\"\nverison = \"1\"\n[categories.a]\nentires = []\n",
        "x.toml",
    )
    .expect("parses");
    let text = lines(&problems);
    assert!(
        text.iter()
            .any(|p| p.starts_with("x.toml:3: warning: unknown key `verison`")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|p| p.starts_with("x.toml:5: warning: unknown key `entires`")),
        "{text:?}"
    );
}

#[test]
fn lint_table() {
    let src = r#"name = "l"
version = "1"
source = "s"
licence = "CC0-1.0"
[categories.a]
entries = """
dis*grace
disgrace*
disgraceful
regime
regime
crime/scene
!!!
a*
c++
of the
the*
barSHYbaric
"""
exclude = ["crime scene"]
[categories.b]
entries = ["regime"]
[categories.empty]
entries = []
"#;
    // (A soft hyphen, which no source file should hold unseen.)
    let src = src.replace("SHY", "\u{ad}");
    let (lex, mut problems) = native::parse(&src, "l.toml").expect("parses");
    problems.extend(lint(&lex));
    let got = lines(&problems);
    let want = [
        "l.toml:7: error: `dis*grace`: a wildcard `*` may only end an entry",
        "l.toml:9: warning: `disgraceful` is already matched by `disgrace*` (line 8)",
        "l.toml:11: warning: `regime` repeats line 10",
        "l.toml:12: error: `crime/scene` is cut into words at `/`",
        "l.toml:13: error: `!!!` has no word in it",
        "l.toml:14: warning: `a*` matches every word that starts with `a`",
        "l.toml:15: error: `c++` ends in `++`",
        "l.toml:16: warning: `of the` is among the commonest words of English",
        "l.toml:18: warning: `bar\\u{ad}baric` holds an invisible soft hyphen (U+00AD)",
        "l.toml:20: warning: exclusion `crime scene` contains no entry of category `a`",
        "l.toml:22: warning: `regime` is also in category `a` (line 10)",
        "l.toml:23: warning: category `empty` has no entries",
    ];
    for w in want {
        assert!(
            got.iter().any(|g| g.starts_with(w)),
            "missing {w:?} in {got:#?}"
        );
    }
    assert_eq!(got.len(), want.len(), "{got:#?}");
}

/// An entry that several wildcards cover names the first of them, however many entries the
/// lexicon holds; a phrase is covered only by a wildcard with the same words before its last.
/// An exclusion that holds no entry is named, one that holds one by a prefix is not.
#[test]
fn lint_names_the_first_wildcard_that_covers_an_entry() {
    let src = r#"name = "w"
version = "1"
description = "d"
source = "s"
licence = "CC0-1.0"
[categories.a]
entries = """
radical
radic*
rad*
war crimes
war crime*
crime*
"""
exclude = ["Radicalised youth", "the War Crimes court", "no such words"]
"#;
    let (lex, problems) = native::parse(src, "w.toml").expect("parses");
    assert!(problems.is_empty(), "{problems:?}");
    let got = linted(&lex);
    // (An exclusion holds an entry by a wildcard's prefix or by its words, in any case.)
    assert_eq!(
        got,
        [
            "w.toml:8: warning: `radical` is already matched by `radic*` (line 9)",
            "w.toml:9: warning: `radic*` is already matched by `rad*` (line 10)",
            "w.toml:11: warning: `war crimes` is already matched by `war crime*` (line 12)",
            "w.toml:15: warning: exclusion `no such words` contains no entry of category `a`, so it never changes a count",
        ]
    );
}

#[test]
fn lint_flags_only_the_redundant_entry() {
    let lex = native_lex(LOADED);
    let got = linted(&lex);
    assert_eq!(
        got,
        ["t.toml:20: warning: `slammed` is already matched by `slam*` (line 20)"]
    );
}

#[test]
fn imports() {
    let dic = "%\n1\tposemo\n2\tnegemo\n%\nhappy\t1\nhate*\t2\nkind of\t1\t2\nodd\t9\n";
    let (lex, problems) = parse(Path::new("liwc.dic"), dic).expect("dic");
    assert_eq!(lex.name, "liwc");
    let names: Vec<&str> = lex.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["posemo", "negemo"]);
    let neg: Vec<&str> = lex.categories[1]
        .entries
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(neg, ["hate*", "kind of"]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, 8);

    let yaml = "# quanteda\neconomy:\n  - job*\n  - \"tax cut\"\npolitics:\n  left: [socialist, 'progressive']\n  right:\n  - conservative  # comment\n";
    let (lex, _) = parse(Path::new("d.yml"), yaml).expect("yaml");
    assert_eq!(
        categories_of(&lex),
        [
            ("economy", vec!["job*", "tax cut"]),
            ("politics.left", vec!["socialist", "progressive"]),
            ("politics.right", vec!["conservative"]),
        ]
    );
    assert_eq!(lex.categories[2].entries[0].line, 8);

    let lc3 = "+NEGATIVE\nabandon*\na lie\n+POSITIVE\nable\n";
    let (lex, _) = parse(Path::new("lsd.lc3"), lc3).expect("lc3");
    assert_eq!(lex.categories[0].name, "negative");
    assert_eq!(lex.categories[0].entries[1].text, "a lie");
    assert_eq!(lex.categories[1].entries[0].line, 5);
    let e = parse(Path::new("lsd.lc3"), "orphan\n").expect_err("no category");
    assert_eq!(e.line, 1);

    let (lex, _) = parse(
        Path::new("lists/negative-words.txt"),
        ";;; header\n; more\n\nabuse\n2-faced\n",
    )
    .expect("txt");
    assert_eq!(lex.name, "negative-words");
    assert_eq!(lex.categories[0].name, "negative-words");
    assert_eq!(lex.categories[0].entries.len(), 2);
    assert!(parse(Path::new("x.docx"), "").is_err());
}

/// Each category's name with its entries as written.
fn categories_of(lex: &Lexicon) -> Vec<(&str, Vec<&str>)> {
    lex.categories
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.entries.iter().map(|e| e.text.as_str()).collect(),
            )
        })
        .collect()
}

/// Found by the `lexicon` fuzz target: a LIWC header naming a category twice was imported as
/// two categories of one name, and the TOML `slant lexicon import` wrote from it did not parse
/// ("duplicate key"). The same holds for a repeated Lexicoder `+category`; a repeated quanteda
/// key was already read as one category.
#[test]
fn import_of_a_category_declared_twice_merges_it_and_writes_toml_that_parses() {
    let cases = [
        (
            "twice.dic",
            "%\n1\tposemo\n2\tnegemo\n3\tposemo\n%\ngood\t1\nnice\t3\nbad\t2\n",
        ),
        (
            "twice.yml",
            "posemo:\n  - good\nnegemo:\n  - bad\nposemo:\n  - nice\n",
        ),
        ("twice.lc3", "+posemo\ngood\n+negemo\nbad\n+posemo\nnice\n"),
    ];
    for (file, src) in cases {
        let (lex, problems) = parse(Path::new(file), src).expect(file);
        assert_eq!(
            categories_of(&lex),
            [("posemo", vec!["good", "nice"]), ("negemo", vec!["bad"])],
            "{file}"
        );
        let warned = problems
            .iter()
            .any(|p| p.message.contains("`posemo` is declared again"));
        assert_eq!(warned, !file.ends_with(".yml"), "{file}: {problems:?}");
        let back = native::parse(&to_toml(&lex), "back.toml").expect(file).0;
        assert_eq!(back.categories.len(), 2, "{file}");
        assert_eq!(back.entry_count(), 3, "{file}");
    }
    let (_, problems) = parse(Path::new("ids.dic"), "%\n1\ta\n1\tb\n%\nx\t1\n").expect("dic");
    assert_eq!(
        problems[0].to_string(),
        "ids.dic:3: warning: category id `1` is declared again (first at line 2); entries tagged `1` go to `a`"
    );
}

#[test]
fn native_round_trip() {
    let lex = native_lex(LOADED);
    let again = native_lex(&native::to_toml(&lex));
    let texts = |l: &Lexicon| -> Vec<Vec<(String, bool)>> {
        l.categories
            .iter()
            .map(|c| {
                c.entries
                    .iter()
                    .map(|e| (e.text.clone(), e.case_sensitive))
                    .collect()
            })
            .collect()
    };
    let mut a = texts(&lex);
    let mut b = texts(&again);
    for v in a.iter_mut().chain(b.iter_mut()) {
        v.sort();
    }
    assert_eq!(a, b);
    assert_eq!(again.exclude.len(), 1);
    assert_eq!(again.categories[0].exclude.len(), 1);
    assert_eq!((again.name, again.licence), (lex.name, lex.licence));
}

/// The pattern of an entry, which must compile.
fn pattern(text: &str, case_sensitive: bool) -> super::Pattern {
    let entry = super::Entry {
        case_sensitive,
        ..super::Entry::new(text, 1)
    };
    super::compile(&entry, "t.txt").0.expect("compiles")
}

/// A wildcard covers an entry only when the entry has as many words, the same words before
/// the last, a last word that starts with the prefix, and the same case rule: this is what
/// the linter's "already matched by" warning rests on.
#[test]
fn a_wildcard_covers_only_entries_it_would_match() {
    let covers = |w: &str, cased: bool, e: &str, e_cased: bool| {
        pattern(w, cased).covers(&pattern(e, e_cased))
    };
    assert!(covers("thug*", false, "thuggery", false));
    assert!(covers("thug*", false, "thugg*", false));
    assert!(covers("radical le*", false, "radical left", false));
    // Not a wildcard: an exact entry covers nothing, not even itself.
    assert!(!covers("thug", false, "thug", false));
    // The words before the last must be the same.
    assert!(!covers("radical le*", false, "liberal left", false));
    // As many words: "so*" matches the first "so" of "so so", not the phrase.
    assert!(!covers("so*", false, "so so", false));
    assert!(!covers("so so*", false, "so", false));
    // The same case rule: "Nazi*" with its case does not stand for "nazis" in any case.
    assert!(!covers("Nazi*", true, "nazis", false));
    assert!(covers("Nazi*", true, "Nazis", true));
    // A pattern prints as its words with the `*` it was written with.
    assert_eq!(pattern("Radical  LE*", false).to_string(), "radical le*");
    assert_eq!(pattern("regime’s", false).to_string(), "regime");
}

/// Punctuation around an entry's words is dropped with a warning that says what the entry
/// matches as; the full stops of an abbreviation and apostrophes are not worth one. A
/// trailing hyphen or apostrophe belongs to the word only before a wildcard.
#[test]
fn compile_warns_of_what_it_drops() {
    let warnings = |text: &str| -> Vec<String> {
        let (p, problems) = super::compile(&super::Entry::new(text, 3), "w.txt");
        assert!(p.is_some(), "{text}: {problems:?}");
        lines(&problems)
    };
    assert_eq!(
        warnings("(regime)"),
        ["w.txt:3: warning: `(regime)` matches as `regime`: `()` is not part of a word"]
    );
    assert_eq!(
        warnings("anti-"),
        ["w.txt:3: warning: `anti-` matches as `anti`: `-` is not part of a word"]
    );
    assert_eq!(pattern("anti-", false).words, ["anti"]);
    assert!(warnings("U.S.").is_empty());
    assert!(warnings("'tis").is_empty());
    assert_eq!(pattern("anti-*", false).words, ["anti-"]);
    assert!(warnings("anti-*").is_empty());
}

/// A problem of the whole file (line 0) names the file alone, not a line 0 that an editor
/// cannot go to.
#[test]
fn a_problem_without_a_line_names_only_the_file() {
    let p = super::Problem::error("spin.dic", 0, "empty file");
    assert_eq!(p.to_string(), "spin.dic: error: empty file");
    let p = super::Problem::warning("spin.dic", 1, "odd");
    assert_eq!(p.to_string(), "spin.dic:1: warning: odd");
}

/// Each extension is read in its format, whatever its case; an imported lexicon says where it
/// came from, which `slant lexicon show` prints and an exported TOML keeps.
#[test]
fn formats_by_extension_and_their_provenance() {
    use super::formats::Format;
    for (file, want) in [
        ("a.toml", Some(Format::Native)),
        ("a.TOML", Some(Format::Native)),
        ("a.txt", Some(Format::Plain)),
        ("a.lst", Some(Format::Plain)),
        ("a.dic", Some(Format::Liwc)),
        ("a.yml", Some(Format::Yaml)),
        ("a.YAML", Some(Format::Yaml)),
        ("a.lc3", Some(Format::Lexicoder)),
        ("a.csv", None),
        ("toml", None),
    ] {
        assert_eq!(Format::of(Path::new(file)), want, "{file}");
    }
    let (lex, _) = parse(Path::new("dir/loaded.toml"), LOADED).expect("toml");
    assert_eq!(
        (lex.name.as_str(), lex.origin.as_str()),
        ("loaded", "dir/loaded.toml")
    );

    for (file, src, what) in [
        (
            "d/liwc.dic",
            "%\n1\tposemo\n%\nhappy\t1\n",
            "LIWC dictionary",
        ),
        ("d/q.yml", "posemo:\n  - happy\n", "quanteda dictionary"),
        ("d/lsd.lc3", "+POSEMO\nhappy\n", "Lexicoder dictionary"),
    ] {
        let (lex, _) = parse(Path::new(file), src).expect(file);
        assert_eq!(lex.source, format!("imported from {what} `{file}`"));
        assert_eq!(lex.origin, file);
        assert_eq!(categories_of(&lex), [("posemo", vec!["happy"])], "{file}");
    }
    // A quanteda category's line is where its first entry is.
    let (lex, _) = parse(Path::new("q.yml"), "# c\nposemo:\n\n  - happy\n").expect("yml");
    assert_eq!(lex.categories[0].line, 4);
}

/// A plain list is one category named after the file; a list with no entries is reported at
/// its first line, in the file it came from.
#[test]
fn a_plain_list_is_named_after_its_file() {
    let (lex, _) = parse_plain("# only a comment\n", "lists/spin.txt");
    assert_eq!(lex.name, "spin");
    assert_eq!(lex.origin, "lists/spin.txt");
    let got = linted(&lex);
    assert_eq!(
        got,
        ["lists/spin.txt:1: warning: category `spin` has no entries"]
    );
}

/// A LIWC dictionary that does not open with its `%` line is refused at its first line, not
/// read with its entries taken for categories.
#[test]
fn a_liwc_dictionary_must_open_with_its_category_block() {
    let e = parse(Path::new("x.dic"), "\n1\tposemo\n%\nhappy\t1\n").expect_err("no %");
    assert_eq!(e.line, 2);
    assert!(
        e.to_string()
            .starts_with("x.dic:2: error: a LIWC dictionary starts with a `%` line"),
        "{e}"
    );
}

/// An exclusion counts as holding an entry only where the matcher would find that entry in
/// it: whole words, a phrase's every word, a prefix only for a wildcard.
#[test]
fn lint_warns_of_exclusions_that_hold_no_entry() {
    let src = r#"name = "x"
version = "1"
source = "s"
licence = "CC0-1.0"
[categories.a]
entries = ["regime", "war crimes", "hate*", "crime scene*", "crime wave"]
exclude = [
  "regimes fall",
  "war games",
  "no war",
  "hateful speech",
  "the regime said",
  "war crimes court",
  "crime scenes",
  "crime",
  "crime waves",
]
"#;
    let (lex, problems) = native::parse(src, "x.toml").expect("parses");
    assert!(problems.is_empty(), "{problems:?}");
    let got = linted(&lex);
    let no_entry = |line: usize, x: &str| {
        format!("x.toml:{line}: warning: exclusion `{x}` contains no entry of category `a`, so it never changes a count")
    };
    assert_eq!(
        got,
        [
            no_entry(8, "regimes fall"),
            no_entry(9, "war games"),
            no_entry(10, "no war"),
            no_entry(15, "crime"),
            no_entry(16, "crime waves"),
        ]
    );
}

/// Characters that show as nothing are named, each with its code point.
#[test]
fn lint_names_each_invisible_character() {
    for (c, what) in [
        ('\u{ad}', "soft hyphen"),
        ('\u{200b}', "zero-width space"),
        ('\u{2060}', "word joiner"),
        ('\u{feff}', "byte-order mark"),
    ] {
        let (lex, _) = parse_plain(&format!("bar{c}baric\n"), "i.txt");
        let got = linted(&lex);
        let want = format!(
            "i.txt:1: warning: `bar{}baric` holds an invisible {what} (U+{:04X})",
            c.escape_debug(),
            u32::from(c)
        );
        assert!(
            got.iter().any(|g| g.starts_with(&want)),
            "{want} in {got:?}"
        );
    }
}

/// An entry saved as mojibake can never match a text, which is mended as it is read; the
/// linter says so and gives the entry as it should read. An entry that only looks odd is left
/// alone.
#[test]
fn lint_names_an_entry_in_mojibake_and_its_mended_form() {
    let (lex, _) = parse_plain("dÃ©tente\nregimeâ€™s\nCAFÉ…\n", "m.txt");
    let got = linted(&lex);
    let mojibake: Vec<&String> = got.iter().filter(|g| g.contains("mojibake")).collect();
    assert_eq!(mojibake.len(), 2, "{got:?}");
    assert!(mojibake[0].starts_with("m.txt:1: warning: `dÃ©tente` looks like UTF-8 read as Windows-1252 (mojibake) and matches nothing, as texts are mended when read: write `détente`"), "{got:?}");
    assert!(
        mojibake[1].starts_with("m.txt:2: warning: `regimeâ€™s`"),
        "{got:?}"
    );
    assert!(mojibake[1].contains("write `regime’s`"), "{got:?}");
}

/// quanteda YAML as its writers quote it: `#` and `:` inside quotes are text, `''` and `\"`
/// are a quote, a lone quote mark at one end of an entry is part of it, and document markers
/// are skipped.
#[test]
fn yaml_quoting() {
    let yaml = r#"---
"fear: terms":   # a key with a colon
  - "say # this"   # a comment after a quoted hash
  - 'it''s over'
  - "a \"so-called\" war"
  - say "no"
  - 'tis
hope: ["peace, at last", 'calm # here', plain]   # comment
negative words:
  - dread
...
"#;
    let (lex, _) = parse(Path::new("q.yml"), yaml).expect("yaml");
    assert_eq!(
        categories_of(&lex),
        [
            (
                "fear: terms",
                vec![
                    "say # this",
                    "it's over",
                    "a \"so-called\" war",
                    "say \"no\"",
                    "'tis"
                ]
            ),
            ("hope", vec!["peace, at last", "calm # here", "plain"]),
            ("negative words", vec!["dread"]),
        ]
    );
}

/// A Lexicoder category is at its `+name` line, where an empty one is reported.
#[test]
fn lexicoder_categories_keep_their_lines() {
    let (lex, _) = parse(Path::new("l.lc3"), "+NEG\nbad\n\n+EMPTY\n+POS\ngood\n").expect("lc3");
    let lines: Vec<usize> = lex.categories.iter().map(|c| c.line).collect();
    assert_eq!(lines, [1, 4, 5]);
    let got = linted(&lex);
    assert_eq!(got, ["l.lc3:4: warning: category `empty` has no entries"]);
}

/// Entries in a multi-line string keep their file lines whichever quotes open it and whatever
/// the line ends, so `slant lexicon check` points at the right line of a file saved on Windows.
#[test]
fn multi_line_entries_keep_their_lines_with_either_quotes_and_line_end() {
    for (open, close) in [("\"\"\"", "\"\"\""), ("'''", "'''")] {
        for eol in ["\n", "\r\n"] {
            let src = format!(
                "name = \"x\"{eol}version = \"1\"{eol}source = \"s\"{eol}licence = \"CC0-1.0\"{eol}[categories.a]{eol}entries = {open}{eol}regime{eol}war{eol}{close}{eol}"
            );
            let lex = native_lex(&src);
            let lines: Vec<(&str, usize)> = lex.categories[0]
                .entries
                .iter()
                .map(|e| (e.text.as_str(), e.line))
                .collect();
            assert_eq!(lines, [("regime", 7), ("war", 8)], "{open} {eol:?}");
        }
    }
}

/// `license`, the American spelling, stands for `licence`; it does not stand for any other
/// field.
#[test]
fn license_spelled_either_way() {
    let (_, problems) = native::parse(
        "name = \"x\"\nlicense = \"MIT\"\n[categories.a]\nentries = [\"a\"]\n",
        "x.toml",
    )
    .expect("parses");
    let got = lines(&problems);
    assert_eq!(
        got,
        [
            "x.toml:1: warning: no `version`: so reports can say which version they used",
            "x.toml:1: warning: no `source`: say how the entries were chosen and from what",
        ]
    );
}

/// What `slant lexicon import` writes reads back the same: category names that are not bare
/// TOML keys are quoted, descriptions are kept, and a control character is escaped (TOML
/// forbids it raw) while other text stays as written.
#[test]
fn written_toml_quotes_what_it_must_and_only_that() {
    let mut lex = native_lex(LOADED);
    lex.description = "Café\u{7} lexicon".to_string();
    lex.categories[0].name = "pro-war_2".to_string();
    lex.categories[0].description = "Labels".to_string();
    lex.categories[1].name = "emotive words".to_string();
    let mut third = lex.categories[1].clone();
    third.name = "négatif".to_string();
    lex.categories.push(third);
    let toml = native::to_toml(&lex);
    for line in [
        "description = \"Café\\u0007 lexicon\"\n",
        "\n[categories.pro-war_2]\ndescription = \"Labels\"\nentries = ",
        "\n[categories.\"emotive words\"]\nentries = ",
        "\n[categories.\"négatif\"]\nentries = ",
    ] {
        assert!(toml.contains(line), "{line:?} in\n{toml}");
    }
    // A category without a description gets no description line.
    assert_eq!(toml.matches("description = ").count(), 2, "{toml}");
    let again = native_lex(&toml);
    assert_eq!(again.description, lex.description);
    let names: Vec<(&str, &str)> = again
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.description.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("pro-war_2", "Labels"),
            ("emotive words", ""),
            ("négatif", "")
        ]
    );
}

/// Written entries are one per line in a multi-line string, which maintainers edit most
/// easily, unless one of them holds what such a string cannot (a `#`, which would start a
/// comment, a quote, a backslash or a control character): then the category's entries are an
/// array of quoted strings, which reads back the same.
#[test]
fn written_entries_are_lines_unless_one_needs_quoting() {
    let lex_of = |entries: &[&str]| {
        let mut lex = native_lex(LOADED);
        lex.categories.truncate(1);
        lex.categories[0].exclude.clear();
        lex.categories[0].entries = entries
            .iter()
            .enumerate()
            .map(|(i, e)| super::Entry::new(*e, i + 1))
            .collect();
        lex
    };
    let toml = native::to_toml(&lex_of(&["regime", "so-called"]));
    assert!(
        toml.contains("entries = \"\"\"\nregime\nso-called\n\"\"\"\n"),
        "{toml}"
    );
    for entries in [
        &["regime", "#MeToo"][..],
        &["say \"no\"", "regime"],
        &["back\\slash"],
        &["bell\u{7}ring"],
    ] {
        let toml = native::to_toml(&lex_of(entries));
        assert!(toml.contains("entries = [\n  \""), "{toml}");
        let again = native_lex(&toml);
        let texts: Vec<&str> = again.categories[0]
            .entries
            .iter()
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(texts, entries, "{toml}");
    }
}
