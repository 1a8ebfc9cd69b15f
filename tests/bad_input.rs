use crate::util::*;

fn corpus(manifest: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "manifest.csv", manifest);
    write(tmp.path(), "a.txt", ARTICLE);
    tmp
}

/// Runs a report on a corpus folder expected to fail; returns stderr and checks nothing was
/// written.
fn fails(dir: &std::path::Path) -> String {
    fails_with(dir, &dir.join("out"))
}

/// [`fails`] for any input, writing to `out`.
fn fails_with(input: &std::path::Path, out: &std::path::Path) -> String {
    fails_with_args(input, out, &[])
}

/// [`fails_with`] on a file `name` holding `content`, in a folder of its own.
fn fails_on(name: &str, content: impl AsRef<[u8]>, extra: &[&str]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), name, content);
    fails_with_args(&tmp.path().join(name), &tmp.path().join("out"), extra)
}

/// [`fails_with`], with more arguments.
fn fails_with_args(input: &std::path::Path, out: &std::path::Path, extra: &[&str]) -> String {
    let o = run_to("report", input, out, extra);
    assert!(!o.status.success());
    assert!(!out.exists(), "a failed run left output behind");
    let err = stderr(&o);
    assert_eq!(
        err.trim().lines().count(),
        1,
        "one-line error expected: {err}"
    );
    err
}

#[test]
fn manifest_missing_column_names_file_line_and_fix() {
    let c = corpus("id,file\na,a.txt\n");
    let e = fails(c.path());
    assert!(
        e.contains("manifest.csv:1: missing required column `outlet`"),
        "{e}"
    );
}

#[test]
fn manifest_duplicate_ids() {
    let c = corpus("id,file,outlet\na,a.txt,X\nb,a.txt,X\na,a.txt,Y\n");
    let e = fails(c.path());
    assert!(
        e.contains("manifest.csv:4: duplicate id `a` (first on line 2)"),
        "{e}"
    );
}

#[test]
fn manifest_broken_quoting() {
    let c = corpus("id,file,outlet,title\na,a.txt,X,\"Unclosed, title\nb,a.txt,X,fine\n");
    let e = fails(c.path());
    assert!(
        e.contains("manifest.csv:2: field `title` runs over several lines")
            && e.contains("closing double quote"),
        "{e}"
    );
}

#[test]
fn manifest_empty_and_bad_date_and_missing_input() {
    let e = fails(corpus("id,file,outlet\n").path());
    assert!(e.contains("lists no documents"), "{e}");
    let e = fails(corpus("id,file,outlet,published\na,a.txt,X,5 July\n").path());
    assert!(
        e.contains("manifest.csv:2: published `5 July` is not an ISO 8601 date"),
        "{e}"
    );
    let tmp = tempfile::tempdir().unwrap();
    let e = fails(&tmp.path().join("nope"));
    assert!(e.contains("no such file or folder"), "{e}");
}

#[test]
fn bad_documents_are_skipped_with_reasons_and_the_rest_analysed() {
    let c = corpus(
        "id,file,outlet\nok,a.txt,X\nmissing,gone.txt,X\nescape,../secret.txt,X\nabs,/etc/passwd,X\nbinary,b.bin,X\nempty,e.txt,X\nfurniture,f.txt,Y\n",
    );
    write(c.path(), "b.bin", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    write(c.path(), "e.txt", "");
    write(c.path(), "f.txt", "Home\nNews\nSign in\nPrivacy Policy\n");
    let out = c.path().join("out");
    let o = slant(
        &[
            "report",
            c.path().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-q",
        ],
        &root(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = read_csv(&out.join("documents.csv"));
    assert_eq!(rows.len(), 7, "every input document is accounted for");
    let reason = |id: &str| {
        rows.iter()
            .find(|r| r["doc_id"] == id)
            .map(|r| (r["status"].clone(), r["reason"].clone()))
            .unwrap()
    };
    assert_eq!(reason("ok").0, "ok");
    assert!(reason("missing").1.contains("file not found"));
    assert!(reason("escape").1.contains("leaves the corpus folder"));
    assert!(reason("abs").1.contains("leaves the corpus folder"));
    assert!(reason("binary").1.contains("binary"));
    assert_eq!(reason("empty").1, "empty text");
    assert!(reason("furniture")
        .1
        .contains("no article text found: every line read as page furniture"));
    assert!(reason("furniture").1.contains("give --no-clean"));
    // Each skipped document is also named on stderr, and counted once in run.json.
    let err = stderr(&o);
    for id in ["missing", "escape", "abs", "binary", "empty", "furniture"] {
        assert!(err.contains(&format!("skipped {id} ")), "{err}");
    }
    let run: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    assert_eq!(
        (
            run["counts"]["analysed"].as_u64(),
            run["counts"]["skipped"].as_u64()
        ),
        (Some(1), Some(6)),
        "{run}"
    );
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised() {
    let c = corpus("id,file,outlet,title\na,a.txt,=HYPERLINK(\"http://x\"),@SUM(A1)\n");
    let out = c.path().join("out");
    let o = slant(
        &[
            "report",
            c.path().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-q",
        ],
        &root(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = read_csv(&out.join("documents.csv"));
    assert_eq!(rows[0]["outlet"], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[0]["title"], "'@SUM(A1)");
}

#[test]
fn table_with_ragged_row_is_an_error_with_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "t.csv", "id,text\n1,fine\n2,too,many\n");
    let out = tmp.path().join("c.jsonl");
    let o = slant(
        &[
            "ingest",
            tmp.path().join("t.csv").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        &root(),
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("t.csv:3: row has 3 fields but the header has 2"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn speaker_gazetteer_error_names_file_and_line_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "sp.tsv",
        "name\tJane Roe\tanalysts\nbogus line\n",
    );
    let out = tmp.path().join("r");
    let o = slant(
        &[
            "report",
            "data/corpus",
            "-o",
            out.to_str().unwrap(),
            "--speakers",
            tmp.path().join("sp.tsv").to_str().unwrap(),
        ],
        &root(),
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("sp.tsv:2: expected 3 fields"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!out.exists());
}

#[test]
fn a_bad_row_after_many_documents_is_an_error_and_writes_nothing() {
    // Over two batches of documents are read (and analysed) before the bad row.
    let mut table = String::from("id,outlet,text\n");
    for i in 0..600 {
        table.push_str(&format!(
            "{i},Outlet {},\"Officials said the plane was hit near Grozny on day {i}.\"\n",
            i % 3
        ));
    }
    table.push_str("600,Outlet 1,too,many\n601,Outlet 1,fine\n");
    let err = fails_on("t.csv", &table, &[]);
    assert!(
        err.contains("t.csv:602: row has 4 fields but the header has 3"),
        "{err}"
    );
}

/// Text from the input that an error quotes (an id, a column name) cannot break its line.
#[test]
fn errors_quoting_input_text_stay_on_one_line() {
    let e = fails_on("dup.jsonl", "{\"id\":\"a\\nb\",\"outlet\":\"x\",\"text\":\"hi\"}\n{\"id\":\"a\\nb\",\"outlet\":\"x\",\"text\":\"hi\"}\n", &[]);
    assert!(e.contains("dup.jsonl:2: duplicate id `a\\nb`"), "{e}");
    let e = fails_on("cols.csv", "id,\"out\nlet\",body\n1,x,hello\n", &[]);
    assert!(e.contains("cols.csv:1: no text column"), "{e}");
    assert!(e.contains("out\\nlet"), "{e}");
}

/// Found by the `table` fuzz target: a header row with an unclosed quote swallows the rest of
/// the manifest, and the error listed that whole "column" (thousands of characters). It now
/// says what went wrong, and listed columns are cut to 40 characters and at most 20 of them.
#[test]
fn a_header_that_swallowed_the_file_gives_a_short_error() {
    let body = "a,a.txt,X\n".repeat(500);
    let c = corpus(&format!("id,\"file,outlet\n{body}"));
    let e = fails(c.path());
    assert!(
        e.contains("manifest.csv:1: header field `file,outlet\\na,a.txt,X\\na,a.txt,X\\na,a.txt,…` runs over several lines; is a closing double quote missing?"),
        "{e}"
    );
    assert!(e.len() < 300, "{} characters: {e}", e.len());
    let header: Vec<String> = (0..30).map(|i| format!("c{i}")).collect();
    let e = fails_on("wide.csv", format!("{}\n", header.join(",")), &[]);
    assert!(
        e.contains(", c19, and 10 more); name the text column"),
        "{e}"
    );
}

/// A table with a header and no rows, or an empty JSONL file, is an input with nothing to
/// analyse, as an empty manifest or folder is: an error, not an empty report.
#[test]
fn an_empty_table_is_an_error_like_an_empty_manifest() {
    let e = fails_on("h.csv", "id,outlet,text\n", &[]);
    assert!(
        e.contains("h.csv:2: the table has a header and no rows"),
        "{e}"
    );
    let e = fails_on("e.jsonl", "\n\n", &[]);
    assert!(e.contains("e.jsonl: no documents"), "{e}");
}

/// A table that names a column twice is ambiguous (which `text`?), as a manifest that does is.
#[test]
fn a_table_naming_a_column_twice_is_an_error() {
    let e = fails_on("twice.csv", "id,text,outlet,text\n1,a,x,b\n", &[]);
    assert!(
        e.contains("twice.csv:1: column `text` appears twice in the header; rename one"),
        "{e}"
    );
}

/// A quoted field never closed swallows every row after it into one cell, which the csv crate
/// (like Python's csv module) reads without a word: the rows were lost. It is an error naming
/// the line where the quote opens.
#[test]
fn an_unclosed_quote_in_a_table_is_an_error_not_lost_rows() {
    let e = fails_on(
        "q.csv",
        "id,outlet,text\n1,A,\"He said \"\"no\"\" twice.\"\n2,B,\"unclosed\n3,C,lost\n4,D,lost\n",
        &[],
    );
    assert!(
        e.contains("q.csv:3: a quoted field opens here and is never closed"),
        "{e}"
    );
}

/// In a folder without a manifest the id is the file name without its extension, so `a.txt`
/// and `a.TXT` would be two documents of one id.
#[test]
fn two_files_of_one_id_in_a_folder_are_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pages");
    write(&dir, "a.txt", ARTICLE);
    write(&dir, "a.TXT", ARTICLE);
    let e = fails_with(&dir, &tmp.path().join("out"));
    assert!(e.contains("a.TXT and "), "{e}");
    assert!(e.contains("a.txt both give the id `a`; rename one"), "{e}");
}

/// A JSONL object that gives one key twice with different values is not read: serde_json and
/// Python's json module keep the last value without a word. The row is listed, named by its
/// other fields. A text field that is a list of strings (an article's paragraphs) is read as
/// paragraphs; one that is a number or an object is named as such.
#[test]
fn jsonl_rows_with_repeated_keys_or_text_that_is_not_text_are_skipped_with_the_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let rows = [
        r#"{"id":"a","outlet":"X","text":"The first text.","text":"The second text."}"#,
        r#"{"id":"b","outlet":"X","text":"Officials said the plane was hit.","id":"c"}"#,
        r#"{"id":"d","outlet":"Y","text":"Same twice.","text":"Same twice."}"#,
        r#"{"id":"e","outlet":"Y","text":["Officials said the plane was hit.","It crashed near Aktau."]}"#,
        r#"{"id":"f","outlet":"Y","text":1234}"#,
        r#"{"id":"g","outlet":"Y","text":{"body":"Nested."}}"#,
        r#"{"id":"h","outlet":"Y","text":["One.",2]}"#,
    ];
    write(tmp.path(), "t.jsonl", rows.join("\n"));
    let out = tmp.path().join("out");
    let o = run_to("report", &tmp.path().join("t.jsonl"), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = read_csv(&out.join("documents.csv"));
    let by_id = |id: &str| {
        docs.iter()
            .find(|d| d["doc_id"] == id)
            .unwrap_or_else(|| panic!("{id}: {docs:?}"))
    };
    let a = by_id("a");
    assert_eq!(
        (a["status"].as_str(), a["outlet"].as_str()),
        ("skipped", "X")
    );
    assert_eq!(
        a["reason"],
        "the key `text` appears twice in this object with different values"
    );
    // The id itself was given twice: the row is numbered instead.
    assert_eq!(
        by_id("2")["reason"],
        "the key `id` appears twice in this object with different values"
    );
    assert_eq!(by_id("d")["status"], "ok");
    let e = by_id("e");
    assert_eq!((e["status"].as_str(), e["sentences"].as_str()), ("ok", "2"));
    let paragraphs = "Officials said the plane was hit.\n\nIt crashed near Aktau.";
    assert_eq!(e["text_bytes"], paragraphs.len().to_string());
    assert_eq!(
        by_id("f")["reason"],
        "the `text` field is a number, not text"
    );
    assert_eq!(
        by_id("g")["reason"],
        "the `text` field is an object, not text"
    );
    assert_eq!(
        by_id("h")["reason"],
        "the `text` field is a list with items that are not strings, not text"
    );
    let err = stderr(&o);
    assert!(
        err.contains("slant: skipped a (")
            && err.contains("t.jsonl:1): the key `text` appears twice"),
        "{err}"
    );
}

/// A JSONL line longer than any document `--max-doc-mb` allows (escapes included) is passed
/// over as it streams, not held: a small gzip file can unpack to one line of gigabytes.
#[test]
fn a_jsonl_line_too_long_for_any_document_is_skipped_without_being_held() {
    let tmp = tempfile::tempdir().unwrap();
    let long = "a".repeat(7 << 20);
    let text = ARTICLE.replace('\n', "\\n");
    let rows = format!(
        "{{\"id\":\"x\",\"outlet\":\"O\",\"text\":\"{text}\"}}\n{{\"id\":\"y\",\"text\":\"{long}\"}}\n{{\"id\":\"z\",\"outlet\":\"O\",\"text\":\"{text}\"}}\n"
    );
    write(tmp.path(), "t.jsonl", rows);
    let out = tmp.path().join("out");
    let o = run_to(
        "report",
        &tmp.path().join("t.jsonl"),
        &out,
        &["--max-doc-mb", "1"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = read_csv(&out.join("documents.csv"));
    let got: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d["doc_id"].as_str(), d["status"].as_str()))
        .collect();
    assert_eq!(got, [("x", "ok"), ("2", "skipped"), ("z", "ok")]);
    assert!(
        docs[1]["reason"].starts_with("line of over 6 MB"),
        "{:?}",
        docs[1]
    );
}

/// A CSV field longer than any document could be (twice `--max-doc-mb`, quotes doubled) stops
/// the run at the line where it starts, without reading it whole: in a table it is nearly
/// always a quote never closed, and rows cannot be told apart after it.
#[test]
fn a_csv_field_too_long_for_any_document_stops_at_its_line() {
    let table = format!(
        "id,outlet,text\na,X,Officials met.\nb,X,\"{}\"\nc,X,Talks went on.\n",
        "a".repeat(3 << 20)
    );
    let err = fails_on("t.csv", table, &["--max-doc-mb", "1"]);
    assert!(
        err.contains(
            "t.csv:3: a field of over 2 MB starts here, longer than any document of --max-doc-mb"
        ),
        "{err}"
    );
}

/// A single page given where a corpus is wanted says what to do with it: pages are read by
/// the folder. Another unknown kind says which kinds there are.
#[test]
fn a_single_page_or_an_unknown_file_says_what_is_read() {
    let e = fails_on("article.txt", ARTICLE, &[]);
    assert!(
        e.contains("article.txt: a single `.txt` page is not a corpus; put the pages in a folder and give the folder"),
        "{e}"
    );
    let e = fails_on("article.docx", "PK", &[]);
    assert!(
        e.contains("article.docx: unknown input type `.docx`; expected a folder, .csv, .tsv, .jsonl or .parquet"),
        "{e}"
    );
}

/// A table from another tool names its fields its own way ("maintext", "source_domain"): the
/// messages name the fields the input has, so the fix (`--text-col`, `--outlet-col`) is plain.
#[test]
fn a_table_with_other_field_names_is_told_which_fields_it_has() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "np.jsonl",
        "{\"maintext\":\"The plane crashed near Grozny.\",\"source_domain\":\"caliber.az\"}\n",
    );
    let out = tmp.path().join("r");
    let o = run_to("report", &tmp.path().join("np.jsonl"), &out, &[]);
    let err = stderr(&o);
    assert!(
        err.contains("no `text` field in this row (its fields: maintext, source_domain); name the text field with --text-col"),
        "{err}"
    );
    let docs = read_csv(&out.join("documents.csv"));
    assert!(docs[0]["reason"].contains("its fields: maintext, source_domain"));

    // With the text named but not the outlet, every document is one group: the message says
    // why and names the other columns.
    let o = run_to(
        "report",
        &tmp.path().join("np.jsonl"),
        &tmp.path().join("r2"),
        &["--text-col", "maintext"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("no analysed document has a value in `outlet`, so all are one group"),
        "{err}"
    );
    assert!(err.contains("--outlet-col"), "{err}");
    assert!(
        err.contains("(this input's other columns: source_domain)"),
        "{err}"
    );
    // Named, the outlet is a group of its own and the message is gone.
    let o = run_to(
        "report",
        &tmp.path().join("np.jsonl"),
        &tmp.path().join("r3"),
        &["--text-col", "maintext", "--outlet-col", "source_domain"],
    );
    assert!(!stderr(&o).contains("no analysed document has a value"));
}
