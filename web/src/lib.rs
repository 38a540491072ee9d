//! `bulk-users` in the browser: the check the server runs, run in the page before
//! anything is uploaded, with the same answer — rows, columns, codes and messages.
//!
//! Built for `wasm32-unknown-unknown` by `web/build.sh` into the npm package `web/pkg`
//! (wasm-bindgen, TypeScript types included), beside the `<bulk-users-upload>` element
//! (`web/js/`), which runs these in a Web Worker:
//!
//! - `check(bytes, fileName, options?)`: the crate's [`Report`](bulk_users::Report) as
//!   the JSON a server sends (`users` with their rows, `errors`, `encoding`, `delimiter`,
//!   `notes`), as a JavaScript object.
//! - `template(options?)`: the .xlsx template, as bytes.
//! - `errorsWorkbook(bytes, fileName, options?)`: the upload back as an .xlsx with every
//!   problem marked.
//! - `open(bytes, fileName, options?)`: the report and the upload as a grid to correct
//!   (the crate's [`Table`]); `checkTable(table, options?)`,
//!   `tableErrorsWorkbook(table, options?)` and `readyCsv(table, options?)` check the
//!   grid as it stands, mark it in a workbook, and write it as the CSV to submit.
//!
//! The format comes from the file name's extension, else from the bytes' signature.
//! `.xls` is not built in (it is refused with a message saying so): its reader is the
//! largest part of the crate, and a crafted `.xls` can end the page's process.
//!
//! The functions that do the work take and give plain Rust values, so that they are
//! tested natively (`cargo test -p bulk-users-web`); the `#[wasm_bindgen]` ones only
//! convert.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use bulk_users::{Column, Format, Language, Options, Settings, Table};
use wasm_bindgen::prelude::*;

/// The options a page passed, as JSON text: the crate's [`Settings`] (snake_case, every
/// key optional, an unknown key an error, so that a typo is not silently ignored); empty
/// text or `null` (none given) is the defaults. `language` is a BCP 47 tag or a whole
/// `Accept-Language` list (a page passes `navigator.languages.join(",")`).
///
/// # Errors
///
/// A sentence for the page's developer when the JSON is not the settings or a value
/// would refuse every upload.
pub fn options_from_json(json: &str) -> Result<Options, String> {
    if json.trim().is_empty() || json.trim() == "null" {
        return Ok(Options::new());
    }
    let settings: Settings =
        serde_json::from_str(json).map_err(|e| format!("bulk-users: options: {e}"))?;
    settings
        .to_options()
        .map_err(|e| format!("bulk-users: options: {e}"))
}

/// The format of an uploaded file: its name's extension, else its bytes' signature,
/// else CSV (which then says the bytes are not text).
pub fn format_of(file_name: &str, bytes: &[u8]) -> Format {
    Format::of_file(file_name, bytes).unwrap_or(Format::Csv)
}

/// The report of one file as the JSON text a server would send.
///
/// # Errors
///
/// A sentence for the page's developer when the options are wrong.
pub fn check_json(bytes: &[u8], file_name: &str, options_json: &str) -> Result<String, String> {
    let options = options_from_json(options_json)?;
    let report = options.check(bytes, format_of(file_name, bytes));
    serde_json::to_string(&report).map_err(|e| format!("bulk-users: {e}"))
}

/// The .xlsx template for these options.
///
/// # Errors
///
/// A sentence for the page's developer when the options are wrong or the workbook
/// writer fails.
#[cfg(feature = "workbooks")]
pub fn template_bytes(options_json: &str) -> Result<Vec<u8>, String> {
    let options = options_from_json(options_json)?;
    options
        .write_template()
        .map_err(|e| format!("bulk-users: {e}"))
}

/// The upload back as an .xlsx with every problem marked.
///
/// # Errors
///
/// As [`template_bytes`].
#[cfg(feature = "workbooks")]
pub fn errors_workbook_bytes(
    bytes: &[u8],
    file_name: &str,
    options_json: &str,
) -> Result<Vec<u8>, String> {
    let options = options_from_json(options_json)?;
    options
        .errors_xlsx(bytes, format_of(file_name, bytes))
        .map_err(|e| format!("bulk-users: {e}"))
}

/// The options a grid is checked with: the page's, with CSV accepted, as the grid is
/// checked (and submitted) as a CSV whatever the file was.
fn grid_options(options_json: &str) -> Result<Options, String> {
    Ok(options_from_json(options_json)?.formats([Format::Csv]))
}

fn table_from_json(table_json: &str) -> Result<Table, String> {
    serde_json::from_str(table_json).map_err(|e| format!("bulk-users: table: {e}"))
}

/// A file opened to correct in a grid, as JSON text: `{"report": …, "table": …}`, the
/// table `null` where the file has none to correct ([`Options::table`]).
///
/// # Errors
///
/// A sentence for the page's developer when the options are wrong.
pub fn open_json(bytes: &[u8], file_name: &str, options_json: &str) -> Result<String, String> {
    let options = options_from_json(options_json)?;
    let format = format_of(file_name, bytes);
    let report = options.check(bytes, format);
    let table = options.table(&report, bytes, format);
    let opened = serde_json::json!({ "report": report, "table": table });
    Ok(opened.to_string())
}

/// The report of a file of `size` bytes that is over the byte limit, as JSON text
/// (`file_too_large`, the size in its message); `None` for a file within it. A page asks
/// before reading a file, so that a file of gigabytes is never read into memory.
///
/// # Errors
///
/// A sentence for the page's developer when the options are wrong.
pub fn size_refusal_json(size: f64, options_json: &str) -> Result<Option<String>, String> {
    let options = options_from_json(options_json)?;
    // A size past what a usize holds is past any limit.
    let within = size.is_finite() && size >= 0.0 && size <= options.bytes_limit() as f64;
    if within {
        return Ok(None);
    }
    let size = if size.is_finite() && size >= 0.0 && size < usize::MAX as f64 {
        Some(size as usize)
    } else {
        None
    };
    let errors = options.file_too_large(size);
    let mut report = serde_json::to_value(&errors).map_err(|e| format!("bulk-users: {e}"))?;
    if let Some(report) = report.as_object_mut() {
        report.insert("users".into(), serde_json::json!([]));
        report.insert("notes".into(), serde_json::json!([]));
        report.insert("encoding".into(), serde_json::Value::Null);
        report.insert("delimiter".into(), serde_json::Value::Null);
    }
    Ok(Some(report.to_string()))
}

/// The report of a grid as it stands (its [`Table::to_csv`] checked), as JSON text.
///
/// # Errors
///
/// A sentence for the page's developer when the options or the table are wrong.
pub fn check_table_json(table_json: &str, options_json: &str) -> Result<String, String> {
    let options = grid_options(options_json)?;
    let table = table_from_json(table_json)?;
    let report = options.check(&table.to_csv(), Format::Csv);
    serde_json::to_string(&report).map_err(|e| format!("bulk-users: {e}"))
}

/// The CSV to submit for a grid with nothing wrong: its users under the template's
/// header, UTF-8 with a byte order mark ([`Options::write_csv_template_with`]); `None`
/// while anything is wrong.
///
/// # Errors
///
/// As [`check_table_json`].
#[cfg(feature = "workbooks")]
pub fn ready_csv(table_json: &str, options_json: &str) -> Result<Option<Vec<u8>>, String> {
    let options = grid_options(options_json)?;
    let table = table_from_json(table_json)?;
    let users = options
        .parse(&table.to_csv(), Format::Csv)
        .ok()
        .filter(|users| !users.is_empty());
    Ok(users.map(|users| options.write_csv_template_with(&users)))
}

/// The grid as it stands back as an .xlsx with every problem marked.
///
/// # Errors
///
/// As [`template_bytes`].
#[cfg(feature = "workbooks")]
pub fn table_errors_workbook_bytes(
    table_json: &str,
    options_json: &str,
) -> Result<Vec<u8>, String> {
    let options = grid_options(options_json)?;
    let table = table_from_json(table_json)?;
    options
        .errors_xlsx(&table.to_csv(), Format::Csv)
        .map_err(|e| format!("bulk-users: {e}"))
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** What a page can set: the crate's settings, in the same snake_case keys a server's
 * configuration uses. Every field is optional; an unknown one is an error. */
export interface CheckOptions {
  /** A BCP 47 tag or an Accept-Language list, e.g. navigator.languages.join(","). */
  language?: string;
  /** The most users a file may hold (500 by default). */
  max_rows?: number;
  /** The largest file accepted, in bytes (10 MiB by default). */
  max_bytes?: number;
  /** The most bytes a workbook may inflate to (32 MiB by default). */
  max_inflated_bytes?: number;
  /** The site of a user whose Site is empty ("HQ" by default). */
  default_site?: string;
  /** The user type of a user whose User type is empty ("Standard" by default). */
  default_user_type?: "Standard" | "Privileged";
  /** A column the crate does not know: an error ("reject", the default) or ignored. */
  unknown_columns?: "reject" | "ignore";
  /** The only sites accepted; also the template's Site dropdown. */
  allowed_sites?: string[];
  /** More header texts for the columns, e.g. { "Courriel": "Email" }. */
  aliases?: Record<string, "User name" | "Email" | "User type" | "Site">;
  /** The formats accepted ("xls" is not built into the page). */
  formats?: ("csv" | "xlsx" | "xls" | "ods")[];
  /** The encoding of CSV files without a byte order mark, e.g. "windows-1251". */
  encoding?: string;
  /** The customer's email domains; "*.contoso.com" allows subdomains. */
  allowed_email_domains?: string[];
  /** Addresses that already have an account. */
  existing_emails?: string[];
}

/** The stable code of a problem, the same in every language. */
export type ErrorCode = "file_too_large" | "empty_file" | "unreadable_file" | "format_not_accepted" | "no_rows" | "too_many_rows" | "missing_column" | "duplicate_column" | "unknown_column" | "extra_value" | "missing_value" | "invalid_value" | "invalid_user_type" | "unsafe_value" | "value_too_long" | "invalid_email" | "duplicate_email" | "unknown_site" | "email_domain_not_allowed" | "email_exists" | "example_row";

/** One problem. `row` and `column` are null for a problem of the whole file. */
export interface RowError {
  row: number | null;
  column: "User name" | "Email" | "User type" | "Site" | null;
  /** The spreadsheet cell, e.g. "B3"; absent where the problem has none. */
  cell?: string;
  /** A stable snake_case code, the same in every language. */
  code: ErrorCode;
  /** What is wrong and how to fix it, in the chosen language. */
  message: string;
  /** The one fix clearly meant ("did you mean"), when there is one: never applied. */
  suggestion?: string;
  /** The value as the file shows it (at most 64 characters); absent where none applies. */
  value?: string;
}

/** A valid user and the row it came from. */
export interface RowUser {
  row: number;
  name: string;
  email: string;
  user_type: "Standard" | "Privileged";
  site: string;
}

/** Something assumed or changed while reading, never an error. */
export interface Note {
  row: number | null;
  code: string;
  message: string;
}

/** One row of the grid: its number in the file and its four values as shown. */
export interface TableRow {
  row: number;
  name: string;
  email: string;
  user_type: string;
  site: string;
}

/** An upload as a grid of the template's four columns, to correct and check again. */
export interface Table {
  /** The header's row in the file. */
  header_row: number;
  /** The file's column (0 is A) of User name, Email, User type and Site. */
  columns: [number, number, number, number];
  rows: TableRow[];
}

/** A file opened to correct: its report, and its grid (null when it has none). */
export interface Opened {
  report: Report;
  table: Table | null;
}

/** The answer for one file, as a server sends it. */
export interface Report {
  users: RowUser[];
  errors: RowError[];
  /** For a CSV, the encoding its text was read in. */
  encoding: string | null;
  /** For a CSV, the delimiter. */
  delimiter: string | null;
  notes: Note[];
  /** The language of every message and note, e.g. "fr". */
  language: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The options object a page passes, typed `CheckOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "CheckOptions")]
    pub type JsCheckOptions;
}

/// The bytes of a file a page passed: a `Uint8Array` or an `ArrayBuffer`; a
/// `TypeError` for anything else (a string, a `Blob`, a number), which would otherwise
/// be checked as text nobody uploaded.
fn file_bytes(bytes: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(array) = bytes.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(array.to_vec());
    }
    if let Some(buffer) = bytes.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(buffer).to_vec());
    }
    Err(js_sys::TypeError::new(
        "bulk-users: the file must be a Uint8Array or an ArrayBuffer (from File.arrayBuffer())",
    )
    .into())
}

/// JSON text of the options a page passed (none: `undefined`, `null` or left out).
fn options_text(options: Option<JsCheckOptions>) -> Result<String, JsError> {
    let Some(options) = options else {
        return Ok(String::new());
    };
    js_sys::JSON::stringify(&options)
        .map(String::from)
        .map_err(|_| JsError::new("bulk-users: options: not a plain object"))
}

/// The language the crate's sentences will be in for a tag or an `Accept-Language`
/// list, as its BCP 47 tag (`"fr"`): for the page's `lang` attributes.
#[wasm_bindgen(js_name = negotiateLanguage)]
pub fn negotiate_language(
    #[wasm_bindgen(js_name = acceptLanguage)] accept_language: &str,
) -> String {
    Language::negotiate(accept_language).tag().to_owned()
}

/// Checks a file in the page: the crate's report as the server would send it.
#[wasm_bindgen(js_name = check, unchecked_return_type = "Report")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    #[wasm_bindgen(js_name = fileName)] file_name: &str,
    options: Option<JsCheckOptions>,
) -> Result<JsValue, JsValue> {
    let bytes = file_bytes(&bytes)?;
    answer(check_json(&bytes, file_name, &options_text(options)?))
}

/// The .xlsx template, in the options' language and with their sites and limits.
#[cfg(feature = "workbooks")]
#[wasm_bindgen(js_name = template)]
pub fn template(options: Option<JsCheckOptions>) -> Result<Vec<u8>, JsError> {
    template_bytes(&options_text(options)?).map_err(|e| JsError::new(&e))
}

/// The upload back as an .xlsx for the person to fix: every problem marked in place.
#[cfg(feature = "workbooks")]
#[wasm_bindgen(js_name = errorsWorkbook)]
pub fn errors_workbook(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    #[wasm_bindgen(js_name = fileName)] file_name: &str,
    options: Option<JsCheckOptions>,
) -> Result<Vec<u8>, JsValue> {
    let bytes = file_bytes(&bytes)?;
    errors_workbook_bytes(&bytes, file_name, &options_text(options)?)
        .map_err(|e| JsError::new(&e).into())
}

/// The names of the columns in the language of a tag or an `Accept-Language` list:
/// User name, Email, User type, Site, as the crate's messages name them.
#[wasm_bindgen(js_name = columnNames)]
pub fn column_names(
    #[wasm_bindgen(js_name = acceptLanguage)] accept_language: &str,
) -> Vec<String> {
    let language = Language::negotiate(accept_language);
    Column::ALL
        .iter()
        .map(|column| column.name_in(language).to_owned())
        .collect()
}

/// The JSON text one of the `*_json` functions gave, as the object a page reads; its
/// sentence as an `Error` when it gave one.
fn answer(json: Result<String, String>) -> Result<JsValue, JsValue> {
    let json = json.map_err(|e| JsValue::from(JsError::new(&e)))?;
    js_sys::JSON::parse(&json)
        .map_err(|_| JsError::new("bulk-users: the answer is not JSON").into())
}

/// JSON text of the table a page passed.
fn table_text(table: &JsValue) -> Result<String, JsValue> {
    js_sys::JSON::stringify(table)
        .map(String::from)
        .map_err(|_| JsError::new("bulk-users: table: not a plain object").into())
}

/// Opens a file to correct in a grid: its report, and the grid (null when it has none).
#[wasm_bindgen(js_name = open, unchecked_return_type = "Opened")]
pub fn open(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    #[wasm_bindgen(js_name = fileName)] file_name: &str,
    options: Option<JsCheckOptions>,
) -> Result<JsValue, JsValue> {
    let bytes = file_bytes(&bytes)?;
    answer(open_json(&bytes, file_name, &options_text(options)?))
}

/// The report of a file of `size` bytes (`File.size`) over the byte limit, or
/// `undefined` for one within it: asked before the file is read.
#[wasm_bindgen(js_name = sizeRefusal, unchecked_return_type = "Report | undefined")]
pub fn size_refusal(size: f64, options: Option<JsCheckOptions>) -> Result<JsValue, JsValue> {
    match size_refusal_json(size, &options_text(options)?).transpose() {
        Some(json) => answer(json),
        None => Ok(JsValue::UNDEFINED),
    }
}

/// Checks a grid as it stands: the report, at the file's rows.
#[wasm_bindgen(js_name = checkTable, unchecked_return_type = "Report")]
pub fn check_table(
    #[wasm_bindgen(unchecked_param_type = "Table")] table: JsValue,
    options: Option<JsCheckOptions>,
) -> Result<JsValue, JsValue> {
    answer(check_table_json(
        &table_text(&table)?,
        &options_text(options)?,
    ))
}

/// The CSV to submit for a grid with nothing wrong (UTF-8 with a byte order mark, the
/// template's header); `undefined` while anything is wrong.
#[cfg(feature = "workbooks")]
#[wasm_bindgen(js_name = readyCsv)]
pub fn ready_csv_js(
    #[wasm_bindgen(unchecked_param_type = "Table")] table: JsValue,
    options: Option<JsCheckOptions>,
) -> Result<Option<Vec<u8>>, JsValue> {
    ready_csv(&table_text(&table)?, &options_text(options)?).map_err(|e| JsError::new(&e).into())
}

/// The grid as it stands back as an .xlsx with every problem marked.
#[cfg(feature = "workbooks")]
#[wasm_bindgen(js_name = tableErrorsWorkbook)]
pub fn table_errors_workbook(
    #[wasm_bindgen(unchecked_param_type = "Table")] table: JsValue,
    options: Option<JsCheckOptions>,
) -> Result<Vec<u8>, JsValue> {
    table_errors_workbook_bytes(&table_text(&table)?, &options_text(options)?)
        .map_err(|e| JsError::new(&e).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_is_the_servers_json() {
        let upload = "User name*,Email*\nAda,ada@example.com\nBob,bob(at)example.com\n";
        let json = check_json(upload.as_bytes(), "users.csv", "").unwrap();
        let native =
            serde_json::to_string(&Options::new().check(upload.as_bytes(), Format::Csv)).unwrap();
        assert_eq!(json, native);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["users"][0]["row"], 2);
        assert_eq!(value["errors"][0]["row"], 3);
        assert_eq!(value["errors"][0]["column"], "Email");
        assert_eq!(value["errors"][0]["code"], "invalid_email");
    }

    #[test]
    fn the_typescript_codes_are_the_crate_s() {
        // The TypeScript section, as this file writes it.
        let line = include_str!("lib.rs")
            .lines()
            .find(|l| l.starts_with("export type ErrorCode = "))
            .unwrap();
        let typed: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
        let codes: Vec<&str> = bulk_users::ErrorCode::ALL
            .iter()
            .map(|c| c.as_str())
            .collect();
        assert_eq!(typed, codes);
    }

    #[test]
    #[cfg(feature = "workbooks")]
    fn a_grid_opened_corrected_and_made_ready() {
        let upload = "Title\nEmail,User name\nada(at)example.com,Ada\nbob@example.com,Bob\n";
        let options = r#"{"language":"fr","formats":["xlsx"]}"#;
        let opened: serde_json::Value =
            serde_json::from_str(&open_json(upload.as_bytes(), "u.csv", "").unwrap()).unwrap();
        assert_eq!(opened["report"]["errors"][0]["code"], "invalid_email");
        let mut table = opened["table"].clone();
        assert_eq!(table["header_row"], 2);
        assert_eq!(table["columns"], serde_json::json!([1, 0, 2, 3]));
        assert_eq!(table["rows"][0]["row"], 3);
        let json = table.to_string();
        let report: serde_json::Value =
            serde_json::from_str(&check_table_json(&json, options).unwrap()).unwrap();
        assert_eq!(report["errors"][0]["row"], 3);
        assert_eq!(report["errors"][0]["cell"], "A3");
        assert!(report["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("adresse"));
        assert_eq!(ready_csv(&json, options).unwrap(), None);
        assert!(table_errors_workbook_bytes(&json, options)
            .unwrap()
            .starts_with(b"PK"));
        table["rows"][0]["email"] = "ada@example.com".into();
        let csv = ready_csv(&table.to_string(), options).unwrap().unwrap();
        assert_eq!(
            String::from_utf8(csv).unwrap(),
            "\u{FEFF}Nom d'utilisateur*,E-mail*,Type d'utilisateur,Site\r\nAda,ada@example.com,Standard,HQ\r\nBob,bob@example.com,Standard,HQ\r\n"
        );
        assert!(table_from_json("{}")
            .unwrap_err()
            .starts_with("bulk-users: table: missing field"));
        assert_eq!(column_names("fr-FR")[0], "Nom d'utilisateur");
    }

    #[test]
    fn the_language_of_the_sentences() {
        assert_eq!(negotiate_language("fr-CA,fr;q=0.9,en;q=0.5"), "fr");
        assert_eq!(negotiate_language("ja"), "ja");
        assert_eq!(negotiate_language("tlh"), "en");
    }

    #[test]
    fn options_from_a_page() {
        let upload = "User name*,Email*,Phone\nAda,ada@example.com,1\nBob,bob@other.org,2\n";
        let json = check_json(
            upload.as_bytes(),
            "users.csv",
            r#"{"language":"fr-CA,fr;q=0.9,en;q=0.5","max_rows":1,"unknown_columns":"ignore","allowed_email_domains":["example.com"]}"#,
        )
        .unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let codes: Vec<&str> = value["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].as_str().unwrap())
            .collect();
        // Bob is over the limit of one user: the reading stops there.
        assert_eq!(codes, ["too_many_rows"]);
        assert!(
            value["errors"][0]["message"]
                .as_str()
                .unwrap()
                .starts_with("Le fichier"),
            "{json}"
        );
        let typo = options_from_json(r#"{"maxRows":1}"#).unwrap_err();
        assert!(
            typo.starts_with("bulk-users: options: unknown field `maxRows`, expected one of"),
            "{typo}"
        );
        let drop = options_from_json(r#"{"unknown_columns":"drop"}"#).unwrap_err();
        assert!(
            drop.starts_with(
                "bulk-users: options: unknown variant `drop`, expected `reject` or `ignore`"
            ),
            "{drop}"
        );
        assert_eq!(
            options_from_json(r#"{"allowed_sites":["=cmd"]}"#).unwrap_err(),
            "bulk-users: options: allowed_sites: \"=cmd\" cannot be a site: it starts with a formula character (=, +, - or @)"
        );
        assert_eq!(options_from_json("null").unwrap(), Options::new());
    }

    #[test]
    #[cfg(feature = "workbooks")]
    fn formats_from_the_name_then_the_bytes() {
        let template = template_bytes("").unwrap();
        assert_eq!(format_of("users.XLSX", b""), Format::Xlsx);
        assert_eq!(format_of("upload", &template), Format::Xlsx);
        assert_eq!(format_of("users.ods", b"PK"), Format::Ods);
        assert_eq!(format_of("upload", b"\x00\x01"), Format::Csv);
        // .xls is refused, not missing: it is not built into the page.
        let json = check_json(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "old.xls", "").unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["errors"][0]["code"], "format_not_accepted");
        assert_eq!(value["errors"][0]["row"], serde_json::Value::Null);
    }

    #[test]
    #[cfg(feature = "workbooks")]
    fn the_template_and_the_errors_workbook_are_workbooks() {
        let template = template_bytes(r#"{"language":"ja"}"#).unwrap();
        assert!(template.starts_with(b"PK\x03\x04"));
        // The Japanese template, filled in as is, is a file with a header and no users.
        let json = check_json(&template, "template.xlsx", "").unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["errors"][0]["code"], "no_rows");
        let upload = "User name*,Email*\nAda,ada(at)example.com\n";
        let marked = errors_workbook_bytes(upload.as_bytes(), "users.csv", "").unwrap();
        let again = check_json(&marked, "users.xlsx", "").unwrap();
        let value: serde_json::Value = serde_json::from_str(&again).unwrap();
        assert_eq!(value["errors"][0]["row"], 2);
        assert_eq!(value["errors"][0]["code"], "invalid_email");
    }
}
