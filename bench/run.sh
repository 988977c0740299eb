#!/usr/bin/env bash
# Benchmark `playbook build`, `playbook check` and `playbook checklist --all`
# on the real playbook (repo root) and on generated playbooks S and L.
#
#   bench/run.sh                      # 3 runs each
#   RUNS=5 bench/run.sh
#   BENCH_DIR=/data/bench bench/run.sh
#   CARGO_TARGET_DIR=/tmp/bench-target bench/run.sh
#   SKIP_L=1 bench/run.sh             # only the real playbook and S
#
# See bench/README.md for what the numbers mean and the budgets.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-3}"
BENCH_DIR="${BENCH_DIR:-/tmp}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="$TARGET_DIR/release/playbook"
GEN="$ROOT/bench/gen_playbook.py"
WORK="$BENCH_DIR/pb-bench-work"
PYTHON="${PYTHON:-python3}"

# Budgets (see bench/README.md).
BUDGET_REAL_WALL=0.150   # s
BUDGET_L_WALL=4.0        # s
BUDGET_L_RSS_MB=600      # MB
BUDGET_L_OVER_S=5.5      # L build wall / S build wall
BUDGET_CHECKLISTS=2.0    # s, all four formats for every market of S

mkdir -p "$BENCH_DIR" "$WORK"

# --- 1. the release binary ---------------------------------------------------
echo "== cargo build --release (target dir: $TARGET_DIR)" >&2
(cd "$ROOT" && cargo build --release --quiet)
[ -x "$BIN" ] || { echo "error: $BIN was not built" >&2; exit 1; }

# --- 2. the timer: GNU time, or a python wrapper with the same output ---------
TIMER=()
if /usr/bin/time -f "%e" -o /dev/null true 2>/dev/null; then
    TIMER=(/usr/bin/time -f "%e %U %S %M" -o)
else
    echo "note: GNU time not found (Debian/Ubuntu: apt-get install time); using a python fallback" >&2
    PYTIME="$WORK/pytime.py"
    cat >"$PYTIME" <<'EOF'
import os, resource, subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
t = time.monotonic()
rc = subprocess.call(cmd)
wall = time.monotonic() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as f:  # same fields as GNU time -f "%e %U %S %M" (maxrss in KB on Linux)
    f.write(f"{wall:.2f} {ru.ru_utime:.2f} {ru.ru_stime:.2f} {ru.ru_maxrss}\n")
sys.exit(rc)
EOF
    TIMER=("$PYTHON" "$PYTIME")
fi

# --- 3. the playbooks ----------------------------------------------------------
# Regenerate when the generator changed since the folder was made.
GEN_SUM="$(cksum <"$GEN" | cut -d' ' -f1)"
ensure_playbook() { # size dir
    local size="$1" dir="$2"
    if [ -f "$dir/.gen-stamp" ] && [ "$(cat "$dir/.gen-stamp")" = "$size $GEN_SUM" ] && [ -f "$dir/book.toml" ]; then
        return
    fi
    echo "== generating size $size into $dir" >&2
    "$PYTHON" "$GEN" --size "$size" --force "$dir"
    echo "$size $GEN_SUM" >"$dir/.gen-stamp"
}
ensure_playbook S "$BENCH_DIR/pb-S"
[ -n "${SKIP_L:-}" ] || ensure_playbook L "$BENCH_DIR/pb-L"

# --- helpers -------------------------------------------------------------------
median() { # numbers on stdin -> median
    sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "nan"; exit}
        if (NR%2) printf "%.3f\n", a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'
}
fmt_mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k/1024}'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a <= b)}'; }
verdict() { if le "$1" "$2"; then echo "ok"; else echo "OVER"; fi; }

FAILED=()
# measure NAME -- CMD...   Runs CMD $RUNS times; sets M_WALL M_CPU M_RSS (medians; RSS in KB)
# and M_ERR (stderr of the last run). Prints one line per run.
measure() {
    local name="$1"; shift; shift
    local walls=() cpus=() rsss=() i tf="$WORK/time.txt" ef="$WORK/stderr.txt"
    M_OK=1
    for ((i = 1; i <= RUNS; i++)); do
        if ! "${TIMER[@]}" "$tf" "$@" >"$WORK/stdout.txt" 2>"$ef"; then
            M_OK=0
            printf '  %-28s run %d  FAILED (exit status non-zero); last lines of its output:\n' "$name" "$i"
            tail -n 15 "$ef" | sed 's/^/      /'
            grep -v '^Command exited' "$tf" >/dev/null 2>&1 || true
            FAILED+=("$name")
            break
        fi
        # GNU time may prepend "Command exited ..." lines; the numbers are on the last line.
        read -r w u s m < <(tail -n 1 "$tf")
        local c; c=$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%.2f", u+s}')
        walls+=("$w"); cpus+=("$c"); rsss+=("$m")
        local extra=""
        if [ -n "${SHOW_STAGES:-}" ]; then
            extra=$(grep -E '^  (load\+resolve|render|write): ' "$ef" | sed 's/^ *//' | paste -sd' ' - | sed 's/: /=/g')
        fi
        printf '  %-28s run %d  wall %7.3f s  cpu %7.2f s  rss %8s MB  %s\n' "$name" "$i" "$w" "$c" "$(fmt_mb "$m")" "$extra"
    done
    M_ERR="$(cat "$ef")"
    if [ "$M_OK" = 1 ]; then
        M_WALL=$(printf '%s\n' "${walls[@]}" | median)
        M_CPU=$(printf '%s\n' "${cpus[@]}" | median)
        M_RSS=$(printf '%s\n' "${rsss[@]}" | median)
        printf '  %-28s median wall %7.3f s  cpu %7.2f s  rss %8s MB\n' "$name" "$M_WALL" "$M_CPU" "$(fmt_mb "$M_RSS")"
    else
        M_WALL=nan; M_CPU=nan; M_RSS=0
    fi
}

# --- 4. build and check ---------------------------------------------------------
TARGETS=("real:$ROOT" "S:$BENCH_DIR/pb-S")
[ -n "${SKIP_L:-}" ] || TARGETS+=("L:$BENCH_DIR/pb-L")

declare -A B_WALL B_CPU B_RSS C_WALL C_CPU C_RSS PAGES FILES OUTSIZE
echo
echo "== $RUNS runs each ($(nproc) CPUs, $("$BIN" --version))"
for t in "${TARGETS[@]}"; do
    name="${t%%:*}"; dir="${t#*:}"
    dest="$BENCH_DIR/pb-out-$name"
    echo "-- $name ($dir)"
    SHOW_STAGES=1 PLAYBOOK_TIMINGS=1 measure "build $name" -- "$BIN" build --root "$dir" --dest "$dest"
    B_WALL[$name]=$M_WALL; B_CPU[$name]=$M_CPU; B_RSS[$name]=$M_RSS
    line=$(grep -E '^built [0-9]+ pages' <<<"$M_ERR" || true)
    PAGES[$name]=$(sed -nE 's/^built ([0-9]+) pages.*/\1/p' <<<"$line")
    FILES[$name]=$(sed -nE 's/^built [0-9]+ pages \(([0-9]+) files.*/\1/p' <<<"$line")
    OUTSIZE[$name]=$( [ -d "$dest" ] && du -sh "$dest" 2>/dev/null | cut -f1 || echo "-")
    measure "check $name" -- "$BIN" check --root "$dir"
    C_WALL[$name]=$M_WALL; C_CPU[$name]=$M_CPU; C_RSS[$name]=$M_RSS
done

# --- 5. checklists on S -----------------------------------------------------------
echo "-- checklists (S, every market, one file each)"
declare -A K_WALL K_RSS
K_TOTAL=0
N_MARKETS=$(find "$BENCH_DIR/pb-S/content/markets" -name '*.yaml' | wc -l)
for fmt in md csv json html; do
    out="$BENCH_DIR/pb-out-checklists-$fmt"
    rm -rf "$out"
    measure "checklist --all $fmt" -- "$BIN" checklist --root "$BENCH_DIR/pb-S" --all --format "$fmt" -o "$out"
    K_WALL[$fmt]=$M_WALL; K_RSS[$fmt]=$M_RSS
    K_TOTAL=$(awk -v a="$K_TOTAL" -v b="$M_WALL" 'BEGIN {printf "%.3f", a+b}')
done

# --- 6. the tables ------------------------------------------------------------------
echo
echo "== results (medians of $RUNS runs; wall and CPU in seconds, peak RSS in MB)"
printf '%-5s | %6s | %6s | %8s | %10s | %9s | %9s | %10s | %10s | %9s\n' \
    "" pages files output "build wall" "build cpu" "build rss" "check wall" "check cpu" "check rss"
printf '%s\n' "------+--------+--------+----------+------------+-----------+-----------+------------+------------+----------"
for t in "${TARGETS[@]}"; do
    n="${t%%:*}"
    printf '%-5s | %6s | %6s | %8s | %10s | %9s | %9s | %10s | %10s | %9s\n' "$n" \
        "${PAGES[$n]:--}" "${FILES[$n]:--}" "${OUTSIZE[$n]:--}" "${B_WALL[$n]}" "${B_CPU[$n]}" "$(fmt_mb "${B_RSS[$n]}")" \
        "${C_WALL[$n]}" "${C_CPU[$n]}" "$(fmt_mb "${C_RSS[$n]}")"
done
echo
printf '%-32s | %10s | %9s\n' "checklists on S ($N_MARKETS markets)" "wall" "rss"
printf '%s\n' "---------------------------------+------------+----------"
for fmt in md csv json html; do
    printf '%-32s | %10s | %9s\n' "checklist --all --format $fmt" "${K_WALL[$fmt]}" "$(fmt_mb "${K_RSS[$fmt]}")"
done
printf '%-32s | %10s |\n' "all four formats" "$K_TOTAL"

echo
echo "== budgets"
printf '%-40s | %10s | %10s | %s\n' budget measured limit verdict
printf '%s\n' "-----------------------------------------+------------+------------+--------"
row() { printf '%-40s | %10s | %10s | %s\n' "$1" "$2" "$3" "$( [ "$2" = nan ] && echo FAILED || verdict "$2" "$3")"; }
row "real playbook build wall (s)" "${B_WALL[real]}" "$BUDGET_REAL_WALL"
row "checklists S, 4 formats, total wall (s)" "$K_TOTAL" "$BUDGET_CHECKLISTS"
if [ -z "${SKIP_L:-}" ]; then
    row "L build wall (s)" "${B_WALL[L]}" "$BUDGET_L_WALL"
    row "L build peak RSS (MB)" "$(fmt_mb "${B_RSS[L]}")" "$BUDGET_L_RSS_MB"
    RATIO=$(awk -v l="${B_WALL[L]}" -v s="${B_WALL[S]}" 'BEGIN {if (s+0 > 0 && l != "nan") printf "%.2f", l/s; else print "nan"}')
    row "L / S build wall (x)" "$RATIO" "$BUDGET_L_OVER_S"
    CRATIO=$(awk -v l="${C_WALL[L]}" -v s="${C_WALL[S]}" 'BEGIN {if (s+0 > 0 && l != "nan") printf "%.2f", l/s; else print "nan"}')
    printf '%-40s | %10s | %10s | %s\n' "L / S check wall (x, informative)" "$CRATIO" "-" "-"
    if le 5.5 "$RATIO" 2>/dev/null && [ "$RATIO" != nan ]; then
        echo
        echo "note: L takes more than 5.5x S: something grows faster than linearly. Per-stage times:"
        echo "      PLAYBOOK_TIMINGS=1 $BIN build --root $BENCH_DIR/pb-L --dest $BENCH_DIR/pb-out-L"
        echo "      PLAYBOOK_PROFILE=1 (per-template render times) on the same command"
    fi
fi

if [ "${#FAILED[@]}" -gt 0 ]; then
    echo
    echo "FAILED: ${FAILED[*]}"
    exit 1
fi
