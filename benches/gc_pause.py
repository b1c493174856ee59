# The collector's pause: builds a graph of about 10 MB of live objects (records
# as instances with a few attributes, each holding a list, a tuple, a string and
# a small dict, linked into a tree of lists), then runs gc.collect() 20 times
# over it, with a little garbage in between. The runner times the whole process;
# benches/gc_pause_report.py measures the collections alone, in-process.
import gc
import sys


class Record:
    def __init__(self, i, parent):
        self.id = i
        self.parent = parent
        self.tags = [i, i + 1, i + 2]
        self.key = (i, "r")
        self.name = "record-%d" % i
        self.meta = {"k": i}


def build(n):
    roots = []
    level = []
    for i in range(n):
        r = Record(i, level[-1] if level else None)
        level.append(r)
        if len(level) == 100:
            roots.append(level)
            level = []
    roots.append(level)
    return roots


def checksum(roots):
    s = 0
    for level in roots:
        for r in level:
            s = (s + r.id + r.tags[2] + r.key[0] + len(r.name) + r.meta["k"]) & 0xFFFFFFF
    return s


n = int(sys.argv[1]) if len(sys.argv) > 1 else 15000
roots = build(n)
for k in range(20):
    junk = [(j, k) for j in range(1000)]
    gc.collect()
print(n, len(roots), checksum(roots), len(junk))
