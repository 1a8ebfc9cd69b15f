//! `terms.csv` and `keyness.csv`.
//!
//! Both carry their sample sizes on every row (documents and tokens of the group, and of the
//! rest for keyness), so a notebook can recompute any rate or statistic from the file alone.
//! Every keyness row names the document and sentence where the group first uses the term.

use crate::charts::{
    diverging, small_multiples, unique_slugs, Bar, Diverging, Drawn, Panel, SmallMultiples, Topic,
};
use crate::error::ReportError;
use crate::table::{float, int, text, Cells, Col, Table};
use rayon::prelude::*;
use slant_metrics::keyness::{KeyRow, Naming};
use slant_metrics::terms::{per_1k, TermTable};
use std::path::Path;

/// The columns of `terms.csv`, in order.
pub const TERM_COLUMNS: [Col; 9] = [
    text("group"),
    text("term"),
    int("n"),
    int("count"),
    float("per_1k"),
    int("doc_freq"),
    int("docs"),
    int("tokens"),
    text("key"),
];

/// The columns of `keyness.csv`, in order.
pub const KEYNESS_COLUMNS: [Col; 23] = [
    text("group"),
    text("term"),
    int("count"),
    int("count_rest"),
    float("log_odds_z"),
    float("g2"),
    float("p_value"),
    int("n"),
    float("per_1k"),
    float("per_1k_rest"),
    int("doc_freq"),
    int("docs"),
    int("doc_freq_rest"),
    int("docs_rest"),
    int("tokens"),
    int("tokens_rest"),
    float("log_odds"),
    float("p_adjusted"),
    text("flag"),
    text("example_doc"),
    int("example_sentence"),
    int("rank"),
    text("key"),
];

/// The flag of a keyness row whose evidence comes from a single document: the group's when the
/// group over-uses the term, the rest's when it under-uses it.
pub const ONE_DOCUMENT: &str = "one_document";

/// The flag of a keyness row whose term is the group's own name
/// ([`slant_metrics::keyness::OwnName`]): "capital courier" for The Capital Courier, whose
/// bylines name it. The charts leave it out.
pub const OWN_NAME: &str = "own_name";

/// The flag of a keyness row whose term is another group's own name: the group under-uses
/// it because the other names itself. The "used less" side of the charts leaves it out.
pub const OTHER_NAME: &str = "other_name";

/// The flag of a keyness row: [`OWN_NAME`], [`OTHER_NAME`], [`ONE_DOCUMENT`] or empty, the
/// first that applies.
pub fn flag(r: &KeyRow<'_>) -> &'static str {
    match r.naming {
        Naming::Own => OWN_NAME,
        Naming::Other => OTHER_NAME,
        Naming::None if one_document(r) => ONE_DOCUMENT,
        Naming::None => "",
    }
}

/// Whether a row's evidence comes from a single document: the group's when the group
/// over-uses the term, the rest's when it under-uses it.
fn one_document(r: &KeyRow<'_>) -> bool {
    let spread = if r.z >= 0.0 {
        r.doc_freq
    } else {
        r.doc_freq_rest
    };
    spread <= 1
}

/// Writes `terms.csv`, one group at a time.
pub fn write_terms(path: &Path, table: &TermTable, min_count: u64) -> Result<(), ReportError> {
    let mut t = Table::create(path, &TERM_COLUMNS)?;
    let mut cells = Cells::default();
    let mut rows = Vec::new();
    for (group, _) in table.groups() {
        table.group_rows_into(group, min_count, &mut rows);
        for r in &rows {
            cells
                .clear()
                .text(r.group)
                .text(r.term)
                .int(r.n as u64)
                .int(r.stat.count)
                .fixed(r.per_1k, 3)
                .int(u64::from(r.stat.doc_freq))
                .int(u64::from(r.docs))
                .int(r.tokens)
                .text(r.key);
            t.row(cells.iter())?;
        }
    }
    t.finish()
}

/// Writes `keyness.csv` one group at a time, as keyness scores them.
pub struct KeynessTable(Table);

impl KeynessTable {
    /// A keyness table at `path`.
    pub fn create(path: &Path) -> Result<Self, ReportError> {
        Ok(KeynessTable(Table::create(path, &KEYNESS_COLUMNS)?))
    }

    /// Writes one group's rows (sorted by z, descending), after those written before;
    /// `doc_id` maps a document ordinal to its id, for the example columns.
    pub fn write_group<'d>(
        &mut self,
        rows: &[KeyRow<'_>],
        doc_id: &dyn Fn(u32) -> &'d str,
    ) -> Result<(), ReportError> {
        let mut cells = Cells::default();
        for (i, r) in rows.iter().enumerate() {
            cells
                .clear()
                .text(r.group)
                .text(r.term)
                .int(r.count)
                .int(r.count_rest)
                .fixed(r.z, 4)
                .fixed(r.g2, 4)
                .sci(r.p_value)
                .int(r.n as u64)
                .fixed(per_1k(r.count, r.tokens), 3)
                .fixed(per_1k(r.count_rest, r.tokens_rest), 3)
                .int(u64::from(r.doc_freq))
                .int(u64::from(r.docs))
                .int(u64::from(r.doc_freq_rest))
                .int(u64::from(r.docs_rest))
                .int(r.tokens)
                .int(r.tokens_rest)
                .fixed(r.log_odds, 4)
                .sci(r.p_adjusted)
                .text(flag(r));
            match r.first {
                Some(o) => cells.text(doc_id(o.doc)).int(u64::from(o.sentence) + 1),
                None => cells.text("").text(""),
            };
            cells.int(i as u64 + 1).text(r.key);
            self.0.row(cells.iter())?;
        }
        Ok(())
    }

    /// Finishes the file.
    pub fn finish(self) -> Result<(), ReportError> {
        self.0.finish()
    }
}

/// The rows of a group that its keyness charts of `top` terms draw, in the order given (z
/// descending): the first `top` distinct terms with z > 0 and the last `top` with z < 0 (a
/// term is passed over beside one that contains it, or is contained in it, with the same
/// counts), leaving out the group's own name, and other groups' names on the z < 0 side;
/// and the names left out that rank above the last term drawn on their side, which the
/// chart lists; a group with no such row keeps its first row,
/// which carries the group's sizes. The rest of the group's rows need not stay in memory.
pub fn chart_rows<'a>(rows: Vec<KeyRow<'a>>, top: usize) -> Vec<KeyRow<'a>> {
    let sides = Sides::of(&rows, top);
    let mut keep = vec![false; rows.len()];
    for i in sides.rows() {
        keep[i] = true;
    }
    if !keep.contains(&true) {
        if let Some(first) = keep.first_mut() {
            *first = true;
        }
    }
    rows.into_iter()
        .zip(keep)
        .filter_map(|(r, k)| k.then_some(r))
        .collect()
}

/// What a group's chart draws of its rows (sorted by z, descending), as row numbers.
struct Sides {
    /// The first `top` terms with z > 0, [`distinct`], none the group's own name.
    more: Vec<usize>,
    /// The last `top` terms with z < 0, [`distinct`], none a group's name.
    less: Vec<usize>,
    /// The group's own name, with z > 0, where it ranks above the last of `more` (all of
    /// them, when `more` has fewer than `top`): the chart lists them as left out.
    own: Vec<usize>,
    /// Other groups' names, with z < 0, where they rank below the last of `less`, likewise;
    /// the most under-used first.
    others: Vec<usize>,
}

impl Sides {
    fn of(rows: &[KeyRow<'_>], top: usize) -> Sides {
        let more = distinct(
            rows.iter()
                .enumerate()
                .filter(|(_, r)| r.z > 0.0 && r.naming != Naming::Own),
            top,
        );
        let less = distinct(
            rows.iter()
                .enumerate()
                .rev()
                .filter(|(_, r)| r.z < 0.0 && r.naming == Naming::None),
            top,
        );
        // Names rank above the last term drawn on their side, or anywhere on it when fewer
        // than `top` are drawn.
        let own_end = match more.last() {
            _ if top == 0 => 0,
            Some(&last) if more.len() == top => last,
            _ => rows.len(),
        };
        let others_start = match less.last() {
            _ if top == 0 => rows.len(),
            Some(&last) if less.len() == top => last + 1,
            _ => 0,
        };
        let own = (0..own_end)
            .filter(|&i| rows[i].naming == Naming::Own && rows[i].z > 0.0)
            .collect();
        let others = (others_start..rows.len())
            .rev()
            .filter(|&i| rows[i].naming == Naming::Other && rows[i].z < 0.0)
            .collect();
        Sides {
            more,
            less,
            own,
            others,
        }
    }

    /// Every row number the chart reads.
    fn rows(&self) -> impl Iterator<Item = usize> + '_ {
        self.more
            .iter()
            .chain(&self.less)
            .chain(&self.own)
            .chain(&self.others)
            .copied()
    }
}

/// The names a chart leaves out, for its note: “capital courier”, “courier” and “2024 the
/// capital”; past five, the first five and how many more.
fn left_out(rows: &[KeyRow<'_>], which: &[usize]) -> String {
    const SHOWN: usize = 5;
    let quoted: Vec<String> = which
        .iter()
        .take(SHOWN)
        .map(|&i| format!("“{}”", rows[i].term))
        .collect();
    match quoted.len() {
        n if which.len() > SHOWN => format!("{}, and {} more", quoted.join(", "), which.len() - n),
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// The numbers of the first `top` rows, leaving out a term that adds nothing to one already
/// chosen: one that contains it or is contained in it, word for word, with the same counts
/// ("phrase" beside "phrase word" when the two always occur together).
fn distinct<'r, 'a: 'r>(
    rows: impl Iterator<Item = (usize, &'r KeyRow<'a>)>,
    top: usize,
) -> Vec<usize> {
    let mut chosen: Vec<(usize, &KeyRow<'_>)> = Vec::new();
    for (i, r) in rows {
        if chosen.len() == top {
            break;
        }
        let redundant = chosen.iter().any(|(_, c)| {
            c.count == r.count
                && c.count_rest == r.count_rest
                && (contains_words(c.key, r.key) || contains_words(r.key, c.key))
        });
        if !redundant {
            chosen.push((i, r));
        }
    }
    chosen.into_iter().map(|(i, _)| i).collect()
}

/// Whether the words of `inner` occur in `outer` as a contiguous run.
fn contains_words(outer: &str, inner: &str) -> bool {
    let (o, i): (Vec<&str>, Vec<&str>) = (outer.split(' ').collect(), inner.split(' ').collect());
    i.len() <= o.len() && o.windows(i.len()).any(|w| w == i.as_slice())
}

/// What the groups are called in the plural: "outlets", "authors"; "groups" for groups by
/// several columns ("outlet × published month").
pub fn plural_by(by: &str) -> String {
    if by.contains('×') {
        "groups".to_string()
    } else {
        format!("{by}s")
    }
}

/// One group with its article: "an outlet", "a published month"; "a group" for groups by
/// several columns. (By the first letter: the columns slant groups by have no silent or
/// "you"-sounding initials.)
pub fn a_by(by: &str) -> String {
    if by.contains('×') {
        return "a group".to_string();
    }
    let vowel = by.chars().next().is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {by}", if vowel { "an" } else { "a" })
}

/// "1 document", "2,345 documents", "3 categories".
pub fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        return format!("1 {noun}");
    }
    let n = thousands(n);
    match noun.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'i', 'o', 'u']) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

/// An integer with thousands separators: "1,234,567".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Writes the keyness charts into `dir`: one diverging chart per group
/// (`keyness-<group>.svg/png`, the `top` terms each group uses most more and most less than the
/// rest) and one overview of every group's top terms (`keyness-overview.svg/png`). `by` names
/// what the groups are ("outlet"); `cut`, when some groups are left out of `rows`, says so under
/// the overview. Returns the chart stems written, in order.
pub fn write_keyness_charts(
    dir: &Path,
    rows: &[KeyRow<'_>],
    by: &str,
    top: usize,
    cut: Option<&str>,
) -> Result<Vec<Drawn>, ReportError> {
    let mut groups: Vec<&[KeyRow<'_>]> = Vec::new();
    let mut start = 0;
    for i in 1..=rows.len() {
        if i == rows.len() || rows[i].group != rows[start].group {
            groups.push(&rows[start..i]);
            start = i;
        }
    }
    let bar = |r: &KeyRow<'_>| Bar {
        label: r.term.to_string(),
        value: r.z,
        pale: one_document(r),
    };
    let footnotes = |pale: bool| {
        let mut f = vec![
            "Bars: weighted log-odds z-score with an informative Dirichlet prior (Monroe, Colaresi \
             and Quinn 2008), each group against all others pooled."
                .to_string(),
        ];
        if pale {
            f.push(
                "Pale bars: the evidence comes from a single document; read them as that \
                 document's wording rather than a habit of the group."
                    .to_string(),
            );
        }
        f
    };
    let stems = unique_slugs(groups.iter().map(|g| g[0].group));
    let mut written = Vec::new();
    let mut panels = Vec::new();
    let mut charts = Vec::new();
    let mut own_example: Option<&str> = None;
    for (g, stem) in groups.iter().zip(&stems) {
        let first = &g[0];
        let sides = Sides::of(g, top);
        let more: Vec<Bar> = sides.more.iter().map(|&i| bar(&g[i])).collect();
        let less: Vec<Bar> = sides.less.iter().map(|&i| bar(&g[i])).collect();
        own_example = own_example.or(sides.own.first().map(|&i| g[i].term));
        let pale = more.iter().chain(&less).any(|b| b.pale);
        let subtitle = format!(
            "{} · {} tokens in this {by}, against {} · {} tokens in all others",
            plural(u64::from(first.docs), "document"),
            thousands(first.tokens),
            plural(u64::from(first.docs_rest), "document"),
            thousands(first.tokens_rest),
        );
        let mut notes = footnotes(pale);
        if !sides.own.is_empty() {
            notes.push(format!(
                "Left out as {}'s own name (flagged own_name in keyness.csv): {}.",
                first.group,
                left_out(g, &sides.own)
            ));
        }
        if !sides.others.is_empty() {
            notes.push(format!(
                "Left out of “used less” as other {}' own names, which they use of \
                 themselves (flagged other_name): {}.",
                plural_by(by),
                left_out(g, &sides.others)
            ));
        }
        notes.push(if g.iter().any(|r| r.z.abs() >= 1.96) {
            "Dashed lines: |z| = 1.96, p < 0.05 for a single term.".to_string()
        } else {
            "No term reaches |z| = 1.96 (p < 0.05 for a single term): with this little text, \
             these differences could be chance."
                .to_string()
        });
        let chart = Diverging {
            title: format!("Distinctive terms: {}", first.group),
            subtitle,
            more_heading: "Used more than in the rest of the corpus".into(),
            less_heading: "Used less than in the rest of the corpus".into(),
            more: more.clone(),
            less,
            guide: Some(1.96),
            footnotes: notes,
        };
        let name = format!("keyness-{stem}");
        charts.push((dir.join(&name), chart));
        written.push(Drawn::new(
            name,
            Topic::Terms,
            format!(
                "Right: words {} uses more than the rest of the corpus; left: words it uses less. \
                 Bars past the dashed line are unlikely to be chance for a single term.",
                first.group
            ),
        ));
        panels.push(Panel {
            title: first.group.to_string(),
            subtitle: format!(
                "{} · {} tokens",
                plural(u64::from(first.docs), "document"),
                thousands(first.tokens)
            ),
            bars: more.into_iter().take(8).collect(),
        });
    }
    // The charts are independent files: drawn on all cores, the overview beside them.
    let overview = (!panels.is_empty()).then(|| {
        let pale = panels.iter().flat_map(|p| &p.bars).any(|b| b.pale);
        SmallMultiples {
            title: format!("Most distinctive terms of each {by}"),
            subtitle:
                "Terms each group uses more than all others pooled, by z-score (common scale)"
                    .to_string(),
            panels,
            footnotes: footnotes(pale)
                .into_iter()
                .chain(own_example.map(|t| {
                    format!(
                        "A term that is {}'s own name, such as “{t}”, is left out; \
                         keyness.csv flags it own_name.",
                        a_by(by)
                    )
                }))
                .chain(cut.map(str::to_string))
                .collect(),
        }
    });
    let (each, all) = rayon::join(
        || {
            charts
                .par_iter()
                .try_for_each(|(path, chart)| diverging(path, chart))
        },
        || {
            overview.as_ref().map_or(Ok(()), |c| {
                small_multiples(&dir.join("keyness-overview"), c)
            })
        },
    );
    each?;
    all?;
    if overview.is_some() {
        // The overview leads its section.
        written.insert(
            0,
            Drawn::new(
                "keyness-overview",
                Topic::Terms,
                format!(
                    "The words that set each {by} apart from all the others; a longer bar is a \
                     stronger difference, on one scale for every panel."
                ),
            ),
        );
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The charts drawn from the rows `chart_rows` keeps are the charts drawn from all rows,
    /// byte for byte, though it keeps a few rows of many, redundant phrases included.
    #[test]
    fn charts_need_only_the_rows_chart_rows_keeps() {
        use slant_corpus::segment::segment;
        use slant_metrics::keyness::{keyness, KeynessOptions};
        use slant_metrics::terms::{count_terms, TermOptions, TermTable};
        let opts = TermOptions::default();
        let mut table = TermTable::new(&opts);
        let words = [
            "grozny",
            "missile",
            "crash",
            "plane",
            "airline",
            "baku",
            "moscow",
            "kremlin",
            "apology",
            "compensation",
            "investigation",
            "report",
            "pilot",
            "defence",
            "state",
        ];
        for i in 0..24usize {
            // Each document leans on a few words, by its group; "state duma" always together.
            // Two groups print their names, so that their charts leave out their own names
            // and the others' "used less" sides leave them out too, and say so.
            let group = ["Kavkaz Herald", "Caspian Ledger", "C"][i % 3];
            let text: Vec<String> = (0..40)
                .map(|j| {
                    let w = words[(i * 7 + j * j + j * (i % 3)) % words.len()];
                    if (j + i) % 5 == 0 {
                        format!("{w} state duma.")
                    } else {
                        format!("{w} {}.", words[(j * (i % 3 + 2)) % words.len()])
                    }
                })
                .collect();
            let mut text = text.join(" ");
            if group != "C" {
                for verb in ["reports", "adds", "notes", "writes", "asks", "says"] {
                    text.push_str(&format!(" The {group} {verb}."));
                }
            } else if i == 2 {
                text.push_str(" The Kavkaz Herald said so.");
            }
            table.add(group, i as u32, count_terms(&text, &segment(&text), &opts));
        }
        let key_opts = KeynessOptions {
            min_count: 1,
            ..KeynessOptions::default()
        };
        let rows = keyness(&table, &key_opts);
        let top = 3;
        let mut kept = Vec::new();
        assert!(rows.iter().any(|r| r.naming == Naming::Own));
        assert!(rows.iter().any(|r| r.naming == Naming::Other && r.z < 0.0));
        // In the table's order of groups, as keyness gives them.
        for group in ["C", "Caspian Ledger", "Kavkaz Herald"] {
            let of_group: Vec<_> = rows.iter().filter(|r| r.group == group).cloned().collect();
            let len = of_group.len();
            let named = of_group.iter().filter(|r| r.naming != Naming::None).count();
            let chosen = chart_rows(of_group, top);
            assert!(
                chosen.len() <= 2 * top + named && len > 4 * top + named,
                "{group}: {len} rows"
            );
            kept.extend(chosen);
        }
        let (all, few) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let drawn = write_keyness_charts(all.path(), &rows, "outlet", top, None).unwrap();
        write_keyness_charts(few.path(), &kept, "outlet", top, None).unwrap();
        assert_eq!(drawn.len(), 4);
        let mut files: Vec<_> = std::fs::read_dir(all.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        files.sort();
        assert_eq!(files.len(), 8, "{files:?}");
        for name in files {
            let a = std::fs::read(all.path().join(&name)).unwrap();
            let b = std::fs::read(few.path().join(&name)).unwrap();
            assert!(a == b, "{name:?} differs");
        }
    }

    #[test]
    fn words_counts_and_plurals_read_as_written() {
        assert!(contains_words("state duma deputy", "state duma"));
        assert!(contains_words("state duma", "duma"));
        assert!(!contains_words("state duma", "dum"));
        assert!(!contains_words("duma", "state duma"));
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(999), "999");
        assert_eq!(plural(1, "document"), "1 document");
        assert_eq!(plural(2000, "document"), "2,000 documents");
        assert_eq!(plural(3, "category"), "3 categories");
        assert_eq!(plural(0, "key"), "0 keys");
        assert_eq!(a_by("outlet"), "an outlet");
        assert_eq!(a_by("author"), "an author");
        assert_eq!(a_by("published month"), "a published month");
        assert_eq!(a_by("outlet × author"), "a group");
        assert_eq!(plural_by("outlet × author"), "groups");
    }
}
