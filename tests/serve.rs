//! `sakip-site serve` (issue 13), driving the real binary: it starts on a free port of a copy
//! of the minimal fixture, and every wait is bounded, so a server that hangs or never answers
//! fails the test instead of holding up CI. Requests are plain HTTP/1.1 over `TcpStream`, sent
//! byte for byte as written (no client normalises `..` away); `curl`, the client the issue
//! names, checks the traversal paths once more.

mod common;

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Site;

/// How long the server may take to answer after it starts, and a rebuild to show.
const WAIT: Duration = Duration::from_secs(20);

/// The line of `content/2023/realisasi/tw1.yaml` with PK-1's first-quarter realisation.
const TW1: &str = "content/2023/realisasi/tw1.yaml";
const PK1_TW1: &str = "    realisasi: 9\n";
/// PK-1's page, which states each quarter's realisation in its quarterly table.
const PK1_PAGE: &str = "/indikator/pk-1/";

/// PK-1's first-quarter row of that table as far as its realisation `n` (target 10 investors).
fn tw1(n: u32) -> String {
    format!("TW1<td>10\u{a0}investor<td>{n}\u{a0}investor")
}

/// A running `sakip-site serve`, killed when dropped.
struct Server {
    child: Child,
    port: u16,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Start `serve --port <free> --as-of … <extra>` on `site` and wait until it answers.
    fn start(site: &Site, extra: &[&str]) -> Server {
        let port = free_port();
        let mut child = Command::new(env!("CARGO_BIN_EXE_sakip-site"))
            .arg("--root")
            .arg(site.root())
            .args(["serve", "--port", &port.to_string(), "--as-of", common::AS_OF])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start sakip-site serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        collect(child.stderr.take().expect("piped stderr"), stderr.clone());
        let server = Server { child, port, stderr };
        let url = format!("http://127.0.0.1:{port}/");
        server.wait_for("the URL to be printed", || server.log().contains(&url));
        server.wait_for("the first answer", || server.try_get("/").is_some());
        server
    }

    /// What the server printed so far.
    fn log(&self) -> String {
        self.stderr.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// How many rebuilds (the first build included) it reported.
    fn builds(&self) -> usize {
        let log = self.log();
        log.matches("sakip-site serve: dibangun:").count()
            + log.matches("sakip-site serve: build gagal").count()
    }

    /// Poll `done` until it holds; fail the test after [`WAIT`].
    fn wait_for(&self, what: &str, mut done: impl FnMut() -> bool) {
        let deadline = Instant::now() + WAIT;
        while !done() {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; the server said:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn get(&self, path: &str) -> Response {
        self.request(&format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n", self.port))
    }

    fn try_get(&self, path: &str) -> Option<Response> {
        try_request(self.port, &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n", self.port))
    }

    /// Send `head` (request line and headers, each ending in CRLF) and read the whole answer.
    fn request(&self, head: &str) -> Response {
        try_request(self.port, head).unwrap_or_else(|| panic!("no answer to {head:?}; log:\n{}", self.log()))
    }

    /// Ctrl-C, and the exit status within [`WAIT`].
    fn interrupt(mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status().expect("run kill");
        assert!(sent.success(), "kill -INT {pid}");
        common::wait_or_kill(&mut self.child, WAIT).unwrap_or_else(|| panic!("serve did not stop on Ctrl-C"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Append everything `pipe` says to `into`, on its own thread.
fn collect(mut pipe: impl Read + Send + 'static, into: Arc<Mutex<String>>) {
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut buffer) {
            if n == 0 {
                break;
            }
            if let Ok(mut text) = into.lock() {
                text.push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        }
    });
}

/// A port nobody listens on now.
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("its address").port()
}

/// An HTTP answer.
#[derive(Debug)]
struct Response {
    status: u16,
    /// Header lines, names in lower case.
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

fn try_request(port: u16, head: &str) -> Option<Response> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(WAIT)).ok()?;
    stream.write_all(format!("{head}Connection: close\r\n\r\n").as_bytes()).ok()?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).ok()?;
    parse(&String::from_utf8_lossy(&bytes))
}

fn parse(text: &str) -> Option<Response> {
    let (head, body) = text.split_once("\r\n\r\n")?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Some(Response { status, headers, body: body.to_string() })
}

/// The reload stream, read on its own thread into a string.
fn listen_for_reloads(server: &Server) -> Arc<Mutex<String>> {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect to the reload stream");
    let head = format!("GET /__sakip/reload HTTP/1.1\r\nHost: localhost:{}\r\n\r\n", server.port);
    stream.write_all(head.as_bytes()).expect("ask for the reload stream");
    let events = Arc::new(Mutex::new(String::new()));
    collect(stream, events.clone());
    server.wait_for("the reload stream's hello", || events.lock().is_ok_and(|e| e.contains("event: hello")));
    events
}

#[test]
fn an_edit_is_served_and_reloads_and_a_broken_edit_shows_its_errors_over_the_last_good_site() {
    let site = Site::minimal();
    let server = Server::start(&site, &[]);
    let dashboard = server.get("/");
    assert_eq!(dashboard.status, 200);
    assert_eq!(dashboard.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(
        dashboard.body.contains("<script src=\"/__sakip/reload.js\" data-build=\"1\"></script>\n</body>")
    );
    assert!(!dashboard.body.contains("role=\"alert\""));
    let before = server.get(PK1_PAGE);
    assert_eq!(before.status, 200);
    assert!(before.body.contains(&tw1(9)), "{}", before.body);
    let script = server.get("/__sakip/reload.js");
    assert!(
        script.body.contains("EventSource(\"/__sakip/reload\")") && script.body.contains("sessionStorage")
    );

    // An edit: the new figure is served and the reload event arrives.
    let events = listen_for_reloads(&server);
    site.replace(TW1, PK1_TW1, "    realisasi: 13\n");
    server.wait_for("the edited figure", || server.get(PK1_PAGE).body.contains(&tw1(13)));
    server.wait_for("a reload event", || events.lock().is_ok_and(|e| e.contains("event: reload")));

    // A broken edit: every page carries the errors, over the last good figures.
    site.replace(TW1, "    realisasi: 13\n", "    realisasi: [13\n");
    server.wait_for("the overlay", || server.get("/").body.contains("role=\"alert\""));
    let pages = ["/", "/en/", PK1_PAGE, "/en/indikator/pk-1/", "/tahun/2023/", "/unduh/", "/no-such-page/"];
    for path in pages {
        let page = server.get(path);
        let overlay =
            overlay_of(&page.body).unwrap_or_else(|| panic!("{path} has no overlay:\n{}", page.body));
        assert!(overlay.contains("<code>yaml-syntax</code>"), "{path}: {overlay}");
        assert!(overlay.contains(&format!("<code>{TW1}:")), "{path}: {overlay}");
        assert!(overlay.contains("<pre"), "{path} shows no source line: {overlay}");
        assert!(page.body.contains("/__sakip/reload.js"), "{path}");
    }
    assert!(server.get(PK1_PAGE).body.contains(&tw1(13)), "the last good site is kept");
    let css = server.get("/static/style.css");
    assert!(!css.body.contains("role=\"alert\"") && !css.body.contains("__sakip"), "only HTML is changed");

    // Fixed: the overlay goes, the new figure shows.
    site.replace(TW1, "    realisasi: [13\n", "    realisasi: 14\n");
    server.wait_for("the overlay to go", || !server.get("/").body.contains("role=\"alert\""));
    assert!(server.get(PK1_PAGE).body.contains(&tw1(14)));

    // Ctrl-C stops it cleanly, and it wrote nothing beside content/.
    let status = server.interrupt();
    assert!(status.success(), "serve exited with {status}");
    let entries: Vec<String> = std::fs::read_dir(site.root())
        .expect("read the site root")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(entries, ["content"]);
}

/// The overlay: the `<div role="alert">` right after `<body>`.
fn overlay_of(body: &str) -> Option<&str> {
    let start = body.find("<body><div role=\"alert\"")?;
    let end = body[start..].find("</div>")?;
    Some(&body[start..start + end])
}

/// What must never appear in an answer: the crate's manifest, the password file, the content's
/// own YAML, a file a symlink under `content/` points at.
const LEAKS: [&str; 4] = ["[package]", "root:", "instansi:", "TOP-SECRET"];

/// Traversal forms of issue 13 and a few more; each must be refused (400) or missed (404).
const TRAVERSALS: [&str; 16] = [
    "/../Cargo.toml",
    "/../../../../etc/passwd",
    "/%2e%2e/",
    "/%2e%2e/Cargo.toml",
    "/%2e%2e%2f",
    "/%2e%2e%2fCargo.toml",
    "/..%5c",
    "/..%5cCargo.toml",
    "/..\\Cargo.toml",
    "/%00",
    "/index.html%00",
    "//etc/passwd",
    "/content/sakip.yaml",
    "/content/2023/dukung/rahasia.pdf",
    "/bukti/2023/dukung/rahasia.pdf",
    "/bukti/2023/dukung/luar/secret.txt",
];

/// A site with a file and a folder under `content/` that link outside it (not referenced, so
/// the site still builds), and the folder outside.
fn site_with_symlinks_out() -> (Site, tempfile::TempDir) {
    let outside = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(outside.path().join("secret.txt"), "TOP-SECRET\n").expect("write the secret");
    let site = Site::minimal();
    site.symlink(outside.path().join("secret.txt"), "content/2023/dukung/rahasia.pdf");
    site.symlink(outside.path(), "content/2023/dukung/luar");
    (site, outside)
}

#[test]
fn no_path_leaves_the_built_site_and_only_loopback_get_and_head_are_answered() {
    let (site, _outside) = site_with_symlinks_out();
    let server = Server::start(&site, &[]);
    for path in TRAVERSALS {
        let answer = server.get(path);
        assert!(matches!(answer.status, 400 | 404), "{path}: {}", answer.status);
        for leak in LEAKS {
            assert!(!answer.body.contains(leak), "{path} leaks `{leak}`:\n{}", answer.body);
        }
    }
    traversals_with_curl(server.port);

    // DNS rebinding: another name for this machine is refused; loopback names are not.
    let port = server.port;
    let foreign = server.request(&format!("GET / HTTP/1.1\r\nHost: evil.example:{port}\r\n"));
    assert_eq!(foreign.status, 421, "{}", foreign.body);
    assert!(!foreign.body.contains("<html"));
    for host in [format!("localhost:{port}"), format!("[::1]:{port}"), "127.0.0.1".into()] {
        assert_eq!(server.request(&format!("GET / HTTP/1.1\r\nHost: {host}\r\n")).status, 200, "{host}");
    }
    assert_eq!(server.request("GET / HTTP/1.1\r\n").status, 421, "no Host header");

    // Only GET and HEAD; no CORS header even when asked from another origin.
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
        let answer = server
            .request(&format!("{method} / HTTP/1.1\r\nHost: localhost:{port}\r\nContent-Length: 0\r\n"));
        assert_eq!(answer.status, 405, "{method}");
    }
    let post = server.request(&format!(
        "POST /__sakip/reload HTTP/1.1\r\nHost: localhost:{port}\r\nContent-Length: 0\r\n"
    ));
    assert_eq!(post.status, 405);
    let head = server.request(&format!("HEAD / HTTP/1.1\r\nHost: localhost:{port}\r\n"));
    assert_eq!((head.status, head.body.as_str()), (200, ""));
    let cross = server
        .request(&format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nOrigin: https://evil.example\r\n"));
    assert_eq!(cross.header("access-control-allow-origin"), None);

    // Content types by extension; misses get the site's 404 page.
    for (path, expected) in [
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/data/capaian.csv", "text/csv; charset=utf-8"),
        ("/data/capaian.json", "application/json; charset=utf-8"),
        ("/sitemap.xml", "text/xml; charset=utf-8"),
        ("/bukti/2023/dukung/tw1.pdf", "application/pdf"),
        ("/en/", "text/html; charset=utf-8"),
    ] {
        let answer = server.get(path);
        assert_eq!((answer.status, answer.header("content-type")), (200, Some(expected)), "{path}");
    }
    let missing = server.get("/indikator/tidak-ada/");
    assert_eq!(missing.status, 404);
    assert_eq!(missing.body.matches("<html").count(), 1);
    assert!(missing.body.contains("/__sakip/reload.js"));
    let redirect = server.get("/indikator/pk-1");
    assert_eq!((redirect.status, redirect.header("location")), (308, Some("/indikator/pk-1/")));
}

/// The traversal paths once more with `curl --path-as-is`, the client the issue names.
fn traversals_with_curl(port: u16) {
    for path in TRAVERSALS.iter().filter(|p| !p.contains('\\')) {
        let url = format!("http://127.0.0.1:{port}{path}");
        let out = Command::new("curl")
            .args(["--silent", "--path-as-is", "--max-time", "10", "--write-out", "\n%{http_code}", &url])
            .output()
            .unwrap_or_else(|e| {
                panic!("cannot run curl ({e}): install it with `apt-get install curl` (scripts/test does)")
            });
        let text = String::from_utf8_lossy(&out.stdout);
        let (body, status) = text.rsplit_once('\n').unwrap_or(("", &text));
        assert!(matches!(status, "400" | "404"), "curl {url}: {status}");
        for leak in LEAKS {
            assert!(!body.contains(leak), "curl {url} leaks `{leak}`");
        }
    }
}

#[test]
fn by_default_nothing_listens_beyond_loopback() {
    let site = Site::minimal();
    let server = Server::start(&site, &[]);
    let log = server.log();
    assert!(log.contains(&format!("http://127.0.0.1:{}/", server.port)), "{log}");
    assert!(!log.contains("PERINGATAN"), "{log}");
    // The address this machine would use toward the outside, if it has one (a UDP `connect`
    // sends nothing).
    let probe = UdpSocket::bind("0.0.0.0:0").and_then(|s| s.connect("192.0.2.1:9").map(|()| s));
    if let Ok(ip) = probe.and_then(|s| s.local_addr()).map(|a| a.ip())
        && !ip.is_loopback()
        && ip != IpAddr::V4(Ipv4Addr::UNSPECIFIED)
    {
        let address = SocketAddr::new(ip, server.port);
        let connected = TcpStream::connect_timeout(&address, Duration::from_secs(2));
        assert!(connected.is_err(), "serve answers on {address}");
    }
}

#[test]
fn a_port_in_use_is_named_and_nothing_is_served() {
    let taken = TcpListener::bind("127.0.0.1:0").expect("bind a port");
    let port = taken.local_addr().expect("its address").port().to_string();
    let site = Site::minimal();
    let run = site.run(&["serve", "--port", &port, "--as-of", common::AS_OF]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains(&format!("port {port} on 127.0.0.1 is already in use")), "{}", run.stderr);
}

#[test]
fn a_burst_of_saves_makes_at_most_two_rebuilds_and_every_open_tab_hears_of_it() {
    let site = Site::minimal();
    let server = Server::start(&site, &[]);
    let tabs: Vec<Arc<Mutex<String>>> = (0..50).map(|_| listen_for_reloads(&server)).collect();
    let before = server.builds();
    let original = site.read(TW1);
    // A save that comes more than the quiet time after the one before (a loaded machine can
    // pause this thread) rightly starts a rebuild of its own: such pauses are counted. (Never
    // below 20 ms: a preview without a quiet time, rebuilding on every event, must fail here.)
    let pause = sakip_site::serve::QUIET.max(Duration::from_millis(20));
    let mut pauses = 0;
    let mut saved = Instant::now();
    for i in 0..300 {
        site.write(TW1, original.replace(PK1_TW1, &format!("    realisasi: {}\n", 100 + i)));
        pauses += usize::from(i > 0 && saved.elapsed() >= pause);
        saved = Instant::now();
    }
    server.wait_for("the last save", || server.get(PK1_PAGE).body.contains(&tw1(399)));
    // Time for a rebuild that should not happen.
    std::thread::sleep(Duration::from_millis(1000));
    let rebuilds = server.builds() - before;
    assert!(
        (1..=2 + pauses).contains(&rebuilds),
        "{rebuilds} rebuilds for one burst with {pauses} pauses between saves:\n{}",
        server.log()
    );
    for (i, tab) in tabs.iter().enumerate() {
        server.wait_for("every tab's reload", || tab.lock().is_ok_and(|e| e.contains("event: reload")));
        assert!(tab.lock().is_ok_and(|e| !e.contains("event: reload\ndata: 1\n")), "tab {i}");
    }
}

#[test]
fn build_output_carries_no_reload_script() {
    let site = Site::minimal();
    let run = site.run(&["build", "--as-of", common::AS_OF]);
    assert_eq!(run.code, 0, "{run:?}");
    let mut pages = 0;
    let mut folders = vec![site.path("public")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("read the output") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                pages += 1;
                let html = std::fs::read_to_string(&path).expect("read a page");
                assert!(!html.contains("__sakip") && !html.contains("role=\"alert\""), "{}", path.display());
            }
        }
    }
    assert!(pages > 10, "only {pages} pages");
}

#[test]
fn a_broken_template_and_a_deleted_content_folder_do_not_stop_the_preview() {
    let site = Site::minimal();
    let server = Server::start(&site, &[]);
    assert!(server.get(PK1_PAGE).body.contains(&tw1(9)));

    // A template override that fails: the overlay names the theme file, the old pages stay.
    let template = "themes/default/templates/indikator.html";
    site.write(
        template,
        "{% extends \"base.html\" %}\n{% block content %}\n{{ page.no.such }}\n{% endblock %}\n",
    );
    server.wait_for("the template's overlay", || {
        overlay_of(&server.get("/").body).is_some_and(|o| o.contains(template))
    });
    assert!(server.get(PK1_PAGE).body.contains(&tw1(9)), "the last good page is kept");
    site.remove("themes");
    server.wait_for("the overlay to go", || overlay_of(&server.get("/").body).is_none());

    // `content/` deleted: errors are shown, the server keeps answering.
    let copy = tempfile::tempdir().expect("a temporary folder");
    common::copy_dir(&site.path("content"), copy.path());
    site.remove("content");
    server.wait_for("an overlay for the missing content/", || overlay_of(&server.get("/").body).is_some());
    assert_eq!(server.get(PK1_PAGE).status, 200, "the last good site is still served");

    // Put back with one figure changed: served, overlay gone.
    common::copy_dir(copy.path(), &site.path("content"));
    site.replace(TW1, PK1_TW1, "    realisasi: 11\n");
    server.wait_for("the restored site with the new figure", || {
        let page = server.get(PK1_PAGE);
        overlay_of(&page.body).is_none() && page.body.contains(&tw1(11))
    });
    assert!(server.interrupt().success());
}
