//! HTML pages to the plain text the cleaner reads, with the metadata the page states.
//!
//! A page saved as HTML is laid out as a text browser dumps it (`w3m -dump`), the form the
//! cleaner's rules were measured on: each paragraph, heading, list item, table row and block
//! on a line of its own, a blank line around paragraphs, headings, lists and tables, list
//! items behind a bullet, white space collapsed, a picture as its description (`alt`) and a
//! form's fields as `[ ]`, which the cleaner reads as a comment form. Scripts, styles, the
//! head's furniture and `hidden` blocks give no text. html5ever's tokenizer (the WHATWG algorithm, as
//! browsers tokenize) reads the markup and decodes character references; the layout keeps no
//! tree and recurses nowhere, so a page nested a million deep costs no stack.
//!
//! The page's own statements fill the metadata before the cleaner infers any from the text:
//! the headline (`og:title`, an article's JSON-LD `headline`, `twitter:title`, else
//! `<title>` without the site's name), the author (JSON-LD, `author` and byline meta tags),
//! the date (JSON-LD `datePublished`, `article:published_time` and the like), the outlet
//! (`og:site_name`, JSON-LD `publisher`), the canonical URL and the `<html lang>` language.

use crate::clean::collapse_space;
use crate::decode::windows_1252_for_c1;
use crate::document::Metadata;
use crate::meta::{parse_byline, parse_iso_date};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::TokenizerResult;
use std::cell::RefCell;

/// A page's text, laid out for the cleaner, and the metadata its markup states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// One line per paragraph, heading, list item or table row; blank lines between blocks.
    pub text: String,
    /// Title, author, published date, outlet, URL and language where the page states them.
    pub meta: Metadata,
}

/// Whether a file's text is an HTML page rather than plain text: after white space, it opens
/// with a tag, and its first 1,024 bytes hold a doctype or an `html`, `head`, `body`, `meta` or
/// `title` tag. (Plain text that quotes a tag in its first line does not open with one.)
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']);
    if !head.starts_with('<') {
        return false;
    }
    let mut end = head.len().min(1024);
    while !head.is_char_boundary(end) {
        end -= 1;
    }
    let lower = head[..end].to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

/// Whether a file name is that of an HTML page (`.html`, `.htm`, `.xhtml`).
pub fn is_html_name(path: &std::path::Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["html", "htm", "xhtml"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// Lays out an HTML page as text and reads its metadata.
pub fn to_text(html: &str) -> Page {
    let html = crate::mojibake::mend(html);
    let html = without_attribute_floods(&html);
    let sink = Sink(RefCell::new(Layout::default()));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(&html));
    // The sink never asks the tokenizer to stop for a script, so one feed reads everything.
    while let TokenizerResult::Script(()) = tokenizer.feed(&input) {}
    tokenizer.end();
    tokenizer.sink.0.into_inner().finish()
}

/// Attributes a tag keeps; the rest are cut before tokenizing.
const MAX_ATTRIBUTES: usize = 256;

/// The page with every tag cut to its first [`MAX_ATTRIBUTES`] attributes. The tokenizer checks
/// each attribute's name against those before it in the tag, so one tag of 80,000 attributes
/// took 1.8 s and the time grows with the square of their number; no page needs more than a
/// few dozen. The scan follows the tokenizer's states as far as they decide where a tag ends:
/// quoted values, comments, and the raw text of scripts, styles and the like, in which no tag
/// opens. Almost every page is returned as it is, borrowed.
fn without_attribute_floods(html: &str) -> std::borrow::Cow<'_, str> {
    let b = html.as_bytes();
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    // The first position from `j` whose byte `stop` accepts, or the end.
    let until = |mut j: usize, stop: &dyn Fn(u8) -> bool| {
        while j < b.len() && !stop(b[j]) {
            j += 1;
        }
        j
    };
    let find =
        |from: usize, byte: u8| memchr::memchr(byte, &b[from.min(b.len())..]).map(|k| from + k);
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(lt) = find(i, b'<') {
        let next = b.get(lt + 1).copied().unwrap_or(0);
        if b[lt..].starts_with(b"<!--") {
            i = memchr::memmem::find(&b[lt + 4..], b"-->").map_or(b.len(), |k| lt + 4 + k + 3);
            continue;
        }
        if matches!(next, b'!' | b'?' | b'/') {
            i = find(lt + 1, b'>').map_or(b.len(), |k| k + 1);
            continue;
        }
        if !next.is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        // The tag's name, then its attributes: a name, and after "=" a value, quoted or not.
        let mut j = until(lt + 1, &|c| space(c) || c == b'/' || c == b'>');
        let name = html[lt + 1..j].to_ascii_lowercase();
        let (mut attributes, mut cut) = (0, None);
        let end = loop {
            j = until(j, &|c| !space(c) && c != b'/');
            if j >= b.len() || b[j] == b'>' {
                break j;
            }
            attributes += 1;
            if attributes > MAX_ATTRIBUTES && cut.is_none() {
                cut = Some(j);
            }
            j = until(j + 1, &|c| space(c) || matches!(c, b'/' | b'>' | b'='));
            j = until(j, &|c| !space(c));
            if b.get(j) == Some(&b'=') {
                j = until(j + 1, &|c| !space(c));
                j = match b.get(j) {
                    Some(&q @ (b'"' | b'\'')) => find(j + 1, q).map_or(b.len(), |k| k + 1),
                    _ => until(j, &|c| space(c) || c == b'>'),
                };
            }
        };
        if let Some(cut) = cut {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..cut]);
            copied = end;
        }
        i = end + 1;
        // No tag opens in a script's, a style's or a title's raw text.
        if raw_kind(&name).is_some() {
            let close = format!("</{name}");
            let from = i.min(b.len());
            i = memchr::memmem::find_iter(&b[from..], b"</")
                .map(|k| from + k)
                .find(|&k| {
                    b.get(k..k + close.len())
                        .is_some_and(|t| t.eq_ignore_ascii_case(close.as_bytes()))
                })
                .unwrap_or(b.len());
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

/// How the tokenizer reads an element's content when it is raw text (a script, a style, the
/// title), which ends at its end tag whatever it holds; `None` for any other element.
fn raw_kind(name: &str) -> Option<RawKind> {
    match name {
        "script" => Some(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(RawKind::Rawtext),
        "title" | "textarea" => Some(RawKind::Rcdata),
        _ => None,
    }
}

/// Elements whose content is never page text.
const SKIPPED: [&str; 12] = [
    "script", "style", "noscript", "template", "svg", "math", "select", "textarea", "iframe",
    "object", "canvas", "datalist",
];

/// Elements that stand on lines of their own, with a blank line before and after (lists and
/// `<pre>` too, which [`Layout::tag`] handles on their own).
const PARAGRAPHS: [&str; 13] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dl",
    "table",
    "blockquote",
    "figure",
    "hr",
    "address",
];

/// Elements that start and end a line (list items and breaks too, handled on their own).
const LINES: [&str; 23] = [
    "div",
    "dt",
    "dd",
    "tr",
    "caption",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "figcaption",
    "form",
    "fieldset",
    "legend",
    "details",
    "summary",
    "center",
    "thead",
    "tbody",
    "tfoot",
    "hgroup",
];

/// Void elements: no end tag, so never a block to skip.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

struct Sink(RefCell<Layout>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut layout = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => layout.tag(&tag),
            Token::CharacterTokens(text) => {
                layout.text(&text);
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

/// The text laid out so far, and what the markup has said about the page.
#[derive(Default)]
struct Layout {
    out: String,
    /// The line being written (no trailing space).
    line: String,
    /// A space is due before the next character of the line.
    space: bool,
    /// A blank line is due before the next line.
    blank: bool,
    /// The bullet due before the next line's text.
    bullet: Option<String>,
    /// Open lists: `None` unordered, `Some(n)` ordered with `n` the next number.
    lists: Vec<Option<u32>>,
    /// Open `<pre>` blocks.
    pre: u32,
    /// A `<p>` is open (its end tag may be left out).
    in_p: bool,
    /// The skipped element open, and how many of its name are nested in it.
    skip: Option<(String, u32)>,
    /// What the raw text now arriving is: the `<title>`, a JSON-LD script, or neither.
    raw: Raw,
    title_tag: String,
    /// The first `<h1>`'s text, and whether it is still open.
    h1: String,
    h1_open: Option<bool>,
    ld_json: Vec<String>,
    stated: Stated,
    /// Elements that mark a byline, open around the text now arriving (innermost last).
    bylines: Vec<Byline>,
    /// The names the first byline element states.
    byline: String,
    /// Byline elements closed that stated no names: past [`BYLINE_TRIES`], no more are read.
    byline_misses: u32,
    /// The date of the first `<time datetime>` element, where no metadata states one.
    time_date: String,
}

/// An open element that marks a byline (`itemprop="author"`, `rel="author"`, a class or id
/// naming a byline or author): its name, how many of its name are nested in it, its text.
struct Byline {
    name: String,
    depth: u32,
    text: String,
}

impl Byline {
    /// Adds text, up to a little past the longest byline's length (past it the element is
    /// no byline, and a page-long one must not be held).
    fn keep(&mut self, text: &str) {
        let room = (4 * BYLINE_CHARS).saturating_sub(self.text.len());
        if room > 0 {
            self.text.extend(text.chars().take(room));
        }
    }
}

/// Longest text of a byline element: a longer one is an author's biography or a block of the
/// page, not a byline.
const BYLINE_CHARS: usize = 100;

/// Byline elements read before giving up (a page has a few; a page of thousands of author
/// marks costs no more than a page of a few).
const BYLINE_TRIES: u32 = 64;

/// Byline elements open at once that are followed (a page of nested ones keeps the innermost).
const BYLINES_OPEN: usize = 8;

/// Whether an element marks the article's byline: microdata's `itemprop="author"`, a link with
/// `rel="author"`, or a class or id that names a byline or an author (`byline`,
/// `author__name`; not a comment's author).
fn marks_byline(tag: &Tag) -> bool {
    if has_token(tag, "itemprop", "author") || has_token(tag, "rel", "author") {
        return true;
    }
    // (By the parts of a class or id between hyphens and underscores: `author__name`,
    // `pb-byline`, `article-author`, but not `authorization` nor a comment's author.)
    ["class", "id"].iter().any(|name| {
        attr(tag, name).is_some_and(|v| {
            v.split_ascii_whitespace().any(|t| {
                let parts = || t.split(['-', '_']);
                parts().any(|p| BYLINE_CLASSES.iter().any(|c| c.eq_ignore_ascii_case(p)))
                    && !parts().any(|p| {
                        p.get(..7)
                            .is_some_and(|head| head.eq_ignore_ascii_case("comment"))
                    })
            })
        })
    })
}

/// The parts of a class or id that mark a byline.
const BYLINE_CLASSES: [&str; 7] = [
    "byline",
    "bylines",
    "author",
    "authors",
    "authorname",
    "byauthor",
    "writtenby",
];

/// The names a byline element's text states: as a byline line states them ("By Jane Doe -
/// Apr 16, 2015", "Posted by Jane Doe", [`parse_byline`]), or, where the text is only names,
/// each of two to four words ("Jane Doe", not "Updated" nor "Yahoo News Exclusives Katie
/// Couric").
fn byline_names(text: &str) -> Option<String> {
    if let Some(names) = parse_byline(text) {
        return Some(names);
    }
    let names = parse_byline(&format!("By {text}"))?;
    names
        .split("; ")
        .all(|n| (2..=4).contains(&n.split_whitespace().count()))
        .then_some(names)
}

#[derive(Default)]
enum Raw {
    #[default]
    None,
    Title,
    LdJson,
}

/// Metadata from the page's meta tags, by how sure each source is.
#[derive(Default)]
struct Stated {
    og_title: String,
    twitter_title: String,
    site_name: String,
    /// `application-name`: what the site calls itself, which a site's own pages may also
    /// state as their `og:title`.
    app_name: String,
    author: String,
    published: String,
    url: String,
    language: String,
}

fn attr<'a>(tag: &'a Tag, name: &str) -> Option<&'a str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| a.value.as_ref())
}

/// Whether an attribute that holds a list of words (`itemprop`, `rel`, `class`) holds `want`,
/// in any case.
fn has_token(tag: &Tag, name: &str, want: &str) -> bool {
    attr(tag, name).is_some_and(|v| {
        v.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case(want))
    })
}

/// Fills an empty slot with a value, white space collapsed, C1 controls given their
/// Windows-1252 characters and other control characters dropped.
fn first(slot: &mut String, value: &str) {
    let value: String = value
        .chars()
        .map(|c| windows_1252_for_c1(c).unwrap_or(c))
        .collect();
    let value = value
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if slot.is_empty() && !value.is_empty() {
        *slot = value;
    }
}

impl Layout {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        let raw = raw_kind(name);
        if start {
            match name {
                "html" => {
                    if let Some(lang) = attr(tag, "lang") {
                        self.stated.language = language(lang);
                    }
                }
                "meta" => self.meta(tag),
                "link" if attr(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                    first(&mut self.stated.url, attr(tag, "href").unwrap_or(""));
                }
                "title" if self.title_tag.is_empty() => self.raw = Raw::Title,
                "script" if is_ld_json(tag) => {
                    self.raw = Raw::LdJson;
                    self.ld_json.push(String::new());
                }
                _ => self.dated(tag, name),
            }
        } else {
            self.raw = Raw::None;
        }
        let raw = raw
            .filter(|_| start)
            .map_or(TokenSinkResult::Continue, TokenSinkResult::RawData);
        let block = !VOID.contains(&name) && !tag.self_closing;
        if let Some((open, depth)) = &mut self.skip {
            if open == name && block {
                if start {
                    *depth += 1;
                } else {
                    *depth -= 1;
                    if *depth == 0 {
                        self.skip = None;
                    }
                }
            }
            return raw;
        }
        if self.byline.is_empty() && self.byline_misses < BYLINE_TRIES {
            self.follow_byline(tag, name, start && block, !start && block);
        }
        if start && block {
            let hidden = attr(tag, "hidden").is_some()
                || attr(tag, "style").is_some_and(|s| {
                    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                    s.to_ascii_lowercase().contains("display:none")
                });
            if SKIPPED.contains(&name) || (hidden && !optional_end(name)) {
                if name == "textarea" && !hidden {
                    self.space = true;
                    self.text("[ ]");
                }
                self.skip = Some((name.to_string(), 1));
                return raw;
            }
        }
        match name {
            // (A list inside a list's item continues it, without a blank line.)
            "ul" | "ol" | "menu" => {
                self.block(self.lists.is_empty() || (!start && self.lists.len() == 1));
                if start {
                    self.lists.push((name == "ol").then_some(1));
                } else {
                    self.lists.pop();
                }
            }
            "li" => {
                self.block(false);
                if start {
                    // (Indented as deep as four lists: a page of lists nested thousands deep
                    // would otherwise write indents that grow with the square of its length.)
                    let depth = self.lists.len().clamp(1, 4);
                    let indent = "  ".repeat(depth);
                    self.bullet = Some(match self.lists.last_mut() {
                        Some(Some(n)) => {
                            *n += 1;
                            format!("{indent}{}. ", *n - 1)
                        }
                        _ => format!("{indent}• "),
                    });
                }
            }
            "pre" => {
                self.block(true);
                if start {
                    self.pre += 1;
                } else {
                    self.pre = self.pre.saturating_sub(1);
                }
            }
            "td" | "th" if start && !self.line.is_empty() => self.space = true,
            // A picture is its description, as a text browser shows it.
            "img" if start => {
                if let Some(alt) = attr(tag, "alt") {
                    self.space = true;
                    self.text(alt);
                    self.space = true;
                }
            }
            // Form fields as a text browser draws them: the cleaner reads a comment form
            // below the article as the article's end.
            "input" if start => {
                let kind = attr(tag, "type").unwrap_or("text").to_ascii_lowercase();
                let field = match kind.as_str() {
                    "hidden" | "image" | "file" | "range" | "color" => None,
                    "checkbox" => Some("[ ]".to_string()),
                    "radio" => Some("( )".to_string()),
                    "submit" | "button" | "reset" => {
                        Some(format!("[{}]", attr(tag, "value").unwrap_or(&kind)))
                    }
                    _ => Some("[ ]".to_string()),
                };
                if let Some(field) = field {
                    self.space = true;
                    self.text(&field);
                    self.space = true;
                }
            }
            "button" if start => {
                self.space = true;
                self.text("[");
            }
            "button" => self.text("]"),
            // A break on an empty line (`<br><br>`) leaves a blank one, as paragraphs written
            // with breaks are.
            "br" => {
                let blank = self.line.is_empty();
                self.block(false);
                self.blank |= blank;
            }
            _ if PARAGRAPHS.contains(&name) => {
                if name == "h1" {
                    self.h1_open = match (self.h1_open, start) {
                        (None, true) => Some(true),
                        (Some(true), false) => Some(false),
                        (state, _) => state,
                    };
                }
                self.block(true);
                self.in_p = start && name == "p";
            }
            // A block opening inside a paragraph ends the paragraph, as a browser closes it.
            _ if LINES.contains(&name) => {
                let closes_p = start && std::mem::take(&mut self.in_p);
                self.block(closes_p);
            }
            _ => {}
        }
        raw
    }

    /// Opens, closes and spaces the byline elements being followed: the first whose text
    /// states names ([`parse_byline`], with "By" understood) gives the page's byline.
    fn follow_byline(&mut self, tag: &Tag, name: &str, opens: bool, closes: bool) {
        for b in &mut self.bylines {
            b.keep(" ");
        }
        if opens {
            // (A byline element is followed on its own; any other element of a followed one's
            // name is nested in the innermost such.)
            if self.bylines.len() < BYLINES_OPEN && marks_byline(tag) {
                self.bylines.push(Byline {
                    name: name.to_string(),
                    depth: 1,
                    text: String::new(),
                });
            } else if let Some(b) = self.bylines.iter_mut().rev().find(|b| b.name == name) {
                b.depth += 1;
            }
        } else if closes {
            let Some(at) = self.bylines.iter().rposition(|b| b.name == name) else {
                return;
            };
            self.bylines[at].depth -= 1;
            if self.bylines[at].depth > 0 {
                return;
            }
            let b = self.bylines.remove(at);
            let text = collapse_space(&b.text);
            let names = (text.chars().count() <= BYLINE_CHARS)
                .then(|| byline_names(&text))
                .flatten();
            match names {
                Some(names) => {
                    self.byline = names;
                    self.bylines.clear();
                }
                None => {
                    self.byline_misses += 1;
                    if self.byline_misses >= BYLINE_TRIES {
                        self.bylines.clear();
                    }
                }
            }
        }
    }

    /// A date an element states: microdata's `itemprop="datePublished"` (its `datetime` or
    /// `content`), or, kept apart as the weaker, the first `<time datetime>` that states no
    /// other property (not a `dateModified`).
    fn dated(&mut self, tag: &Tag, name: &str) {
        if attr(tag, "itemprop").is_none() {
            if name == "time" && self.time_date.is_empty() {
                if let Some(d) = attr(tag, "datetime").and_then(parse_iso_date) {
                    self.time_date = d;
                }
            }
            return;
        }
        let value = attr(tag, "datetime").or_else(|| attr(tag, "content"));
        if let Some(d) = value
            .filter(|_| has_token(tag, "itemprop", "datePublished"))
            .and_then(parse_iso_date)
        {
            first(&mut self.stated.published, &d);
        }
    }

    fn meta(&mut self, tag: &Tag) {
        let key = attr(tag, "property")
            .or_else(|| attr(tag, "name"))
            .or_else(|| attr(tag, "itemprop"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some(value) = attr(tag, "content") else {
            return;
        };
        let s = &mut self.stated;
        match key.as_str() {
            "og:title" => first(&mut s.og_title, value),
            "twitter:title" => first(&mut s.twitter_title, value),
            "og:site_name" => first(&mut s.site_name, value),
            "application-name" => first(&mut s.app_name, value),
            // (`article:author` is often a profile's address, which names no one.)
            "author" | "article:author" | "byl" | "sailthru.author" | "parsely-author"
            | "dc.creator" | "dcterms.creator"
                if !value.contains("://") && !value.starts_with("www.") =>
            {
                let name = value.trim();
                let name = name
                    .strip_prefix("By ")
                    .or_else(|| name.strip_prefix("by "))
                    .unwrap_or(name);
                first(&mut s.author, name);
            }
            "article:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publishdate"
            | "dc.date"
            | "dcterms.date"
            | "dc.date.issued"
            | "sailthru.date"
            | "parsely-pub-date"
            | "og:published_time" => {
                if let Some(d) = parse_iso_date(value) {
                    first(&mut s.published, &d);
                }
            }
            "og:url" => first(&mut s.url, value),
            _ => {}
        }
    }

    /// A block starts or ends: the line ends, and for a paragraph-like block a blank line
    /// is due.
    fn block(&mut self, paragraph: bool) {
        // (A line of `<pre>` may hold spaces alone, which are no text.)
        let text = self.line.trim_end().len();
        if text > 0 {
            self.out.push_str(&self.line[..text]);
            self.out.push('\n');
        }
        self.line.clear();
        self.space = false;
        self.blank |= paragraph;
    }

    fn text(&mut self, text: &str) {
        match self.raw {
            Raw::Title => {
                self.title_tag.push_str(text);
                return;
            }
            Raw::LdJson => {
                if let Some(last) = self.ld_json.last_mut() {
                    last.push_str(text);
                }
                return;
            }
            Raw::None => {}
        }
        if self.skip.is_some() {
            return;
        }
        for b in &mut self.bylines {
            b.keep(text);
        }
        if self.h1_open == Some(true) {
            self.h1.push_str(text);
            self.h1.push(' ');
        }
        for c in text.chars() {
            let c = windows_1252_for_c1(c).unwrap_or(c);
            if self.pre > 0 && c == '\n' {
                if self.line.trim_end().is_empty() {
                    self.line.clear();
                    self.out.push('\n');
                } else {
                    self.block(false);
                }
                continue;
            }
            if self.pre > 0 && (c == ' ' || c == '\t') {
                self.line.push(' ');
                continue;
            }
            if c.is_whitespace() || c.is_control() {
                self.space = !self.line.is_empty();
                continue;
            }
            if self.line.is_empty() {
                if self.blank && !self.out.is_empty() {
                    self.out.push('\n');
                }
                self.blank = false;
                if let Some(b) = self.bullet.take() {
                    self.line.push_str(&b);
                }
            } else if self.space {
                self.line.push(' ');
            }
            self.space = false;
            self.line.push(c);
        }
    }

    fn finish(mut self) -> Page {
        self.block(false);
        let mut meta = Metadata::default();
        let mut headline = String::new();
        for src in &self.ld_json {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(src) {
                if let Some(article) = find_article(&v, 0) {
                    read_article(article, &mut meta, &mut headline);
                }
            }
        }
        let s = &self.stated;
        first(&mut meta.author, &s.author);
        first(&mut meta.author, &self.byline);
        first(&mut meta.published, &s.published);
        first(&mut meta.published, &self.time_date);
        first(&mut meta.outlet, &s.site_name);
        // (A title that is the site's own name, as a home page's `og:title` left on its
        // articles states it, is no headline: the next one is taken.)
        let site_names = [
            meta.outlet.as_str(),
            s.site_name.as_str(),
            s.app_name.as_str(),
        ];
        let is_site = |t: &String| {
            let t = collapse_space(t).to_lowercase();
            site_names
                .iter()
                .any(|n| !n.is_empty() && collapse_space(n).to_lowercase() == t)
        };
        let title = [&s.og_title, &headline, &s.twitter_title]
            .into_iter()
            .find(|t| !t.is_empty() && !is_site(t))
            .cloned()
            .unwrap_or_else(|| without_site(&self.title_tag, &self.h1));
        let title = if is_site(&title) {
            String::new()
        } else {
            title
        };
        let sources: Vec<&str> = [meta.outlet.as_str(), s.site_name.as_str()]
            .into_iter()
            .chain(meta.author.split("; "))
            .collect();
        first(&mut meta.title, &without_source(&title, &sources));
        first(&mut meta.url, &s.url);
        first(&mut meta.language, &s.language);
        Page {
            text: self.out,
            meta,
        }
    }
}

/// Elements whose end tag may be left out: a `hidden` one of these could swallow the page.
fn optional_end(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "option"
            | "optgroup"
            | "rb"
            | "rt"
            | "rp"
            | "colgroup"
            | "caption"
            | "html"
            | "body"
    )
}

fn is_ld_json(tag: &Tag) -> bool {
    attr(tag, "type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
}

/// `en-US` → `en`: the primary language subtag, when it is two or three letters.
fn language(tag: &str) -> String {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
    if (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()) {
        primary.to_ascii_lowercase()
    } else {
        String::new()
    }
}

/// A `<title>` as a headline: the first `<h1>` where the title holds it ("Headline | Site"
/// over a page whose `<h1>` is "Headline"), else the title less a last part after " | " that
/// is three words at most below four or more ("How to Throw a Party | eHow").
fn without_site(title: &str, h1: &str) -> String {
    let title = collapse_space(title);
    let h1 = collapse_space(h1);
    if h1.split(' ').count() >= 3 && title.to_lowercase().contains(&h1.to_lowercase()) {
        return h1;
    }
    if let Some((head, tail)) = title.rsplit_once(" | ") {
        let (head, tail) = (head.trim(), tail.trim());
        if tail.split(' ').count() <= 3 && head.split(' ').count() >= 4 {
            return head.to_string();
        }
    }
    title
}

/// A stated title without a last part, after a separator, that names its source: the site or
/// an author ("… - BBC News", "… | CNN Politics" on CNN, "… - Spiceworks" from Spiceworks
/// Inc, "… | Eleanor Ainge Roy"): a part that is such a name, or below a headline of two words
/// or more begins one or begins with one.
fn without_source(title: &str, sources: &[&str]) -> String {
    let title = collapse_space(title);
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let (head, tail) = (head.trim(), tail.trim().to_lowercase());
            // (The source's whole name below any headline; a longer or shorter form of it
            // below one of two words or more, as a one-word place may begin a site's name.)
            let names = |name: &&str| {
                let name = name.trim().to_lowercase();
                !name.is_empty()
                    && (name == tail
                        || (head.split(' ').count() >= 2
                            && (name.starts_with(&tail) || tail.starts_with(&name))))
            };
            if !head.is_empty() && tail.chars().count() >= 3 && sources.iter().any(names) {
                return head.to_string();
            }
        }
    }
    title
}

/// The first object of an article's type in a JSON-LD value (at any depth of `@graph` and
/// lists, up to 8 levels).
fn find_article(
    v: &serde_json::Value,
    depth: usize,
) -> Option<&serde_json::Map<String, serde_json::Value>> {
    if depth > 8 {
        return None;
    }
    match v {
        serde_json::Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        serde_json::Value::Object(o) => {
            let is_article = |t: &serde_json::Value| {
                t.as_str()
                    .is_some_and(|t| t.ends_with("Article") || t == "BlogPosting" || t == "Report")
            };
            let typed = match o.get("@type") {
                Some(serde_json::Value::Array(ts)) => ts.iter().any(is_article),
                Some(t) => is_article(t),
                None => false,
            };
            if typed {
                return Some(o);
            }
            o.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

/// Reads an article's headline, author(s), date and publisher from its JSON-LD object.
fn read_article(
    a: &serde_json::Map<String, serde_json::Value>,
    meta: &mut Metadata,
    headline: &mut String,
) {
    let text = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).unwrap_or("").to_string();
    let name_of = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Object(o) => text(o.get("name")),
        _ => String::new(),
    };
    first(headline, &text(a.get("headline")));
    let authors: Vec<String> = match a.get("author") {
        Some(serde_json::Value::Array(list)) => list.iter().map(name_of).collect(),
        Some(one) => vec![name_of(one)],
        None => Vec::new(),
    };
    let authors: Vec<String> = authors
        .into_iter()
        .map(|n| collapse_space(&n))
        .filter(|n| !n.is_empty() && !n.contains("://"))
        .collect();
    first(&mut meta.author, &authors.join("; "));
    if let Some(d) = parse_iso_date(&text(a.get("datePublished"))) {
        first(&mut meta.published, &d);
    }
    if let Some(p) = a.get("publisher") {
        first(&mut meta.outlet, &name_of(p));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_breaks_are_laid_out_as_a_text_browser_dumps_them() {
        let page = to_text(
            "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Crash | The Courier</title>\
             <style>p { color: red }</style><script>var x = \"<p>not text</p>\";</script>\
             <meta property=\"og:site_name\" content=\"The Courier\"></head><body>\
             <nav><ul><li><a href=/>Home</a><li>World<ul><li>Europe</ul></ul></nav>\
             <h1>Plane  crash   in Grozny</h1>\
             <p>The plane was hit &amp; came down.<br>A second line.<br><br>A third.</p>\
             <p>Officials said &ldquo;no&rdquo;.</p><ol><li>One</li><li>Two</li></ol>\
             <table><tr><td>Baku</td><td>3</td></tr></table></body></html>",
        );
        assert_eq!(
            page.text,
            "  • Home\n  • World\n    • Europe\n\nPlane crash in Grozny\n\nThe plane was hit & came down.\n\
             A second line.\n\nA third.\n\nOfficials said “no”.\n\n  1. One\n  2. Two\n\nBaku 3\n"
        );
        assert_eq!(page.meta.title, "Crash");
        assert_eq!(page.meta.outlet, "The Courier");
        assert_eq!(page.meta.language, "en");
    }

    #[test]
    fn hidden_blocks_give_no_text_and_forms_and_pictures_are_drawn_as_a_text_browser_draws_them() {
        let page = to_text(
            "<html><body><div hidden><p>Sign up now</p></div><div style=\"display: none\">Ad</div>\
             <p>Body text.</p><img alt=\"Baku at night\" src=x.png><svg><text>icon</text></svg>\
             <p hidden>Kept: a hidden p could swallow the page</p>\
             <form>Name: <input name=n> <input type=checkbox> I agree <input type=hidden value=x>\
             <textarea>Your comment</textarea><select><option>Pick</option></select>\
             <button>Send</button></form></body></html>",
        );
        assert_eq!(
            page.text,
            "Body text.\n\nBaku at night\n\nKept: a hidden p could swallow the page\n\n\
             Name: [ ] [ ] I agree [ ] [Send]\n"
        );
    }

    #[test]
    fn metadata_comes_from_json_ld_then_meta_tags() {
        let page = to_text(
            "<html><head><title>Site home</title>\
             <script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"x\"},\
             {\"@type\":\"NewsArticle\",\"headline\":\"Baku recalls envoy\",\
             \"datePublished\":\"2024-12-27T10:00:00+04:00\",\
             \"author\":[{\"@type\":\"Person\",\"name\":\"Jane  Doe\"},\"https://example.az/staff\",{\"name\":\"Ali Veli\"}],\
             \"publisher\":{\"name\":\"Caliber\"}}]}</script>\
             <meta name=\"author\" content=\"Someone Else\">\
             <meta property=\"article:published_time\" content=\"2024-12-28\">\
             <link rel=\"canonical\" href=\"https://example.az/a\"></head><body><p>x</p></body></html>",
        );
        assert_eq!(page.meta.title, "Baku recalls envoy");
        assert_eq!(page.meta.author, "Jane Doe; Ali Veli");
        assert_eq!(page.meta.published, "2024-12-27");
        assert_eq!(page.meta.outlet, "Caliber");
        assert_eq!(page.meta.url, "https://example.az/a");
    }

    #[test]
    fn control_characters_reach_neither_text_nor_metadata() {
        let page = to_text("<title>A&#1;B &#x0D;C</title><p>x&#x0D;y&#7;z</p>");
        assert_eq!(page.meta.title, "A B C");
        assert_eq!(page.text, "x y z\n");
    }

    /// Windows-1252 punctuation decoded as Latin-1 upstream arrives as C1 controls; the text
    /// and the title get the punctuation back, and an undefined one is a space like other
    /// controls.
    #[test]
    fn c1_controls_become_windows_1252_punctuation() {
        let page = to_text(
            "<title>\u{93}Act\u{94} \u{96} TV</title><p>Don\u{92}t stop\u{85}</p><p>a\u{81}b</p>",
        );
        assert_eq!(page.meta.title, "“Act” – TV");
        assert_eq!(page.text, "Don’t stop…\n\na b\n");
    }

    #[test]
    fn og_title_wins_and_a_profile_address_is_no_author() {
        let page = to_text(
            "<head><meta property=\"og:title\" content=\"Envoy recalled\">\
             <meta property=\"article:author\" content=\"https://www.facebook.com/x\">\
             <meta name=\"byl\" content=\"By Ann Lee\"><title>Other</title></head>",
        );
        assert_eq!(page.meta.title, "Envoy recalled");
        assert_eq!(page.meta.author, "Ann Lee");
    }

    #[test]
    fn a_title_tag_loses_the_site_name() {
        let title = |html: &str| to_text(html).meta.title;
        assert_eq!(
            title("<title>Party on a Budget: A Guide | eHow</title><h1>Party on a Budget: A Guide</h1>"),
            "Party on a Budget: A Guide"
        );
        assert_eq!(
            title("<title>How to Throw a Party | eHow</title>"),
            "How to Throw a Party"
        );
        assert_eq!(
            title("<title>Envoy recalled - Caliber</title><meta property=og:site_name content=Caliber>"),
            "Envoy recalled"
        );
        // A stated title loses its source too: the site, a longer or shorter form of its
        // name, or an author.
        let og = |t: &str, site: &str| {
            title(&format!("<meta property=og:title content=\"{t}\"><meta property=og:site_name content=\"{site}\"><meta name=author content=\"Ann Lee\">"))
        };
        assert_eq!(og("Envoy recalled | CNN Politics", "CNN"), "Envoy recalled");
        assert_eq!(
            og("Envoy recalled - Spiceworks", "Spiceworks Inc"),
            "Envoy recalled"
        );
        assert_eq!(og("Envoy recalled | Ann Lee", "Caliber"), "Envoy recalled");
        // Not a subtitle, nor a one-word headline, nor a part too short to be a name.
        assert_eq!(
            og("Envoy recalled - What comes next", "Caliber"),
            "Envoy recalled - What comes next"
        );
        assert_eq!(
            og("Russia - Azerbaijan", "Azerbaijan Today"),
            "Russia - Azerbaijan"
        );
        assert_eq!(og("Envoy recalled - An", "Ann Lee"), "Envoy recalled - An");
        // A stated title that is the site's own name is no headline: the page's title is.
        assert_eq!(
            title("<meta property=og:title content=\"Daily News - Latest Headlines\"><meta name=application-name content=\"Daily  News - Latest Headlines\"><title>Space ship breaks up over Siberia</title>"),
            "Space ship breaks up over Siberia"
        );
        assert_eq!(
            title("<meta property=og:site_name content=Caliber><meta name=twitter:title content=caliber><title>Envoy recalled after the crash</title>"),
            "Envoy recalled after the crash"
        );
        assert_eq!(
            title("<meta property=og:site_name content=Caliber><title>Caliber</title>"),
            ""
        );
        // A separator inside a headline stays, as does a title the site's name does not end.
        assert_eq!(
            title("<title>Baku - Moscow talks resume</title>"),
            "Baku - Moscow talks resume"
        );
        assert_eq!(title("<title>Talks | Day 2</title>"), "Talks | Day 2");
        assert_eq!(
            title("<title>Talks between Baku and Moscow - Day Two</title>"),
            "Talks between Baku and Moscow - Day Two"
        );
        assert_eq!(
            title("<title>Talks between Baku and Moscow | What each side wants</title>"),
            "Talks between Baku and Moscow | What each side wants"
        );
        // The page's headline, where the title holds it with more around it.
        assert_eq!(
            title("<title>Envoy recalled after crash - Caliber News</title><h1>Envoy recalled after crash</h1>"),
            "Envoy recalled after crash"
        );
        assert_eq!(
            title("<title>Envoy recalled - Caliber News</title><h1>Envoy</h1>"),
            "Envoy recalled - Caliber News"
        );
    }

    #[test]
    fn a_byline_element_states_the_author_where_no_meta_tag_does() {
        let author = |html: &str| to_text(html).meta.author;
        // Microdata, a rel="author" link, and a class or id naming a byline or an author.
        assert_eq!(
            author("<p><span itemprop=\"author creator\"><a href=/a/1><span itemprop=name>Dan Goodin</span></a></span> - Apr 16, 2015</p>"),
            "Dan Goodin"
        );
        assert_eq!(
            author("<div class=author_fmt>By <a rel=author href=/bg>Brenda  Goodman</a>, MA</div>"),
            "Brenda Goodman"
        );
        assert_eq!(
            author("<h6 class=\"byline relative\"><em class=byline__by>By</em> <a href=/j><span>JOSHUA SOKOL</span></a></h6>"),
            "Joshua Sokol"
        );
        assert_eq!(
            author("<div class=article-author>Joe Wee &nbsp; Monday, February 29, 2016 @ 11:10 PM</div>"),
            "Joe Wee"
        );
        assert_eq!(
            author("<span>By <a rel=author href=/ec>Erin Cunningham</a></span>"),
            "Erin Cunningham"
        );
        assert_eq!(
            author("<span class=by-author>by <a class=byauthor href=/ln>Lucas Nolan</a></span>"),
            "Lucas Nolan"
        );
        // Not a byline: a sign-in box whose id begins with "author", a comment's author, a
        // biography, a widget of authors to follow, a stamp of one word.
        assert_eq!(author("<div id=authorization><a>Sign In</a></div>"), "");
        assert_eq!(
            author("<span class=comment-author>Ann Lee</span><p>Great piece.</p>"),
            ""
        );
        let bio = "Jane Doe covers energy and climate for the paper, and before that covered the courts for a decade in three cities.";
        assert_eq!(author(&format!("<div class=author-bio>{bio}</div>")), "");
        assert_eq!(
            author("<li class=author-follow><span>Yahoo News Exclusives</span> Katie Couric</li>"),
            ""
        );
        assert_eq!(
            author("<div class=single-author>Last Updated: January 7, 2025</div>"),
            ""
        );
        // The first byline that states names is the one; a meta tag comes before any.
        assert_eq!(
            author("<span class=author>AFP</span><span class=authorname>Sébastien Farcis</span><span class=authorname>Ann Lee</span>"),
            "Sébastien Farcis"
        );
        assert_eq!(
            author("<meta name=author content=\"Ann Lee\"><span class=byline>By Jane Doe</span>"),
            "Ann Lee"
        );
        // A byline's nested elements of its own name are inside it, a byline among them.
        assert_eq!(
            author("<div class=byline><div>By</div><div>Jane Doe</div></div>"),
            "Jane Doe"
        );
        assert_eq!(
            author("<div class=byline><div class=author>Updated</div> by Jane Doe</div>"),
            "Jane Doe"
        );
        // A block longer than a byline is none, even where it opens with a name; one never
        // closed states nothing (and holds no more than a byline's length of the page).
        assert_eq!(
            author(&format!("<div class=author>Jane Doe | {bio}</div>")),
            ""
        );
        let open = format!(
            "<div class=byline>By Jane Doe{}",
            "<p>Text of the article.</p>".repeat(10_000)
        );
        assert_eq!(author(&open), "");
        // After 64 author marks that state no name, no more are read: a page of thousands
        // costs what a page of a few does.
        let misses = |n: usize| {
            format!(
                "{}<span class=byline>By Jane Doe</span>",
                "<span class=author>Updated</span>".repeat(n)
            )
        };
        assert_eq!(author(&misses(63)), "Jane Doe");
        assert_eq!(author(&misses(64)), "");
    }

    #[test]
    fn a_date_element_states_the_date_where_no_meta_tag_does() {
        let date = |html: &str| to_text(html).meta.published;
        // Microdata first (not a dateModified), on a <time> or any element.
        assert_eq!(
            date("<time itemprop=dateModified datetime=2015-05-05T20:13:12+02:00>5 May</time><time datetime=\"2015-05-04T13:36:31+02:00\" itemprop=\"datePublished\">4 May</time>"),
            "2015-05-04"
        );
        assert_eq!(
            date("<span itemprop=datePublished content=2020-01-02>Jan 2</span>"),
            "2020-01-02"
        );
        assert_eq!(
            date("<time datetime=2019-01-01>Jan 1</time><time itemprop=datePublished datetime=2018-05-05>May 5</time>"),
            "2018-05-05"
        );
        // Else the first <time> whose datetime is a date; a meta tag before either.
        assert_eq!(
            date("<time class=date datetime=2016-10-13T17:00:03.000Z>October 13, 2016</time><time datetime=2016-10-14>x</time>"),
            "2016-10-13"
        );
        assert_eq!(
            date("<time datetime=\"jueves, 09 enero 2014\">jueves</time>"),
            ""
        );
        assert_eq!(
            date("<meta property=article:published_time content=2014-01-09><time datetime=2016-10-13>x</time>"),
            "2014-01-09"
        );
    }

    #[test]
    fn a_tag_keeps_its_first_attributes_and_its_text() {
        let many: String = (0..1000).map(|i| format!(" data-a{i}=\"v>{i}\"")).collect();
        let html = format!("<p id=x{many} class=y>The plane was hit.</p><p>Then it fell.</p>");
        let cut = without_attribute_floods(&html);
        assert!(
            cut.contains(" data-a254=\"v>254\" >The plane was hit."),
            "{}",
            &cut[cut.len() - 80..]
        );
        assert!(!cut.contains("data-a255"));
        assert_eq!(to_text(&html).text, "The plane was hit.\n\nThen it fell.\n");
        // Raw text and comments hold no tags to cut, and an ordinary page is not copied.
        let script =
            format!("<script>var a = '<p {many}>';</script><!-- a > <b {many}> --><p>x</p>");
        assert!(matches!(
            without_attribute_floods(&script),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn preformatted_text_keeps_its_lines() {
        let page = to_text("<p>Before</p><pre>a  b\n  c \n   \nd</pre><p>After</p>");
        assert_eq!(page.text, "Before\n\na  b\n  c\n\nd\n\nAfter\n");
    }

    #[test]
    fn html_is_told_from_plain_text() {
        assert!(looks_like_html("\u{feff}\n<!DOCTYPE html><html>"));
        assert!(looks_like_html("<html lang=en><body>x"));
        assert!(looks_like_html("<!-- saved --><head><meta charset=utf-8>"));
        assert!(!looks_like_html("The <html> tag opens a page."));
        assert!(!looks_like_html("<b>bold</b> but no page"));
        assert!(is_html_name(std::path::Path::new("a/b.HTM")));
        assert!(!is_html_name(std::path::Path::new("a/b.txt")));
    }

    #[test]
    fn unclosed_and_broken_markup_loses_no_text_after_it() {
        let page = to_text("<p>One<p>Two <b>bold <i>both</b> after</i><div>Three");
        assert_eq!(page.text, "One\n\nTwo bold both after\n\nThree\n");
        // A script never closed swallows only what follows it, as in a browser.
        assert_eq!(to_text("<p>Kept</p><script>lost").text, "Kept\n");
        // Deep nesting costs no stack.
        let deep = "<div>".repeat(200_000) + "deep";
        assert_eq!(to_text(&deep).text, "deep\n");
        // Nor do lists nested deep cost their depth on every line.
        let lists = "<ul><li>x".repeat(50_000);
        let text = to_text(&lists).text;
        assert!(text.starts_with("  • x\n    • x\n      • x\n        • x\n        • x\n"));
        assert_eq!(text.len(), 8 + 10 + 12 + 49_997 * 14);
    }
}
