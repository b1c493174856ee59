# collections.OrderedDict: ordering, move_to_end, popitem(last=...), equality.

from collections import OrderedDict

od = OrderedDict()
od["z"] = 1
od["a"] = 2
od["m"] = 3
print(list(od.keys()), list(od.values()), list(od.items()))
od["z"] = 10
print(list(od.items()))
del od["a"]
od["a"] = 4
print(list(od))

od2 = OrderedDict([("x", 1), ("y", 2), ("w", 3)])
print(list(od2), od2["y"], len(od2), "x" in od2)
od2.move_to_end("x")
print(list(od2))
od2.move_to_end("w", last=False)
print(list(od2))
print(od2.popitem(), list(od2))
print(od2.popitem(last=False), list(od2))

# equality: OrderedDicts compare order-sensitively with each other, not with dicts
a = OrderedDict([("p", 1), ("q", 2)])
b = OrderedDict([("q", 2), ("p", 1)])
print(a == b, a == {"q": 2, "p": 1}, dict(a) == dict(b))

# LRU cache built on OrderedDict
class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.data = OrderedDict()

    def get(self, k):
        if k not in self.data:
            return None
        self.data.move_to_end(k)
        return self.data[k]

    def put(self, k, v):
        if k in self.data:
            self.data.move_to_end(k)
        self.data[k] = v
        if len(self.data) > self.cap:
            self.data.popitem(last=False)

cache = LRU(2)
cache.put("a", 1)
cache.put("b", 2)
cache.get("a")
cache.put("c", 3)
print(list(cache.data), cache.get("b"), cache.get("a"), cache.get("c"))

# methods shared with dict
o = OrderedDict(k1=1, k2=2)
o.update(k3=3)
print(o.get("k1"), o.get("nope", "-"), o.setdefault("k4", 4), o.pop("k2"), list(o))
