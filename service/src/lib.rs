//! `bulk-users` inside a small web service, the way a portal embeds it:
//!
//! - `POST /users/upload` (multipart field `file`): `200` and the users as JSON, or
//!   `422` and every error as JSON;
//! - `POST /check`: `200` and the partial-import report (valid users with their rows,
//!   every error, the encoding and delimiter read, notes);
//! - `POST /errors.xlsx`: the upload back as a workbook with every problem marked;
//! - `GET /template.xlsx`: the template to fill in.
//!
//! Every answer is in the language of the request's `Accept-Language`, and every
//! problem, whole-file ones included (`file_too_large`, `unreadable_file`), comes in the
//! crate's one JSON shape: `{"errors": [{"row", "column", "code", "message"}]}`.

#![forbid(unsafe_code)]

use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use bulk_users::{Format, Language, Options};
use serde_json::json;

/// Room past the byte limit: a form's framing, and a file a little over the limit, which
/// the crate then refuses in its own words.
const OVER_LIMIT_ROOM: usize = 1024 * 1024;

/// The routes, with the default options.
pub fn app() -> Router {
    app_with(Options::new())
}

/// The routes, with a customer's options (limits, sites, email domains, existing
/// accounts); the language of each answer still comes from its `Accept-Language`.
pub fn app_with(base: Options) -> Router {
    let body_limit = base.bytes_limit().saturating_add(OVER_LIMIT_ROOM);
    let shared = std::sync::Arc::new(base);
    Router::new()
        .route("/users/upload", post(upload))
        .route("/check", post(check))
        .route("/errors.xlsx", post(errors_workbook))
        .route("/template.xlsx", get(template))
        .with_state(shared)
        // The crate refuses anything over its byte limit itself; the body limit stops a
        // larger upload before it is read into memory at all.
        .layer(DefaultBodyLimit::max(body_limit))
}

type Shared = State<std::sync::Arc<Options>>;

fn options(base: &Options, headers: &HeaderMap) -> Options {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    base.clone().language(Language::negotiate(accept))
}

/// The uploaded file's name and bytes, or the answer that says why there is none.
async fn file(mut multipart: Multipart) -> Result<(Format, Vec<u8>), Response> {
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => return Err(form_problem(error.status())),
        };
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_owned();
        let bytes = match field.bytes().await {
            Ok(bytes) => bytes.to_vec(),
            Err(error) => return Err(form_problem(error.status())),
        };
        // The crate says what is wrong with a file it cannot take, in its words.
        let format = Format::from_extension(&name)
            .or_else(|| Format::detect(&bytes))
            .unwrap_or(Format::Csv);
        return Ok((format, bytes));
    }
    Err(errors(
        StatusCode::BAD_REQUEST,
        "missing_file",
        "Send the file in a form field named \"file\".",
    ))
}

/// A form that could not be read: too large (413, naming the limit), or malformed.
/// (A file up to a mebibyte over the limit still reaches the crate, which says so in
/// the person's language with the file's size; past that, the body is not read.)
fn form_problem(status: StatusCode) -> Response {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        return errors(
            StatusCode::PAYLOAD_TOO_LARGE,
            "file_too_large",
            &format!(
                "The file is larger than {} MiB, the most accepted. Split the users into \
                 smaller files.",
                bulk_users::MAX_BYTES / (1024 * 1024)
            ),
        );
    }
    errors(
        status,
        "unreadable_file",
        "The upload is not a readable form.",
    )
}

/// One problem of the whole request in the crate's JSON shape.
fn errors(status: StatusCode, code: &str, message: &str) -> Response {
    let body =
        json!({ "errors": [{ "row": null, "column": null, "code": code, "message": message }] });
    (status, Json(body)).into_response()
}

/// Runs `work` off the async threads: checking is CPU work (bounded, but milliseconds).
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Response> {
    tokio::task::spawn_blocking(work).await.map_err(|_| {
        errors(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "The upload could not be checked.",
        )
    })
}

async fn upload(State(base): Shared, headers: HeaderMap, multipart: Multipart) -> Response {
    let options = options(&base, &headers);
    let (format, bytes) = match file(multipart).await {
        Ok(file) => file,
        Err(response) => return response,
    };
    match blocking(move || options.parse(&bytes, format)).await {
        Ok(Ok(users)) => (StatusCode::OK, Json(users)).into_response(),
        Ok(Err(problems)) => {
            let first = problems.first().map(|p| p.code.http_status());
            let status = first
                .and_then(|code| StatusCode::from_u16(code).ok())
                .unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
            (status, Json(problems)).into_response()
        }
        Err(response) => response,
    }
}

async fn check(State(base): Shared, headers: HeaderMap, multipart: Multipart) -> Response {
    let options = options(&base, &headers);
    let (format, bytes) = match file(multipart).await {
        Ok(file) => file,
        Err(response) => return response,
    };
    match blocking(move || options.check(&bytes, format)).await {
        Ok(report) => (StatusCode::OK, Json(report)).into_response(),
        Err(response) => response,
    }
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async fn errors_workbook(
    State(base): Shared,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let options = options(&base, &headers);
    let (format, bytes) = match file(multipart).await {
        Ok(file) => file,
        Err(response) => return response,
    };
    match blocking(move || options.errors_xlsx(&bytes, format)).await {
        Ok(Ok(workbook)) => workbook_response(workbook, "to-fix.xlsx"),
        Ok(Err(_)) => errors(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "The workbook could not be written.",
        ),
        Err(response) => response,
    }
}

async fn template(State(base): Shared, headers: HeaderMap) -> Response {
    match options(&base, &headers).write_template() {
        Ok(workbook) => workbook_response(workbook, "users-template.xlsx"),
        Err(_) => errors(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "The template could not be written.",
        ),
    }
}

fn workbook_response(workbook: Vec<u8>, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, XLSX.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        workbook,
    )
        .into_response()
}
