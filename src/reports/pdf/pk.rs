//! The performance agreements (PermenPANRB 53/2014). `perjanjian-kinerja-<tahun>.pdf` is the
//! agency level: the head of agency promises the IKU targets and the programmes' budget to the
//! head of the region, built from `sakip.yaml`, `renstra.yaml` and `cascading.yaml`.
//! `pk/<id>.pdf` is one entry of `perjanjian-kinerja.yaml` (SPEC §2.9) with its own parties,
//! date, indicators and programmes; a revision is marked *PK Perubahan* with what it replaces
//! and its legal basis.

use chrono::NaiveDate;

use super::doc::{Block, Document, Person, heading, num_col, para, text_col};
use super::lkjip::{iku, row};
use super::{Ctx, figures};
use crate::compute::{IndicatorLedger, Periode};
use crate::content::model::{Indikator, JenisPk, Pihak, Pk};
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

/// The agency-level agreement: the parties and date of the year's first `murni` PK that names
/// an IKU (the head of agency's, SPEC §2.9), else the one `sakip.yaml` implies.
fn agency_agreement(ctx: &Ctx) -> Agreement {
    let iku: Vec<&str> =
        ctx.p.site.sasaran().flat_map(|s| &s.indikator).map(|i| i.id.value.as_str()).collect();
    let head = ctx.year.pk.iter().flat_map(|f| &f.pk).find(|pk| {
        pk.jenis.value == JenisPk::Murni && pk.indikator.iter().any(|e| iku.contains(&e.id.value.as_str()))
    });
    match head {
        Some(pk) => Agreement {
            pertama: person(&pk.pihak_pertama),
            kedua: person(&pk.pihak_kedua),
            tanggal: Some(pk.tanggal.value),
        },
        None => default_agreement(ctx),
    }
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
    let a = agency_agreement(ctx);
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: format!("PERJANJIAN KINERJA TAHUN {}", ctx.tahun),
        sub: Some(format!("{} {}", ctx.instansi(), ctx.pemerintah()).to_uppercase()),
    }];
    blocks.extend(promise(ctx, &a));
    blocks.extend([
        heading(1, format!("LAMPIRAN PERJANJIAN KINERJA TAHUN {}", ctx.tahun)),
        target_table(ctx, "Tabel 1 Sasaran strategis, indikator kinerja dan target"),
        programme_table(ctx, "Tabel 2 Program dan pagu anggaran"),
        signatures(ctx, &a),
    ]);
    blocks.retain(|b| !matches!(b, Block::Table { rows, .. } if rows.is_empty()));
    let title = format!("Perjanjian Kinerja {} Tahun {}", ctx.singkatan(), ctx.tahun);
    (ctx.document(title, blocks), super::Charts::default())
}

/// The parties, the promise and the signatures: the same words in every agreement.
fn promise(ctx: &Ctx, a: &Agreement) -> Vec<Block> {
    vec![
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
        signatures(ctx, a),
    ]
}

/// One agreement of `perjanjian-kinerja.yaml`.
pub fn entry(ctx: &Ctx, pk: &Pk) -> (Document, super::Charts) {
    let a = Agreement {
        pertama: person(&pk.pihak_pertama),
        kedua: person(&pk.pihak_kedua),
        tanggal: Some(pk.tanggal.value),
    };
    let perubahan = pk.jenis.value == JenisPk::Perubahan;
    let judul = if perubahan { "PERJANJIAN KINERJA PERUBAHAN" } else { "PERJANJIAN KINERJA" };
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: format!("{judul} TAHUN {}", ctx.tahun),
        sub: Some(format!("{} · {} {}", pk.id.value, ctx.instansi(), ctx.pemerintah())),
    }];
    if perubahan {
        blocks.push(para(basis(pk)));
    }
    blocks.extend(promise(ctx, &a));
    blocks.extend([
        Block::Heading { level: 1, text: format!("LAMPIRAN {judul}"), sub: Some(pk.id.value.clone()) },
        entry_targets(ctx, pk),
        entry_programmes(ctx, pk),
        signatures(ctx, &a),
    ]);
    blocks.retain(|b| !matches!(b, Block::Table { rows, .. } if rows.is_empty()));
    let title = format!(
        "{} {} Tahun {}",
        if perubahan { "PK Perubahan" } else { "Perjanjian Kinerja" },
        pk.id.value,
        ctx.tahun
    );
    (ctx.document(title, blocks), super::Charts::default())
}

/// What a revision replaces and the regulation it rests on.
fn basis(pk: &Pk) -> String {
    let mut out = String::from("PK Perubahan");
    if let Some(m) = &pk.menggantikan {
        out.push_str(&format!(", menggantikan {}", m.value));
    }
    if let Some(d) = &pk.dasar {
        out.push_str(&format!("; dasar: {}, {}", d.nomor, format::tanggal(d.tanggal.value, Lang::Id)));
    }
    if let Some(alasan) = &pk.alasan {
        out.push_str(&format!("; alasan: {}", alasan.id));
    }
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

fn person(p: &Pihak) -> Person {
    Person {
        jabatan: p.jabatan.id.clone(),
        nama: p.nama.clone(),
        pangkat: p.pangkat.as_ref().map(|t| t.id.clone()),
        nip: p.nip.clone(),
    }
}

/// The indicators the agreement names: its target and the year's target in force.
fn entry_targets(ctx: &Ctx, pk: &Pk) -> Block {
    let rows = pk
        .indikator
        .iter()
        .map(|e| {
            let found = ctx.p.indicators().iter().find(|(i, _)| i.id.value == e.id.value);
            let (nama, satuan) =
                found.map_or((String::new(), ""), |(i, _)| (i.nama.id.clone(), i.satuan.id.as_str()));
            let berlaku =
                found.and_then(|(_, l)| row(l, ctx.tahun, Periode::Tahunan)).and_then(|r| r.target.as_ref());
            vec![
                format!("{} {nama}", e.id.value),
                figures::target(Some(&e.target.value), satuan),
                figures::target(berlaku, satuan),
            ]
        })
        .collect();
    Block::Table {
        caption: "Tabel 1 Indikator kinerja dan target".to_string(),
        columns: vec![
            text_col("Indikator kinerja", 4),
            num_col("Target perjanjian"),
            num_col("Target berlaku"),
        ],
        rows,
        note: None,
    }
}

/// The programmes (or kegiatan) whose budget the agreement commits, with their ceiling.
fn entry_programmes(ctx: &Ctx, pk: &Pk) -> Block {
    let units = ctx.site().units();
    let rows = pk
        .program
        .iter()
        .map(|kode| {
            let nama = units
                .iter()
                .find(|(u, _)| u.kode.value == kode.value)
                .map_or(String::new(), |(u, _)| u.nama.id.clone());
            let pagu = ctx.p.budget(&kode.value, ctx.tahun).and_then(|b| b.pagu);
            vec![kode.value.clone(), nama, pagu.map_or(KOSONG.to_string(), |v| figures::rupiah(Some(v)))]
        })
        .collect();
    Block::Table {
        caption: "Tabel 2 Program dan pagu anggaran".to_string(),
        columns: vec![text_col("Kode", 1), text_col("Program", 4), num_col("Pagu anggaran")],
        rows,
        note: None,
    }
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
            vec![s.uraian.id.clone(), format!("{} {}", i.id.value, i.nama.id), agreed_target(ctx, i, l)]
        })
        .collect();
    Block::Table {
        caption: caption.to_string(),
        columns: vec![text_col("Sasaran strategis", 2), text_col("Indikator kinerja", 2), num_col("Target")],
        rows,
        note: None,
    }
}

/// The IKU's target of the year in force (the ledger's, after a `perubahan` PK), else the
/// Renstra's, formatted.
pub(super) fn agreed_target(ctx: &Ctx, i: &Indikator, l: &IndicatorLedger) -> String {
    let target = row(l, ctx.tahun, Periode::Tahunan)
        .and_then(|r| r.target.as_ref())
        .or_else(|| i.target.get(&ctx.tahun).and_then(|t| t.value.as_ref()));
    figures::target(target, &i.satuan.id)
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
