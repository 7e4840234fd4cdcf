//! Readers for the plan files: `sakip.yaml`, `renstra.yaml`, `cascading.yaml`, and the
//! indicator shape they share.

use std::collections::BTreeMap;

use crate::content::keys::plan::{
    ANGGARAN, CASCADING, INDIKATOR, KEGIATAN, PREDIKAT, PROGRAM, RENSTRA, SAKIP, SASARAN, SUB_KEGIATAN,
    TUJUAN,
};
use crate::content::model::*;
use crate::content::reader::{Choice, Ctx, Map};
use crate::content::tree::Node;
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
    let map = ctx.map(root, SAKIP)?;
    let instansi = map.sub(ctx, "instansi").and_then(|m| instansi(ctx, m));
    let situs = map.sub(ctx, "situs").and_then(|m| situs(ctx, m));
    let predikat = map.get(ctx, "predikat").map(|n| ctx.list(n, predikat_band));
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

fn instansi(ctx: &mut Ctx, map: Map) -> Option<Instansi> {
    let nama = map.get(ctx, "nama").and_then(|n| ctx.title(n));
    let pemerintah = map.get(ctx, "pemerintah").and_then(|n| ctx.title(n));
    let situs = map.get(ctx, "situs").and_then(|n| link(ctx, n));
    let kepala = map.sub(ctx, "kepala").and_then(|m| kepala(ctx, m));
    Some(Instansi {
        nama: nama?,
        singkatan: map.get(ctx, "singkatan").and_then(|n| ctx.title(n)),
        pemerintah: pemerintah?,
        alamat: map.get(ctx, "alamat").and_then(|n| ctx.title(n)),
        telepon: map.get(ctx, "telepon").and_then(|n| ctx.title(n)).map(|t| t.id),
        situs: situs.map(|s| s.value),
        kepala,
    })
}

fn kepala(ctx: &mut Ctx, map: Map) -> Option<Kepala> {
    let nama = map.get(ctx, "nama").and_then(|n| ctx.string(n));
    Some(Kepala {
        nama: nama?.value,
        pangkat: map.get(ctx, "pangkat").and_then(|n| ctx.string(n)).map(|s| s.value),
        nip: map.get(ctx, "nip").and_then(|n| ctx.string(n)).map(|s| s.value),
    })
}

fn situs(ctx: &mut Ctx, map: Map) -> Option<Situs> {
    let judul = map.get(ctx, "judul").and_then(|n| ctx.title(n));
    let base_url = map.get(ctx, "base_url").and_then(|n| link(ctx, n)).and_then(|url| base_url(ctx, url));
    let tema = match map.get(ctx, "tema") {
        Some(n) => ctx.id(n)?,
        None => Spanned::new("default".to_string(), map.loc.clone()),
    };
    let data_contoh = map.get(ctx, "data_contoh").and_then(|n| ctx.boolean(n)).unwrap_or(false);
    let lisensi = map
        .get(ctx, "lisensi")
        .and_then(|n| ctx.string(n))
        .map_or_else(|| crate::content::model::LISENSI.to_string(), |s| s.value);
    Some(Situs { judul: judul?, base_url: base_url?, tema, data_contoh, lisensi })
}

/// True for an `http://` or `https://` address with a host and no spaces.
pub fn is_http_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

/// True for an address fit to publish the site at: an http(s) address whose path has no empty
/// segment (`https://x.go.id//a/`), which some servers resolve elsewhere and which makes every
/// canonical and sitemap link of the site a different address.
pub fn is_base_url(text: &str) -> bool {
    let path = text.split_once("://").map_or("", |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or("");
    is_http_url(text) && !path.contains("//")
}

fn base_url(ctx: &mut Ctx, url: Spanned<String>) -> Option<Spanned<String>> {
    if is_base_url(&url.value) {
        return Some(url);
    }
    ctx.error(
        Code::InvalidLink,
        url.loc,
        format!("`base_url` `{}` memuat `//` di jalurnya; tulis satu `/` di antara bagian alamat", url.value),
        format!(
            "`base_url` `{}` has `//` in its path; write one `/` between the parts of the address",
            url.value
        ),
    );
    None
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
    let map = ctx.map(node, PREDIKAT)?;
    let min = map.get(ctx, "min").and_then(|n| ctx.required_figure(n));
    let nama = map.get(ctx, "nama").and_then(|n| ctx.text(n));
    Some(PredikatBand { min, nama: nama?, loc: map.loc })
}

/// Read `renstra.yaml`.
pub fn renstra(ctx: &mut Ctx, root: &Node) -> Option<Renstra> {
    let map = ctx.map(root, RENSTRA)?;
    let periode = map.get(ctx, "periode").and_then(|n| periode(ctx, n));
    let tujuan = map.get(ctx, "tujuan").map(|n| ctx.list(n, tujuan)).unwrap_or_default();
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
    let map = ctx.map(node, TUJUAN)?;
    let id = map.get(ctx, "id").and_then(|n| ctx.id(n));
    let uraian = map.get(ctx, "uraian").and_then(|n| ctx.text(n));
    let sasaran = map.get(ctx, "sasaran").map(|n| ctx.list(n, sasaran)).unwrap_or_default();
    Some(Tujuan { id: id?, uraian: uraian?, sasaran })
}

fn sasaran(ctx: &mut Ctx, node: &Node) -> Option<Sasaran> {
    let map = ctx.map(node, SASARAN)?;
    let id = map.get(ctx, "id").and_then(|n| ctx.id(n));
    let uraian = map.get(ctx, "uraian").and_then(|n| ctx.text(n));
    let indikator = map.get(ctx, "indikator").map(|n| ctx.list(n, indikator)).unwrap_or_default();
    Some(Sasaran { id: id?, uraian: uraian?, indikator })
}

/// Read an indicator (IKU or cascading).
pub fn indikator(ctx: &mut Ctx, node: &Node) -> Option<Indikator> {
    let map = ctx.map(node, INDIKATOR)?;
    let id = map.get(ctx, "id").and_then(|n| ctx.id(n));
    let nama = map.get(ctx, "nama").and_then(|n| ctx.text(n));
    let satuan = map.get(ctx, "satuan").and_then(|n| ctx.text(n));
    let polaritas = map.get(ctx, "polaritas").and_then(|n| ctx.choice(n));
    let agregasi = map.get(ctx, "agregasi").and_then(|n| ctx.choice(n));
    let opt_text = |ctx: &mut Ctx, key: &str| map.get(ctx, key).and_then(|n| ctx.text(n));
    let definisi = opt_text(ctx, "definisi");
    let formula = opt_text(ctx, "formula");
    let sumber_data = opt_text(ctx, "sumber_data");
    let penanggung_jawab = opt_text(ctx, "penanggung_jawab");
    let sumber = map.get(ctx, "sumber").and_then(|n| ctx.choice(n));
    let mut units = Vec::new();
    let target = by_year(ctx, &map, "target", |ctx, n| ctx.target(n, &mut units));
    let realisasi = by_year(ctx, &map, "realisasi", |ctx, n| ctx.figure_with_unit(n, &mut units));
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
        units,
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
    let Some(years) = map.get(ctx, key).and_then(|n| ctx.any_map(n)) else { return out };
    for (key, val) in years.entries() {
        let key_node = Node::Scalar(key.clone());
        let (Some(year), Some(v)) = (ctx.year(&key_node), value(ctx, val)) else { continue };
        out.insert(year.value, v);
    }
    out
}

/// Read `cascading.yaml`.
pub fn cascading(ctx: &mut Ctx, root: &Node) -> Option<Cascading> {
    let map = ctx.map(root, CASCADING)?;
    let program = map.get(ctx, "program").map(|n| ctx.list(n, program)).unwrap_or_default();
    Some(Cascading { program })
}

fn program(ctx: &mut Ctx, node: &Node) -> Option<Program> {
    let map = ctx.map(node, PROGRAM)?;
    let sasaran = map.get(ctx, "sasaran").and_then(|n| ctx.id(n));
    let unit = unit(ctx, &map, "kegiatan", 2);
    Some(Program { sasaran: sasaran?, unit: unit? })
}

/// The fields a programme, kegiatan and sub-kegiatan share; `children` names the key of the
/// level below, read down to `levels_below` more levels.
fn unit(ctx: &mut Ctx, map: &Map, children: &str, levels_below: u8) -> Option<Kegiatan> {
    let kode = map.get(ctx, "kode").and_then(|n| ctx.id(n));
    let nama = map.get(ctx, "nama").and_then(|n| ctx.text(n));
    let indikator = map.get(ctx, "indikator").map(|n| ctx.list(n, indikator)).unwrap_or_default();
    let anggaran = by_year(ctx, map, "anggaran", anggaran);
    // The lowest level has no key for children: asking its table for one would be a bug.
    let below = match levels_below {
        0 => None,
        _ => map.get(ctx, children),
    };
    let anak = below.map(|n| ctx.list(n, |ctx, n| kegiatan(ctx, n, levels_below - 1))).unwrap_or_default();
    Some(Kegiatan { kode: kode?, nama: nama?, indikator, anggaran, anak })
}

fn kegiatan(ctx: &mut Ctx, node: &Node, levels_below: u8) -> Option<Kegiatan> {
    if levels_below > 0 {
        let map = ctx.map(node, KEGIATAN)?;
        unit(ctx, &map, "sub_kegiatan", levels_below)
    } else {
        let map = ctx.map(node, SUB_KEGIATAN)?;
        unit(ctx, &map, "", 0)
    }
}

fn anggaran(ctx: &mut Ctx, node: &Node) -> Option<Anggaran> {
    let map = ctx.map(node, ANGGARAN)?;
    let pagu = map.get(ctx, "pagu").and_then(|n| ctx.required_figure(n));
    let realisasi = map.get(ctx, "realisasi").and_then(|n| ctx.required_figure(n));
    Some(Anggaran { pagu, realisasi })
}
