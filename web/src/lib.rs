//! `bulk-users` in the browser: the check the server runs, run in the page before
//! anything is uploaded, with the same answer — rows, columns, codes and messages.
//!
//! Built for `wasm32-unknown-unknown` by `web/build.sh` into the npm package `web/pkg`
//! (wasm-bindgen, TypeScript types included). Three functions:
//!
//! - `check(bytes, fileName, options?)`: the crate's [`Report`](bulk_users::Report) as
//!   the JSON a server sends (`users` with their rows, `errors`, `encoding`, `delimiter`,
//!   `notes`), as a JavaScript object.
//! - `template(options?)`: the .xlsx template, as bytes.
//! - `errorsWorkbook(bytes, fileName, options?)`: the upload back as an .xlsx with every
//!   problem marked.
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

use bulk_users::{Format, Language, Options, UnknownColumns};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// What a page can set, as a JavaScript object (every field optional):
/// `{ language: "fr-CA", maxRows: 200, defaultSite: "Paris", allowedSites: ["Paris"],
/// unknownColumns: "ignore", allowedEmailDomains: ["contoso.com"] }`.
///
/// `language` is a BCP 47 tag or a whole `Accept-Language` list (a page passes
/// `navigator.languages.join(",")`); English when nothing matches. An unknown field is
/// an error, so that a typo is not silently ignored.
#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PageOptions {
    /// The language of every sentence, as a tag or an `Accept-Language` list.
    pub language: Option<String>,
    /// The most users a file may hold ([`Options::max_rows`]).
    pub max_rows: Option<u32>,
    /// The site of a user whose Site is empty ([`Options::default_site`]).
    pub default_site: Option<String>,
    /// The only sites accepted ([`Options::allowed_sites`]); also the template's
    /// Site dropdown.
    pub allowed_sites: Option<Vec<String>>,
    /// `"reject"` (the default) or `"ignore"` ([`Options::unknown_columns`]).
    pub unknown_columns: Option<String>,
    /// The customer's email domains ([`Options::allowed_email_domains`]).
    pub allowed_email_domains: Option<Vec<String>>,
}

impl PageOptions {
    /// Reads the options from their JSON text; empty text (no options given) is the
    /// defaults.
    ///
    /// # Errors
    ///
    /// A sentence for the page's developer when the JSON is not the options.
    pub fn from_json(json: &str) -> Result<PageOptions, String> {
        if json.trim().is_empty() || json.trim() == "null" {
            return Ok(PageOptions::default());
        }
        serde_json::from_str(json).map_err(|e| format!("bulk-users: options: {e}"))
    }

    /// The crate's options these stand for.
    ///
    /// # Errors
    ///
    /// A sentence for the page's developer when `unknownColumns` is neither `"reject"`
    /// nor `"ignore"`.
    pub fn to_options(&self) -> Result<Options, String> {
        let mut options = Options::new();
        if let Some(language) = &self.language {
            options = options.language(Language::negotiate(language));
        }
        if let Some(max_rows) = self.max_rows {
            options = options.max_rows(max_rows);
        }
        if let Some(site) = &self.default_site {
            options = options.default_site(site.as_str());
        }
        if let Some(sites) = &self.allowed_sites {
            options = options.allowed_sites(sites);
        }
        if let Some(policy) = &self.unknown_columns {
            options = options.unknown_columns(match policy.as_str() {
                "reject" => UnknownColumns::Reject,
                "ignore" => UnknownColumns::Ignore,
                other => {
                    return Err(format!(
                        "bulk-users: options: unknownColumns is \"reject\" or \"ignore\", not {other:?}"
                    ))
                }
            });
        }
        if let Some(domains) = &self.allowed_email_domains {
            options = options.allowed_email_domains(domains);
        }
        Ok(options)
    }
}

/// The format of an uploaded file: its name's extension, else its bytes' signature,
/// else CSV (which then says the bytes are not text).
pub fn format_of(file_name: &str, bytes: &[u8]) -> Format {
    Format::from_extension(file_name)
        .or_else(|| Format::detect(bytes))
        .unwrap_or(Format::Csv)
}

/// The report of one file as the JSON text a server would send.
///
/// # Errors
///
/// A sentence for the page's developer when the options are wrong.
pub fn check_json(bytes: &[u8], file_name: &str, options_json: &str) -> Result<String, String> {
    let options = PageOptions::from_json(options_json)?.to_options()?;
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
    let options = PageOptions::from_json(options_json)?.to_options()?;
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
    let options = PageOptions::from_json(options_json)?.to_options()?;
    options
        .errors_xlsx(bytes, format_of(file_name, bytes))
        .map_err(|e| format!("bulk-users: {e}"))
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** What a page can set; every field is optional. */
export interface CheckOptions {
  /** A BCP 47 tag or an Accept-Language list, e.g. navigator.languages.join(","). */
  language?: string;
  /** The most users a file may hold (500 by default). */
  maxRows?: number;
  /** The site of a user whose Site is empty ("HQ" by default). */
  defaultSite?: string;
  /** The only sites accepted; also the template's Site dropdown. */
  allowedSites?: string[];
  /** A column the crate does not know: an error ("reject", the default) or ignored. */
  unknownColumns?: "reject" | "ignore";
  /** The customer's email domains; "*.contoso.com" allows subdomains. */
  allowedEmailDomains?: string[];
}

/** One problem. `row` and `column` are null for a problem of the whole file. */
export interface RowError {
  row: number | null;
  column: "User name" | "Email" | "User type" | "Site" | null;
  /** The spreadsheet cell, e.g. "B3"; absent where the problem has none. */
  cell?: string;
  /** A stable snake_case code, the same in every language. */
  code: string;
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
    bytes: &[u8],
    #[wasm_bindgen(js_name = fileName)] file_name: &str,
    options: Option<JsCheckOptions>,
) -> Result<JsValue, JsError> {
    let json =
        check_json(bytes, file_name, &options_text(options)?).map_err(|e| JsError::new(&e))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("bulk-users: the report is not JSON"))
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
    bytes: &[u8],
    #[wasm_bindgen(js_name = fileName)] file_name: &str,
    options: Option<JsCheckOptions>,
) -> Result<Vec<u8>, JsError> {
    errors_workbook_bytes(bytes, file_name, &options_text(options)?).map_err(|e| JsError::new(&e))
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
    fn the_language_of_the_sentences() {
        assert_eq!(negotiate_language("fr-CA,fr;q=0.9,en;q=0.5"), "fr");
        assert_eq!(negotiate_language("ja"), "ja");
        assert_eq!(negotiate_language("tlh"), "en");
    }

    #[test]
    fn options_from_a_page() {
        let options = PageOptions::from_json(
            r#"{"language":"fr-CA,fr;q=0.9,en;q=0.5","maxRows":1,"defaultSite":"Paris","allowedSites":["Paris","Lyon"],"unknownColumns":"ignore","allowedEmailDomains":["example.com"]}"#,
        )
        .unwrap();
        assert_eq!(options.max_rows, Some(1));
        let upload = "User name*,Email*,Phone\nAda,ada@example.com,1\nBob,bob@other.org,2\n";
        let json = check_json(
            upload.as_bytes(),
            "users.csv",
            r#"{"language":"fr-CA","maxRows":1,"unknownColumns":"ignore","allowedEmailDomains":["example.com"]}"#,
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
        assert_eq!(
            PageOptions::from_json(r#"{"maxrows":1}"#).unwrap_err(),
            "bulk-users: options: unknown field `maxrows`, expected one of `language`, `maxRows`, `defaultSite`, `allowedSites`, `unknownColumns`, `allowedEmailDomains` at line 1 column 10"
        );
        assert_eq!(
            PageOptions::from_json(r#"{"unknownColumns":"drop"}"#)
                .unwrap()
                .to_options()
                .unwrap_err(),
            "bulk-users: options: unknownColumns is \"reject\" or \"ignore\", not \"drop\""
        );
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
