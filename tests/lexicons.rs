use crate::util::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Writes a CSV corpus of (id, outlet, text) rows and returns its path.
fn corpus(dir: &Path, rows: &[(String, &str, String)]) -> PathBuf {
    let path = dir.join("c.csv");
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(["id", "outlet", "text"]).unwrap();
    for (id, outlet, text) in rows {
        w.write_record([id.as_str(), outlet, text.as_str()])
            .unwrap();
    }
    w.flush().unwrap();
    path
}

fn run(args: &[&str]) -> std::process::Output {
    let o = slant(args, &root());
    assert!(o.status.success(), "{}", stderr(&o));
    o
}

/// Outlet A writes loaded language at a rate that varies by article, B hardly any; both name
/// Russia and Azerbaijan, but A's loaded words fall in its sentences about Russia.
fn planted(dir: &Path) -> PathBuf {
    let mut rows = Vec::new();
    for i in 0..12 {
        let extra = "The shameful regime in Moscow spread lies again. ".repeat(1 + i % 3);
        rows.push((
            format!("a{i}"),
            "A",
            format!(
                "{extra}Officials in Baku met on Monday to discuss the investigation. The talks ended in the evening."
            ),
        ));
        rows.push((
            format!("b{i}"),
            "B",
            format!(
                "Officials in Moscow said the talks would continue. Officials in Baku agreed. {}",
                if i == 0 {
                    "It was a shocking week."
                } else {
                    "The meeting ended on time."
                }
            ),
        ));
    }
    corpus(dir, &rows)
}

#[test]
fn rates_count_every_hit_and_bracket_the_estimate() {
    let tmp = tempfile::tempdir().unwrap();
    let input = planted(tmp.path());
    let out = tmp.path().join("r");
    report(&input, &out, &[]);
    let hits = read_csv(&out.join("lexicon_hits.csv"));
    let rates = read_csv(&out.join("lexicon_rates.csv"));
    let summary = read_csv(&out.join("summary.csv"));
    let docs = read_csv(&out.join("documents.csv"));
    // Every rate row's hits are exactly its rows in lexicon_hits.csv.
    let mut counted: HashMap<(String, String, String), u64> = HashMap::new();
    for h in &hits {
        *counted
            .entry((
                h["group"].clone(),
                h["lexicon"].clone(),
                h["category"].clone(),
            ))
            .or_default() += 1;
    }
    for r in &rates {
        let key = (
            r["group"].clone(),
            r["lexicon"].clone(),
            r["category"].clone(),
        );
        let n: u64 = r["hits"].parse().unwrap();
        assert_eq!(n, counted.get(&key).copied().unwrap_or(0), "{key:?}");
        let tokens: f64 = r["tokens"].parse().unwrap();
        let per_1k: f64 = r["per_1k"].parse().unwrap();
        assert!((per_1k - n as f64 * 1000.0 / tokens).abs() < 1e-3, "{r:?}");
    }
    // Group A: 24 loaded hits and more (shameful, regime, lies per planted sentence).
    let loaded_a: u64 = rates
        .iter()
        .filter(|r| r["group"] == "A" && r["lexicon"] == "loaded")
        .map(|r| r["hits"].parse::<u64>().unwrap())
        .sum();
    assert_eq!(loaded_a, 3 * (12 / 3) * (1 + 2 + 3));
    let row = |g: &str| summary.iter().find(|s| s["group"] == g).unwrap();
    let (a, b) = (row("A"), row("B"));
    let f = |s: &HashMap<String, String>, k: &str| s[k].parse::<f64>().unwrap();
    let tokens_a: f64 = docs
        .iter()
        .filter(|d| d["outlet"] == "A")
        .map(|d| d["tokens"].parse::<f64>().unwrap())
        .sum();
    assert!((f(a, "loaded_per_1k") - loaded_a as f64 * 1000.0 / tokens_a).abs() < 1e-3);
    assert!(f(a, "loaded_ci_low") < f(a, "loaded_per_1k"));
    assert!(f(a, "loaded_per_1k") < f(a, "loaded_ci_high"));
    assert!(
        f(b, "loaded_ci_high") < f(a, "loaded_ci_low"),
        "A's interval lies above B's"
    );
    assert_eq!(a["small_group"], "false");
    // Actor-directed: A's loaded words are all in sentences about Russia.
    let actors = read_csv(&out.join("actor_loaded.csv"));
    let cell = |g: &str, actor: &str| {
        actors
            .iter()
            .find(|r| r["group"] == g && r["actor"] == actor)
            .unwrap()
    };
    assert_eq!(cell("A", "russia")["loaded_hits"], loaded_a.to_string());
    assert_eq!(cell("A", "azerbaijan")["loaded_hits"], "0");
    assert_eq!(cell("A", "armenia")["per_1k"], "", "never named: no rate");
    assert!(cell("A", "russia")["top_entries"].contains("regime"));
    for chart in ["loaded-rate", "lexicon-loaded", "actor-loaded"] {
        for ext in ["svg", "png"] {
            assert!(
                out.join("charts").join(format!("{chart}.{ext}")).is_file(),
                "{chart}.{ext}"
            );
        }
    }
}

#[test]
fn hits_point_at_their_words_in_the_exported_text() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r");
    run(&["report", "-o", out.to_str().unwrap(), "-q"]);
    let jsonl = tmp.path().join("c.jsonl");
    run(&["ingest", "data/corpus", "-o", jsonl.to_str().unwrap(), "-q"]);
    let texts: HashMap<String, String> = std::fs::read_to_string(&jsonl)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let hits = read_csv(&out.join("lexicon_hits.csv"));
    assert!(hits.iter().any(|h| h["lexicon"] == "loaded"));
    for h in &hits {
        let text = &texts[&h["doc_id"]];
        let (s, e): (usize, usize) = (h["start"].parse().unwrap(), h["end"].parse().unwrap());
        assert_eq!(&text[s..e], h["matched"], "{h:?}");
        let flat = h["context"].replace("…", "");
        assert!(
            flat.split_whitespace()
                .collect::<String>()
                .contains(&h["matched"].split_whitespace().collect::<String>()),
            "{h:?}"
        );
    }
}

#[test]
fn user_lexicons_join_replace_or_stand_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let input = planted(tmp.path());
    write(
        tmp.path(),
        "spin.txt",
        "# my list\n; also a comment\nmet\ntalks\nf**k\n",
    );
    write(
        tmp.path(),
        "mine.toml",
        "name = \"actors\"\n[categories.capitals]\nentries = [\"Moscow\", \"Baku\"]\n",
    );
    let out = tmp.path().join("r");
    let o = run(&[
        "report",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--lexicon",
        tmp.path().join("spin.txt").to_str().unwrap(),
        "--lexicon",
        tmp.path().join("mine.toml").to_str().unwrap(),
    ]);
    let err = stderr(&o);
    assert!(
        err.contains("lexicon `spin`: 1 entry cannot match"),
        "{err}"
    );
    assert!(err.contains("lexicon `actors` from"), "{err}");
    let rates = read_csv(&out.join("lexicon_rates.csv"));
    let spin: Vec<_> = rates.iter().filter(|r| r["lexicon"] == "spin").collect();
    assert_eq!(
        spin.len(),
        2,
        "one category named after the file, per group"
    );
    assert_eq!(spin[0]["category"], "spin");
    let actor_rows: Vec<_> = rates.iter().filter(|r| r["lexicon"] == "actors").collect();
    assert!(
        actor_rows.iter().all(|r| r["category"] == "capitals"),
        "replaced"
    );
    let run_json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    let names: Vec<&str> = run_json["lexicons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["loaded", "hedges", "boosters", "spin", "actors"]);
    assert!(run_json["lexicons"][0]["sha256"].as_str().unwrap().len() == 64);

    let alone = tmp.path().join("alone");
    run(&[
        "report",
        input.to_str().unwrap(),
        "-o",
        alone.to_str().unwrap(),
        "-q",
        "--no-default-lexicons",
        "--lexicon",
        tmp.path().join("spin.txt").to_str().unwrap(),
    ]);
    let rates = read_csv(&alone.join("lexicon_rates.csv"));
    assert!(rates.iter().all(|r| r["lexicon"] == "spin"));
    let summary = read_csv(&alone.join("summary.csv"));
    assert_eq!(
        summary[0]["loaded_per_1k"], "",
        "no loaded lexicon, no loaded rate"
    );
    assert!(!alone.join("actor_loaded.csv").exists());
}

#[test]
fn a_broken_lexicon_is_one_line_naming_file_and_line_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "bad.toml",
        "name = \"x\"\n[categories.a]\nentries = [\"a\",\n",
    );
    let out = tmp.path().join("r");
    let o = slant(
        &[
            "report",
            "-o",
            out.to_str().unwrap(),
            "--lexicon",
            tmp.path().join("bad.toml").to_str().unwrap(),
        ],
        &root(),
    );
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("bad.toml:3:") || err.contains("bad.toml:4:"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn check_reports_problems_with_lines_and_fails_on_errors() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "l.toml",
        "name = \"l\"\nversion = \"1\"\nsource = \"s\"\nlicence = \"CC0-1.0\"\n[categories.a]\nentries = \"\"\"\nthug*\nthugs\nwar*time\n\"\"\"\n",
    );
    let o = slant(
        &[
            "lexicon",
            "check",
            tmp.path().join("l.toml").to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("l.toml:8: warning: `thugs` is already matched by `thug*` (line 7)"),
        "{text}"
    );
    assert!(text.contains("l.toml:9: error: `war*time`"), "{text}");

    let bundled: Vec<String> = std::fs::read_dir(root().join("data/lexicons"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(bundled.len(), 4);
    let mut args = vec!["lexicon", "check"];
    args.extend(bundled.iter().map(String::as_str));
    let o = slant(&args, &root());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{text}");
    assert!(
        !text.contains(": warning:"),
        "the bundled lexicons lint clean: {text}"
    );
}

/// A speaker gazetteer checks like a lexicon: a rule an earlier one always beats, and a name
/// given twice, are warnings at their lines; a line that does not read is an error, with exit
/// status 1. The bundled gazetteer checks clean.
#[test]
fn check_lints_a_speaker_gazetteer() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "my.tsv",
        "# mine\nword\tCorp\tbusiness\nword\tMarine Corps\tmilitary\nname\tJane Roe|Roe\tanalysts\nname\tRoe\tmedia\n",
    );
    let o = run(&[
        "lexicon",
        "check",
        tmp.path().join("my.tsv").to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{text}");
    assert!(
        text.contains("my.tsv:3: warning: `Marine Corps` never decides a group: line 2's `Corp`, earlier, gives `business`"),
        "{text}"
    );
    assert!(
        text.contains("my.tsv:5: warning: `Roe` is already a name on line 4"),
        "{text}"
    );
    assert!(
        text.contains("speaker gazetteer: 4 rules; 0 errors, 2 warnings"),
        "{text}"
    );

    write(
        tmp.path(),
        "bad.tsv",
        "word\tanalyst\tanalysts\nphrase\tx\ty\n",
    );
    let o = slant(
        &[
            "lexicon",
            "check",
            tmp.path().join("bad.tsv").to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("bad.tsv:2: error: unknown rule `phrase`"),
        "{text}"
    );

    let o = run(&[
        "lexicon",
        "check",
        root().join("data/quotes/speakers.tsv").to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        !text.contains(": warning:"),
        "the bundled gazetteer lints clean: {text}"
    );
}

#[test]
fn import_converts_liwc_into_a_lexicon_that_checks_and_matches() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "anger.dic",
        "%\n1\tanger\n2\tfear\n%\nfurious\t1\nrage*\t1\nafraid\t2\nfear*\t2\n",
    );
    let toml = tmp.path().join("anger.toml");
    run(&[
        "lexicon",
        "import",
        tmp.path().join("anger.dic").to_str().unwrap(),
        "-o",
        toml.to_str().unwrap(),
    ]);
    let o = run(&["lexicon", "check", toml.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("`anger`: 4 entries in 2 categories; 0 errors"),
        "{text}"
    );
    let o = run(&["lexicon", "show", toml.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("anger") && text.contains("fear") && text.contains("imported from LIWC"),
        "{text}"
    );
    let input = corpus(
        tmp.path(),
        &[(
            "1".into(),
            "X",
            "They were furious and afraid, full of rage and fears.".into(),
        )],
    );
    let o = run(&[
        "lexicon",
        "coverage",
        toml.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    let rows: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(rows[0], "lexicon,category,entry,line,hits,documents,forms");
    assert!(
        rows.contains(&"anger,anger,rage*,11,1,1,rage 1".to_string()),
        "{rows:#?}"
    );
    assert!(
        rows.contains(&"anger,fear,fear*,17,1,1,fears 1".to_string()),
        "{rows:#?}"
    );
}

/// `slant lexicon coverage … | head` closes stdout early: the run ends quietly with exit 0, as
/// for the other commands, not with "error: Broken pipe" (the CSV writer wraps the IO error).
#[test]
fn coverage_into_a_closed_pipe_is_not_an_error() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(["lexicon", "coverage", "data/lexicons/loaded.toml"])
        .current_dir(root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes before the corpus is read, so the first row already meets a closed pipe.
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{:?}: {}", o.status, stderr(&o));
    assert_eq!(stderr(&o), "");
}

/// A loaded word a source says, in quotation marks, is marked as someone else's words in
/// lexicon_hits.csv; scare-quoted and reported ones are marked as such or not at all; the
/// summary counts each outlet's loaded hits in quotations, and the page says how many.
#[test]
fn loaded_words_in_quotations_are_told_from_the_outlets_own() {
    let tmp = tempfile::tempdir().unwrap();
    let rows = vec![
        (
            "a1".to_string(),
            "A",
            "“The regime in Moscow lies to everyone,” said Ivan Petrov, a critic. \
             Critics of the “regime” met in Baku on Monday. \
             Officials said the regime was shameful."
                .to_string(),
        ),
        (
            "b1".to_string(),
            "B",
            "The talks in Baku ended on time. Officials met again.".to_string(),
        ),
    ];
    let input = corpus(tmp.path(), &rows);
    let out = tmp.path().join("r");
    report(&input, &out, &[]);
    let hits = read_csv(&out.join("lexicon_hits.csv"));
    let loaded: Vec<(&str, &str)> = hits
        .iter()
        .filter(|r| r["lexicon"] == "loaded")
        .map(|r| (r["matched"].as_str(), r["quoted"].as_str()))
        .collect();
    assert_eq!(
        loaded,
        [
            ("regime", "direct"),
            ("lies", "direct"),
            ("regime", "scare"),
            ("regime", ""),
            ("shameful", ""),
        ]
    );
    // The critic's seven words are the document's quoted tokens; the rate in the outlet's
    // own words leaves out both them and the two hits among them.
    let docs = read_csv(&out.join("documents.csv"));
    assert_eq!(docs[0]["quoted_tokens"], "7");
    let tokens: f64 = docs[0]["tokens"].parse().unwrap();
    let summary = read_csv(&out.join("summary.csv"));
    let a = summary.iter().find(|r| r["group"] == "A").unwrap();
    assert_eq!(
        (a["loaded_hits"].as_str(), a["loaded_quoted"].as_str()),
        ("5", "2")
    );
    assert_eq!(a["quoted_tokens"], "7");
    assert_eq!(
        a["loaded_own_per_1k"],
        format!("{:.3}", 3.0 * 1000.0 / (tokens - 7.0))
    );
    let b = summary.iter().find(|r| r["group"] == "B").unwrap();
    assert_eq!(
        (b["loaded_hits"].as_str(), b["loaded_quoted"].as_str()),
        ("0", "0")
    );
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        page.contains("here 2 of the 5 loaded-language hits are inside a direct quotation"),
        "the page says how many loaded words are someone else's"
    );
    // The loaded words in sentences that name Russia are the critic's; in those that name
    // Azerbaijan, the scare-quoted "regime" is not a quotation.
    let actors = read_csv(&out.join("actor_loaded.csv"));
    let cells = |actor: &str| {
        let r = actors
            .iter()
            .find(|r| r["group"] == "A" && r["actor"] == actor)
            .unwrap();
        (r["loaded_hits"].clone(), r["loaded_quoted"].clone())
    };
    assert_eq!(cells("russia"), ("2".to_string(), "2".to_string()));
    assert_eq!(cells("azerbaijan"), ("1".to_string(), "0".to_string()));
    // The sample table gives the rate in the outlet's own words beside the whole rate.
    assert!(page.contains("<th>in its own words</th>"));
    assert!(page.contains(&format!(
        "<td>{:.1}</td></tr>",
        3.0 * 1000.0 / (tokens - 7.0)
    )));
    // Its examples of "regime" and "lies" are the critic's words, and say so.
    assert_eq!(page.matches("<em>(in a quotation)</em>").count(), 2);
    // Without the loaded lexicon the summary's loaded cells are empty.
    let bare = tmp.path().join("bare");
    report(&input, &bare, &["--no-default-lexicons"]);
    let summary = read_csv(&bare.join("summary.csv"));
    assert!(summary.iter().all(|r| r["loaded_hits"].is_empty()
        && r["loaded_quoted"].is_empty()
        && r["loaded_own_per_1k"].is_empty()));
}

/// The rate in an outlet's own words is resampled over its documents like the whole rate: its
/// interval holds the rate, stays within the documents' own rates, and is drawn beside the
/// whole rate, once some outlet quotes anyone.
#[test]
fn the_rate_in_an_outlets_own_words_has_an_interval_and_a_chart() {
    let tmp = tempfile::tempdir().unwrap();
    let quoting = "“The regime lies, and the regime is shameful,” said Ivan Petrov, a critic. \
                   Officials met in Baku on Monday.";
    let own = "Officials said the regime was shameful. The talks in Baku went on.";
    let plain = "The talks in Baku ended on time. Officials met again on Monday.";
    let rows: Vec<(String, &str, String)> = [
        ("a1", "A", quoting),
        ("a2", "A", own),
        ("a3", "A", plain),
        ("a4", "A", quoting),
        ("b1", "B", plain),
        ("b2", "B", own),
        ("b3", "B", plain),
    ]
    .iter()
    .map(|(id, outlet, text)| (id.to_string(), *outlet, text.to_string()))
    .collect();
    let input = corpus(tmp.path(), &rows);
    let out = tmp.path().join("r");
    report(&input, &out, &[]);
    let docs = read_csv(&out.join("documents.csv"));
    let hits = read_csv(&out.join("lexicon_hits.csv"));
    // Each document's tokens outside quotations, and its rate in its own words, from the rows
    // that make them up.
    let outside = |id: &str| {
        let d = docs.iter().find(|d| d["doc_id"] == id).unwrap();
        d["tokens"].parse::<f64>().unwrap() - d["quoted_tokens"].parse::<f64>().unwrap()
    };
    let own_rate = |id: &str| {
        let outside = outside(id);
        let own_hits = hits
            .iter()
            .filter(|h| h["doc_id"] == id && h["lexicon"] == "loaded" && h["quoted"] != "direct")
            .count();
        own_hits as f64 * 1000.0 / outside
    };
    let summary = read_csv(&out.join("summary.csv"));
    let a = summary.iter().find(|r| r["group"] == "A").unwrap();
    let num = |k: &str| {
        a[k].parse::<f64>()
            .unwrap_or_else(|_| panic!("{k}: {:?}", a[k]))
    };
    let (rate, lo, hi) = (
        num("loaded_own_per_1k"),
        num("loaded_own_ci_low"),
        num("loaded_own_ci_high"),
    );
    assert!(lo <= rate && rate <= hi, "{lo} {rate} {hi}");
    let a_docs = ["a1", "a2", "a3", "a4"];
    let whole = a_docs.iter().map(|d| own_rate(d) * outside(d)).sum::<f64>()
        / a_docs.iter().map(|d| outside(d)).sum::<f64>();
    assert_eq!(a["loaded_own_per_1k"], format!("{whole:.3}"));
    let rates: Vec<f64> = a_docs.iter().map(|d| own_rate(d)).collect();
    let (least, most) = (
        rates.iter().copied().fold(f64::MAX, f64::min),
        rates.iter().copied().fold(0.0, f64::max),
    );
    assert!(least == 0.0 && most > 0.0, "{rates:?}");
    assert!(
        least - 5e-4 <= lo && hi <= most + 5e-4 && lo < hi,
        "a resample's rate is a mix of the documents' rates: [{lo}, {hi}] in [{least}, {most}]"
    );
    // The critic's words raise the whole rate well above the outlet's own.
    assert!(num("loaded_per_1k") > 2.0 * rate);
    assert_ne!(
        (a["loaded_ci_low"].as_str(), a["loaded_ci_high"].as_str()),
        (
            a["loaded_own_ci_low"].as_str(),
            a["loaded_own_ci_high"].as_str()
        )
    );
    // The page's sample table gives the interval; the chart of the own rate is drawn.
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(page.contains(&format!(
        "<td>{:.1} <small>[{:.1}–{:.1}]</small></td></tr>",
        rate, lo, hi
    )));
    assert!(page.contains("“In its own words” is the loaded rate outside direct quotations"));
    assert!(out.join("charts/loaded-own-rate.png").exists());
    assert!(page.contains("id=\"chart-loaded-own-rate\""));
    // With no quotation anywhere, the own rate is the whole rate, and has no chart of its own.
    let unquoted: Vec<(String, &str, String)> = rows
        .iter()
        .filter(|(_, _, text)| text != quoting)
        .cloned()
        .collect();
    let input = corpus(tmp.path(), &unquoted);
    let out = tmp.path().join("unquoted");
    report(&input, &out, &[]);
    for r in read_csv(&out.join("summary.csv")) {
        assert_eq!(r["loaded_own_per_1k"], r["loaded_per_1k"]);
        assert_eq!(r["loaded_own_ci_low"], r["loaded_ci_low"]);
    }
    assert!(!out.join("charts/loaded-own-rate.png").exists());
}

/// The bundled `loaded` lexicon counts "lies" and "lying" as falsehood, not as where something
/// is: "the future lies in trade" and "bodies lying dead" are no hits, "spread lies" is.
#[test]
fn lies_of_place_are_not_loaded_language() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "Baku's future lies in trade. The blame lies with Moscow. What lies ahead is \
                unclear. Bodies were lying dead in the street. The ministry spread lies about \
                the crash. Officials were lying about the cause.";
    let rows = vec![("a".to_string(), "A", text.to_string())];
    let input = corpus(tmp.path(), &rows);
    let out = tmp.path().join("r");
    report(&input, &out, &[]);
    let hits: Vec<(String, String)> = read_csv(&out.join("lexicon_hits.csv"))
        .into_iter()
        .filter(|h| h["lexicon"] == "loaded")
        .map(|h| (h["matched"].clone(), h["context"].clone()))
        .collect();
    let contexts: Vec<&str> = hits.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(
        contexts,
        [
            "The ministry spread lies about the crash.",
            "Officials were lying about the cause."
        ],
        "{hits:?}"
    );
}

/// Two outlets on a story the bundled actors do not know. The report says so and names the
/// command; `slant lexicon actors` writes a lexicon of the people and places the most documents
/// name (a surname joined to its person), which checks clean, and whose figures are the ones
/// the report then counts for each actor.
#[test]
fn actors_are_suggested_for_another_story_and_count_as_the_report_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let mut rows = Vec::new();
    for i in 0..12 {
        rows.push((
            format!("a{i}"),
            if i % 2 == 0 {
                "Rhine Daily"
            } else {
                "Seine Post"
            },
            format!(
                "Chancellor Angela Merkel met Emmanuel Macron in Berlin on Monday. Later, \
                 Merkel called the plan a disgraceful sham. On Tuesday, officials in Paris \
                 said the talks went well.{}",
                if i < 3 {
                    " Macron spoke of the budget in Paris."
                } else {
                    ""
                }
            ),
        ));
    }
    let input = corpus(tmp.path(), &rows);
    let out = tmp.path().join("r");
    report(&input, &out, &[]);
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(page.contains("Actors of another story"), "no warning");
    assert!(page.contains("slant lexicon actors"), "no command");
    let loud = slant(
        &[
            "report",
            input.to_str().unwrap(),
            "-o",
            tmp.path().join("r0").to_str().unwrap(),
        ],
        &root(),
    );
    assert!(
        stderr(&loud).contains("6 actors are never named here")
            && stderr(&loud).contains("--auto-actors 8"),
        "{}",
        stderr(&loud)
    );

    let toml = tmp.path().join("actors.toml");
    let o = run(&[
        "lexicon",
        "actors",
        input.to_str().unwrap(),
        "-o",
        toml.to_str().unwrap(),
        "--top",
        "3",
    ]);
    let listed = String::from_utf8_lossy(&o.stdout).to_string();
    assert_eq!(
        listed,
        "angela_merkel: Angela Merkel, Merkel (12 documents)\n\
         emmanuel_macron: Emmanuel Macron, Macron (12 documents)\n\
         paris: Paris (12 documents)\n"
    );
    let check = slant(&["lexicon", "check", toml.to_str().unwrap()], &root());
    assert!(check.status.success(), "{}", stderr(&check));
    let checked = String::from_utf8_lossy(&check.stdout).to_string();
    assert!(
        checked.contains("3 categories; 0 errors, 0 warnings"),
        "{checked}"
    );
    let written = std::fs::read_to_string(&toml).unwrap();
    assert!(
        written
            .contains("Angela Merkel: named in 24 sentences of 12 documents, by 2 of 2 outlets."),
        "{written}"
    );
    assert!(
        written.contains("Emmanuel Macron: named in 15 sentences of 12 documents"),
        "{written}"
    );

    let with = tmp.path().join("r2");
    report(&input, &with, &["--lexicon", toml.to_str().unwrap()]);
    let rows = read_csv(&with.join("actor_loaded.csv"));
    let sum = |actor: &str, col: &str| -> u64 {
        rows.iter()
            .filter(|r| r["actor"] == actor)
            .map(|r| r[col].parse::<u64>().unwrap())
            .sum()
    };
    assert_eq!(sum("angela_merkel", "sentences"), 24);
    assert_eq!(sum("emmanuel_macron", "sentences"), 15);
    assert_eq!(sum("angela_merkel", "loaded_hits"), 24, "{rows:?}");
    // The chart heads each actor's column with the name as written, not the category key.
    let chart = std::fs::read_to_string(with.join("charts/actor-loaded.svg")).unwrap();
    let lines: Vec<&str> = chart.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"Angela Merkel")
            || (lines.contains(&"Angela") && lines.contains(&"Merkel")),
        "{chart}"
    );
    assert!(!chart.contains("angela merkel") && !chart.contains("angela_merkel"));
    let page = std::fs::read_to_string(with.join("index.html")).unwrap();
    assert!(!page.contains("Actors of another story"));

    // --auto-actors 3 reports with the same lexicon in one step, keeps it in the report
    // folder, byte for byte what `slant lexicon actors -o actors.toml` writes, and writes
    // the same files again on a re-run.
    let here = slant(
        &[
            "lexicon",
            "actors",
            input.to_str().unwrap(),
            "-o",
            "actors.toml",
            "--top",
            "3",
        ],
        tmp.path(),
    );
    assert!(here.status.success(), "{}", stderr(&here));
    let auto = tmp.path().join("r3");
    report(&input, &auto, &["--auto-actors", "3"]);
    assert_eq!(
        std::fs::read(auto.join("actors.toml")).unwrap(),
        std::fs::read(tmp.path().join("actors.toml")).unwrap()
    );
    assert_eq!(
        std::fs::read(auto.join("actor_loaded.csv")).unwrap(),
        std::fs::read(with.join("actor_loaded.csv")).unwrap()
    );
    let again = tmp.path().join("r4");
    report(&input, &again, &["--auto-actors", "3"]);
    for f in ["actors.toml", "actor_loaded.csv", "run.json", "index.html"] {
        assert_eq!(
            std::fs::read(auto.join(f)).unwrap(),
            std::fs::read(again.join(f)).unwrap(),
            "{f}"
        );
    }
    let page = std::fs::read_to_string(auto.join("index.html")).unwrap();
    assert!(page.contains("<a href=\"actors.toml\">actors.toml</a>"));

    // A lexicon named `actors` of one's own beside --auto-actors is an error naming it.
    let mixed = tmp.path().join("r5");
    let o = run_to(
        "report",
        &input,
        &mixed,
        &["--auto-actors", "3", "--lexicon", toml.to_str().unwrap()],
    );
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("actors.toml") && err.contains("--auto-actors"),
        "{err}"
    );
    assert!(!mixed.exists());
}

/// A corpus without a name to suggest is an error, and no file is written.
#[test]
fn actors_of_a_corpus_without_names_is_an_error_that_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let rows = vec![(
        "a".to_string(),
        "A",
        "the talks went well. nothing else.".to_string(),
    )];
    let input = corpus(tmp.path(), &rows);
    let toml = tmp.path().join("actors.toml");
    let o = slant(
        &[
            "lexicon",
            "actors",
            input.to_str().unwrap(),
            "-o",
            toml.to_str().unwrap(),
        ],
        &root(),
    );
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("no names found"), "{err}");
    assert!(!toml.exists());
}
