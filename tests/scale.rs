use crate::util::*;

#[test]
fn synth_writes_the_same_corpus_twice_and_report_reads_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a.jsonl"), tmp.path().join("b.jsonl"));
    for out in [&a, &b] {
        let o = slant(
            &[
                "synth",
                "-n",
                "300",
                "--outlets",
                "4",
                "--seed",
                "9",
                "-o",
                out.to_str().unwrap(),
                "-q",
            ],
            &root(),
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(bytes, std::fs::read(&b).unwrap());
    assert_eq!(bytes.iter().filter(|&&c| c == b'\n').count(), 300);
    // The first 100 articles of a larger corpus are the 100 of a smaller one.
    let small = tmp.path().join("small.jsonl");
    let o = slant(
        &[
            "synth",
            "-n",
            "100",
            "--outlets",
            "4",
            "--seed",
            "9",
            "-o",
            small.to_str().unwrap(),
            "-q",
        ],
        &root(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(bytes.starts_with(&std::fs::read(&small).unwrap()));
    // A manifest folder too, which report cleans and analyses whole.
    let dir = tmp.path().join("pages");
    let o = slant(
        &[
            "synth",
            "-n",
            "40",
            "--outlets",
            "3",
            "-o",
            dir.to_str().unwrap(),
            "-q",
        ],
        &root(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = tmp.path().join("r");
    let o = slant(
        &[
            "report",
            dir.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-q",
        ],
        &root(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = read_csv(&out.join("documents.csv"));
    assert_eq!(docs.len(), 40);
    assert!(docs.iter().all(|d| d["status"] == "ok"), "{docs:?}");
    let summary = read_csv(&out.join("summary.csv"));
    assert_eq!(summary.len(), 3);
    // Outlets differ in how loaded their language is, by construction.
    let rates: Vec<f64> = summary
        .iter()
        .map(|r| r["loaded_per_1k"].parse().unwrap())
        .collect();
    assert!(rates.iter().all(|r| *r > 0.0), "{rates:?}");
    let quotes = read_csv(&out.join("quotes.csv"));
    assert!(quotes.iter().filter(|q| q["kind"] == "direct").count() > 40);
}
