//! Each message a person reads, pinned verbatim once.

use bulk_users::{ErrorCode, Format, Language, Options};

use crate::support::{csv, HEADER};

#[track_caller]
fn message_of(grid: &[&[&str]]) -> String {
    let errors = bulk_users::parse(&csv(grid), Format::Csv).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    errors[0].to_string()
}

#[test]
fn row_messages() {
    let cases: &[(&[&str], &str)] = &[
        (&["", "a@example.com"], "Row 2, User name: User name is empty. Every user needs a user name."),
        (&["A", ""], "Row 2, Email: Email is empty. Every user needs an email address."),
        (&["A", "bob(at)corp"], "Row 2, Email: \"bob(at)corp\" is not an email address. Use the form name@example.com."),
        (&["A", "a@b@example.com"], "Row 2, Email: \"a@b@example.com\" has more than one @. Write one address per cell, in the form name@example.com."),
        (&["A", "a@b"], "Row 2, Email: \"a@b\" is not an email address. Use the form name@example.com."),
        (&["A", "Ada <a@example.com>"], "Row 2, Email: \"Ada <a@example.com>\" is a name with an address. Write the address alone, in the form name@example.com."),
        (&["A", "a @example.com"], "Row 2, Email: \"a @example.com\" contains a space. An email address has no spaces; remove them."),
        (&["A", "a@exa\u{A0}mple.com"], "Row 2, Email: \"a@exa\u{A0}mple.com\" contains a hidden character, such as a non-breaking or zero-width space, often left by copy and paste. Type the address again."),
        (&["A", "a@example.com", "Admin"], "Row 2, User type: \"Admin\" is not a user type. Use Standard or Privileged, or leave the cell empty for Standard."),
        (&["=cmd", "a@example.com"], "Row 2, User name: \"=cmd\" starts with \"=\", which spreadsheet programs treat as a formula. Remove the \"=\" at the start."),
        (&["A", "a@example.com", "", "a\tb"], "Row 2, Site: Site contains a tab, a line break or another control character. Type the value on a single line."),
        (&["A", "a@example.com", "", "a\u{85}b"], "Row 2, Site: Site contains a tab, a line break or another control character. Type the value on a single line."),
        (&["Zo\u{FFFD}", "a@example.com"], "Row 2, User name: User name has characters that could not be read (shown as \u{FFFD}): the file is not in the encoding it was read in. Save it as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8 (Comma delimited)) and upload it again."),
    ];
    for (row, expected) in cases {
        assert_eq!(message_of(&[HEADER, row]), *expected);
    }
    let long = "x".repeat(300);
    assert_eq!(
        message_of(&[HEADER, &[&long, "a@example.com"]]),
        "Row 2, User name: User name is 300 characters long; at most 256 are allowed. Shorten it."
    );
}

#[test]
fn cross_row_and_header_messages() {
    assert_eq!(
        message_of(&[HEADER, &["A", "a@example.com"], &["B", "A@example.com"]]),
        "Row 3, Email: A@example.com is already used on row 2. Each user needs their own email address."
    );
    assert_eq!(
        message_of(&[&["User name", "Email", "Phone number"], &["A", "a@example.com"]]),
        "Row 1: Column C is headed \"Phone number\", which is not a column this upload knows. The columns are \"User name\", \"Email\", \"User type\" and \"Site\". Rename the header or delete the column."
    );
    let errors =
        bulk_users::parse(&csv(&[&["User name", "Site"], &["A", "B"]]), Format::Csv).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "Row 1, Email: The header row has no Email column. Add a column headed \"Email*\"."
    );
    assert_eq!(
        message_of(&[&["Email", "Name", "E-mail"], &["a@example.com", "A", ""]]),
        "Row 1, Email: Columns A and C are both Email. Keep one of them and delete the other."
    );
    assert_eq!(
        message_of(&[&["Name", "Email", ""], &["A", "a@example.com", "x"]]),
        "Row 2: Column C has a value but no header. Delete the value, or give the column a header."
    );
}

#[test]
fn file_messages() {
    let first = |bytes: &[u8], format| bulk_users::parse(bytes, format).unwrap_err()[0].to_string();
    assert_eq!(
        first(b"", Format::Csv),
        "The file is empty: it has no header row and no users. Fill in the template with one user per row and upload it again."
    );
    assert_eq!(
        first(b"\n\n", Format::Csv),
        "The file is empty: it has no header row and no users. Fill in the template with one user per row and upload it again."
    );
    assert_eq!(
        first(b"User name*,Email*\n", Format::Csv),
        "The file has a header row but no users. Add one user per row under the header."
    );
    assert_eq!(
        first(&vec![b'a'; bulk_users::MAX_BYTES + 1], Format::Csv),
        "The file is 10485761 bytes; at most 10485760 bytes (10 MiB) are accepted. Split the users into smaller files."
    );
    assert_eq!(
        first(&bulk_users::write_template(), Format::Csv),
        "This file is not a CSV file but looks like an Excel workbook (.xlsx). Upload it with the right file extension, or save it again as .csv."
    );
    assert_eq!(
        first(b"User name*,Email*\nA,a@example.com\n", Format::Xlsx),
        "This file is not an Excel workbook (.xlsx) but looks like a CSV file. Upload it with the right file extension, or save it again as .xlsx."
    );
    let mut grid: Vec<&[&str]> = vec![HEADER];
    grid.extend(std::iter::repeat_n(&["A", ""][..], 501));
    let errors = bulk_users::parse(&csv(&grid), Format::Csv).unwrap_err();
    assert_eq!(
        errors.last().map(ToString::to_string).unwrap_or_default(),
        "Row 502: The file has more than 500 users; this is the first row past the limit. Split the users into files of at most 500 users each."
    );
}

/// What many systems' "Export to Excel" saves under an .xls name, and a flat
/// OpenDocument file (fixtures written by SheetJS and LibreOffice): refused, whatever
/// format it is uploaded as, with a message that names what the file is and how to
/// save it, never "looks like a CSV file".
#[test]
fn web_pages_and_xml_spreadsheets_say_what_they_are() {
    let web_page = "This file is a web page (HTML), not {}. Open it in your spreadsheet \
                    program, save it as an Excel workbook (.xlsx) or as CSV UTF-8, and upload that.";
    let xml = "This file is an XML Spreadsheet 2003, not {}. Open it in your spreadsheet \
               program, save it as an Excel workbook (.xlsx) or as CSV UTF-8, and upload that.";
    let flat = "This file is a flat OpenDocument spreadsheet (.fods), not {}. Open it in your \
                spreadsheet program, save it as an Excel workbook (.xlsx) or as CSV UTF-8, and \
                upload that.";
    let options = Options::new().formats(Format::ALL);
    for (file, message) in [
        ("sheetjs_web_page.xls", web_page),
        ("libreoffice_web_page.xls", web_page),
        ("sheetjs_xml_spreadsheet.xls", xml),
        ("libreoffice_flat.fods", flat),
    ] {
        let bytes = crate::support::data_file(file);
        for (format, described) in [
            (Format::Xls, "an Excel 97-2003 workbook (.xls)"),
            (Format::Xlsx, "an Excel workbook (.xlsx)"),
            (Format::Ods, "an OpenDocument spreadsheet (.ods)"),
            (Format::Csv, "a CSV file"),
        ] {
            let errors = options.parse(&bytes, format).unwrap_err();
            let got: Vec<_> = errors
                .iter()
                .map(|e| (e.code, e.row, e.message.as_str()))
                .collect();
            let want = message.replace("{}", described);
            assert_eq!(
                got,
                [(ErrorCode::UnreadableFile, None, want.as_str())],
                "{file} as {format}"
            );
        }
    }
}

#[test]
fn display_lists_every_error() {
    let errors = bulk_users::parse(
        &csv(&[HEADER, &["", "a@example.com"], &["B", "x"]]),
        Format::Csv,
    )
    .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "2 problems in the file:\n  Row 2, User name: User name is empty. Every user needs a user name.\n  Row 3, Email: \"x\" is not an email address. Use the form name@example.com."
    );
}

#[test]
fn json_forms_are_the_contract_s() {
    let users = bulk_users::parse(
        b"User name*,Email*\nAda Lovelace,ada@example.com\n",
        Format::Csv,
    )
    .unwrap();
    assert_eq!(
        serde_json::to_string(&users).unwrap(),
        r#"[{"name":"Ada Lovelace","email":"ada@example.com","user_type":"Standard","site":"HQ"}]"#
    );
    let errors = bulk_users::parse(b"User name*,Email*\nAda,x\n", Format::Csv).unwrap_err();
    assert_eq!(
        serde_json::to_string(&errors).unwrap(),
        r#"{"errors":[{"row":2,"column":"Email","cell":"B2","code":"invalid_email","message":"\"x\" is not an email address. Use the form name@example.com.","value":"x"}],"language":"en"}"#
    );
    let errors = bulk_users::parse(b"", Format::Csv).unwrap_err();
    let json = serde_json::to_value(&errors).unwrap();
    assert_eq!(json["errors"][0]["row"], serde_json::Value::Null);
    assert_eq!(json["errors"][0]["column"], serde_json::Value::Null);
    assert_eq!(json["errors"][0]["code"], "empty_file");
    assert_eq!(
        json["errors"][0].get("cell"),
        None,
        "no cell for the whole file"
    );
}

#[test]
fn json_round_trips_keep_the_cell_the_value_and_the_language() {
    let upload = "Nom d'utilisateur*,E-mail*\nAda,ada(at)example.com\nBob,\n";
    let options = Options::new().language(Language::French);
    let errors = options.parse(upload.as_bytes(), Format::Csv).unwrap_err();
    let json = serde_json::to_string(&errors).unwrap();
    assert!(json.ends_with(r#""language":"fr"}"#), "{json}");
    let back: bulk_users::RowErrors = serde_json::from_str(&json).unwrap();
    assert_eq!(back, errors);
    assert_eq!(back.to_string(), errors.to_string());
    assert!(back.to_string().starts_with("2 problèmes"), "{back}");
    assert_eq!(back[0].column_letter().as_deref(), Some("B"));
    assert_eq!(back[0].value.as_deref(), Some("ada(at)example.com"));
    assert_eq!(back[1].language(), Language::French);

    let report = options.check(upload.as_bytes(), Format::Csv);
    let json = serde_json::to_string(&report).unwrap();
    let back: bulk_users::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back.language, Language::French);
    assert_eq!(back.errors, report.errors);
    assert_eq!(back.errors[0].to_string(), report.errors[0].to_string());

    // An empty list is not a RowErrors.
    let empty = serde_json::from_str::<bulk_users::RowErrors>(r#"{"errors":[]}"#);
    assert!(empty.is_err());
    // JSON written before "language" and "cell" existed still reads, in English.
    let old = r#"{"errors":[{"row":2,"column":"Email","code":"invalid_email","message":"m"}]}"#;
    let old: bulk_users::RowErrors = serde_json::from_str(old).unwrap();
    assert_eq!(old.to_string(), "1 problem in the file:\n  Row 2, Email: m");
    assert_eq!(old[0].column_index, None);
}

#[test]
fn a_count_of_one_is_singular_in_every_language() {
    use bulk_users::UnknownColumns;
    // A limit of one user: the second is past it.
    let two_users = csv(&[HEADER, &["A", "a@example.com"], &["B", "b@example.com"]]);
    // Twenty unknown headers are listed one by one; the twenty-first is counted.
    let mut header = vec!["User name*".to_owned(), "Email*".to_owned()];
    header.extend((1..=21).map(|n| format!("Extra {n}")));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let wide = csv(&[&header, &["A", "a@example.com"]]);
    let expected = [
        (
            Language::English,
            "The file has more than 1 user; this is the first row past the limit. Split the users into files of at most 1 user each.",
            "1 more header cell is an unknown or repeated column. Keep only the columns \"User name\", \"Email\", \"User type\" and \"Site\", each once.",
        ),
        (
            Language::French,
            "Le fichier contient plus de 1 utilisateur ; cette ligne est la première au-delà de la limite. Répartissez les utilisateurs dans des fichiers de 1 utilisateur au plus.",
            "1 autre cellule d'en-tête est une colonne inconnue ou répétée. Ne gardez que les colonnes « Nom d'utilisateur », « E-mail », « Type d'utilisateur » et « Site », chacune une seule fois.",
        ),
        (
            Language::German,
            "Die Datei enthält mehr als 1 Benutzer; dies ist die erste Zeile über der Grenze. Verteilen Sie die Benutzer auf Dateien mit höchstens 1 Benutzer.",
            "1 weitere Überschrift ist eine unbekannte oder doppelte Spalte. Behalten Sie nur die Spalten „Benutzername“, „E-Mail“, „Benutzertyp“ und „Standort“, jede einmal.",
        ),
        (
            Language::Spanish,
            "El archivo tiene más de 1 usuario; esta es la primera fila que supera el límite. Reparta los usuarios en archivos de 1 usuario como máximo.",
            "Otra celda del encabezado es una columna desconocida o repetida. Conserve solo las columnas «Nombre de usuario», «Correo electrónico», «Tipo de usuario» y «Sede», cada una una vez.",
        ),
        (
            Language::Portuguese,
            "O arquivo tem mais de 1 usuário; esta é a primeira linha além do limite. Divida os usuários em arquivos de no máximo 1 usuário.",
            "Mais 1 célula do cabeçalho é uma coluna desconhecida ou repetida. Mantenha só as colunas “Nome de usuário”, “E-mail”, “Tipo de usuário” e “Local”, cada uma uma vez.",
        ),
        (
            Language::Italian,
            "Il file ha più di 1 utente; questa è la prima riga oltre il limite. Dividi gli utenti in file di al massimo 1 utente.",
            "Un'altra cella dell'intestazione è una colonna sconosciuta o ripetuta. Tieni solo le colonne «Nome utente», «E-mail», «Tipo utente» e «Sede», ciascuna una volta.",
        ),
        (
            Language::Dutch,
            "Het bestand heeft meer dan 1 gebruiker; dit is de eerste rij boven de limiet. Verdeel de gebruikers over bestanden van maximaal 1 gebruiker.",
            "Nog 1 kopcel is een onbekende of dubbele kolom. Houd alleen de kolommen ‘Gebruikersnaam’, ‘E-mailadres’, ‘Gebruikerstype’ en ‘Locatie’, elk één keer.",
        ),
        (
            Language::Japanese,
            "ファイルのユーザーが 1 人を超えています。この行が上限を超えた最初の行です。ユーザーを 1 ファイル 1 人以下に分けてください。",
            "ほかに 1 個の見出しが、不明または重複した列です。「ユーザー名」、「メールアドレス」、「ユーザー種別」、「拠点」の列を 1 つずつだけ残してください。",
        ),
    ];
    assert_eq!(expected.len(), Language::ALL.len());
    for (language, past_limit, one_more) in expected {
        let options = Options::new().language(language);
        let errors = options
            .clone()
            .max_rows(1)
            .parse(&two_users, Format::Csv)
            .unwrap_err();
        assert_eq!(errors.last().unwrap().message, past_limit, "{language:?}");
        let errors = options
            .unknown_columns(UnknownColumns::Reject)
            .parse(&wide, Format::Csv)
            .unwrap_err();
        assert_eq!(errors.len(), 21, "{language:?}");
        let counted: Vec<_> = errors.iter().filter(|e| e.column_index.is_none()).collect();
        assert_eq!(counted.len(), 1, "{language:?}");
        assert_eq!(counted[0].message, one_more, "{language:?}");
    }
}
