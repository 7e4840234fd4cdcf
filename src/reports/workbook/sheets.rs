//! The sheets of a year's workbook and their rows: every IKU and cascading indicator (blank
//! where it has no figure that year, so every id is there), the action plan, the quarters, the
//! validation verdicts, the evidence matrix, the evaluations with their follow-up and the
//! budgets. Figures come from
//! the ledger's rows as they are; nothing here computes.

use std::collections::HashMap;

use super::{Emit, Sel, Sheet};
use crate::compute::{EvidenceKind, FollowUp, IndicatorLedger, Owner, Periode, Row};
use crate::content::model::{Indikator, Kegiatan, Rekomendasi, RencanaAksiEntry, Site, Text, Year};
use crate::content::reader::Choice;
use crate::diagnostics::Lang;
use crate::number::Target;
use crate::present::Presenter;
use crate::present::format::angka;

/// Every sheet of the workbook of `tahun`, in order. A sheet makes its rows each time it is
/// read and hands them on one by one, so a year of thousands of indicators never holds a whole
/// sheet's rows, let alone the workbook's.
pub(super) fn sheets<'a>(p: &'a Presenter<'_>, tahun: i32) -> impl Iterator<Item = Sheet<'a>> {
    let y = p.site.years.get(&tahun);
    (0..9).map(move |sheet| match sheet {
        0 => keterangan(p, tahun),
        1 => iku(p, tahun),
        2 => cascading(p, tahun),
        3 => rencana_aksi(p, y, tahun),
        4 => triwulan(p, tahun),
        5 => validasi(p, y, tahun),
        6 => matriks_bukti(p, tahun),
        7 => evaluasi(p, y, tahun),
        _ => anggaran(p, tahun),
    })
}

/// The row of `l` for `periode` of `tahun`.
fn row_of(l: &IndicatorLedger, tahun: i32, periode: Periode) -> Option<&Row> {
    l.rows.iter().find(|r| r.tahun == tahun && r.periode == periode)
}

/// The ledger of each indicator id.
fn ledgers<'a>(p: &Presenter<'a>) -> HashMap<&'a str, &'a IndicatorLedger> {
    p.indicators().iter().map(|(i, l)| (i.id.value.as_str(), *l)).collect()
}

fn teks(text: &Text) -> Sel {
    Sel::Teks(text.id.clone())
}

fn kata(word: &str) -> Sel {
    Sel::Teks(word.to_string())
}

fn opt<T>(value: Option<T>, cell: impl FnOnce(T) -> Sel) -> Sel {
    value.map_or(Sel::Kosong, cell)
}

/// What the workbook is, whose, as of when, and whether its figures are sample data.
fn keterangan<'a>(p: &Presenter, tahun: i32) -> Sheet<'a> {
    let sakip = p.site.sakip.as_ref();
    let mut baris = vec![
        vec![kata("Instansi"), opt(sakip, |s| teks(&s.instansi.nama))],
        vec![kata("Pemerintah"), opt(sakip, |s| teks(&s.instansi.pemerintah))],
        vec![kata("Tahun"), Sel::Teks(tahun.to_string())],
        vec![kata("Tanggal acuan"), Sel::Tanggal(p.ledger.as_of)],
        vec![kata("Situs"), opt(sakip, |s| kata(&s.situs.base_url.value))],
    ];
    if sakip.is_some_and(|s| s.situs.data_contoh) {
        baris.push(vec![
            kata("Data contoh"),
            kata("Ya: angka dalam buku kerja ini adalah contoh, bukan data resmi"),
        ]);
    }
    baris.push(vec![
        kata("Catatan"),
        kata("Capaian dalam persen, dibulatkan 2 desimal; target dan realisasi persis seperti ditulis. Angka yang tidak dapat disimpan persis sebagai angka lembar kerja ditulis sebagai teks."),
    ]);
    let baris = move |emit: Emit| baris.iter().cloned().for_each(emit);
    Sheet { nama: "Keterangan", kolom: vec!["Keterangan", "Isi"], baris: Box::new(baris) }
}

const FIGURE_COLUMNS: [&str; 10] = [
    "Target",
    "Target min",
    "Target maks",
    "Realisasi",
    "Capaian (%)",
    "Capaian tervalidasi (%)",
    "Status validasi",
    "Alasan validasi",
    "Predikat",
    "Capaian thd target akhir Renstra (%)",
];

/// The figure cells of the year row of `l` in `tahun` (blank when it has none).
fn figures(p: &Presenter, l: &IndicatorLedger, tahun: i32) -> Vec<Sel> {
    let row = row_of(l, tahun, Periode::Tahunan);
    let renstra = l.trend.iter().find(|t| t.tahun == tahun).and_then(|t| t.capaian_renstra);
    let mut out = match row {
        Some(row) => row_cells(p, row),
        None => vec![Sel::Kosong; FIGURE_COLUMNS.len() - 1],
    };
    out.push(opt(renstra, Sel::Angka));
    out.extend(revision(row));
    out
}

/// The original target and the revision that replaced it (SPEC §2.9), blank without one.
fn revision(row: Option<&Row>) -> [Sel; 2] {
    match row.and_then(|r| Some((r, r.revisi.as_ref()?))) {
        Some((row, revisi)) => [
            target_cell(row.target_awal.as_ref()),
            Sel::Teks(format!("{}: {}, {}", revisi.pk, revisi.dasar, revisi.dasar_tanggal)),
        ],
        None => [Sel::Kosong, Sel::Kosong],
    }
}

const REVISION_COLUMNS: [&str; 2] = ["Target awal", "Dasar perubahan target"];

/// Target (single, min, maks), realisation, achievements, validation and predicate of `row`.
fn row_cells(p: &Presenter, row: &Row) -> Vec<Sel> {
    let (single, min, maks) = match row.target {
        Some(Target::Single(t)) => (Some(t), None, None),
        Some(Target::Range { min, maks }) => (None, Some(min), Some(maks)),
        None => (None, None, None),
    };
    let predikat = row.predikat.and_then(|i| p.ledger.scale.bands.get(i));
    vec![
        opt(single, Sel::Angka),
        opt(min, Sel::Angka),
        opt(maks, Sel::Angka),
        opt(row.realisasi, Sel::Angka),
        opt(row.capaian, Sel::Angka),
        opt(row.capaian_tervalidasi, Sel::Angka),
        kata(row.validasi.label()),
        opt(row.alasan.as_ref(), teks),
        opt(predikat, |b| teks(&b.nama)),
    ]
}

fn describe(ind: &Indikator) -> Vec<Sel> {
    vec![
        kata(&ind.id.value),
        teks(&ind.nama),
        teks(&ind.satuan),
        kata(ind.polaritas.value.word()),
        kata(ind.agregasi.value.word()),
    ]
}

fn with_figures(head: &[&'static str]) -> Vec<&'static str> {
    let mut kolom = head.to_vec();
    kolom.extend(["Indikator", "Nama indikator", "Satuan", "Polaritas", "Agregasi"]);
    kolom.extend(FIGURE_COLUMNS);
    kolom.extend(REVISION_COLUMNS);
    kolom
}

fn iku<'a>(p: &'a Presenter<'_>, tahun: i32) -> Sheet<'a> {
    let baris = move |emit: Emit| {
        let sasaran: HashMap<&str, &Text> =
            p.site.sasaran().map(|s| (s.id.value.as_str(), &s.uraian)).collect();
        for &(ind, l) in p.indicators() {
            let Owner::Sasaran(id) = &l.owner else { continue };
            let mut row = vec![kata(id), opt(sasaran.get(id.as_str()), |t| teks(t))];
            row.extend(describe(ind));
            row.extend(figures(p, l, tahun));
            emit(row);
        }
    };
    Sheet { nama: "IKU", kolom: with_figures(&["Sasaran", "Uraian sasaran"]), baris: Box::new(baris) }
}

/// Programmes, kegiatan and sub-kegiatan by code, with their level.
fn units(site: &Site) -> HashMap<&str, (&Kegiatan, usize)> {
    site.units().into_iter().map(|(u, level)| (u.kode.value.as_str(), (u, level))).collect()
}

const TINGKAT: [&str; 3] = ["program", "kegiatan", "sub kegiatan"];

fn tingkat(level: usize) -> Sel {
    kata(TINGKAT.get(level).copied().unwrap_or("sub kegiatan"))
}

fn cascading<'a>(p: &'a Presenter<'_>, tahun: i32) -> Sheet<'a> {
    let baris = move |emit: Emit| {
        let units = units(p.site);
        for &(ind, l) in p.indicators() {
            let Owner::Kegiatan(kode) = &l.owner else { continue };
            let unit = units.get(kode.as_str());
            let mut row =
                vec![opt(unit, |(_, level)| tingkat(*level)), kata(kode), opt(unit, |(u, _)| teks(&u.nama))];
            row.extend(describe(ind));
            row.extend(figures(p, l, tahun));
            emit(row);
        }
    };
    Sheet {
        nama: "Indikator cascading",
        kolom: with_figures(&["Tingkat", "Kode", "Program/kegiatan"]),
        baris: Box::new(baris),
    }
}

/// A target in one cell: a figure, or a range as text (`80 – 90`).
fn target_cell(target: Option<&Target>) -> Sel {
    match target {
        Some(Target::Single(t)) => Sel::Angka(*t),
        Some(Target::Range { min, maks }) => {
            Sel::Teks(format!("{} – {}", angka(*min, Lang::Id), angka(*maks, Lang::Id)))
        }
        None => Sel::Kosong,
    }
}

/// Required evidence: `Laporan LKPM (TW1–TW4); Rekapitulasi (TW4)`.
fn required(entry: &RencanaAksiEntry) -> String {
    let items: Vec<String> = entry
        .data_dukung
        .iter()
        .map(|d| {
            let quarters: Vec<String> = match d.triwulan.as_slice() {
                [] => vec!["TW1–TW4".into()],
                qs => qs.iter().map(|q| format!("TW{q}")).collect(),
            };
            format!("{} ({})", d.jenis.value.id, quarters.join(", "))
        })
        .collect();
    items.join("; ")
}

fn rencana_aksi<'a>(p: &'a Presenter<'_>, y: Option<&'a Year>, tahun: i32) -> Sheet<'a> {
    let baris = move |emit: Emit| {
        let names: HashMap<&str, &Text> =
            p.indicators().iter().map(|(i, _)| (i.id.value.as_str(), &i.nama)).collect();
        let ledgers = ledgers(p);
        let entries = y.and_then(|y| y.rencana_aksi.as_ref()).map_or(&[][..], |r| &r.indikator);
        entries.iter().for_each(|e| {
            let id = e.id.value.as_str();
            let mut row = vec![kata(id), opt(names.get(id), |t| teks(t)), teks(&e.penanggung_jawab)];
            for q in 1..=4 {
                let quarter = ledgers.get(id).and_then(|l| row_of(l, tahun, Periode::Triwulan(q)));
                let target = quarter.and_then(|r| r.target.as_ref());
                row.push(target_cell(target));
            }
            row.push(Sel::Teks(required(e)));
            emit(row);
        });
    };
    Sheet { nama: "Rencana aksi", kolom: KOLOM_RENCANA_AKSI.to_vec(), baris: Box::new(baris) }
}

fn triwulan<'a>(p: &'a Presenter<'_>, tahun: i32) -> Sheet<'a> {
    let baris = move |emit: Emit| {
        for &(ind, l) in p.indicators() {
            for row in l.rows.iter().filter(|r| r.tahun == tahun && r.periode != Periode::Tahunan) {
                let mut cells = vec![kata(&ind.id.value), teks(&ind.nama), kata(&row.periode.label())];
                let mut figures = row_cells(p, row);
                // The cumulative realisation goes right after the quarter's own.
                figures.insert(4, opt(row.realisasi_kumulatif, Sel::Angka));
                cells.extend(figures);
                cells.extend(revision(Some(row)));
                emit(cells);
            }
        }
    };
    let mut kolom = vec!["Indikator", "Nama indikator", "Triwulan"];
    kolom.extend(&FIGURE_COLUMNS[..4]);
    kolom.push("Realisasi kumulatif");
    kolom.extend(&FIGURE_COLUMNS[4..9]);
    kolom.extend(REVISION_COLUMNS);
    Sheet { nama: "Realisasi triwulan", kolom, baris: Box::new(baris) }
}

fn validasi<'a>(p: &'a Presenter<'_>, y: Option<&'a Year>, tahun: i32) -> Sheet<'a> {
    let baris = move |emit: Emit| {
        let ledgers = ledgers(p);
        let entries = y.and_then(|y| y.validasi.as_ref()).map_or(&[][..], |v| &v.validasi);
        entries.iter().for_each(|e| {
            let row = ledgers.get(e.indikator.value.as_str()).and_then(|l| row_of(l, tahun, e.periode.value));
            emit(vec![
                kata(&e.indikator.value),
                kata(&e.periode.value.label()),
                kata(e.status.value.word()),
                opt(row.and_then(|r| r.capaian), Sel::Angka),
                opt(row.and_then(|r| r.capaian_tervalidasi), Sel::Angka),
                opt(e.alasan.as_ref(), teks),
                teks(&e.oleh),
                Sel::Tanggal(e.tanggal.value),
            ]);
        });
    };
    Sheet { nama: "Validasi", kolom: KOLOM_VALIDASI.to_vec(), baris: Box::new(baris) }
}

/// The evidence matrix (SPEC §3.9): each indicator × quarter of the rencana aksi with what was
/// required, what was supplied, the completeness and the validation status.
fn matriks_bukti<'a>(p: &'a Presenter<'_>, tahun: i32) -> Sheet<'a> {
    let list = |kinds: Vec<&EvidenceKind>| match kinds.is_empty() {
        true => Sel::Kosong,
        false => Sel::Teks(kinds.iter().map(|k| k.jenis.id.as_str()).collect::<Vec<_>>().join("; ")),
    };
    let baris = move |emit: Emit| {
        p.ledger.bukti.iter().filter(|c| c.tahun == tahun).for_each(|c| {
            emit(vec![
                kata(&c.indikator),
                kata(&Periode::Triwulan(c.triwulan).label()),
                list(c.kinds.iter().filter(|k| k.wajib).collect()),
                list(c.kinds.iter().filter(|k| k.disampaikan).collect()),
                list(c.missing().collect()),
                Sel::Bulat(c.wajib as i64),
                Sel::Bulat(c.disampaikan as i64),
                opt(c.kelengkapan, Sel::Angka),
                kata(c.validasi.label()),
            ]);
        });
    };
    Sheet { nama: "Matriks bukti", kolom: KOLOM_MATRIKS_BUKTI.to_vec(), baris: Box::new(baris) }
}

fn evaluasi<'a>(p: &'a Presenter<'_>, y: Option<&'a Year>, tahun: i32) -> Sheet<'a> {
    let baris = move |emit: Emit| evaluasi_rows(p, y, tahun, emit);
    Sheet { nama: "Evaluasi dan tindak lanjut", kolom: KOLOM_EVALUASI.to_vec(), baris: Box::new(baris) }
}

/// An evaluation's row for each of its recommendations, or one row when it has none.
fn evaluasi_rows(p: &Presenter, y: Option<&Year>, tahun: i32, emit: Emit) {
    let entries = y.and_then(|y| y.evaluasi.as_ref()).map_or(&[][..], |e| &e.evaluasi);
    for (i, e) in entries.iter().enumerate() {
        let head = vec![
            kata(&e.id.value),
            kata(e.jenis.value.word()),
            kata(&e.periode.value.label()),
            teks(&e.oleh),
            Sel::Tanggal(e.tanggal.value),
            opt(e.temuan.as_ref(), teks),
        ];
        let follow_ups: Vec<_> =
            p.ledger.follow_ups.iter().filter(|f| f.tahun == tahun && f.at.0 == i).collect();
        if follow_ups.is_empty() {
            // An evaluation without recommendations still has its row.
            emit(head);
            continue;
        }
        for f in follow_ups {
            let mut row = head.clone();
            row.extend(follow_up(f, e.rekomendasi.get(f.at.1)));
            emit(row);
        }
    }
}

/// The recommendation columns of a row: the recommendation and its follow-up (SPEC §3.8).
fn follow_up(f: &FollowUp, rec: Option<&Rekomendasi>) -> [Sel; 9] {
    let tl = rec.and_then(|r| r.tindak_lanjut.as_ref());
    [
        kata(&f.rekomendasi),
        opt(rec, |r| teks(&r.uraian)),
        Sel::Tanggal(f.diterima),
        Sel::Tanggal(f.batas_waktu),
        kata(f.status.label()),
        opt(tl, |t| kata(t.jenis.value.word())),
        opt(tl.and_then(|t| t.uraian.as_ref()), teks),
        opt(f.selesai, Sel::Tanggal),
        Sel::Bulat(f.terlambat_hari),
    ]
}

fn anggaran<'a>(p: &'a Presenter<'_>, tahun: i32) -> Sheet<'a> {
    let baris = move |emit: Emit| {
        let units = units(p.site);
        p.ledger.budgets.iter().filter(|b| b.tahun == tahun).for_each(|b| {
            let unit = units.get(b.kode.as_str());
            emit(vec![
                opt(unit, |(_, level)| tingkat(*level)),
                kata(&b.kode),
                opt(unit, |(u, _)| teks(&u.nama)),
                opt(b.pagu, Sel::Angka),
                opt(b.realisasi, Sel::Angka),
                opt(b.serapan, Sel::Angka),
                opt(b.capaian_rata_rata, Sel::Angka),
                opt(b.efisiensi, Sel::Angka),
            ]);
        });
    };
    Sheet { nama: "Anggaran", kolom: KOLOM_ANGGARAN.to_vec(), baris: Box::new(baris) }
}

const KOLOM_RENCANA_AKSI: [&str; 8] = [
    "Indikator",
    "Nama indikator",
    "Penanggung jawab",
    "Target TW1",
    "Target TW2",
    "Target TW3",
    "Target TW4",
    "Data dukung wajib",
];

const KOLOM_VALIDASI: [&str; 8] = [
    "Indikator",
    "Periode",
    "Status",
    "Capaian dilaporkan (%)",
    "Capaian tervalidasi (%)",
    "Alasan",
    "Oleh",
    "Tanggal",
];

const KOLOM_EVALUASI: [&str; 15] = [
    "Evaluasi",
    "Jenis",
    "Periode",
    "Oleh",
    "Tanggal",
    "Temuan",
    "Rekomendasi",
    "Uraian rekomendasi",
    "Diterima",
    "Batas waktu",
    "Status tindak lanjut",
    "Jenis tindak lanjut",
    "Uraian tindak lanjut",
    "Selesai",
    "Terlambat (hari)",
];

const KOLOM_ANGGARAN: [&str; 8] = [
    "Tingkat",
    "Kode",
    "Program/kegiatan",
    "Pagu (Rp)",
    "Realisasi (Rp)",
    "Serapan (%)",
    "Capaian rata-rata (%)",
    "Efisiensi (poin persen)",
];

const KOLOM_MATRIKS_BUKTI: [&str; 9] = [
    "Indikator",
    "Triwulan",
    "Data dukung wajib",
    "Data dukung disampaikan",
    "Belum disampaikan",
    "Jumlah wajib",
    "Jumlah wajib disampaikan",
    "Kelengkapan (%)",
    "Status validasi",
];
