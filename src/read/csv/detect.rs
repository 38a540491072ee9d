//! Which legacy code page a text without a byte order mark is in, from the evidence the
//! text carries: its letters, its line ends, its addresses' domains.

use encoding_rs::Encoding;

use crate::model::codepage::CodePage;

/// A code page found for the text, and whether the evidence was clear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Detected {
    pub(crate) page: CodePage,
    /// When `false`, no code page read the bytes clearly better than another: the
    /// letters they stand for are not known, and are refused rather than guessed.
    pub(crate) sure: bool,
}

/// How a text ends its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineEnds {
    /// CR alone, as classic Mac programs (Excel for Mac's "CSV (Macintosh)") write.
    Cr,
    /// CR LF, as Windows and DOS programs write.
    CrLf,
    /// LF alone, or no line end at all.
    Lf,
}

impl LineEnds {
    pub(crate) fn of(text: &[u8]) -> LineEnds {
        match (memchr::memchr(b'\n', text), memchr::memchr(b'\r', text)) {
            (None, Some(_)) => LineEnds::Cr,
            (Some(_), Some(_)) if memchr::memmem::find(text, b"\r\n").is_some() => LineEnds::CrLf,
            _ => LineEnds::Lf,
        }
    }
}

/// The fewest different non-ASCII bytes from which a code page of another script is
/// trusted without a domain to confirm it: a full name and a place (`Иван Петров`,
/// `Москва`), not a few letters that spell something in several scripts.
const MIN_EVIDENCE: usize = 12;

/// The fewest non-ASCII bytes from which chardetng's choice of a page other than
/// Windows-1252 counts as evidence.
const MIN_TOTAL: usize = 32;

/// The same for the East Asian code pages, whose two-byte characters chardetng checks
/// for validity as well: a name and a place (`山田 太郎`, `東京本社`).
const MIN_EVIDENCE_WIDE: usize = 6;

/// How far ahead the best Western reading must score to be trusted: two characters
/// that only it reads as letters in their words.
const MARGIN: i64 = 4;

/// The legacy code page `sample` (lines that are not UTF-8) is most likely in, and
/// whether the evidence is clear.
///
/// Excel's plain "CSV" is written in the system's ANSI code page: Windows-1252 in the
/// West, Windows-1251 in Russia, Shift_JIS in Japan, and so on; its "CSV (Macintosh)"
/// in Mac Roman with CR line ends, its "CSV (MS-DOS)" in DOS code page 850. How it
/// decides:
///
/// 1. `chardetng` (the detector Firefox uses) weighs the non-ASCII bytes against each
///    web code page's letters and their pairs, told the top-level domain most of the
///    sample's email addresses have (`.hu` favours Windows-1250, `.ee` Windows-1257),
///    as it is told a page's domain.
/// 2. Unless a domain decided it, the single-byte reading it chose is compared with
///    the Western ones it does not know (Mac Roman, DOS 850) and with the Windows pages
///    whose letters sit where Western accents do (1250, 1251, 1253, 1254, 1257): each
///    scores the characters its bytes become where names have letters (a letter scores;
///    a symbol between letters, a capital inside a word, a letter of another script
///    beside a Latin one costs). CR-only lines leave out DOS; CR LF leaves out the Mac.
///    Windows-1252 (the West's, Excel's default; Mac Roman for CR-only lines) starts
///    [`MARGIN`] ahead; the page of
///    the addresses' country, and chardetng's choice of another page once the sample
///    has [`MIN_TOTAL`] non-ASCII bytes, twice that (from a few French words it can choose
///    Czech). So a short list of Central European names at a generic domain reads as
///    Windows-1252: a service with such customers names its code page.
/// 3. The best reading is taken when it is at least [`MARGIN`] ahead of the next one
///    that gives other text, and, for a page of another script, when the sample has
///    at least [`MIN_EVIDENCE`] different non-ASCII bytes. Untrusted, the bytes are refused where they stand,
///    never read as letters nobody typed: a service that knows its customers' locale
///    names the code page ([`Options::encoding`]).
///
/// Only lines that are not UTF-8 are shown to it (at most [`DETECTION_SAMPLE`] bytes),
/// so the UTF-8 rows of a mixed file do not pull the guess towards a code page that
/// reads them as mojibake.
///
/// [`Options::encoding`]: crate::Options::encoding
pub(crate) fn detect_legacy(sample: &[u8], ends: LineEnds) -> Detected {
    let tld = common_tld(sample);
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, true);
    let guess = detector.guess(tld.as_deref(), chardetng::Utf8Detection::Deny);
    let chosen = CodePage::Web(guess);
    let sure = Detected {
        page: chosen,
        sure: true,
    };
    // A country's domain (not `.com`) that chardetng knows the script of decides.
    let domain_decided = chardetng::EncodingDetector::tld_may_affect_guess(tld.as_deref())
        && guess != encoding_rs::WINDOWS_1252;
    if domain_decided {
        // Spreadsheets write Windows code pages: an ISO page's Windows sibling that reads
        // the bytes as well is the one.
        let windows = match guess.name() {
            "ISO-8859-2" => Some(encoding_rs::WINDOWS_1250),
            "ISO-8859-7" => Some(encoding_rs::WINDOWS_1253),
            "ISO-8859-4" | "ISO-8859-13" => Some(encoding_rs::WINDOWS_1257),
            _ => None,
        }
        .map(CodePage::Web);
        if let Some(windows) = windows {
            if letter_score(sample, windows) >= letter_score(sample, chosen) {
                return Detected {
                    page: windows,
                    sure: true,
                };
            }
        }
        return sure;
    }
    // Other scripts are told apart by chardetng's model of their letters, which needs
    // letters enough to go on.
    let mut seen = [false; 128];
    for &byte in sample.iter().filter(|b| !b.is_ascii()) {
        if let Some(seen) = seen.get_mut(usize::from(byte & 0x7F)) {
            *seen = true;
        }
    }
    let evidence = seen.iter().filter(|&&seen| seen).count();
    let enough = Detected {
        page: chosen,
        sure: evidence >= MIN_EVIDENCE,
    };
    if !guess.is_single_byte() {
        return Detected {
            page: chosen,
            sure: evidence >= MIN_EVIDENCE_WIDE,
        };
    }
    let western: &[CodePage] = match ends {
        LineEnds::Cr => &[CodePage::Web(encoding_rs::WINDOWS_1252), CodePage::Web(MAC)],
        LineEnds::CrLf => &[CodePage::Web(encoding_rs::WINDOWS_1252), CodePage::Dos850],
        LineEnds::Lf => &[
            CodePage::Web(encoding_rs::WINDOWS_1252),
            CodePage::Web(MAC),
            CodePage::Dos850,
        ],
    };
    // Other code pages whose letters sit where Western accents do: a few bytes read as
    // well in them, and the letters around them tell them apart, or nothing does.
    let others = [
        encoding_rs::WINDOWS_1250,
        encoding_rs::WINDOWS_1251,
        encoding_rs::WINDOWS_1253,
        encoding_rs::WINDOWS_1254,
        encoding_rs::WINDOWS_1257,
    ]
    .map(CodePage::Web);
    // A domain `chardetng` counts as generic but whose country writes in its own code
    // page: that page is a candidate too, and the domain counts for it.
    let national = tld.as_deref().and_then(national_page);
    let mut pages: Vec<CodePage> = western.to_vec();
    for page in others.into_iter().chain(national).chain([chosen]) {
        if !pages.contains(&page) {
            pages.push(page);
        }
    }
    // Windows-1252, the West's and Excel's default, starts ahead; chardetng's choice of
    // another page further ahead once the sample has letters enough for its model of
    // letter pairs (from a few French words it can choose Czech).
    let total = sample.iter().filter(|b| !b.is_ascii()).count();
    // The West's page: Mac Roman for text with CR-only lines, else Windows-1252.
    let western_page = CodePage::Web(if ends == LineEnds::Cr {
        MAC
    } else {
        encoding_rs::WINDOWS_1252
    });
    let scored: Vec<(i64, CodePage)> = pages
        .iter()
        .map(|&page| {
            let strong = Some(page) == national
                || (page == chosen && page != western_page && total >= MIN_TOTAL);
            let bonus = if strong {
                MARGIN.saturating_mul(2)
            } else if page == western_page {
                MARGIN
            } else {
                0
            };
            (letter_score(sample, page).saturating_add(bonus), page)
        })
        .collect();
    let Some(&(best, page)) = scored.iter().max_by_key(|(score, _)| *score) else {
        return enough;
    };
    // The next best reading that gives other text: pages that read the sample as the
    // same letters do not compete.
    let text = page.decode(sample);
    let next = scored
        .iter()
        .filter(|&&(_, other)| other != page && other.decode(sample) != text)
        .map(|&(score, _)| score)
        .max()
        .unwrap_or(i64::MIN);
    let clear = best.saturating_sub(next) >= MARGIN;
    // A page of another script also needs letters enough.
    let latin = western.contains(&page)
        || Some(page) == national
        || [
            encoding_rs::WINDOWS_1250,
            encoding_rs::WINDOWS_1254,
            encoding_rs::WINDOWS_1257,
        ]
        .map(CodePage::Web)
        .contains(&page);
    let sure = clear && (latin || evidence >= MIN_EVIDENCE);
    // Unsure, the bytes are refused and the report names the detector's choice.
    Detected {
        page: if sure { page } else { chosen },
        sure,
    }
}

/// The code page of a country whose domain `chardetng` does not tell apart: Estonia's
/// `.ee`, whose Windows page is Baltic (1257), not Western.
fn national_page(tld: &[u8]) -> Option<CodePage> {
    match tld {
        b"ee" => Some(CodePage::Web(encoding_rs::WINDOWS_1257)),
        _ => None,
    }
}

/// Mac Roman, as the web platform names it.
const MAC: &Encoding = encoding_rs::MACINTOSH;

/// How well `page` reads the non-ASCII bytes of `sample` as the letters of names: each
/// byte that becomes a letter scores 2, or costs 2 when it is a capital after a small
/// letter or inside a word, or a letter of another script beside a Latin one; one that
/// becomes a control or no character, or a symbol between two letters, costs 3. Characters that are UTF-8 are left out.
fn letter_score(sample: &[u8], page: CodePage) -> i64 {
    let mut table = ['\u{FFFD}'; 128];
    for (slot, byte) in table.iter_mut().zip(0x80u8..=0xFF) {
        *slot = page.char_of(byte).unwrap_or('\u{FFFD}');
    }
    let char_at = |index: Option<usize>| -> Option<char> {
        let byte = *sample.get(index?)?;
        if byte.is_ascii() {
            Some(char::from(byte))
        } else {
            table.get(usize::from(byte & 0x7F)).copied()
        }
    };
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    let mut score = 0i64;
    let mut utf8_until = 0usize;
    for (index, &byte) in sample.iter().enumerate() {
        if byte.is_ascii() || index < utf8_until {
            continue;
        }
        // A character that is UTF-8 (a field pasted from elsewhere) stays UTF-8: it is
        // no evidence of the code page.
        let width = match byte {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        let end = index.saturating_add(width);
        if width > 0
            && sample
                .get(index..end)
                .is_some_and(|c| std::str::from_utf8(c).is_ok())
        {
            utf8_until = end;
            continue;
        }
        let Some(c) = char_at(Some(index)) else {
            continue;
        };
        let prev = char_at(index.checked_sub(1));
        let next = char_at(index.checked_add(1));
        let change = if c.is_alphabetic() {
            let after_small = prev.is_some_and(char::is_lowercase);
            let inside = letter(prev) && next.is_some_and(char::is_lowercase);
            let ascii_letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
            // A letter of another script beside a Latin one: no name is written so.
            let mixed = !is_latin(c) && (ascii_letter(prev) || ascii_letter(next));
            if mixed || (c.is_uppercase() && (after_small || inside)) {
                -2
            } else {
                2
            }
        } else if c.is_control() || c == '\u{FFFD}' || (letter(prev) && letter(next)) {
            -3
        } else {
            0
        };
        score = score.saturating_add(change);
    }
    score
}

/// Whether `c` is a letter of the Latin script (with its accents and extensions).
fn is_latin(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
}

/// The top-level domain most email addresses in `sample` have (`hu` for
/// `anna@example.hu`), as `chardetng` takes it: lower-case ASCII letters.
fn common_tld(sample: &[u8]) -> Option<Vec<u8>> {
    let mut counts: Vec<(Vec<u8>, usize)> = Vec::new();
    for at in memchr::memchr_iter(b'@', sample) {
        let rest = sample.get(at.saturating_add(1)..).unwrap_or_default();
        let domain_end = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'.' || *b == b'-'))
            .unwrap_or(rest.len());
        let domain = rest.get(..domain_end).unwrap_or_default();
        let Some(dot) = memchr::memrchr(b'.', domain) else {
            continue;
        };
        let tld = domain.get(dot.saturating_add(1)..).unwrap_or_default();
        if !(2..=6).contains(&tld.len()) || !tld.iter().all(u8::is_ascii_alphabetic) {
            continue;
        }
        let tld = tld.to_ascii_lowercase();
        match counts.iter().position(|(known, _)| *known == tld) {
            Some(place) => {
                if let Some((_, count)) = counts.get_mut(place) {
                    *count = count.saturating_add(1);
                }
            }
            None if counts.len() < 64 => counts.push((tld, 1)),
            None => {}
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, count)| *count)
        .map(|(tld, _)| tld)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_code_pages_are_told_apart() {
        let cases: [(&str, &'static Encoding); 5] = [
            (
                "Владимир Соловьёв;Мурманск\nТатьяна Белова;Архангельск\n",
                encoding_rs::WINDOWS_1251,
            ),
            (
                "小林 大輔,仙台支店\n加藤 明美,広島支店\n吉田 拓也,神戸営業所\n",
                encoding_rs::SHIFT_JIS,
            ),
            (
                "Łukasz Żak,Kraków\nZofia Wójcik,Łódź\nJerzy Błaszczykowski,Gdańsk\n",
                encoding_rs::WINDOWS_1250,
            ),
            (
                "Ingrid Bergström,Göteborg\nSiobhán Ní Bhriain,Dún Laoghaire\nJosé García,Málaga\n",
                encoding_rs::WINDOWS_1252,
            ),
            (
                "김민준,서울 본사\n이서연,부산 지점\n박지훈,대구 영업소\n",
                encoding_rs::EUC_KR,
            ),
        ];
        for (text, encoding) in cases {
            let (bytes, _, unmappable) = encoding.encode(text);
            assert!(!unmappable);
            let found = detect_legacy(&bytes, LineEnds::Lf);
            assert_eq!(found.page, CodePage::Web(encoding), "{text}");
            assert!(found.sure, "{text}");
        }
    }
}
