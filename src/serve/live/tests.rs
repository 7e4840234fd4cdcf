//! The partial rebuild is always the full build: a copy of the bundled example is edited step by
//! step (figures, names, notes, evidence, verdicts, dates, the site title, a template, a
//! Markdown page, a broken file), and after each step the served files are compared, file for
//! file, with a fresh full build of the same tree.

use std::collections::BTreeSet;
use std::path::Path;

use super::{Live, Rebuilt};
use crate::build::{self, Options, Outcome};
use crate::diagnostics::Lang;
use crate::output::{Files, Memory};

/// A copy of the example (`content/` and `themes/`) and its preview.
struct Preview {
    dir: tempfile::TempDir,
    live: Live,
}

impl Preview {
    fn new() -> Preview {
        let dir = tempfile::tempdir().unwrap();
        let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        for folder in ["content", "themes"] {
            copy_tree(&crate_dir.join(folder), &dir.path().join(folder));
        }
        let options = Options {
            root: dir.path().to_path_buf(),
            as_of: chrono::NaiveDate::from_ymd_opt(2024, 6, 30),
            base_url: None,
            pdf: false,
        };
        let live = Live::new(options, Lang::En);
        Preview { dir, live }
    }

    /// Replace the one `from` in `file` by `to`.
    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches(from).count(), 1, "{file} has one {from:?}");
        std::fs::write(&path, text.replace(from, to)).unwrap();
    }

    /// Rebuild, check the served files against a full build, and return how many indicator
    /// pages the rebuild rendered and how many the site has.
    fn rebuild(&self, step: &str) -> (usize, usize) {
        let Rebuilt::Ready { rendered, indicators, .. } = self.live.rebuild() else {
            panic!("{step}: the rebuild failed")
        };
        let served = self.live.shown().files.clone().expect("a good build is served");
        same_files(&served, &self.full_build(), step);
        (rendered, indicators)
    }

    fn full_build(&self) -> Files {
        let Outcome::Ready(mut prepared) = build::prepare(&self.live.options).unwrap() else {
            panic!("the full build has errors")
        };
        let memory = Memory::default();
        build::render(&mut prepared, &self.live.options, &memory);
        assert!(!prepared.checked.diagnostics.has_errors());
        memory.into_files()
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The same paths with the same bytes; the message names every path that differs.
fn same_files(served: &Files, full: &Files, step: &str) {
    let paths: BTreeSet<&String> = served.keys().chain(full.keys()).collect();
    let differ: Vec<&String> =
        paths.into_iter().filter(|path| served.get(*path) != full.get(*path)).collect();
    assert!(differ.is_empty(), "{step}: the rebuild differs from a full build in {differ:?}");
}

#[test]
fn every_partial_rebuild_serves_what_a_full_build_writes() {
    let preview = Preview::new();
    let (rendered, all) = preview.rebuild("first build");
    assert!(all > 20, "the example has its indicator pages in two languages");
    assert_eq!(rendered, all, "the first build renders every page");
    assert_eq!(preview.rebuild("nothing changed"), (0, all));

    // One figure of one indicator: its page, and the page of any indicator computed from it.
    preview.edit("content/2023/realisasi/tw3.yaml", "    realisasi: 11\n", "    realisasi: 12\n");
    let (rendered, _) = preview.rebuild("a quarter figure");
    assert!((2..=4).contains(&rendered), "a quarter figure rendered {rendered} of {all} pages");

    let steps = [
        (
            "an indicator name",
            "content/renstra.yaml",
            "Nilai Realisasi Investasi",
            "Nilai Realisasi Penanaman",
        ),
        (
            "a note",
            "content/2023/realisasi/tw3.yaml",
            "(kumulatif s.d. triwulan III",
            "(jumlah s.d. triwulan III",
        ),
        ("an evidence label", "content/2023/realisasi/tw3.yaml", "Laporan LKPM", "Laporan LKPM triwulan III"),
        ("a verdict", "content/2023/validasi.yaml", "status: ditolak\n", "status: sah\n"),
        ("a report date", "content/2023/realisasi/tw4.yaml", "tanggal: 2023-12-28", "tanggal: 2023-12-29"),
    ];
    for (step, file, from, to) in steps {
        preview.edit(file, from, to);
        let (rendered, _) = preview.rebuild(step);
        assert!(rendered > 0, "{step}: a changed page is rendered");
    }

    // What every page shows: the Indonesian title is on every Indonesian page, a template
    // makes every page.
    preview.edit("content/sakip.yaml", "id: Kinerja DPMPTSP", "id: Capaian Kinerja DPMPTSP");
    assert_eq!(preview.rebuild("the site title"), (all / 2, all));
    preview.edit(
        "themes/default/templates/indikator.html",
        "{% block content %}",
        "{% block content %}<!-- v2 -->",
    );
    assert_eq!(preview.rebuild("a template"), (all, all));
    // A Markdown page's title is in the menu of every page of its language; the English menu
    // names the English page of the same slug.
    preview.edit("content/halaman/metodologi.md", "title: Metodologi\n", "title: Metodologi pengukuran\n");
    assert_eq!(preview.rebuild("a Markdown page title"), (all / 2, all));
    preview.edit("content/halaman/methodology.md", "title: Methodology\n", "title: How we measure\n");
    assert_eq!(preview.rebuild("an English Markdown page title"), (all / 2, all));

    // A failed rebuild leaves the last good build to copy from.
    preview.edit("content/renstra.yaml", "id: Nilai Realisasi", "id: \"Nilai Realisasi");
    assert!(matches!(preview.live.rebuild(), Rebuilt::Failed { .. }));
    preview.edit("content/renstra.yaml", "id: \"Nilai Realisasi", "id: Nilai Realisasi");
    preview.edit("content/2023/realisasi/tw3.yaml", "    realisasi: 12\n", "    realisasi: 11\n");
    let (rendered, _) = preview.rebuild("after a failed rebuild");
    assert!((2..=4).contains(&rendered), "after a failed rebuild, {rendered} of {all} pages");
}
