//! `index.html`: the page a journalist opens. One self-contained file (inline CSS, charts as
//! inline SVG, no script, no outside request) that opens offline: the corpus and its sample
//! sizes first, warnings where groups are too small to compare, each chart with a line on how to
//! read it, and the evidence behind the figures (loaded words in their sentences, quotes with
//! their speakers) so a reader can check them.
//!
//! Article text and metadata are untrusted: every string from them passes through [`escape`].
//! The charts' SVG is written by plotters, which escapes its text; the page strips any XML
//! prolog and inlines it as is.

use crate::charts::{Drawn, Topic};
use crate::error::ReportError;
use crate::evidence::{Evidence, Example};
use crate::lexicons::Voice;
use crate::numbers::fixed;
use crate::quotes::GroupQuotes;
use crate::run_info::RunInfo;
use crate::summary::{GroupSummary, Shown};
use crate::table::Format;
use crate::terms::{plural, thousands};
use slant_metrics::lexicon::bootstrap::Rate;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// A skipped document, for the page's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Document id.
    pub id: String,
    /// Where it came from.
    pub source: String,
    /// Why it was skipped.
    pub reason: String,
}

/// Everything the page shows.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    /// The run: input, parameters, lexicons, counts.
    pub info: &'a RunInfo,
    /// The grouping column.
    pub by: &'a str,
    /// Groups under this many documents are flagged.
    pub min_docs: u64,
    /// Sample sizes per group, sorted by group.
    pub groups: &'a [GroupSummary],
    /// The groups the charts draw, the sample-size table lists and the evidence covers.
    pub shown: &'a Shown,
    /// Quote counts per group.
    pub quotes: &'a BTreeMap<String, GroupQuotes>,
    /// Per group: attributed quotes by speakers no gazetteer rule places, all attributed
    /// quotes, and the unplaced speakers quoted most ([`crate::quotes::unplaced`]).
    pub unplaced: &'a BTreeMap<String, crate::quotes::Unplaced>,
    /// `loaded` rate per group (empty without that lexicon).
    pub loaded: &'a BTreeMap<String, Rate>,
    /// `loaded` hits inside direct quotations per group.
    pub loaded_quoted: &'a BTreeMap<String, u64>,
    /// `loaded` rate per group outside direct quotations.
    pub loaded_own: &'a BTreeMap<String, Rate>,
    /// Actor rows (`actor_loaded.csv`), and whether the actors lexicon is the bundled one,
    /// written for the bundled corpus's story.
    pub actors: (&'a [crate::lexicons::ActorRow], bool),
    /// Documents that could not be analysed: the first [`SKIPPED_SHOWN`] at least (the total is
    /// in `info`).
    pub skipped: &'a [Skipped],
    /// Charts written into `charts/`, in the order to show them within their section.
    pub charts: &'a [Drawn],
    /// Evidence per group.
    pub evidence: &'a Evidence,
    /// Format of the tables the page links to.
    pub format: Format,
}

/// A group with fewer attributed quotes is not warned about for its unplaced speakers: a few
/// quotes tell too little.
const UNPLACED_MIN_QUOTES: u64 = 10;

/// Skipped documents listed on the page; the rest are counted and left to `documents.csv`.
pub const SKIPPED_SHOWN: usize = 50;

/// How many `loaded` hits are someone else's words, for the loaded-language section: " (here
/// 3 of the 40 loaded-language hits are inside a direct quotation)", or nothing without that
/// lexicon or its hits.
fn quoted_share(page: &Page<'_>) -> String {
    let hits: u64 = page.loaded.values().map(|r| r.hits).sum();
    let quoted: u64 = page.loaded_quoted.values().sum();
    match hits {
        0 => String::new(),
        1 if quoted == 1 => {
            " (here the one loaded-language hit is inside a direct quotation)".into()
        }
        1 => " (here the one loaded-language hit is not inside a quotation)".into(),
        _ => format!(
            " (here {} of the {} loaded-language hits {} inside a direct quotation)",
            thousands(quoted),
            thousands(hits),
            if quoted == 1 { "is" } else { "are" }
        ),
    }
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than white space have no place in HTML.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Writes `index.html` into `dir`, inlining the charts from `dir/charts/`.
pub fn write(dir: &Path, page: &Page<'_>) -> Result<(), ReportError> {
    let html = render(dir, page)?;
    let path = dir.join("index.html");
    std::fs::write(&path, html).map_err(|e| ReportError::io(&path, e))
}

/// The page as a string; charts are read from `dir/charts/<stem>.svg`.
pub fn render(dir: &Path, page: &Page<'_>) -> Result<String, ReportError> {
    let mut h = String::with_capacity(256 * 1024);
    let by = escape(page.by);
    let title = format!("slant: how each {by} covered it");
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n\
         <h1>{title}</h1>\n"
    );
    corpus(&mut h, page);
    for c in page.charts.iter().filter(|c| c.topic == Topic::Sample) {
        figure(&mut h, dir, c)?;
    }
    h.push_str("</section>\n");
    warnings(&mut h, page);
    let sections = [
        (
            Topic::Terms,
            "terms",
            format!("Which words each {by} favours"),
            format!(
                "Terms each {by} uses more (or less) than all the others, scored by weighted \
                 log-odds. Every term, with counts and the document where it first appears, is \
                 in <a href=\"{k}\">{k}</a>; plain frequencies are in <a href=\"{t}\">{t}</a>.",
                k = page.format.file("keyness"),
                t = page.format.file("terms"),
            ),
        ),
        (
            Topic::Quotes,
            "quotes",
            format!("Whom each {by} lets speak"),
            format!(
                "Quotations attributed to a speaker (direct and reported speech), the verb that \
                 introduces them, and scare quotes. Every quote is a row of \
                 <a href=\"{q}\">{q}</a>; speakers per {by} are in <a href=\"{s}\">{s}</a>.",
                q = page.format.file("quotes"),
                s = page.format.file("speakers"),
            ),
        ),
        (
            Topic::Loaded,
            "loaded",
            "Loaded language".to_string(),
            format!(
                "Words from editable lexicons of loaded, hedging and emotive language, per 1,000 \
                 tokens. They are counted by word, not by sense, and words inside quotations \
                 count too{quoted}: read the examples. Every hit, with its sentence, is in \
                 <a href=\"{l}\">{l}</a>, whose <code>quoted</code> column marks those in \
                 quotations; rates and intervals in <a href=\"{r}\">{r}</a>.",
                quoted = quoted_share(page),
                l = page.format.file("lexicon_hits"),
                r = page.format.file("lexicon_rates"),
            ),
        ),
    ];
    for (topic, id, heading, intro) in &sections {
        let charts: Vec<&Drawn> = page.charts.iter().filter(|c| c.topic == *topic).collect();
        let _ = write!(
            h,
            "<section id=\"{id}\">\n<h2>{heading}</h2>\n<p>{intro}</p>\n"
        );
        match topic {
            Topic::Terms => {
                // The overview first; one chart per group behind a fold.
                let (overview, each): (Vec<&Drawn>, Vec<&Drawn>) =
                    charts.iter().partition(|c| c.stem == "keyness-overview");
                for c in overview {
                    figure(&mut h, dir, c)?;
                }
                if !each.is_empty() {
                    let _ = write!(
                        h,
                        "<details>\n<summary>Distinctive terms of each {by}, one chart each \
                         ({})</summary>\n",
                        each.len()
                    );
                    for c in each {
                        figure(&mut h, dir, c)?;
                    }
                    h.push_str("</details>\n");
                }
                if charts.is_empty() {
                    let _ = writeln!(
                        h,
                        "<p class=\"note\">No chart: distinctive terms need at least two groups \
                         with text.</p>"
                    );
                }
            }
            _ => {
                for c in charts {
                    figure(&mut h, dir, c)?;
                }
            }
        }
        match topic {
            Topic::Quotes => quote_evidence(&mut h, page),
            Topic::Loaded => loaded_evidence(&mut h, page),
            _ => {}
        }
        h.push_str("</section>\n");
    }
    skipped(&mut h, page);
    about(&mut h, page);
    h.push_str("</main>\n</body>\n</html>\n");
    Ok(h)
}

fn corpus(h: &mut String, page: &Page<'_>) {
    let c = &page.info.counts;
    let by = escape(page.by);
    let _ = write!(
        h,
        "<section id=\"corpus\">\n<h2>The corpus</h2>\n<p class=\"lede\"><strong>{}</strong> \
         analysed from <code>{}</code>, in <strong>{}</strong> by {by}: {} in {}.{}</p>\n",
        plural(c.analysed as u64, "document"),
        escape(&page.info.input),
        plural(page.groups.len() as u64, "group"),
        plural(c.tokens as u64, "token"),
        plural(c.sentences as u64, "sentence"),
        if c.skipped > 0 {
            format!(
                " {} could not be analysed (<a href=\"#skipped\">listed below</a>).",
                plural(c.skipped as u64, "document")
            )
        } else {
            String::new()
        },
    );
    let _ = write!(
        h,
        "<table class=\"num\">\n<caption>Sample size by {by}. Every figure below rests on \
         these; pale rows have fewer than {} documents. “In its own words” is the loaded rate \
         outside direct quotations, without the words the {by} quotes; in brackets, 95% \
         intervals. Quotes are direct and reported speech, with or without a named speaker; \
         the charts of speakers count those with one.</caption>\n<thead><tr><th>{by}</th>\
         <th>documents</th><th>tokens</th><th>sentences</th><th>skipped</th>\
         <th>quotes</th><th>scare quotes</th><th>loaded per 1,000 tokens</th>\
         <th>in its own words</th></tr></thead>\n<tbody>\n",
        page.min_docs
    );
    let none = GroupQuotes::default();
    for g in &page.shown.rows {
        let q = page.quotes.get(&g.group).unwrap_or(&none);
        let loaded = rate_cell(page.loaded.get(&g.group));
        // Outside direct quotations: the sources' loaded words left out.
        let own = rate_cell(page.loaded_own.get(&g.group));
        let class = if g.documents < page.min_docs {
            " class=\"small\""
        } else {
            ""
        };
        let _ = writeln!(
            h,
            "<tr{class}><th>{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{loaded}</td><td>{own}</td></tr>",
            escape(&g.group),
            thousands(g.documents),
            thousands(g.tokens),
            thousands(g.sentences),
            thousands(g.skipped),
            thousands(q.direct + q.indirect),
            thousands(q.scare),
        );
    }
    h.push_str("</tbody>\n</table>\n");
    cut_note(h, page);
}

/// A rate to one decimal with its interval in small print, or a dash without the rate.
fn rate_cell(rate: Option<&Rate>) -> String {
    rate.map_or_else(
        || "–".to_string(),
        |r| match r.ci {
            Some((lo, hi)) => format!(
                "{} <small>[{}–{}]</small>",
                fixed(r.per_1k, 1),
                fixed(lo, 1),
                fixed(hi, 1)
            ),
            None => fixed(r.per_1k, 1),
        },
    )
}

/// The first 12 of `items` joined by commas, and how many more there are.
fn first_of(items: impl ExactSizeIterator<Item = String>) -> String {
    let n = items.len();
    let mut listed = items.take(12).collect::<Vec<_>>().join(", ");
    if n > 12 {
        listed.push_str(&format!(" and {} more", n - 12));
    }
    listed
}

/// The warning for a corpus of another story than the bundled actors lexicon's: when half
/// or more of its actors are never named ([`crate::lexicons::mostly_unnamed`]).
fn other_story(page: &Page<'_>) -> Option<String> {
    let (rows, bundled) = page.actors;
    let (unnamed, all) = crate::lexicons::mostly_unnamed(rows).filter(|_| bundled)?;
    let unnamed: Vec<String> = unnamed.iter().map(|a| escape(a)).collect();
    Some(format!(
        "<strong>Actors of another story:</strong> the actors of the loaded-language chart are \
         the bundled lexicon's, written for the bundled corpus's story, and {} of its {all} are \
         never named here ({}). For this corpus's own, report with <code>--auto-actors 8</code> \
         (the names its documents mention most), or write them with <code>slant lexicon actors \
         {} -o actors.toml</code>, edit the file, and report with <code>--lexicon \
         actors.toml</code>.",
        unnamed.len(),
        unnamed.join(", "),
        escape(&page.info.input)
    ))
}

fn warnings(h: &mut String, page: &Page<'_>) {
    let by = escape(page.by);
    let mut w: Vec<String> = Vec::new();
    let c = &page.info.counts;
    if c.analysed == 0 {
        w.push("No document could be analysed: there is nothing to compare.".into());
    }
    let small: Vec<&GroupSummary> = page
        .groups
        .iter()
        .filter(|g| g.documents > 0 && g.documents < page.min_docs)
        .collect();
    if !small.is_empty() {
        let names = first_of(
            small
                .iter()
                .map(|g| format!("{} ({})", escape(&g.group), plural(g.documents, "doc"))),
        );
        w.push(format!(
            "<strong>Too small to compare:</strong> {} of {} have fewer than {} documents: \
             {names}. Their figures may reflect one article's subject or author rather than the \
             {by}'s habits; intervals are wide, or missing with a single document.",
            plural(small.len() as u64, "group"),
            page.groups.len(),
            page.min_docs,
        ));
    }
    let foreign: Vec<(&String, &usize)> = c
        .languages
        .iter()
        .filter(|(code, _)| !matches!(code.as_str(), "en" | "unknown"))
        .collect();
    if !foreign.is_empty() {
        let n: usize = foreign.iter().map(|(_, n)| **n).sum();
        let list = first_of(
            foreign
                .iter()
                .map(|(code, n)| format!("{} {n}", escape(code))),
        );
        w.push(format!(
            "<strong>Not in English:</strong> {n} of {} analysed documents ({list}: from the input's \
             <code>language</code>, else from their words or script). Their terms leave out their own \
             language's function words, but the quotation cues, speaker rules and bundled \
             lexicons are English: their quotes and loaded-language rates are undercounted, and \
             compare only with documents in the same language. <code>{}</code> gives each \
             document's language.",
            c.analysed,
            page.format.file("documents"),
        ));
    }
    let with_text = page.groups.iter().filter(|g| g.documents > 0).count();
    if with_text == 1 {
        w.push(format!(
            "All analysed documents share one {by}: there is no second group to compare with. \
             Use <code>--by</code> with another column."
        ));
    }
    if let Some(g) = page.groups.iter().find(|g| g.group == "(none)") {
        w.push(format!(
            "{} have no {by} and are grouped as <em>(none)</em>.",
            plural(g.documents + g.skipped, "document")
        ));
    }
    // Groups with enough quotes to tell, a third or more of them by speakers no rule places.
    let mut unplaced: Vec<(&str, u64, u64)> = page
        .unplaced
        .iter()
        .filter(|(_, u)| u.all >= UNPLACED_MIN_QUOTES && 3 * u.quotes >= u.all)
        .map(|(g, u)| (g.as_str(), u.quotes, u.all))
        .collect();
    if !unplaced.is_empty() {
        // Largest share first (compared as fractions), then by name.
        unplaced.sort_by(|a, b| (b.1 * a.2).cmp(&(a.1 * b.2)).then(a.0.cmp(b.0)));
        // Each with the unplaced speakers it quotes most: whom to give rules first.
        let names = first_of(unplaced.iter().map(|(g, n, all)| {
            let most: Vec<String> = page.unplaced[*g]
                .most_quoted
                .iter()
                .map(|(name, n)| format!("{} ×{n}", escape(name)))
                .collect();
            format!(
                "{} ({:.0}% of {} with a speaker; most quoted: {})",
                escape(g),
                100.0 * *n as f64 / *all as f64,
                plural(*all, "quote"),
                most.join(", ")
            )
        }));
        w.push(format!(
            "<strong>Speakers without a group:</strong> in {} of {} {bys}, a third or more of the \
             attributed quotes are by speakers no rule of the speaker gazetteer places \
             (<em>unclassified</em>): {names}. For those {bys}, the coloured shares of the \
             speaker-group chart describe only the speakers placed; rules for the people and \
             bodies of your story go in a file given with <code>--speakers</code> (each unplaced \
             speaker is a row of <a href=\"{f}\">{f}</a> with the speaker group \
             <em>unclassified</em>).",
            unplaced.len(),
            page.groups.iter().filter(|g| g.documents > 0).count(),
            bys = escape(&crate::terms::plural_by(page.by)),
            f = page.format.file("speakers"),
        ));
    }
    if let Some(line) = other_story(page) {
        w.push(line);
    }
    if c.skipped > 0 {
        w.push(format!(
            "{} could not be analysed and are left out of every figure; each is listed with \
             its reason <a href=\"#skipped\">below</a> and in <a href=\"{f}\">{f}</a>.",
            plural(c.skipped as u64, "document"),
            f = page.format.file("documents")
        ));
    }
    if w.is_empty() {
        return;
    }
    h.push_str("<div class=\"warn\" role=\"note\">\n<h2>Before you compare</h2>\n<ul>\n");
    for line in w {
        let _ = writeln!(h, "<li>{line}</li>");
    }
    h.push_str("</ul>\n</div>\n");
}

/// Inlines `charts/<stem>.svg` in a figure with its reading guide.
fn figure(h: &mut String, dir: &Path, c: &Drawn) -> Result<(), ReportError> {
    let path = dir.join("charts").join(format!("{}.svg", c.stem));
    let svg = std::fs::read_to_string(&path).map_err(|e| ReportError::io(&path, e))?;
    let svg = match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => "",
    };
    let stem = escape(&c.stem);
    let _ = write!(
        h,
        "<figure id=\"chart-{stem}\">\n<p class=\"guide\"><span>How to read it:</span> {}</p>\n\
         {}\n<figcaption><a href=\"charts/{stem}.svg\">SVG</a> · \
         <a href=\"charts/{stem}.png\">PNG</a></figcaption>\n</figure>\n",
        escape(&c.guide),
        svg.trim_end(),
    );
    Ok(())
}

/// A context with its first occurrence of `matched` marked.
fn marked(context: &str, matched: &str) -> String {
    let needle = crate::lexicons::one_line(matched);
    match (!needle.is_empty())
        .then(|| context.find(&needle))
        .flatten()
    {
        Some(i) => format!(
            "{}<mark>{}</mark>{}",
            escape(&context[..i]),
            escape(&needle),
            escape(&context[i + needle.len()..])
        ),
        None => escape(context),
    }
}

fn source(e: &Example) -> String {
    format!(
        "<span class=\"src\">{} · sentence {} · bytes {}–{}</span>",
        escape(&e.doc_id),
        e.sentence,
        e.start,
        e.end
    )
}

fn group_heading(h: &mut String, page: &Page<'_>, group: &str, open: bool) {
    let docs = page
        .groups
        .iter()
        .find(|g| g.group == group)
        .map_or(0, |g| g.documents);
    let small = if docs < page.min_docs {
        " <span class=\"flag\">too small to compare</span>"
    } else {
        ""
    };
    let _ = write!(
        h,
        "<details{}>\n<summary>{} <small>({})</small>{small}</summary>\n",
        if open { " open" } else { "" },
        escape(group),
        plural(docs, "document"),
    );
}

fn loaded_evidence(h: &mut String, page: &Page<'_>) {
    let ev = &page.evidence.loaded;
    if page.loaded.is_empty() {
        return;
    }
    h.push_str(
        "<h3>The loaded words, in their sentences</h3>\n<p>Each group's commonest entries of the \
         <code>loaded</code> lexicon, with the first sentences they occur in. A word inside a \
         quotation is marked so: it is a source's, not the outlet's. Check whether its sense \
         is loaded here.</p>\n",
    );
    cut_note(h, page);
    let open = page.shown.rows.len() <= 6;
    for g in page.shown.rows.iter().filter(|g| g.documents > 0) {
        group_heading(h, page, &g.group, open);
        match ev.get(&g.group) {
            None => h.push_str("<p class=\"note\">No loaded-language hits.</p>\n"),
            Some(entries) => {
                h.push_str("<ul class=\"evidence\">\n");
                for e in entries {
                    let _ = write!(
                        h,
                        "<li><strong>{}</strong> <small>{} · {} in {}</small><ul>",
                        escape(&e.entry),
                        escape(&e.category),
                        plural(e.hits, "hit"),
                        plural(e.documents, "document"),
                    );
                    for x in &e.examples {
                        let whose = match x.voice {
                            Voice::Own => "",
                            Voice::Quoted => " <em>(in a quotation)</em>",
                            Voice::Scare => " <em>(in scare quotes)</em>",
                        };
                        let _ = write!(
                            h,
                            "<li><span class=\"ctx\">{}</span>{whose} {}</li>",
                            marked(&x.context, &x.matched),
                            source(x)
                        );
                    }
                    h.push_str("</ul></li>\n");
                }
                h.push_str("</ul>\n");
            }
        }
        h.push_str("</details>\n");
    }
}

/// The verbs the page lists per group for a shared speaker; the rest are counted.
const SHARED_VERBS: usize = 5;

/// The speakers several groups quote: per group, their quotes and the verbs that introduce
/// them, and the groups that never quote them.
fn shared_speakers(h: &mut String, page: &Page<'_>) {
    let shared = &page.evidence.shared;
    if shared.is_empty() {
        return;
    }
    let by = page.by;
    let _ = write!(
        h,
        "<h3>The same people, in each {by}</h3>\n<p>The speakers two or more {bys} quote, as in \
         the chart above: how often each {by} quotes them, with which reporting verbs (as in the \
         <code>cue</code> column of <a href=\"{q}\">{q}</a>), how many of those verbs keep \
         their words at a distance (claimed, alleged), and which {bys} never quote them.</p>\n\
         <table class=\"quotes\"><thead><tr><th>speaker</th><th>{by}</th><th>quotes</th>\
         <th>introduced with</th></tr></thead><tbody>\n",
        bys = escape(&crate::terms::plural_by(by)),
        by = escape(by),
        q = page.format.file("quotes"),
    );
    for s in shared {
        let rows = s.quoted_by.len() + usize::from(!s.not_quoted_by.is_empty());
        let may_be = if s.may_be.is_empty() {
            String::new()
        } else {
            format!(
                "<br><small>a surname alone; quoted by full name: {}</small>",
                escape(&crate::quotes::and_list(&s.may_be))
            )
        };
        let _ = write!(
            h,
            "<tr><th rowspan=\"{rows}\">{}<br><small>{}</small>{may_be}</th>",
            escape(&s.speaker),
            escape(&s.speaker_group)
        );
        for (i, g) in s.quoted_by.iter().enumerate() {
            if i > 0 {
                h.push_str("<tr>");
            }
            let mut verbs: Vec<String> = g
                .verbs
                .iter()
                .take(SHARED_VERBS)
                .map(|(v, n)| format!("{} ×{n}", escape(v)))
                .collect();
            let more: u64 = g.verbs.iter().skip(SHARED_VERBS).map(|(_, n)| n).sum();
            if more > 0 {
                verbs.push(format!("other verbs ×{more}"));
            }
            if g.no_verb > 0 {
                verbs.push(format!("no verb ×{}", g.no_verb));
            }
            let distancing = match g.distancing {
                0 => String::new(),
                n => format!(" <span class=\"flag\">{n} distancing</span>"),
            };
            let _ = writeln!(
                h,
                "<td>{}</td><td class=\"n\">{}</td><td>{}{distancing}</td></tr>",
                escape(&g.group),
                g.quotes,
                verbs.join(", "),
            );
        }
        if !s.not_quoted_by.is_empty() {
            let names: Vec<String> = s.not_quoted_by.iter().map(|g| escape(g)).collect();
            let _ = writeln!(
                h,
                "<tr><td colspan=\"3\" class=\"note\">never quoted by {}</td></tr>",
                names.join(", ")
            );
        }
    }
    h.push_str("</tbody></table>\n");
}

/// Says which groups the evidence below leaves out, if any.
fn cut_note(h: &mut String, page: &Page<'_>) {
    if let Some(note) = page.shown.note(page.by, page.format) {
        let _ = writeln!(h, "<p class=\"note\">{}</p>", escape(&note));
    }
}

fn quote_evidence(h: &mut String, page: &Page<'_>) {
    let ev = page.evidence;
    if page.groups.iter().all(|g| g.documents == 0) {
        return;
    }
    shared_speakers(h, page);
    h.push_str(
        "<h3>Who is quoted, in their words</h3>\n<p>Each group's most quoted speakers with their \
         first quote of four words or more (a shorter one, then reported speech, when they have \
         none), and the terms it puts in scare quotes.</p>\n",
    );
    cut_note(h, page);
    let open = page.shown.rows.len() <= 6;
    for g in page.shown.rows.iter().filter(|g| g.documents > 0) {
        group_heading(h, page, &g.group, open);
        match ev.speakers.get(&g.group) {
            None => h.push_str("<p class=\"note\">No attributed quotes.</p>\n"),
            Some(list) => {
                h.push_str(
                    "<table class=\"quotes\"><thead><tr><th>speaker</th><th>group</th>\
                     <th>quotes</th><th>for example</th></tr></thead><tbody>\n",
                );
                for s in list {
                    let example = s.example.as_ref().map_or_else(String::new, |q| {
                        let mut verb = if q.cue.is_empty() {
                            String::new()
                        } else {
                            format!(" <em>({})</em>", escape(&q.cue))
                        };
                        // (Said together: "(said, with Azerbaijan)".)
                        if !q.with.is_empty() {
                            let with = escape(&crate::quotes::and_list(&q.with));
                            verb = if q.cue.is_empty() {
                                format!(" <em>(with {with})</em>")
                            } else {
                                format!(" <em>({}, with {with})</em>", escape(&q.cue))
                            };
                        }
                        let words = if q.direct {
                            format!("<q>{}</q>", escape(&q.example.context))
                        } else {
                            format!("reported: {}", escape(&q.example.context))
                        };
                        format!("{words}{verb} {}", source(&q.example))
                    });
                    let _ = writeln!(
                        h,
                        "<tr><th>{}</th><td>{}</td><td class=\"n\">{}</td><td>{example}</td></tr>",
                        escape(&s.speaker),
                        escape(&s.speaker_group),
                        s.quotes,
                    );
                }
                h.push_str("</tbody></table>\n");
            }
        }
        if let Some(list) = ev.scare.get(&g.group) {
            h.push_str("<p class=\"scare\">Scare quotes: ");
            let items: Vec<String> = list
                .iter()
                .map(|s| {
                    let times = if s.count > 1 {
                        format!(" ×{}", s.count)
                    } else {
                        String::new()
                    };
                    format!(
                        "<span title=\"{} · bytes {}–{}\">“{}”{times}</span>",
                        escape(&s.example.doc_id),
                        s.example.start,
                        s.example.end,
                        escape(&s.term)
                    )
                })
                .collect();
            h.push_str(&items.join(", "));
            h.push_str("</p>\n");
        }
        h.push_str("</details>\n");
    }
}

fn skipped(h: &mut String, page: &Page<'_>) {
    let total = page.info.counts.skipped as u64;
    if page.skipped.is_empty() || total == 0 {
        return;
    }
    let _ = write!(
        h,
        "<section id=\"skipped\">\n<h2>Documents not analysed</h2>\n<p>{} could not be \
         analysed; each is a row of <a href=\"{f}\">{f}</a> with status <code>skipped</code>.\
         </p>\n<table><thead><tr><th>id</th><th>source</th><th>reason</th></tr></thead><tbody>\n",
        plural(total, "document"),
        f = page.format.file("documents"),
    );
    for s in page.skipped.iter().take(SKIPPED_SHOWN) {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
            escape(&s.id),
            escape(&s.source),
            escape(&s.reason)
        );
    }
    h.push_str("</tbody></table>\n");
    let shown = page.skipped.len().min(SKIPPED_SHOWN) as u64;
    if total > shown {
        let _ = writeln!(
            h,
            "<p class=\"note\">…and {} more in {}.</p>",
            thousands(total - shown),
            page.format.file("documents")
        );
    }
    h.push_str("</section>\n");
}

fn about(h: &mut String, page: &Page<'_>) {
    let i = page.info;
    let _ = write!(
        h,
        "<section id=\"run\">\n<h2>About this run</h2>\n<p>{} on <code>{}</code> ({}). The \
         same input and parameters write the same files, byte for byte; \
         <a href=\"run.json\">run.json</a> records them.</p>\n<h3>Files</h3>\n<ul class=\"files\">",
        escape(&i.tool),
        escape(&i.input),
        escape(&i.input_kind),
    );
    for (stem, what) in [
        ("documents", "every input document, analysed or skipped"),
        (
            "summary",
            "one row per group: sample size, quotes, loaded rate",
        ),
        ("terms", "term frequencies per group"),
        ("keyness", "distinctive terms per group"),
        ("quotes", "every quotation with speaker, verb and offsets"),
        ("speakers", "speakers per group with their share of quotes"),
        ("lexicon_hits", "every lexicon match with its sentence"),
        (
            "lexicon_rates",
            "rates per group, lexicon and category, with intervals",
        ),
        (
            "actor_loaded",
            "loaded language in sentences naming each actor",
        ),
    ] {
        let f = page.format.file(stem);
        let _ = write!(h, "<li><a href=\"{f}\">{f}</a>: {what}</li>");
    }
    if i.parameters.contains_key("auto_actors") {
        h.push_str(
            "<li><a href=\"actors.toml\">actors.toml</a>: the actors suggested from this \
             corpus's names (<code>--auto-actors</code>), to edit and report with \
             <code>--lexicon</code></li>",
        );
    }
    h.push_str("</ul>\n<h3>Lexicons</h3>\n<table><thead><tr><th>name</th><th>file</th><th>SHA-256</th></tr></thead><tbody>\n");
    for l in &i.lexicons {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td><code>{}</code></td><td><code class=\"hash\">{}</code></td></tr>",
            escape(&l.name),
            escape(&l.path),
            escape(&l.sha256)
        );
    }
    h.push_str("</tbody></table>\n<h3>Parameters</h3>\n<table><tbody>\n");
    for (k, v) in &i.parameters {
        let _ = writeln!(
            h,
            "<tr><th><code>{}</code></th><td><code>{}</code></td></tr>",
            escape(k),
            escape(v)
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}

const CSS: &str = "
:root{--ink:#212121;--muted:#5f6368;--rule:#d0d0d0;--accent:#2563aa;--warn:#fff4e0;--warnline:#e69f00;--mark:#fde9b0}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif}
main{max-width:1000px;margin:0 auto;padding:24px 20px 64px}
h1{font-size:1.8rem;margin:0 0 .5rem}
h2{font-size:1.35rem;margin:2.2rem 0 .4rem;border-bottom:1px solid var(--rule);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.6rem 0 .3rem}
a{color:var(--accent)}
.lede{font-size:1.1rem}
.note,.src,small,figcaption{color:var(--muted)}
.src{font-size:.8rem;white-space:nowrap}
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.92rem;width:100%}
caption{caption-side:top;text-align:left;color:var(--muted);padding-bottom:.3rem}
th,td{border-bottom:1px solid var(--rule);padding:.3rem .5rem;text-align:left;vertical-align:top}
table.num td,td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.small{color:var(--muted);background:#f6f6f6}
.warn{background:var(--warn);border-left:4px solid var(--warnline);padding:.2rem 1rem .4rem;margin:1.2rem 0}
.warn h2{border:0;margin:.6rem 0 .2rem;font-size:1.1rem}
.flag{font-size:.75rem;background:var(--warn);border:1px solid var(--warnline);border-radius:3px;padding:0 .3rem;margin-left:.4rem}
figure{margin:1.2rem 0 1.8rem}
figure svg{width:100%;height:auto;display:block}
.guide{margin:.2rem 0 .4rem}
.guide span{font-weight:600}
figcaption{font-size:.8rem}
details{margin:.4rem 0;border:1px solid var(--rule);border-radius:4px;padding:.3rem .8rem}
summary{cursor:pointer;font-weight:600}
ul.evidence{padding-left:1.1rem}
ul.evidence>li{margin:.5rem 0}
ul.evidence ul{padding-left:1rem;margin:.2rem 0}
.ctx{border-left:3px solid var(--rule);padding-left:.4rem}
q{quotes:'“' '”' '‘' '’'}
mark{background:var(--mark);padding:0 .1em}
code{font-size:.85em}
code.hash{word-break:break-all}
ul.files li{margin:.1rem 0}
@media print{details{border:0}details>summary{list-style:none}}
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c"), "a\u{FFFD}b\u{FFFD}c");
        assert_eq!(escape("Bakı — “ok”"), "Bakı — “ok”");
    }

    #[test]
    fn marks_the_match_and_escapes_around_it() {
        assert_eq!(
            marked("a <b> brutal\nregime", "brutal regime"),
            "a &lt;b&gt; brutal\nregime"
        );
        assert_eq!(
            marked("a <b> brutal regime", "brutal\nregime"),
            "a &lt;b&gt; <mark>brutal regime</mark>"
        );
        assert_eq!(marked("x & y", ""), "x &amp; y");
    }
}
