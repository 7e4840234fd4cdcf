//! The files of the site that are not rendered from templates: the evidence the content
//! references (copied, never read whole: the loader allowed its type and size), `sitemap.xml` and
//! `robots.txt`.

use std::collections::BTreeSet;
use std::path::Path;

use super::theme;
use crate::content::model::{BuktiSumber, Site};
use crate::diagnostics::Diagnostics;
use crate::output::Sink;
use crate::present::escape;

/// Copy every evidence file the content references (and only those) to `bukti/`, streamed.
pub(super) fn copy_evidence(site: &Site, root: &Path, out: &dyn Sink, diags: &mut Diagnostics) {
    let mut paths = BTreeSet::new();
    for year in site.years.values() {
        let from_files =
            year.realisasi.iter().flatten().flat_map(|f| &f.capaian).flat_map(|c| &c.data_dukung);
        let from_follow_up = year
            .evaluasi
            .iter()
            .flat_map(|e| &e.evaluasi)
            .flat_map(|e| &e.rekomendasi)
            .filter_map(|r| r.tindak_lanjut.as_ref())
            .flat_map(|t| &t.bukti);
        for b in from_files.chain(from_follow_up) {
            if let BuktiSumber::Berkas(p) = &b.sumber {
                paths.insert(p.clone());
            }
        }
    }
    for rel in paths {
        let shown = format!("content/{}", rel.display());
        let path = format!("bukti/{}", rel.to_string_lossy().replace('\\', "/"));
        if let Err(e) = out.add_copy(&path, &root.join("content").join(&rel)) {
            theme::report(diags, &shown, None, &e.to_string());
        }
    }
}

/// `sitemap.xml` listing `pages` (paths under the base URL) and the `robots.txt` that names it.
pub(super) fn sitemap_and_robots(pages: impl Iterator<Item = String>, base_url: &str, out: &dyn Sink) {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages {
        let url = format!("{base_url}{page}");
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(&url)));
    }
    xml.push_str("</urlset>\n");
    out.add("sitemap.xml", xml.as_bytes());
    let robots = format!("User-agent: *\nAllow: /\nSitemap: {base_url}sitemap.xml\n");
    out.add("robots.txt", robots.as_bytes());
}
