use crate::util::*;

const STORY: &str = "Officials met in Baku on Monday.\n\
“We will do everything that is required,” Vladimir Putin told reporters. “A legal assessment will follow.”\n\
“The missile came from Russian air defence,” Hikmet Hajiyev claimed in an interview.\n\
State media called it a “bird strike”. Insurance payouts were dressed up as “compensation”.\n\
Peskov said that the investigation would take months.";

fn report_of(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let mut w = csv::Writer::from_path(tmp.path().join("t.csv")).unwrap();
    w.write_record(["id", "outlet", "text"]).unwrap();
    w.write_record(["d1", "Wire", text]).unwrap();
    w.write_record([
        "d2",
        "Blog",
        "Nothing quoted here at all, only plain words about planes.",
    ])
    .unwrap();
    w.flush().unwrap();
    let out = tmp.path().join("r");
    let o = slant(
        &[
            "report",
            tmp.path().join("t.csv").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-q",
        ],
        &root(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, out)
}

/// Reports on a table of (id, outlet, text) rows; returns the folder (kept alive) and the
/// report's directory.
fn report_of_rows<T: AsRef<str>>(
    rows: &[(&str, &str, T)],
) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let mut w = csv::Writer::from_path(tmp.path().join("t.csv")).unwrap();
    w.write_record(["id", "outlet", "text"]).unwrap();
    for (id, outlet, text) in rows {
        w.write_record([*id, *outlet, text.as_ref()]).unwrap();
    }
    w.flush().unwrap();
    let out = tmp.path().join("r");
    report(&tmp.path().join("t.csv"), &out, &[]);
    (tmp, out)
}

#[test]
fn quotes_have_speakers_cues_stances_and_offsets_into_the_text() {
    let (_tmp, out) = report_of(STORY);
    let quotes = read_csv(&out.join("quotes.csv"));
    let find = |needle: &str| {
        quotes
            .iter()
            .find(|q| q["quote"].contains(needle))
            .unwrap_or_else(|| panic!("no quote with {needle:?} in {quotes:#?}"))
    };
    let putin = find("We will do everything");
    assert_eq!(
        (
            putin["kind"].as_str(),
            putin["speaker"].as_str(),
            putin["cue"].as_str()
        ),
        ("direct", "Vladimir Putin", "tell")
    );
    assert_eq!(putin["speaker_group"], "Russian officials");
    assert!(
        putin["quote"].contains("A legal assessment will follow."),
        "interrupted quote is one"
    );
    let hajiyev = find("missile came from");
    assert_eq!(hajiyev["stance"], "distancing");
    assert_eq!(hajiyev["speaker_group"], "Azerbaijani officials");
    // A label after a naming verb is its subject's word; a term no one is said to use is a
    // scare quote.
    let label = find("bird strike");
    assert_eq!(
        (
            label["kind"].as_str(),
            label["speaker"].as_str(),
            label["cue"].as_str()
        ),
        ("direct", "State media", "call")
    );
    let term = find("compensation");
    assert_eq!(
        (term["kind"].as_str(), term["speaker"].as_str()),
        ("scare", "")
    );
    let peskov = find("investigation would take months");
    assert_eq!(
        (peskov["kind"].as_str(), peskov["speaker"].as_str()),
        ("indirect", "Dmitry Peskov")
    );
    // Offsets are bytes of the document text: each quote starts where it says.
    for q in &quotes {
        let (start, end): (usize, usize) = (q["start"].parse().unwrap(), q["end"].parse().unwrap());
        let first = q["quote"].split(" … ").next().unwrap();
        assert!(STORY[start..end].starts_with(first), "{q:?}");
        assert!(STORY[start..end].ends_with(q["quote"].rsplit(" … ").next().unwrap()));
        let sentence: usize = q["sentence"].parse().unwrap();
        assert!(sentence >= 1);
    }
}

/// The sum of a group's `share` in `speakers.csv`.
fn shares_of(speakers: &[std::collections::HashMap<String, String>], group: &str) -> f64 {
    speakers
        .iter()
        .filter(|s| s["group"] == group)
        .map(|s| s["share"].parse::<f64>().unwrap())
        .sum()
}

#[test]
fn speakers_and_summary_agree_with_quotes() {
    let (_tmp, out) = report_of(STORY);
    let quotes = read_csv(&out.join("quotes.csv"));
    let speakers = read_csv(&out.join("speakers.csv"));
    let summary = read_csv(&out.join("summary.csv"));
    let wire = summary.iter().find(|r| r["group"] == "Wire").unwrap();
    let count = |kind: &str| {
        quotes
            .iter()
            .filter(|q| q["kind"] == kind)
            .count()
            .to_string()
    };
    assert_eq!(wire["direct_quotes"], count("direct"));
    assert_eq!(wire["scare_quotes"], count("scare"));
    let blog = summary.iter().find(|r| r["group"] == "Blog").unwrap();
    assert_eq!(
        (
            blog["direct_quotes"].as_str(),
            blog["scare_quotes"].as_str()
        ),
        ("0", "0")
    );
    let shares = shares_of(&speakers, "Wire");
    assert!((shares - 1.0).abs() < 1e-3, "{shares}");
    let files = files_under(&out);
    for chart in ["quotes-speaker-groups", "quotes-stance", "scare-quotes"] {
        for ext in ["svg", "png"] {
            assert!(
                files.contains(&format!("charts/{chart}.{ext}")),
                "{chart}.{ext}"
            );
        }
    }
    let svg = std::fs::read_to_string(out.join("charts/quotes-speaker-groups.svg")).unwrap();
    assert!(
        svg.contains("Russian officials") && svg.contains("Wire (4 quotes)"),
        "{svg}"
    );
    let putin = speakers
        .iter()
        .find(|s| s["speaker"] == "Vladimir Putin")
        .unwrap();
    assert_eq!(
        (putin["quotes"].as_str(), putin["neutral"].as_str()),
        ("1", "1")
    );
}

/// The speaker-group chart puts the groups that rules placed first, in colour, and the
/// speakers no rule placed after them in light grey, though they are the most quoted.
#[test]
fn the_speaker_group_chart_leads_with_placed_groups() {
    let (_tmp, out) = report_of(
        "Officials met in Baku on Monday.\n\
         “We will not stop,” Jane Roe said. “Nor will we,” John Doe said. “Never,” Mary Poe said.\n\
         “We will do everything that is required,” Vladimir Putin told reporters.",
    );
    let speakers = read_csv(&out.join("speakers.csv"));
    let unplaced = speakers
        .iter()
        .filter(|s| s["speaker_group"] == "unclassified")
        .count();
    assert_eq!(unplaced, 3, "{speakers:?}");
    let svg = std::fs::read_to_string(out.join("charts/quotes-speaker-groups.svg")).unwrap();
    let at = |text: &str| svg.find(&format!(">\n{text}\n<")).unwrap_or(usize::MAX);
    assert!(
        at("Russian officials") < at("unclassified") && at("unclassified") < usize::MAX,
        "{svg}"
    );
    assert!(svg.to_uppercase().contains("#D2D2D2"), "{svg}");
}

/// The page shows each speaker in their own words: a quote of a sentence before a label of a
/// word, and either before reported speech; of two quotes of a sentence, the first.
#[test]
fn the_page_shows_a_speakers_fullest_quote() {
    let story = "Vladimir Putin said that the inquiry would take months.\n\
Vladimir Putin called the report “lies”.\n\
“We will do everything that is required,” Vladimir Putin told reporters.\n\
“The commission will publish all of its findings,” Vladimir Putin added.";
    let (_tmp, out) = report_of(story);
    let quotes = read_csv(&out.join("quotes.csv"));
    let kinds: Vec<(&str, &str)> = quotes
        .iter()
        .map(|q| (q["kind"].as_str(), q["speaker"].as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("indirect", "Vladimir Putin"),
            ("direct", "Vladimir Putin"),
            ("direct", "Vladimir Putin"),
            ("direct", "Vladimir Putin")
        ]
    );
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        html.contains("We will do everything that is required"),
        "the first full quote is the example"
    );
    assert!(!html.contains("the inquiry would take months"));
    assert!(!html.contains("publish all of its findings"));
}

/// One person is counted in one speaker group in every outlet: the group most of their
/// quotes' roles give. Jane Roe is introduced as a senator by one outlet and as no one by two
/// others; all three outlets' rows, and `speakers.csv`, put her with the US politicians. John
/// Doe, whom no one describes, stays unclassified.
#[test]
fn a_speaker_has_one_group_across_outlets() {
    let (_tmp, out) = report_of_rows(&[
        ("a", "Wire", "Sen. Jane Roe spoke on Monday. “The bill will pass this week,” Roe said."),
        ("b", "Blog", "Jane Roe spoke on Monday. “The bill is a disgrace to us all,” Roe said."),
        ("c", "Daily", "Jane Roe and John Doe met. “We have the votes we need,” Roe said. “Not yet, we do not,” Doe said."),
        ("d", "Daily", "Sen. Jane Roe spoke again. “The vote is on Friday morning,” Roe said."),
    ]);
    let quotes = read_csv(&out.join("quotes.csv"));
    let groups: Vec<(&str, &str, &str)> = quotes
        .iter()
        .map(|q| {
            (
                q["outlet"].as_str(),
                q["speaker"].as_str(),
                q["speaker_group"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("Wire", "Jane Roe", "US politicians"),
            ("Blog", "Jane Roe", "US politicians"),
            ("Daily", "Jane Roe", "US politicians"),
            ("Daily", "John Doe", "unclassified"),
            ("Daily", "Jane Roe", "US politicians"),
        ]
    );
    let speakers = read_csv(&out.join("speakers.csv"));
    assert!(speakers
        .iter()
        .filter(|s| s["speaker"] == "Jane Roe")
        .all(|s| s["speaker_group"] == "US politicians"));
}

/// The people two or more outlets quote get a chart of their share of each outlet's quotes,
/// whose every cell is a row of speakers.csv; a speaker only one outlet quotes is left out, and
/// with no speaker in common there is no chart.
#[test]
fn speakers_several_outlets_quote_are_compared_across_them() {
    let (_tmp, out) = report_of_rows(&[
        (
            "d1",
            "Wire",
            "“We will do everything that is required,” Vladimir Putin told reporters.\n\
             “A legal assessment will follow soon,” Vladimir Putin said.\n\
             “Nobody will be spared from the inquiry,” Vladimir Putin told the court.\n\
             Vladimir Putin: “The talks will go on as planned next week.”\n\
             “The missile came from Russian air defence,” Ilham Aliyev said.",
        ),
        (
            "d2",
            "Blog",
            "“We will not stop the inquiry now,” Vladimir Putin claimed.\n\
             “Nothing about this was ever an accident,” Jane Roe said.",
        ),
        (
            "d3",
            "Paper",
            "“Azerbaijan will seek compensation in court,” Ilham Aliyev said.\n\
             The weather was cold in Grozny that week.",
        ),
    ]);
    let speakers = read_csv(&out.join("speakers.csv"));
    let svg =
        std::fs::read_to_string(out.join("charts/quotes-shared-speakers.svg")).expect("a chart");
    // The chart's words in drawing order: title, subtitle, columns, then each row's label and
    // cells, then the footnote.
    let words: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split('>').nth(1)?.split('<').next())
        .map(str::trim)
        .collect();
    assert_eq!(
        words[2..4],
        ["Vladimir Putin", "Ilham Aliyev"],
        "quoted by as many outlets, Putin more often: {words:?}"
    );
    assert!(
        !svg.contains("Jane Roe"),
        "one outlet's speaker is no shared one"
    );
    // Each cell from speakers.csv: the share as a whole percentage, and the quotes.
    let cell = |group: &str, speaker: &str| match speakers
        .iter()
        .find(|s| s["group"] == group && s["speaker"] == speaker)
    {
        Some(s) => {
            let share: f64 = s["share"].parse().unwrap();
            let n = &s["quotes"];
            vec![
                format!("{:.0}%", share * 100.0),
                format!("{n} quote{}", if n == "1" { "" } else { "s" }),
            ]
        }
        None => vec!["not quoted".to_string()],
    };
    let mut expected = Vec::new();
    for (group, n) in [
        ("Blog", "2 quotes"),
        ("Paper", "1 quote"),
        ("Wire", "5 quotes"),
    ] {
        expected.push(format!("{group} ({n})"));
        expected.extend(cell(group, "Vladimir Putin"));
        expected.extend(cell(group, "Ilham Aliyev"));
    }
    assert_eq!(words[4..words.len() - 1], expected, "{words:?}");
    assert!(expected.contains(&"80%".to_string()), "{expected:?}");
    assert!(out.join("charts/quotes-shared-speakers.png").exists());
    // The page lists, per outlet that quotes them, the quotes and their verbs, and names the
    // outlets that never do.
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    let table = html
        .split("<h3>The same people, in each outlet</h3>")
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .expect("the list of shared speakers");
    let rows: Vec<String> = table
        .split("<tr>")
        .skip(2)
        .map(|r| {
            // The cells' text, tags dropped.
            let mut text = String::new();
            let mut in_tag = false;
            for c in r.chars() {
                match c {
                    '<' => {
                        in_tag = true;
                        text.push('|');
                    }
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.split('|')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    assert_eq!(
        rows,
        [
            "Vladimir Putin | Russian officials | Blog | 1 | claim ×1 | 1 distancing",
            "Wire | 4 | tell ×2, say ×1, no verb ×1",
            "never quoted by Paper",
            "Ilham Aliyev | Azerbaijani officials | Paper | 1 | say ×1",
            "Wire | 1 | say ×1",
            "never quoted by Blog",
        ],
        "{table}"
    );

    // One outlet quotes, the other does not: nothing in common, no chart.
    let (_tmp, out) = report_of(STORY);
    assert!(!out.join("charts/quotes-shared-speakers.svg").exists());
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!html.contains("The same people"));
}

/// A group with ten or more attributed quotes, a third or more of them by speakers no
/// gazetteer rule places, is named before the comparison, with the share; fewer quotes, or a
/// smaller share, are not.
#[test]
fn groups_quoting_mostly_unplaced_speakers_are_named_before_the_comparison() {
    // Wire: 9 of 15 quotes by people no rule places; Blog: 9 quotes, all unplaced; Paper: 3
    // of 10, under a third.
    let said = |who: &str, n: usize| -> String {
        (0..n)
            .map(|i| format!("“We will look at case number {i} again,” {who} said.\n"))
            .collect()
    };
    let docs = [
        (
            "d1",
            "Wire",
            said("Jane Roe", 4)
                + &said("Max Moe", 2)
                + &said("Ann Lee", 2)
                + &said("Zed Zee", 1)
                + &said("Vladimir Putin", 6),
        ),
        ("d2", "Blog", said("John Doe", 9)),
        (
            "d3",
            "Paper",
            said("Mary Poe", 3) + &said("Ilham Aliyev", 7),
        ),
    ];
    let (_tmp, out) = report_of_rows(&docs);
    let speakers = read_csv(&out.join("speakers.csv"));
    let unplaced = |group: &str| -> (u64, u64) {
        speakers
            .iter()
            .filter(|s| s["group"] == group)
            .fold((0, 0), |(u, all), s| {
                let n: u64 = s["quotes"].parse().unwrap();
                (
                    u + n * u64::from(s["speaker_group"] == "unclassified"),
                    all + n,
                )
            })
    };
    assert_eq!(
        [unplaced("Wire"), unplaced("Blog"), unplaced("Paper")],
        [(9, 15), (9, 9), (3, 10)]
    );
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    let warning = html
        .split("<li>")
        .find(|l| l.contains("Speakers without a group"))
        .and_then(|l| l.split("</li>").next())
        .expect("a warning");
    assert!(
        warning.contains("in 1 of 3 outlets")
            && warning.contains(
                "Wire (60% of 15 quotes with a speaker; most quoted: Jane Roe ×4, Ann Lee ×2, \
                 Max Moe ×2)"
            ),
        "{warning}"
    );
    // (Whom the page names first is the three an outlet quotes most, ties by name.)
    assert!(!warning.contains("Zed Zee"), "{warning}");
    assert!(
        !warning.contains("Blog") && !warning.contains("Paper"),
        "{warning}"
    );
    assert!(warning.contains("--speakers"), "{warning}");
}

/// A surname left alone (the article names two Clintons) is compared as its own speaker, and
/// the chart and the page say which full names the corpus quotes beside it.
#[test]
fn a_shared_bare_surname_is_explained_beside_the_full_names() {
    let text = "Bill Clinton and Hillary Clinton arrived in Ohio on Monday.\n\
                “We will win this state in November,” Clinton said.\n\
                “The economy comes first for all of us,” Hillary Clinton said.";
    let (_tmp, out) = report_of_rows(&[("a", "Wire", text), ("b", "Blog", text)]);
    let speakers: Vec<String> = read_csv(&out.join("speakers.csv"))
        .iter()
        .map(|s| s["speaker"].clone())
        .collect();
    assert_eq!(
        speakers,
        ["Clinton", "Hillary Clinton", "Clinton", "Hillary Clinton"]
    );
    let svg = std::fs::read_to_string(out.join("charts/quotes-shared-speakers.svg")).unwrap();
    assert!(
        svg.contains("“Clinton” is a surname alone")
            && svg.contains("Hillary Clinton is quoted by full name"),
        "{svg}"
    );
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        html.contains("a surname alone; quoted by full name: Hillary Clinton</small>"),
        "the page's list"
    );
}

/// A quote that names several speakers is one row of `quotes.csv` with the others in
/// `co_speakers` (and their groups), and counts for each speaker in `speakers.csv`, whose
/// `joint` says how many of their quotes were shared; the group's quote counts and the
/// chart's count of quotes take it once.
#[test]
fn a_quote_said_together_counts_for_each_speaker_once_as_a_quote() {
    let text = "Officials met in Baku on Monday.\n\
                Russia and Azerbaijan said they would investigate the crash together.\n\
                “The missile came from Russian air defence,” Hikmet Hajiyev claimed in an interview.";
    let (_tmp, out) = report_of(text);
    let quotes = read_csv(&out.join("quotes.csv"));
    let joint: Vec<_> = quotes
        .iter()
        .filter(|q| !q["co_speakers"].is_empty())
        .collect();
    assert_eq!(joint.len(), 1, "{quotes:?}");
    let q = joint[0];
    assert_eq!(
        (
            q["speaker"].as_str(),
            q["speaker_group"].as_str(),
            q["co_speakers"].as_str(),
            q["co_speaker_groups"].as_str(),
            q["speaker_text"].as_str()
        ),
        (
            "Azerbaijan",
            "Azerbaijani officials",
            "Russia",
            "Russian officials",
            "Russia and Azerbaijan"
        )
    );
    let speakers = read_csv(&out.join("speakers.csv"));
    let row = |name: &str| {
        let s = speakers
            .iter()
            .find(|s| s["group"] == "Wire" && s["speaker"] == name)
            .unwrap_or_else(|| panic!("{name}: {speakers:?}"));
        (
            s["quotes"].clone(),
            s["joint"].clone(),
            s["speaker_group"].clone(),
        )
    };
    assert_eq!(
        row("Russia"),
        ("1".into(), "1".into(), "Russian officials".into())
    );
    assert_eq!(
        row("Azerbaijan"),
        ("1".into(), "1".into(), "Azerbaijani officials".into())
    );
    assert_eq!(row("Hikmet Hajiyev").1, "0");
    let summary = read_csv(&out.join("summary.csv"));
    let wire = summary.iter().find(|r| r["group"] == "Wire").unwrap();
    let attributed = quotes
        .iter()
        .filter(|q| q["kind"] != "scare" && !q["speaker"].is_empty())
        .count();
    assert_eq!(attributed, 2);
    let svg = std::fs::read_to_string(out.join("charts/quotes-speaker-groups.svg")).unwrap();
    assert!(svg.contains("Wire (2 quotes)"), "{svg}");
    assert!(svg.contains("counts for each of them"), "{svg}");
    // (The page lists each of them among the group's speakers.)
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    // (Each example says whom they said it with.)
    for row in [
        "<tr><th>Russia</th><td>Russian officials</td><td class=\"n\">1</td>",
        "<em>(said, with Azerbaijan)</em>",
        "<tr><th>Azerbaijan</th><td>Azerbaijani officials</td><td class=\"n\">1</td>",
        "<em>(said, with Russia)</em>",
    ] {
        assert!(page.contains(row), "{row}");
    }
    let shares = shares_of(&speakers, "Wire");
    assert!((shares - 1.0).abs() < 1e-3, "{shares}");
    assert_eq!(
        wire["direct_quotes"].parse::<usize>().unwrap(),
        quotes.iter().filter(|q| q["kind"] == "direct").count()
    );
}

/// One person whose name one outlet's system stores with its accents apart ("Jose\u{301}",
/// as macOS and some publishing systems write it) and another's composed ("José") is one
/// speaker, with one group, and the text is written composed.
#[test]
fn a_name_written_with_accents_apart_is_the_same_speaker() {
    let (_tmp, out) = report_of_rows(&[
        (
            "d1",
            "Wire",
            "“We will rebuild the airport within a year,” said Jose\u{301} Marti\u{301}nez, the mayor.",
        ),
        (
            "d2",
            "Blog",
            "“The budget is ready and approved by all,” said José Martínez on Friday.",
        ),
    ]);
    let speakers = read_csv(&out.join("speakers.csv"));
    let rows: Vec<_> = speakers
        .iter()
        .filter(|r| r["speaker"].starts_with("Jos"))
        .collect();
    assert_eq!(rows.len(), 2, "{speakers:?}");
    assert!(
        rows.iter()
            .all(|r| r["speaker"] == "José Martínez" && r["speaker_group"] == "politicians"),
        "{speakers:?}"
    );
    let quotes = read_csv(&out.join("quotes.csv"));
    assert!(
        quotes
            .iter()
            .all(|q| !q["speaker_text"].contains('\u{301}')),
        "{quotes:?}"
    );
}

/// The page lists an outlet's most quoted speakers, most quotes first and then by name, six of
/// them: of seven speakers, the last by quotes and name is left out.
#[test]
fn the_page_lists_an_outlets_most_quoted_speakers_first() {
    let mut story = String::new();
    let said = [
        ("Carl Dahl", 2),
        ("Mia Nord", 1),
        ("Anna Berg", 3),
        ("Kurt Lund", 1),
        ("Eva Falk", 1),
        ("Ida Jonas", 1),
        ("Gus Hahn", 1),
    ];
    for (name, times) in said {
        for i in 0..times {
            story.push_str(&format!(
                "“The inquiry has found nothing new on day {i},” {name} told reporters.\n"
            ));
        }
    }
    let (_tmp, out) = report_of(&story);
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    let at = |name: &str| html.find(&format!("<tr><th>{name}</th>"));
    let order = [
        "Anna Berg",
        "Carl Dahl",
        "Eva Falk",
        "Gus Hahn",
        "Ida Jonas",
        "Kurt Lund",
    ];
    let places: Vec<Option<usize>> = order.iter().map(|n| at(n)).collect();
    assert!(places.iter().all(Option::is_some), "{places:?}");
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{places:?}");
    assert_eq!(at("Mia Nord"), None, "the seventh speaker is left out");
}

/// A story stored as mojibake (its UTF-8 read as Windows-1252 upstream, so that `“` is `â€œ`
/// and `”` is `â€` with U+009D) gives the same quotes, speakers, offsets and counts as the
/// story itself: the text is mended as it is read.
#[test]
fn a_story_in_mojibake_gives_the_storys_quotes_speakers_and_counts() {
    let garbled = STORY
        .replace('“', "â€œ")
        .replace('”', "â€\u{9d}")
        .replace('’', "â€™");
    assert!(garbled.contains("â€œWe will do everything"));
    let (_clean_tmp, clean) = report_of(STORY);
    let (_garbled_tmp, mended) = report_of(&garbled);
    for table in ["quotes.csv", "speakers.csv", "summary.csv"] {
        let want = std::fs::read_to_string(clean.join(table)).unwrap();
        assert!(want.lines().count() > 2, "{table}: {want}");
        assert_eq!(
            std::fs::read_to_string(mended.join(table)).unwrap(),
            want,
            "{table}"
        );
    }
}
