//! Live preview: rebuilding on every save, and serving the output folder to a browser that
//! reloads what it shows when a rebuild changed it.
//!
//! In: the project (content, templates, output folder) and an address to serve on. Out:
//! builds into `out/` exactly as `build` makes them, and HTTP responses: the files of `out/`
//! as they are, except that an HTML page gets a small script (and, after a failed build, an
//! overlay with the problems) in the response only, never in `out/`. The script listens to
//! server-sent events on [`EVENTS`]: `built` with the outputs a build changed, `failed` with
//! what the terminal printed.

mod page;
mod rebuild;
mod resolve;
mod serve;

pub use rebuild::{Project, Rebuilt, WatchError, rebuild_on_save};
pub use serve::Server;

/// The path of the stream of server-sent events that tells pages to reload; outside the names
/// of `out/`, which never begin with `__`.
pub const EVENTS: &str = "/__statusrapport/events";

/// Opens `url` in the system's browser, saying so when it cannot.
pub fn open_in_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    match command.arg(url).spawn() {
        // Waited for on a thread of its own, so that it does not linger as a zombie.
        Ok(mut child) => drop(std::thread::spawn(move || child.wait())),
        Err(e) => eprintln!("warning: failed to open a browser ({e}); open {url}"),
    }
}
