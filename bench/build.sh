#!/usr/bin/env bash
# Build benchmark: sakip-site `check` and `build` on synthetic sites, against Debian's `hugo`
# building as many plain pages (a table and an inline SVG each) in the same run.
#
#   bench/build.sh [N...]          (default: 5000)
#
# For each N: generate a site with N indicators (bench/gen_site.py) and a Hugo site with N pages
# (bench/gen_hugo.py) in a temporary folder, then run, RUNS times each (default 3) under
# `/usr/bin/time -v`:
#   check    sakip-site check
#   build    sakip-site build (release) into a new output folder
#   no-pdf   the same with --no-pdf: the site, the open data and the workbook, no PDF reports
#   rebuild  the same build again into the folder the previous run wrote (nothing changed)
#   hugo     hugo --quiet into a new folder
# and print wall time, user+sys CPU, peak memory (max RSS), and for builds the bytes, files and
# the largest page (index.html) written. `check` alone then runs again at every N and at every N
# of CHECK_SIZES (default 20000), the sizes in turn, and the last line gives its median wall time
# at the largest N against the smallest: whether it grows linearly.
# Environment: RUNS, AS_OF (the --as-of date, default 2024-06-30), CHECK_SIZES, KEEP=1 keeps
# the temporary folder. GNU time and hugo are installed with apt-get when missing (as root, or
# with sudo -n); otherwise install them by hand: `apt-get install -y time hugo`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
runs="${RUNS:-3}"
as_of="${AS_OF:-2024-06-30}"
read -r -a check_sizes <<<"${CHECK_SIZES-20000}"
sizes=("$@")
# Wall times of `check` by N (an indexed array, so that N is walked in increasing order).
check_walls=()
if [ "${#sizes[@]}" -eq 0 ]; then
    sizes=(5000)
fi

# Install a Debian package once if its command is missing.
need() {
    local command="$1" package="$2"
    if command -v "$command" >/dev/null 2>&1; then return; fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; fi
    echo "== installing $package" >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" </dev/null >/dev/null
}
need /usr/bin/time time
need hugo hugo

echo "== cargo build --release" >&2
(cd "$repo" && nice cargo build --release --quiet </dev/null)
bin="${CARGO_TARGET_DIR:-$repo/target}/release/sakip-site"

work="$(mktemp -d "${TMPDIR:-/tmp}/sakip-bench.XXXXXX")"
if [ "${KEEP:-0}" != 1 ]; then
    trap 'rm -rf "$work"' EXIT
else
    echo "keeping $work" >&2
fi

# Run a command under /usr/bin/time -v (after a sync); write "wall cpu rss" (seconds, seconds, MiB) to
# $work/result. The wall time is taken to the millisecond around the command (GNU time gives
# hundredths, too coarse for a `check` of 0.09 s); CPU is GNU time's user + system. Exits the
# script when the command fails.
measure() {
    local log="$work/time.log" start end
    # Earlier runs leave hundreds of MB waiting to be written back; flushed here so that no run
    # pays for the one before it (without this, a build's system time varied 1.4-5.8 s).
    sync
    start="$(date +%s%N)"
    if ! /usr/bin/time -v -o "$log" "$@" </dev/null >"$work/cmd.out" 2>&1; then
        cat "$work/cmd.out" >&2
        echo "command failed: $*" >&2
        exit 1
    fi
    end="$(date +%s%N)"
    awk -F': ' -v ns="$((end - start))" '
        /User time \(seconds\)/ { user = $2 }
        /System time \(seconds\)/ { sys = $2 }
        /Maximum resident set size/ { rss = $2 }
        END { printf "%.3f %.2f %.1f\n", ns / 1e9, user + sys, rss / 1024 }
    ' "$log" >"$work/result"
}

# "MB files largest_KB largest_page" of an output folder.
sizes_of() {
    local out="$1" bytes files largest
    bytes="$(find "$out" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')"
    files="$(find "$out" -type f | wc -l)"
    largest="$(find "$out" -type f -name index.html -printf '%s %P\n' | sort -n | tail -1)"
    echo "$bytes $files $(awk '{ printf "%.1f %s", $1 / 1024, $2 }' <<<"$largest")"
}

row() {
    printf '%-6s %-8s %-3s %7s %7s %8s %8s %7s %10s %s\n' "$@"
}

# RUNS builds of the site of size $1, labelled $2, into "$site/$3-<run>", with more arguments.
builds() {
    local n="$1" label="$2" prefix="$3" run out
    shift 3
    for run in $(seq 1 "$runs"); do
        out="$site/$prefix-$run"
        measure "$bin" --root "$site" build --as-of "$as_of" "$@" --output "$out"
        read -r wall cpu rss <"$work/result"
        # shellcheck disable=SC2046
        row "$n" "$label" "$run" "$wall" "$cpu" "$rss" $(sizes_of "$out")
    done
}

echo "machine: $(nproc) cores, $(uname -m); sakip-site $("$bin" --version 2>/dev/null || echo '?'); $(hugo version 2>/dev/null | cut -d' ' -f1-2)"
row N command run wall_s cpu_s rss_MiB out_MB files largest_KB largest_page
for n in "${sizes[@]}"; do
    site="$work/site-$n"
    hugo_site="$work/hugo-$n"
    mkdir -p "$site" "$hugo_site"
    python3 "$here/gen_site.py" "$n" "$site"
    python3 "$here/gen_hugo.py" "$n" "$hugo_site"
    for run in $(seq 1 "$runs"); do
        measure "$bin" --root "$site" check --as-of "$as_of"
        read -r wall cpu rss <"$work/result"
        row "$n" check "$run" "$wall" "$cpu" "$rss" - - - -
    done
    # A fresh output folder per run (removing the previous one first would make the file
    # system's inode allocation part of the figure); `rebuild` writes into build's folders again.
    builds "$n" build public
    builds "$n" rebuild public
    builds "$n" no-pdf no-pdf --no-pdf
    for run in $(seq 1 "$runs"); do
        out="$hugo_site/public-$run"
        measure hugo --quiet --source "$hugo_site" --destination "$out"
        read -r wall cpu rss <"$work/result"
        # shellcheck disable=SC2046
        row "$n" hugo "$run" "$wall" "$cpu" "$rss" $(sizes_of "$out")
    done
    rm -rf "$site"/public-* "$site"/no-pdf-* "$hugo_site"/public-*
done
# `check` at every N of CHECK_SIZES too, the runs of all sizes taken in turn (5,000, 20,000,
# 5,000, …) so that each comparison is made at the same moment of the host's load.
for n in "${check_sizes[@]}"; do
    python3 "$here/gen_site.py" "$n" "$work/site-$n"
done
all_sizes=("${sizes[@]}" "${check_sizes[@]}")
for run in $(seq 1 "$runs"); do
    for n in "${all_sizes[@]}"; do
        measure "$bin" --root "$work/site-$n" check --as-of "$as_of"
        read -r wall cpu rss <"$work/result"
        row "$n" check "$run" "$wall" "$cpu" "$rss" - - - -
        check_walls[n]="${check_walls[n]:-} $wall"
    done
done
# How `check` grows: the median wall time of those runs at each N against the smallest N's.
first=""
for n in "${!check_walls[@]}"; do
    median="$(awk '{ for (i = 1; i <= NF; i++) print $i }' <<<"${check_walls[n]}" | sort -n |
        awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
    if [ -z "$first" ]; then
        first="$n $median"
        continue
    fi
    read -r n0 m0 <<<"$first"
    awk -v n="$n" -v m="$median" -v n0="$n0" -v m0="$m0" 'BEGIN {
        printf "check: median wall %.3f s at N = %d and %.3f s at N = %d: %.2f times the time for %.0f times N\n",
            m0, n0, m, n, m / m0, n / n0
    }'
done
