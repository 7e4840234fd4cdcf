//! The PDF reports of the bundled example, read back with poppler (`pdftotext`, `pdffonts`):
//! the LKjIP has its chapters and the validated figures in Indonesian format, the quarterly
//! reports and the performance agreement hold their figures and parties, every font is
//! embedded, two builds give the same bytes, and content cannot inject typst code.
//!
//! Needs poppler-utils (`pdftotext`, `pdffonts`); `scripts/test` installs them.
#![cfg(feature = "pdf")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::crate_dir;

/// The example built once for every test of this file: (kept folder, `public/`).
fn example() -> &'static Path {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &BUILT.get_or_init(|| common::build_in(crate_dir(), &[])).1
}

/// Run a poppler tool on `pdf` (then `after`), failing with the install command when it is
/// missing.
fn poppler(tool: &str, args: &[&str], pdf: &Path, after: &[&str]) -> String {
    let output = Command::new(tool).args(args).arg(pdf).args(after).output().unwrap_or_else(|e| {
        panic!("{tool} is needed ({e}): install poppler-utils (`apt-get install poppler-utils`) or run scripts/test")
    });
    assert!(output.status.success(), "{tool} {}: {}", pdf.display(), String::from_utf8_lossy(&output.stderr));
    // No-break spaces join figures to their units; compare with plain spaces.
    String::from_utf8_lossy(&output.stdout).replace('\u{a0}', " ")
}

fn text(pdf: &Path) -> String {
    poppler("pdftotext", &["-layout"], pdf, &["-"])
}

fn assert_has(text: &str, what: &[&str], file: &str) {
    for w in what {
        assert!(text.contains(w), "{file} lacks {w:?}:\n{text}");
    }
}

#[test]
fn the_lkjip_has_its_chapters_and_the_validated_figures_in_indonesian() {
    let pdf = example().join("unduh/2023/lkjip-2023.pdf");
    let text = text(&pdf);
    let chapters = [
        "DAFTAR ISI",
        "IKHTISAR EKSEKUTIF",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN",
    ];
    assert_has(&text, &chapters, "lkjip-2023.pdf");
    // Cover: the agency, the year and the head of agency's name at the signature.
    assert_has(&text, &["TAHUN 2023", "DINAS PENANAMAN MODAL", "Hariman Budi Anggoro"], "lkjip-2023.pdf");
    // IKU-1: quarters 3,29 + 5,70 + 1,76 + 4,05 = 14,80 triliun against 75 triliun:
    // 14,8 / 75 = 0,19733… → 19,73 %, below 51 → sangat rendah.
    // IKU-2: the last survey's IKM 82,76 against 82,50: 100,315… → 100,32 %, sangat tinggi.
    let figures = [
        "Rp 75,00 triliun",
        "Rp 14,80 triliun",
        "19,73 %",
        "sangat rendah",
        "82,76",
        "100,32 %",
        "sangat tinggi",
    ];
    assert_has(&text, &figures, "lkjip-2023.pdf");
    // The first survey's IKM: 25 × 11769 / (9 × 400) = 81,729… → 81,73, mutu B.
    assert_has(&text, &["81,73 (B)", "U1 persyaratan", "Pengukuran Kinerja"], "lkjip-2023.pdf");
    // Page numbers in the footer.
    assert!(text.contains("Halaman 1 dari"), "page numbers:\n{text}");
}

#[test]
fn each_reported_quarter_has_its_report_with_the_quarter_figures() {
    for q in 1..=4 {
        let pdf = example().join(format!("unduh/2023/laporan-tw{q}-2023.pdf"));
        assert!(pdf.is_file(), "laporan-tw{q}-2023.pdf is written");
    }
    let text = text(&example().join("unduh/2023/laporan-tw2-2023.pdf"));
    // TW2 of IKU-1: own realisation 5,70 triliun, cumulative 3,29 + 5,70 = 8,99 triliun against
    // the cumulative target 35 triliun: 8,99 / 35 = 0,25685… → 25,69 %.
    let tw2 = ["TRIWULAN II TAHUN 2023", "Rp 35,00 triliun", "Rp 5,70 triliun", "Rp 8,99 triliun", "25,69 %"];
    assert_has(&text, &tw2, "laporan-tw2-2023.pdf");
    // IKU-2 in TW2: the first survey, 81,73 against 82,00: 99,670… → 99,67 %.
    assert_has(&text, &["81,73", "99,67 %", "Evaluasi Triwulan 2"], "laporan-tw2-2023.pdf");
    // The two IKU charts stand side by side: their captions share a line of the laid-out text.
    let captions = text.lines().find(|line| line.contains("IKU-1 sampai triwulan 2"));
    assert!(
        captions.is_some_and(|line| line.contains("IKU-2 sampai triwulan 2")),
        "the charts of IKU-1 and IKU-2 are not side by side:\n{text}"
    );
}

#[test]
fn the_performance_agreement_names_both_parties_and_the_targets() {
    let text = text(&example().join("unduh/2023/perjanjian-kinerja-2023.pdf"));
    let expected = [
        "PERJANJIAN KINERJA TAHUN 2023",
        "Bupati Purwakarta",
        "PIHAK PERTAMA",
        "PIHAK KEDUA",
        // The parties of the head of agency's murni PK in perjanjian-kinerja.yaml (sample names),
        // which take the place of sakip.yaml's head when the file exists.
        "Nama Contoh Kepala Dinas",
        "Pembina / IV a",
        "NIP. 000000000000000001",
        "Rp 75,00 triliun",
        "82,50",
    ];
    assert_has(&text, &expected, "perjanjian-kinerja-2023.pdf");
}

/// Every PDF under `unduh/` of `public`.
fn pdfs(public: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(public.join("unduh/2023"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    out.sort();
    out
}

#[test]
fn every_font_is_embedded() {
    let all = pdfs(example());
    assert_eq!(all.len(), 6, "LKjIP, four quarterly reports and the PK: {all:?}");
    for pdf in all {
        let fonts = poppler("pdffonts", &[], &pdf, &[]);
        // name type encoding emb sub uni object ID: after two header lines, one font a line.
        let lines: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!lines.is_empty(), "{} has fonts", pdf.display());
        for line in lines {
            let cols: Vec<&str> = line.split_whitespace().collect();
            let emb = cols.get(cols.len().saturating_sub(5)).copied();
            assert_eq!(emb, Some("yes"), "{}: not embedded: {line}", pdf.display());
        }
    }
}

#[test]
fn two_builds_give_the_same_bytes() {
    let (_keep, again) = common::build_in(crate_dir(), &[]);
    for pdf in pdfs(example()) {
        let name = pdf.file_name().unwrap();
        let other = again.join("unduh/2023").join(name);
        assert!(
            std::fs::read(&pdf).unwrap() == std::fs::read(&other).unwrap(),
            "{name:?} differs between builds"
        );
    }
}

#[test]
fn content_cannot_inject_typst_code() {
    let site = common::Site::from_fixture("minimal");
    let evil = r#"Dinas #set page(width: 1cm) ]\" $x$ <lbl> @ref"#;
    let sakip = site.read("content/sakip.yaml");
    let first = sakip.lines().find(|l| l.trim_start().starts_with("nama:")).expect("a nama line").to_string();
    let indent = &first[..first.len() - first.trim_start().len()];
    site.write("content/sakip.yaml", sakip.replacen(&first, &format!("{indent}nama: '{evil}'"), 1));
    let (_keep, public) = common::build_in(site.root(), &[]);
    let pk = std::fs::read_dir(public.join("unduh"))
        .unwrap()
        .flat_map(|y| std::fs::read_dir(y.unwrap().path()).unwrap())
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("perjanjian-kinerja"))
        .expect("a performance agreement");
    let text = text(&pk);
    // The name is printed as written (upper-cased in the heading), and the page is still A4.
    assert!(text.contains(r#"Dinas #set page(width: 1cm) ]\" $x$ <lbl> @ref"#), "{text}");
    let info = Command::new("pdfinfo").arg(&pk).output().expect("pdfinfo (poppler-utils)");
    assert!(String::from_utf8_lossy(&info.stdout).contains("595.276 x 841.89 pts (A4)"));
}

#[test]
fn every_pdf_is_listed_with_its_checksum_and_linked_from_its_year() {
    let public = example();
    let sums = std::fs::read_to_string(public.join("unduh/SHA256SUMS")).unwrap();
    let page = std::fs::read_to_string(public.join("unduh/index.html")).unwrap();
    let year = std::fs::read_to_string(public.join("tahun/2023/index.html")).unwrap();
    let indicator = std::fs::read_to_string(public.join("indikator/iku-1/index.html")).unwrap();
    // IKU-1 has figures in 2022 and 2023: its page links both years' workbooks and 2023's PDFs.
    for name in [
        "lkjip-2023.pdf",
        "laporan-tw2-2023.pdf",
        "pengukuran-kinerja-2023.xlsx",
        "pengukuran-kinerja-2022.xlsx",
    ] {
        assert!(indicator.contains(name), "the indicator page links {name}");
    }
    // The example's 2023 has four quarterly files: the LKjIP, four quarterly reports and the PK.
    let pdfs =
        ["lkjip-2023.pdf", "laporan-tw1-2023.pdf", "laporan-tw4-2023.pdf", "perjanjian-kinerja-2023.pdf"];
    for name in pdfs {
        let line = sums.lines().find(|l| l.ends_with(&format!("  unduh/2023/{name}")));
        let sum =
            line.unwrap_or_else(|| panic!("{name} not in SHA256SUMS:\n{sums}")).split(' ').next().unwrap();
        assert!(page.contains(sum), "the downloads page shows {name}'s checksum");
        assert!(year.contains(name), "the year page links {name}");
    }
}

#[test]
fn the_lkjip_carries_the_analysis_of_each_iku() {
    let text = text(&example().join("unduh/2023/lkjip-2023.pdf")).replace('\u{a0}', " ");
    // content/2023/analisis.yaml: IKU-1's standard is 9,50 triliun; the realisation 14,80
    // triliun is 14,80 / 9,50 × 100 = 155,789… ≈ 155,79 % of it.
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_has(
        &joined,
        &[
            "Standar pembanding: Rp 9,50 triliun",
            "realisasi Rp 14,80 triliun = 155,79 % dari standar",
            "Faktor pendukung",
            "Pendampingan calon penanam modal sejak tahap minat sampai perizinan terbit.",
            "Tahun 2023 adalah tahun terakhir Renstra 2018–2023.",
        ],
        "lkjip-2023.pdf",
    );
}

#[test]
fn every_pk_of_the_file_has_its_pdf_and_a_revision_says_so_with_its_basis() {
    let public = example();
    // content/2023/perjanjian-kinerja.yaml: three murni PKs and one perubahan.
    for id in ["PK-KADIS-2023", "PK-KABID-PM-2023", "PK-KABID-PP-2023", "PK-KABID-PM-2023-P"] {
        assert!(public.join(format!("unduh/2023/pk/{id}.pdf")).is_file(), "{id}.pdf");
    }
    let revision = text(&public.join("unduh/2023/pk/PK-KABID-PM-2023-P.pdf")).replace('\u{a0}', " ");
    let joined = revision.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_has(
        &joined,
        &[
            "PERJANJIAN KINERJA PERUBAHAN TAHUN 2023",
            "PK Perubahan, menggantikan PK-KABID-PM-2023; dasar: Perda Kabupaten Purwakarta Nomor 5 Tahun 2023",
            "28 September 2023",
            "Nama Contoh Kepala Bidang Penanaman Modal",
            "NIP. 000000000000000002",
            // The revised target of PK-2.18.03-1: 40 in the murni PK, 45 here and in force.
            "PK-2.18.03-1 Jumlah peminat investasi yang difasilitasi 45 investor 45 investor",
        ],
        "PK-KABID-PM-2023-P.pdf",
    );
    // The agency-level PK takes the head of agency's murni PK: its parties and its date.
    let agency = text(&public.join("unduh/2023/perjanjian-kinerja-2023.pdf"));
    assert_has(
        &agency,
        &["Nama Contoh Bupati", "Purwakarta, 31 Januari 2023", "NIP. 000000000000000001"],
        "perjanjian-kinerja-2023.pdf",
    );
}

#[test]
fn a_quarterly_report_shows_evidence_completeness_and_the_year_end_projection() {
    let tw2 = text(&example().join("unduh/2023/laporan-tw2-2023.pdf")).replace('\u{a0}', " ");
    let joined = tw2.split_whitespace().collect::<Vec<_>>().join(" ");
    // IKU-1 (kumulatif) after TW2: 8,99 triliun × 4 / 2 = 17,98 triliun; 17,98 / 75 × 100 =
    // 23,97 % < 90: tidak sesuai jalur. IKU-2's one required kind in TW2 (Laporan SKM) was
    // supplied: 1 / 1 = 100,00 %.
    assert_has(
        &joined,
        &[
            "Kelengkapan Data Dukung",
            "IKU-2 Indeks Kepuasan Masyarakat 1 1 100,00 %",
            "Proyeksi Akhir Tahun bila Laju Sama",
            "Rp 17,98 triliun 23,97 % tidak sesuai jalur",
        ],
        "laporan-tw2-2023.pdf",
    );
    // After the fourth quarter the year is measured, not projected.
    let tw4 = text(&example().join("unduh/2023/laporan-tw4-2023.pdf"));
    assert!(!tw4.contains("Proyeksi Akhir Tahun"), "laporan-tw4-2023.pdf projects a finished year");
}
