//! Readers of `perjanjian-kinerja.yaml` (SPEC §2.9): the agreements, their signatories and
//! targets. A revision's own keys and the NIP are checked here; the rules that join the
//! agreements with each other and with the Renstra are in `validate`.

use crate::content::keys::pk::{PERJANJIAN_KINERJA, PK, PK_INDIKATOR};
use crate::content::model::*;
use crate::content::reader::{Choice, Ctx, Map};
use crate::content::tree::Node;
use crate::content::year::{Folder, tahun};
use crate::diagnostics::Code;

impl Choice for JenisPk {
    const ALL: &'static [(&'static str, Self)] =
        &[("murni", JenisPk::Murni), ("perubahan", JenisPk::Perubahan)];
}

/// Read `perjanjian-kinerja.yaml`.
pub fn perjanjian_kinerja(ctx: &mut Ctx, root: &Node, folder: &Folder) -> Option<PerjanjianKinerja> {
    let map = ctx.map(root, PERJANJIAN_KINERJA)?;
    tahun(ctx, &map, folder);
    let pk = map.get(ctx, "pk").map(|n| ctx.list(n, pk)).unwrap_or_default();
    Some(PerjanjianKinerja { pk })
}

fn pk(ctx: &mut Ctx, node: &Node) -> Option<Pk> {
    let map = ctx.map(node, PK)?;
    let id = map.get(ctx, "id").and_then(|n| ctx.id(n));
    let jenis = map.get(ctx, "jenis").and_then(|n| ctx.choice::<JenisPk>(n));
    let tanggal = map.get(ctx, "tanggal").and_then(|n| ctx.date(n));
    let menggantikan = map.get(ctx, "menggantikan").and_then(|n| ctx.id(n));
    if jenis.as_ref().is_some_and(|j| j.value == JenisPk::Perubahan) {
        map.require(ctx, "dasar");
        map.require(ctx, "alasan");
    }
    let dasar = map.sub(ctx, "dasar").and_then(|m| dasar(ctx, m));
    let alasan = map.get(ctx, "alasan").and_then(|n| ctx.text(n));
    let pihak_pertama = map.sub(ctx, "pihak_pertama").and_then(|m| pihak(ctx, m));
    let pihak_kedua = map.sub(ctx, "pihak_kedua").and_then(|m| pihak(ctx, m));
    let indikator = map.get(ctx, "indikator").map(|n| ctx.list(n, pk_indikator)).unwrap_or_default();
    let program = map.get(ctx, "program").map(|n| ctx.list(n, |ctx, n| ctx.string(n))).unwrap_or_default();
    Some(Pk {
        id: id?,
        jenis: jenis?,
        tanggal: tanggal?,
        menggantikan,
        dasar,
        alasan,
        pihak_pertama: pihak_pertama?,
        pihak_kedua: pihak_kedua?,
        indikator,
        program,
    })
}

fn dasar(ctx: &mut Ctx, map: Map) -> Option<Dasar> {
    let nomor = map.get(ctx, "nomor").and_then(|n| ctx.string(n));
    let tanggal = map.get(ctx, "tanggal").and_then(|n| ctx.date(n));
    Some(Dasar { nomor: nomor?.value, tanggal: tanggal? })
}

fn pihak(ctx: &mut Ctx, map: Map) -> Option<Pihak> {
    let nama = map.get(ctx, "nama").and_then(|n| ctx.string(n));
    let jabatan = map.get(ctx, "jabatan").and_then(|n| ctx.text(n));
    let pangkat = map.get(ctx, "pangkat").and_then(|n| ctx.text(n));
    let nip = map.get(ctx, "nip").and_then(|n| ctx.string(n)).and_then(|s| nip(ctx, s));
    Some(Pihak { nama: nama?.value, jabatan: jabatan?, pangkat, nip })
}

/// A NIP (the civil-servant number) holds 18 digits: birth date, appointment month, sex and a
/// serial. Spaces between its groups are allowed and kept as written.
fn nip(ctx: &mut Ctx, s: Spanned<String>) -> Option<String> {
    let digits: String = s.value.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 18 && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some(s.value);
    }
    ctx.error(
        Code::InvalidNip,
        s.loc,
        format!("NIP `{}` harus terdiri dari 18 angka", s.value),
        format!("NIP `{}` must be 18 digits", s.value),
    );
    None
}

fn pk_indikator(ctx: &mut Ctx, node: &Node) -> Option<PkIndikator> {
    let map = ctx.map(node, PK_INDIKATOR)?;
    let id = map.get(ctx, "id").and_then(|n| ctx.id(n));
    let mut units = Vec::new();
    let target = map.get(ctx, "target").and_then(|n| ctx.target(n, &mut units));
    // `get` already reported a null target as missing.
    let target = target.and_then(|t| Some(Spanned::new(t.value?, t.loc)));
    Some(PkIndikator { id: id?, target: target?, units })
}
