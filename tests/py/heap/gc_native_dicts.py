# Dict construction and update from pairs, fromkeys, Counter, **mapping: the pairs
# (made by a generator, a mapping's keys()) and the values being stored stay
# alive while user __hash__/__eq__/__getitem__/__add__ run Python code.
import gc

try:
    gc.threshold(1)  # MicroPython/krait: collect at almost every safepoint
except AttributeError:
    pass

import collections


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


def fresh_s(n):
    for i in range(n):
        churn()
        yield str(i) * 3 + "x"


def kv(d):
    return sorted((k.v, v) for k, v in d.items())


print(kv(dict((K(i), [i, str(i)]) for i in range(30)))[-1])
print(kv(dict([K(i), [i]] for i in range(20)))[-1])
print(kv(dict((x for x in (K(i), [i, str(i)])) for i in range(20)))[-1])
d = {}
d.update((K(i), [i, str(i) * 2]) for i in range(25))
print(kv(d)[-1], len(d))
print(kv({K(i): [i, str(i) * 2] for i in range(30)})[-1])
d = {}
for i in range(30):
    d[K(i)] = [i, str(i) * 2]
print(kv(d)[-1])
d = {K(0): 0}
for i in range(30):
    d["s" + str(i)] = [i, str(i) * 2]
print(d["s29"], len(d))
print(len(dict(d, s99=[1, 2], s98=[3])), len(dict.fromkeys(fresh_k(40))))
print(sorted(dict.fromkeys(fresh_s(20), [0]).items())[-1])


class D(dict):
    def __init__(self):
        churn()


print(type(D.fromkeys(fresh_s(10), [1])).__name__, sorted(D.fromkeys(fresh_s(10), [1]).items())[-1])
print(len({**{K(i): [i] for i in range(20)}, **dict.fromkeys(fresh_k(25), [1])}))


class M:
    def keys(self):
        for i in range(20):
            churn()
            yield "k" + str(i) * 3

    def __getitem__(self, k):
        churn()
        return [k, k]


print(sorted(dict(M()).items())[-1])
print((lambda **kw: sorted(kw.items())[-1])(**M()))
d = {K(-1): 1}
d.update(M())
print(len(d), d["k191919"])


class C:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        churn()
        return C(self.n + o)

    def __repr__(self):
        return "C(%d)" % self.n


c = collections.Counter()
for i in range(3):
    c[(K(i), i)] = C(0)
c.update((K(i % 3), i % 3) for i in range(30))
print(sorted((k[1], v) for k, v in c.items()))
print(sorted(collections.Counter(fresh_s(8)).items())[-1])
