//! The HTTP side of `serve` (tiny_http): serves the files of the output folder, the pages of
//! [`super::page`] around them, and the stream of server-sent events that tells open pages
//! what each rebuild changed.

use std::collections::BTreeMap;
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::EVENTS;
use super::page;
use super::resolve::{Resolved, resolve};
use crate::output::Manifest;

/// How many requests are answered at once (an event stream holds none of them).
const WORKERS: usize = 4;

/// Why serving could not start.
#[derive(Debug, thiserror::Error)]
#[error("failed to serve on {addr} ({reason})")]
pub struct ServeError {
    /// The address asked for.
    addr: SocketAddr,
    /// Why (the socket's error).
    reason: String,
}

/// A running server; stopped by [`Server::stop`].
pub struct Server {
    http: Arc<tiny_http::Server>,
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
    addr: SocketAddr,
}

/// What the workers and the rebuild loop share.
struct Shared {
    /// The output folder.
    root: PathBuf,
    state: Mutex<State>,
}

/// What the last build left.
#[derive(Default)]
struct State {
    /// What the terminal printed about the last build, when it failed.
    failure: Option<String>,
    /// Each output's sha256 as the manifest lists it, by path.
    outputs: BTreeMap<String, String>,
    /// The open event streams.
    streams: Vec<Box<dyn Write + Send>>,
}

impl Server {
    /// Binds `addr` (port 0: a free one) and answers requests from `out_dir`.
    pub fn start(out_dir: &Path, addr: SocketAddr) -> Result<Server, ServeError> {
        let http = tiny_http::Server::http(addr).map_err(|e| ServeError {
            addr,
            reason: e.to_string(),
        })?;
        let addr = http.server_addr().to_ip().unwrap_or(addr);
        let http = Arc::new(http);
        let shared = Arc::new(Shared {
            root: out_dir.to_path_buf(),
            state: Mutex::new(State {
                outputs: outputs(out_dir),
                ..State::default()
            }),
        });
        let workers = (0..WORKERS)
            .map(|_| {
                let (http, shared) = (Arc::clone(&http), Arc::clone(&shared));
                std::thread::spawn(move || {
                    for request in http.incoming_requests() {
                        shared.answer(request);
                    }
                })
            })
            .collect();
        Ok(Server {
            http,
            shared,
            workers,
            addr,
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// After a build that succeeded: tells open pages which outputs changed since the last.
    pub fn built(&self) {
        let now = outputs(&self.shared.root);
        let mut state = self.shared.lock();
        let mut changed: Vec<String> = now
            .iter()
            .filter(|(path, sha)| state.outputs.get(*path) != Some(sha))
            .chain(
                state
                    .outputs
                    .iter()
                    .filter(|(path, _)| !now.contains_key(*path)),
            )
            .map(|(path, _)| format!("/{path}"))
            .collect();
        changed.sort();
        changed.dedup();
        state.outputs = now;
        state.failure = None;
        let data = serde_json::to_string(&changed).unwrap_or_default();
        state.send("built", &data);
    }

    /// After a build that failed: shows `text`, what the terminal printed, over open pages and
    /// every page served until a build succeeds.
    pub fn failed(&self, text: String) {
        let mut state = self.shared.lock();
        let data = serde_json::to_string(&text).unwrap_or_default();
        state.failure = Some(text);
        state.send("failed", &data);
    }

    /// Stops answering, closes the event streams and waits for the workers.
    pub fn stop(self) {
        for _ in &self.workers {
            self.http.unblock();
        }
        self.shared.lock().streams.clear();
        for worker in self.workers {
            let _ = worker.join();
        }
    }
}

/// Each output's sha256 as the manifest in `out_dir` lists it, by path.
fn outputs(out_dir: &Path) -> BTreeMap<String, String> {
    let manifest = Manifest::read(out_dir).output;
    manifest
        .files
        .into_iter()
        .map(|e| (e.path, e.sha256))
        .collect()
}

impl State {
    /// Sends an event to every open stream, dropping those that are closed.
    fn send(&mut self, event: &str, data: &str) {
        let message = format!("event: {event}\ndata: {data}\n\n");
        self.streams.retain_mut(|s| {
            s.write_all(message.as_bytes())
                .and_then(|()| s.flush())
                .is_ok()
        });
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Answers one request; a client that went away is no error of ours.
    fn answer(&self, request: Request) {
        if !matches!(request.method(), Method::Get | Method::Head) {
            let _ = request.respond(Response::empty(405).with_header(header("Allow", "GET, HEAD")));
            return;
        }
        let url = request.url().to_owned();
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        if path == EVENTS {
            self.stream(request);
            return;
        }
        let failure = self.lock().failure.clone();
        let failure = failure.as_deref();
        let response = match resolve(&self.root, path) {
            Resolved::File(file) => match std::fs::read(&file) {
                Ok(bytes) => file_response(&file, path, query, bytes, failure),
                Err(_) => not_found(path, failure),
            },
            Resolved::AddSlash => {
                let to = if query.is_empty() {
                    format!("{path}/")
                } else {
                    format!("{path}/?{query}")
                };
                match Header::from_bytes("Location", to.as_bytes()) {
                    Ok(location) => Response::from_data(Vec::new())
                        .with_status_code(301)
                        .with_header(location),
                    Err(()) => not_found(path, failure),
                }
            }
            Resolved::NotFound => not_found(path, failure),
            Resolved::Forbidden => {
                Response::from_string("forbidden: the path leads outside the output folder\n")
                    .with_status_code(403)
                    .with_header(header("Content-Type", "text/plain; charset=utf-8"))
            }
        };
        let _ = request.respond(response.with_header(header("Cache-Control", "no-store")));
    }

    /// Opens an event stream: the response's head is written here because tiny_http would
    /// buffer a streamed body; then every event is written and flushed as it happens.
    fn stream(&self, request: Request) {
        let mut writer = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
                    Cache-Control: no-store\r\nConnection: close\r\n\r\nretry: 1000\n\n";
        if writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
        let mut state = self.lock();
        state.streams.push(writer);
        if let Some(text) = state.failure.clone() {
            let data = serde_json::to_string(&text).unwrap_or_default();
            state.send("failed", &data);
        }
    }
}

/// A file of `out/` as it is, except an HTML page (with the reload script) and a PDF asked
/// for with `?view` (the viewer page).
fn file_response(
    file: &Path,
    path: &str,
    query: &str,
    bytes: Vec<u8>,
    failure: Option<&str>,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let (body, kind) = match ext {
        "html" => (page::inject(&bytes, failure), "text/html; charset=utf-8"),
        "pdf" if query.split('&').any(|q| q == "view") => {
            (page::pdf_viewer(path, failure), "text/html; charset=utf-8")
        }
        _ => (bytes, content_type(ext)),
    };
    Response::from_data(body).with_header(header("Content-Type", kind))
}

/// The 404 page, which reloads once a build makes the file.
fn not_found(path: &str, failure: Option<&str>) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(page::not_found(path, failure))
        .with_status_code(StatusCode(404))
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
}

/// The media type of the kinds of file `out/` holds.
fn content_type(ext: &str) -> &'static str {
    match ext {
        "pdf" => "application/pdf",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "ttl" => "text/turtle; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A header from a name and value known to be valid.
fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}
