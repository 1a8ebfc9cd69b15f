//! A deterministic generator of news-like articles, for benchmarks and scale tests.
//!
//! Article `i` of a given seed is always the same text, whatever the corpus size and in any
//! order, so a corpus can be generated in parallel and a benchmark at 10k articles is the first
//! tenth of the one at 100k. The text is built to exercise every stage as real news does:
//! - a Zipfian vocabulary (a few hundred common English words over a long tail of 60,000
//!   generated ones, frequency ∝ 1/(rank + 2.7)^1.1, Zipf–Mandelbrot), so term tables grow as
//!   they do on real text;
//! - paragraphs of 1–3 sentences of 6–32 words, a byline, a dateline, a headline;
//! - direct quotes with attributions ("…,” said Anna Ivanova, the minister.), reported speech,
//!   scare quotes, curly quotes and apostrophes, names with diacritics (one curly quote takes a
//!   document off unicode-segmentation's ASCII fast path, as in real news);
//! - loaded words at a rate that differs by outlet, so a report has something to find;
//! - page boilerplate (menus, share buttons, copyright lines) on a third of the articles;
//! - outlets of unequal size (outlet k gets a share ∝ 1/(k+1)).

use crate::rng::{fnv, SplitMix64};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    /// The seed: the same seed gives the same articles.
    pub seed: u64,
    /// Number of outlets.
    pub outlets: usize,
    /// Mean words of body text per article.
    pub mean_words: usize,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            seed: 1,
            outlets: 20,
            mean_words: 520,
        }
    }
}

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthArticle {
    /// `a0000001`…
    pub id: String,
    /// The outlet's name.
    pub outlet: String,
    /// Headline.
    pub title: String,
    /// Byline name.
    pub author: String,
    /// `YYYY-MM-DD`, spread over 2024.
    pub published: String,
    /// The page text: body, with boilerplate lines on some articles.
    pub text: String,
}

/// The generator: vocabulary and outlets built once, articles by index.
#[derive(Debug, Clone)]
pub struct Synth {
    opts: SynthOptions,
    vocab: Vec<String>,
    /// Cumulative Zipf weights of `vocab`.
    cumulative: Vec<f64>,
    outlets: Vec<String>,
    /// Cumulative outlet shares.
    outlet_cumulative: Vec<f64>,
    /// Chance that a word is replaced by a loaded word, per outlet.
    loadedness: Vec<f64>,
}

const COMMON: &str = "the of and to a in that is for on it with as was at by he said from \
 his be an are have has but not they this were had which their or its will been after who more \
 one would also about up than we over when two new first out year other into last people some \
 there all government president officials minister country state security military talks \
 police court week between against could most only under three since told while years during \
 before such because percent million city where both any national foreign public local party \
 may time report according including support group former plan several government’s control \
 forces region international law company month many early water plane crash flight airline \
 investigation aviation passengers crew missile defence air border peace agreement sanctions \
 economy trade energy gas oil pipeline prices market bank election vote leader opposition \
 parliament ministry spokesman statement meeting visit summit relations cooperation conflict \
 war attack troops drone strike ceasefire negotiations diplomats embassy ambassador envoy \
 families victims survivors hospital emergency rescue authorities experts data evidence \
 inquiry findings results response decision policy reform budget tax health schools students \
 workers union protest rally demonstrators arrested charged sentenced trial judge lawyers \
 case rights freedom media journalists newspaper television online social network reported \
 announced confirmed denied warned called asked added noted expected continued began \
 remained became made took gave came went saw found left held kept put set run turned \
 moved";

const LOADED: [&str; 24] = [
    "brutal",
    "regime",
    "so-called",
    "slammed",
    "disgraceful",
    "thugs",
    "propaganda",
    "shocking",
    "outrageous",
    "puppet",
    "cronies",
    "scandalous",
    "blasted",
    "reckless",
    "draconian",
    "sham",
    "cowardly",
    "heinous",
    "despicable",
    "lies",
    "bombshell",
    "chaos",
    "corrupt",
    "extremist",
];

const FIRST: [&str; 24] = [
    "Anna", "Ivan", "Maria", "José", "Leyla", "Ilham", "Olena", "Gökhan", "Łukasz", "Sarah",
    "David", "Nino", "Farid", "Aigerim", "Chen", "Priya", "Jürgen", "Elif", "Tomás", "Aida",
    "Mehmet", "Irina", "Kofi", "Sofia",
];
const LAST: [&str; 24] = [
    "Ivanova",
    "Petrov",
    "Aliyev",
    "Müller",
    "Mammadova",
    "Kowalski",
    "Erdoğan",
    "Smith",
    "García",
    "Nazarbayeva",
    "Hovhannisyan",
    "Shevchenko",
    "Okafor",
    "Wang",
    "Sharma",
    "Dubois",
    "Rossi",
    "Kaya",
    "Novak",
    "Hassan",
    "Johnson",
    "Zelenskyy",
    "Lindqvist",
    "Tanaka",
];
const ROLES: [&str; 10] = [
    "the foreign minister",
    "a government spokesman",
    "an aviation analyst",
    "the opposition leader",
    "a senior diplomat",
    "the company’s chief executive",
    "a member of parliament",
    "a spokeswoman for the ministry",
    "a political scientist",
    "the mayor",
];
const CUES: [&str; 10] = [
    "said",
    "said",
    "said",
    "told reporters",
    "added",
    "noted",
    "claimed",
    "insisted",
    "stressed",
    "warned",
];
const PLACES: [&str; 12] = [
    "BAKU",
    "MOSCOW",
    "ASTANA",
    "YEREVAN",
    "KYIV",
    "ISTANBUL",
    "BRUSSELS",
    "WASHINGTON",
    "TBILISI",
    "BAKI",
    "ZÜRICH",
    "SÃO PAULO",
];
const MASTHEAD_A: [&str; 12] = [
    "Northern",
    "Daily",
    "Evening",
    "Capital",
    "Coastal",
    "Free",
    "National",
    "Global",
    "Eastern",
    "Western",
    "Morning",
    "Independent",
];
const MASTHEAD_B: [&str; 10] = [
    "Herald",
    "Times",
    "Post",
    "Gazette",
    "Observer",
    "Chronicle",
    "Tribune",
    "Wire",
    "Review",
    "Courier",
];
const BOILERPLATE_TOP: [&str; 4] = [
    "Home | World | Politics | Business | Sport",
    "Share on Facebook\nShare on X\nCopy link",
    "Sign in\nSubscribe",
    "Menu\nSearch",
];
const BOILERPLATE_BOTTOM: [&str; 4] = [
    "Subscribe to our newsletter for the latest news.",
    "Read more:\nRelated articles",
    "Follow us on Telegram",
    "Tags: politics, world, region",
];
const SYLLABLES: [&str; 40] = [
    "ka", "ro", "min", "tel", "sa", "vor", "den", "li", "pra", "gor", "nes", "ta", "bel", "ur",
    "vi", "dan", "mo", "ser", "al", "ko", "tri", "pen", "do", "ram", "es", "lo", "fin", "gar",
    "ne", "stra", "po", "lit", "cor", "an", "ber", "zi", "mar", "ton", "ex", "ul",
];

/// Size of the generated vocabulary tail.
const TAIL: usize = 60_000;

impl Synth {
    /// Builds the vocabulary and the outlets of a seed.
    pub fn new(opts: SynthOptions) -> Self {
        let mut vocab: Vec<String> = COMMON.split_whitespace().map(str::to_string).collect();
        let mut seen: std::collections::HashSet<String> = vocab.iter().cloned().collect();
        let mut rng = SplitMix64::new(opts.seed ^ 0x70CA_B01A);
        while vocab.len() < TAIL {
            let n = 2 + rng.below(3);
            let w: String = (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            if seen.insert(w.clone()) {
                vocab.push(w);
            }
        }
        let cumulative = running_sum(vocab.len(), |r| (r as f64 + 2.7).powf(-1.1));
        let outlets_n = opts.outlets.max(1);
        let outlets: Vec<String> = (0..outlets_n)
            .map(|k| {
                let a = MASTHEAD_A[k % MASTHEAD_A.len()];
                let b = MASTHEAD_B[(k / MASTHEAD_A.len() + k) % MASTHEAD_B.len()];
                let round = k / (MASTHEAD_A.len() * MASTHEAD_B.len());
                if round == 0 {
                    format!("The {a} {b}")
                } else {
                    format!("The {a} {b} {}", round + 1)
                }
            })
            .collect();
        let outlet_cumulative = running_sum(outlets_n, |k| 1.0 / (k as f64 + 1.0));
        let loadedness = (0..outlets_n)
            .map(|k| {
                let mut r = SplitMix64::new(opts.seed ^ fnv(&outlets[k]));
                0.002 + 0.02 * (r.below(1000) as f64 / 1000.0)
            })
            .collect();
        Synth {
            opts,
            vocab,
            cumulative,
            outlets,
            outlet_cumulative,
            loadedness,
        }
    }

    /// The outlets, largest first.
    pub fn outlets(&self) -> &[String] {
        &self.outlets
    }

    /// Article `i` (0-based).
    pub fn article(&self, i: u64) -> SynthArticle {
        let mut rng = SplitMix64::new(
            self.opts.seed.wrapping_mul(0x9E37_79B9) ^ i.wrapping_mul(0xD6E8_FEB8_6659_FD93),
        );
        let k = pick(&self.outlet_cumulative, &mut rng);
        let outlet = self.outlets[k].clone();
        let loaded = self.loadedness[k];
        let author = self.name(&mut rng);
        let day = i % 366;
        let (month, dom) = month_day(day as u32);
        let published = format!("2024-{month:02}-{dom:02}");
        let title = {
            let n = 5 + rng.below(6);
            let mut t = self.words(&mut rng, n, 0.0);
            capitalise(&mut t);
            t
        };
        // Lengths spread from a third to twice the mean.
        let target = self.opts.mean_words / 3 + rng.below(self.opts.mean_words * 5 / 3 + 1);
        let mut text = String::with_capacity(target * 7);
        let boilerplate = rng.below(3) == 0;
        if boilerplate {
            text.push_str(BOILERPLATE_TOP[rng.below(BOILERPLATE_TOP.len())]);
            text.push('\n');
        }
        text.push_str(&title);
        text.push('\n');
        if rng.below(5) < 4 {
            text.push_str("By ");
            text.push_str(&author);
            text.push('\n');
        }
        let mut words = 0;
        let mut first = true;
        while words < target {
            let mut para = String::new();
            if first && rng.below(5) < 3 {
                let place = PLACES[rng.below(PLACES.len())];
                para.push_str(&format!(
                    "{place}, {} {dom} ({outlet}) — ",
                    MONTHS[month as usize - 1]
                ));
            }
            first = false;
            if rng.below(4) == 0 {
                words += self.quote(&mut rng, &mut para, loaded);
            } else {
                for _ in 0..1 + rng.below(3) {
                    if !para.is_empty() && !para.ends_with(' ') {
                        para.push(' ');
                    }
                    words += self.sentence(&mut rng, &mut para, loaded);
                }
            }
            text.push_str(&para);
            text.push_str("\n\n");
        }
        if boilerplate {
            text.push_str(BOILERPLATE_BOTTOM[rng.below(BOILERPLATE_BOTTOM.len())]);
            text.push('\n');
            text.push_str(&format!("© 2024 {outlet}. All rights reserved.\n"));
        }
        SynthArticle {
            id: format!("a{:07}", i + 1),
            outlet,
            title,
            author,
            published,
            text,
        }
    }

    fn name(&self, rng: &mut SplitMix64) -> String {
        format!(
            "{} {}",
            FIRST[rng.below(FIRST.len())],
            LAST[rng.below(LAST.len())]
        )
    }

    /// `n` words joined by spaces, loaded words at rate `loaded`.
    fn words(&self, rng: &mut SplitMix64, n: usize, loaded: f64) -> String {
        let mut s = String::with_capacity(n * 7);
        for j in 0..n {
            if j > 0 {
                s.push(' ');
            }
            if loaded > 0.0 && (rng.below(1_000_000) as f64) < loaded * 1_000_000.0 {
                s.push_str(LOADED[rng.below(LOADED.len())]);
            } else if rng.below(60) == 0 {
                s.push_str(LAST[rng.below(LAST.len())]);
                if rng.below(2) == 0 {
                    s.push_str("’s");
                }
            } else {
                s.push_str(&self.vocab[pick(&self.cumulative, rng)]);
            }
        }
        s
    }

    /// Appends one sentence; returns its words.
    fn sentence(&self, rng: &mut SplitMix64, out: &mut String, loaded: f64) -> usize {
        let n = 6 + rng.below(27);
        let mut s = self.words(rng, n, loaded);
        capitalise(&mut s);
        if rng.below(10) == 0 {
            // A scare quote around a word or two inside the sentence.
            let spaces: Vec<usize> = s.match_indices(' ').map(|(i, _)| i).collect();
            if spaces.len() >= 3 {
                let a = spaces[rng.below(spaces.len() - 2)];
                let b = spaces.iter().copied().find(|&x| x > a).unwrap_or(s.len());
                s.replace_range(a..b, &format!(" “{}”", &s[a + 1..b]));
            }
        } else if rng.below(8) == 0 {
            s.push_str(", ");
            let n = 3 + rng.below(6);
            s.push_str(&self.words(rng, n, loaded));
        }
        out.push_str(&s);
        out.push(if rng.below(25) == 0 { '?' } else { '.' });
        n
    }

    /// Appends a quotation paragraph; returns its words.
    fn quote(&self, rng: &mut SplitMix64, out: &mut String, loaded: f64) -> usize {
        let speaker = self.name(rng);
        let role = ROLES[rng.below(ROLES.len())];
        let cue = CUES[rng.below(CUES.len())];
        let n = 6 + rng.below(20);
        let mut q = self.words(rng, n, loaded);
        capitalise(&mut q);
        match rng.below(4) {
            0 => out.push_str(&format!("“{q},” {cue} {speaker}, {role}.")),
            1 => out.push_str(&format!("“{q},” {speaker} {cue}.")),
            2 => out.push_str(&format!("{speaker}, {role}, {cue}: “{q}.”")),
            _ => {
                let mut r = self.words(rng, n, loaded);
                r.insert_str(0, "that ");
                out.push_str(&format!("{speaker} {cue} {r}."));
            }
        }
        n + 4
    }
}

const MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

fn month_day(day: u32) -> (u32, u32) {
    const LEN: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut d = day;
    for (m, len) in LEN.iter().enumerate() {
        if d < *len {
            return (m as u32 + 1, d + 1);
        }
        d -= len;
    }
    (12, 31)
}

fn capitalise(s: &mut String) {
    if let Some(c) = s.chars().next() {
        let upper: String = c.to_uppercase().collect();
        s.replace_range(..c.len_utf8(), &upper);
    }
}

fn running_sum(n: usize, weight: impl Fn(usize) -> f64) -> Vec<f64> {
    let mut acc = 0.0;
    (0..n)
        .map(|r| {
            acc += weight(r);
            acc
        })
        .collect()
}

/// An index drawn with the weights whose running sums are `cumulative`.
fn pick(cumulative: &[f64], rng: &mut SplitMix64) -> usize {
    let total = cumulative.last().copied().unwrap_or(0.0);
    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
    cumulative
        .partition_point(|&c| c <= u)
        .min(cumulative.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_deterministic_and_independent_of_order() {
        let s = Synth::new(SynthOptions::default());
        let a = s.article(41);
        let b = Synth::new(SynthOptions::default()).article(41);
        assert_eq!(a, b);
        assert_ne!(s.article(40).text, a.text);
        let other = Synth::new(SynthOptions {
            seed: 2,
            ..SynthOptions::default()
        });
        assert_ne!(other.article(41).text, a.text);
    }

    #[test]
    fn articles_look_like_news() {
        let s = Synth::new(SynthOptions::default());
        let docs: Vec<SynthArticle> = (0..300).map(|i| s.article(i)).collect();
        let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
        let mean = words / docs.len();
        assert!((400..800).contains(&mean), "mean words {mean}");
        let all: String = docs.iter().map(|d| d.text.as_str()).collect();
        for needle in ["“", "’s", "By ", " said", "©", "—"] {
            assert!(all.contains(needle), "{needle}");
        }
        // Outlets of unequal size, the first the largest.
        let first = docs.iter().filter(|d| d.outlet == s.outlets()[0]).count();
        let last = docs.iter().filter(|d| d.outlet == s.outlets()[19]).count();
        assert!(first > 3 * last, "{first} vs {last}");
        // A Zipfian vocabulary: "the" is common, the tail is long.
        let the = all.matches(" the ").count();
        assert!(the * 30 > words, "{the} of {words}");
        let distinct: std::collections::HashSet<&str> = all.split_whitespace().collect();
        assert!(distinct.len() > 10_000, "{}", distinct.len());
    }
}
