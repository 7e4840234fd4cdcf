//! `sakip-site diff` on real git repositories in temporary folders (issue 11, items 1 and 6):
//! commit the `compute` fixture, change one value, and compare the rows the binary lists with
//! figures worked out by hand from the fixture (`tests/fixtures/compute`, SPEC §3).

mod common;

use std::path::Path;

use common::{Run, Site, copy_dir, run_in};

/// The no-break space that joins a figure to its `%`.
const NBSP: char = '\u{a0}';

const TW2: &str = "content/2023/realisasi/tw2.yaml";

/// A git repository with the `compute` fixture committed on `main` (2024-03-20, so that is the
/// as-of date of every run), independent of the machine's git configuration.
fn repository() -> Site {
    let site = Site::from_fixture("compute");
    init(&site);
    site
}

fn init(site: &Site) {
    site.git(&["init", "-q", "-b", "main"]);
    site.git(&["config", "user.name", "t"]);
    site.git(&["config", "user.email", "t@example.org"]);
    site.git(&["add", "."]);
    site.git(&["commit", "-qm", "data"]);
}

/// Indicator A's TW2 realisation from 3.000.000 to 4.000.000.
fn raise_a_tw2(site: &Site, in_folder: &str) {
    let file = format!("{in_folder}{TW2}");
    site.replace(
        &file,
        r#"{indikator: A, realisasi: "3.000.000"}"#,
        r#"{indikator: A, realisasi: "4.000.000"}"#,
    );
}

fn pct(text: &str) -> String {
    format!("{text}{NBSP}%")
}

/// The table rows of a Markdown diff, as (indicator cell, year, period, capaian cell, source).
fn table(run: &Run) -> Vec<(String, String, String, String, String)> {
    run.stdout
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Indikator"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 9, "a row of nine cells: {l}");
            let own = |i: usize| cells[i].to_string();
            (own(0), own(1), own(2), own(5), own(8))
        })
        .collect()
}

/// The rows A's TW2 edit moves, worked out by hand. A is `kumulatif`, target 2,5 / 5 / 7,5 /
/// 10 juta; realisations 2.000.000,50 + 3.000.000 + 2.500.000 + 2.499.999,50.
/// - TW2: cumulative 5.000.000,50 / 5.000.000 = 100,00 % → 6.000.000,50 / 5.000.000 = 120,00 %.
/// - TW3: 7.500.000,50 / 7.500.000 = 100,00 % → 8.500.000,50 / 7.500.000 = 113,33 %.
/// - TW4: 10.000.000 / 10.000.000 = 100,00 % → 11.000.000 / 10.000.000 = 110,00 %.
/// - TAHUN: the sum, the same 100,00 % → 110,00 % (validated stays the corrected 99,995 →
///   100,00 %, so the predicate, *sangat tinggi*, does not move).
///
/// TW1 (2.000.000,50 / 2.500.000 = 80,00 %) is not moved; nor is any other indicator.
fn expected_rows(source: &str) -> Vec<(String, String, String, String, String)> {
    let name = "A Nilai investasi (kumulatif, setengah rupiah)".to_string();
    [("TW2", "120,00"), ("TW3", "113,33"), ("TW4", "110,00"), ("TAHUN", "110,00")]
        .into_iter()
        .map(|(periode, after)| {
            let capaian = format!("{} → {}", pct("100,00"), pct(after));
            (name.clone(), "2023".into(), periode.into(), capaian, source.to_string())
        })
        .collect()
}

fn source_of_tw2(site: &Site, in_folder: &str) -> String {
    let at = site.find(&format!("{in_folder}{TW2}"), "indikator: A");
    format!("{TW2}:{}", at.line)
}

#[test]
fn one_changed_quarter_lists_exactly_the_rows_it_moves() {
    let site = repository();
    raise_a_tw2(&site, "");
    site.git(&["commit", "-qam", "A TW2"]);
    let run = site.run(&["diff", "HEAD~1", "HEAD"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(table(&run), expected_rows(&source_of_tw2(&site, "")), "{}", run.stdout);
    let base = site.git(&["rev-parse", "--short", "HEAD~1"]);
    let head = site.git(&["rev-parse", "--short", "HEAD"]);
    let heading = format!("### Perubahan angka kinerja: `{}` → `{}`", base.trim(), head.trim());
    assert!(run.stdout.starts_with(&heading), "{}", run.stdout);
    assert!(run.stdout.contains("**4 baris angka berubah pada 1 indikator.**"), "{}", run.stdout);
    // The changed realisation cell of TW2 shows old and new, in full rupiah.
    assert!(run.stdout.contains(
        "Rp\u{a0}3.000.000 (kumulatif Rp\u{a0}5.000.000,50) → Rp\u{a0}4.000.000 (kumulatif Rp\u{a0}6.000.000,50)"
    ));
}

#[test]
fn json_has_the_same_rows_with_plain_decimals() {
    let site = repository();
    raise_a_tw2(&site, "");
    site.git(&["commit", "-qam", "A TW2"]);
    let run = site.run(&["diff", "HEAD~1", "HEAD", "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    assert_eq!(value["as_of"], "2024-03-20", "the committer date of the head side");
    let rows: Vec<(String, String, String, String)> = value["changes"]
        .as_array()
        .expect("a changes array")
        .iter()
        .map(|c| {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            let capaian = &c["fields"]["capaian"];
            (text(&c["indikator"]), text(&c["periode"]), text(&capaian["before"]), text(&capaian["after"]))
        })
        .collect();
    let want: Vec<(String, String, String, String)> =
        [("TW2", "120.00"), ("TW3", "113.33"), ("TW4", "110.00"), ("TAHUN", "110.00")]
            .into_iter()
            .map(|(p, after)| ("A".into(), p.into(), "100.00".into(), after.into()))
            .collect();
    assert_eq!(rows, want);
    // TW2's own realisation: 3.000.000 → 4.000.000, exact.
    assert_eq!(
        value["changes"][0]["fields"]["realisasi"],
        serde_json::json!({"before": "3000000", "after": "4000000"})
    );
    assert_eq!(value["changes"][0]["source"], source_of_tw2(&site, ""));
}

#[test]
fn by_default_the_working_tree_is_compared_with_the_merge_base() {
    let site = repository();
    // D's TW2 verdict corrects 92 to 105,5 %; now to 95,5 %. Only the validated achievement
    // moves: both are ≥ 91, so the predicate stays *sangat tinggi*, and the reported 92 → 102,22 %
    // (above the 80–90 range: 92 / 90) does not change.
    site.replace(
        "content/2023/validasi.yaml",
        r#"capaian_terkoreksi: "105,5""#,
        r#"capaian_terkoreksi: "95,5""#,
    );
    let run = site.run(&["diff"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("` → `working tree`"), "{}", run.stdout);
    let verdict = site.find("content/2023/validasi.yaml", "\"95,5\"");
    let row = run.stdout.lines().find(|l| l.starts_with("| D ")).expect("a row of D");
    let want = format!(
        "| D Persentase dengan target rentang | 2023 | TW2 | 80{NBSP}% s.d. 90{NBSP}% | 92{NBSP}% | {} | {} (dikoreksi) → {} (dikoreksi) | sangat tinggi | content/2023/validasi.yaml:{} |",
        pct("102,22"),
        pct("105,50"),
        pct("95,50"),
        verdict.line
    );
    assert_eq!(row, want);
    assert_eq!(table(&run).len(), 1, "{}", run.stdout);
}

#[test]
fn a_follow_up_status_is_listed_and_no_figure_is() {
    let site = repository();
    // R2 was received 2024-01-10, due 60 days later (2024-03-10): at 2024-03-20 still `proses`
    // is *lewat batas waktu*; done on 2024-03-05 it is *selesai tepat waktu*.
    site.replace(
        "content/2023/evaluasi.yaml",
        "{jenis: reward, status: proses}",
        "{jenis: reward, status: selesai, selesai: 2024-03-05}",
    );
    let run = site.run(&["diff", "HEAD"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("Tidak ada angka yang berubah."), "{}", run.stdout);
    let line = site.find("content/2023/evaluasi.yaml", "id: R2").line;
    let want = format!(
        "- 2023 `EV-TW1`/`R2`: lewat batas waktu → selesai tepat waktu, content/2023/evaluasi.yaml:{line}"
    );
    assert!(run.stdout.contains(&want), "{}", run.stdout);
    assert!(table(&run).is_empty());
}

#[test]
fn a_side_that_fails_check_is_named_with_its_diagnostics() {
    let site = repository();
    site.replace(TW2, r#"realisasi: "3.000.000""#, r#"realisasi: "tiga juta""#);
    let run = site.run(&["diff", "HEAD"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.contains("sakip-site diff: HEAD (working tree) does not pass check"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(&source_of_tw2(&site, "")), "the diagnostic's place: {}", run.stderr);
    assert!(!run.stderr.contains("BASE"), "the base is fine: {}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn an_unknown_revision_or_no_repository_exits_2() {
    let site = repository();
    let run = site.run(&["diff", "no-such-branch", "HEAD"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("unknown revision `no-such-branch`"), "{}", run.stderr);
    let plain = Site::from_fixture("compute");
    let run = plain.run(&["diff"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("is not inside a git repository"), "{}", run.stderr);
}

#[test]
fn a_site_in_a_sub_folder_of_its_repository() {
    let site = Site::empty();
    copy_dir(&common::crate_dir().join("tests/fixtures/compute"), &site.path("situs"));
    init(&site);
    raise_a_tw2(&site, "situs/");
    site.git(&["commit", "-qam", "A TW2"]);
    let run = run_in(Path::new(&site.path("situs")), &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(run.code, 0, "{run:?}");
    // Paths are the site root's, as `check` writes them.
    assert_eq!(table(&run), expected_rows(&source_of_tw2(&site, "situs/")), "{}", run.stdout);
}
