//! The ledger's figures as the reports print them: Indonesian, through `present::format`
//! (the same calls as the site), with `–` for a blank cell.

use rust_decimal::Decimal;

use crate::compute::{Row, Scale, Validation};
use crate::diagnostics::Lang;
use crate::number::Target;
use crate::present::format::{self, KOSONG};

/// A figure with its unit, or `–`.
pub fn nilai(value: Option<Decimal>, satuan: &str) -> String {
    value.map_or_else(|| KOSONG.to_string(), |v| format::nilai(v, satuan, Lang::Id))
}

/// A target: one figure, or a range `80 % – 90 %`.
pub fn target(target: Option<&Target>, satuan: &str) -> String {
    match target {
        Some(Target::Single(v)) => format::nilai(*v, satuan, Lang::Id),
        Some(Target::Range { min, maks }) => {
            format!("{} – {}", format::nilai(*min, satuan, Lang::Id), format::nilai(*maks, satuan, Lang::Id))
        }
        None => KOSONG.to_string(),
    }
}

/// A percentage (an achievement), rounded as published, or `–`.
pub fn persen(value: Option<Decimal>) -> String {
    value.map_or_else(|| KOSONG.to_string(), |v| format::persen(v, Lang::Id))
}

/// A rupiah amount in full, or `–`: budgets are read to the rupiah.
pub fn rupiah(value: Option<Decimal>) -> String {
    value.map_or_else(|| KOSONG.to_string(), |v| format::rupiah_penuh(v, Lang::Id))
}

/// A plain figure (an index, a difference), or `–`.
pub fn angka(value: Option<Decimal>) -> String {
    value.map_or_else(|| KOSONG.to_string(), |v| format::angka(v, Lang::Id))
}

/// The predicate of the row's official achievement, or `–`.
pub fn predikat(row: &Row, scale: &Scale) -> String {
    row.predikat
        .and_then(|band| scale.bands.get(band))
        .map_or_else(|| KOSONG.to_string(), |b| b.nama.id.clone())
}

/// The achievement to publish: the validated one, and the reported one beside it where the
/// two differ (`98,00 % (dilaporkan 100,00 %)`).
pub fn capaian(row: &Row) -> String {
    let resmi = persen(row.capaian_resmi());
    match (row.validasi, row.capaian) {
        (Validation::Verdict(_), Some(reported)) if row.capaian_tervalidasi != Some(reported) => {
            format!("{resmi} (dilaporkan {})", persen(Some(reported)))
        }
        _ => resmi,
    }
}

/// How the validation team left the row, in words.
pub fn status(row: &Row) -> String {
    match row.validasi {
        Validation::Belum => "belum divalidasi".to_string(),
        Validation::Verdict(_) => row.validasi.label().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::Periode;
    use crate::content::model::StatusValidasi;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn row(capaian: &str, tervalidasi: Option<&str>, validasi: Validation) -> Row {
        Row {
            tahun: 2023,
            periode: Periode::Triwulan(2),
            target: Some(Target::Range { min: d("80"), maks: d("90") }),
            realisasi: Some(d("85.5")),
            realisasi_kumulatif: None,
            capaian: Some(d(capaian)),
            capaian_tervalidasi: tervalidasi.map(d),
            validasi,
            alasan: None,
            predikat: Some(0),
            provenance: Default::default(),
            target_awal: None,
            revisi: None,
        }
    }

    #[test]
    fn the_validated_achievement_is_shown_with_the_reported_one_beside_it_when_they_differ() {
        // Corrected from 100 to 95: both are printed, the validated one first.
        let corrected = row("100", Some("95.00"), Validation::Verdict(StatusValidasi::Dikoreksi));
        assert_eq!(capaian(&corrected).replace('\u{a0}', " "), "95,00 % (dilaporkan 100,00 %)");
        // Accepted as reported: one figure.
        let accepted = row("99.67", Some("99.67"), Validation::Verdict(StatusValidasi::Sah));
        assert_eq!(capaian(&accepted).replace('\u{a0}', " "), "99,67 %");
        // Not validated yet: the reported figure.
        let pending = row("101.5", None, Validation::Belum);
        assert_eq!(capaian(&pending).replace('\u{a0}', " "), "101,50 %");
        assert_eq!(status(&pending), "belum divalidasi");
        // A range target in the indicator's unit; a blank is a dash.
        assert_eq!(target(corrected.target.as_ref(), "persen").replace('\u{a0}', " "), "80 % – 90 %");
        assert_eq!(nilai(None, "rupiah"), KOSONG);
        assert_eq!(rupiah(Some(d("1250000.50"))).replace('\u{a0}', " "), "Rp 1.250.000,50");
    }
}
