//! Readers for the plan files: `sakip.yaml`, `renstra.yaml`, `cascading.yaml`, and the
//! indicator shape they share.

use std::collections::BTreeMap;

use marked_yaml::Node;

use crate::content::model::*;
use crate::content::reader::{Choice, Ctx, Map};
use crate::diagnostics::Code;

impl Choice for Polaritas {
    const ALL: &'static [(&'static str, Self)] =
        &[("positif", Polaritas::Positif), ("negatif", Polaritas::Negatif)];
}

impl Choice for Agregasi {
    const ALL: &'static [(&'static str, Self)] = &[
        ("kumulatif", Agregasi::Kumulatif),
        ("terakhir", Agregasi::Terakhir),
        ("rata-rata", Agregasi::RataRata),
    ];
}

impl Choice for Sumber {
    const ALL: &'static [(&'static str, Self)] = &[("skm", Sumber::Skm)];
}

/// Read `sakip.yaml`.
pub fn sakip(ctx: &mut Ctx, root: &Node) -> Option<Sakip> {
    let map = ctx.map(root, &["instansi", "situs", "predikat"])?;
    let instansi = map.sub(ctx, "instansi", INSTANSI_KEYS, true).and_then(|m| instansi(ctx, m));
    let situs = map
        .sub(ctx, "situs", &["judul", "base_url", "tema", "data_contoh"], true)
        .and_then(|m| situs(ctx, m));
    let predikat = map.optional("predikat").map(|n| ctx.list(n, predikat_band));
    if predikat.as_ref().is_some_and(Vec::is_empty) {
        let loc = map.key_loc(ctx, "predikat");
        ctx.error(
            Code::PredicateScale,
            loc,
            "skala predikat kosong; hapus `predikat:` untuk memakai skala Permendagri 86/2017",
            "empty predicate scale; remove `predikat:` to use the Permendagri 86/2017 scale",
        );
    }
    Some(Sakip { instansi: instansi?, situs: situs?, predikat })
}

const INSTANSI_KEYS: &[&str] = &["nama", "singkatan", "pemerintah", "alamat", "telepon", "situs", "kepala"];

fn instansi(ctx: &mut Ctx, map: Map) -> Option<Instansi> {
    let nama = map.required(ctx, "nama").and_then(|n| ctx.text(n));
    let pemerintah = map.required(ctx, "pemerintah").and_then(|n| ctx.text(n));
    let situs = map.optional("situs").and_then(|n| link(ctx, n));
    let kepala = map.sub(ctx, "kepala", &["nama", "pangkat", "nip"], false).and_then(|m| kepala(ctx, m));
    Some(Instansi {
        nama: nama?,
        singkatan: map.optional("singkatan").and_then(|n| ctx.text(n)),
        pemerintah: pemerintah?,
        alamat: map.optional("alamat").and_then(|n| ctx.text(n)),
        telepon: map.optional("telepon").and_then(|n| ctx.string(n)).map(|s| s.value),
        situs: situs.map(|s| s.value),
        kepala,
    })
}

fn kepala(ctx: &mut Ctx, map: Map) -> Option<Kepala> {
    let nama = map.required(ctx, "nama").and_then(|n| ctx.string(n));
    Some(Kepala {
        nama: nama?.value,
        pangkat: map.optional("pangkat").and_then(|n| ctx.string(n)).map(|s| s.value),
        nip: map.optional("nip").and_then(|n| ctx.string(n)).map(|s| s.value),
    })
}

fn situs(ctx: &mut Ctx, map: Map) -> Option<Situs> {
    let judul = map.required(ctx, "judul").and_then(|n| ctx.text(n));
    let base_url = map.required(ctx, "base_url").and_then(|n| link(ctx, n));
    let tema = match map.optional("tema") {
        Some(n) => ctx.id(n)?,
        None => Spanned::new("default".to_string(), map.loc.clone()),
    };
    let data_contoh = map.optional("data_contoh").and_then(|n| ctx.boolean(n)).unwrap_or(false);
    Some(Situs { judul: judul?, base_url: base_url?, tema, data_contoh })
}

/// True for an `http://` or `https://` address with a host and no spaces.
pub fn is_http_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

/// An http(s) link.
pub fn link(ctx: &mut Ctx, node: &Node) -> Option<Spanned<String>> {
    let s = ctx.string(node)?;
    if !is_http_url(&s.value) {
        ctx.error(
            Code::InvalidLink,
            s.loc,
            format!("tautan `{}` harus berupa alamat http:// atau https://", s.value),
            format!("link `{}` must be an http:// or https:// address", s.value),
        );
        return None;
    }
    Some(s)
}

fn predikat_band(ctx: &mut Ctx, node: &Node) -> Option<PredikatBand> {
    let map = ctx.map(node, &["min", "nama"])?;
    let min = map.optional("min").and_then(|n| ctx.required_figure(n));
    let nama = map.required(ctx, "nama").and_then(|n| ctx.text(n));
    Some(PredikatBand { min, nama: nama?, loc: map.loc })
}

/// Read `renstra.yaml`.
pub fn renstra(ctx: &mut Ctx, root: &Node) -> Option<Renstra> {
    let map = ctx.map(root, &["periode", "tujuan"])?;
    let periode = map.required(ctx, "periode").and_then(|n| periode(ctx, n));
    let tujuan = map.required(ctx, "tujuan").map(|n| ctx.list(n, tujuan)).unwrap_or_default();
    Some(Renstra { periode: periode?, tujuan })
}

fn periode(ctx: &mut Ctx, node: &Node) -> Option<Spanned<(i32, i32)>> {
    let loc = ctx.loc(node);
    let years = ctx.list(node, |ctx, n| ctx.year(n));
    match years.as_slice() {
        [a, b] if a.value <= b.value => Some(Spanned::new((a.value, b.value), loc)),
        _ => {
            ctx.error(
                Code::InvalidValue,
                loc,
                "periode harus berupa [tahun awal, tahun akhir], misalnya [2018, 2023]",
                "periode must be [first year, last year], e.g. [2018, 2023]",
            );
            None
        }
    }
}

fn tujuan(ctx: &mut Ctx, node: &Node) -> Option<Tujuan> {
    let map = ctx.map(node, &["id", "uraian", "sasaran"])?;
    let id = map.required(ctx, "id").and_then(|n| ctx.id(n));
    let uraian = map.required(ctx, "uraian").and_then(|n| ctx.text(n));
    let sasaran = map.required(ctx, "sasaran").map(|n| ctx.list(n, sasaran)).unwrap_or_default();
    Some(Tujuan { id: id?, uraian: uraian?, sasaran })
}

fn sasaran(ctx: &mut Ctx, node: &Node) -> Option<Sasaran> {
    let map = ctx.map(node, &["id", "uraian", "indikator"])?;
    let id = map.required(ctx, "id").and_then(|n| ctx.id(n));
    let uraian = map.required(ctx, "uraian").and_then(|n| ctx.text(n));
    let indikator = map.required(ctx, "indikator").map(|n| ctx.list(n, indikator)).unwrap_or_default();
    Some(Sasaran { id: id?, uraian: uraian?, indikator })
}

const INDIKATOR_KEYS: &[&str] = &[
    "id",
    "nama",
    "satuan",
    "polaritas",
    "agregasi",
    "definisi",
    "formula",
    "sumber_data",
    "penanggung_jawab",
    "sumber",
    "target",
    "realisasi",
];

/// Read an indicator (IKU or cascading).
pub fn indikator(ctx: &mut Ctx, node: &Node) -> Option<Indikator> {
    let map = ctx.map(node, INDIKATOR_KEYS)?;
    let id = map.required(ctx, "id").and_then(|n| ctx.id(n));
    let nama = map.required(ctx, "nama").and_then(|n| ctx.text(n));
    let satuan = map.required(ctx, "satuan").and_then(|n| ctx.text(n));
    let polaritas = map.required(ctx, "polaritas").and_then(|n| ctx.choice(n));
    let agregasi = map.required(ctx, "agregasi").and_then(|n| ctx.choice(n));
    let opt_text = |ctx: &mut Ctx, key: &str| map.optional(key).and_then(|n| ctx.text(n));
    let definisi = opt_text(ctx, "definisi");
    let formula = opt_text(ctx, "formula");
    let sumber_data = opt_text(ctx, "sumber_data");
    let penanggung_jawab = opt_text(ctx, "penanggung_jawab");
    let sumber = map.optional("sumber").and_then(|n| ctx.choice(n));
    let target = by_year(ctx, &map, "target", |ctx, n| ctx.target(n));
    let realisasi = by_year(ctx, &map, "realisasi", |ctx, n| ctx.figure(n));
    // An indicator whose id is valid stays in the model even when another field was rejected
    // (already an error, so nothing is built): its references then resolve instead of adding a
    // `dangling-reference` per use. The stand-ins are the values that trigger no further rule.
    Some(Indikator {
        id: id?,
        nama: nama.unwrap_or_default(),
        satuan: satuan.unwrap_or_default(),
        polaritas: polaritas.unwrap_or_else(|| Spanned::new(Polaritas::Negatif, map.loc.clone())),
        agregasi: agregasi.unwrap_or_else(|| Spanned::new(Agregasi::RataRata, map.loc.clone())),
        definisi,
        formula,
        sumber_data,
        penanggung_jawab,
        sumber,
        target,
        realisasi,
        loc: map.loc,
    })
}

/// A mapping from year to value, e.g. `target: {2019: "60 triliun", 2023: "75 triliun"}`.
pub fn by_year<T>(
    ctx: &mut Ctx,
    map: &Map,
    key: &str,
    mut value: impl FnMut(&mut Ctx, &Node) -> Option<T>,
) -> BTreeMap<i32, T> {
    let mut out = BTreeMap::new();
    let Some(years) = map.optional(key).and_then(|n| ctx.any_map(n)) else { return out };
    for (key, val) in years.entries() {
        let key_node = Node::from(key.clone());
        let (Some(year), Some(v)) = (ctx.year(&key_node), value(ctx, val)) else { continue };
        out.insert(year.value, v);
    }
    out
}

/// Read `cascading.yaml`.
pub fn cascading(ctx: &mut Ctx, root: &Node) -> Option<Cascading> {
    let map = ctx.map(root, &["program"])?;
    let program = map.required(ctx, "program").map(|n| ctx.list(n, program)).unwrap_or_default();
    Some(Cascading { program })
}

fn program(ctx: &mut Ctx, node: &Node) -> Option<Program> {
    let map = ctx.map(node, &["kode", "nama", "sasaran", "indikator", "anggaran", "kegiatan"])?;
    let sasaran = map.required(ctx, "sasaran").and_then(|n| ctx.id(n));
    let unit = unit(ctx, &map, "kegiatan", 2);
    Some(Program { sasaran: sasaran?, unit: unit? })
}

/// The fields a programme, kegiatan and sub-kegiatan share; `children` names the key of the
/// level below, read down to `levels_below` more levels.
fn unit(ctx: &mut Ctx, map: &Map, children: &str, levels_below: u8) -> Option<Kegiatan> {
    let kode = map.required(ctx, "kode").and_then(|n| ctx.id(n));
    let nama = map.required(ctx, "nama").and_then(|n| ctx.text(n));
    let indikator = map.optional("indikator").map(|n| ctx.list(n, indikator)).unwrap_or_default();
    let anggaran = by_year(ctx, map, "anggaran", anggaran);
    let anak = match map.optional(children) {
        Some(n) if levels_below > 0 => ctx.list(n, |ctx, n| kegiatan(ctx, n, levels_below - 1)),
        _ => Vec::new(),
    };
    Some(Kegiatan { kode: kode?, nama: nama?, indikator, anggaran, anak })
}

fn kegiatan(ctx: &mut Ctx, node: &Node, levels_below: u8) -> Option<Kegiatan> {
    if levels_below > 0 {
        let map = ctx.map(node, &["kode", "nama", "indikator", "anggaran", "sub_kegiatan"])?;
        unit(ctx, &map, "sub_kegiatan", levels_below)
    } else {
        let map = ctx.map(node, &["kode", "nama", "indikator", "anggaran"])?;
        unit(ctx, &map, "", 0)
    }
}

fn anggaran(ctx: &mut Ctx, node: &Node) -> Option<Anggaran> {
    let map = ctx.map(node, &["pagu", "realisasi"])?;
    let pagu = map.optional("pagu").and_then(|n| ctx.required_figure(n));
    let realisasi = map.optional("realisasi").and_then(|n| ctx.required_figure(n));
    Some(Anggaran { pagu, realisasi })
}
