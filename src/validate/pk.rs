//! Rules of `perjanjian-kinerja.yaml` and `analisis.yaml` (SPEC §2.9, §2.10) that join them
//! with the Renstra, the cascading and each other: ids and codes that must resolve, a `murni`
//! PK's targets against the year's, and what a `perubahan` revises.

use std::collections::HashMap;

use super::{Unique, Validator, show};
use crate::content::model::*;
use crate::diagnostics::Code;

impl<'s> Validator<'s, '_> {
    /// The PKs of `year`.
    pub(super) fn perjanjian_kinerja(&mut self, year: i32, pk: &'s PerjanjianKinerja, codes: &[&str]) {
        let mut ids = Unique::new("PK", "PK");
        let mut by_id: HashMap<&str, &Pk> = HashMap::new();
        for p in &pk.pk {
            if ids.add(&p.id.value, &p.id.loc, self.diags) {
                by_id.insert(&p.id.value, p);
            }
        }
        for p in &pk.pk {
            self.revision(p, &by_id);
            for e in &p.indikator {
                let Some(ind) = self.indicator(&e.id) else { continue };
                self.units(ind, &e.units);
                self.target_rules(ind, &e.target.value, &e.target.loc);
                if p.jenis.value == JenisPk::Murni {
                    self.pk_target(year, ind, e);
                }
            }
            for code in &p.program {
                self.code(code, codes);
            }
        }
    }

    /// §2.9: a `murni` PK promises the year's target of the Renstra or the cascading.
    fn pk_target(&mut self, year: i32, ind: &Indikator, e: &PkIndikator) {
        let id = &ind.id.value;
        let shown = show(&e.target.value);
        match ind.target.get(&year).and_then(|t| t.value.as_ref()) {
            Some(annual) if *annual == e.target.value => {}
            Some(annual) => self.error(
                Code::PkTargetMismatch,
                &e.target.loc,
                format!("target PK murni `{id}` ({shown}) berbeda dari target tahun {year} di renstra/cascading ({}); perubahan target ditulis sebagai PK `perubahan`", show(annual)),
                format!("the murni PK target of `{id}` ({shown}) differs from its {year} target in renstra/cascading ({}); a revised target is written as a `perubahan` PK", show(annual)),
            ),
            None => self.warning(
                Code::PkTargetMismatch,
                &e.target.loc,
                format!("`{id}` tidak memiliki target tahun {year} di renstra/cascading untuk dibandingkan dengan target PK {shown}"),
                format!("`{id}` has no {year} target in renstra/cascading to compare with the PK target {shown}"),
            ),
        }
    }

    /// §2.9: a `perubahan` names an existing PK of the year, dated earlier; a `murni` names none.
    fn revision(&mut self, p: &Pk, by_id: &HashMap<&str, &Pk>) {
        let id = &p.id.value;
        let Some(m) = &p.menggantikan else {
            if p.jenis.value == JenisPk::Perubahan {
                self.error(
                    Code::PkRevision,
                    &p.jenis.loc,
                    format!("PK perubahan `{id}` harus menyebut PK yang diubahnya dengan `menggantikan`"),
                    format!("revision `{id}` must name the PK it revises with `menggantikan`"),
                );
            }
            return;
        };
        if p.jenis.value == JenisPk::Murni {
            self.error(
                Code::PkRevision,
                &m.loc,
                format!("PK murni `{id}` tidak menggantikan PK lain; tulis `jenis: perubahan` atau hapus `menggantikan`"),
                format!("murni PK `{id}` replaces nothing; write `jenis: perubahan` or remove `menggantikan`"),
            );
            return;
        }
        match by_id.get(m.value.as_str()) {
            None => {
                let known: Vec<&str> = by_id.keys().copied().filter(|k| k != id).collect();
                self.dangling_as(Code::PkRevision, ("PK", "PK"), m, &known);
            }
            Some(old) if old.tanggal.value >= p.tanggal.value => self.error(
                Code::PkRevision,
                &m.loc,
                format!(
                    "PK `{}` ({}) tidak lebih awal dari perubahannya `{id}` ({})",
                    old.id.value, old.tanggal.value, p.tanggal.value
                ),
                format!(
                    "PK `{}` ({}) is not earlier than its revision `{id}` ({})",
                    old.id.value, old.tanggal.value, p.tanggal.value
                ),
            ),
            Some(_) => {}
        }
    }

    /// The analysis of `year`: its indicators and programmes must exist.
    pub(super) fn analisis(&mut self, a: &'s Analisis, codes: &[&str]) {
        let mut ids = Unique::new("analisis indikator", "analysis of indicator");
        for e in &a.indikator {
            ids.add(&e.id.value, &e.id.loc, self.diags);
            self.indicator(&e.id);
            for code in &e.program_pendukung {
                self.code(code, codes);
            }
        }
    }

    /// A programme, kegiatan or sub-kegiatan code that must be in `cascading.yaml`.
    fn code(&mut self, code: &Spanned<String>, codes: &[&str]) {
        if !codes.contains(&code.value.as_str()) {
            self.dangling(("kode program", "programme code"), code, codes);
        }
    }
}
