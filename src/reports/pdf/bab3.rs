//! BAB III Akuntabilitas Kinerja of the LKjIP: the Pengukuran Kinerja table, then per IKU its
//! figures, the quarters (up to [`long::IKU_QUARTERS_LIMIT`] IKU), earlier years and the
//! Renstra end target (§3.6), the analysis of `analisis.yaml` where given, the supporting
//! programmes with budget absorption and efficiency (§3.7), the chart and the validation notes;
//! then the IKM with its nine unsur, the budget and the follow-up of recommendations.

use super::doc::{Block, code_col, heading, num_col, para, text_col};
use super::lkjip::{by_sasaran, iku, row, year_cells, year_table};
use super::long::{self, Programmes};
use super::{Charts, Ctx, figures, triwulan};
use crate::compute::{IndicatorLedger, Periode, Row, Trend, Validation};
use crate::content::keys::year::UNSUR;
use crate::content::model::{Agregasi, Indikator, Program, Sasaran};
use crate::diagnostics::Lang;
use crate::present::Words;
use crate::present::format::{self, KOSONG};
use crate::present::series::{self, Series};
use crate::present::view::IndicatorRef;

/// The chapter.
pub fn bab3(ctx: &Ctx, charts: &mut Charts) -> Vec<Block> {
    let mut blocks = vec![
        heading(1, "BAB III AKUNTABILITAS KINERJA"),
        heading(2, "A. Pengukuran Kinerja"),
        para(format!(
            "Pengukuran kinerja membandingkan realisasi dengan target setiap indikator kinerja utama tahun {}. \
             Capaian dihitung menurut polaritas indikator dan dibulatkan dua desimal; predikat ditetapkan dari \
             capaian resmi, yaitu capaian tervalidasi.",
            ctx.tahun
        )),
        measurement(ctx),
        heading(2, "B. Analisis Capaian Kinerja"),
    ];
    let all = iku(ctx);
    let with_quarters = !long::many_iku(all.len());
    blocks.push(analysis_lead(ctx, with_quarters));
    let mut sasaran = None;
    for (n, (s, i, l)) in all.into_iter().enumerate() {
        if sasaran != Some(&s.id.value) {
            sasaran = Some(&s.id.value);
            blocks.extend(sasaran_programmes(ctx, s));
        }
        blocks.extend(indicator(ctx, n + 1, (s, i, l), with_quarters, charts));
    }
    blocks.extend(ikm(ctx));
    blocks.extend(budget(ctx));
    blocks.extend(follow_up(ctx));
    blocks.extend(super::lkjip::sections(ctx, 3));
    blocks
}

fn measurement(ctx: &Ctx) -> Block {
    let scale = &ctx.p.ledger.scale;
    let all = iku(ctx);
    let grouped = long::many_iku(all.len());
    let rows = all
        .into_iter()
        .enumerate()
        .filter_map(|(n, (s, i, l))| {
            let r = row(l, ctx.tahun, Periode::Tahunan)?;
            let mut cells = vec![(n + 1).to_string()];
            cells.extend(year_cells(i, r, scale));
            Some((s, cells))
        })
        .collect();
    let mut lead = vec![code_col("No"), text_col("Indikator kinerja utama", 2)];
    let rows = by_sasaran(rows, &mut lead, grouped, 1);
    year_table(format!("Tabel 3.1 Pengukuran Kinerja tahun {}", ctx.tahun), lead, rows)
}

/// The sentence at the head of BAB III B: the legend of every IKU's quarter table, once (at
/// 500 IKU, 500 copies of it cost about 1 of the LKjIP's 7 CPU-seconds), or, above
/// [`long::IKU_QUARTERS_LIMIT`] IKU, where the quarters are instead.
fn analysis_lead(ctx: &Ctx, with_quarters: bool) -> Block {
    if with_quarters {
        return para(format!(
            "Setiap indikator kinerja utama disajikan dengan tabel target dan realisasi per triwulan. {}",
            triwulan::FIGURE_NOTE
        ));
    }
    let t = ctx.tahun;
    let reports: Vec<String> = (1..=4u8)
        .filter(|q| ctx.year.realisasi[usize::from(q - 1)].is_some())
        .map(|q| format!("unduh/{t}/laporan-tw{q}-{t}.pdf"))
        .collect();
    para(format!(
        "Laporan tahunan ini menyajikan capaian tahun {t} setiap indikator kinerja utama. Karena indikator kinerja \
         utama berjumlah lebih dari {} indikator, target dan realisasi per triwulan tidak diulang di sini; \
         angka setiap triwulan ada pada laporan capaian kinerja triwulan ({}), dalam Tabel 1, serta \
         pada {}.",
        long::IKU_QUARTERS_LIMIT,
        reports.join(", "),
        long::workbook(ctx, "Realisasi triwulan")
    ))
}

/// The section of one IKU: a paragraph with its year, then the table of its quarters (which
/// ends with the year's row) when `with_quarters`; without them (above
/// [`long::IKU_QUARTERS_LIMIT`] IKU) the comparison with earlier years is a sentence too.
fn indicator(
    ctx: &Ctx,
    n: usize,
    (s, i, l): (&Sasaran, &Indikator, &IndicatorLedger),
    with_quarters: bool,
    charts: &mut Charts,
) -> Vec<Block> {
    let mut blocks = vec![heading(3, format!("{n}. {} {}", i.id.value, i.nama.id))];
    blocks.push(summary(ctx, s, i, l));
    if with_quarters {
        blocks.push(quarters(ctx, i, l));
    }
    if l.trend.len() > 1 {
        blocks.push(if with_quarters { years(i, l) } else { years_sentence(i, l) });
    }
    blocks.extend(analysis(ctx, &i.id.value));
    blocks.extend(own_programmes(ctx, &i.id.value));
    blocks.push(chart(ctx, i, l, charts));
    blocks.extend(validation_notes(ctx, l));
    blocks
}

/// The IKU's sasaran, year and Renstra end target in one paragraph. A paragraph rather than a
/// grid of label and value: at 500 IKU those 7,000 cells cost about 1 of the LKjIP's 7
/// CPU-seconds (one measurement on a busy machine).
fn summary(ctx: &Ctx, s: &Sasaran, i: &Indikator, l: &IndicatorLedger) -> Block {
    let satuan = &i.satuan.id;
    let mut text = format!("Sasaran strategis: {}. ", s.uraian.id);
    text.push_str(&match row(l, ctx.tahun, Periode::Tahunan) {
        Some(r) => format!(
            "Tahun {}: target {}, realisasi {}, capaian {}, predikat {}; status validasi {}.",
            ctx.tahun,
            figures::target(r.target.as_ref(), satuan),
            figures::nilai(r.realisasi, satuan),
            figures::capaian(r),
            figures::predikat(r, &ctx.p.ledger.scale),
            figures::status(r)
        ),
        None => format!("Tahun {}: belum ada capaian tahunan.", ctx.tahun),
    });
    if let Some(r) = ctx.site().renstra.as_ref() {
        let akhir = r.periode.value.1;
        let target = i.target.get(&akhir).and_then(|t| t.value.as_ref());
        let trend = l.trend.iter().find(|t| t.tahun == ctx.tahun);
        text.push_str(&format!(
            " Target akhir Renstra ({akhir}): {}; capaian terhadap target akhir Renstra: {}.",
            figures::target(target, satuan),
            figures::persen(trend.and_then(|t| t.capaian_renstra))
        ));
    }
    para(text)
}

/// The IKU's quarters and its year, with the four figure columns of the quarterly report.
fn quarters(ctx: &Ctx, i: &Indikator, l: &IndicatorLedger) -> Block {
    let scale = &ctx.p.ledger.scale;
    let rows = l
        .rows
        .iter()
        .filter(|r| r.tahun == ctx.tahun)
        .map(|r| {
            let mut cells = vec![r.periode.label()];
            cells.extend(triwulan::figure_cells(r, &i.satuan.id, scale));
            cells
        })
        .collect();
    let mut columns = vec![code_col("Periode")];
    columns.extend(triwulan::figure_columns());
    Block::Table {
        caption: format!("Target dan realisasi {} per triwulan, {}", i.id.value, ctx.tahun),
        columns,
        rows,
        note: None,
    }
}

/// The validated achievement, or `belum` while there is none.
pub(super) fn validated(r: &Row) -> String {
    match r.validasi {
        Validation::Belum => "belum".to_string(),
        Validation::Verdict(_) => figures::persen(r.capaian_tervalidasi),
    }
}

fn years(i: &Indikator, l: &IndicatorLedger) -> Block {
    let satuan = &i.satuan.id;
    let rows = l
        .trend
        .iter()
        .map(|t| {
            let (target, realisasi, perubahan, capaian) = trend_cells(l, t, satuan);
            vec![t.tahun.to_string(), target, realisasi, perubahan.unwrap_or(KOSONG.to_string()), capaian]
        })
        .collect();
    Block::Table {
        caption: format!("Perbandingan {} dengan tahun-tahun sebelumnya", i.id.value),
        columns: vec![
            code_col("Tahun"),
            num_col("Target"),
            num_col("Realisasi"),
            num_col("Perubahan dari\ntahun sebelumnya"),
            num_col("Capaian terhadap\ntarget akhir Renstra"),
        ],
        rows,
        note: None,
    }
}

/// The comparison with earlier years as one sentence, a clause per year with the cells of the
/// table of [`years`]. At 500 IKU those 500 small tables were about 40 % of the LKjIP's layout
/// time (1.3 of 3.4 CPU-seconds, and 80 pages).
fn years_sentence(i: &Indikator, l: &IndicatorLedger) -> Block {
    let satuan = &i.satuan.id;
    let clauses: Vec<String> = l
        .trend
        .iter()
        .map(|t| {
            let (target, realisasi, perubahan, capaian) = trend_cells(l, t, satuan);
            let perubahan = perubahan.map_or(String::new(), |d| format!(", perubahan dari tahun sebelumnya {d}"));
            format!(
                "{} target {target}, realisasi {realisasi}{perubahan}, capaian terhadap target akhir Renstra {capaian}",
                t.tahun
            )
        })
        .collect();
    para(format!("Perbandingan {} dengan tahun-tahun sebelumnya: {}.", i.id.value, clauses.join("; ")))
}

/// A year's target, realisation, change from the year before (if any) and achievement against
/// the Renstra end target, formatted.
fn trend_cells(l: &IndicatorLedger, t: &Trend, satuan: &str) -> (String, String, Option<String>, String) {
    let target = row(l, t.tahun, Periode::Tahunan).and_then(|r| r.target.as_ref());
    (
        figures::target(target, satuan),
        figures::nilai(Some(t.realisasi), satuan),
        t.perubahan.map(|(_, d)| figures::nilai(Some(d), satuan)),
        figures::persen(t.capaian_renstra),
    )
}

/// The analysis of `analisis.yaml` where given.
fn analysis(ctx: &Ctx, id: &str) -> Vec<Block> {
    let Some(a) = ctx.narrative.analisis.get(id) else { return Vec::new() };
    let mut blocks = Vec::new();
    if let Some((nilai, sumber)) = &a.standar {
        blocks.push(para(format!("Standar pembanding: {nilai} ({sumber}).")));
    }
    for (title, text) in [
        ("Faktor pendukung", &a.faktor_pendukung),
        ("Faktor penghambat", &a.faktor_penghambat),
        ("Upaya", &a.upaya),
    ] {
        if let Some(text) = text {
            blocks.push(Block::Para {
                runs: vec![super::Run { text: title.into(), strong: true, emph: false }],
            });
            blocks.extend(text.iter().cloned());
        }
    }
    blocks
}

/// The programmes `analisis.yaml` names as supporting the IKU `id`, if it names any.
fn named_programmes<'a>(ctx: &Ctx<'a>, id: &str) -> Option<&'a [String]> {
    ctx.narrative.analisis.get(id).map(|a| a.program_pendukung.as_slice()).filter(|p| !p.is_empty())
}

/// The table of the programmes the IKU `id` names as its own (`analisis.yaml`).
fn own_programmes(ctx: &Ctx, id: &str) -> Option<Block> {
    let codes = named_programmes(ctx, id)?;
    let programs = ctx.site().cascading.iter().flat_map(|c| &c.program);
    programme_table(
        ctx,
        programs.filter(|p| codes.contains(&p.unit.kode.value)),
        format!("Program pendukung {id}"),
    )
}

/// The programmes of sasaran `s`, once before its IKU, when one of them names none of its own:
/// the same table under every IKU of the sasaran would repeat it.
fn sasaran_programmes(ctx: &Ctx, s: &Sasaran) -> Vec<Block> {
    if s.indikator.iter().all(|i| named_programmes(ctx, &i.id.value).is_some()) {
        return Vec::new();
    }
    let programs = ctx.site().cascading.iter().flat_map(|c| &c.program);
    let caption = format!("Program pendukung sasaran {}", s.id.value);
    let Some(table) = programme_table(ctx, programs.filter(|p| p.sasaran.value == s.id.value), caption)
    else {
        return Vec::new();
    };
    // Its own heading, so that it does not read as part of the IKU section before it.
    vec![heading(3, format!("Program Pendukung Sasaran {} {}", s.id.value, s.uraian.id)), table]
}

/// The budget absorption and efficiency of `programs` that have a budget this year.
fn programme_table<'a>(
    ctx: &Ctx,
    programs: impl Iterator<Item = &'a Program>,
    caption: String,
) -> Option<Block> {
    let rows: Vec<Vec<String>> = programs
        .filter_map(|p| {
            let b = ctx.p.budget(&p.unit.kode.value, ctx.tahun)?;
            Some(vec![
                format!("{} {}", b.kode, p.unit.nama.id),
                figures::rupiah(b.pagu),
                figures::rupiah(b.realisasi),
                figures::persen(b.serapan),
                figures::persen(b.capaian_rata_rata),
                b.efisiensi.map_or(KOSONG.to_string(), |e| format!("{} poin", format::angka(e, Lang::Id))),
            ])
        })
        .collect();
    (!rows.is_empty()).then(|| Block::Table {
        caption: format!("{caption}: serapan anggaran dan efisiensi"),
        columns: budget_columns(),
        rows,
        note: Some(
            "Efisiensi: capaian rata-rata indikator program dikurangi serapan anggaran (poin persentase)."
                .into(),
        ),
    })
}

fn budget_columns() -> Vec<super::doc::Column> {
    vec![
        text_col("Program / kegiatan", 3),
        num_col("Pagu"),
        num_col("Realisasi"),
        num_col("Serapan"),
        num_col("Capaian\nrata-rata"),
        num_col("Efisiensi"),
    ]
}

fn chart(ctx: &Ctx, i: &Indikator, l: &IndicatorLedger, charts: &mut Charts) -> Block {
    let words = Words::new(Lang::Id);
    let r = IndicatorRef::new(i, Lang::Id);
    let rows: Vec<&Row> = l.rows.iter().filter(|row| row.tahun == ctx.tahun).collect();
    let cumulative = i.agregasi.value == Agregasi::Kumulatif;
    let title = format!("{} {} — per triwulan {}", r.id, r.nama.text, ctx.tahun);
    let points = series::quarter_points(&rows, cumulative, &words);
    let id = format!("tw-{}-{}", r.slug, ctx.tahun);
    let svg = series::svg(Series { id, title: &title, ind: &r, points, sparkline: false }, &words);
    let kind = if cumulative { "kumulatif " } else { "" };
    let caption = format!("Target dan realisasi {kind}{} per triwulan {}", r.id, ctx.tahun);
    charts.add(&svg, title, caption)
}

fn validation_notes(ctx: &Ctx, l: &IndicatorLedger) -> Vec<Block> {
    let items: Vec<Vec<super::Run>> = l
        .rows
        .iter()
        .filter(|r| r.tahun == ctx.tahun)
        .filter_map(|r| {
            let alasan = r.alasan.as_ref()?;
            Some(vec![super::Run::plain(format!(
                "{} ({}): {}",
                r.periode.label(),
                figures::status(r),
                alasan.id
            ))])
        })
        .collect();
    if items.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Para { runs: vec![super::Run { text: "Catatan validasi".into(), strong: true, emph: false }] },
        Block::List { items },
    ]
}

fn ikm(ctx: &Ctx) -> Vec<Block> {
    let surveys: Vec<_> = ctx.p.ledger.ikm.iter().filter(|s| s.tahun == ctx.tahun).collect();
    if surveys.is_empty() {
        return Vec::new();
    }
    let mut rows: Vec<Vec<String>> = UNSUR
        .iter()
        .enumerate()
        .map(|(u, (code, name, _))| {
            let mut cells = vec![format!("{code} {name}")];
            cells.extend(surveys.iter().map(|s| figures::angka(s.nrr_shown().get(u).copied())));
            cells
        })
        .collect();
    let mut total = vec!["Indeks Kepuasan Masyarakat (IKM)".to_string()];
    total.extend(surveys.iter().map(|s| format!("{} ({})", format::angka(s.ikm, Lang::Id), s.mutu.huruf())));
    rows.push(total);
    let mut columns = vec![text_col("Unsur pelayanan", 3)];
    columns.extend(surveys.iter().map(|s| num_col(&format!("NRR {}", s.periode.label()))));
    vec![
        heading(2, "C. Indeks Kepuasan Masyarakat"),
        para(
            "Nilai rata-rata (NRR) kesembilan unsur pelayanan menurut PermenPANRB 14/2017 per periode survei; \
              IKM adalah rata-rata NRR dikali 25, dengan mutu pelayanan dalam kurung.",
        ),
        Block::Table {
            caption: format!("Tabel 3.2 Hasil survei kepuasan masyarakat {}", ctx.tahun),
            columns,
            rows,
            note: None,
        },
    ]
}

/// The budget of every programme, kegiatan and sub-kegiatan; only the programmes, each with
/// the count of its kegiatan and sub-kegiatan, when the lines are too many.
fn budget(ctx: &Ctx) -> Vec<Block> {
    let programmes = Programmes::new(ctx);
    let mut tally = programmes.tally(1);
    let lines: Vec<(usize, &str, Vec<String>)> = ctx
        .site()
        .units()
        .into_iter()
        .filter_map(|(unit, level)| {
            let b = ctx.p.budget(&unit.kode.value, ctx.tahun)?;
            if level > 0 {
                tally.add(programmes.of_unit(&unit.kode.value).unwrap_or_default(), 0);
            }
            let indent = "\u{a0}\u{a0}\u{a0}".repeat(level);
            Some((
                level,
                unit.kode.value.as_str(),
                vec![
                    format!("{indent}{} {}", b.kode, unit.nama.id),
                    figures::rupiah(b.pagu),
                    figures::rupiah(b.realisasi),
                    figures::persen(b.serapan),
                    figures::persen(b.capaian_rata_rata),
                    b.efisiensi
                        .map_or(KOSONG.to_string(), |e| format!("{} poin", format::angka(e, Lang::Id))),
                ],
            ))
        })
        .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    let caption = format!("Tabel 3.3 Realisasi anggaran program, kegiatan dan sub-kegiatan {}", ctx.tahun);
    let note =
        Some("Efisiensi: capaian rata-rata indikator dikurangi serapan anggaran (poin persentase).".into());
    let mut blocks = vec![heading(2, "D. Realisasi Anggaran")];
    if lines.len() <= long::LIMIT {
        let rows = lines.into_iter().map(|(_, _, row)| row).collect();
        blocks.push(Block::Table { caption, columns: budget_columns(), rows, note });
        return blocks;
    }
    blocks.push(para(format!(
        "Tabel ini menyajikan anggaran {} program; {} kegiatan dan sub-kegiatan beranggaran dihitung per program \
         karena daftarnya lebih dari {} baris; setiap baris ada pada {}.",
        lines.len() - tally.rows,
        tally.rows,
        long::LIMIT,
        long::workbook(ctx, "Anggaran")
    )));
    let rows = lines
        .into_iter()
        .filter(|(level, ..)| *level == 0)
        .map(|(_, kode, mut row)| {
            let n = programmes.of_unit(kode);
            row.push(n.map_or(0, |n| tally.count(n, 0)).to_string());
            row
        })
        .collect();
    let mut columns = budget_columns();
    columns.push(num_col("Kegiatan dan\nsub-kegiatan"));
    blocks.push(Block::Table { caption, columns, rows, note });
    blocks
}

fn follow_up(ctx: &Ctx) -> Vec<Block> {
    let rows: Vec<Vec<String>> = super::triwulan::follow_up_rows(ctx, |_| true);
    let mut blocks = vec![heading(2, "E. Tindak Lanjut Rekomendasi")];
    if rows.is_empty() {
        blocks.push(para(format!("Tidak ada rekomendasi evaluasi yang tercatat untuk tahun {}.", ctx.tahun)));
    } else {
        blocks.push(super::triwulan::follow_up_table(
            format!("Tabel 3.4 Tindak lanjut rekomendasi evaluasi {}", ctx.tahun),
            rows,
        ));
    }
    blocks
}
