//! The PDF reports of SPEC §5.2, laid out by typst ([`engine`]) from the presentation layer:
//! per year under `unduh/<tahun>/`, the annual report `lkjip-<tahun>.pdf` (every year with
//! quarterly files), `laporan-tw<n>-<tahun>.pdf` (every reported quarter) and the agency-level
//! performance agreement `perjanjian-kinerja-<tahun>.pdf` (every year folder).
//!
//! Each builder ([`lkjip`], [`triwulan`], [`pk`]) turns the ledger and the model's texts into a
//! [`doc::Document`] of formatted strings; the one typst template places them. The documents are
//! laid out in parallel and written through the [`Sink`], like the pages.
//!
//! Texts that later loaders provide plug in through [`Narrative`] (the chapters of
//! `laporan/*.md`, `analisis.yaml`) and the PK builder's input (`perjanjian-kinerja.yaml`);
//! where they are missing the reports print neutral default text.

mod bab3;
mod doc;
mod engine;
mod figures;
mod lkjip;
mod markdown;
mod pk;
mod triwulan;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

pub use doc::{Block, Run};
pub use engine::EngineError;

use crate::content::model::{Site, Year};
use crate::output::Sink;
use crate::present::Presenter;

/// The texts of a year's annual report beyond the figures: the sections of `laporan/*.md`
/// (SPEC §5.2) and, once its loader exists, `analisis.yaml` (SPEC §2.10), whose fields the
/// reports already show where given.
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

/// A report that could not be made.
#[derive(Debug)]
pub struct Failure {
    /// The path it would have had.
    pub path: String,
    /// typst's messages.
    pub error: EngineError,
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

/// The narrative of a year: its `laporan/*.md` sections, each under its `judul`.
pub fn narrative(year: &Year) -> Narrative {
    let mut bab: BTreeMap<u8, Vec<Block>> = BTreeMap::new();
    for section in &year.laporan {
        let blocks = bab.entry(section.bab.value).or_default();
        blocks.push(doc::heading(2, section.judul.id.clone()));
        blocks.extend(markdown::blocks(&section.body));
    }
    Narrative { bab, ..Narrative::default() }
}

/// Every report of the site into `sink`, laid out in parallel; the reports that failed.
pub fn write(p: &Presenter, sink: &dyn Sink) -> Vec<Failure> {
    let as_of = p.ledger.as_of;
    let mut jobs = Vec::new();
    for (&tahun, year) in &p.site.years {
        let narrative = narrative(year);
        let ctx = Ctx { p, tahun, year, as_of, narrative: &narrative };
        jobs.extend(documents(&ctx));
    }
    let failures: Vec<Failure> = jobs
        .par_iter()
        .filter_map(|(path, job)| match engine::render(job) {
            Ok(bytes) => {
                sink.add(path, &bytes);
                None
            }
            Err(error) => Some(Failure { path: path.clone(), error }),
        })
        .collect();
    engine::evict();
    failures
}

/// The documents of one year, each with its path.
fn documents(ctx: &Ctx) -> Vec<(String, engine::Job)> {
    let tahun = ctx.tahun;
    let mut out = vec![job(ctx, format!("unduh/{tahun}/perjanjian-kinerja-{tahun}.pdf"), pk::agency(ctx))];
    let reported: Vec<u8> = (1..=4).filter(|q| ctx.year.realisasi[usize::from(q - 1)].is_some()).collect();
    if !reported.is_empty() {
        out.push(job(ctx, format!("unduh/{tahun}/lkjip-{tahun}.pdf"), lkjip::lkjip(ctx)));
    }
    for q in reported {
        out.push(job(ctx, format!("unduh/{tahun}/laporan-tw{q}-{tahun}.pdf"), triwulan::triwulan(ctx, q)));
    }
    out
}

/// A document and its charts as a job for the engine.
fn job(ctx: &Ctx, path: String, (document, charts): (doc::Document, Charts)) -> (String, engine::Job) {
    // serde_json cannot fail on these plain structs of strings and numbers.
    let data = serde_json::to_vec(&document).unwrap_or_default();
    let job = engine::Job { data, files: charts.files, date: ctx.as_of, ident: path.clone() };
    (path, job)
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
        self.files.insert(path.clone(), svg.into_bytes());
        Block::Chart { path, alt, caption }
    }
}
