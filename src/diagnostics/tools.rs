//! The formats of `check` for tools rather than people: GitHub Actions workflow commands, which
//! a pull request shows on the lines they name, GitLab's Code Quality report, which a merge
//! request shows the same way, and `{"diagnostics":[…]}` JSON (SPEC §6).

use std::fmt::Write as _;

use serde::Serialize;
use siphasher::sip128::{Hasher128 as _, SipHasher13};

use super::{Diagnostic, Lang, Severity, shown};

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
            github_escape(&shown(&d.loc.file), true),
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
struct JsonDiagnostic {
    severity: Severity,
    code: &'static str,
    file: String,
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
            file: shown(&d.loc.file),
            line: d.loc.line,
            column: d.loc.column,
            message: d.full_message(lang),
        })
        .collect();
    let mut out = serde_json::json!({ "diagnostics": diagnostics }).to_string();
    out.push('\n');
    out
}

/// One entry of a GitLab Code Quality report (`artifacts:reports:codequality`).
#[derive(Serialize)]
struct CodeQuality<'a> {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: CodeQualityLocation<'a>,
}

#[derive(Serialize)]
struct CodeQualityLocation<'a> {
    path: &'a str,
    lines: CodeQualityLines,
}

#[derive(Serialize)]
struct CodeQualityLines {
    begin: u32,
}

pub(super) fn render_gitlab(sorted: &[&Diagnostic], lang: Lang) -> String {
    let entries: Vec<CodeQuality> = sorted
        .iter()
        .map(|d| CodeQuality {
            description: format!("{} [{}]", d.full_message(lang), d.code.as_str()),
            check_name: d.code.as_str(),
            fingerprint: fingerprint(d),
            // GitLab's scale is info, minor, major, critical, blocker: an error fails `check`,
            // which is what GitLab calls major; a warning does not.
            severity: match d.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
            },
            location: CodeQualityLocation {
                path: &d.loc.file,
                lines: CodeQualityLines { begin: d.loc.line },
            },
        })
        .collect();
    let mut out = serde_json::json!(entries).to_string();
    out.push('\n');
    out
}

/// What GitLab tells problems apart by, between the reports of two pipelines: a hash of the
/// code, the place and the message. SipHash-1-3 with zero keys, 128 bits, of the fields joined
/// by NUL, so it is the same on every machine and Rust version (std's `DefaultHasher` promises
/// neither). The message is hashed in both languages, so `--lang` does not change it.
fn fingerprint(d: &Diagnostic) -> String {
    let text = format!(
        "{}\0{}\0{}\0{}\0{}\0{}",
        d.code.as_str(),
        d.loc.file,
        d.loc.line,
        d.loc.column,
        d.message.id,
        d.message.en
    );
    let mut hasher = SipHasher13::new_with_keys(0, 0);
    std::hash::Hasher::write(&mut hasher, text.as_bytes());
    format!("{:032x}", hasher.finish128().as_u128())
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
    fn github_output_escapes_properties_and_drops_newlines() {
        let mut diags = Diagnostics::default();
        diags.error(
            Code::YamlSyntax,
            Loc { file: Arc::from("content/a,b.yaml"), line: 2, column: 3, len: 1 },
            Message::new("baris\nkedua 100%", "x"),
        );
        let out = render(&diags, &Sources::default(), Format::Github, Lang::Id, false);
        // A line break in a message is a space: a quoted value cannot start a line of its own.
        assert_eq!(out, "::error file=content/a%2Cb.yaml,line=2,col=3::baris kedua 100%25 [yaml-syntax]\n");
    }

    #[test]
    fn gitlab_output_is_a_code_quality_report() {
        let (diags, sources) = sample();
        let out = render(&diags, &sources, Format::Gitlab, Lang::En, false);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let error = &value[1];
        assert_eq!(error["check_name"], "unknown-key");
        assert_eq!(error["severity"], "major");
        assert_eq!(error["location"]["path"], "content/2023/validasi.yaml");
        assert_eq!(error["location"]["lines"]["begin"], 3);
        assert_eq!(error["description"], "unknown key `statos` (did you mean `status`?) [unknown-key]");
        assert_eq!(value[0]["severity"], "minor");
        // Pinned: a fingerprint that changed would make GitLab report every problem as new.
        assert_eq!(error["fingerprint"], "1709757d438da4c8e60ad3edf5160ef7");
        let other_lang = render(&diags, &sources, Format::Gitlab, Lang::Id, false);
        let value_id: serde_json::Value = serde_json::from_str(&other_lang).unwrap();
        assert_eq!(value_id[1]["fingerprint"], error["fingerprint"]);
        assert_ne!(value[0]["fingerprint"], error["fingerprint"]);
    }
}
