//! The formats of `check` for tools rather than people: GitHub Actions workflow commands, which
//! a pull request shows on the lines they name, and `{"diagnostics":[…]}` JSON (SPEC §6).

use std::fmt::Write as _;

use serde::Serialize;

use super::{Diagnostic, Lang, Severity};

pub(super) fn render_github(sorted: &[&Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    for d in sorted {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let message = format!("{} [{}]", d.full_message(lang), d.code.as_str());
        let _ = writeln!(
            out,
            "::{level} file={},line={},col={}::{}",
            github_escape(&d.loc.file, true),
            d.loc.line,
            d.loc.column,
            github_escape(&message, false)
        );
    }
    out
}

/// Workflow-command escaping: `%`, CR and LF always; `:` and `,` also in properties.
fn github_escape(text: &str, property: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'static str,
    file: &'a str,
    line: u32,
    column: u32,
    message: String,
}

pub(super) fn render_json(sorted: &[&Diagnostic], lang: Lang) -> String {
    let diagnostics: Vec<JsonDiagnostic> = sorted
        .iter()
        .map(|d| JsonDiagnostic {
            severity: d.severity,
            code: d.code.as_str(),
            file: &d.loc.file,
            line: d.loc.line,
            column: d.loc.column,
            message: d.full_message(lang),
        })
        .collect();
    let mut out = serde_json::json!({ "diagnostics": diagnostics }).to_string();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::tests::sample;
    use crate::diagnostics::{Code, Diagnostics, Format, Lang, Loc, Message, Sources, render};

    #[test]
    fn json_output_has_the_spec_keys() {
        let (diags, sources) = sample();
        let out = render(&diags, &sources, Format::Json, Lang::Id, false);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let first = &value["diagnostics"][1];
        assert_eq!(first["severity"], "error");
        assert_eq!(first["code"], "unknown-key");
        assert_eq!(first["file"], "content/2023/validasi.yaml");
        assert_eq!(first["line"], 3);
        assert_eq!(first["column"], 5);
        assert_eq!(first["message"], "kunci tidak dikenal `statos` (maksud Anda `status`?)");
    }

    #[test]
    fn github_output_escapes_properties_and_newlines() {
        let mut diags = Diagnostics::default();
        diags.error(
            Code::YamlSyntax,
            Loc { file: Arc::from("content/a,b.yaml"), line: 2, column: 3, len: 1 },
            Message::new("baris\nkedua 100%", "x"),
        );
        let out = render(&diags, &Sources::default(), Format::Github, Lang::Id, false);
        assert_eq!(out, "::error file=content/a%2Cb.yaml,line=2,col=3::baris%0Akedua 100%25 [yaml-syntax]\n");
    }
}
