# Allocation throughput of small objects: each step builds a 2-tuple, a
# 3-element list and an instance with two attributes (`__init__` setting them),
# reads them back and drops them, so the run is dominated by allocating and
# reclaiming small, short-lived objects. One in 256 survives a while (a ring of
# 64 slots) so the collector also sees some older live data.
import sys


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def run(n):
    ring = [None] * 64
    acc = 0
    for i in range(n):
        t = (i, acc)
        l = [i, t, acc]
        p = Pair(l, t)
        acc = (acc + p.a[0] + p.b[1] + len(l)) & 0xFFFFFFF
        if i & 255 == 0:
            ring[(i >> 8) & 63] = p
    live = sum(p.a[0] for p in ring if p is not None)
    return acc, live


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1500000
acc, live = run(n)
print(n, acc, live)
