//! Español.

use super::{domain_list, join, numbers, rows_listed, shown, Text, Words};
use crate::model::column::Column;
use crate::model::format::Markup;
use crate::model::problem::{EmailProblem, Problem};
use crate::model::text::column_letters;

pub(super) static WORDS: Words = Words {
    sizes: (["bytes", "KiB", "MiB"], ','),
    formats: [
        "un archivo CSV",
        "un libro de Excel (.xlsx)",
        "un libro de Excel 97-2003 (.xls)",
        "una hoja de cálculo OpenDocument (.ods)",
    ],
    quotes: ["«", "»"],
    list: |items| join(items, "y"),
    users: ["usuario", "usuarios"],
    columns: [
        "Nombre de usuario",
        "Correo electrónico",
        "Tipo de usuario",
        "Sede",
    ],
    headers: [
        "Nombre de usuario*",
        "Correo electrónico*",
        "Tipo de usuario",
        "Sede",
    ],
    user_types: ["Estándar", "Privilegiado"],
    row_column: |row, column, message| format!("Fila {row}, {column}: {message}"),
    row: |row, message| format!("Fila {row}: {message}"),
    summary: |count| match count {
        1 => "1 problema en el archivo:".to_owned(),
        n => format!("{n} problemas en el archivo:"),
    },
};

pub(super) fn render(text: &Text) -> String {
    match *text {
        Text::FileTooLarge {
            size: Some(size),
            max,
        } => format!(
            "El archivo tiene {size} bytes; se aceptan como máximo {max} bytes ({}). Reparta \
             los usuarios en archivos más pequeños.",
            WORDS.bytes(max)
        ),
        Text::FileTooLarge { size: None, max } => format!(
            "El archivo supera los {max} bytes ({}), el máximo aceptado. Reparta los \
             usuarios en archivos más pequeños.",
            WORDS.bytes(max)
        ),
        Text::EmptyFile => "El archivo está vacío: no tiene fila de encabezado ni usuarios. \
                            Rellene la plantilla con un usuario por fila y vuelva a subirla."
            .to_owned(),
        Text::NoRows => "El archivo tiene una fila de encabezado pero ningún usuario. Añada \
                         un usuario por fila debajo del encabezado."
            .to_owned(),
        Text::FormatNotAccepted { format, accepted } => {
            let accepted: Vec<&str> = accepted.iter().map(|f| f.extension()).collect();
            format!(
                "Aquí no se aceptan archivos en formato .{}. Guarde el archivo como .{} y \
                 vuelva a subirlo.",
                format.extension(),
                accepted.join(" o .")
            )
        }
        Text::WrongFormat { expected, actual } => format!(
            "Este archivo no es {}, sino que parece {}. Súbalo con la extensión correcta o \
             vuelva a guardarlo como .{}.",
            WORDS.described(expected),
            WORDS.described(actual),
            expected.extension()
        ),
        Text::Unreadable { expected } => format!(
            "No se pudo leer este archivo como {}. Vuelva a guardarlo desde su programa de \
             hojas de cálculo como .xlsx o .csv y súbalo de nuevo.",
            WORDS.described(expected)
        ),
        Text::Markup { expected, markup } => format!(
            "Este archivo es {}, no {}. Ábralo en su programa de hojas de cálculo, guárdelo \
             como libro de Excel (.xlsx) o como CSV UTF-8 y suba ese archivo.",
            match markup {
                Markup::WebPage => "una página web (HTML)",
                Markup::XmlSpreadsheet => "una hoja de cálculo XML 2003",
                Markup::FlatOpenDocument => "una hoja de cálculo OpenDocument plana (.fods)",
            },
            WORDS.described(expected)
        ),
        Text::BinaryData => "Este archivo no es texto: contiene datos binarios. Guárdelo como \
                          CSV o .xlsx desde su programa de hojas de cálculo y vuelva a \
                          subirlo."
            .to_owned(),
        Text::Utf32 => "Este archivo es texto guardado como UTF-32, que esta carga no lee. \
                          Guárdelo como «CSV UTF-8» (en Excel: Guardar como, CSV UTF-8 \
                          (delimitado por comas)) y súbalo de nuevo."
            .to_owned(),
        Text::TooExpanded { limit } => format!(
            "Al descomprimirse, el libro ocupa más de {}, mucho más de lo que necesita una \
             lista de usuarios. Copie los usuarios en un libro nuevo (o en la plantilla) y \
             suba ese.",
            WORDS.bytes(limit)
        ),
        Text::Encrypted => "El libro está protegido con contraseña. Quite la contraseña (o \
                            guarde una copia sin protección) y vuelva a subirlo."
            .to_owned(),
        Text::NoSheet => "El libro no tiene ninguna hoja de cálculo. Rellene la hoja Users \
                          de la plantilla y vuelva a subirla."
            .to_owned(),
        Text::NotBuiltIn { format } => format!(
            "Aquí no se aceptan archivos en formato .{}. Guarde el archivo como .xlsx y \
             vuelva a subirlo.",
            format.extension()
        ),
        Text::DuplicateColumn {
            column,
            first,
            second,
        } => format!(
            "Las columnas {} y {} son ambas {}. Conserve una y elimine la otra.",
            column_letters(first),
            column_letters(second),
            WORDS.q(WORDS.column(column))
        ),
        Text::UnknownColumn { index, header } => format!(
            "La columna {} tiene el encabezado {}, que no es una columna conocida. Las \
             columnas son {}. Cambie el encabezado o elimine la columna.",
            column_letters(index),
            WORDS.q(&shown(header)),
            WORDS.columns()
        ),
        Text::HeaderTooWide { max } => format!(
            "La fila de encabezado tiene más de {max} columnas. Conserve solo las columnas \
             {}.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count: 1 } => format!(
            "Otra celda del encabezado es una columna desconocida o repetida. Conserve solo \
             las columnas {}, cada una una vez.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count } => format!(
            "Otras {count} celdas del encabezado son columnas desconocidas o repetidas. \
             Conserve solo las columnas {}, cada una una vez.",
            WORDS.columns()
        ),
        Text::MissingColumn { column } => format!(
            "La fila de encabezado no tiene la columna {}. Añada una columna con el \
             encabezado {}.",
            WORDS.q(WORDS.column(column)),
            WORDS.q(WORDS.header(column))
        ),
        Text::TooManyRows { limit } => format!(
            "El archivo tiene más de {}; esta es la primera fila que supera el límite. \
             Reparta los usuarios en archivos de {} como máximo.",
            WORDS.users(limit),
            WORDS.users(limit)
        ),
        Text::ExtraValue {
            index,
            more,
            at_least,
        } => {
            let at_least = if at_least { "al menos " } else { "" };
            let others = match more {
                0 => String::new(),
                1 => format!(" (y {at_least}1 columna más)"),
                n => format!(" (y {at_least}{n} columnas más)"),
            };
            format!(
                "La columna {}{others} tiene un valor pero no tiene encabezado. Borre el \
                 valor o ponga un encabezado a la columna.",
                column_letters(index)
            )
        }
        Text::DuplicateEmail { address, first } => format!(
            "{address} ya se usa en la fila {first}. Cada usuario necesita su propia \
             dirección de correo."
        ),
        Text::Cell {
            problem,
            column,
            value,
        } => cell(problem, column, value),
        Text::EncodingGuessed { name } => format!(
            "El archivo no está en UTF-8, así que sus caracteres se leyeron como {}. Si los \
             nombres se ven mal, guarde el archivo como «CSV UTF-8» y vuelva a subirlo.",
            encoding(name)
        ),
        Text::InvisibleRemoved => "Se quitaron de los valores de esta fila caracteres \
                                   invisibles (como marcas de dirección o espacios de ancho \
                                   cero, que suele dejar copiar y pegar)."
            .to_owned(),
        Text::MergedSpread => "Una celda combinada cubre esta fila: su valor se usó en cada \
                               celda que cubre, tal como lo muestra la hoja de cálculo."
            .to_owned(),
        Text::ColumnRule {
            column,
            default_site,
        } => match column {
            Column::UserName => format!(
                "Obligatorio. El nombre completo de la persona, como máximo {} caracteres. \
                 No puede empezar por =, +, - ni @.",
                crate::model::column::MAX_NAME_CHARS
            ),
            Column::Email => format!(
                "Obligatorio. Una dirección de correo como nombre@ejemplo.com, como máximo \
                 {} caracteres. Cada usuario necesita su propia dirección.",
                crate::model::column::MAX_EMAIL_CHARS
            ),
            Column::UserType => "Estándar o Privilegiado. Déjelo vacío para Estándar.".to_owned(),
            Column::Site => format!(
                "La sede u oficina de la persona, como máximo {} caracteres. Déjelo vacío \
                 para {default_site}. No puede empezar por =, +, - ni @.",
                crate::model::column::MAX_SITE_CHARS
            ),
        },
        Text::TemplateTitle => "Cómo rellenar esta plantilla".to_owned(),
        Text::RuleOneUserPerRow => "Ponga un usuario en cada fila de la hoja Users, debajo \
                                    del encabezado. No cambie ni mueva la fila de \
                                    encabezado."
            .to_owned(),
        Text::RuleRequired => "Las columnas marcadas con * son obligatorias. Las filas vacías \
                               se omiten."
            .to_owned(),
        Text::RuleLimits { rows, bytes: max } => format!(
            "Como máximo {} por archivo y archivos de {} como máximo. Reparta las listas \
             más largas en varios archivos.",
            WORDS.users(rows),
            WORDS.bytes(max)
        ),
        Text::RuleUniqueEmail => {
            "Cada dirección de correo solo puede aparecer una vez en el archivo.".to_owned()
        }
        Text::RuleDomains { domains } => {
            format!("Use una dirección de correo de {}.", join(domains, "o"))
        }
        Text::RuleNewPeopleOnly => {
            "Añada solo personas que todavía no tengan una cuenta.".to_owned()
        }
        Text::RuleFormats => "Guarde el archivo como libro de Excel (.xlsx) o como CSV \
                              (.csv, en UTF-8 si su programa lo pregunta). También sirven \
                              OpenDocument (.ods) y Excel 97-2003 (.xls)."
            .to_owned(),
        Text::RuleAllOrNothing => "Todo el archivo se comprueba a la vez: si algo está mal, \
                                   no se importa nada y recibe la lista de todos los \
                                   problemas con su número de fila. Corríjalos y vuelva a \
                                   subirlo."
            .to_owned(),
        Text::RuleSites { sites } => {
            format!("La sede debe ser una de estas: {}.", sites.join(", "))
        }
        Text::ColumnHeading => "Columna".to_owned(),
        Text::RuleHeading => "Regla".to_owned(),
        Text::SitesHeading => "Sedes".to_owned(),
        Text::UserTypeInputTitle => "Tipo de usuario".to_owned(),
        Text::UserTypeInputMessage => {
            "Estándar o Privilegiado. Déjelo vacío para Estándar.".to_owned()
        }
        Text::UserTypeErrorTitle => "No es un tipo de usuario".to_owned(),
        Text::UserTypeErrorMessage => "Elija Estándar o Privilegiado en la lista, o deje la \
                                       celda vacía para Estándar."
            .to_owned(),
        Text::SiteErrorTitle => "No es una de las sedes".to_owned(),
        Text::SiteErrorMessage { default_site } => {
            format!("Elija una sede de la lista, o deje la celda vacía para {default_site}.")
        }
        Text::RowHeading => "Fila".to_owned(),
        Text::ErrorsHeading => "Errores".to_owned(),
        Text::ProblemsSheetTitle => "Problemas".to_owned(),
        Text::ProblemHeading => "Problema".to_owned(),
        Text::SplitFile { users, limit } => format!(
            "El archivo tiene {users} usuarios; como máximo se {} añadir {limit} a la vez. \
             Repártalos en archivos de {} como máximo y suba cada uno.",
            if limit == 1 { "puede" } else { "pueden" },
            WORDS.users(limit)
        ),
        Text::DidYouMean { meant } => format!(" ¿Quiso decir {}?", WORDS.q(meant)),
        Text::KnownList {
            system,
            used,
            ignored,
        } => format!(
            "Esta es una lista de {system}: se leyó de sus columnas {}; sus otras \
             {ignored} columnas se ignoraron.",
            (WORDS.list)(&WORDS.quoted(used))
        ),
        Text::NamesJoined {
            display_name: false,
        } => "Cada nombre de usuario es el nombre y \
                                                      el apellido unidos por un espacio."
            .to_owned(),
        Text::NamesJoined { display_name: true } => "Donde el nombre para mostrar está \
                                                     vacío, el nombre de usuario es el \
                                                     nombre y el apellido unidos por un \
                                                     espacio."
            .to_owned(),
        Text::RowsAboveHeader { rows } => format!(
            "El encabezado está en esta fila; {} de arriba ({}) se {}.",
            if rows.len() == 1 {
                "la fila"
            } else {
                "las filas"
            },
            numbers(rows),
            if rows.len() == 1 {
                "omitió"
            } else {
                "omitieron"
            }
        ),
        Text::ExampleRow { system } => format!(
            "Esta es la fila de ejemplo de la plantilla de {system}, no una persona que \
             añadir. Elimine la fila."
        ),
        Text::HiddenRows { rows, more } => {
            let listed = rows_listed(rows, more, |more| format!("y {more} más"));
            if rows.len() + more == 1 {
                format!(
                    "La fila {listed} está oculta en la hoja de cálculo y se leyó como las demás."
                )
            } else {
                format!("Las filas {listed} están ocultas en la hoja de cálculo y se leyeron como las demás.")
            }
        }
        Text::Utf16WithoutBom { name } => {
            format!("El archivo es texto {name} sin la marca que lo indica; se leyó como {name}.")
        }
        Text::NulPadding => {
            "El archivo termina con bytes nulos que no son texto; se omitieron.".to_owned()
        }
        Text::ValueCut { length, shown } => format!(
            "Este valor tiene {length} caracteres, más de los que cabe en una celda de hoja \
             de cálculo: aquí solo se muestran los primeros {shown}. Acórtelo en el archivo \
             que subió."
        ),
        Text::RowsNotShown { last } => format!(
            "El archivo es demasiado grande para mostrarlo aquí con sus problemas: solo se \
             muestran las filas hasta la {last}. \
             Divídalo en archivos más pequeños y suba cada uno."
        ),
        Text::UnreadableUpload => "No se pudo leer el archivo subido, así que la hoja Users \
                                   es la plantilla vacía: copie en ella los usuarios y \
                                   súbala."
            .to_owned(),
    }
}

fn cell(problem: &Problem, column: Column, value: &str) -> String {
    let name = WORDS.q(WORDS.column(column));
    let quoted = WORDS.q(&shown(value));
    match problem {
        Problem::Missing => match column {
            Column::Email => "El correo electrónico está vacío. Cada usuario necesita una \
                              dirección de correo."
                .to_owned(),
            Column::UserName => "El nombre de usuario está vacío. Cada usuario necesita un \
                                 nombre."
                .to_owned(),
            _ => format!("{name} está vacío."),
        },
        Problem::ErrorCell => format!(
            "La celda muestra el error de hoja de cálculo {value}. Sustitúyalo por el valor \
             en sí."
        ),
        Problem::NoResult => format!(
            "{name} es una fórmula cuyo resultado no está guardado en el archivo, así que no \
             se sabe qué muestra. Abra el archivo en su programa de hojas de cálculo, \
             guárdelo y vuelva a subirlo (o escriba el valor en lugar de la fórmula)."
        ),
        Problem::NotANumber => format!(
            "{name} contiene {quoted} en una celda que el archivo marca como número, así que \
             no se sabe qué muestra una hoja de cálculo. Abra el archivo en su programa de \
             hojas de cálculo, vuelva a escribir el valor, guárdelo y vuelva a subirlo."
        ),
        Problem::NoDate => format!(
            "{name} muestra ##### en Excel: la celda contiene el número {quoted} con un \
             formato de fecha u hora, y ninguna fecha ni hora tiene ese número. Dé a la celda \
             el formato Texto, vuelva a escribir el valor, guarde el archivo y vuelva a subirlo."
        ),
        Problem::Control => format!(
            "{name} contiene un tabulador, un salto de línea u otro carácter de control. \
             Escriba el valor en una sola línea."
        ),
        Problem::NotIn { encoding: page } => format!("{name} tiene bytes que no son ningún carácter en {} (se muestran como \u{FFFD}), la codificación en que se leyó el archivo. Guárdelo como «CSV UTF-8» (en Excel: Guardar como, CSV UTF-8 (delimitado por comas)) y súbalo de nuevo.", encoding(page)),
        Problem::Cesu8 => format!("{name} tiene caracteres escritos como Oracle y Java escriben «UTF8» (CESU-8), que no es el UTF-8 que leen las hojas de cálculo. Guarde el archivo como «CSV UTF-8» desde una hoja de cálculo y súbalo de nuevo."),
        Problem::UnsureEncoding => format!("{name} tiene letras con acentos cuya codificación no se pudo determinar a partir del archivo, así que no se adivinan. Guarde el archivo como «CSV UTF-8» (en Excel: Guardar como, CSV UTF-8 (delimitado por comas)) y súbalo de nuevo."),
        Problem::Unreadable => format!(
            "{name} tiene caracteres que no se pudieron leer (se muestran como \u{FFFD}): el \
             archivo no está en la codificación con la que se leyó. Guárdelo como «CSV \
             UTF-8» (en Excel: Guardar como, CSV UTF-8 (delimitado por comas)) y vuelva a \
             subirlo."
        ),
        Problem::TooLong { chars, max } => {
            format!("{name} tiene {chars} caracteres; se permiten como máximo {max}. Acórtelo.")
        }
        Problem::Unsafe { first } => format!(
            "{quoted} empieza por «{first}», que las hojas de cálculo tratan como una \
             fórmula. Quite el «{first}» del principio."
        ),
        Problem::UserType => format!(
            "{quoted} no es un tipo de usuario. Use Estándar o Privilegiado, o deje la celda \
             vacía para Estándar."
        ),
        Problem::Email(EmailProblem::Space) => format!(
            "{quoted} contiene un espacio. Una dirección de correo no tiene espacios; \
             quítelos."
        ),
        Problem::Email(EmailProblem::Hidden) => format!(
            "{quoted} contiene un carácter oculto, como un espacio de no separación o de \
             ancho cero, que suele dejar copiar y pegar. Vuelva a escribir la dirección."
        ),
        Problem::Email(EmailProblem::DisplayName) => format!(
            "{quoted} es un nombre con una dirección. Escriba solo la dirección, con la forma \
             nombre@ejemplo.com."
        ),
        Problem::Email(EmailProblem::ManyAts) => format!(
            "{quoted} tiene más de una @. Escriba una dirección por celda, con la forma \
             nombre@ejemplo.com."
        ),
        Problem::Email(EmailProblem::Form) => {
            format!("{quoted} no es una dirección de correo. Use la forma nombre@ejemplo.com.")
        }
        Problem::UnknownSite { allowed } => format!(
            "{quoted} no es una de las sedes. Use {}, o deje la celda vacía para la sede \
             predeterminada.",
            WORDS.quoted_join(allowed, "o")
        ),
        Problem::EmailDomain { allowed } => format!(
            "{value} no pertenece a ninguno de los dominios de la organización. Use una \
             dirección de {}.",
            domain_list(allowed, "o", |n| format!("uno de otros {n}"))
        ),
        Problem::EmailExists => {
            format!("{value} ya tiene una cuenta. Elimine esta fila o use otra dirección.")
        }
    }
}

fn encoding(name: &str) -> String {
    super::encoding(
        name,
        &[
            "Centroeuropeo",
            "Cirílico",
            "Europeo occidental",
            "Griego",
            "Turco",
            "Hebreo",
            "Árabe",
            "Báltico",
            "Vietnamita",
            "Tailandés",
            "Japonés",
            "Chino simplificado",
            "Chino tradicional",
            "Coreano",
        ],
    )
}
