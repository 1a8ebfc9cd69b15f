//! Suggesting an `actors` lexicon for a corpus: the people, places and bodies it names most.
//!
//! The bundled `actors` lexicon is one story's (the AZAL crash). For another story,
//! `slant lexicon actors` reads the corpus, finds the names it mentions (runs of capitalised
//! words, less the titles, articles and dates around them) and writes a lexicon with one
//! category per actor, for its user to edit and then report with.
//!
//! - A name is counted once per sentence. A single capitalised word that only ever opens a
//!   sentence (or a quotation) is not a name: "Meanwhile", "Nobody".
//! - A surname alone ("Trump") joins the person it stands for ("Donald Trump") when the corpus
//!   names one person of that surname, or one at least three times as often as any other;
//!   otherwise it is an actor of its own whose description names the people it may be. A
//!   given name alone ("Hillary") joins its person by the same rule, when seen inside
//!   sentences.
//! - A person is a name of two or three words whose first word is a known first name
//!   (`data/quotes/first_names.tsv`) or that follows a title ("Prime Minister Theresa May"),
//!   unless it ends in a title word or a title word's plural ("Virginia Democrats").
//!   (A body's kind alone, "the University", is no name, so it never joins "Christopher
//!   Newport University".)
//!
//! The tally keeps at most [`MAX_NAMES`] names: past it, the names in the fewest documents are
//! dropped (those in one, then two, …, until half are left), so its memory is bounded whatever
//! the corpus' size. A name that many documents mention is never among them.

use super::{Category, Entry, Lexicon};
use crate::quotes::lexicon::{FirstNames, Places, Titles};
use crate::quotes::speaker::{is_number_word, INSTITUTION_HEADS};
use rustc_hash::FxHashMap;
use slant_corpus::meta::is_calendar_word;
use slant_corpus::segment::Segmented;
use slant_corpus::stopwords::is_stopword;
use std::sync::OnceLock;

/// Most names a [`NameTally`] holds before it drops the rarest.
pub const MAX_NAMES: usize = 200_000;

/// How a name was seen in one document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seen {
    /// Sentences where it stands inside the sentence.
    pub sentences: u32,
    /// Sentences where it is only the sentence's (or a quotation's) first word.
    pub openers: u32,
    /// Whether a title came before it at least once.
    pub titled: bool,
}

/// The names of one document, in the order first seen.
pub fn names_in(text: &str, seg: &Segmented) -> Vec<(String, Seen)> {
    let (titles, first_names) = (Titles::bundled(), FirstNames::bundled());
    let mut out: Vec<(String, Seen)> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    // By name: within the sentence being read, whether every mention only opens it.
    let mut only_opener: Vec<Option<bool>> = Vec::new();
    let mut i = 0;
    while i < seg.tokens.len() {
        let sentence = seg.tokens[i].sentence;
        let end = seg.tokens[i..]
            .iter()
            .position(|t| t.sentence != sentence)
            .map_or(seg.tokens.len(), |n| i + n);
        // The names of this sentence, each once, with whether it only opens it.
        let mut in_sentence: Vec<usize> = Vec::new();
        for (name, opener, titled) in sentence_names(text, seg, i, end, titles, first_names) {
            let at = match index.get(&name) {
                Some(&at) => at,
                None => {
                    index.insert(name.clone(), out.len());
                    out.push((name, Seen::default()));
                    only_opener.push(None);
                    out.len() - 1
                }
            };
            out[at].1.titled |= titled;
            match &mut only_opener[at] {
                Some(only) => *only &= opener,
                none => {
                    *none = Some(opener);
                    in_sentence.push(at);
                }
            }
        }
        for at in in_sentence {
            if only_opener[at].take() == Some(true) {
                out[at].1.openers += 1;
            } else {
                out[at].1.sentences += 1;
            }
        }
        i = end;
    }
    out
}

/// The names in tokens `from..to` (one sentence): (name, whether it is a single word that
/// opens the sentence or a quotation, whether a title came before it).
fn sentence_names(
    text: &str,
    seg: &Segmented,
    from: usize,
    to: usize,
    titles: &Titles,
    first_names: &FirstNames,
) -> Vec<(String, bool, bool)> {
    let word = |k: usize| seg.tokens[k].span.slice(text);
    let sentence_start = seg.sentences[seg.tokens[from].sentence as usize].start;
    let gap_before = |k: usize| {
        let start = if k == from {
            sentence_start
        } else {
            seg.tokens[k - 1].span.end
        };
        text.get(start..seg.tokens[k].span.start).unwrap_or("")
    };
    let mut names = Vec::new();
    let mut k = from;
    while k < to {
        if !capitalised(word(k)) {
            k += 1;
            continue;
        }
        // The run: capitalised words with only white space between, up to a possessive.
        let mut run = vec![k];
        while !possessive(word(*run.last().unwrap_or(&k))) {
            let next = run.last().unwrap_or(&k) + 1;
            // Only white space between, or the full stop of an initial or a title ("Donald
            // J. Trump", "Sen. Warren").
            let joined = || {
                let gap = gap_before(next).trim();
                let prev = word(next - 1);
                gap.is_empty()
                    || (gap == "."
                        && (prev.chars().count() == 1
                            || titles.contains_lower(&prev.to_lowercase())))
            };
            if next < to && capitalised(word(next)) && joined() {
                run.push(next);
            } else {
                break;
            }
        }
        k = run.last().unwrap_or(&k) + 1;
        // A longer run is a headline or a list of capitals, not a name with its titles.
        if run.len() > MAX_RUN {
            continue;
        }
        let lower = |w: usize| strip_possessive(word(w)).to_lowercase().replace('’', "'");
        // Less the articles and dates that open it, and the dates that close it.
        while run.first().is_some_and(|&w| {
            let l = lower(w);
            is_stopword(&l) || is_calendar_word(&l)
        }) {
            run.remove(0);
        }
        while run.last().is_some_and(|&w| is_calendar_word(&lower(w))) {
            run.pop();
        }
        // A month's abbreviation alone is a date ("Sept. 12").
        if let [w] = run[..] {
            if MONTH_ABBREVIATIONS.contains(&lower(w).trim_end_matches('.')) {
                continue;
            }
        }
        // After a title or a kind of body and "of", the words are the rest of its name
        // ("Secretary of State", "Department of Homeland Security"), up to a person's first
        // name ("Secretary of State John Kerry"); a listed place stays a name ("President of
        // Russia").
        let after_of = run.first().is_some_and(|&w| {
            w >= from + 2 && word(w - 1) == "of" && {
                let head = strip_possessive(word(w - 2)).to_lowercase();
                titles.contains_lower(&head) || INSTITUTION_HEADS.contains(&head.as_str())
            }
        });
        if after_of {
            let all: Vec<&str> = run.iter().map(|&w| word(w)).collect();
            if !Places::bundled().contains(&all.join(" ")) {
                let person = (1..run.len().saturating_sub(1))
                    .find(|&p| first_names.gender(word(run[p]), "").is_some());
                match person {
                    Some(p) => {
                        run.drain(..p);
                    }
                    None => continue,
                }
            }
        }
        // Less the titles before a person's name: "President Trump", "Russian President
        // Vladimir Putin", "Chinese Xi Jinping", but not the words of a body's name ("White
        // House", "Democratic National Committee", "European Union"): the title words go when
        // one of them is a person's title, or when a first name follows them.
        let prefix = run
            .iter()
            .take_while(|&&w| titles.contains_lower(&lower(w)))
            .count();
        let person_title = run[..prefix]
            .iter()
            .any(|&w| PERSON_TITLES.contains(&lower(w).as_str()));
        // A person's title alone is no one in particular ("the President", "the Prime
        // Minister", "Mr."), nor is a kind of body ("the Center for …", "the University"); nor
        // is "I'm" or "Don't".
        if (prefix == run.len() && person_title)
            || (run.len() == 1 && INSTITUTION_HEADS.contains(&lower(run[0]).as_str()))
            || run
                .iter()
                .any(|&w| lower(w).starts_with("i'") || lower(w).ends_with("n't"))
        {
            continue;
        }
        let titled = prefix > 0
            && (person_title
                || (run.len() - prefix >= 2
                    && first_names.gender(word(run[prefix]), "").is_some()));
        if titled {
            run.drain(..prefix);
        }
        // Initials are left out of the name ("Donald J. Trump" is "Donald Trump"); a run in
        // headline case ("Trump Slams Clinton Over Emails") is not a name.
        let kept: Vec<usize> = run
            .iter()
            .copied()
            .filter(|&w| word(w).chars().count() > 1)
            .collect();
        if kept.is_empty() || kept.len() > 4 || kept.iter().any(|&w| is_stopword(&lower(w))) {
            continue;
        }
        let name = kept
            .iter()
            .map(|&w| strip_possessive(word(w)))
            .collect::<Vec<_>>()
            .join(" ");
        let first = kept[0];
        // (A hyphen between spaces opens too: "CHARLOTTE - Nearly a week after …".)
        let gap = gap_before(first);
        let opens = first == from || gap.contains(OPENERS) || matches!(gap.trim(), "-" | "--");
        names.push((name, kept.len() == 1 && opens && !titled, titled));
    }
    names
}

/// Months as news abbreviates them, less those [`is_calendar_word`] knows in full.
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// The most capitalised words in a row that can hold a name with its titles ("Former Russian
/// Deputy Prime Minister Alexander Novak"): longer runs are headlines.
const MAX_RUN: usize = 10;

/// Titles that only a person has: the title words before a single remaining word are dropped
/// when one of them is here ("President Trump" is Trump; "Supreme Court" stays).
const PERSON_TITLES: [&str; 45] = [
    "president",
    "minister",
    "secretary",
    "senator",
    "sen",
    "rep",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "mayor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "judge",
    "general",
    "gen",
    "chancellor",
    "king",
    "queen",
    "prince",
    "pope",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "leader",
    "premier",
    "sir",
    "lord",
    "lady",
    "colonel",
    "captain",
    "capt",
    "rev",
    "sheikh",
    "speaker",
    "commissioner",
    "deputy",
];

/// Characters after which a capital opens a sentence of its own: quotation marks, brackets,
/// colons and dashes.
const OPENERS: [char; 10] = ['"', '“', '‘', '\'', '(', '[', ':', '—', '–', '\n'];

/// A word that starts with a capital letter and is more than a digit or a symbol.
fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// A name's figures over the corpus.
#[derive(Debug, Clone, Default)]
struct NameStat {
    sentences: u64,
    openers: u64,
    docs: u32,
    titled: bool,
}

/// The names of a corpus, document by document.
#[derive(Debug, Clone, Default)]
pub struct NameTally {
    names: FxHashMap<Box<str>, NameStat>,
    /// Documents added.
    pub docs: u64,
    /// Names dropped when the tally was full (see [`MAX_NAMES`]), and the most documents any
    /// of them was in.
    pub dropped: (u64, u32),
}

/// A suggested actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// How it is shown: the full name.
    pub name: String,
    /// Its entries: the name, and the surname alone when that stands for this person.
    pub entries: Vec<String>,
    /// Documents that name it, by the entry that names it most often (the report counts the
    /// exact figure).
    pub docs: u32,
    /// For a surname left alone: the people of that surname it may stand for.
    pub may_be: Vec<String>,
}

impl NameTally {
    /// Adds one document's names.
    pub fn add(&mut self, names: Vec<(String, Seen)>) {
        self.docs += 1;
        for (name, seen) in names {
            let s = match self.names.get_mut(name.as_str()) {
                Some(s) => s,
                None => self.names.entry(name.into_boxed_str()).or_default(),
            };
            s.sentences += u64::from(seen.sentences);
            s.openers += u64::from(seen.openers);
            s.docs += 1;
            s.titled |= seen.titled;
        }
        if self.names.len() > MAX_NAMES {
            self.prune();
        }
    }

    /// Drops the names in the fewest documents until at most half of [`MAX_NAMES`] are left.
    fn prune(&mut self) {
        let mut t = 1;
        while self.names.len() > MAX_NAMES / 2 {
            let before = self.names.len();
            self.names.retain(|_, s| s.docs > t);
            self.dropped.0 += (before - self.names.len()) as u64;
            self.dropped.1 = self.dropped.1.max(t);
            t += 1;
        }
    }

    /// Names found in the corpus (a name seen only as a sentence's first word is none).
    pub fn len(&self) -> usize {
        self.names.values().filter(|s| s.sentences > 0).count()
    }

    /// Whether no name was found.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `top` actors the most documents name, most first (ties by name), with surnames
    /// joined to their people.
    pub fn suggest(&self, top: usize) -> Vec<Actor> {
        let names = FirstNames::bundled();
        let real: Vec<(&str, &NameStat)> = self
            .names
            .iter()
            .filter(|(_, s)| s.sentences > 0)
            .map(|(n, s)| (&**n, s))
            .collect();
        // People by surname, and by given name: (full name, documents), most documents first.
        let mut people: FxHashMap<&str, Vec<(&str, u32)>> = FxHashMap::default();
        let mut given: FxHashMap<&str, Vec<(&str, u32)>> = FxHashMap::default();
        for &(n, s) in &real {
            let words: Vec<&str> = n.split(' ').collect();
            // A title word, or its plural, ends no person's name: "Virginia Democrats" is a
            // party's branch, whatever "Virginia" is.
            let last = words[words.len() - 1].to_lowercase();
            let titles = Titles::bundled();
            let titled_end = titles.contains_lower(&last)
                || last
                    .strip_suffix('s')
                    .is_some_and(|one| titles.contains_lower(one));
            let first_name = names.gender(words[0], "").is_some();
            // Nor does a number: "Marine One", "Air Force One" are aircraft.
            let numbered = is_number_word(&last) || last == "one";
            if (2..=3).contains(&words.len())
                && !titled_end
                && !numbered
                && (s.titled || first_name)
            {
                let surname = words[words.len() - 1];
                people.entry(surname).or_default().push((n, s.docs));
                if first_name {
                    given.entry(words[0]).or_default().push((n, s.docs));
                }
            }
        }
        for list in people.values_mut().chain(given.values_mut()) {
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        }
        let mut actors: FxHashMap<&str, Actor> = FxHashMap::default();
        for &(n, s) in &real {
            actors.insert(
                n,
                Actor {
                    name: n.to_string(),
                    entries: vec![n.to_string()],
                    docs: s.docs,
                    may_be: Vec::new(),
                },
            );
        }
        // A surname alone, even one seen only opening sentences ("Macron said."): a person's
        // surname explains its capital.
        for (&surname, list) in &people {
            let Some((key, alone)) = self.names.get_key_value(surname) else {
                continue;
            };
            if clear(list) {
                actors.remove(surname);
                if let Some(person) = actors.get_mut(list[0].0) {
                    person.entries.push(surname.to_string());
                    person.docs = person.docs.max(alone.docs);
                }
            } else {
                let a = actors.entry(key).or_insert_with(|| Actor {
                    name: surname.to_string(),
                    entries: vec![surname.to_string()],
                    docs: alone.docs,
                    may_be: Vec::new(),
                });
                a.may_be = list.iter().map(|(n, _)| (*n).to_string()).collect();
            }
        }
        // A given name alone joins its one person the same way ("Hillary" and Hillary
        // Clinton), but only when seen inside sentences: a capital that opens one explains
        // nothing. Where it could be several people, it is left as it is.
        for (&first, list) in &given {
            if clear(list) && actors.contains_key(first) {
                join(&mut actors, first, list[0].0);
            }
        }
        // A plural joins its singular ("Republicans" and "Republican"), then a demonym its
        // place ("Russian", "Russians" and "Russia"; "Ukrainian" and "Ukraine").
        let mut single: Vec<&str> = actors
            .keys()
            .copied()
            .filter(|n| !n.contains(' '))
            .collect();
        single.sort_unstable();
        for &p in &single {
            if let Some(one) = p.strip_suffix('s') {
                join(&mut actors, p, one);
            }
        }
        // A party's or a faith's adjective in "-ic" joins its noun: "Democratic" and
        // "Democrat(s)", "Islamic" and "Islam".
        for &a in &single {
            if let Some(stem) = a.strip_suffix("ic") {
                join(&mut actors, a, stem);
                join(&mut actors, a, &format!("{stem}s"));
            }
        }
        for &d in &single {
            if let Some(&place) = single.iter().find(|&&c| is_demonym(c, d)) {
                join(&mut actors, d, place);
            }
        }
        // A place's short forms, capital and seat of government join it ("U.S", "America"
        // and "United States"; "Moscow", "Kremlin" and "Russia"); without the place, the
        // one in the most documents takes the others.
        for (place, others) in place_names() {
            let present: Vec<&str> = std::iter::once(place)
                .chain(others)
                .filter_map(|n| actors.get_key_value(n.trim_end_matches('.')))
                .map(|(&k, _)| k)
                .collect();
            let into = match present.first() {
                Some(&first) if first == place => Some(first),
                _ => present.iter().copied().rev().max_by_key(|k| actors[k].docs),
            };
            if let Some(into) = into {
                for &k in &present {
                    join(&mut actors, k, into);
                }
            }
        }
        // An acronym joins the one name of two or more words whose initials it is: "ICAO"
        // and "International Civil Aviation Organization", "AP" and "Associated Press".
        // (Where two names share the initials, it stays apart: "DNC" beside the Democratic
        // National Committee and Convention.)
        let mut by_initials: FxHashMap<String, Vec<&str>> = FxHashMap::default();
        for &n in actors.keys() {
            let words: Vec<&str> = n.split(' ').collect();
            if words.len() >= 2 {
                let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
                by_initials.entry(initials).or_default().push(n);
            }
        }
        let acronyms: Vec<&str> = actors
            .keys()
            .copied()
            .filter(|n| n.len() >= 2 && n.chars().all(|c| c.is_ascii_uppercase()))
            .collect();
        for a in acronyms {
            if let Some([full]) = by_initials.get(a).map(Vec::as_slice) {
                join(&mut actors, a, full);
            }
        }
        let mut out: Vec<Actor> = actors.into_values().collect();
        out.sort_by(|a, b| b.docs.cmp(&a.docs).then_with(|| a.name.cmp(&b.name)));
        out.truncate(top);
        out
    }
}

/// Whether the first of the people a surname or given name may stand for (most documents
/// first) is the one it stands for: the only one, or one named in three times as many
/// documents as the next.
fn clear(people: &[(&str, u32)]) -> bool {
    match people {
        [_] => true,
        [first, second, ..] => first.1 >= 3 * second.1,
        [] => false,
    }
}

/// Moves the entries of actor `from` into actor `into`, when both are there.
fn join(actors: &mut FxHashMap<&str, Actor>, from: &str, into: &str) {
    if from == into || !actors.contains_key(into) {
        return;
    }
    if let Some(gone) = actors.remove(from) {
        if let Some(a) = actors.get_mut(into) {
            a.entries.extend(gone.entries);
            a.docs = a.docs.max(gone.docs);
        }
    }
}

/// The places of `data/quotes/place_names.tsv`, each with its other names.
fn place_names() -> &'static [(String, Vec<String>)] {
    static NAMES: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    NAMES.get_or_init(|| parse_place_names(include_str!("../../../../data/quotes/place_names.tsv")))
}

/// Parses `place<TAB>name|name…` lines; `#` opens a comment line.
fn parse_place_names(src: &str) -> Vec<(String, Vec<String>)> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (place, others) = l.split_once('\t')?;
            let others = others.split('|').map(|n| n.trim().to_string());
            Some((
                place.trim().to_string(),
                others.filter(|n| !n.is_empty()).collect(),
            ))
        })
        .collect()
}

/// Whether `word` is the demonym of the place `place`: the place with "n", "an", "ian", "i",
/// "ese" or "ish" after it, or after it less a final vowel or "y" ("Russian", "Azerbaijani",
/// "Jordanian", "Ukrainian", "Chinese"), or the place less its "y" ("German"); or the plural of
/// one ("Germans"). Only for the places of `data/quotes/places.txt` ("Republican" is no
/// demonym of "Republic").
fn is_demonym(place: &str, word: &str) -> bool {
    if place.chars().count() < 4 || place == word || !Places::bundled().contains(place) {
        return false;
    }
    let stems = [
        Some(place),
        place
            .strip_suffix(['a', 'e', 'i', 'o', 'y'])
            .filter(|s| s.chars().count() >= 3),
    ];
    let suffixed = stems.into_iter().flatten().any(|stem| {
        word.strip_prefix(stem)
            .is_some_and(|rest| ["n", "an", "ian", "i", "ese", "ish"].contains(&rest))
    });
    suffixed
        || place.strip_suffix('y') == Some(word)
        || word
            .strip_suffix('s')
            .is_some_and(|one| is_demonym(place, one))
}

/// An `actors` lexicon of `actors`: one category per actor, its entries case-sensitive (a
/// name as written: "Bush" but not "bush"), described by the description of the same place
/// (none where there is none).
pub fn actors_lexicon(actors: &[Actor], descriptions: &[String], source: &str) -> Lexicon {
    let mut keys: Vec<String> = Vec::new();
    let categories = actors
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let base = category_key(&a.name);
            let mut key = base.clone();
            let mut n = 2;
            while keys.contains(&key) {
                key = format!("{base}_{n}");
                n += 1;
            }
            keys.push(key.clone());
            Category {
                name: key,
                description: descriptions.get(i).cloned().unwrap_or_default(),
                line: 0,
                entries: a
                    .entries
                    .iter()
                    .map(|e| Entry {
                        text: e.clone(),
                        line: 0,
                        case_sensitive: true,
                    })
                    .collect(),
                exclude: Vec::new(),
            }
        })
        .collect();
    Lexicon {
        name: "actors".to_string(),
        version: "0.1.0".to_string(),
        description: "The actors of this corpus's story, one category per actor: suggested by \
                      `slant lexicon actors`, to be edited."
            .to_string(),
        source: source.to_string(),
        licence: "CC0-1.0".to_string(),
        origin: String::new(),
        categories,
        exclude: Vec::new(),
    }
}

/// A category key for a name: lower case, words joined by `_`, full stops and apostrophes
/// dropped ("U.S" is `us`, "Donald Trump" `donald_trump`, "O'Brien" `obrien`).
pub fn category_key(name: &str) -> String {
    let mut key = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_alphanumeric() {
            key.push(c);
        } else if !matches!(c, '.' | '\'' | '’') && !key.is_empty() && !key.ends_with('_') {
            key.push('_');
        }
    }
    let key = key.trim_end_matches('_');
    if key.is_empty() {
        "actor".to_string()
    } else {
        key.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use slant_corpus::segment::segment;

    fn names(text: &str) -> Vec<(String, Seen)> {
        names_in(text, &segment(text))
    }

    fn tally(docs: &[&str]) -> NameTally {
        let mut t = NameTally::default();
        for d in docs {
            t.add(names(d));
        }
        t
    }

    /// The entries of the `top` actors suggested for `docs`, most documents first.
    fn entries_of(docs: &[&str], top: usize) -> Vec<Vec<String>> {
        tally(docs)
            .suggest(top)
            .into_iter()
            .map(|a| a.entries)
            .collect()
    }

    #[test]
    fn names_are_runs_of_capitals_less_titles_articles_dates_and_initials() {
        let got: Vec<String> = names(
            "On Monday, President Donald J. Trump met the Kremlin's envoy in New York. \
             The White House said Trump's plan was \"Great news for Ohio\". Meanwhile the \
             Senate waited.",
        )
        .into_iter()
        .map(|(n, _)| n)
        .collect();
        assert_eq!(
            got,
            [
                "Donald Trump",
                "Kremlin",
                "New York",
                "White House",
                "Trump",
                "Great",
                "Ohio",
                "Meanwhile",
                "Senate"
            ]
        );
        let seen = names("Meanwhile, Moscow said: \"Nobody knows.\" Moscow and Baku met.");
        let of = |n: &str| seen.iter().find(|(k, _)| k == n).unwrap().1;
        assert_eq!(
            of("Meanwhile"),
            Seen {
                sentences: 0,
                openers: 1,
                titled: false
            }
        );
        assert_eq!(
            of("Nobody"),
            Seen {
                sentences: 0,
                openers: 1,
                titled: false
            }
        );
        assert_eq!(
            of("Moscow"),
            Seen {
                sentences: 1,
                openers: 1,
                titled: false
            }
        );
        assert_eq!(
            of("Baku"),
            Seen {
                sentences: 1,
                openers: 0,
                titled: false
            }
        );
        let got: Vec<String> = names(
            "Mr. Smith and Sen. Elizabeth Warren met the Democratic National Committee, the \
             President, the Prime Minister, Russian President Vladimir Putin and the White \
             House on Monday's call. \
             I’m sure, said Smith.",
        )
        .into_iter()
        .map(|(n, _)| n)
        .collect();
        assert_eq!(
            got,
            [
                "Smith",
                "Elizabeth Warren",
                "Democratic National Committee",
                "Vladimir Putin",
                "White House"
            ]
        );
    }

    /// Every place of `place_names.tsv` is one `places.txt` lists, with other names; a line
    /// without a TAB is left out.
    #[test]
    fn every_place_with_other_names_is_a_listed_place() {
        let names = place_names();
        assert!(names.len() > 70, "{}", names.len());
        for (place, others) in names {
            assert!(Places::bundled().contains(place), "{place}");
            assert!(!others.is_empty(), "{place}");
        }
        assert_eq!(
            parse_place_names("# comment\nRussia\tMoscow| Kremlin\n\nno tab here\n"),
            [(
                "Russia".to_string(),
                vec!["Moscow".to_string(), "Kremlin".to_string()]
            )]
        );
    }

    /// Long runs of capitals and sentences of thousands of names take time in proportion to
    /// their length (they had taken its square), and give what a reader would expect.
    #[test]
    fn long_runs_and_crowded_sentences_stay_linear() {
        let crowd: String = (0..20_000).map(|i| format!("Name{i} Person, ")).collect();
        let seen = names(&format!("{crowd}and Moscow met. Moscow again."));
        assert_eq!(seen.len(), 20_001);
        assert_eq!(
            seen[20_000],
            (
                "Moscow".into(),
                Seen {
                    sentences: 1,
                    openers: 1,
                    titled: false
                }
            )
        );
        let capitals = "The ".repeat(50_000) + "Kremlin said so.";
        assert!(names(&capitals).is_empty());
        let ok = "The The Kremlin said so, and the Kremlin did.";
        assert_eq!(names(ok)[0].0, "Kremlin");
    }

    #[test]
    fn headline_case_runs_and_sentence_openers_are_not_names() {
        let t = tally(&[
            "Trump Slams Clinton Over Emails In Rally Speech. Meanwhile the Senate met.",
            "Meanwhile, the Senate met again.",
        ]);
        let actors: Vec<String> = t.suggest(10).into_iter().map(|a| a.name).collect();
        assert_eq!(actors, ["Senate"]);
        // Nor is a word after a dateline's hyphen, a month's abbreviation, a contraction, or
        // the rest of a title's or a body's name after "of" (a person or a place in it stays).
        let t = tally(&[
            "CHARLOTTE - Nearly a week later, on Sept. 12, the Secretary of State John Kerry \
             met the Department of Homeland Security. “Don't,” he said.",
            "The President of Russia met the secretary of State and the Minister of Defence. \
             Then the band Don't Stop played.",
        ]);
        let mut actors: Vec<String> = t.suggest(10).into_iter().map(|a| a.name).collect();
        actors.sort();
        assert_eq!(actors, ["John Kerry", "Russia"]);
        // A name that ends in a number is no person's: "One" joins nobody.
        let t = tally(&[
            "Marine One landed. Later, One took off.",
            "Marine One flew.",
        ]);
        let actors: Vec<Vec<String>> = t.suggest(10).into_iter().map(|a| a.entries).collect();
        assert_eq!(
            actors,
            [vec!["Marine One".to_string()], vec!["One".to_string()]]
        );
    }

    #[test]
    fn a_surname_joins_its_one_person_and_stays_alone_between_two() {
        let t = tally(&[
            "Donald Trump spoke in Ohio. Later, Trump said more.",
            "In Ohio, Trump spoke again.",
            "Hillary Clinton and Bill Clinton met. Later, Clinton said so.",
            "Hillary Clinton spoke. Bill Clinton spoke. Then Clinton spoke.",
            "President Xi Jinping met Xi Mingze.",
        ]);
        let got = t.suggest(10);
        let trump = got.iter().find(|a| a.name == "Donald Trump").unwrap();
        assert_eq!(trump.entries, ["Donald Trump", "Trump"]);
        assert_eq!(trump.docs, 2);
        let clinton = got.iter().find(|a| a.name == "Clinton").unwrap();
        assert_eq!(clinton.entries, ["Clinton"]);
        assert_eq!(clinton.may_be, ["Bill Clinton", "Hillary Clinton"]);
        assert!(got.iter().all(|a| a.name != "Trump"));
        // Most documents first, then by name.
        let order: Vec<&str> = got.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            order,
            [
                "Bill Clinton",
                "Clinton",
                "Donald Trump",
                "Hillary Clinton",
                "Ohio",
                "Xi Jinping",
                "Xi Mingze"
            ]
        );
        assert_eq!(t.suggest(2).len(), 2);
        // A name that ends in a title's plural is no person's; plurals join.
        let entries = entries_of(
            &[
                "Virginia Democrats met in Virginia. The Democrats and a Democrat spoke at \
                 Christopher Newport University. The University agreed.",
                "In Virginia, they met.",
            ],
            5,
        );
        assert_eq!(
            entries,
            [
                &["Virginia"][..],
                &["Christopher Newport University"],
                &["Democrat", "Democrats"],
                &["Virginia Democrats"]
            ]
        );
        // Demonyms join their places, plurals and all; a word that only looks like one stays.
        let entries = entries_of(
            &[
                "In Russia, Russians and a Russian met Ukrainians in Ukraine and Chinese in China.",
                "In Germany, Germans met. In Syria, Syrians met. The Trumpian style of Trump. \
                 The Republicans met in the Republic.",
            ],
            10,
        );
        assert_eq!(
            entries,
            [
                &["China", "Chinese"][..],
                &["Germany", "Germans"],
                &["Republic"],
                &["Republicans"],
                &["Russia", "Russian", "Russians"],
                &["Syria", "Syrians"],
                &["Trump"],
                &["Trumpian"],
                &["Ukraine", "Ukrainians"],
            ]
        );
        assert!(!is_demonym("Iran", "Iran") && !is_demonym("Ron", "Ronan"));
        // A place's short forms, capital and seat of government join it; without the place,
        // the name in the most documents takes the others. An adjective in "-ic" joins its
        // noun, singular or plural.
        let entries = entries_of(
            &[
                "The U.S. and the United States and America met Britain in London. Then Democrats met.",
                "The Kremlin spoke. Officials in Moscow and America agreed. The Democratic candidate won.",
                "The Kremlin spoke again in Madrid. The Islamic scholars studied Islam.",
            ],
            10,
        );
        assert_eq!(
            entries,
            [
                &["Kremlin", "Moscow"][..],
                &["United States", "U.S", "America"],
                &["Britain", "London"],
                &["Democrats", "Democratic"],
                &["Islam", "Islamic"],
                &["Madrid"],
            ]
        );
        assert!(is_demonym("Mexico", "Mexican") && is_demonym("Pakistan", "Pakistanis"));
        assert!(is_demonym("Europe", "European") && is_demonym("Africa", "Africans"));
        // An acronym joins the one name whose initials it is, and no name of two.
        let mut entries = entries_of(
            &[
                "The International Civil Aviation Organization met. Then the ICAO spoke to the \
                 Associated Press.",
                "The Democratic National Committee and the Democratic National Convention met. \
                 Then the DNC spoke, and the AP said so.",
            ],
            10,
        );
        entries.sort();
        assert_eq!(
            entries,
            [
                vec!["Associated Press", "AP"],
                vec!["DNC"],
                vec!["Democratic National Committee"],
                vec!["Democratic National Convention"],
                vec!["International Civil Aviation Organization", "ICAO"],
            ]
        );
        // A given name alone joins its one person, as a surname does.
        let entries = entries_of(
            &[
                "Hillary Clinton spoke. The crowd cheered Hillary and Clinton.",
                "Hillary Clinton spoke again.",
                "Hillary Clinton and Bill Clinton met. Later, Bill said so.",
            ],
            5,
        );
        assert_eq!(
            entries,
            [
                &["Hillary Clinton", "Clinton", "Hillary"][..],
                &["Bill Clinton", "Bill"]
            ]
        );
        // Two people of one given name, named alike: the given name stays apart.
        let got = tally(&[
            "Bill Clinton met Bill Gates. Later, Bill said so.",
            "Bill Clinton and Bill Gates spoke.",
        ])
        .suggest(5);
        assert!(got.iter().any(|a| a.entries == ["Bill"]), "{got:?}");
        // A surname that only opens sentences still joins its person.
        let got = tally(&["Emmanuel Macron spoke. Macron left.", "Macron spoke."]).suggest(5);
        assert_eq!(got[0].entries, ["Emmanuel Macron", "Macron"]);
        assert_eq!((got.len(), got[0].docs), (1, 2));
    }

    #[test]
    fn a_surname_joins_the_person_named_three_times_as_often() {
        let mut docs = vec!["Hillary Clinton spoke. Then Clinton spoke."; 3];
        docs.push("Bill Clinton spoke.");
        let got = tally(&docs).suggest(10);
        let hillary = got.iter().find(|a| a.name == "Hillary Clinton").unwrap();
        assert_eq!(hillary.entries, ["Hillary Clinton", "Clinton"]);
        // Five against two is not three times as often.
        docs.pop();
        docs.extend(["Hillary Clinton spoke. Then Clinton spoke."; 2]);
        docs.extend(["Bill Clinton spoke."; 2]);
        let got = tally(&docs).suggest(10);
        assert!(got.iter().any(|a| a.name == "Clinton"), "{got:?}");
    }

    #[test]
    fn a_full_tally_drops_the_rarest_names_first() {
        let mut t = NameTally::default();
        for i in 0..=MAX_NAMES {
            let mut names = vec![(
                format!("Name{i}"),
                Seen {
                    sentences: 1,
                    ..Seen::default()
                },
            )];
            if i % 2 == 0 {
                names.push((
                    "Moscow".to_string(),
                    Seen {
                        sentences: 1,
                        ..Seen::default()
                    },
                ));
            }
            t.add(names);
        }
        assert!(t.names.len() <= MAX_NAMES / 2, "{}", t.names.len());
        assert_eq!(t.dropped, (MAX_NAMES as u64, 1));
        assert_eq!(t.suggest(1)[0].name, "Moscow");
    }

    #[test]
    fn the_lexicon_has_one_case_sensitive_category_per_actor() {
        let actors = vec![
            Actor {
                name: "Donald Trump".into(),
                entries: vec!["Donald Trump".into(), "Trump".into()],
                docs: 3,
                may_be: vec![],
            },
            Actor {
                name: "Donald-Trump".into(),
                entries: vec!["Donald-Trump".into()],
                docs: 1,
                may_be: vec![],
            },
        ];
        let lex = actors_lexicon(
            &actors,
            &["3 docs".to_string(), "1 docs".to_string()],
            "test",
        );
        assert_eq!(lex.name, "actors");
        let cats: Vec<(&str, &str)> = lex
            .categories
            .iter()
            .map(|c| (c.name.as_str(), c.description.as_str()))
            .collect();
        assert_eq!(
            cats,
            [("donald_trump", "3 docs"), ("donald_trump_2", "1 docs")]
        );
        assert!(lex.categories[0].entries.iter().all(|e| e.case_sensitive));
        assert_eq!(category_key("U.S"), "us");
        assert_eq!(category_key("O’Brien-Smith"), "obrien_smith");
        assert_eq!(category_key("—"), "actor");
    }
}
