//! Live reload: the script a served page carries, where it goes in the page (with the error
//! overlay, when there is one), and the server-sent events that tell the script to reload.
//!
//! Pages get a `<script src="/__sakip/reload.js">` rather than inline code, so that a theme
//! with a Content-Security-Policy of `script-src 'self'` still reloads. The tag carries the
//! number of the build the page comes from; the event stream starts with the number of the
//! build being served, so a page that was loaded just before a rebuild, and connected just
//! after it, still reloads.

use std::convert::Infallible;

use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::{broadcast, watch};

/// Where the event stream is served.
pub const EVENTS: &str = "/__sakip/reload";
/// Where the script is served.
pub const SCRIPT_PATH: &str = "/__sakip/reload.js";

/// Reloads the page on a `reload` event, or when the first event names another build than
/// the page's; the scroll position survives in sessionStorage, per page.
pub const SCRIPT: &str = r#"(() => {
  "use strict";
  const key = "sakip-serve-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", () => window.scrollTo(0, Number(saved)));
  }
  const me = document.currentScript;
  const build = me ? me.dataset.build : null;
  const events = new EventSource("/__sakip/reload");
  const reload = () => {
    sessionStorage.setItem(key, String(window.scrollY));
    events.close();
    location.reload();
  };
  events.addEventListener("hello", (e) => { if (build !== null && e.data !== build) reload(); });
  events.addEventListener("reload", reload);
})();
"#;

/// `html` as the preview serves it: the overlay (if any) right after `<body …>`, the script
/// tag right before `</body>`. A page without those tags gets them at its start and its end.
pub fn inject(html: &[u8], build: u64, overlay: Option<&str>) -> Vec<u8> {
    let script = format!("<script src=\"{SCRIPT_PATH}\" data-build=\"{build}\"></script>\n");
    let overlay = overlay.unwrap_or("");
    let mut out = Vec::with_capacity(html.len() + script.len() + overlay.len());
    let body_open = find(html, b"<body")
        .and_then(|at| html[at..].iter().position(|&b| b == b'>').map(|end| at + end + 1));
    let head_end = body_open.unwrap_or(0);
    let body_close = rfind(html, b"</body").filter(|&at| at >= head_end).unwrap_or(html.len());
    out.extend_from_slice(&html[..head_end]);
    out.extend_from_slice(overlay.as_bytes());
    out.extend_from_slice(&html[head_end..body_close]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[body_close..]);
    out
}

/// The first place of `needle` in `haystack`, ignoring ASCII case.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// The last place of `needle` in `haystack`, ignoring ASCII case.
fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// The event stream of one browser tab: `hello` with the build being served, then `reload`
/// with each new build, until the server stops (`stopping` turns true).
pub fn events(
    current: u64,
    builds: broadcast::Receiver<u64>,
    mut stopping: watch::Receiver<bool>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let hello = stream::once(async move { Ok(Event::default().event("hello").data(current.to_string())) });
    let reloads = stream::unfold(builds, |mut builds| async move {
        let build = loop {
            match builds.recv().await {
                Ok(build) => break build,
                // A tab that fell behind has missed builds: it reloads once, for the newest.
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        };
        Some((Ok(Event::default().event("reload").data(build.to_string())), builds))
    });
    // Open streams would hold a graceful shutdown forever: end them when the server stops.
    let stop = async move {
        let _ = stopping.wait_for(|stop| *stop).await;
    };
    Sse::new(hello.chain(reloads).take_until(stop)).keep_alive(KeepAlive::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_before_the_end_of_body_and_overlay_after_its_start() {
        let page = b"<!DOCTYPE html><html><BODY class=\"x\"><p>a</p></body></html>";
        let out = String::from_utf8(inject(page, 7, Some("<div role=\"alert\">E</div>"))).unwrap();
        assert_eq!(
            out,
            "<!DOCTYPE html><html><BODY class=\"x\"><div role=\"alert\">E</div><p>a</p>\
             <script src=\"/__sakip/reload.js\" data-build=\"7\"></script>\n</body></html>"
        );
        let plain = String::from_utf8(inject(b"<p>no body</p>", 1, None)).unwrap();
        assert_eq!(plain, "<p>no body</p><script src=\"/__sakip/reload.js\" data-build=\"1\"></script>\n");
    }
}
