//! `laporan-tw<n>-<tahun>.pdf`: the quarterly performance report — the quarter's table of the
//! IKU and of the cascading indicators (target, realisation, cumulative, achievement reported
//! and validated, predicate), the evidence completeness of the quarter, the year-end projection
//! after quarters 1–3 (SPEC §3.9), the charts to date, the quarter's evaluation and the
//! recommendations still open.

use super::doc::{Block, Column, Document, code_col, heading, num_col, para, text_col, word_col};
use super::long::{self, Programmes};
use super::{Charts, Ctx, bab3, figures, markdown};
use crate::compute::{
    FollowUp, FollowUpStatus, IndicatorLedger, Periode, Projection, Row, Scale, StatusProyeksi,
};
use crate::content::model::{Agregasi, Indikator};
use crate::diagnostics::Lang;
use crate::present::Words;
use crate::present::format::{self, KOSONG};
use crate::present::series::{self, Series};
use crate::present::view::IndicatorRef;

const ROMAWI: [&str; 4] = ["I", "II", "III", "IV"];

/// The report of quarter `q` of `ctx.tahun` and its charts.
pub fn triwulan(ctx: &Ctx, q: u8) -> (Document, Charts) {
    let mut charts = Charts::default();
    let roman = ROMAWI[usize::from(q.clamp(1, 4) - 1)];
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: format!("LAPORAN CAPAIAN KINERJA TRIWULAN {roman} TAHUN {}", ctx.tahun),
        sub: Some(format!("{} {}", ctx.instansi(), ctx.pemerintah()).to_uppercase()),
    }];
    blocks.push(identity(ctx, q));
    let programmes = Programmes::new(ctx);
    let iku: Vec<(&Indikator, &IndicatorLedger)> =
        super::lkjip::iku(ctx).into_iter().map(|(_, i, l)| (i, l)).collect();
    blocks.push(heading(2, "Indikator Kinerja Utama"));
    blocks.push(table(ctx, q, &iku, format!("Tabel 1 Capaian IKU triwulan {roman} {}", ctx.tahun)));
    let cascading: Vec<(&Indikator, &IndicatorLedger)> = ctx
        .site()
        .units()
        .into_iter()
        .flat_map(|(u, _)| &u.indikator)
        .filter_map(|i| Some((i, ctx.p.ledger_of(&i.id.value)?)))
        .filter(|(_, l)| quarter_row(l, ctx.tahun, q).is_some())
        .collect();
    if !cascading.is_empty() {
        blocks.push(heading(2, "Indikator Program, Kegiatan dan Sub-kegiatan"));
        let caption = format!("Tabel 2 Capaian indikator cascading triwulan {roman} {}", ctx.tahun);
        blocks.extend(cascading_table(ctx, q, &programmes, &cascading, caption));
    }
    blocks.push(heading(2, "Kelengkapan Data Dukung"));
    blocks.extend(evidence(
        ctx,
        q,
        &programmes,
        format!("Tabel 3 Data dukung wajib triwulan {roman} {}", ctx.tahun),
    ));
    if q < 4 {
        blocks.push(heading(2, "Proyeksi Akhir Tahun bila Laju Sama"));
        let caption = format!("Tabel 4 Proyeksi akhir tahun {} setelah triwulan {roman}", ctx.tahun);
        blocks.extend(projection(ctx, q, &programmes, long::many_iku(iku.len()), caption));
    }
    blocks.push(heading(2, "Grafik Capaian"));
    blocks.extend(gallery(ctx, q, &iku, &mut charts));
    blocks.extend(evaluation(ctx, q));
    blocks.extend(open_recommendations(ctx));
    let title = format!("Laporan Capaian Kinerja {} Triwulan {roman} Tahun {}", ctx.singkatan(), ctx.tahun);
    (ctx.document(title, blocks), charts)
}

/// The indicator `id` as "id name" and its unit.
fn named<'a>(ctx: &Ctx<'a>, id: &str) -> (String, &'a str) {
    let found = ctx.p.indicators().iter().find(|(i, _)| i.id.value == id);
    found.map_or((id.to_string(), ""), |(i, _)| (format!("{id} {}", i.nama.id), i.satuan.id.as_str()))
}

/// The quarter's cells of the evidence matrix: required, supplied, completeness, what is missing;
/// the cascading indicators' cells counted per programme when they are too many.
fn evidence(ctx: &Ctx, q: u8, programmes: &Programmes, caption: String) -> Vec<Block> {
    let cells =
        || ctx.p.ledger.bukti.iter().filter(|c| c.tahun == ctx.tahun && c.triwulan == q && c.wajib > 0);
    // Indicators whose cells are all supplied, not all, required items, items missing.
    let mut tally = programmes.tally(4);
    for c in cells() {
        if let Some(n) = programmes.of_indicator(&c.indikator) {
            tally.add(n, usize::from(c.disampaikan < c.wajib));
            tally.add_to(n, 2, c.wajib);
            tally.add_to(n, 3, c.missing().count());
        }
    }
    let rows = cells()
        .filter(|c| programmes.of_indicator(&c.indikator).is_none() || !tally.too_long())
        .map(|c| {
            let missing: Vec<&str> = c.missing().map(|k| k.jenis.id.as_str()).collect();
            vec![
                named(ctx, &c.indikator).0,
                c.wajib.to_string(),
                c.disampaikan.to_string(),
                figures::persen(c.kelengkapan),
                if missing.is_empty() { KOSONG.to_string() } else { missing.join("; ") },
            ]
        })
        .collect();
    let mut blocks = vec![Block::Table {
        caption: caption.clone(),
        columns: vec![
            text_col("Indikator", 3),
            num_col("Wajib"),
            num_col("Disampaikan"),
            num_col("Kelengkapan"),
            text_col("Belum disampaikan", 3),
        ],
        rows,
        note: Some("Kelengkapan = data dukung wajib yang disampaikan / data dukung wajib × 100.".into()),
    }];
    let sources = long::evidence_sources(ctx);
    blocks.extend(long::after(
        programmes,
        &tally,
        &caption,
        long::Summary {
            what: "indikator cascading dengan data dukung wajib",
            sources,
            headers: &["Lengkap", "Belum lengkap", "Data dukung wajib", "Belum disampaikan"],
            note: Some("Lengkap: semua data dukung wajib triwulan ini telah disampaikan.".into()),
        },
    ));
    blocks
}

/// The year-end projection after quarter `q`: not a result, the figure the year would reach if
/// the pace so far held; the cascading indicators counted per programme when they are too many.
/// Above [`long::IKU_QUARTERS_LIMIT`] IKU (`many_iku`) only the IKU not on track are listed,
/// after a sentence that says so (see [`off_track`]).
fn projection(ctx: &Ctx, q: u8, programmes: &Programmes, many_iku: bool, caption: String) -> Vec<Block> {
    let all = || ctx.p.ledger.proyeksi.iter().filter(|p| p.tahun == ctx.tahun && p.setelah == q);
    let mut tally = programmes.tally(4);
    for p in all() {
        if let Some(n) = programmes.of_indicator(&p.indikator) {
            // The statuses in their order, then "none".
            let status = p.status.and_then(|s| StatusProyeksi::ALL.iter().position(|a| *a == s));
            tally.add(n, status.unwrap_or(3));
        }
    }
    let is_iku = |p: &&Projection| programmes.of_indicator(&p.indikator).is_none();
    let listed = |p: &&Projection| if is_iku(p) { !many_iku || off_track(p) } else { !tally.too_long() };
    let mut blocks = Vec::new();
    if many_iku {
        blocks.push(off_track_sentence(&all().filter(is_iku).collect::<Vec<_>>()));
    }
    let rows = all()
        .filter(listed)
        .map(|p| {
            let (nama, satuan) = named(ctx, &p.indikator);
            vec![
                nama,
                figures::nilai(Some(p.proyeksi), satuan),
                figures::persen(p.capaian),
                p.status.map_or(KOSONG.to_string(), |s| s.word().to_string()),
            ]
        })
        .collect();
    blocks.push(Block::Table {
        caption: caption.clone(),
        columns: vec![text_col("Indikator", 4), num_col("Proyeksi"), num_col("Capaian proyeksi"), text_col("Status", 2)],
        rows,
        note: Some("Proyeksi bila laju sama, bukan capaian: sesuai jalur ≥ 100 %, perlu perhatian 90–< 100 %, tidak sesuai jalur < 90 %.".into()),
    });
    blocks.extend(long::after(
        programmes,
        &tally,
        &caption,
        long::Summary {
            what: "indikator cascading",
            sources: "data/proyeksi.csv".into(),
            headers: &["Sesuai jalur", "Perlu perhatian", "Tidak sesuai jalur", "Tanpa status"],
            note: None,
        },
    ));
    blocks
}

/// The sentence before a Tabel 4 of the IKU not on track only: how many of the IKU's
/// projections `iku` it lists and where all of them are.
fn off_track_sentence(iku: &[&Projection]) -> Block {
    para(format!(
        "Karena indikator kinerja utama berjumlah lebih dari {} indikator, tabel ini hanya memuat indikator \
         kinerja utama yang proyeksinya belum sesuai jalur (perlu perhatian, tidak sesuai jalur atau tanpa \
         status; {} dari {} indikator); proyeksi setiap indikator ada pada data/proyeksi.csv.",
        long::IKU_QUARTERS_LIMIT,
        iku.iter().filter(|p| off_track(p)).count(),
        iku.len()
    ))
}

/// Whether a projection is not on track: below 100 % (perlu perhatian, tidak sesuai jalur) or
/// without a status (no achievement to project). Above [`long::IKU_QUARTERS_LIMIT`] IKU these
/// are the IKU of Tabel 4: the 500 rows were about a third of a quarterly report's layout, and
/// the IKU on track need no action.
fn off_track(p: &Projection) -> bool {
    p.status != Some(StatusProyeksi::SesuaiJalur)
}

/// The cascading indicators' table of quarter `q`, or their count per programme when they are
/// too many: how many reached the target, fell below it, or have no achievement yet.
fn cascading_table(
    ctx: &Ctx,
    q: u8,
    programmes: &Programmes,
    cascading: &[(&Indikator, &IndicatorLedger)],
    caption: String,
) -> Vec<Block> {
    // Indicators; of these, reached (≥ 100 %), below, without an achievement.
    let mut tally = programmes.tally(4);
    for (i, l) in cascading {
        let n = programmes.of_indicator(&i.id.value).unwrap_or_default();
        let capaian = quarter_row(l, ctx.tahun, q).and_then(Row::capaian_resmi);
        tally.add(n, 0);
        tally.add_to(n, capaian.map_or(3, |c| 1 + usize::from(c < rust_decimal::Decimal::ONE_HUNDRED)), 1);
    }
    if !tally.too_long() {
        return vec![table(ctx, q, cascading, caption)];
    }
    let sources = format!("{} dan data/capaian.csv", long::workbook(ctx, "Realisasi triwulan"));
    long::summary(
        programmes,
        &tally,
        caption,
        long::Summary {
            what: "indikator cascading",
            sources,
            headers: &["Indikator", "Mencapai target", "Di bawah target", "Belum ada capaian"],
            note: Some(
                "Capaian resmi (tervalidasi bila sudah divalidasi) triwulan ini: mencapai target ≥ 100 %; belum \
                 ada capaian bila realisasi belum dilaporkan atau triwulan ini tanpa target."
                    .into(),
            ),
        },
    )
}

fn quarter_row(l: &IndicatorLedger, tahun: i32, q: u8) -> Option<&Row> {
    super::lkjip::row(l, tahun, Periode::Triwulan(q))
}

fn identity(ctx: &Ctx, q: u8) -> Block {
    let file = ctx.year.realisasi[usize::from(q.clamp(1, 4) - 1)].as_ref();
    Block::Facts {
        items: vec![
            ("Instansi".into(), format!("{} {}", ctx.instansi(), ctx.pemerintah())),
            ("Periode".into(), format!("Triwulan {q} tahun {}", ctx.tahun)),
            ("Dilaporkan oleh".into(), file.map_or(KOSONG.to_string(), |f| f.oleh.id.clone())),
            (
                "Tanggal laporan".into(),
                file.map_or(KOSONG.to_string(), |f| format::tanggal(f.tanggal.value, Lang::Id)),
            ),
            ("Keadaan data per".into(), format::tanggal(ctx.as_of, Lang::Id)),
        ],
    }
}

/// The quarter's table: four figure columns like the LKjIP's tables, so that the indicator
/// keeps most of the width; the cumulative realisation and the validated achievement take a
/// second line in their cells.
fn table(ctx: &Ctx, q: u8, indicators: &[(&Indikator, &IndicatorLedger)], caption: String) -> Block {
    let scale = &ctx.p.ledger.scale;
    let rows = indicators
        .iter()
        .filter_map(|(i, l)| {
            let r = quarter_row(l, ctx.tahun, q)?;
            let mut cells = vec![format!("{} {}", i.id.value, i.nama.id)];
            cells.extend(figure_cells(r, &i.satuan.id, scale));
            Some(cells)
        })
        .collect();
    let mut columns = vec![text_col("Indikator", 1)];
    columns.extend(figure_columns());
    Block::Table { caption, columns, rows, note: Some(FIGURE_NOTE.to_string()) }
}

/// The four figure cells of a row in a quarterly table (here and per IKU in the LKjIP):
/// target, realisation (with `kum.` and the cumulative realisation below when there is one),
/// achievement reported (with `val.` and the validated one below) and predicate.
pub(super) fn figure_cells(r: &Row, satuan: &str, scale: &Scale) -> [String; 4] {
    let mut realisasi = figures::nilai(r.realisasi, satuan);
    if r.realisasi_kumulatif.is_some() {
        realisasi = format!("{realisasi}\nkum. {}", figures::nilai(r.realisasi_kumulatif, satuan));
    }
    let mut capaian = figures::persen(r.capaian);
    if r.capaian.is_some() {
        capaian = format!("{capaian}\nval. {}", bab3::validated(r));
    }
    // A range breaks after its dash, so the column is as wide as one figure.
    let target = figures::target(r.target.as_ref(), satuan).replace(" – ", " –\n");
    [target, realisasi, capaian, figures::predikat(r, scale)]
}

/// The columns of [`figure_cells`].
pub(super) fn figure_columns() -> [Column; 4] {
    [num_col("Target"), num_col("Realisasi"), num_col("Capaian\ndilaporkan"), word_col("Predikat")]
}

/// The note under a table of [`figure_cells`].
pub(super) const FIGURE_NOTE: &str = "Target triwulan kumulatif untuk indikator kumulatif; kum. = realisasi \
     kumulatif, jumlah realisasi sampai triwulan ini; val. = capaian tervalidasi (belum = belum divalidasi oleh \
     tim); predikat dari capaian resmi.";

/// The charts of the IKU to date, two to a row: at full width one IKU's chart took half a
/// page, so 500 IKU took 250 pages. Above [`long::IKU_QUARTERS_LIMIT`] IKU only the IKU that
/// need attention have one (official achievement this quarter below 100 %, or none), after a
/// sentence that says so: at 500 IKU the charts were about half of a quarterly report's layout
/// time, and every IKU's figures are in Tabel 1.
fn gallery(ctx: &Ctx, q: u8, iku: &[(&Indikator, &IndicatorLedger)], charts: &mut Charts) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut shown: Vec<&(&Indikator, &IndicatorLedger)> = iku.iter().collect();
    if long::many_iku(iku.len()) {
        shown.retain(|(_, l)| !reached(l, ctx.tahun, q));
        blocks.push(para(format!(
            "Karena indikator kinerja utama berjumlah lebih dari {} indikator, grafik hanya disajikan untuk \
             indikator yang capaian resminya triwulan ini di bawah 100 % atau belum ada ({} dari {} indikator); \
             angka setiap indikator ada pada Tabel 1.",
            long::IKU_QUARTERS_LIMIT,
            shown.len(),
            iku.len()
        )));
    }
    if !shown.is_empty() {
        let gallery = shown.into_iter().map(|(i, l)| chart(ctx, q, i, l, charts)).collect();
        blocks.push(Block::Gallery { charts: gallery });
    }
    blocks
}

/// Whether the official achievement of quarter `q` reached the target (≥ 100 %).
fn reached(l: &IndicatorLedger, tahun: i32, q: u8) -> bool {
    let capaian = quarter_row(l, tahun, q).and_then(Row::capaian_resmi);
    capaian.is_some_and(|c| c >= rust_decimal::Decimal::ONE_HUNDRED)
}

fn chart(ctx: &Ctx, q: u8, i: &Indikator, l: &IndicatorLedger, charts: &mut Charts) -> Block {
    let words = Words::new(Lang::Id);
    let r = IndicatorRef::new(i, Lang::Id);
    let rows: Vec<&Row> = l
        .rows
        .iter()
        .filter(|row| row.tahun == ctx.tahun && matches!(row.periode, Periode::Triwulan(n) if n <= q))
        .collect();
    let cumulative = i.agregasi.value == Agregasi::Kumulatif;
    let title = format!("{} {} — triwulan 1 sampai {q} tahun {}", r.id, r.nama.text, ctx.tahun);
    let points = series::quarter_points(&rows, cumulative, &words);
    let id = format!("tw{q}-{}-{}", r.slug, ctx.tahun);
    let svg = series::svg(Series { id, title: &title, ind: &r, points, sparkline: false }, &words);
    let kind = if cumulative { "kumulatif " } else { "" };
    charts.add(&svg, title, format!("Target dan realisasi {kind}{} sampai triwulan {q}", r.id))
}

/// The evaluations of quarter `q`, with their findings.
fn evaluation(ctx: &Ctx, q: u8) -> Vec<Block> {
    let mut blocks = vec![heading(2, format!("Evaluasi Triwulan {q}"))];
    let entries: Vec<_> = ctx
        .year
        .evaluasi
        .iter()
        .flat_map(|e| &e.evaluasi)
        .filter(|e| e.periode.value == Periode::Triwulan(q))
        .collect();
    if entries.is_empty() {
        blocks.push(para(format!("Belum ada evaluasi triwulan {q} yang tercatat.")));
    }
    for e in entries {
        blocks.push(para(format!(
            "Evaluasi {} oleh {}, {}.",
            e.id.value,
            e.oleh.id,
            format::tanggal(e.tanggal.value, Lang::Id)
        )));
        blocks.extend(e.temuan.as_ref().map(|t| markdown::blocks(&t.id)).unwrap_or_default());
        let recs: Vec<Vec<super::Run>> = e
            .rekomendasi
            .iter()
            .map(|r| vec![super::Run::plain(format!("{}: {}", r.id.value, r.uraian.id))])
            .collect();
        if !recs.is_empty() {
            blocks.push(Block::Para {
                runs: vec![super::Run { text: "Rekomendasi".into(), strong: true, emph: false }],
            });
            blocks.push(Block::List { items: recs });
        }
    }
    blocks
}

fn open_recommendations(ctx: &Ctx) -> Vec<Block> {
    let open =
        |f: &FollowUp| matches!(f.status, FollowUpStatus::DalamProses | FollowUpStatus::LewatBatasWaktu);
    let rows = follow_up_rows(ctx, open);
    let mut blocks = vec![heading(2, "Rekomendasi yang Belum Selesai Ditindaklanjuti")];
    if rows.is_empty() {
        blocks.push(para(format!(
            "Per {}, semua rekomendasi evaluasi tahun {} telah ditindaklanjuti.",
            format::tanggal(ctx.as_of, Lang::Id),
            ctx.tahun
        )));
    } else {
        blocks.push(follow_up_table(
            format!("Tabel 3 Rekomendasi terbuka per {}", format::tanggal(ctx.as_of, Lang::Id)),
            rows,
        ));
    }
    blocks
}

/// The follow-ups of the year that `keep` accepts, as table rows.
pub(super) fn follow_up_rows(ctx: &Ctx, keep: impl Fn(&FollowUp) -> bool) -> Vec<Vec<String>> {
    // Short dates: the table has six columns.
    let date =
        |d: Option<chrono::NaiveDate>| d.map_or(KOSONG.to_string(), |d| d.format("%d/%m/%Y").to_string());
    ctx.p
        .ledger
        .follow_ups
        .iter()
        .filter(|f| f.tahun == ctx.tahun && keep(f))
        .map(|f| {
            let uraian = f.rekomendasi(ctx.site()).map_or(String::new(), |(_, r)| r.uraian.id.clone());
            vec![
                f.evaluasi.clone(),
                format!("{}: {uraian}", f.rekomendasi),
                date(Some(f.diterima)),
                date(Some(f.batas_waktu)),
                f.status.label().to_string(),
                date(f.selesai),
            ]
        })
        .collect()
}

/// A table of follow-up rows.
pub(super) fn follow_up_table(caption: String, rows: Vec<Vec<String>>) -> Block {
    Block::Table {
        caption,
        columns: vec![
            code_col("Evaluasi"),
            text_col("Rekomendasi", 4),
            num_col("Diterima"),
            num_col("Batas\nwaktu"),
            text_col("Status", 1),
            num_col("Selesai"),
        ],
        rows,
        note: Some("Batas waktu tindak lanjut 60 hari kalender sejak rekomendasi diterima.".into()),
    }
}
