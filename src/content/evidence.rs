//! Which evidence files the site publishes (SPEC §5, issue 12 item 3): document types from an
//! allow-list, up to a size limit judged from the file's metadata, never by reading it.
//!
//! Evidence is copied to the agency's website as it is. A page, a script, an SVG (which may
//! hold script) or a server file such as `.htaccess` would run or act on that website, so only
//! document types a reader downloads are published; everything else is an error.

use std::fs::Metadata;

use crate::content::reader::Ctx;
use crate::diagnostics::{Code, Loc};

/// File extensions (lower case) of the evidence the site publishes.
pub const ALLOWED: &[&str] = &[
    "pdf", "png", "jpg", "jpeg", "gif", "webp", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods",
    "odp", "csv", "txt", "zip",
];

/// The largest evidence file published: 50 MiB.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

/// Whether the evidence file `shown` (its path as shown to the user) with `metadata` may be
/// published; reports why not at `loc`.
pub(super) fn publishable(ctx: &mut Ctx, loc: Loc, shown: &str, metadata: &Metadata) -> bool {
    let name = shown.rsplit('/').next().unwrap_or(shown);
    let extension = name.rsplit_once('.').map(|(stem, ext)| (stem, ext.to_ascii_lowercase()));
    if !extension.is_some_and(|(stem, ext)| !stem.is_empty() && ALLOWED.contains(&ext.as_str())) {
        let allowed = ALLOWED.join(", ");
        ctx.error(
            Code::EvidenceType,
            loc,
            format!("`{shown}` bukan jenis dokumen yang diterbitkan sebagai data dukung (boleh: {allowed})"),
            format!("`{shown}` is not a document type published as evidence (allowed: {allowed})"),
        );
        return false;
    }
    if metadata.len() > MAX_BYTES {
        let mib = metadata.len() / (1024 * 1024);
        ctx.error(
            Code::EvidenceTooLarge,
            loc,
            format!("`{shown}` berukuran {mib} MiB, melebihi batas 50 MiB untuk data dukung"),
            format!("`{shown}` is {mib} MiB, above the 50 MiB limit for evidence"),
        );
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allow_list_holds_documents_only() {
        for risky in ["html", "htm", "svg", "js", "mjs", "htaccess", "php", "xml", "xhtml", "exe"] {
            assert!(!ALLOWED.contains(&risky), "{risky}");
        }
        assert!(ALLOWED.iter().all(|e| e.chars().all(|c| c.is_ascii_lowercase())));
    }
}
