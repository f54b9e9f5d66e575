//! `serve` on a copy of `tests/fixtures/valid-base`, over loopback HTTP: the pages carry the
//! reload script in the response and never on disk, PDFs are the files themselves (or the
//! viewer page with `?view`), an edit sends a reload event and the new bytes, a broken edit
//! the overlay with the problems (escaped) while the last good outputs stay, it listens on
//! 127.0.0.1 only, refuses paths that lead outside `out/`, and stops cleanly on Ctrl-C.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use common::*;

/// How long a request may take.
const TIMEOUT: Duration = Duration::from_secs(20);

/// How long after an edit the reload event and the new bytes may take: a rebuild of the
/// fixture takes well under a second, but CI machines are loaded.
const FEW_SECONDS: Duration = Duration::from_secs(20);

/// A running `serve` and the address it printed.
struct Serving {
    running: Running,
    addr: SocketAddr,
}

impl Serving {
    /// Copies the fixture into `dir/content`, starts `serve --port 0` there, and waits for the
    /// first build to end (`built:`, or `build failed` when `fails`).
    fn start(dir: &Path) -> Serving {
        copy_tree(
            &root().join("tests/fixtures/valid-base"),
            &dir.join("content"),
        );
        let mut running = Running::start(dir, &["serve", "--port", "0"]);
        let seen = running.expect("serving http://");
        let line = seen.last().unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.trim_end_matches('/').parse().ok())
            .unwrap_or_else(|| panic!("an address in `{line}`"));
        running.expect("built:");
        Serving { running, addr }
    }

    fn get(&self, path: &str) -> Reply {
        get(self.addr, path)
    }

    /// Opens the event stream; its lines arrive on the channel.
    fn events(&self) -> Receiver<String> {
        let mut stream = connect(self.addr);
        stream.set_read_timeout(None).unwrap();
        let request = "GET /__statusrapport/events HTTP/1.1\r\nHost: x\r\n\r\n";
        stream.write_all(request.as_bytes()).unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let first = rx.recv_timeout(TIMEOUT).expect("the stream answers");
        assert_eq!(first, "HTTP/1.1 200 OK");
        rx
    }
}

/// Waits on an event stream for `event: NAME` and gives the data line after it.
fn expect_event(events: &Receiver<String>, name: &str) -> String {
    let deadline = Instant::now() + PATIENCE;
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        let Ok(line) = events.recv_timeout(left) else {
            break;
        };
        if line == format!("event: {name}") {
            let data = events.recv_timeout(TIMEOUT).expect("data after the event");
            return data.strip_prefix("data: ").expect("a data line").to_owned();
        }
        seen.push(line);
    }
    panic!(
        "no `{name}` event within {PATIENCE:?}; saw:\n{}",
        seen.join("\n")
    );
}

/// An HTTP response.
struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect_timeout(&addr, TIMEOUT).expect("serve accepts");
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(TIMEOUT)).unwrap();
    stream
}

/// A GET written by hand, as HTTP/1.0 so that the body is not chunked; `path` is sent as it
/// is, without any normalising a client library would do.
fn get(addr: SocketAddr, path: &str) -> Reply {
    let mut stream = connect(addr);
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8(bytes[..split].to_vec()).unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Reply {
        status,
        head,
        body: bytes[split + 4..].to_vec(),
    }
}

/// The body with what `serve` injects taken out.
fn without_injection(body: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(body.to_vec()).unwrap();
    let start = text
        .find("<style>#statusrapport-overlay")
        .expect("the injected style");
    let end = text.find("</script>").expect("the injected script") + "</script>".len();
    [&text[..start], &text[end..]].concat().into_bytes()
}

#[test]
fn pages_carry_the_script_pdfs_are_served_and_an_edit_reloads_them() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    let serving = Serving::start(p);
    let out = p.join("out");

    let front = serving.get("/index.html");
    assert_eq!(front.status, 200, "{}", front.head);
    assert_eq!(
        front.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    let page = front.text();
    assert!(page.contains("data-statusrapport-live") && page.contains("/__statusrapport/events"));
    let on_disk = std::fs::read(out.join("index.html")).unwrap();
    assert!(!String::from_utf8_lossy(&on_disk).contains("statusrapport-live"));
    assert_eq!(without_injection(&front.body), on_disk);
    assert_eq!(serving.get("/").body, front.body);

    let moved = serving.get("/status-2026-q2");
    assert_eq!(moved.status, 301);
    assert_eq!(moved.header("Location"), Some("/status-2026-q2/"));

    let pdf = serving.get("/status-2026-q2.pdf");
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("Content-Type"), Some("application/pdf"));
    assert_eq!(
        pdf.body,
        std::fs::read(out.join("status-2026-q2.pdf")).unwrap()
    );
    let viewer = serving.get("/status-2026-q2.pdf?view").text();
    assert!(
        viewer.contains("<iframe src=\"&#x2f;status-2026-q2.pdf\""),
        "{viewer}"
    );
    assert!(viewer.contains("data-statusrapport-live"));
    let csv = serving.get("/indikator/1.6/data.csv");
    assert_eq!(
        csv.body,
        std::fs::read(out.join("indikator/1.6/data.csv")).unwrap()
    );
    assert_eq!(serving.get("/nothing-here.pdf").status, 404);

    let events = serving.events();
    let start = Instant::now();
    edit(
        &p.join("content/status/2026-q2.yaml"),
        "Teststatus Q2 2026",
        "Teststatus redigert",
    );
    let changed: Vec<String> = serde_json::from_str(&expect_event(&events, "built")).unwrap();
    assert!(
        changed.contains(&"/status-2026-q2/index.html".to_owned()),
        "{changed:?}"
    );
    assert!(
        changed.contains(&"/status-2026-q2.pdf".to_owned()),
        "{changed:?}"
    );
    assert!(!changed.iter().any(|c| c.ends_with(".csv")), "{changed:?}");
    let deck = serving.get("/status-2026-q2/");
    assert!(deck.text().contains("Teststatus redigert"));
    let pdf_now = serving.get("/status-2026-q2.pdf").body;
    assert_ne!(pdf_now, pdf.body);
    assert!(start.elapsed() < FEW_SECONDS, "took {:?}", start.elapsed());

    drop(serving);
    let fresh = run(p, &["build", "--force", "--out", "fresh"]);
    assert!(fresh.status.success(), "{}", stderr(&fresh));
    let (served, fresh) = (snapshot(&out), snapshot(&p.join("fresh")));
    assert_eq!(
        served.iter().map(|(path, _)| path).collect::<Vec<_>>(),
        fresh.iter().map(|(path, _)| path).collect::<Vec<_>>()
    );
    for ((path, a), (_, b)) in served.iter().zip(&fresh) {
        assert!(a == b, "{} differs from what build writes", path.display());
    }
}

#[test]
fn a_broken_edit_shows_the_overlay_and_keeps_the_last_outputs() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    let mut serving = Serving::start(p);
    let events = serving.events();
    let deck = p.join("out/status-2026-q2/index.html");
    let good = std::fs::read(&deck).unwrap();

    let status = p.join("content/status/2026-q2.yaml");
    let text = std::fs::read_to_string(&status).unwrap();
    std::fs::write(&status, "quarter: [<b>broken</b>\n").unwrap();
    let failure: String = serde_json::from_str(&expect_event(&events, "failed")).unwrap();
    assert!(
        failure.contains("2026-q2.yaml") && failure.contains("<b>broken"),
        "{failure}"
    );
    serving.running.expect("build failed");
    assert!(serving.running.alive());
    assert_eq!(
        std::fs::read(&deck).unwrap(),
        good,
        "the last good output stays"
    );

    let page = serving.get("/status-2026-q2/").text();
    assert!(
        page.contains("<div id=\"statusrapport-overlay\" role=\"alert\">"),
        "{page}"
    );
    assert!(
        page.contains("2026-q2.yaml") && page.contains("&lt;b&gt;broken"),
        "{page}"
    );
    assert!(
        !page.contains("<b>broken"),
        "content text never becomes markup"
    );
    let late = serving.events();
    expect_event(&late, "failed");

    std::fs::write(&status, text).unwrap();
    expect_event(&events, "built");
    let page = serving.get("/status-2026-q2/").text();
    assert!(
        !page.contains("<div id=\"statusrapport-overlay\""),
        "the overlay goes"
    );
}

/// The local address of the socket listening on `port`, from `/proc/net/tcp` and
/// `/proc/net/tcp6` (Linux), as hex: `0100007F` is 127.0.0.1.
fn listening_on(port: u16) -> Option<Vec<String>> {
    let mut found = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let text = std::fs::read_to_string(table).ok()?;
        for line in text.lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (Some(local), Some(state)) = (fields.get(1), fields.get(3)) else {
                continue;
            };
            let (ip, p) = local.split_once(':')?;
            if *state == "0A" && u16::from_str_radix(p, 16).ok() == Some(port) {
                found.push(ip.to_owned());
            }
        }
    }
    Some(found)
}

#[test]
fn it_listens_on_loopback_only_by_default() {
    let tmp = tempfile::tempdir().unwrap();
    let serving = Serving::start(tmp.path());
    assert!(serving.addr.ip().is_loopback(), "{}", serving.addr);
    assert_eq!(serving.addr.ip().to_string(), "127.0.0.1");
    if let Some(bound) = listening_on(serving.addr.port()) {
        assert_eq!(
            bound,
            ["0100007F"],
            "bound only to 127.0.0.1, not 0.0.0.0 or ::"
        );
    }
    // This machine's address on its default route, when it has one: nothing answers there.
    let probe = std::net::UdpSocket::bind("0.0.0.0:0").unwrap();
    if probe.connect("192.0.2.1:9").is_ok() {
        let ip = probe.local_addr().unwrap().ip();
        if !ip.is_loopback() && !ip.is_unspecified() {
            let there = SocketAddr::new(ip, serving.addr.port());
            let reached = TcpStream::connect_timeout(&there, Duration::from_secs(2));
            assert!(reached.is_err(), "serve answers on {there}");
        }
    }
    assert_eq!(serving.get("/index.html").status, 200);
}

#[test]
fn paths_leading_outside_the_output_folder_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    let serving = Serving::start(p);
    let secret = std::fs::read_to_string(p.join("content/strategy.yaml")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(p.join("content"), p.join("out/link")).unwrap();
    for path in [
        "/../content/strategy.yaml",
        "/%2e%2e/content/strategy.yaml",
        "/..%2fcontent%2fstrategy.yaml",
        "/indikator/%2E%2E/%2E%2E/%2E%2E/content/strategy.yaml",
        "/link/strategy.yaml",
    ] {
        let reply = serving.get(path);
        assert_eq!(reply.status, 403, "{path}: {}", reply.head);
        assert!(
            !reply.text().contains(&secret[..40]),
            "{path} leaks the content"
        );
    }
    let absolute = format!("/{}", p.join("content/strategy.yaml").display());
    let reply = serving.get(&absolute);
    assert_eq!(reply.status, 404, "{absolute}");
    assert!(!reply.text().contains(&secret[..40]));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_it_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let mut serving = Serving::start(tmp.path());
    let pid = i32::try_from(serving.running.child.id()).unwrap();
    // SAFETY: a signal to the child this test started and still holds.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    serving.running.expect("stopped");
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = serving.running.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status}");
    assert!(TcpStream::connect_timeout(&serving.addr, Duration::from_secs(2)).is_err());
}
