//! `statusrapport serve`: builds, serves the output folder on localhost, and rebuilds on
//! every save as `watch` does; the pages open in a browser reload when an output they show
//! changed, and show a failed build's problems (the server is [`crate::live::Server`]).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::ProjectArgs;
use super::watch::{finish, print_rebuilt, watch};
use crate::live::{self, Server};
use crate::pipeline::Formats;

/// Arguments of `serve`.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  statusrapport serve --open\n\
  then edit content/status/2026-q3.yaml: the page or PDF open in the browser reloads\n\n\
        A PDF link opens in a viewer page that reloads (`/x.pdf?view`); `/x.pdf` is the file \
        itself. The output folder holds exactly what `build` writes: the reload script is \
        added to the pages as they are sent.\n\n\
        Exit status: 0 when stopped with Ctrl-C; 2 when the address cannot be bound or the \
        files cannot be watched. A build that fails prints its problems, shows them in the \
        browser, and serving goes on with the last good outputs.")]
pub struct ServeArgs {
    /// The content, its overriding templates, and how problems are printed.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// The output folder, built and served.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// The port to listen on; 0 picks a free one (the address is printed).
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// The address to listen on. Only loopback (127.0.0.1) unless this names another
    /// interface, such as 0.0.0.0 for every one: the site is then open to the network.
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub bind: IpAddr,
    /// Open the front page in the browser after the first build.
    #[arg(long)]
    pub open: bool,
}

/// Runs `serve`: returns when stopped with Ctrl-C or when serving cannot go on.
pub fn run(args: ServeArgs) -> ExitCode {
    let server = match Server::start(&args.out, SocketAddr::new(args.bind, args.port)) {
        Ok(server) => server,
        Err(e) => {
            super::print_error(&e);
            return super::usage_error();
        }
    };
    let url = format!("http://{}/", server.addr());
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: serving on {} is open to other machines",
            args.bind
        );
    }
    eprintln!("serving {url}");
    let mut first = true;
    let result = watch(&args.project, &args.out, Formats::Both, |rebuilt| {
        print_rebuilt(&args.project.diagnostics, &args.out, &rebuilt);
        match rebuilt.result {
            Ok(_) => server.built(),
            Err(e) => server.failed(args.project.diagnostics.report_text(e)),
        }
        if std::mem::take(&mut first) && args.open {
            live::open_in_browser(&url);
        }
    });
    server.stop();
    finish(result)
}
