//! Invariants over arbitrary input: offsets slice back to exactly their text, counts add up, and
//! no input bytes make decoding, cleaning or segmentation panic.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use slant_corpus::decode::normalize_text;
use slant_corpus::mojibake::mend;
use slant_corpus::segment::word_indices;
use slant_corpus::sentence_bounds::sentence_bound_indices;
use slant_corpus::{clean::clean, decode::decode, normalize::normalize, segment::segment};
use unicode_segmentation::UnicodeSegmentation;

/// Text built from the characters UAX #29 treats specially: letters, digits, `_`, the joiners
/// `' . : , ;`, other punctuation, every kind of ASCII white space, and non-ASCII letters,
/// quotes, spaces, combining marks, emoji and regional indicators.
fn tricky() -> impl Strategy<Value = String> {
    let unit = prop_oneof![
        4 => "[a-zA-Z]{1,4}",
        2 => "[0-9]{1,3}",
        3 => proptest::sample::select(vec![
            "'", ".", ":", ",", ";", "_", "-", "\"", "!", "?", "(", ")", "/", "&", "@", "#", "%",
            " ", " ", "\t", "\n", "\r", "\r\n", "\u{b}", "\u{c}",
        ]).prop_map(str::to_string),
        2 => proptest::sample::select(vec![
            "’", "“", "”", "é", "ü", "ğ", "ß", "\u{301}", "\u{a0}", "\u{2009}", "\u{3000}",
            "\u{200d}", "\u{ad}",
            "日本", "カタカナ", "😀", "👍🏽", "🇦🇿", "·", "‘", "،", "١٢", "\u{64e}", "\u{ad}",
        ]).prop_map(str::to_string),
    ];
    proptest::collection::vec(unit, 0..40).prop_map(|v| v.concat())
}

/// Text in the shapes mojibake takes: ASCII, the first characters of disguises (0xC2 to 0xF4
/// read as Windows-1252) and their continuations (0x80 to 0xBF, as Windows-1252's characters
/// or as C1 controls), controls that normalising removes, and line breaks.
fn garbled() -> impl Strategy<Value = String> {
    let byte_char = |b: u32| char::from_u32(b).unwrap().to_string();
    let unit = prop_oneof![
        3 => "[a-z ]{1,3}",
        4 => (0xC2u32..=0xF4).prop_map(byte_char),
        4 => (0x80u32..=0xBF).prop_map(byte_char),
        3 => proptest::sample::select(vec![
            "€", "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", "Ž", "‘", "’", "“", "”",
            "•", "–", "—", "˜", "™", "š", "›", "œ", "ž", "Ÿ",
        ]).prop_map(str::to_string),
        2 => proptest::sample::select(vec![
            "\u{1}", "\u{7f}", "\u{81}", "\u{8d}", "\u{8f}", "\u{90}", "\u{9d}",
        ]).prop_map(str::to_string),
        1 => proptest::sample::select(vec!["\r", "\r\n", "\n", "\t"]).prop_map(str::to_string),
    ];
    proptest::collection::vec(unit, 0..40).prop_map(|v| v.concat())
}

/// Text of the characters mojibake is made from, with a curly apostrophe, whose disguise is
/// a sure sign.
fn mendable() -> impl Strategy<Value = String> {
    let unit = prop_oneof![
        3 => "[A-Za-z0-9 .,]{1,5}",
        2 => proptest::sample::select(vec![
            "é", "ñ", "ü", "ß", "£", "©", "\u{a0}", "ł", "ą", "Ż", "ő", "Москва", "Αθήνα", "‘",
            "“", "”", "—", "…", "€", "™", "№", "😀",
        ]).prop_map(str::to_string),
    ];
    proptest::collection::vec(unit, 0..30).prop_map(|v| format!("{}’", v.concat()))
}

/// Text that looks like news: words, punctuation, quotes, abbreviations, line breaks, non-ASCII.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,12}",
        Just("Mr.".to_string()),
        Just("U.S.".to_string()),
        Just("Baku’s".to_string()),
        Just("anti-Russian".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("—".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("ÇAĞRI".to_string()),
        Just("2025".to_string()),
        Just("\u{a0}".to_string()),
        Just("日本語。".to_string()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

/// Long runs of ASCII, so that words and the marks that join them fall across the 64-byte
/// blocks the ASCII scanner reads at a time.
fn long_ascii() -> impl Strategy<Value = String> {
    let unit = prop_oneof![
        6 => "[a-zA-Z]{1,12}",
        2 => "[0-9]{1,5}",
        3 => proptest::sample::select(vec![
            "'", ".", ":", ",", ";", "_", "__", "-", "!", " ", " ", "  ", "\t", "\n", "a.b", "1,000",
        ]).prop_map(str::to_string),
        1 => Just("’".to_string()),
    ];
    proptest::collection::vec(unit, 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn fast_words_are_exactly_the_uax29_words_in_long_ascii(text in long_ascii()) {
        let fast: Vec<(usize, &str)> = word_indices(&text).collect();
        let uax: Vec<(usize, &str)> = text.unicode_word_indices().collect();
        prop_assert_eq!(fast, uax);
    }

    #[test]
    fn fast_words_are_exactly_the_uax29_words(text in tricky()) {
        let fast: Vec<(usize, &str)> = word_indices(&text).collect();
        let uax: Vec<(usize, &str)> = text.unicode_word_indices().collect();
        prop_assert_eq!(fast, uax);
    }
}

proptest! {
    #[test]
    fn token_offsets_slice_back_to_their_text(text in newsy()) {
        let seg = segment(&text);
        let mut last_end = 0;
        for t in &seg.tokens {
            prop_assert!(t.span.start >= last_end, "tokens overlap or go backwards");
            let s = t.span.slice(&text);
            prop_assert!(!s.is_empty());
            prop_assert!(s.chars().any(char::is_alphanumeric));
            prop_assert!(!normalize(s).is_empty());
            let sent = seg.sentences[t.sentence as usize];
            prop_assert!(sent.start <= t.span.start && t.span.end <= sent.end, "token outside its sentence");
            last_end = t.span.end;
        }
    }

    #[test]
    fn sentences_are_ordered_trimmed_and_cover_every_word(text in newsy()) {
        let seg = segment(&text);
        for w in seg.sentences.windows(2) {
            prop_assert!(w[0].end <= w[1].start);
        }
        for s in &seg.sentences {
            let t = s.slice(&text);
            prop_assert_eq!(t, t.trim());
        }
        // Every word UAX #29 finds is inside some token: nothing is lost between sentences.
        let words: usize = unicode_segmentation::UnicodeSegmentation::unicode_words(text.as_str()).count();
        let covered: usize = seg.tokens.iter().map(|t| unicode_segmentation::UnicodeSegmentation::unicode_words(t.span.slice(&text)).count()).sum();
        prop_assert_eq!(words, covered);
    }

    #[test]
    fn any_bytes_decode_clean_and_segment_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(d) = decode(&bytes) {
            prop_assert!(!d.text.contains('\r'));
            let c = clean(&d.text, None);
            let seg = segment(&c.text);
            for t in &seg.tokens {
                let _ = t.span.slice(&c.text);
            }
        }
    }

    #[test]
    fn any_text_cleans_to_a_subset_of_its_lines(text in newsy()) {
        let c = clean(&text, None);
        let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for para in c.text.split("\n\n") {
            prop_assert!(collapsed.contains(para), "cleaned paragraph not from the page: {para:?}");
        }
    }
}

/// A scraped page's lines, built from what the cleaner and the metadata readers look for
/// (bylines, stamps, datelines, copyright lines, comment headings, bullets, image names)
/// mixed with characters whose lower case is longer or shorter than they are ("İ", the Kelvin
/// sign, "ẞ", "ﬁ", "Σ"): an offset found in a lower-cased copy is not one in the line.
fn scraped() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[A-Za-z]{1,8}",
        3 => proptest::sample::select(vec![
            "Posted", "POSTED", "Published", "Updated", "Written", "by", "By", "BY", "on",
            "Story by", "Reporting by", "©", "Copyright", "(c)", "All rights reserved", "Inc",
            "March 3, 2024", "2024-03-05", "05/03/2024", "3 March 2024", "10:30", "ago", "Read",
            "BAKU", "—", "–", "-", "|", "•", "- ", "*", "»", ">", " > ", " / ", "[img-1234.jpg]",
            "http://x.co/a", "www.x", "%2F", "1200x630", "…", "...", "34 responses to", "One reply to",
            "“Title”", "Comments", "cookie", "Privacy Policy", "subscribe", "the", "of", "and", "said",
            "(@", "(@jane_roe)", "says:", "says: “", "pic.twitter.com/x1", "https://t.co/x1",
            "[Google]", "[sic]", "[doesn't]", "[…]", "Trending Now", "More on", "Twitter",
            ".", ",", ":", "?", "\"", "’", "(", ")", "\n", "\n\n", "\t", "\u{a0}", "\u{200b}",
        ]).prop_map(str::to_string),
        2 => proptest::sample::select(vec![
            "İ", "İstanbul", "\u{212a}", "ẞ", "ß", "ﬁ", "Σ", "ΣΑΣ", "ǅ", "ŉ", "é", "ÇAĞRI", "日本語。",
            "、", "。", "Ⅻ", "\u{301}", "😀",
        ]).prop_map(str::to_string),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.join(" "))
}

proptest! {
    /// Every reader of a page's lines takes any line without a panic, and the cleaned text
    /// is made of the page's lines.
    #[test]
    fn scraped_pages_clean_and_read_metadata_without_panic(page in scraped()) {
        use slant_corpus::meta;
        for line in page.lines() {
            let _ = meta::parse_byline(line);
            let _ = meta::copyright_holder(line);
            let _ = meta::find_date(line);
            let _ = meta::is_stamp_line(line);
            let _ = meta::after_dateline(line);
            let _ = meta::looks_like_name(line);
            let _ = meta::title_case_if_shouting(line);
        }
        let _ = slant_corpus::clean::explain(&page, None);
        let c = clean(&page, None);
        // (The cleaner also takes zero-width spaces for white space.)
        let words = |s: &str| -> String {
            s.split(|c: char| c.is_whitespace() || c == '\u{200b}')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let collapsed = words(&page);
        for para in c.text.split("\n\n") {
            let para = words(para);
            prop_assert!(collapsed.contains(&para), "cleaned paragraph not from the page: {para:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn fast_sentence_bounds_are_exactly_the_uax29_bounds(text in sentence_text()) {
        let fast = sentence_bound_indices(&text);
        let uax: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
        prop_assert_eq!(fast, uax);
    }
}

/// Text built from what the sentence rules treat specially: terminators, closing punctuation,
/// continuations, spaces, line breaks, digits and letters of both cases, known and unknown
/// non-ASCII characters.
fn sentence_text() -> impl Strategy<Value = String> {
    let unit = prop_oneof![
        4 => "[a-zA-Z]{1,3}",
        1 => "[0-9]{1,2}",
        6 => proptest::sample::select(vec![
            ".", ".", "!", "?", "\"", "'", "(", ")", "[", "]", ",", "-", ":", ";", " ", " ", " ",
            "\t", "\n", "\n\n", "\r", "\r\n", "\u{b}", "#", "/", "_", "\u{1}",
        ]).prop_map(str::to_string),
        3 => proptest::sample::select(vec![
            "’", "‘", "“", "”", "«", "»", "—", "–", "…", "\u{a0}", "\u{2009}", "\u{202f}", "é",
            "É", "ß", "ÿ", "×", "ğ", "Ə", "\u{301}", "\u{ad}", "\u{200b}", "\u{2028}", "\u{85}",
            "。", "日本", "Д", "д", "\u{2024}", "‼", "ª", "Ł", "ş", "ə", "ǅ", "ʔ", "©", "°",
        ]).prop_map(str::to_string),
    ];
    proptest::collection::vec(unit, 0..50).prop_map(|v| v.concat())
}

/// Every character the fast sentence path knows beyond Latin-1, in the places where its
/// Sentence_Break value decides a boundary: after "etc. " (a Lower one continues the sentence,
/// an Upper one starts the next), before ". " and between terminators.
#[test]
fn fast_sentence_bounds_agree_on_every_extended_latin_letter() {
    let chars = ('\u{a0}'..='\u{2af}').chain(['\u{2013}', '\u{2014}', '\u{2026}']);
    for c in chars {
        for text in [
            format!("See etc. {c}x and more."),
            format!("See etc. {c}. Next"),
            format!("A{c}.B {c}.{c} x"),
            format!("“{c}.” {c} ({c}!) y"),
            format!("{c}{c} {c}?\n{c}"),
        ] {
            let fast = sentence_bound_indices(&text);
            let uax: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
            assert_eq!(fast, uax, "U+{:04X} in {text:?}", u32::from(c));
        }
    }
}

/// A combining mark right after white space makes one segment with it, and an alphabetic mark
/// (Arabic vowel signs) makes that segment a word: seen in a scraped page.
#[test]
fn a_mark_after_a_space_is_a_word_with_the_space() {
    for text in [
        "a \u{64e}b",
        "a  \u{64e}",
        "x\t\u{64e} y",
        "q \t \u{64e}\u{64e}.",
        "\u{64e}",
        " \u{301}z",
    ] {
        let fast: Vec<(usize, &str)> = word_indices(text).collect();
        let uax: Vec<(usize, &str)> = text.unicode_word_indices().collect();
        assert_eq!(fast, uax, "{text:?}");
    }
}

/// A cell of a table: letters with the characters that quoting turns on (quotes, delimiters,
/// line breaks).
fn cell() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(vec![
            "a", "b", "word ", " ", "\"", "\"\"", ",", ";", "\t", "|", "\n", "\r\n", "’",
        ]),
        1..12,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Any table a CSV writer writes reads back row for row, with no "quoted field never
    /// closed" error: the check that catches an unclosed quote never fires on good quoting.
    #[test]
    fn written_tables_read_back_row_for_row(
        rows in proptest::collection::vec((cell(), cell()), 1..8),
        delimiter in proptest::sample::select(vec![b',', b';', b'\t', b'|']),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_path(&path).unwrap();
        w.write_record(["id", "outlet", "text"]).unwrap();
        for (i, (outlet, text)) in rows.iter().enumerate() {
            w.write_record([i.to_string().as_str(), outlet, text]).unwrap();
        }
        w.flush().unwrap();
        let opts = slant_corpus::read::ReadOptions {
            delimiter: Some(delimiter),
            clean: Some(false),
            ..Default::default()
        };
        let source = slant_corpus::read::open(&path, &opts).unwrap();
        let mut read = 0;
        for record in slant_corpus::read::documents(source, opts.max_doc_bytes) {
            let record = record.unwrap();
            let meta = match &record.outcome {
                slant_corpus::Outcome::Ok(d) => &d.meta,
                slant_corpus::Outcome::Skipped(s) => &s.meta,
            };
            prop_assert_eq!(&meta.id, &read.to_string());
            read += 1;
        }
        prop_assert_eq!(read, rows.len());
    }
}

/// Paragraphs of words with inline markup, entities and comments between them.
fn html_paragraphs() -> impl Strategy<Value = (Vec<String>, String)> {
    let word = "[A-Za-z0-9’é]{1,8}";
    let paragraph = proptest::collection::vec(word, 1..12);
    proptest::collection::vec((paragraph, 0..5usize), 1..8).prop_map(|paras| {
        let mut html = String::from("<!DOCTYPE html><html><head><title>t</title></head><body>");
        let mut want = Vec::new();
        for (words, style) in paras {
            want.push(words.join(" "));
            let inner = match style {
                0 => words.join(" "),
                1 => format!("<b>{}</b>", words.join("\n ")),
                2 => words.join(" <!-- note --> "),
                3 => format!(
                    "<a href=\"/x?a=1&amp;b=2\">{}</a><script>var s = '<p>x</p>';</script>",
                    words.join(" ")
                ),
                _ => words.join("&#32;"),
            };
            html.push_str(&format!("<p>{inner}</p>\n"));
        }
        html.push_str("</body></html>");
        (want, html)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn html_paragraphs_come_out_as_lines_whatever_their_inline_markup((want, html) in html_paragraphs()) {
        let page = slant_corpus::html::to_text(&html);
        prop_assert_eq!(page.text, format!("{}\n", want.join("\n\n")));
    }

    #[test]
    fn text_without_markup_is_its_words_on_one_line(text in "[a-z .,’\t\n]{0,200}") {
        let page = slant_corpus::html::to_text(&text);
        let words: Vec<&str> = text.split_whitespace().collect();
        let want = if words.is_empty() { String::new() } else { format!("{}\n", words.join(" ")) };
        prop_assert_eq!(page.text, want);
    }

    #[test]
    fn any_bytes_lay_out_as_html_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(d) = decode(&bytes) {
            let page = slant_corpus::html::to_text(&d.text);
            prop_assert!(!page.text.chars().any(|c| c.is_control() && c != '\n'));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Normalising leaves no control but the line feed and the tab, and a normalised text
    /// normalises to itself, however mending and removing controls feed each other.
    #[test]
    fn normalising_is_idempotent_on_garbled_text(text in garbled()) {
        let once = normalize_text(text);
        prop_assert!(!once.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{:?}", once);
        prop_assert_eq!(normalize_text(once.clone()), once);
    }

    /// A text whose UTF-8 was read as Windows-1252 is mended back to exactly itself.
    #[test]
    fn disguised_text_is_mended_to_itself(text in mendable()) {
        let (garbled, _, _) = encoding_rs::WINDOWS_1252.decode(text.as_bytes());
        prop_assert_eq!(mend(&garbled), text.as_str());
        prop_assert_eq!(normalize_text(garbled.into_owned()), text);
    }
}
