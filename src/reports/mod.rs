//! The downloadable reports of SPEC §5.2 under `unduh/`, rendered from the presentation layer
//! like the pages, so that a report and the web page can never disagree. The PDF reports
//! ([`pdf`]) need typst and are behind the `pdf` cargo feature (on by default).

#[cfg(feature = "pdf")]
pub mod pdf;

use std::sync::Arc;

use crate::compute::Ledger;
use crate::content::model::Site;
use crate::diagnostics::{Code, Diagnostics, Loc, Message};
use crate::output::Sink;

/// Every report into `sink`, laid out in parallel; the path and the reason of each report that
/// could not be laid out (see [`report`]).
pub fn write(site: &Site, ledger: &Ledger, sink: &dyn Sink) -> Vec<(String, String)> {
    #[cfg(feature = "pdf")]
    {
        let presenter = crate::present::Presenter::new(site, ledger);
        pdf::write(&presenter, sink).into_iter().map(|f| (f.path, f.error.to_string())).collect()
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = (site, ledger, sink);
        Vec::new()
    }
}

/// Report the failures of [`write`] as `template` errors at the report's path.
pub fn report(failures: Vec<(String, String)>, diags: &mut Diagnostics) {
    for (path, detail) in failures {
        let file: Arc<str> = Arc::from(path.as_str());
        diags.error(
            Code::Template,
            Loc::file(&file),
            Message::new(
                format!("laporan {path} tidak dapat disusun: {detail}"),
                format!("report {path} could not be laid out: {detail}"),
            ),
        );
    }
}
