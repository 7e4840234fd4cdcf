//! Test harness in the style of mdBook's `BookTest`: copy a fixture site into a fresh temporary
//! folder, break it in one place, run the real `sakip-site` binary on it (bounded by a timeout, so
//! "never hangs" is a test failure and not a stuck CI job), and compare its diagnostics with
//! locations computed from the patched text.

// Each test crate uses a different part of the harness.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// How long one run of the binary may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The as-of date given to every `check`, so that no result depends on the clock or on git.
pub const AS_OF: &str = "2024-12-31";

/// Build the site at `root` as of 2024-06-30 with `extra` arguments into `public/` of a fresh
/// temporary folder, failing with the build's messages unless it succeeds: the folder (kept
/// alive while the guard lives) and `public/`.
pub fn build_in(root: &Path, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let mut args = vec!["build", "--as-of", "2024-06-30", "--output", public.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = run_in(root, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    (out, public)
}

/// The crate folder: its `content/` is the bundled example site.
pub fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir`, by path relative to it (with `/`).
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, base: &Path, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, base, out);
            } else {
                let rel = path.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// A copy of a fixture site in its own temporary folder.
pub struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    /// A copy of `tests/fixtures/minimal`, the small valid site.
    pub fn minimal() -> Site {
        Site::from_fixture("minimal")
    }

    /// A copy of `tests/fixtures/<name>`.
    pub fn from_fixture(name: &str) -> Site {
        let dir = tempfile::tempdir().expect("create a temporary folder");
        copy_dir(&crate_dir().join("tests/fixtures").join(name), dir.path());
        Site { dir }
    }

    /// An empty folder (no `content/`).
    pub fn empty() -> Site {
        Site { dir: tempfile::tempdir().expect("create a temporary folder") }
    }

    /// The site root (the folder holding `content/`).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// `rel` (e.g. `content/2023/validasi.yaml`) inside the copy.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// The text of `rel`.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Replace `from` by `to` in `rel`; panics unless `from` occurs exactly once, so that a
    /// change to the fixture cannot silently turn a test into a no-op.
    pub fn replace(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        let count = text.matches(from).count();
        assert_eq!(count, 1, "`{from}` occurs {count} times in {rel}, expected once:\n{text}");
        self.write(rel, text.replacen(from, to, 1))
    }

    /// Write `contents` to `rel`, creating its folder.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("write {rel}: {e}"));
        self
    }

    /// Remove the file or folder `rel`.
    pub fn remove(&self, rel: &str) -> &Self {
        let path = self.path(rel);
        let result = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
        result.unwrap_or_else(|e| panic!("remove {rel}: {e}"));
        self
    }

    /// Create the folder `rel`.
    pub fn mkdir(&self, rel: &str) -> &Self {
        std::fs::create_dir_all(self.path(rel)).unwrap();
        self
    }

    /// Create a symbolic link at `link` pointing to `target` (taken as written).
    pub fn symlink(&self, target: impl AsRef<Path>, link: &str) -> &Self {
        std::os::unix::fs::symlink(target, self.path(link)).unwrap_or_else(|e| panic!("symlink {link}: {e}"));
        self
    }

    /// Where `token` is in the one line of `rel` that contains `line_text` (1-based line and
    /// column, in characters), read from the file as it is now.
    pub fn at(&self, rel: &str, line_text: &str, token: &str) -> At {
        let text = self.read(rel);
        let lines: Vec<(usize, &str)> =
            text.lines().enumerate().filter(|(_, l)| l.contains(line_text)).collect();
        let [(index, line)] = lines[..] else {
            panic!("`{line_text}` is on {} lines of {rel}, expected one:\n{text}", lines.len())
        };
        let byte = line.find(token).unwrap_or_else(|| panic!("`{token}` is not in line `{line}`"));
        At::new(rel, index as u32 + 1, line[..byte].chars().count() as u32 + 1)
    }

    /// Where `text` starts in `rel`; it must be on exactly one line.
    pub fn find(&self, rel: &str, text: &str) -> At {
        self.at(rel, text, text)
    }

    /// Run `sakip-site --root <copy> <args>`.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.root(), args)
    }

    /// Run git in the copy with a fixed author, and 2024-03-20 as the date of any commit; its
    /// standard output.
    pub fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .args(args)
            .current_dir(self.root())
            // No system configuration (a default branch name, hooks) changes what a test sees.
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_DATE", "2024-03-20T12:00:00+07:00")
            .env("GIT_COMMITTER_DATE", "2024-03-20T12:00:00+07:00")
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .output()
            .expect("git is installed (scripts/test installs it)");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Make the copy a git repository with everything in one commit dated 2024-03-20; the
    /// commit's short hash.
    pub fn commit_all(&self) -> String {
        self.git(&["init", "-q"]);
        self.git(&["add", "."]);
        self.git(&["commit", "-qm", "data"]);
        self.git(&["rev-parse", "--short", "HEAD"]).trim().to_string()
    }

    /// `check --format json` on the copy.
    pub fn check(&self) -> Check {
        check_in(self.root(), &[])
    }

    /// `check --format json` with more arguments (e.g. `--as-of`).
    pub fn check_with(&self, args: &[&str]) -> Check {
        check_in(self.root(), args)
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())) {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A place in a file, as diagnostics report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    /// Path relative to the site root, e.g. `content/sakip.yaml`.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

impl At {
    /// A place given by hand.
    pub fn new(file: &str, line: u32, column: u32) -> At {
        At { file: file.to_string(), line, column }
    }

    /// The start of a file (problems with the file as a whole).
    pub fn file(file: &str) -> At {
        At::new(file, 1, 1)
    }
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Run the binary with `--root root`, failing the test when it takes longer than [`TIMEOUT`],
/// dies from a signal or panics.
pub fn run_in(root: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sakip-site"))
        .arg("--root")
        .arg(root)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sakip-site");
    // Read both pipes on their own threads so that a large output cannot block the child.
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let status = wait_or_kill(&mut child, TIMEOUT)
        .unwrap_or_else(|| panic!("sakip-site {args:?} did not finish within {TIMEOUT:?}"));
    let run = Run { code: 0, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() };
    let code = status.code().unwrap_or_else(|| panic!("sakip-site killed by a signal: {status}\n{run:?}"));
    assert!(!run.stderr.contains("panicked"), "sakip-site panicked:\n{}", run.stderr);
    Run { code, ..run }
}

/// Wait for `child` at most `timeout`; past it, kill it and its process group (a browser it
/// started, say) and return `None`, so that a hang fails the test instead of the CI job.
pub fn wait_or_kill(child: &mut Child, timeout: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().expect("wait for a child process") {
            return Some(status);
        }
        if Instant::now() > deadline {
            let group = format!("-{}", child.id());
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Read a child's pipe to the end on its own thread, so a large output cannot block the child.
pub fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        pipe.read_to_end(&mut bytes).unwrap();
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// One diagnostic of `check --format json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diag {
    /// `error` or `warning`.
    pub severity: String,
    /// The rule's code.
    pub code: String,
    /// Path relative to the site root.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// The message (with its help in parentheses).
    pub message: String,
}

/// The result of `check --format json`.
#[derive(Debug)]
pub struct Check {
    /// The run.
    pub run: Run,
    /// Its diagnostics, in output order.
    pub diags: Vec<Diag>,
}

/// `check --format json --as-of AS_OF <extra>` on `root`.
pub fn check_in(root: &Path, extra: &[&str]) -> Check {
    let mut args = vec!["check", "--format", "json"];
    if !extra.contains(&"--as-of") {
        args.extend(["--as-of", AS_OF]);
    }
    args.extend(extra);
    let run = run_in(root, &args);
    let diags = parse_json(&run.stdout).unwrap_or_else(|e| panic!("{e}; the run was {run:#?}"));
    Check { run, diags }
}

/// The diagnostics of a `--format json` output, checking the shape of SPEC §6.
pub fn parse_json(stdout: &str) -> Result<Vec<Diag>, String> {
    let value: serde_json::Value =
        serde_json::from_str(stdout).map_err(|e| format!("stdout is not JSON ({e})"))?;
    let list = value["diagnostics"].as_array().ok_or("no `diagnostics` array")?;
    list.iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().map(str::to_string).ok_or(format!("`{key}` in {d}"));
            let number = |key: &str| d[key].as_u64().map(|n| n as u32).ok_or(format!("`{key}` in {d}"));
            Ok(Diag {
                severity: text("severity")?,
                code: text("code")?,
                file: text("file")?,
                line: number("line")?,
                column: number("column")?,
                message: text("message")?,
            })
        })
        .collect()
}

/// Severity of an expected diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sev {
    /// Fails the run (exit 1).
    Error,
    /// Reported, exit 0 when alone.
    Warning,
}

impl Sev {
    fn as_str(self) -> &'static str {
        match self {
            Sev::Error => "error",
            Sev::Warning => "warning",
        }
    }
}

impl Check {
    fn dump(&self) -> String {
        let lines: Vec<String> = self
            .diags
            .iter()
            .map(|d| format!("  {} {} {}:{}:{} {}", d.severity, d.code, d.file, d.line, d.column, d.message))
            .collect();
        format!("exit {}; diagnostics:\n{}\nstderr: {}", self.run.code, lines.join("\n"), self.run.stderr)
    }

    /// No diagnostic at all, exit 0.
    pub fn assert_clean(&self) {
        assert!(self.diags.is_empty() && self.run.code == 0, "expected a clean run, got {}", self.dump());
    }

    /// Exactly these diagnostics, in this order (severity, code, file, line, column), and the
    /// exit code that follows from them: 1 when any is an error, else 0.
    pub fn expect(&self, expected: &[(Sev, &str, &At)]) -> &[Diag] {
        let got: Vec<(&str, &str, At)> = self
            .diags
            .iter()
            .map(|d| (d.severity.as_str(), d.code.as_str(), At::new(&d.file, d.line, d.column)))
            .collect();
        let want: Vec<(&str, &str, At)> =
            expected.iter().map(|(s, c, at)| (s.as_str(), *c, (*at).clone())).collect();
        assert_eq!(got, want, "unexpected diagnostics: {}", self.dump());
        let code = if expected.iter().any(|(s, _, _)| *s == Sev::Error) { 1 } else { 0 };
        assert_eq!(self.run.code, code, "wrong exit code: {}", self.dump());
        &self.diags
    }

    /// Exactly one diagnostic, an error `code` at `at`; exit 1.
    pub fn error(&self, code: &str, at: &At) -> &Diag {
        &self.expect(&[(Sev::Error, code, at)])[0]
    }

    /// Exactly one diagnostic, a warning `code` at `at`; exit 0.
    pub fn warning(&self, code: &str, at: &At) -> &Diag {
        &self.expect(&[(Sev::Warning, code, at)])[0]
    }

    /// Exactly one diagnostic, an error `code` in `file` (line and column not compared); exit 1.
    pub fn error_in(&self, code: &str, file: &str) -> &Diag {
        let found: Vec<(&str, &str, &str)> =
            self.diags.iter().map(|d| (d.severity.as_str(), d.code.as_str(), d.file.as_str())).collect();
        assert_eq!(found, [("error", code, file)], "unexpected diagnostics: {}", self.dump());
        assert_eq!(self.run.code, 1, "wrong exit code: {}", self.dump());
        &self.diags[0]
    }
}

impl Diag {
    /// Assert that the message contains each of `parts`.
    pub fn says(&self, parts: &[&str]) -> &Self {
        for part in parts {
            assert!(self.message.contains(part), "message `{}` lacks `{part}`", self.message);
        }
        self
    }
}

/// The text a reader sees on `page`: tags dropped, entities read back, no-break spaces and runs
/// of white space as one space.
pub fn visible(page: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace('\u{a0}', " ");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
