# args: -X heapsize=64K
# exp: hand
# The methods of built-in types are there from the start, as in MicroPython's ROM:
# finding one for the first time allocates nothing, so it works with the heap
# locked and doesn't count against a fixed heap; the start-up classmethods and
# properties survive collections made before their first use.

import gc
import micropython

t = (3, 1, 3)
b = b"abcabc"
n = i = c = e = k = m0 = m1 = m2 = None
gc.collect()
m0 = gc.mem_alloc()
gc.collect()
m1 = gc.mem_alloc()
micropython.heap_lock()
n = t.count(3)
i = t.index(1)
c = b.count(b"c")
e = b.endswith(b"bc")
k = "x".isalpha()
micropython.heap_unlock()
gc.collect()
m2 = gc.mem_alloc()
print(n, i, c, e, k)
print(m1 - m0, m2 - m1)
print(int.from_bytes(b"\x01\x00", "little"), (7).imag, (2.5).real, (3 + 4j).imag)
print(hasattr(frozenset, "isdisjoint"), "isdisjoint" in dir(frozenset))
