//! `sakip-site serve`, the live preview (issue 13): build the site into memory, serve it over
//! HTTP on loopback, rebuild when `content/` or `themes/` changes, and reload the browser.
//!
//! The parts: [`bind`] finds the port; [`Preview::start`] arms the watch and runs the first
//! build; [`Preview::run`] serves until Ctrl-C. `live` holds the served site and rebuilds it,
//! `watch` turns file events into rebuilds, `http` answers requests (through `paths`, the strict
//! resolution of request paths), `reload` is the script and the event stream that reload the
//! browser, `overlay` the list of errors a page carries after a failed rebuild. Nothing is
//! written to disk: no `public/`, no temporary files.

mod http;
mod live;
mod overlay;
pub mod paths;
mod reload;
mod watch;

use std::io::ErrorKind;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::Arc;

pub use live::Rebuilt;
pub use watch::{QUIET, WatchError};

use crate::build::Options;
use crate::diagnostics::Lang;
use live::Live;
use watch::Watch;

/// The port tried first when `--port` is not given.
pub const DEFAULT_PORT: u16 = 1111;
/// How many ports from [`DEFAULT_PORT`] on are tried when `--port` is not given.
const PORTS_TRIED: u16 = 10;

/// Why the preview could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The port asked for is taken.
    #[error("port {port} on {interface} is already in use (choose another with --port)")]
    PortInUse {
        /// The interface.
        interface: IpAddr,
        /// The port.
        port: u16,
    },
    /// Every port tried is taken.
    #[error("ports {first} to {last} on {interface} are all in use (choose one with --port)")]
    NoFreePort {
        /// The interface.
        interface: IpAddr,
        /// The first port tried.
        first: u16,
        /// The last port tried.
        last: u16,
    },
    /// Listening failed for another reason than a taken port.
    #[error("cannot listen on {address}")]
    Listen {
        /// Where.
        address: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The watch on the site's folders could not start.
    #[error(transparent)]
    Watch(#[from] WatchError),
    /// The server itself failed.
    #[error("the server failed")]
    Server(#[source] std::io::Error),
}

/// A listening socket, before anything is served.
#[derive(Debug)]
pub struct Bound {
    listener: TcpListener,
    /// Where it listens.
    pub address: SocketAddr,
    /// Ports tried before it that were taken.
    pub taken: Vec<u16>,
}

/// Listen on `interface`: on `port`, or on the first free port from [`DEFAULT_PORT`] on.
pub fn bind(interface: IpAddr, port: Option<u16>) -> Result<Bound, ServeError> {
    let ports: Vec<u16> = match port {
        Some(port) => vec![port],
        None => (DEFAULT_PORT..DEFAULT_PORT + PORTS_TRIED).collect(),
    };
    let mut taken = Vec::new();
    for &port in &ports {
        let address = SocketAddr::new(interface, port);
        match TcpListener::bind(address) {
            Ok(listener) => return Ok(Bound { listener, address, taken }),
            Err(e) if e.kind() == ErrorKind::AddrInUse => taken.push(port),
            Err(source) => return Err(ServeError::Listen { address, source }),
        }
    }
    Err(match port {
        Some(port) => ServeError::PortInUse { interface, port },
        None => ServeError::NoFreePort { interface, first: ports[0], last: ports[ports.len() - 1] },
    })
}

/// A preview that has built once and is ready to serve.
pub struct Preview {
    live: Arc<Live>,
    watch: Watch,
    bound: Bound,
}

impl Preview {
    /// Watch the site of `options` and build it once; messages (and the overlay) in `lang`.
    pub fn start(options: Options, lang: Lang, bound: Bound) -> Result<(Preview, Rebuilt), ServeError> {
        // Armed before the first build, so that an edit made during it still rebuilds.
        let watch = Watch::start(&options.root)?;
        let live = Arc::new(Live::new(options, lang));
        let first = live.rebuild();
        Ok((Preview { live, watch, bound }, first))
    }

    /// Serve until Ctrl-C, rebuilding on every change; `report` hears of each rebuild.
    pub fn run(self, report: impl Fn(Rebuilt) + Send + 'static) -> Result<(), ServeError> {
        let Preview { live, watch, bound } = self;
        let rebuilding = live.clone();
        std::thread::Builder::new()
            .name("sakip-serve-watch".into())
            .spawn(move || watch.run(|| report(rebuilding.rebuild())))
            .map_err(ServeError::Server)?;
        let runtime =
            tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(ServeError::Server)?;
        runtime.block_on(serve(live, bound))
    }
}

/// Answer requests until Ctrl-C; then end the reload streams and stop.
async fn serve(live: Arc<Live>, bound: Bound) -> Result<(), ServeError> {
    bound.listener.set_nonblocking(true).map_err(ServeError::Server)?;
    let listener = tokio::net::TcpListener::from_std(bound.listener).map_err(ServeError::Server)?;
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let loopback_only = bound.address.ip().is_loopback();
    let app = Arc::new(http::App { live, stopping, loopback_only });
    let shutdown = async move {
        if tokio::signal::ctrl_c().await.is_err() {
            // Without a signal handler the server runs until it is killed.
            std::future::pending::<()>().await;
        }
        let _ = stop.send(true);
    };
    axum::serve(listener, http::router(app))
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(ServeError::Server)
}
