//! Every lexicon file kind slant reads: the native TOML, plain word lists, and three formats
//! of other tools, imported into the same model (LIWC `.dic`, quanteda YAML, Lexicoder `.lc3`).

use super::{native, Category, Entry, Lexicon, Problem};
use rustc_hash::FxHashMap;
use std::path::Path;

/// A lexicon file kind, known from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// slant's TOML (`.toml`).
    Native,
    /// One entry per line (`.txt`, `.lst`); `#` and `;` start comments.
    Plain,
    /// LIWC dictionary (`.dic`): category ids between `%` lines, then `entry<TAB>id...`.
    Liwc,
    /// quanteda dictionary (`.yml`, `.yaml`): nested keys over lists of entries.
    Yaml,
    /// Lexicoder dictionary (`.lc3`): `+category` lines, each followed by its entries.
    Lexicoder,
}

impl Format {
    /// The format of a file, from its extension.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "toml" => Format::Native,
            "txt" | "lst" => Format::Plain,
            "dic" => Format::Liwc,
            "yml" | "yaml" => Format::Yaml,
            "lc3" => Format::Lexicoder,
            _ => return None,
        })
    }
}

/// The extensions `--lexicon` accepts, for messages.
pub const EXTENSIONS: &str = ".toml, .txt, .dic, .yml/.yaml, .lc3";

/// Parses a lexicon file of any known kind. `path` gives the format (by extension), the name
/// of lexicons that have none in the file (the file name without extension), and the origin of
/// messages.
pub fn parse(path: &Path, src: &str) -> Result<(Lexicon, Vec<Problem>), Problem> {
    let origin = path.display().to_string();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let Some(format) = Format::of(path) else {
        return Err(Problem::error(
            &origin,
            0,
            format!("unknown lexicon format; use one of {EXTENSIONS}"),
        ));
    };
    let (mut lex, problems) = match format {
        Format::Native => return native::parse(src, &origin),
        Format::Plain => parse_plain(src, &origin),
        Format::Liwc => parse_liwc(src, &origin)?,
        Format::Yaml => parse_yaml(src, &origin)?,
        Format::Lexicoder => parse_lexicoder(src, &origin)?,
    };
    if lex.name.is_empty() {
        lex.name = stem;
    }
    Ok((lex, problems))
}

/// Lines of a file with their 1-based numbers, carriage returns removed.
fn numbered(src: &str) -> impl Iterator<Item = (usize, &str)> {
    src.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
}

/// Merges categories declared twice under one name (a LIWC id list naming a category twice, a
/// Lexicoder `+category` repeated) into the first, with a warning: the native
/// format has one table per category, so two of the same name would not parse once imported.
fn merge_categories(mut lex: Lexicon, mut problems: Vec<Problem>) -> (Lexicon, Vec<Problem>) {
    let mut first: FxHashMap<String, usize> = FxHashMap::default();
    let mut kept: Vec<Category> = Vec::with_capacity(lex.categories.len());
    for cat in std::mem::take(&mut lex.categories) {
        match first.get(&cat.name) {
            Some(&i) => {
                problems.push(Problem::warning(
                    &lex.origin,
                    cat.line,
                    format!(
                        "category `{}` is declared again (first at line {}); its entries are merged into it",
                        cat.name, kept[i].line
                    ),
                ));
                let into = &mut kept[i];
                into.entries.extend(cat.entries);
                into.exclude.extend(cat.exclude);
                if into.description.is_empty() {
                    into.description = cat.description;
                }
            }
            None => {
                first.insert(cat.name.clone(), kept.len());
                kept.push(cat);
            }
        }
    }
    lex.categories = kept;
    (lex, problems)
}

fn imported(origin: &str, what: &str) -> Lexicon {
    Lexicon {
        source: format!("imported from {what} `{origin}`"),
        origin: origin.to_string(),
        ..Lexicon::default()
    }
}

/// A plain word list: one entry per line, `#` or `;` comments, one category. The caller names
/// the lexicon and its category after the file.
pub fn parse_plain(src: &str, origin: &str) -> (Lexicon, Vec<Problem>) {
    let stem = Path::new(origin)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut cat = Category {
        name: stem.clone(),
        line: 1,
        ..Category::default()
    };
    for (n, line) in numbered(src) {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') || t.starts_with(';') {
            continue;
        }
        let t = t.split(" #").next().unwrap_or(t).trim();
        cat.entries.push(Entry::new(t, n));
    }
    let lex = Lexicon {
        name: stem,
        origin: origin.to_string(),
        categories: vec![cat],
        ..Lexicon::default()
    };
    (lex, Vec::new())
}

/// A LIWC `.dic` file.
pub fn parse_liwc(src: &str, origin: &str) -> Result<(Lexicon, Vec<Problem>), Problem> {
    let mut problems = Vec::new();
    let mut lines = numbered(src).filter(|(_, l)| !l.trim().is_empty());
    match lines.next() {
        Some((_, l)) if l.trim() == "%" => {}
        Some((n, _)) => {
            return Err(Problem::error(
                origin,
                n,
                "a LIWC dictionary starts with a `%` line, then `id<TAB>category` lines, then `%`",
            ))
        }
        None => return Err(Problem::error(origin, 0, "empty LIWC dictionary")),
    }
    let mut lex = imported(origin, "LIWC dictionary");
    let mut ids: Vec<(String, usize)> = Vec::new();
    let mut closed = false;
    for (n, l) in lines.by_ref() {
        let t = l.trim();
        if t == "%" {
            closed = true;
            break;
        }
        let mut parts = t.split_whitespace();
        let (Some(id), Some(name)) = (parts.next(), parts.next()) else {
            return Err(Problem::error(
                origin,
                n,
                format!("expected `id<TAB>category`, found `{t}`"),
            ));
        };
        let name = std::iter::once(name)
            .chain(parts)
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(&(_, c)) = ids.iter().find(|(i, _)| i == id) {
            let first: &Category = &lex.categories[c];
            problems.push(Problem::warning(
                origin,
                n,
                format!(
                    "category id `{id}` is declared again (first at line {}); entries tagged `{id}` go to `{}`",
                    first.line, first.name
                ),
            ));
        }
        ids.push((id.to_string(), lex.categories.len()));
        lex.categories.push(Category {
            name,
            line: n,
            ..Category::default()
        });
    }
    if !closed {
        return Err(Problem::error(
            origin,
            0,
            "the category list is never closed by a `%` line",
        ));
    }
    for (n, l) in lines {
        let fields: Vec<&str> = if l.contains('\t') {
            l.split('\t')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .collect()
        } else {
            l.split_whitespace().collect()
        };
        // The entry is every leading field up to the first category id (multi-word entries
        // are written with spaces when the file has no tabs).
        let split = if l.contains('\t') {
            1
        } else {
            fields
                .iter()
                .position(|f| f.chars().all(|c| c.is_ascii_digit()))
                .unwrap_or(fields.len())
                .max(1)
        };
        let entry = fields[..split.min(fields.len())].join(" ");
        for id in &fields[split.min(fields.len())..] {
            match ids.iter().find(|(i, _)| i == id) {
                Some(&(_, c)) => lex.categories[c].entries.push(Entry::new(&entry, n)),
                None => problems.push(Problem::warning(
                    origin,
                    n,
                    format!("`{entry}`: category reference `{id}` is not in the header; skipped"),
                )),
            }
        }
    }
    Ok(merge_categories(lex, problems))
}

/// A quanteda dictionary in YAML: nested mappings whose leaves are lists of entries (block
/// `- entry` lines or flow `[a, b]`). Nested keys become categories named `parent.child`, as
/// quanteda flattens them. Anchors, tags and multi-line scalars are not read.
pub fn parse_yaml(src: &str, origin: &str) -> Result<(Lexicon, Vec<Problem>), Problem> {
    let mut lex = imported(origin, "quanteda dictionary");
    // (indent, path) of the open keys.
    let mut stack: Vec<(usize, String)> = Vec::new();
    let add = |lex: &mut Lexicon, path: &str, text: &str, n: usize| {
        let i = match lex.categories.iter().position(|c| c.name == path) {
            Some(i) => i,
            None => {
                lex.categories.push(Category {
                    name: path.to_string(),
                    line: n,
                    ..Category::default()
                });
                lex.categories.len() - 1
            }
        };
        lex.categories[i].entries.push(Entry::new(text, n));
    };
    for (n, raw) in numbered(src) {
        let line = strip_yaml_comment(raw);
        let content = line.trim();
        if content.is_empty() || content == "---" || content == "..." {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if let Some(item) = content.strip_prefix('-') {
            if !(item.is_empty() || item.starts_with(' ')) {
                return Err(Problem::error(
                    origin,
                    n,
                    format!("expected `- entry`, found `{content}`"),
                ));
            }
            while stack.last().is_some_and(|(i, _)| *i > indent) {
                stack.pop();
            }
            let Some((_, path)) = stack.last() else {
                return Err(Problem::error(
                    origin,
                    n,
                    "a list item with no category key above it",
                ));
            };
            let path = path.clone();
            let item = item.trim();
            if item.starts_with('[') {
                for e in flow_list(item, origin, n)? {
                    add(&mut lex, &path, &e, n);
                }
            } else if !item.is_empty() {
                add(&mut lex, &path, &unquote(item), n);
            }
            continue;
        }
        let Some((key, value)) = split_key(content) else {
            return Err(Problem::error(
                origin,
                n,
                format!("expected `category:` or `- entry`, found `{content}`"),
            ));
        };
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        let key = unquote(key);
        let path = match stack.last() {
            Some((_, p)) => format!("{p}.{key}"),
            None => key,
        };
        let value = value.trim();
        if value.is_empty() {
            stack.push((indent, path));
        } else if value.starts_with('[') {
            for e in flow_list(value, origin, n)? {
                add(&mut lex, &path, &e, n);
            }
        } else if value.starts_with(['&', '*', '!', '|', '>']) {
            return Err(Problem::error(
                origin,
                n,
                format!("YAML anchors, tags and block scalars are not read; write the entries of `{path}` as a list"),
            ));
        } else {
            add(&mut lex, &path, &unquote(value), n);
        }
    }
    if lex.categories.is_empty() {
        return Err(Problem::error(
            origin,
            0,
            "no categories with entries in this YAML dictionary",
        ));
    }
    Ok((lex, Vec::new()))
}

/// The line without a `#` comment outside quotes.
fn strip_yaml_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && prev.is_whitespace() => return &line[..i],
            None => {}
        }
        prev = c;
    }
    line
}

/// `key: value` split at the first `:` outside quotes that ends the line or precedes a space.
fn split_key(content: &str) -> Option<(&str, &str)> {
    let mut quote: Option<char> = None;
    for (i, c) in content.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == ':' => {
                let rest = &content[i + 1..];
                if rest.is_empty() || rest.starts_with(' ') {
                    return Some((content[..i].trim(), rest));
                }
            }
            None => {}
        }
    }
    None
}

/// A scalar without its quotes.
fn unquote(s: &str) -> String {
    let s = s.trim();
    if s.len() >= 2 && (s.starts_with('"') && s.ends_with('"')) {
        s[1..s.len() - 1].replace("\\\"", "\"")
    } else if s.len() >= 2 && s.starts_with('\'') && s.ends_with('\'') {
        s[1..s.len() - 1].replace("''", "'")
    } else {
        s.to_string()
    }
}

/// The items of a one-line flow list `[a, "b c", d]`.
fn flow_list(s: &str, origin: &str, n: usize) -> Result<Vec<String>, Problem> {
    let Some(inner) = s
        .strip_prefix('[')
        .and_then(|r| r.trim_end().strip_suffix(']'))
    else {
        return Err(Problem::error(
            origin,
            n,
            "a `[` list must close with `]` on the same line",
        ));
    };
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in inner.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                cur.push(c);
            }
            Some(_) => cur.push(c),
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                cur.push(c);
            }
            None if c == ',' => out.push(unquote(&std::mem::take(&mut cur))),
            None => cur.push(c),
        }
    }
    out.push(unquote(&cur));
    out.retain(|e| !e.is_empty());
    Ok(out)
}

/// A Lexicoder `.lc3` dictionary.
pub fn parse_lexicoder(src: &str, origin: &str) -> Result<(Lexicon, Vec<Problem>), Problem> {
    let mut lex = imported(origin, "Lexicoder dictionary");
    for (n, l) in numbered(src) {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(name) = t.strip_prefix('+') {
            lex.categories.push(Category {
                name: name.trim().to_lowercase(),
                line: n,
                ..Category::default()
            });
        } else if let Some(c) = lex.categories.last_mut() {
            c.entries.push(Entry::new(t, n));
        } else {
            return Err(Problem::error(
                origin,
                n,
                "an entry before any `+category` line; Lexicoder files open with `+name`",
            ));
        }
    }
    if lex.categories.is_empty() {
        return Err(Problem::error(
            origin,
            0,
            "no `+category` lines in this Lexicoder file",
        ));
    }
    Ok(merge_categories(lex, Vec::new()))
}
