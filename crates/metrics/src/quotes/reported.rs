//! Reported speech without quotation marks: `X said (that) …`, `according to X, …`.

use super::*;

/// Reported speech without quotation marks: `X said (that) …`, `according to X, …`.
/// `found`: every quotation; `spoken`: whether each is read as someone's words. A sentence a
/// spoken quotation overlaps is left to it; one that only scare quotes or titles overlap is
/// read as any other ("The ministry said the so-called “referendum” had no legal force"),
/// except that what was said and who said it neither start nor end inside a quotation.
pub(super) fn indirect(doc: &Doc<'_, '_>, found: &[marks::Quoted], spoken: &[bool]) -> Vec<Quote> {
    let mut out = Vec::new();
    // The first quotation ending after `at`: the only one that can hold `at`, or overlap a
    // sentence starting there.
    let next = |at: usize| found.partition_point(|q| q.outer.end <= at);
    let inside = |at: usize| found.get(next(at)).is_some_and(|q| q.outer.start < at);
    // What was said starts and ends outside quotations, and the speaker phrase holds whole
    // ones only ("…his “anlibersa” said" is cut inside one).
    let whole = |q: &Quote| {
        let t = &q.speaker_text;
        let count = |c: char| t.matches(c).count();
        let balanced = count('“') == count('”') && count('«') == count('»') && count('"') % 2 == 0;
        !inside(q.span().start) && !inside(q.span().end) && balanced
    };
    // The statements of one verb and those after it ([`second_statements`]), reused.
    let mut chain = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        // Sentences that quote with doubled apostrophes (''…'', as some archives write
        // quotation marks) are left alone: what they report is in the speaker's words.
        if s.slice(doc.text).contains("''") {
            continue;
        }
        // A sentence a quotation overlaps: the statements before and after its quotations,
        // and, when none and no quotation is someone's words, whatever it reports.
        let first = next(s.start);
        let overlaps = |q: &marks::Quoted| q.outer.start < s.end;
        if found.get(first).is_some_and(overlaps) {
            let before = out.len();
            out.extend(before_quotations(doc, *s, found).and_then(|r| indirect_quote(doc, si, r)));
            out.extend(after_quotations(doc, *s, found).and_then(|r| indirect_quote(doc, si, r)));
            let holds_speech = found[first..]
                .iter()
                .take_while(|q| overlaps(q))
                .zip(&spoken[first..])
                .any(|(_, &said)| said);
            if out.len() > before || holds_speech {
                continue;
            }
        }
        let range = doc.words_in(s.start, s.end);
        // The sentence's cues, found once: the last one written in lower case may close it
        // ("…, the Kremlin said"; "State" in "the State Duma" is a name), the first that
        // reports speech may open what it reports ("The Kremlin said that …").
        let (cues, participles) = speech_cues(doc, range.clone());
        let last = cues
            .iter()
            .rev()
            .find(|(i, _, c)| !doc.words[*i].cap && reports_speech(c));
        if let Some(q) = last
            .and_then(|c| postposed(doc, *s, range.clone(), c.clone()))
            .and_then(|r| indirect_quote(doc, si, r))
            .filter(whole)
        {
            out.push(q);
            continue;
        }
        // A sentence that opens right after a quotation in its paragraph with its speaker and
        // verb is that quotation's attribution ("“…?” Trump said, looking out on the crowd.").
        let quoted_before = found
            .partition_point(|q| q.outer.end <= s.start)
            .checked_sub(1)
            .is_some_and(|q| {
                let gap = &doc.text[found[q].outer.end..s.start];
                gap.trim().is_empty() && !gap.contains('\n')
            });
        // The first cue that reads as an attribution: "so-called" or "called it" before it
        // is none, and neither is a verb with no "that" clause other than "say" ("Back when
        // he wrote his book, Mr. McKinley said that …").
        let mut earlier = None;
        let mut found_one = false;
        for cue in &cues {
            if quoted_before && cue.0 < range.start + 4 {
                break;
            }
            let Some(reported) = opening(doc, *s, cue.clone(), earlier) else {
                earlier = Some(cue.0);
                continue;
            };
            second_statements(doc, *s, cue, reported, (&cues, &participles), &mut chain);
            let before = out.len();
            out.extend(
                chain
                    .drain(..)
                    .filter_map(|r| indirect_quote(doc, si, r))
                    .filter(whole),
            );
            if out.len() > before {
                found_one = true;
                break;
            }
            earlier = Some(cue.0);
        }
        // Else a participle after a comma that goes on with what the clause's subject said:
        // "A judge rejected the request, saying the courts have no business …".
        if !found_one {
            out.extend(
                participles
                    .into_iter()
                    .find_map(|cue| participial(doc, *s, cue, None, None))
                    .and_then(|r| indirect_quote(doc, si, r))
                    .filter(whole),
            );
        }
    }
    out
}

/// The cues that report speech in the words `range` of a sentence: the finite ones ("said"),
/// and the rest ("saying", "to say").
fn speech_cues(doc: &Doc<'_, '_>, range: std::ops::Range<usize>) -> (Vec<CueAt>, Vec<CueAt>) {
    range
        .clone()
        .filter_map(|i| doc.cue_at(i, range.end))
        .filter(|(i, _, c)| {
            // (The bare "post" and "tweet" are nouns far more often than verbs: "a viral Weibo
            // post that said …".)
            let noun =
                matches!(c.lemma.as_str(), "post" | "tweet") && doc.words[*i].lower() == c.lemma;
            (reports_speech(c) || (reports_speech_with_that(c) && !noun)) && !negated(doc, *i)
        })
        .partition(|(i, _, c)| doc.finite(*i, c))
}

/// The cue that a participle after a comma at word `k` opens, taking no words from `end` on:
/// "…, calling the explanations “absurd”", "…, adding that …".
fn participle_cue(doc: &Doc<'_, '_>, k: usize, end: usize) -> Option<CueAt> {
    (doc.words[k].lower().ends_with("ing") && doc.comma_before(k))
        .then(|| doc.cue_at(k, end))
        .flatten()
}

/// Whether the verb at word `i` is negated, declined or the writer's own imperative, and so
/// reports nothing: "a claim Moscow has not confirmed", "Peskov never said that …", "the
/// ministry didn't say whether …", "the Kremlin declined to say whether …", "First, let’s say
/// what the sale is not".
fn negated(doc: &Doc<'_, '_>, i: usize) -> bool {
    let before = |back: usize| {
        i.checked_sub(back)
            .and_then(|k| doc.words.get(k))
            .map_or("", |w| w.lower())
    };
    let not = |w: &str| matches!(w, "not" | "never") || w.ends_with("n't") || w.ends_with("n’t");
    not(before(1))
        || matches!(before(1), "let's" | "let’s")
        || (before(1) == "to"
            && matches!(
                before(2),
                "declined" | "refused" | "declines" | "refuses" | "decline" | "refuse"
            ))
}

/// Reported speech before the quotations of a sentence, that a second verb of the same subject
/// ends before the quotation: "Clinton told the audience that she believes we must push on,
/// saying that “race still determines too much”" (the quotation is that verb's). Without such
/// a verb the words before a quotation are part of what it quotes ("said the plan was “a
/// disaster”"), and left to it.
fn before_quotations(doc: &Doc<'_, '_>, s: Span, found: &[marks::Quoted]) -> Option<Reported> {
    let quote = &found[found.partition_point(|q| q.outer.end <= s.start)];
    if quote.outer.start <= s.start {
        return None;
    }
    let range = doc.words_in(s.start, quote.outer.start);
    // (Most such sentences have no second verb before their quotation: "and" or a comma then
    // a participle is looked for first, and the cues are read only where one is.)
    let second = range.clone().skip(1).any(|k| {
        (doc.words[k - 1].lower() == "and" && doc.cue_at(k, range.end).is_some())
            || participle_cue(doc, k, range.end).is_some()
    });
    if !second {
        return None;
    }
    let (cues, participles) = speech_cues(doc, range.clone());
    let first = cues.first()?;
    let reported = opening(doc, s, first.clone(), None)?;
    let mut statements = Vec::new();
    second_statements(
        doc,
        s,
        first,
        reported,
        (&cues, &participles),
        &mut statements,
    );
    // (The first statement, when a later verb ended it before the quotation.)
    let mut a = statements.into_iter().next()?;
    // A participle after a comma that names rather than says ends it too: "Aliyev said
    // Russia had tried to cover it up, calling the explanations “absurd”".
    let naming = range
        .clone()
        .skip(1)
        .find(|&k| participle_cue(doc, k, range.end).is_some());
    if let (Some(k), Some(last)) = (naming, a.content.last_mut()) {
        // (The comma between the participle and the word before it.)
        let gap_start = doc.words[k - 1].span.end;
        let comma = doc.text[gap_start..doc.words[k].span.start]
            .rfind(',')
            .map(|i| gap_start + i);
        if let Some(comma) = comma.filter(|&c| last.start < c && c < last.end) {
            last.end = comma;
        }
    }
    a.content
        .last()
        .is_some_and(|c| c.end < quote.outer.start && c.start < c.end)
        .then_some(a)
}

/// Reported speech after the quotations of a sentence, in a second clause that "and" joins
/// to the sentence's subject: "Cruz exhorted Republicans to “vote your conscience” and said he
/// was standing on truth and principle", "Trump is telling a veterans group that the military
/// is “depleted” and says he will expand the armed forces". What was said follows the verb to
/// the sentence's end, with no quotation mark in it; the speaker is the subject that opens the
/// sentence ([`clause_subject`]).
fn after_quotations(doc: &Doc<'_, '_>, s: Span, found: &[marks::Quoted]) -> Option<Reported> {
    // (The quotations are in text order and disjoint: those of the sentence are found by
    // search, not by reading all of them for each sentence.)
    let first = found.partition_point(|q| q.outer.end <= s.start);
    let last_mark = found[first..]
        .iter()
        .take_while(|q| q.outer.start < s.end)
        .map(|q| q.outer.end)
        .last()?;
    if last_mark >= s.end {
        return None;
    }
    let range = doc.words_in(last_mark, s.end);
    // A participle of speech after a comma, when the sentence's subject opens it before its
    // quotations: "Aliyev said Russia had offered “absurd versions”, adding that Baku had
    // demanded an apology" is Aliyev's. After a quotation that opens the sentence, its
    // speaker's: "“…,” Aliyev said, adding that …", "“…,” said Aliyev, adding that …".
    let participle = || {
        let (ci, n, cue) = range
            .clone()
            .find_map(|k| participle_cue(doc, k, range.end))?;
        let rest = &doc.text[doc.words[ci + n - 1].span.end..s.end];
        if rest.contains(['“', '”', '"']) {
            return None;
        }
        if found[first].outer.start > s.start {
            return participial(doc, s, (ci, n, cue), Some(s.start), None);
        }
        // (The speaker after the quotation, before its verb or after it: "“…,” Aliyev said,
        // adding …", "“…,” said Aliyev, adding …".)
        let (verb, m, said) = (range.start..ci).find_map(|k| doc.cue_at(k, ci))?;
        let speaker = if verb > range.start {
            (
                doc.words[range.start].span.start,
                doc.words[verb - 1].span.end,
            )
        } else if verb + m < ci && said.lemma != "according to" {
            (doc.words[verb + m].span.start, doc.words[ci - 1].span.end)
        } else {
            return None;
        };
        participial(doc, s, (ci, n, cue), Some(last_mark), Some(speaker))
    };
    // (Most such sentences have no "and" after their quotations: their cues are not looked up.)
    if !doc.words[range.clone()].iter().any(|w| w.lower() == "and") {
        return participle();
    }
    let (ci, n, cue) = range
        .clone()
        .filter_map(|i| doc.cue_at(i, range.end))
        .find(|(i, _, c)| reports_speech(c) && c.lemma != "according to" && doc.finite(*i, c))?;
    let and = ci > range.start && doc.words[ci - 1].lower() == "and";
    let rest = &doc.text[doc.words[ci + n - 1].span.end..s.end];
    if !and || rest.contains(['“', '”', '"']) {
        return None;
    }
    let after = doc.words[ci + n - 1].span.end;
    // (The words after the verb within the sentence: a "that" in the next one is not its.)
    let said = &doc.words[doc.words_in(after, s.end)];
    let from = said
        .first()
        .filter(|w| w.lower() == "that")
        .map_or(after, |w| w.span.end);
    if from == after && cue.lemma != "say" && !clause_follows(said) {
        return None;
    }
    Some(Reported {
        content: vec![Span {
            start: from,
            end: s.end,
        }],
        np: clause_subject(doc, s.start, doc.words[ci].span.start)?,
        before_verb: true,
        cue: (ci, n, cue),
    })
}

/// Reported speech in a participle clause after a comma, whose speaker is the subject of the
/// clause before it: "Rival Hillary Clinton had mocked the complaint, saying anybody who …",
/// "The Times filed a motion, arguing that the move was needed …". "Saying" may go on without
/// "that"; the other verbs need "that" or a clause, whose subject of at most three words is
/// followed by its verb ("adding it would …", "arguing the move was needed"), as "claiming
/// responsibility for …" or "noting the rule" report nothing. "Telling" needs "that" after its
/// addressee ("telling reporters that …").
/// `subject_from`: where the subject's clause starts, when not after the last clause break
/// before the participle (a quotation is one); `subject`: the speaker's words, when known.
fn participial(
    doc: &Doc<'_, '_>,
    s: Span,
    (ci, n, cue): (usize, usize, Cue),
    subject_from: Option<usize>,
    subject: Option<(usize, usize)>,
) -> Option<Reported> {
    let w = &doc.words[ci];
    if !w.lower().ends_with("ing") || !reports_speech(&cue) || cue.lemma == "according to" {
        return None;
    }
    let verb = w.span.start;
    let cut = subject_from
        .unwrap_or_else(|| clause_cut(&doc.text[s.start..verb]).map_or(s.start, |i| s.start + i));
    // "Interfax quoted a senior official as saying …": the one quoted is the speaker.
    let relayed = quoted_as(doc, cut, ci);
    if !doc.comma_before(ci) && relayed.is_none() {
        return None;
    }
    let after = doc.words[ci + n - 1].span.end;
    let rest = doc.words_in(after, s.end);
    let reach = if cue.lemma == "tell" { 8 } else { 1 };
    let that = doc.words[rest.start..rest.end.min(rest.start + reach)]
        .iter()
        .find(|w| w.lower() == "that");
    let from = match that {
        Some(t) => t.span.end,
        None if cue.lemma == "tell" => return None,
        None if cue.lemma == "say"
            || clause_follows(&doc.words[rest.clone()])
            || clause_subject(doc, after, s.end)
                .is_some_and(|np| word_count_upto(&doc.text[np.0..np.1], 4) <= 3) =>
        {
            if is_adverbial(&doc.words[rest]) {
                return None;
            }
            after
        }
        None => return None,
    };
    Some(Reported {
        content: vec![Span {
            start: from,
            end: s.end,
        }],
        np: match relayed.or(subject) {
            Some(np) => np,
            None => clause_subject(doc, cut, verb)?,
        },
        before_verb: true,
        cue: (ci, n, cue),
    })
}

/// Reported speech whose attribution opens the sentence, at the cue `(ci, n, cue)`: "The
/// Kremlin said (that) …", "X told reporters that …", "According to X, …". `earlier`: the
/// word of a cue before it in the sentence that read as none, whose subject a second verb
/// shares ("He claimed vast wealth and said it …").
fn opening(
    doc: &Doc<'_, '_>,
    s: Span,
    (ci, n, cue): (usize, usize, Cue),
    earlier: Option<usize>,
) -> Option<Reported> {
    // "As the Post reported on Friday, …", "As Peskov said, …": the clause names the source,
    // and what follows its comma is what was said.
    let as_clause = || {
        let first = doc.words_in(s.start, s.end).start;
        let opens = doc.words[first].lower() == "as" && (first + 2..=first + 8).contains(&ci);
        let after = doc.words[ci + n - 1].span.end;
        let comma = after + doc.text[after..s.end].find(',')?;
        let between = &doc.words[doc.words_in(after, comma)];
        // (An adverbial, not an object: "As I write this review, …" reports nothing.)
        let adverbial = |w: &[Word<'_>]| match w {
            [] => true,
            [this, next, ..] if matches!(this.lower(), "this" | "last" | "next") => {
                let lower = next.lower();
                let time = is_calendar_word(lower)
                    || matches!(
                        lower,
                        "week" | "weekend" | "month" | "year" | "morning" | "afternoon" | "evening"
                    );
                time && is_adverbial(w)
            }
            _ => is_adverbial(w),
        };
        (opens && adverbial(between)).then(|| {
            (
                (doc.words[first + 1].span.start, doc.words[ci].span.start),
                (comma + 1, s.end),
            )
        })
    };
    // "As reported by APA, …", "As stated by the ministry, …": the source follows "by".
    let as_by = || {
        let first = doc.words_in(s.start, s.end).start;
        let by = doc.words.get(ci + n).filter(|w| w.lower() == "by")?;
        (doc.words[first].lower() == "as" && ci == first + 1).then_some(())?;
        let comma = by.span.end + doc.text[by.span.end..s.end].find(',')?;
        Some(((by.span.end, comma), (comma + 1, s.end)))
    };
    let (np, content) = if cue.lemma == "according to" {
        let after = doc.words[ci + n - 1].span.end;
        let comma = after + doc.text[after..s.end].find(',')?;
        // ("In his words, …": the owner inside the cue is the source.)
        let owner = &doc.words[ci + 1];
        let np = if n == 3 && doc.text[after..comma].trim().is_empty() {
            (owner.span.start, owner.span.end)
        } else {
            (after, comma)
        };
        (np, (comma + 1, s.end))
    } else if let Some(by) = as_by() {
        by
    } else if let Some(clause) = as_clause() {
        clause
    } else {
        let mut from = doc.words[ci + n - 1].span.end;
        // "told reporters that": skip the addressee up to "that".
        let rest = doc.words_in(from, s.end);
        // ("I tell myself that …", "he told himself it was over": what one tells oneself is
        // a thought, said to nobody.)
        let reflexive = !rest.is_empty()
            && matches!(
                doc.words[rest.start].lower(),
                "myself"
                    | "yourself"
                    | "himself"
                    | "herself"
                    | "itself"
                    | "ourselves"
                    | "themselves"
            );
        if reflexive {
            return None;
        }
        // (An addressee may be longer, "told a meeting of Pacific Island leaders that", and
        // so may an adverbial, "announced in a statement this month that". A "that" that a
        // verb follows is a pronoun, not the one: "said that was a mistake", "said in a
        // report that was released …".)
        let adverbial = doc
            .words
            .get(rest.start)
            .is_some_and(|w| opens_adverbial(w.lower()));
        // ("reported third-quarter earnings that topped estimates": after "report", a
        // "that" past anything but a time opens a relative clause. "The Times reported on
        // Saturday that …" is reported speech.)
        let reach = if cue.lemma == "report" {
            1 + doc.words[rest.clone()]
                .iter()
                .take_while(|w| {
                    let lower = w.lower();
                    is_calendar_word(lower) || matches!(lower, "on" | "last" | "this" | "late")
                })
                .count()
        } else if cue.lemma == "tell" || adverbial {
            8
        } else {
            4
        };
        let lookahead = rest.start..rest.end.min(rest.start + reach);
        let that = doc.words[lookahead.clone()]
            .iter()
            .position(|w| w.lower() == "that")
            .map(|k| lookahead.start + k)
            .filter(|&k| {
                !doc.words.get(k + 1).is_some_and(|w| {
                    matches!(w.lower(), "is" | "was" | "are" | "were" | "has" | "had")
                })
            })
            // (Nor one after another verb of speech: "vowed to retaliate and said that …"
            // opens what was said, not what was vowed.)
            .filter(|&k| {
                !(rest.start..k)
                    .any(|j| doc.cue_at(j, k).is_some_and(|(_, _, c)| reports_speech(&c)))
            });
        // (A verb that reports speech only with "that" has it next to it, or after an
        // adverbial: "vowed in a speech that …"; not "vowed not to repeat that mistake".)
        let that = that.filter(|&k| {
            reports_speech(&cue)
                || k == rest.start
                || (adverbial && doc.words[rest.start].lower() != "to")
        });
        // "told Interfax the plane had been damaged": after the addressee of "tell", a clause
        // whose subject a determiner or a capital opens and whose verb comes within four words.
        // (The addressee is a word, or "the" and a name: "told the BBC she had heard …", or
        // "the" and a noun before a subject pronoun: "told the court it was …"; the clause's
        // subject may be a subject pronoun: "told reporters he would not …". Gives the
        // addressee's words.)
        let subject_pronoun =
            |w: &Word<'_>| matches!(w.lower(), "he" | "she" | "they" | "we" | "i" | "it");
        let told_clause = || {
            let words = &doc.words[rest.clone()];
            let first = words.first()?;
            let addressee = if first.lower() == "the" {
                let named = words[1..]
                    .iter()
                    .take(4)
                    .take_while(|w| w.cap && !is_determiner(w.lower()))
                    .count();
                let noun = words.get(2).is_some_and(&subject_pronoun) && !words[1].cap;
                1 + if noun { 1 } else { named }
            } else {
                usize::from(
                    (first.cap && !is_determiner(first.lower()))
                        || matches!(
                            first.lower(),
                            "reporters" | "journalists" | "me" | "us" | "him" | "her" | "them"
                        ),
                )
            };
            let clause = words.get(addressee..).unwrap_or_default();
            let opens = clause
                .first()
                .is_some_and(|w| is_determiner(w.lower()) || w.cap || subject_pronoun(w));
            (cue.lemma == "tell"
                && addressee > usize::from(first.lower() == "the")
                && opens
                && clause.iter().skip(1).take(4).any(past_or_auxiliary))
            .then_some(addressee)
        };
        if let Some(t) = that.map(|k| &doc.words[k]) {
            from = t.span.end;
        } else if !reports_speech(&cue) {
            return None;
        } else if let Some(addressee) = told_clause() {
            from = doc.words[rest.start + addressee - 1].span.end;
        } else if cue.lemma != "say"
            && !clause_follows(&doc.words[rest.clone()])
            && !noun_clause_follows(doc, &doc.words[rest.clone()])
        {
            // Other verbs report speech only with a clause: "stated that …", "announced it
            // would …"; not "announced the arrest", "noted the rule".
            return None;
        } else {
            // "…, lawmakers said Friday afternoon, as they …": an adverbial up to a comma
            // after the verb ends the attribution, and no clause it reports follows.
            let comma = doc.text[from..s.end].find(',').map(|i| from + i);
            if comma.is_some_and(|c| is_adverbial(&doc.words[doc.words_in(from, c)])) {
                return None;
            }
            // "said at the show on Friday night in front of fans": the verb's adverbials run
            // to the sentence's end, and no verb among them reports a clause.
            if only_adverbials(&doc.words[rest.clone()]) {
                return None;
            }
        }
        let mut verb = doc.words[ci].span.start;
        // A second verb after "and" shares the first one's subject: that of an earlier verb of
        // speech, or else of the sentence's first verb in the past ("Strada accused the Saudi
        // government of … and asserted that …" is Strada's).
        if doc.text[s.start..verb].trim_end().ends_with(" and") {
            let first_past = || {
                // (In the clause the verb is in: "When the plane crashed, officials …". A
                // part between commas of capitalised words alone is a place's region or a
                // tag inside it: "visited the border near McAllen, Texas, and argued".)
                let (mut clause, mut end) = (s.start, verb);
                while let Some(i) = doc.text[s.start..end].rfind(',') {
                    let comma = s.start + i;
                    let only_names = doc.words[doc.words_in(comma, verb)]
                        .iter()
                        .all(|w| w.cap || w.lower() == "and");
                    if !only_names {
                        clause = comma;
                        break;
                    }
                    end = comma;
                }
                let words = doc.words_in(clause, verb);
                (words.start + 1..words.end).find(|&k| lower_case_past(&doc.words[k]))
            };
            if let Some(e) = earlier.or_else(first_past) {
                verb = doc.words[e].span.start;
            }
        }
        // "said as much", "said so in an interview": the verb reports no words. (They are
        // those after "that", else those after the verb.)
        let first_said = that.map_or(ci + n, |k| k + 1);
        let said = doc.words.get(first_said..rest.end).unwrap_or_default();
        // Nor does "says something about", "says a lot about": what a thing reveals.
        let about = |w: &[Word<'_>]| {
            let lower = |k: usize| w.get(k).map_or("", |x| x.lower());
            let k = usize::from(lower(0) == "a" && lower(1) == "lot");
            lower(k + 1) == "about"
                && (k == 1
                    || matches!(
                        lower(0),
                        "something" | "nothing" | "much" | "little" | "volumes" | "plenty"
                    ))
        };
        let no_words = about(said)
            || match said {
                [a, b, ..] if a.lower() == "as" && b.lower() == "much" => true,
                [so] => so.lower() == "so",
                [so, next, ..] => {
                    so.lower() == "so"
                        && (opens_adverbial(next.lower())
                            || doc.text[so.span.end..next.span.start].contains([',', '.']))
                }
                _ => false,
            };
        if no_words {
            return None;
        }
        // "an architect who said he was stiffed": a relative pronoun's speaker is the noun
        // before it, from its determiner ("an architect"), or the name before its comma
        // ("Kamin, who said …"); with neither it names no one this reads.
        let verb_at = if verb == doc.words[ci].span.start {
            ci
        } else {
            doc.words_in(s.start, verb).end
        };
        // "vehicles that industry analysts say will boost sales": the subject of a relative
        // clause the verb is in is its speaker, not a name further back.
        let relative_subject = (2..=5).find_map(|back| {
            let k = verb_at.checked_sub(back)?;
            let pronoun = &doc.words[k];
            // (Not "That official said", where "that" opens the sentence as a determiner.)
            if pronoun.span.start <= s.start || !matches!(pronoun.lower(), "that" | "which") {
                return None;
            }
            let np = &doc.words[k + 1..verb_at];
            // (No verb, pronoun or second relative in it.)
            let verb_like = |w: &Word<'_>| {
                let lower = w.lower();
                AUXILIARIES.contains(&lower)
                    || IRREGULAR_PASTS.contains(&lower)
                    || (lower.ends_with("ed") && !w.cap)
                    || pronoun_of(lower).is_some()
                    || matches!(lower, "that" | "which" | "who")
            };
            let plain = !np.iter().any(verb_like);
            let np = (np[0].span.start, np[np.len() - 1].span.end);
            // (Only a phrase that names a speaker; else the subject is read as before.)
            (plain && doc.speaker_of(np.0, np.1, true).is_some()).then_some(np)
        });
        // ("which" after a comma too: "the European Union, which contended that …")
        let pronoun = verb_at
            .checked_sub(1)
            .map(|k| &doc.words[k])
            .filter(|w| w.span.start >= s.start);
        let after_comma =
            pronoun.is_some_and(|w| doc.text[..w.span.start].trim_end().ends_with(','));
        let who_before =
            pronoun.is_some_and(|w| w.lower() == "who" || (w.lower() == "which" && after_comma));
        let who_antecedent = || {
            let w = doc.words_in(s.start, verb);
            let back = w.start.max((w.end - 1).saturating_sub(6))..w.end - 1;
            let opens = doc.words[back.clone()]
                .iter()
                .rposition(|x| matches!(x.lower(), "a" | "an" | "the" | "this" | "these" | "those"))
                .map(|k| back.start + k)
                .or_else(|| {
                    // (A name: the capitalised run right before "who" or ", who".)
                    let run = capitalised_runs(doc.text, &doc.words[back.clone()]);
                    run.last()
                        .filter(|r| back.start + r.end == back.end)
                        .map(|r| back.start + r.start)
                })?;
            // (The noun phrase runs from there to the word before "who".)
            Some((doc.words[opens].span.start, doc.words[w.end - 2].span.end))
        };
        let relative_np = match relative_subject {
            Some(np) => Some(np),
            None if who_before => Some(who_antecedent()?),
            None => None,
        };
        if let Some(np) = relative_np {
            // A relative clause set off by commas ends at the comma before its head's own
            // verb: "the European Union, which contended that Ireland undertaxed the company,
            // is a good example of …".
            let set_off = who_before && after_comma;
            let end = doc.words_in(from, s.end).filter(|_| set_off).find(|&k| {
                let w = &doc.words[k];
                doc.text[..w.span.start].trim_end().ends_with(',')
                    && AUXILIARIES.contains(&w.lower())
            });
            let mut end = end.map_or(s.end, |k| doc.words[k].span.start);
            // So does one in an adverbial that opens the sentence, at its comma: "On the day
            // that Samsung announced its features were shipping, I rushed over …".
            let in_opening = doc
                .words
                .get(doc.words_in(s.start, s.end).start)
                .is_some_and(|w| OPENING_PREPOSITIONS.contains(&w.lower()))
                && !doc.text[s.start..np.0].contains(',');
            if in_opening {
                end = doc.text[from..end].find(',').map_or(end, |i| from + i);
            }
            (np, (from, end))
        } else {
            let before = &doc.text[s.start..verb];
            let cut = clause_cut(before).map_or(s.start, |i| s.start + i);
            let cut = subordinate_subject(doc, cut, verb).unwrap_or(cut);
            let cut = after_opening_clause(doc, cut, verb).unwrap_or(cut);
            // Before "…, said" the subject's first part is a name or a description ("Farhad
            // Mammadov, a political analyst, said"), not a clause of its own ("Moves against
            // the broadcasters led to …, said Jeffrey Trimble").
            let subject = &doc.text[cut..verb];
            if subject.trim_end().ends_with(',') {
                let first = subject.split(',').next().unwrap_or_default();
                if word_count_upto(first, 11) > 10 {
                    return None;
                }
            }
            // A clause a subordinator opens ends at its comma, where the main clause starts:
            // "When Peskov said the plane was hit by birds, Aliyev demanded …". One that "if",
            // "unless" or "until" opens reports nothing yet: "If Russia admits the plane was
            // hit, …".
            let subject_words = &doc.words[doc.words_in(cut, verb)];
            let opener = subject_words.first().map_or("", |w| w.lower());
            if matches!(opener, "if" | "unless" | "until") {
                return None;
            }
            let subordinate = opens_subordinate_clause(opener)
                // (A subject set off by commas stays in the clause: "When Peskov, the
                // Kremlin's spokesman, said the plane was hit by birds, Aliyev …".)
                && (!subject.contains(',') || subject.trim_end().ends_with(','));
            let end = match doc.text[from..s.end].find(',') {
                Some(i) if subordinate => from + i,
                _ => s.end,
            };
            ((cut, verb), (from, end))
        }
    };
    Some(Reported {
        content: vec![Span {
            start: content.0,
            end: content.1,
        }],
        np,
        before_verb: cue.lemma != "according to",
        cue: (ci, n, cue),
    })
}

/// A cue in a sentence: its first word's index, the words it takes, and the cue.
type CueAt = (usize, usize, Cue);

/// "X said A and added that B", "X said A, arguing that B": B is a second statement of X's,
/// and A ends before it. `reported` is what the cue `first` reports; `cues` and `participles`
/// are the sentence's finite cues and participles of speech. Adds to `chained` A and each later
/// statement ("and said", "and added", "and noted" …, a past verb after a modal's clause, or a
/// participle of speech after a comma), in order; one with no clause of its own ("…, noting
/// the timing") only ends the one before.
fn second_statements(
    doc: &Doc<'_, '_>,
    s: Span,
    first: &CueAt,
    mut reported: Reported,
    (cues, participles): (&[CueAt], &[CueAt]),
    chained: &mut Vec<Reported>,
) {
    // (Most statements have no verb of speech after theirs.)
    let last = |c: &[CueAt]| c.last().is_some_and(|l| l.0 > first.0);
    if !last(cues) && !last(participles) {
        chained.push(reported);
        return;
    }
    let mut later: Vec<_> = cues
        .iter()
        .map(|c| (c, false))
        .chain(participles.iter().map(|c| (c, true)))
        .filter(|(c, _)| c.0 > first.0)
        .collect();
    later.sort_by_key(|(c, _)| c.0);
    for (next, participle) in later {
        // (A later cue has a word before it.)
        let before = &doc.words[next.0 - 1];
        let at = doc.words[next.0].span;
        let within = reported
            .content
            .last()
            .is_some_and(|c| c.start < at.start && at.end <= c.end);
        // A verb in the past after "and" cannot go on with what was said when that is in a
        // modal's clause: "said he would order a review … and warned against hackers" is
        // his warning, whatever the verb.
        let past_after_modal = || {
            let lower = doc.words[next.0].lower();
            (lower.ends_with("ed") || IRREGULAR_PASTS.contains(&lower))
                && reported.content.last().is_some_and(|c| {
                    doc.words[doc.words_in(c.start, before.span.start)]
                        .iter()
                        .any(|w| {
                            matches!(
                                w.lower(),
                                "would" | "will" | "could" | "can" | "might" | "must" | "should"
                            )
                        })
                })
        };
        let (joined, modal) = if participle {
            (doc.comma_before(next.0), false)
        } else if before.lower() == "and" && reports_speech(&next.2) {
            // (Not a verb that reports only with "that": "The agency said its researchers
            // examined how … would affect … and concluded that …" is all the agency's.)
            let modal = !goes_on_saying(&next.2) && past_after_modal();
            (goes_on_saying(&next.2) || modal, modal)
        } else {
            (false, false)
        };
        if !within || !joined {
            continue;
        }
        let second = if participle {
            participial(doc, s, next.clone(), None, None).map(|r| Reported {
                np: reported.np,
                ..r
            })
        } else {
            opening(doc, s, next.clone(), Some(first.0))
        };
        // ("and" with no clause after it may join what A reports: "… and denied it".)
        if second.is_none() && !participle && !modal {
            continue;
        }
        let cut = if participle {
            before.span.end
        } else {
            before.span.start
        };
        // What the first verb reports ends where the second begins; when nothing of it is
        // left ("According to the reports, saying the investigation was ongoing": what
        // follows the comma is the participle's), the first statement is dropped.
        let emptied = reported.content.last().is_some_and(|c| cut <= c.start);
        if let Some(c) = reported.content.last_mut() {
            c.end = cut.max(c.start);
        }
        if let Some(second) = second {
            let first = std::mem::replace(&mut reported, second);
            if !emptied {
                chained.push(first);
            }
        }
    }
    chained.push(reported);
}

/// Whether a verb after "and" goes on with its subject's words rather than those of the person
/// they report ("Aliyev said the plane was hit and added that …"; not "and claimed", which may
/// be what the person reported did).
pub(super) fn goes_on_saying(cue: &Cue) -> bool {
    matches!(
        cue.lemma.as_str(),
        "say" | "add" | "note" | "tell" | "explain" | "stress" | "emphasize" | "insist"
    )
}

/// Whether a cue can report speech without quotation marks ("said", "according to"; not
/// "called" or "described").
fn reports_speech(cue: &Cue) -> bool {
    matches!(
        cue.lemma.as_str(),
        "say"
            | "tell"
            | "state"
            | "claim"
            | "note"
            | "add"
            | "argue"
            | "insist"
            | "warn"
            | "explain"
            | "confirm"
            | "announce"
            | "allege"
            | "admit"
            | "deny"
            | "acknowledge"
            | "stress"
            | "emphasize"
            | "according to"
            | "write"
            | "point out"
            | "suggest"
            | "declare"
            // ("reports" only before "that" or a colon, as cues.tsv says: not the noun)
            | "report"
    )
}

/// Where the subject starts when the verb at `verb` is in a clause a subordinator opens after
/// the sentence's main clause, from `cut`: "I kept using it even after my toddler revealed
/// that …" is the toddler's. (Only after a main clause with a verb of its own and no relative
/// pronoun, "Officials who arrived after the crash said" being the officials'; and only a
/// short subject with no verb in it.)
fn subordinate_subject(doc: &Doc<'_, '_>, cut: usize, verb: usize) -> Option<usize> {
    let words = &doc.words[doc.words_in(cut, verb)];
    let k = words.iter().rposition(|w| {
        matches!(
            w.lower(),
            "when" | "while" | "because" | "after" | "before" | "until" | "once" | "although"
        )
    })?;
    let subject = &words[k + 1..];
    let opens_np = |w: &Word<'_>| {
        w.cap || is_determiner(w.lower()) || matches!(w.lower(), "my" | "our" | "your")
    };
    let main = &words[..k];
    let main_clause = main.len() >= 2
        && main.iter().skip(1).any(past_or_auxiliary)
        && !main.iter().any(|w| matches!(w.lower(), "who" | "which"));
    (main_clause
        && (1..=5).contains(&subject.len())
        && opens_np(&subject[0])
        && !subject.iter().any(past_or_auxiliary))
    .then(|| subject[0].span.start)
}

/// Whether a word (in lower case) opens a clause of its own before the main one: a
/// subordinator, or "after", "before", "once", "since".
fn opens_subordinate_clause(lower: &str) -> bool {
    SUBORDINATORS.contains(&lower) || matches!(lower, "after" | "before" | "once" | "since")
}

/// Where the subject starts when the words from `cut` to the verb at `verb` open with a
/// clause of their own, ended by a comma: "Although Scott lacks a signature achievement,
/// elected officials from both parties say …" is the officials', not Scott's. (Only when
/// words follow the clause's last comma: in "When Peskov, the Kremlin's spokesman, said …"
/// none do, and the clause is the one that reports.)
pub(super) fn after_opening_clause(doc: &Doc<'_, '_>, cut: usize, verb: usize) -> Option<usize> {
    let words = &doc.words[doc.words_in(cut, verb)];
    opens_subordinate_clause(words.first()?.lower()).then_some(())?;
    let comma = cut + doc.text[cut..verb].rfind(',')?;
    let subject = &doc.words[doc.words_in(comma + 1, verb)];
    // (Nor when the verb is an infinitive: "If she did, party rules give the chair authority
    // to call a “special meeting”".)
    let infinitive = subject.last().is_some_and(|w| w.lower() == "to");
    (!subject.is_empty() && !infinitive).then_some(comma + 1)
}

/// Whether a cue reports speech without quotation marks only with "that" after it: "Aliyev
/// demanded that Moscow punish those responsible", "the minister conceded that …"; not
/// "demanded an apology", "vowed to retaliate", "recalled the ambassador".
fn reports_speech_with_that(cue: &Cue) -> bool {
    matches!(
        cue.lemma.as_str(),
        "assert"
            // (What a poll, a study or an inquiry found: "A Bloomberg poll shows that …",
            // "A 2014 study … found that …".)
            | "show"
            | "find"
            | "estimate"
            | "boast"
            | "caution"
            | "comment"
            | "complain"
            | "concede"
            | "conclude"
            | "contend"
            | "counter"
            | "demand"
            | "lament"
            | "maintain"
            | "observe"
            | "pledge"
            | "post"
            | "predict"
            | "proclaim"
            | "promise"
            | "recall"
            | "reiterate"
            | "remark"
            | "reply"
            | "respond"
            | "reveal"
            | "testify"
            | "tweet"
            | "urge"
            | "vow"
    )
}

/// A sentence of reported speech, as found: byte ranges of what was said (two pieces when the
/// attribution stands inside it: "A, the ministry said, B") and of the speaker phrase (before
/// the verb or after it), and the cue (word index, words taken, cue).
pub(super) struct Reported {
    content: Vec<Span>,
    np: (usize, usize),
    before_verb: bool,
    cue: (usize, usize, Cue),
}

/// The indirect quote of a sentence of reported speech, if what was said has four words or
/// more and the speaker phrase names a speaker. What was said ends before a closing
/// concession (", although …", ", though …") or a semicolon: the writer's additions.
fn indirect_quote(doc: &Doc<'_, '_>, si: usize, mut r: Reported) -> Option<Quote> {
    let (ci, n, cue) = r.cue;
    // (What was said is never empty.)
    if r.content.iter().any(|c| c.start >= c.end) {
        return None;
    }
    if let Some(last) = r.content.last_mut() {
        let piece = last.slice(doc.text);
        // (One pass over its commas and semicolons.)
        let cut = piece.match_indices([',', ';']).find_map(|(at, mark)| {
            let rest = &piece[at + 1..];
            let concession = [" although ", " though ", " even though "]
                .iter()
                .any(|m| rest.starts_with(m));
            ((mark == ";" && rest.starts_with(' '))
                || (mark == "," && (concession || gives_no_details(rest) || remark(rest))))
            .then_some(at)
        });
        if let Some(at) = cut {
            last.end = last.start + at;
        }
    }
    let pieces: Vec<Span> = r
        .content
        .iter()
        .filter_map(|piece| {
            let raw = piece.slice(doc.text);
            let text = raw.trim().trim_end_matches(['.', '!', '?', ',']).trim_end();
            let start = piece.start + (raw.len() - raw.trim_start().len());
            (!text.is_empty()).then_some(Span {
                start,
                end: start + text.len(),
            })
        })
        .collect();
    let words: usize = pieces
        .iter()
        .map(|p| word_count_upto(p.slice(doc.text), 4))
        .sum();
    if words < 4 {
        return None;
    }
    // A verb in a relative clause reports nothing: "the gap between what Trump says and …",
    // "Everything Trump says is a lie".
    let relative = doc.words[doc.words_in(r.np.0, r.np.1)].iter().any(|w| {
        matches!(
            w.lower(),
            "what" | "whatever" | "everything" | "anything" | "nothing"
        )
    });
    if relative && r.before_verb {
        return None;
    }
    let (name, role, raw, kind) = doc.speaker_kind(r.np.0, r.np.1, r.before_verb)?;
    if kind == Np::Description && !plausible_description(&name) {
        return None;
    }
    Some(Quote {
        kind: Kind::Indirect,
        pieces,
        speaker: name,
        speaker_text: raw,
        role,
        cue: Some(doc.cue_hit(ci, n, cue)),
        sentence: u32::try_from(si).unwrap_or(u32::MAX),
        method: "indirect",
        text: String::new(),
        co_speakers: Vec::new(),
    })
}

/// Whether a described speaker of reported speech reads as a noun phrase that can speak:
/// "officials", "Western diplomats", "the company", "four sources", "many lawmakers",
/// "Connecticut's tax commissioner", "top black lawmakers"; not a clause's leftovers ("of the
/// report", "the people to") or an idea ("another perspective").
pub(super) fn plausible_description(description: &str) -> bool {
    let words: Vec<String> = description
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    // (The head of a qualified noun is before its qualifier: "a senior official familiar
    // with the Kremlin's thinking".)
    let head_end = (1..words.len())
        .find(|&j| QUALIFIERS.contains(&words[j].as_str()))
        .unwrap_or(words.len());
    let (Some(first), Some(last), Some(head)) =
        (words.first(), words.last(), words[..head_end].last())
    else {
        return false;
    };
    let owner = first.ends_with("'s") || first.ends_with("’s") || first.ends_with("s'");
    let opens = (words.len() <= 2 && !is_stopword(first))
        || owner
        || is_determiner(first)
        || is_number_word(first)
        || ROLE_NOUNS.contains(&first.as_str())
        || matches!(
            first.as_str(),
            "some"
                | "many"
                | "most"
                | "several"
                | "both"
                | "all"
                | "other"
                | "few"
                | "my"
                | "our"
                | "your"
        )
        || bare_plural(&words);
    // An idea is not a speaker: "Another perspective argues that …"; nor is a transaction.
    let abstract_head = matches!(
        head.as_str(),
        "perspective"
            | "perspectives"
            | "view"
            | "views"
            | "viewpoint"
            | "theory"
            | "argument"
            | "logic"
            | "idea"
            | "notion"
            | "approach"
            | "narrative"
            | "version"
            | "thinking"
            | "reasoning"
            // Nor is a transaction: "Coty acquired a 51% stake, a deal announced in …".
            | "deal"
            | "deals"
            | "acquisition"
            | "merger"
            | "purchase"
            | "sale"
    );
    opens && !is_stopword(last) && !abstract_head
}

/// Plural nouns for what a body writes rather than who speaks for it: after a name ("ICAO
/// regulations", "FBI records"), the name is the source.
pub(super) const DOCUMENT_NOUNS: [&str; 16] = [
    "regulations",
    "rules",
    "records",
    "documents",
    "reports",
    "data",
    "figures",
    "statistics",
    "estimates",
    "polls",
    "surveys",
    "filings",
    "papers",
    "guidelines",
    "laws",
    "statements",
];

/// Whether lower-case words are a plural noun phrase without a determiner: "top black
/// lawmakers", "federal and state officials", "attorneys for the family", "State media". The
/// head (the last word, or the word before the first preposition) is a plural, and the words
/// before it are modifiers: no stop word but "and".
pub(super) fn bare_plural(words: &[String]) -> bool {
    // (The head is before a preposition or what qualifies it: "Putin aides familiar with the
    // matter".)
    let head_at = words
        .iter()
        .position(|w| PREPOSITIONS.contains(&w.as_str()) || QUALIFIERS.contains(&w.as_str()))
        .unwrap_or(words.len());
    if words.len() > 10 || head_at > 6 {
        return false;
    }
    let Some(head) = head_at.checked_sub(1).map(|i| &words[i]) else {
        return false;
    };
    // (Or a plural without the -s: "State media", "local police".)
    let plural = (looks_plural(head)
        && !head.ends_with("us")
        && !head.ends_with("is")
        && !is_stopword(head))
        || matches!(
            head.as_str(),
            "media" | "people" | "police" | "staff" | "press" | "personnel"
        );
    plural
        && words[..head_at - 1]
            .iter()
            .all(|w| w == "and" || !is_stopword(w))
}

/// Reported speech whose attribution follows what was said, after a comma: "…, the Kremlin
/// said on Thursday.", "…, four sources told Reuters.", "…, Farhad Mammadov, a political
/// analyst, said.", "…, said Konstantin Zatulin, a State Duma deputy.", "…, according to the
/// ministry.", "A, the group said, B." After the verb comes the speaker (inverted), an
/// adverbial ("on Thursday", "in a statement", the addressee of "told") or a comma, never a
/// clause: in "After the crash, Aliyev said Russia must admit its guilt" what was said
/// follows the verb, and the sentence is left to [`indirect`]'s reading. The cue reports
/// speech and is finite (as [`indirect`] chooses it).
fn postposed(
    doc: &Doc<'_, '_>,
    s: Span,
    range: std::ops::Range<usize>,
    (ci, n, cue): (usize, usize, Cue),
) -> Option<Reported> {
    let verb = &doc.words[ci];
    let verb_end = doc.words[ci + n - 1].span.end;
    let before = doc.text[s.start..verb.span.start].trim_end();
    let after = &doc.text[verb_end..s.end];
    let after_words = &doc.words[ci + n..range.end];
    // A verb that a quotation follows does not close the sentence: "…the Chicago Police
    // Department which reported “2,521 shooting incidents” in the city".
    // Nor does "report to": "…, and Vindman reported to him" is whom he answered to.
    let reports_to =
        cue.lemma == "report" && doc.words.get(ci + n).is_some_and(|w| w.lower() == "to");
    if after.trim_start().starts_with(['“', '"', '‘', '«']) || reports_to {
        return None;
    }
    let comma_before_verb = before.ends_with(',');
    let opens_np = |w: &Word<'_>| w.capitalised() || is_determiner(w.lower());
    // A name after the verb is its speaker ("…, noted NBC's Dante Chinni"), and so is a
    // description after "said", "added" or "wrote" ("…, said the ministry"); after another
    // verb it is the object ("X, the nominee's daughter, noted the rule").
    let inverts = |w: &Word<'_>| {
        w.capitalised() || (opens_np(w) && matches!(cue.lemma.as_str(), "say" | "add" | "write"))
    };
    if cue.lemma == "according to"
        || (comma_before_verb && after_words.first().is_some_and(inverts))
    {
        // "…, according to X" and "…, said X, a deputy": the speaker follows the verb. After
        // "according to", a long sentence may go on past the source's comma ("…, according
        // to the Tax Foundation, more than twice what …"), or the source follow a dash.
        let mut np_end = s.end;
        if after_words.len() > 12 && cue.lemma == "according to" {
            np_end = verb_end + after.find(',')?;
        }
        // The speaker up to its apposition's comma: "said Jeffrey N. Trimble, a senior
        // official with the board that oversees them".
        let named_end = after.find(',').map_or(np_end, |i| np_end.min(verb_end + i));
        let source = &doc.words[doc.words_in(verb_end, named_end)];
        let whole = doc.words_in(verb_end, np_end).len();
        // (A clause after the verb is what was said, not its speaker: "X, a Democrat, said the
        // program had failed" has an auxiliary that no relative pronoun opens.)
        // Nor one with a verb in the past: "Officials, who spoke on condition of anonymity,
        // said the missile struck the tail" (not "said the Saudi-led coalition", "said Rose
        // Smith").
        let past = |k: usize, w: &Word<'_>| {
            k > 0
                && !w.cap
                && IRREGULAR_PASTS.contains(&w.lower())
                && !doc.text[..w.span.start].ends_with('-')
        };
        // A verb in "-ed" too ([`past_after_noun`]): "His lawyer, John Smith, said the family
        // wanted answers" (not "said the embattled president", "said the official quoted by
        // TASS"; after "according to" only a source can follow: "a poll released last week").
        let regular_past = |k: usize| {
            cue.lemma != "according to"
                && k >= 2
                && !source[k - 1].cap
                && past_after_noun(source, k)
        };
        let clause = source
            .iter()
            .take_while(|w| !matches!(w.lower(), "who" | "which"))
            .enumerate()
            .any(|(k, w)| AUXILIARIES.contains(&w.lower()) || past(k, w) || regular_past(k));
        // Nor does "Subject, participle phrase, said …" invert: "The report, published by
        // Human Rights Watch, said the attacks amounted to war crimes" (not "The plane,
        // which …, was hit by a missile, said X" or "The airline cancelled flights, citing …,
        // said X", where a clause comes before the verb).
        let preposed = {
            let parts: Vec<&str> = before.trim_end_matches(',').split(',').collect();
            let words_of = |part: &str| {
                let off = part.as_ptr() as usize - doc.text.as_ptr() as usize;
                &doc.words[doc.words_in(off, off + part.len())]
            };
            let (head, last) = (words_of(parts[0]), words_of(parts[parts.len() - 1]));
            parts.len() >= 2
                && (1..=6).contains(&head.len())
                && !head.iter().skip(1).any(|w| {
                    let lower = w.lower();
                    (lower.ends_with("ed") && !w.cap)
                        || IRREGULAR_PASTS.contains(&lower)
                        || AUXILIARIES.contains(&lower)
                })
                && last.first().is_some_and(|w| {
                    let lower = w.lower();
                    !w.cap
                        && (lower.ends_with("ed")
                            || lower.ends_with("ing")
                            || matches!(lower, "who" | "which" | "whose"))
                })
        };
        if source.len() > 12
            || whole > 20
            || clause
            || preposed
            || source.iter().any(|w| w.lower() == "that")
        {
            return None;
        }
        // The speaker ends where an adverbial of time or place starts: "…, said the ministry
        // in a statement", "…, said Peskov on Friday", "according to a poll released last
        // week" (with the participle before it), "…, said the ministry this week". ("analysis
        // from Poynter" keeps its "from".)
        let time_or_place = |w: &Word<'_>| {
            let lower = w.lower();
            !w.cap
                && (is_calendar_word(lower)
                    || matches!(
                        lower,
                        "on" | "in"
                            | "at"
                            | "during"
                            | "after"
                            | "before"
                            | "late"
                            | "earlier"
                            | "later"
                            | "last"
                            | "yesterday"
                            | "today"
                            | "tonight"
                    ))
        };
        // "this", "early" and "next" only before a time ("said the ministry this week", "early
        // on Friday"; not "the author of this report").
        let time_ahead = |k: usize| {
            matches!(source[k].lower(), "this" | "early" | "next")
                && source.get(k + 1).is_some_and(|w| {
                    let lower = w.lower();
                    is_calendar_word(lower)
                        || matches!(
                            lower,
                            "on" | "in"
                                | "week"
                                | "weekend"
                                | "month"
                                | "year"
                                | "morning"
                                | "afternoon"
                                | "evening"
                        )
                })
        };
        if let Some(k) = (1..source.len()).find(|&k| time_or_place(&source[k]) || time_ahead(k)) {
            let participle = source[k - 1].lower().ends_with("ed") && !source[k - 1].cap;
            let k = if participle && k > 1 { k - 1 } else { k };
            np_end = np_end.min(doc.text[..source[k].span.start].trim_end().len());
        }
        let said = before.strip_suffix(',').or_else(|| {
            (cue.lemma == "according to")
                .then(|| before.strip_suffix(['—', '–']))
                .flatten()
        })?;
        let cut = s.start + said.trim_end().len();
        return Some(Reported {
            content: vec![Span {
                start: s.start,
                end: cut,
            }],
            np: (verb_end, np_end),
            before_verb: false,
            cue: (ci, n, cue),
        })
        .filter(|_| !opens_with_adverbial(&doc.text[s.start..cut]));
    }
    // After the verb: an adverbial, up to the end of the sentence or a comma, and what was
    // said may go on after that comma.
    let adverbial_end = after.find(',').map_or(s.end, |i| verb_end + i);
    let adverbial = &doc.words[doc.words_in(verb_end, adverbial_end)];
    let addressee = cue.lemma == "tell"
        && adverbial.len() <= 6
        && adverbial.iter().all(|w| w.lower() != "that");
    // (A long one too, with no clause in it, after a verb that takes no object with "on":
    // "…, the singer said at the show on Friday night in front of fans"; not "…, the LA
    // Times reported on Nagel's role in …", "…, or Aunt Sally insisted on everyone wearing …".)
    let long_adverbial =
        matches!(cue.lemma.as_str(), "say" | "add" | "explain") && only_adverbials(adverbial);
    if !adverbial.is_empty() && !is_adverbial(adverbial) && !long_adverbial && !addressee {
        return None;
    }
    // Before the verb: the speaker, after the comma that ends what was said; a speaker with
    // an apposition ("X, a political analyst, said") takes the comma before that.
    let mut commas = before.rmatch_indices(',').map(|(i, _)| i);
    let comma = if comma_before_verb {
        commas.nth(2)?
    } else {
        commas.next()?
    };
    let np = (s.start + comma + 1, verb.span.start);
    if word_count_upto(&doc.text[np.0..np.1], 15) > 14
        || (!comma_before_verb && word_count_upto(&doc.text[np.0..np.1], 9) > 8)
    {
        return None;
    }
    let mut content = vec![Span {
        start: s.start,
        end: s.start + comma,
    }];
    if let Some(start) = continuation(doc, adverbial_end + 1, s.end) {
        content.push(Span { start, end: s.end });
    }
    // An opening adverbial alone is not what was said ("After the crash, Aliyev said Russia
    // must …"); with the rest after the verb's comma it is ("If this fails, Mr. Castañeda
    // argues, there are other tools").
    if content.len() == 1 && opens_with_adverbial(&doc.text[s.start..s.start + comma]) {
        return None;
    }
    // Nor is a name with its apposition before ", and" another name: "Jeff Merkley, a
    // senator, and Robert Menendez wrote to the agency" is a subject of two, and says nothing.
    let first = &doc.words[doc.words_in(s.start, s.start + comma)];
    let name = first
        .iter()
        .take_while(|w| w.cap && !doc.text[..w.span.start].ends_with(','))
        .count();
    let named_subject = name >= 2
        && doc.text[first[name - 1].span.end..].starts_with(',')
        && !first.iter().any(past_or_auxiliary)
        && doc
            .words
            .get(doc.words_in(np.0, np.1).start)
            .is_some_and(|w| w.lower() == "and");
    if named_subject {
        return None;
    }
    Some(Reported {
        content,
        np,
        before_verb: true,
        cue: (ci, n, cue),
    })
}

/// The subject of the clause from `cut` to `end`: its words up to the first that reads as its
/// verb (a word in lower case ending in "-ed" or "-ly", "also", an auxiliary, or a common
/// irregular past: "The ministry rejected …", "Donald Trump is defending …", "Hillary Clinton spoke out
/// …"), past an opening adverbial and its comma ("On Monday, the ministry …"). At most eight
/// words; `None` when no verb is found.
pub(super) fn clause_subject(doc: &Doc<'_, '_>, cut: usize, end: usize) -> Option<(usize, usize)> {
    let mut range = doc.words_in(cut, end);
    if doc
        .words
        .get(range.start)
        .is_some_and(|w| opens_clause(w.lower()))
    {
        let comma = doc.text[cut..end].find(',')?;
        range = doc.words_in(cut + comma + 1, end);
    }
    let words = &doc.words[range];
    // (A relative pronoun ends it too: "Central European leaders who have opposed …".)
    let verb = words.iter().enumerate().position(|(k, w)| {
        let lower = w.lower();
        !w.cap
            && ((lower.len() > 4 && (lower.ends_with("ed") || lower.ends_with("ly")))
                || AUXILIARIES.contains(&lower)
                || lower == "also"
                || IRREGULAR_PASTS.contains(&lower)
                || (k > 0 && matches!(lower, "who" | "which" | "whose")))
    })?;
    (1..=8)
        .contains(&verb)
        .then(|| (words[0].span.start, words[verb - 1].span.end))
}

/// Whether a word reads as a verb: in lower case, an auxiliary, a common irregular past or a
/// word ending in "-ed" (which may be a participle: "officials quoted by TASS").
pub(super) fn past_or_auxiliary(w: &Word<'_>) -> bool {
    let lower = w.lower();
    !w.cap
        && (AUXILIARIES.contains(&lower)
            || IRREGULAR_PASTS.contains(&lower)
            || lower.ends_with("ed"))
}

/// Whether text after a comma in what was said is the writer's word on it, or turns to
/// other speakers: " a claim Moscow has not confirmed", " an allegation the ministry
/// denies", " while others believe …".
fn remark(rest: &str) -> bool {
    [
        " a claim ",
        " an allegation ",
        " an accusation ",
        " a charge ",
        " an assertion ",
        " a view ",
        " a position ",
        " while others ",
        " whereas others ",
        " but others ",
    ]
    .iter()
    .any(|m| rest.starts_with(m))
}

/// Whether text after a comma in what was said is the writer's remark that the speaker gave
/// no support for it: " but offered no evidence", " but did not elaborate", " but declined to
/// give details". (Not " but needed more work", which may be what was said.)
fn gives_no_details(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(" but ") else {
        return false;
    };
    let mut words = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let third = words.next().unwrap_or_default();
    let offered_none = matches!(
        first.as_str(),
        "offered" | "provided" | "gave" | "cited" | "presented" | "produced" | "showed"
    ) && matches!(second.as_str(), "no" | "little");
    let said_no_more = |verb: &str| {
        matches!(
            verb,
            "elaborate"
                | "give"
                | "provide"
                | "offer"
                | "specify"
                | "explain"
                | "comment"
                | "say"
                | "detail"
                | "name"
                | "identify"
                | "cite"
        )
    };
    let declined = match (first.as_str(), second.as_str()) {
        ("did" | "would", "not") | ("declined" | "refused", "to") => said_no_more(&third),
        ("didn't" | "didn’t" | "wouldn't" | "wouldn’t", verb) => said_no_more(verb),
        _ => false,
    };
    offered_none || declined
}

/// Whether the word at `k` reads as a clause's verb in "-ed" after its subject's noun: not
/// after a determiner, a possessive or an adverb ("the embattled president", "the newly
/// appointed envoy"), and not before a preposition or a time ("the official quoted by TASS",
/// "a man accused of …", "a poll released last week"), where it opens a participle phrase.
/// At the end of `words` it is taken for a participle ("the officials involved").
fn past_after_noun(words: &[Word<'_>], k: usize) -> bool {
    let w = &words[k];
    let lower = w.lower();
    let noun_before = k >= 1 && {
        let p = words[k - 1].lower();
        !is_ly_adverb(p) && !p.ends_with("'s") && !p.ends_with("’s") && !is_determiner(p)
    };
    noun_before
        && !w.cap
        && lower.len() > 4
        && lower.ends_with("ed")
        && words.get(k + 1).is_some_and(|next| {
            let next = next.lower();
            !PREPOSITIONS.contains(&next)
                && !OPENING_PREPOSITIONS.contains(&next)
                && !is_calendar_word(next)
                && !matches!(next, "last" | "this" | "earlier" | "yesterday" | "today")
        })
}

/// Whether words after a verb of speech open a clause without "that" whose subject is a short
/// noun phrase, a name or one a determiner opens, and whose verb follows within five words:
/// an auxiliary, a past that is no participle, or one in "-ed" ([`past_after_noun`]):
/// "confirmed the call took place", "insisted Moscow had nothing to hide", "added the company
/// would …"; not "confirmed the arrest of two men", "announced the deal struck last week".
/// (No preposition but "of", and no comma, stands between subject and verb.)
fn noun_clause_follows(doc: &Doc<'_, '_>, words: &[Word<'_>]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let lower = first.lower();
    if !(first.cap && !is_calendar_word(lower) || is_determiner(lower)) {
        return false;
    }
    let Some(k) = (1..words.len().min(6)).find(|&k| {
        let lower = words[k].lower();
        // (An "-ed" word needs an object after it that no noun could be: "a new North
        // American integrated clinical alarm" is an adjective.)
        let ed_verb = || {
            past_after_noun(words, k)
                && words.get(k + 1).is_some_and(|next| {
                    let next = next.lower();
                    is_determiner(next)
                        || pronoun_of(next).is_some()
                        || matches!(
                            next,
                            "to" | "that"
                                | "this"
                                | "these"
                                | "those"
                                | "no"
                                | "not"
                                | "him"
                                | "them"
                        )
                })
        };
        !words[k].cap
            && (AUXILIARIES.contains(&lower) || SIMPLE_PASTS.contains(&lower) || ed_verb())
    }) else {
        return false;
    };
    let subject = &words[..k];
    subject.iter().skip(1).all(|w| {
        let lower = w.lower();
        lower == "of"
            || !(PREPOSITIONS.contains(&lower)
                || OPENING_PREPOSITIONS.contains(&lower)
                || matches!(lower, "who" | "which" | "that" | "and" | "or"))
    }) && !doc.text[subject[0].span.start..words[k].span.start].contains([',', ';', ':'])
}

/// Pasts that are not also participles: a noun before one is its subject ("the call took
/// place"), where "the deal struck last week" may be a noun and its participle.
const SIMPLE_PASTS: &[&str] = &[
    "took", "gave", "went", "spoke", "came", "wrote", "began", "saw", "chose", "rose", "fell",
    "threw", "ran", "stood", "drew", "broke", "knew", "grew", "flew",
];

/// A verb in the past in lower case: "-ed" or a common irregular past ("visited", "took").
pub(super) fn lower_case_past(w: &Word<'_>) -> bool {
    let lower = w.lower();
    !w.cap && (lower.ends_with("ed") || IRREGULAR_PASTS.contains(&lower))
}

/// Common irregular past tenses of news verbs, which do not end in "-ed".
const IRREGULAR_PASTS: &[&str] = &[
    "took", "made", "gave", "went", "spoke", "told", "said", "came", "sent", "wrote", "met",
    "held", "left", "brought", "began", "put", "set", "kept", "led", "saw", "found", "won", "lost",
    "chose", "rose", "fell", "struck", "threw", "hit", "ran", "sought", "fought", "stood", "drew",
    "broke", "shot", "paid", "hid", "grew", "knew", "thought", "became", "built", "bought", "felt",
    "got", "heard", "meant", "sold", "spent", "taught", "drove", "flew",
];

/// Whether words after a verb open a clause without "that": a subject pronoun and an
/// auxiliary ("it would", "he has", "there is", "they were"), which no object can be.
fn clause_follows(words: &[Word<'_>]) -> bool {
    let [subject, verb, ..] = words else {
        return false;
    };
    let subject = subject.lower();
    (matches!(subject, "there" | "i") || pronoun_of(subject).is_some() && subject != "you")
        && AUXILIARIES.contains(&verb.lower())
}

/// Whether words after a reporting verb are an adverbial rather than what was said: "on
/// Thursday", "in a statement", "Friday afternoon", "late on Friday", "privately".
fn is_adverbial(words: &[Word<'_>]) -> bool {
    words.first().is_some_and(|first| {
        let lower = first.lower();
        opens_adverbial(lower) || lower.ends_with("ly")
    }) && words.len() <= 6
        && words.iter().all(|w| w.lower() != "that")
}

/// Whether words after a reporting verb are adverbials with no clause among them: they open
/// with a preposition of place or time and hold no verb that [`past_or_auxiliary`] knows and
/// no subject pronoun ("at a news conference in Baku on Friday afternoon"; not "in 2020 the
/// economy grew", "on Friday it would …"); or "according to" and its source.
fn only_adverbials(words: &[Word<'_>]) -> bool {
    // ("said according to a transcript reviewed by …": whatever follows names a source.)
    if let [according, to, ..] = words {
        if according.lower() == "according" && to.lower() == "to" {
            return true;
        }
    }
    words
        .first()
        .is_some_and(|first| ADVERBIAL_OPENERS.contains(&first.lower()))
        && !words
            .iter()
            .any(|w| past_or_auxiliary(w) || pronoun_of(w.lower()).is_some())
}

/// Whether a word in lower case opens an adverbial of place or time: "on", "in", "late",
/// "Friday", "December".
fn opens_adverbial(lower: &str) -> bool {
    ADVERBIAL_OPENERS.contains(&lower) || is_calendar_word(lower)
}

/// Where what was said resumes after "A, the group said," in `from..end`: at once ("…, was
/// hit by a missile", "…, and those in the bottom fifth paid 0.8 percent"), or after "adding
/// that" and the like; nowhere when the writer's own clause follows ("…, as they bristled at
/// …", "…, citing …").
fn continuation(doc: &Doc<'_, '_>, from: usize, end: usize) -> Option<usize> {
    let words = &doc.words[doc.words_in(from.min(end), end)];
    let first = words.first()?;
    let lower = first.lower();
    if lower.ends_with("ing") {
        // "adding that …", "noting that …": the speaker goes on.
        let that = words.get(1).filter(|w| w.lower() == "that")?;
        let goes_on = matches!(
            lower,
            "adding" | "saying" | "noting" | "stressing" | "explaining" | "insisting" | "warning"
        );
        return goes_on.then_some(that.span.end);
    }
    let writers = SUBORDINATORS.contains(&lower) || matches!(lower, "after" | "before");
    (!writers).then_some(from)
}

/// Whether text is an opening adverbial rather than a clause ("In Baku", "After the crash in
/// Grozny"): it starts with a preposition or subordinator and no comma ends that adverbial
/// before a clause follows ("In 2024, exports rose 5%" is a clause).
fn opens_with_adverbial(text: &str) -> bool {
    opens_clause(&first_word_lower(text)) && !text.contains(',')
}

/// Whether a word in lower case opens an adverbial phrase or clause before a sentence's
/// subject: a preposition ("In Baku, …") or a subordinator ("As far as …, …").
pub(super) fn opens_clause(lower: &str) -> bool {
    OPENING_PREPOSITIONS.contains(&lower) || SUBORDINATORS.contains(&lower)
}

/// The first word of `text` (up to white space), in lower case; empty if there is none.
pub(super) fn first_word_lower(text: &str) -> String {
    text.split_whitespace()
        .next()
        .map(str::to_lowercase)
        .unwrap_or_default()
}

/// Words that open an adverbial after a reporting verb: "said on Thursday", "said in a
/// statement", "said late on Friday".
const ADVERBIAL_OPENERS: [&str; 22] = [
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "late",
    "early",
    "earlier",
    "later",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "via",
    "through",
    "from",
    "to",
    "with",
    "while",
    "when",
];
