//! `quotes.csv` and `speakers.csv`: every quotation with its speaker, cue and offsets, and
//! each group's speakers with their share of voice.

use crate::charts::{Drawn, Topic};
use crate::error::ReportError;
use crate::table::{float, int, text, Cells, Col, Format, Table};
use rustc_hash::{FxHashMap, FxHashSet};
use slant_metrics::quotes::lexicon::{Gazetteer, Stance, UNCLASSIFIED};
use slant_metrics::quotes::{
    in_corpus, resolve_in_doc, CoSpeaker, DocQuotes, GroupVotes, Kind, Quote, SpeakerGroups,
    Surnames, Unresolved,
};
use slant_metrics::varint;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The columns of `quotes.csv`, in order.
pub const QUOTE_COLUMNS: [Col; 18] = [
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
    text("co_speakers"),
    text("co_speaker_groups"),
];

/// The columns of `speakers.csv`, in order.
pub const SPEAKER_COLUMNS: [Col; 11] = [
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
    int("joint"),
];

/// One row of `quotes.csv`: a quote with the document it comes from, its speaker resolved.
#[derive(Debug, Clone)]
pub struct QuoteRow<'a> {
    /// Document id.
    pub doc_id: &'a str,
    /// Outlet.
    pub outlet: &'a str,
    /// The `--by` group of the document.
    pub group: &'a str,
    /// Direct, indirect or scare.
    pub kind: Kind,
    /// The quoted text.
    pub text: &'a str,
    /// The speaker (canonical); empty if none.
    pub speaker: &'a str,
    /// Its speaker group (empty when it has no speaker).
    pub speaker_group: &'a str,
    /// The reporting verb's lemma, or empty.
    pub cue: &'a str,
    /// The reporting verb's stance.
    pub stance: Option<Stance>,
    /// The reporting verb as written.
    pub cue_text: &'a str,
    /// Sentence where the quote starts (0-based).
    pub sentence: u32,
    /// First byte of the quote in the document.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The words that name the speaker, as written.
    pub speaker_text: &'a str,
    /// Titles and apposition.
    pub role: &'a str,
    /// How the speaker was found.
    pub method: &'a str,
    /// Others who said it with the speaker, each with their speaker group, in the order
    /// written (none the speaker, none twice).
    pub co_speakers: &'a [(String, &'a str)],
}

impl QuoteRow<'_> {
    /// Everyone who said it, each with their speaker group: the speaker, then the
    /// co-speakers. (Callers skip a quote with no speaker, which has no co-speakers either.)
    pub fn speakers(&self) -> impl Iterator<Item = (&str, &str)> {
        let co = self.co_speakers.iter().map(|(n, g)| (n.as_str(), *g));
        std::iter::once((self.speaker, self.speaker_group)).chain(co)
    }
}

/// How the spill file writes a quote's co-speakers: each as name, [`Unresolved::code`], role
/// and whether it is [`CoSpeaker::known`] (`1` or empty), joined by the unit separator, and the co-speakers joined by the record separator
/// (neither is in a name or a role, which are made of words and spaces).
const CO_FIELD: char = '\u{1f}';
/// See [`CO_FIELD`].
const CO_SPEAKER: char = '\u{1e}';

/// Reads a spilled quote's co-speakers ([`CO_FIELD`]) and resolves them across the corpus:
/// each that counts ([`CoSpeaker::counts`]), with their role.
fn spilled_co<'r>(
    field: &'r str,
    surnames: &'r Surnames,
    gazetteer: &'r Gazetteer,
) -> impl Iterator<Item = (String, &'r str)> + 'r {
    field
        .split(CO_SPEAKER)
        .filter(|c| !c.is_empty())
        .filter_map(move |c| {
            let mut f = c.split(CO_FIELD);
            let mut next = || f.next().unwrap_or("");
            let (name, waits, role, known) = (next(), next(), next(), next());
            let resolved = in_corpus(name, Unresolved::from_code(waits), surnames, gazetteer);
            CoSpeaker::counts(known == "1", name, &resolved).then_some((resolved, role))
        })
}

/// The quotes of the documents as they are analysed, spilled to a file so that memory does
/// not grow with the corpus.
///
/// Each document's quotes are resolved as far as the document allows when they arrive
/// ([`resolve_in_doc`]); the full names of the corpus are gathered on the way
/// ([`Surnames`]). [`QuoteSpill::replay`] then reads the file back in order and resolves the
/// bare surnames that were left against the whole corpus: the same result as resolving with
/// every document in memory.
///
/// The file is read two and a half times (a vote on each speaker's group, every row, then
/// the rows the page shows), so it is written to be read cheaply rather than as CSV: each
/// quote is its length in bytes (four, little-endian), then its fields (who said it first), a
/// string as its length (a [`varint`]) and its bytes, a number as a varint. The fields the
/// vote reads come first, and it leaves the rest of a record unread.
pub struct QuoteSpill {
    path: PathBuf,
    out: BufWriter<File>,
    /// One record, built before it is written.
    record: Vec<u8>,
    surnames: Surnames,
    /// Each speaker's group across the corpus, voted on a first read of the file when the
    /// quotes are first replayed ([`GroupVotes`]).
    groups: Option<SpeakerGroups>,
}

impl QuoteSpill {
    /// A spill file at `path` (inside the report's staging folder).
    pub fn create(path: &Path) -> Result<Self, ReportError> {
        let file = File::create(path).map_err(|e| ReportError::io(path, e))?;
        Ok(QuoteSpill {
            path: path.to_path_buf(),
            out: BufWriter::new(file),
            record: Vec::new(),
            surnames: Surnames::default(),
            groups: None,
        })
    }

    /// Adds one document's quotes, in the order of `quotes.csv` within a document: offset,
    /// then kind.
    pub fn add(
        &mut self,
        (doc_id, outlet, group): (&str, &str, &str),
        mut doc: DocQuotes,
        gazetteer: &Gazetteer,
    ) -> Result<(), ReportError> {
        self.surnames.add(&doc);
        let pending = resolve_in_doc(&mut doc, gazetteer);
        let mut order: Vec<(&Quote, Option<Unresolved>)> = doc.quotes.iter().zip(pending).collect();
        order.sort_by_key(|(q, _)| (q.span().start, q.kind));
        let mut co = String::new();
        for (q, waits) in order {
            let span = q.span();
            let (cue, stance, cue_text) = match &q.cue {
                Some(c) => (c.cue.lemma.as_str(), c.cue.stance.name(), c.text.as_str()),
                None => ("", "", ""),
            };
            co.clear();
            for c in &q.co_speakers {
                if !co.is_empty() {
                    co.push(CO_SPEAKER);
                }
                co.push_str(&c.speaker);
                co.push(CO_FIELD);
                co.push_str(c.waits.map_or("", Unresolved::code));
                co.push(CO_FIELD);
                co.push_str(&c.role);
                co.push(CO_FIELD);
                co.push_str(if c.known { "1" } else { "" });
            }
            let r = &mut self.record;
            r.clear();
            // (In the order of [`Spilled`].)
            for field in [
                q.speaker.as_str(),
                waits.map_or("", Unresolved::code),
                &q.role,
                &co,
                doc_id,
                outlet,
                group,
                q.kind.name(),
                &q.text,
                cue,
                stance,
                cue_text,
                &q.speaker_text,
                q.method,
            ] {
                varint::put(r, field.len() as u64);
                r.extend_from_slice(field.as_bytes());
            }
            for number in [u64::from(q.sentence), span.start as u64, span.end as u64] {
                varint::put(r, number);
            }
            let path = &self.path;
            let io = |e| ReportError::io(path, e);
            let len =
                u32::try_from(r.len()).map_err(|_| io(spill_error("a quote of 4 GiB or more")))?;
            self.out.write_all(&len.to_le_bytes()).map_err(io)?;
            self.out.write_all(r).map_err(io)?;
        }
        Ok(())
    }

    /// Reads the quotes back in order, resolves the surnames left waiting and each speaker's
    /// group, and hands every row to `each`. Call it after the last [`QuoteSpill::add`]; it
    /// can be called again for another pass.
    pub fn replay(
        &mut self,
        gazetteer: &Gazetteer,
        mut each: impl FnMut(&QuoteRow<'_>) -> Result<(), ReportError>,
    ) -> Result<(), ReportError> {
        self.pass(gazetteer, None, |_, r| each(r))
    }

    /// [`QuoteSpill::replay`] for only the rows numbered in `rows` (0-based, ascending): the
    /// others are not resolved, and reading stops after the last. `each` gets the row number.
    pub fn replay_rows(
        &mut self,
        gazetteer: &Gazetteer,
        rows: &[u64],
        each: impl FnMut(u64, &QuoteRow<'_>) -> Result<(), ReportError>,
    ) -> Result<(), ReportError> {
        self.pass(gazetteer, Some(rows), each)
    }

    fn pass(
        &mut self,
        gazetteer: &Gazetteer,
        only: Option<&[u64]>,
        mut each: impl FnMut(u64, &QuoteRow<'_>) -> Result<(), ReportError>,
    ) -> Result<(), ReportError> {
        let last = match only {
            Some([]) => return Ok(()),
            Some(rows) => rows.last().copied(),
            None => None,
        };
        if self.groups.is_none() {
            self.groups = Some(self.vote(gazetteer)?);
        }
        let mut reader = SpillReader::open(&mut self.out, &self.path)?;
        let (surnames, groups) = (&self.surnames, self.groups.as_ref());
        let mut co: Vec<(String, &str)> = Vec::new();
        let mut row = 0u64;
        while last.is_none_or(|last| row <= last) && reader.next()? {
            let at = row;
            row += 1;
            if only.is_some_and(|rows| rows.binary_search(&at).is_err()) {
                continue;
            }
            let f = reader.fields()?;
            let speaker = in_corpus(
                f.speaker,
                Unresolved::from_code(f.waits),
                surnames,
                gazetteer,
            );
            let speaker_group = groups.map_or("", |g| g.of(&speaker));
            co.clear();
            for (name, _) in spilled_co(f.co, surnames, gazetteer) {
                if name != speaker && co.iter().all(|(c, _)| *c != name) {
                    let group = groups.map_or("", |g| g.of(&name));
                    co.push((name, group));
                }
            }
            let kind = match f.kind {
                "direct" => Kind::Direct,
                "indirect" => Kind::Indirect,
                _ => Kind::Scare,
            };
            each(
                at,
                &QuoteRow {
                    doc_id: f.doc_id,
                    outlet: f.outlet,
                    group: f.group,
                    kind,
                    text: f.text,
                    speaker: &speaker,
                    speaker_group,
                    cue: f.cue,
                    stance: Stance::parse(f.stance),
                    cue_text: f.cue_text,
                    sentence: u32::try_from(f.sentence).unwrap_or(u32::MAX),
                    start: usize::try_from(f.start).unwrap_or(usize::MAX),
                    end: usize::try_from(f.end).unwrap_or(usize::MAX),
                    speaker_text: f.speaker_text,
                    role: f.role,
                    method: f.method,
                    co_speakers: &co,
                },
            )?;
        }
        Ok(())
    }

    /// Reads every quote once and gives each speaker one group across the corpus: the group
    /// most of their quotes' roles give ([`GroupVotes`]).
    fn vote(&mut self, gazetteer: &Gazetteer) -> Result<SpeakerGroups, ReportError> {
        let mut votes = GroupVotes::default();
        // A speaker is quoted again and again: classify each (speaker, role) once.
        let mut cache: FxHashMap<Box<str>, &str> = FxHashMap::default();
        let mut pair = String::new();
        let surnames = &self.surnames;
        let mut reader = SpillReader::open(&mut self.out, &self.path)?;
        while reader.next()? {
            let (speaker, waits, role, co) = reader.who()?;
            let speaker = in_corpus(speaker, Unresolved::from_code(waits), surnames, gazetteer);
            let co = spilled_co(co, surnames, gazetteer)
                .filter(|(name, _)| *name != speaker)
                .collect::<Vec<_>>();
            for (speaker, role) in std::iter::once((speaker, role)).chain(co) {
                if speaker.is_empty() {
                    continue;
                }
                pair.clear();
                pair.push_str(&speaker);
                pair.push('\0');
                pair.push_str(role);
                let group = match cache.get(pair.as_str()) {
                    Some(&g) => g,
                    None => {
                        let g = gazetteer.group(&speaker, role);
                        cache.insert(pair.as_str().into(), g);
                        g
                    }
                };
                votes.add(&speaker, group);
            }
        }
        Ok(votes.settle())
    }

    /// Removes the spill file, once the passes are done (before the report folder is
    /// committed).
    pub fn remove(&mut self) -> Result<(), ReportError> {
        std::fs::remove_file(&self.path).map_err(|e| ReportError::io(&self.path, e))
    }
}

/// An error of the spill file: what went wrong.
fn spill_error(what: &str) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        format!("quote spill: {what}"),
    )
}

/// The fields of a spilled quote, in the order [`QuoteSpill::add`] writes them: who said it
/// first (what [`QuoteSpill::vote`] reads), then the rest of the row.
struct Spilled<'r> {
    speaker: &'r str,
    /// [`Unresolved::code`], or empty.
    waits: &'r str,
    role: &'r str,
    /// The co-speakers ([`CO_FIELD`]).
    co: &'r str,
    doc_id: &'r str,
    outlet: &'r str,
    group: &'r str,
    /// [`Kind::name`].
    kind: &'r str,
    text: &'r str,
    cue: &'r str,
    /// [`Stance::name`], or empty.
    stance: &'r str,
    cue_text: &'r str,
    speaker_text: &'r str,
    method: &'r str,
    sentence: u64,
    start: u64,
    end: u64,
}

/// Reads a spill file record by record.
struct SpillReader<'p> {
    path: &'p Path,
    file: BufReader<File>,
    /// The record read last.
    record: Vec<u8>,
}

impl<'p> SpillReader<'p> {
    /// The spill file at `path`, `out` flushed, opened for reading from its start.
    fn open(out: &mut BufWriter<File>, path: &'p Path) -> Result<Self, ReportError> {
        out.flush().map_err(|e| ReportError::io(path, e))?;
        let file = File::open(path).map_err(|e| ReportError::io(path, e))?;
        Ok(SpillReader {
            path,
            file: BufReader::with_capacity(1 << 16, file),
            record: Vec::new(),
        })
    }

    /// Reads the next record; false at the end of the file.
    fn next(&mut self) -> Result<bool, ReportError> {
        let io = |e| ReportError::io(self.path, e);
        // (The file ends only between records.)
        if self.file.fill_buf().map_err(io)?.is_empty() {
            return Ok(false);
        }
        let mut len = [0u8; 4];
        self.file.read_exact(&mut len).map_err(io)?;
        // (Read as far as the file goes, not into a buffer of the length it says: a damaged
        // length could say gigabytes.)
        let len = u32::from_le_bytes(len);
        self.record.clear();
        let read = (&mut self.file)
            .take(u64::from(len))
            .read_to_end(&mut self.record)
            .map_err(io)?;
        if read != len as usize {
            return Err(self.unreadable());
        }
        Ok(true)
    }

    /// Who said the record's quote: speaker, [`Unresolved::code`], role and co-speakers.
    fn who(&self) -> Result<(&str, &str, &str, &str), ReportError> {
        Fields(self.record.iter())
            .who()
            .ok_or_else(|| self.unreadable())
    }

    /// The record's fields.
    fn fields(&self) -> Result<Spilled<'_>, ReportError> {
        let mut f = Fields(self.record.iter());
        let fields = (|| {
            let (speaker, waits, role, co) = f.who()?;
            Some(Spilled {
                speaker,
                waits,
                role,
                co,
                doc_id: f.text()?,
                outlet: f.text()?,
                group: f.text()?,
                kind: f.text()?,
                text: f.text()?,
                cue: f.text()?,
                stance: f.text()?,
                cue_text: f.text()?,
                speaker_text: f.text()?,
                method: f.text()?,
                sentence: f.number(),
                start: f.number(),
                end: f.number(),
            })
        })();
        fields.ok_or_else(|| self.unreadable())
    }

    /// A record cut short or not UTF-8: the file was changed while the report ran.
    fn unreadable(&self) -> ReportError {
        ReportError::io(
            self.path,
            spill_error("a record does not read back as it was written"),
        )
    }
}

/// The fields of one record, read in turn.
struct Fields<'r>(std::slice::Iter<'r, u8>);

impl<'r> Fields<'r> {
    /// The first four fields, who said the quote: speaker, [`Unresolved::code`], role and
    /// co-speakers.
    fn who(&mut self) -> Option<(&'r str, &'r str, &'r str, &'r str)> {
        Some((self.text()?, self.text()?, self.text()?, self.text()?))
    }

    fn number(&mut self) -> u64 {
        varint::next(&mut self.0)
    }

    /// The next string; `None` if the record ends before it does or it is not UTF-8.
    fn text(&mut self) -> Option<&'r str> {
        let len = usize::try_from(self.number()).ok()?;
        let rest = self.0.as_slice();
        let bytes = rest.get(..len)?;
        self.0 = rest[len..].iter();
        std::str::from_utf8(bytes).ok()
    }
}

/// Writes `quotes.csv` (or `.parquet`) row by row, in the order rows are given.
pub struct QuoteTable(Table, Cells);

impl QuoteTable {
    /// A quotes table at `path`.
    pub fn create(path: &Path) -> Result<Self, ReportError> {
        Ok(QuoteTable(
            Table::create(path, &QUOTE_COLUMNS)?,
            Cells::default(),
        ))
    }

    /// Writes one row.
    pub fn row(&mut self, r: &QuoteRow<'_>) -> Result<(), ReportError> {
        self.1
            .clear()
            .text(r.doc_id)
            .text(r.outlet)
            .text(r.kind.name())
            .text(r.text)
            .text(r.speaker)
            .text(r.speaker_group)
            .text(r.cue)
            .int(u64::from(r.sentence) + 1)
            .int(r.start as u64)
            .int(r.end as u64)
            .text(r.group)
            .text(r.stance.map_or("", Stance::name))
            .text(r.cue_text)
            .text(r.speaker_text)
            .text(r.role)
            .text(r.method);
        let mut names = String::new();
        let mut groups = String::new();
        for (k, (name, group)) in r.co_speakers.iter().enumerate() {
            if k > 0 {
                names.push_str("; ");
                groups.push_str("; ");
            }
            names.push_str(name);
            groups.push_str(group);
        }
        self.1.text(&names).text(&groups);
        self.0.row(self.1.iter())
    }

    /// Finishes the file.
    pub fn finish(self) -> Result<(), ReportError> {
        self.0.finish()
    }
}

/// A speaker's counts within a group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerStat {
    /// Speaker group: one of a handful of names, shared by all the pairs that have it
    /// ([`QuoteTally`] keeps one copy of each), rather than a string of its own per group ×
    /// speaker (at a million generated articles, 564,000 pairs).
    pub speaker_group: Arc<str>,
    /// Direct quotes.
    pub direct: u32,
    /// Indirect quotes.
    pub indirect: u32,
    /// Quotes by cue stance.
    pub stances: [u32; 3],
    /// Of their quotes, those said with others ([`QuoteRow::co_speakers`]).
    pub joint: u32,
    /// Quotes by reporting verb: (the verb's number in [`QuoteTally::cues`], quotes), in the
    /// order first seen. (Most speakers are introduced with one or two verbs in a group: those
    /// take no allocation of their own, which at a million generated articles and 564,000
    /// group × speaker pairs saves about 30 MB at the peak.)
    pub cues: smallvec::SmallVec<[(u16, u32); 2]>,
    /// The row of `quotes.csv` that best shows their words ([`SpeakerStat::example_row`]),
    /// times four, plus how well it does (0 reported speech, 1 a partial quote of up to three
    /// words, 2 a quote of four words or more): the first row of the highest rank. One `u64`
    /// where a row and a rank took 16 bytes (at a million generated articles, 565,000 group ×
    /// speaker pairs).
    example: u64,
}

impl SpeakerStat {
    /// The row of `quotes.csv` that best shows their words: the page's example of the
    /// speaker.
    pub fn example_row(&self) -> u64 {
        self.example >> 2
    }

    /// Their quotes, direct and indirect.
    pub fn quotes(&self) -> u64 {
        u64::from(self.direct) + u64::from(self.indirect)
    }
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
    /// Direct and indirect quotes with a speaker.
    pub attributed: u64,
}

/// Speakers per group, and quotes per group, as [`QuoteCounter`] counted them row by row.
#[derive(Debug, Clone, Default)]
pub struct QuoteTally {
    /// Group → speaker → counts.
    pub speakers: BTreeMap<String, BTreeMap<String, SpeakerStat>>,
    /// Group → quote counts.
    pub groups: BTreeMap<String, GroupQuotes>,
    /// The reporting verbs (lemmas) of [`SpeakerStat::cues`], by number.
    pub cues: Vec<String>,
}

/// Counts quotes row by row into a [`QuoteTally`].
///
/// The counts are kept in hash maps while the rows go by and sorted into the tally's B-trees
/// once, at the end: a B-tree lookup compares the name with a dozen others, and counting a
/// million generated articles' 8.9 million quotes so was a third of writing `quotes.csv`.
#[derive(Debug, Clone, Default)]
pub struct QuoteCounter {
    speakers: FxHashMap<String, FxHashMap<String, SpeakerStat>>,
    groups: FxHashMap<String, GroupQuotes>,
    cues: Vec<String>,
    /// Each verb's number in `cues`.
    cue_ids: FxHashMap<String, u16>,
    /// The speaker groups of [`SpeakerStat::speaker_group`], one copy each.
    speaker_groups: FxHashSet<Arc<str>>,
}

impl QuoteCounter {
    /// Counts one quote, row number `row` of `quotes.csv`.
    pub fn add(&mut self, row: u64, r: &QuoteRow<'_>) {
        let g = match self.groups.get_mut(r.group) {
            Some(g) => g,
            None => self.groups.entry(r.group.to_string()).or_default(),
        };
        let stance = r.stance.map(|s| match s {
            Stance::Neutral => 0,
            Stance::Credence => 1,
            Stance::Distancing => 2,
        });
        match r.kind {
            Kind::Direct => g.direct += 1,
            Kind::Indirect => g.indirect += 1,
            Kind::Scare => g.scare += 1,
        }
        if r.kind == Kind::Scare {
            return;
        }
        if let Some(s) = stance {
            g.stances[s] += 1;
        }
        if r.speaker.is_empty() {
            return;
        }
        g.attributed += 1;
        let joint = !r.co_speakers.is_empty();
        // (Far below 2⁶² rows.)
        let example = row << 2 | u64::from(crate::evidence::example_rank(r));
        for (name, group) in r.speakers() {
            self.credit(r, (name, group), stance, joint, example);
        }
    }

    /// Counts quote `r` for one of its speakers and their group (`joint`: one of two or
    /// more), with the quote's row and its rank as an example ([`SpeakerStat::example`]).
    fn credit(
        &mut self,
        r: &QuoteRow<'_>,
        (speaker, speaker_group): (&str, &str),
        stance: Option<usize>,
        joint: bool,
        example: u64,
    ) {
        // Most quotes are by a speaker already counted: look up before allocating keys.
        let by_speaker = match self.speakers.get_mut(r.group) {
            Some(m) => m,
            None => self.speakers.entry(r.group.to_string()).or_default(),
        };
        let s = match by_speaker.get_mut(speaker) {
            Some(s) => {
                // The speaker's own words replace reported speech, and a quote of a sentence a
                // label of a word or two.
                if example & 3 > s.example & 3 {
                    s.example = example;
                }
                s
            }
            None => by_speaker
                .entry(speaker.to_string())
                .or_insert(SpeakerStat {
                    example,
                    ..SpeakerStat::default()
                }),
        };
        if *s.speaker_group != *speaker_group {
            s.speaker_group = match self.speaker_groups.get(speaker_group) {
                Some(g) => Arc::clone(g),
                None => {
                    let g: Arc<str> = speaker_group.into();
                    self.speaker_groups.insert(Arc::clone(&g));
                    g
                }
            };
        }
        match r.kind {
            Kind::Direct => s.direct = s.direct.saturating_add(1),
            _ => s.indirect = s.indirect.saturating_add(1),
        }
        if joint {
            s.joint = s.joint.saturating_add(1);
        }
        if let Some(i) = stance {
            s.stances[i] = s.stances[i].saturating_add(1);
        }
        if !r.cue.is_empty() {
            let id = match self.cue_ids.get(r.cue) {
                Some(&id) => id,
                None => {
                    // (A cue lexicon of more than 65,535 verbs shares the last number.)
                    let id = u16::try_from(self.cues.len()).unwrap_or(u16::MAX);
                    if id < u16::MAX {
                        self.cues.push(r.cue.to_string());
                        self.cue_ids.insert(r.cue.to_string(), id);
                    }
                    id
                }
            };
            match s.cues.iter_mut().find(|(c, _)| *c == id) {
                Some((_, n)) => *n = n.saturating_add(1),
                None => s.cues.push((id, 1)),
            }
        }
    }

    /// The tally, sorted: group by group, so that a group's map and its tree are both held
    /// only while it is moved.
    pub fn finish(self) -> QuoteTally {
        QuoteTally {
            speakers: self
                .speakers
                .into_iter()
                .map(|(group, by_speaker)| (group, by_speaker.into_iter().collect()))
                .collect(),
            groups: self.groups.into_iter().collect(),
            cues: self.cues,
        }
    }
}

/// Writes `speakers.csv`: per group, speakers by quotes (descending), then name. `share` is the
/// speaker's part of the group's attributed quotes.
pub fn write_speakers(
    path: &Path,
    speakers: &BTreeMap<String, BTreeMap<String, SpeakerStat>>,
) -> Result<(), ReportError> {
    let mut t = Table::create(path, &SPEAKER_COLUMNS)?;
    for (group, by_speaker) in speakers {
        let total: u64 = by_speaker.values().map(SpeakerStat::quotes).sum();
        let mut list: Vec<(&String, &SpeakerStat)> = by_speaker.iter().collect();
        list.sort_by(|a, b| b.1.quotes().cmp(&a.1.quotes()).then(a.0.cmp(b.0)));
        for (speaker, s) in list {
            let n = s.quotes();
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
                &crate::numbers::fixed(share, 4),
                &s.direct.to_string(),
                &s.indirect.to_string(),
                &s.stances[0].to_string(),
                &s.stances[1].to_string(),
                &s.stances[2].to_string(),
                &s.joint.to_string(),
            ])?;
        }
    }
    t.finish()
}

/// One group's attributed quotes by speakers no gazetteer rule places ([`UNCLASSIFIED`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unplaced {
    /// Its attributed quotes whose speaker is unplaced.
    pub quotes: u64,
    /// All its attributed quotes.
    pub all: u64,
    /// The unplaced speakers it quotes most, with their quotes: most first, then by name; at
    /// most [`UNPLACED_SHOWN`].
    pub most_quoted: Vec<(String, u64)>,
}

/// How many of a group's unplaced speakers [`Unplaced::most_quoted`] keeps.
pub const UNPLACED_SHOWN: usize = 3;

/// Per group: its attributed quotes, those whose speaker no gazetteer rule places, and the
/// unplaced speakers it quotes most.
pub fn unplaced(
    speakers: &BTreeMap<String, BTreeMap<String, SpeakerStat>>,
) -> BTreeMap<String, Unplaced> {
    speakers
        .iter()
        .map(|(group, by_speaker)| {
            let mut u = Unplaced::default();
            let mut most: Vec<(&String, u64)> = Vec::new();
            for (name, s) in by_speaker {
                u.all += s.quotes();
                if &*s.speaker_group == UNCLASSIFIED {
                    u.quotes += s.quotes();
                    most.push((name, s.quotes()));
                }
            }
            // (Names come in order, and the sort is stable.)
            most.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
            u.most_quoted = most
                .into_iter()
                .take(UNPLACED_SHOWN)
                .map(|(name, n)| (name.clone(), n))
                .collect();
            (group.clone(), u)
        })
        .collect()
}

/// The speakers that two or more of `groups` quote (directly or not), most shared first: by
/// how many of the groups quote them, then by their quotes in those groups, then by name; at
/// most `max`.
pub fn shared_speakers<'a>(
    speakers: &'a BTreeMap<String, BTreeMap<String, SpeakerStat>>,
    groups: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    // Speaker → (groups quoting them, their quotes there).
    let mut reach: BTreeMap<&str, (usize, u64)> = BTreeMap::new();
    for group in groups {
        for (speaker, s) in speakers.get(group).into_iter().flatten() {
            let n = s.quotes();
            if n > 0 {
                let r = reach.entry(speaker.as_str()).or_default();
                r.0 += 1;
                r.1 += n;
            }
        }
    }
    let mut list: Vec<(&str, (usize, u64))> =
        reach.into_iter().filter(|(_, (g, _))| *g >= 2).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    list.truncate(max);
    list.into_iter().map(|(speaker, _)| speaker).collect()
}

/// What the page says of each of the `shared` speakers ([`shared_speakers`]): for each of
/// `groups` (in order) that quotes them, their quotes, how many a distancing verb introduces,
/// and the verbs; and the groups that never quote them.
pub fn shared_evidence<'a>(
    tally: &QuoteTally,
    shared: &[&str],
    groups: impl IntoIterator<Item = &'a str> + Clone,
) -> Vec<crate::evidence::SharedSpeaker> {
    use crate::evidence::{SharedIn, SharedSpeaker};
    shared
        .iter()
        .map(|&speaker| {
            let mut quoted_by = Vec::new();
            let mut not_quoted_by = Vec::new();
            let mut speaker_group = String::new();
            for group in groups.clone() {
                let stat = tally
                    .speakers
                    .get(group)
                    .and_then(|m| m.get(speaker))
                    .filter(|st| st.quotes() > 0);
                let Some(st) = stat else {
                    not_quoted_by.push(group.to_string());
                    continue;
                };
                if speaker_group.is_empty() {
                    speaker_group = st.speaker_group.to_string();
                }
                let mut verbs: Vec<(String, u64)> = st
                    .cues
                    .iter()
                    .map(|&(id, n)| {
                        let verb = tally
                            .cues
                            .get(usize::from(id))
                            .map_or("other", String::as_str);
                        (verb.to_string(), u64::from(n))
                    })
                    .collect();
                verbs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let quotes = st.quotes();
                let with_verb: u64 = verbs.iter().map(|(_, n)| n).sum();
                quoted_by.push(SharedIn {
                    group: group.to_string(),
                    quotes,
                    distancing: u64::from(st.stances[2]),
                    verbs,
                    no_verb: quotes.saturating_sub(with_verb),
                });
            }
            SharedSpeaker {
                speaker: speaker.to_string(),
                speaker_group,
                quoted_by,
                not_quoted_by,
                may_be: full_names_of(&tally.speakers, speaker),
            }
        })
        .collect()
}

/// Whom a speaker given by one word stands for: the speakers of any group whose name ends in
/// that word ("Clinton": Bill Clinton, Hillary Clinton), in order. None for a fuller name. A
/// bare surname stays as written where its documents and the corpus name several people of
/// it, and a reader comparing "Clinton" with "Hillary Clinton" needs to know why.
pub fn full_names_of(
    speakers: &BTreeMap<String, BTreeMap<String, SpeakerStat>>,
    speaker: &str,
) -> Vec<String> {
    if speaker.contains(' ') {
        return Vec::new();
    }
    let mut names: Vec<String> = speakers
        .values()
        .flat_map(|m| m.keys())
        .filter(|name| {
            name.strip_suffix(speaker)
                .is_some_and(|head| head.ends_with(' '))
                && is_personal_name(name)
        })
        .cloned()
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Whether `name` reads as a person's name: up to five words, each capitalised but for the
/// particles of surnames ("Ursula von der Leyen"), so not a description that ends in one ("A
/// spokeswoman for Hillary Clinton").
fn is_personal_name(name: &str) -> bool {
    const PARTICLES: [&str; 12] = [
        "al", "bin", "da", "de", "del", "der", "di", "du", "la", "le", "van", "von",
    ];
    let words: Vec<&str> = name.split(' ').collect();
    words.len() <= 5
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(w))
}

/// "A", "A and B", "A, B, C and D", "A, B, C and 2 others".
pub fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] if head.len() <= 3 => format!("{} and {last}", head.join(", ")),
        _ => format!("{} and {} others", names[..3].join(", "), names.len() - 3),
    }
}

/// What the chart's footnote says of a shared speaker given by a surname alone, whose speakers
/// by full name are `may_be` ([`full_names_of`]); none for anyone else.
pub fn surname_note(speaker: &str, may_be: &[String]) -> Option<String> {
    (!may_be.is_empty()).then(|| {
        format!(
            "“{speaker}” is a surname alone, left as written where an article or the corpus \
             names more than one person of it; {} {} quoted by full name.",
            and_list(may_be),
            if may_be.len() == 1 { "is" } else { "are" }
        )
    })
}

/// A share as a whole percentage, "<1%" for a share above 0 that rounds to 0.
fn percent(share: f64) -> String {
    let p = (share * 100.0).round();
    if p == 0.0 && share > 0.0 {
        "<1%".into()
    } else {
        format!("{p:.0}%")
    }
}

/// Writes the quote charts into `dir`: speaker-group shares per group
/// (`quotes-speaker-groups`), cue stance per group (`quotes-stance`), scare quotes per 1,000
/// tokens (`scare-quotes`) and, when `shared` ([`shared_evidence`]) names anyone, those
/// speakers' shares of each group's quotes (`quotes-shared-speakers`), each as SVG and PNG.
/// `by` names what the groups are.
pub fn write_quote_charts(
    dir: &Path,
    shown: &crate::summary::Shown,
    speakers: &BTreeMap<String, BTreeMap<String, SpeakerStat>>,
    groups: &BTreeMap<String, GroupQuotes>,
    shared: &[crate::evidence::SharedSpeaker],
    (by, min_docs, format): (&str, u64, Format),
) -> Result<Vec<Drawn>, ReportError> {
    use crate::charts::{bars, stacked, BarRow, Bars, Stacked};
    use crate::numbers::fixed;
    use crate::terms::{plural, thousands};
    // Speaker groups by quotes over the corpus, then the speakers no rule placed, then
    // "other" for the groups past the eighth segment: the groups placed come first, in colour.
    let mut totals: BTreeMap<&str, u64> = BTreeMap::new();
    for by_speaker in speakers.values() {
        for s in by_speaker.values() {
            *totals.entry(&*s.speaker_group).or_default() += s.quotes();
        }
    }
    let unplaced = totals.remove(UNCLASSIFIED).is_some();
    let mut order: Vec<(&str, u64)> = totals.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let summaries = &shown.rows;
    let room = if unplaced { 6 } else { 7 };
    let mut categories: Vec<String> = order
        .iter()
        .take(room)
        .map(|(g, _)| g.to_string())
        .collect();
    if unplaced {
        categories.push(UNCLASSIFIED.into());
    }
    if order.len() > room {
        categories.push("other".into());
    }
    let joint = speakers
        .values()
        .flat_map(BTreeMap::values)
        .any(|s| s.joint > 0);
    let rows = summaries
        .iter()
        .map(|s| {
            let mut counts = vec![0u64; categories.len()];
            for st in speakers.get(&s.group).into_iter().flat_map(|m| m.values()) {
                let i = categories
                    .iter()
                    .position(|c| **c == *st.speaker_group)
                    .unwrap_or(categories.len().saturating_sub(1));
                if let Some(c) = counts.get_mut(i) {
                    *c += st.quotes();
                }
            }
            // (A quote said together counts for each speaker in the bars, once here.)
            let n = groups.get(&s.group).map_or(0, |g| g.attributed);
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
            footnotes: shown.footnotes(
                by,
                format,
                std::iter::once(
                    "Speaker groups come from the gazetteer (data/quotes/speakers.tsv) by name and role, \
                 one per speaker across the corpus; \"unclassified\" speakers matched no rule."
                        .to_string(),
                )
                .chain(joint.then(|| {
                    "A quote that names several speakers (\"Russia and Azerbaijan said\") counts \
                     for each of them."
                        .to_string()
                })),
            ),
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
            footnotes: shown.footnotes(
                by,
                format,
                ["Verbs and their stance come from data/quotes/cues.tsv.".to_string()],
            ),
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
            footnotes: shown.footnotes(
                by,
                format,
                [format!(
                "Pale: fewer than {min_docs} documents, too few to compare. Each scare quote is \
                 a row of {} with kind = scare.",
                format.file("quotes")
            )],
            ),
        },
    )?;
    let mut drawn = vec![
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
    ];
    if !shared.is_empty() {
        shared_speakers_chart(
            &dir.join("quotes-shared-speakers"),
            shown,
            speakers,
            shared,
            by,
            format,
        )?;
        drawn.push(Drawn::new(
            "quotes-shared-speakers",
            Topic::Quotes,
            format!(
                "The people several {} quote, and how much room each gives them: darker \
                 cells, a larger share of that {by}'s quotes; grey, never quoted there.",
                crate::terms::plural_by(by)
            ),
        ));
    }
    Ok(drawn)
}

/// The most shared speakers the chart and the page show: the columns the chart has room for.
pub const SHARED_SPEAKERS: usize = 6;

/// Draws `quotes-shared-speakers`: one row per shown group, one column per speaker in
/// `shared`, each cell the speaker's share of the group's attributed quotes.
fn shared_speakers_chart(
    stem: &Path,
    shown: &crate::summary::Shown,
    speakers: &BTreeMap<String, BTreeMap<String, SpeakerStat>>,
    shared: &[crate::evidence::SharedSpeaker],
    by: &str,
    format: Format,
) -> Result<(), ReportError> {
    use crate::charts::{heatmap, Cell, Heatmap};
    use crate::terms::plural;
    let rows = shown
        .rows
        .iter()
        .map(|s| {
            let of_group = speakers.get(&s.group);
            let total: u64 = of_group
                .into_iter()
                .flat_map(|m| m.values())
                .map(SpeakerStat::quotes)
                .sum();
            let cells = shared
                .iter()
                .map(|shared| {
                    let n = of_group
                        .and_then(|m| m.get(&shared.speaker))
                        .map_or(0, SpeakerStat::quotes);
                    if n == 0 {
                        return Cell {
                            value: None,
                            text: "not quoted".into(),
                            detail: String::new(),
                        };
                    }
                    let share = n as f64 / total as f64;
                    Cell {
                        value: Some(share),
                        text: percent(share),
                        detail: plural(n, "quote"),
                    }
                })
                .collect();
            (format!("{} ({})", s.group, plural(total, "quote")), cells)
        })
        .collect();
    heatmap(
        stem,
        &Heatmap {
            title: format!("The same people, in each {by}"),
            subtitle: format!(
                "Speakers that two or more {} quote, as a share of each {by}'s attributed quotes",
                crate::terms::plural_by(by)
            ),
            columns: shared.iter().map(|s| s.speaker.clone()).collect(),
            rows,
            footnotes: shown.footnotes(
                by,
                format,
                std::iter::once(format!(
                    "Each cell is a row of {} (group, speaker); the quotes are the rows of {} \
                     with that speaker. Grey: not quoted.",
                    format.file("speakers"),
                    format.file("quotes")
                ))
                .chain(
                    shared
                        .iter()
                        .filter_map(|s| surname_note(&s.speaker, &s.may_be)),
                ),
            ),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Quotes are counted per group and speaker, co-speakers with them, each speaker's
    /// example is their first quote of the best kind, and a speaker group's name is kept once
    /// however many pairs have it.
    #[test]
    fn the_tally_counts_each_speaker_per_group_and_keeps_one_copy_of_a_group_name() {
        let co = [("Jeyhun Bayramov".to_string(), "government")];
        let row = |group, kind, co_speakers| QuoteRow {
            doc_id: "d",
            outlet: group,
            group,
            kind,
            text: "we demand an apology",
            speaker: "Ilham Aliyev",
            speaker_group: "government",
            cue: "say",
            stance: Some(Stance::Neutral),
            cue_text: "said",
            sentence: 0,
            start: 0,
            end: 20,
            speaker_text: "Aliyev",
            role: "",
            method: "after",
            co_speakers,
        };
        let mut counter = QuoteCounter::default();
        counter.add(0, &row("A", Kind::Direct, &co));
        counter.add(1, &row("A", Kind::Indirect, &[]));
        counter.add(2, &row("B", Kind::Direct, &[]));
        // The example is the first row of the best kind: a quote of four words or more over
        // reported speech.
        for (at, kind) in [(3, Kind::Indirect), (4, Kind::Direct), (5, Kind::Direct)] {
            counter.add(at, &row("C", kind, &[]));
        }
        let tally = counter.finish();
        let stat = |g: &str, s: &str| tally.speakers[g].get(s).cloned();
        let in_a = stat("A", "Ilham Aliyev").unwrap_or_default();
        let in_b = stat("B", "Ilham Aliyev").unwrap_or_default();
        assert_eq!((in_a.direct, in_a.indirect, in_a.joint), (1, 1, 1));
        assert_eq!((in_b.direct, in_b.indirect, in_b.joint), (1, 0, 0));
        assert_eq!(
            (tally.cues.as_slice(), in_a.cues.as_slice()),
            (&["say".to_string()][..], &[(0, 2)][..])
        );
        assert_eq!(stat("A", "Jeyhun Bayramov").map(|s| s.direct), Some(1));
        assert!(stat("B", "Jeyhun Bayramov").is_none());
        assert_eq!(
            (tally.groups["A"].direct, tally.groups["A"].attributed),
            (1, 2)
        );
        let in_c = stat("C", "Ilham Aliyev").unwrap_or_default();
        assert_eq!(
            [&in_a, &in_b, &in_c].map(SpeakerStat::example_row),
            [0, 2, 4]
        );
        assert!(Arc::ptr_eq(&in_a.speaker_group, &in_b.speaker_group));
        assert_eq!(&*in_a.speaker_group, "government");
    }

    /// Two documents' quotes spilled: one names "Aliyev" alone, the other in full.
    fn spilled(dir: &Path) -> (QuoteSpill, Vec<Quote>) {
        let docs = [
            (
                "d1",
                "Aliyev said the crash was “absurd”, and added:\n“We demand an apology — now; \
                 and compensation, too.”",
            ),
            (
                "d2",
                "President Ilham Aliyev spoke on Sunday. “It was shot down from the ground,” \
                 Aliyev and Jeyhun Bayramov said in a joint statement.",
            ),
        ];
        let gazetteer = Gazetteer::default();
        let mut spill = QuoteSpill::create(&dir.join(".quotes.spill")).unwrap();
        let mut quotes = Vec::new();
        for (id, text) in docs {
            let seg = slant_corpus::segment::segment(text);
            let doc = slant_metrics::quotes::extract(text, &seg, Default::default());
            let mut order = doc.quotes.clone();
            order.sort_by_key(|q| (q.span().start, q.kind));
            quotes.extend(order);
            spill
                .add((id, "Outlet, Inc.", "Outlet, Inc."), doc, &gazetteer)
                .unwrap();
        }
        (spill, quotes)
    }

    /// Replaying the spill gives back every quote in order, its text and offsets as they
    /// were (commas, semicolons and dashes in them), a bare surname resolved against the
    /// other document's full name, and who said a quote jointly; replaying chosen rows gives
    /// those rows, the same.
    #[test]
    fn the_quote_spill_reads_back_every_quote_as_it_was_spilled() {
        let dir = tempfile::tempdir().unwrap();
        let (mut spill, quotes) = spilled(dir.path());
        let gazetteer = Gazetteer::default();
        // What each quote was, and what each row read back says it was.
        let written: Vec<_> = quotes
            .iter()
            .map(|q| {
                let cue = q.cue.as_ref();
                [
                    q.kind.name(),
                    &q.text,
                    &q.span().start.to_string(),
                    &q.span().end.to_string(),
                    &q.sentence.to_string(),
                    cue.map_or("", |c| &c.cue.lemma),
                    cue.map_or("", |c| c.cue.stance.name()),
                    cue.map_or("", |c| &c.text),
                    &q.speaker_text,
                    &q.role,
                    q.method,
                ]
                .map(str::to_string)
            })
            .collect();
        // Beside the fields, who said each row's quote, in which document and group.
        let (mut read, mut rows) = (Vec::new(), Vec::new());
        spill
            .replay(&gazetteer, |r| {
                let co: Vec<String> = r.co_speakers.iter().map(|(n, _)| n.clone()).collect();
                let who = (r.doc_id.to_string(), r.kind, r.speaker.to_string(), co);
                rows.push((who, r.group.to_string()));
                read.push(
                    [
                        r.kind.name(),
                        r.text,
                        &r.start.to_string(),
                        &r.end.to_string(),
                        &r.sentence.to_string(),
                        r.cue,
                        r.stance.map_or("", Stance::name),
                        r.cue_text,
                        r.speaker_text,
                        r.role,
                        r.method,
                    ]
                    .map(str::to_string),
                );
                Ok(())
            })
            .unwrap();
        assert_eq!(read, written);
        assert!(rows.iter().all(|(_, group)| group == "Outlet, Inc."));
        assert!(quotes.iter().any(|q| q.text.contains("— now; and")));
        let said = |doc: &str, kind: Kind| {
            rows.iter()
                .find(|((d, k, ..), _)| *d == doc && *k == kind)
                .map(|((.., speaker, co), _)| (speaker.clone(), co.clone()))
        };
        // ("Aliyev" alone in d1 is the Ilham Aliyev of d2.)
        assert_eq!(
            said("d1", Kind::Direct),
            Some(("Ilham Aliyev".to_string(), vec![]))
        );
        let (speaker, co) = said("d2", Kind::Direct).unwrap_or_default();
        let mut both = [vec![speaker], co].concat();
        both.sort();
        assert_eq!(both, ["Ilham Aliyev", "Jeyhun Bayramov"]);
        let wanted = [1, rows.len() as u64 - 1];
        let mut picked = Vec::new();
        spill
            .replay_rows(&gazetteer, &wanted, |at, r| {
                picked.push((at, r.text.to_string(), r.speaker.to_string()));
                Ok(())
            })
            .unwrap();
        let expected: Vec<_> = wanted
            .iter()
            .map(|&at| {
                let ((.., speaker, _), _) = &rows[at as usize];
                (at, read[at as usize][1].clone(), speaker.clone()) // (its text)
            })
            .collect();
        assert_eq!(picked, expected);
    }

    /// A spill file cut short or changed while the report runs is an error naming it, not a
    /// panic or rows made up.
    #[test]
    fn a_damaged_quote_spill_is_an_error_that_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".quotes.spill");
        let gazetteer = Gazetteer::default();
        type Damage = dyn Fn(&mut Vec<u8>);
        let damages: [&Damage; 3] = [
            // Cut inside a record.
            &|bytes| bytes.truncate(bytes.len() - 3),
            // A record's length past the end of the file.
            &|bytes| bytes[0] = 0xff,
            // A field's length past its record's end, after an unread speaker field.
            &|bytes| {
                let first = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
                bytes[4] = u8::try_from(first).unwrap_or(0x7f).min(0x7f);
            },
        ];
        for damage in damages {
            let (mut spill, quotes) = spilled(dir.path());
            assert!(quotes.len() >= 3);
            // (The first pass flushes the file and votes on the speakers' groups.)
            spill.replay(&gazetteer, |_| Ok(())).unwrap();
            let mut bytes = std::fs::read(&path).unwrap();
            damage(&mut bytes);
            std::fs::write(&path, &bytes).unwrap();
            let mut rows = 0;
            let err = spill
                .replay(&gazetteer, |_| {
                    rows += 1;
                    Ok(())
                })
                .unwrap_err()
                .to_string();
            assert!(err.contains(".quotes.spill"), "{err}");
            assert!(rows < quotes.len(), "{err}");
        }
    }

    /// A bare surname is told apart from the full names of speakers that end in it, and only
    /// names count: not a description that ends in one, nor a name that merely ends in its
    /// letters.
    #[test]
    fn a_bare_surname_lists_the_full_names_it_may_stand_for() {
        let mut speakers: BTreeMap<String, BTreeMap<String, SpeakerStat>> = BTreeMap::new();
        for (group, speaker) in [
            ("Wire", "Clinton"),
            ("Wire", "Hillary Clinton"),
            ("Blog", "Bill Clinton"),
            ("Blog", "Hillary Clinton"),
            ("Blog", "A spokeswoman for Hillary Clinton"),
            ("Blog", "McClinton"),
            ("Daily", "Ursula von der Leyen"),
        ] {
            speakers
                .entry(group.into())
                .or_default()
                .insert(speaker.into(), SpeakerStat::default());
        }
        assert_eq!(
            full_names_of(&speakers, "Clinton"),
            ["Bill Clinton", "Hillary Clinton"]
        );
        assert_eq!(full_names_of(&speakers, "Leyen"), ["Ursula von der Leyen"]);
        assert!(full_names_of(&speakers, "Hillary Clinton").is_empty());
        assert_eq!(
            ["Hillary Clinton", "Clinton"]
                .iter()
                .filter_map(|s| surname_note(s, &full_names_of(&speakers, s)))
                .collect::<Vec<_>>(),
            [
                "“Clinton” is a surname alone, left as written where an article or the corpus \
              names more than one person of it; Bill Clinton and Hillary Clinton are quoted by \
              full name."
            ]
        );
        let names = |n: usize| -> Vec<String> { (1..=n).map(|i| format!("N{i}")).collect() };
        assert_eq!(and_list(&names(1)), "N1");
        assert_eq!(and_list(&names(3)), "N1, N2 and N3");
        assert_eq!(and_list(&names(4)), "N1, N2, N3 and N4");
        assert_eq!(and_list(&names(5)), "N1, N2, N3 and 2 others");
    }

    proptest::proptest! {
        /// The shared speakers are exactly the most widely quoted of those two or more of the
        /// groups quote: none left out that reaches as many groups with as many quotes as one
        /// kept, and in that order.
        #[test]
        fn shared_speakers_are_the_most_widely_quoted(
            quotes in proptest::collection::vec((0usize..5, 0usize..8, 0u32..4), 0..40),
            max in 0usize..5,
        ) {
            let mut speakers: BTreeMap<String, BTreeMap<String, SpeakerStat>> = BTreeMap::new();
            for &(g, s, n) in &quotes {
                let st = speakers
                    .entry(format!("g{g}"))
                    .or_default()
                    .entry(format!("s{s}"))
                    .or_default();
                st.direct += n;
            }
            // Only groups g0..g3 are asked about.
            let groups = ["g0", "g1", "g2", "g3"];
            let got = shared_speakers(&speakers, groups, max);
            // Each speaker's reach by brute force: (groups quoting them, their quotes there).
            let reach = |s: &str| {
                groups.iter().fold((0usize, 0u64), |(k, n), g| {
                    let q = speakers.get(*g).and_then(|m| m.get(s)).map_or(0, SpeakerStat::quotes);
                    (k + usize::from(q > 0), n + q)
                })
            };
            let mut all: Vec<(usize, u64, String)> = (0..8)
                .map(|s| format!("s{s}"))
                .map(|s| { let (k, n) = reach(&s); (k, n, s) })
                .filter(|(k, _, _)| *k >= 2)
                .collect();
            all.sort_by(|a, b| (b.0, b.1).cmp(&(a.0, a.1)).then(a.2.cmp(&b.2)));
            let want: Vec<&str> = all.iter().take(max).map(|(_, _, s)| s.as_str()).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }
}
