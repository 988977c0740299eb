#!/usr/bin/env python3
"""What the full-text index adds to `playbook build` (issue #6: <= 30 %).

    python3 bench/index_cost.py [ROOT:RUNS ...]     (default: .:12 /tmp/pb-S:5)

For each playbook, builds in turns (so all see the same machine load):
without the index (PLAYBOOK_NO_FULLTEXT=1), with the index but not its
cache (PLAYBOOK_NO_INDEX_CACHE=1: every page scanned), and with both (what
`playbook build` does). First as a rebuild over the previous site and its
index cache (what an author's next build does; the first round is
dropped), then cold (the destination, the kept site in .playbook-cache and the index
cache removed before each run, untimed). Prints, for each variant with
the index, the median wall and CPU (user + sys) time against the build
without, and the fastest run of each (the least disturbed by other load).
COLD=0 skips the cold runs. Needs target/release/playbook (cargo build
--release). Standard library only.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BIN = os.environ.get("PLAYBOOK_BIN", "target/release/playbook")

# name: environment it builds with
VARIANTS = {
    "without the index": {"PLAYBOOK_NO_FULLTEXT": "1"},
    "index, no cache": {"PLAYBOOK_NO_INDEX_CACHE": "1"},
    "index + cache": {},
}


def build(root, dest, extra_env, cold):
    if cold:
        shutil.rmtree(dest, ignore_errors=True)
        # What lasts between builds: the kept site and the index cache.
        shutil.rmtree(os.path.join(root, ".playbook-cache", "site"), ignore_errors=True)
        try:
            os.remove(os.path.join(root, ".playbook-cache", "index"))
        except FileNotFoundError:
            pass
    env = {k: v for k, v in os.environ.items() if k not in ("PLAYBOOK_NO_FULLTEXT", "PLAYBOOK_NO_INDEX_CACHE")}
    env.update(extra_env)
    t, r0 = time.perf_counter(), os.times()
    subprocess.run([BIN, "build", "--root", root, "--dest", dest], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    r1 = os.times()
    cpu = (r1.children_user - r0.children_user) + (r1.children_system - r0.children_system)
    return time.perf_counter() - t, cpu


def main(targets):
    work = tempfile.mkdtemp(prefix="playbook-index-cost-")
    try:
        for target in targets:
            root, _, runs = target.partition(":")
            runs = int(runs or 5)
            for cold in (False, True) if os.environ.get("COLD", "1") != "0" else (False,):
                res = {v: ([], []) for v in VARIANTS}
                for _ in range(runs + (0 if cold else 1)):
                    for i, (v, env) in enumerate(VARIANTS.items()):
                        w, c = build(root, os.path.join(work, f"site-{i}"), env, cold)
                        res[v][0].append(w)
                        res[v][1].append(c)
                if not cold:
                    for walls, cpus in res.values():
                        del walls[0], cpus[0]
                med = {v: (statistics.median(w), statistics.median(c)) for v, (w, c) in res.items()}
                base, base_fast = med["without the index"], min(res["without the index"][0])
                parts = [f"without the index: wall {base[0] * 1000:.0f} ms, CPU {base[1] * 1000:.0f} ms"]
                for v in list(VARIANTS)[1:]:
                    fast = min(res[v][0])
                    parts.append(
                        f"{v}: wall {med[v][0] * 1000:.0f} ms ({(med[v][0] / base[0] - 1) * 100:+.0f} %), "
                        f"CPU {med[v][1] * 1000:.0f} ms ({(med[v][1] / base[1] - 1) * 100:+.0f} %), "
                        f"fastest {fast * 1000:.0f} vs {base_fast * 1000:.0f} ms ({(fast / base_fast - 1) * 100:+.0f} %)")
                print(f"{root} {'cold' if cold else 'rebuild'} ({runs} runs each):\n  " + "\n  ".join(parts), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:] or [".:12", "/tmp/pb-S:5"])
