//! Deutsch.

use super::{domain_list, join, numbers, rows_listed, shown, Text, Words};
use crate::model::column::Column;
use crate::model::format::Markup;
use crate::model::problem::{EmailProblem, Problem};
use crate::model::text::column_letters;

pub(super) static WORDS: Words = Words {
    sizes: (["Byte", "KiB", "MiB"], ','),
    formats: [
        "eine CSV-Datei",
        "eine Excel-Arbeitsmappe (.xlsx)",
        "eine Excel-97-2003-Arbeitsmappe (.xls)",
        "eine OpenDocument-Tabelle (.ods)",
    ],
    quotes: ["„", "“"],
    list: |items| join(items, "und"),
    users: ["Benutzer", "Benutzer"],
    columns: ["Benutzername", "E-Mail", "Benutzertyp", "Standort"],
    headers: ["Benutzername*", "E-Mail*", "Benutzertyp", "Standort"],
    user_types: ["Standard", "Privilegiert"],
    row_column: |row, column, message| format!("Zeile {row}, {column}: {message}"),
    row: |row, message| format!("Zeile {row}: {message}"),
    summary: |count| match count {
        1 => "1 Problem in der Datei:".to_owned(),
        n => format!("{n} Probleme in der Datei:"),
    },
};

pub(super) fn render(text: &Text) -> String {
    match *text {
        Text::FileTooLarge {
            size: Some(size),
            max,
        } => format!(
            "Die Datei hat {size} Byte; höchstens {max} Byte ({}) sind erlaubt. Verteilen \
             Sie die Benutzer auf kleinere Dateien.",
            WORDS.bytes(max)
        ),
        Text::FileTooLarge { size: None, max } => format!(
            "Die Datei ist größer als {max} Byte ({}), die erlaubte Höchstgröße. Verteilen \
             Sie die Benutzer auf kleinere Dateien.",
            WORDS.bytes(max)
        ),
        Text::EmptyFile => "Die Datei ist leer: Sie hat weder eine Kopfzeile noch Benutzer. \
                            Füllen Sie die Vorlage mit einem Benutzer pro Zeile aus und \
                            laden Sie sie erneut hoch."
            .to_owned(),
        Text::NoRows => "Die Datei hat eine Kopfzeile, aber keine Benutzer. Tragen Sie unter \
                         der Kopfzeile einen Benutzer pro Zeile ein."
            .to_owned(),
        Text::FormatNotAccepted { format, accepted } => {
            let accepted: Vec<&str> = accepted.iter().map(|f| f.extension()).collect();
            format!(
                "Dateien im Format .{} werden hier nicht angenommen. Speichern Sie die Datei \
                 als .{} und laden Sie sie erneut hoch.",
                format.extension(),
                accepted.join(" oder .")
            )
        }
        Text::WrongFormat { expected, actual } => format!(
            "Diese Datei ist nicht {}, sondern sieht aus wie {}. Laden Sie sie mit der \
             richtigen Dateiendung hoch oder speichern Sie sie erneut als .{}.",
            WORDS.described(expected),
            WORDS.described(actual),
            expected.extension()
        ),
        Text::Unreadable { expected } => format!(
            "Diese Datei konnte nicht als {} gelesen werden. Speichern Sie sie in Ihrem \
             Tabellenprogramm erneut als .xlsx oder .csv und laden Sie sie hoch.",
            WORDS.described(expected)
        ),
        Text::Markup { expected, markup } => format!(
            "Diese Datei ist {}, nicht {}. Öffnen Sie sie in Ihrem Tabellenprogramm, \
             speichern Sie sie als Excel-Arbeitsmappe (.xlsx) oder als CSV UTF-8 und laden \
             Sie diese Datei hoch.",
            match markup {
                Markup::WebPage => "eine Webseite (HTML)",
                Markup::XmlSpreadsheet => "eine XML-Kalkulationstabelle 2003",
                Markup::FlatOpenDocument => "eine flache OpenDocument-Tabelle (.fods)",
            },
            WORDS.described(expected)
        ),
        Text::BinaryData => "Diese Datei ist kein Text: Sie enthält Binärdaten. Speichern Sie \
                          sie in Ihrem Tabellenprogramm als CSV oder .xlsx und laden Sie sie \
                          erneut hoch."
            .to_owned(),
        Text::Utf32 => "Diese Datei ist als UTF-32-Text gespeichert, den dieser Upload \
                          nicht liest. Speichern Sie sie als „CSV UTF-8“ (in Excel: \
                          Speichern unter, CSV UTF-8 (durch Trennzeichen getrennt)) und \
                          laden Sie sie erneut hoch."
            .to_owned(),
        Text::TooExpanded { limit } => format!(
            "Entpackt ist die Arbeitsmappe größer als {}, weit mehr, als eine Benutzerliste \
             braucht. Kopieren Sie die Benutzer in eine neue Arbeitsmappe (oder die \
             Vorlage) und laden Sie diese hoch.",
            WORDS.bytes(limit)
        ),
        Text::Encrypted => "Die Arbeitsmappe ist mit einem Kennwort geschützt. Entfernen Sie \
                            das Kennwort (oder speichern Sie eine ungeschützte Kopie) und \
                            laden Sie sie erneut hoch."
            .to_owned(),
        Text::NoSheet => "Die Arbeitsmappe hat kein Tabellenblatt. Füllen Sie das Blatt \
                          Users der Vorlage aus und laden Sie sie erneut hoch."
            .to_owned(),
        Text::NotBuiltIn { format } => format!(
            "Dateien im Format .{} werden hier nicht angenommen. Speichern Sie die Datei als \
             .xlsx und laden Sie sie erneut hoch.",
            format.extension()
        ),
        Text::DuplicateColumn {
            column,
            first,
            second,
        } => format!(
            "Die Spalten {} und {} sind beide {}. Behalten Sie eine und löschen Sie die \
             andere.",
            column_letters(first),
            column_letters(second),
            WORDS.q(WORDS.column(column))
        ),
        Text::UnknownColumn { index, header } => format!(
            "Spalte {} hat die Überschrift {}, die keine bekannte Spalte ist. Die Spalten \
             sind {}. Benennen Sie die Überschrift um oder löschen Sie die Spalte.",
            column_letters(index),
            WORDS.q(&shown(header)),
            WORDS.columns()
        ),
        Text::HeaderTooWide { max } => format!(
            "Die Kopfzeile hat mehr als {max} Spalten. Behalten Sie nur die Spalten {}.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count: 1 } => format!(
            "1 weitere Überschrift ist eine unbekannte oder doppelte Spalte. Behalten Sie nur \
             die Spalten {}, jede einmal.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count } => format!(
            "{count} weitere Überschriften sind unbekannte oder doppelte Spalten. Behalten \
             Sie nur die Spalten {}, jede einmal.",
            WORDS.columns()
        ),
        Text::MissingColumn { column } => format!(
            "Die Kopfzeile hat keine Spalte {}. Fügen Sie eine Spalte mit der Überschrift {} \
             hinzu.",
            WORDS.q(WORDS.column(column)),
            WORDS.q(WORDS.header(column))
        ),
        Text::TooManyRows { limit } => format!(
            "Die Datei enthält mehr als {limit} Benutzer; dies ist die erste Zeile über der \
             Grenze. Verteilen Sie die Benutzer auf Dateien mit höchstens {}.",
            with_users(limit)
        ),
        Text::ExtraValue {
            index,
            more,
            at_least,
        } => {
            let at_least = if at_least { "mindestens " } else { "" };
            let others = match more {
                0 => String::new(),
                1 => format!(" (und {at_least}1 weitere Spalte)"),
                n => format!(" (und {at_least}{n} weitere Spalten)"),
            };
            format!(
                "Spalte {}{others} enthält einen Wert, aber keine Überschrift. Löschen Sie \
                 den Wert oder geben Sie der Spalte eine Überschrift.",
                column_letters(index)
            )
        }
        Text::DuplicateEmail { address, first } => format!(
            "{address} wird bereits in Zeile {first} verwendet. Jeder Benutzer braucht eine \
             eigene E-Mail-Adresse."
        ),
        Text::Cell {
            problem,
            column,
            value,
        } => cell(problem, column, value),
        Text::EncodingGuessed { name } => format!(
            "Die Datei ist nicht in UTF-8, daher wurden ihre Zeichen als {} gelesen. Wenn \
             Namen falsch aussehen, speichern Sie die Datei als „CSV UTF-8“ und laden Sie sie \
             erneut hoch.",
            encoding(name)
        ),
        Text::InvisibleRemoved => "Unsichtbare Zeichen (etwa Richtungszeichen oder \
                                   Leerzeichen ohne Breite, oft durch Kopieren und Einfügen \
                                   entstanden) wurden aus den Werten dieser Zeile entfernt."
            .to_owned(),
        Text::MergedSpread => "Eine verbundene Zelle reicht in diese Zeile: Ihr Wert wurde \
                               für jede Zelle übernommen, die sie umfasst, so wie das \
                               Tabellenprogramm ihn zeigt."
            .to_owned(),
        Text::ColumnRule {
            column,
            default_site,
        } => match column {
            Column::UserName => format!(
                "Pflichtfeld. Der vollständige Name der Person, höchstens {} Zeichen. Er darf \
                 nicht mit =, +, - oder @ beginnen.",
                crate::model::column::MAX_NAME_CHARS
            ),
            Column::Email => format!(
                "Pflichtfeld. Eine E-Mail-Adresse wie name@beispiel.de, höchstens {} \
                 Zeichen. Jeder Benutzer braucht eine eigene Adresse.",
                crate::model::column::MAX_EMAIL_CHARS
            ),
            Column::UserType => "Standard oder Privilegiert. Leer lassen für Standard.".to_owned(),
            Column::Site => format!(
                "Standort oder Büro der Person, höchstens {} Zeichen. Leer lassen für \
                 {default_site}. Darf nicht mit =, +, - oder @ beginnen.",
                crate::model::column::MAX_SITE_CHARS
            ),
        },
        Text::TemplateTitle => "So füllen Sie diese Vorlage aus".to_owned(),
        Text::RuleOneUserPerRow => "Tragen Sie im Blatt Users unter der Kopfzeile einen \
                                    Benutzer pro Zeile ein. Ändern oder verschieben Sie die \
                                    Kopfzeile nicht."
            .to_owned(),
        Text::RuleRequired => "Mit * markierte Spalten sind Pflicht. Leere Zeilen werden \
                               übersprungen."
            .to_owned(),
        Text::RuleLimits { rows, bytes: max } => format!(
            "Höchstens {rows} Benutzer pro Datei und Dateien von höchstens {}. Verteilen Sie \
             längere Listen auf mehrere Dateien.",
            WORDS.bytes(max)
        ),
        Text::RuleUniqueEmail => {
            "Jede E-Mail-Adresse darf nur einmal in der Datei vorkommen.".to_owned()
        }
        Text::RuleDomains { domains } => format!(
            "Verwenden Sie eine E-Mail-Adresse bei {}.",
            join(domains, "oder")
        ),
        Text::RuleNewPeopleOnly => {
            "Fügen Sie nur Personen hinzu, die noch kein Konto haben.".to_owned()
        }
        Text::RuleFormats => "Speichern Sie die Datei als Excel-Arbeitsmappe (.xlsx) oder \
                              als CSV (.csv, in UTF-8, wenn Ihr Programm fragt). \
                              OpenDocument (.ods) und Excel 97-2003 (.xls) gehen auch."
            .to_owned(),
        Text::RuleAllOrNothing => "Die ganze Datei wird auf einmal geprüft: Ist etwas \
                                   falsch, wird nichts importiert, und Sie erhalten die Liste \
                                   aller Probleme mit Zeilennummer. Beheben Sie sie und laden \
                                   Sie die Datei erneut hoch."
            .to_owned(),
        Text::RuleSites { sites } => format!(
            "Der Standort muss einer der folgenden sein: {}.",
            sites.join(", ")
        ),
        Text::ColumnHeading => "Spalte".to_owned(),
        Text::RuleHeading => "Regel".to_owned(),
        Text::SitesHeading => "Standorte".to_owned(),
        Text::UserTypeInputTitle => "Benutzertyp".to_owned(),
        Text::UserTypeInputMessage => {
            "Standard oder Privilegiert. Leer lassen für Standard.".to_owned()
        }
        Text::UserTypeErrorTitle => "Kein Benutzertyp".to_owned(),
        Text::UserTypeErrorMessage => "Wählen Sie Standard oder Privilegiert aus der Liste, \
                                       oder lassen Sie die Zelle leer für Standard."
            .to_owned(),
        Text::SiteErrorTitle => "Kein bekannter Standort".to_owned(),
        Text::SiteErrorMessage { default_site } => format!(
            "Wählen Sie einen Standort aus der Liste, oder lassen Sie die Zelle leer für \
             {default_site}."
        ),
        Text::RowHeading => "Zeile".to_owned(),
        Text::ErrorsHeading => "Fehler".to_owned(),
        Text::ProblemsSheetTitle => "Probleme".to_owned(),
        Text::ProblemHeading => "Problem".to_owned(),
        Text::SplitFile { users, limit } => format!(
            "Die Datei enthält {users} Benutzer; höchstens {limit} {} auf einmal \
             hinzugefügt werden. Verteilen Sie sie auf Dateien mit höchstens {} und laden \
             Sie jede hoch.",
            if limit == 1 { "kann" } else { "können" },
            with_users(limit)
        ),
        Text::DidYouMean { meant } => format!(" Meinten Sie {}?", WORDS.q(meant)),
        Text::KnownList {
            system,
            used,
            ignored,
        } => format!(
            "Dies ist eine {system}-Liste: gelesen aus den Spalten {}; die {ignored} \
             anderen Spalten wurden ignoriert.",
            (WORDS.list)(&WORDS.quoted(used))
        ),
        Text::NamesJoined {
            display_name: false,
        } => "Jeder Benutzername ist Vorname und \
                                                      Nachname, durch ein Leerzeichen \
                                                      verbunden."
            .to_owned(),
        Text::NamesJoined { display_name: true } => "Wo der Anzeigename leer ist, ist der \
                                                     Benutzername Vorname und Nachname, \
                                                     durch ein Leerzeichen verbunden."
            .to_owned(),
        Text::RowsAboveHeader { rows } => format!(
            "Die Kopfzeile steht in dieser Zeile; {} darüber ({}) {} übersprungen.",
            if rows.len() == 1 {
                "die Zeile"
            } else {
                "die Zeilen"
            },
            numbers(rows),
            if rows.len() == 1 { "wurde" } else { "wurden" }
        ),
        Text::ExampleRow { system } => format!(
            "Dies ist die Beispielzeile der Vorlage von {system}, keine Person zum \
             Hinzufügen. Löschen Sie die Zeile."
        ),
        Text::HiddenRows { rows, more } => {
            let listed = rows_listed(rows, more, |more| format!("und {more} weitere"));
            if rows.len() + more == 1 {
                format!("Zeile {listed} ist in der Tabelle ausgeblendet und wurde wie die anderen gelesen.")
            } else {
                format!("Die Zeilen {listed} sind in der Tabelle ausgeblendet und wurden wie die anderen gelesen.")
            }
        }
        Text::Utf16WithoutBom { name } => format!("Die Datei ist {name}-Text ohne die Markierung, die das angibt; sie wurde als {name} gelesen."),
        Text::NulPadding => "Die Datei endet mit Null-Bytes, die kein Text sind; sie wurden ausgelassen.".to_owned(),
        Text::ValueCut { length, shown } => format!(
            "Dieser Wert ist {length} Zeichen lang, mehr als eine Tabellenzelle fassen kann: \
             hier werden nur die ersten {shown} angezeigt. Kürzen Sie ihn in der \
             hochgeladenen Datei."
        ),
        Text::RowsNotShown { last } => format!(
            "Die Datei ist zu groß, um sie hier mit ihren Problemen anzuzeigen: nur die \
             Zeilen bis {last} werden angezeigt. Teilen \
             Sie sie in kleinere Dateien auf und laden Sie jede hoch."
        ),
        Text::UnreadableUpload => "Die hochgeladene Datei konnte nicht gelesen werden, daher \
                                   ist das Blatt Users die leere Vorlage: Kopieren Sie die \
                                   Benutzer hinein und laden Sie sie hoch."
            .to_owned(),
    }
}

fn cell(problem: &Problem, column: Column, value: &str) -> String {
    let name = WORDS.q(WORDS.column(column));
    let quoted = WORDS.q(&shown(value));
    match problem {
        Problem::Missing => match column {
            Column::Email => {
                "E-Mail ist leer. Jeder Benutzer braucht eine E-Mail-Adresse.".to_owned()
            }
            Column::UserName => {
                "Benutzername ist leer. Jeder Benutzer braucht einen Namen.".to_owned()
            }
            _ => format!("{name} ist leer."),
        },
        Problem::ErrorCell => format!(
            "Die Zelle zeigt den Tabellenfehler {value}. Ersetzen Sie ihn durch den Wert \
             selbst."
        ),
        Problem::NoResult => format!(
            "{name} ist eine Formel, deren Ergebnis nicht in der Datei gespeichert ist; was \
             sie anzeigt, ist unbekannt. Öffnen Sie die Datei in Ihrem Tabellenprogramm, \
             speichern Sie sie und laden Sie sie erneut hoch (oder tragen Sie den Wert statt \
             der Formel ein)."
        ),
        Problem::NotANumber => format!(
            "{name} enthält {quoted} in einer Zelle, die die Datei als Zahl ausweist; was ein \
             Tabellenprogramm dafür anzeigt, ist unbekannt. Öffnen Sie die Datei in Ihrem \
             Tabellenprogramm, geben Sie den Wert erneut ein, speichern Sie sie und laden Sie \
             sie erneut hoch."
        ),
        Problem::NoDate => format!(
            "{name} zeigt in Excel ##### an: Die Zelle enthält die Zahl {quoted} in einem \
             Datums- oder Zeitformat, und kein Datum und keine Uhrzeit hat diese Zahl. \
             Formatieren Sie die Zelle als Text, geben Sie den Wert erneut ein, speichern Sie \
             die Datei und laden Sie sie erneut hoch."
        ),
        Problem::Control => format!(
            "{name} enthält einen Tabulator, einen Zeilenumbruch oder ein anderes \
             Steuerzeichen. Geben Sie den Wert in einer Zeile ein."
        ),
        Problem::NotIn { encoding: page } => format!("{name} enthält Bytes, die in {} kein Zeichen sind (als \u{FFFD} angezeigt), der Kodierung, in der die Datei gelesen wurde. Speichern Sie sie als „CSV UTF-8“ (in Excel: Speichern unter, CSV UTF-8 (durch Trennzeichen getrennt)) und laden Sie sie erneut hoch.", encoding(page)),
        Problem::Cesu8 => format!("{name} enthält Zeichen, die so geschrieben sind, wie Oracle und Java „UTF8“ schreiben (CESU-8), nicht das UTF-8, das Tabellenprogramme lesen. Speichern Sie die Datei in einem Tabellenprogramm als „CSV UTF-8“ und laden Sie sie erneut hoch."),
        Problem::UnsureEncoding => format!("{name} enthält Buchstaben mit Akzenten, deren Kodierung aus der Datei nicht zu erkennen war; sie werden nicht geraten. Speichern Sie die Datei als „CSV UTF-8“ (in Excel: Speichern unter, CSV UTF-8 (durch Trennzeichen getrennt)) und laden Sie sie erneut hoch."),
        Problem::Unreadable => format!(
            "{name} enthält Zeichen, die nicht gelesen werden konnten (als \u{FFFD} \
             angezeigt): Die Datei ist nicht in der Kodierung, in der sie gelesen wurde. \
             Speichern Sie sie als „CSV UTF-8“ (in Excel: Speichern unter, CSV UTF-8 \
             (durch Trennzeichen getrennt)) und laden Sie sie erneut hoch."
        ),
        Problem::TooLong { chars, max } => format!(
            "{name} ist {chars} Zeichen lang; höchstens {max} sind erlaubt. Kürzen Sie den \
             Wert."
        ),
        Problem::Unsafe { first } => format!(
            "{quoted} beginnt mit „{first}“, das Tabellenprogramme als Formel behandeln. \
             Entfernen Sie das „{first}“ am Anfang."
        ),
        Problem::UserType => format!(
            "{quoted} ist kein Benutzertyp. Verwenden Sie Standard oder Privilegiert, oder \
             lassen Sie die Zelle leer für Standard."
        ),
        Problem::Email(EmailProblem::Space) => format!(
            "{quoted} enthält ein Leerzeichen. Eine E-Mail-Adresse hat keine Leerzeichen; \
             entfernen Sie sie."
        ),
        Problem::Email(EmailProblem::Hidden) => format!(
            "{quoted} enthält ein verstecktes Zeichen, etwa ein geschütztes Leerzeichen oder \
             ein Leerzeichen ohne Breite, oft durch Kopieren und Einfügen entstanden. Geben \
             Sie die Adresse neu ein."
        ),
        Problem::Email(EmailProblem::DisplayName) => format!(
            "{quoted} ist ein Name mit Adresse. Schreiben Sie nur die Adresse, in der Form \
             name@beispiel.de."
        ),
        Problem::Email(EmailProblem::ManyAts) => format!(
            "{quoted} enthält mehr als ein @. Schreiben Sie eine Adresse pro Zelle, in der \
             Form name@beispiel.de."
        ),
        Problem::Email(EmailProblem::Form) => {
            format!("{quoted} ist keine E-Mail-Adresse. Verwenden Sie die Form name@beispiel.de.")
        }
        Problem::UnknownSite { allowed } => format!(
            "{quoted} ist keiner der Standorte. Verwenden Sie {}, oder lassen Sie die \
             Zelle leer für den Standardstandort.",
            WORDS.quoted_join(allowed, "oder")
        ),
        Problem::EmailDomain { allowed } => format!(
            "{value} gehört zu keiner Domain der Organisation. Verwenden Sie eine Adresse \
             bei {}.",
            domain_list(allowed, "oder", |n| format!("einer von {n} weiteren"))
        ),
        Problem::EmailExists => format!(
            "{value} hat bereits ein Konto. Entfernen Sie diese Zeile oder verwenden Sie \
             eine andere Adresse."
        ),
    }
}

fn encoding(name: &str) -> String {
    super::encoding(
        name,
        &[
            "Mitteleuropäisch",
            "Kyrillisch",
            "Westeuropäisch",
            "Griechisch",
            "Türkisch",
            "Hebräisch",
            "Arabisch",
            "Baltisch",
            "Vietnamesisch",
            "Thai",
            "Japanisch",
            "Chinesisch (vereinfacht)",
            "Chinesisch (traditionell)",
            "Koreanisch",
        ],
    )
}

/// „mit höchstens 1 Benutzer“, „mit höchstens 2 Benutzern“: the count after „mit“.
fn with_users(count: u32) -> String {
    match count {
        1 => "1 Benutzer".to_owned(),
        n => format!("{n} Benutzern"),
    }
}
