//! Everything the user must fix: one `Diagnostic` type for every rule of every stage, and the
//! ways `check` prints them: for people like rustc here, for tools in `diagnostics::tools`.
//!
//! Diagnostics are plain data. Each carries its message in Indonesian and English so that the
//! language is chosen only when printing, and the source text of every file is kept in
//! [`Sources`] so the human format can show the offending line with a caret.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

mod tools;

use tools::{render_github, render_gitlab, render_json};

/// The language of messages and pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Indonesian, the default.
    #[default]
    Id,
    /// English.
    En,
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Indonesian.
    pub id: String,
    /// English.
    pub en: String,
}

impl Message {
    /// A message from its Indonesian and English wording.
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Self {
        Message { id: id.into(), en: en.into() }
    }

    /// The wording in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

/// Where a value sits in its file: 1-based line and column, and how many characters to mark.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    /// Path as shown to the user, relative to the site root, with `/` separators.
    pub file: Arc<str>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
    /// Characters to underline (at least 1 when shown).
    pub len: u32,
}

impl Loc {
    /// The start of a file, for problems with the file as a whole.
    pub fn file(file: &Arc<str>) -> Self {
        Loc { file: file.clone(), line: 1, column: 1, len: 0 }
    }
}

/// How serious a diagnostic is: errors fail `check` and stop `build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed.
    Error,
    /// Worth a look; does not fail the run.
    Warning,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// The stable identifier of each rule; agencies' CI and docs refer to these names.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($(#[$doc])* $variant,)* }

        impl Code {
            /// Every code, in declaration order (for the docs and their test).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The kebab-case name printed in diagnostics.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }
        }
    };
}

codes! {
    /// A file or folder could not be read.
    Unreadable = "unreadable",
    /// A file is larger than the 10 MiB limit.
    FileTooLarge = "file-too-large",
    /// A file is not valid UTF-8.
    InvalidUtf8 = "invalid-utf8",
    /// The YAML does not parse.
    YamlSyntax = "yaml-syntax",
    /// Nesting deeper than the limit.
    TooDeep = "too-deep",
    /// YAML anchors, aliases, tags or several documents in one file.
    YamlUnsupported = "yaml-unsupported",
    /// The same key twice in one mapping.
    DuplicateKey = "duplicate-key",
    /// A key the format does not know.
    UnknownKey = "unknown-key",
    /// A required key is missing.
    MissingKey = "missing-key",
    /// A value of the wrong type (list where text is expected, …).
    WrongType = "wrong-type",
    /// A value outside its allowed set.
    InvalidValue = "invalid-value",
    /// Text that is not a figure.
    InvalidNumber = "invalid-number",
    /// A figure too large or too precise to keep exactly.
    NumberOutOfRange = "number-out-of-range",
    /// A plain YAML number that looks like Indonesian thousands (`1.250`).
    AmbiguousNumber = "ambiguous-number",
    /// A comma directly before a digit in a flow list (`[80, 82,5, 85]` is four items).
    AmbiguousComma = "ambiguous-comma",
    /// A date that does not exist or is not `YYYY-MM-DD`.
    InvalidDate = "invalid-date",
    /// An id with characters outside `[A-Za-z0-9._-]`.
    InvalidId = "invalid-id",
    /// An id or page slug longer than the limit.
    TooLong = "too-long",
    /// Text holding a bidirectional control character, which can show figures reversed.
    BidiControl = "bidi-control",
    /// The same id twice within its kind.
    DuplicateId = "duplicate-id",
    /// A page slug that names a path the build writes itself.
    ReservedSlug = "reserved-slug",
    /// More Markdown pages than the limit.
    TooManyPages = "too-many-pages",
    /// A reference to an indicator, sasaran or evaluation that does not exist.
    DanglingReference = "dangling-reference",
    /// A year folder whose files say another `tahun:`.
    YearMismatch = "year-mismatch",
    /// A quarter file whose `triwulan:` is another quarter.
    QuarterMismatch = "quarter-mismatch",
    /// A rencana aksi without exactly four quarterly targets.
    TargetCount = "target-count",
    /// The last quarterly target differs from the year's Renstra target.
    TargetMismatch = "target-mismatch",
    /// Cumulative targets that go down from one quarter to the next.
    DecreasingTarget = "decreasing-target",
    /// A range target on a cumulative indicator.
    RangeTargetCumulative = "range-target-cumulative",
    /// A range whose minimum is not below its maximum.
    InvalidRange = "invalid-range",
    /// A `positif` indicator with target 0 (achievement would divide by zero).
    ZeroTarget = "zero-target",
    /// A negative target on a `positif` indicator.
    NegativeTarget = "negative-target",
    /// A figure written with a unit its indicator's `satuan` does not have (`Rp` on `persen`).
    UnitMismatch = "unit-mismatch",
    /// A realisation 100 times off its target, or a `persen` figure above 1,000.
    ImplausibleFigure = "implausible-figure",
    /// A year's realisation given in two places.
    DuplicateRealisation = "duplicate-realisation",
    /// A validation verdict missing what its status requires.
    IncompleteValidation = "incomplete-validation",
    /// A follow-up marked `selesai` without its completion date.
    MissingCompletionDate = "missing-completion-date",
    /// Survey counts that do not add up to `responden`.
    SurveyCount = "survey-count",
    /// A survey with both or neither of `unsur` and `nrr`.
    SurveySource = "survey-source",
    /// A value outside its allowed range (NRR 1–4, LKE score 0–100, …).
    OutOfRange = "out-of-range",
    /// An evidence file that does not exist.
    MissingFile = "missing-file",
    /// A path that leaves `content/`.
    PathEscape = "path-escape",
    /// A path that is not a regular file.
    NotAFile = "not-a-file",
    /// A link that is not http(s).
    InvalidLink = "invalid-link",
    /// Evidence required by the rencana aksi but not reported.
    MissingEvidence = "missing-evidence",
    /// An invalid predicate scale in `sakip.yaml`.
    PredicateScale = "predicate-scale",
    /// An evaluation whose period does not fit its kind.
    EvaluationPeriod = "evaluation-period",
    /// A `murni` PK target that differs from the year's target in renstra/cascading.
    PkTargetMismatch = "pk-target-mismatch",
    /// A `perubahan` PK that does not name an earlier PK of the year it replaces.
    PkRevision = "pk-revision",
    /// A NIP that is not 18 digits.
    InvalidNip = "invalid-nip",
    /// A Markdown page without valid front matter.
    FrontMatter = "front-matter",
    /// A year outside the Renstra period.
    OutsidePeriod = "outside-period",
    /// A file the format does not know, in a place the tool reads.
    UnknownFile = "unknown-file",
    /// A date later than the as-of date.
    FutureDate = "future-date",
    /// Figures too large to compute with exactly.
    ArithmeticOverflow = "arithmetic-overflow",
    /// The as-of date was taken from the clock (no `--as-of`, no git).
    AsOfToday = "as-of-today",
    /// A theme template that does not parse or fails to render.
    Template = "template",
    /// More diagnostics in one file than are printed.
    MoreDiagnostics = "more-diagnostics",
    /// The commit date of `HEAD`, used as the as-of date, is more than a day in the future.
    AsOfFuture = "as-of-future",
    /// An evidence file of a type that is not published (`.html`, `.svg`, `.js`, …).
    EvidenceType = "evidence-type",
    /// An evidence file above the size limit.
    EvidenceTooLarge = "evidence-too-large",
    /// A theme file or folder that is a symbolic link leading outside the site.
    ThemeEscape = "theme-escape",
}

/// One problem found in the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The rule.
    pub code: Code,
    /// Where.
    pub loc: Loc,
    /// What is wrong, in both languages.
    pub message: Message,
    /// How to fix it, when we can say (e.g. "did you mean …").
    pub help: Option<Message>,
}

impl Diagnostic {
    /// The message plus its help, on one line (for JSON and GitHub output), made safe to show.
    fn full_message(&self, lang: Lang) -> String {
        match &self.help {
            Some(help) => shown(&format!("{} ({})", self.message.get(lang), help.get(lang))),
            None => shown(self.message.get(lang)),
        }
    }
}

/// True for the bidirectional control characters (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069): invisible, and they make the text around them show in another order.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Longest value quoted in a message (between backquotes) as printed, in characters.
pub const MAX_ECHO_CHARS: usize = 200;

/// `text` as printed: messages quote values from the content, which a pull request controls.
/// Control characters become spaces (a quoted line break must not start a new workflow command
/// or fake another annotation), bidi controls are dropped, and a quoted value longer than
/// [`MAX_ECHO_CHARS`] is cut with `…`.
pub fn shown(text: &str) -> String {
    let clean: String =
        text.chars().filter(|c| !is_bidi_control(*c)).map(|c| if c.is_control() { ' ' } else { c }).collect();
    let mut out = String::with_capacity(clean.len().min(4 * MAX_ECHO_CHARS));
    for (i, part) in clean.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        let quoted = i % 2 == 1;
        match part.char_indices().nth(MAX_ECHO_CHARS) {
            Some((cut, _)) if quoted => {
                out.push_str(&part[..cut]);
                out.push('…');
            }
            _ => out.push_str(part),
        }
    }
    out
}

/// The source text of every file read, so diagnostics can quote lines.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    texts: HashMap<Arc<str>, Source>,
}

/// A file's text and where each of its lines starts: a hostile file can draw a diagnostic on
/// every one of its lines, so finding a line must not rescan the file. The starts are found
/// when a diagnostic first quotes the file (most files are quoted by none).
#[derive(Debug, Clone)]
struct Source {
    text: Arc<str>,
    starts: OnceLock<Vec<usize>>,
}

impl Sources {
    /// Remember the text of `file`.
    pub fn insert(&mut self, file: &Arc<str>, text: impl Into<Arc<str>>) {
        self.texts.insert(file.clone(), Source { text: text.into(), starts: OnceLock::new() });
    }

    /// Add the texts of `other`.
    pub fn extend(&mut self, other: Sources) {
        self.texts.extend(other.texts);
    }

    /// The text of the line `loc` points at, without its line break.
    pub fn line(&self, loc: &Loc) -> Option<&str> {
        let source = self.texts.get(&loc.file)?;
        let index = (loc.line as usize).checked_sub(1)?;
        let text = &source.text;
        let starts = source
            .starts
            .get_or_init(|| std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect());
        let start = *starts.get(index)?;
        let end = starts.get(index + 1).map_or(text.len(), |next| next - 1);
        let line = source.text.get(start..end)?;
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

/// The diagnostics of one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Record an error.
    pub fn error(&mut self, code: Code, loc: Loc, message: Message) -> &mut Diagnostic {
        self.push(Severity::Error, code, loc, message)
    }

    /// Record a warning.
    pub fn warning(&mut self, code: Code, loc: Loc, message: Message) -> &mut Diagnostic {
        self.push(Severity::Warning, code, loc, message)
    }

    fn push(&mut self, severity: Severity, code: Code, loc: Loc, message: Message) -> &mut Diagnostic {
        self.items.push(Diagnostic { severity, code, loc, message, help: None });
        let last = self.items.len() - 1;
        &mut self.items[last]
    }

    /// Add the diagnostics of `other` (collected on another thread).
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// True when at least one error was recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of diagnostics of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    /// All diagnostics sorted by file, line and column (then code, for a stable order).
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut all: Vec<&Diagnostic> = self.items.iter().collect();
        all.sort_by(|a, b| {
            (&a.loc.file, a.loc.line, a.loc.column, a.code).cmp(&(
                &b.loc.file,
                b.loc.line,
                b.loc.column,
                b.code,
            ))
        });
        all.dedup();
        all
    }
}

impl Diagnostic {
    /// Attach a hint.
    pub fn with_help(&mut self, help: Message) {
        self.help = Some(help);
    }
}

/// How `check` prints diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// rustc-like, with the source line and a caret.
    #[default]
    Human,
    /// GitHub Actions workflow commands (`::error file=…`).
    Github,
    /// `{"diagnostics":[…]}`.
    Json,
    /// GitLab's Code Quality report: `[{"description", "check_name", "fingerprint", …}]`.
    Gitlab,
}

/// Render all diagnostics in `format`; `color` only matters for the human format.
pub fn render(diags: &Diagnostics, sources: &Sources, format: Format, lang: Lang, color: bool) -> String {
    let capped = cap_per_file(diags.sorted());
    let sorted: Vec<&Diagnostic> = capped.iter().collect();
    match format {
        Format::Human => render_human(&sorted, diags, sources, lang, color),
        Format::Github => render_github(&sorted, lang),
        Format::Json => render_json(&sorted, lang),
        Format::Gitlab => render_gitlab(&sorted, lang),
    }
}

/// Diagnostics printed per file. A hostile 10 MiB file can draw millions (one per key); past
/// this many the rest of that file is summed up in one `more-diagnostics` line, so a CI log or a
/// pull request stays readable. The exit code still counts every error.
pub const MAX_PER_FILE: usize = 200;

fn cap_per_file(sorted: Vec<&Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::with_capacity(sorted.len().min(4096));
    let mut i = 0;
    while i < sorted.len() {
        let file = &sorted[i].loc.file;
        let end = sorted[i..].iter().position(|d| &d.loc.file != file).map_or(sorted.len(), |n| i + n);
        let group = &sorted[i..end];
        out.extend(group.iter().take(MAX_PER_FILE).map(|d| (*d).clone()));
        if let Some(first_hidden) = group.get(MAX_PER_FILE) {
            let hidden = &group[MAX_PER_FILE..];
            let severity = hidden.iter().map(|d| d.severity).min().unwrap_or(Severity::Warning);
            out.push(Diagnostic {
                severity,
                code: Code::MoreDiagnostics,
                loc: Loc { len: 0, ..first_hidden.loc.clone() },
                message: Message::new(
                    format!(
                        "{} masalah lain di berkas ini tidak ditampilkan (dari baris {})",
                        hidden.len(),
                        first_hidden.loc.line
                    ),
                    format!(
                        "{} more problems in this file are not shown (from line {})",
                        hidden.len(),
                        first_hidden.loc.line
                    ),
                ),
                help: None,
            });
        }
        i = end;
    }
    out
}

fn render_human(
    sorted: &[&Diagnostic],
    diags: &Diagnostics,
    sources: &Sources,
    lang: Lang,
    color: bool,
) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for d in sorted {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let message = shown(d.message.get(lang));
        let title = level.primary_title(&message).id(d.code.as_str());
        let origin = format!("{}:{}:{}", d.loc.file, d.loc.line, d.loc.column);
        let line = sources.line(&d.loc).map(visible);
        let group = match line.as_deref() {
            Some(line) if d.loc.len > 0 => {
                let span = char_span(line, d.loc.column, d.loc.len);
                title.element(
                    Snippet::source(line)
                        .line_start(d.loc.line as usize)
                        .path(d.loc.file.as_ref())
                        .annotation(AnnotationKind::Primary.span(span)),
                )
            }
            _ => title.element(annotate_snippets::Origin::path(origin)),
        };
        let mut report = vec![group];
        if let Some(help) = &d.help {
            report.push(Group::with_title(Level::HELP.secondary_title(shown(help.get(lang)))));
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    let (errors, warnings) = (diags.count(Severity::Error), diags.count(Severity::Warning));
    let summary = match lang {
        Lang::Id => format!("{errors} galat, {warnings} peringatan"),
        Lang::En => format!("{errors} error(s), {warnings} warning(s)"),
    };
    out.push_str(&summary);
    out.push('\n');
    out
}

/// A source line as quoted in the human format: a bidi or control character (a tab aside)
/// shows as `�`, one character for one, so the caret still points at the right place and the
/// terminal does not reorder the line or obey an escape sequence.
fn visible(line: &str) -> String {
    line.chars()
        .map(|c| if is_bidi_control(c) || (c.is_control() && c != '\t') { '\u{FFFD}' } else { c })
        .collect()
}

/// The byte range of `len` characters starting at 1-based character `column` of `line`.
fn char_span(line: &str, column: u32, len: u32) -> std::ops::Range<usize> {
    let byte_at = |chars: usize| line.char_indices().nth(chars).map(|(i, _)| i).unwrap_or(line.len());
    let start = byte_at(column.saturating_sub(1) as usize);
    let end = byte_at(column.saturating_sub(1) as usize + len.max(1) as usize);
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two diagnostics in two files, one with a help (also for the tools' formats).
    pub(super) fn sample() -> (Diagnostics, Sources) {
        let file: Arc<str> = Arc::from("content/2023/validasi.yaml");
        let mut sources = Sources::default();
        sources.insert(&file, "tahun: 2023\nvalidasi:\n  - statos: sah\n");
        let mut diags = Diagnostics::default();
        diags
            .error(
                Code::UnknownKey,
                Loc { file: file.clone(), line: 3, column: 5, len: 6 },
                Message::new("kunci tidak dikenal `statos`", "unknown key `statos`"),
            )
            .with_help(Message::new("maksud Anda `status`?", "did you mean `status`?"));
        diags.warning(
            Code::AmbiguousNumber,
            Loc { file: Arc::from("content/2023/a.yaml"), line: 9, column: 1, len: 1 },
            Message::new("a", "b"),
        );
        (diags, sources)
    }

    #[test]
    fn human_output_points_at_the_line_with_a_caret() {
        let (diags, sources) = sample();
        let out = render(&diags, &sources, Format::Human, Lang::En, false);
        assert!(out.contains("error[unknown-key]: unknown key `statos`"), "{out}");
        assert!(out.contains("--> content/2023/validasi.yaml:3:5"), "{out}");
        assert!(out.contains("  - statos: sah"), "{out}");
        assert!(out.contains("^^^^^^"), "{out}");
        assert!(out.contains("did you mean `status`?"), "{out}");
        assert!(out.trim_end().ends_with("1 error(s), 1 warning(s)"), "{out}");
        // Sorted by file: a.yaml comes before validasi.yaml.
        assert!(out.find("a.yaml").unwrap() < out.find("validasi.yaml").unwrap());
    }

    #[test]
    fn source_lines_are_found_by_number_with_either_line_ending() {
        let file: Arc<str> = Arc::from("content/a.yaml");
        let mut sources = Sources::default();
        let text: String = (1..=50_000).map(|i| format!("k{i}: {i}\r\n")).collect();
        sources.insert(&file, text.as_str());
        let at = |line| sources.line(&Loc { file: file.clone(), line, column: 1, len: 1 });
        assert_eq!(at(1), Some("k1: 1"));
        assert_eq!(at(50_000), Some("k50000: 50000"));
        assert_eq!(at(0), None);
        assert_eq!(at(50_002), None);
    }

    #[test]
    fn a_file_with_too_many_problems_is_summed_up() {
        let file: Arc<str> = Arc::from("content/a.yaml");
        let mut diags = Diagnostics::default();
        for line in 1..=(MAX_PER_FILE as u32 + 50) {
            diags.error(
                Code::UnknownKey,
                Loc { file: file.clone(), line, column: 1, len: 1 },
                Message::new("x", "x"),
            );
        }
        diags.warning(Code::UnknownFile, Loc::file(&Arc::from("content/b.yaml")), Message::new("y", "y"));
        let out = render(&diags, &Sources::default(), Format::Json, Lang::En, false);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let list = value["diagnostics"].as_array().unwrap();
        assert_eq!(list.len(), MAX_PER_FILE + 2, "200 shown, one summary, and the other file's");
        let summary = &list[MAX_PER_FILE];
        assert_eq!(summary["code"], "more-diagnostics");
        assert_eq!(summary["severity"], "error");
        assert_eq!(summary["line"], MAX_PER_FILE + 1);
        assert!(summary["message"].as_str().unwrap().starts_with("50 more problems"));
        assert_eq!(list[MAX_PER_FILE + 1]["file"], "content/b.yaml");
    }

    #[test]
    fn shown_text_drops_controls_and_bidi_and_cuts_quoted_values() {
        assert_eq!(shown("a\nb\tc\u{1b}[31m"), "a b c [31m");
        assert_eq!(shown("`10\u{202E}0%`"), "`100%`");
        let long = format!("key `{}` is unknown (did you mean `x`?)", "a".repeat(500));
        let cut = shown(&long);
        assert_eq!(cut, format!("key `{}…` is unknown (did you mean `x`?)", "a".repeat(MAX_ECHO_CHARS)));
    }

    #[test]
    fn quoted_source_lines_show_bidi_and_escape_characters_visibly() {
        let file: Arc<str> = Arc::from("content/a.yaml");
        let mut sources = Sources::default();
        sources.insert(&file, "catatan: \"\u{202E}100%\u{1b}[2J\"\n");
        let mut diags = Diagnostics::default();
        diags.error(Code::BidiControl, Loc { file, line: 1, column: 10, len: 1 }, Message::new("x", "x"));
        let out = render(&diags, &sources, Format::Human, Lang::En, false);
        assert!(out.contains("catatan: \"\u{FFFD}100%\u{FFFD}[2J\""), "{out}");
        assert!(!out.contains('\u{202E}') && !out.contains('\u{1b}'), "{out}");
    }

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert!(
            names.iter().all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()))
        );
        names.sort();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len());
    }
}
