//! Invariants of terms, keyness and quotes over arbitrary news-like text: unigram counts add up
//! to the token total, phrases never outnumber their positions, with two groups each group's
//! keyness is the mirror image of the other's, and quotes point inside the text.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use slant_corpus::segment::segment;
use slant_metrics::keyness::{keyness, KeynessOptions};
use slant_metrics::quotes::{extract, Lists};
use slant_metrics::terms::{count_terms, TermOptions, TermTable};

fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-e]{1,3}",
        "[A-E][a-e]{1,3}",
        Just("the".to_string()),
        Just("of".to_string()),
        Just("Baku’s".to_string()),
        Just("anti-Russian".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just(",".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("2025".to_string()),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.join(" "))
}

/// Text full of quotation marks of every style, attributions and apostrophes.
fn quoted() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-e]{1,5}",
        "[A-E][a-e]{1,5}",
        Just("said".to_string()),
        Just("he said".to_string()),
        Just("according to".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just("‘".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("—".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #[test]
    fn unigram_counts_add_up_to_the_token_total(text in newsy()) {
        let seg = segment(&text);
        let opts = TermOptions { max_n: 1, keep_stopwords: true, stem: false };
        let doc = count_terms(&text, &seg, &opts);
        let sum: u64 = doc.iter().map(|(_, t)| u64::from(t.count)).sum();
        prop_assert_eq!(sum, seg.tokens.len() as u64);
        prop_assert_eq!(doc.tokens, seg.tokens.len() as u64);
    }

    #[test]
    fn phrases_never_outnumber_their_positions(text in newsy()) {
        let seg = segment(&text);
        let doc = count_terms(&text, &seg, &TermOptions::default());
        for n in 2..=3usize {
            let total: u64 = doc
                .iter()
                .filter(|(k, _)| k.split(' ').count() == n)
                .map(|(_, t)| u64::from(t.count))
                .sum();
            prop_assert!(total <= (seg.tokens.len() as u64).saturating_sub(n as u64 - 1));
        }
        for (_, t) in doc.iter() {
            prop_assert!((t.first_sentence as usize) < seg.sentences.len());
        }
    }

    #[test]
    fn quotes_point_inside_the_text(text in quoted()) {
        let seg = segment(&text);
        let d = extract(&text, &seg, Lists::default());
        for q in &d.quotes {
            let mut last = 0;
            for p in &q.pieces {
                prop_assert!(p.start < p.end && p.end <= text.len());
                prop_assert!(p.start >= last, "pieces in order");
                prop_assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
                last = p.end;
            }
            prop_assert!((q.sentence as usize) < seg.sentences.len().max(1));
        }
    }

    #[test]
    fn two_groups_mirror_each_other(a in newsy(), b in newsy(), min_count in 1u64..3) {
        let opts = TermOptions::default();
        let mut table = TermTable::new(&opts);
        table.add("A", 0, count_terms(&a, &segment(&a), &opts));
        table.add("B", 1, count_terms(&b, &segment(&b), &opts));
        let rows = keyness(&table, &KeynessOptions { min_count, ..KeynessOptions::default() });
        let pooled = table.pooled(0);
        for r in &rows {
            prop_assert!(r.p_value >= 0.0 && r.p_value <= 1.0);
            prop_assert!(r.p_adjusted >= r.p_value - 1e-12);
            prop_assert!(r.z.is_finite() && r.g2.is_finite());
            let total = pooled.iter().find(|p| table.key(p.term) == r.key).map(|p| p.count);
            prop_assert_eq!(Some(r.count + r.count_rest), total);
            // A row is kept when its group uses the term enough or clearly avoids it.
            prop_assert!(r.count >= min_count || r.z <= -1.96, "{:?}", r);
            // The other group's row, when kept, mirrors this one.
            if let Some(other) = rows.iter().find(|o| o.group != r.group && o.key == r.key) {
                prop_assert!((r.z + other.z).abs() < 1e-9);
                prop_assert!((r.g2 + other.g2).abs() < 1e-9);
            }
        }
    }
}

mod lexicon_props {
    use proptest::prelude::*;
    use slant_corpus::segment::segment;
    use slant_metrics::lexicon::formats::parse_plain;
    use slant_metrics::lexicon::matcher::Matcher;
    use slant_metrics::lexicon::{normalise, Severity};

    fn matcher() -> Matcher {
        let (lex, _) = parse_plain(
            "regime\nso-called\nslam*\nradical left\nthe\nkremlin\nab*\n",
            "t.txt",
        );
        Matcher::new(std::slice::from_ref(&lex)).0
    }

    proptest! {
        /// Hits are whole tokens, in order, never overlapping, and slice back to text whose
        /// normalised words start with the entry's words.
        #[test]
        fn hits_are_whole_ordered_tokens(text in "(regime|Regime’s|so-called|slammed|radical|left|the|The|Kremlin|abc|ab|x|\\.|,|“|”| |\n|é|ß){0,60}") {
            let m = matcher();
            let seg = segment(&text);
            let hits = m.find(&text, &seg);
            let mut last_end = 0;
            for h in &hits {
                prop_assert!(h.span.start >= last_end);
                prop_assert!(text.is_char_boundary(h.span.start) && text.is_char_boundary(h.span.end));
                let (a, b) = (h.tokens.0 as usize, h.tokens.1 as usize);
                prop_assert!(a < b && b <= seg.tokens.len());
                prop_assert_eq!(h.span.start, seg.tokens[a].span.start);
                prop_assert_eq!(h.span.end, seg.tokens[b - 1].span.end);
                prop_assert!(!normalise(h.span.slice(&text), false).is_empty());
                last_end = h.span.end;
            }
        }

        /// Any entry text compiles or is refused with a message; any document text matches
        /// without panicking.
        #[test]
        fn any_entry_and_any_text(entry in "\\PC{0,20}", text in "\\PC{0,200}") {
            let (lex, _) = parse_plain(&entry, "x.txt");
            let (m, problems) = Matcher::new(std::slice::from_ref(&lex));
            prop_assert!(problems.iter().all(|p| p.severity == Severity::Error && !p.message.is_empty()));
            let seg = segment(&text);
            for h in m.find(&text, &seg) {
                prop_assert!(h.span.end <= text.len());
            }
        }
    }
}
