//! `cchc serve` as a portal runs it: a real process, real HTTP, a real SQLite file. Nothing lost
//! (a `201` survives `kill -9`), nothing twice (a repeated Idempotency-Key), limits and origins.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const CCHC: &str = env!("CARGO_BIN_EXE_cchc");

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cchc-receiver-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The databases a receiver test runs on: a SQLite file in `dir`, and, when `CCHC_TEST_PG` names a
/// PostgreSQL server (`.ci/run` starts one), a fresh database on it for this test.
fn databases(dir: &Path, name: &str) -> Vec<PathBuf> {
    let mut out = vec![dir.join("pakn.sqlite")];
    let Ok(base) = std::env::var("CCHC_TEST_PG") else {
        return out;
    };
    let db = format!("cchc_{name}_{}", std::process::id());
    let mut admin = postgres::Client::connect(&base, postgres::NoTls)
        .unwrap_or_else(|e| panic!("CCHC_TEST_PG={base}: {e}"));
    // Earlier runs' databases of this test go (one run's are kept, to look at after a failure).
    let stale: Vec<String> = admin
        .query(
            "SELECT datname FROM pg_database WHERE datname LIKE $1",
            &[&format!("cchc\\_{name}\\_%")],
        )
        .map(|rows| rows.iter().map(|r| r.get(0)).collect())
        .unwrap_or_default();
    // (One statement each: neither may run inside the implicit transaction of a batch.)
    let drops = stale
        .iter()
        .map(|d| format!("DROP DATABASE IF EXISTS {d} WITH (FORCE)"));
    for sql in drops.chain([format!("CREATE DATABASE {db}")]) {
        admin
            .batch_execute(&sql)
            .unwrap_or_else(|e| panic!("{sql}: {e:?}"));
    }
    let (prefix, _) = base.rsplit_once('/').expect("a URL with a database name");
    out.push(PathBuf::from(format!("{prefix}/{db}")));
    out
}

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(db: &Path, extra: &[&str]) -> Server {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/www");
        let schema = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/phan-anh.json");
        let mut child = Command::new(CCHC)
            .args([
                "serve",
                "--root",
                root,
                "--schema",
                schema,
                "--listen",
                "127.0.0.1:0",
            ])
            .arg("--db")
            .arg(db)
            .args(extra)
            .stderr(Stdio::piped())
            .spawn()
            .expect("cchc serve starts");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = BufReader::new(stderr).lines();
        let mut said = Vec::new();
        let addr = loop {
            let Some(line) = lines.next() else {
                // Exited before listening: say what it said (a rare failure seen once under CI load).
                panic!("cchc serve exited before printing its address: {said:?}");
            };
            let line = line.expect("stderr line");
            if let Some(a) = line.strip_prefix("cchc serve: listening on http://") {
                break a.to_string();
            }
            said.push(line);
        };
        // Keep draining stderr so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, addr }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn kill9(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// `(status, headers as lowercase name → value, body)`.
fn post(
    s: &Server,
    path: &str,
    body: &str,
    headers: &[(&str, &str)],
) -> (u16, Vec<(String, String)>, String) {
    let mut req = agent()
        .post(s.url(path))
        .header("Content-Type", "application/json");
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let mut r = req.send(body).expect("the receiver answers");
    let status = r.status().as_u16();
    let hs = r
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let text = r.body_mut().read_to_string().unwrap_or_default();
    (status, hs, text)
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// A valid submission of the demo form, with one PDF attached.
fn good(title: &str) -> String {
    let pdf = b"%PDF-1.7\n%%EOF\n";
    serde_json::json!({
        "schema_version": 1,
        "submitted_at": "2026-12-06T09:00:00+07:00",
        "lang": "vi",
        "values": {
            "doi_tuong": "ca-nhan",
            "ho_ten": "H'Hen Niê",
            "dia_chi": {"tinh": "66", "xa": "24133", "chi_tiet": "Thôn 3'; DROP TABLE submission; --"},
            "dien_thoai": "0912345678",
            "loai": "phan-anh",
            "linh_vuc": "vuong-mac",
            "tieu_de": title,
            "noi_dung": "Hồ sơ nộp từ tháng 3 đến nay chưa có kết quả, quá hạn 45 ngày \"rồi\".",
            "cam_ket": true,
            "website": "",
            "tep_dinh_kem": [{"name": "don.pdf", "type": "application/pdf", "size": pdf.len()}]
        },
        "files": [{"field": "tep_dinh_kem", "name": "don.pdf", "type": "application/pdf",
                   "size": pdf.len(), "content_base64": b64(pdf)}]
    })
    .to_string()
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn list(db: &Path) -> Vec<Value> {
    let out = Command::new(CCHC)
        .args(["phan-anh", "list", "--format", "jsonl", "--db"])
        .arg(db)
        .output()
        .expect("cchc phan-anh list runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(json)
        .collect()
}

fn today_vn() -> cchc_widgets::date::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    cchc_widgets::date::Date::from_days_since_epoch((secs + 7 * 3600).div_euclid(86_400))
}

fn year() -> String {
    today_vn().year().to_string()
}

#[test]
fn a_submission_is_stored_once_and_listed_for_staff() {
    let dir = temp_dir("basic");
    for db in databases(&dir, "basic") {
        let s = Server::start(&db, &[]);
        let (status, _, body) = post(
            &s,
            "/api/phan-anh",
            &good("Chậm cấp sổ đỏ"),
            &[("Idempotency-Key", "k-1")],
        );
        assert_eq!(status, 201, "{body}");
        let first = json(&body)["reference"].as_str().unwrap().to_string();
        assert_eq!(first, format!("PAKN-{}-000001", year()));
        // A retry of the same draft (same key) gets the same reference and stores nothing.
        let (status, _, body) = post(
            &s,
            "/api/phan-anh",
            &good("Chậm cấp sổ đỏ"),
            &[("Idempotency-Key", "k-1")],
        );
        assert_eq!(status, 201);
        assert_eq!(json(&body)["reference"], first.as_str());
        let (_, _, body) = post(
            &s,
            "/api/phan-anh",
            &good("Lần hai"),
            &[("Idempotency-Key", "k-2")],
        );
        assert_eq!(
            json(&body)["reference"],
            format!("PAKN-{}-000002", year()).as_str()
        );
        let items = list(&db);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0]["reference"], first.as_str());
        assert_eq!(items[0]["status"], "moi");
        // Quotes and SQL are stored verbatim and harmless.
        assert_eq!(
            items[0]["values"]["dia_chi"]["chi_tiet"],
            "Thôn 3'; DROP TABLE submission; --"
        );
        assert_eq!(
            items[0]["values"]["dia_chi"]["xa_ten"],
            "Phường Buôn Ma Thuột"
        );
        assert_eq!(items[0]["files"][0]["name"], "don.pdf");
        assert_eq!(items[0]["files"][0]["size"], 15);
        // The plain-text listing for people.
        let out = Command::new(CCHC)
            .args(["phan-anh", "list", "--db"])
            .arg(&db)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains(&first) && text.contains("ho_ten: H'Hen Niê"),
            "{text}"
        );
        assert!(text.contains("2 phản ánh, kiến nghị"), "{text}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn bad_bodies_invalid_values_wrong_bytes_and_spam() {
    let dir = temp_dir("bad");
    for db in databases(&dir, "bad") {
        let s = Server::start(&db, &[]);
        // Not JSON, not the contract's shape: 400 with a path, no stack trace.
        let (status, _, body) = post(&s, "/api/phan-anh", "{\"values\": [", &[]);
        assert_eq!(status, 400, "{body}");
        assert_eq!(json(&body)["error"]["code"], "json");
        let (status, _, body) = post(&s, "/api/phan-anh", "{\"values\": []}", &[]);
        assert_eq!(status, 400);
        assert_eq!(json(&body)["error"]["path"], "$.values");
        let (status, _, _) = post(
            &s,
            "/api/phan-anh",
            &good("x"),
            &[("Idempotency-Key", "bad key with spaces")],
        );
        assert_eq!(status, 400);
        // Values the validator refuses: 422 with field errors, as in the browser.
        let invalid = good("<script>alert(1)</script>").replace("0912345678", "12345");
        let (status, _, body) = post(&s, "/api/phan-anh", &invalid, &[]);
        assert_eq!(status, 422, "{body}");
        let v = json(&body);
        assert_eq!(v["errors"]["dien_thoai"]["code"], "phone_length");
        assert!(
            v["errors"]["tieu_de"].is_object(),
            "markup is refused: {body}"
        );
        assert!(v["order"].as_array().is_some_and(|o| !o.is_empty()));
        // An executable renamed to .pdf: refused by its bytes.
        let exe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0";
        let renamed = good("Tệp giả").replace(&b64(b"%PDF-1.7\n%%EOF\n"), &b64(exe));
        let (status, _, body) = post(&s, "/api/phan-anh", &renamed, &[]);
        assert_eq!(status, 422, "{body}");
        assert_eq!(
            json(&body)["errors"]["tep_dinh_kem"]["code"],
            "file_content"
        );
        // The honeypot: 202 with a reference, kept apart, never listed.
        let spam =
            good("Mua ngay").replace("\"website\":\"\"", "\"website\":\"http://spam.example\"");
        assert_ne!(spam, good("Mua ngay"));
        let (status, _, body) = post(&s, "/api/phan-anh", &spam, &[]);
        assert_eq!(status, 202, "{body}");
        assert!(json(&body)["reference"].is_string());
        assert!(list(&db).is_empty());
        // An unknown endpoint is not a receiver.
        let (status, _, _) = post(&s, "/api/khac", &good("x"), &[]);
        assert!(status == 404 || status == 405, "{status}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn limits_rate_and_origins() {
    let dir = temp_dir("limits");
    for db in databases(&dir, "limits") {
        let s = Server::start(
            &db,
            &[
                "--max-body",
                "4000",
                "--rate-limit",
                "3",
                "--allow-origin",
                "https://tinh.gov.vn",
            ],
        );
        // Over --max-body: 413 from the declared length, the body is not read.
        let mut stream = TcpStream::connect(&s.addr).unwrap();
        write!(
        stream,
        "POST /api/phan-anh HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{{",
        s.addr
    )
    .unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut head = [0u8; 64];
        let n = stream.read(&mut head).unwrap_or(0);
        let head = String::from_utf8_lossy(&head[..n]);
        assert!(head.starts_with("HTTP/1.1 413"), "{head}");
        drop(stream);
        // Another portal's origin: refused unless allowed; the allowed one gets CORS headers.
        let (status, _, _) = post(
            &s,
            "/api/phan-anh",
            &good("a"),
            &[("Origin", "https://evil.example")],
        );
        assert_eq!(status, 403);
        let (status, hs, body) = post(
            &s,
            "/api/phan-anh",
            &good("b"),
            &[("Origin", "https://tinh.gov.vn")],
        );
        assert_eq!(status, 201, "{body}");
        assert!(hs
            .iter()
            .any(|(k, v)| k == "access-control-allow-origin" && v == "https://tinh.gov.vn"));
        // The browser's CORS preflight for the allowed portal (the widget sends Idempotency-Key).
        let mut stream = TcpStream::connect(&s.addr).unwrap();
        write!(
        stream,
        "OPTIONS /api/phan-anh HTTP/1.1\r\nHost: {}\r\nOrigin: https://tinh.gov.vn\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type, idempotency-key\r\nConnection: close\r\n\r\n",
        s.addr
    )
    .unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        let lower = answer.to_ascii_lowercase();
        assert!(lower.starts_with("http/1.1 200"), "{answer}");
        assert!(
            lower.contains("access-control-allow-origin: https://tinh.gov.vn"),
            "{answer}"
        );
        assert!(lower.contains("idempotency-key"), "{answer}");
        // The same origin always passes.
        let own = format!("http://{}", s.addr);
        let (status, _, _) = post(&s, "/api/phan-anh", &good("c"), &[("Origin", &own)]);
        assert_eq!(status, 201);
        // The fourth POST within a minute from this client (three passed or were refused above,
        // the 413 and the 403 included): 429 with Retry-After.
        let (status, hs, body) = post(&s, "/api/phan-anh", &good("d"), &[]);
        assert_eq!(status, 429, "{body}");
        let retry = hs
            .iter()
            .find(|(k, _)| k == "retry-after")
            .map(|(_, v)| v.clone());
        assert!(retry.is_some_and(|r| r.parse::<u64>().is_ok_and(|n| n >= 1)));
        assert!(json(&body)["error"]["message"]["vi"].is_string());
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn serves_the_portal_with_the_right_types_and_headers() {
    let dir = temp_dir("static");
    let s = Server::start(&dir.join("pakn.sqlite"), &[]);
    let a = agent();
    let r = a.get(s.url("/healthz")).call().unwrap();
    assert_eq!(r.status(), 200);
    let r = a
        .get(s.url("/pkg/cchc_form_bg.wasm?h=abc"))
        .header("Accept-Encoding", "gzip")
        .call()
        .unwrap();
    let h = |name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(h("content-type"), "application/wasm");
    assert_eq!(h("content-encoding"), "gzip");
    assert!(h("cache-control").contains("immutable"));
    assert_eq!(h("x-content-type-options"), "nosniff");
    let r = a.get(s.url("/phan-anh-kien-nghi.html")).call().unwrap();
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(r.headers()["cache-control"], "no-cache");
    let r = a.get(s.url("/../Cargo.toml")).call().unwrap();
    assert_eq!(r.status(), 404);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sigterm_finishes_a_request_in_flight_then_exits() {
    let dir = temp_dir("term-flight");
    let mut s = Server::start(&dir.join("pakn.sqlite"), &[]);
    // A submission whose body is still arriving when the server is told to stop.
    let body = good("gửi dở khi máy chủ dừng");
    let (head, tail) = body.split_at(body.len() / 2);
    let mut stream = TcpStream::connect(&s.addr).unwrap();
    write!(
        stream,
        "POST /api/phan-anh HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{head}",
        s.addr,
        body.len()
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let pid = s.child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    std::thread::sleep(Duration::from_millis(300));
    stream.write_all(tail.as_bytes()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(
        answer.starts_with("HTTP/1.1 201"),
        "the request in flight is finished: {answer}"
    );
    let start = Instant::now();
    loop {
        if let Some(code) = s.child.try_wait().unwrap() {
            assert!(code.success(), "{code}");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(12),
            "still running after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(list(&dir.join("pakn.sqlite")).len(), 1, "and stored");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sigterm_stops_it_within_seconds() {
    let dir = temp_dir("term");
    let mut s = Server::start(&dir.join("pakn.sqlite"), &[]);
    let (status, _, _) = post(&s, "/api/phan-anh", &good("trước khi dừng"), &[]);
    assert_eq!(status, 201);
    let pid = s.child.id().to_string();
    let start = Instant::now();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    loop {
        if let Some(code) = s.child.try_wait().unwrap() {
            assert!(code.success(), "{code}");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(12),
            "still running after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// Clients that keep retrying their draft (same key) until they get an answer, while the server
/// is killed with SIGKILL mid-load and restarted: every `201` is stored exactly once and every
/// key ends with its first reference.
#[test]
fn kill_9_under_load_loses_nothing_and_doubles_nothing() {
    let dir = temp_dir("kill");
    for db in databases(&dir, "kill") {
        let clients = 8;
        let per_client = 15;
        let done = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let server = std::sync::Arc::new(std::sync::Mutex::new(Server::start(
            &db,
            &["--rate-limit", "1000"],
        )));
        let addr = std::sync::Arc::new(std::sync::Mutex::new(server.lock().unwrap().addr.clone()));
        let mut handles = Vec::new();
        for c in 0..clients {
            let addr = addr.clone();
            let done = done.clone();
            handles.push(std::thread::spawn(move || {
                let mut got = Vec::new();
                for i in 0..per_client {
                    let key = format!("client{c}-draft{i}");
                    let body = good(&format!("Phản ánh số {i} của người {c}"));
                    let mut answers = Vec::new();
                    let deadline = Instant::now() + Duration::from_secs(60);
                    loop {
                        let url = format!("http://{}/api/phan-anh", addr.lock().unwrap());
                        let r = ureq::Agent::config_builder()
                            .http_status_as_error(false)
                            .timeout_global(Some(Duration::from_secs(10)))
                            .build()
                            .new_agent()
                            .post(&url)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", &key)
                            .send(&body);
                        match r {
                            Ok(mut resp) if resp.status() == 201 => {
                                let text = resp.body_mut().read_to_string().unwrap_or_default();
                                answers
                                    .push(json(&text)["reference"].as_str().unwrap().to_string());
                                done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                                // Sometimes the client retries anyway (it never saw the answer).
                                if i % 3 == 0 && answers.len() < 2 {
                                    continue;
                                }
                                break;
                            }
                            _ => {
                                assert!(Instant::now() < deadline, "{key}: no 201 within 60 s");
                                std::thread::sleep(Duration::from_millis(100));
                            }
                        }
                    }
                    got.push((key, answers));
                }
                got
            }));
        }
        // Kill -9 in the middle of the load, then restart on the same database (a new port).
        let total = clients * per_client;
        let wait = Instant::now();
        while done.load(std::sync::atomic::Ordering::SeqCst) < total / 3 {
            assert!(
                wait.elapsed() < Duration::from_secs(60),
                "the load did not start"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        let at_kill = done.load(std::sync::atomic::Ordering::SeqCst);
        {
            let mut guard = server.lock().unwrap();
            let old = std::mem::replace(&mut *guard, Server::start(&db, &["--rate-limit", "1000"]));
            // The new server is up before the old one dies: clients never wait on a dead port long.
            *addr.lock().unwrap() = guard.addr.clone();
            old.kill9();
        }
        assert!(at_kill < total, "killed before the load ended");
        let mut all = Vec::new();
        for h in handles {
            all.extend(h.join().expect("client thread"));
        }
        let items = list(&db);
        let stored: Vec<&str> = items
            .iter()
            .map(|i| i["reference"].as_str().unwrap())
            .collect();
        assert_eq!(all.len(), clients * per_client);
        for (key, answers) in &all {
            // Every answer to a key is its first reference.
            assert!(
                answers.windows(2).all(|w| w[0] == w[1]),
                "{key}: {answers:?}"
            );
            let count = stored.iter().filter(|r| **r == answers[0]).count();
            assert_eq!(count, 1, "{key}: {} stored {count} times", answers[0]);
        }
        assert_eq!(
            stored.len(),
            clients * per_client,
            "one row per draft, none lost, none doubled"
        );
        let mut unique = stored.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), stored.len());
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_body_without_declared_length_is_refused_before_reading() {
    let dir = temp_dir("length");
    let s = Server::start(&dir.join("pakn.sqlite"), &[]);
    let mut stream = TcpStream::connect(&s.addr).unwrap();
    write!(
        stream,
        "POST /api/phan-anh HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{{\"a\":\r\n",
        s.addr
    )
    .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut head = [0u8; 64];
    let n = stream.read(&mut head).unwrap_or(0);
    let head = String::from_utf8_lossy(&head[..n]);
    assert!(head.starts_with("HTTP/1.1 411"), "{head}");
    let _ = std::fs::remove_dir_all(dir);
}

fn cchc(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(CCHC).args(args).output().expect("cchc runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Writes an answer sheet the way staff fill it: the exported header and some rows.
fn filled_sheet(path: &Path, rows: &[[&str; 12]]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let header = [
        "Mã số",
        "Ngày nhận",
        "Hạn trả lời",
        "Tiêu đề",
        "Nội dung",
        "Lĩnh vực",
        "Người gửi, liên hệ",
        "Trả lời",
        "Cơ quan trả lời",
        "Trạng thái",
        "Ngày trả lời",
        "Công khai",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn staff_export_answer_in_excel_and_every_change_is_in_the_history() {
    use calamine::Reader;
    let dir = temp_dir("answers");
    for db in databases(&dir, "answers") {
        let s = Server::start(&db, &[]);
        let refs: Vec<String> = ["Một", "Hai", "Ba"]
            .iter()
            .map(|t| {
                let (status, _, body) = post(&s, "/api/phan-anh", &good(t), &[]);
                assert_eq!(status, 201);
                json(&body)["reference"].as_str().unwrap().to_string()
            })
            .collect();
        drop(s);
        let db_s = db.to_str().unwrap();
        // The pending list in Excel.
        let pending = dir.join("cho-xu-ly.xlsx");
        let (code, _, err) = cchc(&[
            "phan-anh",
            "export",
            "--db",
            db_s,
            "-o",
            pending.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
        let mut wb = calamine::open_workbook_auto(&pending).unwrap();
        let sheet = wb.worksheet_range_at(0).unwrap().unwrap();
        let rows: Vec<Vec<String>> = sheet
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(rows[0][0], "Mã số");
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1][0], refs[0]);
        assert_eq!(rows[1][3], "Một", "subject");
        assert!(rows[1][4].starts_with("Hồ sơ nộp"), "content");
        assert_eq!(rows[1][5], "Vướng mắc cụ thể khi thực hiện do hành vi chậm trễ, gây phiền hà, không thực hiện hoặc thực hiện không đúng quy định của cơ quan, cán bộ, công chức");
        assert!(
            rows[1][6].contains("H'Hen Niê") && rows[1][6].contains("0912345678"),
            "contact"
        );
        assert!(
            rows[1][2].len() == 10,
            "due date dd/mm/yyyy: {}",
            rows[1][2]
        );
        assert_eq!(rows[1][9], "Mới tiếp nhận");
        // A sheet with problems: every one reported with its row and column, nothing applied.
        let bad = dir.join("sai.xlsx");
        filled_sheet(
            &bad,
            &[
                [
                    "PAKN-1999-000001",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "Đã xử lý",
                    "Sở Xây dựng",
                    "Đã trả lời",
                    "01/12/2026",
                    "Có",
                ],
                // An unknown status and, on the same row, a wrong "publish" cell: both reported.
                [
                    &refs[0],
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "Xong rồi",
                    "",
                    "Chắc chắn",
                ],
                [
                    &refs[1],
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "Trả lời",
                    "Sở Xây dựng",
                    "Đã trả lời",
                    "01/01/2099",
                    "Có",
                ],
                [
                    &refs[2],
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "Chuyển cơ quan khác",
                    "",
                    "",
                ],
            ],
        );
        let (code, _, err) = cchc(&["phan-anh", "answer", "--db", db_s, bad.to_str().unwrap()]);
        assert_eq!(code, 1, "{err}");
        assert!(
            err.contains("dòng 2, cột A") && err.contains("PAKN-1999-000001"),
            "{err}"
        );
        assert!(err.contains("dòng 3, cột J"), "{err}");
        assert!(err.contains("dòng 3, cột L"), "{err}");
        assert!(err.contains("dòng 4, cột K"), "{err}");
        assert!(
            err.contains("dòng 5, cột I") && err.contains("dòng 5, cột K"),
            "{err}"
        );
        assert!(
            list(&db).iter().all(|i| i["status"] == "moi"),
            "nothing half-applied"
        );
        // The filled sheet: one answered, one transferred, one left for later.
        let good_sheet = dir.join("tra-loi.xlsx");
        let today = today_vn();
        let (vi, iso) = (today.to_vi(), today.to_iso());
        filled_sheet(
            &good_sheet,
            &[
                [
                    &refs[0],
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "Sở Tài nguyên và Môi trường đã cấp giấy chứng nhận.",
                    "Sở Tài nguyên và Môi trường",
                    "Đã trả lời",
                    &vi,
                    "Có",
                ],
                [
                    &refs[1],
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "UBND huyện Krông Pắc",
                    "chuyen-co-quan-khac",
                    &iso,
                    "Không",
                ],
            ],
        );
        let (code, _, err) = cchc(&[
            "phan-anh",
            "answer",
            "--db",
            db_s,
            good_sheet.to_str().unwrap(),
            "--today",
            &iso,
        ]);
        assert_eq!(code, 0, "{err}");
        assert!(err.contains("2 phản ánh, kiến nghị được cập nhật"), "{err}");
        let items = list(&db);
        assert_eq!(items[0]["status"], "da-tra-loi");
        assert_eq!(items[1]["status"], "chuyen-co-quan-khac");
        assert_eq!(items[2]["status"], "moi");
        // Importing the same sheet again changes nothing.
        let (code, _, err) = cchc(&[
            "phan-anh",
            "answer",
            "--db",
            db_s,
            good_sheet.to_str().unwrap(),
            "--today",
            &iso,
        ]);
        assert_eq!(code, 0);
        assert!(err.contains(", 0 phản ánh"), "{err}");
        // The audit trail.
        let (code, out, _) = cchc(&[
            "phan-anh", "history", "--db", db_s, &refs[0], "--format", "jsonl",
        ]);
        assert_eq!(code, 0);
        let trail: Vec<Value> = out.lines().map(json).collect();
        assert_eq!(trail.len(), 2, "{out}");
        assert_eq!(trail[0]["action"], "received");
        assert_eq!(trail[1]["action"], "answer");
        assert_eq!(trail[1]["detail"]["status"]["to"], "da-tra-loi");
        assert_eq!(trail[1]["detail"]["source"], "tra-loi.xlsx:2");
        let (code, _, _) = cchc(&["phan-anh", "history", "--db", db_s, "PAKN-2026-999999"]);
        assert_eq!(code, 1);
        // Only what is still to answer is exported again.
        let (code, _, _) = cchc(&[
            "phan-anh",
            "export",
            "--db",
            db_s,
            "-o",
            pending.to_str().unwrap(),
        ]);
        assert_eq!(code, 0);
        let mut wb = calamine::open_workbook_auto(&pending).unwrap();
        let sheet = wb.worksheet_range_at(0).unwrap().unwrap();
        assert_eq!(sheet.rows().count(), 2);
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn publishing_keeps_personal_data_out() {
    let dir = temp_dir("publish");
    for db in databases(&dir, "publish") {
        let s = Server::start(&db, &[]);
        let personal = good("Chậm cấp sổ đỏ cho nhà số 12 ngõ 34 phố Hàng Bông")
        .replace(
            "Hồ sơ nộp từ tháng 3 đến nay chưa có kết quả, quá hạn 45 ngày \\\"rồi\\\".",
            "Tôi là H'Hen, CCCD 066190012345, gọi 0912 345 678 hoặc hhen.nie@gmail.com; hồ sơ theo Nghị định 43/2014/NĐ-CP quá hạn 45 ngày.",
        )
        .replace("\"cam_ket\":true", "\"cam_ket\":true,\"cong_khai\":true");
        assert!(personal.contains("cong_khai") && personal.contains("0912 345 678"));
        let mut refs = Vec::new();
        for body in [personal.clone(), good("Không đồng ý công khai"), personal] {
            let (status, _, text) = post(&s, "/api/phan-anh", &body, &[]);
            assert_eq!(status, 201, "{text}");
            refs.push(json(&text)["reference"].as_str().unwrap().to_string());
        }
        drop(s);
        let db_s = db.to_str().unwrap();
        let today = today_vn().to_vi();
        let sheet = dir.join("tra-loi.xlsx");
        let answer = "Sở Tài nguyên và Môi trường đã cấp giấy chứng nhận.";
        filled_sheet(
            &sheet,
            &[
                [
                    &refs[0],
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    answer,
                    "Sở Tài nguyên và Môi trường",
                    "Đã trả lời",
                    &today,
                    "Có",
                ],
                [
                    &refs[1],
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    answer,
                    "Sở Tài nguyên và Môi trường",
                    "Đã trả lời",
                    &today,
                    "Có",
                ],
                [
                    &refs[2],
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    answer,
                    "Sở Tài nguyên và Môi trường",
                    "Đã trả lời",
                    &today,
                    "Không",
                ],
            ],
        );
        let (code, _, err) = cchc(&["phan-anh", "answer", "--db", db_s, sheet.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        let out = dir.join("phan-anh-da-tra-loi.json");
        let (code, _, err) = cchc(&[
            "phan-anh",
            "publish",
            "--db",
            db_s,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
        let text = std::fs::read_to_string(&out).unwrap();
        let doc = json(&text);
        assert_eq!(doc["format"], "cchc-phan-anh-da-tra-loi");
        // Only the one marked for publishing whose sender agreed.
        let items = doc["items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{text}");
        assert_eq!(items[0]["reference"], refs[0].as_str());
        assert_eq!(items[0]["answer"], answer);
        assert_eq!(items[0]["answering_agency"], "Sở Tài nguyên và Môi trường");
        assert_eq!(items[0]["status"], "da-tra-loi");
        // No personal data: not the sender's fields, not what they typed inside the text.
        for leak in [
            "H'Hen Niê",
            "0912",
            "066190012345",
            "hhen.nie",
            "Hàng Bông",
            "24133",
            "Thôn 3",
        ] {
            assert!(!text.contains(leak), "{leak} leaked: {text}");
        }
        assert!(
            text.contains("Nghị định 43/2014/NĐ-CP"),
            "document numbers are kept"
        );
        assert!(items[0]["content"]
            .as_str()
            .unwrap()
            .contains("[số điện thoại]"));
        // `cchc check` knows the file and finds nothing personal in it.
        let (code, out_check, err_check) =
            cchc(&["check", out.to_str().unwrap(), "--format", "json"]);
        assert_eq!(code, 0, "{out_check}{err_check}");
    }
    let _ = std::fs::remove_dir_all(dir);
}
