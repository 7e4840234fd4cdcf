//! Markdown pages from `content/halaman/`: YAML front matter between `---` lines, then the body.

use std::sync::Arc;

use crate::content::keys::{LAPORAN, PAGE};
use crate::content::model::{Bagian, Page, Spanned};
use crate::content::reader::{Ctx, markdown_too_deep};
use crate::content::yaml;
use crate::diagnostics::Diagnostics;
use crate::diagnostics::{Code, Lang, Loc, Message};

/// Most Markdown pages a site may have: every page lists all of them in its menu, so the
/// size of the site grows with their number squared.
pub const MAX_PAGES: usize = 100;

/// Report the page `file`, the first beyond [`MAX_PAGES`].
pub fn too_many(file: &Arc<str>, diags: &mut Diagnostics) {
    diags.error(
        Code::TooManyPages,
        Loc::file(file),
        Message::new(
            format!(
                "lebih dari {MAX_PAGES} halaman di content/halaman/; setiap halaman memuat menu semua halaman"
            ),
            format!(
                "more than {MAX_PAGES} pages in content/halaman/; every page carries a menu of all of them"
            ),
        ),
    );
}

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
    let title = map.get(&mut ctx, "title").and_then(|n| ctx.title(n));
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
    body_ok(file, text, body, ctx.diags).then_some(())?;
    Some(Page { title: title?, slug, order, lang, body: body.to_string() })
}

/// Report the bidi control character `c`, the `nth` character of `body` (the end of `text`),
/// at its line and column in the file.
fn body_bidi(file: &Arc<str>, text: &str, body: &str, (nth, c): (usize, char), diags: &mut Diagnostics) {
    let before: String = body.chars().take(nth).collect();
    let lines_before_body = text[..text.len() - body.len()].matches('\n').count();
    let line = lines_before_body + before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    let loc = Loc { file: file.clone(), line: line as u32, column: column as u32 + 1, len: 1 };
    yaml::bidi_error(loc, (column, c), diags);
}

/// Whether the Markdown `body` (the end of the file's `text`) may be rendered: no bidi control
/// character, nesting within the limit. Pages and report sections are held to the same rules.
fn body_ok(file: &Arc<str>, text: &str, body: &str, diags: &mut Diagnostics) -> bool {
    if let Some((nth, c)) = yaml::bidi_control(body) {
        body_bidi(file, text, body, (nth, c), diags);
        return false;
    }
    let lines_before = text[..text.len() - body.len()].matches('\n').count();
    !markdown_too_deep(&Loc::file(file), body, Some(lines_before), diags)
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
    let judul = map.get(&mut ctx, "judul").and_then(|n| ctx.title(n));
    let bab = bab.map(|b| Spanned::new(u8::try_from(b.value).unwrap_or(1), b.loc))?;
    body_ok(file, text, body, ctx.diags).then_some(())?;
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
