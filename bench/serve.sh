#!/usr/bin/env bash
# Live-preview benchmark (issue 13, item 8): the time from a saved edit of one quarter file to
# the reload event of `sakip-site serve`.
#
#   bench/serve.sh [N...]          (default: the example site, then 5000)
#
# Each argument is `example` (a copy of the repository's content/ and themes/) or a number N
# (a synthetic site of N indicators from bench/gen_site.py). For each site: start the release
# binary's `serve` on a free loopback port, open the reload stream, then RUNS times (default 5)
# change one digit of the first figure of `content/2023/realisasi/tw1.yaml`, save it in place,
# and time until the `reload` event arrives. Prints every run and the median. Everything lives
# in one temporary folder, removed at the end.
# Environment: RUNS (edits per site), AS_OF (the --as-of date, default 2024-06-30), BIN (time
# this binary instead of building the work tree's, e.g. an older build for a before/after figure),
# CLIENTS (other reload streams held open meanwhile, default 0: compare 0 and 50 to see that
# waiting pages do not slow a rebuild).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
runs="${RUNS:-5}"
as_of="${AS_OF:-2024-06-30}"
sites=("$@")
if [ "${#sites[@]}" -eq 0 ]; then
    sites=(example 5000)
fi

if [ -n "${BIN:-}" ]; then
    bin="$BIN"
else
    echo "== cargo build --release" >&2
    (cd "$repo" && nice cargo build --release --quiet </dev/null)
    bin="${CARGO_TARGET_DIR:-$repo/target}/release/sakip-site"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/sakip-bench-serve.XXXXXX")"
server=""
cleanup() {
    if [ -n "$server" ]; then kill -INT "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# Edit, wait for the reload event, repeat; prints one line per run and the median (ms).
measure() {
    python3 - "$1" "$2" "$runs" "${CLIENTS:-0}" <<'PY'
import re, socket, statistics, sys, time

port, quarter, runs, clients = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
deadline = time.monotonic() + 600
while True:  # the first build of a large site takes a while
    try:
        stream = socket.create_connection(("127.0.0.1", port), timeout=5)
        break
    except OSError:
        if time.monotonic() > deadline:
            sys.exit("serve did not answer")
        time.sleep(0.1)
stream.settimeout(120)
stream.sendall(f"GET /__sakip/reload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
seen = b""
def wait_for(marker):
    global seen
    while marker not in seen:
        chunk = stream.recv(65536)
        if not chunk:
            sys.exit("the reload stream closed")
        seen += chunk
    seen = seen[seen.index(marker) + len(marker):]
wait_for(b"event: hello")
# Pages that wait for a reload while the measured one does (never read: the server must cope).
others = []
for _ in range(clients):
    other = socket.create_connection(("127.0.0.1", port), timeout=5)
    other.sendall(f"GET /__sakip/reload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    others.append(other)
figure = re.compile(r"^(\s+realisasi: \"?)(\d[\d.,]*)", re.M)
times = []
for run in range(1, runs + 1):
    text = open(quarter, encoding="utf-8").read()
    match = figure.search(text)
    value = match.group(2)
    changed = value[:-1] + str((int(value[-1]) + 1) % 10)
    edited = text[: match.start(2)] + changed + text[match.end(2):]
    with open(quarter, "w", encoding="utf-8") as f:
        f.write(edited)
    saved = time.monotonic()
    wait_for(b"event: reload")
    ms = (time.monotonic() - saved) * 1000
    times.append(ms)
    print(f"  edit {run}: {value} -> {changed}: reload after {ms:.0f} ms", flush=True)
    time.sleep(0.5)  # let the tree go quiet, so that each edit is its own rebuild
print(f"  median {statistics.median(times):.0f} ms, min {min(times):.0f} ms, max {max(times):.0f} ms")
PY
}

echo "machine: $(nproc) cores, $(uname -m); sakip-site $("$bin" --version 2>/dev/null || echo '?')"
for name in "${sites[@]}"; do
    site="$work/site-$name"
    mkdir -p "$site"
    if [ "$name" = example ]; then
        cp -r "$repo/content" "$repo/themes" "$site/"
    else
        python3 "$here/gen_site.py" "$name" "$site"
    fi
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    "$bin" --root "$site" serve --port "$port" --as-of "$as_of" 2>"$work/serve-$name.log" &
    server=$!
    echo "site $name ($(find "$site/content" -type f | wc -l) content files, ${CLIENTS:-0} other pages open):"
    if ! measure "$port" "$site/content/2023/realisasi/tw1.yaml"; then
        cat "$work/serve-$name.log" >&2
        exit 1
    fi
    grep -E "dibangun|gagal" "$work/serve-$name.log" | head -1 | sed 's/^sakip-site serve: /  first build: /'
    if grep -q "build gagal" "$work/serve-$name.log"; then
        echo "  a build failed, so the times above are not of good rebuilds:" >&2
        cat "$work/serve-$name.log" >&2
        exit 1
    fi
    kill -INT "$server"
    wait "$server" || true
    server=""
done
