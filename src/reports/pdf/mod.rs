//! The PDF reports of SPEC §5.2, laid out by typst ([`engine`]) from the presentation layer:
//! per year under `unduh/<tahun>/`, the annual report `lkjip-<tahun>.pdf` (every year with
//! quarterly files), `laporan-tw<n>-<tahun>.pdf` (every reported quarter) and the agency-level
//! performance agreement `perjanjian-kinerja-<tahun>.pdf` (every year folder).
//!
//! Each builder ([`lkjip`], [`triwulan`], [`pk`]) turns the ledger and the model's texts into a
//! [`doc::Document`] of formatted strings; the one typst template places them. The documents are
//! laid out in parallel by `reports::write` and written through the build's sink, like the pages.
//!
//! A table of cascading indicators, rencana aksi, evidence or budget lines longer than
//! [`long::LIMIT`] rows becomes a count per programme ([`long`]); the IKU are always in full.
//!
//! The texts of the chapters come through [`Narrative`] (`laporan/*.md`, `analisis.yaml`); where
//! they are missing the reports print neutral default text.

mod bab3;
mod doc;
mod engine;
mod figures;
mod labels;
mod lkjip;
mod long;
mod markdown;
mod pk;
mod triwulan;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

pub use doc::{Block, Run};
pub use engine::EngineError;

use crate::content::model::{JenisPk, Site, Year};
use crate::present::Presenter;

/// The texts of a year's annual report beyond the figures: the sections of `laporan/*.md`
/// (SPEC §5.2) and `analisis.yaml` (SPEC §2.10), shown where given.
#[derive(Debug, Default)]
pub struct Narrative {
    /// The chapters of `<tahun>/laporan/*.md` by `bab` (1–4), already turned into blocks.
    pub bab: BTreeMap<u8, Vec<Block>>,
    /// `analisis.yaml`'s `ikhtisar`: the executive summary.
    pub ikhtisar: Option<Vec<Block>>,
    /// `analisis.yaml`'s entries by indicator id.
    pub analisis: BTreeMap<String, Analisis>,
}

/// The analysis of one indicator (`analisis.yaml`, SPEC §2.10).
#[derive(Debug, Default)]
pub struct Analisis {
    /// What helped.
    pub faktor_pendukung: Option<Vec<Block>>,
    /// What held it back.
    pub faktor_penghambat: Option<Vec<Block>>,
    /// The steps taken or proposed.
    pub upaya: Option<Vec<Block>>,
    /// An external standard: the figure as written and its source.
    pub standar: Option<(String, String)>,
    /// Programme codes that support the indicator; empty means the programmes of its sasaran.
    pub program_pendukung: Vec<String>,
}

/// A PDF report of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The annual report `lkjip-<tahun>.pdf`.
    Lkjip,
    /// The report of quarter 1–4, `laporan-tw<n>-<tahun>.pdf`.
    Triwulan(u8),
    /// The agency-level performance agreement `perjanjian-kinerja-<tahun>.pdf`.
    Pk,
    /// The agreement at this index of `perjanjian-kinerja.yaml`, `pk/<id>.pdf`.
    Entry(usize),
}

/// A PDF report of the plan: what it is, where it goes and its title in both languages.
pub struct Planned {
    /// The year it reports on.
    pub tahun: i32,
    /// What it is.
    pub kind: Kind,
    /// Its path under the site root.
    pub path: String,
    /// Its title on the downloads page, in Indonesian and English.
    pub judul: (String, String),
}

/// The PDF reports of a site, oldest year first: every year folder has its agency-level PK and
/// one PDF per entry of its `perjanjian-kinerja.yaml`; a year with quarterly files has its
/// LKjIP and one report per reported quarter.
pub fn plan(site: &Site) -> Vec<Planned> {
    let mut out = Vec::new();
    for (&tahun, year) in &site.years {
        let planned =
            |kind: Kind, path: String, judul: (String, String)| Planned { tahun, kind, path, judul };
        out.push(planned(
            Kind::Pk,
            format!("unduh/{tahun}/perjanjian-kinerja-{tahun}.pdf"),
            (format!("Perjanjian Kinerja {tahun}"), format!("Performance agreement {tahun}")),
        ));
        for (i, pk) in year.pk.iter().flat_map(|f| &f.pk).enumerate() {
            let (id, en) = match pk.jenis.value {
                JenisPk::Murni => ("Perjanjian Kinerja", "Performance agreement"),
                JenisPk::Perubahan => ("PK Perubahan", "Revised performance agreement"),
            };
            let pk_id = &pk.id.value;
            let judul = (format!("{id} {pk_id} ({tahun})"), format!("{en} {pk_id} ({tahun})"));
            out.push(planned(Kind::Entry(i), format!("unduh/{tahun}/pk/{pk_id}.pdf"), judul));
        }
        let reported: Vec<u8> = (1..=4).filter(|q| year.realisasi[usize::from(q - 1)].is_some()).collect();
        if !reported.is_empty() {
            out.push(planned(
                Kind::Lkjip,
                format!("unduh/{tahun}/lkjip-{tahun}.pdf"),
                (
                    format!("Laporan Kinerja Instansi Pemerintah (LKjIP) {tahun}"),
                    format!("Annual performance report (LKjIP) {tahun}"),
                ),
            ));
        }
        for q in reported {
            out.push(planned(
                Kind::Triwulan(q),
                format!("unduh/{tahun}/laporan-tw{q}-{tahun}.pdf"),
                (
                    format!("Laporan capaian kinerja TW{q} {tahun}"),
                    format!("Q{q} {tahun} performance report"),
                ),
            ));
        }
    }
    out
}

/// Lay out the report `kind` of `tahun` that goes to `path` (one of [`plan`]).
pub fn render(p: &Presenter, tahun: i32, kind: Kind, path: &str) -> Result<Vec<u8>, EngineError> {
    let Some(year) = p.site.years.get(&tahun) else { return Ok(Vec::new()) };
    let narrative = narrative(p, tahun, year);
    let ctx = Ctx { p, tahun, year, as_of: p.ledger.as_of, narrative: &narrative };
    let document = match kind {
        Kind::Lkjip => lkjip::lkjip(&ctx),
        Kind::Triwulan(q) => triwulan::triwulan(&ctx, q),
        Kind::Pk => pk::agency(&ctx),
        Kind::Entry(i) => match year.pk.iter().flat_map(|f| &f.pk).nth(i) {
            Some(entry) => pk::entry(&ctx, entry),
            None => return Ok(Vec::new()),
        },
    };
    let pdf = engine::render(&job(&ctx, path.to_string(), document));
    // typst memoises every layout of a document (about 2 MB a page); freeing them after each
    // document keeps a build's memory to the documents in flight. Another document being laid
    // out at the same moment only recomputes what it had memoised.
    engine::evict();
    pdf
}

/// What every builder reads.
pub(crate) struct Ctx<'a> {
    /// The model and the ledger.
    pub p: &'a Presenter<'a>,
    /// The year reported on.
    pub tahun: i32,
    /// Its folder.
    pub year: &'a Year,
    /// The date of the documents: the build's as-of date.
    pub as_of: NaiveDate,
    /// Texts from `laporan/*.md` and `analisis.yaml`.
    pub narrative: &'a Narrative,
}

impl Ctx<'_> {
    fn site(&self) -> &Site {
        self.p.site
    }

    /// The agency's name (`Dinas …`).
    fn instansi(&self) -> String {
        self.site().sakip.as_ref().map(|s| s.instansi.nama.id.clone()).unwrap_or_default()
    }

    /// The government (`Kabupaten Purwakarta`).
    fn pemerintah(&self) -> String {
        self.site().sakip.as_ref().map(|s| s.instansi.pemerintah.id.clone()).unwrap_or_default()
    }

    /// The agency's short name, else its name.
    fn singkatan(&self) -> String {
        let sakip = self.site().sakip.as_ref();
        sakip.and_then(|s| s.instansi.singkatan.as_ref()).map_or_else(|| self.instansi(), |s| s.id.clone())
    }

    /// The document's frame: title, author, date and the sample-data note.
    fn document(&self, title: String, blocks: Vec<Block>) -> doc::Document {
        let sample = self.site().sakip.as_ref().is_some_and(|s| s.situs.data_contoh);
        doc::Document {
            title,
            running: format!("{} {}", self.singkatan(), self.pemerintah()),
            author: format!("{} {}", self.instansi(), self.pemerintah()),
            date: doc::DateParts {
                year: self.as_of.year(),
                month: self.as_of.month(),
                day: self.as_of.day(),
            },
            cover: None,
            outline: false,
            sample_note: sample.then(|| "Dokumen ini memuat data contoh, bukan data resmi.".to_string()),
            blocks,
        }
    }
}

/// The narrative of a year: its `laporan/*.md` sections, each under its `judul`, and its
/// `analisis.yaml` (the executive summary and each indicator's analysis).
pub fn narrative(p: &Presenter, tahun: i32, year: &Year) -> Narrative {
    let mut bab: BTreeMap<u8, Vec<Block>> = BTreeMap::new();
    for section in &year.laporan {
        let blocks = bab.entry(section.bab.value).or_default();
        blocks.push(doc::heading(2, section.judul.id.clone()));
        blocks.extend(markdown::blocks(&section.body));
    }
    let Some(a) = &year.analisis else { return Narrative { bab, ..Narrative::default() } };
    let md = |t: &Option<crate::content::model::Text>| t.as_ref().map(|t| markdown::blocks(&t.id));
    let analisis = a
        .indikator
        .iter()
        .map(|e| {
            let id = e.id.value.clone();
            let entry = Analisis {
                faktor_pendukung: md(&e.faktor_pendukung),
                faktor_penghambat: md(&e.faktor_penghambat),
                upaya: md(&e.upaya),
                standar: e.standar.as_ref().map(|s| standar(p, tahun, &id, s)),
                program_pendukung: e.program_pendukung.iter().map(|k| k.value.clone()).collect(),
            };
            (id, entry)
        })
        .collect();
    Narrative { bab, ikhtisar: md(&a.ikhtisar), analisis }
}

/// An external standard as the report prints it: the figure in the indicator's unit, and its
/// source with the realisation against it (the ledger's comparison, SPEC §2.10).
fn standar(p: &Presenter, tahun: i32, id: &str, s: &crate::content::model::Standar) -> (String, String) {
    let satuan =
        p.indicators().iter().find(|(i, _)| i.id.value == id).map_or("", |(i, _)| i.satuan.id.as_str());
    let nilai = figures::nilai(Some(s.nilai.value), satuan);
    let sumber = s.sumber.as_ref().map_or_else(String::new, |t| t.id.clone());
    let banding = p.ledger.standar.iter().find(|c| c.tahun == tahun && c.indikator == id);
    let banding = banding.and_then(|c| c.persen).map(|persen| {
        format!(
            "realisasi {} = {} dari standar",
            figures::nilai(banding.and_then(|c| c.realisasi), satuan),
            figures::persen(Some(persen))
        )
    });
    let sumber = match (sumber.is_empty(), banding) {
        (true, None) => "tanpa sumber".to_string(),
        (true, Some(b)) => b,
        (false, None) => sumber,
        (false, Some(b)) => format!("{sumber}; {b}"),
    };
    (nilai, sumber)
}

/// A document and its charts as a job for the engine.
fn job(ctx: &Ctx, path: String, (mut document, charts): (doc::Document, Charts)) -> engine::Job {
    doc::fix_widths(&mut document.blocks);
    // serde_json cannot fail on these plain structs of strings and numbers.
    let data = serde_json::to_vec(&document).unwrap_or_default();
    engine::Job { data, files: charts.files, date: ctx.as_of, ident: path }
}

/// The SVG charts of a document, by the virtual path its chart blocks name.
#[derive(Default)]
pub(crate) struct Charts {
    files: BTreeMap<String, Vec<u8>>,
}

impl Charts {
    /// Keep `svg` and return the chart block that shows it.
    fn add(&mut self, svg: &str, alt: String, caption: String) -> Block {
        let path = format!("chart-{}.svg", self.files.len());
        // The charts name the generic family `sans-serif`; the report embeds only its own fonts.
        let svg = svg.replace("font-family=\"sans-serif\"", "font-family=\"Libertinus Serif\"");
        let (svg, labels) = match labels::lift(&svg) {
            Some((drawing, labels)) => (drawing, Some(labels)),
            None => (svg, None),
        };
        self.files.insert(path.clone(), svg.into_bytes());
        Block::Chart { path, alt, caption, labels }
    }
}
