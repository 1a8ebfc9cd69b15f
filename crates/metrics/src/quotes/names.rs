//! Who a document has named, and whom "he" or "she" stands for.

use super::*;

/// The speakers a document has named so far, each a person of known or unknown gender or
/// something that is not one person: what "he" or "she" may stand for ([`Doc::antecedent`]).
#[derive(Debug, Default)]
pub(super) struct Named {
    /// Name to kind.
    by_name: FxHashMap<String, Who>,
}

/// Words that end a name's introduction on the left ([`Doc::introduction`]): what comes
/// before them is not about the name ("a lawyer for Donald Trump", "said Hillary Clinton").
/// (The auxiliaries and modals of [`AUXILIARIES`] end it too, as do "be", "been" and "do".)
const INTRO_STOPS: [&str; 61] = [
    "a", "an", "the", "and", "or", "but", "nor", "yet", "so", "for", "to", "of", "with", "by",
    "from", "against", "at", "on", "upon", "in", "into", "as", "between", "than", "about", "after",
    "before", "over", "under", "like", "that", "who", "which", "whom", "while", "if", "when",
    "because", "not", "both", "all", "each", "every", "some", "many", "his", "her", "their", "its",
    "our", "this", "these", "those", "what", "how", "why", "where", "whose", "be", "been", "do",
];

/// Whether a role holds courtesy titles and nothing else ("Mr.", "Ms", "Dr.", ""): it says
/// nothing of what the speaker is.
pub(super) fn only_courtesy_titles(role: &str) -> bool {
    role.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "mr" | "mrs" | "ms" | "miss" | "mx" | "dr" | "messrs"
            )
        })
}

/// What a named speaker is, for pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Person(Option<Gender>),
    Group,
}

/// Heads of speakers that are not one person: "he" or "she" cannot stand for "Officials",
/// "The statement", "the Defence Ministry" or "Children" opening a sentence, though "they"
/// and "it" can.
const NOT_ONE_PERSON: [&str; 44] = [
    "officials",
    "sources",
    "members",
    "experts",
    "analysts",
    "critics",
    "supporters",
    "residents",
    "witnesses",
    "statement",
    "report",
    "authorities",
    "police",
    "ministry",
    "government",
    "kremlin",
    "office",
    "agency",
    "committee",
    "campaign",
    "people",
    "observers",
    "leaders",
    "diplomats",
    "lawmakers",
    "spokesmen",
    "children",
    "women",
    "men",
    "voters",
    "students",
    "parents",
    "families",
    "workers",
    "protesters",
    "activists",
    "citizens",
    "soldiers",
    "troops",
    "investigators",
    "researchers",
    "scientists",
    "doctors",
    "victims",
];

impl Named {
    /// Names a quotation's speaker (`speaker`, as given by `written` with `role`), if a
    /// name: a word or more, capitalised or of several words. A person of unknown gender
    /// keeps the gender known from before.
    pub(super) fn mention_speaker(&mut self, speaker: &str, written: &str, role: &str) {
        if speaker.contains(' ') || speaker.chars().next().is_some_and(char::is_uppercase) {
            let head = speaker.rsplit(' ').next().unwrap_or(speaker).to_lowercase();
            // (A country or a capital is no one person either: "North Korea said"; nor is a
            // body's or a text's name: "Time magazine", "the Supreme Court", "the report".)
            let group = NOT_ONE_PERSON.contains(&head.as_str())
                || names_a_body(&head)
                || Places::bundled().contains(speaker);
            let kind = if group {
                Who::Group
            } else {
                // (A speaker written "he" or "she" and resolved to this name is of that gender.)
                // (A speaker of one word is most often a surname: "Warren", "James"; its
                // gender comes from a title, a pronoun, or, later, a fuller name.)
                let full = if speaker.contains(' ') { speaker } else { "" };
                let gender = FirstNames::bundled()
                    .gender(full, &format!("{written} {role}"))
                    .or_else(|| he_or_she(written));
                Who::Person(gender.or_else(|| self.gender_of(speaker)))
            };
            self.by_name.insert(speaker.to_string(), kind);
        }
    }

    /// The gender of a speaker named before, if known.
    fn gender_of(&self, name: &str) -> Option<Gender> {
        match self.by_name.get(name)? {
            Who::Person(gender) => *gender,
            Who::Group => None,
        }
    }

    /// Whether a speaker named before is a person (of any gender), not a body or a group.
    fn is_person(&self, name: &str) -> bool {
        matches!(self.by_name.get(name), Some(Who::Person(_)))
    }
}

/// Heads of a phrase naming one body, or a text, that "it" may stand for
/// ([`Doc::subject_antecedent`]), besides the singular [`INSTITUTION_HEADS`]: "the airline",
/// "the city", "the report", "the article".
const BODY_HEADS: [&str; 47] = [
    "kremlin",
    "company",
    "airline",
    "airlines",
    "firm",
    "group",
    "organisation",
    "organization",
    "party",
    "newspaper",
    "broadcaster",
    "network",
    "carrier",
    "manufacturer",
    "corporation",
    "city",
    "county",
    "municipality",
    "university",
    "college",
    "school",
    "hospital",
    "institute",
    "foundation",
    "fund",
    "board",
    "panel",
    "campaign",
    "team",
    "club",
    "coalition",
    "alliance",
    "magazine",
    "website",
    "station",
    "channel",
    "letter",
    "statement",
    "report",
    "study",
    "survey",
    "poll",
    "document",
    "article",
    "editorial",
    "lawsuit",
    "ruling",
];

/// Whether a head (in lower case) names one body or a text: "ministry", "airline", "report";
/// not "authorities", "police" or "prosecutor".
fn names_a_body(head: &str) -> bool {
    BODY_HEADS.contains(&head)
        || (INSTITUTION_HEADS.contains(&head)
            && !head.ends_with('s')
            && !matches!(head, "police" | "prosecutor"))
}

/// Whether a word is inside one of the document's quotations (`found`, in text order).
fn quoted(found: &[marks::Quoted], w: &Word<'_>) -> bool {
    found
        .get(found.partition_point(|q| q.outer.end <= w.span.start))
        .is_some_and(|q| q.outer.start <= w.span.start)
}

/// How many words of a sentence, from its start, [`Doc::antecedent`] reads.
const ANTECEDENT_WORDS: usize = 80;

/// How many full names mentioned before it, latest first, [`Doc::antecedent`] searches for a
/// surname's given name.
const ANTECEDENT_NAMES: usize = 200;

/// Nouns for a person of one gender that a sentence's subject may be instead of a name ("The
/// woman disputes the idea that she …"): "he" or "she" after it stands for that person.
const GENDERED_NOUNS: [(&str, Gender); 34] = [
    ("woman", Gender::Female),
    ("girl", Gender::Female),
    ("mother", Gender::Female),
    ("wife", Gender::Female),
    ("widow", Gender::Female),
    ("daughter", Gender::Female),
    ("sister", Gender::Female),
    ("grandmother", Gender::Female),
    ("girlfriend", Gender::Female),
    ("lady", Gender::Female),
    ("aunt", Gender::Female),
    ("niece", Gender::Female),
    ("mom", Gender::Female),
    ("actress", Gender::Female),
    ("congresswoman", Gender::Female),
    ("spokeswoman", Gender::Female),
    ("businesswoman", Gender::Female),
    ("man", Gender::Male),
    ("boy", Gender::Male),
    ("father", Gender::Male),
    ("husband", Gender::Male),
    ("widower", Gender::Male),
    ("son", Gender::Male),
    ("brother", Gender::Male),
    ("grandfather", Gender::Male),
    ("boyfriend", Gender::Male),
    ("gentleman", Gender::Male),
    ("uncle", Gender::Male),
    ("nephew", Gender::Male),
    ("dad", Gender::Male),
    ("actor", Gender::Male),
    ("congressman", Gender::Male),
    ("spokesman", Gender::Male),
    ("businessman", Gender::Male),
];

/// The gender of a speaker written as "he" or "she" (or "He’s", "she'd"…).
pub(super) fn he_or_she(written: &str) -> Option<Gender> {
    if written.len() > 8 {
        return None;
    }
    // ("Him" and "her" after "according to".)
    let lower = written.to_lowercase();
    match pronoun_of(&lower).unwrap_or(&lower) {
        "he" | "him" | "his" => Some(Gender::Male),
        "she" | "her" => Some(Gender::Female),
        _ => None,
    }
}

/// A speaker written as a pronoun that may be resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pronoun {
    /// "he" or "she".
    Person(Gender),
    /// "it".
    It,
    /// "they".
    They,
}

impl Pronoun {
    /// The pronoun a speaker is written as, if one that may be resolved.
    pub(super) fn of(written: &str) -> Option<Pronoun> {
        he_or_she(written).map(Pronoun::Person).or_else(|| {
            if written.eq_ignore_ascii_case("it") {
                Some(Pronoun::It)
            } else if ["they", "them", "their"]
                .iter()
                .any(|p| written.eq_ignore_ascii_case(p))
            {
                Some(Pronoun::They)
            } else {
                None
            }
        })
    }
}

impl Doc<'_, '_> {
    /// Whom or what a pronoun at byte `at` stands for ([`Doc::antecedent`],
    /// [`Doc::subject_antecedent`]).
    pub(super) fn pronoun_antecedent(
        &self,
        at: usize,
        pronoun: Pronoun,
        named: &Named,
        found: &[marks::Quoted],
    ) -> Option<String> {
        match pronoun {
            Pronoun::Person(gender) => self.antecedent(at, gender, named, found),
            Pronoun::It => self.subject_antecedent(at, found, false),
            Pronoun::They => self.subject_antecedent(at, found, true),
        }
    }
}

/// Gives reported speech whose speaker is "he" or "she" the person it stands for
/// ([`Doc::antecedent`]), and "it" or "they" the body or group ([`Doc::subject_antecedent`]),
/// read in text order so that the speakers before it are known.
pub(super) fn resolve_reported_pronouns(
    doc: &Doc<'_, '_>,
    found: &[marks::Quoted],
    quotes: &mut [Quote],
) {
    // The pronoun, as written, of the quotes to resolve. (Most documents have none, and skip
    // the pass.)
    let pronoun = |q: &Quote| {
        (q.kind == Kind::Indirect && q.speaker.is_empty())
            .then(|| Pronoun::of(&q.speaker_text))
            .flatten()
    };
    if !quotes.iter().any(|q| pronoun(q).is_some()) {
        return;
    }
    let mut named = Named::default();
    for q in quotes {
        if !q.speaker.is_empty() {
            named.mention_speaker(&q.speaker, &q.speaker_text, &q.role);
        } else if let Some(want) = pronoun(q) {
            let name = doc.pronoun_antecedent(q.said_at(), want, &named, found);
            if let Some(name) = name {
                named.mention_speaker(&name, &q.speaker_text, &q.role);
                q.speaker = name;
            }
        }
    }
}

impl<'t> Doc<'t, '_> {
    /// Whom "he" or "she" (`want`) at byte `at` stands for: the first person of that gender
    /// named in its sentence before it, else in each sentence before, nearest first. A
    /// sentence's first name is most often its subject, and a pronoun most often continues
    /// the subject before it ("Fowler said he expects Clinton to recover. … Though that
    /// transition was seamless, he said, …"), where the latest name may be anyone's. A
    /// sentence where the same pronoun comes first continues one further back, and is passed
    /// over ("Though that transition was seamless, he said, replacing Clinton would help
    /// loyalists to Joe Biden." is not Biden's); four others are read, ten sentences at most.
    /// Words inside the document's quotations (`found`) are someone's words, not mentions.
    ///
    /// A person's gender is known from a title, a first name in the name, a fuller name
    /// mentioned before that ends with it, or a speaker of the document (`named`), by either
    /// name; "said he" after a name tells it too. A name whose gender is unknown counts as a
    /// speaker of the document (by a fuller name only nearby), as the subject of a sentence
    /// the same pronoun goes on in, or as the subject of an opening clause the pronoun follows.
    /// A subject such as "The woman" of the pronoun's gender ends the search with no one.
    pub(super) fn antecedent(
        &self,
        at: usize,
        want: Gender,
        named: &Named,
        found: &[marks::Quoted],
    ) -> Option<String> {
        let si = self.sentence_of(at);
        let first_names = FirstNames::bundled();
        let gender_of = |name: &str, titles: &str| {
            // (Any word before the surname may be the first name: "Gov. Ed Rendell". A name
            // of one word that ends a fuller name of the document is a surname, whose gender
            // only a title or the fuller name gives: "Warren" is Elizabeth Warren, "Omar"
            // Ilhan Omar; "Sarah" alone may be a given name.)
            let words: Vec<&str> = name.split(' ').collect();
            let surname = words.len() == 1 && self.fuller_names(at, name).next().is_some();
            first_names
                .gender(if surname { "" } else { name }, titles)
                .or_else(|| {
                    words[..words.len() - 1]
                        .iter()
                        .find_map(|w| first_names.gender(w, ""))
                })
                .or_else(|| {
                    self.fuller_names(at, name)
                        .find_map(|f| first_names.gender(&f, "").or_else(|| named.gender_of(&f)))
                })
                .or_else(|| named.gender_of(name))
        };
        // A speaker of unknown gender may be either: so one known only by a fuller name
        // ("Early" after "…," says Chris Early) counts only in the pronoun's sentence or the
        // one before.
        let is_person = |name: &str, near: bool| {
            named.is_person(name)
                || (near && self.fuller_names(at, name).any(|f| named.is_person(&f)))
        };
        let same_pronoun = |w: &Word<'_>| match want {
            Gender::Male => matches!(w.lower(), "he" | "him" | "his"),
            Gender::Female => matches!(w.lower(), "she" | "her" | "hers"),
        };
        // Words inside quotation marks are someone's words, not the writer's mentions.
        let quoted = |w: &Word<'_>| quoted(found, w);
        // Four sentences back, not counting those the same pronoun carries (at most ten).
        let mut left = 4;
        for s in (si.saturating_sub(10)..=si).rev() {
            if left == 0 {
                break;
            }
            let Some(&span) = self.sentences.get(s) else {
                break;
            };
            let words = &self.words[self.words_in(span.start, span.end.min(at))];
            // (A sentence's subject is near its start: the words of a run-on "sentence" of
            // thousands are not all read, for each pronoun, again.)
            let words = &words[..words.len().min(ANTECEDENT_WORDS)];
            let pronoun = words
                .iter()
                .position(|w| same_pronoun(w) && !quoted(w))
                .unwrap_or(words.len());
            let opens_adverbial = words.first().is_some_and(|w| opens_clause(w.lower()));
            // (The word opening an adverbial is no part of a name: "Although Ford had …".)
            let mut runs = capitalised_runs(self.text, words)
                .into_iter()
                .map(|r| match r.start {
                    0 if opens_adverbial && r.len() > 1 => 1..r.end,
                    _ => r,
                })
                .peekable();
            let subject = if opens_adverbial {
                let comma = words
                    .iter()
                    .position(|w| self.text[w.span.end..].starts_with(','));
                comma.map_or(usize::MAX, |c| c + 1)
            } else {
                0
            };
            // In a sentence before the pronoun's, the same pronoun as the subject of an opening
            // clause stands for the name after the clause's comma, the sentence's subject,
            // which is read from there: "Though he outlined work for an “American client”,
            // Morales insisted …. He boasted …" is Morales, not the Obama of "While he
            // acknowledged … serving under Obama, Ham also noted …". (Not a pronoun elsewhere
            // in the clause, nor before a subject that is no name: "When Ford visited his
            // editor Teresa Nielsen Hayden at her office, he would …" is passed over.)
            let cataphoric = s < si
                && pronoun == 1
                && SUBORDINATORS.contains(&words[0].lower())
                && words.get(subject).is_some_and(|w| w.cap);
            // The words that may name whom the pronoun stands for.
            let (from, to) = if cataphoric {
                (subject, words.len())
            } else {
                (0, pronoun)
            };
            if pronoun == words.len() {
                left -= 1;
            }
            // A capitalised word and a role before a name modify it: the subject of
            // "Conservative economist Aparna Mathur, who …, said" or "Palestinian chief
            // negotiator Saeb Erekat said" is the name.
            let role_word = |w: &Word<'_>| {
                let lower = w.lower();
                !w.cap
                    && lower.chars().all(char::is_alphabetic)
                    && !is_stopword(lower)
                    && !past_or_auxiliary(w)
                    && self
                        .lists
                        .cues
                        .at_lowered(lower, w.ascii, std::slice::from_ref(w))
                        .is_none()
            };
            // (Not an article: "A key Facebook approach is …" has no name for its subject.)
            let named_after_role = words
                .get(subject)
                .filter(|w| w.cap && !is_determiner(w.lower()))
                .and_then(|_| {
                    let roles = words[subject + 1..]
                        .iter()
                        .take(3)
                        .take_while(|w| role_word(w))
                        .count();
                    let name = subject + 1 + roles;
                    (roles > 0
                        && !words[name - 1].lower().ends_with('s')
                        && words.get(name).is_some_and(|w| w.cap))
                    .then_some(name)
                });
            let subject = named_after_role.unwrap_or(subject);
            // A subject that is a person of the pronoun's gender but no name ("The woman
            // disputes …") is whom it stands for: no one named further back.
            let described = words
                .get(subject..)
                .and_then(|d| d.get(..2))
                .is_some_and(|d| {
                    matches!(d[0].lower(), "the" | "a" | "an" | "this" | "that")
                        && !quoted(&d[0])
                        && GENDERED_NOUNS.contains(&(d[1].lower(), want))
                });
            if described && subject + 1 < pronoun {
                return None;
            }
            let mut unknown = None;
            while runs.next_if(|r| r.start < from).is_some() {}
            for i in from..to {
                let run = runs.next_if(|r| r.start == i);
                if quoted(&words[i]) {
                    continue;
                }
                // A name joined to another by "and" is part of a plural subject, which "he" or
                // "she" does not take up: "Democrats and uneasy Republicans seized upon …".
                // (So is the first of a list that ", and" or ", or" ends before any verb:
                // "Inference, close reading, and faith … are essential …, after the novelist Jo
                // Walton explained them. “…,” she said." is Jo Walton's.)
                let joined_by_and = run.as_ref().is_some_and(|r| {
                    words.get(r.end).is_some_and(|w| w.lower() == "and")
                        || (self.text[words[r.end - 1].span.end..].starts_with(',')
                            && words[r.end..]
                                .iter()
                                .take(8)
                                .take_while(|w| !past_or_auxiliary(w))
                                .any(|w| {
                                    matches!(w.lower(), "and" | "or")
                                        && self.text[..w.span.start].trim_end().ends_with(',')
                                }))
                });
                // A title after "the" stands for its holder named before: "The president’s
                // Pacific roots also came into play. In Honolulu, he told …".
                let title = words
                    .get(i + 1)
                    .filter(|_| words[i].lower() == "the")
                    .map(|t| {
                        let lower = t.lower();
                        lower
                            .strip_suffix("’s")
                            .or_else(|| lower.strip_suffix("'s"))
                            .unwrap_or(lower)
                    });
                let mut mention = title
                    .filter(|t| self.lists.titles.contains_lower(t))
                    .and_then(|t| self.title_holder(&format!("the {t}"), words[i].span.start));
                if let Some(mut r) = run {
                    // An owner after its sentence's verb is no subject a pronoun continues:
                    // "… required the British royal spending three days at Epstein’s orgy
                    // mansion. He instead told …" is not Epstein. (After a copula it may be
                    // the sentence's topic: "It was under Mr. Ban's watch that …".)
                    let verb = |w: &Word<'_>| {
                        past_or_auxiliary(w) && !matches!(w.lower(), "is" | "was" | "are" | "were")
                    };
                    let owner_after_verb = words[r.end - 1].possessive()
                        && words[subject.min(r.start)..r.start].iter().any(verb);
                    if owner_after_verb {
                        continue;
                    }
                    // (Cut after the run, a possessive one is a name too: "Mr. Obama’s bet";
                    // and cut after its possessive, a run is its owner: "Mr. Trump's RT
                    // appearance" is Trump.)
                    if let Some(owner) = (r.start..r.end - 1).find(|&k| words[k].possessive()) {
                        r.end = owner + 1;
                    }
                    mention = mention
                        .or_else(|| {
                            self.run_name(&words[..r.end], r.clone(), &mut None)
                                .map(|(name, titles)| (name, joined(titles)))
                        })
                        .or_else(|| {
                            // A speaker of the document is a name even where it is also a
                            // word the document writes in lower case: "…," says Early.
                            let word = words[r.start].text;
                            (r.len() == 1 && is_person(word, s + 1 >= si))
                                .then(|| (word.to_string(), String::new()))
                        });
                }
                let Some((name, titles)) = mention else {
                    continue;
                };
                // A heading in title case is no one: "Experience Of Serving Under Obama". Nor
                // is a name with "of" inside, a body's or a work's ("Web of Angels was the first
                // novel she sold"): a person's name ends before "of" ([`Doc::run_name`]).
                if is_title_case_heading(&name) || name.contains(" of ") {
                    continue;
                }
                // A name of unknown gender that opens a sentence the same pronoun goes on in
                // is its subject, whom the pronoun takes up: "Ham made it clear he had
                // misgivings", "Rendell, who …, agreed that …, but he said".
                // (The subject opens the sentence, or follows the comma of an opening
                // adverbial: "In an interview with Trending Today USA, Ham made …".) So is the
                // subject of an opening clause when the pronoun is the subject after it: "When
                // Afghan President Ashraf Ghani announced the exchange, he said …" (not a
                // place in a phrase: "In Honolulu, he told …").
                let opener = words[i].lower();
                // (Not a number: "One of the many reasons that Trump refuses …".)
                let opens = (i == subject
                    && !is_stopword(opener)
                    && !opens_clause(opener)
                    && !is_number_word(opener)
                    && opener != "one")
                    || (i <= 1 && pronoun == subject && SUBORDINATORS.contains(&words[0].lower()));
                // So is the subject of the sentence just before the pronoun's, in its
                // paragraph, or ending the paragraph before the one a quotation opens:
                // "Aliyev, however, was blunt. “It was shot down,” he said.", "Jo-Renee
                // Formicola, a professor at Seton Hall, described his approach.¶“If he is
                // asked …,” she said."
                let just_before = || {
                    let between = || self.text.get(span.end..at).unwrap_or_default();
                    s + 1 == si
                        && (!between().contains('\n')
                            || (between().trim().is_empty()
                                && between().matches("\n\n").count() == 1))
                };
                let taken_up =
                    opens && (pronoun < words.len() || just_before()) && !joined_by_and && {
                        let head = name.rsplit(' ').next().unwrap_or(&name).to_lowercase();
                        !INSTITUTION_HEADS.contains(&head.as_str())
                            && !NOT_ONE_PERSON.contains(&head.as_str())
                            && !Places::bundled().contains(&name)
                    };
                // A name of unknown gender whose sentence goes on "said he" (the other pronoun
                // right after a verb of speech) is of that gender: "António Guterres said he
                // was alarmed" is no "she".
                let other = match want {
                    Gender::Male => "she",
                    Gender::Female => "he",
                };
                let other_pronoun = || {
                    words[i..].windows(2).any(|p| {
                        p[1].lower() == other
                            && !quoted(&p[1])
                            && self
                                .lists
                                .cues
                                .at_lowered(p[0].lower(), p[0].ascii, &p[..1])
                                .is_some()
                    })
                };
                match gender_of(&name, &titles) {
                    Some(g) if g == want => return Some(name),
                    None if taken_up && !other_pronoun() => return Some(name),
                    // A speaker of unknown gender, when no one of the pronoun's gender is
                    // named later in the sentence: "A key Facebook approach is …, Zuckerberg
                    // said at the trial. These deals don't …, he said" is Zuckerberg.
                    None if is_person(&name, s + 1 >= si) && !other_pronoun() => {
                        unknown.get_or_insert(name);
                    }
                    _ => {}
                }
            }
            if unknown.is_some() {
                return unknown;
            }
        }
        None
    }

    /// The source a sentence's ", according to …" names, when it is plural: two joined by
    /// "and" ("Hansen and his collaborators") or a plural head ("officials", "two sources").
    fn according_to_plural(&self, words: &[&Word<'_>]) -> Option<String> {
        let k = words.windows(2).position(|p| {
            p[0].lower() == "according"
                && p[1].lower() == "to"
                && self.text[..p[0].span.start].trim_end().ends_with(',')
        })?;
        let np = &words[k + 2..];
        let end = np
            .iter()
            .position(|w| self.text[w.span.end..].starts_with(','))
            .map_or(np.len(), |c| c + 1);
        let np = &np[..end];
        let (first, last) = (np.first()?, np.last()?);
        // (The head comes before what qualifies it: "four sources familiar with …".)
        let plural = np.iter().any(|w| w.lower() == "and")
            || np
                .iter()
                .take_while(|w| !PREPOSITIONS.contains(&w.lower()))
                .any(|w| !w.cap && looks_plural(w.lower()));
        if !plural || np.len() > 8 {
            return None;
        }
        self.speaker_of(first.span.start, last.span.end, false)
            .map(|(name, ..)| name)
    }

    /// What "it" (or, `plural`, "they") at byte `at` stands for: the subject of the main or
    /// opening clause of its own sentence before it ("Proponents … have urged …, although
    /// they say"), else of the nearest sentence before it that the same pronoun does not
    /// open, in the paragraph of the pronoun (or of the latest sentence it opens) or the one
    /// before: "The Russian defence ministry released a statement. “Any attempt to distort
    /// the facts …,” it said." For "it", a phrase a determiner opens whose head names a body
    /// or a text ([`names_a_body`]: "the airline", "the Kazakh transport ministry", "the
    /// article"), a name ending in such a head, or a country or capital; for "they", a
    /// plural head ("McConnell aides", "Critics of the program"). Any other subject (a
    /// person, a single name such as "Gazprom", which may be a surname) stands for no one
    /// the pronoun can.
    pub(super) fn subject_antecedent(
        &self,
        at: usize,
        found: &[marks::Quoted],
        plural: bool,
    ) -> Option<String> {
        self.subject_antecedent_at(at, found, plural)
            .map(|(name, _)| name)
    }

    /// [`Doc::subject_antecedent`], with where the subject is (byte range; none for a source
    /// after "according to"). For "they", names
    /// joined by "and" are a plural subject too ("Russia and Azerbaijan agreed …. They said
    /// …"): the name is the last of them, the others its co-speakers ([`Doc::co_speakers`]).
    pub(super) fn subject_antecedent_at(
        &self,
        at: usize,
        found: &[marks::Quoted],
        plural: bool,
    ) -> Option<(String, Option<(usize, usize)>)> {
        let pronoun = if plural { "they" } else { "it" };
        let si = self.sentence_of(at);
        let quoted = |w: &Word<'_>| quoted(found, w);
        // (A cue where it is a verb: in "Twenty-seven states led by …" a verb follows
        // "states", a noun.)
        let verb_like = |w: &Word<'_>| {
            let i = self.words.partition_point(|x| x.span.start < w.span.start);
            let noun = w.lower().ends_with('s')
                && self.words.get(i + 1).is_some_and(|n| past_or_auxiliary(n));
            past_or_auxiliary(w) || (!noun && self.cue_at(i, self.words.len()).is_some())
        };
        // Where the latest sentence "it" continues starts.
        let mut from = at;
        for s in (si.saturating_sub(8)..=si).rev() {
            let span = *self.sentences.get(s)?;
            if self.text[span.end.min(from)..from].matches("\n\n").count() > 1 {
                return None;
            }
            // The writer's words: a quotation's are someone else's.
            let mut words: Vec<&Word<'_>> = self.words[self.words_in(span.start, span.end.min(at))]
                .iter()
                .filter(|w| !quoted(w))
                .take(ANTECEDENT_WORDS)
                .collect();
            // In the pronoun's own sentence, the subject of an opening clause ("And though
            // the agency has said …, it has also acknowledged …"), or of the main clause
            // before it ("Proponents … have urged Congress to …, although they say …").
            // (A sentence's opening "And" or "But" is no part of its subject.)
            if words
                .first()
                .is_some_and(|w| matches!(w.lower(), "and" | "but"))
            {
                words.remove(0);
            }
            if s == si
                && words
                    .first()
                    .is_some_and(|w| SUBORDINATORS.contains(&w.lower()))
            {
                words.remove(0);
            }
            // "They" goes on from a plural source a sentence before names: "…, according to
            // Hansen and his collaborators. …, they argue" (not "Emissions cuts", its subject).
            if plural && s < si {
                if let Some(source) = self.according_to_plural(&words) {
                    return Some((source, None));
                }
            }
            // (Past an opening adverbial and its comma: "On Friday, the ministry …"; or after
            // the verb, when a quotation opens the sentence: "“…,” said the ministry.")
            let (subject, after_verb) = match words.first() {
                None => continue,
                Some(w) if opens_clause(w.lower()) => (
                    words
                        .iter()
                        .position(|w| self.text[w.span.end..].starts_with(','))
                        .map_or(words.len(), |c| c + 1),
                    false,
                ),
                Some(w) if verb_like(w) => (1, true),
                Some(_) => (0, false),
            };
            let Some(first) = words.get(subject) else {
                continue;
            };
            if first.lower() == pronoun {
                from = span.start;
                continue;
            }
            // The subject's words run to its verb, or after it to a comma (six at most), and
            // stop at a comma before it: "Critics of the program, like Senator …, see …".
            let end = if after_verb {
                words[subject..]
                    .iter()
                    .position(|w| self.text[w.span.end..].starts_with([',', '.']))
                    .map_or(words.len(), |k| subject + k + 1)
            } else {
                let ahead = &words[subject..words.len().min(subject + 12)];
                let verb = ahead.iter().position(|w| verb_like(w));
                let comma = ahead
                    .iter()
                    .position(|w| self.text[w.span.end..].starts_with(','))
                    .map(|k| k + 1);
                // (For "they", a comma inside a list of names ends no subject: "Jeff Merkley,
                // Sherrod Brown and Robert Menendez wrote …. “…,” they said.")
                // (Whether "and" joins the names is asked of the subject below.)
                let list = |v: usize| {
                    plural
                        && ahead[..v].iter().all(|w| w.cap || w.lower() == "and")
                        && ahead[..v].iter().any(|w| w.lower() == "and")
                };
                // (Otherwise the verb or the comma within eight words, whichever is first.)
                let (verb8, comma8) = (verb.filter(|&v| v < 8), comma.filter(|&c| c <= 8));
                subject
                    + match (verb, verb8, comma8) {
                        (Some(v), ..) if list(v) => v,
                        (_, Some(v), Some(c)) => v.min(c),
                        (_, v, c) => v.or(c)?,
                    }
            };
            // (Without an adverb before the verb, "The ministry later issued …", or a
            // relative clause, "The company that runs the AMAs, …".)
            let mut np = &words[subject..end];
            if let Some(k) = np
                .iter()
                .position(|w| matches!(w.lower(), "that" | "who" | "which"))
                .filter(|&k| k > 0)
            {
                np = &np[..k];
            }
            if let [rest @ .., last] = np {
                let lower = last.lower();
                if !rest.is_empty() && (ADVERBS_AFTER_NAMES.contains(&lower) || is_ly_adverb(lower))
                {
                    np = rest;
                }
            }
            // (Names joined by "and" may take more words: three names of two words each.)
            let joined = np.iter().any(|w| w.lower() == "and");
            let (Some(last), true) = (
                np.last(),
                (1..=if joined { 11 } else { 6 }).contains(&np.len()),
            ) else {
                return None;
            };
            // (The head comes before what qualifies it: "Critics of the program".)
            let head_word = np
                .iter()
                .position(|w| PREPOSITIONS.contains(&w.lower()) || w.lower() == "like")
                .filter(|&k| k > 0)
                .map_or(*last, |k| np[k - 1]);
            let head = head_word.lower();
            let (name, _, _, kind) =
                self.speaker_kind(np[0].span.start, last.span.end, !after_verb)?;
            if kind == Np::Description && !plausible_description(&name) {
                return None;
            }
            let names_joined = kind == Np::Name
                && np
                    .windows(3)
                    .any(|w| w[0].cap && w[1].lower() == "and" && w[2].cap);
            let found = if plural {
                // A plural, or a group: "McConnell aides", "Twenty-seven states", "Officials",
                // "people", "The family".
                (matches!(
                    head,
                    "people"
                        | "police"
                        | "men"
                        | "women"
                        | "children"
                        | "family"
                        | "couple"
                        | "crew"
                        | "staff"
                ) || looks_plural(head)
                    || names_joined)
                    && pronoun_of(head).is_none()
            } else {
                let opens = is_determiner(first.lower()) || first.cap;
                opens && (names_a_body(head) || Places::bundled().contains(&name))
            };
            return found.then_some((name, Some((np[0].span.start, last.span.end))));
        }
        None
    }

    /// The full names mentioned before byte `at` that end with `name`, latest first: the same
    /// person ("Scott" or "Lamont Scott" after "Keith Lamont Scott"). One that only shares the
    /// surname may be a relative ("Rakeyia Scott" after "Keith Lamont Scott").
    fn fuller_names<'a>(&'a self, at: usize, name: &str) -> impl Iterator<Item = String> + 'a {
        let tail = format!(" {name}");
        self.names_before(at)
            .take(ANTECEDENT_NAMES)
            .filter(move |f| f.ends_with(&tail))
    }

    /// The full names (two or more words) in the capitalised runs of the words wholly before
    /// byte `at`, latest first.
    fn names_before(&self, at: usize) -> impl Iterator<Item = String> + '_ {
        let end = self.words.partition_point(|w| w.span.end <= at);
        let runs = self.run_names();
        // Runs are found left to right, each as long as it can be; one that `end` cuts is
        // found again within the words before it (it may hold shorter runs, or none).
        let whole = runs.partition_point(|(run, _)| run.end <= end);
        let cut = runs
            .get(whole)
            .filter(|(run, _)| run.start < end)
            .map_or_else(Vec::new, |(run, _)| {
                self.names_in(&self.words[..end], run.start)
                    .into_iter()
                    .filter_map(|(_, name)| name)
                    .collect()
            });
        cut.into_iter().rev().chain(
            runs[..whole]
                .iter()
                .rev()
                .filter_map(|(_, name)| name.clone()),
        )
    }

    /// Whom a speaker written as a title alone stands for: "the President" after "President
    /// Ilham Aliyev", "the foreign minister" after "Foreign Minister Jeyhun Bayramov". The
    /// latest name written after that title before byte `at`, with the title as written.
    pub(super) fn title_holder(&self, speaker_text: &str, at: usize) -> Option<(String, String)> {
        let mut words = speaker_text.split_whitespace();
        if !words.next()?.eq_ignore_ascii_case("the") {
            return None;
        }
        let title: Vec<String> = words.map(str::to_lowercase).collect();
        let titles = &self.lists.titles;
        if title.is_empty() || title.len() > 3 || !title.iter().all(|w| titles.contains_lower(w)) {
            return None;
        }
        let end = self.words.partition_point(|w| w.span.start < at);
        (0..=end.checked_sub(title.len())?).rev().find_map(|i| {
            let here = &self.words[i..i + title.len()];
            let matches = here[0].cap && here.iter().zip(&title).all(|(w, t)| w.lower() == t);
            // The tail of a longer title is not that title: "the state" does not stand for
            // "Secretary of State Jon Husted".
            let tail = i > 0 && self.words[i - 1].lower() == "of";
            if !matches || tail {
                return None;
            }
            // The name right after the title, in the same capitalised run.
            let after = &self.words[i..end.min(i + title.len() + MAX_NAME_WORDS)];
            let run = capitalised_runs(self.text, after).into_iter().next()?;
            if run.start != 0 || run.end <= title.len() {
                return None;
            }
            let (name, _) = self.run_name(after, run, &mut None)?;
            Some((name, joined(here)))
        })
    }

    /// Full names (two or more words) mentioned in the document, in order of first mention,
    /// each with how the document introduces it there ([`Doc::introduction`]) when one of
    /// `quotes` may be theirs (its speaker ends in the name's last word), else "".
    pub(super) fn into_names(mut self, quotes: &[Quote]) -> (Vec<String>, Vec<String>) {
        // (A document quotes a handful of people, or a transcript thousands of times.)
        let surnames: FxHashSet<&str> = quotes
            .iter()
            .filter_map(|q| q.speaker.rsplit(' ').next())
            .filter(|s| !s.is_empty())
            .collect();
        self.run_names();
        let runs = self.run_names.take().unwrap_or_default();
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        let first: Vec<bool> = runs
            .iter()
            .map(|(_, name)| name.as_deref().is_some_and(|n| seen.insert(n)))
            .collect();
        drop(seen);
        let mut names = Vec::new();
        let mut intros = Vec::new();
        for ((run, name), first) in runs.into_iter().zip(first) {
            if let Some(name) = name.filter(|_| first) {
                let quoted = name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| surnames.contains(&last));
                intros.push(if quoted {
                    self.introduction(run, &name)
                } else {
                    String::new()
                });
                names.push(name);
            }
        }
        (names, intros)
    }

    /// How the document introduces the person of a capitalised run where it names them: the
    /// words before the name back to the start of its clause, at most five ("Republican
    /// presidential nominee Donald Trump", "Massachusetts Sen. Elizabeth Warren", "said MSNBC
    /// host Chris Matthews"), then an apposition after it that opens with an article, to the
    /// next mark or relative pronoun ("Tom Clarke, a nursing home owner, …"), joined by ", ".
    /// The words before stop at a preposition, article, conjunction, auxiliary or reporting
    /// verb, and at a lower-case word in "-ed" or "-ing" ("Christie described Democratic
    /// nominee Hillary Clinton"); a lower-case word after "to" or an auxiliary is a verb
    /// ("pledge not to pardon Hillary Clinton") and is dropped. A speaker group is read from
    /// what a name is introduced by when a quote of theirs gives no role
    /// ([`super::resolve::resolve_in_doc`]).
    fn introduction(&self, run: std::ops::Range<usize>, name: &str) -> String {
        let Some(first) = name.split(' ').next() else {
            return String::new();
        };
        let w = &self.words;
        let k = run
            .clone()
            .find(|&i| w[i].text == first)
            .unwrap_or(run.start);
        let clause_start = self.sentence_span(w[k].span.start).start;
        // Words joined by "/", "&" or "-" are one ("9/11 widow", "Bailey & Glasser").
        let joined = |gap: &str| matches!(gap.trim(), "" | "/" | "&" | "-") && !gap.is_empty();
        let mut j = k;
        while j > 0 && k - j < 5 {
            let prev = &w[j - 1];
            let gap = &self.text[prev.span.end..w[j].span.start];
            let verb = !prev.capitalised()
                && (prev.lower().ends_with("ed")
                    || prev.lower().ends_with("ing")
                    || self
                        .lists
                        .cues
                        .at_lowered(prev.lower(), prev.ascii, &w[j - 1..k])
                        .is_some());
            // "of" or "of the" inside a title: "Secretary of State John Kerry", "Speaker of
            // the House Newt Gingrich".
            let of = match prev.lower() {
                "of" => Some(1),
                "the" if j >= 2 && w[j - 2].lower() == "of" => Some(2),
                _ => None,
            }
            .filter(|&n| {
                w[j].capitalised()
                    && j > n
                    && w[j - n - 1].capitalised()
                    && w[j - n - 1].span.start >= clause_start
                    && self.text[w[j - n - 1].span.end..w[j].span.start]
                        .chars()
                        .all(|c| c.is_alphabetic() || c == ' ')
            });
            if let Some(n) = of {
                j -= n + 1;
                continue;
            }
            if prev.span.start < clause_start
                || !(joined(gap) || (gap.starts_with('.') && joined(&gap[1..])))
                || INTRO_STOPS.contains(&prev.lower())
                || AUXILIARIES.contains(&prev.lower())
                || verb
            {
                // A lower-case word after "to" or an auxiliary is a verb: "pledge not to
                // pardon Hillary Clinton", "threatened to kill Rep. Ilhan Omar", "could help
                // Virginia Democrats" (but "according to radio host Rush Limbaugh").
                let according = prev.lower() == "to"
                    && j >= 2
                    && matches!(w[j - 2].lower(), "according" | "due" | "next");
                if (prev.lower() == "to" || AUXILIARIES.contains(&prev.lower()))
                    && !according
                    && j < k
                    && !w[j].capitalised()
                {
                    j += 1;
                }
                break;
            }
            j -= 1;
        }
        let before = self.text[w[j].span.start..w[k].span.start].trim();
        let mut intro = if only_courtesy_titles(before) {
            String::new()
        } else {
            before.to_string()
        };
        // The apposition: ", a|an …" up to the next mark or relative pronoun; ", the …" only
        // up to a comma, as ", the move reeks of fear" is a clause.
        let last = run.end - 1;
        let sentence_end = self.sentence_span(w[last].span.start).end;
        let Some(article) = w.get(run.end).filter(|n| {
            matches!(n.lower(), "a" | "an" | "the")
                && self.text[w[last].span.end..n.span.start].trim() == ","
                && n.span.end <= sentence_end
        }) else {
            return intro;
        };
        let mut end = run.end;
        while end + 1 < w.len() && end + 1 - run.end < 20 && w[end + 1].span.end <= sentence_end {
            let gap = &self.text[w[end].span.end..w[end + 1].span.start];
            // (A full stop inside it is an abbreviation's when a lower-case word follows:
            // "a former U.S. ambassador".)
            let abbreviation = gap.starts_with('.')
                && gap[1..].chars().all(char::is_whitespace)
                && !w[end + 1].capitalised();
            if !(joined(gap) || abbreviation)
                || matches!(
                    w[end + 1].lower(),
                    "who" | "whom" | "whose" | "which" | "that"
                )
            {
                break;
            }
            end += 1;
        }
        let closed = self.text[w[end].span.end..]
            .trim_start()
            .starts_with([',', ')']);
        if article.lower() == "the" && !closed {
            return intro;
        }
        if !intro.is_empty() {
            intro.push_str(", ");
        }
        intro.push_str(&self.text[article.span.start..w[end].span.end]);
        intro
    }

    pub(super) fn run_names(&self) -> &[(std::ops::Range<usize>, Option<String>)] {
        self.run_names.get_or_init(|| self.names_in(&self.words, 0))
    }

    /// The capitalised runs of two words or more in `words[from..]`, numbered within
    /// `words`, with the full name each holds.
    fn names_in(
        &self,
        words: &[Word<'t>],
        from: usize,
    ) -> Vec<(std::ops::Range<usize>, Option<String>)> {
        // (A name of two words needs a run of two: one word never holds a space.)
        capitalised_runs(self.text, &words[from..])
            .into_iter()
            .filter(|run| run.len() >= 2)
            .map(|run| {
                let run = from + run.start..from + run.end;
                let name = self
                    .run_name_or_body(&words[run.clone()])
                    .filter(|n| n.contains(' '));
                (run, name)
            })
            .collect()
    }

    /// What [`Doc::name_in`] finds in one whole capitalised run: the name, else the body.
    fn run_name_or_body(&self, run: &[Word<'t>]) -> Option<String> {
        let mut body = None;
        self.run_name(run, 0..run.len(), &mut body)
            .map(|(name, _)| name)
            .or(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use slant_corpus::segment::segment;

    #[test]
    fn named_speakers_keep_their_gender_and_kind() {
        let mut named = Named::default();
        assert!(!named.is_person("Hillary Clinton"));
        named.mention_speaker("Hillary Clinton", "Hillary Clinton", "");
        named.mention_speaker("Chris Doe", "Chris Doe", "");
        named.mention_speaker("The statement", "The statement", "");
        assert_eq!(named.gender_of("Hillary Clinton"), Some(Gender::Female));
        assert!(named.is_person("Chris Doe") && named.gender_of("Chris Doe").is_none());
        // Not one person.
        assert!(!named.is_person("The statement"));
        // A gender learnt later is kept, and so is one known from before.
        named.mention_speaker("Chris Doe", "Mr. Doe", "");
        named.mention_speaker("Chris Doe", "Doe", "");
        assert_eq!(named.gender_of("Chris Doe"), Some(Gender::Male));
    }

    proptest::proptest! {
        /// The names before any point are those of the capitalised runs found in the words
        /// before it alone, latest first, also where the point cuts a run ("Mr "We…" is one run
        /// of the words "Mr" and "We").
        #[test]
        fn names_before_a_point_are_those_of_the_words_before_it(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "John", "Smith", "Mary", "Jones", "Mr", "of", "the", "Bank", "England", "said",
                "he", "\"", "“", "”", " ", " ", " ", ". ", ", ", "\n",
            ]), 0..40)
        ) {
            let text: String = parts.concat();
            let seg = segment(&text);
            let mut arena = String::new();
            let doc = Doc::new(&text, &seg, Lists::default(), &mut arena);
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let end = doc.words.partition_point(|w| w.span.end <= at);
                let ws = &doc.words[..end];
                let mut want: Vec<String> = capitalised_runs(&text, ws)
                    .into_iter()
                    .filter(|run| run.len() >= 2)
                    .filter_map(|run| doc.run_name_or_body(&ws[run]))
                    .filter(|n| n.contains(' '))
                    .collect();
                want.reverse();
                let got: Vec<String> = doc.names_before(at).collect();
                proptest::prop_assert_eq!(got, want, "at {}", at);
            }
        }
    }
}
