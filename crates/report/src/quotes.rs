//! `quotes.csv` and `speakers.csv`: every quotation with its speaker, cue and offsets, and
//! each group's speakers with their share of voice.

use crate::csv_out::Table;
use crate::error::ReportError;
use slant_metrics::quotes::{lexicon::Stance, Kind, Quote};
use std::collections::BTreeMap;
use std::path::Path;

/// The columns of `quotes.csv`, in order.
pub const QUOTE_COLUMNS: [&str; 16] = [
    "doc_id",
    "outlet",
    "kind",
    "quote",
    "speaker",
    "speaker_group",
    "cue",
    "sentence",
    "start",
    "end",
    "group",
    "stance",
    "cue_text",
    "speaker_text",
    "speaker_role",
    "method",
];

/// The columns of `speakers.csv`, in order.
pub const SPEAKER_COLUMNS: [&str; 10] = [
    "group",
    "speaker",
    "speaker_group",
    "quotes",
    "share",
    "direct",
    "indirect",
    "neutral",
    "credence",
    "distancing",
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

/// Writes `quotes.csv`, rows sorted by document id, then offset, then kind.
pub fn write_quotes(path: &Path, rows: &mut [QuoteRow<'_>]) -> Result<(), ReportError> {
    rows.sort_by(|a, b| {
        a.doc_id
            .cmp(b.doc_id)
            .then(a.quote.span().start.cmp(&b.quote.span().start))
            .then(a.quote.kind.cmp(&b.quote.kind))
    });
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
