//! The keys of the content format as data: for every mapping the loader reads, the keys it
//! accepts, which of them are required, what each value holds and what it means, in Indonesian
//! and English.
//!
//! The readers check unknown and missing keys against these tables ([`Ctx::map`] and the
//! getters of [`Map`]), so a table is the loader's own list of keys, not a description of it
//! that could drift. That is what lets the documentation test and the JSON Schemas for
//! editors be generated from them. Nested mappings are reached through the kind of the key
//! that holds them ([`Kind::Mapping`]), so the tables of a file form a tree from its top
//! mapping, listed in [`FILES`]; `crate::schema` writes a JSON Schema per file from them.
//!
//! [`Ctx::map`]: crate::content::reader::Ctx::map
//! [`Map`]: crate::content::reader::Map

pub mod pk;
pub mod plan;
pub mod year;

use crate::content::reader::Choice;
use crate::diagnostics::Lang;

/// One key a mapping accepts.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    /// The key as written in YAML.
    pub name: &'static str,
    /// Absent or null is `missing-key`. A key that only some mappings of a kind need
    /// (`responden` with `unsur`) is optional here, and its reader requires it where needed.
    pub required: bool,
    /// What its value holds.
    pub kind: Kind,
    /// What it means: (Indonesian, English).
    pub description: (&'static str, &'static str),
}

impl Key {
    /// A key that must be present and not null.
    pub const fn required(name: &'static str, kind: Kind, id: &'static str, en: &'static str) -> Key {
        Key { name, required: true, kind, description: (id, en) }
    }

    /// A key that may be left out (null counts as left out).
    pub const fn optional(name: &'static str, kind: Kind, id: &'static str, en: &'static str) -> Key {
        Key { name, required: false, kind, description: (id, en) }
    }
}

/// What a value holds, in the types of `docs/content-format.md` §2.2. Ranges and other rules
/// on a value are checked by its reader and stated in its key's description.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// *text*: a string, or the mapping [`TEXT`] (`{id, en}`).
    Text,
    /// *string*: a plain string only.
    String,
    /// *id*: `[A-Za-z0-9][A-Za-z0-9._-]*`.
    Id,
    /// *year*: a whole number 1900–2200.
    Year,
    /// *whole number*.
    Integer,
    /// *true/false*.
    Boolean,
    /// *date*: `YYYY-MM-DD`, a day that exists.
    Date,
    /// *figure*, never null.
    Figure,
    /// *figure*, or null for "not measured".
    FigureOrNull,
    /// *target*: a figure, a range written as text or as the mapping [`RANGE`], or null.
    Target,
    /// *link*: an http(s) address.
    Link,
    /// *path* of an evidence file, relative to the year folder.
    Path,
    /// *word*: one of the words of a [`Choice`] type, given as its `Choice::words`, so the
    /// words are those the reader accepts.
    Word(fn() -> Vec<&'static str>),
    /// A mapping with the given keys.
    Mapping(&'static [Key]),
    /// A list of values of one kind (`~` or nothing is an empty list).
    List(&'static Kind),
    /// A mapping from years to values of one kind (`target: {2023: …}`).
    ByYear(&'static Kind),
}

impl Kind {
    /// The words a value may take: those of a word, or of the items of a list or year mapping
    /// of words; none otherwise.
    pub fn words(&self) -> Vec<&'static str> {
        match self {
            Kind::Word(words) => words(),
            Kind::List(item) | Kind::ByYear(item) => item.words(),
            _ => Vec::new(),
        }
    }

    /// The keys of the mapping a value holds, itself or as the items of a list or year mapping,
    /// and the path suffix that reaches it (`[]` for a list item, `.<tahun>` for a year's value).
    fn nested(&self) -> Option<(String, &'static [Key])> {
        match self {
            Kind::Mapping(keys) => Some((String::new(), keys)),
            Kind::List(item) => item.nested().map(|(path, keys)| (format!("[]{path}"), keys)),
            Kind::ByYear(value) => value.nested().map(|(path, keys)| (format!(".<tahun>{path}"), keys)),
            _ => None,
        }
    }
}

/// A file of the format.
#[derive(Debug, Clone, Copy)]
pub struct File {
    /// Where it sits under `content/`; `<tahun>` is a year folder, `twN` and `*` stand for names.
    pub path: &'static str,
    /// A short name for the kind of file (its JSON Schema is `<name>.schema.json`).
    pub name: &'static str,
    /// What it holds: (Indonesian, English).
    pub about: (&'static str, &'static str),
    /// The keys of its top mapping.
    pub keys: &'static [Key],
}

/// Every file of the format, in the order of `docs/content-format.md`.
pub static FILES: &[File] = &[
    File {
        path: "sakip.yaml",
        name: "sakip",
        about: ("profil instansi dan pengaturan situs", "the agency's profile and the site settings"),
        keys: plan::SAKIP,
    },
    File {
        path: "renstra.yaml",
        name: "renstra",
        about: (
            "Renstra: periode, tujuan, sasaran dan indikator kinerja utama (IKU)",
            "the Renstra: period, goals, objectives and key performance indicators (IKU)",
        ),
        keys: plan::RENSTRA,
    },
    File {
        path: "cascading.yaml",
        name: "cascading",
        about: (
            "program, kegiatan dan sub-kegiatan beserta indikator dan anggarannya",
            "programmes, activities and sub-activities with their indicators and budgets",
        ),
        keys: plan::CASCADING,
    },
    File {
        path: "<tahun>/rencana-aksi.yaml",
        name: "rencana-aksi",
        about: (
            "rencana aksi setahun: target triwulan, data dukung wajib, penanggung jawab",
            "the year's action plan: quarterly targets, required evidence, responsible unit",
        ),
        keys: year::RENCANA_AKSI,
    },
    File {
        path: "<tahun>/realisasi/twN.yaml",
        name: "realisasi",
        about: (
            "realisasi satu triwulan beserta data dukungnya",
            "the realisations of one quarter with their evidence",
        ),
        keys: year::REALISASI,
    },
    File {
        path: "<tahun>/validasi.yaml",
        name: "validasi",
        about: ("hasil validasi dan koreksi tim", "the validation team's verdicts and corrections"),
        keys: year::VALIDASI,
    },
    File {
        path: "<tahun>/evaluasi.yaml",
        name: "evaluasi",
        about: (
            "evaluasi, rekomendasi dan tindak lanjutnya",
            "evaluations, recommendations and their follow-up",
        ),
        keys: year::EVALUASI,
    },
    File {
        path: "<tahun>/tim.yaml",
        name: "tim",
        about: ("tim penyusun laporan dan SK-nya", "the reporting team and its decree"),
        keys: year::TIM,
    },
    File {
        path: "<tahun>/skm.yaml",
        name: "skm",
        about: ("rekap survei kepuasan masyarakat (IKM)", "tallies of the public-satisfaction surveys (IKM)"),
        keys: year::SKM,
    },
    File {
        path: "<tahun>/lke.yaml",
        name: "lke",
        about: ("nilai evaluasi mandiri SAKIP (LKE)", "the SAKIP self-evaluation scores (LKE)"),
        keys: year::LKE,
    },
    File {
        path: "<tahun>/perjanjian-kinerja.yaml",
        name: "perjanjian-kinerja",
        about: (
            "perjanjian kinerja di semua tingkat dan perubahannya",
            "performance agreements at every level and their revisions",
        ),
        keys: pk::PERJANJIAN_KINERJA,
    },
    File {
        path: "<tahun>/analisis.yaml",
        name: "analisis",
        about: (
            "analisis capaian per indikator untuk LKjIP",
            "the annual report's analysis of each indicator",
        ),
        keys: pk::ANALISIS,
    },
    File {
        path: "<tahun>/laporan/*.md",
        name: "laporan",
        about: (
            "front matter bagian naratif LKjIP (bab dan judul)",
            "the front matter of a narrative section of the LKjIP (chapter and title)",
        ),
        keys: LAPORAN,
    },
    File {
        path: "halaman/*.md",
        name: "halaman",
        about: ("front matter halaman Markdown", "the front matter of a Markdown page"),
        keys: PAGE,
    },
];

/// The mapping forms of two value types, which any key of that type may take.
pub static VALUES: &[(&str, &[Key])] = &[("text", TEXT), ("target", RANGE)];

/// A text in both languages, `{id: …, en: …}`.
pub static TEXT: &[Key] = &[
    Key::required("id", Kind::String, "teks dalam bahasa Indonesia", "the text in Indonesian"),
    Key::optional(
        "en",
        Kind::String,
        "teks dalam bahasa Inggris; bila tidak ada, halaman Inggris memakai teks Indonesia",
        "the text in English; without it, English pages show the Indonesian text",
    ),
];

/// A range target, `{min: …, maks: …}`.
pub static RANGE: &[Key] = &[
    Key::required(
        "min",
        Kind::Figure,
        "batas bawah, di bawah batas atas",
        "lower bound, below the upper one",
    ),
    Key::required("maks", Kind::Figure, "batas atas", "upper bound"),
];

/// The front matter of a narrative section in `<tahun>/laporan/` (SPEC §5.2).
pub static LAPORAN: &[Key] = &[
    Key::required(
        "bab",
        Kind::Integer,
        "bab LKjIP yang diisi: 1 Pendahuluan, 2 Perencanaan Kinerja, 3 Akuntabilitas Kinerja, 4 Penutup",
        "the LKjIP chapter it fills: 1 introduction, 2 planning, 3 accountability, 4 closing",
    ),
    Key::required("judul", Kind::Text, "judul bagian di dalam bab", "the section's title within the chapter"),
];

/// The front matter of a page in `halaman/`.
pub static PAGE: &[Key] = &[
    Key::required("title", Kind::Text, "judul halaman", "page title"),
    Key::optional(
        "slug",
        Kind::Id,
        "alamat halaman `/<slug>/`; bawaan: nama berkas tanpa `.md`, huruf kecil",
        "page address `/<slug>/`; default: the file name without `.md`, in lower case",
    ),
    Key::optional(
        "order",
        Kind::Integer,
        "urutan di menu, −1 000 000 s.d. 1 000 000; bawaan 0",
        "order in menus, −1 000 000 to 1 000 000; default 0",
    ),
    Key::optional(
        "lang",
        Kind::Word(Lang::words),
        "bahasa halaman; bawaan `id`",
        "page language; default `id`",
    ),
];

/// Every mapping of the format with the path where it occurs (`renstra.yaml: tujuan[].sasaran[]`):
/// the top mapping of every file and everything nested in it, then the mapping forms of
/// [`VALUES`]. A table nested in several places (the indicator) is listed at each.
pub fn tables() -> Vec<(String, &'static [Key])> {
    let mut out = Vec::new();
    let files = FILES.iter().map(|file| (file.path, file.keys));
    for (name, keys) in files.chain(VALUES.iter().copied()) {
        collect(name.to_string(), keys, &mut out);
    }
    out
}

fn collect(path: String, keys: &'static [Key], out: &mut Vec<(String, &'static [Key])>) {
    // A file's name is followed by `: `, the keys inside it by `.`.
    let separator = if path.contains(": ") { "." } else { ": " };
    out.push((path.clone(), keys));
    for key in keys {
        if let Some((suffix, nested)) = key.kind.nested() {
            collect(format!("{path}{separator}{}{suffix}", key.name), nested, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_tables_are_listed_with_their_path() {
        let tables = tables();
        let paths: Vec<&str> = tables.iter().map(|(p, _)| p.as_str()).collect();
        for path in [
            "sakip.yaml",
            "sakip.yaml: instansi.kepala",
            "renstra.yaml: tujuan[].sasaran[].indikator[]",
            "cascading.yaml: program[].anggaran.<tahun>",
            "cascading.yaml: program[].kegiatan[].sub_kegiatan[].indikator[]",
            "<tahun>/skm.yaml: survei[].nrr",
            "text",
        ] {
            assert!(paths.contains(&path), "{path} not in {paths:?}");
        }
    }

    #[test]
    fn no_table_names_a_key_twice() {
        for (path, keys) in tables() {
            for (i, key) in keys.iter().enumerate() {
                assert!(!keys[..i].iter().any(|k| k.name == key.name), "{path} has `{}` twice", key.name);
            }
        }
    }

    #[test]
    fn words_come_from_the_choice_type() {
        let polaritas = plan::INDIKATOR.iter().find(|k| k.name == "polaritas").map(|k| k.kind.words());
        assert_eq!(polaritas, Some(vec!["positif", "negatif"]));
        let lang = PAGE.iter().find(|k| k.name == "lang").map(|k| k.kind.words());
        assert_eq!(lang, Some(vec!["id", "en"]));
    }
}
