//! The evidence matrix, the year-end projection and the LKE evidence (SPEC §3.9, issue 9 items
//! 3–5) on `tests/fixtures/bukti`, whose every figure is worked out by hand in the comments
//! below: the exports `data/bukti.csv` and `data/proyeksi.csv`, and the pages in both languages.
//!
//! The fixture's 2024 has TW1–TW3 reported and no TW4: as of 2024-10-20 it is the current year;
//! as of 2025-01-05 it is finished and no page shows a projection.

mod common;

use std::path::PathBuf;

use common::Site;

/// Build the fixture as of `as_of`; the site and its output folder.
fn build(as_of: &str) -> (Site, PathBuf) {
    let site = Site::from_fixture("bukti");
    let out = site.path("public");
    let run = site.run(&["build", "--as-of", as_of, "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    (site, out)
}

fn read(out: &std::path::Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The visible text of a page's `<main>`.
fn text(html: &str) -> String {
    common::visible(&html[html.find("<main").unwrap_or(0)..])
}

#[test]
fn evidence_matrix_csv_has_one_row_per_indicator_quarter_and_kind() {
    let (_site, out) = build("2024-10-20");
    // K requires "Laporan izin terbit" every quarter and "Rekap izin semester" in TW2; T requires
    // "Katalog layanan daring" in TW1; R requires nothing and has no rows.
    // TW1: K supplies its report (a file) and, beyond the plan, "Foto kegiatan" (a link): the
    //      extra kind is `wajib` tidak, `disampaikan` ya. K TW1 is validated `sah`, T TW1
    //      `dikoreksi`.
    // TW2: K supplies the report but not the semester recap: the one missing evidence.
    // TW3: K's report is a link; "=Foto lapangan" is an extra kind whose text a spreadsheet would
    //      take for a formula, so it leaves with a leading `'`.
    // TW4: not reported yet, so K's required report is not supplied (SPEC: every quarter).
    assert_eq!(
        read(&out, "data/bukti.csv"),
        "tahun,triwulan,indikator,jenis,wajib,disampaikan,status_validasi\n\
         2024,1,K,Laporan izin terbit,ya,ya,sah\n\
         2024,1,K,Foto kegiatan,tidak,ya,sah\n\
         2024,1,T,Katalog layanan daring,ya,ya,dikoreksi\n\
         2024,2,K,Laporan izin terbit,ya,ya,belum\n\
         2024,2,K,Rekap izin semester,ya,tidak,belum\n\
         2024,3,K,Laporan izin terbit,ya,ya,belum\n\
         2024,3,K,'=Foto lapangan,tidak,ya,belum\n\
         2024,4,K,Laporan izin terbit,ya,tidak,belum\n"
    );
}

#[test]
fn projection_csv_after_each_quarter_for_each_aggregation() {
    let (_site, out) = build("2024-10-20");
    // K kumulatif positif, year target 100; quarters 20, 30, 27.
    //   TW1: 20 × 4 / 1 = 80.00 → 80 / 100 = 80.00 % < 90: tidak sesuai jalur.
    //   TW2: 50 × 4 / 2 = 100.00 → 100.00 %: sesuai jalur.
    //   TW3: 77 × 4 / 3 = 102.666… → P rounded first: 102.67 → 102.67 %: sesuai jalur.
    // T terakhir positif, target 80; levels 70, 75, not measured in TW3 (no projection then).
    //   TW1: 70.00 → 87.50 %: tidak sesuai jalur. TW2: 75.00 → 93.75 %: perlu perhatian.
    // R rata-rata negatif, target 10 days; 12, 9, 8.5.
    //   TW1: 12.00 → (20 − 12) / 10 = 80.00 %: tidak sesuai jalur.
    //   TW2: (12 + 9) / 2 = 10.50 → (20 − 10.5) / 10 = 95.00 %: perlu perhatian.
    //   TW3: 29.5 / 3 = 9.8333… → 9.83 → (20 − 9.83) / 10 = 101.70 %: sesuai jalur.
    // The cascading indicators have no quarters, so no projection.
    assert_eq!(
        read(&out, "data/proyeksi.csv"),
        "tahun,setelah,indikator,proyeksi,capaian_proyeksi,status\n\
         2024,TW1,K,80.00,80.00,tidak sesuai jalur\n\
         2024,TW1,T,70.00,87.50,tidak sesuai jalur\n\
         2024,TW1,R,12.00,80.00,tidak sesuai jalur\n\
         2024,TW2,K,100.00,100.00,sesuai jalur\n\
         2024,TW2,T,75.00,93.75,perlu perhatian\n\
         2024,TW2,R,10.50,95.00,perlu perhatian\n\
         2024,TW3,K,102.67,102.67,sesuai jalur\n\
         2024,TW3,R,9.83,101.70,sesuai jalur\n"
    );
    // The history stays in the export once the year is finished.
    let (_site, later) = build("2025-01-05");
    assert_eq!(read(&later, "data/proyeksi.csv"), read(&out, "data/proyeksi.csv"));
    let package = read(&out, "data/datapackage.json");
    assert!(package.contains("\"path\": \"bukti.csv\"") && package.contains("\"path\": \"proyeksi.csv\""));
}

#[test]
fn matrix_page_marks_missing_evidence_in_words_in_both_languages() {
    let (_site, out) = build("2024-10-20");
    let id = text(&read(&out, "tahun/2024/bukti-dukung/index.html"));
    // Required 6 (K: 1 + 2 + 1 + 1, T: 1), supplied 4 (K TW1, TW2 report, TW3; T TW1): 66.67 %.
    assert!(id.contains("Kelengkapan data dukung tahun ini: 66,67 % (4 dari 6 data dukung wajib)"), "{id}");
    // K TW2: one of two supplied, 50 %; the missing one is named with a symbol and a word.
    assert!(
        id.contains(
            "TW2 ✓ disampaikan: Laporan izin terbit ✗ belum disampaikan : Rekap izin semester – ○ belum divalidasi 50,00 % (1 dari 2)"
        ),
        "{id}"
    );
    assert!(
        id.contains("TW1 ✓ disampaikan: Laporan izin terbit Foto kegiatan ✓ sah 100,00 % (1 dari 1)"),
        "{id}"
    );
    // R requires nothing: no percentage, a dash.
    assert!(id.contains("TW1 tidak ada yang wajib – ○ belum divalidasi –"), "{id}");
    let en = text(&read(&out, "en/tahun/2024/bukti-dukung/index.html"));
    assert!(
        en.contains("Evidence completeness of the year: 66.67% (4 of 6 required evidence items)"),
        "{en}"
    );
    assert!(en.contains("✓ supplied: Laporan izin terbit ✗ missing : Rekap izin semester – ○ not validated yet 50.00% (1 of 2)"), "{en}");
    // The indicator page carries the same rows; the year page links the matrix.
    let k = text(&read(&out, "en/indikator/k/index.html"));
    assert!(k.contains("Evidence matrix 2024 Quarter Required evidence"), "{k}");
    assert!(read(&out, "tahun/2024/index.html").contains("href=bukti-dukung/"));
    // Both pages of every year are in the sitemap and the search index, in both languages.
    let sitemap = read(&out, "sitemap.xml");
    for path in ["tahun/2024/bukti-dukung/", "en/tahun/2024/lke/", "tahun/2025/lke/"] {
        assert!(sitemap.contains(&format!("<loc>https://contoh.go.id/kinerja/{path}</loc>")), "{path}");
    }
    let search = read(&out, "en/cari/indeks.js");
    assert!(search.contains("tahun/2024/bukti-dukung/") && search.contains("LKE evidence 2024"), "{search}");
}

#[test]
fn lke_evidence_page_counts_each_criterion_and_lists_what_falls_short() {
    let (_site, out) = build("2024-10-20");
    let id = text(&read(&out, "tahun/2024/lke/index.html"));
    // (a) Of 6 indicators (K, T, R, PR-1, KG-1, SK-1) only K has definisi, formula and
    //     sumber_data: 1 / 6 = 16.67 %; T lacks only the formula.
    // (b) Due by 2024-10-20: reports TW1 (5 Apr, on time), TW2 (10 Jul, late), TW3 (5 Oct, on
    //     time) and evaluations TW1–TW3 (none): 2 / 6 = 33.33 %.
    // (c) Cascading indicators with a 2024 target: PR-1 (programme), KG-1 (kegiatan); no PK yet:
    //     0 / 2 = 0.00 %; no sub-kegiatan indicator has a 2024 target: "–".
    // (d) Measured quarters: K 1–3, T 1–2, R 1–3 = 8; with a verdict K TW1, T TW1: 25.00 %.
    // (e) The matrix: 4 / 6 = 66.67 %. (f) No recommendation: "–".
    for expected in [
        "(a) Definisi operasional indikator (definisi, formula dan sumber data) 16,67 % 1 dari 6 indikator",
        "(b) Pengukuran berkala tepat waktu (laporan dan evaluasi triwulan) 33,33 % 2 dari 6 laporan",
        "(c) Pengukuran berjenjang (indikator cascading dalam perjanjian kinerja) 0,00 % 0 dari 2 indikator cascading",
        "(d) Data kinerja tervalidasi (triwulan terukur) 25,00 % 2 dari 8 triwulan terukur",
        "(e) Kelengkapan data dukung wajib 66,67 % 4 dari 6 data dukung wajib",
        "(f) Tindak lanjut rekomendasi tepat waktu – 0 dari 0 rekomendasi",
        "T : tanpa formula",
        "Laporan TW2 : terlambat",
        "Sub-kegiatan: – (0 dari 0)",
        "K TW2 : ✗ belum disampaikan: Rekap izin semester",
    ] {
        assert!(id.contains(expected), "missing {expected:?} in {id}");
    }
    let html = read(&out, "tahun/2024/lke/index.html");
    assert!(html.contains("href=../../../indikator/t/"), "the indicator without formula is linked");
    assert!(
        html.contains("href=../../../indikator/k/#bukti-dukung"),
        "the missing evidence is linked to the indicator's matrix (the year's lists only some)"
    );
    let en = text(&read(&out, "en/tahun/2024/lke/index.html"));
    assert!(en.contains("(a) Operational definitions of indicators (definition, formula and data source) 16.67% 1 of 6 indicators"), "{en}");
    assert!(en.contains("T : without formula"), "{en}");
}

#[test]
fn every_criterion_with_nothing_to_count_shows_a_dash() {
    let (_site, out) = build("2024-10-20");
    // 2025 has K's target and nothing else: no report due, no cascading target (SK-1's is in
    // 2026), no measured quarter, no rencana aksi, no recommendation. (a) does not depend on
    // the year and still counts 1 of 6.
    let page = text(&read(&out, "tahun/2025/lke/index.html"));
    for expected in [
        "(b) Pengukuran berkala tepat waktu (laporan dan evaluasi triwulan) – 0 dari 0 laporan",
        "(c) Pengukuran berjenjang (indikator cascading dalam perjanjian kinerja) – 0 dari 0 indikator cascading",
        "(d) Data kinerja tervalidasi (triwulan terukur) – 0 dari 0 triwulan terukur",
        "(e) Kelengkapan data dukung wajib – 0 dari 0 data dukung wajib",
        "(f) Tindak lanjut rekomendasi tepat waktu – 0 dari 0 rekomendasi",
        "Program: – (0 dari 0) Kegiatan: – (0 dari 0) Sub-kegiatan: – (0 dari 0)",
    ] {
        assert!(page.contains(expected), "missing {expected:?} in {page}");
    }
}

#[test]
fn projection_is_shown_for_the_current_year_only() {
    let (_site, out) = build("2024-10-20");
    let r = text(&read(&out, "indikator/r/index.html"));
    assert!(
        r.contains(
            "Proyeksi bila laju sama (setelah TW3 2024) Bukan hasil: angka akhir tahun bila laju sampai triwulan terakhir yang dilaporkan tetap sama. Hanya untuk tahun berjalan. Target 2024 10 hari Proyeksi akhir tahun 9,83 hari Capaian proyeksi 101,70 % Status sesuai jalur"
        ),
        "{r}"
    );
    // T was not measured in TW3: its projection is the one after TW2.
    let dashboard = text(&read(&out, "en/index.html"));
    assert!(
        dashboard.contains("T Share of online services (latest) after Q2 80% 75.00% 93.75% needs attention"),
        "{dashboard}"
    );
    assert!(dashboard.contains("Projection if the pace holds 2024"), "{dashboard}");
    // After 31 December the year is finished: no projection anywhere on the pages.
    let (_site, later) = build("2025-01-05");
    for page in ["index.html", "en/index.html", "indikator/r/index.html", "en/indikator/k/index.html"] {
        let html = read(&later, page);
        assert!(!html.contains("id=proyeksi"), "{page} shows a projection of a finished year");
    }
}

#[test]
fn a_performance_agreement_covers_cascading_indicators_for_criterion_c() {
    let site = Site::from_fixture("bukti");
    site.write(
        "content/2024/perjanjian-kinerja.yaml",
        "tahun: 2024\npk:\n  - id: PK-KABID\n    jenis: murni\n    tanggal: 2024-01-31\n    \
         pihak_pertama: {nama: Nama Contoh Kabid, jabatan: Kepala Bidang}\n    \
         pihak_kedua: {nama: Nama Contoh Kepala, jabatan: Kepala Dinas}\n    \
         indikator: [{id: PR-1, target: 4}]\n",
    );
    let out = site.path("public");
    let run = site.run(&["build", "--as-of", "2024-10-20", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let id = text(&read(&out, "tahun/2024/lke/index.html"));
    // The PK names PR-1 (programme) and not KG-1 (kegiatan): 1 / 2 = 50.00 % overall, the
    // programme level 1 / 1 = 100.00 %, the kegiatan level 0 / 1 = 0.00 %.
    for expected in [
        "(c) Pengukuran berjenjang (indikator cascading dalam perjanjian kinerja) 50,00 % 1 dari 2 indikator cascading",
        "Program: 100,00 % (1 dari 1)",
        "Kegiatan: 0,00 % (0 dari 1)",
    ] {
        assert!(id.contains(expected), "missing {expected:?} in {id}");
    }
}
