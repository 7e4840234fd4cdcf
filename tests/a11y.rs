//! Accessibility of the public site (issue 5, item 8): axe-core finds no violation of WCAG 2.1
//! A/AA or of its best practices on the dashboard, an indicator page, a year page with its
//! evidence matrix and LKE evidence pages, the search page, the history page and the downloads
//! page in both languages, the same pages work without JavaScript (the search page then lists
//! everything), and on a 390-px phone no page scrolls sideways and every box of the performance
//! tree lies within the screen. The check itself is `tests/a11y/axe.mjs`, run with Node in Debian's
//! Chromium.
//!
//! Needs `node`, `/usr/bin/chromium` and `tests/a11y/node_modules`; `scripts/test` installs them.
//! When one is missing the test fails and says so: it never passes without having looked.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{crate_dir, drain, wait_or_kill};

/// How long one run of `axe.mjs` (Chromium start, every page, axe) may take.
const NODE_TIMEOUT: Duration = Duration::from_secs(120);

const CHROMIUM: &str = "/usr/bin/chromium";

/// The pages checked, relative to the site folder.
const PAGES: &[&str] = &[
    "index.html",
    "indikator/iku-1/index.html",
    "indikator/pk-2.18.03-1/index.html",
    "tahun/2023/index.html",
    "tahun/2023/bukti-dukung/index.html",
    "tahun/2023/program/2.18.03/index.html",
    "tahun/2023/lke/index.html",
    "tahun/2023/pk/index.html",
    "cari/index.html",
    "cascading/index.html",
    "riwayat/index.html",
    "unduh/index.html",
    "en/index.html",
    "en/indikator/iku-1/index.html",
    "en/indikator/pk-2.18.03-1/index.html",
    "en/tahun/2023/index.html",
    "en/tahun/2023/bukti-dukung/index.html",
    "en/tahun/2023/program/2.18.03/index.html",
    "en/tahun/2023/lke/index.html",
    "en/tahun/2023/pk/index.html",
    "en/cari/index.html",
    "en/cascading/index.html",
    "en/riwayat/index.html",
    "en/unduh/index.html",
];

/// Fails the test, naming the install command, when a tool of the check is missing.
fn require_tools() {
    let install = "run `scripts/test`, which installs them (Debian `chromium`, `nodejs`/`npm` when \
                   `node` is missing, then `npm ci --prefix tests/a11y`)";
    let node = Command::new("node").arg("--version").stdin(Stdio::null()).output();
    assert!(
        node.as_ref().is_ok_and(|o| o.status.success()),
        "`node` is missing or does not run ({node:?}); {install}"
    );
    assert!(Path::new(CHROMIUM).exists(), "{CHROMIUM} is missing; {install}");
    let modules = crate_dir().join("tests/a11y/node_modules");
    for package in ["axe-core", "playwright-core"] {
        assert!(
            modules.join(package).join("package.json").exists(),
            "{} lacks {package}; {install}",
            modules.display()
        );
    }
}

/// Build the bundled example into a fresh folder (kept alive by the returned guard).
fn build_example() -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().expect("create a temporary folder");
    let public = out.path().join("public");
    let run = common::run_in(
        crate_dir(),
        &["build", "--as-of", "2024-06-30", "--output", public.to_str().expect("UTF-8 temp path")],
    );
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    (out, public)
}

/// Run `node tests/a11y/axe.mjs <extra> <site> <pages>` within [`NODE_TIMEOUT`]; returns the
/// exit code, standard output and standard error.
fn run_axe(site: &Path, extra: &[&str]) -> (i32, String, String) {
    use std::os::unix::process::CommandExt;
    let mut child = Command::new("node")
        .arg(crate_dir().join("tests/a11y/axe.mjs"))
        .args(extra)
        .arg(site)
        .args(PAGES)
        .current_dir(crate_dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Its own process group, so that a timeout ends Chromium too.
        .process_group(0)
        .spawn()
        .expect("start node");
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let Some(status) = wait_or_kill(&mut child, NODE_TIMEOUT) else {
        panic!(
            "axe.mjs {extra:?} did not finish within {NODE_TIMEOUT:?}\nstdout:\n{}\nstderr:\n{}",
            stdout.join().unwrap(),
            stderr.join().unwrap()
        );
    };
    let (stdout, stderr) = (stdout.join().unwrap(), stderr.join().unwrap());
    let code = status.code().unwrap_or_else(|| panic!("node killed by a signal: {status}\n{stderr}"));
    (code, stdout, stderr)
}

/// Run the check and assert that every page has an empty list of violations.
fn assert_no_violation(extra: &[&str]) {
    require_tools();
    let (_tmp, site) = build_example();
    let (code, stdout, stderr) = run_axe(&site, extra);
    let summary: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!("axe.mjs {extra:?} exited {code} without a JSON summary ({e})\nstdout:\n{stdout}\nstderr:\n{stderr}")
    });
    let mut failing = Vec::new();
    for page in PAGES {
        let list = summary[page]
            .as_array()
            .unwrap_or_else(|| panic!("no result for {page} in the summary:\n{stdout}"));
        for v in list {
            failing.push(format!(
                "{page}: {} ({}) {}: {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or(""),
                v["nodes"]
            ));
        }
    }
    assert!(
        failing.is_empty() && code == 0,
        "axe.mjs {extra:?} exited {code} with {} violation(s):\n{}\n\nsummary:\n{stdout}\nstderr:\n{stderr}",
        failing.len(),
        failing.join("\n")
    );
}

#[test]
fn axe_finds_no_violation_in_either_language() {
    assert_no_violation(&[]);
}

#[test]
fn pages_work_without_javascript_and_search_lists_everything() {
    assert_no_violation(&["--no-js"]);
}
