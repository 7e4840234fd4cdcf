//! Provenance on the site (issue 11, item 2), on a real git repository in a temporary folder:
//! the `compute` fixture committed by one author, then A's TW2 realisation raised by a second
//! and B's TW1 realisation by a third, then a commit outside `content/`. Each indicator page
//! must name the newest data commit that moved it, the *Riwayat perubahan* page must list the
//! data commits newest first with the figures each moved, and no e-mail address may appear.
//! Expected hashes, dates and names are those of the commits made here.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use common::{Site, copy_dir};

const NBSP: char = '\u{a0}';

/// A commit made here: its short hash, date and author.
struct Made {
    short: String,
    date: &'static str,
    author: &'static str,
}

/// Commit everything as `author` on `date` (author and committer alike), with an e-mail
/// address that must never reach the site.
fn commit(site: &Site, author: &'static str, date: &'static str, message: &str) -> Made {
    let when = format!("{date}T10:00:00+07:00");
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(args)
            .current_dir(site.root())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", author)
            .env("GIT_AUTHOR_EMAIL", "rahasia@dinas.example")
            .env("GIT_AUTHOR_DATE", &when)
            .env("GIT_COMMITTER_NAME", author)
            .env("GIT_COMMITTER_EMAIL", "rahasia@dinas.example")
            .env("GIT_COMMITTER_DATE", &when)
            .output()
            .expect("git is installed");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    git(&["add", "-A"]);
    git(&["commit", "-qm", message]);
    Made { short: git(&["rev-parse", "--short", "HEAD"]), date, author }
}

/// The repository and its three data commits, oldest first.
fn repository() -> (Site, [Made; 3]) {
    let site = Site::from_fixture("compute");
    site.git(&["init", "-q", "-b", "main"]);
    let first = commit(&site, "Tim Penyusun", "2024-01-15", "data");
    let tw2 = "content/2023/realisasi/tw2.yaml";
    site.replace(
        tw2,
        r#"{indikator: A, realisasi: "3.000.000"}"#,
        r#"{indikator: A, realisasi: "4.000.000"}"#,
    );
    let a = commit(&site, "Siti Aminah", "2024-02-10", "A TW2");
    let tw1 = "content/2023/realisasi/tw1.yaml";
    site.replace(tw1, "{indikator: B, realisasi: 785}", "{indikator: B, realisasi: 800}");
    let b = commit(&site, "Budi Santoso", "2024-03-05", "B TW1");
    // Not a data commit: it must not appear, nor move anything.
    site.write("CATATAN.md", "catatan\n");
    commit(&site, "Joko Widodo", "2024-03-20", "notes");
    (site, [first, a, b])
}

/// Build into `out`; the run's standard error.
fn build(site: &Site, out: &Path) -> String {
    let run = site.run(&["build", "--output", out.to_str().expect("a UTF-8 path")]);
    assert_eq!(run.code, 0, "{run:?}");
    run.stderr
}

/// Every file of a built site, by path.
fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read the output") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(root).expect("inside").to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&path).expect("read a file"));
            }
        }
    }
    out
}

fn page(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8_lossy(files.get(path).unwrap_or_else(|| panic!("{path} is built"))).into_owned()
}

/// The provenance line of an indicator page naming `made`.
fn line(made: &Made) -> String {
    format!("<code>{}</code></a>, <time datetime={}>", made.short, made.date)
}

#[test]
fn each_indicator_page_names_the_newest_commit_that_moved_it() {
    let (site, [first, a, b]) = repository();
    let out = tempfile::tempdir().unwrap();
    let stderr = build(&site, out.path());
    assert!(!stderr.contains("no change history"), "{stderr}");
    let built = files(out.path());
    for (id, made) in [("a", &a), ("b", &b), ("c", &first), ("d", &first), ("e", &first)] {
        for lang in ["", "en/"] {
            let html = page(&built, &format!("{lang}indikator/{id}/index.html"));
            assert!(html.contains(&line(made)), "{lang}{id} names {}:\n{html}", made.short);
            let rest = html.split(&line(made)).nth(1).unwrap_or_default();
            assert!(rest.split("</div>").next().unwrap_or_default().contains(made.author), "{lang}{id}");
        }
    }
    for (path, bytes) in &built {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("dinas.example"), "{path} shows an e-mail address");
        assert!(!text.contains("Joko Widodo"), "{path} names the commit outside content/");
    }
}

#[test]
fn the_history_page_lists_the_data_commits_newest_first_with_the_figures_they_moved() {
    let (site, [first, a, b]) = repository();
    let out = tempfile::tempdir().unwrap();
    build(&site, out.path());
    let built = files(out.path());
    // The exact rupiah of A's TW2 before and after, as each language writes it.
    let pages = [
        ("riwayat/index.html", ["3.000.000", "4.000.000"]),
        ("en/riwayat/index.html", ["3,000,000", "4,000,000"]),
    ];
    for (path, rupiah) in pages {
        let html = page(&built, path);
        let at = |made: &Made| {
            html.find(&format!("id=c-{}", made.short))
                .unwrap_or_else(|| panic!("{path} lists {}", made.short))
        };
        assert!(at(&b) < at(&a) && at(&a) < at(&first), "{path}: newest first");
        let section =
            |made: &Made| html[at(made)..].split("</section>").next().unwrap_or_default().to_string();
        // B's TW1: 785 → 800 dokumen; nothing of A. The unit has Indonesian words only: on an
        // English page they are marked as such.
        let b_moved = section(&b);
        let unit = if path.starts_with("en/") { "<span lang=id>dokumen</span>" } else { "dokumen" };
        assert!(
            b_moved.contains(&format!("785{NBSP}{unit}")) && b_moved.contains(&format!("800{NBSP}{unit}")),
            "{b_moved}"
        );
        assert!(!b_moved.contains("indikator/a/"), "{b_moved}");
        // A's TW2: Rp 3.000.000 → Rp 4.000.000 (the site's short form, the exact amount as title).
        let a_moved = section(&a);
        // The amount ends the title (written without quotes: HTML needs none around it).
        assert!(rupiah.iter().all(|r| a_moved.contains(&format!("{r}>"))), "{a_moved}");
        assert!(!a_moved.contains("indikator/b/"), "{a_moved}");
        // The first data commit adds every indicator.
        assert!(section(&first).contains("indikator/e/"), "{path}");
    }
    // The footer links the page.
    assert!(page(&built, "index.html").contains("href=riwayat/"));
}

#[test]
fn two_builds_of_one_commit_are_the_same() {
    let (site, _) = repository();
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build(&site, one.path());
    build(&site, two.path());
    assert!(files(one.path()) == files(two.path()), "two builds of one commit differ");
}

#[test]
fn a_copy_outside_git_builds_with_one_notice_and_no_provenance() {
    let (site, _) = repository();
    let copy = tempfile::tempdir().unwrap();
    for folder in ["content", "themes"] {
        if site.path(folder).exists() {
            copy_dir(&site.path(folder), &copy.path().join(folder));
        }
    }
    let out = tempfile::tempdir().unwrap();
    let run = common::run_in(
        copy.path(),
        &["build", "--as-of", "2024-03-20", "--output", out.path().to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stderr.matches("no change history").count(), 1, "{}", run.stderr);
    let built = files(out.path());
    assert!(built.iter().all(|(_, b)| !String::from_utf8_lossy(b).contains("datetime=2024-02-10")));
    assert!(!page(&built, "indikator/a/index.html").contains("Angka terakhir diubah"));
    assert!(page(&built, "riwayat/index.html").contains("tidak dibangun dari repositori git"));
    assert!(page(&built, "en/riwayat/index.html").contains("not built from a git repository"));
}
