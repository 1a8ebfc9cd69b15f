//! Metadata stated in the text of a page: bylines, dates, datelines, copyright lines.
//!
//! Each function looks at one line and answers what it states, so the cleaner can both take the
//! value into the document's metadata and know that the line is not article prose.

use regex::Regex;
use std::sync::OnceLock;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a word is the full name of a month or a weekday, in any case ("March", "friday").
///
/// ```
/// use slant_corpus::meta::is_calendar_word;
/// assert!(is_calendar_word("Friday") && is_calendar_word("december"));
/// assert!(!is_calendar_word("Jan"));
/// ```
pub fn is_calendar_word(word: &str) -> bool {
    if word.is_ascii() {
        let is = |w: &&str| w.eq_ignore_ascii_case(word);
        return MONTHS.iter().any(is) || WEEKDAYS.iter().any(is);
    }
    let w = word.to_lowercase();
    MONTHS.contains(&w.as_str()) || WEEKDAYS.contains(&w.as_str())
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) && (w.len() == 3 || *m == w))
        .map(|i| i as u32 + 1)
}

/// Months in French, Spanish, Portuguese, German and Italian, in full and cut as their
/// papers cut them (the English names and cuts are [`MONTHS`]'s), each with its number. Only
/// day-first dates use them: "30 avril 2015", "21 de diciembre de 2018", "21.dez.2018",
/// "3. März 2019", "1er mai 2015".
const OTHER_MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("janeiro", 1),
    ("januar", 1),
    ("jänner", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("februar", 2),
    ("febbraio", 2),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("märz", 3),
    ("mär", 3),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("mag", 5),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("juni", 6),
    ("giugno", 6),
    ("giu", 6),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("julho", 7),
    ("juli", 7),
    ("luglio", 7),
    ("lug", 7),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("setembro", 9),
    ("settembre", 9),
    ("set", 9),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("oktober", 10),
    ("okt", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("out", 10),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dezembro", 12),
    ("dezember", 12),
    ("dez", 12),
    ("dicembre", 12),
];

/// The number of a month named in another language ([`OTHER_MONTHS`]), in any case.
fn other_month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    OTHER_MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
}

struct DateRegexes {
    iso: Regex,
    month_first: Regex,
    day_first: Regex,
    /// Day first with a month in another language ([`OTHER_MONTHS`]).
    day_first_other: Regex,
    slashed: Regex,
    /// "11/19/2019" or "21/06/2014": day and month in either order.
    numeric: Regex,
}

fn date_regexes() -> &'static DateRegexes {
    static RE: OnceLock<DateRegexes> = OnceLock::new();
    RE.get_or_init(|| {
        let month = r"(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
        let compile = |p: &str| Regex::new(p).expect("date pattern compiles");
        DateRegexes {
            iso: compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?:T\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?\b"),
            month_first: compile(&format!(r"(?i)\b{month}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")),
            day_first: compile(&format!(r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+((?:19|20)\d\d)\b")),
            day_first_other: {
                let mut names: Vec<&str> = OTHER_MONTHS.iter().map(|(m, _)| *m).collect();
                names.sort_by_key(|m| std::cmp::Reverse(m.chars().count()));
                compile(&format!(
                    r"(?i)(?-u:\b)(\d{{1,2}})(?:er|º)?\.?\s*(?:de\s+)?({})(?-u:\b)\.?,?\s*(?:de\s+|del\s+)?((?:19|20)\d\d)(?-u:\b)",
                    names.join("|")
                ))
            },
            slashed: compile(r"\b((?:19|20)\d\d)/(\d\d)/(\d\d)\b"),
            numeric: compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b"),
        }
    })
}

/// A calendar date as `YYYY-MM-DD` when the numbers make one.
fn ymd(y: &str, m: u32, d: &str) -> Option<String> {
    let year: u32 = y.parse().ok()?;
    let day: u32 = d.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let max = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (1..=max)
        .contains(&day)
        .then(|| format!("{year:04}-{m:02}-{day:02}"))
}

/// The first date a line states, as ISO `YYYY-MM-DD`, with the byte range it occupies.
///
/// ```
/// use slant_corpus::meta::find_date;
/// assert_eq!(find_date("date 2025-07-23 23 July 2025").unwrap().0, "2025-07-23");
/// assert_eq!(find_date("BAKU – September 5, 2025").unwrap().0, "2025-09-05");
/// assert_eq!(find_date("Published 5 Sept. 2024, 10:00").unwrap().0, "2024-09-05");
/// assert_eq!(find_date("AFP 30 avril 2015 à 07:19").unwrap().0, "2015-04-30");
/// assert_eq!(find_date("21.dez.2018 às 12h55").unwrap().0, "2018-12-21");
/// // An ISO timestamp is one date, time and all.
/// let (date, at) = find_date("By Mike Wall 2019-11-18T20:51:19Z Science").unwrap();
/// assert_eq!((date.as_str(), at), ("2019-11-18", 13..33));
/// assert_eq!(find_date("no date here"), None);
/// ```
pub fn find_date(line: &str) -> Option<(String, std::ops::Range<usize>)> {
    // Every date form has a year, 19xx or 20xx: most lines have none and need no regex.
    if !line
        .as_bytes()
        .windows(2)
        .any(|w| matches!(w, [b'1', b'9'] | [b'2', b'0']))
    {
        return None;
    }
    let re = date_regexes();
    let mut best: Option<(String, std::ops::Range<usize>)> = None;
    let mut consider = |found: Option<(String, std::ops::Range<usize>)>| {
        if let Some(f) = found {
            if best.as_ref().is_none_or(|b| f.1.start < b.1.start) {
                best = Some(f);
            }
        }
    };
    consider(re.iso.captures(line).and_then(|c| {
        let m: u32 = c[2].parse().ok()?;
        Some((ymd(&c[1], m, &c[3])?, c.get(0)?.range()))
    }));
    consider(re.slashed.captures(line).and_then(|c| {
        let m: u32 = c[2].parse().ok()?;
        Some((ymd(&c[1], m, &c[3])?, c.get(0)?.range()))
    }));
    // Day and month in either order, read only when one of them cannot be a month
    // ("11/19/2019" is November 19, "21/06/2014" is June 21; "05/03/2024" is left unread).
    let numeric = line
        .as_bytes()
        .windows(3)
        .any(|w| matches!(w, [b'/' | b'.', b'1', b'9'] | [b'/' | b'.', b'2', b'0']));
    consider(
        numeric
            .then(|| re.numeric.captures(line))
            .flatten()
            .and_then(|c| {
                let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
                let (m, d) = match (a > 12, b > 12) {
                    (false, true) => (a, b),
                    (true, false) => (b, a),
                    _ => return None,
                };
                Some((ymd(&c[3], m, &d.to_string())?, c.get(0)?.range()))
            }),
    );
    consider(
        re.month_first
            .captures(line)
            .and_then(|c| Some((ymd(&c[3], month_number(&c[1])?, &c[2])?, c.get(0)?.range()))),
    );
    consider(
        re.day_first
            .captures(line)
            .and_then(|c| Some((ymd(&c[3], month_number(&c[2])?, &c[1])?, c.get(0)?.range()))),
    );
    // (A month in another language is looked for only where none in English is found.)
    best.or_else(|| {
        re.day_first_other.captures(line).and_then(|c| {
            Some((
                ymd(&c[3], other_month_number(&c[2])?, &c[1])?,
                c.get(0)?.range(),
            ))
        })
    })
}

/// Validates a manifest date: ISO 8601 `YYYY-MM-DD`, optionally followed by a time.
pub fn parse_iso_date(value: &str) -> Option<String> {
    let v = value.trim();
    let date = v.get(..10)?;
    let rest = &v[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    let b = date.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    // Digits only: `u32::from_str` also takes a sign ("2025-+1-+1").
    if !b
        .iter()
        .enumerate()
        .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return None;
    }
    let m: u32 = date[5..7].parse().ok()?;
    ymd(&date[..4], m, &date[8..10])
}

/// Whether a line is nothing but a date, time, place or reading-time stamp, such as
/// "July 5, 2025 6 Min Read", "14:20 (UTC+04:00)", "Updated 3 hours ago".
pub fn is_stamp_line(line: &str) -> bool {
    let mut rest = line.to_string();
    let date = find_date(line);
    if let Some((_, r)) = &date {
        rest.replace_range(r.clone(), " ");
    }
    let words: Vec<String> = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return date.is_some();
    }
    // Something must make it a stamp: a date, a clock time, a month, or a word such as "ago".
    let clock = line.contains(':') && line.chars().any(|c| c.is_ascii_digit());
    let has_anchor = date.is_some()
        || clock
        || words.iter().any(|w| {
            month_number(w).is_some()
                || matches!(
                    w.as_str(),
                    "ago" | "read" | "published" | "updated" | "posted" | "yesterday" | "today"
                )
        });
    if !has_anchor {
        return false;
    }
    const STAMP: &[&str] = &[
        "date",
        "published",
        "updated",
        "posted",
        "last",
        "modified",
        "on",
        "at",
        "am",
        "pm",
        "utc",
        "gmt",
        "est",
        "edt",
        "cet",
        "cest",
        "bst",
        "pst",
        "pdt",
        "cdt",
        "cst",
        "ist",
        "msk",
        "azt",
        "jst",
        "min",
        "mins",
        "minute",
        "minutes",
        "read",
        "hour",
        "hours",
        "ago",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "yesterday",
        "today",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "st",
        "nd",
        "rd",
        "th",
        "time",
    ];
    words.iter().all(|w| {
        w.bytes().all(|b| b.is_ascii_digit())
            || STAMP.contains(&w.as_str())
            || WEEKDAYS.contains(&w.as_str())
            || month_number(w).is_some()
    })
}

/// Whether `text` starts with the ASCII `prefix`, in any case: what `text.to_lowercase()
/// .starts_with(prefix)` says for a lower-case ASCII prefix without a "k" (the Kelvin sign
/// lower-cases to one), without lower-casing a whole paragraph to look at its first words.
fn starts_with_ascii_ci(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The byte offset in `text` of the first `needle` (ASCII), in any case.
fn find_ascii_ci(text: &str, needle: &str) -> Option<usize> {
    text.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The names a byline line states ("By Krikor Khodanian", "By AzeMedia Published July 5, 2025",
/// "Story by Jane Doe and John Roe | Reuters"), in title case when the page shouts them.
///
/// ```
/// use slant_corpus::meta::parse_byline;
/// assert_eq!(parse_byline("By KRIKOR KHODANIAN").as_deref(), Some("Krikor Khodanian"));
/// assert_eq!(parse_byline("By AzeMedia Published July 5, 2025 6 Min Read").as_deref(), Some("AzeMedia"));
/// assert_eq!(parse_byline("By Jane Doe and John Roe, Reuters").as_deref(), Some("Jane Doe; John Roe"));
/// assert_eq!(parse_byline("By Mike Wall 2019-11-18T20:51:19Z Science & Astronomy").as_deref(), Some("Mike Wall"));
/// assert_eq!(parse_byline("By Michael HiltzikBusiness Columnist").as_deref(), Some("Michael Hiltzik"));
/// assert_eq!(parse_byline("By Jane Doe Staff Writer").as_deref(), Some("Jane Doe"));
/// assert_eq!(parse_byline("By Joe Wee Monday, February 29, 2016").as_deref(), Some("Joe Wee"));
/// assert_eq!(parse_byline("By Louis Jacobson on Monday, November 18th, 2019").as_deref(), Some("Louis Jacobson"));
/// assert_eq!(parse_byline("By using this site, you agree to the Privacy Policy"), None);
/// ```
pub fn parse_byline(line: &str) -> Option<String> {
    let t = line.trim();
    let at = [
        "by ",
        "story by ",
        "written by ",
        "words by ",
        "reporting by ",
        // French, Spanish and Portuguese: "Par Laurence Defranoux", "Por Shira Ovide" ("Por
        // favor", "Por qué …" name no one).
        "par ",
        "por ",
        // German: "Von Moritz Bachmann publiziert am 30. Juli 2018" ("Von der Leyen" is a
        // name, below).
        "von ",
    ]
    .iter()
    .find(|p| starts_with_ascii_ci(t, p))
    .map(|p| p.len())
    .or_else(|| {
        // (Most lines open with neither a stamp word nor a date, and are not searched: the
        // first letter rules most of them out.)
        let first = t.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
        let stamp = matches!(first, b'p' | b'u' | b'w')
            && ["posted", "published", "updated", "written"]
                .iter()
                .any(|p| starts_with_ascii_ci(t, p));
        let dated = first.is_ascii_digit()
            || (matches!(first, b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
                && MONTHS.iter().any(|m| starts_with_ascii_ci(t, &m[..3])));
        if !stamp && !dated {
            return None;
        }
        // Found in the line itself: an offset in a lower-cased copy is not one in the line
        // ("İ" lower-cases to three bytes), and cut it inside a character.
        let by = find_ascii_ci(t, " by ")?;
        let head = &t[..by];
        if stamp {
            // "Posted by Michael Smith on …", "Posted on March 3, 2024 by Maria Lopez"
            return (!head.contains(' ') || find_date(head).is_some()).then_some(by + 4);
        }
        // "5:45 AM PST 11/19/2019 by Patrick Shanley": a date and time, then the names.
        let clock = ["am", "pm", "a.m.", "p.m.", "on", "at"];
        let only_date = head.split_whitespace().all(|w| {
            !w.chars().next().is_some_and(char::is_lowercase)
                || clock.contains(&w.to_ascii_lowercase().as_str())
        });
        (only_date && head.split_whitespace().count() <= 8 && find_date(head).is_some())
            .then_some(by + 4)
    })?;
    let mut rest = &t[at..];
    // "Von der Leyen", "von dem …": a name's particle or an article, no byline.
    if starts_with_ascii_ci(t, "von ")
        && ["der ", "dem ", "den ", "zu "]
            .iter()
            .any(|p| starts_with_ascii_ci(rest, p))
    {
        return None;
    }
    // Cut at what follows the names: a date (and the weekday before it), "Published", a
    // separator, a role.
    if let Some((_, r)) = find_date(rest) {
        rest = &rest[..r.start];
        let before = rest.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        if let Some((head, last)) = before.rsplit_once(' ') {
            if WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(last)) {
                // (With the space after the names, which " on " below may need.)
                rest = &rest[..=head.len()];
            }
        }
    }
    // A date without its year ("By Erin Cunningham March 18 at 3:57 PM"): a month, then a
    // day.
    if let Some(at) = month_and_day(rest) {
        rest = &rest[..at];
    }
    for stop in [
        " Published",
        " Updated",
        " Posted",
        // The author's handle ("by Ahiza Garcia @ahiza_garcia", "… Follow @erinmcunningham").
        " @",
        " on ",
        // German: "… publiziert am 30. Juli 2018", "… aktualisiert am …".
        " publiziert",
        " veröffentlicht",
        " aktualisiert",
        " am ",
        "|",
        " – ",
        " — ",
        " - ",
        "•",
        "(",
        "\t",
    ] {
        if let Some(i) = rest.find(stop) {
            rest = &rest[..i];
        }
    }
    rest = without_role(rest);
    // "Jane Doe and John Roe, Reuters": a last comma part of one word is the agency.
    let mut parts: Vec<&str> = rest.split(',').collect();
    if parts.len() > 1
        && parts
            .last()
            .is_some_and(|p| p.split_whitespace().count() == 1)
    {
        parts.pop();
    }
    let shouted = title_case_if_shouting(parts[0]) != parts[0];
    let mut names = Vec::new();
    for (k, part) in parts.iter().enumerate() {
        // After a name, a part that states an outlet or a role is no further author ("Jane
        // Doe, Associated Press", "Jane Doe, Senior Staff Technologist, ACLU …"), and ends
        // the names unless another name follows it ("Jane Doe, Staff Writer, and John Roe").
        if !names.is_empty() && is_affiliation(part, shouted) {
            let more = parts
                .get(k + 1)
                .is_some_and(|next| next.trim_start().starts_with("and "));
            if more {
                continue;
            }
            break;
        }
        let mut stop = false;
        // (And in French and Spanish: "Par Pierre Alonso et Martin Untersinger", "Por Jeré
        // Longman y Kevin Draper".)
        for name in part
            .split(" and ")
            .flat_map(|p| p.split(" & "))
            .flat_map(|p| p.split(" et "))
            .flat_map(|p| p.split(" y "))
            .flat_map(|p| p.split(" und "))
        {
            let name = name.trim().trim_end_matches(['.', ':', ';']);
            if name.is_empty() {
                continue;
            }
            if !looks_like_name(name) {
                // A role or an outlet after a comma ("Jane Doe, Reuters") ends the names;
                // anything else means this is a sentence that happens to start with "By".
                if names.is_empty() {
                    return None;
                }
                stop = true;
                break;
            }
            names.push(title_case_if_shouting(name));
            if names.len() == 4 {
                stop = true;
                break;
            }
        }
        if stop {
            break;
        }
    }
    (!names.is_empty()).then(|| names.join("; "))
}

/// A name and the author's own handle on one line, as a byline without "By" is written
/// ("Devindra Hardawar, @devindra", "Natasha Turak@NatashaTurak"): the handle must spell one
/// of the name's words of four letters or more, so that "Follow Us @dailyplanet" is none.
///
/// ```
/// use slant_corpus::meta::name_with_handle;
/// assert_eq!(name_with_handle("Devindra Hardawar, @devindra").as_deref(), Some("Devindra Hardawar"));
/// assert_eq!(name_with_handle("Follow Us @dailyplanet"), None);
/// ```
pub fn name_with_handle(line: &str) -> Option<String> {
    let (name, handle) = line.trim().split_once('@')?;
    let name = name.trim().trim_end_matches(',').trim_end();
    let handle: String = handle
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let spelt = name
        .split_whitespace()
        .any(|w| w.len() >= 4 && w.is_ascii() && handle.contains(&w.to_ascii_lowercase()));
    ((2..=4).contains(&name.split_whitespace().count()) && spelt && looks_like_name(name))
        .then(|| title_case_if_shouting(name))
}

/// A name and the time of writing on one line, as a byline without "By" is written ("Chris
/// Davies - Nov 19, 2019, 10:31 pm CST", "Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Alex Perry
/// 1 day ago"): two to four words in mixed case, none a section's or an edition's ("Breaking
/// News - Nov 5, 2019" is none), then, after a dash, bar or dot or directly, a whole date or
/// a time ago.
///
/// ```
/// use slant_corpus::meta::name_with_stamp;
/// assert_eq!(name_with_stamp("Dan Goodin - Apr 16, 2015 8:02 pm UTC").as_deref(), Some("Dan Goodin"));
/// assert_eq!(name_with_stamp("Alex Perry 1 day ago").as_deref(), Some("Alex Perry"));
/// assert_eq!(name_with_stamp("Current Issue | November 2019"), None);
/// ```
pub fn name_with_stamp(line: &str) -> Option<String> {
    let t = line.trim();
    let (name, rest) = [" - ", " | ", " · ", " – ", " — "]
        .iter()
        .find_map(|sep| t.split_once(sep))
        .or_else(|| {
            // "Alex Perry 1 day ago": the name runs to the first number.
            let at = t.find(|c: char| c.is_ascii_digit())?;
            Some((&t[..at], &t[at..]))
        })?;
    let (name, rest) = (name.trim(), rest.trim());
    let ago = {
        let mut w = rest.split_whitespace();
        w.next()
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
            && w.next().is_some_and(|u| {
                [
                    "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                ]
                .contains(&u.to_ascii_lowercase().as_str())
            })
            && w.next().is_some_and(|a| a.eq_ignore_ascii_case("ago"))
    };
    let dated = ago || find_date(rest).is_some_and(|(_, r)| r.start == 0);
    let words: Vec<&str> = name.split_whitespace().collect();
    // (First and last words capitalised: "La Une du 30 avril 2015" is a front page's.)
    let capitalised = |w: Option<&&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    let named = (2..=4).contains(&words.len())
        && capitalised(words.first())
        && capitalised(words.last())
        && words.iter().all(|w| {
            w.chars().any(char::is_lowercase)
                && ![
                    "news",
                    "issue",
                    "edition",
                    "staff",
                    "desk",
                    "team",
                    "updated",
                    "published",
                ]
                .contains(&w.to_lowercase().as_str())
        })
        && looks_like_name(name);
    (dated && named).then(|| name.to_string())
}

/// The offset of the first month's name (capitalised, as [`month_number`] reads it) that a
/// day's number follows in `text`: "March 18", "Apr 16", "Sept. 4".
fn month_and_day(text: &str) -> Option<usize> {
    let mut offset = 0;
    let mut words = text.split(' ').peekable();
    while let Some(w) = words.next() {
        let month = w.trim_end_matches(['.', ',']);
        let named =
            month.starts_with(|c: char| c.is_ascii_uppercase()) && month_number(month).is_some();
        let day = words.peek().is_some_and(|d| {
            let d = d.trim_end_matches([',', '.']);
            (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit())
        });
        if named && day {
            return Some(offset);
        }
        offset += w.len() + 1;
    }
    None
}

/// Whether a byline's comma part after a name states an outlet or a role rather than another
/// author: it holds a word of [`AFFILIATIONS`], [`ROLES`] or [`QUALIFIERS`] ("Associated
/// Press", "Senior Staff Technologist"), or it is shouted where the names were not ("USA
/// TODAY").
fn is_affiliation(part: &str, names_shouted: bool) -> bool {
    let part = part.trim();
    if !names_shouted && title_case_if_shouting(part) != part {
        return true;
    }
    part.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        ROLES
            .iter()
            .chain(QUALIFIERS)
            .any(|r| r.eq_ignore_ascii_case(w))
            || AFFILIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
    })
}

/// Words of outlets, bodies and jobs that are not in a person's name: after a byline's first
/// name, a comma part with one of them is the author's affiliation or role.
const AFFILIATIONS: &[&str] = &[
    "News",
    "Press",
    "Times",
    "Post",
    "Journal",
    "Today",
    "Tribune",
    "Herald",
    "Gazette",
    "Magazine",
    "Media",
    "Network",
    "Agency",
    "Service",
    "Wire",
    "Radio",
    "Television",
    "TV",
    "Daily",
    "Weekly",
    "Review",
    "Bureau",
    "Desk",
    "Institute",
    "University",
    "College",
    "School",
    "Project",
    "Foundation",
    "Center",
    "Centre",
    "Council",
    "Committee",
    "Department",
    "Ministry",
    "Group",
    "Company",
    "Inc",
    "Ltd",
    "LLC",
    "Professor",
    "Director",
    "Fellow",
    "Analyst",
    "Economist",
    "Technologist",
    "Scientist",
    "Researcher",
    "Journalist",
    "Producer",
    "Photographer",
    "Anchor",
    "Host",
    "Author",
    "Founder",
    "President",
    "Officer",
    "Manager",
    "Lecturer",
    "Attorney",
    "Lawyer",
    "Strategist",
    "Consultant",
    "Adviser",
    "Advisor",
    "Commentator",
    "Critic",
    "Intern",
    "Associate",
    "Assistant",
    "Opinion",
];

/// Titles of a byline's role, which end the names before them.
const ROLES: &[&str] = &[
    "Columnist",
    "Reporter",
    "Writer",
    "Editor",
    "Correspondent",
    "Contributor",
];

/// The names of a byline without the role after them: "Jane Doe Staff Writer" is "Jane Doe",
/// and "Michael HiltzikBusiness Columnist", where a page's markup ran the name into the role,
/// is "Michael Hiltzik". A name that ends in a role word, with nothing before it to be a
/// name, is left as it is.
fn without_role(names: &str) -> &str {
    let trimmed = names.trim_end();
    let Some(role) = ROLES.iter().find(|r| trimmed.ends_with(*r)) else {
        return names;
    };
    let before = &trimmed[..trimmed.len() - role.len()];
    if !(before.is_empty() || before.ends_with(' ')) {
        return names;
    }
    // Back over the words that qualify the role ("Staff", "Business") to the name's last word,
    // which may have the first of them run into it ("HiltzikBusiness", not "McDonald").
    let mut end = before.trim_end().len();
    for w in before.split_whitespace().rev() {
        let start = end - w.len();
        if QUALIFIERS.contains(&w) {
            end = before[..start].trim_end().len();
            continue;
        }
        let glued = w
            .char_indices()
            .skip(1)
            .find(|&(i, c)| c.is_uppercase() && QUALIFIERS.contains(&&w[i..]));
        return match glued {
            Some((i, _)) => &before[..start + i],
            None => &before[..end],
        };
    }
    names
}

/// Words between a byline's names and its role: "Staff Writer", "Business Columnist".
const QUALIFIERS: &[&str] = &[
    "Staff",
    "Senior",
    "Chief",
    "Special",
    "Contributing",
    "Business",
    "Political",
    "Politics",
    "Sports",
    "Science",
    "Health",
    "Technology",
    "Tech",
];

/// Words that are never part of a person's or an editorial board's name in a byline.
const NOT_NAME_WORDS: &[&str] = &[
    "using",
    "clicking",
    "continuing",
    "signing",
    "subscribing",
    "the",
    "this",
    "our",
    "your",
    "news",
    "home",
    "menu",
    "search",
    "login",
    "share",
    "follow",
    "subscribe",
    "comments",
    // Labels and section names that read like two capitalised words: "Key Points", "Courtesy
    // Google", "Boys Soccer", "Trading Nation".
    "points",
    "courtesy",
    "soccer",
    "basketball",
    "football",
    "baseball",
    "hockey",
    "boys",
    "girls",
    "trading",
    "entries",
    "feed",
    "photo",
    "photos",
    "video",
    "videos",
    "updated",
    "published",
];

/// Whether a string could be a name: 1 to 6 words, each starting with an upper-case letter or
/// being a particle (de, van, bin, al), no digits.
pub fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let particles = [
        "de", "da", "van", "von", "der", "bin", "al", "el", "la", "le", "di", "du", "ibn", "del",
        "della", "dos", "das",
    ];
    let mut capitalised = 0;
    for w in &words {
        let lw = w.to_lowercase();
        if NOT_NAME_WORDS.contains(&lw.as_str()) && !(words.len() > 1 && lw == "news") {
            return false;
        }
        if particles.contains(&lw.as_str()) {
            continue;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        {
            return false;
        }
        capitalised += 1;
    }
    capitalised > 0
}

/// "KRIKOR KHODANIAN" becomes "Krikor Khodanian"; mixed case is left alone.
pub fn title_case_if_shouting(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.iter().any(|c| c.is_lowercase()) {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A dateline at the start of a paragraph: "MADRID —", "BAKU –", "WASHINGTON (Reuters) -".
/// Returns the place as written.
///
/// ```
/// use slant_corpus::meta::dateline;
/// assert_eq!(dateline("BAKU – September 5, 2025"), Some("BAKU"));
/// assert_eq!(dateline("WASHINGTON (Reuters) - The Senate voted"), Some("WASHINGTON"));
/// assert_eq!(dateline("The Senate voted"), None);
/// ```
pub fn dateline(line: &str) -> Option<&str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}(?:, [A-Z][A-Za-z.]+)?)\s*(?:\([^)]{1,40}\)\s*)?[–—-]{1,2}\s")
            .expect("dateline pattern compiles")
    });
    let c = re.captures(line.trim_start())?;
    let place = c.get(1)?.as_str();
    (place.chars().filter(|c| c.is_alphabetic()).count() >= 2).then_some(place)
}

/// What follows a dateline ("BAKU – September 5, 2025" gives "September 5, 2025").
pub fn after_dateline(line: &str) -> Option<&str> {
    let place = dateline(line)?;
    let t = line.trim_start();
    let rest = t.get(place.len()..)?;
    let at = rest.find(['–', '—', '-'])?;
    let rest = &rest[at..];
    Some(rest.trim_start_matches(['–', '—', '-']).trim_start())
}

/// The outlet named by a copyright line ("© 2021 Aze.Media – Daily Digest" gives "Aze.Media").
/// The marks, years and ranges around the name go, in any order ("© Copyright 2019, The
/// Spokesman-Review", "copyright Inexhibit 2019"), and so does what follows it: a rights
/// notice in English, Portuguese, Spanish, French, German or Italian, a company form, a web
/// address in brackets. A line that names no one ("© 2019 All rights reserved", "Copyright ©
/// 2002-2019 - Designed by …") gives nothing.
pub fn copyright_holder(line: &str) -> Option<String> {
    let t = line.trim();
    let at = t
        .find('©')
        .map(|i| i + '©'.len_utf8())
        .or_else(|| starts_with_ascii_ci(t, "copyright").then_some("copyright".len()))?;
    let mut rest = t[at..].trim_start();
    // Skip "(c)", "Copyright", "©", years and ranges, in any order.
    loop {
        let before = rest.len();
        rest = rest.trim_start_matches(|c: char| {
            c.is_ascii_digit() || matches!(c, '-' | '–' | '—' | ' ' | ',' | '.' | '©')
        });
        for mark in ["copyright", "(c)"] {
            if starts_with_ascii_ci(rest, mark) {
                rest = &rest[mark.len()..];
            }
        }
        if rest.len() == before {
            break;
        }
    }
    // (ASCII lower case keeps every byte where it is.)
    let lower = rest.to_ascii_lowercase();
    let mut end = rest.len();
    for stop in [
        " – ",
        " — ",
        " - ",
        "|",
        "•",
        ".  ",
        ". all",
        " all rights",
        ",",
        " (www",
        " (http",
        " unless otherwise",
        ". todos",
        " todos os direitos",
        " todos los derechos",
        " tous droits",
        " alle rechte",
        " tutti i diritti",
    ] {
        if let Some(i) = lower.find(stop) {
            end = end.min(i);
        }
    }
    for stop in [" Inc", " LLC", " Ltd"] {
        if let Some(i) = rest.find(stop) {
            end = end.min(i);
        }
    }
    // A full stop run into a capital ends a name of words ("Cable News Network.Turner
    // Broadcasting"), not a name of one ("Aze.Media").
    let bytes = rest.as_bytes();
    if let Some(i) = (1..end.saturating_sub(1)).find(|&i| {
        bytes[i] == b'.'
            && bytes[i - 1].is_ascii_alphabetic()
            && bytes[i + 1].is_ascii_uppercase()
            && bytes[..i].contains(&b' ')
    }) {
        end = i;
    }
    // Years after the name: "Phys.org 2003", "The Anti-June Cleaver 2011-2019".
    let name = rest[..end]
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '–' | ' ' | ','))
        .trim()
        .trim_end_matches('.');
    let names_no_one = ["all rights", "designed by", "powered by", "theme by"]
        .iter()
        .any(|p| starts_with_ascii_ci(name, p));
    let words = name.split_whitespace().count();
    // A capital, or a letter of a script without case ("ノート100YEN.com").
    let capital = |c: char| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase());
    ((1..=5).contains(&words) && !names_no_one && name.chars().next().is_some_and(capital))
        .then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_table() {
        let cases = [
            (
                "date 2025-07-23 23 July 2025 14:20 (UTC+04:00)",
                Some("2025-07-23"),
            ),
            (
                "By AzeMedia Published July 5, 2025 6 Min Read",
                Some("2025-07-05"),
            ),
            ("Sept. 30, 2019", Some("2019-09-30")),
            ("Nov 3rd, 2020", Some("2020-11-03")),
            ("3rd of November 2020", Some("2020-11-03")),
            ("2019/11/20 08:00", Some("2019-11-20")),
            ("5:45 AM PST 11/19/2019", Some("2019-11-19")),
            ("21/06/2014 Tony Carter", Some("2014-06-21")),
            ("05/03/2024", None),
            ("February 30, 2020", None),
            ("May the force be with you 2020", None),
            ("Mayor 5, 2020", None),
            // Day first, months in French, Spanish, Portuguese, German and Italian.
            ("AFP 30 avril 2015 à 07:19", Some("2015-04-30")),
            ("Le 1er mai 2015", Some("2015-05-01")),
            ("21 de diciembre de 2018", Some("2018-12-21")),
            ("21.dez.2018 às 12h55", Some("2018-12-21")),
            ("Mis à jour le 3 déc. 2019", Some("2019-12-03")),
            ("3. März 2019", Some("2019-03-03")),
            ("12 settembre 2019", Some("2019-09-12")),
            ("5 Okt 2020", Some("2020-10-05")),
            ("5 out of 2020 voters", None),
            ("31 juin 2019", None),
            ("21 diciembrex 2018", None),
        ];
        for (line, want) in cases {
            assert_eq!(find_date(line).map(|d| d.0).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn iso_manifest_dates() {
        assert_eq!(parse_iso_date("2025-07-05").as_deref(), Some("2025-07-05"));
        assert_eq!(
            parse_iso_date("2025-07-05T10:00:00Z").as_deref(),
            Some("2025-07-05")
        );
        assert_eq!(parse_iso_date("2025-13-05"), None);
        assert_eq!(parse_iso_date("5 July 2025"), None);
        assert_eq!(parse_iso_date("2025-07-05x"), None);
        // A signed month or day parses as a number, and February has 29 days in leap years only.
        assert_eq!(parse_iso_date("2025-+7-+5"), None);
        assert_eq!(parse_iso_date("2025-02-29"), None);
        assert_eq!(parse_iso_date("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(parse_iso_date("1900-02-29"), None);
        assert_eq!(parse_iso_date("2000-02-29").as_deref(), Some("2000-02-29"));
        assert_eq!(find_date("Published February 29, 2025"), None);
    }

    #[test]
    fn stamp_lines() {
        assert!(is_stamp_line("July 8, 2025 9 Min Read"));
        assert!(is_stamp_line(
            " date 2025-07-23 23 July 2025 14:20 (UTC+04:00)"
        ));
        assert!(is_stamp_line("13 hours ago"));
        assert!(!is_stamp_line("Energy News July 8, 2025"));
        assert!(!is_stamp_line("The plane fell on July 8, 2025."));
    }

    #[test]
    fn bylines() {
        assert_eq!(
            parse_byline("By Azerbaijan.US Editorial Board").as_deref(),
            Some("Azerbaijan.US Editorial Board")
        );
        assert_eq!(
            parse_byline("by Maria de la Cruz | AP").as_deref(),
            Some("Maria de la Cruz")
        );
        assert_eq!(
            parse_byline("By the time the plane landed, it was dark."),
            None
        );
        assert_eq!(parse_byline("By 2030 the corridor will be open."), None);
        assert_eq!(
            parse_byline("POSTED ON March 3, 2024 BY Maria Lopez").as_deref(),
            Some("Maria Lopez")
        );
        // A role after the names is no part of them, run into the name or not; a name with a
        // capital inside is whole.
        assert_eq!(
            parse_byline("By Ronald McDonald Senior Political Correspondent").as_deref(),
            Some("Ronald McDonald")
        );
        assert_eq!(
            parse_byline("By Ronald McDonaldStaff Writer").as_deref(),
            Some("Ronald McDonald")
        );
    }

    /// French, Spanish and Portuguese bylines open "Par" and "Por", and join names with "et"
    /// and "y": "Par Laurence Defranoux" had been read as a name line, "Par" and all.
    #[test]
    fn bylines_in_french_spanish_and_portuguese() {
        for (line, names) in [
            ("Par Laurence Defranoux", Some("Laurence Defranoux")),
            (
                "Por Jeré Longman y Kevin Draper",
                Some("Jeré Longman; Kevin Draper"),
            ),
            (
                "Par Pierre Alonso et Martin Untersinger",
                Some("Pierre Alonso; Martin Untersinger"),
            ),
            ("Por favor, tente mais tarde!", None),
            (
                "Por qué Jerusalén está dividida en occidental y oriental",
                None,
            ),
            ("Par «mājsēdes» ignorēšanu sāk 613 lietas", None),
            ("Par for the course, the vote was delayed.", None),
        ] {
            assert_eq!(parse_byline(line).as_deref(), names, "{line}");
        }
    }

    /// German bylines open "Von" and join names with "und"; "Von der Leyen" is a name, and a
    /// sentence opening "Von" names no one.
    #[test]
    fn bylines_in_german() {
        for (line, names) in [
            (
                "Von Moritz Bachmann publiziert am 30. Juli 2018",
                Some("Moritz Bachmann"),
            ),
            (
                "Von Anna Schmidt und Peter Weber",
                Some("Anna Schmidt; Peter Weber"),
            ),
            (
                "Von Anna Schmidt aktualisiert vor 2 Stunden",
                Some("Anna Schmidt"),
            ),
            ("Von der Leyen", None),
            (
                "Von der Leyen sagte am Montag, die Kommission werde prüfen.",
                None,
            ),
            ("Von Montag an gelten neue Regeln.", None),
            ("Von Anfang an", None),
        ] {
            assert_eq!(parse_byline(line).as_deref(), names, "{line}");
        }
    }

    /// A name with the time of writing after it is a byline without "By" (SlashGear's
    /// "Chris Davies - Nov 19, 2019, 10:31 pm CST", Ars Technica's "Dan Goodin - Apr 16,
    /// 2015 8:02 pm UTC", msn's "Alex Perry 1 day ago", "Carlos Nadalim 27/09/2018 Comente!").
    #[test]
    fn a_name_with_the_time_of_writing_is_a_byline() {
        for (line, name) in [
            (
                "Chris Davies - Nov 19, 2019, 10:31 pm CST",
                Some("Chris Davies"),
            ),
            ("Carlos Nadalim 27/09/2018 Comente!", Some("Carlos Nadalim")),
            ("Alex Perry | 3 hours ago", Some("Alex Perry")),
            ("Maria de la Cruz · 5 days ago", Some("Maria de la Cruz")),
            ("La Une du 30 avril 2015", None),
            ("Breaking News - Nov 5, 2019", None),
            ("MIDDLE EAST - Nov 5, 2019", None),
            ("la Nación - 5 de mayo de 2019", None),
            ("Jane Roe - Nov 2019", None),
            ("Jane Roe - 3 hours", None),
            ("Jane Roe 3 days later", None),
            ("Jane - Nov 5, 2019", None),
            ("Jane Roe - The Plane Crash Inquiry Opens Nov 5, 2019", None),
        ] {
            assert_eq!(name_with_stamp(line).as_deref(), name, "{line}");
        }
    }

    /// A name with the author's handle after it is a byline without "By" (TechCrunch's
    /// "Catherine Shu @catherineshu / 2 days", CNBC's "Natasha Turak@NatashaTurak"), when the
    /// handle spells a word of the name.
    #[test]
    fn a_name_with_its_handle_is_a_byline() {
        for (line, name) in [
            (
                "Catherine Shu @catherineshu / 2 days",
                Some("Catherine Shu"),
            ),
            ("Natasha Turak@NatashaTurak", Some("Natasha Turak")),
            ("KERIS LAHIFF, @kerislahiff", Some("Keris Lahiff")),
            ("Jane Roe @dailyplanet", None),
            ("Follow Jane Roe and the Team @janeroe", None),
            ("Reuters @reuters", None),
            ("Jo Smithers @jo_official", None),
            ("Jane Roe: read more @janeroe", None),
            ("Jane Roe", None),
        ] {
            assert_eq!(name_with_handle(line).as_deref(), name, "{line}");
        }
    }

    /// A byline that goes on with the author's handle, or with a date that states no year,
    /// had given no author at all ("by Ahiza Garcia @ahiza_garcia February 1, 2016", "By
    /// Erin Cunningham March 18 at 3:57 PM Follow @erinmcunningham"), and "del" in a name
    /// had ended the names ("By Jeremy Herb, Lauren del Valle and Kara Scannell, CNN").
    #[test]
    fn a_handle_or_a_date_without_its_year_ends_a_bylines_names() {
        for (line, names) in [
            (
                "by Ahiza Garcia @ahiza_garcia February 1, 2016: 12:41 PM ET",
                "Ahiza Garcia",
            ),
            (
                "By Erin Cunningham March 18 at 3:57 PM  Follow @erinmcunningham",
                "Erin Cunningham",
            ),
            ("By Jane Roe Sept. 4", "Jane Roe"),
            ("By Jane Roe Apr 16, 8:02 pm UTC", "Jane Roe"),
            ("By June Smith", "June Smith"),
            ("By Marcus May", "Marcus May"),
            (
                "By Jeremy Herb, Lauren del Valle and Kara Scannell, CNN",
                "Jeremy Herb; Lauren del Valle; Kara Scannell",
            ),
        ] {
            assert_eq!(parse_byline(line).as_deref(), Some(names), "{line}");
        }
        assert_eq!(month_and_day("Jane Roe March 18 at 3:57 PM"), Some(9));
        assert_eq!(month_and_day("Jane Roe Mar. 18"), Some(9));
        assert_eq!(month_and_day("Jane Roe march 18"), None);
        assert_eq!(month_and_day("Jane Roe Ma 18"), None);
        assert_eq!(month_and_day("Jane Roe May 123"), None);
        assert_eq!(month_and_day("June Roe"), None);
    }

    /// An outlet or a role after a comma was listed as a second author ("Jane Doe; Associated
    /// Press", "Daniel Kahn Gillmor; Senior Staff Technologist; ACLU Speech; Privacy").
    #[test]
    fn an_affiliation_after_a_bylines_name_is_no_author() {
        for (line, want) in [
            ("By Jane Doe, Associated Press", "Jane Doe"),
            ("By Jane Doe, Bloomberg News", "Jane Doe"),
            ("By Jane Doe, USA TODAY", "Jane Doe"),
            (
                "By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and \
                 Technology Project",
                "Daniel Kahn Gillmor",
            ),
            ("By Rachael Link, MS, RD", "Rachael Link"),
            // Another name after the role is an author too.
            (
                "By Jane Doe, Staff Writer, and John Roe, Staff Writer",
                "Jane Doe; John Roe",
            ),
            // Names after names stay, shouted or not.
            (
                "By Jane Doe, John Roe and Ann Lee",
                "Jane Doe; John Roe; Ann Lee",
            ),
            ("By JANE DOE, JOHN ROE", "Jane Doe; John Roe"),
        ] {
            assert_eq!(parse_byline(line).as_deref(), Some(want), "{line}");
        }
    }

    /// "İ" lower-cases to three bytes: " by " was found in a lower-cased copy and its offset
    /// cut the line inside "é", a panic on a scraped page.
    #[test]
    fn a_stamp_byline_is_cut_where_the_line_has_its_by() {
        assert_eq!(parse_byline("Posted İİİİİ by ééé"), None);
        assert_eq!(
            parse_byline("Posted in İzmir on March 3, 2024 by Maria Lopez").as_deref(),
            Some("Maria Lopez")
        );
        for (line, want) in [
            (
                "5:45 AM PST 11/19/2019 by Patrick Shanley",
                Some("Patrick Shanley"),
            ),
            (
                "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST",
                Some("Michael David Smith"),
            ),
            ("Posted by Vortex", Some("Vortex")),
            ("The bill was signed in 2019 by the governor", None),
        ] {
            assert_eq!(parse_byline(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn labels_that_read_like_names_are_not_names() {
        for label in [
            "Key Points",
            "Courtesy Google",
            "Boys Soccer",
            "Trading Nation",
        ] {
            assert!(!looks_like_name(label), "{label}");
        }
        for name in ["Akbar Novruz", "Troy L. Smith", "Ursula von der Leyen"] {
            assert!(looks_like_name(name), "{name}");
        }
    }

    #[test]
    fn copyright() {
        assert_eq!(
            copyright_holder("© 2021 Aze.Media – Daily Digest").as_deref(),
            Some("Aze.Media")
        );
        assert_eq!(
            copyright_holder("Copyright © 2019 Sportsnet. All rights reserved.").as_deref(),
            Some("Sportsnet")
        );
        assert_eq!(copyright_holder("no mark here"), None);
        for (line, want) in [
            (
                "© Copyright 2019, The Spokesman-Review | Terms of Service",
                Some("The Spokesman-Review"),
            ),
            (
                "Hearst Newspapers © Copyright Hearst Communications, Inc.",
                Some("Hearst Communications"),
            ),
            ("© Copyright Gannett 2018", Some("Gannett")),
            (
                "copyright Inexhibit 2019 - ISSN: 2283-5474",
                Some("Inexhibit"),
            ),
            (
                "Copyright © 2010 AUTORACING. Todos os direitos reservados.",
                Some("AUTORACING"),
            ),
            (
                "© 2000 - 2019 Al Bawaba (www.albawaba.com)",
                Some("Al Bawaba"),
            ),
            (
                "© 2019 Cable News Network.Turner Broadcasting System, Inc.All Rights Reserved.",
                Some("Cable News Network"),
            ),
            (
                "Copyright 2019. Washington Examiner. All Rights Reserved.",
                Some("Washington Examiner"),
            ),
            ("© 2019 Phys.org", Some("Phys.org")),
            ("© All rights reserved | Terms", None),
            (
                "Copyright © 2002-2019 - Designed by Gray Digital Media - Powered by Clickability",
                None,
            ),
            ("Copyright 2019", None),
            (
                "© Copyright 2011-2019 ノート100YEN.com",
                Some("ノート100YEN.com"),
            ),
        ] {
            assert_eq!(copyright_holder(line).as_deref(), want, "{line}");
        }
    }
}
