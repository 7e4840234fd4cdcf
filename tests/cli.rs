//! `sakip-site check` as a user and a CI job see it (issue 3 item 6, SPEC §6): the bundled
//! example passes, the output formats, the two languages, the exit codes, and where the
//! as-of date came from.

mod common;

use common::{Site, crate_dir, parse_json, run_in};

const VALIDASI: &str = "content/2023/validasi.yaml";

/// The minimal fixture with one error: an unknown validation status.
fn one_error() -> Site {
    let site = Site::minimal();
    site.replace(VALIDASI, "status: sah", "status: syah");
    site
}

#[test]
fn bundled_example_passes_with_zero_diagnostics() {
    // Without `--as-of`: the as-of date of the example is its commit date, as in CI.
    let run = run_in(crate_dir(), &["check", "--format", "json"]);
    assert_eq!(parse_json(&run.stdout).unwrap(), [], "{run:?}");
    assert_eq!(run.code, 0, "{run:?}");
    let human = run_in(crate_dir(), &["check"]);
    assert_eq!(human.code, 0, "{human:?}");
    assert!(human.stderr.contains("0 galat, 0 peringatan"), "{human:?}");
}

#[test]
fn json_format_has_exactly_the_spec_keys() {
    let site = one_error();
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{run:?}");
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    let list = value["diagnostics"].as_array().expect("a diagnostics array");
    assert_eq!(value.as_object().unwrap().len(), 1, "only `diagnostics`: {value}");
    assert_eq!(list.len(), 1, "{value}");
    let d = list[0].as_object().unwrap();
    let mut keys: Vec<&str> = d.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["code", "column", "file", "line", "message", "severity"]);
    let at = site.find(VALIDASI, "syah");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["code"], "invalid-value");
    assert_eq!(d["file"], VALIDASI);
    assert_eq!(d["line"], at.line);
    assert_eq!(d["column"], at.column);
    assert!(d["message"].as_str().unwrap().contains("`syah`"), "{value}");
}

#[test]
fn github_format_prints_workflow_commands() {
    let site = one_error();
    site.replace("content/2023/realisasi/tw1.yaml", "realisasi: 9\n", "realisasi: 1.250\n");
    let run = site.run(&["check", "--format", "github"]);
    assert_eq!(run.code, 1, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    let warn = site.find("content/2023/realisasi/tw1.yaml", "1.250");
    let err = site.find(VALIDASI, "syah");
    let prefixes = [
        format!("::warning file={},line={},col={}::", warn.file, warn.line, warn.column),
        format!("::error file={},line={},col={}::", err.file, err.line, err.column),
    ];
    assert_eq!(lines.len(), 2, "{run:?}");
    for (line, prefix) in lines.iter().zip(&prefixes) {
        assert!(line.starts_with(prefix.as_str()), "`{line}` does not start with `{prefix}`");
    }
    assert!(lines[1].ends_with("[invalid-value]"), "{}", lines[1]);
}

#[test]
fn gitlab_format_is_a_code_quality_report_on_the_broken_line() {
    let site = one_error();
    let run = site.run(&["check", "--format", "gitlab"]);
    assert_eq!(run.code, 1, "{run:?}");
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    let entries = value.as_array().expect("a JSON array");
    assert_eq!(entries.len(), 1, "{value}");
    let at = site.find(VALIDASI, "syah");
    let entry = &entries[0];
    assert_eq!(entry["check_name"], "invalid-value");
    assert_eq!(entry["severity"], "major");
    assert_eq!(entry["location"]["path"], VALIDASI);
    assert_eq!(entry["location"]["lines"]["begin"], at.line);
    assert!(entry["description"].as_str().unwrap().contains("`syah`"), "{value}");
    let fingerprint = entry["fingerprint"].as_str().unwrap();
    assert!(fingerprint.len() == 32 && fingerprint.chars().all(|c| c.is_ascii_hexdigit()), "{value}");
    let again = site.run(&["check", "--format", "gitlab", "--lang", "en"]);
    let again: serde_json::Value = serde_json::from_str(&again.stdout).expect("stdout is JSON");
    assert_eq!(again[0]["fingerprint"], fingerprint, "the same problem keeps its fingerprint");
}

#[test]
fn messages_are_indonesian_by_default_and_english_with_lang_en() {
    let site = one_error();
    let message = |extra: &[&str]| {
        let run = site.run(&[&["check", "--format", "json"], extra].concat());
        parse_json(&run.stdout).unwrap().remove(0).message
    };
    let (default, id, en) = (message(&[]), message(&["--lang", "id"]), message(&["--lang", "en"]));
    assert_eq!(default, id);
    assert!(id.contains("nilai `syah` tidak dikenal; pilihan:"), "{id}");
    assert!(en.contains("unknown value `syah`; allowed:"), "{en}");
}

#[test]
fn human_format_points_at_the_line_like_rustc() {
    let site = one_error();
    let at = site.find(VALIDASI, "syah");
    let run = site.run(&["check", "--lang", "en"]);
    assert_eq!(run.code, 1, "{run:?}");
    let out = &run.stderr;
    assert!(out.contains("error[invalid-value]: unknown value `syah`"), "{out}");
    assert!(out.contains(&format!("--> {VALIDASI}:{}:{}", at.line, at.column)), "{out}");
    let source_line = site.read(VALIDASI).lines().nth(at.line as usize - 1).unwrap().to_string();
    let lines: Vec<&str> = out.lines().collect();
    let shown = lines.iter().position(|l| l.ends_with(source_line.as_str())).expect("the source line");
    // The caret line sits below the source line, under `syah`.
    let caret = lines[shown + 1];
    let offset = lines[shown].len() - source_line.len();
    assert_eq!(caret.find('^'), Some(offset + at.column as usize - 1), "{out}");
    assert!(caret.contains("^^^^"), "{out}");
    assert!(!out.contains('\u{1b}'), "no ANSI escapes when stderr is not a terminal: {out:?}");
    assert!(out.trim_end().ends_with("1 error(s), 0 warning(s)"), "{out}");
}

#[test]
fn root_without_content_exits_2() {
    let site = Site::empty();
    let run = site.run(&["check"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("content"), "{run:?}");
}

#[test]
fn usage_error_exits_2() {
    let site = Site::minimal();
    for args in
        [&["check", "--no-such-flag"][..], &["check", "--format", "xml"], &["check", "--as-of", "2023-02-30"]]
    {
        let run = site.run(args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.contains("error"), "{args:?}: {run:?}");
    }
}

#[test]
fn the_harness_ends_a_hanging_child_instead_of_hanging_itself() {
    // Every "never hangs" test relies on this bound.
    let mut child = std::process::Command::new("sleep").arg("30").spawn().expect("sleep");
    let started = std::time::Instant::now();
    assert!(common::wait_or_kill(&mut child, std::time::Duration::from_millis(200)).is_none());
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert!(child.try_wait().unwrap().is_some(), "the child was killed and reaped");
}

#[test]
fn bad_flag_values_are_usage_errors_and_write_nothing() {
    let site = Site::minimal();
    for args in [["build", "--base-url", "javascript:alert(1)"], ["build", "--as-of", "2023-02-30"]] {
        let run = site.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(args[2]), "the message quotes the value: {}", run.stderr);
        assert!(!site.path("public").exists());
    }
}

#[test]
fn check_and_build_say_the_as_of_date_came_from_the_flag() {
    let site = Site::minimal();
    let id = site.run(&["check", "--as-of", "2024-12-31"]);
    assert!(id.stderr.contains("sakip-site check: tanggal acuan 2024-12-31 dari --as-of\n"), "{id:?}");
    let en = site.run(&["check", "--as-of", "2024-12-31", "--lang", "en"]);
    assert!(en.stderr.contains("sakip-site check: as of 2024-12-31 from --as-of\n"), "{en:?}");
    // Tools read the diagnostics only.
    let json = site.run(&["check", "--as-of", "2024-12-31", "--format", "json"]);
    assert_eq!(json.stderr, "", "{json:?}");
    let build = site.run(&["build", "--as-of", "2024-12-31"]);
    assert_eq!(build.code, 0, "{build:?}");
    assert!(build.stderr.contains(" indicators, as of 2024-12-31 from --as-of) in "), "{build:?}");
    // Outside git and without the flag, `check` says that future dates went unchecked.
    let none = site.run(&["check", "--lang", "en"]);
    assert!(none.stderr.contains("no as-of date (no --as-of, not a git repository)"), "{none:?}");
}

#[test]
fn in_git_check_and_build_name_the_commit_of_the_as_of_date() {
    let site = Site::minimal();
    let hash = site.commit_all();
    assert!(hash.len() >= 7, "a short hash: {hash}");
    let check = site.run(&["check"]);
    let says = format!("sakip-site check: tanggal acuan 2024-03-20, tanggal commit {hash}\n");
    assert!(check.stderr.contains(&says), "{check:?}");
    let build = site.run(&["build"]);
    assert_eq!(build.code, 0, "{build:?}");
    assert!(
        build.stderr.contains(&format!(", as of 2024-03-20, the date of commit {hash}) in ")),
        "{build:?}"
    );
}

#[test]
fn build_without_pdf_writes_every_other_file_and_names_no_pdf() {
    let (_out, public) = common::build_in(crate_dir(), &["--no-pdf"]);
    let files = common::tree(&public);
    // (Evidence files under bukti/ are published as they are, PDFs among them.)
    let pdfs: Vec<&String> =
        files.keys().filter(|path| path.starts_with("unduh/") && path.ends_with(".pdf")).collect();
    assert_eq!(pdfs, Vec::<&String>::new());
    // The workbook and the open data are still there, and checksummed.
    let sums = String::from_utf8_lossy(&files["unduh/SHA256SUMS"]).into_owned();
    assert!(sums.contains("  unduh/2023/pengukuran-kinerja-2023.xlsx\n"), "{sums}");
    assert!(sums.contains("  data/capaian.csv\n"), "{sums}");
    // No page links a report that was not written.
    for page in ["unduh/index.html", "tahun/2023/index.html", "indikator/iku-1/index.html"] {
        let html = String::from_utf8_lossy(&files[page]);
        for report in ["lkjip-2023.pdf", "laporan-tw2-2023.pdf", "perjanjian-kinerja-2023.pdf"] {
            assert!(!html.contains(report), "{page} links {report}");
        }
    }
}
