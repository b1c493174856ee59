# Other builtins that hold values in native memory while Python code runs:
# filter's item while the predicate's result's __bool__ runs, a nested format
# field's value, the items of a slice assignment, bytes/int.from_bytes items,
# namedtuple field names, a dict's entries while their __repr__ runs.
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


def fresh(n):
    for i in range(n):
        churn()
        yield [i, str(i) * 3]


class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        churn()
        return self.v % 2 == 0


print([x[0] for x in filter(lambda x: B(x[0]), fresh(20))])


class S:
    def __init__(self, v):
        self.v = v

    def __str__(self):
        churn()
        return "s" + str(self.v) * 2

    def __repr__(self):
        churn()
        return "r" + str(self.v) * 2

    def __format__(self, spec):
        churn()
        return "f" + str(self.v) + spec


class P:
    @property
    def attr(self):
        churn()
        return [1, "abc" * 2]


class W:
    def __format__(self, spec):
        churn()
        return str(8 + len(spec))


print("{0!r:>{1}}|{0!s:{1}}|".format(S(3), W()))
print("{0.attr!s:{1}}|{0.attr[1]:{1}}|".format(P(), W()))
print("{0[k]!s:{1}}|".format({"k": [1, 2]}, W()))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        churn()
        junk = [Idx(-1) for j in range(4)]
        return self.v


l = list(range(10))
l[Idx(2):Idx(5)] = (x for x in fresh(4))
print(l)
l = list(range(10))
print(l[Idx(1):Idx(9):Idx(3)], l[Idx(3)])
print(bytes(Idx(i) for i in range(40))[-5:], list(bytearray(Idx(i) for i in range(40))[-5:]))
print(int.from_bytes([Idx(i) for i in range(1, 9)], "big"), int.from_bytes((Idx(i) for i in range(3)), "little"))
print(collections.namedtuple("Q", (S(i) for i in range(3)))._fields)


def mutrepr():
    d = {}

    class R:
        def __repr__(self):
            d.clear()
            churn()
            return "R"

    d[1] = R()
    d[2] = [1, "x" * 3]
    d[3] = [2, "y" * 3]
    try:
        return repr(d)
    except RuntimeError:
        return "RuntimeError"


print(mutrepr())


# An __index__ (or __eq__) that changes the list being indexed: an IndexError or
# a result as CPython gives, never a crash.
def shrinking(l):
    class I:
        def __index__(self):
            l.clear()
            return 5

    return I()


for op in ("get", "set", "del", "slice", "setslice", "pop"):
    l = list(range(10))
    try:
        if op == "get":
            r = l[shrinking(l)]
        elif op == "set":
            l[shrinking(l)] = 1
        elif op == "del":
            del l[shrinking(l)]
        elif op == "slice":
            r = l[0 : shrinking(l)]
        elif op == "setslice":
            l[0 : shrinking(l)] = [1, 2]
        else:
            l.pop(shrinking(l))
        print(op, l)
    except IndexError:
        print(op, "IndexError")


class E:
    def __eq__(self, o):
        victim.clear()
        return True


victim = [1, 2, 3, E()]
try:
    victim.remove(0)
    print(victim)
except (IndexError, ValueError) as e:
    print(type(e).__name__)
