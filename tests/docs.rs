//! The user documentation must keep up with the code: every diagnostic code has its section in
//! `docs/diagnostics.md` (in `Code::ALL` order, with its severity), and every key the loader
//! accepts is named in `docs/content-format.md`.

use std::collections::BTreeSet;
use std::path::Path;

use sakip_site::diagnostics::Code;

fn read_doc(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The codes of the `### \`code\`` headings, in document order.
fn code_headings(doc: &str) -> Vec<String> {
    doc.lines().filter_map(|line| line.strip_prefix("### `")?.strip_suffix('`')).map(str::to_string).collect()
}

#[test]
fn every_diagnostic_code_has_a_section_in_code_order() {
    let doc = read_doc("diagnostics.md");
    let headings = code_headings(&doc);
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let missing: Vec<&&str> = codes.iter().filter(|c| !headings.iter().any(|h| h == *c)).collect();
    assert!(missing.is_empty(), "docs/diagnostics.md has no \"### `code`\" section for {missing:?}");
    let unknown: Vec<&String> = headings.iter().filter(|h| !codes.contains(&h.as_str())).collect();
    assert!(unknown.is_empty(), "docs/diagnostics.md documents codes that do not exist: {unknown:?}");
    assert_eq!(headings, codes, "sections of docs/diagnostics.md must follow the order of Code::ALL");
    for code in &codes {
        let row = format!("| `{code}` |");
        assert!(doc.contains(&row), "the summary table of docs/diagnostics.md lacks `{code}`");
    }
}

#[test]
fn every_diagnostic_section_states_its_severity() {
    let doc = read_doc("diagnostics.md");
    for section in doc.split("\n### `").skip(1) {
        let (heading, body) = section.split_once('\n').expect("a heading line");
        let code = heading.trim_end_matches('`');
        let first = body.trim_start();
        assert!(
            first.starts_with("**Error") || first.starts_with("**Warning"),
            "section {code} of docs/diagnostics.md must start with **Error** or **Warning**"
        );
    }
}

/// Words written in inline code spans (`instansi.nama` gives `instansi` and `nama`) and keys
/// written as `key:` in fenced examples.
fn documented_words(doc: &str) -> BTreeSet<String> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut words = BTreeSet::new();
    let mut fenced = false;
    for line in doc.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            let mut rest = line;
            while let Some(i) = rest.find(':') {
                let key: String = rest[..i].chars().rev().take_while(|&c| is_word(c)).collect();
                words.insert(key.chars().rev().collect());
                rest = &rest[i + 1..];
            }
        } else {
            for span in line.split('`').skip(1).step_by(2) {
                words.extend(span.split(|c: char| !is_word(c)).filter(|w| !w.is_empty()).map(String::from));
            }
        }
    }
    words
}

/// Every key the loader accepts (`src/content/{plan,year,pages,reader}.rs`), by file kind.
const KEYS: &[(&str, &[&str])] = &[
    (
        "sakip.yaml",
        &[
            "instansi",
            "situs",
            "predikat",
            "nama",
            "singkatan",
            "pemerintah",
            "alamat",
            "telepon",
            "kepala",
            "pangkat",
            "nip",
            "judul",
            "base_url",
            "tema",
            "data_contoh",
            "min",
        ],
    ),
    ("renstra.yaml", &["periode", "tujuan", "id", "uraian", "sasaran", "indikator"]),
    (
        "indicator",
        &[
            "id",
            "nama",
            "satuan",
            "polaritas",
            "agregasi",
            "definisi",
            "formula",
            "sumber_data",
            "penanggung_jawab",
            "sumber",
            "target",
            "realisasi",
        ],
    ),
    (
        "cascading.yaml",
        &[
            "program",
            "kode",
            "nama",
            "sasaran",
            "indikator",
            "anggaran",
            "kegiatan",
            "sub_kegiatan",
            "pagu",
            "realisasi",
        ],
    ),
    (
        "rencana-aksi.yaml",
        &[
            "tahun",
            "indikator",
            "id",
            "penanggung_jawab",
            "target_triwulan",
            "data_dukung",
            "jenis",
            "triwulan",
        ],
    ),
    (
        "realisasi/twN.yaml",
        &[
            "tahun",
            "triwulan",
            "dilaporkan",
            "oleh",
            "tanggal",
            "capaian",
            "indikator",
            "realisasi",
            "catatan",
            "data_dukung",
            "jenis",
            "berkas",
            "tautan",
        ],
    ),
    (
        "validasi.yaml",
        &[
            "tahun",
            "validasi",
            "indikator",
            "triwulan",
            "status",
            "capaian_terkoreksi",
            "alasan",
            "oleh",
            "tanggal",
        ],
    ),
    (
        "evaluasi.yaml",
        &[
            "tahun",
            "evaluasi",
            "id",
            "jenis",
            "periode",
            "oleh",
            "tanggal",
            "temuan",
            "rekomendasi",
            "uraian",
            "diterima",
            "indikator",
            "tindak_lanjut",
            "status",
            "selesai",
            "bukti",
        ],
    ),
    ("tim.yaml", &["tahun", "sk", "nomor", "tanggal", "anggota", "nama", "jabatan", "peran"]),
    (
        "skm.yaml",
        &[
            "tahun",
            "survei",
            "periode",
            "responden",
            "unsur",
            "nrr",
            "U1",
            "U2",
            "U3",
            "U4",
            "U5",
            "U6",
            "U7",
            "U8",
            "U9",
        ],
    ),
    ("lke.yaml", &["tahun", "komponen", "perencanaan", "pengukuran", "pelaporan", "evaluasi"]),
    ("halaman/*.md", &["title", "slug", "order", "lang"]),
    ("text and ranges", &["id", "en", "min", "maks"]),
];

/// The fixed words a value may take (`Choice` implementations).
const WORDS: &[&str] = &[
    "positif",
    "negatif",
    "kumulatif",
    "terakhir",
    "rata-rata",
    "skm",
    "sah",
    "dikoreksi",
    "ditolak",
    "tahunan",
    "berkala",
    "eksternal",
    "TW1",
    "TW2",
    "TW3",
    "TW4",
    "TAHUN",
    "S1",
    "S2",
    "kebijakan-operasional",
    "revisi-renstra",
    "perubahan-anggaran",
    "reward",
    "punishment",
    "belum",
    "proses",
    "selesai",
    "ketua",
    "sekretaris",
    "anggota",
];

#[test]
fn every_accepted_key_and_word_is_in_the_content_format() {
    let doc = read_doc("content-format.md");
    let words = documented_words(&doc);
    let mut missing = Vec::new();
    for (kind, keys) in KEYS {
        let is_file = kind.contains('.');
        if is_file && !doc.lines().any(|l| l.starts_with("## ") && l.contains(kind)) {
            missing.push(format!("{kind} (file)"));
        }
        missing.extend(keys.iter().filter(|k| !words.contains(**k)).map(|k| format!("{kind}: {k}")));
    }
    missing.extend(WORDS.iter().filter(|w| !words.contains(**w)).map(|w| format!("value: {w}")));
    assert!(missing.is_empty(), "docs/content-format.md does not mention: {missing:?}");
}

#[test]
fn the_content_format_has_its_sections() {
    let doc = read_doc("content-format.md");
    for heading in ["## Additions to SPEC", "## Differences from SPEC", "## 18. Limits on untrusted input"] {
        assert!(doc.contains(heading), "docs/content-format.md lacks the section {heading:?}");
    }
}
