//! Markdown pages from `content/halaman/`: YAML front matter between `---` lines, then the body.

use std::sync::Arc;

use crate::content::keys::{LAPORAN, PAGE};
use crate::content::model::{Bagian, Page, Spanned};
use crate::content::reader::Ctx;
use crate::content::yaml;
use crate::diagnostics::Diagnostics;
use crate::diagnostics::{Code, Lang, Loc, Message};

/// Read one page. `stem` is the file name without `.md`, the default slug.
pub fn page(file: &Arc<str>, text: &str, stem: &str, diags: &mut Diagnostics) -> Option<Page> {
    let Some((front, body, offset)) = split(text) else {
        diags.error(
            Code::FrontMatter,
            Loc::file(file),
            Message::new(
                "halaman harus diawali front matter YAML di antara dua baris `---` (minimal `title:`)",
                "a page must start with YAML front matter between two `---` lines (at least `title:`)",
            ),
        );
        return None;
    };
    // Parse the front matter padded with blank lines so reported lines match the file.
    let padded = format!("{}{front}", "\n".repeat(offset));
    let root = yaml::parse(file, &padded, diags)?;
    let mut ctx = Ctx::new(file.clone(), diags);
    let map = ctx.map(&root, PAGE)?;
    let title = map.get(&mut ctx, "title").and_then(|n| ctx.text(n));
    let slug = match map.get(&mut ctx, "slug") {
        Some(n) => ctx.id(n)?,
        None if crate::content::reader::valid_id(stem) => {
            let slug = Spanned::new(stem.to_lowercase(), Loc::file(file));
            ctx.short_enough(&slug).then_some(slug)?
        }
        None => {
            ctx.error(
                Code::InvalidId,
                Loc::file(file),
                format!("nama berkas `{stem}.md` tidak dapat menjadi alamat halaman; ganti namanya atau beri `slug:`"),
                format!("the file name `{stem}.md` cannot be a page address; rename it or give a `slug:`"),
            );
            return None;
        }
    };
    let order = map
        .get(&mut ctx, "order")
        .and_then(|n| ctx.integer(n, -1_000_000..=1_000_000))
        .map_or(0, |o| o.value);
    let lang = map.get(&mut ctx, "lang").and_then(|n| ctx.choice::<Lang>(n)).map_or(Lang::Id, |l| l.value);
    Some(Page { title: title?, slug, order, lang, body: body.to_string() })
}

/// Read one narrative section of `<tahun>/laporan/`.
pub fn bagian(file: &Arc<str>, text: &str, diags: &mut Diagnostics) -> Option<Bagian> {
    let Some((front, body, offset)) = split(text) else {
        diags.error(
            Code::FrontMatter,
            Loc::file(file),
            Message::new(
                "bagian laporan harus diawali front matter YAML di antara dua baris `---` (`bab:` 1–4 dan `judul:`)",
                "a report section must start with YAML front matter between two `---` lines (`bab:` 1–4 and `judul:`)",
            ),
        );
        return None;
    };
    let padded = format!("{}{front}", "\n".repeat(offset));
    let root = yaml::parse(file, &padded, diags)?;
    let mut ctx = Ctx::new(file.clone(), diags);
    let map = ctx.map(&root, LAPORAN)?;
    let bab = map.get(&mut ctx, "bab").and_then(|n| ctx.integer(n, 1..=4));
    let judul = map.get(&mut ctx, "judul").and_then(|n| ctx.text(n));
    let bab = bab.map(|b| Spanned::new(u8::try_from(b.value).unwrap_or(1), b.loc))?;
    Some(Bagian { bab, judul: judul?, body: body.to_string() })
}

impl crate::content::reader::Choice for Lang {
    const ALL: &'static [(&'static str, Self)] = &[("id", Lang::Id), ("en", Lang::En)];
}

/// Split `---\n<front>\n---\n<body>`; returns the front matter, the body and the number of
/// lines before the front matter.
fn split(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text.strip_prefix("---").filter(|r| r.starts_with('\n') || r.starts_with("\r\n"))?;
    let rest = rest.trim_start_matches('\r').strip_prefix('\n')?;
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let body = &rest[pos + line.len()..];
            return Some((&rest[..pos], body, 1));
        }
        pos += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_body_are_split() {
        let (front, body, offset) = split("---\ntitle: Tentang\n---\n# Halo\n").unwrap();
        assert_eq!((front, body, offset), ("title: Tentang\n", "# Halo\n", 1));
        assert!(split("# no front matter\n").is_none());
        assert!(split("---\ntitle: never closed\n").is_none());
    }

    #[test]
    fn errors_in_front_matter_point_at_the_file_line() {
        let file: Arc<str> = Arc::from("content/halaman/a.md");
        let mut diags = Diagnostics::default();
        page(&file, "---\ntitle: A\nlang: fr\n---\nbody\n", "a", &mut diags);
        let d = diags.sorted()[0].clone();
        assert_eq!((d.code, d.loc.line), (Code::InvalidValue, 3));
    }

    #[test]
    fn a_report_section_has_a_chapter_from_1_to_4_and_a_title() {
        let file: Arc<str> = Arc::from("content/2023/laporan/a.md");
        let mut diags = Diagnostics::default();
        let b = bagian(&file, "---\nbab: 3\njudul: Analisis\n---\nIsi.\n", &mut diags).unwrap();
        assert_eq!((b.bab.value, b.judul.id.as_str(), b.body.as_str()), (3, "Analisis", "Isi.\n"));
        assert!(diags.sorted().is_empty());
        assert!(bagian(&file, "---\nbab: 5\njudul: A\n---\n", &mut diags).is_none());
        assert!(bagian(&file, "# tanpa front matter\n", &mut diags).is_none());
        let codes: Vec<Code> = diags.sorted().iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::FrontMatter, Code::OutOfRange]);
    }
}
