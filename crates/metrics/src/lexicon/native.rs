//! The native lexicon format: TOML that people edit by hand.
//!
//! ```toml
//! name = "loaded"
//! version = "1.0.0"
//! description = "Loaded language in news reporting"
//! source = "Written for slant from the categories of ..."
//! licence = "CC0-1.0"
//! exclude = ["crime scene"]          # never counts, for any category
//!
//! [categories.pejorative]
//! description = "Labels that disparage a person or group"
//! entries = """
//! thug*          # a trailing * makes the last word a prefix
//! puppet regime  # multi-word entries match words separated by spaces
//! """
//! case_sensitive = ["Nazi"]          # matched only with this capitalisation
//! exclude = ["regime change"]        # never counts for this category
//! ```
//!
//! `entries`, `case_sensitive` and `exclude` take either an array of strings or one multi-line
//! string with an entry per line, where `#` starts a comment. Every entry keeps its line, so
//! the linter and the matcher's warnings point at it.

use super::{Category, Entry, Lexicon, Problem};
use toml_edit::{Item, TableLike, Value};

/// Top-level keys of the format.
const TOP_KEYS: [&str; 8] = [
    "name",
    "version",
    "description",
    "source",
    "licence",
    "license",
    "exclude",
    "categories",
];

/// Keys of a category table.
const CATEGORY_KEYS: [&str; 4] = ["description", "entries", "case_sensitive", "exclude"];

/// 1-based line of a byte offset.
fn line_of(src: &str, at: usize) -> usize {
    src.as_bytes()[..at.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Parses a native lexicon. A syntax error or a missing `name` is fatal; everything else comes
/// back as problems beside a usable lexicon.
pub fn parse(src: &str, origin: &str) -> Result<(Lexicon, Vec<Problem>), Problem> {
    let doc = toml_edit::Document::parse(src).map_err(|e| {
        let line = e.span().map_or(0, |s| line_of(src, s.start));
        let message = e.message().trim().to_string();
        Problem::error(origin, line, format!("not valid TOML: {message}"))
    })?;
    let root = doc.as_table();
    let mut problems = Vec::new();
    let line_at = |item: &Item| item.span().map_or(0, |s| line_of(src, s.start));
    let key_line = |t: &dyn TableLike, k: &str| {
        t.key(k)
            .and_then(toml_edit::Key::span)
            .map_or(0, |s| line_of(src, s.start))
    };
    for (k, _) in root.iter() {
        if !TOP_KEYS.contains(&k) {
            problems.push(Problem::warning(
                origin,
                key_line(root, k),
                format!("unknown key `{k}` (known: {})", TOP_KEYS.join(", ")),
            ));
        }
    }
    let text = |k: &str, problems: &mut Vec<Problem>| -> String {
        match root.get(k) {
            None => String::new(),
            Some(item) => match item.as_str() {
                Some(s) => s.trim().to_string(),
                None => {
                    problems.push(Problem::error(
                        origin,
                        line_at(item),
                        format!("`{k}` must be a string"),
                    ));
                    String::new()
                }
            },
        }
    };
    let name = text("name", &mut problems);
    if name.is_empty() {
        return Err(Problem::error(
            origin,
            1,
            "no `name`: add a line like `name = \"loaded\"`; it names the lexicon in every report",
        ));
    }
    let mut lex = Lexicon {
        name,
        version: text("version", &mut problems),
        description: text("description", &mut problems),
        source: text("source", &mut problems),
        licence: if root.contains_key("licence") {
            text("licence", &mut problems)
        } else {
            text("license", &mut problems)
        },
        origin: origin.to_string(),
        categories: Vec::new(),
        exclude: Vec::new(),
    };
    for (k, advice) in [
        ("version", "so reports can say which version they used"),
        ("source", "say how the entries were chosen and from what"),
        ("licence", "say on what terms others may reuse it"),
    ] {
        let given = |k: &str| {
            root.get(k)
                .and_then(Item::as_str)
                .is_some_and(|v| !v.trim().is_empty())
        };
        if !(given(k) || k == "licence" && given("license")) {
            problems.push(Problem::warning(origin, 1, format!("no `{k}`: {advice}")));
        }
    }
    if let Some(item) = root.get("exclude") {
        lex.exclude = entries(src, origin, "exclude", item, false, &mut problems);
    }
    let Some(cats) = root.get("categories") else {
        problems.push(Problem::error(
            origin,
            1,
            "no categories: add a `[categories.<name>]` table with `entries`",
        ));
        return Ok((lex, problems));
    };
    let Some(cats) = cats.as_table_like() else {
        problems.push(Problem::error(
            origin,
            line_at(cats),
            "`categories` must be a table of tables: `[categories.<name>]`",
        ));
        return Ok((lex, problems));
    };
    for (cname, item) in cats.iter() {
        let line = key_line(cats, cname);
        let Some(t) = item.as_table_like() else {
            problems.push(Problem::error(
                origin,
                line,
                format!("category `{cname}` must be a table with `entries`"),
            ));
            continue;
        };
        for (k, _) in t.iter() {
            if !CATEGORY_KEYS.contains(&k) {
                problems.push(Problem::warning(
                    origin,
                    key_line(t, k),
                    format!(
                        "unknown key `{k}` in category `{cname}` (known: {})",
                        CATEGORY_KEYS.join(", ")
                    ),
                ));
            }
        }
        let mut cat = Category {
            name: cname.to_string(),
            line,
            ..Category::default()
        };
        if let Some(d) = t.get("description") {
            cat.description = d.as_str().unwrap_or_default().trim().to_string();
        }
        if let Some(e) = t.get("entries") {
            cat.entries = entries(src, origin, "entries", e, false, &mut problems);
        }
        if let Some(e) = t.get("case_sensitive") {
            cat.entries.extend(entries(
                src,
                origin,
                "case_sensitive",
                e,
                true,
                &mut problems,
            ));
        }
        if let Some(e) = t.get("exclude") {
            cat.exclude = entries(src, origin, "exclude", e, false, &mut problems);
        }
        lex.categories.push(cat);
    }
    Ok((lex, problems))
}

/// Entries of an `entries`-like key: an array of strings, or one string with an entry per line.
fn entries(
    src: &str,
    origin: &str,
    key: &str,
    item: &Item,
    case_sensitive: bool,
    problems: &mut Vec<Problem>,
) -> Vec<Entry> {
    let mut out = Vec::new();
    let line = |span: Option<std::ops::Range<usize>>| span.map_or(0, |s| line_of(src, s.start));
    let mut push = |text: &str, at: usize| {
        out.push(Entry {
            text: text.to_string(),
            line: at,
            case_sensitive,
        })
    };
    match item.as_value() {
        Some(Value::String(s)) => {
            let span = s.span();
            let first = line(span.clone());
            // A newline right after an opening `"""` is not part of the string.
            let skip = span.and_then(|r| src.get(r.start..)).is_some_and(|raw| {
                raw.starts_with("\"\"\"\n")
                    || raw.starts_with("'''\n")
                    || raw.starts_with("\"\"\"\r\n")
                    || raw.starts_with("'''\r\n")
            });
            for (i, l) in s.value().lines().enumerate() {
                let l = l.split('#').next().unwrap_or_default().trim();
                if !l.is_empty() {
                    push(l, first + i + usize::from(skip));
                }
            }
        }
        Some(Value::Array(a)) => {
            for v in a.iter() {
                match v.as_str() {
                    Some(s) => push(s, line(v.span())),
                    None => problems.push(Problem::error(
                        origin,
                        line(v.span()),
                        format!(
                            "`{key}` holds a {} where an entry (a string) belongs",
                            v.type_name()
                        ),
                    )),
                }
            }
        }
        _ => problems.push(Problem::error(
            origin,
            line(item.span()),
            format!("`{key}` must be an array of strings or a string with one entry per line"),
        )),
    }
    out
}

/// Writes a lexicon in the native format, entries one per line in multi-line strings.
pub fn to_toml(lex: &Lexicon) -> String {
    let mut s = String::new();
    s.push_str("# slant lexicon: see `slant lexicon check` for what each field means.\n");
    for (k, v) in [
        ("name", &lex.name),
        ("version", &lex.version),
        ("description", &lex.description),
        ("source", &lex.source),
        ("licence", &lex.licence),
    ] {
        s.push_str(&format!("{k} = {}\n", quote(v)));
    }
    if !lex.exclude.is_empty() {
        s.push_str(&format!("exclude = {}\n", block(&lex.exclude, false)));
    }
    for c in &lex.categories {
        s.push_str(&format!("\n[categories.{}]\n", key(&c.name)));
        if !c.description.is_empty() {
            s.push_str(&format!("description = {}\n", quote(&c.description)));
        }
        if c.entries.iter().any(|e| !e.case_sensitive) || c.entries.is_empty() {
            s.push_str(&format!("entries = {}\n", block(&c.entries, false)));
        }
        if c.entries.iter().any(|e| e.case_sensitive) {
            s.push_str(&format!("case_sensitive = {}\n", block(&c.entries, true)));
        }
        if !c.exclude.is_empty() {
            s.push_str(&format!("exclude = {}\n", block(&c.exclude, false)));
        }
    }
    s
}

/// A TOML basic string.
fn quote(v: &str) -> String {
    let mut out = String::from("\"");
    for c in v.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A bare key when it can be one, else a quoted key.
fn key(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        k.to_string()
    } else {
        quote(k)
    }
}

/// Entries of one case class: a multi-line string when every entry fits on a line without
/// `#`, quotes or backslashes, otherwise an array.
fn block(entries: &[Entry], case_sensitive: bool) -> String {
    let picked: Vec<&str> = entries
        .iter()
        .filter(|e| e.case_sensitive == case_sensitive)
        .map(|e| e.text.trim())
        .collect();
    let plain = picked
        .iter()
        .all(|e| !e.contains(['#', '"', '\\', '\n', '\r']) && !e.chars().any(char::is_control));
    if plain {
        let mut s = String::from("\"\"\"\n");
        for e in picked {
            s.push_str(e);
            s.push('\n');
        }
        s.push_str("\"\"\"");
        s
    } else {
        let items: Vec<String> = picked
            .iter()
            .map(|e| format!("  {},\n", quote(e)))
            .collect();
        format!("[\n{}]", items.concat())
    }
}
