//! `bulk-users` inside a small web service, the way a portal embeds it:
//!
//! - `POST /users/upload` (multipart field `file`): `200` and the users as JSON, or
//!   every error as JSON with the status `ErrorCode::http_status` gives (422, 413,
//!   415);
//! - `POST /check`: `200` and the partial-import report (valid users with their rows,
//!   every error, the encoding and delimiter read, notes);
//! - `POST /errors.xlsx`: the upload back as a workbook with every problem marked;
//! - `GET /template.xlsx`: the template to fill in;
//! - `GET /health`: `200 {"status":"ok"}`.
//!
//! Every answer is in the language of the request's `Accept-Language`, and every
//! problem, the request's own included (a form that cannot be read, a body cut short,
//! too slow or too large, a server too busy), comes in the crate's one JSON shape:
//! `{"errors": [{"row", "column", "code", "message"}]}`.
//!
//! What holds it under load and attack ([`Limits`]):
//!
//! - a request's head must arrive within [`Limits::header_timeout`] and its body within
//!   [`Limits::body_timeout`], and no connection lives longer than
//!   [`Limits::connection_timeout`]: slow senders cannot hold file descriptors;
//! - checks run at most [`Limits::checks`] at a time and errors workbooks at most
//!   [`Limits::workbooks`] at a time, each slot taken *before* the body is read, so
//!   memory is bounded by the slots times the crate's per-call peak (see the crate's
//!   docs: at most about 110 MiB for a check, 230 MiB for an errors file, body
//!   included); a request that waits longer than [`Limits::queue_timeout`] for a slot
//!   is answered `503` with `Retry-After`;
//! - one log line per request (tracing): route, status, file size, format, verdict and
//!   time, never the file's contents.

#![forbid(unsafe_code)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use bulk_users::{Format, Language, Options, RowErrors};
use serde_json::json;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Room past the byte limit: a form's framing, and a file a little over the limit, which
/// the crate then refuses in its own words.
const OVER_LIMIT_ROOM: usize = 1024 * 1024;

/// How long requests may take and how many checks run at once.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The most time a request's head may take to arrive.
    pub header_timeout: Duration,
    /// The most time a request's body may take to arrive.
    pub body_timeout: Duration,
    /// The most time a connection stays open, whatever it does.
    pub connection_timeout: Duration,
    /// The most uploads checked at once (`/users/upload`, `/check`).
    pub checks: usize,
    /// The most errors workbooks written at once (`/errors.xlsx`).
    pub workbooks: usize,
    /// The most time a request waits for a slot before it is answered `503`.
    pub queue_timeout: Duration,
}

impl Default for Limits {
    /// 10 s for a head, 60 s for a body, 120 s for a connection; two checks and one
    /// errors workbook at a time (about 450 MiB at the crate's worst per-call peaks),
    /// waiting at most 10 s for a slot.
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(60),
            connection_timeout: Duration::from_secs(120),
            checks: 2,
            workbooks: 1,
            queue_timeout: Duration::from_secs(10),
        }
    }
}

/// What every route shares.
struct Shared {
    options: Options,
    limits: Limits,
    checks: Arc<Semaphore>,
    workbooks: Arc<Semaphore>,
}

type Service = State<Arc<Shared>>;

/// The routes, with the default options and limits.
pub fn app() -> Router {
    app_with(Options::new(), Limits::default())
}

/// The routes, with a customer's options (limits, sites, email domains, existing
/// accounts) and the service's [`Limits`]; the language of each answer still comes from
/// its `Accept-Language`.
pub fn app_with(options: Options, limits: Limits) -> Router {
    let body_limit = options.bytes_limit().saturating_add(OVER_LIMIT_ROOM);
    let shared = Arc::new(Shared {
        checks: Arc::new(Semaphore::new(limits.checks.max(1))),
        workbooks: Arc::new(Semaphore::new(limits.workbooks.max(1))),
        options,
        limits,
    });
    Router::new()
        .route("/users/upload", post(upload))
        .route("/check", post(check))
        .route("/errors.xlsx", post(errors_workbook))
        .route("/template.xlsx", get(template))
        .route("/health", get(health))
        .fallback(not_found)
        .with_state(shared)
        // The crate refuses anything over its byte limit itself; the body limit stops a
        // larger upload before it is read into memory at all.
        .layer(DefaultBodyLimit::max(body_limit))
}

/// Serves `app` on `listener` until the listener fails: HTTP/1.1, each connection's
/// head, and life, bounded by `limits`.
///
/// # Errors
///
/// Never, in practice: a failed accept (too many open files) is waited out.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    limits: &Limits,
) -> std::io::Result<()> {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(error) => {
                tracing::warn!(%error, "accept failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let (header_timeout, lifetime) = (limits.header_timeout, limits.connection_timeout);
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(header_timeout)
                // A client that stops sending still hears why its upload failed.
                .half_close(true)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            // Closed when its time is up, whatever it is doing.
            let _ = tokio::time::timeout(lifetime, connection).await;
        });
    }
}

fn options(shared: &Shared, headers: &HeaderMap) -> Options {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    shared.options.clone().language(Language::negotiate(accept))
}

/// One problem of the whole request in the crate's JSON shape.
fn problem(status: StatusCode, code: &str, message: &str) -> Response {
    let body =
        json!({ "errors": [{ "row": null, "column": null, "code": code, "message": message }] });
    (status, Json(body)).into_response()
}

/// The crate's errors, with the status their first one calls for.
fn refusal(errors: &RowErrors) -> Response {
    let status = errors
        .first()
        .map(|e| e.code.http_status())
        .and_then(|code| StatusCode::from_u16(code).ok())
        .unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
    (status, Json(errors)).into_response()
}

/// A slot among `slots`, waited for at most the queue timeout; else the `503` to send.
async fn slot(shared: &Shared, slots: &Arc<Semaphore>) -> Result<OwnedSemaphorePermit, Response> {
    let wait = tokio::time::timeout(shared.limits.queue_timeout, slots.clone().acquire_owned());
    match wait.await {
        Ok(Ok(permit)) => Ok(permit),
        _ => {
            let mut response = problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "The service is checking many files right now. Try again in a few seconds.",
            );
            let retry = shared.limits.queue_timeout.as_secs().max(1);
            if let Ok(value) = HeaderValue::from_str(&retry.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            Err(response)
        }
    }
}

/// The uploaded file's format and bytes, or the answer that says why there is none.
async fn file(
    shared: &Shared,
    options: &Options,
    form: Result<Multipart, MultipartRejection>,
) -> Result<(Format, Vec<u8>), Response> {
    let read = async {
        let mut multipart = form.map_err(|_| {
            problem(
                StatusCode::BAD_REQUEST,
                "unreadable_form",
                "Send the file as a multipart/form-data upload in a field named \"file\".",
            )
        })?;
        loop {
            let field = match multipart.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => break,
                Err(error) => return Err(form_problem(options, error.status())),
            };
            if field.name() != Some("file") {
                continue;
            }
            let name = field.file_name().unwrap_or_default().to_owned();
            let bytes = match field.bytes().await {
                Ok(bytes) => bytes.to_vec(),
                Err(error) => return Err(form_problem(options, error.status())),
            };
            // The crate says what is wrong with a file it cannot take, in its words.
            let format = Format::of_file(&name, &bytes).unwrap_or(Format::Csv);
            return Ok((format, bytes));
        }
        Err(problem(
            StatusCode::BAD_REQUEST,
            "missing_file",
            "Send the file in a form field named \"file\".",
        ))
    };
    match tokio::time::timeout(shared.limits.body_timeout, read).await {
        Ok(result) => result,
        Err(_) => Err(problem(
            StatusCode::REQUEST_TIMEOUT,
            "upload_too_slow",
            "The upload took too long to arrive. Try again on a faster connection.",
        )),
    }
}

/// A form that could not be read: too large (413, in the person's language, naming the
/// limit), or cut short or malformed (400).
fn form_problem(options: &Options, status: StatusCode) -> Response {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        return refusal(&options.file_too_large(None));
    }
    problem(
        StatusCode::BAD_REQUEST,
        "incomplete_upload",
        "The upload ended before the whole file arrived. Send it again.",
    )
}

/// Runs `work` off the async threads: checking is CPU work (bounded, but milliseconds).
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Response> {
    tokio::task::spawn_blocking(work).await.map_err(|_| {
        problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "The upload could not be checked.",
        )
    })
}

/// The verdict of a list of errors, for the log: the first code and how many.
fn verdict(errors: &[bulk_users::RowError]) -> String {
    match errors.first() {
        None => "valid".to_owned(),
        Some(first) => format!("{} ({} errors)", first.code.as_str(), errors.len()),
    }
}

/// One upload through `work` in a slot of `slots`: the slot is taken first, then the
/// body read, then the work run off the async threads; `answer` turns its result into
/// the response and the verdict logged.
async fn handle<T: Send + 'static>(
    route: &'static str,
    (shared, slots): (&Shared, &Arc<Semaphore>),
    headers: &HeaderMap,
    form: Result<Multipart, MultipartRejection>,
    work: impl FnOnce(Options, Vec<u8>, Format) -> T + Send + 'static,
    answer: impl FnOnce(T) -> (Response, String),
) -> Response {
    let started = Instant::now();
    let options = options(shared, headers);
    let permit = match slot(shared, slots).await {
        Ok(permit) => permit,
        Err(busy) => return logged(route, started, None, busy, "busy"),
    };
    let (format, bytes) = match file(shared, &options, form).await {
        Ok(file) => file,
        Err(response) => return logged(route, started, None, response, "form"),
    };
    let size = bytes.len();
    let done = blocking(move || work(options, bytes, format)).await;
    drop(permit);
    let (response, verdict) = match done {
        Ok(result) => answer(result),
        Err(response) => (response, "failed".to_owned()),
    };
    logged(route, started, Some((format, size)), response, &verdict)
}

async fn upload(
    State(shared): Service,
    headers: HeaderMap,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let slots = (&*shared, &shared.checks);
    let work = |options: Options, bytes: Vec<u8>, format| options.parse(&bytes, format);
    handle(
        "/users/upload",
        slots,
        &headers,
        form,
        work,
        |parsed| match parsed {
            Ok(users) => {
                let verdict = format!("valid ({} users)", users.len());
                ((StatusCode::OK, Json(users)).into_response(), verdict)
            }
            Err(errors) => (refusal(&errors), verdict(&errors)),
        },
    )
    .await
}

async fn check(
    State(shared): Service,
    headers: HeaderMap,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let slots = (&*shared, &shared.checks);
    let work = |options: Options, bytes: Vec<u8>, format| options.check(&bytes, format);
    handle("/check", slots, &headers, form, work, |report| {
        let verdict = verdict(&report.errors);
        ((StatusCode::OK, Json(report)).into_response(), verdict)
    })
    .await
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async fn errors_workbook(
    State(shared): Service,
    headers: HeaderMap,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let slots = (&*shared, &shared.workbooks);
    let work = |options: Options, bytes: Vec<u8>, format| options.errors_xlsx(&bytes, format);
    handle(
        "/errors.xlsx",
        slots,
        &headers,
        form,
        work,
        |written| match written {
            Ok(workbook) => (
                workbook_response(workbook, "to-fix.xlsx"),
                "workbook".to_owned(),
            ),
            Err(_) => (
                problem(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal_error",
                    "The workbook could not be written.",
                ),
                "failed".to_owned(),
            ),
        },
    )
    .await
}

/// Logs one request, never the file's contents, and gives its response back.
fn logged(
    route: &str,
    started: Instant,
    upload: Option<(Format, usize)>,
    response: Response,
    verdict: &str,
) -> Response {
    let (format, bytes) = upload.map_or((String::new(), 0), |(format, bytes)| {
        (format.to_string(), bytes)
    });
    tracing::info!(
        route,
        status = response.status().as_u16(),
        bytes,
        format = format.as_str(),
        verdict,
        ms = started.elapsed().as_millis() as u64,
        "request"
    );
    response
}

async fn template(State(shared): Service, headers: HeaderMap) -> Response {
    match options(&shared, &headers).write_template() {
        Ok(workbook) => workbook_response(workbook, "users-template.xlsx"),
        Err(_) => problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "The template could not be written.",
        ),
    }
}

async fn health() -> Response {
    (StatusCode::OK, Json(json!({ "status": "ok" }))).into_response()
}

async fn not_found() -> Response {
    problem(
        StatusCode::NOT_FOUND,
        "not_found",
        "There is nothing here: POST /users/upload, /check or /errors.xlsx; GET /template.xlsx.",
    )
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
