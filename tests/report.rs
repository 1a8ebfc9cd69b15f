use crate::util::*;

#[test]
fn bundled_corpus_report_matches_the_committed_one_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("corpus");
    let o = slant(
        &[
            "report",
            "data/corpus",
            "-o",
            out.to_str().unwrap(),
            "--quiet",
        ],
        &root(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let committed = root().join("reports/corpus");
    let want = files_under(&committed);
    let got = files_under(&out);
    assert!(want.len() > 5, "{want:?}");
    assert_eq!(
        want, got,
        "reports/corpus lists other files; regenerate with `cargo run --release -- report`"
    );
    for name in want {
        assert!(
            std::fs::read(committed.join(&name)).unwrap()
                == std::fs::read(out.join(&name)).unwrap(),
            "{name} differs from reports/corpus; regenerate with `cargo run --release -- report`"
        );
    }
}

#[test]
fn every_seed_is_analysed_with_its_known_metadata() {
    let tmp = tempfile::tempdir().unwrap();
    let o = slant(
        &[
            "report",
            "data/corpus",
            "-o",
            tmp.path().join("r").to_str().unwrap(),
            "-q",
        ],
        &root(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = read_csv(&tmp.path().join("r/documents.csv"));
    assert_eq!(rows.len(), 5);
    assert!(rows
        .iter()
        .all(|r| r["status"] == "ok" && r["tokens"].parse::<usize>().unwrap() > 300));
    let massis = rows.iter().find(|r| r["outlet"] == "Massis Post").unwrap();
    assert_eq!(massis["author"], "Krikor Khodanian");
}

/// run.json and the page's parameters say how text was cleaned in words a reader knows: the
/// default, `--clean` and `--no-clean`.
#[test]
fn the_cleaning_setting_is_named_in_words() {
    let tmp = tempfile::tempdir().unwrap();
    for (flag, want) in [
        (None, "auto"),
        (Some("--clean"), "true"),
        (Some("--no-clean"), "false"),
    ] {
        let out = tmp.path().join(want);
        report(&root().join("data/corpus"), &out, flag.as_slice());
        let run: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
        assert_eq!(run["parameters"]["clean"], want, "{flag:?}");
        let page = std::fs::read_to_string(out.join("index.html")).unwrap();
        assert!(
            page.contains(&format!(
                "<th><code>clean</code></th><td><code>{want}</code></td>"
            )),
            "{flag:?}"
        );
    }
}

#[test]
fn grouping_by_a_manifest_column() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r");
    let o = slant(
        &[
            "report",
            "data/corpus",
            "-o",
            out.to_str().unwrap(),
            "--by",
            "perspective",
            "-q",
        ],
        &root(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = read_csv(&out.join("documents.csv"));
    assert_eq!(
        rows.iter().filter(|r| r["group"] == "Azerbaijani").count(),
        4
    );
    let o = slant(
        &[
            "report",
            "data/corpus",
            "-o",
            out.to_str().unwrap(),
            "--by",
            "nonesuch",
            "-q",
        ],
        &root(),
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no metadata column `nonesuch`"),
        "{}",
        stderr(&o)
    );
    // The failed run left the earlier report in place, untouched.
    assert_eq!(read_csv(&out.join("documents.csv")).len(), 5);
}

/// Coverage over time: `published_month` and `published_year` come from the date, and
/// several columns group by their combination. A document without a date is `(none)`.
#[test]
fn grouping_by_month_and_by_a_combination_of_columns() {
    let tmp = tempfile::tempdir().unwrap();
    let by = |by: &str| {
        let out = tmp.path().join(by.replace(',', "+"));
        let o = run_to("report", &root().join("data/corpus"), &out, &["--by", by]);
        assert!(o.status.success(), "{by}: {}", stderr(&o));
        let mut groups: Vec<String> = read_csv(&out.join("documents.csv"))
            .into_iter()
            .map(|r| r["group"].clone())
            .collect();
        groups.sort();
        groups
    };
    assert_eq!(
        by("published_month"),
        ["(none)", "2025-07", "2025-07", "2025-09", "2025-12"]
    );
    assert_eq!(
        by("perspective, published_year"),
        [
            "Armenian diaspora · (none)",
            "Azerbaijani · 2025",
            "Azerbaijani · 2025",
            "Azerbaijani · 2025",
            "Azerbaijani · 2025"
        ]
    );
    // The page names the grouping in words.
    let page =
        std::fs::read_to_string(tmp.path().join("perspective+ published_year/index.html")).unwrap();
    assert!(page.contains("how each perspective × published year covered it"));
    let summary = read_csv(&tmp.path().join("published_month").join("summary.csv"));
    let july = summary.iter().find(|r| r["group"] == "2025-07").unwrap();
    assert_eq!(july["documents"], "2");
}
