#!/usr/bin/env python3
"""Generate a Hugo site of N plain pages, each with a table and an inline SVG, as the yardstick
for the build benchmark (bench/build.sh builds it with Debian's `hugo` in the same run).

    bench/gen_hugo.py N OUT_DIR

Each page is about what a sakip-site indicator page holds for a reader: a title, a paragraph, a
table of four quarters (target, realisation, achievement) and a small line chart as inline SVG.
The output depends only on N.
"""

import os
import random
import sys

CONFIG = """baseURL = "https://example.org/"
languageCode = "id"
title = "Hugo yardstick"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[markup.goldmark.renderer]
unsafe = true
"""

BASEOF = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><nav><a href="/">Beranda</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>{{ .Site.Title }}</p></footer></body></html>
"""

SINGLE = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ len .Pages }} halaman</p>{{ end }}"""


def svg(values):
    """A 320×120 line chart of four points with axes and labels, as a chart library writes it."""
    pts = " ".join(f"{40 + i * 80},{110 - v}" for i, v in enumerate(values))
    labels = "".join(
        f'<text x="{40 + i * 80}" y="118" font-size="10" text-anchor="middle">TW {i + 1}</text>'
        for i in range(4))
    dots = "".join(
        f'<circle cx="{40 + i * 80}" cy="{110 - v}" r="3" fill="#1f77b4"/>' for i, v in enumerate(values))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 120" role="img">'
            f'<title>Capaian per triwulan</title><line x1="30" y1="110" x2="310" y2="110" stroke="#000"/>'
            f'<line x1="30" y1="10" x2="30" y2="110" stroke="#000"/>'
            f'<polyline points="{pts}" fill="none" stroke="#1f77b4" stroke-width="2"/>{dots}{labels}</svg>')


def page(i, rng):
    values = [rng.randint(10, 100) for _ in range(4)]
    rows = "\n".join(
        f"| TW {q + 1} | {rng.randint(50, 100)},00 | {v},00 | {v * 100 // 90},00 % |"
        for q, v in enumerate(values))
    return f"""---
title: "Indikator {i}: persentase layanan perizinan yang selesai tepat waktu"
---
Indikator ini mengukur persentase layanan yang selesai tepat waktu pada unit {i % 17}.

| Triwulan | Target | Realisasi | Capaian |
|---|---:|---:|---:|
{rows}

{svg(values)}
"""


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(n)
    for folder in ("layouts/_default", "content/indikator"):
        os.makedirs(os.path.join(out, folder), exist_ok=True)
    files = {
        "hugo.toml": CONFIG,
        "layouts/_default/baseof.html": BASEOF,
        "layouts/_default/single.html": SINGLE,
        "layouts/_default/list.html": LIST,
        "content/_index.md": "---\ntitle: Beranda\n---\n",
    }
    for path, text in files.items():
        with open(os.path.join(out, path), "w", encoding="utf-8") as f:
            f.write(text)
    for i in range(1, n + 1):
        with open(os.path.join(out, "content/indikator", f"ind-{i}.md"), "w", encoding="utf-8") as f:
            f.write(page(i, rng))


if __name__ == "__main__":
    main()
