//! Italiano.

use super::{domain_list, join, numbers, rows_listed, shown, Text, Words};
use crate::model::column::Column;
use crate::model::format::Markup;
use crate::model::problem::{EmailProblem, Problem};
use crate::model::text::column_letters;

pub(super) static WORDS: Words = Words {
    sizes: (["byte", "KiB", "MiB"], ','),
    formats: [
        "un file CSV",
        "una cartella di lavoro Excel (.xlsx)",
        "una cartella di lavoro Excel 97-2003 (.xls)",
        "un foglio di calcolo OpenDocument (.ods)",
    ],
    quotes: ["«", "»"],
    list: |items| join(items, "e"),
    users: ["utente", "utenti"],
    columns: ["Nome utente", "E-mail", "Tipo utente", "Sede"],
    headers: ["Nome utente*", "E-mail*", "Tipo utente", "Sede"],
    user_types: ["Standard", "Privilegiato"],
    row_column: |row, column, message| format!("Riga {row}, {column}: {message}"),
    row: |row, message| format!("Riga {row}: {message}"),
    summary: |count| match count {
        1 => "1 problema nel file:".to_owned(),
        n => format!("{n} problemi nel file:"),
    },
};

pub(super) fn render(text: &Text) -> String {
    match *text {
        Text::FileTooLarge {
            size: Some(size),
            max,
        } => format!(
            "Il file è di {size} byte; se ne accettano al massimo {max} ({}). Dividi gli \
             utenti in file più piccoli.",
            WORDS.bytes(max)
        ),
        Text::FileTooLarge { size: None, max } => format!(
            "Il file supera i {max} byte ({}), il massimo accettato. Dividi gli utenti in \
             file più piccoli.",
            WORDS.bytes(max)
        ),
        Text::EmptyFile => "Il file è vuoto: non ha né una riga di intestazione né utenti. \
                            Compila il modello con un utente per riga e caricalo di nuovo."
            .to_owned(),
        Text::NoRows => "Il file ha una riga di intestazione ma nessun utente. Aggiungi un \
                         utente per riga sotto l'intestazione."
            .to_owned(),
        Text::FormatNotAccepted { format, accepted } => {
            let accepted: Vec<&str> = accepted.iter().map(|f| f.extension()).collect();
            format!(
                "I file in formato .{} non sono accettati qui. Salva il file come .{} e \
                 caricalo di nuovo.",
                format.extension(),
                accepted.join(" o .")
            )
        }
        Text::WrongFormat { expected, actual } => format!(
            "Questo file non è {} ma sembra {}. Caricalo con l'estensione giusta, oppure \
             salvalo di nuovo come .{}.",
            WORDS.described(expected),
            WORDS.described(actual),
            expected.extension()
        ),
        Text::Unreadable { expected } => format!(
            "Non è stato possibile leggere questo file come {}. Salvalo di nuovo dal tuo \
             programma di fogli di calcolo come .xlsx o .csv e caricalo.",
            WORDS.described(expected)
        ),
        Text::Markup { expected, markup } => format!(
            "Questo file è {}, non {}. Aprilo nel tuo programma di fogli di calcolo, salvalo \
             come cartella di lavoro Excel (.xlsx) o come CSV UTF-8 e carica quel file.",
            match markup {
                Markup::WebPage => "una pagina web (HTML)",
                Markup::XmlSpreadsheet => "un foglio di calcolo XML 2003",
                Markup::FlatOpenDocument => "un foglio di calcolo OpenDocument piatto (.fods)",
            },
            WORDS.described(expected)
        ),
        Text::BinaryData => "Questo file non è testo: contiene dati binari. Salvalo come CSV o \
                          .xlsx dal tuo programma di fogli di calcolo e caricalo di nuovo."
            .to_owned(),
        Text::Utf32 => "Questo file è testo salvato come UTF-32, che questo caricamento \
                          non legge. Salvalo come \"CSV UTF-8\" (in Excel: Salva con nome, \
                          CSV UTF-8 (delimitato da virgole)) e caricalo di nuovo."
            .to_owned(),
        Text::TooExpanded { limit } => format!(
            "Una volta decompressa, la cartella di lavoro supera {}, molto più di quanto \
             serva per un elenco di utenti. Copia gli utenti in una nuova cartella di lavoro \
             (o nel modello) e carica quella.",
            WORDS.bytes(limit)
        ),
        Text::Encrypted => "La cartella di lavoro è protetta da password. Rimuovi la \
                            password (o salva una copia non protetta) e caricala di nuovo."
            .to_owned(),
        Text::NoSheet => "La cartella di lavoro non ha fogli di lavoro. Compila il foglio \
                          Users del modello e caricalo di nuovo."
            .to_owned(),
        Text::NotBuiltIn { format } => format!(
            "I file in formato .{} non sono accettati qui. Salva il file come .xlsx e \
             caricalo di nuovo.",
            format.extension()
        ),
        Text::DuplicateColumn {
            column,
            first,
            second,
        } => format!(
            "Le colonne {} e {} sono entrambe {}. Tienine una ed elimina l'altra.",
            column_letters(first),
            column_letters(second),
            WORDS.q(WORDS.column(column))
        ),
        Text::UnknownColumn { index, header } => format!(
            "La colonna {} ha l'intestazione {}, che non è una colonna conosciuta. Le \
             colonne sono {}. Rinomina l'intestazione o elimina la colonna.",
            column_letters(index),
            WORDS.q(&shown(header)),
            WORDS.columns()
        ),
        Text::HeaderTooWide { max } => format!(
            "La riga di intestazione ha più di {max} colonne. Tieni solo le colonne {}.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count: 1 } => format!(
            "Un'altra cella dell'intestazione è una colonna sconosciuta o ripetuta. Tieni \
             solo le colonne {}, ciascuna una volta.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count } => format!(
            "Altre {count} celle dell'intestazione sono colonne sconosciute o ripetute. \
             Tieni solo le colonne {}, ciascuna una volta.",
            WORDS.columns()
        ),
        Text::MissingColumn { column } => format!(
            "La riga di intestazione non ha la colonna {}. Aggiungi una colonna con \
             l'intestazione {}.",
            WORDS.q(WORDS.column(column)),
            WORDS.q(WORDS.header(column))
        ),
        Text::TooManyRows { limit } => format!(
            "Il file ha più di {}; questa è la prima riga oltre il limite. Dividi gli \
             utenti in file di al massimo {}.",
            WORDS.users(limit),
            WORDS.users(limit)
        ),
        Text::ExtraValue {
            index,
            more,
            at_least,
        } => {
            let at_least = if at_least { "almeno " } else { "" };
            let others = match more {
                0 => String::new(),
                1 => format!(" (e {at_least}1 altra colonna)"),
                n => format!(" (e {at_least}altre {n} colonne)"),
            };
            format!(
                "La colonna {}{others} ha un valore ma nessuna intestazione. Cancella il \
                 valore, oppure dai un'intestazione alla colonna.",
                column_letters(index)
            )
        }
        Text::DuplicateEmail { address, first } => format!(
            "{address} è già usato alla riga {first}. Ogni utente ha bisogno del proprio \
             indirizzo e-mail."
        ),
        Text::Cell {
            problem,
            column,
            value,
        } => cell(problem, column, value),
        Text::EncodingGuessed { name } => format!(
            "Il file non è in UTF-8, quindi i suoi caratteri sono stati letti come {}. Se i \
             nomi appaiono sbagliati, salva il file come «CSV UTF-8» e caricalo di nuovo.",
            encoding(name)
        ),
        Text::InvisibleRemoved => "Dai valori di questa riga sono stati rimossi caratteri \
                                   invisibili (come segni di direzione o spazi a larghezza \
                                   zero, spesso lasciati dal copia e incolla)."
            .to_owned(),
        Text::MergedSpread => "Una cella unita copre questa riga: il suo valore è stato \
                               usato per ogni cella che copre, come la mostra il foglio di \
                               calcolo."
            .to_owned(),
        Text::ColumnRule {
            column,
            default_site,
        } => match column {
            Column::UserName => format!(
                "Obbligatorio. Il nome completo della persona, al massimo {} caratteri. Non \
                 può iniziare con =, +, - o @.",
                crate::model::column::MAX_NAME_CHARS
            ),
            Column::Email => format!(
                "Obbligatorio. Un indirizzo e-mail come nome@esempio.it, al massimo {} \
                 caratteri. Ogni utente ha bisogno del proprio indirizzo.",
                crate::model::column::MAX_EMAIL_CHARS
            ),
            Column::UserType => "Standard o Privilegiato. Lascia vuoto per Standard.".to_owned(),
            Column::Site => format!(
                "La sede o l'ufficio della persona, al massimo {} caratteri. Lascia vuoto per \
                 {default_site}. Non può iniziare con =, +, - o @.",
                crate::model::column::MAX_SITE_CHARS
            ),
        },
        Text::TemplateTitle => "Come compilare questo modello".to_owned(),
        Text::RuleOneUserPerRow => "Inserisci un utente per riga nel foglio Users, sotto \
                                    l'intestazione. Non modificare né spostare la riga di \
                                    intestazione."
            .to_owned(),
        Text::RuleRequired => "Le colonne contrassegnate con * sono obbligatorie. Le righe \
                               vuote vengono saltate."
            .to_owned(),
        Text::RuleLimits { rows, bytes: max } => format!(
            "Al massimo {} per file, e file di al massimo {}. Dividi gli elenchi più \
             lunghi in più file.",
            WORDS.users(rows),
            WORDS.bytes(max)
        ),
        Text::RuleUniqueEmail => {
            "Ogni indirizzo e-mail può comparire una sola volta nel file.".to_owned()
        }
        Text::RuleDomains { domains } => {
            format!("Usa un indirizzo e-mail di {}.", join(domains, "o"))
        }
        Text::RuleNewPeopleOnly => {
            "Aggiungi solo persone che non hanno ancora un account.".to_owned()
        }
        Text::RuleFormats => "Salva il file come cartella di lavoro Excel (.xlsx) o come CSV \
                              (.csv, in UTF-8 se il programma lo chiede). Vanno bene anche \
                              OpenDocument (.ods) ed Excel 97-2003 (.xls)."
            .to_owned(),
        Text::RuleAllOrNothing => "L'intero file viene controllato in una volta: se qualcosa \
                                   non va, non viene importato nulla e ricevi l'elenco di \
                                   tutti i problemi con il numero di riga. Correggili e \
                                   carica di nuovo."
            .to_owned(),
        Text::RuleSites { sites } => {
            format!("La sede deve essere una di queste: {}.", sites.join(", "))
        }
        Text::ColumnHeading => "Colonna".to_owned(),
        Text::RuleHeading => "Regola".to_owned(),
        Text::SitesHeading => "Sedi".to_owned(),
        Text::UserTypeInputTitle => "Tipo utente".to_owned(),
        Text::UserTypeInputMessage => {
            "Standard o Privilegiato. Lascia vuoto per Standard.".to_owned()
        }
        Text::UserTypeErrorTitle => "Non è un tipo utente".to_owned(),
        Text::UserTypeErrorMessage => "Scegli Standard o Privilegiato dall'elenco, oppure \
                                       lascia la cella vuota per Standard."
            .to_owned(),
        Text::SiteErrorTitle => "Non è una delle sedi".to_owned(),
        Text::SiteErrorMessage { default_site } => {
            format!("Scegli una sede dall'elenco, oppure lascia la cella vuota per {default_site}.")
        }
        Text::RowHeading => "Riga".to_owned(),
        Text::ErrorsHeading => "Errori".to_owned(),
        Text::ProblemsSheetTitle => "Problemi".to_owned(),
        Text::ProblemHeading => "Problema".to_owned(),
        Text::SplitFile { users, limit } => format!(
            "Il file ha {users} utenti; se ne {} aggiungere al massimo {limit} alla volta. \
             Dividili in file di al massimo {} e carica ciascuno.",
            if limit == 1 { "può" } else { "possono" },
            WORDS.users(limit)
        ),
        Text::DidYouMean { meant } => format!(" Forse intendevi {}?", WORDS.q(meant)),
        Text::KnownList {
            system,
            used,
            ignored,
        } => format!(
            "Questo è un elenco di {system}: letto dalle colonne {}; le altre {ignored} \
             colonne sono state ignorate.",
            (WORDS.list)(&WORDS.quoted(used))
        ),
        Text::NamesJoined {
            display_name: false,
        } => "Ogni nome utente è il nome e il \
                                                      cognome uniti da uno spazio."
            .to_owned(),
        Text::NamesJoined { display_name: true } => "Dove il nome visualizzato è vuoto, il \
                                                     nome utente è il nome e il cognome \
                                                     uniti da uno spazio."
            .to_owned(),
        Text::RowsAboveHeader { rows } => format!(
            "L'intestazione è in questa riga; {} sopra ({}) {} saltat{}.",
            if rows.len() == 1 {
                "la riga"
            } else {
                "le righe"
            },
            numbers(rows),
            if rows.len() == 1 {
                "è stata"
            } else {
                "sono state"
            },
            if rows.len() == 1 { "a" } else { "e" }
        ),
        Text::ExampleRow { system } => format!(
            "Questa è la riga di esempio del modello di {system}, non una persona da \
             aggiungere. Elimina la riga."
        ),
        Text::HiddenRows { rows, more } => {
            let listed = rows_listed(rows, more, |more| format!("e altre {more}"));
            if rows.len() + more == 1 {
                format!("La riga {listed} è nascosta nel foglio di calcolo ed è stata letta come le altre.")
            } else {
                format!("Le righe {listed} sono nascoste nel foglio di calcolo e sono state lette come le altre.")
            }
        }
        Text::Utf16WithoutBom { name } => format!(
            "Il file è testo {name} senza il segno che lo indica; è stato letto come {name}."
        ),
        Text::NulPadding => {
            "Il file termina con byte nulli che non sono testo; sono stati ignorati.".to_owned()
        }
        Text::ValueCut { length, shown } => format!(
            "Questo valore è lungo {length} caratteri, più di quanti ne contenga una cella \
             di un foglio di calcolo: qui sono mostrati solo i primi {shown}. Accorcialo nel \
             file caricato."
        ),
        Text::RowsNotShown { last } => format!(
            "Il file è troppo grande per essere mostrato qui con i suoi problemi: sono \
             mostrate solo le righe fino alla {last}. \
             Dividilo in file più piccoli e carica ciascuno."
        ),
        Text::UnreadableUpload => "Non è stato possibile leggere il file caricato, quindi il \
                                   foglio Users è il modello vuoto: copia gli utenti al suo \
                                   interno e caricalo."
            .to_owned(),
    }
}

fn cell(problem: &Problem, column: Column, value: &str) -> String {
    let name = WORDS.q(WORDS.column(column));
    let quoted = WORDS.q(&shown(value));
    match problem {
        Problem::Missing => match column {
            Column::Email => "L'e-mail è vuota. Ogni utente ha bisogno di un indirizzo \
                              e-mail."
                .to_owned(),
            Column::UserName => {
                "Il nome utente è vuoto. Ogni utente ha bisogno di un nome.".to_owned()
            }
            _ => format!("{name} è vuoto."),
        },
        Problem::ErrorCell => format!(
            "La cella mostra l'errore del foglio di calcolo {value}. Sostituiscilo con il \
             valore stesso."
        ),
        Problem::NoResult => format!(
            "{name} è una formula il cui risultato non è salvato nel file, quindi non si sa \
             cosa mostri. Apri il file nel tuo programma di fogli di calcolo, salvalo e \
             caricalo di nuovo (oppure scrivi il valore al posto della formula)."
        ),
        Problem::NotANumber => format!(
            "{name} contiene {quoted} in una cella che il file indica come numero, quindi non \
             si sa cosa mostri un foglio di calcolo. Apri il file nel tuo programma di fogli \
             di calcolo, scrivi di nuovo il valore, salvalo e caricalo di nuovo."
        ),
        Problem::NoDate => format!(
            "{name} mostra ##### in Excel: la cella contiene il numero {quoted} in un formato \
             di data o ora, e nessuna data o ora ha quel numero. Formatta la cella come Testo, \
             scrivi di nuovo il valore, salva il file e caricalo di nuovo."
        ),
        Problem::Control => format!(
            "{name} contiene una tabulazione, un a capo o un altro carattere di controllo. \
             Scrivi il valore su una sola riga."
        ),
        Problem::NotIn { encoding: page } => format!("{name} contiene byte che non sono alcun carattere in {} (mostrati come \u{FFFD}), la codifica in cui è stato letto il file. Salvalo come \"CSV UTF-8\" (in Excel: Salva con nome, CSV UTF-8 (delimitato da virgole)) e caricalo di nuovo.", encoding(page)),
        Problem::Cesu8 => format!("{name} contiene caratteri scritti come Oracle e Java scrivono \"UTF8\" (CESU-8), che non è l'UTF-8 letto dai fogli di calcolo. Salva il file come \"CSV UTF-8\" da un programma di fogli di calcolo e caricalo di nuovo."),
        Problem::UnsureEncoding => format!("{name} contiene lettere accentate la cui codifica non è stato possibile determinare dal file, quindi non vengono indovinate. Salva il file come \"CSV UTF-8\" (in Excel: Salva con nome, CSV UTF-8 (delimitato da virgole)) e caricalo di nuovo."),
        Problem::Unreadable => format!(
            "{name} ha caratteri che non è stato possibile leggere (mostrati come \u{FFFD}): \
             il file non è nella codifica con cui è stato letto. Salvalo come «CSV UTF-8» \
             (in Excel: Salva con nome, CSV UTF-8 (delimitato da virgole)) e caricalo di \
             nuovo."
        ),
        Problem::TooLong { chars, max } => format!(
            "{name} è lungo {chars} caratteri; ne sono ammessi al massimo {max}. Accorcialo."
        ),
        Problem::Unsafe { first } => format!(
            "{quoted} inizia con «{first}», che i fogli di calcolo trattano come una \
             formula. Togli il «{first}» iniziale."
        ),
        Problem::UserType => format!(
            "{quoted} non è un tipo utente. Usa Standard o Privilegiato, oppure lascia la \
             cella vuota per Standard."
        ),
        Problem::Email(EmailProblem::Space) => {
            format!("{quoted} contiene uno spazio. Un indirizzo e-mail non ha spazi; toglili.")
        }
        Problem::Email(EmailProblem::Hidden) => format!(
            "{quoted} contiene un carattere nascosto, come uno spazio unificatore o a \
             larghezza zero, spesso lasciato dal copia e incolla. Riscrivi l'indirizzo."
        ),
        Problem::Email(EmailProblem::DisplayName) => format!(
            "{quoted} è un nome con un indirizzo. Scrivi solo l'indirizzo, nella forma \
             nome@esempio.it."
        ),
        Problem::Email(EmailProblem::ManyAts) => format!(
            "{quoted} ha più di una @. Scrivi un indirizzo per cella, nella forma \
             nome@esempio.it."
        ),
        Problem::Email(EmailProblem::Form) => {
            format!("{quoted} non è un indirizzo e-mail. Usa la forma nome@esempio.it.")
        }
        Problem::UnknownSite { allowed } => format!(
            "{quoted} non è una delle sedi. Usa {}, oppure lascia la cella vuota per la \
             sede predefinita.",
            WORDS.quoted_join(allowed, "o")
        ),
        Problem::EmailDomain { allowed } => format!(
            "{value} non appartiene a nessuno dei domini dell'organizzazione. Usa un \
             indirizzo di {}.",
            domain_list(allowed, "o", |n| format!("uno degli altri {n}"))
        ),
        Problem::EmailExists => {
            format!("{value} ha già un account. Rimuovi questa riga o usa un altro indirizzo.")
        }
    }
}

fn encoding(name: &str) -> String {
    super::encoding(
        name,
        &[
            "Europa centrale",
            "Cirillico",
            "Europa occidentale",
            "Greco",
            "Turco",
            "Ebraico",
            "Arabo",
            "Baltico",
            "Vietnamita",
            "Thai",
            "Giapponese",
            "Cinese semplificato",
            "Cinese tradizionale",
            "Coreano",
        ],
    )
}
