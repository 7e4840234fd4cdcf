//! The computation rules of SPEC §3 and the export format of §5.3, on a fixture whose every
//! figure is worked out by hand in the comments below (not copied from the program's output).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Site;
use serde_json::json;

/// Build `tests/fixtures/compute` as of 2024-03-20 and return the text of `data/<name>`.
fn exports() -> (Site, impl Fn(&str) -> String) {
    let site = Site::from_fixture("compute");
    let out = site.path("public");
    let run = site.run(&["build", "--as-of", "2024-03-20", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let read = move |name: &str| std::fs::read_to_string(out.join("data").join(name)).unwrap();
    (site, read)
}

/// The lines of `csv` whose first field is `key`.
fn rows<'a>(csv: &'a str, key: &str) -> Vec<&'a str> {
    csv.lines().filter(|l| l.split(',').next() == Some(key)).collect()
}

#[test]
fn cumulative_indicator_with_half_rupiah_sums_exactly() {
    let (_site, read) = exports();
    let csv = read("capaian.csv");
    // Target 8 juta, realisation Rp 7.000.000 given in the Renstra: 7 / 8 = 87.50 → tinggi.
    // TW1: 2.000.000,50 of 2.500.000 = 80.00002 % → 80.00, validated `sah` (same figure).
    // TW2: cumulative 2.000.000,50 + 3.000.000 = 5.000.000,50 of 5.000.000 = 100.00001 → 100.00.
    // TW3: 7.500.000,50 of 7.500.000 → 100.00.
    // TW4: 7.500.000,50 + 2.499.999,50 = 10.000.000,00 exactly, of 10 juta → 100.00.
    // Year: sum of the quarters 10.000.000,00 → 100.00; corrected by the team to 99,995,
    // which rounds half away from zero to 100.00 → sangat tinggi.
    // 2024 has a target and nothing else: a year row with blanks.
    assert_eq!(
        rows(&csv, "A"),
        [
            "A,2022,TAHUN,8000000,7000000,,87.50,,belum,tinggi,,,",
            "A,2023,TW1,2500000,2000000.50,2000000.50,80.00,80.00,sah,tinggi,,,",
            "A,2023,TW2,5000000,3000000,5000000.50,100.00,,belum,sangat tinggi,,,",
            "A,2023,TW3,7500000,2500000,7500000.50,100.00,,belum,sangat tinggi,,,",
            "A,2023,TW4,10000000,2499999.50,10000000.00,100.00,,belum,sangat tinggi,,,",
            "A,2023,TAHUN,10000000,10000000.00,,100.00,100.00,dikoreksi,sangat tinggi,,,",
            "A,2024,TAHUN,12000000,,,,,belum,,,,",
        ]
    );
}

#[test]
fn rounding_midpoints_and_band_edges() {
    let (_site, read) = exports();
    let csv = read("capaian.csv");
    // 785 / 800 = 98.125 → 98.13 (half away from zero; banker's rounding would give 98.12).
    // 799.8 / 800 = 99.975 → 99.98. 728 / 800 = 91.00 → sangat tinggi (≥ 91).
    // 727.92 / 800 = 90.99 → tinggi. `terakhir`: the year is the last quarter, 90.99.
    assert_eq!(
        rows(&csv, "B"),
        [
            "B,2023,TW1,800,785,,98.13,,belum,sangat tinggi,,,",
            "B,2023,TW2,800,799.8,,99.98,,belum,sangat tinggi,,,",
            "B,2023,TW3,800,728,,91.00,,belum,sangat tinggi,,,",
            "B,2023,TW4,800,727.92,,90.99,,belum,tinggi,,,",
            "B,2023,TAHUN,800,727.92,,90.99,,belum,tinggi,,,",
        ]
    );
}

#[test]
fn negative_polarity_and_mean_of_quarters() {
    let (_site, read) = exports();
    let csv = read("capaian.csv");
    // negatif, target 5 days: (2·5 − R) / 5 × 100.
    // TW1 R 4 → 120.00; TW2 R 6 → 80.00; TW3 R 5.5 → 90.00; TW4 not measured → blank.
    // Year (rata-rata): (4 + 6 + 5.5) / 3 = 5.1666… rounded to 5.17 BEFORE use,
    // so (10 − 5.17) / 5 = 96.60 (the unrounded mean would give 96.67).
    assert_eq!(
        rows(&csv, "C"),
        [
            "C,2023,TW1,5,4,,120.00,,belum,sangat tinggi,,,",
            "C,2023,TW2,5,6,,80.00,,belum,tinggi,,,",
            "C,2023,TW3,5,5.5,,90.00,,belum,tinggi,,,",
            "C,2023,TW4,5,,,,,belum,,,,",
            "C,2023,TAHUN,5,5.17,,96.60,,belum,sangat tinggi,,,",
        ]
    );
}

#[test]
fn range_targets_corrections_upward_and_rejections() {
    let (_site, read) = exports();
    let csv = read("capaian.csv");
    // Target 80–90 (string form on TW2, map form on TW4): `target` empty, bounds in
    // target_min/target_maks. TW2 R 92 > 90 → 92 / 90 = 102.22; the team corrected it UP to
    // 105,5 → 105.50, and the predicate follows the validated figure.
    // TW4 R 70 < 80 → 70 / 80 = 87.50 reported; rejected → validated 0.00 → sangat rendah.
    // Year: last measured quarter, 70 → 87.50, not validated → predicate of the reported: tinggi.
    assert_eq!(
        rows(&csv, "D"),
        [
            "D,2023,TW1,,,,,,belum,,,,",
            "D,2023,TW2,,92,,102.22,105.50,dikoreksi,sangat tinggi,80,90,",
            "D,2023,TW3,,,,,,belum,,,,",
            "D,2023,TW4,,70,,87.50,0.00,ditolak,sangat rendah,80,90,",
            "D,2023,TAHUN,,70,,87.50,,belum,tinggi,80,90,",
        ]
    );
}

#[test]
fn ikm_from_tallies_and_from_given_scores() {
    let (_site, read) = exports();
    // S1, 3 respondents. Σ value × count per unsur: U1 = 3·2 + 4·1 = 10, U2…U8 = 3·3 = 9 each,
    // U9 = 2·1 + 3·2 = 8; total 81. IKM = 25 × 81 / (9 × 3) = 75.00 → C (65.00–76.60).
    // NRR shown rounded: 10/3 = 3.33, 3.00, 8/3 = 2.67.
    // TAHUN keeps only scores: Σ NRR = 3.31 + 3.35 + 7 × 3.30 = 29.76, × 25 / 9 = 82.666… → 82.67 → B.
    assert_eq!(
        read("ikm.csv"),
        "tahun,periode,responden,nrr_u1,nrr_u2,nrr_u3,nrr_u4,nrr_u5,nrr_u6,nrr_u7,nrr_u8,nrr_u9,ikm,mutu\n\
         2023,S1,3,3.33,3.00,3.00,3.00,3.00,3.00,3.00,3.00,2.67,75.00,C\n\
         2023,TAHUN,,3.31,3.35,3.30,3.30,3.30,3.30,3.30,3.30,3.30,82.67,B\n"
    );
    // The IKU with `sumber: skm` takes them: S1 counts as TW2 (75 / 82 = 91.46), TAHUN as TW4
    // and, being `terakhir`, as the year (82.67 / 82.5 = 100.206… → 100.21).
    assert_eq!(
        rows(&read("capaian.csv"), "E"),
        [
            "E,2023,TW1,,,,,,belum,,,,",
            "E,2023,TW2,82.00,75.00,,91.46,,belum,sangat tinggi,,,",
            "E,2023,TW3,,,,,,belum,,,,",
            "E,2023,TW4,82.50,82.67,,100.21,,belum,sangat tinggi,,,",
            "E,2023,TAHUN,82.50,82.67,,100.21,,belum,sangat tinggi,,,",
        ]
    );
}

#[test]
fn follow_up_deadline_crosses_february_of_a_leap_year() {
    let (_site, read) = exports();
    // R1 received 2024-01-15: 16 days of January + 29 of February 2024 + 15 of March = 60 →
    // due 2024-03-15; done 2024-03-16 → one day late.
    // R2 received 2024-01-10 → due 2024-03-10; not done, as of 2024-03-20 → 10 days past.
    // R3 received 2024-03-01 → due 2024-04-30; not done, still in time.
    // R4 received 2023-05-01 → due 2023-06-30 and done that day: on time.
    // SPEC §3.8: days late are 0 for `selesai tepat waktu` and `dalam proses`.
    assert_eq!(
        read("tindak-lanjut.csv"),
        "evaluasi,rekomendasi,diterima,batas_waktu,status,selesai,terlambat_hari\n\
         EV-TW1,R1,2024-01-15,2024-03-15,selesai terlambat,2024-03-16,1\n\
         EV-TW1,R2,2024-01-10,2024-03-10,lewat batas waktu,,10\n\
         EV-TW1,R3,2024-03-01,2024-04-30,dalam proses,,0\n\
         EV-TW1,R4,2023-05-01,2023-06-30,selesai tepat waktu,2023-06-30,0\n"
    );
}

#[test]
fn reporting_calendar_lists_late_and_missing_reports() {
    let (_site, read) = exports();
    // Deadlines 7 April, 7 July, 7 October, 31 December, and 31 January for the annual one.
    // TW1 on the deadline is on time; TW2 on 10 July is 3 days late; its evaluation on 8 July 1.
    // TW4 on 2 January 2024 is 2 days late. Missing as of 2024-03-20:
    // evaluasi-TW3: 24 (rest of Oct) + 30 + 31 + 31 + 29 (Feb 2024) + 20 = 165 days;
    // evaluasi-TW4: 31 + 29 + 20 = 80 days; tahunan: 29 + 20 = 49 days. On time is 0 days (§3.8).
    assert_eq!(
        read("pelaporan.csv"),
        "tahun,laporan,batas_waktu,tanggal,status,terlambat_hari\n\
         2023,TW1,2023-04-07,2023-04-07,tepat waktu,0\n\
         2023,evaluasi-TW1,2023-04-07,2023-04-06,tepat waktu,0\n\
         2023,TW2,2023-07-07,2023-07-10,terlambat,3\n\
         2023,evaluasi-TW2,2023-07-07,2023-07-08,terlambat,1\n\
         2023,TW3,2023-10-07,2023-10-07,tepat waktu,0\n\
         2023,evaluasi-TW3,2023-10-07,,belum ada,165\n\
         2023,TW4,2023-12-31,2024-01-02,terlambat,2\n\
         2023,evaluasi-TW4,2023-12-31,,belum ada,80\n\
         2023,tahunan,2024-01-31,,belum ada,49\n"
    );
}

#[test]
fn json_export_has_the_csv_keys_with_numbers_as_strings() {
    let (_site, read) = exports();
    let json: serde_json::Value = serde_json::from_str(&read("capaian.json")).unwrap();
    let csv = read("capaian.csv");
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let array = json.as_array().unwrap();
    assert_eq!(array.len(), csv.lines().count() - 1, "one object per CSV row");
    for (object, line) in array.iter().zip(lines) {
        let keys: Vec<&str> = object.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, header);
        for (key, cell) in header.iter().zip(line.split(',')) {
            let value = &object[*key];
            if cell.is_empty() {
                assert!(value.is_null(), "{key} should be null in {object}");
            } else {
                assert_eq!(value.as_str(), Some(cell), "{key} in {object}");
            }
        }
    }
}

#[test]
fn datapackage_describes_every_csv_with_its_header() {
    let (_site, read) = exports();
    let package: serde_json::Value = serde_json::from_str(&read("datapackage.json")).unwrap();
    let resources = package["resources"].as_array().unwrap();
    for name in ["capaian.csv", "tindak-lanjut.csv", "pelaporan.csv", "ikm.csv"] {
        let resource =
            resources.iter().find(|r| r["path"] == name).unwrap_or_else(|| panic!("{name} missing"));
        let fields: Vec<&str> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        let header = read(name);
        assert_eq!(fields.join(","), header.lines().next().unwrap(), "{name}");
    }
    assert!(resources.iter().any(|r| r["path"] == "capaian.json"));
}

/// The compute fixture with predicate names that a spreadsheet would run as formulas, and the
/// waiting time of indicator C in TW1 given as a negative figure.
fn hostile_site() -> Site {
    let site = Site::from_fixture("compute");
    let sakip = site.read("content/sakip.yaml");
    site.write(
        "content/sakip.yaml",
        format!(
            "{sakip}predikat:\n\
             \x20 - {{min: 91, nama: '=HYPERLINK(\"http://x.invalid\",\"klik\")'}}\n\
             \x20 - {{min: 76, nama: \"+tinggi\"}}\n\
             \x20 - {{min: 66, nama: \"-sedang\"}}\n\
             \x20 - {{min: 51, nama: \"@rendah\"}}\n\
             \x20 - {{nama: \"\\tsangat rendah\"}}\n"
        ),
    );
    site.replace(
        "content/2023/realisasi/tw1.yaml",
        "{indikator: C, realisasi: 4}",
        "{indikator: C, realisasi: \"-2,5\"}",
    );
    site
}

#[test]
fn formula_like_text_is_neutralised_and_negative_figures_stay_numbers() {
    let site = hostile_site();
    let out = site.path("public");
    let run = site.run(&["build", "--as-of", "2024-03-20", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let csv = std::fs::read_to_string(out.join("data/capaian.csv")).unwrap();
    // OWASP: a text cell starting with = + - @ or tab gets a leading '; the quotes inside the
    // formula are doubled by CSV quoting. C's TW1 realisation −2,5 (negatif, target 5):
    // (2·5 + 2.5) / 5 = 250.00; the cell stays the number -2.5, with no quote before it.
    assert_eq!(
        rows(&csv, "C"),
        [
            "C,2023,TW1,5,-2.5,,250.00,,belum,\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"klik\"\")\",,,",
            "C,2023,TW2,5,6,,80.00,,belum,'+tinggi,,,",
            "C,2023,TW3,5,5.5,,90.00,,belum,'+tinggi,,,",
            "C,2023,TW4,5,,,,,belum,,,,",
            "C,2023,TAHUN,5,3.00,,140.00,,belum,\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"klik\"\")\",,,",
        ]
    );
    // D's rejected TW4 (validated 0.00) is `sangat rendah`, here a tab first; 87.50 is `+tinggi`.
    assert_eq!(rows(&csv, "D")[3], "D,2023,TW4,,70,,87.50,0.00,ditolak,'\tsangat rendah,80,90,");
    // The JSON twin is read by programs, not spreadsheets: it keeps the names as written.
    let json = std::fs::read_to_string(out.join("data/capaian.json")).unwrap();
    assert!(json.contains("\"predikat\":\"+tinggi\""), "{json}");
    assert_valid_package(&out.join("data"));
}

#[test]
fn an_error_writes_nothing_and_keeps_the_previous_build() {
    let site = Site::from_fixture("compute");
    let out = site.path("public");
    let out_arg = out.to_str().unwrap();
    assert_eq!(site.run(&["build", "--as-of", "2024-03-20", "--output", out_arg]).code, 0);
    let before = std::fs::read(out.join("data/capaian.csv")).unwrap();
    site.replace("content/2023/realisasi/tw1.yaml", "realisasi: 785", "realisasi: \"tujuh\"");
    let run = site.run(&["build", "--as-of", "2024-03-20", "--output", out_arg]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("invalid-number"), "{}", run.stderr);
    assert_eq!(std::fs::read(out.join("data/capaian.csv")).unwrap(), before);
}

#[test]
fn a_fresh_error_build_creates_no_output_folder() {
    let site = Site::from_fixture("compute");
    site.replace("content/2023/validasi.yaml", "status: sah", "status: valid");
    let run = site.run(&["build", "--as-of", "2024-03-20"]);
    assert_eq!(run.code, 1);
    assert!(!site.path("public").exists());
}

#[test]
fn overflowing_sums_are_a_diagnostic_not_a_panic() {
    let site = Site::from_fixture("compute");
    // Two quarters of 6 × 10^28 each fit a Decimal alone (max ≈ 7.9 × 10^28) but not summed.
    let big = "\"60.000.000.000.000.000 triliun\"";
    site.replace("content/2023/realisasi/tw1.yaml", "\"Rp 2.000.000,50\"", big);
    site.replace("content/2023/realisasi/tw2.yaml", "\"3.000.000\"", big);
    let run = site.run(&["build", "--as-of", "2024-03-20"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("arithmetic-overflow"), "{}", run.stderr);
    assert!(!site.path("public").exists());
}

#[test]
fn two_builds_are_byte_identical() {
    let site = Site::from_fixture("compute");
    let (a, b) = (site.path("a"), site.path("b"));
    for out in [&a, &b] {
        assert_eq!(site.run(&["build", "--as-of", "2024-03-20", "--output", out.to_str().unwrap()]).code, 0);
    }
    for name in
        ["capaian.csv", "capaian.json", "tindak-lanjut.csv", "pelaporan.csv", "ikm.csv", "datapackage.json"]
    {
        let path = format!("data/{name}");
        assert_eq!(std::fs::read(a.join(&path)).unwrap(), std::fs::read(b.join(&path)).unwrap(), "{name}");
    }
}

#[test]
fn as_of_defaults_to_the_commit_date_of_head() {
    let site = Site::from_fixture("compute");
    site.commit_all();
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("as-of-today"), "{}", run.stderr);
    // With the commit's date (2024-03-20) R2 is 10 days past its deadline, as with --as-of.
    let csv = std::fs::read_to_string(site.path("public/data/tindak-lanjut.csv")).unwrap();
    assert!(csv.contains("EV-TW1,R2,2024-01-10,2024-03-10,lewat batas waktu,,10\n"), "{csv}");
}

#[test]
fn without_git_or_flag_the_clock_is_used_with_a_warning() {
    let site = Site::from_fixture("compute");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("as-of-today"), "{}", run.stderr);
}

/// The reference validator of the data package: scripts/test installs it into a virtual
/// environment under the target folder when `frictionless` is not on the PATH. Missing, the test
/// fails rather than skips, since a package nobody validated is what it guards against.
fn frictionless() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap_or(Path::new("target"));
    let venv = target.join("tools/frictionless/bin/frictionless");
    if venv.is_file() {
        return venv;
    }
    let on_path = Command::new("frictionless").arg("--version").output();
    if on_path.is_ok_and(|o| o.status.success()) {
        return PathBuf::from("frictionless");
    }
    panic!(
        "`frictionless` (PyPI) is missing: run scripts/test, which installs it with \
         `python3 -m venv {dir} && {dir}/bin/pip install 'frictionless>=5,<6'`",
        dir = target.join("tools/frictionless").display()
    );
}

fn assert_valid_package(data: &Path) {
    let run = Command::new(frictionless())
        .arg("validate")
        .arg(data.join("datapackage.json"))
        .output()
        .expect("run frictionless");
    assert!(
        run.status.success(),
        "frictionless validate failed:\n{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn the_data_package_of_the_fixture_passes_the_reference_validator() {
    let site = Site::from_fixture("compute");
    let out = site.path("public");
    assert_eq!(site.run(&["build", "--as-of", "2024-03-20", "--output", out.to_str().unwrap()]).code, 0);
    assert_valid_package(&out.join("data"));
}

#[test]
fn the_data_package_of_the_example_passes_the_reference_validator() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let run = common::run_in(
        common::crate_dir(),
        &["build", "--as-of", "2024-06-30", "--output", public.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_valid_package(&public.join("data"));
}

/// Build `tests/fixtures/pk` as of 2024-03-20 and return the text of `data/<name>`.
fn pk_exports() -> (Site, impl Fn(&str) -> String) {
    let site = Site::from_fixture("pk");
    let out = site.path("public");
    let run = site.run(&["build", "--as-of", "2024-03-20", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let read = move |name: &str| std::fs::read_to_string(out.join("data").join(name)).unwrap();
    (site, read)
}

#[test]
fn a_pk_revision_puts_its_target_in_force_and_keeps_the_original() {
    let (_site, read) = pk_exports();
    let csv = read("capaian.csv");
    assert!(csv.starts_with("indikator,tahun,periode,target,realisasi,realisasi_kumulatif,capaian,capaian_tervalidasi,status_validasi,predikat,target_min,target_maks,target_awal\n"));
    // X, kumulatif: Renstra 100; P1 (2023-10-02) revises it to 120, P2 (2023-11-15, listed
    // first) to 125: the later date wins. Realisations 25 + 25 + 25 + 22 = 97.
    // Year: 97 / 125 = 77.60 → tinggi (it was 97 / 100 = 97.00, sangat tinggi; with P1's 120
    // it would be 80.83). TW4's target 100 was the year's: now 125, 97 / 125 = 77.60.
    // TW3 keeps its 80: 75 / 80 = 93.75. target_awal 100 on the two revised rows only.
    assert_eq!(
        rows(&csv, "X"),
        [
            "X,2023,TW1,20,25,25,125.00,,belum,sangat tinggi,,,",
            "X,2023,TW2,50,25,50,100.00,,belum,sangat tinggi,,,",
            "X,2023,TW3,80,25,75,93.75,,belum,sangat tinggi,,,",
            "X,2023,TW4,125,22,97,77.60,,belum,tinggi,,,100",
            "X,2023,TAHUN,125,97,,77.60,,belum,tinggi,,,100",
        ]
    );
    // Y, terakhir and negatif: 10 revised to 8. Year = last level 9: (2·8 − 9) / 8 = 87.50 →
    // tinggi (against 10 it was (20 − 9) / 10 = 110.00). Only the LAST quarter's target is the
    // year's: TW3's 10 stays, (20 − 10) / 10 = 100.00.
    assert_eq!(
        rows(&csv, "Y"),
        [
            "Y,2023,TW1,12,12,,100.00,,belum,sangat tinggi,,,",
            "Y,2023,TW2,11,11,,100.00,,belum,sangat tinggi,,,",
            "Y,2023,TW3,10,10,,100.00,,belum,sangat tinggi,,,",
            "Y,2023,TW4,8,9,,87.50,,belum,tinggi,,,10",
            "Y,2023,TAHUN,8,9,,87.50,,belum,tinggi,,,10",
        ]
    );
    // Z, rata-rata: quarter targets are levels of their own quarter and stay 50; the year's 50
    // becomes 60. Mean (40 + 50 + 60 + 70) / 4 = 55.00; 55 / 60 = 91.666… → 91.67.
    assert_eq!(rows(&csv, "Z")[3], "Z,2023,TW4,50,70,,140.00,,belum,sangat tinggi,,,");
    assert_eq!(rows(&csv, "Z")[4], "Z,2023,TAHUN,60,55.00,,91.67,,belum,sangat tinggi,,,50");
    // W has no revision: target_awal stays empty.
    assert_eq!(rows(&csv, "W")[4], "W,2023,TAHUN,4,4,,100.00,,belum,sangat tinggi,,,");
    // The JSON twin carries the same column; null without a revision.
    let json: serde_json::Value = serde_json::from_str(&read("capaian.json")).unwrap();
    let year = |id: &str| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|r| r["indikator"] == id && r["periode"] == "TAHUN")
            .unwrap()
            .clone()
    };
    assert_eq!((year("X")["target"].clone(), year("X")["target_awal"].clone()), (json!("125"), json!("100")));
    assert_eq!(year("W")["target_awal"], serde_json::Value::Null);
}

#[test]
fn the_data_package_with_target_awal_passes_the_reference_validator() {
    let (site, _read) = pk_exports();
    let package: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.path("public/data/datapackage.json")).unwrap())
            .unwrap();
    let capaian = package["resources"].as_array().unwrap().iter().find(|r| r["name"] == "capaian").unwrap();
    let last = capaian["schema"]["fields"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((last["name"].clone(), last["type"].clone()), (json!("target_awal"), json!("number")));
    assert_valid_package(&site.path("public/data"));
}
