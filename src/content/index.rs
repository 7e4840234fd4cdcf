//! Lookups into one year folder by indicator id, built once so that neither the computation nor
//! the pages search a list per indicator and quarter.

use std::collections::HashMap;

use super::model::{CapaianEntry, RencanaAksiEntry, ValidasiEntry, Year};

/// The entries of one year folder by indicator id. Where an id appears twice (an error of
/// `check`), the first entry counts, as a linear search would find.
#[derive(Debug, Default)]
pub struct YearIndex<'a> {
    /// Rencana aksi entries.
    plan: HashMap<&'a str, &'a RencanaAksiEntry>,
    /// Entries of `realisasi/tw1.yaml` … `tw4.yaml`.
    quarters: [HashMap<&'a str, &'a CapaianEntry>; 4],
    /// Validation entries of each indicator, in file order.
    validasi: HashMap<&'a str, Vec<&'a ValidasiEntry>>,
}

impl<'a> YearIndex<'a> {
    /// The index of `year`.
    pub fn new(year: &'a Year) -> YearIndex<'a> {
        let mut plan = HashMap::new();
        for e in year.rencana_aksi.iter().flat_map(|r| &r.indikator) {
            plan.entry(e.id.value.as_str()).or_insert(e);
        }
        let quarters = std::array::from_fn(|q| {
            let mut map = HashMap::new();
            for c in year.realisasi[q].iter().flat_map(|f| &f.capaian) {
                map.entry(c.indikator.value.as_str()).or_insert(c);
            }
            map
        });
        let mut validasi: HashMap<&str, Vec<&ValidasiEntry>> = HashMap::new();
        for e in year.validasi.iter().flat_map(|v| &v.validasi) {
            validasi.entry(e.indikator.value.as_str()).or_default().push(e);
        }
        YearIndex { plan, quarters, validasi }
    }

    /// The rencana aksi entry of indicator `id`.
    pub fn plan(&self, id: &str) -> Option<&'a RencanaAksiEntry> {
        self.plan.get(id).copied()
    }

    /// The entry of indicator `id` in `realisasi/tw<q>.yaml` (`q` is 1–4).
    pub fn entry(&self, q: u8, id: &str) -> Option<&'a CapaianEntry> {
        self.quarters.get(usize::from(q).checked_sub(1)?)?.get(id).copied()
    }

    /// The validation verdicts of indicator `id`, in file order.
    pub fn verdicts(&self, id: &str) -> &[&'a ValidasiEntry] {
        self.validasi.get(id).map_or(&[], Vec::as_slice)
    }
}
