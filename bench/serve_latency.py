#!/usr/bin/env python3
"""Measure save → browser-notified latency of `playbook serve`.

Copies a playbook to a temp folder, starts `playbook serve` on a free port,
subscribes to its live-reload event stream like a browser does, then edits a
content file N times and reports the time from each save until the `reload`
event arrives (and checks the new text is served). Standard library only.

    python3 bench/serve_latency.py [--root DIR] [--runs 15] [--bin target/release/playbook]
"""
import argparse, re, http.client, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, queue

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--root", default=here)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--ready-timeout", type=int, default=600, help="seconds to wait for the first build")
    ap.add_argument("--bin", default=os.path.join(here, "target/release/playbook"))
    ap.add_argument("--file", default=None, help="content file to edit, relative to the playbook root (default: the first market)")
    ap.add_argument("--verbose", action="store_true", help="copy serve's stderr (e.g. with PLAYBOOK_PROFILE=1) to ours")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="pb-serve-")
    root = os.path.join(tmp, "pb")
    shutil.copytree(a.root, root, ignore=shutil.ignore_patterns("target", "book", ".git", "node_modules", "tests", "bench"))
    markets = os.path.join(root, "content", "markets")
    # Always edit the temporary copy, never the playbook given.
    target = os.path.join(root, a.file) if a.file else os.path.join(markets, sorted(os.listdir(markets))[0])
    port = free_port()
    proc = subprocess.Popen([a.bin, "serve", "--port", str(port), "--root", root], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        deadline = time.time() + a.ready_timeout
        while time.time() < deadline:
            line = proc.stderr.readline()
            if "serving on" in line: break
            if proc.poll() is not None: sys.exit("serve exited: " + line)
        def drain():
            for line in proc.stderr:
                if a.verbose: sys.stderr.write("  serve: " + line)
        # Keep reading serve's output so a full pipe never blocks it.
        threading.Thread(target=drain, daemon=True).start()
        events = queue.Queue()
        def listen():
            c = http.client.HTTPConnection("127.0.0.1", port)
            c.request("GET", "/__playbook/events")
            r = c.getresponse()
            ev = None
            while True:
                line = r.fp.readline().decode()
                if not line: return
                line = line.rstrip("\n")
                if line.startswith("event:"): ev = line[6:].strip()
                elif line.startswith("data:") and ev: events.put((ev, time.perf_counter())); ev = None
        threading.Thread(target=listen, daemon=True).start()
        events.get(timeout=30)  # hello
        original = open(target).read()
        lat = []
        served = []
        for i in range(a.runs):
            marker = f"bench-{i}-{time.time_ns()}"
            def mark(m):
                v = m.group(1)
                if len(v) > 1 and v[0] in "\"'" and v[-1] == v[0]:
                    return f"name: {v[:-1]} {marker}{v[-1]}"
                return f"name: {v} {marker}"
            text = re.sub(r"^name: (.*)$", mark, original, count=1, flags=re.M)
            tmpf = target + ".tmp-bench"
            open(tmpf, "w").write(text)
            t0 = time.perf_counter()
            os.replace(tmpf, target)  # an atomic save, as editors do
            while True:
                ev, t1 = events.get(timeout=60)
                if ev == "reload": break
            lat.append((t1 - t0) * 1000)
            # What the browser does next: fetch the page again.
            c = http.client.HTTPConnection("127.0.0.1", port)
            mid = os.path.splitext(os.path.basename(target))[0]
            c.request("GET", f"/markets/{mid}/"); body = c.getresponse().read().decode()
            t2 = time.perf_counter()
            served.append((t2 - t0) * 1000)
            if marker not in body: print(f"warning: run {i}: new text not served yet", file=sys.stderr)
            time.sleep(0.3)
        open(target, "w").write(original)
        lat.sort(); served.sort()
        print(f"save → reload event over {len(lat)} saves: median {statistics.median(lat):.0f} ms, "
              f"min {lat[0]:.0f} ms, max {lat[-1]:.0f} ms")
        print(f"save → new page fetched (reload event + the page's request): median {statistics.median(served):.0f} ms, "
              f"min {served[0]:.0f} ms, max {served[-1]:.0f} ms")
    finally:
        proc.terminate(); proc.wait(timeout=10); shutil.rmtree(tmp, ignore_errors=True)

if __name__ == "__main__":
    main()
