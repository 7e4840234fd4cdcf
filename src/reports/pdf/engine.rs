//! typst as a library: a closed [`World`] that holds one document's template, its data as
//! `data.json` and its charts, the fonts of `typst-assets` and nothing else. Nothing is read
//! from the disk, the network or the system's fonts, and the date is the as-of date, so one
//! commit always gives the same bytes.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::Abs;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInstance, FontVariant, FontVariations, FontWeight};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

/// The one template every report is laid out with, and its virtual path.
const TEMPLATE: &str = include_str!("typ/report.typ");
const TEMPLATE_PATH: &str = "report.typ";

/// The standard library, built once per process.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The bundled fonts (Libertinus Serif for the text, New Computer Modern for mathematics,
/// DejaVu Sans Mono), read once per process.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))).collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// The template's table text, regular and bold (headers), to measure the width of a column.
static TABLE_FONTS: LazyLock<[Option<FontInstance>; 2]> = LazyLock::new(|| {
    let instance = |weight: FontWeight| {
        let variant = FontVariant { weight, ..FontVariant::default() };
        let index = FONTS.0.select("libertinus serif", variant)?;
        let font = FONTS.1.get(index)?.clone();
        Some(font.instantiate(variant, Abs::pt(9.0), &FontVariations::default()))
    };
    [instance(FontWeight::REGULAR), instance(FontWeight::BOLD)]
});

/// The width of `text` in the template's table text (Libertinus Serif, `bold` for a header),
/// in hundredths of an em, rounded up: the sum of its characters' advances. Kerning, left
/// out, only narrows a line of figures and words; a character the font lacks counts one em.
pub fn width(text: &str, bold: bool) -> usize {
    let Some(font) = &TABLE_FONTS[usize::from(bold)] else { return text.chars().count() * 100 };
    let advance = |c: char| {
        let glyph = font.ttf().glyph_index(c)?;
        font.x_advance(glyph.0).map(|em| em.get())
    };
    let ems: f64 = text.chars().map(|c| advance(c).unwrap_or(1.0)).sum();
    // A line is at most a few hundred ems: the product fits a usize.
    (ems * 100.0).ceil() as usize
}

/// One document to lay out: its data and its other files (charts).
pub struct Job {
    /// The document's data, read by the template as `json("data.json")`.
    pub data: Vec<u8>,
    /// Other files by virtual path (`chart-0.svg`).
    pub files: BTreeMap<String, Vec<u8>>,
    /// The as-of date: the document's date and typst's `today`.
    pub date: NaiveDate,
    /// A stable identifier of the document (its output path), for the PDF's file id.
    pub ident: String,
}

/// Why typst could not make a document: its messages (a bug in our templates, since content
/// reaches them only as data).
#[derive(Debug, thiserror::Error)]
#[error("{}", .messages.join("; "))]
pub struct EngineError {
    /// typst's messages.
    pub messages: Vec<String>,
}

struct JobWorld<'a> {
    job: &'a Job,
    main: FileId,
}

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl JobWorld<'_> {
    /// The bytes at `id`: a template, the data or a chart.
    fn lookup(&self, id: FileId) -> Option<&[u8]> {
        if *id.root() != VirtualRoot::Project {
            return None;
        }
        let path = id.vpath().get_without_slash();
        if path == "data.json" {
            return Some(&self.job.data);
        }
        if path == TEMPLATE_PATH {
            return Some(TEMPLATE.as_bytes());
        }
        self.job.files.get(path).map(Vec::as_slice)
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

impl World for JobWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let bytes = self.lookup(id).ok_or_else(|| not_found(id))?;
        let text = std::str::from_utf8(bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_string()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.lookup(id).map(|b| Bytes::new(b.to_vec())).ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        datetime(self.job.date)
    }
}

fn datetime(date: NaiveDate) -> Option<Datetime> {
    Datetime::from_ymd(date.year(), u8::try_from(date.month()).ok()?, u8::try_from(date.day()).ok()?)
}

/// Lay out `job` and write it as a tagged PDF (PDF/UA-1).
pub fn render(job: &Job) -> Result<Vec<u8>, EngineError> {
    let fail = |messages: Vec<String>| EngineError { messages };
    let main = file_id(TEMPLATE_PATH).ok_or_else(|| fail(vec!["bad template path".into()]))?;
    let world = JobWorld { job, main };
    let document = typst::compile::<PagedDocument>(&world).output.map_err(|e| fail(messages(&e)))?;
    let standards =
        PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| fail(vec![e.message().to_string()]))?;
    let options = PdfOptions {
        ident: Smart::Custom(job.ident.clone()),
        creator: Smart::Custom(Some(format!("sakip-site {} (typst)", env!("CARGO_PKG_VERSION")))),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|e| fail(messages(&e)))
}

fn messages(diagnostics: &[SourceDiagnostic]) -> Vec<String> {
    diagnostics.iter().map(|d| d.message.to_string()).collect()
}

/// Forget typst's memoised layouts, which otherwise stay in memory between builds of a
/// long-running process.
pub fn evict() {
    typst::comemo::evict(0);
}
