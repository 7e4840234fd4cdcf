//! The downloads of SPEC §5.2 (issue 14): the workbook of each year read back with an
//! independent reader (calamine), `unduh/SHA256SUMS` checked by the real `sha256sum -c`, and
//! the downloads page listing every file with its size and checksum.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use common::{Site, crate_dir};

const WORKBOOK_2023: &str = "unduh/2023/pengukuran-kinerja-2023.xlsx";

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.worksheet_range(name).unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

/// The row whose first cells are `key` (e.g. `["IKU-1"]`), as a map from header to cell.
fn row(range: &Range<Data>, key_col: usize, key: &str) -> Vec<(String, Data)> {
    let mut rows = range.rows();
    let header: Vec<String> = rows.next().unwrap().iter().map(|c| c.to_string()).collect();
    let found =
        rows.find(|r| r.get(key_col).is_some_and(|c| is(c, key))).unwrap_or_else(|| panic!("no row {key}"));
    header.into_iter().zip(found.iter().cloned()).collect()
}

/// Whether `c` is the text `s`.
fn is(c: &Data, s: &str) -> bool {
    matches!(c, Data::String(text) if text == s)
}

fn cell(row: &[(String, Data)], header: &str) -> Data {
    row.iter()
        .find(|(h, _)| h == header)
        .map(|(_, d)| d.clone())
        .unwrap_or_else(|| panic!("no column {header}"))
}

/// Every string cell of every sheet.
fn strings(path: &Path) -> BTreeSet<String> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let mut out = BTreeSet::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        out.extend(range.used_cells().filter_map(|(_, _, c)| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        }));
    }
    out
}

/// Ids of `key:` entries in a YAML file of the example (`- id: …`, `indikator:` lists).
fn ids(rel: &str, key: &str) -> Vec<String> {
    let text = std::fs::read_to_string(crate_dir().join(rel)).unwrap();
    text.lines()
        .filter_map(|l| l.trim_start().strip_prefix("- ").and_then(|l| l.strip_prefix(key)))
        .map(|v| v.trim().trim_matches('"').to_string())
        .collect()
}

#[test]
fn the_workbook_holds_the_exact_figures_as_numbers() {
    let (_tmp, public) = common::build_in(crate_dir(), &[]);
    let path = public.join(WORKBOOK_2023);
    let iku = sheet(&path, "IKU");
    let iku1 = row(&iku, 2, "IKU-1");
    // Renstra: target 2023 "75 triliun" = 75 × 10^12, exact in an f64.
    assert_eq!(cell(&iku1, "Target"), Data::Float(75_000_000_000_000.0));
    // Quarters 3,29 + 5,70 + 1,76 + 4,05 triliun = 14,80 triliun.
    assert_eq!(cell(&iku1, "Realisasi"), Data::Float(14_800_000_000_000.0));
    // 14,8 / 75 × 100 = 19,7333… → 19,73; validated `sah` for the year, so the same.
    assert_eq!(cell(&iku1, "Capaian (%)"), Data::Float(19.73));
    assert_eq!(cell(&iku1, "Capaian tervalidasi (%)"), Data::Float(19.73));
    assert_eq!(cell(&iku1, "Status validasi"), Data::String("sah".into()));
    assert_eq!(cell(&iku1, "Predikat"), Data::String("sangat rendah".into()));
    // IKU-2's target "82,50" is the number 82.5 (shown 82,50 by the cell's format).
    let iku2 = row(&iku, 2, "IKU-2");
    assert_eq!(cell(&iku2, "Target"), Data::Float(82.5));
    assert_eq!(cell(&iku2, "Sasaran"), Data::String("S2".into()));

    // Quarter rows: IKU-1 TW2 is cumulative 3,29 + 5,70 = 8,99 triliun against 35 triliun.
    let tw = sheet(&path, "Realisasi triwulan");
    let rows: Vec<_> = tw.rows().filter(|r| is(&r[0], "IKU-1") && is(&r[2], "TW2")).collect();
    assert_eq!(rows.len(), 1);
    let header: Vec<String> = tw.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows[0][at("Target")], Data::Float(35_000_000_000_000.0));
    assert_eq!(rows[0][at("Realisasi")], Data::Float(5_700_000_000_000.0));
    assert_eq!(rows[0][at("Realisasi kumulatif")], Data::Float(8_990_000_000_000.0));

    // validasi.yaml corrects PK-2.18.03.2.01-1 in TW2 to 83,33 and rejects PK-2.18.05.2.01-1
    // in TW1 (validated achievement 0).
    let val = sheet(&path, "Validasi");
    let corrected: Vec<_> =
        val.rows().filter(|r| is(&r[0], "PK-2.18.03.2.01-1") && is(&r[1], "TW2")).collect();
    assert_eq!(corrected[0][2], Data::String("dikoreksi".into()));
    assert_eq!(corrected[0][4], Data::Float(83.33));
    let rejected: Vec<_> =
        val.rows().filter(|r| is(&r[0], "PK-2.18.05.2.01-1") && is(&r[1], "TW1")).collect();
    assert_eq!(rejected[0][2], Data::String("ditolak".into()));
    assert_eq!(rejected[0][4], Data::Float(0.0));

    // PK-KABID-PM-2023-P raises PK-2.18.03-1's 2023 target from 40 to 45 (Perda 5/2023 of
    // 2023-09-28): realisation 42 against 45 is 93,33 %, the original target beside it.
    let cascading = sheet(&path, "Indikator cascading");
    let revised = row(&cascading, 3, "PK-2.18.03-1");
    assert_eq!(cell(&revised, "Target"), Data::Float(45.0));
    assert_eq!(cell(&revised, "Capaian (%)"), Data::Float(93.33));
    assert_eq!(cell(&revised, "Target awal"), Data::Float(40.0));
    let Data::String(dasar) = cell(&revised, "Dasar perubahan target") else { panic!("no basis") };
    assert!(
        dasar.starts_with("PK-KABID-PM-2023-P: Perda Kabupaten Purwakarta Nomor 5 Tahun 2023"),
        "{dasar}"
    );
    assert!(dasar.ends_with(", 2023-09-28"), "{dasar}");
    assert_eq!(cell(&iku1, "Target awal"), Data::Empty);

    // Evidence matrix: the rencana aksi requires of IKU-1 a Laporan LKPM every quarter and the
    // Rekapitulasi realisasi investasi in TW4; tw4.yaml supplies both and a link besides, so
    // 2 of 2 required: 2 / 2 × 100 = 100.
    let matrix = sheet(&path, "Matriks bukti");
    let tw4: Vec<_> = matrix.rows().filter(|r| is(&r[0], "IKU-1") && is(&r[1], "TW4")).collect();
    assert_eq!(tw4[0][2], Data::String("Laporan LKPM; Rekapitulasi realisasi investasi".into()));
    assert_eq!(tw4[0][4], Data::Empty);
    assert_eq!(
        (&tw4[0][5], &tw4[0][6], &tw4[0][7]),
        (&Data::Float(2.0), &Data::Float(2.0), &Data::Float(100.0))
    );
}

#[test]
fn every_indicator_and_evaluation_id_is_in_the_workbook_and_no_cell_is_a_formula() {
    let (_tmp, public) = common::build_in(crate_dir(), &[]);
    let path = public.join(WORKBOOK_2023);
    let found = strings(&path);
    let indicators: Vec<String> = ["content/renstra.yaml", "content/cascading.yaml"]
        .iter()
        .flat_map(|f| ids(f, "id:"))
        .filter(|id| id.starts_with("IKU-") || id.starts_with("PK-"))
        .collect();
    let evaluations = ids("content/2023/evaluasi.yaml", "id: EV");
    assert!(indicators.len() >= 10 && evaluations.len() == 6, "{indicators:?} {evaluations:?}");
    for id in &indicators {
        assert!(found.contains(id), "indicator {id} is not in the workbook");
    }
    for id in evaluations.iter().map(|e| format!("EV{e}")) {
        assert!(found.contains(&id), "evaluation {id} is not in the workbook");
    }
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "Keterangan",
            "IKU",
            "Indikator cascading",
            "Rencana aksi",
            "Realisasi triwulan",
            "Validasi",
            "Matriks bukti",
            "Evaluasi dan tindak lanjut",
            "Anggaran"
        ]
    );
    for name in &names {
        let formulas = book.worksheet_formula(name).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "{name} has a formula");
    }
    // The example is marked as sample data, and so is its workbook.
    let about = sheet(&path, "Keterangan");
    assert!(about.rows().any(|r| is(&r[0], "Data contoh")));
}

/// A member of the workbook at `path`, read with the real `unzip`.
fn unzip(path: &Path, member: &str) -> String {
    let out = Command::new("unzip").arg("-p").arg(path).arg(member).output().unwrap();
    assert!(out.status.success(), "unzip {member}");
    String::from_utf8(out.stdout).unwrap()
}

/// The value of attribute `name` in a tag's text (`r="A1" s="2"`).
fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let key = format!("{name}=\"");
    let (at, _) = tag.match_indices(&key).find(|(i, _)| *i == 0 || tag.as_bytes()[i - 1] == b' ')?;
    tag[at + key.len()..].split('"').next()
}

/// Each cell style (`<xf>` of `cellXfs`, by index) as a spreadsheet applies it: its number
/// format code (`General` for none) and its alignment element.
fn cell_styles(styles: &str) -> Vec<(String, String)> {
    let codes: Vec<(&str, &str)> = styles
        .split("<numFmt ")
        .skip(1)
        .filter_map(|f| Some((attr(f, "numFmtId")?, attr(f, "formatCode")?)))
        .collect();
    let xfs = styles.split("<cellXfs").nth(1).unwrap().split("</cellXfs>").next().unwrap();
    xfs.split("<xf ")
        .skip(1)
        .map(|xf| {
            let id = attr(xf, "numFmtId").unwrap();
            let code = codes.iter().find(|(i, _)| *i == id).map_or("General", |(_, c)| c);
            let align = xf.split("<alignment").nth(1).map_or("", |a| a.split("/>").next().unwrap());
            (code.replace("&amp;", "&"), align.trim().to_string())
        })
        .collect()
}

#[test]
fn every_cell_carries_the_style_it_is_shown_with() {
    // The writer gives a column the style most of its cells have and writes those cells
    // without a format of their own; a spreadsheet applies a column's style only to cells
    // that do not exist, so each written cell must still name its style (`s`) in the sheet.
    let (_tmp, public) = common::build_in(crate_dir(), &[]);
    let path = public.join(WORKBOOK_2023);
    let styles = cell_styles(&unzip(&path, "xl/styles.xml"));
    let (mut numbers, mut texts, mut dates, mut formats) = (0, 0, 0, BTreeSet::new());
    for n in 1..=9 {
        let xml = unzip(&path, &format!("xl/worksheets/sheet{n}.xml"));
        for cell in xml.split("<c ").skip(1).map(|c| c.split("</c>").next().unwrap()) {
            let (r, t) = (attr(cell, "r").unwrap(), attr(cell, "t"));
            let s: usize =
                attr(cell, "s").unwrap_or_else(|| panic!("sheet{n} {r} has no style")).parse().unwrap();
            let (code, align) = &styles[s];
            if r[r.len() - 1..] == *"1" && r[..r.len() - 1].chars().all(|c| c.is_ascii_uppercase()) {
                continue; // the header row, bold and wrapped
            }
            assert!(align.contains(r#"vertical="top""#), "sheet{n} {r}: {align}");
            match t {
                // Text wraps in its column, a figure kept as text is right-aligned.
                Some(_) => {
                    texts += 1;
                    assert_eq!(code, "General", "sheet{n} {r}");
                    let wraps = align.contains(r#"wrapText="1""#);
                    assert!(wraps || align.contains(r#"horizontal="right""#), "sheet{n} {r}: {align}");
                }
                None if code == "yyyy-mm-dd" => dates += 1,
                None => {
                    numbers += 1;
                    assert!(code.starts_with("#,##0"), "sheet{n} {r}: number shown as {code}");
                    formats.insert(code.clone());
                }
            }
        }
    }
    assert!(numbers > 100 && texts > 100 && dates > 10, "{numbers} {texts} {dates}");
    // Figures show their own decimals: none (counts, rupiah), one, two (percentages).
    for code in ["#,##0", "#,##0.00"] {
        assert!(formats.contains(code), "{formats:?}");
    }
    // IKU-2's target 82,50 is the number 82.5 shown with two decimals.
    let iku = unzip(&path, "xl/worksheets/sheet2.xml");
    let cell = iku.split("<c ").find(|c| c.contains("<v>82.5</v>")).expect("82.5 in IKU");
    assert_eq!(styles[attr(cell, "s").unwrap().parse::<usize>().unwrap()].0, "#,##0.00");
}

#[test]
fn the_workbook_freezes_its_header_and_formats_figures_the_indonesian_way() {
    let (_tmp, public) = common::build_in(crate_dir(), &[]);
    let unzip = |member: &str| unzip(&public.join(WORKBOOK_2023), member);
    // Excel stores format codes in its neutral notation; a spreadsheet in Indonesian shows
    // `#,##0.00` as 1.234,50.
    let styles = unzip("xl/styles.xml");
    assert!(styles.contains(r##"formatCode="#,##0.00""##), "{styles}");
    assert!(styles.contains(r##"formatCode="#,##0""##), "{styles}");
    // Every sheet keeps its header row in view.
    for n in 1..=9 {
        let xml = unzip(&format!("xl/worksheets/sheet{n}.xml"));
        assert!(xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#), "sheet{n}");
        assert!(xml.contains("<cols>"), "sheet{n} has fitted column widths");
    }
    // The document's date is the as-of date, never the clock.
    let core = unzip("docProps/core.xml");
    assert!(core.contains("2024-06-30T00:00:00Z"), "{core}");
}

#[test]
fn sha256sums_verifies_with_coreutils_and_the_downloads_page_lists_every_file() {
    let (_tmp, public) = common::build_in(crate_dir(), &[]);
    let check =
        Command::new("sha256sum").args(["-c", "--strict", "unduh/SHA256SUMS"]).current_dir(&public).output();
    let check = check.expect("sha256sum (coreutils) runs");
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{stdout}{}", String::from_utf8_lossy(&check.stderr));
    let sums = std::fs::read_to_string(public.join("unduh/SHA256SUMS")).unwrap();
    let listed: Vec<&str> = sums.lines().map(|l| &l[66..]).collect();
    // Every file under data/ and unduh/, but the page and the list itself.
    let mut expected = Vec::new();
    for dir in ["data", "unduh"] {
        walk(&public, &public.join(dir), &mut expected);
    }
    expected.retain(|p| p != "unduh/index.html" && p != "unduh/SHA256SUMS");
    expected.sort();
    assert_eq!(listed, expected);
    assert!(listed.contains(&WORKBOOK_2023) && listed.contains(&"data/capaian.csv"));

    // The page shows each file's size and checksum; a corrupted copy fails the check.
    let read = |rel: &str| std::fs::read_to_string(public.join(rel)).unwrap();
    let page = read("unduh/index.html");
    let xlsx = std::fs::read(public.join(WORKBOOK_2023)).unwrap();
    let line = sums.lines().find(|l| l.ends_with(WORKBOOK_2023)).unwrap();
    assert!(page.contains(&line[..64]), "the page shows the workbook's checksum");
    assert!(page.contains(&format!("title=\"{} byte\"", xlsx.len())));
    assert!(page.contains(&format!("href=../{WORKBOOK_2023}")));
    assert!(page.contains("&nbsp;KB") || page.contains("\u{a0}KB"), "sizes are human-readable");
    // Every file has a title of its own, not just its name (an export added without one would
    // show its bare file name as the link).
    for path in &listed {
        let name = path.rsplit('/').next().unwrap();
        assert!(!page.contains(&format!(">{name}</a>")), "{path} has no title on the downloads page");
    }
    let en = read("en/unduh/index.html");
    assert!(en.contains(&line[..64]) && en.contains("Performance measurement 2023"));
    std::fs::write(public.join("data/ikm.csv"), "changed\n").unwrap();
    let broken =
        Command::new("sha256sum").args(["-c", "unduh/SHA256SUMS"]).current_dir(&public).output().unwrap();
    assert!(!broken.status.success());
    assert!(String::from_utf8_lossy(&broken.stdout).contains("data/ikm.csv: FAILED"));

    // The year page links its workbook.
    let year = read("tahun/2023/index.html");
    assert!(year.contains(&format!("href=../../{WORKBOOK_2023}")), "{year}");
}

fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(base, &path, out);
        } else {
            out.push(path.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn a_figure_an_f64_cannot_hold_is_exact_text() {
    let site = Site::minimal();
    // 20 significant digits: the nearest f64 is 12345678901234567168.
    site.replace(
        "content/renstra.yaml",
        r#"realisasi: {2022: "7,5"}"#,
        r#"realisasi: {2022: "12345678901234567890"}"#,
    );
    let (_tmp, public) = common::build_in(site.root(), &[]);
    let iku = sheet(&public.join("unduh/2022/pengukuran-kinerja-2022.xlsx"), "IKU");
    let iku3 = row(&iku, 2, "IKU-3");
    assert_eq!(cell(&iku3, "Realisasi"), Data::String("12.345.678.901.234.567.890".into()));
    // The range target 7 s.d. 9 keeps its bounds as numbers.
    assert_eq!((cell(&iku3, "Target min"), cell(&iku3, "Target maks")), (Data::Float(7.0), Data::Float(9.0)));
    assert_eq!(cell(&iku3, "Target"), Data::Empty);
}
