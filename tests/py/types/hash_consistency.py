# hash(): equal objects have equal hashes; hashable and unhashable types.

pairs = [
    (1, 1.0), (0, 0.0), (0, -0.0), (True, 1), (False, 0), (2 ** 70, float(2 ** 70)),
    ("abc", "ab" + "c"), (b"xy", bytes([120, 121])), ((1, "a"), (1.0, "a")),
    (frozenset([1, 2]), frozenset([2, 1])), (-1, -1.0), (10 ** 30, 10 ** 30),
]
for a, b in pairs:
    print(type(a).__name__, type(b).__name__, a == b, hash(a) == hash(b))

# hash is stable within a run
vals = [42, -7, 3.25, "text", b"bytes", (1, 2, (3,)), None, True, frozenset("ab"), 2 ** 100, -(2 ** 100)]
print(all(hash(v) == hash(v) for v in vals))
print(all(isinstance(hash(v), int) for v in vals))

# small ints hash to themselves (except -1), as CPython and MicroPython both do
print([hash(i) for i in range(5)], hash(100) == 100)

# unhashable types
for v in [[], {}, set(), bytearray(b"x"), [1, [2]]]:
    try:
        hash(v)
        print(type(v).__name__, "hashable?")
    except TypeError:
        print(type(v).__name__, "unhashable")

# tuples containing unhashables are unhashable
try:
    hash((1, [2]))
except TypeError:
    print("tuple with list unhashable")

# hash-based containers agree with equality
d = {1: "one"}
print(d[1.0], d[True], 1.0 in d, True in {1, 2}, {0.0: "z"}[0], {(1, 2): "t"}[(1.0, 2.0)])
s = {1, 1.0, True}
print(len(s))
s = {"a", "a", "b"}
print(len(s))

# functions, classes, modules and objects are hashable by identity
def f():
    pass

class C:
    pass

import sys
print(len({f, f, C, C, sys, sys}), hash(f) == hash(f))

# user hash through __hash__, and ints returned are used consistently
class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, o):
        return isinstance(o, Key) and o.k == self.k

print(hash(Key("x")) == hash("x"), len({Key(1), Key(1), Key(2)}), {Key("a"): 1}[Key("a")])
