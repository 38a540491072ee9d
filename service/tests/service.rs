//! The service driven by real HTTP requests on 127.0.0.1.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A multipart POST written by hand, answered as (status, headers and body).
fn post(
    address: SocketAddr,
    path: &str,
    language: &str,
    file_name: &str,
    content: &[u8],
) -> (u16, Vec<u8>) {
    let boundary = "----bulk-users-test";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut stream = TcpStream::connect(address).expect("connect to the example");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nAccept-Language: {language}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&body).unwrap();
    read_response(&mut stream)
}

fn get(address: SocketAddr, path: &str, language: &str) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(address).expect("connect to the service");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let head = format!(
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nAccept-Language: {language}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).unwrap();
    read_response(&mut stream)
}

/// The status and the body (the connection closes after it).
fn read_response(stream: &mut TcpStream) -> (u16, Vec<u8>) {
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let status = std::str::from_utf8(response.get(9..12).unwrap_or_default())
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body_at = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(response.len(), |at| at + 4);
    (status, response.split_off(body_at))
}

fn text(body: Vec<u8>) -> String {
    String::from_utf8(body).unwrap()
}

#[test]
fn the_service_answers_in_one_shape_and_the_person_s_language() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let limits = bulk_users_service::Limits::default();
            bulk_users_service::serve(listener, bulk_users_service::app(), &limits).await
        });
        let ask = |path: &'static str, language: &'static str, name: &'static str, content: Vec<u8>| {
            tokio::task::spawn_blocking(move || post(address, path, language, name, &content))
        };

        let csv = b"User name*,Email*\r\nAda Lovelace,ada@example.com\r\n".to_vec();
        let (status, body) = ask("/users/upload", "en", "users.csv", csv.clone()).await.unwrap();
        assert_eq!(status, 200);
        assert_eq!(
            text(body),
            r#"[{"name":"Ada Lovelace","email":"ada@example.com","user_type":"Standard","site":"HQ"}]"#
        );

        let bad = b"User name*,Email*\r\nBob,bob(at)example.com\r\n".to_vec();
        let (status, body) = ask("/users/upload", "en-GB,en;q=0.9", "users.csv", bad.clone()).await.unwrap();
        assert_eq!(status, 422);
        assert_eq!(
            text(body),
            r#"{"errors":[{"row":2,"column":"Email","cell":"B2","code":"invalid_email","message":"\"bob(at)example.com\" is not an email address. Use the form name@example.com.","value":"bob(at)example.com"}],"language":"en"}"#
        );
        let (status, body) = ask("/users/upload", "fr-CH, fr;q=0.9", "users.csv", bad.clone()).await.unwrap();
        assert_eq!(status, 422);
        assert!(text(body).contains("n'est pas une adresse e-mail"));

        // Whole-file problems in the same shape: a file the crate cannot read.
        let (status, body) = ask("/users/upload", "en", "notes.pdf", vec![0, 1, 2]).await.unwrap();
        assert_eq!(status, 422);
        assert!(text(body).contains(r#""row":null,"column":null,"code":"unreadable_file""#));

        // Just over the limit: the crate's own words, 413.
        let mut big = b"User name*,Email*\n".to_vec();
        big.resize(bulk_users::MAX_BYTES + 10, b'a');
        let (status, body) = ask("/users/upload", "en", "big.csv", big).await.unwrap();
        assert_eq!(status, 413);
        assert!(text(body).contains(r#""code":"file_too_large""#));
        // Far over it: the service stops reading, and says so in the same shape.
        let huge = vec![b'a'; bulk_users::MAX_BYTES + 2 * 1024 * 1024];
        let (status, body) = ask("/users/upload", "en", "huge.csv", huge).await.unwrap();
        assert_eq!(status, 413);
        assert!(text(body).contains("The file is larger than 10485760 bytes (10 MiB)"), "413 in the crate's words");
        let huge = vec![b'a'; bulk_users::MAX_BYTES + 2 * 1024 * 1024];
        let (status, body) = ask("/users/upload", "de", "huge.csv", huge).await.unwrap();
        assert_eq!(status, 413);
        assert!(text(body).contains("Die Datei ist größer als 10485760 Byte"), "and the person's language");

        let (status, body) = ask("/check", "en", "users.csv", bad.clone()).await.unwrap();
        assert_eq!(status, 200);
        let report: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(report["errors"][0]["code"], "invalid_email");
        assert_eq!(report["encoding"], "UTF-8");

        let (status, body) = ask("/errors.xlsx", "de", "users.csv", bad).await.unwrap();
        assert_eq!(status, 200);
        assert!(body.starts_with(b"PK"));
        let errors = bulk_users::parse(&body, bulk_users::Format::Xlsx).unwrap_err();
        assert_eq!(errors[0].code.as_str(), "invalid_email");

        // A customer's own rules, in the same shape and the person's language.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let customer = listener.local_addr().unwrap();
        let rules = bulk_users::Options::new()
            .allowed_email_domains(["contoso.com"])
            .existing_emails(["taken@contoso.com"]);
        tokio::spawn(async move {
            let limits = bulk_users_service::Limits::default();
            let app = bulk_users_service::app_with(rules, limits.clone());
            bulk_users_service::serve(listener, app, &limits).await
        });
        let upload = b"User name*,Email*\nA,a@gmail.com\nB,taken@contoso.com\nC,c@contoso.com\n".to_vec();
        let (status, body) = tokio::task::spawn_blocking(move || post(customer, "/users/upload", "nl", "u.csv", &upload)).await.unwrap();
        assert_eq!(status, 422);
        let errors: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(errors["errors"][0]["code"], "email_domain_not_allowed");
        assert_eq!(errors["errors"][1]["code"], "email_exists");
        assert_eq!(errors["errors"][1]["message"], "taken@contoso.com heeft al een account. Verwijder deze rij of gebruik een ander adres.");

        let (status, body) = tokio::task::spawn_blocking(move || get(address, "/health", "en")).await.unwrap();
        assert_eq!((status, text(body)), (200, r#"{"status":"ok"}"#.to_owned()));
        let (status, body) = tokio::task::spawn_blocking(move || get(address, "/nothing", "en")).await.unwrap();
        assert_eq!(status, 404);
        assert!(text(body).contains(r#""code":"not_found""#));

        let (status, body) = tokio::task::spawn_blocking(move || get(address, "/template.xlsx", "ja")).await.unwrap();
        assert_eq!(status, 200);
        assert_eq!(body, bulk_users::Options::new().language(bulk_users::Language::Japanese).write_template().unwrap());
    });
}
