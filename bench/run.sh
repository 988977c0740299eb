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

TIMEOUT="${TIMEOUT:-300}"           # s per run; a run over it is stopped
SLOW="${SLOW:-60}"                   # s; a run slower than this is not repeated
MEM_LIMIT_MB="${MEM_LIMIT_MB:-6144}" # address-space limit per run (ulimit -v)

mkdir -p "$BENCH_DIR" "$WORK"

# --- 1. the release binary ---------------------------------------------------
echo "== cargo build --release (target dir: $TARGET_DIR)" >&2
if ! (cd "$ROOT" && cargo build --release --quiet); then
    [ -x "$BIN" ] || { echo "error: cargo build failed and there is no $BIN to fall back on" >&2; exit 1; }
    echo "warning: cargo build failed; benchmarking the previous binary $BIN" >&2
fi

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
# measure NAME -- CMD...
# Runs CMD up to $RUNS times, each under a time limit ($TIMEOUT s) and an address-space
# limit ($MEM_LIMIT_MB, so a runaway build cannot take the machine down). Prints one line
# per run and the medians. Sets M_STATUS (ok | timeout | out-of-memory | failed),
# M_WALL M_CPU M_RSS (medians; RSS in KB; on failure the numbers of the failed run),
# M_RUNS (runs done) and M_ERR (stderr of the last run).
measure() {
    local name="$1"; shift; shift
    local walls=() cpus=() rsss=() i rc tf="$WORK/time.txt" ef="$WORK/stderr.txt"
    M_STATUS=ok; M_RUNS=0
    for ((i = 1; i <= RUNS; i++)); do
        rc=0
        [ -z "${PREP:-}" ] || bash -c "$PREP"
        ( ulimit -v $((MEM_LIMIT_MB * 1024)); exec "${TIMER[@]}" "$tf" timeout "$TIMEOUT" "$@" ) \
            >"$WORK/stdout.txt" 2>"$ef" || rc=$?
        # GNU time may prepend "Command exited/terminated ..." lines; the numbers are on the last line.
        local w u s m c
        w=0 u=0 s=0 m=0
        read -r w u s m < <(tail -n 1 "$tf" 2>/dev/null) || true
        c=$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%.2f", u+s}')
        walls+=("$w"); cpus+=("$c"); rsss+=("$m"); M_RUNS=$i
        local extra=""
        if [ -n "${SHOW_STAGES:-}" ]; then
            extra=$(grep -E '^  (load\+resolve|render\+write|swap): ' "$ef" | sed 's/^ *//' | paste -sd' ' - | sed 's/: /=/g' || true)
        fi
        printf '  %-28s run %d  wall %7.2f s  cpu %7.2f s  rss %8s MB  %s\n' "$name" "$i" "$w" "$c" "$(fmt_mb "$m")" "$extra"
        if [ "$rc" != 0 ]; then
            if [ "$rc" = 124 ]; then
                M_STATUS=timeout
                echo "  $name: stopped after the ${TIMEOUT} s limit (TIMEOUT=...)"
            elif grep -qiE 'memory allocation of|out of memory|cannot allocate' "$ef"; then
                M_STATUS=out-of-memory
                echo "  $name: ran out of memory under the ${MEM_LIMIT_MB} MB limit (MEM_LIMIT_MB=...)"
            else
                M_STATUS=failed
                echo "  $name: FAILED (exit status $rc); last lines of its output:"
                tail -n 15 "$ef" | sed 's/^/      /'
            fi
            FAILED+=("$name ($M_STATUS)")
            break
        fi
        if [ "$i" -lt "$RUNS" ] && ! le "$w" "$SLOW"; then
            echo "  $name: slower than ${SLOW} s, not repeated (SLOW=...)"
            break
        fi
    done
    M_ERR="$(cat "$ef")"
    M_WALL=$(printf '%s\n' "${walls[@]}" | median)
    M_CPU=$(printf '%s\n' "${cpus[@]}" | median)
    M_RSS=$(printf '%s\n' "${rsss[@]}" | median)
    if [ "$M_STATUS" = ok ]; then
        printf '  %-28s median of %d: wall %7.3f s  cpu %7.2f s  rss %8s MB\n' "$name" "$M_RUNS" "$M_WALL" "$M_CPU" "$(fmt_mb "$M_RSS")"
    fi
}
# show VALUE STATUS: the value, or the status when the command did not finish.
show() { if [ "$2" = ok ]; then echo "$1"; else echo "$2"; fi; }

# --- 4. build and check ---------------------------------------------------------
TARGETS=("real:$ROOT" "S:$BENCH_DIR/pb-S")
[ -n "${SKIP_L:-}" ] || TARGETS+=("L:$BENCH_DIR/pb-L")

declare -A D_WALL D_CPU D_RSS D_ST B_WALL B_CPU B_RSS B_ST B_N C_WALL C_CPU C_RSS C_ST PAGES FILES OUTSIZE STAGES
echo
echo "== up to $RUNS runs each; $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$BIN" --version)"
echo "   limits per run: ${TIMEOUT} s, ${MEM_LIMIT_MB} MB address space; runs slower than ${SLOW} s are not repeated"
for t in "${TARGETS[@]}"; do
    name="${t%%:*}"; dir="${t#*:}"
    dest="$BENCH_DIR/pb-out-$name"
    echo "-- $name ($dir)"
    # Cold: no previous site (removed before each run, untimed), so every file is written.
    PREP="rm -rf '$dest' '$dir/.playbook-cache/site'" SHOW_STAGES=1 PLAYBOOK_TIMINGS=1 \
        measure "cold build $name" -- "$BIN" build --root "$dir" --dest "$dest"
    D_WALL[$name]=$M_WALL; D_CPU[$name]=$M_CPU; D_RSS[$name]=$M_RSS; D_ST[$name]=$M_STATUS
    # Rebuild: the same input again over the previous site (what an author's
    # next build does: unchanged files are compared, not rewritten).
    SHOW_STAGES=1 PLAYBOOK_TIMINGS=1 measure "build $name" -- "$BIN" build --root "$dir" --dest "$dest"
    B_WALL[$name]=$M_WALL; B_CPU[$name]=$M_CPU; B_RSS[$name]=$M_RSS; B_ST[$name]=$M_STATUS; B_N[$name]=$M_RUNS
    line=$(grep -E '^built [0-9]+ pages' <<<"$M_ERR" || true)
    PAGES[$name]=$(sed -nE 's/^built ([0-9]+) pages.*/\1/p' <<<"$line")
    FILES[$name]=$(sed -nE 's/^built [0-9]+ pages \(([0-9]+) files.*/\1/p' <<<"$line")
    STAGES[$name]=$(grep -E '^  (load\+resolve|render\+write|swap): ' <<<"$M_ERR" | sed 's/^ *//' | paste -sd' ' - | sed 's/: /=/g' || true)
    if [ "$M_STATUS" = ok ] && [ -d "$dest" ]; then
        OUTSIZE[$name]=$(du -sh "$dest" 2>/dev/null | cut -f1 || true)
    else
        OUTSIZE[$name]="-"
    fi
    measure "check $name" -- "$BIN" check --root "$dir"
    C_WALL[$name]=$M_WALL; C_CPU[$name]=$M_CPU; C_RSS[$name]=$M_RSS; C_ST[$name]=$M_STATUS
done

# --- 5. checklists on S -----------------------------------------------------------
echo "-- checklists (S, every market, one file each)"
declare -A K_WALL K_RSS K_ST
K_TOTAL=0; K_OK=ok
N_MARKETS=$(find "$BENCH_DIR/pb-S/content/markets" -name '*.yaml' | wc -l)
for fmt in md csv json html; do
    out="$BENCH_DIR/pb-out-checklists-$fmt"
    rm -rf "$out"
    measure "checklist --all $fmt" -- "$BIN" checklist --root "$BENCH_DIR/pb-S" --all --format "$fmt" -o "$out"
    K_WALL[$fmt]=$M_WALL; K_RSS[$fmt]=$M_RSS; K_ST[$fmt]=$M_STATUS
    [ "$M_STATUS" = ok ] || K_OK=failed
    K_TOTAL=$(awk -v a="$K_TOTAL" -v b="$M_WALL" 'BEGIN {printf "%.3f", a+b}')
done
K_OUT=$(du -shc "$BENCH_DIR"/pb-out-checklists-* 2>/dev/null | tail -n 1 | cut -f1 || true)

# --- 6. the tables ------------------------------------------------------------------
echo
echo "== results (median of the runs done; wall and CPU time in seconds, peak RSS in MB)"
printf '%-5s | %4s | %6s | %6s | %7s | %10s | %8s | %8s | %10s | %8s | %8s | %10s | %8s | %8s\n' \
    "" runs pages files output "cold wall" "cpu" "rss" "build wall" "cpu" "rss" "check wall" "cpu" "rss"
printf '%s\n' "------+------+--------+--------+---------+------------+----------+----------+------------+----------+----------+------------+----------+---------"
for t in "${TARGETS[@]}"; do
    n="${t%%:*}"
    printf '%-5s | %4s | %6s | %6s | %7s | %10s | %8s | %8s | %10s | %8s | %8s | %10s | %8s | %8s\n' "$n" "${B_N[$n]}" \
        "${PAGES[$n]:--}" "${FILES[$n]:--}" "${OUTSIZE[$n]:--}" \
        "$(show "${D_WALL[$n]}" "${D_ST[$n]}")" "${D_CPU[$n]}" "$(fmt_mb "${D_RSS[$n]}")" \
        "$(show "${B_WALL[$n]}" "${B_ST[$n]}")" "${B_CPU[$n]}" "$(fmt_mb "${B_RSS[$n]}")" \
        "$(show "${C_WALL[$n]}" "${C_ST[$n]}")" "${C_CPU[$n]}" "$(fmt_mb "${C_RSS[$n]}")"
done
echo "(cold: no previous site, every file written; build: the same input rebuilt over the previous"
echo " site, which is recycled so unchanged files are compared, not rewritten. For a run that did"
echo " not finish, cpu and rss are those of the stopped run.)"
echo
echo "build stages (PLAYBOOK_TIMINGS=1, last run):"
for t in "${TARGETS[@]}"; do
    n="${t%%:*}"
    printf '  %-5s %s\n' "$n" "${STAGES[$n]:-(not reported: the build did not finish)}"
done
echo
printf '%-36s | %13s | %9s\n' "checklists on S ($N_MARKETS markets)" "wall" "rss"
printf '%s\n' "-------------------------------------+---------------+----------"
for fmt in md csv json html; do
    printf '%-36s | %13s | %9s\n' "checklist --all --format $fmt" "$(show "${K_WALL[$fmt]}" "${K_ST[$fmt]}")" "$(fmt_mb "${K_RSS[$fmt]}")"
done
printf '%-36s | %13s | %9s\n' "all four formats (output $K_OUT)" "$(show "$K_TOTAL" "$K_OK")" ""

echo
echo "== budgets"
printf '%-40s | %13s | %8s | %s\n' budget measured limit verdict
printf '%s\n' "-----------------------------------------+---------------+----------+--------"
row() { # label value limit status
    local v
    if [ "$4" = ok ]; then v=$(verdict "$2" "$3"); else v="OVER ($4)"; fi
    printf '%-40s | %13s | %8s | %s\n' "$1" "$(show "$2" "$4")" "$3" "$v"
}
row "real playbook: build wall (s)" "${B_WALL[real]}" "$BUDGET_REAL_WALL" "${B_ST[real]}"
row "real playbook: cold build wall (s)" "${D_WALL[real]}" "$BUDGET_REAL_WALL" "${D_ST[real]}"
row "S checklists, 4 formats: total wall (s)" "$K_TOTAL" "$BUDGET_CHECKLISTS" "$K_OK"
if [ -z "${SKIP_L:-}" ]; then
    row "L: build wall (s)" "${B_WALL[L]}" "$BUDGET_L_WALL" "${B_ST[L]}"
    row "L: cold build wall (s)" "${D_WALL[L]}" "$BUDGET_L_WALL" "${D_ST[L]}"
    row "L: build peak RSS (MB)" "$(fmt_mb "${B_RSS[L]}")" "$BUDGET_L_RSS_MB" "${B_ST[L]}"
    row "L: cold build peak RSS (MB)" "$(fmt_mb "${D_RSS[L]}")" "$BUDGET_L_RSS_MB" "${D_ST[L]}"
    RATIO=$(awk -v l="${B_WALL[L]}" -v s="${B_WALL[S]}" 'BEGIN {if (s+0 > 0) printf "%.2f", l/s; else print "nan"}')
    st=ok; [ "${B_ST[S]}" = ok ] || st="S ${B_ST[S]}"; [ "${B_ST[L]}" = ok ] || st="L ${B_ST[L]}"
    row "L / S: build wall (x)" "$RATIO" "$BUDGET_L_OVER_S" "$st"
    if [ "${B_ST[L]}" != ok ] || ! le "$RATIO" "$BUDGET_L_OVER_S"; then
        echo
        echo "note: L does not build within 5.5x the time of S, so something grows faster than the content."
        echo "      Per-stage times:     PLAYBOOK_TIMINGS=1 $BIN build --root $BENCH_DIR/pb-L --dest $BENCH_DIR/pb-out-L"
        echo "      Per-template times:  PLAYBOOK_PROFILE=1 (same command; renders every page twice)"
        echo "      One dimension at a time: $PYTHON $GEN --size S --set markets=250 --force DIR"
    fi
fi

if [ "${#FAILED[@]}" -gt 0 ]; then
    echo
    echo "did not finish: ${FAILED[*]}"
    exit 1
fi
