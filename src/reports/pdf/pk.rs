//! `perjanjian-kinerja-<tahun>.pdf`: the agency-level performance agreement (PermenPANRB
//! 53/2014): the head of agency promises the IKU targets and the programmes' budget to the head
//! of the region. Built from `sakip.yaml`, `renstra.yaml` and `cascading.yaml`; once
//! `perjanjian-kinerja.yaml` is loaded (SPEC §2.9) its parties, date and targets take the place
//! of these defaults through [`Agreement`].

use chrono::NaiveDate;

use super::doc::{Block, Document, Person, heading, num_col, para, text_col};
use super::lkjip::{iku, row};
use super::{Ctx, figures};
use crate::compute::Periode;
use crate::diagnostics::Lang;
use crate::present::format::{self, KOSONG};

/// Who promises what to whom, and when.
pub struct Agreement {
    /// The one who promises (the head of agency).
    pub pertama: Person,
    /// The superior (the head of region).
    pub kedua: Person,
    /// The signing date, when known.
    pub tanggal: Option<NaiveDate>,
}

/// The agreement `sakip.yaml` implies: its head of agency to the head of the region.
fn default_agreement(ctx: &Ctx) -> Agreement {
    let kepala = ctx.site().sakip.as_ref().and_then(|s| s.instansi.kepala.as_ref());
    let jabatan = format!("Kepala {} {}", ctx.instansi(), ctx.pemerintah());
    let kedua = Person { jabatan: kepala_daerah(&ctx.pemerintah()), ..Person::default() };
    Agreement { pertama: Person::kepala(kepala, jabatan), kedua, tanggal: None }
}

/// `Kabupaten Purwakarta` → `Bupati Purwakarta`; `Kota …` → `Wali Kota …`; `Provinsi …` →
/// `Gubernur …`.
fn kepala_daerah(pemerintah: &str) -> String {
    for (prefix, title) in [("Kabupaten ", "Bupati "), ("Kota ", "Wali Kota "), ("Provinsi ", "Gubernur ")] {
        if let Some(name) = pemerintah.strip_prefix(prefix) {
            return format!("{title}{name}");
        }
    }
    format!("Kepala Daerah {pemerintah}")
}

/// The region's seat for the date line (`Purwakarta`).
fn place(pemerintah: &str) -> &str {
    ["Kabupaten ", "Kota ", "Provinsi "].iter().find_map(|p| pemerintah.strip_prefix(p)).unwrap_or(pemerintah)
}

/// The agency's agreement for `ctx.tahun`.
pub fn agency(ctx: &Ctx) -> (Document, super::Charts) {
    let a = default_agreement(ctx);
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: format!("PERJANJIAN KINERJA TAHUN {}", ctx.tahun),
            sub: Some(format!("{} {}", ctx.instansi(), ctx.pemerintah()).to_uppercase()),
        },
        para(
            "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta \
             berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
        ),
        party(&a.pertama, "selanjutnya disebut PIHAK PERTAMA"),
        party(&a.kedua, "selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA"),
        para(
            "PIHAK PERTAMA berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, \
             dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen \
             perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab \
             PIHAK PERTAMA.",
        ),
        para(
            "PIHAK KEDUA akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian \
             kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan \
             dan sanksi.",
        ),
        signatures(ctx, &a),
        heading(1, format!("LAMPIRAN PERJANJIAN KINERJA TAHUN {}", ctx.tahun)),
        target_table(ctx, "Tabel 1 Sasaran strategis, indikator kinerja dan target"),
        programme_table(ctx, "Tabel 2 Program dan pagu anggaran"),
        signatures(ctx, &a),
    ];
    blocks.retain(|b| !matches!(b, Block::Table { rows, .. } if rows.is_empty()));
    let title = format!("Perjanjian Kinerja {} Tahun {}", ctx.singkatan(), ctx.tahun);
    (ctx.document(title, blocks), super::Charts::default())
}

fn party(p: &Person, role: &str) -> Block {
    let name = if p.nama.is_empty() {
        "……………………………………".to_string()
    } else {
        p.nama.clone()
    };
    Block::Facts { items: vec![("Nama".into(), name), ("Jabatan".into(), format!("{} ({role})", p.jabatan))] }
}

fn signatures(ctx: &Ctx, a: &Agreement) -> Block {
    let date = a.tanggal.map_or_else(|| format!("……………………… {}", ctx.tahun), |d| format::tanggal(d, Lang::Id));
    Block::Signatures {
        place_date: format!("{}, {date}", place(&ctx.pemerintah())),
        left: Some(a.kedua.clone()),
        left_label: "PIHAK KEDUA".into(),
        right: a.pertama.clone(),
        right_label: "PIHAK PERTAMA".into(),
    }
}

/// The head of agency's signature under the annual report.
pub(super) fn signature(ctx: &Ctx) -> Block {
    let a = default_agreement(ctx);
    let date = format::tanggal(ctx.as_of, Lang::Id);
    Block::Signatures {
        place_date: format!("{}, {date}", place(&ctx.pemerintah())),
        left: None,
        left_label: String::new(),
        right: a.pertama,
        right_label: String::new(),
    }
}

/// Sasaran, IKU and the target of the year (the target in force, from the ledger).
pub(super) fn target_table(ctx: &Ctx, caption: &str) -> Block {
    let rows = iku(ctx)
        .into_iter()
        .map(|(s, i, l)| {
            let target = row(l, ctx.tahun, Periode::Tahunan)
                .and_then(|r| r.target.as_ref())
                .or_else(|| i.target.get(&ctx.tahun).and_then(|t| t.value.as_ref()));
            vec![
                s.uraian.id.clone(),
                format!("{} {}", i.id.value, i.nama.id),
                figures::target(target, &i.satuan.id),
            ]
        })
        .collect();
    Block::Table {
        caption: caption.to_string(),
        columns: vec![text_col("Sasaran strategis", 2), text_col("Indikator kinerja", 2), num_col("Target")],
        rows,
        note: None,
    }
}

/// The programmes and their ceiling of the year.
pub(super) fn programme_table(ctx: &Ctx, caption: &str) -> Block {
    let rows = ctx
        .site()
        .cascading
        .iter()
        .flat_map(|c| &c.program)
        .map(|p| {
            let pagu = ctx.p.budget(&p.unit.kode.value, ctx.tahun).and_then(|b| b.pagu);
            vec![
                p.unit.kode.value.clone(),
                p.unit.nama.id.clone(),
                pagu.map_or(KOSONG.to_string(), |v| figures::rupiah(Some(v))),
            ]
        })
        .collect();
    Block::Table {
        caption: caption.to_string(),
        columns: vec![text_col("Kode", 1), text_col("Program", 4), num_col("Pagu anggaran")],
        rows,
        note: None,
    }
}
