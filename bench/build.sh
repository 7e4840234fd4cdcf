#!/usr/bin/env bash
# Build benchmark: time `sakip-site check` and `sakip-site build` on synthetic sites.
#
#   bench/build.sh [N...]          (default: 5000)
#
# For each N: generate a site with N indicators (bench/gen_site.py) in a temporary folder, then
# run `check` and `build` RUNS times each (default 3) under `/usr/bin/time -v` and print wall
# time, user+sys CPU and peak memory (max RSS) of every run, plus the pages (index.html) and
# files written. Each build writes a new output folder; all are removed at the end.
# Environment: RUNS (runs per command), AS_OF (the --as-of date, default 2024-06-30),
# KEEP=1 keeps the temporary folder.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
runs="${RUNS:-3}"
as_of="${AS_OF:-2024-06-30}"
sizes=("$@")
if [ "${#sizes[@]}" -eq 0 ]; then
    sizes=(5000)
fi

# GNU time (Debian package `time`) for -v; install it once if missing.
if [ ! -x /usr/bin/time ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q time </dev/null >/dev/null
fi

echo "== cargo build --release" >&2
(cd "$repo" && nice cargo build --release --quiet </dev/null)
bin="${CARGO_TARGET_DIR:-$repo/target}/release/sakip-site"

work="$(mktemp -d "${TMPDIR:-/tmp}/sakip-bench.XXXXXX")"
if [ "${KEEP:-0}" != 1 ]; then
    trap 'rm -rf "$work"' EXIT
else
    echo "keeping $work" >&2
fi

# Run a command under /usr/bin/time -v; write "wall cpu rss" (seconds, seconds, MiB) to
# $work/result. Exits the script when the command fails.
measure() {
    local log="$work/time.log"
    if ! /usr/bin/time -v -o "$log" "$@" </dev/null >"$work/cmd.out" 2>&1; then
        cat "$work/cmd.out" >&2
        echo "command failed: $*" >&2
        exit 1
    fi
    awk -F': ' '
        /Elapsed \(wall clock\)/ {
            n = split($2, p, ":"); wall = 0
            for (i = 1; i <= n; i++) wall = wall * 60 + p[i]
        }
        /User time \(seconds\)/ { user = $2 }
        /System time \(seconds\)/ { sys = $2 }
        /Maximum resident set size/ { rss = $2 }
        END { printf "%.2f %.2f %.1f\n", wall, user + sys, rss / 1024 }
    ' "$log" >"$work/result"
}

echo "machine: $(nproc) cores, $(uname -m); sakip-site $("$bin" --version 2>/dev/null || echo '?')"
printf '%-6s %-6s %-4s %9s %9s %9s %7s %7s\n' N command run wall_s cpu_s rss_MiB pages files
for n in "${sizes[@]}"; do
    site="$work/site-$n"
    mkdir -p "$site"
    python3 "$here/gen_site.py" "$n" "$site"
    for cmd in check build; do
        for run in $(seq 1 "$runs"); do
            if [ "$cmd" = check ]; then
                measure "$bin" --root "$site" check --as-of "$as_of"
                pages="-"
                files="-"
            else
                # A fresh output folder per run: removing the previous one first would make
                # the file system's inode allocation part of the figure.
                out="$site/public-$run"
                measure "$bin" --root "$site" build --as-of "$as_of" --output "$out"
                pages="$(find "$out" -name index.html | wc -l)"
                files="$(find "$out" -type f | wc -l)"
            fi
            read -r wall cpu rss <"$work/result"
            printf '%-6s %-6s %-4s %9s %9s %9s %7s %7s\n' "$n" "$cmd" "$run" "$wall" "$cpu" "$rss" "$pages" "$files"
        done
    done
done
