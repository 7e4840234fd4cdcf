//! Readers for the files of a year folder (SPEC §2.4–§2.8) and the evidence they point at.
//!
//! Rules that concern one entry alone (a `dikoreksi` without its reason, survey counts that do
//! not add up, a missing evidence file) are checked here, where the entry is read; rules that
//! join files are in `validate`.

use std::collections::HashMap;
use std::fs::Metadata;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rust_decimal::Decimal;

use crate::content::keys::year::{
    ANGGOTA, BUKTI, CAPAIAN, DATA_DUKUNG_WAJIB, EVALUASI, EVALUASI_ENTRI, LKE, REALISASI, REKOMENDASI,
    RENCANA_AKSI, RENCANA_AKSI_INDIKATOR, SKM, SURVEI, TIM, VALIDASI, VALIDASI_ENTRI,
};
use crate::content::model::*;
use crate::content::plan::link;
use crate::content::reader::{Choice, Ctx, Map};
use crate::content::tree::Node;
use crate::diagnostics::Code;

/// What a year-folder reader needs to know besides the YAML.
pub struct Folder<'a> {
    /// The year of the folder.
    pub year: i32,
    /// `content/` on disk.
    pub content_dir: &'a Path,
    /// `content/` canonicalised, to detect symlinks that leave it.
    pub content_canon: &'a Path,
    /// Whether each folder that holds evidence is inside `content/`, found once per folder.
    pub folders_inside: FoldersInside,
}

/// Folders found inside `content/` or not, by their path on disk. The quarterly files are
/// read side by side, so the record is shared under a lock.
#[derive(Debug, Default)]
pub struct FoldersInside(Mutex<HashMap<PathBuf, bool>>);

impl Folder<'_> {
    /// Whether the folder `dir` resolves to a place inside `content/`.
    fn folder_inside(&self, dir: &Path) -> bool {
        let mut known = self.folders_inside.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(&inside) = known.get(dir) {
            return inside;
        }
        let inside = std::fs::canonicalize(dir).is_ok_and(|p| p.starts_with(self.content_canon));
        known.insert(dir.to_path_buf(), inside);
        inside
    }

    /// Where the evidence file `on_disk` is. A regular file lies where its folder does, so only
    /// a symbolic link is resolved on its own: one `lstat` per file, and one resolution per
    /// folder (a site cites thousands of files from a few folders).
    fn evidence(&self, on_disk: &Path) -> Evidence {
        let Ok(link) = std::fs::symlink_metadata(on_disk) else { return Evidence::Missing };
        let (inside, metadata) = if link.file_type().is_symlink() {
            let inside = std::fs::canonicalize(on_disk).is_ok_and(|p| p.starts_with(self.content_canon));
            (inside, std::fs::metadata(on_disk).ok())
        } else {
            (on_disk.parent().is_some_and(|dir| self.folder_inside(dir)), Some(link))
        };
        match metadata {
            _ if !inside => Evidence::Outside,
            Some(metadata) if metadata.is_file() => Evidence::File(metadata),
            _ => Evidence::NotAFile,
        }
    }
}

/// What an evidence path names on disk.
enum Evidence {
    Missing,
    /// It resolves outside `content/` (a symbolic link, or a folder that is one).
    Outside,
    NotAFile,
    File(Metadata),
}

impl Choice for Periode {
    const ALL: &'static [(&'static str, Self)] = &[
        ("1", Periode::Triwulan(1)),
        ("2", Periode::Triwulan(2)),
        ("3", Periode::Triwulan(3)),
        ("4", Periode::Triwulan(4)),
        ("tahunan", Periode::Tahunan),
    ];
}

/// Evaluation periods are written `TW1`…`TW4` or `TAHUN`.
#[derive(Clone, Copy, PartialEq)]
pub(crate) struct PeriodeEvaluasi(Periode);

impl Choice for PeriodeEvaluasi {
    const ALL: &'static [(&'static str, Self)] = &[
        ("TW1", PeriodeEvaluasi(Periode::Triwulan(1))),
        ("TW2", PeriodeEvaluasi(Periode::Triwulan(2))),
        ("TW3", PeriodeEvaluasi(Periode::Triwulan(3))),
        ("TW4", PeriodeEvaluasi(Periode::Triwulan(4))),
        ("TAHUN", PeriodeEvaluasi(Periode::Tahunan)),
    ];
}

impl Choice for StatusValidasi {
    const ALL: &'static [(&'static str, Self)] = &[
        ("sah", StatusValidasi::Sah),
        ("dikoreksi", StatusValidasi::Dikoreksi),
        ("ditolak", StatusValidasi::Ditolak),
    ];
}

impl Choice for JenisEvaluasi {
    const ALL: &'static [(&'static str, Self)] = &[
        ("berkala", JenisEvaluasi::Berkala),
        ("tahunan", JenisEvaluasi::Tahunan),
        ("eksternal", JenisEvaluasi::Eksternal),
    ];
}

impl Choice for JenisTindakLanjut {
    const ALL: &'static [(&'static str, Self)] = &[
        ("kebijakan-operasional", JenisTindakLanjut::KebijakanOperasional),
        ("revisi-renstra", JenisTindakLanjut::RevisiRenstra),
        ("perubahan-anggaran", JenisTindakLanjut::PerubahanAnggaran),
        ("reward", JenisTindakLanjut::Reward),
        ("punishment", JenisTindakLanjut::Punishment),
    ];
}

impl Choice for StatusTindakLanjut {
    const ALL: &'static [(&'static str, Self)] = &[
        ("belum", StatusTindakLanjut::Belum),
        ("proses", StatusTindakLanjut::Proses),
        ("selesai", StatusTindakLanjut::Selesai),
    ];
}

impl Choice for Peran {
    const ALL: &'static [(&'static str, Self)] =
        &[("ketua", Peran::Ketua), ("sekretaris", Peran::Sekretaris), ("anggota", Peran::Anggota)];
}

impl Choice for PeriodeSurvei {
    const ALL: &'static [(&'static str, Self)] = &[
        ("TW1", PeriodeSurvei::Tw(1)),
        ("TW2", PeriodeSurvei::Tw(2)),
        ("TW3", PeriodeSurvei::Tw(3)),
        ("TW4", PeriodeSurvei::Tw(4)),
        ("S1", PeriodeSurvei::S1),
        ("S2", PeriodeSurvei::S2),
        ("TAHUN", PeriodeSurvei::Tahun),
    ];
}

/// Check `tahun:` against the folder (required in the files whose key table says so).
pub(super) fn tahun(ctx: &mut Ctx, map: &Map, folder: &Folder) {
    let Some(year) = map.get(ctx, "tahun").and_then(|n| ctx.year(n)) else { return };
    if year.value != folder.year {
        ctx.error(
            Code::YearMismatch,
            year.loc,
            format!("tahun {} tidak sesuai dengan folder {}/", year.value, folder.year),
            format!("tahun {} does not match its folder {}/", year.value, folder.year),
        );
    }
}

/// Read `rencana-aksi.yaml`.
pub fn rencana_aksi(ctx: &mut Ctx, root: &Node, folder: &Folder) -> Option<RencanaAksi> {
    let map = ctx.map(root, RENCANA_AKSI)?;
    tahun(ctx, &map, folder);
    let indikator = map.get(ctx, "indikator").map(|n| ctx.list(n, rencana_aksi_entry)).unwrap_or_default();
    Some(RencanaAksi { indikator })
}

fn rencana_aksi_entry(ctx: &mut Ctx, node: &Node) -> Option<RencanaAksiEntry> {
    let map = ctx.map(node, RENCANA_AKSI_INDIKATOR)?;
    let id = map.get(ctx, "id").and_then(|n| ctx.id(n));
    let penanggung_jawab = map.get(ctx, "penanggung_jawab").and_then(|n| ctx.text(n));
    let mut units = Vec::new();
    let targets = map.get(ctx, "target_triwulan").and_then(|n| {
        let loc = map.key_loc(ctx, "target_triwulan");
        // An invalid target is reported where it is written; counting the others or comparing
        // them with the year's target would only add noise about the same mistake.
        let targets: Option<Vec<_>> =
            ctx.list(n, |ctx, t| Some(ctx.target(t, &mut units))).into_iter().collect();
        Some(Spanned::new(targets?, loc))
    });
    let data_dukung = map.get(ctx, "data_dukung").map(|n| ctx.list(n, data_dukung_wajib)).unwrap_or_default();
    Some(RencanaAksiEntry {
        id: id?,
        penanggung_jawab: penanggung_jawab?,
        target_triwulan: targets?,
        units,
        data_dukung,
    })
}

fn data_dukung_wajib(ctx: &mut Ctx, node: &Node) -> Option<DataDukungWajib> {
    let map = ctx.map(node, DATA_DUKUNG_WAJIB)?;
    let jenis_node = map.get(ctx, "jenis")?;
    let loc = ctx.loc(jenis_node);
    let jenis = ctx.text(jenis_node)?;
    let triwulan = map.get(ctx, "triwulan").map(|n| ctx.list(n, quarter)).unwrap_or_default();
    Some(DataDukungWajib { jenis: Spanned::new(jenis, loc), triwulan })
}

fn quarter(ctx: &mut Ctx, node: &Node) -> Option<u8> {
    ctx.integer(node, 1..=4).map(|q| q.value as u8)
}

/// Read `realisasi/tw<quarter>.yaml`.
pub fn realisasi(ctx: &mut Ctx, root: &Node, folder: &Folder, quarter: u8) -> Option<Realisasi> {
    let map = ctx.map(root, REALISASI)?;
    tahun(ctx, &map, folder);
    if let Some(q) = map.get(ctx, "triwulan").and_then(|n| ctx.integer(n, 1..=4))
        && q.value != i64::from(quarter)
    {
        ctx.error(
            Code::QuarterMismatch,
            q.loc,
            format!("triwulan {} tidak sesuai dengan nama berkas tw{quarter}.yaml", q.value),
            format!("triwulan {} does not match the file name tw{quarter}.yaml", q.value),
        );
    }
    let dilaporkan = map.sub(ctx, "dilaporkan").and_then(|m| {
        let oleh = m.get(ctx, "oleh").and_then(|n| ctx.text(n));
        let tanggal = m.get(ctx, "tanggal").and_then(|n| ctx.date(n));
        Some((oleh?, tanggal?))
    });
    let capaian =
        map.get(ctx, "capaian").map(|n| ctx.list(n, |ctx, n| capaian(ctx, n, folder))).unwrap_or_default();
    let (oleh, tanggal) = dilaporkan?;
    Some(Realisasi { oleh, tanggal, capaian })
}

fn capaian(ctx: &mut Ctx, node: &Node, folder: &Folder) -> Option<CapaianEntry> {
    let map = ctx.map(node, CAPAIAN)?;
    let indikator = map.get(ctx, "indikator").and_then(|n| ctx.id(n));
    let mut units = Vec::new();
    let realisasi = map.raw(ctx, "realisasi").and_then(|n| ctx.figure_with_unit(n, &mut units));
    let catatan = map.get(ctx, "catatan").and_then(|n| ctx.markdown(n));
    let data_dukung =
        map.get(ctx, "data_dukung").map(|n| ctx.list(n, |ctx, n| bukti(ctx, n, folder))).unwrap_or_default();
    Some(CapaianEntry { indikator: indikator?, realisasi: realisasi?, units, catatan, data_dukung })
}

/// A piece of evidence: `{jenis, berkas}` or `{jenis, tautan}`.
fn bukti(ctx: &mut Ctx, node: &Node, folder: &Folder) -> Option<Bukti> {
    let map = ctx.map(node, BUKTI)?;
    let jenis = map.get(ctx, "jenis").and_then(|n| ctx.text(n));
    let berkas = map.get(ctx, "berkas");
    let tautan = map.get(ctx, "tautan");
    // A bad path or link is reported here; the evidence keeps its `jenis` so that the
    // required-evidence rule does not also call it "not reported".
    let sumber = match (berkas, tautan) {
        (Some(b), None) => berkas_path(ctx, b, folder).map_or(BuktiSumber::Tidak, BuktiSumber::Berkas),
        (None, Some(t)) => link(ctx, t).map_or(BuktiSumber::Tidak, |l| BuktiSumber::Tautan(l.value)),
        (Some(_), Some(_)) => {
            ctx.error(
                Code::InvalidValue,
                map.loc.clone(),
                "data dukung berisi `berkas` atau `tautan`, tidak keduanya",
                "evidence has `berkas` or `tautan`, not both",
            );
            return None;
        }
        (None, None) => {
            ctx.warning(
                Code::MissingFile,
                map.loc.clone(),
                "data dukung tanpa `berkas` maupun `tautan`: pembaca tidak dapat memeriksanya",
                "evidence with neither `berkas` nor `tautan`: readers cannot check it",
            );
            BuktiSumber::Tidak
        }
    };
    Some(Bukti { jenis, sumber, loc: map.loc })
}

/// Resolve an evidence path (relative to the year folder) to a path relative to `content/`,
/// refusing anything that could read outside `content/` or is not a regular file.
fn berkas_path(ctx: &mut Ctx, node: &Node, folder: &Folder) -> Option<PathBuf> {
    let s = ctx.string(node)?;
    let text = s.value.as_str();
    let relative = Path::new(text);
    let escapes = text.contains('\\')
        || text.contains(':')
        || relative.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes {
        ctx.error(
            Code::PathEscape,
            s.loc,
            format!("path `{text}` harus relatif terhadap folder tahun, dengan `/`, tanpa `..`"),
            format!("path `{text}` must be relative to the year folder, with `/`, without `..`"),
        );
        return None;
    }
    // Without `.` segments: the path names the published file and its link (`bukti/…`).
    let plain: PathBuf = relative.components().filter(|c| matches!(c, Component::Normal(_))).collect();
    let in_content = Path::new(&folder.year.to_string()).join(plain);
    let on_disk = folder.content_dir.join(&in_content);
    let shown = format!("content/{}", in_content.display());
    let metadata = match folder.evidence(&on_disk) {
        Evidence::File(metadata) => metadata,
        Evidence::Missing => {
            ctx.error(
                Code::MissingFile,
                s.loc,
                format!("berkas data dukung `{shown}` tidak ditemukan"),
                format!("evidence file `{shown}` does not exist"),
            );
            return None;
        }
        Evidence::Outside => {
            ctx.error(
                Code::PathEscape,
                s.loc,
                format!("`{shown}` menunjuk ke luar folder content/ (tautan simbolik?)"),
                format!("`{shown}` points outside content/ (a symbolic link?)"),
            );
            return None;
        }
        Evidence::NotAFile => {
            ctx.error(
                Code::NotAFile,
                s.loc,
                format!("`{shown}` bukan berkas biasa"),
                format!("`{shown}` is not a regular file"),
            );
            return None;
        }
    };
    super::evidence::publishable(ctx, s.loc, &shown, &metadata).then_some(in_content)
}

/// Read `validasi.yaml`.
pub fn validasi(ctx: &mut Ctx, root: &Node, folder: &Folder) -> Option<Validasi> {
    let map = ctx.map(root, VALIDASI)?;
    tahun(ctx, &map, folder);
    let validasi = map.get(ctx, "validasi").map(|n| ctx.list(n, validasi_entry)).unwrap_or_default();
    Some(Validasi { validasi })
}

fn validasi_entry(ctx: &mut Ctx, node: &Node) -> Option<ValidasiEntry> {
    let map = ctx.map(node, VALIDASI_ENTRI)?;
    let indikator = map.get(ctx, "indikator").and_then(|n| ctx.id(n));
    let periode = map.get(ctx, "triwulan").and_then(|n| ctx.choice(n));
    let status = map.get(ctx, "status").and_then(|n| ctx.choice::<StatusValidasi>(n));
    let capaian_terkoreksi = map.get(ctx, "capaian_terkoreksi").and_then(|n| ctx.required_figure(n));
    let alasan = map.get(ctx, "alasan").and_then(|n| ctx.text(n));
    let oleh = map.get(ctx, "oleh").and_then(|n| ctx.text(n));
    let tanggal = map.get(ctx, "tanggal").and_then(|n| ctx.date(n));
    let status = status?;
    if let Some(c) = capaian_terkoreksi.as_ref().filter(|_| status.value != StatusValidasi::Dikoreksi) {
        ctx.warning(
            Code::InvalidValue,
            c.loc.clone(),
            "`capaian_terkoreksi` hanya dipakai bila status `dikoreksi`; nilai ini diabaikan",
            "`capaian_terkoreksi` is only used with status `dikoreksi`; this value is ignored",
        );
    }
    let needs_correction = status.value == StatusValidasi::Dikoreksi && capaian_terkoreksi.is_none();
    let needs_reason = status.value != StatusValidasi::Sah && alasan.is_none();
    for (missing, key) in [(needs_correction, "capaian_terkoreksi"), (needs_reason, "alasan")] {
        if missing {
            let word = if status.value == StatusValidasi::Dikoreksi { "dikoreksi" } else { "ditolak" };
            ctx.error(
                Code::IncompleteValidation,
                status.loc.clone(),
                format!("status `{word}` memerlukan `{key}`"),
                format!("status `{word}` requires `{key}`"),
            );
        }
    }
    Some(ValidasiEntry {
        indikator: indikator?,
        periode: periode?,
        status,
        capaian_terkoreksi,
        alasan,
        oleh: oleh?,
        tanggal: tanggal?,
    })
}

/// Read `evaluasi.yaml`.
pub fn evaluasi(ctx: &mut Ctx, root: &Node, folder: &Folder) -> Option<Evaluasi> {
    let map = ctx.map(root, EVALUASI)?;
    tahun(ctx, &map, folder);
    let evaluasi = map.get(ctx, "evaluasi").map(|n| ctx.list(n, |ctx, n| evaluasi_entry(ctx, n, folder)));
    Some(Evaluasi { evaluasi: evaluasi.unwrap_or_default() })
}

fn evaluasi_entry(ctx: &mut Ctx, node: &Node, folder: &Folder) -> Option<EvaluasiEntry> {
    let map = ctx.map(node, EVALUASI_ENTRI)?;
    let id = map.get(ctx, "id").and_then(|n| ctx.id(n));
    let jenis = map.get(ctx, "jenis").and_then(|n| ctx.choice::<JenisEvaluasi>(n));
    let periode = map.get(ctx, "periode").and_then(|n| ctx.choice::<PeriodeEvaluasi>(n));
    let periode = periode.map(|p| Spanned::new(p.value.0, p.loc));
    let oleh = map.get(ctx, "oleh").and_then(|n| ctx.text(n));
    let tanggal = map.get(ctx, "tanggal").and_then(|n| ctx.date(n));
    let temuan = map.get(ctx, "temuan").and_then(|n| ctx.markdown(n));
    let rekomendasi = map.get(ctx, "rekomendasi").map(|n| ctx.list(n, |ctx, n| rekomendasi(ctx, n, folder)));
    let (jenis, periode) = (jenis?, periode?);
    let fits = match jenis.value {
        JenisEvaluasi::Berkala => matches!(periode.value, Periode::Triwulan(_)),
        JenisEvaluasi::Tahunan => periode.value == Periode::Tahunan,
        JenisEvaluasi::Eksternal => true,
    };
    if !fits {
        ctx.error(
            Code::EvaluationPeriod,
            periode.loc.clone(),
            "evaluasi berkala menilai triwulan (TW1–TW4); evaluasi tahunan menilai TAHUN",
            "a berkala evaluation covers a quarter (TW1–TW4); a tahunan evaluation covers TAHUN",
        );
    }
    Some(EvaluasiEntry {
        id: id?,
        jenis,
        periode,
        oleh: oleh?,
        tanggal: tanggal?,
        temuan,
        rekomendasi: rekomendasi.unwrap_or_default(),
    })
}

fn rekomendasi(ctx: &mut Ctx, node: &Node, folder: &Folder) -> Option<Rekomendasi> {
    let map = ctx.map(node, REKOMENDASI)?;
    let id = map.get(ctx, "id").and_then(|n| ctx.id(n));
    let uraian = map.get(ctx, "uraian").and_then(|n| ctx.text(n));
    let diterima = map.get(ctx, "diterima").and_then(|n| ctx.date(n));
    let indikator = map.get(ctx, "indikator").map(|n| ctx.list(n, |ctx, n| ctx.id(n))).unwrap_or_default();
    let tindak_lanjut = map.sub(ctx, "tindak_lanjut").and_then(|m| tindak_lanjut_of(ctx, m, folder));
    let diterima = diterima?;
    if let Some(done) =
        tindak_lanjut.as_ref().and_then(|t| t.selesai.as_ref()).filter(|d| d.value < diterima.value)
    {
        ctx.error(
            Code::InvalidDate,
            done.loc.clone(),
            format!("tanggal selesai {} sebelum rekomendasi diterima ({})", done.value, diterima.value),
            format!(
                "completion date {} is before the recommendation was received ({})",
                done.value, diterima.value
            ),
        );
    }
    Some(Rekomendasi { id: id?, uraian: uraian?, diterima, indikator, tindak_lanjut })
}

fn tindak_lanjut_of(ctx: &mut Ctx, map: Map, folder: &Folder) -> Option<TindakLanjut> {
    let jenis = map.get(ctx, "jenis").and_then(|n| ctx.choice(n));
    let uraian = map.get(ctx, "uraian").and_then(|n| ctx.text(n));
    let status = map.get(ctx, "status").and_then(|n| ctx.choice::<StatusTindakLanjut>(n));
    let selesai = map.get(ctx, "selesai").and_then(|n| ctx.date(n));
    let bukti =
        map.get(ctx, "bukti").map(|n| ctx.list(n, |ctx, n| bukti(ctx, n, folder))).unwrap_or_default();
    let status = status?;
    if status.value == StatusTindakLanjut::Selesai && selesai.is_none() && !map.has("selesai") {
        ctx.error(
            Code::MissingCompletionDate,
            status.loc.clone(),
            "status `selesai` memerlukan tanggal `selesai`",
            "status `selesai` requires the date `selesai`",
        );
    }
    if let Some(d) = selesai.as_ref().filter(|_| status.value != StatusTindakLanjut::Selesai) {
        ctx.warning(
            Code::InvalidValue,
            d.loc.clone(),
            "tanggal `selesai` hanya dipakai bila status `selesai`; tindak lanjut ini dihitung belum selesai",
            "the `selesai` date only counts with status `selesai`; this follow-up counts as not done",
        );
    }
    Some(TindakLanjut { jenis: jenis?, uraian, status, selesai, bukti })
}

/// Read `tim.yaml`.
pub fn tim(ctx: &mut Ctx, root: &Node, folder: &Folder) -> Option<Tim> {
    let map = ctx.map(root, TIM)?;
    tahun(ctx, &map, folder);
    let sk = map.sub(ctx, "sk").and_then(|m| {
        let nomor = m.get(ctx, "nomor").and_then(|n| ctx.string(n));
        let tanggal = m.get(ctx, "tanggal").and_then(|n| ctx.date(n));
        Some((nomor?.value, tanggal?))
    });
    let anggota = map.get(ctx, "anggota").map(|n| ctx.list(n, anggota)).unwrap_or_default();
    let (sk_nomor, sk_tanggal) = sk?;
    Some(Tim { sk_nomor, sk_tanggal, anggota })
}

fn anggota(ctx: &mut Ctx, node: &Node) -> Option<Anggota> {
    let map = ctx.map(node, ANGGOTA)?;
    let nama = map.get(ctx, "nama").and_then(|n| ctx.string(n));
    let jabatan = map.get(ctx, "jabatan").and_then(|n| ctx.text(n));
    let peran = map.get(ctx, "peran").and_then(|n| ctx.choice::<Peran>(n));
    Some(Anggota { nama: nama?.value, jabatan: jabatan?, peran: peran?.value })
}

/// Read `skm.yaml`.
pub fn skm(ctx: &mut Ctx, root: &Node, folder: &Folder) -> Option<Skm> {
    let map = ctx.map(root, SKM)?;
    tahun(ctx, &map, folder);
    let survei = map.get(ctx, "survei").map(|n| ctx.list(n, survei)).unwrap_or_default();
    Some(Skm { survei })
}

fn survei(ctx: &mut Ctx, node: &Node) -> Option<Survei> {
    let map = ctx.map(node, SURVEI)?;
    let periode = map.get(ctx, "periode").and_then(|n| ctx.choice::<PeriodeSurvei>(n));
    let responden = map.get(ctx, "responden").and_then(|n| ctx.integer(n, 1..=i64::from(u32::MAX)));
    let data = match (map.has("unsur"), map.has("nrr")) {
        (true, false) => {
            map.require(ctx, "responden");
            let tallies_map = map.sub(ctx, "unsur");
            tallies_map.and_then(|m| tallies(ctx, m, responden.as_ref().map(|r| r.value as u64)))
        }
        (false, true) => map.sub(ctx, "nrr").and_then(|m| nrr(ctx, m)),
        _ => {
            ctx.error(
                Code::SurveySource,
                map.loc.clone(),
                "survei memuat tepat satu dari `unsur` (jumlah jawaban) atau `nrr` (nilai per unsur)",
                "a survey has exactly one of `unsur` (answer counts) or `nrr` (scores per unsur)",
            );
            None
        }
    };
    Some(Survei { periode: periode?, responden: responden.map(|r| r.value as u64), data: data? })
}

fn tallies(ctx: &mut Ctx, map: Map, responden: Option<u64>) -> Option<SurveiData> {
    let mut out = [[0u64; 4]; 9];
    let mut complete = true;
    for (slot, key) in out.iter_mut().zip(map.keys()) {
        let key = key.name;
        let Some(n) = map.get(ctx, key) else {
            complete = false;
            continue;
        };
        let loc = map.key_loc(ctx, key);
        let counts = ctx.list(n, |ctx, c| ctx.integer(c, 0..=i64::from(u32::MAX)).map(|v| v.value as u64));
        let (Ok(counts), true) =
            (<[u64; 4]>::try_from(counts.as_slice()), matches!(n, Node::Sequence(s) if s.len() == 4))
        else {
            ctx.error(
                Code::SurveyCount,
                loc,
                format!("{key} harus berisi 4 bilangan: jumlah jawaban bernilai 1, 2, 3, 4"),
                format!("{key} must hold 4 counts: the answers valued 1, 2, 3, 4"),
            );
            complete = false;
            continue;
        };
        let sum: u64 = counts.iter().sum();
        if let Some(r) = responden.filter(|r| *r != sum) {
            ctx.error(
                Code::SurveyCount,
                loc,
                format!("jumlah jawaban {key} = {sum}, tidak sama dengan responden = {r}"),
                format!("{key} answers add up to {sum}, not to responden = {r}"),
            );
            complete = false;
        }
        *slot = counts;
    }
    complete.then_some(SurveiData::Unsur(out))
}

fn nrr(ctx: &mut Ctx, map: Map) -> Option<SurveiData> {
    let mut out = [Decimal::ZERO; 9];
    let mut complete = true;
    for (slot, key) in out.iter_mut().zip(map.keys()) {
        let key = key.name;
        match map.get(ctx, key).and_then(|n| ctx.required_figure(n)) {
            Some(v) if v.value >= Decimal::ONE && v.value <= Decimal::from(4) => *slot = v.value,
            Some(v) => {
                ctx.error(
                    Code::OutOfRange,
                    v.loc,
                    format!("NRR {key} = {} di luar 1,00–4,00", v.value),
                    format!("NRR {key} = {} is outside 1.00–4.00", v.value),
                );
                complete = false;
            }
            None => complete = false,
        }
    }
    complete.then_some(SurveiData::Nrr(out))
}

/// Read `lke.yaml`.
pub fn lke(ctx: &mut Ctx, root: &Node, folder: &Folder) -> Option<Lke> {
    let map = ctx.map(root, LKE)?;
    tahun(ctx, &map, folder);
    let m = map.sub(ctx, "komponen")?;
    let mut score = |key: &str| {
        let v = m.get(ctx, key).and_then(|n| ctx.required_figure(n))?;
        if v.value < Decimal::ZERO || v.value > Decimal::ONE_HUNDRED {
            ctx.error(
                Code::OutOfRange,
                v.loc,
                format!("nilai {key} = {} di luar 0–100", v.value),
                format!("score {key} = {} is outside 0–100", v.value),
            );
            return None;
        }
        Some(v)
    };
    let (a, b, c, d) = (score("perencanaan"), score("pengukuran"), score("pelaporan"), score("evaluasi"));
    Some(Lke { perencanaan: a?, pengukuran: b?, pelaporan: c?, evaluasi: d? })
}
