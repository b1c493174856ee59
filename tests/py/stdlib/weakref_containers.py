# WeakValueDictionary, WeakKeyDictionary and WeakSet: every method, and entries
# that go away with their objects (checked after gc.collect(), so CPython, which
# frees at once, and a tracing collector print the same).
import copy
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%s)" % self.name

    def __lt__(self, other):
        return self.name < other.name


def names(objs):
    return sorted(o.name for o in objs)


a, b, c, d = Obj("a"), Obj("b"), Obj("c"), Obj("d")

print("-- WeakValueDictionary")
wvd = weakref.WeakValueDictionary({"a": a}, b=b)
wvd["c"] = c
print(len(wvd), wvd["a"], "b" in wvd, "z" in wvd, wvd.get("c"), wvd.get("z"), wvd.get("z", 0))
print(list(wvd), list(wvd.keys()), list(wvd.values()), list(wvd.items()))
print(sorted(r().name for r in wvd.valuerefs()), sorted(r.key for r in wvd.itervaluerefs()))
print(repr(wvd).startswith("<WeakValueDictionary at 0x"), wvd == {"a": a, "b": b, "c": c}, wvd != {"a": a})
try:
    wvd["z"]
except KeyError as e:
    print("KeyError", e)
print(wvd.setdefault("a", d), wvd.setdefault("d", d), len(wvd))
print(wvd.pop("d"), wvd.pop("d", "gone"), len(wvd))
try:
    wvd.pop("d")
except KeyError:
    print("KeyError: pop")
del wvd["a"]
print(sorted(wvd), "a" in wvd)
wvd.update([("a", a)])
wvd.update({"d": d}, e=Obj("e"))
gc.collect()
print(sorted(wvd), len(wvd))
key, value = wvd.popitem()
print(key, value, len(wvd))
wvd[key] = value
c2 = wvd.copy()
c3 = copy.copy(wvd)
c4 = copy.deepcopy(wvd)
print(type(c2).__name__, sorted(c2), sorted(c3), sorted(c4), c4["a"] is a)
print(sorted(wvd | {"x": a}), sorted({"y": b} | wvd))
wvd |= {"z": c}
print(sorted(wvd))
print("-- its entries go with their objects")
tmp = Obj("tmp")
wvd["tmp"] = tmp
tmp = None
gc.collect()
print(sorted(wvd), "tmp" in wvd, wvd.get("tmp"), len(wvd))
wvd.clear()
print(len(wvd), list(wvd.items()))
print(isinstance(weakref.KeyedRef(a, None, "k"), weakref.ref), weakref.KeyedRef(a, None, "k").key)

print("-- WeakKeyDictionary")
wkd = weakref.WeakKeyDictionary({a: 1})
wkd[b] = 2
wkd.update([(c, 3)])
print(len(wkd), wkd[a], b in wkd, d in wkd, "not weakly referenceable" in wkd, wkd.get(c), wkd.get(d, "none"))
print(names(wkd), names(wkd.keys()), sorted(wkd.values()), sorted((k.name, v) for k, v in wkd.items()))
print(names(r() for r in wkd.keyrefs()), repr(wkd).startswith("<WeakKeyDictionary at 0x"))
print(wkd == {a: 1, b: 2, c: 3}, wkd != {a: 1})
print(wkd.setdefault(a, 10), wkd.setdefault(d, 4), wkd.pop(d), wkd.pop(d, "gone"))
del wkd[c]
print(names(wkd))
try:
    wkd[c]
except KeyError:
    print("KeyError")
try:
    wkd["s"] = 1
except TypeError:
    print("TypeError: key can't be weakly referenced")
wkd[a] = 100
print(wkd[a], len(wkd))
k, v = wkd.popitem()
print(k.name, v, len(wkd))
wkd[k] = v
c2 = wkd.copy()
c4 = copy.deepcopy(wkd)
print(names(c2), names(c4), c4[a])
print(names(wkd | {c: 3}), names({d: 4} | wkd))
wkd |= {c: 3}
print(names(wkd))
tmp = Obj("tmp")
wkd[tmp] = "temporary"
tmp = None
gc.collect()
print(names(wkd), len(wkd), sorted(wkd.values()))
wkd.clear()
print(len(wkd))

print("-- WeakSet")
ws = weakref.WeakSet([a, b])
ws.add(c)
ws.add(a)
print(len(ws), a in ws, d in ws, 1 in ws, names(ws))
print(repr(ws).startswith("{<weakref at 0x"))
ws.remove(c)
ws.discard(c)
ws.discard(d)
try:
    ws.remove(d)
except KeyError:
    print("KeyError: remove")
print(names(ws))
other = weakref.WeakSet([b, c, d])
print(names(ws | other), names(ws.union([d])), names(ws & other), names(ws.intersection([a])))
print(names(ws - other), names(ws.difference([a])), names(ws ^ other), names(ws.symmetric_difference([a, d])))
print(ws <= weakref.WeakSet([a, b, c]), ws < weakref.WeakSet([a, b]), ws >= weakref.WeakSet([a]), ws > ws)
print(ws.issubset([a, b]), ws.issuperset([a, b, c]), ws.isdisjoint([c, d]), ws.isdisjoint([b]))
print(ws == weakref.WeakSet([b, a]), ws != weakref.WeakSet([a]), ws == {a, b})
s = ws.copy()
s |= [d]
s -= [a]
print(names(s))
s &= [b, c]
print(names(s))
s ^= [b, c]
print(names(s))
s.update([a, b])
s.difference_update([a])
s.intersection_update([b, d])
s.symmetric_difference_update([d])
print(names(s))
s -= s
print(len(s))
p = ws.copy()
popped = [p.pop(), p.pop()]
print(names(popped), len(p))
try:
    p.pop()
except KeyError as e:
    print("KeyError:", e)
tmp = Obj("tmp")
ws.add(tmp)
print(len(ws))
tmp = None
gc.collect()
print(len(ws), names(ws))
ws.clear()
print(len(ws), list(ws))

print("-- objects that go while an iteration runs are skipped")
objs = [Obj(str(i)) for i in range(6)]
wvd = weakref.WeakValueDictionary([(o.name, o) for o in objs])
wkd = weakref.WeakKeyDictionary([(o, o.name) for o in objs])
ws = weakref.WeakSet(objs)
seen = []
for k in wvd:
    seen.append(k)
    if k == "1":
        del objs[4:]
        gc.collect()
print(seen, sorted(wvd), len(wvd))
seen = []
for k, v in wkd.items():
    seen.append(v)
    if v == "1":
        del objs[3:]
        gc.collect()
print(seen, sorted(wkd.values()), len(wkd))
k = v = None
keep = objs[0]
later = []
first = True
for o in ws:
    if first:
        first = False
        objs = o = None
        gc.collect()
    else:
        later.append(o.name)
o = None
print(all(n == "0" for n in later), names(ws), len(ws))
