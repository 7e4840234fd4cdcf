//! The search index: everything findable on the site of one language, written beside the search
//! page as `cari/indeks.js` (and `en/cari/indeks.js`) rather than into it, so that the page stays
//! small however large the site grows. The index is a script that assigns the data, not a JSON
//! file to fetch: Chromium refuses `fetch` of a local file, and a script tag works from disk as
//! well as from a server.

use serde::Serialize;

use super::indicator::anchor;
use super::tree::LEVELS;
use super::view::{Txt, slug, txt};
use super::{Presenter, Words};
use crate::content::model::Text;

/// One entry of the search index. `url` is relative to the language root.
#[derive(Serialize)]
pub struct SearchEntry {
    pub(super) kind: String,
    pub(super) label: Txt,
    pub(super) url: String,
    /// What else finds it besides its label and kind (definition, formula, unit), lower case.
    pub(super) words: String,
}

impl SearchEntry {
    /// An entry whose label is in the page's language.
    pub(super) fn new(kind: &str, label: String, url: String, words: String) -> SearchEntry {
        SearchEntry { kind: kind.to_string(), label: Txt { text: label, lang: None }, url, words }
    }
}

/// Everything findable, with the words of the page's language (Indonesian where a text has no
/// English form); `pages` are the Markdown pages (slug, title).
pub fn entries(p: &Presenter, t: &Words, pages: &[(String, Txt)]) -> Vec<SearchEntry> {
    let words = |x: &Option<Text>| x.as_ref().map(|x| txt(x, t.lang).text.to_lowercase()).unwrap_or_default();
    let mut out = Vec::new();
    for (ind, _) in p.indicators() {
        let nama = txt(&ind.nama, t.lang);
        // Besides its id and name: its definition, formula and unit.
        let extra = [words(&ind.definisi), words(&ind.formula), txt(&ind.satuan, t.lang).text.to_lowercase()];
        out.push(SearchEntry {
            kind: t.get("indicator").to_string(),
            label: Txt { text: format!("{} — {}", ind.id.value, nama.text), lang: nama.lang },
            url: format!("indikator/{}/", slug(&ind.id.value)),
            words: extra.join(" ").trim().to_string(),
        });
    }
    // Places of the cascading tree: sasaran, then programmes, kegiatan and sub-kegiatan, each
    // named for its level.
    let sasaran = p.site.sasaran().map(|s| ("sasaran", s.id.value.as_str(), &s.uraian));
    let units =
        p.site.units().into_iter().map(|(u, depth)| (LEVELS[depth.min(2)], u.kode.value.as_str(), &u.nama));
    for (kind, code, nama) in sasaran.chain(units) {
        let nama = txt(nama, t.lang);
        out.push(SearchEntry {
            kind: t.get(kind).to_string(),
            label: Txt { text: format!("{code} — {}", nama.text), lang: nama.lang },
            url: format!("cascading/#{}", anchor(code)),
            words: String::new(),
        });
    }
    out.extend(year_entries(p, t));
    out.push(SearchEntry::new(
        t.get("pages"),
        t.get("history").to_string(),
        "riwayat/".into(),
        "riwayat".into(),
    ));
    for (slug, title) in pages {
        out.push(SearchEntry {
            kind: t.get("pages").to_string(),
            label: title.clone(),
            url: format!("{slug}/"),
            words: slug.clone(),
        });
    }
    out
}

/// The pages of each year: its measurement, evidence matrix, LKE evidence and PK.
fn year_entries(p: &Presenter, t: &Words) -> Vec<SearchEntry> {
    let year = t.get("year");
    let mut out = Vec::new();
    for tahun in p.years() {
        let label = format!("{} {tahun}", t.get("measurement"));
        out.push(SearchEntry::new(year, label, format!("tahun/{tahun}/"), tahun.to_string()));
    }
    out.extend(super::bukti::search_entries(p, t));
    for (tahun, _) in p.site.years.iter().filter(|(_, y)| y.pk.is_some()) {
        let label = format!("{} {tahun}", t.get("pk_of_year"));
        let words = format!("{tahun} pk perjanjian kinerja performance agreement");
        out.push(SearchEntry::new(year, label, format!("tahun/{tahun}/pk/"), words));
    }
    out
}

/// The index as the search script reads it, with short keys: `j` the kinds, `e` the entries,
/// each `[kind, label, url, words, 1 when the label is Indonesian on an English page, else 0]`.
#[derive(Serialize)]
struct Index<'a> {
    j: Vec<&'a str>,
    e: Vec<(usize, &'a str, &'a str, &'a str, u8)>,
}

/// The name of the script variable the index assigns.
pub const INDEX_VARIABLE: &str = "sakipCari";

/// The file `cari/indeks.js` of `entries`: one statement assigning the index to
/// `window.sakipCari`. Kinds are numbered in the order they first appear, so the file depends
/// only on the entries.
pub fn index_js(entries: &[SearchEntry]) -> String {
    let mut kinds: Vec<&str> = Vec::new();
    let mut rows = Vec::with_capacity(entries.len());
    for e in entries {
        let k = kinds.iter().position(|k| *k == e.kind).unwrap_or_else(|| {
            kinds.push(&e.kind);
            kinds.len() - 1
        });
        rows.push((
            k,
            e.label.text.as_str(),
            e.url.as_str(),
            e.words.as_str(),
            u8::from(e.label.lang.is_some()),
        ));
    }
    // Serialising plain strings and numbers cannot fail; an empty index is the safe fallback.
    let json = serde_json::to_string(&Index { j: kinds, e: rows }).unwrap_or_else(|_| "{}".into());
    format!("window.{INDEX_VARIABLE}={json};\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_numbers_kinds_and_marks_indonesian_labels() {
        let entries = [
            SearchEntry::new(
                "Indicator",
                "IKU-1 — Investment".into(),
                "indikator/iku-1/".into(),
                "rupiah".into(),
            ),
            SearchEntry {
                kind: "Programme".into(),
                label: Txt { text: "2.18.03 — Program \"Promosi\"".into(), lang: Some("id") },
                url: "cascading/#k-2-18-03".into(),
                words: String::new(),
            },
            SearchEntry::new(
                "Indicator",
                "IKU-2 — Licences".into(),
                "indikator/iku-2/".into(),
                String::new(),
            ),
        ];
        assert_eq!(
            index_js(&entries),
            "window.sakipCari={\"j\":[\"Indicator\",\"Programme\"],\"e\":[\
             [0,\"IKU-1 — Investment\",\"indikator/iku-1/\",\"rupiah\",0],\
             [1,\"2.18.03 — Program \\\"Promosi\\\"\",\"cascading/#k-2-18-03\",\"\",1],\
             [0,\"IKU-2 — Licences\",\"indikator/iku-2/\",\"\",0]]};\n"
        );
    }
}
