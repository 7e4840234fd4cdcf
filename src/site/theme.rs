//! Themes: templates and static files looked up in the site's theme, then in its
//! `themes/default/`, then in the default theme built into the binary, so a site can override one
//! template or stylesheet and keep the rest (SPEC §5.1).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use minijinja::{Environment, UndefinedBehavior};

use crate::diagnostics::{Code, Diagnostics, Loc, Message};

macro_rules! embedded {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/", $dir, "/", $name))),)*]
    };
}

/// The default theme's templates, built in.
const TEMPLATES: &[(&str, &str)] = embedded!("templates":
    "base.html", "macros.html", "dashboard.html", "indikator.html", "tahun.html", "cascading.html",
    "unduh.html", "halaman.html", "cari.html", "riwayat.html", "404.html", "bukti-dukung.html",
    "lke.html", "bagian-bukti.html", "bagian-proyeksi.html", "tabel-lke.html", "pk.html",
    "bagian-pk.html", "bagian-analisis.html", "tabel-ukur.html", "tahun-program.html",
    "kepala.html", "menu.html", "kaki.html",
);

/// The default theme's static files, built in.
const STATIC: &[(&str, &str)] = embedded!("static": "style.css", "cari.js");

/// A theme ready to render: every template parsed once, shared by all pages.
pub struct Theme {
    /// The template environment (strict: an undefined value is an error, not a blank).
    pub env: Environment<'static>,
    /// Static files to copy, by path under `static/`.
    pub statics: Vec<(String, Vec<u8>)>,
    /// The file each template was read from, as shown to the user, by template name.
    origins: HashMap<String, String>,
    /// The fingerprint of every template's name and source, for the partial render.
    pub fingerprint: u64,
}

impl Theme {
    /// Report a template error at the file and line where it happened: the template that
    /// failed (an included or extended one, when the error is there), in the layer it came from.
    pub fn report(&self, diags: &mut Diagnostics, rendered: &str, e: &minijinja::Error) {
        let name = e.name().unwrap_or(rendered);
        let shown = self.origins.get(name).map_or(name, String::as_str);
        report(diags, shown, e.line(), &format!("{e:#}"));
    }
}

/// Where each file of a theme comes from, most specific first.
struct Layers {
    dirs: Vec<(PathBuf, String)>,
    /// The site's `themes/` and `content/`, resolved: a theme file (or folder) whose real path
    /// is elsewhere, through a symbolic link, is never read (SPEC §5, issue 12 item 3).
    site: Vec<PathBuf>,
}

impl Layers {
    fn new(root: &Path, tema: &str) -> Layers {
        let mut dirs = vec![(root.join("themes").join(tema), format!("themes/{tema}"))];
        if tema != "default" {
            dirs.push((root.join("themes/default"), "themes/default".to_string()));
        }
        let site = std::fs::canonicalize(root)
            .map(|real| vec![real.join("themes"), real.join("content")])
            .unwrap_or_default();
        Layers { dirs, site }
    }

    /// Whether every layer folder that exists lies inside the site; reports those that do not.
    fn folders_inside(&self, diags: &mut Diagnostics) -> bool {
        let outside: Vec<&String> = self
            .dirs
            .iter()
            .filter(|(dir, _)| dir.exists() && !self.inside(dir))
            .map(|(_, shown)| shown)
            .collect();
        for shown in &outside {
            report_outside(diags, shown);
        }
        outside.is_empty()
    }

    /// Whether `path` really lies in the site's `themes/` or `content/`.
    fn inside(&self, path: &Path) -> bool {
        std::fs::canonicalize(path).is_ok_and(|real| self.site.iter().any(|dir| real.starts_with(dir)))
    }

    /// The file `path` (shown as `shown`) read with `read`, unless it leads outside the site.
    fn read<T>(
        &self,
        path: &Path,
        shown: &str,
        diags: &mut Diagnostics,
        read: fn(&Path) -> std::io::Result<T>,
    ) -> Option<T> {
        if !self.inside(path) {
            report_outside(diags, shown);
            return None;
        }
        read(path).map_err(|e| report(diags, shown, None, &e.to_string())).ok()
    }

    /// The first file `kind/name` on disk, with its display path.
    fn find(&self, kind: &str, name: &str) -> Option<(PathBuf, String)> {
        self.dirs
            .iter()
            .map(|(dir, shown)| (dir.join(kind).join(name), format!("{shown}/{kind}/{name}")))
            .find(|(p, _)| p.is_file())
    }

    /// Names of files under `kind/` in any layer (extra templates or assets a theme adds).
    fn extra(&self, kind: &str) -> Vec<String> {
        let mut names: Vec<String> = self
            .dirs
            .iter()
            .filter_map(|(dir, _)| std::fs::read_dir(dir.join(kind)).ok())
            .flat_map(|entries| entries.filter_map(|e| e.ok()))
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

/// Load the theme `tema` of the site at `root`. Template syntax errors become diagnostics.
pub fn load(root: &Path, tema: &str, diags: &mut Diagnostics) -> Option<Theme> {
    let layers = Layers::new(root, tema);
    if !layers.folders_inside(diags) {
        return None;
    }
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    crate::site::filters::register(&mut env);
    crate::site::html::register(&mut env);
    crate::site::rows::register(&mut env);
    env.set_formatter(crate::site::escape::formatter);
    let mut names: Vec<String> = TEMPLATES.iter().map(|(n, _)| n.to_string()).collect();
    names.extend(layers.extra("templates"));
    names.sort();
    names.dedup();
    let mut ok = true;
    let mut origins = HashMap::new();
    let mut sources = Vec::new();
    for name in names {
        let (source, shown) = match layers.find("templates", &name) {
            Some((path, shown)) => match layers.read(&path, &shown, diags, |p| std::fs::read_to_string(p)) {
                Some(text) => (text, shown),
                None => {
                    ok = false;
                    continue;
                }
            },
            None => match TEMPLATES.iter().find(|(n, _)| *n == name) {
                Some((_, text)) => (text.to_string(), format!("themes/default/templates/{name}")),
                None => continue,
            },
        };
        sources.push((name.clone(), source.clone()));
        if let Err(e) = env.add_template_owned(name.clone(), source) {
            report(diags, &shown, e.line(), &e.to_string());
            ok = false;
        }
        origins.insert(name, shown);
    }
    let statics = statics(&layers, diags)?;
    let fingerprint = super::reuse::fingerprint(&sources);
    ok.then_some(Theme { env, statics, origins, fingerprint })
}

fn statics(layers: &Layers, diags: &mut Diagnostics) -> Option<Vec<(String, Vec<u8>)>> {
    let mut names: Vec<String> = STATIC.iter().map(|(n, _)| n.to_string()).collect();
    names.extend(layers.extra("static"));
    names.sort();
    names.dedup();
    let mut out = Vec::new();
    for name in names {
        let bytes = match layers.find("static", &name) {
            Some((path, shown)) => layers.read(&path, &shown, diags, |p| std::fs::read(p))?,
            None => STATIC.iter().find(|(n, _)| *n == name).map(|(_, t)| t.as_bytes().to_vec())?,
        };
        out.push((name, bytes));
    }
    Some(out)
}

/// A theme file or folder that leads outside the site, at that file.
fn report_outside(diags: &mut Diagnostics, shown: &str) {
    diags.error(
        Code::ThemeEscape,
        Loc::file(&Arc::from(shown)),
        Message::new(
            format!("`{shown}` menunjuk ke luar folder themes/ dan content/ (tautan simbolik?): tidak dibaca dan tidak diterbitkan"),
            format!("`{shown}` points outside themes/ and content/ (a symbolic link?): it is neither read nor published"),
        ),
    );
}

/// A template problem as a diagnostic at the template's file and line.
pub fn report(diags: &mut Diagnostics, shown: &str, line: Option<usize>, detail: &str) {
    let file: Arc<str> = Arc::from(shown);
    let loc = Loc { line: line.unwrap_or(1) as u32, ..Loc::file(&file) };
    diags.error(
        Code::Template,
        loc,
        Message::new(
            format!("templat tidak dapat dipakai: {detail}"),
            format!("template cannot be used: {detail}"),
        ),
    );
}
