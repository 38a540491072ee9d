//! Nederlands.

use super::{domain_list, join, numbers, rows_listed, shown, Text, Words};
use crate::model::column::Column;
use crate::model::format::Markup;
use crate::model::problem::{EmailProblem, Problem};
use crate::model::text::column_letters;

pub(super) static WORDS: Words = Words {
    sizes: (["bytes", "KiB", "MiB"], ','),
    formats: [
        "een CSV-bestand",
        "een Excel-werkmap (.xlsx)",
        "een Excel 97-2003-werkmap (.xls)",
        "een OpenDocument-spreadsheet (.ods)",
    ],
    quotes: ["‘", "’"],
    list: |items| join(items, "en"),
    users: ["gebruiker", "gebruikers"],
    columns: ["Gebruikersnaam", "E-mailadres", "Gebruikerstype", "Locatie"],
    headers: [
        "Gebruikersnaam*",
        "E-mailadres*",
        "Gebruikerstype",
        "Locatie",
    ],
    user_types: ["Standaard", "Bevoorrecht"],
    row_column: |row, column, message| format!("Rij {row}, {column}: {message}"),
    row: |row, message| format!("Rij {row}: {message}"),
    summary: |count| match count {
        1 => "1 probleem in het bestand:".to_owned(),
        n => format!("{n} problemen in het bestand:"),
    },
};

pub(super) fn render(text: &Text) -> String {
    match *text {
        Text::FileTooLarge {
            size: Some(size),
            max,
        } => format!(
            "Het bestand is {size} bytes; maximaal {max} bytes ({}) worden geaccepteerd. \
             Verdeel de gebruikers over kleinere bestanden.",
            WORDS.bytes(max)
        ),
        Text::FileTooLarge { size: None, max } => format!(
            "Het bestand is groter dan {max} bytes ({}), het maximum dat wordt geaccepteerd. \
             Verdeel de gebruikers over kleinere bestanden.",
            WORDS.bytes(max)
        ),
        Text::EmptyFile => "Het bestand is leeg: het heeft geen kopregel en geen gebruikers. \
                            Vul de sjabloon in met één gebruiker per rij en upload hem \
                            opnieuw."
            .to_owned(),
        Text::NoRows => "Het bestand heeft een kopregel maar geen gebruikers. Zet onder de \
                         kopregel één gebruiker per rij."
            .to_owned(),
        Text::FormatNotAccepted { format, accepted } => {
            let accepted: Vec<&str> = accepted.iter().map(|f| f.extension()).collect();
            format!(
                "Bestanden in de indeling .{} worden hier niet geaccepteerd. Sla het bestand \
                 op als .{} en upload het opnieuw.",
                format.extension(),
                accepted.join(" of .")
            )
        }
        Text::WrongFormat { expected, actual } => format!(
            "Dit bestand is niet {} maar lijkt op {}. Upload het met de juiste extensie, of \
             sla het opnieuw op als .{}.",
            WORDS.described(expected),
            WORDS.described(actual),
            expected.extension()
        ),
        Text::Unreadable { expected } => format!(
            "Dit bestand kon niet worden gelezen als {}. Sla het in uw spreadsheetprogramma \
             opnieuw op als .xlsx of .csv en upload het.",
            WORDS.described(expected)
        ),
        Text::Markup { expected, markup } => format!(
            "Dit bestand is {}, niet {}. Open het in uw spreadsheetprogramma, sla het op als \
             Excel-werkmap (.xlsx) of als CSV UTF-8 en upload dat bestand.",
            match markup {
                Markup::WebPage => "een webpagina (HTML)",
                Markup::XmlSpreadsheet => "een XML-spreadsheet 2003",
                Markup::FlatOpenDocument => "een platte OpenDocument-spreadsheet (.fods)",
            },
            WORDS.described(expected)
        ),
        Text::BinaryData => "Dit bestand is geen tekst: het bevat binaire gegevens. Sla het in \
                          uw spreadsheetprogramma op als CSV of .xlsx en upload het opnieuw."
            .to_owned(),
        Text::Utf32 => "Dit bestand is tekst die als UTF-32 is opgeslagen, wat deze upload \
                          niet leest. Sla het op als \"CSV UTF-8\" (in Excel: Opslaan als, \
                          CSV UTF-8 (gescheiden door komma's)) en upload het opnieuw."
            .to_owned(),
        Text::TooExpanded { limit } => format!(
            "Uitgepakt is de werkmap groter dan {}, veel meer dan een lijst met gebruikers \
             nodig heeft. Kopieer de gebruikers naar een nieuwe werkmap (of de sjabloon) en \
             upload die.",
            WORDS.bytes(limit)
        ),
        Text::Encrypted => "De werkmap is beveiligd met een wachtwoord. Verwijder het \
                            wachtwoord (of sla een onbeveiligde kopie op) en upload hem \
                            opnieuw."
            .to_owned(),
        Text::NoSheet => "De werkmap heeft geen werkblad. Vul het blad Users van de sjabloon \
                          in en upload hem opnieuw."
            .to_owned(),
        Text::NotBuiltIn { format } => format!(
            "Bestanden in de indeling .{} worden hier niet geaccepteerd. Sla het bestand op \
             als .xlsx en upload het opnieuw.",
            format.extension()
        ),
        Text::DuplicateColumn {
            column,
            first,
            second,
        } => format!(
            "Kolom {} en {} zijn allebei {}. Houd er één en verwijder de andere.",
            column_letters(first),
            column_letters(second),
            WORDS.q(WORDS.column(column))
        ),
        Text::UnknownColumn { index, header } => format!(
            "Kolom {} heeft de kop {}, die geen bekende kolom is. De kolommen zijn {}. Geef \
             de kop een andere naam of verwijder de kolom.",
            column_letters(index),
            WORDS.q(&shown(header)),
            WORDS.columns()
        ),
        Text::HeaderTooWide { max } => format!(
            "De kopregel heeft meer dan {max} kolommen. Houd alleen de kolommen {}.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count: 1 } => format!(
            "Nog 1 kopcel is een onbekende of dubbele kolom. Houd alleen de kolommen {}, elk \
             één keer.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count } => format!(
            "Nog {count} kopcellen zijn onbekende of dubbele kolommen. Houd alleen de \
             kolommen {}, elk één keer.",
            WORDS.columns()
        ),
        Text::MissingColumn { column } => format!(
            "De kopregel heeft geen kolom {}. Voeg een kolom toe met de kop {}.",
            WORDS.q(WORDS.column(column)),
            WORDS.q(WORDS.header(column))
        ),
        Text::TooManyRows { limit } => format!(
            "Het bestand heeft meer dan {}; dit is de eerste rij boven de limiet. Verdeel \
             de gebruikers over bestanden van maximaal {}.",
            WORDS.users(limit),
            WORDS.users(limit)
        ),
        Text::ExtraValue {
            index,
            more,
            at_least,
        } => {
            let at_least = if at_least { "minstens " } else { "" };
            let others = match more {
                0 => String::new(),
                1 => format!(" (en {at_least}1 andere kolom)"),
                n => format!(" (en {at_least}{n} andere kolommen)"),
            };
            format!(
                "Kolom {}{others} heeft een waarde maar geen kop. Verwijder de waarde, of \
                 geef de kolom een kop.",
                column_letters(index)
            )
        }
        Text::DuplicateEmail { address, first } => format!(
            "{address} wordt al gebruikt in rij {first}. Elke gebruiker heeft een eigen \
             e-mailadres nodig."
        ),
        Text::Cell {
            problem,
            column,
            value,
        } => cell(problem, column, value),
        Text::EncodingGuessed { name } => format!(
            "Het bestand is niet in UTF-8, dus de tekens zijn gelezen als {}. Zien namen er \
             verkeerd uit, sla het bestand dan op als ‘CSV UTF-8’ en upload het opnieuw.",
            encoding(name)
        ),
        Text::InvisibleRemoved => "Onzichtbare tekens (zoals richtingstekens of spaties \
                                   zonder breedte, vaak achtergelaten door kopiëren en \
                                   plakken) zijn uit de waarden van deze rij verwijderd."
            .to_owned(),
        Text::MergedSpread => "Een samengevoegde cel beslaat deze rij: de waarde ervan is \
                               gebruikt voor elke cel die ze beslaat, zoals het \
                               spreadsheetprogramma haar toont."
            .to_owned(),
        Text::ColumnRule {
            column,
            default_site,
        } => match column {
            Column::UserName => format!(
                "Verplicht. De volledige naam van de persoon, maximaal {} tekens. Mag niet \
                 beginnen met =, +, - of @.",
                crate::model::column::MAX_NAME_CHARS
            ),
            Column::Email => format!(
                "Verplicht. Eén e-mailadres zoals naam@voorbeeld.nl, maximaal {} tekens. \
                 Elke gebruiker heeft een eigen adres nodig.",
                crate::model::column::MAX_EMAIL_CHARS
            ),
            Column::UserType => "Standaard of Bevoorrecht. Laat leeg voor Standaard.".to_owned(),
            Column::Site => format!(
                "De locatie of het kantoor van de persoon, maximaal {} tekens. Laat leeg voor \
                 {default_site}. Mag niet beginnen met =, +, - of @.",
                crate::model::column::MAX_SITE_CHARS
            ),
        },
        Text::TemplateTitle => "Zo vult u deze sjabloon in".to_owned(),
        Text::RuleOneUserPerRow => "Zet op het blad Users één gebruiker per rij, onder de \
                                    kopregel. Wijzig of verplaats de kopregel niet."
            .to_owned(),
        Text::RuleRequired => "Kolommen met een * zijn verplicht. Lege rijen worden \
                               overgeslagen."
            .to_owned(),
        Text::RuleLimits { rows, bytes: max } => format!(
            "Maximaal {} per bestand, en bestanden van maximaal {}. Verdeel langere \
             lijsten over meerdere bestanden.",
            WORDS.users(rows),
            WORDS.bytes(max)
        ),
        Text::RuleUniqueEmail => {
            "Elk e-mailadres mag maar één keer in het bestand staan.".to_owned()
        }
        Text::RuleDomains { domains } => {
            format!("Gebruik een e-mailadres bij {}.", join(domains, "of"))
        }
        Text::RuleNewPeopleOnly => "Voeg alleen mensen toe die nog geen account hebben.".to_owned(),
        Text::RuleFormats => "Sla het bestand op als Excel-werkmap (.xlsx) of als CSV (.csv, \
                              in UTF-8 als uw programma ernaar vraagt). OpenDocument (.ods) \
                              en Excel 97-2003 (.xls) werken ook."
            .to_owned(),
        Text::RuleAllOrNothing => "Het hele bestand wordt in één keer gecontroleerd: is er \
                                   iets mis, dan wordt niets geïmporteerd en krijgt u de lijst \
                                   met alle problemen en hun rijnummer. Los ze op en upload \
                                   opnieuw."
            .to_owned(),
        Text::RuleSites { sites } => {
            format!("De locatie moet een van deze zijn: {}.", sites.join(", "))
        }
        Text::ColumnHeading => "Kolom".to_owned(),
        Text::RuleHeading => "Regel".to_owned(),
        Text::SitesHeading => "Locaties".to_owned(),
        Text::UserTypeInputTitle => "Gebruikerstype".to_owned(),
        Text::UserTypeInputMessage => {
            "Standaard of Bevoorrecht. Laat leeg voor Standaard.".to_owned()
        }
        Text::UserTypeErrorTitle => "Geen gebruikerstype".to_owned(),
        Text::UserTypeErrorMessage => "Kies Standaard of Bevoorrecht uit de lijst, of laat de \
                                       cel leeg voor Standaard."
            .to_owned(),
        Text::SiteErrorTitle => "Geen van de locaties".to_owned(),
        Text::SiteErrorMessage { default_site } => {
            format!("Kies een locatie uit de lijst, of laat de cel leeg voor {default_site}.")
        }
        Text::RowHeading => "Rij".to_owned(),
        Text::ErrorsHeading => "Fouten".to_owned(),
        Text::ProblemsSheetTitle => "Problemen".to_owned(),
        Text::ProblemHeading => "Probleem".to_owned(),
        Text::SplitFile { users, limit } => format!(
            "Het bestand heeft {users} gebruikers; er {} er maximaal {limit} tegelijk \
             worden toegevoegd. Verdeel ze over bestanden van maximaal {} en upload elk \
             bestand.",
            if limit == 1 { "kan" } else { "kunnen" },
            WORDS.users(limit)
        ),
        Text::DidYouMean { meant } => format!(" Bedoelde u {}?", WORDS.q(meant)),
        Text::KnownList {
            system,
            used,
            ignored,
        } => format!(
            "Dit is een lijst van {system}: gelezen uit de kolommen {}; de {ignored} \
             andere kolommen zijn genegeerd.",
            (WORDS.list)(&WORDS.quoted(used))
        ),
        Text::NamesJoined {
            display_name: false,
        } => "Elke gebruikersnaam is de voornaam en \
                                                      de achternaam, gescheiden door een \
                                                      spatie."
            .to_owned(),
        Text::NamesJoined { display_name: true } => "Waar de weergavenaam leeg is, is de \
                                                     gebruikersnaam de voornaam en de \
                                                     achternaam, gescheiden door een spatie."
            .to_owned(),
        Text::RowsAboveHeader { rows } => format!(
            "De kopregel staat op deze rij; {} erboven ({}) {} overgeslagen.",
            if rows.len() == 1 {
                "de rij"
            } else {
                "de rijen"
            },
            numbers(rows),
            if rows.len() == 1 { "is" } else { "zijn" }
        ),
        Text::ExampleRow { system } => format!(
            "Dit is de voorbeeldrij van de sjabloon van {system}, geen persoon om toe te \
             voegen. Verwijder de rij."
        ),
        Text::HiddenRows { rows, more } => {
            let listed = rows_listed(rows, more, |more| format!("en nog {more}"));
            if rows.len() + more == 1 {
                format!(
                    "Rij {listed} is verborgen in de spreadsheet en is gelezen zoals de andere."
                )
            } else {
                format!("De rijen {listed} zijn verborgen in de spreadsheet en zijn gelezen zoals de andere.")
            }
        }
        Text::Utf16WithoutBom { name } => format!("Het bestand is {name}-tekst zonder het teken dat dat aangeeft; het is gelezen als {name}."),
        Text::NulPadding => "Het bestand eindigt met nulbytes die geen tekst zijn; ze zijn weggelaten.".to_owned(),
        Text::ValueCut { length, shown } => format!(
            "Deze waarde is {length} tekens lang, meer dan een spreadsheetcel kan bevatten: \
             hier worden alleen de eerste {shown} getoond. Maak hem korter in het geüploade \
             bestand."
        ),
        Text::RowsNotShown { last } => format!(
            "Het bestand is te groot om hier met zijn problemen te tonen: alleen de rijen \
             tot en met {last} worden getoond. Splits het \
             in kleinere bestanden en upload elk bestand."
        ),
        Text::UnreadableUpload => "Het geüploade bestand kon niet worden gelezen, dus het \
                                   blad Users is de lege sjabloon: kopieer de gebruikers \
                                   erin en upload het."
            .to_owned(),
    }
}

fn cell(problem: &Problem, column: Column, value: &str) -> String {
    let name = WORDS.q(WORDS.column(column));
    let quoted = WORDS.q(&shown(value));
    match problem {
        Problem::Missing => match column {
            Column::Email => "Het e-mailadres is leeg. Elke gebruiker heeft een e-mailadres \
                              nodig."
                .to_owned(),
            Column::UserName => {
                "De gebruikersnaam is leeg. Elke gebruiker heeft een naam nodig.".to_owned()
            }
            _ => format!("{name} is leeg."),
        },
        Problem::ErrorCell => {
            format!("De cel toont de spreadsheetfout {value}. Vervang die door de waarde zelf.")
        }
        Problem::NoResult => format!(
            "{name} is een formule waarvan het resultaat niet in het bestand is opgeslagen, \
             dus wat ze toont is onbekend. Open het bestand in uw spreadsheetprogramma, sla \
             het op en upload het opnieuw (of typ de waarde in plaats van de formule)."
        ),
        Problem::NotANumber => format!(
            "{name} bevat {quoted} in een cel die het bestand als getal aanmerkt, dus wat een \
             spreadsheetprogramma ervan toont is onbekend. Open het bestand in uw \
             spreadsheetprogramma, typ de waarde opnieuw, sla het op en upload het opnieuw."
        ),
        Problem::NoDate => format!(
            "{name} toont ##### in Excel: de cel bevat het getal {quoted} in een datum- of \
             tijdnotatie, en geen datum of tijd heeft dat getal. Geef de cel de notatie Tekst, \
             typ de waarde opnieuw, sla het bestand op en upload het opnieuw."
        ),
        Problem::Control => format!(
            "{name} bevat een tab, een regeleinde of een ander stuurteken. Typ de waarde op \
             één regel."
        ),
        Problem::NotIn { encoding: page } => format!("{name} bevat bytes die geen teken zijn in {} (getoond als \u{FFFD}), de codering waarin het bestand is gelezen. Sla het op als \"CSV UTF-8\" (in Excel: Opslaan als, CSV UTF-8 (gescheiden door komma's)) en upload het opnieuw.", encoding(page)),
        Problem::Cesu8 => format!("{name} bevat tekens die zijn geschreven zoals Oracle en Java \"UTF8\" schrijven (CESU-8), wat niet de UTF-8 is die spreadsheets lezen. Sla het bestand in een spreadsheetprogramma op als \"CSV UTF-8\" en upload het opnieuw."),
        Problem::UnsureEncoding => format!("{name} bevat letters met accenten waarvan de codering niet uit het bestand op te maken was; ze worden niet geraden. Sla het bestand op als \"CSV UTF-8\" (in Excel: Opslaan als, CSV UTF-8 (gescheiden door komma's)) en upload het opnieuw."),
        Problem::Unreadable => format!(
            "{name} bevat tekens die niet konden worden gelezen (getoond als \u{FFFD}): het \
             bestand is niet in de codering waarin het is gelezen. Sla het op als ‘CSV \
             UTF-8’ (in Excel: Opslaan als, CSV UTF-8 (door komma's gescheiden)) en upload \
             het opnieuw."
        ),
        Problem::TooLong { chars, max } => format!(
            "{name} is {chars} tekens lang; maximaal {max} zijn toegestaan. Maak het korter."
        ),
        Problem::Unsafe { first } => format!(
            "{quoted} begint met ‘{first}’, wat spreadsheetprogramma's als formule \
             behandelen. Verwijder de ‘{first}’ aan het begin."
        ),
        Problem::UserType => format!(
            "{quoted} is geen gebruikerstype. Gebruik Standaard of Bevoorrecht, of laat de \
             cel leeg voor Standaard."
        ),
        Problem::Email(EmailProblem::Space) => {
            format!("{quoted} bevat een spatie. Een e-mailadres heeft geen spaties; verwijder ze.")
        }
        Problem::Email(EmailProblem::Hidden) => format!(
            "{quoted} bevat een verborgen teken, zoals een vaste spatie of een spatie zonder \
             breedte, vaak achtergelaten door kopiëren en plakken. Typ het adres opnieuw."
        ),
        Problem::Email(EmailProblem::DisplayName) => format!(
            "{quoted} is een naam met een adres. Schrijf alleen het adres, in de vorm \
             naam@voorbeeld.nl."
        ),
        Problem::Email(EmailProblem::ManyAts) => format!(
            "{quoted} bevat meer dan één @. Schrijf één adres per cel, in de vorm \
             naam@voorbeeld.nl."
        ),
        Problem::Email(EmailProblem::Form) => {
            format!("{quoted} is geen e-mailadres. Gebruik de vorm naam@voorbeeld.nl.")
        }
        Problem::UnknownSite { allowed } => format!(
            "{quoted} is geen van de locaties. Gebruik {}, of laat de cel leeg voor de \
             standaardlocatie.",
            WORDS.quoted_join(allowed, "of")
        ),
        Problem::EmailDomain { allowed } => format!(
            "{value} hoort niet bij een van de domeinen van de organisatie. Gebruik een adres \
             bij {}.",
            domain_list(allowed, "of", |n| format!("een van {n} andere"))
        ),
        Problem::EmailExists => {
            format!("{value} heeft al een account. Verwijder deze rij of gebruik een ander adres.")
        }
    }
}

fn encoding(name: &str) -> String {
    super::encoding(
        name,
        &[
            "Centraal-Europees",
            "Cyrillisch",
            "West-Europees",
            "Grieks",
            "Turks",
            "Hebreeuws",
            "Arabisch",
            "Baltisch",
            "Vietnamees",
            "Thais",
            "Japans",
            "Vereenvoudigd Chinees",
            "Traditioneel Chinees",
            "Koreaans",
        ],
    )
}
