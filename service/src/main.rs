//! Serves the routes of `bulk_users_service::app_with`.
//!
//! ```text
//! cargo run --release -p bulk-users-service
//! curl -F file=@users.xlsx http://127.0.0.1:3000/users/upload
//! curl -H 'Accept-Language: fr' -o modele.xlsx http://127.0.0.1:3000/template.xlsx
//! ```
//!
//! Configuration, from the environment:
//!
//! - `BULK_USERS_CONFIG`: a JSON file of the crate's `Settings` (the form the CLI's
//!   `--config` and the browser package read: `{"max_rows": 200, "allowed_sites": […],
//!   "allowed_email_domains": […], "existing_emails": […], …}`), or
//!   `BULK_USERS_SETTINGS`: the same JSON itself;
//! - `BULK_USERS_ADDR`: where to listen (`127.0.0.1:3000`);
//! - `BULK_USERS_CHECKS`, `BULK_USERS_WORKBOOKS`: checks and errors workbooks at once
//!   (2 and 1);
//! - `BULK_USERS_HEADER_TIMEOUT_MS`, `BULK_USERS_BODY_TIMEOUT_MS`,
//!   `BULK_USERS_CONNECTION_TIMEOUT_MS`, `BULK_USERS_QUEUE_TIMEOUT_MS`: the limits'
//!   times (10 s, 60 s, 120 s, 10 s);
//! - `RUST_LOG`-style level in `BULK_USERS_LOG` (`info`).
//!
//! The first line on standard output is the address it listens on; logs go to
//! standard error.

#![forbid(unsafe_code)]

use std::time::Duration;

use bulk_users::Settings;
use bulk_users_service::Limits;

fn settings() -> Result<Settings, String> {
    let text = match (
        std::env::var("BULK_USERS_CONFIG"),
        std::env::var("BULK_USERS_SETTINGS"),
    ) {
        (Ok(path), _) => std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?,
        (_, Ok(json)) => json,
        _ => return Ok(Settings::default()),
    };
    serde_json::from_str(&text).map_err(|e| format!("the settings: {e}"))
}

fn number(name: &str, default: u64) -> Result<u64, String> {
    match std::env::var(name) {
        Ok(value) => value
            .parse()
            .map_err(|_| format!("{name}={value}: not a whole number")),
        Err(_) => Ok(default),
    }
}

fn limits() -> Result<Limits, String> {
    let defaults = Limits::default();
    let millis = |name, default: Duration| {
        number(name, u64::try_from(default.as_millis()).unwrap_or(u64::MAX))
            .map(Duration::from_millis)
    };
    let count = |name, default: usize| {
        number(name, default as u64).map(|n| usize::try_from(n).unwrap_or(usize::MAX).max(1))
    };
    Ok(Limits {
        header_timeout: millis("BULK_USERS_HEADER_TIMEOUT_MS", defaults.header_timeout)?,
        body_timeout: millis("BULK_USERS_BODY_TIMEOUT_MS", defaults.body_timeout)?,
        connection_timeout: millis(
            "BULK_USERS_CONNECTION_TIMEOUT_MS",
            defaults.connection_timeout,
        )?,
        checks: count("BULK_USERS_CHECKS", defaults.checks)?,
        workbooks: count("BULK_USERS_WORKBOOKS", defaults.workbooks)?,
        queue_timeout: millis("BULK_USERS_QUEUE_TIMEOUT_MS", defaults.queue_timeout)?,
    })
}

fn main() -> std::process::ExitCode {
    let level = std::env::var("BULK_USERS_LOG").unwrap_or_else(|_| "info".to_owned());
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(level.parse().unwrap_or(tracing::Level::INFO))
        .init();
    let configured = settings()
        .and_then(|settings| settings.to_options().map_err(|e| e.to_string()))
        .and_then(|options| limits().map(|limits| (options, limits)));
    let (options, limits) = match configured {
        Ok(configured) => configured,
        Err(message) => {
            eprintln!("bulk-users-service: {message}");
            return std::process::ExitCode::from(2);
        }
    };
    let address = std::env::var("BULK_USERS_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".into());
    // The checks run on blocking threads, one per slot: no more threads than slots
    // allocate a check's memory at once.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(limits.checks + limits.workbooks)
        .build();
    let served = runtime.and_then(|runtime| {
        runtime.block_on(async {
            let listener = tokio::net::TcpListener::bind(&address).await?;
            println!("{}", listener.local_addr()?);
            let app = bulk_users_service::app_with(options, limits.clone());
            bulk_users_service::serve(listener, app, &limits).await
        })
    });
    match served {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("bulk-users-service: {error}");
            std::process::ExitCode::from(2)
        }
    }
}
