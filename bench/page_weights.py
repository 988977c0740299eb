#!/usr/bin/env python3
"""Page and sidebar weights of a built site: shows that a page's size does
not grow with the size of the playbook (the sidebar is cut to blocks).

    python3 bench/page_weights.py /tmp/pb-out-L

Prints, per kind of page (the <body class="kind-…">), the number of pages,
the mean and largest page size, and the mean and largest sidebar size.
Standard library only.
"""
import os
import re
import sys
from collections import defaultdict

KIND = re.compile(rb'<body class="kind-([a-z0-9-]+)"')


def main(site):
    stats = defaultdict(lambda: [0, 0, 0, 0, 0, ""])  # n, bytes, max, side bytes, side max, largest
    for dirpath, _, files in os.walk(site):
        if os.path.basename(dirpath).startswith("."):
            continue
        for name in files:
            if not name.endswith(".html"):
                continue
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                html = f.read()
            m = KIND.search(html)
            kind = m.group(1).decode() if m else "other"
            a = html.find(b'<nav class="sidebar"')
            b = html.find(b"</nav>", a) if a >= 0 else -1
            side = b - a if a >= 0 and b > a else 0
            s = stats[kind]
            s[0] += 1
            s[1] += len(html)
            if len(html) > s[2]:
                s[2] = len(html)
                s[5] = os.path.relpath(path, site)
            s[3] += side
            s[4] = max(s[4], side)
    print(f"{'kind':<18} {'pages':>6} {'mean KB':>8} {'max KB':>8} {'sidebar mean KB':>16} {'sidebar max KB':>15}  largest")
    total_n = total_b = 0
    for kind in sorted(stats):
        n, b, mx, sb, smx, largest = stats[kind]
        total_n += n
        total_b += b
        print(f"{kind:<18} {n:>6} {b / n / 1024:>8.1f} {mx / 1024:>8.1f} {sb / n / 1024:>16.1f} {smx / 1024:>15.1f}  {largest}")
    print(f"{'all':<18} {total_n:>6} {total_b / max(total_n, 1) / 1024:>8.1f}   total {total_b / 1024 / 1024:.1f} MB of HTML")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
