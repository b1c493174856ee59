# args: -X heapsize=64K
# A 64 KB heap, and a program that allocates over 100 MB in total of short-lived
# objects (tuples, lists, strings, instances with dicts, bytearrays, and now and
# then a buffer of half the heap): collection at safepoints, and the collect-and-
# retry of an allocation that fails while garbage is still on the heap, keep it
# running to the end.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def step(i):
    t = (i, i + 1, i + 2)
    l = [i, t, None]
    s = "item-" + str(i)
    p = Point(i, s)
    b = bytearray(100)
    b[0] = i & 255
    return t[2] + len(l) + len(s) + p.x + b[0]


total = 0
for i in range(200000):
    total += step(i)
    if i % 1000 == 0:
        # A third of the heap in one allocation, with garbage all around it.
        big = bytearray(24 * 1024)
        big[-1] = 7
        total += big[-1]
        big = None
        total += len("x" * 20000)
        total += len([0] * 2000)
print(total)

# Straight-line code (no loop, no call into Python: no safepoint) making more
# garbage than the heap holds: the allocation that fails collects and is retried.
a = bytes(20000)
a = bytes(20000)
a = bytes(20000)
a = bytes(20000)
a = "x" * 20000
a = "y" * 20000
a = [0] * 2500
a = [1] * 2500
print(len(a))
print("done")
