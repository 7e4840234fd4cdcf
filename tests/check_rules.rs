//! Every rule of `sakip-site check` (SPEC §2–§4, issue 3 item 4): the minimal fixture broken in
//! one place gives exactly one diagnostic with the rule's code, at the file, line and column of
//! the offending value, computed from the patched text; errors exit 1, warnings alone exit 0.

mod common;

use common::{At, Sev, Site};

const SAKIP: &str = "content/sakip.yaml";
const RENSTRA: &str = "content/renstra.yaml";
const CASCADING: &str = "content/cascading.yaml";
const RA: &str = "content/2023/rencana-aksi.yaml";
const TW1: &str = "content/2023/realisasi/tw1.yaml";
const TW2: &str = "content/2023/realisasi/tw2.yaml";
const TW3: &str = "content/2023/realisasi/tw3.yaml";
const TW4: &str = "content/2023/realisasi/tw4.yaml";
const VALIDASI: &str = "content/2023/validasi.yaml";
const EVALUASI: &str = "content/2023/evaluasi.yaml";
const TIM: &str = "content/2023/tim.yaml";
const SKM: &str = "content/2023/skm.yaml";
const LKE: &str = "content/2023/lke.yaml";
const TENTANG: &str = "content/halaman/tentang.md";

/// The minimal fixture with `from` replaced by `to` in `file`.
fn broken(file: &str, from: &str, to: &str) -> Site {
    let site = Site::minimal();
    site.replace(file, from, to);
    site
}

/// The quarterly targets of the cumulative indicator PK-1 in the rencana aksi.
const PK1_TARGETS: &str = "[10, 20, 30, 40]";

#[test]
fn the_minimal_fixture_is_valid() {
    Site::minimal().check().assert_clean();
}

#[test]
fn unknown_key_suggests_the_closest_known_key() {
    let site = broken(TW1, "    catatan: Realisasi", "    catatn: Realisasi");
    site.check().error("unknown-key", &site.find(TW1, "catatn")).says(&["`catatn`", "`catatan`"]);
}

#[test]
fn wrong_type_points_at_the_value() {
    let site = broken(TW1, "catatan: Realisasi triwulan 1.", "catatan: [Realisasi, triwulan]");
    site.check().error("wrong-type", &site.at(TW1, "catatan:", "["));
}

#[test]
fn bad_enum_value_lists_the_allowed_values() {
    let site = broken(VALIDASI, "status: sah", "status: syah");
    site.check()
        .error("invalid-value", &site.at(VALIDASI, "status: syah", "syah"))
        .says(&["`syah`", "`sah`, `dikoreksi`, `ditolak`"]);
}

#[test]
fn invalid_id_is_reported_at_the_id() {
    let site = broken(EVALUASI, "id: EV-TW1", "id: EV TW1");
    site.check().error("invalid-id", &site.at(EVALUASI, "id: EV TW1", "EV TW1"));
}

#[test]
fn duplicate_ids_are_reported_at_the_second_use() {
    // (file, from, to with a `# dup` mark on the line of the second use, the duplicated id).
    let cases = [
        (RENSTRA, "      - id: S2", "      - id: S1  # dup", "S1"),
        (EVALUASI, "  - id: EV-TAHUN", "  - id: EV-TW1  # dup", "EV-TW1"),
        (EVALUASI, "      - id: R2", "      - id: R1  # dup", "R1"),
        (CASCADING, "kode: \"2.18.03.2.01.0001\"", "kode: \"2.18.03.2.01\"  # dup", "\"2.18.03.2.01\""),
        (SKM, "  - periode: TW4", "  - periode: TW2  # dup", "TW2"),
        // A second entry for one indicator in a year's rencana aksi, or in a quarter's file.
        (
            RA,
            "  - id: IKU-3\n",
            "  - id: IKU-2  # dup\n    penanggung_jawab: B\n    target_triwulan: [~, \"82,00\", ~, \"82,50\"]\n  - id: IKU-3\n",
            "IKU-2",
        ),
        (
            TW1,
            "  - indikator: IKU-3\n",
            "  - indikator: IKU-3\n    realisasi: \"7,5\"\n  - indikator: IKU-3  # dup\n",
            "IKU-3",
        ),
        (
            VALIDASI,
            "  - indikator: PK-1\n    triwulan: 2",
            "  - indikator: PK-1  # dup\n    triwulan: 1",
            "PK-1",
        ),
    ];
    for (file, from, to, id) in cases {
        let site = broken(file, from, to);
        site.check().error("duplicate-id", &site.at(file, "# dup", id));
    }
}

#[test]
fn indicator_ids_share_one_namespace_across_renstra_and_cascading() {
    let site = broken(
        CASCADING,
        "        nama: Penyelenggaraan promosi penanaman modal\n",
        "        nama: Penyelenggaraan promosi penanaman modal\n        indikator:\n          \
         - {id: IKU-3, nama: Kembar, satuan: hari, polaritas: negatif, agregasi: rata-rata}\n",
    );
    let first = site.find(RENSTRA, "id: IKU-3");
    site.check()
        .error("duplicate-id", &site.at(CASCADING, "nama: Kembar", "IKU-3"))
        // The first use is in another file: the message must say which.
        .says(&[&format!("{RENSTRA}:{}", first.line)]);
}

#[test]
fn duplicate_page_slug_in_one_language() {
    let site = broken("content/halaman/about.md", "lang: en", "lang: id");
    site.check().error("duplicate-id", &At::file(TENTANG));
}

#[test]
fn dangling_references_are_reported_where_they_are_written() {
    let cases = [
        (RA, "  - id: IKU-3", "  - id: IKU-9", "IKU-9"),
        (TW1, "  - indikator: IKU-3", "  - indikator: IKU-33", "IKU-33"),
        (VALIDASI, "  - indikator: IKU-3", "  - indikator: PK-2", "PK-2"),
        (EVALUASI, "indikator: [PK-1]", "indikator: [PK-9]", "PK-9"),
        (CASCADING, "    sasaran: S1", "    sasaran: S3", "S3"),
    ];
    for (file, from, to, id) in cases {
        let site = broken(file, from, to);
        site.check().error("dangling-reference", &site.find(file, id)).says(&[&format!("`{id}`")]);
    }
}

#[test]
fn dangling_reference_suggests_the_closest_id() {
    let site = broken(TW1, "  - indikator: IKU-3", "  - indikator: IKU-33");
    site.check().error("dangling-reference", &site.find(TW1, "IKU-33")).says(&["`IKU-3`?"]);
}

#[test]
fn year_folder_and_tahun_must_agree() {
    for file in [VALIDASI, TW3, RA] {
        let site = broken(file, "tahun: 2023", "tahun: 2022");
        site.check().error("year-mismatch", &site.find(file, "2022"));
    }
}

#[test]
fn quarter_file_and_triwulan_must_agree() {
    let site = broken(TW2, "triwulan: 2", "triwulan: 3");
    site.check().error("quarter-mismatch", &site.at(TW2, "triwulan: 3", "3"));
}

#[test]
fn four_quarterly_targets() {
    let site = broken(RA, PK1_TARGETS, "[10, 20, 40]");
    site.check().error("target-count", &site.at(RA, "[10, 20, 40]", "target_triwulan")).says(&["3"]);
}

#[test]
fn last_quarterly_target_equals_the_year_target() {
    // Cumulative PK-1 (year target 40) and terakhir IKU-2 (year target "82,50").
    let cases = [(PK1_TARGETS, "[10, 20, 30, 45]", "45"), ("~, \"82,50\"]", "~, \"83,00\"]", "\"83,00\"")];
    for (from, to, last) in cases {
        let site = broken(RA, from, to);
        site.check().error("target-mismatch", &site.find(RA, last));
    }
}

#[test]
fn decreasing_cumulative_targets_are_a_warning() {
    let site = broken(RA, PK1_TARGETS, "[10, 25, 20, 40]");
    site.check().warning("decreasing-target", &site.find(RA, "20, 40]"));
}

#[test]
fn range_target_on_a_cumulative_indicator() {
    let site = broken(RA, PK1_TARGETS, "[\"5 s.d. 10\", 20, 30, 40]");
    site.check().error("range-target-cumulative", &site.find(RA, "\"5 s.d. 10\""));
}

#[test]
fn range_bounds_must_be_in_order() {
    let site = broken(RENSTRA, "2023: \"7 s.d. 8\"", "2023: \"8 s.d. 7\"");
    site.check().error("invalid-range", &site.find(RENSTRA, "\"8 s.d. 7\"")).says(&["8 s.d. 7"]);
    let site = broken(RA, "{min: 7, maks: 8}", "{min: 8, maks: 7}");
    site.check().error("invalid-range", &site.find(RA, "{min: 8")).says(&["min: 8, maks: 7"]);
}

#[test]
fn positif_indicator_with_target_zero() {
    let site = broken(RA, PK1_TARGETS, "[0, 20, 30, 40]");
    site.check().error("zero-target", &site.find(RA, "0, 20"));
}

#[test]
fn realisation_in_renstra_and_in_quarterly_files() {
    let site = broken(RENSTRA, "realisasi: {2022: \"7,5\"}", "realisasi: {2022: \"7,5\", 2023: 8}");
    site.check().error("duplicate-realisation", &site.at(RENSTRA, "2023: 8}", "8}"));
}

#[test]
fn each_year_folder_is_judged_with_its_own_files() {
    // PK-1 aims at 30 in 2022 and 40 in 2023, and each year's rencana aksi ends at its own
    // year's target; 2022's quarter reports PK-1 only, while IKU-3's 2022 realisation is written
    // in the Renstra. Read into the wrong year, a rencana aksi would miss its year's target, and
    // 2023's quarters (which report IKU-3) would make the 2022 realisation one given twice.
    let site = Site::minimal();
    site.replace(CASCADING, "target: {2023: 40}", "target: {2022: 30, 2023: 40}");
    site.mkdir("content/2022/realisasi")
        .write(
            "content/2022/rencana-aksi.yaml",
            "tahun: 2022\nindikator:\n  - id: PK-1\n    penanggung_jawab: Bidang Promosi\n    target_triwulan: [5, 10, 20, 30]\n",
        )
        .write(
            "content/2022/realisasi/tw1.yaml",
            "tahun: 2022\ntriwulan: 1\ndilaporkan: {oleh: Tim Penyusun, tanggal: 2022-04-05}\ncapaian:\n  - indikator: PK-1\n    realisasi: 9\n",
        );
    site.check().assert_clean();
    // 2023's rencana aksi ending at 2022's target is held against 2023's.
    site.replace(RA, PK1_TARGETS, "[10, 20, 30, 30]");
    site.check().error("target-mismatch", &site.at(RA, "[10, 20, 30, 30]", "30]"));
    site.replace(RA, "[10, 20, 30, 30]", PK1_TARGETS);
    // And the 2022 folder finds a realisation given twice in its own quarter.
    site.replace("content/2022/realisasi/tw1.yaml", "indikator: PK-1", "indikator: IKU-3");
    site.check().error("duplicate-realisation", &site.at(RENSTRA, "realisasi: {2022: \"7,5\"}", "\"7,5\"}"));
}

#[test]
fn realisation_from_the_survey_and_from_a_quarterly_file() {
    // The S1 survey gives IKU-2 its TW2 realisation.
    let site = Site::minimal();
    let tw2 = site.read(TW2) + "  - indikator: IKU-2\n    realisasi: 81\n";
    site.write(TW2, tw2);
    site.check().error("duplicate-realisation", &site.at(TW2, "realisasi: 81", "81"));
}

#[test]
fn realisation_from_the_survey_and_from_renstra() {
    let site = broken(
        RENSTRA,
        "target: {2023: \"82,50\"}",
        "target: {2023: \"82,50\"}\n            realisasi: {2023: 81}",
    );
    site.check().error("duplicate-realisation", &site.at(RENSTRA, "realisasi: {2023: 81}", "81"));
}

#[test]
fn validation_verdicts_need_what_their_status_requires() {
    // (line removed, status word at which the error is reported, the key named in the message).
    let cases = [
        ("    capaian_terkoreksi: \"95,00\"\n", "dikoreksi", "capaian_terkoreksi"),
        ("    alasan: Dua peminat tercatat ganda.\n", "dikoreksi", "alasan"),
        ("    alasan: Rekap waktu belum ditandatangani.\n", "ditolak", "alasan"),
    ];
    for (line, status, key) in cases {
        let site = broken(VALIDASI, line, "");
        site.check()
            .error("incomplete-validation", &site.at(VALIDASI, &format!("status: {status}"), status))
            .says(&[&format!("`{key}`")]);
    }
}

#[test]
fn selesai_follow_up_needs_its_date() {
    let site = broken(EVALUASI, "          selesai: 2023-05-20\n", "");
    site.check().error("missing-completion-date", &site.at(EVALUASI, "status: selesai", "selesai"));
}

#[test]
fn dates_must_exist() {
    let site = broken(TW1, "tanggal: 2023-04-05", "tanggal: 2023-02-30");
    site.check().error("invalid-date", &site.find(TW1, "2023-02-30")).says(&["`2023-02-30`"]);
}

#[test]
fn survey_counts_must_sum_to_responden() {
    for counts in ["[0, 1, 6, 4]", "[1, 6, 3]"] {
        let site = broken(SKM, "U1: [0, 1, 6, 3]", &format!("U1: {counts}"));
        site.check().error("survey-count", &site.at(SKM, "U1: [", "U1"));
    }
}

#[test]
fn survey_has_exactly_one_of_unsur_and_nrr() {
    let site = Site::minimal();
    let nrr_line = site.read(SKM).lines().find(|l| l.contains("nrr:")).unwrap().to_string();
    // Neither: the nrr survey keeps only its responden.
    let neither = broken(SKM, &nrr_line, "    responden: 10");
    neither.check().error("survey-source", &neither.at(SKM, "- periode: TW4", "periode"));
    // Both: the tallies survey also gets scores.
    site.replace(SKM, "    unsur:\n", &format!("{nrr_line}\n    unsur:\n"));
    site.check().error("survey-source", &site.at(SKM, "- periode: S1", "periode"));
}

#[test]
fn nrr_and_lke_scores_must_be_in_range() {
    for nrr in ["\"4,31\"", "\"0,99\""] {
        let site = broken(SKM, "U1: \"3,31\"", &format!("U1: {nrr}"));
        site.check().error("out-of-range", &site.find(SKM, nrr));
    }
    let site = broken(LKE, "pengukuran: 78", "pengukuran: 101");
    site.check().error("out-of-range", &site.find(LKE, "101"));
}

#[test]
fn evidence_file_must_exist() {
    let site = Site::minimal();
    site.remove("content/2023/dukung/tw1.pdf");
    site.check()
        .error("missing-file", &site.find(TW1, "dukung/tw1.pdf"))
        .says(&["content/2023/dukung/tw1.pdf"]);
    // Evidence with neither a file nor a link cannot be checked by readers: a warning.
    let site = broken(TW1, "{jenis: Daftar hadir, berkas: dukung/tw1.pdf}", "{jenis: Daftar hadir}");
    site.check().warning("missing-file", &site.find(TW1, "{jenis: Daftar hadir}"));
}

#[test]
fn evidence_path_must_stay_inside_content() {
    for path in ["../sakip.yaml", "dukung/../../../etc/passwd", "/etc/passwd", "C:/Windows/win.ini"] {
        let site = broken(TW1, "berkas: dukung/tw1.pdf", &format!("berkas: {path}"));
        site.check().error("path-escape", &site.find(TW1, path));
    }
}

#[test]
fn evidence_symlink_leaving_content_is_refused() {
    // A link by absolute path and one by relative path, both to a file next to content/.
    for absolute in [true, false] {
        let site = broken(TW1, "dukung/tw1.pdf", "dukung/keluar.pdf");
        site.write("rahasia.txt", "not part of the site\n");
        let target = if absolute { site.path("rahasia.txt") } else { "../../../rahasia.txt".into() };
        site.symlink(target, "content/2023/dukung/keluar.pdf");
        site.check().error("path-escape", &site.find(TW1, "dukung/keluar.pdf"));
    }
}

#[test]
fn evidence_in_a_symlinked_folder_leaving_content_is_refused() {
    // The file itself is a regular file; the folder that holds it is a link out of content/.
    // Two quarters cite it, so the second finds the folder already judged.
    let site = broken(TW1, "dukung/tw1.pdf", "dukung/luar/rahasia.pdf");
    site.replace(TW2, "dukung/tw2.pdf", "dukung/luar/rahasia.pdf");
    site.mkdir("luar").write("luar/rahasia.pdf", "not part of the site\n");
    site.symlink(site.path("luar"), "content/2023/dukung/luar");
    site.check().expect(&[
        (Sev::Error, "path-escape", &site.find(TW1, "dukung/luar/rahasia.pdf")),
        (Sev::Error, "path-escape", &site.find(TW2, "dukung/luar/rahasia.pdf")),
    ]);
}

#[test]
fn dangling_evidence_symlink_is_refused() {
    let site = broken(TW1, "dukung/tw1.pdf", "dukung/hilang.pdf");
    site.symlink("tidak-ada.pdf", "content/2023/dukung/hilang.pdf");
    site.check().error("path-escape", &site.find(TW1, "dukung/hilang.pdf"));
}

#[test]
fn evidence_symlink_inside_content_is_accepted() {
    let site = Site::minimal();
    site.symlink("tw2.pdf", "content/2023/dukung/sama.pdf");
    site.replace(TW1, "dukung/tw1.pdf", "dukung/sama.pdf");
    site.check().assert_clean();
}

#[test]
fn evidence_must_be_a_regular_file() {
    let site = Site::minimal();
    site.mkdir("content/2023/dukung/folder.pdf");
    site.replace(TW1, "dukung/tw1.pdf", "dukung/folder.pdf");
    site.check().error("not-a-file", &site.find(TW1, "dukung/folder.pdf"));
}

#[test]
fn links_must_be_http() {
    for link in ["javascript:alert(1)", "ftp://contoh.go.id/rekap", "file:///etc/passwd"] {
        let site = broken(TW2, "https://contoh.go.id/rekap", link);
        site.check().error("invalid-link", &site.find(TW2, &format!("\"{link}\""))).says(&[link]);
    }
    let site = broken(SAKIP, "situs: https://contoh.go.id", "situs: javascript:alert(1)");
    site.check().error("invalid-link", &site.find(SAKIP, "javascript:alert(1)"));
}

#[test]
fn required_evidence_not_reported_is_a_warning() {
    // Reported under another kind: the warning is on the quarter's entry.
    let site = broken(TW3, "{jenis: Daftar hadir", "{jenis: Foto kegiatan");
    site.check()
        .warning("missing-evidence", &site.at(TW3, "indikator: PK-1", "PK-1"))
        .says(&["Daftar hadir", "TW3"]);
    // Required only in TW4 and missing there.
    let site = broken(TW4, "      - {jenis: Laporan tahunan, berkas: ./dukung/laporan-tahunan.pdf}\n", "");
    site.check().warning("missing-evidence", &site.at(TW4, "indikator: PK-1", "PK-1")).says(&["TW4"]);
    // The indicator is not reported at all that quarter: the warning is on the requirement.
    let pk1 = "  - indikator: PK-1\n    realisasi: 10\n    catatan: Realisasi triwulan 3.\n    data_dukung:\n      - {jenis: Daftar hadir, berkas: dukung/tw3.pdf}\n";
    let site = broken(TW3, pk1, "");
    site.check().warning("missing-evidence", &site.at(RA, "- jenis: Daftar hadir", "Daftar hadir"));
}

#[test]
fn missing_required_key_is_reported_at_its_parent() {
    let site = broken(SAKIP, "  pemerintah: Kabupaten Contoh\n", "");
    site.check().error("missing-key", &site.find(SAKIP, "instansi:")).says(&["`pemerintah`"]);
    let site = broken(TW1, "{oleh: Tim Penyusun, tanggal: 2023-04-05}", "{oleh: Tim Penyusun}");
    site.check().error("missing-key", &site.find(TW1, "dilaporkan")).says(&["`tanggal`"]);
    let site = broken(TIM, "{nama: Anggota Contoh, jabatan: Pelaksana, ", "{nama: Anggota Contoh, ");
    site.check().error("missing-key", &site.at(TIM, "Anggota Contoh", "{")).says(&["`jabatan`"]);
    // A block mapping in a list: at its first key.
    let site = broken(TW1, "  - indikator: IKU-3\n    realisasi: \"7,5\"\n", "  - indikator: IKU-3\n");
    site.check()
        .error("missing-key", &site.at(TW1, "- indikator: IKU-3", "indikator"))
        .says(&["`realisasi`"]);
    // A missing top-level key: at the first key of the file.
    let site = broken(VALIDASI, "tahun: 2023\n", "");
    site.check().error("missing-key", &site.find(VALIDASI, "validasi:")).says(&["`tahun`"]);
}

#[test]
fn missing_required_file() {
    let site = Site::minimal();
    site.remove(SAKIP);
    site.check().error("missing-key", &At::file(SAKIP)).says(&[SAKIP]);
}

#[test]
fn plain_number_with_thousands_dot_is_ambiguous() {
    let site = broken(TW1, "realisasi: 9\n", "realisasi: 1.250\n");
    site.check().warning("ambiguous-number", &site.find(TW1, "1.250")).says(&["\"1.250\""]);
}

#[test]
fn invalid_numbers_quote_the_text() {
    for text in ["satu juta", "1,2,3"] {
        let site = broken(TW1, "\"7,5\"", &format!("\"{text}\""));
        site.check()
            .error("invalid-number", &site.find(TW1, &format!("\"{text}\"")))
            .says(&[&format!("`{text}`")]);
    }
}

#[test]
fn predicate_scale_must_be_well_formed() {
    // (band changed, the band it becomes): not decreasing, last band with `min`, a middle band
    // without `min`.
    let cases = [
        ("{min: 76, nama: baik}", "{min: 95, nama: baik}"),
        ("{nama: kurang}", "{min: 10, nama: kurang}"),
        ("{min: 76, nama: baik}", "{nama: baik}"),
    ];
    for (from, to) in cases {
        let site = broken(SAKIP, from, to);
        site.check().error("predicate-scale", &site.at(SAKIP, to, "{"));
    }
}

#[test]
fn evaluation_period_must_fit_its_kind() {
    let site = broken(EVALUASI, "periode: TW1", "periode: TAHUN  # berkala");
    site.check().error("evaluation-period", &site.at(EVALUASI, "# berkala", "TAHUN"));
}

#[test]
fn page_needs_front_matter() {
    let site = Site::minimal();
    site.write(TENTANG, "# Tentang\n\nTanpa front matter.\n");
    site.check().error("front-matter", &At::file(TENTANG));
}

#[test]
fn report_sections_need_front_matter_with_a_chapter_from_1_to_4() {
    const BAGIAN: &str = "content/2023/laporan/01-pendahuluan.md";
    let site = Site::minimal();
    site.write(BAGIAN, "# Pendahuluan\n\nTanpa front matter.\n");
    site.check().error("front-matter", &At::file(BAGIAN));
    site.write(BAGIAN, "---\nbab: 5\njudul: Pendahuluan\n---\nIsi.\n");
    site.check().error("out-of-range", &site.at(BAGIAN, "bab: 5", "5"));
    site.write(BAGIAN, "---\nbab: 1\njudul: Pendahuluan\n---\nIsi.\n");
    site.check().assert_clean();
    site.write("content/2023/laporan/catatan.txt", "x\n");
    site.check().warning("unknown-file", &At::file("content/2023/laporan/catatan.txt"));
}

#[test]
fn year_outside_the_renstra_period_is_a_warning() {
    let site = broken(RENSTRA, "target: {2023: \"82,50\"}", "target: {2018: 80, 2023: \"82,50\"}");
    site.check().warning("outside-period", &site.at(RENSTRA, "2018: 80", "80"));
}

#[test]
fn unknown_files_are_a_warning() {
    for file in ["content/2023/validasi.yml", "content/2023/realisasi/tw5.yaml", "content/README.md"] {
        let site = Site::minimal();
        site.write(file, "tahun: 2023\n");
        site.check().warning("unknown-file", &At::file(file));
    }
}

#[test]
fn dates_after_the_as_of_date_are_a_warning() {
    let site = broken(TW4, "tanggal: 2023-12-20", "tanggal: 2025-01-06");
    site.check().warning("future-date", &site.find(TW4, "2025-01-06"));
}

#[test]
fn unreadable_file_is_reported() {
    // A dangling symbolic link cannot be read, whoever runs the tests (root reads any mode).
    let site = Site::minimal();
    site.remove(TIM);
    site.symlink("nowhere.yaml", TIM);
    site.check().error("unreadable", &At::file(TIM));
}

#[test]
fn content_file_linking_out_of_content_is_not_read() {
    let site = Site::minimal();
    site.write("rahasia.yaml", "kata_sandi: rahasia\n");
    site.remove(TIM);
    site.symlink(site.path("rahasia.yaml"), TIM);
    let check = site.check();
    check.error("path-escape", &At::file(TIM));
    assert!(!check.run.stdout.contains("kata_sandi"), "{}", check.run.stdout);
}

#[test]
fn all_diagnostics_of_a_run_are_reported_at_once_sorted_by_file_and_line() {
    let site = Site::minimal();
    // Broken in an order unlike the sorted one.
    site.replace(RENSTRA, "2023: \"7 s.d. 8\"", "2023: \"8 s.d. 7\"");
    site.replace(VALIDASI, "status: sah", "status: syah");
    site.replace(TW2, "triwulan: 2", "triwulan: 3");
    site.replace(VALIDASI, "tahun: 2023", "tahun: 2022");
    site.check().expect(&[
        (Sev::Error, "quarter-mismatch", &site.at(TW2, "triwulan: 3", "3")),
        (Sev::Error, "year-mismatch", &site.find(VALIDASI, "2022")),
        (Sev::Error, "invalid-value", &site.find(VALIDASI, "syah")),
        (Sev::Error, "invalid-range", &site.find(RENSTRA, "\"8 s.d. 7\"")),
    ]);
}

#[test]
fn a_rejected_field_does_not_make_the_indicator_dangle_everywhere() {
    // One typo in `polaritas` is one error: the indicator's uses still resolve.
    let site = broken(RENSTRA, "polaritas: negatif", "polaritas: negative");
    site.check().expect(&[(Sev::Error, "invalid-value", &site.find(RENSTRA, "negative"))]);
}

#[test]
fn empty_predicate_scale_and_empty_text_are_errors() {
    let site = Site::minimal();
    site.write(SAKIP, format!("{}predikat: []\n", site.read(SAKIP).split("predikat:").next().unwrap()));
    site.check().error("predicate-scale", &site.at(SAKIP, "predikat: []", "predikat"));
    let site = broken(TIM, "jabatan: Kepala Dinas", "jabatan: \"\"");
    site.check().error("wrong-type", &site.at(TIM, "jabatan: \"\"", "\"\""));
}

#[test]
fn completion_before_receipt_is_an_error_and_stray_fields_are_warnings() {
    let site = broken(EVALUASI, "selesai: 2023-05-20", "selesai: 2023-04-01");
    site.check().error("invalid-date", &site.find(EVALUASI, "2023-04-01"));
    let site = broken(
        EVALUASI,
        "{jenis: reward, status: proses}",
        "{jenis: reward, status: proses, selesai: 2023-05-01}",
    );
    site.check().warning("invalid-value", &site.find(EVALUASI, "2023-05-01"));
    let site = broken(VALIDASI, "status: sah", "status: sah\n    capaian_terkoreksi: 90");
    site.check().warning("invalid-value", &site.at(VALIDASI, "capaian_terkoreksi: 90", "90"));
}

#[test]
fn a_page_file_name_that_cannot_be_an_address_needs_a_slug() {
    let site = Site::minimal();
    site.write("content/halaman/Tentang Kami.md", "---\ntitle: Tentang kami\n---\nIsi.\n");
    site.check().error("invalid-id", &At::file("content/halaman/Tentang Kami.md"));
}

#[test]
fn indicator_ids_differing_only_in_case_would_share_a_page() {
    let extra = "        target: {2023: 40}\n      - {id: iku-2, nama: Salinan, satuan: unit, polaritas: positif, agregasi: terakhir}";
    let site = broken(CASCADING, "        target: {2023: 40}", extra);
    site.check().error("duplicate-id", &site.at(CASCADING, "{id: iku-2", "iku-2")).says(&["`iku-2`"]);
}

#[test]
fn a_page_slug_may_not_name_a_generated_path_in_any_letter_case() {
    const ABOUT: &str = "content/halaman/about.md";
    let upper = sakip_site::site::GENERATED.iter().map(|name| name.to_uppercase());
    for slug in sakip_site::site::GENERATED.iter().map(|name| name.to_string()).chain(upper) {
        let site = broken(ABOUT, "slug: tentang", &format!("slug: {slug}"));
        site.check().error("reserved-slug", &site.at(ABOUT, "slug:", &slug)).says(&[&format!("`{slug}`")]);
    }
    // The file name is the slug when the page gives none.
    let site = Site::minimal();
    site.write("content/halaman/Cari.md", "---\ntitle: Cari\n---\nIsi.\n");
    site.check().error("reserved-slug", &At::file("content/halaman/Cari.md"));
}

#[test]
fn page_slugs_differing_only_in_case_would_share_a_folder() {
    let site = Site::minimal();
    site.write("content/halaman/visi.md", "---\ntitle: Visi\nslug: Tentang\n---\nIsi.\n");
    site.check().error("duplicate-id", &site.at("content/halaman/visi.md", "slug:", "Tentang"));
}

#[test]
fn ids_and_slugs_longer_than_100_characters_are_refused() {
    let (fits, long) = ("E".repeat(100), "E".repeat(101));
    broken(EVALUASI, "id: EV-TW1", &format!("id: {fits}")).check().assert_clean();
    let site = broken(EVALUASI, "id: EV-TW1", &format!("id: {long}"));
    site.check().error("too-long", &site.at(EVALUASI, &format!("id: {long}"), &long)).says(&["101", "100"]);
    let slug = "t".repeat(101);
    let site = broken(TENTANG, "order: 1", &format!("order: 1\nslug: {slug}"));
    site.check().error("too-long", &site.at(TENTANG, "slug:", &slug));
    // A page without `slug:` whose file name is too long.
    let site = Site::minimal();
    let file = format!("content/halaman/{slug}.md");
    site.write(&file, "---\ntitle: Panjang\n---\nIsi.\n");
    site.check().error("too-long", &At::file(&file));
}

/// IKU-3 (target 7–8, TW1 realisation "7,5") measured in percent.
fn persen_iku3() -> Site {
    broken(RENSTRA, "satuan: hari", "satuan: persen")
}

#[test]
fn money_written_on_a_persen_indicator_is_an_error_at_the_figure() {
    let site = persen_iku3();
    site.replace(TW1, "realisasi: \"7,5\"", "realisasi: \"1,5 triliun\"");
    let at = site.find(TW1, "\"1,5 triliun\"");
    let diags = site.check();
    diags.expect(&[
        (Sev::Error, "unit-mismatch", &at),
        (Sev::Warning, "implausible-figure", &at),
        (Sev::Warning, "implausible-figure", &at),
    ]);
    diags.diags[0].says(&["`IKU-3`", "`triliun`", "persen"]);
}

#[test]
fn percent_written_on_a_rupiah_figure_is_an_error() {
    let site = broken(CASCADING, "satuan: investor", "satuan: rupiah");
    site.replace(RA, PK1_TARGETS, "[10, \"20 %\", 30, 40]");
    site.check().error("unit-mismatch", &site.find(RA, "\"20 %\"")).says(&["`PK-1`", "`%`", "rupiah"]);
}

#[test]
fn a_magnitude_word_on_an_indeks_figure_is_an_error() {
    let site = broken(RA, "\"82,00\"", "\"82 ribu\"");
    site.check().error("unit-mismatch", &site.find(RA, "\"82 ribu\"")).says(&["`IKU-2`", "`ribu`", "indeks"]);
}

#[test]
fn a_realisation_a_hundred_times_off_its_target_is_a_warning() {
    // TW1 of PK-1 against its TW1 target 10 of the rencana aksi, both ways.
    for written in ["1000", "\"0,1\""] {
        let site = broken(TW1, "realisasi: 9", &format!("realisasi: {written}"));
        site.check().warning("implausible-figure", &site.find(TW1, written)).says(&["`PK-1`", "TW1"]);
    }
    // The Renstra's annual realisation against the same year's target 7–9.
    let site = broken(RENSTRA, "realisasi: {2022: \"7,5\"}", "realisasi: {2022: \"0,07\"}");
    site.check().warning("implausible-figure", &site.find(RENSTRA, "\"0,07\"")).says(&["`IKU-3`", "2022"]);
    // 99 times is still plausible.
    broken(TW1, "realisasi: 9", "realisasi: 990").check().assert_clean();
}

#[test]
fn a_persen_figure_above_a_thousand_is_a_warning() {
    let site = persen_iku3();
    site.replace(RENSTRA, "2022: \"7 s.d. 9\"", "2022: \"7 s.d. 1.200\"");
    site.check()
        .warning("implausible-figure", &site.find(RENSTRA, "\"7 s.d. 1.200\""))
        .says(&["`IKU-3`", "1.000 %"]);
    persen_iku3().check().assert_clean();
}

#[test]
fn the_example_and_the_fixtures_have_plausible_figures_in_their_units() {
    let fixture = Site::from_fixture("compute");
    for root in [common::crate_dir(), fixture.root()] {
        let check = common::check_in(root, &[]);
        let found: Vec<_> = check
            .diags
            .iter()
            .filter(|d| ["unit-mismatch", "implausible-figure"].contains(&d.code.as_str()))
            .map(|d| format!("{}:{} {}", d.file, d.line, d.message))
            .collect();
        assert!(found.is_empty(), "{}: {found:?}", root.display());
    }
}

const PK: &str = "content/2023/perjanjian-kinerja.yaml";
const ANALISIS: &str = "content/2023/analisis.yaml";

/// A valid `perjanjian-kinerja.yaml` for the minimal fixture: the head's PK with the Renstra's
/// 2023 targets, a programme PK, and a revision of PK-1's target.
const PK_FILE: &str = r#"tahun: 2023
pk:
  - id: PK-KADIS
    jenis: murni
    tanggal: 2023-01-31
    pihak_pertama: {nama: Nama Contoh A, jabatan: Kepala Dinas, pangkat: Pembina / IV a, nip: "19790605 200501 1 013"}
    pihak_kedua: {nama: Nama Contoh B, jabatan: Bupati}
    indikator:
      - {id: IKU-2, target: "82,50"}
      - {id: IKU-3, target: "7 s.d. 8"}
    program: ["2.18.03"]
  - id: PK-KABID
    jenis: murni
    tanggal: 2023-02-06
    pihak_pertama: {nama: Nama Contoh C, jabatan: Kepala Bidang}
    pihak_kedua: {nama: Nama Contoh A, jabatan: Kepala Dinas}
    indikator:
      - {id: PK-1, target: 40}
  - id: PK-KABID-P
    jenis: perubahan
    menggantikan: PK-KABID
    tanggal: 2023-10-02
    dasar: {nomor: Perda Contoh 5/2023, tanggal: 2023-09-28}
    alasan: Tambahan anggaran
    pihak_pertama: {nama: Nama Contoh C, jabatan: Kepala Bidang}
    pihak_kedua: {nama: Nama Contoh A, jabatan: Kepala Dinas}
    indikator:
      - {id: PK-1, target: 45}
"#;

const ANALISIS_FILE: &str = r#"tahun: 2023
ikhtisar: Ringkasan.
indikator:
  - id: IKU-2
    faktor_pendukung: Layanan daring.
    standar: {nilai: 80, sumber: Contoh}
    program_pendukung: ["2.18.03"]
"#;

/// The minimal fixture with the PK and analysis files, `from` replaced by `to` in `file`.
fn with_pk(file: &str, from: &str, to: &str) -> Site {
    let site = Site::minimal();
    site.write(PK, PK_FILE).write(ANALISIS, ANALISIS_FILE);
    site.replace(file, from, to);
    site
}

#[test]
fn a_valid_pk_and_analysis_are_clean() {
    let site = Site::minimal();
    site.write(PK, PK_FILE).write(ANALISIS, ANALISIS_FILE);
    site.check().assert_clean();
}

#[test]
fn a_murni_pk_target_must_be_the_renstra_target() {
    // 82,50 in the Renstra; 82,5 is the same decimal and passes, 83 does not.
    with_pk(PK, "{id: IKU-2, target: \"82,50\"}", "{id: IKU-2, target: \"82,5\"}").check().assert_clean();
    let site = with_pk(PK, "{id: IKU-2, target: \"82,50\"}", "{id: IKU-2, target: 83}");
    site.check().error("pk-target-mismatch", &site.at(PK, "IKU-2", "83")).says(&["`IKU-2`", "83", "82.50"]);
    // A range compares both bounds: 7–9 is not the Renstra's 7–8.
    let site = with_pk(PK, "target: \"7 s.d. 8\"", "target: \"7 s.d. 9\"");
    site.check().error("pk-target-mismatch", &site.at(PK, "IKU-3", "\"7 s.d. 9\""));
    // A revision may change the target: that is what it is for.
    with_pk(PK, "{id: PK-1, target: 45}", "{id: PK-1, target: 50}").check().assert_clean();
}

#[test]
fn a_revision_names_an_earlier_pk() {
    let site = with_pk(PK, "    menggantikan: PK-KABID\n", "");
    site.check().error("pk-revision", &site.at(PK, "jenis: perubahan", "perubahan"));
    let site = with_pk(PK, "menggantikan: PK-KABID", "menggantikan: PK-KABIDD");
    site.check().error("pk-revision", &site.find(PK, "PK-KABIDD")).says(&["`PK-KABIDD`", "`PK-KABID`"]);
    let site = with_pk(PK, "tanggal: 2023-10-02", "tanggal: 2023-02-06");
    site.check().error("pk-revision", &site.at(PK, "menggantikan", "PK-KABID")).says(&["2023-02-06"]);
    let site = with_pk(
        PK,
        "    jenis: murni\n    tanggal: 2023-02-06",
        "    jenis: murni\n    menggantikan: PK-KADIS\n    tanggal: 2023-02-06",
    );
    site.check().error("pk-revision", &site.at(PK, "menggantikan: PK-KADIS", "PK-KADIS"));
}

#[test]
fn a_revision_states_its_basis_and_reason() {
    let site = with_pk(PK, "    alasan: Tambahan anggaran\n", "");
    site.check().error("missing-key", &site.at(PK, "- id: PK-KABID-P", "id")).says(&["`alasan`"]);
}

#[test]
fn a_nip_has_18_digits() {
    // 17 digits once the spaces are taken out.
    let site = with_pk(PK, "\"19790605 200501 1 013\"", "\"19790605 200501 1 01\"");
    site.check().error("invalid-nip", &site.find(PK, "\"19790605 200501 1 01\"")).says(&["18"]);
    let site = with_pk(PK, "\"19790605 200501 1 013\"", "\"19790605-200501-1-013\"");
    site.check().error("invalid-nip", &site.find(PK, "\"19790605-200501-1-013\""));
}

#[test]
fn pk_and_analysis_references_must_resolve() {
    let cases = [
        (PK, "{id: PK-1, target: 40}", "{id: PK-2, target: 40}", "PK-2"),
        (PK, "program: [\"2.18.03\"]", "program: [\"2.18.09\"]", "\"2.18.09\""),
        (ANALISIS, "  - id: IKU-2", "  - id: IKU-22", "IKU-22"),
        (ANALISIS, "program_pendukung: [\"2.18.03\"]", "program_pendukung: [\"2.18.3\"]", "\"2.18.3\""),
    ];
    for (file, from, to, shown) in cases {
        let site = with_pk(file, from, to);
        site.check().error("dangling-reference", &site.find(file, shown));
    }
    let site = with_pk(ANALISIS, "  - id: IKU-2", "  - id: IKU-22");
    site.check().error("dangling-reference", &site.find(ANALISIS, "IKU-22")).says(&["`IKU-2`"]);
}

#[test]
fn a_negative_target_of_a_positif_indicator_is_a_warning() {
    let site = broken(RA, PK1_TARGETS, "[-10, 20, 30, 40]");
    site.check().warning("negative-target", &site.find(RA, "-10")).says(&["`PK-1`", "-10"]);
    // The same figure on a negatif indicator is not reported (IKU-3: days, negatif).
    let site = broken(RENSTRA, "2022: \"7 s.d. 9\"", "2022: \"-1 s.d. 9\"");
    site.check().assert_clean();
}

#[test]
fn a_decimal_comma_in_a_flow_list_is_a_warning() {
    // `[~, 81,5, "82,50"]` is four items ~, 81, 5, "82,50": the count is right, the figures not.
    let site = broken(RA, "[~, \"82,00\", ~, \"82,50\"]", "[~, 81,5, \"82,50\"]");
    site.check().warning("ambiguous-comma", &site.at(RA, "81,5", "1,5")).says(&["dua butir", "\"82,5\""]);
    // A comma and a space between items is the ordinary list.
    broken(RA, PK1_TARGETS, "[10, 20, 30,  40]").check().assert_clean();
}

#[test]
fn a_date_before_1900_is_an_error() {
    let site = broken(TW1, "tanggal: 2023-04-05", "tanggal: 0000-01-01");
    site.check().error("invalid-date", &site.find(TW1, "0000-01-01")).says(&["`0000-01-01`", "1900"]);
    let site = broken(TW1, "tanggal: 2023-04-05", "tanggal: 1899-12-31");
    site.check().error("invalid-date", &site.find(TW1, "1899-12-31"));
}

#[test]
fn a_year_folder_far_from_the_renstra_period_is_an_error() {
    // Period 2019–2023: 2028 is the last year accepted, 2029 is not.
    let site = Site::minimal();
    site.mkdir("content/2029");
    site.check().error("out-of-range", &At::file("content/2029/")).says(&["2029", "2019–2023", "2028"]);
    let site = Site::minimal();
    site.mkdir("content/9999");
    site.check().error("out-of-range", &At::file("content/9999/"));
    // A leading zero is still a year folder, and one inside content/.
    let site = Site::minimal();
    site.mkdir("content/0999");
    let codes: Vec<String> = site.check().diags.iter().map(|d| d.code.clone()).collect();
    assert_eq!(codes, ["out-of-range"]);
    let site = Site::minimal();
    site.mkdir("content/2028");
    site.check().assert_clean();
}

#[test]
fn codes_that_differ_only_in_dot_and_dash_cannot_share_an_anchor() {
    // `2.18.03.2.01` and `2-18-03-2-01` are both `#k-2-18-03-2-01` on the cascading page.
    let site = broken(CASCADING, "kode: \"2.18.03.2.01.0001\"", "kode: \"2-18-03-2-01\"  # dup");
    site.check()
        .error("duplicate-id", &site.at(CASCADING, "# dup", "\"2-18-03-2-01\""))
        .says(&["`k-2-18-03-2-01`", "cascading"]);
    // A sasaran id and a code in another case give one anchor too.
    let site = broken(CASCADING, "kode: \"2.18.03\"", "kode: \"s1\"  # dup");
    site.check().error("duplicate-id", &site.at(CASCADING, "# dup", "\"s1\"")).says(&["`k-s1`"]);
}

#[test]
fn a_text_longer_than_the_limit_is_an_error() {
    let long = "a".repeat(10_001);
    let site = broken(TW1, "catatan: Realisasi triwulan 1.", &format!("catatan: {long}"));
    site.check().error("too-long", &site.at(TW1, "catatan:", "aaa")).says(&["10001", "10000"]);
    // A name shown on every page is held to 500 characters.
    let name = "D".repeat(600);
    let site = broken(SAKIP, "nama: Dinas Contoh", &format!("nama: {name}"));
    site.check().error("too-long", &site.at(SAKIP, "nama: DDD", "DDD")).says(&["600", "500"]);
    let site = broken(TENTANG, "title: Tentang", &format!("title: {}", "t".repeat(501)));
    site.check().error("too-long", &site.at(TENTANG, "title:", "ttt"));
}

#[test]
fn a_bidi_control_character_in_text_is_an_error() {
    // U+202E RIGHT-TO-LEFT OVERRIDE would show "100%" as "%001".
    let site = broken(TW1, "catatan: Realisasi triwulan 1.", "catatan: \"Capaian \u{202E}100%\"");
    site.check().error("bidi-control", &site.at(TW1, "catatan:", "\"Capaian")).says(&["U+202E", "9"]);
    let site = broken(TENTANG, "Situs contoh", "Situs \u{2067}contoh");
    site.check().error("bidi-control", &site.at(TENTANG, "Situs", "\u{2067}")).says(&["U+2067"]);
}

#[test]
fn markdown_nested_beyond_the_limit_is_refused() {
    let site = broken(TENTANG, "Situs contoh untuk pengujian.", &format!("{} a", ">".repeat(51)));
    site.check().error("too-deep", &site.at(TENTANG, ">>>>", ">")).says(&["50"]);
    let site = broken(TW1, "catatan: Realisasi triwulan 1.", &format!("catatan: \"{}\"", "<div>".repeat(51)));
    site.check().error("too-deep", &site.at(TW1, "catatan:", "\"<div>"));
    // Fifty is fine.
    broken(TENTANG, "Situs contoh untuk pengujian.", &format!("{} a", ">".repeat(50))).check().assert_clean();
}

#[test]
fn more_pages_than_the_limit_is_an_error() {
    // The fixture has two pages (about, tentang); 99 more make 101.
    let site = Site::minimal();
    for i in 0..99 {
        site.write(&format!("content/halaman/p{i:03}.md"), format!("---\ntitle: P{i}\n---\nx\n"));
    }
    // Sorted by name: about, p000 … p098, tentang; the 101st is tentang.md.
    site.check().error("too-many-pages", &At::file(TENTANG)).says(&["100"]);
}

#[test]
fn a_base_url_with_a_double_slash_is_refused() {
    let site =
        broken(SAKIP, "base_url: https://contoh.go.id/kinerja/", "base_url: https://contoh.go.id//kinerja/");
    site.check().error("invalid-link", &site.at(SAKIP, "base_url:", "https")).says(&["`//`"]);
    let run = Site::minimal().run(&["build", "--base-url", "https://contoh.go.id//kinerja/"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("`//`"), "{}", run.stderr);
}

#[test]
fn a_name_of_megabytes_is_reported_once() {
    let site = broken(SAKIP, "nama: Dinas Contoh", &format!("nama: {}", "D".repeat(2_000_000)));
    site.check().error("too-long", &site.at(SAKIP, "nama: DDD", "DDD")).says(&["2000000", "10000"]);
}

/// The site committed with `date` as its committer date (what a pull request can forge), or
/// with the clock's time.
fn committed_on(date: Option<&str>) -> Site {
    let site = Site::minimal();
    site.commit_all();
    let mut amend = std::process::Command::new("git");
    amend
        .args(["commit", "-q", "--amend", "--no-edit"])
        .current_dir(site.root())
        .env("GIT_CONFIG_NOSYSTEM", "1");
    match date {
        Some(date) => amend.env("GIT_COMMITTER_DATE", date),
        None => amend.env_remove("GIT_COMMITTER_DATE"),
    };
    let out = amend.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    site
}

#[test]
fn a_commit_date_far_in_the_future_is_refused_as_the_as_of_date() {
    // This machine's clock says it is well before 2099; no `--as-of`, so the commit date counts.
    let site = committed_on(Some("2099-01-01T12:00:00+07:00"));
    let run = site.run(&["check", "--format", "json"]);
    let diags = common::parse_json(&run.stdout).unwrap();
    let codes: Vec<(&str, &str, &str)> =
        diags.iter().map(|d| (d.severity.as_str(), d.code.as_str(), d.file.as_str())).collect();
    assert_eq!(codes, [("error", "as-of-future", "content/")], "{run:?}");
    assert!(diags[0].message.contains("2099-01-01"), "{}", diags[0].message);
    assert_eq!(run.code, 1);
    // `build` refuses it too and writes nothing.
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("as-of-future"), "{}", run.stderr);
    assert!(!site.path("public").exists());
    // An explicit `--as-of` is the operator's choice; a commit dated today is fine.
    site.check_with(&["--as-of", "2024-12-31"]).assert_clean();
    let today = committed_on(None);
    let run = today.run(&["check", "--format", "json"]);
    assert_eq!(common::parse_json(&run.stdout).unwrap(), [], "{run:?}");
}

#[test]
fn evidence_of_a_type_that_could_run_on_the_website_is_refused() {
    for name in ["laporan.html", "gambar.svg", "skrip.js", ".htaccess", "tanpa-ekstensi", "laporan.PDF.php"] {
        let site = broken(TW1, "berkas: dukung/tw1.pdf", &format!("berkas: dukung/{name}"));
        site.write(&format!("content/2023/dukung/{name}"), "<script>alert(1)</script>");
        site.check()
            .error("evidence-type", &site.find(TW1, &format!("dukung/{name}")))
            .says(&[&format!("content/2023/dukung/{name}"), "pdf"]);
    }
    // Documents pass in any letter case of their extension.
    for name in ["foto.JPG", "tabel.xlsx", "data.csv", "arsip.zip", "gambar.webp"] {
        let site = broken(TW1, "berkas: dukung/tw1.pdf", &format!("berkas: dukung/{name}"));
        site.write(&format!("content/2023/dukung/{name}"), "isi");
        site.check().assert_clean();
    }
}

#[test]
fn evidence_above_50_mib_is_refused_without_reading_it() {
    let site = broken(TW1, "berkas: dukung/tw1.pdf", "berkas: dukung/besar.pdf");
    let file = std::fs::File::create(site.path("content/2023/dukung/besar.pdf")).unwrap();
    // A sparse file: 50 MiB (52,428,800 bytes) is the limit, one byte more is refused.
    file.set_len(50 * 1024 * 1024).unwrap();
    site.check().assert_clean();
    // 2 GiB: judged from its size, so the run stays within the harness's timeout.
    file.set_len(2 * 1024 * 1024 * 1024).unwrap();
    site.check()
        .error("evidence-too-large", &site.find(TW1, "dukung/besar.pdf"))
        .says(&["2048 MiB", "50 MiB"]);
    file.set_len(50 * 1024 * 1024 + 1).unwrap();
    site.check().error("evidence-too-large", &site.find(TW1, "dukung/besar.pdf"));
}
