//! `sakip-site serve`: listen, build once, print where the preview is (and open it), then
//! report every rebuild until Ctrl-C. Messages go to stderr in the language of `--lang`.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};

use chrono::NaiveDate;

use sakip_site::build::Options;
use sakip_site::diagnostics::{Lang, Message};
use sakip_site::serve::{self, Bound, Preview, Rebuilt};

use crate::cli::LangArg;

/// Where and how to listen.
#[derive(Debug)]
pub struct Listen {
    /// `--interface` (default 127.0.0.1).
    pub interface: Option<IpAddr>,
    /// `--port` (default: the first free of 1111…1120).
    pub port: Option<u16>,
    /// `--open`: open a browser on the preview.
    pub open: bool,
}

/// Preview the site in `root` until Ctrl-C; exit 2 when the port is taken or the server fails.
pub fn serve(
    root: PathBuf,
    listen: Listen,
    as_of: Option<NaiveDate>,
    lang: LangArg,
) -> anyhow::Result<ExitCode> {
    let lang = Lang::from(lang);
    let interface = listen.interface.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let bound = serve::bind(interface, listen.port)?;
    announce(&bound, lang);
    let url = format!("http://{}/", bound.address);
    // The canonical links and the sitemap then point at the preview itself.
    let options = Options { root, as_of, base_url: Some(url.clone()), pdf: false };
    let (preview, first) = Preview::start(options, lang, bound)?;
    report(first, lang);
    say(lang, Message::new(format!("{url} (Ctrl-C untuk berhenti)"), format!("{url} (Ctrl-C to stop)")));
    if listen.open {
        open(&url, lang);
    }
    preview.run(move |rebuilt| report(rebuilt, lang))?;
    say(lang, Message::new("berhenti.", "stopped."));
    Ok(ExitCode::SUCCESS)
}

fn say(lang: Lang, message: Message) {
    eprintln!("sakip-site serve: {}", message.get(lang));
}

/// The ports that were taken, and a warning when the preview is visible beyond this machine.
fn announce(bound: &Bound, lang: Lang) {
    for port in &bound.taken {
        say(lang, Message::new(format!("port {port} sudah dipakai"), format!("port {port} is in use")));
    }
    let ip = bound.address.ip();
    if !ip.is_loopback() {
        say(
            lang,
            Message::new(
                format!("PERINGATAN: mendengarkan di {ip}, jadi pratinjau ini terlihat dari jaringan"),
                format!("WARNING: listening on {ip}, so this preview is visible to the network"),
            ),
        );
    }
}

/// One line per rebuild; the diagnostics before it when there are any.
fn report(rebuilt: Rebuilt, lang: Lang) {
    match rebuilt {
        Rebuilt::Ready { files, took, rendered, indicators, warnings } => {
            eprint!("{warnings}");
            let ms = took.as_millis();
            say(
                lang,
                Message::new(
                    format!(
                        "dibangun: {files} berkas dalam {ms} ms ({rendered} dari {indicators} halaman indikator dirender)"
                    ),
                    format!(
                        "built: {files} files in {ms} ms ({rendered} of {indicators} indicator pages rendered)"
                    ),
                ),
            );
        }
        Rebuilt::Failed { report } => {
            eprint!("{report}");
            say(
                lang,
                Message::new(
                    "build gagal; halaman menampilkan galatnya, dan situs terakhir yang berhasil tetap disajikan",
                    "the build failed; the pages show its errors, and the last good site is still served",
                ),
            );
        }
    }
}

/// Open `url` in the desktop's browser; a machine without one only gets a message.
fn open(url: &str, lang: Lang) {
    let opener: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["cmd", "/C", "start", ""]
    } else {
        &["xdg-open"]
    };
    let started = Command::new(opener[0])
        .args(&opener[1..])
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match started {
        // Reap the opener when it exits, without holding up the server.
        Ok(mut child) => drop(std::thread::spawn(move || child.wait())),
        Err(e) => say(
            lang,
            Message::new(
                format!("tidak dapat membuka peramban ({}: {e}); buka {url} sendiri", opener[0]),
                format!("cannot open a browser ({}: {e}); open {url} yourself", opener[0]),
            ),
        ),
    }
}
