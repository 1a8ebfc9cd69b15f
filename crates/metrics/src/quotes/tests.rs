//! Hand-annotated fixtures: each case is a text and the quotes a careful reader marks in it,
//! as (kind, quote, speaker, cue lemma).

use super::lexicon::Stance;
use super::*;
use slant_corpus::segment::segment;

/// The quotes of one document, resolved as a corpus of one, with each quote's speaker group.
fn resolved(text: &str) -> (DocQuotes, Vec<String>) {
    let mut d = vec![extract(text, &segment(text), Lists::default())];
    let mut groups = resolve_speakers(&mut d, &Gazetteer::bundled());
    (d.remove(0), groups.remove(0))
}

fn run(text: &str) -> Vec<(String, String, String, String)> {
    resolved(text)
        .0
        .quotes
        .into_iter()
        .map(|q| {
            (
                q.kind.name().to_string(),
                q.text.clone(),
                q.speaker.clone(),
                q.cue.map(|c| c.cue.lemma).unwrap_or_default(),
            )
        })
        .collect()
}

/// Each quote's kind, text and speaker.
fn kinds_quotes_speakers(text: &str) -> Vec<(String, String, String)> {
    run(text).into_iter().map(|q| (q.0, q.1, q.2)).collect()
}

/// Each quote's speaker and role, as extracted (before resolution across documents).
fn speakers_and_roles(d: &DocQuotes) -> Vec<(&str, &str)> {
    d.quotes
        .iter()
        .map(|q| (q.speaker.as_str(), q.role.as_str()))
        .collect()
}

/// Each quote's speaker.
fn speakers_of(text: &str) -> Vec<String> {
    run(text).into_iter().map(|q| q.2).collect()
}

/// Asserts each quote's kind, speaker and cue lemma.
fn assert_kinds_speakers_cues(text: &str, want: &[(&str, &str, &str)]) {
    let got = run(text);
    let got: Vec<(&str, &str, &str)> = got
        .iter()
        .map(|q| (q.0.as_str(), q.2.as_str(), q.3.as_str()))
        .collect();
    assert_eq!(got, want, "{text}");
}

fn t(kind: &str, quote: &str, speaker: &str, cue: &str) -> (String, String, String, String) {
    (kind.into(), quote.into(), speaker.into(), cue.into())
}

#[test]
fn wire_style() {
    let text = "MOSCOW (Reuters) - Russian President Vladimir Putin said on Saturday that Moscow would pay compensation.\n\
“We will do everything that is required,” Putin told reporters. “A legal assessment will be given.”\n\
“It was a tragic accident,” said Dmitry Peskov, the Kremlin spokesman.\n\
He added: “The investigation continues.”";
    assert_eq!(
        run(text),
        [
            t(
                "indirect",
                "Moscow would pay compensation",
                "Vladimir Putin",
                "say"
            ),
            t(
                "direct",
                "We will do everything that is required, … A legal assessment will be given.",
                "Vladimir Putin",
                "tell"
            ),
            t(
                "direct",
                "It was a tragic accident,",
                "Dmitry Peskov",
                "say"
            ),
            t(
                "direct",
                "The investigation continues.",
                "Dmitry Peskov",
                "add"
            ),
        ]
    );
}

#[test]
fn opinion_style() {
    let text = "As Farhad Mammadov, head of the South Caucasus Research Center, noted on his channel, “the anniversary of the tragedy is approaching and the work is unfinished.”\n\
Moscow keeps talking about “compensation” while the so-called “Russia House” stays open.\n\
A similar sentiment was expressed by Konstantin Zatulin, a deputy of the State Duma. “Azerbaijan is using any pretext to demonstrate its new stance toward Russia,” Zatulin remarked.";
    assert_eq!(
        run(text),
        [
            t(
                "direct",
                "the anniversary of the tragedy is approaching and the work is unfinished.",
                "Farhad Mammadov",
                "note"
            ),
            t("scare", "compensation", "", ""),
            t("scare", "Russia House", "", ""),
            t(
                "direct",
                "Azerbaijan is using any pretext to demonstrate its new stance toward Russia,",
                "Konstantin Zatulin",
                "remark"
            ),
        ]
    );
}

#[test]
fn colon_introduction_and_multi_paragraph_quote() {
    let text = "Pollster Pat Caddell spoke on Thursday.\n\
Caddell continued:\n\
“The health issue is very much a partisan issue.\n\
“Rasmussen has a similar question with similar numbers.”\n\
The show airs weekdays.";
    assert_eq!(
        run(text),
        [t(
            "direct",
            "The health issue is very much a partisan issue. … Rasmussen has a similar question with similar numbers.",
            "Pat Caddell",
            "continue"
        )]
    );
}

#[test]
fn according_to_and_dash_lines() {
    let text = "“The talks will resume next week in Baku,” according to Jeyhun Bayramov.\n\
“Russia attacked Azerbaijan because of this” – Matthew Bryza reveals key details";
    let got = run(text);
    assert_eq!(
        got[0],
        t(
            "direct",
            "The talks will resume next week in Baku,",
            "Jeyhun Bayramov",
            "according to"
        )
    );
    assert_eq!(got[1].2, "Matthew Bryza");
}

#[test]
fn an_unclosed_mark_does_not_swallow_the_next_paragraph() {
    let text = "She said “this was never closed, she added.\nThe next paragraph has nothing quoted at all.";
    let got = run(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "this was never closed, she added.");
}

#[test]
fn pronouns_take_the_last_named_speaker() {
    let text = "“We are ready to talk,” said Nikol Pashinyan. “Nothing has changed,” he said.";
    let got = run(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].2, "Nikol Pashinyan");
}

#[test]
fn stance_of_the_cue() {
    let text = "“The missile came from Russia,” Hikmet Hajiyev claimed in an interview.";
    let d = extract(text, &segment(text), Lists::default());
    assert_eq!(
        d.quotes[0].cue.as_ref().map(|c| c.cue.stance),
        Some(Stance::Distancing)
    );
}

#[test]
fn she_and_he_take_the_speaker_of_their_gender() {
    let text = "“We will win this race,” said Hillary Clinton. “There is no chance of that,” Donald Trump replied. “We will see about that,” she said.";
    let got = run(text);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[2].2, "Hillary Clinton");
}

/// A noun form right after a reporting verb is its object, not a second cue: "told state
/// television" is a telling. After a name it is the verb: "The Post reports".
#[test]
fn a_cue_noun_after_a_reporting_verb_is_its_object() {
    let got = run("Azerbaijani President Ilham Aliyev told state television: “The plane was shot at from the ground.”");
    assert_eq!(
        got,
        [t(
            "direct",
            "The plane was shot at from the ground.",
            "Ilham Aliyev",
            "tell"
        )]
    );
    let got =
        run("The Baku Post reports that the crew “did everything they could to land the plane.”");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].2.as_str(), got[0].3.as_str()),
        ("Baku Post", "report"),
        "{got:?}"
    );
}

/// After a determiner, a participle's subject is the noun its capitals describe, not the
/// capitals: "the Russian defence ministry responded, saying …" is the ministry's.
#[test]
fn a_participles_subject_after_a_determiner_is_the_noun() {
    let cases = [
        ("“We will win this,” the Texas businessman said, arguing that he would bring a “common-sense approach” to the job.", "the Texas businessman"),
        ("The Russian defence ministry responded on Friday, saying the claims were “entirely baseless and provocative.”", "The Russian defence ministry"),
        // A plural before a verb is the noun; a verb in "-s" is not.
        ("The Azerbaijani authorities responded on Friday, saying the claims were “entirely baseless and provocative.”", "The Azerbaijani authorities"),
        ("The Kremlin says it will respond, saying the claims were “entirely baseless and provocative.”", "Kremlin"),
    ];
    for (text, speaker) in cases {
        let got = run(text);
        let last = got.last().map(|q| q.2.as_str());
        assert_eq!(last, Some(speaker), "{got:?}");
    }
}

/// A cue's noun form is a noun after "a" and a name, and after an owner and an adjective:
/// "a Vladimir Putin tweet", "Aliyev’s repeated claims" report nothing of their own.
#[test]
fn a_cue_noun_after_a_name_or_an_owned_adjective_is_a_noun() {
    let got = run("Aliyev is describing as “absurd” a Vladimir Putin tweet blaming the weather.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].3, "describe", "{got:?}");
    let got =
        run("Moscow rejected as “rude and hostile” Aliyev’s repeated claims about the crash.");
    assert!(got.iter().all(|q| q.3 != "claim"), "{got:?}");
    // A noun before the verb is its subject, after an owner too; so is a name after "the".
    let got =
        run("His lawyer claims that the airliner was hit by “a Russian air-defence missile.”");
    assert_eq!(got[0].3, "claim", "{got:?}");
    let got = run("In Moscow, the Kremlin claims that the airliner was hit by “a flock of birds over Grozny.”");
    assert_eq!(got[0].3, "claim", "{got:?}");
}

/// A participle's subject never opens with a preposition: after a quotation, "to Ukraine and
/// replacing it with language calling for …" has no speaker in it.
#[test]
fn a_participles_subject_is_no_prepositional_phrase() {
    let got = run("The envoy struck out a call for “immediate compensation” to Azerbaijan and replaced it with language calling for “appropriate assistance.”");
    assert!(got.iter().all(|q| q.2 != "Azerbaijan"), "{got:?}");
}

/// A plural after a preposition and a nationality or party is a noun, not a cue: "half of
/// Russian claims" reports nothing, while "the Kremlin claims" and "officials in Moscow say"
/// do.
#[test]
fn a_plural_after_a_nationality_is_a_noun() {
    let got =
        run("The agency rated 40% of Russian claims as “plainly untrue” in its review last year.");
    assert!(
        got.iter().all(|q| q.3 != "claim"),
        "a noun read as a cue: {got:?}"
    );
    let got = run(
        "The Kremlin claims that the airliner was brought down by “a flock of birds over Grozny.”",
    );
    assert_eq!(got[0].3, "claim", "{got:?}");
    for text in [
        "Officials in Moscow say the airliner was brought down by “a flock of birds over Grozny.”",
        // (A city may have the shape of a nationality: "says" is never the noun, nor is a
        // form without "s".)
        "The prosecutor in Munich says the airliner was brought down by “a Russian air-defence missile.”",
        "Investigators in Munich claim that the airliner was brought down by “a Russian air-defence missile.”",
        "The ambassador of Pakistan claims that the airliner was hit by “a Russian air-defence missile.”",
    ] {
        let got = run(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(["say", "claim"].contains(&got[0].3.as_str()), "{got:?}");
    }
}

/// "He" and "she" stand for one person: not for "Officials", "The statement" or a ministry
/// quoted before them. "They" is left as written: it may stand for any of them, or for people
/// never quoted.
#[test]
fn she_and_he_do_not_take_a_group_or_a_document() {
    let text = "“We will respond,” said Anna Petrova.\n\nOfficials described the strike as “an act of aggression by a neighbouring state”.\n\nThe statement said: “The aircraft was hit by external objects.”\n\n“It is a tragedy,” she said.\n\n“We will not rest,” they said.";
    let got = run(text);
    let speakers: Vec<&str> = got.iter().map(|q| q.2.as_str()).collect();
    assert_eq!(
        speakers,
        [
            "Anna Petrova",
            "Officials",
            "The statement",
            "Anna Petrova",
            ""
        ],
        "{got:?}"
    );
}

#[test]
fn word_count_counts_runs_of_letters_digits_and_apostrophes() {
    let cases = [
        ("", 0),
        ("  ,, ", 0),
        ("one", 1),
        ("don’t stop", 2),
        ("it's 2024-12-25, ok?", 5),
        ("Çağrı — Ильхам «Алиев»", 3),
        ("a.b.c", 3),
        ("'quoted'", 1),
    ];
    for (text, want) in cases {
        assert_eq!(word_count_upto(text, usize::MAX), want, "{text:?}");
    }
}

#[test]
fn lower_case_lookup_answers_as_a_set_of_the_words_would() {
    // Enough questions that the lookup scans, then builds its set.
    let text = "Another day, another plane. Perhaps the Kremlin said perhaps. Ilham Aliyev spoke. \
                Moscow denied it. Crash Investigators said the crash was an accident. Ελλάδα ελλάδα.";
    let seg = slant_corpus::segment::segment(text);
    let mut arena = String::new();
    let words = words_of(text, &seg, &mut arena);
    let lower = LowerCase::new(&words);
    let written: std::collections::HashSet<&str> = words
        .iter()
        .map(|w| w.text)
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    let mut asked = 0;
    for _ in 0..2 {
        for w in &words {
            for q in [w.lower(), w.text, "absent", "aliyev"] {
                assert_eq!(lower.contains(&words, q), written.contains(q), "{q}");
                asked += 1;
            }
        }
    }
    assert!(asked > SCANS_BEFORE_SET as usize * 4);
    assert!(lower.contains(&words, "another") && lower.contains(&words, "ελλάδα"));
    assert!(!lower.contains(&words, "moscow") && !lower.contains(&words, "kremlin"));
}

#[test]
fn the_speaker_ends_before_the_sentences_full_stop_but_keeps_an_abbreviations_own() {
    let text = "“The runway was closed for hours,” said Maria Johnson, a government spokesman.\n\n\
“We were not told,” said Martin Luther King Jr.\n\n\
“The talks will go on,” said an official of the U.S.";
    let d = extract(text, &segment(text), Lists::default());
    let got: Vec<(&str, &str, &str)> = d
        .quotes
        .iter()
        .map(|q| (q.speaker.as_str(), q.speaker_text.as_str(), q.role.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Maria Johnson",
                "Maria Johnson, a government spokesman",
                "a government spokesman"
            ),
            ("Martin Luther King Jr", "Martin Luther King Jr.", ""),
            ("an official of the U.S.", "an official of the U.S.", ""),
        ]
    );
}

/// Each document's speakers, resolved across the corpus of `texts`.
fn corpus_speakers(texts: &[&str]) -> Vec<Vec<String>> {
    let mut docs: Vec<DocQuotes> = texts
        .iter()
        .map(|t| extract(t, &segment(t), Lists::default()))
        .collect();
    resolve_speakers(&mut docs, &Gazetteer::bundled());
    docs.iter()
        .map(|d| d.quotes.iter().map(|q| q.speaker.clone()).collect())
        .collect()
}

#[test]
fn a_bare_surname_takes_a_full_name_its_title_fits() {
    // "Mr. Obama" is not Michelle Obama, in its document or in the corpus; "Ms. Obama" is.
    let speakers = corpus_speakers(&[
        "Michelle Obama spoke first. “We will win this time around,” Mr. Obama said.",
        "“We can do it,” Michelle Obama said.",
        "“Vote early this year,” Ms. Obama said.\n\n“Vote for us,” Mr. Obama said.",
    ]);
    assert_eq!(
        speakers,
        [
            vec!["Obama"],
            vec!["Michelle Obama"],
            vec!["Michelle Obama", "Obama"]
        ]
    );
    // With Barack Obama named too, "Mr. Obama" is he: the one whose given name is a man's,
    // beside a headline's capitalised run.
    let speakers = corpus_speakers(&[
        "Gold Star Mom Corners Obama. “We can do it,” Michelle Obama said.",
        "“We will see,” Barack Obama said.",
        "“Vote for us,” Mr. Obama said.",
    ]);
    assert_eq!(speakers[2], ["Barack Obama"]);
}

/// "He" and "she" give a bare surname its gender as a title does, and the document's other
/// quotes of that surname share it.
#[test]
fn a_bare_surname_takes_the_gender_of_its_pronoun() {
    let speakers = corpus_speakers(&[
        "“We can do it,” Michelle Obama said.",
        "“We will see,” Barack Obama said.",
        "President Obama spoke in Ohio. “Vote for us,” he said.\n\n“We will win this time,” Obama told the crowd.",
    ]);
    assert_eq!(speakers[2], ["Barack Obama", "Barack Obama"]);
    // Where the document's quotes disagree, only each quote's own word counts.
    let speakers = corpus_speakers(&[
        "“We can do it,” Michelle Obama said.",
        "“We will see,” Barack Obama said.",
        "“Vote early this year,” Ms. Obama said.\n\n“Vote for us,” Mr. Obama said.\n\n“We will win this time,” Obama told the crowd.",
    ]);
    assert_eq!(speakers[2], ["Michelle Obama", "Barack Obama", "Obama"]);
}

#[test]
fn a_bare_surname_is_resolved_only_to_a_name_not_to_a_description() {
    // The first document quotes "a spokesman for Cortel" (a description, not a name); the
    // second quotes plain "Cortel", which no full name in the corpus explains.
    let speakers = corpus_speakers(&[
        "“The flight was delayed,” said a spokesman for airline cortel.",
        "“Nothing was hidden,” Cortel said.\n\n“We will publish it,” said Anna Petrova.",
    ]);
    assert_eq!(
        speakers,
        [
            vec!["a spokesman for airline cortel"],
            vec!["Cortel", "Anna Petrova"]
        ]
    );
}

#[test]
fn he_and_she_in_reported_speech_take_the_subject_they_continue() {
    // The subject of the sentence before, not the latest name in it.
    let text = "Fowler said he expects Clinton to recover. Though that change was seamless, he said, replacing Clinton would help loyalists to Joe Biden. He said that the party should be prepared for it.";
    let got = run(text);
    assert_eq!(
        got.iter().map(|q| q.2.as_str()).collect::<Vec<_>>(),
        ["Fowler", "Fowler", "Fowler"]
    );
    // A title after "the" stands for its holder; a name of the other gender is passed over.
    let text = "President Barack Obama met Angela Merkel. The president's Pacific roots came into play. In Honolulu, he told Pacific leaders that few people understood the stakes better.";
    let got = run(text);
    assert_eq!(got.last().unwrap().2, "Barack Obama");
    // Names inside quotation marks are someone's words; with no one to take up, no one.
    let text =
        "“Joe Biden has it,” she said of the race. She said that the party should be prepared.";
    let got = run(text);
    assert_eq!(got.last().unwrap().2, "");
}

/// A long document of many quotations and speakers gives each part the quotes it gives alone.
#[test]
fn a_long_document_is_read_as_its_parts_are() {
    let part = "“We will not accept this,” said Hillary Clinton. “There is no chance,” Donald Trump replied.\n\
“We will see about that,” she said.\nOfficials called it a “provocation”.\n";
    let alone = run(part);
    assert_eq!(alone.len(), 4, "{alone:?}");
    let long = part.repeat(500);
    let got = run(&long);
    assert_eq!(got.len(), 500 * alone.len());
    for (i, chunk) in got.chunks(alone.len()).enumerate() {
        assert_eq!(chunk, &alone[..], "part {i}");
    }
}

/// Quoted words inside a later sentence that other words open belong to that sentence: here a
/// label after a naming verb, its subject's word, not more of the speech before it.
#[test]
fn a_label_in_the_next_sentence_does_not_continue_the_quote_before() {
    let text = "“We will see about that,” she said. Officials called it a “provocation”.";
    assert_eq!(
        run(text),
        [
            t("direct", "We will see about that,", "", "say"),
            t("direct", "provocation", "Officials", "call"),
        ]
    );
    // A quotation that opens the next sentence still continues the speech.
    let text = "“We will see about that,” said Hillary Clinton. “Nothing has changed.”";
    assert_eq!(
        run(text),
        [t(
            "direct",
            "We will see about that, … Nothing has changed.",
            "Hillary Clinton",
            "say"
        )]
    );
}

/// A place, party or name that modifies the noun of a described speaker is not the speaker:
/// the description is.
#[test]
fn a_name_modifying_a_described_speaker_is_not_the_speaker() {
    for (text, speaker) in [
        (
            "“We need change,” the New York businessman said.",
            "the New York businessman",
        ),
        (
            "“It is over,” the Democratic nominee said.",
            "the Democratic nominee",
        ),
        (
            "“It is over,” the former Florida governor said.",
            "the former Florida governor",
        ),
        // A name that heads its phrase still is one, an adverb after it or not.
        (
            "“It is over,” the former governor Jeb Bush later said.",
            "Jeb Bush",
        ),
        (
            "“It is over,” his campaign manager Robby Mook said.",
            "Robby Mook",
        ),
    ] {
        let got = run(text);
        assert_eq!(got[0].2, speaker, "{text}: {got:?}");
    }
}

/// A quotation that opens the next sentence continues the speech only when it is the whole
/// sentence: one that the sentence goes on from in other words is a fragment of its own.
#[test]
fn a_fragment_opening_the_next_sentence_does_not_continue_the_quote_before() {
    let text = "“This is not fair,” said Hillary Clinton. “You pushed the staff too far” to lift the share price, she added.";
    let got = run(text);
    assert_eq!(
        got[0],
        t("direct", "This is not fair,", "Hillary Clinton", "say")
    );
    assert_eq!(got[1].1, "You pushed the staff too far", "{got:?}");
    assert_eq!(got.len(), 2, "{got:?}");
}

/// A quotation that closes its sentence is not attributed to the verb of the next sentence
/// when that verb leads to a quotation of its own.
#[test]
fn the_next_sentences_verb_introduces_its_own_quotation() {
    let text = "Mayor Jennifer Roberts said the video should be released but said \"the question is the timing.\" Gov. Pat McCrory said it would be \"improper\" for him to speak on it.";
    let got = run(text);
    assert_eq!(got[0].1, "the question is the timing.");
    assert_eq!(got[0].2, "Jennifer Roberts", "{got:?}");
}

/// A described speaker after an adverbial clause is the speaker, not an apposition to skip.
#[test]
fn a_described_speaker_after_an_adverbial_clause() {
    let text = "As a phone rang, the announcer said, “It is three in the morning and your children are asleep.”";
    let got = run(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, "the announcer");
    // An apposition before the verb is still passed over for the name further back.
    let text = "Scott Pruitt, the attorney general, said, “We will appeal the ruling next week.”";
    assert_eq!(run(text)[0].2, "Scott Pruitt");
}

/// A participle's subject is found after an opening adverbial phrase.
#[test]
fn a_participles_subject_after_an_opening_adverbial() {
    let text = "During a speech earlier in the day, Donald Trump attacked Hillary Clinton for her record, saying, “She's trigger-happy and very unstable.”";
    let got = run(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, "Donald Trump");
}

/// A possessive in an apposition owns the noun after it: the participle's subject is the name
/// before it.
#[test]
fn a_participles_subject_is_not_a_possessive_in_its_apposition() {
    for text in [
        "Attorney General Roy Cooper, McCrory's opponent, called Friday for releasing the police videos, saying that transparency “breaks down barriers and brings progress.”",
        "Attorney General Roy Cooper (D), McCrory's opponent in the upcoming gubernatorial election, called Friday for releasing the police videos, as well, saying that transparency “breaks down barriers and brings progress.”",
    ] {
        let got = run(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "Roy Cooper");
    }
    // Not in an apposition, it leads to the name of the one it owns.
    let text = "Hillary Clinton’s campaign manager Robby Mook said as much in an interview earlier Thursday morning, arguing that Trump “lashed out at our nation's generals when he was asked for details.”";
    let got = run(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, "Robby Mook");
}

/// A title in lower case between a capitalised adjective and a name leads a participle's
/// subject on to the name: the adjective ("Democratic", "Azerbaijani") is no speaker.
#[test]
fn a_participles_subject_runs_through_a_title_to_the_name() {
    for text in [
        "Azerbaijani presidential aide Hikmet Hajiyev spoke to reporters on Friday, saying that the crew had done “everything they could to land the plane.”",
        "Former foreign minister Elmar Mammadyarov wrote on Facebook, saying the investigation must finish “without any more delay.”",
    ] {
        let got = run(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            ["Hikmet Hajiyev", "Elmar Mammadyarov"].contains(&got[0].2.as_str()),
            "{got:?}"
        );
    }
    // A verb between the capitals and the next name ends the subject there.
    let got = run("Aliyev tells aide Ramiz Mehdiyev to wait, saying that Moscow must “admit its guilt first.”");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].2.ends_with("Aliyev"), "{got:?}");
}

/// A verb after "and" in a clause that opens with no subject shares the sentence's subject,
/// not the last name before it.
#[test]
fn a_second_verb_shares_the_sentences_subject() {
    let text = "Clinton, the former secretary of State, stressed her support of the 2011 raid during a \"Commander-in-Chief Forum\" sponsored by NBC News and said she has the essential quality for the job of president: \"Steadiness -- an absolute rock steadiness, and mixed with strength.\"";
    let got = run(text);
    assert_eq!(got.len(), 2, "{got:?}");
    // The forum's name is a title, not words NBC News said.
    assert_eq!(got[0], t("scare", "Commander-in-Chief Forum", "", ""));
    assert_eq!(got[1].2, "Clinton");
    // Two subjects joined by "and" are no second verb.
    let text = "Trump and Clinton both said the forum was “a fair and useful exchange of views on the military.”";
    assert_ne!(run(text)[0].2, "");
}

/// Words that open a sentence without naming anyone ("Following", "In August") are no
/// speaker; the name after the adverbial they open is.
#[test]
fn sentence_openers_are_not_speakers() {
    let text = "Following a swiftly called, late-afternoon meeting, the Security Council issued a statement calling the test “a clear violation of five previous resolutions.”";
    let got = run(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, "Security Council");
    let text = "In August, several environmental groups granted an extension, saying his “start-up capital was less than expected.”";
    let got = run(text);
    assert_ne!(got[0].2, "In August", "{got:?}");
}

/// A quotation whose mark stands outside every sentence (here on a line of its own) is read
/// without slicing backwards. (A property test found this text.)
#[test]
fn a_mark_outside_every_sentence() {
    let text = "\" ' \n « \n « b";
    assert_eq!(
        run(text),
        [t("scare", "'", "", ""), t("scare", "b", "", "")]
    );
}

#[test]
fn a_comma_ends_a_name_however_short_the_word_before_it() {
    let text = "But soon after Election Day, Mr. Obama said: “We have work to do on the climate.”";
    assert_eq!(
        run(text),
        [t(
            "direct",
            "We have work to do on the climate.",
            "Obama",
            "say"
        )]
    );
}

#[test]
fn a_cue_word_that_is_a_noun_there_is_no_cue() {
    // Part of a name, a headline's capital, a possessive, an owned noun and a determined one:
    // the quoted words have no cue and no speaker.
    for text in [
        "Veterans fear the United States military is “depleted” and weak.",
        "Obama Says African-American Museum Will Tell “Suffering and Delight” of a People",
        "Veterans fear that the United States’ military is “depleted” by years of cuts.",
        "In Trump’s tweets “the system is rigged against him” every day.",
        "The former secretary of state “will not be at the debate tonight” either.",
        "Critics read his early-morning tweets “as lies and conspiracy theories” at once.",
    ] {
        let got = run(text);
        assert!(
            !got.is_empty() && got.iter().all(|q| q.2.is_empty() && q.3.is_empty()),
            "{text}: {got:?}"
        );
    }
    // The verb itself still is one, after a possessive that is a contraction ("he’s"), and
    // at the start of a sentence.
    assert_eq!(
        run("“We will win the state,” he’s claimed for weeks."),
        [t("direct", "We will win the state,", "", "claim")]
    );
    assert_eq!(
        run("Said Ellis: “We will not give up on this town.”"),
        [t(
            "direct",
            "We will not give up on this town.",
            "Ellis",
            "say"
        )]
    );
}

#[test]
fn a_name_in_an_opening_adverbial_is_not_the_subject() {
    let text = "At a forum with military leaders in Virginia on Monday, one questioner claimed that the military had become “a laboratory for the forces of political correctness”.";
    let got = run(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, "one questioner");
    // A name next to the verb is still the subject after an opening adverbial.
    let text = "In a tweet on Friday, Trump said the report was “a total disgrace to the country”.";
    assert_eq!(run(text)[0].2, "Trump");
    // A list in the adverbial is its object, up to its last item.
    let text = "In its coverage of the ties between the CIA, UC Global, and Adelson's Sands, the New York Times claimed it was “unclear who was behind it.”";
    assert_eq!(speakers_of(text), ["New York Times"]);
    let text = "In talks with Baku, Ankara or Tbilisi, the minister said it was “a new start.”";
    assert_eq!(speakers_of(text), ["the minister"]);
    // A list that is the subject is not the adverbial's: Brown and Menendez spoke.
    let text = "At the hearing, Sherrod Brown, Jeff Merkley, and Robert Menendez said it was “a disgrace.”";
    assert_eq!(speakers_of(text), ["Robert Menendez"]);
}

#[test]
fn a_headline_is_no_full_name_for_a_bare_surname() {
    // The first document holds a headline in capitals ending in "Petrova"; the second quotes
    // a bare "Petrova", which no name of five words or fewer explains.
    let speakers = corpus_speakers(&[
        "Read next: Kremlin Spokesman Says Talks With Baku Will Resume Soon Despite Petrova\n\n“The flight was delayed,” said Ivan Sokolov.",
        "“Nothing was hidden,” Petrova said.",
    ]);
    assert_eq!(speakers[1], ["Petrova"]);
}

#[test]
fn a_clause_next_to_the_verb_holds_its_subject() {
    // "Florida" is in the clause before the comma; "the state" is the subject of "stated".
    let text = "They cite the 2000 election in Florida, when the state incorrectly stated that about 12,000 registered voters were ex-cons.";
    assert_eq!(
        run(text),
        [t(
            "indirect",
            "about 12,000 registered voters were ex-cons",
            "the state",
            "state"
        )]
    );
    let text = "The issue has taken on new urgency after this week's debate, when the Democratic candidate Hillary Clinton suggested that Donald Trump was hiding his taxes.";
    assert_eq!(
        run(text),
        [t(
            "indirect",
            "Donald Trump was hiding his taxes",
            "Hillary Clinton",
            "suggest"
        )]
    );
}

#[test]
fn a_cue_that_needs_that_is_one_only_before_it() {
    let text = "The New York Post reports that the campaign avoided the hospital to “keep the details of her medical treatment under wraps.”";
    let got = run(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].2.as_str(), got[0].3.as_str()),
        ("New York Post", "report")
    );
    // A noun: the verb is "said", and "News reports" names no one.
    let got = run("News reports said the plan was “a disaster for the whole country”.");
    assert!(got.iter().all(|q| q.3 != "report"), "{got:?}");
    // A colon after it does as "that" does.
    let got = run("The New York Times reports:\n\n“Just 24 percent of the contributors to her campaign have given $200 or less.”");
    assert_eq!(
        (got[0].2.as_str(), got[0].3.as_str()),
        ("New York Times", "report")
    );
}

#[test]
fn a_clause_a_pronoun_opens_is_no_described_speaker() {
    let text =
        "It’s denouncing what it calls “the single-biggest coordinated media attack in history”.";
    let got = run(text);
    assert!(
        !got.is_empty() && got.iter().all(|q| q.2.is_empty()),
        "{got:?}"
    );
}

#[test]
fn reported_speech_with_the_attribution_after_it() {
    let got = run("Russia's air defences were active at the time, the Kremlin said on Thursday.");
    assert_eq!(
        got,
        [t(
            "indirect",
            "Russia's air defences were active at the time",
            "Kremlin",
            "say"
        )]
    );
    let got =
        run("The plane was hit by shrapnel from a Pantsir missile, four sources told Reuters.");
    assert_eq!(
        got,
        [t(
            "indirect",
            "The plane was hit by shrapnel from a Pantsir missile",
            "four sources",
            "tell"
        )]
    );
    // An apposition between the speaker and the verb, and the inverted order.
    let got = run("The crash was caused by external interference, Farhad Mammadov, a political analyst, said.");
    assert_eq!(got[0].1, "The crash was caused by external interference");
    assert_eq!(got[0].2, "Farhad Mammadov");
    let got = run("Russia must pay compensation to the families, said Konstantin Zatulin, a deputy of the State Duma.");
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_str()),
        (
            "Russia must pay compensation to the families",
            "Konstantin Zatulin"
        )
    );
    let got = run("The plane was hit by a surface-to-air missile, according to the ministry.");
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_str()),
        (
            "The plane was hit by a surface-to-air missile",
            "the ministry"
        )
    );
    // The attribution inside what was said: both halves are the quote.
    let got = run(
        "Compensation will be paid to every family, the airline said, once the investigation ends.",
    );
    assert_eq!(
        got[0].1,
        "Compensation will be paid to every family … once the investigation ends"
    );
}

#[test]
fn an_opening_adverbial_is_not_what_was_said() {
    // What Aliyev said follows the verb; "After the crash in Grozny" only sets the time.
    let got = run("After the crash in Grozny last year, Aliyev said Russia must admit its guilt.");
    assert_eq!(
        got,
        [t(
            "indirect",
            "Russia must admit its guilt",
            "Ilham Aliyev",
            "say"
        )]
    );
}

#[test]
fn adverbials_to_the_sentences_end_are_not_what_was_said() {
    // Where and when the minister spoke, with no clause reported: no quote.
    assert_eq!(
        run("The minister said at a news conference in Baku on Friday afternoon."),
        []
    );
    // A clause after the adverbial is what was said.
    let got = run("The minister said on Friday the economy grew by five percent.");
    assert_eq!(got[0].1, "on Friday the economy grew by five percent");
    let got = run("The minister said in a speech on Friday it would take years.");
    assert_eq!(got[0].1, "in a speech on Friday it would take years");
    // After what was said, they close the attribution, however long.
    let got =
        run("Peace will never die, the singer said at the show on Friday night in front of fans.");
    assert_eq!(
        got,
        [t("indirect", "Peace will never die", "the singer", "say")]
    );
    // "Reported on" takes an object: the topic, not an adverbial.
    assert_eq!(
        run(
            "In November 2002, the LA Times reported on Nagel's role in creating the Los Angeles \
             Electronic Crimes Task Force, a massive federal operation that occupied an entire \
             floor of a downtown LA skyscraper."
        ),
        []
    );
}

#[test]
fn plural_present_tense_reports_speech_but_a_modal_does_not() {
    let got = run("Many lawmakers say there are also national security concerns.");
    assert_eq!(got[0].1, "there are also national security concerns");
    assert_eq!(got[0].2, "Many lawmakers");
    assert_eq!(
        run("Officials will say the plane was hit by a missile."),
        []
    );
    assert_eq!(
        run("Officials didn't say the plane was hit by a missile."),
        []
    );
    // Counted, the form is a noun: "18 states" say nothing.
    assert_eq!(
        run("During the arguments, 18 states led by West Virginia will face off against the agency."),
        []
    );
}

#[test]
fn a_body_keeps_the_country_its_name_gives() {
    let got =
        run("The Russian Foreign Ministry said that the talks with Baku would continue next week.");
    assert_eq!(got[0].2, "Russian Foreign Ministry");
    let got = run("The Kazakh Transport Ministry said that the recorders would be sent to Brazil.");
    assert_eq!(got[0].2, "Kazakh Transport Ministry");
    // A person's titles are still set aside.
    let got = run("Russian President Vladimir Putin said that the plane had been hit near Grozny.");
    assert_eq!(got[0].2, "Vladimir Putin");
}

#[test]
fn a_title_alone_stands_for_the_person_last_named_with_it() {
    let text = "President Ilham Aliyev met students in Baku on Monday.\n\n\
In response to one of the questions, the President said that Azerbaijan plans to sue Russia in an international court.";
    let mut d = vec![extract(text, &segment(text), Lists::default())];
    resolve_speakers(&mut d, &Gazetteer::bundled());
    let q = &d[0].quotes[0];
    assert_eq!(q.speaker, "Ilham Aliyev");
    assert_eq!(q.speaker_text, "the President");
    assert_eq!(q.role, "President");
    // With no one named with the title before it, the title is the speaker as written.
    let got =
        run("The President said that Azerbaijan plans to sue Russia in an international court.");
    assert_eq!(got[0].2, "President");
}

#[test]
fn an_idea_is_no_speaker_of_reported_speech() {
    assert_eq!(
        run("Another perspective argues that Aliyev now sees Moscow as expendable."),
        []
    );
    let got = run("Some analysts suggest that Baku is acting under Turkey's influence.");
    assert_eq!(got[0].2, "Some analysts");
    // Nor is a transaction.
    assert_eq!(
        run("AZAL bought a majority stake in the regional carrier's fleet, a deal announced at the start of the year."),
        []
    );
}

#[test]
fn a_place_in_a_described_speaker_is_not_the_speaker() {
    let got = run("Officials in Moscow said that the recorders would be sent to the Interstate Aviation Committee.");
    assert_eq!(got[0].2, "Officials in Moscow");
    let got = run("Developers and supporters in Congress say the program has brought billions of dollars to poor areas.");
    assert_eq!(got[0].2, "Developers and supporters in Congress");
    // (So is a place joined to that place by "and".)
    let got = run(
        "Prosecutors in San Francisco and Los Angeles say Uber has been lying to its customers.",
    );
    assert_eq!(got[0].2, "Prosecutors in San Francisco and Los Angeles");
    // A quantity opening the sentence names no one.
    let got = run("Nearly eight of 10 voters say they plan to watch the debate on Monday.");
    assert!(got.iter().all(|q| q.2 != "Nearly"), "{got:?}");
}

#[test]
fn a_scare_quoted_term_leaves_out_the_sentence_punctuation_inside_the_marks() {
    let got = run("Moscow offered “compensation,” not an apology, and spoke of the “U.S.” and a “bird strike.”");
    let terms: Vec<&str> = got.iter().map(|q| q.1.as_str()).collect();
    assert_eq!(terms, ["compensation", "U.S.", "bird strike"]);
}

#[test]
fn a_verb_in_a_relative_clause_reports_nothing() {
    assert_eq!(
        run("The gap between what Trump says his tax plan would do and what it would do began a year ago."),
        []
    );
    // The critics report it; the Kremlin's "says" is inside what they say.
    assert_eq!(
        run("Everything the Kremlin says about the crash is a lie, critics argue."),
        [t(
            "indirect",
            "Everything the Kremlin says about the crash is a lie",
            "critics",
            "argue"
        )]
    );
    assert_eq!(
        run("Everything the Kremlin says about the crash is a lie."),
        []
    );
}

#[test]
fn an_auxiliary_or_adverb_before_the_verb_is_not_the_speaker_but_a_noun_in_ly_is() {
    let got = run("The family has said that the videos must be released to the public.");
    assert_eq!(got[0].2, "The family");
    let got = run("Officials previously said that the plane had been hit by a bird.");
    assert_eq!(got[0].2, "Officials");
    let got =
        run("McAuliffe has said that about 20 people have indicated an interest in the seat.");
    assert_eq!(got[0].2, "McAuliffe");
}

#[test]
fn a_bare_plural_after_an_opening_clause_is_the_speaker() {
    let got = run("Though he has heralded plans to tax the rich, experts say the sting of those changes would be swamped by other cuts.");
    assert_eq!(
        got,
        [t(
            "indirect",
            "the sting of those changes would be swamped by other cuts",
            "experts",
            "say"
        )]
    );
    // A naming verb before the reporting one does not stop the search.
    let got = run("Moscow, which called the report a provocation, said that the plane had been hit by a bird.");
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_str()),
        ("the plane had been hit by a bird", "Moscow")
    );
}

#[test]
fn a_bare_plural_with_modifiers_is_a_described_speaker() {
    // Modifiers and no determiner, and a head before a preposition.
    let got = run("Baku's airspace was open at the time, top Azerbaijani lawmakers said Friday.");
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_str()),
        (
            "Baku's airspace was open at the time",
            "top Azerbaijani lawmakers"
        )
    );
    let got = run("The relatives saw the footage on Thursday, attorneys for the family said.");
    assert_eq!(got[0].2, "attorneys for the family");
    // A bare "state" before a plural is no verb: the verb is "said".
    let got = run("State officials said the two raised $350 million through the program.");
    assert_eq!(
        got,
        [t(
            "indirect",
            "the two raised $350 million through the program",
            "State officials",
            "say"
        )]
    );
    let got = run("Federal and state officials said the two raised money through the program.");
    assert_eq!(got[0].2, "Federal and state officials");
    // A name that modifies a plural head is not the speaker; a body's papers are the body's.
    let got = run("Kremlin officials said the report was a provocation by Baku.");
    assert_eq!(got[0].2, "Kremlin officials");
    let got = run("According to ICAO rules, a final report must be released within a year.");
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_str()),
        ("a final report must be released within a year", "ICAO")
    );
}

#[test]
fn the_writers_clause_after_an_attribution_is_not_what_was_said() {
    // A time after the verb, then the writer's own clause.
    let got = run("The downing was an insult to all Azerbaijanis, top officials said Friday afternoon, as they bristled at the questions.");
    assert_eq!(
        got,
        [t(
            "indirect",
            "The downing was an insult to all Azerbaijanis",
            "top officials",
            "say"
        )]
    );
    // "adding that" goes on with what was said; "and" does too.
    let got = run("The plan would cut taxes for the rich, the ministry said on Monday, adding that the deficit would grow.");
    assert_eq!(
        got[0].1,
        "The plan would cut taxes for the rich … the deficit would grow"
    );
    let got = run("The middle fifth paid 8.9 percent, the agency said in a June report, and the bottom fifth paid 0.8 percent.");
    assert_eq!(
        got[0].1,
        "The middle fifth paid 8.9 percent … and the bottom fifth paid 0.8 percent"
    );
}

#[test]
fn a_clause_after_a_comma_and_but_has_its_own_subject() {
    let got = run("Tapper followed up with what appeared to be a reference to Trump, but Obama said he was not speaking only about Trump.");
    assert_eq!(
        got,
        [t(
            "indirect",
            "he was not speaking only about Trump",
            "Obama",
            "say"
        )]
    );
}

#[test]
fn a_later_verb_reports_when_the_first_does_not() {
    // "wrote" without a "that" clause reports nothing; "said that" does.
    let got = run(
        "Back when he wrote his book, Mr. McKinley said that he considered debt a last resort.",
    );
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_str()),
        ("he considered debt a last resort", "McKinley")
    );
    // A second verb after "and" shares the first one's subject, and the first reports its
    // own clause.
    let got = run("Aliyev claimed the plane was hit and said that Russia must pay for the crash.");
    assert_eq!(
        got.iter()
            .map(|q| (q.1.as_str(), q.2.as_str()))
            .collect::<Vec<_>>(),
        [
            ("the plane was hit", "Ilham Aliyev"),
            ("Russia must pay for the crash", "Ilham Aliyev")
        ]
    );
}

#[test]
fn the_speaker_of_reported_speech_past_tags_and_openers() {
    // A party tag's full stop does not end the sentence.
    let got = run(
        "However, Rep. Stephen Lynch (D-Mass.) said the law does not require witnesses to appear.",
    );
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_str()),
        (
            "the law does not require witnesses to appear",
            "Stephen Lynch"
        )
    );
    // A pronoun after an opening adverbial is the speaker, as written.
    let mut d = vec![extract(
        "In recent months, he said he backed the idea of a woman succeeding him.",
        &segment("In recent months, he said he backed the idea of a woman succeeding him."),
        Lists::default(),
    )];
    resolve_speakers(&mut d, &Gazetteer::bundled());
    let q = &d[0].quotes[0];
    assert_eq!(
        (q.text.as_str(), q.speaker_text.as_str()),
        ("he backed the idea of a woman succeeding him", "he")
    );
}

#[test]
fn according_to_a_source_in_mid_sentence_or_after_a_dash() {
    // The sentence goes on past the source's comma: what follows is the writer's.
    let got = run("The top 1 percent would gain 19.9 percent, according to the Tax Foundation, more than twice what it projected for the middle.");
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_str()),
        (
            "The top 1 percent would gain 19.9 percent",
            "Tax Foundation"
        )
    );
    let got = run("More than half of the claims are unfounded — or flat out wrong — according to the top British medical journal.");
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_str()),
        (
            "More than half of the claims are unfounded — or flat out wrong",
            "the top British medical journal"
        )
    );
    // A long description that a determiner opens.
    let got = run("The two candidates are virtually tied, according to a new Washington Post-ABC News national poll.");
    assert_eq!(got[0].2, "a new Washington Post-ABC News national poll");
}

#[test]
fn reported_speech_is_not_read_from_an_object_a_noun_or_an_attribution() {
    // After a verb other than "said", a description is its object, not an inverted speaker;
    // a name is the speaker.
    assert!(run(
        "Ivanka Trump, the nominee's eldest daughter, noted the rule in the interview last week."
    )
    .is_empty());
    let got = run(
        "Debates in themselves are not likely to alter the campaign, noted NBC's Dante Chinni.",
    );
    assert!(got[0].2.ends_with("Dante Chinni"), "{got:?}");
    // "states" after "including" is a noun.
    assert!(run("Allies would help Mexico make its case, including states that would be hurt by the unraveling of the deal.").is_empty());
    // The sentence after a quotation in its paragraph is that quotation's attribution.
    let got = run("“Who would have believed that we would win?” Trump said, looking out on the cheering crowd.");
    assert!(got.iter().all(|q| q.0 != "indirect"), "{got:?}");
    // A longer addressee before "that", and a possessive that opens a described speaker.
    let got = run("In Honolulu last week, Obama told a meeting of Pacific Island leaders that few people understood the stakes.");
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_str()),
        ("few people understood the stakes", "Obama")
    );
    let got = run("Connecticut's tax commissioner says no one released the filings to the paper.");
    assert_eq!(got[0].2, "Connecticut's tax commissioner");
}

#[test]
fn an_inverted_speaker_with_a_long_apposition() {
    let got = run("Moves against the broadcasters led to their removal from all but one of the roughly 100 Russian stations, said Jeffrey Trimble, a senior official with the board that oversees them.");
    assert_eq!(
        got,
        [t(
            "indirect",
            "Moves against the broadcasters led to their removal from all but one of the roughly 100 Russian stations",
            "Jeffrey Trimble",
            "say"
        )]
    );
}

#[test]
fn a_verb_other_than_say_reports_a_clause_its_subject_pronoun_opens() {
    let got =
        run("Azerbaijan Airlines announced it would suspend its flights to seven Russian cities.");
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_str(), got[0].3.as_str()),
        (
            "it would suspend its flights to seven Russian cities",
            "Azerbaijan Airlines",
            "announce"
        )
    );
    // An object is not what was said.
    assert!(run("The ministry announced the arrest of two men in the fatal shooting.").is_empty());
    // A subordinate clause and the rest after the verb's comma are both what was said.
    let got = run("If this argument fails to persuade, Mr. Castañeda argues, there are other tools in the toolbox.");
    assert_eq!(
        got[0].1,
        "If this argument fails to persuade … there are other tools in the toolbox"
    );
}

#[test]
fn an_adverbial_between_the_verb_and_that() {
    let got =
        run("Mr. Stenger announced in a statement this month that he had reached a settlement.");
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_str()),
        ("he had reached a settlement", "Stenger")
    );
    // "that" before a verb is a pronoun, and part of what was said.
    let got = run("The ministry said that was a mistake made by the pilots.");
    assert_eq!(got[0].1, "that was a mistake made by the pilots");
}

#[test]
fn quotations_joined_by_plain_words_share_the_verb_before_the_first() {
    // One row for one statement, its pieces in order, with the verb before the first.
    let got = run("Trump told his supporters at a rally in Michigan to “go to your place and vote” and then “go pick some other place and sit there with your friends.”");
    assert_eq!(
        got,
        [t(
            "direct",
            "go to your place and vote … go pick some other place and sit there with your friends.",
            "Trump",
            "tell"
        )]
    );
    // Labels after a naming verb are the speaker's words, and one statement when their chain
    // runs on ("nasty guy", "anchor baby", "unstable", "sick").
    let got =
        run("Trump called the senator a “nasty guy,” an “anchor baby,” “unstable” and “sick.”");
    assert_eq!(
        got,
        [t(
            "direct",
            "nasty guy, … anchor baby, … unstable … sick.",
            "Trump",
            "call"
        )]
    );
    let got = run("Cruz called Trump a “liar” and a “bully” in the debate.");
    assert_eq!(got, [t("direct", "liar … bully", "Cruz", "call")]);
    // A name or a verb between two quotations breaks the chain.
    let got = run("Cruz called Trump a “pathological liar,” but Rubio, in Florida, thought it was “a fair point to make about him.”");
    assert_eq!(got[1].2, "");
}

#[test]
fn a_short_quotation_in_a_reported_clause_is_the_speakers_words() {
    // A partial quote: the words of whoever the verb before it reports, however short and
    // however far into the clause.
    let kinds = |text: &str| -> Vec<(String, String, String)> {
        run(text)
            .into_iter()
            .map(|(kind, quote, speaker, _)| (kind, quote, speaker))
            .collect()
    };
    let said = |quote: &str, speaker: &str| ("direct".to_string(), quote.into(), speaker.into());
    let scare = |quote: &str| ("scare".to_string(), quote.into(), String::new());
    assert_eq!(
        kinds(
            "Trump tweeted in the early morning hours that Machado was “disgusting” and “a con”."
        ),
        [said("disgusting … a con", "Trump")]
    );
    assert_eq!(
        kinds("Clinton called half of Donald Trump’s supporters “deplorables.”"),
        [said("deplorables.", "Clinton")]
    );
    assert_eq!(
        kinds("At a rally, Trump likened the refugees to a “vicious snake” in a song."),
        [said("vicious snake", "Trump")]
    );
    assert_eq!(
        kinds("South Korea accused the North's leader of “fanatic recklessness.”"),
        [said("fanatic recklessness.", "South Korea")]
    );
    // A nickname after a naming verb is the speaker's, capitals and all.
    assert_eq!(
        kinds("Trump called the 1996 pageant winner “Miss Piggy” in an interview."),
        [said("Miss Piggy", "Trump")]
    );
    // Not the writer's "so-called", not a title the clause mentions, not without a verb of
    // speech, not a subject the verb reports of (a passive), and not with no subject before
    // the verb.
    for text in [
        "Moscow wants to secure the so-called “Zangezur corridor” with Russian support.",
        "Sanders told MSNBC’s “Morning Joe” that nobody would question her intelligence.",
        "Insurance payouts were dressed up as “compensation,” as if a contract could do.",
        "He was called a “traitor” by the crowd outside.",
        "Calls men derogatory names, like “pigs,” and runs beauty pageants.",
        // A naming participle with no object names its noun; a verb after a negation or a
        // modal reports nothing said.
        "Esper visited the city’s Hoa Lo prison, dubbed the “Hanoi Hilton” by servicemen.",
        "It is the first of a class of sets called the “Master Builder Series” this year.",
        "The experts somehow cannot explain why the “reset” proved to be appeasement.",
        // Nor a modal before "have", next to it or opening the question.
        "Aliyev would have called the crash a “provocation” in public.",
        "Would Aliyev have called the crash a “provocation” in public?",
    ] {
        // (What Sanders told the show is reported speech around the scare quote.)
        let got = kinds(text);
        assert!(
            got.iter()
                .filter(|q| q.0 != "indirect")
                .all(|q| q.0 == "scare" && q.2.is_empty()),
            "{text}: {got:?}"
        );
    }
    // A described speaker is one too.
    assert_eq!(
        kinds("The minister said that after long talks the outcome was a “success”."),
        [said("success", "The minister")]
    );
    // But not one past where a reported clause runs: there the minister's statement is
    // reported speech, with the scare quote in it.
    let far = "The minister said that after long and difficult talks over the border, the \
        pipeline, the airline and the families of all the victims of the crash the outcome \
        was a “success”.";
    let got = kinds(far);
    assert_eq!(got[1..], [scare("success")]);
    assert_eq!(
        (got[0].0.as_str(), got[0].2.as_str()),
        ("indirect", "The minister")
    );
    assert!(got[0].1.ends_with("the outcome was a “success”"));
    // A time that opens the sentence is not the speaker.
    let got = kinds("Last year, Senator Jane Doe hailed the treaty as “historic”.");
    assert_eq!(got, [said("historic", "Jane Doe")]);
}

#[test]
fn a_subject_pronoun_next_to_the_verb_is_its_speaker() {
    // Deep in the sentence, the pronoun next to the verb is its subject, and takes the person
    // it continues.
    let got = run("Secretary General Ban Ki-moon condemned what he called a “brazen breach” of U.N. resolutions.");
    assert_eq!(got, [t("direct", "brazen breach", "Ban Ki-moon", "call")]);
    // Not a name joined by "and" to another (a plural subject), and a possessive run is its
    // owner: the speaker is Trump, not "Democrats" or "Trump’s RT".
    let got = run("Democrats and uneasy Republicans seized upon Mr. Trump’s RT appearance, in which he said that he was skeptical of the intelligence.");
    assert_eq!(
        (got[0].0.as_str(), got[0].2.as_str()),
        ("indirect", "Trump")
    );
    // A subordinator that opens a sentence is no name ("Lest").
    let got = run("Lest you think my mother, Olive Meehan, was timid: to which she said, “Thank God at least you still believe in it.”");
    assert_eq!(got[0].2, "Olive Meehan");
}

#[test]
fn an_opening_subordinate_clause_is_not_the_speaker() {
    let got = run("As far as whether Sanders still senses anger at Clinton among his supporters, the Vermont senator acknowledged that there are still “some people who feel that way.”");
    assert_eq!(got[0].2, "the Vermont senator");
    // A name after "As" is the subject of its own verb.
    let got = run("As Farhad Mammadov, head of the South Caucasus Research Center, noted, “the anniversary of the tragedy is approaching.”");
    assert_eq!(got[0].2, "Farhad Mammadov");
    // A relative clause next to the verb holds the subject when one follows its pronoun.
    let got = run("The union took a stake in the Federal mine, which Mr. Clarke says he is doing everything he can to keep open.");
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_str()),
        ("he is doing everything he can to keep open", "Clarke")
    );
}

#[test]
fn the_tail_of_a_longer_title_does_not_stand_for_its_holder() {
    let text = "The ruling was a blow to Secretary of State Jon Husted.\n\nIn Florida in 2000, the state incorrectly stated that 12,000 registered voters were ex-convicts.";
    let got = run(text);
    assert_eq!(got[0].2, "the state");
    // A title that is no tail does.
    let got = run("The ruling was a blow to Governor Jon Husted.\n\nThe governor said that he would appeal the ruling this week.");
    assert_eq!(got[0].2, "Jon Husted");
}

#[test]
fn a_whole_sentence_quotation_after_a_named_speaker_s_verb_is_theirs() {
    let text = "His former partner, Lawrence B. Cummings, called him a master at bolting together deals. “He showed again and again an ability to put together deals that others could not.”";
    let got = run(text);
    assert_eq!(
        (got[0].2.as_str(), got[0].3.as_str()),
        ("Lawrence B Cummings", "call")
    );
    // Not one that goes on after its closing mark, nor after a sentence without a verb of
    // speech.
    let got = run("Cummings called him a master at deals. “He showed again and again an ability to do deals” was the line his partners used.");
    assert_eq!(got[0].2, "");
    let got = run("Cummings bought the mine in 2015. “He showed again and again an ability to put together deals that others could not.”");
    assert_eq!(got[0].2, "");
}

#[test]
fn described_speakers_with_compounds_and_naming_verbs() {
    let got = run("When pressed, the 34-year-old mother of three replied, “It is meant to benefit the mother who has given birth.”");
    assert_eq!(got[0].2, "the 34-year-old mother of three");
    // A clause of its own after ", and".
    let got = run("She said fathers would not be eligible, and the mother of three replied, “It is meant to benefit the mother who has given birth.”");
    assert_eq!(got.last().unwrap().2, "the mother of three");
    let got = run("Japan branded North Korea an “outlaw nation in the neighborhood.”");
    assert_eq!(
        (got[0].0.as_str(), got[0].2.as_str(), got[0].3.as_str()),
        ("direct", "Japan", "brand")
    );
    // A short label after a naming verb is its subject's word too.
    let got = run("The ministry characterized the decision as “illegal” on Monday.");
    assert_eq!(
        (got[0].0.as_str(), got[0].2.as_str()),
        ("direct", "The ministry")
    );
}

#[test]
fn a_quotation_later_in_a_speaker_s_paragraph_is_theirs_when_no_one_else_is_named() {
    let text = "“This just isn’t right,” Warren said. “You squeezed employees to the breaking point” to drive up the stock price, she said, referring to the drive to “cross-sell” accounts. “You went on television to blame thousands of $12-an-hour” workers.";
    let got = run(text);
    let last = got.last().unwrap();
    assert_eq!((last.0.as_str(), last.2.as_str()), ("direct", "Warren"));
    // Someone else named between: no one.
    let text = "“This just isn’t right,” Warren said. Stumpf had blamed the workers for the “cross-sell” drive. “You went on television to blame thousands of $12-an-hour” workers.";
    assert_eq!(run(text).last().unwrap().2, "");
}

#[test]
fn a_quoted_subheading_does_not_run_on_from_the_quote_paragraph_before() {
    let text = "“I give him the benefit of the doubt. But I don't see where it is going,” said Mr. McGinley, the law professor.\n\n‘Coal Isn’t the Villain.’\n\nIt was raining when Mr. Clarke rode the elevator down.\n\n“We will keep this mine open for as long as we can,” he said.\n\n“It is the best coal in the state and we know how to mine it.”";
    let got = run(text);
    assert_eq!(
        got.iter()
            .map(|q| (q.0.as_str(), q.2.as_str()))
            .collect::<Vec<_>>(),
        [
            ("direct", "McGinley"),
            ("scare", ""),
            ("direct", "Clarke"),
            ("direct", "Clarke")
        ]
    );
}

#[test]
fn a_name_right_before_a_participle_is_its_subject() {
    let got = run("The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?”");
    assert_eq!(
        (got[0].2.as_str(), got[0].3.as_str()),
        ("Hillary Clinton", "ask")
    );
    // After a comma the name is the verb's object, and the sentence's subject speaks.
    let got = run("During a speech, Trump attacked Clinton, saying “she is unfit to serve as president of this country.”");
    assert_eq!(got[0].2, "Trump");
}

/// A quotation inside a participle clause after a comma is the words of the subject of the
/// clause before it, a description as much as a name.
#[test]
fn a_quotation_in_a_participle_clause_is_the_clause_subjects() {
    for (text, speaker, cue) in [
        (
            "In August, several environmental groups granted Mr. Clarke an extension on a court order, saying his “start-up capital was less than expected.”",
            "several environmental groups",
            "say",
        ),
        (
            "The ministry issued a statement on Friday, saying the crash was “an act of terrorism by a hostile state”.",
            "The ministry",
            "say",
        ),
        (
            "The victim’s mother testified, describing her daughter as “brave, strong, and smart” before the jury.",
            "The victim’s mother",
            "describe",
        ),
    ] {
        let got = run(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].2.as_str(), got[0].3.as_str()),
            ("direct", speaker, cue),
            "{text}"
        );
    }
}

/// A participle after a comma reports what the clause's subject said: "saying" with or without
/// "that", the other verbs with "that" or a clause. Not "citing", not an object ("claiming
/// responsibility for …"), not "telling" without "that".
#[test]
fn reported_speech_in_a_participle_clause() {
    let text =
        "The ministry rejected the report on Tuesday, saying it was based on false evidence.\n\
On Monday, the Kremlin dismissed the claims, adding that the crash was still under investigation.\n\
A federal judge denied the request, arguing the records were of no public interest.\n\
Officials defended the decision, citing concerns about the safety of passengers.\n\
The group struck the convoy overnight, claiming responsibility for the attack on the base.\n\
She handed him the book, telling him he would enjoy the last chapter.";
    assert_eq!(
        run(text),
        [
            t(
                "indirect",
                "it was based on false evidence",
                "The ministry",
                "say"
            ),
            t(
                "indirect",
                "the crash was still under investigation",
                "Kremlin",
                "add"
            ),
            t(
                "indirect",
                "the records were of no public interest",
                "A federal judge",
                "argue"
            ),
        ]
    );
}

/// A title inside a capitalised run ends the description before the name: a state, a company
/// or a body before "Sen.", "CEO" or "Justice" is not part of the name, and neither is "of"
/// and a place after a person's name. One person is then counted under one name across
/// documents, and a middle initial goes where the corpus also writes the name without it.
#[test]
fn one_person_one_name_across_documents() {
    let speakers = corpus_speakers(&[
        "“The bank must answer for this,” Massachusetts Sen. Elizabeth Warren said.\n\n\
         “We take full responsibility,” Wells Fargo CEO John Stumpf said.",
        "“This just isn’t right at all,” Elizabeth Warren said.\n\n\
         “We will do better than this,” John Stumpf said.",
        "“The court is aware of the parties' interest,” Manhattan Supreme Court Justice Frank Nervo wrote.\n\n\
         “The records must stay sealed for now,” said Rep. Elijah Cummings of Maryland.",
        "“We will build the wall very soon,” Donald J. Trump said.\n\n\
         “Ask not what your country can do for you,” John F. Kennedy said.",
        "“We are going to win big,” Donald Trump said.",
    ]);
    assert_eq!(
        speakers,
        [
            vec!["Elizabeth Warren", "John Stumpf"],
            vec!["Elizabeth Warren", "John Stumpf"],
            vec!["Frank Nervo", "Elijah Cummings"],
            vec!["Donald Trump", "John F Kennedy"],
            vec!["Donald Trump"],
        ]
    );
    // A title followed by "for" and a field names a body, not a person.
    let got = run(
        "“The attacks must stop now,” the United Nations High Commissioner for Human Rights said.",
    );
    assert_eq!(
        got[0].2,
        "United Nations High Commissioner for Human Rights"
    );
}

/// The role holds what describes the speaker: an apposition, a title, "X at Y"; not the
/// writer's clause or adverbial that stands before the name.
#[test]
fn the_role_describes_the_speaker_and_nothing_else() {
    let text = "“The bank cheated its customers for years,” Warren said, adding that the chief executive should resign.\n\n\
“The bill is not enough until the boss is held accountable,” said Sen. Jeff Merkley.\n\n\
Speaking at a rally in Novi, Michigan, Trump said he would win the state.\n\n\
“Stocks will stay under pressure this week,” said Paul Torrey, equity strategist at Miller Tabak.\n\n\
“The Republican nominee owes voters an answer,” said Mark Baker, a Clinton surrogate.\n\n\
“This vote is a partisan stunt,” said Rep. Elijah Cummings, the top Democrat on the committee, in a statement.";
    let d = extract(text, &segment(text), Lists::default());
    let got = speakers_and_roles(&d);
    assert_eq!(
        got,
        [
            ("Warren", ""),
            // (What Warren added.)
            ("Warren", ""),
            ("Jeff Merkley", "Sen"),
            ("Trump", ""),
            ("Paul Torrey", "equity strategist at Miller Tabak"),
            ("Mark Baker", "a Clinton surrogate"),
            ("Elijah Cummings", "Rep, the top Democrat on the committee"),
        ]
    );
}

/// Words between a quotation and a later verb that cannot be a speaker (a prepositional phrase,
/// a clause's tail ending in "and") give the quotation to the sentence's subject, not to them.
#[test]
fn a_phrase_that_cannot_speak_is_no_speaker() {
    let text = "Prime Minister Scott Morrison said in a statement, “We are profoundly pleased and relieved” at the hostages’ release, adding that the family was grateful.\n\n\
Even China said it was “resolutely opposed” to the test and warned North Korea to refrain from further actions.";
    let got = speakers_of(text);
    // (The second is what "adding that" reports, after the quotation.)
    assert_eq!(got, ["Scott Morrison", "Scott Morrison", "China"]);
}

/// A transcript quoted as one multi-paragraph quotation: each paragraph that opens with a
/// name in capitals and a colon is that person's turn, resolved like any surname. A quoted
/// tweet that opens with "FACT:" is no transcript.
#[test]
fn transcript_turns_are_their_speakers_quotes() {
    let text = "On Sunday, Gov. Mike Pence spoke to Chris Wallace about the debate.\n\n\
\"WALLACE: Will Gennifer Flowers be at the debate tomorrow night?\n\n\
\"PENCE: She will not be attending the debate tomorrow night.\n\n\
\"The American people care about the issues, and that is what he will talk about.\n\n\
\"WALLACE: Governor, we are out of time.\"\n\n\
Trump later tweeted: “FACT: the debate was rigged against me from the very start.”";
    let got = kinds_quotes_speakers(text);
    assert_eq!(
        got,
        [
            t3("direct", "Will Gennifer Flowers be at the debate tomorrow night?", "Chris Wallace"),
            t3(
                "direct",
                "She will not be attending the debate tomorrow night. … The American people care about the issues, and that is what he will talk about.",
                "Mike Pence"
            ),
            t3("direct", "Governor, we are out of time.", "Chris Wallace"),
            t3("direct", "FACT: the debate was rigged against me from the very start.", "Trump"),
        ]
    );
}

fn t3(kind: &str, quote: &str, speaker: &str) -> (String, String, String) {
    (kind.into(), quote.into(), speaker.into())
}

/// Reported speech after a sentence's quotations, in a clause that "and" joins to the
/// sentence's subject. A verb that ends its sentence reports nothing, whatever follows.
#[test]
fn reported_speech_after_a_quotation_in_the_same_sentence() {
    let text = "Cruz urged Republicans to “vote your conscience” and said he was standing on truth and principle.\n\n\
The ministry called the move “another provocation” and said it would heighten tensions on the ground.\n\n\
Officials called it “a mess” and said\nthat nothing more would be done about it this year.";
    let got: Vec<(String, String, String)> = run(text)
        .into_iter()
        .filter(|q| q.0 == "indirect")
        .map(|q| (q.0, q.1, q.2))
        .collect();
    assert_eq!(
        got,
        [
            t3("indirect", "he was standing on truth and principle", "Cruz"),
            t3(
                "indirect",
                "it would heighten tensions on the ground",
                "The ministry"
            ),
        ]
    );
}

/// Verbs of speech beyond "said" attribute a quotation after it ("demanded", "quipped",
/// "reiterated"), and a nickname inside a name is neither someone's words nor a scare quote.
#[test]
fn more_verbs_of_speech_and_nicknames_in_names() {
    let text = "“Every time you say that, you give ammunition to Moscow,” Hajiyev said.\n\n\
“Why is this not clear proof that the plane was hit from the ground?” Mammadov demanded.\n\n\
“If we were any higher, we would be in orbit,” one passenger quipped.\n\n\
A spokesperson for the ministry reiterated that the talks “are not over yet.”\n\n\
Robert “Bob” Menendez was not at the meeting in Baku on Friday.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "direct",
                "Every time you say that, you give ammunition to Moscow,",
                "Hikmet Hajiyev"
            ),
            t3(
                "direct",
                "Why is this not clear proof that the plane was hit from the ground?",
                "Mammadov"
            ),
            t3(
                "direct",
                "If we were any higher, we would be in orbit,",
                "one passenger"
            ),
            t3(
                "direct",
                "are not over yet.",
                "A spokesperson for the ministry"
            ),
        ]
    );
}

/// A sentence that only scare quotes or titles overlap reports speech as any other: the
/// statement keeps the marked words; neither what was said nor who said it starts or ends
/// inside marks (a cue in marks opens nothing); and marks inside a sentence's subject are a
/// term it uses, not a quotation its verb introduces.
#[test]
fn reported_speech_around_scare_quotes() {
    let text = "The ministry said the so-called “referendum” in Khankendi had no legal force.\n\n\
Hikmet Hajiyev told Caliber.az’s “Baku Hour” that the crew had followed every instruction.\n\n\
The “experts” said the plane had flown into a flock of birds over Grozny.\n\n\
The pilots never “said” the plane was hit by birds over the airport.\n\n\
Aliyev said Moscow spread the “bird strike” story for three whole days.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "indirect",
                "the so-called “referendum” in Khankendi had no legal force",
                "The ministry"
            ),
            t3("scare", "referendum", ""),
            // (“Baku Hour”, after its broadcaster and "told", is a programme: no quote.)
            t3(
                "indirect",
                "the crew had followed every instruction",
                "Hikmet Hajiyev"
            ),
            // (Marks in a subject are a term it uses, not words "said" introduces: not
            // Grozny's words. Who the “experts” are is left unsaid.)
            t3("scare", "experts", ""),
            t3("scare", "said", ""),
            // A short quotation that a speaker's verb introduces is their words: the
            // sentence is left to it, as before.
            t3("direct", "bird strike", "Ilham Aliyev"),
        ]
    );
}

/// A bare surname takes its document's full name past a headline in title case ("Railing
/// Against Trump") and a second spelling with a middle initial; a title "of" a place is an
/// apposition, not the speaker.
#[test]
fn a_bare_surname_past_headlines_and_initials() {
    // (The corpus names Ivanka Trump too: only the document can tell which Trump speaks.)
    let speakers = corpus_speakers(&[
        "Readers Share Their Thoughts On Donald Trump\n\nDonald J. Trump spoke on Monday. Donald Trump then left.\n\n“The tax laws are unfair to everyone,” Trump said.",
        "“My father will win this election,” Ivanka Trump said.",
        "Senator Dianne Feinstein, Democrat of California, said the program had sent a terrible message to immigrants.",
    ]);
    assert_eq!(
        speakers,
        [
            vec!["Donald Trump"],
            vec!["Ivanka Trump"],
            vec!["Dianne Feinstein"]
        ]
    );
}

/// A clause after "said" is what was said, not an inverted speaker: the speaker opens the
/// sentence, with an apposition.
#[test]
fn a_clause_after_the_verb_is_no_inverted_speaker() {
    let text = "Senator Dianne Feinstein, a Democrat, said the program had failed.\n\n\
The plane was hit by a missile, said Farhad Mammadov, a political analyst.";
    let got = kinds_quotes_speakers(text);
    assert_eq!(
        got,
        [
            t3("indirect", "the program had failed", "Dianne Feinstein"),
            t3(
                "indirect",
                "The plane was hit by a missile",
                "Farhad Mammadov"
            ),
        ]
    );
}

/// "He" and "she" after a subject the name-based rules had missed: a relative who shares a
/// surname but not a given name, the subject of an opening clause, a speaker whose surname
/// the document also writes as a word, and a description of the pronoun's gender.
#[test]
fn pronouns_find_relatives_clause_subjects_and_stop_at_a_described_person() {
    // Keith Lamont Scott is a man; Rakeyia Scott, his wife, is not him.
    assert_eq!(
        speakers_of(
            "Keith Lamont Scott, a 43-year-old black man, was sitting in his parked vehicle.\n\n\
Rakeyia Scott can be heard yelling to the officers that her husband was unarmed.\n\n\
\"Don't shoot him, he has no weapon,\" she says."
        ),
        ["Rakeyia Scott"]
    );
    // The subject of "When …" is whom "he" after it takes up, not the man named before.
    assert_eq!(
        speakers_of(
            "Secretary of State Mike Pompeo said the release of the hostages gave hope.\n\n\
When Afghan President Ashraf Ghani announced the exchange last week, he said Kabul had ensured that the militants would not return."
        ),
        ["Mike Pompeo", "Ashraf Ghani"]
    );
    // "Early" is a speaker though the document also writes "an early stage".
    assert_eq!(
        speakers_of(
            "\"Google offers an extension of the market,\" says Chris Early, a vice president at Ubisoft.\n\n\
Microsoft launched an early stage of its own service this year.\n\n\
\"Streaming is somewhat binary,\" says Early.\n\n\
While the lineup is light on exclusive titles, Early says future games could be built for the platform. \
\"Our objective is to make the best game,\" he says."
        ),
        ["Chris Early", "Chris Early", "Chris Early", "Chris Early"]
    );
    // "The woman" is whom "she" stands for: not the reporter named before her.
    assert_eq!(
        speakers_of(
            "Stephanie McCrummen, a reporter, spent a week with the family.\n\n\
The woman disputes the idea that she needed to be hospitalized.\n\n\
\"It never crossed my mind that I am losing it,\" she said."
        ),
        [""]
    );
}

/// A description that a possessive name opens is an apposition when a name comes before it,
/// and the speaker only alone.
#[test]
fn a_possessive_description_beside_a_name_is_its_role() {
    let text = "Sonya A. Zoghlin, Carlineo’s attorney, told The Hill that her client did not intend to cause harm.\n\n\
Carlineo’s attorney told reporters that the plea was fair.";
    let d = extract(text, &segment(text), Lists::default());
    let got = speakers_and_roles(&d);
    assert_eq!(
        got,
        [
            ("Sonya A Zoghlin", "Carlineo’s attorney"),
            ("Carlineo’s attorney", "")
        ]
    );
}

/// A title "of" a place before a name: the place belongs to the title, not the name.
#[test]
fn a_title_of_a_place_before_the_name_is_the_role() {
    let text = "Mayor of London Sadiq Khan said the city was safe for visitors.\n\n\
Minister of Foreign Affairs Jeyhun Bayramov said the crash was an accident.\n\n\
Secretary of State John F. Kerry said the talks would resume in the autumn.";
    let d = extract(text, &segment(text), Lists::default());
    let got = speakers_and_roles(&d);
    assert_eq!(
        got,
        [
            ("Sadiq Khan", "Mayor of London"),
            ("Jeyhun Bayramov", "Minister of Foreign Affairs"),
            ("John F Kerry", "Secretary of State")
        ]
    );
}

/// After "…, said", the speaker is a noun phrase: it ends where an adverbial of time or place
/// starts, and words with a verb in the past are what was said, after a preposed speaker.
#[test]
fn an_inverted_speaker_ends_at_an_adverbial_and_holds_no_past_verb() {
    let text = "The strikes will continue, said the ministry in a statement.\n\n\
The talks are over, said Dmitry Peskov on Friday.\n\n\
The deal is off, according to a poll released last week.\n\n\
The strikes will go on, said the Saudi-led coalition.\n\n\
The crash was caused by a missile, said the prosecutor early on Friday.\n\n\
The evidence is clear, said the author of this report.\n\n\
The plane was hit from the ground, said the ministry this week.\n\n\
Officials in Baku, who spoke on condition of anonymity, said the missile struck the tail of the plane.";
    let got = kinds_quotes_speakers(text);
    assert_eq!(
        got,
        [
            t3("indirect", "The strikes will continue", "the ministry"),
            t3("indirect", "The talks are over", "Dmitry Peskov"),
            t3("indirect", "The deal is off", "a poll"),
            t3(
                "indirect",
                "The strikes will go on",
                "the Saudi-led coalition"
            ),
            t3(
                "indirect",
                "The crash was caused by a missile",
                "the prosecutor"
            ),
            t3(
                "indirect",
                "The evidence is clear",
                "the author of this report"
            ),
            t3(
                "indirect",
                "The plane was hit from the ground",
                "the ministry"
            ),
            t3(
                "indirect",
                "the missile struck the tail of the plane",
                "Officials in Baku"
            ),
        ]
    );
}

/// A described speaker before a participle phrase is the subject, as a name there is.
#[test]
fn a_described_speaker_before_a_participle_phrase() {
    let text = "An Azerbaijani official, speaking on condition of anonymity, told Reuters that the missile was fired from the ground.\n\n\
A senior diplomat, citing intelligence reports, said the crash could have been avoided.";
    let got = kinds_quotes_speakers(text);
    assert_eq!(
        got,
        [
            t3(
                "indirect",
                "the missile was fired from the ground",
                "An Azerbaijani official"
            ),
            t3(
                "indirect",
                "the crash could have been avoided",
                "A senior diplomat"
            ),
        ]
    );
}

/// "As X put it:" attributes what follows the colon; "put it" without a colon is no cue.
#[test]
fn put_it_before_a_colon_attributes_the_quote() {
    let text = "As one diplomat put it: “Nobody in Baku believes the Russian version anymore.”\n\n\
Mammadov, a political analyst, put it bluntly: “This is the worst crisis since 1991.”\n\n\
He put it on the table and left the room in a hurry.";
    let got: Vec<(String, String, String)> =
        run(text).into_iter().map(|q| (q.0, q.2, q.3)).collect();
    assert_eq!(
        got,
        [
            t3("direct", "one diplomat", "put it"),
            t3("direct", "Mammadov", "put it"),
        ]
    );
}

/// "As X put it" after a quotation, closing its sentence, attributes it: "a “lawful source of
/// investment income,” as a Homeland Security memo put it."
#[test]
fn as_x_put_it_after_the_quote_attributes_it() {
    let text = "The main requirement is a “lawful source of investment income,” as a Homeland Security memo put it.\n\n\
“We will not back down from this fight,” as the minister put it.";
    let got: Vec<(String, String, String)> =
        run(text).into_iter().map(|q| (q.0, q.2, q.3)).collect();
    assert_eq!(
        got,
        [
            t3("direct", "a Homeland Security memo", "put it"),
            t3("direct", "the minister", "put it"),
        ]
    );
}

/// Corporate titles are titles: "Chief Executive Officer Tim Cook" is Tim Cook.
#[test]
fn corporate_titles_are_no_part_of_the_name() {
    let text =
        "“We are not going to raise prices this year,” Chief Executive Officer Tim Cook said.\n\n\
CFO Luca Maestri said revenue would rise in the next quarter.";
    let got = speakers_of(text);
    assert_eq!(got, ["Tim Cook", "Luca Maestri"]);
}

/// "Subject, participle phrase or relative clause, said …" names the subject, not a name in
/// the apposition, and reads no inverted speaker after the verb.
#[test]
fn a_subject_with_an_apposition_before_said() {
    let text = "The report, published by Human Rights Watch on Tuesday, said the attacks amounted to war crimes.\n\n\
The report, which Human Rights Watch published on Tuesday, said the attacks amounted to war crimes.\n\n\
The German automaker, which has focused on electric vehicles, says the wagon will go 300 miles on a charge.";
    let got = speakers_of(text);
    assert_eq!(got, ["The report", "The report", "The German automaker"]);
}

/// A name of unknown gender followed by "said he" is no antecedent of "she".
#[test]
fn said_he_tells_a_names_gender() {
    let text = "The UN secretary-general, António Guterres, said he was “deeply alarmed” by the escalation.\n\n\
She said: “I never thought this would happen to us.”";
    let got = speakers_of(text);
    assert_eq!(got, ["António Guterres", ""]);
}

/// A quote paragraph with a subject of its own after the quote does not run on from the
/// paragraph before ("the statement read"); a speaker that "he" was resolved to is a man,
/// whom "she" later does not stand for.
#[test]
fn a_quote_with_its_own_subject_and_a_pronouns_gender() {
    let text = "Asked about the claims, Peskov replied: “This is nonsense.”\n\n\
“Our response will be proportionate,” the statement read.\n\n\
“We will not be intimidated,” said Aliyev.\n\n\
“I don't know,” he said, when asked whether talks would continue.\n\n\
“It's over,” she told The Associated Press by phone.";
    let got: Vec<(String, String, String)> =
        run(text).into_iter().map(|q| (q.1, q.2, q.3)).collect();
    assert_eq!(
        got,
        [
            t3("This is nonsense.", "Dmitry Peskov", "reply"),
            t3(
                "Our response will be proportionate,",
                "the statement",
                "read"
            ),
            t3("We will not be intimidated,", "Ilham Aliyev", "say"),
            t3("I don't know,", "Ilham Aliyev", "say"),
            t3("It's over,", "", "tell"),
        ]
    );
}

#[test]
fn the_title_of_a_work_is_not_a_scare_quote() {
    // Led in by what it names, followed by it, or one of a list of titles: no quotation.
    for text in [
        "The minister reviewed the documentary “Black Box Over Grozny” on state television.",
        "Critics pointed to his memoir “Ashes of the Caucasus” as the source of the claim.",
        "The band closed with hit singles like 2004’s “Wings Over Baku.”",
        "Her podcast, “Ground Truth,” ran for three seasons.",
        "The “Fly Safe This Winter” campaign was pulled from the airports.",
        "The setlist ran through “Long Road Home,” “Caspian Nights,” “Old City” and “Sunrise.”",
    ] {
        let got = kinds_quotes_speakers(text);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
    // A name in marks with nothing to say it is a title, a "so-called" name and two titled
    // nicknames stay quotations: the marks may be there to deny or mock the name.
    for (text, quotes) in [
        (
            "Officials in Baku closed the “Russia House” on Monday.",
            &[("scare", "Russia House")][..],
        ),
        (
            "Moscow doubts the so-called “Bring Armenia Back” film will be shown.",
            &[("scare", "Bring Armenia Back")],
        ),
        (
            "She pointed to reports that he called the winner “Miss Piggy” and “Miss Housekeeping” in 1996.",
            &[("direct", "Miss Piggy … Miss Housekeeping")],
        ),
        (
            "Its plot is “lazy,” “absurd” and “late.”",
            &[("scare", "lazy"), ("scare", "absurd"), ("scare", "late")],
        ),
    ] {
        let got = kinds_quotes_speakers(text);
        let got: Vec<_> = got.iter().map(|q| (q.0.as_str(), q.1.as_str())).collect();
        assert_eq!(got, quotes, "{text}");
    }
}

#[test]
fn title_case_is_a_capital_on_every_word_but_short_links() {
    assert!(title_cased("Takin’ It to the Streets,"));
    assert!(title_cased(
        "Financial Freedom: A Proven Path to All the Money"
    ));
    assert!(title_cased("13th"));
    assert!(!title_cased("target number"));
    assert!(!title_cased("GET WITH THE PROGRAM"));
    assert!(!title_cased("Black water"));
    assert!(!title_cased(""));
}

/// "X said A and added that B" and "X said A, adding that B" are two statements of X's: A ends
/// before "and added", and before a participle of speech after a comma even when it reports
/// no clause ("noting the timing"). A verb after "and" that may be what A reports someone did
/// ("and claimed") does not cut it, unless it is in the past and A is a modal's clause ("would
/// leave … and suggested that").
#[test]
fn a_second_verb_of_speech_after_and_is_a_second_statement() {
    let text = "Ilham Aliyev said the plane was hit from the ground and added that Russia must admit its guilt.\n\n\
The ministry said the talks had stalled over compensation, and noted that no date was set for the next round.\n\n\
The prosecutor said the pilots had ignored the warning and claimed that the weather was fine.\n\n\
Hikmet Hajiyev said the plane had been hit over Grozny, adding that the crew tried to land in Aktau.\n\n\
Analysts said the crisis had deepened the rift with Moscow, noting the timing of the summit.\n\n\
Theresa May said the country would leave the single market by March and suggested that it would seek a new trade deal.";
    assert_eq!(
        run(text),
        [
            t(
                "indirect",
                "the plane was hit from the ground",
                "Ilham Aliyev",
                "say"
            ),
            t(
                "indirect",
                "Russia must admit its guilt",
                "Ilham Aliyev",
                "add"
            ),
            t(
                "indirect",
                "the talks had stalled over compensation",
                "The ministry",
                "say"
            ),
            t(
                "indirect",
                "no date was set for the next round",
                "The ministry",
                "note"
            ),
            t(
                "indirect",
                "the pilots had ignored the warning and claimed that the weather was fine",
                "The prosecutor",
                "say"
            ),
            t(
                "indirect",
                "the plane had been hit over Grozny",
                "Hikmet Hajiyev",
                "say"
            ),
            t(
                "indirect",
                "the crew tried to land in Aktau",
                "Hikmet Hajiyev",
                "add"
            ),
            t(
                "indirect",
                "the crisis had deepened the rift with Moscow",
                "Analysts",
                "say"
            ),
            t(
                "indirect",
                "the country would leave the single market by March",
                "Theresa May",
                "say"
            ),
            t(
                "indirect",
                "it would seek a new trade deal",
                "Theresa May",
                "suggest"
            ),
        ]
    );
}

/// A country, a capital or a seat of government that speaks ("Moscow said", "the White House
/// said") is no one "he" or "she" can stand for, even as the subject a pronoun goes on in.
#[test]
fn he_and_she_do_not_take_a_country_or_a_capital() {
    for text in [
        "The crash, Russia said, was caused by drones.\n\nShe said the families would be compensated within a month.",
        "Moscow said the air defences were active over Grozny that morning.\n\nHe said the plane should not have been cleared to land.",
        "The White House said the evidence pointed to a Russian missile.\n\nShe said the findings would be shared with Baku.",
    ] {
        let speakers = speakers_of(text);
        assert_eq!(speakers.last().map(String::as_str), Some(""), "{text}: {speakers:?}");
    }
    // A person named before is still found past the country.
    let text = "Maria Zakharova rejected the claims.\n\nThe crash, Russia said, was caused by drones.\n\nShe said the families would be compensated within a month.";
    assert_eq!(
        speakers_of(text).last().map(String::as_str),
        Some("Maria Zakharova")
    );
}

/// A described speaker with whose they are after the head ("a spokesman for Aliyev", "the US
/// ambassador to Azerbaijan") is that described person, not the person or place named; so
/// at the start of a sentence, where the determiner is capitalised, and with a long head ("A
/// former Democratic National Committee chairman").
#[test]
fn a_described_speaker_is_not_the_name_after_its_head() {
    let text = "A spokesman for Aliyev said the compensation talks would resume in January.\n\n\
The US ambassador to Azerbaijan said the investigation had to be transparent and swift.\n\n\
A former Democratic National Committee chairman says the party should come up with a plan.\n\n\
The president of Azerbaijan said the plane had been shot at from the ground.\n\n\
The statement noted they had previously said they would take “further significant measures” soon.";
    assert_eq!(
        speakers_of(text),
        [
            "A spokesman for Aliyev",
            "The US ambassador to Azerbaijan",
            "A former Democratic National Committee chairman",
            "The president of Azerbaijan",
            // (The quotation is the words of "they", whom the sentence does not name; a
            // sentence holding someone's words gives no row of reported speech besides.)
            "",
        ]
    );
}

/// Reported speech that a second verb ends before its sentence's quotation is a row of its
/// own ("Clinton told the audience that …, saying that “…”"); a second verb after "and" takes
/// the first one's subject, not the last name before it; "who said" is the noun's before it,
/// and a relative clause inside a subject describes its head ("Officials who spoke on
/// condition of anonymity said"); a verb inside a relative clause is its subject's ("a
/// version that Russian officials say explains …"); "said as much" and "said so" report no
/// words.
#[test]
fn reported_speech_before_a_quotation_relatives_and_said_as_much() {
    let text = "Hikmet Hajiyev told reporters that the investigation would be handed to Baku, saying that Moscow had “nothing to hide.”\n\n\
Ilham Aliyev said that Russia shot the plane down over Grozny and added: “We demand justice.”\n\n\
Officials met the family of a passenger who said the crew had warned them minutes before the crash.\n\n\
Officials who spoke on condition of anonymity said the missile had struck the tail section.\n\n\
Baku rejected a version of events that Russian officials say explains the cause of the crash.\n\n\
Peskov said as much in an interview with state television on Friday morning.\n\n\
The minister said so in an interview with local television on Monday.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "indirect",
                "the investigation would be handed to Baku",
                "Hikmet Hajiyev"
            ),
            t3("direct", "nothing to hide.", "Hikmet Hajiyev"),
            t3("direct", "We demand justice.", "Ilham Aliyev"),
            t3(
                "indirect",
                "the crew had warned them minutes before the crash",
                "a passenger"
            ),
            t3(
                "indirect",
                "the missile had struck the tail section",
                "Officials"
            ),
            t3(
                "indirect",
                "explains the cause of the crash",
                "Russian officials"
            ),
        ]
    );
}

/// What reported speech says ends before a closing concession or a semicolon, the writer's
/// additions ("…, although it may take days to know how powerful it was"); "says something
/// about" and "says a lot about" are what a thing reveals, not speech.
#[test]
fn reported_speech_ends_at_a_concession_and_revealing_is_not_saying() {
    let text = "The latest test, North Korea said, was its biggest yet, although it may take several days to determine how powerful it was.\n\n\
Hikmet Hajiyev said the plane was hit by a missile over Grozny; the airline suspended its flights the next day.\n\n\
The delay says something about the state of relations between Baku and Moscow.\n\n\
Her silence says a lot about how the Kremlin sees the crash.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "indirect",
                "The latest test … was its biggest yet",
                "North Korea"
            ),
            t3(
                "indirect",
                "the plane was hit by a missile over Grozny",
                "Hikmet Hajiyev"
            ),
        ]
    );
}

/// After the verb, a role in lower case and the name after it are the name with its role:
/// "said veteran industry analyst Ken Doctor" is Ken Doctor; a role with no name stays the
/// speaker as written.
#[test]
fn a_lower_case_role_before_a_name_is_its_role() {
    let text = "“There has not been a single year of revenue growth,” said veteran industry analyst Ken Doctor.\n\n\
“The talks are over,” said a spokesman for the Kremlin.";
    let d = extract(text, &segment(text), Lists::default());
    assert_eq!(
        speakers_and_roles(&d),
        [
            ("Ken Doctor", "veteran industry analyst"),
            ("a spokesman for the Kremlin", ""),
        ]
    );
}

/// A conjunction after a quotation opens a clause of its own: its verb does not attribute the
/// quotation before it.
#[test]
fn a_verb_after_a_conjunction_is_not_the_quotations_attribution() {
    let text = "Roy Cooper, the attorney general, called for releasing the videos.\n\n\
Kerr Putney, the police chief, said that the footage did not give “absolute definitive visual evidence that would confirm a gun,” but he said that the footage and other evidence “supports what we have heard” about what happened.\n\n\
Only 52 percent of voters agreed that Clinton is in “good enough overall health to serve as president,” while 73 percent said the same of Trump.";
    let got = kinds_quotes_speakers(text);
    let speakers: Vec<(&str, &str)> = got.iter().map(|q| (q.1.as_str(), q.2.as_str())).collect();
    assert_eq!(
        speakers,
        [
            (
                "absolute definitive visual evidence that would confirm a gun,",
                "Kerr Putney"
            ),
            ("supports what we have heard", "Kerr Putney"),
            ("good enough overall health to serve as president,", ""),
        ]
    );
}

#[test]
fn a_conjunction_after_a_comma_before_the_verb_opens_another_clause() {
    // The verb after ", but" is not the short quotation's: the verb before it is.
    let text = "The former first lady and U.S. senator said it was “a mistake” to use private email while at the State Department, but she denied that she mishandled classified information.";
    let got = run(text);
    assert_eq!(got[0].1, "a mistake");
    assert_eq!(
        (got[0].2.as_str(), got[0].3.as_str()),
        ("The former first lady and U.S. senator", "say")
    );
}

#[test]
fn a_participle_phrase_before_the_subject_names_no_speaker() {
    let text = "Speaking to reporters, the minister said: “We have been clear from the start.”\n\n\
Speaking to the BBC, the minister said: “We have been clear from the start.”\n\n\
Asked about the crash, a spokesman for the airline said: “We are cooperating fully.”\n\n\
Chelsea Manning, the activist, said: “We have been clear from the start.”";
    assert_eq!(
        speakers_of(text),
        [
            "the minister",
            "the minister",
            "a spokesman for the airline",
            "Chelsea Manning"
        ]
    );
}

#[test]
fn state_before_a_capital_is_part_of_a_name_not_a_verb() {
    let text =
        "“We are monitoring the situation closely,” a State Department spokesperson said.\n\n\
“We are monitoring it closely,” a State Duma deputy said on Friday.\n\n\
“This is a provocation,” State Duma deputy Konstantin Zatulin told RIA Novosti.\n\n\
Said Ellis: “It is over now, finally.”";
    assert_kinds_speakers_cues(
        text,
        &[
            ("direct", "a State Department spokesperson", "say"),
            ("direct", "a State Duma deputy", "say"),
            ("direct", "Konstantin Zatulin", "tell"),
            ("direct", "Ellis", "say"),
        ],
    );
}

#[test]
fn a_given_name_that_ends_like_a_participle_stays_in_the_name() {
    let text = "“They told us to run,” said Ahmed Khalil, 45, a shopkeeper.\n\n\
“It was hell,” Mohammed Ali said.\n\n\
“We ran,” said Irving Kristol.";
    assert_eq!(
        speakers_of(text),
        ["Ahmed Khalil", "Mohammed Ali", "Irving Kristol"]
    );
}

#[test]
fn a_name_in_apposition_after_the_verb_and_a_role_is_the_speaker() {
    let text = "“We are not going anywhere,” said the union’s president, Shawn Fain.\n\n\
“We are monitoring it,” said a spokesman for the Foreign Ministry, Maria Zakharova, on Monday.\n\n\
“It was a mistake,” said the report, Foreign Policy Research.\n\n\
“It was a mistake,” said the spokesman, who declined to be named.";
    let mut d = vec![extract(text, &segment(text), Lists::default())];
    resolve_speakers(&mut d, &Gazetteer::bundled());
    assert_eq!(
        speakers_and_roles(&d[0]),
        [
            ("Shawn Fain", "the union’s president"),
            ("Maria Zakharova", "a spokesman for the Foreign Ministry"),
            ("the report", "Foreign Policy Research"),
            ("the spokesman", "who declined to be named")
        ]
    );
}

#[test]
fn a_second_that_clause_with_its_own_subject_is_the_same_verbs() {
    let text = "The president’s aide noted that “the investigation is ongoing” and that Baku “expects full transparency.”";
    let got = run(text);
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0].0.as_str(), got[0].2.as_str(), got[0].3.as_str()),
        ("direct", "The president’s aide", "note")
    );
    assert!(got[0].1.ends_with("expects full transparency."));
}

#[test]
fn he_takes_up_the_subject_of_the_sentence_just_before() {
    // "Aliyev" alone is of unknown gender; as the subject of the sentence before, he is whom
    // "he" stands for, not Peskov, named further back.
    let text = "“We can't comment on that,” Dmitry Peskov said.\n\n\
Aliyev, however, was blunt. “It was shot down,” he said.";
    assert_eq!(speakers_of(text), ["Dmitry Peskov", "Ilham Aliyev"]);
}

#[test]
fn she_does_not_take_up_the_first_of_a_list_that_opens_the_sentence_before() {
    // "Inference" opens a list, a plural subject: not the one "she" stands for, though no
    // gender rules it out.
    let text = "Reading him is hard. Inference, close reading, and faith are essential, after the novelist Mary Walton explained them to me. \
“You are only seeing the tenth of it,” she said.";
    assert_eq!(speakers_of(text), ["Mary Walton"]);
    let text = "Reading him is hard. Inference, close reading, or faith is essential to it. \
“You are only seeing the tenth of it,” she said.";
    assert_eq!(speakers_of(text), [""]);
    // An apposition is no list: "Formicola" stays whom "she" stands for.
    let text = "Formicola, a professor at Seton Hall and Yale, described his approach. “If he is asked, he will answer,” she said.";
    assert_eq!(speakers_of(text), ["Formicola"]);
    // Nor is a long apposition with ", and" far into it, or a clause joined after the verb.
    let text = "Formicola, a professor at Seton Hall in South Orange, New Jersey, and a scholar of religion, described his approach. “If he is asked, he will answer,” she said.";
    assert_eq!(speakers_of(text), ["Formicola"]);
    let text = "Formicola, a professor, described it, and they listened. “If he is asked, he will answer,” she said.";
    assert_eq!(speakers_of(text), ["Formicola"]);
}

#[test]
fn he_opening_a_clause_stands_for_the_name_after_it() {
    // "he" right after "Though" looks ahead to Morales, the sentence's subject; the
    // quotation's "he" takes him up, not the Times, quoted before. (Morales's reported
    // speech is the second row.)
    let text = "The New York Times claimed it was “unclear who did it.” \
Though he outlined work for a client in emails, Morales insisted before a judge that the spying was legal. \
He has even claimed that he was joking when he boasted about “playing in the first division” after his trip.";
    assert_eq!(speakers_of(text), ["New York Times", "Morales", "Morales"]);
    // Not a name inside the clause: "Obama" is whom Ham served under.
    let text = "While he acknowledged funding was a reason he felt demoralized serving under Obama, Ham also noted several problems.\n\n\
“We’re paying ransom,” he said.";
    assert_eq!(speakers_of(text), ["Ham"]);
    // A pronoun that is not the clause's subject looks back: "her" is Teresa Nielsen
    // Hayden's, and so is "she".
    let text = "When Ford visited his editor Teresa Nielsen Hayden at her office, he would scribble poems on her desk. \
“Life was not long enough,” she recalled.";
    assert_eq!(speakers_of(text), ["Teresa Nielsen Hayden"]);
    // Nor where a name follows the clause.
    let text = "When Ford visited his editor Teresa Nielsen Hayden at her office, Ford scribbled poems on her desk. \
“Life was not long enough,” she recalled.";
    assert_eq!(speakers_of(text), ["Teresa Nielsen Hayden"]);
    // Nor a pronoun before a subject that is no name: the sentence goes on with whom the
    // pronoun stood for before it, not with a name inside its subject.
    let text = "Maria Lopez spoke first.\n\nThough she was tired, the lawyer for Anna Smith insisted it was over. \
“We won,” she said.";
    assert_eq!(speakers_of(text), ["Maria Lopez"]);
}

#[test]
fn a_name_after_the_is_whole_though_its_first_word_is_also_common() {
    // The story writes "new" in lower case; "the New York Times" is still the Times (not
    // "York Times", titled "New"). One capitalised word there may be a common noun the
    // story writes in lower case: "Wee of the Times" is Wee (twice: a partial quote inside
    // reported speech).
    let text = "Morales hoped to rustle up new gigs.\n\n\
In its coverage, the New York Times claimed it was “unclear who was behind it.”\n\n\
Sales rose 10 times as fast. Wee of the Times reports that censors were told to “block and control” it.";
    assert_eq!(speakers_of(text), ["New York Times", "Wee", "Wee"]);
}

#[test]
fn a_title_after_a_noun_for_a_work_is_no_quote_even_with_a_verb_after_it() {
    let text = "In his book “The Art of the Deal,” Trump wrote that he likes to think big.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [t3("indirect", "he likes to think big", "Trump")]
    );
}

#[test]
fn a_delegates_title_and_the_links_inside_names() {
    // "Del." is a title and ends no sentence; "del", "von der" link the words of a name; a
    // title and a name end an apposition that opens in lower case.
    let text = "“This is a big year!” Scott’s niece, state Del. Marcia Price (D-Newport News), shouted to the crowd.\n\n\
“I love it,” Guillermo del Toro said.\n\n\
“We won,” said Ursula von der Leyen.\n\n\
“We won,” said Lana Del Rey.\n\n\
“We won,” Conservative economist Aparna Mathur, who studies tax policy at the American Enterprise Institute, said.";
    assert_eq!(
        speakers_of(text),
        [
            "Marcia Price",
            "Guillermo del Toro",
            "Ursula von der Leyen",
            "Lana Del Rey",
            "Aparna Mathur"
        ]
    );
}

#[test]
fn continue_and_state_are_cues_only_where_they_report_speech() {
    // "continued to push" and "state media" report nothing; "continued." and "state that" do.
    let text = "Russian state media continued to push the “bird strike” theory, which experts dismissed.\n\n\
“I say this with full responsibility,” Aliyev continued.\n\n\
South Korean President Park Geun-hye said Kim's mental state is “spiraling out of control.”\n\n\
The experts state that the plane was “hit by shrapnel” over Grozny.";
    assert_kinds_speakers_cues(
        text,
        &[
            ("scare", "", ""),
            ("direct", "Ilham Aliyev", "continue"),
            ("direct", "Park Geun-hye", "say"),
            ("direct", "The experts", "state"),
        ],
    );
}

#[test]
fn a_predicate_before_the_subject_names_no_speaker() {
    let text = "Baku’s “pivot to the West” has alarmed the Kremlin, analysts say.";
    assert_eq!(speakers_of(text), ["analysts"]);
}

#[test]
fn according_to_then_a_participle_at_once_does_not_panic() {
    // Found by the fuzzer: the participle's statement took all of what "according to"
    // reports, leaving it an inverted span that slicing panicked on.
    let text = "According to the reports, saying the investigation was ongoing.\n\n\
According to the ministry, the plane was hit by a missile, saying the pilots acted heroically.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3("indirect", "the plane was hit by a missile", "the ministry"),
            t3("indirect", "the pilots acted heroically", "the ministry"),
        ]
    );
}

#[test]
fn a_party_member_after_the_is_a_description_not_a_name() {
    let text = "“We cannot go back,” the New York Democrat said.\n\n\
“We cannot go back,” said the Texas Republican, who is running for re-election.\n\n\
“We cannot go back,” Democrat Jane Smith said.";
    assert_eq!(
        speakers_of(text),
        [
            "the New York Democrat",
            "the Texas Republican",
            "Jane Smith"
        ]
    );
}

#[test]
fn a_programme_after_a_preposition_or_a_networks_possessive_is_no_more_of_the_quote() {
    let text = "“We're going to get it done,” House Speaker Mike Johnson said Sunday on “Fox News Sunday.”\n\n\
Speaking on CNN’s “State of the Union,” Sen. Amy Klobuchar said the bill “will pass.”";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3("direct", "We're going to get it done,", "Mike Johnson"),
            t3("scare", "Fox News Sunday", ""),
            t3("direct", "will pass.", "Amy Klobuchar"),
        ]
    );
}

#[test]
fn a_verb_in_a_relative_clause_is_not_the_attribution() {
    let text = "“The situation remains tense,” a senior Western diplomat in Baku, who asked not to be identified, told Reuters.";
    assert_kinds_speakers_cues(
        text,
        &[("direct", "a senior Western diplomat in Baku", "tell")],
    );
}

#[test]
fn a_name_after_on_or_in_is_where_a_described_speaker_is() {
    let text = "“We do not need your apologies,” wrote one user on Telegram.\n\n\
“We are afraid,” said Ramzan Kadyrov in Grozny.";
    assert_eq!(
        speakers_of(text),
        ["one user on Telegram", "Ramzan Kadyrov"]
    );
}

#[test]
fn the_one_quoted_as_saying_is_the_speaker_not_the_source_that_relays_it() {
    let text = "The Interfax news agency quoted Kremlin spokesman Dmitry Peskov as saying that “there is no reason to doubt the investigators.”\n\n\
Interfax quoted a senior official as saying the plane had been hit by a Russian missile.\n\n\
Aliyev was quoted by the agency as saying “we expect an apology from Moscow.”";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "direct",
                "there is no reason to doubt the investigators.",
                "Dmitry Peskov"
            ),
            t3(
                "indirect",
                "the plane had been hit by a Russian missile",
                "a senior official"
            ),
            t3(
                "direct",
                "we expect an apology from Moscow.",
                "Ilham Aliyev"
            ),
        ]
    );
}

#[test]
fn a_counted_noun_and_what_qualifies_it_is_a_described_speaker() {
    let text = "Two people familiar with the matter said the missile was fired by mistake.\n\n\
“It was terrifying,” said one of the survivors.\n\n\
A senior official familiar with the Kremlin’s thinking told Reuters that the talks had stalled.\n\n\
“We heard two bangs,” a resident of Grozny told AFP.";
    assert_eq!(
        speakers_of(text),
        [
            "Two people familiar with the matter",
            "one of the survivors",
            "A senior official familiar with the Kremlin’s thinking",
            "a resident of Grozny"
        ]
    );
}

#[test]
fn a_name_after_a_noun_next_to_the_verb_is_the_subject_of_its_relative_clause() {
    let text = "Officials in Baku insisted the plane was hit by a missile, a claim Moscow initially dismissed as “speculation.”";
    assert_kinds_speakers_cues(text, &[("direct", "Moscow", "dismiss")]);
}

#[test]
fn the_subject_before_an_adverbial_or_an_apposition_closed_at_the_verb_is_the_speaker() {
    let text = "The ministry, in a statement, said the plane had crashed because of fog.\n\n\
The company, the largest employer in the region, said “we will fight the ruling in court.”\n\n\
The plane was hit by a missile, the agency said.";
    assert_eq!(
        speakers_of(text),
        ["The ministry", "The company", "the agency"]
    );
}

#[test]
fn a_paper_that_reported_that_is_the_source_of_what_follows() {
    let text = "Kommersant reported on Monday that the case had been moved to the central office.\n\n\
Several Azerbaijani media outlets, citing sources, reported that the plane had been hit by a missile.\n\n\
Home Depot reported third-quarter earnings that topped estimates as revenue fell short.\n\n\
After Fiona Hill left the council, it was Morrison who took over, and Vindman reported to him.\n\n\
To solve this quandary, they turned to the Chicago Police Department which reported “2,521 shooting incidents” in the city between January 1 and September 18.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "indirect",
                "the case had been moved to the central office",
                "Kommersant"
            ),
            t3(
                "indirect",
                "the plane had been hit by a missile",
                "Several Azerbaijani media outlets"
            ),
            // (The department's figure, quoted: the noun "which" stands for reports it.)
            t3(
                "direct",
                "2,521 shooting incidents",
                "Chicago Police Department"
            ),
        ]
    );
}

#[test]
fn a_report_after_a_quotation_that_a_speaker_in_its_sentence_said_only_relays_it() {
    let text = "Moscow has since said the plane was damaged by “external physical and technical interference,” Reuters reported.\n\n\
The plane was damaged by “external physical and technical interference,” Reuters reported.";
    assert_eq!(speakers_of(text), ["Moscow", "Reuters"]);
}

#[test]
fn a_cue_that_needs_that_also_closes_an_as_clause() {
    let text = "As one diplomat put it, “The honeymoon between Baku and Moscow is over.”\n\n\
“That is simply not true,” Zakharova shot back on Thursday.\n\n\
He put it in the drawer, next to the “old letters” from Baku.";
    assert_kinds_speakers_cues(
        text,
        &[
            ("direct", "one diplomat", "put it"),
            ("direct", "Maria Zakharova", "shoot back"),
            ("scare", "", ""),
        ],
    );
}

#[test]
fn a_plural_role_noun_and_what_qualifies_it_is_a_described_speaker() {
    let text = "Residents interviewed by the BBC said they heard “several explosions” before the crash.\n\n\
Sources close to the Kremlin said the plane had been hit by a missile.";
    assert_eq!(
        speakers_of(text),
        [
            "Residents interviewed by the BBC",
            "Sources close to the Kremlin"
        ]
    );
}

#[test]
fn a_role_noun_after_capitals_heads_a_participles_subject() {
    let text = "Russian officials have dismissed the claims, with one calling them “absurd.”\n\n\
Azerbaijani officials rejected the report, saying it was “a provocation.”";
    assert_eq!(
        speakers_of(text),
        ["Russian officials", "Azerbaijani officials"]
    );
}

#[test]
fn verbs_that_report_speech_only_with_that() {
    let text = "In a televised address, Aliyev demanded that Moscow punish those responsible.\n\n\
The minister conceded that mistakes had been made in the first hours.\n\n\
Ban Ki-moon vowed not to repeat that mistake and established a policy urging staff to report abuses.\n\n\
Aliyev demanded an apology and compensation for the families of the victims.\n\n\
Putin vowed to retaliate and said that the strike would not go unanswered.

\
Peskov told reporters in Moscow and insisted that the crash was a tragic accident.

\
The agency said its researchers examined how hibernation would affect a mission and concluded that it could shrink the craft.";
    assert_kinds_speakers_cues(
        text,
        &[
            ("indirect", "Ilham Aliyev", "demand"),
            ("indirect", "The minister", "concede"),
            ("indirect", "Vladimir Putin", "say"),
            ("indirect", "Dmitry Peskov", "insist"),
            ("indirect", "The agency", "say"),
        ],
    );
}

#[test]
fn the_subject_of_reported_speech_past_what_opens_the_sentence() {
    let text = "Overall, the fund predicted that advanced economies will grow 1.6 percent this year.\n\n\
Back when it signed the treaty more than 20 years ago, the United States pledged that it would lift the restrictions.\n\n\
Strada accused the Saudi government of attempting to intimidate the families and asserted that they are tired of waiting.\n\n\
I kept using it even after my toddler revealed that my old mouse was tucked inside a crevice.\n\n\
Officials who arrived after the crash said that the plane had broken into three pieces.";
    assert_eq!(
        speakers_of(text),
        [
            "the fund",
            "United States",
            "Strada",
            "my toddler",
            "Officials"
        ]
    );
}

#[test]
fn a_relative_clause_set_off_by_commas_is_its_heads_and_ends_at_its_comma() {
    let text = "The tax bill levied by the European Union, which contended that Ireland undertaxed the company, is a good example of money kept offshore.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [t3(
            "indirect",
            "Ireland undertaxed the company",
            "European Union"
        )]
    );
}

#[test]
fn a_name_inside_a_participle_phrase_is_its_object() {
    let text = "A Russian political commentator, analyzing Aliyev’s criticisms of Russia and President Vladimir Putin, concluded that fear of Moscow has diminished.\n\n\
The Russian Federation said that the plane was hit by a Ukrainian drone.";
    assert_eq!(
        speakers_of(text),
        ["A Russian political commentator", "Russian Federation"]
    );
}

#[test]
fn a_participle_after_the_last_quotation_goes_on_with_the_sentences_subject() {
    let text = "Aliyev said Russia had offered “absurd versions” of what happened, adding that Baku had demanded an apology.\n\n\
“We will respond,” Peskov said, adding that the investigation was continuing.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3("direct", "absurd versions", "Ilham Aliyev"),
            t3("indirect", "Baku had demanded an apology", "Ilham Aliyev"),
            t3("direct", "We will respond,", "Dmitry Peskov"),
            t3(
                "indirect",
                "the investigation was continuing",
                "Dmitry Peskov"
            ),
        ]
    );
}

#[test]
fn sources_a_paper_cites_are_the_speakers_not_the_paper() {
    let text = "Officials quoted by Interfax said the plane had been diverted because of fog.\n\n\
Two witnesses cited by Reuters said they heard a loud bang before the plane lost height.";
    assert_eq!(
        speakers_of(text),
        [
            "Officials quoted by Interfax",
            "Two witnesses cited by Reuters"
        ]
    );
}

#[test]
fn a_name_in_what_qualifies_a_plural_head_is_not_the_speaker() {
    let text = "Putin aides familiar with the matter said no apology was planned.\n\n\
According to Azerbaijani sources cited by Euronews, the plane was hit by a missile.\n\n\
“It was a missile,” Western diplomats familiar with the talks said.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "indirect",
                "no apology was planned",
                "Putin aides familiar with the matter"
            ),
            t3(
                "indirect",
                "the plane was hit by a missile",
                "Azerbaijani sources cited by Euronews"
            ),
            t3(
                "direct",
                "It was a missile,",
                "Western diplomats familiar with the talks"
            ),
        ]
    );
    // (A qualifier with a verb after it is a clause, not a described speaker: the chant stays
    // someone's words, not a scare quote of a speaker that cannot be.)
    let text = "Small groups of protesters continued to call for more information, looping the streets while chanting, “Hands up, don’t shoot.”";
    assert_eq!(run(text)[0].0, "direct");
}

#[test]
fn an_as_clause_names_the_source_of_what_follows_its_comma() {
    let text = "As the New York Times reported on Friday, US officials believe Russian air defences struck the plane.\n\n\
As many tax experts, including Mr. Goldberg, have pointed out, the candidate is free to disclose his returns.\n\n\
As I write this review, listening to the soundtrack again, the idea makes brilliant sense.\n\n\
As the plane approached Grozny, air defences were firing at Ukrainian drones.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "indirect",
                "US officials believe Russian air defences struck the plane",
                "New York Times"
            ),
            t3(
                "indirect",
                "the candidate is free to disclose his returns",
                "many tax experts"
            ),
        ]
    );
}

#[test]
fn a_capitalised_adjective_before_a_qualified_head_is_part_of_the_description() {
    let text = "A Russian official familiar with the matter said the two leaders had discussed the crash.\n\n\
A Kremlin readout of the call said the two leaders had discussed the crash.\n\n\
The plane was hit by a missile, said a US official familiar with the intelligence.\n\n\
Experts on North Korea and nuclear nonproliferation said the latest test could change that.";
    assert_eq!(
        speakers_of(text),
        [
            "A Russian official familiar with the matter",
            "A Kremlin readout of the call",
            "a US official familiar with the intelligence",
            "Experts on North Korea and nuclear nonproliferation"
        ]
    );
}

#[test]
fn a_determined_description_with_capitals_before_its_head_is_no_name() {
    let text = "The Kazakh transport ministry’s commission said it would publish its findings within a month.\n\n\
The Kazakh ministry’s commission, led by Deputy Prime Minister Kanat Bozumbayev, said it would publish its findings soon.\n\n\
The US Secretary of State Antony Blinken said the investigation had to be transparent.";
    assert_eq!(
        speakers_of(text),
        [
            "The Kazakh transport ministry’s commission",
            "The Kazakh ministry’s commission",
            "Antony Blinken"
        ]
    );
}

#[test]
fn posted_and_tweeted_report_speech_and_a_post_is_a_noun() {
    let text = "Hajiyev posted on X that Russia had still not admitted its responsibility.\n\n\
The Russian embassy in Baku said in a Facebook post that it mourned the victims of the crash.";
    assert_eq!(
        run(text)
            .into_iter()
            .map(|q| (q.1, q.2, q.3))
            .collect::<Vec<_>>(),
        [
            (
                "Russia had still not admitted its responsibility".to_string(),
                "Hikmet Hajiyev".to_string(),
                "post".to_string()
            ),
            (
                "it mourned the victims of the crash".to_string(),
                "The Russian embassy in Baku".to_string(),
                "say".to_string()
            ),
        ]
    );
    let text = "A viral post that said the company misreported its sales was deleted on Monday.";
    assert!(run(text).iter().all(|q| q.3 != "post"));
}

#[test]
fn a_second_that_clause_after_a_longer_first_one_joins_its_quotation() {
    let text = "Aliyev said he had “no doubt” that the plane was shot down, and that Russia had tried to “hush up” the matter.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [t3("direct", "no doubt … hush up", "Ilham Aliyev")]
    );
}

#[test]
fn told_an_addressee_and_a_clause_without_that_is_reported_speech_a_pronoun_opening_it_too() {
    let text = "A source close to the investigation told Interfax the plane had been damaged by shrapnel.\n\n\
Peskov told reporters the investigation was continuing in close contact with Baku.\n\n\
She told him the truth about the crash and the investigation.\n\n\
Peskov told reporters he would not comment on the investigation.\n\n\
The pilot told the BBC she had heard three loud explosions.\n\n\
The defendant told the court it was a mistake to fly that day.\n\n\
The pilot told the story the way it happened.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "indirect",
                "the plane had been damaged by shrapnel",
                "A source close to the investigation"
            ),
            t3(
                "indirect",
                "the investigation was continuing in close contact with Baku",
                "Dmitry Peskov"
            ),
            t3(
                "indirect",
                "he would not comment on the investigation",
                "Dmitry Peskov"
            ),
            t3(
                "indirect",
                "she had heard three loud explosions",
                "The pilot"
            ),
            t3(
                "indirect",
                "it was a mistake to fly that day",
                "The defendant"
            ),
        ]
    );
}

#[test]
fn a_clause_with_a_verb_in_ed_after_said_is_what_was_said_not_its_speaker() {
    let text = "His lawyer, John Smith, said the family wanted answers about the shooting.\n\n\
The crash was a tragedy, said the newly appointed envoy.\n\n\
The plane was hit from the ground, said a man accused of nothing.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "indirect",
                "the family wanted answers about the shooting",
                "John Smith"
            ),
            t3(
                "indirect",
                "The crash was a tragedy",
                "the newly appointed envoy"
            ),
            t3(
                "indirect",
                "The plane was hit from the ground",
                "a man accused of nothing"
            ),
        ]
    );
}

#[test]
fn a_verb_of_speech_reports_a_clause_without_that_when_a_noun_phrase_and_its_verb_follow() {
    let text = "The Kremlin confirmed the call took place on Saturday evening.\n\n\
The airline's chief executive added the company would suspend all flights to Russia.\n\n\
Peskov insisted Moscow had nothing to hide about the crash.\n\n\
The ministry confirmed the arrest of two men in Grozny on Friday.\n\n\
The airline announced the deal struck last week with Boeing.\n\n\
Police confirmed the soldiers killed in the attack.\n\n\
Ascom announced a new North American integrated clinical alarm solution with Draeger.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "indirect",
                "the call took place on Saturday evening",
                "Kremlin"
            ),
            t3(
                "indirect",
                "the company would suspend all flights to Russia",
                "The airline's chief executive"
            ),
            t3(
                "indirect",
                "Moscow had nothing to hide about the crash",
                "Dmitry Peskov"
            ),
        ]
    );
}

#[test]
fn what_was_said_ends_before_the_writers_remark_that_no_evidence_was_given() {
    let text =
        "Trump claimed Clinton had helped Machado get citizenship, but offered no proof.\n\n\
Peskov said the investigation would take time, but declined to give details.\n\n\
The minister said the plan was sound, but needed more work before the summit.";
    assert_eq!(
        kinds_quotes_speakers(text)
            .into_iter()
            .map(|q| q.1)
            .collect::<Vec<_>>(),
        [
            "Clinton had helped Machado get citizenship",
            "the investigation would take time",
            "the plan was sound, but needed more work before the summit",
        ]
    );
}

#[test]
fn what_a_subordinate_clause_reports_ends_at_its_comma_and_a_condition_reports_nothing() {
    let text =
        "When Peskov said the plane was hit by birds, Aliyev demanded an apology from Moscow.\n\n\
On the day that Samsung announced its new features were shipping, I rushed over to the store.\n\n\
If Russia admits the plane was hit, relations may improve quickly.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3("indirect", "the plane was hit by birds", "Dmitry Peskov"),
            t3("indirect", "its new features were shipping", "Samsung"),
        ]
    );
}

#[test]
fn it_stands_for_the_body_that_is_the_subject_before_it() {
    let text = "The Russian defence ministry released a statement on Friday. \"Any attempt to distort the facts will be met with a firm response,\" it said.\n\n\
\"We are studying the documents carefully,\" it added.\n\n\
Peskov spoke to reporters in Moscow. \"The investigation is continuing as planned,\" it said.\n\n\
Azerbaijan Airlines suspended its flights to Russia. \"Safety comes first for all of our passengers,\" it said.\n\n\
The ministry later issued a statement. \"Any attempt to distort the facts will be met with a firm response,\" it said.\n\n\
In 2003, China hid an outbreak. And though the Chinese CDC has said there is \"no reason at all to worry now,\" it has also acknowledged the risk.\n\n\
The company was founded in 1990. When the ministry issued its ruling, it said \"the matter is now closed for good.\"";
    assert_eq!(
        run(text).into_iter().map(|q| q.2).collect::<Vec<_>>(),
        [
            "The Russian defence ministry",
            "The Russian defence ministry",
            "",
            "Azerbaijan Airlines",
            "The ministry",
            "",
            "the ministry"
        ]
    );
}

#[test]
fn it_in_reported_speech_stands_for_the_body_before_it() {
    let text = "The airline said it would resume flights to Moscow next month. It said the decision followed a safety review of its fleet.\n\n\
The plane crashed near Aktau. It said the weather over the Caspian had been fine.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "indirect",
                "it would resume flights to Moscow next month",
                "The airline"
            ),
            t3(
                "indirect",
                "the decision followed a safety review of its fleet",
                "The airline"
            ),
            t3("indirect", "the weather over the Caspian had been fine", ""),
        ]
    );
}

#[test]
fn he_or_she_opening_a_paragraph_takes_up_the_subject_ending_the_one_before() {
    let text = "Jo-Renee Formicola, a political science professor at Seton Hall, described the approach in terms of lowering expectations.\n\n\
\"If he is asked questions he cannot answer, he will deflect them,\" she said.\n\n\
Conservative economist Aparna Mathur, who studies tax policy, said the statement did not clarify the matter.\n\n\
\"I don't see details about who is left out, who is eligible,\" she said.\n\n\
Palestinian chief negotiator Saeb Erekat said they would oppose it at every level.\n\n\
\"We are going to the General Assembly and we will ask for an investigation,\" he added.";
    assert_eq!(
        run(text)
            .into_iter()
            .filter(|q| q.0 == "direct")
            .map(|q| q.2)
            .collect::<Vec<_>>(),
        ["Jo-Renee Formicola", "Aparna Mathur", "Saeb Erekat"]
    );
}

#[test]
fn a_whole_quotation_after_a_short_sentence_with_a_name_for_subject_is_that_names() {
    let text = "Foreign Minister Jeyhun Bayramov was blunt. \"Russia must take responsibility for what happened.\"\n\n\
Aliyev visited Moscow in May and met Putin in the Kremlin. \"Relations have never been better than today.\"\n\n\
The plane crashed near Aktau. \"There was smoke everywhere in the cabin.\"";
    assert_eq!(
        run(text)
            .into_iter()
            .map(|q| (q.0, q.2))
            .collect::<Vec<_>>(),
        [
            ("direct".to_string(), "Jeyhun Bayramov".to_string()),
            ("direct".to_string(), String::new()),
            ("direct".to_string(), String::new()),
        ]
    );
}

#[test]
fn a_name_after_a_preposition_in_an_apposition_is_not_the_speaker() {
    let text = "Hikmet Hajiyev, the foreign policy aide to President Ilham Aliyev, said the plane \"was hit by external interference over Grozny.\"";
    assert_eq!(
        kinds_quotes_speakers(text),
        [t3(
            "direct",
            "was hit by external interference over Grozny.",
            "Hikmet Hajiyev"
        )]
    );
}

#[test]
fn a_negated_or_declined_verb_reports_nothing_and_a_claim_or_others_after_a_comma_are_not_said() {
    let text = "According to Azerbaijani officials, the plane was struck by a Russian missile, a claim Moscow has not confirmed.\n\n\
The ministry did not say whether the plane had been hit by a missile.\n\n\
Peskov never said that the plane had been shot down by air defences.\n\n\
The Kremlin declined to say whether the investigation would be made public.\n\n\
Peskov said the plane had not been shot down by air defences.\n\n\
Some analysts suggest Baku is acting under Turkey's influence, while others believe Aliyev wants more independence.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "indirect",
                "the plane was struck by a Russian missile",
                "Azerbaijani officials"
            ),
            t3(
                "indirect",
                "the plane had not been shot down by air defences",
                "Dmitry Peskov"
            ),
            t3(
                "indirect",
                "Baku is acting under Turkey's influence",
                "Some analysts"
            ),
        ]
    );
}

#[test]
fn a_naming_participle_before_a_quotation_ends_the_statement_before_it() {
    let text = "In a rare public rebuke, Aliyev said Russia had tried to cover up the incident for three days, calling the initial explanations \"absurd.\"";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "indirect",
                "Russia had tried to cover up the incident for three days",
                "Ilham Aliyev"
            ),
            t3("direct", "absurd.", "Ilham Aliyev"),
        ]
    );
}

#[test]
fn they_stands_for_the_plural_that_is_the_subject_before_it() {
    let text = "Twenty-seven states led by West Virginia are challenging the rules in court. They argue that the agency overstepped its authority.\n\n\
Critics of the program, like Senator Charles Grassley, see reauthorization as an opportunity. They sent a letter on Thursday.\n\n\
\"The program has become plagued by fraud and abuse and should expire,\" they wrote.\n\n\
Proponents, including the Conference of Mayors, have urged Congress to keep the program, although they say they support some of the changes.\n\n\
The company that runs the AMAs denied the report. \"We have no further comment on this matter,\" they said.\n\n\
Residents of the town, many of whom had lost relatives, were angry. \"We want the truth about what happened,\" they said.\n\n\
The family later released a statement. \"We are devastated by the loss of our son,\" they said.";
    assert_eq!(
        run(text).into_iter().map(|q| q.2).collect::<Vec<_>>(),
        [
            "Twenty-seven states",
            "Critics of the program",
            "Proponents",
            "",
            "Residents of the town",
            "The family"
        ]
    );
}

#[test]
fn verbs_of_blame_and_praise_give_the_labels_after_them() {
    let text = "Aliyev slammed the Russian explanation as \"absurd.\"\n\n\
Bill Clinton criticized the Affordable Care Act as a \"crazy system.\"\n\n\
The passengers were slammed against the \"emergency exit\" when the plane hit the ground.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3("direct", "absurd.", "Ilham Aliyev"),
            t3("direct", "crazy system.", "Bill Clinton"),
            t3("scare", "emergency exit", ""),
        ]
    );
}

#[test]
fn one_opening_a_sentence_is_no_name_for_he() {
    let text = "One of the many reasons may be his ties to Russia. In an interview with RT he blasted the media for being \"unbelievably dishonest.\"";
    assert_eq!(
        kinds_quotes_speakers(text),
        [t3("direct", "unbelievably dishonest.", "")]
    );
}

#[test]
fn a_closing_mark_between_the_comma_and_a_naming_participle_is_no_comma() {
    // (The statement was cut one byte before the participle's gap, inside the mark.)
    let text = "Officials said the plane was hit by something ,” calling the crash “a crime against all of us.”";
    assert_eq!(
        kinds_quotes_speakers(text)[0],
        t3("indirect", "the plane was hit by something", "Officials")
    );
}

#[test]
fn participles_of_speech_and_blame_attribute_what_follows_them() {
    let text = "Aliyev spoke to reporters in Baku, accusing Russia of \"a cover-up.\"\n\n\
Jordanian Foreign Minister Ayman Safadi criticised the decision, warning of \"dangerous consequences\".\n\n\
Webb confessed to the kidnapping, admitting that he drove the child to a church parking lot.";
    assert_kinds_speakers_cues(
        text,
        &[
            ("direct", "Ilham Aliyev", "accuse"),
            ("direct", "Ayman Safadi", "warn"),
            ("indirect", "Webb", "admit"),
        ],
    );
}

#[test]
fn an_owned_or_determined_gerund_is_no_cue() {
    // ("declaring" after a possessive, "warning" after an article: nouns, not participles.)
    let text = "The candidates moved left, from Bernie Sanders’s declaring an end to deportations to Elizabeth Warren’s plan for \"Medicare for all.\"\n\n\
The ministry issued a warning of \"grave consequences\" for the region.";
    assert_kinds_speakers_cues(text, &[("scare", "", ""), ("scare", "", "")]);
}

#[test]
fn a_relative_pronoun_ends_a_participle_clauses_subject() {
    let text = "Central European leaders who have opposed migrants have embraced the idea of an army, warning that Britain's exit will sap the continent's defences.";
    assert_kinds_speakers_cues(text, &[("indirect", "Central European leaders", "warn")]);
}

#[test]
fn a_verb_after_but_shares_a_pronoun_subject() {
    let text = "Richard Locksley is an immunologist. He describes the prospects as \"exciting,\" but cautions that \"we are still in the very early days\" of it.";
    assert_kinds_speakers_cues(
        text,
        &[
            ("direct", "Richard Locksley", "describe"),
            ("direct", "Richard Locksley", "caution"),
        ],
    );
}

#[test]
fn a_surname_that_is_also_a_function_word_is_a_name() {
    let text = "Theresa May spoke in London on Monday. \"We will do whatever it takes to keep people safe,\" she said.\n\n\
Theresa May said the government would \"not hesitate\" to act.";
    assert_kinds_speakers_cues(
        text,
        &[
            ("direct", "Theresa May", "say"),
            ("direct", "Theresa May", "say"),
        ],
    );
}

#[test]
fn a_programme_after_its_broadcaster_is_no_part_of_the_quote() {
    let text = "\"He is absolutely right about all of it,\" Flynn said on Fox News's \"Fox and Friends.\" \"I mean, there is a lot of frustration within the ranks.\"\n\n\
\"This is a stock that had been getting clobbered,\" Maley said on CNBC's \"Trading Nation\" on Monday. \"It was down for four straight years.\"\n\n\
Putin launched Russia's \"Special Military Operation\" in 2022.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "direct",
                "He is absolutely right about all of it, … I mean, there is a lot of frustration within the ranks.",
                "Flynn"
            ),
            t3(
                "direct",
                "This is a stock that had been getting clobbered, … It was down for four straight years.",
                "Maley"
            ),
            t3("scare", "Special Military Operation", ""),
        ]
    );
}

#[test]
fn a_participle_after_an_opening_quotation_is_its_speakers() {
    let text = "\"We demand an apology,\" Aliyev said, adding that compensation must be paid to the families.\n\n\
\"We demand an apology,\" said Aliyev, adding that compensation must be paid to the families.\n\n\
\"We demand an apology,\" the Azerbaijani leader emphasized, adding that compensation must be paid.";
    assert_kinds_speakers_cues(
        text,
        &[
            ("direct", "Ilham Aliyev", "say"),
            ("indirect", "Ilham Aliyev", "add"),
            ("direct", "Ilham Aliyev", "say"),
            ("indirect", "Ilham Aliyev", "add"),
            ("direct", "the Azerbaijani leader", "emphasize"),
            ("indirect", "the Azerbaijani leader", "add"),
        ],
    );
}

#[test]
fn according_to_a_pronoun_is_whom_it_stands_for() {
    let text = "Aliyev spoke on Monday. According to him, the investigation must be completed as soon as possible.\n\n\
Aliyev spoke on Monday. According to him, the plane was \"shot down\" over Grozny.\n\n\
The officials spoke on Monday. According to them, the plane was hit by a missile over Grozny.";
    assert_kinds_speakers_cues(
        text,
        &[
            ("indirect", "Ilham Aliyev", "according to"),
            ("direct", "Ilham Aliyev", "according to"),
            ("indirect", "The officials", "according to"),
        ],
    );
}

#[test]
fn as_reported_by_a_source_is_the_sources() {
    let text = "As reported by APA, the plane was hit by a Pantsir missile over Grozny.\n\n\
As stated by the Russian foreign ministry, the accusations were completely unfounded.\n\n\
As reported earlier, the plane crashed near Aktau on Christmas Day.";
    assert_kinds_speakers_cues(
        text,
        &[
            ("indirect", "APA", "report"),
            ("indirect", "the Russian foreign ministry", "state"),
        ],
    );
}

#[test]
fn an_adverb_after_an_auxiliary_is_no_part_of_the_speaker() {
    let text = "Officials have repeatedly said they would \"never\" accept the terms.\n\n\
The family has said that they would never accept the terms of the deal.";
    assert_kinds_speakers_cues(
        text,
        &[
            ("direct", "Officials", "say"),
            ("indirect", "The family", "say"),
        ],
    );
}

#[test]
fn a_person_before_a_colon_opening_a_line_is_the_quotations_speaker() {
    let text = "Aliyev: \"Russia must admit its guilt and punish those responsible\"\n\n\
President Ilham Aliyev spoke on Sunday.\n\n\
President Putin: \"We will pay compensation to all the families\"\n\n\
Vladimir Putin spoke in Moscow.\n\n\
John Smith: \"This is a terrible day for the whole country\"\n\n\
Watch: \"Russia must admit its guilt and punish those responsible\"\n\n\
Breaking News: \"This is a terrible day for the whole country\"\n\n\
Editor Picks: \"This is a terrible day for the whole country\"\n\n\
Latest Update: \"This is a terrible day for the whole country\"";
    assert_eq!(
        speakers_of(text),
        [
            "Ilham Aliyev",
            "Vladimir Putin",
            "John Smith",
            "",
            "",
            "",
            ""
        ]
    );
    // And after the colon that follows a quotation opening its line, before a verb.
    let text = "\"Russia must admit its guilt and punish those responsible\": Aliyev demands apology over the crash\n\n\
President Ilham Aliyev spoke on Sunday.\n\n\
\"Make America Great Again and again and again\": Trump's old slogan returns to the stage\n\n\
Donald Trump spoke on Sunday.";
    assert_eq!(speakers_of(text), ["Ilham Aliyev", ""]);
}

#[test]
fn a_role_before_a_name_with_a_link_is_the_roles() {
    let text = "Writing in the Financial Times, analyst Thomas de Waal argued that the crisis had deep roots.";
    assert_eq!(speakers_of(text), ["Thomas de Waal"]);
}

#[test]
fn in_someones_words_is_theirs() {
    let text = "Aliyev spoke on Monday. In his words, the Russian side had tried to hide the facts for three days.\n\n\
In the words of Hikmet Hajiyev, the investigation must be transparent and complete.\n\n\
The officials spoke on Monday. In their words, the plane was hit by a missile over Grozny.";
    assert_kinds_speakers_cues(
        text,
        &[
            ("indirect", "Ilham Aliyev", "according to"),
            ("indirect", "Hikmet Hajiyev", "according to"),
            ("indirect", "The officials", "according to"),
        ],
    );
}

/// Each quote's speaker, role and speaker group after resolution.
fn roles_and_groups(text: &str) -> Vec<(String, String, String)> {
    let mut d = vec![extract(text, &segment(text), Lists::default())];
    let groups = resolve_speakers(&mut d, &Gazetteer::bundled());
    d.remove(0)
        .quotes
        .into_iter()
        .zip(groups.into_iter().flatten())
        .map(|(q, g)| (q.speaker, q.role, g))
        .collect()
}

/// A quote that gives its speaker no role but "Mr." takes the role the document introduced
/// them with where it first named them, and the speaker group is read from it: the words
/// before the name in its clause, and an apposition after it.
#[test]
fn a_speaker_without_a_role_at_the_quote_takes_their_introduction() {
    let r = |s: &str, role: &str, g: &str| (s.to_string(), role.to_string(), g.to_string());
    let text = "Tom Clarke, a nursing home owner, bought three coal mines last year. \
        “We will plant trees on every acre,” Mr. Clarke said.\n\n\
        Republican presidential nominee Donald Trump visited the mines. \
        “Coal is coming back,” Trump said.\n\n\
        Secretary of State John Kerry was in Paris. \
        “The agreement stands,” said John Kerry on Monday.";
    assert_eq!(
        roles_and_groups(text),
        [
            r("Tom Clarke", "Mr, a nursing home owner", "business"),
            r(
                "Donald Trump",
                "Republican presidential nominee",
                "politicians"
            ),
            r("John Kerry", "Secretary of State", "officials"),
        ]
    );
}

/// An abbreviated title of four letters or more, or a plural one, goes on into the name after
/// its full stop, and is the speaker's role: "Sens." before two senators is no speaker, and
/// neither is "Supt."; the second of the two senators has the title too.
#[test]
fn a_long_or_plural_abbreviated_title_is_a_role_not_a_speaker() {
    let r = |s: &str, role: &str, g: &str| (s.to_string(), role.to_string(), g.to_string());
    let text = "“The vote is a sham,” said Sens. John Smith and Mary Jones.\n\n\
        “The suspect fled on foot,” said Supt. Jane Doe.\n\n\
        “The data are clear on this,” said Prof. Ann Lee.\n\n\
        “We agree on this bill,” Sens. Chuck Grassley and Patrick Leahy wrote.";
    assert_eq!(
        roles_and_groups(text),
        [
            r("John Smith", "Sens", "US politicians"),
            r("Jane Doe", "Supt", "unclassified"),
            r("Ann Lee", "Prof", "analysts"),
            // A plural title before two names joined by "and" is the second's too.
            r("Patrick Leahy", "Sens", "US politicians"),
        ]
    );
    // A singular one is the first's only.
    assert_eq!(
        roles_and_groups("“We agree on this bill,” Sen. Chuck Grassley and Patrick Leahy wrote."),
        [r("Patrick Leahy", "", "unclassified")]
    );
}

/// What stands before a name but is not about it is no introduction: a preposition's object
/// ("a lawyer for Donald Trump"), a verb ("pledged not to pardon", "described"), or a clause
/// after a comma and "the" ("Rush Limbaugh, the move reeks of fear").
#[test]
fn an_introduction_stops_where_the_words_are_not_about_the_name() {
    let r = |s: &str, role: &str, g: &str| (s.to_string(), role.to_string(), g.to_string());
    let cases = [
        (
            "She is a lawyer for Donald Trump. “We will win,” Trump said.",
            r("Donald Trump", "", "unclassified"),
        ),
        (
            "He pledged not to pardon Hillary Clinton. “That is absurd,” Clinton said.",
            r("Hillary Clinton", "", "unclassified"),
        ),
        (
            "Christie described Democratic presidential nominee Hillary Clinton as a disgrace. \
             “I have a plan,” Clinton said.",
            r(
                "Hillary Clinton",
                "Democratic presidential nominee",
                "politicians",
            ),
        ),
        (
            "Senator Warren grilled Wells Fargo CEO John Stumpf on Tuesday. \
             “I am deeply sorry,” Stumpf said.",
            r("John Stumpf", "Wells Fargo CEO", "business"),
        ),
        (
            "According to radio host Rush Limbaugh, the move reeks of fear. \
             “They are scared,” Limbaugh said.",
            r("Rush Limbaugh", "radio host", "media"),
        ),
    ];
    for (text, want) in cases {
        let got = roles_and_groups(text);
        assert_eq!(got.last(), Some(&want), "{text}");
    }
}

/// What a poll, a study or an inquiry found is attributed to it, as what a person says is:
/// "shows that", "found that", "estimates that". Without "that" the verb reports nothing ("The
/// study found a link between …", "Polls show Clinton ahead").
#[test]
fn findings_of_polls_and_studies_are_attributed_to_them() {
    let text = "A Bloomberg poll shows that wealthy voters have abandoned the Republican party this year. \
        A 2014 study found that medical research contradicted half of the show's recommendations. \
        The Tax Policy Center estimates that the plan would raise taxes on the top 1 percent. \
        Another study found a link between sleep and hunger in adults. \
        Polls show Clinton ahead by three points in the swing states.";
    let got: Vec<(String, String, String)> =
        run(text).into_iter().map(|q| (q.0, q.2, q.3)).collect();
    let want = [
        ("indirect", "A Bloomberg poll", "show"),
        ("indirect", "A 2014 study", "find"),
        ("indirect", "Tax Policy Center", "estimate"),
    ]
    .map(|(k, s, c)| (k.to_string(), s.to_string(), c.to_string()));
    assert_eq!(got, want);
}

/// A body whose name ends in "Foundation", "Survey", "Journal", "Institute" and the like keeps
/// the words that open its name, a nationality among them: "the Tax Foundation" is not
/// "Foundation", nor "the American Community Survey" "Community Survey" with the role
/// "American".
#[test]
fn a_bodys_name_keeps_its_opening_words() {
    let text = "According to the Tax Foundation, the new plan is still tilted toward the rich. \
        Data from the 2014 American Community Survey show that women represented about 41 percent of the workforce.";
    assert_eq!(
        speakers_of(text),
        ["Tax Foundation", "American Community Survey"]
    );
}

/// A speaker's group across the corpus is the one most of their quotes give, the first of
/// equals on a tie; unclassified quotes and quotes without a speaker cast no vote.
#[test]
fn group_votes_take_the_majority_then_the_first() {
    let mut votes = GroupVotes::default();
    for (speaker, group) in [
        ("Jane Roe", "unclassified"),
        ("Jane Roe", "analysts"),
        ("Jane Roe", "US politicians"),
        ("Jane Roe", "US politicians"),
        ("John Doe", "media"),
        ("John Doe", "analysts"),
        ("", "media"),
        ("Max Mustermann", "unclassified"),
    ] {
        votes.add(speaker, group);
    }
    let groups = votes.settle();
    assert_eq!(groups.of("Jane Roe"), "US politicians");
    assert_eq!(groups.of("John Doe"), "media");
    assert_eq!(groups.of("Max Mustermann"), "unclassified");
    assert_eq!(groups.of(""), "");
}

/// A body's name that goes on with "and" is one name; two people, places or bodies joined by
/// "and" are not.
#[test]
fn a_bodys_name_with_and_in_it_is_whole() {
    let text = "The Securities and Exchange Commission said the rule would take effect in May.\n\n\
        Tourism accounts for 15 percent of output, according to the World Travel and Tourism Council, an industry body.\n\n\
        The Urban Institute and Brookings Institution estimated that the plan would raise $1.1 trillion.";
    assert_eq!(
        speakers_of(text),
        [
            "Securities and Exchange Commission",
            "World Travel and Tourism Council",
            "Brookings Institution"
        ]
    );
    let text = "Russia and Azerbaijan said the talks would resume in the spring.";
    assert!(!speakers_of(text).iter().any(|s| s.contains(" and ")));
}

/// The writer's own "let's say" reports no one's speech.
#[test]
fn lets_say_reports_nothing() {
    let text =
        "First, let’s say what the Yahoo sale is not.\n\nThen let's say that the deal is done.";
    assert_eq!(speakers_of(text), Vec::<String>::new());
}

/// A place is no fuller name of the place a word of direction qualifies: "Sudan" is not
/// South Sudan, in its document or in the corpus; "the Times" is still The New York Times.
#[test]
fn a_place_is_not_its_qualified_neighbour() {
    let speakers = corpus_speakers(&[
        "Sudan has said it will stop supporting rebels in neighboring South Sudan.",
        "Fighting resumed in South Sudan on Monday. Sudan said it had closed the border.",
    ]);
    assert_eq!(speakers, [vec!["Sudan"], vec!["Sudan"]]);
    let speakers = corpus_speakers(&[
        "The New York Times reported the loss. “He lost $916 million,” the Times wrote.",
    ]);
    assert_eq!(speakers, [vec!["New York Times"]]);
}

/// "He" does not stand for a plural noun that opens its sentence, capitalised as it is.
#[test]
fn he_is_not_a_plural_noun_opening_the_sentence() {
    let text = "On race relations, Mr. Obama said recent concerns were “legitimate and deserve intense attention.”\n\n\
        Children growing up during his presidency “will have a different view of race relations in this country,” he said.";
    assert_eq!(speakers_of(text), ["Obama", "Obama"]);
}

/// An adverb opening a sentence before its comma ("Strangely,", "Normally,", "Next,",
/// "Meanwhile,") and a preposition opening a name ("Besides Lahav") are no part of anyone's
/// name; "Daly," is a name.
#[test]
fn an_opening_adverb_or_preposition_is_no_name() {
    let text = "David Morales wrote the report. Strangely, the report was drafted in English. “Sometimes I like to write in English,” he claimed.";
    assert_eq!(speakers_of(text), ["David Morales"]);
    let text = "Dr. Ahmed Azza works in Hebron. Normally, he’d spend his weekends with his parents. “There’s a tragedy inside every one of us,” he says.";
    assert_eq!(speakers_of(text), ["Ahmed Azza"]);
    let text = "Besides Lahav, two guards were fired. Authored on the firm’s letterhead, Lahav stated that he had “worked with Mr. Morales for three years.”";
    assert_eq!(speakers_of(text), ["Lahav"]);
    let text = "Meanwhile, Clinton said Trump “has offended Hispanics, women and former prisoners of war with his insults.”";
    assert_eq!(speakers_of(text), ["Clinton"]);
    let text = "Next, the minister accused the opposition of lying, claiming it had spread “insulting rumours about the budget.”";
    assert!(!speakers_of(text).contains(&"Next".to_string()));
    let text = "Daly, a senator from Ohio, spoke first. “We will win,” he said.";
    assert_eq!(speakers_of(text), ["Daly"]);
}

/// A name in "-ly" before an apposition is the speaker, not an opening adverb ("Kelly, a
/// spokeswoman, said"); an adverb there is passed over ("Frankly, …").
#[test]
fn a_name_in_ly_before_its_apposition_is_the_speaker() {
    let text = "“We are reviewing the case and will respond soon,” Kelly, a spokeswoman for the agency, said on Monday.";
    assert_eq!(speakers_of(text), ["Kelly"]);
    let text = "“The plant will stay open for at least another year,” Connolly, the plant’s manager, told reporters.";
    assert_eq!(speakers_of(text), ["Connolly"]);
    let text = "Sadly, a spokesman for the ministry said that “the talks are over for this year and will not resume.”";
    assert_eq!(speakers_of(text), ["a spokesman for the ministry"]);
}

/// "On" links a body to its field, never to a day; a negated auxiliary opens no name.
#[test]
fn a_body_on_its_field_is_one_name_and_a_contraction_none() {
    let text = "The nonpartisan Commission on Presidential Debates says there was indeed a problem with the microphone.\n\n\
        The United Nations Security Council on Friday called the test “a clear threat to international peace and security.”";
    assert_eq!(
        speakers_of(text),
        [
            "Commission on Presidential Debates",
            "United Nations Security Council"
        ]
    );
    let text = "Don’t say “this post is so snobbish” to a writer.";
    assert!(!speakers_of(text).contains(&"Don’t".to_string()));
}

/// A short quotation far inside someone's reported speech is theirs, with the verb that
/// reports it ("within"); one that repeats a speaker's quoted words elsewhere in the
/// document is theirs with no verb ("echo").
#[test]
fn a_scare_quote_inside_reported_speech_or_repeating_a_speaker_is_theirs() {
    let text = "At a press conference in Chelsea, the mayor also said that it was too early to tell whether the explosion was caused by a bomb, and there was “no evidence” yet that it was an act of terrorism.";
    let got = run(text);
    let q = got.iter().find(|q| q.1 == "no evidence").unwrap();
    assert_eq!(
        (q.0.as_str(), q.2.as_str(), q.3.as_str()),
        ("direct", "the mayor", "say")
    );
    let text = "“Look, it’s a phony system,” Trump told Bill O’Reilly of Fox News this week.\n\n\
        The candidate’s talk of a “phony system” was aimed at the moderators.";
    let got = kinds_quotes_speakers(text);
    let echo = got.iter().find(|q| q.1 == "phony system").unwrap();
    assert_eq!((echo.0.as_str(), echo.2.as_str()), ("direct", "Trump"));
    assert_eq!(
        run(text).iter().find(|q| q.1 == "phony system").unwrap().3,
        "",
        "an echo has no verb of its own"
    );
}

/// Words two speakers are quoted with are no one's in particular when repeated.
#[test]
fn a_repeat_of_two_speakers_words_stays_a_scare_quote() {
    let text = "“We will defeat radical Islamic terrorism,” Trump said.\n\n\
        “Do I think that using the phrase radical Islamic terrorism is a huge deal? No,” Obama said.\n\n\
        The debate over “radical Islamic terrorism” went on for weeks.";
    let got = kinds_quotes_speakers(text);
    let q = got
        .iter()
        .find(|q| q.1 == "radical Islamic terrorism")
        .unwrap();
    assert_eq!((q.0.as_str(), q.2.as_str()), ("scare", ""), "{got:?}");
}

/// Not every repeat is someone's words: one word, a "so-called" term, a title or a name in
/// title case, or stop words only stay scare quotes.
#[test]
fn short_titled_or_so_called_repeats_stay_scare_quotes() {
    let said = "“The pipeline deal is a betrayal of the Armenian people and of the Peace Through Strength pledge,” Pashinyan said.\n\n";
    for (later, term) in [
        ("The region heard of the “betrayal” for weeks.", "betrayal"),
        (
            "The so-called “pipeline deal” was signed in May.",
            "pipeline deal",
        ),
        (
            "Its “Peace Through Strength” banners were everywhere.",
            "Peace Through Strength",
        ),
        ("The words “of the” were everywhere.", "of the"),
    ] {
        let got = kinds_quotes_speakers(&format!("{said}{later}"));
        let q = got.iter().find(|q| q.1 == term).unwrap();
        assert_eq!((q.0.as_str(), q.2.as_str()), ("scare", ""), "{later}");
    }
}

/// A quoted subheading or pull quote that repeats a speaker's words is no quote of its own:
/// the speaker is counted once.
#[test]
fn a_pull_quote_repeating_a_speaker_is_not_counted_again() {
    let text = "Tom Clarke runs the company.\n\n‘Coal Isn’t the Villain.’\n\n\
        “Coal isn’t the villain,” he said. “The villain is excess carbon dioxide in the atmosphere.”";
    let got = kinds_quotes_speakers(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].0.as_str(), got[0].2.as_str()),
        ("direct", "Tom Clarke")
    );
    // Alone in its paragraph but repeating no one, it stays.
    let text = "‘A Legend in the Coal Fields.’\n\nThe company was set up in 2007.";
    assert_eq!(kinds_quotes_speakers(text).len(), 1);
}

/// A label that "as" gives the object of a named subject's clause is the subject's words; not
/// after a participle, in a passive clause, in title case, or with a subject that names no one.
#[test]
fn a_label_after_as_is_the_named_subjects() {
    for (text, speaker) in [
        ("Trump openly admires Russian President Vladimir Putin as a “strong leader,” comparing him to Obama.", "Trump"),
        ("Senate Minority Leader Harry Reid has been steadily pounding Trump as a “con artist” for months.", "Harry Reid"),
        ("In recent weeks, she has gone after the governor as a “reckless gambler” at every stop.", ""),
    ] {
        let got = kinds_quotes_speakers(text);
        assert_eq!(got.len(), 1, "{text}");
        assert_eq!((got[0].0.as_str(), got[0].2.as_str()), ("direct", speaker), "{text}");
    }
    // And a chain of labels after one "as".
    let text = "Harry Reid has gone after Trump as a “human leech who will bleed the country” and a “spoiled brat.”";
    let got = kinds_quotes_speakers(text);
    assert!(
        got.len() == 2 && got.iter().all(|q| q.0 == "direct" && q.2 == "Harry Reid"),
        "{got:?}"
    );
    for text in [
        "The building, known as the “Russia House,” was closed in May.",
        "Trump is widely seen as a “strong leader” in the region.",
        "Putin was praised by Trump as a “strong leader” last year.",
        "Reid has been pounding Trump the “con artist” for months.",
        "Clinton cited his references to Machado as “Miss Piggy” at the debate.",
        "The couple hired him as a “games consultant” last year.",
        "There is no such thing as “the sharing economy” in Sydney.",
    ] {
        let got = kinds_quotes_speakers(text);
        assert!(got.iter().all(|q| q.0 == "scare"), "{text}: {got:?}");
    }
}

/// The report's spill file writes a waiting surname's gender as one letter and reads it back.
#[test]
fn unresolved_speakers_read_back_from_their_codes() {
    for u in [
        Unresolved(None),
        Unresolved(Some(Gender::Male)),
        Unresolved(Some(Gender::Female)),
    ] {
        assert_eq!(Unresolved::from_code(u.code()), Some(u));
    }
    assert_eq!(Unresolved::from_code(""), None);
}

#[test]
fn a_middle_initial_leaves_a_name_a_name() {
    // "A." is an initial, not the article of a heading in title case: "she" and the bare
    // surname both take up the attorney named before.
    let text =
        "Sonya A. Zoghlin, Carlineo’s attorney, said her client did not intend to cause harm.\n\
“Pat Carlineo is passionate about his political beliefs and rights,” she said in an email.\n\
“He has taken responsibility for his words in this instance,” Zoghlin said.";
    assert_eq!(
        speakers_of(text),
        ["Sonya A Zoghlin", "Sonya A Zoghlin", "Sonya A Zoghlin"]
    );
}

#[test]
fn an_adverb_between_subject_and_verb_before_a_colon() {
    let got = run("Andrew flew to New York in 2010.\n\
He instead told the BBC interviewer: “I took the judgement call that I had to go and see him.”");
    assert_eq!(got[0].2, "Andrew");
    assert_eq!(got[0].3, "tell");
}

#[test]
fn an_owner_after_the_verb_is_not_whom_he_stands_for() {
    // Epstein's mansion is the object's; "He" goes on from the prince, the subject before.
    let text = "Prince Andrew claims that he felt honor-bound to visit the financier in person. \
This purported severance of friendship required the British royal spending three days at \
Jeffrey Epstein’s orgy mansion.\n\
He instead told the BBC interviewer: “I took the judgement call that I had to go and see him.”";
    assert_eq!(speakers_of(text).last().map(String::as_str), Some("Andrew"));
}

#[test]
fn an_imperative_opening_a_sentence_is_no_part_of_a_name() {
    // "(See Facebook's own description …)": the speaker named later is Facebook.
    let text = "The site loads a script. (See Facebook's own description of this process.)\n\
Facebook often deflects accusations by arguing “consent” in public.";
    assert_eq!(speakers_of(text), ["Facebook"]);
    // "Like" opens no speaker: the quoted words are no one's.
    assert_eq!(run("Like calling Gruber “just another blogger”.")[0].2, "");
}

#[test]
fn he_takes_up_a_man_over_a_speaker_of_unknown_gender_named_before_him() {
    // Facebook is a speaker of the document, of no known gender, and first in the sentence
    // before; "he" is Mark Zuckerberg, named after it. (An article and a noun before
    // "Facebook" make it no name after a role, no subject.)
    let text = "Facebook often deflects accusations by arguing “consent” in public.\n\
Mark Zuckerberg testified on Tuesday.\n\
A key Facebook approach is building a long-term relationship with your target, Zuckerberg said at the trial. \
“These deals don’t just pop up over night,” he said.";
    assert_eq!(
        speakers_of(text),
        ["Facebook", "Mark Zuckerberg", "Mark Zuckerberg"]
    );
    // "According to" after the verb names a source, never what was said.
    assert_eq!(
        speakers_of("These deals don’t just pop up, he said according to a transcript reviewed by Business Insider."),
        Vec::<String>::new()
    );
}

#[test]
fn a_word_with_a_digit_before_a_full_stop_is_no_initial() {
    // "WW2." ends a sentence; it is no initial joining the next sentence's name ("J. Smith").
    let got = run("The studio has high hopes for Call of Duty: WW2. Harris said the game sold ten million copies.");
    assert_eq!(got[0].2, "Harris");
}

#[test]
fn a_verb_with_its_own_that_clause_after_a_full_stop_attributes_nothing() {
    // The parenthesis reports what models say; the quotation before it goes on Mann's.
    let text = "“The authors are promoting a very dangerous gambit,” Mann writes. “This desperate \
action is motivated by a fallacy advanced by the article.” (Current models say that carbon \
dioxide emissions will warm the atmosphere a lot less.)";
    let got = run(text);
    assert_eq!(
        got,
        [t(
            "direct",
            "The authors are promoting a very dangerous gambit, … This desperate action is \
             motivated by a fallacy advanced by the article.",
            "Mann",
            "write"
        )]
    );
    // "that day" is no clause: the attribution stands.
    assert_eq!(
        speakers_of("“We will pay compensation to every family.” Putin said that day."),
        ["Vladimir Putin"]
    );
}

#[test]
fn they_goes_on_from_a_plural_source_named_by_according_to() {
    let text = "As a reality TV boss, Donald Trump repeatedly demeaned women, according to show \
insiders. They said he rated female contestants by their looks.";
    assert_eq!(speakers_of(text), ["show insiders", "show insiders"]);
    // The head before what qualifies it: "four sources familiar with …".
    let text = "The plane was shot down by a missile, according to four sources familiar with the \
investigation. The missile was fired by air defences, they said.";
    assert_eq!(
        speakers_of(text)[1],
        "four sources familiar with the investigation"
    );
    // One body is no "they".
    let text = "The plane was shot down over Grozny, according to the ministry of defence. The \
missile was fired by air defences, they said.";
    assert_eq!(speakers_of(text)[1], "");
}

#[test]
fn a_relative_clause_quotes_the_noun_its_pronoun_stands_for() {
    // The sign reads the words, not the workers who remove it.
    let text = "Workers remove a hammer and sickle from a neon sign that reads “Glory to Communism,” on the roof.";
    assert_eq!(speakers_of(text), ["a neon sign"]);
    let text = "He cited the Chicago Police Department which reported “2,521 shooting incidents” in the city.";
    assert_eq!(speakers_of(text), ["Chicago Police Department"]);
    // A comma before the pronoun: the company.
    let text = "Smith sued the company, which said “the suit was frivolous and without merit”.";
    assert_eq!(speakers_of(text), ["the company"]);
    // After a comma, the name right before it.
    let text = "He testified in a lawsuit with ZeniMax Media, which accuses Oculus of “misappropriating” trade secrets.";
    assert_eq!(speakers_of(text), ["ZeniMax Media"]);
    // A text "by" someone is theirs (its name as the speaker finder reads it).
    let text = "Emery retweeted an article by New York magazine that claimed we now live in a “post-truth” society.";
    let got = run(text);
    assert_eq!(
        (got[0].0.as_str(), got[0].2.as_str()),
        ("direct", "New York magazine")
    );
    // A text the subject wrote speaks for its writer.
    let text = "Trump posted a tweet that read: “We will win this election by a lot of votes.”";
    assert_eq!(speakers_of(text), ["Trump"]);
}

/// A magazine's name ends in "magazine": "New York magazine" had been the place New York,
/// "Time magazine" the word Time, and a "she" after it had been Time's.
#[test]
fn a_magazines_name_ends_in_magazine_and_is_no_person() {
    let text =
        "New York magazine reported that the deal was “all but done by the end of the week.”";
    assert_eq!(speakers_of(text), ["New York magazine"]);
    let text = "Time magazine said the senator was “the most powerful woman in Washington today.”\n\n“We will not stop,” she told Rolling Stone magazine in an interview.";
    assert_eq!(speakers_of(text), ["Time magazine", ""]);
}

/// Two adverbs opening the sentence, the first of degree, are no speaker: "Rather quickly,
/// someone said" had given "Rather".
#[test]
fn a_degree_adverb_and_an_adverb_before_a_comma_are_no_speaker() {
    let text = "Rather quickly, someone said “we should leave now before it gets dark.”";
    assert_eq!(speakers_of(text), ["someone"]);
    let text = "Quite frankly, the minister said “the road will stay closed until further notice.”";
    assert_eq!(speakers_of(text), ["the minister"]);
}

/// Words that open a sentence before its subject are no speaker: a time adverb ("Later that
/// evening, he admitted" had given "Later"), a compound preposition ("Prior to September, I
/// would have said" gave "Prior"), "Plus," before a description ("Plus, other research
/// suggests"); nor is a pronoun with its verb ("You'll look at an item and ask yourself, “…”"
/// gave "You'll").
#[test]
fn opening_words_and_contracted_pronouns_are_no_speaker() {
    let text = "Michael Webb was arrested on Friday. Later that evening, he admitted that he took the child to a hotel.";
    assert_eq!(speakers_of(text), ["Michael Webb"]);
    let text = "Prior to the vote, the senator said the bill “would not pass in its present form.”";
    assert_eq!(speakers_of(text), ["the senator"]);
    let text = "Plus, other research suggests that exercise can decrease stress levels.";
    assert_eq!(speakers_of(text), ["other research"]);
    let text = "You'll look at an item and ask yourself, “Will this just end up in the picture?”";
    assert_eq!(speakers_of(text), [""]);
}

/// A name that ends in a place, with no given name first, is a body, not the place's fuller
/// name: "America says" stays America in a corpus that names RT America.
#[test]
fn a_body_named_after_a_place_is_not_its_fuller_name() {
    let speakers = corpus_speakers(&[
        "RT America is the United States version of Russia Today, a network financed by Moscow.",
        "I hope in 2017 America says, “President Clinton, thank you for a lifetime of public service.”",
    ]);
    assert_eq!(speakers, [Vec::<&str>::new(), vec!["America"]]);
}

/// Appositions of a press release's speaker are no speaker: a company's suffix ("Dräger,
/// Inc.," had given "Inc"), a title of several words for a body ("Senior Vice President of
/// Sales for Acme" had given "for Acme"), a part of titles alone; and a bare plural after
/// ", and" is its clause's subject ("Fad diets can be unhealthy, and studies show" gave "Fad").
#[test]
fn a_press_release_speakers_appositions_are_no_speaker() {
    let quote = "“Effective clinical alarm management continues to be a high focus.”";
    for lead in [
        "Steve Menet, Senior Vice President of Sales for Dräger, Inc., says:",
        "Steve Menet, Senior Vice President of Sales for Acme, says:",
        "Steve Menet, Senior Vice President, said",
        "Steve Menet, Senior Vice President for Sales at Acme, said",
        // (A title before a body's name, without "of")
        "Steve Menet, President Acme North America, says:",
        "Steve Menet, President emeritus, says:",
    ] {
        assert_eq!(
            speakers_of(&format!("{lead} {quote}")),
            ["Steve Menet"],
            "{lead}"
        );
    }
    // (But not a titled person after what was said, nor after a name of one word.)
    let text = "The bill failed badly, Senator Kennedy said.";
    assert_eq!(speakers_of(text), ["Kennedy"]);
    let text = "Acme, President John Doe says, will “help hospitals.”";
    assert_eq!(speakers_of(text), ["John Doe"]);
    let text = "Russia, President Putin said, will “respond to the attack.”";
    assert_eq!(speakers_of(text), ["Vladimir Putin"]);
    // (A part of titles alone in lower case is no name, and reads as before.)
    let text = "Steve Menet, senior vice president, says: “Alarms matter.”";
    assert_eq!(speakers_of(text), ["Steve Menet"]);
    let text = "Mary Jones left early, President Putin said.";
    assert_eq!(speakers_of(text), ["Vladimir Putin"]);
    let text = "Jeff Merkley, Senator Robert Menendez said, will “fight the bill.”";
    assert_eq!(speakers_of(text), ["Robert Menendez"]);
    let text = "Fad diets can often be very unhealthy, and studies show that overly restrictive eating may trigger binge eating.";
    assert_eq!(speakers_of(text), ["studies"]);
}

/// A thing an owner's possessive names is no fuller name of its last word: "RT and its
/// defenders say" had become "Trump's RT" in an article that mentions "Mr. Trump's RT
/// appearance".
#[test]
fn an_owned_thing_is_no_fuller_name() {
    let text = "Critics pointed to Trump's RT interview last week.\n\nRT said that the network is no more biased than any other news organization.";
    assert_eq!(speakers_of(text), ["RT"]);
}

/// A surname alone that is also a given name of the other gender ("James") takes the gender
/// of the fuller name its document gives, not the list's: "she" after "James said" is
/// Letitia James's. A given name alone, which ends no fuller name, keeps the list's gender
/// ("Sarah").
#[test]
fn a_surname_alone_takes_its_fuller_names_gender() {
    let text = "New York Attorney General Letitia James questioned John Stumpf on Tuesday.\n\n\
        “It’s gutless leadership,” James said.\n\n\
        Last week Stumpf in a televised interview appeared to blame low-level workers for this behavior.\n\n\
        A cashier who “steals a handful of $20s” is held accountable, James said. Bank executives aren’t.\n\n\
        “The only way Wall Street will change will be if executives face jail time” for criminal behavior, she said.";
    assert_eq!(speakers_of(text), ["Letitia James"; 3]);
    let text = "Later, Sarah studied physical oceanography at MIT.\n\n\
        “One of my office mates was asked how she would explain the weather,” she said.";
    assert_eq!(speakers_of(text), ["Sarah"]);
}

/// A run of titles alone is no fuller name of a title: "The President said" after "Steve
/// Menet, Senior Vice President, said" had become "Senior Vice President".
#[test]
fn titles_alone_are_no_fuller_name() {
    let text = "Steve Menet, Senior Vice President, said “alarm management continues to be a high focus.”\n\n\
        The President said “the company will keep investing in its hospital systems.”";
    assert_eq!(speakers_of(text), ["Steve Menet", "President"]);
}

/// A place after the place an apposition ends in ("in Munich, Germany", "in Greenbelt,
/// Maryland") is that place's region, not the speaker: the quotes had gone to "Germany" and
/// "D.C". A name in such a part when no place comes before it is still the speaker.
#[test]
fn a_region_after_an_appositions_place_is_no_speaker() {
    let quote = "“Numerical experiments of this kind are successful when you get out more than you put in,”";
    for lead in [
        "Dylan Nelson, a postdoctoral fellow at the Max Planck Institute for Astrophysics in Munich, Germany, and co-author of the study, said in a statement.",
        "Dylan Nelson, a postdoctoral fellow at the Max Planck Institute in Munich, Germany, said.",
        "study lead author Dylan Nelson, a planetary scientist at NASA's Goddard Space Flight Center in Greenbelt, Maryland, and American University in Washington, D.C., said in a statement.",
    ] {
        assert_eq!(
            speakers_of(&format!("{quote} {lead}")),
            ["Dylan Nelson"],
            "{lead}"
        );
    }
    let text = format!(
        "{quote} a spokesman for the company, which has offices in Munich, Dylan Nelson, said."
    );
    assert_eq!(speakers_of(&text), ["Dylan Nelson"]);
    // (A name after a part that ends in no place is the speaker: "to Merkel".)
    let text =
        format!("{quote} the institute's director, a former adviser to Merkel, Nelson, said.");
    assert_eq!(speakers_of(&text), ["Nelson"]);
}

/// A second verb after ", and" shares the subject of the clause's first verb in the past,
/// past a place's region between commas ("near McAllen, Texas, and argued" had given Texas)
/// and past the comma that sets off "and" ("raised alarm at the deal, and said" had no
/// speaker).
#[test]
fn a_verb_after_comma_and_shares_the_first_verbs_subject() {
    let text = "Rep. David McKinley visited the border near McAllen, Texas, and argued that the United States needs more agents.";
    assert_eq!(speakers_of(text), ["David McKinley"]);
    // (With an apposition or a party tag before the verb: "McKinley, R-W.Va., visited", whose
    // ".," ends no sentence.)
    for lead in [
        "Rep. David McKinley, a Republican,",
        "In October, Rep. David McKinley, R-W.Va.,",
    ] {
        let text = format!("{lead} visited the border near McAllen, Texas, and argued that the United States needs more agents.");
        assert_eq!(speakers_of(&text), ["David McKinley"], "{lead}");
    }
    let text = "Rep. David McKinley, R-W.Va., said that the United States needs more agents.";
    assert_eq!(speakers_of(text), ["David McKinley"]);
    let text = "However, the group raised alarm at the terms of the deal, and said that employees were told to sign by Monday.";
    assert_eq!(speakers_of(text), ["the group"]);
}

/// A participle after a quotation takes no subject after it: "“…”, saying he trusted the
/// Israeli courts to decide" had given the quotation to "Israeli". A finite verb still does
/// ("“…,” said Smith").
#[test]
fn a_participle_after_a_quotation_takes_no_subject_after_it() {
    let text = "Pompeo said the settlements were “not, per se, inconsistent with international law”, saying he trusted the Israeli courts to decide.";
    let got = kinds_quotes_speakers(text);
    assert!(
        got.iter().all(|(_, _, speaker)| speaker == "Pompeo"),
        "{got:?}"
    );
    let text = "“It is not, per se, inconsistent with international law,” said Jane Roe.";
    assert_eq!(speakers_of(text), ["Jane Roe"]);
}

/// An owner's name opens a described speaker as a determiner does: "China’s ambassador to
/// Britain said" had given "Britain". A verb after "and" shares the subject of an earlier
/// verb in the past: "… accused the UK and the US of meddling … and warned that “…”" had
/// given "UK".
#[test]
fn an_owners_role_is_the_speaker_and_a_later_verb_shares_it() {
    let text = "China’s ambassador to Britain said that the government would act.";
    assert_eq!(speakers_of(text), ["China’s ambassador to Britain"]);
    let text = "China’s ambassador to Britain accused the UK and the US of meddling in the country’s affairs and warned that the Chinese government “will not sit on our hands” if the situation worsens.";
    assert_eq!(speakers_of(text), ["China’s ambassador to Britain"]);
    // (A phrase that ends in a function word describes no one.)
    let text = "Erdoğan’s new judge of said that the oil would flow.";
    assert_eq!(speakers_of(text), Vec::<String>::new());
}

/// A relative clause after a preposition, next to the verb, has its own subject: "billboards
/// in which people say, “…”" is the people's (it had been "TV", from "TV commercials").
#[test]
fn a_relative_clause_after_a_preposition_has_its_own_speaker() {
    let text = "The campaign is rolling out with TV commercials and billboards in which people say, “I am on meth, and I need help.”";
    assert_eq!(speakers_of(text), ["people"]);
    let text = "The agency published a report in which Smith argued that the plan would fail.";
    assert_eq!(speakers_of(text), ["Smith"]);
    // (Not without the preposition: the voters are the ones who trust, not the ones who said.)
    let text = "The council member whom voters trust said that the plan would fail.";
    assert!(speakers_of(text).iter().all(|s| !s.contains("voters")));
}

/// A person's name after the place a role is "to" or "of" is the speaker, the role with its
/// place their role: "China’s ambassador to Britain Liu Xiaming said" is Liu Xiaming (it had
/// been the whole phrase). Without a name after the place, the role is the speaker.
#[test]
fn a_name_after_a_roles_place_is_the_speaker() {
    let text = "China’s ambassador to Britain Liu Xiaming said that the government would act.";
    let mut d = vec![extract(text, &segment(text), Lists::default())];
    resolve_speakers(&mut d, &Gazetteer::bundled());
    assert_eq!(
        speakers_and_roles(&d[0]),
        [("Liu Xiaming", "China’s ambassador to Britain")]
    );
    let text = "The US ambassador to Azerbaijan said that the government would act.";
    assert_eq!(speakers_of(text), ["The US ambassador to Azerbaijan"]);
    // (A word of a role after the place is no name: "the ambassador to Britain Deputy Head".)
    let text = "China’s ambassador to Britain Deputy Envoy said that the government would act.";
    assert_ne!(speakers_of(text), ["Deputy Envoy"]);
    // (Nor is a body's name after "of": the place must be a known one.)
    let text = "The chief executive of Acme Holdings Group said that the government would act.";
    assert_ne!(speakers_of(text), ["Holdings Group"]);
}

#[test]
fn a_signature_line_after_a_quotation_paragraph_names_its_speaker() {
    // An epigraph and an embedded post as a page's text gives them: the quotation, then a
    // line of a dash and a name with a place, a handle or a date after it.
    let text = "The talks resumed on Monday in Washington after a weekend of meetings.\n\n\
\"I was the CIA director. We lied, we cheated, we stole.\"\n\n\
— Mike Pompeo, College Station, TX, April 15, 2019\n\n\
“South Dakota has a problem. There isn’t a single solution because meth is widespread.”\n\n\
— Governor Kristi Noem (@govkristinoem) November 18, 2019\n\n\
\"We will send the troops to the border if we have to, whatever it costs.\"\n\n\
— Russia sent troops to the border on Monday\n\n\
The talks will continue on Tuesday.";
    assert_eq!(
        speakers_of(text),
        ["Mike Pompeo", "Kristi Noem", ""],
        "a dash line that goes on into a clause is a list item, not a signature"
    );
}

#[test]
fn a_quotation_paragraph_after_reported_speech_is_its_speakers() {
    // "X said …" closing a paragraph, then a paragraph that is a quotation: X's words, as
    // after a quotation paragraph of X's.
    let text = "The talks resumed on Monday in Washington after a weekend of meetings.\n\n\
Saeb Erekat said it was only the latest move by the US to force the Palestinians to capitulate.\n\n\
“They wanted us on our knees and they used every trick to put pressure on us. We stand tall.”\n\n\
The ministry said the talks had failed. The US denied that on Monday.\n\n\
“Nobody wanted this outcome at all, and we all regret it.”\n\n\
Pedro Alvarez said the vote would be held in the spring.\n\n\
“Nobody wanted this outcome at all, and we all regret it,” told reporters Anna Rossi.\n\n\
The talks will continue on Tuesday.";
    let got = kinds_quotes_speakers(text);
    let direct: Vec<(&str, &str)> = got
        .iter()
        .filter(|q| q.0 == "direct")
        .map(|q| (q.1.as_str(), q.2.as_str()))
        .collect();
    assert_eq!(
        direct,
        [
            (
                "They wanted us on our knees and they used every trick to put pressure on us. We stand tall.",
                "Saeb Erekat"
            ),
            // (Another sentence closes the paragraph after the ministry's words.)
            ("Nobody wanted this outcome at all, and we all regret it.", ""),
            // (Words after the quotation may be its own attribution, read or not.)
            ("Nobody wanted this outcome at all, and we all regret it,", ""),
        ],
        "{got:?}"
    );
}

#[test]
fn a_given_name_before_a_surname_stays_though_the_text_writes_it_in_lower_case() {
    // "bill" and "mark" as common words do not make "Bill" and "Mark" sentence-initial words.
    let text = "The Senate debated the bill on Monday, and Mark Smith would mark the day.\n\n\
Hillary Clinton did not attend the session.\n\n\
“We are going to fight this to the end,” Bill Clinton said.\n\n\
“It is a great day for the whole country,” Mark Smith said.";
    assert_eq!(speakers_of(text), ["Bill Clinton", "Mark Smith"]);
}

#[test]
fn doubled_single_marks_are_double_marks() {
    // Some outlets' software closes “ with ’’, or writes ‘‘…’’; a doubled ’ that no double mark
    // is open for is still a single mark and an apostrophe.
    let text = "Fact-checkers cried foul on Tuesday.\n\n\
“It was an attempt to mislead voters,’’ Will Moy, chief executive of Full Fact, told the BBC. “And it is misleading.’’\n\n\
‘‘We will not back down from this fight,’’ the minister said.\n\n\
The union defended the ‘members’’ pay in a statement.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            (
                "direct".to_string(),
                "It was an attempt to mislead voters, … And it is misleading.".to_string(),
                "Will Moy".to_string()
            ),
            (
                "direct".to_string(),
                "We will not back down from this fight,".to_string(),
                "the minister".to_string()
            ),
            ("scare".to_string(), "members".to_string(), String::new()),
        ]
    );
}

#[test]
fn a_subordinate_clause_after_a_quotation_leaves_the_verb_after_its_comma_to_the_quotation() {
    let text = "“Ennahda is responsible for the deterioration of the situation” while it was in power, Lotfi Azzouz said.";
    assert_eq!(speakers_of(text), ["Lotfi Azzouz"]);
    // (Without the comma, the clause and its verb are the subordinate's own.)
    let text = "“Ennahda is responsible for the deterioration of the situation,” while Smith said it was a lie.";
    assert_ne!(speakers_of(text).first().map(String::as_str), Some("Smith"));
    // (Nor after "but", which joins a clause of the same rank, comma or not.)
    let text = "“Ennahda is responsible for the deterioration of the situation,” but in the end, Smith said it was a lie.";
    assert_ne!(speakers_of(text).first().map(String::as_str), Some("Smith"));
}

#[test]
fn a_longer_quotation_later_in_reported_speech_joins_the_speakers_first() {
    let text = "In an interview, Mr Obama said it was \"distressing\" not to have made progress on the issue \"even in the face of repeated mass killings\".";
    assert_eq!(
        kinds_quotes_speakers(text),
        [(
            "direct".to_string(),
            "distressing … even in the face of repeated mass killings".to_string(),
            "Obama".to_string()
        )]
    );
    // Not a short label others use, nor a quotation after a clause of its own.
    let text = "Volker denied that he had formed an \"irregular\" channel, for which they were known as the \"three amigos.\"";
    assert_eq!(speakers_of(text), ["Volker", ""]);
    let text =
        "Obama said it was “distressing”, and the critics in his party in Congress are “furious about it all this week”.";
    assert_eq!(speakers_of(text), ["Obama", ""]);
    // Nor one in the next sentence.
    let text =
        "Obama said it was “distressing”. The Republicans are “furious about it all this week”.";
    assert_eq!(speakers_of(text), ["Obama", ""]);
}

#[test]
fn a_title_inside_the_speaker_phrase_after_a_quotation_is_part_of_it() {
    let text = "\"Hearing the heartbeat was something we never take for granted,\" the \"Pose\" actor said on Monday.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [(
            "direct".to_string(),
            "Hearing the heartbeat was something we never take for granted,".to_string(),
            "the \"Pose\" actor".to_string()
        )]
    );
    // (After an owner, the owner's name would be read as the speaker: left as it was.)
    let text = "“We are very happy for the whole family,” Netflix’s “Narcos” star told reporters.";
    assert_ne!(speakers_of(text)[0], "Narcos");
    // Elsewhere such a word in marks is a scare quote as before.
    let text = "The Kremlin rejected the “Russian” position paper in full.";
    assert_eq!(kinds_quotes_speakers(text)[0].0, "scare");
}

#[test]
fn capitalised_words_describing_a_person_before_their_name_are_the_role() {
    let text = "“We’re truly excited about our 50th Anniversary Tour,” said Singer-guitarists Tom Johnston.\n\n\
CBS Sports NFL Insider Jason La Canfora reported that the league will fine the player.\n\n\
“It is a great day for the whole country,” Owen John Dempsey said.\n\n\
Arizona Astronaut Mark Kelly Victory Fund said the race was close and the count would go on.";
    assert_eq!(
        speakers_of(text),
        [
            "Tom Johnston",
            "Jason La Canfora",
            "Owen John Dempsey",
            // (A body named after a person is no name of two or three words.)
            "Arizona Astronaut Mark Kelly Victory Fund"
        ],
        "one capitalised word before a listed given name may be an unlisted given name"
    );
}

#[test]
fn always_and_sometimes_next_to_the_verb_are_not_the_speakers() {
    // The subject is then the pronoun before them, not the words up to them.
    let text =
        "Game day is coming. That’s why I always tell my clients: “an open face is a happy face!”";
    let d = extract(text, &segment(text), Lists::default());
    let q = &d.quotes[0];
    assert_eq!((q.speaker.as_str(), q.speaker_text.as_str()), ("", "I"));
    let text = "“We will not back down from this fight,” the minister sometimes said.";
    assert_eq!(speakers_of(text), ["the minister"]);
}

#[test]
fn a_quotation_paragraph_runs_on_past_a_caption_line_or_two() {
    let text = "The hui went on for hours.\n\n\
“They come here like a zoo. People just want to come and gawk at us,” says Parata.\n\n\
whale strandings\n\n\
“When will we talk about what is hurting these animals out on the sea?”\n\n\
The rangers left on Monday. Nobody spoke to them after the meeting.\n\n\
“We need to listen to the sea and to what it tells us.”";
    assert_eq!(
        speakers_of(text),
        ["Parata", "Parata", ""],
        "a sentence between them is no caption"
    );
}

/// A speaker's role holds the titles and descriptions before the name, not the words that
/// only happen to open the capitalised run: an article, a clause's opener, a particle.
#[test]
fn words_that_open_a_name_are_no_role() {
    let roles = |text: &str| {
        let d = extract(text, &segment(text), Lists::default());
        speakers_and_roles(&d)
            .into_iter()
            .map(|(s, r)| (s.to_string(), r.to_string()))
            .collect::<Vec<_>>()
    };
    let r = |s: &str, role: &str| vec![(s.to_string(), role.to_string())];
    assert_eq!(
        roles("The Associated Press reported that 28 people had been tested for the virus."),
        r("Associated Press", "")
    );
    assert_eq!(
        roles("Even China said that the launch was “a grave provocation” on Sunday."),
        r("China", "")
    );
    // A word that modifies the title after it is part of the role, though the document also
    // writes it in lower case.
    assert_eq!(
        roles("City Attorney Brad Holm said that the ruling would cost the city millions."),
        r("Brad Holm", "City Attorney")
    );
    // (Not an article before a title.)
    assert_eq!(
        roles("The Rev. Jesse Jackson said that the march would go ahead on Sunday."),
        r("Jesse Jackson", "Rev")
    );
}

/// "She" takes up a person, not a work or a body whose name holds "of" and opens the sentence
/// the pronoun is in.
#[test]
fn she_is_no_work_named_with_of() {
    let text = "The agent kept her clients for decades.\n\n\
        After a few tries, I reached Valerie Smith by phone. She had represented him since 1978. \
        Web of Angels was the first novel she ever sold. But in the 1990s, a legal battle left \
        her “pretty overwhelmed,” she said.";
    assert_eq!(speakers_of(text), ["Valerie Smith"]);
}

#[test]
fn a_clause_that_opens_the_sentence_ends_at_its_comma_before_the_speaker() {
    let text = "Although Scott lacks a signature policy achievement, elected officials from both parties say he has forged a reputation as a hard worker.\n\n\
When he bought the mine from Patriot, Mr. Clarke said he expected to sell its coal at a profit.\n\n\
If anything, experts say her plans would make the tax code more complicated.\n\n\
When Peskov, the Kremlin's spokesman, said the plane was hit by birds, Aliyev demanded an apology.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "indirect",
                "he has forged a reputation as a hard worker",
                "elected officials from both parties"
            ),
            t3(
                "indirect",
                "he expected to sell its coal at a profit",
                "Clarke"
            ),
            t3(
                "indirect",
                "her plans would make the tax code more complicated",
                "experts"
            ),
            // (A subject set off by commas stays the clause's, and what it said ends at the
            // clause's comma.)
            t3("indirect", "the plane was hit by birds", "Dmitry Peskov"),
        ]
    );
    // So before a quotation, and not when the verb is an infinitive, whose subject is not
    // the words before it.
    let text = "Although Scott lacks a signature policy achievement, elected officials from both parties say: \"He is a hard worker.\"\n\n\
If she did, party procedures give the chair of the DNC authority to call a “special meeting” to vote on a replacement.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [
            t3(
                "direct",
                "He is a hard worker.",
                "elected officials from both parties"
            ),
            t3("scare", "special meeting", ""),
        ]
    );
}

#[test]
fn what_one_tells_oneself_is_no_quote() {
    let text = "As someone who spent years learning, I tell myself that the storm will pass.\n\n\
He told himself the war was over.\n\n\
He told reporters the war was over.";
    assert_eq!(
        kinds_quotes_speakers(text),
        [t3("indirect", "the war was over", "")]
    );
}

/// Each quote's speaker and co-speakers, resolved as in [`run`].
fn with_co_speakers(text: &str) -> Vec<(String, Vec<String>)> {
    resolved(text)
        .0
        .quotes
        .into_iter()
        .map(|q| {
            let co = q.co_speakers.into_iter().map(|c| c.speaker).collect();
            (q.speaker, co)
        })
        .collect()
}

fn said(speaker: &str, co: &[&str]) -> (String, Vec<String>) {
    (
        speaker.to_string(),
        co.iter().map(|c| c.to_string()).collect(),
    )
}

/// Names joined by "and" (or a list with commas) say it together: the speaker is the name
/// next to the verb, the others are co-speakers in the order written, each resolved like a
/// speaker.
#[test]
fn names_joined_by_and_say_it_together() {
    assert_eq!(
        with_co_speakers("Russia and Azerbaijan said they would investigate the crash together."),
        [said("Azerbaijan", &["Russia"])]
    );
    assert_eq!(
        with_co_speakers(
            "Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.) all said the bill would fail."
        ),
        [said("Robert Menendez", &["Jeff Merkley", "Sherrod Brown"])]
    );
    // (After the verb too; a surname takes the document's full name.)
    assert_eq!(
        with_co_speakers(
            "Charles E. Grassley and Patrick J. Leahy wrote the bill.\n\
             “The program is rife with fraud,” said Mr. Grassley and Mr. Leahy."
        ),
        [said("Charles E Grassley", &["Patrick J Leahy"])]
    );
    // ("They" after such names stands for them all.)
    assert_eq!(
        with_co_speakers(
            "Russia and Azerbaijan agreed on Monday to investigate the crash together.\n\n\
             They said the inquiry would take months to complete.\n\n\
             “We will find the truth,” they said."
        ),
        [
            said("Azerbaijan", &["Russia"]),
            said("Azerbaijan", &["Russia"])
        ]
    );
    // (And after a list of three, whose commas end no subject.)
    assert_eq!(
        with_co_speakers(
            "Jeff Merkley, Sherrod Brown and Robert Menendez wrote to the agency. “We want answers,” they said."
        ),
        [said("Robert Menendez", &["Jeff Merkley", "Sherrod Brown"])]
    );
    // (But a comma before words in lower case still ends the subject: the list is not
    // the subject's.)
    assert_eq!(
        with_co_speakers(
            "Jeff Merkley, a senator, and Robert Menendez wrote to the agency. “We want answers,” they said."
        ),
        [said("", &[])]
    );
    // (Not after one name, which may be anyone's surname.)
    assert_eq!(
        with_co_speakers(
            "Gazprom raised its prices on Monday.\n\n\
             They said the rise was needed to cover the costs of the pipeline."
        ),
        [said("", &[])]
    );
    // ("Both" may come before them.)
    assert_eq!(
        with_co_speakers(
            "Alexander Vindman and Jennifer Williams testified on Tuesday.\n\n\
             Later, both Vindman and Williams said the call was improper and alarming."
        ),
        [said("Jennifer Williams", &["Alexander Vindman"])]
    );
    // (A quote that takes its speaker from the one before takes its co-speakers too.)
    assert_eq!(
        with_co_speakers(
            "“We will find the truth,” Putin and Aliyev said in a joint statement.\n\n\
             “Nothing will be hidden from the families of the victims.”"
        ),
        [
            said("Ilham Aliyev", &["Vladimir Putin"]),
            said("Ilham Aliyev", &["Vladimir Putin"])
        ]
    );
}

/// What "and" joins is no co-speaker when it is a description, an object inside the
/// subject, half of one name the document never splits, or a pair that a comma sets apart
/// from the subject.
#[test]
fn not_everything_joined_by_and_is_a_co_speaker() {
    for (text, speaker) in [
        (
            "Mr. Smith and his wife said they were shocked by the news.",
            "Smith",
        ),
        (
            "A Russian political commentator, analyzing Aliyev’s criticisms of Russia and President Vladimir Putin, concluded that fear of Moscow had diminished.",
            "A Russian political commentator",
        ),
        ("Procter and Gamble said profits fell in the quarter.", "Gamble"),
        (
            "The Tax Policy Center at the Urban Institute and Brookings Institution said the plan would cost more.",
            "Brookings Institution",
        ),
        (
            "Putin, Erdogan said the talks were over and the war would go on.",
            "Erdogan",
        ),
    ] {
        let got = with_co_speakers(text);
        assert_eq!(got, [said(speaker, &[])], "{text}");
    }
    // ("UC Global, and Russia" is two of a list of three inside an opening phrase.)
    let text = "In its coverage of the ties between the CIA, UC Global, and Russia, the New York Times claimed it was “unclear whether it was the Americans who were behind it.”";
    assert!(
        with_co_speakers(text).iter().all(|(_, co)| co.is_empty()),
        "{text}"
    );
}

/// A name and its apposition before ", and" another name is a subject of two, not what the
/// second said; a clause there is.
#[test]
fn a_name_with_its_apposition_before_and_is_no_reported_speech() {
    let text = "Jeff Merkley, a senator, and Robert Menendez wrote to the agency.";
    assert_eq!(run(text), []);
    let text = "Jane Doe, the mayor, resigned, and Tom Smith said.";
    assert_eq!(
        run(text),
        [t(
            "indirect",
            "Jane Doe, the mayor, resigned",
            "Tom Smith",
            "say"
        )]
    );
    let text = "Merkley, a senator, resigned, and Robert Menendez said.";
    assert_eq!(
        run(text),
        [t(
            "indirect",
            "Merkley, a senator, resigned",
            "Robert Menendez",
            "say"
        )]
    );
    // (A clause whose verb is in the present, after one capitalised word or without "and".)
    let text = "Inflation, a worry, stays high, and Tom Smith said.";
    assert_eq!(
        run(text),
        [t(
            "indirect",
            "Inflation, a worry, stays high",
            "Tom Smith",
            "say"
        )]
    );
    let text = "Jeff Merkley, a senator, writes often, Tom Smith said.";
    assert_eq!(
        run(text),
        [t(
            "indirect",
            "Jeff Merkley, a senator, writes often",
            "Tom Smith",
            "say"
        )]
    );
}

/// A single word joined to the speaker counts once the corpus resolves it, and a bare
/// surname the document gives a full name or a title for is known at once.
#[test]
fn a_co_speaker_of_one_word_counts_when_someone_stands_behind_it() {
    let text = "Hillary Clinton and President Obama spoke in Ohio.\n\
                When terrorists strike, Obama and Clinton call them “lone wolves” and describe their acts as crimes.";
    assert_eq!(
        with_co_speakers(text),
        [said("Hillary Clinton", &["Obama"])]
    );
    let mut docs = vec![
        extract(
            "Procter and Gamble said profits fell in the quarter.",
            &segment("Procter and Gamble said profits fell in the quarter."),
            Lists::default(),
        ),
        extract(
            "William Procter spoke on Monday.",
            &segment("William Procter spoke on Monday."),
            Lists::default(),
        ),
    ];
    let before = docs[0].quotes[0].co_speakers.clone();
    assert_eq!(
        before
            .iter()
            .map(|c| (c.speaker.as_str(), c.known))
            .collect::<Vec<_>>(),
        [("Procter", false)]
    );
    resolve_speakers(&mut docs, &Gazetteer::bundled());
    let co: Vec<&str> = docs[0].quotes[0]
        .co_speakers
        .iter()
        .map(|c| c.speaker.as_str())
        .collect();
    assert_eq!(co, ["William Procter"]);
}

/// A courtesy title before a title word that is no form of address makes that word a
/// surname, and a titled person's surname puts them in no group by its meaning.
#[test]
fn a_title_word_after_a_courtesy_title_is_a_surname() {
    let roles = |text: &str| {
        let (d, groups) = resolved(text);
        let q = &d.quotes[0];
        (
            q.speaker.clone(),
            q.role.clone(),
            groups[0].clone(),
            q.co_speakers
                .iter()
                .map(|c| c.speaker.clone())
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        roles("“We are done with this show,” Mr. King said."),
        ("King".into(), "Mr".into(), UNCLASSIFIED.into(), vec![])
    );
    assert_eq!(
        roles("Mr. Bishop said the church would close its doors next year."),
        ("Bishop".into(), "Mr".into(), UNCLASSIFIED.into(), vec![])
    );
    assert_eq!(
        roles("Both Mr. King and Mr. Schultz said the show was over for good."),
        (
            "Schultz".into(),
            "Mr".into(),
            UNCLASSIFIED.into(),
            vec!["King".to_string()]
        )
    );
    // (An office held, addressed: no surname.)
    assert_eq!(
        roles("“We will act,” Mr. President said.").0,
        "Mr President"
    );
    let g = Gazetteer::bundled();
    assert_eq!(g.group("Judge", "Ms"), UNCLASSIFIED);
    assert_eq!(
        g.group("Jane Roe", "Ms, a judge of the district court"),
        "judges"
    );
    // (So does a person's full name: its words describe nothing. A body's name, a party's
    // members and a plural noun still do.)
    for name in ["John Bishop", "Bob Judge", "Jonathan Pope"] {
        assert_eq!(g.group(name, ""), UNCLASSIFIED, "{name}");
    }
    assert_eq!(
        g.group("John Bishop", "a bishop of the diocese"),
        "religious leaders"
    );
    for (name, group) in [
        ("Amnesty International", "activists"),
        ("Victoria Police", "police"),
        ("Virginia Democrats", "US politicians"),
        ("Sarah Shevchenko Survivors", "witnesses"),
        ("Ilham Kaya Findings", "reports and documents"),
    ] {
        assert_eq!(g.group(name, ""), group, "{name}");
    }
}

/// A name that modifies the noun after a number or a quantifier is not the speaker, and two
/// such descriptions joined by "and" are one speaker.
#[test]
fn a_name_after_a_number_modifies_the_noun_after_it() {
    let text = "Two former UC Global workers said Morales began spying on the embassy.";
    assert_eq!(speakers_of(text), ["Two former UC Global workers"]);
    let text = "But many Democrats say the lead obscures concerns about turnout.";
    assert_eq!(speakers_of(text), ["many Democrats"]);
    let text = "Two former UC Global workers and the ex-business partner said Morales began spying on the embassy.";
    assert_eq!(
        speakers_of(text),
        ["Two former UC Global workers and the ex-business partner"]
    );
    // (Not a name joined to a description: the name speaks.)
    let text = "The Kremlin and the foreign ministry said the plane was hit by birds.";
    assert_eq!(speakers_of(text), ["Kremlin"]);
}

/// A party's members named in one article ("Virginia Democrats") are not whom a bare
/// "Democrats" in another stands for.
#[test]
fn a_partys_members_are_no_full_name_across_the_corpus() {
    let speakers = corpus_speakers(&[
        "Virginia Democrats said the map was unfair to black voters.",
        "Democrats said the hearing was a political ploy.",
    ]);
    assert_eq!(speakers[1], ["Democrats"]);
}

/// A verb in a relative clause after a quotation tells of the clause's antecedent, and does
/// not take the quotation from the verb before it.
#[test]
fn a_verb_in_a_relative_clause_after_a_quotation_is_not_its_cue() {
    let text = "Morales urged “special attention” to Stella Morris, a member of the legal team who recently revealed she began a relationship with Assange.";
    assert_eq!(
        direct_speaker_and_cue(text),
        ("Morales".to_string(), "urge".to_string())
    );
    // (A verb after the quotation's own subject still is: "“…,” Smith, who …, said".)
    let text = "“We will win,” Smith, who leads the party, said on Monday.";
    assert_eq!(
        direct_speaker_and_cue(text),
        ("Smith".to_string(), "say".to_string())
    );
}

/// The speaker and cue of a text's one direct quotation.
fn direct_speaker_and_cue(text: &str) -> (String, String) {
    let got: Vec<_> = run(text).into_iter().filter(|q| q.0 == "direct").collect();
    assert_eq!(got.len(), 1, "{got:?}");
    (got[0].2.clone(), got[0].3.clone())
}
