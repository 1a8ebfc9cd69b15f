//! Kind 1: a folder with `manifest.csv` (columns `id`, `file`, `outlet`, optional `title`,
//! `author`, `published`, `url`, `language`, and any further metadata columns).

use super::{Body, Pending, ReadOptions};
use crate::clean::{self, RepeatedLines};
use crate::document::Metadata;
use crate::error::CorpusError;
use crate::meta::parse_iso_date;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Component, Path, PathBuf};

const REQUIRED: [&str; 3] = ["id", "file", "outlet"];

const MANIFEST_HINT: &str = "a field holding a comma, quote or line break must be in double quotes (\"a, b\"), with inner quotes doubled (\"\")";

/// Reads and validates the manifest; every problem that would make the run meaningless (a
/// missing column, a duplicate id, broken quoting, a bad date, no rows) is an error here, before
/// any output exists. Problems with single files become refused bodies.
pub(super) fn read(dir: &Path, opts: &ReadOptions) -> Result<Vec<Pending>, CorpusError> {
    let path = dir.join("manifest.csv");
    let bytes = std::fs::read(&path).map_err(|e| CorpusError::io(&path, e))?;
    let text = crate::decode::decode(&bytes)
        .map_err(|_| {
            CorpusError::file(
                &path,
                "binary content; a manifest must be a UTF-8 CSV text file",
            )
        })?
        .text;
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| super::csv_error(&path, &e, MANIFEST_HINT))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if header.iter().all(String::is_empty) {
        return Err(CorpusError::at_line(
            &path,
            1,
            "empty manifest; expected a header row with at least: id,file,outlet",
        ));
    }
    if let Some(h) = header.iter().find(|h| h.contains('\n')) {
        return Err(CorpusError::at_line(
            &path,
            1,
            format!(
                "header field `{}` runs over several lines; is a closing double quote missing? {MANIFEST_HINT}",
                super::column_list(std::slice::from_ref(h))
            ),
        ));
    }
    for col in REQUIRED {
        if !header.iter().any(|h| h == col) {
            return Err(CorpusError::at_line(
                &path,
                1,
                format!(
                    "missing required column `{col}` (found: {}); add it to the header row",
                    super::column_list(&header)
                ),
            ));
        }
    }
    let mut seen_cols = FxHashSet::default();
    for h in &header {
        if !seen_cols.insert(h.as_str()) {
            return Err(CorpusError::at_line(
                &path,
                1,
                format!("column `{h}` appears twice in the header; rename one"),
            ));
        }
    }
    let root = dir.canonicalize().map_err(|e| CorpusError::io(dir, e))?;
    let clean = opts.clean.unwrap_or(true);
    let mut ids: FxHashMap<String, u64> = FxHashMap::default();
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| super::csv_error(&path, &e, MANIFEST_HINT))?;
        let line = rec.position().map_or(0, |p| p.line());
        let mut meta = Metadata::default();
        let mut file = String::new();
        for (col, value) in header.iter().zip(rec.iter()) {
            if value.contains('\n') {
                return Err(CorpusError::at_line(
                    &path,
                    line,
                    format!("field `{col}` runs over several lines; is a closing double quote missing? Quote fields as \"a, b\" with inner quotes doubled (\"\")"),
                ));
            }
            let value = value.trim().to_string();
            match col.as_str() {
                "file" => file = value,
                "published" if !value.is_empty() => match parse_iso_date(&value) {
                    Some(d) => meta.published = d,
                    None => {
                        return Err(CorpusError::at_line(
                            &path,
                            line,
                            format!("published `{value}` is not an ISO 8601 date; write it as YYYY-MM-DD (or leave it empty)"),
                        ))
                    }
                },
                _ => meta.set(col, value),
            }
        }
        if meta.id.is_empty() {
            return Err(CorpusError::at_line(
                &path,
                line,
                "empty id; every row needs a unique id",
            ));
        }
        if let Some(first) = ids.insert(meta.id.clone(), line) {
            return Err(CorpusError::at_line(
                &path,
                line,
                format!(
                    "duplicate id `{}` (first on line {first}); ids must be unique",
                    meta.id
                ),
            ));
        }
        let body = resolve(&root, &file);
        let source = if file.is_empty() {
            format!("{}:{line}", path.display())
        } else {
            dir.join(&file).display().to_string()
        };
        out.push(Pending {
            meta,
            source,
            body,
            clean,
        });
    }
    if out.is_empty() {
        return Err(CorpusError::at_line(
            &path,
            1,
            "the manifest lists no documents; add one row per article under the header",
        ));
    }
    Ok(out)
}

/// The file of a manifest row, refused when it is empty, absolute, or resolves (through `..` or
/// a symbolic link) to anywhere outside the corpus folder.
fn resolve(root: &Path, file: &str) -> Body {
    if file.is_empty() {
        return Body::Refused("no file given in the manifest's `file` column".into());
    }
    let rel = Path::new(file);
    let escapes = rel
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes {
        return Body::Refused(format!("path `{file}` leaves the corpus folder; give a path relative to the manifest, inside its folder"));
    }
    let joined: PathBuf = root.join(rel);
    match joined.canonicalize() {
        Ok(real) if real.starts_with(root) => Body::File(real),
        Ok(_) => Body::Refused(format!(
            "path `{file}` links outside the corpus folder; refusing to read it"
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Body::Refused(format!("file not found: `{file}`"))
        }
        Err(e) => Body::Refused(format!("cannot read `{file}`: {e}")),
    }
}

/// For each outlet with at least three files, the lines that repeat across its pages (read from
/// at most 200 of them): the outlet's own furniture, such as a sign-off or a share line.
pub(super) fn repeated_by_outlet<'a>(
    recs: impl IntoIterator<Item = &'a Pending>,
    max_doc_bytes: u64,
) -> FxHashMap<String, RepeatedLines> {
    let mut by_outlet: FxHashMap<&str, Vec<&Path>> = FxHashMap::default();
    for r in recs {
        if let (Body::File(p), true) = (&r.body, r.clean) {
            let files = by_outlet.entry(r.meta.outlet.as_str()).or_default();
            if files.len() < 200 {
                files.push(p);
            }
        }
    }
    let mut out = FxHashMap::default();
    for (outlet, files) in by_outlet {
        if files.len() < 3 {
            continue;
        }
        // (An outlet's pages at a time, on all cores, in their order.)
        let pages: Vec<_> = files
            .par_iter()
            .filter_map(|p| super::read_file(p, max_doc_bytes).ok())
            .map(|(t, _)| clean::line_hashes(&t))
            .collect();
        let rep = clean::repeated_lines(&pages, 3);
        if !rep.is_empty() {
            out.insert(outlet.to_string(), rep);
        }
    }
    out
}
