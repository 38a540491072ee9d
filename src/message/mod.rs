//! Every sentence a person reads, in every language: problems, notes, the template's
//! texts and the errors files' headings. Call sites build a [`Text`] that carries its
//! values; each language's file turns every kind into its sentence with one exhaustive
//! match, so no sentence can be missing in any language. Adding a language is one file
//! here and one variant of [`Language`].

// The template's and the errors workbook's sentences are written only with the
// `template` feature.
#![cfg_attr(not(feature = "template"), allow(dead_code))]

mod de;
mod en;
mod es;
mod fr;
mod it;
mod ja;
mod language;
mod names;
mod nl;
mod pt;

pub use language::Language;
pub(crate) use names::is_errors_heading;

use crate::model::column::Column;
use crate::model::format::{Format, Markup};
use crate::model::problem::Problem;
use crate::model::user::UserType;

/// One sentence a person reads, with the values it quotes.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Text<'a> {
    // The whole file.
    /// `size`: how large the file is, where it was read whole.
    FileTooLarge {
        size: Option<usize>,
        max: usize,
    },
    EmptyFile,
    NoRows,
    FormatNotAccepted {
        format: Format,
        accepted: &'a [Format],
    },
    WrongFormat {
        expected: Format,
        actual: Format,
    },
    Unreadable {
        expected: Format,
    },
    /// A web page or an XML Spreadsheet 2003 uploaded as `expected`.
    Markup {
        expected: Format,
        markup: Markup,
    },
    BinaryData,
    /// A CSV saved as UTF-32 text.
    Utf32,
    TooExpanded {
        limit: usize,
    },
    Encrypted,
    NoSheet,
    #[cfg_attr(feature = "xls", allow(dead_code))]
    NotBuiltIn {
        format: Format,
    },
    // The header row.
    DuplicateColumn {
        column: Column,
        first: u32,
        second: u32,
    },
    UnknownColumn {
        index: u32,
        header: &'a str,
    },
    HeaderTooWide {
        max: usize,
    },
    MoreHeaderCells {
        count: usize,
    },
    MissingColumn {
        column: Column,
    },
    // Rows.
    TooManyRows {
        limit: u32,
    },
    ExtraValue {
        index: u32,
        more: usize,
        at_least: bool,
    },
    DuplicateEmail {
        address: &'a str,
        first: u32,
    },
    Cell {
        problem: &'a Problem,
        column: Column,
        value: &'a str,
    },
    // Notes.
    EncodingGuessed {
        name: &'a str,
    },
    InvisibleRemoved,
    MergedSpread,
    // The template and the errors files.
    ColumnRule {
        column: Column,
        default_site: &'a str,
    },
    TemplateTitle,
    RuleOneUserPerRow,
    RuleRequired,
    RuleLimits {
        rows: u32,
        bytes: usize,
    },
    RuleUniqueEmail,
    RuleDomains {
        domains: &'a [String],
    },
    RuleNewPeopleOnly,
    RuleFormats,
    RuleAllOrNothing,
    RuleSites {
        sites: &'a [String],
    },
    ColumnHeading,
    RuleHeading,
    SitesHeading,
    UserTypeInputTitle,
    UserTypeInputMessage,
    UserTypeErrorTitle,
    UserTypeErrorMessage,
    SiteErrorTitle,
    SiteErrorMessage {
        default_site: &'a str,
    },
    RowHeading,
    ErrorsHeading,
    ProblemsSheetTitle,
    ProblemHeading,
    SplitFile {
        users: usize,
        limit: u32,
    },
    UnreadableUpload,
    /// A value longer than a cell holds, cut to `shown` characters in the errors workbook.
    ValueCut {
        length: usize,
        shown: usize,
    },
    /// " Did you mean …?", added to an error's message (with the space between
    /// sentences the language puts there).
    DidYouMean {
        meant: &'a str,
    },
    /// The header is another system's: which, the headers read, how many ignored.
    KnownList {
        system: &'a str,
        used: &'a [&'a str],
        ignored: usize,
    },
    /// User names were joined from first and last names; `display_name` when only where
    /// the display name is empty.
    NamesJoined {
        display_name: bool,
    },
    /// Rows above the header were skipped.
    RowsAboveHeader {
        rows: &'a [u32],
    },
    /// Hidden rows were read: the first few by number, and how many more.
    HiddenRows {
        rows: &'a [u32],
        more: usize,
    },
    /// The file was UTF-16 (`name`) without a byte order mark.
    Utf16WithoutBom {
        name: &'a str,
    },
    /// Zero bytes at the end of the file were left out.
    NulPadding,
    /// The example row of another system's template.
    ExampleRow {
        system: &'a str,
    },
    /// The errors workbook shows rows up to `last` only: the upload is too large.
    RowsNotShown {
        last: u32,
    },
}

impl Text<'_> {
    /// The sentence in `language`.
    pub(crate) fn render(&self, language: Language) -> String {
        match language {
            Language::English => en::render(self),
            Language::French => fr::render(self),
            Language::German => de::render(self),
            Language::Spanish => es::render(self),
            Language::Portuguese => pt::render(self),
            Language::Italian => it::render(self),
            Language::Dutch => nl::render(self),
            Language::Japanese => ja::render(self),
        }
    }
}

/// The words of one language that sentences are built from.
pub(crate) struct Words {
    /// The column names a person reads in messages.
    pub(crate) columns: [&'static str; 4],
    /// The template's header texts (with `*` on required columns).
    pub(crate) headers: [&'static str; 4],
    /// Standard and Privileged, as the dropdown offers them.
    pub(crate) user_types: [&'static str; 2],
    /// "Row {row}, {column}: {message}" and "Row {row}: {message}".
    pub(crate) row_column: fn(u32, &str, &str) -> String,
    pub(crate) row: fn(u32, &str) -> String,
    /// "3 problems in the file:".
    pub(crate) summary: fn(usize) -> String,
    /// The words for bytes, KiB and MiB, and the decimal mark: `1,5 Mio`.
    pub(crate) sizes: ([&'static str; 3], char),
    /// Each [`Format`] as a sentence names it ("a CSV file"), in [`Format::ALL`] order.
    pub(crate) formats: [&'static str; 4],
    /// The marks a quoted value opens and closes with: `"` and `"`, `«` and `»`.
    pub(crate) quotes: [&'static str; 2],
    /// A list of items as the language writes it: `a, b and c`.
    pub(crate) list: fn(&[String]) -> String,
    /// "user" and "users": the word after a count of one, and after any other.
    pub(crate) users: [&'static str; 2],
}

/// The words of `language`.
pub(crate) fn words(language: Language) -> &'static Words {
    match language {
        Language::English => &en::WORDS,
        Language::French => &fr::WORDS,
        Language::German => &de::WORDS,
        Language::Spanish => &es::WORDS,
        Language::Portuguese => &pt::WORDS,
        Language::Italian => &it::WORDS,
        Language::Dutch => &nl::WORDS,
        Language::Japanese => &ja::WORDS,
    }
}

impl Words {
    pub(crate) fn column(&self, column: Column) -> &'static str {
        self.columns.get(column.index()).copied().unwrap_or("")
    }

    pub(crate) fn header(&self, column: Column) -> &'static str {
        self.headers.get(column.index()).copied().unwrap_or("")
    }

    pub(crate) fn user_type(&self, user_type: UserType) -> &'static str {
        let place = usize::from(user_type == UserType::Privileged);
        self.user_types.get(place).copied().unwrap_or("")
    }

    /// `10 MiB`, `1.5 MiB`, `900 KiB`, `12 bytes`, in the language's words.
    pub(crate) fn bytes(&self, bytes: usize) -> String {
        let (units, decimal) = self.sizes;
        size(bytes, units, decimal)
    }

    /// `1 user`, `2 users`: a count of users in the language's words.
    pub(crate) fn users(&self, count: u32) -> String {
        let [one, more] = self.users;
        format!("{count} {}", if count == 1 { one } else { more })
    }

    /// The format as a sentence names it: "an Excel workbook (.xlsx)".
    pub(crate) fn described(&self, format: Format) -> &'static str {
        let place = Format::ALL.iter().position(|&f| f == format);
        place
            .and_then(|place| self.formats.get(place))
            .copied()
            .unwrap_or("")
    }

    /// `text` in the language's quotation marks.
    pub(crate) fn q(&self, text: &str) -> String {
        let [open, close] = self.quotes;
        format!("{open}{text}{close}")
    }

    /// Every item in the language's quotation marks.
    pub(crate) fn quoted<S: AsRef<str>>(&self, items: &[S]) -> Vec<String> {
        items.iter().map(|item| self.q(item.as_ref())).collect()
    }

    /// Every item quoted, joined with `conjunction`: `« Oslo » ou « Bergen »`.
    pub(crate) fn quoted_join<S: AsRef<str>>(&self, items: &[S], conjunction: &str) -> String {
        join(&self.quoted(items), conjunction)
    }

    /// The four column names, quoted, as one list.
    pub(crate) fn columns(&self) -> String {
        (self.list)(&self.quoted(&self.columns))
    }
}

/// Row numbers as a list: `1, 2, 3`.
pub(crate) fn numbers(rows: &[u32]) -> String {
    let rows: Vec<String> = rows.iter().map(u32::to_string).collect();
    rows.join(", ")
}

/// Row numbers as a list, then how many more in the language's words
/// (`3, 5 and 12 more`).
pub(crate) fn rows_listed(rows: &[u32], more: usize, and_more: impl Fn(usize) -> String) -> String {
    if more == 0 {
        numbers(rows)
    } else {
        format!("{} {}", numbers(rows), and_more(more))
    }
}

/// `a, b and c` with the language's conjunction (`and`, `et`, `und`…).
pub(crate) fn join(items: &[String], conjunction: &str) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {conjunction} {last}", rest.join(", "))
        }
        _ => items.concat(),
    }
}

/// `10 MiB`, `1.5 MiB`, `900 KiB`, `12 bytes` (the unit words given).
fn size(bytes: usize, units: [&str; 3], decimal: char) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    let [byte_word, kib, mib] = units;
    if bytes >= MIB {
        let tenths = bytes / (MIB / 10);
        if tenths.is_multiple_of(10) {
            format!("{} {mib}", tenths / 10)
        } else {
            format!("{}{decimal}{} {mib}", tenths / 10, tenths % 10)
        }
    } else if bytes >= KIB {
        format!("{} {kib}", bytes / KIB)
    } else {
        format!("{bytes} {byte_word}")
    }
}

/// An encoding as a person knows it, `Script (name)`, with the language's names of
/// the scripts: Central European, Cyrillic, Western European, Greek, Turkish, Hebrew,
/// Arabic, Baltic, Vietnamese, Thai, Japanese, Chinese Simplified, Chinese
/// Traditional, Korean.
pub(crate) fn encoding(name: &str, scripts: &[&str; 14]) -> String {
    let index = match name {
        "windows-1250" | "ISO-8859-2" => 0,
        "windows-1251" | "KOI8-R" | "KOI8-U" | "ISO-8859-5" | "IBM866" => 1,
        "windows-1252" | "ISO-8859-15" | "macintosh" | "IBM850" | "IBM437" => 2,
        "windows-1253" | "ISO-8859-7" => 3,
        "windows-1254" => 4,
        "windows-1255" | "ISO-8859-8" => 5,
        "windows-1256" | "ISO-8859-6" => 6,
        "windows-1257" | "ISO-8859-4" | "ISO-8859-13" => 7,
        "windows-1258" => 8,
        "windows-874" => 9,
        "Shift_JIS" | "EUC-JP" => 10,
        "GBK" | "gb18030" => 11,
        "Big5" => 12,
        "EUC-KR" => 13,
        _ => return name.to_owned(),
    };
    match scripts.get(index) {
        Some(script) => format!("{script} ({name})"),
        None => name.to_owned(),
    }
}

/// A value as messages quote it: at most 40 characters.
pub(crate) fn shown(value: &str) -> String {
    shorten(value, 40)
}

/// `contoso.com or fabrikam.com`; past ten, the first ten and how many more, in the
/// language's words.
pub(crate) fn domain_list(domains: &[String], or: &str, more: fn(usize) -> String) -> String {
    const SHOWN: usize = 10;
    if domains.len() <= SHOWN {
        return join(domains, or);
    }
    let first = domains.get(..SHOWN).unwrap_or(domains).join(", ");
    format!("{first} {or} {}", more(domains.len().saturating_sub(SHOWN)))
}

/// Cuts `value` to at most `max` characters, marking the cut with `…`.
pub(crate) fn shorten(value: &str, max: usize) -> String {
    // No more bytes than `max` is no more characters either: nothing to count.
    if value.len() <= max || value.chars().nth(max).is_none() {
        return value.to_owned();
    }
    let mut cut: String = value.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_counts_characters() {
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abcd", 3), "ab…");
        assert_eq!(shorten("ééééé", 4), "ééé…");
        // More bytes than `max`, no more characters: whole.
        assert_eq!(shorten("éé€", 3), "éé€");
    }

    #[test]
    fn a_limit_of_one_user_is_singular() {
        // The template's rule and the errors workbook's advice, for a service that
        // takes one user at a time.
        let split = Text::SplitFile { users: 3, limit: 1 };
        let rule = Text::RuleLimits {
            rows: 1,
            bytes: 1024,
        };
        let expected = [
            (
                Language::English,
                "The file has 3 users; at most 1 can be added at once. Split them into files \
                 of at most 1 user and upload each.",
                "At most 1 user per file, and files of at most 1 KiB. Split larger lists \
                 into several files.",
            ),
            (
                Language::French,
                "Le fichier contient 3 utilisateurs ; 1 au plus peut être ajouté en une fois. \
                 Répartissez-les dans des fichiers de 1 utilisateur au plus et importez \
                 chacun d'eux.",
                "1 utilisateur au plus par fichier, et des fichiers de 1 Kio au plus. Répartissez \
                 les listes plus longues dans plusieurs fichiers.",
            ),
            (
                Language::German,
                "Die Datei enthält 3 Benutzer; höchstens 1 kann auf einmal hinzugefügt \
                 werden. Verteilen Sie sie auf Dateien mit höchstens 1 Benutzer und laden \
                 Sie jede hoch.",
                "Höchstens 1 Benutzer pro Datei und Dateien von höchstens 1 KiB. Verteilen Sie \
                 längere Listen auf mehrere Dateien.",
            ),
            (
                Language::Spanish,
                "El archivo tiene 3 usuarios; como máximo se puede añadir 1 a la vez. \
                 Repártalos en archivos de 1 usuario como máximo y suba cada uno.",
                "Como máximo 1 usuario por archivo y archivos de 1 KiB como máximo. Reparta las \
                 listas más largas en varios archivos.",
            ),
            (
                Language::Portuguese,
                "O arquivo tem 3 usuários; no máximo 1 pode ser adicionado de uma vez. \
                 Divida-os em arquivos de no máximo 1 usuário e envie cada um.",
                "No máximo 1 usuário por arquivo, e arquivos de no máximo 1 KiB. Divida listas \
                 maiores em vários arquivos.",
            ),
            (
                Language::Italian,
                "Il file ha 3 utenti; se ne può aggiungere al massimo 1 alla volta. Dividili \
                 in file di al massimo 1 utente e carica ciascuno.",
                "Al massimo 1 utente per file, e file di al massimo 1 KiB. Dividi gli elenchi più \
                 lunghi in più file.",
            ),
            (
                Language::Dutch,
                "Het bestand heeft 3 gebruikers; er kan er maximaal 1 tegelijk worden \
                 toegevoegd. Verdeel ze over bestanden van maximaal 1 gebruiker en upload elk \
                 bestand.",
                "Maximaal 1 gebruiker per bestand, en bestanden van maximaal 1 KiB. Verdeel \
                 langere lijsten over meerdere bestanden.",
            ),
            (
                Language::Japanese,
                "ファイルには 3 人のユーザーがいます。一度に追加できるのは 1 人までです。\
                 1 人以下のファイルに分けて、それぞれアップロードしてください。",
                "1 ファイルに 1 人まで、ファイルサイズは 1 KiB までです。それより多い場合は複数のファイルに分けてください。",
            ),
        ];
        assert_eq!(expected.len(), Language::ALL.len());
        for (language, split_text, rule_text) in expected {
            assert_eq!(split.render(language), split_text, "{language:?}");
            assert_eq!(rule.render(language), rule_text, "{language:?}");
        }
    }
}
