//! The service binary under load and attack on 127.0.0.1, as a separate process whose
//! memory is read from `/proc`: slow connections, a body cut short, and workbook bombs
//! beside valid uploads. Figures are printed (`-- --nocapture`); the assertions are
//! bounds far from what a busy machine gives. Run it in release, as CI does:
//! `cargo test --release -p bulk-users-service --test load -- --nocapture`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The service, killed when dropped.
struct Server {
    child: Child,
    address: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(settings: &str) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bulk-users-service"))
        .env("BULK_USERS_ADDR", "127.0.0.1:0")
        .env("BULK_USERS_SETTINGS", settings)
        .env("BULK_USERS_HEADER_TIMEOUT_MS", "1000")
        .env("BULK_USERS_BODY_TIMEOUT_MS", "2000")
        .env("BULK_USERS_CONNECTION_TIMEOUT_MS", "60000")
        .env("BULK_USERS_QUEUE_TIMEOUT_MS", "10000")
        .env("BULK_USERS_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the service binary starts");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("its standard output");
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let address = line.trim().parse().expect("the address it listens on");
    Server { child, address }
}

/// The most memory the process has held, in MiB (`VmHWM`).
fn peak_rss_mib(server: &Server) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib / 1024
}

fn multipart(file_name: &str, content: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----bulk-users-load";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Status, headers and body of one POST.
fn post(
    address: SocketAddr,
    path: &str,
    file_name: &str,
    content: &[u8],
) -> (u16, String, Vec<u8>) {
    let (content_type, body) = multipart(file_name, content);
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    // The server may answer (413, 503) before it reads the body.
    let _ = stream.write_all(&body);
    response(&mut stream)
}

fn response(stream: &mut TcpStream) -> (u16, String, Vec<u8>) {
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let status = std::str::from_utf8(bytes.get(9..12).unwrap_or_default())
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(bytes.len(), |at| at + 4);
    let body = bytes.split_off(split);
    (status, String::from_utf8_lossy(&bytes).into_owned(), body)
}

/// An .xlsx whose one sheet is a header and then user rows inflating to 1 GiB.
fn workbook_bomb() -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .large_file(true);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Users" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, deflated).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", deflated)
        .unwrap();
    zip.write_all(br#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>User name</t></is></c><c t="inlineStr"><is><t>Email</t></is></c></row>"#).unwrap();
    let rows =
        r#"<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>"#
            .repeat(1000);
    for _ in 0..(1 << 30) / rows.len() {
        zip.write_all(rows.as_bytes()).unwrap();
    }
    zip.write_all(b"</sheetData></worksheet>").unwrap();
    zip.finish().unwrap().into_inner()
}

/// A valid upload of 500 users.
fn valid_upload() -> Vec<u8> {
    let mut csv = "User name*,Email*,User type,Site\n".to_owned();
    for i in 0..500 {
        csv.push_str(&format!("User {i},user{i}@example.com,Standard,HQ\n"));
    }
    csv.into_bytes()
}

#[test]
fn slow_connections_are_closed_and_a_cut_body_gets_a_json_400() {
    let server = start("{}");
    let address = server.address;

    // 200 connections sending their head one byte at a time, a byte every 300 ms.
    let started = Instant::now();
    let mut slow: Vec<TcpStream> = (0..200)
        .map(|_| {
            let stream = TcpStream::connect(address).unwrap();
            stream.set_nonblocking(true).unwrap();
            stream
        })
        .collect();
    let head =
        b"POST /check HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let mut closed_after = vec![None; slow.len()];
    let mut sent = 0;
    while closed_after.iter().any(Option::is_none) && started.elapsed() < Duration::from_secs(20) {
        for (stream, closed) in slow.iter_mut().zip(&mut closed_after) {
            if closed.is_some() {
                continue;
            }
            let mut buffer = [0u8; 512];
            let gone = match stream.read(&mut buffer) {
                Ok(_) => true,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => false,
                Err(_) => true,
            };
            let gone = gone || stream.write_all(&head[sent % head.len()..][..1]).is_err();
            if gone {
                *closed = Some(started.elapsed());
            }
        }
        sent += 1;
        std::thread::sleep(Duration::from_millis(300));
    }
    let closed: Vec<Duration> = closed_after.iter().flatten().copied().collect();
    let last = closed.iter().max().copied().unwrap_or_default();
    println!(
        "slow heads: {} of 200 closed by the server, the last after {:.1} s (header timeout 1 s)",
        closed.len(),
        last.as_secs_f64()
    );
    assert_eq!(closed.len(), 200, "every slow connection is closed");
    assert!(
        last < Duration::from_secs(15),
        "closed long before the test's own limit"
    );

    // A body that stops arriving: 408 in the JSON shape once the body timeout is up.
    let (content_type, body) = multipart("users.csv", &valid_upload());
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let head = format!(
        "POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&body[..100]).unwrap();
    let (status, _, reply) = response(&mut stream);
    assert_eq!(status, 408, "{}", String::from_utf8_lossy(&reply));
    assert!(String::from_utf8_lossy(&reply).contains(r#""code":"upload_too_slow""#));

    // A body cut short: the client stops sending and says so.
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&body[..body.len() / 2]).unwrap();
    stream.shutdown(Shutdown::Write).unwrap();
    let (status, _, reply) = response(&mut stream);
    let reply = String::from_utf8_lossy(&reply).into_owned();
    assert_eq!(status, 400, "{reply}");
    assert!(reply.contains(r#""code":"incomplete_upload""#), "{reply}");

    // Not a form at all.
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream
        .write_all(b"POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi")
        .unwrap();
    let (status, _, reply) = response(&mut stream);
    assert_eq!(status, 400);
    assert!(String::from_utf8_lossy(&reply).contains(r#""code":"unreadable_form""#));
}

#[test]
fn workbook_bombs_beside_valid_uploads() {
    let bomb = Arc::new(workbook_bomb());
    assert!(bomb.len() < bulk_users::MAX_BYTES, "{} bytes", bomb.len());
    let verdict = bulk_users::Options::new().check(&bomb, bulk_users::Format::Xlsx);
    assert_eq!(
        verdict.errors.last().map(|e| e.code.as_str()),
        Some("too_many_rows")
    );
    let valid = Arc::new(valid_upload());

    let server = start("{}");
    let address = server.address;
    let started = Instant::now();
    let bombs: Vec<_> = (0..64)
        .map(|_| {
            let bomb = Arc::clone(&bomb);
            std::thread::spawn(move || {
                let (status, head, _) = post(address, "/errors.xlsx", "bomb.xlsx", &bomb);
                (status, head.to_ascii_lowercase().contains("retry-after: "))
            })
        })
        .collect();
    let uploads: Vec<_> = (0..4)
        .map(|_| {
            let valid = Arc::clone(&valid);
            std::thread::spawn(move || {
                let mut times = Vec::new();
                let mut statuses = Vec::new();
                let begun = Instant::now();
                while begun.elapsed() < Duration::from_secs(8) {
                    let sent = Instant::now();
                    let (status, _, _) = post(address, "/users/upload", "users.csv", &valid);
                    times.push(sent.elapsed());
                    statuses.push(status);
                }
                (statuses, times)
            })
        })
        .collect();
    let bombs: Vec<(u16, bool)> = bombs.into_iter().map(|b| b.join().unwrap()).collect();
    let mut statuses = Vec::new();
    let mut times = Vec::new();
    for upload in uploads {
        let (s, t) = upload.join().unwrap();
        statuses.extend(s);
        times.extend(t);
    }
    let elapsed = started.elapsed();
    let peak = peak_rss_mib(&server);
    times.sort();
    let p99 = times[(times.len() * 99 / 100).min(times.len() - 1)];
    let answered = bombs.iter().filter(|(s, _)| *s == 200).count();
    let busy = bombs
        .iter()
        .filter(|(s, retry)| *s == 503 && *retry)
        .count();
    println!(
        "64 workbook bombs ({} bytes each) to /errors.xlsx: {answered} answered, {busy} told 503 with Retry-After; \
         beside them {} valid 500-user uploads, {:.0}/s, p99 {:.0} ms; peak RSS {peak} MiB; {:.1} s in all",
        bomb.len(),
        statuses.len(),
        statuses.len() as f64 / elapsed.as_secs_f64(),
        p99.as_secs_f64() * 1000.0,
        elapsed.as_secs_f64(),
    );
    assert_eq!(
        answered + busy,
        64,
        "each bomb is answered or told to come back: {bombs:?}"
    );
    assert!(answered >= 1);
    assert!(!statuses.is_empty());
    assert!(
        statuses.iter().all(|&s| s == 200),
        "every valid upload succeeds: {statuses:?}"
    );
    assert!(peak < 512, "peak RSS {peak} MiB");
}
