//! Speakers resolved across documents: a bare surname takes the full name its document or
//! the corpus uses, and each speaker gets a group from the gazetteer.

use super::*;

/// Full names of two or more words seen in the corpus, by lower-case surname: how a bare
/// surname that its own document does not explain is resolved. Grows with the distinct names
/// of the corpus, not with its documents. (A set per surname: a generated corpus of a million
/// articles names hundreds of people with one surname, and lists scanned for each name and
/// each quote made the report's quote pass grow with their square; so each surname's answer
/// is worked out once, on its first question, and kept until a name is added.)
#[derive(Debug, Clone, Default)]
pub struct Surnames {
    names: FxHashMap<String, FxHashSet<String>>,
    picked: std::cell::RefCell<Picked>,
}

/// The full name picked for a lower-case surname and a gender its titles give, if one can be.
type Picked = FxHashMap<(String, Option<Gender>), Option<String>>;

impl Surnames {
    /// Records the names a document mentions and the names its quotes give, as extracted
    /// (before [`resolve_in_doc`]).
    pub fn add(&mut self, doc: &DocQuotes) {
        let co = doc.quotes.iter().flat_map(|q| &q.co_speakers);
        for n in doc
            .names
            .iter()
            .chain(doc.quotes.iter().map(|q| &q.speaker))
            .chain(co.map(|c| &c.speaker))
        {
            // A full name has two or more words, the first and last capitalised ("Ursula von
            // der Leyen"); a speaker given as a description ("a government spokesman") names
            // no one.
            let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            // (Nor does a party's members across the corpus: "Virginia Democrats" in one
            // article is not whom "Democrats" in another stands for. Within one article it
            // may be.)
            let members = |last: &str| PARTY_MEMBERS.contains(&last.to_lowercase().as_str());
            let Some((first, last)) = n.split_once(' ').zip(n.rsplit_once(' ')) else {
                continue;
            };
            // (Longer capitalised runs are titles and headlines: "Clinton Campaign Reportedly
            // Scrambling For Black Voter Turnout In Florida" is no full name of "Florida".)
            let words = n.split(' ').count();
            if capitalised(first.0)
                && capitalised(last.1)
                && words <= MAX_NAME_WORDS
                && !explains_no_surname(n)
                && !members(last.1)
            {
                let e = self.names.entry(last.1.to_lowercase()).or_default();
                if !e.contains(n) {
                    e.insert(n.clone());
                    self.picked.get_mut().clear();
                }
            }
        }
    }

    /// The form of a full name the corpus also writes without its middle initials: "Donald J
    /// Trump" is Donald Trump where the corpus names Donald Trump too, so that one person is
    /// counted under one name. `None` when the name has no middle initial or the corpus has
    /// no such form.
    pub fn without_initials(&self, name: &str) -> Option<&str> {
        let short = without_initials(name)?;
        let last = short.rsplit(' ').next()?.to_lowercase();
        self.names.get(&last)?.get(&short).map(String::as_str)
    }

    /// The one full name with this surname, if there is exactly one.
    pub fn unique(&self, surname: &str) -> Option<&str> {
        self.unique_for(surname, None)
    }

    /// The full name with this surname that a speaker of gender `want` (as titles or
    /// pronouns give it) is, if one can be told: the only one whose given name is not of the
    /// other gender, or else the only one whose given name is of theirs. "Mr. Obama" is
    /// Barack Obama in a corpus that also names Michelle Obama.
    pub fn unique_for(&self, surname: &str, want: Option<Gender>) -> Option<&str> {
        let lower = surname.to_lowercase();
        let names = self.names.get(&lower)?;
        let key = (lower, want);
        let cached = self.picked.borrow().get(&key).cloned();
        let picked = cached.unwrap_or_else(|| {
            // (A name the corpus also writes without its initials is that name.)
            let candidates: Vec<&String> = names
                .iter()
                .filter(|n| self.without_initials(n).is_none())
                .collect();
            let picked = pick(&candidates, want).cloned();
            self.picked.borrow_mut().insert(key, picked.clone());
            picked
        });
        names.get(picked?.as_str()).map(String::as_str)
    }
}

/// A full name without its middle initials ("Donald J Trump" is "Donald Trump"); `None` when it
/// has none.
fn without_initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let [first, middle @ .., last] = &words[..] else {
        return None;
    };
    let initial = |w: &&str| {
        let mut c = w.trim_end_matches('.').chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_none()
    };
    if middle.is_empty() || !middle.iter().any(initial) {
        return None;
    }
    let kept: Vec<&str> = std::iter::once(*first)
        .chain(middle.iter().copied().filter(|w| !initial(w)))
        .chain(std::iter::once(*last))
        .collect();
    Some(kept.join(" "))
}

/// Whether a capitalised run cannot be the full name of a bare surname: a run in title case
/// with a function word in it is a heading ("Thoughts On Donald Trump", "Railing Against
/// Trump"), and a body's or a place's name ends in its last word ("Ministry of Defence", "Xi
/// Jinping of China" do not explain "Defence" or "China"). "Charles de Gaulle" is a name.
/// A place of two words, a word of direction or age and another place: "South Sudan", "North
/// Korea", "West Virginia", "New Mexico", "Northern Ireland". It is another place, not a
/// fuller name of the one ("Sudan has said" is not South Sudan's). ("The New York Times" is
/// the Times.)
fn is_qualified_place(name: &str) -> bool {
    let mut words = name.split(' ');
    let first = words.next().unwrap_or_default();
    words.next().is_some()
        && words.next().is_none()
        && [
            "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "New",
            "Central", "Upper", "Lower", "Greater",
        ]
        .contains(&first)
}

/// Whether a capitalised run is no fuller name of its last word: a heading, a qualified place
/// ([`is_qualified_place`]), a body named after a place with no given name first ("RT
/// America" does not explain "America"; "Jim Jordan" explains "Jordan"), a thing an owner's
/// possessive names ("Trump's RT" does not explain "RT"), or titles alone ("Senior Vice
/// President" does not explain "the President").
fn explains_no_surname(name: &str) -> bool {
    let titles = name.split(' ').all(|w| Titles::bundled().contains(w));
    if titles || is_heading(name) {
        return true;
    }
    let Some((before, last)) = name.rsplit_once(' ') else {
        return false;
    };
    let first = before.split(' ').next().unwrap_or_default();
    let named_after_place =
        Places::bundled().contains(last) && FirstNames::bundled().gender(first, "").is_none();
    let owned = before.contains("'s") || before.contains("’s");
    named_after_place || owned || is_qualified_place(name)
}

fn is_heading(name: &str) -> bool {
    name.contains(" of ") || is_title_case_heading(name)
}

/// The one full name of `candidates` that a speaker of gender `want` can be: the only one
/// whose given name is not the other gender's, or else, when a title gives the gender, the
/// only one whose given name is known as that gender ("Mr. Obama" is Barack Obama beside
/// Michelle Obama and a headline's "Gold Star Mom Corners Obama").
fn pick<'a>(candidates: &[&'a String], want: Option<Gender>) -> Option<&'a String> {
    let fitting: Vec<&String> = candidates
        .iter()
        .copied()
        .filter(|c| fits(c, want))
        .collect();
    if let [one] = fitting[..] {
        return Some(one);
    }
    let want = want?;
    let mut known = fitting
        .into_iter()
        .filter(|c| FirstNames::bundled().gender(c, "") == Some(want));
    match (known.next(), known.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// The gender a speaker's titles give ("Mr." a man, "Ms." a woman), or else the pronoun that
/// writes them ("he", "she"), if any.
fn speaker_gender(q: &Quote) -> Option<Gender> {
    FirstNames::bundled()
        .gender("", &q.role)
        .or_else(|| he_or_she(&q.speaker_text))
}

/// A speaker its document left for the corpus to resolve: a bare surname that no full name of
/// the document explains, with the gender that the document's quotes of that surname give
/// ("Mr. Obama said", "he said"), when they agree on one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unresolved(pub Option<Gender>);

impl Unresolved {
    /// How the report's spill file writes it: `1`, `m` or `f`.
    pub fn code(self) -> &'static str {
        match self.0 {
            None => "1",
            Some(Gender::Male) => "m",
            Some(Gender::Female) => "f",
        }
    }

    /// Reads [`Unresolved::code`]; `None` for an empty field (a speaker resolved already).
    pub fn from_code(code: &str) -> Option<Unresolved> {
        match code {
            "" => None,
            "m" => Some(Unresolved(Some(Gender::Male))),
            "f" => Some(Unresolved(Some(Gender::Female))),
            _ => Some(Unresolved(None)),
        }
    }
}

/// Whether a full name can be the person of gender `want`: its given name is not known as the
/// other gender's.
fn fits(full: &str, want: Option<Gender>) -> bool {
    want.is_none_or(|w| {
        FirstNames::bundled()
            .gender(full, "")
            .is_none_or(|g| g == w)
    })
}

/// Resolves what a document can resolve on its own: a name the gazetteer knows becomes its
/// canonical form, and a bare surname takes the one full name of the document with that
/// surname (of the speaker's gender, when a title gives it: "Mr. Obama" is not Michelle
/// Obama; nor, where the document's quotes of that surname say "he", "she" or a title of one
/// gender only, the other's). Returns, per quote, whether its speaker is a bare surname left for
/// [`resolve_in_corpus`], with the gender the document gives it.
pub fn resolve_in_doc(doc: &mut DocQuotes, gazetteer: &Gazetteer) -> Vec<Option<Unresolved>> {
    let names = &doc.names;
    let intros = &doc.intros;
    // The gender each bare surname's quotes give, where they give one and agree.
    let mut genders: FxHashMap<String, Option<Gender>> = FxHashMap::default();
    for q in &doc.quotes {
        if let Some(g) = speaker_gender(q).filter(|_| !q.speaker.contains(' ')) {
            genders
                .entry(q.speaker.to_lowercase())
                .and_modify(|known| *known = known.filter(|k| *k == g))
                .or_insert(Some(g));
        }
    }
    // The document's names by their last word in lower case (headings and qualified places
    // set aside), and where each name is first: looked up once per quote, not read through.
    let mut by_surname: FxHashMap<String, Vec<&String>> = FxHashMap::default();
    for n in names {
        if let Some(last) = n.split(' ').next_back() {
            if !explains_no_surname(n) {
                by_surname.entry(last.to_lowercase()).or_default().push(n);
            }
        }
    }
    let mut first_at: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, n) in names.iter().enumerate() {
        first_at.entry(n.as_str()).or_insert(i);
    }
    let mut picked: FxHashMap<(String, Option<Gender>), Option<&String>> = FxHashMap::default();
    // One speaker (a quote's, or one named with it) and their role, resolved in place;
    // `Some` when they are a bare surname left for the corpus. `gender`: what their titles
    // or pronoun give.
    let mut resolve = |speaker: &mut String, role: &mut String, gender: Option<Gender>| {
        introduce(speaker, role, &first_at, intros);
        if speaker.is_empty() {
        } else if let Some(c) = gazetteer.canonical(speaker) {
            *speaker = c.to_string();
        } else if !speaker.contains(' ') && speaker.chars().next().is_some_and(char::is_uppercase) {
            let key = speaker.to_lowercase();
            let want = gender.or_else(|| genders.get(&key).copied().flatten());
            // (Picked once per surname and gender: a transcript may name one surname
            // thousands of times.)
            let full = *picked.entry((key, want)).or_insert_with_key(|(key, want)| {
                let with_surname = by_surname.get(key).map_or(&[][..], Vec::as_slice);
                // ("Donald J. Trump" and "Donald Trump" in one document are one person.)
                let spelled: FxHashSet<&str> = with_surname.iter().map(|n| n.as_str()).collect();
                let in_doc: Vec<&String> = with_surname
                    .iter()
                    .copied()
                    .filter(|n| {
                        without_initials(n).is_none_or(|short| !spelled.contains(short.as_str()))
                    })
                    .collect();
                pick(&in_doc, *want)
            });
            if let Some(full) = full {
                speaker.clone_from(full);
                introduce(speaker, role, &first_at, intros);
                if let Some(c) = gazetteer.canonical(speaker) {
                    *speaker = c.to_string();
                }
            } else {
                return Some(Unresolved(want));
            }
        }
        None
    };
    let mut pending = Vec::with_capacity(doc.quotes.len());
    for q in &mut doc.quotes {
        let gender = speaker_gender(q);
        pending.push(resolve(&mut q.speaker, &mut q.role, gender));
        for co in &mut q.co_speakers {
            let gender = FirstNames::bundled().gender("", &co.role);
            let before = co.speaker.clone();
            co.waits = resolve(&mut co.speaker, &mut co.role, gender);
            co.known |= co.speaker != before;
        }
    }
    pending
}

/// A quote whose own words give its speaker no role but a courtesy title ("Mr. Clarke
/// said") takes the role its document introduced the speaker with, after the title: "Mr, a
/// nursing home owner". So the speaker group can be read from it.
/// `first_at`: where each of the document's names first is in its list of names.
fn introduce(
    speaker: &str,
    role: &mut String,
    first_at: &FxHashMap<&str, usize>,
    intros: &[String],
) {
    if !only_courtesy_titles(role) || speaker.is_empty() {
        return;
    }
    let Some(intro) = first_at
        .get(speaker)
        .and_then(|&i| intros.get(i))
        .filter(|intro| !intro.is_empty())
    else {
        return;
    };
    *role = if role.is_empty() {
        intro.clone()
    } else {
        format!("{role}, {intro}")
    };
}

/// A bare surname its document left unresolved, with the speaker's titles (`role`): the one
/// full name of the corpus with that surname that the titles fit (then its canonical form),
/// or the surname as it was.
pub fn resolve_in_corpus(
    speaker: &str,
    waiting: Unresolved,
    surnames: &Surnames,
    gazetteer: &Gazetteer,
) -> String {
    let full = surnames.unique_for(speaker, waiting.0).unwrap_or(speaker);
    gazetteer.canonical(full).unwrap_or(full).to_string()
}

/// A speaker its document resolved, in the corpus's form: without middle initials where the
/// corpus also writes the name without them ([`Surnames::without_initials`]), then its
/// canonical form.
pub fn in_corpus_form(speaker: &str, surnames: &Surnames, gazetteer: &Gazetteer) -> Option<String> {
    let short = surnames.without_initials(speaker)?;
    Some(gazetteer.canonical(short).unwrap_or(short).to_string())
}

/// A speaker its document resolved as far as it could, in the corpus's form: a bare surname
/// it left (`waits`) resolved against the corpus's full names ([`resolve_in_corpus`]), any
/// other name without the middle initials the corpus also leaves out ([`in_corpus_form`]).
pub fn in_corpus(
    speaker: &str,
    waits: Option<Unresolved>,
    surnames: &Surnames,
    gazetteer: &Gazetteer,
) -> String {
    match waits {
        Some(waiting) => resolve_in_corpus(speaker, waiting, surnames, gazetteer),
        None => in_corpus_form(speaker, surnames, gazetteer).unwrap_or_else(|| speaker.to_string()),
    }
}

/// Each speaker's one group across a corpus, voted by their quotes: a person introduced as
/// "Republican presidential nominee" in one article and as no one in the next, or as "a Trump
/// surrogate" here and "Retired Lt. Gen." there, is counted in one group in every outlet, the
/// group that most of their quotes' roles give (the first of equals in corpus order; name
/// rules, which do not depend on the role, always agree). Grows with the classified speakers.
#[derive(Debug, Clone, Default)]
pub struct GroupVotes {
    votes: FxHashMap<Box<str>, Vec<(Box<str>, u32)>>,
}

impl GroupVotes {
    /// One quote of `speaker`, whose own role puts them in `group` ([`Gazetteer::group`]).
    /// Unclassified quotes and quotes with no speaker cast no vote.
    pub fn add(&mut self, speaker: &str, group: &str) {
        if speaker.is_empty() || group == UNCLASSIFIED {
            return;
        }
        let v = match self.votes.get_mut(speaker) {
            Some(v) => v,
            None => self.votes.entry(speaker.into()).or_default(),
        };
        match v.iter_mut().find(|(g, _)| &**g == group) {
            Some((_, n)) => *n += 1,
            None => v.push((group.into(), 1)),
        }
    }

    /// The winning group of each speaker who has one.
    pub fn settle(self) -> SpeakerGroups {
        SpeakerGroups(
            self.votes
                .into_iter()
                .filter_map(|(speaker, v)| {
                    // (`reduce` keeps the first of equals.)
                    let best = v.into_iter().reduce(|b, x| if x.1 > b.1 { x } else { b });
                    best.map(|(g, _)| (speaker, g))
                })
                .collect(),
        )
    }
}

/// Each speaker's group across the corpus ([`GroupVotes::settle`]).
#[derive(Debug, Clone, Default)]
pub struct SpeakerGroups(FxHashMap<Box<str>, Box<str>>);

impl SpeakerGroups {
    /// The group of a speaker: "" for none, [`UNCLASSIFIED`] when no quote of theirs says.
    pub fn of(&self, speaker: &str) -> &str {
        if speaker.is_empty() {
            return "";
        }
        self.0.get(speaker).map_or(UNCLASSIFIED, |g| g)
    }
}

/// Resolves speakers across documents held in memory: [`Surnames`] over all of them, then
/// [`resolve_in_doc`] and [`resolve_in_corpus`]. Returns each quote's speaker group, one per
/// speaker across the documents ([`GroupVotes`]). (The report streams the same steps.)
pub fn resolve_speakers(docs: &mut [DocQuotes], gazetteer: &Gazetteer) -> Vec<Vec<String>> {
    let mut surnames = Surnames::default();
    for d in docs.iter() {
        surnames.add(d);
    }
    let mut votes = GroupVotes::default();
    for d in docs.iter_mut() {
        let pending = resolve_in_doc(d, gazetteer);
        for (q, waits) in d.quotes.iter_mut().zip(pending) {
            q.speaker = in_corpus(&q.speaker, waits, &surnames, gazetteer);
            if !q.speaker.is_empty() {
                votes.add(&q.speaker, gazetteer.group(&q.speaker, &q.role));
            }
            q.co_speakers.retain_mut(|co| {
                let resolved = in_corpus(&co.speaker, co.waits.take(), &surnames, gazetteer);
                let counts = CoSpeaker::counts(co.known, &co.speaker, &resolved);
                co.speaker = resolved;
                counts && co.speaker != q.speaker
            });
            for co in &q.co_speakers {
                votes.add(&co.speaker, gazetteer.group(&co.speaker, &co.role));
            }
        }
    }
    let groups = votes.settle();
    docs.iter()
        .map(|d| {
            d.quotes
                .iter()
                .map(|q| groups.of(&q.speaker).to_string())
                .collect()
        })
        .collect()
}
