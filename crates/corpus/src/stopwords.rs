//! An English stop-word list for news text.
//!
//! Function words only (articles, pronouns, auxiliaries, prepositions, conjunctions, common
//! adverbs), written for this project. It drives phrase boundaries and the stop-word density that
//! the cleaner uses to tell prose from navigation.

/// The stop words, lower case, sorted.
pub const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "among",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Whether a normalised (lower-case) word is a stop word. This runs for every token of the
/// corpus, so the stop words of up to eight bytes sit in a table built at compile time, keyed
/// by their bytes packed into one integer: a lookup is a multiply and a comparison or two.
pub fn is_stopword(word: &str) -> bool {
    is_stopword_bytes(word.as_bytes())
}

/// [`is_stopword`] of a word's bytes.
pub fn is_stopword_bytes(b: &[u8]) -> bool {
    if b.len() > 8 {
        return LONG.iter().any(|w| w.as_bytes() == b);
    }
    let key = pack(b);
    let mut i = slot(key);
    loop {
        let (k, len) = TABLE[i];
        if len == 0 {
            return false;
        }
        if k == key && usize::from(len) == b.len() {
            return true;
        }
        i = (i + 1) % SLOTS;
    }
}

/// The stop words longer than eight bytes.
const LONG: [&str; 3] = ["ourselves", "themselves", "yourselves"];

/// Slots of [`TABLE`]: a power of two, several times the number of stop words.
const SLOTS: usize = 1024;

/// Up to eight bytes, little-endian, zero-padded.
const fn pack(b: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < b.len() {
        k |= (b[i] as u64) << (8 * i);
        i += 1;
    }
    k
}

const fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize
}

/// The stop words of up to eight bytes and their lengths, by [`slot`] with linear probing; a
/// length of 0 marks an empty slot.
static TABLE: [(u64, u8); SLOTS] = {
    let mut t = [(0u64, 0u8); SLOTS];
    let mut w = 0;
    while w < STOPWORDS.len() {
        let b = STOPWORDS[w].as_bytes();
        if b.len() <= 8 {
            let key = pack(b);
            let mut i = slot(key);
            while t[i].1 != 0 {
                i = (i + 1) % SLOTS;
            }
            t[i] = (key, b.len() as u8);
        }
        w += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_unique_and_every_word_is_found() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOPWORDS.iter().all(|w| is_stopword(w)));
        let long: Vec<&str> = STOPWORDS.iter().copied().filter(|w| w.len() > 8).collect();
        assert_eq!(long, LONG);
    }

    #[test]
    fn only_the_exact_bytes_match() {
        for w in [
            "",
            "a\0",
            "th",
            "thee",
            "the ",
            "a\0\0\0\0\0\0\0",
            "ourselve",
            "themselvess",
        ] {
            assert!(!is_stopword(w), "{w:?}");
        }
        // A prefix or one-letter extension of a stop word is one exactly when the list has it.
        for w in STOPWORDS {
            for end in 0..w.len() {
                let prefix = &w[..end];
                assert_eq!(
                    is_stopword(prefix),
                    STOPWORDS.contains(&prefix),
                    "{prefix:?}"
                );
            }
            let longer = format!("{w}s");
            assert_eq!(
                is_stopword(&longer),
                STOPWORDS.contains(&longer.as_str()),
                "{longer:?}"
            );
        }
    }

    #[test]
    fn common_words() {
        for w in ["the", "of", "and", "would", "however"] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["russia", "plane", "said", "The"] {
            assert!(!is_stopword(w), "{w}");
        }
    }
}
