//! Serves the routes of `bulk_users_service::app` on 127.0.0.1:3000.
//!
//! ```text
//! cargo run -p bulk-users-service
//! curl -F file=@users.xlsx http://127.0.0.1:3000/users/upload
//! curl -H 'Accept-Language: fr' -o modele.xlsx http://127.0.0.1:3000/template.xlsx
//! ```

#![forbid(unsafe_code)]

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    println!("bulk-users service on http://127.0.0.1:3000: POST /users/upload, /check, /errors.xlsx (form field \"file\"); GET /template.xlsx");
    axum::serve(listener, bulk_users_service::app()).await
}
