#!/usr/bin/env python3
"""Generate a synthetic sakip-site content folder with N indicators, for the build benchmark.

    bench/gen_site.py N OUT_DIR

OUT_DIR receives `content/` (sakip.yaml, renstra.yaml, cascading.yaml, 2023/ with a rencana aksi
for every indicator, four realisasi files, validasi, evaluasi, tim, skm, lke, a few evidence
files, and two Markdown pages). About a tenth of the indicators are Renstra IKU, the rest belong
to programmes, kegiatan and sub-kegiatan. The output depends only on N (fixed seed), and passes
`sakip-site check` without errors or warnings when checked with `--as-of 2024-06-30` or later.
"""

import json
import os
import random
import shutil
import sys
from decimal import ROUND_HALF_UP, Decimal

YEAR = 2023
FLOW_ABOVE = 10000  # above this many indicators, indicators are written as flow mappings
AS_OF_MAX = "2024-04-15"  # every date in the content is on or before this day

KECAMATAN = [
    "Purwakarta", "Babakancikao", "Bojong", "Bungursari", "Campaka", "Cibatu", "Darangdan",
    "Jatiluhur", "Kiarapedes", "Maniis", "Pasawahan", "Plered", "Pondoksalam", "Sukasari",
    "Sukatani", "Tegalwaru", "Wanayasa",
]

BIDANG = [
    "Bidang Penanaman Modal", "Bidang Pelayanan Perizinan", "Bidang Pengendalian Pelaksanaan",
    "Bidang Data dan Sistem Informasi", "Sekretariat", "Subbagian Perencanaan dan Keuangan",
    "Bidang Pengaduan dan Advokasi",
]

# (Indonesian object, English object, unit word) for counted indicators.
COUNTED = [
    ("pelaku usaha yang mendapat pendampingan", "businesses given assistance", "perusahaan"),
    ("UMKM yang difasilitasi kemitraan dengan perusahaan besar", "MSMEs linked with large companies", "UMKM"),
    ("kegiatan promosi penanaman modal", "investment promotion events", "kegiatan"),
    ("dokumen kajian potensi investasi", "investment potential studies", "dokumen"),
    ("perizinan berusaha yang diterbitkan", "business licences issued", "izin"),
    ("perusahaan yang dipantau pemenuhan komitmennya", "companies monitored for their commitments", "perusahaan"),
    ("aparatur yang mengikuti pelatihan pelayanan prima", "officials trained in service excellence", "orang"),
    ("laporan kegiatan penanaman modal yang diverifikasi", "investment activity reports verified", "laporan"),
    ("sosialisasi sistem OSS berbasis risiko", "briefings on the risk-based OSS system", "kegiatan"),
    ("profil proyek investasi yang disusun", "investment project profiles prepared", "dokumen"),
    ("pengaduan masyarakat yang diselesaikan", "public complaints resolved", "pengaduan"),
    ("tenaga kerja lokal yang terserap investasi baru", "local workers employed by new investment", "orang"),
]

# (Indonesian subject, English subject) for percentages; positif then negatif.
PERCENT_POS = [
    ("permohonan perizinan yang diselesaikan sesuai standar pelayanan", "licence applications completed within the service standard"),
    ("perusahaan yang menyampaikan LKPM tepat waktu", "companies filing their LKPM on time"),
    ("pengaduan yang ditindaklanjuti paling lambat lima hari kerja", "complaints followed up within five working days"),
    ("rekomendasi evaluasi yang ditindaklanjuti", "evaluation recommendations followed up"),
    ("layanan perizinan yang dapat diakses secara daring", "licensing services available online"),
    ("data investasi yang dimutakhirkan dalam sistem informasi", "investment records updated in the information system"),
    ("serapan anggaran kegiatan", "budget absorption of activities"),
]
PERCENT_NEG = [
    ("perusahaan terpantau yang belum memenuhi komitmen", "monitored companies not yet meeting their commitments"),
    ("berkas permohonan yang dikembalikan karena tidak lengkap", "applications returned as incomplete"),
    ("laporan triwulan yang terlambat disampaikan", "quarterly reports filed late"),
]
INDEX = [
    ("Indeks Kepuasan Pelaku Usaha", "Business Satisfaction Index"),
    ("Indeks Kualitas Layanan Perizinan", "Licensing Service Quality Index"),
    ("Indeks Kemudahan Berusaha Daerah", "Regional Ease of Doing Business Index"),
    ("Indeks Reformasi Birokrasi Perangkat Daerah", "Bureaucratic Reform Index"),
]
DAYS = [
    ("penyelesaian perizinan berusaha", "to complete a business licence"),
    ("penanganan pengaduan pelaku usaha", "to resolve a business complaint"),
    ("verifikasi dokumen permohonan", "to verify an application"),
]
MONEY = [
    ("Nilai realisasi investasi sektor industri pengolahan", "Realised investment in manufacturing"),
    ("Nilai komitmen investasi yang difasilitasi", "Investment commitments facilitated"),
    ("Nilai realisasi investasi PMDN", "Realised domestic investment (PMDN)"),
    ("Nilai pendapatan retribusi persetujuan bangunan gedung", "Building approval fee revenue"),
]

PROGRAMS = [
    ("Program Pelayanan Penanaman Modal", "Investment Services Programme"),
    ("Program Promosi Penanaman Modal", "Investment Promotion Programme"),
    ("Program Pengendalian Pelaksanaan Penanaman Modal", "Investment Implementation Control Programme"),
    ("Program Pengelolaan Data dan Sistem Informasi Penanaman Modal", "Investment Data and Information Systems Programme"),
    ("Program Pengembangan Iklim Penanaman Modal", "Investment Climate Development Programme"),
    ("Program Penunjang Urusan Pemerintahan Daerah", "Regional Government Support Programme"),
]
KEGIATAN = [
    "Penyelenggaraan Promosi Penanaman Modal yang menjadi Kewenangan Daerah",
    "Pelayanan Perizinan dan Non Perizinan secara Terpadu Satu Pintu",
    "Pengendalian Pelaksanaan Penanaman Modal yang menjadi Kewenangan Daerah",
    "Pengelolaan Data dan Informasi Perizinan dan Non Perizinan yang Terintegrasi",
    "Penetapan Pemberian Fasilitas dan Insentif di Bidang Penanaman Modal",
    "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
]
SUB_KEGIATAN = [
    "Pelaksanaan Kegiatan Promosi Penanaman Modal Daerah",
    "Penyediaan Pelayanan Terpadu Perizinan berbasis Sistem OSS",
    "Pemantauan Pemenuhan Komitmen Perizinan dan Non Perizinan",
    "Pembinaan Pelaku Usaha dalam Penyampaian LKPM",
    "Pengolahan, Penyajian, dan Pemanfaatan Data Penanaman Modal",
    "Fasilitasi Kemitraan Usaha Mikro, Kecil, dan Menengah dengan Perusahaan Besar",
    "Penyusunan Dokumen Perencanaan dan Laporan Kinerja Perangkat Daerah",
    "Penanganan Pengaduan dan Advokasi Pelaku Usaha",
]

EVIDENCE = [
    ("Laporan pelaksanaan kegiatan", "laporan-kegiatan"),
    ("Berita acara pemantauan", "ba-pemantauan"),
    ("Rekapitulasi data sistem informasi", "rekap-sistem"),
    ("Daftar hadir dan dokumentasi", "daftar-hadir"),
]


def q(s):
    """A YAML double-quoted scalar."""
    return json.dumps(s, ensure_ascii=False)


def text(id_text, en_text=None, indent=0):
    """A text field value: a plain string or an {id, en} map (inline flow form)."""
    if en_text is None:
        return q(id_text)
    return "{id: %s, en: %s}" % (q(id_text), q(en_text))


def idnum(value, decimals=0):
    """A figure in Indonesian notation: `1.250`, `82,50`."""
    d = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    d = abs(d)
    whole, _, frac = f"{d:f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sign + ".".join(groups)
    if decimals:
        out += "," + frac
    return out


def fig(value, decimals=0):
    """A figure as YAML: small integers as numbers, everything else as Indonesian strings."""
    if decimals == 0 and 0 <= value < 1000:
        return str(int(value))
    return q(idnum(value, decimals))


def rupiah(miliar):
    """Rupiah written with a magnitude word, e.g. `"12,5 miliar"` (from a value in miliar)."""
    return q(idnum(miliar, 2) + " miliar")


class Gen:
    def __init__(self, n):
        self.n = n
        self.rng = random.Random(20230101 + n)
        self.indicators = []  # dicts, in definition order

    # -- indicators ------------------------------------------------------------------------

    def kind(self):
        r = self.rng.random()
        if r < 0.30:
            return "count"
        if r < 0.55:
            return "pct_pos"
        if r < 0.65:
            return "pct_neg"
        if r < 0.75:
            return "index"
        if r < 0.85:
            return "days"
        return "money"

    def indicator(self, ident, multi_year):
        rng = self.rng
        kind = self.kind()
        kec = rng.choice(KECAMATAN)
        ind = {"id": ident, "kind": kind, "multi": multi_year, "bidang": rng.choice(BIDANG)}
        if kind == "count":
            obj, obj_en, unit = rng.choice(COUNTED)
            ind.update(
                nama=(f"Jumlah {obj} di Kecamatan {kec}", f"{obj_en[0].upper()}{obj_en[1:]} in {kec} district"),
                satuan=unit, polaritas="positif", agregasi="kumulatif",
                definisi=f"Banyaknya {obj} di wilayah Kecamatan {kec} selama tahun berjalan, dihitung "
                f"kumulatif dari awal tahun berdasarkan rekapitulasi {ind['bidang']}.",
            )
            ind["target"] = rng.choice([12, 24, 40, 60, 150, 240, 600, 1200, 2400])
        elif kind in ("pct_pos", "pct_neg"):
            pos = kind == "pct_pos"
            subj, subj_en = rng.choice(PERCENT_POS if pos else PERCENT_NEG)
            ind.update(
                nama=(f"Persentase {subj} di Kecamatan {kec}", f"{subj_en[0].upper()}{subj_en[1:]} in {kec} district (%)"),
                satuan="persen", polaritas="positif" if pos else "negatif",
                agregasi="terakhir" if rng.random() < 0.8 else "rata-rata",
                definisi=f"Jumlah {subj} dibagi seluruh yang tercatat pada periode yang sama, dikali "
                f"100; {'makin besar' if pos else 'makin kecil'} makin baik.",
            )
            base = rng.choice([75, 80, 85, 90, 95]) if pos else rng.choice([10, 15, 20, 25])
            if rng.random() < 0.25:
                ind["target"] = ("range", base - 5, base + 5 if base + 5 <= 100 else 100)
            else:
                ind["target"] = Decimal(base) + Decimal(rng.choice([0, 0, 50, 25])) / 100
        elif kind == "index":
            nama, nama_en = rng.choice(INDEX)
            ind.update(
                nama=(f"{nama} Kecamatan {kec}", f"{nama_en}, {kec} district"),
                satuan="indeks", polaritas="positif", agregasi="terakhir",
                definisi=f"Nilai indeks hasil survei tahunan terhadap responden di Kecamatan {kec} pada "
                "skala 0 sampai 100, dihitung dari rata-rata tertimbang seluruh unsur penilaian.",
            )
            ind["target"] = Decimal(rng.choice([7500, 7800, 8050, 8250, 8500])) / 100
        elif kind == "days":
            proc, proc_en = rng.choice(DAYS)
            ind.update(
                nama=(f"Rata-rata waktu {proc} di Kecamatan {kec}", f"Average working days {proc_en} in {kec} district"),
                satuan="hari", polaritas="negatif", agregasi="rata-rata",
                definisi=f"Rata-rata hari kerja yang dibutuhkan untuk {proc}, sejak berkas lengkap "
                "diterima sampai selesai; makin singkat makin baik.",
            )
            if rng.random() < 0.5:
                low = rng.choice([2, 3, 4])
                ind["target"] = ("range", low, low + 2)
            else:
                ind["target"] = Decimal(rng.choice([3, 4, 5, 7]))
        else:
            nama, nama_en = rng.choice(MONEY)
            ind.update(
                nama=(f"{nama} di Kecamatan {kec}", f"{nama_en} in {kec} district"),
                satuan="rupiah", polaritas="positif", agregasi="kumulatif",
                definisi=f"Jumlah rupiah yang benar-benar terealisasi di Kecamatan {kec} selama tahun "
                "berjalan menurut laporan resmi, bukan sekadar rencana atau komitmen.",
            )
            ind["target"] = Decimal(rng.choice([25, 40, 75, 120, 350])) * 10  # miliar
        if rng.random() < 0.5:
            ind["nama_en"] = ind["nama"][1]
        ind["nama"] = ind["nama"][0]
        words = len(ind["definisi"].split())
        assert 10 <= words <= 30, (words, ind["definisi"])
        ind["quarters"] = self.quarters(ind)
        self.indicators.append(ind)
        return ind

    def fmt(self, ind, value):
        """A single figure of `ind` as YAML."""
        kind = ind["kind"]
        if kind == "money":
            return rupiah(value)
        if kind == "count":
            return fig(value)
        if kind == "days":
            return fig(value, 1) if value != int(value) else fig(int(value))
        return fig(value, 2)

    def target_yaml(self, ind, target, as_map=False):
        if isinstance(target, tuple):
            _, lo, hi = target
            if as_map:
                return "{min: %s, maks: %s}" % (lo, hi)
            return q(f"{lo} s.d. {hi}")
        return self.fmt(ind, target)

    def quarters(self, ind):
        """Quarterly targets (SPEC §2.4) and realisations of 2023."""
        rng = self.rng
        t = ind["target"]
        if ind["agregasi"] == "kumulatif":
            shares = [Decimal("0.2"), Decimal("0.45"), Decimal("0.7"), Decimal(1)]
            if ind["kind"] == "count":
                targets = [max(1, int(t * s)) for s in shares[:3]] + [t]
            else:
                targets = [(t * s).quantize(Decimal("0.01")) for s in shares[:3]] + [t]
            # quarter's own realisation: roughly a quarter of the year's target
            reals = []
            for _ in range(4):
                f = Decimal(rng.randint(15, 32)) / 100
                v = t * f
                reals.append(int(v) if ind["kind"] == "count" else v.quantize(Decimal("0.01")))
        else:
            if isinstance(t, tuple):
                _, lo, hi = t
                if ind["kind"] == "days":
                    targets = [("range", lo + 1, hi + 1), ("range", lo + 1, hi + 1), t, t]
                else:
                    targets = [("range", lo - 5, hi - 5), ("range", lo - 3, hi - 3), t, t]
                mid = Decimal(lo + hi) / 2
            else:
                step = Decimal(2) if ind["polaritas"] == "positif" else Decimal(-2)
                if ind["kind"] == "days":
                    step = Decimal(-1) if t > 2 else Decimal(0)
                targets = [t - 3 * step, t - 2 * step, t - step, t]
                mid = t
            reals = []
            for _ in range(4):
                jitter = Decimal(rng.randint(-800, 600)) / 10000
                v = mid * (1 + jitter)
                if ind["kind"] == "days":
                    v = v.quantize(Decimal("0.1"))
                else:
                    v = min(v, Decimal(100)) if ind["satuan"] == "persen" else v
                    v = v.quantize(Decimal("0.01"))
                reals.append(v)
        return targets, reals

    # -- structure -------------------------------------------------------------------------

    def build(self):
        n = self.n
        rng = self.rng
        n_iku = max(3, n // 10)
        n_casc = n - n_iku
        self.tujuan = []
        sasaran_ids = []
        per_sasaran = [n_iku // 6 + (1 if i < n_iku % 6 else 0) for i in range(6)]
        k = 0
        for ti in range(3):
            tj = {"id": f"T{ti + 1}", "sasaran": []}
            for si in range(2):
                s_no = ti * 2 + si
                sid = f"S{s_no + 1}"
                sasaran_ids.append(sid)
                inds = []
                for _ in range(per_sasaran[s_no]):
                    k += 1
                    inds.append(self.indicator(f"IKU-{k}", multi_year=True))
                tj["sasaran"].append({"id": sid, "no": s_no, "ind": inds})
            self.tujuan.append(tj)
        # One IKU is measured by the public-satisfaction survey (SPEC §3.5).
        skm = self.tujuan[0]["sasaran"][1]["ind"][0] if self.tujuan[0]["sasaran"][1]["ind"] else None
        if skm is not None:
            skm.update(
                kind="skm", nama="Indeks Kepuasan Masyarakat", nama_en="Public Satisfaction Index (IKM)",
                satuan="indeks", polaritas="positif", agregasi="terakhir", multi=False,
                definisi="Nilai kepuasan pemohon izin atas sembilan unsur pelayanan menurut PermenPANRB "
                "14/2017, diperoleh dari survei semesteran pada skala 25 sampai 100.",
                target=Decimal("82.50"),
                quarters=([None, Decimal("82.00"), None, Decimal("82.50")], [None] * 4),
            )
        self.programs = []
        left = n_casc
        p = 0
        while left > 0:
            p += 1
            kode = f"2.18.{p:02d}"
            pname = PROGRAMS[(p - 1) % len(PROGRAMS)]
            if p > len(PROGRAMS):
                pname = (f"{pname[0]} Wilayah {KECAMATAN[(p - 1) % len(KECAMATAN)]}", f"{pname[1]}, {KECAMATAN[(p - 1) % len(KECAMATAN)]}")
            unit = self.unit(kode, pname, 2, left)
            left -= unit["count"]
            unit["sasaran"] = sasaran_ids[(p - 1) % len(sasaran_ids)]
            kegiatan = []
            for kg in range(1, 5):
                if left <= 0:
                    break
                kkode = f"{kode}.2.{kg:02d}"
                kname = KEGIATAN[(p + kg) % len(KEGIATAN)]
                ku = self.unit(kkode, (kname, None), 2, left)
                left -= ku["count"]
                subs = []
                for sb in range(1, 6):
                    if left <= 0:
                        break
                    skode = f"{kkode}.{sb:04d}"
                    sname = SUB_KEGIATAN[(p + kg + sb) % len(SUB_KEGIATAN)]
                    su = self.unit(skode, (sname, None), 3, left)
                    left -= su["count"]
                    subs.append(su)
                ku["anak"] = subs
                kegiatan.append(ku)
            unit["anak"] = kegiatan
            self.programs.append(unit)
        assert len(self.indicators) == n, (len(self.indicators), n)

    def unit(self, kode, names, count, left):
        count = min(count, left)
        inds = [self.indicator(f"PK-{kode}-{i + 1}", multi_year=self.rng.random() < 0.3) for i in range(count)]
        pagu = Decimal(self.rng.randint(150, 2500)) * 1_000_000
        spent = (pagu * Decimal(self.rng.randint(820, 990)) / 1000).quantize(Decimal(1000))
        return {"kode": kode, "nama": names, "ind": inds, "count": count, "pagu": pagu, "spent": spent, "anak": []}

    # -- files -----------------------------------------------------------------------------

    def ind_yaml(self, ind, pad):
        lines = self.ind_block(ind, pad)
        if self.n <= FLOW_ABOVE:
            return lines
        # One flow mapping per indicator: the same content in fewer bytes, so that
        # cascading.yaml of 20,000 indicators stays under sakip-site's 10 MiB input limit.
        fields = [line.strip().removeprefix("- ") for line in lines]
        return [f"{pad}- {{{', '.join(fields)}}}"]

    def ind_block(self, ind, pad):
        out = [f"{pad}- id: {ind['id']}"]
        p = pad + "  "
        out.append(f"{p}nama: {text(ind['nama'], ind.get('nama_en'))}")
        out.append(f"{p}satuan: {ind['satuan']}")
        out.append(f"{p}polaritas: {ind['polaritas']}")
        out.append(f"{p}agregasi: {ind['agregasi']}")
        out.append(f"{p}definisi: {q(ind['definisi'])}")
        if ind["id"].startswith("IKU"):
            out.append(f"{p}sumber_data: {q('Rekapitulasi ' + ind['bidang'])}")
            out.append(f"{p}penanggung_jawab: {q(ind['bidang'])}")
        if ind["kind"] == "skm":
            out.append(f"{p}sumber: skm")
        as_map = isinstance(ind["target"], tuple) and self.rng.random() < 0.3
        targets = [f"{YEAR}: {self.target_yaml(ind, ind['target'], as_map)}"]
        if ind["multi"]:
            prev = self.previous_year(ind)
            if prev is not None:
                targets.insert(0, f"{YEAR - 1}: {self.target_yaml(ind, prev[0])}")
                out.append(f"{p}target: {{{', '.join(targets)}}}")
                out.append(f"{p}realisasi: {{{YEAR - 1}: {self.fmt(ind, prev[1])}}}")
                return out
        out.append(f"{p}target: {{{', '.join(targets)}}}")
        return out

    def previous_year(self, ind):
        """Target and realisation of 2022 (single figures only)."""
        t = ind["target"]
        if isinstance(t, tuple):
            return None
        if ind["kind"] == "count":
            return max(1, int(t * Decimal("0.8"))), max(1, int(t * Decimal("0.76")))
        if ind["kind"] == "money":
            return (t * Decimal("0.8")).quantize(Decimal("0.01")), (t * Decimal("0.83")).quantize(Decimal("0.01"))
        if ind["kind"] == "days":
            return t + 1, t + Decimal("0.6")
        step = Decimal(-2) if ind["polaritas"] == "positif" else Decimal(2)
        return t + step, t + step + Decimal("0.35")

    def renstra(self):
        lines = [
            "# Renstra sintetis untuk benchmark build (bench/gen_site.py).",
            f"periode: [{YEAR - 4}, {YEAR}]",
            "tujuan:",
        ]
        tujuan_text = [
            ("Meningkatkan Iklim Investasi yang Kondusif", "A conducive investment climate"),
            ("Mewujudkan Pelayanan Perizinan yang Prima", "Excellent licensing services"),
            ("Mewujudkan Tata Kelola Perangkat Daerah yang Akuntabel", "Accountable governance of the agency"),
        ]
        sasaran_text = [
            ("Meningkatnya Realisasi Investasi PMA dan PMDN", "Higher realised foreign and domestic investment"),
            ("Meningkatnya Kepuasan Masyarakat terhadap Layanan Perizinan", "Higher public satisfaction with licensing"),
            ("Meningkatnya Kecepatan Layanan Perizinan", "Faster licensing services"),
            ("Meningkatnya Kepatuhan Pelaporan Penanam Modal", "Better investor reporting compliance"),
            ("Meningkatnya Kualitas Perencanaan dan Penganggaran", "Better planning and budgeting"),
            ("Meningkatnya Akuntabilitas Kinerja", "Stronger performance accountability"),
        ]
        for ti, tj in enumerate(self.tujuan):
            lines.append(f"  - id: {tj['id']}")
            lines.append(f"    uraian: {text(*tujuan_text[ti])}")
            lines.append("    sasaran:")
            for s in tj["sasaran"]:
                lines.append(f"      - id: {s['id']}")
                lines.append(f"        uraian: {text(*sasaran_text[s['no']])}")
                lines.append("        indikator:")
                for ind in s["ind"]:
                    lines.extend(self.ind_yaml(ind, "          "))
                if not s["ind"]:
                    lines[-1] = "        indikator: []"
        return "\n".join(lines) + "\n"

    def unit_yaml(self, u, pad, level):
        lines = [f"{pad}- kode: {q(u['kode'])}"]
        p = pad + "  "
        lines.append(f"{p}nama: {text(u['nama'][0], u['nama'][1])}")
        if level == 0:
            lines.append(f"{p}sasaran: {u['sasaran']}")
        if u["ind"]:
            lines.append(f"{p}indikator:")
            for ind in u["ind"]:
                lines.extend(self.ind_yaml(ind, p + "  "))
        lines.append(f"{p}anggaran:")
        lines.append(f"{p}  {YEAR}: {{pagu: {q('Rp ' + idnum(u['pagu']))}, realisasi: {q('Rp ' + idnum(u['spent']))}}}")
        if u["anak"]:
            lines.append(f"{p}{'kegiatan' if level == 0 else 'sub_kegiatan'}:")
            for c in u["anak"]:
                lines.extend(self.unit_yaml(c, p + "  ", level + 1))
        return lines

    def cascading(self):
        lines = ["# Cascading sintetis untuk benchmark build (bench/gen_site.py).", "program:"]
        for u in self.programs:
            lines.extend(self.unit_yaml(u, "  ", 0))
        return "\n".join(lines) + "\n"

    def plan(self):
        lines = [f"tahun: {YEAR}", "indikator:"]
        for i, ind in enumerate(self.indicators):
            targets, _ = ind["quarters"]
            lines.append(f"  - id: {ind['id']}")
            lines.append(f"    penanggung_jawab: {q(ind['bidang'])}")
            tq = ", ".join("~" if t is None else self.target_yaml(ind, t) for t in targets)
            lines.append(f"    target_triwulan: [{tq}]")
            ev = self.evidence_of(i)
            if ev is not None:
                lines.append("    data_dukung:")
                lines.append(f"      - jenis: {EVIDENCE[ev][0]}")
                lines.append("        triwulan: [2, 4]")
        return "\n".join(lines) + "\n"

    def evidence_of(self, i):
        """Index of the evidence every 7th indicator must report in TW2 and TW4."""
        if self.indicators[i]["kind"] == "skm" or i % 7 != 3:
            return None
        return (i // 7) % len(EVIDENCE)

    def realisasi(self, quarter):
        dates = {1: "2023-04-05", 2: "2023-07-06", 3: "2023-10-06", 4: "2024-01-05"}
        lines = [
            f"tahun: {YEAR}",
            f"triwulan: {quarter}",
            f"dilaporkan: {{oleh: Tim Penyusun Laporan Capaian Kinerja, tanggal: {dates[quarter]}}}",
            "capaian:",
        ]
        for i, ind in enumerate(self.indicators):
            _, reals = ind["quarters"]
            v = reals[quarter - 1]
            lines.append(f"  - indikator: {ind['id']}")
            lines.append(f"    realisasi: {'~' if v is None else self.fmt(ind, v)}")
            if (i + quarter) % 23 == 0:
                lines.append(
                    "    catatan: "
                    + q(
                        f"Realisasi triwulan {quarter} dipengaruhi jadwal kegiatan di lapangan; rincian per "
                        f"kecamatan ada pada **rekapitulasi {ind['bidang']}**."
                    )
                )
            ev = self.evidence_of(i)
            if ev is not None and quarter in (2, 4):
                jenis, slug = EVIDENCE[ev]
                lines.append("    data_dukung:")
                lines.append(f"      - {{jenis: {jenis}, berkas: dukung/{YEAR}-tw{quarter}-{slug}.pdf}}")
                if i % 2 == 0:
                    lines.append(
                        f"      - {{jenis: Publikasi, tautan: \"https://dpmptsp.example.go.id/publikasi/{ind['id'].lower()}-tw{quarter}\"}}"
                    )
        return "\n".join(lines) + "\n"

    def validasi(self):
        lines = [f"tahun: {YEAR}", "validasi:"]
        dates = {1: "2023-04-07", 2: "2023-07-07", 3: "2023-10-09", 4: "2024-01-08"}
        rng = self.rng
        for i, ind in enumerate(self.indicators):
            if ind["kind"] == "skm" or i % 3:
                continue
            for quarter in (1, 2, 3, 4):
                r = rng.random()
                if r < 0.6:
                    continue
                lines.append(f"  - indikator: {ind['id']}")
                lines.append(f"    triwulan: {quarter}")
                if r < 0.93:
                    lines.append("    status: sah")
                elif r < 0.97:
                    lines.append("    status: dikoreksi")
                    lines.append(f"    capaian_terkoreksi: {q(idnum(Decimal(rng.randint(6000, 9900)) / 100, 2))}")
                    lines.append("    alasan: " + q("Sebagian data dukung tidak sesuai dengan angka yang dilaporkan, sehingga capaian dihitung ulang dari bukti yang sah."))
                else:
                    lines.append("    status: ditolak")
                    lines.append("    alasan: " + q("Data dukung belum ditandatangani pejabat yang berwenang."))
                lines.append("    oleh: Tim Penyusun LCK")
                lines.append(f"    tanggal: {dates[quarter]}")
            if i % 9 == 0:
                lines.append(f"  - indikator: {ind['id']}")
                lines.append("    triwulan: tahunan")
                lines.append("    status: sah")
                lines.append("    oleh: Tim Penyusun LCK")
                lines.append("    tanggal: 2024-01-15")
        return "\n".join(lines) + "\n"

    def evaluasi(self):
        some = [ind["id"] for ind in self.indicators[:: max(1, self.n // 5)]][:5]
        out = [f"tahun: {YEAR}", "evaluasi:"]
        evs = [
            ("EV-2023-TW1", "berkala", "TW1", "2023-04-10", "2023-04-12", "2023-05-20", "selesai"),
            ("EV-2023-TW2", "berkala", "TW2", "2023-07-10", "2023-07-12", "2023-08-30", "selesai"),
            ("EV-2023-TW3", "berkala", "TW3", "2023-10-12", "2023-10-16", "2024-01-05", "selesai"),
            ("EV-2023-TW4", "berkala", "TW4", "2024-01-09", "2024-01-10", "2024-02-20", "selesai"),
            ("EV-2023-TAHUN", "tahunan", "TAHUN", "2024-01-24", "2024-01-26", None, "proses"),
            ("EV-2023-LHE", "eksternal", "TAHUN", "2024-03-28", "2024-04-01", None, "belum"),
        ]
        for k, (eid, jenis, periode, tgl, diterima, selesai, status) in enumerate(evs):
            oleh = {"berkala": "Sekretaris Dinas", "tahunan": "Kepala Dinas", "eksternal": "Inspektorat Kabupaten"}[jenis]
            out += [
                f"  - id: {eid}",
                f"    jenis: {jenis}",
                f"    periode: {periode}",
                f"    oleh: {oleh}",
                f"    tanggal: {tgl}",
                "    temuan: |",
                f"      - Capaian sebagian indikator {periode} masih di bawah target triwulan.",
                "      - Data dukung beberapa kegiatan **belum lengkap** saat verifikasi.",
                "    rekomendasi:",
                "      - id: R1",
                "        uraian: " + q("Lengkapi data dukung setiap kegiatan paling lambat tujuh hari setelah pelaksanaan dan unggah ke sistem informasi kinerja."),
                f"        diterima: {diterima}",
            ]
            if some:
                out.append(f"        indikator: [{some[k % len(some)]}]")
            out += [
                "        tindak_lanjut:",
                "          jenis: kebijakan-operasional",
                "          uraian: " + q("Nota dinas Sekretaris tentang format dan tenggat data dukung diterbitkan."),
                f"          status: {status}",
            ]
            if selesai:
                out.append(f"          selesai: {selesai}")
                out.append(f"          bukti: [{{berkas: dukung/{YEAR}-{eid.lower()}-tindak-lanjut.pdf}}]")
        return "\n".join(out) + "\n"

    def evidence_files(self):
        names = [f"{YEAR}-tw{qq}-{slug}.pdf" for qq in (2, 4) for _, slug in EVIDENCE]
        names += [f"{YEAR}-ev-2023-tw{qq}-tindak-lanjut.pdf" for qq in (1, 2, 3, 4)]
        return names

    def write(self, out_dir):
        c = os.path.join(out_dir, "content")
        if os.path.exists(c):
            shutil.rmtree(c)
        y = os.path.join(c, str(YEAR))
        os.makedirs(os.path.join(y, "realisasi"))
        os.makedirs(os.path.join(y, "dukung"))
        os.makedirs(os.path.join(c, "halaman"))

        def put(rel, body):
            with open(os.path.join(c, rel), "w", encoding="utf-8") as f:
                f.write(body)

        put("sakip.yaml", SAKIP)
        put("renstra.yaml", self.renstra())
        put("cascading.yaml", self.cascading())
        put(f"{YEAR}/rencana-aksi.yaml", self.plan())
        for qq in (1, 2, 3, 4):
            put(f"{YEAR}/realisasi/tw{qq}.yaml", self.realisasi(qq))
        put(f"{YEAR}/validasi.yaml", self.validasi())
        put(f"{YEAR}/evaluasi.yaml", self.evaluasi())
        put(f"{YEAR}/tim.yaml", TIM)
        put(f"{YEAR}/skm.yaml", self.skm())
        put(f"{YEAR}/lke.yaml", LKE)
        for name in self.evidence_files():
            put(f"{YEAR}/dukung/{name}", "%PDF-1.4\n% data dukung sintetis untuk benchmark\n%%EOF\n")
        put("halaman/tentang.md", TENTANG)
        put("halaman/metodologi.md", METODOLOGI)

    def skm(self):
        lines = ["survei:"]
        for periode, resp in (("S1", 400), ("S2", 420)):
            lines += [f"  - periode: {periode}", f"    responden: {resp}", "    unsur:"]
            for u in range(1, 10):
                a = self.rng.randint(0, 5)
                b = self.rng.randint(15, 50)
                c = self.rng.randint(180, 240)
                d = resp - a - b - c
                lines.append(f"      U{u}: [{a}, {b}, {c}, {d}]")
        return "\n".join(lines) + "\n"


SAKIP = """\
instansi:
  nama: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu
  singkatan: DPMPTSP
  pemerintah: Kabupaten Contoh
  alamat: Jl. Veteran No. 1 Kota Contoh
  telepon: "+62 264 000000"
  situs: https://dpmptsp.example.go.id
  kepala: {nama: Nama Contoh Kepala, pangkat: Pembina / IV a, nip: "19790605 200501 1 013"}
situs:
  judul:
    id: Kinerja DPMPTSP Kabupaten Contoh (benchmark)
    en: Performance of DPMPTSP, Contoh Regency (benchmark)
  base_url: https://dpmptsp.example.go.id/kinerja/
  tema: default
  data_contoh: true
"""

TIM = """\
sk: {nomor: "800/12/DPMPTSP/2023", tanggal: 2023-01-09}
anggota:
  - {nama: Nama Contoh Kepala, jabatan: Kepala Dinas, peran: ketua}
  - {nama: Nama Contoh A, jabatan: Sekretaris, peran: sekretaris}
  - {nama: Nama Contoh B, jabatan: Kepala Subbagian Keuangan, peran: anggota}
  - {nama: Nama Contoh C, jabatan: Pejabat Fungsional Ahli Muda, peran: anggota}
"""

LKE = """\
komponen:
  perencanaan: "84,50"
  pengukuran: 77
  pelaporan: "80,25"
  evaluasi: "68,75"
"""

TENTANG = """\
---
title: {id: Tentang, en: About}
slug: tentang
order: 1
---

# Tentang situs ini

Situs ini menyajikan akuntabilitas kinerja perangkat daerah menurut Sistem Akuntabilitas
Kinerja Instansi Pemerintah (SAKIP): tujuan dan sasaran Renstra, indikator kinerja utama,
*cascading* program sampai sub kegiatan, realisasi per triwulan dan tindak lanjut evaluasi.

Semua angka di situs ini adalah **data sintetis** untuk mengukur kecepatan build.
"""

METODOLOGI = """\
---
title: Metodologi
slug: metodologi
order: 2
---

# Metodologi perhitungan

Capaian membandingkan realisasi (R) dengan target (T), dalam persen:

- **Indikator positif**: capaian = R ÷ T × 100.
- **Indikator negatif**: capaian = (2 − R ÷ T) × 100.

| Predikat | Capaian |
|---|---|
| Sangat tinggi | ≥ 91 |
| Tinggi | 76–90 |
"""


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen_site.py N OUT_DIR")
    n = int(sys.argv[1])
    if n < 3:
        sys.exit("N must be at least 3")
    g = Gen(n)
    g.build()
    g.write(sys.argv[2])


if __name__ == "__main__":
    main()
