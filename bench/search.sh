#!/usr/bin/env bash
# Search budgets (issue #6): build time with and without the full-text index,
# the first search's download, each later query's download, and keystroke →
# results, on the real playbook and on S.
#
#   bench/search.sh                          # current binary only
#   BASE_BIN=/path/to/playbook bench/search.sh   # also time a binary built without the index
#                                            # (e.g. the commit before search: git worktree + cargo build --release)
#   RUNS=10 SKIP_S=1 bench/search.sh
#
# Needs Chromium and `npm ci` in tests/browser. See bench/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
BENCH_DIR="${BENCH_DIR:-/tmp}"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/playbook"
(cd "$ROOT" && cargo build --release -q)
[ -d "$BENCH_DIR/pb-S" ] || python3 "$ROOT/bench/gen_playbook.py" --size S --out "$BENCH_DIR/pb-S"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_build() { # BIN ROOT DEST → median wall seconds
    local t=()
    for _ in $(seq "$RUNS"); do
        rm -rf "$3"
        local s e
        s=$(date +%s.%N); "$1" build --root "$2" --dest "$3" 2>/dev/null; e=$(date +%s.%N)
        t+=("$(awk -v s="$s" -v e="$e" 'BEGIN {printf "%.3f", e-s}')")
    done
    printf '%s\n' "${t[@]}" | median
}

TARGETS=("real:$ROOT")
[ -n "${SKIP_S:-}" ] || TARGETS+=("S:$BENCH_DIR/pb-S")
echo "== build wall time, median of $RUNS ($(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
for t in "${TARGETS[@]}"; do
    name="${t%%:*}"; dir="${t#*:}"
    with=$(time_build "$BIN" "$dir" "$BENCH_DIR/pb-search-$name")
    if [ -n "${BASE_BIN:-}" ]; then
        without=$(time_build "$BASE_BIN" "$dir" "$BENCH_DIR/pb-search-base-$name")
        echo "$name: with index ${with} s, without ${without} s, +$(awk -v a="$with" -v b="$without" 'BEGIN {printf "%.0f", (a/b-1)*100}')%"
    else
        echo "$name: with index ${with} s (set BASE_BIN to compare)"
    fi
done

echo "== downloads and keystroke → results (headless Chromium)"
for t in "${TARGETS[@]}"; do
    name="${t%%:*}"
    echo "-- $name"
    node "$ROOT/bench/search_measure.js" "$BENCH_DIR/pb-search-$name"
done
