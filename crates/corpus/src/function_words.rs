//! Function words of the languages news is most often scraped in besides English, for the
//! cleaner's test of prose.
//!
//! The cleaner tells an article's sentences from a page's menus by their share of function
//! words ("the", "of", "and"…). On a page in another language it reads that language's function
//! words off the page itself (the short words its longer lines repeat), which a short article
//! does not repeat often enough: a Latvian sentence of 20 words held none of the words its page
//! had repeated three times. These lists, the commonest articles, pronouns, prepositions,
//! conjunctions and auxiliaries of each language (written for this project), give the page's
//! language its function words from the first line. The report counts them as stop words of
//! a document in that language, so that its terms are its content words.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::normalize::lowercase_into;
use crate::stopwords::is_stopword;

/// A language's code (ISO 639-1) and its function words, lower case.
pub const LANGUAGES: &[(&str, &[&str])] = &[
    (
        "az",
        &[
            "ancaq", "artıq", "bir", "bu", "da", "daha", "də", "edib", "edir", "görə", "hər",
            "həm", "ilə", "isə", "ki", "kimi", "lakin", "o", "olan", "olaraq", "olub", "onun",
            "qədər", "sonra", "çox", "üçün", "və", "ən",
        ],
    ),
    (
        "ca",
        &[
            "a", "al", "als", "amb", "com", "de", "del", "dels", "el", "els", "en", "entre", "era",
            "es", "és", "ha", "han", "i", "la", "les", "però", "per", "més", "no", "o", "que",
            "se", "seu", "seva", "són", "un", "una", "va",
        ],
    ),
    (
        "cs",
        &[
            "a", "ale", "aby", "až", "byl", "byla", "bylo", "do", "i", "jak", "jako", "je", "jeho",
            "jen", "již", "jsou", "k", "kde", "které", "který", "která", "když", "mezi", "na",
            "než", "o", "od", "po", "podle", "pro", "při", "s", "se", "si", "tak", "také", "to",
            "už", "v", "ve", "však", "z", "za", "že",
        ],
    ),
    (
        "da",
        &[
            "af", "at", "de", "dem", "den", "der", "det", "efter", "eller", "en", "er", "et",
            "for", "fra", "han", "har", "hun", "i", "ikke", "kan", "med", "men", "når", "og", "om",
            "også", "på", "sig", "sin", "som", "til", "var", "vil",
        ],
    ),
    (
        "de",
        &[
            "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den",
            "der", "des", "die", "durch", "ein", "eine", "einem", "einen", "einer", "er", "es",
            "für", "hat", "haben", "im", "in", "ist", "mit", "nach", "nicht", "noch", "nur",
            "oder", "sich", "sie", "sind", "über", "um", "und", "unter", "vom", "von", "vor",
            "war", "wie", "wird", "wurde", "zu", "zum", "zur",
        ],
    ),
    (
        "el",
        &[
            "από",
            "για",
            "δεν",
            "είναι",
            "η",
            "θα",
            "και",
            "με",
            "να",
            "ο",
            "οι",
            "που",
            "σε",
            "στην",
            "στο",
            "στον",
            "τα",
            "την",
            "της",
            "τη",
            "το",
            "τον",
            "του",
            "των",
            "ως",
        ],
    ),
    (
        "es",
        &[
            "a", "al", "como", "con", "de", "del", "desde", "durante", "el", "ella", "en", "entre",
            "era", "es", "esta", "este", "está", "fue", "ha", "han", "hay", "la", "las", "le",
            "les", "lo", "los", "más", "muy", "ni", "no", "o", "para", "pero", "por", "que", "se",
            "sin", "sobre", "son", "su", "sus", "también", "un", "una", "y", "ya",
        ],
    ),
    (
        "fi",
        &[
            "ei", "ettei", "että", "he", "hän", "ja", "jo", "joka", "jonka", "kanssa", "kun",
            "kuin", "mukaan", "mutta", "myös", "niin", "nyt", "oli", "olivat", "on", "ovat", "se",
            "sen", "sitä", "tai", "vain",
        ],
    ),
    (
        "fr",
        &[
            "à", "après", "au", "aussi", "aux", "avec", "c'est", "ce", "ces", "cette", "d'un",
            "d'une", "dans", "de", "des", "du", "elle", "en", "est", "et", "été", "était", "il",
            "ils", "la", "le", "les", "leur", "lui", "mais", "n'est", "ne", "nous", "ont", "ou",
            "où", "par", "pas", "plus", "pour", "qu'il", "qui", "que", "s'est", "sa", "sans", "se",
            "sera", "ses", "son", "sont", "sur", "un", "une", "vous", "y",
        ],
    ),
    (
        "hr",
        &[
            "a", "ali", "bi", "bio", "da", "do", "i", "iz", "je", "još", "kao", "koja", "koje",
            "koji", "na", "nakon", "ne", "o", "od", "po", "sa", "se", "su", "te", "u", "za", "će",
            "što",
        ],
    ),
    (
        "hu",
        &[
            "a", "az", "be", "csak", "de", "egy", "el", "és", "hogy", "is", "kell", "ki", "meg",
            "mert", "még", "mint", "már", "nem", "pedig", "szerint", "után", "van", "vagy", "volt",
        ],
    ),
    (
        "hy",
        &[
            "այն",
            "այս",
            "բայց",
            "եւ",
            "են",
            "էին",
            "էր",
            "է",
            "ի",
            "իր",
            "ինչպես",
            "կամ",
            "կողմից",
            "համար",
            "հետ",
            "մասին",
            "մեջ",
            "նա",
            "նաև",
            "նրա",
            "որ",
            "ու",
            "թե",
            "և",
        ],
    ),
    (
        "id",
        &[
            "ada", "adalah", "akan", "atau", "bahwa", "bisa", "dalam", "dan", "dari", "dengan",
            "di", "ia", "ini", "itu", "juga", "karena", "ke", "kita", "lebih", "mereka", "namun",
            "oleh", "pada", "saat", "sudah", "telah", "tersebut", "tidak", "untuk", "yang",
        ],
    ),
    (
        "it",
        &[
            "a", "al", "alla", "anche", "che", "ci", "come", "con", "da", "dal", "degli", "dei",
            "del", "della", "delle", "di", "dopo", "e", "è", "gli", "ha", "hanno", "i", "il", "in",
            "la", "le", "lo", "ma", "nel", "nella", "non", "per", "più", "se", "si", "sono", "su",
            "sul", "sulla", "tra", "un", "una", "uno",
        ],
    ),
    (
        "kk",
        &[
            "арқылы",
            "ал",
            "бар",
            "бойынша",
            "болып",
            "бұл",
            "бірақ",
            "да",
            "де",
            "деп",
            "еді",
            "және",
            "кейін",
            "мен",
            "ол",
            "оның",
            "осы",
            "сол",
            "та",
            "те",
            "туралы",
            "үшін",
        ],
    ),
    (
        "lt",
        &[
            "apie", "ar", "bei", "bet", "buvo", "dėl", "iki", "ir", "iš", "jis", "ji", "jo", "jie",
            "kad", "kaip", "kur", "nuo", "o", "per", "po", "su", "tai", "tačiau", "už", "yra", "į",
        ],
    ),
    (
        "lv",
        &[
            "ar", "arī", "bet", "bija", "būs", "ir", "jau", "ka", "kad", "kas", "kā", "lai",
            "līdz", "no", "par", "pēc", "pie", "tam", "tas", "tikai", "tā", "un", "uz", "vai",
            "var", "viņa", "viņš",
        ],
    ),
    (
        "nl",
        &[
            "aan", "al", "als", "bij", "dan", "dat", "de", "deze", "die", "door", "een", "en",
            "er", "geen", "haar", "heeft", "het", "hij", "in", "is", "kan", "maar", "met", "naar",
            "niet", "nog", "of", "om", "ook", "op", "over", "te", "tot", "uit", "van", "voor",
            "was", "wel", "werd", "wordt", "ze", "zich", "zijn",
        ],
    ),
    (
        "no",
        &[
            "av", "da", "de", "den", "det", "eller", "en", "er", "et", "etter", "for", "fra",
            "han", "har", "hun", "i", "ikke", "kan", "med", "men", "når", "og", "også", "om", "på",
            "seg", "sin", "skal", "som", "til", "var", "vil", "å",
        ],
    ),
    (
        "pl",
        &[
            "a", "ale", "bo", "by", "był", "była", "było", "czy", "dla", "do", "go", "i", "ich",
            "jak", "jako", "jego", "jej", "jest", "już", "lub", "na", "nie", "o", "od", "oraz",
            "po", "pod", "przez", "przy", "się", "są", "tak", "także", "to", "w", "we", "z", "za",
            "że",
        ],
    ),
    (
        "pt",
        &[
            "a", "ao", "aos", "após", "as", "com", "como", "da", "das", "de", "do", "dos", "e",
            "ela", "ele", "em", "entre", "era", "está", "foi", "há", "mais", "mas", "na", "nas",
            "no", "nos", "não", "o", "os", "ou", "para", "pela", "pelo", "por", "que", "se", "sem",
            "ser", "sobre", "sua", "são", "também", "tem", "um", "uma", "à", "é",
        ],
    ),
    (
        "ro",
        &[
            "a", "al", "ale", "ca", "care", "ce", "cu", "dar", "de", "din", "după", "este", "fi",
            "fost", "iar", "în", "la", "lui", "mai", "nu", "o", "pe", "pentru", "prin", "se",
            "sau", "sunt", "să", "un", "și", "că",
        ],
    ),
    (
        "ru",
        &[
            "а",
            "без",
            "бы",
            "был",
            "была",
            "были",
            "было",
            "в",
            "во",
            "вы",
            "для",
            "до",
            "его",
            "ее",
            "её",
            "если",
            "же",
            "за",
            "и",
            "из",
            "или",
            "их",
            "к",
            "как",
            "когда",
            "ли",
            "мы",
            "на",
            "не",
            "но",
            "о",
            "он",
            "она",
            "они",
            "от",
            "по",
            "после",
            "при",
            "с",
            "со",
            "так",
            "также",
            "то",
            "только",
            "у",
            "уже",
            "что",
            "это",
        ],
    ),
    (
        "sk",
        &[
            "a", "aj", "ako", "ale", "bol", "bola", "bolo", "do", "i", "je", "jeho", "k", "ktorá",
            "ktoré", "ktorý", "na", "nie", "o", "od", "po", "podľa", "pre", "pri", "s", "sa", "sú",
            "tak", "to", "už", "v", "vo", "z", "za", "že",
        ],
    ),
    (
        "sv",
        &[
            "av", "de", "den", "det", "efter", "eller", "en", "ett", "för", "från", "han", "har",
            "hon", "i", "inte", "kan", "med", "men", "när", "och", "också", "om", "på", "som",
            "till", "under", "var", "vid", "är", "att",
        ],
    ),
    (
        "tr",
        &[
            "ama", "ancak", "bir", "bu", "da", "daha", "de", "değil", "en", "gibi", "göre", "için",
            "ile", "ise", "kadar", "ki", "olan", "olarak", "sonra", "ve", "veya", "ya", "çok",
            "şu",
        ],
    ),
    (
        "uk",
        &[
            "а",
            "або",
            "але",
            "б",
            "був",
            "була",
            "було",
            "в",
            "від",
            "вже",
            "він",
            "вона",
            "вони",
            "до",
            "для",
            "з",
            "за",
            "й",
            "його",
            "коли",
            "на",
            "не",
            "по",
            "при",
            "та",
            "також",
            "те",
            "у",
            "це",
            "що",
            "як",
            "є",
            "і",
            "із",
        ],
    ),
];

/// For each function word of [`LANGUAGES`], the languages that have it, one bit each (in the
/// order of the list).
fn index() -> &'static FxHashMap<&'static [u8], u32> {
    static INDEX: OnceLock<FxHashMap<&'static [u8], u32>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = FxHashMap::default();
        for (i, (_, list)) in LANGUAGES.iter().enumerate() {
            for w in *list {
                *map.entry(w.as_bytes()).or_insert(0) |= 1 << i;
            }
        }
        map
    })
}

const _: () = assert!(LANGUAGES.len() <= 32, "one bit per language in the index");

/// One language's function words, for lookups by word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FunctionWords {
    /// The language's bit in [`index`].
    bit: u32,
    /// The articles, pronouns and conjunctions its words take elided before them ("l'",
    /// "qu'"), if it writes them so.
    elisions: &'static [&'static str],
}

/// The elided words French, Italian and Catalan write onto the next word with an apostrophe
/// ("l'armée", "dell'esercito", "d'Azerbaïdjan"), as slant's normalised tokens write them: one
/// token with the word.
const ELISIONS: [(&str, &[&str]); 3] = [
    ("ca", &["d'", "l'", "m'", "n'", "s'", "t'"]),
    (
        "fr",
        &[
            "c'", "d'", "j'", "jusqu'", "l'", "lorsqu'", "m'", "n'", "puisqu'", "qu'", "s'", "t'",
        ],
    ),
    (
        "it",
        &[
            "all'", "c'", "d'", "dall'", "dell'", "l'", "m'", "nell'", "quell'", "quest'", "s'",
            "sull'", "t'", "un'",
        ],
    ),
];

impl FunctionWords {
    /// The function words of the language a tag names: its primary subtag, in any case
    /// (`de`, `pt-BR`, `PT_br`). `None` for English, whose stop words are
    /// [`crate::stopwords`], and for a language without a list here.
    pub fn of_tag(tag: &str) -> Option<FunctionWords> {
        let primary = primary_subtag(tag);
        let elisions = ELISIONS
            .iter()
            .find(|(code, _)| *code == primary)
            .map_or(&[][..], |(_, e)| *e);
        LANGUAGES
            .iter()
            .position(|(code, _)| *code == primary)
            .map(|i| FunctionWords {
                bit: 1 << i,
                elisions,
            })
    }

    /// Whether `word` (lower case, as UTF-8 bytes) is one of them.
    pub fn contains(&self, word: &[u8]) -> bool {
        index().get(word).is_some_and(|bits| bits & self.bit != 0)
    }

    /// How many bytes of `word` (lower case) are an elided word before it: 2 of "l'armée", 3 of
    /// "qu'il"; 0 when none, or when nothing but the elision is left ("l'").
    pub fn elided(&self, word: &[u8]) -> usize {
        self.elisions
            .iter()
            .map(|e| e.as_bytes())
            .find(|e| word.len() > e.len() && word.starts_with(e))
            .map_or(0, <[u8]>::len)
    }
}

/// A language tag's primary subtag, lower case: `pt` of `pt-BR`, `de` of `DE_at`; `en` of a
/// column that names English in words (`English`); empty for an empty tag.
pub fn primary_subtag(tag: &str) -> String {
    let primary = tag
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if primary == "english" {
        "en".to_string()
    } else {
        primary
    }
}

/// The language of a document's text, as a code: `en` when English stop words are at least
/// 15% of its first 200 words, numbers aside (or a quarter of its first 50), else the language of
/// [`language_of`] over them, else the language its script tells ([`SCRIPT_LANGUAGES`]); empty
/// when none of these.
pub fn guess(text: &str) -> &'static str {
    let mut tally = Tally::default();
    let mut english = 0;
    let mut lower = String::new();
    for w in text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        // (A number is a word of no language: a table of results says nothing.)
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
        .take(200)
    {
        lowercase_into(&mut lower, w);
        english += usize::from(is_stopword(&lower));
        tally.add(&lower);
        // (English news is near half stop words: a quarter in the first 50 words settles it.)
        if tally.total == 50 && english * 4 >= tally.total {
            return "en";
        }
    }
    if tally.total >= 8 && english * 100 >= tally.total * 15 {
        return "en";
    }
    match tally.best() {
        Some((code, _)) if tally.total >= 8 => code,
        _ => by_script(text),
    }
}

/// The languages [`guess`] tells by their script alone, having no list here: Arabic, Persian,
/// Urdu, Hebrew, Chinese, Japanese, Korean, Thai, Hindi (Devanagari) and Georgian.
pub const SCRIPT_LANGUAGES: [&str; 10] =
    ["ar", "fa", "ur", "he", "zh", "ja", "ko", "th", "hi", "ka"];

/// The language of a text written in a script of one language, or nearly: of the letters of
/// its first 4,000 bytes, at least half Arabic (`ar`; `fa` with Persian's four letters, `ur`
/// with Urdu's ے), Hebrew, Chinese characters (`ja` when a tenth of them are kana), Hangul,
/// Thai, Devanagari (`hi`) or Georgian. Empty otherwise.
fn by_script(text: &str) -> &'static str {
    // Letters of each script, in the order of the match below, and all letters.
    let mut n = [0usize; 10];
    let mut letters = 0;
    for c in text.chars().take(4_000) {
        if !c.is_alphabetic() {
            continue;
        }
        letters += 1;
        let at = match c {
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => 0,
            '\u{0590}'..='\u{05FF}' => 1,
            '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' => 2,
            '\u{3040}'..='\u{30FF}' => 3,
            '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' => 4,
            '\u{0E00}'..='\u{0E7F}' => 5,
            '\u{0900}'..='\u{097F}' => 6,
            '\u{10A0}'..='\u{10FF}' => 7,
            // Persian's پ چ ژ گ, and Urdu's ے.
            _ => continue,
        };
        n[at] += 1;
        if matches!(c, 'پ' | 'چ' | 'ژ' | 'گ') {
            n[8] += 1;
        } else if c == 'ے' {
            n[9] += 1;
        }
    }
    let half = |k: usize| k > 0 && k * 2 >= letters;
    if half(n[0]) {
        if n[9] > 0 {
            "ur"
        } else if n[8] * 100 >= n[0] {
            "fa"
        } else {
            "ar"
        }
    } else if half(n[1]) {
        "he"
    } else if half(n[2] + n[3]) {
        if n[3] * 10 >= n[2] + n[3] {
            "ja"
        } else {
            "zh"
        }
    } else if half(n[4]) {
        "ko"
    } else if half(n[5]) {
        "th"
    } else if half(n[6]) {
        "hi"
    } else if half(n[7]) {
        "ka"
    } else {
        ""
    }
}

/// Words seen, and how many of them are each language's function words.
#[derive(Default)]
struct Tally {
    hits: [usize; LANGUAGES.len()],
    total: usize,
}

impl Tally {
    fn add(&mut self, word: &str) {
        self.total += 1;
        if let Some(&bits) = index().get(word.as_bytes()) {
            let mut b = bits;
            while b != 0 {
                self.hits[b.trailing_zeros() as usize] += 1;
                b &= b - 1;
            }
        }
    }

    /// The language with the most hits, if they are at least a tenth of the words; on a tie,
    /// the first in the list.
    fn best(&self) -> Option<(&'static str, &'static [&'static str])> {
        let (best, &n) = self
            .hits
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
        (n > 0 && n * 10 >= self.total).then_some(LANGUAGES[best])
    }
}

/// The language of `words` (in any case) among [`LANGUAGES`]: the one whose function words are
/// the most of them, when they are at least a tenth (a language's function words are a third to
/// a half of its running text), with its code and list; on a tie, the first in the list.
/// `None` when no list reaches a tenth: a language without a list here.
///
/// English shares short words with several lists ("a", "in", "of", "was", "die"), a tenth of
/// its text or more: ask only of text that English stop words do not describe.
pub fn language_of<'a>(
    words: impl Iterator<Item = &'a str>,
) -> Option<(&'static str, &'static [&'static str])> {
    let mut tally = Tally::default();
    let mut lower = String::new();
    for w in words {
        lowercase_into(&mut lower, w);
        tally.add(&lower);
    }
    tally.best()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    fn lang(s: &str) -> Option<&'static str> {
        let w = words(s);
        language_of(w.iter().map(String::as_str)).map(|(code, _)| code)
    }

    #[test]
    fn lists_are_lower_case_sorted_sets() {
        let mut codes: Vec<&str> = LANGUAGES.iter().map(|(c, _)| *c).collect();
        let sorted = {
            let mut s = codes.clone();
            s.sort_unstable();
            s
        };
        assert_eq!(codes, sorted, "languages in the order of their codes");
        codes.dedup();
        assert_eq!(codes.len(), LANGUAGES.len());
        for (code, list) in LANGUAGES {
            let mut seen = std::collections::HashSet::new();
            for w in *list {
                assert_eq!(w.to_lowercase(), *w, "{code}: {w}");
                assert!(seen.insert(w), "{code}: {w} twice");
                // (Letters, and the straight apostrophe of an elided form, as slant's
                // normalised tokens write it: "d'un".)
                assert!(
                    w.starts_with(char::is_alphabetic)
                        && w.chars().all(|c| c.is_alphabetic() || c == '\''),
                    "{code}: {w:?}"
                );
            }
        }
    }

    #[test]
    fn tells_the_language_of_a_sentence() {
        for (text, code) in [
            ("Norvēģijas glābšanas komanda četras dienas pēc tam, kad zemes nogruvums apraka vairākas mājas Askas ciematā, atradusi piekto bojāgājušo.", "lv"),
            ("Un troisième Français a été tué dans le tremblement de terre samedi au Népal, emporté par une avalanche.", "fr"),
            ("O calendário da Cup é composto por 36 corridas, e os 12 primeiros disputam o título nas últimas.", "pt"),
            ("Auf Europas größter Expo und Conference für die Digitalbranche werden dieses Jahr mehr als 40.000 Besucher erwartet.", "de"),
            ("El Gobierno anunció este lunes que la ley de presupuestos se votará en el Congreso antes de fin de mes.", "es"),
            ("Характеристики бега можно увеличить за счет кодов, и это работает только после перезагрузки.", "ru"),
            ("Kita harus hati-hati terhadap aliran yang menanamkan kebencian pada satu kaum dan tidak adil.", "id"),
        ] {
            assert_eq!(lang(text), Some(code), "{text}");
        }
    }

    #[test]
    fn guesses_a_documents_language() {
        assert_eq!(guess("Officials in Baku said on Friday that the investigation into the crash had been handed to a new team."), "en");
        assert_eq!(guess("Un troisième Français a été tué dans le tremblement de terre samedi au Népal, emporté par une avalanche."), "fr");
        assert_eq!(guess("Too short to tell."), "");
        // Numbers are no words: a table of figures before the prose does not hide it.
        let figures = "1 2018 5040 17 27 ".repeat(60);
        let french =
            "Un troisième Français a été tué dans le tremblement de terre samedi au Népal.";
        assert_eq!(guess(&format!("{figures}{french}")), "fr");
        for (text, code) in [
            ("Azərbaycan Hava Yollarının təyyarəsi Qroznı üzərində vurulub və Aktauda qəzaya uğrayıb, bu barədə agentlik məlumat verib.", "az"),
            ("Türkiye ve Azerbaycan arasındaki ilişkiler bu yıl daha da güçlendi, ancak bazı sorunlar devam ediyor.", "tr"),
            ("Ադրբեջանական ավիաընկերության ինքնաթիռը խոցվել է Գրոզնիի վրա, և այն վթարի է ենթարկվել Ակտաուի մոտ, հայտնում է գործակալությունը։", "hy"),
            ("Әзербайжан әуе компаниясының ұшағы Ақтау маңында апатқа ұшырады және бұл туралы министрлік хабарлады.", "kk"),
            ("أعلنت السلطات في باكو أن التحقيق في تحطم الطائرة قد سلم إلى فريق جديد من الخبراء.", "ar"),
            ("هواپیمای مسافربری آذربایجان در نزدیکی اکتائو سقوط کرد و گروه تازه‌ای بررسی را آغاز کرده است.", "fa"),
            ("阿塞拜疆航空公司的客机在阿克套附近坠毁，调查已交由新的专家组负责。", "zh"),
            ("アゼルバイジャン航空の旅客機がアクタウ近郊で墜落し、調査は新しい専門家チームに引き継がれました。", "ja"),
            ("아제르바이잔 항공 여객기가 악타우 인근에서 추락했으며 조사는 새로운 전문가 팀에 넘겨졌다.", "ko"),
            ("המטוס של אזרבייג'ן איירליינס התרסק ליד אקטאו, והחקירה הועברה לצוות חדש של מומחים.", "he"),
        ] {
            assert_eq!(guess(text), code, "{text}");
        }
        assert_eq!(
            guess("Hà Nội hôm nay trời mưa nhiều, người dân ngại ra đường."),
            ""
        );
    }

    #[test]
    fn elided_words() {
        let fr = FunctionWords::of_tag("fr").unwrap();
        assert_eq!(fr.elided(b"l'arm\xc3\xa9e"), 2);
        assert_eq!(fr.elided(b"qu'il"), 3);
        assert_eq!(fr.elided(b"jusqu'ici"), 6);
        assert_eq!(fr.elided(b"l'"), 0);
        assert_eq!(fr.elided(b"avion"), 0);
        let it = FunctionWords::of_tag("it").unwrap();
        assert_eq!(it.elided(b"dell'esercito"), 5);
        // German writes none.
        assert_eq!(FunctionWords::of_tag("de").unwrap().elided(b"l'arm"), 0);
    }

    #[test]
    fn function_words_by_tag() {
        let de = FunctionWords::of_tag("de-DE").unwrap();
        assert!(de.contains(b"und") && de.contains("über".as_bytes()));
        assert!(!de.contains(b"the") && !de.contains(b"que"));
        assert_eq!(FunctionWords::of_tag("PT_br"), FunctionWords::of_tag("pt"));
        assert!(FunctionWords::of_tag("pt")
            .unwrap()
            .contains("não".as_bytes()));
        assert_eq!(primary_subtag("English"), "en");
        assert_eq!(primary_subtag(" pt_BR "), "pt");
        for tag in ["en", "en-GB", "English", "", "xx", "-"] {
            assert_eq!(FunctionWords::of_tag(tag), None, "{tag:?}");
        }
    }

    #[test]
    fn a_script_of_no_one_language_tells_nothing() {
        // Half the letters must be of the script: a Latin article quoting a Chinese name is
        // no Chinese.
        assert_eq!(
            by_script("The company, 阿塞拜疆航空, said the plane had been hit over the city."),
            ""
        );
        assert_eq!(by_script("12345 — !!"), "");
    }

    #[test]
    fn unlisted_languages_have_none() {
        assert_eq!(
            lang("Wonderful weather yesterday brought thousands outside."),
            None
        );
        assert_eq!(
            lang("Hà Nội hôm nay trời mưa nhiều, người dân ngại ra đường."),
            None
        );
        assert_eq!(lang(""), None);
    }
}
