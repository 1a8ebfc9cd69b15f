//! Function words of the languages news is most often scraped in besides English, for the
//! cleaner's test of prose.
//!
//! The cleaner tells an article's sentences from a page's menus by their share of function
//! words ("the", "of", "and"…). On a page in another language it reads that language's function
//! words off the page itself (the short words its longer lines repeat), which a short article
//! does not repeat often enough: a Latvian sentence of 20 words held none of the words its page
//! had repeated three times. These lists, the commonest articles, pronouns, prepositions,
//! conjunctions and auxiliaries of each language (written for this project), give the page's
//! language its function words from the first line.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// A language's code (ISO 639-1) and its function words, lower case.
pub const LANGUAGES: &[(&str, &[&str])] = &[
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
            "à", "au", "aux", "avec", "ce", "cette", "dans", "de", "des", "du", "elle", "en",
            "est", "et", "été", "il", "ils", "la", "le", "les", "leur", "mais", "ne", "nous",
            "ont", "ou", "où", "par", "pas", "plus", "pour", "qui", "que", "sa", "se", "ses",
            "son", "sont", "sur", "un", "une", "vous",
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
fn index() -> &'static FxHashMap<&'static str, u32> {
    static INDEX: OnceLock<FxHashMap<&'static str, u32>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = FxHashMap::default();
        for (i, (_, list)) in LANGUAGES.iter().enumerate() {
            for w in *list {
                *map.entry(*w).or_insert(0) |= 1 << i;
            }
        }
        map
    })
}

/// The language of `words` (lower case) among [`LANGUAGES`]: the one whose function words are
/// the most of them, when they are at least a tenth (a language's function words are a third to
/// a half of its running text), with its code and list; on a tie, the first in the list.
/// `None` when no list reaches a tenth: a language without a list here.
///
/// English shares short words with several lists ("a", "in", "of", "was", "die"), a tenth of
/// its text or more: ask only of text that English stop words do not describe.
pub fn language_of<'a>(
    words: impl Iterator<Item = &'a str>,
) -> Option<(&'static str, &'static [&'static str])> {
    const _: () = assert!(LANGUAGES.len() <= 32, "one bit per language");
    let index = index();
    let mut hits = [0usize; LANGUAGES.len()];
    let mut total = 0usize;
    for w in words {
        total += 1;
        if let Some(&bits) = index.get(w) {
            let mut b = bits;
            while b != 0 {
                hits[b.trailing_zeros() as usize] += 1;
                b &= b - 1;
            }
        }
    }
    let (best, &n) = hits
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
    (n > 0 && n * 10 >= total).then_some(LANGUAGES[best])
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
                assert!(
                    !w.is_empty() && w.chars().all(char::is_alphabetic),
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
