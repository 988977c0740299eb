#!/usr/bin/env bash
# Search budgets (issue #6): build time with and without the full-text index
# (PLAYBOOK_NO_FULLTEXT=1 leaves it out), the first search's download, each
# later query's download, and keystroke → results, on the real playbook, S
# and (with L=1) L.
#
#   bench/search.sh
#   RUNS=10 SKIP_S=1 bench/search.sh
#   L=1 RUNS=3 bench/search.sh               # also L (generated into $BENCH_DIR/pb-L if missing)
#
# Needs Chromium and `npm ci` in tests/browser. See bench/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
BENCH_DIR="${BENCH_DIR:-/tmp}"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/playbook"
(cd "$ROOT" && cargo build --release -q)
[ -n "${SKIP_S:-}" ] || [ -d "$BENCH_DIR/pb-S" ] || python3 "$ROOT/bench/gen_playbook.py" --size S --out "$BENCH_DIR/pb-S"
[ -z "${L:-}" ] || [ -d "$BENCH_DIR/pb-L" ] || python3 "$ROOT/bench/gen_playbook.py" --size L --out "$BENCH_DIR/pb-L"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_build() { # ROOT DEST [env…] → median wall seconds
    local t=()
    for _ in $(seq "$RUNS"); do
        rm -rf "$2"
        local s e
        s=$(date +%s.%N); env "${@:3}" "$BIN" build --root "$1" --dest "$2" 2>/dev/null; e=$(date +%s.%N)
        t+=("$(awk -v s="$s" -v e="$e" 'BEGIN {printf "%.3f", e-s}')")
    done
    printf '%s\n' "${t[@]}" | median
}

TARGETS=("real:$ROOT")
[ -n "${SKIP_S:-}" ] || TARGETS+=("S:$BENCH_DIR/pb-S")
[ -z "${L:-}" ] || TARGETS+=("L:$BENCH_DIR/pb-L")
echo "== build wall time, median of $RUNS ($(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
for t in "${TARGETS[@]}"; do
    name="${t%%:*}"; dir="${t#*:}"
    without=$(time_build "$dir" "$BENCH_DIR/pb-search-base-$name" PLAYBOOK_NO_FULLTEXT=1)
    with=$(time_build "$dir" "$BENCH_DIR/pb-search-$name")
    echo "$name: with index ${with} s, without ${without} s, +$(awk -v a="$with" -v b="$without" 'BEGIN {printf "%.0f", (a/b-1)*100}')%"
    rm -rf "$BENCH_DIR/pb-search-base-$name"
done

echo "== downloads and keystroke → results (headless Chromium)"
for t in "${TARGETS[@]}"; do
    name="${t%%:*}"
    echo "-- $name"
    node "$ROOT/bench/search_measure.js" "$BENCH_DIR/pb-search-$name"
done
