//! The public site as its readers use it (issue 10, items 1, 3, 4 and 6) on the bundled
//! example, built as of 2024-06-30 (2023 is its latest year, finished): the headline of an
//! indicator page and of the dashboard, the performance tree with its figures, the search page,
//! the menu's years, honest cells and the data licence. Every figure is worked by hand below.

mod common;

use std::path::Path;

use common::{Site, crate_dir, visible};

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The position of `needle` in `hay`, failing with the page when it is missing.
fn at(hay: &str, needle: &str) -> usize {
    hay.find(needle).unwrap_or_else(|| panic!("{needle:?} is missing from:\n{hay}"))
}

#[test]
fn the_dashboard_says_how_many_iku_reached_their_target_and_links_their_context() {
    let (_tmp, out) = common::build_in(crate_dir(), &[]);
    // IKU-1 2023: 14.8 / 75 trillion = 19.73 %; IKU-2: 82.76 / 82.50 = 100.32 % ≥ 100 %.
    let id = visible(&read(&out, "index.html"));
    at(&id, "1 dari 2 IKU mencapai target 2023.");
    let en = visible(&read(&out, "en/index.html"));
    at(&en, "1 of 2 key indicators reached the target for 2023.");
    // Each card links the context its figure needs: the analysis and the validation notes.
    let html = read(&out, "index.html");
    at(&html, "href=indikator/iku-1/#analisis-2023");
    at(&html, "href=indikator/iku-1/#tw-2023");
    at(&read(&out, "indikator/iku-1/index.html"), "id=analisis-2023");
    // Its small chart is named in words.
    at(&id, "Realisasi dan target, TW1–TW4 2023");
    at(&en, "Realisation and target, Q1–Q4 2023");
    // Only the IKU have cards.
    assert!(!html.contains("class=card><h2><a href=indikator/pk-"), "{html}");
}

#[test]
fn an_indicator_page_opens_with_its_latest_achievement_and_folds_the_definition() {
    let (_tmp, out) = common::build_in(crate_dir(), &[]);
    let page = read(&out, "indikator/iku-1/index.html");
    let text = visible(&page);
    // 2023: 14.8 / 75 = 19.73 %, below 51 %: sangat rendah; 2022 had 8.78 trillion, so the
    // change is 14.80 − 8.78 = 6.02 trillion.
    let headline = at(
        &text,
        "Capaian terakhir 2023 Capaian 19,73 % Predikat sangat rendah Target Rp 75,00 triliun \
         Realisasi Rp 14,80 triliun Validasi ✓ sah Perubahan dari tahun sebelumnya Rp 6,02 triliun",
    );
    let definition = at(&text, "Definisi, formula dan sumber data Definisi");
    let years = at(&text, "Capaian antartahun");
    assert!(headline < definition && definition < years, "{text}");
    at(&page, "<details class=about>\n<summary>");
    at(
        &visible(&read(&out, "en/indikator/iku-1/index.html")),
        "Latest achievement 2023 Achievement 19.73% Rating very low",
    );
}

#[test]
fn the_headline_of_an_open_year_is_followed_by_its_projection() {
    // The evidence fixture's 2024 has TW1–TW3; as of 2024-10-20 it is the current year.
    let site = Site::from_fixture("bukti");
    let out = site.path("public");
    let run = site.run(&["build", "--as-of", "2024-10-20", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = visible(&read(&out, "indikator/r/index.html"));
    // R's 2024 year row (mean of TW1–TW3: (12 + 9 + 8.5) / 3 = 9.83 days, target 10, negative):
    // 10 / 9.83… = 101.70 %.
    let headline = at(&text, "Capaian terakhir 2024 Capaian 101,70 %");
    let projection = at(&text, "Proyeksi bila laju sama (setelah TW3 2024)");
    let definition = at(&text, "Definisi, formula dan sumber data");
    assert!(headline < projection && projection < definition, "{text}");
    // An unfinished year's count says "so far".
    at(&visible(&read(&out, "en/index.html")), "key indicators have reached the target so far for 2024.");
}

#[test]
fn quarters_say_not_measured_and_rejected_or_corrected_figures_carry_a_mark() {
    let (_tmp, out) = common::build_in(crate_dir(), &[]);
    // IKU-2 has no TW1 survey: nothing measured, so nothing to validate.
    let id = visible(&read(&out, "indikator/iku-2/index.html"));
    at(&id, "TW1 – – – – – belum diukur");
    let en = visible(&read(&out, "en/indikator/iku-2/index.html"));
    at(&en, "Q1 – – – – – not measured");
    // PK-2.18.05.2.01-1 TW1 was rejected: 28 of 30 companies = 93.33 % reported, with a cross
    // beside it and the word for a screen reader; its status says it in a word as well.
    let page = read(&out, "indikator/pk-2.18.05.2.01-1/index.html");
    at(&visible(&page), "93,33 % ✗ (ditolak)");
    at(&page, "<span class=\"st s-ditolak\">✗ ditolak</span>");
    // PK-2.18.03.2.01-1 TW2 was corrected from 100 % to 83.33 %.
    at(&visible(&read(&out, "indikator/pk-2.18.03.2.01-1/index.html")), "100,00 % ✎ (dikoreksi) 83,33 %");
}

#[test]
fn the_licence_of_the_open_data_is_in_the_footer_and_the_data_package() {
    let (_tmp, out) = common::build_in(crate_dir(), &[]);
    at(&visible(&read(&out, "index.html")), "Data terbuka (lisensi: CC BY 4.0)");
    at(&visible(&read(&out, "en/unduh/index.html")), "Open data (licence: CC BY 4.0)");
    let package: serde_json::Value = serde_json::from_str(&read(&out, "data/datapackage.json")).unwrap();
    assert_eq!(
        package["licenses"],
        serde_json::json!([{
            "name": "CC-BY-4.0",
            "title": "CC BY 4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/"
        }])
    );
    // A site names its own.
    let site = Site::minimal();
    site.replace("content/sakip.yaml", "  data_contoh: true", "  data_contoh: true\n  lisensi: ODbL 1.0");
    let (_tmp, out) = common::build_in(site.root(), &[]);
    at(&visible(&read(&out, "index.html")), "(lisensi: ODbL 1.0)");
    let package: serde_json::Value = serde_json::from_str(&read(&out, "data/datapackage.json")).unwrap();
    assert_eq!(package["licenses"], serde_json::json!([{ "name": "ODbL-1.0", "title": "ODbL 1.0" }]));
}

#[test]
fn the_tree_shows_each_node_with_its_achievements_absorption_and_responsible_unit() {
    let (_tmp, out) = common::build_in(crate_dir(), &[]);
    let page = read(&out, "cascading/index.html");
    let text = visible(&page);
    // Sasaran S1 with IKU-1 (19.73 %, sangat rendah), then its programme 2.18.03 with its
    // absorption and indicator, then the kegiatan under it.
    let s1 = at(&text, "Sasaran S1 Meningkatnya Pertumbuhan Investasi PMA dan PMDN IKU-1");
    let iku = at(&text, "Capaian 2023: 19,73 % sangat rendah Penanggung jawab: Bidang Penanaman Modal");
    let program =
        at(&text, "Program 2.18.03 Program Promosi Penanaman Modal Serapan 2023: 91,63 % PK-2.18.03-1");
    let kegiatan = at(&text, "Kegiatan 2.18.03.2.01");
    assert!(s1 < iku && iku < program && program < kegiatan, "{text}");
    // Nested lists underneath, in a labelled region that scrolls sideways on a phone.
    at(&page, "role=region aria-label=\"Pohon kinerja (dapat digeser ke samping)\"");
    at(&page, "<li id=k-2-18-03><div class=\"node n-program\">");
    let en = visible(&read(&out, "en/cascading/index.html"));
    at(&en, "Programme 2.18.03 Investment Promotion Programme Absorption 2023: 91.63%");
    at(&en, "Activity 2.18.03.2.01");
    at(&en, "Sub-activity 2.18.03.2.01.0001");
}

/// The search index beside a search page (`cari/indeks.js`): `(kinds, entries)`, each entry
/// `[kind, label, url, words, 1 when the label is Indonesian]`.
fn search_index(out: &Path, rel: &str) -> (Vec<String>, Vec<serde_json::Value>) {
    let js = std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let json = js.strip_prefix("window.sakipCari=").and_then(|j| j.trim_end().strip_suffix(';'));
    let index: serde_json::Value = serde_json::from_str(json.expect("one assignment")).unwrap();
    let kinds = index["j"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().to_string()).collect();
    (kinds, index["e"].as_array().unwrap().clone())
}

/// The entry of `index` whose label starts with `label`: (kind, url, words).
fn entry<'a>(index: &'a (Vec<String>, Vec<serde_json::Value>), label: &str) -> (&'a str, &'a str, &'a str) {
    let e = index.1.iter().find(|e| e[1].as_str().unwrap().starts_with(label));
    let e = e.unwrap_or_else(|| panic!("no entry {label:?} in {:?}", index.1));
    (index.0[e[0].as_u64().unwrap() as usize].as_str(), e[2].as_str().unwrap(), e[3].as_str().unwrap())
}

#[test]
fn search_has_its_own_box_labels_kinds_and_finds_definitions_and_units() {
    let (_tmp, out) = common::build_in(crate_dir(), &[]);
    let page = read(&out, "cari/index.html");
    at(&page, "<label for=cari-q>Cari menurut nama, kode, definisi atau satuan</label>");
    at(&page, "<input id=cari-q name=q type=search");
    // The page loads its index from beside it, then the script; without JavaScript it says so
    // and links the pages that lead to everything.
    assert!(at(&page, "<script src=indeks.js defer>") < at(&page, "static/cari.js defer>"));
    let text = visible(&page);
    at(&text, "Pencarian memerlukan JavaScript.");
    for href in ["tahun/2023/", "tahun/2022/", "cascading/", "unduh/"] {
        at(&page, &format!("<a href=../{href}>"));
    }
    // Kinds are labelled in each language; urls are relative to the language root.
    let id = search_index(&out, "cari/indeks.js");
    assert_eq!(
        entry(&id, "2.18.03 — Program Promosi Penanaman Modal"),
        ("Program", "cascading/#k-2-18-03", "")
    );
    assert_eq!(entry(&id, "2.18.03.2.01 —").0, "Kegiatan");
    assert_eq!(entry(&id, "2.18.03.2.01.0001 —").0, "Sub-kegiatan");
    let en = search_index(&out, "en/cari/indeks.js");
    assert_eq!(entry(&en, "2.18.03 — Investment Promotion Programme").0, "Programme");
    assert_eq!(entry(&en, "2.18.03.2.01 —").0, "Activity");
    assert_eq!(entry(&en, "2.18.03.2.01.0001 —").0, "Sub-activity");
    // IKU-1's definition ("… benar-benar ditanamkan …") and unit are searchable, each in the
    // page's language only.
    let (kind, url, words) = entry(&id, "IKU-1 —");
    assert_eq!((kind, url), ("Indikator", "indikator/iku-1/"));
    assert!(words.contains("benar-benar ditanamkan") && !words.contains("actually invested"), "{words}");
    let (_, _, words) = entry(&en, "IKU-1 —");
    assert!(words.contains("actually invested") && !words.contains("ditanamkan"), "{words}");
    let izin = id.1.iter().filter(|e| e[3].as_str().unwrap().split(' ').any(|w| w == "izin")).count();
    assert!(izin >= 1, "no entry is found by its unit");
    // The script reads the index, filters by the page's own box and keeps the count true.
    let script = read(&out, "static/cari.js");
    assert!(script.contains("window.sakipCari") && script.contains("getElementById(\"cari-q\")"));
    assert!(script.contains("number(hits.length)"), "the count is the number of matches");
}

#[test]
fn every_year_is_reachable_from_the_menu() {
    let (_tmp, out) = common::build_in(crate_dir(), &[]);
    let page = read(&out, "indikator/iku-1/index.html");
    let menu = &page[at(&page, "<nav aria-label=\"Menu utama\"")..];
    let menu = &menu[..at(menu, "</nav>")];
    for year in ["2022", "2023"] {
        at(menu, &format!("href=../../tahun/{year}/"));
    }
    at(menu, "<summary>Semua tahun</summary>");
}

#[test]
fn on_a_phone_every_wide_table_scrolls_in_a_named_region_and_ids_stay_whole() {
    let (_tmp, out) = common::build_in(crate_dir(), &[]);
    let mut pages = Vec::new();
    let mut dirs = vec![out.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                pages.push(path);
            }
        }
    }
    let mut regions = 0;
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        // Every table sits in a scroll region a keyboard reaches and a screen reader names. (A
        // Markdown page's tables are the author's prose tables; they wrap to the page width.)
        for (i, _) in html.match_indices("<table").filter(|_| !html.contains("<article")) {
            let region =
                html[..i].rfind("<div class=scroll").unwrap_or_else(|| panic!("{page:?}: a bare table"));
            assert!(!html[region..i].contains("</div>"), "{page:?}: a table outside its region");
        }
        for div in html.split("<div class=scroll").skip(1) {
            let tag = &div[..div.find('>').unwrap()];
            assert!(tag.contains("tabindex=0 role=region"), "{page:?}: {tag}");
            assert!(tag.contains("aria-labelledby=") || tag.contains("aria-label="), "{page:?}: {tag}");
            regions += 1;
        }
        // A link that is an indicator's id (one word, like `PK-2.18.03.2.01.0001-1`) is one
        // unbreakable token.
        for link in html.split("<a ").skip(1) {
            let (tag, rest) = link.split_once('>').unwrap();
            let text = &rest[..rest.find("</a>").unwrap_or(0)];
            let is_id = tag.contains("indikator/") && !text.contains(' ') && text.contains('-');
            assert!(!is_id || tag.contains("class=ind-id"), "{page:?}: <a {tag}>{text}");
        }
    }
    assert!(regions > 50, "{regions} regions");
    let css = read(&out, "static/style.css");
    assert!(css.contains(".id, .kode, a.ind-id { white-space: nowrap; }"), "ids may break");
    // Header cells have no fill that would show as an empty grey block, and the page's last
    // block keeps its distance from the footer.
    assert!(!css.contains("thead th { background: var(--bg-soft)"));
    // `main` is also a `.wrap`: a plain `main` rule loses to `.wrap { padding: 0 1rem }`.
    assert!(css.contains("main.wrap { padding-top: 1rem; padding-bottom: 3rem; }"));
}
