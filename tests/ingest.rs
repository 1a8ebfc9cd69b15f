use crate::util::*;

fn ingest_jsonl(input: &std::path::Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("c.jsonl");
    let mut args = vec![
        "ingest",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-q",
    ];
    args.extend_from_slice(extra);
    let o = slant(&args, &root());
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn plain_folder_of_the_seeds_infers_authors_and_dates() {
    let docs = ingest_jsonl(&root().join("data/corpus"), &[]);
    assert_eq!(docs.len(), 5);
    // Through a plain folder (no manifest) the metadata comes from the text alone.
    let tmp = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir(root().join("data/corpus")).unwrap() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&p, tmp.path().join(p.file_name().unwrap())).unwrap();
        }
    }
    let docs = ingest_jsonl(tmp.path(), &[]);
    let by_id = |p: &str| {
        docs.iter()
            .find(|d| d["id"].as_str().unwrap().starts_with(p))
            .unwrap()
            .clone()
    };
    assert_eq!(
        (
            by_id("000")["author"].as_str(),
            by_id("000")["published"].as_str()
        ),
        (Some("Azerbaijan.US Editorial Board"), Some("2025-09-05"))
    );
    assert_eq!(
        (
            by_id("001")["author"].as_str(),
            by_id("001")["published"].as_str()
        ),
        (Some("Akbar Novruz"), Some("2025-07-23"))
    );
    assert_eq!(by_id("003")["author"], "Krikor Khodanian");
    assert_eq!(
        (
            by_id("004")["author"].as_str(),
            by_id("004")["published"].as_str()
        ),
        (Some("AzeMedia"), Some("2025-07-05"))
    );
    // The standfirst that Aze.Media repeats as a body paragraph is counted once.
    let t = by_id("004")["text"].as_str().unwrap().to_string();
    assert_eq!(
        t.matches("In the long term, if Moscow genuinely wants")
            .count(),
        1
    );
    assert!(!t.contains("You Might Also Like") && !t.contains("Privacy Policy"));
}

#[test]
fn jsonl_and_parquet_corpus_files_read_back_identically() {
    let tmp = tempfile::tempdir().unwrap();
    let p = |n: &str| tmp.path().join(n).to_str().unwrap().to_string();
    for (input, output) in [
        ("data/corpus".to_string(), p("a.jsonl")),
        (p("a.jsonl"), p("b.parquet")),
        (p("b.parquet"), p("c.jsonl")),
    ] {
        let o = slant(&["ingest", &input, "-o", &output, "-q"], &root());
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert_eq!(
        std::fs::read(p("a.jsonl")).unwrap(),
        std::fs::read(p("c.jsonl")).unwrap()
    );
}

/// Parquet is written as documents stream in, yet its columns are known only at the end: a
/// metadata field that only the last of several thousand documents has still becomes a
/// column, every earlier document reads back without it, and only the corpus file is left.
#[test]
fn parquet_ingest_streams_and_keeps_a_field_seen_last() {
    let tmp = tempfile::tempdir().unwrap();
    let n = 9000;
    let mut lines = String::new();
    for i in 0..n {
        let extra = if i == n - 1 {
            r#","section":"World""#
        } else {
            ""
        };
        lines.push_str(&format!(
            r#"{{"id":"d{i}","outlet":"O{}","text":"Story {i} told."{extra}}}"#,
            i % 3
        ));
        lines.push('\n');
    }
    write(tmp.path(), "in.jsonl", &lines);
    let out_dir = tmp.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let parquet = out_dir.join("c.parquet");
    let back = out_dir.join("c.jsonl");
    for (input, output) in [
        (tmp.path().join("in.jsonl"), &parquet),
        (parquet.clone(), &back),
    ] {
        let o = slant(
            &[
                "ingest",
                input.to_str().unwrap(),
                "-o",
                output.to_str().unwrap(),
                "-q",
            ],
            &root(),
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let docs: Vec<serde_json::Value> = std::fs::read_to_string(&back)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), n);
    assert_eq!(docs[n - 1]["section"], "World");
    assert!(docs[..n - 1].iter().all(|d| d.get("section").is_none()));
    assert_eq!(docs[4321]["text"], "Story 4321 told.");
    let mut left: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["c.jsonl", "c.parquet"]);
}

#[test]
fn semicolon_csv_with_bom_and_windows_1252_text() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bytes = b"id;outlet;text;published\r\n".to_vec();
    bytes.extend_from_slice(
        b"a;Gazette;\"The \x93Russia House\x94 closed; caf\xe9s too.\";July 5, 2025\r\n",
    );
    bytes.extend_from_slice(b"b;Gazette;Short.;2025-07-06\r\n");
    write(tmp.path(), "t.csv", &bytes);
    let docs = ingest_jsonl(&tmp.path().join("t.csv"), &[]);
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0]["text"],
        "The \u{201c}Russia House\u{201d} closed; cafés too."
    );
    assert_eq!(docs[0]["published"], "2025-07-05");
    assert_eq!(
        docs[1]["text"], "Short.",
        "table text is one row one document, however short"
    );

    let mut bom = b"\xEF\xBB\xBFid,body\n".to_vec();
    bom.extend_from_slice(b"x,\"Hello, world.\"\n");
    write(tmp.path(), "bom.csv", &bom);
    let docs = ingest_jsonl(&tmp.path().join("bom.csv"), &["--text-col", "body"]);
    assert_eq!(
        (docs[0]["id"].as_str(), docs[0]["text"].as_str()),
        (Some("x"), Some("Hello, world."))
    );
}

#[test]
fn tables_without_ids_are_numbered_and_jsonl_rows_keep_their_metadata() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "t.tsv", "outlet\ttext\nA\tone\nB\ttwo\n");
    let docs = ingest_jsonl(&tmp.path().join("t.tsv"), &[]);
    assert_eq!(
        (docs[0]["id"].as_str(), docs[1]["id"].as_str()),
        (Some("1"), Some("2"))
    );
    write(
        tmp.path(),
        "t.jsonl",
        "{\"id\": 7, \"outlet\": \"X\", \"text\": \"Body.\", \"perspective\": \"left\"}\n",
    );
    let docs = ingest_jsonl(&tmp.path().join("t.jsonl"), &[]);
    assert_eq!(
        (docs[0]["id"].as_str(), docs[0]["perspective"].as_str()),
        (Some("7"), Some("left"))
    );
}

#[test]
fn encodings_of_scraped_files() {
    let tmp = tempfile::tempdir().unwrap();
    let body = ARTICLE.replace('\n', "\r\n");
    write(
        tmp.path(),
        "crlf_bom.txt",
        [b"\xEF\xBB\xBF".as_slice(), body.as_bytes()].concat(),
    );
    let latin: Vec<u8> = ARTICLE
        .replace("Officials", "Fran\u{e7}ois and officials")
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    write(tmp.path(), "latin1.txt", latin);
    let docs = ingest_jsonl(tmp.path(), &[]);
    assert_eq!(docs.len(), 2);
    assert!(docs
        .iter()
        .all(|d| !d["text"].as_str().unwrap().contains('\r')));
    assert!(
        docs[1]["text"]
            .as_str()
            .unwrap()
            .starts_with("François and officials"),
        "{}",
        docs[1]["text"]
    );
}

/// One subfolder per outlet, the common layout of a scrape without a manifest: each page's
/// outlet is its top subfolder's name and its id its path below the folder; a page directly
/// inside keeps its file name as id; hidden files (a Mac's `._page.txt`) are passed over. A
/// line that repeats across an outlet's pages is found as it is for a manifest's outlets.
#[test]
fn a_folder_of_outlet_subfolders_gives_each_page_its_outlet() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let banner = "The Daily Planet brings the people of Metropolis the news that matters to them every day.\n";
    let reports = [
        "Officials in the capital said on Friday that the inquiry into the crash had been handed to a new team of experts.",
        "The families of the victims asked on Monday for a full and public account of what had happened to the plane that day.",
        "Investigators told reporters on Tuesday that the flight recorders had been sent abroad for a reading of their data.",
    ];
    for (i, report) in reports.iter().enumerate() {
        write(
            &dir.join("Daily Planet"),
            &format!("2025/{i}.txt"),
            format!("{banner}{report}\n"),
        );
    }
    write(&dir.join("Gazette"), "one.txt", ARTICLE);
    write(dir, "loose.txt", ARTICLE);
    write(&dir.join("Gazette"), "._one.txt", "\0\u{5}Mac metadata");
    let docs = ingest_jsonl(dir, &[]);
    let got: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["outlet"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("Daily Planet/2025/0", "Daily Planet"),
            ("Daily Planet/2025/1", "Daily Planet"),
            ("Daily Planet/2025/2", "Daily Planet"),
            ("Gazette/one", "Gazette"),
            ("loose", ""),
        ]
    );
    for d in &docs[..3] {
        let text = d["text"].as_str().unwrap();
        assert!(!text.contains("Metropolis"), "{text}");
        assert!(reports.contains(&text), "{text}");
    }
}

/// Rows that each name a metadata field of their own would make a Parquet file of rows ×
/// fields cells. Past 1,000 fields, ingest to Parquet stops at the row that crossed the cap,
/// names it, and writes nothing; the same rows go to JSONL, which has no columns to fill.
#[test]
fn parquet_ingest_refuses_a_metadata_field_per_row_and_names_the_row() {
    let tmp = tempfile::tempdir().unwrap();
    let rows: String = (0..1_200)
        .map(|i| format!("{{\"id\":\"{i}\",\"outlet\":\"O\",\"text\":\"Day {i} of the talks.\",\"field_{i}\":\"x\"}}\n"))
        .collect();
    write(tmp.path(), "rows.jsonl", &rows);
    let out = tmp.path().join("c.parquet");
    let o = run_to("ingest", &tmp.path().join("rows.jsonl"), &out, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("rows.jsonl:1001: this row brings the metadata fields to over 1,000"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!out.exists());
    assert_eq!(
        ingest_jsonl(&tmp.path().join("rows.jsonl"), &[]).len(),
        1_200
    );
}

/// Large corpora travel compressed. A `.jsonl.gz` or `.csv.zst` table is read as the table it
/// holds: the same report, the outputs named after the table without the suffix; ingest
/// writes one as well. A file cut short (an interrupted download) is an error naming the file
/// and the line reached, and nothing is written.
#[test]
fn compressed_tables_read_as_the_tables_they_hold() {
    use std::io::Write;
    let tmp = tempfile::tempdir().unwrap();
    let rows: Vec<String> = (0..40)
        .map(|i| {
            format!(
                "{{\"id\":\"d{i}\",\"outlet\":\"Outlet {}\",\"text\":\"“The plane was hit over Grozny,” the minister said on day {i}. Officials denied it.\"}}",
                i % 2
            )
        })
        .collect();
    let jsonl = rows.join("\n") + "\n";
    write(tmp.path(), "c.jsonl", &jsonl);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(jsonl.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    write(tmp.path(), "c.jsonl.gz", &gz);
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(["id", "outlet", "text"]).unwrap();
    for r in &rows {
        let v: serde_json::Value = serde_json::from_str(r).unwrap();
        csv.write_record(["id", "outlet", "text"].map(|k| v[k].as_str().unwrap()))
            .unwrap();
    }
    let csv = csv.into_inner().unwrap();
    write(
        tmp.path(),
        "c.csv.zst",
        zstd::encode_all(&csv[..], 3).unwrap(),
    );
    let report = |name: &str| -> std::path::PathBuf {
        let o = slant(
            &["report", tmp.path().join(name).to_str().unwrap(), "-q"],
            tmp.path(),
        );
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        tmp.path().join("reports/c")
    };
    let read = |dir: &std::path::Path, f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    let plain = report("c.jsonl");
    let expected: Vec<String> = ["terms.csv", "quotes.csv", "keyness.csv"]
        .map(|f| read(&plain, f))
        .to_vec();
    assert!(expected[1].lines().count() > 40, "{}", expected[1]);
    std::fs::rename(&plain, tmp.path().join("plain")).unwrap();
    for name in ["c.jsonl.gz", "c.csv.zst"] {
        let dir = report(name);
        for (f, want) in ["terms.csv", "quotes.csv", "keyness.csv"]
            .iter()
            .zip(&expected)
        {
            assert_eq!(&read(&dir, f), want, "{name}: {f}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
    // Ingest writes compressed JSONL too: the same lines, the same bytes on every run.
    let ingest = |name: &str| {
        let out = tmp.path().join(name);
        let o = run_to("ingest", &tmp.path().join("c.jsonl"), &out, &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read(out).unwrap()
    };
    let plain = ingest("i.jsonl");
    let packed = ingest("i.jsonl.gz");
    assert_eq!(ingest("again.jsonl.gz"), packed);
    let mut unpacked = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&packed[..]),
        &mut unpacked,
    )
    .unwrap();
    assert_eq!(unpacked, plain);
    assert_eq!(zstd::decode_all(&ingest("i.jsonl.zst")[..]).unwrap(), plain);

    write(tmp.path(), "cut.jsonl.gz", &gz[..gz.len() / 2]);
    let out = tmp.path().join("cut");
    let o = run_to("report", &tmp.path().join("cut.jsonl.gz"), &out, &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("cut.jsonl.gz:") && err.contains("the gzip data is cut short or damaged"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!out.exists());
}

/// A corpus split into parts (as Spark or pyarrow write one) is an input: every table or
/// corpus file of the folder in path order. `key=value` folders give their records that
/// metadata where a record has none; `_SUCCESS`, other `_` or hidden entries and empty parts
/// are passed over; an id given by two files is an error naming both.
#[test]
fn a_folder_of_table_files_reads_each_file_with_its_partition_values() {
    use std::io::Write;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("parts");
    let row = |id: &str, outlet: Option<&str>| {
        let outlet = outlet.map_or(String::new(), |o| format!(",\"outlet\":\"{o}\""));
        format!("{{\"id\":\"{id}\"{outlet},\"text\":\"Officials said the plane was hit over Grozny, report {id}.\"}}\n")
    };
    write(
        &dir.join("outlet=Today.az/published=July 5%2C 2025"),
        "part-0.jsonl",
        row("a", None) + &row("b", Some("Own")),
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"id,outlet,text\nc,Caliber.az,Moscow said the inquiry goes on.\n")
        .unwrap();
    write(&dir.join("more"), "part-1.csv.gz", gz.finish().unwrap());
    write(&dir, "_SUCCESS", "");
    write(&dir.join("_temporary"), "part-9.jsonl", row("a", None));
    write(&dir, ".part-0.jsonl.crc", "x");
    // Empty parts, as writers leave for empty partitions, hold no document.
    write(&dir.join("more"), "part-3.jsonl", "");
    write(&dir.join("more"), "part-4.csv", "id,outlet,text\n");
    let out = tmp.path().join("out");
    let o = run_to("report", &dir, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = read_csv(&out.join("documents.csv"));
    let got: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d["doc_id"].as_str(), d["outlet"].as_str()))
        .collect();
    assert_eq!(got, [("c", "Caliber.az"), ("a", "Today.az"), ("b", "Own")]);
    // A partition's date is read as a table's: "July 5%2C 2025" is 2025-07-05.
    assert_eq!(docs[1]["published"], "2025-07-05");
    assert_eq!(docs[0]["published"], "");
    let run: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    assert_eq!(run["input_kind"], "folder of tables");

    write(&dir.join("more"), "part-2.jsonl", row("b", None));
    let o = run_to("report", &dir, &out, &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("part-0.jsonl:2: duplicate id `b` (also in ")
            && err.contains("part-2.jsonl); ids must be unique across the folder's files"),
        "{err}"
    );
    // The failed run left the earlier report as it was.
    assert_eq!(read_csv(&out.join("documents.csv")).len(), 3);
}

/// A scraped page saved as HTML, as a site serves it: a menu, a script, the article's JSON-LD,
/// the article, a comment form and readers' comments, a footer.
fn html_page(paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8"><title>Delayed thaw | Caliber.Az</title>
<meta property="og:site_name" content="Caliber.Az">
<meta property="og:title" content="Winter and the delayed thaw">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Winter and the delayed thaw","datePublished":"2025-12-23T09:15:00+04:00",
 "author":{{"@type":"Person","name":"Farhad  Mammadov"}}}}</script>
<script>window.dataLayer = [{{"page": "<p>not text</p>"}}];</script>
<style>.menu {{ display: flex }}</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/world">World</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<div class="modal" hidden><p>Subscribe to our newsletter to read every story first.</p></div>
<article><h1>Winter and the delayed thaw</h1>
{body}</article>
<h3>Leave a comment</h3>
<form>Name: <input name="n"> Email: <input type="email" name="e"><br>
<textarea name="c"></textarea><br><input type="checkbox"> Save my name for the next time I comment.
<input type="submit" value="Post Comment"></form>
<p>I think the commission should have finished its work much sooner than this, frankly, and everyone knows why it did not.</p>
<footer><p>&copy; 2025 Caliber.Az. All rights reserved.</p></footer>
</body></html>"#
    )
}

#[test]
fn html_pages_are_laid_out_as_text_and_the_metadata_they_state_is_used() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let article =
        std::fs::read_to_string(root().join("data/corpus/002_9e7d0a3ef5767749.txt")).unwrap();
    // The bundled Caliber.az article's paragraphs of prose.
    let paragraphs: Vec<&str> = article
        .lines()
        .map(str::trim)
        .filter(|p| p.split_whitespace().count() >= 25 && !p.contains('<'))
        .take(4)
        .collect();
    assert_eq!(paragraphs.len(), 4);
    let page = html_page(&paragraphs);
    write(&dir.join("Caliber.az"), "thaw.html", &page);
    // A page saved under `.txt` that holds HTML is read as HTML.
    write(&dir.join("Caliber.az"), "saved.txt", &page);
    // What a browser saves beside a page is no article, not even its frames' HTML.
    write(&dir.join("Caliber.az/thaw_files"), "ad-frame.html", &page);
    write(&dir.join("Gazette"), "one.txt", ARTICLE);
    let docs = ingest_jsonl(dir, &[]);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["Caliber.az/saved", "Caliber.az/thaw", "Gazette/one"]);
    for d in &docs[..2] {
        let text = d["text"].as_str().unwrap();
        assert_eq!(text, paragraphs.join("\n\n"), "{}", d["id"]);
        // The outlet is the folder's; the rest is what the page states.
        assert_eq!(d["outlet"], "Caliber.az");
        assert_eq!(d["title"], "Winter and the delayed thaw");
        assert_eq!(d["author"], "Farhad Mammadov");
        assert_eq!(d["published"], "2025-12-23");
        assert_eq!(d["language"], "en");
    }
    // Through a manifest, the manifest's values win over the page's.
    let m = tmp.path().join("m");
    write(&m, "thaw.html", &page);
    write(
        &m,
        "manifest.csv",
        "id,file,outlet,title\nthaw,thaw.html,Caliber,Winter thaw\n",
    );
    let docs = ingest_jsonl(&m, &[]);
    assert_eq!(
        (docs[0]["title"].as_str(), docs[0]["outlet"].as_str()),
        (Some("Winter thaw"), Some("Caliber"))
    );
    assert_eq!(docs[0]["author"], "Farhad Mammadov");
    assert_eq!(docs[0]["text"].as_str().unwrap(), paragraphs.join("\n\n"));
    // A table's HTML is laid out when it is to be cleaned, and kept as it is otherwise.
    let t = tmp.path().join("t");
    let row = serde_json::json!({"id": "a", "outlet": "Caliber", "text": page});
    write(&t, "pages.jsonl", format!("{row}\n"));
    let cleaned = ingest_jsonl(&t.join("pages.jsonl"), &["--clean"]);
    assert_eq!(
        cleaned[0]["text"].as_str().unwrap(),
        paragraphs.join("\n\n")
    );
    assert_eq!(cleaned[0]["author"], "Farhad Mammadov");
    let kept = ingest_jsonl(&t.join("pages.jsonl"), &[]);
    assert!(kept[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
}

/// A folder of pages often holds other files: each is listed as skipped, with why, and none
/// stops the run.
#[test]
fn other_files_in_a_folder_of_pages_are_listed_as_skipped_with_why() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    write(&dir.join("Gazette"), "one.txt", ARTICLE);
    write(&dir.join("Gazette"), "scan.pdf", "%PDF-1.4 not text");
    write(&dir.join("Gazette"), "photo.JPG", [0xff, 0xd8, 0xff, 0xe0]);
    write(&dir.join("Gazette"), "Thumbs.db", [0u8; 8]);
    write(&dir, "notes.md", "# what I scraped");
    write(&dir, "rows.csv", "id,text\n1,hello\n");
    // A file without an extension beside a page of the same name: both are listed.
    write(&dir, "README.txt", ARTICLE);
    write(&dir, "README", "how this folder was scraped");
    let out = tmp.path().join("out");
    report(&dir, &out, &[]);
    let rows: Vec<(String, String, String)> = read_csv(&out.join("documents.csv"))
        .into_iter()
        .map(|r| {
            (
                r["doc_id"].clone(),
                r["status"].clone(),
                r["reason"].clone(),
            )
        })
        .collect();
    let row = |id: &str| {
        rows.iter()
            .find(|r| r.0 == id)
            .unwrap_or_else(|| panic!("{id} not listed: {rows:?}"))
    };
    assert_eq!(row("Gazette/one").1, "ok");
    assert_eq!(
        row("Gazette/scan.pdf").2,
        "a PDF, not a page: save it as text (.txt) to analyse it"
    );
    assert_eq!(row("Gazette/photo.JPG").2, "a picture (.jpg), not a page");
    assert!(
        row("notes.md").2.starts_with("not a page (.md)"),
        "{rows:?}"
    );
    assert!(
        row("rows.csv")
            .2
            .starts_with("a table (.csv) in a folder of pages"),
        "{rows:?}"
    );
    assert_eq!(row("README").1, "ok");
    assert!(
        row("README (not a page)").2.starts_with("not a page:"),
        "{rows:?}"
    );
    assert!(rows.iter().all(|r| r.1 == "ok" || r.1 == "skipped"));
    // The operating system's own files are no one's documents.
    assert_eq!(rows.len(), 7, "{rows:?}");
}

/// Thousands of pictures beside the pages would be thousands of lines on stderr: the first
/// twenty skipped documents are named there, and every one is in documents.csv.
#[test]
fn stderr_names_the_first_twenty_skipped_documents_and_documents_csv_all() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    write(&dir, "story.txt", ARTICLE);
    for i in 0..25 {
        write(&dir, &format!("img{i:02}.png"), [0x89u8, b'P', b'N', b'G']);
    }
    let out = tmp.path().join("out");
    let o = run_to("report", &dir, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.matches("slant: skipped ").count(), 20, "{err}");
    assert!(err.contains("slant: skipped img00.png"), "{err}");
    assert!(!err.contains("img20.png"), "{err}");
    assert!(
        err.contains("more documents skipped; documents.csv lists each"),
        "{err}"
    );
    let rows = read_csv(&out.join("documents.csv"));
    assert_eq!(rows.iter().filter(|r| r["status"] == "skipped").count(), 25);
    assert_eq!(rows.iter().filter(|r| r["status"] == "ok").count(), 1);
}

/// Rows stored as mojibake get their outlet, title, author and text mended, so that a garbled
/// row's outlet is the same group as a correct row's; ids are kept as given.
#[test]
fn mojibake_in_rows_is_mended_and_a_garbled_outlet_joins_its_group() {
    let tmp = tempfile::tempdir().unwrap();
    let rows = [
        serde_json::json!({"id": "a", "outlet": "Público", "title": "Baku’s “answer”",
            "author": "José Núñez", "text": "Officials in Baku met on Monday to discuss it."}),
        serde_json::json!({"id": "bÃ©", "outlet": "PÃºblico", "title": "Bakuâ€™s â€œanswerâ€\u{9d}",
            "author": "JosÃ© NÃºÃ±ez", "text": "Officials in Baku didnâ€™t meet on Tuesday."}),
    ];
    let lines: Vec<String> = rows.iter().map(ToString::to_string).collect();
    write(tmp.path(), "rows.jsonl", lines.join("\n"));
    let docs = ingest_jsonl(&tmp.path().join("rows.jsonl"), &[]);
    assert_eq!(docs.len(), 2);
    for d in &docs {
        assert_eq!(d["outlet"], "Público");
        assert_eq!(d["title"], "Baku’s “answer”");
        assert_eq!(d["author"], "José Núñez");
    }
    assert_eq!(docs[1]["id"], "bÃ©");
    assert_eq!(docs[1]["text"], "Officials in Baku didn’t meet on Tuesday.");
}
