//! Who a speaker phrase names: a person, a pronoun, a role or only a description
//! ("Farhad Mammadov, head of X", "a spokesman", "the next paragraph"), reduced to the name.

use super::*;
use slant_corpus::segment::is_title_abbreviation;

impl<'t, 'l> Doc<'t, 'l> {
    /// Splits a speaker phrase into (name, role, as written); `None` when it is not one. A
    /// pronoun gives an empty name. `before_verb`: the phrase is the subject before its verb,
    /// so its comma-separated parts are read from the verb backwards, skipping appositions
    /// ("Farhad Mammadov, head of X, noted"); otherwise it follows the verb and is read
    /// forwards ("said Konstantin Zatulin, a deputy of the State Duma").
    pub(super) fn speaker_of(
        &self,
        start: usize,
        end: usize,
        before_verb: bool,
    ) -> Option<(String, String, String)> {
        self.speaker_kind(start, end, before_verb)
            .filter(|(n, .., kind)| *kind != Np::Description || plausible_description(n))
            .map(|(n, r, raw, _)| (n, r, raw))
    }

    /// The speaker the phrase `np` (byte range, before its verb) names, if it is a name.
    pub(super) fn named_speaker(&self, np: (usize, usize)) -> Option<(String, String, String)> {
        self.speaker_kind(np.0, np.1, true)
            .filter(|(.., kind)| *kind == Np::Name)
            .map(|(name, role, raw, _)| (name, role, raw))
    }

    /// As [`Doc::speaker_of`], with whether the phrase is a name, a pronoun, a role ("a
    /// spokesman") or only a description ("the next paragraph").
    pub(super) fn speaker_kind(
        &self,
        start: usize,
        end: usize,
        before_verb: bool,
    ) -> Option<(String, String, String, Np)> {
        let seg = self.text.get(start..end)?;
        // A comma right before the verb closes an apposition: "The company, the largest
        // employer in the region, said" (not "The plane crashed, the ministry said").
        let closed_at_verb = before_verb && seg.trim_end().ends_with(',');
        let trail = |c: char| c.is_whitespace() || ",;:—–―-(".contains(c);
        let mut seg = seg.trim_end_matches(trail);
        // The sentence's own full stop is not part of the speaker ("…, a government
        // spokesman."); an abbreviation's is ("Jr.", "U.S.").
        if seg.ends_with('.') && !ends_with_abbreviation(seg) {
            seg = seg[..seg.len() - 1].trim_end_matches(trail);
        }
        // An adverb or auxiliary next to the verb is not the speaker's: "the state
        // incorrectly stated", "officials also said", "McAuliffe has said".
        if before_verb {
            while let [.., before, w] = &self.words[self.words_in(start, start + seg.len())] {
                let lower = w.lower();
                // An "-ly" word after a determiner or an owner is a noun: "the family",
                // "Scott's family", "an ally" (not after an auxiliary: "Officials have
                // repeatedly said").
                let noun_slot = is_determiner(before.lower())
                    || (is_stopword(before.lower()) && !AUXILIARIES.contains(&before.lower()))
                    || before.text.ends_with("’s")
                    || before.text.ends_with("'s");
                // (So is a quantifier after the subject: "Merkley, Brown and Menendez all
                // said", "Putin and Aliyev both said".)
                let adverb = !w.cap
                    && (ADVERBS_AFTER_NAMES.contains(&lower)
                        || matches!(lower, "has" | "have" | "had" | "all" | "both")
                        || (lower.len() > 4 && is_ly_adverb(lower) && !noun_slot));
                if !adverb {
                    break;
                }
                seg = seg[..w.span.start - start].trim_end_matches(trail);
            }
        }
        let t_end = start + seg.len();
        let mut words: &[Word<'t>] = &self.words[self.words_in(start, t_end)];
        // Leading connectives: "As X noted", "But Y said".
        let mut subordinate = false;
        while let Some((first, rest)) = words.split_first() {
            if !matches!(
                first.lower(),
                "as" | "but" | "and" | "so" | "while" | "when" | "then"
            ) {
                break;
            }
            subordinate |= SUBORDINATORS.contains(&first.lower());
            words = rest;
        }
        if words.is_empty() || (before_verb && words.len() > 40) {
            return None;
        }
        let raw = &self.text[words[0].span.start..t_end];
        // A subject pronoun right before the verb is its subject: "he said", and "… check out
        // what he called", "condemned what she called" further into a sentence. (The phrase
        // ends at the verb, adverbs and auxiliaries trimmed. Not "it" or "you", which may be
        // objects: "made it clear".)
        let last = words[words.len() - 1];
        let subject = PRONOUNS.contains(&last.lower()) && !matches!(last.lower(), "it" | "you");
        // (After the verb, an object pronoun too: "according to him"; or an owner: "in his
        // words".)
        let object =
            !before_verb && matches!(last.lower(), "him" | "her" | "them" | "his" | "their");
        if (words.len() == 1 && (pronoun_of(last.lower()).is_some() || object))
            || (before_verb && subject)
        {
            return Some((
                String::new(),
                String::new(),
                last.text.to_string(),
                Np::Pronoun,
            ));
        }
        // Parenthetical tags ("(D-Mo.)", "(R)") and party-state tags ("R-Ky.") are roles.
        let mut depth = 0usize;
        let mut parts: Vec<&str> = Vec::new();
        let mut part_start = 0;
        for (i, c) in raw.char_indices() {
            match c {
                '(' => {
                    if depth == 0 {
                        parts.push(&raw[part_start..i]);
                    }
                    depth += 1;
                }
                ')' => {
                    depth = depth.saturating_sub(1);
                    part_start = i + 1;
                }
                ',' if depth == 0 => {
                    parts.push(&raw[part_start..i]);
                    part_start = i + 1;
                }
                _ => {}
            }
        }
        if depth == 0 {
            parts.push(&raw[part_start..]);
        }
        let mut parts: Vec<&str> = parts
            .into_iter()
            .map(str::trim)
            .filter(|p| !p.is_empty() && !is_party_tag(p) && !is_name_suffix(p))
            .collect();
        // An opening adverbial is neither the speaker nor their role: "In response to a
        // question, the President said".
        let mut raw = raw;
        // (Or two, the first of degree: "Rather quickly, someone said", "Quite frankly, …".)
        let sentence_adverb = |part: &str| {
            let lower = part.to_lowercase();
            match lower.split_once(' ') {
                None => adverb_like(&lower),
                Some((degree, adverb)) => {
                    DEGREE_ADVERBS.contains(&degree) && !adverb.contains(' ') && adverb_like(adverb)
                }
            }
        };
        // So is a clause a subordinator opens ("As far as whether Sanders senses anger, the
        // Vermont senator acknowledged"), which ends in a word in lower case: a name there is
        // the subject ("As Farhad Mammadov, head of …, noted").
        let clause_first = || {
            let off = parts[0].as_ptr() as usize - self.text.as_ptr() as usize;
            let pw = &self.words[self.words_in(off, off + parts[0].len())];
            pw.len() >= 3 && pw.last().is_some_and(|w| !w.capitalised())
        };
        // And so is a time: "Last year, a Times article hailed …", "Twenty-two years ago, …".
        let time_adverbial = |part: &str| {
            let lower = part.to_lowercase();
            let words: Vec<&str> = lower.split_whitespace().collect();
            words.len() <= 5
                && (words.last() == Some(&"ago")
                    || matches!(
                        words.first(),
                        Some(&("last" | "this" | "next" | "earlier" | "later" | "yesterday"))
                    ))
        };
        // And so is a participle phrase: "Speaking to reporters, the minister said", "Asked
        // about the crash, a spokesman said". (Its second word is in lower case, so a name
        // ending in "-ing" is not one: "Chelsea Manning", "Irving Berlin".)
        let participle_phrase = |part: &str| {
            let mut words = part.split_whitespace();
            let first = words.next().unwrap_or_default();
            let participle = (first.len() > 5 && first.ends_with("ing"))
                || OPENING_PARTICIPLES
                    .iter()
                    .any(|p| first.eq_ignore_ascii_case(p));
            participle
                && words
                    .next()
                    .is_some_and(|w| !w.starts_with(char::is_uppercase))
        };
        // (A subordinator after a word that times it opens such a clause too: "Back when it
        // signed on to NAFTA more than 20 years ago, the United States pledged".)
        let timed_subordinate = || {
            let mut w = parts[0].split_whitespace().map(str::to_lowercase);
            let (first, second) = (w.next().unwrap_or_default(), w.next().unwrap_or_default());
            matches!(
                first.as_str(),
                "back" | "even" | "just" | "only" | "long" | "soon"
            ) && SUBORDINATORS.contains(&second.as_str())
        };
        if before_verb
            && parts.len() > 1
            && (((subordinate || timed_subordinate()) && clause_first())
                || OPENING_PREPOSITIONS.contains(&first_word_lower(parts[0]).as_str())
                || sentence_adverb(parts[0])
                || time_adverbial(parts[0])
                || participle_phrase(parts[0]))
        {
            // (A list in an opening prepositional phrase is its object, up to the list's last
            // item: "In its coverage of the relationship between the CIA, UC Global, and
            // Adelson's Sands, the New York Times claimed" is the Times'. The last part with
            // "and" or "or" ends the list when a part follows it.)
            let list_end = if OPENING_PREPOSITIONS.contains(&first_word_lower(parts[0]).as_str()) {
                (1..parts.len() - 1).rev().find(|&j| {
                    parts[j]
                        .split_whitespace()
                        .any(|w| matches!(w, "and" | "or"))
                })
            } else {
                None
            };
            parts.drain(..=list_end.unwrap_or(0));
            let off = parts[0].as_ptr() as usize - self.text.as_ptr() as usize;
            raw = &self.text[off..t_end];
        }
        let order: Vec<usize> = if before_verb {
            (0..parts.len()).rev().collect()
        } else {
            (0..parts.len()).collect()
        };
        // The description next to the verb ("the …", "a …"), passed over as an apposition:
        // the speaker when no part further back names one ("As a phone rang, the announcer
        // said").
        let mut passed_over = None;
        // Whether every part passed over so far is a participle phrase or a relative clause
        // ("speaking on condition of anonymity", "published on Tuesday", "who …"), or an
        // adverbial next to the verb ("in a statement"): a described speaker before them is
        // the subject as one next to the verb would be.
        let mut participles_only = true;
        // Whether the part next to the verb, passed over, is a determined description.
        let mut described_at_verb = false;
        for (k, &pi) in order.iter().enumerate() {
            let part = parts[pi];
            let off = part.as_ptr() as usize - self.text.as_ptr() as usize;
            let mut pw: &[Word<'t>] = &self.words[self.words_in(off, off + part.len())];
            if pw.is_empty() {
                continue;
            }
            // A part that opens with an auxiliary is the predicate of a clause before the
            // subject, which names no speaker: "Baku’s “pivot to the West” has alarmed the
            // Kremlin, analysts say" is the analysts'.
            // (Not a given name: "“…,” Will Moy, chief executive of Full Fact, told the BBC.")
            if before_verb
                && k > 0
                && AUXILIARIES.contains(&pw[0].lower())
                && !self.given_name_at(pw, 0)
            {
                break;
            }
            // A relative clause after a preposition next to the verb, with a subject of its
            // own of one to three words and no verb, has the speaker: "billboards in which
            // people say" is the people's, not TV's. (Without the preposition the pronoun may
            // be the object of a verb the subject ends in: "the member whom voters trust".)
            if before_verb && k == 0 {
                let relative = pw
                    .iter()
                    .rposition(|w| matches!(w.lower(), "which" | "whom"));
                let subject = relative
                    .filter(|&j| j > 0 && PREPOSITIONS.contains(&pw[j - 1].lower()))
                    .map(|j| &pw[j + 1..])
                    .filter(|np| {
                        (1..=3).contains(&np.len())
                            && !np
                                .iter()
                                .any(|w| lower_case_past(w) || AUXILIARIES.contains(&w.lower()))
                    });
                if let Some(np) = subject {
                    return self.speaker_kind(np[0].span.start, end, true);
                }
            }
            let mut part = part;
            // A relative clause inside the subject describes its head: "Officials who spoke on
            // condition of anonymity said" is officials, "A man who saw the crash said" a man.
            if before_verb {
                // (Not "who" right before the verb: "…radio program who said" may not mean
                // the program.)
                let relative = pw.iter().position(|w| w.lower() == "who");
                if let Some(j) = relative.filter(|&j| j > 0 && j + 1 < pw.len()) {
                    part = &part[..pw[j - 1].span.end - off];
                    pw = &pw[..j];
                }
            }
            // A clause of its own next to the verb: its subject is the speaker or no one is.
            // So is a relative clause's, when a subject follows the pronoun: "…, which Mr.
            // Clarke says he is keeping open" (not "…, which represents educators, said");
            // and a clause joined by "and" or "but" that a pronoun or a determiner opens: "The
            // company cut its forecast, and the minister said".
            let opens_np =
                |w: &Word<'_>| is_determiner(w.lower()) || pronoun_of(w.lower()).is_some();
            // (A relative clause closed by a comma before the verb is an apposition: "The
            // report, which Human Rights Watch published on Tuesday, said".)
            let closed = self.text[off + part.len()..].starts_with(',');
            let clause = before_verb
                && k == 0
                && pw.len() > 1
                && (SUBORDINATORS.contains(&pw[0].lower())
                    || (matches!(pw[0].lower(), "which" | "whom")
                        && !closed
                        && (pw[1].capitalised() || opens_np(&pw[1])))
                    || (matches!(pw[0].lower(), "and" | "but")
                        && (opens_np(&pw[1])
                            // (Or a bare plural: "Fad diets can be unhealthy, and studies
                            // show …".)
                            || (!pw[1].cap && looks_plural(pw[1].lower())))));
            let mut raw = raw;
            if clause {
                // (The speaker as written is the clause's subject alone.)
                part = &part[pw[1].span.start - off..];
                raw = &self.text[pw[1].span.start..t_end];
                pw = &pw[1..];
            } else if before_verb && k == 0 && pw.len() >= 2 && pw[0].lower() == "and" && pw[1].cap
            {
                // The last of a list of names, after a bracket: "Sherrod Brown (D-Ohio) and
                // Robert Menendez (D-N.J.) said" is Menendez's (and the others',
                // [`Doc::co_speakers`]).
                part = &part[pw[1].span.start - off..];
                pw = &pw[1..];
            }
            let last_chance = clause || k + 1 == order.len();
            // How long the phrase is, a compound counting as one word: "the 34-year-old
            // mother of three" is four.
            let len = pw.len()
                - pw.windows(2)
                    .filter(|w| &self.text[w[0].span.end..w[1].span.start] == "-")
                    .count();
            // A pronoun next to the verb after an opening adverbial: "In recent months, he
            // said".
            if k == 0 && pw.len() == 1 && pronoun_of(pw[0].lower()).is_some() {
                return Some((
                    String::new(),
                    String::new(),
                    pw[0].text.to_string(),
                    Np::Pronoun,
                ));
            }
            // A descriptive head ("a spokesman for the campaign") is the speaker as written.
            let head = pw
                .iter()
                .take_while(|w| !matches!(w.lower(), "for" | "of" | "at" | "with" | "to"))
                .count();
            // (So is a title with whose it is after it: "the US ambassador to Azerbaijan",
            // "the president of Azerbaijan", not the place or the person named.)
            // (The head's last word in lower case, a title or a role: "the US ambassador".)
            let head_noun_is_role =
                head >= 2 && !pw[head - 1].cap && self.role_word(pw[head - 1].lower());
            // (An owner's name stands for the determiner: "China’s ambassador to Britain" is
            // the ambassador, not Britain.)
            // (A phrase that ends in a function word is none: "Erdoğan’s judge of said".)
            let owned_phrase = pw.len() >= 2
                && pw[0].possessive()
                && pw.last().is_some_and(|w| !is_stopword(w.lower()));
            let determined = is_determiner(pw[0].lower()) || owned_phrase;
            let titled_head = head < pw.len() && determined && head_noun_is_role;
            let head_is_role =
                titled_head || pw[..head].iter().any(|w| ROLE_NOUNS.contains(&w.lower()));
            let role_rest = || {
                parts
                    .iter()
                    .enumerate()
                    .filter(|(j, p)| *j != pi && self.describes(p))
                    .map(|(_, p)| *p)
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            // A role and the descriptions beside the name, joined ("veteran industry analyst").
            let role_with_rest = |role: String| {
                [role, role_rest()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            // An opening adverbial further back names no subject: "At a forum in Virginia on
            // Monday, one questioner claimed".
            if before_verb && k > 0 && pi == 0 && OPENING_PREPOSITIONS.contains(&pw[0].lower()) {
                continue;
            }
            // A place after the place an apposition ends in is that place's region, not the
            // speaker: "Dylan Nelson, a fellow at the Max Planck Institute in Munich, Germany,
            // said" is Nelson's, "…, a scientist at NASA's Goddard Space Flight Center in
            // Greenbelt, Maryland, said" no quote of Maryland's.
            if before_verb && pi >= 2 && self.region_of_place(parts[pi - 1], pw) {
                continue;
            }
            // A title "of" a place is an apposition too: "Senator Dianne Feinstein, Democrat
            // of California, said" is no quote of California's; and so is a title of several
            // words "of" or "for" a body: "Steve Menet, Senior Vice President of Sales for
            // Acme, says" is no quote of Sales' or Acme's.
            let title_words = pw
                .iter()
                .take_while(|w| self.lists.titles.contains_lower(w.lower()))
                .count();
            // (A part of titles alone is one too: "Steve Menet, Senior Vice President, said".)
            let title_of = (title_words == pw.len() && pw.iter().all(|w| w.cap))
                || (pw.len() >= 3
                    && title_words >= 1
                    && pw.get(title_words).is_some_and(|w| {
                        w.lower() == "of" || (title_words >= 2 && w.lower() == "for")
                    }));
            // (And so is a title before a body's name or other words, after a person's full
            // name: "Rob Goldman, President Ascom North America, says" and "Jane Doe,
            // President emeritus, says" are Goldman and Doe. A person's name opens with a
            // given name: "The bill failed, Senator Kennedy said" is Kennedy's.)
            let title_of_body = || {
                let person = |w: &[Word<'_>]| !w.is_empty() && self.given_name_at(w, 0);
                title_words >= 1
                    && !person(&pw[title_words..])
                    && order.get(k + 1).is_some_and(|&back| {
                        let part = parts[back];
                        let off = part.as_ptr() as usize - self.text.as_ptr() as usize;
                        person(&self.words[self.words_in(off, off + part.len())])
                    })
            };
            if before_verb && !last_chance && (title_of || title_of_body()) {
                continue;
            }
            // (Unless a title and a name end it: "Scott’s niece, state Del. Marcia Price,
            // shouted" is Marcia Price.)
            // (The last word in lower case: the capitalised words after it may be a name.)
            let last_lower = pw.iter().rposition(|w| !w.capitalised());
            // (Not in a participle phrase, whose names are its objects: "A commentator,
            // analyzing criticisms of President Vladimir Putin, concluded".)
            let participle = {
                let lower = pw[0].lower();
                !pw[0].cap && lower.len() > 4 && lower.ends_with("ing")
            };
            // (Nor after a preposition, whose object it is: "Hikmet Hajiyev, the foreign
            // policy aide to President Ilham Aliyev, said" is Hajiyev.)
            let titled_name = || {
                !participle
                    && last_lower.is_some_and(|r| !PREPOSITIONS.contains(&pw[r].lower()))
                    && last_lower
                        .and_then(|r| pw.get(r + 1..))
                        .filter(|name| name.len() >= 3)
                        .is_some_and(|name| {
                            // (A person's: it opens with a given name. "the top Democrat on the
                            // House Intelligence Committee" and "at the American Enterprise
                            // Institute" name bodies.)
                            self.title_at(&name[0])
                                && FirstNames::bundled().gender(name[1].text, "").is_some()
                                && name[1..].iter().all(|w| !self.role_word(w.lower()))
                        })
            };
            if before_verb && !pw[0].capitalised() && !last_chance && !titled_name() {
                // A relative clause with a subject of its own, next to the verb: "…, a claim
                // Moscow initially dismissed as “speculation”" is Moscow's. (Its noun is no
                // role or title: "the spokesman Ned Price" is read below.)
                let relative_subject = || {
                    let r = last_lower?;
                    let name = &pw[r + 1..];
                    let object = r >= 1
                        && is_determiner(pw[0].lower())
                        && (1..=4).contains(&name.len())
                        && pw[1..=r].iter().all(|w| {
                            !w.cap
                                && !is_stopword(w.lower())
                                && !self.role_word(w.lower())
                                && !self.title_at(w)
                        });
                    object.then(|| self.name_in(name, true)).flatten()
                };
                if let Some((name, titles)) = (k == 0).then(relative_subject).flatten() {
                    return Some((name, titles, raw.to_string(), Np::Name));
                }
                // ("experts say", "officials said": a described speaker without a determiner.)
                let bare_role =
                    pw.len() <= 2 && pw.last().is_some_and(|w| ROLE_NOUNS.contains(&w.lower()));
                if k == 0 && (is_determiner(pw[0].lower()) || bare_role) && len <= 5 {
                    passed_over = Some((part, role_rest()));
                }
                described_at_verb |= k == 0 && is_determiner(pw[0].lower());
                participles_only &= {
                    let lower = pw[0].lower();
                    lower.ends_with("ing")
                        || lower.ends_with("ed")
                        || matches!(lower, "who" | "which" | "whose")
                        // (and an adverbial: "The ministry, in a statement, said")
                        || (k == 0 && OPENING_PREPOSITIONS.contains(&lower))
                };
                continue; // an apposition or an adverbial: the subject is further back
            }
            // So is a description that a possessive name opens: "Sonya Zoghlin, Carlineo’s
            // attorney, told" is Zoghlin; alone, the description is the speaker.
            let owned = pw.len() >= 2 && pw[0].possessive() && !pw[1].capitalised();
            if before_verb && k == 0 && owned && len <= 5 && !last_chance {
                passed_over = Some((part, role_rest()));
                continue;
            }
            // After the verb, a name in apposition after a role is the speaker: "said the
            // union’s president, Shawn Fain", "said a spokesman, John Kirby, on Monday". (A
            // name alone: two to four capitalised words.)
            // (A person's role, not a paper's: "said the report, Foreign Policy Research".)
            let role_before_name = !before_verb
                && k == 0
                && (head_is_role || is_determiner(pw[0].lower()))
                && pw.iter().any(|w| {
                    !w.cap
                        && self.role_word(w.lower())
                        && !matches!(w.lower(), "statement" | "report")
                });
            let apposed = role_before_name
                .then(|| parts.get(pi + 1))
                .flatten()
                .and_then(|next| {
                    let off = next.as_ptr() as usize - self.text.as_ptr() as usize;
                    let nw = &self.words[self.words_in(off, off + next.len())];
                    let alone = (2..=4).contains(&nw.len())
                        && nw.iter().all(|w| w.cap && !is_determiner(w.lower()));
                    alone.then(|| self.name_in(nw, false)).flatten()
                });
            if let Some((name, _)) = apposed {
                return Some((name, part.to_string(), raw.to_string(), Np::Name));
            }
            // (A determiner may be capitalised as the sentence's first word: "A spokesman for
            // Aliyev said". Its head noun is then the role: not "The statement noted they had
            // previously said".)
            let described = !pw[0].capitalised() || (determined && head_noun_is_role);
            if head_is_role && described && pw.len() <= 10 {
                // A name right after the role is the speaker, the words before it the role:
                // "said veteran industry analyst Ken Doctor" is Ken Doctor.
                // (A name's links inside it: "analyst Thomas de Waal".)
                let role_end = pw[..head].iter().rposition(|w| self.role_word(w.lower()));
                let named = role_end.filter(|&r| {
                    let name = &pw[r + 1..];
                    !name.is_empty()
                        && name.iter().enumerate().all(|(j, w)| {
                            w.capitalised()
                                || (j > 0 && j + 1 < name.len() && NAME_LINKS.contains(&w.lower()))
                        })
                });
                if let Some(r) = named {
                    let name = clean_name(joined(&pw[r + 1..]));
                    let role = role_with_rest(joined(&pw[..=r]));
                    return Some((name, role, raw.to_string(), Np::Name));
                }
                // So is a person's name after the place the role is "to" or "of": "China’s
                // ambassador to Britain Liu Xiaming said" is Liu Xiaming, the ambassador to
                // Britain the role. (The place is a known one of one word; the name is two or
                // three capitalised words.)
                let after_place = role_end.and_then(|r| {
                    let rest = pw.get(r + 1..)?;
                    let [link, place, name @ ..] = rest else {
                        return None;
                    };
                    (matches!(link.lower(), "to" | "of")
                        && Places::bundled().contains(place.text)
                        && (2..=3).contains(&name.len())
                        && name.iter().all(|w| w.cap && !self.role_word(w.lower())))
                    .then(|| (joined(name), joined(&pw[..r + 3])))
                });
                if let Some((name, role)) = after_place {
                    let role = role_with_rest(role);
                    return Some((clean_name(name), role, raw.to_string(), Np::Name));
                }
                return Some((part.to_string(), role_rest(), raw.to_string(), Np::Role));
            }
            // A name that only modifies a described head is not the speaker: "Kremlin
            // officials", "Federal prosecutors", "Trump aides", "top Azerbaijani lawmakers";
            // nor is a name in what qualifies the head ("Putin aides familiar with the
            // matter", "Russian officials quoted by TASS").
            // (A qualifier ends in a noun, with no verb after it: "Small groups of protesters
            // continued to" is no speaker.)
            let qualifies = |k: usize| {
                let after = &pw[k + 1..];
                !after.iter().any(past_or_auxiliary)
                    && after.last().is_some_and(|w| !is_stopword(w.lower()))
            };
            let head_end = (2..pw.len().saturating_sub(1))
                .find(|&k| QUALIFIERS.contains(&pw[k].lower()))
                .filter(|&k| len <= 10 && qualifies(k))
                .unwrap_or(pw.len());
            let np = &pw[..head_end];
            if (2..=4).contains(&np.len())
                && np.iter().any(|w| w.capitalised())
                && np.last().is_some_and(|w| !w.cap)
            {
                let lower: Vec<String> = np.iter().map(|w| w.lower().to_string()).collect();
                // (The head is the last word: "Prices on its attack" is no description.) A
                // body's papers speak for the body: "according to ICAO regulations" is ICAO.
                let papers = lower
                    .last()
                    .is_some_and(|h| DOCUMENT_NOUNS.contains(&h.as_str()));
                if bare_plural(&lower)
                    && !papers
                    && !lower.iter().any(|w| is_stopword(w) && w != "and")
                {
                    return Some((
                        part.to_string(),
                        role_rest(),
                        raw.to_string(),
                        Np::Description,
                    ));
                }
            }
            // A counted or determined noun in lower case (after an adjective or two), then
            // what qualifies it: the speaker is the noun, not a name in the qualifier ("wrote
            // one user on Telegram", "said a resident in Grozny", "two people familiar with the
            // matter said", "a person briefed on the Kremlin's plans"). (A determiner may be
            // capitalised as the sentence's first word; a number word is not a name there.)
            // (A plural role noun needs no determiner: "Residents interviewed by the BBC
            // said", "Sources close to the Kremlin said".)
            let bare_head = ROLE_NOUNS.contains(&pw[0].lower()) && pw[0].lower().ends_with('s');
            let counted = is_determiner(pw[0].lower())
                || is_number_word(pw[0].lower())
                || QUANTIFIERS.contains(&pw[0].lower())
                || bare_head;
            let first_qualifier = if bare_head { 1 } else { 2 };
            let qualifier =
                (first_qualifier..pw.len().min(5)).find(|&j| QUALIFIERS.contains(&pw[j].lower()));
            // (So is a part of a group: "one of the passengers", "two of the survivors".)
            let partitive = pw.len() >= 3
                && pw[1].lower() == "of"
                && (is_number_word(pw[0].lower())
                    || matches!(pw[0].lower(), "one" | "each")
                    || QUANTIFIERS.contains(&pw[0].lower()));
            // (A short phrase ending in a noun: a longer one is a clause, "The dispute centers
            // on Ohio's removal of …", and one ending in an auxiliary a passive, "A photo of the
            // meeting was denied by Andrew".)
            let ends_in_noun = pw
                .last()
                .is_some_and(|w| !is_stopword(w.lower()) && !AUXILIARIES.contains(&w.lower()));
            let placed = len <= 10
                && ends_in_noun
                && (partitive
                    || counted
                        && (!pw[0].cap || before_verb)
                        && qualifier.is_some_and(|j| {
                            // (Capitalised adjectives may come before the head, which is in
                            // lower case: "A Russian official familiar with the matter", "A
                            // Kremlin readout of the call". A head that opens the phrase may be
                            // capitalised as the sentence's first word: "Experts on North Korea".)
                            j + 1 < pw.len()
                                && (j == 1 || !pw[j - 1].cap)
                                && pw[1..j]
                                    .iter()
                                    .all(|w| !is_stopword(w.lower()) && !w.possessive())
                        }));
            // A determined phrase next to the verb whose head, its last word, is a noun in
            // lower case, with capitalised adjectives or an owner before it, is a description,
            // not the name of a capitalised word in it: "The Kazakh transport ministry’s
            // commission said" (no verb or pronoun in it; before a participle phrase too:
            // "…’s commission, led by Deputy Prime Minister Kanat Bozumbayev, said").
            // (Or two such joined by "and" and a determiner, each ending in a noun in lower
            // case: "Two former UC Global workers and the ex-business partner said"; not "The
            // Kremlin and the foreign ministry", the Kremlin's, with the ministry.) Where the
            // "and" is.
            let and = pw.iter().position(|w| w.lower() == "and").filter(|&j| {
                j >= 2 && !pw[j - 1].cap && pw.get(j + 1).is_some_and(|w| is_determiner(w.lower()))
            });
            let joins = |j: usize| and.is_some_and(|a| j == a || j == a + 1);
            let determined = before_verb
                && (k == 0 || participles_only)
                && counted
                && !bare_head
                && (3..=if and.is_some() { 10 } else { 6 }).contains(&len)
                && pw[1..].iter().any(|w| w.cap)
                && (1..pw.len()).all(|j| {
                    let (w, lower) = (&pw[j], pw[j].lower());
                    (!is_stopword(lower) || joins(j))
                        && pronoun_of(lower).is_none()
                        && !past_or_auxiliary(w)
                })
                && pw.last().is_some_and(|w| !w.cap && !w.possessive());
            if placed || determined {
                return Some((
                    part.to_string(),
                    role_rest(),
                    raw.to_string(),
                    Np::Description,
                ));
            }
            if let Some((name, titles)) = self.name_in(pw, before_verb) {
                return Some((name, role_with_rest(titles), raw.to_string(), Np::Name));
            }
            // (After the verb, a determiner opens a longer one: "according to a new
            // Washington Post-ABC News national poll".)
            // So does a title or a role at its end, before the verb: "A former Democratic
            // National Committee chairman says".
            let titled = before_verb
                && len <= 8
                && is_determiner(pw[0].lower())
                && pw
                    .last()
                    .is_some_and(|w| !w.cap && self.role_word(w.lower()));
            let short =
                len <= 4 || (!before_verb && len <= 8 && is_determiner(pw[0].lower())) || titled;
            // (The subject before an apposition closed at the verb: "The company".)
            let before_apposition = closed_at_verb
                && k == 1
                && pi == 0
                && described_at_verb
                && is_determiner(pw[0].lower());
            if (k == 0 || participles_only || before_apposition) && short {
                // "officials", "the ministry": a speaker without a name. ("Following" and "In
                // August" open a sentence and name no one, and neither does a clause that a
                // pronoun opens: "It’s denouncing what it calls".)
                if pronoun_of(pw[0].lower()).is_none()
                    && pw
                        .iter()
                        .any(|w| !is_stopword(w.lower()) && !not_a_name(w.lower()))
                {
                    return Some((
                        part.to_string(),
                        role_rest(),
                        raw.to_string(),
                        Np::Description,
                    ));
                }
            }
            participles_only = false;
            if !before_verb || clause {
                // After the verb, only the first part can name the speaker; before it, a
                // clause of its own holds the subject.
                break;
            }
        }
        passed_over.map(|(part, role)| (part.to_string(), role, part.to_string(), Np::Description))
    }

    /// The others named with a quote's speaker as saying it ([`Quote::co_speakers`]): in the
    /// words that name the speaker (`speaker_text`, found in the text from byte `from` to
    /// `to`), the names joined to the speaker's by "and" or commas: "Russia and Azerbaijan",
    /// "Sens. Chuck Grassley and Patrick Leahy", "Jeff Merkley (D-Ore.), Sherrod Brown
    /// (D-Ohio) and Robert Menendez (D-N.J.)", "both Vindman and Williams". A name the
    /// conjunction joins to a description is none ("Mr. Smith and his wife"), nor are names
    /// that words other than "both" come before ("prosecutors in San Francisco and Los
    /// Angeles"). Each says whether the document stands behind it as a name
    /// ([`Doc::known_name`]): "Procter" in "Procter and Gamble" may be half of one company's
    /// name, and is a co-speaker only if the document or the corpus resolves it
    /// ([`CoSpeaker::known`]). `None` when `speaker_text` is not in that stretch of text.
    pub(super) fn co_speakers(
        &self,
        speaker: &str,
        speaker_text: &str,
        from: usize,
        to: usize,
    ) -> Option<Vec<CoSpeaker>> {
        if speaker.is_empty() || !speaker_text.contains(" and ") {
            return Some(Vec::new());
        }
        let at = self.text.get(from..to)?.find(speaker_text)?;
        let off = from + at;
        let ws = &self.words[self.words_in(off, off + speaker_text.len())];
        // (Runs inside brackets are tags: "(D-Ore.)".)
        let bracketed = |w: &Word<'_>| {
            let before = &self.text[off..w.span.start];
            before.matches('(').count() > before.matches(')').count()
        };
        // Each capitalised run, with the name in it and its titles.
        type Named = (std::ops::Range<usize>, Option<(String, String)>);
        let runs: Vec<Named> = capitalised_runs(self.text, ws)
            .into_iter()
            .filter(|r| !bracketed(&ws[r.start]))
            .map(|r| {
                let name = self
                    .run_name(ws, r.clone(), &mut None)
                    .map(|(name, titles)| (name, joined(titles)));
                (r, name)
            })
            .collect();
        let Some(m) = runs
            .iter()
            .position(|(_, n)| n.as_ref().is_some_and(|(n, _)| n == speaker))
        else {
            return Some(Vec::new());
        };
        // The text between two runs, its brackets left out, is "and", a comma, or both.
        let joins = |a: usize, b: usize| {
            let gap = &self.text[ws[runs[a].0.end - 1].span.end..ws[runs[b].0.start].span.start];
            let mut plain = String::new();
            let mut depth = 0usize;
            for c in gap.chars() {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    _ if depth == 0 => plain.push(c),
                    _ => {}
                }
            }
            match plain.trim() {
                "and" => Some(Join::And),
                "," => Some(Join::Comma),
                ", and" => Some(Join::CommaAnd),
                _ => None,
            }
        };
        let name_at = |k: usize| runs[k].1.is_some();
        let mut first = m;
        while first > 0 && name_at(first - 1) && joins(first - 1, first).is_some() {
            first -= 1;
        }
        let mut last = m;
        while last + 1 < runs.len() && name_at(last + 1) && joins(last, last + 1).is_some() {
            last += 1;
        }
        // (The names are the subject, not objects inside it: "prosecutors in San Francisco
        // and Los Angeles", "The Tax Policy Center at the Urban Institute and Brookings
        // Institution". Only "both" may come before them.)
        let lead = self.text[off..ws[runs[first].0.start].span.start].trim();
        // ("And" joins two of them at least: "Putin, Erdogan said" is no list; and a comma
        // before it needs a list of three: "between the CIA, UC Global, and Russia, the New
        // York Times claimed" is no list of UC Global's.)
        let gaps: Vec<Join> = (first..last).filter_map(|a| joins(a, a + 1)).collect();
        let listed = match gaps[..] {
            [] | [Join::CommaAnd] => false,
            [Join::And] => true,
            _ => {
                gaps.last() != Some(&Join::Comma)
                    && gaps[..gaps.len() - 1].iter().all(|g| *g == Join::Comma)
            }
        };
        if !listed || !(lead.is_empty() || lead.eq_ignore_ascii_case("both")) {
            return Some(Vec::new());
        }
        let mut co = Vec::new();
        for (k, (_, name)) in runs[first..=last].iter().enumerate() {
            let Some((name, titles)) = name else { continue };
            if first + k == m || name == speaker {
                continue;
            }
            if co.iter().all(|c: &CoSpeaker| c.speaker != *name) {
                co.push(CoSpeaker {
                    speaker: name.clone(),
                    role: titles.clone(),
                    waits: None,
                    known: self.known_name(name, titles),
                });
            }
        }
        Some(co)
    }

    /// Whether a name joined to a speaker's is a name the document stands behind: it has a
    /// title ("Mr. Leahy"), two words or more, or is a listed place ("Russia"), a party's
    /// members ("Democrats"), or the surname of a full name the document gives ("Obama"
    /// beside Barack Obama) or of a title's holder ("President Obama").
    fn known_name(&self, name: &str, titles: &str) -> bool {
        let lower = name.to_lowercase();
        !titles.is_empty()
            || name.contains(' ')
            || Places::bundled().contains(name)
            || PARTY_MEMBERS.contains(&lower.as_str())
            || self.run_names().iter().any(|(run, full)| {
                let titled = || {
                    let [before @ .., last] = &self.words[run.clone()] else {
                        return false;
                    };
                    last.text == name && before.iter().any(|w| self.title_at(w))
                };
                full.as_deref()
                    .and_then(|f| f.rsplit_once(' '))
                    .is_some_and(|(_, last)| last.eq_ignore_ascii_case(name))
                    || titled()
            })
    }

    /// Whether `region` (a comma part's words) is one to three capitalised words after a part
    /// `before` that ends in a place: a preposition of place, then capitalised words ("in
    /// Munich", "near McAllen", "at Harvard University in Cambridge"). Two words or more that
    /// open with a given name are a person ("…in Munich, Dylan Nelson, said").
    fn region_of_place(&self, before: &str, region: &[Word<'_>]) -> bool {
        let off = before.as_ptr() as usize - self.text.as_ptr() as usize;
        let bw = &self.words[self.words_in(off, off + before.len())];
        let last_lower = bw.iter().rposition(|w| !w.capitalised());
        let person =
            region.len() >= 2 && FirstNames::bundled().gender(region[0].text, "").is_some();
        (1..=3).contains(&region.len())
            && region.iter().all(|w| w.cap)
            && !person
            && last_lower.is_some_and(|r| {
                r + 1 < bw.len() && matches!(bw[r].lower(), "in" | "near" | "outside")
            })
    }

    /// Whether a word before a name is a title: one of the list, or "Del." (a delegate: "state
    /// Del. Marcia Price"), which without its full stop is part of a name ("Lana Del Rey").
    fn title_at(&self, w: &Word<'_>) -> bool {
        self.lists.titles.contains_lower(w.lower())
            || (w.lower() == "del" && self.text[w.span.end..].starts_with('.'))
    }

    /// Whether a word (in lower case) is a title or a role noun: "minister", "spokesman".
    pub(super) fn role_word(&self, lower: &str) -> bool {
        ROLE_NOUNS.contains(&lower) || self.lists.titles.contains_lower(lower)
    }

    /// Whether a part of a speaker phrase beside the name describes the speaker, for the
    /// role: an apposition that a determiner, a title or a role noun opens ("a Clinton
    /// surrogate", "the top Democrat on the Oversight Committee", "president of the NAACP",
    /// "who runs Crosscut Strategies"), or a short capitalised one with a title in it
    /// ("Interim DNC Chairwoman"). Not the writer's clause before the name ("is held
    /// accountable", "Speaking at a rally in Novi", "Though it is difficult to assess …",
    /// "According to Yahoo News").
    fn describes(&self, part: &str) -> bool {
        let off = part.as_ptr() as usize - self.text.as_ptr() as usize;
        let words = &self.words[self.words_in(off, off + part.len())];
        let Some(first) = words.first() else {
            return false;
        };
        let lower = first.lower();
        if is_determiner(lower)
            || matches!(lower, "who" | "whose" | "now")
            || ROLE_NOUNS.contains(&lower)
            || (self.lists.titles.contains_lower(lower) && !matches!(lower, "then" | "late"))
        {
            return true;
        }
        // A possessive name and a title or role: "Carlineo’s attorney", "my6sense’s new Chief
        // Strategy Officer" (not "WeWork’s parent company").
        if words.len() >= 2
            && words.len() <= 6
            && first.possessive()
            && words[1..].iter().any(|w| self.role_word(w.lower()))
        {
            return true;
        }
        // A head noun and where it serves: "equity strategist at Miller Tabak", "associate
        // professor of physics at the University of Florida".
        if let Some(p) = words
            .iter()
            .take(4)
            .position(|w| matches!(w.lower(), "at" | "of" | "for" | "with"))
        {
            let head = &words[..p];
            if !head.is_empty()
                && head.iter().all(|w| {
                    let l = w.lower();
                    !w.cap && !is_stopword(l) && !is_participle(l) && !l.ends_with("ly")
                })
                && words.get(p + 1).is_some_and(|w| {
                    !matches!(w.lower(), "a" | "an") && pronoun_of(w.lower()).is_none()
                })
            {
                return true;
            }
        }
        // (A capitalised part is a title only with a title word in it: "Speaking at a rally
        // in Novi, Michigan" leaves "Michigan", no role.)
        first.capitalised()
            && words.len() <= 8
            && !is_participle(lower)
            && !opens_clause(lower)
            && words.iter().any(|w| self.role_word(w.lower()))
    }

    /// The first capitalised run in `words` that is a name once titles are set aside, and the
    /// titles before it. A possessive run that modifies what follows ("Hillary Clinton’s
    /// campaign manager Robby Mook") is passed over; a run of titles only ("the Kremlin",
    /// "White House") names a body when nothing better is there.
    fn name_in(&self, words: &[Word<'t>], from_right: bool) -> Option<(String, String)> {
        let mut runs = capitalised_runs(self.text, words);
        if from_right {
            runs.reverse();
        }
        let mut body: Option<String> = None;
        let mut placed_description: Option<String> = None;
        for r in runs {
            // A place that a described speaker is in is not the speaker: "Developers and
            // supporters in Congress say", "Officials in Moscow said".
            // (Or a place joined to such a place by "and" or "or": "Prosecutors in San
            // Francisco and Los Angeles say".)
            let placed = {
                let mut k = r.start;
                while k >= 3 && matches!(words[k - 1].lower(), "and" | "or") && words[k - 2].cap {
                    k -= 2;
                    while k >= 1 && words[k - 1].cap {
                        k -= 1;
                    }
                }
                k >= 2
                    && matches!(
                        words[k - 1].lower(),
                        "in" | "at" | "from" | "across" | "around" | "near" | "outside" | "inside"
                    )
            };
            if from_right && placed {
                // The speaker is then the description with its place, when nothing else
                // names one: "Officials at Homeland Security Investigations".
                if placed_description.is_none() && r.end <= 8 {
                    placed_description = Some(joined(&words[..r.end]));
                }
                continue;
            }
            // Before that place, one capitalised word opening the phrase is the description's
            // head ("Developers and supporters in Congress", "Senator from Texas").
            if placed_description.is_some() && r.start == 0 && r.len() == 1 {
                continue;
            }
            let start = r.start;
            if let Some((name, titles)) = self.run_name(words, r, &mut body) {
                let titles = match titles {
                    [] if from_right => self.shared_titles(words, start),
                    t => t,
                };
                return Some((name, joined(titles)));
            }
        }
        placed_description.or(body).map(|b| (b, String::new()))
    }

    /// The plural titles that open the name joined by "and" to the one at `words[at]`, which
    /// are its titles too: "Sens." in "Sens. Chuck Grassley and Patrick Leahy". (None
    /// otherwise: "Sen. Chuck Grassley and Patrick Leahy" gives Leahy no title.)
    fn shared_titles<'w>(&self, words: &'w [Word<'t>], at: usize) -> &'w [Word<'t>] {
        if at < 2 || words[at - 1].lower() != "and" {
            return &[];
        }
        // The first word of the name before "and".
        let mut first = at - 2;
        while first > 0 && words[first - 1].capitalised() && adjacent(self.text, words, first) {
            first -= 1;
        }
        let plural = |w: &Word<'_>| {
            let lower = w.lower().trim_end_matches('.');
            let titles = &self.lists.titles;
            titles.contains_lower(lower)
                && (lower == "messrs"
                    || lower
                        .strip_suffix("men")
                        .is_some_and(|stem| titles.contains_lower(&format!("{stem}man")))
                    || lower
                        .strip_suffix('s')
                        .is_some_and(|one| one != "m" && one != "mr" && titles.contains_lower(one)))
        };
        let n = words[first..at - 1]
            .iter()
            .take_while(|w| self.title_at(w))
            .count();
        let titles = &words[first..first + n];
        if titles.iter().any(plural) {
            titles
        } else {
            &[]
        }
    }

    /// Whether `run[i]` is a capitalised known given name and the word after it a capitalised
    /// name word (no title, no stop word): "Bill Clinton", not "Bill Would" or "Mark The".
    fn given_name_at(&self, run: &[Word<'_>], i: usize) -> bool {
        run[i].cap
            && FirstNames::bundled().gender(run[i].text, "").is_some()
            && run.get(i + 1).is_some_and(|next| {
                next.cap
                    && !is_stopword(next.lower())
                    && !self.lists.titles.contains_lower(next.lower())
            })
    }

    /// Whether `w` follows a word in lower case with only spaces between: "the New", not
    /// "“New" or ". New".
    fn after_lower_word(&self, w: &Word<'_>) -> bool {
        self.text[..w.span.start]
            .trim_end_matches([' ', '\t'])
            .chars()
            .next_back()
            .is_some_and(char::is_lowercase)
    }

    /// Whether `w` is an adverb opening its sentence, right before a comma: see
    /// [`adverb_like`].
    pub(super) fn sentence_adverb(&self, w: &Word<'_>) -> bool {
        self.text[w.span.end..].starts_with(',') && adverb_like(w.lower())
    }

    /// The name in the capitalised run `words[r]` and the titles before it. A run of titles
    /// only sets `body` (when it is not set yet) to the body it names.
    pub(super) fn run_name<'w>(
        &self,
        words: &'w [Word<'t>],
        r: std::ops::Range<usize>,
        body: &mut Option<String>,
    ) -> Option<(String, &'w [Word<'t>])> {
        let run = &words[r.clone()];
        let possessive = run.last().is_some_and(Word::possessive);
        if possessive && r.end < words.len() {
            return None;
        }
        // So is a run that modifies the noun after it in a described speaker: "the New York
        // businessman", "the former Florida governor", "the Democratic nominee". (Not an
        // adverb after a name: "Trump later said", "Clinton herself".)
        // (After a number or a quantifier too: "Two former UC Global workers", "Several
        // Republican senators".)
        let determined = words.first().is_some_and(|w| {
            let lower = w.lower();
            is_determiner(lower) || is_number_word(lower) || QUANTIFIERS.contains(&lower)
        });
        let modifies = words.get(r.end).is_some_and(|next| {
            !next.capitalised()
                && next.text.chars().all(char::is_alphabetic)
                && !is_stopword(next.lower())
                && !next.lower().ends_with("ly")
                && !ADVERBS_AFTER_NAMES.contains(&next.lower())
        });
        // And so is a run that ends in a party's member after "the": "the New York Democrat",
        // "the Texas Republican" describe someone named before.
        let member = run
            .last()
            .is_some_and(|w| PARTY_MEMBERS.contains(&w.lower()));
        if determined && (modifies || member) {
            return None;
        }
        // Words that open the run without being the name: titles, function words, and, first
        // in the run, words that are capitalised for another reason.
        let passed_over = |i: usize| {
            let lower = run[i].lower();
            self.title_at(&run[i])
                || is_stopword(lower)
                || not_a_name(lower)
                // (A given name is no participle: "Ahmed Khalil", "Irving Kristol".)
                || (i == 0
                    && r.start == 0
                    && is_participle(lower)
                    && FirstNames::bundled().gender(lower, "").is_none())
                // The verb of an inverted attribution: "Said Ellis: “…”".
                || (i == 0
                    && r.start == 0
                    && self
                        .lists
                        .cues
                        .at_lowered(lower, run[i].ascii, &run[i..])
                        .is_some())
                // (Not a name of two words or more right after a word in lower case, where
                // nothing but the name capitalises it: "the New York Times" in a story of "new
                // gigs". One word there may be a common noun: "as the Joint Committee on
                // Intelligence and Security has pointed out", "Wee of the Times reports".)
                || (i == 0
                    && self.writes_in_lower_case(lower)
                    && !(run.len() >= 2 && self.after_lower_word(&run[i])))
                // A preposition or a subordinator opens no name ("Besides Lahav" is Lahav),
                // nor does a sentence's opening adverb ("Strangely, the report …").
                || (i == 0 && opens_clause(lower))
                || (i == 0 && r.start == 0 && self.sentence_adverb(&run[i]))
                // Nor a time adverb: "Later that evening, he admitted".
                || (i == 0 && r.start == 0 && matches!(lower, "later" | "earlier"))
        };
        // A known given name before a surname opens the name, though it is also a common
        // word: "Will Moy", "Bill Clinton" in a story about a bill, "Mike Pompeo" after a tag
        // line "mike pompeo". (Asked last, of a first word that would be passed over: most
        // are not.)
        let mut i = 0;
        while i < run.len() && passed_over(i) && !(i == 0 && self.given_name_at(run, 0)) {
            i += 1;
        }
        // A courtesy title before one title word that is no form of address makes that word
        // a surname: "Mr. King", "Ms. Judge", "Dr. White", "Mr. Bishop" (not "Mr. President",
        // "Madam Speaker", "Mr. Mayor").
        if let [.., courtesy, last] = run {
            if i == run.len()
                && last.cap
                && only_courtesy_titles(courtesy.text)
                && !ADDRESS_TITLES.contains(&last.lower())
            {
                i = run.len() - 1;
            }
        }
        // Titles inside the run end its description: "Massachusetts Sen. Elizabeth Warren",
        // "Wells Fargo CEO John Stumpf", "Manhattan Supreme Court Justice Frank Nervo" name
        // Elizabeth Warren, John Stumpf and Frank Nervo. (Only where a name word follows the
        // title: "Howard Dean" and "Martin Luther King Jr." keep theirs, and "the United Nations
        // High Commissioner for Human Rights" is not "Human Rights".)
        let name_word = |w: &Word<'_>| {
            let lower = w.lower();
            w.cap
                && !self.lists.titles.contains_lower(lower)
                && !is_stopword(lower)
                && !matches!(
                    lower.trim_end_matches('.'),
                    "jr" | "sr" | "ii" | "iii" | "iv"
                )
        };
        if let Some(j) = (i + 1..run.len()).rev().find(|&j| {
            self.lists.titles.contains_lower(run[j].lower())
                && run.get(j + 1).is_some_and(name_word)
                && run[..j].iter().any(name_word)
        }) {
            i = j + 1;
            while i < run.len() && !name_word(&run[i]) {
                i += 1;
            }
        }
        // A title "of" a place, then the name: "Mayor of London Sadiq Khan", "Minister of
        // Foreign Affairs Jeyhun Bayramov". The name starts at a known given name, else it is
        // the last two words (three with an initial: "Secretary of State John F. Kerry").
        let of_place = run[..i].iter().skip(1).any(|w| w.lower() == "of");
        if of_place && run.len() - i >= 3 {
            let rest = &run[i..];
            let given = (0..rest.len() - 1)
                .find(|&k| FirstNames::bundled().gender(rest[k].text, "").is_some());
            let initial = |w: &Word<'_>| w.text.trim_end_matches('.').chars().count() == 1;
            let last_two = if initial(&rest[rest.len() - 2]) {
                rest.len() - 3
            } else {
                rest.len() - 2
            };
            i += given.unwrap_or(last_two);
        } else if run.len() - i >= 3 && !self.given_name_at(run, i) {
            // Two capitalised words or more, or a compound, that describe the person before a
            // name that opens with a known given name, two or three words long, are their
            // role: "CBS Sports NFL Insider Jason La Canfora", "Singer-guitarists Tom
            // Johnston". (One word is an unlisted given name: "Owen John Dempsey", "Cornell
            // William Brooks"; a name that opens with a listed one is left whole: "Mary Jane
            // Smith".)
            let given = (i + 1..run.len() - 1).find(|&k| self.given_name_at(run, k));
            let described = |k: usize| k - i >= 2 || run[i].text.contains('-');
            if let Some(k) = given.filter(|&k| (2..=3).contains(&(run.len() - k)) && described(k)) {
                i = k;
            }
        }
        let (mut titles, mut name) = run.split_at(i);
        // A body keeps the titles that say whose it is: "the Russian Foreign Ministry" is not
        // "Ministry", nor "the Kazakh Transport Ministry" "Transport Ministry".
        let of_a_body = name.last().is_some_and(|w| {
            let lower = w.lower();
            let lower = lower
                .strip_suffix("’s")
                .or_else(|| lower.strip_suffix("'s"))
                .unwrap_or(lower);
            INSTITUTION_HEADS.contains(&lower)
        });
        if of_a_body {
            let from = titles
                .iter()
                .position(|w| w.cap && !is_stopword(w.lower()))
                .unwrap_or(titles.len());
            (titles, name) = (&run[..0], &run[from..]);
        }
        if name.is_empty() {
            if body.is_none() {
                let b = run
                    .iter()
                    .position(|w| !(is_stopword(w.lower()) || not_a_name(w.lower())))
                    .map_or(&run[run.len()..], |at| &run[at..]);
                let lone_role = b.len() == 1 && ROLE_NOUNS.contains(&b[0].lower());
                if !b.is_empty() && !lone_role {
                    *body = Some(clean_name(joined(b)));
                }
            }
            return None;
        }
        // A person's name ends before "of" and a place: "Elijah Cummings of Maryland" is
        // Elijah Cummings ("Bank of America" names no person).
        if let Some(of) = name.iter().position(|w| w.lower() == "of") {
            if of >= 2 && FirstNames::bundled().gender(name[0].text, "").is_some() {
                name = &name[..of];
            }
        }
        // Of the words passed over, those before the first title are no part of the role: an
        // article ("The CDC"), a clause's opener ("Although Scott", "Even China"), a number
        // ("the 2014 American Community Survey"), a name's particle ("De Blasio"), a word the
        // document writes in lower case ("Whole Foods"), unless it modifies a title right
        // after it ("City Attorney Brad Holm", "Oversight Chairman Jason Chaffetz").
        let modifies_title = |k: usize| {
            let lower = run[k].lower();
            titles.get(k + 1).is_some_and(|t| self.title_at(t))
                && !is_stopword(lower)
                && !opens_clause(lower)
        };
        let lead = (0..titles.len())
            .take_while(|&k| passed_over(k) && !self.title_at(&run[k]) && !modifies_title(k))
            .count();
        Some((clean_name(joined(name)), &titles[lead..]))
    }
}

/// Titles that a courtesy title addresses an office holder by ("Mr. President", "Madam
/// Speaker"), not a surname: the title words a courtesy title may go before.
const ADDRESS_TITLES: [&str; 22] = [
    "president",
    "vice",
    "speaker",
    "chairman",
    "chairwoman",
    "chair",
    "secretary",
    "ambassador",
    "mayor",
    "governor",
    "minister",
    "prime",
    "justice",
    "commissioner",
    "senator",
    "representative",
    "chancellor",
    "director",
    "leader",
    "administrator",
    "delegate",
    "attorney",
];

/// What joins two names in a list of speakers: "and", a comma, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    And,
    Comma,
    CommaAnd,
}

/// A number, in figures or in words up to twelve: "18", "two".
pub(crate) fn is_number_word(lower: &str) -> bool {
    (lower.starts_with(|c: char| c.is_ascii_digit())
        && lower.chars().all(|c| c.is_ascii_digit() || c == ','))
        || matches!(
            lower,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
        )
}

/// Nouns for a member of a party, capitalised: "the New York Democrat".
pub(super) const PARTY_MEMBERS: [&str; 8] = [
    "democrat",
    "republican",
    "democrats",
    "republicans",
    "conservative",
    "tory",
    "socialist",
    "liberal",
];

/// The last words of a body's name ("Foreign Ministry", "Prosecutor General's Office").
pub(crate) const INSTITUTION_HEADS: [&str; 45] = [
    "ministry",
    "ministries",
    "office",
    "committee",
    "agency",
    "service",
    "services",
    "embassy",
    "government",
    "parliament",
    "court",
    "council",
    "commission",
    "department",
    "administration",
    "authority",
    "authorities",
    "bank",
    "police",
    "army",
    "navy",
    "forces",
    "guard",
    "directorate",
    "bureau",
    "cabinet",
    "assembly",
    "command",
    "headquarters",
    "prosecutor",
    "union",
    "federation",
    "league",
    // ("the British Medical Journal", "the American Community Survey", "the American
    // Enterprise Institute": not "Medical Journal" with the role "British".)
    "journal",
    "survey",
    "institute",
    "institution",
    "association",
    "society",
    "foundation",
    "university",
    "academy",
    "center",
    "centre",
    // (A magazine's name ends in the word: "New York magazine", "Time magazine".)
    "magazine",
];

/// Adverbs of degree, which may open a sentence before another adverb: "Rather quickly, …".
const DEGREE_ADVERBS: [&str; 8] = [
    "rather", "quite", "very", "fairly", "pretty", "somewhat", "most", "so",
];

/// Whether a word in lower case, alone before a comma, is a sentence adverb: one of
/// [`SENTENCE_ADVERBS`], or a word with an adverb's ending that names seldom have ("Finally",
/// "Strangely", "Recently", "Reportedly", "Frankly", "Sadly"; not "Kelly", "Daly", "Foley",
/// "Riley", "Bradley", "Connolly", "Ashley", "Emily").
pub(super) fn adverb_like(lower: &str) -> bool {
    const ENDINGS: [&str; 19] = [
        "ally", "ously", "ntly", "edly", "ibly", "ably", "arly", "fully", "stly", "ctly", "nkly",
        "ckly", "efly", "icly", "rtly", "dly", "inly", "ply", "ghly",
    ];
    let adverb_ending = ENDINGS.iter().any(|e| lower.ends_with(e))
        || (lower.len() >= 7 && (lower.ends_with("ely") || lower.ends_with("ily")));
    SENTENCE_ADVERBS.contains(&lower)
        || (adverb_ending && FirstNames::bundled().gender(lower, "").is_none())
}

/// Whether a word in lower case ending in "-ly" reads as an adverb ("newly", "later"): not
/// the nouns "family", "ally", "rally", "assembly" and "supply".
pub(super) fn is_ly_adverb(lower: &str) -> bool {
    lower.ends_with("ly") && !matches!(lower, "family" | "ally" | "rally" | "assembly" | "supply")
}

/// A word that opens a described speaker ("the announcer", "his campaign manager").
pub(super) fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the" | "a" | "an" | "one" | "another" | "his" | "her" | "their" | "its"
    )
}

/// Words that follow a name without being a noun it modifies ("Trump later said").
pub(super) const ADVERBS_AFTER_NAMES: [&str; 19] = [
    "also",
    "later",
    "earlier",
    "instead",
    "still",
    "too",
    "once",
    "again",
    "then",
    "now",
    "often",
    "himself",
    "herself",
    "themselves",
    "itself",
    "alone",
    "first",
    "always",
    "sometimes",
];

/// The words' text joined by single spaces.
pub(super) fn joined(words: &[Word<'_>]) -> String {
    let mut s = String::with_capacity(words.iter().map(|w| w.text.len() + 1).sum());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(w.text);
    }
    s
}

/// Capitalised words that open sentences but never names.
const NOT_NAMES: [&str; 24] = [
    // imperatives of web text: "(See Facebook's own description …)", "Like calling Gruber …"
    "see",
    "read",
    "watch",
    "view",
    "visit",
    "click",
    "like",
    "several",
    "many",
    "some",
    "another",
    "perhaps",
    "following",
    "asked",
    // quantities: "Nearly eight of 10 voters say", "More than half said"
    "nearly",
    "almost",
    "roughly",
    "about",
    "around",
    "only",
    "more",
    "most",
    "fewer",
    "half",
];

/// A word that opens a capitalised run without being part of a name: a month or weekday
/// ("Friday, Trump said"), except "May", which is also a surname, a negated auxiliary
/// ("Don’t"), or one of [`NOT_NAMES`].
fn not_a_name(lower: &str) -> bool {
    NOT_NAMES.contains(&lower)
        || (lower != "may" && is_calendar_word(lower))
        // ("Don’t say …", "Aren’t those …": a negated auxiliary opening a question.)
        || lower.ends_with("n’t")
        || lower.ends_with("n't")
        // ("You'll look at an item and ask yourself, “…”": a pronoun with its verb.)
        || (lower.contains(['’', '\'']) && pronoun_of(lower).is_some())
}

/// A company's or a person's suffix after a comma, which ends the name before it rather than
/// naming anyone: "Dräger, Inc.", "Martin Luther King, Jr.".
fn is_name_suffix(part: &str) -> bool {
    matches!(
        part.trim_end_matches('.'),
        "Inc" | "Ltd" | "LLC" | "Corp" | "Co" | "PLC" | "plc" | "AG" | "GmbH" | "SA" | "Jr" | "Sr"
    )
}

/// A party and state tag: "R-Ky.", "D-N.C.", "R", "I-Vt.".
fn is_party_tag(part: &str) -> bool {
    let p = part.trim_end_matches('.');
    let mut chars = p.chars();
    matches!(chars.next(), Some('D' | 'R' | 'I'))
        && match chars.next() {
            None => true,
            Some('-') => p.len() <= 8,
            _ => false,
        }
}

/// A capitalised participle opening a clause ("Asked about…", "Speaking to…").
fn is_participle(lower: &str) -> bool {
    lower.len() > 4 && (lower.ends_with("ing") || lower.ends_with("ed"))
}

/// Drops a possessive and stray punctuation from a name.
fn clean_name(name: String) -> String {
    let n = name.trim_matches(|c: char| !c.is_alphanumeric());
    let n = n
        .strip_suffix("’s")
        .or_else(|| n.strip_suffix("'s"))
        .unwrap_or(n);
    if n.len() == name.len() {
        name
    } else {
        n.to_string()
    }
}

/// Runs of capitalised words (an initial's full stop may sit between them), allowing lower-case links between capitalised words.
pub(super) fn capitalised_runs(text: &str, words: &[Word<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].capitalised() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < words.len() && words[end].capitalised() && adjacent(text, words, end) {
                end += 1;
                continue;
            }
            // One or two links, then a capital: "Charles de Gaulle", "Ursula von der Leyen".
            // ("on" links a body to its field: "the Commission on Presidential Debates", "the
            // Council on Foreign Relations"; never a name or a body to a day: "Trump on
            // Tuesday", "the Security Council on Friday".)
            let links = (end..words.len().min(end + 2))
                .take_while(|&k| {
                    let lower = words[k].lower();
                    (NAME_LINKS.contains(&lower)
                        || (lower == "on"
                            && k == end
                            && INSTITUTION_HEADS.contains(&words[k - 1].lower())
                            && words
                                .get(k + 1)
                                .is_some_and(|w| !is_calendar_word(w.lower()))))
                        && adjacent(text, words, k)
                })
                .count();
            let next = end + links;
            if links > 0
                && next < words.len()
                && words[next].capitalised()
                && adjacent(text, words, next)
            {
                end = next + 1;
            } else if let Some(body_end) = and_body(text, words, end) {
                end = body_end;
            } else {
                break;
            }
        }
        // A magazine's name goes on in lower case: "New York magazine" is no place, nor "Time
        // magazine" a word.
        if words.get(end).is_some_and(|w| w.lower() == "magazine") && adjacent(text, words, end) {
            end += 1;
        }
        runs.push(start..end);
        i = end;
    }
    runs
}

/// The end of a body's name that goes on with "and" at `words[at]` ("Securities and Exchange
/// Commission", "World Travel and Tourism Council"): capitalised words after it, one name,
/// ending in the head of a body ([`INSTITUTION_HEADS`]). Two people or places joined by "and"
/// stay two runs ("Clinton and Trump", "Russia and Azerbaijan"), and so do two bodies.
fn and_body(text: &str, words: &[Word<'_>], at: usize) -> Option<usize> {
    // (Two bodies are two: "the Urban Institute and Brookings Institution".)
    if words.get(at)?.lower() != "and"
        || !adjacent(text, words, at)
        || INSTITUTION_HEADS.contains(&words[at - 1].lower())
    {
        return None;
    }
    let mut end = at + 1;
    while end < words.len() && words[end].capitalised() && adjacent(text, words, end) {
        end += 1;
    }
    let head = words[end - 1].lower();
    (end > at + 1 && INSTITUTION_HEADS.contains(&head)).then_some(end)
}

/// Whether word `i` follows word `i - 1` of `text` as the next word of one name: after one
/// space, or after ". " when the word before is an initial or an abbreviated title ("John F.
/// Kennedy", "Sen. Claire McCaskill", "G.K. Butterfield", "Sens. Chuck Grassley", "Supt.
/// Jane Doe"). A comma ends a name, however short the word before it ("after Election Day,
/// Mr. Obama said").
pub(super) fn adjacent(text: &str, words: &[Word<'_>], i: usize) -> bool {
    let (a, b) = (&words[i - 1], &words[i]);
    let gap = b.span.start.saturating_sub(a.span.end);
    gap <= 1
        || (gap == 2
            && (a.text.chars().count() <= 3 || is_title_abbreviation(a.lower()))
            && !a.text.chars().any(|c| c.is_ascii_digit())
            && a.capitalised()
            && text.as_bytes().get(a.span.end) == Some(&b'.'))
}

/// Whether a word is a possessive that owns the noun after it ("Trump’s", "the party's",
/// "his"), and not a pronoun's contraction of "is" or "has" ("he’s", "it's", "that’s").
pub(super) fn is_owner(lower: &str) -> bool {
    if matches!(
        lower,
        "his" | "her" | "its" | "their" | "our" | "my" | "your"
    ) {
        return true;
    }
    let Some(stem) = lower
        .strip_suffix("’s")
        .or_else(|| lower.strip_suffix("'s"))
    else {
        return false;
    };
    !matches!(
        stem,
        "he" | "she"
            | "it"
            | "that"
            | "there"
            | "what"
            | "who"
            | "here"
            | "where"
            | "let"
            | "this"
            | "how"
            | "why"
            | "when"
            | "everyone"
            | "nobody"
            | "one"
    )
}
