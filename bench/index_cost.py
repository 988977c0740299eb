#!/usr/bin/env python3
"""What the full-text index adds to `playbook build` (issue #6: <= 30 %).

    python3 bench/index_cost.py [ROOT:RUNS ...]     (default: .:12 /tmp/pb-S:5)

For each playbook, builds with and without the index (PLAYBOOK_NO_FULLTEXT=1)
in turns, so both see the same machine load: first as a rebuild over the
previous site (what an author's next build does; the first run of each is
dropped), then cold (the destination and its kept `.prev` removed before
each run, untimed). Prints median wall and CPU (user + sys) time of each
and the difference, and the fastest run of each (the least disturbed by
other load). COLD=0 skips the cold runs. Needs target/release/playbook
(cargo build --release).
Standard library only.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BIN = os.environ.get("PLAYBOOK_BIN", "target/release/playbook")


def build(root, dest, with_index, cold):
    if cold:
        shutil.rmtree(dest, ignore_errors=True)
        shutil.rmtree(os.path.join(os.path.dirname(dest), "." + os.path.basename(dest) + ".prev"), ignore_errors=True)
    env = dict(os.environ)
    env.pop("PLAYBOOK_NO_FULLTEXT", None)
    if not with_index:
        env["PLAYBOOK_NO_FULLTEXT"] = "1"
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
                res = {True: ([], []), False: ([], [])}
                for _ in range(runs + (0 if cold else 1)):
                    for with_index in (True, False):
                        w, c = build(root, os.path.join(work, f"site-{with_index}"), with_index, cold)
                        res[with_index][0].append(w)
                        res[with_index][1].append(c)
                if not cold:
                    for v in res.values():
                        del v[0][0], v[1][0]
                m = {k: (statistics.median(v[0]), statistics.median(v[1])) for k, v in res.items()}
                print(f"{root} {'cold' if cold else 'rebuild'} ({runs} runs each): "
                      f"wall {m[True][0] * 1000:.0f} ms with the index, {m[False][0] * 1000:.0f} ms without "
                      f"({(m[True][0] / m[False][0] - 1) * 100:+.0f} %); "
                      f"CPU {m[True][1] * 1000:.0f} ms vs {m[False][1] * 1000:.0f} ms "
                      f"({(m[True][1] / m[False][1] - 1) * 100:+.0f} %); "
                      f"fastest {min(res[True][0]) * 1000:.0f} vs {min(res[False][0]) * 1000:.0f} ms "
                      f"({(min(res[True][0]) / min(res[False][0]) - 1) * 100:+.0f} %)", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:] or [".:12", "/tmp/pb-S:5"])
