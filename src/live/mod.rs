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
