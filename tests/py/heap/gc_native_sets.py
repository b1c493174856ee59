# Set construction and set operations with user __hash__/__eq__ that run Python
# code (and so collect) while the operation holds values in native memory: the
# items gathered from a generator, a set made from an argument, the result set.
import gc

try:
    gc.threshold(1)  # MicroPython/krait: collect at almost every safepoint
except AttributeError:
    pass


class Junk:
    def __init__(self, j):
        self.v = -j
        self.pad = [j, "junk"]


def churn():
    junk = [[j, str(j), Junk(j), (j, -j)] for j in range(6)]


class K:
    def __init__(self, v):
        self.v = v
        self.pad = [v, str(v)]

    def __hash__(self):
        churn()
        return hash(self.v)

    def __eq__(self, o):
        churn()
        return isinstance(o, K) and self.v == o.v


def fresh_k(n):
    for i in range(n):
        churn()
        yield K(i)


def vs(s):
    return sorted(k.v for k in s)


print(vs(set(fresh_k(30)))[-3:], len(frozenset(fresh_k(30))))
print(vs(set(K(i) for i in range(25)))[-3:])
s = set()
s.update(fresh_k(20), fresh_k(25))
print(len(s), vs(s)[-1])
print(len({*fresh_k(20), *fresh_k(25)}))
a = set(fresh_k(20))
b = set(fresh_k(30))
print(len(a | b), len(a & b), len(b - a), len(a ^ b), a <= b, b > a, a == set(fresh_k(20)))
print(len(a.union(fresh_k(40), fresh_k(45))), len(a.intersection(fresh_k(10))), len(b.difference(fresh_k(5))))
print(len(a.symmetric_difference(fresh_k(25))), a.issubset(fresh_k(30)), b.issuperset(fresh_k(10)))
print(a.isdisjoint(fresh_k(3)), a.isdisjoint(K(i) for i in range(100, 120)))
c = set(fresh_k(30))
c.intersection_update(fresh_k(20))
c.difference_update(fresh_k(5))
c.symmetric_difference_update(fresh_k(25))
print(vs(c))
print(len(frozenset(fresh_k(10)) | frozenset(fresh_k(20))), vs(set(fresh_k(10)) - {K(1), K(2)}))
print(vs({k for k in fresh_k(20)})[-1], sorted(t[1] for t in {(K(i), i) for i in range(20)})[-1])
print(sum((K(i % 5), i % 5) in {(K(j), j) for j in range(5)} for i in range(20)))
d = {K(i): i for i in range(10)}
print(len(d.keys() & set(fresh_k(5))), len(d.keys() | fresh_k(15)), d.keys() == set(fresh_k(10)))
