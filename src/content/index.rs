//! Lookups into one year folder by indicator id, built once so that neither the computation nor
//! the pages search a list per indicator and quarter.

use std::collections::{HashMap, HashSet};

use foldhash::fast::RandomState;

use super::model::{CapaianEntry, RencanaAksiEntry, ValidasiEntry, Year};

/// A hash map keyed by id. Its hasher is seeded at random on every run (content is untrusted:
/// a fixed seed would let a file choose ids that collide), and hashes a short id several
/// times faster than the standard SipHash. Its order is arbitrary: it is only looked into,
/// never walked to produce output.
pub type IdMap<K, V> = HashMap<K, V, RandomState>;

/// A hash set of ids, hashed as an [`IdMap`].
pub type IdSet<K> = HashSet<K, RandomState>;

/// An empty [`IdMap`] with room for `n` entries.
pub fn id_map<K, V>(n: usize) -> IdMap<K, V> {
    HashMap::with_capacity_and_hasher(n, RandomState::default())
}

/// The entries of one year folder by indicator id. Where an id appears twice (an error of
/// `check`), the first entry counts, as a linear search would find.
#[derive(Debug, Default)]
pub struct YearIndex<'a> {
    /// Rencana aksi entries.
    plan: IdMap<&'a str, &'a RencanaAksiEntry>,
    /// Entries of `realisasi/tw1.yaml` … `tw4.yaml`.
    quarters: [IdMap<&'a str, &'a CapaianEntry>; 4],
    /// Validation entries of each indicator, in file order.
    validasi: IdMap<&'a str, Vec<&'a ValidasiEntry>>,
}

impl<'a> YearIndex<'a> {
    /// The index of `year`.
    pub fn new(year: &'a Year) -> YearIndex<'a> {
        let plan_entries = year.rencana_aksi.as_ref().map_or(0, |r| r.indikator.len());
        let mut plan = id_map(plan_entries);
        for e in year.rencana_aksi.iter().flat_map(|r| &r.indikator) {
            plan.entry(e.id.value.as_str()).or_insert(e);
        }
        let quarters = std::array::from_fn(|q| {
            let mut map = id_map(year.realisasi[q].as_ref().map_or(0, |f| f.capaian.len()));
            for c in year.realisasi[q].iter().flat_map(|f| &f.capaian) {
                map.entry(c.indikator.value.as_str()).or_insert(c);
            }
            map
        });
        let mut validasi: IdMap<&str, Vec<&ValidasiEntry>> =
            id_map(year.validasi.as_ref().map_or(0, |v| v.validasi.len()));
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
