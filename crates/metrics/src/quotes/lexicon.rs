//! The editable word lists behind quote attribution: reporting verbs with their stance, title
//! words, and the speaker gazetteer. The bundled lists live in `data/quotes/` and are compiled
//! in; a user's gazetteer is parsed by the same code, with errors naming the line.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// How a reporting verb frames what it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stance {
    /// Reports without judging: said, told, added.
    Neutral,
    /// Lends weight: noted, explained, confirmed.
    Credence,
    /// Casts doubt: claimed, alleged, insisted, admitted.
    Distancing,
}

impl Stance {
    /// The name used in CSV files.
    pub fn name(self) -> &'static str {
        match self {
            Stance::Neutral => "neutral",
            Stance::Credence => "credence",
            Stance::Distancing => "distancing",
        }
    }

    /// The stance of a name written by [`Stance::name`].
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "neutral" => Some(Stance::Neutral),
            "credence" => Some(Stance::Credence),
            "distancing" => Some(Stance::Distancing),
            _ => None,
        }
    }
}

/// A reporting verb's lemma and stance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Lemma ("say" for said, says, saying).
    pub lemma: String,
    /// Stance class.
    pub stance: Stance,
    /// Whether the form reports speech only when "that" or a colon follows it: "The Post
    /// reports that …", "The Post reports: “…”", not "news reports said".
    pub needs_that: bool,
    /// Whether the form gives a label after it ("called it a “provocation”", "accused the
    /// leader of “recklessness”"): its title-case labels are the speaker's words too, and it
    /// attributes no quotation before it ("the “Russia House” in Baku, accused of …").
    pub labels: bool,
    /// Whether the form reports speech only where its clause ends right after it: "“…,” the
    /// statement read.", not "Critics read his tweets as …".
    pub needs_end: bool,
}

/// A problem in a word list, with its line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}:{line}: {message}")]
pub struct ListError {
    /// The file (or `bundled <name>`).
    pub origin: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// Reporting verbs: single words and multi-word phrases.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    single: FxHashMap<String, Cue>,
    multi: Vec<(Vec<String>, Cue)>,
    /// The first words of `multi`: most words start no phrase, and skip the scan.
    multi_first: FxHashSet<String>,
    /// The shapes of the single cues and the phrases' first words: most words of a text are no
    /// cue, and are told so without a hash lookup.
    shapes: Shapes,
}

/// A 4,096-bit filter of word shapes: first two bytes, last byte and length, in ASCII lower
/// case. A word whose shape is unset is none of the words added.
#[derive(Debug, Clone)]
struct Shapes([u64; 64]);

impl Default for Shapes {
    fn default() -> Self {
        Shapes([0; 64])
    }
}

impl Shapes {
    fn bit(word: &str) -> usize {
        let b = word.as_bytes();
        let at = |i: usize| usize::from(b.get(i).map_or(0, u8::to_ascii_lowercase));
        let last = b.len().checked_sub(1).map_or(0, at);
        let h = ((at(0) * 31 + at(1)) * 31 + last) * 31 + b.len();
        h.wrapping_mul(0x9E37_79B9) >> 7 & 4095
    }

    fn add(&mut self, word: &str) {
        let i = Self::bit(word);
        self.0[i / 64] |= 1 << (i % 64);
    }

    /// Whether an ASCII word, in any case, may be an added word.
    fn may_have_ascii(&self, word: &str) -> bool {
        let i = Self::bit(word);
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

fn fields(src: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    src.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').map(str::trim).collect()))
        }
    })
}

impl Cues {
    /// Parses `form<TAB>lemma<TAB>stance` lines, with an optional fourth field: `that` for a
    /// form that is a cue only before "that" (or a colon), `label` for one that gives a label
    /// after it ([`Cue::labels`]), `end` for one that is a cue only where its clause ends
    /// right after it ([`Cue::needs_end`]).
    pub fn parse(src: &str, origin: &str) -> Result<Self, ListError> {
        let mut cues = Cues::default();
        for (line, f) in fields(src) {
            let err = |message: String| ListError {
                origin: origin.to_string(),
                line,
                message,
            };
            let (form, lemma, stance, fourth) = match f[..] {
                [form, lemma, stance] => (form, lemma, stance, ""),
                [form, lemma, stance, fourth @ ("that" | "label" | "end")] => {
                    (form, lemma, stance, fourth)
                }
                [_, _, _, other] => {
                    return Err(err(format!(
                        "unknown fourth field `{other}`; use `that` (a cue only before \"that\"), `label` (a cue that gives a label after it) or `end` (a cue only where its clause ends after it)"
                    )))
                }
                _ => {
                    return Err(err(format!(
                        "expected 3 or 4 fields separated by tabs (form, lemma, stance[, that|label|end]), found {}",
                        f.len()
                    )))
                }
            };
            let stance = Stance::parse(stance).ok_or_else(|| {
                err(format!(
                    "unknown stance `{stance}`; use neutral, credence or distancing"
                ))
            })?;
            let cue = Cue {
                lemma: lemma.to_string(),
                stance,
                needs_that: fourth == "that",
                labels: fourth == "label",
                needs_end: fourth == "end",
            };
            let words: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
            match words.len() {
                0 => return Err(err("empty form".into())),
                1 => {
                    cues.single.insert(words[0].clone(), cue);
                }
                _ => cues.multi.push((words, cue)),
            }
        }
        // Longest phrases first, so "pointed out" wins over a shorter phrase.
        cues.multi
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        cues.multi_first = cues.multi.iter().map(|(w, _)| w[0].clone()).collect();
        for word in cues.single.keys().chain(&cues.multi_first) {
            cues.shapes.add(word);
        }
        Ok(cues)
    }

    /// The bundled list, `data/quotes/cues.tsv`.
    pub fn bundled() -> &'static Cues {
        static CUES: OnceLock<Cues> = OnceLock::new();
        CUES.get_or_init(|| {
            Cues::parse(
                include_str!("../../../../data/quotes/cues.tsv"),
                "data/quotes/cues.tsv",
            )
            .unwrap_or_default()
        })
    }

    /// The cue starting at `words[0]`, if any, and how many words it takes.
    pub fn at<W: AsRef<str>>(&self, words: &[W]) -> Option<(usize, &Cue)> {
        let first = words.first()?.as_ref();
        let ascii = first.is_ascii();
        // Lower-cased on the stack for the usual short ASCII word.
        let mut buf = [0u8; 32];
        let owned;
        let lower: &str = if ascii && first.len() <= buf.len() {
            let b = &mut buf[..first.len()];
            b.copy_from_slice(first.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).unwrap_or(first)
        } else {
            owned = first.to_lowercase();
            &owned
        };
        self.at_lowered(lower, ascii, words)
    }

    /// [`Cues::at`] for words whose first is known in lower case (`lower`, from
    /// [`str::to_lowercase`]) and known to be ASCII or not.
    pub(crate) fn at_lowered<W: AsRef<str>>(
        &self,
        lower: &str,
        ascii: bool,
        words: &[W],
    ) -> Option<(usize, &Cue)> {
        // Most words are no cue's first word, as their shape tells (that of their lower case).
        if ascii && !self.shapes.may_have_ascii(lower) {
            return None;
        }
        if !ascii || self.multi_first.contains(lower) {
            if let Some(found) = self.phrase_at(words) {
                return Some(found);
            }
        }
        self.single.get(lower).map(|c| (1, c))
    }

    /// The multi-word cue starting at `words[0]`, longest first.
    fn phrase_at<W: AsRef<str>>(&self, words: &[W]) -> Option<(usize, &Cue)> {
        for (phrase, cue) in &self.multi {
            if words.len() >= phrase.len()
                && phrase
                    .iter()
                    .zip(words)
                    .all(|(p, w)| w.as_ref().eq_ignore_ascii_case(p))
            {
                return Some((phrase.len(), cue));
            }
        }
        None
    }
}

/// Title and description words that precede names.
#[derive(Debug, Clone, Default)]
pub struct Titles(FxHashSet<String>);

/// The first field of each line of a list, in lower case.
fn lower_lines(src: &str) -> FxHashSet<String> {
    fields(src)
        .filter_map(|(_, f)| f.first().map(|w| w.to_lowercase()))
        .collect()
}

impl Titles {
    /// Parses one word per line.
    pub fn parse(src: &str) -> Self {
        Titles(lower_lines(src))
    }

    /// The bundled list, `data/quotes/titles.txt`.
    pub fn bundled() -> &'static Titles {
        static TITLES: OnceLock<Titles> = OnceLock::new();
        TITLES.get_or_init(|| Titles::parse(include_str!("../../../../data/quotes/titles.txt")))
    }

    /// Whether a word (any case, trailing "." ignored) is a title word.
    pub fn contains(&self, word: &str) -> bool {
        self.contains_lower(&word.to_lowercase())
    }

    /// [`Titles::contains`] for a word already in lower case.
    pub fn contains_lower(&self, lower: &str) -> bool {
        self.0.contains(lower.trim_end_matches('.'))
    }
}

/// Places, and bodies named after their place, that are never one person ("North Korea",
/// "Moscow", "the White House"): `data/quotes/places.txt`.
#[derive(Debug, Clone, Default)]
pub struct Places(FxHashSet<String>);

impl Places {
    /// Parses one name per line.
    pub fn parse(src: &str) -> Self {
        Places(lower_lines(src))
    }

    /// The bundled list, `data/quotes/places.txt`.
    pub fn bundled() -> &'static Places {
        static PLACES: OnceLock<Places> = OnceLock::new();
        PLACES.get_or_init(|| Places::parse(include_str!("../../../../data/quotes/places.txt")))
    }

    /// Whether a name (any case, with or without "the") is a listed place.
    pub fn contains(&self, name: &str) -> bool {
        let name = name.trim();
        // (Asked for each speaker: a short ASCII name is folded on the stack.)
        let mut buf = [0u8; 48];
        let lower: std::borrow::Cow<'_, str> = match buf.get_mut(..name.len()) {
            Some(b) if name.is_ascii() => {
                b.copy_from_slice(name.as_bytes());
                b.make_ascii_lowercase();
                std::str::from_utf8(b).map_or_else(|_| name.to_lowercase().into(), Into::into)
            }
            _ => name.to_lowercase().into(),
        };
        let bare = lower.strip_prefix("the ").unwrap_or(&lower);
        self.0.contains(bare)
    }
}

/// Grammatical gender of a name, as news pronouns refer to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// "she".
    Female,
    /// "he".
    Male,
}

/// Given names and their usual gender, for matching "he" and "she" to a speaker.
#[derive(Debug, Clone, Default)]
pub struct FirstNames(FxHashMap<String, Gender>);

impl FirstNames {
    /// Parses `name<TAB>f|m` lines.
    pub fn parse(src: &str, origin: &str) -> Result<Self, ListError> {
        let mut map = FxHashMap::default();
        for (line, f) in fields(src) {
            let gender = match f[..] {
                [_, "f"] => Gender::Female,
                [_, "m"] => Gender::Male,
                _ => {
                    return Err(ListError {
                        origin: origin.to_string(),
                        line,
                        message: "expected a name, a tab, and f or m".into(),
                    })
                }
            };
            map.insert(f[0].to_lowercase(), gender);
        }
        Ok(FirstNames(map))
    }

    /// The bundled list, `data/quotes/first_names.tsv`.
    pub fn bundled() -> &'static FirstNames {
        static NAMES: OnceLock<FirstNames> = OnceLock::new();
        NAMES.get_or_init(|| {
            FirstNames::parse(
                include_str!("../../../../data/quotes/first_names.tsv"),
                "data/quotes/first_names.tsv",
            )
            .unwrap_or_default()
        })
    }

    /// The gender of a full name, from its title ("Mr.", "Ms.") or its first word.
    pub fn gender(&self, name: &str, titles: &str) -> Option<Gender> {
        // (Compared without folding each word into a new string: roles can be long.)
        let is = |t: &str, list: &[&str]| list.iter().any(|w| t.eq_ignore_ascii_case(w));
        for t in titles.split(|c: char| !c.is_alphanumeric()) {
            if is(t, &["mr", "sir", "lord", "king", "prince"]) {
                return Some(Gender::Male);
            }
            if is(t, &["mrs", "ms", "miss", "lady", "queen", "princess"]) {
                return Some(Gender::Female);
            }
        }
        let first = name.split_whitespace().next()?;
        self.0.get(&first.to_lowercase()).copied()
    }
}

/// Speaker groups: names with aliases, and words found in a name or role.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Lower-cased name or alias to (canonical name, group).
    names: FxHashMap<String, (String, String)>,
    /// Lower-cased words of a phrase, and its group, in file order.
    words: Vec<(Vec<String>, String)>,
    /// The phrases of `words` by their first two words: their places in `words`, in file order.
    /// (A phrase of one word is under its word and "".) By two words, not one: a maintainer's
    /// file of many rules that open with one word would otherwise be read through for every
    /// speaker word equal to it.
    by_first: FxHashMap<String, FxHashMap<String, Vec<usize>>>,
    /// Titles as written ("President"), and their group, in file order: see [`title_of`].
    titles: Vec<(String, String)>,
}

/// Words that may stand before a title in a role without making it another body's: "Former
/// President", "Vice President", "U.S. President", "South Korean President".
const TITLE_MODIFIERS: [&str; 15] = [
    "former", "vice", "u.s.", "us", "then", "acting", "deputy", "interim", "outgoing", "incoming",
    "late", "north", "south", "east", "west",
];

/// Whether `part` of a role is the title `title` as written before a name, alone or after
/// modifiers only ([`TITLE_MODIFIERS`], or a nationality: "Afghan", "French", "Israeli").
/// Not a body's title: "European Council President", "Virginia AFL-CIO President", "Emirates
/// President", nor the lower-case "president of the NAACP".
fn title_of(part: &str, title: &str) -> bool {
    let Some(before) = part.strip_suffix(title) else {
        return false;
    };
    let nationality = |w: &str| {
        w.len() >= 4
            && w.starts_with(|c: char| c.is_uppercase())
            && w.chars().all(char::is_alphabetic)
            && ["an", "ese", "ish", "ic", "i", "ch"]
                .iter()
                .any(|e| w.ends_with(e))
    };
    (before.is_empty() || before.ends_with(' '))
        && before
            .split_whitespace()
            .all(|w| TITLE_MODIFIERS.contains(&w.to_lowercase().as_str()) || nationality(w))
}

/// The group of a speaker no rule matches.
pub const UNCLASSIFIED: &str = "unclassified";

/// The words a `word` rule matches, and a speaker's name and role are matched in: split at
/// anything but letters, digits, apostrophes and hyphens, in lower case, with ’ as '.
fn match_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

/// A speaker's word as a rule's word may be written: itself, and without a plural's "s".
fn forms(w: &str) -> impl Iterator<Item = &str> {
    std::iter::once(w).chain(w.strip_suffix('s'))
}

/// Whether a `word` rule's `phrase` occurs in `words` at `k` (a word ending in "s" matches
/// the phrase's word without it: "officials" is "official").
fn phrase_at(words: &[String], k: usize, phrase: &[String]) -> bool {
    words
        .get(k..k + phrase.len())
        .is_some_and(|w| w.iter().zip(phrase).all(|(a, b)| forms(a).any(|f| f == b)))
}

impl Gazetteer {
    /// Parses `name<TAB>Canonical|alias…<TAB>group`, `word<TAB>phrase<TAB>group` and
    /// `title<TAB>Title<TAB>group` lines.
    pub fn parse(src: &str, origin: &str) -> Result<Self, ListError> {
        let mut g = Gazetteer::default();
        g.extend(src, origin)?;
        Ok(g)
    }

    /// Adds the rules of another file after these.
    pub fn extend(&mut self, src: &str, origin: &str) -> Result<(), ListError> {
        for (line, f) in fields(src) {
            let err = |message: String| ListError {
                origin: origin.to_string(),
                line,
                message,
            };
            let [kind, what, group] = f[..] else {
                return Err(err(format!(
                    "expected 3 fields separated by tabs (name|word|title, text, group), found {}",
                    f.len()
                )));
            };
            if group.is_empty() || what.is_empty() {
                return Err(err("empty name or group".into()));
            }
            match kind {
                "name" => {
                    let mut names = what.split('|').map(str::trim).filter(|n| !n.is_empty());
                    let Some(canonical) = names.next() else {
                        return Err(err("no name before the first `|`".into()));
                    };
                    for n in std::iter::once(canonical).chain(names) {
                        self.names
                            .entry(n.to_lowercase())
                            .or_insert_with(|| (canonical.to_string(), group.to_string()));
                    }
                }
                "word" => {
                    if !self.push_word(what, group) {
                        return Err(err(format!("`{what}` has no word to match")));
                    }
                }
                "title" => self.titles.push((what.to_string(), group.to_string())),
                other => {
                    return Err(err(format!(
                        "unknown rule `{other}`; a line starts with `name`, `word` or `title`"
                    )))
                }
            }
        }
        Ok(())
    }

    /// Adds a `word` rule after the others, split as the speakers' words are (so that "U.S.
    /// Attorney" matches); false when it has no word to match.
    fn push_word(&mut self, what: &str, group: &str) -> bool {
        let phrase = match_words(what);
        let Some(first) = phrase.first() else {
            return false;
        };
        self.by_first
            .entry(first.clone())
            .or_default()
            .entry(phrase.get(1).cloned().unwrap_or_default())
            .or_default()
            .push(self.words.len());
        self.words.push((phrase, group.to_string()));
        true
    }

    /// What `slant lexicon check` says of a gazetteer file: the first line that does not
    /// read, as an error; else, as warnings, each `word` rule that never decides a group,
    /// because an earlier rule matches wherever it does ("Marine Corps" after "Corp", whose
    /// plural it is), and each name or alias given again after a first rule (which wins).
    pub fn lint(src: &str, origin: &str) -> Vec<crate::lexicon::Problem> {
        use crate::lexicon::Problem;
        if let Err(e) = Gazetteer::parse(src, origin) {
            return vec![Problem::error(origin, e.line, e.message)];
        }
        let mut problems = Vec::new();
        let mut rules = Gazetteer::default();
        // (The line and the text of each word rule, and of each name.)
        let mut word_at: Vec<(usize, &str)> = Vec::new();
        let mut named: FxHashMap<String, (usize, &str)> = FxHashMap::default();
        for (line, f) in fields(src) {
            let [kind, what, group] = f[..] else { continue };
            match kind {
                "word" => {
                    // The earliest rule before this one that matches wherever it does.
                    let shadow = rules.first_rule(&match_words(what));
                    if let Some(r) = shadow {
                        let (at, text) = word_at[r];
                        let earlier = &rules.words[r].1;
                        let why = if earlier == group {
                            format!("already gives `{group}` wherever this rule matches; remove this one")
                        } else {
                            format!("gives `{earlier}` wherever this rule matches; move this rule above it for `{group}`")
                        };
                        problems.push(Problem::warning(
                            origin,
                            line,
                            format!("`{what}` never decides a group: line {at}'s `{text}`, earlier, {why}"),
                        ));
                    }
                    rules.push_word(what, group);
                    word_at.push((line, what));
                }
                "name" => {
                    for n in what.split('|').map(str::trim).filter(|n| !n.is_empty()) {
                        match named.get(&n.to_lowercase()) {
                            Some(&(at, first)) => problems.push(Problem::warning(
                                origin,
                                line,
                                format!("`{n}` is already a name on line {at} (`{first}`), which wins; remove it here"),
                            )),
                            None => {
                                named.insert(n.to_lowercase(), (line, what));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        problems
    }

    /// The bundled gazetteer, `data/quotes/speakers.tsv`.
    pub fn bundled() -> Gazetteer {
        Gazetteer::parse(
            include_str!("../../../../data/quotes/speakers.tsv"),
            "data/quotes/speakers.tsv",
        )
        .unwrap_or_default()
    }

    /// The canonical form of a name, if the gazetteer knows it.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.names
            .get(&name.to_lowercase())
            .map(|(c, _)| c.as_str())
    }

    /// The `word` rule first in file order that matches anywhere in `words`: each word, with
    /// the word after it or alone, looks up the rules that start so (each word also less a
    /// plural's "s").
    fn first_rule(&self, words: &[String]) -> Option<usize> {
        let mut first: Option<usize> = None;
        for (k, w) in words.iter().enumerate() {
            for by_second in forms(w).filter_map(|key| self.by_first.get(key)) {
                let seconds =
                    std::iter::once("").chain(words.get(k + 1).into_iter().flat_map(|n| forms(n)));
                for rules in seconds.filter_map(|second| by_second.get(second)) {
                    for &r in rules.iter().take_while(|&&r| first.is_none_or(|f| r < f)) {
                        if phrase_at(words, k, &self.words[r].0) {
                            first = Some(r);
                            break;
                        }
                    }
                }
            }
        }
        first
    }

    /// Whether a speaker's name is a person's: two to four capitalised words, the first a
    /// known given name, the last no head of a body and no plural of a `word` rule's ("John
    /// Bishop", "Bob Judge"; not "Amnesty International", "Victoria Police", "Virginia
    /// Democrats" or a headline's "… Survivors"). Its words describe nothing: "John Bishop"
    /// is no religious leader.
    fn is_personal_name(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split(' ').collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return false;
        };
        let last = last.to_lowercase();
        let rule = |w: &str| self.by_first.get(w).is_some_and(|by| by.contains_key(""));
        let plural_rule = last
            .strip_suffix('s')
            .is_some_and(|one| rule(one) || rule(&last));
        (2..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && FirstNames::bundled().gender(first, "").is_some()
            && !super::speaker::INSTITUTION_HEADS.contains(&last.as_str())
            && !plural_rule
    }

    /// The group of a speaker given its name and role.
    pub fn group(&self, name: &str, role: &str) -> &str {
        if let Some((_, g)) = self.names.get(&name.to_lowercase()) {
            return g;
        }
        // A name after a courtesy title is a person's, whose words describe nothing: "Mr.
        // Bishop", "Ms. Judge", "Dr. John King" (what the document introduced them as, after
        // the title, still does: "Mr, a nursing home owner").
        let titled = role
            .split(", ")
            .next()
            .is_some_and(|t| !t.trim().is_empty() && super::names::only_courtesy_titles(t));
        let words = if titled || self.is_personal_name(name) {
            match_words(role)
        } else {
            match_words(&format!("{name} {role}"))
        };
        if let Some(r) = self.first_rule(&words) {
            return &self.words[r].1;
        }
        for (title, group) in &self.titles {
            if role.split(", ").any(|part| title_of(part.trim(), title)) {
                return group;
            }
        }
        UNCLASSIFIED
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lists_parse() {
        let cues = Cues::parse(include_str!("../../../../data/quotes/cues.tsv"), "cues").unwrap();
        assert_eq!(cues.at(&["said"]).unwrap().1.lemma, "say");
        assert_eq!(
            cues.at(&["according", "to", "X"]).unwrap(),
            (
                2,
                &Cue {
                    lemma: "according to".into(),
                    stance: Stance::Neutral,
                    needs_that: false,
                    labels: false,
                    needs_end: false,
                }
            )
        );
        assert_eq!(cues.at(&["Claimed"]).unwrap().1.stance, Stance::Distancing);
        assert!(cues.at(&["plane"]).is_none());
        let g =
            Gazetteer::parse(include_str!("../../../../data/quotes/speakers.tsv"), "g").unwrap();
        // A country or capital that speaks is its state's officials, under its own name.
        assert_eq!(g.group("Moscow", ""), "Russian officials");
        assert_eq!(g.canonical("Moscow"), Some("Moscow"));
        assert_eq!(g.group("Officials in Baku", ""), "Azerbaijani officials");
        assert!(Titles::bundled().contains("President"));
        // "President" before a name is a head of state's title; a body's president is not.
        for role in [
            "President",
            "Former President",
            "Mr, President",
            "Afghan President",
            "South Korean President",
        ] {
            assert_eq!(g.group("Jane Roe", role), "politicians", "{role}");
        }
        for role in [
            "European Council President",
            "Virginia AFL-CIO President",
            "Emirates President",
            "president of the NAACP",
            "Presidential",
        ] {
            assert_eq!(g.group("Jane Roe", role), UNCLASSIFIED, "{role}");
        }
        let names = FirstNames::parse(include_str!("../../../../data/quotes/first_names.tsv"), "f")
            .unwrap();
        assert_eq!(names.gender("Hillary Clinton", ""), Some(Gender::Female));
        assert_eq!(names.gender("Donald Trump", ""), Some(Gender::Male));
        assert_eq!(names.gender("Smith", "Ms."), Some(Gender::Female));
        assert_eq!(names.gender("Zorblax Quux", ""), None);
        let places = Places::bundled();
        assert!(places.contains("North Korea") && places.contains("the White House"));
        assert!(places.contains("MOSCOW") && !places.contains("Jordan"));
    }

    /// The bundled gazetteer knows the roles of any beat, not only the bundled corpus's, and
    /// its order puts the telling word first: an unnamed source is unnamed whatever they are,
    /// an outlet's staff are the outlet's, a body that speaks is the body's, not its document's.
    #[test]
    fn bundled_speaker_groups_cover_the_common_beats() {
        let g = Gazetteer::bundled();
        for (name, role, want) in [
            (
                "Jane Roe",
                "the former special envoy to the region",
                "officials",
            ),
            ("Jane Roe", "Chargers coach", "sports"),
            (
                "Jane Roe",
                "a chest doctor at the city hospital",
                "health professionals",
            ),
            (
                "Jane Roe",
                "an immunologist at the University of Utah",
                "analysts",
            ),
            (
                "Jane Roe",
                "president and chief operating officer of Acme",
                "business",
            ),
            ("Jane Roe", "a financial adviser in Duluth", "business"),
            (
                "Jane Roe",
                "a longtime political adviser to the Smith family",
                "aides and advisers",
            ),
            ("Jane Roe", "singer", "artists and entertainers"),
            ("Jane Roe", "Justice", "judges"),
            ("Jane Roe", "a Justice Department official", "officials"),
            ("Jane Roe", "PolitiFact Executive Director", "media"),
            (
                "Jane Roe",
                "executive director of the Arms Control Association",
                "activists",
            ),
            ("Jane Roe", "the blogger behind Physician on Fire", "media"),
            // An outlet by name, before the words its name holds: "company", "economist".
            ("Fast Company", "", "media"),
            ("a new Fast Company report", "", "media"),
            ("The Economist", "", "media"),
            ("Jane Roe", "an economist at the bank", "analysts"),
            ("The Chicago Tribune", "", "media"),
            ("CNBC", "", "media"),
            ("Jane Roe", "9/11 widow", "citizens"),
            ("A person familiar with the matter", "", "anonymous sources"),
            (
                "a senior official who spoke on condition of anonymity",
                "",
                "anonymous sources",
            ),
            ("The study", "", "reports and documents"),
            ("a Pentagon report", "", "US officials"),
            ("The German automaker", "", "business"),
            ("NASA", "", "US officials"),
            ("Jane Roe", "Homeland Security Secretary", "US officials"),
            ("Downing Street", "", "officials"),
            // A plural matches its rule's singular, and the rule first in the file wins
            // wherever its word stands.
            ("Protesters", "", "activists"),
            ("Jane Roe", "a Republican tax consultant", "analysts"),
        ] {
            assert_eq!(g.group(name, role), want, "{name} | {role}");
        }
    }

    #[test]
    fn errors_name_the_line() {
        let e = Cues::parse("# c\nsaid\tsay\n", "my.tsv").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.to_string()
                .starts_with("my.tsv:2: expected 3 or 4 fields"),
            "{e}"
        );
        let e = Cues::parse("reports\treport\tneutral\tthen\n", "my.tsv").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("my.tsv:1: unknown fourth field `then`"),
            "{e}"
        );
        let cues = Cues::parse("reports\treport\tneutral\tthat\n", "my.tsv").unwrap();
        assert!(cues.at(&["reports"]).unwrap().1.needs_that);
        let cues = Cues::parse("read\tread\tneutral\tend\n", "my.tsv").unwrap();
        let read = cues.at(&["read"]).unwrap().1;
        assert!(read.needs_end && !read.needs_that && !read.labels);
        let cues = Cues::parse("likened\tliken\tneutral\tlabel\n", "my.tsv").unwrap();
        let likened = cues.at(&["likened"]).unwrap().1;
        assert!(likened.labels && !likened.needs_that);
        let e = Gazetteer::parse("name\tX\tg\nperson\tY\tg\n", "g.tsv").unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.tsv:2: unknown rule `person`; a line starts with `name`, `word` or `title`"
        );
    }

    #[test]
    fn groups_by_name_alias_and_word() {
        let g = Gazetteer::bundled();
        assert_eq!(g.canonical("putin"), Some("Vladimir Putin"));
        assert_eq!(g.group("Vladimir Putin", ""), "Russian officials");
        assert_eq!(g.group("Farhad Mammadov", ""), "analysts");
        assert_eq!(g.group("Jane Roe", "a political analyst at X"), "analysts");
        assert_eq!(g.group("Jane Roe", "analysts"), "analysts");
        assert_eq!(g.group("John Doe", "a plumber"), UNCLASSIFIED);
    }

    /// The bundled rules read a role by its head before its modifiers: a party word only when
    /// nothing else in the role has a group.
    #[test]
    fn roles_of_any_country_by_their_head() {
        let g = Gazetteer::bundled();
        for (role, group) in [
            ("Massachusetts Sen.", "US politicians"),
            ("Clinton campaign spokesman", "spokespeople"),
            ("Clinton campaign manager", "aides and advisers"),
            ("a Taliban representative", UNCLASSIFIED),
            ("vice president of sales", UNCLASSIFIED),
            ("Wells Fargo CEO", "business"),
            ("a Republican tax consultant", "analysts"),
            ("longtime Democratic pollster", "analysts"),
            ("Retired U.S. Air Force Gen.", "military"),
            ("German Chancellor", "politicians"),
            ("Secretary of State", "officials"),
            ("White House press secretary", "US officials"),
            ("Manhattan Supreme Court Justice", "judges"),
            ("Solicitor General", "officials"),
            ("chief inspector", "officials"),
            (
                "a well-known climate scientist at Pennsylvania State University",
                "analysts",
            ),
            ("Opposition Leader", "politicians"),
            ("Republican", "US politicians"),
        ] {
            assert_eq!(g.group("Jane Roe", role), group, "{role}");
        }
    }
}
