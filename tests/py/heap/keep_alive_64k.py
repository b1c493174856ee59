# args: -X heapsize=64K
# exp: hand
# A 64 KB heap and a program that keeps more than that alive: it gets MemoryError
# (only once what it keeps really fills the heap), catches it, lets go of what it
# kept, and carries on.

import gc

kept = []
try:
    while True:
        kept.append(bytearray(1024))
except MemoryError as e:
    print("MemoryError:", str(e).startswith("memory allocation failed, allocating"))
# The heap was full of live data, not of garbage.
print("kept at least 48 KB:", len(kept) >= 48)
n = len(kept)

# Free it all: the heap is usable again, for as much as before.
kept = None
gc.collect()
print("mem_free after freeing > 56 KB:", gc.mem_free() > 56 * 1024)
again = []
try:
    while True:
        again.append(bytearray(1024))
except MemoryError:
    pass
print("same again:", abs(len(again) - n) <= 2)
again = None

# Keeping a structure of small objects alive fails the same way.
d = {}
try:
    i = 0
    while True:
        d[i] = (i, str(i))
        i += 1
except MemoryError:
    print("MemoryError at", "many" if len(d) > 100 else "few", "entries")
d = None
gc.collect()

# One allocation bigger than the heap fails at once; smaller ones still work.
try:
    bytearray(100 * 1024)
except MemoryError:
    print("too big: MemoryError")
print(len(bytearray(30 * 1024)))
print("done")
