//! The whole `check` pipeline (loader with its private per-file readers, then the cross-file
//! rules) on a copy of the example site in which one YAML file is replaced by the input.
//!
//! The first byte picks the file; the rest is its content. Slower than `yaml_loader` (the whole
//! site is read on every run) but it reaches `content::plan`, `content::year` and `validate`.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sakip_site::check::check;
use sakip_site::diagnostics::{self, Format, Lang};

const FILES: &[&str] = &[
    "sakip.yaml",
    "renstra.yaml",
    "cascading.yaml",
    "2023/rencana-aksi.yaml",
    "2023/validasi.yaml",
    "2023/evaluasi.yaml",
    "2023/tim.yaml",
    "2023/skm.yaml",
    "2023/lke.yaml",
    "2023/realisasi/tw1.yaml",
    "2023/realisasi/tw2.yaml",
    "2023/realisasi/tw3.yaml",
    "2023/realisasi/tw4.yaml",
];

struct Site {
    root: PathBuf,
    originals: Vec<Vec<u8>>,
}

/// Prefix of the per-process copies of the site in the temporary folder.
const PREFIX: &str = "sakip-site-fuzz-";

/// A copy of `../content` in `$TMPDIR/sakip-site-fuzz-<pid>`, made once per process. libFuzzer
/// ends with `exit`, so nothing is dropped: copies left by earlier runs are removed here.
fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let tmp = std::env::temp_dir();
        for entry in std::fs::read_dir(&tmp).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(pid) = name.strip_prefix(PREFIX)
                && !Path::new("/proc").join(pid).exists()
            {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        let root = tmp.join(format!("{PREFIX}{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        copy_dir(&source, &root.join("content"));
        let originals =
            FILES.iter().map(|f| std::fs::read(root.join("content").join(f)).unwrap_or_default()).collect();
        Site { root, originals }
    })
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read example content") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let site = site();
    let index = usize::from(pick) % FILES.len();
    let path = site.root.join("content").join(FILES[index]);
    std::fs::write(&path, bytes).expect("write input");
    let checked = check(&site.root, chrono_date());
    std::fs::write(&path, &site.originals[index]).expect("restore");
    let checked = checked.expect("content folder exists");
    for format in [Format::Human, Format::Github, Format::Json] {
        let _ = diagnostics::render(&checked.diagnostics, &checked.sources, format, Lang::En, false);
    }
});

fn chrono_date() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2024, 6, 30)
}
