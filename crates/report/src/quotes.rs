//! `quotes.csv` and `speakers.csv`: every quotation with its speaker, cue and offsets, and
//! each group's speakers with their share of voice.

use crate::charts::{Drawn, Topic};
use crate::error::ReportError;
use crate::table::{float, int, text, Col, Format, Table};
use slant_metrics::quotes::{lexicon::Stance, Kind, Quote};
use std::collections::BTreeMap;
use std::path::Path;

/// The columns of `quotes.csv`, in order.
pub const QUOTE_COLUMNS: [Col; 16] = [
    text("doc_id"),
    text("outlet"),
    text("kind"),
    text("quote"),
    text("speaker"),
    text("speaker_group"),
    text("cue"),
    int("sentence"),
    int("start"),
    int("end"),
    text("group"),
    text("stance"),
    text("cue_text"),
    text("speaker_text"),
    text("speaker_role"),
    text("method"),
];

/// The columns of `speakers.csv`, in order.
pub const SPEAKER_COLUMNS: [Col; 10] = [
    text("group"),
    text("speaker"),
    text("speaker_group"),
    int("quotes"),
    float("share"),
    int("direct"),
    int("indirect"),
    int("neutral"),
    int("credence"),
    int("distancing"),
];

/// One quote with the document it comes from.
#[derive(Debug, Clone)]
pub struct QuoteRow<'a> {
    /// Document id.
    pub doc_id: &'a str,
    /// Outlet.
    pub outlet: &'a str,
    /// The `--by` group of the document.
    pub group: &'a str,
    /// The quote.
    pub quote: &'a Quote,
    /// Its speaker group (empty when it has no speaker).
    pub speaker_group: &'a str,
}

/// The order of `quotes.csv`: document id, then offset, then kind.
pub fn csv_order(a: &QuoteRow<'_>, b: &QuoteRow<'_>) -> std::cmp::Ordering {
    a.doc_id
        .cmp(b.doc_id)
        .then(a.quote.span().start.cmp(&b.quote.span().start))
        .then(a.quote.kind.cmp(&b.quote.kind))
}

/// Writes `quotes.csv`, rows sorted by document id, then offset, then kind.
pub fn write_quotes(path: &Path, rows: &mut [QuoteRow<'_>]) -> Result<(), ReportError> {
    rows.sort_by(csv_order);
    let mut t = Table::create(path, &QUOTE_COLUMNS)?;
    for r in rows.iter() {
        let q = r.quote;
        let span = q.span();
        let (cue, stance, cue_text) = match &q.cue {
            Some(c) => (c.cue.lemma.as_str(), c.cue.stance.name(), c.text.as_str()),
            None => ("", "", ""),
        };
        t.row([
            r.doc_id,
            r.outlet,
            q.kind.name(),
            &q.text,
            &q.speaker,
            r.speaker_group,
            cue,
            &(u64::from(q.sentence) + 1).to_string(),
            &span.start.to_string(),
            &span.end.to_string(),
            r.group,
            stance,
            cue_text,
            &q.speaker_text,
            &q.role,
            q.method,
        ])?;
    }
    t.finish()
}

/// A speaker's counts within a group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerStat {
    /// Speaker group.
    pub speaker_group: String,
    /// Direct quotes.
    pub direct: u64,
    /// Indirect quotes.
    pub indirect: u64,
    /// Quotes by cue stance.
    pub stances: [u64; 3],
}

/// Per-group quote counts, for `summary.csv`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupQuotes {
    /// Direct quotes (attributed or not).
    pub direct: u64,
    /// Indirect quotes.
    pub indirect: u64,
    /// Scare quotes.
    pub scare: u64,
    /// Quotes by cue stance: neutral, credence, distancing.
    pub stances: [u64; 3],
}

/// Counts speakers per group, and quotes per group.
pub fn tally(
    rows: &[QuoteRow<'_>],
) -> (
    BTreeMap<String, BTreeMap<String, SpeakerStat>>,
    BTreeMap<String, GroupQuotes>,
) {
    let mut speakers: BTreeMap<String, BTreeMap<String, SpeakerStat>> = BTreeMap::new();
    let mut groups: BTreeMap<String, GroupQuotes> = BTreeMap::new();
    for r in rows {
        let q = r.quote;
        let g = groups.entry(r.group.to_string()).or_default();
        let stance = q.cue.as_ref().map(|c| match c.cue.stance {
            Stance::Neutral => 0,
            Stance::Credence => 1,
            Stance::Distancing => 2,
        });
        match q.kind {
            Kind::Direct => g.direct += 1,
            Kind::Indirect => g.indirect += 1,
            Kind::Scare => g.scare += 1,
        }
        if q.kind == Kind::Scare {
            continue;
        }
        if let Some(s) = stance {
            g.stances[s] += 1;
        }
        if q.speaker.is_empty() {
            continue;
        }
        let s = speakers
            .entry(r.group.to_string())
            .or_default()
            .entry(q.speaker.clone())
            .or_default();
        s.speaker_group = r.speaker_group.to_string();
        match q.kind {
            Kind::Direct => s.direct += 1,
            _ => s.indirect += 1,
        }
        if let Some(i) = stance {
            s.stances[i] += 1;
        }
    }
    (speakers, groups)
}

/// Writes `speakers.csv`: per group, speakers by quotes (descending), then name. `share` is the
/// speaker's part of the group's attributed quotes.
pub fn write_speakers(
    path: &Path,
    speakers: &BTreeMap<String, BTreeMap<String, SpeakerStat>>,
) -> Result<(), ReportError> {
    let mut t = Table::create(path, &SPEAKER_COLUMNS)?;
    for (group, by_speaker) in speakers {
        let total: u64 = by_speaker.values().map(|s| s.direct + s.indirect).sum();
        let mut list: Vec<(&String, &SpeakerStat)> = by_speaker.iter().collect();
        list.sort_by(|a, b| {
            (b.1.direct + b.1.indirect)
                .cmp(&(a.1.direct + a.1.indirect))
                .then(a.0.cmp(b.0))
        });
        for (speaker, s) in list {
            let n = s.direct + s.indirect;
            let share = if total == 0 {
                0.0
            } else {
                n as f64 / total as f64
            };
            t.row([
                group.as_str(),
                speaker.as_str(),
                &s.speaker_group,
                &n.to_string(),
                &crate::terms::fixed(share, 4),
                &s.direct.to_string(),
                &s.indirect.to_string(),
                &s.stances[0].to_string(),
                &s.stances[1].to_string(),
                &s.stances[2].to_string(),
            ])?;
        }
    }
    t.finish()
}

/// Writes the quote charts into `dir`: speaker-group shares per group
/// (`quotes-speaker-groups`), cue stance per group (`quotes-stance`) and scare quotes per
/// 1,000 tokens (`scare-quotes`), each as SVG and PNG. `by` names what the groups are.
pub fn write_quote_charts(
    dir: &Path,
    summaries: &[crate::summary::GroupSummary],
    speakers: &BTreeMap<String, BTreeMap<String, SpeakerStat>>,
    groups: &BTreeMap<String, GroupQuotes>,
    by: &str,
    min_docs: u64,
    format: Format,
) -> Result<Vec<Drawn>, ReportError> {
    use crate::charts::{bars, stacked, BarRow, Bars, Stacked};
    use crate::terms::{fixed, plural, thousands};
    // Speaker groups by quotes over the corpus; the eighth and beyond are "other".
    let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
    for by_speaker in speakers.values() {
        for s in by_speaker.values() {
            *totals.entry(&s.speaker_group).or_default() += s.direct + s.indirect;
        }
    }
    let mut order: Vec<(&str, u64)> = totals.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut categories: Vec<String> = order.iter().take(7).map(|(g, _)| g.to_string()).collect();
    if order.len() > 7 {
        categories.push("other".into());
    }
    let rows = summaries
        .iter()
        .map(|s| {
            let mut counts = vec![0u64; categories.len()];
            for st in speakers.get(&s.group).into_iter().flat_map(|m| m.values()) {
                let i = categories
                    .iter()
                    .position(|c| *c == st.speaker_group)
                    .unwrap_or(categories.len().saturating_sub(1));
                if let Some(c) = counts.get_mut(i) {
                    *c += st.direct + st.indirect;
                }
            }
            let n: u64 = counts.iter().sum();
            (format!("{} ({})", s.group, plural(n, "quote")), counts)
        })
        .collect();
    stacked(
        &dir.join("quotes-speaker-groups"),
        &Stacked {
            title: format!("Whom each {by} quotes"),
            subtitle: "Share of attributed quotes (direct and indirect) by speaker group".into(),
            categories,
            rows,
            footnotes: vec![
                "Speaker groups come from the gazetteer (data/quotes/speakers.tsv); \
                 \"unclassified\" speakers matched no rule."
                    .into(),
            ],
        },
    )?;
    let none = GroupQuotes::default();
    stacked(
        &dir.join("quotes-stance"),
        &Stacked {
            title: format!("How each {by} frames what it quotes"),
            subtitle: "Share of quotes by the stance of the reporting verb".into(),
            categories: vec![
                "neutral (said, told)".into(),
                "credence (noted, explained, confirmed)".into(),
                "distancing (claimed, alleged, insisted)".into(),
            ],
            rows: summaries
                .iter()
                .map(|s| {
                    let q = groups.get(&s.group).unwrap_or(&none);
                    let n: u64 = q.stances.iter().sum();
                    (
                        format!("{} ({})", s.group, plural(n, "quote")),
                        q.stances.to_vec(),
                    )
                })
                .collect(),
            footnotes: vec!["Verbs and their stance come from data/quotes/cues.tsv.".into()],
        },
    )?;
    bars(
        &dir.join("scare-quotes"),
        &Bars {
            title: format!("Scare quotes per 1,000 tokens, by {by}"),
            subtitle: "Quotation marks around a term that nobody is said to have said".into(),
            rows: summaries
                .iter()
                .map(|s| {
                    let q = groups.get(&s.group).unwrap_or(&none);
                    let rate = slant_metrics::terms::per_1k(q.scare, s.tokens);
                    BarRow {
                        label: format!("{} ({})", s.group, plural(s.documents, "doc")),
                        value: rate,
                        note: format!(
                            "{} · {} in {} tokens",
                            fixed(rate, 1),
                            q.scare,
                            thousands(s.tokens)
                        ),
                        pale: s.documents < min_docs,
                    }
                })
                .collect(),
            footnotes: vec![format!(
                "Pale: fewer than {min_docs} documents, too few to compare. Each scare quote is \
                 a row of {} with kind = scare.",
                format.file("quotes")
            )],
        },
    )?;
    Ok(vec![
        Drawn::new(
            "quotes-speaker-groups",
            Topic::Quotes,
            "Each row is 100% of one group's attributed quotes: the colours show whose voices \
             it carries.",
        ),
        Drawn::new(
            "quotes-stance",
            Topic::Quotes,
            "Distancing verbs (claimed, alleged) cast doubt on the speaker; credence verbs \
             (noted, confirmed) lend weight; neutral verbs (said) do neither.",
        ),
        Drawn::new(
            "scare-quotes",
            Topic::Quotes,
            "Quotation marks that hold a word at arm's length rather than quote anyone, per \
             1,000 tokens: a longer bar is more ironic distance.",
        ),
    ])
}
