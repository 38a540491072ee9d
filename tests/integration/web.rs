//! The axum example driven by a real HTTP request on 127.0.0.1.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

#[path = "../../examples/axum_upload.rs"]
mod axum_upload;

/// A multipart POST written by hand, answered as (status, body).
fn post(address: SocketAddr, file_name: &str, content: &[u8]) -> (u16, String) {
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
        "POST /users/upload HTTP/1.1\r\nHost: {address}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&body).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn a_multipart_upload_answers_users_or_errors_as_json() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, axum_upload::app()).await });

        let ask = |name: &'static str, content: Vec<u8>| {
            tokio::task::spawn_blocking(move || post(address, name, &content))
        };
        let (status, body) = ask("users.csv", b"User name*,Email*\r\nAda Lovelace,ada@example.com\r\n".to_vec()).await.unwrap();
        assert_eq!(status, 200, "{body}");
        assert_eq!(
            body,
            r#"[{"name":"Ada Lovelace","email":"ada@example.com","user_type":"Standard","site":"HQ"}]"#
        );

        let xlsx = crate::support::xlsx(&[crate::support::HEADER, &["Bob", "bob(at)example.com"]]);
        let (status, body) = ask("users.xlsx", xlsx).await.unwrap();
        assert_eq!(status, 422, "{body}");
        assert_eq!(
            body,
            r#"{"errors":[{"row":2,"column":"Email","code":"invalid_email","message":"\"bob(at)example.com\" is not an email address. Use the form name@example.com."}]}"#
        );

        let (status, _) = ask("notes.pdf", vec![0, 1, 2]).await.unwrap();
        assert_eq!(status, 415);
    });
}
