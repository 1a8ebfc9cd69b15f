//! Kind 2: a folder without a manifest. Every `*.txt` page in it is a document, as is every
//! HTML page (`*.html`, `*.htm`, `*.xhtml`, laid out as text by [`crate::html`]), and so is every
//! one in its subfolders, at any depth: a file directly inside has its file name without
//! extension as its id; a file in a subfolder has its path below the folder, without extension
//! (`Today.az/2025-07-23`), and the name of the top subfolder as its outlet, the common layout
//! of one folder per outlet. Other metadata is inferred from the text. Any other file (a PDF, a
//! picture, a table) is listed as skipped, with why, under its whole file name (with
//! " (not a page)" after it where a page has that id: `README` beside `README.txt`).

use super::{Body, Pending, ReadOptions};
use crate::document::Metadata;
use crate::error::CorpusError;
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Path, PathBuf};

/// Subfolders deeper than this are not read (a guard against a folder tree without end).
const MAX_DEPTH: usize = 16;

pub(super) fn read(dir: &Path, opts: &ReadOptions) -> Result<Vec<Pending>, CorpusError> {
    let mut files = Vec::new();
    walk_where(dir, &mut files, 0, &|_| true, usize::MAX)?;
    if !files.iter().any(|f| is_page(f)) {
        return Err(CorpusError::file(dir, "no .txt or .html pages, no manifest.csv and no table files (.jsonl, .csv, .parquet) in this folder or its subfolders; add articles as .txt or .html files or a manifest.csv"));
    }
    files.sort();
    let clean = opts.clean.unwrap_or(true);
    let mut pending: Vec<Pending> = files
        .into_iter()
        .filter(|path| !is_system_file(path))
        .map(|path| {
            let rel = path.strip_prefix(dir).unwrap_or(&path);
            // Any other file is listed as skipped, under its whole name (`notes.pdf`), so that
            // nothing in the folder is passed over without a word.
            let body = match not_a_page(&path) {
                None => Body::File(path.clone()),
                Some(reason) => Body::Refused(reason),
            };
            let named = if matches!(body, Body::File(_)) {
                rel.with_extension("")
            } else {
                rel.to_path_buf()
            };
            let parts: Vec<String> = named
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let outlet = if parts.len() > 1 {
                parts[0].clone()
            } else {
                String::new()
            };
            Pending {
                meta: Metadata {
                    id: parts.join("/"),
                    outlet,
                    ..Metadata::default()
                },
                source: path.display().to_string(),
                body,
                clean,
            }
        })
        .collect();
    // A skipped file without an extension (`README`) has the id of a page beside it
    // (`README.txt`): it says so in its id, as both must be listed.
    let page_ids: FxHashSet<String> = pending
        .iter()
        .filter(|p| matches!(p.body, Body::File(_)))
        .map(|p| p.meta.id.clone())
        .collect();
    for p in &mut pending {
        if matches!(p.body, Body::Refused(_)) && page_ids.contains(&p.meta.id) {
            p.meta.id.push_str(" (not a page)");
        }
    }
    // `a.txt` and `a.TXT` would both be `a`: an id must name one document.
    let mut seen: FxHashMap<&str, &str> = FxHashMap::default();
    for p in &pending {
        if let Some(first) = seen.insert(&p.meta.id, &p.source) {
            return Err(CorpusError::file(
                dir,
                format!(
                    "{first} and {} both give the id `{}`; rename one",
                    p.source, p.meta.id
                ),
            ));
        }
    }
    Ok(pending)
}

/// Whether `dir` or a subfolder holds a `.txt` or HTML page (the walk stops at the first).
pub(super) fn has_pages(dir: &Path) -> Result<bool, CorpusError> {
    let mut found = Vec::new();
    walk_where(dir, &mut found, 0, &is_page, 1)?;
    Ok(!found.is_empty())
}

/// Files an operating system leaves in folders (`Thumbs.db`, `desktop.ini`): not a user's.
fn is_system_file(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
        n.eq_ignore_ascii_case("thumbs.db") || n.eq_ignore_ascii_case("desktop.ini")
    })
}

/// Why a file of a folder of pages is not read, or `None` for a page.
fn not_a_page(path: &Path) -> Option<String> {
    if is_page(path) {
        return None;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    Some(match ext.as_str() {
        "pdf" => "a PDF, not a page: save it as text (.txt) to analyse it".into(),
        "doc" | "docx" | "odt" | "rtf" | "pages" => {
            format!("a word-processor document (.{ext}), not a page: save it as text (.txt) to analyse it")
        }
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "svg" | "bmp" | "tif" | "tiff" | "ico" | "avif" => {
            format!("a picture (.{ext}), not a page")
        }
        "csv" | "tsv" | "jsonl" | "ndjson" | "parquet" | "gz" | "zst" => format!(
            "a table (.{ext}) in a folder of pages: give the table as the input, or put it in a folder of tables"
        ),
        "" => "not a page: a folder without a manifest reads .txt and .html files".into(),
        _ => format!("not a page (.{ext}): a folder without a manifest reads .txt and .html files"),
    })
}

fn is_page(path: &Path) -> bool {
    crate::html::is_html_name(path)
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Whether a folder is the resources a browser saved beside a page ("Save Page As": the
/// scripts, styles, pictures and embedded frames of `story.html` in `story_files/`), whose
/// `.html` files are frames and advertisements, not articles.
fn saved_page_resources(dir: &Path) -> bool {
    let Some(stem) = dir
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix("_files"))
    else {
        return false;
    };
    ["html", "htm", "xhtml"]
        .iter()
        .any(|ext| dir.with_file_name(format!("{stem}.{ext}")).is_file())
}

/// Gathers the files of `dir` and its subfolders that `wanted` accepts, until there are
/// `limit`. Hidden entries (a name starting with `.`) are passed over, as is the folder of
/// resources a browser saves beside a page; a symbolic link to a folder is not followed, so a
/// link cannot make the walk go round in a circle.
pub(super) fn walk_where(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    depth: usize,
    wanted: &dyn Fn(&Path) -> bool,
    limit: usize,
) -> Result<(), CorpusError> {
    let entries = std::fs::read_dir(dir).map_err(|e| CorpusError::io(dir, e))?;
    for entry in entries {
        if files.len() >= limit {
            break;
        }
        let entry = entry.map_err(|e| CorpusError::io(dir, e))?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| CorpusError::io(&path, e))?;
        if kind.is_dir() {
            if depth < MAX_DEPTH && !saved_page_resources(&path) {
                walk_where(&path, files, depth + 1, wanted, limit)?;
            }
            continue;
        }
        if wanted(&path) && !path.is_dir() {
            files.push(path);
        }
    }
    Ok(())
}
