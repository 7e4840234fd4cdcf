#!/usr/bin/env bash
# Hostile-input benchmark (issue 12 item 2): inputs that used to make the build super-linear,
# each at two sizes, so a reader can see the time grow (at most) linearly with the size.
#
#   bench/hostile.sh [SMALL] [LARGE]      (default: 20000 80000)
#
# For each case, a copy of tests/fixtures/minimal is patched with the hostile input of size
# SMALL and of size LARGE, then `sakip-site build` runs on it (which checks first, and refuses
# what `check` refuses). Printed per case: the size, the wall time, the exit code and the
# diagnostic codes. Not a test: the figures depend on the machine; what matters is the ratio
# of the two times against the ratio of the sizes (4 by default). Environment: AS_OF (default
# 2024-06-30), KEEP=1 keeps the temporary folder.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
small="${1:-20000}"
large="${2:-80000}"
as_of="${AS_OF:-2024-06-30}"

echo "== cargo build --release" >&2
(cd "$repo" && nice cargo build --release --quiet </dev/null)
bin="${CARGO_TARGET_DIR:-$repo/target}/release/sakip-site"

work="$(mktemp -d "${TMPDIR:-/tmp}/sakip-hostile.XXXXXX")"
if [ "${KEEP:-0}" != 1 ]; then
    trap 'rm -rf "$work"' EXIT
else
    echo "keeping $work" >&2
fi

# Write the hostile input `case` of size `n` into the site at `root`.
patch_site() {
    python3 - "$1" "$2" "$3" <<'EOF'
import os, sys
case, n, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
content = os.path.join(root, "content")

def write(rel, text):
    with open(os.path.join(content, rel), "w", encoding="utf-8") as f:
        f.write(text)

def replace(rel, old, new):
    path = os.path.join(content, rel)
    text = open(path, encoding="utf-8").read()
    assert old in text, (rel, old)
    write(rel, text.replace(old, new, 1))

page = "---\ntitle: Hostile\n---\n"
if case == "page-quotes":          # `>` repeated n times in a page
    write("halaman/x.md", page + ">" * n + " a\n")
elif case == "page-divs":          # `<div>` repeated n times, never closed
    write("halaman/x.md", page + "<div>" * n + "a\n")
elif case == "catatan-quotes":     # `>` repeated n times in a catatan
    replace("2023/realisasi/tw1.yaml", "catatan: Realisasi triwulan 1.", 'catatan: "' + ">" * n + ' a"')
elif case == "page-closed-divs":   # a valid page: n lines of closed `<div>` (it is built)
    write("halaman/x.md", page + "<div>a</div>\n\n" * n)
elif case == "unknown-refs":       # n/20 indicators, n/20 capaian naming unknown ones
    k = n // 20
    rows = "".join(f"          - {{id: IKU-X{i}, nama: N, satuan: indeks, polaritas: positif, agregasi: terakhir}}\n" for i in range(k))
    replace("renstra.yaml", "        indikator:\n          - id: IKU-2", "        indikator:\n" + rows + "          - id: IKU-2")
    caps = "".join(f"  - {{indikator: IKU-Y{i}, realisasi: 1}}\n" for i in range(k))
    write("2023/realisasi/tw1.yaml", "tahun: 2023\ntriwulan: 1\ndilaporkan: {oleh: T, tanggal: 2023-04-05}\ncapaian:\n" + caps)
elif case == "long-name":          # an agency name of n*50 characters (a few MiB at the large size)
    replace("sakip.yaml", "nama: Dinas Contoh", "nama: " + "Dinas " * (n * 50 // 6))
elif case == "many-pages":         # n/200 Markdown pages, each in the menu of every page
    for i in range(n // 200):
        write(f"halaman/p{i:05}.md", f"---\ntitle: Halaman {i} {'x' * 400}\n---\nisi\n")
else:
    sys.exit(f"unknown case {case}")
EOF
}

# Time one build of case $1 at size $2; print one line.
run_case() {
    local case="$1" n="$2" root="$work/$1-$2"
    rm -rf "$root"
    cp -r "$repo/tests/fixtures/minimal" "$root"
    patch_site "$case" "$n" "$root"
    local start end code=0
    start=$(date +%s.%N)
    "$bin" --root "$root" build --as-of "$as_of" --output "$root/public" </dev/null >"$root/out.txt" 2>&1 || code=$?
    end=$(date +%s.%N)
    local codes
    codes=$(grep -o '^error\[[a-z-]*\]\|^warning\[[a-z-]*\]' "$root/out.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';' || true)
    printf '%-18s %8s %8.2fs  exit %s  %s\n' "$case" "$n" "$(echo "$end - $start" | bc)" "$code" "${codes:-(none)}"
    rm -rf "$root"
}

printf '%-18s %8s %9s\n' case size wall
for case in page-quotes page-divs catatan-quotes page-closed-divs unknown-refs long-name many-pages; do
    run_case "$case" "$small"
    run_case "$case" "$large"
done
