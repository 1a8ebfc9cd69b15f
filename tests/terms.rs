use crate::util::*;
use std::collections::HashMap;
use std::path::Path;

/// A small deterministic pseudo-random generator, so the synthetic corpus is the same on
/// every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// Background words: made-up, so none is a stop word or collides with a planted word.
fn vocabulary() -> Vec<String> {
    let syllables = ["ka", "lo", "mi", "ra", "tu", "ne", "so", "vi", "pe", "du"];
    let mut words = Vec::new();
    for a in syllables {
        for b in syllables {
            for c in ["n", "r", "l"] {
                words.push(format!("{a}{b}{c}"));
            }
        }
    }
    words
}

/// Writes a table of three outlets × five documents. Outlet A says "drone" four times in
/// every document, outlet B "sanctions"; one document of C says "airport" eight times.
fn synthetic_corpus(dir: &Path) -> std::path::PathBuf {
    let vocab = vocabulary();
    let mut rng = Lcg(7);
    let path = dir.join("synthetic.csv");
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(["id", "outlet", "text"]).unwrap();
    for outlet in ["A", "B", "C"] {
        for d in 0..5 {
            let mut words: Vec<String> = (0..300)
                .map(|_| {
                    // Skewed towards the first words, as real vocabularies are.
                    let i = rng.next(vocab.len());
                    vocab[i * rng.next(vocab.len()) / vocab.len()].clone()
                })
                .collect();
            let planted = match (outlet, d) {
                ("A", _) => Some(("drone", 4)),
                ("B", _) => Some(("sanctions", 4)),
                ("C", 2) => Some(("airport", 8)),
                _ => None,
            };
            if let Some((word, times)) = planted {
                for k in 0..times {
                    words[(k * 37 + 11) % 300] = word.to_string();
                }
            }
            let text: String = words
                .chunks(12)
                .map(|s| {
                    let mut s = s.join(" ");
                    s.push('.');
                    s
                })
                .collect::<Vec<_>>()
                .join(" ");
            w.write_record([format!("{outlet}{d}"), outlet.to_string(), text])
                .unwrap();
        }
    }
    w.flush().unwrap();
    path
}

/// G² as quanteda's `textstat_keyness(measure = "lr")` computes it, with its default
/// correction, restated here independently of the library.
fn quanteda_g2(a: f64, b: f64, n1: f64, n2: f64) -> f64 {
    let (mut a, mut b, mut c, mut d) = (a, b, n1 - a, n2 - b);
    let n = a + b + c + d;
    let e = [
        (a + b) * (a + c) / n,
        (a + b) * (b + d) / n,
        (c + d) * (a + c) / n,
        (c + d) * (b + d) / n,
    ];
    if e.iter().any(|x| *x < 5.0) && (a * d - b * c).abs() > n / 2.0 {
        let s = if a * d - b * c > 0.0 { 0.5 } else { -0.5 };
        a -= s;
        d -= s;
        b += s;
        c += s;
    }
    let t = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    let g = 2.0 * (t(a, e[0]) + t(b, e[1]) + t(c, e[2]) + t(d, e[3]));
    if a > e[0] {
        g
    } else {
        -g
    }
}

fn num(row: &HashMap<String, String>, col: &str) -> f64 {
    row[col]
        .parse()
        .unwrap_or_else(|_| panic!("{col} = {:?}", row[col]))
}

#[test]
fn planted_words_top_their_outlet_and_g2_recomputes_from_the_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let input = synthetic_corpus(tmp.path());
    let out = tmp.path().join("r");
    report(&input, &out, &[]);
    let docs = read_csv(&out.join("documents.csv"));
    let keyness = read_csv(&out.join("keyness.csv"));
    let tokens_of = |g: &str| -> f64 {
        docs.iter()
            .filter(|r| r["group"] == g)
            .map(|r| num(r, "tokens"))
            .sum()
    };
    let total = tokens_of("A") + tokens_of("B") + tokens_of("C");
    let summary = read_csv(&out.join("summary.csv"));
    assert_eq!(summary.len(), 3);
    for s in &summary {
        assert_eq!(num(s, "tokens"), tokens_of(&s["group"]));
        assert_eq!(s["documents"], "5");
    }

    for (group, word) in [("A", "drone"), ("B", "sanctions")] {
        let top = keyness.iter().find(|r| r["group"] == group).unwrap();
        assert_eq!(top["term"], word, "{top:?}");
        assert_eq!(top["rank"], "1");
        assert_eq!((num(top, "count"), num(top, "count_rest")), (20.0, 0.0));
        assert_eq!((top["doc_freq"].as_str(), top["docs"].as_str()), ("5", "5"));
        assert_eq!(top["flag"], "", "five documents carry it");
        assert!(num(top, "log_odds_z") > 3.0, "{top:?}");
        assert!(num(top, "p_value") < 0.001, "{top:?}");
        // Planted in one outlet, the others never use it. Their rows for it appear only when
        // the avoidance is clear (z ≤ −1.96); five documents each are too few for that here.
        for elsewhere in keyness
            .iter()
            .filter(|r| r["group"] != group && r["term"] == word)
        {
            assert!(num(elsewhere, "log_odds_z") <= -1.96, "{elsewhere:?}");
            assert!(num(elsewhere, "g2") < 0.0);
        }
    }

    let mut checked = 0;
    for r in &keyness {
        let (n1, n2) = (num(r, "tokens"), num(r, "tokens_rest"));
        assert_eq!(
            n1,
            tokens_of(&r["group"]),
            "sample sizes match documents.csv"
        );
        assert_eq!(n1 + n2, total);
        let want = quanteda_g2(num(r, "count"), num(r, "count_rest"), n1, n2);
        let got = num(r, "g2");
        assert!(
            (got - want).abs() < 1e-3,
            "{r:?}: G² {got}, recomputed {want}"
        );
        let p = num(r, "p_value");
        if got.abs() > 10.828 {
            assert!(p < 0.001, "{r:?}");
        }
        if got.abs() < 3.841 {
            assert!(p > 0.05, "{r:?}");
        }
        checked += 1;
    }
    assert!(checked > 500, "{checked}");
}

#[test]
fn a_term_from_one_document_is_flagged() {
    let tmp = tempfile::tempdir().unwrap();
    let input = synthetic_corpus(tmp.path());
    let out = tmp.path().join("r");
    report(&input, &out, &[]);
    let keyness = read_csv(&out.join("keyness.csv"));
    let airport = keyness
        .iter()
        .find(|r| r["group"] == "C" && r["term"] == "airport")
        .unwrap();
    assert!(num(airport, "log_odds_z") > 0.0);
    assert_eq!(airport["doc_freq"], "1");
    assert_eq!(airport["flag"], "one_document");
    assert_eq!(airport["example_doc"], "C2");
    // A never uses it, and one document of the rest is no evidence that A avoids it: no row.
    assert!(!keyness
        .iter()
        .any(|r| r["group"] == "A" && r["term"] == "airport"));
}

#[test]
fn terms_count_phrases_with_document_frequency_and_rates() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("t.csv");
    std::fs::write(
        &path,
        "id,outlet,text\n\
         1,X,\"The passenger plane crashed near Grozny. The passenger plane was hit, officials said.\"\n\
         2,X,\"A passenger plane landed in Aktau.\"\n\
         3,Y,\"The State Duma met in Moscow.\"\n",
    )
    .unwrap();
    let out = tmp.path().join("r");
    report(&path, &out, &["--min-count", "1"]);
    let terms = read_csv(&out.join("terms.csv"));
    let find = |g: &str, t: &str| terms.iter().find(|r| r["group"] == g && r["term"] == t);
    let phrase = find("X", "passenger plane").unwrap();
    assert_eq!(
        (
            phrase["n"].as_str(),
            phrase["count"].as_str(),
            phrase["doc_freq"].as_str()
        ),
        ("2", "3", "2")
    );
    // 19 tokens in X (13 + 6): 3 per 19 tokens is 157.895 per 1,000.
    assert_eq!(phrase["tokens"], "19");
    assert_eq!(phrase["per_1k"], "157.895");
    assert!(find("Y", "state duma").is_some());
    assert!(
        find("X", "the passenger").is_none(),
        "starts with a stop word"
    );
    assert!(find("X", "the").is_none(), "stop words are not terms");
    assert!(
        find("X", "grozny the").is_none(),
        "phrases stop at sentence ends"
    );
    // Sorted by group, then count descending.
    let x: Vec<u64> = terms
        .iter()
        .filter(|r| r["group"] == "X")
        .map(|r| r["count"].parse().unwrap())
        .collect();
    assert!(x.windows(2).all(|w| w[0] >= w[1]), "{x:?}");
    assert_eq!(terms[0]["group"], "X");

    // The default minimum count of 2 leaves out what was said once.
    let out2 = tmp.path().join("r2");
    report(&path, &out2, &[]);
    let terms = read_csv(&out2.join("terms.csv"));
    assert!(terms.iter().all(|r| r["count"] != "1"));
    assert!(terms.iter().any(|r| r["term"] == "passenger plane"));
}

#[test]
fn stemming_groups_word_forms_under_the_commonest() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("t.csv");
    std::fs::write(
        &path,
        "id,outlet,text\n1,X,New sanctions. More sanctions. Sanctioned banks.\n2,Y,No sanction.\n",
    )
    .unwrap();
    let out = tmp.path().join("r");
    report(&path, &out, &["--stem", "--max-words", "1"]);
    let terms = read_csv(&out.join("terms.csv"));
    let row = terms.iter().find(|r| r["key"] == "sanction").unwrap();
    assert_eq!(
        (row["term"].as_str(), row["count"].as_str()),
        ("sanctions", "3")
    );
}

/// Pages set for narrow columns carry soft hyphens inside words ("inter\u{ad}national"),
/// invisible on screen, and some systems write an accented letter as two characters
/// ("Baku cafe\u{301}") and text copied out of a PDF a ligature ("ﬁrst"): each word is counted, and matched by the lexicons, as the word it
/// shows.
#[test]
fn words_that_look_the_same_count_as_the_same_word() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("t.csv");
    std::fs::write(
        &path,
        "id,outlet,text\n\
         1,X,The inter\u{ad}national inquiry began. The international inquiry ended.\n\
         2,X,A bar\u{ad}baric act. The Baku café shut. A Baku cafe\u{301} opened. The ﬁrst flight. The first flight.\n",
    )
    .unwrap();
    let out = tmp.path().join("r");
    report(&path, &out, &["--min-count", "1"]);
    let terms = read_csv(&out.join("terms.csv"));
    let count = |t: &str| {
        terms
            .iter()
            .find(|r| r["term"] == t)
            .map(|r| r["count"].clone())
    };
    assert_eq!(count("international inquiry").as_deref(), Some("2"));
    assert_eq!(count("baku café").as_deref(), Some("2"));
    assert_eq!(count("first flight").as_deref(), Some("2"));
    assert!(terms.iter().all(|r| !r["term"].contains('\u{ad}')));
    // The soft hyphen is gone from the text, so from every quote and context too.
    let hits = read_csv(&out.join("lexicon_hits.csv"));
    assert!(
        hits.iter()
            .any(|r| r["entry"] == "barbaric" && r["matched"] == "barbaric"),
        "{hits:?}"
    );
    assert!(hits.iter().all(|r| !r["context"].contains('\u{ad}')));
}

type Rows = Vec<std::collections::HashMap<String, String>>;

/// Reports on a CSV table of `id,outlet,text` rows; gives the rows of keyness.csv and of
/// terms.csv, and stderr.
fn keyness_of_table(rows: &str) -> (Rows, Rows, String) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("t.csv");
    std::fs::write(&path, format!("id,outlet,text\n{rows}")).unwrap();
    let out = tmp.path().join("r");
    let o = slant(
        &[
            "report",
            path.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        &root(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    (
        read_csv(&out.join("keyness.csv")),
        read_csv(&out.join("terms.csv")),
        stderr(&o),
    )
}

#[test]
fn one_group_writes_an_empty_keyness_table_and_says_why() {
    let (rows, terms, err) = keyness_of_table("1,X,The plane crashed. The plane burned.\n");
    assert!(rows.is_empty());
    assert!(!terms.is_empty());
    assert!(err.contains("keyness compares groups"), "{err}");
}

/// Two groups whose terms all fall under `--min-count` also leave keyness empty; the message
/// had said the documents shared one group.
#[test]
fn two_groups_with_no_term_over_min_count_say_so() {
    let (rows, _, err) = keyness_of_table("1,X,Officials met.\n2,Y,Crews searched.\n");
    assert!(rows.is_empty());
    assert!(
        err.contains("no group uses a term at least 2 times (--min-count) or clearly avoids one"),
        "{err}"
    );
    assert!(!err.contains("share one"), "{err}");
}

#[test]
fn keyness_charts_exist_per_group_and_runs_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let input = synthetic_corpus(tmp.path());
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    report(&input, &one, &[]);
    report(&input, &two, &[]);
    let files = files_under(&one);
    for chart in ["keyness-a", "keyness-b", "keyness-c", "keyness-overview"] {
        for ext in ["svg", "png"] {
            let name = format!("charts/{chart}.{ext}");
            assert!(files.contains(&name), "{name} missing from {files:?}");
        }
    }
    let svg = std::fs::read_to_string(one.join("charts/keyness-a.svg")).unwrap();
    assert!(svg.contains("drone"), "the planted word is on A's chart");
    assert_eq!(files, files_under(&two));
    for f in &files {
        assert!(
            std::fs::read(one.join(f)).unwrap() == std::fs::read(two.join(f)).unwrap(),
            "{f} differs between two runs"
        );
    }
}

#[test]
fn past_chart_groups_charts_and_page_show_the_biggest_groups_and_tables_keep_all() {
    let tmp = tempfile::tempdir().unwrap();
    let vocab = vocabulary();
    let mut rng = Lcg(3);
    let input = tmp.path().join("many.csv");
    let mut w = csv::Writer::from_path(&input).unwrap();
    w.write_record(["id", "outlet", "text"]).unwrap();
    // Big has four documents, Mid three, Small two, Tiny one.
    let mut id = 0;
    for (outlet, docs) in [("Big", 4), ("Mid", 3), ("Small", 2), ("Tiny", 1)] {
        for _ in 0..docs {
            id += 1;
            let words: Vec<&str> = (0..120)
                .map(|_| vocab[rng.next(vocab.len())].as_str())
                .collect();
            let text = format!("{}.", words.join(" "));
            w.write_record([id.to_string().as_str(), outlet, &text])
                .unwrap();
        }
    }
    w.flush().unwrap();
    drop(w);
    let out = tmp.path().join("out");
    report(&input, &out, &["--chart-groups", "2"]);
    let files = files_under(&out);
    for shown in ["keyness-big", "keyness-mid"] {
        assert!(files.contains(&format!("charts/{shown}.png")), "{files:?}");
    }
    for left in ["keyness-small", "keyness-tiny"] {
        assert!(!files.iter().any(|f| f.contains(left)), "{files:?}");
    }
    let sizes = std::fs::read_to_string(out.join("charts/sample-size.svg")).unwrap();
    assert!(sizes.contains("Big") && sizes.contains("Mid"));
    assert!(!sizes.contains("Tiny") && !sizes.contains("Small"));
    assert!(sizes.contains("Showing 2 of 4 groups by outlet"));
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(page.contains("Showing 2 of 4 groups by outlet"));
    // Every group stays in the tables.
    let summary = read_csv(&out.join("summary.csv"));
    let groups: Vec<&str> = summary.iter().map(|r| r["group"].as_str()).collect();
    assert_eq!(groups, ["Big", "Mid", "Small", "Tiny"]);
    let terms = read_csv(&out.join("terms.csv"));
    assert!(terms.iter().any(|r| r["group"] == "Tiny"));
    // Without the limit every group is drawn and nothing is said about it.
    let all = tmp.path().join("all");
    report(&input, &all, &["--chart-groups", "0"]);
    assert!(files_under(&all).contains(&"charts/keyness-tiny.png".to_string()));
    let page = std::fs::read_to_string(all.join("index.html")).unwrap();
    assert!(!page.contains("Showing"));
}

/// Outlets that name themselves in every byline: the name tops the outlet's keyness, so it is
/// flagged `own_name` and left off its charts, which say so; the other outlets under-use it
/// (`other_name`), and it is left off their "used less" side. The planted word leads instead.
#[test]
fn an_outlets_own_name_is_flagged_and_left_off_its_charts() {
    let tmp = tempfile::tempdir().unwrap();
    let vocab = vocabulary();
    let mut rng = Lcg(5);
    let input = tmp.path().join("bylines.csv");
    let mut w = csv::Writer::from_path(&input).unwrap();
    w.write_record(["id", "outlet", "text"]).unwrap();
    for (outlet, planted) in [("Grozny Courier", "drone"), ("Baku Ledger", "sanctions")] {
        for d in 0..6 {
            let words: Vec<&str> = (0..150)
                .map(|_| vocab[rng.next(vocab.len())].as_str())
                .collect();
            let text = format!(
                "By staff of the {outlet}. {}. Officials saw a {planted} and a {planted}. \
                 Copyright 2024 the {outlet}.",
                words.join(" ")
            );
            w.write_record([format!("{outlet}{d}").as_str(), outlet, &text])
                .unwrap();
        }
    }
    w.flush().unwrap();
    drop(w);
    let out = tmp.path().join("out");
    report(&input, &out, &[]);
    let rows = read_csv(&out.join("keyness.csv"));
    let flag = |group: &str, term: &str| {
        rows.iter()
            .find(|r| r["group"] == group && r["term"] == term)
            .map(|r| r["flag"].clone())
    };
    for term in ["grozny courier", "courier", "grozny", "2024 the grozny"] {
        assert_eq!(
            flag("Grozny Courier", term).as_deref(),
            Some("own_name"),
            "{term}"
        );
    }
    assert_eq!(flag("Grozny Courier", "drone").as_deref(), Some(""));
    assert_eq!(
        flag("Baku Ledger", "grozny courier").as_deref(),
        Some("other_name")
    );
    let chart = std::fs::read_to_string(out.join("charts/keyness-grozny-courier.svg")).unwrap();
    // An SVG text element holds its text on a line of its own.
    let drawn = |svg: &str, label: &str| svg.lines().any(|l| l == label);
    assert!(drawn(&chart, "drone"), "the planted word is drawn");
    let names = ["grozny courier", "courier", "grozny", "2024 the grozny"];
    for name in names {
        assert!(!drawn(&chart, name), "{name} is drawn");
    }
    assert!(
        chart.contains("own name (flagged own_name in keyness.csv): “courier”, “grozny”"),
        "the chart says what it left out"
    );
    let other = std::fs::read_to_string(out.join("charts/keyness-baku-ledger.svg")).unwrap();
    for name in names {
        assert!(!drawn(&other, name), "{name} is drawn on the other's chart");
    }
    assert!(other.contains("flagged other_name"));
    let overview = std::fs::read_to_string(out.join("charts/keyness-overview.svg")).unwrap();
    assert!(drawn(&overview, "drone"));
    for name in names {
        assert!(!drawn(&overview, name), "{name} is drawn in the overview");
    }
    assert!(overview.contains("keyness.csv flags it own_name"));
}

/// A corpus in two languages: each document's language is the input's or its function words',
/// listed in `documents.csv` and `run.json`, and named on the page; a German article's
/// function words are no terms, while the English "die" (a verb) is one.
#[test]
fn a_document_in_another_language_is_named_and_its_function_words_are_no_terms() {
    let tmp = tempfile::tempdir().unwrap();
    let english = [
        "Officials in Baku said on Friday that the investigation into the crash of the passenger plane had been handed to a new team of experts.",
        "Doctors warned that many of the injured could die without treatment, and the airline said it would pay for their care in the capital.",
    ];
    let german = [
        "Die Polizei hat am Montag in Köln einen Mann festgenommen, der im Verdacht steht, mehrere Geschäfte überfallen zu haben.",
        "Nach Angaben der Polizei wurde er nach einer kurzen Verfolgung durch zwei Streifenwagen gestellt und in die Wache gebracht.",
        "Die Ermittler prüfen nun, ob er auch für weitere Überfälle in der Stadt und im Umland verantwortlich ist, sagte ein Sprecher.",
    ];
    let mut lines = String::new();
    for (i, t) in english.iter().enumerate() {
        lines += &format!("{{\"id\":\"en{i}\",\"outlet\":\"Courier\",\"text\":\"{t}\"}}\n");
    }
    for (i, t) in german.iter().enumerate() {
        // The last states its language, which wins over the guess.
        let language = if i == 2 {
            ",\"language\":\"de-AT\""
        } else {
            ""
        };
        lines +=
            &format!("{{\"id\":\"de{i}\",\"outlet\":\"Kurier\",\"text\":\"{t}\"{language}}}\n");
    }
    let input = tmp.path().join("two.jsonl");
    write(tmp.path(), "two.jsonl", lines);
    let out = tmp.path().join("r");
    report(&input, &out, &["--min-count", "1"]);
    let docs = read_csv(&out.join("documents.csv"));
    let languages: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d["doc_id"].as_str(), d["language"].as_str()))
        .collect();
    assert_eq!(
        languages,
        [
            ("en0", "en"),
            ("en1", "en"),
            ("de0", "de"),
            ("de1", "de"),
            ("de2", "de-AT")
        ]
    );
    let run: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    assert_eq!(
        run["counts"]["languages"],
        serde_json::json!({"de": 3, "en": 2})
    );
    let terms = read_csv(&out.join("terms.csv"));
    let has = |group: &str, term: &str| {
        terms
            .iter()
            .any(|t| t["group"] == group && t["term"] == term)
    };
    for function_word in ["die", "der", "und", "nach", "ist"] {
        assert!(!has("Kurier", function_word), "{function_word}");
    }
    assert!(has("Kurier", "polizei") && has("Kurier", "streifenwagen"));
    assert!(has("Courier", "die"), "the English verb is a term");
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        page.contains("Not in English:</strong> 3 of 5 analysed documents (de 3"),
        "{page}"
    );
}
