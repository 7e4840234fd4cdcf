//! The bundled example (DPMPTSP Kabupaten Purwakarta) builds, its IKU figures are the ones
//! worked out by hand below from the published realisations and the Pedoman's targets, and
//! rendered into memory it is the same site as on disk.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::crate_dir;
use sakip_site::build::{self, Options, Outcome};
use sakip_site::output::{MARKER, Memory};

fn build_example() -> (tempfile::TempDir, String) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let run = common::run_in(
        crate_dir(),
        &["build", "--as-of", "2024-06-30", "--output", public.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let csv = std::fs::read_to_string(public.join("data/capaian.csv")).unwrap();
    (out, csv)
}

fn row<'a>(csv: &'a str, prefix: &str) -> &'a str {
    csv.lines().find(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("no row {prefix} in\n{csv}"))
}

#[test]
fn investment_realisation_against_75_trillion() {
    let (_out, csv) = build_example();
    // Published own-quarter realisations 3,29 / 5,70 / 1,76 triliun, TW4 4,05 derived;
    // cumulative targets 15 / 35 / 55 / 75 triliun (the Pedoman's 75 triliun for the year).
    // TW1: 3,29 / 15 = 21.933… → 21.93
    // TW2: 3,29 + 5,70 = 8,99; 8,99 / 35 = 25.685… → 25.69
    // TW3: 8,99 + 1,76 = 10,75; 10,75 / 55 = 19.545… → 19.55
    // TW4: 10,75 + 4,05 = 14,80; 14,8 / 75 = 19.733… → 19.73; all below 51 → sangat rendah.
    let expect = [
        "IKU-1,2023,TW1,15000000000000,3290000000000,3290000000000,21.93,21.93,sah,sangat rendah,,,",
        "IKU-1,2023,TW2,35000000000000,5700000000000,8990000000000,25.69,25.69,sah,sangat rendah,,,",
        "IKU-1,2023,TW3,55000000000000,1760000000000,10750000000000,19.55,19.55,sah,sangat rendah,,,",
        "IKU-1,2023,TW4,75000000000000,4050000000000,14800000000000,19.73,19.73,sah,sangat rendah,,,",
        "IKU-1,2023,TAHUN,75000000000000,14800000000000,,19.73,19.73,sah,sangat rendah,,,",
    ];
    for line in expect {
        let key: Vec<&str> = line.splitn(4, ',').take(3).collect();
        assert_eq!(row(&csv, &key.join(",")), line);
    }
    // 2022: the published 8,78 triliun with no target in the Pedoman: no achievement.
    assert_eq!(row(&csv, "IKU-1,2022,TAHUN"), "IKU-1,2022,TAHUN,,8780000000000,,,,belum,,,,");
}

#[test]
fn ikm_against_82_50_from_the_survey_tallies() {
    let (_out, csv) = build_example();
    // S1 (TW2), 400 respondents: Σ value × count over the nine unsur =
    // 1338 + 1304 + 1277 + 1392 + 1287 + 1311 + 1287 + 1267 + 1306 = 11769;
    // IKM = 25 × 11769 / (9 × 400) = 81.729… → 81.73; against 82,00: 99.670… → 99.67.
    // S2 (TW4), 420 respondents: 1421 + 1385 + 1360 + 1475 + 1370 + 1393 + 1370 + 1349 + 1390
    // = 12513; IKM = 25 × 12513 / (9 × 420) = 82.757… → 82.76; against 82,50: 100.315… → 100.32.
    assert_eq!(row(&csv, "IKU-2,2023,TW2"), "IKU-2,2023,TW2,82.00,81.73,,99.67,99.67,sah,sangat tinggi,,,");
    assert_eq!(row(&csv, "IKU-2,2023,TW4"), "IKU-2,2023,TW4,82.50,82.76,,100.32,100.32,sah,sangat tinggi,,,");
    assert_eq!(
        row(&csv, "IKU-2,2023,TAHUN"),
        "IKU-2,2023,TAHUN,82.50,82.76,,100.32,100.32,sah,sangat tinggi,,,"
    );
    // Quarters without a survey have no realisation and no achievement (blank, not 0).
    assert_eq!(row(&csv, "IKU-2,2023,TW1"), "IKU-2,2023,TW1,,,,,,belum,,,,");
}

#[test]
fn rendered_into_memory_it_is_the_disk_build_file_for_file() {
    let options = Options {
        root: crate_dir().to_path_buf(),
        as_of: chrono::NaiveDate::from_ymd_opt(2024, 6, 30),
        base_url: None,
        pdf: true,
    };
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let Outcome::Ready(_) = build::build(&options, &public).unwrap() else {
        panic!("the example has errors")
    };
    let Outcome::Ready(mut prepared) = build::prepare(&options).unwrap() else { panic!("errors") };
    // `build` collects the change history from git before it renders; so does this render.
    prepared.history = sakip_site::history::collect(&options.root, prepared.as_of.date);
    let memory = Memory::default();
    build::render(&mut prepared, &options, &memory);
    assert!(!prepared.checked.diagnostics.has_errors());
    let mut on_disk = BTreeMap::new();
    read_tree(&public, "", &mut on_disk);
    // The marker is the disk's own: it says who may replace the folder.
    on_disk.remove(MARKER);
    // The checksums are of the bytes each sink was given, so the preview lists the same ones.
    let listed = ["unduh/SHA256SUMS", "unduh/2023/pengukuran-kinerja-2023.xlsx"];
    for path in ["index.html", "en/index.html", "data/capaian.csv", "sitemap.xml"].into_iter().chain(listed) {
        assert!(on_disk.contains_key(path), "the disk build has {path}");
    }
    assert!(on_disk.keys().any(|p| p.starts_with("bukti/")), "the disk build has the evidence");
    assert_eq!(memory.paths(), on_disk.keys().cloned().collect::<Vec<_>>());
    for (path, bytes) in &on_disk {
        assert!(memory.get(path).as_ref() == Some(bytes), "{path} differs");
    }
}

/// Every file under `dir`, by its path relative to the tree's top (`/` separators).
fn read_tree(dir: &Path, prefix: &str, files: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let path = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type().unwrap().is_dir() {
            read_tree(&entry.path(), &format!("{path}/"), files);
        } else {
            files.insert(path, std::fs::read(entry.path()).unwrap());
        }
    }
}
