# Weak references and the collector: cycles, many objects, automatic
# collections, and callbacks that allocate, make weak references or collect.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


log = []

print("-- a cycle is collected and its references cleared")
a, b = Node("a"), Node("b")
a.other, b.other = b, a
ra = weakref.ref(a, lambda r: log.append("a"))
rb = weakref.ref(b, lambda r: log.append("b"))
a = b = None
gc.collect()
print(ra(), rb(), sorted(log))
log.clear()

print("-- an object reachable from a live one survives")
holder = Node("holder")
holder.other = Node("held")
rh = weakref.ref(holder.other, lambda r: log.append("held"))
gc.collect()
print(rh().name, log)
holder.other = None
gc.collect()
print(rh(), log)
log.clear()

print("-- many objects, some kept")
nodes = [Node(i) for i in range(1000)]
refs = [weakref.ref(n, lambda r: log.append(1)) for n in nodes]
kept = nodes[::10]
nodes = None
gc.collect()
print(sum(r() is not None for r in refs), len(log))
log.clear()
kept = None
gc.collect()
print(sum(r() is not None for r in refs), len(log))
log.clear()

print("-- collections the program doesn't ask for clear references too")
r = weakref.ref(Node("temporary"), lambda r: log.append("temporary"))
junk = None
for i in range(200000):
    junk = [i, i, i]
gc.collect()
print(r(), log)
log.clear()

print("-- callbacks that allocate and make new weak references")
later = []


def chain(r):
    n = Node("next")
    later.append(n)
    later.append(weakref.ref(n, lambda r: log.append("second")))
    log.append("first")


c = Node("c")
rc = weakref.ref(c, chain)
c = None
gc.collect()
print(log, len(later))
later.pop(0)
gc.collect()
print(log, later[0]())
log.clear()
later.clear()

print("-- a callback that collects")


def collect_again(r):
    log.append("outer")
    gc.collect()
    log.append("outer done")


d, e = Node("d"), Node("e")
rd = weakref.ref(d, collect_again)
re_ = weakref.ref(e, lambda r: log.append("inner"))
d = None
gc.collect()
e = None
gc.collect()
print(log)
log.clear()

print("-- references to functions, classes and generators")


def make():
    def inner():
        return 1

    class Local:
        pass

    def gen():
        yield 1

    return inner, Local, gen()


items = make()
refs = [weakref.ref(x, lambda r: log.append("gone")) for x in items]
print([r() is x for r, x in zip(refs, items)])
items = None
gc.collect()
print([r() for r in refs], len(log))
log.clear()

print("-- a reference to a reference's referent in a dict")
registry = {}


def forget(r):
    del registry[r]
    log.append("forgotten")


objs = [Node(i) for i in range(5)]
for o in objs:
    registry[weakref.ref(o, forget)] = o.name
o = None
print(sorted(registry.values()))
del objs[1:3]
gc.collect()
print(sorted(registry.values()), log)
objs = None
gc.collect()
print(registry, len(log))
