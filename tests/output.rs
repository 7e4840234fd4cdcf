//! The output folder (issue 12 item 6, docs/output.md): a build killed at any point of the swap
//! leaves the old or the new site complete, and the next build cleans up after it; an output
//! folder that cannot be replaced as a whole — a mount point, foreign files beside a copied
//! marker, a file that cannot be removed — is refused before anything is touched; the folder's
//! permissions are kept. Crashes are injected with the debug-only `SAKIP_SITE_CRASH_AT` hook.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{Site, tree};

const SAKIP: &str = "content/sakip.yaml";

/// A site's files by path.
type Files = BTreeMap<String, Vec<u8>>;

/// `build` of `site` into `<root>/public` with the environment `env`.
fn build_with(site: &Site, env: &[(&str, &str)]) -> Output {
    let public = site.path("public");
    let mut command = Command::new(env!("CARGO_BIN_EXE_sakip-site"));
    command.arg("--root").arg(site.root());
    command.args(["build", "--as-of", common::AS_OF, "--output"]).arg(&public);
    command.envs(env.iter().copied()).stdin(Stdio::null());
    command.output().expect("run sakip-site")
}

/// `build` into `<root>/public`, which must succeed.
fn build(site: &Site) {
    let out = build_with(site, &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// `build` into `<root>/public`, which must be refused (exit 2); its messages.
fn refused(site: &Site) -> String {
    let out = build_with(site, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    stderr
}

/// The entries beside the output folder that name it (`.public.…`): staging and old folders.
fn beside(site: &Site) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public."))
        .collect();
    names.sort();
    names
}

/// The files of `<root>/public`, or none when it does not exist.
fn published(site: &Site) -> Option<Files> {
    let public = site.path("public");
    public.exists().then(|| tree(&public))
}

/// The minimal site built into `public` (the old site), then changed so that the next build
/// differs; the old site's files and the new one's (built aside, then removed).
fn old_and_new() -> (Site, Files, Files) {
    let site = Site::minimal();
    build(&site);
    let old = published(&site).unwrap();
    site.replace(SAKIP, "data_contoh: true", "data_contoh: false");
    let aside = tempfile::tempdir().unwrap();
    let run = common::run_in(
        site.root(),
        &["build", "--as-of", common::AS_OF, "--output", aside.path().join("baru").to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let new = tree(&aside.path().join("baru"));
    assert_ne!(old, new, "the change must show in the site");
    (site, old, new)
}

#[test]
fn a_build_killed_at_any_point_of_the_swap_leaves_a_complete_site() {
    // (where it dies, with the two-rename fallback instead of the atomic exchange, the site the
    // next build finds)
    let cases = [
        ("before-swap", false, "old"),
        ("after-swap", false, "new"),
        ("before-swap", true, "old"),
        ("between-renames", true, "old"),
        ("after-swap", true, "new"),
    ];
    for (point, fallback, expected) in cases {
        let case = format!("{point}, fallback {fallback}");
        let (site, old, new) = old_and_new();
        let mut env = vec![("SAKIP_SITE_CRASH_AT", point)];
        if fallback {
            env.push(("SAKIP_SITE_NO_EXCHANGE", "1"));
        }
        let out = build_with(&site, &env);
        assert_eq!(out.status.code(), None, "{case}: the build was not killed");
        assert!(!beside(&site).is_empty(), "{case}: the killed build left nothing beside public");
        // Only the fallback has a moment without the output folder.
        if point != "between-renames" {
            let now = published(&site).unwrap_or_else(|| panic!("{case}: no site"));
            assert!(now == old || now == new, "{case}: a mixed site");
        }
        // The next build repairs first: killed just before its own swap, it has put the old
        // site back if it was missing, and the site is complete.
        let out = build_with(&site, &[("SAKIP_SITE_CRASH_AT", "before-swap")]);
        assert_eq!(out.status.code(), None, "{case}");
        let now = published(&site).unwrap_or_else(|| panic!("{case}: no site after the next build"));
        assert!(
            now == if expected == "old" { old.clone() } else { new.clone() },
            "{case}: not the {expected} site"
        );
        // A folder named like a leftover but without our marker is someone else's.
        site.write(".public.tmp-1/punya-saya.txt", "jangan dihapus");
        build(&site);
        assert_eq!(published(&site).unwrap(), new, "{case}");
        assert_eq!(beside(&site), [".public.tmp-1"], "{case}: leftovers were not removed");
        assert_eq!(site.read(".public.tmp-1/punya-saya.txt"), "jangan dihapus");
    }
}

#[test]
fn a_mount_point_is_refused_before_anything_is_touched() {
    let site = Site::minimal();
    let public = site.path("public");
    std::fs::create_dir(&public).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "sakip-site-test"])
        .arg(&public)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    }
    let stderr = refused(&site);
    let _ = Command::new("umount").arg(&public).status();
    assert!(stderr.contains("mount point"), "{stderr}");
    assert!(beside(&site).is_empty(), "a staging folder was created: {:?}", beside(&site));
}

#[test]
fn a_folder_whose_marker_was_copied_along_with_foreign_files_is_never_replaced() {
    let site = Site::minimal();
    build(&site);
    // Someone copies the marker into their own folder, and then builds into it.
    site.write("docs/index.html", "<p>halaman saya</p>");
    std::fs::copy(site.path("public/.sakip-site-output"), site.path("docs/.sakip-site-output")).unwrap();
    let docs = site.path("docs");
    let out =
        common::run_in(site.root(), &["build", "--as-of", common::AS_OF, "--output", docs.to_str().unwrap()]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("`index.html`"), "{}", out.stderr);
    assert_eq!(site.read("docs/index.html"), "<p>halaman saya</p>");
    // A file added to the output by hand is not lost either.
    site.write("public/catatan.txt", "catatan");
    let before = published(&site).unwrap();
    assert!(refused(&site).contains("`catatan.txt`"));
    assert_eq!(published(&site).unwrap(), before);
    assert!(beside(&site).is_empty());
}

/// Makes `path` impossible to remove while it lives: immutable for root (`chattr +i`), a
/// read-only folder for anyone else.
struct Undeletable<'a> {
    path: &'a Path,
    root: bool,
}

impl<'a> Undeletable<'a> {
    fn new(file: &'a Path) -> Undeletable<'a> {
        let root = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout == b"0\n");
        let path = if root { file } else { file.parent().unwrap() };
        let status = if root {
            Command::new("chattr").arg("+i").arg(path).status().unwrap()
        } else {
            Command::new("chmod").arg("555").arg(path).status().unwrap()
        };
        assert!(status.success(), "cannot make {} undeletable", path.display());
        Undeletable { path, root }
    }
}

impl Drop for Undeletable<'_> {
    fn drop(&mut self) {
        let _ = if self.root {
            Command::new("chattr").arg("-i").arg(self.path).status()
        } else {
            Command::new("chmod").arg("755").arg(self.path).status()
        };
    }
}

#[test]
fn an_old_file_that_cannot_be_removed_stops_the_build_before_it_starts() {
    let (site, old, new) = old_and_new();
    let style = site.path("public/static/style.css");
    {
        let _locked = Undeletable::new(&style);
        let stderr = refused(&site);
        assert!(stderr.contains("static"), "{stderr}");
        assert_eq!(published(&site).unwrap(), old, "the old site was changed");
        assert!(beside(&site).is_empty(), "{:?}", beside(&site));
    }
    build(&site);
    assert_eq!(published(&site).unwrap(), new);
}

#[test]
fn the_output_folder_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::minimal();
    build(&site);
    let public = site.path("public");
    std::fs::set_permissions(&public, std::fs::Permissions::from_mode(0o750)).unwrap();
    build(&site);
    assert_eq!(std::fs::metadata(&public).unwrap().permissions().mode() & 0o777, 0o750);
}

/// The inode and modification time of a published file.
fn identity(site: &Site, rel: &str) -> (u64, std::time::SystemTime) {
    use std::os::unix::fs::MetadataExt;
    let meta =
        std::fs::metadata(site.path(&format!("public/{rel}"))).unwrap_or_else(|e| panic!("{rel}: {e}"));
    (meta.ino(), meta.modified().unwrap())
}

#[test]
fn a_rebuild_rewrites_only_what_changed_and_drops_what_is_gone() {
    let site = Site::minimal();
    // A second programme indicator, with a target only, to be removed later.
    site.replace(
        "content/cascading.yaml",
        "        target: {2023: 40}\n",
        "        target: {2023: 40}\n      - id: PK-9\n        nama: Indikator sementara\n        \
         satuan: kegiatan\n        polaritas: positif\n        agregasi: kumulatif\n        \
         target: {2023: 5}\n",
    );
    build(&site);
    let pk1 = "indikator/pk-1/index.html";
    let (iku2, css, pk9) = ("indikator/iku-2/index.html", "static/style.css", "indikator/pk-9/index.html");
    let before: Vec<_> = [pk1, iku2, css].iter().map(|p| identity(&site, p)).collect();
    let old_pk1 = site.read(&format!("public/{pk1}"));
    assert!(site.path(&format!("public/{pk9}")).exists());
    // Let a rewritten file's time differ from the first build's even on a coarse clock.
    std::thread::sleep(std::time::Duration::from_millis(20));

    // PK-1's first-quarter realisation 9 becomes 10, and PK-9 is removed.
    site.replace(
        "content/2023/realisasi/tw1.yaml",
        "  - indikator: PK-1\n    realisasi: 9\n",
        "  - indikator: PK-1\n    realisasi: 10\n",
    );
    site.replace(
        "content/cascading.yaml",
        "      - id: PK-9\n        nama: Indikator sementara\n        satuan: kegiatan\n        \
         polaritas: positif\n        agregasi: kumulatif\n        target: {2023: 5}\n",
        "",
    );
    build(&site);
    assert_ne!(site.read(&format!("public/{pk1}")), old_pk1, "the change must show on PK-1's page");
    assert_ne!(identity(&site, pk1), before[0], "PK-1's page was written anew");
    // IKU-2's page and the stylesheet did not change: the same files, not copies.
    assert_eq!(identity(&site, iku2), before[1], "IKU-2's page was rewritten");
    assert_eq!(identity(&site, css), before[2], "the stylesheet was rewritten");
    // The removed indicator's page is gone, and the marker still lists exactly what is there.
    assert!(!site.path(&format!("public/{pk9}")).exists());
    build(&site);
    assert_eq!(identity(&site, iku2), before[1]);
}
