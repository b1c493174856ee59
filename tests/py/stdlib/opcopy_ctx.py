# operator, bisect, copy and contextlib as programs use them.
import bisect
import copy
import operator
import sys
from contextlib import contextmanager, suppress, closing, nullcontext, redirect_stdout, ExitStack
from io import StringIO

rows = [("bob", 30, "b"), ("amy", 25, "a"), ("cid", 30, "c")]
print(sorted(rows, key=operator.itemgetter(1, 0)))
print(list(map(operator.itemgetter(0), rows)), operator.itemgetter(slice(0, 2))("abcd"))


class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner

    def greet(self, greeting, punct="!"):
        return greeting + " " + self.name + punct


ps = [P("zed", P("z")), P("ann", P("a"))]
print([p.name for p in sorted(ps, key=operator.attrgetter("name"))], operator.attrgetter("inner.name", "name")(ps[0]))
print(operator.methodcaller("greet", "hi", punct="?")(ps[1]))
print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(4), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10))
print(operator.lt(1, 2), operator.eq("a", "a"), operator.not_(0), operator.truth([]), operator.contains([1, 2], 2))
print(operator.getitem({"k": 1}, "k"), operator.abs(-3), operator.index(7), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
l = [1]
print(operator.iadd(l, [2]), l, operator.is_(None, None), operator.inv(5), operator.lshift(1, 4))
d = {}
operator.setitem(d, "a", 1)
operator.delitem(d, "a")
print(d)

scores = [10, 20, 20, 30, 45]
print(bisect.bisect_left(scores, 20), bisect.bisect_right(scores, 20), bisect.bisect(scores, 5), bisect.bisect(scores, 99))
bisect.insort(scores, 25)
bisect.insort_left(scores, 20)
print(scores)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
recs = [(1, "a"), (5, "b"), (9, "c")]
print(bisect.bisect_left(recs, 5, key=lambda r: r[0]))
bisect.insort(recs, (7, "x"), key=lambda r: r[0])
print(recs)

orig = {"a": [1, 2, {"b": [3]}], "t": (1, [2]), "s": {1, 2}}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["a"][2]["b"].append(4)
orig["t"][1].append(5)
print(shallow["a"][2]["b"], deep["a"][2]["b"], deep["t"], shallow is orig, deep["s"])
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[0])
p = P("orig", P("in"))
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.inner.name = "changed"
print(p2.inner.name, p3.inner.name, p2 is p, type(p3).__name__)


class WithCopy:
    def __copy__(self):
        return "custom copy"

    def __deepcopy__(self, memo):
        return "custom deepcopy"


print(copy.copy(WithCopy()), copy.deepcopy([WithCopy()]))


@contextmanager
def tag(name, log):
    log.append("<%s>" % name)
    try:
        yield name.upper()
    finally:
        log.append("</%s>" % name)


log = []
with tag("b", log) as t:
    log.append(t)
print(log)
try:
    with tag("i", log):
        raise ValueError("inside")
except ValueError as e:
    print("propagated", e, log[-1])


@contextmanager
def swallow():
    try:
        yield
    except KeyError:
        print("swallowed KeyError")


with swallow():
    {}["missing"]
print("after swallow")


@tag("deco", log)
def decorated():
    return "ran"


print(decorated(), decorated(), log[-4:])

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")


class Res:
    def close(self):
        print("closed")


with closing(Res()) as r:
    print(type(r).__name__)
with nullcontext(5) as v:
    print(v)
buf = StringIO()
with redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))

with ExitStack() as stack:
    stack.callback(print, "callback 1")
    stack.enter_context(tag("x", log))
    stack.callback(print, "callback 2")
print(log[-2:])
try:
    with ExitStack() as stack:
        stack.push(lambda *exc: exc[0] is KeyError)
        raise KeyError("k")
    print("suppressed by stack")
except KeyError:
    print("not suppressed")
