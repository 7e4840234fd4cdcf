//! Hostile content from a pull request (issue 3 item 5, SPEC §4): each case gives a clean
//! diagnostic and exit 1, never a panic (the harness fails on "panicked" and on signals) and
//! never a hang (the harness kills the run after 10 s).

mod common;

use common::{At, Sev, Site};

const TIM: &str = "content/2023/tim.yaml";
const VALIDASI: &str = "content/2023/validasi.yaml";

/// The minimal fixture with `file` replaced by `contents`.
fn with_file(file: &str, contents: impl AsRef<[u8]>) -> Site {
    let site = Site::minimal();
    site.write(file, contents);
    site
}

#[test]
fn alias_bomb_is_refused_before_it_expands() {
    // "Billion laughs": 9 levels of 9 aliases each, 9^9 strings if expanded.
    let mut yaml = String::from(
        "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    for level in 1..=9 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        yaml.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    let site = with_file(TIM, yaml);
    let d = site.check().error_in("yaml-unsupported", TIM).clone();
    assert_eq!(d.line, site.find(TIM, "a0: &a0").line, "{d:?}");
}

#[test]
fn yaml_tags_and_several_documents_are_refused() {
    for (text, at) in [("sk: !!binary aGVsbG8=\n", "!!binary"), ("anggota: []\n---\nanggota: []\n", "---")] {
        let site = with_file(TIM, text);
        let d = site.check().error_in("yaml-unsupported", TIM).clone();
        assert_eq!(d.line, site.find(TIM, at).line, "{d:?}");
    }
}

#[test]
fn flow_nesting_ten_thousand_deep() {
    let site = with_file(TIM, format!("anggota: {}{}\n", "[".repeat(10_000), "]".repeat(10_000)));
    site.check().error_in("too-deep", TIM);
}

#[test]
fn block_sequence_nesting_ten_thousand_deep() {
    let site = with_file(TIM, format!("anggota:\n  {}x\n", "- ".repeat(10_000)));
    site.check().error_in("too-deep", TIM);
}

#[test]
fn block_mapping_nesting_is_refused() {
    // Indented mappings 10,000 deep take 50 MB (and are refused for their size); 3,000 deep
    // with one space per level stay under the size limit and reach the depth guard.
    let mut yaml = String::new();
    for depth in 0..3_000 {
        yaml.push_str(&format!("{}k:\n", " ".repeat(depth)));
    }
    let site = with_file(TIM, yaml);
    assert!(std::fs::metadata(site.path(TIM)).unwrap().len() < 10 * 1024 * 1024);
    site.check().error_in("too-deep", TIM);
}

#[test]
fn file_of_twenty_mib_is_refused() {
    let line = "# ".to_string() + &"x".repeat(1022) + "\n";
    let site = with_file(TIM, line.repeat(20 * 1024));
    site.check().error("file-too-large", &At::file(TIM)).says(&["10 MiB"]);
}

#[test]
fn invalid_utf8_is_located() {
    let site = with_file(TIM, b"sk: {nomor: \"800\", tanggal: 2023-01-09}\nanggota: \xff\xfe\n".as_slice());
    site.check().error("invalid-utf8", &At::new(TIM, 2, 10));
}

#[test]
fn utf8_bom_is_accepted() {
    let site = Site::minimal();
    for file in [TIM, "content/sakip.yaml", "content/halaman/tentang.md"] {
        let text = site.read(file);
        site.write(file, format!("\u{feff}{text}"));
    }
    site.check().assert_clean();
}

#[test]
fn tabs_for_indentation_get_a_hint() {
    let site = Site::minimal();
    site.replace(TIM, "anggota:\n  - {nama: Kepala", "anggota:\n\t- {nama: Kepala");
    let at = site.find(TIM, "\t- {nama: Kepala");
    let check = site.check();
    let d = check.error_in("yaml-syntax", TIM);
    assert_eq!(d.line, at.line, "{d:?}");
    d.says(&["tab"]);
}

#[test]
fn duplicate_mapping_keys() {
    let site = Site::minimal();
    site.replace(VALIDASI, "tahun: 2023\n", "tahun: 2023\ntahun: 2024  # dup\n");
    let first = site.find(VALIDASI, "tahun: 2023");
    // The later value is the one read, and checked: 2024 is not the folder's year.
    let diags = site.check();
    diags.expect(&[
        (Sev::Error, "duplicate-key", &site.at(VALIDASI, "# dup", "tahun")),
        (Sev::Error, "year-mismatch", &site.at(VALIDASI, "# dup", "2024")),
    ]);
    diags.diags[0].says(&["`tahun`", &format!("baris {}", first.line)]);
}

#[test]
fn empty_file_is_missing_its_required_keys() {
    let site = with_file(VALIDASI, "");
    let file = At::file(VALIDASI);
    site.check().expect(&[(Sev::Error, "missing-key", &file), (Sev::Error, "missing-key", &file)]);
}

#[test]
fn folder_where_a_file_should_be() {
    let site = Site::minimal();
    site.remove(VALIDASI).mkdir(VALIDASI);
    site.check().error("not-a-file", &At::file(VALIDASI));
}

#[test]
fn target_of_ten_to_the_thirty() {
    let huge = format!("1{}", "0".repeat(30));
    let site = Site::minimal();
    site.replace("content/renstra.yaml", "2022: \"7 s.d. 9\"", &format!("2022: {huge}"));
    site.check().error("number-out-of-range", &site.find("content/renstra.yaml", &huge)).says(&[&huge]);
}

#[test]
fn a_duplicate_key_does_not_hide_the_other_problems_of_its_file() {
    let site = Site::minimal();
    site.replace(VALIDASI, "tahun: 2023\n", "tahun: 2023\ntahun: 2024  # dup\n");
    site.replace(VALIDASI, "status: sah", "status: syah");
    let check = site.check();
    let codes: Vec<&str> = check.diags.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"duplicate-key"), "{codes:?}");
    assert!(codes.contains(&"invalid-value"), "the bad status is still reported: {codes:?}");
    // Two duplicates in one file: both reported.
    let site = Site::minimal();
    site.replace(VALIDASI, "tahun: 2023\n", "tahun: 2023\ntahun: 2024\ntahun: 2025\n");
    let dups = site.check().diags.iter().filter(|d| d.code == "duplicate-key").count();
    assert_eq!(dups, 2);
}

#[test]
fn a_symlinked_folder_leading_outside_content_is_an_error_not_a_listing() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("rahasia-negara.txt"), "x").unwrap();
    let site = Site::minimal();
    site.symlink(outside.path(), "content/2022");
    let check = site.check();
    check.expect(&[(Sev::Error, "path-escape", &At::file("content/2022/"))]);
    assert!(!check.run.stdout.contains("rahasia"), "{}", check.run.stdout);
    let site = Site::minimal();
    site.remove("content/halaman");
    site.symlink(outside.path(), "content/halaman");
    site.check().expect(&[(Sev::Error, "path-escape", &At::file("content/halaman/"))]);
}

#[test]
fn tool_formats_strip_control_and_bidi_characters_and_cut_long_values() {
    // A key with a line break, a fake workflow command, a bidi override and 900 letters (YAML
    // allows keys up to 1,024 characters); the message quotes it as an unknown key.
    let key = format!("\"x\\n::error file=README.md::forged\u{202E}{}\"", "a".repeat(900));
    let site = with_file(TIM, format!("tahun: 2023\n{key}: 1\n"));
    for format in ["github", "json"] {
        let run = site.run(&["check", "--format", format, "--as-of", "2024-01-01"]);
        assert_eq!(run.code, 1, "{run:?}");
        assert!(!run.stdout.contains('\u{202E}'), "{format}: bidi character printed");
        assert!(!run.stdout.contains(&"a".repeat(201)), "{format}: value not cut");
        assert!(run.stdout.contains('…'), "{format}: cut without a mark");
        let lines: Vec<&str> = run.stdout.lines().collect();
        if format == "github" {
            assert!(lines.iter().all(|l| l.starts_with("::")), "{lines:?}");
            assert!(!lines.iter().any(|l| l.starts_with("::error file=README.md")), "{lines:?}");
        }
    }
}

#[test]
fn many_unknown_references_against_many_ids_end_in_seconds() {
    // 3,000 indicators in the Renstra and 3,000 capaian naming unknown ones: every pair would
    // be compared for "did you mean" without the cap (9 million comparisons).
    let site = Site::minimal();
    let indicators: String = (0..3_000)
        .map(|i| format!("          - {{id: IKU-X{i}, nama: N, satuan: indeks, polaritas: positif, agregasi: terakhir}}\n"))
        .collect();
    site.replace(
        "content/renstra.yaml",
        "        indikator:\n          - id: IKU-2",
        &format!("        indikator:\n{indicators}          - id: IKU-2"),
    );
    let capaian: String =
        (0..3_000).map(|i| format!("  - {{indikator: IKU-Y{i}, realisasi: 1}}\n")).collect();
    site.write(
        "content/2023/realisasi/tw1.yaml",
        format!(
            "tahun: 2023\ntriwulan: 1\ndilaporkan: {{oleh: T, tanggal: 2023-04-05}}\ncapaian:\n{capaian}"
        ),
    );
    // The harness kills a run after 10 s; the suggestions stop when their work is spent.
    let check = site.check();
    assert!(check.diags.iter().any(|d| d.code == "dangling-reference"));
}

/// `build` of `site` into `<root>/public`, with a fixed as-of date.
fn build(site: &Site) -> common::Run {
    site.run(&["build", "--as-of", "2024-12-31", "--output", site.path("public").to_str().unwrap()])
}

#[test]
fn theme_files_and_folders_that_lead_outside_the_site_are_never_read() {
    let secret = tempfile::tempdir().unwrap();
    std::fs::write(secret.path().join("kunci.txt"), "RAHASIA-MESIN-BUILD").unwrap();
    std::fs::create_dir_all(secret.path().join("tema/templates")).unwrap();
    std::fs::write(secret.path().join("tema/templates/404.html"), "RAHASIA-MESIN-BUILD").unwrap();
    let kunci = secret.path().join("kunci.txt");
    type Arrange<'a> = &'a dyn Fn(&Site);
    let cases: [(&str, Arrange); 3] = [
        ("themes/default/static/kunci.txt", &|site| {
            site.mkdir("themes/default/static").symlink(&kunci, "themes/default/static/kunci.txt");
        }),
        ("themes/default/templates/404.html", &|site| {
            site.mkdir("themes/default/templates").symlink(&kunci, "themes/default/templates/404.html");
        }),
        ("themes/kantor", &|site| {
            site.replace("content/sakip.yaml", "  data_contoh: true", "  data_contoh: true\n  tema: kantor");
            site.mkdir("themes").symlink(secret.path().join("tema"), "themes/kantor");
        }),
    ];
    for (shown, arrange) in cases {
        let site = Site::minimal();
        arrange(&site);
        let run = build(&site);
        assert_eq!(run.code, 1, "{shown}: {run:?}");
        assert!(run.stderr.contains("error[theme-escape]"), "{shown}: {}", run.stderr);
        assert!(run.stderr.contains(shown), "{shown}: {}", run.stderr);
        assert!(!site.path("public").exists(), "{shown}: a site was written");
    }
    // A link that stays inside the site is fine.
    let site = Site::minimal();
    site.write("themes/default/static/asli.css", "body { margin: 0; }\n");
    site.symlink("asli.css", "themes/default/static/salinan.css");
    let run = build(&site);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(site.read("public/static/salinan.css"), "body { margin: 0; }\n");
}

#[test]
fn evidence_links_are_percent_encoded_and_still_resolve() {
    let name = "laporan tw1 #1?%ä.pdf";
    let site = Site::minimal();
    site.replace(
        "content/2023/realisasi/tw1.yaml",
        "berkas: dukung/tw1.pdf",
        &format!("berkas: \"dukung/{name}\""),
    );
    site.write(&format!("content/2023/dukung/{name}"), "%PDF-1.4 bukti");
    let run = build(&site);
    assert_eq!(run.code, 0, "{run:?}");
    // Space %20, `#` %23, `?` %3F, `%` %25, `ä` (UTF-8 C3 A4) %C3%A4.
    let encoded = "laporan%20tw1%20%231%3F%25%C3%A4.pdf";
    let page = site.read("public/indikator/pk-1/index.html");
    assert!(page.contains(&format!("bukti/2023/dukung/{encoded}>")), "no encoded link in the PK-1 page");
    assert!(!page.contains(&format!("dukung/{name}\"")), "a raw link is left in the PK-1 page");
    // The file is published under its own name, and the preview decodes the link back to it.
    assert_eq!(site.read(&format!("public/bukti/2023/dukung/{name}")), "%PDF-1.4 bukti");
    let key = sakip_site::serve::paths::resolve(&format!("/bukti/2023/dukung/{encoded}")).unwrap();
    assert_eq!(key, format!("bukti/2023/dukung/{name}"));
}
