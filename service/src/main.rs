//! Serves the routes of `bulk_users_service::app` on 127.0.0.1:3000.
//!
//! ```text
//! cargo run -p bulk-users-service
//! curl -F file=@users.xlsx http://127.0.0.1:3000/users/upload
//! curl -H 'Accept-Language: fr' -o modele.xlsx http://127.0.0.1:3000/template.xlsx
//! ```

#![forbid(unsafe_code)]

//! The customer's rules come from the environment: `BULK_USERS_EMAIL_DOMAINS`
//! (comma-separated, `*.` for subdomains) and `BULK_USERS_EXISTING` (a file of
//! addresses that already have accounts, one per line).

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut options = bulk_users::Options::new();
    if let Ok(domains) = std::env::var("BULK_USERS_EMAIL_DOMAINS") {
        options = options.allowed_email_domains(domains.split(',').map(str::trim));
    }
    if let Ok(path) = std::env::var("BULK_USERS_EXISTING") {
        let existing = std::fs::read_to_string(path)?;
        options =
            options.existing_emails(existing.lines().map(str::trim).filter(|l| !l.is_empty()));
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    println!("bulk-users service on http://127.0.0.1:3000: POST /users/upload, /check, /errors.xlsx (form field \"file\"); GET /template.xlsx");
    axum::serve(listener, bulk_users_service::app_with(options)).await
}
