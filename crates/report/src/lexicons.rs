//! Lexicon outputs: `lexicon_hits.csv` (every match with its sentence and context),
//! `lexicon_rates.csv` (per group, lexicon and category: hits, rate per 1,000 tokens and a
//! document-bootstrap 95% interval), `actor_loaded.csv` (loaded language in the sentences that
//! name each actor), the loaded-language columns of `summary.csv`, and their charts.

use crate::charts::{heatmap, intervals, Cell, Drawn, Heatmap, IntervalRow, Intervals, Topic};
use crate::error::ReportError;
use crate::numbers::fixed;
use crate::summary::{GroupSummary, Shown};
use crate::table::{flag, float, int, text, Cells, Col, Format, Table};
use crate::terms::{plural, thousands};
use slant_corpus::segment::{Segmented, Span, Token};
use slant_metrics::lexicon::actors::ActorCell;
use slant_metrics::lexicon::bootstrap::{Bootstrap, Observations, Part, Rate};
use slant_metrics::lexicon::matcher::Hit;
use slant_metrics::lexicon::suggest::category_key;
use slant_metrics::lexicon::Lexicon;
use slant_metrics::quotes::{Kind as QuoteKind, Quote};
use std::collections::BTreeMap;
use std::path::Path;

/// The bundled loaded-language lexicon's name: its total rate goes into `summary.csv`.
pub const LOADED: &str = "loaded";
/// The actor gazetteer's name.
pub const ACTORS: &str = "actors";

/// One hit, rendered while its document's text was at hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HitRow {
    /// The hit.
    pub hit: Hit,
    /// The matched text.
    pub matched: String,
    /// The sentence, or a window of it around the match when it is long.
    pub context: String,
    /// Whose words the hit is in ([`Quotations::voice`]).
    pub voice: Voice,
}

/// Whose words a lexicon hit is in: a quotation's (someone the text quotes), scare quotes'
/// (a term the text holds at arm's length), or the text's own, reported speech included,
/// which the writer paraphrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Voice {
    /// Outside every quotation.
    #[default]
    Own,
    /// Inside a direct quotation.
    Quoted,
    /// Inside scare quotes, and no direct quotation.
    Scare,
}

impl Voice {
    /// The `quoted` cell of `lexicon_hits.csv`: `direct`, `scare` or empty.
    pub fn cell(self) -> &'static str {
        match self {
            Voice::Own => "",
            Voice::Quoted => "direct",
            Voice::Scare => "scare",
        }
    }
}

/// A document's quotations, for telling whose words a hit is in: the direct quotations' and
/// scare quotes' pieces, by start, with the furthest end reached so far, so that a hit looks
/// back only over the pieces that can hold it.
#[derive(Debug, Clone, Default)]
pub struct Quotations {
    /// (start, end, direct), sorted.
    pieces: Vec<(usize, usize, bool)>,
    /// The furthest end among `pieces[..=i]`.
    reach: Vec<usize>,
}

impl Quotations {
    /// The quotations of a document (indirect ones, which are the writer's words, left out).
    pub fn new(quotes: &[Quote]) -> Quotations {
        let pieces: Vec<(usize, usize, bool)> = quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .flat_map(|q| {
                let direct = q.kind == QuoteKind::Direct;
                q.pieces.iter().map(move |p| (p.start, p.end, direct))
            })
            .collect();
        Quotations::of_pieces(pieces)
    }

    /// From (start, end, direct) pieces, in any order.
    fn of_pieces(mut pieces: Vec<(usize, usize, bool)>) -> Quotations {
        pieces.sort_unstable();
        let reach = pieces
            .iter()
            .scan(0, |far, &(_, end, _)| {
                *far = end.max(*far);
                Some(*far)
            })
            .collect();
        Quotations { pieces, reach }
    }

    /// How many of `tokens` (in text order) lie in the text that direct quotations cover: the
    /// words of the document that are its sources', not its own. Each stretch of direct
    /// quotation is looked up in the tokens by binary search, so a document costs its
    /// quotations, not its words.
    pub fn quoted_tokens(&self, tokens: &[Token]) -> usize {
        let mut count = 0;
        // The direct pieces' union, stretch by stretch (pieces are sorted by start).
        let mut stretch: Option<(usize, usize)> = None;
        let mut close = |(start, end): (usize, usize)| {
            let from = tokens.partition_point(|t| t.span.start < start);
            let to = tokens.partition_point(|t| t.span.end <= end);
            count += to.saturating_sub(from);
        };
        for &(start, end, direct) in &self.pieces {
            if !direct {
                continue;
            }
            stretch = match stretch {
                Some((s, e)) if start <= e => Some((s, e.max(end))),
                Some(done) => {
                    close(done);
                    Some((start, end))
                }
                None => Some((start, end)),
            };
        }
        if let Some(done) = stretch {
            close(done);
        }
        count
    }

    /// Whose words the text at `span` is in: a direct quotation's, when one holds it, else
    /// scare quotes', else the text's own.
    pub fn voice(&self, span: Span) -> Voice {
        let mut voice = Voice::Own;
        let before = self.pieces.partition_point(|p| p.0 <= span.start);
        for i in (0..before).rev() {
            if self.reach[i] < span.end {
                break;
            }
            let (_, end, direct) = self.pieces[i];
            if end >= span.end {
                if direct {
                    return Voice::Quoted;
                }
                voice = Voice::Scare;
            }
        }
        voice
    }
}

/// The longest context kept whole; longer sentences are cut around the match.
const CONTEXT_MAX: usize = 320;
/// Characters kept on each side of the match in a cut context.
const CONTEXT_SIDE: usize = 140;

/// The context of a span: its sentence, or when that is long, up to 140 characters either side
/// of the span cut at spaces and marked with "…".
pub fn context(text: &str, seg: &Segmented, sentence: u32, span: Span) -> String {
    let s = seg
        .sentences
        .get(sentence as usize)
        .copied()
        .unwrap_or(span);
    let sent = &text[s.start..s.end];
    if sent.len() <= CONTEXT_MAX {
        return one_line(sent);
    }
    let before = &text[s.start..span.start.max(s.start)];
    let after = &text[span.end.min(s.end)..s.end];
    let cut_before: String = {
        // The last CONTEXT_SIDE characters, found from the end: a hit deep in a sentence of
        // a megabyte costs no more than one near its start.
        let from = before
            .char_indices()
            .rev()
            .nth(CONTEXT_SIDE - 1)
            .map_or(0, |(i, _)| i);
        let tail = &before[from..];
        if from == 0 {
            tail.to_string()
        } else {
            let at = tail.find(' ').map_or(0, |i| i + 1);
            format!("…{}", &tail[at..])
        }
    };
    let cut_after: String = {
        let head: String = after.chars().take(CONTEXT_SIDE).collect();
        if head.len() == after.len() {
            head
        } else {
            let at = head.rfind(' ').unwrap_or(head.len());
            format!("{}…", &head[..at])
        }
    };
    one_line(&format!(
        "{cut_before}{}{cut_after}",
        &text[span.start..span.end]
    ))
}

/// White space runs (line breaks included) as single spaces.
pub(crate) fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    one_line_into(&mut out, s);
    out
}

/// [`one_line`], appended to `out`.
pub(crate) fn one_line_into(out: &mut String, s: &str) {
    // Most text is already one line: ASCII with single spaces between words.
    let b = s.as_bytes();
    let plain = b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && b.iter()
            .all(|&c| c == b' ' || (c.is_ascii() && !char::from(c).is_whitespace()))
        && !s.contains("  ");
    if plain {
        out.push_str(s);
        return;
    }
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// The columns of `lexicon_hits.csv`.
pub const HIT_COLUMNS: [Col; 13] = [
    text("doc_id"),
    text("outlet"),
    text("lexicon"),
    text("category"),
    text("entry"),
    text("matched"),
    int("sentence"),
    int("start"),
    int("end"),
    text("context"),
    text("group"),
    int("entry_line"),
    text("quoted"),
];

/// `lexicon_hits.csv`, written as documents are analysed: in input order, then position, so
/// no hit is held in memory longer than its document.
pub struct HitWriter {
    table: Table,
    cells: Cells,
}

impl HitWriter {
    /// Creates the table at `path`.
    pub fn create(path: &Path) -> Result<Self, ReportError> {
        Ok(HitWriter {
            table: Table::create(path, &HIT_COLUMNS)?,
            cells: Cells::default(),
        })
    }

    /// Writes one document's hits, sorted by position; `doc` is its (id, outlet, group).
    pub fn write_doc(
        &mut self,
        rows: &mut [HitRow],
        lexicons: &[Lexicon],
        (id, outlet, group): (&str, &str, &str),
    ) -> Result<(), ReportError> {
        rows.sort_by_key(|r| (r.hit.span.start, r.hit.lexicon, r.hit.span.end));
        for r in rows.iter() {
            let lex = &lexicons[r.hit.lexicon as usize];
            let cat = &lex.categories[r.hit.category as usize];
            let entry = &cat.entries[r.hit.entry as usize];
            self.cells
                .clear()
                .text(id)
                .text(outlet)
                .text(&lex.name)
                .text(&cat.name)
                .text(entry.text.trim())
                .text(&r.matched)
                .int(u64::from(r.hit.sentence) + 1)
                .int(r.hit.span.start as u64)
                .int(r.hit.span.end as u64)
                .text(&r.context)
                .text(group)
                .int(entry.line as u64)
                .text(r.voice.cell());
            self.table.row(self.cells.iter())?;
        }
        Ok(())
    }

    /// Finishes the file.
    pub fn finish(self) -> Result<(), ReportError> {
        self.table.finish()
    }
}

/// Where each lexicon's categories sit among the rate series.
#[derive(Debug, Clone)]
struct Layout {
    /// First series of each lexicon.
    offsets: Vec<u32>,
    /// Series count of the categories (the loaded total comes after).
    categories: u32,
    loaded: Option<u16>,
    actors: Option<u16>,
}

/// Observations gathered per group while documents stream past.
#[derive(Debug, Clone, Default)]
struct GroupObs {
    docs: Observations,
    actor_docs: Observations,
    /// Documents with at least one hit, per series.
    doc_freq: Vec<u64>,
    /// Documents that name each actor.
    actor_doc_freq: Vec<u64>,
    /// Sentences that name each actor.
    actor_sentences: Vec<u64>,
    /// Loaded entries near each actor: (actor, category, entry) -> hits.
    actor_entries: BTreeMap<(u16, u16, u32), u64>,
    /// Hits of the loaded lexicon inside direct quotations.
    loaded_quoted: u64,
    /// Of the loaded hits in sentences that name each actor, those inside direct quotations.
    actor_quoted: Vec<u64>,
}

/// Per-group tallies of lexicon hits.
#[derive(Debug, Clone)]
pub struct Tally {
    layout: Layout,
    groups: BTreeMap<String, GroupObs>,
}

impl Tally {
    /// A tally for these lexicons.
    pub fn new(lexicons: &[Lexicon]) -> Self {
        let mut offsets = Vec::new();
        let mut n = 0u32;
        for l in lexicons {
            offsets.push(n);
            n += l.categories.len() as u32;
        }
        let find = |name: &str| {
            lexicons
                .iter()
                .position(|l| l.name == name)
                .and_then(|i| u16::try_from(i).ok())
        };
        Tally {
            layout: Layout {
                offsets,
                categories: n,
                loaded: find(LOADED),
                actors: find(ACTORS),
            },
            groups: BTreeMap::new(),
        }
    }

    /// Index of the loaded-language lexicon, if one is loaded.
    pub fn loaded(&self) -> Option<u16> {
        self.layout.loaded
    }

    /// Index of the actor gazetteer, if one is loaded.
    pub fn actors(&self) -> Option<u16> {
        self.layout.actors
    }

    /// The rate series: each lexicon's categories, then, with a loaded lexicon, its total
    /// and its total in the text's own voice ([`Tally::own_series`]).
    fn series(&self) -> usize {
        self.layout.categories as usize + 2 * usize::from(self.layout.loaded.is_some())
    }

    /// The series of loaded hits outside direct quotations, over the tokens outside them: the
    /// one series with its own denominator.
    fn own_series(&self) -> Option<u32> {
        self.layout.loaded.map(|_| self.layout.categories + 1)
    }

    /// Adds one analysed document: its tokens (all, and those inside direct quotations), its
    /// hits (in the order its actor cells number them) and actor cells.
    pub fn add(
        &mut self,
        group: &str,
        (tokens, quoted_tokens): (u64, u64),
        hits: &[HitRow],
        cells: &[ActorCell],
    ) {
        let n = self.series();
        let own_series = self.own_series();
        let Tally { layout, groups } = self;
        let g = groups.entry(group.to_string()).or_default();
        if g.doc_freq.is_empty() {
            g.doc_freq = vec![0; n];
        }
        // A hit of the loaded lexicon inside a direct quotation: a source's word.
        let quoted = |r: &HitRow| Some(r.hit.lexicon) == layout.loaded && r.voice == Voice::Quoted;
        let mut counts: BTreeMap<u32, u64> = BTreeMap::new();
        for r in hits {
            let h = &r.hit;
            let s = layout.offsets[h.lexicon as usize] + u32::from(h.category);
            *counts.entry(s).or_default() += 1;
            if Some(h.lexicon) == layout.loaded {
                *counts.entry(layout.categories).or_default() += 1;
            }
        }
        let in_quotes = hits.iter().filter(|r| quoted(r)).count() as u64;
        g.loaded_quoted += in_quotes;
        // The own voice's cell is there whenever the document has tokens outside quotations:
        // it carries the denominator too.
        let own_cell = own_series.and_then(|own| {
            let loaded = counts.get(&layout.categories).copied().unwrap_or(0);
            let outside = tokens.saturating_sub(quoted_tokens);
            let hits = loaded.saturating_sub(in_quotes);
            (outside > 0 || hits > 0).then_some((own, hits, outside))
        });
        let with_hits = counts
            .keys()
            .copied()
            .chain(own_cell.filter(|c| c.1 > 0).map(|c| c.0));
        for s in with_hits {
            g.doc_freq[s as usize] += 1;
        }
        g.docs.push(
            tokens,
            counts.into_iter().map(|(s, h)| (s, h, 0)).chain(own_cell),
        );
        let mut actor_cells = Vec::new();
        for c in cells {
            let a = usize::from(c.actor);
            if g.actor_doc_freq.len() <= a {
                g.actor_doc_freq.resize(a + 1, 0);
                g.actor_sentences.resize(a + 1, 0);
            }
            if g.actor_quoted.len() <= a {
                g.actor_quoted.resize(a + 1, 0);
            }
            g.actor_doc_freq[a] += 1;
            g.actor_sentences[a] += u64::from(c.sentences);
            actor_cells.push((
                u32::from(c.actor),
                c.loaded.len() as u64,
                u64::from(c.tokens),
            ));
            for &i in &c.loaded {
                if let Some(r) = hits.get(i as usize) {
                    *g.actor_entries
                        .entry((c.actor, r.hit.category, r.hit.entry))
                        .or_default() += 1;
                    g.actor_quoted[a] += u64::from(quoted(r));
                }
            }
        }
        g.actor_docs.push(tokens, actor_cells);
    }

    /// Rates with intervals, per group, lexicon and category; the loaded total per group; and
    /// actor-directed loaded language.
    pub fn finish(
        &self,
        lexicons: &[Lexicon],
        summaries: &[GroupSummary],
        boot: &Bootstrap,
        min_docs: u64,
    ) -> Rates {
        let mut out = Rates::default();
        let n = self.series();
        let none = GroupObs::default();
        let actor_names: Vec<String> = self
            .layout
            .actors
            .map(|a| {
                lexicons[a as usize]
                    .categories
                    .iter()
                    .map(|c| c.name.clone())
                    .collect()
            })
            .unwrap_or_default();
        // Every group's intervals are resampled in parallel first.
        let mut lexicon_series = vec![false; n];
        let own_series = self.own_series();
        if let Some(own) = own_series {
            lexicon_series[own as usize] = true;
        }
        let actor_series = vec![true; actor_names.len()];
        let obs: Vec<&GroupObs> = summaries
            .iter()
            .map(|s| self.groups.get(&s.group).unwrap_or(&none))
            .collect();
        // A group's lexicon series and actor series observe the same documents: one
        // resample serves both.
        let jobs: Vec<(&str, Vec<Part<'_>>)> = summaries
            .iter()
            .zip(&obs)
            .map(|(s, g)| {
                let mut parts: Vec<Part<'_>> = vec![(&g.docs, &lexicon_series[..])];
                if self.layout.actors.is_some() {
                    parts.push((&g.actor_docs, &actor_series[..]));
                }
                (s.group.as_str(), parts)
            })
            .collect();
        let (lexicon_rates, actor_rates): (Vec<Vec<Rate>>, Vec<Vec<Rate>>) = boot
            .rates_many(&jobs)
            .into_iter()
            .map(|parts| {
                let mut parts = parts.into_iter();
                (
                    parts.next().unwrap_or_default(),
                    parts.next().unwrap_or_default(),
                )
            })
            .unzip();
        for (i, (s, g)) in summaries.iter().zip(&obs).enumerate() {
            let small = s.documents < min_docs;
            let rates = &lexicon_rates[i];
            for (li, lex) in lexicons.iter().enumerate() {
                for (ci, cat) in lex.categories.iter().enumerate() {
                    let k = self.layout.offsets[li] as usize + ci;
                    let rate = rates.get(k).copied().unwrap_or(Rate {
                        hits: 0,
                        tokens: s.tokens,
                        per_1k: 0.0,
                        ci: None,
                    });
                    out.rows.push(RateRow {
                        group: s.group.clone(),
                        lexicon: lex.name.clone(),
                        category: cat.name.clone(),
                        rate,
                        documents: s.documents,
                        doc_freq: g.doc_freq.get(k).copied().unwrap_or(0),
                        small,
                    });
                }
            }
            if self.layout.loaded.is_some() {
                if let Some(r) = rates.get(self.layout.categories as usize) {
                    out.loaded.insert(s.group.clone(), *r);
                    out.loaded_quoted.insert(s.group.clone(), g.loaded_quoted);
                }
                if let Some(r) = own_series.and_then(|own| rates.get(own as usize)) {
                    out.loaded_own.insert(s.group.clone(), *r);
                }
            }
            if let Some(rates) = actor_rates.get(i) {
                for (a, name) in actor_names.iter().enumerate() {
                    let Some(rate) = rates.get(a).copied() else {
                        continue;
                    };
                    let mut top: Vec<(&(u16, u16, u32), &u64)> = g
                        .actor_entries
                        .iter()
                        .filter(|(k, _)| usize::from(k.0) == a)
                        .collect();
                    top.sort_by(|x, y| y.1.cmp(x.1).then(x.0.cmp(y.0)));
                    let loaded = self.layout.loaded.map(|l| &lexicons[l as usize]);
                    let top: Vec<String> = top
                        .iter()
                        .take(5)
                        .filter_map(|((_, c, e), n)| {
                            let entry = &loaded?
                                .categories
                                .get(*c as usize)?
                                .entries
                                .get(*e as usize)?
                                .text;
                            Some(format!("{} {n}", entry.trim()))
                        })
                        .collect();
                    out.actors.push(ActorRow {
                        group: s.group.clone(),
                        actor: name.clone(),
                        sentences: g.actor_sentences.get(a).copied().unwrap_or(0),
                        rate,
                        documents: g.actor_doc_freq.get(a).copied().unwrap_or(0),
                        quoted: g.actor_quoted.get(a).copied().unwrap_or(0),
                        group_documents: s.documents,
                        top: top.join("; "),
                        small,
                    });
                }
            }
        }
        out
    }
}

/// Every rate of a run.
#[derive(Debug, Clone, Default)]
pub struct Rates {
    /// Group × lexicon × category.
    pub rows: Vec<RateRow>,
    /// Loaded-language total per group.
    pub loaded: BTreeMap<String, Rate>,
    /// Loaded-language hits inside direct quotations, per group.
    pub loaded_quoted: BTreeMap<String, u64>,
    /// Loaded language in the group's own voice: its hits outside direct quotations per
    /// 1,000 of its tokens outside them.
    pub loaded_own: BTreeMap<String, Rate>,
    /// Group × actor.
    pub actors: Vec<ActorRow>,
}

/// One row of `lexicon_rates.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct RateRow {
    /// The group.
    pub group: String,
    /// Lexicon name.
    pub lexicon: String,
    /// Category name.
    pub category: String,
    /// Hits, tokens, rate and interval.
    pub rate: Rate,
    /// Documents of the group.
    pub documents: u64,
    /// Documents with at least one hit.
    pub doc_freq: u64,
    /// Fewer documents than `--min-docs`.
    pub small: bool,
}

/// One row of `actor_loaded.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRow {
    /// The group.
    pub group: String,
    /// The actor (a category of the actors lexicon).
    pub actor: String,
    /// Sentences naming the actor.
    pub sentences: u64,
    /// Loaded hits in those sentences over their tokens.
    pub rate: Rate,
    /// Documents that name the actor.
    pub documents: u64,
    /// The loaded hits in those sentences that are inside direct quotations.
    pub quoted: u64,
    /// Documents of the group.
    pub group_documents: u64,
    /// The commonest loaded entries in those sentences.
    pub top: String,
    /// Fewer documents than `--min-docs`.
    pub small: bool,
}

fn ci_cells(ci: Option<(f64, f64)>) -> (String, String) {
    match ci {
        Some((lo, hi)) => (fixed(lo, 3), fixed(hi, 3)),
        None => (String::new(), String::new()),
    }
}

/// The columns of `lexicon_rates.csv`.
pub const RATE_COLUMNS: [Col; 11] = [
    text("group"),
    text("lexicon"),
    text("category"),
    int("hits"),
    float("per_1k"),
    float("ci_low"),
    float("ci_high"),
    int("tokens"),
    int("documents"),
    int("doc_freq"),
    flag("small_group"),
];

/// Writes `lexicon_rates.csv`: group, then lexicon and category in load and file order.
pub fn write_rates(path: &Path, rows: &[RateRow]) -> Result<(), ReportError> {
    let mut t = Table::create(path, &RATE_COLUMNS)?;
    for r in rows {
        let (lo, hi) = ci_cells(r.rate.ci);
        t.row([
            r.group.as_str(),
            &r.lexicon,
            &r.category,
            &r.rate.hits.to_string(),
            &fixed(r.rate.per_1k, 3),
            &lo,
            &hi,
            &r.rate.tokens.to_string(),
            &r.documents.to_string(),
            &r.doc_freq.to_string(),
            if r.small { "true" } else { "false" },
        ])?;
    }
    t.finish()
}

/// The columns of `actor_loaded.csv`.
pub const ACTOR_COLUMNS: [Col; 12] = [
    text("group"),
    text("actor"),
    int("sentences"),
    int("loaded_hits"),
    int("tokens"),
    float("per_1k"),
    float("ci_low"),
    float("ci_high"),
    int("documents"),
    text("top_entries"),
    flag("small_group"),
    int("loaded_quoted"),
];

/// Writes `actor_loaded.csv`.
pub fn write_actor_rates(path: &Path, rows: &[ActorRow]) -> Result<(), ReportError> {
    let mut t = Table::create(path, &ACTOR_COLUMNS)?;
    for r in rows {
        let (lo, hi) = ci_cells(r.rate.ci);
        // An actor never named has no rate, not a rate of zero.
        let rate = if r.rate.tokens == 0 {
            String::new()
        } else {
            fixed(r.rate.per_1k, 3)
        };
        t.row([
            r.group.as_str(),
            &r.actor,
            &r.sentences.to_string(),
            &r.rate.hits.to_string(),
            &r.rate.tokens.to_string(),
            &rate,
            &lo,
            &hi,
            &r.documents.to_string(),
            &r.top,
            if r.small { "true" } else { "false" },
            &r.quoted.to_string(),
        ])?;
    }
    t.finish()
}

fn group_label(s: &GroupSummary) -> String {
    format!("{} (n={})", s.group, plural(s.documents, "doc"))
}

/// The actors of `rows` that no sentence names, and how many actors there are, when that is
/// half of them or more: the sign of an actors lexicon written for another story.
pub fn mostly_unnamed(rows: &[ActorRow]) -> Option<(Vec<&str>, usize)> {
    let mut actors: Vec<(&str, bool)> = Vec::new();
    for r in rows {
        match actors.iter_mut().find(|(a, _)| *a == r.actor) {
            Some((_, named)) => *named |= r.sentences > 0,
            None => actors.push((&r.actor, r.sentences > 0)),
        }
    }
    let unnamed: Vec<&str> = actors
        .iter()
        .filter(|(_, named)| !named)
        .map(|(a, _)| *a)
        .collect();
    (!actors.is_empty() && 2 * unnamed.len() >= actors.len()).then_some((unnamed, actors.len()))
}

/// How the actor chart heads an actor's column: the actor's name as its first entry writes
/// it, where the category is named after that entry (`russia` is "Russia", `donald_trump`
/// "Donald Trump"); else the category's name with a capital ("West").
fn actor_label(lexicons: &[Lexicon], actor: &str) -> String {
    let first = lexicons
        .iter()
        .filter(|l| l.name == "actors")
        .flat_map(|l| &l.categories)
        .find(|c| c.name == actor)
        .and_then(|c| c.entries.first());
    match first {
        Some(e) if category_key(&e.text) == actor => e.text.clone(),
        _ => {
            let mut c = actor.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    }
}

/// Charts of the lexicon rates: loaded language per group with intervals, one category × group
/// heat map per lexicon (actors aside), and actor-directed loaded language.
pub fn write_charts(
    dir: &Path,
    rates: &Rates,
    shown: &Shown,
    lexicons: &[Lexicon],
    by: &str,
    min_docs: u64,
    format: Format,
) -> Result<Vec<Drawn>, ReportError> {
    let hits_file = format.file("lexicon_hits");
    let summaries = &shown.rows;
    let mut drawn = Vec::new();
    let small_note = format!(
        "Pale: fewer than {min_docs} documents, too few to compare; no interval with one document."
    );
    // A row per group shown with a rate in `of`, and the rate in `also` to compare it with.
    let rate_rows = |of: &BTreeMap<String, Rate>, also: Option<&BTreeMap<String, Rate>>| {
        summaries
            .iter()
            .filter_map(|s| {
                let r = of.get(&s.group)?;
                let note = match r.ci {
                    Some((lo, hi)) => format!("{:.1}  [{:.1}–{:.1}]", r.per_1k, lo, hi),
                    None => format!("{:.1}  (no interval)", r.per_1k),
                };
                Some(IntervalRow {
                    label: group_label(s),
                    value: r.per_1k,
                    ci: r.ci,
                    note,
                    pale: s.documents < min_docs,
                    also: also.and_then(|a| Some(a.get(&s.group)?.per_1k)),
                })
            })
            .collect::<Vec<_>>()
    };
    if !rates.loaded.is_empty() {
        let rows = rate_rows(&rates.loaded, None);
        intervals(
            &dir.join("loaded-rate"),
            &Intervals {
                title: format!("Loaded language by {by}"),
                subtitle: "Hits of the `loaded` lexicon per 1,000 tokens, with 95% bootstrap intervals over documents".into(),
                rows,
                footnotes: shown.footnotes(by, format, [
                    small_note.clone(),
                    format!("Every hit is listed with its sentence in {hits_file}."),
                ]),
            },
        )?;
        drawn.push(Drawn::new(
            "loaded-rate",
            Topic::Loaded,
            "A dot is the rate of loaded words; its whisker the range that resampling the \
             documents gives. Groups whose whiskers do not overlap differ beyond chance.",
        ));
    }
    // The same rate without the sources' words, once some group quotes anyone.
    if !rates.loaded_own.is_empty() && summaries.iter().any(|s| s.quoted_tokens > 0) {
        let rows = rate_rows(&rates.loaded_own, Some(&rates.loaded));
        intervals(
            &dir.join("loaded-own-rate"),
            &Intervals {
                title: format!("Loaded language in each {by}'s own words"),
                subtitle: "Hits of the `loaded` lexicon outside direct quotations, per 1,000 \
                           tokens outside them, with 95% bootstrap intervals over documents"
                    .into(),
                rows,
                footnotes: shown.footnotes(
                    by,
                    format,
                    [
                        small_note.clone(),
                        "Hollow square: the rate with the quotations, as in the chart above."
                            .to_string(),
                        format!(
                            "A source's words inside a direct quotation are left out; scare \
                             quotes and reported speech count as the {by}'s own. Each hit's \
                             `quoted` cell in {hits_file} says which it is."
                        ),
                    ],
                ),
            },
        )?;
        drawn.push(Drawn::new(
            "loaded-own-rate",
            Topic::Loaded,
            format!(
                "The rate above without the words in direct quotations: what each {by} says in \
                 its own voice. Far lower here than above means quoting loaded words rather \
                 than using them."
            ),
        ));
    }
    // (group, lexicon, category) -> row, and hits per (lexicon, category) over all groups.
    let mut by_cell: BTreeMap<(&str, &str, &str), &RateRow> = BTreeMap::new();
    let mut cat_hits: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    for r in &rates.rows {
        by_cell.insert((&r.group, &r.lexicon, &r.category), r);
        *cat_hits.entry((&r.lexicon, &r.category)).or_default() += r.rate.hits;
    }
    for lex in lexicons.iter().filter(|l| l.name != ACTORS) {
        let mut cats: Vec<(usize, u64)> = lex
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let hits = cat_hits.get(&(lex.name.as_str(), c.name.as_str()));
                (i, hits.copied().unwrap_or(0))
            })
            .collect();
        let mut footnotes =
            vec!["Darker: more hits per 1,000 tokens; small print: hits.".to_string()];
        if cats.len() > 10 {
            cats.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            footnotes.push(format!(
                "The 10 categories with most hits of {}; all are in {}.",
                cats.len(),
                format.file("lexicon_rates")
            ));
            cats.truncate(10);
            cats.sort_by_key(|c| c.0);
        }
        let columns: Vec<String> = cats
            .iter()
            .map(|(i, _)| lex.categories[*i].name.clone())
            .collect();
        let rows = summaries
            .iter()
            .map(|s| {
                let cells = columns
                    .iter()
                    .map(|c| {
                        let r = by_cell.get(&(s.group.as_str(), lex.name.as_str(), c.as_str()));
                        match r {
                            Some(r) => Cell {
                                value: Some(r.rate.per_1k),
                                text: format!("{:.1}", r.rate.per_1k),
                                detail: plural(r.rate.hits, "hit"),
                            },
                            None => Cell {
                                value: None,
                                text: "–".into(),
                                detail: String::new(),
                            },
                        }
                    })
                    .collect();
                (group_label(s), cells)
            })
            .collect();
        let stem = format!("lexicon-{}", crate::charts::slug(&lex.name));
        heatmap(
            &dir.join(&stem),
            &Heatmap {
                title: format!("`{}` by category and {by}", lex.name),
                subtitle: "Hits per 1,000 tokens".into(),
                columns,
                rows,
                footnotes: shown.footnotes(by, format, footnotes),
            },
        )?;
        drawn.push(Drawn::new(
            stem,
            Topic::Loaded,
            format!(
                "Darker cells: more `{}` words of that kind per 1,000 tokens. Read across for {}'s \
                 profile, down to compare.",
                lex.name,
                crate::terms::a_by(by)
            ),
        ));
    }
    if !rates.actors.is_empty() && rates.loaded.values().any(|r| r.hits > 0) {
        let actors: Vec<String> = {
            let mut seen: Vec<String> = Vec::new();
            for r in &rates.actors {
                if !seen.contains(&r.actor) {
                    seen.push(r.actor.clone());
                }
            }
            // Keep actors named somewhere.
            seen.retain(|a| {
                rates
                    .actors
                    .iter()
                    .any(|r| &r.actor == a && r.rate.tokens > 0)
            });
            seen
        };
        let rows = summaries
            .iter()
            .map(|s| {
                let cells = actors
                    .iter()
                    .map(|a| {
                        let r = rates
                            .actors
                            .iter()
                            .find(|r| r.group == s.group && &r.actor == a);
                        match r {
                            Some(r) if r.rate.tokens > 0 => Cell {
                                value: Some(r.rate.per_1k),
                                text: format!("{:.1}", r.rate.per_1k),
                                detail: format!(
                                    "{} / {} tok.",
                                    plural(r.rate.hits, "hit"),
                                    thousands(r.rate.tokens)
                                ),
                            },
                            _ => Cell {
                                value: None,
                                text: "not named".into(),
                                detail: String::new(),
                            },
                        }
                    })
                    .collect();
                (group_label(s), cells)
            })
            .collect();
        heatmap(
            &dir.join("actor-loaded"),
            &Heatmap {
                title: format!("Where each {by}'s loaded language falls"),
                subtitle:
                    "Loaded-language hits per 1,000 tokens in the sentences that name each actor"
                        .into(),
                columns: actors.iter().map(|a| actor_label(lexicons, a)).collect(),
                rows,
                footnotes: shown.footnotes(by, format, [
                    "A sentence naming two actors counts for both. Grey: the actor is never named."
                        .to_string(),
                    format!(
                        "Actors come from the `actors` lexicon; the sentences are in {hits_file}."
                    ),
                ]),
            },
        )?;
        drawn.push(Drawn::new(
            "actor-loaded",
            Topic::Loaded,
            format!(
                "At whom each {by}'s loaded words are aimed: darker cells, more loaded words in \
                 the sentences that name the actor."
            ),
        ));
    }
    Ok(drawn)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Looking back only as far as the pieces reach gives what checking every piece gives.
        #[test]
        fn a_hits_voice_is_that_of_every_piece_that_holds_it(
            pieces in proptest::collection::vec((0usize..60, 0usize..30, proptest::bool::ANY), 0..12),
            start in 0usize..80,
            len in 0usize..20,
        ) {
            let pieces: Vec<(usize, usize, bool)> =
                pieces.into_iter().map(|(s, l, d)| (s, s + l, d)).collect();
            let span = Span { start, end: start + len };
            let holding: Vec<bool> = pieces
                .iter()
                .filter(|p| p.0 <= span.start && span.end <= p.1)
                .map(|p| p.2)
                .collect();
            let want = if holding.contains(&true) {
                Voice::Quoted
            } else if holding.is_empty() {
                Voice::Own
            } else {
                Voice::Scare
            };
            let quotations = Quotations::of_pieces(pieces.clone());
            proptest::prop_assert_eq!(quotations.voice(span), want);
            // Words laid end to end from `start`, `len` bytes each (at least one): those whose
            // every byte direct quotations cover are the quoted tokens.
            let width = len.max(1);
            let tokens: Vec<Token> = (0..12)
                .map(|i| Token {
                    span: Span { start: start + i * (width + 1), end: start + i * (width + 1) + width },
                    sentence: 0,
                })
                .collect();
            let mut covered = [false; 512];
            for &(from, to, direct) in &pieces {
                if direct {
                    covered[from..to].iter_mut().for_each(|c| *c = true);
                }
            }
            let inside = tokens
                .iter()
                .filter(|t| covered[t.span.start..t.span.end].iter().all(|&c| c))
                .count();
            proptest::prop_assert_eq!(quotations.quoted_tokens(&tokens), inside);
        }
    }

    /// A word is someone else's inside a direct quotation, scare-quoted inside scare quotes
    /// (a direct quotation winning where one holds the other), and the writer's own elsewhere,
    /// reported speech included.
    #[test]
    fn a_hit_is_quoted_scare_quoted_or_the_writers_own() {
        use slant_metrics::quotes::{extract, Lists};
        let text = "Critics said the plan was a disgrace. The “reform” passed. \
                    “It is a disgrace and a “reform” in name only,” said Ivan Petrov. \
                    Officials called it shameful.";
        let doc = extract(
            text,
            &slant_corpus::segment::segment(text),
            Lists::default(),
        );
        let kinds: Vec<QuoteKind> = doc.quotes.iter().map(|q| q.kind).collect();
        assert!(kinds.contains(&QuoteKind::Direct) && kinds.contains(&QuoteKind::Scare));
        assert!(kinds.contains(&QuoteKind::Indirect), "{kinds:?}");
        let quotations = Quotations::new(&doc.quotes);
        let at = |word: &str, nth: usize| {
            let start = text.match_indices(word).nth(nth).unwrap().0;
            quotations.voice(Span {
                start,
                end: start + word.len(),
            })
        };
        assert_eq!(
            at("disgrace", 0),
            Voice::Own,
            "reported speech is the writer's"
        );
        assert_eq!(at("reform", 0), Voice::Scare);
        assert_eq!(at("disgrace", 1), Voice::Quoted);
        assert_eq!(
            at("reform", 1),
            Voice::Quoted,
            "scare quotes inside a quotation"
        );
        assert_eq!(at("shameful", 0), Voice::Own);
        assert_eq!(at("It is", 0), Voice::Quoted);
        // A span that runs out of the quotation is not inside it.
        let start = text.find("only").unwrap();
        let out = Span {
            start,
            end: text.find("Petrov").unwrap(),
        };
        assert_eq!(quotations.voice(out), Voice::Own);
        assert_eq!(Quotations::new(&[]).voice(out), Voice::Own);
    }

    proptest::proptest! {
        /// A hit's context is its sentence, or when that is long, the words within 140
        /// characters either side of the hit, marked "…" where cut: counted in characters,
        /// not bytes.
        #[test]
        fn context_keeps_140_characters_either_side_cut_at_spaces(
            words in proptest::collection::vec(
                proptest::sample::select(vec!["a", "word", "très", "“quoted”", "—", "Ильхам", "x"]),
                1..200,
            ),
            pick in 0usize..200,
        ) {
            let text = words.join(" ");
            let seg = slant_corpus::segment::segment(&text);
            let Some(tok) = seg.tokens.get(pick % seg.tokens.len().max(1)) else {
                return Ok(());
            };
            let got = context(&text, &seg, tok.sentence, tok.span);
            let s = seg.sentences[tok.sentence as usize];
            let sentence = &text[s.start..s.end];
            if sentence.len() <= CONTEXT_MAX {
                proptest::prop_assert_eq!(got, one_line(sentence));
                return Ok(());
            }
            // By characters, from the sentence's start and end to the hit.
            let before: Vec<char> = text[s.start..tok.span.start].chars().collect();
            let after: Vec<char> = text[tok.span.end..s.end].chars().collect();
            let mut want = String::new();
            if before.len() > CONTEXT_SIDE {
                let tail: String = before[before.len() - CONTEXT_SIDE..].iter().collect();
                want.push('…');
                want.push_str(&tail[tail.find(' ').map_or(0, |i| i + 1)..]);
            } else {
                want.extend(&before);
            }
            want.push_str(&text[tok.span.start..tok.span.end]);
            if after.len() > CONTEXT_SIDE {
                let head: String = after[..CONTEXT_SIDE].iter().collect();
                want.push_str(&head[..head.rfind(' ').unwrap_or(head.len())]);
                want.push('…');
            } else {
                want.extend(&after);
            }
            proptest::prop_assert_eq!(got, one_line(&want));
        }
    }

    /// The shortcut for text already on one line gives what joining the words gives.
    #[test]
    fn one_line_joins_words_with_single_spaces() {
        for s in [
            "",
            " ",
            "plain words here",
            " leading",
            "trailing ",
            "two  spaces",
            "tab\there",
            "line\nbreak\r\n",
            "vertical\u{b}tab",
            "form\u{c}feed",
            "no\u{a0}break space",
            "thin\u{2009}space",
            "«quoted» words",
        ] {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(one_line(s), want, "{s:?}");
        }
    }
}
