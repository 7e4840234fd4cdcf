//! The public site (SPEC §5.1, issue 5): every page in both languages, links that resolve,
//! numbers as Indonesian and English readers write them, sanitised Markdown, the sample-data
//! banner, theme overrides, byte-identical builds and output discipline.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::{Site, crate_dir, tree, visible};
use yaml_rust2::{Yaml, YamlLoader};

/// Build the site at `root` into a fresh folder; returns the folder (kept alive) and its files.
fn build(root: &Path, extra: &[&str]) -> (tempfile::TempDir, PathBuf, BTreeMap<String, Vec<u8>>) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let mut args = vec!["build", "--as-of", "2024-06-30", "--output", public.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = common::run_in(root, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files = tree(&public);
    (out, public, files)
}

fn html(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(files.get(path).unwrap_or_else(|| panic!("{path} was not written")).clone()).unwrap()
}

/// An attribute value as the browser reads it (minijinja also escapes `/`).
fn unescape(value: &str) -> String {
    value.replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&")
}

/// `href` and `src` values of a page, quoted or not (a page writes a value without quotes
/// where HTML allows).
fn links(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [" href=", " src="] {
        let mut rest = page;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let value = match rest.strip_prefix('"') {
                Some(quoted) => &quoted[..quoted.find('"').unwrap()],
                None => &rest[..rest.find(|c: char| c.is_whitespace() || c == '>').unwrap()],
            };
            out.push(unescape(value));
        }
    }
    out
}

/// The `id` of every item of every `indikator:` list in the YAML files `paths` (relative to the
/// crate): the indicators a site defines, read with a plain YAML parser rather than our loader.
fn indicator_ids(paths: &[&str]) -> BTreeSet<String> {
    fn walk(node: &Yaml, out: &mut BTreeSet<String>) {
        match node {
            Yaml::Hash(map) => {
                if let Some(Yaml::Array(items)) = map.get(&Yaml::String("indikator".into())) {
                    out.extend(items.iter().filter_map(|item| item["id"].as_str()).map(str::to_string));
                }
                map.values().for_each(|v| walk(v, out));
            }
            Yaml::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    for path in paths {
        let text = std::fs::read_to_string(crate_dir().join(path)).unwrap();
        YamlLoader::load_from_str(&text).unwrap().iter().for_each(|doc| walk(doc, &mut out));
    }
    out
}

#[test]
fn every_page_exists_in_both_languages_with_the_right_html_lang() {
    let (_tmp, _, files) = build(crate_dir(), &[]);
    let pages = [
        "index.html",
        "indikator/iku-1/index.html",
        "indikator/iku-2/index.html",
        "indikator/pk-2.18.04.2.01-1/index.html",
        "tahun/2023/index.html",
        "cascading/index.html",
        "unduh/index.html",
        "cari/index.html",
        "tentang/index.html",
        "metodologi/index.html",
    ];
    for page in pages {
        assert!(html(&files, page).contains("<html lang=id>"), "{page}");
        let en = format!("en/{page}");
        assert!(html(&files, &en).contains("<html lang=en>"), "{en}");
    }
    for file in ["sitemap.xml", "404.html", "robots.txt", "static/style.css"] {
        assert!(files.contains_key(file), "{file}");
    }
    // Every indicator the example defines has its page in both languages.
    let ids = indicator_ids(&["content/renstra.yaml", "content/cascading.yaml"]);
    // An IKU and an indicator of each cascading level: the scan reaches every depth.
    for id in ["IKU-2", "PK-2.18.04-1", "PK-2.18.04.2.01-1", "PK-2.18.04.2.01.0001-1"] {
        assert!(ids.contains(id), "{id} not found in the example's YAML");
    }
    for id in &ids {
        for lang in ["", "en/"] {
            let page = format!("{lang}indikator/{}/index.html", id.to_lowercase());
            assert!(files.contains_key(&page), "{page} was not written");
        }
    }
}

#[test]
fn every_internal_link_resolves_and_no_link_is_root_absolute() {
    let (_tmp, public, files) = build(crate_dir(), &[]);
    let mut checked = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html") && p.as_str() != "404.html") {
        let page = String::from_utf8(bytes.clone()).unwrap();
        let dir = public.join(path).parent().unwrap().to_path_buf();
        for link in links(&page) {
            if link.starts_with("http://") || link.starts_with("https://") || link.starts_with("mailto:") {
                continue;
            }
            // Relative links keep the site working under a sub-path such as /kinerja/.
            assert!(!link.starts_with('/'), "{path}: root-absolute link {link}");
            let (target, fragment) = link.split_once('#').unwrap_or((&link, ""));
            let target = target.split('?').next().unwrap();
            let file = if target.is_empty() {
                public.join(path)
            } else if target.ends_with('/') {
                dir.join(target).join("index.html")
            } else {
                dir.join(target)
            };
            let file = file.canonicalize().unwrap_or_else(|_| panic!("{path}: broken link {link}"));
            assert!(file.starts_with(public.canonicalize().unwrap()), "{path}: {link} leaves the site");
            if !fragment.is_empty() && file.extension().is_some_and(|e| e == "html") {
                let target_page = std::fs::read_to_string(&file).unwrap();
                assert!(target_page.contains(&format!("id={fragment}")), "{path}: no #{fragment} in {link}");
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

#[test]
fn numbers_are_written_as_each_language_writes_them() {
    let (_tmp, _, files) = build(crate_dir(), &[]);
    let id = html(&files, "index.html");
    let en = html(&files, "en/index.html");
    // IKU-2 in 2023: 82.76 of 82.50 = 100.32 %.
    assert!(id.contains("100,32\u{a0}%"), "Indonesian dashboard lacks 100,32 %");
    assert!(en.contains("100.32%"), "English dashboard lacks 100.32%");
    // IKU-1: 14.8 trillion of 75 trillion.
    assert!(id.contains("Rp\u{a0}14,80\u{a0}triliun"), "Indonesian dashboard lacks Rp 14,80 triliun");
    assert!(en.contains("IDR\u{a0}14.80\u{a0}trillion"), "English dashboard lacks IDR 14.80 trillion");
    let year = html(&files, "tahun/2023/index.html");
    // The exact budget figure is in the tooltip of the short one.
    assert!(year.contains("title=Rp\u{a0}1.074.000.000>"), "exact figure missing on the year page");
    assert!(year.contains("7 Oktober 2023"), "Indonesian dates");
    assert!(html(&files, "en/tahun/2023/index.html").contains("7 October 2023"), "English dates");
}

#[test]
fn predicate_badges_say_their_band_in_words() {
    let (_tmp, _, files) = build(crate_dir(), &[]);
    let page = html(&files, "indikator/iku-1/index.html");
    assert!(page.contains("<span class=\"badge b4\">sangat rendah</span>"), "{page}");
    let en = html(&files, "en/indikator/iku-1/index.html");
    assert!(en.contains("<span class=\"badge b4\">very low</span>"));
}

#[test]
fn charts_are_accessible_images_with_a_data_table() {
    let (_tmp, _, files) = build(crate_dir(), &[]);
    let page = html(&files, "indikator/iku-1/index.html");
    let charts = page.matches("<svg").count();
    assert!(charts >= 2, "multi-year and quarterly charts");
    assert_eq!(page.matches("role=img").count(), charts);
    assert_eq!(page.matches("<title id=").count(), charts);
    // A chart is named by the page's heading (the indicator's id and name, not repeated in the
    // chart) and its own title, and described by the caption of the table that states its
    // figures, right after it.
    assert!(page.contains("<h1 id=judul><span class=id>IKU-1</span>"), "{page}");
    let quarterly = "aria-labelledby=\"judul g-tw-2023-title\" aria-describedby=cap-tw-2023";
    assert!(page.contains(quarterly), "{page}");
    assert!(page.contains("<title id=g-tw-2023-title>Capaian per triwulan 2023</title>"), "{page}");
    assert!(!page.contains("<desc"), "the figures are in the table, not written twice: {page}");
    let table = &page[page.find("<span id=cap-tw-2023>").expect("the quarterly table's caption")..];
    let tw4 = &table[table.find("TW4").expect("a row for TW4")..];
    let tw4 = &tw4[..tw4.find("</tr>").expect("the end of the row")];
    // IKU-1 in TW4 2023: target Rp 75 trillion, realisation (cumulative) Rp 14.8 trillion.
    assert!(
        tw4.contains("Rp\u{a0}75,00\u{a0}triliun") && tw4.contains("Rp\u{a0}14,80\u{a0}triliun"),
        "{tw4}"
    );
    assert!(page.matches("<caption>").count() >= charts);
}

#[test]
fn indicator_pages_are_written_lean() {
    let (_tmp, _, files) = build(crate_dir(), &[]);
    let page = html(&files, "indikator/iku-1/index.html");
    // The charts are painted by the stylesheet: classes, no repeated paint or font.
    assert!(page.contains("height=260 class=c>"), "{page}");
    for attr in ["stroke=", "font-family=", "fill=\"#", "fill=#", "dy=", "style="] {
        assert!(!page.contains(attr), "{attr} in {page}");
    }
    let css = String::from_utf8_lossy(&files["static/style.css"]).to_string();
    assert!(css.contains("svg.c {") && css.contains(".c .cb { fill: #1f4e79; }"), "{css}");
    // A status is one element: its symbol and its word.
    assert!(page.contains("<span class=\"st s-sah\">✓ sah</span>"), "{page}");
    // The quarterly table aligns its figures by column, not by a class on every cell.
    let table = &page[page.find("<table class=tq>").expect("a quarterly table")..];
    let table = &table[..table.find("</table>").unwrap()];
    assert!(table.contains("<td>") && !table.contains("<td class"), "{table}");
    // A cell ends where the next one begins: HTML's optional end tags are left out.
    assert!(!table.contains("</td>") && table.contains("<td>–<td>"), "{table}");
    // The templates' indentation and blank lines stay in the templates.
    assert!(!page.contains("\n\n") && !page.contains(">\n  <"), "{page}");
    // So do the year's tables: aligned by column, not by a class on every figure.
    let year = html(&files, "tahun/2023/index.html");
    assert!(year.contains("<table class=tm>") && year.contains("<table class=tw>"), "{year}");
    let iku = &year[year.find("<table class=tm>").unwrap_or_default()..];
    let iku = &iku[..iku.find("</table>").unwrap_or_default()];
    assert!(iku.contains("<td>") && !iku.contains("class=num"), "{iku}");
}

#[test]
fn the_sample_banner_is_on_every_page_when_data_contoh_is_set() {
    let (_tmp, _, files) = build(crate_dir(), &[]);
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let page = String::from_utf8_lossy(bytes);
        assert!(page.contains("class=sample"), "{path} lacks the sample-data banner");
    }
    let site = Site::minimal();
    site.replace("content/sakip.yaml", "data_contoh: true", "data_contoh: false");
    let (_tmp, _, files) = build(site.root(), &[]);
    assert!(!html(&files, "index.html").contains("class=sample"));
}

#[test]
fn markdown_and_yaml_text_from_a_pull_request_cannot_inject_script() {
    let site = Site::minimal();
    let attack = "<script>alert(1)</script> <img src=x onerror=alert(2)> [klik](javascript:alert(3)) \
                  <iframe src=\"https://evil.example\"></iframe> [d](data:text/html;base64,PHNjcmlwdD4=)";
    site.write(
        "content/halaman/serang.md",
        format!("---\ntitle: \"<script>alert(4)</script>\"\n---\n{attack}\n"),
    );
    site.replace(
        "content/2023/realisasi/tw1.yaml",
        "catatan: Realisasi triwulan 1.",
        &format!("catatan: '{attack}'"),
    );
    let (_tmp, _, files) = build(site.root(), &[]);
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let page = String::from_utf8_lossy(bytes).to_lowercase();
        // Text such as `[klik](javascript:…)` may remain as words; what must never appear is
        // markup that runs it.
        let page = unescape(&page);
        for bad in [
            "<script>alert",
            "onerror=",
            "href=\"javascript:",
            "src=\"javascript:",
            "href=javascript:",
            "src=javascript:",
            "<iframe",
            "href=\"data:",
            "src=\"data:",
            "href=data:",
            "src=data:",
        ] {
            assert!(!page.contains(bad), "{path} contains {bad}");
        }
    }
    // The title from YAML is shown as text, escaped.
    assert!(unescape(&html(&files, "serang/index.html")).contains("&lt;script&gt;alert(4)&lt;/script&gt;"));
}

#[test]
fn evidence_is_copied_only_when_referenced() {
    let site = Site::minimal();
    site.write("content/2023/dukung/tidak-dirujuk.pdf", "rahasia");
    let (_tmp, _, files) = build(site.root(), &[]);
    assert!(files.contains_key("bukti/2023/dukung/tw1.pdf"));
    assert!(!files.keys().any(|f| f.contains("tidak-dirujuk")));
}

#[test]
fn a_site_overrides_one_template_and_keeps_the_rest() {
    let site = Site::minimal();
    site.replace("content/sakip.yaml", "  data_contoh: true", "  data_contoh: true\n  tema: kantor");
    site.write(
        "themes/kantor/templates/halaman.html",
        "{% extends \"base.html\" %}{% block content %}<h1 class=\"kantor\">{{ title }}</h1>{{ page.html | safe }}{% endblock %}",
    );
    site.write("themes/kantor/static/style.css", "body { color: #000; }\n");
    let (_tmp, _, files) = build(site.root(), &[]);
    assert!(html(&files, "tentang/index.html").contains("<h1 class=kantor>"));
    // Other pages still come from the default theme.
    assert!(html(&files, "index.html").contains("class=cards"));
    assert_eq!(html(&files, "static/style.css"), "body { color: #000; }\n");
    assert!(files.contains_key("static/cari.js"));
}

#[test]
fn a_broken_template_is_a_diagnostic_and_nothing_is_written() {
    let site = Site::minimal();
    site.write(
        "themes/default/templates/unduh.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ page.nothing.here }}\n{% endblock %}\n",
    );
    let stderr = build_fails(&site);
    assert!(stderr.contains("error[template]"), "{stderr}");
    assert!(stderr.contains("unduh.html"), "{stderr}");
}

/// Build `site`, expecting exit code 1 and no output folder; its messages.
fn build_fails(site: &Site) -> String {
    let out = site.path("public");
    let run = site.run(&["build", "--as-of", "2024-06-30", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!out.exists(), "a failed build wrote {}", out.display());
    run.stderr
}

#[test]
fn two_builds_of_the_same_content_are_byte_identical() {
    let (_a, _, first) = build(crate_dir(), &[]);
    let (_b, _, second) = build(crate_dir(), &[]);
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    for (path, bytes) in &first {
        assert!(bytes == &second[path], "{path} differs between two builds");
    }
}

#[test]
fn base_url_flag_changes_absolute_urls_only() {
    let (_tmp, _, files) = build(crate_dir(), &["--base-url", "https://contoh.go.id/sakip"]);
    let sitemap = html(&files, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://contoh.go.id/sakip/indikator/iku-1/</loc>"), "{sitemap}");
    assert!(sitemap.contains("<loc>https://contoh.go.id/sakip/en/tahun/2023/</loc>"));
    assert!(html(&files, "robots.txt").contains("Sitemap: https://contoh.go.id/sakip/sitemap.xml"));
    // 404.html is served from any path, so its links start at the base URL's path.
    assert!(unescape(&html(&files, "404.html")).contains("href=/sakip/static/style.css"));
}

#[test]
fn the_output_folder_must_not_hold_the_content() {
    let site = Site::minimal();
    let run = site.run(&["build", "--as-of", "2024-06-30", "--output", site.root().to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("contains the content/ folder"), "{}", run.stderr);
}

#[test]
fn indonesian_text_on_english_pages_is_marked_as_such() {
    let site = Site::minimal();
    let (_tmp, _, files) = build(site.root(), &[]);
    let en = unescape(&html(&files, "en/indikator/pk-1/index.html"));
    // The note has no English version: shown in Indonesian, marked lang="id".
    assert!(en.contains("<dd class=md lang=id><p>Realisasi triwulan 1.</p>"), "{en}");
    let id = unescape(&html(&files, "indikator/pk-1/index.html"));
    assert!(id.contains("<dd class=md><p>Realisasi triwulan 1.</p>"));
}

#[test]
fn search_lists_sasaran_and_the_404_page_marks_no_menu_entry() {
    let (_tmp, _, files) = build(crate_dir(), &[]);
    let search = html(&files, "cari/indeks.js");
    assert!(search.contains("\"S1 — Meningkatnya Pertumbuhan Investasi PMA dan PMDN\",\"cascading/#k-s1\""));
    assert!(!html(&files, "404.html").contains("aria-current"));
}

/// The menu marks the page the reader is on and no other, in the page's language and with links
/// from the page's depth, although each menu and footer is rendered once and shared by the pages
/// of a language at one depth (docs/pages.md "Menu and footer").
#[test]
fn the_menu_marks_the_page_it_is_on_in_its_language_and_from_its_depth() {
    let (_tmp, _, files) = build(crate_dir(), &[]);
    let part = |path: &str, from: &str, to: &str| {
        let page = html(&files, path);
        let start = page.find(from).unwrap_or_else(|| panic!("{path} has no {from}"));
        let end = start + page[start..].find(to).unwrap();
        page[start..end].to_string()
    };
    let menu = |path: &str| part(path, "class=\"wrap menu\">", "</nav>");
    // The links marked as the current page: `<a href=X aria-current=page>`.
    let marked = |path: &str| -> Vec<String> {
        let menu = menu(path);
        let tags = menu.split("<a href=").skip(1).map(|a| a[..a.find('>').unwrap()].to_string());
        tags.filter_map(|tag| {
            tag.strip_suffix(" aria-current=page").map(|href| href.trim_matches('"').to_string())
        })
        .collect()
    };
    assert_eq!(marked("index.html"), [""]);
    assert_eq!(marked("cascading/index.html"), ["../cascading/"]);
    assert_eq!(marked("en/unduh/index.html"), ["../../en/unduh/"]);
    // The latest year is marked as the menu's entry and in its list of years; an earlier year
    // only in the list.
    assert_eq!(marked("tahun/2023/index.html"), ["../../tahun/2023/", "../../tahun/2023/"]);
    assert_eq!(marked("tahun/2022/index.html"), ["../../tahun/2022/"]);
    for path in
        ["indikator/iku-1/index.html", "en/indikator/iku-1/index.html", "tahun/2023/bukti-dukung/index.html"]
    {
        assert!(marked(path).is_empty(), "{path} is no entry of the menu");
    }
    let (id, en) = (menu("indikator/iku-1/index.html"), menu("en/indikator/iku-1/index.html"));
    assert!(id.contains("<a href=../../unduh/>Unduhan</a>"), "{id}");
    assert!(en.contains("<a href=../../../en/unduh/>Downloads</a>"), "{en}");
    assert!(menu("tahun/2023/bukti-dukung/index.html").contains("<a href=../../../unduh/>Unduhan</a>"));
    let footer = part("en/indikator/iku-1/index.html", "<footer", "</footer>");
    assert!(footer.contains("href=../../../en/riwayat/>"), "{footer}");
    let top = part("en/indikator/iku-1/index.html", "<header", "</header>");
    assert!(top.contains("action=../../../en/cari/"), "{top}");
    assert!(part("index.html", "<header", "</header>").contains("action=cari/"));
}

#[test]
fn a_template_error_names_the_theme_file_and_line_it_is_in() {
    let site = Site::minimal();
    site.replace("content/sakip.yaml", "  data_contoh: true", "  data_contoh: true\n  tema: kantor");
    // A custom 404 page that fails on its third line.
    site.write(
        "themes/kantor/templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ page.missing.field }}\n{% endblock %}\n",
    );
    let stderr = build_fails(&site);
    assert!(stderr.contains("themes/kantor/templates/404.html:3"), "{stderr}");
    assert!(!stderr.contains("themes/default/templates/404.html"), "{stderr}");
}

/// A site's own menu (rendered once and shared by the pages) that fails is reported at its own
/// file and line like any page template, and stops the build.
#[test]
fn a_failing_menu_template_names_its_file_and_line() {
    let site = Site::minimal();
    site.replace("content/sakip.yaml", "  data_contoh: true", "  data_contoh: true\n  tema: kantor");
    site.write("themes/kantor/templates/menu.html", "<nav>\n{{ nav.missing.field }}\n</nav>\n");
    let stderr = build_fails(&site);
    assert!(stderr.contains("themes/kantor/templates/menu.html:2"), "{stderr}");
}

#[test]
fn the_reserved_page_slugs_are_exactly_what_a_build_writes_at_the_top() {
    // The example has every kind of page, evidence and both languages; its Markdown pages are
    // `tentang` and `metodologi`. Anything else at the top was generated, so a page slug there
    // would overwrite it: the list `check` refuses must be this set, no more, no less.
    let (_tmp, public, _) = build(crate_dir(), &[]);
    let top: BTreeSet<String> = std::fs::read_dir(&public)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !["tentang", "metodologi", sakip_site::output::MARKER].contains(&name.as_str()))
        .collect();
    let generated: BTreeSet<String> = sakip_site::site::GENERATED.iter().map(|s| s.to_string()).collect();
    assert_eq!(top, generated);
}

#[test]
fn the_pk_page_lists_the_agreements_by_level_in_both_languages() {
    let (_tmp, _, files) = build(&crate_dir().join("tests/fixtures/pk"), &[]);
    let id = visible(&html(&files, "tahun/2023/pk/index.html"));
    // The head's PK and its two revisions are all at the IKU level; P2 replaces P1.
    for part in [
        "Perjanjian Kinerja tahun 2023",
        "Kepala Perangkat Daerah kepada Kepala Daerah (IKU)",
        "PK-KADIS · PK awal tahun",
        "PK-KADIS-P2 · PK Perubahan",
        "Menggantikan PK-KADIS-P1",
        "dasar: Perbup Contoh 77/2023, 10 November 2023 . Alasan: Pergeseran anggaran",
        "Nama Contoh Kepala Kepala Dinas Pangkat/golongan: Pembina / IV a NIP: 19790605 200501 1 013",
        "Pihak kedua Nama Contoh Bupati Bupati",
    ] {
        assert!(id.contains(part), "the Indonesian PK page lacks {part:?}:\n{id}");
    }
    // X in the murni PK: promised 100; in force 125 (P2, the later revision) with the original
    // and P2's basis; 97 realised, 97 / 125 = 77,60 % for the year, tinggi.
    assert!(
        id.contains("X Nilai kumulatif yang direvisi 100 dokumen 125 dokumen (semula 100 dokumen; dasar: Perbup Contoh 77/2023) 97 dokumen 77,60 % (TAHUN) tinggi"),
        "{id}"
    );
    let en = visible(&html(&files, "en/tahun/2023/pk/index.html"));
    for part in [
        "Performance agreements of 2023",
        "Head of agency to the regional head (IKU)",
        "PK-KADIS-P2 · Revised agreement (PK Perubahan)",
        "Replaces PK-KADIS-P1",
        "Reason: Budget shift",
        "Nama Contoh Kepala Head of agency Rank/grade: Pembina / IV a",
        "X Revised cumulative figure 100 dokumen 125 dokumen (originally 100 dokumen ; basis: Perbup Contoh 77/2023 ) 97 dokumen 77.60% (Full year) high",
    ] {
        assert!(en.contains(part), "the English PK page lacks {part:?}:\n{en}");
    }
    // Linked from the year page, in the sitemap and in the search index.
    assert!(html(&files, "tahun/2023/index.html").contains("href=pk/"));
    let sitemap = html(&files, "sitemap.xml");
    assert!(sitemap.contains("/kinerja/tahun/2023/pk/") && sitemap.contains("/kinerja/en/tahun/2023/pk/"));
    assert!(html(&files, "cari/indeks.js").contains("\"tahun/2023/pk/\""));
}

#[test]
fn every_target_shown_is_the_target_in_force_beside_the_original() {
    let (_tmp, _, files) = build(&crate_dir().join("tests/fixtures/pk"), &[]);
    let revised = "125 dokumen (semula 100 dokumen; dasar: Perbup Contoh 77/2023)";
    for page in ["index.html", "tahun/2023/index.html", "indikator/x/index.html"] {
        assert!(visible(&html(&files, page)).contains(revised), "{page} lacks {revised:?}");
    }
    // The indicator page: its headline, the year row of both tables and the TW4 row carry it;
    // TW3's own target 80 does not.
    let x = visible(&html(&files, "indikator/x/index.html"));
    assert_eq!(x.matches(revised).count(), 4, "{x}");
    assert!(x.contains("TW3 80 dokumen 25 dokumen 75 dokumen 93,75 %"), "{x}");
    // English: the same figures in English words.
    let en = visible(&html(&files, "en/indikator/x/index.html"));
    // The unit (Indonesian words only) and the basis (a regulation's Indonesian title) are
    // marked lang="id"; `visible` puts a space where each mark closes.
    assert!(en.contains("125 dokumen (originally 100 dokumen ; basis: Perbup Contoh 77/2023 )"), "{en}");
    assert!(
        html(&files, "en/indikator/x/index.html").contains("<span lang=id>Perbup Contoh 77/2023</span>)")
    );
    // W has no revision: no original beside its target.
    assert!(!visible(&html(&files, "indikator/w/index.html")).contains("semula"));
}

#[test]
fn the_analysis_is_on_the_indicator_page_and_the_summary_on_the_year_page() {
    let (_tmp, _, files) = build(&crate_dir().join("tests/fixtures/pk"), &[]);
    let x = html(&files, "indikator/x/index.html");
    assert!(x.contains("<em>contoh</em>"), "the factors are rendered Markdown");
    let x = visible(&x);
    // Standard 80, realisation 97: 97 / 80 × 100 = 121,25 %.
    for part in [
        "Analisis capaian 2023",
        "Faktor pendukung Dukungan contoh .",
        "Faktor penghambat Hambatan contoh.",
        "Upaya perbaikan Upaya contoh.",
        "Standar eksternal 80 dokumen (Sumber: Standar contoh); realisasi 97 dokumen = 121,25 % dari standar",
    ] {
        assert!(x.contains(part), "the indicator page lacks {part:?}:\n{x}");
    }
    let en = visible(&html(&files, "en/indikator/x/index.html"));
    assert!(en.contains("realisation 97 dokumen = 121.25% of the standard"), "{en}");
    // The year's summary is sanitised Markdown: bold kept, the script dropped.
    let year = html(&files, "tahun/2023/index.html");
    assert!(year.contains("Ikhtisar eksekutif") && year.contains("<strong>contoh</strong>"));
    assert!(!year.contains("<script>alert"));
}
