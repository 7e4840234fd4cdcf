//! The *Bukti LKE* page of a year (SPEC §3.9): criteria (a)–(f) computed from the repository,
//! each with its percentage, the count behind it and links to what falls short, beside the
//! self-assessed component scores of `lke.yaml` (shown as written, never replaced).

use serde::Serialize;

use super::bukti::LIST_LIMIT;
use super::view::{slug, txt};
use super::year::{LkeView, lke};
use super::{Angka, Presenter, Words};
use crate::compute::{Kekurangan, KriteriaResult, Laporan, Rasio};

/// A count and its percentage.
#[derive(Debug, Serialize)]
pub struct RasioView {
    pembilang: usize,
    penyebut: usize,
    persen: Option<Angka>,
}

impl From<&Rasio> for RasioView {
    fn from(r: &Rasio) -> RasioView {
        RasioView { pembilang: r.pembilang, penyebut: r.penyebut, persen: r.persen.map(Angka) }
    }
}

/// An item that falls short, with a link to where it is shown.
#[derive(Debug, Serialize)]
pub struct ItemView {
    label: String,
    url: String,
    note: String,
}

/// One criterion.
#[derive(Debug, Serialize)]
pub struct KriteriaView {
    /// `a` … `f`.
    huruf: &'static str,
    rasio: RasioView,
    /// Per cascading level (criterion (c)): the level's word key and its count.
    tingkat: Vec<(&'static str, RasioView)>,
    /// What falls short, at most [`super::bukti::LIST_LIMIT`] items.
    kurang: Vec<ItemView>,
    /// How many more fall short than are listed.
    lebih: usize,
}

/// The page.
#[derive(Serialize)]
pub struct LkePage {
    tahun: i32,
    kriteria: Vec<KriteriaView>,
    /// The self-assessed scores of `lke.yaml`, when the year has one.
    komponen: Option<LkeView>,
}

/// Build the *Bukti LKE* page of `tahun`; `lang_root` is the relative path to the language root.
pub fn page(p: &Presenter, tahun: i32, t: &Words, lang_root: &str) -> LkePage {
    let kriteria = p
        .ledger
        .lke_bukti
        .iter()
        .find(|l| l.tahun == tahun)
        .map(|l| l.kriteria.iter().map(|k| criterion(k, tahun, t, lang_root)).collect())
        .unwrap_or_default();
    LkePage { tahun, kriteria, komponen: lke(p, tahun) }
}

fn criterion(k: &KriteriaResult, tahun: i32, t: &Words, lang_root: &str) -> KriteriaView {
    KriteriaView {
        huruf: k.kriteria.huruf(),
        rasio: (&k.rasio).into(),
        tingkat: k.tingkat.iter().map(|(l, r)| (l.word(), r.into())).collect(),
        kurang: k.kurang.iter().take(LIST_LIMIT).map(|item| item_view(item, tahun, t, lang_root)).collect(),
        lebih: k.kurang.len().saturating_sub(LIST_LIMIT),
    }
}

fn item_view(item: &Kekurangan, tahun: i32, t: &Words, root: &str) -> ItemView {
    let indicator = |id: &str, anchor: &str| format!("{root}indikator/{}/{anchor}", slug(id));
    let year = |anchor: &str| format!("{root}tahun/{tahun}/{anchor}");
    let (label, url, note) = match item {
        Kekurangan::Indikator { id, kurang } => {
            let fields: Vec<&str> = kurang.iter().map(|k| t.get(&format!("field {k}"))).collect();
            (id.clone(), indicator(id, ""), format!("{} {}", t.get("lke_lacks"), fields.join(", ")))
        }
        Kekurangan::Laporan { laporan, status } => {
            let name = match laporan {
                Laporan::Triwulan(q) => t.get("report_of").replace("{p}", &format!("{}{q}", t.get("q"))),
                Laporan::EvaluasiTriwulan(q) => {
                    t.get("evaluation_of").replace("{p}", &format!("{}{q}", t.get("q")))
                }
                Laporan::Tahunan => t.get("annual_report").to_string(),
            };
            (name, year("#kalender"), t.get(status.label()).to_string())
        }
        Kekurangan::TanpaPk { id, tingkat } => {
            (id.clone(), indicator(id, ""), format!("{}: {}", t.get(tingkat.word()), t.get("lke_no_pk")))
        }
        Kekurangan::BelumValidasi { id, triwulan } => (
            format!("{id} {}{triwulan}", t.get("q")),
            indicator(id, &format!("#tw-{tahun}")),
            t.get("belum").to_string(),
        ),
        Kekurangan::Bukti { id, triwulan, jenis } => {
            let kinds: Vec<String> = jenis.iter().map(|j| txt(j, t.lang).text).collect();
            // The indicator's own matrix: the year's page lists only some indicators.
            let url = indicator(id, "#bukti-dukung");
            (
                format!("{id} {}{triwulan}", t.get("q")),
                url,
                format!("{}: {}", t.get("evidence_missing"), kinds.join(", ")),
            )
        }
        Kekurangan::Rekomendasi { evaluasi, rekomendasi, status } => {
            (format!("{evaluasi} / {rekomendasi}"), year("#evaluasi"), t.get(status.label()).to_string())
        }
    };
    ItemView { label, url, note }
}
