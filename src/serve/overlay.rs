//! The error overlay of the preview: after a failed rebuild, every served page starts with a
//! `<div role="alert">` that lists each error (code, file:line, message, the source line).
//!
//! It is written into the HTML by the server, not drawn by the reload script, so it shows in a
//! browser without JavaScript and in `curl` output too. Every piece of text in it comes from the
//! content (messages quote values, the source line is the user's YAML), so all of it is
//! HTML-escaped.

use std::fmt::Write as _;

use crate::check::Checked;
use crate::content::LoadError;
use crate::diagnostics::{Diagnostic, Lang, Severity};
use crate::present::escape;

/// Errors listed in the overlay; the rest are counted. A broken file can draw hundreds, and the
/// first few are what the user fixes first.
const SHOWN: usize = 50;

/// One error as the overlay shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The diagnostic's code (`yaml-syntax`, …); none for a failure to read `content/`.
    pub code: Option<&'static str>,
    /// `file:line:column`, when the problem has a place.
    pub place: Option<String>,
    /// What is wrong (and how to fix it, when the diagnostic says).
    pub message: String,
    /// The source line the problem is on.
    pub line: Option<String>,
}

/// The errors of a run that stopped, in file and line order.
pub fn problems(checked: &Checked, lang: Lang) -> Vec<Problem> {
    let errors = checked.diagnostics.sorted().into_iter().filter(|d| d.severity == Severity::Error);
    errors.map(|d| problem(d, checked, lang)).collect()
}

fn problem(d: &Diagnostic, checked: &Checked, lang: Lang) -> Problem {
    let mut message = d.message.get(lang).to_string();
    if let Some(help) = &d.help {
        let _ = write!(message, " ({})", help.get(lang));
    }
    Problem {
        code: Some(d.code.as_str()),
        place: Some(format!("{}:{}:{}", d.loc.file, d.loc.line, d.loc.column)),
        message,
        line: checked.sources.line(&d.loc).map(str::to_string),
    }
}

/// `content/` could not be read at all (deleted, renamed, unreadable).
pub fn unreadable(error: &LoadError) -> Vec<Problem> {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let _ = write!(message, ": {cause}");
        source = cause.source();
    }
    vec![Problem { code: None, place: None, message, line: None }]
}

/// The overlay's markup; `stale` says that the page under it is the last good build.
pub fn html(problems: &[Problem], lang: Lang, stale: bool) -> String {
    let mut out = String::from(
        "<div role=\"alert\" id=\"sakip-serve-galat\" style=\"all:initial;display:block;box-sizing:border-box;\
         margin:0;padding:1rem 1.5rem;background:#fff4f4;color:#5c0000;border-bottom:4px solid #b00020;\
         font:16px/1.5 system-ui,sans-serif\">",
    );
    let _ = write!(
        out,
        "<p style=\"margin:0 0 .5rem\"><strong>{}</strong></p>",
        escape(&heading(problems.len(), lang, stale))
    );
    out.push_str("<ol style=\"margin:0;padding-left:1.5rem\">");
    for p in problems.iter().take(SHOWN) {
        item(&mut out, p);
    }
    out.push_str("</ol>");
    if problems.len() > SHOWN {
        let more = more(problems.len() - SHOWN, lang);
        let _ = write!(out, "<p style=\"margin:.5rem 0 0\">{}</p>", escape(&more));
    }
    out.push_str("</div>");
    out
}

fn item(out: &mut String, p: &Problem) {
    out.push_str("<li style=\"margin:.25rem 0\">");
    if let Some(code) = p.code {
        let _ = write!(out, "<code>{}</code> ", escape(code));
    }
    if let Some(place) = &p.place {
        let _ = write!(out, "<code>{}</code>: ", escape(place));
    }
    let _ = write!(out, "{}", escape(&p.message));
    if let Some(line) = &p.line {
        let _ = write!(
            out,
            "<pre style=\"margin:.25rem 0;padding:.25rem .5rem;background:#fff;white-space:pre-wrap\">{}</pre>",
            escape(line)
        );
    }
    out.push_str("</li>");
}

fn heading(errors: usize, lang: Lang, stale: bool) -> String {
    match (lang, stale) {
        (Lang::Id, true) => format!(
            "Situs tidak dapat dibangun ulang: {errors} galat. Halaman ini dari build terakhir yang berhasil; perbaiki berkasnya dan halaman dimuat ulang."
        ),
        (Lang::Id, false) => format!(
            "Situs tidak dapat dibangun: {errors} galat. Perbaiki berkasnya dan halaman dimuat ulang."
        ),
        (Lang::En, true) => format!(
            "The site could not be rebuilt: {errors} error(s). This page is from the last good build; fix the file and the page reloads."
        ),
        (Lang::En, false) => {
            format!("The site could not be built: {errors} error(s). Fix the file and the page reloads.")
        }
    }
}

fn more(hidden: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("… dan {hidden} galat lain (lihat terminal)."),
        Lang::En => format!("… and {hidden} more error(s) (see the terminal)."),
    }
}

/// A whole page that is only the overlay: what is served while no build has succeeded yet.
pub fn page(overlay: &str, lang: Lang) -> String {
    let code = match lang {
        Lang::Id => "id",
        Lang::En => "en",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>sakip-site serve</title>\n</head>\n<body>\n{overlay}\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_each_error_escaped() {
        let problem = Problem {
            code: Some("yaml-syntax"),
            place: Some("content/2023/realisasi/tw1.yaml:3:5".into()),
            message: "nilai <script> tidak valid".into(),
            line: Some("    realisasi: \"<b>&\"".into()),
        };
        let html = html(&[problem], Lang::Id, true);
        assert!(html.starts_with("<div role=\"alert\""));
        assert!(html.contains("<code>yaml-syntax</code> <code>content/2023/realisasi/tw1.yaml:3:5</code>: "));
        assert!(html.contains("nilai &lt;script&gt; tidak valid"));
        assert!(html.contains("realisasi: &quot;&lt;b&gt;&amp;&quot;</pre>"));
        assert!(!html.contains("<script>") && !html.contains("<b>"));
        assert!(html.contains("build terakhir yang berhasil"));
    }

    #[test]
    fn a_flood_of_errors_is_cut_and_counted() {
        let one = Problem { code: Some("unknown-key"), place: None, message: "x".into(), line: None };
        let html = html(&vec![one; SHOWN + 7], Lang::En, false);
        assert_eq!(html.matches("<li").count(), SHOWN);
        assert!(html.contains("and 7 more error(s)"));
        assert!(page(&html, Lang::En).contains("<body>\n<div role=\"alert\""));
    }
}
