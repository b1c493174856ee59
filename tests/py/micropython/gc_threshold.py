# exp: hand
# gc.threshold: off (-1) by default; a byte count (rounded down to the 16-byte block) makes the
# collector run after that many more bytes are allocated; a negative value turns it off again.
import gc

print(gc.threshold())
gc.threshold(4096)
print(gc.threshold())
gc.threshold(1000)
print(gc.threshold())
gc.threshold(-5)
print(gc.threshold())

# with a small threshold, garbage is collected while allocating: mem_alloc stays bounded
gc.collect()
base = gc.mem_alloc()
gc.threshold(8192)
peak = 0
for i in range(2000):
    junk = bytearray(200)
    used = gc.mem_alloc() - base
    if used > peak:
        peak = used
print("bounded", peak < 100000)
gc.threshold(-1)
print(gc.threshold())
try:
    gc.threshold("x")
except TypeError:
    print("TypeError")
