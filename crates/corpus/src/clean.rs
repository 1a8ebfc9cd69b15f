//! Boilerplate removal for article pages dumped to plain text.
//!
//! A scraped page is a column of lines: menus, cookie prompts, image file names, the headline,
//! byline and date, the article's paragraphs, share buttons, lists of other headlines, comment
//! forms and footers. The cleaner keeps every paragraph of the article and nothing else, using
//! only general evidence, in three steps:
//!
//! 1. **Classify each line** (after [jusText]): prose (long, dense in stop words, shaped like
//!    sentences), near-prose, short, or boilerplate (bullets of navigation, boilerplate phrases
//!    such as cookie and sign-in prompts, ids and image file names, teaser lines cut off with an
//!    ellipsis, runs of three or more short title-like lines, lines repeated on the page or across
//!    one outlet's pages). Byline and date lines are header markers.
//! 2. **Find the article** as the run of lines with the largest total score (prose scores its
//!    length, boilerplate a penalty), so that prose far from the main block (teasers, comment
//!    text) is left out. Prose before the last header marker at the top of that run is the
//!    standfirst or a caption, not the body. Tables of figures (five rows or more in which a
//!    quarter of the words are numbers: standings, results, box scores) are weighed apart: a
//!    table with more text than the run's prose is the article (a results page), and one right
//!    under the run closes it.
//! 3. **Keep** the prose of that run, with short lines that sit between prose (sub-headings,
//!    one-line paragraphs), and take the headline, byline, date, dateline and standfirst as
//!    metadata. A paragraph the page prints twice is kept once.
//!
//! [jusText]: https://corpus.tools/wiki/Justext

use crate::document::Metadata;
use crate::function_words;
use crate::meta;
use crate::normalize::lowercase_into;
use crate::stopwords::is_stopword;
use aho_corasick::AhoCorasick;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// What the cleaner made of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The article body: kept paragraphs joined by a blank line.
    pub text: String,
    /// Metadata the page states: title, author, published, outlet (from a copyright line), and
    /// in `extra`, `dateline` and `standfirst` where found.
    pub meta: Metadata,
}

/// Lines known to repeat across pages of the same outlet (hashes of normalised line text), from
/// [`repeated_lines`].
pub type RepeatedLines = FxHashSet<u64>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Article-like prose.
    Good,
    /// Probably prose; kept when inside the article.
    Near,
    /// Too short to judge alone: headings, one-line paragraphs, labels.
    Short,
    /// Boilerplate.
    Bad,
}

#[derive(Debug, Clone)]
struct Line {
    /// White space collapsed, bullet removed.
    text: String,
    words: usize,
    chars: usize,
    /// Ends like a sentence (". ! ? : …" possibly followed by a closing quote or bracket).
    sentence: bool,
    class: Class,
    /// A byline or a date/time stamp: a header marker, never body.
    marker: bool,
    /// A row of data: short, with a digit, and boilerplate, if at all, only by its shape (few
    /// stop words), as tour dates, results and schedules are ("June 9 -- Coral Sky
    /// Amphitheatre, West Palm Beach, FL").
    data: bool,
    /// A row of a table of figures: not prose and not boilerplate, at most 80 words, of which
    /// at least two and at least a quarter are numbers ("1 Kyle Busch 5040 5 1 17 27", "Palm
    /// Bay 18 22 13 17 — 70"). Five such rows close together make a table ([`mark_tables`]).
    figures: bool,
    /// A row of a table ([`mark_tables`]): content wherever the table stands, kept as prose
    /// is, and neither weight nor penalty in the search for the article's run.
    table: bool,
    /// The first line of a block: the page's first line, or one after a blank line.
    block_start: bool,
    /// The first line after a horizontal rule ("━━━━", "______", "=====").
    after_rule: bool,
    /// A photo's caption ([`CAPTION`]): boilerplate, but within the article's run, which
    /// flows around its pictures.
    caption: bool,
    /// The signature under an embedded tweet ("— Jane Roe (@janeroe) November 18, 2019"),
    /// kept with the tweet ([`mark_tweets`]).
    tweet: bool,
    /// A bulleted line that is no boilerplate but for being a bullet: an item of a list the
    /// article may set out after a line ending in a colon ([`choose`]).
    item: bool,
    /// Holds a text browser's form field ("Name (*): [          ]", "[ ] Remember me"): two
    /// close together are a form (to comment, to sign in), which no article runs through
    /// ([`form_end`]).
    field: bool,
    /// A short line that is boilerplate only for naming a social network or a section
    /// ([`MENTION`]) or for standing more than once on the page: never body, but it may be the
    /// headline, which a page often prints again (in a share box, under a picture) and which
    /// may name Facebook ("Facebook Is Tracking Me Even Though I’m Not on Facebook").
    headline_only: bool,
}

/// Cleans one page. `repeated` holds lines seen on many pages of the same outlet.
///
/// ```
/// use slant_corpus::clean::clean;
/// let page = "Home\nNews\nSport\nBy Jane Roe\nJuly 5, 2025\n\
///     Officials in Baku said on Friday that the investigation into the crash of the passenger plane had been handed to a new team of experts.\n\
///     The move follows weeks of pressure from the families of the victims, who have asked for a full and public account of what happened.\n\
///     You May Also Like\nPrivacy Policy\n";
/// let c = clean(page, None);
/// assert!(c.text.starts_with("Officials in Baku said"));
/// assert!(c.text.ends_with("what happened."));
/// assert_eq!(c.meta.author, "Jane Roe");
/// assert_eq!(c.meta.published, "2025-07-05");
/// ```
pub fn clean(page: &str, repeated: Option<&RepeatedLines>) -> Cleaned {
    let (lines, region, stops) = decide(page, repeated);
    let stops = stops.as_ref();
    let mut meta = Metadata::default();
    let Some((start, end)) = region else {
        infer_header(&lines, &[], lines.len(), stops, &mut meta);
        return Cleaned {
            text: String::new(),
            meta,
        };
    };
    let keep = choose(&lines, start, end);
    assemble(&lines, &keep, start, stops, meta)
}

/// One line's fate, for tuning (the `clean_dir` example prints it with `EXPLAIN`): the class,
/// the score the main run used, whether it was kept, and the normalised text.
#[derive(Debug, Clone, PartialEq)]
pub struct LineDecision {
    /// `good`, `near`, `short`, `bad`, or `marker` (byline or date).
    pub class: &'static str,
    /// Its score in the search for the main run.
    pub score: f64,
    /// Whether it is part of the cleaned text.
    pub kept: bool,
    /// The line, white space collapsed.
    pub text: String,
}

/// Explains the cleaner's decision for every non-empty line of a page.
pub fn explain(page: &str, repeated: Option<&RepeatedLines>) -> Vec<LineDecision> {
    let (lines, region, _) = decide(page, repeated);
    let keep = match region {
        Some((s, e)) => choose(&lines, s, e),
        None => vec![false; lines.len()],
    };
    lines
        .iter()
        .zip(keep)
        .map(|(l, kept)| LineDecision {
            class: if l.marker {
                "marker"
            } else {
                match l.class {
                    Class::Good => "good",
                    Class::Near => "near",
                    Class::Short => "short",
                    Class::Bad => "bad",
                }
            },
            score: score(l),
            kept,
            text: l.text.clone(),
        })
        .collect()
}

/// Classifies the lines of a page and finds the article's run of lines (after moving its start
/// past the header).
/// A page's lines, the article's inclusive range of them, and the page's own function words
/// when it is not in English ([`page_function_words`]).
type Decided = (Vec<Line>, Option<(usize, usize)>, Option<FxHashSet<String>>);

/// Classes the lines of `page` and finds the article among them.
fn decide(page: &str, repeated: Option<&RepeatedLines>) -> Decided {
    let raw: Vec<&str> = page.lines().collect();
    let counts: Vec<WordCounts> = raw.iter().map(|r| WordCounts::english(r)).collect();
    let page_stops = page_function_words(&raw, &counts);
    let mut after_blank = true;
    let mut after_rule = false;
    let mut lines: Vec<Line> = raw
        .iter()
        .zip(&counts)
        .filter_map(|(r, &c)| {
            let line = analyse(r, c, page_stops.as_ref()).map(|mut l| {
                l.block_start = after_blank;
                l.after_rule = after_rule;
                l
            });
            after_blank = line.is_none();
            after_rule = is_rule(r) || (line.is_none() && after_rule);
            line
        })
        .collect();
    mark_tweets(&mut lines, page_stops.as_ref());
    mark_repeats(&mut lines, repeated);
    let tables = mark_tables(&mut lines);
    // The article ends where a list of reader comments begins, when prose comes before it:
    // a long comment would otherwise outweigh a short article.
    let searched = lines
        .iter()
        .position(|l| is_comments_heading(&l.text))
        .filter(|&h| lines[..h].iter().any(|l| l.class == Class::Good))
        .unwrap_or(lines.len());
    let region = main_run(&lines[..searched]).map(|(s, e)| {
        let e = form_end(&lines, s, e);
        let s = skip_header(&lines, s, e);
        let s = skip_headline(&lines, s, e);
        (s, cut_trailer(&lines, s, e, &author_above(&lines, s)))
    });
    let tables: Vec<_> = tables.into_iter().filter(|t| t.1 < searched).collect();
    let region = with_tables(&lines, region, &tables);
    (lines, region, page_stops)
}

/// The heading of a list of reader comments: "34 responses to “Title”", "10 thoughts on
/// “Title”", "2 comments on “Title”", "One reply to “Title”". The quoted title sets it apart
/// from a comment count linked near the headline ("12 comments").
fn is_comments_heading(text: &str) -> bool {
    // Most lines start with neither a number nor "one": they are passed over before the line
    // is lower-cased.
    let first = text.split_whitespace().next().unwrap_or("");
    if !(first.bytes().all(|b| b.is_ascii_digit()) || first.to_lowercase() == "one") {
        return false;
    }
    let lower = text.to_lowercase();
    let mut words = lower.split_whitespace();
    let (Some(n), Some(noun), Some(prep)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    (n.chars().all(|c| c.is_ascii_digit()) || n == "one")
        && matches!(
            noun,
            "response"
                | "responses"
                | "thought"
                | "thoughts"
                | "reply"
                | "replies"
                | "comment"
                | "comments"
        )
        && matches!(prep, "to" | "on")
        && words
            .next()
            .is_some_and(|title| title.starts_with(['“', '"', '«', '‘', '\'']))
}

fn assemble(
    lines: &[Line],
    keep: &[bool],
    start: usize,
    stops: Option<&FxHashSet<String>>,
    mut meta: Metadata,
) -> Cleaned {
    let body_start = keep.iter().position(|k| *k).unwrap_or(start);
    infer_header(lines, keep, body_start, stops, &mut meta);
    if let Some(first) = keep
        .iter()
        .position(|k| *k)
        .filter(|_| !meta.extra.contains_key("dateline"))
    {
        if let Some(place) = meta::dateline(&lines[first].text) {
            meta.extra.insert("dateline".into(), place.to_string());
        }
    }
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut kept: Vec<&str> = Vec::new();
    // A paragraph printed twice (a standfirst repeated as the lead, a pull quote) is kept once,
    // at its last place.
    let mut last_at: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for (i, l) in lines.iter().enumerate() {
        if keep[i] {
            last_at.insert(l.text.as_str(), i);
        }
    }
    for (i, l) in lines.iter().enumerate() {
        if keep[i] && last_at.get(l.text.as_str()) == Some(&i) && seen.insert(l.text.as_str()) {
            kept.push(&l.text);
        }
    }
    Cleaned {
        text: kept.join("\n\n"),
        meta,
    }
}

/// Hashes of the distinct normalised lines of a page, for building [`RepeatedLines`].
pub fn line_hashes(page: &str) -> FxHashSet<u64> {
    page.lines()
        .filter_map(|l| analyse(l, WordCounts::english(l), None))
        .map(|l| hash_line(&l.text))
        .collect()
}

/// The words of a line: runs of letters, digits and apostrophes (`'`, `’`), as
/// `line.split(|c| !(c.is_alphanumeric() || c == '\'' || c == '’'))` gives them without the
/// empty ones, with ASCII bytes judged without decoding a character.
fn words_of(line: &str) -> impl Iterator<Item = &str> {
    let b = line.as_bytes();
    let ascii_word = |c: u8| c.is_ascii_alphanumeric() || c == b'\'';
    // Past the characters from `i` on that are (`word`) or are not word characters.
    let skip = move |mut i: usize, word: bool| loop {
        while b
            .get(i)
            .is_some_and(|&c| c.is_ascii() && ascii_word(c) == word)
        {
            i += 1;
        }
        match line.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) if !c.is_ascii() && (c.is_alphanumeric() || c == '’') == word => {
                i += c.len_utf8();
            }
            _ => return i,
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = skip(i, false);
        if start >= b.len() {
            return None;
        }
        i = skip(start, true);
        Some(&line[start..i])
    })
}

/// A line's words ([`words_of`]) and how many of them are stop words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordCounts {
    words: usize,
    stops: usize,
}

impl WordCounts {
    /// The words of `line` and those `stop` takes, lower-cased, for a stop word.
    fn of(line: &str, stop: impl Fn(&str) -> bool) -> WordCounts {
        let mut lower = String::new();
        let mut c = WordCounts { words: 0, stops: 0 };
        for w in words_of(line) {
            c.words += 1;
            lower.clear();
            if w.is_ascii() {
                lower.push_str(w);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(w.chars().flat_map(char::to_lowercase));
            }
            c.stops += usize::from(stop(&lower));
        }
        c
    }

    /// The words of `line` and its English stop words: counted once, for the test of the
    /// page's language and for the line's own class.
    fn english(line: &str) -> WordCounts {
        WordCounts::of(line, is_stopword)
    }
}

/// The page's own function words when it is not in English: the most frequent short lower-case
/// words that recur across its longer lines ("de", "que", "la", "und", "yang"...). `None` for
/// English pages, where the built-in list serves.
fn page_function_words(raw: &[&str], counts: &[WordCounts]) -> Option<FxHashSet<String>> {
    // The page's prose: lines of eight words or more.
    let prose = || raw.iter().zip(counts).filter(|(_, c)| c.words >= 8);
    let (total, english) = prose().fold((0, 0), |(t, e), (_, c)| (t + c.words, e + c.stops));
    if total < 40 || english * 100 >= total * 15 {
        return None;
    }
    let mut lw = String::new();
    // Not English: the page's short lower-case words, counted.
    let mut counts: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for w in prose().flat_map(|(line, _)| words_of(line)) {
        if w.chars().count() <= 4 && w.chars().all(char::is_lowercase) {
            lowercase_into(&mut lw, w);
            match counts.get_mut(lw.as_str()) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(lw.clone(), 1);
                }
            }
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= 3).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut words: FxHashSet<String> = ranked.into_iter().take(40).map(|(w, _)| w).collect();
    // And, when the page is in a language with a list, that language's function words, which
    // a short article does not repeat three times each.
    if let Some((_, list)) =
        function_words::language_of(prose().flat_map(|(line, _)| words_of(line)))
    {
        words.extend(list.iter().map(|w| (*w).to_string()));
    }
    (!words.is_empty()).then_some(words)
}

/// Lines that occur on at least `min_pages` of the given pages and on at least half of them.
///
/// Pass the line hashes of several pages of one outlet (from [`line_hashes`]); with fewer than
/// three pages nothing counts as repeated, since a line on two pages may be a shared quote.
pub fn repeated_lines(pages: &[FxHashSet<u64>], min_pages: usize) -> RepeatedLines {
    let min_pages = min_pages.max(3);
    if pages.len() < min_pages {
        return RepeatedLines::default();
    }
    let mut counts: rustc_hash::FxHashMap<u64, usize> = rustc_hash::FxHashMap::default();
    for p in pages {
        for h in p {
            *counts.entry(*h).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= min_pages && *n * 2 >= pages.len())
        .map(|(h, _)| h)
        .collect()
}

fn hash_line(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    text.to_lowercase().hash(&mut h);
    h.finish()
}

const BULLETS: &[char] = &[
    '•', '□', '●', '◦', '▪', '■', '·', '*', '○', '►', '▸', '»', '›', '◆', '♦', '✓', '→',
];

/// Phrases that mark a line as site furniture when the line is short.
const FURNITURE: &[&str] = &[
    "cookie",
    "privacy policy",
    "privacy notice",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "all rights reserved",
    "©",
    "copyright",
    "subscribe",
    "sign in",
    "sign up",
    "signup",
    "log in",
    "login",
    "log out",
    "newsletter",
    // "Select the text and press Ctrl+Enter to send the error to the editor": a site's typo
    // report, in any language.
    "ctrl+enter",
    "follow us",
    "share this",
    "share on",
    "share via",
    "share your",
    "share with",
    "read more",
    "related:",
    "related coverage",
    "related stories",
    "related articles",
    "related posts",
    "related links",
    "related reading",
    "related content",
    "comments (",
    "this sponsored",
    "latest news",
    "top stories",
    "most popular",
    "most read",
    "to your inbox",
    "community rules",
    "see more:",
    "also read",
    "read also",
    "sponsored content",
    "sponsored post",
    "sponsored links",
    "read next",
    "you may also like",
    "you might also like",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "required fields",
    "will not be published",
    "click here",
    "download the app",
    "javascript",
    "your browser",
    "skip to",
    "back to top",
    "email address",
    "e-mail",
    "print this",
    "font size",
    "font resizer",
    "more stories",
    "more from",
    "see also",
    "join the conversation",
    "getty images",
    "photo credit",
    "image credit",
    "file photo",
    "(photo",
    "(ap photo",
    "/ap photo",
    "afp via",
    "caption",
    "toggle",
    "your account",
    "allow all",
    "accept all",
    "manage preferences",
    "we use cookies",
    "this site uses",
    "this website uses",
    "contact us",
    "about us",
    "site map",
    "sitemap",
    "rss",
    "watch live",
    "listen to this",
    "min read",
    "minute read",
    "updated on",
    "posted in",
    "filed under",
    "tags:",
    "topics:",
    "share article",
    "copy link",
    "open in app",
    "stay up to date",
    "at your fingertips",
    "image 1 of",
    "photo 1 of",
    "slideshow",
    "credit:",
    "photo:",
    "pictured:",
    "(credit",
    "click to",
    "tap to",
    "responses to",
    "customer service",
    "sign-up",
    "previous article",
    "next article",
];

/// Words that mark a short line as furniture ("Share on WhatsApp", "Comments", "Podcast")
/// but that news prose uses too: "Trump said on Twitter.", "His comments drew criticism." A
/// line that reads as a sentence of prose ([`Line::sentence`], eight words or more, with
/// function words) is not furniture by these.
const MENTION: &[&str] = &[
    "whatsapp",
    "facebook",
    "twitter",
    "linkedin",
    "pinterest",
    "telegram",
    "instagram",
    "youtube",
    "comments",
    "related",
    "recommended",
    "trending",
    "sponsored",
    "advertising",
    "advertisement",
    "podcast",
    "gallery",
    "menu",
    "password",
    "reply",
    "careers",
    "subscription",
    "notifications",
    "permissions",
    "reprints",
    "reuters/",
];

/// Furniture phrases strong enough to mark even a long line ("By using this site, you agree to
/// the Privacy Policy ...": a prompt, however long).
const STRONG_FURNITURE: &[&str] = &[
    // Cookie and browser prompts, not "a chocolate chip cookie" or "streamed to your browser".
    "use cookies",
    "uses cookies",
    "cookies to",
    "cookies on",
    "of cookies",
    "accept cookies",
    "necessary cookies",
    "cookie policy",
    "cookie settings",
    "cookie notice",
    "cookie consent",
    "cookie preferences",
    "privacy policy",
    "all rights reserved",
    "terms of use",
    "terms of service",
    "will not be published",
    "required fields are marked",
    "javascript",
    "your browser does",
    "your browser is",
    "your browser may",
    "your browser settings",
    "update your browser",
    "upgrade your browser",
    "ad blocker",
    "adblock",
    "whitelist",
    "subscribe to our",
    "sign up for our",
    "newsletter",
    "submission guidelines",
    "by submitting",
    "comment policy",
    "no personal attacks",
    "registered trademark",
    "trademarks of",
    "this website",
    "our website",
    "this site uses",
    "not intended to diagnose",
    "disclaimer",
    "customer service",
    "can be contacted",
    "affiliate links",
    "affiliate commission",
    "if you enjoyed this",
    "may not be reproduced",
    "prior written permission",
    "activation link",
];

/// Phrases of photo captions, however long the line: "Defense Secretary Mark Esper, left, and
/// …", "… in this file photo from 2003".
const CAPTION: &[&str] = &[
    ", left, ",
    ", right, ",
    "(left)",
    "(right)",
    "in this file photo",
    "in this photo",
    "in this undated",
    "in this handout",
    "in this image",
    "(image:",
    "file photo:",
    "submitted photo",
    "photo illustration by",
    "preview thumbnail",
];

/// Credit phrases that make a short line a caption: "Courtesy of Andrew Vaughan", "Photo by
/// David Dyer-Bennet", "Foto von Moritz Bachmann". (In a long line they may be prose: "a photo
/// by a bystander shows".)
const CREDIT: &[&str] = &["photo by", "photos by", "courtesy of", "foto von"];

/// The furniture phrases a line holds: of [`FURNITURE`], [`MENTION`], [`STRONG_FURNITURE`],
/// [`CAPTION`], [`CREDIT`].
#[derive(Debug, Clone, Copy, Default)]
struct Furniture {
    plain: bool,
    mention: bool,
    /// Where " says:" ends, if the line holds it: a reader's comment header ("Jane Roe
    /// says:") unless a quotation follows.
    says: Option<usize>,
    strong: bool,
    caption: bool,
    credit: bool,
}

/// A finder of [`FURNITURE`], [`STRONG_FURNITURE`], [`CAPTION`], [`CREDIT`] and [`MENTION`]
/// phrases in a lower-cased line: one pass for all lists, rather than a search per phrase
/// (which was a third of the cleaner's time).
fn furniture_finder() -> &'static AhoCorasick {
    static FINDER: OnceLock<AhoCorasick> = OnceLock::new();
    FINDER.get_or_init(|| {
        AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(
                FURNITURE
                    .iter()
                    .chain(STRONG_FURNITURE)
                    .chain(CAPTION)
                    .chain(CREDIT)
                    .chain(MENTION)
                    .chain([" says:"].iter()),
            )
            .expect("a few hundred short phrases build a finder")
    })
}

/// Which lists' phrases a lower-cased line holds.
fn furniture_in(lowered: &str) -> Furniture {
    let mut found = Furniture::default();
    for m in furniture_finder().find_overlapping_iter(lowered) {
        let p = m.pattern().as_usize();
        if p < FURNITURE.len() {
            found.plain = true;
        } else if p < FURNITURE.len() + STRONG_FURNITURE.len() {
            // A strong phrase marks a line however long, so it must start a word: "our
            // website" is not in "you build your website". (Other phrases may end a word run
            // into them, as "Credit:" is in "…a rabbitCredit: Getty".)
            let inside_word = lowered[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            found.strong |= !inside_word;
        } else if p < FURNITURE.len() + STRONG_FURNITURE.len() + CAPTION.len() {
            found.caption = true;
        } else if p < FURNITURE.len() + STRONG_FURNITURE.len() + CAPTION.len() + CREDIT.len() {
            found.credit = true;
        } else if p < FURNITURE.len()
            + STRONG_FURNITURE.len()
            + CAPTION.len()
            + CREDIT.len()
            + MENTION.len()
        {
            found.mention = true;
        } else {
            found.says.get_or_insert(m.end());
        }
    }
    found
}

/// Classifies one raw line of a page; `counts` are its words and English stop words
/// ([`WordCounts::english`]), and `page_stops` the page's own function words, if it has them.
fn analyse(raw: &str, counts: WordCounts, page_stops: Option<&FxHashSet<String>>) -> Option<Line> {
    let mut text = collapse_space(raw);
    if text.is_empty() {
        return None;
    }
    let bullet = text.starts_with(BULLETS)
        || ((text.starts_with("- ") || text.starts_with("– ")) && text.chars().count() < 60);
    if bullet {
        text = text
            .trim_start_matches(BULLETS)
            .trim_start_matches(['-', '–'])
            .trim()
            .to_string();
        if text.is_empty() {
            return Some(bad_line(String::new()));
        }
    }
    if let Some(rest) = after_picture_name(&text) {
        text = rest.to_string();
    }
    if let Some(without) = without_hover_cards(&text) {
        text = without;
    }
    // The line's words are those of the raw line (white space, bullets and dashes are none).
    let WordCounts {
        mut words,
        mut stops,
    } = match page_stops {
        None => counts,
        Some(p) => WordCounts::of(&text, |w| is_stopword(w) || p.contains(w)),
    };
    let mut chars = text.chars().count();
    // Chinese and Japanese are written without spaces: count two characters as a word, and take
    // the ideographic comma and full stop as the mark of prose that stop words are elsewhere.
    let ascii = text.is_ascii();
    let cjk = if ascii {
        0
    } else {
        text.chars().filter(|c| is_cjk(*c)).count()
    };
    if cjk * 10 > chars * 3 {
        // An ideograph or kana carries about what two or three Latin letters do: a line's
        // length is measured in Latin letters, so that a sentence of 30 characters is not a
        // label.
        chars += cjk * 3 / 2;
        words = words.max(cjk / 2);
        stops = if text.contains(['、', '。', '，']) {
            words * 3 / 10
        } else {
            0
        };
    }
    let last = text
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '*', '」', '』'])
        .chars()
        .last();
    let ellipsis = text.ends_with('…') || text.ends_with("...");
    let sentence =
        matches!(last, Some('.' | '!' | '?' | ':' | ';' | '。' | '！' | '？')) && !ellipsis;
    let density = if words == 0 {
        0.0
    } else {
        stops as f64 / words as f64
    };
    let lowered = if ascii {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    };
    let byline = meta::parse_byline(&text).is_some();
    let stamp = words <= 16
        && (meta::is_stamp_line(&text)
            || meta::after_dateline(&text).is_some_and(meta::is_stamp_line));
    let junk = words == 0 || is_junk(&text, &lowered);
    // Breadcrumbs: "Site > Section > Headline".
    // (Most lines have none of the three marks, and are not searched for them.)
    let crumbs = text.bytes().any(|b| matches!(b, b'>' | b'/' | 0xBA))
        && text.matches(" > ").count() + text.matches(" › ").count() + text.matches(" / ").count()
            >= 2;
    let Furniture {
        plain,
        mention,
        says,
        strong,
        caption,
        credit,
    } = if words <= 150 {
        furniture_in(&lowered)
    } else {
        Furniture::default()
    };
    // Not a sentence of prose (which a long line ending in a full stop with stop words is).
    let short = words <= 40 && !(sentence && words > 20 && density > 0.3);
    // A sentence of prose that names a social network or comments is not a share button, but
    // "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube." is.
    let prose_sentence =
        sentence && words >= 8 && density >= 0.2 && !lowered.starts_with("follow ");
    // A text browser writes an image without alt text as "[file-name]": a picture, not prose.
    // In a sentence of prose, a word in brackets is an editor's ("if [Google] gets to …").
    let picture = words <= 40 && has_bracket_token(&text, prose_sentence);
    // "Jane Roe says:" heads a reader's comment; "He says: “…”" quotes someone.
    let comment_header = says.is_some_and(|end| {
        !lowered[end..]
            .trim_start()
            .starts_with(['“', '"', '‘', '\''])
    });
    let furniture = (short && (plain || comment_header || (mention && !prose_sentence))) || strong;
    let caption = caption || (short && credit) || is_doubled(&text);
    // A teaser cut off with an ellipsis points to another article; a bullet that is not a
    // full sentence is navigation.
    let teaser =
        (ellipsis && chars < 400) || (!sentence && words >= 7 && is_shouted_headline(&text));
    let nav_bullet = bullet && !(sentence && words >= 12 && density >= 0.2);
    let boilerplate = junk || crumbs || picture || teaser || furniture || nav_bullet || caption;
    let shape = if chars >= 150 && density >= 0.2 && (sentence || words >= 40) {
        Class::Good
    } else if (chars >= 60 && density >= 0.15 && sentence) || (chars >= 100 && density >= 0.25) {
        Class::Near
    } else if chars >= 60 && density < 0.08 {
        Class::Bad
    } else {
        Class::Short
    };
    let class = if boilerplate { Class::Bad } else { shape };
    // Boilerplate only for a mention ("Facebook", "Comments"), and otherwise a short line.
    let headline_only = shape == Class::Short
        && mention
        && !(junk
            || crumbs
            || picture
            || teaser
            || nav_bullet
            || caption
            || plain
            || comment_header
            || strong);
    let marker = (byline || stamp) && !junk;
    let data = !boilerplate
        && !marker
        && matches!(class, Class::Short | Class::Bad)
        && words <= 25
        && text.bytes().any(|b| b.is_ascii_digit());
    let figures = !boilerplate
        && !marker
        && matches!(class, Class::Short | Class::Bad)
        && words <= 80
        && text.bytes().any(|b| b.is_ascii_digit())
        && {
            let numbers = words_of(&text)
                .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
                .count();
            numbers >= 2 && numbers * 4 >= words
        };
    let field = text.contains("[ ]");
    Some(Line {
        text,
        words,
        chars,
        sentence,
        class,
        marker,
        data,
        figures,
        table: false,
        block_start: false,
        after_rule: false,
        caption,
        tweet: false,
        item: bullet && !(junk || crumbs || picture || teaser || furniture || caption),
        field,
        headline_only,
    })
}

/// A headline in capitals, seven words or more: a link to another story set in the article
/// ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"). A sub-heading in capitals is
/// shorter ("FORD MUSTANG MACH E").
fn is_shouted_headline(text: &str) -> bool {
    // Most lines give themselves away by their first lower-case ASCII letter.
    if text.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let mut words = 0;
    for w in text.split_whitespace() {
        let mut capital = false;
        for c in w.chars() {
            if c.is_uppercase() {
                capital = true;
            } else if c.is_alphabetic() {
                // Lower case, or a script without case (Arabic, Chinese): not shouted.
                return false;
            }
        }
        words += usize::from(capital);
    }
    words >= 7
}

/// The line with each run of white space (and zero-width spaces) made one space, and none at
/// either end: `raw.split(white space)` without the empty pieces, joined by spaces, with runs
/// of other ASCII copied whole.
pub(crate) fn collapse_space(raw: &str) -> String {
    let space = |c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}';
    let b = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut gap = false;
    let mut i = 0;
    while i < b.len() {
        let (run, end) = if b[i].is_ascii() {
            let mut end = i;
            while end < b.len() && b[end].is_ascii() && !space(char::from(b[end])) {
                end += 1;
            }
            if end == i {
                gap = true;
                i += 1;
                continue;
            }
            (&raw[i..end], end)
        } else {
            let Some(c) = raw[i..].chars().next() else {
                break;
            };
            if space(c) {
                gap = true;
                i += c.len_utf8();
                continue;
            }
            (&raw[i..i + c.len_utf8()], i + c.len_utf8())
        };
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push_str(run);
        i = end;
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af)
}

fn bad_line(text: String) -> Line {
    Line {
        text,
        words: 0,
        chars: 0,
        sentence: false,
        class: Class::Bad,
        marker: false,
        data: false,
        figures: false,
        table: false,
        block_start: false,
        after_rule: false,
        caption: false,
        tweet: false,
        item: false,
        field: false,
        headline_only: false,
    }
}

/// A line that is one text twice, as a picture's alt text run into its caption ("Business
/// focus: a camera lensBusiness focus: a camera lens").
fn is_doubled(text: &str) -> bool {
    let n = text.len();
    let halves = |a: usize, b: usize| {
        text.is_char_boundary(a) && text.is_char_boundary(b) && text[..a] == text[b..]
    };
    n >= 20 && ((n % 2 == 0 && halves(n / 2, n / 2)) || (n % 2 == 1 && halves(n / 2, n / 2 + 1)))
}

/// The line after a picture's name in brackets run into it ("\[ps4dualsho\]The price of one of
/// the PS4 DualShock controllers …", a scraper's placeholder for an image before a
/// paragraph): a bracketed token of up to 40 characters without spaces, with a letter, a
/// digit or a quotation mark right after the bracket and more text after it.
fn after_picture_name(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('[')?;
    let close = inner.find(']')?;
    let rest = &inner[close + 1..];
    let name = &inner[..close];
    (!name.is_empty()
        && close <= 40
        && !name.contains(char::is_whitespace)
        && rest.chars().count() >= 20
        && rest.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '"' | '“' | '‘')))
    .then_some(rest)
}

/// The line without the cards that some sites (The Hill) set inside a sentence after a
/// person's name: a bracketed picture name glued to the name, then the person's name again
/// and the headlines of stories about them, to "MORE" ("Rep. Ilhan Omar\[omarilhan_111\]Ilhan
/// OmarHillicon Valley: … her MORE (D-Minn.), the U.S. Attorney’s Office …" is "Rep. Ilhan
/// Omar (D-Minn.), the U.S. Attorney’s Office …"). `None` when the line has none.
fn without_hover_cards(text: &str) -> Option<String> {
    // Where the card that opens at `open` ends, if one does.
    let card_end = |open: usize| {
        let glued = text[..open]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let close = text[open + 1..].find(']')?;
        let name = &text[open + 1..open + 1 + close];
        let slug = (3..=40).contains(&name.len())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !(glued && slug) {
            return None;
        }
        let after = open + 2 + close;
        // ("MORE" as a word, within a card's length: only so far is searched, so a long line
        // of brackets costs no more than its length times that.)
        let mut limit = (after + 800).min(text.len());
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        text[after..limit]
            .match_indices(" MORE")
            .map(|(i, m)| after + i + m.len())
            .find(|&end| !text[end..].starts_with(char::is_alphanumeric))
    };
    let mut out = String::new();
    let (mut copied, mut search) = (0, 0);
    while let Some(open) = text[search..].find('[').map(|i| search + i) {
        match card_end(open) {
            Some(end) => {
                out.push_str(&text[copied..open]);
                // What follows the card stays apart from the name unless it is punctuation
                // that leans on the word before ("Noem, who"; "MORE(R)" is "Noem (R)").
                let leans = text[end..]
                    .starts_with(|c: char| c.is_whitespace() || ",.;:!?)]}’”'\"…-–—/".contains(c));
                if !leans && end < text.len() {
                    out.push(' ');
                }
                (copied, search) = (end, end);
            }
            None => search = open + 1,
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// Whether the line holds a bracketed token without spaces, such as "[103688330-]". In `prose`,
/// a sentence of prose, a bracketed word of letters alone is an editor's ("\[Google\]").
fn has_bracket_token(text: &str, prose: bool) -> bool {
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) => {
                let inner = &after[..close];
                // Not an editor's word in a quotation: "[doesn't]", "[sic]", "[…]".
                let editorial = inner.contains(['\'', '’'])
                    || inner.eq_ignore_ascii_case("sic")
                    || !inner.chars().any(char::is_alphabetic)
                    || (prose && inner.chars().all(char::is_alphabetic));
                if inner.len() >= 3 && !inner.contains(' ') && !editorial {
                    return true;
                }
                rest = &after[close + 1..];
            }
            None => return false,
        }
    }
    false
}

/// Image file names, slugs, numeric ids, bracketed placeholders, URL fragments. `lower` is
/// `text` lower-cased.
fn is_junk(text: &str, lower: &str) -> bool {
    let letter = if text.is_ascii() {
        text.bytes().any(|b| b.is_ascii_alphabetic())
    } else {
        text.chars().any(char::is_alphabetic)
    };
    if !letter {
        return true;
    }
    if text.starts_with('[') && text.ends_with(']') {
        return true;
    }
    if (lower.contains('%') && lower.contains("%2f"))
        || (lower.contains(':') && (lower.contains("http://") || lower.contains("https://")))
        || lower.starts_with("www.")
    {
        return !lower.contains(". ");
    }
    // A file name: an extension at the end or before a space.
    for dot in memchr::memchr_iter(b'.', lower.as_bytes()) {
        let rest = &lower[dot..];
        for ext in [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".mp4"] {
            if rest.starts_with(ext) && matches!(rest.as_bytes().get(ext.len()), None | Some(b' '))
            {
                return true;
            }
        }
    }
    // A single long token with separators: a slug or file name.
    let slug = |one_token: bool| {
        one_token && text.len() > 15 && text.contains(['-', '_']) && !text.contains(". ")
    };
    // Without a digit, no token is id-like: only the slug test is left.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return slug(!text.contains(' '));
    }
    // Image dimensions ("1200x630") or mostly id-like tokens: only a token with a digit can
    // be one, and the others are only counted.
    let (mut tokens, mut idlike) = (0usize, 0usize);
    let (mut x_after_digits, mut long_id) = (false, false);
    for t in text.split(' ') {
        tokens += 1;
        let digits = t.bytes().filter(u8::is_ascii_digit).count();
        if digits == 0 {
            continue;
        }
        let x = t.split_once('x');
        let dims = x.is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        });
        if dims
            || (digits >= 3 && digits * 3 >= t.len())
            || (t.len() >= 8 && digits >= 2 && t.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            idlike += 1;
        }
        x_after_digits |=
            x.is_some_and(|(a, _)| a.bytes().all(|c| c.is_ascii_digit()) && !a.is_empty());
        long_id |= t.len() >= 8 && digits >= 6;
    }
    if slug(tokens == 1) {
        return true;
    }
    let ends = text.ends_with(['.', '!', '?', '"', '”']);
    (idlike > 0 && tokens <= 3 && !ends && x_after_digits)
        || (idlike * 2 >= tokens && !ends && tokens >= 2)
        || (idlike >= 1 && tokens <= 4 && !ends && long_id)
}

/// Whether the end of a caption is its photographer's credit: a name in brackets ("(Lucy
/// Akins)"), or a credit set after a mark ("| Foto: Reuters", "— Heinrich Aikawa/Instituto
/// Lula", " Photo: John Locher, AP", "David McNew—Getty Images"). A label in capitals, "(VIDEO)"
/// after a teaser's headline, is none.
fn is_photo_credit(rest: &str) -> bool {
    let t = rest.trim();
    let lowered = t.to_lowercase();
    let named = [
        "photo", "foto", "image", "credit", "getty", "reuters", "courtesy",
    ]
    .iter()
    .any(|w| lowered.contains(w));
    let name = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        (1..=5).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase()) && w.chars().any(char::is_lowercase)
            })
    };
    let bracketed = t
        .strip_prefix('(')
        .and_then(|b| b.strip_suffix(')'))
        .is_some_and(|inner| named || (name(inner) && inner.contains(' ')));
    let after_mark = t.starts_with(['|', '-', '–', '—', '/'])
        && (named
            || t.trim_start_matches(['|', '-', '–', '—', '/'])
                .split('/')
                .all(|part| name(part) && part.trim().contains(' ')));
    bracketed || after_mark || (named && !t.starts_with('(') && t.len() <= 80)
}

/// Lines repeated within the page (navigation printed twice) or across the outlet's pages.
fn mark_repeats(lines: &mut [Line], repeated: Option<&RepeatedLines>) {
    // A line printed twice in a row is an image's alt text and caption, or a widget's echo.
    for i in 1..lines.len() {
        let (a, b) = (&lines[i - 1], &lines[i]);
        let (short, long) = if a.text.len() <= b.text.len() {
            (a, b)
        } else {
            (b, a)
        };
        // The same text twice in a row, or once more with a credit appended.
        if short.words >= 4 && long.text.starts_with(short.text.as_str()) {
            // With a photographer's credit, the pair is a picture's alt text and caption,
            // which an article flows around ("Dig a hole in the oasis." under a how-to's
            // step, then "Dig a hole in the oasis. (Lucy Akins)").
            let picture = is_photo_credit(&long.text[short.text.len()..]);
            for l in &mut lines[i - 1..=i] {
                l.class = Class::Bad;
                l.headline_only = false;
                l.data = false;
                l.figures = false;
                l.caption |= picture;
            }
        }
    }
    // Short lines printed more than once on the page are navigation.
    let mut counts: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for l in lines.iter().filter(|l| l.class == Class::Short) {
        *counts.entry(l.text.clone()).or_default() += 1;
    }
    for l in lines.iter_mut() {
        if l.class == Class::Short && counts.get(&l.text).is_some_and(|n| *n > 1) {
            l.class = Class::Bad;
            l.data = false;
            l.figures = false;
            l.headline_only = true;
        }
        if let Some(rep) = repeated {
            // Long prose is never demoted: a wire story an outlet ran three times is still news.
            if (matches!(l.class, Class::Short | Class::Near) || l.data)
                && rep.contains(&hash_line(&l.text))
            {
                l.class = Class::Bad;
                l.headline_only = false;
                l.data = false;
                l.figures = false;
            }
        }
    }
}

/// Tables of figures (standings, results, scores, schedules): five rows of figures or more
/// ([`Line::figures`]), each within two lines of the next (a group's heading or a line of notes
/// may stand between them). Their rows are marked [`Line::table`]; the tables' inclusive
/// ranges of lines are returned in page order.
fn mark_tables(lines: &mut [Line]) -> Vec<(usize, usize)> {
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].figures {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut rows = 1;
        let mut j = i + 1;
        while j < lines.len() && j <= last + 2 {
            if lines[j].figures {
                last = j;
                rows += 1;
            }
            j += 1;
        }
        if rows >= 5 {
            for l in lines[i..=last].iter_mut().filter(|l| l.figures) {
                l.table = true;
            }
            tables.push((i, last));
        }
        i = last + 1;
    }
    tables
}

/// A short line right above a table is its heading or its row of column names ("GIRLS
/// BASKETBALL", "Pos. Driver Points Wins").
fn table_heading(l: &Line) -> bool {
    l.class == Class::Short && !l.marker && !l.caption && l.words <= 10
}

/// The article's range once tables are weighed: a table with more characters in its rows than
/// the prose of the run found is what the page is for (standings, results, a schedule), and a
/// table that starts within three lines after the run, with nothing but short lines between,
/// closes it (a box score under a match report). Otherwise the run stands.
fn with_tables(
    lines: &[Line],
    region: Option<(usize, usize)>,
    tables: &[(usize, usize)],
) -> Option<(usize, usize)> {
    let chars = |s: usize, e: usize, table: bool| -> usize {
        lines[s..=e]
            .iter()
            .filter(|l| {
                if table {
                    l.table
                } else {
                    matches!(l.class, Class::Good | Class::Near) && !l.table
                }
            })
            .map(|l| l.chars)
            .sum()
    };
    let prose = region.map_or(0, |(s, e)| chars(s, e, false));
    let biggest = tables
        .iter()
        .map(|&(s, e)| (chars(s, e, true), s, e))
        .max_by_key(|&(c, s, _)| (c, std::cmp::Reverse(s)));
    if let Some((c, s, e)) = biggest {
        if c > prose {
            let headed = s > 0 && table_heading(&lines[s - 1]);
            return Some((s - usize::from(headed), e));
        }
    }
    let (s, mut e) = region?;
    for &(ts, te) in tables {
        let gap = e + 1..ts;
        if ts > e
            && ts <= e + 3
            && lines[gap]
                .iter()
                .all(|l| l.class == Class::Short && !l.marker)
        {
            e = te;
        }
    }
    Some((s, e))
}

/// Embedded tweets: a signature line ("— Rep. Ilhan Omar (@Ilhan) November 19, 2019") under
/// the tweet's text. News pages quote tweets as they quote speech, so the tweet is read as
/// prose without its links ("https://t.co/…", "pic.twitter.com/…"), which alone would make it
/// junk, and the signature is a short line kept with it ([`choose`]).
fn mark_tweets(lines: &mut [Line], page_stops: Option<&FxHashSet<String>>) {
    for i in 0..lines.len() {
        if !is_tweet_signature(&lines[i].text) {
            continue;
        }
        let sig = &mut lines[i];
        sig.class = Class::Short;
        sig.marker = false;
        sig.data = false;
        sig.figures = false;
        sig.tweet = true;
        let Some(text) = i.checked_sub(1).map(|p| without_links(&lines[p].text)) else {
            continue;
        };
        if let Some(read) = analyse(&text, WordCounts::english(&text), page_stops) {
            let tweet = &mut lines[i - 1];
            if read.class != Class::Bad && !tweet.tweet {
                tweet.class = read.class;
                tweet.marker = false;
                tweet.data = false;
                tweet.figures = false;
            }
        }
    }
}

/// "— Name (@handle) Month D, YYYY", the line a tweet embedded in a page ends with.
fn is_tweet_signature(text: &str) -> bool {
    let Some(rest) = ["— ", "– ", "- "]
        .iter()
        .find_map(|dash| text.strip_prefix(dash))
    else {
        return false;
    };
    let Some(at) = rest.find("(@") else {
        return false;
    };
    let Some(close) = rest[at..].find(')') else {
        return false;
    };
    let handle = &rest[at + 2..at + close];
    let date = rest[at + close + 1..].trim();
    !handle.is_empty()
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && date.len() <= 20
        && meta::find_date(date).is_some()
}

/// The text without its links: words that start with "http" or "pic.twitter.com/".
fn without_links(text: &str) -> String {
    text.split(' ')
        .filter(|w| !w.starts_with("http") && !w.contains("pic.twitter.com/"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn score(l: &Line) -> f64 {
    let c = l.chars as f64;
    // Each date or byline line starts a new item: in a list of comments or teasers every item
    // has one, while an article has one at its top. Crossing one costs dearly.
    if l.marker {
        return -80.0;
    }
    if l.table {
        return 0.0;
    }
    // A caption costs what a short line does, however long: a lead followed by three
    // captions is still the article's start.
    if l.caption {
        return -12.0;
    }
    match l.class {
        Class::Good => c,
        Class::Near => c * 0.5,
        Class::Short if l.sentence && l.words >= 3 => c * 0.2,
        Class::Short => -12.0,
        Class::Bad => -(20.0 + c * 0.25),
    }
}

/// The article's inclusive range of lines: the run with the largest total score that holds
/// prose. `None` when no line scores above zero (a page of nothing but furniture).
fn main_run(lines: &[Line]) -> Option<(usize, usize)> {
    let mut runs: Vec<(usize, usize, f64)> = Vec::new();
    let mut sum = 0.0;
    let mut start = 0;
    let mut best_here: Option<(usize, usize, f64)> = None;
    for (i, l) in lines.iter().enumerate() {
        if sum <= 0.0 {
            if let Some(r) = best_here.take() {
                runs.push(r);
            }
            sum = 0.0;
            start = i;
        }
        sum += score(l);
        if sum > 0.0 && best_here.is_none_or(|b| sum > b.2) {
            best_here = Some((start, i, sum));
        }
    }
    runs.extend(best_here);
    let has_prose = |&(s, e, _): &(usize, usize, f64)| {
        lines[s..=e]
            .iter()
            .any(|l| matches!(l.class, Class::Good | Class::Near))
    };
    let best = runs
        .iter()
        .filter(|r| has_prose(r))
        .map(|r| r.2)
        .fold(0.0, f64::max);
    let chosen = runs
        .iter()
        .find(|r| has_prose(r) && r.2 >= best && best > 0.0)
        .copied()?;
    // A run whose prose stands mostly in items, each lead alone between its headline and its
    // source, is a river of teasers; an article's paragraphs follow one another. The best
    // run mostly of paragraphs, three or more of them in a row, wins over it if it holds a
    // third of its score.
    let (share, _) = paragraphs(&lines[chosen.0..=chosen.1]);
    if share * 3.0 < 1.0 {
        let article = runs
            .iter()
            .filter(|r| {
                let (share, in_a_row) = paragraphs(&lines[r.0..=r.1]);
                r.2 * 3.0 >= best && share * 2.0 >= 1.0 && in_a_row >= 3
            })
            .max_by(|a, b| a.2.total_cmp(&b.2));
        if let Some(&(s, e, _)) = article {
            return Some((s, e));
        }
    }
    Some((chosen.0, chosen.1))
}

/// The share of the paragraphs of `lines` (good lines, and near-prose that ends as a sentence
/// does) that have another next to them, and the most of them in a row: an article's
/// paragraphs follow one another, while the leads of teasers stand each alone.
fn paragraphs(lines: &[Line]) -> (f64, usize) {
    let is_paragraph =
        |l: &Line| !l.marker && (l.class == Class::Good || (l.class == Class::Near && l.sentence));
    let (mut all, mut paired, mut row, mut most) = (0, 0, 0, 0);
    for (i, l) in lines.iter().enumerate() {
        if !is_paragraph(l) {
            row = 0;
            continue;
        }
        all += 1;
        row += 1;
        most = usize::max(most, row);
        if (i > 0 && is_paragraph(&lines[i - 1])) || lines.get(i + 1).is_some_and(is_paragraph) {
            paired += 1;
        }
    }
    let share = if all == 0 {
        0.0
    } else {
        paired as f64 / all as f64
    };
    (share, most)
}

/// Ends the article's run of lines `start..=end` before a form within it (two lines with
/// fields, at most eight lines apart, with no prose between them) that comes after prose: the
/// form to post a comment, or to sign in to, is where the article has ended, in any language,
/// and what follows it is readers' comments. A form above all of the run's prose (a search box,
/// a sign-in panel in the header) is passed over.
fn form_end(lines: &[Line], start: usize, end: usize) -> usize {
    let mut prose = false;
    for i in start..=end {
        let l = &lines[i];
        if prose && l.field {
            let form = lines[i + 1..lines.len().min(i + 9)]
                .iter()
                .take_while(|n| !matches!(n.class, Class::Good | Class::Near))
                .any(|n| n.field);
            if form {
                return i - 1;
            }
        }
        prose |= l.class == Class::Good;
    }
    end
}

/// Moves the start of the article past header markers (byline, date) near its top: prose above
/// them is a standfirst, a caption or a teaser, not the body.
fn skip_header(lines: &[Line], start: usize, end: usize) -> usize {
    let total: usize = lines[start..=end]
        .iter()
        .filter(|l| l.class == Class::Good)
        .map(|l| l.chars)
        .sum();
    let mut new_start = start;
    let mut before = 0;
    for (i, l) in lines.iter().enumerate().take(end + 1).skip(start) {
        if l.marker && before * 10 < total * 3 && i < end {
            new_start = i + 1;
        }
        if l.class == Class::Good {
            before += l.chars;
        }
    }
    new_start
}

/// Starts the article after its headline when the run begins with one ([`is_headline`]) and
/// has prose after it: a plain-text article is often its headline, a blank line and the body.
fn skip_headline(lines: &[Line], start: usize, end: usize) -> usize {
    if start < end
        && is_headline(lines, start)
        && lines[start + 1..=end]
            .iter()
            .any(|l| l.class == Class::Good)
    {
        start + 1
    } else {
        start
    }
}

/// A headline: a paragraph of one line, 3 to 25 words, neither a byline nor a row of a table,
/// that is either in title case ("Stealth Over Health: Hillary Clinton Was Headed to ER",
/// [`is_title_case`]) or the page's first line, of 20 words or fewer, with a line of prose
/// (or a deck) after it ("Former DNC chairman calls for Clinton contingency plan."): a text
/// file of an article starts with its headline.
fn is_headline(lines: &[Line], i: usize) -> bool {
    let l = &lines[i];
    let own_paragraph = l.block_start && lines.get(i + 1).is_none_or(|n| n.block_start);
    if !own_paragraph
        || l.marker
        || l.table
        || l.class == Class::Bad
        || !(3..=25).contains(&l.words)
    {
        return false;
    }
    is_title_case(&l.text)
        || (i == 0
            && l.words <= 20
            && !l.text.ends_with(':')
            && lines
                .get(1)
                .is_some_and(|n| matches!(n.class, Class::Good | Class::Near)))
}

/// Every word of four letters or more starts with a capital or a digit, and there are at least
/// three such words: a headline's case, which prose never has but in a string of names.
fn is_title_case(text: &str) -> bool {
    let mut long = 0;
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        if !w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            return false;
        }
        long += 1;
    }
    long >= 3
}

/// Ends the article at the first header marker (a date or byline line) that follows a good
/// part of it and is followed by more prose in items shorter than half of what came before
/// ([`longest_item`]): what comes after is the next item of a list of teasers (headline,
/// author, date, lead), not the article. It ends, too, at the author's box
/// or a list of sources after most of the article: a line that names the byline's author
/// ([`names_author`]: "About Brigit Katz", "NRO contributor Victor Davis Hanson is …"), or a
/// closing heading ([`is_closing_heading`]).
fn cut_trailer(lines: &[Line], start: usize, end: usize, author: &str) -> usize {
    let total: usize = lines[start..=end]
        .iter()
        .filter(|l| l.class == Class::Good)
        .map(|l| l.chars)
        .sum();
    let mut before = 0;
    // (Characters of all prose above, near-prose included: a wire story's short paragraphs.)
    let mut prose = 0;
    for i in start..=end {
        let l = &lines[i];
        if l.marker
            && before * 10 >= total * 3
            && lines[i + 1..=end].iter().any(|n| n.class == Class::Good)
            && longest_item(&lines[i + 1..=end]) * 2 < before
        {
            return i.saturating_sub(1).max(start);
        }
        // A heading of teasers ends the article when only teasers follow, each lead alone
        // between its headline and its source, and none half as long as the prose above,
        // however many there are (a portal's "Recommended for You" under a short article).
        if i > start
            && is_teaser_heading(&l.text)
            && only_items(&lines[i + 1..=end])
            && lines[i + 1..=end]
                .iter()
                .filter(|n| n.class == Class::Good)
                .all(|n| n.chars * 2 < prose)
        {
            return i - 1;
        }
        // (So does a horizontal rule before a body's account of itself there: the "About"
        // box of a press release, "Ascom is a global solutions provider …".)
        if i > start
            && before * 10 >= total * 7
            && ((l.after_rule && describes_itself(&l.text))
                || names_author(&l.text, l.words, author)
                || is_closing_heading(&l.text)
                // (A link to the comments set before the last paragraph is followed by it.)
                || (is_comments_label(&l.text)
                    && lines
                        .get(i + 1)
                        .is_some_and(|n| !matches!(n.class, Class::Good | Class::Near))))
        {
            return i - 1;
        }
        // An author's box headed with the name, when the byline was not read: "Über Moritz
        // Bachmann", "Sobre Carlos Nadalim", then a line about them that names them again.
        if i > start && before * 2 >= total && about_someone(lines, i, end) {
            return i - 1;
        }
        if l.class == Class::Good {
            before += l.chars;
        }
        if matches!(l.class, Class::Good | Class::Near) && !l.marker {
            prose += l.chars;
        }
    }
    end
}

/// Whether line `i` heads a box about a person: "About", "Über", "Sobre", "À propos de",
/// "Acerca de", "Over" or "Om" and a name of two to four words ([`meta::looks_like_name`]:
/// "Maria da Silva"), which one of the next three lines, up to `end`, names again.
fn about_someone(lines: &[Line], i: usize, end: usize) -> bool {
    let text = &lines[i].text;
    if text.len() > 60 {
        return false;
    }
    let Some(name) = [
        "about ",
        "über ",
        "sobre ",
        "à propos de ",
        "a propos de ",
        "acerca de ",
        "over ",
        "om ",
    ]
    .iter()
    .find_map(|p| {
        text.get(..p.len())
            .filter(|h| h.chars().flat_map(char::to_lowercase).eq(p.chars()))
            .map(|_| text[p.len()..].trim_end_matches([':', '.']).trim())
    }) else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| w.chars().count() >= 2)
        && words[0].starts_with(char::is_uppercase)
        && meta::looks_like_name(name)
        && lines[i + 1..=end.min(i + 3)]
            .iter()
            .any(|l| l.text.contains(name))
}

/// The most prose (characters of good lines) between two header markers of `lines`, or after
/// the last: each item of a list of teasers is a lead, shorter than the article above it,
/// while an article that resumes after a box of dated teasers set in it ("Recommended", three
/// headlines with their dates) runs on, as long as before, with no marker.
fn longest_item(lines: &[Line]) -> usize {
    let mut longest = 0;
    let mut item = 0;
    for l in lines {
        if l.marker {
            item = 0;
        } else if l.class == Class::Good {
            item += l.chars;
            longest = longest.max(item);
        }
    }
    longest
}

/// Whether `lines` hold prose only in items: at least two good lines, none next to another.
/// An article's paragraphs follow one another; the leads of a list of teasers stand each
/// between its headline (which may read as near-prose) and its source or buttons.
fn only_items(lines: &[Line]) -> bool {
    let is_prose = |l: &Line| l.class == Class::Good && !l.marker;
    lines.iter().filter(|l| is_prose(l)).count() >= 2
        && !lines.windows(2).any(|w| is_prose(&w[0]) && is_prose(&w[1]))
}

/// A horizontal rule: eight or more of one rule character and nothing else ("━━━━━━━━",
/// "________", "========", "- - - -" aside).
fn is_rule(raw: &str) -> bool {
    let t = raw.trim();
    let mut chars = t.chars();
    chars.next().is_some_and(|c| {
        matches!(c, '━' | '─' | '—' | '–' | '-' | '_' | '=' | '*' | '~')
            && t.chars().count() >= 8
            && chars.all(|d| d == c)
    })
}

/// Whether a line opens with a body's account of itself: a name, then "is a", "is an", "is
/// the" or "is one of" ("Ascom is a global solutions provider …", "Acme Corp. (NYSE: ACM) is
/// the leading …").
fn describes_itself(text: &str) -> bool {
    let Some(at) = [" is a ", " is an ", " is the ", " is one of "]
        .iter()
        .filter_map(|v| text.find(v))
        .min()
    else {
        return false;
    };
    let name = &text[..at];
    name.len() <= 80
        && name.starts_with(|c: char| c.is_uppercase())
        && name.split_whitespace().all(|w| {
            w.starts_with(|c: char| !c.is_lowercase()) || matches!(w, "of" | "and" | "the" | "de")
        })
}

/// The heading of what follows an article rather than belongs to it: a fact check's list of
/// sources ("Sources:"), the author's box ("About the author", "Über den Autor", "Sobre o
/// autor"), the teasers of other stories ([`is_teaser_heading`]).
fn is_closing_heading(text: &str) -> bool {
    let t = text.trim_end_matches([':', '»', '›']).trim();
    is_teaser_heading(text)
        || (t.len() <= 24 && {
            let lower = t.to_lowercase();
            [
                "sources",
                "our sources",
                "about the author",
                "about the authors",
                "über den autor",
                "über die autorin",
                "über die autoren",
                "sobre o autor",
                "sobre a autora",
                "sobre el autor",
                "sobre la autora",
                "à propos de l'auteur",
                "à propos de l’auteur",
                "over de auteur",
                "om forfatteren",
                "om författaren",
                "o autorze",
                "об авторе",
            ]
            .contains(&lower.as_str())
        })
}

/// The heading of the readers' comments under an article: "Comments", "Show comments", "Leave
/// a reply", "Join the discussion".
fn is_comments_label(text: &str) -> bool {
    let t = text.trim_end_matches([':', '»', '›', '+']).trim();
    t.len() <= 24
        && [
            "comments",
            "show comments",
            "view comments",
            "reader comments",
            "leave a comment",
            "post a comment",
            "leave a reply",
            "join the discussion",
            "join the conversation",
        ]
        .iter()
        .any(|h| t.eq_ignore_ascii_case(h))
}

/// The heading of a list of teasers for other stories: "Trending Now", "You may also like",
/// "More on Slate Book Review", "More in Trump Impeachment Inquiry", "More:".
fn is_teaser_heading(text: &str) -> bool {
    // (Most lines are longer than any such heading, and are not compared.)
    if text.len() > 64 {
        return false;
    }
    let t = text.trim_end_matches([':', '»', '›']).trim();
    let more = ["more on ", "more in ", "more from ", "see more"]
        .iter()
        .any(|p| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
        && t.split_whitespace().count() <= 8;
    more || (t.len() <= 24
        && [
            "trending",
            "trending now",
            "trending stories",
            "most popular",
            "most read",
            "popular stories",
            "top stories",
            "latest news",
            "latest stories",
            "more stories",
            "related",
            "related stories",
            "related articles",
            "related coverage",
            "recommended",
            "recommended for you",
            "you may also like",
            "you might also like",
            "read next",
            "what to read next",
            "more news",
            "more",
        ]
        .iter()
        .any(|h| t.eq_ignore_ascii_case(h)))
}

/// Whether `line` names the byline's `author` as an author's box does: in a short label
/// ("About Brigit Katz", "Researched by: Matthew Digby, Minh Do", "Regan"), or as the subject of
/// a line about them ("NRO contributor Victor Davis Hanson is the …", "Mike Wall's book …").
/// An article seldom names its own author; a closing line that does in passing ("This
/// editorial represents the views of the … Editorial Board.") is not a box.
fn names_author(line: &str, words: usize, author: &str) -> bool {
    // A byline of several names lists them as "Jane Doe; John Roe": any of them.
    author
        .split(';')
        .map(str::trim)
        .filter(|name| name.chars().count() >= 3)
        .any(|name| names_one(line, words, name))
}

/// [`names_author`] for one name.
fn names_one(line: &str, words: usize, author: &str) -> bool {
    line.match_indices(author).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let rest = &line[at + author.len()..];
        // "Jason Cipriani/ZDNet" under a picture in the article is the author's photo credit.
        let whole_word = !before.is_some_and(char::is_alphanumeric)
            && !rest
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '/');
        let subject = [
            " is ",
            " was ",
            "'s ",
            "’s ",
            " writes ",
            " can be reached",
            " may be reached",
        ]
        .iter()
        .any(|p| rest.starts_with(p));
        whole_word && (words <= 8 || subject)
    })
}

/// Which lines of the run are body: prose, and short lines held between prose.
fn choose(lines: &[Line], start: usize, end: usize) -> Vec<bool> {
    let mut keep = vec![false; lines.len()];
    let is_prose =
        |l: &Line| (matches!(l.class, Class::Good | Class::Near) && !l.marker) || l.table;
    let Some(first) = (start..=end).find(|&i| is_prose(&lines[i])) else {
        return keep;
    };
    let last = (start..=end)
        .rev()
        .find(|&i| is_prose(&lines[i]))
        .unwrap_or(first);
    if lines[first].table && first > start && table_heading(&lines[first - 1]) {
        keep[first - 1] = true;
    }
    // A list of teasers set in the article ("More on Slate Book Review", then their
    // headlines) is no part of it: from its heading up to the next prose or sentence
    // ("Here are some of the highlights:"), as headlines seldom end in a full stop.
    let mut teaser = false;
    for i in first..=last {
        let l = &lines[i];
        teaser = is_teaser_heading(&l.text) || (teaser && !is_prose(l) && !l.sentence);
        // (A form's field is no text of the article, wherever it stands.)
        if l.marker || l.field || (l.class == Class::Bad && !l.table) || teaser {
            continue;
        }
        // Prose, or a short line between prose: a one-line paragraph, a sub-heading, a list
        // item.
        keep[i] = true;
    }
    // Short sentences right after the last prose line close many articles ("And trust, once
    // broken, is gone for good."), but a sign-off name or a label does not.
    for i in last + 1..=end {
        let l = &lines[i];
        if l.class == Class::Short && l.sentence && l.words >= 3 && !l.marker {
            keep[i] = true;
        } else if l.class != Class::Short {
            break;
        }
    }
    // A tweet's signature goes with the tweet.
    for i in first + 1..=(last + 1).min(lines.len() - 1) {
        if lines[i].tweet && keep[i - 1] {
            keep[i] = true;
        }
    }
    // A bulleted list that a kept line introduces with a colon ("Some of the other data
    // points include:", "Here's what's different now:") is the article's, though a bullet
    // alone reads as navigation. Lists headed "Share this:", "TRENDING:" or "Follow us on:"
    // stay out, as their heading is furniture and not kept.
    let mut i = first;
    while i < lines.len() {
        let list = if keep[i] && lines[i].text.ends_with(':') {
            lines[i + 1..].iter().take_while(|l| l.item).count()
        } else {
            0
        };
        keep[i + 1..=i + list].fill(true);
        // (Each line is read once: an item ending in a colon opens no list of its own.)
        i += list + 1;
    }
    let closing = (last..lines.len())
        .take_while(|&i| keep[i])
        .last()
        .unwrap_or(last);
    if let Some(list) = closing_list(lines, closing + 1) {
        keep[list].fill(true);
    }
    keep
}

/// The list that closes an article whose last kept line is just before `at`: tour dates,
/// results, a schedule. It is one block of three or more rows of data ([`Line::data`]) with
/// no blank line between them, right after the article or after a heading of its own ("The
/// Doobie Brothers Tour Dates"), and it ends where the block does. Rows of data cut across by
/// anything else (a date line, a share button, a line of prose) are not a list, and neither is
/// a block in which any row lacks a digit: teaser lists pair a headline with a date.
fn closing_list(lines: &[Line], at: usize) -> Option<std::ops::Range<usize>> {
    let heading = |i: usize| {
        lines.get(i).is_some_and(|l| {
            l.block_start && l.class == Class::Short && !l.marker && !l.data && l.words <= 12
        })
    };
    let block_end = |from: usize| {
        (from + 1..lines.len())
            .find(|&i| lines[i].block_start)
            .unwrap_or(lines.len())
    };
    let rows = |from: usize, to: usize| to - from >= 3 && lines[from..to].iter().all(|l| l.data);
    // A heading in its own block, then the list's block.
    if heading(at) && lines.get(at + 1).is_some_and(|l| l.block_start) {
        let end = block_end(at + 1);
        if rows(at + 1, end) {
            return Some(at..end);
        }
    }
    // A heading that opens the list's block ("Tour dates:"), or the rows straight after the
    // article.
    let end = block_end(at);
    let from = if heading(at) { at + 1 } else { at };
    (at < lines.len() && rows(from, end)).then_some(at..end)
}

/// A line above the body that is no headline: a date or time ("Nov. 19, 2019 8:03 am ET",
/// "Chris Davies - Nov 19, 2019"), a line naming the author ("Bryan DeArdo mugshot", "Eric
/// SongBy Eric Song, IGN Staff") or a handle ("Natasha Turak@NatashaTurak"), a stamp or
/// credit ("Posted on …", "Tested by: …"), a numbered menu item ("3. Science & Astronomy"), or
/// the page's account and navigation prompts ("You are signed in as", "Close share panel").
fn is_header_furniture(text: &str, author: &str) -> bool {
    let lower = text.to_lowercase();
    // (A headline may name the author the byline was misread as: "The Doobie Brothers Set
    // 50th Anniversary Tour".)
    let names_author = text.split_whitespace().count() <= 6
        && author
            .split(';')
            .map(str::trim)
            .any(|name| name.chars().count() >= 3 && text.contains(name));
    let numbered = text
        .split_once(". ")
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    // A line in lower case only is a link, a control or a quoted claim, not a headline
    // ("take the tour", a list of tags: "pompeo assange adelson"), unless a number opens it
    // as a list's headline may ("10 things in tech you need to know today").
    let uncased = text.chars().any(char::is_lowercase)
        && !text.chars().any(char::is_uppercase)
        && !text.starts_with(|c: char| c.is_ascii_digit());
    // (A picture's credit as a text dump runs it into the name: "CreditCharlie Rubin for The
    // New York Times", "Credit: Jane Roe"; not "Credit Card Debt Soars".)
    let credit = text
        .strip_prefix("Credit")
        .is_some_and(|rest| rest.starts_with(|c: char| c == ':' || c.is_uppercase()));
    meta::find_date(text).is_some()
        || names_author
        || credit
        || numbered
        || uncased
        || text.contains('@')
        || lower.contains("by:")
        || text.ends_with('»')
        || [
            "posted ",
            "published ",
            "filed ",
            "updated ",
            "by ",
            "go to ",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
        || [
            "signed in",
            "sign in",
            "you are here",
            "share panel",
            "browse all",
            "reading time",
            "min read",
            "copy this link",
            "see all",
            // Credits: "Reviewed by Hansa D. Bhargava, MD", "(L-R) Mike Pompeo, Julian
            // Assange", a picture agency's name.
            "reviewed by",
            "written by",
            "edited by",
            "(l-r)",
            "getty images",
        ]
        .iter()
        .any(|p| lower.contains(p))
}

/// The author the byline nearest above the body names, or a bare name line just above it
/// ("Akbar Novruz" is a byline without "By"); empty when there is neither.
fn author_above(lines: &[Line], body_start: usize) -> String {
    if let Some(by) = lines[stamp_window(lines, body_start)]
        .iter()
        .rev()
        .find_map(|l| {
            meta::parse_byline(&l.text)
                .or_else(|| meta::name_with_handle(&l.text))
                .or_else(|| meta::name_with_stamp(&l.text))
        })
    {
        return by;
    }
    // (A name-like line that ends a headline above it after a colon is the headline's part
    // set apart: "Better Student Journalism" under "The Open Journalism Project: Better
    // Student Journalism".)
    let window = body_start.saturating_sub(30)..body_start;
    let in_headline = |text: &str| {
        lines[window.clone()].iter().any(|u| {
            u.text
                .strip_suffix(text)
                .is_some_and(|head| head.ends_with(": "))
        })
    };
    lines[body_start.saturating_sub(3)..body_start]
        .iter()
        .rev()
        .find(|l| {
            l.class != Class::Bad
                && !l.marker
                && !l.sentence
                && (2..=4).contains(&l.words)
                && meta::looks_like_name(&l.text)
                && !in_headline(&l.text)
        })
        .map(|l| meta::title_case_if_shouting(&l.text))
        .unwrap_or_default()
}

/// The lines above the body at `body_start` where its byline and date may stand: the 30
/// lines above it, and above those as far as no line of prose stands between (at most 200
/// lines): a video player's menus or a gallery may stand between the byline and the body.
fn stamp_window(lines: &[Line], body_start: usize) -> std::ops::Range<usize> {
    let body_start = body_start.min(lines.len());
    let mut from = body_start.saturating_sub(30);
    while from > 0
        && body_start - from < 200
        && !matches!(lines[from - 1].class, Class::Good | Class::Near)
    {
        from -= 1;
    }
    from..body_start
}

/// Whether line `i`, right below a byline or date (at most three lines, none before `from`),
/// is a picture's description: a credit follows it ("Soccer ball on grass", then
/// "Jupiterimages, Getty Images/Creatas RF"). Above the byline, a credit may follow the
/// headline itself.
fn describes_picture(lines: &[Line], from: usize, i: usize) -> bool {
    lines.get(i + 1).is_some_and(|n| is_photo_credit(&n.text))
        && lines[from.max(i.saturating_sub(3))..i]
            .iter()
            .any(|u| u.marker)
}

/// The headline among the lines `window` above the body at `body_start`: the line that
/// shares the most content words with the body's first paragraphs, when at least two of them
/// and at least half of its own are there, and one that ends in no full stop before any that
/// does. A page's furniture above an article ("1:39 PM ET",
/// "Your video will play in 00:25", "Reviewed by …", "Credit Harry Campbell") seldom shares
/// the article's words; its headline does ("The Modern Ambitions Behind Neon" over an article
/// about neon). Prose (a standfirst), bulleted items (teasers for related stories), captions,
/// breadcrumbs ("Blog > Weight Loss > Tips"), pictures' names, dates, bylines and lines of
/// more than 30 words are no headline.
fn headline_by_words(
    lines: &[Line],
    window: std::ops::Range<usize>,
    body_start: usize,
    author: &str,
    stops: Option<&FxHashSet<String>>,
) -> Option<usize> {
    let content = |text: &str| -> FxHashSet<String> { content_words(text, stops).collect() };
    let body: FxHashSet<String> = lines[body_start.min(lines.len())..]
        .iter()
        .filter(|l| matches!(l.class, Class::Good | Class::Near) && !l.marker)
        .take(5)
        .flat_map(|l| content(&l.text))
        .collect();
    // (A headline seldom ends in a full stop, and a caption or a standfirst nearly always
    // does: such a line is taken only when no other qualifies, as in plain-text archives that
    // end every headline with one.)
    let mut best: Option<(usize, (bool, usize))> = None;
    // Lines that qualify and end in no full stop.
    let mut unstopped: Vec<usize> = Vec::new();
    for i in window.clone().rev() {
        let l = &lines[i];
        if l.marker
            || l.caption
            || l.item
            || l.class == Class::Good
            || l.text.contains(" > ")
            || l.text.contains(" › ")
            || l.text.starts_with('[')
            || !(3..=30).contains(&l.words)
            || is_header_furniture(&l.text, author)
            || describes_picture(lines, window.start, i)
        {
            continue;
        }
        let own = content(&l.text);
        let shared = own.iter().filter(|w| body.contains(*w)).count();
        let rank = (!l.text.ends_with('.'), shared);
        if shared >= 2 && shared * 2 >= own.len() {
            if rank.0 {
                unstopped.push(i);
            }
            if best.is_none_or(|(_, b)| rank > b) {
                best = Some((i, rank));
            }
        }
    }
    // A deck under its headline shares more of the body's words, being longer: "Na ocasião,
    // técnico do Corinthians entregou réplica do troféu ao ex-presidente" under "Tite diz que
    // errou ao levar taça da Libertadores a Lula em 2012". The line right above one that
    // qualifies, if it qualifies too, is the headline, unless it holds that line (a
    // breadcrumb that ends in the headline: "Home News Business News Ascom announces …") or
    // is in capitals (a section's label: "GROWING AN ONLINE BUSINESS").
    let mut at = best?.0;
    while at > 0
        && unstopped.contains(&(at - 1))
        && !lines[at - 1].text.contains(lines[at].text.as_str())
        && lines[at - 1].text.chars().any(char::is_lowercase)
    {
        at -= 1;
    }
    Some(at)
}

/// The words of `text` that carry its content, lower-cased: three letters or more, no number,
/// no stop word (nor one of `stops`, the page's own function words in another language), an
/// owner without its "’s".
fn content_words<'a>(
    text: &'a str,
    stops: Option<&'a FxHashSet<String>>,
) -> impl Iterator<Item = String> + 'a {
    words_of(text)
        .filter(|w| w.chars().count() >= 3 && !w.bytes().all(|b| b.is_ascii_digit()))
        .map(|w| {
            let w = w.to_lowercase();
            match w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")) {
                Some(owner) => owner.to_string(),
                None => w,
            }
        })
        .filter(move |w| !is_stopword(w) && !stops.is_some_and(|s| s.contains(w)))
}

/// Whether a headline shares a content word with the article: the lines `keep` marks, or their
/// words `article` where they are read already. One that shares none is the page's
/// furniture: a button's words ("Found This Helpful", "To se mi líbí"), a picture's credit
/// ("RenderBurger for Quanta Magazine"), an agency's name. (A headline in a script written
/// without spaces is not split into words here, and is kept.)
fn shares_a_word(
    title: &str,
    lines: &[Line],
    keep: &[bool],
    stops: Option<&FxHashSet<String>>,
    article: Option<&FxHashSet<String>>,
) -> bool {
    let unspaced = |c: char| matches!(c, '\u{0E00}'..='\u{0E7F}' | '\u{1000}'..='\u{109F}' | '\u{2E80}'..='\u{D7FF}');
    if title.chars().any(unspaced) {
        return true;
    }
    let own: FxHashSet<String> = content_words(title, stops).collect();
    if own.is_empty() {
        return true;
    }
    match article {
        Some(words) => own.iter().any(|w| words.contains(w)),
        // (A headline's words are mostly in the article's first lines: read until one is.)
        None => {
            kept_lines(lines, keep).any(|l| content_words(&l.text, stops).any(|w| own.contains(&w)))
        }
    }
}

/// The lines `keep` marks: the article's.
fn kept_lines<'a>(lines: &'a [Line], keep: &'a [bool]) -> impl Iterator<Item = &'a Line> {
    lines.iter().zip(keep).filter(|(_, k)| **k).map(|(l, _)| l)
}

/// A line as a name reads without a text dump's link number before it and a nickname in
/// brackets: `[0]Courtney Kirchoff` and "Richard (R.J.) Eskow" are names.
fn bare_name(text: &str) -> String {
    let text = match text.strip_prefix('[').and_then(|t| t.split_once(']')) {
        Some((n, rest)) if n.bytes().all(|b| b.is_ascii_digit()) => rest,
        _ => text,
    };
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Title, byline, date, standfirst and outlet from the lines above the body (and a copyright
/// line anywhere); `keep` marks the article's lines.
fn infer_header(
    lines: &[Line],
    keep: &[bool],
    body_start: usize,
    stops: Option<&FxHashSet<String>>,
    meta: &mut Metadata,
) {
    let window = body_start.saturating_sub(30)..body_start.min(lines.len());
    meta.author = author_above(lines, body_start);
    let stamps = stamp_window(lines, body_start);
    for (i, l) in lines
        .iter()
        .enumerate()
        .take(stamps.end)
        .skip(stamps.start)
        .rev()
    {
        // (Beyond the 30 lines above the body, only a byline or a stamp.)
        if i < window.start && !l.marker {
            continue;
        }
        if l.marker && !meta.extra.contains_key("dateline") {
            if let Some(place) = meta::dateline(&l.text) {
                meta.extra.insert("dateline".into(), place.to_string());
            }
        }
        if meta.published.is_empty() && (l.marker || l.words <= 16) {
            if let Some((d, _)) = meta::find_date(&l.text) {
                meta.published = d;
            }
        }
    }
    // The headline: the nearest title-like line above the body that is neither a name nor a
    // stamp; prose between it and the body is the standfirst.
    let mut standfirst = None;
    // Whether only bylines and dates, one at least, stand between the line and the body.
    let mut stamps_only = None;
    // The line the title is read from.
    let mut title_at = None;
    // Whether a headline-like line that is furniture was passed over.
    let mut passed_furniture = false;
    // The article's words, for every line after a first that shares none.
    let article = std::cell::OnceCell::new();
    for (i, l) in lines
        .iter()
        .enumerate()
        .take(body_start)
        .skip(window.start)
        .rev()
    {
        if l.marker {
            stamps_only.get_or_insert(true);
        }
        // A line that is boilerplate by its words or its repeats may be the headline only
        // above the byline and date (below them a page sets pictures' captions, its tools
        // and teasers for other stories), and a headline printed twice is read at its first
        // copy, below which the standfirst may stand.
        let soft = l.class == Class::Bad && l.headline_only;
        let below_stamp = || lines[window.start..i].iter().any(|u| u.marker);
        if l.marker
            || (l.class == Class::Bad && !soft)
            || (soft && (below_stamp() || lines[window.start..i].iter().any(|u| u.text == l.text)))
            || describes_picture(lines, window.start, i)
        {
            continue;
        }
        // A headline-like line below the page's first that shares no word with the article
        // is the page's furniture: a button ("Found This Helpful", "To se mi líbí"), a
        // picture's credit, an agency's name. The headline may stand above it, but the
        // page's first line above it is the site's name. (A text file's first line is its
        // headline, whatever its words.)
        let article_line = |i: usize| match i {
            0 => !passed_furniture,
            _ => {
                // (The article's words are read into a set once a second line needs them.)
                let words = passed_furniture.then(|| {
                    article.get_or_init(|| {
                        kept_lines(lines, keep)
                            .flat_map(|l| content_words(&l.text, stops))
                            .collect::<FxHashSet<String>>()
                    })
                });
                !keep.contains(&true) || shares_a_word(&lines[i].text, lines, keep, stops, words)
            }
        };
        let stamped = stamps_only.replace(false).unwrap_or(false);
        if is_headline(lines, i) && !is_header_furniture(&l.text, &meta.author) {
            if article_line(i) {
                title_at = Some(i);
                break;
            }
            passed_furniture = true;
            continue;
        }
        // A question right above the byline and date is the headline, which a standfirst
        // seldom is: "How does the brain turn unconscious information into conscious
        // thought?", then "Published …", "By …".
        if stamped && l.text.ends_with('?') && l.words <= 20 && l.block_start && article_line(i) {
            title_at = Some(i);
            break;
        }
        if matches!(l.class, Class::Good | Class::Near) {
            standfirst.get_or_insert_with(|| l.text.clone());
            continue;
        }
        let name = l.words <= 4 && meta::looks_like_name(&bare_name(&l.text));
        let headline = !l.sentence && l.words >= 3 && !name;
        if headline && !is_header_furniture(&l.text, &meta.author) {
            if article_line(i) {
                title_at = Some(i);
                break;
            }
            passed_furniture = true;
            continue;
        }
    }
    // (Where no line above qualifies, no title is better than a wrong one.)
    let title_at = headline_by_words(lines, window, body_start, &meta.author, stops).or(title_at);
    if let Some(i) = title_at {
        meta.title = lines[i].text.clone();
    }
    if let Some(s) = standfirst {
        meta.extra.insert("standfirst".into(), s);
    }
    if let Some(holder) = lines
        .iter()
        .rev()
        .find_map(|l| meta::copyright_holder(&l.text))
    {
        meta.outlet = holder;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// White space collapses as splitting and joining collapses it.
        #[test]
        fn collapse_space_is_split_and_join(line in "(?s)[a-z .\t\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{2009}\u{200b}\u{feff}\u{3000}é日]{0,40}") {
            let joined = line
                .split(|c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            prop_assert_eq!(collapse_space(&line), joined);
        }

        /// The byte scan finds the words the character split finds.
        #[test]
        fn words_of_are_the_split_words(line in "(?s)[a-zA-Z0-9 '’.,\\-é日ß\u{301}\u{2019}\u{200b}Σİ😀\t]{0,40}") {
            let split: Vec<&str> = line
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| !w.is_empty())
                .collect();
            prop_assert_eq!(words_of(&line).collect::<Vec<_>>(), split);
        }
    }

    const PROSE_A: &str = "Officials in the capital said on Friday that the investigation into the crash of the passenger plane had been handed to a new team of experts from abroad.";
    const PROSE_B: &str = "The move follows weeks of pressure from the families of the victims, who have asked for a full and public account of what happened that morning.";
    const PROSE_C: &str = "It is not yet clear when the experts will report, but a spokesman for the ministry said that the work would take at least three months to complete.";

    #[test]
    fn keeps_body_drops_menus_and_footer() {
        let page = format!(
            "Skip to content\n  • Home\n  • World\n  • Politics\nSubscribe\nPlane crash inquiry handed to foreign experts\nBy Jane Roe\nJuly 5, 2025\n\n{PROSE_A}\n\n{PROSE_B}\n\nWhat comes next\n\n{PROSE_C}\n\nShare this article\nYou May Also Like\nStocks fall on Monday\nRain expected in the north\nA new museum opens downtown\n© 2025 Daily Planet. All rights reserved.\n"
        );
        let c = clean(&page, None);
        assert_eq!(
            c.text,
            format!("{PROSE_A}\n\n{PROSE_B}\n\nWhat comes next\n\n{PROSE_C}")
        );
        assert_eq!(
            c.meta.title,
            "Plane crash inquiry handed to foreign experts"
        );
        assert_eq!(c.meta.author, "Jane Roe");
        assert_eq!(c.meta.published, "2025-07-05");
        assert_eq!(c.meta.outlet, "Daily Planet");
    }

    #[test]
    fn an_authors_box_headed_with_their_name_ends_the_article_without_a_byline() {
        let head = "Plane crash inquiry handed to foreign experts\nJuly 5, 2025\n\n";
        let more = "The airline has said that it will cooperate fully with the inquiry, and that it has already handed over the flight data and the recordings from the cockpit to the new team.";
        let body = format!("{PROSE_A}\n\n{PROSE_B}\n\n{more}\n\n{PROSE_C}");
        let bio = "Als Reporterin berichtet Jane Roe seit 2015 über Luftfahrt und Verkehr, zuvor schrieb sie zehn Jahre lang für eine Wirtschaftszeitung in Frankfurt am Main.";
        for heading in [
            "Über Jane Roe",
            "Sobre Jane Roe",
            "About Jane Roe:",
            "À propos de Jane Roe",
            "Über den Autor",
            "Sobre o autor",
        ] {
            let c = clean(&format!("{head}{body}\n\n{heading}\n\n{bio}\n"), None);
            assert_eq!(c.text, body, "{heading}");
        }
        // Unless the lines below name someone else, or the name is not one.
        let page = format!("{head}{body}\n\nAbout John Doe\n\n{bio}\n");
        assert!(clean(&page, None).text.ends_with(bio));
        let flight = "Flight 8243 was flying from Baku to Grozny when it was hit, and turned back across the Caspian Sea towards Aktau, where it crashed.";
        let page = format!("{head}{body}\n\nAbout Flight 8243\n\n{flight}\n");
        assert!(clean(&page, None).text.ends_with(flight));
        // Nor in the first half of the article, where it heads a part of it.
        let page = format!(
            "{head}{PROSE_A}\n\nAbout Jane Roe\n\n{bio}\n\n{PROSE_B}\n\n{more}\n\n{PROSE_C}\n"
        );
        assert!(clean(&page, None).text.contains("About Jane Roe"));
    }

    /// A short German news item: of German's function words only "er" stands three times in
    /// it, and its last sentence holds no English stop word and "er" in 14 words.
    const GERMAN: [&str; 4] = [
        "Die Polizei hat am Montag in Köln einen Mann festgenommen, der im Verdacht steht, mehrere Geschäfte überfallen zu haben.",
        "Nach Angaben eines Sprechers wurde er nach einer kurzen Verfolgung durch zwei Streifenwagen gestellt.",
        "Zeugen hatten zuvor beobachtet, wie er mit einer Tasche voller Bargeld aus einer Bäckerei rannte.",
        "Ob er weitere Taten begangen hat, prüfen Ermittler derzeit anhand von Aufnahmen aus Überwachungskameras.",
    ];

    #[test]
    fn a_short_article_in_another_language_is_read_by_its_function_words() {
        let article = GERMAN.join("\n\n");
        let page = format!("Startseite\nPolitik\nSport\n\nFestnahme in Köln\n\n{article}\n\nImpressum\nDatenschutz\n");
        assert_eq!(clean(&page, None).text, article);
    }

    #[test]
    fn a_sites_typo_report_is_furniture() {
        let article = GERMAN.join("\n\n");
        let page = format!("Festnahme in Köln\n\n{article}\n\nFehler gefunden?\n\nMarkieren Sie den Text und drücken Sie Ctrl+Enter, um uns den Fehler zu melden.\n");
        assert_eq!(clean(&page, None).text, article);
    }

    #[test]
    fn the_authors_box_after_the_article_ends_it() {
        let bio = "Jane Roe is a freelance writer based in Toronto. Her work has appeared in the Daily Planet.";
        let teaser = "Operation Desert Rock was the codename for a series of military tests in the 1950s aimed at understanding the effects of atomic radiation on ground troops.";
        let head = "Plane crash inquiry handed to foreign experts\nBy Jane Roe\nJuly 5, 2025\n\n";
        let more = "The airline has said that it will cooperate fully with the inquiry, and that it has already handed over the flight data and the recordings from the cockpit to the new team.";
        let last = "Families of the victims plan to meet the new team next week in the capital, where they will ask for the first findings to be published as soon as they are ready.";
        let body = format!(
            "{PROSE_A}\n\n{PROSE_B}\n\nJane Roe/Daily Planet\n\n{more}\n\n{PROSE_C}\n\n{last}"
        );
        for tail in [
            format!("About Jane Roe\n\n{bio}\n\n{teaser}\n"),
            format!("{bio}\n\n{teaser}\n"),
            format!("Contributor {bio}\n"),
        ] {
            let c = clean(&format!("{head}{body}\n\n{tail}"), None);
            assert_eq!(c.text, body, "{tail}");
        }
        // Named in passing in a long closing line, the author is no box, and neither is their
        // photo credit in the article ("Jane Roe/Daily Planet").
        let closing = "This analysis represents the views of Jane Roe and not those of the newspaper, which takes no position on the inquiry.";
        let c = clean(&format!("{head}{body}\n\n{closing}\n"), None);
        assert_eq!(c.text, format!("{body}\n\n{closing}"));
        assert!(names_author("About Brigit Katz", 3, "Brigit Katz"));
        assert!(names_author("Regan", 1, "Regan"));
        assert!(names_author(
            "NRO contributor Victor Davis Hanson is the Martin and Illie Anderson Senior Fellow at the Hoover Institution and the author of many books.",
            22,
            "Victor Davis Hanson"
        ));
        assert!(!names_author("Jason Cipriani/ZDNet", 2, "Jason Cipriani"));
        assert!(!names_author("Jane Roesler", 2, "Jane Roe"));
        assert!(!names_author("Al", 1, "Al"));
        assert!(names_author("About John Roe", 3, "Jane Doe; John Roe"));
    }

    #[test]
    fn headlines_in_capitals_are_links_but_short_capital_headings_are_kept() {
        let page = format!("{PROSE_A}\n\nSEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'\n\n{PROSE_B}\n\nWHAT COMES NEXT\n\n{PROSE_C}\n");
        assert_eq!(
            clean(&page, None).text,
            format!("{PROSE_A}\n\n{PROSE_B}\n\nWHAT COMES NEXT\n\n{PROSE_C}")
        );
        assert!(is_shouted_headline(
            "LAUREN ALAINA SAYS 'DWTS' HAS HELPED HER LOSE 25 POUNDS"
        ));
        assert!(!is_shouted_headline(
            "HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%"
        ));
        assert!(!is_shouted_headline(
            "SEAN SPICER ELIMINATED FROM 'Dancing With The Stars'"
        ));
        // Scripts without case are never shouted.
        assert!(!is_shouted_headline(
            "قال المسؤولون في العاصمة يوم الجمعة إن التحقيق في الحادث"
        ));
    }

    #[test]
    fn prose_that_mentions_cookies_or_a_browser_is_not_a_prompt() {
        let strong = |line: &str| furniture_in(&line.to_lowercase()).strong;
        assert!(strong(
            "Our website uses cookies to improve its performance and enhance your user experience."
        ));
        assert!(strong("Your browser does not support the video tag."));
        assert!(strong(
            "We may update our privacy policy from time to time."
        ));
        assert!(!strong("The receptors recognise everything from the rich sweetness of a chocolate chip cookie to the stench of a passing skunk."));
        assert!(!strong("The promise of Google Stadia: high quality visuals and rock-solid performance streamed to your browser."));
        assert!(!strong(
            "You build your website in its own little corner of the internet."
        ));
        // Phrases of other lists may end a word run into them by the page's markup.
        assert!(
            furniture_in("the latest case was reported after a hunter ate a rabbitcredit: getty")
                .plain
        );
    }

    #[test]
    fn prose_that_names_a_social_network_or_comments_is_kept_but_share_lines_are_not() {
        let mention =
            "Trump made the comments Friday during a brief appearance at the party's headquarters.";
        let tweet =
            "And if you haven't yet noticed, a whole lot of people on Twitter pointed it out.";
        let page = format!(
            "Plane crash inquiry handed to foreign experts\nBy Jane Roe\nJuly 5, 2025\n\n{PROSE_A}\n\n{mention}\n\n{PROSE_B}\n\n{tweet}\n\n{PROSE_C}\n\nShare on Twitter\nFollow us on Facebook and Instagram\nComments\nRelated coverage from the Daily Planet: Politics:\n"
        );
        let c = clean(&page, None);
        assert_eq!(
            c.text,
            format!("{PROSE_A}\n\n{mention}\n\n{PROSE_B}\n\n{tweet}\n\n{PROSE_C}")
        );
    }

    #[test]
    fn a_membership_pitch_is_furniture_however_long() {
        let pitch = "If you enjoyed this article, we have a proposition for you: join our membership. Members get all of our content, including the magazine, with no paywalls or advertisements, and they can take part in the discussion with our writers.";
        let page = format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n\n{pitch}\n");
        assert_eq!(
            clean(&page, None).text,
            format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}")
        );
    }

    #[test]
    fn a_quoted_says_an_editors_bracket_and_a_named_poll_are_prose() {
        let bracket = "Sanders told the host that he \"honestly [doesn't] know the answer\" as to why the campaign has struggled.";
        let says = "He says: “I wonder why it was bad. Think of that.”";
        let poll = "The Reuters/Ipsos poll showed the governor doing better than in other polls.";
        let page = format!(
            "{PROSE_A}\n\n{bracket}\n\n{says}\n\n{PROSE_B}\n\n{poll}\n\n{PROSE_C}\n\nJane Roe says:\n[site-logo-2019]\n"
        );
        assert_eq!(
            clean(&page, None).text,
            format!("{PROSE_A}\n\n{bracket}\n\n{says}\n\n{PROSE_B}\n\n{poll}\n\n{PROSE_C}")
        );
        assert!(has_bracket_token("[NASCAR19-Kyle-Busch]", true));
        assert!(has_bracket_token("[autoracing]", false));
        assert!(!has_bracket_token("if [Google] gets to 100 games", true));
        assert!(!has_bracket_token(
            "he said it was [sic] final and […] binding",
            false
        ));
    }

    #[test]
    fn an_embedded_tweet_is_kept_with_its_signature_and_the_authors_contact_ends_it() {
        let tweet = "Who are we as a nation if we respond to threats of political retribution with retribution ourselves? pic.twitter.com/s96jjh8AlD\n\n— Rep. Jane Roe (@JaneRoe) November 19, 2019";
        let contact = "Have a tip? Mary Major may be reached at mary@example.com.\n\nThe material on this site may not be reproduced, distributed, transmitted, cached or otherwise used, except with the prior written permission of the Daily Planet.\n";
        let page = format!(
            "Plane crash inquiry handed to foreign experts\nBy Mary Major\nJuly 5, 2025\n\n{PROSE_A}\n\n{tweet}\n\n{PROSE_B}\n\n{PROSE_C}\n\n{contact}"
        );
        assert_eq!(
            clean(&page, None).text,
            format!("{PROSE_A}\n\n{tweet}\n\n{PROSE_B}\n\n{PROSE_C}")
        );
        assert!(is_tweet_signature(
            "— Dianna E. Anderson 🏳️‍🌈 (@diannaeanderson) November 18, 2019"
        ));
        assert!(!is_tweet_signature("— Jane Roe, reporting from Baku, 2019"));
    }

    #[test]
    fn the_headline_is_the_line_above_the_body_that_shares_its_words() {
        let body = "In the summer of 1898, a Scottish chemist made a discovery that would give the modern city its colour: neon, a gas that glows red when a current runs through it.\n\n\
            Within a few decades neon signs lit the streets of Paris and New York, and the modern ambitions of their owners were written in glass tubes above every door.\n";
        let page = format!(
            "Home\nNews\n\nThe Modern Ambitions Behind Neon\n\nA neon sign glows above a cabaret in Paris.\nYour video will play in 00:25\nShare this story\n\n{body}"
        );
        let c = clean(&page, None);
        assert_eq!(c.meta.title, "The Modern Ambitions Behind Neon");
        assert!(c.text.starts_with("In the summer of 1898"));
        // With no line sharing two of the body's words, the nearest title-like line stays the
        // title when it shares one.
        let page = format!("The Paris Weekly Review\n\nNotes From the Neon Desk Today\n\n{body}");
        assert_eq!(
            clean(&page, None).meta.title,
            "Notes From the Neon Desk Today"
        );
        // One that shares none is the page's furniture (a button, a picture's credit, an
        // agency's name), and the page has no title; a text file's first line is its headline
        // whatever its words.
        for furniture in [
            "Notes From the Culture Desk Today",
            "Found This Helpful",
            "The Associated Press",
        ] {
            let page = format!("The Paris Weekly Review\n\n{furniture}\n\n{body}");
            let c = clean(&page, None);
            assert_eq!(c.meta.title, "", "{furniture}");
            assert!(c.text.starts_with("In the summer of 1898"));
            let c = clean(&format!("{furniture}\n\n{body}"), None);
            assert_eq!(c.meta.title, furniture);
        }
        // (A headline in a script written without spaces is not read for its words.)
        let page = format!("The Paris Weekly Review\n\n霓虹灯的现代野心\n\n{body}");
        assert_eq!(clean(&page, None).meta.title, "霓虹灯的现代野心");
    }

    #[test]
    fn dated_teasers_end_the_article_unless_it_resumes_after_them() {
        let article = format!("By Jane Roe\nJuly 5, 2025\n\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n\n{PROSE_A} {PROSE_B}\n\n{PROSE_B} {PROSE_C}\n\n");
        let lead = "The minister said on Monday that the talks with the neighbours would resume in the spring, after a winter of quarrels over the border and the trade in gas.";
        let teasers: String = ["Talks to resume", "Gas deal in doubt", "Border reopens"]
            .iter()
            .map(|h| format!("{h}\nJohn Doe\nJuly 4, 2025\n{lead}\n\n"))
            .collect();
        // Teasers, each with its date and a lead, after the article: not the article.
        let text = clean(&format!("{article}{teasers}"), None).text;
        assert!(text.ends_with(PROSE_C) && !text.contains("talks"), "{text}");
        assert!(text.starts_with(PROSE_A));
        // A box of dated teasers (no leads) set in the article, which then runs on for longer
        // than before: all of the article is kept.
        let boxed: String = ["Talks to resume in spring", "Gas deal in doubt"]
            .iter()
            .map(|h| format!("{h}\nJohn Doe\nJuly 4, 2025\n"))
            .collect();
        let more = format!("{PROSE_C} {PROSE_A}\n\n{PROSE_B} {PROSE_C}\n\n{PROSE_A} {PROSE_C}\n\n{PROSE_B} {PROSE_A}\n");
        let text = clean(&format!("{article}Recommended\n{boxed}\n{more}"), None).text;
        assert!(
            text.starts_with(PROSE_A) && text.ends_with(&format!("{PROSE_B} {PROSE_A}")),
            "{text}"
        );
    }

    #[test]
    fn the_comments_heading_after_the_article_ends_it_but_a_link_before_its_end_does_not() {
        let module = "Comments\nShow Comments\nDiscussion Policy\nCulture Connoisseur Badge\nCulture Connoisseurs consistently offer thought-provoking, timely comments on the arts, lifestyle and entertainment.\nPost Contributor Badge\nThis commenter is a Washington Post contributor. Post contributors aren’t staff, but may write articles or columns for the site.\n";
        let page = format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n\n{module}");
        assert_eq!(
            clean(&page, None).text,
            format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}")
        );
        let page = format!("{PROSE_A}\n\n{PROSE_B}\n\nComments\n{PROSE_C}\n");
        assert!(clean(&page, None).text.ends_with(PROSE_C));
    }

    /// A fourth paragraph, for articles long enough to outweigh one teaser's lead.
    const PROSE_D: &str = "Relatives of the passengers gathered outside the ministry on Saturday morning, holding photographs of those who had died, and asked to meet the new team in person before it begins its work.";

    /// The `n`th item of a portal's river of teasers: a headline, a lead, a source, a button.
    fn teaser(n: usize) -> String {
        format!("Story {n} of the day\n\nOfficials in a distant city said on Monday that the plan {n} for the new bridge over the river would cost far more than they had first expected. The council will meet again next week, when its members are to decide whether the work should go ahead at all this year\n\nMorning Herald\nSave\n")
    }

    #[test]
    fn a_heading_over_teasers_ends_the_article_however_many_follow() {
        // A portal's river of teasers under a short article: each lead alone between its
        // headline and its source and buttons, together far longer than the article.
        let river: String = (1..=12).map(teaser).collect();
        let article = format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n\n{PROSE_D}");
        let page = format!("{article}\n\nRecommended for You\n\n{river}");
        assert_eq!(clean(&page, None).text, article);
        // Paragraphs that follow one another after such a heading are the article's own.
        let page = format!("{PROSE_A}\n\n{PROSE_B}\n\nRelated\n\n{PROSE_C}\n\n{PROSE_A} {PROSE_B}\n\n{PROSE_B} {PROSE_C}\n");
        assert!(clean(&page, None)
            .text
            .ends_with(&format!("{PROSE_B} {PROSE_C}")));
    }

    #[test]
    fn an_article_of_paragraphs_wins_over_a_longer_river_of_teasers() {
        // A portal's page: a river of teasers above the article, each lead alone between its
        // headline and its source, together outscoring the article's four paragraphs.
        let river: String = (1..=5).map(teaser).collect();
        let article = format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n\n{PROSE_D}");
        let menu: String = (1..=60).map(|n| format!("  • Section {n}\n")).collect();
        let page = format!("{river}\n{menu}\nPlane crash inquiry handed to foreign experts\nBy Jane Roe\nJuly 5, 2025\n\n{article}\n\nShare this article\n");
        assert_eq!(clean(&page, None).text, article);
        // Without the article, the leads are what the page holds: two paragraphs in a row are
        // no article to prefer, nor are three that hold less than a third of the leads' score.
        assert!(clean(&river, None)
            .text
            .contains("plan 5 for the new bridge"));
        let two = format!("{river}\n{menu}\n{PROSE_D}\n\n{PROSE_B} {PROSE_C}\n");
        assert!(clean(&two, None).text.contains("plan 5 for the new bridge"));
        let three = format!("{river}\n{menu}\nThe office is open on weekdays from nine in the morning until five in the evening.\nLetters to the editor should be sent to the address below, with the writer's name and town.\nWe read every letter, but we cannot answer all of them or return those that we do not print.\n");
        assert!(clean(&three, None)
            .text
            .contains("plan 5 for the new bridge"));
    }

    #[test]
    fn a_teaser_heading_after_the_article_ends_it() {
        let teaser = "Trending Now\n\nThe quarterback took to Twitter on Tuesday night and asked his fans to send a text message to his private phone number.\n\nThe quarterback really does want you to text him\n";
        let page = format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n\n{teaser}");
        assert_eq!(
            clean(&page, None).text,
            format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}")
        );
    }

    #[test]
    fn a_bulleted_list_the_article_introduces_with_a_colon_is_kept() {
        let list = "Some of the other findings of the survey include:\n\n  • Pizza was searched more than the World Cup.\n  • The Cronut rose to 17th on the global list after its arrival last year.\n  • Foodies in Japan searched French food more than France.\n  • Follow us on Twitter\n";
        let page = format!("{PROSE_A}\n\n{list}\n{PROSE_B}\n\n{PROSE_C}\n");
        let text = clean(&page, None).text;
        // The list ends at its first bullet of furniture.
        assert!(!text.contains("Follow us"), "{text}");
        for item in [
            "Pizza was searched more than the World Cup.",
            "Foodies in Japan searched French food more than France.",
        ] {
            assert!(text.contains(item), "{item} lost from {text}");
        }
        assert!(text.ends_with(PROSE_C));
        // A list under a heading of furniture stays out, bullets of sentences though they are.
        for heading in ["Share this:", "More:"] {
            let list = list.replace("Some of the other findings of the survey include:", heading);
            let page = format!("{PROSE_A}\n\n{list}\n{PROSE_B}\n\n{PROSE_C}\n");
            let text = clean(&page, None).text;
            assert!(!text.contains("Pizza"), "{heading}: {text}");
            assert!(!text.contains(heading), "{heading}: {text}");
        }
    }

    #[test]
    fn a_form_after_the_article_ends_it_and_the_comments_below_stay_out() {
        let form = "Comentar\n\nNombre (*): [                    ]\n\nCorreo electrónico (*): [                    ]\n\nComentario: [                                     ]\n\n";
        // Readers' comments, each under its writer's name, outweigh a short article.
        let comment = "Alcalino\nI do not believe a word of this, and I would like to know why the ministry waited so long before it said anything to the families of the victims at all.\n\nCasper\nThe experts from abroad will find what everyone already knows, and then the whole affair will be forgotten by the time the next election comes around.\n";
        let page = format!("{PROSE_A}\n\n{PROSE_B}\n\n{form}{comment}");
        assert_eq!(clean(&page, None).text, format!("{PROSE_A}\n\n{PROSE_B}"));
        // A form above the article's prose (search, sign-in) is passed over.
        let near =
            "The capital's news as it happens, from our own reporters in every district and town.";
        let page =
            format!("{near}\nSearch [          ]\n[ ] Remember me\n\n{PROSE_A}\n\n{PROSE_B}\n");
        let text = clean(&page, None).text;
        assert!(
            text.ends_with(PROSE_B) && !text.contains("Remember me"),
            "{text}"
        );
        // Two single fields with prose between them are no form: boxes to sign up for a
        // newsletter set in the article.
        let page = format!(
            "{PROSE_A}\n\nYour email: [          ]\n\n{PROSE_B}\n\n[ ] Send me offers\n\n{PROSE_C}\n"
        );
        assert_eq!(
            clean(&page, None).text,
            format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}")
        );
    }

    #[test]
    fn a_press_releases_about_box_after_a_rule_ends_it() {
        let about = "━━━━━━━━━━━━━━━━━━━━━━━━\n\nAscom is a global solutions provider focused on healthcare ICT and mobile workflow solutions, with 1,300 people worldwide.\n";
        let page = format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n\n{about}");
        assert_eq!(
            clean(&page, None).text,
            format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}")
        );
        // A rule before more of the article does not end it.
        let more = "━━━━━━━━━━━━━━━━━━━━━━━━\n\nThe festival runs until January, and the organisers expect more visitors than last year, when the cold kept many people at home.\n";
        let page = format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n\n{more}");
        assert!(clean(&page, None)
            .text
            .ends_with("kept many people at home."));
    }

    #[test]
    fn a_list_of_teasers_set_in_the_article_and_doubled_alt_text_are_dropped() {
        let teasers = "More on Slate Book Review\n1. How to Turn a Punishment Bureaucracy Into a Justice System\n2. The 50 Best Nonfiction Books of the Past 25 Years";
        let doubled = "Business focus: a camera lensBusiness focus: a camera lens";
        let more = "The airline has said that it will cooperate fully with the inquiry, and that it has already handed over the flight data and the recordings from the cockpit to the new team.";
        let last = "Families of the victims plan to meet the new team next week in the capital, where they will ask for the first findings to be published as soon as they are ready.";
        let page =
            format!("{PROSE_A}\n\n{teasers}\n\n{more}\n\n{doubled}\n\nWhat comes next\n\n{last}\n");
        assert_eq!(
            clean(&page, None).text,
            format!("{PROSE_A}\n\n{more}\n\nWhat comes next\n\n{last}")
        );
        assert!(!is_doubled("Baku, Baku"));
    }

    #[test]
    fn a_japanese_article_of_short_sentences_is_prose() {
        let body = [
            "東京の気象庁は金曜日、今年の夏は例年より暑くなる見通しだと発表した。",
            "専門家によると、海面水温の上昇が主な原因だという。",
            "政府は熱中症への注意を呼びかけ、特に高齢者に室内でもこまめに水分をとるよう求めている。",
            "気象庁は来週、地域ごとの詳しい予報を公表する予定だ。",
        ]
        .join("\n\n");
        let page = format!("ホーム\nニュース\n天気\n\n{body}\n\n関連記事\nプロフィール\n");
        assert_eq!(clean(&page, None).text, body);
    }

    #[test]
    fn the_headline_is_not_a_date_a_credit_or_a_prompt_above_the_body() {
        for furniture in [
            "Chris Davies - Nov 19, 2019, 10:31 pm CST",
            "Jane Roe mugshot",
            "Natasha Turak@NatashaTurak",
            "Tested by: John Milbank RRP: 49.95 Euro",
            "3. Science & Astronomy",
            "You are signed in as",
        ] {
            let page = format!(
                "Home\nInquiry into the plane crash is handed to foreign experts\nBy Jane Roe\n{furniture}\n\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n"
            );
            let c = clean(&page, None);
            assert_eq!(
                c.meta.title, "Inquiry into the plane crash is handed to foreign experts",
                "{furniture}"
            );
        }
    }

    /// A headline that names a social network, or that the page prints twice, is boilerplate
    /// in the body but still the headline, above the byline: "Facebook Is Tracking Me Even
    /// Though I’m Not on Facebook" had left its page without a title. Below the byline, such
    /// a line is a picture's caption or a teaser, and a title-case button that shares no
    /// word with the article ("Found This Helpful") is passed over for the headline above.
    #[test]
    fn a_headline_naming_a_network_or_printed_twice_is_still_the_headline() {
        let headline = "Skeptics Doubt the Official Story of the Families";
        let network = "Facebook Is Tracking the Families Online";
        let standfirst = "Questions remain about the handling of the evidence from the crash site.";
        let body = format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n");
        let cases = [
            (
                format!("Home\n\n{network}\n\nBy Jane Roe\n\nA phone with Facebook on it\n\n{body}"),
                network,
            ),
            // Printed twice: read at the first copy, with the standfirst below it.
            (
                format!("Home\n\n{headline}\n\n{standfirst}\n\n{headline}\n\nShare this story\n\n{body}"),
                headline,
            ),
            (
                format!("Home\n\n{headline}\n\nBy Jane Roe\n\nFound This Helpful\n\n{body}"),
                headline,
            ),
            (
                format!("Home\n\n{headline}\n\nBy Jane Roe\n\nFamilies Share Their Story on Facebook\n\n{body}"),
                headline,
            ),
            (
                format!("Home\n\n{headline}\n\nBy Jane Roe\n\nTap here to hear it read aloud\n\n{body}"),
                headline,
            ),
        ];
        for (page, title) in &cases {
            let c = clean(page, None);
            assert_eq!(c.meta.title, *title, "{page}");
            assert_eq!(c.text, body.trim_end(), "{page}");
        }
        let c = clean(&cases[1].0, None);
        assert_eq!(
            c.meta.extra.get("standfirst").map(String::as_str),
            Some(standfirst)
        );
    }

    /// A picture's description right below the byline and date, with its credit after it,
    /// had been taken for the headline ("Soccer ball on grass", "Jupiterimages, Getty
    /// Images/Creatas RF"); a credit under the headline itself, or under a line far below a
    /// byline, leaves the headline be.
    #[test]
    fn a_pictures_description_under_the_byline_is_no_headline() {
        let headline = "Families Demand Answers After the Disaster";
        let body = format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n");
        for (page, title) in [
            (
                format!("Home\n\n{headline}\n\nBy Jane Roe\nJuly 5, 2025\n\nA passenger plane on a runway at dusk\n(Photo: Jane Roe / Getty Images)\n\n{body}"),
                headline,
            ),
            (
                format!("Home\n\nBy Jane Roe\nJuly 5, 2025\n\nA passenger plane on a runway at dusk\n\n{body}"),
                "A passenger plane on a runway at dusk",
            ),
            (
                format!("Home\n\nBy Jane Roe\n\nMenu one\nMenu two\nMenu three\n\n{headline}\n© REUTERS / POOL\n\n{body}"),
                headline,
            ),
        ] {
            assert_eq!(clean(&page, None).meta.title, title, "{page}");
        }
    }

    /// A deck under its headline shares more of the body's words, being longer, and had been
    /// taken for the title ("Na ocasião, técnico do Corinthians entregou réplica do troféu
    /// ao ex-presidente" under "Tite diz que errou …"): the line right above, when it
    /// qualifies too, is the headline; but not a breadcrumb that ends in the headline, nor a
    /// section's label in capitals.
    #[test]
    fn the_headline_above_its_deck_is_the_title() {
        let headline = "Crash investigation handed to experts";
        let deck = "The move follows pressure from the families of the victims of the crash";
        for above in [
            "Home",
            "Home World Crash investigation handed to experts",
            "PASSENGER PLANE CRASH",
        ] {
            let page =
                format!("{above}\n\n{headline}\n\n{deck}\n\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n");
            assert_eq!(clean(&page, None).meta.title, headline, "{above}");
        }
        // Without a headline above it, the deck is the title.
        let page = format!("Home\n\n{deck}\n\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n");
        assert_eq!(clean(&page, None).meta.title, deck);
    }

    /// On a page in another language, the words the headline shares with the body are
    /// counted without the page's own function words: "Recibí por mail las noticias que
    /// impactan", a newsletter's prompt, shared "las", "que" and "por" with the article and
    /// had been taken over its headline. And a picture's credit is no headline.
    #[test]
    fn a_headline_shares_content_words_not_function_words() {
        let body = "Los pueblos indígenas reclaman por derechos que permanecen incumplidos, y las comunidades mapuche piden que las autoridades escuchen sus reclamos antes de que la protesta crezca.\n\n\
            Las noticias de la semana muestran que las tensiones siguen, por lo que los dirigentes de las comunidades piden un diálogo que no llega desde hace meses en la región.\n\n\
            Los expertos dicen que las leyes vigentes no alcanzan, por eso proponen una mesa de trabajo que reúna a las provincias, a la nación y a los pueblos originarios.\n";
        for above in [
            "Recibí por mail las noticias que impactan",
            "CreditCharlie Rubin para las noticias",
        ] {
            let page =
                format!("Inicio\n\n{above}\n\nUna salida pacífica al conflicto mapuche\n\n{body}");
            let c = clean(&page, None);
            assert_eq!(
                c.meta.title, "Una salida pacífica al conflicto mapuche",
                "{above}"
            );
            assert_eq!(c.text, body.trim_end());
        }
        assert!(is_header_furniture("Credit: Jane Roe", ""));
        assert!(!is_header_furniture("Credit Card Debt Soars", ""));
    }

    /// A video player's menus between the byline and the body (yahoo-3 of Mozilla's test
    /// pages: 90 lines of settings) had left the page without its author and date: they are
    /// read above any number of lines without prose, up to 200, but not above prose (the
    /// lead of another story).
    #[test]
    fn the_byline_is_read_above_a_players_menus() {
        let menus: String = (0..60).map(|i| format!("Setting {i}\n")).collect();
        let body = format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n");
        let page = format!(
            "Home\n\nPlane Crash Inquiry Handed to Experts\n\nBy Jane Roe\nJuly 5, 2025\n\n{menus}\n{body}"
        );
        let c = clean(&page, None);
        assert_eq!(c.meta.author, "Jane Roe");
        assert_eq!(c.meta.published, "2025-07-05");
        assert_eq!(c.text, body.trim_end());
        // A name with the author's handle, or with the time of writing, is a byline too.
        let page = format!("Home\n\nPlane Crash Inquiry Handed to Experts\n\nJane Roe - Nov 19, 2019, 10:31 pm CST\n\n{body}");
        assert_eq!(clean(&page, None).meta.author, "Jane Roe");
        let page = format!(
            "Home\n\nPlane Crash Inquiry Handed to Experts\n\nJane Roe @janeroe / 2 days\n\n{body}"
        );
        assert_eq!(clean(&page, None).meta.author, "Jane Roe");
        // (Up there, a menu's date is no stamp.)
        let page =
            format!("Home\n\nBy Jane Roe\n\nEpisodes from the March 3, 2019 show\n{menus}\n{body}");
        let c = clean(&page, None);
        assert_eq!(
            (c.meta.author.as_str(), c.meta.published.as_str()),
            ("Jane Roe", "")
        );
        let lead = "The minister said on Monday that the talks with the neighbours would resume in the spring, after a winter of quarrels over the border and the trade in gas.";
        let page = format!("Home\n\nBy Jane Roe\nJuly 5, 2025\n\n{lead}\n\n{menus}\n{body}");
        let c = clean(&page, None);
        assert_eq!(
            (c.meta.author.as_str(), c.meta.published.as_str()),
            ("", "")
        );
        assert_eq!(c.text, body.trim_end());
    }

    /// A credit in its own paragraph between the headline and the body is no headline, title
    /// case as it is: "Reviewed by …", "(L-R) …", "… (Getty Images)".
    #[test]
    fn a_credit_in_title_case_is_no_headline() {
        // (Each credit shares more of the body's words than the headline does.)
        for credit in [
            "Reviewed by Crash Experts From the Passenger Plane Inquiry",
            "(L-R) Crash Experts Inspect the Passenger Plane",
            "Written by Crash Experts From the Passenger Plane Inquiry",
            "Edited by Crash Experts From the Passenger Plane Inquiry",
            "Crash Experts Inspect the Passenger Plane (Getty Images)",
        ] {
            let page = format!(
                "Home\n\nFamilies Demand Answers After the Disaster\n\n{credit}\n\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n"
            );
            let c = clean(&page, None);
            assert_eq!(
                c.meta.title, "Families Demand Answers After the Disaster",
                "{credit}"
            );
        }
    }

    /// A question right above the byline and date is the headline, not the standfirst: a
    /// sign-up prompt above it had been taken for the title.
    #[test]
    fn a_question_above_the_byline_is_the_headline() {
        let headline = "Who is to blame for the tragedy of the crash?";
        let page = format!(
            "Register for a free account\n\n{headline}\n\nPublished Thursday 27 July 2017\nBy Ana Sandoiu\n\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n"
        );
        let c = clean(&page, None);
        assert_eq!(c.meta.title, headline);
        assert!(!c.text.contains(headline), "{}", c.text);
        // One that shares no word with the article is a prompt.
        let page = format!(
            "Home\n\nDid you find this useful?\n\nPublished Thursday 27 July 2017\nBy Ana Sandoiu\n\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n"
        );
        assert_eq!(clean(&page, None).meta.title, "");
        // Without the byline and date below it, a question is prose: the standfirst.
        let page = format!(
            "Families Demand Answers After the Disaster\n\n{headline}\n\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n"
        );
        assert_eq!(
            clean(&page, None).meta.title,
            "Families Demand Answers After the Disaster"
        );
    }

    /// A line in lower case only above the body (a list of tags, a link, a quoted claim) is
    /// no headline, nor is a link that opens "Go to"; a list's headline that a number opens
    /// may be in lower case.
    #[test]
    fn a_line_in_lower_case_is_no_headline_unless_a_number_opens_it() {
        for line in [
            "crash inquiry experts passenger plane",
            "\"$53 million in compensation for the passenger plane crash.\"",
            "Go to the Passenger Plane Crash Inquiry",
        ] {
            let page = format!(
                "Home\n\nFamilies Demand Answers After the Disaster\n\n{line}\n\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n"
            );
            let c = clean(&page, None);
            assert_eq!(
                c.meta.title, "Families Demand Answers After the Disaster",
                "{line}"
            );
        }
        let page = format!(
            "Home\n\n10 things the crash inquiry experts found about the passenger plane\n\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n"
        );
        assert_eq!(
            clean(&page, None).meta.title,
            "10 things the crash inquiry experts found about the passenger plane"
        );
    }

    /// An author's name above the body is no headline, with a link number or a nickname in
    /// brackets too.
    #[test]
    fn an_authors_name_with_a_nickname_or_a_link_number_is_no_headline() {
        for name in ["Richard (R.J.) Eskow", "[0]Courtney Kirchoff", "Jane Roe"] {
            let page = format!(
                "Home\n\nThe Crash Inquiry Is a Lie\n\n{name}\n\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n"
            );
            assert_eq!(
                clean(&page, None).meta.title,
                "The Crash Inquiry Is a Lie",
                "{name}"
            );
        }
        assert_eq!(bare_name("[12]Jane (J.R.) Roe"), "Jane Roe");
        assert_eq!(bare_name("[x]Jane Roe"), "[x]Jane Roe");
    }

    /// A name line just above the body is its author, but not when it is the part of the
    /// headline after its colon, set apart on the page: "Better Student Journalism" under
    /// "The Open Journalism Project: Better Student Journalism" had been its author.
    #[test]
    fn the_headlines_part_after_a_colon_is_no_author() {
        let page = |above: &str| {
            format!("Home\n\n{above}\n\nBetter Student Journalism\n\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n")
        };
        let c = clean(
            &page("The Open Journalism Project: Better Student Journalism"),
            None,
        );
        assert_eq!(c.meta.author, "");
        let c = clean(&page("The Open Journalism Project"), None);
        assert_eq!(c.meta.author, "Better Student Journalism");
        let c = clean(&page("A Lesson From Better Student Journalism"), None);
        assert_eq!(c.meta.author, "Better Student Journalism");
    }

    /// A text file of an article: its headline, a blank line, the body. The headline is the
    /// title and not part of the text, whether in title case, in sentence case with a full
    /// stop, or quoting someone.
    #[test]
    fn a_text_files_first_line_is_its_headline() {
        let body = format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}");
        for headline in [
            "Stealth Over Health: Inquiry Into the Crash Is Handed to Foreign Experts",
            "Stealth Over Health: Inquiry Into the Crash Is Handed to Foreign Experts After Weeks of Pressure From Families.",
            "Inquiry into the plane crash is handed to foreign experts.",
            "Minister: ‘We Will Not Rest Until the Truth Is Known.’",
        ] {
            let c = clean(&format!("{headline}\n\n{body}\n"), None);
            assert_eq!(c.meta.title, headline);
            assert_eq!(c.text, body, "{headline}");
        }
        // Below the page's first line, a headline in title case.
        let heading = "Inquiry Into the Crash Is Handed to Foreign Experts";
        let c = clean(&format!("Home\nNews\n\n{heading}\n\n{body}\n"), None);
        assert_eq!(
            (c.meta.title.as_str(), c.text.as_str()),
            (heading, body.as_str())
        );
    }

    /// A picture's name in brackets that a scraper ran into a paragraph is not the
    /// paragraph's; an editor's bracket inside prose stays.
    #[test]
    fn a_picture_name_run_into_a_paragraph_is_dropped() {
        let page = format!("[ps4dualsho]{PROSE_A}\n\n{PROSE_B}\n\n[site-logo]\n\n{PROSE_C}\n");
        assert_eq!(
            clean(&page, None).text,
            format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}")
        );
        assert_eq!(
            after_picture_name("[Update] The plan was dropped on Monday."),
            None
        );
        assert_eq!(after_picture_name("[sic]"), None);
    }

    /// A card set inside a sentence after a name (a picture's name glued to it, the name
    /// again and headlines, to "MORE") is not the sentence's; brackets of other kinds stay.
    #[test]
    fn a_card_inside_a_sentence_after_a_name_is_dropped() {
        assert_eq!(
            without_hover_cards("A man threatened to kill Rep. Ilhan Omar[omarilhan_111]Ilhan OmarHillicon Valley: Progressives oppose funding bill | Senators call for 5G security coordinator MORE (D-Minn.), prosecutors said.").as_deref(),
            Some("A man threatened to kill Rep. Ilhan Omar (D-Minn.), prosecutors said.")
        );
        assert_eq!(
            without_hover_cards("Gov. Kristi Noem[noemkristi_03]Kristi Lynn NoemSouth Dakota governor doubles down MORE (R) and Rep. Jane Roe[roejane]Jane RoeNews of the week MORE (D) met.").as_deref(),
            Some("Gov. Kristi Noem (R) and Rep. Jane Roe (D) met.")
        );
        // What follows "MORE" without a space is not glued to the name, unless it is
        // punctuation that leans on it.
        assert_eq!(
            without_hover_cards("Gov. Kristi Noem[noemkristi_03]Kristi Lynn Noem headlines MORE(R) and Rep. Jane Roe[roejane]Jane Roe headlines MORE, who met.").as_deref(),
            Some("Gov. Kristi Noem (R) and Rep. Jane Roe, who met.")
        );
        let page = format!("{PROSE_A}\n\nA man threatened to kill Rep. Ilhan Omar[omarilhan_111]Ilhan OmarHillicon Valley: Progressives oppose funding bill MORE (D-Minn.), prosecutors said on Monday in a statement about the case.\n\n{PROSE_B}\n");
        assert!(
            clean(&page, None)
                .text
                .contains("kill Rep. Ilhan Omar (D-Minn.), prosecutors said"),
            "{}",
            clean(&page, None).text
        );
        for kept in [
            "He said he \"honestly [doesn't] know\" and left, MORE or less.",
            "The file [site_logo] was never MORE than a logo.",
            "Jane Roe[roejane]Jane Roe without the closing word.",
        ] {
            assert_eq!(without_hover_cards(kept), None, "{kept}");
        }
    }

    #[test]
    fn title_case_is_every_long_word_capitalised() {
        assert!(is_title_case(
            "Obama Sees 'Personal Insult' if Blacks Don't Rally"
        ));
        assert!(is_title_case("31 Latinos Share Their Most Honest Thoughts"));
        assert!(!is_title_case(
            "Officials in Baku Said on Friday that the Inquiry"
        ));
        assert!(!is_title_case("U.S. and E.U. to Act"));
    }

    #[test]
    fn a_fact_checks_list_of_sources_ends_it() {
        let sources = "Sources:\n\nCongressional Budget Office, \"The Effects of Tariffs and Trade Barriers in the Projections of the Office,\" Aug. 22, 2019\n\nEmail interview with Mary E. Lovely, a professor of economics at Syracuse University who studies trade between the United States and China, Nov. 5, 2019\n";
        let page = format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n\n{sources}");
        assert_eq!(
            clean(&page, None).text,
            format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}")
        );
        // Before most of the article, the heading is one of its sub-headings.
        let more = "The airline has said that it will cooperate fully with the inquiry, and that it has already handed over the flight data and the recordings from the cockpit to the new team.";
        let last = "Families of the victims plan to meet the new team next week in the capital, where they will ask for the first findings to be published as soon as they are ready.";
        let body = format!("{PROSE_A}\n\nOur sources\n\n{more}\n\n{last}");
        assert_eq!(clean(&format!("{body}\n"), None).text, body);
    }

    const TOUR: &str = "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL\nJune 10 -- Credit Union Amphitheatre, Tampa, FL\nJune 14 -- Ameris Bank Amphitheatre (Formerly Verizon Amphitheatre), Alpharetta, GA\nJune 17 -- Bridgestone Arena, Nashville, TN";

    #[test]
    fn a_list_of_data_rows_closing_the_article_is_kept() {
        let footer = "\nShare this article\nYou May Also Like\nStocks fall on Monday\n© 2025 Daily Planet.\n";
        // A heading of its own, then the rows; and a heading that opens the rows' block.
        for (heading, gap) in [("The Tour Dates", "\n\n"), ("The 2020 tour dates:", "\n")] {
            let page = format!("{PROSE_A}\n\n{PROSE_B}\n\n{heading}{gap}{TOUR}\n{footer}");
            assert_eq!(
                clean(&page, None).text,
                format!(
                    "{PROSE_A}\n\n{PROSE_B}\n\n{heading}\n\n{}",
                    TOUR.replace('\n', "\n\n")
                ),
                "{heading}"
            );
        }
        // No heading at all: the rows follow the article.
        let page = format!("{PROSE_A}\n\n{PROSE_B}\n\n{TOUR}\n{footer}");
        assert!(clean(&page, None)
            .text
            .ends_with("Bridgestone Arena, Nashville, TN"));
    }

    /// A league table: a heading row, then twelve rows of figures, one block each.
    fn standings() -> String {
        let teams = [
            "Rovers",
            "United",
            "Athletic",
            "City",
            "Wanderers",
            "Albion",
            "Rangers",
            "Town",
            "County",
            "Villa",
            "Harriers",
            "Olympic",
        ];
        let mut rows = vec!["Pos Team Played Won Drawn Lost Points".to_string()];
        for (i, team) in teams.iter().enumerate() {
            let won = 20 - i;
            rows.push(format!(
                "{} {team} 30 {won} {} {} {}",
                i + 1,
                i % 5,
                10 - i % 5 + i,
                3 * won + i % 5
            ));
        }
        rows.join("\n\n")
    }

    #[test]
    fn a_table_of_figures_is_the_article_of_a_results_page() {
        // A page whose content is a table, and after the footer links a teaser with less text
        // than the table: the table is what the page is for.
        let table = standings();
        let page = format!(
            "Home\nSport\nFootball\nLeague table\nUpdated May 4, 2025\nShare this\n\n{table}\n\nPrivacy Policy\nContact us\nAdvertise\nAbout us\n\nRead more\n\n{PROSE_A}\n"
        );
        let text = clean(&page, None).text;
        assert!(text.contains("1 Rovers 30 20 0 10 60"), "{text}");
        assert!(text.ends_with("12 Olympic 30 9 1 20 28"), "{text}");
        assert!(!text.contains("Officials in the capital"), "{text}");
        // Box scores: a result, then a line of points per team, in groups under headings.
        let scores = "GIRLS BASKETBALL\nPalm Bay d. Rockledge 70-44\nRockledge 14 11 6 15 — 44\nPalm Bay 18 22 13 17 — 70\nHeritage d. Titusville 53-9\nHeritage 12 14 15 12 — 53\nTitusville 2 3 0 4 — 9\nBOYS SOCCER\nViera d. Rockledge 3-1";
        let page = format!("Home\nSport\nHigh school roundup\nBy Jane Roe\n\n{scores}\n\nTerms of Service\nPrivacy Notice\n");
        assert_eq!(clean(&page, None).text, scores.replace('\n', "\n\n"));
    }

    #[test]
    fn a_table_under_the_article_is_kept_but_not_one_after_its_share_buttons() {
        let prose = format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}");
        // A box score under the match report, after a heading of its own, a row to a block.
        let scores =
            "Rovers 1 0 2 0 — 3\n\nUnited 0 1 0 0 — 1\n\nShots 14 9\n\nCorners 7 3\n\nFouls 11 15";
        let page = format!(
            "{prose}\n\nThe box score\n\n{scores}\n\nShare this article\n© 2025 Daily Planet\n"
        );
        assert_eq!(
            clean(&page, None).text,
            format!("{prose}\n\nThe box score\n\n{scores}")
        );
        // The league's standings after the share button: a widget of the page, not the
        // article's.
        let page = format!(
            "{prose}\n\nShare this article\n\nRovers 30 60\nUnited 30 58\nAthletic 30 56\nCity 30 54\nWanderers 30 52\n\n© 2025 Daily Planet\n"
        );
        assert_eq!(clean(&page, None).text, prose);
    }

    #[test]
    fn rows_cut_across_or_without_digits_are_not_a_list() {
        let prose = format!("{PROSE_A}\n\n{PROSE_B}");
        let pages = [
            // Teasers: each headline has its date line, a header marker.
            format!("{prose}\n\nLatest\n\nFed raises rates as inflation cools\nJune 3, 2024\nStocks rally after the jobs report\nJune 2, 2024\nRain expected in the north\nJune 1, 2024\n"),
            // One row without a digit.
            format!("{prose}\n\nThe Tour Dates\n\n{TOUR}\nMore dates to be announced soon\n"),
            // Two rows are not a list.
            format!("{prose}\n\nJune 9 -- Coral Sky Amphitheatre, West Palm Beach, FL\nJune 10 -- Credit Union Amphitheatre, Tampa, FL\n"),
            // The heading is furniture.
            format!("{prose}\n\nMore from Music\n\n{TOUR}\n"),
        ];
        for page in pages {
            assert_eq!(clean(&page, None).text, prose, "{page}");
        }
    }

    #[test]
    fn captions_are_dropped_but_do_not_cut_the_article() {
        let caption = "In this photo issued by the broadcaster, the two leaders, left, and right, shake hands before the debate in Salford, England, on Tuesday, Nov. 19, 2019. The two men are set to go head to head in their first live televised debate of the campaign.";
        let page = format!("{PROSE_A}\n\n{caption}\n\n{caption} Again.\n\n{caption} Once more.\n\n{PROSE_B}\n\n{PROSE_C}\n");
        assert_eq!(
            clean(&page, None).text,
            format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}")
        );
    }

    #[test]
    fn a_picture_given_twice_with_its_credit_is_a_caption() {
        for rest in [
            " (Lucy Akins)",
            " (Image credit: TNG Collaboration)",
            " | Foto: Reuters",
            " - Heinrich Aikawa/Instituto Lula",
            " Photo: John Locher, AP / Copyright 2019 The Associated Press",
            "David McNew—Getty Images",
            " (Photo Prakash Mathema. AFP)",
        ] {
            assert!(is_photo_credit(rest), "{rest}");
        }
        for rest in [
            " (VIDEO)",
            " (Video)",
            " - Interactive",
            " Share This Page",
            " Subscribe to our newsletter.",
            "...",
            " logo",
        ] {
            assert!(!is_photo_credit(rest), "{rest}");
        }
        // A how-to's steps between their pictures stay one article: each picture's alt text
        // and credited caption cost no more than short lines.
        let step = |n: usize| {
            format!("Step {n}\n\nPlace the cloche over the oasis, and press the moss down gently around its edge.\n\nPlace cloche over oasis number {n}.\nPlace cloche over oasis number {n}. (Lucy Akins)\n")
        };
        let steps: String = (1..=6).map(step).collect();
        let page = format!("{PROSE_A}\n\n{steps}\nShare this article\n");
        let text = clean(&page, None).text;
        assert!(
            text.contains("Step 6") && !text.contains("Lucy Akins"),
            "{text}"
        );
        // (The same pairs with no credit are a widget's echo, as costly as other furniture.)
        let uncredited = page.replace(" (Lucy Akins)", " Now.");
        assert!(!clean(&uncredited, None).text.contains("Step 2"));
    }

    #[test]
    fn photo_credits_are_captions_but_a_photo_by_in_prose_is_not() {
        let prose = "A photo by a bystander shows the two cars on the bridge moments before the crash, and the police said on Tuesday that they had asked the public for more pictures of the scene.";
        let credits = [
            "Protesters have worn masks to protect their identities (Image: GETTY )",
            "FILE PHOTO: The logo is displayed outside of a co-working space in New York City, New York U.S., January 8, 2019. REUTERS/Brendan McDermid/File Photo",
            "Jonathan P. Blair Submitted photo",
            "Courtesy of Andrew Vaughan",
            "Photo illustration by Slate. Photo by David Dyer-Bennet.",
            "Foto von Moritz Bachmann",
        ];
        for credit in credits {
            let page = format!("{PROSE_A}\n\n{credit}\n\n{prose}\n\n{PROSE_B}\n\n{PROSE_C}\n");
            assert_eq!(
                clean(&page, None).text,
                format!("{PROSE_A}\n\n{prose}\n\n{PROSE_B}\n\n{PROSE_C}"),
                "{credit}"
            );
        }
    }
    #[test]
    fn standfirst_repeated_in_body_counts_once() {
        let page = format!("The headline of the story is here\n{PROSE_B}\nBy Jane Roe\n\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n");
        let c = clean(&page, None);
        assert_eq!(c.text.matches("The move follows").count(), 1);
        assert!(c.text.starts_with("Officials"));
        assert_eq!(
            c.meta.extra.get("standfirst").map(String::as_str),
            Some(PROSE_B)
        );
    }

    #[test]
    fn teasers_with_ellipsis_and_ids_are_dropped() {
        let page = format!("{PROSE_A}\n{PROSE_B}\n97033886 tass 16540599\nazerbaijan-pakistan-relations-1200x781.jpg\nSTOCKHOLM — A member of parliament has called on the government of Sweden to…\n");
        let c = clean(&page, None);
        assert_eq!(c.text, format!("{PROSE_A}\n\n{PROSE_B}"));
    }

    #[test]
    fn a_list_of_reader_comments_ends_the_article() {
        let comment = "If you needed to win, understand that teams that spike the ball in the final minute, giving up a valuable play while letting a beaten defense off the hook, usually lose that game, and this one was no different from the others we have seen this season.";
        let page = format!(
            "{PROSE_A}\nShare this:\n34 responses to “A headline”\n1. reader says:\nNovember 19, 2019 at 6:34 am\n{comment}\n2. other says:\nNovember 19, 2019 at 6:44 am\n{comment} Again.\n"
        );
        assert_eq!(clean(&page, None).text, PROSE_A);
        for heading in [
            "34 responses to “A”",
            "10 Thoughts on “A”",
            "One reply to “A”",
        ] {
            assert!(is_comments_heading(heading), "{heading}");
        }
        for line in [
            "604 COMMENTS",
            "3 comments",
            "Comments on the plan",
            "10 thoughts",
            "12 comments on this story",
        ] {
            assert!(!is_comments_heading(line), "{line}");
        }
    }

    #[test]
    fn furniture_only_page_is_empty() {
        let c = clean("Home\nNews\nSign in\nPrivacy Policy\n© 2024 Site\n", None);
        assert_eq!(c.text, "");
    }

    #[test]
    fn lines_repeated_across_an_outlet_are_dropped() {
        let sig = "This article is part of our weekly series on the region and its neighbours, written by our staff.";
        let pages: Vec<String> = (0..4).map(|i| format!("{PROSE_A} {i}\n{sig}\n")).collect();
        let hashes: Vec<_> = pages.iter().map(|p| line_hashes(p)).collect();
        let rep = repeated_lines(&hashes, 3);
        let c = clean(&format!("{PROSE_B}\n{PROSE_C}\n{sig}\n"), Some(&rep));
        assert!(!c.text.contains("weekly series"), "{}", c.text);
        assert!(clean(&format!("{PROSE_B}\n{PROSE_C}\n{sig}\n"), None)
            .text
            .contains("weekly series"));
    }

    #[test]
    fn dateline_is_metadata_and_stays_in_text() {
        let page = format!("MADRID — {PROSE_A}\n{PROSE_B}\n");
        let c = clean(&page, None);
        assert!(c.text.starts_with("MADRID — Officials"));
        assert_eq!(
            c.meta.extra.get("dateline").map(String::as_str),
            Some("MADRID")
        );
    }
}
