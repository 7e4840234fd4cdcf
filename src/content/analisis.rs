//! Reader of `analisis.yaml` (SPEC §2.10): the executive summary and, per indicator, the
//! factors, the steps taken, an external standard and the supporting programmes. The ids and
//! codes are resolved in `validate`.

use crate::content::keys::pk::{ANALISIS, ANALISIS_INDIKATOR};
use crate::content::model::*;
use crate::content::reader::{Ctx, Map};
use crate::content::tree::Node;
use crate::content::year::{Folder, tahun};

/// Read `analisis.yaml`.
pub fn analisis(ctx: &mut Ctx, root: &Node, folder: &Folder) -> Option<Analisis> {
    let map = ctx.map(root, ANALISIS)?;
    tahun(ctx, &map, folder);
    let ikhtisar = map.get(ctx, "ikhtisar").and_then(|n| ctx.text(n));
    let indikator = map.get(ctx, "indikator").map(|n| ctx.list(n, entry)).unwrap_or_default();
    Some(Analisis { ikhtisar, indikator })
}

fn entry(ctx: &mut Ctx, node: &Node) -> Option<AnalisisIndikator> {
    let map = ctx.map(node, ANALISIS_INDIKATOR)?;
    let id = map.get(ctx, "id").and_then(|n| ctx.id(n));
    let mut text = |key: &str| map.get(ctx, key).and_then(|n| ctx.text(n));
    let (faktor_pendukung, faktor_penghambat, upaya) =
        (text("faktor_pendukung"), text("faktor_penghambat"), text("upaya"));
    let standar = map.sub(ctx, "standar").and_then(|m| standar(ctx, m));
    let program_pendukung =
        map.get(ctx, "program_pendukung").map(|n| ctx.list(n, |ctx, n| ctx.string(n))).unwrap_or_default();
    Some(AnalisisIndikator {
        id: id?,
        faktor_pendukung,
        faktor_penghambat,
        upaya,
        standar,
        program_pendukung,
    })
}

fn standar(ctx: &mut Ctx, map: Map) -> Option<Standar> {
    let nilai = map.get(ctx, "nilai").and_then(|n| ctx.required_figure(n));
    let sumber = map.get(ctx, "sumber").and_then(|n| ctx.text(n));
    Some(Standar { nilai: nilai?, sumber })
}
