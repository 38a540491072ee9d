//! Français.

use super::{domain_list, join, numbers, rows_listed, shown, Text, Words};
use crate::model::column::Column;
use crate::model::format::Markup;
use crate::model::problem::{EmailProblem, Problem};
use crate::model::text::column_letters;

pub(super) static WORDS: Words = Words {
    sizes: (["octets", "Kio", "Mio"], ','),
    formats: [
        "un fichier CSV",
        "un classeur Excel (.xlsx)",
        "un classeur Excel 97-2003 (.xls)",
        "une feuille de calcul OpenDocument (.ods)",
    ],
    quotes: ["« ", " »"],
    list: |items| join(items, "et"),
    users: ["utilisateur", "utilisateurs"],
    columns: ["Nom d'utilisateur", "E-mail", "Type d'utilisateur", "Site"],
    headers: [
        "Nom d'utilisateur*",
        "E-mail*",
        "Type d'utilisateur",
        "Site",
    ],
    user_types: ["Standard", "Privilégié"],
    row_column: |row, column, message| format!("Ligne {row}, {column} : {message}"),
    row: |row, message| format!("Ligne {row} : {message}"),
    summary: |count| match count {
        1 => "1 problème dans le fichier :".to_owned(),
        n => format!("{n} problèmes dans le fichier :"),
    },
};

pub(super) fn render(text: &Text) -> String {
    match *text {
        Text::FileTooLarge {
            size: Some(size),
            max,
        } => format!(
            "Le fichier fait {size} octets ; {max} octets ({}) au plus sont acceptés. \
             Répartissez les utilisateurs dans des fichiers plus petits.",
            WORDS.bytes(max)
        ),
        Text::FileTooLarge { size: None, max } => format!(
            "Le fichier dépasse {max} octets ({}), le maximum accepté. Répartissez les \
             utilisateurs dans des fichiers plus petits.",
            WORDS.bytes(max)
        ),
        Text::EmptyFile => "Le fichier est vide : il n'a ni ligne d'en-tête ni \
                            utilisateurs. Remplissez le modèle avec un utilisateur par \
                            ligne, puis importez-le à nouveau."
            .to_owned(),
        Text::NoRows => "Le fichier a une ligne d'en-tête mais aucun utilisateur. Ajoutez \
                         un utilisateur par ligne sous l'en-tête."
            .to_owned(),
        Text::FormatNotAccepted { format, accepted } => {
            let accepted: Vec<&str> = accepted.iter().map(|f| f.extension()).collect();
            format!(
                "Les fichiers au format .{} ne sont pas acceptés ici. Enregistrez le \
                 fichier au format .{}, puis importez-le à nouveau.",
                format.extension(),
                accepted.join(" ou .")
            )
        }
        Text::WrongFormat { expected, actual } => format!(
            "Ce fichier n'est pas {} mais semble être {}. Importez-le avec la bonne \
             extension, ou enregistrez-le à nouveau au format .{}.",
            WORDS.described(expected),
            WORDS.described(actual),
            expected.extension()
        ),
        Text::Unreadable { expected } => format!(
            "Ce fichier n'a pas pu être lu comme {}. Enregistrez-le à nouveau depuis votre \
             tableur au format .xlsx ou .csv, puis importez-le.",
            WORDS.described(expected)
        ),
        Text::Markup { expected, markup } => format!(
            "Ce fichier est {}, pas {}. Ouvrez-le dans votre tableur, enregistrez-le comme \
             classeur Excel (.xlsx) ou au format CSV UTF-8, puis importez ce fichier.",
            match markup {
                Markup::WebPage => "une page web (HTML)",
                Markup::XmlSpreadsheet => "une feuille de calcul XML 2003",
                Markup::FlatOpenDocument => "une feuille de calcul OpenDocument plate (.fods)",
            },
            WORDS.described(expected)
        ),
        Text::BinaryData => "Ce fichier n'est pas du texte : il contient des données binaires. \
                          Enregistrez-le au format CSV ou .xlsx depuis votre tableur, puis \
                          importez-le à nouveau."
            .to_owned(),
        Text::Utf32 => "Ce fichier est du texte enregistré en UTF-32, que cet import ne \
                          lit pas. Enregistrez-le au format « CSV UTF-8 » (dans Excel : \
                          Enregistrer sous, CSV UTF-8 (délimité par des virgules)) et \
                          importez-le à nouveau."
            .to_owned(),
        Text::TooExpanded { limit } => format!(
            "Une fois décompressé, le classeur dépasse {}, bien plus qu'il n'en faut pour \
             une liste d'utilisateurs. Copiez les utilisateurs dans un nouveau classeur (ou \
             dans le modèle) et importez celui-ci.",
            WORDS.bytes(limit)
        ),
        Text::Encrypted => "Le classeur est protégé par un mot de passe. Retirez le mot de \
                            passe (ou enregistrez une copie non protégée), puis importez-le \
                            à nouveau."
            .to_owned(),
        Text::NoSheet => "Le classeur ne contient aucune feuille de calcul. Remplissez la \
                          feuille Users du modèle, puis importez-le à nouveau."
            .to_owned(),
        Text::NotBuiltIn { format } => format!(
            "Les fichiers au format .{} ne sont pas acceptés ici. Enregistrez le fichier au \
             format .xlsx, puis importez-le à nouveau.",
            format.extension()
        ),
        Text::DuplicateColumn {
            column,
            first,
            second,
        } => format!(
            "Les colonnes {} et {} sont toutes deux {}. Gardez-en une et supprimez l'autre.",
            column_letters(first),
            column_letters(second),
            WORDS.q(WORDS.column(column))
        ),
        Text::UnknownColumn { index, header } => format!(
            "La colonne {} a pour en-tête {}, qui n'est pas une colonne connue. Les \
             colonnes sont {}. Renommez l'en-tête ou supprimez la colonne.",
            column_letters(index),
            WORDS.q(&shown(header)),
            WORDS.columns()
        ),
        Text::HeaderTooWide { max } => format!(
            "La ligne d'en-tête a plus de {max} colonnes. Ne gardez que les colonnes {}.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count: 1 } => format!(
            "1 autre cellule d'en-tête est une colonne inconnue ou répétée. Ne gardez que \
             les colonnes {}, chacune une seule fois.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count } => format!(
            "{count} autres cellules d'en-tête sont des colonnes inconnues ou répétées. Ne \
             gardez que les colonnes {}, chacune une seule fois.",
            WORDS.columns()
        ),
        Text::MissingColumn { column } => format!(
            "La ligne d'en-tête n'a pas de colonne {}. Ajoutez une colonne intitulée {}.",
            WORDS.q(WORDS.column(column)),
            WORDS.q(WORDS.header(column))
        ),
        Text::TooManyRows { limit } => format!(
            "Le fichier contient plus de {} ; cette ligne est la première au-delà de la \
             limite. Répartissez les utilisateurs dans des fichiers de {} au plus.",
            WORDS.users(limit),
            WORDS.users(limit)
        ),
        Text::ExtraValue {
            index,
            more,
            at_least,
        } => {
            let at_least = if at_least { "au moins " } else { "" };
            let others = match more {
                0 => String::new(),
                1 => format!(" (et {at_least}1 autre colonne)"),
                n => format!(" (et {at_least}{n} autres colonnes)"),
            };
            format!(
                "La colonne {}{others} contient une valeur mais n'a pas d'en-tête. Supprimez \
                 la valeur, ou donnez un en-tête à la colonne.",
                column_letters(index)
            )
        }
        Text::DuplicateEmail { address, first } => format!(
            "{address} est déjà utilisée à la ligne {first}. Chaque utilisateur a besoin de \
             sa propre adresse e-mail."
        ),
        Text::Cell {
            problem,
            column,
            value,
        } => cell(problem, column, value),
        Text::EncodingGuessed { name } => format!(
            "Le fichier n'est pas en UTF-8 : ses caractères ont été lus en {}. Si des noms \
             sont mal affichés, enregistrez le fichier au format « CSV UTF-8 » et \
             importez-le à nouveau.",
            encoding(name)
        ),
        Text::InvisibleRemoved => "Des caractères invisibles (marques de direction, espaces \
                                   sans largeur, souvent laissés par un copier-coller) ont \
                                   été retirés des valeurs de cette ligne."
            .to_owned(),
        Text::MergedSpread => "Une cellule fusionnée couvre cette ligne : sa valeur a été \
                               reprise dans chaque cellule qu'elle couvre, comme le tableur \
                               l'affiche."
            .to_owned(),
        Text::ColumnRule {
            column,
            default_site,
        } => match column {
            Column::UserName => format!(
                "Obligatoire. Le nom complet de la personne, {} caractères au plus. Il ne \
                 peut pas commencer par =, +, - ou @.",
                crate::model::column::MAX_NAME_CHARS
            ),
            Column::Email => format!(
                "Obligatoire. Une adresse e-mail comme nom@exemple.com, {} caractères au \
                 plus. Chaque utilisateur a besoin de sa propre adresse.",
                crate::model::column::MAX_EMAIL_CHARS
            ),
            Column::UserType => "Standard ou Privilégié. Laissez vide pour Standard.".to_owned(),
            Column::Site => format!(
                "Le site ou le bureau de la personne, {} caractères au plus. Laissez vide \
                 pour {default_site}. Il ne peut pas commencer par =, +, - ou @.",
                crate::model::column::MAX_SITE_CHARS
            ),
        },
        Text::TemplateTitle => "Comment remplir ce modèle".to_owned(),
        Text::RuleOneUserPerRow => "Mettez un utilisateur par ligne dans la feuille Users, \
                                    sous l'en-tête. Ne modifiez pas et ne déplacez pas la \
                                    ligne d'en-tête."
            .to_owned(),
        Text::RuleRequired => "Les colonnes marquées d'un * sont obligatoires. Les lignes \
                               vides sont ignorées."
            .to_owned(),
        Text::RuleLimits { rows, bytes: max } => format!(
            "{} au plus par fichier, et des fichiers de {} au plus. Répartissez les listes \
             plus longues dans plusieurs fichiers.",
            WORDS.users(rows),
            WORDS.bytes(max)
        ),
        Text::RuleUniqueEmail => {
            "Chaque adresse e-mail ne peut figurer qu'une seule fois dans le fichier.".to_owned()
        }
        Text::RuleDomains { domains } => {
            format!("Utilisez une adresse e-mail en {}.", join(domains, "ou"))
        }
        Text::RuleNewPeopleOnly => {
            "N'ajoutez que des personnes qui n'ont pas encore de compte.".to_owned()
        }
        Text::RuleFormats => "Enregistrez le fichier en classeur Excel (.xlsx) ou en CSV \
                              (.csv, en UTF-8 si votre tableur le demande). Les formats \
                              OpenDocument (.ods) et Excel 97-2003 (.xls) conviennent aussi."
            .to_owned(),
        Text::RuleAllOrNothing => "Tout le fichier est vérifié en une fois : si quelque \
                                   chose ne va pas, rien n'est importé et vous recevez la \
                                   liste de tous les problèmes avec leur numéro de ligne. \
                                   Corrigez-les et importez à nouveau."
            .to_owned(),
        Text::RuleSites { sites } => {
            format!(
                "Le site doit être l'un des suivants : {}.",
                sites.join(", ")
            )
        }
        Text::ColumnHeading => "Colonne".to_owned(),
        Text::RuleHeading => "Règle".to_owned(),
        Text::SitesHeading => "Sites".to_owned(),
        Text::UserTypeInputTitle => "Type d'utilisateur".to_owned(),
        Text::UserTypeInputMessage => {
            "Standard ou Privilégié. Laissez vide pour Standard.".to_owned()
        }
        Text::UserTypeErrorTitle => "Type d'utilisateur inconnu".to_owned(),
        Text::UserTypeErrorMessage => "Choisissez Standard ou Privilégié dans la liste, ou \
                                       laissez la cellule vide pour Standard."
            .to_owned(),
        Text::SiteErrorTitle => "Site inconnu".to_owned(),
        Text::SiteErrorMessage { default_site } => format!(
            "Choisissez un site dans la liste, ou laissez la cellule vide pour \
             {default_site}."
        ),
        Text::RowHeading => "Ligne".to_owned(),
        Text::ErrorsHeading => "Erreurs".to_owned(),
        Text::ProblemsSheetTitle => "Problèmes".to_owned(),
        Text::ProblemHeading => "Problème".to_owned(),
        Text::SplitFile { users, limit } => format!(
            "Le fichier contient {users} utilisateurs ; {limit} au plus {} être {} en une \
             fois. Répartissez-les dans des fichiers de {} au plus et importez chacun d'eux.",
            if limit == 1 { "peut" } else { "peuvent" },
            if limit == 1 { "ajouté" } else { "ajoutés" },
            WORDS.users(limit)
        ),
        Text::DidYouMean { meant } => format!(" Vouliez-vous dire {} ?", WORDS.q(meant)),
        Text::KnownList { system, used, ignored } => format!(
            "Ceci est une liste {system} : lue à partir de ses colonnes {} ; ses {ignored} \
             autres colonnes ont été ignorées.",
            (WORDS.list)(&WORDS.quoted(used))
        ),
        Text::NamesJoined { display_name: false } => "Chaque nom d'utilisateur est le prénom \
                                                      et le nom de famille séparés par une \
                                                      espace."
            .to_owned(),
        Text::NamesJoined { display_name: true } => "Là où le nom complet est vide, le nom \
                                                     d'utilisateur est le prénom et le nom \
                                                     de famille séparés par une espace."
            .to_owned(),
        Text::RowsAboveHeader { rows } => format!(
            "L'en-tête est sur cette ligne ; {} au-dessus ({}) {} été ignorée{}.",
            if rows.len() == 1 { "la ligne" } else { "les lignes" },
            numbers(rows),
            if rows.len() == 1 { "a" } else { "ont" },
            if rows.len() == 1 { "" } else { "s" }
        ),
        Text::ExampleRow { system } => format!(
            "Ceci est la ligne d'exemple du modèle {system}, pas une personne à ajouter. \
             Supprimez la ligne."
        ),
        Text::HiddenRows { rows, more } => {
            let listed = rows_listed(rows, more, |more| format!("et {more} autres"));
            if rows.len() + more == 1 {
                format!("La ligne {listed} est masquée dans le tableur et a été lue comme les autres.")
            } else {
                format!("Les lignes {listed} sont masquées dans le tableur et ont été lues comme les autres.")
            }
        }
        Text::Utf16WithoutBom { name } => format!("Le fichier est du texte {name} sans la marque qui l'indique ; il a été lu en {name}."),
        Text::NulPadding => "Le fichier se termine par des octets nuls qui ne sont pas du texte ; ils ont été ignorés.".to_owned(),
        Text::ValueCut { length, shown } => format!(
            "Cette valeur compte {length} caractères, plus qu'une cellule de tableur ne peut \
             en contenir : seuls les {shown} premiers sont affichés ici. Raccourcissez-la \
             dans le fichier importé."
        ),
        Text::RowsNotShown { last } => format!(
            "Le fichier est trop volumineux pour être affiché ici avec ses problèmes : seules \
             les lignes jusqu'à la ligne {last} sont affichées. Divisez-le en fichiers plus petits et importez chacun d'eux."
        ),
        Text::UnreadableUpload => "Le fichier importé n'a pas pu être lu : la feuille Users \
                                   est donc le modèle vide. Copiez-y les utilisateurs et \
                                   importez-la."
            .to_owned(),
    }
}

fn cell(problem: &Problem, column: Column, value: &str) -> String {
    let name = WORDS.column(column);
    let quoted = WORDS.q(&shown(value));
    match problem {
        Problem::Missing => match column {
            Column::Email => "L'e-mail est vide. Chaque utilisateur a besoin d'une adresse \
                              e-mail."
                .to_owned(),
            Column::UserName => "Le nom d'utilisateur est vide. Chaque utilisateur a besoin \
                                 d'un nom."
                .to_owned(),
            _ => format!("{} est vide.", WORDS.q(name)),
        },
        Problem::ErrorCell => format!(
            "La cellule affiche l'erreur de tableur {value}. Remplacez-la par la valeur \
             elle-même."
        ),
        Problem::NoResult => format!(
            "{} est une formule dont le résultat n'est pas enregistré dans le fichier : ce \
             qu'elle affiche est inconnu. Ouvrez le fichier dans votre tableur, \
             enregistrez-le et importez-le à nouveau (ou saisissez la valeur au lieu de la \
             formule).",
            WORDS.q(name)
        ),
        Problem::NotANumber => format!(
            "{} contient {quoted} dans une cellule que le fichier marque comme un nombre : ce \
             qu'un tableur affiche pour elle est inconnu. Ouvrez le fichier dans votre \
             tableur, saisissez à nouveau la valeur, enregistrez-le et importez-le à nouveau.",
            WORDS.q(name)
        ),
        Problem::NoDate => format!(
            "{} affiche ##### dans Excel : la cellule contient le nombre {quoted} dans un \
             format de date ou d'heure, et aucune date ni heure n'a ce nombre. Mettez la \
             cellule au format Texte, saisissez à nouveau la valeur, enregistrez le fichier et \
             importez-le à nouveau.",
            WORDS.q(name)
        ),
        Problem::Control => format!(
            "{} contient une tabulation, un saut de ligne ou un autre caractère de \
             contrôle. Saisissez la valeur sur une seule ligne.",
            WORDS.q(name)
        ),
        Problem::NotIn { encoding: page } => format!("{name} contient des octets qui ne sont aucun caractère en {} (affichés \u{FFFD}), l'encodage dans lequel le fichier a été lu. Enregistrez-le au format « CSV UTF-8 » (dans Excel : Enregistrer sous, CSV UTF-8 (délimité par des virgules)) et importez-le à nouveau.", encoding(page)),
        Problem::Cesu8 => format!("{name} contient des caractères écrits comme Oracle et Java écrivent « UTF8 » (CESU-8), qui n'est pas l'UTF-8 que lisent les tableurs. Enregistrez le fichier au format « CSV UTF-8 » depuis un tableur et importez-le à nouveau."),
        Problem::UnsureEncoding => format!("{name} contient des lettres accentuées dont l'encodage n'a pas pu être déterminé à partir du fichier : elles ne sont pas devinées. Enregistrez le fichier au format « CSV UTF-8 » (dans Excel : Enregistrer sous, CSV UTF-8 (délimité par des virgules)) et importez-le à nouveau."),
        Problem::Unreadable => format!(
            "{} contient des caractères illisibles (affichés \u{FFFD}) : le fichier n'est \
             pas dans l'encodage utilisé pour le lire. Enregistrez-le au format « CSV \
             UTF-8 » (dans Excel : Enregistrer sous, CSV UTF-8 (délimité par des \
             virgules)) et importez-le à nouveau.",
            WORDS.q(name)
        ),
        Problem::TooLong { chars, max } => format!(
            "{} fait {chars} caractères ; {max} au plus sont autorisés. Raccourcissez-le.",
            WORDS.q(name)
        ),
        Problem::Unsafe { first } => format!(
            "{quoted} commence par « {first} », que les tableurs traitent comme une \
             formule. Retirez le « {first} » du début."
        ),
        Problem::UserType => format!(
            "{quoted} n'est pas un type d'utilisateur. Indiquez Standard ou Privilégié, ou \
             laissez la cellule vide pour Standard."
        ),
        Problem::Email(EmailProblem::Space) => format!(
            "{quoted} contient une espace. Une adresse e-mail n'a pas d'espaces : \
             retirez-les."
        ),
        Problem::Email(EmailProblem::Hidden) => format!(
            "{quoted} contient un caractère caché, comme une espace insécable ou sans \
             largeur, souvent laissé par un copier-coller. Saisissez à nouveau l'adresse."
        ),
        Problem::Email(EmailProblem::DisplayName) => format!(
            "{quoted} est un nom suivi d'une adresse. Écrivez l'adresse seule, sous la forme \
             nom@exemple.com."
        ),
        Problem::Email(EmailProblem::ManyAts) => format!(
            "{quoted} contient plus d'un @. Écrivez une adresse par cellule, sous la forme \
             nom@exemple.com."
        ),
        Problem::Email(EmailProblem::Form) => {
            format!("{quoted} n'est pas une adresse e-mail. Utilisez la forme nom@exemple.com.")
        }
        Problem::UnknownSite { allowed } => format!(
            "{quoted} ne fait pas partie des sites. Indiquez {}, ou laissez la cellule \
             vide pour le site par défaut.",
            WORDS.quoted_join(allowed, "ou")
        ),
        Problem::EmailDomain { allowed } => format!(
            "{value} n'appartient à aucun des domaines de l'organisation. Utilisez une \
             adresse en {}.",
            domain_list(allowed, "ou", |n| format!("l'un des {n} autres"))
        ),
        Problem::EmailExists => format!(
            "{value} a déjà un compte. Supprimez cette ligne ou utilisez une autre adresse."
        ),
    }
}

fn encoding(name: &str) -> String {
    super::encoding(
        name,
        &[
            "Europe centrale",
            "Cyrillique",
            "Europe occidentale",
            "Grec",
            "Turc",
            "Hébreu",
            "Arabe",
            "Balte",
            "Vietnamien",
            "Thaï",
            "Japonais",
            "Chinois simplifié",
            "Chinois traditionnel",
            "Coréen",
        ],
    )
}
