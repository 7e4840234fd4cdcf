//! Every ledger row names the file and line of its inputs (issue 8, item 4): the target, each
//! realisation it is computed from and the validation verdict. The expected places are found
//! in the fixture's text, not taken from the program.

use std::path::Path;

use chrono::NaiveDate;
use sakip_site::compute::{self, Ledger, Periode, Row};
use sakip_site::diagnostics::Loc;

fn fixture() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/compute"))
}

fn ledger() -> Ledger {
    let as_of = NaiveDate::from_ymd_opt(2024, 3, 20).unwrap();
    let mut checked = sakip_site::check::check(fixture(), Some(as_of)).unwrap();
    assert!(!checked.diagnostics.has_errors());
    compute::compute(&checked.site, as_of, &mut checked.diagnostics)
}

fn row<'a>(ledger: &'a Ledger, id: &str, tahun: i32, periode: Periode) -> &'a Row {
    let ind = ledger.indicators.iter().find(|l| l.id == id).unwrap();
    ind.rows.iter().find(|r| r.tahun == tahun && r.periode == periode).unwrap()
}

/// `file:line:column` of the first occurrence of `needle` in `file` (under `content/`) after the
/// first line containing `after`; the column is that of `needle`'s first character.
fn at(file: &str, after: &str, needle: &str) -> String {
    let text = std::fs::read_to_string(fixture().join("content").join(file)).unwrap();
    let start = text.lines().position(|l| l.contains(after)).unwrap();
    let (n, line) = text.lines().enumerate().skip(start).find(|(_, l)| l.contains(needle)).unwrap();
    let column = line[..line.find(needle).unwrap()].chars().count() + 1;
    format!("content/{file}:{}:{column}", n + 1)
}

fn shown(loc: &Loc) -> String {
    format!("{}:{}:{}", loc.file, loc.line, loc.column)
}

fn shown_all(locs: &[Loc]) -> Vec<String> {
    locs.iter().map(shown).collect()
}

#[test]
fn a_cumulative_quarter_names_its_target_and_every_quarter_to_date() {
    let ledger = ledger();
    let tw2 = row(&ledger, "A", 2023, Periode::Triwulan(2));
    assert_eq!(
        tw2.provenance.target.as_ref().map(shown),
        Some(at("2023/rencana-aksi.yaml", "id: A", "\"5.000.000\""))
    );
    assert_eq!(
        shown_all(&tw2.provenance.realisasi),
        [
            at("2023/realisasi/tw1.yaml", "indikator: A", "\"Rp 2.000.000,50\""),
            at("2023/realisasi/tw2.yaml", "indikator: A", "\"3.000.000\""),
        ]
    );
    assert_eq!(tw2.provenance.validasi, None, "TW2 of A has no verdict");
    let tw1 = row(&ledger, "A", 2023, Periode::Triwulan(1));
    assert_eq!(
        tw1.provenance.validasi.as_ref().map(shown),
        Some(at("2023/validasi.yaml", "indikator: A", "sah"))
    );
}

#[test]
fn a_year_names_the_renstra_or_the_quarters_and_its_verdict() {
    let ledger = ledger();
    let from_renstra = row(&ledger, "A", 2022, Periode::Tahunan);
    assert_eq!(
        shown_all(&from_renstra.provenance.realisasi),
        [at("renstra.yaml", "id: A", "\"Rp 7.000.000\"")]
    );
    assert_eq!(
        from_renstra.provenance.target.as_ref().map(shown),
        Some(at("renstra.yaml", "id: A", "\"8 juta\""))
    );
    let year = row(&ledger, "A", 2023, Periode::Tahunan);
    assert_eq!(year.provenance.realisasi.len(), 4, "a cumulative year sums four quarters");
    assert_eq!(
        year.provenance.validasi.as_ref().map(shown),
        Some(at("2023/validasi.yaml", "triwulan: tahunan", "dikoreksi"))
    );
    // `terakhir`: the year is the last quarter measured, and names only that one.
    let b = row(&ledger, "B", 2023, Periode::Tahunan);
    let named = shown_all(&b.provenance.realisasi);
    assert_eq!(named.len(), 1, "{named:?}");
    assert!(named[0].starts_with("content/2023/realisasi/tw"), "{named:?}");
}

#[test]
fn a_year_with_only_a_target_names_no_realisation() {
    let ledger = ledger();
    let row = row(&ledger, "A", 2024, Periode::Tahunan);
    assert_eq!(row.provenance.target.as_ref().map(shown), Some(at("renstra.yaml", "id: A", "\"12 juta\"")));
    assert!(row.provenance.realisasi.is_empty(), "2024 has no realisation");
}
