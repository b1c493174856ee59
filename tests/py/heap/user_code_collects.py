# User __hash__/__eq__/keys/__getitem__ called from inside an operation (building a
# dict or set display, a lookup, f(**mapping)) may collect garbage: everything the
# operation has made so far must survive. gc.threshold(1) collects at almost every
# safepoint, as often as possible (CPython has no gc.threshold and needs none).
import gc

threshold = getattr(gc, "threshold", None)

class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        t = 0
        for i in range(3):
            t += i
        return hash(self.v)
    def __eq__(self, o):
        for i in range(3):
            pass
        return isinstance(o, K) and self.v == o.v

class M:
    def keys(self):
        return ["b" * 30, "a" * 30]
    def __getitem__(self, k):
        return [k[0]] * 3

def f(**kw):
    return sorted(kw.items())

if threshold:
    threshold(1)
d = {K(1): "one", K(2): "two"}
s = {K(3), K(4), K(3)}
print(d[K(1)], d[K(2)], len(s), K(4) in s)
print({**M()} == {"b" * 30: ["b"] * 3, "a" * 30: ["a"] * 3})
print(f(**M()) == [("a" * 30, ["a"] * 3), ("b" * 30, ["b"] * 3)])
print(max([K(5), K(9), K(7)], key=lambda k: k.v).v)
if threshold:
    threshold(-1)
