use crate::util::*;
use std::path::{Path, PathBuf};

/// A corpus built to break a report: formulas and markup in text and metadata, an outlet named
/// with markup, a missing file, a binary file, and two outlets of a few articles each.
fn hostile() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let mut manifest = String::from("id,file,outlet,title\n");
    let bodies = [
        "=HYPERLINK(\"http://evil.example\",\"click\") opened the piece. Officials said the brutal crackdown was a disgrace. \"We will not accept this,\" said Ivan Petrov, the minister.",
        "<script>alert('x')</script> The so-called \"peace plan\" was called a farce by critics. <img src=x onerror=alert(1)> \"It is a sham,\" said Anna Ivanova, an analyst.",
        "+cmd|' /C calc'!A0 The outrageous attack drew condemnation. \"This is terror,\" said Ivan Petrov.",
        "@SUM(A1) Officials said the talks went well and that a deal was close. \"We are hopeful,\" said Maria Lopez, the spokeswoman.",
    ];
    for (i, body) in bodies.iter().enumerate() {
        let outlet = if i % 2 == 0 {
            "<b>Evil & Co</b>"
        } else {
            "Plain News"
        };
        let file = format!("a{i}.txt");
        write(d, &file, format!("{body}\n\n{ARTICLE}"));
        manifest.push_str(&format!(
            "d{i},{file},\"{}\",\"-title {i} <i>x</i>\"\n",
            outlet.replace('"', "\"\"")
        ));
    }
    manifest.push_str("gone,missing.txt,Plain News,Missing\n");
    manifest.push_str("bin,b.bin,Plain News,Binary\n");
    write(d, "b.bin", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    write(d, "manifest.csv", manifest);
    tmp
}

fn report(input: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "report",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    slant(&args, &root())
}

#[test]
fn hostile_corpus_twice_gives_identical_escaped_complete_reports() {
    let c = hostile();
    let (a, b) = (c.path().join("a"), c.path().join("b"));
    for out in [&a, &b] {
        let o = report(c.path(), out, &["-q"]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    // Every byte of every file, charts and page included.
    let files = files_under(&a);
    assert_eq!(files, files_under(&b));
    for f in &files {
        assert!(
            std::fs::read(a.join(f)).unwrap() == std::fs::read(b.join(f)).unwrap(),
            "{f} differs between two runs"
        );
    }
    for f in [
        "documents.csv",
        "summary.csv",
        "terms.csv",
        "keyness.csv",
        "quotes.csv",
        "speakers.csv",
        "lexicon_hits.csv",
        "lexicon_rates.csv",
        "index.html",
        "run.json",
        "charts/sample-size.svg",
        "charts/sample-size.png",
    ] {
        assert!(files.iter().any(|x| x == f), "{f} missing: {files:?}");
    }
    // Every document accounted for, the broken ones with reasons.
    let docs = read_csv(&a.join("documents.csv"));
    assert_eq!(docs.len(), 6);
    let status = |id: &str| {
        let r = docs.iter().find(|r| r["doc_id"] == id).unwrap();
        (r["status"].clone(), r["reason"].clone())
    };
    assert_eq!(status("gone").0, "skipped");
    assert!(
        status("gone").1.contains("not found"),
        "{:?}",
        status("gone")
    );
    assert_eq!(status("bin").0, "skipped");
    for i in 0..4 {
        assert_eq!(status(&format!("d{i}")).0, "ok");
    }
    // No CSV cell a spreadsheet would run, in any table.
    for f in files.iter().filter(|f| f.ends_with(".csv")) {
        for row in read_csv(&a.join(f)) {
            for (col, cell) in row {
                let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
                assert!(
                    !risky || cell.parse::<f64>().is_ok(),
                    "{f}: {col} = {cell:?} would run as a formula"
                );
            }
        }
    }
    // The page: escaped, self-contained, with the evidence and the skipped documents.
    let html = std::fs::read_to_string(a.join("index.html")).unwrap();
    for bad in [
        "<script", "<img", "<b>Evil", "<i>x", "<iframe", "<link", "<object",
    ] {
        assert!(!html.contains(bad), "index.html contains {bad:?}");
    }
    // Nothing is fetched: no tag has a src, no link leaves the folder, the CSS imports nothing.
    // (Escaped text holds no `<`, so every `<` opens a tag of the page's own.)
    for tag in html
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
    {
        assert!(!tag.contains(" src="), "<{tag}>");
        if let Some(at) = tag.find("href=\"") {
            let target = &tag[at + 6..];
            assert!(
                !target.starts_with("http") && !target.starts_with("//"),
                "<{tag}>"
            );
        }
    }
    assert!(!html.contains("url(") && !html.contains("@import"));
    assert!(html.contains("&lt;b&gt;Evil &amp; Co&lt;/b&gt;"));
    assert!(
        html.contains("<mark>brutal</mark>"),
        "loaded word in context"
    );
    assert!(html.contains("Ivan Petrov"), "most quoted speaker");
    assert!(html.contains("missing.txt"), "skipped document listed");
    assert!(html.contains("Too small to compare"));
    let svgs = html.matches("<svg ").count();
    let charts = files.iter().filter(|f| f.ends_with(".svg")).count();
    assert_eq!(svgs, charts, "every chart is inlined once");
}

#[test]
fn parquet_tables_carry_the_same_rows() {
    let c = hostile();
    let (csv, pq) = (c.path().join("csv"), c.path().join("pq"));
    let o = report(c.path(), &csv, &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = report(c.path(), &pq, &["-q", "--format", "parquet"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let files = files_under(&pq);
    assert!(!files.iter().any(|f| f.ends_with(".csv")), "{files:?}");
    for stem in [
        "documents",
        "summary",
        "terms",
        "keyness",
        "quotes",
        "lexicon_hits",
    ] {
        let bytes = std::fs::read(pq.join(format!("{stem}.parquet"))).unwrap();
        assert!(
            bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"),
            "{stem}"
        );
    }
    // Types and values are checked in slant-report's unit tests; here, the page links them.
    let html = std::fs::read_to_string(pq.join("index.html")).unwrap();
    assert!(html.contains("href=\"quotes.parquet\""));
    assert!(
        !html.contains(".csv"),
        "the page and its charts name the Parquet files"
    );
    // The same figures: the charts differ only in the file names of their footnotes.
    let svg = |dir: &Path| {
        std::fs::read_to_string(dir.join("charts/loaded-rate.svg"))
            .unwrap()
            .replace(".parquet", ".csv")
    };
    assert_eq!(svg(&csv), svg(&pq));
}

#[test]
fn piped_runs_show_no_progress_bar_but_do_show_warnings() {
    let c = hostile();
    let o = report(c.path(), &c.path().join("out"), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("skipped gone"), "{err}");
    assert!(err.contains("documents analysed"), "{err}");
    // --quiet keeps the warnings about lost documents and drops the rest.
    let o = report(c.path(), &c.path().join("out2"), &["--quiet"]);
    let err = stderr(&o);
    assert!(err.contains("skipped gone"), "{err}");
    assert!(!err.contains("documents analysed"), "{err}");
}

/// Chromium, when this machine has it (`apt-get install chromium`); `None` skips the check.
fn chromium() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("SLANT_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH")?
                .to_str()?
                .split(':')
                .map(|d| Path::new(d).join(name))
                .find(|p| p.is_file())
        })
}

#[test]
fn the_page_renders_in_headless_chromium_without_running_article_markup() {
    let Some(chrome) = chromium() else {
        eprintln!("skipped: no chromium on PATH (apt-get install chromium, or set SLANT_CHROMIUM)");
        return;
    };
    let c = hostile();
    let out = c.path().join("out");
    let o = report(c.path(), &out, &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = out.join("index.html");
    let url = format!("file://{}", page.display());
    let base = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--hide-scrollbars",
    ];
    let profile = c.path().join("profile");
    let profile_arg = format!("--user-data-dir={}", profile.display());
    let dom = std::process::Command::new(&chrome)
        .args(base)
        .arg(&profile_arg)
        .args(["--dump-dom", &url])
        .output()
        .expect("run chromium");
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom = String::from_utf8_lossy(&dom.stdout);
    // The browser parsed the page as written: sections and inline charts are there, and the
    // article's markup stayed text.
    assert!(
        dom.contains("<h1>slant: how each outlet covered it</h1>"),
        "{dom}"
    );
    assert!(dom.matches("<svg").count() >= 5);
    assert!(!dom.contains("<script"));
    assert!(!dom.contains("<img"));
    let shot = c.path().join("page.png");
    let o = std::process::Command::new(&chrome)
        .args(base)
        .arg(&profile_arg)
        .args([
            "--window-size=1200,3000",
            &format!("--screenshot={}", shot.display()),
            &url,
        ])
        .output()
        .expect("run chromium");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "{} bytes",
        png.len()
    );
}
