//! Rules that join several files (SPEC §2–§4): unique ids, references that must resolve,
//! quarterly targets against the Renstra, realisations given twice, required evidence.
//!
//! Rules about one value or one entry are applied while loading (`content`); this stage sees the
//! whole model and only adds diagnostics, it never changes the model.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use rayon::prelude::*;

use crate::content::index::{IdMap, IdSet, YearIndex, id_map};
use crate::content::model::*;
use crate::content::reader::suggestion;
use crate::diagnostics::{Code, Diagnostics, Loc, Message};
use crate::number::{Target, Unit};
use rust_decimal::Decimal;

mod pk;

/// Run every cross-file rule on `site`. `as_of`, when known, flags dates in the future.
///
/// The ids come first (every later rule looks indicators up by id), while each year folder's
/// entries are indexed by id. Then five parts run side by side: the indicators' own rules with
/// the plans of the years (rencana aksi, required evidence, validation, evaluations, PK), and
/// each quarter's figures. What needs all four quarters (a realisation given twice) comes last.
/// Each part collects its own diagnostics; they are kept in the order of the parts, so a run's
/// report never depends on which part finished first.
pub fn validate(site: &Site, root: &Path, as_of: Option<NaiveDate>, diags: &mut Diagnostics) {
    // On a thread of the pool, not the caller's: the pool's threads read the files, and their
    // allocator has the room the files' trees left; the caller's thread would take fresh pages
    // from the system, each to be zeroed.
    rayon::scope(|_| validate_on_pool(site, root, as_of, diags));
}

fn validate_on_pool(site: &Site, root: &Path, as_of: Option<NaiveDate>, diags: &mut Diagnostics) {
    let mut ids = Validator::new(diags);
    let ((), indexes) =
        rayon::join(|| ids.plan(site), || site.years.values().map(YearIndex::new).collect::<Vec<_>>());
    let mut plans = Diagnostics::default();
    let mut plans_part = ids.part(&mut plans);
    let (_, quarters) = rayon::join(
        || {
            plans_part.indicators_on_their_own(site);
            if let Some(sakip) = &site.sakip {
                plans_part.sakip(sakip, root);
            }
            plans_part.years_plans(site, &indexes);
        },
        || {
            (1..=4u8)
                .into_par_iter()
                .map(|quarter| ids.quarter_part(site, &indexes, quarter))
                .collect::<Vec<_>>()
        },
    );
    let mut rest = Diagnostics::default();
    let mut rest_part = ids.part(&mut rest);
    let reported: Vec<Vec<IdSet<&str>>> = quarters
        .into_iter()
        .map(|(found, reported)| {
            rest_part.diags.extend(found);
            reported
        })
        .collect();
    rest_part.years_rest(site, &reported, as_of);
    diags.extend(plans);
    diags.extend(rest);
    Validator::new(diags).pages(&site.pages);
}

struct Validator<'s, 'd> {
    diags: &'d mut Diagnostics,
    /// Shared by the parts that run side by side once the ids pass has filled it.
    indicators: Arc<IdMap<&'s str, &'s Indikator>>,
    /// The same indicators in the order of the files, to walk them all without jumping around
    /// the model in the order of a hash table.
    defined: Arc<Vec<&'s Indikator>>,
    /// What is left of [`SUGGESTION_WORK`].
    suggestion_work: usize,
}

/// How much work "did you mean" may do in one run, in candidates times characters of the
/// unknown name: each unknown reference is compared with every known id, so thousands of
/// unknown references against thousands of ids would take minutes. A real site spends a
/// few thousand of it; past it, references are still reported, without a suggestion. The parts
/// of the year folders' rules run side by side, so each may spend what the ids left.
pub const SUGGESTION_WORK: usize = 2_000_000;

/// Tracks ids of one kind and reports the second use of any.
struct Unique<'a> {
    kind: (&'static str, &'static str),
    /// Keys borrowed from the model where they are written there (most are: ids), owned where
    /// they are derived (lower-cased addresses, anchors).
    seen: IdMap<Cow<'a, str>, &'a Loc>,
}

impl<'a> Unique<'a> {
    fn new(id: &'static str, en: &'static str) -> Self {
        Unique { kind: (id, en), seen: id_map(0) }
    }

    /// The same, with room for `n` keys.
    fn with_room(mut self, n: usize) -> Self {
        self.seen.reserve(n);
        self
    }

    /// Record `key`; report it when already seen. Returns true when it is new.
    fn add(&mut self, key: impl Into<Cow<'a, str>>, loc: &'a Loc, diags: &mut Diagnostics) -> bool {
        match self.seen.entry(key.into()) {
            Entry::Occupied(first) => {
                duplicate(self.kind, first.key(), first.get(), loc, diags);
                false
            }
            Entry::Vacant(slot) => {
                slot.insert(loc);
                true
            }
        }
    }
}

/// Report the second use of `key` (a `kind` of id) at `loc`, first used at `first`.
fn duplicate(kind: (&str, &str), key: &dyn fmt::Display, first: &Loc, loc: &Loc, diags: &mut Diagnostics) {
    // Ids of one kind may be spread over several files (indicators in renstra.yaml and
    // cascading.yaml): name the file of the first use when it is another one.
    let (di, on) = if first.file == loc.file {
        (format!("di baris {}", first.line), format!("on line {}", first.line))
    } else {
        let at = format!("{}:{}", first.file, first.line);
        (format!("di {at}"), format!("in {at}"))
    };
    diags.error(
        Code::DuplicateId,
        loc.clone(),
        Message::new(
            format!("{} `{key}` sudah dipakai {di}", kind.0),
            format!("{} `{key}` is already used {on}", kind.1),
        ),
    );
}

impl<'s, 'd> Validator<'s, 'd> {
    fn new(diags: &'d mut Diagnostics) -> Self {
        Validator {
            diags,
            indicators: Arc::new(id_map(0)),
            defined: Arc::default(),
            suggestion_work: SUGGESTION_WORK,
        }
    }

    /// A validator for a part of the rules that runs beside others, writing to `diags`, sharing
    /// what the ids pass found and starting from the "did you mean" allowance it left.
    fn part<'p>(&self, diags: &'p mut Diagnostics) -> Validator<'s, 'p> {
        Validator {
            diags,
            indicators: Arc::clone(&self.indicators),
            defined: Arc::clone(&self.defined),
            suggestion_work: self.suggestion_work,
        }
    }

    /// The rules of one quarter's figures in every year folder, with their own diagnostics and
    /// "did you mean" allowance; returns those diagnostics and, for each year folder, the
    /// indicators the quarter gives a figure for.
    fn quarter_part(
        &self,
        site: &'s Site,
        indexes: &[YearIndex],
        quarter: u8,
    ) -> (Diagnostics, Vec<IdSet<&'s str>>) {
        let mut found = Diagnostics::default();
        let mut part = self.part(&mut found);
        let reported = site
            .years
            .iter()
            .zip(indexes)
            .map(|((&year, y), index)| {
                let file = y.realisasi.get(usize::from(quarter) - 1).and_then(Option::as_ref);
                file.map(|file| part.quarter_figures(year, quarter, file, index, &survey_quarters(y)))
                    .unwrap_or_default()
            })
            .collect();
        (found, reported)
    }

    /// The rules of every year folder that need all its quarters (`reported`: for each folder, what
    /// each quarter gives a figure for): surveys, annual realisations given twice, the folder's
    /// year against the Renstra period, and its dates against `as_of`.
    fn years_rest(&mut self, site: &'s Site, reported: &[Vec<IdSet<&str>>], as_of: Option<NaiveDate>) {
        let period = site.renstra.as_ref().map(|r| &r.periode);
        for (i, (&year, y)) in site.years.iter().enumerate() {
            let survey_quarters = self.surveys(y);
            let in_quarters =
                |id: &str| reported.iter().any(|q| q.get(i).is_some_and(|set| set.contains(id)));
            self.given_twice(year, &survey_quarters, in_quarters);
            if let Some(p) = period {
                self.year_folder(year, y, p);
            }
            if let Some(as_of) = as_of {
                self.future_dates(y, as_of);
            }
        }
    }

    /// The rules of every year folder's plans: rencana aksi and its required evidence,
    /// validation verdicts, evaluations, PK and analysis.
    fn years_plans(&mut self, site: &'s Site, indexes: &[YearIndex]) {
        let codes: Vec<&str> = site.units().iter().map(|(u, _)| u.kode.value.as_str()).collect();
        for ((&year, y), index) in site.years.iter().zip(indexes) {
            if let Some(ra) = &y.rencana_aksi {
                self.rencana_aksi(year, ra, index);
                self.required_evidence(ra, y, index);
            }
            if let Some(v) = &y.validasi {
                self.verdicts(v);
            }
            if let Some(ev) = &y.evaluasi {
                self.evaluations(ev);
            }
            if let Some(pk) = &y.pk {
                self.perjanjian_kinerja(year, pk, &codes);
            }
            if let Some(a) = &y.analisis {
                self.analisis(a, &codes);
            }
        }
    }

    /// The rules of each indicator on its own: its targets and realisations in the Renstra.
    fn indicators_on_their_own(&mut self, site: &Site) {
        let period = site.renstra.as_ref().map(|r| &r.periode);
        for (ind, _) in site.indicators() {
            self.indicator_rules(ind, period);
        }
    }

    fn error(&mut self, code: Code, loc: &Loc, id: String, en: String) {
        self.diags.error(code, loc.clone(), Message::new(id, en));
    }

    fn warning(&mut self, code: Code, loc: &Loc, id: String, en: String) {
        self.diags.warning(code, loc.clone(), Message::new(id, en));
    }

    /// Whether a suggestion for `name` among `candidates` ids fits in what is left of the work.
    fn may_suggest(&mut self, name: &str, candidates: usize) -> bool {
        let cost = candidates.saturating_mul(name.chars().count().max(1));
        let fits = cost <= self.suggestion_work;
        if fits {
            self.suggestion_work -= cost;
        }
        fits
    }

    /// Report a reference `r` to a `kind` that is not among `known`, with the likely typo.
    fn dangling(&mut self, kind: (&str, &str), r: &Spanned<String>, known: &[&str]) {
        self.dangling_as(Code::DanglingReference, kind, r, known);
    }

    /// [`Validator::dangling`] under another `code`.
    fn dangling_as(&mut self, code: Code, kind: (&str, &str), r: &Spanned<String>, known: &[&str]) {
        let d = self.diags.error(
            code,
            r.loc.clone(),
            Message::new(
                format!("{} `{}` tidak didefinisikan", kind.0, r.value),
                format!("{} `{}` is not defined", kind.1, r.value),
            ),
        );
        if let Some(help) = suggestion(&r.value, known) {
            d.with_help(help);
        }
    }

    fn indicator(&mut self, r: &Spanned<String>) -> Option<&'s Indikator> {
        let found = self.indicators.get(r.value.as_str()).copied();
        if found.is_none() {
            let known: Vec<&str> = if self.may_suggest(&r.value, self.indicators.len()) {
                self.indicators.keys().copied().collect()
            } else {
                Vec::new()
            };
            self.dangling(("indikator", "indicator"), r, &known);
        }
        found
    }

    /// Ids of the Renstra and cascading, and references between them.
    fn plan(&mut self, site: &'s Site) {
        let mut tujuan = Unique::new("tujuan", "tujuan");
        let mut sasaran = Unique::new("sasaran", "sasaran");
        let mut sasaran_ids = Vec::new();
        // Sasaran and codes are found on the cascading page by their anchor, which writes `.`
        // and `_` as `-` and ignores letter case: `2.18.04` and `2-18-04` would share one.
        let mut anchors = Unique::new("tautan di halaman cascading", "link on the cascading page");
        if let Some(renstra) = &site.renstra {
            for t in &renstra.tujuan {
                tujuan.add(&t.id.value, &t.id.loc, self.diags);
                for s in &t.sasaran {
                    if sasaran.add(&s.id.value, &s.id.loc, self.diags) {
                        anchors.add(anchor(&s.id.value), &s.id.loc, self.diags);
                    }
                    sasaran_ids.push(s.id.value.as_str());
                }
            }
        }
        let all = site.indicators();
        Arc::make_mut(&mut self.indicators).reserve(all.len());
        Arc::make_mut(&mut self.defined).reserve(all.len());
        // Page addresses are the id in lower case, so `IKU-1` and `iku-1` would share one.
        let mut addresses =
            Unique::new("alamat halaman indikator", "indicator page address").with_room(all.len());
        for (ind, _) in all {
            if self.define(ind) {
                addresses.add(ind.id.value.to_lowercase(), &ind.id.loc, self.diags);
            }
        }
        if let Some(cascading) = &site.cascading {
            let sasaran_set: std::collections::HashSet<&str> = sasaran_ids.iter().copied().collect();
            let mut kode = Unique::new("kode", "code");
            for p in &cascading.program {
                if !sasaran_set.contains(p.sasaran.value.as_str()) && site.renstra.is_some() {
                    let fits = self.may_suggest(&p.sasaran.value, sasaran_ids.len());
                    let known = if fits { &sasaran_ids[..] } else { &[] };
                    self.dangling(("sasaran", "sasaran"), &p.sasaran, known);
                }
            }
            for (unit, _) in site.units() {
                if kode.add(&unit.kode.value, &unit.kode.loc, self.diags) {
                    anchors.add(anchor(&unit.kode.value), &unit.kode.loc, self.diags);
                }
            }
        }
    }

    /// Record `ind` under its id, unique across IKU and cascading indicators (one table both
    /// finds references and reports the second use of an id). Returns true when it is new.
    fn define(&mut self, ind: &'s Indikator) -> bool {
        match Arc::make_mut(&mut self.indicators).entry(&ind.id.value) {
            Entry::Occupied(first) => {
                let kind = ("indikator", "indicator");
                duplicate(kind, &ind.id.value, &first.get().id.loc, &ind.id.loc, self.diags);
                false
            }
            Entry::Vacant(slot) => {
                slot.insert(ind);
                Arc::make_mut(&mut self.defined).push(ind);
                true
            }
        }
    }

    fn indicator_rules(&mut self, ind: &Indikator, period: Option<&Spanned<(i32, i32)>>) {
        for (year, target) in &ind.target {
            let Some(t) = &target.value else { continue };
            self.target_rules(ind, t, &target.loc);
            self.outside_period(*year, &target.loc, period);
        }
        for (year, r) in &ind.realisasi {
            self.outside_period(*year, &r.loc, period);
            self.realisation_rules(ind, r, ind.target.get(year), Period::Year(*year));
        }
        self.units(ind, &ind.units);
    }

    /// §4 units: the unit a figure's text names must be the indicator's.
    fn units(&mut self, ind: &Indikator, units: &[Spanned<Unit>]) {
        if units.is_empty() {
            return;
        }
        let satuan = Satuan::of(&ind.satuan.id);
        for u in units {
            let expected = match (satuan, u.value) {
                (Satuan::Persen | Satuan::Indeks, Unit::Rupiah(_)) | (Satuan::Rupiah, Unit::Percent) => {
                    satuan.code().unwrap_or_default()
                }
                _ => continue,
            };
            let (id, token) = (&ind.id.value, u.value.token());
            self.error(
                Code::UnitMismatch,
                &u.loc,
                format!("indikator `{id}` bersatuan {expected}, tetapi angka ini ditulis dengan `{token}`; tulis angka dalam {expected}"),
                format!("indicator `{id}` is measured in {expected} but this figure is written with `{token}`; write it in {expected}"),
            );
        }
    }

    /// §4 plausibility of a realisation: against its `target` for the same period (`period`
    /// names it in the message), and as a percentage.
    fn realisation_rules(
        &mut self,
        ind: &Indikator,
        realisation: &Spanned<Option<Decimal>>,
        target: Option<&Spanned<Option<Target>>>,
        period: Period,
    ) {
        let Some(r) = realisation.value else { return };
        self.persen_figure(ind, r, &realisation.loc);
        let Some(t) = target.and_then(|t| t.value) else { return };
        let (low, high) = match t {
            Target::Single(v) => (v, v),
            Target::Range { min, maks } => (min, maks),
        };
        let hundred = Decimal::ONE_HUNDRED;
        let far = |a: Decimal, b: Decimal| {
            !a.is_zero() && !b.is_zero() && a.abs() >= b.abs().saturating_mul(hundred)
        };
        if far(r, high) || far(low, r) {
            let (id, shown) = (&ind.id.value, show(&t));
            self.warning(
                Code::ImplausibleFigure,
                &realisation.loc,
                format!("realisasi {r} `{id}` ({period}) berbeda 100 kali atau lebih dari targetnya {shown}; periksa satuan dan penulisan angka"),
                format!("the {period} realisation {r} of `{id}` is 100 times or more off its target {shown}; check the unit and how the figure is written"),
            );
        }
    }

    /// A percentage above 1,000 is almost surely a figure in another unit.
    fn persen_figure(&mut self, ind: &Indikator, value: Decimal, loc: &Loc) {
        // The figure first: reading the unit's text costs a trip to memory for each figure.
        if value > Decimal::ONE_THOUSAND && Satuan::of(&ind.satuan.id) == Satuan::Persen {
            let id = &ind.id.value;
            self.warning(
                Code::ImplausibleFigure,
                loc,
                format!("angka {value} pada indikator persen `{id}` melebihi 1.000 %; periksa satuan dan penulisan angka"),
                format!("figure {value} of persen indicator `{id}` is above 1,000 %; check the unit and how the figure is written"),
            );
        }
    }

    /// Rules every target obeys, wherever it is written.
    fn target_rules(&mut self, ind: &Indikator, target: &Target, loc: &Loc) {
        let id = &ind.id.value;
        if let (Target::Range { .. }, Agregasi::Kumulatif) = (target, ind.agregasi.value) {
            self.error(
                Code::RangeTargetCumulative,
                loc,
                format!("indikator kumulatif `{id}` tidak dapat bertarget rentang"),
                format!("cumulative indicator `{id}` cannot have a range target"),
            );
        }
        let (low, high) = match target {
            Target::Single(v) => (v, v),
            Target::Range { min, maks } => (min, maks),
        };
        self.persen_figure(ind, *high, loc);
        if ind.polaritas.value == Polaritas::Positif && low.is_zero() {
            self.error(
                Code::ZeroTarget,
                loc,
                format!("target 0 pada indikator positif `{id}` membuat capaian tak terhitung; tulis `~` jika tidak ada target"),
                format!("target 0 on positif indicator `{id}` makes achievement undefined; write `~` for no target"),
            );
        }
        if ind.polaritas.value == Polaritas::Positif && low.is_sign_negative() && !low.is_zero() {
            self.warning(
                Code::NegativeTarget,
                loc,
                format!("target negatif {low} pada indikator positif `{id}`: capaian R / T menjadi negatif; periksa tanda minus"),
                format!("negative target {low} on positif indicator `{id}`: achievement R / T turns negative; check the minus sign"),
            );
        }
    }

    fn outside_period(&mut self, year: i32, loc: &Loc, period: Option<&Spanned<(i32, i32)>>) {
        if let Some(p) = period
            && (year < p.value.0 || year > p.value.1)
        {
            self.warning(
                Code::OutsidePeriod,
                loc,
                format!("tahun {year} di luar periode Renstra {}–{}", p.value.0, p.value.1),
                format!("year {year} is outside the Renstra period {}–{}", p.value.0, p.value.1),
            );
        }
    }

    fn sakip(&mut self, sakip: &Sakip, root: &Path) {
        if let Some(bands) = &sakip.predikat {
            self.predicate_scale(bands);
        }
        let tema = &sakip.situs.tema;
        if tema.value != "default" && !root.join("themes").join(&tema.value).is_dir() {
            self.error(
                Code::InvalidValue,
                &tema.loc,
                format!("tema `{}` tidak ada di themes/", tema.value),
                format!("theme `{}` does not exist under themes/", tema.value),
            );
        }
    }

    /// §3.4: bands from the highest, strictly decreasing `min`, exactly the last without `min`.
    fn predicate_scale(&mut self, bands: &[PredikatBand]) {
        let mut previous = None;
        for (i, band) in bands.iter().enumerate() {
            let last = i + 1 == bands.len();
            let problem = match (&band.min, last) {
                (None, false) => {
                    Some(("hanya pita terakhir yang tanpa `min`", "only the last band has no `min`"))
                }
                (Some(_), true) => Some(("pita terakhir tidak memiliki `min`", "the last band has no `min`")),
                (Some(min), false) if previous.is_some_and(|p| min.value >= p) => Some((
                    "nilai `min` harus menurun tegas dari atas ke bawah",
                    "`min` values must strictly decrease",
                )),
                _ => None,
            };
            if let Some((id, en)) = problem {
                self.error(Code::PredicateScale, &band.loc, id.into(), en.into());
            }
            previous = band.min.as_ref().map(|m| m.value);
        }
    }

    /// One verdict per indicator and period.
    fn verdicts(&mut self, v: &Validasi) {
        // Keyed without writing the pair as a text.
        let mut seen: IdMap<(&str, Periode), &Loc> = id_map(v.validasi.len());
        for e in &v.validasi {
            self.indicator(&e.indikator);
            match seen.entry((&e.indikator.value, e.periode.value)) {
                Entry::Occupied(first) => {
                    let key = format!("{} {}", e.indikator.value, e.periode.value.label());
                    duplicate(("validasi", "validation"), &key, first.get(), &e.indikator.loc, self.diags);
                }
                Entry::Vacant(slot) => {
                    slot.insert(&e.indikator.loc);
                }
            }
        }
    }

    /// A year folder far from the Renstra period is a typo (`9999/`) that would become the
    /// menu's year; one just outside it is a warning (the turn of a Renstra).
    fn year_folder(&mut self, year: i32, y: &Year, p: &Spanned<(i32, i32)>) {
        let (start, end) = (p.value.0 - YEARS_AROUND_PERIOD, p.value.1 + YEARS_AROUND_PERIOD);
        if year < start || year > end {
            let loc = Loc::file(&std::sync::Arc::from(format!("content/{year}/")));
            self.error(
                Code::OutOfRange,
                &loc,
                format!("folder tahun {year} jauh dari periode Renstra {}–{}: paling awal {start}, paling akhir {end}", p.value.0, p.value.1),
                format!("year folder {year} is far from the Renstra period {}–{}: {start} at the earliest, {end} at the latest", p.value.0, p.value.1),
            );
        } else if let Some(loc) = first_loc(y) {
            self.outside_period(year, &loc, Some(p));
        }
    }

    fn rencana_aksi(&mut self, year: i32, ra: &'s RencanaAksi, index: &YearIndex) {
        for e in &ra.indikator {
            if let Some(first) = index.plan(&e.id.value).filter(|first| !std::ptr::eq(*first, e)) {
                let kind = ("rencana aksi indikator", "action plan for indicator");
                duplicate(kind, &e.id.value, &first.id.loc, &e.id.loc, self.diags);
            }
            let targets = &e.target_triwulan;
            if targets.value.len() != 4 {
                self.error(
                    Code::TargetCount,
                    &targets.loc,
                    format!(
                        "target_triwulan harus berisi 4 target (TW1–TW4), ditemukan {}",
                        targets.value.len()
                    ),
                    format!("target_triwulan must hold 4 targets (TW1–TW4), found {}", targets.value.len()),
                );
            }
            let Some(ind) = self.indicator(&e.id) else { continue };
            self.units(ind, &e.units);
            for t in &targets.value {
                if let Some(target) = &t.value {
                    self.target_rules(ind, target, &t.loc);
                }
            }
            self.quarterly_against_year(ind, year, targets);
        }
    }

    /// §2.4: the last non-null target equals the year's target; cumulative targets rise.
    fn quarterly_against_year(
        &mut self,
        ind: &Indikator,
        year: i32,
        targets: &Spanned<Vec<Spanned<Option<Target>>>>,
    ) {
        let id = &ind.id.value;
        let agregasi = ind.agregasi.value;
        let set: Vec<(&Target, &Loc)> =
            targets.value.iter().filter_map(|t| Some((t.value.as_ref()?, &t.loc))).collect();
        if agregasi == Agregasi::Kumulatif && ind.polaritas.value == Polaritas::Positif {
            for pair in set.windows(2) {
                if let (Target::Single(a), Target::Single(b)) = (pair[0].0, pair[1].0)
                    && b < a
                {
                    self.warning(
                        Code::DecreasingTarget,
                        pair[1].1,
                        format!("target kumulatif `{id}` menurun ({a} lalu {b}); target s.d. triwulan tidak boleh turun"),
                        format!("cumulative target of `{id}` decreases ({a} then {b}); year-to-date targets should not fall"),
                    );
                }
            }
        }
        if agregasi == Agregasi::RataRata {
            return;
        }
        let Some((last, loc)) = set.last() else { return };
        match ind.target.get(&year).and_then(|t| t.value.as_ref()) {
            Some(annual) if annual == *last => {}
            Some(annual) => self.error(
                Code::TargetMismatch,
                loc,
                format!("target triwulan terakhir `{id}` ({}) berbeda dari target tahun {year} di Renstra ({})", show(last), show(annual)),
                format!("the last quarterly target of `{id}` ({}) differs from its {year} target in the Renstra ({})", show(last), show(annual)),
            ),
            None => self.warning(
                Code::TargetMismatch,
                loc,
                format!("`{id}` tidak memiliki target tahun {year}; capaian tahunan tidak dapat dihitung"),
                format!("`{id}` has no {year} target; its annual achievement cannot be computed"),
            ),
        }
    }

    /// Duplicate survey periods; returns the quarters that have a survey ([`survey_quarters`]).
    fn surveys(&mut self, y: &Year) -> Vec<u8> {
        let Some(skm) = &y.skm else { return Vec::new() };
        let mut quarters = Unique::new("survei untuk triwulan", "survey for quarter");
        let mut out = Vec::new();
        for s in &skm.survei {
            let q = s.periode.value.quarter();
            if quarters.add(format!("TW{q}"), &s.periode.loc, self.diags) {
                out.push(q);
            }
        }
        out
    }

    /// The references and figures of one quarter's file; returns the indicators it gives a figure
    /// for.
    fn quarter_figures(
        &mut self,
        year: i32,
        quarter: u8,
        file: &'s Realisasi,
        index: &YearIndex,
        survey_quarters: &[u8],
    ) -> IdSet<&'s str> {
        let mut reported: IdSet<&str> =
            IdSet::with_capacity_and_hasher(file.capaian.len(), Default::default());
        let i = usize::from(quarter) - 1;
        for e in &file.capaian {
            if let Some(first) = index.entry(quarter, &e.indikator.value).filter(|f| !std::ptr::eq(*f, e)) {
                let kind = ("realisasi indikator", "realisation of indicator");
                duplicate(kind, &e.indikator.value, &first.indikator.loc, &e.indikator.loc, self.diags);
            }
            let Some(ind) = self.indicator(&e.indikator) else { continue };
            self.units(ind, &e.units);
            if e.realisasi.value.is_none() {
                continue;
            }
            reported.insert(&ind.id.value);
            // A quarter's realisation is held against the same quarter's target of the
            // rencana aksi. For a kumulatif indicator that target is the year to date, which
            // shifts the ratio by the quarter's share of the year only, far from 100.
            let target = index.plan(&ind.id.value).and_then(|p| p.target_triwulan.value.get(i));
            self.realisation_rules(ind, &e.realisasi, target, Period::Quarter(quarter, year));
            if ind.sumber.is_some() && survey_quarters.contains(&quarter) {
                self.error(
                    Code::DuplicateRealisation,
                    &e.realisasi.loc,
                    format!(
                        "realisasi `{}` TW{quarter} sudah dihitung dari skm.yaml; hapus nilai ini",
                        ind.id.value
                    ),
                    format!(
                        "the TW{quarter} realisation of `{}` comes from skm.yaml; remove this value",
                        ind.id.value
                    ),
                );
            }
        }
        reported
    }

    /// An annual realisation in the Renstra for `year` that a quarter's file (`in_quarters`) or
    /// the survey also gives.
    fn given_twice(&mut self, year: i32, survey_quarters: &[u8], in_quarters: impl Fn(&str) -> bool) {
        let defined = Arc::clone(&self.defined);
        for &ind in defined.iter() {
            let id = ind.id.value.as_str();
            let Some(annual) = ind.realisasi.get(&year).filter(|r| r.value.is_some()) else { continue };
            let from_survey = ind.sumber.is_some() && !survey_quarters.is_empty();
            if from_survey || in_quarters(id) {
                let other = if from_survey { "skm.yaml" } else { "realisasi/twN.yaml" };
                self.error(
                    Code::DuplicateRealisation,
                    &annual.loc,
                    format!("realisasi {year} `{id}` diberikan di renstra.yaml dan juga di {year}/{other}; pilih salah satu"),
                    format!("the {year} realisation of `{id}` is given in renstra.yaml and also in {year}/{other}; keep one"),
                );
            }
        }
    }

    /// Evidence the rencana aksi requires and the quarter's file does not report (warning).
    fn required_evidence(&mut self, ra: &RencanaAksi, y: &Year, index: &YearIndex) {
        // Entries are found by id, not by a search per requirement and quarter (a hostile file
        // of many entries would make that quadratic).
        for e in &ra.indikator {
            for req in &e.data_dukung {
                let quarters: Vec<u8> =
                    if req.triwulan.is_empty() { vec![1, 2, 3, 4] } else { req.triwulan.clone() };
                for q in quarters {
                    if y.realisasi.get(usize::from(q) - 1).is_none_or(|f| f.is_none()) {
                        continue;
                    }
                    let entry = index.entry(q, &e.id.value);
                    let reported = entry.is_some_and(|c| {
                        c.data_dukung
                            .iter()
                            .any(|b| b.jenis.as_ref().is_some_and(|j| same_words(&j.id, &req.jenis.value.id)))
                    });
                    if !reported {
                        let loc = entry.map_or(&req.jenis.loc, |c| &c.indikator.loc);
                        self.warning(
                            Code::MissingEvidence,
                            loc,
                            format!(
                                "data dukung wajib \"{}\" untuk `{}` TW{q} belum dilaporkan",
                                req.jenis.value.id, e.id.value
                            ),
                            format!(
                                "required evidence \"{}\" for `{}` TW{q} is not reported",
                                req.jenis.value.id, e.id.value
                            ),
                        );
                    }
                }
            }
        }
    }

    fn evaluations(&mut self, ev: &'s Evaluasi) {
        let mut ids = Unique::new("evaluasi", "evaluation");
        for e in &ev.evaluasi {
            ids.add(&e.id.value, &e.id.loc, self.diags);
            let mut rec = Unique::new("rekomendasi", "recommendation");
            for r in &e.rekomendasi {
                rec.add(&r.id.value, &r.id.loc, self.diags);
                for i in &r.indikator {
                    self.indicator(i);
                }
            }
        }
    }

    fn future_dates(&mut self, y: &Year, as_of: NaiveDate) {
        let mut dates: Vec<&Spanned<NaiveDate>> = Vec::new();
        dates.extend(y.realisasi.iter().flatten().map(|r| &r.tanggal));
        dates.extend(y.validasi.iter().flat_map(|v| v.validasi.iter().map(|e| &e.tanggal)));
        for e in y.evaluasi.iter().flat_map(|e| e.evaluasi.iter()) {
            dates.push(&e.tanggal);
            for r in &e.rekomendasi {
                dates.push(&r.diterima);
                dates.extend(r.tindak_lanjut.as_ref().and_then(|t| t.selesai.as_ref()));
            }
        }
        for d in dates.into_iter().filter(|d| d.value > as_of) {
            self.warning(
                Code::FutureDate,
                &d.loc,
                format!("tanggal {} sesudah tanggal acuan {as_of}", d.value),
                format!("date {} is after the as-of date {as_of}", d.value),
            );
        }
    }

    fn pages(&mut self, pages: &[Page]) {
        // A slug is a folder of the published site; Windows and macOS do not tell `Tentang`
        // from `tentang`, so slugs are compared, and checked against the generated paths, in
        // lower case.
        let mut slugs = Unique::new("slug halaman", "page slug");
        for p in pages {
            let slug = p.slug.value.to_lowercase();
            if crate::site::GENERATED.contains(&slug.as_str()) {
                self.reserved_slug(&p.slug);
                continue;
            }
            let prefix = if p.lang == crate::diagnostics::Lang::En { "en/" } else { "" };
            slugs.add(format!("{prefix}{slug}"), &p.slug.loc, self.diags);
        }
    }

    fn reserved_slug(&mut self, slug: &Spanned<String>) {
        self.error(
            Code::ReservedSlug,
            &slug.loc,
            format!("slug `{}` adalah alamat yang dibuat oleh situs sendiri; pilih slug lain", slug.value),
            format!("slug `{}` is an address the site generates itself; choose another slug", slug.value),
        );
    }
}

/// The location of the first file of a year folder that was read, to hang year-wide warnings on.
/// How many years before or after the Renstra period a year folder may be.
pub const YEARS_AROUND_PERIOD: i32 = 5;

fn first_loc(y: &Year) -> Option<Loc> {
    y.rencana_aksi
        .as_ref()
        .and_then(|r| r.indikator.first().map(|e| e.id.loc.clone()))
        .or_else(|| y.realisasi.iter().flatten().next().map(|r| r.tanggal.loc.clone()))
}

/// Two kinds of evidence (`jenis`) are the same when their words are, letter case and extra
/// spaces aside. The check and the evidence matrix (`compute::bukti`) both use this rule.
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    // It is asked per required evidence and quarter: ASCII words (all real ones) are compared
    // without a copy; other text through Unicode lower case, which is not letter by letter.
    if a.is_ascii() && b.is_ascii() {
        let (mut x, mut y) = (a.split_whitespace(), b.split_whitespace());
        loop {
            match (x.next(), y.next()) {
                (None, None) => return true,
                (Some(p), Some(q)) if p.eq_ignore_ascii_case(q) => {}
                _ => return false,
            }
        }
    }
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}

/// The period a realisation is given for, named in its messages (written only when one is made:
/// a site has a realisation per indicator and quarter).
#[derive(Debug, Clone, Copy)]
enum Period {
    /// A year's realisation in the Renstra or cascading.
    Year(i32),
    /// A quarter (1–4) of a year.
    Quarter(u8, i32),
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(year) => write!(f, "{year}"),
            Period::Quarter(quarter, year) => write!(f, "TW{quarter} {year}"),
        }
    }
}

fn show(t: &Target) -> String {
    match t {
        Target::Single(v) => v.to_string(),
        Target::Range { min, maks } => format!("{min}–{maks}"),
    }
}

/// The quarters that have a survey in `y`'s `skm.yaml`, each once, in the order of the file.
fn survey_quarters(y: &Year) -> Vec<u8> {
    let mut out = Vec::new();
    for s in y.skm.iter().flat_map(|skm| &skm.survei) {
        let q = s.periode.value.quarter();
        if !out.contains(&q) {
            out.push(q);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::same_words;

    #[test]
    fn evidence_kinds_are_the_same_words_whatever_the_case_and_spaces() {
        assert!(same_words("Laporan  pelaksanaan\tKegiatan ", "laporan pelaksanaan kegiatan"));
        // A vertical tab separates words as any other white space does.
        assert!(same_words("Laporan\u{0B}pelaksanaan", "laporan pelaksanaan"));
        assert!(same_words("", "   "));
        assert!(!same_words("Laporan pelaksanaan", "Laporan pelaksanaan kegiatan"));
        assert!(!same_words("Laporan", "Lapor an"));
        assert!(!same_words("Berita acara", "Berita acara pemantauan"));
    }

    #[test]
    fn words_outside_ascii_are_compared_in_unicode_lower_case() {
        assert!(same_words("BERITA ACARA ÜBERGABE", "berita  acara übergabe"));
        // Lower case of a whole word ends `Σ` as `ς`, as a Greek writer would type it.
        assert!(same_words("ΟΔΟΣ", "οδος"));
        assert!(!same_words("ÜBERGABE", "ubergabe"));
    }
}
