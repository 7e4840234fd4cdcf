//! Arbitrary bytes as one content file: `decode`, `parse` (one guarded pass into the tree), then every
//! typed reader of `content::reader::Ctx` over every node, then the three diagnostic renderers.
//!
//! Must hold: no panic, no hang; a refused file always leaves an error diagnostic; a parsed file
//! is a mapping; a parsed target range has `min < maks`.

#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use sakip_site::content::keys::{self, Key, Kind};
use sakip_site::content::model::{Agregasi, Periode, Polaritas};
use sakip_site::content::reader::{Ctx, is_null};
use sakip_site::content::tree::Node;
use sakip_site::content::yaml;
use sakip_site::diagnostics::{self, Diagnostics, Format, Lang, Severity, Sources};
use sakip_site::number::Target;

/// Tables of the content format: the first mapping of each depth is read against one, in turn,
/// so that unknown-key suggestions, missing keys and `sub` are exercised.
fn tables() -> Vec<&'static [Key]> {
    keys::tables().into_iter().map(|(_, keys)| keys).collect()
}

/// Reader diagnostics rendered per input: rendering with snippets costs far more than parsing,
/// and the diagnostics of `decode` and `parse` (at most a couple) are all rendered anyway.
const RENDERED: usize = 24;

fuzz_target!(|data: &[u8]| {
    let file: Arc<str> = Arc::from("content/fuzz.yaml");
    let mut diags = Diagnostics::default();
    let mut sources = Sources::default();

    let Some(text) = yaml::decode(&file, data.to_vec(), &mut diags, &mut sources) else {
        assert!(diags.has_errors(), "decode refused without an error");
        render(&diags, &sources, usize::MAX);
        return;
    };
    let parsed = yaml::parse(&file, &text, &mut diags);
    for d in diags.sorted() {
        assert!(d.loc.line >= 1 && d.loc.column >= 1, "diagnostic outside the file: {d:?}");
    }
    match &parsed {
        None => assert!(diags.has_errors(), "parse refused without an error"),
        Some(root) => {
            assert!(!diags.has_errors(), "parse returned a tree and an error");
            assert!(matches!(root, Node::Mapping(_)), "top level is not a mapping");
        }
    }
    render(&diags, &sources, usize::MAX);
    if let Some(root) = parsed {
        let mut ctx = Ctx::new(file.clone(), &mut diags);
        walk(&mut ctx, &root);
        render(&diags, &sources, RENDERED);
    }
});

/// Every reader on `node`, then recurse into its children (each child visited once).
fn walk(ctx: &mut Ctx, node: &Node) {
    let _ = ctx.loc(node);
    let _ = is_null(node);
    let _ = ctx.string(node);
    let _ = ctx.text(node);
    let _ = ctx.title(node);
    let _ = ctx.markdown(node);
    let _ = ctx.id(node);
    let _ = ctx.integer(node, 0..=100);
    let _ = ctx.year(node);
    let _ = ctx.boolean(node);
    let _ = ctx.date(node);
    let _ = ctx.figure(node);
    let _ = ctx.required_figure(node);
    if let Some(target) = ctx.target(node, &mut Vec::new())
        && let Some(Target::Range { min, maks }) = target.value
    {
        assert!(min < maks, "range {min} .. {maks} out of order");
    }
    let _ = ctx.choice::<Polaritas>(node);
    let _ = ctx.choice::<Agregasi>(node);
    let _ = ctx.choice::<Periode>(node);
    match node {
        Node::Mapping(_) => {
            let _ = ctx.any_map(node);
            let all = tables();
            let table = all[node.mark().line as usize % all.len()];
            if let Some(map) = ctx.map(node, table) {
                // Only keys of its own table: asking for another is a programming error.
                for key in table {
                    let _ = map.get(ctx, key.name);
                    let _ = map.raw(ctx, key.name);
                    let _ = map.has(key.name);
                    let _ = map.key_loc(ctx, key.name);
                    if let Kind::Mapping(_) = key.kind {
                        let _ = map.sub(ctx, key.name);
                    }
                }
                for (key, value) in map.entries() {
                    let _ = key.as_str();
                    walk(ctx, value);
                }
            }
        }
        Node::Sequence(_) => {
            let _ = ctx.list(node, |ctx, item| {
                walk(ctx, item);
                Some(())
            });
        }
        Node::Scalar(_) => {
            let _ = ctx.list(node, |_, _| Some(()));
        }
    }
}

/// Render (a bounded prefix of) the diagnostics in every format.
fn render(all: &Diagnostics, sources: &Sources, most: usize) {
    let mut diags = Diagnostics::default();
    for d in all.sorted().into_iter().take(most) {
        let copy = match d.severity {
            Severity::Error => diags.error(d.code, d.loc.clone(), d.message.clone()),
            Severity::Warning => diags.warning(d.code, d.loc.clone(), d.message.clone()),
        };
        copy.help = d.help.clone();
    }
    let _ = diagnostics::render(&diags, sources, Format::Human, Lang::Id, false);
    let _ = diagnostics::render(&diags, sources, Format::Github, Lang::En, false);
    let _ = diagnostics::render(&diags, sources, Format::Json, Lang::En, false);
}
