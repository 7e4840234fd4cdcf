//! Typed, serialisable views of the site's pieces: figures from the ledger as exact [`Angka`]
//! (formatted only where they are shown), texts in the page's language, and links relative to
//! the page. Nothing here computes a figure.

use serde::Serialize;

use super::Angka;
use crate::compute::{Row, Scale};
use crate::content::model::{Bukti, BuktiSumber, Indikator, Satuan, Text};
use crate::diagnostics::Lang;
use crate::number::Target;

/// A text in the page's language; `lang` is set when it fell back to Indonesian on an English
/// page, so the template can mark it `lang="id"`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Txt {
    /// The words.
    pub text: String,
    /// `Some("id")` when shown in another language than the page's.
    pub lang: Option<&'static str>,
}

/// `text` in `lang`.
pub fn txt(text: &Text, lang: Lang) -> Txt {
    let (words, fell_back) = text.get(lang);
    Txt { text: words.to_string(), lang: fell_back.then_some("id") }
}

/// Markdown rendered to sanitised HTML, with the language it is written in when that differs
/// from the page's.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Html {
    /// Sanitised HTML.
    pub html: String,
    /// `Some("id")` when shown on an English page in Indonesian.
    pub lang: Option<&'static str>,
}

/// Markdown `text` in `lang`, rendered and sanitised.
pub fn markdown(text: &Text, lang: Lang) -> Html {
    let t = txt(text, lang);
    Html { html: super::markdown::to_html(&t.text), lang: t.lang }
}

/// A plain string as a text of the page's language.
pub fn same(text: &str) -> Txt {
    Txt { text: text.to_string(), lang: None }
}

/// What templates need to name and link an indicator.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRef {
    /// Id as written.
    pub id: String,
    /// URL segment: the id in lower case.
    pub slug: String,
    /// Name.
    pub nama: Txt,
    /// Unit code for the `nilai` filter: `rupiah`, `persen`, `indeks`, or the unit's words.
    pub satuan: String,
    /// `Some("id")` when the unit's words fell back to Indonesian on an English page.
    pub satuan_lang: Option<&'static str>,
}

impl IndicatorRef {
    /// The view of `ind` in `lang`.
    pub fn new(ind: &Indikator, lang: Lang) -> IndicatorRef {
        let (satuan, satuan_lang) = match Satuan::of(&ind.satuan.id).code() {
            Some(code) => (code.to_string(), None),
            None => {
                let words = txt(&ind.satuan, lang);
                (words.text, words.lang)
            }
        };
        IndicatorRef {
            id: ind.id.value.clone(),
            slug: slug(&ind.id.value),
            nama: txt(&ind.nama, lang),
            satuan,
            satuan_lang,
        }
    }
}

/// The URL segment of an indicator.
pub fn slug(id: &str) -> String {
    id.to_lowercase()
}

/// A target as templates show it.
#[derive(Debug, Clone, Serialize, Default)]
pub struct TargetView {
    /// A single figure.
    pub value: Option<Angka>,
    /// Lower bound of a range.
    pub min: Option<Angka>,
    /// Upper bound of a range.
    pub maks: Option<Angka>,
    /// The original target, when a PK revision replaced it (§2.9).
    pub awal: Option<Box<TargetView>>,
    /// The number of the regulation the revision rests on.
    pub dasar: Option<String>,
}

impl TargetView {
    /// The view of an optional target.
    pub fn new(target: Option<&Target>) -> TargetView {
        match target {
            Some(Target::Single(v)) => TargetView { value: Some(Angka(*v)), ..TargetView::default() },
            Some(Target::Range { min, maks }) => {
                TargetView { min: Some(Angka(*min)), maks: Some(Angka(*maks)), ..TargetView::default() }
            }
            None => TargetView::default(),
        }
    }

    /// The target in force of `row`, with the original and the revision's basis when a PK
    /// revision replaced it.
    pub fn of_row(row: &Row) -> TargetView {
        let mut view = TargetView::new(row.target.as_ref());
        if let Some(r) = &row.revisi {
            view.awal = Some(Box::new(TargetView::new(row.target_awal.as_ref())));
            view.dasar = Some(r.dasar.clone());
        }
        view
    }
}

/// A predicate band for a badge: its position (for the colour class) and its name in words.
#[derive(Debug, Clone, Serialize)]
pub struct PredikatView {
    /// 0 for the highest band.
    pub band: usize,
    /// Name.
    pub nama: Txt,
}

/// One ledger row as templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// `TW1`…`TAHUN`.
    pub periode: String,
    /// Year.
    pub tahun: i32,
    /// Target.
    pub target: TargetView,
    /// Realisation.
    pub realisasi: Option<Angka>,
    /// Cumulative realisation.
    pub kumulatif: Option<Angka>,
    /// Reported achievement.
    pub capaian: Option<Angka>,
    /// Validated achievement.
    pub capaian_tervalidasi: Option<Angka>,
    /// The official achievement: validated where validation exists, else reported (§3.4).
    pub resmi: Option<Angka>,
    /// `sah`, `dikoreksi`, `ditolak`, `belum`, or `belum_diukur` for a period with neither a
    /// realisation nor a verdict: nothing was measured, so there is nothing to validate.
    pub status: &'static str,
    /// The validation team's reason.
    pub alasan: Option<Txt>,
    /// Predicate of the official achievement.
    pub predikat: Option<PredikatView>,
    /// Evidence links.
    pub bukti: Vec<Link>,
    /// The reporting team's note.
    pub catatan: Option<Html>,
}

impl RowView {
    /// The view of `row`, with its predicate named from `scale`.
    pub fn new(row: &Row, scale: &Scale, lang: Lang) -> RowView {
        RowView {
            periode: row.periode.label(),
            tahun: row.tahun,
            target: TargetView::of_row(row),
            realisasi: row.realisasi.map(Angka),
            kumulatif: row.realisasi_kumulatif.map(Angka),
            capaian: row.capaian.map(Angka),
            capaian_tervalidasi: row.capaian_tervalidasi.map(Angka),
            resmi: row.capaian_resmi().map(Angka),
            status: status(row),
            alasan: row.alasan.as_ref().map(|a| txt(a, lang)),
            predikat: row
                .predikat
                .and_then(|band| Some(PredikatView { band, nama: txt(&scale.bands.get(band)?.nama, lang) })),
            bukti: Vec::new(),
            catatan: None,
        }
    }
}

/// The validation status of `row` as the pages word it.
fn status(row: &Row) -> &'static str {
    if row.realisasi.is_none() && row.validasi == crate::compute::Validation::Belum {
        "belum_diukur"
    } else {
        row.validasi.label()
    }
}

/// A link with its label.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Label.
    pub label: Txt,
    /// URL (relative to the page for internal links).
    pub url: String,
    /// True for links to other sites.
    pub external: bool,
}

/// One segment of a URL path, percent-encoded: everything but letters, digits and `-._~`
/// (RFC 3986's unreserved characters), so that a file name with a space, `#`, `?`, `%` or a
/// non-ASCII letter still names the file (the preview decodes it once, `serve::paths`).
pub fn url_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Links of evidence items; files are served from `bukti/<path in content>`, percent-encoded.
pub fn evidence_links(items: &[Bukti], root: &str, lang: Lang) -> Vec<Link> {
    items
        .iter()
        .filter_map(|b| {
            let label = b.jenis.as_ref().map(|j| txt(j, lang));
            match &b.sumber {
                BuktiSumber::Berkas(path) => {
                    let rel = path.to_string_lossy().replace('\\', "/");
                    let name = rel.rsplit('/').next().unwrap_or(&rel).to_string();
                    let url: Vec<String> = rel.split('/').map(url_segment).collect();
                    Some(Link {
                        label: label.unwrap_or_else(|| same(&name)),
                        url: format!("{root}bukti/{}", url.join("/")),
                        external: false,
                    })
                }
                BuktiSumber::Tautan(url) => {
                    Some(Link { label: label.unwrap_or_else(|| same(url)), url: url.clone(), external: true })
                }
                BuktiSumber::Tidak => None,
            }
        })
        .collect()
}
