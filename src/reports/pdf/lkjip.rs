//! `lkjip-<tahun>.pdf`: the annual performance report in the chapters of PermenPANRB 53/2014
//! (Ikhtisar Eksekutif, BAB I–IV, Lampiran). Bab III is in [`super::bab3`].

use super::doc::{
    Block, Column, Cover, Document, code_col, group, heading, num_col, para, text_col, word_col,
};
use super::long::{self, Programmes};
use super::{Charts, Ctx, bab3, figures};
use crate::compute::{IndicatorLedger, Periode, Row, Scale};
use crate::content::model::{BuktiSumber, Indikator, Sasaran};
use crate::present::format::KOSONG;

/// The annual report of `ctx.tahun` and its charts.
pub fn lkjip(ctx: &Ctx) -> (Document, Charts) {
    let mut charts = Charts::default();
    let mut blocks = ikhtisar(ctx);
    blocks.extend(bab1(ctx));
    blocks.extend(bab2(ctx));
    blocks.extend(bab3::bab3(ctx, &mut charts));
    blocks.extend(bab4(ctx));
    blocks.extend(lampiran(ctx));
    let title = format!("Laporan Kinerja Instansi Pemerintah {} Tahun {}", ctx.singkatan(), ctx.tahun);
    let mut document = ctx.document(title, blocks);
    document.cover = Some(cover(ctx));
    document.outline = true;
    (document, charts)
}

fn cover(ctx: &Ctx) -> Cover {
    let sakip = ctx.site().sakip.as_ref();
    let mut address: Vec<String> =
        sakip.and_then(|s| s.instansi.alamat.as_ref()).map(|a| a.id.clone()).into_iter().collect();
    if let Some(telepon) = sakip.and_then(|s| s.instansi.telepon.as_ref()) {
        address.push(format!("Telepon {telepon}"));
    }
    address.extend(sakip.and_then(|s| s.instansi.situs.clone()));
    Cover {
        kicker: format!("Pemerintah {}", ctx.pemerintah()),
        title: vec!["LAPORAN KINERJA".into(), "INSTANSI PEMERINTAH".into(), "(LKjIP)".into()],
        year: format!("TAHUN {}", ctx.tahun),
        agency: vec![ctx.instansi().to_uppercase(), ctx.pemerintah().to_uppercase()],
        address,
    }
}

/// Each IKU of the Renstra with its sasaran and ledger.
pub(super) fn iku<'a>(ctx: &Ctx<'a>) -> Vec<(&'a Sasaran, &'a Indikator, &'a IndicatorLedger)> {
    let p = ctx.p;
    p.site
        .sasaran()
        .flat_map(|s| s.indikator.iter().map(move |i| (s, i)))
        .filter_map(|(s, i)| Some((s, i, p.ledger_of(&i.id.value)?)))
        .collect()
}

/// The ledger row of `l` for `periode` of `tahun`.
pub(super) fn row(l: &IndicatorLedger, tahun: i32, periode: Periode) -> Option<&Row> {
    l.rows.iter().find(|r| r.tahun == tahun && r.periode == periode)
}

/// The sections of `laporan/*.md` with bab `n`, else `default`: the prose of chapters I and IV
/// (their generated parts stay).
fn chapter(ctx: &Ctx, n: u8, default: Vec<Block>) -> Vec<Block> {
    ctx.narrative.bab.get(&n).map_or(default, |blocks| blocks.clone())
}

/// The sections of `laporan/*.md` with bab `n`, after the generated ones (chapters II and III).
pub(super) fn sections(ctx: &Ctx, n: u8) -> Vec<Block> {
    ctx.narrative.bab.get(&n).cloned().unwrap_or_default()
}

fn ikhtisar(ctx: &Ctx) -> Vec<Block> {
    let mut blocks = vec![heading(1, "IKHTISAR EKSEKUTIF")];
    let default = vec![para(format!(
        "Laporan Kinerja Instansi Pemerintah (LKjIP) {} {} Tahun {} menyajikan capaian indikator kinerja \
         utama (IKU) terhadap target yang ditetapkan dalam Rencana Strategis dan Perjanjian Kinerja tahun {}. \
         Capaian yang disajikan adalah capaian yang telah divalidasi oleh Tim Penyusun Laporan Capaian Kinerja; \
         bila capaian yang dilaporkan berbeda, angkanya dicantumkan di sampingnya.",
        ctx.instansi(),
        ctx.pemerintah(),
        ctx.tahun,
        ctx.tahun
    ))];
    blocks.extend(ctx.narrative.ikhtisar.as_ref().map_or(default, |b| b.clone()));
    if long::many_iku(iku(ctx).len()) {
        blocks.extend(predicate_counts(ctx));
    } else {
        blocks.push(summary_table(ctx, "Tabel 1 Ringkasan capaian IKU"));
    }
    blocks
}

/// Above [`long::IKU_QUARTERS_LIMIT`] IKU, the executive summary's Tabel 1 counts the IKU per
/// predicate instead of repeating Tabel 3.1 row by row: at 500 IKU the copy was about 0.4 of
/// the LKjIP's 3.5 CPU-seconds, and a summary of 500 rows summarises nothing. Every band of
/// the scale has its row (0 included), then the IKU without a predicate for the year.
fn predicate_counts(ctx: &Ctx) -> Vec<Block> {
    let bands = &ctx.p.ledger.scale.bands;
    // One count per band, then "no predicate".
    let mut counts = vec![0usize; bands.len() + 1];
    for (_, _, l) in iku(ctx) {
        let band = row(l, ctx.tahun, Periode::Tahunan).and_then(|r| r.predikat).filter(|b| *b < bands.len());
        counts[band.unwrap_or(bands.len())] += 1;
    }
    let total: usize = counts.iter().sum();
    let mut labels: Vec<String> = bands.iter().map(|b| b.nama.id.clone()).collect();
    labels.push("belum ada capaian tahunan".into());
    labels.push("Jumlah".into());
    counts.push(total);
    let rows = labels.into_iter().zip(counts).map(|(label, n)| vec![label, n.to_string()]).collect();
    vec![
        para(format!(
            "Karena indikator kinerja utama berjumlah lebih dari {} indikator, Tabel 1 menghitung indikator per \
             predikat capaian tahun {}; target, realisasi dan capaian setiap indikator ada pada Tabel 3.1 \
             Pengukuran Kinerja (Bab III).",
            long::IKU_QUARTERS_LIMIT,
            ctx.tahun
        )),
        Block::Table {
            caption: "Tabel 1 Ringkasan capaian IKU menurut predikat".into(),
            columns: vec![word_col("Predikat"), num_col("Jumlah IKU")],
            rows,
            note: Some("Predikat dari capaian resmi (tervalidasi bila sudah divalidasi).".into()),
        },
    ]
}

/// An indicator's cells in a year's table: "id name", target, realisation, achievement (the
/// validated one first) and predicate. The summary and the Pengukuran Kinerja table share them.
pub(super) fn year_cells(i: &Indikator, r: &Row, scale: &Scale) -> Vec<String> {
    let satuan = &i.satuan.id;
    vec![
        format!("{} {}", i.id.value, i.nama.id),
        figures::target(r.target.as_ref(), satuan),
        figures::nilai(r.realisasi, satuan),
        figures::capaian(r),
        figures::predikat(r, scale),
    ]
}

/// The IKU with target, realisation, achievement and predicate of the year.
pub(super) fn summary_table(ctx: &Ctx, caption: &str) -> Block {
    let scale = &ctx.p.ledger.scale;
    let rows = iku(ctx)
        .into_iter()
        .filter_map(|(_, i, l)| {
            let r = row(l, ctx.tahun, Periode::Tahunan)?;
            Some(year_cells(i, r, scale))
        })
        .collect();
    year_table(caption.to_string(), vec![text_col("Indikator kinerja utama", 3)], rows)
}

/// A table of [`year_cells`] rows, each after the cells of the `lead` columns.
pub(super) fn year_table(caption: String, mut lead: Vec<Column>, rows: Vec<Vec<String>>) -> Block {
    lead.extend([num_col("Target"), num_col("Realisasi"), num_col("Capaian"), word_col("Predikat")]);
    Block::Table {
        caption,
        columns: lead,
        rows,
        note: Some(
            "Capaian tervalidasi; angka dalam kurung adalah capaian yang dilaporkan bila berbeda.".into(),
        ),
    }
}

fn bab1(ctx: &Ctx) -> Vec<Block> {
    let mut blocks = vec![heading(1, "BAB I PENDAHULUAN")];
    let alamat = ctx.site().sakip.as_ref().and_then(|s| s.instansi.alamat.as_ref()).map(|a| a.id.clone());
    let default = vec![
        heading(2, "Latar Belakang"),
        para(format!(
            "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah \
             mewajibkan setiap instansi pemerintah menyusun laporan kinerja sebagai wujud pertanggungjawaban atas \
             pelaksanaan tugas dan fungsinya. Laporan ini disusun menurut Peraturan Menteri PANRB Nomor 53 Tahun \
             2014 dan menyajikan kinerja {} {} Tahun {}.",
            ctx.instansi(),
            ctx.pemerintah(),
            ctx.tahun
        )),
    ];
    blocks.extend(chapter(ctx, 1, default));
    blocks.push(heading(2, "Gambaran Umum Organisasi"));
    blocks.push(para(format!(
        "{} ({}) adalah perangkat daerah {}{}.",
        ctx.instansi(),
        ctx.singkatan(),
        ctx.pemerintah(),
        alamat.map(|a| format!(" yang berkedudukan di {a}")).unwrap_or_default()
    )));
    blocks.push(heading(2, "Sistematika Penyajian"));
    let outline = [
        "Bab I Pendahuluan: latar belakang, gambaran umum organisasi dan sistematika laporan.",
        "Bab II Perencanaan Kinerja: ringkasan Rencana Strategis dan Perjanjian Kinerja.",
        "Bab III Akuntabilitas Kinerja: pengukuran dan analisis capaian kinerja serta realisasi anggaran.",
        "Bab IV Penutup: simpulan atas capaian kinerja.",
        "Lampiran: rencana aksi dan daftar data dukung.",
    ];
    blocks.push(Block::List { items: outline.iter().map(|t| vec![super::Run::plain(*t)]).collect() });
    blocks
}

fn bab2(ctx: &Ctx) -> Vec<Block> {
    let mut blocks = vec![heading(1, "BAB II PERENCANAAN KINERJA")];
    let renstra = ctx.site().renstra.as_ref();
    let (awal, akhir) = renstra.map_or((ctx.tahun, ctx.tahun), |r| r.periode.value);
    let merged = long::many_iku(iku(ctx).len());
    let mut generated = vec![
        heading(2, "A. Rencana Strategis"),
        para(format!(
            "Rencana Strategis (Renstra) periode {awal}–{akhir} menetapkan tujuan, sasaran strategis dan \
             indikator kinerja utama beserta targetnya sebagai berikut."
        )),
        renstra_table(ctx, akhir, merged),
        heading(2, format!("B. Perjanjian Kinerja Tahun {}", ctx.tahun)),
    ];
    let pk = format!(
        "Target kinerja tahun {} yang diperjanjikan oleh Kepala {} kepada Kepala Daerah",
        ctx.tahun,
        ctx.singkatan()
    );
    if merged {
        generated.push(para(format!(
            "{pk} ada pada kolom Target PK Tabel 2.1: karena indikator kinerja utama berjumlah lebih dari {} \
             indikator, target Renstra dan target Perjanjian Kinerja disajikan dalam satu tabel.",
            long::IKU_QUARTERS_LIMIT
        )));
    } else {
        generated.push(para(format!("{pk} adalah sebagai berikut.")));
        generated.push(super::pk::target_table(ctx, "Tabel 2.2 Target Perjanjian Kinerja"));
    }
    generated.push(heading(2, "C. Program dan Anggaran"));
    generated.push(super::pk::programme_table(ctx, "Tabel 2.3 Program dan pagu anggaran"));
    blocks.extend(generated);
    blocks.extend(sections(ctx, 2));
    blocks
}

/// Tabel 2.1: each IKU with its Renstra targets of the year and of the period's end; `with_pk`
/// (above [`long::IKU_QUARTERS_LIMIT`] IKU) adds the PK target in force between them, in place
/// of Tabel 2.2, which repeated the sasaran and the IKU of every row: at 500 IKU a table of
/// 500 rows is about 0.25 CPU-second.
fn renstra_table(ctx: &Ctx, akhir: i32, with_pk: bool) -> Block {
    let rows = iku(ctx)
        .into_iter()
        .map(|(s, i, l)| {
            let target = |tahun: i32| i.target.get(&tahun).and_then(|t| t.value.as_ref());
            let mut cells = vec![
                format!("{} {}", i.id.value, i.nama.id),
                i.satuan.id.clone(),
                figures::target(target(ctx.tahun), &i.satuan.id),
            ];
            if with_pk {
                cells.push(super::pk::agreed_target(ctx, i, l));
            }
            cells.push(figures::target(target(akhir), &i.satuan.id));
            (s, cells)
        })
        .collect();
    // Grouped (no sasaran column), a unit column of a third of the width would leave the IKU's
    // name a narrow column wrapping over three lines: the unit gets the width of its widest word.
    let satuan = if with_pk { word_col("Satuan") } else { text_col("Satuan", 1) };
    let mut columns =
        vec![text_col("Indikator kinerja utama", 2), satuan, num_col(&format!("Target {}", ctx.tahun))];
    let mut caption = "Tabel 2.1 Sasaran strategis dan indikator kinerja utama".to_string();
    let rows = by_sasaran(rows, &mut columns, with_pk, 0);
    if with_pk {
        // Headers on three lines, so that three figure columns leave the names their width.
        columns[2] = num_col(&format!("Target\nRenstra\n{}", ctx.tahun));
        columns.push(num_col(&format!("Target\nPK\n{}", ctx.tahun)));
        columns.push(num_col(&format!("Target\nakhir\nRenstra\n({akhir})")));
        caption.push_str(" dengan target Perjanjian Kinerja");
    } else {
        columns.push(num_col(&format!("Target akhir Renstra ({akhir})")));
    }
    Block::Table { caption, columns, rows, note: None }
}

/// The rows of a table of IKU with their sasaran: above [`long::IKU_QUARTERS_LIMIT`] IKU
/// (`grouped`) each sasaran once, as a [`group`] header row above its IKU; else a column
/// `Sasaran strategis` (share 2) inserted at `at` in `columns` and in every row. At 500 IKU the
/// sasaran repeated in every row of Tabel 2.1 and 3.1 wrapped over four or five lines of each.
pub(super) fn by_sasaran(
    rows: Vec<(&Sasaran, Vec<String>)>,
    columns: &mut Vec<Column>,
    grouped: bool,
    at: usize,
) -> Vec<Vec<String>> {
    if !grouped {
        columns.insert(at, text_col("Sasaran strategis", 2));
        return rows
            .into_iter()
            .map(|(s, mut cells)| {
                cells.insert(at, s.uraian.id.clone());
                cells
            })
            .collect();
    }
    let mut out = Vec::new();
    let mut last = None;
    for (s, cells) in rows {
        if last != Some(&s.id.value) {
            last = Some(&s.id.value);
            out.push(group(format!("Sasaran strategis {}: {}", s.id.value, s.uraian.id)));
        }
        out.push(cells);
    }
    out
}

fn bab4(ctx: &Ctx) -> Vec<Block> {
    let mut blocks = vec![heading(1, "BAB IV PENUTUP")];
    let default = vec![
        para(format!(
            "Laporan Kinerja Instansi Pemerintah Tahun {} ini menyajikan capaian kinerja {} {} sebagai bentuk \
             pertanggungjawaban atas pelaksanaan Rencana Strategis dan Perjanjian Kinerja. Capaian setiap \
             indikator beserta analisisnya disajikan pada Bab III.",
            ctx.tahun,
            ctx.instansi(),
            ctx.pemerintah()
        )),
        para(
            "Indikator yang belum mencapai target menjadi perhatian dalam perencanaan dan pelaksanaan program \
             tahun berikutnya, dan rekomendasi hasil evaluasi ditindaklanjuti sesuai batas waktu yang ditetapkan.",
        ),
    ];
    blocks.extend(chapter(ctx, 4, default));
    blocks.push(super::pk::signature(ctx));
    blocks
}

fn lampiran(ctx: &Ctx) -> Vec<Block> {
    let programmes = Programmes::new(ctx);
    let mut blocks = vec![heading(1, "LAMPIRAN"), heading(2, "Lampiran 1 Rencana Aksi")];
    blocks.extend(rencana_aksi(ctx, &programmes));
    blocks.push(heading(2, "Lampiran 2 Daftar Data Dukung"));
    blocks.extend(evidence(ctx, &programmes));
    blocks
}

/// The rencana aksi: every IKU's entry, and the cascading indicators' entries too, or counted
/// per programme when they are too many.
fn rencana_aksi(ctx: &Ctx, programmes: &Programmes) -> Vec<Block> {
    let entries = || ctx.year.rencana_aksi.iter().flat_map(|r| &r.indikator);
    // Entries, and the required evidence items they list.
    let mut tally = programmes.tally(2);
    for e in entries() {
        if let Some(n) = programmes.of_indicator(&e.id.value) {
            tally.add(n, 0);
            tally.add_to(n, 1, e.data_dukung.len());
        }
    }
    let names = ctx.site().indicators();
    let rows = entries()
        .filter(|e| programmes.of_indicator(&e.id.value).is_none() || !tally.too_long())
        .map(|e| {
            let ind = names.iter().find(|(i, _)| i.id.value == e.id.value).map(|(i, _)| *i);
            let satuan = ind.map(|i| i.satuan.id.as_str()).unwrap_or_default();
            let mut cells = vec![
                format!("{} {}", e.id.value, ind.map(|i| i.nama.id.as_str()).unwrap_or_default()),
                e.penanggung_jawab.id.clone(),
            ];
            cells.extend((0..4).map(|q| {
                e.target_triwulan
                    .value
                    .get(q)
                    .map_or(KOSONG.to_string(), |t| figures::target(t.value.as_ref(), satuan))
            }));
            cells
        })
        .collect();
    let caption = format!("Tabel L.1 Rencana aksi tahun {}", ctx.tahun);
    let mut blocks = vec![Block::Table {
        caption: caption.clone(),
        columns: vec![
            text_col("Indikator", 3),
            text_col("Penanggung\njawab", 2),
            num_col("TW1"),
            num_col("TW2"),
            num_col("TW3"),
            num_col("TW4"),
        ],
        rows,
        note: Some(
            "Target triwulan sebagaimana ditulis dalam rencana aksi (kumulatif untuk indikator kumulatif)."
                .into(),
        ),
    }];
    blocks.extend(long::after(
        programmes,
        &tally,
        &caption,
        long::Summary {
            what: "rencana aksi indikator cascading",
            sources: long::workbook(ctx, "Rencana aksi"),
            headers: &["Indikator", "Jenis data dukung wajib"],
            note: None,
        },
    ));
    blocks
}

/// The evidence of the year's quarterly files: every IKU's, and the cascading indicators' too,
/// or counted per programme when they are too many.
fn evidence(ctx: &Ctx, programmes: &Programmes) -> Vec<Block> {
    // Each item with the programme of a cascading indicator, in the files' order.
    let mut all = Vec::new();
    // Items with a file, with a link, without either.
    let mut tally = programmes.tally(3);
    for (q, file) in ctx.year.realisasi.iter().enumerate() {
        for e in file.iter().flat_map(|f| &f.capaian) {
            let programme = programmes.of_indicator(&e.indikator.value);
            for b in &e.data_dukung {
                let (berkas, kind) = match &b.sumber {
                    BuktiSumber::Berkas(path) => (path.to_string_lossy().replace('\\', "/"), 0),
                    BuktiSumber::Tautan(url) => (url.clone(), 1),
                    BuktiSumber::Tidak => (KOSONG.to_string(), 2),
                };
                let jenis = b.jenis.as_ref().map_or(KOSONG.to_string(), |j| j.id.clone());
                if let Some(n) = programme {
                    tally.add(n, kind);
                }
                all.push((programme, vec![format!("TW{}", q + 1), e.indikator.value.clone(), jenis, berkas]));
            }
        }
    }
    let rows =
        all.into_iter().filter(|(n, _)| n.is_none() || !tally.too_long()).map(|(_, row)| row).collect();
    let caption = format!("Tabel L.2 Data dukung realisasi tahun {}", ctx.tahun);
    let mut blocks = vec![Block::Table {
        caption: caption.clone(),
        columns: vec![
            code_col("Triwulan"),
            text_col("Indikator", 1),
            text_col("Jenis", 2),
            text_col("Berkas atau tautan", 3),
        ],
        rows,
        note: Some("Berkas tersedia pada situs kinerja di bawah /bukti/.".into()),
    }];
    let sources = long::evidence_sources(ctx);
    blocks.extend(long::after(
        programmes,
        &tally,
        &caption,
        long::Summary {
            what: "data dukung indikator cascading",
            sources,
            headers: &["Berkas", "Tautan", "Tanpa berkas"],
            note: None,
        },
    ));
    blocks
}
