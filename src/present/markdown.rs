//! Markdown from pull requests, made safe to publish (issue 5, item 4).
//!
//! The pages under `content/halaman/` arrive by pull request, so their text is untrusted: it
//! may carry raw HTML with scripts, event handlers or `javascript:` links, deliberately or
//! pasted from elsewhere. This module owns the one path from such Markdown to HTML:
//! pulldown-cmark renders it (tables, strikethrough, footnotes), then ammonia keeps only an
//! explicit whitelist of ordinary formatting. Sanitising the rendered HTML, rather than the
//! Markdown, treats raw HTML in the source and HTML produced from Markdown syntax (a
//! `[x](javascript:…)` link) the same way.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::{Builder, UrlRelative};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// What every link that leaves the site carries: the target page gets no handle on ours
/// (`noopener`) and no address of the page the reader came from (`noreferrer`).
const EXTERNAL_REL: &str = "noopener noreferrer";

/// Prefix of every `id` in the output, and of every in-page link to one, so that a footnote
/// named like an element of the theme (`konten`, `cari`) cannot clash with it or clobber the
/// script's globals.
const ID_PREFIX: &str = "md-";

/// The sanitiser, built once: its configuration is fixed, and pages render in parallel.
static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(sanitizer);

/// Renders Markdown to HTML that is safe to embed in a page.
///
/// Headings move one level down (`#` becomes `<h2>`) because the page template owns the `<h1>`.
/// Only `http`, `https`, `mailto` and relative URLs survive; links to other sites get
/// `rel="noopener noreferrer"`.
pub fn to_html(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, options()).map(demote_heading);
    let mut rendered = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut rendered, events);
    mark_external_links(&SANITIZER.clean(&rendered).to_string())
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

fn demote_heading(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: demoted(level), id, classes, attrs })
        }
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demoted(level))),
        other => other,
    }
}

fn demoted(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// A whitelist, not ammonia's defaults: anything not listed here (including every `on*`
/// attribute, `style` beyond table alignment, and any tag added to HTML in future) is dropped.
fn sanitizer() -> Builder<'static> {
    let mut builder = Builder::default();
    builder
        .tags(HashSet::from([
            "p",
            "br",
            "hr",
            "em",
            "strong",
            "del",
            "s",
            "code",
            "pre",
            "blockquote",
            "a",
            "ul",
            "ol",
            "li",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "img",
            "sup",
            "div",
            // Carries nothing but `lang`: a phrase in the other language, marked for its reader.
            "span",
        ]))
        // These go with everything inside them: the text of a script or a form is not prose.
        .clean_content_tags(HashSet::from([
            "script", "style", "iframe", "object", "embed", "form", "svg", "math", "noscript", "template",
            "textarea", "select",
        ]))
        .tag_attributes(HashMap::from([
            ("a", HashSet::from(["href", "title"])),
            ("img", HashSet::from(["src", "alt", "title"])),
            ("ol", HashSet::from(["start"])),
            ("th", HashSet::from(["style", "colspan", "rowspan"])),
            ("td", HashSet::from(["style", "colspan", "rowspan"])),
            // Footnote definitions are `<div id=…>`; the id is prefixed below.
            ("div", HashSet::from(["id"])),
        ]))
        .tag_attribute_values(HashMap::new())
        .set_tag_attribute_values(HashMap::new())
        // `lang` lets an English phrase on an Indonesian page be read out correctly.
        .generic_attributes(HashSet::from(["lang"]))
        .allowed_classes(HashMap::from([
            ("div", HashSet::from(["footnote-definition"])),
            ("sup", HashSet::from(["footnote-reference", "footnote-definition-label"])),
        ]))
        // pulldown-cmark aligns table columns with `style="text-align: …"`; nothing else in a
        // style attribute survives.
        .filter_style_properties(HashSet::from(["text-align"]))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(UrlRelative::PassThrough)
        // ammonia would put rel on every link; `mark_external_links` does it for other sites.
        .link_rel(None)
        .strip_comments(true)
        .id_prefix(Some(ID_PREFIX))
        .attribute_filter(prefix_fragment_links);
    builder
}

/// Points in-page links (`#1`, a footnote reference) at the prefixed ids.
fn prefix_fragment_links<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    match (element, attribute, value.strip_prefix('#')) {
        ("a", "href", Some(fragment)) if !fragment.starts_with(ID_PREFIX) => {
            Some(Cow::Owned(format!("#{ID_PREFIX}{fragment}")))
        }
        _ => Some(Cow::Borrowed(value)),
    }
}

/// Adds `rel="noopener noreferrer"` to every link that leaves the site.
///
/// This reads ammonia's output, whose shape the html5ever serialiser fixes: `<` and `>` are
/// escaped in text and in attribute values, so every literal `<` opens a tag and the next `>`
/// closes it; attribute values are double-quoted with `"` escaped; comments are stripped and
/// no raw-text element (script, style) survives. A link is therefore `<a ` up to the next `>`.
fn mark_external_links(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<a ") {
        let Some(length) = rest[start..].find('>') else {
            break;
        };
        let (before_close, after) = rest.split_at(start + length);
        out.push_str(before_close);
        if href_of(&before_close[start..]).is_some_and(is_external) {
            out.push_str(&format!(" rel=\"{EXTERNAL_REL}\""));
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The `href` of a serialised start tag (without its closing `>`).
fn href_of(tag: &str) -> Option<&str> {
    let (_, value) = tag.split_once(" href=\"")?;
    value.split_once('"').map(|(href, _)| href)
}

/// An absolute or scheme-relative web address: another site. Relative links and `mailto:`
/// stay on the site or open the mail client.
fn is_external(href: &str) -> bool {
    let href = href.trim_start().to_ascii_lowercase();
    ["http://", "https://", "//"].iter().any(|prefix| href.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that none of `needles` appears in the output, ignoring case, so that
    /// `JaVaScRiPt:` and `ONERROR` are caught too.
    fn assert_gone(markdown: &str, needles: &[&str]) -> String {
        let html = to_html(markdown);
        let lower = html.to_lowercase();
        for needle in needles {
            assert!(!lower.contains(needle), "{needle:?} survived in {html:?} (from {markdown:?})");
        }
        html
    }

    #[test]
    fn ordinary_markdown_survives() {
        let html = to_html(
            "# Capaian\n\nRealisasi *naik* dan **tepat waktu**, ~~terlambat~~.\n\n\
             - satu\n- dua\n\n1. pertama\n\n> kutipan\n\n`kode`\n\n---\n\n\
             | Indikator | Capaian |\n|:---|---:|\n| IKU-01 | 99,98 % |\n\n\
             Lihat [situs resmi](https://www.menpan.go.id/site \"PANRB\") dan ![bagan](grafik.svg \"Bagan\").\n",
        );
        for part in [
            "<h2>Capaian</h2>",
            "<em>naik</em>",
            "<strong>tepat waktu</strong>",
            "<del>terlambat</del>",
            "<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>",
            "<ol>\n<li>pertama</li>\n</ol>",
            "<blockquote>\n<p>kutipan</p>\n</blockquote>",
            "<code>kode</code>",
            "<hr>",
            "<table>",
            "<th style=\"text-align:left\">Indikator</th>",
            "<td style=\"text-align:right\">99,98 %</td>",
            "<a href=\"https://www.menpan.go.id/site\" title=\"PANRB\" rel=\"noopener noreferrer\">situs resmi</a>",
            "<img src=\"grafik.svg\" alt=\"bagan\" title=\"Bagan\">",
        ] {
            assert!(html.contains(part), "{part:?} missing from {html}");
        }
    }

    #[test]
    fn a_phrase_keeps_its_language_and_nothing_else() {
        let html = to_html("The (<span lang=\"id\" class=\"x\" onclick=\"alert(1)\">Pedoman</span>).");
        assert_eq!(html, "<p>The (<span lang=\"id\">Pedoman</span>).</p>\n");
    }

    #[test]
    fn headings_move_one_level_down() {
        let html = to_html("# Satu\n\n## Dua\n\n###### Enam\n\n<h1>mentah</h1>");
        assert!(html.contains("<h2>Satu</h2>"), "{html}");
        assert!(html.contains("<h3>Dua</h3>"), "{html}");
        assert!(html.contains("<h6>Enam</h6>"), "{html}");
        // The page owns its single <h1>; a raw one keeps only its text.
        assert!(!html.contains("<h1"), "{html}");
        assert!(html.contains("mentah"), "{html}");
    }

    #[test]
    fn footnotes_link_to_their_prefixed_definitions() {
        let html = to_html("Angka IKM[^skm].\n\n[^skm]: Survei semester II.\n");
        assert!(html.contains("<sup class=\"footnote-reference\"><a href=\"#md-skm\">1</a></sup>"), "{html}");
        assert!(html.contains("<div class=\"footnote-definition\" id=\"md-skm\">"), "{html}");
    }

    #[test]
    fn only_links_to_other_sites_get_rel() {
        let html = to_html(
            "[a](https://example.org) [b](HTTP://example.org) [c](//example.org) \
             [d](../unduh/) [e](/kinerja/tahun/2024/) [f](mailto:ppid@example.go.id) [g](#bagian)",
        );
        for external in ["https://example.org", "HTTP://example.org", "//example.org"] {
            let expected = format!("<a href=\"{external}\" rel=\"noopener noreferrer\">");
            assert!(html.contains(&expected), "{expected} missing from {html}");
        }
        for internal in ["../unduh/", "/kinerja/tahun/2024/", "mailto:ppid@example.go.id", "#md-bagian"] {
            let expected = format!("<a href=\"{internal}\">");
            assert!(html.contains(&expected), "{expected} missing from {html}");
        }
    }

    #[test]
    fn a_greater_than_sign_in_a_title_does_not_confuse_the_rel_pass() {
        let html = to_html("[x](https://example.org \"a > b\") [y](../z/ \"c > d\")");
        assert!(
            html.contains(
                "<a href=\"https://example.org\" title=\"a &gt; b\" rel=\"noopener noreferrer\">x</a>"
            ),
            "{html}"
        );
        assert!(html.contains("<a href=\"../z/\" title=\"c &gt; d\">y</a>"), "{html}");
    }

    #[test]
    fn script_is_removed_with_its_content() {
        let html = assert_gone("Teks <script>alert(1)</script> biasa.", &["<script", "alert"]);
        assert!(html.contains("Teks"), "{html}");
        assert_gone("<script src=\"https://evil.example/x.js\"></script>", &["<script", "evil"]);
    }

    #[test]
    fn event_handlers_are_removed() {
        let html = assert_gone("<img src=x onerror=alert(1)>", &["onerror", "alert"]);
        assert!(html.contains("<img src=\"x\">"), "{html}");
        assert_gone("<svg onload=alert(1)>", &["<svg", "onload", "alert"]);
        assert_gone(
            "<p onclick=\"alert(1)\" onmouseover=alert(2)>teks</p>",
            &["onclick", "onmouseover", "alert"],
        );
        assert_gone(
            "<a href=\"https://example.org\" onfocus=alert(1) autofocus>x</a>",
            &["onfocus", "autofocus"],
        );
    }

    #[test]
    fn script_urls_are_removed() {
        for markdown in [
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](java\tscript:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href=\"  javascript:alert(1)\">x</a>",
            "![x](javascript:alert(1))",
        ] {
            // Where the text is not a link at all (a tab breaks the destination), it stays as
            // harmless text; what matters is that no attribute carries the script.
            let html = assert_gone(markdown, &["javascript:", "href", "src"]);
            assert!(html.contains('x'), "the link text stays: {html}");
        }
        assert_gone("<a href=\"vbscript:msgbox\">x</a>", &["vbscript", "msgbox", "href"]);
    }

    #[test]
    fn data_urls_are_removed() {
        assert_gone("[x](data:text/html;base64,PHNjcmlwdD4=)", &["data:", "base64"]);
        assert_gone("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", &["data:", "base64"]);
    }

    #[test]
    fn embedded_content_and_forms_are_removed() {
        assert_gone("<iframe src=\"https://evil\"></iframe>", &["<iframe", "evil"]);
        assert_gone("<object data=\"x.swf\"></object><embed src=\"x.swf\">", &["<object", "<embed", "swf"]);
        let html = assert_gone("<style>body{display:none}</style>Teks", &["<style", "display"]);
        assert!(html.contains("Teks"), "{html}");
        assert_gone(
            "<form action=\"https://evil/login\"><input name=nip><button>Kirim</button></form>",
            &["<form", "<input", "<button", "evil"],
        );
        assert_gone("<math><mi>x</mi></math><base href=\"https://evil/\">", &["<math", "<base", "evil"]);
    }

    #[test]
    fn style_attributes_keep_only_alignment() {
        let html = to_html(
            "<table><tr><td style=\"text-align: center; background: url(https://evil/)\">x</td></tr></table>",
        );
        assert!(html.contains("<td style=\"text-align:center\">x</td>"), "{html}");
        assert_gone("<p style=\"position:fixed\">x</p>", &["style", "position"]);
    }

    #[test]
    fn raw_html_cannot_add_its_own_rel_or_target() {
        let html = to_html("<a href=\"https://example.org\" rel=\"opener\" target=\"_blank\">x</a>");
        assert_eq!(html, "<p><a href=\"https://example.org\" rel=\"noopener noreferrer\">x</a></p>\n");
    }
}
