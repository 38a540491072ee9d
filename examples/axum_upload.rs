//! bulk-users inside a web handler: `POST /users/upload` with a multipart form whose
//! `file` field holds the upload answers `200` with the users as JSON, or `422` with
//! every error as JSON (the crate's stable JSON forms).
//!
//! ```text
//! cargo run --example axum_upload
//! curl -F file=@users.xlsx http://127.0.0.1:3000/users/upload
//! ```

use axum::extract::{DefaultBodyLimit, Multipart};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use bulk_users::Format;
use serde_json::json;

/// The routes, for `main` and for the test that drives them over 127.0.0.1.
pub fn app() -> Router {
    Router::new()
        .route("/users/upload", post(upload))
        // The crate refuses anything over 10 MiB itself; the body limit stops a larger
        // upload before it is read into memory at all (room left for the form's framing).
        .layer(DefaultBodyLimit::max(bulk_users::MAX_BYTES + 64 * 1024))
}

async fn upload(mut multipart: Multipart) -> Response {
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => return problem(StatusCode::BAD_REQUEST, &error.to_string()),
        };
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_owned();
        let bytes = match field.bytes().await {
            Ok(bytes) => bytes,
            Err(error) => return problem(StatusCode::PAYLOAD_TOO_LARGE, &error.to_string()),
        };
        let Some(format) = Format::from_extension(&name).or_else(|| Format::detect(&bytes)) else {
            return problem(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "upload a .csv, .xlsx, .xls or .ods file",
            );
        };
        // Parsing is CPU work (bounded, but milliseconds): keep it off the async threads.
        let parsed = tokio::task::spawn_blocking(move || bulk_users::parse(&bytes, format)).await;
        return match parsed {
            Ok(Ok(users)) => (StatusCode::OK, Json(users)).into_response(),
            Ok(Err(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, Json(errors)).into_response(),
            Err(_) => problem(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the upload could not be checked",
            ),
        };
    }
    problem(
        StatusCode::BAD_REQUEST,
        "send the file in a form field named \"file\"",
    )
}

fn problem(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

#[allow(dead_code)]
#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    println!("POST a file to http://127.0.0.1:3000/users/upload (form field \"file\")");
    axum::serve(listener, app()).await
}
