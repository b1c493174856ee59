#!/usr/bin/env python3
"""The pause of gc.collect() and the bytes small objects cost, krait against CPython.

Not a benchmark (the runner skips *_report.py): run it with python3, as

    python3 benches/gc_pause_report.py [--krait PATH] [--python PYTHON] [--nodes N]

It runs the same program under krait and CPython. The program builds the object
graph of benches/gc_pause.py (about 10 MB of live objects under krait at the
default size), then times gc.collect() itself in-process with
time.perf_counter() (the median of 15 collections), and reports:

- the heap in use after the build (krait: gc.mem_alloc(); CPython: tracemalloc
  is too slow to leave on, so the process's peak RSS growth stands in);
- the collection pause under each, and CPython's pause over krait's;
- what one small object costs: sys.getsizeof of a 3-element list, of a 2-tuple,
  and of an instance with two attributes plus its attribute dict, and under
  krait also the heap bytes measured with gc.mem_alloc() over 10,000 of them.

--krait defaults to $CARGO_TARGET_DIR/release/krait, else target/release/krait.
"""

import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

PROGRAM = r'''
import gc, sys, time
try:
    import resource
except ImportError:
    resource = None
krait = sys.implementation.name != "cpython"

class Record:
    def __init__(self, i, parent):
        self.id = i
        self.parent = parent
        self.tags = [i, i + 1, i + 2]
        self.key = (i, "r")
        self.name = "record-%d" % i
        self.meta = {"k": i}

class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b

def build(n):
    roots, level = [], []
    for i in range(n):
        r = Record(i, level[-1] if level else None)
        level.append(r)
        if len(level) == 100:
            roots.append(level)
            level = []
    roots.append(level)
    return roots

def rss_kb():
    if resource is None:
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

def per_object(make):
    # Heap bytes per object, from the allocator's own count (krait only).
    keep = [None] * 10000
    gc.collect()
    before = gc.mem_alloc()
    for i in range(10000):
        keep[i] = make(i)
    gc.collect()
    return (gc.mem_alloc() - before) / 10000

N = int(sys.argv[1])
gc.collect()
base_alloc = gc.mem_alloc() if krait else 0
base_rss = rss_kb()
roots = build(N)
gc.collect()
heap = (gc.mem_alloc() - base_alloc) if krait else (rss_kb() - base_rss) * 1024
times = []
for k in range(15):
    t0 = time.perf_counter()
    gc.collect()
    times.append(time.perf_counter() - t0)
times.sort()
print("heap", heap)
print("pause", times[len(times) // 2])
l = [1, 2, 3]
t = (1, 2)
p = Pair(1, 2)
print("size_list3", sys.getsizeof(l))
print("size_tuple2", sys.getsizeof(t))
print("size_instance2", sys.getsizeof(p) + sys.getsizeof(p.__dict__))
if krait:
    print("heap_list3", per_object(lambda i: [i, i, i]))
    print("heap_tuple2", per_object(lambda i: (i, i)))
    print("heap_instance2", per_object(lambda i: Pair(i, i)))
'''


def run(cmd, nodes):
    out = subprocess.run(cmd + ["-c", PROGRAM, str(nodes)], capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        sys.exit("%s failed:\n%s" % (" ".join(cmd), out.stderr))
    r = {}
    for line in out.stdout.splitlines():
        k, v = line.split()
        r[k] = float(v)
    return r


def main():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(HERE, "..", "target"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--krait", default=os.path.join(target, "release", "krait"))
    ap.add_argument("--python", default="python3")
    ap.add_argument("--nodes", type=int, default=15000, help="records in the graph (default 15000)")
    args = ap.parse_args()
    k = run([args.krait], args.nodes)
    c = run(args.python.split(), args.nodes)
    print("gc.collect() over %d records (%.1f MB of krait heap; CPython RSS growth %.1f MB)"
          % (args.nodes, k["heap"] / 1e6, c["heap"] / 1e6))
    print("  pause   krait %8.2f ms   cpython %8.2f ms   cpython/krait %.2f"
          % (k["pause"] * 1e3, c["pause"] * 1e3, c["pause"] / k["pause"]))
    print("bytes per object         krait getsizeof  krait heap  cpython getsizeof")
    for key, label in (("list3", "3-element list"), ("tuple2", "2-tuple"),
                       ("instance2", "instance, 2 attributes")):
        heap = k.get("heap_" + key)
        print("  %-24s %16d  %10s  %17d" % (label, k["size_" + key],
              "%.0f" % heap if heap is not None else "-", c["size_" + key]))


if __name__ == "__main__":
    main()
