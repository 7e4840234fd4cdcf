//! Long lists in the PDFs (docs/reports.md, "Long lists"; issue 14 item 9): above 200 rows, a
//! table of cascading indicators or of rencana aksi entries becomes a count per programme with a
//! sentence naming the workbook sheet that holds every row, while every IKU stays in full. The
//! fixture is `minimal` plus a programme of 210 cascading indicators whose first-quarter
//! figures are chosen so that the counts can be checked by hand.
//!
//! Needs poppler-utils (`pdftotext`); `scripts/test` installs it.
#![cfg(feature = "pdf")]

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

/// Cascading indicators of the added programme: more than the 200-row limit.
const N: usize = 260;

/// `minimal` with programme 2.18.04 holding PK-L-1 … PK-L-260, each planned at 10 documents a
/// quarter. In TW1, PK-L-1 … 100 report 12 (120 %: reached), PK-L-101 … 210 report 5 (50 %:
/// below) and PK-L-211 … 260 report nothing.
fn site() -> common::Site {
    let site = common::Site::minimal();
    let mut programme =
        String::from("  - kode: \"2.18.04\"\n    nama: Program Uji Beban\n    sasaran: S2\n    indikator:\n");
    let mut plan = String::new();
    let mut tw1 = String::new();
    for k in 1..=N {
        let _ = write!(
            programme,
            "      - id: PK-L-{k}\n        nama: Dokumen uji {k}\n        satuan: dokumen\n        \
             polaritas: positif\n        agregasi: terakhir\n        target: {{2023: 10}}\n"
        );
        let _ = write!(
            plan,
            "  - id: PK-L-{k}\n    penanggung_jawab: Bidang Uji\n    target_triwulan: [10, 10, 10, 10]\n"
        );
        let realisasi = match k {
            1..=100 => Some(12),
            101..=210 => Some(5),
            _ => None,
        };
        if let Some(r) = realisasi {
            let _ = write!(tw1, "  - indikator: PK-L-{k}\n    realisasi: {r}\n");
        }
    }
    let cascading = site.read("content/cascading.yaml");
    site.write("content/cascading.yaml", format!("{cascading}{programme}"));
    let rencana = site.read("content/2023/rencana-aksi.yaml");
    site.write("content/2023/rencana-aksi.yaml", format!("{rencana}{plan}"));
    let realisasi = site.read("content/2023/realisasi/tw1.yaml");
    site.write("content/2023/realisasi/tw1.yaml", format!("{realisasi}{tw1}"));
    site
}

/// The text of `pdf`, its words joined by single spaces (no-break spaces as spaces).
fn words(pdf: &Path) -> String {
    let output =
        Command::new("pdftotext").arg("-layout").arg(pdf).arg("-").output().unwrap_or_else(|e| {
            panic!("pdftotext is needed ({e}): install poppler-utils or run scripts/test")
        });
    assert!(output.status.success(), "pdftotext {}", pdf.display());
    let text = String::from_utf8_lossy(&output.stdout).replace('\u{a0}', " ");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_has(text: &str, what: &[&str], file: &str) {
    for w in what {
        assert!(text.contains(w), "{file} lacks {w:?}:\n{text}");
    }
}

#[test]
fn above_the_limit_cascading_indicators_are_counted_per_programme_and_every_iku_stays() {
    let site = site();
    let (_out, public) = common::build_in(site.root(), &[]);

    let tw1 = words(&public.join("unduh/2023/laporan-tw1-2023.pdf"));
    // 260 added + PK-1 of the fixture = 261 cascading indicators with a TW1 row.
    assert_has(
        &tw1,
        &[
            "IKU-2 Indeks Kepuasan Masyarakat",
            "IKU-3 Rata-rata waktu penyelesaian izin",
            "Tabel ini merangkum 261 indikator cascading per program karena daftarnya lebih dari 200 baris",
            "buku kerja unduh/2023/pengukuran-kinerja-2023.xlsx (lembar \"Realisasi triwulan\") dan data/capaian.csv",
            // Indicators, reached, below, no achievement: 260 = 100 + 110 + 50.
            "2.18.04 Program Uji Beban 260 100 110 50",
            // PK-1: 9 against the TW1 target 10 = 90 %, validated sah: below.
            "2.18.03 Program Promosi Penanaman Modal 1 0 1 0",
            // The projection of the 210 + 1 with a TW1 figure ("terakhir": the last value):
            // 12 → 120 % sesuai jalur, 5 → 50 % tidak sesuai jalur; PK-1 (kumulatif) 9 × 4 =
            // 36 against 40 = 90 % perlu perhatian.
            "Tabel ini merangkum 211 indikator cascading per program",
            "data/proyeksi.csv",
            "2.18.04 Program Uji Beban 100 0 110 0",
            "2.18.03 Program Promosi Penanaman Modal 0 1 0 0",
        ],
        "laporan-tw1-2023.pdf",
    );
    assert!(!tw1.contains("PK-L-"), "a cascading indicator's row in laporan-tw1-2023.pdf:\n{tw1}");

    let lkjip = words(&public.join("unduh/2023/lkjip-2023.pdf"));
    assert_has(
        &lkjip,
        &[
            "IKU-2 Indeks Kepuasan Masyarakat",
            "IKU-3 Rata-rata waktu penyelesaian izin",
            "Lampiran 1 Rencana Aksi",
            "Lampiran 2 Daftar Data Dukung",
            "Tabel ini merangkum 261 rencana aksi indikator cascading per program",
            "buku kerja unduh/2023/pengukuran-kinerja-2023.xlsx (lembar \"Rencana aksi\")",
            // Entries and the evidence kinds they require: PK-1 lists two, PK-L-… none.
            "2.18.04 Program Uji Beban 260 0",
            "2.18.03 Program Promosi Penanaman Modal 1 2",
        ],
        "lkjip-2023.pdf",
    );
    assert!(!lkjip.contains("PK-L-"), "a cascading indicator's row in lkjip-2023.pdf:\n{lkjip}");
    // `minimal` has no analisis.yaml: its IKU name no programmes, so BAB III shows S1's
    // programme (2.18.03, pagu 1,2 miliar) once, under its own heading.
    let heading = "Program Pendukung Sasaran S1 Meningkatnya investasi";
    assert_eq!(lkjip.matches(heading).count(), 1, "{lkjip}");
    assert_has(
        &lkjip,
        &["Program pendukung sasaran S1: serapan anggaran dan efisiensi", "Rp 1.200.000.000"],
        "lkjip-2023.pdf",
    );
}

/// `minimal` with IKU-X-1 … IKU-X-20 added to sasaran S2 (22 IKU, above the limit of 20), each
/// planned at 10 documents in 2023 and in each quarter of the rencana aksi, reporting 12 in TW1.
fn many_iku() -> common::Site {
    let site = common::Site::minimal();
    let mut renstra = site.read("content/renstra.yaml");
    let mut tw1 = site.read("content/2023/realisasi/tw1.yaml");
    let mut plan = site.read("content/2023/rencana-aksi.yaml");
    for k in 1..=20 {
        let _ = write!(
            plan,
            "  - id: IKU-X-{k}\n    penanggung_jawab: Bidang Uji\n    target_triwulan: [10, 10, 10, 10]\n"
        );
        let _ = write!(
            renstra,
            "          - id: IKU-X-{k}\n            nama: Dokumen IKU uji {k}\n            satuan: dokumen\n            \
             polaritas: positif\n            agregasi: terakhir\n            target: {{2023: 10}}\n"
        );
        let _ = write!(tw1, "  - indikator: IKU-X-{k}\n    realisasi: 12\n");
    }
    site.write("content/renstra.yaml", renstra);
    site.write("content/2023/realisasi/tw1.yaml", tw1);
    site.write("content/2023/rencana-aksi.yaml", plan);
    site
}

/// The words of `name` (a PDF of 2023) of the [`many_iku`] site, which is built once for all the
/// tests that read it: a build with its PDFs each would repeat the same work six times.
fn many_iku_words(name: &str) -> &'static str {
    static WORDS: OnceLock<BTreeMap<&'static str, String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let site = many_iku();
        let (_out, public) = common::build_in(site.root(), &[]);
        ["lkjip-2023.pdf", "laporan-tw1-2023.pdf"]
            .into_iter()
            .map(|pdf| (pdf, words(&public.join("unduh/2023").join(pdf))))
            .collect()
    });
    words.get(name).unwrap_or_else(|| panic!("{name} is not read from the many-IKU site"))
}

#[test]
fn above_twenty_iku_the_lkjip_leaves_the_quarters_to_the_quarterly_reports_and_says_where() {
    let lkjip = many_iku_words("lkjip-2023.pdf");
    assert_has(
        lkjip,
        &[
            "Karena indikator kinerja utama berjumlah lebih dari 20 indikator, target dan realisasi per triwulan \
             tidak diulang di sini; angka setiap triwulan ada pada laporan capaian kinerja triwulan",
            // Every IKU keeps its section and its year: 12 against 10 = 120 %.
            "IKU-X-20 Dokumen IKU uji 20",
            "capaian 120,00 %",
        ],
        "lkjip-2023.pdf",
    );
    // No IKU's table of quarters (their caption), and no legend of those tables.
    assert!(!lkjip.contains("per triwulan, 2023"), "a quarter table in lkjip-2023.pdf:\n{lkjip}");
    assert!(!lkjip.contains("kum. = realisasi kumulatif"), "{lkjip}");
    // IKU-3's earlier years in a sentence, not a table: 2022's realisation 7,5 (renstra.yaml) and
    // 2023's 7,75, a change of 7,75 − 7,5 = 0,25 hari.
    assert_has(
        lkjip,
        &[
            "Perbandingan IKU-3 dengan tahun-tahun sebelumnya: 2022 target 7 hari – 9 hari, realisasi 7,5 hari",
            "2023 target 7 hari – 8 hari, realisasi 7,75 hari, perubahan dari tahun sebelumnya 0,25 hari",
        ],
        "lkjip-2023.pdf",
    );
    assert!(!lkjip.contains("Perubahan dari tahun sebelumnya"), "a table of earlier years:\n{lkjip}");
    // The quarters are in the quarterly report, every IKU in its Tabel 1.
    let tw1 = many_iku_words("laporan-tw1-2023.pdf");
    assert_has(tw1, &["IKU-X-1 Dokumen IKU uji 1", "IKU-X-20 Dokumen IKU uji 20"], "laporan-tw1-2023.pdf");
}

#[test]
fn above_twenty_iku_the_quarterly_report_charts_only_the_iku_below_target() {
    let tw1 = many_iku_words("laporan-tw1-2023.pdf");
    // Of the 22 IKU in TW1: IKU-X-1 … 20 report 12 against 10 (120 %, reached), IKU-3 reports
    // 7,5 within its range 7–8 (100 %, reached), IKU-2 has no TW1 target (no achievement): one
    // chart, IKU-2's.
    assert_has(
        tw1,
        &[
            "Karena indikator kinerja utama berjumlah lebih dari 20 indikator, grafik hanya disajikan untuk \
             indikator yang capaian resminya triwulan ini di bawah 100 % atau belum ada (1 dari 22 indikator); \
             angka setiap indikator ada pada Tabel 1.",
            "Target dan realisasi IKU-2 sampai triwulan 1",
        ],
        "laporan-tw1-2023.pdf",
    );
    for reached in ["IKU-3", "IKU-X-1", "IKU-X-20"] {
        let caption = format!("Target dan realisasi {reached} sampai triwulan 1");
        assert!(!tw1.contains(&caption), "a chart of {reached}, which reached its target:\n{tw1}");
    }
}

#[test]
fn above_twenty_iku_the_quarterly_projection_lists_only_the_iku_not_on_track() {
    let tw1 = many_iku_words("laporan-tw1-2023.pdf");
    // The projections after TW1 of the 21 IKU with a TW1 figure: IKU-X-1 … 20 ("terakhir")
    // project their 12 against 10 = 120 %, sesuai jalur; IKU-3 ("rata-rata", negative) its
    // 7,5 within the range 7–8 = 100 %, sesuai jalur. None is off track.
    assert_has(
        tw1,
        &[
            "Karena indikator kinerja utama berjumlah lebih dari 20 indikator, tabel ini hanya memuat indikator \
             kinerja utama yang proyeksinya belum sesuai jalur (perlu perhatian, tidak sesuai jalur atau tanpa \
             status; 0 dari 21 indikator); proyeksi setiap indikator ada pada data/proyeksi.csv.",
        ],
        "laporan-tw1-2023.pdf",
    );
    let start = tw1.find("Tabel 4 Proyeksi").unwrap_or_else(|| panic!("no Tabel 4:\n{tw1}"));
    let end = tw1[start..].find("Grafik Capaian").map_or(tw1.len(), |n| start + n);
    let tabel4 = &tw1[start..end];
    for on_track in ["IKU-3", "IKU-X-1 ", "IKU-X-20"] {
        assert!(!tabel4.contains(on_track), "{on_track} is on track, yet in Tabel 4:\n{tabel4}");
    }
    // PK-1, a cascading indicator, keeps its row: 9 × 4 = 36 against 40 = 90 %, perlu perhatian.
    assert_has(tabel4, &["PK-1", "36,00 investor", "90,00 %", "perlu perhatian"], "Tabel 4");
}

#[test]
fn above_twenty_iku_the_executive_summary_counts_the_iku_per_predicate() {
    let lkjip = many_iku_words("lkjip-2023.pdf");
    // The 22 IKU's year in the fixture's scale (≥ 91 sangat baik, ≥ 76 baik, else kurang):
    // IKU-X-1 … 20 at 12 against 10 = 120 % and IKU-2 (IKM 83,14 against 82,50 = 100,78 %) are
    // sangat baik; IKU-3's year was rejected (ditolak: validated 0 %), kurang.
    assert_has(
        lkjip,
        &[
            "Karena indikator kinerja utama berjumlah lebih dari 20 indikator, Tabel 1 menghitung indikator per \
             predikat capaian tahun 2023; target, realisasi dan capaian setiap indikator ada pada Tabel 3.1 \
             Pengukuran Kinerja (Bab III).",
            "Tabel 1 Ringkasan capaian IKU menurut predikat Predikat Jumlah IKU sangat baik 21 baik 0 kurang 1 \
             belum ada capaian tahunan 0 Jumlah 22",
        ],
        "lkjip-2023.pdf",
    );
    // No IKU row before BAB I; every IKU's figures once, in Tabel 3.1.
    let bab1 = lkjip.find("BAB I PENDAHULUAN Latar").unwrap_or_else(|| panic!("no BAB I:\n{lkjip}"));
    assert!(!lkjip[..bab1].contains("IKU-X-1 "), "an IKU row in the executive summary:\n{lkjip}");
    let tabel31 = &lkjip[lkjip.find("Tabel 3.1 Pengukuran").unwrap_or_default()..];
    assert_has(tabel31, &["IKU-X-20", "10 dokumen 12 dokumen 120,00 % sangat baik"], "Tabel 3.1");
}

#[test]
fn above_twenty_iku_the_lkjip_gives_the_renstra_and_pk_targets_in_one_table() {
    let lkjip = many_iku_words("lkjip-2023.pdf");
    let start = lkjip.find("Tabel 2.1 Sasaran").unwrap_or_else(|| panic!("no Tabel 2.1:\n{lkjip}"));
    let end = lkjip.find("C. Program dan Anggaran Tabel 2.3").unwrap_or(lkjip.len());
    let bab2 = &lkjip[start..end];
    // Each IKU-X planned at 10 dokumen for 2023, the Renstra's last year (2019–2023), without
    // a PK revision: 10 dokumen as the Renstra's, the PK's and the end target.
    assert_has(
        bab2,
        &[
            "Tabel 2.1 Sasaran strategis dan indikator kinerja utama dengan target Perjanjian Kinerja",
            "IKU-X-20 Dokumen IKU uji 20 dokumen 10 dokumen 10 dokumen 10 dokumen",
            "Target kinerja tahun 2023 yang diperjanjikan oleh Kepala DC kepada Kepala Daerah ada pada kolom \
             Target PK Tabel 2.1: karena indikator kinerja utama berjumlah lebih dari 20 indikator, target \
             Renstra dan target Perjanjian Kinerja disajikan dalam satu tabel.",
        ],
        "lkjip-2023.pdf, BAB II",
    );
    assert!(!lkjip.contains("Tabel 2.2"), "a Tabel 2.2 besides the merged Tabel 2.1:\n{bab2}");
}

#[test]
fn above_twenty_iku_the_iku_tables_of_the_lkjip_give_each_sasaran_once_above_its_iku() {
    let lkjip = many_iku_words("lkjip-2023.pdf");
    let section = |from: &str, to: &str| {
        let start = lkjip.find(from).unwrap_or_else(|| panic!("no {from:?}:\n{lkjip}"));
        let end = lkjip[start..].find(to).map_or(lkjip.len(), |n| start + n);
        lkjip[start..end].to_string()
    };
    // The fixture's sasaran: S1 "Meningkatnya investasi" with IKU-2, S2 "Pelayanan perizinan
    // yang cepat" with IKU-3 and IKU-X-1 … 20 (21 IKU). Each is written once per table, as the
    // row above its first IKU, not in a column of each of its 21 rows.
    let tabel21 = section("Tabel 2.1 Sasaran", "C. Program dan Anggaran");
    let tabel31 = section("Tabel 3.1 Pengukuran Kinerja tahun", "B. Analisis Capaian");
    for (name, table) in [("Tabel 2.1", &tabel21), ("Tabel 3.1", &tabel31)] {
        assert_eq!(table.matches("Meningkatnya investasi").count(), 1, "{name}:\n{table}");
        assert_eq!(table.matches("Pelayanan perizinan yang cepat").count(), 1, "{name}:\n{table}");
    }
    assert_has(
        &tabel21,
        &[
            "Sasaran strategis S1: Meningkatnya investasi IKU-2 Indeks Kepuasan Masyarakat indeks",
            "Sasaran strategis S2: Pelayanan perizinan yang cepat IKU-3 Rata-rata waktu penyelesaian izin hari",
        ],
        "Tabel 2.1",
    );
    // Tabel 3.1 numbers the IKU on across the groups: IKU-2 is 1, IKU-3 2, IKU-X-20 22.
    assert_has(
        &tabel31,
        &[
            "Sasaran strategis S1: Meningkatnya investasi 1 IKU-2 Indeks Kepuasan Masyarakat",
            "Sasaran strategis S2: Pelayanan perizinan yang cepat 2 IKU-3 Rata-rata waktu penyelesaian izin",
            "22 IKU-X-20 Dokumen IKU uji 20 10 dokumen 12 dokumen 120,00 % sangat baik",
        ],
        "Tabel 3.1",
    );
}
